/* test_atom.c: the Atom feed of the latest draws: RFC 4287's requirements
 * one by one, read back by the project's own feed parser, ids that stay
 * across a revision, unconfirmed draws marked and retracted ones gone,
 * escaping, export -f atom and update keeping atom = PATH. */
#include <check.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>
#include <libxml/xpathInternals.h>
#include <regex.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atom.h"
#include "feed.h"
#include "httpd.h"
#include "parse.h"
#include "store.h"
#include "testutil.h"
#include "util.h"

static char *dir, *db;
static struct store *st;

/* Times the bodies are fetched at, so that the feed's dates are known. */
#define T0 1786111200	/* 2026-08-07T14:00:00Z */
#define T0_TEXT "2026-08-07T14:00:00Z"
#define T1 1786197600	/* 2026-08-08T14:00:00Z */
#define T1_TEXT "2026-08-08T14:00:00Z"

static void
setup(void)
{
	struct err e = {0};

	dir = test_home();
	db = xasprintf("%s/atom.db", dir);
	ck_assert_msg(store_open(&st, db, &e) == 0, "%s", e.msg);
}

static void
teardown(void)
{
	if (st)
		store_close(st);
	st = NULL;
	test_rmtree(dir);
	free(db);
	free(dir);
}

/* IRCC's feed in file, as fetched at t, its draws passed to edit (may be
 * NULL) before they are stored. */
static void
put_ircc_file(const char *file, time_t t, void (*edit)(struct draw_list *))
{
	struct draw_list l = {0};
	struct strlist w = {0};
	struct body b = {0};
	struct err e = {0};

	b.data = test_slurp(test_data(file), &b.len);
	b.url = xstrdup("https://ircc.example/ee_rounds_123_en.json");
	b.fetched_at = t;
	ck_assert_msg(parse_body(&b, "auto", NULL, &l, &w, &e) == 0, "%s", e.msg);
	if (edit)
		edit(&l);
	ck_assert_msg(store_put_body(st, "ircc", &b, &l, NULL, NULL, NULL, &e) == 0, "%s", e.msg);
	strlist_release(&w);
	draw_list_release(&l);
	body_release(&b);
}

/* One draw, stated by IRCC's feed (article NULL) or by an article. */
static void
put_one(const char *article, const char *number, const char *date, const char *category,
        long invitations, long crs, time_t t)
{
	struct draw_list l = {0};
	struct body b = {0};
	struct err e = {0};
	struct draw *d = draw_list_add(&l);

	d->number = xstrdup(number);
	snprintf(d->date, sizeof(d->date), "%s", date);
	d->category = category;
	d->invitations = invitations;
	d->crs_cutoff = crs;
	b.url = (char *)(article ? article : "https://ircc.example/ee_rounds_123_en.json");
	b.fetched_at = t;
	if (article) {
		d->evidence = xstrdup("the sentence it came from");
		ck_assert_msg(store_put_observations(st, "news", &b, &l, NULL, NULL, NULL, &e) == 0,
		              "%s", e.msg);
	} else {
		ck_assert_msg(store_put_body(st, "ircc", &b, &l, NULL, NULL, NULL, &e) == 0, "%s",
		              e.msg);
	}
	draw_list_release(&l);
}

static char *
render(const struct atom_data *a)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);

	ck_assert_ptr_nonnull(f);
	atom_write(f, a);
	ck_assert_int_eq(fclose(f), 0);
	return text;
}

/* The feed of the store as it is now. */
static char *
feed_now(void)
{
	struct atom_data a = {0};
	struct err e = {0};
	char *text;

	ck_assert_msg(store_atom_read(st, ATOM_ENTRIES, &a, &e) == 0, "%s", e.msg);
	text = render(&a);
	atom_data_release(&a);
	return text;
}

static xmlDoc *
parse_xml(const char *text)
{
	xmlDoc *doc = xmlReadMemory(text, (int)strlen(text), "atom.xml", NULL,
	                            XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);

	ck_assert_msg(doc != NULL, "the feed is not well-formed XML");
	return doc;
}

