/* test_report.c: the HTML report: its scales, its markup for the real
 * feed, escaping, an empty database, the report command, and the page as
 * headless Chromium renders it.  (update keeping it current:
 * test_update.c) */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <pty.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "parse.h"
#include "report.h"
#include "store.h"
#include "testutil.h"
#include "util.h"

static char *dir, *db;

static void
setup(void)
{
	dir = test_home();
	db = xasprintf("%s/report.db", dir);
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

/* The page for r, as a string. */
static char *
render(const struct report_data *r)
{
	char *page = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&page, &len);

	ck_assert_ptr_nonnull(f);
	report_write(f, r);
	ck_assert_int_eq(fclose(f), 0);
	return page;
}

/* The page as XML: it must be well-formed for libxml2's XML parser. */
static xmlDoc *
parse_page(const char *page)
{
	xmlDoc *doc = xmlReadMemory(page, (int)strlen(page), "report.html", NULL,
	                            XML_PARSE_NONET);

	ck_assert_msg(doc != NULL, "the page is not well-formed XML");
	return doc;
}

static xmlXPathObject *
xpath(xmlDoc *doc, const char *expr)
{
	xmlXPathContext *ctx = xmlXPathNewContext(doc);
	xmlXPathObject *o;

	ck_assert_ptr_nonnull(ctx);
	o = xmlXPathEvalExpression((const xmlChar *)expr, ctx);
	xmlXPathFreeContext(ctx);
	ck_assert_msg(o != NULL, "bad XPath: %s", expr);
	return o;
}

/* count(expr), string(expr): names by local-name(), as the page has two
 * namespaces (XHTML and SVG). */
static long
xcount(xmlDoc *doc, const char *expr)
{
	char *q = xasprintf("count(%s)", expr);
	xmlXPathObject *o = xpath(doc, q);
	long n = (long)o->floatval;

	xmlXPathFreeObject(o);
	free(q);
	return n;
}

static char *
xstring(xmlDoc *doc, const char *expr)
{
	char *q = xasprintf("string(%s)", expr);
	xmlXPathObject *o = xpath(doc, q);
	char *s = xstrdup((const char *)o->stringval);

	xmlXPathFreeObject(o);
	free(q);
	return s;
}

#define E(name) "*[local-name()='" name "']"
#define POINTS "//" E("svg") "[@id='cutoff-chart']//" E("use") "[contains(@class,'pt')]"
/* The eight looks a confirmed point may have. */
#define LOOK(shape, colour) "(@href='#m-" shape "' and @fill='" colour "')"
#define LOOKS LOOK("circle", "#0072b2") " or " LOOK("square", "#e69f00") " or " \
	LOOK("triangle-down", "#d55e00") " or " LOOK("diamond", "#56b4e9") " or " \
	LOOK("triangle", "#009e73") " or " LOOK("star", "#cc79a7") " or " \
	LOOK("plus", "#222222") " or " LOOK("cross", "#8c8c8c")

/* Draws, pool and no source, from a file of IRCC's feed stored into a
 * fresh database through the store, read back as the report reads. */
static void
report_of(const char *file, const char *since, struct report_data *r)
{
	struct draw_list l = {0};
	struct strlist w = {0};
	struct body b = {0};
	struct store *s;
	struct err e = {0};

	ck_assert_msg(store_open(&s, db, &e) == 0, "%s", e.msg);
	b.data = test_slurp(test_data(file), &b.len);
	b.url = xstrdup(file);
	ck_assert_msg(parse_body(&b, "auto", NULL, &l, &w, &e) == 0, "%s", e.msg);
	ck_assert_msg(store_put_body(s, "ircc", &b, &l, NULL, NULL, NULL, &e) == 0, "%s", e.msg);
	memset(r, 0, sizeof(*r));
	ck_assert_msg(store_report_read(s, since, r, &e) == 0, "%s", e.msg);
	if (since)
		snprintf(r->since, sizeof(r->since), "%s", since);
	r->generated = 1786111200;	/* 2026-08-07T14:00:00Z */
	store_close(s);
	strlist_release(&w);
	draw_list_release(&l);
	body_release(&b);
}

/* The scales of the real feed: its draws run from 2015-01-31 (#1) to
 * 2026-08-07 (#434), its cutoffs from 75 (#176) to 902 (#91b).  Worked by
 * hand: days since 1970-01-01 of 2015-01-01 are 16436, of 2026-09-01
 * 20697 (4261 days across 880 units, from x = 64); CRS 0 to 1000 across
 * 340 units up from y = 360. */
START_TEST(test_scales_map_dates_and_scores_to_the_plot)
{
	struct report_scale s;

	ck_assert_int_eq(report_day("2015-01-01"), 16436);
	ck_assert_int_eq(report_day("2026-09-01"), 20697);
	ck_assert_int_eq(report_day("2026-02-30"), -1);
	report_scale_init(&s, report_day("2015-01-31"), report_day("2026-08-07"), 75, 902, 0);
	ck_assert_int_eq(s.day0, 16436);	/* the first of the first month */
	ck_assert_int_eq(s.day1, 20697);	/* the first of the month after */
	ck_assert(s.v0 == 0 && s.v1 == 1000 && s.step == 100);
	/* The corners of the plot. */
	ck_assert_double_eq_tol(report_x(&s, 16436), REPORT_LEFT, 1e-9);
	ck_assert_double_eq_tol(report_x(&s, 20697), REPORT_RIGHT, 1e-9);
	ck_assert_double_eq_tol(report_y(&s, 0), REPORT_BOTTOM, 1e-9);
	ck_assert_double_eq_tol(report_y(&s, 1000), REPORT_TOP, 1e-9);
	/* #434, 2026-08-07 (day 20672), CRS 470:
	 * x = 64 + (20672 - 16436) * 880 / 4261 = 64 + 3727680 / 4261 = 938.837
	 * y = 360 - 470 * 340 / 1000 = 200.2 */
	ck_assert_double_eq_tol(report_x(&s, 20672), 938.837, 1e-3);
	ck_assert_double_eq_tol(report_y(&s, 470), 200.2, 1e-9);
	/* #176, 2021-02-13 (day 18671), CRS 75: x = 64 + 2235 * 880 / 4261
	 * = 525.582, y = 360 - 25.5 = 334.5 */
	ck_assert_double_eq_tol(report_x(&s, 18671), 525.582, 1e-3);
	ck_assert_double_eq_tol(report_y(&s, 75), 334.5, 1e-9);

	/* Invitations start at 0; a step of 1, 2 or 5 x 10^k, at most ten. */
	report_scale_init(&s, 20672, 20672, 300, 27500, 1);
	ck_assert(s.v0 == 0 && s.v1 == 30000 && s.step == 5000);
	ck_assert_int_eq(s.day0, report_day("2026-08-01"));
	ck_assert_int_eq(s.day1, report_day("2026-09-01"));
	/* One value alone still gets a range around it. */
	report_scale_init(&s, 20672, 20672, 470, 470, 0);
	ck_assert(s.v0 < 470 && 470 < s.v1);
	ck_assert(report_y(&s, 470) > REPORT_TOP && report_y(&s, 470) < REPORT_BOTTOM);
}
END_TEST

