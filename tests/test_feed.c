/* test_feed.c: RSS 2.0, RSS 1.0 and Atom feeds, from hand-made fixtures. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include "feed.h"
#include "testutil.h"

/* Parses text given inline as if fetched from url. */
static int
parse_text(const char *xml, const char *url, struct feed_items *out, struct strlist *warn,
           struct err *e)
{
	struct body b = {0};
	int rc;

	b.data = xstrdup(xml);
	b.len = strlen(xml);
	b.url = xstrdup(url);
	rc = feed_parse(&b, out, warn, e);
	body_release(&b);
	return rc;
}

/* Parses a fixture as if fetched from url; the test fails if it is rejected. */
static void
parse_fixture(const char *name, const char *url, struct feed_items *out, struct strlist *warn)
{
	struct body b = {0};
	struct err e = {0};
	int rc;

	b.data = test_slurp(test_data(name), &b.len);
	b.url = xstrdup(url);
	rc = feed_parse(&b, out, warn, &e);
	ck_assert_msg(rc == 0, "%s rejected: %s", name, e.msg);
	body_release(&b);
}

static void
check_item(const struct feed_item *it, const char *title, const char *link, const char *id,
           const char *published, const char *summary)
{
	ck_assert_pstr_eq(it->title, title);
	ck_assert_pstr_eq(it->link, link);
	ck_assert_pstr_eq(it->id, id);
	ck_assert_str_eq(it->published, published);
	ck_assert_pstr_eq(it->summary, summary);
}

static void
check_no_warnings(const struct strlist *w)
{
	size_t i;

	for (i = 0; i < w->n; i++)
		ck_abort_msg("unexpected warning: %s", w->v[i]);
}

/* One RSS item with the given pubDate; its published time, "" when unread,
 * and how many warnings it gave. */
