/* test_article.c: the news extractor on fixtures written for this project,
 * one per style, each with its exact records. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "article.h"
#include "parse.h"
#include "testutil.h"

/* Parses the file at path as an article, assuming date when the page
 * gives none, and renders the draws as "number,date,category,itas,crs"
 * lines (empty for none), in the order found. */
static char *
extract_path(const char *path, const char *date, struct strlist *warn)
{
	struct parse_opts o = { .date = date };
	struct draw_list l = {0};
	struct strlist w = {0};
	struct body b = {0};
	struct err e = {0};
	struct buf out = {0};
	size_t i;

	b.data = test_slurp(path, &b.len);
	b.url = xstrdup(path);
	ck_assert_msg(parse_body(&b, "auto", &o, &l, warn ? warn : &w, &e) == 0, "%s", e.msg);
	for (i = 0; i < l.n; i++) {
		const struct draw *d = &l.v[i];

		buf_addf(&out, "%s,%s,%s,", d->number ? d->number : "", d->date,
		         d->category ? d->category : "");
		if (d->invitations >= 0)
			buf_addf(&out, "%ld", d->invitations);
		buf_adds(&out, ",");
		if (d->crs_cutoff >= 0)
			buf_addf(&out, "%ld", d->crs_cutoff);
		buf_adds(&out, "\n");
		ck_assert_msg(d->evidence && *d->evidence, "draw %zu has no evidence", i);
	}
	strlist_release(&w);
	draw_list_release(&l);
	body_release(&b);
	return buf_detach(&out, NULL);
}

/* The same for tests/data/articles/NAME. */
static char *
extract(const char *name, const char *date, struct strlist *warn)
{
	char path[256];

	snprintf(path, sizeof(path), "articles/%s", name);
	return extract_path(test_data(path), date, warn);
}

#define EXPECT(name, date, expected) do { \
		char *got_ = extract(name, date, NULL); \
		ck_assert_str_eq(got_, expected); \
		free(got_); \
	} while (0)

/* A fixture written twice, as text (STEM.txt) and as HTML (STEM.html),
 * states the same draws. */
#define EXPECT_BOTH(stem, date, expected) do { \
		EXPECT(stem ".txt", date, expected); \
		EXPECT(stem ".html", date, expected); \
	} while (0)

START_TEST(test_single_draw_announcement_in_text)
{
	/* The page's own "Published:" line wins over --date; the tie-break
	 * date and the year's total are not draws. */
	EXPECT("single-draw.txt", "2020-01-01", ",2025-03-11,cec,2250,517\n");
}
END_TEST

START_TEST(test_single_draw_announcement_in_html)
{
	/* "On Wednesday" before the page's article:published_time (Thursday
	 * 2025-06-05); "1&nbsp;250"; scripts, menus, the related-posts aside
	 * and the footer are not the article. */
	EXPECT("single-draw.html", NULL, ",2025-06-04,healthcare,1250,504\n");
}
END_TEST

START_TEST(test_official_ircc_wording)
{
	/* "Rank required" is a rank, not a count of invitations. */
	EXPECT("official.txt", NULL, "188,2021-04-14,,5782,382\n");
}
END_TEST

START_TEST(test_roundup_of_several_draws)
{
	/* The total and next week's expected round are not draws.  The
	 * year of "July 8" is the publication date's. */
	EXPECT("roundup.txt", "2025-07-11",
	       ",2025-07-07,pnp,356,750\n"
	       ",2025-07-08,cec,3000,518\n"
	       ",2025-07-09,french,4500,420\n");
}
END_TEST

START_TEST(test_summary_table_in_html_any_column_order)
{
	/* Yearless dates in the year the table's heading names; the JSON-LD
	 * date; a row without a date is skipped; the share widget's table
	 * is not the article's. */
	EXPECT("summary-table.html", NULL,
	       ",2024-11-20,healthcare,3000,463\n"
	       ",2024-11-19,cec,400,539\n"
	       ",2024-11-18,pnp,174,816\n");
}
END_TEST

START_TEST(test_summary_table_in_markdown)
{
	/* "1 350"; December before a January publication is last year's;
	 * "3.350" is no CRS score. */
	EXPECT("summary-table.md", NULL,
	       ",2025-01-08,cec,1350,542\n"
	       ",2025-01-07,pnp,471,793\n"
	       ",2024-12-17,pnp,4300,\n");
}
END_TEST

START_TEST(test_flattened_table_rows_where_the_split_is_unambiguous)
{
	/* Cells run together: "1,500533" is 1,500 and 533; "345747" is 345
	 * and 747, since this table writes counts above 999 with a comma and
	 * no score is below 67; one number alone is the first numeric
	 * column's; the table ends where the rows do. */
	EXPECT("flat-table.txt", NULL,
	       ",2025-10-29,healthcare,2750,472\n"
	       ",2025-10-28,pnp,302,761\n"
	       ",2025-10-15,cec,1500,533\n"
	       ",2025-10-14,pnp,345,747\n"
	       ",2025-09-30,french,4000,\n");
}
END_TEST

START_TEST(test_flattened_runs_split_only_where_the_table_groups_thousands)
{
	/* "920739" under a table that writes "1,250" is 920 and 739;
	 * "5180" could be 5 and 180 or 51 and 80 and is skipped; a table
	 * that writes no separator leaves "410768" whole (and so no draw)
	 * and "3200" a count. */
	EXPECT("flat-table-runs.txt", NULL,
	       ",2025-02-19,cec,1250,536\n"
	       ",2025-02-18,pnp,920,739\n"
	       ",2025-01-08,cec,3200,\n");
}
END_TEST

START_TEST(test_a_list_of_draws_in_clauses)
{
	/* "Today's draw follows a general round held yesterday, March 5":
	 * the undated round read so far is today's, the next sentence's
	 * values are March 5's, and "the highest cut-off of any round in
	 * 2025" does not make its count a year's total.  Clauses split at
	 * "; " are one round each, with their "Round #340".  "the February
	 * 12 healthcare round, which invited ..." dates the values after
	 * it, though it follows "came after". */
	EXPECT("clause-list.txt", NULL,
	       ",2025-03-06,french,4200,412\n"
	       ",2025-03-05,,1150,537\n"
	       "340,2025-02-19,general,1800,541\n"
	       "341,2025-02-27,,1650,539\n"
	       ",2025-02-12,healthcare,2400,428\n");
}
END_TEST

START_TEST(test_ways_of_stating_the_cut_off)
{
	/* "480 or more ... CRS points", "455 points or more under the
	 * Comprehensive Ranking System", "a CRS of at least 501" (of a score,
	 * at least is the cut-off; of a count, next week's "at least 2,000"
	 * is none), "The minimum Comprehensive Ranking Score ("CRS") for
	 * this round was 733", "scored at least 529 points in the CRS".
	 * "Ranking System" names no STEM round. */
	EXPECT("score-phrasings.txt", NULL,
	       ",2025-05-05,,1200,480\n"
	       ",2025-05-07,,900,455\n"
	       ",2025-05-12,,2100,501\n"
	       ",2025-05-14,,650,733\n"
	       ",2025-05-16,,3300,529\n");
}
END_TEST

START_TEST(test_ways_of_stating_the_count)
{
	/* "820 candidates were issued an ITA", "1,340 candidates for
	 * permanent residence have received an invitation", "issued
	 * invitations to apply (ITAs) for permanent residence to 2,750
	 * candidates", "3,100 invites went"; "to 2,000 to 3,000 candidates"
	 * is a range. */
	EXPECT("count-phrasings.txt", NULL,
	       ",2025-06-03,,820,520\n"
	       ",2025-06-10,,1340,511\n"
	       ",2025-06-17,,2750,498\n"
	       ",2025-06-24,,3100,505\n");
}
END_TEST

START_TEST(test_a_round_dated_apart_from_its_numbers)
{
	/* "The latest round from the pool, and the 57th since ..., took
	 * place on Wednesday, March 1, 2017" and "Canada held a second
	 * round" open a round whose values follow in the next paragraph;
	 * "This round, held on February 24" dates the undated round being
	 * read; "The previous round was held on February 8" opens none. */
	EXPECT("latest-draw.txt", NULL,
	       ",2017-03-01,,2350,434\n"
	       ",2017-02-24,french,1800,401\n"
	       ",2017-02-15,,1100,447\n");
}
END_TEST

START_TEST(test_today_yesterday_and_weekdays_from_the_publication_date)
{
	/* 2025-07-10 is a Thursday. */
	EXPECT("relative-dates.txt", "2025-07-10",
	       ",2025-07-10,cec,1500,505\n"
	       ",2025-07-09,pnp,640,717\n"
	       ",2025-07-08,french,7500,379\n");
}
END_TEST

START_TEST(test_relative_dates_without_a_publication_date_yield_nothing)
{
	/* No page date, no --date, no fetch time: "today" is unknown. */
	EXPECT("relative-dates.txt", NULL, "");
}
END_TEST

/* The undated fixture NAME: not the machine's clock, not the year of
 * another date on the page: "June 22" and "on Wednesday" state nothing,
 * and a warning says to pass --date; with --date they do. */
static void
expect_undated(const char *name)
{
	struct strlist w = {0};
	char *got = extract(name, NULL, &w);

	ck_assert_str_eq(got, ",2025-03-04,french,4500,410\n");
	ck_assert_uint_eq(w.n, 1);
	ck_assert_ptr_nonnull(strstr(w.v[0], "no publication date"));
	ck_assert_ptr_nonnull(strstr(w.v[0], "--date"));
	free(got);
	strlist_release(&w);
	EXPECT(name, "2025-06-23",
	       ",2025-06-22,,2000,495\n"
	       ",2025-06-18,healthcare,1100,470\n"
	       ",2025-03-04,french,4500,410\n");
}

START_TEST(test_an_undated_page_states_no_date_without_a_year)
{
	expect_undated("undated.txt");
}
END_TEST

START_TEST(test_a_page_without_a_draw_yields_nothing)
{
	EXPECT("no-draw.html", NULL, "");
}
END_TEST

START_TEST(test_a_page_in_another_language_yields_nothing)
{
	struct strlist w = {0};
	char *got = extract("chinese.txt", "2025-03-12", &w);

	ck_assert_str_eq(got, "");
	ck_assert_uint_eq(w.n, 1);
	ck_assert_ptr_nonnull(strstr(w.v[0], "not in a language eedraws reads"));
	free(got);
	strlist_release(&w);
	EXPECT("french.txt", "2025-03-12", "");
}
END_TEST

START_TEST(test_html_is_told_from_text)
{
	ck_assert(article_is_html("<!DOCTYPE html><html>", 21));
	ck_assert(article_is_html("\n<p>Some text</p>", 17));
	ck_assert(!article_is_html("Plain text | with a bar", 23));
}
END_TEST

START_TEST(test_two_number_columns_that_disagree_state_no_number)
{
	/* Round 336 is "336" in one column and "335" in the other: neither
	 * is taken (found by fuzzing, where the second leaked the first). */
	EXPECT("two-number-columns.md", NULL,
	       "337,2025-03-03,,725,667\n"
	       ",2025-02-20,,6500,428\n");
}
END_TEST

START_TEST(test_the_seeds_yield_the_draws_they_state)
{
	static const struct { const char *file, *date, *expected; } seeds[] = {
		{ "seeds/000_c4b178559b4f3321.txt", NULL,
		  ",2023-06-28,healthcare,500,476\n,2023-06-27,general,4300,486\n" },
		/* No publication date, but "Last Updated On 8 July 2023":
		 * its "On July 7", without a year, is read by that day. */
		{ "seeds/001_12ddaacb01fe07f5.txt", NULL,
		  ",2023-07-07,french,,439\n"
		  ",2023-07-06,healthcare,,463\n,2023-07-05,stem,500,486\n"
		  ",2023-07-04,general,700,511\n" },
		{ "seeds/002_e0a16a818b52d551.txt", "2024-05-31",
		  ",2024-05-31,cec,3000,522\n"
		  /* and its summary table, every row IRCC's; the prose's
		   * April 10 round, without its cut-off, is the table's */
		  ",2024-05-30,pnp,2985,676\n,2024-04-24,french,1400,410\n"
		  ",2024-04-23,general,2095,529\n,2024-04-11,stem,4500,491\n"
		  ",2024-04-10,general,1280,549\n,2024-03-26,french,1500,388\n"
		  ",2024-03-25,general,1980,524\n,2024-03-13,transport,975,430\n"
		  ",2024-03-12,general,2850,525\n,2024-02-29,french,2500,336\n"
		  ",2024-02-28,general,1470,534\n,2024-02-16,agriculture,150,437\n"
		  ",2024-02-14,healthcare,3500,422\n,2024-02-13,general,1490,535\n"
		  ",2024-02-01,french,7000,365\n,2024-01-31,general,730,541\n"
		  ",2024-01-23,general,1040,543\n,2024-01-10,general,1510,546\n" },
		{ "seeds/003_3f945a0d267cef8f.txt", NULL, "262,2023-08-15,general,4300,496\n" },
	};
	size_t i;

	for (i = 0; i < sizeof(seeds) / sizeof(seeds[0]); i++) {
		const char *path = shared_path(seeds[i].file);
		char *got;

		SKIP_WITHOUT_SHARED(path);
		got = extract_path(path, seeds[i].date, NULL);
		ck_assert_msg(strcmp(got, seeds[i].expected) == 0, "%s:\n%s", seeds[i].file, got);
		free(got);
	}
}
END_TEST

START_TEST(test_a_count_after_a_day_is_no_year)
{
	/* "On September 26, 3000 applicants": no round was held in 3000 or
	 * in 1500 (Express Entry's rounds run from 2015-01-31 to a day after
	 * the page's date), so the number is a count and the day has the
	 * page's year. */
	EXPECT("count-after-day.txt", NULL,
	       ",2023-09-28,agriculture,600,354\n"
	       ",2023-09-26,general,3000,504\n"
	       ",2023-09-20,transport,1000,435\n"
	       ",2023-05-03,,1500,511\n");
}
END_TEST

START_TEST(test_a_comparison_with_another_draw_states_none_of_its_values)
{
	/* "a decrease from 557 on July 6", "compared with 741 on June 8",
	 * "lower than the previous round on July 20, which had a minimum
	 * score of 542": what follows the comparison is another round's, its
	 * date and values alike.  A sentence of two rounds' values
	 * "respectively" pairs them in order when there are as many dates
	 * as counts and cut-offs, and states none when not (two counts, one
	 * cut-off). */
	EXPECT("comparisons.txt", NULL,
	       ",2022-07-20,,1750,542\n"
	       ",2022-06-22,pnp,636,752\n"
	       ",2022-08-03,,2000,533\n"
	       ",2022-05-25,,2250,525\n"
	       ",2022-05-11,,2750,516\n");
}
END_TEST

START_TEST(test_an_increase_or_a_difference_is_no_draw_value)
{
	/* "an increase of 1,500 invitations", "300 fewer candidates", "500
	 * more ITAs than January's round", "by 2,000 invitations": changes
	 * between rounds, not a round's count. */
	EXPECT("differences.txt", NULL, ",2025-03-13,,1200,518\n");
}
END_TEST

START_TEST(test_flattened_rows_with_the_type_or_the_year_run_together)
{
	/* "April 11STEM occupations4,500491": "ST" is no ordinal of 11, and
	 * the round is a STEM one.  "January 23, 20194433900": the year is
	 * four digits, and a run of six digits or more in a table that
	 * writes no separator is a score and a count (443 and 3,900; no other
	 * split gives both); "March 6. 2019" has its year too. */
	EXPECT("flat-table-glued.txt", NULL,
	       ",2024-04-24,french,1400,410\n"
	       ",2024-04-11,stem,4500,491\n"
	       ",2019-01-23,,3900,443\n"
	       ",2019-01-30,,3350,438\n"
	       ",2019-03-06,,3350,454\n");
}
END_TEST

