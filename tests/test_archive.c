/* test_archive.c: the body archive compressed: patches against the body
 * before, chains cut every CODEC_CHAIN, pruning that keeps every base, the
 * migration of an archive kept whole, and the exact bytes given back. */
#include <check.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <unistd.h>

#include "store.h"
#include "store_codec.h"
#include "testutil.h"

static char *dir, *db;

static void
setup(void)
{
	dir = test_home();
	db = xasprintf("%s/a.db", dir);
}

static void
teardown(void)
{
	test_rmtree(dir);
	free(db);
	free(dir);
}

static void
exec_sql(const char *sql)
{
	sqlite3 *h;

	ck_assert_int_eq(sqlite3_open(db, &h), SQLITE_OK);
	ck_assert_msg(sqlite3_exec(h, sql, NULL, NULL, NULL) == SQLITE_OK, "%s: %s", sql,
	              sqlite3_errmsg(h));
	sqlite3_close(h);
}

#define EEDRAWS(out, err, ...) \
	test_run((const char *const[]){ "eedraws", "-d", db, __VA_ARGS__, NULL }, NULL, out, err)

/* Every row sql gives on db, each column quoted, one line a row. */
static char *
rows_text(const char *sql)
{
	struct buf b = {0};
	sqlite3_stmt *st;
	sqlite3 *h;
	int i;

	ck_assert_int_eq(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	ck_assert_msg(sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK, "%s: %s", sql,
	              sqlite3_errmsg(h));
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (i = 0; i < sqlite3_column_count(st); i++) {
			const char *v = (const char *)sqlite3_column_text(st, i);

			buf_addf(&b, "%s%s", i ? "|" : "", v ? v : "NULL");
		}
		buf_adds(&b, "\n");
	}
	sqlite3_finalize(st);
	sqlite3_close(h);
	return buf_detach(&b, NULL);
}

/* The archive as read back through the store: one line per body, in
 * store_each_body's order: its URL, length and whole bytes. */
static int
add_body(void *ctx, const struct body *b, const char *source, const char *kind,
         const char *assumed_date)
{
	struct buf *all = ctx;

	(void)assumed_date;
	buf_addf(all, "%s %s %s %zu\n", source, kind, b->url, b->len);
	buf_add(all, b->data, b->len);
	buf_adds(all, "\n");
	return 0;
}

static char *
bodies_read(void)
{
	struct buf all = {0};
	struct store *s;
	struct err e = {0};

	ck_assert_msg(store_open(&s, db, &e) == 0, "%s", e.msg);
	ck_assert_msg(store_each_body(s, add_body, &all, &e) == 0, "%s", e.msg);
	store_close(s);
	return buf_detach(&all, NULL);
}

/* The same from the table itself, where data is the bytes (schema 6). */
static char *
bodies_raw(void)
{
	struct buf all = {0};
	sqlite3_stmt *st;
	sqlite3 *h;

	ck_assert_int_eq(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(h, "SELECT source, kind, url, data FROM bodies"
	                                    " ORDER BY first_fetched, id", -1, &st, NULL),
	                 SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const void *data = sqlite3_column_blob(st, 3);
		size_t len = (size_t)sqlite3_column_bytes(st, 3);

		buf_addf(&all, "%s %s %s %zu\n", sqlite3_column_text(st, 0),
		         sqlite3_column_text(st, 1), sqlite3_column_text(st, 2), len);
		buf_add(&all, data, len);
		buf_adds(&all, "\n");
	}
	sqlite3_finalize(st);
	sqlite3_close(h);
	return buf_detach(&all, NULL);
}

/* Archives len bytes as a body of source and kind at url, fetched at t. */
static void
archive_bytes(struct store *s, const char *source, const char *kind, const char *url,
              const char *data, size_t len, time_t t)
{
	struct body b = {0};
	struct err e = {0};

	b.url = (char *)url;
	b.data = (char *)data;
	b.len = len;
	b.fetched_at = t;
	ck_assert_msg(store_archive(s, source, &b, kind, NULL, &e) == 0, "%s", e.msg);
}

/* The n-th of a series of bodies like successive IRCC feeds: the small
 * feed with n rounds more before it, one of them changed now and then. */
