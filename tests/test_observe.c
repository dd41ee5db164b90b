/* test_observe.c: what articles say, merged with IRCC's record: matching,
 * conflicts, unconfirmed draws and their confirmation, feed links. */
#include <check.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "store.h"
#include "testutil.h"

static char *dir, *db;
static struct store *st;
static struct strlist events;
static struct strlist urls;	/* "conflict https://news.example/a" */

static void
setup(void)
{
	struct err e = {0};

	dir = test_tmpdir();
	db = xasprintf("%s/test.db", dir);
	ck_assert_msg(store_open(&st, db, &e) == 0, "%s", e.msg);
}

static void
teardown(void)
{
	store_close(st);
	strlist_release(&events);
	strlist_release(&urls);
	test_rmtree(dir);
	free(db);
	free(dir);
}

/* Every event as one line: "conflict 335 crs_cutoff 521 -> 522"; and its
 * URL in urls. */
static void
record(void *ctx, const struct store_event *ev)
{
	static const char *const what[] = { "new", "changed", "unconfirmed", "conflict",
	                                    "confirmed", "retracted" };
	size_t i;

	(void)ctx;
	strlist_addf(&urls, "%s %s", what[ev->what], ev->url ? ev->url : "(none)");
	if (!ev->nfields)
		strlist_addf(&events, "%s %s %s", what[ev->what], ev->number ? ev->number : "-",
		             ev->date);
	for (i = 0; i < ev->nfields; i++)
		strlist_addf(&events, "%s %s %s %s -> %s", what[ev->what], ev->number,
		             ev->fields[i].field, ev->fields[i].old_value,
		             ev->fields[i].new_value);
}

/* One draw; number NULL, category NULL and -1 for what is not stated. */
static void
add(struct draw_list *l, const char *number, const char *date, const char *category,
    long invitations, long crs)
{
	struct draw *d = draw_list_add(l);

	d->number = xstrdup(number);
	strcpy(d->date, date);
	d->category = category;
	d->invitations = invitations;
	d->crs_cutoff = crs;
	d->evidence = xstrdup("the sentence it came from");
}

/* Merges l as IRCC's feed, and releases it. */
static void
put_ircc(struct draw_list *l)
{
	struct body b = { .url = (char *)"https://ircc.example/rounds.json" };
	struct err e = {0};

	ck_assert_msg(store_put_body(st, "ircc", &b, l, NULL, record, NULL, &e) == 0, "%s",
	              e.msg);
	draw_list_release(l);
}

/* IRCC's record: rounds 334 to 336 of February 2025. */
static void
ircc(int with_336)
{
	struct draw_list l = {0};

	add(&l, "334", "2025-02-04", "pnp", 455, 802);
	add(&l, "335", "2025-02-05", "cec", 4000, 521);
	if (with_336)
		add(&l, "336", "2025-02-17", "pnp", 646, 750);
	put_ircc(&l);
}

static void
article(const char *url, const char *number, const char *date, const char *category,
        long invitations, long crs)
{
	struct draw_list l = {0};
	struct body b = { .url = (char *)url };
	struct err e = {0};

	add(&l, number, date, category, invitations, crs);
	ck_assert_msg(store_put_observations(st, "news", &b, &l, NULL, record, NULL, &e) == 0,
	              "%s", e.msg);
	draw_list_release(&l);
}

static long
q(const char *sql)
{
	return test_query_long(db, sql);
}

static void
clear_events(void)
{
	strlist_release(&events);
	strlist_release(&urls);
}

START_TEST(test_match_by_date_and_category_conflicts_on_invitations)
{
	ircc(0);
	clear_events();
	article("https://news.example/a", NULL, "2025-02-05", "cec", 4500, -1);
	ck_assert_uint_eq(events.n, 1);
	ck_assert_str_eq(events.v[0], "conflict 335 invitations 4000 -> 4500");
	ck_assert_int_eq(q("SELECT count(*) FROM observations WHERE number = '335'"), 1);
	ck_assert_int_eq(q("SELECT count(*) FROM unconfirmed WHERE state = 'unconfirmed'"), 0);
	/* IRCC's value stays. */
	ck_assert_int_eq(q("SELECT invitations FROM draws WHERE number = '335'"), 4000);
	ck_assert_int_eq(q("SELECT count(*) FROM conflicts WHERE number = '335'"
	                   " AND field = 'invitations' AND ircc_value = '4000'"
	                   " AND stated_value = '4500'"), 1);
}
END_TEST

