/* crawl.c: batches through one fetcher, robots.txt for the news hosts. */
#include "crawl.h"

#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "robots.h"
#include "store_robots.h"

/* How long a robots.txt read is trusted. */
#define ROBOTS_MAX_AGE 86400

/* A host whose robots.txt is known this run. */
struct site {
	char *key;		/* fetch_host_key() */
	struct robots rules;
	char *unreachable;	/* why everything is disallowed, or NULL */
	char *refused;		/* why its robots.txt was not even asked for
				 * (a guarded link's host), or NULL */
};

struct crawl {
	struct store *store;
	struct fetcher *f;
	struct fetch_opts o;	/* for a robots.txt a redirect needs */
	char *agent;		/* product token, or NULL */
	int verbose;
	struct site *sites;
	size_t n, alloc;
	int rc;			/* a database error met in a redirect's hop */
	struct err err;
};

int
crawl_new(struct crawl **out, struct store *s, const struct fetch_opts *o, struct err *e)
{
	struct crawl *cr = xcalloc(1, sizeof(*cr));
	int rc;

	if ((rc = fetcher_new(&cr->f, o, e))) {
		free(cr);
		*out = NULL;
		return rc;
	}
	cr->store = s;
	cr->o = *o;
	cr->o.etag = cr->o.last_modified = NULL;
	cr->o.retry_at = NULL;
	cr->agent = robots_agent(o->user_agent);
	cr->verbose = o->verbose;
	*out = cr;
	return 0;
}

void
crawl_free(struct crawl *cr)
{
	size_t i;

	if (!cr)
		return;
	for (i = 0; i < cr->n; i++) {
		free(cr->sites[i].key);
		robots_release(&cr->sites[i].rules);
		free(cr->sites[i].unreachable);
		free(cr->sites[i].refused);
	}
	free(cr->sites);
	fetcher_free(cr->f);
	free(cr->agent);
	free(cr);
}

static struct site *
site_find(struct crawl *cr, const char *key)
{
	size_t i;

	for (i = 0; i < cr->n; i++)
		if (strcmp(cr->sites[i].key, key) == 0)
			return &cr->sites[i];
	return NULL;
}

static struct site *
site_add(struct crawl *cr, const char *key)
{
	struct site *s;

	if (cr->n == cr->alloc) {
		cr->alloc = cr->alloc ? 2 * cr->alloc : 8;
		cr->sites = xrealloc(cr->sites, cr->alloc * sizeof(*cr->sites));
	}
	s = &cr->sites[cr->n++];
	memset(s, 0, sizeof(*s));
	s->key = xstrdup(key);
	robots_allow_all(&s->rules);
	return s;
}

/* A robots.txt of status and text (text NULL: none) for site. */
static void
site_read(struct crawl *cr, struct site *s, long status, const char *text)
{
	robots_release(&s->rules);
	if (status >= 200 && status <= 299 && text)
		robots_parse(&s->rules, text, strlen(text), cr->agent);
	else
		robots_allow_all(&s->rules);
	if (s->rules.crawl_delay_ms > 0)
		fetcher_host_delay(cr->f, s->key, s->rules.crawl_delay_ms);
}

/* url's own address with the path /robots.txt; caller frees. */
static char *
robots_url(const char *url)
{
	CURLU *u = curl_url();
	char *got = NULL, *r = NULL;

	if (u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_set(u, CURLUPART_PATH, "/robots.txt", 0) == CURLUE_OK &&
	    curl_url_set(u, CURLUPART_QUERY, NULL, 0) == CURLUE_OK &&
	    curl_url_set(u, CURLUPART_FRAGMENT, NULL, 0) == CURLUE_OK &&
	    curl_url_set(u, CURLUPART_USER, NULL, 0) == CURLUE_OK &&
	    curl_url_set(u, CURLUPART_PASSWORD, NULL, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_URL, &got, 0) == CURLUE_OK)
		r = xstrdup(got);
	curl_free(got);
	curl_url_cleanup(u);
	return r;
}