static char *
snapshot(const char *feed, int n)
{
	struct buf b = {0};
	int i;

	buf_adds(&b, "{\"rounds\": [\n");
	for (i = n; i > 0; i--)
		buf_addf(&b, " {\"drawNumber\": \"%d\", \"drawDate\": \"2025-%02d-%02d\","
		         " \"drawSize\": \"%d\", \"drawCRS\": \"%d\"},\n", 400 + i,
		         1 + i % 12, 1 + i % 28, 1000 + 37 * i, i == n / 2 ? 999 : 450 + i % 90);
	buf_adds(&b, feed);
	return buf_detach(&b, NULL);
}

START_TEST(test_a_body_is_a_patch_on_the_one_before_it_a_whole_one_every_32)
{
	char *feed = test_slurp(test_data("feed-2025-02-05-small.json"), NULL);
	char *url, *got;
	struct store *s;
	struct err e = {0};
	struct buf want = {0};
	int i;

	ck_assert_msg(store_open(&s, db, &e) == 0, "%s", e.msg);
	for (i = 0; i < 70; i++) {
		char *body = snapshot(feed, i);

		url = xasprintf("https://ircc.example/rounds.json?%d", i % 3);
		archive_bytes(s, "ircc", "ircc-json", url, body, strlen(body), 1786111200 + i);
		buf_addf(&want, "ircc ircc-json %s %zu\n%s\n", url, strlen(body), body);
		free(body), free(url);
		/* Another source's and kind's bodies between: chains of their own. */
		if (i % 10 == 0) {
			body = xasprintf("%.2000s article %d", feed + 100, i);
			archive_bytes(s, "news", "article", "https://news.example/a", body,
			              strlen(body), 1786111200 + i);
			buf_addf(&want, "news article https://news.example/a %zu\n%s\n",
			         strlen(body), body);
			free(body);
		}
	}
	store_close(s);
	/* A whole body, then patches on the one before: 31 of them at most
	 * (a read decodes 32 at most), then a whole one again. */
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies WHERE source = 'ircc'"
	                                     " AND encoding = 'zstd'"), 3);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies b JOIN bodies p"
	                                     " ON p.id = b.base WHERE b.source = 'ircc' AND"
	                                     " p.id = (SELECT max(id) FROM bodies WHERE"
	                                     " source = 'ircc' AND id < b.id)"), 67);
	ck_assert_int_eq(test_query_long(db, "WITH RECURSIVE d(id, n) AS (SELECT id, 0 FROM"
	                                     " bodies WHERE base IS NULL UNION ALL SELECT b.id,"
	                                     " d.n + 1 FROM bodies b JOIN d ON b.base = d.id)"
	                                     " SELECT max(n) FROM d"), CODEC_CHAIN - 1);
	/* The articles' chain is their own, not IRCC's. */
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies WHERE kind = 'article'"
	                                     " AND encoding = 'zstd-patch'"), 6);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies b JOIN bodies p"
	                                     " ON p.id = b.base WHERE b.kind <> p.kind"
	                                     " OR b.source <> p.source"), 0);
	/* A patch costs a small part of its body; size is the body's. */
	ck_assert_int_lt(test_query_long(db, "SELECT max(length(data)) FROM bodies WHERE"
	                                     " encoding = 'zstd-patch' AND source = 'ircc'"), 400);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies WHERE size <>"
	                                     " CAST(substr(hash, 26) AS INTEGER)"), 0);
	/* Every body given back exactly, by a store that has read none yet. */
	got = bodies_read();
	ck_assert_str_eq(got, want.data);
	free(got), free(feed);
	buf_release(&want);
}
END_TEST

/* Another eedraws pruned a body and its id went to another: this one's
 * memory of the old bytes is no base for the next patch. */
