/* main.c: options, and the wiring of source -> parser -> store.
 *
 * Only main prints for the user and decides the exit code.  Exit codes
 * (sysexits(3)): 0 success, 64 usage, 65 bad input data, 75 temporary
 * failure (network, database busy), 78 configuration error, 1 anything
 * else. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "config.h"
#include "crawl.h"
#include "datetime.h"
#include "export.h"
#include "feed.h"
#include "fetch.h"
#include "notify.h"
#include "parse.h"
#include "report.h"
#include "store.h"
#include "version.h"

static const char usage_text[] =
	"usage: eedraws [-c CONFIG] [-d DATABASE] [-q | -v] COMMAND [ARGS]\n"
	"  update [SOURCE...]              fetch the configured sources, store what is new\n"
	"  ingest [-k KIND] [--date DATE] [--lang en|fr] FILE|URL|-...\n"
	"                                  store the draws of files or URLs\n"
	"  parse  [-k KIND] [--date DATE] [--lang en|fr] FILE|URL|-...\n"
	"                                  print the draws a body yields, as CSV\n"
	"  export [-t TABLE] [-f csv|json] [-o FILE]\n"
	"                                  TABLE: draws (default), revisions, pool,\n"
	"                                  observations, conflicts\n"
	"  list   [-n N]                   the latest draws, for a person\n"
	"  conflicts                       where articles disagree with IRCC\n"
	"  status                          each source's health and notifications waiting;\n"
	"                                  exit 1 when a source is stale or a notification fails\n"
	"  reparse [--force]               rebuild every draw from the archived bodies\n"
	"  report [-o FILE] [--since DATE] one HTML page with charts of the draws\n"
	"KIND: auto (default), ircc-json, article, feed.  DATE: the publication\n"
	"date to assume (YYYY-MM-DD) when a page gives none; for report, the first\n"
	"draw date shown.  --lang: an IRCC feed's language, checked against its\n"
	"rounds.  See eedraws --help.\n";

static const char help_text[] =
	"\n"
	"options:\n"
	"  -c, --config FILE     read FILE instead of searching for eedraws.conf\n"
	"  -d, --database FILE   use this database (overrides the config)\n"
	"  -q, --quiet           print errors only\n"
	"  -v, --verbose         narrate each fetch\n"
	"  -h, --help            this text\n"
	"  -V, --version         the version, and those of the libraries in use\n"
	"\n"
	"config search: -c FILE, else $XDG_CONFIG_HOME/eedraws/eedraws.conf,\n"
	"else /etc/eedraws.conf, else built-in defaults (IRCC's English feed,\n"
	"database $XDG_DATA_HOME/eedraws/eedraws.db).  With report = PATH in the\n"
	"config, update rewrites that page whenever it changed the database.\n"
	"\n"
	"exit codes: 0 success, 64 usage, 65 bad input data, 75 temporary failure\n"
	"(network, database busy, a notify command that failed: try again),\n"
	"78 configuration error, 1 other.\n";

enum verbosity { QUIET, NORMAL, VERBOSE };

/* What every command shares. */
struct ctx {
	const char *config_path;
	const char *database;	/* -d, or NULL */
	enum verbosity verbosity;
	struct config config;
	struct store *store;
	const char *body_url;	/* the body being stored, for announce() */
};