START_TEST(test_a_draw_stated_in_part_and_in_full_is_one_record)
{
	/* The headline's "3,000 on June 4" is the body's June 4 round, told
	 * in full; the provincial round of the same day is another draw. */
	EXPECT("same-draw-twice.txt", NULL,
	       ",2024-06-04,general,3000,529\n"
	       ",2024-06-04,pnp,500,702\n");
}
END_TEST

START_TEST(test_a_field_block_states_one_draw)
{
	/* A round dated in one sentence, its values in the next ones; and
	 * "Date of draw:" over its values, each on its own line.  The
	 * residents and employers after it are no draw's. */
	EXPECT("values-apart.txt", NULL,
	       ",2025-05-20,,2500,397\n"
	       ",2025-05-14,,1100,480\n");
}
END_TEST

/* The HTML twins of the failure classes above: each the same article as a
 * news page prints it, its date in article:published_time where the text
 * has a "Published:" line, its menus and footer skipped, and each yields
 * its text's records. */
START_TEST(test_an_undated_page_in_html_states_no_date_without_a_year)
{
	/* Nor the year of the menu's "Draws of 2024". */
	expect_undated("undated.html");
}
END_TEST

START_TEST(test_a_count_after_a_day_in_html_is_no_year)
{
	EXPECT("count-after-day.html", NULL,
	       ",2023-09-28,agriculture,600,354\n"
	       ",2023-09-26,general,3000,504\n"
	       ",2023-09-20,transport,1000,435\n"
	       ",2023-05-03,,1500,511\n");
}
END_TEST

START_TEST(test_a_comparison_in_html_states_none_of_its_values)
{
	EXPECT("comparisons.html", NULL,
	       ",2022-07-20,,1750,542\n"
	       ",2022-06-22,pnp,636,752\n"
	       ",2022-08-03,,2000,533\n"
	       ",2022-05-25,,2250,525\n"
	       ",2022-05-11,,2750,516\n");
}
END_TEST

START_TEST(test_a_difference_in_html_is_no_draw_value)
{
	EXPECT("differences.html", NULL, ",2025-03-13,,1200,518\n");
}
END_TEST

START_TEST(test_flattened_rows_in_one_html_paragraph_run_together)
{
	/* The run-together cells in one <p>, a <br> ending each row. */
	EXPECT("flat-table-glued.html", NULL,
	       ",2024-04-24,french,1400,410\n"
	       ",2024-04-11,stem,4500,491\n"
	       ",2019-01-23,,3900,443\n"
	       ",2019-01-30,,3350,438\n"
	       ",2019-03-06,,3350,454\n");
}
END_TEST

START_TEST(test_a_draw_stated_in_part_and_in_full_in_html_is_one_record)
{
	/* The <h1>'s "3,000 on June 4" is the body's round. */
	EXPECT("same-draw-twice.html", NULL,
	       ",2024-06-04,general,3000,529\n"
	       ",2024-06-04,pnp,500,702\n");
}
END_TEST

START_TEST(test_a_field_block_in_html_states_one_draw)
{
	/* "Date of draw:" and its values on lines a <br> ends. */
	EXPECT("values-apart.html", NULL,
	       ",2025-05-20,,2500,397\n"
	       ",2025-05-14,,1100,480\n");
}
END_TEST

/* Parses text as an article with o, fetched on the day fetched
 * (YYYY-MM-DD, or NULL: unknown); returns the number of draws, the last
 * one's date in last (when any). */
static size_t
count_at(const char *text, const char *url, const char *fetched, const struct parse_opts *o,
         struct strlist *warn, char last[11])
{
	struct draw_list l = {0};
	struct body b = {0};
	struct err e = {0};
	size_t n;

	b.data = xstrdup(text);
	b.len = strlen(text);
	b.url = xstrdup(url ? url : strstr(text, "<html>") ? "page.html" : "page.txt");
	if (fetched) {
		struct tm tm = {0};

		ck_assert_ptr_nonnull(strptime(fetched, "%Y-%m-%d", &tm));
		tm.tm_hour = 12;
		b.fetched_at = timegm(&tm);
	}
	ck_assert_msg(parse_body(&b, "article", o, &l, warn, &e) == 0, "%s", e.msg);
	n = l.n;
	if (n)
		memcpy(last, l.v[n - 1].date, 11);
	draw_list_release(&l);
	body_release(&b);
	return n;
}

static size_t
count_fetched(const char *text, const char *fetched, const struct parse_opts *o,
              struct strlist *warn, char last[11])
{
	return count_at(text, NULL, fetched, o, warn, last);
}

static size_t
count_draws(const char *text, const struct parse_opts *o, struct strlist *warn, char last[11])
{
	return count_at(text, NULL, NULL, o, warn, last);
}

/* A page of n draw sentences, each its own day of 2024. */
static char *
many_draws(int n)
{
	struct buf b = {0};
	int i;

	for (i = 0; i < n; i++)
		buf_addf(&b, "On %s %d, 2024, IRCC invited %d candidates with a minimum "
		         "CRS score of %d.\n", i < 28 ? "March" : "April", 1 + i % 28,
		         1000 + i, 400 + i);
	return buf_detach(&b, NULL);
}

/* A page stating more than max_draws draws (a history table, a flood) is
 * not news: it yields none, and a warning says why and what raises it. */
START_TEST(test_a_page_with_more_draws_than_max_draws_yields_none)
{
	struct parse_opts o = { .date = "2024-05-01" };
	struct strlist w = {0};
	char *page = many_draws(51), last[11];

	ck_assert_uint_eq(count_draws(page, &o, &w, last), 0);
	ck_assert_uint_eq(w.n, 1);
	ck_assert_ptr_nonnull(strstr(w.v[0], "more than 50 draws"));
	ck_assert_ptr_nonnull(strstr(w.v[0], "max_draws"));
	strlist_release(&w);
	o.max_draws = 51;
	ck_assert_uint_eq(count_draws(page, &o, &w, last), 51);
	ck_assert_uint_eq(w.n, 0);
	free(page);
	page = many_draws(50);
	o.max_draws = 0;
	ck_assert_uint_eq(count_draws(page, &o, &w, last), 50);
	ck_assert_uint_eq(w.n, 0);
	free(page);
}
END_TEST

/* A page does not report a draw held after it was written: one dated
 * more than a day after its publication date ("March 6" read within a
 * week of it, a table's year) is dropped with a warning; one a day after
 * (a time zone) is kept. */
START_TEST(test_no_draw_after_the_page_s_date_plus_one_day)
{
	struct parse_opts o = { .date = "2025-03-04" };
	struct strlist w = {0};
	char last[11];

	ck_assert_uint_eq(count_draws("On March 6, IRCC invited 1,500 candidates with a "
	                              "minimum CRS score of 480.\n", &o, &w, last), 0);
	ck_assert_uint_eq(w.n, 1);
	ck_assert_ptr_nonnull(strstr(w.v[0], "2025-03-06 is after the page's date, 2025-03-04"));
	strlist_release(&w);
	ck_assert_uint_eq(count_draws("On March 5, IRCC invited 1,500 candidates with a "
	                              "minimum CRS score of 480.\n", &o, &w, last), 1);
	ck_assert_str_eq(last, "2025-03-05");
	ck_assert_uint_eq(w.n, 0);
}
END_TEST

/* A page that says it was updated ("Last updated:", article:modified_time)
 * may state draws up to a day after the update. */
START_TEST(test_a_page_updated_later_may_state_later_draws)
{
	struct parse_opts o = {0};
	struct strlist w = {0};
	char last[11];

	ck_assert_uint_eq(count_draws("Published: March 4, 2025\nLast updated: March 21, 2025\n"
	                              "On March 20, 2025, IRCC invited 1,500 candidates with a "
	                              "minimum CRS score of 480.\n", &o, &w, last), 1);
	ck_assert_str_eq(last, "2025-03-20");
	ck_assert_uint_eq(count_draws("<html><head><meta property=\"article:published_time\" "
	                              "content=\"2025-03-04T10:00:00Z\"><meta property=\""
	                              "article:modified_time\" content=\"2025-03-21T09:00:00Z\">"
	                              "</head><body><p>On March 20, 2025, IRCC invited 1,500 "
	                              "candidates with a minimum CRS score of 480.</p></body></html>",
	                              &o, &w, last), 1);
	ck_assert_str_eq(last, "2025-03-20");
	/* Without the update, the same draw is after the page's date. */
	ck_assert_uint_eq(count_draws("Published: March 4, 2025\n"
	                              "On March 20, 2025, IRCC invited 1,500 candidates with a "
	                              "minimum CRS score of 480.\n", &o, &w, last), 0);
	ck_assert_uint_eq(w.n, 0);	/* a full date past it is no round's day */
}
END_TEST

/* The page's date from the <meta> names publishing systems write besides
 * Open Graph's ("date", Dublin Core's "DC.date.issued"), and from
 * schema.org microdata (itemprop="datePublished"): "On Thursday" is then
 * the round of 2025-06-12, which without a date states nothing. */
START_TEST(test_more_meta_names_give_the_page_s_date)
{
	static const char *const heads[] = {
		"<meta name=\"date\" content=\"2025-06-13\">",
		"<meta name=\"DC.date.issued\" content=\"2025-06-13\">",
		"<meta itemprop=\"datePublished\" content=\"2025-06-13T08:00:00-04:00\">",
		"</head><body><span itemprop=\"datePublished\" content=\"2025-06-13\">Friday</span>",
	};
	struct parse_opts o = {0};
	struct strlist w = {0};
	char page[512], last[11];
	size_t i;

	for (i = 0; i < sizeof(heads) / sizeof(heads[0]); i++) {
		snprintf(page, sizeof(page), "<html><head>%s<p>On Thursday, IRCC invited 3,000 "
		         "Canadian Experience Class candidates with a minimum CRS score of "
		         "529.</p></body></html>", heads[i]);
		ck_assert_msg(count_draws(page, &o, &w, last) == 1, "%s", heads[i]);
		ck_assert_str_eq(last, "2025-06-12");
	}
	ck_assert_uint_eq(count_draws("<html><head><meta name=\"author\" content=\"2025-06-13\">"
	                              "<p>On Thursday, IRCC invited 3,000 Canadian Experience "
	                              "Class candidates with a minimum CRS score of 529.</p>"
	                              "</body></html>", &o, &w, last), 0);
	strlist_release(&w);
}
END_TEST

/* A table headed with its year may have grown since the page was
 * published: its rows count up to the day the page was fetched.  A
 * heading year after the page's own is not the table's. */
START_TEST(test_a_table_headed_with_its_year_is_bounded_by_the_fetch)
{
	static const char page[] = "Published: February 1, 2024\n"
		"Express Entry draws in 2024\n"
		"| Date | Type | Invitations | CRS |\n"
		"| --- | --- | --- | --- |\n"
		"| April 10 | General | 1,280 | 549 |\n"
		"| January 31 | General | 730 | 541 |\n";
	static const char future[] = "Published: February 1, 2024\n"
		"Express Entry draws in 2099\n"
		"| Date | Type | Invitations | CRS |\n"
		"| --- | --- | --- | --- |\n"
		"| January 31 | General | 730 | 541 |\n";
	struct parse_opts o = {0};
	struct strlist w = {0};
	char last[11];

	ck_assert_uint_eq(count_fetched(page, "2024-04-20", &o, &w, last), 2);
	ck_assert_uint_eq(w.n, 0);
	ck_assert_uint_eq(count_fetched(page, "2024-04-02", &o, &w, last), 1);
	ck_assert_str_eq(last, "2024-01-31");
	ck_assert_uint_eq(w.n, 1);
	ck_assert_ptr_nonnull(strstr(w.v[0], "2024-04-10 is after the page was fetched"));
	strlist_release(&w);
	/* "2099" is not this table's year: January 31 is read by the page's
	 * date, 2024. */
	ck_assert_uint_eq(count_fetched(future, "2024-04-20", &o, &w, last), 1);
	ck_assert_str_eq(last, "2024-01-31");
	strlist_release(&w);
}
END_TEST

/* "held the first trades draw": the draw the sentence dates. */
START_TEST(test_held_the_draw_dates_the_draw)
{
	struct parse_opts o = { .date = "2025-09-20" };
	struct strlist w = {0};
	char last[11];

	ck_assert_uint_eq(count_draws("On September 18, IRCC held the first draw for trades in "
	                              "months.\nThe draw invited 1,250 candidates who had a "
	                              "minimum CRS of 505.\n", &o, &w, last), 1);
	ck_assert_str_eq(last, "2025-09-18");
}
END_TEST

/* Without a publication date, a date in the page's address ("/2023/12/",
 * "...-on-may-30-2024") reads the dates without a year, never the relative
 * ones; a file's name is no address. */
START_TEST(test_a_date_in_the_address_reads_dates_without_a_year)
{
	static const char page[] = "On December 8, IRCC invited 5,900 candidates with a minimum "
		"CRS score of 481.\n";
	static const char may[] = "IRCC invited 2,985 candidates on May 30 with a minimum CRS "
		"score of 676.\n";
	static const char today[] = "IRCC invited 2,985 candidates today with a minimum CRS "
		"score of 676.\n";
	struct parse_opts o = {0};
	struct strlist w = {0};
	char last[11];

	ck_assert_uint_eq(count_at(page, "https://news.example/2023/12/stem-draw/", NULL, &o, &w,
	                           last), 1);
	ck_assert_str_eq(last, "2023-12-08");
	ck_assert_uint_eq(w.n, 1);
	ck_assert_ptr_nonnull(strstr(w.v[0], "read by the date in its address, 2023-12-31"));
	strlist_release(&w);
	ck_assert_uint_eq(count_at(page, "https://news.example/news/2024/01/08/draw", NULL, &o, &w,
	                           last), 1);
	ck_assert_str_eq(last, "2023-12-08");	/* the latest December 8 by then */
	strlist_release(&w);
	ck_assert_uint_eq(count_at(may, "https://news.example/invited-2985-on-may-30-2024", NULL,
	                           &o, &w, last), 1);
	ck_assert_str_eq(last, "2024-05-30");
	ck_assert_uint_eq(count_at(may, "https://news.example/draw-30th-may-2024/", NULL, &o, &w,
	                           last), 1);
	ck_assert_uint_eq(count_at(may, "https://news.example/draws-may-2024", NULL, &o, &w,
	                           last), 1);
	ck_assert_uint_eq(count_at(today, "https://news.example/2024/05/30/draw", NULL, &o, &w,
	                           last), 0);
	ck_assert_uint_eq(count_at(may, "/tmp/2024/05/30/draw.txt", NULL, &o, &w, last), 0);
	ck_assert_uint_eq(count_at(may, "https://news.example/draw-may-30", NULL, &o, &w,
	                           last), 0);
	strlist_release(&w);
}
END_TEST

/* "Today's cut-off" on a page whose date is unknown is some day's, not
 * the open draw's: its value is not given to the draw dated before. */
START_TEST(test_a_relative_day_the_page_cannot_place_is_not_the_open_draw_s)
{
	struct parse_opts o = {0};
	struct strlist w = {0};
	struct draw_list l = {0};
	struct body b = {0};
	struct err e = {0};

	b.data = xstrdup("The previous draw, on October 2, 2019, invited 3,900 candidates.\n"
	                 "Today's cut-off score of 357 was the lowest this year.\n");
	b.len = strlen(b.data);
	b.url = xstrdup("page.txt");
	ck_assert_int_eq(parse_body(&b, "article", &o, &l, &w, &e), 0);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_str_eq(l.v[0].date, "2019-10-02");
	ck_assert_int_eq(l.v[0].invitations, 3900);
	ck_assert_int_eq(l.v[0].crs_cutoff, -1);
	draw_list_release(&l);
	body_release(&b);
	strlist_release(&w);
}
END_TEST

/* "Date and time of draw:" in a block of fields dates the block's
 * values, as "Date and time of round:" did; a total over "three rounds"
 * is no draw's count. */