/* expr's value as a string (count(...) as its number), the Atom
 * namespace as a:. */
static char *
xval(xmlDoc *doc, const char *expr)
{
	xmlXPathContext *ctx = xmlXPathNewContext(doc);
	xmlXPathObject *o;
	char *q = xasprintf("string(%s)", expr), *s;

	xmlXPathRegisterNs(ctx, (const xmlChar *)"a", (const xmlChar *)"http://www.w3.org/2005/Atom");
	o = xmlXPathEvalExpression((const xmlChar *)q, ctx);
	ck_assert_msg(o != NULL, "bad XPath: %s", expr);
	s = xstrdup((const char *)o->stringval);
	xmlXPathFreeObject(o);
	xmlXPathFreeContext(ctx);
	free(q);
	return s;
}

static long
xcount(xmlDoc *doc, const char *expr)
{
	char *q = xasprintf("count(%s)", expr), *s = xval(doc, q);
	long n = atol(s);

	free(q), free(s);
	return n;
}

/* xval of a printf-made expression, checked equal to want. */
static void xeq(xmlDoc *doc, const char *want, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
xeq(xmlDoc *doc, const char *want, const char *fmt, ...)
{
	va_list ap;
	char *expr, *got;

	va_start(ap, fmt);
	expr = xvasprintf(fmt, ap);
	va_end(ap);
	got = xval(doc, expr);
	ck_assert_msg(strcmp(got, want) == 0, "%s: '%s', not '%s'", expr, got, want);
	free(expr), free(got);
}

static int
matches(const char *pattern, const char *s)
{
	regex_t re;
	int ok;

	ck_assert_int_eq(regcomp(&re, pattern, REG_EXTENDED | REG_NOSUB), 0);
	ok = regexec(&re, s, 0, NULL, 0) == 0;
	regfree(&re);
	return ok;
}

/* RFC 3339's date-time (RFC 4287 3.3), T and Z in upper case. */
#define DATE_TIME "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?" \
	"(Z|[+-][0-9]{2}:[0-9]{2})$"
/* A tag URI (RFC 4151): tag:authority,date:specific, no white space. */
#define TAG_URI "^tag:[a-z0-9.-]+,[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?:[!-~]+$"

/* What RFC 4287 requires of the elements a feed and an entry share,
 * under path (/a:feed, or an entry): one id, an absolute IRI; one title
 * and one updated, a date; text constructs of a known type; links with
 * an href, at most one alternate; categories with a term. */
static void
check_common(xmlDoc *doc, const char *path)
{
	char *id, *updated, *q;

	q = xasprintf("%s/a:id", path);
	ck_assert_int_eq(xcount(doc, q), 1);
	id = xval(doc, q);
	ck_assert_msg(matches(TAG_URI, id), "%s: id '%s'", path, id);
	free(q);
	q = xasprintf("%s/a:title", path);
	ck_assert_int_eq(xcount(doc, q), 1);
	free(q);
	q = xasprintf("%s/a:updated", path);
	ck_assert_int_eq(xcount(doc, q), 1);
	updated = xval(doc, q);
	ck_assert_msg(matches(DATE_TIME, updated), "%s: updated '%s'", path, updated);
	free(q);
	q = xasprintf("%s/*[(self::a:title or self::a:subtitle or self::a:summary"
	              " or self::a:rights) and @type != 'text' and @type != 'html'"
	              " and @type != 'xhtml']", path);
	ck_assert_int_eq(xcount(doc, q), 0);
	free(q);
	q = xasprintf("%s/a:link[not(@href) or @href = '']", path);
	ck_assert_int_eq(xcount(doc, q), 0);
	free(q);
	q = xasprintf("%s/a:link[@rel = 'alternate' or not(@rel)]", path);
	ck_assert_int_le(xcount(doc, q), 1);
	free(q);
	q = xasprintf("%s/a:category[not(@term)]", path);
	ck_assert_int_eq(xcount(doc, q), 0);
	free(q);
	q = xasprintf("%s/a:summary", path);
	ck_assert_int_le(xcount(doc, q), 1);
	free(q);
	free(id), free(updated);
}

/* The real feed, and an article's draw IRCC's record does not have. */
static void
real_feed_and_an_unconfirmed_draw(void)
{
	put_ircc_file("feed-2026-08-07.json", T0, NULL);
	put_one("https://news.example/cec?a=1&b=2", NULL, "2026-08-10", "cec", 2500, 512, T1);
}

START_TEST(test_the_feed_meets_rfc_4287)
{
	char *text, *q, *id, *updated, *newest = xstrdup("");
	xmlDoc *doc;
	int i;

	real_feed_and_an_unconfirmed_draw();
	text = feed_now();
	doc = parse_xml(text);
	/* 4.1.1: the root is atom:feed; one id, title, updated; an author
	 * (no entry has one); at most one generator and subtitle. */
	ck_assert_int_eq(xcount(doc, "/a:feed"), 1);
	check_common(doc, "/a:feed");
	xeq(doc, ATOM_ID, "/a:feed/a:id");
	xeq(doc, "Express Entry draws", "/a:feed/a:title");
	ck_assert_int_eq(xcount(doc, "/a:feed/a:author"), 1);
	ck_assert_int_eq(xcount(doc, "/a:feed/a:author/a:name"), 1);	/* 3.2.1 */
	ck_assert_int_le(xcount(doc, "/a:feed/a:generator"), 1);
	ck_assert_int_le(xcount(doc, "/a:feed/a:subtitle"), 1);
	ck_assert_int_eq(xcount(doc, "//a:entry/a:author"), 0);

	/* 4.1.2, each entry: one id, title, updated; an alternate link, as it
	 * has no content. */
	ck_assert_int_eq(xcount(doc, "/a:feed/a:entry"), ATOM_ENTRIES);
	for (i = 1; i <= ATOM_ENTRIES; i++) {
		char *path = xasprintf("/a:feed/a:entry[%d]", i);

		check_common(doc, path);
		q = xasprintf("%s/a:link[@rel = 'alternate' and starts-with(@href, 'https://')]",
		              path);
		ck_assert_int_eq(xcount(doc, q), 1);
		free(q);
		q = xasprintf("%s/a:updated", path);
		updated = xval(doc, q);
		if (strcmp(updated, newest) > 0)
			free(newest), newest = xstrdup(updated);
		free(q), free(updated);
		/* Ids unique in the feed: one entry per draw. */
		q = xasprintf("%s/a:id", path);
		id = xval(doc, q);
		free(q);
		q = xasprintf("/a:feed/a:entry[a:id = '%s']", id);
		ck_assert_int_eq(xcount(doc, q), 1);
		free(q), free(id), free(path);
	}
	/* The feed is updated when its newest entry was. */
	xeq(doc, newest, "/a:feed/a:updated");
	ck_assert_str_eq(newest, T1_TEXT);

	/* The newest first: the unconfirmed draw, marked, its link the
	 * article; then IRCC's #434, updated when the body was fetched. */
	xeq(doc, "tag:eedraws,2015:unconfirmed/1", "/a:feed/a:entry[1]/a:id");
	xeq(doc, "Unconfirmed Express Entry draw of 2026-08-10: Canadian Experience Class,"
	    " 2,500 invitations, CRS 512", "/a:feed/a:entry[1]/a:title");
	xeq(doc, "https://news.example/cec?a=1&b=2", "/a:feed/a:entry[1]/a:link/@href");
	xeq(doc, "1", "count(/a:feed/a:entry[1]/a:category[@term = 'unconfirmed'])");
	xeq(doc, "tag:eedraws,2015:draw/434", "/a:feed/a:entry[2]/a:id");
	xeq(doc, "Express Entry draw #434: Transport, 300 invitations, CRS 470",
	    "/a:feed/a:entry[2]/a:title");
	xeq(doc, T0_TEXT, "/a:feed/a:entry[2]/a:updated");
	xeq(doc, ATOM_ROUND_URL "434", "/a:feed/a:entry[2]/a:link/@href");
	xeq(doc, "0", "count(//a:entry[2]/a:category[@term = 'unconfirmed'])");
	/* The 50th: 49 of IRCC's draws after the unconfirmed one. */
	xeq(doc, "tag:eedraws,2015:draw/386", "/a:feed/a:entry[50]/a:id");
	xmlFreeDoc(doc);
	free(text), free(newest);
}
END_TEST

/* Every entry is an item of the project's feed parser, with its id,
 * title, link and date; and parse -k feed reads the file export wrote. */
START_TEST(test_the_feed_round_trips_through_the_feed_parser)
{
	struct feed_items items = {0};
	struct strlist warn = {0};
	struct body b = {0};
	struct err e = {0};
	char *path = xasprintf("%s/draws.atom", dir), *out, *err, *line;
	xmlDoc *doc;
	size_t i;

	real_feed_and_an_unconfirmed_draw();
	store_close(st);
	st = NULL;
	ck_assert_int_eq(test_run((const char *const[]){ "eedraws", "-d", db, "export", "-f",
	                                                 "atom", "-o", path, NULL },
	                          NULL, &out, &err), 0);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, "");
	free(out), free(err);

	b.data = test_slurp(path, &b.len);
	b.url = xstrdup(path);
	doc = parse_xml(b.data);
	ck_assert_msg(feed_parse(&b, &items, &warn, &e) == 0, "%s", e.msg);
	ck_assert_uint_eq(warn.n, 0);
	ck_assert_uint_eq(items.n, ATOM_ENTRIES);
	for (i = 0; i < items.n; i++) {
		xeq(doc, items.v[i].id, "/a:feed/a:entry[%zu]/a:id", i + 1);
		xeq(doc, items.v[i].title, "/a:feed/a:entry[%zu]/a:title", i + 1);
		xeq(doc, items.v[i].link, "/a:feed/a:entry[%zu]/a:link/@href", i + 1);
		xeq(doc, items.v[i].published, "/a:feed/a:entry[%zu]/a:updated", i + 1);
		ck_assert_ptr_nonnull(items.v[i].summary);
	}
	ck_assert_str_eq(items.v[1].summary, "Round 434 of 2026-08-07: Transport Occupations,"
	                 " 2026-Version 2. Invitations: 300. CRS score of the lowest-ranked"
	                 " candidate invited: 470. Tie-breaking rule: profiles submitted"
	                 " before 2025-10-11T14:55:49Z.");

	/* The command line: one CSV row per entry, each picked as about
	 * Express Entry. */
	ck_assert_int_eq(test_run((const char *const[]){ "eedraws", "parse", "-k", "feed", path,
	                                                 NULL },
	                          NULL, &out, &err), 0);
	ck_assert_str_eq(err, "");
	ck_assert_int_eq(count_lines(out, ""), 1 + ATOM_ENTRIES);
	ck_assert_int_eq(count_lines(out, "20"), ATOM_ENTRIES);
	line = xasprintf("\r\n" T0_TEXT ",1," ATOM_ROUND_URL "434,\"Express Entry draw #434:"
	                 " Transport, 300 invitations, CRS 470\"\r\n");
	ck_assert_msg(strstr(out, line), "%s", out);
	free(line), free(out), free(err);

	xmlFreeDoc(doc);
	feed_items_release(&items);
	strlist_release(&warn);
	body_release(&b);
	free(path);
}
END_TEST

