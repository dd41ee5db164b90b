/* test_update.c: "eedraws update", the cron job, end to end against the
 * in-process test server: what it stores, what it prints, its exit codes. */
#include <check.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <unistd.h>

#include "httpd.h"
#include "testutil.h"
#include "util.h"

static struct httpd *srv;
static char *dir, *db, *conf;

static void
setup(void)
{
	dir = test_home();
	db = xasprintf("%s/update.db", dir);
	conf = xasprintf("%s/eedraws.conf", dir);
	srv = httpd_start();
	ck_assert_ptr_nonnull(srv);
}

static void
teardown(void)
{
	httpd_stop(srv);
	test_rmtree(dir);
	free(db), free(dir), free(conf);
}

/* A config with [eedraws] extra keys and the sources given as
 * "name path [kind]" pairs on the test server.  Every source is on the
 * one test server, so one host: no pause between requests (delay = 0)
 * unless extra says otherwise, so that the tests of other things stay
 * quick; the pause has tests of its own. */
static void
write_conf(const char *extra, const char *const *sources)
{
	FILE *f = fopen(conf, "w");

	ck_assert_ptr_nonnull(f);
	fprintf(f, "[eedraws]\ndatabase = %s\nuser_agent = eedraws-test (t@example.org)\n"
	        "timeout = 2\nconnect_timeout = 2\ndelay = 0\n%s", db, extra ? extra : "");
	for (; *sources; sources += 2) {
		char *url = httpd_url(srv, sources[1]);

		fprintf(f, "[source %s]\nkind = ircc-json\nurl = %s\n", sources[0], url);
		free(url);
	}
	fclose(f);
}

static int
update(char **out, char **err, const char *arg)
{
	return test_run((const char *const[]){ "eedraws", "-c", conf, "update", arg, NULL },
	                NULL, out, err);
}

/* Serves a file from tests/data at path as type, with the given
 * validators (either may be NULL). */
static void
serve_as(const char *path, const char *file, const char *type, const char *etag,
         const char *lm)
{
	struct httpd_response r = {0};
	size_t len;
	char *body = test_slurp(test_data(file), &len);

	r.body = body;
	r.len = len;
	r.etag = etag;
	r.last_modified = lm;
	r.headers[0] = (struct httpd_header){ "Content-Type", type };
	httpd_route(srv, path, &r);
	free(body);		/* httpd_route copied it */
}

/* An IRCC feed file. */
static void
serve(const char *path, const char *file, const char *etag, const char *lm)
{
	serve_as(path, file, "application/json", etag, lm);
}

/* The draws table as CSV, to compare before and after. */
static char *
export_draws(void)
{
	char *out, *err;

	ck_assert_int_eq(test_run((const char *const[]){ "eedraws", "-d", db, "export", NULL },
	                          NULL, &out, &err), 0);
	free(err);
	return out;
}

START_TEST(test_update_stores_the_feed_then_is_silent_on_304_via_etag)
{
	const char *const src[] = { "ircc", "/feed.json", NULL };
	char *out, *err, *before, *after, *h;

	serve("/feed.json", "feed-2026-08-07.json", "\"v1\"", NULL);
	write_conf(NULL, src);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_int_eq(count_lines(out, "new draw #"), 435);
	ck_assert_str_eq(err, "");
	h = httpd_last_header(srv, "/feed.json", "User-Agent");
	ck_assert_str_eq(h, "eedraws-test (t@example.org)");
	free(h), free(out), free(err);
	before = export_draws();

	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, "");
	h = httpd_last_header(srv, "/feed.json", "If-None-Match");
	ck_assert_str_eq(h, "\"v1\"");
	ck_assert_uint_eq(httpd_hits(srv, "/feed.json"), 2);
	after = export_draws();
	ck_assert_str_eq(before, after);
	free(h), free(out), free(err), free(before), free(after);
}
END_TEST

START_TEST(test_update_sends_if_modified_since_and_gets_304)
{
	const char *const src[] = { "ircc", "/feed.json", NULL };
	const char *lm = "Fri, 07 Aug 2026 14:00:00 GMT";
	char *out, *err, *h;

	serve("/feed.json", "history/01-2024-11-13T193415.json", NULL, lm);
	write_conf(NULL, src);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	free(out), free(err);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_str_eq(out, "");
	h = httpd_last_header(srv, "/feed.json", "If-Modified-Since");
	ck_assert_str_eq(h, lm);
	free(h), free(out), free(err);
}
END_TEST

START_TEST(test_an_unchanged_body_without_validators_is_silent)
{
	const char *const src[] = { "ircc", "/feed.json", NULL };
	char *out, *err;

	serve("/feed.json", "history/01-2024-11-13T193415.json", NULL, NULL);
	write_conf(NULL, src);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_int_gt(count_lines(out, "new draw #"), 300);
	free(out), free(err);
	ck_assert_int_eq(update(&out, &err, "-v"), 0);	/* a global option after the command */
	ck_assert_ptr_nonnull(strstr(err, "ircc: body unchanged"));
	free(out), free(err);
	ck_assert_int_eq(test_run((const char *const[]){ "eedraws", "-v", "-c", conf, "update",
	                          NULL }, NULL, &out, &err), 0);
	ck_assert_str_eq(out, "");
	ck_assert_ptr_nonnull(strstr(err, "ircc: body unchanged"));
	free(out), free(err);
}
END_TEST

START_TEST(test_update_prints_exactly_the_new_draws)
{
	const char *const src[] = { "ircc", "/feed.json", NULL };
	char *out, *err;

	write_conf(NULL, src);
	serve("/feed.json", "history/07-2025-02-17T190959.json", NULL, NULL);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_ptr_nonnull(strstr(out, "new draw #336 "));
	free(out), free(err);

	/* #336 vanishes: nothing to say, nothing deleted. */
	serve("/feed.json", "history/08-2025-02-19T184209.json", NULL, NULL);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_str_eq(out, "");
	free(out), free(err);

	/* #336 is back with #337: only #337 is new. */
	serve("/feed.json", "history/09-2025-02-19T193406.json", NULL, NULL);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_str_eq(out, "new draw #337 2025-02-19 french, 6,500 invitations, CRS 428\n");
	ck_assert_str_eq(err, "");
	free(out), free(err);
}
END_TEST

START_TEST(test_update_prints_a_correction)
{
	const char *const src[] = { "ircc", "/feed.json", NULL };
	char *out, *err;

	write_conf(NULL, src);
	serve("/feed.json", "history/05-2025-02-05T190940.json", NULL, NULL);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	free(out), free(err);
	serve("/feed.json", "history/06-2025-02-13T201252.json", NULL, NULL);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_int_eq(count_lines(out, "changed draw #335 2025-02-05: tie_break '2025-"), 1);
	ck_assert_int_eq(count_lines(out, ""), 1);
	free(out), free(err);
}
END_TEST

/* A source that fails, beside one that works: the failure is reported
 * naming the source, with its exit code, nothing of it is written, and
 * the good source is stored all the same. */
static void
check_failing_source(const char *extra, const struct httpd_response *bad, int code,
                     const char *says)
{
	const char *const src[] = { "bad", "/bad", "good", "/good.json", NULL };
	char *out, *err, *draws;

	serve("/good.json", "history/07-2025-02-17T190959.json", NULL, NULL);
	httpd_route(srv, "/bad", bad);
	write_conf(extra, src);
	ck_assert_int_eq(update(&out, &err, NULL), code);
	ck_assert_msg(strstr(err, "eedraws: bad: ") && strstr(err, says), "stderr: %s", err);
	ck_assert_int_eq(count_lines(err, "eedraws: "), 1);
	ck_assert_int_eq(count_lines(out, "new draw #"), 337);	/* all of good's */
	draws = export_draws();
	ck_assert_int_eq(count_lines(draws, ""), 338);
	free(draws), free(out), free(err);
}

START_TEST(test_http_404_exits_75)
{
	struct httpd_response r = { .status = 404, .body = "gone", .len = 4 };

	check_failing_source(NULL, &r, EX_TEMPFAIL, "HTTP 404");
}
END_TEST

START_TEST(test_http_500_exits_75)
{
	struct httpd_response r = { .status = 500, .body = "oops", .len = 4 };

	check_failing_source(NULL, &r, EX_TEMPFAIL, "HTTP 500");
	ck_assert_int_eq(test_query_long(db, "SELECT last_status FROM fetch_state WHERE"
	                                 " source = 'bad'"), 500);
}
END_TEST

START_TEST(test_a_stalled_server_times_out_with_75)
{
	struct httpd_response r = { .body = "{\"rounds\": [", .len = 12, .stall = 1 };

	check_failing_source(NULL, &r, EX_TEMPFAIL, "timed out");
}
END_TEST

START_TEST(test_a_redirect_loop_exits_75)
{
	struct httpd_response r = { .status = 302 };
	char *to_self = httpd_url(srv, "/bad");

	r.headers[0] = (struct httpd_header){ "Location", to_self };
	check_failing_source(NULL, &r, EX_TEMPFAIL, "redirect");
	free(to_self);
}
END_TEST

START_TEST(test_a_redirect_to_another_scheme_exits_65)
{
	struct httpd_response r = { .status = 302 };

	r.headers[0] = (struct httpd_header){ "Location", "file:///etc/passwd" };
	check_failing_source(NULL, &r, EX_DATAERR, "file");
}
END_TEST

START_TEST(test_a_body_over_the_size_cap_exits_65)
{
	static char big[1000000];
	struct httpd_response r = { .body = big, .len = sizeof(big) };

	memset(big, ' ', sizeof(big));
	check_failing_source("max_size = 600000\n", &r, EX_DATAERR, "larger than");
}
END_TEST

START_TEST(test_an_invalid_feed_exits_65_naming_line_and_column)
{
	size_t len;
	char *bad = test_slurp(test_data("feed-2025-02-19-invalid.json"), &len);
	struct httpd_response r = { .body = bad, .len = len };

	check_failing_source(NULL, &r, EX_DATAERR, "line 4, column");
	free(bad);
}
END_TEST

START_TEST(test_an_html_error_page_in_place_of_the_feed_exits_65)
{
	static const char page[] = "<html><body>Service unavailable</body></html>";
	struct httpd_response r = { .body = page, .len = sizeof(page) - 1 };

	check_failing_source(NULL, &r, EX_DATAERR, "not valid JSON");
}
END_TEST

START_TEST(test_a_rejected_body_is_fetched_again_unconditionally)
{
	const char *const src[] = { "ircc", "/feed.json", NULL };
	size_t len;
	char *bad = test_slurp(test_data("feed-2025-02-19-invalid.json"), &len);
	struct httpd_response r = { .body = bad, .len = len, .etag = "\"same\"" };
	char *out, *err, *h;

	write_conf(NULL, src);
	httpd_route(srv, "/feed.json", &r);
	ck_assert_int_eq(update(&out, &err, NULL), EX_DATAERR);
	free(out), free(err);
	/* The same ETag now comes with a valid body (the incident's end). */
	serve("/feed.json", "history/09-2025-02-19T193406.json", "\"same\"", NULL);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	h = httpd_last_header(srv, "/feed.json", "If-None-Match");
	ck_assert_ptr_null(h);
	ck_assert_int_gt(count_lines(out, "new draw #"), 300);
	free(out), free(err), free(bad);
}
END_TEST

