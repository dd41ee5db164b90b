/* test_ircc.c: IRCC's rounds feed, real copies and hand-made records. */
#include <check.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "charset.h"
#include "parse.h"
#include "testutil.h"

/* Parses a file as ircc-json; the test fails if it is rejected. */
static void
parse_file(const char *path, struct draw_list *out, struct strlist *warn)
{
	struct body b = {0};
	struct err e = {0};
	int rc;

	b.data = test_slurp(path, &b.len);
	b.url = xstrdup(path);
	rc = parse_body(&b, "auto", NULL, out, warn, &e);
	ck_assert_msg(rc == 0, "%s rejected: %s", path, e.msg);
	body_release(&b);
}

/* Parses JSON text given inline. */
static int
parse_text(const char *json, struct draw_list *out, struct strlist *warn, struct err *e)
{
	struct body b = {0};
	int rc;

	b.data = xstrdup(json);
	b.len = strlen(json);
	b.url = xstrdup("inline.json");
	rc = parse_body(&b, "ircc-json", NULL, out, warn, e);
	body_release(&b);
	return rc;
}

static const struct draw *
find(const struct draw_list *l, const char *number)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].number, number) == 0)
			return &l->v[i];
	return NULL;
}

/* Splits one CSV line (RFC 4180 quoting, no embedded newlines) in place. */
static int
csv_split(char *line, char **cells, int max)
{
	int n = 0;
	char *w;

	while (n < max) {
		cells[n++] = w = line;
		if (*line == '"') {
			for (line++; *line; line++) {
				if (*line == '"' && line[1] == '"')
					*w++ = '"', line++;
				else if (*line == '"')
					break;
				else
					*w++ = *line;
			}
			if (*line)
				line++;
		} else {
			while (*line && *line != ',')
				*w++ = *line++;
		}
		if (*line != ',') {
			*w = '\0';
			break;
		}
		line++;
		*w = '\0';
	}
	return n;
}

START_TEST(test_newest_feed_yields_every_expected_round)
{
	struct draw_list l = {0};
	struct strlist w = {0};
	char *csv = test_slurp(test_data("draws-2026-08-07.csv"), NULL);
	char *line, *save = NULL, *cells[8];
	char num[24];
	int rows = 0;

	parse_file(test_data("feed-2026-08-07.json"), &l, &w);
	ck_assert_uint_eq(l.n, 435);
	for (size_t i = 0; i < w.n; i++)
		ck_abort_msg("unexpected warning: %s", w.v[i]);
	line = strtok_r(csv, "\r\n", &save);	/* header */
	ck_assert_str_eq(line, "number,date,name,invitations,crs_cutoff,tie_break");
	while ((line = strtok_r(NULL, "\r\n", &save))) {
		const struct draw *d;

		ck_assert_int_eq(csv_split(line, cells, 8), 6);
		d = find(&l, cells[0]);
		ck_assert_msg(d != NULL, "round %s missing", cells[0]);
		ck_assert_str_eq(d->date, cells[1]);
		ck_assert_str_eq(d->name, cells[2]);
		snprintf(num, sizeof(num), "%ld", d->invitations);
		ck_assert_str_eq(num, cells[3]);
		snprintf(num, sizeof(num), "%ld", d->crs_cutoff);
		ck_assert_str_eq(num, cells[4]);
		ck_assert_msg(strcmp(d->tie_break, cells[5]) == 0,
		              "round %s: tie_break '%s' from '%s', expected '%s'", d->number,
		              d->tie_break, d->tie_break_raw ? d->tie_break_raw : "", cells[5]);
		ck_assert_msg(strcmp(d->category, "other") != 0, "round %s: '%s' is other",
		              d->number, d->name);
		ck_assert_msg(d->draw_time[0], "round %s: no draw_time", d->number);
		rows++;
	}
	ck_assert_int_eq(rows, 435);
	free(csv);
	strlist_release(&w);
	draw_list_release(&l);
}
END_TEST

START_TEST(test_newest_feed_keeps_raw_and_normalized_values)
{
	struct draw_list l = {0};
	struct strlist w = {0};
	const struct draw *d;

	parse_file(test_data("feed-2026-08-07.json"), &l, &w);
	d = find(&l, "434");
	ck_assert_ptr_nonnull(d);
	ck_assert_str_eq(d->category, "transport");
	ck_assert_str_eq(d->version, "2");
	ck_assert_str_eq(d->programs, "fsw,cec,fst");
	ck_assert_str_eq(d->draw_time, "2026-08-07T10:08:20Z");
	ck_assert_str_eq(d->draw_time_raw, "August 7, 2026 at 10:08:20 UTC");
	ck_assert_str_eq(d->tie_break, "2025-10-11T14:55:49Z");
	ck_assert_str_eq(d->pool_as_of, "2026-08-03");
	ck_assert_int_eq(d->pool[0], 500);		/* dd1 601-1200 */
	ck_assert_int_eq(d->pool[1], 19705);		/* dd2 "19,705" */
	ck_assert_int_eq(d->pool[17], 229100);		/* dd18 total */
	ck_assert_ptr_nonnull(strstr(d->raw, "\"drawNumberURL\""));

	d = find(&l, "1");
	ck_assert_ptr_nonnull(d);
	ck_assert_str_eq(d->category, "general");
	ck_assert_str_eq(d->tie_break, "");		/* none before round 77 */
	ck_assert_ptr_null(d->tie_break_raw);
	ck_assert_int_eq(d->pool[17], -1);		/* all zeros: no data */

	ck_assert_ptr_nonnull(find(&l, "91a"));
	ck_assert_ptr_nonnull(find(&l, "91b"));
	ck_assert_int_eq(draw_number_key("91a"), 9101);
	ck_assert_int_eq(draw_number_key("91b"), 9102);
	ck_assert_int_eq(draw_number_key("92"), 9200);
	/* Found by fuzzing: a number past LONG_MAX / 100 overflowed. */
	ck_assert_int_eq(draw_number_key("999999"), 99999900);
	ck_assert_int_eq(draw_number_key("1000000"), -1);
	ck_assert_int_eq(draw_number_key("9223372036854775807"), -1);
	ck_assert_int_eq(draw_number_key("99999999999999999999a"), -1);
	strlist_release(&w);
	draw_list_release(&l);
}
END_TEST

