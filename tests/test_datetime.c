/* test_datetime: IRCC's free-text timestamps and the date helpers.
 *
 * tests/data/ircc-timestamps.tsv (raw, ref_date, expected; one header line)
 * holds the drawCutOff of every round of ../shared/ircc/feed-2026-08-07.json
 * that has one, with the round's drawDate and the tie_break of
 * draws-2026-08-07.csv.  The shapes found only in older copies of the feed
 * are below, each with the file and round it comes from. */
#include <check.h>
#include <glob.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datetime.h"
#include "testutil.h"
#include "util.h"

#define TSV_ROWS 359	/* rounds 77..434 and 91a/91b */

/* Parses raw and fails unless it gives want. */
static void
expect_ircc(const char *raw, const char *ref, const char *want)
{
	char out[21] = "untouched";
	int rc = datetime_parse_ircc(raw, ref, out);

	ck_assert_msg(rc == 0, "\"%s\" (ref %s): rejected, want %s",
	    raw, ref ? ref : "NULL", want);
	ck_assert_msg(strcmp(out, want) == 0,
	    "\"%s\" (ref %s): got %s, want %s",
	    raw, ref ? ref : "NULL", out, want);
}

/* Fails unless raw is rejected with out left as it was. */
static void
expect_ircc_reject(const char *raw, const char *ref)
{
	char out[21], before[21];
	int rc;

	memset(before, '#', sizeof(before) - 1);
	before[sizeof(before) - 1] = '\0';
	memcpy(out, before, sizeof(out));
	rc = datetime_parse_ircc(raw, ref, out);
	ck_assert_msg(rc == -1, "\"%s\" (ref %s): accepted as %.20s",
	    raw, ref ? ref : "NULL", out);
	ck_assert_msg(memcmp(out, before, sizeof(out)) == 0,
	    "\"%s\": out changed to %.20s", raw, out);
}

static void
expect_long(const char *raw, const char *want)
{
	char out[11] = "untouched";

	ck_assert_msg(date_parse_long(raw, out) == 0, "\"%s\": rejected", raw);
	ck_assert_msg(strcmp(out, want) == 0, "\"%s\": got %s, want %s",
	    raw, out, want);
}

static void
expect_long_reject(const char *raw)
{
	char out[11] = "untouched";

	ck_assert_msg(date_parse_long(raw, out) == -1, "\"%s\": accepted as %s",
	    raw, out);
	ck_assert_str_eq(out, "untouched");
}

START_TEST(test_tsv_fixture)
{
	char *data = test_slurp(test_data("ircc-timestamps.tsv"), NULL);
	char *line, *next, *ref, *want;
	struct buf bad = {0};
	size_t rows = 0, nbad = 0;

	line = strchr(data, '\n');
	ck_assert_msg(line != NULL, "no header line");
	for (line++; *line; line = next) {
		char out[21] = "untouched";
		int rc;

		next = strchr(line, '\n');
		ck_assert_msg(next != NULL, "last line unterminated");
		*next++ = '\0';
		ref = strchr(line, '\t');
		want = ref ? strchr(ref + 1, '\t') : NULL;
		ck_assert_msg(want != NULL && !strchr(want + 1, '\t'),
		    "row %zu: not three fields: %s", rows + 1, line);
		*ref++ = '\0';
		*want++ = '\0';
		rows++;
		rc = datetime_parse_ircc(line, ref, out);
		if (rc == 0 && strcmp(out, want) == 0)
			continue;
		if (nbad++ < 5)
			buf_addf(&bad, "\n  \"%s\" (ref %s): %s, want %s",
			    line, ref, rc == 0 ? out : "rejected", want);
	}
	ck_assert_msg(nbad == 0, "%zu of %zu rows wrong, first:%s",
	    nbad, rows, bad.data);
	ck_assert_uint_eq(rows, TSV_ROWS);
	buf_release(&bad);
	free(data);
}
END_TEST