/* The date, invitations and CRS of #335 in another category: it may be
 * #335 with its category wrong, or another draw; it names none beyond
 * doubt, so it disputes nothing. */
START_TEST(test_the_same_values_in_another_category_name_no_draw)
{
	ircc(0);
	clear_events();
	article("https://news.example/a", NULL, "2025-02-05", "fsw", 4000, 521);
	ck_assert_int_eq(q("SELECT count(*) FROM conflicts"), 0);
	ck_assert_int_eq(q("SELECT count(*) FROM observations WHERE number IS NOT NULL"), 0);
	ck_assert_uint_eq(events.n, 0);
	ck_assert_int_eq(q("SELECT count(*) FROM observations WHERE reason IS NOT NULL"), 1);
}
END_TEST

/* Articles often date a draw by the day they report it: a record with
 * IRCC's values a day after or before its date is that draw, and its
 * date is no dispute. */
START_TEST(test_a_record_a_day_off_with_the_same_values_is_that_draw)
{
	ircc(0);
	clear_events();
	article("https://news.example/a", NULL, "2025-02-06", "cec", 4000, 521);
	article("https://news.example/b", NULL, "2025-02-03", NULL, 455, -1);
	ck_assert_uint_eq(events.n, 0);
	ck_assert_int_eq(q("SELECT count(*) FROM observations WHERE number = '335'"
	                   " AND matched_by = 'values' AND date = '2025-02-06'"), 1);
	ck_assert_int_eq(q("SELECT count(*) FROM observations WHERE number = '334'"
	                   " AND matched_by = 'values'"), 1);
	ck_assert_int_eq(q("SELECT count(*) FROM unconfirmed WHERE state = 'unconfirmed'"), 0);
	ck_assert_int_eq(q("SELECT count(*) FROM conflicts"), 0);
	/* Two days off is another day. */
	article("https://news.example/c", NULL, "2025-02-07", "cec", 4000, 521);
	ck_assert_int_eq(q("SELECT count(*) FROM observations WHERE url LIKE '%/c'"
	                   " AND number IS NOT NULL"), 0);
}
END_TEST

/* A record that fits two of IRCC's draws equally is neither. */
START_TEST(test_two_draws_fitting_equally_match_neither)
{
	struct draw_list l = {0};

	add(&l, "340", "2025-03-03", "cec", 4000, 500);
	add(&l, "341", "2025-03-05", "cec", 4000, 500);
	put_ircc(&l);
	clear_events();
	article("https://news.example/a", NULL, "2025-03-04", "cec", 4000, 500);
	ck_assert_int_eq(q("SELECT count(*) FROM observations WHERE number IS NOT NULL"), 0);
	/* On the date of one of them, that one fits better. */
	article("https://news.example/b", NULL, "2025-03-05", NULL, -1, 500);
	ck_assert_int_eq(q("SELECT count(*) FROM observations WHERE number = '341'"), 1);
}
END_TEST

/* Date and category name a draw beyond doubt only when IRCC held one
 * draw of that category that day: with two, a record stating another
 * count disputes neither. */
START_TEST(test_date_and_category_name_a_draw_only_when_one_fits)
{
	struct draw_list l = {0};

	add(&l, "340", "2025-03-03", "healthcare", 2500, 480);
	add(&l, "341", "2025-03-03", "healthcare", 500, 510);
	put_ircc(&l);
	clear_events();
	article("https://news.example/a", NULL, "2025-03-03", "healthcare", 2600, -1);
	ck_assert_uint_eq(events.n, 0);
	ck_assert_int_eq(q("SELECT count(*) FROM conflicts"), 0);
	ck_assert_int_eq(q("SELECT count(*) FROM observations WHERE number IS NOT NULL"), 0);
	/* Its values still say which it is. */
	article("https://news.example/b", NULL, "2025-03-03", "healthcare", 500, -1);
	ck_assert_int_eq(q("SELECT count(*) FROM observations WHERE number = '341'"
	                   " AND matched_by = 'values'"), 1);
}
END_TEST

