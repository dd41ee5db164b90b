#include "httpd.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

/* The request headers of one request, in order. */
struct hdrs {
	char **name, **value;
	size_t n, alloc;
};

struct route {
	char *path;
	int routed;			/* else answered 404 */
	struct httpd_response r;	/* deep copy, owned */
	unsigned hits;
	struct hdrs last;		/* of the last request */
};

/* One request as served: see httpd_visits(). */
struct visit {
	char *path;
	double arrived, answered;
	int overlapped;
};

struct httpd {
	struct MHD_Daemon *d;
	unsigned port;
	int tls;
	char *key_pem, *cert_pem;	/* kept for libmicrohttpd's sake */
	atomic_int stopping;
	pthread_mutex_t lock;		/* guards everything below */
	struct route **routes;
	size_t n, alloc;
	unsigned total;
	struct visit *visits;
	size_t nvisits, avisits;
	unsigned in_flight, max_in_flight;
};

/* Across every server of the process: requests arrived and not yet
 * answered, and requests arrived so far. */
static atomic_uint all_in_flight, all_arrivals;

static double
mono_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A body sent through a callback: without Content-Length, maybe stalling. */
struct stream {
	struct httpd *h;
	char *data;
	size_t len;
	int stall;
	unsigned drip_ms;
};

static void
hdrs_clear(struct hdrs *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->name[i]);
		free(l->value[i]);
	}
	l->n = 0;
}

static void
hdrs_release(struct hdrs *l)
{
	hdrs_clear(l);
	free(l->name);
	free(l->value);
	memset(l, 0, sizeof(*l));
}

static void
hdrs_add(struct hdrs *l, const char *name, const char *value)
{
	if (l->n == l->alloc) {
		l->alloc = l->alloc ? l->alloc * 2 : 16;
		l->name = xrealloc(l->name, l->alloc * sizeof(*l->name));
		l->value = xrealloc(l->value, l->alloc * sizeof(*l->value));
	}
	l->name[l->n] = xstrdup(name);
	l->value[l->n] = xstrdup(value ? value : "");
	l->n++;
}

static const char *
hdrs_get(const struct hdrs *l, const char *name)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcasecmp(l->name[i], name) == 0)
			return l->value[i];
	return NULL;
}

static void
response_copy(struct httpd_response *dst, const struct httpd_response *src)
{
	size_t i;

	*dst = *src;
	memset(dst->headers, 0, sizeof(dst->headers));
	dst->body = NULL;
	if (src->body && src->len) {
		void *p = xmalloc(src->len);

		memcpy(p, src->body, src->len);
		dst->body = p;
	} else {
		dst->len = 0;
	}
	for (i = 0; i < HTTPD_MAX_HEADERS && src->headers[i].name; i++) {
		dst->headers[i].name = xstrdup(src->headers[i].name);
		dst->headers[i].value = xstrdup(src->headers[i].value ? src->headers[i].value : "");
	}
	dst->etag = xstrdup(src->etag);
	dst->last_modified = xstrdup(src->last_modified);
}

static void
response_release(struct httpd_response *r)
{
	size_t i;

	free((void *)r->body);
	for (i = 0; i < HTTPD_MAX_HEADERS && r->headers[i].name; i++) {
		free((void *)r->headers[i].name);
		free((void *)r->headers[i].value);
	}
	free((void *)r->etag);
	free((void *)r->last_modified);
	memset(r, 0, sizeof(*r));
}

/* The route for path, added (unrouted) when there is none; under lock. */
static struct route *
route_get(struct httpd *h, const char *path, int add)
{
	struct route *rt;
	size_t i;

	for (i = 0; i < h->n; i++)
		if (strcmp(h->routes[i]->path, path) == 0)
			return h->routes[i];
	if (!add)
		return NULL;
	if (h->n == h->alloc) {
		h->alloc = h->alloc ? h->alloc * 2 : 16;
		h->routes = xrealloc(h->routes, h->alloc * sizeof(*h->routes));
	}
	rt = xcalloc(1, sizeof(*rt));
	rt->path = xstrdup(path);
	h->routes[h->n++] = rt;
	return rt;
}

