/* test_reparse.c: the body archive and reparse, through the binary. */
#include <check.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"
#include "util.h"

static char *dir, *db;

static void
setup(void)
{
	dir = test_home();
	db = xasprintf("%s/r.db", dir);
}

static void
teardown(void)
{
	test_rmtree(dir);
	free(db);
	free(dir);
}

#define EEDRAWS(out, err, ...) \
	test_run((const char *const[]){ "eedraws", "-d", db, __VA_ARGS__, NULL }, NULL, out, err)

static void
ingest(const char *file)
{
	char *out, *err;
	int rc = EEDRAWS(&out, &err, "ingest", test_data(file));

	ck_assert_msg(rc == 0, "ingest %s: exit %d: %s", file, rc, err);
	free(out);
	free(err);
}

/* Every exported table as one text, to compare a database before and
 * after. */
static char *
export_all(void)
{
	static const char *const tables[] = { "draws", "revisions", "pool", "observations",
	                                      "conflicts" };
	struct buf all = {0};
	size_t i;

	for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++) {
		char *out, *err;

		ck_assert_int_eq(EEDRAWS(&out, &err, "export", "-t", tables[i]), 0);
		buf_addf(&all, "== %s\n%s", tables[i], out);
		free(out);
		free(err);
	}
	return buf_detach(&all, NULL);
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

/* IRCC's snapshots in order (revisions, a round that comes and goes) and
 * an article about a draw before IRCC's feed has it. */
static void
ingest_history(void)
{
	ingest("history/05-2025-02-05T190940.json");
	ingest("history/06-2025-02-13T201252.json");
	ingest("articles/before-ircc.txt");
	ingest("history/07-2025-02-17T190959.json");
	ingest("history/08-2025-02-19T184209.json");
	ingest("history/09-2025-02-19T193406.json");
}

START_TEST(test_each_distinct_body_is_archived_once)
{
	ingest("history/05-2025-02-05T190940.json");
	ingest("history/05-2025-02-05T190940.json");
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies"), 1);
	ingest("history/06-2025-02-13T201252.json");
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies"), 2);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies WHERE kind ="
	                                 " 'ircc-json' AND source = 'ingest'"), 2);
	/* The bytes as read, not as parsed. */
	{
		size_t len;
		char *data = test_slurp(test_data("history/06-2025-02-13T201252.json"), &len);
		char *sql = xasprintf("SELECT size = %zu FROM bodies WHERE url LIKE"
		                      " '%%/06-2025-02-13T201252.json'", len);

		ck_assert_int_eq(test_query_long(db, sql), 1);
		free(sql);
		free(data);
	}
}
END_TEST

START_TEST(test_a_body_the_parser_rejects_is_archived_all_the_same)
{
	char *out, *err;

	ck_assert_int_eq(EEDRAWS(&out, &err, "ingest", test_data("feed-2025-02-19-invalid.json")),
	                 65);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws"), 0);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies"), 1);
	free(out);
	free(err);
}
END_TEST

START_TEST(test_reparse_rebuilds_exactly_what_was_stored)
{
	char *before, *after, *out, *err;

	ingest_history();
	ck_assert_int_gt(test_query_long(db, "SELECT count(*) FROM revisions"), 0);
	ck_assert_int_gt(test_query_long(db, "SELECT count(*) FROM observations"), 0);
	before = export_all();
	ck_assert_int_eq(EEDRAWS(&out, &err, "reparse"), 0);
	ck_assert_msg(strstr(out, "reparse: 6 bodies (0 not parsed)"), "%s", out);
	after = export_all();
	ck_assert_str_eq(after, before);
	free(before), free(after), free(out), free(err);
}
END_TEST

/* What a parser improvement looks like from the database: records that
 * differ from what today's parser reads in the bodies. */
START_TEST(test_reparse_replaces_records_a_parser_got_wrong)
{
	char *before, *after, *out, *err;

	ingest_history();
	before = export_all();
	exec_sql("UPDATE draws SET crs_cutoff = 1 WHERE number = '335';"
	         "DELETE FROM pool WHERE number = '336';"
	         "INSERT INTO revisions (number, field, old_value, new_value, changed_at,"
	         " source) VALUES ('335', 'crs_cutoff', '521', '1', '2025-02-20T00:00:00Z',"
	         " 'ircc');"
	         "DELETE FROM observations;");
	ck_assert_int_eq(EEDRAWS(&out, &err, "reparse"), 0);
	after = export_all();
	ck_assert_str_eq(after, before);
	free(before), free(after), free(out), free(err);
}
END_TEST

/* Draws stored by an eedraws that kept no bodies are in no archived body:
 * rebuilding would drop them. */
