/* corpus.c: measures the article extractor against the labelled corpora.
 *
 *     corpus [-uv] [-r ROUNDS] [DIR...]
 *
 * Each DIR (default ../shared/articles and ../shared/articles2) is a corpus
 * that this tool knows by the name of its folder (the table corpus_kinds):
 * documents (pg_*.txt, whose first lines "SOURCE-URL:" and "SOURCE-KIND:"
 * are not part of the text, and fcgvac_*.md) and labels.tsv, one row per
 * draw a document mentions.  A DIR that does not exist is skipped, saying
 * so.  ROUNDS (default tests/data/draws-2026-08-07.csv, the same bytes as
 * ../shared/ircc/draws-2026-08-07.csv) is IRCC's own record.  Every
 * document is parsed as kind "article", with the publication date of its
 * file name as the date to assume when the name has a full one, else
 * none, as "eedraws parse" reads a page without --date.  The draws are
 * compared with the labels:
 *
 *   - A label row is a mention that counts for recall when it states date,
 *     itas and crs.  It is found when the document emitted a draw with that
 *     date, invitations == itas and crs_cutoff == crs.
 *   - An emitted draw is correct when it has a date and at least one of
 *     invitations and crs_cutoff, and either it agrees with a label row of
 *     its document or with one of IRCC's rounds (same date; invitations and
 *     crs_cutoff equal where the draw states them).  In articles/ a label
 *     row agrees where both the row and the draw state a value; in
 *     articles2/ (its README) the row must state every value the draw does.
 *
 * The sites (the SITE of "pg_SITE_...", or "fcgvac") fall in two halves,
 * tune and unseen (half_of()): the extractor may be tuned on the first;
 * the second is known only by these figures.  Recall = found / mentions,
 * precision = correct / emitted.  The report opens with the figures that
 * count, the English pages of each half over all corpora, then gives each
 * corpus by half, for English and all pages, and by site.  Between them,
 * a count per half of why the English pages' wrong draws are wrong (what
 * IRCC's rounds say of them: another day, another year, another value)
 * and why their mentions were missed (what the page gave instead): classes
 * that can be known of the unseen half without reading it.  -v then lists
 * the tune half's missed mentions and incorrect draws, -vv also the correct
 * draws and the parser's warnings; -u lists the unseen half's too, which
 * nobody reads until the end of an issue.
 *
 * Last, every page's draws are merged as eedraws merges an article's,
 * into a scratch database that holds IRCC's feed (IRCC_FEED, the same
 * rounds): it counts, per half, the unconfirmed draws and the conflicts
 * they make, and the records that are no draw of IRCC's (-v lists the
 * tune half's, -u the unseen half's too).  IRCC's record ends on the
 * feed's date, so a page before it should make none, unless it misstates
 * a draw it names beyond doubt.
 *
 * It measures, it does not judge:
 * the exit code is 0 once it ran, 64 for usage, 1 when a file cannot be
 * read. */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "body.h"
#include "datetime.h"
#include "draw.h"
#include "parse.h"
#include "store.h"
#include "util.h"

#define DEFAULT_ROUNDS	"tests/data/draws-2026-08-07.csv"
#define IRCC_FEED	"tests/data/feed-2026-08-07.json"	/* the same rounds */
#define EVIDENCE_MAX	240	/* bytes of evidence shown per draw */

static const char *const default_dirs[] = { "../shared/articles", "../shared/articles2" };

/* A label row: a draw as one document states it. */
struct mention {
	const char *file;	/* the strings are the list's */
	const char *lang;
	const char *date;	/* as labelled, maybe partial ("2017-09"); "" if none */
	long itas, crs;		/* -1 when not stated */
	int stated;		/* date, itas and crs all stated: counts for recall */
	int found;
	size_t line;		/* in labels.tsv */
};

/* One of IRCC's rounds. */
struct round {
	const char *number;	/* the strings are the list's */
	const char *date;
	long itas, crs;
};

/* Why a draw is wrong, by what IRCC's rounds say of it (why_wrong()). */
enum { W_NO_DATE, W_NO_VALUE, W_DAY, W_YEAR, W_VALUE, W_NONE, NWRONG };
static const char *const wrong_names[NWRONG] = {
	"no date", "neither invitations nor CRS",
	"a round's values, another day (at most 7 days off)",
	"a round's values and day, another year",
	"a round's date, another value", "no round near it",
};

/* Why a mention was missed, by the page's draws (why_missed()). */
enum { M_NOTHING, M_UNDATED, M_DATE, M_PART, M_VALUE, M_OTHER, NMISSED };
static const char *const missed_names[NMISSED] = {
	"the page gave no draw", "the page gave no draw, nor its own date",
	"its values, another date",
	"its date, a value not stated", "its date, another value",
	"other draws only",
};

/* The counts of a set of documents. */
struct tally {
	size_t docs, mentions, found, emitted, correct;
	size_t wrong[NWRONG], missed[NMISSED];
};

/* The two halves of the sites: the extractor may be tuned on the first;
 * the second is read only through this tool's figures. */
enum { TUNE, UNSEEN, NHALVES };
static const char *const half_names[NHALVES] = { "tune", "unseen" };

/* A site: its half, its counts on all its pages and on its English ones. */
struct site {
	const char *name;	/* the list's */
	int half;
	struct tally all, en;
};

struct sites {
	struct site *v;
	size_t n, alloc;
	struct strlist strings;	/* owns the names */
};

static struct store *judged;	/* IRCC's feed, and the pages merged beside it */
/* IRCC's rounds as eedraws gives them to the extractor (parse_opts.known):
 * from ROUNDS, the rounds stating both values. */