/* Every drawDateTime and drawCutOff of every copy of the feed can be read
 * (the copy that is not JSON aside). */
START_TEST(test_shared_feeds)
{
	const char *pat = shared_path("ircc/*.json");
	glob_t g;
	size_t i, files = 0, strings = 0, nbad = 0;
	struct buf bad = {0};

	SKIP_WITHOUT_SHARED(pat);
	ck_assert_int_eq(glob(pat, 0, NULL, &g), 0);
	ck_assert_int_eq(glob(shared_path("ircc/history/*.json"), GLOB_APPEND,
	    NULL, &g), 0);
	for (i = 0; i < g.gl_pathc; i++) {
		const char *path = g.gl_pathv[i];
		json_error_t jerr;
		json_t *root, *rounds, *r;
		size_t k;

		if (strstr(path, "invalid"))
			continue;
		root = json_load_file(path, 0, &jerr);
		ck_assert_msg(root != NULL, "%s: %s", path, jerr.text);
		rounds = json_object_get(root, "rounds");
		ck_assert_msg(json_is_array(rounds), "%s: no rounds", path);
		files++;
		json_array_foreach(rounds, k, r) {
			const char *date = json_string_value(
			    json_object_get(r, "drawDate"));
			const char *fields[] = { "drawDateTime", "drawCutOff" };
			size_t f;

			for (f = 0; f < 2; f++) {
				const char *s = json_string_value(
				    json_object_get(r, fields[f]));
				char out[21];

				if (!s || !*s)
					continue;
				strings++;
				if (datetime_parse_ircc(s, date, out) == 0)
					continue;
				if (nbad++ < 5)
					buf_addf(&bad, "\n  %s #%s %s \"%s\"",
					    path, json_string_value(
					    json_object_get(r, "drawNumber")),
					    fields[f], s);
			}
		}
		json_decref(root);
	}
	globfree(&g);
	ck_assert_msg(nbad == 0, "%zu of %zu unreadable, first:%s",
	    nbad, strings, bad.data);
	ck_assert_msg(files >= 2 && strings > 0, "%zu files, %zu timestamps",
	    files, strings);
	buf_release(&bad);
}
END_TEST

/* Shapes that feed-2026-08-07.json has only in drawDateTime, or not at
 * all, so that the fixture (its drawCutOff) lacks them.  Checked by hand. */
START_TEST(test_older_shapes)
{
	/* feed-2023-01-29.json #221 drawCutOff; the only shape no longer in
	 * the feed at all (later copies read "March 24, 2022 at ...") */
	expect_ircc("March 24,2022 at 8:00:50 UTC", "2022-04-27",
	    "2022-03-24T08:00:50Z");
	/* #75 and #76 drawDateTime */
	expect_ircc("November 1, 2017, at 12:55:44 UTC", "2017-11-01",
	    "2017-11-01T12:55:44Z");
	/* #297 drawDateTime */
	expect_ircc("May 31, 2024 at12:48:30 UTC", "2024-05-31",
	    "2024-05-31T12:48:30Z");
	/* #310 drawDateTime; #333 in history/05..09 */
	expect_ircc("August 15, 2024 at 2024-08-15 15:11:54 UTC", "2024-08-15",
	    "2024-08-15T15:11:54Z");
	/* #235 drawDateTime */
	expect_ircc("November 09,2022 14:21:26 UTC", "2022-11-09",
	    "2022-11-09T14:21:26Z");
	/* #6 drawDateTime */
	expect_ircc("March 27, 2015 at 23:59:47", "2015-03-27",
	    "2015-03-27T23:59:47Z");
	/* #38 drawDateTime */
	expect_ircc(" July 13, 2016 at 13:56:45 UTC", "2016-07-13",
	    "2016-07-13T13:56:45Z");
	/* #270 drawDateTime */
	expect_ircc("October 25, 2023 at 15:48:39 AM UTC", "2023-10-25",
	    "2023-10-25T15:48:39Z");
}
END_TEST

