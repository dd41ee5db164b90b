/* update.c: the cron pass over the configured sources (update.h). */
#include <stdlib.h>
#include <string.h>

#include "crawl.h"
#include "news.h"
#include "pipeline.h"
#include "update.h"

/* Replaces *slot with a copy of v. */
static void
set_str(char **slot, const char *v)
{
	free(*slot);
	*slot = xstrdup(v);
}

/* update: one source, fetched conditionally, parsed and stored.  The fetch
 * state keeps a body's validators only once the body is stored (for a
 * news feed: once all its wanted items are), so a body that was rejected
 * is fetched and tried again next time.  Every source is fetched in one
 * batch, then each handled in config order; the items of news feeds are
 * fetched in a second batch, then each feed is done. */
struct job {
	const struct source *src;
	struct fetch_state st;
	time_t t;			/* the run's start */
	char now[21];			/* t as text */
	time_t retry_at;
	int skip;			/* not its turn: not fetched */
	int feed;			/* a news feed: its items come next */
	struct news_feed items;
	int rc;
};

/* Before the fetch: the source's state, its validators for r, and
 * whether it is its turn (a source failing again and again waits,
 * unless named). */
static int
update_plan(struct app *app, struct job *j, struct fetch_req *r, int named)
{
	struct err e = {0};
	int rc;

	if ((rc = store_get_fetch_state(app->store, j->src->url, &j->st, &e))) {
		error("%s: %s", j->src->name, e.msg);
		return rc;
	}
	if (!named && j->st.next_attempt && strcmp(j->st.next_attempt, j->now) > 0) {
		if (app->verbosity == VERBOSE)
			error("%s: failed %ld times in a row; next try after %s", j->src->name,
			      j->st.failures, j->st.next_attempt);
		j->skip = 1;
		return 0;
	}
	r->url = j->src->url;
	r->etag = j->st.etag;
	r->last_modified = j->st.last_modified;
	r->retry_at = &j->retry_at;
	return 0;
}

/* Remembers a failure for the next run, with the validators of the last
 * body stored; when the database itself failed this fails too, and says
 * nothing new. */
static int
update_failed(struct app *app, struct job *j, int rc, const struct err *e, long status)
{
	struct err e2 = {0};
	char next[21];
	time_t wait;

	error("%s: %s", j->src->name, e->msg);
	fetch_state_release(&j->st);
	store_get_fetch_state(app->store, j->src->url, &j->st, &e2);
	set_str(&j->st.last_attempt, j->now);
	set_str(&j->st.last_error, e->msg);
	if (status)
		j->st.last_status = status;
	/* The later of our backoff and the server's Retry-After. */
	wait = backoff(++j->st.failures);
	if (j->retry_at > j->t + wait)
		wait = j->retry_at - j->t;
	set_str(&j->st.next_attempt, NULL);
	if (wait > 0) {
		format_utc(j->t + wait, next);
		set_str(&j->st.next_attempt, next);
	}
	store_put_fetch_state(app->store, j->src->name, j->src->url, &j->st, &e2);
	return rc;
}

/* After the fetch r: what it brought, parsed and stored; for a news feed,
 * its items chosen (update_feed_done() ends it).  A source robots.txt
 * refuses is left as it was, with a warning. */
static int
update_source(struct app *app, struct job *j, struct fetch_req *r)
{
	const struct source *src = j->src;
	struct fetch_state *st = &j->st;
	struct body *b = &r->body;
	struct parse_opts po = { .lang = src->lang };
	struct err e = r->err;
	const char *kind = NULL;
	char hash[40];
	int rc = r->rc;

	if (rc == CRAWL_DISALLOWED || rc == CRAWL_UNREACHABLE) {
		if (app->verbosity > QUIET)
			error("%s: warning: %s", src->name, e.msg);
		return 0;
	}
	set_str(&st->last_attempt, j->now);
	set_str(&st->last_error, NULL);
	set_str(&st->next_attempt, NULL);
	st->failures = 0;
	if (rc == FETCH_NOT_MODIFIED) {
		if (app->verbosity == VERBOSE)
			error("%s: not modified", src->name);
		st->last_status = 304;
		set_str(&st->last_success, j->now);
		rc = store_put_fetch_state(app->store, src->name, src->url, st, &e);
	} else if (rc == 0) {
		st->last_status = b->status;
		body_hash(b->data, b->len, hash);
		if (st->body_hash && strcmp(st->body_hash, hash) == 0) {
			if (app->verbosity == VERBOSE)
				error("%s: body unchanged", src->name);
			set_str(&st->etag, b->etag);
			set_str(&st->last_modified, b->last_modified);
			set_str(&st->last_success, j->now);
			rc = store_put_fetch_state(app->store, src->name, src->url, st, &e);
		} else if ((kind = body_kind(b, src->kind, &e)) && strcmp(kind, "feed") == 0) {
			/* Kept too: it names the articles, and an incident may
			 * need it. */
			rc = store_archive(app->store, src->name, b, kind, NULL, &e);
			if (rc == 0)
				rc = news_select(app, &j->items, src->name, b, src->match,
				                 src->max_items, &e);
			j->feed = rc == 0;
		} else if (kind) {
			set_str(&st->body_hash, hash);
			set_str(&st->etag, b->etag);
			set_str(&st->last_modified, b->last_modified);
			set_str(&st->last_success, j->now);
			rc = store_draws(app, src->name, b, kind, &po, st, &e);
		} else {
			rc = e.code;
		}
	}
	/* A failed fetch has no body, but its HTTP status is worth keeping. */
	return rc ? update_failed(app, j, rc, &e, r->status ? r->status : b->status) : 0;
}