START_TEST(test_raw_crlf_bodies_parse)
{
	static const struct { const char *file; size_t rounds; } feeds[] = {
		{ "feed-2026-04-21-raw.json", 412 },
		{ "feed-2024-11-20-raw.json", 328 },
		{ "feed-2024-04-06.json", 292 },
	};
	size_t i, j;

	for (i = 0; i < sizeof(feeds) / sizeof(feeds[0]); i++) {
		struct draw_list l = {0};
		struct strlist w = {0};

		parse_file(test_data(feeds[i].file), &l, &w);
		ck_assert_msg(l.n == feeds[i].rounds, "%s: %zu rounds", feeds[i].file, l.n);
		for (j = 0; j < w.n; j++)
			ck_abort_msg("%s: unexpected warning: %s", feeds[i].file, w.v[j]);
		for (j = 0; j < l.n; j++)
			ck_assert_msg(l.v[j].date[0] && l.v[j].invitations > 0 &&
			              l.v[j].crs_cutoff > 0, "%s: round %s incomplete",
			              feeds[i].file, l.v[j].number);
		strlist_release(&w);
		draw_list_release(&l);
	}
}
END_TEST

START_TEST(test_ddmmyyyy_date_is_read_with_a_warning)
{
	struct draw_list l = {0};
	struct strlist w = {0};
	const struct draw *d;

	parse_file(test_data("feed-ddmmyyyy.json"), &l, &w);
	d = find(&l, "237");
	ck_assert_ptr_nonnull(d);
	ck_assert_str_eq(d->date, "2023-01-11");
	ck_assert_str_eq(d->date_raw, "11-01-2023");
	ck_assert_uint_eq(w.n, 1);
	ck_assert_ptr_nonnull(strstr(w.v[0], "round 237"));
	ck_assert_ptr_nonnull(strstr(w.v[0], "DD-MM-YYYY"));
	strlist_release(&w);
	draw_list_release(&l);
}
END_TEST

START_TEST(test_invalid_body_is_rejected_with_line_and_column)
{
	struct draw_list l = {0};
	struct strlist w = {0};
	struct body b = {0};
	struct err e = {0};

	b.data = test_slurp(test_data("feed-2025-02-19-invalid.json"), &b.len);
	b.url = xstrdup("https://ircc.example/feed.json");
	ck_assert_int_eq(parse_body(&b, "auto", NULL, &l, &w, &e), EX_DATAERR);
	ck_assert_uint_eq(l.n, 0);
	ck_assert_msg(strstr(e.msg, "https://ircc.example/feed.json") &&
	              strstr(e.msg, "line 4, column"), "message: %s", e.msg);
	body_release(&b);
}
END_TEST

START_TEST(test_body_without_rounds_is_rejected)
{
	struct draw_list l = {0};
	struct strlist w = {0};
	struct err e = {0};

	ck_assert_int_eq(parse_text("{\"classes\": \"wb-tables\"}", &l, &w, &e), EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(e.msg, "no \"rounds\" array"));
	ck_assert_int_eq(parse_text("{\"rounds\": {}}", &l, &w, &e), EX_DATAERR);
	ck_assert_int_eq(parse_text("[1, 2]", &l, &w, &e), EX_DATAERR);
	ck_assert_uint_eq(l.n, 0);
}
END_TEST

