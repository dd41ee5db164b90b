/* parse.h: from a body to draw records.
 *
 * Parsers know nothing of the network or the database.  Each kind of body
 * has one parser; "auto" sniffs the kind from the bytes.  A parser either
 * accepts a body, appending its draws to *out and its warnings (one line
 * each, without the source's name) to *warn, or rejects it whole, leaving
 * *out as it was and saying why in *e (code EX_DATAERR). */
#ifndef EEDRAWS_PARSE_H
#define EEDRAWS_PARSE_H

#include "body.h"
#include "draw.h"
#include "util.h"

/* The shape of an IRCC feed body, to notice when its format drifts: the
 * keys its records have (the union, sorted, comma-separated; caller
 * frees), how many rounds it lists, and in which language.  The store
 * keeps the last one per source in the table feed_shape (a name kept
 * for the schema's readers: "feed" alone means RSS or Atom here). */
struct ircc_shape {
	char *keys;
	long rounds;
	const char *lang;	/* the language its records are in: "en", "fr" */
};

/* Warnings into warn for how the shape now differs from the one before
 * (old_keys NULL and old_rounds -1 when there was none): keys the records
 * lost or gained, fewer rounds. */
void ircc_shape_drift(const char *old_keys, long old_rounds, const struct ircc_shape *now,
                      struct strlist *warn);

/* What the caller knows that the body may not say. */
struct parse_opts {
	const char *date;	/* YYYY-MM-DD: publication date to assume when a
				 * page gives none (a feed item's, --date); NULL:
				 * none, never the fetch time */
	const char *lang;	/* IRCC's feed: "en" or "fr" as the source
				 * declares it; NULL: from the URL's name */
	struct ircc_shape *shape;	/* ircc-json: filled when not NULL */
	size_t max_draws;	/* article: a page stating more draws yields
				 * none; 0: PARSE_MAX_DRAWS */
	const struct draw_list *known;	/* article: IRCC's rounds (number,
					 * date, count, cut-off), which a date
					 * without a year on an undated page,
					 * or a numbered draw with no day, may
					 * be matched with; NULL: none */
};

/* More draws than this in one article is a history table or a flood,
 * not news (the max_draws config key). */
#define PARSE_MAX_DRAWS	50

/* The language a feed's URL or file name declares: "fr" for a name ending
 * in "_fr.json" (IRCC's ee_rounds_123_fr.json), "en" for "_en.json", else
 * NULL. */
const char *parse_lang_of_url(const char *url);

/* The kinds eedraws reads; NULL-terminated, "auto" first. */
extern const char *const parse_kinds[];
int parse_kind_valid(const char *kind);

/* The kind of a body ("ircc-json", "feed" for RSS or Atom, "article" for
 * HTML or text), or NULL when it cannot tell (an empty body). */
const char *parse_sniff(const struct body *b);

/* opts may be NULL. */
int parse_body(const struct body *b, const char *kind, const struct parse_opts *opts,
               struct draw_list *out, struct strlist *warn, struct err *e);

/* One parser per kind, each in its own file. */
int parse_ircc_json(const struct body *b, const struct parse_opts *opts,
                    struct draw_list *out, struct strlist *warn, struct err *e);
/* News articles and announcements, HTML or plain text (parse_article.c). */
int parse_article(const struct body *b, const struct parse_opts *opts,
                  struct draw_list *out, struct strlist *warn, struct err *e);

#endif