static void
rss_date(const char *date, char out[21], size_t *warnings)
{
	char *xml = xasprintf("<rss version=\"2.0\"><channel><item><title>t</title>"
	                      "<link>https://news.example/a</link><pubDate>%s</pubDate>"
	                      "</item></channel></rss>", date);
	struct feed_items l = {0};
	struct strlist w = {0};
	struct err e = {0};

	ck_assert_msg(parse_text(xml, "https://news.example/rss", &l, &w, &e) == 0, "%s", e.msg);
	ck_assert_uint_eq(l.n, 1);
	memcpy(out, l.v[0].published, 21);
	*warnings = w.n;
	if (w.n)
		ck_assert_msg(strstr(w.v[0], "pubDate") && strstr(w.v[0], date), "warning: %s",
		              w.v[0]);
	free(xml);
	strlist_release(&w);
	feed_items_release(&l);
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

START_TEST(test_rss_items_are_read)
{
	struct feed_items l = {0};
	struct strlist w = {0};

	parse_fixture("feed-rss.xml", "https://news.example/feeds/immigration.xml", &l, &w);
	check_no_warnings(&w);
	ck_assert_uint_eq(l.n, 5);
	check_item(&l.v[0], "Express Entry draw #9301 invites 2,750 candidates with CRS 478",
	           "https://news.example/immigration/2026/05/express-entry-draw-9301",
	           "maple-ledger-9301", "2026-05-06T14:30:00Z",
	           "Round #9301 invited 2,750 candidates. Lowest CRS score: 478.");
	check_item(&l.v[1], "Tulip festival opens along the canal",
	           "https://news.example/city/tulips-open", "https://news.example/city/tulips-open",
	           "2026-05-07T13:15:00Z", "Forty beds in bloom, and a new footbridge.");
	/* CDATA with markup, then text with a character reference and &amp;. */
	check_item(&l.v[2],
	           "Q&A: what the tie-break rule means for applicants\xe2\x80\x99 profiles & scores",
	           "https://news.example/immigration/tie-break-qa", "maple-ledger-qa-17",
	           "2026-05-08T22:00:00Z",
	           "Two profiles with the same score are ranked by the date & time they were "
	           "submitted. Earlier first Then later");
	/* A relative link, padded, with &amp; in its query; dc:date; empty
	 * description. */
	check_item(&l.v[3], "How the Comprehensive Ranking System adds up",
	           "https://news.example/immigration/guide?topic=crs&lang=en", NULL,
	           "2026-05-10T07:05:09Z", NULL);
	/* No link: the guid is the permalink. */
	check_item(&l.v[4], "Weekend weather: showers, then sun",
	           "https://news.example/weather/2026-05-09", "https://news.example/weather/2026-05-09",
	           "2026-05-09T06:45:00Z", NULL);
	strlist_release(&w);
	feed_items_release(&l);
	ck_assert_ptr_null(l.v);
	ck_assert_uint_eq(l.n, 0);
}
END_TEST

START_TEST(test_atom_entries_are_read)
{
	struct feed_items l = {0};
	struct strlist w = {0};

	parse_fixture("feed-atom.xml", "https://blog.example/ee/feed.atom", &l, &w);
	ck_assert_uint_eq(l.n, 3);
	/* rel="alternate" over rel="edit" and rel="self"; published over updated. */
	check_item(&l.v[0], "Round 9302 & the cut-off",
	           "https://blog.example/ee/2026/05/round-9302.html",
	           "tag:blog.example,2026:round-9302", "2026-05-13T14:20:30Z",
	           "Invitations: 2,500 Cut-off: 481");
	/* The entry's own xml:base; a rel-less link over a PDF alternate;
	 * updated only, with fractional seconds; XHTML content. */
	check_item(&l.v[1], "Five profile tips", "https://mirror.example/posts/tips.html",
	           "tag:blog.example,2026:tips", "2026-05-15T08:09:10Z",
	           "Keep your profile current. Update it when your scores change.");
	/* "../" against the feed's xml:base; a text summary keeps its '<'. */
	check_item(&l.v[2], "Archive: older rounds",
	           "https://blog.example/archive/old%20rounds.html", "tag:blog.example,2026:archive",
	           "2026-05-16T18:29:59Z", "Plain <not a tag> text & more");
	ck_assert_uint_eq(w.n, 1);
	ck_assert_str_eq(w.v[0], "item 4 \"Draft only\": no link; skipped");
	strlist_release(&w);
	feed_items_release(&l);
}
END_TEST

START_TEST(test_rdf_items_are_read)
{
	struct feed_items l = {0};
	struct strlist w = {0};

	parse_fixture("feed-rdf.xml", "https://rdf.example/feeds/index.rdf", &l, &w);
	check_no_warnings(&w);
	ck_assert_uint_eq(l.n, 2);
	/* ISO-8859-1 in, UTF-8 out. */
	check_item(&l.v[0], "Caf\xc3\xa9 hours change for the long weekend",
	           "https://rdf.example/notes/1", "https://rdf.example/notes/1",
	           "2026-05-20T10:00:00Z", "Open later on Monday.");
	check_item(&l.v[1], "Express Entry round 9303", "https://rdf.example/feeds/notes/2",
	           "https://rdf.example/notes/2", "2026-05-21T00:00:00Z", NULL);
	strlist_release(&w);
	feed_items_release(&l);
}
END_TEST

START_TEST(test_items_are_appended_in_document_order)
{
	struct feed_items l = {0};
	struct strlist w = {0};

	parse_fixture("feed-rdf.xml", "https://rdf.example/feeds/index.rdf", &l, &w);
	parse_fixture("feed-rss.xml", "https://news.example/feeds/immigration.xml", &l, &w);
	parse_fixture("feed-atom.xml", "https://blog.example/ee/feed.atom", &l, &w);
	ck_assert_uint_eq(l.n, 2 + 5 + 3);
	ck_assert_uint_eq(w.n, 1);
	ck_assert_str_eq(l.v[0].link, "https://rdf.example/notes/1");
	ck_assert_str_eq(l.v[2].id, "maple-ledger-9301");
	ck_assert_str_eq(l.v[6].published, "2026-05-09T06:45:00Z");
	ck_assert_str_eq(l.v[9].title, "Archive: older rounds");
	strlist_release(&w);
	feed_items_release(&l);
}
END_TEST

START_TEST(test_invalid_xml_is_rejected_with_url_and_line)
{
	static const char broken[] =
		"<?xml version=\"1.0\"?>\n"
		"<rss version=\"2.0\">\n"
		"<channel>\n"
		"<item><title>Broken</item>\n"
		"</channel>\n"
		"</rss>\n";
	struct feed_items l = {0};
	struct strlist w = {0};
	struct err e = {0};

	ck_assert_int_eq(parse_text(broken, "https://news.example/broken.xml", &l, &w, &e),
	                 EX_DATAERR);
	ck_assert_int_eq(e.code, EX_DATAERR);
	ck_assert_msg(strstr(e.msg, "https://news.example/broken.xml") &&
	              strstr(e.msg, "not well-formed XML") && strstr(e.msg, "line 4:") &&
	              strstr(e.msg, "mismatch") && !strchr(e.msg, '\n'), "message: %s", e.msg);
	ck_assert_uint_eq(l.n, 0);
	ck_assert_uint_eq(w.n, 0);

	/* Truncated; and empty. */
	ck_assert_int_eq(parse_text("<rss><channel><item><title>Cut",
	                            "https://news.example/cut.xml", &l, &w, &e), EX_DATAERR);
	ck_assert_msg(strstr(e.msg, "https://news.example/cut.xml") && strstr(e.msg, "line 1"),
	              "message: %s", e.msg);
	/* Not UTF-8 though it says so: libxml2's two-line message on one line. */
	ck_assert_int_eq(parse_text("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<rss><channel>"
	                            "<item><title>caf\xe9</title></item></channel></rss>",
	                            "https://news.example/latin1.xml", &l, &w, &e), EX_DATAERR);
	ck_assert_msg(strstr(e.msg, "https://news.example/latin1.xml: not well-formed XML: "
	                     "line 2: Input is not proper UTF-8") && !strchr(e.msg, '\n'),
	              "message: %s", e.msg);
	ck_assert_int_eq(parse_text("", "https://news.example/empty.xml", &l, &w, &e),
	                 EX_DATAERR);
	ck_assert_msg(strstr(e.msg, "https://news.example/empty.xml") && strstr(e.msg, "empty"),
	              "message: %s", e.msg);
	ck_assert_uint_eq(l.n, 0);
}
END_TEST

START_TEST(test_other_documents_are_neither_rss_nor_atom)
{
	static const struct {
		const char *body, *expect;
	} cases[] = {
		{ "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>News</title></head>\n"
		  "<body><p>Express Entry<br>draw</p></body></html>\n", "not well-formed XML: line" },
		{ "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head>"
		  "<title>News</title></head><body><p>Hi</p></body></html>\n",
		  "the root element is <html> in namespace http://www.w3.org/1999/xhtml" },
		{ "<note><to>you</to></note>", "the root element is <note>" },
		{ "<feed xmlns=\"http://purl.org/atom/ns#\"><entry/></feed>", "<feed> in namespace" },
		{ "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">"
		  "<rdf:Description rdf:about=\"https://x.example/\"/></rdf:RDF>", "RDF without" },
		{ "{\"rounds\": []}", "not well-formed XML: line 1" },
	};
	struct feed_items l = {0};
	struct strlist w = {0};
	struct err e;
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		memset(&e, 0, sizeof(e));
		ck_assert_int_eq(parse_text(cases[i].body, "https://news.example/page", &l, &w, &e),
		                 EX_DATAERR);
		ck_assert_msg(strstr(e.msg, "https://news.example/page: neither RSS nor Atom") &&
		              strstr(e.msg, cases[i].expect), "case %zu: %s", i, e.msg);
	}
	ck_assert_uint_eq(l.n, 0);
	ck_assert_uint_eq(w.n, 0);
}
END_TEST

