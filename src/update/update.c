/* update.c: the cron pass over the configured sources (update.h), in
 * named stages:
 *
 *   plan    each source chosen, its fetch state read, skipped when it is
 *           not its turn (backoff, Retry-After)
 *   fetch   every source due in one batch (crawl.c: robots.txt for news
 *           sites, one request at a time per host)
 *   take    each answer in config order: a body of draws through the
 *           pipeline, a news feed's items chosen
 *   tell    the report page (page.c) and the notifications (deliver.c) of
 *           what take stored: IRCC's draws go out before the articles,
 *           which may take long, are fetched
 *   news    the chosen items of every news feed in a second batch, each
 *           stored as an article
 *   done    each news feed's state kept once its items are
 *
 * then tell again, for what the articles said.  The fetch state changes
 * only through state.c. */
#include <stdlib.h>
#include <string.h>

#include "crawl.h"
#include "news.h"
#include "pipeline.h"
#include "schedule.h"
#include "update.h"

/* One source in this run. */
struct source_run {
	const struct source *src;
	struct fetch_state st;
	time_t t;			/* the run's start */
	time_t retry_at;		/* the server's Retry-After, 0 for none */
	int news;			/* a news feed: its items come next */
	struct news_feed items;
	int rc;
};

/* Where a run's sources are, between the stages. */
struct pass {
	struct app *app;
	struct source_run *runs;
	struct fetch_req *reqs;		/* reqs[i] is runs[i]'s */
	unsigned char *robots;		/* whether reqs[i] asks robots.txt */
	size_t n;
	struct crawl *crawl;
	int status;			/* the first failure */
	int told;			/* tell ran: the page is current as of */
	long changes;			/* ... this many changes */
	int held;			/* a notification failed: no more this run */
};

/* Remembers a failure for the next run, from the state stored before it,
 * so the validators of the last body stored stay; when the database
 * itself failed this fails too, and says nothing new. */
static int
source_failed(struct app *app, struct source_run *r, int rc, const struct err *e, long status)
{
	struct err e2 = {0};
	char asked[21];

	error("%s: %s", r->src->name, e->msg);
	if (r->retry_at > r->t + BACKOFF_MAX && app->verbosity > QUIET) {
		format_utc(r->retry_at, asked);
		error("%s: warning: the server asks not to be tried before %s; tried again "
		      "after %d h instead", r->src->name, asked, BACKOFF_MAX / 3600);
	}
	fetch_state_release(&r->st);
	store_get_fetch_state(app->store, r->src->url, &r->st, &e2);
	state_failed(&r->st, e->msg, status, r->t, r->retry_at);
	store_put_fetch_state(app->store, r->src->name, r->src->url, &r->st, &e2);
	return rc;
}

/* A failure of this machine's (the database full, read-only or busy)
 * while taking what the source sent: reported, but its fetch state is
 * left as it was before this run, so it neither counts against the
 * source nor backs it off, and the body is fetched again next run. */
static int
local_failure(struct source_run *r, int rc, const struct err *e)
{
	error("%s: %s", r->src->name, e->msg);
	return rc;
}

/* plan: source s, when named (or none is) and due; its validators in the
 * next request. */
static void
plan_source(struct pass *p, const struct source *s, time_t t, int named)
{
	struct source_run *r = &p->runs[p->n];
	struct fetch_req *q = &p->reqs[p->n];
	struct err e = {0};

	r->src = s;
	r->t = t;
	if ((r->rc = store_get_fetch_state(p->app->store, s->url, &r->st, &e))) {
		error("%s: %s", s->name, e.msg);
		keep_first(&p->status, r->rc);
	} else if (!source_due(&r->st, t, named)) {
		if (p->app->verbosity == VERBOSE)
			error("%s: failed %ld times in a row; next try after %s", s->name,
			      r->st.failures, r->st.next_attempt);
	} else {
		r->st.url = xstrdup(s->url);	/* whatever the redirects */
		q->url = s->url;
		q->etag = r->st.etag;
		q->last_modified = r->st.last_modified;
		q->retry_at = &r->retry_at;
		/* robots.txt is for news sites, not IRCC's feed. */
		p->robots[p->n++] = strcmp(s->kind, "feed") == 0;
		return;
	}
	fetch_state_release(&r->st);
	memset(r, 0, sizeof(*r));
}

/* plan: the sources argv[1..] names, or every enabled one. */
static void
plan(struct pass *p, time_t t, int argc, char **argv)
{
	const struct config *cf = &p->app->config;
	size_t i;
	int j, named;

	for (i = 0; i < cf->nsources; i++) {
		named = argc == 1;
		for (j = 1; j < argc; j++)
			named |= strcmp(argv[j], cf->sources[i].name) == 0;
		if (named && (argc > 1 || cf->sources[i].enabled))
			plan_source(p, &cf->sources[i], t, argc > 1);
	}
}

/* take, for a body unlike the last: a news feed's items chosen (archived
 * too: it names the articles, and an incident may need it), anything
 * else through the pipeline with the state it leaves. */
static int
take_new_body(struct app *app, struct source_run *r, const struct body *b, const char *hash,
              struct err *e)
{
	const struct source *src = r->src;
	struct parse_opts po = { .lang = src->lang };
	const char *kind;
	int rc;

	if (!(kind = body_kind(b, src->kind, e)))
		return e->code;
	if (strcmp(kind, "feed") == 0) {
		rc = store_archive(app->store, src->name, b, kind, NULL, e);
		if (rc == 0)
			rc = news_select(app, &r->items, src->name, b, NULL, src->match,
			                 src->max_items, e);
		r->news = rc == 0;
		return rc;
	}
	state_took_body(&r->st, b, hash, r->t);
	return pipeline_take(app, src->name, b, kind, &po, &r->st, e);
}