static enum MHD_Result
record_header(void *cls, enum MHD_ValueKind kind, const char *key, const char *value)
{
	(void)kind;
	hdrs_add(cls, key, value);
	return MHD_YES;
}

/* Sleeps ms milliseconds in small steps; 0 when the server is stopping
 * meanwhile, so that no response keeps httpd_stop() waiting. */
static int
pause_ms(struct httpd *h, unsigned ms)
{
	struct timespec step = { 0, 10 * 1000 * 1000 };
	unsigned slept;

	for (slept = 0; slept < ms; slept += 10) {
		if (atomic_load(&h->stopping))
			return 0;
		nanosleep(&step, NULL);
	}
	return !atomic_load(&h->stopping);
}

static ssize_t
stream_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	struct stream *s = cls;
	struct timespec step = { 0, 10 * 1000 * 1000 };
	size_t n;

	if (pos < s->len) {
		if (s->drip_ms) {
			if (pos > 0 && !pause_ms(s->h, s->drip_ms))
				return MHD_CONTENT_READER_END_WITH_ERROR;
			max = 1;
		}
		n = s->len - (size_t)pos;
		if (n > max)
			n = max;
		memcpy(buf, s->data + pos, n);
		return (ssize_t)n;
	}
	if (!s->stall)
		return MHD_CONTENT_READER_END_OF_STREAM;
	while (!atomic_load(&s->h->stopping))
		nanosleep(&step, NULL);
	return MHD_CONTENT_READER_END_WITH_ERROR;
}

static void
stream_free(void *cls)
{
	struct stream *s = cls;

	free(s->data);
	free(s);
}

static void
add_header(struct MHD_Response *resp, const char *name, const char *value)
{
	if (MHD_add_response_header(resp, name, value) != MHD_YES)
		fprintf(stderr, "httpd: cannot add header '%s: %s'\n", name, value);
}

/* The response for a request to rt, whose headers are in rt->last; under
 * lock.  Sets *status. */
static struct MHD_Response *
make_response(struct httpd *h, const struct route *rt, unsigned *status)
{
	const struct httpd_response *r = &rt->r;
	struct MHD_Response *resp;
	const char *inm, *ims;
	size_t i;

	if (!rt->routed) {
		static const char nf[] = "not found\n";

		*status = MHD_HTTP_NOT_FOUND;
		return MHD_create_response_from_buffer(sizeof(nf) - 1, (void *)nf,
		                                       MHD_RESPMEM_PERSISTENT);
	}
	*status = r->status ? r->status : MHD_HTTP_OK;
	inm = hdrs_get(&rt->last, "If-None-Match");
	ims = hdrs_get(&rt->last, "If-Modified-Since");
	if (*status >= 200 && *status < 300 &&
	    ((r->etag && inm && strcmp(r->etag, inm) == 0) ||
	     (r->last_modified && ims && strcmp(r->last_modified, ims) == 0))) {
		*status = MHD_HTTP_NOT_MODIFIED;
		resp = MHD_create_response_from_buffer(0, (void *)"", MHD_RESPMEM_PERSISTENT);
	} else if (r->chunked || r->stall || r->drip_ms) {
		struct stream *s = xcalloc(1, sizeof(*s));

		s->h = h;
		s->len = r->len;
		if (r->claimed_length && r->claimed_length < s->len)
			s->len = r->claimed_length;
		s->data = xmalloc(r->len ? r->len : 1);
		if (r->len)
			memcpy(s->data, r->body, r->len);
		s->stall = r->stall;
		s->drip_ms = r->drip_ms;
		resp = MHD_create_response_from_callback(r->claimed_length ?
		                                         (uint64_t)r->claimed_length :
		                                         MHD_SIZE_UNKNOWN, 4096,
		                                         stream_read, s, stream_free);
		if (!resp)
			stream_free(s);
	} else {
		resp = MHD_create_response_from_buffer(r->len, (void *)(r->body ? r->body : ""),
		                                       MHD_RESPMEM_MUST_COPY);
	}
	if (!resp)
		return NULL;
	if (r->etag)
		add_header(resp, MHD_HTTP_HEADER_ETAG, r->etag);
	if (r->last_modified)
		add_header(resp, MHD_HTTP_HEADER_LAST_MODIFIED, r->last_modified);
	for (i = 0; i < HTTPD_MAX_HEADERS && r->headers[i].name; i++)
		add_header(resp, r->headers[i].name, r->headers[i].value);
	return resp;
}

