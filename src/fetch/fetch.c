#include "fetch.h"

#include <arpa/inet.h>
#include <ctype.h>
#include <curl/curl.h>
#include <errno.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>
#include <time.h>

#include "libcurl.h"

/* Under 1 byte/s for this long (or the whole timeout, if shorter) is a
 * dead transfer: with a long timeout configured for a slow link, a server
 * that has gone silent is still given up within half a minute. */
#define LOW_SPEED_BYTES		1L
#define LOW_SPEED_SECONDS	30L
/* A Retry-After of more seconds than this is nonsense, and ignored. */
#define RETRY_AFTER_MAX		((unsigned long long)INT32_MAX)

/* What one transfer has received: the decoded body so far and the
 * validators of the latest response (a redirect's are dropped when the next one starts). */
struct xfer {
	struct buf data;
	size_t max;
	int over;		/* the body outgrew max: the write was refused */
	char *etag;
	char *last_modified;
	char *content_type;
	char *content_encoding;	/* for messages only */
	char *retry_after;
};

/* The limits in force, defaults filled in. */
struct limits {
	long connect;		/* seconds */
	long total;		/* seconds */
	long redirects;
};

static int global_done;

void
fetch_opts_init(struct fetch_opts *o)
{
	memset(o, 0, sizeof(*o));
	o->connect_timeout = FETCH_CONNECT_TIMEOUT;
	o->timeout = FETCH_TIMEOUT;
	o->max_size = (size_t)FETCH_MAX_SIZE;
	o->max_redirects = FETCH_MAX_REDIRECTS;
}

int
fetch_global_init(struct err *e)
{
	CURLcode cc;

	if (global_done)
		return 0;
	if (libcurl_load(e))
		return e->code;
	if ((cc = curl_global_init(CURL_GLOBAL_DEFAULT)) != CURLE_OK)
		return err_set(e, EX_SOFTWARE, "cannot initialise libcurl: %s",
		               curl_easy_strerror(cc));
	global_done = 1;
	return 0;
}

void
fetch_global_cleanup(void)
{
	if (!global_done)
		return;
	curl_global_cleanup();
	global_done = 0;
}

static void
xfer_reset_headers(struct xfer *x)
{
	free(x->etag);
	free(x->last_modified);
	free(x->content_type);
	free(x->content_encoding);
	free(x->retry_after);
	x->etag = x->last_modified = x->content_type = NULL;
	x->content_encoding = x->retry_after = NULL;
}

static void
xfer_release(struct xfer *x)
{
	buf_release(&x->data);
	xfer_reset_headers(x);
}

static size_t
on_data(char *p, size_t size, size_t nmemb, void *cls)
{
	struct xfer *x = cls;
	size_t n = size * nmemb;

	if (n > x->max - x->data.len) {
		x->over = 1;
		return 0;	/* a short count aborts the transfer */
	}
	buf_add(&x->data, p, n);
	return n;
}

/* Stores the header's trimmed value in *slot when the line is "name: ...". */
static void
take_header(const char *p, size_t n, const char *name, char **slot)
{
	size_t len = strlen(name);
	const char *v, *end = p + n;

	if (n <= len || p[len] != ':' || strncasecmp(p, name, len) != 0)
		return;
	for (v = p + len + 1; v < end && (*v == ' ' || *v == '\t'); v++)
		;
	while (end > v && isspace((unsigned char)end[-1]))
		end--;
	free(*slot);
	*slot = xstrndup(v, (size_t)(end - v));
}

static size_t
on_header(char *p, size_t size, size_t nmemb, void *cls)
{
	struct xfer *x = cls;
	size_t n = size * nmemb;

	/* A status line starts a new response: a redirect's headers, or a
	 * 1xx's, are not the final response's. */
	if (n >= 5 && strncmp(p, "HTTP/", 5) == 0) {
		xfer_reset_headers(x);
		return n;
	}
	take_header(p, n, "ETag", &x->etag);
	take_header(p, n, "Last-Modified", &x->last_modified);
	take_header(p, n, "Content-Type", &x->content_type);
	take_header(p, n, "Content-Encoding", &x->content_encoding);
	take_header(p, n, "Retry-After", &x->retry_after);
	return n;
}

/* "scheme://host:port" of an absolute http(s) URL, lowercased, the port
 * always given; NULL when url is not one (caller frees). */
char *
fetch_host_key(const char *url)
{
	CURLU *u;
	char *scheme = NULL, *host = NULL, *port = NULL, *key = NULL, *p;

	if (!(u = curl_url()))
		return NULL;
	if (curl_url_set(u, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) == CURLUE_OK &&
	    (strcasecmp(scheme, "http") == 0 || strcasecmp(scheme, "https") == 0) &&
	    curl_url_get(u, CURLUPART_HOST, &host, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) == CURLUE_OK) {
		key = xasprintf("%s://%s:%s", scheme, host, port);
		for (p = key; *p; p++)
			*p = (char)tolower((unsigned char)*p);
	}
	curl_free(scheme);
	curl_free(host);
	curl_free(port);
	curl_url_cleanup(u);
	return key;
}

/* Address blocks no link from a feed may reach: first bytes, prefix
 * length in bits, and what they are (RFC 6890 and its updates). */
struct block {
	unsigned char net[16];
	int bits;
	const char *what;
};

