#include "httpd.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <time.h>

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

struct httpd {
	struct MHD_Daemon *d;
	unsigned port;
	atomic_int stopping;
	pthread_mutex_t lock;		/* guards everything below */
	struct route **routes;
	size_t n, alloc;
	unsigned total;
};

/* A body sent through a callback: without Content-Length, maybe stalling. */
struct stream {
	struct httpd *h;
	char *data;
	size_t len;
	int stall;
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

static ssize_t
stream_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	struct stream *s = cls;
	struct timespec step = { 0, 10 * 1000 * 1000 };
	size_t n;

	if (pos < s->len) {
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
	} else if (r->chunked || r->stall) {
		struct stream *s = xcalloc(1, sizeof(*s));

		s->h = h;
		s->len = r->len;
		if (r->claimed_length && r->claimed_length < s->len)
			s->len = r->claimed_length;
		s->data = xmalloc(r->len ? r->len : 1);
		if (r->len)
			memcpy(s->data, r->body, r->len);
		s->stall = r->stall;
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

static enum MHD_Result
handle(void *cls, struct MHD_Connection *c, const char *url, const char *method,
       const char *version, const char *upload, size_t *upload_size, void **con_cls)
{
	static int seen;
	struct httpd *h = cls;
	struct MHD_Response *resp;
	struct route *rt;
	enum MHD_Result ret;
	unsigned status;

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
	rt = route_get(h, url, 1);
	rt->hits++;
	h->total++;
	hdrs_clear(&rt->last);
	MHD_get_connection_values(c, MHD_HEADER_KIND, record_header, &rt->last);
	resp = make_response(h, rt, &status);
	pthread_mutex_unlock(&h->lock);
	if (!resp)
		return MHD_NO;
	ret = MHD_queue_response(c, status, resp);
	MHD_destroy_response(resp);
	return ret;
}

struct httpd *
httpd_start(void)
{
	struct httpd *h = xcalloc(1, sizeof(*h));
	struct sockaddr_in sa;
	const union MHD_DaemonInfo *info;

	memset(&sa, 0, sizeof(sa));
	sa.sin_family = AF_INET;
	sa.sin_port = htons(0);
	sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	atomic_init(&h->stopping, 0);
	pthread_mutex_init(&h->lock, NULL);
	h->d = MHD_start_daemon(MHD_USE_THREAD_PER_CONNECTION |
	                        MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_AUTO,
	                        0, NULL, NULL, handle, h,
	                        MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
	                        MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
	                        MHD_OPTION_END);
	if (!h->d) {
		fprintf(stderr, "httpd: cannot start libmicrohttpd on 127.0.0.1\n");
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
	free(h);
	return NULL;
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
	return xasprintf("http://127.0.0.1:%u%s", h->port, path);
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
	pthread_mutex_destroy(&h->lock);
	free(h);
}