/* A request arrives: logged, counted in flight; returns its visit. */
static size_t
arrive(struct httpd *h, const char *url, unsigned *seq, int *present)
{
	struct visit *v;

	*present = atomic_fetch_add(&all_in_flight, 1) > 0;
	*seq = atomic_fetch_add(&all_arrivals, 1) + 1;
	if (h->nvisits == h->avisits) {
		h->avisits = h->avisits ? 2 * h->avisits : 16;
		h->visits = xrealloc(h->visits, h->avisits * sizeof(*h->visits));
	}
	v = &h->visits[h->nvisits];
	memset(v, 0, sizeof(*v));
	v->path = xstrdup(url);
	v->arrived = mono_now();
	if (++h->in_flight > h->max_in_flight)
		h->max_in_flight = h->in_flight;
	return h->nvisits++;
}

/* Holds a request (arrived as number seq) until another one, at any
 * server of the process, is in flight with it, or for hold_ms. */
static void
hold(struct httpd *h, unsigned hold_ms, unsigned seq, int present)
{
	struct timespec step = { 0, 2 * 1000 * 1000 };
	double until = mono_now() + hold_ms / 1000.0;

	while (!present && atomic_load(&all_arrivals) == seq && mono_now() < until &&
	       !atomic_load(&h->stopping))
		nanosleep(&step, NULL);
}

static enum MHD_Result
handle(void *cls, struct MHD_Connection *c, const char *url, const char *method,
       const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
	static int seen;
	struct httpd *h = cls;
	struct MHD_Response *resp;
	struct route *rt;
	enum MHD_Result ret;
	unsigned status, hold_ms, seq;
	size_t visit;
	int present;

	(void)method, (void)version, (void)upload;
	if (!*con_cls) {		/* headers only so far */
		*con_cls = &seen;
		return MHD_YES;
	}
	if (*upload_size) {		/* a request body: ignored */
		*upload_size = 0;
		return MHD_YES;
	}
	pthread_mutex_lock(&h->lock);
	visit = arrive(h, url, &seq, &present);
	rt = route_get(h, url, 1);
	rt->hits++;
	h->total++;
	hdrs_clear(&rt->last);
	MHD_get_connection_values(c, MHD_HEADER_KIND, record_header, &rt->last);
	resp = make_response(h, rt, &status);
	hold_ms = rt->routed ? rt->r.hold_ms : 0;
	pthread_mutex_unlock(&h->lock);
	if (hold_ms)
		hold(h, hold_ms, seq, present);
	pthread_mutex_lock(&h->lock);
	h->visits[visit].answered = mono_now();
	h->visits[visit].overlapped = present || atomic_load(&all_arrivals) != seq;
	h->in_flight--;
	atomic_fetch_sub(&all_in_flight, 1);
	pthread_mutex_unlock(&h->lock);
	if (!resp)
		return MHD_NO;
	ret = MHD_queue_response(c, status, resp);
	MHD_destroy_response(resp);
	return ret;
}

/* 127.0.0.1, port 0: the kernel picks a free one. */
static void
loopback_any_port(struct sockaddr_in *sa)
{
	memset(sa, 0, sizeof(*sa));
	sa->sin_family = AF_INET;
	sa->sin_port = htons(0);
	sa->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
}

static struct MHD_Daemon *
start_daemon(struct httpd *h)
{
	const unsigned flags = MHD_USE_THREAD_PER_CONNECTION |
	                       MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO;
	struct sockaddr_in sa;

	loopback_any_port(&sa);
	if (h->tls)
		return MHD_start_daemon(flags | MHD_USE_TLS, 0, NULL, NULL, handle, h,
		                        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
		                        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
		                        MHD_OPTION_HTTPS_MEM_KEY, h->key_pem,
		                        MHD_OPTION_HTTPS_MEM_CERT, h->cert_pem,
		                        MHD_OPTION_END);
	return MHD_start_daemon(flags, 0, NULL, NULL, handle, h,
	                        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
	                        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
	                        MHD_OPTION_END);
}

