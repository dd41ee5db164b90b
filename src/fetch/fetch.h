/* fetch.h: HTTP(S) downloads through libcurl.
 *
 * Knows nothing of parsing or storing.  Certificate verification is always
 * on; only http and https are allowed, also after a redirect; compressed
 * transfer is requested and decoded; a request may be guarded (a link a
 * stranger wrote: no credentials, no private address, fetch_req.guard).  Politeness: a batch of requests runs
 * with at most one transfer at a time per host (scheme, host and port),
 * a pause of delay_ms between the end of one and the start of the next on
 * the same host, and different hosts at once (libcurl's multi interface;
 * no threads). */
#ifndef EEDRAWS_FETCH_H
#define EEDRAWS_FETCH_H

#include <time.h>

#include "body.h"
#include "util.h"

struct fetch_opts {
	const char *user_agent;
	long connect_timeout;	/* seconds, name lookup and connect */
	/* Seconds for the whole transfer, however the bytes come: a server
	 * that drips them slowly or stalls mid-body fails by then.  Besides,
	 * a transfer averaging under 1 byte/s for min(timeout, 30) s is
	 * given up early as dead. */
	long timeout;
	size_t max_size;	/* bytes of decoded body; larger is an error */
	long max_redirects;	/* 5 unless set */
	/* Conditional request: what the last 200 carried, or NULL. */
	const char *etag;
	const char *last_modified;
	int verbose;		/* narrate to stderr */
	/* Milliseconds between the end of one transfer to a host and the
	 * start of the next to it (0 unless set). */
	long delay_ms;
	/* Optional result, NULL for none: set to 0 on every call, and on an
	 * HTTP 429 or 503 whose Retry-After fetch_url could read (delay
	 * seconds, or an HTTP-date, which may lie in the past) to the time
	 * the server asks to be tried again at. */
	time_t *retry_at;
};

/* How a request ended; the sysexits code of a failure is apart from it,
 * in rc. */
enum fetch_outcome {
	FETCH_BODY,		/* a 2xx: the body came */
	FETCH_NOT_MODIFIED,	/* a 304 to a conditional request: nothing new */
	FETCH_DISALLOWED,	/* robots.txt refuses it (crawl.c): not fetched */
	FETCH_UNREACHABLE,	/* robots.txt could not be read this run: not
				 * fetched, tried again next run */
	FETCH_REFUSED,		/* a guarded link eedraws will not follow
				 * (below): not fetched, err says why */
	FETCH_FAILED,		/* rc and err say how */
};

/* The built-in defaults, which the config's defaults are too. */
#define FETCH_CONNECT_TIMEOUT	10L		/* seconds */
#define FETCH_TIMEOUT		60L		/* seconds */
#define FETCH_MAX_SIZE		(16L << 20)	/* bytes */
#define FETCH_MAX_REDIRECTS	5L

/* Sets fetch_opts to the built-in defaults (no user agent). */
void fetch_opts_init(struct fetch_opts *o);

/* One request: a batch of one.
 * Needs curl_global_init() first (fetch_global_init calls it once).
 * Returns 0 with *out filled (status 2xx; caller body_release()s it; a
 * 304 to a conditional request leaves only out->status, 304, and nothing
 * to release), or a sysexits(3) code with e->msg naming the URL and *out
 * zeroed (nothing to release):
 *   EX_TEMPFAIL  what may mend by itself: a host name that does not
 *                resolve, a refused, reset or early-closed connection, a
 *                body shorter than its Content-Length, timeouts (slow or
 *                stalled servers), a TLS certificate that fails
 *                verification, HTTP 4xx/5xx (429 and 503 with
 *                o->retry_at set from Retry-After), too many redirects
 *   EX_DATAERR   what the server sent is unusable: a body over max_size
 *                (decoded size, so a compression bomb stops at the cap), a
 *                body its Content-Encoding cannot decode (corrupt gzip), a
 *                redirect to a scheme other than http(s)
 *   EX_USAGE     a URL eedraws will not fetch (bad scheme) */
