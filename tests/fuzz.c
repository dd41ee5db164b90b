/* fuzz.c: the fuzz targets (fuzz.h).  Each hands the bytes to a parser the
 * way eedraws does after a fetch, and then uses what came out, so that a
 * dangling pointer or an unterminated string in the result shows too. */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "article.h"
#include "config.h"
#include "datetime.h"
#include "draw.h"
#include "feed.h"
#include "parse.h"
#include "robots.h"
#include "util.h"

const struct fuzz_target fuzz_targets[] = {
	{ "ircc", fuzz_ircc },
	{ "article-html", fuzz_article_html },
	{ "article-text", fuzz_article_text },
	{ "feed", fuzz_feed },
	{ "config", fuzz_config },
	{ "datetime", fuzz_datetime },
	{ "robots", fuzz_robots },
	{ "body", fuzz_body },
	{ NULL, NULL },
};

/* A body as a fetch makes one: a NUL-terminated copy (libFuzzer's buffer
 * has no NUL), a URL, a fetch time. */
static struct body
body_of(const uint8_t *data, size_t len, const char *url)
{
	struct body b = { 0 };

	b.data = xmalloc(len + 1);
	memcpy(b.data, data, len);
	b.data[len] = '\0';
	b.len = len;
	b.url = xstrdup(url);
	b.fetched_at = 1776254400;	/* 2026-04-15 12:00 UTC */
	b.status = 200;
	return b;
}

static const char *
str(const char *s)
{
	return s ? s : "";
}

/* Reads every field of every draw, so ASan sees a bad string. */
static size_t
touch(const struct draw_list *l, const struct strlist *warn)
{
	size_t i, n = 0;

	for (i = 0; i < l->n; i++) {
		const struct draw *d = &l->v[i];
		char line[256];

		n += (size_t)snprintf(line, sizeof(line), "%s%s%s%s%s%s%s%ld%ld",
		                      str(d->number), d->date, str(d->date_raw), str(d->name),
		                      str(d->name_fr), str(d->category), str(d->version),
		                      d->invitations, d->crs_cutoff);
		n += (size_t)snprintf(line, sizeof(line), "%s%s%s%s%s%s%s%s%s%s%s%s",
		                      str(d->invitations_raw), str(d->crs_raw), str(d->programs),
		                      str(d->programs_raw), d->draw_time, str(d->draw_time_raw),
		                      d->tie_break, str(d->tie_break_raw), d->pool_as_of,
		                      str(d->pool_as_of_raw), str(d->raw), str(d->evidence));
	}
	for (i = 0; i < warn->n; i++)
		n += strlen(warn->v[i]);
	return n;
}

static void
parse_as(const uint8_t *data, size_t len, const char *url, const char *kind)
{
	struct body b = body_of(data, len, url);
	struct ircc_shape shape = { 0 };
	struct parse_opts opts = { 0 };
	struct draw_list out = { 0 };
	struct strlist warn = { 0 };
	struct err e = { 0 };

	opts.shape = &shape;
	if (parse_body(&b, kind, &opts, &out, &warn, &e) == 0) {
		touch(&out, &warn);
		if (shape.keys)
			ircc_shape_drift("drawCRS,drawDate,drawName,drawNumber,drawSize", 400,
			                 &shape, &warn);
	} else if (!e.msg[0])
		abort();	/* a rejection always says why */
	free(shape.keys);
	draw_list_release(&out);
	strlist_release(&warn);
	body_release(&b);
}

int
fuzz_ircc(const uint8_t *data, size_t len)
{
	parse_as(data, len, "https://www.canada.ca/ee_rounds_123_en.json", "ircc-json");
	return 0;
}

int
fuzz_body(const uint8_t *data, size_t len)
{
	parse_as(data, len, "file.txt", "auto");
	return 0;
}

/* Bytes of text a doc holds: paragraphs, cells, tables' contexts. */
static size_t
doc_text(const struct article_doc *doc)
{
	size_t i, j, k, n = 0;

	for (i = 0; i < doc->paras.n; i++)
		n += strlen(doc->paras.v[i]);
	for (i = 0; i < doc->ntables; i++) {
		n += strlen(str(doc->tables[i].context));
		for (j = 0; j < doc->tables[i].nrows; j++)
			for (k = 0; k < doc->tables[i].rows[j].n; k++)
				n += strlen(doc->tables[i].rows[j].v[k]);
	}
	return n;
}

/* A page's text is its own, each byte once (twice when libxml2 reads
 * bytes that are not UTF-8 as Latin-1), and each table's context is
 * copied from it within a budget of the page's size: what a page makes
 * is bounded by its size, whatever it holds. */
