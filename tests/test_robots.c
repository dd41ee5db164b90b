/* test_robots.c: the robots.txt reader, on texts written for these tests. */
#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "robots.h"
#include "testutil.h"

/* Whether text lets agent fetch path. */
static int
allowed(const char *text, const char *agent, const char *path)
{
	struct robots r;
	int ok;

	robots_parse(&r, text, strlen(text), agent);
	ok = robots_allowed(&r, path);
	robots_release(&r);
	return ok;
}

START_TEST(test_robots_agent_is_the_product_token)
{
	char *a;

	a = robots_agent("eedraws/0.1.0 (+mailto:you@example.org)");
	ck_assert_str_eq(a, "eedraws");
	free(a);
	a = robots_agent("eedraws-test (t@example.org)");
	ck_assert_str_eq(a, "eedraws-test");
	free(a);
	ck_assert_ptr_null(robots_agent("/1.0"));
	ck_assert_ptr_null(robots_agent(NULL));
}
END_TEST

START_TEST(test_robots_our_group_wins_over_star_in_any_case)
{
	static const char txt[] =
		"User-agent: *\n"
		"Disallow: /\n"
		"\n"
		"User-agent: EEDraws\n"
		"Disallow: /private/\n";

	ck_assert_int_eq(allowed(txt, "eedraws", "/news/draw-300"), 1);
	ck_assert_int_eq(allowed(txt, "eedraws", "/private/x"), 0);
	/* Another crawler gets the "*" group. */
	ck_assert_int_eq(allowed(txt, "otherbot", "/news/draw-300"), 0);
	ck_assert_int_eq(allowed(txt, NULL, "/news/draw-300"), 0);
}
END_TEST

START_TEST(test_robots_a_version_on_the_agent_line_still_names_us)
{
	static const char txt[] = "User-agent: eedraws/0.1\nDisallow: /a\n"
	                          "User-agent: eedrawsbot\nDisallow: /b\n";

	ck_assert_int_eq(allowed(txt, "eedraws", "/a"), 0);
	/* A longer token is another crawler. */
	ck_assert_int_eq(allowed(txt, "eedraws", "/b"), 1);
}
END_TEST

START_TEST(test_robots_groups_naming_us_are_merged_and_agents_share_a_group)
{
	static const char txt[] =
		"user-agent: googlebot\n"
		"USER-AGENT: eedraws\n"
		"disallow: /one\n"
		"\n"
		"User-agent: eedraws\n"
		"Disallow: /two   # a comment\n"
		"User-agent: other\n"
		"Disallow: /three\n";

	ck_assert_int_eq(allowed(txt, "eedraws", "/one"), 0);
	ck_assert_int_eq(allowed(txt, "eedraws", "/two"), 0);
	ck_assert_int_eq(allowed(txt, "eedraws", "/three"), 1);
	ck_assert_int_eq(allowed(txt, "googlebot", "/one"), 0);
	ck_assert_int_eq(allowed(txt, "googlebot", "/two"), 1);
}
END_TEST

START_TEST(test_robots_longest_match_wins_and_allow_wins_a_tie)
{
	static const char txt[] =
		"User-agent: *\n"
		"Disallow: /news/\n"
		"Allow: /news/express-entry\n"
		"Disallow: /news/express-entry/drafts\n"
		"Allow: /same\n"
		"Disallow: /same\n";

	ck_assert_int_eq(allowed(txt, "eedraws", "/news/other"), 0);
	ck_assert_int_eq(allowed(txt, "eedraws", "/news/express-entry-draw-300"), 1);
	ck_assert_int_eq(allowed(txt, "eedraws", "/news/express-entry/drafts/1"), 0);
	ck_assert_int_eq(allowed(txt, "eedraws", "/same"), 1);
	ck_assert_int_eq(allowed(txt, "eedraws", "/elsewhere"), 1);
}
END_TEST

START_TEST(test_robots_star_and_dollar)
{
	static const char txt[] =
		"User-agent: *\n"
		"Disallow: /*.pdf$\n"
		"Disallow: /*?print=\n"
		"Disallow: /a*b*c\n"
		"Allow: /exact$\n"
		"Disallow: /exact\n";

	ck_assert_int_eq(allowed(txt, "eedraws", "/files/draws.pdf"), 0);
	ck_assert_int_eq(allowed(txt, "eedraws", "/files/draws.pdf?x=1"), 1);
	ck_assert_int_eq(allowed(txt, "eedraws", "/draw?print=1"), 0);
	ck_assert_int_eq(allowed(txt, "eedraws", "/draw?page=1"), 1);
	ck_assert_int_eq(allowed(txt, "eedraws", "/a-x-b-y-c-z"), 0);
	ck_assert_int_eq(allowed(txt, "eedraws", "/a-x-c-y-b"), 1);
	ck_assert_int_eq(allowed(txt, "eedraws", "/exact"), 1);
	ck_assert_int_eq(allowed(txt, "eedraws", "/exactly"), 0);
}
END_TEST