static const struct block blocks4[] = {
	{ { 0 }, 8, "reserved" },			/* "this network" */
	{ { 10 }, 8, "private" },
	{ { 100, 64 }, 10, "reserved" },		/* shared (CGNAT) */
	{ { 127 }, 8, "loopback" },
	{ { 169, 254 }, 16, "link-local" },		/* cloud metadata too */
	{ { 172, 16 }, 12, "private" },
	{ { 192, 0, 0 }, 24, "reserved" },
	{ { 192, 0, 2 }, 24, "reserved" },		/* documentation */
	{ { 192, 88, 99 }, 24, "reserved" },
	{ { 192, 168 }, 16, "private" },
	{ { 198, 18 }, 15, "reserved" },		/* benchmarking */
	{ { 198, 51, 100 }, 24, "reserved" },
	{ { 203, 0, 113 }, 24, "reserved" },
	{ { 224 }, 4, "multicast" },
	{ { 240 }, 4, "reserved" },			/* and broadcast */
};

static const struct block blocks6[] = {
	{ { 0 }, 96, "reserved" },			/* ::, IPv4-compatible */
	{ { 0x01, 0x00 }, 64, "reserved" },		/* discard */
	{ { 0x20, 0x01, 0x0d, 0xb8 }, 32, "reserved" },	/* documentation */
	{ { 0x20, 0x01, 0x00, 0x00 }, 23, "reserved" },	/* IETF protocols */
	{ { 0xfc }, 7, "private" },			/* unique local */
	{ { 0xfe, 0x80 }, 10, "link-local" },
	{ { 0xfe, 0xc0 }, 10, "private" },		/* site-local */
	{ { 0xff }, 8, "multicast" },
};

static int
in_block(const unsigned char *a, const struct block *b)
{
	int full = b->bits / 8, rest = b->bits % 8;

	if (memcmp(a, b->net, (size_t)full) != 0)
		return 0;
	return !rest || ((a[full] ^ b->net[full]) & (0xff << (8 - rest)) & 0xff) == 0;
}

static const char *
class4(const unsigned char *a)
{
	size_t i;

	for (i = 0; i < sizeof(blocks4) / sizeof(blocks4[0]); i++)
		if (in_block(a, &blocks4[i]))
			return blocks4[i].what;
	return NULL;
}

static const char *
class6(const unsigned char *a)
{
	static const unsigned char mapped[12] = { [10] = 0xff, [11] = 0xff };
	static const unsigned char nat64[12] = { 0x00, 0x64, 0xff, 0x9b };
	size_t i;

	if (memcmp(a, mapped, 12) == 0 || memcmp(a, nat64, 12) == 0)
		return class4(a + 12);	/* an IPv4 address in IPv6 dress */
	if (a[0] == 0x20 && a[1] == 0x02)
		return class4(a + 2);	/* 6to4 */
	for (i = 0; i < 15 && !a[i]; i++)
		;
	if (i == 15 && a[15] == 1)
		return "loopback";
	for (i = 0; i < sizeof(blocks6) / sizeof(blocks6[0]); i++)
		if (in_block(a, &blocks6[i]))
			return blocks6[i].what;
	return NULL;
}

const char *
fetch_addr_class(const struct sockaddr *sa)
{
	if (sa->sa_family == AF_INET)
		return class4((const unsigned char *)
		              &((const struct sockaddr_in *)(const void *)sa)->sin_addr);
	if (sa->sa_family == AF_INET6)
		return class6(((const struct sockaddr_in6 *)(const void *)sa)->sin6_addr.s6_addr);
	return "reserved";	/* no other family is the internet */
}

int
fetch_trusted(char *const *trusted, const char *url)
{
	char *key = fetch_host_key(url);
	int yes = 0;

	for (; key && trusted && *trusted && !yes; trusted++)
		yes = strcmp(*trusted, key) == 0;
	free(key);
	return yes;
}