static struct draw_list known;
static int verbose;
static int show_unseen;		/* -u: list the unseen half's pages too */
static FILE *detail;		/* what -v lists, printed after the report */

static void
usage(void)
{
	fprintf(stderr, "usage: corpus [-uv] [-r ROUNDS] [DIR...]\n"
	        "  DIR     a labelled corpus: articles or articles2 by its folder's name\n"
	        "          (default ../shared/articles ../shared/articles2)\n"
	        "  ROUNDS  IRCC's draws as CSV (default " DEFAULT_ROUNDS ")\n"
	        "  -v      list misses and wrong draws of the tune half (-vv: all draws)\n"
	        "  -u      with -v, the unseen half's too: only at the end of an issue\n");
	exit(EX_USAGE);
}

/*
 * Reads the next record of a CSV (sep ',') or TSV (sep '\t') text from *pp
 * into cells.  A cell that opens with '"' runs to its closing quote, in
 * which "" is one quote (RFC 4180); LF or CRLF ends a record.  Returns 1
 * with a record, 0 at the end of the text, -1 at an unterminated quote.
 */
static int
next_record(const char **pp, const char *end, int sep, struct strlist *cells)
{
	const char *p = *pp;
	struct buf cell = {0};
	int more = 1;

	if (p >= end)
		return 0;
	while (more) {
		cell.len = 0;
		buf_add(&cell, "", 0);	/* an empty cell, NUL-terminated */
		if (p < end && *p == '"') {
			for (p++;; p++) {
				if (p >= end) {
					buf_release(&cell);
					*pp = end;
					return -1;
				}
				if (*p == '"') {
					if (p + 1 < end && p[1] == '"')
						p++;
					else
						break;
				}
				buf_add(&cell, p, 1);
			}
			p++;	/* the closing quote */
		}
		/* Unquoted text, or whatever follows a closing quote. */
		while (p < end && *p != sep && *p != '\n' &&
		       !(*p == '\r' && (p + 1 == end || p[1] == '\n')))
			buf_add(&cell, p++, 1);
		strlist_add(cells, cell.data);
		if (p < end && *p == sep) {
			p++;
		} else {
			if (p < end && *p == '\r')
				p++;
			if (p < end && *p == '\n')
				p++;
			more = 0;
		}
	}
	buf_release(&cell);
	*pp = p;
	return 1;
}

/* The index of the column named name in a header record, or -1. */
static int
column(const struct strlist *header, const char *name)
{
	size_t i;

	for (i = 0; i < header->n; i++)
		if (strcmp(header->v[i], name) == 0)
			return (int)i;
	return -1;
}

static const char *
cell(const struct strlist *rec, int i)
{
	return i >= 0 && (size_t)i < rec->n ? rec->v[i] : "";
}

/* A stated count, or -1 for an empty cell; a cell that is not a count is
 * reported and read as not stated. */
static long
count_cell(const char *s, const char *path, size_t line, const char *what)
{
	long n;

	if (!*s)
		return -1;
	if ((n = parse_count(s)) < 0)
		fprintf(stderr, "corpus: %s:%zu: %s '%s' is not a count, read as not stated\n",
		        path, line, what, s);
	return n;
}

/* Reads a CSV or TSV file whose header names the columns in names (count
 * nnames); calls row() for each record after the header with the records'
 * column indexes.  Returns 0, or -1 after saying why. */
static int
read_table(const char *path, int sep, const char *const *names, int nnames,
           void (*row)(const struct strlist *rec, const int *col, size_t line, void *arg),
           void *arg)
{
	struct err e = {0};
	struct strlist rec = {0};
	const char *p, *end;
	char *data;
	size_t len, line = 0;
	int col[16], i, rc, ret = 0;

	if (read_file(path, &data, &len, &e)) {
		fprintf(stderr, "corpus: %s\n", e.msg);
		return -1;
	}
	p = data;
	end = data + len;
	while ((rc = next_record(&p, end, sep, &rec)) > 0) {
		line++;
		if (line == 1) {
			for (i = 0; i < nnames; i++)
				if ((col[i] = column(&rec, names[i])) < 0) {
					fprintf(stderr, "corpus: %s: no column '%s'\n",
					        path, names[i]);
					ret = -1;
				}
			if (ret)
				break;
		} else if (rec.n > 1 || rec.v[0][0]) {
			row(&rec, col, line, arg);
		}
		strlist_release(&rec);
	}
	if (rc < 0) {
		fprintf(stderr, "corpus: %s:%zu: unterminated quote\n", path, line + 1);
		ret = -1;
	} else if (line == 0) {
		fprintf(stderr, "corpus: %s: empty\n", path);
		ret = -1;
	}
	strlist_release(&rec);
	free(data);
	return ret;
}

/* A copy of s that strings owns: freed with it. */
static char *
keep(struct strlist *strings, const char *s)
{
	strlist_add(strings, s);
	return strings->v[strings->n - 1];
}

struct mentions {
	struct mention *v;
	size_t n, alloc;
	const char *path;
	struct strlist strings;	/* owns the rows' strings */
};

static const char *const label_columns[] = { "file", "lang", "date", "itas", "crs" };

static void
label_row(const struct strlist *rec, const int *col, size_t line, void *arg)
{
	struct mentions *l = arg;
	struct mention *m;

	if (l->n == l->alloc) {
		l->alloc = l->alloc ? 2 * l->alloc : 256;
		l->v = xrealloc(l->v, l->alloc * sizeof(*l->v));
	}
	m = &l->v[l->n++];
	m->file = keep(&l->strings, cell(rec, col[0]));
	m->lang = keep(&l->strings, cell(rec, col[1]));
	m->date = keep(&l->strings, cell(rec, col[2]));
	m->itas = count_cell(cell(rec, col[3]), l->path, line, "itas");
	m->crs = count_cell(cell(rec, col[4]), l->path, line, "crs");
	m->stated = *m->date && m->itas >= 0 && m->crs >= 0;
	m->found = 0;
	m->line = line;
}

