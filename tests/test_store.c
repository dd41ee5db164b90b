/* test_store.c: merging bodies into the database. */
#include <check.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "parse.h"
#include "store.h"
#include "testutil.h"

static char *dir, *db;

static void
setup(void)
{
	dir = test_tmpdir();
	db = xasprintf("%s/test.db", dir);
}

static void
teardown(void)
{
	test_rmtree(dir);
	free(db);
	free(dir);
}

/* What an event callback saw. */
struct seen {
	int new, changed;
	struct strlist lines;
};

static void
record(void *ctx, const struct store_event *ev)
{
	static const char *const what[] = { "new", "changed", "unconfirmed", "conflict",
	                                    "confirmed", "retracted" };
	struct seen *s = ctx;
	size_t i;

	if (ev->what == STORE_NEW) {
		s->new++;
		strlist_addf(&s->lines, "new %s", ev->number);
		return;
	}
	if (ev->what == STORE_CHANGED)
		s->changed++;
	if (!ev->nfields)
		strlist_addf(&s->lines, "%s %s %s", what[ev->what],
		             ev->number ? ev->number : "-", ev->date);
	for (i = 0; i < ev->nfields; i++)
		strlist_addf(&s->lines, "%s %s %s %s -> %s", what[ev->what],
		             ev->number ? ev->number : "-", ev->fields[i].field,
		             ev->fields[i].old_value ? ev->fields[i].old_value : "(null)",
		             ev->fields[i].new_value ? ev->fields[i].new_value : "(null)");
}

/* Parses a file and merges it as source "test"; returns store_put_body's
 * result, the parse must succeed. */
static int
put_file(struct store *s, const char *path, struct seen *seen)
{
	struct draw_list l = {0};
	struct strlist w = {0};
	struct body b = {0};
	struct err e = {0};
	int rc;

	b.data = test_slurp(path, &b.len);
	b.url = xstrdup(path);
	ck_assert_msg(parse_body(&b, "auto", NULL, &l, &w, &e) == 0, "%s", e.msg);
	rc = store_put_body(s, "test", &b, &l, NULL, record, seen, &e);
	ck_assert_msg(rc == 0, "%s", e.msg);
	strlist_release(&w);
	draw_list_release(&l);
	body_release(&b);
	return rc;
}