int fetch_url(const char *url, const struct fetch_opts *o, struct body *out,
              struct err *e);

struct fetch_req;

/* Called with the target of a redirect before it is followed: 0 to follow
 * it, else the outcome to end r with (FETCH_DISALLOWED, FETCH_UNREACHABLE,
 * FETCH_REFUSED), r->err saying why. */
typedef int fetch_hop_fn(void *ctx, struct fetch_req *r, const char *to);

/* A batch fetch: each request's URL, validators and retry_at, as in
 * fetch_opts; fetch_batch() fills in the rest. */
struct fetch_req {
	const char *url;
	const char *etag;		/* conditional request, or NULL */
	const char *last_modified;
	time_t *retry_at;		/* as fetch_opts.retry_at, or NULL */
	/* A URL a stranger wrote (a feed's link): FETCH_REFUSED unless it
	 * has no user name or password, and unless every address it
	 * connects to, after every redirect too, is a public one
	 * (fetch_addr_class()), checked as it connects so that no name can
	 * resolve its way in; but a hop on an origin trusted (fetch_host_key()
	 * form; a NULL-terminated list, or NULL for none) is not checked, as
	 * a configured source is not. */
	int guard;
	char *const *trusted;
	/* Each redirect's target is shown to hop first (NULL: none).  With
	 * guard or hop, redirects are followed here, one hop at a time, each
	 * hop waiting its host's turn. */
	fetch_hop_fn *hop;
	void *hop_ctx;
	/* Results: how it ended; rc the sysexits(3) code of FETCH_FAILED
	 * (0 otherwise), as fetch_url() returns it; body for FETCH_BODY
	 * (the caller body_release()s it; zeroed otherwise); err why it
	 * failed or was not fetched; status the final HTTP status (0 when
	 * none came). */
	enum fetch_outcome outcome;
	int rc;
	struct body body;
	struct err err;
	long status;
};

/* Runs batches, and remembers from one batch to the next when each host
 * was last done with, so that the pause holds across batches too.  The
 * fetch_opts strings must outlive it; its etag, last_modified and
 * retry_at are not used (each request has its own). */
struct fetcher;
int fetcher_new(struct fetcher **f, const struct fetch_opts *o, struct err *e);
void fetcher_free(struct fetcher *f);	/* NULL is a no-op */

/* Makes the pause for url's host at least delay_ms (a robots.txt
 * Crawl-delay). */
void fetcher_host_delay(struct fetcher *f, const char *url, long delay_ms);

/* Fetches the n requests, each exactly as fetch_url() would, with the
 * per-host rule above: a host's requests start in the order given, as
 * soon as the host is free and rested; other hosts' meanwhile.  Returns
 * once all are done; every request has its result. */
void fetch_batch(struct fetcher *f, struct fetch_req *reqs, size_t n);

/* "scheme://host:port" of an http(s) URL, lowercased, the port always
 * given (80, 443 by default): what "one host" means here.  NULL when url
 * is not an absolute http(s) URL; caller frees. */
char *fetch_host_key(const char *url);

/* Why the address sa is none a guarded request may connect to:
 * "loopback", "private", "link-local", "multicast" or "reserved"
 * (unspecified, documentation, benchmarking, shared, IPv4 class E and
 * broadcast, and IPv6's mapped, translated or 6to4 forms of those); NULL
 * for a public address. */
struct sockaddr;
const char *fetch_addr_class(const struct sockaddr *sa);

/* Whether url's origin is one of trusted (as fetch_req.trusted). */
int fetch_trusted(char *const *trusted, const char *url);

/* Whether url carries a user name or password. */
int fetch_has_credentials(const char *url);

int fetch_global_init(struct err *e);
void fetch_global_cleanup(void);

#endif