START_TEST(test_spaces_around)
{
	expect_ircc(" January 17, 2018 at 12:33:00 UTC", "2018-01-24",
	    "2018-01-17T12:33:00Z");
	expect_ircc("July 04, 2023 at 19:36:18 UTC ", "2023-08-15",
	    "2023-07-04T19:36:18Z");
	expect_ircc("  July 04, 2023 at 19:36:18 UTC  ", NULL,
	    "2023-07-04T19:36:18Z");
}
END_TEST

START_TEST(test_unpadded)
{
	expect_ircc("February 7, 2019 at 9:59:25 UTC", "2019-03-20",
	    "2019-02-07T09:59:25Z");
	expect_ircc("September 05, 2025 at 0:59:13 UTC", "2026-02-16",
	    "2025-09-05T00:59:13Z");
}
END_TEST

START_TEST(test_no_comma)
{
	expect_ircc("February 02 2022 at 14:16:27 UTC", "2022-02-02",
	    "2022-02-02T14:16:27Z");
}
END_TEST

START_TEST(test_comma_glued_no_at)
{
	expect_ircc("June 06,2022 20:48:23 UTC", "2022-11-09",
	    "2022-06-06T20:48:23Z");
}
END_TEST

START_TEST(test_comma_after_year)
{
	expect_ircc("December 12, 2022, at 10:48:12 UTC", "2023-03-01",
	    "2022-12-12T10:48:12Z");
}
END_TEST

START_TEST(test_dot_after_day)
{
	expect_ircc("August 30. 2023 at 17:30:21 UTC", "2023-12-20",
	    "2023-08-30T17:30:21Z");
	expect_ircc("March 02. 2024 at 01:58:34 UTC", "2024-11-12",
	    "2024-03-02T01:58:34Z");
}
END_TEST

START_TEST(test_ordinal)
{
	expect_ircc("July 3rd 2026 at 21:35:13 UTC", "2026-08-05",
	    "2026-07-03T21:35:13Z");
	expect_ircc("June 1st, 2026 at 10:00:00 UTC", NULL,
	    "2026-06-01T10:00:00Z");
	expect_ircc("May 22nd 2026 at 10:00:00 UTC", NULL,
	    "2026-05-22T10:00:00Z");
	expect_ircc("April 4TH, 2026 at 10:00:00 UTC", NULL,
	    "2026-04-04T10:00:00Z");
}
END_TEST

START_TEST(test_double_spaces)
{
	expect_ircc("October 18, 2025 at  7:18:52 UTC", "2025-12-15",
	    "2025-10-18T07:18:52Z");
	expect_ircc("May 21, 2026 at  12:14:09 UTC", "2026-06-25",
	    "2026-05-21T12:14:09Z");
	expect_ircc("April 13, 2026  at 23:10:05 UTC", "2026-04-27",
	    "2026-04-13T23:10:05Z");
}
END_TEST

START_TEST(test_at_glued)
{
	expect_ircc("May 31, 2024 at16:00:00 UTC", NULL,
	    "2024-05-31T16:00:00Z");
	expect_ircc("May 31, 2024 at9:05:00 UTC", NULL,
	    "2024-05-31T09:05:00Z");
}
END_TEST

START_TEST(test_missing_utc)
{
	expect_ircc("June 15, 2023 at 23:49:05", "2023-07-12",
	    "2023-06-15T23:49:05Z");
	expect_ircc("March 05, 2025 at 05:10:48", "2025-12-08",
	    "2025-03-05T05:10:48Z");
}
END_TEST

START_TEST(test_other_zones)
{
	expect_ircc("April 15, 2026 at 10:43:11 GMT", NULL,
	    "2026-04-15T10:43:11Z");
	expect_ircc("April 15, 2026 at 10:43:11Z", NULL,
	    "2026-04-15T10:43:11Z");
	expect_ircc("April 15, 2026 at 10:43:11 utc", NULL,
	    "2026-04-15T10:43:11Z");
}
END_TEST