START_TEST(test_an_id_given_again_is_not_read_from_memory)
{
	static const char old[] = "{\"rounds\": [{\"drawNumber\": \"1\"}, {\"drawNumber\": \"2\"}]}";
	static const char other[] = "{\"rounds\": [{\"drawNumber\": \"7\"}, {\"drawNumber\": \"8\"},"
	                            " {\"drawNumber\": \"9\"}]}";
	static const char next[] = "{\"rounds\": [{\"drawNumber\": \"7\"}, {\"drawNumber\": \"8\"},"
	                           " {\"drawNumber\": \"9\"}, {\"drawNumber\": \"10\"}]}";
	struct store *s;
	struct err e = {0};
	char hash[40], *sql, *got, *want;

	ck_assert_msg(store_open(&s, db, &e) == 0, "%s", e.msg);
	archive_bytes(s, "ircc", "ircc-json", "u", old, strlen(old), 1786111200);
	body_hash(other, strlen(other), hash);
	sql = xasprintf("DELETE FROM bodies; INSERT INTO bodies (id, source, url, hash, kind,"
	                " first_fetched, last_fetched, encoding, size, data) VALUES (1, 'ircc',"
	                " 'u', '%s', 'ircc-json', '2026-08-07T12:00:01Z', '2026-08-07T12:00:01Z',"
	                " 'raw', %zu, CAST('%s' AS BLOB))", hash, strlen(other), other);
	exec_sql(sql);
	archive_bytes(s, "ircc", "ircc-json", "u", next, strlen(next), 1786111202);
	store_close(s);
	ck_assert_int_eq(test_query_long(db, "SELECT base FROM bodies WHERE id = 2"), 1);
	got = bodies_read();
	want = xasprintf("ircc ircc-json u %zu\n%s\nircc ircc-json u %zu\n%s\n", strlen(other),
	                 other, strlen(next), next);
	ck_assert_str_eq(got, want);
	free(sql), free(got), free(want);
}
END_TEST

/* Written by eedraws before bodies were compressed: four successive
 * IRCC-like feeds (one served twice) and two articles. */
START_TEST(test_a_schema_6_archive_is_compressed_in_place_every_byte_kept)
{
	static const char tables[] =
		"SELECT * FROM draws ORDER BY number;"
		"SELECT * FROM revisions ORDER BY id;"
		"SELECT * FROM pool ORDER BY number, band;"
		"SELECT * FROM observations ORDER BY id;"
		"SELECT * FROM unconfirmed ORDER BY id;"
		"SELECT * FROM feed_shape ORDER BY source;"
		"SELECT * FROM fetch_state ORDER BY url;"
		"SELECT id, source, url, hash, kind, assumed_date, status, etag, last_modified,"
		" content_type, first_fetched, last_fetched, length(data) FROM bodies ORDER BY id;";
	char *rows_before[8], *raw, *got, *sql, *p;
	int i;

	test_copy_data("schema-v6.db", db);
	ck_assert_int_eq(test_query_long(db, "PRAGMA user_version"), 6);
	raw = bodies_raw();
	for (p = (char *)tables, i = 0; i < 8; i++, p = strchr(p, ';') + 1) {
		sql = xstrndup(p, (size_t)(strchr(p, ';') - p));
		rows_before[i] = rows_text(sql);
		free(sql);
	}
	got = bodies_read();	/* opens the store: migrates */
	ck_assert_int_eq(test_query_long(db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	ck_assert_str_eq(got, raw);
	ck_assert_int_gt(test_query_long(db, "SELECT count(*) FROM draws"), 0);
	for (p = (char *)tables, i = 0; i < 8; i++, p = strchr(p, ';') + 1) {
		char *now;

		sql = xstrndup(p, (size_t)(strchr(p, ';') - p));
		if (i == 7)	/* data is encoded now: size is its length */
			memcpy(strstr(sql, "length(data)"), "   size     ", 12);
		now = rows_text(sql);
		ck_assert_str_eq(now, rows_before[i]);
		free(now), free(sql), free(rows_before[i]);
	}
	/* Compressed: IRCC's feeds a chain of patches, the articles another. */
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies WHERE encoding = 'zstd'"
	                                     " AND base IS NULL"), 2);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies WHERE"
	                                     " encoding = 'zstd-patch'"), 4);
	ck_assert_int_lt(test_query_long(db, "SELECT sum(length(data)) * 5 FROM bodies"),
	                 test_query_long(db, "SELECT sum(size) FROM bodies"));
	free(raw), free(got);
}
END_TEST