START_TEST(test_items_without_a_usable_link_are_skipped_with_a_warning)
{
	static const char xml[] =
		"<rss version=\"2.0\"><channel>\n"
		"<item><title>No link here</title><description>x</description></item>\n"
		"<item><title>Script</title><link>javascript:void(0)</link></item>\n"
		"<item><title>Not a permalink</title>"
		"<guid isPermaLink=\"false\">https://news.example/p/1</guid></item>\n"
		"<item><link>  </link></item>\n"
		"<item><title>Kept</title><link>https://news.example/kept</link></item>\n"
		"<item><title>Sloppy</title><link>https://news.example/100%sure caf\xc3\xa9?q=a|b"
		"</link></item>\n"
		"</channel></rss>\n";
	static const char relative[] =
		"<rss><channel><item><title>Relative</title><link>story.html</link></item>"
		"</channel></rss>";
	struct feed_items l = {0};
	struct strlist w = {0};
	struct err e = {0};

	ck_assert_int_eq(parse_text(xml, "https://news.example/rss", &l, &w, &e), 0);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_str_eq(l.v[0].title, "Kept");
	/* What xmlBuildURI refuses is percent-encoded, not dropped. */
	ck_assert_str_eq(l.v[1].link, "https://news.example/100%25sure%20caf%C3%A9?q=a%7Cb");
	ck_assert_uint_eq(w.n, 4);
	ck_assert_str_eq(w.v[0], "item 1 \"No link here\": no link; skipped");
	ck_assert_str_eq(w.v[1], "item 2 \"Script\": link 'javascript:void(0)' is not an "
	                 "absolute http(s) URL; skipped");
	ck_assert_str_eq(w.v[2], "item 3 \"Not a permalink\": no link; skipped");
	ck_assert_str_eq(w.v[3], "item 4: no link; skipped");

	/* A relative link in a feed read from a file has nothing to resolve against. */
	ck_assert_int_eq(parse_text(relative, "tests/data/some-feed.xml", &l, &w, &e), 0);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_uint_eq(w.n, 5);
	ck_assert_str_eq(w.v[4], "item 1 \"Relative\": link 'story.html' is not an absolute "
	                 "http(s) URL; skipped");
	strlist_release(&w);
	feed_items_release(&l);
}
END_TEST

START_TEST(test_rss_dates_in_every_zone)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "Wed, 06 May 2026 14:30:00 GMT", "2026-05-06T14:30:00Z" },
		{ "Wed, 06 May 2026 14:30:00 UT", "2026-05-06T14:30:00Z" },
		{ "Wed, 06 May 2026 14:30:00 UTC", "2026-05-06T14:30:00Z" },
		{ "Wed, 06 May 2026 14:30:00 Z", "2026-05-06T14:30:00Z" },
		{ "Wed, 06 May 2026 14:30:00 +0000", "2026-05-06T14:30:00Z" },
		{ "Wed, 06 May 2026 10:30:00 -0400", "2026-05-06T14:30:00Z" },
		{ "Wed, 06 May 2026 10:30:00 EDT", "2026-05-06T14:30:00Z" },
		{ "Wed, 06 May 2026 09:30:00 EST", "2026-05-06T14:30:00Z" },
		{ "Wed, 06 May 2026 09:30:00 CDT", "2026-05-06T14:30:00Z" },
		{ "Wed, 06 May 2026 08:30:00 CST", "2026-05-06T14:30:00Z" },
		{ "Wed, 06 May 2026 08:30:00 MDT", "2026-05-06T14:30:00Z" },
		{ "Wed, 06 May 2026 07:30:00 MST", "2026-05-06T14:30:00Z" },
		{ "Wed, 06 May 2026 07:30:00 PDT", "2026-05-06T14:30:00Z" },
		{ "Wed, 06 May 2026 06:30:00 PST", "2026-05-06T14:30:00Z" },
		{ "Wed, 06 May 2026 20:00:00 +0530", "2026-05-06T14:30:00Z" },
		{ "06 May 2026 14:30 GMT", "2026-05-06T14:30:00Z" },
		{ "wed, 6 may 26 14:30:00 gmt", "2026-05-06T14:30:00Z" },
		{ "Sat, 01 Jan 00 00:00:00 +0000", "2000-01-01T00:00:00Z" },
		{ "Thu, 31 Dec 2026 23:30:00 -0130", "2027-01-01T01:00:00Z" },
		{ "Mon, 01 Jan 2024 02:00:00 +0530", "2023-12-31T20:30:00Z" },
		{ "Thu, 29 Feb 2024 12:00:00 GMT", "2024-02-29T12:00:00Z" },
		{ "Tuesday, 05 June 2026 14:30:00 GMT", "2026-06-05T14:30:00Z" },
		{ "2026-05-06T10:30:00-04:00", "2026-05-06T14:30:00Z" },
		{ "Sat, 28 Feb 2026 12:00:00 GMT", "2026-02-28T12:00:00Z" },
		{ "Sun, 29 Feb 2026 12:00:00 GMT", "" },
		{ "Wed, 06 May 2026 24:00:00 GMT", "" },
		{ "Wed, 06 May 2026 14:30:00 XYZ", "" },
		{ "Wed, 06 Mai 2026 14:30:00 GMT", "" },
		{ "Wed, 06 May 202 14:30:00 GMT", "" },
		{ "Wed, 06 May 2026 14:30:00 +04000", "" },
		{ "next Tuesday", "" },
	};
	char out[21];
	size_t i, warnings;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		rss_date(cases[i].in, out, &warnings);
		ck_assert_msg(strcmp(out, cases[i].out) == 0, "'%s' -> '%s', expected '%s'",
		              cases[i].in, out, cases[i].out);
		ck_assert_msg(warnings == (cases[i].out[0] ? 0u : 1u), "'%s': %zu warnings",
		              cases[i].in, warnings);
	}
}
END_TEST