int
fetch_has_credentials(const char *url)
{
	CURLU *u = curl_url();
	char *user = NULL, *pass = NULL;
	int has;

	if (!u)
		return 1;
	has = curl_url_set(u, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK ||
	      curl_url_get(u, CURLUPART_USER, &user, 0) == CURLUE_OK ||
	      curl_url_get(u, CURLUPART_PASSWORD, &pass, 0) == CURLUE_OK;
	curl_free(user);
	curl_free(pass);
	curl_url_cleanup(u);
	return has;
}

/* Refuses anything but an absolute http or https URL. */
static int
check_url(const char *url, struct err *e)
{
	CURLU *u;
	char *scheme = NULL;
	int rc = 0;

	if (!(u = curl_url()))
		return err_set(e, EX_OSERR, "cannot fetch '%s': out of memory", url);
	if (curl_url_set(u, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK)
		rc = err_set(e, EX_USAGE, "cannot fetch '%s': not a valid http or https URL", url);
	else if (strcasecmp(scheme, "http") != 0 && strcasecmp(scheme, "https") != 0)
		rc = err_set(e, EX_USAGE, "cannot fetch '%s': scheme '%s' is not allowed "
		             "(only http and https)", url, scheme);
	curl_free(scheme);
	curl_url_cleanup(u);
	return rc;
}

/* Adds "name: value" unless the value could smuggle in another header. */
static int
add_request_header(struct curl_slist **l, const char *name, const char *value)
{
	struct curl_slist *n;
	char *line;

	if (!value || !*value || strpbrk(value, "\r\n"))
		return 0;
	line = xasprintf("%s: %s", name, value);
	n = curl_slist_append(*l, line);
	free(line);
	if (!n)
		return -1;
	*l = n;
	return 0;
}

/* curl's own words for what failed, lowercased as our messages are. */
static const char *
curl_reason(CURLcode cc, char *errbuf)
{
	size_t n = strlen(errbuf);

	while (n > 0 && isspace((unsigned char)errbuf[n - 1]))
		errbuf[--n] = '\0';
	if (!n)
		return curl_easy_strerror(cc);
	if (isupper((unsigned char)errbuf[0]) && islower((unsigned char)errbuf[1]))
		errbuf[0] = (char)tolower((unsigned char)errbuf[0]);
	return errbuf;
}

/* The scheme of url, into out (empty when there is none). */
static void
scheme_of(const char *url, char *out, size_t size)
{
	size_t n = strcspn(url, ":/?#");

	if (url[n] != ':' || n >= size)
		n = 0;
	memcpy(out, url, n);
	out[n] = '\0';
}

/* The decoded body outgrew the cap, or its Content-Length announced so. */
static int
too_large(const char *url, const struct xfer *x, struct err *e)
{
	if (x->over && x->content_encoding)
		return err_set(e, EX_DATAERR, "cannot fetch '%s': body larger than %zu bytes "
		               "once decoded (Content-Encoding: %s); gave up at the limit",
		               url, x->max, x->content_encoding);
	return err_set(e, EX_DATAERR, "cannot fetch '%s': body larger than %zu bytes",
	               url, x->max);
}

/* CURLE_UNSUPPORTED_PROTOCOL: check_url() let url itself through, so a
 * redirect led here (unless curl lacks the protocol altogether). */
static int
bad_redirect(CURL *c, CURLcode cc, const char *url, char *errbuf, struct err *e)
{
	char *where = NULL;
	char scheme[32];

	curl_easy_getinfo(c, CURLINFO_EFFECTIVE_URL, &where);
	if (!where || strcmp(where, url) == 0)
		curl_easy_getinfo(c, CURLINFO_REDIRECT_URL, &where);
	if (!where || strcmp(where, url) == 0)
		return err_set(e, EX_USAGE, "cannot fetch '%s': %s", url,
		               curl_reason(cc, errbuf));
	scheme_of(where, scheme, sizeof(scheme));
	return err_set(e, EX_DATAERR, "cannot fetch '%s': redirected to '%s', "
	               "whose scheme '%s' is not allowed (only http and https)",
	               url, where, scheme);
}

/* A timeout says which limit ran out: before a connection there was
 * nothing to read; after it, the server went silent for LOW_SPEED_SECONDS
 * (possible only when the whole-transfer limit is longer), or it was too
 * slow or stalled for the whole limit. */
static int
timed_out(CURL *c, CURLcode cc, const char *url, const struct limits *lim,
          char *errbuf, struct err *e)
{
	curl_off_t connected = 0, got = 0, elapsed = 0;

	curl_easy_getinfo(c, CURLINFO_CONNECT_TIME_T, &connected);
	curl_easy_getinfo(c, CURLINFO_SIZE_DOWNLOAD_T, &got);
	curl_easy_getinfo(c, CURLINFO_TOTAL_TIME_T, &elapsed);	/* microseconds */
	if (connected == 0)
		return err_set(e, EX_TEMPFAIL, "cannot fetch '%s': timed out before a "
		               "connection was made (%s)", url, curl_reason(cc, errbuf));
	if (lim->total > LOW_SPEED_SECONDS && elapsed < (curl_off_t)lim->total * 1000000)
		return err_set(e, EX_TEMPFAIL, "cannot fetch '%s': timed out: the server "
		               "sent under %ld byte/s for %ld s, after %" CURL_FORMAT_CURL_OFF_T
		               " bytes of the body (%s)", url, LOW_SPEED_BYTES,
		               LOW_SPEED_SECONDS, got, curl_reason(cc, errbuf));
	return err_set(e, EX_TEMPFAIL, "cannot fetch '%s': timed out: only "
	               "%" CURL_FORMAT_CURL_OFF_T " bytes of the body arrived within the "
	               "%ld s limit; the server is too slow or has stalled (%s)", url, got,
	               lim->total, curl_reason(cc, errbuf));
}

/* What went wrong in plain words, for the errors that are the network's
 * or the server's; NULL for the rest, which curl's words describe. */
static const char *
plain_failure(CURLcode cc)
{
	switch (cc) {
	case CURLE_COULDNT_RESOLVE_HOST:
		return "the host name could not be resolved";
	case CURLE_COULDNT_CONNECT:
		return "could not connect to the server";
	case CURLE_GOT_NOTHING:
		return "the server closed the connection without replying";
	case CURLE_PARTIAL_FILE:
		return "the server closed the connection before the whole body arrived";
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
		return "the connection broke off mid-transfer";
	case CURLE_PEER_FAILED_VERIFICATION:	/* also CURLE_SSL_CACERT */
		return "the server's TLS certificate could not be verified";
	case CURLE_SSL_CONNECT_ERROR:
		return "the TLS handshake failed";
	default:
		return NULL;
	}
}

static int
transfer_error(CURL *c, CURLcode cc, const char *url, const struct xfer *x,
               const struct limits *lim, char *errbuf, struct err *e)
{
	const char *what;
	long redirects = 0;

	curl_easy_getinfo(c, CURLINFO_REDIRECT_COUNT, &redirects);
	if (x->over || cc == CURLE_FILESIZE_EXCEEDED)
		return too_large(url, x, e);
	switch (cc) {
	case CURLE_UNSUPPORTED_PROTOCOL:
		return bad_redirect(c, cc, url, errbuf, e);
	case CURLE_TOO_MANY_REDIRECTS:
		return err_set(e, EX_TEMPFAIL, "cannot fetch '%s': too many redirects "
		               "(more than %ld)", url, lim->redirects);
	case CURLE_OPERATION_TIMEDOUT:
		return timed_out(c, cc, url, lim, errbuf, e);
	case CURLE_BAD_CONTENT_ENCODING:
		/* The server's fault, and retrying will get the same bytes. */
		return err_set(e, EX_DATAERR, "cannot fetch '%s': the body is corrupt: it "
		               "does not decode as its Content-Encoding '%s' says (%s)", url,
		               x->content_encoding ? x->content_encoding : "?",
		               curl_reason(cc, errbuf));
	case CURLE_URL_MALFORMAT:
		if (redirects == 0)
			return err_set(e, EX_USAGE, "cannot fetch '%s': %s", url,
			               curl_reason(cc, errbuf));
		break;
	default:
		break;
	}
	if ((what = plain_failure(cc)))
		return err_set(e, EX_TEMPFAIL, "cannot fetch '%s': %s (%s)", url, what,
		               curl_reason(cc, errbuf));
	return err_set(e, EX_TEMPFAIL, "cannot fetch '%s': %s", url, curl_reason(cc, errbuf));
}

/* Retry-After as an absolute time: now plus delay-seconds, or the
 * HTTP-date given; 0 when absent or unreadable. */
static time_t
retry_time(const char *v, time_t now)
{
	unsigned long long secs;
	char *end;
	time_t t;

	if (!v || !*v)
		return 0;
	if (isdigit((unsigned char)*v)) {
		errno = 0;
		secs = strtoull(v, &end, 10);
		if (*end || errno || secs > RETRY_AFTER_MAX)
			return 0;
		return now + (time_t)secs;
	}
	t = curl_getdate(v, NULL);
	return t > 0 ? t : 0;
}

/* A few statuses in words; "" for the rest. */
static const char *
status_words(long status)
{
	switch (status) {
	case 400: return " (bad request)";
	case 401: return " (unauthorized)";
	case 403: return " (forbidden)";
	case 404: return " (not found)";
	case 410: return " (gone)";
	case 429: return " (too many requests)";
	case 500: return " (internal server error)";
	case 502: return " (bad gateway)";
	case 503: return " (service unavailable)";
	case 504: return " (gateway timeout)";
	default: return "";
	}
}

/* A final status other than 2xx or 304; sets *retry_at on 429 and 503. */
static int
status_error(const char *url, long status, long redirects, const char *eff,
             const struct xfer *x, time_t *retry_at, struct err *e)
{
	char retry[128] = "";
	time_t at = 0;

	if (status == 429 || status == 503)
		at = retry_time(x->retry_after, time(NULL));
	if (at && isdigit((unsigned char)x->retry_after[0]))
		snprintf(retry, sizeof(retry), "; the server asks to retry in %s s",
		         x->retry_after);
	else if (at)	/* an HTTP-date, whose text is at most 64 bytes here */
		snprintf(retry, sizeof(retry), "; the server asks to retry after %.64s",
		         x->retry_after);
	if (retry_at)
		*retry_at = at;
	if (redirects > 0)
		return err_set(e, EX_TEMPFAIL, "cannot fetch '%s': HTTP %ld%s from '%s'%s",
		               url, status, status_words(status), eff, retry);
	return err_set(e, EX_TEMPFAIL, "cannot fetch '%s': HTTP %ld%s%s", url, status,
	               status_words(status), retry);
}

/* A host's turn: one transfer at a time, and a pause after each. */
struct host {
	char *key;		/* fetch_host_key() */
	int busy;		/* a transfer to it is running */
	long delay_ms;		/* the pause between two of its transfers */
	double last_end;	/* monotonic seconds; 0: none yet */
};

struct fetcher {
	struct fetch_opts o;	/* etag, last_modified, retry_at unused */
	struct limits lim;
	size_t max;		/* bytes */
	CURLM *m;
	struct host **hosts;
	size_t nhosts, alloc;
};

/* One request of a batch on its way. */
struct transfer {
	struct fetch_req *req;
	struct host *host;
	enum { TRANSFER_WAITING, TRANSFER_RUNNING, TRANSFER_DONE } state;
	CURL *c;
	struct curl_slist *hdrs;
	struct xfer x;
	char errbuf[CURL_ERROR_SIZE];
	/* Redirects followed here (fetch_req.guard or .hop): the URL of
	 * this hop (NULL: the request's), and how many came before it. */
	char *url;
	long hops;
	int checked;		/* this hop's addresses are checked */
	char *refused;		/* why a connection was refused, or NULL */
};

/* The URL t is at now. */
static const char *
transfer_url(const struct transfer *t)
{
	return t->url ? t->url : t->req->url;
}

/* Whether t follows its redirects itself, hop by hop. */
static int
hop_by_hop(const struct transfer *t)
{
	return t->req->guard || t->req->hop;
}

static double
mono_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
fetcher_new(struct fetcher **out, const struct fetch_opts *o, struct err *e)
{
	struct fetcher *f;
	int rc;

	/* libcurl and its TLS library start with the first fetch, not
	 * with every command. */
	if ((rc = fetch_global_init(e)))
		return rc;
	f = xcalloc(1, sizeof(*f));

	f->o = *o;
	f->o.etag = f->o.last_modified = NULL;
	f->o.retry_at = NULL;
	f->lim.connect = o->connect_timeout > 0 ? o->connect_timeout : FETCH_CONNECT_TIMEOUT;
	f->lim.total = o->timeout > 0 ? o->timeout : FETCH_TIMEOUT;
	f->lim.redirects = o->max_redirects > 0 ? o->max_redirects : FETCH_MAX_REDIRECTS;
	f->max = o->max_size ? o->max_size : (size_t)FETCH_MAX_SIZE;
	if (!(f->m = curl_multi_init())) {
		free(f);
		*out = NULL;
		return err_set(e, EX_SOFTWARE, "cannot start a libcurl multi handle");
	}
	*out = f;
	return 0;
}

void
fetcher_free(struct fetcher *f)
{
	size_t i;

	if (!f)
		return;
	for (i = 0; i < f->nhosts; i++) {
		free(f->hosts[i]->key);
		free(f->hosts[i]);
	}
	free(f->hosts);
	curl_multi_cleanup(f->m);
	free(f);
}

/* The host of key, added when new. */
static struct host *
host_get(struct fetcher *f, const char *key)
{
	struct host *h;
	size_t i;

	for (i = 0; i < f->nhosts; i++)
		if (strcmp(f->hosts[i]->key, key) == 0)
			return f->hosts[i];
	if (f->nhosts == f->alloc) {
		f->alloc = f->alloc ? 2 * f->alloc : 8;
		f->hosts = xrealloc(f->hosts, f->alloc * sizeof(*f->hosts));
	}
	h = xcalloc(1, sizeof(*h));
	h->key = xstrdup(key);
	h->delay_ms = f->o.delay_ms > 0 ? f->o.delay_ms : 0;
	f->hosts[f->nhosts++] = h;
	return h;
}

void
fetcher_host_delay(struct fetcher *f, const char *url, long delay_ms)
{
	char *key = fetch_host_key(url);
	struct host *h;

	if (!key)
		return;
	h = host_get(f, key);
	if (delay_ms > h->delay_ms)
		h->delay_ms = delay_ms;
	free(key);
}

/* Ends a transfer with the result already in its request. */
static void
transfer_end(struct fetcher *f, struct transfer *t)
{
	if (t->c) {
		if (t->state == TRANSFER_RUNNING)
			curl_multi_remove_handle(f->m, t->c);
		curl_easy_cleanup(t->c);
		t->c = NULL;
	}
	if (t->host && t->state == TRANSFER_RUNNING) {
		t->host->busy = 0;
		t->host->last_end = mono_now();
	}
	curl_slist_free_all(t->hdrs);
	t->hdrs = NULL;
	xfer_release(&t->x);
	free(t->url);
	free(t->refused);
	t->url = t->refused = NULL;
	t->state = TRANSFER_DONE;
}

/* Checks the request and finds its host; the request fails at once when
 * its URL is not one to fetch. */
static void
transfer_init(struct fetcher *f, struct transfer *t, struct fetch_req *r)
{
	char *key;

	memset(t, 0, sizeof(*t));
	t->req = r;
	t->x.max = f->max;
	memset(&r->body, 0, sizeof(r->body));
	memset(&r->err, 0, sizeof(r->err));
	r->status = 0;
	r->outcome = FETCH_BODY;
	r->rc = 0;
	if (r->retry_at)
		*r->retry_at = 0;
	if ((r->rc = check_url(r->url, &r->err)) != 0) {
		t->state = TRANSFER_DONE;
		return;
	}
	if (r->guard && fetch_has_credentials(r->url)) {
		r->outcome = FETCH_REFUSED;
		err_set(&r->err, 0, "refused '%s': it carries a user name or password, "
		        "which a link from a feed may not", r->url);
		t->state = TRANSFER_DONE;
		return;
	}
	if (!(key = fetch_host_key(r->url))) {
		r->rc = err_set(&r->err, EX_USAGE, "cannot fetch '%s': not a valid http or "
		                "https URL", r->url);
		t->state = TRANSFER_DONE;
		return;
	}
	t->host = host_get(f, key);
	free(key);
	t->state = TRANSFER_WAITING;
}

/* What libcurl needs to run c for t: the URL, the way back from c to t
 * (collect() reads CURLOPT_PRIVATE), a buffer for its error text; and no
 * signals (without it, libcurl may time out name lookups with SIGALRM). */
static CURLcode
transfer_set_handle(CURL *c, struct transfer *t)
{
	CURLcode cc;

	if ((cc = curl_easy_setopt(c, CURLOPT_URL, transfer_url(t))) != CURLE_OK ||
	    (cc = curl_easy_setopt(c, CURLOPT_PRIVATE, (void *)t)) != CURLE_OK ||
	    (cc = curl_easy_setopt(c, CURLOPT_ERRORBUFFER, t->errbuf)) != CURLE_OK)
		return cc;
	return curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
}

/* Where c may go: TLS verified, http and https only, after a redirect too
 * (check_url() saw only the first URL), at most lim->redirects of them. */
static CURLcode
set_protocols(CURL *c, const struct limits *lim, int follow)
{
	CURLcode cc;

	if ((cc = curl_easy_setopt(c, CURLOPT_SSL_VERIFYPEER, 1L)) != CURLE_OK ||
	    (cc = curl_easy_setopt(c, CURLOPT_SSL_VERIFYHOST, 2L)) != CURLE_OK ||
#if LIBCURL_VERSION_NUM >= 0x075500	/* 7.85.0 */
	    (cc = curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https")) != CURLE_OK ||
	    (cc = curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https")) != CURLE_OK ||
#else
	    (cc = curl_easy_setopt(c, CURLOPT_PROTOCOLS,
	                           (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS))) != CURLE_OK ||
	    (cc = curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS,
	                           (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS))) != CURLE_OK ||
#endif
	    (cc = curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, (long)follow)) != CURLE_OK)
		return cc;
	return curl_easy_setopt(c, CURLOPT_MAXREDIRS, lim->redirects);
}

/* How long c may take and how much it may bring: any encoding curl can
 * decode, the timeouts, a server gone silent given up after
 * LOW_SPEED_SECONDS (or the whole timeout, if shorter), at most max
 * bytes. */
static CURLcode
set_limits(CURL *c, const struct limits *lim, size_t max)
{
	long low_speed_time = lim->total < LOW_SPEED_SECONDS ? lim->total : LOW_SPEED_SECONDS;
	CURLcode cc;

	if ((cc = curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "")) != CURLE_OK ||
	    (cc = curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, lim->connect)) != CURLE_OK ||
	    (cc = curl_easy_setopt(c, CURLOPT_TIMEOUT, lim->total)) != CURLE_OK ||
	    (cc = curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, LOW_SPEED_BYTES)) != CURLE_OK ||
	    (cc = curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, low_speed_time)) != CURLE_OK)
		return cc;
	return curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)max);
}

