/* test_fetch.c: fetch_url and fetch_batch against a local libmicrohttpd server. */
#include <arpa/inet.h>
#include <check.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "fetch.h"
#include "httpd.h"
#include "libcurl.h"
#include "testutil.h"

#define UA "eedraws-test/1"
#define LM "Wed, 21 Oct 2015 07:28:00 GMT"
#define FIXTURE_LINE "eedraws gzip fixture line\n"
#define FIXTURE_LINES 40000

static struct httpd *srv;

static void
setup(void)
{
	struct err e = {0};

	ck_assert_msg(fetch_global_init(&e) == 0, "%s", e.msg);
	srv = httpd_start();
	ck_assert_ptr_nonnull(srv);
}

static void
teardown(void)
{
	httpd_stop(srv);
	srv = NULL;
	fetch_global_cleanup();
}

static void
test_opts(struct fetch_opts *o)
{
	fetch_opts_init(o);
	o->user_agent = UA;
	o->connect_timeout = 5;
	o->timeout = 10;
}

/* fetch_url on the test server's path. */
static int
fetch_path(const char *path, const struct fetch_opts *o, struct body *b, struct err *e)
{
	char *url = httpd_url(srv, path);
	int rc = fetch_url(url, o, b, e);

	free(url);
	return rc;
}

/* A body whose fields are not those of an empty one, to see them change. */
static void
poison(struct body *b)
{
	static char sentinel[] = "sentinel";

	memset(b, 0, sizeof(*b));
	b->data = b->url = b->etag = b->last_modified = b->content_type = sentinel;
	b->len = sizeof(sentinel) - 1;
	b->status = 999;
	b->fetched_at = 12345;
}

/* A 304: nothing to release, only the status. */
static void
assert_not_modified(const struct body *b)
{
	ck_assert_ptr_null(b->data);
	ck_assert_uint_eq(b->len, 0);
	ck_assert_ptr_null(b->url);
	ck_assert_ptr_null(b->etag);
	ck_assert_int_eq(b->status, 304);
}

static void
assert_zeroed(const struct body *b)
{
	ck_assert_ptr_null(b->data);
	ck_assert_uint_eq(b->len, 0);
	ck_assert_ptr_null(b->url);
	ck_assert_int_eq(b->status, 0);
	ck_assert_int_eq(b->fetched_at, 0);
	ck_assert_ptr_null(b->etag);
	ck_assert_ptr_null(b->last_modified);
	ck_assert_ptr_null(b->content_type);
}

#define assert_has(hay, needle) \
	ck_assert_msg(strstr((hay), (needle)) != NULL, \
	              "'%s' does not contain '%s'", (hay), (needle))

/* The last request's header for path; NULL when it was not sent. */
static void
assert_sent(const char *path, const char *name, const char *want)
{
	char *got = httpd_last_header(srv, path, name);

	ck_assert_pstr_eq(got, want);
	free(got);
}

/* Runs fetch_url with stderr going to a string (caller frees). */
static int
fetch_capturing_stderr(const char *path, const struct fetch_opts *o, struct body *b,
                       struct err *e, char **captured)
{
	char tmpl[] = "/tmp/eedraws-stderr-XXXXXX";
	int fd, saved, rc;

	fd = mkstemp(tmpl);
	ck_assert(fd >= 0);
	fflush(stderr);
	saved = dup(2);
	ck_assert(saved >= 0);
	ck_assert(dup2(fd, 2) == 2);
	rc = fetch_path(path, o, b, e);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	close(fd);
	*captured = test_slurp(tmpl, NULL);
	unlink(tmpl);
	return rc;
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Bits for a deflate stream (RFC 1951), packed least significant first. */
struct bits {
	struct buf out;
	unsigned acc;
	int n;
};

static void
bits_put(struct bits *b, unsigned v, int n)
{
	unsigned char byte;

	while (n-- > 0) {
		b->acc |= (v & 1u) << b->n;
		v >>= 1;
		if (++b->n == 8) {
			byte = (unsigned char)b->acc;
			buf_add(&b->out, &byte, 1);
			b->acc = 0;
			b->n = 0;
		}
	}
}

/* A Huffman code goes most significant bit first. */
static void
bits_code(struct bits *b, unsigned code, int n)
{
	while (n-- > 0)
		bits_put(b, code >> n, 1);
}

static uint32_t
crc32_of_zeros(size_t n)
{
	uint32_t table[256], c, crc = 0xffffffffu;
	unsigned i, k;

	for (i = 0; i < 256; i++) {
		for (c = i, k = 0; k < 8; k++)
			c = c & 1 ? 0xedb88320u ^ (c >> 1) : c >> 1;
		table[i] = c;
	}
	while (n--)
		crc = table[crc & 0xff] ^ (crc >> 8);
	return crc ^ 0xffffffffu;
}

static void
put_le32(struct buf *b, uint32_t v)
{
	unsigned char p[4] = { v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >> 24 };

	buf_add(b, p, sizeof(p));
}

/* A valid gzip member of n zero bytes, squeezed as hard as a fixed-Huffman
 * block allows: one literal 0, then copies of 258 bytes at distance 1, 13
 * bits each (about 1:160).  zlib is not among the test's libraries, so
 * the test crafts the stream itself.  Caller frees.  (test_update.c's
 * bomb too: see testutil.h.) */
char *
gzip_zeros(size_t n, size_t *len)
{
	static const unsigned char head[10] = { 0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff };
	struct bits b = { { 0 }, 0, 0 };
	size_t left = n;

	buf_add(&b.out, head, sizeof(head));
	bits_put(&b, 1, 1);		/* BFINAL */
	bits_put(&b, 1, 2);		/* BTYPE 01: fixed Huffman codes */
	if (left > 0) {
		bits_code(&b, 0x30, 8);	/* literal 0 */
		left--;
	}
	for (; left >= 258; left -= 258) {
		bits_code(&b, 0xc5, 8);	/* length 258 (code 285) */
		bits_code(&b, 0, 5);	/* distance 1 (code 0) */
	}
	for (; left > 0; left--)
		bits_code(&b, 0x30, 8);
	bits_code(&b, 0, 7);		/* end of block (256) */
	bits_put(&b, 0, 7);		/* pad to a byte */
	put_le32(&b.out, crc32_of_zeros(n));
	put_le32(&b.out, (uint32_t)n);
	return buf_detach(&b.out, len);
}

/* The process's peak resident set in kB, reset first when reset (Linux
 * only); -1 when /proc cannot tell. */
static long
peak_rss_kb(int reset)
{
	char line[256];
	long kb = -1;
	FILE *f;

	if (reset && (f = fopen("/proc/self/clear_refs", "w"))) {
		fputs("5", f);
		fclose(f);
	}
	if (!(f = fopen("/proc/self/status", "r")))
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "VmHWM: %ld kB", &kb) == 1)
			break;
	fclose(f);
	return kb;
}

/* fetch_url on url must fail with code, *b zeroed and e->msg naming url
 * and holding each of the NULL-terminated needles. */
static void
assert_fails_with(const char *url, const struct fetch_opts *o, int code, ...)
{
	struct body b;
	struct err e = {0};
	const char *needle;
	va_list ap;

	poison(&b);
	ck_assert_int_eq(fetch_url(url, o, &b, &e), code);
	ck_assert_int_eq(e.code, code);
	assert_has(e.msg, url);
	va_start(ap, code);
	while ((needle = va_arg(ap, const char *)))
		assert_has(e.msg, needle);
	va_end(ap);
	assert_zeroed(&b);
}

START_TEST(test_fetch_opts_init_sets_defaults)
{
	struct fetch_opts o;

	memset(&o, 0xff, sizeof(o));
	fetch_opts_init(&o);
	ck_assert_ptr_null(o.user_agent);
	ck_assert_int_eq(o.connect_timeout, 10);
	ck_assert_int_eq(o.timeout, 60);
	ck_assert_uint_eq(o.max_size, 16 * 1024 * 1024);
	ck_assert_int_eq(o.max_redirects, 5);
	ck_assert_ptr_null(o.etag);
	ck_assert_ptr_null(o.last_modified);
	ck_assert_int_eq(o.verbose, 0);
}
END_TEST