START_TEST(test_record_values_are_normalized)
{
	struct draw_list l = {0};
	struct strlist w = {0};
	struct err e = {0};
	const struct draw *d;
	static const char json[] =
		"{\"rounds\": [{\"drawNumber\": \" 500 \", \"drawDate\": \"2027-01-06\","
		" \"drawName\": \"Healthcare and Social Services Occupations, 2027-Version 4\","
		" \"drawSize\": \"4\xc2\xa0" "000\", \"drawCRS\": \"4 71\","
		" \"drawText2\": \"Canadian Experience Class and Provincial Nominee Program\","
		" \"drawDateTime\": \"January 6, 2027 at 9:05:00 UTC\","
		" \"drawCutOff\": \"sometime last week\","
		" \"drawDistributionAsOn\": \"January 4, 2027\","
		" \"dd1\": \"1 000\", \"dd18\": \"0\"}]}";

	ck_assert_int_eq(parse_text(json, &l, &w, &e), 0);
	ck_assert_uint_eq(l.n, 1);
	d = &l.v[0];
	ck_assert_str_eq(d->number, "500");
	ck_assert_str_eq(d->category, "healthcare");
	ck_assert_str_eq(d->version, "4");
	ck_assert_int_eq(d->invitations, 4000);
	ck_assert_int_eq(d->crs_cutoff, 471);
	ck_assert_str_eq(d->programs, "cec,pnp");
	ck_assert_str_eq(d->draw_time, "2027-01-06T09:05:00Z");
	ck_assert_str_eq(d->tie_break, "");
	ck_assert_str_eq(d->tie_break_raw, "sometime last week");
	ck_assert_int_eq(d->pool[0], 1000);
	ck_assert_str_eq(d->pool_as_of, "2027-01-04");
	ck_assert_uint_eq(w.n, 1);
	ck_assert_ptr_nonnull(strstr(w.v[0], "drawCutOff 'sometime last week'"));
	strlist_release(&w);
	draw_list_release(&l);
}
END_TEST

START_TEST(test_unknown_name_is_stored_as_other_with_a_warning)
{
	struct draw_list l = {0};
	struct strlist w = {0};
	struct err e = {0};

	ck_assert_int_eq(parse_text("{\"rounds\": [{\"drawNumber\": \"501\","
	                            " \"drawDate\": \"2027-01-07\", \"drawName\":"
	                            " \"Space occupations (Version 1)\", \"drawSize\": \"10\","
	                            " \"drawCRS\": \"900\"}]}", &l, &w, &e), 0);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_str_eq(l.v[0].category, "other");
	ck_assert_str_eq(l.v[0].name, "Space occupations (Version 1)");
	ck_assert_uint_eq(w.n, 1);
	ck_assert_ptr_nonnull(strstr(w.v[0], "fits no category"));
	strlist_release(&w);
	draw_list_release(&l);
}
END_TEST

START_TEST(test_records_without_a_number_are_skipped_with_a_warning)
{
	struct draw_list l = {0};
	struct strlist w = {0};
	struct err e = {0};

	ck_assert_int_eq(parse_text("{\"rounds\": [{\"drawDate\": \"2027-01-07\"}, 7,"
	                            " {\"drawNumber\": \"502\", \"drawDate\": \"2027-01-08\","
	                            " \"drawName\": \"General\"},"
	                            " {\"drawNumber\": \"502\", \"drawDate\": \"2027-01-09\","
	                            " \"drawName\": \"General\"}]}",
	                            &l, &w, &e), 0);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_str_eq(l.v[0].date, "2027-01-08");
	ck_assert_uint_eq(w.n, 3);
	ck_assert_ptr_nonnull(strstr(w.v[2], "appears twice"));
	strlist_release(&w);
	draw_list_release(&l);
}
END_TEST