struct rounds {
	struct round *v;
	size_t n, alloc;
	const char *path;
	struct strlist strings;	/* owns the rounds' strings */
};

static const char *const round_columns[] = { "number", "date", "invitations", "crs_cutoff" };

static void
round_row(const struct strlist *rec, const int *col, size_t line, void *arg)
{
	struct rounds *l = arg;
	struct round *r;

	if (l->n == l->alloc) {
		l->alloc = l->alloc ? 2 * l->alloc : 512;
		l->v = xrealloc(l->v, l->alloc * sizeof(*l->v));
	}
	r = &l->v[l->n++];
	r->number = keep(&l->strings, cell(rec, col[0]));
	r->date = keep(&l->strings, cell(rec, col[1]));
	r->itas = count_cell(cell(rec, col[2]), l->path, line, "invitations");
	r->crs = count_cell(cell(rec, col[3]), l->path, line, "crs_cutoff");
}

/* known from the rounds of rl that state a date and both values, with
 * their numbers. */
static void
known_from(const struct rounds *rl)
{
	size_t i;

	for (i = 0; i < rl->n; i++) {
		struct draw *d;

		if (strlen(rl->v[i].date) != 10 || rl->v[i].itas < 0 || rl->v[i].crs < 0)
			continue;
		d = draw_list_add(&known);
		memcpy(d->date, rl->v[i].date, sizeof(d->date));
		d->invitations = rl->v[i].itas;
		d->crs_cutoff = rl->v[i].crs;
		if (*rl->v[i].number)
			d->number = xstrdup(rl->v[i].number);
	}
}

static int
valid_date(const char *s)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	int i, y, m, d;

	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : s[i] < '0' || s[i] > '9')
			return 0;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	if (m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		return 0;
	return m != 2 || d != 29 || (y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
}

/* A full date at p, ended by the end of the name or one of the bytes of
 * ends: 1 and out set, else 0. */
static int
date_at(const char *p, const char *ends, char out[11])
{
	if (strlen(p) < 10 || !valid_date(p) || (p[10] != '\0' && !strchr(ends, p[10])))
		return 0;
	memcpy(out, p, 10);
	out[10] = '\0';
	return 1;
}

/* articles/: the first '_'-separated part after the prefix that opens with
 * YYYY-MM-DD ("pg_site_draw-N_2020-03-18.txt",
 * "fcgvac_2015-08-08-Express-Entry-Draw-14.md").  1 and out set, or 0 when
 * the name has no full date ("pg_site_2015-02_...", "..._undated_..."). */
static int
date_of_name(const char *name, char out[11])
{
	const char *p;

	for (p = strchr(name, '_'); p; p = strchr(p + 1, '_'))
		if (date_at(p + 1, "_-.", out))
			return 1;
	return 0;
}

/* articles2/ (its README): the <date> of "pg_<site>_<date>_<slug>.txt"
 * when it is YYYY-MM-DD; "YYYY-MM" (from the URL) and "undated" give none:
 * eedraws finds the page's date by itself or has none. */
static int
date_of_field(const char *name, char out[11])
{
	const char *p = strchr(name + 3, '_');

	return p && date_at(p + 1, "_", out);
}

/* How each corpus is dated and judged, as its README says, by the name of
 * its folder. */
struct corpus_kind {
	const char *name;
	int (*date_of)(const char *file, char out[11]);
	int strict;	/* a label row agrees only where it states every
			 * value the draw states */
};

static const struct corpus_kind corpus_kinds[] = {
	{ "articles", date_of_name, 0 },
	/* Its README measured "parse -k article" with --date from the name. */
	{ "articles2", date_of_field, 1 },
};

/* The kind of the corpus in dir, by the folder's last name, or NULL. */
static const struct corpus_kind *
corpus_kind_of(const char *dir)
{
	const char *end = dir + strlen(dir), *base;
	size_t i, n;

	while (end > dir + 1 && end[-1] == '/')
		end--;
	for (base = end; base > dir && base[-1] != '/'; base--)
		;
	n = (size_t)(end - base);
	for (i = 0; i < sizeof(corpus_kinds) / sizeof(corpus_kinds[0]); i++)
		if (strlen(corpus_kinds[i].name) == n &&
		    strncmp(corpus_kinds[i].name, base, n) == 0)
			return &corpus_kinds[i];
	return NULL;
}

/* The site of a file name: the SITE of "pg_SITE_...", else the part
 * before the first '_' ("fcgvac"). */
static char *
site_of(const char *name)
{
	const char *p = name, *q;

	if (strncmp(name, "pg_", 3) == 0)
		p += 3;
	q = strchr(p, '_');
	return q ? xstrndup(p, (size_t)(q - p)) : xstrdup(p);
}

/*
 * The half of a site.  The rule was fixed before any figure of either half
 * was seen and must never change, or the unseen half stops being unseen:
 * the FNV-1a 32-bit hash of the site's name (its bytes as in the file
 * name), even = tune, odd = unseen.  A site has the same half in every
 * corpus.
 */
static int
half_of(const char *site)
{
	const unsigned char *p;
	unsigned long h = 2166136261UL;	/* FNV-1a 32-bit offset basis */

	for (p = (const unsigned char *)site; *p; p++)
		h = ((h ^ *p) * 16777619UL) & 0xffffffffUL;	/* FNV prime */
	return h % 2 == 0 ? TUNE : UNSEEN;
}

static int
is_document(const char *name)
{
	size_t n = strlen(name);

	return (strncmp(name, "pg_", 3) == 0 && n > 7 && strcmp(name + n - 4, ".txt") == 0) ||
	       (strncmp(name, "fcgvac_", 7) == 0 && n > 10 && strcmp(name + n - 3, ".md") == 0);
}

static struct site *
site_get(struct sites *l, const char *name)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].name, name) == 0)
			return &l->v[i];
	if (l->n == l->alloc) {
		l->alloc = l->alloc ? 2 * l->alloc : 32;
		l->v = xrealloc(l->v, l->alloc * sizeof(*l->v));
	}
	memset(&l->v[l->n], 0, sizeof(l->v[l->n]));
	l->v[l->n].name = keep(&l->strings, name);
	l->v[l->n].half = half_of(name);
	return &l->v[l->n++];
}