/* The x and y of the point whose title starts with label ("#434,"). */
static void
point_at(xmlDoc *doc, const char *label, const char *x, const char *y)
{
	char *q = xasprintf(POINTS "[starts-with(" E("title") ", '%s')]", label);
	char *qx = xasprintf("%s/@x", q), *qy = xasprintf("%s/@y", q);
	char *gx, *gy;

	ck_assert_int_eq(xcount(doc, q), 1);
	gx = xstring(doc, qx);
	gy = xstring(doc, qy);
	ck_assert_msg(strcmp(gx, x) == 0 && strcmp(gy, y) == 0, "%s at %s,%s, not %s,%s", label,
	              gx, gy, x, y);
	free(q), free(qx), free(qy), free(gx), free(gy);
}

START_TEST(test_the_real_feed_has_a_point_per_draw_where_it_belongs)
{
	struct report_data r;
	struct report_source *src;
	xmlDoc *doc;
	char *page, *s;

	report_of("feed-2026-08-07.json", NULL, &r);
	src = report_add_source(&r);
	src->name = xstrdup("ircc");
	src->state = xstrdup("ok");
	src->last_success = xstrdup("2026-08-07T13:50:00Z");
	page = render(&r);
	ck_assert_uint_eq(r.ndraws, 435);
	doc = parse_page(page);

	/* Ten small multiples and two charts, each an image with a title
	 * and a description. */
	ck_assert_int_eq(xcount(doc, "//" E("svg")), 12);
	ck_assert_int_eq(xcount(doc, "//" E("svg") "[@role='img']"), 12);
	ck_assert_int_eq(xcount(doc, "//" E("svg") "[@aria-labelledby = concat(" E("title")
	                         "/@id, ' ', " E("desc") "/@id)]"), 12);
	/* One point per draw, each with its title. */
	ck_assert_int_eq(xcount(doc, POINTS), 435);
	ck_assert_int_eq(xcount(doc, POINTS "[" E("title") "]"), 435);
	/* By hand (test_scales_map_dates_and_scores_to_the_plot): #434 and
	 * #176; #91b, 2018-05-30 (day 17681), CRS 902: x = 64 + 1245 * 880 /
	 * 4261 = 321.12, y = 360 - 306.68 = 53.32; #1, 2015-01-31 (day
	 * 16466), CRS 886: x = 64 + 30 * 880 / 4261 = 70.20, y = 58.76. */
	point_at(doc, "#434,", "938.8", "200.2");
	point_at(doc, "#176,", "525.6", "334.5");
	point_at(doc, "#91b,", "321.1", "53.3");
	point_at(doc, "#1,", "70.2", "58.8");
	s = xstring(doc, POINTS "[starts-with(" E("title") ", '#434,')]");
	ck_assert_str_eq(s, "#434, 7 Aug 2026, Transport: CRS 470, 300 invitations");
	free(s);
	/* Eight looks at most, each a colour and a marker of its own; the
	 * rarer categories share the grey cross: 22 draws, Transport's 4 and
	 * 18 more.  A legend entry per look. */
	ck_assert_int_eq(xcount(doc, POINTS "[not(" LOOKS ")]"), 0);
	ck_assert_int_eq(xcount(doc, POINTS "[@href='#m-cross' and @fill='#8c8c8c']"), 22);
	ck_assert_int_eq(xcount(doc, POINTS "[@href='#m-cross' and contains(" E("title")
	                         ", 'Transport')]"), 4);
	ck_assert_int_eq(xcount(doc, "//" E("section") "[@id='cutoffs']//" E("ul")
	                         "[@class='legend']/" E("li")), 8);
	s = xstring(doc, "//" E("section") "[@id='cutoffs']//" E("li") "[contains(., 'Transport')]");
	ck_assert_str_eq(s, "\xe2\x9c\x96 Other categories (22: Federal Skilled Worker 1, Federal"
	                    " Skilled Trades 7, Transport 4, Agriculture 3, Education 2, Physicians"
	                    " 2, Senior managers 2, Military 1)");
	free(s);
	/* Its best sentence shown, not only told to screen readers. */
	s = xstring(doc, "//" E("section") "[@id='cutoffs']//" E("p") "[@class='summary']");
	ck_assert_msg(strstr(s, "; the latest 470 (#434, 7 Aug 2026, Transport)."), "%s", s);
	free(s);
	/* Axes: gridlines every 100 from 0 to 1,000, each year labelled. */
	ck_assert_int_eq(xcount(doc, "//" E("svg") "[@id='cutoff-chart']/" E("g")
	                         "[@class='grid']/" E("text")), 11 + 12);
	ck_assert_int_eq(xcount(doc, "//" E("svg") "[@id='cutoff-chart']//" E("text")
	                         "[. = '2015' or . = '2026' or . = '1,000']"), 3);

	/* Invitations per month: August 2026's transport draw, stacked. */
	ck_assert_int_eq(xcount(doc, "//" E("svg") "[@id='invitations-chart']//" E("rect")
	                         "[" E("title") " = 'Aug 2026, Transport: 300 invitations (1 draw)']"),
	                 1);

	/* The latest 20 draws, newest first. */
	ck_assert_int_eq(xcount(doc, "//" E("section") "[@id='latest']//" E("tbody") "/" E("tr")),
	                 20);
	s = xstring(doc, "//" E("section") "[@id='latest']//" E("tbody") "/" E("tr") "[1]");
	ck_assert_str_eq(s, "#4347 Aug 2026470+40300\xe2\x9c\x96 Transport11 Oct 2025, 14:55 UTC");
	free(s);
	/* When, and how fresh each source is. */
	ck_assert_str_eq((s = xstring(doc, "//" E("header") "//" E("time") "/@datetime")),
	                 "2026-08-07T14:00:00Z");
	free(s);
	s = xstring(doc, "//" E("section") "[@id='sources']//" E("tbody") "/" E("tr"));
	ck_assert_str_eq(s, "irccok7 Aug 2026, 13:50 UTC0-");
	free(s);

	/* Self-contained and script-free; for phones and print. */
	ck_assert_int_eq(xcount(doc, "//" E("script")), 0);
	ck_assert_int_eq(xcount(doc, "//@src | //" E("link") " | //" E("img")), 0);
	ck_assert_int_eq(xcount(doc, "//@href[not(starts-with(., '#'))]"), 0);
	ck_assert_int_eq(xcount(doc, "//" E("meta") "[@name='viewport']"), 1);
	ck_assert_ptr_nonnull(strstr(page, "@media print{"));
	ck_assert_ptr_nonnull(strstr(page, ".chart svg,.sm svg{display:block;width:100%;height:auto}"));
	ck_assert(strncmp(page, "<!DOCTYPE html>\n<html ", 22) == 0);
	xmlFreeDoc(doc);
	free(page);
	report_data_release(&r);
}
END_TEST

/* The card on top: the latest draw of the real feed, as the database
 * has it, and how its cutoff moved.  By hand from the feed: #434
 * (Transport, 470) follows Transport's #289 of 2024-03-13 at 430: +40;
 * #433 (French language, 391) follows #429 at 399: -8; #431 (PNP, 768)
 * follows #427 at 744: +24; #432 (CEC, 516) follows #428 at 516: 0.
 * Invitations from 2026-01-01 to 2026-08-07: 113,423; from 2025-01-01
 * to 2025-08-07: 50,628 (+124 %). */