/* IRCC revises #434's cut-off. */
static void
revise_434(struct draw_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->v[i].number, "434") == 0)
			l->v[i].crs_cutoff = 471;
}

/* The entry of a revised draw keeps its id, says the new value, and is
 * updated when the revising body was fetched; nothing else moves, and the
 * same feed again changes no byte. */
START_TEST(test_a_revision_keeps_the_entry_id_and_updates_it)
{
	char *before, *again, *after, *p, *q;
	xmlDoc *doc;

	put_ircc_file("feed-2026-08-07.json", T0, NULL);
	before = feed_now();
	put_ircc_file("feed-2026-08-07.json", T1, NULL);
	again = feed_now();
	ck_assert_str_eq(before, again);

	put_ircc_file("feed-2026-08-07.json", T1, revise_434);
	after = feed_now();
	doc = parse_xml(after);
	xeq(doc, "tag:eedraws,2015:draw/434", "/a:feed/a:entry[1]/a:id");
	xeq(doc, "Express Entry draw #434: Transport, 300 invitations, CRS 471",
	    "/a:feed/a:entry[1]/a:title");
	xeq(doc, T1_TEXT, "/a:feed/a:entry[1]/a:updated");
	xeq(doc, T1_TEXT, "/a:feed/a:updated");
	xeq(doc, T0_TEXT, "/a:feed/a:entry[2]/a:updated");
	xmlFreeDoc(doc);
	/* From the second entry on, the feed is as it was. */
	p = strstr(before, "<id>tag:eedraws,2015:draw/433</id>");
	q = strstr(after, "<id>tag:eedraws,2015:draw/433</id>");
	ck_assert(p && q);
	ck_assert_str_eq(p, q);
	free(before), free(again), free(after);
}
END_TEST