START_TEST(test_a_field_block_dated_by_date_and_time_of_draw)
{
	struct parse_opts o = { .date = "2024-06-01" };
	struct strlist w = {0};
	char last[11];

	ck_assert_uint_eq(count_draws("Round details\n- Number of invitations issued: 1,234\n"
	                              "- Date and time of draw: May 29, 2024, at 14:00:00 UTC\n"
	                              "- CRS score of the lowest-ranked invited candidate: 543\n",
	                              &o, &w, last), 1);
	ck_assert_str_eq(last, "2024-05-29");
	ck_assert_uint_eq(count_draws("IRCC has issued a total of 9,876 invitations over three "
	                              "Express Entry rounds held this week.\n", &o, &w, last), 0);
	ck_assert_uint_eq(count_draws("IRCC sent 9,876 invitations in two separate rounds on May "
	                              "29.\n", &o, &w, last), 0);
}
END_TEST

/* "scores as low as 357" states the cut-off. */
START_TEST(test_scores_as_low_as_state_the_cut_off)
{
	struct parse_opts o = { .date = "2019-10-17" };
	struct strlist w = {0};
	struct draw_list l = {0};
	struct body b = {0};
	struct err e = {0};

	b.data = xstrdup("IRCC invited 640 trades workers with Comprehensive Ranking Scores as low "
	                 "as 358 in a draw held October 15.\n");
	b.len = strlen(b.data);
	b.url = xstrdup("page.txt");
	ck_assert_int_eq(parse_body(&b, "article", &o, &l, &w, &e), 0);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_str_eq(l.v[0].date, "2019-10-15");
	ck_assert_int_eq(l.v[0].invitations, 640);
	ck_assert_int_eq(l.v[0].crs_cutoff, 358);
	draw_list_release(&l);
	body_release(&b);
	strlist_release(&w);
}
END_TEST

START_TEST(test_a_draw_takes_its_own_sentence_s_date_not_the_page_s_first)
{
	/* The office reopening (July 8) and a profile's date (July 1) come
	 * before and after the round's own day. */
	EXPECT("sentence-date.txt", NULL, ",2025-07-07,healthcare,2800,472\n");
	EXPECT("sentence-date.html", NULL, ",2025-07-07,healthcare,2800,472\n");
}
END_TEST

START_TEST(test_the_headline_draw_is_found_beside_the_previous_one)
{
	/* The headline states the values and the first line after the
	 * page's own date line ("Published: ...", which is no draw's) dates
	 * them ("was held on Wednesday"); the previous round's values come
	 * next, and "this time" repeats the round's own. */
	EXPECT("headline-draw.txt", NULL,
	       ",2023-01-18,,5500,490\n"
	       ",2023-01-11,,5500,507\n");
	/* In HTML the <h1> states the values, the next line dates them. */
	EXPECT("headline-draw.html", NULL,
	       ",2023-01-18,,5500,490\n"
	       ",2023-01-11,,5500,507\n");
}
END_TEST

/* A sentence names another draw's day ("follows an all-program draw on
 * December 11", "higher than the preceding French draw on December 7");
 * the next opens on that draw ("That draw", "The previous draw") and
 * states its values: they are that day's, and the draw read before keeps
 * its own. */
START_TEST(test_values_of_the_other_draw_the_sentence_before_named)
{
	static const char want[] = ",2023-12-19,trades,1000,470\n"
	                           ",2023-12-11,,4100,515\n"
	                           ",2023-12-07,,1200,431\n";

	EXPECT_BOTH("other-draw-named", NULL, want);
}
END_TEST

/* "A day before, March 6, 2024, ...": the day written out beside "a day
 * before" places it; "were expected to have a CRS score of at least
 * 505" is what a past round asked, not a forecast. */
START_TEST(test_a_relative_day_written_out_beside_it_is_that_day)
{
	static const char want[] = ",2024-03-07,trades,800,420\n"
	                           ",2024-03-06,general,2900,505\n";

	EXPECT_BOTH("apposed-day", NULL, want);
}
END_TEST

/* Days in numbers ("27/06/2023", "2023/07/06", "27-06-2023", a
 * publication date "14/07/2023") are read where the numbers tell the day
 * from the month, or the page's other days do: on a page that writes
 * 14/07/2023 and 27-06-2023, "11/07/2023" and "05/07/2023" are in July. */
START_TEST(test_days_written_in_numbers)
{
	static const char want[] = ",2023-07-13,healthcare,1500,463\n"
	                           ",2023-07-11,general,800,505\n"
	                           ",2023-07-06,healthcare,1500,476\n"
	                           ",2023-07-05,stem,500,486\n"
	                           ",2023-06-27,general,4300,486\n";

	EXPECT_BOTH("numeric-dates", NULL, want);
}
END_TEST

/* Where the page's days in numbers do not tell the order (none does, or
 * "04/13/2023" and "13/04/2023" disagree), "06/07/2023", which could be
 * June or July, states nothing; "07/12/2023" on a page of July 14, 2023
 * is July 12, since December was still to come. */
START_TEST(test_days_in_numbers_where_the_page_does_not_tell)
{
	EXPECT("numeric-order-unknown.txt", NULL, ",2023-07-12,french,3800,375\n");
	EXPECT("numeric-order-unknown.html", NULL, ",2023-07-12,french,3800,375\n");
}
END_TEST

/* A header that says how its days are written ("Date (MM/DD/YYYY)")
 * tells "07/05/2023" from May 7. */
START_TEST(test_a_header_tells_the_order_of_days_in_numbers)
{
	static const char want[] = ",2023-07-11,general,800,505\n"
	                           ",2023-07-06,healthcare,1500,476\n"
	                           ",2023-07-05,stem,500,486\n";

	EXPECT("numeric-header.md", NULL, want);
	EXPECT("numeric-header.html", NULL, want);
}
END_TEST

/* "a 470 cut-off", "a 481-point cut-off": a score before the word is the
 * round's cut-off where the sentence invites; not in a forecast. */
START_TEST(test_a_score_before_the_word_cut_off)
{
	static const char want[] = ",2023-12-08,stem,5900,481\n"
	                           ",2023-12-07,french,1000,470\n";

	EXPECT_BOTH("score-before-cut-off", NULL, want);
}
END_TEST

/* A heading of its own that names a category ("Education — the first
 * round", "Provincial Nominee Program" over a block of fields) heads the
 * round below it, not the one above, which kept the next heading's
 * category. */
START_TEST(test_a_category_heading_heads_the_round_below)
{
	static const char want[] = ",2025-05-01,education,1000,479\n"
	                           ",2023-08-03,trades,1500,388\n"
	                           ",2025-05-12,pnp,511,706\n"
	                           ",2025-05-13,cec,500,547\n";

	EXPECT_BOTH("category-headings", NULL, want);
}
END_TEST

/* The same category heading twice ("Provincial Nominee Program" over two
 * blocks of fields) heads each block; under the first heading, a line of
 * the round's own category does not end it. */
START_TEST(test_a_category_heading_again_heads_the_next_round)
{
	static const char want[] = ",2025-04-14,pnp,825,764\n"
	                           ",2025-04-28,pnp,421,727\n"
	                           ",2025-05-13,cec,500,547\n";

	EXPECT_BOTH("same-category-headings", NULL, want);
}
END_TEST

/* Stat cards: a block that holds a label and its value and nothing else
 * ("<div class=stat><span>ITAs</span><b>2,000</b></div>") is one line,
 * "ITAs: 2,000", a field; a masthead's name and date so joined are the
 * page's date line.  (In text the cards are field lines already.) */
START_TEST(test_stat_cards_are_fields)
{
	EXPECT("stat-cards.html", NULL, ",2026-04-28,cec,2000,514\n"
	                                ",2026-04-29,french,4000,400\n");
}
END_TEST

/* A column headed "Draw" alone holds the round's category ("FST",
 * "All", "All programmes") or its number ("#60"). */
START_TEST(test_a_draw_column_is_the_category_or_the_number)
{
	static const char want[] = ",2017-05-26,fst,400,199\n"
	                           ",2017-05-26,pnp,143,775\n"
	                           ",2017-04-12,general,3923,423\n"
	                           ",2017-03-01,general,3884,434\n"
	                           "60,2017-04-19,,3665,415\n";

	EXPECT("draw-column.md", NULL, want);
	EXPECT("draw-column.html", NULL, want);
}
END_TEST

/* More count wording: "gave ITAs to 1,350 candidates", "4,000 CEC
 * invitations" (a category, or a name in capitals, between the count and
 * its noun), "was limited to 471 nominees". */
START_TEST(test_more_count_wording)
{
	static const char want[] = ",2025-01-08,cec,1350,542\n"
	                           ",2025-01-23,cec,4000,527\n"
	                           ",2025-01-07,pnp,471,793\n";

	EXPECT_BOTH("count-words", NULL, want);
}
END_TEST

/* "Five years ago today: 27,332 ... invitations" is no round of today;
 * "Yesterday IRCC invited 391 physicians" is one of yesterday. */
START_TEST(test_years_ago_today_is_not_today)
{
	EXPECT("years-ago-today.txt", NULL, ",2026-02-19,physicians,391,169\n");
	EXPECT("years-ago-today.html", NULL, ",2026-02-19,physicians,391,169\n");
}
END_TEST

/* Several rounds in one sentence named by their weekdays: "after 3,000
 * ... invitations on Wednesday (CRS 516) and 5,000 ... on Thursday (CRS
 * 391)", on a page of Saturday, August 8, 2026. */
START_TEST(test_several_rounds_by_their_weekdays)
{
	static const char want[] = ",2026-08-05,cec,3000,516\n"
	                           ",2026-08-06,french,5000,391\n"
	                           ",2026-08-07,transport,300,470\n";

	struct parse_opts o = {0};
	struct strlist w = {0};
	char last[11];

	EXPECT_BOTH("several-weekdays", NULL, want);
	/* "On Wednesday, January 7" is one day, not two. */
	ck_assert_uint_eq(count_draws("Published: January 23, 2026\n"
	                              "On Wednesday, January 7 and on Wednesday, January 21, IRCC "
	                              "sent 8,000 invitations with a cut-off of 511 and 6,000 "
	                              "invitations with a cut-off of 509, respectively.\n",
	                              &o, &w, last), 2);
	ck_assert_str_eq(last, "2026-01-21");
	strlist_release(&w);
}
END_TEST

/* "Manitoba's nominee program held a new draw of its own.  The details:"
 * opens a province's list: its fields are no round; the federal round
 * after the list is. */
START_TEST(test_a_list_a_province_opens_is_no_round)
{
	EXPECT("province-list.txt", NULL, ",2025-03-06,french,4500,410\n");
	EXPECT("province-list.html", NULL, ",2025-03-06,french,4500,410\n");
}
END_TEST

/* "June 24, 2021: 6,000 at 357", "on February 10, 2021 (654 at 720)": in
 * a sentence that dates a round and names no value in words, a count and
 * a score paired by "at" are its invitations and cut-off; "about 1,200
 * profiles sat at 451 or above" is the pool, no round. */
START_TEST(test_a_count_and_a_score_paired_by_at)
{
	static const char want[] = ",2021-06-24,,6000,357\n"
	                           ",2021-07-22,,4500,357\n"
	                           ",2021-02-10,pnp,654,720\n";

	EXPECT_BOTH("paired-values", NULL, want);
}
END_TEST

/* A forum thread dated by its first post (March 4): "today" in a post of
 * March 6 is March 6, and the thread's rounds count up to its last post. */
START_TEST(test_a_post_dates_what_follows_it)
{
	EXPECT("forum-posts.txt", NULL, ",2025-03-06,french,4500,410\n");
	EXPECT("forum-posts.html", NULL, ",2025-03-06,french,4500,410\n");
}
END_TEST

/* A live blog: a day and time alone ("Thu 28 May 2026, 15:42 ET") dates
 * the entry below it, even on a page dated three days before. */
START_TEST(test_a_live_blog_s_entries_are_dated_by_their_stamps)
{
	static const char want[] = ",2026-05-28,french,4500,409\n"
	                           ",2026-05-27,cec,3000,518\n";

	EXPECT_BOTH("live-blog", NULL, want);
}
END_TEST

/* "Trending" and "most read" blocks are page furniture: their headlines
 * ("Friday's healthcare round: 4,000 ITAs") are other pages' rounds. */
START_TEST(test_trending_blocks_are_furniture)
{
	EXPECT("trending-widget.html", NULL, ",2026-02-19,physicians,391,169\n");
}
END_TEST

/* "health-care and social services workers" is the healthcare category,
 * over a headline that names physicians too. */
START_TEST(test_health_care_with_a_hyphen)
{
	EXPECT("health-care.txt", NULL, ",2026-06-25,healthcare,4000,475\n");
	EXPECT("health-care.html", NULL, ",2026-06-25,healthcare,4000,475\n");
}
END_TEST

/* A question heads its answer: "Q. How many CEC rounds were there in
 * October 2024?" names the category of every round its answer states,
 * and "Q. Was there a trades round?" is not the round above's (nor does
 * it fail when that round has no category). */
START_TEST(test_a_question_heads_its_answer)
{
	static const char want[] = ",2024-10-09,cec,500,539\n"
	                           ",2024-10-22,cec,400,539\n"
	                           ",2024-10-10,,1000,444\n"
	                           ",2024-10-23,trades,1800,433\n";

	EXPECT_BOTH("faq-questions", NULL, want);
}
END_TEST

/* Two Markdown tables parted by a blank line only, with their columns in
 * other orders: the second's header row and "|---|" open a table of its
 * own, and 423 is no count.  (In HTML each <table> is its own.) */
START_TEST(test_a_second_markdown_table_has_its_own_header)
{
	EXPECT("two-tables.md", NULL, ",2017-05-26,,400,199\n"
	                              ",2017-04-12,,3923,423\n");
}
END_TEST

/* Dashes, arrows and bullets are letters of no script: a page of rows
 * "July 22 – Healthcare – 4,000 – 475" under "Rounds of 2025" is read,
 * not taken for one in a language eedraws does not read. */
START_TEST(test_dashes_and_bullets_are_no_foreign_letters)
{
	EXPECT_BOTH("dash-rows", NULL, ",2025-07-22,healthcare,4000,475\n"
	                               ",2025-07-21,pnp,202,788\n"
	                               ",2025-07-08,cec,3000,518\n"
	                               ",2025-07-07,pnp,356,750\n"
	                               ",2025-06-26,cec,3000,521\n"
	                               ",2025-06-23,pnp,503,742\n");
}
END_TEST

/* A row's cells parted by middle dots or bullets, as by dashes or bars:
 * "Dec 16, 2025 · CEC · 5,000 · 515". */
START_TEST(test_dots_and_bullets_part_a_row_s_cells)
{
	EXPECT_BOTH("dot-rows", NULL, ",2025-12-16,cec,5000,515\n"
	                              ",2025-12-15,pnp,399,731\n"
	                              ",2025-12-11,healthcare,1000,476\n"
	                              ",2025-12-10,cec,6000,520\n");
}
END_TEST

/* A year in two digits after an apostrophe, "Nov 28 '25", "Dec 8 ’25",
 * is this century's, in prose and in a row. */
START_TEST(test_a_year_in_two_digits_after_an_apostrophe)
{
	EXPECT_BOTH("short-year", NULL, ",2025-11-28,french,6000,408\n"
	                                ",2025-12-08,,1123,729\n"
	                                ",2025-11-26,cec,1000,531\n"
	                                ",2025-11-25,pnp,777,699\n");
}
END_TEST

/* "Jan 10 (2,750; 446)": a bracket opens a row's values; the digit
 * before a thousands comma is the count's, never the end of a type. */
START_TEST(test_a_row_s_values_in_brackets)
{
	EXPECT_BOTH("paren-rows", NULL, ",2018-01-10,,2750,446\n"
	                                ",2018-01-24,,2750,444\n"
	                                ",2018-02-07,,3000,442\n"
	                                ",2018-02-21,,3000,442\n"
	                                ",2018-03-14,,3000,456\n");
}
END_TEST

/* A heading that is a province's name ("Saskatchewan (SINP)",
 * "Manitoba") opens the province's section: its sentences and rows are
 * the province's draws, to the next heading ("Federal rounds,
 * continued"). */
START_TEST(test_a_province_s_heading_opens_its_section)
{
	EXPECT_BOTH("province-sections", NULL, ",2025-05-13,cec,500,547\n"
	                                       ",2025-05-12,pnp,511,706\n");
}
END_TEST