START_TEST(test_match_by_stated_number_conflicts_on_date)
{
	ircc(0);
	clear_events();
	/* A wrong date, but draw #335 and its cut-off: that draw. */
	article("https://news.example/a", "335", "2025-02-06", NULL, -1, 521);
	ck_assert_uint_eq(events.n, 1);
	ck_assert_str_eq(events.v[0], "conflict 335 date 2025-02-05 -> 2025-02-06");
	ck_assert_int_eq(q("SELECT count(*) FROM unconfirmed WHERE state = 'unconfirmed'"), 0);
}
END_TEST

START_TEST(test_an_agreeing_article_confirms_quietly)
{
	ircc(0);
	clear_events();
	/* No category stated: the date and the CRS say which draw. */
	article("https://news.example/a", NULL, "2025-02-04", NULL, -1, 802);
	ck_assert_uint_eq(events.n, 0);
	ck_assert_int_eq(q("SELECT count(*) FROM observations WHERE number = '334'"), 1);
	ck_assert_int_eq(q("SELECT count(*) FROM conflicts"), 0);
}
END_TEST

START_TEST(test_each_event_carries_the_url_of_its_body)
{
	ircc(0);
	article("https://news.example/a", NULL, "2025-02-05", "cec", 4500, -1);
	article("https://news.example/b", NULL, "2025-02-17", "pnp", 646, 751);
	/* Confirming b's draw is news of IRCC's body, not of b. */
	ircc(1);
	ck_assert_uint_eq(urls.n, 6);
	ck_assert_str_eq(urls.v[0], "new https://ircc.example/rounds.json");
	ck_assert_str_eq(urls.v[1], "new https://ircc.example/rounds.json");
	ck_assert_str_eq(urls.v[2], "conflict https://news.example/a");
	ck_assert_str_eq(urls.v[3], "unconfirmed https://news.example/b");
	ck_assert_str_eq(urls.v[4], "new https://ircc.example/rounds.json");
	ck_assert_str_eq(urls.v[5], "confirmed https://ircc.example/rounds.json");
}
END_TEST

static int
collect(void *ctx, const char *const *cells, int n)
{
	(void)n;
	/* number, date, ..., confirmed */
	strlist_addf(ctx, "%s %s %s", cells[0] ? cells[0] : "-", cells[1], cells[10]);
	return 0;
}

/* draw, status, date and reason of an observation. */
static int
collect_observation(void *ctx, const char *const *cells, int n)
{
	ck_assert_int_eq(n, 14);
	strlist_addf(ctx, "%s %s %s %s", cells[0] ? cells[0] : "-", cells[1], cells[2],
	             cells[12] ? cells[12] : "-");
	return 0;
}

START_TEST(test_another_category_the_same_day_is_not_that_draw)
{
	struct draw_list l = {0};
	int newest;

	ircc(1);
	clear_events();
	/* Same date and CRS as #336, but a French draw: not #336. */
	article("https://news.example/a", NULL, "2025-02-17", "french", -1, 750);
	ck_assert_int_eq(q("SELECT count(*) FROM observations WHERE number IS NOT NULL"), 0);
	/* After IRCC's newest draw, a French draw; then IRCC brings a draw
	 * of that day in another category, which is not it. */
	article("https://news.example/b", NULL, "2025-02-18", "french", 6500, 428);
	add(&l, "337", "2025-02-18", "pnp", 600, 740);
	put_ircc(&l);
	ck_assert_int_eq(q("SELECT count(*) FROM observations WHERE number IS NOT NULL"), 0);
	ck_assert_int_eq(q("SELECT count(*) FROM unconfirmed WHERE state = 'unconfirmed'"), 1);
	/* Both in the draws export; on their date IRCC's first, either way. */
	for (newest = 0; newest < 2; newest++) {
		struct strlist rows = {0};
		struct err e = {0};

		ck_assert_int_eq(store_each_row(st, "draws", newest, 0, collect, &rows, &e), 0);
		ck_assert_uint_eq(rows.n, 5);
		ck_assert_str_eq(rows.v[newest ? 0 : 3], "337 2025-02-18 1");
		ck_assert_str_eq(rows.v[newest ? 1 : 4], "- 2025-02-18 0");
		strlist_release(&rows);
	}
}
END_TEST