START_TEST(test_disabled_sources_run_only_when_named)
{
	const char *const src[] = { "ircc", "/feed.json", NULL };
	char *out, *err;

	serve("/feed.json", "history/01-2024-11-13T193415.json", NULL, NULL);
	write_conf(NULL, src);
	{
		FILE *f = fopen(conf, "a");

		fputs("enabled = no\n", f);
		fclose(f);
	}
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_str_eq(out, "");
	ck_assert_uint_eq(httpd_hits(srv, "/feed.json"), 0);
	free(out), free(err);
	ck_assert_int_eq(update(&out, &err, "ircc"), 0);
	ck_assert_int_gt(count_lines(out, "new draw #"), 300);
	free(out), free(err);
}
END_TEST

/* News: IRCC's feed (history/06: up to #335) and a news feed at
 * /news/feed.xml, with extra keys for the news source. */
static void
write_news_conf(const char *news_keys)
{
	char *ircc = httpd_url(srv, "/ircc.json"), *news = httpd_url(srv, "/news/feed.xml");
	FILE *f = fopen(conf, "w");

	ck_assert_ptr_nonnull(f);
	fprintf(f, "[eedraws]\ndatabase = %s\ntimeout = 2\nconnect_timeout = 2\ndelay = 0\n"
	        "[source ircc]\nkind = ircc-json\nurl = %s\n"
	        "[source news]\nkind = feed\nurl = %s\n%s", db, ircc, news,
	        news_keys ? news_keys : "");
	fclose(f);
	free(ircc), free(news);
}

static void
serve_news(void)
{
	serve_as("/ircc.json", "history/06-2025-02-13T201252.json", "application/json", NULL, NULL);
	serve_as("/news/pnp-round.html", "articles/before-ircc.txt", "text/plain", NULL, NULL);
	serve_as("/news/cec-round.html", "articles/conflicting.txt", "text/plain", NULL, NULL);
	serve_as("/news/study-permits.html", "articles/no-draw.html", "text/html", NULL, NULL);
	serve_as("/news/french-round.html", "articles/french-round.html", "text/html", NULL, NULL);
}

START_TEST(test_feed_items_are_fetched_once_and_only_when_they_match)
{
	char *out, *err, *news, *want, *h;

	serve_news();
	serve_as("/news/feed.xml", "news/feed-1.xml", "application/rss+xml", "\"f1\"", NULL);
	write_news_conf(NULL);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	news = httpd_url(srv, "/news/");
	/* The two matching items (one by its summary, in another case). */
	ck_assert_int_eq(count_lines(out, "unconfirmed draw 2025-02-17 pnp, 646 invitations,"
	                                  " CRS 750 (u1, from http://127.0.0.1:"), 1);
	/* The conflicting article is stored, and is no news. */
	ck_assert_int_eq(count_lines(out, "conflict"), 0);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM conflicts WHERE number ="
	                                 " '335' AND stated_value = '522'"), 1);
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(httpd_hits(srv, "/news/pnp-round.html"), 1);
	ck_assert_uint_eq(httpd_hits(srv, "/news/cec-round.html"), 1);
	ck_assert_uint_eq(httpd_hits(srv, "/news/study-permits.html"), 0);
	free(out), free(err);

	/* The feed moves on (Atom now): only the new item is fetched. */
	serve_as("/news/feed.xml", "news/feed-2.xml", "application/atom+xml", "\"f2\"", NULL);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	want = xasprintf("unconfirmed draw 2025-02-19 french, 6,500 invitations, CRS 428"
	                 " (u2, from %sfrench-round.html)\n", news);
	ck_assert_str_eq(out, want);
	free(out), free(err), free(want);
	ck_assert_uint_eq(httpd_hits(srv, "/news/french-round.html"), 1);
	ck_assert_uint_eq(httpd_hits(srv, "/news/pnp-round.html"), 1);
	ck_assert_uint_eq(httpd_hits(srv, "/news/study-permits.html"), 0);

	/* Nothing new: the feed answers 304, no article is fetched. */
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_str_eq(out, "");
	h = httpd_last_header(srv, "/news/feed.xml", "If-None-Match");
	ck_assert_str_eq(h, "\"f2\"");
	free(h);
	ck_assert_uint_eq(httpd_hits(srv, "/news/french-round.html") +
	                  httpd_hits(srv, "/news/pnp-round.html") +
	                  httpd_hits(srv, "/news/cec-round.html"), 3);
	free(out), free(err), free(news);
	/* The archive: both feed bodies and the three articles, as served. */
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies WHERE kind = 'feed'"
	                                 " AND source = 'news'"), 2);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies WHERE kind ="
	                                 " 'article' AND url LIKE '%/news/%-round.html'"), 3);
}
END_TEST

START_TEST(test_max_items_bounds_a_run_and_the_rest_come_next)
{
	char *out, *err;

	serve_news();
	serve_as("/news/feed.xml", "news/feed-1.xml", "application/rss+xml", "\"f1\"", NULL);
	write_news_conf("max_items = 1\n");
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_uint_eq(httpd_hits(srv, "/news/pnp-round.html"), 1);
	ck_assert_uint_eq(httpd_hits(srv, "/news/cec-round.html"), 0);
	free(out), free(err);
	/* The feed was not finished: fetched again without If-None-Match. */
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_ptr_null(httpd_last_header(srv, "/news/feed.xml", "If-None-Match"));
	ck_assert_uint_eq(httpd_hits(srv, "/news/pnp-round.html"), 1);
	ck_assert_uint_eq(httpd_hits(srv, "/news/cec-round.html"), 1);
	free(out), free(err);
}
END_TEST

START_TEST(test_a_match_pattern_picks_the_items)
{
	char *out, *err;

	serve_news();
	serve_as("/news/feed.xml", "news/feed-1.xml", "application/rss+xml", NULL, NULL);
	write_news_conf("match = study permit\n");
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_uint_eq(httpd_hits(srv, "/news/study-permits.html"), 1);
	ck_assert_uint_eq(httpd_hits(srv, "/news/pnp-round.html"), 0);
	free(out), free(err);
}
END_TEST

START_TEST(test_a_failing_article_is_tried_again_and_the_others_stored)
{
	char *out, *err;

	serve_news();
	httpd_route(srv, "/news/cec-round.html", &(struct httpd_response){ .status = 500 });
	serve_as("/news/feed.xml", "news/feed-1.xml", "application/rss+xml", "\"f1\"", NULL);
	write_news_conf(NULL);
	ck_assert_int_eq(update(&out, &err, NULL), EX_TEMPFAIL);
	ck_assert_int_eq(count_lines(out, "unconfirmed draw 2025-02-17"), 1);
	ck_assert_ptr_nonnull(strstr(err, "cec-round.html"));
	free(out), free(err);
	/* The article failed, not the feed: no backoff for the feed, and
	 * status does not call it failing. */
	ck_assert_int_eq(test_query_long(db, "SELECT failures FROM fetch_state WHERE source"
	                                 " = 'news'"), 0);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM fetch_state WHERE source"
	                                 " = 'news' AND next_attempt IS NULL AND etag IS NULL"),
	                 1);
	ck_assert_int_eq(test_query_long(db, "SELECT attempts FROM links WHERE url LIKE"
	                                 " '%/cec-round.html' AND last_error IS NOT NULL"), 1);
	serve_as("/news/cec-round.html", "articles/conflicting.txt", "text/plain", NULL, NULL);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM conflicts"), 1);
	ck_assert_uint_eq(httpd_hits(srv, "/news/pnp-round.html"), 1);
	ck_assert_uint_eq(httpd_hits(srv, "/news/cec-round.html"), 2);
	free(out), free(err);
}
END_TEST

START_TEST(test_ingest_of_a_feed_url_fetches_its_new_matching_articles)
{
	char *out, *err, *url = httpd_url(srv, "/news/feed.xml");
	const char *const argv[] = { "eedraws", "-d", db, "ingest", "-k", "feed", url, NULL };

	serve_news();
	serve_as("/news/feed.xml", "news/feed-1.xml", "application/rss+xml", NULL, NULL);
	ck_assert_int_eq(test_run(argv, NULL, &out, &err), 0);
	ck_assert_int_eq(count_lines(out, "unconfirmed draw "), 2);
	free(out), free(err);
	/* Sniffed as a feed without -k; its articles were seen: nothing. */
	ck_assert_int_eq(test_run((const char *const[]){ "eedraws", "-d", db, "ingest", url,
	                                                NULL }, NULL, &out, &err), 0);
	ck_assert_str_eq(out, "");
	ck_assert_uint_eq(httpd_hits(srv, "/news/pnp-round.html"), 1);
	ck_assert_uint_eq(httpd_hits(srv, "/news/study-permits.html"), 0);
	free(out), free(err), free(url);
}
END_TEST

/* Runs argv with the dynamic loader telling on stderr (LD_DEBUG=files)
 * each library it loads; whether libcurl was among them.  The exit code
 * must be 0. */
static int
loads_libcurl(const char *const *argv)
{
	char *out, *err;
	int rc, loaded;

	setenv("LD_DEBUG", "files", 1);
	rc = test_run(argv, NULL, &out, &err);
	unsetenv("LD_DEBUG");
	ck_assert_msg(rc == 0, "%s: exit %d", argv[3], rc);
	loaded = strstr(err, "file=libcurl.so.4") != NULL;
	free(out), free(err);
	return loaded;
}

/* libcurl and the 30 libraries it brings cost every command more than
 * its work: only one that fetches loads it. */
START_TEST(test_only_a_command_that_fetches_loads_libcurl)
{
	char *url = httpd_url(srv, "/feed.json");

	serve("/feed.json", "feed-2026-08-07.json", NULL, NULL);
	ck_assert(!loads_libcurl((const char *const[]){ "eedraws", "-d", db, "ingest",
	                                               test_data("feed-2026-04-21-raw.json"),
	                                               NULL }));
	ck_assert(!loads_libcurl((const char *const[]){ "eedraws", "-d", db, "list", NULL }));
	ck_assert(!loads_libcurl((const char *const[]){ "eedraws", "-d", db, "export", NULL }));
	ck_assert(!loads_libcurl((const char *const[]){ "eedraws", "-d", db, "conflicts",
	                                               NULL }));
	ck_assert(loads_libcurl((const char *const[]){ "eedraws", "-d", db, "ingest", url,
	                                              NULL }));
	ck_assert_uint_eq(httpd_hits(srv, "/feed.json"), 1);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws WHERE number = '434'"),
	                 1);
	free(url);
}
END_TEST

static int
status(char **out, char **err)
{
	return test_run((const char *const[]){ "eedraws", "-c", conf, "status", NULL }, NULL,
	                out, err);
}

/* The status line of source name. */
static const char *
status_line(const char *out, const char *name)
{
	const char *p = out;
	size_t n = strlen(name);

	for (; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL)
		if (strncmp(p, name, n) == 0 && p[n] == ' ')
			return p;
	return NULL;
}

static int
begins(const char *s, const char *prefix)
{
	return s && strncmp(s, prefix, strlen(prefix)) == 0;
}