/* After a province's draw ("Alberta's AAIP sent 1,410 invitations"),
 * the next sentences that name neither Express Entry nor IRCC go on with
 * the province ("A second round on February 22 invited 1,201"), to the
 * next heading. */
START_TEST(test_a_province_s_draw_goes_on_until_ircc_is_named)
{
	EXPECT_BOTH("province-goes-on", NULL, ",2024-02-16,agriculture,150,437\n");
}
END_TEST

/* "Manitoba's Skilled Worker Overseas stream", "British Columbia's
 * Express Entry BC Skills stream": a province's own stream, though it
 * names Express Entry; its draws are no rounds. */
START_TEST(test_a_province_s_named_stream_is_its_own)
{
	EXPECT_BOTH("province-possessive", NULL, ",2025-01-23,cec,4000,527\n");
}
END_TEST

/* A day without a year is in the year that puts it nearest the day its
 * paragraph dated last, within half a year ("January 31, 2015 ... on
 * February 27" is 2015's; "December 16, 2024 ... on January 8" is
 * 2025's), not the latest before the page's date. */
START_TEST(test_a_day_without_a_year_is_near_its_paragraph_s_last_day)
{
	EXPECT_BOTH("year-nearby", NULL, ",2015-01-31,,779,886\n"
	                                 ",2015-02-27,,1187,735\n"
	                                 ",2024-12-16,,1085,727\n"
	                                 ",2025-01-08,cec,1350,542\n");
}
END_TEST

/* "For comparison, two weeks earlier the all-program cut-off was 486"
 * speaks of another draw, undated: its value is nobody's; "By
 * comparison, the round of May 24, 2023 invited 4,800" dates its own. */
START_TEST(test_for_comparison_turns_to_another_draw)
{
	EXPECT_BOTH("for-comparison", NULL, ",2023-06-28,healthcare,500,476\n"
	                                    ",2023-05-24,,4800,488\n");
}
END_TEST

/* "Four days earlier, on Monday": a day counted from another round,
 * which the weekday alone, counted from the page's date, would misplace
 * (a week late); the sentence dates nothing, and its values go nowhere. */
START_TEST(test_days_earlier_than_a_round_date_nothing)
{
	EXPECT_BOTH("days-earlier", NULL, ",2024-09-13,french,1000,446\n");
}
END_TEST

/* What a scam message or a fake notice claims is no round: "claims IRCC
 * ran a bonus round ... with 15,000 invitations". */
START_TEST(test_what_a_scam_claims_is_no_round)
{
	EXPECT_BOTH("hearsay", NULL, ",2025-09-03,cec,1000,534\n");
}
END_TEST

/* "my CRS is 538", "our score is 541": a candidate's own score, and
 * what follows it in the sentence, is not the round's. */
START_TEST(test_a_candidate_s_own_score_is_not_the_cut_off)
{
	EXPECT_BOTH("own-score", NULL, ",2024-02-13,general,1490,535\n");
}
END_TEST

/* A forecast ("Forecast for the next round, around August 4: 2,500
 * invitations at a cut-off of 512") is no round, as what is expected. */
START_TEST(test_a_forecast_is_no_round)
{
	EXPECT_BOTH("forecast", NULL, ",2026-07-21,cec,2000,516\n");
}
END_TEST

/* "Next round expected January 10, 2018" dates no round, nor the values
 * under it. */
START_TEST(test_a_round_expected_on_a_day_is_no_round)
{
	EXPECT("top-date-not.txt", NULL, "");
}
END_TEST

/* A row may open on the day's weekday: "Mon Nov 10   PNP   714   738",
 * "Tuesday Nov 25 ...". */
START_TEST(test_a_row_s_day_after_its_weekday)
{
	EXPECT_BOTH("weekday-rows", NULL, ",2025-11-10,pnp,714,738\n"
	                                  ",2025-11-12,cec,1000,533\n"
	                                  ",2025-11-14,healthcare,3500,462\n"
	                                  ",2025-11-25,pnp,777,699\n");
}
END_TEST

/* An HTML <pre> block keeps its lines: each is a row of its own, as in
 * a text page, not one paragraph of them all. */
START_TEST(test_a_pre_block_s_lines_are_read_as_text)
{
	EXPECT("pre-rows.html", NULL, ",2025-12-15,pnp,399,731\n"
	                              ",2025-12-16,cec,5000,515\n"
	                              ",2025-12-17,french,6000,399\n");
}
END_TEST

/* In a line that also gives the tie-break, the day before the
 * tie-break's words is the round's: "Round 81: January 10, 2018 - 2,750
 * invitations (CRS 446) - tie-break on November 18, 2017 ..."; a
 * profile's day is none. */
START_TEST(test_a_round_s_day_before_its_tie_break)
{
	EXPECT_BOTH("tiebreak-lines", NULL, ",2018-01-10,,2750,446\n"
	                                    ",2018-01-24,,2750,444\n");
}
END_TEST

/* A data export's lines, cells parted by semicolons and no space
 * ("2016-05-06;799;534;no program specified"), are a table; a line of
 * clauses parted by "; " is not. */
START_TEST(test_a_semicolon_export_is_a_table)
{
	EXPECT("semicolon-export.txt", NULL, ",2016-05-06,general,799,534\n"
	                                     ",2016-05-18,general,763,484\n"
	                                     ",2016-06-01,general,762,483\n");
}
END_TEST

/* A forum post's "north_bound88  Posted Dec 29, 2023": a handle (with an
 * underscore or a digit) before "Posted" opens a date line too. */
START_TEST(test_a_handle_then_posted_dates_the_page)
{
	EXPECT_BOTH("posted-handle", NULL, ",2023-06-28,healthcare,500,476\n"
	                                   ",2023-07-05,stem,500,486\n"
	                                   ",2023-08-03,trades,1500,388\n");
}
END_TEST

/* More forms of a page's date line: the author after the day ("Dec 28,
 * 2017 by Noor Haddad", "March 1, 2024 - Dana Okafor"), an author's role
 * after a comma in a segment ("| Written by Omar Haddad, Partner"), more segments after it ("| by Sam Whitford | 5
 * min", "/ Posted in Express Entry"), "Written" before it, and words of
 * any case before a bar ("Week in review | Friday, July 24, 2026"). */
START_TEST(test_more_forms_of_a_date_line)
{
	EXPECT_BOTH("dateline-by", NULL, ",2017-12-20,,2750,446\n");
	EXPECT_BOTH("dateline-segments", NULL, ",2022-11-23,,4750,491\n");
	EXPECT_BOTH("dateline-slash", NULL, ",2023-12-06,,4750,561\n");
	EXPECT_BOTH("dateline-written", NULL, ",2021-06-24,,6000,357\n");
	EXPECT_BOTH("dateline-phrase", NULL, ",2026-07-21,,2000,516\n");
	EXPECT_BOTH("dateline-dash", NULL, ",2024-02-29,french,2500,336\n");
	EXPECT_BOTH("dateline-role", NULL, ",2023-07-12,french,3800,375\n");
}
END_TEST

/* "516 points, 2,750 invitations, August 31": a score before "points"
 * is the cut-off beside the draw's count, as before "CRS"; not what a
 * nomination gives ("get 600 points"). */
START_TEST(test_a_score_before_points_beside_the_count)
{
	EXPECT_BOTH("points-first", NULL, ",2022-08-31,,2750,516\n"
	                                  ",2022-09-14,,3250,510\n");
}
END_TEST

/* A table aligned with spaces, in text or an HTML <pre>: its header line
 * sets the columns; a row with as many runs of words is split on them,
 * one whose last cell overflows its column ("July 18, 2024 French", one
 * space between) word by word under the header. */
START_TEST(test_a_table_aligned_with_spaces)
{
	EXPECT_BOTH("aligned-table", NULL, ",2024-06-19,pnp,1499,663\n"
	                                   ",2024-07-02,pnp,920,739\n"
	                                   ",2024-07-04,trades,1800,436\n"
	                                   ",2024-07-05,healthcare,3750,445\n"
	                                   ",2024-07-08,french,3200,420\n"
	                                   ",2024-07-16,pnp,1391,670\n"
	                                   ",2024-07-17,cec,6300,515\n"
	                                   ",2024-07-18,french,1800,400\n");
}
END_TEST

/* A table row whose draw is a province's ("BC PNP Skills Immigration:
 * Tech", "OINP Employer Job Offer") is not Express Entry's. */
START_TEST(test_a_provinces_row_in_a_table)
{
	const char *want = ",2024-07-02,pnp,920,739\n"
	                   ",2024-07-04,trades,1800,436\n"
	                   ",2024-07-17,cec,6300,515\n";

	EXPECT("province-rows.md", NULL, want);
	EXPECT("province-rows.html", NULL, want);
}
END_TEST

/* "+/- ITAs" and "Change in CRS" columns hold differences, not a draw's
 * values. */
START_TEST(test_change_columns_in_a_table)
{
	const char *want = ",2019-01-09,,3900,449\n"
	                   ",2019-01-23,,3900,443\n"
	                   ",2019-01-30,,3350,438\n"
	                   ",2019-02-20,,3350,457\n"
	                   ",2019-03-06,,3350,454\n";

	EXPECT("change-columns.md", NULL, want);
	EXPECT("change-columns.html", NULL, want);
}
END_TEST

/* A page with no date of its own whose table has a cell a line: the
 * row's day alone on its line after the score ("753", "266", "April
 * 14, 2021") is a cell, not the page's date line, which would end the
 * table at that day. */
START_TEST(test_a_cell_is_no_date_line)
{
	EXPECT_BOTH("cells-undated", NULL, ",2021-04-14,pnp,266,753\n"
	                                   ",2021-04-16,cec,6000,417\n"
	                                   ",2021-04-28,pnp,381,717\n"
	                                   ",2021-04-29,cec,6000,400\n");
}
END_TEST

/* "CRS 730 - 22 June 2026": a dash after the score, then the round's
 * day, is no range ("CRS 480 - 490" still is one). */
START_TEST(test_a_score_a_dash_then_the_day)
{
	EXPECT_BOTH("score-dash-day", NULL, ",2026-06-22,pnp,955,730\n"
	                                    ",2026-06-23,cec,4000,516\n"
	                                    ",2026-06-24,physicians,271,223\n"
	                                    ",2026-06-25,healthcare,4000,475\n");
}
END_TEST

/* What the invited held ("a job offer or provincial nomination") does
 * not make the sentence's count a province's nominations. */
START_TEST(test_a_nomination_held_is_no_provinces_count)
{
	EXPECT_BOTH("held-nomination", NULL, ",2015-01-31,,779,886\n");
}
END_TEST

/* Row lines whose cells are parted by double colons ("13 Feb :: all
 * programs :: 1,490 :: 535"). */
START_TEST(test_rows_parted_by_double_colons)
{
	EXPECT_BOTH("colon-rows", NULL, ",2024-02-13,general,1490,535\n"
	                                ",2024-02-14,healthcare,3500,422\n"
	                                ",2024-02-16,agriculture,150,437\n"
	                                ",2024-02-28,general,1470,534\n");
}
END_TEST

/* "CRS down to 380" in a headline, with no verb, is the cut-off it moved
 * to, as "falls to 486" is. */
START_TEST(test_a_cut_off_down_to)
{
	EXPECT_BOTH("headline-down", NULL, ",2021-05-31,cec,5956,380\n");
}
END_TEST

/* A draw stated twice in a page, by a sentence and a row or by a table
 * repeated, is one record. */
START_TEST(test_a_draw_stated_twice_is_one_record)
{
	const char *want = ",2024-02-01,french,7000,365\n"
	                   ",2024-02-14,,3500,422\n"
	                   ",2024-02-16,,150,437\n";

	EXPECT("stated-twice.md", NULL, want);
	EXPECT("stated-twice.html", NULL, want);
}
END_TEST

/* Rows with no header above them but a legend below ("#|date|
 * invitations|cut-off|type"): the legend heads them, and its "#"
 * numbers the rows, not IRCC's rounds. */
START_TEST(test_a_legend_under_the_rows)
{
	EXPECT_BOTH("legend-rows", NULL, ",2024-04-10,general,1280,549\n"
	                                 ",2024-04-11,stem,4500,491\n"
	                                 ",2024-04-23,general,2095,529\n"
	                                 ",2024-04-24,french,1400,410\n");
}
END_TEST

/* "CRS of the lowest-ranked candidate: 422", "score" left out. */
START_TEST(test_crs_of_the_lowest_ranked_candidate)
{
	EXPECT_BOTH("crs-of-lowest", NULL, ",2024-02-14,healthcare,3500,422\n");
}
END_TEST

/* "with a lowest-ranked score of 505", as "a minimum score of". */
START_TEST(test_a_lowest_ranked_score)
{
	EXPECT_BOTH("lowest-ranked-score", NULL, ",2023-07-11,general,800,505\n");
}
END_TEST

/* "July 17, 2024 — 6,300 invited — CRS 515": a count and "invited"
 * after a dash, as after a comma or a colon. */
START_TEST(test_a_count_invited_after_a_dash)
{
	EXPECT_BOTH("dash-invited", NULL, ",2024-07-17,cec,6300,515\n"
	                                  ",2024-08-14,cec,3200,509\n"
	                                  ",2024-08-27,cec,3300,507\n");
}
END_TEST

/* "Aug 4: PNP 512 (760)": a row line's second value in brackets. */
START_TEST(test_a_row_lines_cut_off_in_brackets)
{
	EXPECT_BOTH("bracket-score", NULL, ",2021-08-04,pnp,512,760\n"
	                                   ",2021-08-05,cec,3000,404\n"
	                                   ",2021-08-18,pnp,463,751\n"
	                                   ",2021-08-19,cec,3000,403\n");
}
END_TEST

/* Rows run together on one line, parted by a dash or a semicolon before
 * each day ("16 Mar PNP 362/742 - 17 Mar CEC 4,000/507 - ..."). */
START_TEST(test_rows_run_together_on_one_line)
{
	EXPECT_BOTH("run-rows", NULL, ",2026-03-16,pnp,362,742\n"
	                              ",2026-03-17,cec,4000,507\n"
	                              ",2026-03-18,french,4000,393\n"
	                              ",2026-03-30,pnp,356,802\n"
	                              ",2026-03-31,cec,2250,509\n");
}
END_TEST

/* A table whose header names no date ("Round | Invited | Minimum
 * score") but whose first row has a full date in a column that holds no
 * value: that column is the date's, in cells a line or in HTML; words
 * beside the day ("(trades only)") give the category. */
START_TEST(test_a_column_of_dates_under_another_name)
{
	EXPECT_BOTH("round-dates", NULL, ",2019-05-01,,3350,450\n"
	                                 ",2019-05-15,trades,500,332\n"
	                                 ",2019-05-29,,3350,470\n"
	                                 ",2019-06-12,,3350,465\n");
}
END_TEST

/* After a rank among draws ("397, the lowest ever for a CEC round apart
 * from February's huge draw of 27,332 invitations") the values are
 * another draw's; a rank among the invited ("4,147 candidates, the
 * lowest with 401 points") is the draw's own. */
START_TEST(test_values_after_a_rank_among_draws)
{
	EXPECT_BOTH("rank-aside", NULL, ",2021-05-20,cec,1842,397\n"
	                                ",2021-05-13,,4147,401\n");
}
END_TEST

/* "In total, 380 candidates were invited" is one draw's count where the
 * sentence gives one cut-off; without one it may total several draws
 * ("In total, 10,400 candidates have been invited since April"), and
 * states nothing. */
START_TEST(test_in_total_with_one_cut_off_is_one_draw_s_count)
{
	EXPECT_BOTH("in-total", NULL, ",2026-05-11,pnp,380,798\n"
	                              ",2026-04-27,,473,795\n");
}
END_TEST

/* "1,468 invited at 457", "2,850 ITAs @ 525": a score right after the
 * invitations is the round's cut-off; "went out at 10:30 a.m." is no
 * score. */