/* IRCC's record is complete for the past: a record dated on or before
 * its newest draw that names none of its draws is no draw.  It is kept,
 * with the reason, and is no news. */
START_TEST(test_a_record_before_ircc_newest_draw_naming_none_is_no_draw)
{
	struct strlist rows = {0};
	struct err e = {0};

	ircc(1);
	store_set_notify(st, 1);
	clear_events();
	article("https://news.example/a", NULL, "2024-06-19", "cec", 3100, 518);
	article("https://news.example/b", NULL, "2025-02-17", "french", 6500, 428);
	ck_assert_uint_eq(events.n, 0);
	ck_assert_int_eq(q("SELECT count(*) FROM unconfirmed WHERE state = 'unconfirmed'"), 0);
	ck_assert_int_eq(q("SELECT count(*) FROM draws"), 3);
	ck_assert_int_eq(q("SELECT count(*) FROM notifications"), 0);
	ck_assert_int_eq(q("SELECT count(*) FROM observations WHERE number IS NULL"
	                   " AND unconfirmed IS NULL AND matched_by IS NULL AND reason ="
	                   " 'no draw of IRCC''s on or a day from 2024-06-19 has these values'"),
	                 1);
	ck_assert_int_eq(q("SELECT count(*) FROM observations WHERE reason ="
	                   " 'no draw of IRCC''s on or a day from 2025-02-17 has these values'"),
	                 1);
	/* Not in the draws export; in the observations export, unmatched. */
	ck_assert_int_eq(store_each_row(st, "draws", 0, 0, collect, &rows, &e), 0);
	ck_assert_uint_eq(rows.n, 3);
	strlist_release(&rows);
	ck_assert_int_eq(store_each_row(st, "observations", 0, 0, collect_observation, &rows,
	                                &e), 0);
	ck_assert_uint_eq(rows.n, 2);
	ck_assert_str_eq(rows.v[0], "- unmatched 2024-06-19 no draw of IRCC's on or a day"
	                            " from 2024-06-19 has these values");
	strlist_release(&rows);
}
END_TEST

/* After IRCC's newest draw, a record starts an unconfirmed draw only
 * when it states both invitations and CRS; stating less, it joins one it
 * matches, else it is no draw. */
START_TEST(test_an_unconfirmed_draw_needs_invitations_and_crs)
{
	ircc(0);
	clear_events();
	article("https://news.example/a", NULL, "2025-02-17", "pnp", 646, -1);
	article("https://news.example/b", NULL, "2025-02-18", NULL, -1, 750);
	ck_assert_uint_eq(events.n, 0);
	ck_assert_int_eq(q("SELECT count(*) FROM unconfirmed WHERE state = 'unconfirmed'"), 0);
	ck_assert_int_eq(q("SELECT count(*) FROM observations WHERE reason = 'after IRCC''s"
	                   " newest draw (2025-02-05) but states no CRS cutoff, and no"
	                   " unconfirmed draw has these values'"), 1);
	ck_assert_int_eq(q("SELECT count(*) FROM observations WHERE reason LIKE"
	                   " '%states no invitations,%'"), 1);
	article("https://news.example/c", NULL, "2025-02-17", "pnp", 646, 750);
	ck_assert_uint_eq(events.n, 1);
	ck_assert_str_eq(events.v[0], "unconfirmed - 2025-02-17");
	ck_assert_int_eq(q("SELECT count(*) FROM unconfirmed WHERE state = 'unconfirmed'"), 1);
	/* Now a record stating less joins it. */
	article("https://news.example/d", NULL, "2025-02-17", NULL, -1, 750);
	ck_assert_uint_eq(events.n, 1);
	ck_assert_int_eq(q("SELECT count(*) FROM observations WHERE unconfirmed IS NOT NULL"), 2);
}
END_TEST