START_TEST(test_every_category_name_maps)
{
	static const struct { const char *name, *category; } cases[] = {
		{ "No Program Specified", "general" },
		{ "General", "general" },
		{ "Canadian Experience Class", "cec" },
		{ "Federal Skilled Worker", "fsw" },
		{ "Federal Skilled Trades", "fst" },
		{ "Provincial Nominee Program", "pnp" },
		{ "French language proficiency (Version 1)", "french" },
		{ "French-Language proficiency 2026-Version 2", "french" },
		{ "STEM occupations (Version 1)", "stem" },
		{ "Healthcare occupations (Version 1)", "healthcare" },
		{ "Healthcare and social services occupations (Version 2)", "healthcare" },
		{ "Trade occupations (Version 1)", "trades" },
		{ "Trades Occupations, 2026-Version 3", "trades" },
		{ "Transport occupations (Version 1)", "transport" },
		{ "Agriculture and agri-food occupations (Version 1)", "agriculture" },
		{ "Education occupations (Version 1)", "education" },
		{ "Physicians with Canadian Work Experience, 2026-Version 1", "physicians" },
		{ "Senior managers with Canadian Work Experience, 2026-Version 1", "senior-managers" },
		{ "Skilled Military Recruits, 2026-Version 1", "military" },
		/* IRCC's French feed */
		{ "Aucun programme sp\xc3\xa9" "cifi\xc3\xa9", "general" },
		{ "G\xc3\xa9n\xc3\xa9ral", "general" },
		{ "Cat\xc3\xa9gorie de l\xe2\x80\x99" "exp\xc3\xa9rience canadienne", "cec" },
		{ "Cat\xc3\xa9gorie de l'exp\xc3\xa9rience canadienne", "cec" },
		{ "F\xc3\xa9" "d\xc3\xa9ral Programme des travailleurs qualifi\xc3\xa9s", "fsw" },
		{ "Programme des travailleurs de m\xc3\xa9tiers sp\xc3\xa9" "cialis\xc3\xa9s (f\xc3\xa9" "d\xc3\xa9ral)", "fst" },
		{ "Programme des candidats des provinces", "pnp" },
		{ "Connaissance du fran\xc3\xa7" "ais 2026-Version 2", "french" },
		{ "Professions des sciences, des technologies, du g\xc3\xa9nie et des "
		  "math\xc3\xa9matiques (STEM) (Version 1)", "stem" },
		{ "Professions dans le domaine des soins de sant\xc3\xa9 et des services "
		  "sociaux (Version 2)", "healthcare" },
		{ "M\xc3\xa9tiers, 2026-Version 3", "trades" },
		{ "Professions en transport (Version 1)", "transport" },
		{ "Professions en agriculture et agroalimentaire (Version 1)", "agriculture" },
		{ "Professions en \xc3\xa9" "ducation (Version 1)", "education" },
		{ "M\xc3\xa9" "decins ayant une exp\xc3\xa9rience de travail au Canada, "
		  "2026-Version 1", "physicians" },
		{ "Cadres sup\xc3\xa9rieurs ayant une exp\xc3\xa9rience de travail au Canada, "
		  "2026-Version 1", "senior-managers" },
		{ "Recrues militaires qualifi\xc3\xa9" "es, 2026-Version 1", "military" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *c = category_of(cases[i].name);

		ck_assert_msg(c && strcmp(c, cases[i].category) == 0, "'%s' -> %s, expected %s",
		              cases[i].name, c ? c : "NULL", cases[i].category);
		ck_assert(category_valid(c));
	}
	ck_assert_ptr_null(category_of("Space occupations"));
	ck_assert_ptr_null(category_of("Professions de l'espace"));
}
END_TEST

START_TEST(test_programs_in_either_language)
{
	static const struct { const char *text, *programs; } cases[] = {
		{ "Federal Skilled Worker Program, Canadian Experience Class and Federal "
		  "Skilled Trades Program", "fsw,cec,fst" },
		{ "Programme des travailleurs qualifi\xc3\xa9s (f\xc3\xa9" "d\xc3\xa9ral), "
		  "Cat\xc3\xa9gorie de l\xe2\x80\x99" "exp\xc3\xa9rience canadienne et "
		  "Programme des travailleurs de m\xc3\xa9tiers sp\xc3\xa9" "cialis\xc3\xa9s "
		  "(f\xc3\xa9" "d\xc3\xa9ral)", "fsw,cec,fst" },
		{ "Programme des candidats des provinces", "pnp" },
		/* both languages at once: each program once, in the usual order */
		{ "Provincial Nominee Program / Programme des candidats des provinces, "
		  "Canadian Experience Class", "cec,pnp" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *p = programs_of(cases[i].text);

		ck_assert_msg(p && strcmp(p, cases[i].programs) == 0, "'%s' -> %s, expected %s",
		              cases[i].text, p ? p : "NULL", cases[i].programs);
		free(p);
	}
}
END_TEST

/* Every French round of feed-fr.json (French text written for the tests
 * around real rounds' values) against the same round of the English feed. */
START_TEST(test_french_feed_gives_the_english_rounds_values)
{
	struct draw_list fr = {0}, en = {0};
	struct strlist w = {0};
	size_t i, k;

	parse_file(test_data("feed-fr.json"), &fr, &w);
	for (i = 0; i < w.n; i++)
		ck_abort_msg("unexpected warning: %s", w.v[i]);
	parse_file(test_data("feed-2026-08-07.json"), &en, &w);
	ck_assert_uint_eq(fr.n, 12);
	for (i = 0; i < fr.n; i++) {
		const struct draw *f = &fr.v[i], *d = find(&en, f->number);

		ck_assert_ptr_nonnull(d);
		ck_assert_str_eq(f->lang, "fr");
		ck_assert_str_eq(d->lang, "en");
		ck_assert_ptr_null(f->name);
		ck_assert_ptr_nonnull(f->name_fr);
		ck_assert_ptr_null(d->name_fr);
		ck_assert_str_eq(f->date, d->date);
		ck_assert_msg(strcmp(f->category, d->category) == 0, "round %s: '%s' is %s, "
		              "'%s' is %s", f->number, f->name_fr, f->category, d->name,
		              d->category);
		ck_assert_str_eq(f->version ? f->version : "-", d->version ? d->version : "-");
		ck_assert_int_eq(f->invitations, d->invitations);
		ck_assert_int_eq(f->crs_cutoff, d->crs_cutoff);
		ck_assert_str_eq(f->programs, d->programs);
		ck_assert_str_eq(f->draw_time, d->draw_time);
		ck_assert_str_eq(f->tie_break, d->tie_break);
		ck_assert_str_eq(f->pool_as_of, d->pool_as_of);
		for (k = 0; k < DRAW_NBANDS; k++)
			ck_assert_msg(f->pool[k] == d->pool[k], "round %s: %s %ld, English %ld",
			              f->number, pool_bands[k].key, f->pool[k], d->pool[k]);
	}
	/* "1er février 2024", and a count written with U+00A0 */
	ck_assert_str_eq(find(&fr, "282")->date, "2024-02-01");
	ck_assert_str_eq(find(&fr, "240")->pool_as_of, "2023-02-01");
	ck_assert_str_eq(find(&fr, "433")->invitations_raw, "5\xc2\xa0" "000");
	ck_assert_int_eq(find(&fr, "433")->invitations, 5000);
	strlist_release(&w);
	draw_list_release(&fr);
	draw_list_release(&en);
}
END_TEST

/* Parses bytes as a body from url with a Content-Type. */
static int
parse_bytes(const char *data, size_t len, const char *url, const char *content_type,
            const char *lang, struct draw_list *out, struct strlist *warn, struct err *e)
{
	struct parse_opts po = { .lang = lang };
	struct body b = {0};
	int rc;

	b.data = xmalloc(len + 1);
	memcpy(b.data, data, len);
	b.data[len] = '\0';
	b.len = len;
	b.url = xstrdup(url);
	b.content_type = xstrdup(content_type);
	rc = parse_body(&b, "auto", &po, out, warn, e);
	body_release(&b);
	return rc;
}

START_TEST(test_cp1252_body_parses_as_the_utf8_one)
{
	struct draw_list u = {0}, c = {0};
	struct strlist w = {0};
	struct err e = {0};
	size_t ulen, clen, bad, i;
	char *utf = test_slurp(test_data("feed-fr.json"), &ulen);
	char *cp = test_slurp(test_data("feed-fr-cp1252.json"), &clen);

	/* The fixture is the UTF-8 one through iconv -t WINDOWS-1252. */
	ck_assert(utf8_valid(utf, ulen, &bad));
	ck_assert(!utf8_valid(cp, clen, &bad));
	ck_assert_uint_lt(clen, ulen);
	ck_assert_int_eq(parse_bytes(utf, ulen, "https://ircc.example/ee_rounds_123_fr.json",
	                             "application/json", NULL, &u, &w, &e), 0);
	ck_assert_msg(parse_bytes(cp, clen, "https://ircc.example/ee_rounds_123_fr.json",
	                          "application/json; charset=windows-1252", NULL, &c, &w,
	                          &e) == 0, "%s", e.msg);
	ck_assert_uint_eq(w.n, 0);
	ck_assert_uint_eq(u.n, 12);
	ck_assert_uint_eq(c.n, u.n);
	for (i = 0; i < u.n; i++) {
		ck_assert_str_eq(c.v[i].number, u.v[i].number);
		ck_assert_str_eq(c.v[i].name_fr, u.v[i].name_fr);
		ck_assert_str_eq(c.v[i].category, u.v[i].category);
		ck_assert_str_eq(c.v[i].programs_raw, u.v[i].programs_raw);
		ck_assert_str_eq(c.v[i].draw_time_raw, u.v[i].draw_time_raw);
		ck_assert_str_eq(c.v[i].invitations_raw, u.v[i].invitations_raw);
		ck_assert_str_eq(c.v[i].draw_time, u.v[i].draw_time);
		ck_assert_str_eq(c.v[i].raw, u.v[i].raw);
	}
	/* 0x92 is Windows-1252's right quote, not ISO-8859-1's control. */
	ck_assert_str_eq(find(&c, "432")->name_fr,
	                 "Cat\xc3\xa9gorie de l\xe2\x80\x99" "exp\xc3\xa9rience canadienne");
	draw_list_release(&c);

	/* Labelled UTF-8 but not: read all the same, with a warning. */
	ck_assert_int_eq(parse_bytes(cp, clen, "feed_fr.json", "application/json; charset=UTF-8",
	                             NULL, &c, &w, &e), 0);
	ck_assert_uint_eq(c.n, 12);
	ck_assert_uint_eq(w.n, 1);
	ck_assert_ptr_nonnull(strstr(w.v[0], "read as Windows-1252"));
	strlist_release(&w);
	draw_list_release(&u);
	draw_list_release(&c);
	free(utf);
	free(cp);
}
END_TEST

START_TEST(test_body_neither_utf8_nor_cp1252_is_refused)
{
	/* 0x81 has no character in Windows-1252, nor starts UTF-8. */
	static const char bad[] = "{\"rounds\": [{\"drawNumber\": \"500\", \"drawDate\":"
		" \"2027-01-06\", \"drawName\": \"M\xe9tiers \x81\"}]}";
	struct draw_list l = {0};
	struct strlist w = {0};
	struct err e = {0};

	ck_assert_int_eq(parse_bytes(bad, strlen(bad), "https://ircc.example/x_fr.json", NULL,
	                             NULL, &l, &w, &e), EX_DATAERR);
	ck_assert_uint_eq(l.n, 0);
	ck_assert_msg(strstr(e.msg, "https://ircc.example/x_fr.json") &&
	              strstr(e.msg, "neither UTF-8") && strstr(e.msg, "Windows-1252") &&
	              strstr(e.msg, "0x81"), "message: %s", e.msg);
}
END_TEST

/* A French record of round 434's values, thousands separated by sep. */
static char *
french_record(const char *sep)
{
	return xasprintf("{\"rounds\": [{\"drawNumber\": \"434\", \"drawDate\": \"2026-08-07\","
	                 " \"drawDateFull\": \"7 ao\xc3\xbbt 2026\","
	                 " \"drawName\": \"Professions en transport, 2026-Version 2\","
	                 " \"drawSize\": \"4%s000\", \"drawCRS\": \"470\","
	                 " \"dd18\": \"229%s100\"}]}", sep, sep);
}

START_TEST(test_french_counts_with_every_space)
{
	/* a space, U+00A0 no-break space, U+202F narrow no-break space */
	static const char *const seps[] = { " ", "\xc2\xa0", "\xe2\x80\xaf" };
	size_t i;

	for (i = 0; i < sizeof(seps) / sizeof(seps[0]); i++) {
		struct draw_list l = {0};
		struct strlist w = {0};
		struct err e = {0};
		char *json = french_record(seps[i]);
		char *raw = xasprintf("4%s000", seps[i]);

		ck_assert_int_eq(parse_text(json, &l, &w, &e), 0);
		ck_assert_uint_eq(l.n, 1);
		ck_assert_int_eq(l.v[0].invitations, 4000);
		ck_assert_int_eq(l.v[0].pool[17], 229100);
		ck_assert_str_eq(l.v[0].invitations_raw, raw);
		ck_assert_str_eq(l.v[0].lang, "fr");
		ck_assert_str_eq(l.v[0].category, "transport");
		ck_assert_uint_eq(w.n, 0);
		free(raw);
		free(json);
		strlist_release(&w);
		draw_list_release(&l);
	}
}
END_TEST

START_TEST(test_counts_accept_separators_and_refuse_text)
{
	ck_assert_int_eq(parse_count("4,000"), 4000);
	ck_assert_int_eq(parse_count("4 000"), 4000);
	ck_assert_int_eq(parse_count("4\xc2\xa0" "000"), 4000);
	ck_assert_int_eq(parse_count("4\xe2\x80\xaf" "000"), 4000);
	ck_assert_int_eq(parse_count("779"), 779);
	ck_assert_int_eq(parse_count(""), -1);
	ck_assert_int_eq(parse_count("n/a"), -1);
	ck_assert_int_eq(parse_count("4.5"), -1);
	ck_assert_int_eq(parse_count(",400"), -1);
}
END_TEST

/* 1 when some warning of w holds every one of the texts. */
static int
warned(const struct strlist *w, const char *a, const char *b)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		if (strstr(w->v[i], a) && (!b || strstr(w->v[i], b)))
			return 1;
	return 0;
}

/* A CRS of 99999 or 0, or no invitations, is no draw's value: kept raw
 * with a warning, never stored normalized. */
START_TEST(test_values_out_of_range_are_kept_raw_with_a_warning)
{
	struct draw_list l = {0};
	struct strlist w = {0};
	struct err e = {0};

	ck_assert_int_eq(parse_text("{\"rounds\": ["
	    "{\"drawNumber\": \"501\", \"drawDate\": \"2027-01-07\", \"drawName\":"
	    " \"General\", \"drawSize\": \"0\", \"drawCRS\": \"99999\"},"
	    "{\"drawNumber\": \"502\", \"drawDate\": \"2027-01-08\", \"drawName\":"
	    " \"General\", \"drawSize\": \"1,200\", \"drawCRS\": \"0\"},"
	    "{\"drawNumber\": \"503\", \"drawDate\": \"2027-01-09\", \"drawName\":"
	    " \"General\", \"drawSize\": \"30,000\", \"drawCRS\": \"1200\"}]}",
	    &l, &w, &e), 0);
	ck_assert_uint_eq(l.n, 3);
	ck_assert_int_eq(l.v[0].invitations, -1);
	ck_assert_str_eq(l.v[0].invitations_raw, "0");
	ck_assert_int_eq(l.v[0].crs_cutoff, -1);
	ck_assert_str_eq(l.v[0].crs_raw, "99999");
	ck_assert_int_eq(l.v[1].invitations, 1200);
	ck_assert_int_eq(l.v[1].crs_cutoff, -1);
	ck_assert_int_eq(l.v[2].invitations, 30000);
	ck_assert_int_eq(l.v[2].crs_cutoff, 1200);
	ck_assert_uint_eq(w.n, 3);
	ck_assert(warned(&w, "round 501: drawSize '0' is out of range", NULL));
	ck_assert(warned(&w, "round 501: drawCRS '99999' is out of range", "kept as text"));
	ck_assert(warned(&w, "round 502: drawCRS '0' is out of range", NULL));
	strlist_release(&w);
	draw_list_release(&l);
}
END_TEST

/* IRCC writes strings; a value of another type is kept as its JSON text
 * with a warning, not dropped as if absent. */
START_TEST(test_wrongly_typed_values_are_kept_raw_with_a_warning)
{
	struct draw_list l = {0};
	struct strlist w = {0};
	struct err e = {0};

	ck_assert_int_eq(parse_text("{\"rounds\": [{\"drawNumber\": \"501\","
	    " \"drawDate\": \"2027-01-07\", \"drawName\": \"General\","
	    " \"drawSize\": 4500.5, \"drawCRS\": true, \"drawText2\": null,"
	    " \"dd1\": [1]}]}", &l, &w, &e), 0);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_int_eq(l.v[0].invitations, -1);
	ck_assert_str_eq(l.v[0].invitations_raw, "4500.5");
	ck_assert_int_eq(l.v[0].crs_cutoff, -1);
	ck_assert_str_eq(l.v[0].crs_raw, "true");
	ck_assert_ptr_null(l.v[0].programs_raw);	/* null states nothing */
	ck_assert(warned(&w, "round 501: drawSize is a real number (4500.5)", NULL));
	ck_assert(warned(&w, "round 501: drawCRS is a boolean (true)", "kept as text"));
	ck_assert(warned(&w, "round 501: dd1 is an array", NULL));
	ck_assert(!warned(&w, "drawText2", NULL));
	strlist_release(&w);
	draw_list_release(&l);
}
END_TEST

/* Whether every draw's raw is, byte for byte, what jansson's
 * json_dumps(JSON_COMPACT) makes of one of the body's records: the
 * record kept whole must not change with how it is written out. */
static void
assert_raw_is_jansson_s(const char *json, size_t len, const struct draw_list *l)
{
	json_t *root = json_loadb(json, len, 0, NULL), *rounds, *rec;
	size_t i, j, found = 0;
	char *text;

	ck_assert_ptr_nonnull(root);
	rounds = json_object_get(root, "rounds");
	for (i = 0; i < l->n; i++)
		json_array_foreach(rounds, j, rec) {
			text = json_dumps(rec, JSON_COMPACT);
			if (strcmp(text, l->v[i].raw) == 0) {
				found++;
				free(text);
				break;
			}
			free(text);
		}
	ck_assert_uint_eq(found, l->n);
	json_decref(root);
}

START_TEST(test_a_record_is_kept_as_jansson_writes_it)
{
	static const char *const files[] = { "feed-2026-08-07.json", "feed-fr.json",
	                                     "feed-2024-04-06.json", "feed-2024-11-20-raw.json" };
	static const char odd[] = "{\"rounds\": ["
	    "{\"drawNumber\": \"501\", \"drawDate\": \"2027-01-07\", \"drawName\": "
	    "\"General \\\"q\\\" \\\\ / \\u0001\\u001f\\b\\f\\n\\r\\t \\u00e9 \\u2028 \\ud83d\\ude00 x\","
	    " \"drawSize\": 4500, \"drawCRS\": true, \"drawText2\": null, \"dd1\": [1, false, {}],"
	    " \"dd2\": {\"a\\u007f\": []}},"
	    "{\"drawNumber\": \"502\", \"drawDate\": \"2027-01-08\", \"drawName\": \"General\","
	    " \"drawSize\": 4500.25, \"drawCRS\": \"500\"}]}";
	struct draw_list l = {0};
	struct strlist w = {0};
	struct err e = {0};
	size_t i, len;
	char *body;

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		parse_file(test_data(files[i]), &l, &w);
		ck_assert_uint_gt(l.n, 0);
		body = test_slurp(test_data(files[i]), &len);
		assert_raw_is_jansson_s(body, len, &l);
		free(body);
		draw_list_release(&l);
		strlist_release(&w);
	}
	ck_assert_int_eq(parse_text(odd, &l, &w, &e), 0);
	ck_assert_uint_eq(l.n, 2);
	assert_raw_is_jansson_s(odd, strlen(odd), &l);
	draw_list_release(&l);
	strlist_release(&w);
}
END_TEST