START_TEST(test_the_card_shows_the_latest_draw_and_its_change)
{
	struct report_data r;
	xmlDoc *doc;
	char *page, *s, *q;

	report_of("feed-2026-08-07.json", NULL, &r);
	page = render(&r);
	doc = parse_page(page);
	/* The card comes first in main. */
	s = xstring(doc, "//" E("main") "/" E("section") "[1]/@id");
	ck_assert_str_eq(s, "card");
	free(s);
	q = xasprintf("%ld", test_query_long(db, "SELECT crs_cutoff FROM draws"
	              " ORDER BY date DESC, number_key DESC LIMIT 1"));
	s = xstring(doc, "//" E("dd") "[@id='card-crs']");
	ck_assert_str_eq(s, q);
	ck_assert_str_eq(s, "470");
	free(s), free(q);
	ck_assert_int_eq(test_query_long(db, "SELECT invitations FROM draws"
	                 " ORDER BY date DESC, number_key DESC LIMIT 1"), 300);
	s = xstring(doc, "//" E("dd") "[@id='card-invitations']");
	ck_assert_str_eq(s, "300");
	free(s);
	s = xstring(doc, "//" E("section") "[@id='card']/" E("h2"));
	ck_assert_str_eq(s, "Latest draw #434, 7 Aug 2026");
	free(s);
	s = xstring(doc, "//" E("p") "[@id='card-category']");
	ck_assert_str_eq(s, "Transport");
	free(s);
	s = xstring(doc, "//" E("dd") "[@id='card-change']");
	ck_assert_str_eq(s, "+40");
	free(s);
	s = xstring(doc, "//" E("p") "[@id='card-change-text']");
	ck_assert_str_eq(s, "The cutoff is 40 higher than at the previous Transport draw"
	                    " (430, 13 Mar 2024).");
	free(s);
	s = xstring(doc, "//" E("p") "[@id='card-tie']");
	ck_assert_str_eq(s, "Tie-break: at the cutoff score, profiles submitted before"
	                    " 11 Oct 2025, 14:55 UTC.");
	free(s);
	/* The 14 days before: #433 .. #431, each with its change. */
	ck_assert_int_eq(xcount(doc, "//" E("ul") "[@id='card-recent']/" E("li")), 3);
	s = xstring(doc, "//" E("ul") "[@id='card-recent']/" E("li") "[1]");
	ck_assert_str_eq(s, "#433, 6 Aug 2026: French language, 5,000 invitations, CRS 391"
	                    " (\xe2\x88\x92" "8)");
	free(s);
	s = xstring(doc, "//" E("ul") "[@id='card-recent']/" E("li") "[2]");
	ck_assert_msg(strstr(s, "CRS 516 (0)"), "%s", s);
	free(s);
	s = xstring(doc, "//" E("ul") "[@id='card-recent']/" E("li") "[3]");
	ck_assert_msg(strstr(s, "CRS 768 (+24)"), "%s", s);
	free(s);
	ck_assert_int_eq(test_query_long(db, "SELECT sum(invitations) FROM draws"
	                 " WHERE date BETWEEN '2026-01-01' AND '2026-08-07'"), 113423);
	s = xstring(doc, "//" E("p") "[@id='card-ytd']");
	ck_assert_str_eq(s, "113,423 invitations in 2026 up to 7 Aug 2026; 50,628 in 2025 by"
	                    " the same day (+124%).");
	free(s);
	xmlFreeDoc(doc);
	free(page);
	report_data_release(&r);
}
END_TEST

/* The last 24 months back from the newest draw (2026-08-07, whatever the
 * clock says): Sep 2024 to Aug 2026, one small chart per category that
 * drew in them, on one time axis and one CRS scale.  By hand: days since
 * 1970-01-01 of 2024-09-01 are 19967, of 2026-09-01 20697; the newest,
 * #434 of 2026-08-07 (day 20672), at x = 40 + 705 * 236 / 730 = 267.9. */
START_TEST(test_small_multiples_show_each_category_of_the_last_two_years)
{
	static const char *const ids[] = { "cec", "pnp", "french", "healthcare", "trades",
		                           "transport", "education", "physicians",
		                           "senior-managers", "military" };
	struct report_data r;
	xmlDoc *doc;
	char *page, *s, *q, *grid0 = NULL;
	size_t i;

	report_of("feed-2026-08-07.json", NULL, &r);
	r.generated = 1893456000;	/* 2030-01-01: not the clock's */
	page = render(&r);
	doc = parse_page(page);
	ck_assert_int_eq(xcount(doc, "//" E("figure") "[@class='sm']"), 10);
	for (i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		char *sql = xasprintf("SELECT count(*) FROM draws WHERE category = '%s'"
		                      " AND date >= '2024-09-01'", ids[i]);
		char *grid;

		q = xasprintf("//" E("figure") "[@id='sm-%s']", ids[i]);
		ck_assert_msg(xcount(doc, q) == 1, "no small multiple of %s", ids[i]);
		free(q);
		/* A point per draw of the 24 months, the newest one marked. */
		q = xasprintf("//" E("figure") "[@id='sm-%s']//" E("circle"), ids[i]);
		ck_assert_int_eq(xcount(doc, q), test_query_long(db, sql));
		free(q), free(sql);
		q = xasprintf("//" E("figure") "[@id='sm-%s']//" E("circle") "[contains(@class,"
		              "'newest')]", ids[i]);
		ck_assert_int_eq(xcount(doc, q), 1);
		free(q);
		/* The same gridlines and labels in each: one axis, one scale. */
		q = xasprintf("//" E("figure") "[@id='sm-%s']//" E("g") "[@class='grid']", ids[i]);
		grid = xstring(doc, q);
		free(q);
		if (!grid0) {
			grid0 = grid;
		} else {
			ck_assert_str_eq(grid, grid0);
			free(grid);
		}
	}
	ck_assert_str_eq(grid0, "1004007002025" "2026");
	free(grid0);
	/* Transport's newest: its value labelled beside it, where it is. */
	s = xstring(doc, "//" E("figure") "[@id='sm-transport']//" E("circle") "[contains(@class,"
	            "'newest')]/@cx");
	ck_assert_str_eq(s, "267.9");
	free(s);
	s = xstring(doc, "//" E("figure") "[@id='sm-transport']//" E("text") "[@class='val']");
	ck_assert_str_eq(s, "470");
	free(s);
	s = xstring(doc, "//" E("figure") "[@id='sm-transport']/" E("figcaption"));
	ck_assert_str_eq(s, "Transport 470 on 7 Aug 2026");
	free(s);
	/* General drew last in April 2024: no chart of its own here. */
	ck_assert_int_eq(xcount(doc, "//" E("figure") "[@id='sm-general']"), 0);
	xmlFreeDoc(doc);
	free(page);
	report_data_release(&r);
}
END_TEST

/* Invitations per year, newest first, beside the months: IRCC's draws
 * summed by year (2026 to 7 Aug: 46 draws, 113,423, as the card says;
 * 2015: 23 draws, 31,063), each with a bar as long as its share of the
 * busiest year's (2021: 114,224). */