/* A 24-hour clock with a stray AM/PM (as in the feed) stays as it is. */
START_TEST(test_am_pm_stray)
{
	expect_ircc("October 25, 2023 at 15:48:39 AM UTC", "2023-10-25",
	    "2023-10-25T15:48:39Z");
	expect_ircc("June 22, 2021 at 20:19:59 PM UTC", "2021-11-24",
	    "2021-06-22T20:19:59Z");
}
END_TEST

START_TEST(test_am_pm_12h)
{
	expect_ircc("September 30, 2023 at 04:22:17 AM UTC", "2023-10-25",
	    "2023-09-30T04:22:17Z");
	expect_ircc("September 30, 2023 at 12:22:17 AM UTC", NULL,
	    "2023-09-30T00:22:17Z");
	expect_ircc("September 30, 2023 at 12:22:17 PM UTC", NULL,
	    "2023-09-30T12:22:17Z");
	expect_ircc("September 30, 2023 at 1:22:17 PM UTC", NULL,
	    "2023-09-30T13:22:17Z");
	expect_ircc("September 30, 2023 at 11:59:59 pm", NULL,
	    "2023-09-30T23:59:59Z");
}
END_TEST

START_TEST(test_iso_after_at)
{
	expect_ircc("January 23, 2025 at 2025-01-23 15:30:04 UTC",
	    "2025-01-23", "2025-01-23T15:30:04Z");
	/* the ISO date is the one used */
	expect_ircc("January 22, 2025 at 2025-01-23 15:30:04 UTC", NULL,
	    "2025-01-23T15:30:04Z");
	expect_ircc_reject("January 23, 2025 at 2025-02-30 15:30:04 UTC",
	    NULL);
	expect_ircc_reject("January 23, 2025 at 2025-01-23", NULL);
}
END_TEST

START_TEST(test_missing_year)
{
	expect_ircc("October 7 at 16:38:21 UTC", "2021-10-27",
	    "2021-10-07T16:38:21Z");
	expect_ircc("October 7 at 16:38:21 UTC", "2021-10-07",
	    "2021-10-07T16:38:21Z");
	expect_ircc("October 7 at 16:38:21 UTC", "2021-10-06",
	    "2020-10-07T16:38:21Z");
}
END_TEST

START_TEST(test_missing_year_boundary)
{
	expect_ircc("December 28 at 10:00:00 UTC", "2022-01-05",
	    "2021-12-28T10:00:00Z");
	expect_ircc("January 2 at 10:00:00 UTC", "2022-01-05",
	    "2022-01-02T10:00:00Z");
	/* the latest February 29 not after the reference */
	expect_ircc("February 29 at 10:00:00 UTC", "2023-03-01",
	    "2020-02-29T10:00:00Z");
	expect_ircc("February 29 at 10:00:00 UTC", "2024-02-28",
	    "2020-02-29T10:00:00Z");
}
END_TEST

START_TEST(test_missing_year_no_ref)
{
	expect_ircc_reject("October 7 at 16:38:21 UTC", NULL);
	expect_ircc_reject("October 7 at 16:38:21 UTC", "");
	expect_ircc_reject("October 7 at 16:38:21 UTC", "2021-02-30");
	expect_ircc_reject("October 7 at 16:38:21 UTC", "yesterday");
	expect_ircc_reject("February 30 at 10:00:00 UTC", "2024-05-01");
}
END_TEST