/* An unconfirmed draw IRCC confirms leaves for IRCC's draw; one IRCC's
 * record moves a week past is retracted and leaves the feed. */
START_TEST(test_confirmed_and_retracted_draws_leave_the_feed)
{
	char *text;
	xmlDoc *doc;

	put_ircc_file("feed-2026-08-07.json", T0, NULL);
	put_one("https://news.example/a", NULL, "2026-08-10", "cec", 2500, 512, T0);
	put_one("https://news.example/b", NULL, "2026-08-11", "pnp", 800, 700, T0);
	text = feed_now();
	doc = parse_xml(text);
	xeq(doc, "tag:eedraws,2015:unconfirmed/2", "/a:feed/a:entry[1]/a:id");
	xeq(doc, "tag:eedraws,2015:unconfirmed/1", "/a:feed/a:entry[2]/a:id");
	xmlFreeDoc(doc);
	free(text);

	/* IRCC's feed brings the first, and a week later another draw. */
	put_one(NULL, "435", "2026-08-10", "cec", 2500, 512, T1);
	put_one(NULL, "436", "2026-08-18", "french", 1000, 420, T1);
	text = feed_now();
	doc = parse_xml(text);
	ck_assert_int_eq(xcount(doc, "//a:entry[starts-with(a:id, 'tag:eedraws,2015:unconfirmed/')]"),
	                 0);
	ck_assert_int_eq(xcount(doc, "//a:entry[a:category/@term = 'unconfirmed']"), 0);
	xeq(doc, "tag:eedraws,2015:draw/436", "/a:feed/a:entry[1]/a:id");
	xeq(doc, "tag:eedraws,2015:draw/435", "/a:feed/a:entry[2]/a:id");
	xeq(doc, "Express Entry draw #435: Canadian Experience Class, 2,500 invitations, CRS 512",
	    "/a:feed/a:entry[2]/a:title");
	ck_assert_int_eq(xcount(doc, "/a:feed/a:entry"), ATOM_ENTRIES);
	xmlFreeDoc(doc);
	free(text);
}
END_TEST