static void
article_as(const uint8_t *data, size_t len, int html)
{
	struct body b = body_of(data, len, "https://news.example/ee/draw-350");
	struct article_doc doc;
	struct draw_list out = { 0 };
	struct strlist warn = { 0 };
	struct err e = { 0 };

	if (html)
		article_doc_html(&doc, b.data, b.len, b.url);
	else
		article_doc_text(&doc, b.data, b.len);
	if (doc_text(&doc) > 4 * len + 4096)
		abort();
	if (article_draws(&doc, &b, NULL, &out, &warn, &e) == 0)
		touch(&out, &warn);
	article_doc_release(&doc);
	draw_list_release(&out);
	strlist_release(&warn);
	body_release(&b);
}

int
fuzz_article_html(const uint8_t *data, size_t len)
{
	article_as(data, len, 1);
	return 0;
}

int
fuzz_article_text(const uint8_t *data, size_t len)
{
	article_as(data, len, 0);
	return 0;
}

/* Bytes of text an item holds, which feed.h's budget bounds. */
static size_t
item_text(const struct feed_item *it)
{
	return strlen(str(it->title)) + strlen(str(it->link)) + strlen(str(it->summary)) +
	       strlen(str(it->id));
}

int
fuzz_feed(const uint8_t *data, size_t len)
{
	static struct feed_filter *filter;
	struct body b = body_of(data, len, "https://news.example/feed/");
	struct feed_items items = { 0 };
	struct strlist warn = { 0 };
	struct err e = { 0 };
	size_t i, n, total = 0;

	if (!filter && feed_filter_new(&filter, FEED_DEFAULT_MATCH, &e))
		abort();
	(void)feed_sniff(b.data, b.len);
	if (feed_parse(&b, &items, &warn, &e) == 0)
		for (i = 0; i < items.n; i++) {
			if (!items.v[i].link || strncasecmp(items.v[i].link, "http", 4) != 0)
				abort();	/* feed.h: an absolute http(s) URL */
			if ((n = item_text(&items.v[i])) > FEED_ITEM_TEXT_MAX ||
			    (total += n) > FEED_TEXT_MAX(len))
				abort();	/* feed.h: over the budget, refused */
			(void)feed_filter_match(filter, &items.v[i]);
		}
	else if (!e.msg[0])
		abort();	/* a rejection always says why */
	feed_items_release(&items);
	strlist_release(&warn);
	body_release(&b);
	return 0;
}

int
fuzz_config(const uint8_t *data, size_t len)
{
	char path[] = "/tmp/eedraws-fuzz-XXXXXX";
	struct config c;
	struct err e = { 0 };
	int fd;

	/* config_load reads a named file, as -c gives it. */
	if ((fd = mkstemp(path)) < 0)
		abort();
	if (write(fd, data, len) != (ssize_t)len)
		abort();
	close(fd);
	if (config_load(&c, path, &e) == 0) {
		size_t i;

		for (i = 0; i < c.nsources; i++)
			if (config_source(&c, c.sources[i].name) == NULL)
				abort();
	} else if (!e.msg[0])
		abort();
	config_release(&c);
	unlink(path);
	return 0;
}

int
fuzz_datetime(const uint8_t *data, size_t len)
{
	/* The first line is the text, the second the reference date. */
	char *s = xstrndup((const char *)data, len);
	char *ref = strchr(s, '\n');
	char iso[11], full[21];
	int swapped;

	if (ref)
		*ref++ = '\0';
	if (date_parse_iso(s, iso, &swapped) == 0 && strlen(iso) != 10)
		abort();
	if (date_parse_long(s, iso) == 0 && strlen(iso) != 10)
		abort();
	if (datetime_parse_ircc(s, ref ? ref : "2026-04-15", full) == 0 && strlen(full) != 20)
		abort();
	free(s);
	return 0;
}

int
fuzz_robots(const uint8_t *data, size_t len)
{
	static const char *const paths[] = {
		"/", "/robots.txt", "/news/2026/04/express-entry-draw-350?x=1",
		"/%7Euser/a%2fb", "/wp-admin/", "/\xc3\xa9t\xc3\xa9",
	};
	struct robots r;
	size_t i;

	robots_parse(&r, (const char *)data, len, "eedraws");
	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++)
		(void)robots_allowed(&r, paths[i]);
	robots_release(&r);
	robots_parse(&r, (const char *)data, len, NULL);
	(void)robots_allowed(&r, "/");
	robots_release(&r);
	return 0;
}