static void
error(const char *fmt, ...)
{
	va_list ap;

	fputs("eedraws: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

static int
usage_error(const char *fmt, const char *arg)
{
	fputs("eedraws: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\n", stderr);
	fputs(usage_text, stderr);
	return EX_USAGE;
}

/* Keeps the first failure: the exit code says that something failed even
 * when later sources succeed. */
static void
keep_first(int *status, int rc)
{
	if (!*status)
		*status = rc;
}

static int
load_config(struct ctx *c)
{
	struct err e = {0};
	int rc = config_load(&c->config, c->config_path, &e);

	if (rc)
		error("%s", e.msg);
	return rc;
}

/* Makes the database's directory when it is the default one: a user's
 * explicit path is taken as given. */
static void
make_default_dir(const char *db)
{
	char *def = config_default_database();

	if (strcmp(def, db) == 0)
		make_parents(def);	/* a failure shows when the store opens */
	free(def);
}

static int
open_store(struct ctx *c)
{
	const char *db = c->database ? c->database : c->config.database;
	struct err e = {0};
	int rc;

	make_default_dir(db);
	rc = store_open(&c->store, db, &e);
	if (rc)
		error("%s", e.msg);
	return rc;
}

static void
print_warnings(const struct ctx *c, const char *source, struct strlist *w)
{
	size_t i;

	if (c->verbosity > QUIET)
		for (i = 0; i < w->n; i++)
			error("%s: warning: %s", source, w->v[i]);
	strlist_release(w);
}

static void
print_values(const struct draw *d)
{
	if (d->category)
		printf(" %s", d->category);
	if (d->invitations >= 0)
		printf(", %ld invitations", d->invitations);
	if (d->crs_cutoff >= 0)
		printf(", CRS %ld", d->crs_cutoff);
}

/* Prints fields as "name 'old' -> 'new'", or for an article's values
 * against IRCC's as "name: IRCC 'old', article 'new'". */
static void
print_fields(const struct store_event *ev, int against)
{
	const char *o, *n;
	size_t i;

	for (i = 0; i < ev->nfields; i++) {
		o = ev->fields[i].old_value ? ev->fields[i].old_value : "";
		n = ev->fields[i].new_value ? ev->fields[i].new_value : "";
		if (against)
			printf("%s %s: IRCC '%s', article '%s'", i ? ";" : "",
			       ev->fields[i].field, o, n);
		else
			printf("%s %s '%s' -> '%s'", i ? "," : "", ev->fields[i].field, o, n);
	}
}

/* Announces what a body changed on stdout: the cron job's mail. */
static void
announce(void *ctx, const struct store_event *ev)
{
	const struct ctx *c = ctx;
	const struct draw *d = ev->draw;
	const char *date = ev->date && *ev->date ? ev->date : "(no date)";

	if (c->verbosity == QUIET)
		return;
	switch (ev->what) {
	case STORE_NEW:
		printf("new draw #%s %s", ev->number, date);
		print_values(d);
		break;
	case STORE_CHANGED:
		printf("changed draw #%s %s:", ev->number, date);
		print_fields(ev, 0);
		break;
	case STORE_UNCONFIRMED:
		printf("unconfirmed draw %s", date);
		if (d->number)
			printf(" #%s", d->number);
		print_values(d);
		printf(" (from %s)", c->body_url);
		break;
	case STORE_CONFLICT:
		printf("conflict on draw #%s %s:", ev->number, date);
		print_fields(ev, 1);
		printf(" (from %s)", c->body_url);
		break;
	case STORE_CONFIRMED:
		printf("confirmed draw #%s %s, reported before IRCC", ev->number, date);
		if (ev->nfields)
			putchar(':');
		print_fields(ev, 1);
		break;
	}
	putchar('\n');
}

static void
set_fetch_opts(const struct ctx *c, struct fetch_opts *o)
{
	fetch_opts_init(o);
	o->user_agent = c->config.user_agent;
	o->connect_timeout = c->config.connect_timeout;
	o->timeout = c->config.timeout;
	o->max_size = (size_t)c->config.max_size;
	o->delay_ms = c->config.delay_ms;
	o->verbose = c->verbosity == VERBOSE;
}

static int
is_url(const char *s)
{
	return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0;
}

/* Reads a FILE, URL or "-" into *b. */
static int
load_body(const struct ctx *c, const char *arg, struct body *b, struct err *e)
{
	struct fetch_opts o;
	int rc;

	memset(b, 0, sizeof(*b));
	if (is_url(arg)) {
		set_fetch_opts(c, &o);
		return fetch_url(arg, &o, b, e);
	}
	if ((rc = read_file(arg, &b->data, &b->len, e)))
		return rc;
	b->url = xstrdup(strcmp(arg, "-") ? arg : "(stdin)");
	b->fetched_at = time(NULL);
	return 0;
}

/* The kind of a body: kind as named, else as sniffed ("auto"). */
static const char *
body_kind(const struct body *b, const char *kind, struct err *e)
{
	if (strcmp(kind, "auto") != 0)
		return kind;
	if (!(kind = parse_sniff(b)))
		err_set(e, EX_DATAERR, "%s: empty: no draws, no articles", b->url);
	return kind;
}

/* Warns when an IRCC feed body's shape differs from the last one's from
 * the same source: records that lose or gain keys, fewer rounds.  IRCC's
 * format drifts; a person should look, but the run goes on. */
static void
check_drift(struct ctx *c, const char *source, const struct body *b,
            const struct feed_shape *now)
{
	struct strlist warn = {0};
	struct err e = {0};
	char *old = NULL, *label, *key;
	long old_rounds;
	int rc;

	/* IRCC's English and French feeds each have their own shape. */
	key = xasprintf("%s/%s", source, now->lang ? now->lang : "en");
	rc = store_swap_shape(c->store, key, now->keys, now->rounds, &old, &old_rounds, &e);
	free(key);
	if (rc) {
		error("%s: %s", source, e.msg);	/* only the warning is lost */
		return;
	}
	feed_shape_drift(old, old_rounds, now, &warn);
	label = xasprintf("%s: %s", source, b->url);
	print_warnings(c, label, &warn);
	free(label);
	free(old);
}

/* Parses a body of a kind that states draws and stores them: IRCC's
 * record as draws, anything else as what an article says. */
static int
store_draws(struct ctx *c, const char *source, const struct body *b, const char *kind,
            const struct parse_opts *po, const struct fetch_state *st, struct err *e)
{
	struct draw_list draws = {0};
	struct strlist warn = {0};
	struct feed_shape shape = {0};
	struct parse_opts opts = {0};
	int rc;

	if (po)
		opts = *po;
	opts.shape = &shape;
	/* Kept before it is parsed: a body the parser rejects today is the
	 * one an incident's replay or a better parser needs. */
	if ((rc = store_archive(c->store, source, b, kind, po ? po->date : NULL, e)))
		return rc;
	rc = parse_body(b, kind, &opts, &draws, &warn, e);
	print_warnings(c, b->url, &warn);
	c->body_url = b->url;
	if (rc == 0 && strcmp(kind, "ircc-json") == 0 &&
	    (rc = store_put_body(c->store, source, b, &draws, st, announce, c, e)) == 0)
		check_drift(c, source, b, &shape);
	else if (rc == 0)
		rc = store_put_observations(c->store, source, b, &draws, st, announce, c, e);
	if (rc == 0 && c->verbosity == VERBOSE)
		error("%s: %zu draws read", b->url, draws.n);
	draw_list_release(&draws);
	free(shape.keys);
	return rc;
}

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

static void
feed_read_release(struct feed_read *fr)
{
	feed_items_release(&fr->items);
	free(fr->wanted);
	free(fr->url);
	memset(fr, 0, sizeof(*fr));
}

/* Whether link is among the first n wanted of fr already. */
static int
already_wanted(const struct feed_read *fr, const char *link)
{
	size_t i;

	for (i = 0; i < fr->nwanted; i++)
		if (strcmp(fr->items.v[fr->wanted[i]].link, link) == 0)
			return 1;
	return 0;
}

/* The items of news feed b to fetch this run: those that match and were
 * not fetched before, at most max of them (0: no limit). */
static int
feed_select(struct ctx *c, struct feed_read *fr, const char *source, const struct body *b,
            const char *match, long max, struct err *e)
{
	struct feed_filter *f = NULL;
	struct strlist warn = {0};
	const struct feed_item *it;
	size_t i;
	int rc, wanted;

	memset(fr, 0, sizeof(*fr));
	fr->source = source;
	fr->url = xstrdup(b->url);
	fr->complete = 1;
	if ((rc = feed_filter_new(&f, match ? match : FEED_DEFAULT_MATCH, e)))
		return rc;
	rc = feed_parse(b, &fr->items, &warn, e);
	print_warnings(c, b->url, &warn);
	fr->wanted = xcalloc(fr->items.n + 1, sizeof(*fr->wanted));
	for (i = 0; rc == 0 && i < fr->items.n; i++) {
		it = &fr->items.v[i];
		if (!feed_filter_match(f, it) || already_wanted(fr, it->link))
			continue;
		if ((wanted = store_link_wanted(c->store, it->link, e)) < 0) {
			rc = -wanted;
			break;
		}
		if (!wanted)
			continue;
		if (max > 0 && (long)fr->nwanted == max) {
			fr->complete = 0;
			if (c->verbosity == VERBOSE)
				error("%s: max_items (%ld) reached; the rest next time", source, max);
			break;
		}
		fr->wanted[fr->nwanted++] = i;
	}
	feed_filter_free(f);
	return rc;
}

/* One item of a news feed, fetched (r) as an article: its draws stored as
 * observations, the attempt recorded; a failure (already printed) is
 * fr's.  An item robots.txt refuses is not an attempt: a warning; when
 * robots.txt was unreachable it is tried again next run. */
static void
fetch_item(struct ctx *c, struct feed_read *fr, const struct feed_item *it,
           struct fetch_req *r)
{
	struct parse_opts po = {0};
	struct err e = r->err, e2 = {0};
	char date[11];
	int rc = r->rc;

	if (rc == CRAWL_DISALLOWED || rc == CRAWL_UNREACHABLE) {
		if (c->verbosity > QUIET)
			error("%s: warning: %s", fr->source, e.msg);
		if (rc == CRAWL_UNREACHABLE)
			fr->complete = 0;
		return;
	}
	/* The feed's date is the article's when the page gives none. */
	if (it->published[0]) {
		snprintf(date, sizeof(date), "%.10s", it->published);
		po.date = date;
	}
	if (rc == 0)
		rc = store_draws(c, fr->source, &r->body, "article", &po, NULL, &e);
	if (rc)
		error("%s: %s", fr->source, e.msg);
	if (store_link_attempted(c->store, fr->source, it->link, it->title, rc ? e.msg : NULL,
	                         &e2)) {
		error("%s: %s", fr->source, e2.msg);
		keep_first(&rc, e2.code);
	}
	if (rc) {
		keep_first(&fr->status, rc);
		fr->complete = 0;
	}
}

/* The wanted items of n feeds, fetched in one batch (robots.txt
 * permitting), each stored in feed order. */
static void
fetch_items(struct ctx *c, struct crawl *cr, struct feed_read *const *frs, size_t n)
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
			reqs[at++].url = frs[i]->items.v[frs[i]->wanted[k]].link;
			if (c->verbosity == VERBOSE)
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
			fetch_item(c, frs[i], &frs[i]->items.v[frs[i]->wanted[k]], &reqs[at]);
			body_release(&reqs[at].body);
		}
	free(reqs);
	free(robots);
}