/* reparse reads every body back through its chain: the same draws. */
START_TEST(test_reparse_reads_the_compressed_archive)
{
	static const char *const files[] = {
		"history/05-2025-02-05T190940.json", "history/06-2025-02-13T201252.json",
		"articles/before-ircc.txt", "history/07-2025-02-17T190959.json",
		"history/08-2025-02-19T184209.json", "history/09-2025-02-19T193406.json",
	};
	struct buf want = {0};
	char *out, *err, *before, *after, *got;
	size_t i, len;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		const char *argv[] = { "eedraws", "-d", db, "ingest", test_data(files[i]), NULL };
		char *data;

		ck_assert_int_eq(test_run(argv, NULL, &out, &err), 0);
		free(out), free(err);
		data = test_slurp(test_data(files[i]), &len);
		buf_addf(&want, "ingest %s %s %zu\n", strstr(files[i], "articles") ? "article" :
		         "ircc-json", test_data(files[i]), len);
		buf_add(&want, data, len);
		buf_adds(&want, "\n");
		free(data);
	}
	got = bodies_read();
	ck_assert_str_eq(got, want.data);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies WHERE"
	                                     " encoding = 'zstd-patch'"), 4);
	before = rows_text("SELECT * FROM draws ORDER BY number");
	{
		const char *argv[] = { "eedraws", "-d", db, "reparse", NULL };

		ck_assert_int_eq(test_run(argv, NULL, &out, &err), 0);
		ck_assert_msg(strstr(out, "reparse: 6 bodies (0 not parsed)"), "%s", out);
		free(out), free(err);
	}
	after = rows_text("SELECT * FROM draws ORDER BY number");
	ck_assert_str_eq(after, before);
	free(before), free(after), free(got);
	buf_release(&want);
}
END_TEST

/* A news feed whose lastBuildDate moves on every fetch: body i. */
static char *
feed_body(int i)
{
	struct buf b = {0};
	int k;

	buf_addf(&b, "<rss><channel><lastBuildDate>%d</lastBuildDate>", i);
	for (k = 0; k < 40; k++)
		buf_addf(&b, "<item><title>Express Entry draw %d</title><link>https://news.example/"
		         "%d</link></item>", k + i, k + i);
	buf_adds(&b, "</channel></rss>");
	return buf_detach(&b, NULL);
}

static void
archive_feeds(struct store *s, int from, int to, struct buf *want)
{
	int i;

	for (i = from; i < to; i++) {
		char *body = feed_body(i);

		archive_bytes(s, "news", "feed", "https://news.example/feed", body, strlen(body),
		              1786111200 + i);
		if (want)
			buf_addf(want, "news feed https://news.example/feed %zu\n%s\n",
			         strlen(body), body);
		free(body);
	}
}

/* Pruned oldest first, a news feed's bodies would lose their bases: while
 * archive_keep is set, each is kept whole. */
START_TEST(test_a_pruned_news_feed_keeps_its_bodies_whole)
{
	struct buf want = {0};
	struct store *s;
	struct err e = {0};
	char *got;

	ck_assert_msg(store_open(&s, db, &e) == 0, "%s", e.msg);
	store_set_archive_keep(s, 3);
	archive_feeds(s, 0, 3, NULL);
	archive_feeds(s, 3, 6, &want);
	store_close(s);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies"), 3);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies WHERE"
	                                     " encoding <> 'zstd'"), 0);
	got = bodies_read();
	ck_assert_str_eq(got, want.data);
	free(got);
	buf_release(&want);
}
END_TEST

/* A chain made while every body was kept (archive_keep 0, or an archive
 * migrated): the prune that deletes a base first keeps its patch whole. */
START_TEST(test_pruning_a_base_keeps_the_body_patched_on_it_whole)
{
	struct buf want = {0};
	struct store *s;
	struct err e = {0};
	char *got;

	ck_assert_msg(store_open(&s, db, &e) == 0, "%s", e.msg);
	archive_feeds(s, 0, 4, NULL);
	store_close(s);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies WHERE"
	                                     " encoding = 'zstd-patch'"), 3);
	/* Another handle, nothing read yet, now keeping 2. */
	ck_assert_msg(store_open(&s, db, &e) == 0, "%s", e.msg);
	store_set_archive_keep(s, 2);
	archive_feeds(s, 3, 5, &want);	/* 3 again: only its last fetch moves */
	store_close(s);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies"), 2);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies WHERE"
	                                     " encoding = 'zstd-patch'"), 0);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM pragma_foreign_key_check"),
	                 0);
	got = bodies_read();
	ck_assert_str_eq(got, want.data);
	free(got);
	buf_release(&want);
}
END_TEST

