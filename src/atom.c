/* atom.c: the Atom feed of the latest draws; see atom.h. */
#include "atom.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "draw.h"
#include "util.h"

void
atom_data_release(struct atom_data *a)
{
	size_t i;

	for (i = 0; i < a->ndraws; i++) {
		struct atom_draw *d = &a->draws[i];

		free(d->number), free(d->category), free(d->name), free(d->tie_break);
		free(d->updated), free(d->url);
	}
	free(a->draws);
	memset(a, 0, sizeof(*a));
}

struct atom_draw *
atom_add_draw(struct atom_data *a)
{
	struct atom_draw *d;

	a->draws = xrealloc(a->draws, (a->ndraws + 1) * sizeof(*a->draws));
	d = &a->draws[a->ndraws++];
	memset(d, 0, sizeof(*d));
	d->invitations = d->crs_cutoff = -1;
	return d;
}

/* An ASCII character as XML character data or an attribute's value:
 * markup escaped, and the C0 controls XML 1.0 has no character for (all
 * but tab and line breaks) written as U+FFFD. */
static void
esc_ascii(FILE *f, unsigned char c)
{
	if (c == '&')
		fputs("&amp;", f);
	else if (c == '<')
		fputs("&lt;", f);
	else if (c == '>')
		fputs("&gt;", f);
	else if (c == '"')
		fputs("&quot;", f);
	else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
		fputs("\xef\xbf\xbd", f);
	else
		putc(c, f);
}

/* s escaped as esc_ascii() does; bytes that are no UTF-8, and U+FFFE and
 * U+FFFF (no XML characters either), written as U+FFFD, so that no
 * stored value can make the feed unreadable. */
static void
esc(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t n;

	while (*p) {
		if (*p < 0x80) {
			esc_ascii(f, *p++);
			continue;
		}
		n = utf8_seq_len(p);
		if (n == 3 && p[0] == 0xef && p[1] == 0xbf && p[2] >= 0xbe)
			fputs("\xef\xbf\xbd", f);	/* U+FFFE, U+FFFF */
		else if (n)
			fwrite(p, 1, n, f);
		else
			fputs("\xef\xbf\xbd", f);
		p += n ? n : 1;
	}
}

/* A draw number in a URL or a tag URI: letters and digits as they are,
 * any other byte percent-encoded. */
static void
url_part(FILE *f, const char *s)
{
	for (; *s; s++) {
		if (isalnum((unsigned char)*s))
			putc(*s, f);
		else
			fprintf(f, "%%%02X", (unsigned char)*s);
	}
}

/* 4000 -> "4,000". */
static void
add_count(struct buf *b, long n)
{
	char digits[24];
	size_t len, i;

	len = (size_t)snprintf(digits, sizeof(digits), "%ld", n);
	for (i = 0; i < len; i++) {
		if (i && (len - i) % 3 == 0)
			buf_adds(b, ",");
		buf_add(b, &digits[i], 1);
	}
}

/* What the draw is called: its category, or IRCC's name when no
 * category fits it. */
static const char *
draw_what(const struct atom_draw *d)
{
	if (d->name && (!d->category || strcmp(d->category, "other") == 0))
		return d->name;
	return category_label(d->category);
}

/* "Express Entry draw #434: Transport, 300 invitations, CRS 470"; an
 * unconfirmed draw says so, and is dated when it states no number. */
static char *
entry_title(const struct atom_draw *d)
{
	struct buf b = {0};

	buf_adds(&b, d->unconfirmed_id ? "Unconfirmed Express Entry draw" : "Express Entry draw");
	if (d->number)
		buf_addf(&b, " #%s", d->number);
	else if (d->date[0])
		buf_addf(&b, " of %s", d->date);
	buf_addf(&b, ": %s", draw_what(d));
	if (d->invitations >= 0) {
		buf_adds(&b, ", ");
		add_count(&b, d->invitations);
		buf_adds(&b, d->invitations == 1 ? " invitation" : " invitations");
	}
	if (d->crs_cutoff >= 0)
		buf_addf(&b, ", CRS %ld", d->crs_cutoff);
	return buf_detach(&b, NULL);
}