START_TEST(test_status_shows_a_failing_source_as_stale)
{
	const char *const src[] = { "ircc", "/feed.json", "broken", "/broken.json", NULL };
	char *out, *err;
	const char *line;

	serve("/feed.json", "feed-2026-08-07.json", NULL, NULL);
	httpd_route(srv, "/broken.json", &(struct httpd_response){ .status = 503 });
	write_conf(NULL, src);
	ck_assert_int_eq(update(&out, &err, NULL), EX_TEMPFAIL);
	free(out), free(err);
	ck_assert_int_eq(status(&out, &err), 1);
	line = status_line(out, "ircc");
	ck_assert_ptr_nonnull(line);
	ck_assert_msg(begins(line, "ircc         ok       20"), "%s", line);
	line = status_line(out, "broken");
	ck_assert_ptr_nonnull(line);
	ck_assert_msg(begins(line, "broken       STALE    never                       1  "),
	              "%s", line);
	ck_assert_ptr_nonnull(strstr(line, "HTTP 503"));
	free(out), free(err);

	/* Fixed: the failures end; everything is fresh, exit 0. */
	serve("/broken.json", "feed-ddmmyyyy.json", NULL, NULL);
	ck_assert_int_eq(update(&out, &err, "broken"), 0);
	free(out), free(err);
	ck_assert_int_eq(status(&out, &err), 0);
	ck_assert(begins(status_line(out, "broken"), "broken       ok "));
	ck_assert_ptr_nonnull(strstr(status_line(out, "broken"), "       0  -\n"));
	free(out), free(err);
}
END_TEST

START_TEST(test_a_redirected_source_keeps_its_state_under_its_own_url)
{
	const char *const src[] = { "ircc", "/moved.json", NULL };
	struct httpd_response r = { .status = 301 };
	char *out, *err, *h, *to = httpd_url(srv, "/feed.json"), *sql;

	r.headers[0] = (struct httpd_header){ "Location", to };
	httpd_route(srv, "/moved.json", &r);
	serve("/feed.json", "feed-2026-08-07.json", "\"v1\"", NULL);
	write_conf(NULL, src);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	free(out), free(err);
	/* Kept under the configured URL, so the next run is conditional ... */
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM fetch_state"), 1);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM fetch_state"
	                                     " WHERE url LIKE '%/moved.json'"
	                                     " AND etag = '\"v1\"'"), 1);
	/* ... while the body says where it came from. */
	sql = xasprintf("SELECT count(*) FROM bodies WHERE url = '%s'", to);
	ck_assert_int_eq(test_query_long(db, sql), 1);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, "");
	free(out), free(err);
	h = httpd_last_header(srv, "/feed.json", "If-None-Match");
	ck_assert_ptr_nonnull(h);
	ck_assert_str_eq(h, "\"v1\"");
	/* ... and status sees its success. */
	ck_assert_int_eq(status(&out, &err), 0);
	ck_assert_msg(begins(status_line(out, "ircc"), "ircc         ok "), "%s", out);
	free(out), free(err), free(h), free(to), free(sql);
}
END_TEST

START_TEST(test_status_shows_an_old_success_as_stale)
{
	const char *const src[] = { "ircc", "/feed.json", NULL };
	char *out, *err;
	sqlite3 *h;

	serve("/feed.json", "feed-ddmmyyyy.json", NULL, NULL);
	write_conf(NULL, src);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	free(out), free(err);
	ck_assert_int_eq(status(&out, &err), 0);
	free(out), free(err);
	/* Two days without a success, for a source stale after one. */
	ck_assert_int_eq(sqlite3_open(db, &h), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(h, "UPDATE fetch_state SET last_success ="
	                                 " strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-2 days')",
	                              NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	ck_assert_int_eq(status(&out, &err), 1);
	ck_assert(begins(status_line(out, "ircc"), "ircc         STALE "));
	free(out), free(err);
	/* stale_after = 3d: not stale yet. */
	write_conf(NULL, src);
	{
		FILE *f = fopen(conf, "a");

		fputs("stale_after = 3d\n", f);
		fclose(f);
	}
	ck_assert_int_eq(status(&out, &err), 0);
	ck_assert(begins(status_line(out, "ircc"), "ircc         ok "));
	free(out), free(err);
	/* A failure since: failing, not yet stale. */
	httpd_route(srv, "/feed.json", &(struct httpd_response){ .status = 503 });
	ck_assert_int_eq(update(&out, &err, NULL), EX_TEMPFAIL);
	free(out), free(err);
	ck_assert_int_eq(status(&out, &err), 0);
	ck_assert(begins(status_line(out, "ircc"), "ircc         failing "));
	free(out), free(err);
	/* A disabled source is never stale. */
	{
		FILE *f = fopen(conf, "a");

		fputs("stale_after = 1m\nenabled = no\n", f);
		fclose(f);
	}
	ck_assert_int_eq(status(&out, &err), 0);
	ck_assert(begins(status_line(out, "ircc"), "ircc         disabled "));
	free(out), free(err);
}
END_TEST

START_TEST(test_a_source_failing_again_and_again_backs_off)
{
	const char *const src[] = { "broken", "/broken.json", NULL };
	char *out, *err;
	int i;

	httpd_route(srv, "/broken.json", &(struct httpd_response){ .status = 503 });
	write_conf(NULL, src);
	/* The first failure is tried again on the next run ... */
	ck_assert_int_eq(update(&out, &err, NULL), EX_TEMPFAIL);
	free(out), free(err);
	ck_assert_int_eq(update(&out, &err, NULL), EX_TEMPFAIL);
	free(out), free(err);
	ck_assert_uint_eq(httpd_hits(srv, "/broken.json"), 2);
	/* ... the second makes it wait: the next run leaves it alone. */
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, "");
	free(out), free(err);
	ck_assert_uint_eq(httpd_hits(srv, "/broken.json"), 2);
	ck_assert_int_eq(test_query_long(db, "SELECT failures FROM fetch_state"), 2);
	ck_assert_int_eq(test_query_long(db, "SELECT CAST(round((julianday(next_attempt) -"
	                                     " julianday(last_attempt)) * 86400) AS INTEGER)"
	                                     " FROM fetch_state"), 600);
	/* Named, it is tried at once. */
	ck_assert_int_eq(update(&out, &err, "broken"), EX_TEMPFAIL);
	free(out), free(err);
	ck_assert_uint_eq(httpd_hits(srv, "/broken.json"), 3);
	ck_assert_int_eq(test_query_long(db, "SELECT CAST(round((julianday(next_attempt) -"
	                                     " julianday(last_attempt)) * 86400) AS INTEGER)"
	                                     " FROM fetch_state"), 1200);
	/* Doubling stops at 6 hours. */
	for (i = 0; i < 7; i++) {
		ck_assert_int_eq(update(&out, &err, "broken"), EX_TEMPFAIL);
		free(out), free(err);
	}
	ck_assert_int_eq(test_query_long(db, "SELECT failures FROM fetch_state"), 10);
	ck_assert_int_eq(test_query_long(db, "SELECT CAST(round((julianday(next_attempt) -"
	                                     " julianday(last_attempt)) * 86400) AS INTEGER)"
	                                     " FROM fetch_state"), 6 * 3600);
}
END_TEST

START_TEST(test_retry_after_is_honoured)
{
	const char *const src[] = { "busy", "/busy.json", NULL };
	struct httpd_response r = { .status = 429 };
	char *out, *err;

	r.headers[0] = (struct httpd_header){ "Retry-After", "3600" };
	httpd_route(srv, "/busy.json", &r);
	write_conf(NULL, src);
	ck_assert_int_eq(update(&out, &err, NULL), EX_TEMPFAIL);
	ck_assert_ptr_nonnull(strstr(err, "busy: "));
	ck_assert_ptr_nonnull(strstr(err, "HTTP 429"));
	free(out), free(err);
	/* One failure alone would be tried next run; the server said an hour. */
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	free(out), free(err);
	ck_assert_uint_eq(httpd_hits(srv, "/busy.json"), 1);
	/* Retry-After counts from the response, a second or so after the
	 * attempt began. */
	ck_assert_int_eq(test_query_long(db, "SELECT CAST(round((julianday(next_attempt) -"
	                                     " julianday(last_attempt)) * 86400) AS INTEGER)"
	                                     " BETWEEN 3600 AND 3602 FROM fetch_state"), 1);
}
END_TEST

START_TEST(test_a_full_disk_here_does_not_count_against_the_source)
{
	const char *const src[] = { "ircc", "/feed.json", NULL };
	struct rlimit was, full;
	char *out, *err;
	struct stat sb;
	int rc;

	serve("/feed.json", "feed-ddmmyyyy.json", NULL, NULL);
	write_conf(NULL, src);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	free(out), free(err);
	/* A bigger body that the database has no room for: the file size
	 * limit stands in for a full disk (as in test_durability). */
	serve("/feed.json", "feed-2026-08-07.json", NULL, NULL);
	ck_assert_int_eq(stat(db, &sb), 0);
	ck_assert(sb.st_size < 200000);
	ck_assert_int_eq(getrlimit(RLIMIT_FSIZE, &was), 0);
	full = was;
	full.rlim_cur = 200000;
	signal(SIGXFSZ, SIG_IGN);
	ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &full), 0);
	rc = update(&out, &err, NULL);
	ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &was), 0);
	ck_assert_int_eq(rc, 1);	/* ours, not the source's */
	ck_assert_msg(strstr(err, "is the disk full?"), "%s", err);
	free(out), free(err);
	/* The site answered: no failure of its own, no backoff ... */
	ck_assert_int_eq(test_query_long(db, "SELECT failures FROM fetch_state"), 0);
	ck_assert_int_eq(test_query_long(db, "SELECT last_error IS NULL AND"
	                                     " next_attempt IS NULL FROM fetch_state"), 1);
	/* ... and the body is taken on the next run, with room again. */
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_int_eq(count_lines(out, "new draw #"), 433);
	free(out), free(err);
}
END_TEST

static void serve_feed_of(const char *const *links, size_t n);

START_TEST(test_a_full_disk_here_does_not_count_against_an_article)
{
	const char *const links[] = { "/news/big.html" };
	static char big[4 << 20];	/* more than the WAL holds now */
	unsigned long x = 1;
	size_t i;
	struct rlimit was, full;
	char *out, *err, *wal = xasprintf("%s-wal", db);
	struct stat sb;
	off_t most;
	int rc;

	serve_news();
	serve_as("/news/feed.xml", "news/feed-2.xml", "application/atom+xml", NULL, NULL);
	write_news_conf(NULL);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	free(out), free(err);
	/* A new item whose page the database has no room for. */
	/* Random letters: compressed in the archive, still too many. */
	for (i = 0; i < sizeof(big); i++) {
		x = x * 6364136223846793005UL + 1442695040888963407UL;
		big[i] = (char)('a' + (x >> 33) % 26);
	}
	httpd_route(srv, "/news/big.html", &(struct httpd_response){ .body = big,
	            .len = sizeof(big) });
	serve_feed_of(links, 1);
	ck_assert_int_eq(stat(db, &sb), 0);
	most = sb.st_size;
	if (stat(wal, &sb) == 0 && sb.st_size > most)
		most = sb.st_size;
	ck_assert_int_eq(getrlimit(RLIMIT_FSIZE, &was), 0);
	full = was;
	full.rlim_cur = (rlim_t)most + 100000;
	signal(SIGXFSZ, SIG_IGN);
	ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &full), 0);
	rc = update(&out, &err, NULL);
	ck_assert_int_eq(setrlimit(RLIMIT_FSIZE, &was), 0);
	ck_assert_msg(rc == 1 && strstr(err, "is the disk full?"), "exit %d: %s", rc, err);
	free(out), free(err);
	ck_assert_uint_eq(httpd_hits(srv, "/news/big.html"), 1);
	/* No attempt counted against the link: it comes again. */
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM links"
	                                     " WHERE url LIKE '%/news/big.html'"
	                                     " AND attempts > 0"), 0);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	free(out), free(err);
	ck_assert_uint_eq(httpd_hits(srv, "/news/big.html"), 2);
	free(wal);
}
END_TEST