static int
site_cmp(const void *a, const void *b)
{
	return strcmp(((const struct site *)a)->name, ((const struct site *)b)->name);
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
tally_add(struct tally *to, const struct tally *from)
{
	size_t i;

	to->docs += from->docs;
	to->mentions += from->mentions;
	to->found += from->found;
	to->emitted += from->emitted;
	to->correct += from->correct;
	for (i = 0; i < NWRONG; i++)
		to->wrong[i] += from->wrong[i];
	for (i = 0; i < NMISSED; i++)
		to->missed[i] += from->missed[i];
}

/* The body of a document: its text without the pg_ header lines, named by
 * its SOURCE-URL, else by the file name.  Takes data. */
static void
make_body(struct body *b, char *data, size_t len, const char *name)
{
	static const char *const keys[] = { "SOURCE-URL:", "SOURCE-KIND:" };
	char *p = data, *eol, *url = NULL;
	size_t i, k;

	for (i = 0; i < 2; i++) {
		k = strlen(keys[i]);
		if (strncmp(p, keys[i], k) != 0)
			continue;
		eol = strchr(p, '\n');
		eol = eol ? eol + 1 : data + len;
		if (i == 0) {
			const char *s = p + k, *e = eol;

			while (*s == ' ' || *s == '\t')
				s++;
			while (e > s && (e[-1] == '\n' || e[-1] == '\r' ||
			                 e[-1] == ' ' || e[-1] == '\t'))
				e--;
			if (e > s)
				url = xstrndup(s, (size_t)(e - s));
		}
		p = eol;
	}
	len -= (size_t)(p - data);
	memmove(data, p, len + 1);
	memset(b, 0, sizeof(*b));
	b->data = data;
	b->len = len;
	b->url = url ? url : xstrdup(name);
	b->fetched_at = 0;
}

/* Into detail. */
static void
print_draw(const char *tag, const char *file, const struct draw *d, const char *why)
{
	const char *s;
	size_t n = 0;
	int space = 0;

	fprintf(detail, "%s %s:", tag, file);
	if (d->number)
		fprintf(detail, " #%s", d->number);
	fprintf(detail, " date %s", d->date[0] ? d->date : "-");
	if (d->name)
		fprintf(detail, " '%s'", d->name);
	if (d->invitations >= 0)
		fprintf(detail, " itas %ld", d->invitations);
	else
		fprintf(detail, " itas -");
	if (d->crs_cutoff >= 0)
		fprintf(detail, " crs %ld", d->crs_cutoff);
	else
		fprintf(detail, " crs -");
	if (why)
		fprintf(detail, ": %s", why);
	if (d->evidence) {
		/* On one line, whitespace squeezed, cut at a character. */
		fputs("\n    evidence: ", detail);
		for (s = d->evidence; *s; s++) {
			if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
				space = n > 0;
				continue;
			}
			if (n >= EVIDENCE_MAX && ((unsigned char)*s & 0xc0) != 0x80) {
				fputs(" ...", detail);
				break;
			}
			if (space) {
				putc(' ', detail);
				n++;
				space = 0;
			}
			putc(*s, detail);
			n++;
		}
	}
	putc('\n', detail);
}

/* Why an emitted draw is incorrect, or NULL when it is correct.  strict:
 * a label row agrees only where it states every value the draw states. */
static const char *
judge(const struct draw *d, const char *file, int strict, const struct mentions *ml,
      const struct rounds *rl)
{
	size_t i;

	if (!d->date[0])
		return "no date";
	if (d->invitations < 0 && d->crs_cutoff < 0)
		return "neither invitations nor CRS";
	for (i = 0; i < ml->n; i++) {
		const struct mention *m = &ml->v[i];

		if (strcmp(m->file, file) != 0 || strcmp(m->date, d->date) != 0)
			continue;
		if (d->invitations >= 0 && (strict || m->itas >= 0) && m->itas != d->invitations)
			continue;
		if (d->crs_cutoff >= 0 && (strict || m->crs >= 0) && m->crs != d->crs_cutoff)
			continue;
		return NULL;
	}
	for (i = 0; i < rl->n; i++) {
		const struct round *r = &rl->v[i];

		if (strcmp(r->date, d->date) != 0)
			continue;
		if (d->invitations >= 0 && r->itas != d->invitations)
			continue;
		if (d->crs_cutoff >= 0 && r->crs != d->crs_cutoff)
			continue;
		return NULL;
	}
	return "matches no label of the document and no IRCC round";
}

/* The day number of a YYYY-MM-DD date, or LONG_MIN. */
static long
day_of(const char *date)
{
	int y, m, d;

	if (strlen(date) != 10 || sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3)
		return LONG_MIN;
	return days_from_civil(y, m, d);
}

