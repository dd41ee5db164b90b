/* corpus.c: measures the article extractor against the labelled corpus.
 *
 *     corpus [-v] [-r ROUNDS] [DIR]
 *
 * DIR (default ../shared/articles) holds the documents (pg_*.txt, whose
 * first lines "SOURCE-URL:" and "SOURCE-KIND:" are not part of the text,
 * and fcgvac_*.md) and labels.tsv, one row per draw a document mentions.
 * ROUNDS (default tests/data/draws-2026-08-07.csv) is IRCC's own record.
 * Every document is parsed as kind "article", with the publication date of
 * its file name as the date to assume, and its draws are compared with the
 * labels:
 *
 *   - A label row is a mention that counts for recall when it states date,
 *     itas and crs.  It is found when the document emitted a draw with that
 *     date, invitations == itas and crs_cutoff == crs.
 *   - An emitted draw is correct when it has a date and at least one of
 *     invitations and crs_cutoff, and either it agrees with a label row of
 *     its document (same date; invitations and crs_cutoff equal where both
 *     the row and the draw state them) or with one of IRCC's rounds (same
 *     date; invitations and crs_cutoff equal where the draw states them).
 *
 * Recall = found / mentions, precision = correct / emitted, for all
 * documents, the English ones and each source (the site of a pg_ name, or
 * "fcgvac").  -v lists the missed mentions and the incorrect draws, -vv
 * also the correct draws and the parser's warnings.  It measures, it does
 * not judge: the exit code is 0 once it ran, 64 for usage, 1 when a file
 * cannot be read.  A DIR that does not exist is skipped, saying so. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "body.h"
#include "draw.h"
#include "parse.h"
#include "util.h"

#define DEFAULT_DIR	"../shared/articles"
#define DEFAULT_ROUNDS	"tests/data/draws-2026-08-07.csv"
#define EVIDENCE_MAX	240	/* bytes of evidence shown per draw */

/* A label row: a draw as one document states it. */
struct mention {
	char *file;
	char *lang;
	char *date;		/* as labelled, maybe partial ("2017-09"); "" if none */
	long itas, crs;		/* -1 when not stated */
	int stated;		/* date, itas and crs all stated: counts for recall */
	int found;
	size_t line;		/* in labels.tsv */
};

/* One of IRCC's rounds. */
struct round {
	char *number;
	char *date;
	long itas, crs;
};

/* The counts of one row of the table. */
struct tally {
	char *name;
	int half;		/* a site's: TUNE or UNSEEN */
	size_t docs, mentions, found, emitted, correct;
};

/* The two halves of the sites: the extractor may be tuned on the first;
 * the second is read only through this tool's figures. */
enum { TUNE, UNSEEN, NHALVES };
static const char *const half_names[NHALVES] = { "tune", "unseen" };

struct tallies {
	struct tally *v;
	size_t n, alloc;
};

static int verbose;