START_TEST(test_invited_at_a_score)
{
	static const char want[] = ",2016-01-27,,1468,457\n"
	                           ",2024-03-12,,2850,525\n";

	EXPECT_BOTH("invited-at", NULL, want);
}
END_TEST

/* "CRS cut-off: 529"; "the cut-off score dropped to 491", "fell by 12
 * points to 465": where the score moved to is the round's own; "fell from
 * 480 to 470" names the other round's first, and states neither. */
START_TEST(test_a_cut_off_label_and_where_a_score_moved_to)
{
	static const char want[] = ",2024-04-30,,2100,529\n"
	                           ",2024-04-23,,1400,491\n"
	                           ",2024-04-11,,4500,465\n"
	                           ",2024-04-10,,1200,\n";

	EXPECT_BOTH("moved-score", NULL, want);
}
END_TEST

/* "with scores of 534 or above", "a score of 446 and above", "who scored
 * 728 or more", "needed 533 points", "The cut-off: 527 points" state a
 * cut-off, the thresholds where the sentence invites, not where it
 * counts the pool or says who may be invited; "sending invitations to
 * 2,800 candidates" a count; a dash after a year ("September 29, 2025 –
 * 2,500 ITAs") is no range's, one between two scores ("480 - 490") still
 * is. */
START_TEST(test_thresholds_and_counts_in_other_words)
{
	static const char want[] = ",2025-09-30,,1000,534\n"
	                           ",2025-09-29,,2500,512\n"
	                           ",2025-09-18,,1250,446\n"
	                           ",2025-09-17,,2800,507\n"
	                           ",2025-09-03,,500,728\n"
	                           ",2025-08-20,,1500,533\n"
	                           ",2025-08-06,,1000,527\n";

	EXPECT_BOTH("score-thresholds", NULL, want);
}
END_TEST

/* A headline's values, dated by the body after the page's own date
 * line: "Published: June 28, 2023" dates the page, not a draw, and does
 * not end the headline's draw. */
START_TEST(test_the_page_s_date_line_is_no_draw_s)
{
	struct parse_opts o = {0};
	struct strlist w = {0};
	char last[11];

	ck_assert_uint_eq(count_draws("Canada invites 4,300 candidates with CRS 486\n\n"
	                              "Published: June 28, 2023\n\n"
	                              "IRCC held an all-program draw on June 27, 2023.\n",
	                              &o, &w, last), 1);
	ck_assert_str_eq(last, "2023-06-27");
	strlist_release(&w);
	ck_assert_uint_eq(count_draws("Canada invites 4,300 candidates with CRS 486\n\n"
	                              "Last updated on June 29, 2023\n\n"
	                              "IRCC held an all-program draw on June 27, 2023.\n",
	                              &o, &w, last), 1);
	ck_assert_str_eq(last, "2023-06-27");
	strlist_release(&w);
}
END_TEST

/* Blocks of fields, one a line ("Date: March 17, 2025", "Invitations:
 * 7,500", "CRS: 460", or the day alone on the first line; in HTML also a
 * <dl> of terms and descriptions): the block's date holds through it;
 * "Invitations:" and "ITAs:" label a count; a year after the day ("March
 * 13, 2025 Invitations: 1,200") is no count. */
START_TEST(test_blocks_of_fields_one_a_line)
{
	static const char want[] = ",2025-03-17,,7500,460\n"
	                           ",2025-03-03,,536,736\n"
	                           ",2025-03-06,french,4500,410\n"
	                           ",2025-03-13,,1200,450\n"
	                           ",2025-02-19,,6500,521\n";

	EXPECT_BOTH("field-lines", NULL, want);
}
END_TEST

/* A header word counts where a word of the header begins with it: "CRS
 * Score of lowest-ranked candidate" is the cut-off's column, though
 * "candidate" holds "date". */
START_TEST(test_a_header_word_inside_another_word_names_no_column)
{
	static const char want[] = ",2023-07-07,french,2300,439\n"
	                           ",2023-07-06,healthcare,1500,463\n";

	EXPECT("table-headers.html", NULL, want);
	EXPECT("table-headers.md", NULL, want);
}
END_TEST

/* A table of rounds without a header ("October 26, 2023 | Healthcare
 * occupations (Version 1) | 3,600 | 431"), in Markdown or HTML: its rows
 * are read as rows a line are, the numbers telling the count. */
START_TEST(test_a_table_without_a_header_row)
{
	static const char want[] = ",2023-10-26,healthcare,3600,431\n"
	                           ",2023-10-25,french,300,486\n"
	                           ",2023-10-24,pnp,1548,776\n";

	EXPECT("row-bars.md", NULL, want);
	EXPECT("row-bars.html", NULL, want);
}
END_TEST

/* Tables whose markup was lost a row a line, cells parted by dashes or
 * spaces: the header line says which number is the count; else a row
 * whose numbers fit one order only (6,000 and 408) says it for its run;
 * a year-less day takes the year of the line above ("2025 in October").
 * A run whose numbers fit either order (302 and 761) is not read. */
START_TEST(test_rows_a_line_without_markup)
{
	static const char want[] = "386,2025-12-15,pnp,399,731\n"
	                           "385,2025-12-11,healthcare,1000,476\n"
	                           ",2025-11-28,french,6000,408\n"
	                           ",2025-11-26,cec,1000,531\n"
	                           ",2025-10-29,french,6000,416\n"
	                           ",2025-10-28,cec,1000,533\n";

	EXPECT_BOTH("row-lines", NULL, want);
}
END_TEST

/* "Between Tuesday, July 2 and Monday, July 8, IRCC held four rounds:"
 * then lines that open on a weekday ("- Thursday: Trades, 1,800
 * invitations, CRS 436"): each is its own day's, which the page does not
 * give, so none takes July 2 from the line before; nothing is read. */
START_TEST(test_a_line_opening_on_a_weekday_keeps_no_earlier_date)
{
	EXPECT("weekday-lines.txt", NULL, "");
	EXPECT("weekday-lines.html", NULL, "");
}
END_TEST

/* A table with a "Province" column lists the provinces' own draws, even
 * one of a province's "Express Entry" stream: none is read; the table of
 * IRCC's rounds beside it is. */
START_TEST(test_a_table_of_provinces_draws_is_not_read)
{
	static const char want[] = ",2025-06-12,cec,3000,529\n"
	                           ",2025-06-10,pnp,125,784\n";

	EXPECT("province-table.md", NULL, want);
	EXPECT("province-table.html", NULL, want);
}
END_TEST

/* "we predicted 500 invitations and a cut-off of 545" for a round, and
 * "I expect the next round around May 27, with maybe 1,500 invitations":
 * what someone predicted is no value of a round. */
START_TEST(test_a_prediction_is_no_value)
{
	EXPECT("predicted.txt", NULL, ",2025-05-13,cec,500,547\n");
	EXPECT("predicted.html", NULL, ",2025-05-13,cec,500,547\n");
}
END_TEST

/* A province's invitations scored by "EOI", and IRCC's own invitations
 * in International Experience Canada's Working Holiday pool, are no
 * round of Express Entry's, even beside the words Express Entry or
 * IRCC. */
START_TEST(test_eoi_scores_and_working_holiday_invitations_are_no_round)
{
	EXPECT("other-pools.txt", NULL, ",2025-06-26,cec,3000,521\n");
	EXPECT("other-pools.html", NULL, ",2025-06-26,cec,3000,521\n");
}
END_TEST

/* "The following day, it invited ..." and, in the next paragraph, "A
 * day later, ...": a day counted from the round just read, when the
 * sentence opens on it; "The day after the holidays" dates nothing. */
START_TEST(test_the_following_day_counts_from_the_round_just_read)
{
	static const char want[] = ",2025-12-15,pnp,399,731\n"
	                           ",2025-12-16,cec,5000,515\n"
	                           ",2025-12-17,french,6000,399\n";

	EXPECT_BOTH("day-later", NULL, want);
}
END_TEST

/* "518, down slightly from the previous round", "750, up one point
 * from the previous PNP round": the comparison names another round,
 * but the value before it is this one's cut-off. */
START_TEST(test_a_small_change_from_the_previous_round)
{
	static const char want[] = ",2025-07-08,cec,3000,518\n"
	                           ",2025-07-07,pnp,356,750\n";

	EXPECT_BOTH("slight-change", NULL, want);
}
END_TEST

/* "Workers who hold work permits ... 3,000 candidates were invited": a
 * permit named beside the round's count takes nothing from it; "issued
 * 5,000 work permits to foreign nationals" is no count of a round. */
START_TEST(test_permits_are_not_counted_but_do_not_hide_a_count)
{
	EXPECT("permit-holders.txt", NULL, ",2025-07-08,cec,3000,518\n");
	EXPECT("permit-holders.html", NULL, ",2025-07-08,cec,3000,518\n");
}
END_TEST

/* More words for a table's columns: "Held on" and "When" are the date,
 * "Invites" and "How many" the count, "No." the round's number. */
START_TEST(test_more_words_for_table_columns)
{
	static const char want[] = "347,2025-05-13,cec,500,547\n"
	                           "346,2025-05-12,pnp,511,706\n"
	                           ",2025-05-02,,500,510\n"
	                           ",2025-05-01,,1000,479\n";

	EXPECT("table-words.md", NULL, want);
	EXPECT("table-words.html", NULL, want);
}
END_TEST

/* "a PNP round on October 27, 2025 (302 invitations, CRS cut-off 761),
 * a CEC round on October 28 (...) and ...": several rounds in one
 * sentence, each clause one round's day, count and cut-off, read clause
 * by clause, whether the values follow their day or come before it; a
 * sentence whose clauses do not each hold a whole round states none
 * ("761 on October 27, 533 on October 28 ..., with invitations of 302,
 * 1,000 and 6,000"). */
START_TEST(test_several_rounds_in_one_sentence)
{
	static const char want[] = ",2025-10-27,pnp,302,761\n"
	                           ",2025-10-28,cec,1000,533\n"
	                           ",2025-10-29,french,6000,416\n"
	                           ",2025-11-10,pnp,714,738\n"
	                           ",2025-11-12,cec,1000,533\n";

	EXPECT_BOTH("several-in-a-sentence", NULL, want);
}
END_TEST

/* A page whose headline names a province's program and that never
 * names Express Entry, IRCC or a federal round lists the province's
 * draws: its table states no round, and a warning says why. */
START_TEST(test_a_province_s_page_states_no_round)
{
	static const char *const names[] = { "provincial-page.md", "provincial-page.html" };
	size_t i;

	for (i = 0; i < 2; i++) {
		struct strlist warn = { 0 };
		char *got = extract(names[i], NULL, &warn);

		ck_assert_str_eq(got, "");
		ck_assert_msg(warn.n == 1 && strstr(warn.v[0], "a province's draws"),
		              "%s: warning %s", names[i], warn.n ? warn.v[0] : "(none)");
		free(got);
		strlist_release(&warn);
	}
}
END_TEST

/* An e-mail newsletter laid out in a table, headings and paragraphs in
 * its cells: the table is the page's layout, and its text is read as
 * prose, not as rows of a table of rounds. */
START_TEST(test_a_layout_table_is_read_as_text)
{
	EXPECT("layout-table.html", NULL, ",2025-11-12,cec,1000,533\n"
	                                  ",2025-11-10,pnp,714,738\n");
}
END_TEST

/* The page's date line may come below a masthead, a menu, the headline
 * and the author, as long as no paragraph of the body has begun; it may
 * name the place or the site ("Lahore | ", "Dhaka, ", "The Weekly
 * Lantern: "), say what the date is
 * ("Compiled", "Data as of"), write the day as "13th of June" or in
 * numbers, and be followed by a time (", 3:15 PM").  A line that names a
 * round ("Express Entry draw, June 12, 2025") is no date line: it dates
 * the round below it. */
START_TEST(test_date_lines_below_a_masthead)
{
	static const char *const lines[] = {
		"Friday June 13 2025", "Lahore | June 13, 2025, 3:15 PM",
		"Compiled 13th of June 2025", "Dhaka, 13 June 2025, 18:20",
		"Data as of 13 June 2025", "13/06/2025",
		"The Weekly Lantern: Friday, June 13, 2025",
	};
	static const char body[] = "On Thursday, IRCC invited 3,000 Canadian Experience Class "
	                           "candidates with a minimum CRS score of 529.\n";
	struct parse_opts o = {0};
	struct strlist w = {0};
	char page[1024], last[11];
	size_t i;

	for (i = 0; i < sizeof(lines) / sizeof(lines[0]); i++) {
		snprintf(page, sizeof(page), "The Weekly Lantern\nHome  World  Migration\n"
		         "Canada invites 3,000 in new round\nBy A. Writer\n%s\n%s", lines[i], body);
		ck_assert_msg(count_draws(page, &o, &w, last) == 1, "%s", lines[i]);
		ck_assert_str_eq(last, "2025-06-12");
	}
	/* The body has begun: a date below it is not the page's. */
	snprintf(page, sizeof(page), "Canada invites 3,000 in new round\n%s%s\n%s",
	         "The department has held another round of invitations this week, its "
	         "second this month, and the numbers are below for readers who follow "
	         "every round closely, week after week.\n", "13/06/2025", body);
	ck_assert_uint_eq(count_draws(page, &o, &w, last), 0);
	ck_assert_uint_eq(count_draws("Canada invites 3,000 in new round\n"
	                              "Express Entry draw, June 12, 2025\n"
	                              "IRCC invited 3,000 Canadian Experience Class candidates "
	                              "with a minimum CRS score of 529.\n", &o, &w, last), 1);
	ck_assert_str_eq(last, "2025-06-12");
	/* "Date: ..." at the top is a round's field, not the page's date. */
	ck_assert_uint_eq(count_draws("Round results\nDate: June 12, 2025\n"
	                              "Invitations: 3,000\nCRS: 529\n", &o, &w, last), 1);
	ck_assert_str_eq(last, "2025-06-12");
	strlist_release(&w);
}
END_TEST

/* In text, one line with bars in it and no row beside it is a line, not
 * a table: "Lahore | June 13, 2025 | 3:15 PM" is the page's date line,
 * "CEC round | June 12, 2025 | 3,000 ITAs | CRS 529" a line of prose. */
START_TEST(test_a_lone_line_with_bars_is_no_table)
{
	struct parse_opts o = {0};
	struct strlist w = {0};
	char last[11];

	ck_assert_uint_eq(count_draws("Canada invites 3,000 in new round\n"
	                              "Lahore | June 13, 2025 | 3:15 PM\n"
	                              "On Thursday, IRCC invited 3,000 Canadian Experience Class "
	                              "candidates with a minimum CRS score of 529.\n",
	                              &o, &w, last), 1);
	ck_assert_str_eq(last, "2025-06-12");
	ck_assert_uint_eq(count_draws("Express Entry this week\n"
	                              "CEC round | June 12, 2025 | 3,000 ITAs | CRS 529\n\n"
	                              "More next week.\n", &o, &w, last), 1);
	ck_assert_str_eq(last, "2025-06-12");
	strlist_release(&w);
}
END_TEST

/* A semicolon inside parentheses ends no sentence: "on April 13, 2026
 * (324 invitations; minimum score 786) and ... on April 14, 2026 (2,000
 * invitations; minimum score 515)" is one sentence of two rounds, and
 * 786 is not the second round's. */
START_TEST(test_a_semicolon_in_parentheses_ends_no_sentence)
{
	static const char want[] = ",2026-04-13,pnp,324,786\n"
	                           ",2026-04-14,cec,2000,515\n";

	EXPECT_BOTH("parenthesis-semicolon", NULL, want);
}
END_TEST

/* A wire story's opening names its city in capitals: "French round,
 * March 4, 2026: ..." or "Senior managers, March 5, 2026: ..." is no
 * dateline, and its day is the round's. */
START_TEST(test_a_titled_line_is_no_wire_dateline)
{
	static const char want[] = ",2026-03-04,french,5500,397\n"
	                           ",2026-03-05,senior-managers,250,429\n";

	EXPECT_BOTH("titled-lines", NULL, want);
}
END_TEST