START_TEST(test_a_retry_after_decades_away_waits_six_hours_and_says_so)
{
	const char *const src[] = { "busy", "/busy.json", NULL };
	struct httpd_response r = { .status = 503 };
	char *out, *err;

	r.headers[0] = (struct httpd_header){ "Retry-After", "Thu, 01 Jan 2094 00:00:00 GMT" };
	httpd_route(srv, "/busy.json", &r);
	write_conf(NULL, src);
	ck_assert_int_eq(update(&out, &err, NULL), EX_TEMPFAIL);
	ck_assert_msg(strstr(err, "busy: warning: the server asks not to be tried before"
	                          " 2094-01-01T00:00:00Z; tried again after 6 h instead"),
	              "%s", err);
	free(out), free(err);
	ck_assert_int_eq(test_query_long(db, "SELECT CAST(round((julianday(next_attempt) -"
	                                     " julianday(last_attempt)) * 86400) AS INTEGER)"
	                                     " FROM fetch_state"), 6 * 3600);
}
END_TEST

/* Politeness: robots.txt of news hosts, one request at a time per host
 * with the pause between, different hosts at once. */

static void
serve_robots(const char *text, unsigned status)
{
	struct httpd_response r = { .status = status, .body = text, .len = strlen(text) };

	r.headers[0] = (struct httpd_header){ "Content-Type", "text/plain" };
	httpd_route(srv, "/robots.txt", &r);
}

START_TEST(test_robots_txt_disallowing_an_article_keeps_it_unfetched)
{
	char *out, *err, *want, *url = httpd_url(srv, "/news/cec-round.html");

	serve_news();
	serve_as("/news/feed.xml", "news/feed-1.xml", "application/rss+xml", "\"f1\"", NULL);
	serve_robots("User-agent: *\nDisallow: /news/cec\n", 0);
	write_news_conf(NULL);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_uint_eq(httpd_hits(srv, "/news/cec-round.html"), 0);
	ck_assert_uint_eq(httpd_hits(srv, "/news/pnp-round.html"), 1);
	ck_assert_int_eq(count_lines(out, "unconfirmed draw 2025-02-17 pnp"), 1);
	want = xasprintf("eedraws: news: warning: robots.txt disallows '%s'\n", url);
	ck_assert_str_eq(err, want);
	free(out), free(err), free(want);
	/* Not a failure of the source. */
	ck_assert_int_eq(test_query_long(db, "SELECT failures FROM fetch_state WHERE source ="
	                                     " 'news'"), 0);
	free(url);
}
END_TEST

/* Serves at /news/feed.xml an RSS feed whose matching items link to
 * the n links given. */
static void
serve_feed_of(const char *const *links, size_t n)
{
	struct buf b = {0};
	size_t i;

	buf_adds(&b, "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>");
	for (i = 0; i < n; i++)
		buf_addf(&b, "<item><title>Express Entry round %zu</title><link>%s</link>"
		         "<pubDate>Mon, 17 Feb 2025 20:00:00 GMT</pubDate></item>", i, links[i]);
	buf_adds(&b, "</channel></rss>");
	httpd_route(srv, "/news/feed.xml", &(struct httpd_response){ .body = b.data,
	            .len = b.len, .etag = "\"f\"" });
	buf_release(&b);
}

START_TEST(test_links_to_this_machine_or_its_network_are_refused_with_a_warning)
{
	char *moved = httpd_url(srv, "/news/moved.html");
	char *inside = xasprintf("http://localhost:%u/news/pnp-round.html", httpd_port(srv));
	char *creds = xasprintf("http://u:p@127.0.0.1:%u/news/pnp-round.html",
	                        httpd_port(srv));
	const char *const links[] = { inside, "http://169.254.169.254/latest/meta-data/",
	                              "http://10.255.255.1/x", creds, "/news/moved.html",
	                              "/news/pnp-round.html" };
	struct httpd_response mv = { .status = 302 };
	char *out, *err;

	serve_news();
	mv.headers[0] = (struct httpd_header){ "Location", inside };
	httpd_route(srv, "/news/moved.html", &mv);
	serve_feed_of(links, 6);
	write_news_conf(NULL);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	/* The link on the feed's own origin is read, once; none of the
	 * others reached anything. */
	ck_assert_uint_eq(httpd_hits(srv, "/news/pnp-round.html"), 1);
	ck_assert_int_eq(count_lines(out, "unconfirmed draw 2025-02-17 pnp"), 1);
	ck_assert_int_eq(count_lines(err, "eedraws: news: warning: refused '"), 5);
	ck_assert_msg(strstr(err, "a loopback address") && strstr(err, "a link-local address") &&
	              strstr(err, "a private address") && strstr(err, "user name or password") &&
	              strstr(err, moved), "%s", err);
	free(out), free(err);
	/* Not the feed's failure, nor an attempt of the links'. */
	ck_assert_int_eq(test_query_long(db, "SELECT failures FROM fetch_state WHERE source ="
	                                     " 'news'"), 0);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM links WHERE attempts > 0"),
	                 1);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies WHERE kind ="
	                                     " 'article'"), 1);
	free(moved), free(inside), free(creds);
}
END_TEST

START_TEST(test_robots_txt_is_asked_for_every_redirect_of_an_article)
{
	char *to = httpd_url(srv, "/private/pnp-round.html");
	const char *const links[] = { "/news/moved.html" };
	struct httpd_response mv = { .status = 301 };
	char *out, *err;

	serve_news();
	serve_as("/private/pnp-round.html", "articles/before-ircc.txt", "text/plain", NULL, NULL);
	mv.headers[0] = (struct httpd_header){ "Location", to };
	httpd_route(srv, "/news/moved.html", &mv);
	serve_feed_of(links, 1);
	serve_robots("User-agent: *\nDisallow: /private/\n", 0);
	write_news_conf(NULL);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_uint_eq(httpd_hits(srv, "/news/moved.html"), 1);
	ck_assert_uint_eq(httpd_hits(srv, "/private/pnp-round.html"), 0);
	ck_assert_msg(strstr(err, "news: warning: robots.txt disallows '") && strstr(err, to),
	              "%s", err);
	free(out), free(err), free(to);
}
END_TEST

START_TEST(test_robots_txt_of_another_host_is_asked_when_a_redirect_leads_there)
{
	struct httpd *other = httpd_start();
	char *to, *trust, *out, *err;
	const char *const links[] = { "/news/moved.html" };
	struct httpd_response mv = { .status = 302 };

	ck_assert_ptr_nonnull(other);
	to = httpd_url(other, "/pnp-round.html");
	/* That host is one the admin configured, so it is not refused. */
	trust = xasprintf("[source other]\nkind = feed\nurl = %s\nenabled = no\n", to);
	serve_news();
	mv.headers[0] = (struct httpd_header){ "Location", to };
	httpd_route(srv, "/news/moved.html", &mv);
	serve_feed_of(links, 1);
	httpd_route(other, "/robots.txt", &(struct httpd_response){ .body = "User-agent: *\n"
	            "Disallow: /\n", .len = 25 });
	httpd_route(other, "/pnp-round.html", &(struct httpd_response){ .body = "x", .len = 1 });
	write_news_conf(trust);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_uint_eq(httpd_hits(other, "/robots.txt"), 1);
	ck_assert_uint_eq(httpd_hits(other, "/pnp-round.html"), 0);
	ck_assert_msg(strstr(err, "news: warning: robots.txt disallows '") && strstr(err, to),
	              "%s", err);
	free(out), free(err), free(to), free(trust);
	httpd_stop(other);
}
END_TEST

START_TEST(test_a_feed_redirected_into_a_disallowed_path_is_skipped)
{
	char *to = httpd_url(srv, "/private/feed.xml"), *out, *err;
	struct httpd_response mv = { .status = 302 };

	serve_news();
	serve_as("/private/feed.xml", "news/feed-1.xml", "application/rss+xml", NULL, NULL);
	mv.headers[0] = (struct httpd_header){ "Location", to };
	httpd_route(srv, "/news/feed.xml", &mv);
	serve_robots("User-agent: *\nDisallow: /private/\n", 0);
	write_news_conf(NULL);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_uint_eq(httpd_hits(srv, "/private/feed.xml"), 0);
	ck_assert_msg(strstr(err, "news: warning: robots.txt disallows '") && strstr(err, to),
	              "%s", err);
	free(out), free(err), free(to);
}
END_TEST

START_TEST(test_robots_txt_disallowing_a_feed_skips_the_source_alone)
{
	char *out, *err;

	serve_news();
	serve_as("/news/feed.xml", "news/feed-1.xml", "application/rss+xml", NULL, NULL);
	serve_robots("User-agent: eedraws\nDisallow: /news/feed\n", 0);
	write_news_conf(NULL);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_uint_eq(httpd_hits(srv, "/news/feed.xml"), 0);
	ck_assert_uint_eq(httpd_hits(srv, "/ircc.json"), 1);	/* IRCC's feed is not news */
	ck_assert_ptr_nonnull(strstr(err, "news: warning: robots.txt disallows '"));
	ck_assert_ptr_nonnull(strstr(err, "/news/feed.xml'"));
	ck_assert_int_eq(count_lines(err, ""), 1);
	free(out), free(err);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM fetch_state WHERE source ="
	                                     " 'news'"), 0);
}
END_TEST

START_TEST(test_robots_txt_404_allows_everything_and_is_kept_a_day)
{
	char *out, *err;

	serve_news();
	serve_as("/news/feed.xml", "news/feed-1.xml", "application/rss+xml", NULL, NULL);
	write_news_conf(NULL);	/* no /robots.txt: the server says 404 */
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(httpd_hits(srv, "/robots.txt"), 1);
	ck_assert_uint_eq(httpd_hits(srv, "/news/cec-round.html"), 1);
	ck_assert_uint_eq(httpd_hits(srv, "/news/pnp-round.html"), 1);
	free(out), free(err);
	/* The next run within a day asks the database, not the site. */
	serve_robots("User-agent: *\nDisallow: /\n", 0);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_uint_eq(httpd_hits(srv, "/robots.txt"), 1);
	ck_assert_uint_eq(httpd_hits(srv, "/news/feed.xml"), 2);
	free(out), free(err);
	/* A day later it is fetched again, and now disallows everything. */
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM robots"), 1);
	{
		sqlite3 *h;

		ck_assert_int_eq(sqlite3_open(db, &h), SQLITE_OK);
		ck_assert_int_eq(sqlite3_exec(h, "UPDATE robots SET fetched_at = strftime("
		                                 "'%Y-%m-%dT%H:%M:%SZ', 'now', '-25 hours')",
		                              NULL, NULL, NULL), SQLITE_OK);
		sqlite3_close(h);
	}
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_uint_eq(httpd_hits(srv, "/robots.txt"), 2);
	ck_assert_uint_eq(httpd_hits(srv, "/news/feed.xml"), 2);
	ck_assert_ptr_nonnull(strstr(err, "robots.txt disallows"));
	free(out), free(err);
}
END_TEST