/* The schema itself refuses to delete a base before its patches. */
START_TEST(test_a_base_cannot_be_deleted_under_its_patch)
{
	struct store *s;
	struct err e = {0};
	sqlite3 *h;

	ck_assert_msg(store_open(&s, db, &e) == 0, "%s", e.msg);
	archive_feeds(s, 0, 2, NULL);
	store_close(s);
	ck_assert_int_eq(sqlite3_open(db, &h), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(h, "PRAGMA foreign_keys = ON", NULL, NULL, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(h, "DELETE FROM bodies WHERE id = 1", NULL, NULL, NULL),
	                 SQLITE_CONSTRAINT);
	ck_assert_int_eq(sqlite3_exec(h, "DELETE FROM bodies", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
}
END_TEST

/* Runs the binary with argv, its files limited to limit bytes (a disk
 * that fills up: the write that crosses it fails with EFBIG); its exit
 * code, *err its stderr (caller frees). */
static int
run_limited(const char *const argv[], long limit, char **err)
{
	char *errpath = xasprintf("%s/stderr", dir);
	int status;
	pid_t pid = fork();

	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		struct rlimit rl = { (rlim_t)limit, (rlim_t)limit };
		FILE *f = freopen(errpath, "w", stderr);

		if (!f || !freopen("/dev/null", "r", stdin) || !freopen("/dev/null", "w", stdout))
			_exit(126);
		signal(SIGXFSZ, SIG_IGN);
		if (setrlimit(RLIMIT_FSIZE, &rl) != 0)
			_exit(125);
		execv(test_bin(), (char *const *)argv);
		_exit(127);
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status));
	*err = test_slurp(errpath, NULL);
	unlink(errpath);
	free(errpath);
	return WEXITSTATUS(status);
}

START_TEST(test_a_migration_the_disk_has_no_room_for_changes_nothing)
{
	const char *argv[] = { "eedraws", "-d", db, "list", NULL };
	char *before, *after, *err;
	size_t len, len2;
	int rc;

	test_copy_data("schema-v6.db", db);
	before = test_slurp(db, &len);
	/* Room for the -shm file (32 KiB) and a few WAL frames only. */
	rc = run_limited(argv, 48 * 1024, &err);
	ck_assert_msg(rc != 0, "exit %d: %s", rc, err);
	ck_assert_msg(strstr(err, db) && strstr(err, "is the disk full?") &&
	              strstr(err, "not migrated to schema 7: the database is left as it was"),
	              "%s", err);
	ck_assert_int_eq(count_lines(err, ""), 1);
	after = test_slurp(db, &len2);
	ck_assert(len == len2 && memcmp(before, after, len) == 0);
	ck_assert_int_eq(test_query_long(db, "PRAGMA user_version"), 6);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies"), 6);
	free(after), free(err);
	/* With room, it goes. */
	ck_assert_int_eq(run_limited(argv, 64L << 20, &err), 0);
	ck_assert_int_eq(test_query_long(db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies WHERE"
	                                     " encoding <> 'raw'"), 6);
	free(before), free(err);
}
END_TEST

/* Four bytes of body id's stored data changed, as a bad disk might. */
static void
damage(long id)
{
	char *sql = xasprintf("UPDATE bodies SET data = substr(data, 1, 20) || x'00ff00ff'"
	                      " || substr(data, 25) WHERE id = %ld", id);

	exec_sql(sql);
	free(sql);
}

/* The v6 fixture migrated: body 1 (s1.json) whole, 2 (s2.json) a patch
 * on it, 4 on 2, 5 on 4; the articles 3, and 6 a patch on it. */
static void
migrated_fixture(void)
{
	char *out, *err;

	test_copy_data("schema-v6.db", db);
	ck_assert_int_ne(EEDRAWS(&out, &err, "status", "--verify"), EX_DATAERR);
	ck_assert_msg(strstr(out, "\narchive: 6 bodies, each whole and matching its hash\n"),
	              "%s", out);
	ck_assert_int_eq(count_lines(err, ""), 0);
	free(out), free(err);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies WHERE"
	                                     " (id, ifnull(base, 0)) IN (VALUES (1, 0), (2, 1),"
	                                     " (3, 0), (4, 2), (5, 4), (6, 3))"), 6);
}