/* Every row the queries give, as text. */
static char *
rows_of(const char *path, const struct strlist *q)
{
	struct buf b = {0};
	sqlite3 *h;
	sqlite3_stmt *st;
	size_t i;
	int c;

	ck_assert_int_eq(sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	for (i = 0; i < q->n; i++) {
		ck_assert_msg(sqlite3_prepare_v2(h, q->v[i], -1, &st, NULL) == SQLITE_OK, "%s: %s",
		              q->v[i], sqlite3_errmsg(h));
		while (sqlite3_step(st) == SQLITE_ROW) {
			for (c = 0; c < sqlite3_column_count(st); c++)
				buf_addf(&b, "%s|", (const char *)sqlite3_column_text(st, c));
			buf_adds(&b, "\n");
		}
		sqlite3_finalize(st);
	}
	sqlite3_close(h);
	return buf_detach(&b, NULL);
}

/* Every row of every table, as text: "the database exactly as before". */
static char *
dump(const char *path)
{
	static const char *const tables[] = { "draws", "pool", "revisions", "fetch_state" };
	struct strlist q = {0};
	char *rows;
	size_t t;

	for (t = 0; t < sizeof(tables) / sizeof(tables[0]); t++)
		strlist_addf(&q, "SELECT * FROM %s ORDER BY 1, 2", tables[t]);
	rows = rows_of(path, &q);
	strlist_release(&q);
	return rows;
}

START_TEST(test_ingesting_a_feed_stores_every_round)
{
	struct store *s;
	struct err e = {0};
	struct seen seen = {0};

	ck_assert_int_eq(store_open(&s, db, &e), 0);
	put_file(s, test_data("feed-2026-08-07.json"), &seen);
	ck_assert_int_eq(seen.new, 435);
	ck_assert_int_eq(seen.changed, 0);
	store_close(s);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws"), 435);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM revisions"), 0);
	ck_assert_int_eq(test_query_long(db, "SELECT crs_cutoff FROM draws WHERE number = '434'"), 470);
	ck_assert_int_eq(test_query_long(db, "SELECT candidates FROM pool WHERE number = '434'"
	                                " AND band = 'dd18'"), 229100);
	ck_assert_int_eq(test_query_long(db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	strlist_release(&seen.lines);
}
END_TEST

START_TEST(test_ingesting_the_same_body_twice_changes_nothing)
{
	struct store *s;
	struct err e = {0};
	struct seen seen = {0};
	char *before, *after;

	ck_assert_int_eq(store_open(&s, db, &e), 0);
	put_file(s, test_data("feed-2026-08-07.json"), &seen);
	before = dump(db);
	strlist_release(&seen.lines);
	memset(&seen, 0, sizeof(seen));
	put_file(s, test_data("feed-2026-08-07.json"), &seen);
	ck_assert_int_eq(seen.new + seen.changed, 0);
	after = dump(db);
	ck_assert_str_eq(before, after);
	store_close(s);
	free(before);
	free(after);
	strlist_release(&seen.lines);
}
END_TEST

START_TEST(test_history_replay_keeps_vanished_rounds_and_records_corrections)
{
	static const char *const snaps[] = {
		"history/01-2024-11-13T193415.json", "history/02-2024-11-15T203711.json",
		"history/03-2024-11-15T211113.json", "history/04-2024-11-15T233508.json",
		"history/05-2025-02-05T190940.json", "history/06-2025-02-13T201252.json",
		"history/07-2025-02-17T190959.json", "history/08-2025-02-19T184209.json",
		"history/09-2025-02-19T193406.json",
	};
	struct seen seen[9];
	struct store *s;
	struct err e = {0};
	size_t i;
	char sql[128];

	memset(seen, 0, sizeof(seen));
	ck_assert_int_eq(store_open(&s, db, &e), 0);
	for (i = 0; i < 9; i++) {
		put_file(s, test_data(snaps[i]), &seen[i]);
		/* After its first appearance #324 stays, whatever the feed says. */
		if (i >= 1)
			ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws"
			                                " WHERE number = '324'"), 1);
	}
	store_close(s);

	/* #324 is new once (snapshot 02), never again when it comes back in 04. */
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws WHERE number = '324'"), 1);
	for (i = 2; i < 9; i++)
		for (size_t j = 0; j < seen[i].lines.n; j++)
			ck_assert_msg(strcmp(seen[i].lines.v[j], "new 324") != 0,
			              "snapshot %zu announced #324 again", i + 1);

	/* #335's tie-break year corrected from 2025 to 2024 (05 -> 06). */
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM revisions WHERE number = '335'"
	                                " AND field = 'tie_break' AND old_value LIKE '2025-%'"
	                                " AND new_value LIKE '2024-%' AND source = 'test'"), 1);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws WHERE number = '335'"
	                                " AND tie_break LIKE '2024-%'"), 1);
	ck_assert_int_eq(seen[5].changed, 1);

	/* #336 and #337 stored once each, #336 announced once (07). */
	for (i = 336; i <= 337; i++) {
		snprintf(sql, sizeof(sql), "SELECT count(*) FROM draws WHERE number = '%zu'", i);
		ck_assert_int_eq(test_query_long(db, sql), 1);
	}
	ck_assert_int_eq(seen[6].new, 1);
	ck_assert_int_eq(seen[7].new + seen[7].changed, 0);
	ck_assert_int_eq(seen[8].new, 1);
	for (i = 0; i < 9; i++)
		strlist_release(&seen[i].lines);
}
END_TEST

START_TEST(test_a_changed_field_is_stored_and_recorded)
{
	static const char a[] = "{\"rounds\": [{\"drawNumber\": \"600\", \"drawDate\": "
		"\"2027-02-03\", \"drawName\": \"General\", \"drawSize\": \"1,000\", \"drawCRS\": \"480\"}]}";
	static const char b2[] = "{\"rounds\": [{\"drawNumber\": \"600\", \"drawDate\": "
		"\"2027-02-03\", \"drawName\": \"General\", \"drawSize\": \"1,500\", \"drawCRS\": \"480\"}]}";
	const char *bodies[] = { a, b2 };
	struct seen seen = {0};
	struct store *s;
	struct err e = {0};
	int i;

	ck_assert_int_eq(store_open(&s, db, &e), 0);
	for (i = 0; i < 2; i++) {
		struct draw_list l = {0};
		struct strlist w = {0};
		struct body b = {0};

		b.data = xstrdup(bodies[i]);
		b.len = strlen(b.data);
		b.url = xasprintf("https://feed.example/%d", i);
		ck_assert_int_eq(parse_body(&b, "ircc-json", NULL, &l, &w, &e), 0);
		ck_assert_int_eq(store_put_body(s, "ircc", &b, &l, NULL, record, &seen, &e), 0);
		draw_list_release(&l);
		body_release(&b);
	}
	store_close(s);
	ck_assert_int_eq(seen.new, 1);
	ck_assert_int_eq(seen.changed, 1);
	ck_assert_uint_eq(seen.lines.n, 3);	/* new, invitations, invitations_raw */
	ck_assert_str_eq(seen.lines.v[1], "changed 600 invitations 1000 -> 1500");
	ck_assert_str_eq(seen.lines.v[2], "changed 600 invitations_raw 1,000 -> 1,500");
	ck_assert_int_eq(test_query_long(db, "SELECT invitations FROM draws WHERE number = '600'"), 1500);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM revisions WHERE number = '600'"
	                                " AND source = 'ircc' AND url = 'https://feed.example/1'"
	                                " AND changed_at LIKE '____-__-__T__:__:__Z'"), 2);
	strlist_release(&seen.lines);
}
END_TEST