START_TEST(test_month_names)
{
	expect_ircc("SEPT. 7, 2024 at 10:00:00 UTC", NULL,
	    "2024-09-07T10:00:00Z");
	expect_ircc("Sep 7 2024 at 10:00:00 UTC", NULL,
	    "2024-09-07T10:00:00Z");
	expect_ircc("oct. 7, 2024 at 10:00:00 UTC", NULL,
	    "2024-10-07T10:00:00Z");
	expect_ircc("december 7, 2024 at 10:00:00 UTC", NULL,
	    "2024-12-07T10:00:00Z");
	expect_ircc("May 7, 2024 at 10:00:00 UTC", NULL,
	    "2024-05-07T10:00:00Z");
	expect_ircc_reject("Septe 7, 2024 at 10:00:00 UTC", NULL);
	expect_ircc_reject("Ma 7, 2024 at 10:00:00 UTC", NULL);
}
END_TEST

START_TEST(test_reject)
{
	static const char *const bad[] = {
		"",
		"   ",
		"garbage",
		"February 30, 2024 at 10:00:00 UTC",
		"February 29, 2023 at 10:00:00 UTC",
		"April 31, 2024 at 10:00:00 UTC",
		"April 1, 2024 at 25:00:00 UTC",
		"April 1, 2024 at 24:00:00 UTC",
		"April 1, 2024 at 10:60:00 UTC",
		"April 1, 2024 at 10:00:60 UTC",
		"April 1, 2024 at 10:00 UTC",
		"April 1, 2024 at 100:00:00 UTC",
		"April 0, 2024 at 10:00:00 UTC",
		"April 1, 0000 at 10:00:00 UTC",
		"April 1, 20245 at 10:00:00 UTC",
		"April 1, 2024",
		"April 1, 2024 at",
		"Octobre 7",
		"Octobre 7, 2024 at 10:00:00 UTC",
		"7 October 2024 at 10:00:00 UTC",
		"2024-10-07 10:00:00",
		"April 1, 2024 at 10:00:00 UTC extra",
		"April 1, 2024 at 10:00:00 UTC UTC",
		"April 1, 2024 at 10:00:00 EST",
		"April 1, 2024 at 10:00:00 AM PM",
		"April 1, 2024 at 10:00:00.5 UTC",
		"April 1, 2024 at 10:00:00 UTCX",
		"April 1, 2024 after 10:00:00 UTC",
		"April 1, 2024 at -1:00:00 UTC",
		"April 12024 at 10:00:00 UTC",
		"April1, 2024 at 10:00:00 UTC",
	};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		expect_ircc_reject(bad[i], "2024-05-01");
}
END_TEST

START_TEST(test_iso)
{
	char out[11] = "untouched";
	int swapped = -1;

	ck_assert_int_eq(date_parse_iso("2023-01-11", out, &swapped), 0);
	ck_assert_str_eq(out, "2023-01-11");
	ck_assert_int_eq(swapped, 0);
	ck_assert_int_eq(date_parse_iso("2024-02-29", out, &swapped), 0);
	ck_assert_str_eq(out, "2024-02-29");
	ck_assert_int_eq(date_parse_iso("2000-02-29", out, NULL), 0);
	ck_assert_str_eq(out, "2000-02-29");
}
END_TEST

START_TEST(test_iso_swapped)
{
	char out[11] = "untouched";
	int swapped = -1;

	ck_assert_int_eq(date_parse_iso("11-01-2023", out, &swapped), 0);
	ck_assert_str_eq(out, "2023-01-11");
	ck_assert_int_eq(swapped, 1);
	ck_assert_int_eq(date_parse_iso("29-02-2024", out, NULL), 0);
	ck_assert_str_eq(out, "2024-02-29");
}
END_TEST

START_TEST(test_iso_reject)
{
	static const char *const bad[] = {
		"2023-02-29", "1900-02-29", "29-02-2023", "2023-13-01",
		"2023-00-10", "2023-04-31", "2023-01-00", "0000-01-01",
		"2023-1-11", "2023/01/11", " 2023-01-11", "2023-01-11 ",
		"2023-01-11T00:00:00Z", "20230111", "11-01-23", "1-11-2023",
		"+023-01-11", "2023-+1-11", "", "April 15, 2026",
	};
	size_t i;

	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char out[11] = "untouched";
		int swapped = -1;

		ck_assert_msg(date_parse_iso(bad[i], out, &swapped) == -1,
		    "\"%s\": accepted as %s", bad[i], out);
		ck_assert_str_eq(out, "untouched");
		ck_assert_int_eq(swapped, -1);
	}
}
END_TEST