/* What c sends and where what it receives goes: every status's body and
 * headers to t's xfer (status_error() judges the status, not libcurl),
 * the user agent and t's request headers. */
static CURLcode
transfer_set_io(CURL *c, struct transfer *t, const struct fetch_opts *o)
{
	CURLcode cc;

	if ((cc = curl_easy_setopt(c, CURLOPT_FAILONERROR, 0L)) != CURLE_OK ||
	    (cc = curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data)) != CURLE_OK ||
	    (cc = curl_easy_setopt(c, CURLOPT_WRITEDATA, &t->x)) != CURLE_OK ||
	    (cc = curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header)) != CURLE_OK ||
	    (cc = curl_easy_setopt(c, CURLOPT_HEADERDATA, &t->x)) != CURLE_OK)
		return cc;
	if (o->user_agent &&
	    (cc = curl_easy_setopt(c, CURLOPT_USERAGENT, o->user_agent)) != CURLE_OK)
		return cc;
	if (t->hdrs)
		return curl_easy_setopt(c, CURLOPT_HTTPHEADER, t->hdrs);
	return CURLE_OK;
}

/* Opens a socket for libcurl, unless t's hop is checked and addr is no
 * public address: then none, and why, for transfer_done(). */
static curl_socket_t
open_socket(void *cls, curlsocktype purpose, struct curl_sockaddr *addr)
{
	struct transfer *t = cls;
	const char *what = NULL;
	char text[INET6_ADDRSTRLEN] = "?";
	const void *a;

	if (t->checked && purpose == CURLSOCKTYPE_IPCXN &&
	    (what = fetch_addr_class(&addr->addr))) {
		if (addr->family == AF_INET)
			a = &((struct sockaddr_in *)(void *)&addr->addr)->sin_addr;
		else
			a = &((struct sockaddr_in6 *)(void *)&addr->addr)->sin6_addr;
		if (addr->family == AF_INET || addr->family == AF_INET6)
			inet_ntop(addr->family, a, text, sizeof(text));
		free(t->refused);
		t->refused = xasprintf("it leads to %s, a %s address", text, what);
		return CURL_SOCKET_BAD;
	}
	return socket(addr->family, addr->socktype, addr->protocol);
}