/* The text of the first column of the first row of sql, or "(none)". */
static char *
query_text(const char *sql)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	char *v;

	ck_assert_int_eq(sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(h, sql, -1, &st, NULL), SQLITE_OK);
	v = xstrdup(sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0) ?
	            (const char *)sqlite3_column_text(st, 0) : "(none)");
	sqlite3_finalize(st);
	sqlite3_close(h);
	return v;
}

#define ASSERT_TEXT(sql, want) do { \
		char *got_ = query_text(sql); \
		ck_assert_msg(strcmp(got_, want) == 0, "%s: '%s', want '%s'", sql, got_, want); \
		free(got_); \
	} while (0)

START_TEST(test_french_after_english_adds_name_fr_and_revises_nothing)
{
	struct store *s;
	struct err e = {0};
	struct seen en = {0}, fr = {0}, again = {0};
	char *before, *after;

	ck_assert_int_eq(store_open(&s, db, &e), 0);
	put_file(s, test_data("feed-2026-08-07.json"), &en);
	put_file(s, test_data("feed-fr.json"), &fr);
	/* The same rounds: nothing new, nothing changed, nothing revised. */
	ck_assert_int_eq(fr.new, 0);
	ck_assert_int_eq(fr.changed, 0);
	ck_assert_uint_eq(fr.lines.n, 0);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws"), 435);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM revisions"), 0);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws WHERE name_fr IS NOT NULL"), 12);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws WHERE name IS NULL"), 0);
	/* The English name, raw texts and record stay; the French name beside. */
	ASSERT_TEXT("SELECT name FROM draws WHERE number = '433'",
	            "French-Language proficiency 2026-Version 2");
	ASSERT_TEXT("SELECT name_fr FROM draws WHERE number = '433'",
	            "Connaissance du fran\xc3\xa7" "ais 2026-Version 2");
	ASSERT_TEXT("SELECT category FROM draws WHERE number = '433'", "french");
	ASSERT_TEXT("SELECT invitations_raw FROM draws WHERE number = '433'", "5,000");
	ASSERT_TEXT("SELECT draw_time_raw FROM draws WHERE number = '433'",
	            "August 06, 2026 at 11:29:10 UTC");
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws WHERE number = '433'"
	                                " AND raw LIKE '%\"August 6, 2026\"%'"), 1);
	/* Either feed again: nothing at all. */
	before = dump(db);
	put_file(s, test_data("feed-fr.json"), &again);
	put_file(s, test_data("feed-2026-08-07.json"), &again);
	ck_assert_uint_eq(again.lines.n, 0);
	after = dump(db);
	ck_assert_str_eq(before, after);
	store_close(s);
	free(before);
	free(after);
	strlist_release(&en.lines);
	strlist_release(&fr.lines);
	strlist_release(&again.lines);
}
END_TEST

START_TEST(test_english_after_french_keeps_both_names)
{
	struct store *s;
	struct err e = {0};
	struct seen fr = {0}, en = {0};

	ck_assert_int_eq(store_open(&s, db, &e), 0);
	put_file(s, test_data("feed-fr.json"), &fr);
	ck_assert_int_eq(fr.new, 12);
	/* Only the French feed has them: no English name, the French one's
	 * category, its raw texts. */
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws WHERE name IS NULL"
	                                " AND name_fr IS NOT NULL"), 12);
	ASSERT_TEXT("SELECT category FROM draws WHERE number = '293'", "stem");
	ASSERT_TEXT("SELECT invitations_raw FROM draws WHERE number = '433'", "5\xc2\xa0" "000");
	ck_assert_int_eq(test_query_long(db, "SELECT invitations FROM draws WHERE number = '433'"),
	                 5000);
	put_file(s, test_data("feed-2026-08-07.json"), &en);
	store_close(s);
	/* The English feed adds the other rounds and its names, revising
	 * nothing: its texts replace the French ones, the values agree. */
	ck_assert_int_eq(en.new, 435 - 12);
	ck_assert_int_eq(en.changed, 0);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws"), 435);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM revisions"), 0);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws WHERE name IS NULL"), 0);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws WHERE name_fr IS NOT NULL"), 12);
	ASSERT_TEXT("SELECT name || ' / ' || name_fr FROM draws WHERE number = '293'",
	            "STEM occupations (Version 1) / Professions des sciences, des technologies, "
	            "du g\xc3\xa9nie et des math\xc3\xa9matiques (STEM) (Version 1)");
	ASSERT_TEXT("SELECT invitations_raw FROM draws WHERE number = '433'", "5,000");
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws WHERE number = '433'"
	                                " AND raw LIKE '%\"August 6, 2026\"%'"), 1);
	strlist_release(&fr.lines);
	strlist_release(&en.lines);
}
END_TEST