/* The body's records decide its language; the source's declared one
 * (lang, else its URL's name) decides only when they cannot tell, and a
 * body that contradicts it is refused. */
START_TEST(test_language_from_the_records_checked_against_the_source)
{
	static const char en[] = "{\"rounds\": [{\"drawNumber\": \"434\", \"drawDate\":"
		" \"2026-08-07\", \"drawDateFull\": \"August 7, 2026\", \"drawName\":"
		" \"Transport Occupations, 2026-Version 2\"}]}";
	static const char mute[] = "{\"rounds\": [{\"drawNumber\": \"434\", \"drawDate\":"
		" \"2026-08-07\", \"drawName\": \"STEM\"}]}";
	char *fr = french_record(" ");
	struct draw_list l = {0};
	struct strlist w = {0};
	struct err e = {0};

	ck_assert_str_eq(parse_lang_of_url("https://www.canada.ca/content/dam/ircc/documents/"
	                                   "json/ee_rounds_123_fr.json"), "fr");
	ck_assert_str_eq(parse_lang_of_url("https://x.example/ee_rounds_123_EN.json?x=1"), "en");
	ck_assert_str_eq(parse_lang_of_url("tests/data/feed_fr.json"), "fr");
	ck_assert_ptr_null(parse_lang_of_url("tests/data/feed-fr.json"));
	ck_assert_ptr_null(parse_lang_of_url("https://x.example/fr.json"));

	/* French records from a file named for nothing: French. */
	ck_assert_int_eq(parse_bytes(fr, strlen(fr), "feed.json", NULL, NULL, &l, &w, &e), 0);
	ck_assert_str_eq(l.v[0].name_fr, "Professions en transport, 2026-Version 2");
	ck_assert_ptr_null(l.v[0].name);
	draw_list_release(&l);
	/* English records: English, whatever the file is called ... */
	ck_assert_int_eq(parse_bytes(en, strlen(en), "feed.json", NULL, NULL, &l, &w, &e), 0);
	ck_assert_str_eq(l.v[0].name, "Transport Occupations, 2026-Version 2");
	ck_assert_ptr_null(l.v[0].name_fr);
	draw_list_release(&l);
	/* ... but a source declared French serving English is refused, as is
	 * the English URL serving French, with nothing parsed. */
	ck_assert_int_eq(parse_bytes(en, strlen(en), "https://x.example/ee_rounds_123_fr.json",
	                             NULL, NULL, &l, &w, &e), EX_DATAERR);
	ck_assert_msg(strstr(e.msg, "written in English") && strstr(e.msg, "declared French"),
	              "message: %s", e.msg);
	ck_assert_int_eq(parse_bytes(fr, strlen(fr), "https://x.example/ee_rounds_123_en.json",
	                             NULL, NULL, &l, &w, &e), EX_DATAERR);
	ck_assert_int_eq(parse_bytes(en, strlen(en), "feed.json", NULL, "fr", &l, &w, &e),
	                 EX_DATAERR);
	ck_assert_uint_eq(l.n, 0);
	/* lang = en over the URL's name */
	ck_assert_int_eq(parse_bytes(en, strlen(en), "https://x.example/ee_rounds_123_fr.json",
	                             NULL, "en", &l, &w, &e), 0);
	draw_list_release(&l);
	/* Records that cannot tell: the declared language, else English. */
	ck_assert_int_eq(parse_bytes(mute, strlen(mute), "x_fr.json", NULL, NULL, &l, &w, &e), 0);
	ck_assert_str_eq(l.v[0].name_fr, "STEM");
	draw_list_release(&l);
	ck_assert_int_eq(parse_bytes(mute, strlen(mute), "x.json", NULL, NULL, &l, &w, &e), 0);
	ck_assert_str_eq(l.v[0].name, "STEM");
	draw_list_release(&l);
	strlist_release(&w);
	free(fr);
}
END_TEST