static int
feed_status(const struct feed_read *fr, struct err *e)
{
	if (fr->status)
		err_set(e, fr->status, "%s: some articles could not be read (above)", fr->url);
	return fr->status;
}

/* A news feed given to ingest: its matching items not fetched before, at
 * most max of them.  *complete is 0 when some are left for a later run:
 * failed, or over max.  Returns the first item's error; the others still
 * run. */
static int
read_feed(struct ctx *c, const char *source, const struct body *b, const char *match,
          long max, int *complete, struct err *e)
{
	struct feed_read fr, *frp = &fr;
	struct crawl *cr = NULL;
	struct fetch_opts o;
	int rc;

	set_fetch_opts(c, &o);
	if (!(rc = feed_select(c, &fr, source, b, match, max, e)) &&
	    !(rc = crawl_new(&cr, c->store, &o, e))) {
		fetch_items(c, cr, &frp, 1);
		rc = feed_status(&fr, e);
	}
	*complete = fr.complete;
	crawl_free(cr);
	feed_read_release(&fr);
	return rc;
}

/* Replaces *slot with a copy of v. */
static void
set_str(char **slot, const char *v)
{
	free(*slot);
	*slot = xstrdup(v);
}

/* Seconds to wait before trying a source that failed n times in a row:
 * none after one failure (it may have been a blip), then 10 minutes,
 * doubling, at most 6 hours. */
static long
backoff(long n)
{
	long wait = 600;

	if (n <= 1)
		return 0;
	while (--n > 1 && wait < 6 * 3600)
		wait *= 2;
	return wait < 6 * 3600 ? wait : 6 * 3600;
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
	struct feed_read items;
	int rc;
};

/* Before the fetch: the source's state, its validators for r, and
 * whether it is its turn (a source failing again and again waits,
 * unless named). */