START_TEST(test_fetch_returns_body_and_validators)
{
	static const char json[] = "{\"rounds\": []}\n";
	struct httpd_response r = {
		.body = json, .len = sizeof(json) - 1,
		.etag = "\"v1\"", .last_modified = LM,
		.headers = { { "Content-Type", "application/json; charset=utf-8" } },
	};
	struct fetch_opts o;
	struct body b;
	struct err e = {0};
	char *url = httpd_url(srv, "/feed.json");
	time_t before, after;

	httpd_route(srv, "/feed.json", &r);
	test_opts(&o);
	poison(&b);
	before = time(NULL);
	ck_assert_msg(fetch_url(url, &o, &b, &e) == 0, "%s", e.msg);
	after = time(NULL);
	ck_assert_int_eq(b.status, 200);
	ck_assert_uint_eq(b.len, sizeof(json) - 1);
	ck_assert_mem_eq(b.data, json, sizeof(json));	/* with the NUL */
	ck_assert_str_eq(b.url, url);
	ck_assert_pstr_eq(b.etag, "\"v1\"");
	ck_assert_pstr_eq(b.last_modified, LM);
	ck_assert_pstr_eq(b.content_type, "application/json; charset=utf-8");
	ck_assert(b.fetched_at >= before && b.fetched_at <= after);
	ck_assert_uint_eq(httpd_hits(srv, "/feed.json"), 1);
	assert_sent("/feed.json", "User-Agent", UA);
	assert_sent("/feed.json", "If-None-Match", NULL);
	assert_sent("/feed.json", "If-Modified-Since", NULL);
	body_release(&b);
	free(url);
}
END_TEST

START_TEST(test_fetch_empty_body_is_empty_string)
{
	struct httpd_response r = { .status = 200 };
	struct fetch_opts o;
	struct body b = {0};
	struct err e = {0};

	httpd_route(srv, "/empty", &r);
	test_opts(&o);
	ck_assert_msg(fetch_path("/empty", &o, &b, &e) == 0, "%s", e.msg);
	ck_assert_ptr_nonnull(b.data);
	ck_assert_uint_eq(b.len, 0);
	ck_assert_int_eq(b.data[0], '\0');
	ck_assert_ptr_null(b.etag);
	ck_assert_ptr_null(b.last_modified);
	body_release(&b);
}
END_TEST