START_TEST(test_robots_txt_500_disallows_everything_this_run_only)
{
	char *out, *err;

	serve_news();
	serve_as("/news/feed.xml", "news/feed-1.xml", "application/rss+xml", NULL, NULL);
	serve_robots("oops", 500);
	write_news_conf(NULL);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_uint_eq(httpd_hits(srv, "/news/feed.xml"), 0);
	ck_assert_ptr_nonnull(strstr(err, "robots.txt disallows '"));
	ck_assert_ptr_nonnull(strstr(err, "HTTP 500"));
	free(out), free(err);
	/* Not kept: the next run asks again, and may fetch. */
	serve_robots("User-agent: *\nDisallow: /private/\n", 0);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_str_eq(err, "");
	ck_assert_uint_eq(httpd_hits(srv, "/robots.txt"), 2);
	ck_assert_uint_eq(httpd_hits(srv, "/news/feed.xml"), 1);
	ck_assert_uint_eq(httpd_hits(srv, "/news/pnp-round.html"), 1);
	free(out), free(err);
}
END_TEST

START_TEST(test_robots_txt_unreachable_for_articles_leaves_them_for_next_run)
{
	struct httpd *other = httpd_start();
	char *out, *err, *feed, *article, *trust;

	/* The feed is here, its one article on another host whose
	 * robots.txt fails. */
	ck_assert_ptr_nonnull(other);
	article = httpd_url(other, "/pnp-round.html");
	feed = xasprintf("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>t</title>"
	                 "<item><title>Express Entry: 646 invited</title><link>%s</link>"
	                 "<pubDate>Mon, 17 Feb 2025 20:00:00 GMT</pubDate></item>"
	                 "</channel></rss>", article);
	httpd_route(srv, "/news/feed.xml", &(struct httpd_response){ .body = feed,
	            .len = strlen(feed), .etag = "\"f\"" });
	serve_as("/ircc.json", "history/06-2025-02-13T201252.json", "application/json", NULL,
	         NULL);
	httpd_route(other, "/robots.txt", &(struct httpd_response){ .status = 503 });
	{
		size_t len;
		char *body = test_slurp(test_data("articles/before-ircc.txt"), &len);

		httpd_route(other, "/pnp-round.html", &(struct httpd_response){ .body = body,
		            .len = len });
		free(body);
	}
	/* A source configured there, though disabled, makes the admin's
	 * choice of that host: its links are not refused as loopback. */
	trust = xasprintf("[source other]\nkind = feed\nurl = %s\nenabled = no\n", article);
	write_news_conf(trust);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_uint_eq(httpd_hits(other, "/pnp-round.html"), 0);
	ck_assert_ptr_nonnull(strstr(err, "robots.txt disallows '"));
	free(out), free(err);
	/* The feed was not finished: asked for again without its ETag, and
	 * the article fetched once its host's robots.txt answers. */
	httpd_route(other, "/robots.txt", &(struct httpd_response){ .status = 404 });
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_ptr_null(httpd_last_header(srv, "/news/feed.xml", "If-None-Match"));
	ck_assert_uint_eq(httpd_hits(other, "/pnp-round.html"), 1);
	ck_assert_int_eq(count_lines(out, "unconfirmed draw 2025-02-17"), 1);
	free(out), free(err);
	httpd_stop(other);
	free(feed), free(article), free(trust);
}
END_TEST

/* The requests to srv in order; all must have been answered. */
static size_t
visits(struct httpd *h, struct httpd_visit *v, size_t max)
{
	size_t n = httpd_visits(h, v, max);

	ck_assert_uint_le(n, max);
	return n;
}

START_TEST(test_update_sends_one_request_at_a_time_to_a_host_with_the_delay)
{
	const char *const src[] = { "a", "/a.json", "b", "/b.json", "c", "/c.json", NULL };
	struct httpd_visit v[8];
	char *out, *err;
	size_t i, n;

	/* Each holds up to 300 ms for company: sent together, they would
	 * be in flight together. */
	for (i = 0; src[i]; i += 2) {
		size_t len;
		char *body = test_slurp(test_data("feed-ddmmyyyy.json"), &len);

		httpd_route(srv, src[i + 1], &(struct httpd_response){ .body = body, .len = len,
		            .hold_ms = 300 });
		free(body);
	}
	write_conf("delay = 400ms\n", src);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	free(out), free(err);
	ck_assert_uint_eq(httpd_max_in_flight(srv), 1);
	n = visits(srv, v, 8);
	ck_assert_uint_eq(n, 3);
	for (i = 1; i < n; i++)
		ck_assert_msg(v[i].arrived - v[i - 1].answered >= 0.4,
		              "%s came %.3f s after %s was answered", v[i].path,
		              v[i].arrived - v[i - 1].answered, v[i - 1].path);
}
END_TEST

START_TEST(test_update_asks_robots_txt_first_and_pauses_after_it)
{
	struct httpd_visit v[8];
	char *out, *err, *text, *at;
	size_t i, n;
	FILE *f;

	serve_news();
	serve_as("/news/feed.xml", "news/feed-1.xml", "application/rss+xml", NULL, NULL);
	serve_robots("User-agent: *\nAllow: /\n", 0);
	write_news_conf(NULL);
	/* Its delay, in its one [eedraws] section: a second is an error. */
	text = test_slurp(conf, NULL);
	ck_assert_ptr_nonnull(at = strstr(text, "delay = 0\n"));
	f = fopen(conf, "w");
	fprintf(f, "%.*sdelay = 300ms\n%s", (int)(at - text), text, at + strlen("delay = 0\n"));
	fclose(f);
	free(text);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	free(out), free(err);
	n = visits(srv, v, 8);
	/* robots.txt, IRCC's feed and the news feed, two articles */
	ck_assert_uint_eq(n, 5);
	ck_assert_str_eq(v[0].path, "/robots.txt");
	for (i = 1; i < n; i++)
		ck_assert_msg(v[i].arrived - v[i - 1].answered >= 0.3,
		              "%s came %.3f s after %s was answered", v[i].path,
		              v[i].arrived - v[i - 1].answered, v[i - 1].path);
}
END_TEST

START_TEST(test_update_crawl_delay_lengthens_the_pause)
{
	struct httpd_visit v[8];
	char *out, *err;
	size_t i, n;

	serve_news();
	serve_as("/news/feed.xml", "news/feed-1.xml", "application/rss+xml", NULL, NULL);
	/* Our group's Crawl-delay, not the other one's. */
	serve_robots("User-agent: *\nCrawl-delay: 30\n\nUser-agent: eedraws\n"
	             "Crawl-delay: 0.7\n", 0);
	write_news_conf(NULL);		/* delay = 0 */
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	free(out), free(err);
	n = visits(srv, v, 8);
	ck_assert_uint_eq(n, 5);
	for (i = 1; i < n; i++)
		ck_assert_msg(v[i].arrived - v[i - 1].answered >= 0.7,
		              "%s came %.3f s after %s was answered", v[i].path,
		              v[i].arrived - v[i - 1].answered, v[i - 1].path);
}
END_TEST

START_TEST(test_update_fetches_two_hosts_at_once)
{
	struct httpd *other = httpd_start();
	struct httpd_visit v[4];
	char *out, *err, *url;
	size_t len;
	char *body = test_slurp(test_data("feed-ddmmyyyy.json"), &len);
	FILE *f;

	ck_assert_ptr_nonnull(other);
	/* Each answers only once the other's request is in, or after 5 s:
	 * one after the other, neither would overlap. */
	httpd_route(srv, "/a.json", &(struct httpd_response){ .body = body, .len = len,
	            .hold_ms = 5000 });
	httpd_route(other, "/b.json", &(struct httpd_response){ .body = body, .len = len,
	            .hold_ms = 5000 });
	write_conf(NULL, (const char *const[]){ "a", "/a.json", NULL });
	url = httpd_url(other, "/b.json");
	f = fopen(conf, "a");
	fprintf(f, "[source b]\nkind = ircc-json\nurl = %s\n", url);
	fclose(f);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	free(out), free(err);
	ck_assert_uint_eq(visits(srv, v, 4), 1);
	ck_assert_int_eq(v[0].overlapped, 1);
	ck_assert_uint_eq(visits(other, v, 4), 1);
	ck_assert_int_eq(v[0].overlapped, 1);
	httpd_stop(other);
	free(url), free(body);
}
END_TEST

/* Moves a round drop IRCC's feed is waiting out back by hours. */
static void
age_drop(int hours)
{
	char *sql = xasprintf("UPDATE feed_shape SET dropped_at = strftime("
	                      "'%%Y-%%m-%%dT%%H:%%M:%%SZ', dropped_at, '-%d hours')", hours);
	sqlite3 *h;

	ck_assert_int_eq(sqlite3_open(db, &h), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(h, sql, NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	free(sql);
}

/* IRCC's format drifts: a warning naming what changed, the run goes on.
 * 07 -> 08 is the real incident of round #336 vanishing for a while: a
 * round missing is said only once it has stayed missing for flap_grace,
 * even when no new body comes. */
START_TEST(test_a_feed_that_drops_a_round_or_changes_keys_warns_and_succeeds)
{
	const char *const src[] = { "ircc", "/feed.json", NULL };
	char *out, *err;

	write_conf("flap_grace = 2h\n", src);
	serve("/feed.json", "history/07-2025-02-17T190959.json", NULL, NULL);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_str_eq(err, "");
	free(out), free(err);
	serve("/feed.json", "history/08-2025-02-19T184209.json", NULL, NULL);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_str_eq(err, "");
	free(out), free(err);
	age_drop(1);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_str_eq(err, "");
	free(out), free(err);
	/* Still missing after flap_grace: said once. */
	age_drop(1);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_msg(strstr(err, "eedraws: ircc: http://") &&
	              strstr(err, "warning: the round count dropped from 337 to 336 at 20") &&
	              strstr(err, " and is still lower after flap_grace"), "%s", err);
	ck_assert_int_eq(count_lines(err, "eedraws: "), 1);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws WHERE number = '336'"),
	                 1);
	free(out), free(err);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_str_eq(err, "");
	free(out), free(err);

	/* Keys lost or gained are said at once. */
	serve("/feed.json", "drift-before.json", NULL, NULL);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	free(out), free(err);
	serve("/feed.json", "drift-after.json", NULL, NULL);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_msg(strstr(err, "records lost keys since the last body: drawCutOff\n"), "%s",
	              err);
	ck_assert_msg(strstr(err, "records gained keys since the last body: drawNote\n"), "%s",
	              err);
	ck_assert_msg(!strstr(err, "round count"), "%s", err);
	/* A key the record lacks states nothing: #433 keeps its tie-break. */
	ck_assert_str_eq(out, "new draw #434 2026-08-07 transport, 300 invitations, CRS 470\n");
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws WHERE number = '433'"
	                                 " AND tie_break = '2026-03-18T23:32:40Z'"), 1);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM revisions WHERE number"
	                                 " = '433'"), 0);
	free(out), free(err);
}
END_TEST