static int
update_plan(struct ctx *c, struct job *j, struct fetch_req *r, int named)
{
	struct err e = {0};
	int rc;

	if ((rc = store_get_fetch_state(c->store, j->src->url, &j->st, &e))) {
		error("%s: %s", j->src->name, e.msg);
		return rc;
	}
	if (!named && j->st.next_attempt && strcmp(j->st.next_attempt, j->now) > 0) {
		if (c->verbosity == VERBOSE)
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
update_failed(struct ctx *c, struct job *j, int rc, const struct err *e, long status)
{
	struct err e2 = {0};
	char next[21];
	time_t wait;

	error("%s: %s", j->src->name, e->msg);
	fetch_state_release(&j->st);
	store_get_fetch_state(c->store, j->src->url, &j->st, &e2);
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
	store_put_fetch_state(c->store, j->src->name, j->src->url, &j->st, &e2);
	return rc;
}

/* After the fetch r: what it brought, parsed and stored; for a news feed,
 * its items chosen (update_feed_done() ends it).  A source robots.txt
 * refuses is left as it was, with a warning. */
static int
update_source(struct ctx *c, struct job *j, struct fetch_req *r)
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
		if (c->verbosity > QUIET)
			error("%s: warning: %s", src->name, e.msg);
		return 0;
	}
	set_str(&st->last_attempt, j->now);
	set_str(&st->last_error, NULL);
	set_str(&st->next_attempt, NULL);
	st->failures = 0;
	if (rc == FETCH_NOT_MODIFIED) {
		if (c->verbosity == VERBOSE)
			error("%s: not modified", src->name);
		st->last_status = 304;
		set_str(&st->last_success, j->now);
		rc = store_put_fetch_state(c->store, src->name, src->url, st, &e);
	} else if (rc == 0) {
		st->last_status = b->status;
		body_hash(b->data, b->len, hash);
		if (st->body_hash && strcmp(st->body_hash, hash) == 0) {
			if (c->verbosity == VERBOSE)
				error("%s: body unchanged", src->name);
			set_str(&st->etag, b->etag);
			set_str(&st->last_modified, b->last_modified);
			set_str(&st->last_success, j->now);
			rc = store_put_fetch_state(c->store, src->name, src->url, st, &e);
		} else if ((kind = body_kind(b, src->kind, &e)) && strcmp(kind, "feed") == 0) {
			/* Kept too: it names the articles, and an incident may
			 * need it. */
			rc = store_archive(c->store, src->name, b, kind, NULL, &e);
			if (rc == 0)
				rc = feed_select(c, &j->items, src->name, b, src->match,
				                 src->max_items, &e);
			j->feed = rc == 0;
		} else if (kind) {
			set_str(&st->body_hash, hash);
			set_str(&st->etag, b->etag);
			set_str(&st->last_modified, b->last_modified);
			set_str(&st->last_success, j->now);
			rc = store_draws(c, src->name, b, kind, &po, st, &e);
		} else {
			rc = e.code;
		}
	}
	/* A failed fetch has no body, but its HTTP status is worth keeping. */
	return rc ? update_failed(c, j, rc, &e, r->status ? r->status : b->status) : 0;
}

/* A news feed whose items were fetched: its validators kept once every
 * wanted item is done.  Returns the first article's error, already
 * reported. */
static int
update_feed_done(struct ctx *c, struct job *j, const struct body *b)
{
	struct fetch_state *st = &j->st;
	struct err e = {0};
	char hash[40];
	/* An article that failed is reported and counts against its link
	 * (tried again, at most STORE_LINK_ATTEMPTS times), not against the
	 * feed, which worked: no backoff for it, only its validators held. */
	int rc, items = feed_status(&j->items, &e);

	if (items == 0 && j->items.complete) {
		body_hash(b->data, b->len, hash);
		set_str(&st->body_hash, hash);
		set_str(&st->etag, b->etag);
		set_str(&st->last_modified, b->last_modified);
	}
	set_str(&st->last_success, j->now);
	if ((rc = store_put_fetch_state(c->store, j->src->name, j->src->url, st, &e)))
		return update_failed(c, j, rc, &e, b->status);
	return items;
}

/* Runs the notify command for each notification waiting, oldest first,
 * until one fails: the rest wait for the next run, in order.  A
 * notification is marked delivered only after its command succeeded. */
static int
deliver(struct ctx *c)
{
	struct store_notification n;
	struct err e = {0};
	long lease = c->config.notify_timeout + 60;
	int got, rc = 0;

	if (!c->config.notify)
		return 0;
	while (rc == 0 && (got = store_next_notification(c->store, lease, &n, &e)) == 1) {
		if (c->verbosity == VERBOSE)
			error("notify: %s draw %s %s (attempt %ld)", n.event,
			      n.number ? n.number : "", n.date ? n.date : "", n.attempts);
		rc = notify_run(c->config.notify, n.env, c->config.notify_timeout, &e);
		if (rc)
			error("%s; draw %s%s %s: tried again next run", e.msg,
			      n.number ? "#" : "", n.number ? n.number : "", n.date ? n.date : "");
		if (store_notification_done(c->store, n.id, rc ? e.msg : NULL, &e)) {
			error("%s", e.msg);
			keep_first(&rc, e.code);
		}
		store_notification_release(&n);
	}
	if (got < 0) {
		error("%s", e.msg);
		keep_first(&rc, -got);
	}
	return rc;
}

static int update_report(struct ctx *c);