START_TEST(test_invitations_per_year_sit_beside_the_months)
{
	struct report_data r;
	xmlDoc *doc;
	char *page, *s;

	report_of("feed-2026-08-07.json", NULL, &r);
	page = render(&r);
	doc = parse_page(page);
	ck_assert_int_eq(xcount(doc, "//" E("div") "[@class='pair']/" E("section")
	                         "[@id='years' or @id='invitations']"), 2);
	ck_assert_int_eq(xcount(doc, "//" E("section") "[@id='years']//" E("tbody") "/" E("tr")),
	                 12);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws WHERE date LIKE '2015%'"),
	                 23);
	s = xstring(doc, "//" E("section") "[@id='years']//" E("tbody") "/" E("tr") "[1]");
	ck_assert_str_eq(s, "202646113,423");
	free(s);
	s = xstring(doc, "//" E("section") "[@id='years']//" E("tbody") "/" E("tr") "[12]");
	ck_assert_str_eq(s, "20152331,063");
	free(s);
	s = xstring(doc, "//" E("section") "[@id='years']//" E("tr") "[" E("th") " = '2021']//"
	            E("span") "/@style");
	ck_assert_str_eq(s, "width:100.0%");
	free(s);
	/* 113,423 / 114,224 = 99.3 % */
	s = xstring(doc, "//" E("section") "[@id='years']//" E("tr") "[" E("th") " = '2026']//"
	            E("span") "/@style");
	ck_assert_str_eq(s, "width:99.3%");
	free(s);
	s = xstring(doc, "//" E("section") "[@id='years']//" E("caption"));
	ck_assert_str_eq(s, "IRCC's draws, newest year first; 2026 up to 7 Aug 2026.");
	free(s);
	xmlFreeDoc(doc);
	free(page);
	report_data_release(&r);
}
END_TEST

/* The pool of #434 (as of 2026-08-03) in its finest bands, 15 rows and
 * dd18 the total, beside the distribution of an earlier date (#430's of
 * 2026-07-19: #431 .. #433 state #434's) and the latest a year or more
 * before (#357's of 2025-07-20).  By hand from the feed: 601-1200 had
 * 200, 511 and now 500: +300 over the year, -11 since; 501-600 21,348,
 * 18,133 and 19,705: -1,643 and +1,572; all 256,914, 231,533 and
 * 229,100: -27,814 and -2,433. */
START_TEST(test_the_pool_shows_how_each_band_moved)
{
	struct report_data r;
	struct report_draw *d;
	xmlDoc *doc;
	char *page, *s;

#define POOL_ROW "//" E("table") "[@id='pool-table']//" E("tbody") "/" E("tr")
	report_of("feed-2026-08-07.json", NULL, &r);
	ck_assert_str_eq(r.pool[POOL_PREVIOUS].number, "430");
	ck_assert_str_eq(r.pool[POOL_YEAR_AGO].number, "357");
	page = render(&r);
	doc = parse_page(page);
	ck_assert_int_eq(xcount(doc, POOL_ROW), 16);
	s = xstring(doc, "//" E("table") "[@id='pool-table']//" E("thead"));
	ck_assert_str_eq(s, "CRS scoreCandidatesAs a barSince 19 Jul 2026Since 20 Jul 2025");
	free(s);
	s = xstring(doc, POOL_ROW "[1]");
	ck_assert_str_eq(s, "601\xe2\x80\x93" "1200500\xe2\x88\x92" "11+300");
	free(s);
	s = xstring(doc, POOL_ROW "[2]");
	ck_assert_str_eq(s, "501\xe2\x80\x93" "60019,705+1,572\xe2\x88\x92" "1,643");
	free(s);
	s = xstring(doc, POOL_ROW "[16]");
	ck_assert_str_eq(s, "All229,100\xe2\x88\x92" "2,433\xe2\x88\x92" "27,814");
	free(s);
	s = xstring(doc, "//" E("p") "[@id='pool-summary']");
	ck_assert_str_eq(s, "229,100 candidates as of 3 Aug 2026 (stated with draw #434):"
	                    " \xe2\x88\x92" "2,433 since 19 Jul 2026, \xe2\x88\x92" "27,814 since"
	                    " 20 Jul 2025.");
	free(s);
	ck_assert_int_eq(xcount(doc, "//" E("svg") "[@id='pool-chart']"), 0);
	xmlFreeDoc(doc);
	free(page);
	report_data_release(&r);

	/* The first distribution alone: nothing to compare with, no column
	 * of changes. */
	memset(&r, 0, sizeof(r));
	d = report_add_draw(&r);
	d->number = xstrdup("1");
	snprintf(d->date, sizeof(d->date), "2015-01-31");
	d->category = xstrdup("general");
	d->confirmed = 1;
	r.pool[POOL_LATEST].number = xstrdup("1");
	snprintf(r.pool[POOL_LATEST].date, 11, "2015-01-31");
	r.pool[POOL_LATEST].bands = xcalloc(2, sizeof(struct report_band));
	r.pool[POOL_LATEST].nbands = 2;
	r.pool[POOL_LATEST].bands[0] = (struct report_band){ "dd1", 601, 1200, 40 };
	r.pool[POOL_LATEST].bands[1] = (struct report_band){ "dd2", 501, 600, 60 };
	page = render(&r);
	doc = parse_page(page);
	s = xstring(doc, "//" E("table") "[@id='pool-table']//" E("thead"));
	ck_assert_str_eq(s, "CRS scoreCandidatesAs a bar");
	free(s);
	s = xstring(doc, "//" E("p") "[@id='pool-summary']");
	ck_assert_str_eq(s, "100 candidates as of 31 Jan 2015 (stated with draw #1).");
	free(s);
	xmlFreeDoc(doc);
	free(page);
	report_data_release(&r);
#undef POOL_ROW
}
END_TEST

START_TEST(test_since_keeps_the_draws_on_or_after_the_date)
{
	struct report_data r;
	xmlDoc *doc;
	char *page, *s;

	report_of("feed-2026-08-07.json", "2026-08-01", &r);
	ck_assert_uint_eq(r.ndraws, 4);	/* #431 .. #434 */
	page = render(&r);
	doc = parse_page(page);
	ck_assert_int_eq(xcount(doc, POINTS), 4);
	ck_assert_int_eq(xcount(doc, "//" E("section") "[@id='latest']//" E("tbody") "/" E("tr")), 4);
	/* One month across: labelled by month. */
	ck_assert_int_eq(xcount(doc, "//" E("svg") "[@id='cutoff-chart']//" E("text")
	                         "[. = 'Aug 2026']"), 1);
	s = xstring(doc, "//" E("header") "/" E("p"));
	ck_assert_msg(strstr(s, "4 draws from 4 Aug 2026 to 7 Aug 2026, those on or after 2026-08-01."
	              " Generated 7 Aug 2026, 14:00 UTC by eedraws "), "%s", s);
	free(s);
	xmlFreeDoc(doc);
	free(page);
	report_data_release(&r);
}
END_TEST

/* A draw as an article might put it: every string from the database is
 * text on the page, never markup, and never bytes XML refuses. */
START_TEST(test_text_from_the_database_is_escaped)
{
	struct report_data r = {0};
	struct report_draw *d;
	struct report_source *src;
	xmlDoc *doc;
	char *page, *s;

	d = report_add_draw(&r);
	d->number = xstrdup("9<b>9</b>");
	snprintf(d->date, sizeof(d->date), "2026-01-07");
	d->category = xstrdup("<i>new</i>");	/* no style: looks like "other" */
	d->name = xstrdup("Tom & Jerry's \"<script>alert(1)</script>\"");
	d->invitations = 1000;
	d->crs_cutoff = 500;
	d->conflicts = xstrdup("crs_cutoff: IRCC 500, an article <501>");
	src = report_add_source(&r);
	src->name = xstrdup("news<1>");
	src->state = xstrdup("failing");
	src->last_error = xstrdup("HTTP 503 \x01 \xff\xfe bad bytes & <more>");
	r.generated = 1786111200;
	page = render(&r);
	doc = parse_page(page);
	ck_assert_int_eq(xcount(doc, "//" E("script") " | //" E("b") " | //" E("i")), 0);
	s = xstring(doc, "//" E("section") "[@id='latest']//" E("tbody"));
	ck_assert_msg(strstr(s, "#9<b>9</b>") && strstr(s, "Tom & Jerry's \"<script>"
	              "alert(1)</script>\"") && strstr(s, "an article <501>"), "%s", s);
	free(s);
	s = xstring(doc, "//" E("section") "[@id='sources']//" E("tbody"));
	ck_assert_msg(strstr(s, "news<1>") &&
	              strstr(s, "HTTP 503 \xef\xbf\xbd \xef\xbf\xbd\xef\xbf\xbd bad bytes & <more>"),
	              "%s", s);
	free(s);
	/* In the point's title too. */
	ck_assert_int_eq(xcount(doc, POINTS "[contains(" E("title") ", '#9<b>9</b>')]"), 1);
	xmlFreeDoc(doc);
	free(page);
	report_data_release(&r);
}
END_TEST

