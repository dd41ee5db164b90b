/* news.c: news feeds' items, chosen, fetched and stored (news.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "news.h"
#include "pipeline.h"
#include "schedule.h"

void
news_feed_release(struct news_feed *fr)
{
	size_t i;

	feed_items_release(&fr->items);
	free(fr->wanted);
	free(fr->url);
	for (i = 0; fr->trusted && fr->trusted[i]; i++)
		free(fr->trusted[i]);
	free(fr->trusted);
	memset(fr, 0, sizeof(*fr));
}

/* The origins the admin chose: every configured source's, and home. */
static char **
trusted_origins(const struct config *cf, const char *home)
{
	char **v = xcalloc(cf->nsources + 2, sizeof(*v));
	size_t i, n = 0;

	for (i = 0; i < cf->nsources; i++)
		if ((v[n] = fetch_host_key(cf->sources[i].url)))
			n++;
	if (home && (v[n] = fetch_host_key(home)))
		n++;
	return v;
}

/* Whether link is among the first n wanted of fr already. */
static int
already_wanted(const struct news_feed *fr, const char *link)
{
	size_t i;

	for (i = 0; i < fr->nwanted; i++)
		if (strcmp(fr->items.v[fr->wanted[i]].link, link) == 0)
			return 1;
	return 0;
}

int
news_select(struct app *app, struct news_feed *fr, const char *source, const struct body *b,
            const char *home, const char *match, long max, struct err *e)
{
	struct feed_filter *f = NULL;
	struct strlist warn = {0};
	const struct feed_item *it;
	size_t i;
	int rc, wanted;

	memset(fr, 0, sizeof(*fr));
	fr->source = source;
	fr->url = xstrdup(b->url);
	fr->trusted = trusted_origins(&app->config, home);
	fr->complete = 1;
	if ((rc = feed_filter_new(&f, match ? match : FEED_DEFAULT_MATCH, e)))
		return rc;
	rc = feed_parse(b, &fr->items, &warn, e);
	print_warnings(app, b->url, &warn);
	fr->wanted = xcalloc(fr->items.n + 1, sizeof(*fr->wanted));
	for (i = 0; rc == 0 && i < fr->items.n; i++) {
		it = &fr->items.v[i];
		if (!feed_filter_match(f, it) || already_wanted(fr, it->link))
			continue;
		if ((wanted = store_link_wanted(app->store, it->link, e)) < 0) {
			rc = -wanted;
			break;
		}
		if (!wanted)
			continue;
		if (max > 0 && (long)fr->nwanted == max) {
			fr->complete = 0;
			if (app->verbosity == VERBOSE)
				error("%s: max_items (%ld) reached; the rest next time", source, max);
			break;
		}
		fr->wanted[fr->nwanted++] = i;
	}
	feed_filter_free(f);
	return rc;
}

/* A link's failure e (rc), its attempt recorded: the first fails the
 * run; after that the link heals or not without mail, status showing it
 * with its last error, and the run says once that it gave up on it. */
static void
link_failed(struct app *app, struct news_feed *fr, const char *link, int rc,
            const struct err *e)
{
	struct err e2 = {0};
	long n = store_link_attempts(app->store, link, &e2);

	fr->complete = 0;
	if (n < 0)
		error("%s: %s", fr->source, e2.msg);
	if (n <= 1) {
		error("%s: %s", fr->source, e->msg);
		keep_first(&fr->status, rc);
	} else if (n >= STORE_LINK_ATTEMPTS && app->verbosity > QUIET) {
		error("%s: warning: gave up on %s after %ld failures (eedraws status shows it)",
		      fr->source, ctl_escape(link), n);
	} else if (app->verbosity == VERBOSE) {
		error("%s: %s (failure %ld of %d; tried again next run)", fr->source, e->msg, n,
		      STORE_LINK_ATTEMPTS);
	}
}

/* One item of a news feed, fetched (r) as an article: its draws stored as
 * observations, the attempt recorded; a failure (already printed) is
 * fr's.  An item robots.txt refuses is not an attempt: a warning; when
 * robots.txt was unreachable it is tried again next run. */