START_TEST(test_status_verify_names_each_damaged_body)
{
	char *out, *err;

	migrated_fixture();
	damage(2);
	ck_assert_int_eq(EEDRAWS(&out, &err, "status", "--verify"), EX_DATAERR);
	ck_assert_msg(strstr(err, ": archived body 2 (ingest, s2.json, fetched"
	                          " 2026-11-27T16:50:51Z) is damaged: its bytes decoded do not"
	                          " match its hash\n"), "%s", err);
	/* The patches on it cannot be read either: said so, naming it. */
	ck_assert_msg(strstr(err, ": archived body 4 (ingest, s3.json, fetched"
	                          " 2026-11-27T16:50:53Z) cannot be read: it is a patch on"
	                          " body 2 (ingest, s2.json, fetched 2026-11-27T16:50:51Z),"
	                          " which is damaged: "), "%s", err);
	ck_assert_msg(strstr(err, ": archived body 5 (ingest, s4.json,"), "%s", err);
	ck_assert_int_eq(count_lines(err, "eedraws: "), 3);
	ck_assert_msg(strstr(out, "\narchive: 6 bodies, 3 damaged (named above)"), "%s", out);
	free(out), free(err);
}
END_TEST

/* A whole body cut short: zstd says so, and its chain is named. */
START_TEST(test_status_verify_names_a_whole_body_cut_short)
{
	char *out, *err;

	migrated_fixture();
	exec_sql("UPDATE bodies SET data = substr(data, 1, length(data) / 2) WHERE id = 1");
	ck_assert_int_eq(EEDRAWS(&out, &err, "status", "--verify"), EX_DATAERR);
	ck_assert_msg(strstr(err, ": archived body 1 (ingest, s1.json, fetched"
	                          " 2026-11-27T16:50:50Z) is damaged: "), "%s", err);
	ck_assert_int_eq(count_lines(err, "eedraws: "), 4);
	ck_assert_int_eq(count_lines(err, "eedraws: "), count_lines(err, ""));
	free(out), free(err);
}
END_TEST

/* A size no body has (a damaged row): named, nothing allocated for it. */
START_TEST(test_a_damaged_size_is_named_not_believed)
{
	char *out, *err;

	migrated_fixture();
	exec_sql("UPDATE bodies SET size = 1000000000000000 WHERE id = 5;"
	         "UPDATE bodies SET size = -1 WHERE id = 3");
	ck_assert_int_eq(EEDRAWS(&out, &err, "status", "--verify"), EX_DATAERR);
	ck_assert_msg(strstr(err, ": archived body 5 (ingest, s4.json, fetched"
	                          " 2026-11-27T16:50:55Z) is damaged: it does not say it holds"
	                          " as many bytes as the body has\n"), "%s", err);
	ck_assert_msg(strstr(err, ": archived body 3 (ingest, before-ircc.txt,"), "%s", err);
	ck_assert_msg(strstr(err, ": archived body 6 (ingest, never-held.txt,"), "%s", err);
	ck_assert_int_eq(count_lines(err, ""), 3);
	free(out), free(err);
}
END_TEST

/* Rebuilding without a body would lose its draws: reparse refuses, even
 * with --force, and changes nothing. */
