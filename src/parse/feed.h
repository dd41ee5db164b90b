/* feed.h: RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 feeds to a list of items.
 *
 * Knows nothing of draws: it turns a feed's body into its items, for the
 * caller to fetch or read as articles.  Like a parser (parse.h), it either
 * accepts a body, appending its items to *out and its warnings (one line
 * each, without the source's name) to *warn, or rejects it whole, leaving
 * both as they were and saying why in *e (code EX_DATAERR). */
#ifndef EEDRAWS_FEED_H
#define EEDRAWS_FEED_H

#include <stddef.h>

#include "body.h"
#include "util.h"

struct feed_item {
	char *title;		/* text, entities decoded, white space collapsed;
				 * NULL if none */
	char *link;		/* absolute http(s) URL, resolved against xml:base
				 * and the feed's URL (b->url); never NULL */
	char *summary;		/* RSS description (else content:encoded), Atom
				 * summary (else content), as text; NULL if none */
	char *id;		/* RSS guid, RSS 1.0 rdf:about, Atom id; NULL if none */
	char published[21];	/* UTC "YYYY-MM-DDTHH:MM:SSZ" from RSS pubDate
				 * (else dc:date), Atom published (else updated);
				 * "" when absent or unreadable */
};

struct feed_items {
	struct feed_item *v;
	size_t n, alloc;
};

/* The budget of one feed, whatever its body holds, so that what a feed
 * takes is bounded by its size: the text its internal entities give, in
 * all its items together (bytes, and nodes read inside them, which cost
 * time even when empty); the text of one item (title, link, summary and
 * id); and the text of all its items, which without entities or xml:base
 * is less than the body's size.  A feed over any of them is refused. */
#define FEED_ENT_TEXT_MAX	(1L << 20)
#define FEED_ENT_NODES_MAX	100000L
#define FEED_ITEM_TEXT_MAX	(1L << 20)
#define FEED_TEXT_MAX(len)	(2 * (size_t)(len) + ((size_t)1 << 20))

/* Parses an RSS 2.0 (or 0.9x), RSS 1.0 (RDF) or Atom 1.0 body.  Returns 0
 * with the items appended to *out in document order, or EX_DATAERR with
 * e->msg naming b->url and saying what is wrong: not well-formed XML (with
 * libxml2's line and message), XML but neither RSS nor Atom, or over the
 * budget above.  Items without a usable link are skipped with a warning;
 * an unreadable date leaves published "" with a warning.  No network, no
 * external entities; internal entities nested deeper than 8 levels are
 * cut, with a warning. */
int feed_parse(const struct body *b, struct feed_items *out, struct strlist *warn,
               struct err *e);

void feed_items_release(struct feed_items *l);

/* 1 when data looks like RSS or Atom: after an optional UTF-8 byte order
 * mark, white space, the XML declaration, processing instructions,
 * comments and a doctype, the root element is rss, feed or RDF (with or
 * without a prefix).  Reads only that prolog; 0 otherwise. */
int feed_sniff(const char *data, size_t len);

/* Which items are about draws: a PCRE2 pattern searched for, in any case,
 * in an item's title and summary (feed_filter.c). */
#define FEED_DEFAULT_MATCH "Express Entry"
struct feed_filter;
/* EX_CONFIG with PCRE2's message and the offset when pattern is bad. */
int feed_filter_new(struct feed_filter **f, const char *pattern, struct err *e);
int feed_filter_match(struct feed_filter *f, const struct feed_item *it);
void feed_filter_free(struct feed_filter *f);

#endif