static int
cmd_update(struct ctx *c, int argc, char **argv)
{
	struct job *jobs;
	struct fetch_req *reqs;
	struct feed_read **feeds;
	unsigned char *robots;
	struct crawl *cr;
	struct fetch_opts o;
	struct err e = {0};
	time_t t = time(NULL);
	size_t i, n = 0, nfeeds = 0;
	int status = 0, rc, j;

	if (argc > 1 && argv[1][0] == '-' && argv[1][1])
		return usage_error("update: unknown option '%s'", argv[1]);
	for (j = 1; j < argc; j++)
		if (!config_source(&c->config, argv[j]))
			return usage_error("update: no source named '%s' in the config", argv[j]);
	if ((rc = open_store(c)))
		return rc;
	store_set_notify(c->store, c->config.notify != NULL);
	set_fetch_opts(c, &o);
	if ((rc = crawl_new(&cr, c->store, &o, &e))) {
		error("%s", e.msg);
		return rc;
	}
	jobs = xcalloc(c->config.nsources + 1, sizeof(*jobs));
	reqs = xcalloc(c->config.nsources + 1, sizeof(*reqs));
	feeds = xcalloc(c->config.nsources + 1, sizeof(*feeds));
	robots = xcalloc(c->config.nsources + 1, 1);
	for (i = 0; i < c->config.nsources; i++) {
		const struct source *s = &c->config.sources[i];
		struct job *jb = &jobs[n];
		int named = argc == 1;

		for (j = 1; j < argc; j++)
			named |= strcmp(argv[j], s->name) == 0;
		if (!named || (argc == 1 && !s->enabled))
			continue;
		jb->src = s;
		jb->t = t;
		format_utc(t, jb->now);
		if ((jb->rc = update_plan(c, jb, &reqs[n], argc > 1)) || jb->skip) {
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
		if ((jobs[i].rc = update_source(c, &jobs[i], &reqs[i])) == 0 && jobs[i].feed)
			feeds[nfeeds++] = &jobs[i].items;
	fetch_items(c, cr, feeds, nfeeds);
	for (i = 0; i < n; i++) {
		if (jobs[i].feed)
			jobs[i].rc = update_feed_done(c, &jobs[i], &reqs[i].body);
		keep_first(&status, jobs[i].rc);
		body_release(&reqs[i].body);
		fetch_state_release(&jobs[i].st);
		feed_read_release(&jobs[i].items);
	}
	crawl_free(cr);
	free(jobs), free(reqs), free(feeds), free(robots);
	/* Before the notifications: a command they run may send the page. */
	keep_first(&status, update_report(c));
	keep_first(&status, deliver(c));
	return status;
}

/* Options shared by ingest and parse: -k KIND, --date YYYY-MM-DD,
 * --lang en|fr. */
static int
kind_options(int argc, char **argv, const char **kind, struct parse_opts *popts)
{
	static const struct option longopts[] = {
		{ "kind", required_argument, NULL, 'k' },
		{ "date", required_argument, NULL, 'D' },
		{ "lang", required_argument, NULL, 'L' },
		{ NULL, 0, NULL, 0 },
	};
	char iso[11];
	int ch, swapped = 0;

	*kind = "auto";
	memset(popts, 0, sizeof(*popts));
	optind = 0;
	while ((ch = getopt_long(argc, argv, "+k:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'k':
			if (!parse_kind_valid(optarg))
				return usage_error("unknown kind '%s' (auto, ircc-json, article)",
				                   optarg);
			*kind = optarg;
			break;
		case 'D':
			if (date_parse_iso(optarg, iso, &swapped) != 0 || swapped)
				return usage_error("--date wants YYYY-MM-DD, not '%s'", optarg);
			popts->date = optarg;
			break;
		case 'L':
			if (strcmp(optarg, "en") != 0 && strcmp(optarg, "fr") != 0)
				return usage_error("--lang wants en or fr, not '%s'", optarg);
			popts->lang = optarg;
			break;
		default:
			return usage_error("%s: bad option", argv[0]);
		}
	}
	if (optind >= argc)
		return usage_error("%s: name a FILE, URL or -", argv[0]);
	return 0;
}

static int
cmd_ingest(struct ctx *c, int argc, char **argv)
{
	struct parse_opts popts;
	const char *kind, *k;
	int status = 0, rc, i, complete;

	if ((rc = kind_options(argc, argv, &kind, &popts)) || (rc = open_store(c)))
		return rc;
	store_set_notify(c->store, c->config.notify != NULL);
	for (i = optind; i < argc; i++) {
		struct body b;
		struct err e = {0};

		rc = load_body(c, argv[i], &b, &e);
		if (!rc && !(k = body_kind(&b, kind, &e)))
			rc = e.code;
		/* A feed given by hand: all its matching items not seen. */
		if (!rc && strcmp(k, "feed") == 0)
			rc = read_feed(c, "ingest", &b, NULL, 0, &complete, &e);
		else if (!rc)
			rc = store_draws(c, "ingest", &b, k, &popts, NULL, &e);
		if (rc)
			error("%s", e.msg);
		keep_first(&status, rc);
		body_release(&b);
	}
	keep_first(&status, deliver(c));
	return status;
}

struct replay {
	struct ctx *c;
	long bodies, skipped;
};

/* reparse: one archived body, parsed with today's parser as it was then. */
static int
replay_body(void *ctx, const struct body *b, const char *source, const char *kind,
            const char *assumed_date)
{
	struct replay *r = ctx;
	struct parse_opts po = { .date = assumed_date };
	struct draw_list draws = {0};
	struct strlist warn = {0};
	struct err e = {0};
	int rc;

	if (strcmp(kind, "ircc-json") != 0 && strcmp(kind, "article") != 0)
		return 0;	/* feeds name articles; they state no draws */
	r->bodies++;
	if ((rc = parse_body(b, kind, &po, &draws, &warn, &e)) == 0) {
		rc = strcmp(kind, "ircc-json") == 0
		     ? store_put_body(r->c->store, source, b, &draws, NULL, NULL, NULL, &e)
		     : store_put_observations(r->c->store, source, b, &draws, NULL, NULL, NULL, &e);
		if (rc) {	/* the database failed: stop, all rolls back */
			error("%s", e.msg);
			draw_list_release(&draws);
			strlist_release(&warn);
			return rc;
		}
	} else {
		r->skipped++;
		if (r->c->verbosity == VERBOSE)
			error("%s: not parsed: %s", b->url, e.msg);
	}
	strlist_release(&warn);
	draw_list_release(&draws);
	return 0;
}

/* reparse [--force]: every derived record rebuilt from the archive. */
static int
cmd_reparse(struct ctx *c, int argc, char **argv)
{
	struct replay r = { c, 0, 0 };
	struct err e = {0};
	long draws, obs, unconf, lost;
	int force = 0, rc;

	if (argc == 2 && strcmp(argv[1], "--force") == 0)
		force = 1;
	else if (argc > 1)
		return usage_error("reparse: unexpected '%s'", argv[1]);
	if ((rc = open_store(c)))
		return rc;
	draws = store_count(c->store, "draws", NULL);
	obs = store_count(c->store, "observations", NULL);
	unconf = store_count(c->store, "unconfirmed", NULL);
	if ((rc = store_rebuild_begin(c->store, &e))) {
		error("%s", e.msg);
		return rc;
	}
	if ((rc = store_each_body(c->store, replay_body, &r, &e))) {
		if (e.msg[0])
			error("%s", e.msg);
		store_rebuild_end(c->store, 0, 0, &lost, &e);	/* rolls back */
		return rc;
	}
	if ((rc = store_rebuild_end(c->store, 1, force, &lost, &e))) {
		error("%s", e.msg);
		return rc;
	}
	if (c->verbosity > QUIET)
		printf("reparse: %ld bodies (%ld not parsed); draws %ld -> %ld, unconfirmed"
		       " %ld -> %ld, observations %ld -> %ld%s\n", r.bodies, r.skipped,
		       draws, store_count(c->store, "draws", NULL), unconf,
		       store_count(c->store, "unconfirmed", NULL), obs,
		       store_count(c->store, "observations", NULL),
		       lost ? " (draws no archived body states were dropped: --force)" : "");
	return 0;
}

/* parse of a feed: its items, and which the default pattern picks. */
static const char *const item_columns[] = { "published", "match", "link", "title" };

static int
print_items(const struct ctx *c, struct exporter *x, const struct body *b, struct err *e)
{
	struct feed_items items = {0};
	struct feed_filter *f;
	struct strlist warn = {0};
	size_t i;
	int rc;

	if ((rc = feed_filter_new(&f, FEED_DEFAULT_MATCH, e)))
		return rc;
	if ((rc = feed_parse(b, &items, &warn, e)) == 0) {
		for (i = 0; i < items.n; i++) {
			const struct feed_item *it = &items.v[i];
			const char *cells[4] = { it->published[0] ? it->published : NULL,
			                         feed_filter_match(f, it) ? "1" : "0",
			                         it->link, it->title };

			export_row(x, cells, 4);
		}
	}
	print_warnings(c, b->url, &warn);
	feed_items_release(&items);
	feed_filter_free(f);
	return rc;
}

static void
print_draws(const struct ctx *c, struct exporter *x, const struct draw_list *draws,
            const char *arg)
{
	size_t j;

	for (j = 0; j < draws->n; j++) {
		const char *cells[EXPORT_DRAW_COLUMNS];
		char nums[2][24];

		export_draw_cells(&draws->v[j], cells, nums);
		export_row(x, cells, EXPORT_DRAW_COLUMNS);
		if (c->verbosity == VERBOSE && draws->v[j].evidence)
			error("%s: draw %s from: %s", arg, cells[1] ? cells[1] : "",
			      draws->v[j].evidence);
	}
}

/* parse: the draws of each body as CSV, or for feeds their items; the
 * first body decides which, as one CSV has one header. */
static int
cmd_parse(struct ctx *c, int argc, char **argv)
{
	const char *const *cols;
	const char *types, *kind, *k;
	struct parse_opts popts;
	struct exporter x;
	struct err e = {0};
	int status = 0, rc, i, ncols, feeds = -1;

	if ((rc = kind_options(argc, argv, &kind, &popts)))
		return rc;
	for (i = optind; i < argc; i++) {
		struct draw_list draws = {0};
		struct strlist warn = {0};
		struct body b;

		rc = load_body(c, argv[i], &b, &e);
		if (!rc && !(k = body_kind(&b, kind, &e)))
			rc = e.code;
		if (!rc && feeds < 0) {
			if ((feeds = strcmp(k, "feed") == 0)) {
				export_begin(&x, stdout, EXPORT_CSV, item_columns, "tttt", 4);
			} else {
				cols = store_columns("draws", &ncols, &types);
				export_begin(&x, stdout, EXPORT_CSV, cols, types,
				             EXPORT_DRAW_COLUMNS);
			}
		}
		if (!rc && feeds != (strcmp(k, "feed") == 0))
			rc = err_set(&e, EX_USAGE, "%s: parse feeds and pages in separate runs",
			             b.url);
		else if (!rc && feeds)
			rc = print_items(c, &x, &b, &e);
		else if (!rc)
			rc = parse_body(&b, k, &popts, &draws, &warn, &e);
		print_warnings(c, argv[i], &warn);
		if (rc)
			error("%s", e.msg);
		keep_first(&status, rc);
		print_draws(c, &x, &draws, argv[i]);
		draw_list_release(&draws);
		body_release(&b);
	}
	if (feeds >= 0 && (rc = export_end(&x, "standard output", &e))) {
		error("%s", e.msg);
		keep_first(&status, rc);
	}
	return status;
}

/* export: one table's rows to f. */
struct export_job {
	struct ctx *c;
	const char *table, *what;
	enum export_format fmt;
	const char *const *cols;
	const char *types;
	int ncols;
};

static int
write_export(FILE *f, void *ctx, struct err *e)
{
	struct export_job *j = ctx;
	struct exporter x;
	int rc;

	export_begin(&x, f, j->fmt, j->cols, j->types, j->ncols);
	rc = store_each_row(j->c->store, j->table, 0, 0, export_row, &x, e);
	return rc ? rc : export_end(&x, j->what, e);
}

static int
cmd_export(struct ctx *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "table", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ NULL, 0, NULL, 0 },
	};
	const char *table = "draws", *out = NULL, *const *cols, *types;
	enum export_format fmt = EXPORT_CSV;
	struct export_job j;
	struct err e = {0};
	int ch, rc, ncols;

	optind = 0;
	while ((ch = getopt_long(argc, argv, "+t:f:o:", longopts, NULL)) != -1) {
		switch (ch) {
		case 't':
			table = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "csv") == 0)
				fmt = EXPORT_CSV;
			else if (strcmp(optarg, "json") == 0)
				fmt = EXPORT_JSON;
			else
				return usage_error("export: unknown format '%s' (csv, json)", optarg);
			break;
		case 'o':
			out = optarg;
			break;
		default:
			return usage_error("%s: bad option", "export");
		}
	}
	if (optind < argc)
		return usage_error("export: unexpected argument '%s'", argv[optind]);
	if (!(cols = store_columns(table, &ncols, &types)))
		return usage_error("export: unknown table '%s' (draws, revisions, pool, "
		                   "observations, conflicts)", table);
	if ((rc = open_store(c)))
		return rc;
	j.c = c, j.table = table, j.fmt = fmt, j.cols = cols, j.types = types, j.ncols = ncols;
	j.what = out ? out : "standard output";
	/* To a FILE through a temporary file and rename: never half-written. */
	rc = out ? write_file_atomic(out, write_export, &j, &e) : write_export(stdout, &j, &e);
	if (rc)
		error("%s", e.msg);
	return rc;
}