START_TEST(test_the_same_observation_is_stored_once)
{
	article("https://news.example/a", NULL, "2025-02-17", "pnp", 646, 750);
	clear_events();
	article("https://news.example/a", NULL, "2025-02-17", "pnp", 646, 750);
	ck_assert_uint_eq(events.n, 0);
	ck_assert_int_eq(q("SELECT count(*) FROM observations"), 1);
	ck_assert_int_eq(q("SELECT count(*) FROM unconfirmed WHERE state = 'unconfirmed'"), 1);
}
END_TEST

START_TEST(test_unconfirmed_draw_gathers_articles_and_is_confirmed)
{
	ircc(0);
	clear_events();
	/* Two articles before IRCC's feed: one draw, values filled in. */
	article("https://news.example/a", NULL, "2025-02-17", NULL, 646, 750);
	article("https://news.example/b", NULL, "2025-02-17", "pnp", 646, -1);
	ck_assert_uint_eq(events.n, 1);
	ck_assert_str_eq(events.v[0], "unconfirmed - 2025-02-17");
	ck_assert_int_eq(q("SELECT count(*) FROM unconfirmed WHERE state = 'unconfirmed'"), 1);
	ck_assert_int_eq(q("SELECT count(*) FROM unconfirmed WHERE category = 'pnp'"), 1);
	ck_assert_int_eq(q("SELECT count(*) FROM observations WHERE unconfirmed IS NOT NULL"), 2);
	clear_events();
	ircc(1);
	ck_assert_uint_eq(events.n, 2);
	ck_assert_str_eq(events.v[0], "new 336 2025-02-17");
	ck_assert_str_eq(events.v[1], "confirmed 336 2025-02-17");
	ck_assert_int_eq(q("SELECT count(*) FROM unconfirmed WHERE state = 'unconfirmed'"), 0);
	/* Its row stays, settled, so that its id never names another draw. */
	ck_assert_int_eq(q("SELECT count(*) FROM unconfirmed WHERE state = 'confirmed'"
	                   " AND confirmed_as = '336' AND settled_at IS NOT NULL"), 1);
	ck_assert_int_eq(q("SELECT count(*) FROM observations WHERE number = '336'"), 2);
	ck_assert_int_eq(q("SELECT count(*) FROM draws"), 3);
}
END_TEST

START_TEST(test_confirmation_names_what_the_articles_got_wrong)
{
	ircc(0);
	article("https://news.example/a", NULL, "2025-02-17", "pnp", 646, 751);
	clear_events();
	ircc(1);
	ck_assert_uint_eq(events.n, 2);
	ck_assert_str_eq(events.v[1], "confirmed 336 crs_cutoff 750 -> 751");
	ck_assert_int_eq(q("SELECT count(*) FROM conflicts WHERE number = '336'"), 1);
	ck_assert_int_eq(q("SELECT crs_cutoff FROM draws WHERE number = '336'"), 750);
}
END_TEST

/* An article a day off the date IRCC then gives, with its values: the
 * same draw, confirmed, its date no dispute. */
START_TEST(test_an_unconfirmed_draw_is_confirmed_a_day_off)
{
	ircc(0);
	article("https://news.example/a", NULL, "2025-02-18", "pnp", 646, 750);
	ck_assert_int_eq(q("SELECT count(*) FROM unconfirmed WHERE state = 'unconfirmed'"), 1);
	clear_events();
	ircc(1);
	ck_assert_uint_eq(events.n, 2);
	ck_assert_str_eq(events.v[0], "new 336 2025-02-17");
	ck_assert_str_eq(events.v[1], "confirmed 336 2025-02-17");
	ck_assert_int_eq(q("SELECT count(*) FROM observations WHERE number = '336'"
	                   " AND matched_by = 'values' AND unconfirmed IS NULL"), 1);
	ck_assert_int_eq(q("SELECT count(*) FROM conflicts"), 0);
}
END_TEST

/* An unmatched record is judged again whenever IRCC's draws are merged:
 * it is an observation of the draw it names once IRCC's feed brings it;
 * else its reason follows IRCC's record past its date. */