/* Bytes F5 to FF never start UTF-8: each is U+FFFD, not the lead of a
 * three-byte sequence copied through. */
START_TEST(test_bytes_that_never_start_utf8_become_replacement_characters)
{
	struct report_data r = {0};
	struct report_source *src;
	char *page;

	src = report_add_source(&r);
	src->name = xstrdup("news");
	src->state = xstrdup("failing");
	src->last_error = xstrdup("bad \xf8\x88\x80 and \xfb\xbf\xbf end");
	r.generated = 1786111200;
	page = render(&r);
	ck_assert_ptr_null(strchr(page, '\xf8'));
	ck_assert_ptr_null(strchr(page, '\xfb'));
	ck_assert_ptr_nonnull(strstr(page, "bad \xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd and "));
	free(page);
	report_data_release(&r);
}
END_TEST

START_TEST(test_unconfirmed_and_disputed_draws_are_marked)
{
	struct report_data r = {0};
	struct report_draw *d;
	xmlDoc *doc;
	char *page, *s;

	d = report_add_draw(&r);
	d->number = xstrdup("335");
	snprintf(d->date, sizeof(d->date), "2025-02-05");
	d->category = xstrdup("cec");
	d->invitations = 4000;
	d->crs_cutoff = 521;
	d->confirmed = 1;
	d->conflicts = xstrdup("crs_cutoff: IRCC 521, an article 522");
	d = report_add_draw(&r);
	snprintf(d->date, sizeof(d->date), "2025-02-17");
	d->category = xstrdup("pnp");
	d->invitations = 646;
	d->crs_cutoff = 750;
	page = render(&r);
	doc = parse_page(page);
	ck_assert_int_eq(xcount(doc, POINTS), 2);
	ck_assert_int_eq(xcount(doc, POINTS "[@class='pt unconfirmed' and @fill='#fff']"), 1);
	s = xstring(doc, POINTS "[@class='pt unconfirmed']/" E("title"));
	ck_assert_str_eq(s, "unconfirmed, 17 Feb 2025, Provincial Nominee Program: CRS 750,"
	                    " 646 invitations");
	/* Ringed in red, and said so in the legend. */
	ck_assert_int_eq(xcount(doc, "//" E("svg") "[@id='cutoff-chart']//" E("circle")
	                         "[@class='ring']"), 1);
	ck_assert_int_eq(xcount(doc, "//" E("li") "[contains(., 'ringed in red: unconfirmed')]"),
	                 1);
	free(s);
	s = xstring(doc, "//" E("tr") "[@class='unconfirmed']/" E("td") "[@class='notes']");
	ck_assert_str_eq(s, "unconfirmed: only articles state it");
	free(s);
	s = xstring(doc, "//" E("tr") "[@class='conflict']/" E("td") "[@class='notes']");
	ck_assert_str_eq(s, "disputed: crs_cutoff: IRCC 521, an article 522");
	free(s);
	/* Only IRCC's draws count in the invitations. */
	ck_assert_int_eq(xcount(doc, "//" E("svg") "[@id='invitations-chart']//" E("rect")), 1);
	xmlFreeDoc(doc);
	free(page);
	report_data_release(&r);
}
END_TEST

START_TEST(test_an_empty_database_says_so_instead_of_an_empty_chart)
{
	struct report_data r;
	xmlDoc *doc;
	char *page, *s;

	report_of("feed-2026-08-07.json", "2030-01-01", &r);
	ck_assert_uint_eq(r.ndraws, 0);
	page = render(&r);
	doc = parse_page(page);
	ck_assert_int_eq(xcount(doc, "//" E("svg")), 0);
	s = xstring(doc, "//" E("p") "[@id='no-draws']");
	ck_assert_str_eq(s, "No draws on or after 2030-01-01 in the database: nothing to chart.");
	free(s), xmlFreeDoc(doc), free(page);
	r.since[0] = '\0';
	page = render(&r);
	doc = parse_page(page);
	ck_assert_int_eq(xcount(doc, "//" E("svg") " | //" E("table") "[not(ancestor::"
	                         E("section") "[@id='sources'])]"), 0);
	s = xstring(doc, "//" E("p") "[@id='no-draws']");
	ck_assert_msg(strncmp(s, "No draws yet: the database is empty", 35) == 0, "%s", s);
	free(s), xmlFreeDoc(doc), free(page);
	report_data_release(&r);
}
END_TEST

/* The command: stdout or -o FILE, --since checked, the sources of the
 * config with the state status gives them. */
START_TEST(test_report_command_writes_the_page)
{
	char *file = xasprintf("%s/draws.html", dir), *out, *err, *text;
	xmlDoc *doc;

	ck_assert_int_eq(EEDRAWS(&out, &err, "ingest", "-"), 65);	/* an empty database */
	free(out), free(err);
	ck_assert_int_eq(EEDRAWS(&out, &err, "report"), 0);
	ck_assert_ptr_nonnull(strstr(out, "No draws yet"));
	ck_assert_ptr_nonnull(strstr(out, "<td>ircc</td><td class=\"flag\">STALE</td><td>never"));
	free(out), free(err);
	ck_assert_int_eq(EEDRAWS(&out, &err, "-q", "ingest", test_data("feed-2026-08-07.json")), 0);
	free(out), free(err);
	ck_assert_int_eq(EEDRAWS(&out, &err, "report", "--since", "2026-07-01", "-o", file), 0);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, "");
	free(out), free(err);
	text = test_slurp(file, NULL);
	doc = parse_page(text);
	ck_assert_int_eq(xcount(doc, POINTS),
	                 test_query_long(db, "SELECT count(*) FROM draws WHERE date >= '2026-07-01'"));
	ck_assert_int_eq(xcount(doc, POINTS), 12);
	xmlFreeDoc(doc);
	free(text);
	ck_assert_int_eq(EEDRAWS(&out, &err, "report"), 0);
	doc = parse_page(out);
	ck_assert_int_eq(xcount(doc, POINTS), 435);
	xmlFreeDoc(doc);
	free(out), free(err), free(file);
}
END_TEST