/* Whatever a stored value holds, the feed is well-formed and says it:
 * markup escaped, what XML cannot hold replaced; an empty store is a
 * feed without entries, dated at a fixed time. */
START_TEST(test_stored_text_is_escaped_and_an_empty_feed_is_valid)
{
	struct atom_data a = {0};
	struct atom_draw *d;
	char *text;
	xmlDoc *doc;

	text = render(&a);
	doc = parse_xml(text);
	check_common(doc, "/a:feed");
	xeq(doc, ATOM_EPOCH, "/a:feed/a:updated");
	ck_assert_int_eq(xcount(doc, "//a:entry"), 0);
	xmlFreeDoc(doc);
	free(text);

	d = atom_add_draw(&a);
	d->number = xstrdup("91a/\"x\"");
	strcpy(d->date, "2026-08-07");
	d->category = xstrdup("other");
	d->name = xstrdup("<b>A & B</b> \x01\xff \xef\xbf\xbe\"");
	d->crs_cutoff = 470;
	d->updated = xstrdup(T0_TEXT);
	text = render(&a);
	doc = parse_xml(text);
	check_common(doc, "/a:feed/a:entry");
	xeq(doc, "tag:eedraws,2015:draw/91a%2F%22x%22", "/a:feed/a:entry/a:id");
	xeq(doc, "Express Entry draw #91a/\"x\": <b>A & B</b> \xef\xbf\xbd\xef\xbf\xbd"
	    " \xef\xbf\xbd\", CRS 470", "/a:feed/a:entry/a:title");
	xeq(doc, ATOM_ROUND_URL "91a%2F%22x%22", "/a:feed/a:entry/a:link/@href");
	xmlFreeDoc(doc);
	free(text);
	atom_data_release(&a);
}
END_TEST