/* A news feed whose items were fetched: its validators kept once every
 * wanted item is done.  Returns the first article's error, already
 * reported. */
static int
update_feed_done(struct app *app, struct job *j, const struct body *b)
{
	struct fetch_state *st = &j->st;
	struct err e = {0};
	char hash[40];
	/* An article that failed is reported and counts against its link
	 * (tried again, at most STORE_LINK_ATTEMPTS times), not against the
	 * feed, which worked: no backoff for it, only its validators held. */
	int rc, items = news_status(&j->items, &e);

	if (items == 0 && j->items.complete) {
		body_hash(b->data, b->len, hash);
		set_str(&st->body_hash, hash);
		set_str(&st->etag, b->etag);
		set_str(&st->last_modified, b->last_modified);
	}
	set_str(&st->last_success, j->now);
	if ((rc = store_put_fetch_state(app->store, j->src->name, j->src->url, st, &e)))
		return update_failed(app, j, rc, &e, b->status);
	return items;
}

/* The pass: every source due fetched in one batch, then each handled in
 * config order; the items of news feeds fetched in a second batch, then
 * each feed done; the report page; the notifications. */
int
update_run(struct app *app, int argc, char **argv)
{
	struct job *jobs;
	struct fetch_req *reqs;
	struct news_feed **feeds;
	unsigned char *robots;
	struct crawl *cr;
	struct fetch_opts o;
	struct err e = {0};
	time_t t = time(NULL);
	size_t i, n = 0, nfeeds = 0;
	int status = 0, rc, j;

	if ((rc = open_store(app)))
		return rc;
	store_set_notify(app->store, app->config.notify != NULL);
	set_fetch_opts(app, &o);
	if ((rc = crawl_new(&cr, app->store, &o, &e))) {
		error("%s", e.msg);
		return rc;
	}
	jobs = xcalloc(app->config.nsources + 1, sizeof(*jobs));
	reqs = xcalloc(app->config.nsources + 1, sizeof(*reqs));
	feeds = xcalloc(app->config.nsources + 1, sizeof(*feeds));
	robots = xcalloc(app->config.nsources + 1, 1);
	for (i = 0; i < app->config.nsources; i++) {
		const struct source *s = &app->config.sources[i];
		struct job *jb = &jobs[n];
		int named = argc == 1;

		for (j = 1; j < argc; j++)
			named |= strcmp(argv[j], s->name) == 0;
		if (!named || (argc == 1 && !s->enabled))
			continue;
		jb->src = s;
		jb->t = t;
		format_utc(t, jb->now);
		if ((jb->rc = update_plan(app, jb, &reqs[n], argc > 1)) || jb->skip) {
			keep_first(&status, jb->rc);
			fetch_state_release(&jb->st);
			memset(jb, 0, sizeof(*jb));
			continue;
		}
		/* robots.txt is for news sites, not IRCC's feed. */
		robots[n++] = strcmp(s->kind, "feed") == 0;
	}
	if ((rc = crawl_fetch(cr, reqs, n, robots, &e))) {
		error("%s", e.msg);
		keep_first(&status, rc);
	}
	for (i = 0; i < n; i++)
		if ((jobs[i].rc = update_source(app, &jobs[i], &reqs[i])) == 0 && jobs[i].feed)
			feeds[nfeeds++] = &jobs[i].items;
	news_fetch(app, cr, feeds, nfeeds);
	for (i = 0; i < n; i++) {
		if (jobs[i].feed)
			jobs[i].rc = update_feed_done(app, &jobs[i], &reqs[i].body);
		keep_first(&status, jobs[i].rc);
		body_release(&reqs[i].body);
		fetch_state_release(&jobs[i].st);
		news_feed_release(&jobs[i].items);
	}
	crawl_free(cr);
	free(jobs), free(reqs), free(feeds), free(robots);
	/* Before the notifications: a command they run may send the page. */
	keep_first(&status, update_report(app));
	keep_first(&status, deliver(app));
	return status;
}