START_TEST(test_atom_dates_and_their_fallback)
{
	static const struct {
		const char *published, *updated, *out;
		size_t warnings;
	} cases[] = {
		{ "2026-05-13T10:20:30Z", NULL, "2026-05-13T10:20:30Z", 0 },
		{ "2026-05-13T10:20:30.999Z", NULL, "2026-05-13T10:20:30Z", 0 },
		{ "2026-05-13t10:20:30z", NULL, "2026-05-13T10:20:30Z", 0 },
		{ "2026-05-13 10:20:30Z", NULL, "2026-05-13T10:20:30Z", 0 },
		{ "2026-05-13T10:20:30+05:30", NULL, "2026-05-13T04:50:30Z", 0 },
		{ "2026-05-13T10:20:30.5-04:00", NULL, "2026-05-13T14:20:30Z", 0 },
		{ "2026-05-13T00:20:30+01:00", NULL, "2026-05-12T23:20:30Z", 0 },
		{ "2026-05-13T10:20Z", NULL, "2026-05-13T10:20:00Z", 0 },
		{ NULL, "2026-05-14T01:02:03Z", "2026-05-14T01:02:03Z", 0 },
		{ "2026-05-13T10:20:30Z", "2026-05-14T01:02:03Z", "2026-05-13T10:20:30Z", 0 },
		{ "2026-13-01T00:00:00Z", "2026-05-14T01:02:03Z", "2026-05-14T01:02:03Z", 0 },
		{ "2026-13-01T00:00:00Z", NULL, "", 1 },
		{ "2026-05-13T10:20:30+25:00", NULL, "", 1 },
		{ "2026-05-13T10:20:30Zjunk", NULL, "", 1 },
		{ "2026-05-13T10:20:30.Z", NULL, "", 1 },
		{ "May 13, 2026", "later", "", 1 },
		{ NULL, NULL, "", 0 },
	};
	struct feed_items l = {0};
	struct strlist w = {0};
	struct err e = {0};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *p = cases[i].published ?
		          xasprintf("<published>%s</published>", cases[i].published) : xstrdup("");
		char *u = cases[i].updated ?
		          xasprintf("<updated>%s</updated>", cases[i].updated) : xstrdup("");
		char *xml = xasprintf("<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>"
		                      "<title>t</title><link href=\"/a\"/>%s%s</entry></feed>", p, u);

		ck_assert_int_eq(parse_text(xml, "https://blog.example/atom", &l, &w, &e), 0);
		ck_assert_uint_eq(l.n, 1);
		ck_assert_str_eq(l.v[0].link, "https://blog.example/a");
		ck_assert_msg(strcmp(l.v[0].published, cases[i].out) == 0,
		              "case %zu: '%s' -> '%s', expected '%s'", i,
		              cases[i].published ? cases[i].published : "", l.v[0].published,
		              cases[i].out);
		ck_assert_msg(w.n == cases[i].warnings, "case %zu: %zu warnings", i, w.n);
		if (w.n)
			ck_assert_msg(strstr(w.v[0], "published") && strstr(w.v[0], "is not a date"),
			              "warning: %s", w.v[0]);
		strlist_release(&w);
		feed_items_release(&l);
		free(xml);
		free(u);
		free(p);
	}
}
END_TEST