/* Whether round r states every value d states, as d states it. */
static int
same_values(const struct draw *d, const struct round *r)
{
	return (d->invitations < 0 || r->itas == d->invitations) &&
	       (d->crs_cutoff < 0 || r->crs == d->crs_cutoff);
}

/* What IRCC's rounds say of a wrong draw d: a W_ class. */
static int
why_wrong(const struct draw *d, const struct rounds *rl)
{
	long day = day_of(d->date), off;
	size_t i;
	int why = W_NONE;

	if (!d->date[0])
		return W_NO_DATE;
	if (d->invitations < 0 && d->crs_cutoff < 0)
		return W_NO_VALUE;
	for (i = 0; i < rl->n; i++) {
		const struct round *r = &rl->v[i];

		off = day_of(r->date) - day;
		if (same_values(d, r) && off >= -7 && off <= 7)
			return W_DAY;
		if (same_values(d, r) && strlen(r->date) == 10 && strcmp(r->date + 4, d->date + 4) == 0)
			why = W_YEAR;
		else if (off == 0 && why == W_NONE)
			why = W_VALUE;
	}
	return why;
}

/* What the page's draws say of a mention m it missed: an M_ class;
 * undated: the extractor warned that the page gives no date of its own. */
static int
why_missed(const struct mention *m, const struct draw_list *draws, int undated)
{
	size_t i;
	int why = draws->n ? M_OTHER : undated ? M_UNDATED : M_NOTHING;

	for (i = 0; i < draws->n; i++) {
		const struct draw *d = &draws->v[i];

		if (strcmp(d->date, m->date) != 0) {
			if (d->invitations == m->itas && d->crs_cutoff == m->crs)
				return M_DATE;
		} else if ((d->invitations < 0 || d->invitations == m->itas) &&
		           (d->crs_cutoff < 0 || d->crs_cutoff == m->crs)) {
			why = M_PART;
		} else if (why != M_PART) {
			why = M_VALUE;
		}
	}
	return why;
}

/* Merges a page's draws as eedraws merges an article's, the page named by
 * its file name so that its half can be told. */
static void
merge_beside_ircc(const struct body *b, const char *name, const struct draw_list *draws)
{
	struct body named = *b;
	struct err e = {0};

	named.url = (char *)name;
	if (store_put_observations(judged, "corpus", &named, draws, NULL, NULL, NULL, &e)) {
		fprintf(stderr, "corpus: %s: %s; no longer merging beside IRCC's record\n",
		        name, e.msg);
		store_close(judged);
		judged = NULL;
	}
}

/* Parses one document as eedraws reads a page of that corpus.  Returns 0,
 * 1 when the extractor rejected it, -1 when the file cannot be read.
 * *undated: set when the extractor warned that the page gives no date of
 * its own.  show: the verbosity of what it lists. */
static int
parse_document(const char *dir, const char *name, const struct corpus_kind *k,
               struct draw_list *draws, int *undated, int show)
{
	struct err e = {0};
	struct body b;
	struct parse_opts opts = {0};
	struct strlist warn = {0};
	char *path = xasprintf("%s/%s", dir, name), *data, date[11];
	size_t i, len;
	int rc;

	rc = read_file(path, &data, &len, &e);
	free(path);
	if (rc) {
		fprintf(stderr, "corpus: %s\n", e.msg);
		return -1;
	}
	make_body(&b, data, len, name);
	if (k->date_of(name, date))
		opts.date = date;
	opts.known = &known;
	rc = parse_body(&b, "article", &opts, draws, &warn, &e);
	if (rc && show)
		fprintf(detail, "rejected %s: %s (exit %d)\n", name, e.msg, rc);
	if (rc == 0 && judged)
		merge_beside_ircc(&b, name, draws);
	for (i = 0; i < warn.n; i++) {
		if (strstr(warn.v[i], "gives no publication date"))
			*undated = 1;
		if (show > 1)
			fprintf(detail, "warning %s: %s\n", name, warn.v[i]);
	}
	strlist_release(&warn);
	body_release(&b);
	return rc ? 1 : 0;
}

/* Counts a document's draws and its label rows into t. */
static void
count_document(const char *name, const struct draw_list *draws, int undated, int strict,
               struct mentions *ml, const struct rounds *rl, struct tally *t, int show)
{
	const char *why;
	size_t i, j;

	t->docs++;
	for (i = 0; i < draws->n; i++) {
		t->emitted++;
		why = judge(&draws->v[i], name, strict, ml, rl);
		if (!why)
			t->correct++;
		else
			t->wrong[why_wrong(&draws->v[i], rl)]++;
		if (why ? show > 0 : show > 1)
			print_draw(why ? "wrong" : "right", name, &draws->v[i], why);
	}
	for (j = 0; j < ml->n; j++) {
		struct mention *m = &ml->v[j];

		if (strcmp(m->file, name) != 0 || !m->stated)
			continue;
		t->mentions++;
		for (i = 0; i < draws->n && !m->found; i++)
			m->found = strcmp(draws->v[i].date, m->date) == 0 &&
			           draws->v[i].invitations == m->itas &&
			           draws->v[i].crs_cutoff == m->crs;
		if (m->found)
			t->found++;
		else
			t->missed[why_missed(m, draws, undated)]++;
		if (!m->found && show)
			fprintf(detail, "missed %s: date %s itas %ld crs %ld (labels.tsv:%zu)\n",
			        name, m->date, m->itas, m->crs, m->line);
	}
}