static int
print_list_row(void *ctx, const char *const *v, int n)
{
	int confirmed = strcmp(v[10], "0") != 0;

	(void)ctx, (void)n;
	/* number, date, category, version, name, invitations, crs_cutoff, ...,
	 * confirmed: an unconfirmed draw says so where IRCC's name would be */
	printf("%-6s %-10s %-16s %11s %4s  %s\n", confirmed && v[0] ? v[0] : "?",
	       v[1] ? v[1] : "", v[2] ? v[2] : "", v[5] ? v[5] : "", v[6] ? v[6] : "",
	       !confirmed ? "unconfirmed: only articles state it" :
	       v[4] ? v[4] : v[11] ? v[11] : "");	/* else the French name */
	return 0;
}

static int
cmd_list(struct ctx *c, int argc, char **argv)
{
	struct err e = {0};
	char *end;
	long n = 10;
	int ch, rc;

	optind = 0;
	while ((ch = getopt(argc, argv, "+n:")) != -1) {
		if (ch != 'n')
			return usage_error("%s: bad option", "list");
		n = strtol(optarg, &end, 10);
		if (*end || n < 1)
			return usage_error("list: -n wants a positive number, not '%s'", optarg);
	}
	if (optind < argc)
		return usage_error("list: unexpected argument '%s'", argv[optind]);
	if ((rc = open_store(c)))
		return rc;
	printf("%-6s %-10s %-16s %11s %4s  %s\n", "number", "date", "category",
	       "invitations", "crs", "name");
	rc = store_each_row(c->store, "draws", 1, n, print_list_row, NULL, &e);
	if (!rc && (fflush(stdout) != 0 || ferror(stdout)))
		rc = err_set(&e, EX_IOERR, "cannot write standard output: %s", strerror(errno));
	if (rc)
		error("%s", e.msg);
	return rc;
}