START_TEST(test_long)
{
	expect_long("April 15, 2026", "2026-04-15");
	expect_long("April 15 2026", "2026-04-15");
	expect_long("April 5, 2026", "2026-04-05");
	expect_long("August 30. 2023", "2023-08-30");
	expect_long("November 09,2022", "2022-11-09");
	expect_long(" Feb. 29, 2024 ", "2024-02-29");
	expect_long("July 3rd 2026", "2026-07-03");
}
END_TEST

START_TEST(test_long_reject)
{
	expect_long_reject("April 31, 2026");
	expect_long_reject("February 29, 2023");
	expect_long_reject("April 15");
	expect_long_reject("April 15,");
	expect_long_reject("April 15, 2026 at 10:43:11 UTC");
	expect_long_reject("April 15, 2026,");
	expect_long_reject("Avril 15, 2026");
	expect_long_reject("15 April 2026");
	expect_long_reject("2026-04-15");
	expect_long_reject("");
}
END_TEST

/* IRCC's French feed: day first, French month names, "1er", no-break
 * spaces, "à" before the time. */
START_TEST(test_french)
{
	expect_long("15 avril 2026", "2026-04-15");
	expect_long("1er mars 2025", "2025-03-01");
	expect_long("3 ao\xc3\xbbt 2026", "2026-08-03");
	expect_long("7 f\xc3\xa9vrier 2024", "2024-02-07");
	expect_long("29 F\xc3\xa9vr. 2024", "2024-02-29");
	expect_long("12 d\xc3\xa9" "cembre 2025", "2025-12-12");
	expect_long("15\xc2\xa0" "avril\xc2\xa0" "2026", "2026-04-15");
	expect_long("15\xe2\x80\xaf" "avril 2026", "2026-04-15");
	expect_ircc("15 avril 2026 \xc3\xa0 10:43:11 UTC", NULL, "2026-04-15T10:43:11Z");
	expect_ircc("1er mars 2025 \xc3\xa0 16:05:09 UTC", NULL, "2025-03-01T16:05:09Z");
	expect_ircc("11 octobre 2025 a 14:55:49 UTC", NULL, "2025-10-11T14:55:49Z");
	expect_ircc("15 avril 2026, \xc3\xa0 10 h 43 min 11 s UTC", NULL,
	    "2026-04-15T10:43:11Z");
	expect_ircc("7 octobre \xc3\xa0 16:38:21 UTC", "2024-10-09", "2024-10-07T16:38:21Z");
	expect_ircc("3\xc2\xa0" "ao\xc3\xbbt 2026\xc2\xa0\xc3\xa0\xe2\x80\xaf" "10:08:20 UTC",
	    NULL, "2026-08-03T10:08:20Z");
	expect_long_reject("31 avril 2026");
	expect_long_reject("2er mars 2025");
	expect_long_reject("15 avrill 2026");
	expect_long_reject("15 ao\xc3\xbbts 2026");
	expect_long_reject("avril 15, 2026");
	expect_long_reject("15 avril");
	expect_ircc_reject("15 avril 2026 \xc3\xa0 10 h 43 UTC", NULL);
	expect_ircc_reject("15 avril 2026 \xc3\xa0s 10:43:11 UTC", NULL);
	expect_ircc_reject("15 Octobre 2026 at 10:43:11 UTCX", NULL);
}
END_TEST