/* Merges JSON text as if fetched from url. */
static void
put_text(struct store *s, const char *json, const char *url, struct seen *seen)
{
	struct draw_list l = {0};
	struct strlist w = {0};
	struct body b = {0};
	struct err e = {0};

	b.data = xstrdup(json);
	b.len = strlen(json);
	b.url = xstrdup(url);
	ck_assert_msg(parse_body(&b, "ircc-json", NULL, &l, &w, &e) == 0, "%s", e.msg);
	ck_assert_msg(store_put_body(s, "test", &b, &l, NULL, record, seen, &e) == 0, "%s", e.msg);
	strlist_release(&w);
	draw_list_release(&l);
	body_release(&b);
}

START_TEST(test_french_feed_revises_shared_values_and_its_own_name)
{
	static const char en[] = "{\"rounds\": [{\"drawNumber\": \"600\", \"drawDate\":"
		" \"2027-02-03\", \"drawDateFull\": \"February 3, 2027\", \"drawName\":"
		" \"Trades Occupations, 2027-Version 1\", \"drawSize\": \"1,000\","
		" \"drawCRS\": \"480\", \"dd1\": \"100\", \"dd2\": \"200\", \"dd18\": \"300\"}]}";
	/* No version in its name, no drawSize, no dd1: not stated, nothing
	 * erased.  Its CRS and dd2 differ. */
	static const char fr1[] = "{\"rounds\": [{\"drawNumber\": \"600\", \"drawDate\":"
		" \"2027-02-03\", \"drawDateFull\": \"3 f\xc3\xa9vrier 2027\", \"drawName\":"
		" \"M\xc3\xa9tiers\", \"drawCRS\": \"481\", \"dd2\": \"201\", \"dd18\": \"300\"}]}";
	static const char fr2[] = "{\"rounds\": [{\"drawNumber\": \"600\", \"drawDate\":"
		" \"2027-02-03\", \"drawDateFull\": \"3 f\xc3\xa9vrier 2027\", \"drawName\":"
		" \"Professions de l'espace, 2027-Version 1\","
		" \"drawSize\": \"1 000\", \"drawCRS\": \"481\", \"dd1\": \"100\","
		" \"dd2\": \"201\", \"dd18\": \"300\"}]}";
	struct store *s;
	struct err e = {0};
	struct seen seen = {0};

	ck_assert_int_eq(store_open(&s, db, &e), 0);
	put_text(s, en, "https://x.example/ee_rounds_123_en.json", &seen);
	/* A value both feeds state, disagreeing: a revision, as for English. */
	put_text(s, fr1, "https://x.example/ee_rounds_123_fr.json", &seen);
	ck_assert_int_eq(seen.changed, 1);
	ck_assert_uint_eq(seen.lines.n, 3);
	ck_assert_str_eq(seen.lines.v[1], "changed 600 crs_cutoff 480 -> 481");
	ck_assert_str_eq(seen.lines.v[2], "changed 600 dd2 200 -> 201");
	ck_assert_int_eq(test_query_long(db, "SELECT candidates FROM pool WHERE band = 'dd1'"), 100);
	ck_assert_int_eq(test_query_long(db, "SELECT candidates FROM pool WHERE band = 'dd2'"), 201);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM pool"), 3);	/* replaced */
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM revisions WHERE field = 'crs_cutoff'"
	                                " AND url LIKE '%_fr.json'"), 1);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM revisions"), 2);
	ASSERT_TEXT("SELECT name FROM draws", "Trades Occupations, 2027-Version 1");
	ASSERT_TEXT("SELECT name_fr FROM draws", "M\xc3\xa9tiers");
	ASSERT_TEXT("SELECT version || ' ' || invitations || ' ' || invitations_raw FROM draws",
	            "1 1000 1,000");
	/* The French name changes: a revision of name_fr; a French name no
	 * category fits leaves the English one's category alone. */
	put_text(s, fr2, "https://x.example/ee_rounds_123_fr.json", &seen);
	ck_assert_int_eq(seen.changed, 2);
	ck_assert_uint_eq(seen.lines.n, 4);
	ck_assert_str_eq(seen.lines.v[3], "changed 600 name_fr M\xc3\xa9tiers -> "
	                 "Professions de l'espace, 2027-Version 1");
	ASSERT_TEXT("SELECT category FROM draws", "trades");
	ASSERT_TEXT("SELECT name FROM draws", "Trades Occupations, 2027-Version 1");
	/* The English feed again: its CRS back, its name untouched, French kept. */
	put_text(s, en, "https://x.example/ee_rounds_123_en.json", &seen);
	ck_assert_uint_eq(seen.lines.n, 6);
	ck_assert_str_eq(seen.lines.v[4], "changed 600 crs_cutoff 481 -> 480");
	ck_assert_str_eq(seen.lines.v[5], "changed 600 dd2 201 -> 200");
	ASSERT_TEXT("SELECT name_fr FROM draws",
	            "Professions de l'espace, 2027-Version 1");
	store_close(s);
	strlist_release(&seen.lines);
}
END_TEST