/* A guarded request's hop off the trusted origin has its addresses
 * checked as libcurl connects: after the name is resolved, so DNS cannot
 * smuggle a private address in. */
static CURLcode
set_guard(CURL *c, struct transfer *t)
{
	CURLcode cc;

	t->checked = t->req->guard && !fetch_trusted(t->req->trusted, transfer_url(t));
	if (!t->checked)
		return CURLE_OK;
	/* A connection another request opened unchecked is not reused. */
	if ((cc = curl_easy_setopt(c, CURLOPT_OPENSOCKETFUNCTION, open_socket)) != CURLE_OK ||
	    (cc = curl_easy_setopt(c, CURLOPT_FRESH_CONNECT, 1L)) != CURLE_OK)
		return cc;
	return curl_easy_setopt(c, CURLOPT_OPENSOCKETDATA, (void *)t);
}

/* Every option of t's handle, in that order; the first that fails. */
static CURLcode
transfer_options(struct fetcher *f, struct transfer *t)
{
	CURLcode cc;

	if ((cc = transfer_set_handle(t->c, t)) != CURLE_OK ||
	    (cc = set_protocols(t->c, &f->lim, !hop_by_hop(t))) != CURLE_OK ||
	    (cc = set_guard(t->c, t)) != CURLE_OK ||
	    (cc = set_limits(t->c, &f->lim, t->x.max)) != CURLE_OK)
		return cc;
	return transfer_set_io(t->c, t, &f->o);
}