START_TEST(test_sniffing_tells_json_from_pages)
{
	struct body b = {0};

	b.data = (char *)"\xef\xbb\xbf\r\n  {\"rounds\": []}";
	b.len = strlen(b.data);
	ck_assert_str_eq(parse_sniff(&b), "ircc-json");
	b.data = (char *)"<html><body>no</body></html>";
	b.len = strlen(b.data);
	ck_assert_str_eq(parse_sniff(&b), "article");
	b.data = (char *)" \r\n";
	b.len = strlen(b.data);
	ck_assert_ptr_null(parse_sniff(&b));
}
END_TEST

/* What drift says, from two shapes: only what changed, each key once;
 * "drawCRS" is not "drawCRSx" (a key is matched whole). */
START_TEST(test_ircc_shape_drift_names_what_changed)
{
	char keys[] = "dd1,drawCRS,drawNote";
	struct ircc_shape now = { keys, 3, "en" };
	struct strlist w = {0};

	ircc_shape_drift(NULL, -1, &now, &w);		/* the first body */
	ck_assert_uint_eq(w.n, 0);
	ircc_shape_drift("dd1,drawCRS,drawNote", 3, &now, &w);
	ck_assert_uint_eq(w.n, 0);
	ircc_shape_drift("dd1,drawCRSx,drawCutOff,drawNote", 4, &now, &w);
	ck_assert_uint_eq(w.n, 3);
	ck_assert_str_eq(w.v[0], "IRCC's records lost keys since the last body: drawCRSx,"
	                 " drawCutOff");
	ck_assert_str_eq(w.v[1], "IRCC's records gained keys since the last body: drawCRS");
	ck_assert_msg(strstr(w.v[2], "the round count dropped from 4 to 3"), "%s", w.v[2]);
	strlist_release(&w);
}
END_TEST