static void
usage(void)
{
	fprintf(stderr, "usage: corpus [-v] [-r ROUNDS] [DIR]\n"
	        "  DIR     the labelled articles (default " DEFAULT_DIR ")\n"
	        "  ROUNDS  IRCC's draws as CSV (default " DEFAULT_ROUNDS ")\n");
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

struct mentions {
	struct mention *v;
	size_t n, alloc;
	const char *path;
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
	m->file = xstrdup(cell(rec, col[0]));
	m->lang = xstrdup(cell(rec, col[1]));
	m->date = xstrdup(cell(rec, col[2]));
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
	r->number = xstrdup(cell(rec, col[0]));
	r->date = xstrdup(cell(rec, col[1]));
	r->itas = count_cell(cell(rec, col[2]), l->path, line, "invitations");
	r->crs = count_cell(cell(rec, col[3]), l->path, line, "crs_cutoff");
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

/* The publication date in a file name: the first '_'-separated part after
 * the prefix that opens with YYYY-MM-DD ("pg_site_draw-N_2020-03-18.txt",
 * "fcgvac_2015-08-08-Express-Entry-Draw-14.md").  1 and out set, or 0 when
 * the name has no full date ("pg_site_2015-02_...", "..._undated_..."). */
static int
date_of_name(const char *name, char out[11])
{
	const char *p = strchr(name, '_');

	for (; p; p = strchr(p, '_')) {
		p++;
		if (strlen(p) >= 10 && valid_date(p) &&
		    (p[10] == '\0' || p[10] == '_' || p[10] == '-' || p[10] == '.')) {
			memcpy(out, p, 10);
			out[10] = '\0';
			return 1;
		}
	}
	return 0;
}

/* The source family of a file name: the site of "pg_SITE_...", else the
 * part before the first '_' ("fcgvac"). */
static char *
family_of(const char *name)
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

static struct tally *
tally_get(struct tallies *t, const char *name)
{
	size_t i;

	for (i = 0; i < t->n; i++)
		if (strcmp(t->v[i].name, name) == 0)
			return &t->v[i];
	if (t->n == t->alloc) {
		t->alloc = t->alloc ? 2 * t->alloc : 32;
		t->v = xrealloc(t->v, t->alloc * sizeof(*t->v));
	}
	memset(&t->v[t->n], 0, sizeof(t->v[t->n]));
	t->v[t->n].name = xstrdup(name);
	t->v[t->n].half = half_of(name);
	return &t->v[t->n++];
}

static int
tally_cmp(const void *a, const void *b)
{
	return strcmp(((const struct tally *)a)->name, ((const struct tally *)b)->name);
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
tally_add(struct tally *to, const struct tally *from)
{
	to->docs += from->docs;
	to->mentions += from->mentions;
	to->found += from->found;
	to->emitted += from->emitted;
	to->correct += from->correct;
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

static void
print_draw(const char *tag, const char *file, const struct draw *d, const char *why)
{
	const char *s;
	size_t n = 0;
	int space = 0;

	printf("%s %s:", tag, file);
	if (d->number)
		printf(" #%s", d->number);
	printf(" date %s", d->date[0] ? d->date : "-");
	if (d->name)
		printf(" '%s'", d->name);
	if (d->invitations >= 0)
		printf(" itas %ld", d->invitations);
	else
		printf(" itas -");
	if (d->crs_cutoff >= 0)
		printf(" crs %ld", d->crs_cutoff);
	else
		printf(" crs -");
	if (why)
		printf(": %s", why);
	if (d->evidence) {
		/* On one line, whitespace squeezed, cut at a character. */
		fputs("\n    evidence: ", stdout);
		for (s = d->evidence; *s; s++) {
			if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
				space = n > 0;
				continue;
			}
			if (n >= EVIDENCE_MAX && ((unsigned char)*s & 0xc0) != 0x80) {
				fputs(" ...", stdout);
				break;
			}
			if (space) {
				putchar(' ');
				n++;
				space = 0;
			}
			putchar(*s);
			n++;
		}
	}
	putchar('\n');
}

/* Why an emitted draw is incorrect, or NULL when it is correct. */
static const char *
judge(const struct draw *d, const char *file, const struct mentions *ml,
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
		if (m->itas >= 0 && d->invitations >= 0 && m->itas != d->invitations)
			continue;
		if (m->crs >= 0 && d->crs_cutoff >= 0 && m->crs != d->crs_cutoff)
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

/* Parses one document and counts it into t.  Returns 0, or -1 when the
 * file cannot be read. */
static int
run_document(const char *dir, const char *name, struct mentions *ml,
             const struct rounds *rl, struct tally *t, size_t *rejected)
{
	struct err e = {0};
	struct body b;
	struct parse_opts opts = {0};
	struct draw_list draws = {0};
	struct strlist warn = {0};
	char *path = xasprintf("%s/%s", dir, name), *data, date[11];
	const char *why;
	size_t i, j, len;
	int rc;

	if (read_file(path, &data, &len, &e)) {
		fprintf(stderr, "corpus: %s\n", e.msg);
		free(path);
		return -1;
	}
	free(path);
	make_body(&b, data, len, name);
	if (date_of_name(name, date))
		opts.date = date;
	rc = parse_body(&b, "article", &opts, &draws, &warn, &e);
	if (rc) {
		(*rejected)++;
		if (verbose)
			printf("rejected %s: %s (exit %d)\n", name, e.msg, rc);
	}
	if (verbose > 1)
		for (i = 0; i < warn.n; i++)
			printf("warning %s: %s\n", name, warn.v[i]);

	t->docs++;
	for (i = 0; !rc && i < draws.n; i++) {
		const struct draw *d = &draws.v[i];

		t->emitted++;
		why = judge(d, name, ml, rl);
		if (!why)
			t->correct++;
		if (why ? verbose > 0 : verbose > 1)
			print_draw(why ? "wrong" : "right", name, d, why);
	}
	for (j = 0; j < ml->n; j++) {
		struct mention *m = &ml->v[j];

		if (strcmp(m->file, name) != 0 || !m->stated)
			continue;
		t->mentions++;
		for (i = 0; !rc && i < draws.n && !m->found; i++)
			m->found = strcmp(draws.v[i].date, m->date) == 0 &&
			           draws.v[i].invitations == m->itas &&
			           draws.v[i].crs_cutoff == m->crs;
		if (m->found)
			t->found++;
		else if (verbose)
			printf("missed %s: date %s itas %ld crs %ld (labels.tsv:%zu)\n",
			       name, m->date, m->itas, m->crs, m->line);
	}
	draw_list_release(&draws);
	strlist_release(&warn);
	body_release(&b);
	return 0;
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

static void
print_ratio(size_t num, size_t den, int width)
{
	if (den)
		printf(" %*.3f", width, (double)num / (double)den);
	else
		printf(" %*s", width, "-");
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

int
main(int argc, char **argv)
{
	const char *dir = DEFAULT_DIR, *rounds_path = DEFAULT_ROUNDS;
	struct mentions ml = {0};
	struct rounds rl = {0};
	struct tallies fam = {0};
	struct tally all[NHALVES] = {{0}}, en[NHALVES] = {{0}}, doc;
	struct strlist names = {0};
	struct stat st;
	struct dirent *de;
	DIR *dp;
	char *labels_path, *f;
	size_t i, j, rejected = 0;
	int c, h, ret = 0;

	while ((c = getopt(argc, argv, "r:v")) != -1) {
		switch (c) {
		case 'r':
			rounds_path = optarg;
			break;
		case 'v':
			verbose++;
			break;
		default:
			usage();
		}
	}
	if (argc - optind > 1)
		usage();
	if (optind < argc)
		dir = argv[optind];

	if (stat(dir, &st) != 0 && errno == ENOENT) {
		printf("corpus: skipped: %s is absent\n", dir);
		return 0;
	}
	labels_path = xasprintf("%s/labels.tsv", dir);
	ml.path = labels_path;
	rl.path = rounds_path;
	if (read_table(labels_path, '\t', label_columns, 5, label_row, &ml) ||
	    read_table(rounds_path, ',', round_columns, 4, round_row, &rl)) {
		ret = 1;
		goto out;
	}
	if (!(dp = opendir(dir))) {
		fprintf(stderr, "corpus: cannot open '%s': %s\n", dir, strerror(errno));
		ret = 1;
		goto out;
	}
	errno = 0;
	while ((de = readdir(dp)))
		if (is_document(de->d_name))
			strlist_add(&names, de->d_name);
	if (errno) {
		fprintf(stderr, "corpus: cannot read '%s': %s\n", dir, strerror(errno));
		closedir(dp);
		ret = 1;
		goto out;
	}
	closedir(dp);
	if (names.n)
		qsort(names.v, names.n, sizeof(*names.v), str_cmp);

	for (i = 0; i < ml.n; i++) {
		for (j = 0; j < names.n; j++)
			if (strcmp(ml.v[i].file, names.v[j]) == 0)
				break;
		if (j == names.n)
			fprintf(stderr, "corpus: %s:%zu: no document '%s' in %s\n",
			        labels_path, ml.v[i].line, ml.v[i].file, dir);
	}

	for (i = 0; i < names.n; i++) {
		memset(&doc, 0, sizeof(doc));
		if (run_document(dir, names.v[i], &ml, &rl, &doc, &rejected)) {
			ret = 1;
			continue;
		}
		f = family_of(names.v[i]);
		h = half_of(f);
		tally_add(&all[h], &doc);
		if (is_english(names.v[i], &ml))
			tally_add(&en[h], &doc);
		tally_add(tally_get(&fam, f), &doc);
		free(f);
	}
	if (fam.n)
		qsort(fam.v, fam.n, sizeof(*fam.v), tally_cmp);

	if (verbose)
		putchar('\n');
	printf("corpus: %s: %zu documents, %zu label rows, %zu IRCC rounds; "
	       "%zu documents rejected by the extractor\n",
	       dir, names.n, ml.n, rl.n, rejected);
	printf("%-32s %-6s %9s %8s %5s %6s %7s %7s %9s\n", "", "half", "documents",
	       "mentions", "found", "recall", "emitted", "correct", "precision");
	print_halves("english", en);
	print_halves("all", all);
	for (i = 0; i < fam.n; i++) {
		char label[64];

		snprintf(label, sizeof(label), "  %s", fam.v[i].name);
		print_tally(label, half_names[fam.v[i].half], &fam.v[i]);
	}

	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "corpus: cannot write the report: %s\n", strerror(errno));
		ret = 1;
	}
out:
	for (i = 0; i < ml.n; i++) {
		free(ml.v[i].file);
		free(ml.v[i].lang);
		free(ml.v[i].date);
	}
	free(ml.v);
	for (i = 0; i < rl.n; i++) {
		free(rl.v[i].number);
		free(rl.v[i].date);
	}
	free(rl.v);
	for (i = 0; i < fam.n; i++)
		free(fam.v[i].name);
	free(fam.v);
	strlist_release(&names);
	free(labels_path);
	return ret;
}
