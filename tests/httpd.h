/* httpd.h: a scriptable HTTP server for tests, on libmicrohttpd.
 *
 * httpd_start() listens on 127.0.0.1 on a free port, in threads of its own
 * (one per connection), inside the test process; a child that the test
 * forks and execs reaches it through httpd_url().  The test registers
 * routes, path -> canned response; a request for a path with no route gets
 * a 404 (and is counted all the same).  The query string plays no part in
 * matching, and every method gets the same answer.
 *
 * Ownership: httpd_route() copies everything it is given, so a response
 * spec may live on the stack; strings handed back (httpd_url,
 * httpd_last_header) are the caller's to free.  Every function may be
 * called while requests are being served; a mutex guards the route table
 * and the counters. */
#ifndef EEDRAWS_TESTS_HTTPD_H
#define EEDRAWS_TESTS_HTTPD_H

#include <stddef.h>

#define HTTPD_MAX_HEADERS 8

struct httpd_header {
	const char *name;	/* NULL ends the list */
	const char *value;
};

struct httpd_response {
	unsigned status;	/* 0 means 200 */
	const void *body;	/* len bytes, may hold NULs; NULL for none */
	size_t len;
	/* Sent as is, e.g. Location, Content-Type, Content-Encoding: gzip
	 * (with a body compressed to match).  Date and Content-Length come
	 * from libmicrohttpd. */
	struct httpd_header headers[HTTPD_MAX_HEADERS];
	/* Validators: sent as ETag / Last-Modified, and a request whose
	 * If-None-Match equals etag, or whose If-Modified-Since equals
	 * last_modified (byte for byte), gets a 304 instead of a 2xx. */
	const char *etag;
	const char *last_modified;
	/* Body sent without Content-Length (chunked under HTTP/1.1). */
	int chunked;
	/* Sends the headers and the body given, then nothing more, never
	 * finishing, until httpd_stop(); implies chunked. */
	int stall;
	/* When nonzero, a chunked or stalled body is announced with this
	 * Content-Length instead of none, true or not: a larger one with
	 * stall makes a server that promises much and sends little, with
	 * chunked one that closes the connection early. */
	size_t claimed_length;
	/* When nonzero, the body goes out one byte every drip_ms
	 * milliseconds (the first at once), chunked unless claimed_length
	 * says otherwise: a server at a trickle.  With stall it then hangs. */
	unsigned drip_ms;
	/* When nonzero, the response waits until another request, to any
	 * server of this process, is in flight with this one (arrived before
	 * it was answered), or for hold_ms: two servers whose responses hold
	 * answer only once both requests are in, when they come at once, so
	 * a test can see that they did. */
	unsigned hold_ms;
};

struct httpd;

/* Starts a server; NULL, having said why on stderr, if it cannot.  Uses no
 * check(3) calls, so it works outside a running test too. */
struct httpd *httpd_start(void);

/* Whether the installed libmicrohttpd can serve HTTPS at all. */
int httpd_tls_supported(void);

/* As httpd_start(), but speaking HTTPS with the PEM key and certificate
 * given (copied); httpd_url() then says "https".  NULL, having said why,
 * when TLS is unsupported or the PEM is refused. */
struct httpd *httpd_start_tls(const char *key_pem, const char *cert_pem);

/* Answers path ("/feed.json") with *r from now on; a second call for the
 * same path replaces the response and keeps the counters. */
void httpd_route(struct httpd *h, const char *path, const struct httpd_response *r);

/* "http://127.0.0.1:PORT" (https for a TLS server) followed by path;
 * caller frees. */
char *httpd_url(struct httpd *h, const char *path);

unsigned httpd_port(struct httpd *h);

/* Requests for path so far, routed or not; path NULL counts all. */
unsigned httpd_hits(struct httpd *h, const char *path);

/* Header name (any case) of the last request for path, or NULL when that
 * request had no such header or there was no request; caller frees. */
char *httpd_last_header(struct httpd *h, const char *path, const char *name);

/* A request as served, in order of arrival: when it arrived and when
 * its response was handed to libmicrohttpd to send (CLOCK_MONOTONIC
 * seconds: before the client can have had any of it), and whether
 * another request, to any server of this process, was in flight in
 * between.  A request is "in flight" from arrived to answered. */
struct httpd_visit {
	char path[128];
	double arrived, answered;
	int overlapped;
};

/* Copies up to max of the requests so far into v; returns how many there
 * were in all. */
size_t httpd_visits(struct httpd *h, struct httpd_visit *v, size_t max);

/* The most requests in flight at once on this server so far. */
unsigned httpd_max_in_flight(struct httpd *h);

/* Stops the server, ending stalled responses at once, and frees it.  The
 * port is free again afterwards.  NULL is a no-op. */
void httpd_stop(struct httpd *h);

/* A server below HTTP, for faults libmicrohttpd will not commit on
 * purpose.  It accepts one connection on 127.0.0.1, reads the request
 * head, writes reply (len bytes, sent verbatim: status line, headers and
 * all), and then ends the connection: with reset, by closing with
 * SO_LINGER 0, which sends a TCP RST (the client sees "connection reset by
 * peer"); else by an orderly close.  Later connections are not accepted. */
struct rawd;

/* NULL, having said why on stderr, if it cannot listen. */
struct rawd *rawd_start(const void *reply, size_t len, int reset);

/* "http://127.0.0.1:PORT" followed by path; caller frees. */
char *rawd_url(struct rawd *r, const char *path);

/* Whether a connection has been served (reply sent and ended), waiting
 * up to 5 s for the server to say so. */
int rawd_done(struct rawd *r);

/* Stops the server, waiting for its thread, and frees it.  NULL is a no-op. */
void rawd_stop(struct rawd *r);

#endif