/* take: what the fetch q brought.  A source robots.txt refuses is left
 * as it was, with a warning. */
static int
take(struct app *app, struct source_run *r, struct fetch_req *q)
{
	const struct source *src = r->src;
	struct body *b = &q->body;
	struct err e = q->err;
	char hash[40];
	int rc = q->rc;

	if (q->outcome == FETCH_DISALLOWED || q->outcome == FETCH_UNREACHABLE) {
		if (app->verbosity > QUIET)
			error("%s: warning: %s", src->name, e.msg);
		return 0;
	}
	if (q->outcome == FETCH_NOT_MODIFIED) {
		if (app->verbosity == VERBOSE)
			error("%s: not modified", src->name);
		state_answered(&r->st, 304, r->t);
		state_succeeded(&r->st, r->t);
		rc = store_put_fetch_state(app->store, src->name, src->url, &r->st, &e);
		pipeline_drift_due(app, src->name, src->url, r->t);
	} else if (q->outcome == FETCH_BODY) {
		state_answered(&r->st, b->status, r->t);
		body_hash(b->data, b->len, hash);
		if (!r->st.body_hash || strcmp(r->st.body_hash, hash) != 0) {
			rc = take_new_body(app, r, b, hash, &e);
		} else {
			if (app->verbosity == VERBOSE)
				error("%s: body unchanged", src->name);
			state_took_body(&r->st, b, hash, r->t);
			rc = store_put_fetch_state(app->store, src->name, src->url, &r->st, &e);
			pipeline_drift_due(app, src->name, b->url, r->t);
		}
	}
	if (rc && q->outcome != FETCH_FAILED && !body_fault(rc))
		return local_failure(r, rc, &e);
	/* A failed fetch has no body, but its HTTP status is worth keeping. */
	return rc ? source_failed(app, r, rc, &e, q->status ? q->status : b->status) : 0;
}

/* news: the items every news feed chose, in one batch. */
static void
news(struct pass *p)
{
	struct news_feed **feeds = xcalloc(p->n + 1, sizeof(*feeds));
	size_t i, n = 0;

	for (i = 0; i < p->n; i++)
		if (p->runs[i].news)
			feeds[n++] = &p->runs[i].items;
	news_fetch(p->app, p->crawl, feeds, n);
	free(feeds);
}

/* done: a news feed whose items were fetched; its validators kept once
 * every wanted item is done.  Returns the first article's error, already
 * reported. */
static int
done(struct app *app, struct source_run *r, const struct body *b)
{
	struct err e = {0};
	char hash[40];
	/* An article that failed counts against its link (tried again, at
	 * most STORE_LINK_ATTEMPTS times; only its first failure fails the
	 * run: news.c), not against the feed, which worked: no backoff for
	 * it, only its validators held. */
	int rc, items = news_status(&r->items, &e);

	if (items == 0 && r->items.complete) {
		body_hash(b->data, b->len, hash);
		state_took_body(&r->st, b, hash, r->t);
	} else {
		state_succeeded(&r->st, r->t);
	}
	if ((rc = store_put_fetch_state(app->store, r->src->name, r->src->url, &r->st, &e)))
		return local_failure(r, rc, &e);
	return items;
}

/* tell: the page rewritten when the database changed since it was last,
 * or a source's state did (before the notifications: a command they run
 * may send the page), then the notifications waiting, unless one failed
 * earlier this run. */
static void
tell(struct pass *p)
{
	long changes = store_data_changes(p->app->store);
	int changed = p->told ? changes != p->changes : changes != 0;

	keep_first(&p->status, update_report(p->app, changed));
	if (!p->told || changes != p->changes)
		keep_first(&p->status, update_atom(p->app));
	p->told = 1;
	p->changes = changes;
	if (!p->held)
		keep_first(&p->status, deliver_until(p->app, &p->held));
}

static void
pass_release(struct pass *p)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		body_release(&p->reqs[i].body);
		fetch_state_release(&p->runs[i].st);
		news_feed_release(&p->runs[i].items);
	}
	crawl_free(p->crawl);
	free(p->runs), free(p->reqs), free(p->robots);
}

int
update_run(struct app *app, int argc, char **argv)
{
	struct pass p = { .app = app };
	size_t n = app->config.nsources + 1, i;
	time_t t = time(NULL);
	struct fetch_opts o;
	struct err e = {0};
	int rc;

	set_fetch_opts(app, &o);
	if ((rc = crawl_new(&p.crawl, app->store, &o, &e))) {
		error("%s", e.msg);
		return rc;
	}
	p.runs = xcalloc(n, sizeof(*p.runs));
	p.reqs = xcalloc(n, sizeof(*p.reqs));
	p.robots = xcalloc(n, 1);
	plan(&p, t, argc, argv);
	if ((rc = crawl_fetch(p.crawl, p.reqs, p.n, p.robots, &e))) {
		error("%s", e.msg);
		keep_first(&p.status, rc);
	}
	for (i = 0; i < p.n; i++)
		keep_first(&p.status, p.runs[i].rc = take(app, &p.runs[i], &p.reqs[i]));
	tell(&p);
	news(&p);
	for (i = 0; i < p.n; i++) {
		if (p.runs[i].news)
			p.runs[i].rc = done(app, &p.runs[i], &p.reqs[i].body);
		keep_first(&p.status, p.runs[i].rc);
	}
	pass_release(&p);
	tell(&p);
	return p.status;
}