START_TEST(test_reparse_refuses_a_damaged_body)
{
	char *out, *err, *before, *after;

	migrated_fixture();
	before = rows_text("SELECT * FROM draws ORDER BY number");
	damage(4);
	ck_assert_int_eq(EEDRAWS(&out, &err, "reparse"), EX_DATAERR);
	ck_assert_msg(strstr(err, ": archived body 4 (ingest, s3.json, fetched"
	                          " 2026-11-27T16:50:53Z) is damaged: ") &&
	              strstr(err, "; reparse: nothing changed (eedraws status --verify names"
	                          " every damaged body)\n"), "%s", err);
	ck_assert_int_eq(count_lines(err, ""), 1);
	free(out), free(err);
	ck_assert_int_eq(EEDRAWS(&out, &err, "reparse", "--force"), EX_DATAERR);
	free(out), free(err);
	after = rows_text("SELECT * FROM draws ORDER BY number");
	ck_assert_str_eq(after, before);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws"), 9);
	free(before), free(after);
}
END_TEST

/* The body before a new one is damaged: the new one is kept whole, and
 * reads back; only the damaged one is named. */
START_TEST(test_a_body_after_a_damaged_one_is_kept_whole)
{
	char *out, *err;

	migrated_fixture();
	damage(5);
	ck_assert_int_eq(EEDRAWS(&out, &err, "ingest", test_data("feed-2025-02-05-small.json")),
	                 0);
	free(out), free(err);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies WHERE id = 7 AND"
	                                     " encoding = 'zstd' AND base IS NULL"), 1);
	ck_assert_int_eq(EEDRAWS(&out, &err, "status", "--verify"), EX_DATAERR);
	ck_assert_int_eq(count_lines(err, ""), 1);
	ck_assert_msg(strstr(err, ": archived body 5 (ingest, s4.json,"), "%s", err);
	ck_assert_msg(strstr(out, "\narchive: 7 bodies, 1 damaged"), "%s", out);
	free(out), free(err);
}
END_TEST

/* A patch that cannot be read is not made whole: its base is not deleted
 * under it (pruning waits), and --verify names it. */
START_TEST(test_pruning_waits_for_a_damaged_patch)
{
	struct store *s;
	struct err e = {0};
	char *out, *err;

	ck_assert_msg(store_open(&s, db, &e) == 0, "%s", e.msg);
	archive_feeds(s, 0, 4, NULL);
	store_close(s);
	damage(4);
	ck_assert_msg(store_open(&s, db, &e) == 0, "%s", e.msg);
	store_set_archive_keep(s, 2);	/* 4 kept, its base 3 not */
	archive_feeds(s, 4, 5, NULL);
	store_close(s);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies"), 5);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM pragma_foreign_key_check"),
	                 0);
	ck_assert_int_eq(EEDRAWS(&out, &err, "status", "--verify"), EX_DATAERR);
	ck_assert_int_eq(count_lines(err, ""), 1);
	ck_assert_msg(strstr(err, ": archived body 4 (news, https://news.example/feed,"), "%s",
	              err);
	free(out), free(err);
}
END_TEST

Suite *
archive_suite(void)
{
	Suite *s = suite_create("archive");
	TCase *tc = tcase_create("archive");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_a_body_is_a_patch_on_the_one_before_it_a_whole_one_every_32);
	tcase_add_test(tc, test_an_id_given_again_is_not_read_from_memory);
	tcase_add_test(tc, test_a_schema_6_archive_is_compressed_in_place_every_byte_kept);
	tcase_add_test(tc, test_reparse_reads_the_compressed_archive);
	tcase_add_test(tc, test_a_pruned_news_feed_keeps_its_bodies_whole);
	tcase_add_test(tc, test_pruning_a_base_keeps_the_body_patched_on_it_whole);
	tcase_add_test(tc, test_a_base_cannot_be_deleted_under_its_patch);
	tcase_add_test(tc, test_a_migration_the_disk_has_no_room_for_changes_nothing);
	tcase_add_test(tc, test_status_verify_names_each_damaged_body);
	tcase_add_test(tc, test_status_verify_names_a_whole_body_cut_short);
	tcase_add_test(tc, test_a_damaged_size_is_named_not_believed);
	tcase_add_test(tc, test_reparse_refuses_a_damaged_body);
	tcase_add_test(tc, test_a_body_after_a_damaged_one_is_kept_whole);
	tcase_add_test(tc, test_pruning_waits_for_a_damaged_patch);
	suite_add_tcase(s, tc);
	return s;
}
