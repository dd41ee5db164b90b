/* test_article.c: the news extractor on fixtures written for this project,
 * one per style, each with its exact records. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "parse.h"
#include "testutil.h"

/* Parses the file at path as an article, assuming date when the page
 * gives none, and renders the draws as "number,date,category,itas,crs"
 * lines (empty for none), in the order found. */
static char *
extract_path(const char *path, const char *date, struct strlist *warn)
{
	struct parse_opts o = { date };
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
	/* The total and next week's expected round are not draws. */
	EXPECT("roundup.txt", NULL,
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
	/* Cells run together: "1,500533" is 1,500 and 533, but "345747" could
	 * be split two ways and is skipped; one number alone is the first
	 * numeric column's; the table ends where the rows do. */
	EXPECT("flat-table.txt", NULL,
	       ",2025-10-29,healthcare,2750,472\n"
	       ",2025-10-28,pnp,302,761\n"
	       ",2025-10-15,cec,1500,533\n"
	       ",2025-09-30,french,4000,\n");
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

START_TEST(test_the_seeds_yield_the_draws_they_state)
{
	static const struct { const char *file, *date, *expected; } seeds[] = {
		{ "seeds/000_c4b178559b4f3321.txt", NULL,
		  ",2023-06-28,healthcare,500,476\n,2023-06-27,general,4300,486\n" },
		{ "seeds/001_12ddaacb01fe07f5.txt", NULL,
		  ",2023-07-07,,,439\n,2023-07-06,,,463\n,2023-07-05,stem,500,486\n"
		  ",2023-07-04,general,700,511\n" },
		{ "seeds/002_e0a16a818b52d551.txt", "2024-05-31",
		  ",2024-05-31,cec,3000,522\n,2024-04-10,general,1280,\n"
		  /* and its summary table, every row IRCC's */
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
	tcase_add_test(tc, test_today_yesterday_and_weekdays_from_the_publication_date);
	tcase_add_test(tc, test_relative_dates_without_a_publication_date_yield_nothing);
	tcase_add_test(tc, test_a_page_without_a_draw_yields_nothing);
	tcase_add_test(tc, test_a_page_in_another_language_yields_nothing);
	tcase_add_test(tc, test_html_is_told_from_text);
	tcase_add_test(tc, test_the_seeds_yield_the_draws_they_state);
	suite_add_tcase(s, tc);
	return s;
}
