#include "parse.h"

#include <string.h>
#include <strings.h>
#include <sysexits.h>

#include "feed.h"

static const struct {
	const char *kind;
	int (*parse)(const struct body *, const struct parse_opts *, struct draw_list *,
	             struct strlist *, struct err *);
} parsers[] = {
	{ "ircc-json", parse_ircc_json },
	{ "article", parse_article },
};

/* "feed" is a kind of source and body, but not of parser: a news feed
 * lists articles, and its caller fetches them (update/news.c). */
const char *const parse_kinds[] = { "auto", "ircc-json", "article", "feed", NULL };

const char *
parse_lang_of_url(const char *url)
{
	size_t n;

	if (!url)
		return NULL;
	n = strcspn(url, "?#");
	if (n >= 8 && strncasecmp(url + n - 8, "_fr.json", 8) == 0)
		return "fr";
	if (n >= 8 && strncasecmp(url + n - 8, "_en.json", 8) == 0)
		return "en";
	return NULL;
}

int
parse_kind_valid(const char *kind)
{
	size_t i;

	for (i = 0; parse_kinds[i]; i++)
		if (strcmp(kind, parse_kinds[i]) == 0)
			return 1;
	return 0;
}

const char *
parse_sniff(const struct body *b)
{
	const unsigned char *p = (const unsigned char *)b->data;
	const unsigned char *end = p + b->len;

	if (b->len >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf)
		p += 3;		/* UTF-8 byte order mark */
	while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++;
	if (p < end && (*p == '{' || *p == '['))
		return "ircc-json";
	if (feed_sniff(b->data, b->len))
		return "feed";
	if (p < end)
		return "article";	/* HTML or text: the article parser tells */
	return NULL;
}

int
parse_body(const struct body *b, const char *kind, const struct parse_opts *opts,
           struct draw_list *out, struct strlist *warn, struct err *e)
{
	size_t i;

	if (!kind || strcmp(kind, "auto") == 0) {
		kind = parse_sniff(b);
		if (!kind)
			return err_set(e, EX_DATAERR,
			               "%s: cannot tell what kind of body this is; name it with -k",
			               b->url);
	}
	for (i = 0; i < sizeof(parsers) / sizeof(parsers[0]); i++)
		if (strcmp(kind, parsers[i].kind) == 0)
			return parsers[i].parse(b, opts, out, warn, e);
	if (strcmp(kind, "feed") == 0)
		return err_set(e, EX_DATAERR, "%s: a news feed states no draws itself; "
		               "its articles do", b->url);
	return err_set(e, EX_USAGE, "unknown kind '%s'", kind);
}