START_TEST(test_fetch_etag_match_is_not_modified)
{
	struct httpd_response r = { .body = "v1", .len = 2, .etag = "\"abc\"" };
	struct fetch_opts o;
	struct body b = {0}, again;
	struct err e = {0};

	httpd_route(srv, "/feed", &r);
	test_opts(&o);
	ck_assert_msg(fetch_path("/feed", &o, &b, &e) == 0, "%s", e.msg);
	ck_assert_pstr_eq(b.etag, "\"abc\"");

	o.etag = b.etag;
	poison(&again);
	ck_assert_int_eq(fetch_path("/feed", &o, &again, &e), 0);
	assert_not_modified(&again);
	assert_sent("/feed", "If-None-Match", "\"abc\"");
	assert_sent("/feed", "If-Modified-Since", NULL);

	/* A stale validator gets the body again. */
	o.etag = "\"old\"";
	ck_assert_msg(fetch_path("/feed", &o, &again, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(again.status, 200);
	ck_assert_str_eq(again.data, "v1");
	assert_sent("/feed", "If-None-Match", "\"old\"");
	ck_assert_uint_eq(httpd_hits(srv, "/feed"), 3);
	body_release(&again);
	body_release(&b);
}
END_TEST

START_TEST(test_fetch_last_modified_match_is_not_modified)
{
	struct httpd_response r = { .body = "v1", .len = 2, .last_modified = LM };
	struct fetch_opts o;
	struct body b = {0}, again;
	struct err e = {0};

	httpd_route(srv, "/feed", &r);
	test_opts(&o);
	ck_assert_msg(fetch_path("/feed", &o, &b, &e) == 0, "%s", e.msg);
	ck_assert_pstr_eq(b.last_modified, LM);
	ck_assert_ptr_null(b.etag);

	o.last_modified = b.last_modified;
	poison(&again);
	ck_assert_int_eq(fetch_path("/feed", &o, &again, &e), 0);
	assert_not_modified(&again);
	assert_sent("/feed", "If-Modified-Since", LM);
	assert_sent("/feed", "If-None-Match", NULL);
	ck_assert_uint_eq(httpd_hits(srv, "/feed"), 2);
	body_release(&b);
}
END_TEST

START_TEST(test_fetch_does_not_send_validators_with_line_breaks)
{
	struct httpd_response r = { .body = "v1", .len = 2 };
	struct fetch_opts o;
	struct body b = {0};
	struct err e = {0};

	httpd_route(srv, "/feed", &r);
	test_opts(&o);
	o.etag = "\"abc\"\r\nX-Injected: 1";
	o.last_modified = LM "\nX-Injected: 2";
	ck_assert_msg(fetch_path("/feed", &o, &b, &e) == 0, "%s", e.msg);
	assert_sent("/feed", "If-None-Match", NULL);
	assert_sent("/feed", "If-Modified-Since", NULL);
	assert_sent("/feed", "X-Injected", NULL);
	body_release(&b);
}
END_TEST

START_TEST(test_fetch_decodes_gzip)
{
	size_t zlen, i;
	char *gz = test_slurp(test_data("fetch-lines.txt.gz"), &zlen);
	struct httpd_response r = {
		.body = gz, .len = zlen,
		.headers = {
			{ "Content-Encoding", "gzip" },
			{ "Content-Type", "text/plain" },
		},
	};
	struct fetch_opts o;
	struct body b = {0};
	struct err e = {0};
	char *ae;
	const size_t line = sizeof(FIXTURE_LINE) - 1;

	httpd_route(srv, "/lines.txt", &r);
	test_opts(&o);
	ck_assert_msg(fetch_path("/lines.txt", &o, &b, &e) == 0, "%s", e.msg);
	ck_assert_uint_eq(b.len, line * FIXTURE_LINES);
	for (i = 0; i < FIXTURE_LINES; i++)
		ck_assert_msg(memcmp(b.data + i * line, FIXTURE_LINE, line) == 0,
		              "line %zu differs", i + 1);
	ck_assert_int_eq(b.data[b.len], '\0');
	ck_assert_pstr_eq(b.content_type, "text/plain");
	ae = httpd_last_header(srv, "/lines.txt", "Accept-Encoding");
	ck_assert_ptr_nonnull(ae);
	assert_has(ae, "gzip");
	free(ae);
	body_release(&b);
	free(gz);
}
END_TEST

START_TEST(test_fetch_http_404_is_tempfail)
{
	struct fetch_opts o;
	struct body b;
	struct err e = {0};
	char *url = httpd_url(srv, "/nowhere.json");

	test_opts(&o);
	poison(&b);
	ck_assert_int_eq(fetch_url(url, &o, &b, &e), EX_TEMPFAIL);
	ck_assert_int_eq(e.code, EX_TEMPFAIL);
	assert_has(e.msg, "HTTP 404");
	assert_has(e.msg, url);
	assert_zeroed(&b);
	ck_assert_uint_eq(httpd_hits(srv, "/nowhere.json"), 1);
	free(url);
}
END_TEST

START_TEST(test_fetch_http_500_is_tempfail)
{
	struct httpd_response r = { .status = 500, .body = "oops", .len = 4, .etag = "\"x\"" };
	struct fetch_opts o;
	struct body b;
	struct err e = {0};
	char *url = httpd_url(srv, "/broken");

	httpd_route(srv, "/broken", &r);
	test_opts(&o);
	poison(&b);
	ck_assert_int_eq(fetch_url(url, &o, &b, &e), EX_TEMPFAIL);
	assert_has(e.msg, "HTTP 500");
	assert_has(e.msg, url);
	assert_zeroed(&b);
	free(url);
}
END_TEST

START_TEST(test_fetch_truncated_body_is_tempfail)
{
	/* Content-Length 100, then 3 bytes and the connection closed. */
	struct httpd_response r = {
		.body = "abc", .len = 3, .chunked = 1, .claimed_length = 100,
	};
	struct fetch_opts o;
	struct body b;
	struct err e = {0};
	char *url = httpd_url(srv, "/cut");

	httpd_route(srv, "/cut", &r);
	test_opts(&o);
	poison(&b);
	ck_assert_int_eq(fetch_url(url, &o, &b, &e), EX_TEMPFAIL);
	assert_has(e.msg, url);
	assert_has(e.msg, "closed the connection before the whole body arrived");
	assert_has(e.msg, "97 bytes remaining");
	assert_zeroed(&b);
	free(url);
}
END_TEST

START_TEST(test_fetch_short_body_then_close_is_tempfail)
{
	/* The same below libmicrohttpd: 3 of 100 bytes, then an orderly close. */
	static const char reply[] = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n"
	                            "Content-Type: application/json\r\n\r\n{\"r";
	struct rawd *raw = rawd_start(reply, sizeof(reply) - 1, 0);
	struct fetch_opts o;
	char *url;

	ck_assert_ptr_nonnull(raw);
	url = rawd_url(raw, "/feed.json");
	test_opts(&o);
	assert_fails_with(url, &o, EX_TEMPFAIL,
	                  "closed the connection before the whole body arrived",
	                  "97 bytes remaining", NULL);
	ck_assert(rawd_done(raw));
	rawd_stop(raw);
	free(url);
}
END_TEST

START_TEST(test_fetch_connection_reset_is_tempfail)
{
	/* Headers and part of the body, then a TCP reset. */
	static const char reply[] = "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n"
	                            "Content-Type: application/json\r\n\r\n{\"rounds\": [";
	struct rawd *raw = rawd_start(reply, sizeof(reply) - 1, 1);
	struct fetch_opts o;
	char *url;

	ck_assert_ptr_nonnull(raw);
	url = rawd_url(raw, "/feed.json");
	test_opts(&o);
	assert_fails_with(url, &o, EX_TEMPFAIL, "the connection broke off mid-transfer",
	                  "reset", NULL);
	ck_assert(rawd_done(raw));
	rawd_stop(raw);
	free(url);
}
END_TEST

START_TEST(test_fetch_empty_reply_is_tempfail)
{
	struct rawd *raw = rawd_start("", 0, 0);
	struct fetch_opts o;
	char *url;

	ck_assert_ptr_nonnull(raw);
	url = rawd_url(raw, "/feed.json");
	test_opts(&o);
	assert_fails_with(url, &o, EX_TEMPFAIL,
	                  "the server closed the connection without replying", NULL);
	rawd_stop(raw);
	free(url);
}
END_TEST

START_TEST(test_fetch_stalled_server_times_out)
{
	struct httpd_response r = { .body = "{\"rounds\": [", .len = 12, .stall = 1 };
	struct fetch_opts o;
	struct body b;
	struct err e = {0};
	char *url = httpd_url(srv, "/slow");
	double t0, t;

	httpd_route(srv, "/slow", &r);
	test_opts(&o);
	o.timeout = 2;
	poison(&b);
	t0 = now();
	ck_assert_int_eq(fetch_url(url, &o, &b, &e), EX_TEMPFAIL);
	t = now() - t0;
	ck_assert_msg(t >= 1.5 && t < 5, "gave up after %.2f s", t);
	assert_has(e.msg, "timed out");
	assert_has(e.msg, "only 12 bytes of the body arrived within the 2 s limit");
	assert_has(e.msg, url);
	assert_zeroed(&b);
	ck_assert_uint_eq(httpd_hits(srv, "/slow"), 1);

	/* The stalled response must not hold the server up. */
	t0 = now();
	httpd_stop(srv);
	srv = NULL;
	t = now() - t0;
	ck_assert_msg(t < 1, "httpd_stop took %.2f s", t);
	free(url);
}
END_TEST

START_TEST(test_fetch_redirect_loop_is_tempfail)
{
	char *a = httpd_url(srv, "/a"), *burl = httpd_url(srv, "/b");
	struct httpd_response ra = { .status = 302, .headers = { { "Location", burl } } };
	struct httpd_response rb = { .status = 302, .headers = { { "Location", "/a" } } };
	struct fetch_opts o;
	struct body b;
	struct err e = {0};

	httpd_route(srv, "/a", &ra);
	httpd_route(srv, "/b", &rb);
	test_opts(&o);
	poison(&b);
	ck_assert_int_eq(fetch_url(a, &o, &b, &e), EX_TEMPFAIL);
	assert_has(e.msg, "too many redirects");
	assert_has(e.msg, a);
	assert_zeroed(&b);
	/* The first request and the five redirects allowed. */
	ck_assert_uint_eq(httpd_hits(srv, NULL), 6);
	ck_assert_uint_eq(httpd_hits(srv, "/a"), 3);

	o.max_redirects = 1;
	ck_assert_int_eq(fetch_url(a, &o, &b, &e), EX_TEMPFAIL);
	ck_assert_uint_eq(httpd_hits(srv, NULL), 6 + 2);
	assert_has(e.msg, "more than 1");
	free(a);
	free(burl);
}
END_TEST

/* Redirects to location; the fetch must fail as a data error. */
static void
assert_redirect_refused(const char *location, const char *scheme)
{
	struct httpd_response r = { .status = 302, .headers = { { "Location", location } } };
	struct fetch_opts o;
	struct body b;
	struct err e = {0};
	char *url = httpd_url(srv, "/moved");
	char *want = xasprintf("'%s'", scheme);

	httpd_route(srv, "/moved", &r);
	test_opts(&o);
	poison(&b);
	ck_assert_int_eq(fetch_url(url, &o, &b, &e), EX_DATAERR);
	ck_assert_int_eq(e.code, EX_DATAERR);
	assert_has(e.msg, url);
	assert_has(e.msg, location);
	assert_has(e.msg, want);
	assert_has(e.msg, "not allowed");
	assert_zeroed(&b);
	ck_assert_uint_eq(httpd_hits(srv, NULL), 1);
	free(want);
	free(url);
}

START_TEST(test_fetch_redirect_to_ftp_is_dataerr)
{
	assert_redirect_refused("ftp://127.0.0.1/x", "ftp");
}
END_TEST

START_TEST(test_fetch_redirect_to_file_is_dataerr)
{
	assert_redirect_refused("file:///etc/passwd", "file");
}
END_TEST

START_TEST(test_fetch_follows_http_redirect)
{
	struct httpd_response old = {
		.status = 301, .etag = "\"old\"", .last_modified = LM,
		.headers = { { "Location", "/new" }, { "Content-Type", "text/html" } },
	};
	struct httpd_response fresh = {
		.body = "new body", .len = 8,
		.headers = { { "Content-Type", "text/plain" } },
	};
	struct fetch_opts o;
	struct body b = {0};
	struct err e = {0};
	char *want = httpd_url(srv, "/new");

	httpd_route(srv, "/old", &old);
	httpd_route(srv, "/new", &fresh);
	test_opts(&o);
	ck_assert_msg(fetch_path("/old", &o, &b, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(b.status, 200);
	ck_assert_str_eq(b.data, "new body");
	ck_assert_str_eq(b.url, want);
	/* Only the final response's headers count. */
	ck_assert_ptr_null(b.etag);
	ck_assert_ptr_null(b.last_modified);
	ck_assert_pstr_eq(b.content_type, "text/plain");
	ck_assert_uint_eq(httpd_hits(srv, "/old"), 1);
	ck_assert_uint_eq(httpd_hits(srv, "/new"), 1);
	assert_sent("/new", "User-Agent", UA);
	body_release(&b);
	free(want);
}
END_TEST

/* A 10000-byte body, chunked or not, against a 1000-byte cap. */
static void
assert_over_cap(int chunked)
{
	static char big[10000];
	struct httpd_response r = { .body = big, .len = sizeof(big), .chunked = chunked };
	struct fetch_opts o;
	struct body b;
	struct err e = {0};
	char *url = httpd_url(srv, "/big");

	memset(big, 'x', sizeof(big));
	httpd_route(srv, "/big", &r);
	test_opts(&o);
	o.max_size = 1000;
	poison(&b);
	ck_assert_int_eq(fetch_url(url, &o, &b, &e), EX_DATAERR);
	assert_has(e.msg, "body larger than 1000 bytes");
	assert_has(e.msg, url);
	assert_zeroed(&b);

	/* Exactly at the cap is fine. */
	r.len = 1000;
	httpd_route(srv, "/big", &r);
	ck_assert_msg(fetch_url(url, &o, &b, &e) == 0, "%s", e.msg);
	ck_assert_uint_eq(b.len, 1000);
	body_release(&b);
	free(url);
}

START_TEST(test_fetch_rejects_body_over_max_size_by_length)
{
	assert_over_cap(0);
}
END_TEST

START_TEST(test_fetch_rejects_body_over_max_size_chunked)
{
	assert_over_cap(1);
}
END_TEST

START_TEST(test_fetch_rejects_announced_length_over_max_size_early)
{
	/* Promises a megabyte, sends three bytes and stalls: only a look at
	 * Content-Length can fail it before the timeout. */
	struct httpd_response r = {
		.body = "abc", .len = 3, .stall = 1, .claimed_length = 1000000,
	};
	struct fetch_opts o;
	struct body b;
	struct err e = {0};
	double t0, t;

	httpd_route(srv, "/huge", &r);
	test_opts(&o);
	o.timeout = 5;
	o.max_size = 1000;
	poison(&b);
	t0 = now();
	ck_assert_int_eq(fetch_path("/huge", &o, &b, &e), EX_DATAERR);
	t = now() - t0;
	ck_assert_msg(t < 2, "took %.2f s", t);
	assert_has(e.msg, "body larger than 1000 bytes");
	assert_zeroed(&b);
}
END_TEST

START_TEST(test_fetch_rejects_gzip_decoding_over_max_size)
{
	size_t zlen;
	char *gz = test_slurp(test_data("fetch-lines.txt.gz"), &zlen);
	struct httpd_response r = {
		.body = gz, .len = zlen,
		.headers = { { "Content-Encoding", "gzip" } },
	};
	struct fetch_opts o;
	struct body b;
	struct err e = {0};

	httpd_route(srv, "/bomb", &r);
	test_opts(&o);
	o.max_size = 65536;
	ck_assert_uint_lt(zlen, o.max_size);	/* only the decoded body is too big */
	poison(&b);
	ck_assert_int_eq(fetch_path("/bomb", &o, &b, &e), EX_DATAERR);
	assert_has(e.msg, "body larger than 65536 bytes");
	assert_zeroed(&b);
	free(gz);
}
END_TEST

START_TEST(test_fetch_rejects_non_http_url)
{
	static const char *const bad[] = {
		"file:///etc/passwd", "ftp://127.0.0.1/x", "gopher://127.0.0.1/",
		"mailto:eedraws@example.org", "127.0.0.1/feed.json", "",
	};
	struct fetch_opts o;
	struct body b;
	struct err e;
	size_t i;

	test_opts(&o);
	for (i = 0; i < sizeof(bad) / sizeof(*bad); i++) {
		memset(&e, 0, sizeof(e));
		poison(&b);
		ck_assert_msg(fetch_url(bad[i], &o, &b, &e) == EX_USAGE,
		              "'%s' not refused: %s", bad[i], e.msg);
		ck_assert_int_eq(e.code, EX_USAGE);
		assert_has(e.msg, bad[i]);
		assert_zeroed(&b);
	}
	memset(&e, 0, sizeof(e));
	ck_assert_int_eq(fetch_url("file:///etc/passwd", &o, &b, &e), EX_USAGE);
	assert_has(e.msg, "scheme 'file' is not allowed");
}
END_TEST

START_TEST(test_fetch_connection_refused_is_tempfail)
{
	struct httpd *gone = httpd_start();
	char *url;
	struct fetch_opts o;
	struct body b;
	struct err e = {0};

	ck_assert_ptr_nonnull(gone);
	url = httpd_url(gone, "/feed.json");
	httpd_stop(gone);
	test_opts(&o);
	poison(&b);
	ck_assert_int_eq(fetch_url(url, &o, &b, &e), EX_TEMPFAIL);
	assert_has(e.msg, url);
	assert_has(e.msg, "connect");
	assert_zeroed(&b);
	free(url);
}
END_TEST

START_TEST(test_fetch_verbose_says_one_line)
{
	struct httpd_response r = { .body = "hello", .len = 5, .etag = "\"h\"" };
	struct fetch_opts o;
	struct body b = {0}, again = {0};
	struct err e = {0};
	char *url = httpd_url(srv, "/v");
	char *got, *want;

	httpd_route(srv, "/v", &r);
	test_opts(&o);
	ck_assert_msg(fetch_capturing_stderr("/v", &o, &b, &e, &got) == 0, "%s", e.msg);
	ck_assert_str_eq(got, "");
	free(got);
	body_release(&b);

	o.verbose = 1;
	ck_assert_msg(fetch_capturing_stderr("/v", &o, &b, &e, &got) == 0, "%s", e.msg);
	want = xasprintf("fetch %s: 200, 5 bytes\n", url);
	ck_assert_str_eq(got, want);
	free(got);
	free(want);

	o.etag = b.etag;
	ck_assert_int_eq(fetch_capturing_stderr("/v", &o, &again, &e, &got), 0);
	assert_not_modified(&again);
	want = xasprintf("fetch %s: 304 not modified\n", url);
	ck_assert_str_eq(got, want);
	free(got);
	free(want);
	body_release(&b);
	free(url);
}
END_TEST

START_TEST(test_fetch_stall_mid_body_with_length_times_out)
{
	/* Content-Length 1000 (within max_size), 12 bytes, then silence: the
	 * connection stays open, so only the timeout ends it. */
	struct httpd_response r = {
		.body = "{\"rounds\": [", .len = 12, .stall = 1, .claimed_length = 1000,
	};
	struct fetch_opts o;
	char *url = httpd_url(srv, "/half");
	double t0, t;

	httpd_route(srv, "/half", &r);
	test_opts(&o);
	o.timeout = 2;
	t0 = now();
	assert_fails_with(url, &o, EX_TEMPFAIL, "timed out",
	                  "only 12 bytes of the body arrived within the 2 s limit", NULL);
	t = now() - t0;
	ck_assert_msg(t < 10, "gave up after %.2f s, not within the 2 s timeout", t);
	free(url);
}
END_TEST

START_TEST(test_fetch_dripping_server_times_out)
{
	/* One byte every 200 ms, forever: 5 bytes/s keeps any low-speed
	 * floor happy, so the whole-transfer timeout must end it. */
	static char drip[400];
	struct httpd_response r = { .body = drip, .len = sizeof(drip), .drip_ms = 200, .stall = 1 };
	struct fetch_opts o;
	struct body b;
	struct err e = {0};
	char *url = httpd_url(srv, "/drip");
	const char *got;
	double t0, t;
	int n;

	memset(drip, ' ', sizeof(drip));
	httpd_route(srv, "/drip", &r);
	test_opts(&o);
	o.timeout = 2;
	poison(&b);
	t0 = now();
	ck_assert_int_eq(fetch_url(url, &o, &b, &e), EX_TEMPFAIL);
	t = now() - t0;
	ck_assert_msg(t < 10, "gave up after %.2f s, not within the 2 s timeout", t);
	assert_has(e.msg, url);
	assert_has(e.msg, "timed out");
	assert_has(e.msg, "within the 2 s limit");
	/* It did drip: some bytes came, far from all. */
	ck_assert_msg((got = strstr(e.msg, "only ")) && sscanf(got, "only %d", &n) == 1 &&
	              n > 0 && n < (int)sizeof(drip), "%s", e.msg);
	assert_zeroed(&b);
	free(url);
}
END_TEST

START_TEST(test_fetch_corrupt_gzip_is_dataerr)
{
	static const char garbage[] = "this is not gzip at all\x01\x02\x03";
	/* A good gzip header, then bytes that are no deflate stream. */
	static const char bad_deflate[] = "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff"
	                                  "\xff\xff\xff\xff\xff\xff\xff\xff";
	static const struct { const char *p; size_t n; } bodies[] = {
		{ garbage, sizeof(garbage) - 1 },
		{ bad_deflate, sizeof(bad_deflate) - 1 },
	};
	struct httpd_response r = { .headers = { { "Content-Encoding", "gzip" } } };
	struct fetch_opts o;
	char *url = httpd_url(srv, "/corrupt");
	size_t i;

	test_opts(&o);
	for (i = 0; i < sizeof(bodies) / sizeof(*bodies); i++) {
		r.body = bodies[i].p;
		r.len = bodies[i].n;
		httpd_route(srv, "/corrupt", &r);
		assert_fails_with(url, &o, EX_DATAERR, "the body is corrupt",
		                  "Content-Encoding 'gzip'", NULL);
	}
	free(url);
}
END_TEST

START_TEST(test_fetch_gzip_of_zeros_decodes)
{
	/* The bomb's encoder, small: what it makes is valid gzip. */
	size_t zlen, i;
	char *gz = gzip_zeros(100000, &zlen);
	struct httpd_response r = {
		.body = gz, .len = zlen, .headers = { { "Content-Encoding", "gzip" } },
	};
	struct fetch_opts o;
	struct body b = {0};
	struct err e = {0};

	httpd_route(srv, "/zeros", &r);
	test_opts(&o);
	ck_assert_msg(fetch_path("/zeros", &o, &b, &e) == 0, "%s", e.msg);
	ck_assert_uint_eq(b.len, 100000);
	for (i = 0; i < b.len; i++)
		ck_assert_msg(b.data[i] == 0, "byte %zu is %d", i, b.data[i]);
	body_release(&b);
	free(gz);
}
END_TEST

START_TEST(test_fetch_gzip_bomb_stops_at_max_size)
{
	/* 660 kB on the wire (with a Content-Length within the cap), 100 MB
	 * decoded: the fetch must stop at the 1 MB cap, not decode it all. */
	const size_t decoded = (size_t)100 * 1024 * 1024;
	size_t zlen;
	char *gz = gzip_zeros(decoded, &zlen);
	struct httpd_response r = {
		.body = gz, .len = zlen, .headers = { { "Content-Encoding", "gzip" } },
	};
	struct fetch_opts o;
	char *url = httpd_url(srv, "/bomb");
	long before, after;

	httpd_route(srv, "/bomb", &r);
	test_opts(&o);
	o.max_size = 1024 * 1024;
	ck_assert_uint_lt(zlen, o.max_size);
	before = peak_rss_kb(1);
	assert_fails_with(url, &o, EX_DATAERR, "body larger than 1048576 bytes once decoded",
	                  "Content-Encoding: gzip", NULL);
	after = peak_rss_kb(0);
	if (before < 0 || after < 0)
		fprintf(stderr, "%s: memory not checked: /proc/self/status unreadable\n", __func__);
	else
		ck_assert_msg(after - before < 32 * 1024, "peak memory grew by %ld kB",
		              after - before);
	free(url);
	free(gz);
}
END_TEST

/* A status with Retry-After: value must fail, and set *retry_at. */
static time_t
retry_at_for(unsigned status, const char *value)
{
	struct httpd_response r = {
		.status = status, .body = "busy", .len = 4,
		.headers = { { "Retry-After", value } },
	};
	struct fetch_opts o;
	time_t at = 12345;
	char *url = httpd_url(srv, "/busy");
	char *code = xasprintf("HTTP %u", status);

	httpd_route(srv, "/busy", &r);
	test_opts(&o);
	o.retry_at = &at;
	assert_fails_with(url, &o, EX_TEMPFAIL, code, NULL);
	free(code);
	free(url);
	return at;
}

START_TEST(test_fetch_retry_after_seconds)
{
	time_t before = time(NULL), at, after;
	struct err e = {0};
	struct body b;
	struct fetch_opts o;

	at = retry_at_for(429, "120");
	after = time(NULL);
	ck_assert(at >= before + 120 && at <= after + 120);
	at = retry_at_for(503, "0");
	ck_assert(at >= before && at <= time(NULL));

	/* The message says so, too. */
	test_opts(&o);
	httpd_route(srv, "/busy", &(struct httpd_response){
		.status = 503, .headers = { { "Retry-After", "120" } } });
	ck_assert_int_eq(fetch_path("/busy", &o, &b, &e), EX_TEMPFAIL);
	assert_has(e.msg, "HTTP 503 (service unavailable); the server asks to retry in 120 s");
}
END_TEST

START_TEST(test_fetch_retry_after_http_date)
{
	time_t want = time(NULL) + 3600;
	char date[64];
	struct err e = {0};
	struct body b;
	struct fetch_opts o;

	strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S GMT", gmtime(&want));
	ck_assert_int_eq(retry_at_for(503, date), want);
	ck_assert_int_eq(retry_at_for(429, date), want);

	test_opts(&o);
	httpd_route(srv, "/busy", &(struct httpd_response){
		.status = 429, .headers = { { "Retry-After", date } } });
	ck_assert_int_eq(fetch_path("/busy", &o, &b, &e), EX_TEMPFAIL);
	assert_has(e.msg, "HTTP 429 (too many requests); the server asks to retry after");
	assert_has(e.msg, date);
}
END_TEST

START_TEST(test_fetch_retry_at_zero_without_usable_retry_after)
{
	struct httpd_response ok = { .body = "ok", .len = 2 };
	struct fetch_opts o;
	struct body b = {0};
	struct err e = {0};
	time_t at = 12345;

	ck_assert_int_eq(retry_at_for(503, "soon"), 0);
	ck_assert_int_eq(retry_at_for(503, "-5"), 0);
	ck_assert_int_eq(retry_at_for(503, "99999999999999999999"), 0);
	/* Only 429 and 503 ask to come back later. */
	ck_assert_int_eq(retry_at_for(500, "120"), 0);

	httpd_route(srv, "/ok", &ok);
	test_opts(&o);
	o.retry_at = &at;
	ck_assert_msg(fetch_path("/ok", &o, &b, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(at, 0);
	body_release(&b);
}
END_TEST

START_TEST(test_fetch_unresolvable_host_is_tempfail)
{
	/* .invalid never resolves (RFC 6761); connect_timeout bounds a slow
	 * resolver. */
	const char *url = "http://nonexistent.invalid/feed.json";
	struct fetch_opts o;
	double t0 = now(), t;

	test_opts(&o);
	o.connect_timeout = 2;
	o.timeout = 4;
	assert_fails_with(url, &o, EX_TEMPFAIL, "nonexistent.invalid", "resolv", NULL);
	t = now() - t0;
	ck_assert_msg(t < 10, "took %.2f s", t);
}
END_TEST

START_TEST(test_fetch_self_signed_certificate_is_tempfail)
{
	struct httpd_response r = { .body = "secret", .len = 6 };
	struct httpd *tls;
	struct fetch_opts o;
	char *key, *cert, *url;

	if (!httpd_tls_supported()) {
		fprintf(stderr, "%s: skipped: libmicrohttpd was built without TLS\n", __func__);
		return;
	}
	key = test_slurp(test_data("tls/key.pem"), NULL);
	cert = test_slurp(test_data("tls/cert.pem"), NULL);
	tls = httpd_start_tls(key, cert);
	ck_assert_ptr_nonnull(tls);
	httpd_route(tls, "/feed.json", &r);
	url = httpd_url(tls, "/feed.json");
	ck_assert_str_eq(url + strlen(url) - strlen("/feed.json"), "/feed.json");
	ck_assert(strncmp(url, "https://", 8) == 0);
	test_opts(&o);
	/* The handshake fails at once; the limits only must not cut it short
	 * where everything runs slowly: under valgrind, loading the CA bundle
	 * and both ends of the handshake (this process) take seconds. */
	o.connect_timeout = 60;
	o.timeout = 60;
	assert_fails_with(url, &o, EX_TEMPFAIL,
	                  "the server's TLS certificate could not be verified",
	                  "certificate", NULL);
	/* Refused in the handshake: no request was ever made. */
	ck_assert_uint_eq(httpd_hits(tls, NULL), 0);
	httpd_stop(tls);
	free(url);
	free(key);
	free(cert);
}
END_TEST

/* Batches: the per-host rule.  Each path of the batch answers with its
 * own name; hold_ms makes a response wait for company, so that requests
 * sent together are seen together. */
static void
route_named(struct httpd *h, const char *path, unsigned hold_ms)
{
	struct httpd_response r = { .body = path, .len = strlen(path), .hold_ms = hold_ms };

	httpd_route(h, path, &r);
}

/* Runs a batch of the paths (NULL-terminated) on h through f; every one
 * must come back 200 with its own name. */
static void
batch_ok(struct fetcher *f, struct httpd *h, const char *const *paths)
{
	struct fetch_req r[8];
	char *urls[8];
	size_t i, n;

	for (n = 0; paths[n]; n++) {
		ck_assert_uint_lt(n, 8);
		urls[n] = httpd_url(h, paths[n]);
		memset(&r[n], 0, sizeof(r[n]));
		r[n].url = urls[n];
	}
	fetch_batch(f, r, n);
	for (i = 0; i < n; i++) {
		ck_assert_msg(r[i].rc == 0, "%s: %s", paths[i], r[i].err.msg);
		ck_assert_str_eq(r[i].body.data, paths[i]);
		ck_assert_int_eq(r[i].status, 200);
		body_release(&r[i].body);
		free(urls[i]);
	}
}

static struct fetcher *
test_fetcher(long delay_ms)
{
	struct fetcher *f;
	struct fetch_opts o;
	struct err e = {0};

	test_opts(&o);
	o.delay_ms = delay_ms;
	ck_assert_msg(fetcher_new(&f, &o, &e) == 0, "%s", e.msg);
	return f;
}

START_TEST(test_batch_sends_one_request_at_a_time_to_a_host)
{
	const char *const paths[] = { "/a", "/b", "/c", NULL };
	struct httpd_visit v[4];
	struct fetcher *f = test_fetcher(0);
	size_t i;

	/* Each holds up to 300 ms for another request: sent together, they
	 * would be in flight together. */
	for (i = 0; paths[i]; i++)
		route_named(srv, paths[i], 300);
	batch_ok(f, srv, paths);
	fetcher_free(f);
	ck_assert_uint_eq(httpd_max_in_flight(srv), 1);
	ck_assert_uint_eq(httpd_visits(srv, v, 4), 3);
	for (i = 0; i < 3; i++) {
		ck_assert_str_eq(v[i].path, paths[i]);	/* in the order given */
		ck_assert_int_eq(v[i].overlapped, 0);
	}
}
END_TEST

START_TEST(test_batch_pauses_between_requests_to_a_host)
{
	const char *const first[] = { "/a", "/b", "/c", NULL };
	const char *const later[] = { "/d", NULL };
	struct httpd_visit v[5];
	struct fetcher *f = test_fetcher(250);
	size_t i;

	for (i = 0; first[i]; i++)
		route_named(srv, first[i], 0);
	route_named(srv, "/d", 0);
	batch_ok(f, srv, first);
	/* The pause holds from one batch to the next. */
	batch_ok(f, srv, later);
	fetcher_free(f);
	ck_assert_uint_eq(httpd_visits(srv, v, 5), 4);
	for (i = 1; i < 4; i++)
		ck_assert_msg(v[i].arrived - v[i - 1].answered >= 0.25,
		              "%s came %.3f s after %s was answered", v[i].path,
		              v[i].arrived - v[i - 1].answered, v[i - 1].path);
}
END_TEST

START_TEST(test_batch_fetches_two_hosts_at_once)
{
	struct httpd *other = httpd_start();
	struct httpd_visit v[2];
	struct fetch_req r[3];
	struct fetcher *f = test_fetcher(1000);
	char *a = httpd_url(srv, "/x"), *a2 = httpd_url(srv, "/y"), *b = httpd_url(other, "/x");
	size_t i;

	ck_assert_ptr_nonnull(other);
	/* Each answers only once the other's request is in (or after 5 s):
	 * fetched one after the other, neither overlaps. */
	route_named(srv, "/x", 5000);
	route_named(srv, "/y", 0);
	route_named(other, "/x", 5000);
	memset(r, 0, sizeof(r));
	r[0].url = a;
	r[1].url = a2;		/* waits for srv's /x and its pause */
	r[2].url = b;		/* does not */
	fetch_batch(f, r, 3);
	fetcher_free(f);
	for (i = 0; i < 3; i++) {
		ck_assert_msg(r[i].rc == 0, "%s", r[i].err.msg);
		body_release(&r[i].body);
	}
	ck_assert_uint_eq(httpd_visits(srv, v, 2), 2);
	ck_assert_str_eq(v[0].path, "/x");
	ck_assert_int_eq(v[0].overlapped, 1);
	ck_assert_uint_eq(httpd_visits(other, v, 1), 1);
	ck_assert_int_eq(v[0].overlapped, 1);
	httpd_stop(other);
	free(a), free(a2), free(b);
}
END_TEST

START_TEST(test_batch_gives_each_request_its_own_result)
{
	struct httpd_response busy = { .status = 503, .headers = { { "Retry-After", "60" } } };
	struct httpd_response v1 = { .body = "v1", .len = 2, .etag = "\"1\"" };
	char *u503 = httpd_url(srv, "/busy"), *u404 = httpd_url(srv, "/none");
	char *uetag = httpd_url(srv, "/v1");
	struct fetch_req r[4];
	struct fetcher *f = test_fetcher(0);
	time_t at503 = 0, at404 = 1;

	httpd_route(srv, "/busy", &busy);
	httpd_route(srv, "/v1", &v1);
	memset(r, 0, sizeof(r));
	r[0] = (struct fetch_req){ .url = u503, .retry_at = &at503 };
	r[1] = (struct fetch_req){ .url = u404, .retry_at = &at404 };
	r[2] = (struct fetch_req){ .url = "ftp://example.org/x" };
	r[3] = (struct fetch_req){ .url = uetag, .etag = "\"1\"" };
	fetch_batch(f, r, 4);
	fetcher_free(f);
	ck_assert_int_eq(r[0].rc, EX_TEMPFAIL);
	assert_has(r[0].err.msg, "HTTP 503 (service unavailable); the server asks to retry in 60 s");
	ck_assert_int_eq(r[0].status, 503);
	ck_assert(at503 >= time(NULL) + 55);
	ck_assert_int_eq(r[1].rc, EX_TEMPFAIL);
	assert_has(r[1].err.msg, "HTTP 404 (not found)");
	ck_assert_int_eq(at404, 0);
	ck_assert_int_eq(r[2].rc, EX_USAGE);
	assert_has(r[2].err.msg, "scheme 'ftp' is not allowed");
	ck_assert_int_eq(r[3].outcome, FETCH_NOT_MODIFIED);
	ck_assert_int_eq(r[3].rc, 0);
	ck_assert_int_eq(r[3].status, 304);
	ck_assert_ptr_null(r[3].body.data);
	free(u503), free(u404), free(uetag);
}
END_TEST

START_TEST(test_host_key_is_scheme_host_and_port_in_any_case)
{
	char *k;

	k = fetch_host_key("HTTP://News.Example.ORG/Feed?x=1");
	ck_assert_str_eq(k, "http://news.example.org:80");
	free(k);
	k = fetch_host_key("https://news.example.org:8443/");
	ck_assert_str_eq(k, "https://news.example.org:8443");
	free(k);
	k = fetch_host_key("https://news.example.org/a");
	ck_assert_str_eq(k, "https://news.example.org:443");
	free(k);
	ck_assert_ptr_null(fetch_host_key("ftp://example.org/"));
	ck_assert_ptr_null(fetch_host_key("/relative"));
}
END_TEST

/* Links from feeds (issue 14): never to this machine or its network. */

/* fetch_addr_class() of the text address a. */
static const char *
addr_class(const char *a)
{
	struct sockaddr_in v4 = { .sin_family = AF_INET };
	struct sockaddr_in6 v6 = { .sin6_family = AF_INET6 };

	if (inet_pton(AF_INET, a, &v4.sin_addr) == 1)
		return fetch_addr_class((struct sockaddr *)&v4);
	ck_assert_msg(inet_pton(AF_INET6, a, &v6.sin6_addr) == 1, "%s", a);
	return fetch_addr_class((struct sockaddr *)&v6);
}

START_TEST(test_addresses_a_link_may_not_reach)
{
	static const char *const bad[][2] = {
		{ "127.0.0.1", "loopback" }, { "127.255.0.9", "loopback" },
		{ "::1", "loopback" }, { "::ffff:127.0.0.1", "loopback" },
		{ "10.1.2.3", "private" }, { "172.16.0.1", "private" },
		{ "172.31.255.255", "private" }, { "192.168.1.1", "private" },
		{ "fd00::1", "private" }, { "::ffff:10.0.0.1", "private" },
		{ "2002:c0a8:0101::1", "private" },	/* 6to4 of 192.168.1.1 */
		{ "169.254.169.254", "link-local" }, { "fe80::1", "link-local" },
		{ "224.0.0.1", "multicast" }, { "ff02::1", "multicast" },
		{ "0.0.0.0", "reserved" }, { "::", "reserved" },
		{ "255.255.255.255", "reserved" }, { "100.64.0.1", "reserved" },
		{ "192.0.2.1", "reserved" }, { "2001:db8::1", "reserved" },
		{ "64:ff9b::7f00:1", "loopback" },	/* NAT64 of 127.0.0.1 */
	};
	static const char *const good[] = {
		"8.8.8.8", "172.32.0.1", "192.169.0.1", "205.193.117.158",
		"2606:4700::6810:85e5", "::ffff:8.8.8.8",
	};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		const char *c = addr_class(bad[i][0]);

		ck_assert_msg(c && strcmp(c, bad[i][1]) == 0, "%s: %s", bad[i][0],
		              c ? c : "public");
	}
	for (i = 0; i < sizeof(good) / sizeof(good[0]); i++)
		ck_assert_msg(!addr_class(good[i]), "%s: %s", good[i], addr_class(good[i]));
}
END_TEST

/* Fetches url as a guarded link (trusted: the origins trusted, or NULL)
 * into *r, in a batch of one. */
static void
fetch_link(const char *url, char *const *trusted, struct fetch_req *r)
{
	struct fetcher *f = test_fetcher(0);

	memset(r, 0, sizeof(*r));
	r->url = url;
	r->guard = 1;
	r->trusted = trusted;
	fetch_batch(f, r, 1);
	fetcher_free(f);
}

static void
serve_text(const char *path)
{
	httpd_route(srv, path, &(struct httpd_response){ .body = path, .len = strlen(path) });
}

/* "http://localhost:PORT" + path: a name that resolves to loopback. */
static char *
localhost_url(const char *path)
{
	return xasprintf("http://localhost:%u%s", httpd_port(srv), path);
}

START_TEST(test_a_link_to_127_0_0_1_is_refused_unless_its_origin_is_trusted)
{
	char *url = httpd_url(srv, "/a.html"), *origin = fetch_host_key(url);
	char *trusted[] = { origin, NULL };
	struct fetch_req r;

	serve_text("/a.html");
	fetch_link(url, NULL, &r);
	ck_assert_int_eq(r.outcome, FETCH_REFUSED);
	ck_assert_int_eq(r.rc, 0);
	ck_assert_msg(strstr(r.err.msg, "refused '") && strstr(r.err.msg, url) &&
	              strstr(r.err.msg, "127.0.0.1, a loopback address"), "%s", r.err.msg);
	ck_assert_uint_eq(httpd_hits(srv, "/a.html"), 0);
	/* On the origin the admin configured, it is fetched. */
	fetch_link(url, trusted, &r);
	ck_assert_int_eq(r.outcome, FETCH_BODY);
	ck_assert_str_eq(r.body.data, "/a.html");
	body_release(&r.body);
	free(url), free(origin);
}
END_TEST

START_TEST(test_a_link_to_a_name_that_resolves_to_loopback_is_refused)
{
	char *own = httpd_url(srv, "/"), *origin = fetch_host_key(own);
	char *trusted[] = { origin, NULL };
	char *url = localhost_url("/a.html");
	struct fetch_req r;

	serve_text("/a.html");
	fetch_link(url, trusted, &r);	/* another origin: checked */
	ck_assert_int_eq(r.outcome, FETCH_REFUSED);
	ck_assert_msg(strstr(r.err.msg, "a loopback address"), "%s", r.err.msg);
	ck_assert_uint_eq(httpd_hits(srv, "/a.html"), 0);
	free(url), free(own), free(origin);
}
END_TEST

START_TEST(test_a_redirect_from_the_trusted_origin_to_loopback_is_refused)
{
	char *own = httpd_url(srv, "/"), *origin = fetch_host_key(own);
	char *trusted[] = { origin, NULL };
	char *from = httpd_url(srv, "/moved.html"), *to = localhost_url("/inside.html");
	struct httpd_response mv = { .status = 302 };
	struct fetch_req r;

	mv.headers[0] = (struct httpd_header){ "Location", to };
	httpd_route(srv, "/moved.html", &mv);
	serve_text("/inside.html");
	fetch_link(from, trusted, &r);
	ck_assert_int_eq(r.outcome, FETCH_REFUSED);
	ck_assert_msg(strstr(r.err.msg, "redirected to '") && strstr(r.err.msg, to) &&
	              strstr(r.err.msg, "a loopback address"), "%s", r.err.msg);
	ck_assert_uint_eq(httpd_hits(srv, "/moved.html"), 1);
	ck_assert_uint_eq(httpd_hits(srv, "/inside.html"), 0);
	/* A redirect within the trusted origin is followed. */
	free(to);
	to = httpd_url(srv, "/inside.html");
	mv.headers[0] = (struct httpd_header){ "Location", to };
	httpd_route(srv, "/moved.html", &mv);
	fetch_link(from, trusted, &r);
	ck_assert_msg(r.outcome == FETCH_BODY, "%s", r.err.msg);
	ck_assert_str_eq(r.body.data, "/inside.html");
	ck_assert_str_eq(r.body.url, to);
	body_release(&r.body);
	free(from), free(to), free(own), free(origin);
}
END_TEST

START_TEST(test_a_link_with_credentials_is_refused)
{
	char *own = httpd_url(srv, "/"), *origin = fetch_host_key(own);
	char *trusted[] = { origin, NULL };
	char *url = xasprintf("http://user:secret@127.0.0.1:%u/a.html", httpd_port(srv));
	char *from = httpd_url(srv, "/moved.html");
	struct httpd_response mv = { .status = 302 };
	struct fetch_req r;

	serve_text("/a.html");
	fetch_link(url, trusted, &r);
	ck_assert_int_eq(r.outcome, FETCH_REFUSED);
	ck_assert_msg(strstr(r.err.msg, "user name or password"), "%s", r.err.msg);
	/* And by a redirect. */
	mv.headers[0] = (struct httpd_header){ "Location", url };
	httpd_route(srv, "/moved.html", &mv);
	fetch_link(from, trusted, &r);
	ck_assert_int_eq(r.outcome, FETCH_REFUSED);
	ck_assert_msg(strstr(r.err.msg, "user name or password"), "%s", r.err.msg);
	ck_assert_uint_eq(httpd_hits(srv, "/a.html"), 0);
	free(url), free(from), free(own), free(origin);
}
END_TEST

/* fetch_hop_fn for the test below: refuses targets under /private/. */
static int
no_private(void *ctx, struct fetch_req *r, const char *to)
{
	int *calls = ctx;

	(*calls)++;
	if (!strstr(to, "/private/"))
		return 0;
	err_set(&r->err, 0, "disallowed '%s'", to);
	return FETCH_DISALLOWED;
}

START_TEST(test_each_redirect_is_shown_to_the_hop_check)
{
	char *from = httpd_url(srv, "/a"), *mid = httpd_url(srv, "/b");
	char *to = httpd_url(srv, "/private/c");
	struct httpd_response a = { .status = 301 }, b = { .status = 307 };
	struct fetcher *f = test_fetcher(0);
	struct fetch_req r = { .url = from, .hop = no_private };
	int calls = 0;

	a.headers[0] = (struct httpd_header){ "Location", mid };
	b.headers[0] = (struct httpd_header){ "Location", to };
	httpd_route(srv, "/a", &a);
	httpd_route(srv, "/b", &b);
	serve_text("/private/c");
	r.hop_ctx = &calls;
	fetch_batch(f, &r, 1);
	ck_assert_int_eq(calls, 2);
	ck_assert_int_eq(r.outcome, FETCH_DISALLOWED);
	ck_assert_msg(strstr(r.err.msg, to), "%s", r.err.msg);
	ck_assert_uint_eq(httpd_hits(srv, "/private/c"), 0);
	fetcher_free(f);
	free(from), free(mid), free(to);
}
END_TEST

/* eedraws loads libcurl when it first fetches (libcurl.h): a machine
 * without it, or with something else under its name, is told what to
 * install; the one loaded, if any, stays. */
START_TEST(test_a_libcurl_that_cannot_be_loaded_says_what_to_install)
{
	struct err e = {0};
	char *key;

	ck_assert_int_eq(libcurl_load_from("libcurl-none.so.4", &e), EX_SOFTWARE);
	ck_assert_msg(strstr(e.msg, "cannot load libcurl: libcurl-none.so.4"), "%s", e.msg);
	ck_assert_msg(strstr(e.msg, "install the libcurl4 package"), "%s", e.msg);
	memset(&e, 0, sizeof(e));
	ck_assert_int_eq(libcurl_load_from("libsqlite3.so.0", &e), EX_SOFTWARE);
	ck_assert_msg(strstr(e.msg, "libsqlite3.so.0 has no curl_"), "%s", e.msg);
	ck_assert_int_eq(libcurl_load(&e), 0);
	key = fetch_host_key("http://Example.org/");
	ck_assert_str_eq(key, "http://example.org:80");
	free(key);
}
END_TEST

Suite *
fetch_suite(void)
{
	Suite *s = suite_create("fetch");
	TCase *tc = tcase_create("core");
	TCase *slow = tcase_create("slow");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 20);
	tcase_add_test(tc, test_fetch_opts_init_sets_defaults);
	tcase_add_test(tc, test_a_libcurl_that_cannot_be_loaded_says_what_to_install);
	tcase_add_test(tc, test_fetch_returns_body_and_validators);
	tcase_add_test(tc, test_fetch_empty_body_is_empty_string);
	tcase_add_test(tc, test_fetch_etag_match_is_not_modified);
	tcase_add_test(tc, test_fetch_last_modified_match_is_not_modified);
	tcase_add_test(tc, test_fetch_does_not_send_validators_with_line_breaks);
	tcase_add_test(tc, test_fetch_decodes_gzip);
	tcase_add_test(tc, test_fetch_http_404_is_tempfail);
	tcase_add_test(tc, test_fetch_http_500_is_tempfail);
	tcase_add_test(tc, test_fetch_truncated_body_is_tempfail);
	tcase_add_test(tc, test_fetch_short_body_then_close_is_tempfail);
	tcase_add_test(tc, test_fetch_connection_reset_is_tempfail);
	tcase_add_test(tc, test_fetch_empty_reply_is_tempfail);
	tcase_add_test(tc, test_fetch_corrupt_gzip_is_dataerr);
	tcase_add_test(tc, test_fetch_gzip_of_zeros_decodes);
	tcase_add_test(tc, test_fetch_gzip_bomb_stops_at_max_size);
	tcase_add_test(tc, test_fetch_retry_after_seconds);
	tcase_add_test(tc, test_fetch_retry_after_http_date);
	tcase_add_test(tc, test_fetch_retry_at_zero_without_usable_retry_after);
	tcase_add_test(tc, test_fetch_unresolvable_host_is_tempfail);
	tcase_add_test(tc, test_fetch_self_signed_certificate_is_tempfail);
	tcase_add_test(tc, test_fetch_redirect_loop_is_tempfail);
	tcase_add_test(tc, test_fetch_redirect_to_ftp_is_dataerr);
	tcase_add_test(tc, test_fetch_redirect_to_file_is_dataerr);
	tcase_add_test(tc, test_fetch_follows_http_redirect);
	tcase_add_test(tc, test_fetch_rejects_body_over_max_size_by_length);
	tcase_add_test(tc, test_fetch_rejects_body_over_max_size_chunked);
	tcase_add_test(tc, test_fetch_rejects_announced_length_over_max_size_early);
	tcase_add_test(tc, test_fetch_rejects_gzip_decoding_over_max_size);
	tcase_add_test(tc, test_fetch_rejects_non_http_url);
	tcase_add_test(tc, test_fetch_connection_refused_is_tempfail);
	tcase_add_test(tc, test_fetch_verbose_says_one_line);
	tcase_add_test(tc, test_batch_sends_one_request_at_a_time_to_a_host);
	tcase_add_test(tc, test_batch_pauses_between_requests_to_a_host);
	tcase_add_test(tc, test_batch_fetches_two_hosts_at_once);
	tcase_add_test(tc, test_batch_gives_each_request_its_own_result);
	tcase_add_test(tc, test_host_key_is_scheme_host_and_port_in_any_case);
	tcase_add_test(tc, test_addresses_a_link_may_not_reach);
	tcase_add_test(tc, test_a_link_to_127_0_0_1_is_refused_unless_its_origin_is_trusted);
	tcase_add_test(tc, test_a_link_to_a_name_that_resolves_to_loopback_is_refused);
	tcase_add_test(tc, test_a_redirect_from_the_trusted_origin_to_loopback_is_refused);
	tcase_add_test(tc, test_a_link_with_credentials_is_refused);
	tcase_add_test(tc, test_each_redirect_is_shown_to_the_hop_check);
	suite_add_tcase(s, tc);

	/* Each waits out fetch's 2-second timeout; the tcase timeout stops a
	 * hang. */
	tcase_add_checked_fixture(slow, setup, teardown);
	tcase_set_timeout(slow, 15);
	tcase_add_test(slow, test_fetch_stalled_server_times_out);
	tcase_add_test(slow, test_fetch_stall_mid_body_with_length_times_out);
	tcase_add_test(slow, test_fetch_dripping_server_times_out);
	suite_add_tcase(s, slow);
	return s;
}