/* IRCC's CDN flapping, as it happened: #336 gone for an hour, back with
 * #337.  No mail, and nothing left waiting. */
START_TEST(test_a_round_that_comes_back_within_flap_grace_is_no_news)
{
	const char *const src[] = { "ircc", "/feed.json", NULL };
	const char *const files[] = { "history/07-2025-02-17T190959.json",
	                              "history/08-2025-02-19T184209.json",
	                              "history/09-2025-02-19T193406.json" };
	char *out, *err;
	size_t i;

	write_conf(NULL, src);
	for (i = 0; i < 3; i++) {
		serve("/feed.json", files[i], NULL, NULL);
		ck_assert_int_eq(update(&out, &err, NULL), 0);
		ck_assert_str_eq(err, "");
		free(out), free(err);
	}
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM feed_shape WHERE rounds = 338"
	                                 " AND dropped_at IS NULL"), 1);
	age_drop(24);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_str_eq(err, "");
	free(out), free(err);
}
END_TEST

/* The archive keeps what the server said about the body, once. */
START_TEST(test_update_archives_each_distinct_body_with_its_headers)
{
	const char *const src[] = { "ircc", "/feed.json", NULL };
	char *out, *err, *sql;
	size_t len;
	char *data = test_slurp(test_data("history/07-2025-02-17T190959.json"), &len);

	write_conf(NULL, src);
	serve("/feed.json", "history/07-2025-02-17T190959.json", "\"v1\"",
	      "Mon, 17 Feb 2025 19:09:59 GMT");
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	free(out), free(err);
	sql = xasprintf("SELECT count(*) FROM bodies WHERE source = 'ircc' AND url LIKE"
	                " 'http://127.0.0.1:%%/feed.json' AND status = 200 AND etag = '\"v1\"'"
	                " AND last_modified = 'Mon, 17 Feb 2025 19:09:59 GMT' AND content_type"
	                " = 'application/json' AND kind = 'ircc-json' AND size = %zu",
	                len);
	ck_assert_int_eq(test_query_long(db, sql), 1);
	/* Served again without validators: the same bytes, kept once. */
	serve("/feed.json", "history/07-2025-02-17T190959.json", NULL, NULL);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	free(out), free(err);
	serve("/feed.json", "history/08-2025-02-19T184209.json", NULL, NULL);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	free(out), free(err);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies"), 2);
	free(sql);
	free(data);
}
END_TEST

/* IRCC's two feeds, the French one served as Windows-1252: one set of
 * draws, the French names beside the English, nothing announced twice. */
START_TEST(test_update_merges_the_french_feed_served_as_cp1252)
{
	const char *const src[] = { "ircc", "/ee_rounds_123_en.json",
	                            "ircc-fr", "/ee_rounds_123_fr.json", NULL };
	char *out, *err;

	serve("/ee_rounds_123_en.json", "feed-2026-08-07.json", NULL, NULL);
	serve_as("/ee_rounds_123_fr.json", "feed-fr-cp1252.json",
	         "application/json; charset=windows-1252", NULL, NULL);
	write_conf(NULL, src);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_int_eq(count_lines(out, "new draw #"), 435);
	ck_assert_int_eq(count_lines(out, ""), 435);
	ck_assert_str_eq(err, "");
	free(out), free(err);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws"), 435);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM revisions"), 0);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws WHERE name_fr ="
	                                " 'Cat\xc3\xa9gorie de l\xe2\x80\x99" "exp\xc3\xa9rience"
	                                " canadienne' AND name = 'Canadian Experience Class'"), 1);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws WHERE name_fr IS NOT NULL"), 12);
}
END_TEST

/* A source declared French (lang = fr) that serves the English feed fails,
 * with nothing stored: the lang key reaches the parser. */
START_TEST(test_update_refuses_a_body_in_the_other_language)
{
	char *url = httpd_url(srv, "/rounds.json");
	char *out, *err;
	FILE *f = fopen(conf, "w");

	ck_assert_ptr_nonnull(f);
	fprintf(f, "[eedraws]\ndatabase = %s\ntimeout = 2\n"
	        "[source fr]\nkind = ircc-json\nurl = %s\nlang = fr\n", db, url);
	fclose(f);
	serve("/rounds.json", "feed-2026-08-07.json", NULL, NULL);
	ck_assert_int_eq(update(&out, &err, NULL), 65);
	ck_assert_str_eq(out, "");
	ck_assert_msg(strstr(err, "written in English") && strstr(err, "declared French"),
	              "stderr: %s", err);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws"), 0);
	free(out), free(err), free(url);
}
END_TEST

/* Every network fault, end to end: the error names the source, the
 * source is skipped with nothing written, the other source is stored,
 * the exit code is the fault's, and the next run tries again (no backoff
 * after one failure).  Each fault's details are in test_fetch.c. */
/* report = PATH: the page is written when a run changed the database, or
 * when it is missing, and left alone otherwise (the sources' states as
 * they were: test_update_rewrites_the_report_when_a_source_state_changes). */
START_TEST(test_update_rewrites_the_report_only_when_the_database_changed)
{
	const char *const src[] = { "ircc", "/feed.json", NULL };
	char *www = xasprintf("%s/www", dir), *page = xasprintf("%s/draws.html", www);
	char *extra = xasprintf("report = %s\n", page), *out, *err, *text;
	struct stat a, b;

	ck_assert_int_eq(mkdir(www, 0755), 0);
	write_conf(extra, src);
	serve("/feed.json", "history/08-2025-02-19T184209.json", NULL, NULL);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_str_eq(err, "");
	free(out), free(err);
	text = test_slurp(page, NULL);
	ck_assert_ptr_nonnull(strstr(text, "<title>#335, 5 Feb 2025,"));
	ck_assert_ptr_null(strstr(text, "<title>#337,"));
	free(text);

	/* Nothing new, the source as it was: the page stays as it is. */
	ck_assert_int_eq(stat(page, &a), 0);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_str_eq(out, "");
	free(out), free(err);
	ck_assert_int_eq(stat(page, &b), 0);
	ck_assert(a.st_ino == b.st_ino && a.st_mtime == b.st_mtime);

	/* A new draw: written again, with it. */
	serve("/feed.json", "history/09-2025-02-19T193406.json", NULL, NULL);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_int_eq(count_lines(out, "new draw #337 "), 1);
	free(out), free(err);
	text = test_slurp(page, NULL);
	ck_assert_ptr_nonnull(strstr(text, "<title>#337, 19 Feb 2025, French language: CRS 428,"
	                                   " 6,500 invitations</title>"));
	free(text);

	/* Missing: made again though nothing changed. */
	ck_assert_int_eq(unlink(page), 0);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_str_eq(out, "");
	free(out), free(err);
	ck_assert_int_eq(access(page, F_OK), 0);
	free(www), free(page), free(extra);
}
END_TEST

/* A source's state on the page follows status's, with no draw changed:
 * the page is rewritten when the feed starts failing (HTTP 500), left
 * alone while it keeps failing, and rewritten when it works again. */
START_TEST(test_update_rewrites_the_report_when_a_source_state_changes)
{
	const char *const src[] = { "ircc", "/feed.json", NULL };
	struct httpd_response fail = { .status = 500, .body = "oops", .len = 4 };
	char *page = xasprintf("%s/draws.html", dir), *extra = xasprintf("report = %s\n", page);
	char *out, *err, *text, *status;
	struct stat a, b;

	write_conf(extra, src);
	serve("/feed.json", "history/08-2025-02-19T184209.json", NULL, NULL);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	free(out), free(err);
	text = test_slurp(page, NULL);
	ck_assert_ptr_nonnull(strstr(text, "<td>ircc</td><td>ok</td>"));
	free(text);

	httpd_route(srv, "/feed.json", &fail);
	ck_assert_int_eq(update(&out, &err, NULL), EX_TEMPFAIL);
	free(out), free(err);
	ck_assert_int_eq(test_run((const char *const[]){ "eedraws", "-c", conf, "status", NULL },
	                          NULL, &status, &err), 0);
	ck_assert_msg(strstr(status, "failing"), "%s", status);
	free(status), free(err);
	text = test_slurp(page, NULL);
	ck_assert_msg(strstr(text, "<td>ircc</td><td class=\"flag\">failing</td>"), "%s",
	              strstr(text, "<section id=\"sources\">"));
	free(text);

	/* Still failing (named: no backoff): the page already says so. */
	ck_assert_int_eq(stat(page, &a), 0);
	ck_assert_int_eq(update(&out, &err, "ircc"), EX_TEMPFAIL);
	free(out), free(err);
	ck_assert_int_eq(stat(page, &b), 0);
	ck_assert(a.st_ino == b.st_ino);

	/* Working again, the same feed: no draw changes, the page says ok. */
	serve("/feed.json", "history/08-2025-02-19T184209.json", NULL, NULL);
	ck_assert_int_eq(update(&out, &err, "ircc"), 0);
	ck_assert_str_eq(out, "");
	free(out), free(err);
	text = test_slurp(page, NULL);
	ck_assert_ptr_nonnull(strstr(text, "<td>ircc</td><td>ok</td>"));
	free(text), free(page), free(extra);
}
END_TEST

/* A page that cannot be written is an error naming it, after the draws
 * were stored. */
START_TEST(test_a_report_that_cannot_be_written_fails_update_keeping_the_draws)
{
	const char *const src[] = { "ircc", "/feed.json", NULL };
	char *extra = xasprintf("report = %s/no/such/dir/draws.html\n", dir), *out, *err;

	write_conf(extra, src);
	serve("/feed.json", "feed-2026-08-07.json", NULL, NULL);
	ck_assert_int_eq(update(&out, &err, NULL), 1);
	ck_assert_int_eq(count_lines(out, "new draw #"), 435);
	ck_assert_msg(strstr(err, "eedraws: report: cannot write '") &&
	              strstr(err, "/no/such/dir/draws.html': the directory ") &&
	              !strstr(err, ".tmp."), "%s", err);
	free(out), free(err);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws"), 435);
	free(extra);
}
END_TEST