static void
fetch_item(struct app *app, struct news_feed *fr, const struct feed_item *it,
           struct fetch_req *r)
{
	struct parse_opts po = {0};
	struct err e = r->err, e2 = {0};
	char date[11];
	int rc = r->rc;

	/* Not fetched, by eedraws' choice: neither the feed's failure nor
	 * an attempt of the link's. */
	if (r->outcome == FETCH_DISALLOWED || r->outcome == FETCH_UNREACHABLE ||
	    r->outcome == FETCH_REFUSED) {
		if (app->verbosity > QUIET)
			error("%s: warning: %s", fr->source, e.msg);
		if (r->outcome == FETCH_UNREACHABLE)
			fr->complete = 0;
		return;
	}
	/* The feed's date is the article's when the page gives none. */
	if (it->published[0]) {
		snprintf(date, sizeof(date), "%.10s", it->published);
		po.date = date;
	}
	if (r->outcome == FETCH_BODY)
		rc = pipeline_take(app, fr->source, &r->body, "article", &po, NULL, &e);
	if (rc && r->outcome == FETCH_BODY && !body_fault(rc)) {
		/* This machine's failure (the disk full), not the link's: no
		 * attempt counted; the item comes again next run. */
		error("%s: %s", fr->source, e.msg);
		keep_first(&fr->status, rc);
		fr->complete = 0;
		return;
	}
	if (store_link_attempted(app->store, fr->source, it->link, it->title, rc ? e.msg : NULL,
	                         &e2)) {
		if (rc)
			error("%s: %s", fr->source, e.msg);
		error("%s: %s", fr->source, e2.msg);
		keep_first(&fr->status, rc ? rc : e2.code);
		fr->complete = 0;
	} else if (rc) {
		link_failed(app, fr, it->link, rc, &e);
	}
}

void
news_fetch(struct app *app, struct crawl *cr, struct news_feed *const *frs, size_t n)
{
	struct fetch_req *reqs;
	unsigned char *robots;
	struct err e = {0};
	size_t i, k, total = 0, at = 0;
	int rc;

	for (i = 0; i < n; i++)
		total += frs[i]->nwanted;
	reqs = xcalloc(total + 1, sizeof(*reqs));
	robots = xmalloc(total + 1);
	memset(robots, 1, total + 1);
	for (i = 0; i < n; i++)
		for (k = 0; k < frs[i]->nwanted; k++) {
			reqs[at].guard = 1;
			reqs[at].trusted = frs[i]->trusted;
			reqs[at++].url = frs[i]->items.v[frs[i]->wanted[k]].link;
			if (app->verbosity == VERBOSE)
				error("%s: fetching %s", frs[i]->source, reqs[at - 1].url);
		}
	if ((rc = crawl_fetch(cr, reqs, total, robots, &e))) {
		error("%s", e.msg);
		for (i = 0; i < n; i++) {
			keep_first(&frs[i]->status, rc);
			frs[i]->complete = 0;
		}
	}
	for (i = at = 0; i < n; i++)
		for (k = 0; k < frs[i]->nwanted; k++, at++) {
			fetch_item(app, frs[i], &frs[i]->items.v[frs[i]->wanted[k]], &reqs[at]);
			body_release(&reqs[at].body);
		}
	free(reqs);
	free(robots);
}

int
news_status(const struct news_feed *fr, struct err *e)
{
	if (fr->status)
		err_set(e, fr->status, "%s: some articles could not be read (above)", fr->url);
	return fr->status;
}

int
news_ingest(struct app *app, const char *source, const struct body *b, const char *match,
            long max, int *complete, struct err *e)
{
	struct news_feed fr, *frp = &fr;
	struct crawl *cr = NULL;
	struct fetch_opts o;
	int rc;

	set_fetch_opts(app, &o);
	/* A URL named to ingest is the admin's choice, as a configured one
	 * is; a file or stdin names no origin to trust. */
	if (!(rc = news_select(app, &fr, source, b, b->status ? b->url : NULL, match, max,
	                       e)) &&
	    !(rc = crawl_new(&cr, app->store, &o, e))) {
		news_fetch(app, cr, &frp, 1);
		rc = news_status(&fr, e);
	}
	*complete = fr.complete;
	crawl_free(cr);
	news_feed_release(&fr);
	return rc;
}