START_TEST(test_a_file_that_is_not_a_database_is_refused_untouched)
{
	static const char text[] = "just some notes, not a database\n";
	struct store *s;
	struct err e = {0};
	FILE *f = fopen(db, "w");
	char *after;

	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	ck_assert_int_eq(store_open(&s, db, &e), EX_DATAERR);
	ck_assert_ptr_null(s);
	ck_assert_ptr_nonnull(strstr(e.msg, db));
	after = test_slurp(db, NULL);
	ck_assert_str_eq(after, text);
	free(after);
}
END_TEST

START_TEST(test_another_programs_database_is_refused)
{
	struct store *s;
	struct err e = {0};
	sqlite3 *h;

	ck_assert_int_eq(sqlite3_open(db, &h), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(h, "CREATE TABLE notes (t TEXT)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	ck_assert_int_eq(store_open(&s, db, &e), EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(e.msg, "not an eedraws database"));
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM sqlite_master"), 1);
}
END_TEST

START_TEST(test_a_newer_schema_is_refused)
{
	struct store *s;
	struct err e = {0};
	sqlite3 *h;

	ck_assert_int_eq(store_open(&s, db, &e), 0);
	store_close(s);
	ck_assert_int_eq(sqlite3_open(db, &h), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(h, "PRAGMA user_version = 99", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	ck_assert_int_eq(store_open(&s, db, &e), EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(e.msg, "newer"));
}
END_TEST

START_TEST(test_a_schema_1_database_is_migrated_keeping_its_draws)
{
	struct store *s;
	struct err e = {0};

	/* Written by eedraws 0.1.0 before articles were stored. */
	test_copy_data("schema-v1.db", db);
	ck_assert_int_eq(test_query_long(db, "PRAGMA user_version"), 1);
	ck_assert_msg(store_open(&s, db, &e) == 0, "%s", e.msg);
	store_close(s);
	ck_assert_int_eq(test_query_long(db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws"), 2);
	ck_assert_int_eq(test_query_long(db, "SELECT invitations FROM draws WHERE number = '237'"),
	                 5500);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM observations"), 0);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM conflicts"), 0);
}
END_TEST

/* One query per table and view of the database at path, selecting every
 * column it has now in a fixed order: run again after a migration, they
 * must give what they gave before. */
static void
queries_of(const char *path, struct strlist *q)
{
	sqlite3 *h;
	sqlite3_stmt *st, *cols;

	ck_assert_int_eq(sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(h, "SELECT name FROM sqlite_master WHERE type IN"
	                                    " ('table', 'view') ORDER BY name", -1, &st, NULL),
	                 SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(h, "SELECT group_concat(quote(name), ', ')"
	                                    " FROM pragma_table_info(?1)", -1, &cols, NULL),
	                 SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);

		sqlite3_bind_text(cols, 1, t, -1, SQLITE_TRANSIENT);
		ck_assert_int_eq(sqlite3_step(cols), SQLITE_ROW);
		strlist_addf(q, "SELECT '%s', %s FROM \"%s\" ORDER BY %s", t,
		             (const char *)sqlite3_column_text(cols, 0), t,
		             (const char *)sqlite3_column_text(cols, 0));
		sqlite3_reset(cols);
	}
	sqlite3_finalize(cols);
	sqlite3_finalize(st);
	sqlite3_close(h);
}

START_TEST(test_a_schema_3_database_is_migrated_keeping_every_row)
{
	struct strlist q = {0};
	struct store *s;
	struct err e = {0};
	char *before, *after;

	/* Written by eedraws before issue 13: IRCC's feed, then an article
	 * dated before its newest draw that matches none (a phantom draw),
	 * one after it, and one in conflict. */
	test_copy_data("schema-v3.db", db);
	ck_assert_int_eq(test_query_long(db, "PRAGMA user_version"), 3);
	queries_of(db, &q);
	before = rows_of(db, &q);
	ck_assert_msg(store_open(&s, db, &e) == 0, "%s", e.msg);
	store_close(s);
	ck_assert_int_eq(test_query_long(db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	after = rows_of(db, &q);
	ck_assert_str_eq(after, before);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM observations"), 3);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM conflicts"), 1);
	/* The new columns: both unconfirmed draws still unconfirmed, the
	 * observations matched as before schema 4. */
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM unconfirmed"
	                                 " WHERE state = 'unconfirmed' AND reason IS NULL"), 2);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM observations"
	                                 " WHERE matched_by IS NULL AND reason IS NULL"), 3);
	free(before), free(after);
	strlist_release(&q);
}
END_TEST