/* "Asha Rao Updated: ..." names an author in capitals; "The department
 * updated its guidance on March 21, 2025." is a sentence, not the page's
 * date line, and gives no year to "March 20". */
START_TEST(test_a_sentence_that_updates_is_no_date_line)
{
	struct parse_opts o = {0};
	struct strlist w = {0};
	char last[11];

	ck_assert_uint_eq(count_draws("Guidance changes\n"
	                              "The department updated its guidance on March 21, 2025.\n"
	                              "On March 20, IRCC invited 1,500 candidates with a minimum "
	                              "CRS score of 480.\n", &o, &w, last), 0);
	ck_assert_uint_eq(w.n, 1);
	ck_assert_ptr_nonnull(strstr(w.v[0], "no publication date"));
	strlist_release(&w);
	ck_assert_uint_eq(count_draws("Guidance changes\n"
	                              "Asha Rao Updated: March 21, 2025\n"
	                              "On March 20, IRCC invited 1,500 candidates with a minimum "
	                              "CRS score of 480.\n", &o, &w, last), 1);
	ck_assert_str_eq(last, "2025-03-20");
	strlist_release(&w);
}
END_TEST

/* "candidates from the Canadian Experience Class on Thursday": "from"
 * names the pool the round drew on, and Thursday is the round's day;
 * only "from the previous draw on ..." names another round's. */
START_TEST(test_candidates_from_a_class_on_a_day)
{
	EXPECT("from-the-class.txt", NULL, ",2025-08-07,cec,1000,534\n");
	EXPECT("from-the-class.html", NULL, ",2025-08-07,cec,1000,534\n");
}
END_TEST

/* "Thursday, August 7, 2025": a date line may open on its weekday. */
START_TEST(test_a_date_line_may_open_on_its_weekday)
{
	EXPECT("weekday-dateline.txt", NULL, "358,2025-08-06,pnp,225,739\n");
	EXPECT("weekday-dateline.html", NULL, "358,2025-08-06,pnp,225,739\n");
}
END_TEST

/* "Thursday's trades round" on a page of Friday, September 19, 2025 is
 * the round of the 18th; "Monday's pool update" is no round. */
START_TEST(test_a_weekdays_round)
{
	EXPECT("weekday-round.txt", NULL, ",2025-09-18,trades,1250,505\n");
	EXPECT("weekday-round.html", NULL, ",2025-09-18,trades,1250,505\n");
}
END_TEST

/* Counts written short or plainly: "1.5K ITAs", "4.5K invitations",
 * "invited only 4 candidates", "271 doctors were invited", and invitations
 * to "candidates with a provincial nomination"; "12.4K views" and the
 * province's "1,300 provincial nominations" are no count of a round. */
START_TEST(test_counts_written_short)
{
	static const char want[] = ",2023-08-03,trades,1500,388\n"
	                           ",2025-09-04,french,4500,446\n"
	                           ",2025-08-06,,225,739\n"
	                           ",2026-07-23,military,4,368\n"
	                           ",2026-06-24,physicians,271,223\n";

	EXPECT_BOTH("count-shorthand", NULL, want);
}
END_TEST

/* "November 15, 2025 | 4 min read · Diaspora": a date line may end on
 * the page's section; it dates the page, so "November 14" has a year. */
START_TEST(test_a_date_line_may_name_its_section)
{
	EXPECT("section-dateline.txt", NULL, ",2025-11-14,healthcare,3500,462\n");
	EXPECT("section-dateline.html", NULL, ",2025-11-14,healthcare,3500,462\n");
}
END_TEST

/* Ways to state a cut-off: "scores of at least 354" in an inviting
 * sentence, "You needed 491 to make the cut", "The lowest-ranked had 522
 * points", "It took 533 points to get an invitation", "The score of the
 * last person invited was 462", 'the last candidate invited had a
 * Comprehensive Ranking System ("CRS") score of 223'.  The pool's
 * "scores of at least 500" is none. */
START_TEST(test_more_ways_to_state_a_cut_off)
{
	static const char want[] = ",2023-09-28,agriculture,600,354\n"
	                           ",2024-04-11,stem,4500,491\n"
	                           ",2024-05-31,cec,3000,522\n"
	                           ",2025-11-12,cec,1000,533\n"
	                           ",2025-11-14,healthcare,3500,462\n"
	                           ",2026-06-24,physicians,271,223\n";

	EXPECT_BOTH("cutoff-ways", NULL, want);
}
END_TEST

/* A province that invites "Express Entry candidates" through its own
 * stream (or "its Express Entry and Tech Talent sub-categories"), or
 * another country's round, is no round of IRCC's; the federal one beside
 * them is. */
START_TEST(test_a_provinces_own_stream_and_another_country_are_no_round)
{
	EXPECT("provincial-streams.txt", NULL, ",2025-06-12,cec,3000,529\n");
	EXPECT("provincial-streams.html", NULL, ",2025-06-12,cec,3000,529\n");
}
END_TEST

/* "Last edited March 7, 2025" and an author's name before "Updated: Mar
 * 7, 2025, 09:10 IST" are the day the page was updated, which reads
 * "March 6" as the page has no publication date. */
START_TEST(test_an_update_line_after_an_author_or_edited)
{
	EXPECT("updated-line.txt", NULL, ",2025-03-06,french,4500,410\n");
	EXPECT("updated-line.html", NULL, ",2025-03-06,french,4500,410\n");
}
END_TEST

/* "OTTAWA, June 28, 2023 (Wire) — ... a draw on June 27": a wire
 * story's dateline is the day the page was filed, so "June 27" has a
 * year, and it dates no round itself. */
START_TEST(test_a_wire_dateline_is_the_pages_day)
{
	EXPECT("wire-dateline.txt", NULL, ",2023-06-27,general,4300,486\n");
	EXPECT("wire-dateline.html", NULL, ",2023-06-27,general,4300,486\n");
}
END_TEST

/* "held on 13-May-2025" and "On 16.02.2026": a day, a month's name and
 * a year joined by dashes, and a day written with dots, date their
 * rounds; "1.2.2026" as a version and "12-May" alone do not. */
START_TEST(test_dashed_and_dotted_days)
{
	static const char want[] = ",2025-05-13,cec,500,547\n"
	                           ",2026-02-16,pnp,279,789\n";

	EXPECT_BOTH("date-forms", NULL, want);
}
END_TEST

/* "Express Entry draw on March 3, 2025" as a heading, the values in the
 * paragraphs under it (one after a question heading): that draw's, as
 * after "The draw took place on ...".  A line of a block of fields is no
 * heading. */
START_TEST(test_a_heading_dates_the_paragraphs_under_it)
{
	static const char want[] = ",2025-03-03,pnp,725,667\n"
	                           ",2025-02-19,french,6500,428\n";

	EXPECT_BOTH("heading-dates", NULL, want);
}
END_TEST

/* "Canada invited 1,000 ... this week.  The draw, held Wednesday, had a
 * CRS cut-off of 463": a sentence that opens on "The draw" speaks of the
 * one just read and dates it; "the lowest-ranked candidate had a score
 * of 433" states a cut-off. */
START_TEST(test_the_draw_is_the_one_just_read)
{
	static const char want[] = ",2024-11-13,healthcare,1000,463\n"
	                           ",2024-11-12,trades,400,433\n";

	EXPECT_BOTH("the-draw", NULL, want);
}
END_TEST

/* "Sept. 27", "Oct. 10", "No. 266", "approx. 3,700": a full stop after an
 * abbreviation ends no sentence, so the day stays with its values (and
 * an approximate count is still none).  "A French-language round
 * followed on Sept. 28, 2023.  It invited 500 ...": the sentence that
 * dates the values names their category too. */
START_TEST(test_abbreviations_end_no_sentence)
{
	static const char want[] = "266,2023-09-27,,500,472\n"
	                           ",2023-10-10,,,500\n"
	                           ",2023-09-28,french,500,379\n";

	EXPECT_BOTH("abbreviations", NULL, want);
}
END_TEST

/* Counts in other words: "a draw of 500 candidates", "the round was for
 * 2,500 candidates", "the draw size was 500", "500 people got
 * invitations", "picked 421 candidates", "825 ITAs were given"; and a
 * cut-off: "candidates scoring at least 764" (but not "scored at least 67
 * points on the selection grid", which is no round's). */
START_TEST(test_a_round_s_size_in_other_words)
{
	static const char want[] = ",2025-05-13,,500,510\n"
	                           ",2025-05-12,,2500,752\n"
	                           ",2025-05-02,,500,479\n"
	                           ",2025-05-01,,500,410\n"
	                           ",2025-04-28,,421,727\n"
	                           ",2025-04-14,,825,764\n";

	EXPECT_BOTH("draw-size", NULL, want);
}
END_TEST

/* "inviting 150 with a minimum CRS score of 437": invited and a number
 * alone is the count; "3,500 candidates in healthcare and social services
 * occupations were invited"; a total across rounds still is none. */
START_TEST(test_a_bare_count_after_invited)
{
	static const char want[] = ",2024-02-16,agriculture,150,437\n"
	                           ",2024-02-14,healthcare,3500,422\n";

	EXPECT_BOTH("bare-count", NULL, want);
}
END_TEST

/* A dash between a field's name and its value, as a colon:
 * "Invitations – 4,300", "Minimum CRS score – 486 points", "a CRS
 * cut-off - 488"; the block keeps the date of its first line. */
START_TEST(test_a_dash_between_a_field_and_its_value)
{
	static const char want[] = ",2023-06-27,,4300,486\n"
	                           ",2023-06-08,,4800,488\n";

	EXPECT_BOTH("dash-fields", NULL, want);
}
END_TEST

/* A score before its unit, "523 CRS (800 ITAs)", "500 CRS points, 1,500
 * invitations", is the cut-off where the same line counts the draw's
 * invitations; not "an additional 600 CRS points", nor "500 CRS or more". */
START_TEST(test_a_score_before_its_unit_beside_the_count)
{
	static const char want[] = ",2023-07-11,,800,523\n"
	                           ",2023-07-06,,1500,500\n"
	                           ",2023-07-05,,1200,\n";

	EXPECT_BOTH("score-unit", NULL, want);
}
END_TEST

/* "candidates from the pool on July 4" is the draw's day, not another
 * draw's; a comparison with the previous round after a draw's values
 * ("511, up from 505 in the previous round", "200 more than in the last
 * trades round") keeps them and the paragraph's date; "The previous
 * all-program round invited 4,000" is that round's, whose day is unknown. */
START_TEST(test_the_previous_round_named_beside_a_draw)
{
	static const char want[] = ",2023-07-04,,3800,511\n"
	                           ",2023-06-28,trades,500,388\n"
	                           ",2023-06-27,general,4300,\n";

	EXPECT_BOTH("previous-round", NULL, want);
}
END_TEST

/* The people a count names: "500 tradespeople", "1,500 Express Entry
 * hopefuls got an invitation", "1,800 French speakers". */
START_TEST(test_a_count_of_the_people_a_category_invites)
{
	static const char want[] = ",2023-07-05,trades,500,436\n"
	                           ",2023-07-06,french,1500,469\n"
	                           ",2023-07-07,french,1800,420\n";

	EXPECT_BOTH("people-counts", NULL, want);
}
END_TEST

/* More names for a cut-off: "qualifying score", "score requirement",
 * "CRS score cutoff for this draw: 493", "came in at 500", "the score of
 * the lowest-ranked candidate was 375"; a score then "and 1,500
 * candidates were invited" is no range, "between 480 and 490" is. */
START_TEST(test_more_names_for_a_cut_off)
{
	static const char want[] = ",2023-07-31,,2100,481\n"
	                           ",2023-07-26,,1000,505\n"
	                           ",2023-07-19,,800,493\n"
	                           ",2023-07-12,,1500,500\n"
	                           ",2023-07-06,,3600,375\n";

	EXPECT_BOTH("cutoff-words", NULL, want);
}
END_TEST

/* A threshold is a cut-off in a sentence that goes on with the dated
 * draw being read ("Candidates needed 481 CRS points."), as in one that
 * invites; in more words ("495 points or more", "all with at least 529
 * points", "had to score 502", "a score of at least 491"); never where
 * the sentence counts the pool. */
START_TEST(test_a_threshold_goes_on_with_the_draw_being_read)
{
	static const char want[] = ",2024-05-02,,2100,481\n"
	                           ",2024-04-25,,1400,495\n"
	                           ",2024-04-23,,2095,529\n"
	                           ",2024-04-18,,1200,502\n"
	                           ",2024-04-11,,4500,491\n"
	                           ",2024-04-10,,1250,\n";

	EXPECT_BOTH("thresholds", NULL, want);
}
END_TEST

/* A province's own draw ("Ontario's OINP issued 1,200 invitations",
 * "Quebec's Arrima system sent 1,000", "Alberta issued 260 notifications
 * of interest to ... its Alberta Express Entry Stream") is no round of
 * Express Entry's, nor are the values after it; a province named beside
 * IRCC's round is no such draw. */
START_TEST(test_a_province_s_own_draw_is_none)
{
	static const char want[] = ",2023-06-27,pnp,500,726\n";

	EXPECT_BOTH("provincial", NULL, want);
}
END_TEST

/* A block of fields names its round's category in a line of its own
 * ("Program: Canadian Experience Class", before or after the values);
 * the next block, another day's, does not inherit it.  A round "open to
 * all programs" or "regardless of program" is a general one. */
START_TEST(test_a_category_from_a_field_or_all_programs)
{
	static const char want[] = ",2023-07-04,cec,3800,511\n"
	                           ",2023-07-05,stem,500,486\n"
	                           ",2023-06-27,general,4300,486\n"
	                           ",2023-06-08,general,4800,488\n";

	EXPECT_BOTH("category-fields", NULL, want);
}
END_TEST

/* Counts and cut-offs in more constructions: "saw 2,095 candidates
 * receive invitations", "candidates with CRS scores of 491 and above
 * were invited", "a round of invitations with 1,500 ... candidates",
 * "The number of invitations issued in the ... round was 3,200",
 * "Invitations were issued to 900 candidates", "1,200 received
 * invitations", "down 12 points from the previous round"; "scores as
 * low as 475 received invitations" is a cut-off, not a count. */
START_TEST(test_counts_and_cut_offs_in_more_constructions)
{
	static const char want[] = ",2024-05-08,,2095,529\n"
	                           ",2024-05-06,,1400,491\n"
	                           ",2024-05-02,healthcare,1500,463\n"
	                           ",2024-04-30,,3200,470\n"
	                           ",2024-04-25,,900,540\n"
	                           ",2024-04-23,,1200,410\n"
	                           ",2024-04-19,,,475\n"
	                           ",2024-04-17,,1000,480\n";

	EXPECT_BOTH("count-constructions", NULL, want);
}
END_TEST

/* A headline's values ("3,800 CEC candidates invited with CRS 511") are
 * the round the body's first dated sentence about a round tells of,
 * whatever its words ("held another round on July 4"); a byline "By
 * Dana Roy | July 6, 2023" is the page's date, not that round's.  Not a
 * round to come: "is aiming to resume all-program draws on July 6". */
START_TEST(test_a_headline_s_values_and_the_body_s_first_date)
{
	EXPECT("headline-values.txt", NULL, ",2023-07-04,cec,3800,511\n");
	EXPECT("headline-values.html", NULL, ",2023-07-04,cec,3800,511\n");
	EXPECT("headline-aim.txt", NULL, "");
	EXPECT("headline-aim.html", NULL, "");
}
END_TEST

/* A block of fields without a date of its own takes the date of the
 * line just before it when that line dates a round and states no value
 * ("Express Entry round results for April 30, 2024", "On April 23, IRCC
 * held a round ..."), not a date of anything else ("Our office hours
 * change on May 1").  "Candidates invited: 2,095" is a count; IRCC's
 * "lowest-ranked candidate invited: 486" stays a score. */
START_TEST(test_a_block_of_fields_dated_by_the_line_before)
{
	static const char want[] = ",2024-04-30,cec,2095,529\n"
	                           ",2024-04-23,french,1400,410\n";

	EXPECT_BOTH("block-heading", NULL, want);
	EXPECT("ircc-fields.txt", NULL, ",2023-06-27,general,4300,486\n");
}
END_TEST