START_TEST(test_reparse_will_not_lose_draws_it_has_no_body_for)
{
	char *before, *after, *out, *err;

	ingest("history/05-2025-02-05T190940.json");
	ingest("history/09-2025-02-19T193406.json");
	exec_sql("DELETE FROM bodies WHERE url LIKE '%/09-2025-02-19T193406.json'");
	before = export_all();
	ck_assert_int_eq(EEDRAWS(&out, &err, "reparse"), 65);
	ck_assert_msg(strstr(err, "reparse would lose 2 draws") && strstr(err, "nothing changed"),
	              "%s", err);
	after = export_all();
	ck_assert_str_eq(after, before);
	free(after), free(out), free(err);

	ck_assert_int_eq(EEDRAWS(&out, &err, "reparse", "--force"), 0);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws WHERE number"
	                                 " IN ('336', '337')"), 0);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws WHERE number"
	                                 " = '335'"), 1);
	free(before), free(out), free(err);
}
END_TEST

/* A database an eedraws before issue 13 wrote: IRCC's feed, then an
 * article dated years before its newest draw matching none of them,
 * which that eedraws made a (phantom) unconfirmed draw.  reparse judges
 * the archive again: the phantom is an unmatched observation, with its
 * reason; the draw after IRCC's newest stays unconfirmed. */
START_TEST(test_reparse_turns_a_phantom_draw_of_the_old_rules_into_no_draw)
{
	char *out, *err;

	test_copy_data("schema-v3.db", db);
	ck_assert_int_eq(EEDRAWS(&out, &err, "list"), 0);
	ck_assert_msg(strstr(out, "\nu1     2024-06-19 cec"), "%s", out);
	free(out), free(err);
	ck_assert_int_eq(EEDRAWS(&out, &err, "reparse"), 0);
	ck_assert_msg(strstr(out, "reparse: 4 bodies (0 not parsed); draws 7 -> 7, unconfirmed"
	                     " 2 -> 1, observations 3 -> 3\n"), "%s", out);
	free(out), free(err);
	ck_assert_int_eq(EEDRAWS(&out, &err, "list"), 0);
	ck_assert_ptr_null(strstr(out, "2024-06-19 cec"));
	ck_assert_ptr_nonnull(strstr(out, "\nu1     2025-02-17 pnp"));
	free(out), free(err);
	ck_assert_int_eq(EEDRAWS(&out, &err, "export", "-a"), 0);
	ck_assert_ptr_null(strstr(out, ",2024-06-19,cec,"));
	free(out), free(err);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM observations WHERE date ="
	                                 " '2024-06-19' AND number IS NULL AND unconfirmed IS NULL"
	                                 " AND reason = 'no draw of IRCC''s on or a day from"
	                                 " 2024-06-19 has these values'"), 1);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM conflicts"), 1);
}
END_TEST

/* A draw a person dismissed is that person's word, not a record of a
 * body: reparse keeps it dismissed, its article joined to it again. */
START_TEST(test_reparse_keeps_a_dismissed_draw_dismissed)
{
	char *out, *err, *before, *after;

	ingest("history/06-2025-02-13T201252.json");
	ingest("articles/never-held.txt");
	ck_assert_int_eq(EEDRAWS(&out, &err, "dismiss", "u1"), 0);
	free(out), free(err);
	before = export_all();
	ck_assert_int_eq(EEDRAWS(&out, &err, "reparse"), 0);
	free(out), free(err);
	after = export_all();
	ck_assert_str_eq(after, before);
	free(before), free(after);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM unconfirmed WHERE id = 1"
	                                 " AND state = 'dismissed' AND id IN (SELECT unconfirmed"
	                                 " FROM observations)"), 1);
	ck_assert_int_eq(EEDRAWS(&out, &err, "list"), 0);
	ck_assert_ptr_null(strstr(out, "2025-02-10"));
	free(out), free(err);
	/* No record states it any more: it goes. */
	exec_sql("DELETE FROM bodies WHERE kind = 'article'");
	ck_assert_int_eq(EEDRAWS(&out, &err, "reparse"), 0);
	free(out), free(err);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM unconfirmed"), 0);
}
END_TEST

Suite *
reparse_suite(void)
{
	Suite *s = suite_create("reparse");
	TCase *tc = tcase_create("reparse");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_each_distinct_body_is_archived_once);
	tcase_add_test(tc, test_a_body_the_parser_rejects_is_archived_all_the_same);
	tcase_add_test(tc, test_reparse_rebuilds_exactly_what_was_stored);
	tcase_add_test(tc, test_reparse_replaces_records_a_parser_got_wrong);
	tcase_add_test(tc, test_reparse_will_not_lose_draws_it_has_no_body_for);
	tcase_add_test(tc, test_reparse_turns_a_phantom_draw_of_the_old_rules_into_no_draw);
	tcase_add_test(tc, test_reparse_keeps_a_dismissed_draw_dismissed);
	suite_add_tcase(s, tc);
	return s;
}