START_TEST(test_a_failed_merge_writes_nothing)
{
	struct draw_list l = {0};
	struct strlist w = {0};
	struct body b = {0};
	struct seen seen = {0};
	struct store *s;
	struct err e = {0};
	char *before, *after;
	sqlite3 *h;

	ck_assert_int_eq(store_open(&s, db, &e), 0);
	put_file(s, test_data("history/01-2024-11-13T193415.json"), &seen);
	strlist_release(&seen.lines);
	before = dump(db);
	/* A trigger that refuses one draw of the next body, half way through. */
	ck_assert_int_eq(sqlite3_open(db, &h), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(h, "CREATE TRIGGER refuse BEFORE INSERT ON draws"
	                                 " WHEN NEW.number = '324' BEGIN"
	                                 " SELECT RAISE(ABORT, 'refused'); END", NULL, NULL,
	                              NULL), SQLITE_OK);
	sqlite3_close(h);
	b.data = test_slurp(test_data("history/09-2025-02-19T193406.json"), &b.len);
	b.url = xstrdup("history-09");
	ck_assert_int_eq(parse_body(&b, "auto", NULL, &l, &w, &e), 0);
	ck_assert_int_ne(store_put_body(s, "test", &b, &l, NULL, NULL, NULL, &e), 0);
	ck_assert_ptr_nonnull(strstr(e.msg, "refused"));
	store_close(s);
	after = dump(db);
	ck_assert_str_eq(before, after);
	free(before);
	free(after);
	strlist_release(&w);
	draw_list_release(&l);
	body_release(&b);
}
END_TEST

START_TEST(test_fetch_state_round_trips)
{
	struct fetch_state in = {0}, out;
	struct store *s;
	struct err e = {0};

	ck_assert_int_eq(store_open(&s, db, &e), 0);
	ck_assert_int_eq(store_get_fetch_state(s, "https://x.example/f", &out, &e), 0);
	ck_assert_ptr_null(out.etag);
	in.etag = (char *)"\"abc\"";
	in.last_modified = (char *)"Wed, 21 Oct 2026 07:28:00 GMT";
	in.body_hash = (char *)"fnv1a64:0:0";
	in.last_status = 200;
	in.last_success = (char *)"2026-11-23T10:00:00Z";
	ck_assert_int_eq(store_put_fetch_state(s, "ircc", "https://x.example/f", &in, &e), 0);
	ck_assert_int_eq(store_get_fetch_state(s, "https://x.example/f", &out, &e), 0);
	ck_assert_str_eq(out.etag, "\"abc\"");
	ck_assert_str_eq(out.last_modified, in.last_modified);
	ck_assert_str_eq(out.body_hash, in.body_hash);
	ck_assert_int_eq(out.last_status, 200);
	ck_assert_str_eq(out.last_success, in.last_success);
	ck_assert_ptr_null(out.last_error);
	fetch_state_release(&out);
	store_close(s);
}
END_TEST

/* Archives text as a body of source and kind, fetched at t. */
static void
archive(struct store *s, const char *source, const char *kind, const char *url,
        const char *text, time_t t)
{
	struct body b = {0};
	struct err e = {0};

	b.url = (char *)url;
	b.data = (char *)text;
	b.len = strlen(text);
	b.fetched_at = t;
	ck_assert_msg(store_archive(s, source, &b, kind, NULL, &e) == 0, "%s", e.msg);
}

/* A news feed whose lastBuildDate moves on every fetch: its latest
 * bodies kept, as many as set, and nothing else's; reparse still runs. */
START_TEST(test_a_news_feed_keeps_its_latest_bodies_only)
{
	char *ircc = test_slurp(test_data("feed-ddmmyyyy.json"), NULL), *out, *err;
	const char *argv[] = { "eedraws", "-d", db, "reparse", NULL };
	struct store *s;
	struct err e = {0};
	time_t t = 1786111200;
	int i;

	ck_assert_msg(store_open(&s, db, &e) == 0, "%s", e.msg);
	store_set_archive_keep(s, 3);
	archive(s, "ircc", "ircc-json", "https://ircc.example/a.json", ircc, t);
	for (i = 0; i < 6; i++) {
		char *feed = xasprintf("<rss><channel><lastBuildDate>%d</lastBuildDate>"
		                       "</channel></rss>", i);

		archive(s, "news", "feed", "https://news.example/feed", feed, t + i);
		archive(s, "other", "feed", "https://other.example/feed", feed, t + i);
		archive(s, "news", "article", "https://news.example/a", feed, t + i);
		free(feed);
	}
	store_close(s);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies"
	                                     " WHERE source = 'news' AND kind = 'feed'"), 3);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies"
	                                     " WHERE source = 'other' AND kind = 'feed'"), 3);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies"
	                                     " WHERE source = 'news' AND kind = 'feed'"
	                                     " AND first_fetched < strftime('%Y-%m-%dT%H:%M:%SZ',"
	                                     " (SELECT max(first_fetched) FROM bodies), '-2 seconds')"),
	                 0);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies WHERE kind = 'article'"), 6);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies WHERE kind = 'ircc-json'"), 1);
	ck_assert_int_eq(test_run(argv, NULL, &out, &err), 0);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws"), 2);
	free(out), free(err), free(ircc);
}
END_TEST

