/* news.h: the items of news feeds (RSS, Atom): which to fetch, fetched
 * as articles, stored as what they say.  Used by update and by ingest of
 * a feed. */
#ifndef EEDRAWS_NEWS_H
#define EEDRAWS_NEWS_H

#include "app.h"
#include "crawl.h"
#include "feed.h"

/* A news feed being read: its items, the ones wanted this run, and how
 * they went. */
struct feed_read {
	const char *source;
	char *url;			/* the feed's, for messages */
	struct feed_items items;
	size_t *wanted;			/* indexes into items, at most max_items */
	size_t nwanted;
	int complete;			/* 0 when some are left for a later run:
					 * failed, over max_items, or robots.txt
					 * unreachable */
	int status;			/* the first item's error */
};
void feed_read_release(struct feed_read *fr);

/* The items of news feed b to fetch this run: those that match and were
 * not fetched before, at most max of them (0: no limit). */
int feed_select(struct ctx *c, struct feed_read *fr, const char *source, const struct body *b,
                const char *match, long max, struct err *e);

/* The wanted items of n feeds, fetched in one batch (robots.txt
 * permitting), each stored in feed order. */
void fetch_items(struct ctx *c, struct crawl *cr, struct feed_read *const *frs, size_t n);

/* fr's first item error, with e saying so; 0 when none failed. */
int feed_status(const struct feed_read *fr, struct err *e);

/* A news feed given to ingest: its matching items not fetched before, at
 * most max of them.  *complete is 0 when some are left for a later run:
 * failed, or over max.  Returns the first item's error; the others still
 * run. */
int read_feed(struct ctx *c, const char *source, const struct body *b, const char *match,
              long max, int *complete, struct err *e);

#endif