/* The entry's text: the draw's values in a sentence or two. */
static char *
entry_summary(const struct atom_draw *d)
{
	struct buf b = {0};

	if (d->unconfirmed_id)
		buf_adds(&b, "Unconfirmed: news articles state this draw, IRCC's record does"
		             " not have it yet. ");
	if (d->number)
		buf_addf(&b, "Round %s", d->number);
	else
		buf_adds(&b, "A round");
	if (d->date[0])
		buf_addf(&b, " of %s", d->date);
	buf_addf(&b, ": %s.", d->name ? d->name : draw_what(d));
	if (d->invitations >= 0) {
		buf_adds(&b, " Invitations: ");
		add_count(&b, d->invitations);
		buf_adds(&b, ".");
	}
	if (d->crs_cutoff >= 0)
		buf_addf(&b, " CRS score of the lowest-ranked candidate invited: %ld.",
		         d->crs_cutoff);
	if (d->tie_break)
		buf_addf(&b, " Tie-breaking rule: profiles submitted before %s.", d->tie_break);
	return buf_detach(&b, NULL);
}

static int
is_http(const char *url)
{
	return url && (strncasecmp(url, "http://", 7) == 0 || strncasecmp(url, "https://", 8) == 0);
}

/* IRCC's draw: its page on IRCC's site; an unconfirmed one: the first
 * article that stated it. */
static void
entry_link(FILE *f, const struct atom_draw *d)
{
	fputs("<link rel=\"alternate\" type=\"text/html\" href=\"", f);
	if (d->unconfirmed_id && is_http(d->url)) {
		esc(f, d->url);
	} else if (!d->unconfirmed_id && d->number) {
		fputs(ATOM_ROUND_URL, f);
		url_part(f, d->number);
	} else {
		fputs(ATOM_ROUNDS_URL, f);
	}
	fputs("\"/>\n", f);
}

static void
entry(FILE *f, const struct atom_draw *d)
{
	char *title = entry_title(d), *summary = entry_summary(d);

	fputs("<entry>\n<id>" ATOM_ENTRY_ID, f);
	if (d->unconfirmed_id) {
		fprintf(f, "unconfirmed/%lld", d->unconfirmed_id);
	} else {
		fputs("draw/", f);
		url_part(f, d->number ? d->number : "");
	}
	fputs("</id>\n<title type=\"text\">", f);
	esc(f, title);
	fputs("</title>\n<updated>", f);
	esc(f, d->updated);
	fputs("</updated>\n", f);
	entry_link(f, d);
	fputs("<category term=\"", f);
	esc(f, d->category ? d->category : "other");
	fputs("\" label=\"", f);
	esc(f, category_label(d->category));
	fputs("\"/>\n", f);
	if (d->unconfirmed_id)
		fputs("<category term=\"unconfirmed\" label=\"Unconfirmed\"/>\n", f);
	fputs("<summary type=\"text\">", f);
	esc(f, summary);
	fputs("</summary>\n</entry>\n", f);
	free(title);
	free(summary);
}

/* The newest updated of all entries (they are sorted by the draw's
 * date, not by when IRCC last revised one). */
static const char *
feed_updated(const struct atom_data *a)
{
	const char *newest = ATOM_EPOCH;
	size_t i;

	for (i = 0; i < a->ndraws; i++)
		if (a->draws[i].updated && strcmp(a->draws[i].updated, newest) > 0)
			newest = a->draws[i].updated;
	return newest;
}

void
atom_write(FILE *f, const struct atom_data *a)
{
	size_t i;

	fputs("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
	      "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"
	      "<id>" ATOM_ID "</id>\n"
	      "<title type=\"text\">Express Entry draws</title>\n"
	      "<subtitle type=\"text\">Canada's Express Entry rounds of invitations: IRCC's"
	      " record, and draws news articles state that IRCC's record does not have"
	      " yet</subtitle>\n"
	      "<updated>", f);
	esc(f, feed_updated(a));
	fputs("</updated>\n"
	      "<author><name>eedraws</name></author>\n"
	      "<link rel=\"alternate\" type=\"text/html\" href=\"" ATOM_ROUNDS_URL "\"/>\n"
	      "<generator>eedraws</generator>\n", f);
	for (i = 0; i < a->ndraws; i++)
		entry(f, &a->draws[i]);
	fputs("</feed>\n", f);
}