/* English: every label row of the document is "en"; with none, a pg_ page. */
static int
is_english(const char *name, const struct mentions *ml)
{
	size_t i, rows = 0;

	for (i = 0; i < ml->n; i++) {
		if (strcmp(ml->v[i].file, name) != 0)
			continue;
		if (strcmp(ml->v[i].lang, "en") != 0)
			return 0;
		rows++;
	}
	return rows > 0 || strncmp(name, "pg_", 3) == 0;
}

/* What one corpus measured. */
struct result {
	const char *dir;
	const struct corpus_kind *kind;
	size_t docs, rows, rejected;
	struct tally all[NHALVES], en[NHALVES];
	struct sites sites;
};

/* Measures one document and counts it into r.  Returns 0, or -1 when the
 * file cannot be read. */
static int
run_document(struct result *r, const char *name, struct mentions *ml,
             const struct rounds *rl)
{
	struct draw_list draws = {0};
	struct tally doc = {0};
	struct site *s;
	char *site = site_of(name);
	int show, rc, undated = 0;

	s = site_get(&r->sites, site);
	free(site);
	show = s->half == TUNE || show_unseen ? verbose : 0;
	if ((rc = parse_document(r->dir, name, r->kind, &draws, &undated, show)) < 0)
		return -1;
	r->rejected += (size_t)rc;
	count_document(name, &draws, undated, r->kind->strict, ml, rl, &doc, show);
	draw_list_release(&draws);
	tally_add(&s->all, &doc);
	tally_add(&r->all[s->half], &doc);
	if (is_english(name, ml)) {
		tally_add(&s->en, &doc);
		tally_add(&r->en[s->half], &doc);
	}
	return 0;
}

/* The documents of dir into names, sorted.  Returns 0, or -1 after saying
 * why. */
static int
list_documents(const char *dir, struct strlist *names)
{
	struct dirent *de;
	DIR *dp;
	int ret = 0;

	if (!(dp = opendir(dir))) {
		fprintf(stderr, "corpus: cannot open '%s': %s\n", dir, strerror(errno));
		return -1;
	}
	errno = 0;
	while ((de = readdir(dp)))
		if (is_document(de->d_name))
			strlist_add(names, de->d_name);
	if (errno) {
		fprintf(stderr, "corpus: cannot read '%s': %s\n", dir, strerror(errno));
		ret = -1;
	}
	closedir(dp);
	if (names->n)
		qsort(names->v, names->n, sizeof(*names->v), str_cmp);
	return ret;
}

/* Says which label rows name no document. */
static void
check_labels(const struct mentions *ml, const struct strlist *names, const char *dir)
{
	size_t i, j;

	for (i = 0; i < ml->n; i++) {
		for (j = 0; j < names->n; j++)
			if (strcmp(ml->v[i].file, names->v[j]) == 0)
				break;
		if (j == names->n)
			fprintf(stderr, "corpus: %s:%zu: no document '%s' in %s\n",
			        ml->path, ml->v[i].line, ml->v[i].file, dir);
	}
}

/* Measures the corpus in r->dir into r.  Returns 0, or 1 when a file
 * cannot be read. */
static int
run_corpus(struct result *r, const struct rounds *rl)
{
	struct mentions ml = {0};
	struct strlist names = {0};
	char *labels_path = xasprintf("%s/labels.tsv", r->dir);
	size_t i;
	int ret = 0;

	ml.path = labels_path;
	if (read_table(labels_path, '\t', label_columns, 5, label_row, &ml) ||
	    list_documents(r->dir, &names)) {
		ret = 1;
		goto out;
	}
	check_labels(&ml, &names, r->dir);
	if (detail)
		fprintf(detail, "%s%s: %s\n", ftell(detail) > 0 ? "\n" : "", r->kind->name, r->dir);
	r->docs = names.n;
	r->rows = ml.n;
	for (i = 0; i < names.n; i++)
		if (run_document(r, names.v[i], &ml, rl))
			ret = 1;
	if (r->sites.n)
		qsort(r->sites.v, r->sites.n, sizeof(*r->sites.v), site_cmp);
out:
	strlist_release(&ml.strings);
	free(ml.v);
	strlist_release(&names);
	free(labels_path);
	return ret;
}

static void
print_ratio(size_t num, size_t den, int width)
{
	if (den)
		printf(" %*.3f", width, (double)num / (double)den);
	else
		printf(" %*s", width, "-");
}

static void
print_header(const char *title)
{
	printf("%-32s %-6s %9s %8s %5s %6s %7s %7s %9s\n", title, "half", "documents",
	       "mentions", "found", "recall", "emitted", "correct", "precision");
}

static void
print_tally(const char *name, const char *half, const struct tally *t)
{
	printf("%-32s %-6s %9zu %8zu %5zu", name, half, t->docs, t->mentions, t->found);
	print_ratio(t->found, t->mentions, 6);
	printf(" %7zu %7zu", t->emitted, t->correct);
	print_ratio(t->correct, t->emitted, 9);
	putchar('\n');
}

/* The rows of one set of pages: each half, then both. */
static void
print_halves(const char *name, const struct tally *t)
{
	struct tally sum = {0};
	int h;

	for (h = 0; h < NHALVES; h++) {
		print_tally(name, half_names[h], &t[h]);
		tally_add(&sum, &t[h]);
	}
	print_tally(name, "all", &sum);
}

/* The figures that count: the English pages of each half, unseen first,
 * over all corpora and by corpus. */
