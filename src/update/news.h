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
struct news_feed {
	const char *source;
	char *url;			/* the feed's, for messages */
	/* The origins (fetch_host_key()) of the addresses the admin gave:
	 * every configured source's, and the URL named to ingest; a link to
	 * one is trusted as they are, any other is guarded (fetch_req.guard,
	 * trusted). */
	char **trusted;
	struct feed_items items;
	size_t *wanted;			/* indexes into items, at most max_items */
	size_t nwanted;
	int complete;			/* 0 when some are left for a later run:
					 * failed, over max_items, or robots.txt
					 * unreachable */
	int status;			/* the first item's error */
};
void news_feed_release(struct news_feed *fr);

/* The items of news feed b to fetch this run: those that match and were
 * not fetched before, at most max of them (0: no limit).  home is the
 * feed's address when the admin named it outside the config (ingest URL),
 * else NULL: its origin is trusted as the configured sources' are. */
int news_select(struct app *app, struct news_feed *fr, const char *source, const struct body *b,
                const char *home, const char *match, long max, struct err *e);

/* The wanted items of n feeds, fetched in one batch (robots.txt
 * permitting), each stored in feed order. */
void news_fetch(struct app *app, struct crawl *cr, struct news_feed *const *frs, size_t n);

/* fr's first item error, with e saying so; 0 when none failed. */
int news_status(const struct news_feed *fr, struct err *e);

/* A news feed given to ingest: its matching items not fetched before, at
 * most max of them.  *complete is 0 when some are left for a later run:
 * failed, or over max.  Returns the first item's error; the others still
 * run. */
int news_ingest(struct app *app, const char *source, const struct body *b, const char *match,
                long max, int *complete, struct err *e);

#endif