Suite *
ircc_suite(void)
{
	Suite *s = suite_create("ircc");
	TCase *tc = tcase_create("feed");

	tcase_set_timeout(tc, 30);
	tcase_add_test(tc, test_newest_feed_yields_every_expected_round);
	tcase_add_test(tc, test_newest_feed_keeps_raw_and_normalized_values);
	tcase_add_test(tc, test_raw_crlf_bodies_parse);
	tcase_add_test(tc, test_a_record_is_kept_as_jansson_writes_it);
	tcase_add_test(tc, test_ddmmyyyy_date_is_read_with_a_warning);
	tcase_add_test(tc, test_invalid_body_is_rejected_with_line_and_column);
	tcase_add_test(tc, test_body_without_rounds_is_rejected);
	tcase_add_test(tc, test_record_values_are_normalized);
	tcase_add_test(tc, test_unknown_name_is_stored_as_other_with_a_warning);
	tcase_add_test(tc, test_records_without_a_number_are_skipped_with_a_warning);
	tcase_add_test(tc, test_every_category_name_maps);
	tcase_add_test(tc, test_counts_accept_separators_and_refuse_text);
	tcase_add_test(tc, test_sniffing_tells_json_from_pages);
	tcase_add_test(tc, test_programs_in_either_language);
	tcase_add_test(tc, test_french_feed_gives_the_english_rounds_values);
	tcase_add_test(tc, test_cp1252_body_parses_as_the_utf8_one);
	tcase_add_test(tc, test_body_neither_utf8_nor_cp1252_is_refused);
	tcase_add_test(tc, test_french_counts_with_every_space);
	tcase_add_test(tc, test_language_from_the_records_checked_against_the_source);
	tcase_add_test(tc, test_ircc_shape_drift_names_what_changed);
	tcase_add_test(tc, test_values_out_of_range_are_kept_raw_with_a_warning);
	tcase_add_test(tc, test_wrongly_typed_values_are_kept_raw_with_a_warning);
	suite_add_tcase(s, tc);
	return s;
}