START_TEST(test_a_schema_5_database_is_migrated_keeping_every_row)
{
	struct strlist q = {0};
	struct store *s;
	struct err e = {0};
	char *before, *after;

	/* Written by eedraws before issue 15: one IRCC feed ingested. */
	test_copy_data("schema-v5.db", db);
	ck_assert_int_eq(test_query_long(db, "PRAGMA user_version"), 5);
	queries_of(db, &q);
	before = rows_of(db, &q);
	ck_assert_msg(store_open(&s, db, &e) == 0, "%s", e.msg);
	store_close(s);
	ck_assert_int_eq(test_query_long(db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	after = rows_of(db, &q);
	ck_assert_str_eq(after, before);
	/* The new columns: no round drop waiting. */
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM feed_shape WHERE rounds = 7"
	                                 " AND dropped_at IS NULL AND dropped_to IS NULL"), 1);
	free(before), free(after);
	strlist_release(&q);
}
END_TEST

/* The shape of IRCC's history file name, fetched when its name says. */
static time_t
history_shape(const char *name, struct ircc_shape *shape)
{
	struct parse_opts po = { .shape = shape };
	struct draw_list l = {0};
	struct strlist w = {0};
	struct body b = {0};
	struct err e = {0};
	struct tm tm = {0};
	char *path = xasprintf("history/%s", name);

	memset(shape, 0, sizeof(*shape));
	b.data = test_slurp(test_data(path), &b.len);
	b.url = xstrdup(name);
	ck_assert_msg(parse_body(&b, "ircc-json", &po, &l, &w, &e) == 0, "%s", e.msg);
	ck_assert_ptr_nonnull(strptime(name + 3, "%Y-%m-%dT%H%M%S", &tm));
	draw_list_release(&l);
	strlist_release(&w);
	body_release(&b);
	free(path);
	return timegm(&tm);
}

/* Replays IRCC's real history as source key: shapes saved as each body
 * came, shift seconds later than its name says; how many round drops
 * were due (*last the latest). */
static int
replay_history(struct store *s, const char *key, const char *const *names, time_t shift,
               struct store_drop *last)
{
	struct ircc_shape shape;
	struct err e = {0};
	char *old;
	int due, n = 0;
	time_t at;

	for (; *names; names++) {
		at = history_shape(*names, &shape) + shift;
		due = store_swap_shape(s, key, shape.keys, shape.rounds, at, 6 * 3600, &old, last,
		                       &e);
		ck_assert_msg(due >= 0, "%s", e.msg);
		n += due;
		free(old);
		free(shape.keys);
	}
	return n;
}

/* When history/08, the body without #336, was fetched. */
#define T08 ((time_t)1739990529)

/* IRCC's CDN flapped six times in 26 hours: a round gone from one body
 * and back in the next is no drift.  One still missing after the grace
 * (6 hours here) is said once, with when it was first missed. */
START_TEST(test_a_round_missing_is_due_only_after_the_grace)
{
	static const char *const all[] = {
		"01-2024-11-13T193415.json", "02-2024-11-15T203711.json",
		"03-2024-11-15T211113.json", "04-2024-11-15T233508.json",
		"05-2025-02-05T190940.json", "06-2025-02-13T201252.json",
		"07-2025-02-17T190959.json", "08-2025-02-19T184209.json",
		"09-2025-02-19T193406.json", NULL,
	};
	static const char *const before[] = { "07-2025-02-17T190959.json",
	                                      "08-2025-02-19T184209.json", NULL };
	static const char *const again[] = { "08-2025-02-19T184209.json", NULL };
	struct store_drop d = {0};
	struct store *s;
	struct err e = {0};

	ck_assert_int_eq(store_open(&s, db, &e), 0);
	ck_assert_int_eq(replay_history(s, "ircc/en", all, 0, &d), 0);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM feed_shape WHERE"
	                                 " rounds = 338 AND dropped_at IS NULL"), 1);

	/* #336 gone (08), still gone three hours on, then seven. */
	ck_assert_int_eq(replay_history(s, "flap/en", before, 0, &d), 0);
	ck_assert_int_eq(replay_history(s, "flap/en", again, 3 * 3600, &d), 0);
	ck_assert_int_eq(replay_history(s, "flap/en", again, 7 * 3600, &d), 1);
	ck_assert_int_eq(d.from, 337);
	ck_assert_int_eq(d.to, 336);
	ck_assert_str_eq(d.since, "2025-02-19T18:42:09Z");
	/* Said once: 336 is now the count to compare with. */
	ck_assert_int_eq(replay_history(s, "flap/en", again, 20 * 3600, &d), 0);

	/* With no new body, the first run after the grace says it. */
	ck_assert_int_eq(replay_history(s, "still/en", before, 0, &d), 0);
	ck_assert_int_eq(store_shape_due(s, "still/en", T08 + 6 * 3600 - 1, 6 * 3600, &d, &e), 0);
	ck_assert_int_eq(store_shape_due(s, "still/en", T08 + 6 * 3600, 6 * 3600, &d, &e), 1);
	ck_assert_int_eq(d.from, 337);
	ck_assert_int_eq(d.to, 336);
	ck_assert_int_eq(store_shape_due(s, "still/en", T08 + 12 * 3600, 6 * 3600, &d, &e), 0);
	ck_assert_int_eq(store_shape_due(s, "none/en", T08, 0, &d, &e), 0);
	store_close(s);
}
END_TEST