static void
print_summary(const struct result *r, size_t n, size_t rounds)
{
	static const int order[NHALVES] = { UNSEEN, TUNE };
	struct tally sum;
	char label[64];
	size_t i;
	int h;

	printf("corpus: %zu IRCC rounds; sites split by FNV-1a 32-bit of the name, "
	       "even = tune, odd = unseen\n", rounds);
	print_header("English pages");
	for (h = 0; h < NHALVES; h++) {
		memset(&sum, 0, sizeof(sum));
		for (i = 0; i < n; i++)
			tally_add(&sum, &r[i].en[order[h]]);
		print_tally(n > 1 ? "combined" : r[0].kind->name, half_names[order[h]], &sum);
		for (i = 0; n > 1 && i < n; i++) {
			snprintf(label, sizeof(label), "  %s", r[i].kind->name);
			print_tally(label, half_names[order[h]], &r[i].en[order[h]]);
		}
	}
}

/* Why the English pages' wrong draws are wrong and their missed mentions
 * missed, a count per half over all corpora: classes, not pages, so that
 * the unseen half's can be known without reading it. */
static void
print_whys(const struct result *r, size_t n)
{
	static const int order[NHALVES] = { UNSEEN, TUNE };
	struct tally sum[NHALVES];
	size_t i;
	int h, w;

	memset(sum, 0, sizeof(sum));
	for (h = 0; h < NHALVES; h++)
		for (i = 0; i < n; i++)
			tally_add(&sum[h], &r[i].en[h]);
	printf("\n%-56s %6s %6s\n", "English pages: why wrong", half_names[order[0]],
	       half_names[order[1]]);
	for (w = 0; w < NWRONG; w++)
		printf("  %-54s %6zu %6zu\n", wrong_names[w], sum[order[0]].wrong[w],
		       sum[order[1]].wrong[w]);
	printf("%-56s %6s %6s\n", "English pages: why missed", half_names[order[0]],
	       half_names[order[1]]);
	for (w = 0; w < NMISSED; w++)
		printf("  %-54s %6zu %6zu\n", missed_names[w], sum[order[0]].missed[w],
		       sum[order[1]].missed[w]);
}

/* One corpus: its halves for English and all pages, then each site (and
 * its English pages when not all are). */
static void
print_result(const struct result *r)
{
	const struct site *s;
	char label[64];
	size_t i;

	printf("\n%s: %s: %zu documents, %zu label rows; %zu rejected by the extractor\n",
	       r->kind->name, r->dir, r->docs, r->rows, r->rejected);
	print_header("");
	print_halves("english", r->en);
	print_halves("all", r->all);
	for (i = 0; i < r->sites.n; i++) {
		s = &r->sites.v[i];
		snprintf(label, sizeof(label), "  %s", s->name);
		print_tally(label, half_names[s->half], &s->all);
		if (s->en.docs && s->en.docs != s->all.docs) {
			snprintf(label, sizeof(label), "  %s (english)", s->name);
			print_tally(label, half_names[s->half], &s->en);
		}
	}
}

/* Prints what -v listed into the memory stream detail (text and len,
 * set once it is closed), after the report.  Returns 0, or -1 after
 * saying why. */
static int
print_detail(char *const *text, const size_t *len)
{
	if (fclose(detail) != 0) {
		fprintf(stderr, "corpus: cannot list the details: %s\n", strerror(errno));
		return -1;
	}
	detail = NULL;
	if (*len) {
		putchar('\n');
		fwrite(*text, 1, *len, stdout);
	}
	return 0;
}

/* The scratch database in dir, IRCC's feed merged into it, as judged.
 * Returns 0, or -1 after saying why: the rest runs without it. */
static int
open_judged(const char *dir)
{
	struct parse_opts opts = {0};
	struct draw_list draws = {0};
	struct strlist warn = {0};
	struct err e = {0};
	struct body b = {0};
	char *db = xasprintf("%s/judged.db", dir);
	int rc;

	if ((rc = read_file(IRCC_FEED, &b.data, &b.len, &e)) == 0) {
		b.url = xstrdup(IRCC_FEED);
		rc = parse_body(&b, "ircc-json", &opts, &draws, &warn, &e);
	}
	if (rc == 0 && (rc = store_open(&judged, db, &e)) == 0 &&
	    (rc = store_put_body(judged, "ircc", &b, &draws, NULL, NULL, NULL, &e))) {
		store_close(judged);
		judged = NULL;
	}
	if (rc)
		fprintf(stderr, "corpus: cannot merge beside IRCC's record: %s\n", e.msg);
	draw_list_release(&draws);
	strlist_release(&warn);
	body_release(&b);
	free(db);
	return rc ? -1 : 0;
}

/* Counts the rows sql selects, its first column a page's file name, by
 * the half of the page's site. */
static void
count_by_half(sqlite3 *db, const char *sql, size_t n[NHALVES])
{
	sqlite3_stmt *st;
	char *site;

	memset(n, 0, NHALVES * sizeof(*n));
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		fprintf(stderr, "corpus: %s\n", sqlite3_errmsg(db));
		return;
	}
	while (sqlite3_step(st) == SQLITE_ROW) {
		const unsigned char *name = sqlite3_column_text(st, 0);

		site = site_of(name ? (const char *)name : "");
		n[half_of(site)]++;
		free(site);
	}
	sqlite3_finalize(st);
}

/* With -v, the records sql selects (url, date, invitations, cut-off) of
 * the tune half, or of both with -u, one a line after the word what. */