START_TEST(test_an_unmatched_record_is_judged_again_when_ircc_merges)
{
	struct draw_list l = {0};

	ircc(0);
	article("https://news.example/a", NULL, "2025-02-17", NULL, 646, -1);
	article("https://news.example/b", NULL, "2025-02-20", "pnp", 500, -1);
	ck_assert_int_eq(q("SELECT count(*) FROM observations WHERE reason IS NOT NULL"), 2);
	clear_events();
	ircc(1);
	ck_assert_uint_eq(events.n, 1);
	ck_assert_str_eq(events.v[0], "new 336 2025-02-17");
	ck_assert_int_eq(q("SELECT count(*) FROM observations WHERE url LIKE '%/a'"
	                   " AND number = '336' AND matched_by = 'values' AND reason IS NULL"), 1);
	ck_assert_int_eq(q("SELECT count(*) FROM observations WHERE url LIKE '%/b' AND reason"
	                   " LIKE 'after IRCC''s newest draw (2025-02-05) but states no CRS%'"), 1);
	/* IRCC's record moves past b: no draw of b's date has its values. */
	add(&l, "337", "2025-02-26", "french", 1000, 400);
	put_ircc(&l);
	ck_assert_int_eq(q("SELECT count(*) FROM observations WHERE url LIKE '%/b' AND reason ="
	                   " 'no draw of IRCC''s on or a day from 2025-02-20 has these values'"),
	                 1);
	/* A draw IRCC's feed brings late is judged the same way. */
	article("https://news.example/c", NULL, "2025-02-10", "cec", 1200, -1);
	ck_assert_int_eq(q("SELECT count(*) FROM observations WHERE url LIKE '%/c'"
	                   " AND reason IS NOT NULL"), 1);
	clear_events();
	add(&l, "336a", "2025-02-10", "cec", 1000, 500);
	put_ircc(&l);
	ck_assert_int_eq(q("SELECT count(*) FROM observations WHERE url LIKE '%/c' AND number ="
	                   " '336a' AND matched_by = 'date-category'"), 1);
	ck_assert_uint_eq(events.n, 2);
	ck_assert_str_eq(events.v[1], "conflict 336a invitations 1000 -> 1200");
}
END_TEST

/* IRCC's feed again, the same: the unmatched records are judged again,
 * but what does not change is not written (update rewrites its report
 * page when a run changed a record). */
START_TEST(test_judging_again_writes_only_what_changes)
{
	long before;

	ircc(1);
	article("https://news.example/a", NULL, "2025-01-10", "cec", 1000, 500);
	before = store_data_changes(st);
	ircc(1);
	ck_assert_int_eq(store_data_changes(st), before);
}
END_TEST

/* number, date, confirmed, unconfirmed_id and state of a draws row. */
static int
collect_state(void *ctx, const char *const *cells, int n)
{
	ck_assert_int_eq(n, 15);	/* ..., state, number_key */
	strlist_addf(ctx, "%s %s %s %s %s", cells[0] ? cells[0] : "-", cells[1], cells[10],
	             cells[12] ? cells[12] : "-", cells[13] ? cells[13] : "-");
	return 0;
}

/* IRCC's feed may bring a draw a few days late, not a week: once its
 * record holds a draw a week after an unconfirmed draw it has not
 * brought, that draw is retracted, and that is news. */