START_TEST(test_robots_many_stars_cost_little)
{
	char txt[4200] = "User-agent: *\nDisallow: /";
	char path[2100];
	size_t i;

	for (i = 0; i < 2000; i++)
		strcat(txt, i % 2 ? "*" : "a");
	strcat(txt, "b\n");
	path[0] = '/';
	memset(path + 1, 'a', 2048);
	path[2049] = '\0';
	/* Exponential backtracking would never finish. */
	ck_assert_int_eq(allowed(txt, "eedraws", path), 1);
}
END_TEST

START_TEST(test_robots_empty_disallow_and_no_group_allow_everything)
{
	ck_assert_int_eq(allowed("User-agent: *\nDisallow:\n", "eedraws", "/x"), 1);
	ck_assert_int_eq(allowed("", "eedraws", "/x"), 1);
	ck_assert_int_eq(allowed("User-agent: other\nDisallow: /\n", "eedraws", "/x"), 1);
	/* Rules before any User-agent belong to no group. */
	ck_assert_int_eq(allowed("Disallow: /\nUser-agent: *\nAllow: /y\n", "eedraws", "/x"), 1);
	/* Lines that are not records are skipped; the rest still count. */
	ck_assert_int_eq(allowed("<html>\nUser-agent: *\nnonsense\nDisallow: /x\n", "eedraws",
	                         "/x"), 0);
}
END_TEST

START_TEST(test_robots_line_ends_bom_and_robots_txt_itself)
{
	static const char txt[] = "\xEF\xBB\xBFUser-agent: *\r\nDisallow: /\r\n";

	ck_assert_int_eq(allowed(txt, "eedraws", "/x"), 0);
	ck_assert_int_eq(allowed("User-agent: *\rDisallow: /x\r", "eedraws", "/x"), 0);
	ck_assert_int_eq(allowed(txt, "eedraws", "/robots.txt"), 1);
}
END_TEST

START_TEST(test_robots_percent_encoding_compares_as_the_rfc_says)
{
	static const char txt[] =
		"User-agent: *\n"
		"Disallow: /%7Ejoe/\n"		/* ~ is unreserved */
		"Disallow: /a%2fb\n"		/* / is reserved: stays encoded */
		"Disallow: /caf\xC3\xA9\n";	/* UTF-8: compared encoded */

	ck_assert_int_eq(allowed(txt, "eedraws", "/~joe/index.html"), 0);
	ck_assert_int_eq(allowed(txt, "eedraws", "/a%2Fb"), 0);
	ck_assert_int_eq(allowed(txt, "eedraws", "/a/b"), 1);
	ck_assert_int_eq(allowed(txt, "eedraws", "/caf%C3%A9"), 0);
}
END_TEST

START_TEST(test_robots_crawl_delay_of_our_group)
{
	struct robots r;
	static const char txt[] = "User-agent: *\nCrawl-delay: 9\n"
	                          "User-agent: eedraws\nCrawl-delay: 2.5\nDisallow: /x\n";
	static const char big[] = "User-agent: *\nCrawl-delay: 86400\n";
	static const char bad[] = "User-agent: *\nCrawl-delay: soon\n";

	robots_parse(&r, txt, strlen(txt), "eedraws");
	ck_assert_int_eq(r.crawl_delay_ms, 2500);
	robots_release(&r);
	robots_parse(&r, txt, strlen(txt), "other");
	ck_assert_int_eq(r.crawl_delay_ms, 9000);
	robots_release(&r);
	robots_parse(&r, big, strlen(big), "eedraws");
	ck_assert_int_eq(r.crawl_delay_ms, 60000);	/* capped */
	robots_release(&r);
	robots_parse(&r, bad, strlen(bad), "eedraws");
	ck_assert_int_eq(r.crawl_delay_ms, -1);
	robots_release(&r);
}
END_TEST

START_TEST(test_robots_allow_all_and_disallow_all)
{
	struct robots r;

	robots_allow_all(&r);
	ck_assert_int_eq(robots_allowed(&r, "/anything"), 1);
	robots_release(&r);
	robots_disallow_all(&r);
	ck_assert_int_eq(robots_allowed(&r, "/anything"), 0);
	ck_assert_int_eq(robots_allowed(&r, "/"), 0);
	robots_release(&r);
}
END_TEST

Suite *
robots_suite(void)
{
	Suite *s = suite_create("robots");
	TCase *tc = tcase_create("robots");

	tcase_add_test(tc, test_robots_agent_is_the_product_token);
	tcase_add_test(tc, test_robots_our_group_wins_over_star_in_any_case);
	tcase_add_test(tc, test_robots_a_version_on_the_agent_line_still_names_us);
	tcase_add_test(tc, test_robots_groups_naming_us_are_merged_and_agents_share_a_group);
	tcase_add_test(tc, test_robots_longest_match_wins_and_allow_wins_a_tie);
	tcase_add_test(tc, test_robots_star_and_dollar);
	tcase_add_test(tc, test_robots_many_stars_cost_little);
	tcase_add_test(tc, test_robots_empty_disallow_and_no_group_allow_everything);
	tcase_add_test(tc, test_robots_line_ends_bom_and_robots_txt_itself);
	tcase_add_test(tc, test_robots_percent_encoding_compares_as_the_rfc_says);
	tcase_add_test(tc, test_robots_crawl_delay_of_our_group);
	tcase_add_test(tc, test_robots_allow_all_and_disallow_all);
	suite_add_tcase(s, tc);
	return s;
}
