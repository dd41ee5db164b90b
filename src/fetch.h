/* fetch.h: HTTP(S) downloads through libcurl.
 *
 * Knows nothing of parsing or storing.  Certificate verification is always
 * on; only http and https are allowed, also after a redirect; compressed
 * transfer is requested and decoded. */
#ifndef EEDRAWS_FETCH_H
#define EEDRAWS_FETCH_H

#include "body.h"
#include "util.h"

struct fetch_opts {
	const char *user_agent;
	long connect_timeout;	/* seconds */
	long timeout;		/* seconds, whole transfer */
	size_t max_size;	/* bytes of decoded body; larger is an error */
	long max_redirects;	/* 5 unless set */
	/* Conditional request: what the last 200 carried, or NULL. */
	const char *etag;
	const char *last_modified;
	int verbose;		/* narrate to stderr */
};

#define FETCH_NOT_MODIFIED 1	/* 304: nothing to do, *out untouched */

/* Sets fetch_opts to the built-in defaults (no user agent). */
void fetch_opts_init(struct fetch_opts *o);

/* Needs curl_global_init() first (fetch_global_init calls it once).
 * Returns 0 with *out filled (status 2xx; caller body_release()s it),
 * FETCH_NOT_MODIFIED, or a sysexits(3) code with e->msg naming the URL:
 *   EX_TEMPFAIL  network errors, timeouts, HTTP 4xx/5xx, too many redirects
 *   EX_DATAERR   body over max_size, a redirect to a scheme other than http(s)
 *   EX_USAGE     a URL eedraws will not fetch (bad scheme) */
int fetch_url(const char *url, const struct fetch_opts *o, struct body *out,
              struct err *e);

int fetch_global_init(struct err *e);
void fetch_global_cleanup(void);

#endif