/* Sets up t's handle and hands it to the multi handle; on failure the
 * request fails and the transfer ends. */
static void
transfer_start(struct fetcher *f, struct transfer *t)
{
	struct fetch_req *r = t->req;
	CURLMcode mc;
	CURLcode cc;

	if (add_request_header(&t->hdrs, "If-None-Match", r->etag) != 0 ||
	    add_request_header(&t->hdrs, "If-Modified-Since", r->last_modified) != 0) {
		r->rc = err_set(&r->err, EX_OSERR, "cannot fetch '%s': out of memory", r->url);
		transfer_end(f, t);
		return;
	}
	if (!(t->c = curl_easy_init())) {
		r->rc = err_set(&r->err, EX_SOFTWARE, "cannot fetch '%s': cannot start a "
		                "libcurl handle", r->url);
		transfer_end(f, t);
		return;
	}
	if ((cc = transfer_options(f, t)) != CURLE_OK) {
		r->rc = err_set(&r->err, EX_SOFTWARE, "cannot fetch '%s': cannot set up "
		                "libcurl: %s", r->url, curl_easy_strerror(cc));
		transfer_end(f, t);
		return;
	}
	if ((mc = curl_multi_add_handle(f->m, t->c)) != CURLM_OK) {
		r->rc = err_set(&r->err, EX_SOFTWARE, "cannot fetch '%s': cannot start the "
		                "transfer: %s", r->url, curl_multi_strerror(mc));
		transfer_end(f, t);
		return;
	}
	t->state = TRANSFER_RUNNING;
	t->host->busy = 1;
}