START_TEST(test_every_network_fault_skips_its_source_alone)
{
	static const char short_reply[] = "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n"
	                                  "Content-Type: application/json\r\n\r\n{\"r";
	static const char reset_reply[] = "HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n"
	                                  "Content-Type: application/json\r\n\r\n{\"rounds\": [";
	static const char not_gzip[] = "this is not gzip at all";
	enum { DRIP, STALL, SHORT, RESET, BAD_GZIP, BOMB, NO_HOST, BAD_TLS, NFAULTS };
	static const struct { const char *name; int code; const char *says; } faults[] = {
		[DRIP] = { "drip", EX_TEMPFAIL, "timed out" },
		[STALL] = { "stall", EX_TEMPFAIL, "timed out" },
		[SHORT] = { "short", EX_TEMPFAIL, "closed the connection before the whole body arrived" },
		[RESET] = { "reset", EX_TEMPFAIL, "the connection broke off mid-transfer" },
		[BAD_GZIP] = { "bad gzip", EX_DATAERR, "the body is corrupt" },
		[BOMB] = { "bomb", EX_DATAERR, "once decoded" },
		[NO_HOST] = { "no host", EX_TEMPFAIL, "nonexistent.invalid" },
		[BAD_TLS] = { "bad tls", EX_TEMPFAIL, "TLS certificate could not be verified" },
	};
	char big[4096];
	size_t zlen;
	char *gz = gzip_zeros(4 << 20, &zlen);
	char *key = test_slurp(test_data("tls/key.pem"), NULL);
	char *cert = test_slurp(test_data("tls/cert.pem"), NULL);
	int f, limit;

	memset(big, ' ', sizeof(big));
	serve("/good.json", "history/07-2025-02-17T190959.json", NULL, NULL);
	for (f = 0; f < NFAULTS; f++) {
		struct httpd_response r = { .body = big, .len = sizeof(big) };
		struct rawd *raw = NULL;
		struct httpd *tls = NULL;
		char *url = NULL, *good = httpd_url(srv, "/good.json"), *out, *err;
		FILE *cf;

		switch (f) {
		case DRIP:
			r.drip_ms = 400;
			break;
		case STALL:
			r.stall = 1;
			r.claimed_length = 100000;
			break;
		case SHORT:
			raw = rawd_start(short_reply, sizeof(short_reply) - 1, 0);
			break;
		case RESET:
			raw = rawd_start(reset_reply, sizeof(reset_reply) - 1, 1);
			break;
		case BAD_GZIP:
			r = (struct httpd_response){ .body = not_gzip, .len = sizeof(not_gzip) - 1,
			                             .headers = { { "Content-Encoding", "gzip" } } };
			break;
		case BOMB:
			r = (struct httpd_response){ .body = gz, .len = zlen,
			                             .headers = { { "Content-Encoding", "gzip" } } };
			break;
		case NO_HOST:
			url = xstrdup("http://nonexistent.invalid/feed.json");
			break;
		case BAD_TLS:
			tls = httpd_start_tls(key, cert);
			ck_assert_ptr_nonnull(tls);
			url = httpd_url(tls, "/feed.json");
			break;
		}
		if (raw)
			url = rawd_url(raw, "/feed.json");
		if (!url) {
			httpd_route(srv, "/bad", &r);
			url = httpd_url(srv, "/bad");
		}
		/* A fresh database per fault.  The limits are 2 s where a
		 * timeout is the fault (and a slow resolver must not hold the
		 * test up), else ample: a failed TLS handshake is no timeout,
		 * however slowly it runs (under valgrind it takes seconds). */
		free(db);
		db = xasprintf("%s/fault-%d.db", dir, f);
		limit = f == DRIP || f == STALL || f == NO_HOST ? 2 : 30;
		ck_assert_ptr_nonnull(cf = fopen(conf, "w"));
		fprintf(cf, "[eedraws]\ndatabase = %s\ntimeout = %d\nconnect_timeout = %d\n"
		        "delay = 0\nmax_size = 1048576\n[source bad]\nkind = ircc-json\nurl = %s\n"
		        "[source good]\nkind = ircc-json\nurl = %s\n", db, limit, limit, url, good);
		fclose(cf);

		ck_assert_msg(update(&out, &err, NULL) == faults[f].code, "%s: %s",
		              faults[f].name, err);
		ck_assert_msg(strncmp(err, "eedraws: bad: ", 14) == 0 &&
		              strstr(err, faults[f].says) && count_lines(err, "") == 1,
		              "%s: %s", faults[f].name, err);
		ck_assert_int_eq(count_lines(out, "new draw #"), 337);	/* good's, all */
		ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws"), 337);
		ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies"), 1);
		ck_assert_msg(test_query_long(db, "SELECT count(*) FROM fetch_state WHERE source"
		                              " = 'bad' AND failures = 1 AND last_success IS NULL"
		                              " AND next_attempt IS NULL AND etag IS NULL") == 1,
		              "%s: the next run would not try again", faults[f].name);
		free(out), free(err), free(url), free(good);
		rawd_stop(raw);
		httpd_stop(tls);
	}
	free(gz), free(key), free(cert);
}
END_TEST

/* update run with at most limit_mb MB of memory, as a service's
 * MemoryMax or a ulimit -v would give it: the child caps its address
 * space before exec.  ASan reserves terabytes of address space, so a
 * sanitized build is capped by its own resident-size limit instead. */
static int
update_capped(size_t limit_mb, char **out, char **err)
{
	const char *const argv[] = { "eedraws", "-c", conf, "update", NULL };
	char *outp = xasprintf("%s/capped.out", dir), *errp = xasprintf("%s/capped.err", dir);
	int status;
	pid_t pid;

	pid = fork();
	ck_assert(pid >= 0);
	if (pid == 0) {
		struct rlimit rl = { (rlim_t)limit_mb << 20, (rlim_t)limit_mb << 20 };
		int i = open("/dev/null", O_RDONLY);
		int o = open(outp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		int e = open(errp, O_WRONLY | O_CREAT | O_TRUNC, 0600);

		if (i < 0 || o < 0 || e < 0)
			_exit(127);
		dup2(i, 0), dup2(o, 1), dup2(e, 2);
		close(i), close(o), close(e);
#if defined(__SANITIZE_ADDRESS__)
		{
			const char *old = getenv("ASAN_OPTIONS");
			char *opts = xasprintf("%s%shard_rss_limit_mb=%zu", old ? old : "",
			                       old && *old ? ":" : "", limit_mb);

			setenv("ASAN_OPTIONS", opts, 1);
			(void)rl;
		}
#else
		if (setrlimit(RLIMIT_AS, &rl) != 0)
			_exit(126);
#endif
		execv(test_bin(), (char *const *)argv);
		_exit(127);
	}
	ck_assert(waitpid(pid, &status, 0) == pid);
	*out = test_slurp(outp, NULL);
	*err = test_slurp(errp, NULL);
	unlink(outp), unlink(errp);
	free(outp), free(errp);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* A 200 kB RSS feed whose text would be 2 GB once its entities are
 * expanded: a 100 kB entity named ten times in each of a thousand titles
 * and descriptions (libxml2 lets this through: it is not nested). */
static char *
entity_bomb_feed(size_t *len)
{
	struct buf b = {0};
	size_t i;

	buf_adds(&b, "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY e \"");
	for (i = 0; i < 100000; i++)
		buf_add(&b, "x", 1);
	buf_adds(&b, "\">]>\n<rss version=\"2.0\"><channel><title>t</title>\n");
	for (i = 0; i < 1000; i++)
		buf_addf(&b, "<item><title>&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;</title><description>"
		         "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;</description><link>/news/%zu</link>"
		         "</item>\n", i);
	buf_adds(&b, "</channel></rss>\n");
	return buf_detach(&b, len);
}

START_TEST(test_a_feed_whose_entities_take_gigabytes_is_refused_within_256_mb)
{
	struct httpd_response r = {0};
	char *bomb, *ircc, *news, *out, *err;
	FILE *f;

	serve_as("/ircc.json", "history/06-2025-02-13T201252.json", "application/json", NULL,
	         NULL);
	bomb = entity_bomb_feed(&r.len);
	r.body = bomb;
	r.headers[0] = (struct httpd_header){ "Content-Type", "application/rss+xml" };
	httpd_route(srv, "/news/feed.xml", &r);
	free(bomb);
	/* The feed first, so that IRCC's feed is taken after it. */
	ircc = httpd_url(srv, "/ircc.json");
	news = httpd_url(srv, "/news/feed.xml");
	ck_assert_ptr_nonnull(f = fopen(conf, "w"));
	fprintf(f, "[eedraws]\ndatabase = %s\ntimeout = 30\nconnect_timeout = 30\ndelay = 0\n"
	        "[source news]\nkind = feed\nurl = %s\n[source ircc]\nkind = ircc-json\n"
	        "url = %s\n", db, news, ircc);
	fclose(f);

	ck_assert_msg(update_capped(256, &out, &err) == EX_DATAERR, "%s", err);
	ck_assert_msg(strncmp(err, "eedraws: news: ", 15) == 0 && strstr(err, "refused") &&
	              strstr(err, "entities") && count_lines(err, "") == 1, "%s", err);
	ck_assert_int_gt(count_lines(out, "new draw #"), 300);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws"),
	                 count_lines(out, "new draw #"));
	ck_assert_uint_eq(httpd_hits(srv, "/news/0"), 0);
	ck_assert_int_eq(test_query_long(db, "SELECT failures FROM fetch_state"
	                                 " WHERE source = 'news'"), 1);
	free(out), free(err), free(ircc), free(news);
}
END_TEST

/* IRCC's events reach notify as soon as its body is stored, before any
 * article is fetched: the command here kills eedraws on IRCC's event, so
 * an article fetched before it would be seen by the server. */
START_TEST(test_ircc_notifications_are_delivered_before_the_news_stage)
{
	char *script = xasprintf("%s/notify.sh", dir), *log = xasprintf("%s/log", dir);
	char *extra = xasprintf("notify = %s\n", script), *out, *err, *text;
	char *ircc = httpd_url(srv, "/ircc.json"), *news = httpd_url(srv, "/news/feed.xml");
	FILE *f = fopen(script, "w");

	ck_assert_ptr_nonnull(f);
	fprintf(f, "#!/bin/sh\necho \"$EEDRAWS_EVENT $EEDRAWS_CONFIRMED\" >> '%s'\n"
	        "if [ \"$EEDRAWS_CONFIRMED\" = yes ]; then kill -KILL $PPID; fi\n", log);
	fclose(f);
	ck_assert_int_eq(chmod(script, 0755), 0);
	ck_assert_int_eq(test_run((const char *const[]){ "eedraws", "-d", db, "ingest",
	                                                test_data("history/05-2025-02-05T190940.json"),
	                                                NULL }, NULL, &out, &err), 0);
	free(out), free(err);
	f = fopen(conf, "w");
	ck_assert_ptr_nonnull(f);
	fprintf(f, "[eedraws]\ndatabase = %s\ntimeout = 2\nconnect_timeout = 2\ndelay = 0\n%s"
	        "[source ircc]\nkind = ircc-json\nurl = %s\n[source news]\nkind = feed\n"
	        "url = %s\n", db, extra, ircc, news);
	fclose(f);
	serve_news();
	serve_as("/news/feed.xml", "news/feed-1.xml", "application/rss+xml", NULL, NULL);
	update(&out, &err, NULL);
	free(out), free(err);
	text = test_slurp(log, NULL);
	ck_assert_str_eq(text, "changed yes\n");
	ck_assert_uint_eq(httpd_hits(srv, "/news/feed.xml"), 1);
	ck_assert_uint_eq(httpd_hits(srv, "/news/pnp-round.html"), 0);
	ck_assert_uint_eq(httpd_hits(srv, "/news/cec-round.html"), 0);
	free(text), free(script), free(log), free(extra), free(ircc), free(news);
}
END_TEST

/* The issue's poison pill: a feed's link with a 140 kB fragment reaches
 * notify cut to 4 kB, so the command runs (it used to fail with E2BIG
 * on every run, holding back every later notification). */
START_TEST(test_a_feed_link_with_a_huge_fragment_is_notified_cut)
{
	char *script = xasprintf("%s/notify.sh", dir), *log = xasprintf("%s/log", dir);
	char *extra = xasprintf("notify = %s\n", script), *out, *err, *text, *feed;
	const char *const src[] = { "ircc", "/ircc.json", NULL };
	struct buf b = {0};
	struct httpd_response r = {0};
	char *news = httpd_url(srv, "/news/feed.xml");
	FILE *f = fopen(script, "w");
	size_t i;

	ck_assert_ptr_nonnull(f);
	fprintf(f, "#!/bin/sh\necho \"$EEDRAWS_EVENT ${#EEDRAWS_URL}\" >> '%s'\n", log);
	fclose(f);
	ck_assert_int_eq(chmod(script, 0755), 0);
	ck_assert_int_eq(test_run((const char *const[]){ "eedraws", "-d", db, "ingest",
	                                                test_data("history/05-2025-02-05T190940.json"),
	                                                NULL }, NULL, &out, &err), 0);
	free(out), free(err);
	write_conf(extra, src);
	f = fopen(conf, "a");
	ck_assert_ptr_nonnull(f);
	fprintf(f, "[source news]\nkind = feed\nurl = %s\n", news);
	fclose(f);
	buf_addf(&b, "<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>t</title>"
	         "<item><title>Express Entry: 646 provincial nominees invited</title>"
	         "<link>/news/pnp-round.html#");
	for (i = 0; i < 140 * 1024; i++)
		buf_addf(&b, "a");
	buf_addf(&b, "</link><pubDate>Mon, 17 Feb 2025 20:00:00 GMT</pubDate></item>"
	         "</channel></rss>\n");
	feed = buf_detach(&b, NULL);
	r.body = feed;
	r.len = strlen(feed);
	r.headers[0] = (struct httpd_header){ "Content-Type", "application/rss+xml" };
	httpd_route(srv, "/news/feed.xml", &r);
	serve_news();
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	free(out), free(err);
	text = test_slurp(log, NULL);
	ck_assert_msg(strstr(text, "unconfirmed 4096\n"), "%s", text);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM notifications WHERE"
	                                 " delivered_at IS NULL"), 0);
	free(text), free(feed), free(script), free(log), free(extra), free(news);
}
END_TEST