START_TEST(test_export_atom_refuses_other_tables)
{
	char *out, *err;

	ck_assert_int_eq(test_run((const char *const[]){ "eedraws", "-d", db, "export", "-f",
	                                                 "atom", "-t", "pool", NULL },
	                          NULL, &out, &err), 64);
	ck_assert_msg(strstr(err, "-f atom is the feed of the latest draws: leave out -t pool"),
	              "%s", err);
	free(out), free(err);
}
END_TEST

/* atom = PATH: update writes the feed when a run changed the database,
 * or when it is missing, and leaves it alone otherwise. */
START_TEST(test_update_keeps_the_atom_file)
{
	struct httpd *srv = httpd_start();
	struct httpd_response r = {0};
	char *conf = xasprintf("%s/eedraws.conf", dir), *path = xasprintf("%s/draws.atom", dir);
	char *url, *out, *err, *text;
	FILE *f;

	store_close(st);
	st = NULL;
	ck_assert_ptr_nonnull(srv);
	url = httpd_url(srv, "/feed.json");
	f = fopen(conf, "w");
	ck_assert_ptr_nonnull(f);
	fprintf(f, "[eedraws]\ndatabase = %s\natom = %s\ndelay = 0\n"
	        "[source ircc]\nkind = ircc-json\nurl = %s\n", db, path, url);
	fclose(f);
	r.body = test_slurp(test_data("history/08-2025-02-19T184209.json"), &r.len);
	r.headers[0] = (struct httpd_header){ "Content-Type", "application/json" };
	httpd_route(srv, "/feed.json", &r);
	free((char *)r.body);
#define UPDATE(out, err) \
	test_run((const char *const[]){ "eedraws", "-c", conf, "update", NULL }, NULL, out, err)

	ck_assert_int_eq(UPDATE(&out, &err), 0);
	ck_assert_str_eq(err, "");
	free(out), free(err);
	text = test_slurp(path, NULL);
	ck_assert_ptr_nonnull(strstr(text, "<id>tag:eedraws,2015:draw/335</id>"));
	ck_assert_ptr_null(strstr(text, "<id>tag:eedraws,2015:draw/337</id>"));
	free(text);

	/* Nothing new: left alone, whatever it holds. */
	f = fopen(path, "w");
	fputs("left alone\n", f);
	fclose(f);
	ck_assert_int_eq(UPDATE(&out, &err), 0);
	free(out), free(err);
	text = test_slurp(path, NULL);
	ck_assert_str_eq(text, "left alone\n");
	free(text);

	/* A new draw: written again, with it. */
	r.body = test_slurp(test_data("history/09-2025-02-19T193406.json"), &r.len);
	httpd_route(srv, "/feed.json", &r);
	free((char *)r.body);
	ck_assert_int_eq(UPDATE(&out, &err), 0);
	free(out), free(err);
	text = test_slurp(path, NULL);
	ck_assert_ptr_nonnull(strstr(text, "<title type=\"text\">Express Entry draw #337: French"
	                                   " language, 6,500 invitations, CRS 428</title>"));
	free(text);

	/* Missing: made again though nothing changed. */
	ck_assert_int_eq(unlink(path), 0);
	ck_assert_int_eq(UPDATE(&out, &err), 0);
	free(out), free(err);
	ck_assert_int_eq(access(path, F_OK), 0);
#undef UPDATE
	httpd_stop(srv);
	free(conf), free(path), free(url);
}
END_TEST