START_TEST(test_entity_bombs_do_not_expand)
{
	static const char laughs[] =
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE rss [\n"
		" <!ENTITY lol \"lol\">\n"
		" <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
		" <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
		" <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
		" <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
		" <!ENTITY lol5 \"&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;\">\n"
		" <!ENTITY lol6 \"&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;\">\n"
		" <!ENTITY lol7 \"&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;\">\n"
		" <!ENTITY lol8 \"&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;\">\n"
		" <!ENTITY lol9 \"&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;\">\n"
		"]>\n"
		"<rss version=\"2.0\"><channel><item><title>&lol9;</title>"
		"<link>https://news.example/lol</link><description>&lol9;</description>"
		"</item></channel></rss>\n";
	struct feed_items l = {0};
	struct strlist w = {0};
	struct err e = {0};
	struct buf b = {0};
	double t0 = now();
	size_t i;
	int rc;

	/* A billion laughs (3 GB expanded): refused, or left unexpanded. */
	rc = parse_text(laughs, "https://news.example/lol.xml", &l, &w, &e);
	if (rc) {
		ck_assert_int_eq(rc, EX_DATAERR);
		ck_assert_ptr_nonnull(strstr(e.msg, "https://news.example/lol.xml"));
		ck_assert_uint_eq(l.n, 0);
	} else {
		ck_assert_uint_eq(l.n, 1);
		ck_assert_msg(!l.v[0].title || strlen(l.v[0].title) <= 2 * 1024 * 1024,
		              "title of %zu bytes", strlen(l.v[0].title));
	}
	feed_items_release(&l);
	strlist_release(&w);

	/* Quadratic blow-up: one 10 kB entity 10,000 times (100 MB expanded),
	 * which the parser lets through: over the feed's budget, refused. */
	buf_adds(&b, "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY big \"");
	for (i = 0; i < 10000; i++)
		buf_add(&b, "x", 1);
	buf_adds(&b, "\">]>\n<rss><channel><item><link>https://news.example/q</link><title>");
	for (i = 0; i < 10000; i++)
		buf_adds(&b, "&big;");
	buf_adds(&b, "</title></item></channel></rss>\n");
	rc = parse_text(b.data, "https://news.example/quadratic.xml", &l, &w, &e);
	ck_assert_int_eq(rc, EX_DATAERR);
	ck_assert_str_eq(e.msg, "https://news.example/quadratic.xml: refused: its entities "
	                 "expand to more than 1048576 bytes of text, the most a whole feed may "
	                 "use (an entity bomb?); if the feed is genuine, its publisher should "
	                 "drop them");
	ck_assert_uint_eq(l.n, 0);
	ck_assert_uint_eq(w.n, 0);
	buf_release(&b);
	feed_items_release(&l);
	strlist_release(&w);

	/* Nodes without text: 50 x 50 x 50 empty elements, which cost time
	 * if not memory: over the budget too. */
	buf_adds(&b, "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY a \"");
	for (i = 0; i < 50; i++)
		buf_adds(&b, "<i/>");
	buf_adds(&b, "\"><!ENTITY b \"");
	for (i = 0; i < 50; i++)
		buf_adds(&b, "&a;");
	buf_adds(&b, "\">]>\n<rss><channel><item><link>https://news.example/n</link><title>x");
	for (i = 0; i < 50; i++)
		buf_adds(&b, "&b;");
	buf_adds(&b, "y</title></item></channel></rss>\n");
	rc = parse_text(b.data, "https://news.example/nodes.xml", &l, &w, &e);
	ck_assert_int_eq(rc, EX_DATAERR);
	ck_assert_ptr_nonnull(strstr(e.msg, "https://news.example/nodes.xml: refused: its "
	                             "entities expand to more than 100000 nodes"));
	ck_assert_uint_eq(l.n, 0);
	buf_release(&b);
	feed_items_release(&l);
	strlist_release(&w);

	/* Entities nested deeper than any feed needs (ten levels). */
	buf_adds(&b, "<!DOCTYPE rss [<!ENTITY e0 \"deep\">");
	for (i = 1; i <= 10; i++)
		buf_addf(&b, "<!ENTITY e%zu \"&e%zu;\">", i, i - 1);
	buf_adds(&b, "]><rss><channel><item><link>https://news.example/d</link>"
	         "<title>&e3;, &e10;</title></item></channel></rss>");
	ck_assert_int_eq(parse_text(b.data, "https://news.example/deep.xml", &l, &w, &e), 0);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_pstr_eq(l.v[0].title, "deep,");
	ck_assert_uint_eq(w.n, 1);
	ck_assert_ptr_nonnull(strstr(w.v[0], "entity expansion stopped"));

	ck_assert_msg(now() - t0 < 10.0, "took %.1f s", now() - t0);
	buf_release(&b);
	feed_items_release(&l);
	strlist_release(&w);
}
END_TEST

/* An RSS feed of nitems items, each with a title naming the entity e (of
 * elen bytes) refs times; one item first without entities. */
static char *
entity_feed(size_t elen, size_t nitems, size_t refs)
{
	struct buf b = {0};
	size_t i, k;

	buf_adds(&b, "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY e \"");
	for (i = 0; i < elen; i++)
		buf_add(&b, "x", 1);
	buf_adds(&b, "\">]>\n<rss version=\"2.0\"><channel><item><title>plain</title>"
	         "<link>https://news.example/0</link></item>\n");
	for (i = 1; i <= nitems; i++) {
		buf_addf(&b, "<item><link>https://news.example/%zu</link><title>", i);
		for (k = 0; k < refs; k++)
			buf_adds(&b, "&e;");
		buf_adds(&b, "</title></item>\n");
	}
	buf_adds(&b, "</channel></rss>\n");
	return buf_detach(&b, NULL);
}

START_TEST(test_the_entity_budget_is_the_whole_feeds)
{
	struct feed_items l = {0};
	struct strlist w = {0};
	struct err e = {0};
	char *xml;

	/* 1,000,000 bytes from entities in all, in four items: under the
	 * budget of 1 MiB, read whole. */
	xml = entity_feed(50000, 4, 5);
	ck_assert_msg(parse_text(xml, "https://news.example/under.xml", &l, &w, &e) == 0, "%s",
	              e.msg);
	free(xml);
	ck_assert_uint_eq(l.n, 5);
	ck_assert_uint_eq(strlen(l.v[4].title), 250000);
	check_no_warnings(&w);

	/* 1,100,000 bytes, no title above a quarter of it: refused whole,
	 * what *out and *warn held before kept as it was. */
	xml = entity_feed(50000, 22, 1);
	ck_assert_int_eq(parse_text(xml, "https://news.example/over.xml", &l, &w, &e),
	                 EX_DATAERR);
	free(xml);
	ck_assert_ptr_nonnull(strstr(e.msg, "https://news.example/over.xml: refused: its "
	                             "entities expand to more than 1048576 bytes of text"));
	ck_assert_uint_eq(l.n, 5);
	ck_assert_str_eq(l.v[0].title, "plain");
	check_no_warnings(&w);

	/* Gigabytes once expanded: a 100 kB entity ten times in each of a
	 * thousand titles (200 kB of body), refused without the gigabytes. */
	xml = entity_feed(100000, 1000, 10);
	ck_assert_int_eq(parse_text(xml, "https://news.example/bomb.xml", &l, &w, &e),
	                 EX_DATAERR);
	free(xml);
	ck_assert_uint_eq(l.n, 5);
	feed_items_release(&l);
	strlist_release(&w);
}
END_TEST

START_TEST(test_xml_base_cannot_multiply_a_feeds_text)
{
	struct feed_items l = {0};
	struct strlist w = {0};
	struct err e = {0};
	struct buf b = {0};
	size_t i;

	/* A 100 kB xml:base under which each of 10,000 short relative links
	 * resolves to 100 kB: a 400 kB body whose items would hold 1 GB. */
	buf_adds(&b, "<rss version=\"2.0\" xml:base=\"https://news.example/");
	for (i = 0; i < 100000; i++)
		buf_add(&b, "a", 1);
	buf_adds(&b, "/\"><channel>\n");
	for (i = 0; i < 10000; i++)
		buf_adds(&b, "<item><link>x</link></item>\n");
	buf_adds(&b, "</channel></rss>\n");
	ck_assert_int_eq(parse_text(b.data, "https://news.example/base.xml", &l, &w, &e),
	                 EX_DATAERR);
	ck_assert_msg(strstr(e.msg, "https://news.example/base.xml: refused: its items hold "
	                     "more than ") == e.msg && strstr(e.msg, "xml:base"), "%s", e.msg);
	ck_assert_uint_eq(l.n, 0);
	ck_assert_uint_eq(w.n, 0);
	buf_release(&b);

	/* A short base, as feeds have, is no trouble however many items. */
	buf_adds(&b, "<rss version=\"2.0\" xml:base=\"https://news.example/a/long/path/to/"
	         "the/news/section/of/the/site/\"><channel>\n");
	for (i = 0; i < 10000; i++)
		buf_adds(&b, "<item><link>x</link></item>\n");
	buf_adds(&b, "</channel></rss>\n");
	ck_assert_int_eq(parse_text(b.data, "https://news.example/base.xml", &l, &w, &e), 0);
	ck_assert_uint_eq(l.n, 10000);
	ck_assert_str_eq(l.v[9999].link, "https://news.example/a/long/path/to/the/news/section/"
	                 "of/the/site/x");
	buf_release(&b);
	feed_items_release(&l);
	strlist_release(&w);
}
END_TEST

START_TEST(test_an_item_over_its_budget_refuses_the_feed)
{
	struct feed_items l = {0};
	struct strlist w = {0};
	struct err e = {0};
	struct buf b = {0};
	size_t i;

	/* A 1 MiB description, no entity in it. */
	buf_adds(&b, "<rss version=\"2.0\"><channel><item><link>https://news.example/1</link>"
	         "</item><item><link>https://news.example/2</link><description>");
	for (i = 0; i < 1024 * 1024; i++)
		buf_add(&b, "y", 1);
	buf_adds(&b, "</description></item></channel></rss>\n");
	ck_assert_int_eq(parse_text(b.data, "https://news.example/big.xml", &l, &w, &e),
	                 EX_DATAERR);
	ck_assert_str_eq(e.msg, "https://news.example/big.xml: refused: item 2 holds more than "
	                 "1048576 bytes of text, the most one item may hold");
	ck_assert_uint_eq(l.n, 0);
	buf_release(&b);
	feed_items_release(&l);
	strlist_release(&w);
}
END_TEST

/* A feed declaring the entity e, elen bytes of "x", around body. */
static char *
with_entity(size_t elen, const char *root, const char *body)
{
	struct buf b = {0};
	size_t i;

	buf_addf(&b, "<?xml version=\"1.0\"?>\n<!DOCTYPE %s [<!ENTITY e \"", root);
	for (i = 0; i < elen; i++)
		buf_add(&b, "x", 1);
	buf_addf(&b, "\"><!ENTITY site \"https://news.example/\">]>\n%s", body);
	return buf_detach(&b, NULL);
}

START_TEST(test_entities_in_attributes_are_within_the_budget)
{
	struct feed_items l = {0};
	struct strlist w = {0};
	struct err e = {0};
	struct buf b = {0};
	char *xml;
	size_t i;

	/* Named in an attribute, an entity is expanded too: a link. */
	xml = with_entity(1, "feed", "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry>"
	                  "<link href=\"&site;a\"/></entry></feed>");
	ck_assert_msg(parse_text(xml, "https://news.example/a.xml", &l, &w, &e) == 0, "%s",
	              e.msg);
	free(xml);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_str_eq(l.v[0].link, "https://news.example/a");

	/* An Atom link of 200 times a 100 kB entity: 20 MB in one href. */
	buf_adds(&b, "<feed xmlns=\"http://www.w3.org/2005/Atom\"><entry><link href=\"&site;");
	for (i = 0; i < 200; i++)
		buf_adds(&b, "&e;");
	buf_adds(&b, "\"/></entry></feed>");
	xml = with_entity(100000, "feed", b.data);
	buf_release(&b);
	ck_assert_int_eq(parse_text(xml, "https://news.example/href.xml", &l, &w, &e),
	                 EX_DATAERR);
	free(xml);
	ck_assert_ptr_nonnull(strstr(e.msg, "https://news.example/href.xml: refused: its "
	                             "entities expand to more than 1048576 bytes"));

	/* An xml:base of 50 kB read again for each of 30 items. */
	buf_adds(&b, "<rss version=\"2.0\" xml:base=\"&site;&e;/\"><channel>");
	for (i = 0; i < 30; i++)
		buf_adds(&b, "<item><link>a</link></item>");
	buf_adds(&b, "</channel></rss>");
	xml = with_entity(50000, "rss", b.data);
	buf_release(&b);
	ck_assert_int_eq(parse_text(xml, "https://news.example/base.xml", &l, &w, &e),
	                 EX_DATAERR);
	free(xml);
	ck_assert_ptr_nonnull(strstr(e.msg, "https://news.example/base.xml: refused: its "
	                             "entities expand to more than 1048576 bytes"));

	/* RSS 1.0's rdf:about, 20 times the entity in each of 30 items. */
	buf_adds(&b, "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
	         "xmlns=\"http://purl.org/rss/1.0/\"><channel rdf:about=\"x\"/>");
	for (i = 0; i < 30; i++)
		buf_addf(&b, "<item rdf:about=\"&site;&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"
		         "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><link>https://news.example/%zu</link>"
		         "</item>", i);
	buf_adds(&b, "</rdf:RDF>");
	xml = with_entity(2000, "rdf:RDF", b.data);
	buf_release(&b);
	ck_assert_int_eq(parse_text(xml, "https://news.example/rdf.xml", &l, &w, &e),
	                 EX_DATAERR);
	free(xml);
	ck_assert_ptr_nonnull(strstr(e.msg, "https://news.example/rdf.xml: refused: its "
	                             "entities expand to more than 1048576 bytes"));
	ck_assert_uint_eq(l.n, 1);
	feed_items_release(&l);
	strlist_release(&w);
}
END_TEST

START_TEST(test_external_entities_are_never_read)
{
	struct feed_items l = {0};
	struct strlist w = {0};
	struct err e = {0};
	char *dir = test_tmpdir(), *secret = xasprintf("%s/secret.txt", dir), *xml;
	char *dtd = xasprintf("%s/evil.dtd", dir);
	FILE *f = fopen(secret, "w");

	ck_assert_ptr_nonnull(f);
	fputs("SECRET-7f3a", f);
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_ptr_nonnull(f = fopen(dtd, "w"));
	fputs("<!ENTITY leak \"SECRET-dtd\">\n", f);
	ck_assert_int_eq(fclose(f), 0);
	xml = xasprintf("<?xml version=\"1.0\"?>\n"
	                "<!DOCTYPE rss [<!ENTITY xxe SYSTEM \"file://%s\">"
	                "<!ENTITY body SYSTEM \"%s\">]>\n"
	                "<rss><channel><item><title>a&xxe;b</title>"
	                "<link>https://news.example/x</link><description>c&body;d</description>"
	                "</item></channel></rss>\n", secret, secret);
	ck_assert_int_eq(parse_text(xml, "https://news.example/xxe.xml", &l, &w, &e), 0);
	ck_assert_uint_eq(l.n, 1);
	ck_assert_str_eq(l.v[0].title, "ab");
	ck_assert_str_eq(l.v[0].summary, "cd");
	free(xml);

	/* An external DTD is not read either. */
	xml = xasprintf("<?xml version=\"1.0\"?>\n<!DOCTYPE rss SYSTEM \"file://%s\">\n"
	                "<rss><channel><item><title>a&leak;b</title>"
	                "<link>https://news.example/y</link></item></channel></rss>\n", dtd);
	ck_assert_msg(parse_text(xml, "https://news.example/dtd.xml", &l, &w, &e) == 0, "%s",
	              e.msg);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_str_eq(l.v[1].title, "ab");
	feed_items_release(&l);
	strlist_release(&w);
	free(xml);
	free(dtd);
	free(secret);
	test_rmtree(dir);
	free(dir);
}
END_TEST

START_TEST(test_declared_and_html_entities_are_decoded)
{
	/* Internal entities are expanded; RSS 0.91's DTD is never fetched, but
	 * the HTML names it declares are known. */
	static const char internal[] =
		"<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE rss [<!ENTITY dept \"Immigration, Refugees &amp; Citizenship\">"
		"<!ENTITY ee \"Express&#160;Entry\">]>\n"
		"<rss><channel><item><title>&ee; news from &dept;</title>"
		"<link>https://news.example/e</link></item></channel></rss>\n";
	static const char netscape[] =
		"<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n"
		"<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\"\n"
		" \"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n"
		"<rss version=\"0.91\"><channel><item><title>Caf&eacute; &amp; cr&egrave;me"
		"&nbsp;br&ucirc;l&eacute;e</title><link>https://news.example/c</link>"
		"</item></channel></rss>\n";
	struct feed_items l = {0};
	struct strlist w = {0};
	struct err e = {0};

	ck_assert_msg(parse_text(internal, "https://news.example/i.xml", &l, &w, &e) == 0,
	              "%s", e.msg);
	ck_assert_msg(parse_text(netscape, "https://news.example/n.xml", &l, &w, &e) == 0,
	              "%s", e.msg);
	ck_assert_uint_eq(l.n, 2);
	ck_assert_str_eq(l.v[0].title,
	                 "Express\xc2\xa0" "Entry news from Immigration, Refugees & Citizenship");
	ck_assert_str_eq(l.v[1].title, "Caf\xc3\xa9 & cr\xc3\xa8me\xc2\xa0" "br\xc3\xbbl\xc3\xa9" "e");
	check_no_warnings(&w);
	feed_items_release(&l);
	strlist_release(&w);
}
END_TEST

START_TEST(test_sniff_tells_feeds_from_other_bodies)
{
	static const char *const feeds[] = { "feed-rss.xml", "feed-atom.xml", "feed-rdf.xml" };
	static const char *const yes[] = {
		"<rss version=\"2.0\"><channel/></rss>",
		"<atom:feed xmlns:atom=\"http://www.w3.org/2005/Atom\"/>",
		"<RDF xmlns=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">",
		"<?xml version=\"1.0\"?><?xml-stylesheet href=\"a.xsl\"?>\n<!-- <html> -->\n<feed>",
		"<!DOCTYPE rss [\n<!ENTITY a \"x]>y\">\n<!-- ]> don't -->\n<?pi ]> ?>\n]>\n<rss>",
		"<!DOCTYPE rss PUBLIC \"-//Netscape Communications//DTD RSS 0.91//EN\" "
		"\"http://my.netscape.com/publish/formats/rss-0.91.dtd\">\n<rss version=\"0.91\">",
	};
	static const char *const no[] = {
		"{\"rounds\": [{\"drawNumber\": \"1\"}]}",
		"<!DOCTYPE html>\n<html><head><title>rss</title></head></html>",
		"<!doctype html><html lang=\"en\">",
		"<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\">",
		"Express Entry draw #300: 3,000 invitations\n<rss>",
		"<!-- <rss> -->",
		"<rss",
		"<rsss>",
		"<feeds>",
		"<:rss>",
		"<rdf>",
		"",
		"   \n",
	};
	struct buf b = {0};
	char *data;
	size_t i, len;

	for (i = 0; i < sizeof(feeds) / sizeof(feeds[0]); i++) {
		data = test_slurp(test_data(feeds[i]), &len);
		ck_assert_msg(feed_sniff(data, len), "%s", feeds[i]);
		/* With a byte order mark, white space and a comment before it:
		 * not valid XML any more, but the root is what counts. */
		buf_release(&b);
		buf_adds(&b, "\xef\xbb\xbf \r\n\t<!-- mirrored -->\n");
		buf_adds(&b, strstr(data, "?>") + 2);
		ck_assert_msg(feed_sniff(b.data, b.len), "%s with a prefix", feeds[i]);
		free(data);
	}
	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		ck_assert_msg(feed_sniff(yes[i], strlen(yes[i])), "not sniffed: %s", yes[i]);
	for (i = 0; i < sizeof(no) / sizeof(no[0]); i++)
		ck_assert_msg(!feed_sniff(no[i], strlen(no[i])), "sniffed: %s", no[i]);
	/* Only len bytes are read. */
	ck_assert(!feed_sniff("<rss>", 4));
	ck_assert(!feed_sniff(NULL, 0));
	buf_release(&b);
}
END_TEST

Suite *
feed_suite(void)
{
	Suite *s = suite_create("feed");
	TCase *tc = tcase_create("feed");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_rss_items_are_read);
	tcase_add_test(tc, test_atom_entries_are_read);
	tcase_add_test(tc, test_rdf_items_are_read);
	tcase_add_test(tc, test_items_are_appended_in_document_order);
	tcase_add_test(tc, test_invalid_xml_is_rejected_with_url_and_line);
	tcase_add_test(tc, test_other_documents_are_neither_rss_nor_atom);
	tcase_add_test(tc, test_items_without_a_usable_link_are_skipped_with_a_warning);
	tcase_add_test(tc, test_rss_dates_in_every_zone);
	tcase_add_test(tc, test_atom_dates_and_their_fallback);
	tcase_add_test(tc, test_entity_bombs_do_not_expand);
	tcase_add_test(tc, test_the_entity_budget_is_the_whole_feeds);
	tcase_add_test(tc, test_xml_base_cannot_multiply_a_feeds_text);
	tcase_add_test(tc, test_an_item_over_its_budget_refuses_the_feed);
	tcase_add_test(tc, test_entities_in_attributes_are_within_the_budget);
	tcase_add_test(tc, test_external_entities_are_never_read);
	tcase_add_test(tc, test_declared_and_html_entities_are_decoded);
	tcase_add_test(tc, test_sniff_tells_feeds_from_other_bodies);
	suite_add_tcase(s, tc);
	return s;
}