static int
list_link(void *ctx, const struct store_link *l)
{
	strlist_addf(ctx, "%s %s %ld %s", l->url, l->source, l->attempts, l->last_error);
	return 0;
}

/* The links status shows: those whose last attempt failed, first seen
 * since the time asked, with their attempts and last error. */
START_TEST(test_failing_links_are_those_whose_last_attempt_failed)
{
	struct strlist l = {0};
	struct store *s;
	struct err e = {0};
	sqlite3 *h;

	ck_assert_int_eq(store_open(&s, db, &e), 0);
	ck_assert_int_eq(store_link_attempted(s, "news", "https://a.example/1", "One",
	                                      "HTTP 500", &e), 0);
	ck_assert_int_eq(store_link_attempted(s, "news", "https://a.example/1", "One",
	                                      "HTTP 404", &e), 0);
	ck_assert_int_eq(store_link_attempted(s, "news", "https://a.example/2", "Two",
	                                      "HTTP 500", &e), 0);
	ck_assert_int_eq(store_link_attempted(s, "news", "https://a.example/2", "Two", NULL,
	                                      &e), 0);
	ck_assert_int_eq(store_link_attempted(s, "news", "https://a.example/3", "Three",
	                                      "HTTP 500", &e), 0);
	ck_assert_int_eq(store_link_attempts(s, "https://a.example/1", &e), 2);
	ck_assert_int_eq(store_link_attempts(s, "https://a.example/9", &e), 0);
	ck_assert_int_eq(sqlite3_open(db, &h), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(h, "UPDATE links SET first_seen = '2020-01-01T00:00:00Z'"
	                                 " WHERE url = 'https://a.example/3'", NULL, NULL, NULL),
	                 SQLITE_OK);
	sqlite3_close(h);
	ck_assert_int_eq(store_failing_links(s, "2021-01-01T00:00:00Z", list_link, &l, &e), 0);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_str_eq(l.v[0], "https://a.example/1 news 2 HTTP 404");
	store_close(s);
	strlist_release(&l);
}
END_TEST

Suite *
store_suite(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("merge");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_ingesting_a_feed_stores_every_round);
	tcase_add_test(tc, test_ingesting_the_same_body_twice_changes_nothing);
	tcase_add_test(tc, test_history_replay_keeps_vanished_rounds_and_records_corrections);
	tcase_add_test(tc, test_a_changed_field_is_stored_and_recorded);
	tcase_add_test(tc, test_a_file_that_is_not_a_database_is_refused_untouched);
	tcase_add_test(tc, test_another_programs_database_is_refused);
	tcase_add_test(tc, test_a_newer_schema_is_refused);
	tcase_add_test(tc, test_a_schema_1_database_is_migrated_keeping_its_draws);
	tcase_add_test(tc, test_a_schema_3_database_is_migrated_keeping_every_row);
	tcase_add_test(tc, test_a_schema_5_database_is_migrated_keeping_every_row);
	tcase_add_test(tc, test_a_round_missing_is_due_only_after_the_grace);
	tcase_add_test(tc, test_failing_links_are_those_whose_last_attempt_failed);
	tcase_add_test(tc, test_a_failed_merge_writes_nothing);
	tcase_add_test(tc, test_fetch_state_round_trips);
	tcase_add_test(tc, test_a_news_feed_keeps_its_latest_bodies_only);
	tcase_add_test(tc, test_french_after_english_adds_name_fr_and_revises_nothing);
	tcase_add_test(tc, test_english_after_french_keeps_both_names);
	tcase_add_test(tc, test_french_feed_revises_shared_values_and_its_own_name);
	suite_add_tcase(s, tc);
	return s;
}