/* A feed that cannot be written is an error naming it, after the draws
 * were stored; an empty path is a config error. */
START_TEST(test_an_atom_file_that_cannot_be_written_fails_update_keeping_the_draws)
{
	struct httpd *srv = httpd_start();
	struct httpd_response r = {0};
	char *conf = xasprintf("%s/eedraws.conf", dir), *url, *out, *err;
	FILE *f;

	store_close(st);
	st = NULL;
	ck_assert_ptr_nonnull(srv);
	url = httpd_url(srv, "/feed.json");
	f = fopen(conf, "w");
	ck_assert_ptr_nonnull(f);
	fprintf(f, "[eedraws]\ndatabase = %s\natom = %s/no/such/dir/draws.atom\ndelay = 0\n"
	        "[source ircc]\nkind = ircc-json\nurl = %s\n", db, dir, url);
	fclose(f);
	r.body = test_slurp(test_data("feed-2026-08-07.json"), &r.len);
	httpd_route(srv, "/feed.json", &r);
	free((char *)r.body);
	ck_assert_int_eq(test_run((const char *const[]){ "eedraws", "-c", conf, "update", NULL },
	                          NULL, &out, &err), 1);
	ck_assert_msg(strstr(err, "eedraws: atom: cannot write '") &&
	              strstr(err, "/no/such/dir/draws.atom': the directory") &&
	              !strstr(err, ".tmp."), "%s", err);
	free(out), free(err);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws"), 435);

	f = fopen(conf, "w");
	ck_assert_ptr_nonnull(f);
	fprintf(f, "[eedraws]\ndatabase = %s\natom =\n", db);
	fclose(f);
	ck_assert_int_eq(test_run((const char *const[]){ "eedraws", "-c", conf, "update", NULL },
	                          NULL, &out, &err), 78);
	ck_assert_msg(strstr(err, "atom: empty (leave it out for no feed)"), "%s", err);
	free(out), free(err);
	httpd_stop(srv);
	free(conf), free(url);
}
END_TEST

Suite *
atom_suite(void)
{
	Suite *s = suite_create("atom");
	TCase *tc = tcase_create("atom");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_the_feed_meets_rfc_4287);
	tcase_add_test(tc, test_the_feed_round_trips_through_the_feed_parser);
	tcase_add_test(tc, test_a_revision_keeps_the_entry_id_and_updates_it);
	tcase_add_test(tc, test_confirmed_and_retracted_draws_leave_the_feed);
	tcase_add_test(tc, test_stored_text_is_escaped_and_an_empty_feed_is_valid);
	tcase_add_test(tc, test_export_atom_refuses_other_tables);
	tcase_add_test(tc, test_update_keeps_the_atom_file);
	tcase_add_test(tc, test_an_atom_file_that_cannot_be_written_fails_update_keeping_the_draws);
	suite_add_tcase(s, tc);
	return s;
}