static int
print_conflict(void *ctx, const char *const *v, int n)
{
	int *count = ctx;

	(void)n;
	/* number, date, field, ircc_value, stated_value, source, url */
	printf("#%-5s %-10s %-11s IRCC %-10s article %-10s %s %s\n", v[0], v[1], v[2],
	       v[3] ? v[3] : "-", v[4] ? v[4] : "-", v[5], v[6]);
	++*count;
	return 0;
}

/* conflicts: where an article disagrees with IRCC's record. */
static int
cmd_conflicts(struct ctx *c, int argc, char **argv)
{
	struct err e = {0};
	int rc, count = 0;

	if (argc > 1)
		return usage_error("conflicts: unexpected argument '%s'", argv[1]);
	if ((rc = open_store(c)))
		return rc;
	rc = store_each_row(c->store, "conflicts", 0, 0, print_conflict, &count, &e);
	if (!rc && count == 0 && c->verbosity > QUIET)
		fputs("no conflicts: no article disagrees with IRCC's record\n", stderr);
	if (!rc && (fflush(stdout) != 0 || ferror(stdout)))
		rc = err_set(&e, EX_IOERR, "cannot write standard output: %s", strerror(errno));
	if (rc)
		error("%s", e.msg);
	return rc;
}

/* A source's state as status and the report show it: disabled, STALE
 * (no success within its stale_after), failing, or ok. */
static const char *
source_state(const struct source *src, const struct fetch_state *st, time_t now)
{
	char since[21];

	/* UTC times in one format compare as strings. */
	format_utc(now - src->stale_after, since);
	if (!src->enabled)
		return "disabled";
	if (!st->last_success || strcmp(st->last_success, since) < 0)
		return "STALE";
	return st->failures ? "failing" : "ok";
}

/* status: how each source is doing; 1 when any enabled source has had
 * no success within its stale_after, for monitoring. */
static int
cmd_status(struct ctx *c, int argc, char **argv)
{
	struct err e = {0};
	time_t now = time(NULL);
	char *last_error;
	long waiting, failed;
	size_t i;
	int rc, stale_any = 0;

	if (argc > 1)
		return usage_error("status: unexpected argument '%s'", argv[1]);
	if ((rc = open_store(c)))
		return rc;
	printf("%-12s %-8s %-20s %8s  %s\n", "source", "state", "last success", "failures",
	       "last error");
	for (i = 0; i < c->config.nsources; i++) {
		const struct source *src = &c->config.sources[i];
		struct fetch_state st;
		const char *state;

		if ((rc = store_get_fetch_state(c->store, src->url, &st, &e))) {
			error("%s", e.msg);
			return rc;
		}
		state = source_state(src, &st, now);
		stale_any |= strcmp(state, "STALE") == 0;
		printf("%-12s %-8s %-20s %8ld  %s\n", src->name, state,
		       st.last_success ? st.last_success : "never", st.failures,
		       st.last_error ? st.last_error : "-");
		fetch_state_release(&st);
	}
	/* Undelivered alerts need a person as much as a stale source. */
	if ((rc = store_notify_backlog(c->store, &waiting, &failed, &last_error, &e))) {
		error("%s", e.msg);
		return rc;
	}
	if (waiting || c->config.notify)
		printf("notifications: %ld waiting, %ld failing%s%s\n", waiting, failed,
		       last_error ? "; last error: " : "", last_error ? last_error : "");
	free(last_error);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		error("cannot write standard output: %s", strerror(errno));
		return EX_IOERR;
	}
	return stale_any || failed ? 1 : 0;
}