/* "on the 27th of June" is a day; "on the 28th" alone, no month, is
 * not one this extractor can place. */
START_TEST(test_an_ordinal_day_of_a_month)
{
	EXPECT("ordinal-day.txt", NULL, ",2023-06-27,,4300,486\n");
	EXPECT("ordinal-day.html", NULL, ",2023-06-27,,4300,486\n");
}
END_TEST

/* A table pasted as text, its cells parted by tabs, is a table: rounds
 * one a row (the number first), or one round's fields down the first
 * column; the same as the HTML table. */
START_TEST(test_a_table_with_tabs_between_its_cells)
{
	static const char want[] = "255,2023-07-04,cec,3800,511\n"
	                           "254,2023-06-27,general,4300,486\n"
	                           ",2023-06-08,general,4800,488\n";

	EXPECT_BOTH("tab-table", NULL, want);
}
END_TEST

/* A column named as IRCC names it, "CRS score of lowest-ranked candidate
 * invited", holds scores, not counts, though it says "invited". */
START_TEST(test_ircc_s_column_names)
{
	EXPECT("ircc-columns.txt", NULL, "254,2023-06-27,general,4300,486\n");
	EXPECT("ircc-columns.html", NULL, "254,2023-06-27,general,4300,486\n");
}
END_TEST

/* A table whose markup was lost one cell a line ("Date", "Program",
 * "ITAs", "CRS", then the rows' cells in that order) is read as the
 * table; a line that ends a sentence is no header cell. */
START_TEST(test_a_table_stacked_one_cell_a_line)
{
	static const char want[] = ",2024-04-30,cec,2095,529\n"
	                           ",2024-04-23,french,1400,410\n";

	EXPECT_BOTH("stacked-table", NULL, want);
}
END_TEST

/* A headline's present tense: "cut-off falls to 486", "as IRCC invites
 * 4,300" at its end; "rose to 476 from 470 in the previous round": the
 * number after "from" is the other round's. */
START_TEST(test_a_cut_off_that_falls_to_and_rose_from)
{
	static const char want[] = ",2023-06-27,general,4300,486\n"
	                           ",2023-06-28,trades,500,476\n";

	EXPECT_BOTH("headline-moves", NULL, want);
}
END_TEST

/* A list of one round's facts, one a line ("July 4, 2023", "Canadian
 * Experience Class", "3,800 invitations", "CRS 511"), holds its date
 * and category as a block of fields does; the next list is its own. */
START_TEST(test_a_list_of_a_round_s_facts_one_a_line)
{
	static const char want[] = ",2023-07-04,cec,3800,511\n"
	                           ",2023-07-05,stem,500,486\n";

	EXPECT_BOTH("list-lines", NULL, want);
}
END_TEST

/* A round's fields stacked as pairs of lines, a name then its value
 * ("Date", "June 27, 2023", "Type", "All programs", ...), as a table of
 * two columns whose markup was lost. */
START_TEST(test_a_round_s_fields_as_pairs_of_lines)
{
	EXPECT("stacked-pairs.txt", NULL, ",2023-06-27,general,4300,486\n");
	EXPECT("stacked-pairs.html", NULL, ",2023-06-27,general,4300,486\n");
}
END_TEST

/* The page's date from a line near its top that holds only that
 * ("March 20, 2024 | 4 min read"), which dates no round itself (a
 * headline's values under "January 10, 2021" are not that day's); or,
 * without one, the day the page says it was updated reads the dates
 * without a year. */
START_TEST(test_a_page_s_date_line_and_its_update)
{
	static const char want[] = ",2024-03-18,general,2500,524\n";

	EXPECT_BOTH("dateline-read", NULL, want);
	EXPECT_BOTH("dateline-updated", NULL, want);
	EXPECT("dateline-above.txt", NULL, ",2021-01-07,cec,4750,461\n");
	EXPECT("dateline-above.html", NULL, ",2021-01-07,cec,4750,461\n");
}
END_TEST

/* More ways to name the round being read: "ran a new Express Entry
 * round on February 24" opens it for the next paragraph's values; "The
 * Provincial Nominee Program draw was conducted on February 22" dates
 * the count before it; "A Comprehensive Ranking System score of at
 * least 533", "A score of 442 was enough"; "all-programs". */
START_TEST(test_more_ways_to_name_the_round_being_read)
{
	static const char want[] = ",2023-02-24,,3065,533\n"
	                           ",2023-02-22,pnp,1400,759\n"
	                           ",2023-02-20,general,1500,442\n";

	EXPECT_BOTH("round-named", NULL, want);
}
END_TEST

/* "Nurses hoping to move to Canada ... as Canada held another Express
 * Entry draw on June 23rd": people's hopes are no round to come (IRCC
 * "is aiming to" one is); "5,000 invited" after a colon is a count. */
START_TEST(test_hopes_are_no_round_to_come)
{
	EXPECT("hoping.txt", NULL, ",2025-06-23,general,5000,477\n");
	EXPECT("hoping.html", NULL, ",2025-06-23,general,5000,477\n");
}
END_TEST

/* A list of rounds a line, its cells parted by bars and naming no
 * columns ("3rd September: 400 ITAs | trade occupations | cut-off 364"),
 * each row read as prose, a cell a sentence; a category said in a
 * sentence or cell of its own ("The round was open to candidates in the
 * Provincial Nominee Program.") is the round's being read. */
START_TEST(test_rows_of_rounds_parted_by_bars)
{
	static const char want[] = ",2024-09-19,pnp,519,748\n"
	                           ",2024-09-03,agriculture,400,364\n"
	                           ",2024-09-05,general,6750,483\n"
	                           ",2024-09-10,trades,1750,434\n";

	EXPECT_BOTH("roundup-bars", NULL, want);
}
END_TEST

/* Cut-offs in the words of a sentence that goes on with the round: "It
 * took a score of 529", "Their scores started at 410", "491 was the
 * lowest score invited", "The required score was 549". */
START_TEST(test_cut_offs_in_the_words_of_the_next_sentence)
{
	static const char want[] = ",2024-04-30,,2095,529\n"
	                           ",2024-04-25,,1400,410\n"
	                           ",2024-04-11,,4500,491\n"
	                           ",2024-04-10,,1280,549\n";

	EXPECT_BOTH("cutoff-phrases", NULL, want);
}
END_TEST

/* The body's name for a round over its headline's ("invites trades
 * candidates", then "the Federal Skilled Trades Class"); "extra points
 * in this draw" for French results names no French round. */
START_TEST(test_the_body_names_the_category_not_an_aside)
{
	static const char want[] = ",2019-10-16,fst,500,357\n"
	                           ",2019-10-02,,3900,464\n";

	EXPECT_BOTH("headline-category", NULL, want);
}
END_TEST

/* A headline that states no values but names a category ("... round
 * targets STEM occupations") names the body's first round's, when the
 * body names none; not the rounds after it. */
START_TEST(test_a_headline_names_the_first_round_s_category)
{
	static const char want[] = ",2023-03-24,stem,833,487\n"
	                           ",2023-03-23,,7000,484\n";

	EXPECT_BOTH("headline-names-category", NULL, want);
}
END_TEST

/* ", and on November 4 IRCC invited 2,000 ..." opens a clause of
 * another day: two rounds in one sentence, each with its values. */
START_TEST(test_and_on_another_day_is_another_round)
{
	static const char want[] = ",2024-11-14,french,2354,375\n"
	                           ",2024-11-12,,2250,476\n"
	                           ",2024-11-04,,2000,509\n";

	EXPECT_BOTH("and-on-day", NULL, want);
}
END_TEST

/* Tables that name their fields down the first column: a round's details
 * ("Date | April 11, 2024", "Invitations issued | 4,500", a number
 * written "#290"), or rounds side by side, one a column. */
START_TEST(test_a_table_with_its_fields_down_the_first_column)
{
	static const char want[] = "290,2024-04-11,stem,4500,491\n"
	                           ",2024-04-10,,1280,549\n"
	                           ",2024-03-26,,1500,388\n";

	EXPECT("details-table.html", NULL, want);
	EXPECT("details-table.md", NULL, want);
}
END_TEST

START_TEST(test_tie_break_and_profile_dates_are_no_draws)
{
	EXPECT("tiebreak-dates.txt", NULL, ",2025-03-02,trades,1150,433\n");
	EXPECT("tiebreak-dates.html", NULL, ",2025-03-02,trades,1150,433\n");
}
END_TEST

START_TEST(test_a_table_flattened_into_one_line_of_a_paragraph)
{
	/* Caption, header and rows run together in one paragraph: the
	 * caption's year dates the rows; each row starts at a day after
	 * the previous row's last number. */
	static const char rows[] =
		",2024-10-10,cec,1400,539\n"
		",2024-10-07,pnp,1613,743\n"
		",2024-09-24,french,1000,446\n"
		",2024-09-23,pnp,1000,721\n";

	EXPECT_BOTH("inline-table", NULL, rows);
}
END_TEST

/* IRCC's rounds for the tests below: two on a December 8, one of them
 * twice (two years, the same values). */
static void
add_round(struct draw_list *l, const char *date, long itas, long crs)
{
	struct draw *d = draw_list_add(l);

	memcpy(d->date, date, 11);
	d->invitations = itas;
	d->crs_cutoff = crs;
}

/* On a page with no date at all, a day without a year is IRCC's round of
 * that day when exactly one has the values it states, count and
 * cut-off; else it states nothing, and a warning counts it. */
START_TEST(test_a_day_without_a_year_is_the_one_ircc_round_with_its_values)
{
	struct draw_list known = {0};
	struct parse_opts o = {0};
	struct strlist w = {0};
	char last[11];

	add_round(&known, "2023-12-08", 5900, 481);
	add_round(&known, "2022-12-08", 1200, 440);
	add_round(&known, "2021-12-08", 1200, 440);
	o.known = &known;
	ck_assert_uint_eq(count_draws("On December 8, IRCC invited 5,900 STEM workers with a "
	                              "minimum CRS score of 481.\n", &o, &w, last), 1);
	ck_assert_str_eq(last, "2023-12-08");
	/* Two rounds fit: which is unknown. */
	ck_assert_uint_eq(count_draws("On December 8, IRCC invited 1,200 candidates with a "
	                              "minimum CRS score of 440.\n", &o, &w, last), 0);
	/* No round of that day has these values. */
	ck_assert_uint_eq(count_draws("On December 8, IRCC invited 5,901 candidates with a "
	                              "minimum CRS score of 481.\n", &o, &w, last), 0);
	/* One value is not enough to tell. */
	ck_assert_uint_eq(count_draws("On December 8, IRCC invited 5,900 candidates.\n",
	                              &o, &w, last), 0);
	ck_assert_ptr_nonnull(strstr(w.v[w.n - 1], "1 draws dated without a year or by their "
	                             "number alone match no single round"));
	strlist_release(&w);
	/* Without IRCC's record, nothing, as before. */
	o.known = NULL;
	ck_assert_uint_eq(count_draws("On December 8, IRCC invited 5,900 STEM workers with a "
	                              "minimum CRS score of 481.\n", &o, &w, last), 0);
	/* A page with a date reads its days by that date, not by IRCC's. */
	o.known = &known;
	o.date = "2024-12-20";
	ck_assert_uint_eq(count_draws("On December 8, IRCC invited 5,900 STEM workers with a "
	                              "minimum CRS score of 481.\n", &o, &w, last), 1);
	ck_assert_str_eq(last, "2024-12-08");
	strlist_release(&w);
	draw_list_release(&known);
}
END_TEST

/* A draw whose day the page cannot place ("today" on a page without a
 * date, no day at all) but which states its number and both values is
 * IRCC's round of that number when that round has those values; else it
 * states nothing, and the warning counts it. */
START_TEST(test_a_numbered_draw_without_a_day_is_ircc_s_round_of_that_number)
{
	static const char page[] = "Express Entry draw #254 goes to STEM workers\n\n"
	                           "Today IRCC held draw #254, inviting 500 STEM workers "
	                           "with a minimum CRS score of 486.\n";
	struct draw_list known = {0};
	struct parse_opts o = {0};
	struct strlist w = {0};
	char last[11];

	add_round(&known, "2023-07-05", 500, 486);
	known.v[0].number = xstrdup("254");
	add_round(&known, "2023-07-06", 500, 486);
	known.v[1].number = xstrdup("255");
	o.known = &known;
	ck_assert_uint_eq(count_draws(page, &o, &w, last), 1);
	ck_assert_str_eq(last, "2023-07-05");
	strlist_release(&w);
	/* Round 254 had other values: the page speaks of another draw. */
	known.v[0].crs_cutoff = 487;
	ck_assert_uint_eq(count_draws(page, &o, &w, last), 0);
	ck_assert_ptr_nonnull(strstr(w.v[w.n - 1], "by their number alone"));
	strlist_release(&w);
	/* One value is not enough; nor is the number without IRCC's record. */
	known.v[0].crs_cutoff = 486;
	ck_assert_uint_eq(count_draws("Today IRCC held draw #254, inviting 500 STEM workers.\n",
	                              &o, &w, last), 0);
	strlist_release(&w);
	o.known = NULL;
	ck_assert_uint_eq(count_draws(page, &o, &w, last), 0);
	strlist_release(&w);
	/* A dated page whose day is before the round's does not take it. */
	o.known = &known;
	o.date = "2023-07-01";
	ck_assert_uint_eq(count_draws("Draw #254 invited 500 STEM workers with a minimum CRS "
	                              "score of 486.\n", &o, &w, last), 0);
	strlist_release(&w);
	draw_list_release(&known);
}
END_TEST

/* A draw stated with both values but no day the page can place ("This
 * week's draw" on a page with no date, or no day at all) is IRCC's round
 * with exactly that count and cut-off, when exactly one round has them
 * and it is not after the page's date; else it states nothing, and no
 * warning counts it (it never claimed a day). */
START_TEST(test_a_draw_without_a_day_is_the_one_ircc_round_with_its_values)
{
	static const char page[] = "This week's draw invited 1,750 candidates. The lowest "
	                           "score among them was 542.\n";
	struct draw_list known = {0};
	struct parse_opts o = {0};
	struct strlist w = {0};
	char last[11];

	add_round(&known, "2022-07-06", 1500, 557);
	add_round(&known, "2022-07-20", 1750, 542);
	add_round(&known, "2019-04-03", 3350, 451);
	add_round(&known, "2019-04-17", 3350, 451);
	o.known = &known;
	ck_assert_uint_eq(count_draws(page, &o, &w, last), 1);
	ck_assert_str_eq(last, "2022-07-20");
	strlist_release(&w);
	/* Two rounds have these values: which is unknown. */
	ck_assert_uint_eq(count_draws("The round invited 3,350 candidates with a minimum CRS "
	                              "score of 451.\n", &o, &w, last), 0);
	/* One value, or values no round has, say nothing. */
	ck_assert_uint_eq(count_draws("This week's draw invited 1,750 candidates.\n",
	                              &o, &w, last), 0);
	ck_assert_uint_eq(count_draws("This week's draw invited 1,751 candidates. The lowest "
	                              "score among them was 542.\n", &o, &w, last), 0);
	ck_assert_uint_eq(w.n, 3);	/* "no publication date", each time */
	strlist_release(&w);
	/* On a dated page, the round must not be after the page's date. */
	o.date = "2022-07-22";
	ck_assert_uint_eq(count_draws(page, &o, &w, last), 1);
	ck_assert_str_eq(last, "2022-07-20");
	o.date = "2022-07-10";
	ck_assert_uint_eq(count_draws(page, &o, &w, last), 0);
	ck_assert_uint_eq(w.n, 0);
	/* Without IRCC's record, nothing, and no warning but the page's. */
	o.date = NULL;
	o.known = NULL;
	ck_assert_uint_eq(count_draws(page, &o, &w, last), 0);
	ck_assert_uint_eq(w.n, 1);
	ck_assert_ptr_nonnull(strstr(w.v[0], "no publication date"));
	strlist_release(&w);
	draw_list_release(&known);
}
END_TEST