/* Puts t back in the queue for its next hop, to, on to's host. */
static void
transfer_rewind(struct fetcher *f, struct transfer *t, char *to)
{
	char *key = fetch_host_key(to);

	curl_multi_remove_handle(f->m, t->c);
	curl_easy_cleanup(t->c);
	t->c = NULL;
	t->host->busy = 0;
	t->host->last_end = mono_now();
	curl_slist_free_all(t->hdrs);
	t->hdrs = NULL;
	buf_release(&t->x.data);
	xfer_reset_headers(&t->x);
	t->x.over = 0;
	free(t->url);
	t->url = to;
	t->hops++;
	t->host = host_get(f, key);	/* check_url() passed: key is set */
	free(key);
	t->state = TRANSFER_WAITING;
}

/* A redirect to follow hop by hop: 0 when status is none (the caller
 * judges it), else 1, t either queued for the next hop or its request
 * ended as the redirect deserves. */
static int
follow(struct fetcher *f, struct transfer *t, long status)
{
	struct fetch_req *r = t->req;
	char *to = NULL, scheme[32];
	int outcome;

	if (status != 301 && status != 302 && status != 303 && status != 307 &&
	    status != 308)
		return 0;
	curl_easy_getinfo(t->c, CURLINFO_REDIRECT_URL, &to);
	if (!to)
		return 0;
	if (t->hops >= f->lim.redirects) {
		r->rc = err_set(&r->err, EX_TEMPFAIL, "cannot fetch '%s': more than %ld "
		                "redirects, the last to '%s'", r->url, f->lim.redirects, to);
	} else if (check_url(to, &r->err) != 0) {
		scheme_of(to, scheme, sizeof(scheme));
		r->rc = err_set(&r->err, EX_DATAERR, "cannot fetch '%s': redirected to '%s', "
		                "whose scheme '%s' is not allowed (only http and https)",
		                r->url, to, scheme);
	} else if (r->guard && fetch_has_credentials(to)) {
		r->outcome = FETCH_REFUSED;
		err_set(&r->err, 0, "refused '%s': redirected to '%s', which carries a user "
		        "name or password", r->url, to);
	} else if (r->hop && (outcome = r->hop(r->hop_ctx, r, to)) != 0) {
		r->outcome = outcome;
	} else {
		if (f->o.verbose)
			fprintf(stderr, "fetch %s: %ld, to %s\n", transfer_url(t), status, to);
		transfer_rewind(f, t, xstrdup(to));
		return 1;
	}
	transfer_end(f, t);
	return 1;
}

/* libcurl ended t with cc: its request's result, as fetch_url() gives
 * it. */
static void
transfer_done(struct fetcher *f, struct transfer *t, CURLcode cc)
{
	struct fetch_req *r = t->req;
	struct body *out = &r->body;
	char *eff = NULL;
	long status = 0, redirects = 0;

	if (cc != CURLE_OK && t->refused) {
		r->outcome = FETCH_REFUSED;
		if (t->hops)
			err_set(&r->err, 0, "refused '%s': redirected to '%s': %s; a link from "
			        "a feed may not reach this machine or its network", r->url,
			        transfer_url(t), t->refused);
		else
			err_set(&r->err, 0, "refused '%s': %s; a link from a feed may not reach "
			        "this machine or its network", r->url, t->refused);
		goto done;
	}
	if (cc != CURLE_OK) {
		r->rc = transfer_error(t->c, cc, r->url, &t->x, &f->lim, t->errbuf, &r->err);
		goto done;
	}
	curl_easy_getinfo(t->c, CURLINFO_RESPONSE_CODE, &status);
	if (hop_by_hop(t) && follow(f, t, status))
		return;
	curl_easy_getinfo(t->c, CURLINFO_EFFECTIVE_URL, &eff);
	curl_easy_getinfo(t->c, CURLINFO_REDIRECT_COUNT, &redirects);
	redirects += t->hops;
	if (!eff)
		eff = (char *)transfer_url(t);
	r->status = status;
	if (status == 304) {
		r->outcome = FETCH_NOT_MODIFIED;
		if (f->o.verbose)
			fprintf(stderr, "fetch %s: 304 not modified\n", r->url);
		goto done;
	}
	if (status < 200 || status > 299) {
		r->rc = status_error(r->url, status, redirects, eff, &t->x, r->retry_at, &r->err);
		goto done;
	}
	out->data = buf_detach(&t->x.data, &out->len);
	out->url = xstrdup(eff);
	out->fetched_at = time(NULL);
	out->status = status;
	out->etag = t->x.etag;
	out->last_modified = t->x.last_modified;
	out->content_type = t->x.content_type;
	t->x.etag = t->x.last_modified = t->x.content_type = NULL;
	if (f->o.verbose) {
		if (redirects > 0)
			fprintf(stderr, "fetch %s -> %s: %ld, %zu bytes\n", r->url, eff, status,
			        out->len);
		else
			fprintf(stderr, "fetch %s: %ld, %zu bytes\n", r->url, status, out->len);
	}
	r->rc = 0;
done:
	transfer_end(f, t);
}