static struct httpd *
start(const char *key_pem, const char *cert_pem)
{
	struct httpd *h = xcalloc(1, sizeof(*h));
	const union MHD_DaemonInfo *info;

	atomic_init(&h->stopping, 0);
	pthread_mutex_init(&h->lock, NULL);
	if (key_pem) {
		h->tls = 1;
		h->key_pem = xstrdup(key_pem);
		h->cert_pem = xstrdup(cert_pem);
	}
	h->d = start_daemon(h);
	if (!h->d) {
		fprintf(stderr, "httpd: cannot start libmicrohttpd on 127.0.0.1%s\n",
		        h->tls ? " with TLS" : "");
		goto fail;
	}
	info = MHD_get_daemon_info(h->d, MHD_DAEMON_INFO_BIND_PORT);
	if (!info || !info->port) {
		fprintf(stderr, "httpd: cannot read the port back\n");
		MHD_stop_daemon(h->d);
		goto fail;
	}
	h->port = info->port;
	return h;

fail:
	pthread_mutex_destroy(&h->lock);
	free(h->key_pem);
	free(h->cert_pem);
	free(h);
	return NULL;
}

struct httpd *
httpd_start(void)
{
	return start(NULL, NULL);
}

int
httpd_tls_supported(void)
{
	return MHD_is_feature_supported(MHD_FEATURE_TLS) == MHD_YES;
}

struct httpd *
httpd_start_tls(const char *key_pem, const char *cert_pem)
{
	if (!httpd_tls_supported()) {
		fprintf(stderr, "httpd: this libmicrohttpd has no TLS support\n");
		return NULL;
	}
	return start(key_pem, cert_pem);
}

void
httpd_route(struct httpd *h, const char *path, const struct httpd_response *r)
{
	struct route *rt;

	pthread_mutex_lock(&h->lock);
	rt = route_get(h, path, 1);
	response_release(&rt->r);
	response_copy(&rt->r, r);
	rt->routed = 1;
	pthread_mutex_unlock(&h->lock);
}

char *
httpd_url(struct httpd *h, const char *path)
{
	return xasprintf("%s://127.0.0.1:%u%s", h->tls ? "https" : "http", h->port, path);
}

unsigned
httpd_port(struct httpd *h)
{
	return h->port;
}

unsigned
httpd_hits(struct httpd *h, const char *path)
{
	struct route *rt;
	unsigned n;

	pthread_mutex_lock(&h->lock);
	if (!path) {
		n = h->total;
	} else {
		rt = route_get(h, path, 0);
		n = rt ? rt->hits : 0;
	}
	pthread_mutex_unlock(&h->lock);
	return n;
}

char *
httpd_last_header(struct httpd *h, const char *path, const char *name)
{
	struct route *rt;
	char *v = NULL;

	pthread_mutex_lock(&h->lock);
	rt = route_get(h, path, 0);
	if (rt)
		v = xstrdup(hdrs_get(&rt->last, name));
	pthread_mutex_unlock(&h->lock);
	return v;
}

size_t
httpd_visits(struct httpd *h, struct httpd_visit *v, size_t max)
{
	size_t i, n;

	pthread_mutex_lock(&h->lock);
	n = h->nvisits;
	for (i = 0; i < n && i < max; i++) {
		snprintf(v[i].path, sizeof(v[i].path), "%s", h->visits[i].path);
		v[i].arrived = h->visits[i].arrived;
		v[i].answered = h->visits[i].answered;
		v[i].overlapped = h->visits[i].overlapped;
	}
	pthread_mutex_unlock(&h->lock);
	return n;
}

unsigned
httpd_max_in_flight(struct httpd *h)
{
	unsigned n;

	pthread_mutex_lock(&h->lock);
	n = h->max_in_flight;
	pthread_mutex_unlock(&h->lock);
	return n;
}

void
httpd_stop(struct httpd *h)
{
	size_t i;

	if (!h)
		return;
	atomic_store(&h->stopping, 1);
	MHD_stop_daemon(h->d);
	for (i = 0; i < h->n; i++) {
		free(h->routes[i]->path);
		response_release(&h->routes[i]->r);
		hdrs_release(&h->routes[i]->last);
		free(h->routes[i]);
	}
	free(h->routes);
	for (i = 0; i < h->nvisits; i++)
		free(h->visits[i].path);
	free(h->visits);
	pthread_mutex_destroy(&h->lock);
	free(h->key_pem);
	free(h->cert_pem);
	free(h);
}