START_TEST(test_report_usage_errors_exit_64)
{
	static const struct { const char *arg[3]; const char *says; } cases[] = {
		{ { "--since", "2026-13-01", NULL }, "--since wants a date, YYYY-MM-DD, not '2026-13-01'" },
		{ { "--since", "07-08-2026", NULL }, "not '07-08-2026'" },
		{ { "--since", "2026-8-7", NULL }, "not '2026-8-7'" },
		{ { "-x", NULL }, "report: unknown option '-x'" },
		{ { "draws.html", NULL }, "unexpected argument 'draws.html'" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *out, *err;

		ck_assert_int_eq(test_run((const char *const[]){ "eedraws", "-d", db, "report",
		                          cases[i].arg[0], cases[i].arg[1], NULL }, NULL, &out, &err),
		                 64);
		ck_assert_msg(strstr(err, cases[i].says), "case %zu: %s", i, err);
		ck_assert_str_eq(out, "");
		free(out), free(err);
	}
	ck_assert_int_eq(access(db, F_OK), -1);	/* refused before opening it */
}
END_TEST

/* Runs eedraws with args (argv[0] ignored) and its stdout on a terminal
 * (a pty), stderr to a file; returns the exit status, *tty what the
 * terminal got, *err stderr (caller frees). */
static int
run_on_a_terminal(const char *const *args, char **tty, char **err)
{
	char *errpath = xasprintf("%s/tty-stderr", dir), chunk[4096];
	struct buf got = {0};
	int master, slave, status, fd;
	ssize_t n;
	pid_t pid;

	ck_assert_int_eq(openpty(&master, &slave, NULL, NULL, NULL), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		if ((fd = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0600)) < 0)
			_exit(127);
		dup2(slave, 1), dup2(fd, 2);
		close(master), close(slave);
		execv(test_bin(), (char *const *)args);
		_exit(127);
	}
	close(slave);
	while ((n = read(master, chunk, sizeof(chunk))) > 0)	/* EIO at its end */
		buf_add(&got, chunk, (size_t)n);
	close(master);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	*tty = buf_detach(&got, NULL);
	*err = test_slurp(errpath, NULL);
	free(errpath);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* On a terminal without -o: no markup on the screen.  Without report =
 * PATH a usage error saying what to do, before the database is opened;
 * with it the page goes there. */
START_TEST(test_report_to_a_terminal_goes_to_the_config_page_or_is_refused)
{
	char *conf = xasprintf("%s/eedraws.conf", dir), *page = xasprintf("%s/draws.html", dir);
	const char *const args[] = { "eedraws", "-c", conf, "report", NULL };
	char *tty, *err, *text;
	FILE *f;

	f = fopen(conf, "w");
	ck_assert_ptr_nonnull(f);
	fprintf(f, "[eedraws]\ndatabase = %s\n", db);
	fclose(f);
	ck_assert_int_eq(run_on_a_terminal(args, &tty, &err), 64);
	ck_assert_str_eq(tty, "");
	ck_assert_msg(strstr(err, "eedraws: report: will not write HTML to a terminal; use -o"
	              " FILE or set report = PATH in the config\n"), "%s", err);
	ck_assert_int_eq(access(db, F_OK), -1);
	free(tty), free(err);

	f = fopen(conf, "a");
	fprintf(f, "report = %s\n", page);
	fclose(f);
	ck_assert_int_eq(EEDRAWS(&tty, &err, "-q", "ingest", test_data("feed-2026-08-07.json")), 0);
	free(tty), free(err);
	ck_assert_int_eq(run_on_a_terminal(args, &tty, &err), 0);
	ck_assert_str_eq(tty, "");
	ck_assert_msg(strstr(err, "report: wrote '") && strstr(err, "draws.html'"), "%s", err);
	text = test_slurp(page, NULL);
	ck_assert_ptr_nonnull(strstr(text, "<dd id=\"card-crs\">470</dd>"));
	free(text), free(tty), free(err), free(conf), free(page);
}
END_TEST

/* Files in dir whose name holds ".tmp.". */
static int
count_tmp(void)
{
	char *cmd = xasprintf("ls -a '%s' | grep -c '\\.tmp\\.'", dir), line[32] = "";
	FILE *p = popen(cmd, "r");

	ck_assert_ptr_nonnull(p);
	ck_assert_ptr_nonnull(fgets(line, sizeof(line), p));
	pclose(p);
	free(cmd);
	return atoi(line);
}

/* -o FILE is whole or untouched: a write that fails midway (here the
 * file size limit, as a full disk would) leaves the old page as it was
 * and no temporary file. */
START_TEST(test_report_to_a_file_is_whole_or_untouched)
{
	char *file = xasprintf("%s/draws.html", dir), *errpath = xasprintf("%s/stderr", dir);
	char *bad = xasprintf("%s/no/such/draws.html", dir), *out, *err, *text;
	int status;
	pid_t pid;
	FILE *f;

	ck_assert_int_eq(EEDRAWS(&out, &err, "-q", "ingest", test_data("feed-2026-08-07.json")), 0);
	free(out), free(err);
	f = fopen(file, "w");
	fputs("the old page\n", f);
	fclose(f);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		/* Above SQLite's 32 KiB -shm, below the page's ~130 KB. */
		struct rlimit rl = { 65536, 65536 };
		int fd = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);

		signal(SIGXFSZ, SIG_IGN);
		if (fd < 0 || setrlimit(RLIMIT_FSIZE, &rl) != 0)
			_exit(127);
		dup2(fd, 2);
		execl(test_bin(), "eedraws", "-d", db, "report", "-o", file, (char *)NULL);
		_exit(127);
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status));
	ck_assert_int_eq(WEXITSTATUS(status), 1);
	err = test_slurp(errpath, NULL);
	ck_assert_msg(strstr(err, "cannot write '") && strstr(err, "draws.html': File too large"),
	              "%s", err);
	free(err);
	text = test_slurp(file, NULL);
	ck_assert_str_eq(text, "the old page\n");
	free(text);
	ck_assert_int_eq(count_tmp(), 0);

	ck_assert_int_eq(EEDRAWS(&out, &err, "report", "-o", bad), 1);
	ck_assert_msg(strstr(err, "cannot write '") && strstr(err, "no/such/draws.html': the "
	              "directory ") && !strstr(err, ".tmp."),
	              "%s", err);
	free(out), free(err);
	ck_assert_int_eq(EEDRAWS(&out, &err, "report", "-o", file), 0);
	free(out), free(err);
	text = test_slurp(file, NULL);
	ck_assert_ptr_nonnull(strstr(text, "</html>\n"));
	free(text);
	ck_assert_int_eq(count_tmp(), 0);
	free(file), free(errpath), free(bad);
}
END_TEST

/* Headless Chromium, where it is installed. */
static const char *
find_chromium(void)
{
	static const char *const names[] = { "chromium", "chromium-browser" };
	static char path[4096];
	const char *p = getenv("PATH");
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		const char *s = p ? p : "/usr/bin:/bin";

		while (*s) {
			size_t n = strcspn(s, ":");

			snprintf(path, sizeof(path), "%.*s/%s", (int)n, s, names[i]);
			if (n && access(path, X_OK) == 0)
				return path;
			s += n + (s[n] == ':');
		}
	}
	return NULL;
}

static double
now_s(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + t.tv_nsec / 1e9;
}

static double chromium_seconds;

/* Runs chromium headless with the window w x h on url, with extra
 * arguments (--screenshot=..., --dump-dom; extra2 may be NULL); stdout to
 * out.  Its own process group, a home of its own, killed (the group)
 * after 120 s.  Returns the exit status, -1 when killed. */