/* Starts every transfer whose host is free and rested, in the order given;
 * returns the seconds until the next waiting one may start (-1: none
 * waits on a pause). */
static double
start_ready(struct fetcher *f, struct transfer *transfers, size_t n)
{
	double now = mono_now(), wait = -1, ready;
	size_t i;

	for (i = 0; i < n; i++) {
		struct transfer *t = &transfers[i];

		if (t->state != TRANSFER_WAITING || t->host->busy)
			continue;
		/* Computed each time: a Crawl-delay learnt meanwhile counts. */
		ready = t->host->last_end + (double)t->host->delay_ms / 1000.0;
		if (t->host->last_end > 0 && ready > now) {
			if (wait < 0 || ready - now < wait)
				wait = ready - now;
			continue;
		}
		transfer_start(f, t);
	}
	return wait;
}

/* Collects the transfers that ended. */
static void
collect(struct fetcher *f)
{
	struct transfer *t;
	CURLMsg *msg;
	int left;

	while ((msg = curl_multi_info_read(f->m, &left))) {
		if (msg->msg != CURLMSG_DONE)
			continue;
		t = NULL;
		curl_easy_getinfo(msg->easy_handle, CURLINFO_PRIVATE, (char **)&t);
		if (t)
			transfer_done(f, t, msg->data.result);
	}
}

/* Fails every request not yet done: the multi handle itself broke. */
static void
fail_all(struct fetcher *f, struct transfer *transfers, size_t n, CURLMcode mc)
{
	size_t i;

	for (i = 0; i < n; i++) {
		struct transfer *t = &transfers[i];

		if (t->state == TRANSFER_DONE)
			continue;
		t->req->rc = err_set(&t->req->err, EX_SOFTWARE, "cannot fetch '%s': libcurl: %s",
		                     t->req->url, curl_multi_strerror(mc));
		transfer_end(f, t);
	}
}

void
fetch_batch(struct fetcher *f, struct fetch_req *reqs, size_t n)
{
	struct transfer *transfers = xcalloc(n ? n : 1, sizeof(*transfers));
	size_t i, left;
	double wait;
	CURLMcode mc;
	int running, ms;

	for (i = 0; i < n; i++)
		transfer_init(f, &transfers[i], &reqs[i]);
	for (;;) {
		wait = start_ready(f, transfers, n);
		for (i = left = 0; i < n; i++)
			left += transfers[i].state != TRANSFER_DONE;
		if (!left)
			break;
		if ((mc = curl_multi_perform(f->m, &running)) != CURLM_OK) {
			fail_all(f, transfers, n, mc);
			break;
		}
		collect(f);
		/* Sleep until a socket stirs, curl's own timer, or the next
		 * host's pause ends, whichever first. */
		ms = 1000;
		if (wait >= 0 && wait * 1000 < ms)
			ms = (int)(wait * 1000) + 1;
		if (running &&
		    (mc = curl_multi_poll(f->m, NULL, 0, ms, NULL)) != CURLM_OK) {
			fail_all(f, transfers, n, mc);
			break;
		}
		if (!running && wait >= 0)
			curl_multi_poll(f->m, NULL, 0, ms, NULL);	/* a plain sleep */
	}
	for (i = 0; i < n; i++)
		if (reqs[i].rc)
			reqs[i].outcome = FETCH_FAILED;
	free(transfers);
}

int
fetch_url(const char *url, const struct fetch_opts *o, struct body *out,
          struct err *e)
{
	struct fetch_req r = { .url = url, .etag = o->etag,
	                       .last_modified = o->last_modified, .retry_at = o->retry_at };
	struct fetcher *f;

	if (o->retry_at)
		*o->retry_at = 0;
	if (fetcher_new(&f, o, &r.err) != 0) {
		memset(out, 0, sizeof(*out));
		return err_set(e, EX_SOFTWARE, "cannot fetch '%s': %s", url, r.err.msg);
	}
	fetch_batch(f, &r, 1);
	fetcher_free(f);
	memset(out, 0, sizeof(*out));
	if (r.outcome == FETCH_BODY)
		*out = r.body;
	else if (r.outcome == FETCH_NOT_MODIFIED)
		out->status = 304;
	else if (e)
		*e = r.err;
	return r.rc;
}
