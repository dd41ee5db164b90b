/* test_fetch.c: fetch_url against a local libmicrohttpd server. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

#include "fetch.h"
#include "httpd.h"
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

static void
assert_poisoned(const struct body *b)
{
	ck_assert_str_eq(b->data, "sentinel");
	ck_assert_uint_eq(b->len, 8);
	ck_assert_int_eq(b->status, 999);
	ck_assert_int_eq(b->fetched_at, 12345);
	ck_assert_ptr_eq(b->etag, b->data);
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
	ck_assert_int_eq(fetch_path("/feed", &o, &again, &e), FETCH_NOT_MODIFIED);
	assert_poisoned(&again);
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
	ck_assert_int_eq(fetch_path("/feed", &o, &again, &e), FETCH_NOT_MODIFIED);
	assert_poisoned(&again);
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
	assert_zeroed(&b);
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
	ck_assert_int_eq(fetch_capturing_stderr("/v", &o, &again, &e, &got), FETCH_NOT_MODIFIED);
	want = xasprintf("fetch %s: 304 not modified\n", url);
	ck_assert_str_eq(got, want);
	free(got);
	free(want);
	body_release(&b);
	free(url);
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
	tcase_add_test(tc, test_fetch_returns_body_and_validators);
	tcase_add_test(tc, test_fetch_empty_body_is_empty_string);
	tcase_add_test(tc, test_fetch_etag_match_is_not_modified);
	tcase_add_test(tc, test_fetch_last_modified_match_is_not_modified);
	tcase_add_test(tc, test_fetch_does_not_send_validators_with_line_breaks);
	tcase_add_test(tc, test_fetch_decodes_gzip);
	tcase_add_test(tc, test_fetch_http_404_is_tempfail);
	tcase_add_test(tc, test_fetch_http_500_is_tempfail);
	tcase_add_test(tc, test_fetch_truncated_body_is_tempfail);
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
	suite_add_tcase(s, tc);

	/* Waits out fetch's 2-second timeout; the tcase timeout stops a hang. */
	tcase_add_checked_fixture(slow, setup, teardown);
	tcase_set_timeout(slow, 15);
	tcase_add_test(slow, test_fetch_stalled_server_times_out);
	suite_add_tcase(s, slow);
	return s;
}