static int
run_chromium(const char *bin, const char *extra, const char *extra2, int w, int h,
             const char *url, const char *out)
{
	char *home = xasprintf("%s/chromium-home", dir), *size = xasprintf("--window-size=%d,%d", w, h);
	double start = now_s();
	int status = 0, waited;
	pid_t pid;

	mkdir(home, 0700);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		int o = open(out, O_WRONLY | O_CREAT | O_TRUNC, 0600), n = open("/dev/null", O_WRONLY);

		setpgid(0, 0);
		setenv("HOME", home, 1);
		setenv("XDG_CONFIG_HOME", home, 1);
		setenv("XDG_CACHE_HOME", home, 1);
		if (o < 0 || n < 0)
			_exit(127);
		dup2(o, 1), dup2(n, 2);
		{
			const char *argv[] = { bin, "--headless", "--no-sandbox", "--disable-gpu",
			                       "--disable-dev-shm-usage", "--no-first-run",
			                       "--hide-scrollbars", "--force-device-scale-factor=1",
			                       size, url, extra, extra2, NULL };

			execv(bin, (char *const *)argv);
		}
		_exit(127);
	}
	setpgid(pid, pid);
	for (waited = 0; waited < 1200; waited++) {
		if (waitpid(pid, &status, WNOHANG) == pid)
			break;
		usleep(100000);
	}
	if (waited == 1200) {
		kill(-pid, SIGKILL);
		waitpid(pid, &status, 0);
		status = -1;
	}
	kill(-pid, SIGKILL);	/* whatever of it is left */
	chromium_seconds += now_s() - start;
	free(home), free(size);
	return status < 0 ? -1 : WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* The report with a script of the test's added at the end of its body:
 * the sizes Chromium lays the charts out at, how many points it draws
 * inside them, the smallest text it renders, the table cells it wraps,
 * written into the DOM for --dump-dom.  The report itself has no
 * script. */
static const char measure_js[] =
	"<script>\n"
	"var out = [], errors = [];\n"
	"window.onerror = function (m) { errors.push(m); };\n"
	"document.querySelectorAll('svg[id]').forEach(function (s) {\n"
	"  var r = s.getBoundingClientRect();\n"
	"  out.push(s.id + ' ' + Math.round(r.width) + ' ' + Math.round(r.height));\n"
	"});\n"
	"var svg = document.getElementById('cutoff-chart'), box = svg.getBoundingClientRect();\n"
	"var pts = svg.querySelectorAll('use.pt'), inside = 0;\n"
	"pts.forEach(function (p) {\n"
	"  var b = p.getBoundingClientRect();\n"
	"  if (b.width > 2 && b.left >= box.left && b.right <= box.right &&\n"
	"      b.top >= box.top && b.bottom <= box.bottom) inside++;\n"
	"});\n"
	"out.push('points ' + pts.length + ' ' + inside);\n"
	/* The newest point of each small multiple: in its chart, and in the
	 * window without scrolling sideways. */
	"var sms = document.querySelectorAll('figure.sm'), seen = 0;\n"
	"sms.forEach(function (fig) {\n"
	"  var p = fig.querySelector('.newest').getBoundingClientRect();\n"
	"  var b = fig.querySelector('svg').getBoundingClientRect();\n"
	"  if (p.width > 2 && p.left >= 0 && p.right <= window.innerWidth &&\n"
	"      p.left >= b.left && p.right <= b.right && p.top >= b.top &&\n"
	"      p.bottom <= b.bottom) seen++;\n"
	"});\n"
	"out.push('newest ' + sms.length + ' ' + seen);\n"
	/* Every text shown, at the size it is drawn: an SVG text's font size
	 * times its chart's scale; none hidden, no tooltip. */
	"var min = 1000, what = '', n, texts = 0;\n"
	"var tw = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);\n"
	"while ((n = tw.nextNode())) {\n"
	"  var el = n.parentElement, cs, size, m;\n"
	"  if (!n.textContent.trim() || el.closest('title,desc,.vh')) continue;\n"
	"  if (!el.getClientRects().length) continue;\n"
	"  cs = getComputedStyle(el);\n"
	"  if (cs.visibility == 'hidden' || cs.display == 'none') continue;\n"
	"  size = parseFloat(cs.fontSize);\n"
	"  if (el.closest('svg')) {\n"
	"    m = el.getScreenCTM();\n"
	"    size *= Math.hypot(m.a, m.b);\n"
	"  }\n"
	"  texts++;\n"
	"  if (size < min) { min = size; what = el.tagName + ' ' + n.textContent.trim(); }\n"
	"}\n"
	"out.push('font ' + Math.floor(min * 10) + ' ' + texts);\n"
	"out.push('smallest: ' + what);\n"
	/* A value cell of the draws table on more than one line. */
	"var wrapped = 0, cells = 0;\n"
	"document.querySelectorAll('#latest td:not(.notes)').forEach(function (c) {\n"
	"  var r = document.createRange(), lo = 1e9, hi = -1e9;\n"
	"  r.selectNodeContents(c);\n"
	"  Array.prototype.forEach.call(r.getClientRects(), function (q) {\n"
	"    if (q.height > 0) { lo = Math.min(lo, q.top); hi = Math.max(hi, q.bottom); }\n"
	"  });\n"
	"  cells++;\n"
	"  if (hi - lo > 1.6 * parseFloat(getComputedStyle(c).fontSize)) wrapped++;\n"
	"});\n"
	"out.push('cells ' + cells + ' ' + wrapped);\n"
	"out.push('page ' + document.documentElement.scrollWidth + ' ' + window.innerWidth);\n"
	"out.push('errors ' + errors.length + ' ' + document.scripts.length);\n"
	"var pre = document.createElement('pre');\n"
	"pre.id = 'measured';\n"
	"pre.textContent = '\\n' + out.join('\\n') + '\\n';\n"
	"document.body.appendChild(pre);\n"
	"</script>\n";

/* Chromium's window is at least 500 px wide: a phone's narrower width is
 * an iframe's, in a page that copies out what the report measured. */
static const char phone_html[] =
	"<!DOCTYPE html><html><body style=\"margin:0\"><iframe id=\"f\" src=\"%s\""
	" style=\"border:0;width:%dpx;height:%dpx\"></iframe><script>\n"
	"document.getElementById('f').onload = function () {\n"
	"  var pre = document.createElement('pre');\n"
	"  pre.id = 'measured';\n"
	"  pre.textContent = this.contentDocument.getElementById('measured').textContent;\n"
	"  document.body.appendChild(pre);\n"
	"};\n</script></body></html>\n";

/* The page as a phone shows it, for a screenshot: the report itself in
 * an iframe w wide and h high, the window's rest grey. */
static const char phone_shot_html[] =
	"<!DOCTYPE html><html><body style=\"margin:0;background:#888\"><iframe src=\"%s\""
	" style=\"border:0;display:block;background:#fff;width:%dpx;height:%dpx\"></iframe>"
	"</body></html>\n";

static char *
measure(const char *bin, const char *page_path, int w, int h)
{
	char *page = test_slurp(page_path, NULL), *body = strstr(page, "</body>");
	char *copy = xasprintf("%s/measure-%d.html", dir, w), *url = xasprintf("file://%s", copy);
	char *dump = xasprintf("%s/dom-%d.txt", dir, w), *text, *outer = NULL;
	FILE *f = fopen(copy, "w");

	ck_assert_ptr_nonnull(body);
	ck_assert_ptr_nonnull(f);
	fprintf(f, "%.*s%s%s", (int)(body - page), page, measure_js, body);
	fclose(f);
	if (w < 500) {
		outer = xasprintf("%s/phone-%d.html", dir, w);
		ck_assert_ptr_nonnull((f = fopen(outer, "w")));
		fprintf(f, phone_html, copy, w, h);
		fclose(f);
		free(url);
		url = xasprintf("file://%s", outer);
		/* Reading the iframe's DOM: file: pages as one origin. */
		ck_assert_int_eq(run_chromium(bin, "--dump-dom", "--allow-file-access-from-files",
		                              800, h + 100, url, dump), 0);
	} else {
		ck_assert_int_eq(run_chromium(bin, "--dump-dom", NULL, w, h, url, dump), 0);
	}
	free(outer);
	text = test_slurp(dump, NULL);
	ck_assert_msg(strstr(text, "<pre id=\"measured\">"), "no measurements: %.300s", text);
	free(page), free(copy), free(url), free(dump);
	return text;
}