START_TEST(test_an_unconfirmed_draw_is_retracted_a_week_after_ircc_passes_it)
{
	struct draw_list l = {0};
	struct strlist rows = {0};
	struct err e = {0};

	ircc(0);
	store_set_notify(st, 1);
	article("https://news.example/a", NULL, "2025-02-10", "french", 3000, 400);
	ck_assert_int_eq(q("SELECT count(*) FROM unconfirmed WHERE state = 'unconfirmed'"), 1);
	clear_events();
	add(&l, "340", "2025-02-16", "cec", 1000, 500);
	put_ircc(&l);
	ck_assert_int_eq(q("SELECT count(*) FROM unconfirmed WHERE state = 'unconfirmed'"), 1);
	add(&l, "341", "2025-02-17", "cec", 1000, 505);
	put_ircc(&l);
	ck_assert_uint_eq(events.n, 3);
	ck_assert_str_eq(events.v[1], "retracted - 2025-02-10");
	ck_assert_int_eq(q("SELECT count(*) FROM unconfirmed WHERE state = 'retracted' AND reason"
	                   " = 'IRCC''s record holds draws to 2025-02-17, a week or more after"
	                   " it, and not this one' AND settled_at IS NOT NULL"), 1);
	ck_assert_int_eq(q("SELECT count(*) FROM notifications WHERE event = 'retracted'"
	                   " AND date = '2025-02-10' AND env LIKE '%\"EEDRAWS_UNCONFIRMED_ID\":"
	                   "\"u1\"%' AND env LIKE '%\"EEDRAWS_CONFIRMED\":\"no\"%'"
	                   " AND env LIKE '%\"EEDRAWS_REASON\":\"IRCC''s record holds%'"), 1);
	/* Gone from the draws export, unless all are asked for. */
	ck_assert_int_eq(store_each_row(st, "draws", 0, 0, collect_state, &rows, &e), 0);
	ck_assert_uint_eq(rows.n, 4);
	strlist_release(&rows);
	ck_assert_int_eq(store_each_row(st, "draws", STORE_ALL, 0, collect_state, &rows, &e), 0);
	ck_assert_uint_eq(rows.n, 5);
	ck_assert_str_eq(rows.v[2], "- 2025-02-10 0 1 retracted");
	ck_assert_str_eq(rows.v[3], "340 2025-02-16 1 - -");
	strlist_release(&rows);
	ck_assert_int_eq(store_each_row(st, "observations", 0, 0, collect_observation, &rows,
	                                &e), 0);
	ck_assert_str_eq(rows.v[0], "- retracted 2025-02-10 -");
	strlist_release(&rows);
	/* Retracted once. */
	clear_events();
	add(&l, "342", "2025-02-19", "pnp", 600, 700);
	put_ircc(&l);
	ck_assert_uint_eq(events.n, 1);
}
END_TEST

START_TEST(test_an_ircc_correction_ends_a_conflict)
{
	struct draw_list l = {0};
	struct body b = { .url = (char *)"https://ircc.example/rounds.json" };
	struct err e = {0};

	ircc(1);
	article("https://news.example/a", NULL, "2025-02-17", "pnp", 646, 751);
	ck_assert_int_eq(q("SELECT count(*) FROM conflicts"), 1);
	add(&l, "336", "2025-02-17", "pnp", 646, 751);
	ck_assert_int_eq(store_put_body(st, "ircc", &b, &l, NULL, NULL, NULL, &e), 0);
	ck_assert_int_eq(q("SELECT count(*) FROM conflicts"), 0);
	draw_list_release(&l);
}
END_TEST

START_TEST(test_a_failed_article_merge_writes_nothing)
{
	struct draw_list l = {0};
	struct body b = { .url = (char *)"https://news.example/a" };
	struct err e = {0};
	sqlite3 *h;

	ck_assert_int_eq(sqlite3_open(db, &h), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(h, "CREATE TRIGGER refuse BEFORE INSERT ON observations"
	                                 " WHEN NEW.crs_cutoff = 999 BEGIN"
	                                 " SELECT RAISE(ABORT, 'refused'); END", NULL, NULL,
	                              NULL), SQLITE_OK);
	sqlite3_close(h);
	add(&l, NULL, "2025-02-17", "pnp", 646, 750);
	add(&l, NULL, "2025-02-19", "french", 6500, 999);
	ck_assert_int_ne(store_put_observations(st, "news", &b, &l, NULL, record, NULL, &e), 0);
	ck_assert_ptr_nonnull(strstr(e.msg, "refused"));
	ck_assert_uint_eq(events.n, 0);
	ck_assert_int_eq(q("SELECT count(*) FROM unconfirmed WHERE state = 'unconfirmed'"), 0);
	ck_assert_int_eq(q("SELECT count(*) FROM observations"), 0);
	draw_list_release(&l);
}
END_TEST