/* The report's page: the draws on or after since (NULL: all) from the
 * store, the sources' freshness as status shows it. */
struct report_job {
	struct ctx *c;
	const char *since;
};

static int
write_report(FILE *f, void *ctx, struct err *e)
{
	struct report_job *j = ctx;
	struct report_data r = {0};
	size_t i;
	int rc;

	r.generated = time(NULL);
	if (j->since)
		snprintf(r.since, sizeof(r.since), "%s", j->since);
	rc = store_report_read(j->c->store, j->since, &r, e);
	for (i = 0; rc == 0 && i < j->c->config.nsources; i++) {
		const struct source *src = &j->c->config.sources[i];
		struct report_source *rs;
		struct fetch_state st;

		if ((rc = store_get_fetch_state(j->c->store, src->url, &st, e)))
			break;
		rs = report_add_source(&r);
		rs->name = xstrdup(src->name);
		rs->state = xstrdup(source_state(src, &st, r.generated));
		rs->last_success = xstrdup(st.last_success);
		rs->failures = st.failures;
		rs->last_error = xstrdup(st.last_error);
		fetch_state_release(&st);
	}
	if (rc == 0)
		report_write(f, &r);
	report_data_release(&r);
	return rc;
}

/* report [-o FILE] [--since DATE]: the page to stdout, or to FILE through
 * a temporary file and a rename. */
static int
cmd_report(struct ctx *c, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "since", required_argument, NULL, 'S' },
		{ NULL, 0, NULL, 0 },
	};
	struct report_job j = { c, NULL };
	const char *out = NULL;
	struct err e = {0};
	char iso[11];
	int ch, rc, swapped = 0;

	optind = 0;
	while ((ch = getopt_long(argc, argv, "+o:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'o':
			out = optarg;
			break;
		case 'S':
			if (date_parse_iso(optarg, iso, &swapped) != 0 || swapped ||
			    strcmp(iso, optarg) != 0)
				return usage_error("report: --since wants a date, YYYY-MM-DD, not '%s'",
				                   optarg);
			j.since = optarg;
			break;
		default:
			return usage_error("%s: bad option", "report");
		}
	}
	if (optind < argc)
		return usage_error("report: unexpected argument '%s'", argv[optind]);
	if ((rc = open_store(c)))
		return rc;
	if (out) {
		rc = write_file_atomic(out, write_report, &j, &e);
	} else if ((rc = write_report(stdout, &j, &e)) == 0 &&
	           (fflush(stdout) != 0 || ferror(stdout))) {
		rc = err_set(&e, EX_IOERR, "cannot write standard output: %s", strerror(errno));
	}
	if (rc)
		error("%s", e.msg);
	return rc;
}

/* update: the page of report = PATH rewritten when this run changed the
 * database, or when it is missing; a failure is reported, the data stay. */
static int
update_report(struct ctx *c)
{
	struct report_job j = { c, NULL };
	struct err e = {0};
	const char *path = c->config.report;
	int rc;

	if (!path || (store_data_changes(c->store) == 0 && access(path, F_OK) == 0))
		return 0;
	if ((rc = write_file_atomic(path, write_report, &j, &e)))
		error("report: %s", e.msg);
	else if (c->verbosity == VERBOSE)
		error("report: wrote '%s'", path);
	return rc;
}

static const struct {
	const char *name;
	int (*run)(struct ctx *, int, char **);
} commands[] = {
	{ "update", cmd_update },
	{ "ingest", cmd_ingest },
	{ "parse", cmd_parse },
	{ "export", cmd_export },
	{ "list", cmd_list },
	{ "conflicts", cmd_conflicts },
	{ "status", cmd_status },
	{ "reparse", cmd_reparse },
	{ "report", cmd_report },
};

/* The exit codes eedraws documents; anything else is 1. */
static int
exit_code(int rc)
{
	switch (rc) {
	case 0:
	case EX_USAGE:
	case EX_DATAERR:
	case EX_TEMPFAIL:
	case EX_CONFIG:
		return rc;
	default:
		return 1;
	}
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "database", required_argument, NULL, 'd' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	struct ctx c = { .verbosity = NORMAL };
	struct err e = {0};
	size_t i;
	int ch, rc;

	while ((ch = getopt_long(argc, argv, "+c:d:qvhV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			c.config_path = optarg;
			break;
		case 'd':
			c.database = optarg;
			break;
		case 'q':
			c.verbosity = QUIET;
			break;
		case 'v':
			c.verbosity = VERBOSE;
			break;
		case 'h':
			fputs(usage_text, stdout);
			fputs(help_text, stdout);
			return 0;
		case 'V': {
			char *v = version_text();

			fputs(v, stdout);
			free(v);
			return 0;
		}
		default:
			fputs(usage_text, stderr);
			return EX_USAGE;
		}
	}
	if (optind >= argc)
		return usage_error("%s", "no command given");
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[optind], commands[i].name) == 0)
			break;
	if (i == sizeof(commands) / sizeof(commands[0]))
		return usage_error("unknown command '%s'", argv[optind]);
	if ((rc = load_config(&c))) {
		config_release(&c.config);
		return exit_code(rc);
	}
	if ((rc = fetch_global_init(&e))) {
		error("%s", e.msg);
		config_release(&c.config);
		return exit_code(rc);
	}
	rc = commands[i].run(&c, argc - optind, argv + optind);
	store_close(c.store);
	fetch_global_cleanup();
	config_release(&c.config);
	return exit_code(rc);
}