/* Takes what fetching a robots.txt for s brought. */
static int
site_fetched(struct crawl *cr, struct site *s, struct fetch_req *r, struct err *e)
{
	const char *why;
	int rc = 0;

	if (r->outcome == FETCH_REFUSED) {
		/* "refused 'URL': why": the why is the host's. */
		why = strstr(r->err.msg, "': ");
		robots_release(&s->rules);
		robots_disallow_all(&s->rules);
		s->refused = xstrdup(why ? why + 3 : r->err.msg);
	} else if (r->outcome == FETCH_BODY) {
		site_read(cr, s, r->status, r->body.data);
		rc = store_put_robots(cr->store, s->key, r->status, r->body.data, e);
	} else if (r->status >= 400 && r->status <= 499 && r->status != 429) {
		site_read(cr, s, r->status, NULL);	/* none: all allowed */
		rc = store_put_robots(cr->store, s->key, r->status, NULL, e);
	} else {
		robots_release(&s->rules);
		robots_disallow_all(&s->rules);
		s->unreachable = xstrdup(r->err.msg);
	}
	if (cr->verbose)
		fprintf(stderr, "robots.txt of %s: %s\n", s->key,
		        s->refused ? "refused: nothing fetched from it" :
		        s->unreachable ? "unreachable: nothing fetched from it this run" :
		        r->rc ? "none: everything allowed" : "read");
	return rc;
}

/* Makes sure the robots.txt of the host of every checked request is
 * known: from the database, else fetched, in one batch. */
static int
learn(struct crawl *cr, const struct fetch_req *reqs, size_t n,
      const unsigned char *robots, struct err *e)
{
	struct fetch_req *fetch = xcalloc(n ? n : 1, sizeof(*fetch));
	size_t *which = xcalloc(n ? n : 1, sizeof(*which));
	char since[21], *key, *text;
	struct site *s;
	size_t i, nfetch = 0;
	long status;
	int found, rc = 0, r2;

	format_utc(time(NULL) - ROBOTS_MAX_AGE, since);
	for (i = 0; i < n; i++) {
		if (!robots || !robots[i] || !(key = fetch_host_key(reqs[i].url)))
			continue;
		if (!site_find(cr, key)) {
			s = site_add(cr, key);
			if ((r2 = store_get_robots(cr->store, key, since, &found, &status,
			                           &text, e)) && !rc)
				rc = r2;
			if (found) {
				site_read(cr, s, status, text);
			} else {
				/* A guarded link's host is as guarded for its
				 * robots.txt. */
				which[nfetch] = cr->n - 1;
				fetch[nfetch].guard = reqs[i].guard;
				fetch[nfetch].trusted = reqs[i].trusted;
				fetch[nfetch++].url = robots_url(reqs[i].url);
			}
			free(text);
		}
		free(key);
	}
	fetch_batch(cr->f, fetch, nfetch);
	for (i = 0; i < nfetch; i++) {
		if ((r2 = site_fetched(cr, &cr->sites[which[i]], &fetch[i], e)) && !rc)
			rc = r2;
		body_release(&fetch[i].body);
		free((char *)fetch[i].url);
	}
	free(fetch);
	free(which);
	return rc;
}

/* Sets r's result when robots.txt of s refuses url (r's own, or a
 * redirect's target); 1 when it did. */
static int
judge(struct site *s, struct fetch_req *r, const char *url)
{
	CURLU *u;
	char *path = NULL, *query = NULL, *pq;
	int ok;

	if (s->refused) {
		r->outcome = FETCH_REFUSED;
		if (strcmp(url, r->url) == 0)
			err_set(&r->err, 0, "refused '%s': %s", url, s->refused);
		else
			err_set(&r->err, 0, "refused '%s': redirected to '%s': %s", r->url, url,
			        s->refused);
		return 1;
	}
	if (s->unreachable) {
		r->outcome = FETCH_UNREACHABLE;
		err_set(&r->err, 0, "robots.txt disallows '%s': %s; "
		                "nothing is fetched from that host this run", url,
		                s->unreachable);
		return 1;
	}
	if (!(u = curl_url()))
		return 0;
	curl_url_set(u, CURLUPART_URL, url, 0);
	curl_url_get(u, CURLUPART_PATH, &path, 0);
	curl_url_get(u, CURLUPART_QUERY, &query, 0);
	pq = xasprintf("%s%s%s", path ? path : "/", query ? "?" : "", query ? query : "");
	ok = robots_allowed(&s->rules, pq);
	free(pq);
	curl_free(path);
	curl_free(query);
	curl_url_cleanup(u);
	if (ok)
		return 0;
	r->outcome = FETCH_DISALLOWED;
	if (strcmp(url, r->url) == 0)
		err_set(&r->err, 0, "robots.txt disallows '%s'", url);
	else
		err_set(&r->err, 0, "robots.txt disallows '%s', where '%s' redirects", url,
		        r->url);
	return 1;
}

