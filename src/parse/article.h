/* article.h: a news page reduced to what the extractor reads.
 *
 * article_doc_* turn a body (HTML through libxml2, or plain text and
 * Markdown) into paragraphs of text and tables of cells, with the page's
 * own publication date when it states one.  parse_article.c reads draws
 * out of that.  A doc owns all its strings. */
#ifndef EEDRAWS_ARTICLE_H
#define EEDRAWS_ARTICLE_H

#include "body.h"
#include "util.h"

struct article_table {
	struct strlist *rows;	/* rows[0] is the header row */
	size_t nrows;
	char *context;		/* the heading or line just before it, or NULL */
};

struct article_doc {
	struct strlist paras;	/* the article's own text, one block each */
	struct article_table *tables;
	size_t ntables;
	char published[11];	/* YYYY-MM-DD the page states, or "" */
	char modified[11];	/* YYYY-MM-DD it says it was last updated, or "" */
};

/* 1 when the body looks like HTML rather than text. */
int article_is_html(const char *data, size_t len);

/* Fills doc from an HTML page: the article's text without menus, footers,
 * scripts, related-article lists and the like, its tables, its date
 * (article:published_time and other <meta> names, <time datetime>,
 * JSON-LD or microdata datePublished) and
 * the date it was last updated (article:modified_time, dateModified). */
void article_doc_html(struct article_doc *doc, const char *data, size_t len,
                      const char *url);
/* Likewise from text: one paragraph a line; Markdown, "|"-separated and
 * tab-separated tables, and semicolon-separated ones without spaces
 * (a data export's), of two rows or more become tables (one such line
 * alone stays a paragraph), and so does a table aligned with spaces
 * under a header line of words; a "Published: DATE" line gives the
 * date (and "Last updated: DATE" the update's, in article_draws()). */
void article_doc_text(struct article_doc *doc, const char *data, size_t len);

void article_doc_release(struct article_doc *doc);
void article_table_release(struct article_table *t);

/* The draws a doc states (parse_article.c), as parse_article() reads them
 * once it has made the doc from b: b gives the URL for warnings, opts the
 * date to assume.  Fills in doc->published and doc->modified from the
 * text when the page gave none. */
struct draw_list;
struct parse_opts;
int article_draws(struct article_doc *doc, const struct body *b,
                  const struct parse_opts *opts, struct draw_list *out,
                  struct strlist *warn, struct err *e);

#endif