/* What an undated article is placed by: IRCC's rounds with both values,
 * each with its number; an article's record is none of them. */
START_TEST(test_known_rounds_are_ircc_s_with_their_numbers)
{
	struct draw_list l = {0}, known = {0};
	struct err e = {0};

	add(&l, "254", "2023-07-05", "stem", 500, 486);
	add(&l, "255", "2023-07-06", "health", 1500, -1);
	put_ircc(&l);
	article("https://news.example/a", NULL, "2023-07-10", NULL, 700, 480);
	ck_assert_msg(store_known_rounds(st, &known, &e) == 0, "%s", e.msg);
	ck_assert_uint_eq(known.n, 1);
	ck_assert_str_eq(known.v[0].number, "254");
	ck_assert_str_eq(known.v[0].date, "2023-07-05");
	ck_assert_int_eq(known.v[0].invitations, 500);
	ck_assert_int_eq(known.v[0].crs_cutoff, 486);
	draw_list_release(&known);
}
END_TEST

START_TEST(test_feed_links_are_fetched_until_done)
{
	struct err e = {0};
	int i;

	ck_assert_int_eq(store_link_wanted(st, "https://news.example/1", &e), 1);
	ck_assert_int_eq(store_link_attempted(st, "news", "https://news.example/1", "One",
	                                      NULL, &e), 0);
	ck_assert_int_eq(store_link_wanted(st, "https://news.example/1", &e), 0);
	/* A failing link is tried STORE_LINK_ATTEMPTS times, then given up. */
	for (i = 0; i < STORE_LINK_ATTEMPTS; i++) {
		ck_assert_int_eq(store_link_wanted(st, "https://news.example/2", &e), 1);
		ck_assert_int_eq(store_link_attempted(st, "news", "https://news.example/2",
		                                      "Two", "HTTP 500", &e), 0);
	}
	ck_assert_int_eq(store_link_wanted(st, "https://news.example/2", &e), 0);
}
END_TEST

Suite *
observe_suite(void)
{
	Suite *s = suite_create("observe");
	TCase *tc = tcase_create("observe");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_match_by_date_and_category_conflicts_on_invitations);
	tcase_add_test(tc, test_the_same_values_in_another_category_name_no_draw);
	tcase_add_test(tc, test_a_record_a_day_off_with_the_same_values_is_that_draw);
	tcase_add_test(tc, test_two_draws_fitting_equally_match_neither);
	tcase_add_test(tc, test_date_and_category_name_a_draw_only_when_one_fits);
	tcase_add_test(tc, test_match_by_stated_number_conflicts_on_date);
	tcase_add_test(tc, test_an_agreeing_article_confirms_quietly);
	tcase_add_test(tc, test_each_event_carries_the_url_of_its_body);
	tcase_add_test(tc, test_another_category_the_same_day_is_not_that_draw);
	tcase_add_test(tc, test_a_record_before_ircc_newest_draw_naming_none_is_no_draw);
	tcase_add_test(tc, test_an_unconfirmed_draw_needs_invitations_and_crs);
	tcase_add_test(tc, test_the_same_observation_is_stored_once);
	tcase_add_test(tc, test_unconfirmed_draw_gathers_articles_and_is_confirmed);
	tcase_add_test(tc, test_confirmation_names_what_the_articles_got_wrong);
	tcase_add_test(tc, test_an_unconfirmed_draw_is_confirmed_a_day_off);
	tcase_add_test(tc, test_an_unmatched_record_is_judged_again_when_ircc_merges);
	tcase_add_test(tc, test_judging_again_writes_only_what_changes);
	tcase_add_test(tc, test_an_unconfirmed_draw_is_retracted_a_week_after_ircc_passes_it);
	tcase_add_test(tc, test_an_ircc_correction_ends_a_conflict);
	tcase_add_test(tc, test_a_failed_article_merge_writes_nothing);
	tcase_add_test(tc, test_known_rounds_are_ircc_s_with_their_numbers);
	tcase_add_test(tc, test_feed_links_are_fetched_until_done);
	suite_add_tcase(s, tc);
	return s;
}