/* "granting 600 invitations", "targeted 5,900 candidates", "5,900
 * individuals were invited", "the CRS score of the lowest-ranked
 * candidate invited in this round was 481". */
START_TEST(test_more_ways_of_stating_a_round_s_values)
{
	struct parse_opts o = { .date = "2023-12-20" };
	struct strlist w = {0};
	struct draw_list l = {0};
	struct body b = {0};
	struct err e = {0};

	b.data = xstrdup("On December 4, 2023, IRCC held a round granting 610 invitations to "
	                 "apply, with a minimum CRS score of 360.\n\n"
	                 "On December 5, a French-language round targeted 1,050 candidates with "
	                 "a minimum CRS score of 470.\n\n"
	                 "IRCC held a STEM round on December 6, 2023. In this round, 5,950 "
	                 "individuals were invited to apply. The CRS score of the lowest-ranked "
	                 "candidate invited in this round was 482.\n");
	b.len = strlen(b.data);
	b.url = xstrdup("page.txt");
	ck_assert_int_eq(parse_body(&b, "article", &o, &l, &w, &e), 0);
	ck_assert_uint_eq(l.n, 3);
	ck_assert_str_eq(l.v[0].date, "2023-12-04");
	ck_assert_int_eq(l.v[0].invitations, 610);
	ck_assert_str_eq(l.v[1].date, "2023-12-05");
	ck_assert_int_eq(l.v[1].invitations, 1050);
	ck_assert_str_eq(l.v[2].date, "2023-12-06");
	ck_assert_int_eq(l.v[2].invitations, 5950);
	ck_assert_int_eq(l.v[2].crs_cutoff, 482);
	ck_assert_uint_eq(w.n, 0);
	draw_list_release(&l);
	body_release(&b);
}
END_TEST

Suite *
article_suite(void)
{
	Suite *s = suite_create("article");
	TCase *tc = tcase_create("extract");

	tcase_add_test(tc, test_single_draw_announcement_in_text);
	tcase_add_test(tc, test_single_draw_announcement_in_html);
	tcase_add_test(tc, test_official_ircc_wording);
	tcase_add_test(tc, test_roundup_of_several_draws);
	tcase_add_test(tc, test_summary_table_in_html_any_column_order);
	tcase_add_test(tc, test_summary_table_in_markdown);
	tcase_add_test(tc, test_flattened_table_rows_where_the_split_is_unambiguous);
	tcase_add_test(tc, test_flattened_runs_split_only_where_the_table_groups_thousands);
	tcase_add_test(tc, test_a_list_of_draws_in_clauses);
	tcase_add_test(tc, test_ways_of_stating_the_cut_off);
	tcase_add_test(tc, test_ways_of_stating_the_count);
	tcase_add_test(tc, test_a_round_dated_apart_from_its_numbers);
	tcase_add_test(tc, test_today_yesterday_and_weekdays_from_the_publication_date);
	tcase_add_test(tc, test_relative_dates_without_a_publication_date_yield_nothing);
	tcase_add_test(tc, test_an_undated_page_states_no_date_without_a_year);
	tcase_add_test(tc, test_a_page_without_a_draw_yields_nothing);
	tcase_add_test(tc, test_a_page_in_another_language_yields_nothing);
	tcase_add_test(tc, test_html_is_told_from_text);
	tcase_add_test(tc, test_two_number_columns_that_disagree_state_no_number);
	tcase_add_test(tc, test_the_seeds_yield_the_draws_they_state);
	tcase_add_test(tc, test_a_count_after_a_day_is_no_year);
	tcase_add_test(tc, test_a_comparison_with_another_draw_states_none_of_its_values);
	tcase_add_test(tc, test_an_increase_or_a_difference_is_no_draw_value);
	tcase_add_test(tc, test_flattened_rows_with_the_type_or_the_year_run_together);
	tcase_add_test(tc, test_a_draw_stated_in_part_and_in_full_is_one_record);
	tcase_add_test(tc, test_a_field_block_states_one_draw);
	tcase_add_test(tc, test_an_undated_page_in_html_states_no_date_without_a_year);
	tcase_add_test(tc, test_a_count_after_a_day_in_html_is_no_year);
	tcase_add_test(tc, test_a_comparison_in_html_states_none_of_its_values);
	tcase_add_test(tc, test_a_difference_in_html_is_no_draw_value);
	tcase_add_test(tc, test_flattened_rows_in_one_html_paragraph_run_together);
	tcase_add_test(tc, test_a_draw_stated_in_part_and_in_full_in_html_is_one_record);
	tcase_add_test(tc, test_a_field_block_in_html_states_one_draw);
	tcase_add_test(tc, test_a_page_with_more_draws_than_max_draws_yields_none);
	tcase_add_test(tc, test_no_draw_after_the_page_s_date_plus_one_day);
	tcase_add_test(tc, test_a_page_updated_later_may_state_later_draws);
	tcase_add_test(tc, test_a_table_headed_with_its_year_is_bounded_by_the_fetch);
	tcase_add_test(tc, test_held_the_draw_dates_the_draw);
	tcase_add_test(tc, test_a_date_in_the_address_reads_dates_without_a_year);
	tcase_add_test(tc, test_a_relative_day_the_page_cannot_place_is_not_the_open_draw_s);
	tcase_add_test(tc, test_a_field_block_dated_by_date_and_time_of_draw);
	tcase_add_test(tc, test_scores_as_low_as_state_the_cut_off);
	tcase_add_test(tc, test_a_draw_takes_its_own_sentence_s_date_not_the_page_s_first);
	tcase_add_test(tc, test_the_headline_draw_is_found_beside_the_previous_one);
	tcase_add_test(tc, test_values_of_the_other_draw_the_sentence_before_named);
	tcase_add_test(tc, test_a_relative_day_written_out_beside_it_is_that_day);
	tcase_add_test(tc, test_days_written_in_numbers);
	tcase_add_test(tc, test_a_cut_off_label_and_where_a_score_moved_to);
	tcase_add_test(tc, test_thresholds_and_counts_in_other_words);
	tcase_add_test(tc, test_the_page_s_date_line_is_no_draw_s);
	tcase_add_test(tc, test_blocks_of_fields_one_a_line);
	tcase_add_test(tc, test_a_header_word_inside_another_word_names_no_column);
	tcase_add_test(tc, test_the_draw_is_the_one_just_read);
	tcase_add_test(tc, test_a_heading_dates_the_paragraphs_under_it);
	tcase_add_test(tc, test_dashed_and_dotted_days);
	tcase_add_test(tc, test_a_wire_dateline_is_the_pages_day);
	tcase_add_test(tc, test_an_update_line_after_an_author_or_edited);
	tcase_add_test(tc, test_a_provinces_own_stream_and_another_country_are_no_round);
	tcase_add_test(tc, test_more_ways_to_state_a_cut_off);
	tcase_add_test(tc, test_a_date_line_may_name_its_section);
	tcase_add_test(tc, test_counts_written_short);
	tcase_add_test(tc, test_a_weekdays_round);
	tcase_add_test(tc, test_a_date_line_may_open_on_its_weekday);
	tcase_add_test(tc, test_more_words_for_table_columns);
	tcase_add_test(tc, test_permits_are_not_counted_but_do_not_hide_a_count);
	tcase_add_test(tc, test_a_small_change_from_the_previous_round);
	tcase_add_test(tc, test_the_following_day_counts_from_the_round_just_read);
	tcase_add_test(tc, test_eoi_scores_and_working_holiday_invitations_are_no_round);
	tcase_add_test(tc, test_a_prediction_is_no_value);
	tcase_add_test(tc, test_a_table_of_provinces_draws_is_not_read);
	tcase_add_test(tc, test_a_line_opening_on_a_weekday_keeps_no_earlier_date);
	tcase_add_test(tc, test_rows_a_line_without_markup);
	tcase_add_test(tc, test_a_table_without_a_header_row);
	tcase_add_test(tc, test_abbreviations_end_no_sentence);
	tcase_add_test(tc, test_a_round_s_size_in_other_words);
	tcase_add_test(tc, test_a_bare_count_after_invited);
	tcase_add_test(tc, test_a_table_with_its_fields_down_the_first_column);
	tcase_add_test(tc, test_tie_break_and_profile_dates_are_no_draws);
	tcase_add_test(tc, test_a_table_flattened_into_one_line_of_a_paragraph);
	tcase_add_test(tc, test_a_day_without_a_year_is_the_one_ircc_round_with_its_values);
	tcase_add_test(tc, test_more_ways_of_stating_a_round_s_values);
	tcase_add_test(tc, test_a_numbered_draw_without_a_day_is_ircc_s_round_of_that_number);
	tcase_add_test(tc, test_a_draw_without_a_day_is_the_one_ircc_round_with_its_values);
	tcase_add_test(tc, test_a_dash_between_a_field_and_its_value);
	tcase_add_test(tc, test_a_score_before_its_unit_beside_the_count);
	tcase_add_test(tc, test_the_previous_round_named_beside_a_draw);
	tcase_add_test(tc, test_a_count_of_the_people_a_category_invites);
	tcase_add_test(tc, test_more_names_for_a_cut_off);
	tcase_add_test(tc, test_a_threshold_goes_on_with_the_draw_being_read);
	tcase_add_test(tc, test_a_province_s_own_draw_is_none);
	tcase_add_test(tc, test_a_category_from_a_field_or_all_programs);
	tcase_add_test(tc, test_counts_and_cut_offs_in_more_constructions);
	tcase_add_test(tc, test_a_headline_s_values_and_the_body_s_first_date);
	tcase_add_test(tc, test_a_block_of_fields_dated_by_the_line_before);
	tcase_add_test(tc, test_an_ordinal_day_of_a_month);
	tcase_add_test(tc, test_a_table_with_tabs_between_its_cells);
	tcase_add_test(tc, test_ircc_s_column_names);
	tcase_add_test(tc, test_a_table_stacked_one_cell_a_line);
	tcase_add_test(tc, test_a_cut_off_that_falls_to_and_rose_from);
	tcase_add_test(tc, test_a_list_of_a_round_s_facts_one_a_line);
	tcase_add_test(tc, test_a_round_s_fields_as_pairs_of_lines);
	tcase_add_test(tc, test_a_page_s_date_line_and_its_update);
	tcase_add_test(tc, test_more_ways_to_name_the_round_being_read);
	tcase_add_test(tc, test_hopes_are_no_round_to_come);
	tcase_add_test(tc, test_rows_of_rounds_parted_by_bars);
	tcase_add_test(tc, test_cut_offs_in_the_words_of_the_next_sentence);
	tcase_add_test(tc, test_the_body_names_the_category_not_an_aside);
	tcase_add_test(tc, test_a_headline_names_the_first_round_s_category);
	tcase_add_test(tc, test_and_on_another_day_is_another_round);
	tcase_add_test(tc, test_several_rounds_in_one_sentence);
	tcase_add_test(tc, test_a_province_s_page_states_no_round);
	tcase_add_test(tc, test_more_meta_names_give_the_page_s_date);
	tcase_add_test(tc, test_a_layout_table_is_read_as_text);
	tcase_add_test(tc, test_date_lines_below_a_masthead);
	tcase_add_test(tc, test_a_lone_line_with_bars_is_no_table);
	tcase_add_test(tc, test_a_semicolon_in_parentheses_ends_no_sentence);
	tcase_add_test(tc, test_a_titled_line_is_no_wire_dateline);
	tcase_add_test(tc, test_a_sentence_that_updates_is_no_date_line);
	tcase_add_test(tc, test_candidates_from_a_class_on_a_day);
	tcase_add_test(tc, test_days_in_numbers_where_the_page_does_not_tell);
	tcase_add_test(tc, test_a_header_tells_the_order_of_days_in_numbers);
	tcase_add_test(tc, test_a_score_before_the_word_cut_off);
	tcase_add_test(tc, test_a_category_heading_heads_the_round_below);
	tcase_add_test(tc, test_invited_at_a_score);
	tcase_add_test(tc, test_a_category_heading_again_heads_the_next_round);
	tcase_add_test(tc, test_stat_cards_are_fields);
	tcase_add_test(tc, test_a_draw_column_is_the_category_or_the_number);
	tcase_add_test(tc, test_more_count_wording);
	tcase_add_test(tc, test_years_ago_today_is_not_today);
	tcase_add_test(tc, test_several_rounds_by_their_weekdays);
	tcase_add_test(tc, test_a_list_a_province_opens_is_no_round);
	tcase_add_test(tc, test_a_count_and_a_score_paired_by_at);
	tcase_add_test(tc, test_a_post_dates_what_follows_it);
	tcase_add_test(tc, test_a_live_blog_s_entries_are_dated_by_their_stamps);
	tcase_add_test(tc, test_trending_blocks_are_furniture);
	tcase_add_test(tc, test_health_care_with_a_hyphen);
	tcase_add_test(tc, test_a_question_heads_its_answer);
	tcase_add_test(tc, test_a_second_markdown_table_has_its_own_header);
	tcase_add_test(tc, test_in_total_with_one_cut_off_is_one_draw_s_count);
	tcase_add_test(tc, test_dashes_and_bullets_are_no_foreign_letters);
	tcase_add_test(tc, test_dots_and_bullets_part_a_row_s_cells);
	tcase_add_test(tc, test_a_year_in_two_digits_after_an_apostrophe);
	tcase_add_test(tc, test_a_row_s_values_in_brackets);
	tcase_add_test(tc, test_a_province_s_heading_opens_its_section);
	tcase_add_test(tc, test_a_province_s_draw_goes_on_until_ircc_is_named);
	tcase_add_test(tc, test_a_province_s_named_stream_is_its_own);
	tcase_add_test(tc, test_a_day_without_a_year_is_near_its_paragraph_s_last_day);
	tcase_add_test(tc, test_for_comparison_turns_to_another_draw);
	tcase_add_test(tc, test_days_earlier_than_a_round_date_nothing);
	tcase_add_test(tc, test_what_a_scam_claims_is_no_round);
	tcase_add_test(tc, test_a_candidate_s_own_score_is_not_the_cut_off);
	tcase_add_test(tc, test_a_forecast_is_no_round);
	tcase_add_test(tc, test_a_round_expected_on_a_day_is_no_round);
	tcase_add_test(tc, test_a_row_s_day_after_its_weekday);
	tcase_add_test(tc, test_a_pre_block_s_lines_are_read_as_text);
	tcase_add_test(tc, test_a_round_s_day_before_its_tie_break);
	tcase_add_test(tc, test_a_semicolon_export_is_a_table);
	tcase_add_test(tc, test_a_handle_then_posted_dates_the_page);
	tcase_add_test(tc, test_more_forms_of_a_date_line);
	tcase_add_test(tc, test_a_score_before_points_beside_the_count);
	tcase_add_test(tc, test_a_table_aligned_with_spaces);
	tcase_add_test(tc, test_a_provinces_row_in_a_table);
	tcase_add_test(tc, test_change_columns_in_a_table);
	tcase_add_test(tc, test_a_cell_is_no_date_line);
	tcase_add_test(tc, test_a_score_a_dash_then_the_day);
	tcase_add_test(tc, test_a_nomination_held_is_no_provinces_count);
	tcase_add_test(tc, test_rows_parted_by_double_colons);
	tcase_add_test(tc, test_a_cut_off_down_to);
	tcase_add_test(tc, test_a_draw_stated_twice_is_one_record);
	tcase_add_test(tc, test_a_legend_under_the_rows);
	tcase_add_test(tc, test_crs_of_the_lowest_ranked_candidate);
	tcase_add_test(tc, test_a_lowest_ranked_score);
	tcase_add_test(tc, test_a_count_invited_after_a_dash);
	tcase_add_test(tc, test_a_row_lines_cut_off_in_brackets);
	tcase_add_test(tc, test_rows_run_together_on_one_line);
	tcase_add_test(tc, test_a_column_of_dates_under_another_name);
	tcase_add_test(tc, test_values_after_a_rank_among_draws);
	suite_add_tcase(s, tc);
	return s;
}