/* A line of the measurements: "cutoff-chart 1000 417" */
static void
measured(const char *text, const char *key, long *a, long *b)
{
	char *k = xasprintf("\n%s ", key);
	const char *p = strstr(text, k);

	ck_assert_msg(p != NULL, "no '%s' measured in %.400s", key, strstr(text, "<pre"));
	ck_assert_int_eq(sscanf(p + strlen(k), "%ld %ld", a, b), 2);
	free(k);
}

/* A screenshot of url, w x h, kept beside the binary under test (in the
 * build folder) as name, for people to look at; checked to be a PNG of
 * that size. */
static void
screenshot(const char *bin, const char *url, int w, int h, const char *name)
{
	const char *b = test_bin(), *slash = strrchr(b, '/');
	char *shot = slash ? xasprintf("%.*s/%s", (int)(slash - b), b, name) : xstrdup(name);
	char *arg = xasprintf("--screenshot=%s", shot);
	unsigned char *png;
	size_t len;

	ck_assert_int_eq(run_chromium(bin, arg, NULL, w, h, url, "/dev/null"), 0);
	png = (unsigned char *)test_slurp(shot, &len);
	ck_assert_uint_gt(len, 10000);
	ck_assert(memcmp(png, "\x89PNG\r\n\x1a\n", 8) == 0 && memcmp(png + 12, "IHDR", 4) == 0);
	ck_assert_uint_eq((png[16] << 24) | (png[17] << 16) | (png[18] << 8) | png[19], w);
	ck_assert_uint_eq((png[20] << 24) | (png[21] << 16) | (png[22] << 8) | png[23], h);
	fprintf(stderr, "screenshot: %s\n", shot);
	free(png), free(shot), free(arg);
}

/* What every width must show: nothing wider than the window, no text
 * drawn under 11 px, every point of the full history in its chart, the
 * newest point of each small multiple in the window, no value of the
 * draws table on two lines, no script error. */
static void
check_layout(const char *dom, long width)
{
	long a, b;

	measured(dom, "page", &a, &b);
	ck_assert_int_eq(b, width);
	ck_assert_int_le(a, width);
	measured(dom, "font", &a, &b);
	fprintf(stderr, "at %ld px: the smallest text drawn %.1f px (%.60s)\n", width, a / 10.0,
	        strstr(dom, "\nsmallest: ") + 11);
	ck_assert_msg(a >= 110, "text at %.1f px", a / 10.0);
	ck_assert_int_gt(b, 300);	/* texts measured */
	measured(dom, "cells", &a, &b);
	ck_assert_int_eq(a, 20 * 7);	/* every cell of the 20 rows but the notes */
	ck_assert_int_eq(b, 0);
	measured(dom, "points", &a, &b);
	ck_assert(a == 435 && b == 435);
	measured(dom, "newest", &a, &b);
	ck_assert_int_eq(a, 10);	/* the categories drawn since Sep 2024 */
	ck_assert_int_eq(b, 10);
	measured(dom, "errors", &a, &b);
	ck_assert_int_eq(a, 0);
	ck_assert_int_eq(b, 1);		/* the test's: the report has none */
}

START_TEST(test_chromium_renders_the_page_and_its_charts)
{
	const char *bin = find_chromium();
	char *page, *url, *phone, *phone_url;
	char *out, *err, *dom;
	long a, b;
	FILE *f;

	if (!bin) {
		fprintf(stderr, "%s: skipped: chromium is absent\n", __func__);
		return;
	}
	page = xasprintf("%s/draws.html", dir), url = xasprintf("file://%s", page);
	phone = xasprintf("%s/phone-shot.html", dir), phone_url = xasprintf("file://%s", phone);
	ck_assert_int_eq(EEDRAWS(&out, &err, "-q", "ingest", test_data("feed-2026-08-07.json")), 0);
	free(out), free(err);
	ck_assert_int_eq(EEDRAWS(&out, &err, "report", "-o", page), 0);
	free(out), free(err);

	/* The page as it is, on a desktop's window and on a phone's. */
	screenshot(bin, url, 1280, 4600, "report-1280.png");
	ck_assert_ptr_nonnull((f = fopen(phone, "w")));
	fprintf(f, phone_shot_html, url, 390, 9600);
	fclose(f);
	screenshot(bin, phone_url, 500, 9600, "report-390.png");

	/* Laid out: the body is 1000 px wide at most, the full history fills
	 * it at 960:400. */
	dom = measure(bin, page, 1280, 2400);
	measured(dom, "cutoff-chart", &a, &b);
	ck_assert_int_eq(a, 1000);
	ck_assert_int_eq(b, 417);	/* 1000 * 400 / 960 */
	check_layout(dom, 1280);
	free(dom);

	/* On a phone: every chart as wide as the screen less the margins. */
	dom = measure(bin, page, 390, 844);
	measured(dom, "cutoff-chart", &a, &b);
	ck_assert_int_eq(a, 374);
	measured(dom, "invitations-chart", &a, &b);
	ck_assert_int_le(a, 374);
	check_layout(dom, 390);
	free(dom);
	fprintf(stderr, "%s: chromium took %.1f s for 4 runs\n", __func__, chromium_seconds);
	free(page), free(url), free(phone), free(phone_url);
}
END_TEST

Suite *
report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("report"), *browser = tcase_create("browser");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_scales_map_dates_and_scores_to_the_plot);
	tcase_add_test(tc, test_the_real_feed_has_a_point_per_draw_where_it_belongs);
	tcase_add_test(tc, test_the_card_shows_the_latest_draw_and_its_change);
	tcase_add_test(tc, test_small_multiples_show_each_category_of_the_last_two_years);
	tcase_add_test(tc, test_invitations_per_year_sit_beside_the_months);
	tcase_add_test(tc, test_the_pool_shows_how_each_band_moved);
	tcase_add_test(tc, test_since_keeps_the_draws_on_or_after_the_date);
	tcase_add_test(tc, test_text_from_the_database_is_escaped);
	tcase_add_test(tc, test_bytes_that_never_start_utf8_become_replacement_characters);
	tcase_add_test(tc, test_unconfirmed_and_disputed_draws_are_marked);
	tcase_add_test(tc, test_an_empty_database_says_so_instead_of_an_empty_chart);
	tcase_add_test(tc, test_report_command_writes_the_page);
	tcase_add_test(tc, test_report_usage_errors_exit_64);
	tcase_add_test(tc, test_report_to_a_file_is_whole_or_untouched);
	tcase_add_test(tc, test_report_to_a_terminal_goes_to_the_config_page_or_is_refused);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(browser, setup, teardown);
	tcase_set_timeout(browser, 600);
	tcase_add_test(browser, test_chromium_renders_the_page_and_its_charts);
	suite_add_tcase(s, browser);
	return s;
}