struct rawd {
	int fd;				/* listening */
	unsigned port;
	char *reply;
	size_t len;
	int reset;
	atomic_int stopping, done;
	pthread_t thread;
};

/* Waits for fd to become readable; 0 once the server is stopping. */
static int
rawd_wait(struct rawd *r, int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	while (!atomic_load(&r->stopping)) {
		if (poll(&p, 1, 20) > 0)
			return 1;
	}
	return 0;
}

/* Reads the request up to its blank line (or until the client stops), so
 * that closing does not race the request still arriving. */
static int
rawd_read_head(struct rawd *r, int c)
{
	char buf[4096];
	size_t have = 0;
	ssize_t n;

	while (have < sizeof(buf) - 1 && rawd_wait(r, c)) {
		n = recv(c, buf + have, sizeof(buf) - 1 - have, 0);
		if (n <= 0)
			return -1;
		have += (size_t)n;
		buf[have] = '\0';
		if (strstr(buf, "\r\n\r\n"))
			return 0;
	}
	return -1;
}

static void
rawd_send(int c, const char *p, size_t len)
{
	ssize_t n;

	while (len > 0) {
		n = send(c, p, len, MSG_NOSIGNAL);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return;
		p += n;
		len -= (size_t)n;
	}
}

static void *
rawd_main(void *cls)
{
	struct rawd *r = cls;
	struct linger lg = { .l_onoff = 1, .l_linger = 0 };
	int c;

	if (!rawd_wait(r, r->fd) || (c = accept(r->fd, NULL, NULL)) < 0)
		return NULL;
	if (rawd_read_head(r, c) == 0)
		rawd_send(c, r->reply, r->len);
	if (r->reset && setsockopt(c, SOL_SOCKET, SO_LINGER, &lg, sizeof(lg)) != 0)
		perror("rawd: SO_LINGER");
	close(c);
	atomic_store(&r->done, 1);
	return NULL;
}

struct rawd *
rawd_start(const void *reply, size_t len, int reset)
{
	struct rawd *r = xcalloc(1, sizeof(*r));
	struct sockaddr_in sa;
	socklen_t salen = sizeof(sa);

	loopback_any_port(&sa);
	r->reply = xmalloc(len ? len : 1);
	memcpy(r->reply, reply, len);
	r->len = len;
	r->reset = reset;
	atomic_init(&r->stopping, 0);
	atomic_init(&r->done, 0);
	if ((r->fd = socket(AF_INET, SOCK_STREAM, 0)) < 0 ||
	    bind(r->fd, (struct sockaddr *)&sa, sizeof(sa)) != 0 ||
	    listen(r->fd, 4) != 0 ||
	    getsockname(r->fd, (struct sockaddr *)&sa, &salen) != 0) {
		perror("rawd: cannot listen on 127.0.0.1");
		goto fail;
	}
	r->port = ntohs(sa.sin_port);
	if (pthread_create(&r->thread, NULL, rawd_main, r) != 0) {
		fprintf(stderr, "rawd: cannot start a thread\n");
		goto fail;
	}
	return r;

fail:
	if (r->fd >= 0)
		close(r->fd);
	free(r->reply);
	free(r);
	return NULL;
}

char *
rawd_url(struct rawd *r, const char *path)
{
	return xasprintf("http://127.0.0.1:%u%s", r->port, path);
}

int
rawd_done(struct rawd *r)
{
	struct timespec tick = { 0, 10 * 1000 * 1000 };
	int i;

	/* The client may see the connection close a moment before the
	 * server's thread marks it done: wait for that, a while. */
	for (i = 0; i < 500 && !atomic_load(&r->done); i++)
		nanosleep(&tick, NULL);
	return atomic_load(&r->done);
}

void
rawd_stop(struct rawd *r)
{
	if (!r)
		return;
	atomic_store(&r->stopping, 1);
	pthread_join(r->thread, NULL);
	close(r->fd);
	free(r->reply);
	free(r);
}