/* Sets r's result when robots.txt refuses it; 1 when it did. */
static int
refused(struct crawl *cr, struct fetch_req *r)
{
	char *key = fetch_host_key(r->url);
	struct site *s = key ? site_find(cr, key) : NULL;

	free(key);
	if (!s)		/* not a URL to fetch: fetching will say so */
		return 0;
	return judge(s, r, r->url);
}

/* The site of a redirect's target, its robots.txt learnt now when new
 * (the batch waits: a redirect to another host is rare); NULL when to is
 * no URL to fetch.  *rc is a database error met keeping it. */
static struct site *
site_now(struct crawl *cr, const struct fetch_req *r, const char *to, int *rc,
         struct err *e)
{
	struct fetch_req q = { .guard = r->guard, .trusted = r->trusted };
	struct fetcher *f = NULL;
	char since[21], *key = fetch_host_key(to), *text = NULL;
	struct site *s;
	long status;
	int found = 0;

	if (!key)
		return NULL;
	if ((s = site_find(cr, key))) {
		free(key);
		return s;
	}
	s = site_add(cr, key);
	free(key);
	format_utc(time(NULL) - ROBOTS_MAX_AGE, since);
	*rc = store_get_robots(cr->store, s->key, since, &found, &status, &text, e);
	if (found) {
		site_read(cr, s, status, text);
	} else if (!(q.url = robots_url(to)) || fetcher_new(&f, &cr->o, e) != 0) {
		s->unreachable = xstrdup("cannot ask it");
	} else {
		fetch_batch(f, &q, 1);
		*rc = site_fetched(cr, s, &q, e);
		body_release(&q.body);
	}
	fetcher_free(f);
	free((char *)q.url);
	free(text);
	return s;
}

/* fetch_hop_fn: robots.txt of every redirect's host, for its path. */
static int
hop(void *ctx, struct fetch_req *r, const char *to)
{
	struct crawl *cr = ctx;
	struct err e = {0};
	struct site *s;
	int rc = 0;

	if (!(s = site_now(cr, r, to, &rc, &e)))
		return 0;	/* not a URL: fetching will say so */
	if (rc && !cr->rc) {
		cr->rc = rc;
		cr->err = e;
	}
	return judge(s, r, to) ? r->outcome : 0;
}

int
crawl_fetch(struct crawl *cr, struct fetch_req *reqs, size_t n,
            const unsigned char *robots, struct err *e)
{
	struct fetch_req *go = xcalloc(n ? n : 1, sizeof(*go));
	size_t *from = xcalloc(n ? n : 1, sizeof(*from));
	size_t i, ngo = 0;
	int rc = learn(cr, reqs, n, robots, e);

	for (i = 0; i < n; i++) {
		memset(&reqs[i].body, 0, sizeof(reqs[i].body));
		reqs[i].status = 0;
		reqs[i].rc = 0;
		if (robots && robots[i] && refused(cr, &reqs[i]))
			continue;
		from[ngo] = i;
		go[ngo] = reqs[i];
		if (robots && robots[i]) {
			go[ngo].hop = hop;
			go[ngo].hop_ctx = cr;
		}
		ngo++;
	}
	cr->rc = 0;
	fetch_batch(cr->f, go, ngo);
	if (cr->rc && !rc) {
		rc = cr->rc;
		*e = cr->err;
	}
	for (i = 0; i < ngo; i++)
		reqs[from[i]] = go[i];
	free(go);
	free(from);
	return rc;
}