START_TEST(test_days_from_civil)
{
	ck_assert_int_eq(days_from_civil(1970, 1, 1), 0);
	ck_assert_int_eq(days_from_civil(2000, 3, 1), 11017);
	ck_assert_int_eq(days_from_civil(2000, 2, 29), 11016);
	ck_assert_int_eq(days_from_civil(1969, 12, 31), -1);
	ck_assert_int_eq(days_from_civil(2026, 4, 15), 20558);
	ck_assert_int_eq(days_from_civil(1600, 1, 1), -135140);
}
END_TEST

/* Walking day by day from 1599 to 2401, date_valid admits exactly the days
 * that days_from_civil numbers one after another. */
START_TEST(test_calendar_walk)
{
	long want = days_from_civil(1599, 1, 1), days = 0;
	int y, m, d;

	for (y = 1599; y <= 2401; y++)
		for (m = 1; m <= 12; m++)
			for (d = 1; d <= 32; d++) {
				if (!date_valid(y, m, d)) {
					ck_assert_msg(d >= 29, "%d-%d-%d invalid",
					    y, m, d);
					continue;
				}
				ck_assert_msg(days_from_civil(y, m, d) == want,
				    "%d-%02d-%02d: %ld, want %ld", y, m, d,
				    days_from_civil(y, m, d), want);
				want++, days++;
			}
	/* 803 years, 195 of them leap (1600, 2000 and 2400 are; 1700, 1800,
	 * 1900, 2100, 2200 and 2300 are not) */
	ck_assert_int_eq(days, 803L * 365 + 195);
}
END_TEST

START_TEST(test_date_valid)
{
	ck_assert(date_valid(2024, 2, 29));
	ck_assert(date_valid(2000, 2, 29));
	ck_assert(!date_valid(2023, 2, 29));
	ck_assert(!date_valid(1900, 2, 29));
	ck_assert(date_valid(2023, 12, 31));
	ck_assert(!date_valid(2023, 4, 31));
	ck_assert(!date_valid(2023, 13, 1));
	ck_assert(!date_valid(2023, 0, 1));
	ck_assert(!date_valid(2023, 1, 0));
}
END_TEST

Suite *
datetime_suite(void)
{
	Suite *s = suite_create("datetime");
	TCase *tc = tcase_create("ircc");

	tcase_add_test(tc, test_tsv_fixture);
	tcase_add_test(tc, test_shared_feeds);
	tcase_add_test(tc, test_older_shapes);
	tcase_add_test(tc, test_spaces_around);
	tcase_add_test(tc, test_unpadded);
	tcase_add_test(tc, test_no_comma);
	tcase_add_test(tc, test_comma_glued_no_at);
	tcase_add_test(tc, test_comma_after_year);
	tcase_add_test(tc, test_dot_after_day);
	tcase_add_test(tc, test_ordinal);
	tcase_add_test(tc, test_double_spaces);
	tcase_add_test(tc, test_at_glued);
	tcase_add_test(tc, test_missing_utc);
	tcase_add_test(tc, test_other_zones);
	tcase_add_test(tc, test_am_pm_stray);
	tcase_add_test(tc, test_am_pm_12h);
	tcase_add_test(tc, test_iso_after_at);
	tcase_add_test(tc, test_missing_year);
	tcase_add_test(tc, test_missing_year_boundary);
	tcase_add_test(tc, test_missing_year_no_ref);
	tcase_add_test(tc, test_month_names);
	tcase_add_test(tc, test_reject);
	suite_add_tcase(s, tc);

	tc = tcase_create("dates");
	tcase_add_test(tc, test_iso);
	tcase_add_test(tc, test_iso_swapped);
	tcase_add_test(tc, test_iso_reject);
	tcase_add_test(tc, test_long);
	tcase_add_test(tc, test_long_reject);
	tcase_add_test(tc, test_french);
	tcase_add_test(tc, test_days_from_civil);
	tcase_add_test(tc, test_calendar_walk);
	tcase_add_test(tc, test_date_valid);
	suite_add_tcase(s, tc);
	return s;
}