static void
list_by_half(sqlite3 *db, const char *sql, const char *what)
{
	sqlite3_stmt *st;

	if (!verbose || sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		return;
	while (sqlite3_step(st) == SQLITE_ROW) {
		const unsigned char *name = sqlite3_column_text(st, 0);
		char *site = site_of(name ? (const char *)name : "");

		if (half_of(site) == TUNE || show_unseen)
			printf("%s %s: date %s itas %s crs %s\n", what, name,
			       sqlite3_column_text(st, 1) ? (const char *)sqlite3_column_text(st, 1) : "-",
			       sqlite3_column_text(st, 2) ? (const char *)sqlite3_column_text(st, 2) : "-",
			       sqlite3_column_text(st, 3) ? (const char *)sqlite3_column_text(st, 3) : "-");
		free(site);
	}
	sqlite3_finalize(st);
}

/* What the pages made beside IRCC's record: unconfirmed draws, conflicts
 * (a draw and a page), records that are no draw; -v lists the last. */
static void
print_judged(const char *dir)
{
	static const int order[NHALVES] = { UNSEEN, TUNE };
	size_t unconf[NHALVES], conflicts[NHALVES], none[NHALVES];
	char *path = xasprintf("%s/judged.db", dir);
	sqlite3 *db = NULL;
	int h;

	store_close(judged);
	judged = NULL;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
		fprintf(stderr, "corpus: cannot read '%s': %s\n", path, sqlite3_errmsg(db));
	} else {
		count_by_half(db, "SELECT min(o.url) FROM unconfirmed u JOIN observations o"
		              " ON o.unconfirmed = u.id WHERE u.state = 'unconfirmed'"
		              " GROUP BY u.id", unconf);
		count_by_half(db, "SELECT DISTINCT url, number FROM conflicts", conflicts);
		count_by_half(db, "SELECT url FROM observations WHERE number IS NULL"
		              " AND unconfirmed IS NULL", none);
		printf("\nbeside IRCC's record (%s), every page merged as an article\n",
		       IRCC_FEED);
		printf("%-32s %-6s %11s %9s %9s\n", "", "half", "unconfirmed", "conflicts",
		       "no draw");
		for (h = 0; h < NHALVES; h++)
			printf("%-32s %-6s %11zu %9zu %9zu\n", "", half_names[order[h]],
			       unconf[order[h]], conflicts[order[h]], none[order[h]]);
		list_by_half(db, "SELECT url, date, invitations, crs_cutoff FROM observations"
		             " WHERE number IS NULL AND unconfirmed IS NULL ORDER BY url, date",
		             "no-draw");
	}
	sqlite3_close(db);
	free(path);
}

/* Removes the scratch directory dir and the database in it. */
static void
remove_scratch(const char *dir)
{
	static const char *const files[] = { "judged.db", "judged.db-wal", "judged.db-shm" };
	char *path;
	size_t i;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		path = xasprintf("%s/%s", dir, files[i]);
		unlink(path);
		free(path);
	}
	rmdir(dir);
}

/* Measures each corpus of dirs that exists into res; says which are
 * absent.  Returns 0, or 1 when a file cannot be read. */
static int
run_corpora(char *const *dirs, size_t ndirs, const struct rounds *rl,
            struct result *res, size_t *nres)
{
	struct stat st;
	size_t i;
	int ret = 0;

	for (i = 0; i < ndirs; i++) {
		if (stat(dirs[i], &st) != 0 && errno == ENOENT) {
			printf("corpus: skipped: %s is absent\n", dirs[i]);
			continue;
		}
		res[*nres].dir = dirs[i];
		res[*nres].kind = corpus_kind_of(dirs[i]);
		if (run_corpus(&res[(*nres)++], rl))
			ret = 1;
	}
	return ret;
}

int
main(int argc, char **argv)
{
	const char *rounds_path = DEFAULT_ROUNDS;
	char *const *dirs = (char *const *)default_dirs;
	struct rounds rl = {0};
	struct result *res = NULL;
	char *text = NULL, scratch[] = "/tmp/eedraws-corpus-XXXXXX";
	size_t i, ndirs = 2, nres = 0, len = 0;
	int c, ret = 0;

	while ((c = getopt(argc, argv, "r:uv")) != -1) {
		switch (c) {
		case 'r':
			rounds_path = optarg;
			break;
		case 'u':
			show_unseen = 1;
			break;
		case 'v':
			verbose++;
			break;
		default:
			usage();
		}
	}
	if (optind < argc) {
		dirs = argv + optind;
		ndirs = (size_t)(argc - optind);
	}
	for (i = 0; i < ndirs; i++)
		if (!corpus_kind_of(dirs[i])) {
			fprintf(stderr, "corpus: '%s': not a corpus it knows (articles, articles2)\n",
			        dirs[i]);
			usage();
		}

	rl.path = rounds_path;
	if (read_table(rounds_path, ',', round_columns, 4, round_row, &rl)) {
		ret = 1;
		goto out;
	}
	if (verbose && !(detail = open_memstream(&text, &len))) {
		fprintf(stderr, "corpus: cannot list the details: %s\n", strerror(errno));
		ret = 1;
		goto out;
	}
	known_from(&rl);
	res = xcalloc(ndirs, sizeof(*res));
	if (!mkdtemp(scratch))
		fprintf(stderr, "corpus: cannot make '%s': %s\n", scratch, strerror(errno));
	else
		open_judged(scratch);
	ret = run_corpora(dirs, ndirs, &rl, res, &nres);
	if (nres)
		print_summary(res, nres, rl.n);
	if (nres)
		print_whys(res, nres);
	if (judged && nres)
		print_judged(scratch);
	store_close(judged);
	draw_list_release(&known);
	remove_scratch(scratch);
	for (i = 0; i < nres; i++)
		print_result(&res[i]);
	if (detail && print_detail(&text, &len))
		ret = 1;
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "corpus: cannot write the report: %s\n", strerror(errno));
		ret = 1;
	}
	for (i = 0; i < nres; i++) {
		strlist_release(&res[i].sites.strings);
		free(res[i].sites.v);
	}
out:
	free(res);
	free(text);
	strlist_release(&rl.strings);
	free(rl.v);
	return ret;
}