/* A source backed off says in status when it is tried next; one that
 * failed once is tried on the next run, and says nothing of it. */
START_TEST(test_status_shows_when_a_backed_off_source_is_tried_next)
{
	const char *const src[] = { "broken", "/broken.json", NULL };
	char *out, *err, next[21];
	const char *line;

	httpd_route(srv, "/broken.json", &(struct httpd_response){ .status = 503 });
	write_conf(NULL, src);
	ck_assert_int_eq(update(&out, &err, NULL), EX_TEMPFAIL);
	free(out), free(err);
	status(&out, &err);
	ck_assert_msg((line = status_line(out, "broken")) && !strstr(line, "next try"), "%s",
	              out);
	free(out), free(err);
	ck_assert_int_eq(update(&out, &err, NULL), EX_TEMPFAIL);
	free(out), free(err);
	format_utc((time_t)test_query_long(db, "SELECT unixepoch(next_attempt) FROM"
	                                   " fetch_state"), next);
	status(&out, &err);
	line = status_line(out, "broken");
	ck_assert_msg(line && strstr(line, "HTTP 503"), "%s", out);
	ck_assert_msg(strstr(line, "; next try after ") &&
	              strncmp(strstr(line, "; next try after ") + 17, next, 20) == 0, "%s / %s",
	              line, next);
	free(out), free(err);
}
END_TEST

/* A dead article link fails the run once; after that it is quiet in the
 * cron mail, and status shows it with its last error, until it is given
 * up (said once) and shown as such. */
START_TEST(test_a_dead_link_fails_once_then_shows_in_status_until_given_up)
{
	char *out, *err;
	const char *line;

	serve_news();
	httpd_route(srv, "/news/cec-round.html", &(struct httpd_response){ .status = 500 });
	serve_as("/news/feed.xml", "news/feed-1.xml", "application/rss+xml", "\"f1\"", NULL);
	write_news_conf(NULL);
	ck_assert_int_eq(update(&out, &err, NULL), EX_TEMPFAIL);
	ck_assert_msg(strstr(err, "cec-round.html"), "%s", err);
	free(out), free(err);
	ck_assert_int_eq(status(&out, &err), 0);
	line = strstr(out, "link http://");
	ck_assert_msg(line && strstr(line, "/news/cec-round.html (news): failed 1 time, tried"
	                     " again next run; last error: ") && strstr(line, "HTTP 500"),
	              "%s", out);
	free(out), free(err);

	/* The second failure: no mail, exit 0, status counts it. */
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, "");
	free(out), free(err);
	ck_assert_int_eq(status(&out, &err), 0);
	ck_assert_msg(strstr(out, "/news/cec-round.html (news): failed 2 times, tried again"
	                     " next run; last error: "), "%s", out);
	free(out), free(err);

	/* The third: given up, said once as a warning, not a failure. */
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_int_eq(count_lines(err, "eedraws: "), 1);
	ck_assert_msg(strstr(err, "news: warning: gave up on http://") &&
	              strstr(err, "/news/cec-round.html after 3 failures (eedraws status"
	                     " shows it)"), "%s", err);
	free(out), free(err);
	ck_assert_int_eq(status(&out, &err), 0);
	ck_assert_msg(strstr(out, "/news/cec-round.html (news): failed 3 times, given up;"
	                     " last error: "), "%s", out);
	free(out), free(err);
	ck_assert_int_eq(update(&out, &err, NULL), 0);
	ck_assert_str_eq(err, "");
	free(out), free(err);
	ck_assert_uint_eq(httpd_hits(srv, "/news/cec-round.html"), 3);
}
END_TEST

Suite *
update_suite(void)
{
	Suite *s = suite_create("update");
	TCase *tc = tcase_create("update");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_update_stores_the_feed_then_is_silent_on_304_via_etag);
	tcase_add_test(tc, test_update_sends_if_modified_since_and_gets_304);
	tcase_add_test(tc, test_an_unchanged_body_without_validators_is_silent);
	tcase_add_test(tc, test_update_prints_exactly_the_new_draws);
	tcase_add_test(tc, test_update_prints_a_correction);
	tcase_add_test(tc, test_http_404_exits_75);
	tcase_add_test(tc, test_http_500_exits_75);
	tcase_add_test(tc, test_a_stalled_server_times_out_with_75);
	tcase_add_test(tc, test_a_redirect_loop_exits_75);
	tcase_add_test(tc, test_a_redirect_to_another_scheme_exits_65);
	tcase_add_test(tc, test_a_body_over_the_size_cap_exits_65);
	tcase_add_test(tc, test_an_invalid_feed_exits_65_naming_line_and_column);
	tcase_add_test(tc, test_an_html_error_page_in_place_of_the_feed_exits_65);
	tcase_add_test(tc, test_a_rejected_body_is_fetched_again_unconditionally);
	tcase_add_test(tc, test_disabled_sources_run_only_when_named);
	tcase_add_test(tc, test_feed_items_are_fetched_once_and_only_when_they_match);
	tcase_add_test(tc, test_max_items_bounds_a_run_and_the_rest_come_next);
	tcase_add_test(tc, test_a_match_pattern_picks_the_items);
	tcase_add_test(tc, test_a_failing_article_is_tried_again_and_the_others_stored);
	tcase_add_test(tc, test_ingest_of_a_feed_url_fetches_its_new_matching_articles);
	tcase_add_test(tc, test_status_shows_a_failing_source_as_stale);
	tcase_add_test(tc, test_status_shows_an_old_success_as_stale);
	tcase_add_test(tc, test_a_redirected_source_keeps_its_state_under_its_own_url);
	tcase_add_test(tc, test_a_source_failing_again_and_again_backs_off);
	tcase_add_test(tc, test_retry_after_is_honoured);
	tcase_add_test(tc, test_a_retry_after_decades_away_waits_six_hours_and_says_so);
	tcase_add_test(tc, test_a_full_disk_here_does_not_count_against_the_source);
	tcase_add_test(tc, test_a_full_disk_here_does_not_count_against_an_article);
	tcase_add_test(tc, test_robots_txt_disallowing_an_article_keeps_it_unfetched);
	tcase_add_test(tc, test_robots_txt_disallowing_a_feed_skips_the_source_alone);
	tcase_add_test(tc, test_links_to_this_machine_or_its_network_are_refused_with_a_warning);
	tcase_add_test(tc, test_robots_txt_is_asked_for_every_redirect_of_an_article);
	tcase_add_test(tc, test_robots_txt_of_another_host_is_asked_when_a_redirect_leads_there);
	tcase_add_test(tc, test_a_feed_redirected_into_a_disallowed_path_is_skipped);
	tcase_add_test(tc, test_robots_txt_404_allows_everything_and_is_kept_a_day);
	tcase_add_test(tc, test_robots_txt_500_disallows_everything_this_run_only);
	tcase_add_test(tc, test_robots_txt_unreachable_for_articles_leaves_them_for_next_run);
	tcase_add_test(tc, test_update_sends_one_request_at_a_time_to_a_host_with_the_delay);
	tcase_add_test(tc, test_update_asks_robots_txt_first_and_pauses_after_it);
	tcase_add_test(tc, test_update_crawl_delay_lengthens_the_pause);
	tcase_add_test(tc, test_update_fetches_two_hosts_at_once);
	tcase_add_test(tc, test_a_feed_that_drops_a_round_or_changes_keys_warns_and_succeeds);
	tcase_add_test(tc, test_a_round_that_comes_back_within_flap_grace_is_no_news);
	tcase_add_test(tc, test_update_archives_each_distinct_body_with_its_headers);
	tcase_add_test(tc, test_update_merges_the_french_feed_served_as_cp1252);
	tcase_add_test(tc, test_update_refuses_a_body_in_the_other_language);
	tcase_add_test(tc, test_every_network_fault_skips_its_source_alone);
	tcase_add_test(tc, test_update_rewrites_the_report_only_when_the_database_changed);
	tcase_add_test(tc, test_a_report_that_cannot_be_written_fails_update_keeping_the_draws);
	tcase_add_test(tc, test_update_rewrites_the_report_when_a_source_state_changes);
	tcase_add_test(tc, test_a_feed_whose_entities_take_gigabytes_is_refused_within_256_mb);
	tcase_add_test(tc, test_ircc_notifications_are_delivered_before_the_news_stage);
	tcase_add_test(tc, test_a_feed_link_with_a_huge_fragment_is_notified_cut);
	tcase_add_test(tc, test_status_shows_when_a_backed_off_source_is_tried_next);
	tcase_add_test(tc, test_a_dead_link_fails_once_then_shows_in_status_until_given_up);
	tcase_add_test(tc, test_only_a_command_that_fetches_loads_libcurl);
	suite_add_tcase(s, tc);
	return s;
}
