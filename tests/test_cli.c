/* test_cli.c: the eedraws binary as a user runs it: ingest, parse, export,
 * list, usage and exit codes.  (update against a server: test_update.c) */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <check.h>
#include <curl/curl.h>
#include <fcntl.h>
#include <jansson.h>
#include <libxml/parser.h>
#include <pcre2.h>
#include <pty.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zstd.h>

#include "draw.h"
#include "testutil.h"
#include "util.h"

static char *dir, *db;

static void
setup(void)
{
	dir = test_home();
	db = xasprintf("%s/cli.db", dir);
}

static void
teardown(void)
{
	test_rmtree(dir);
	free(db);
	free(dir);
}

/* Runs eedraws -d DB ARGS...; returns the exit code. */
#define EEDRAWS(out, err, in, ...) \
	test_run((const char *const[]){ "eedraws", "-d", db, __VA_ARGS__, NULL }, in, out, err)

static int
starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

static void
write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	ck_assert_int_eq(fclose(f), 0);
}

static int
ingest_ok(const char *file)
{
	char *out, *err;
	int rc = EEDRAWS(&out, &err, NULL, "ingest", test_data(file));

	ck_assert_msg(rc == 0, "ingest %s: exit %d: %s", file, rc, err);
	rc = count_lines(out, "new draw ");
	free(out);
	free(err);
	return rc;
}

START_TEST(test_usage_errors_exit_64_and_say_what_was_wrong)
{
	static const struct { const char *argv[6]; const char *says; } cases[] = {
		{ { "eedraws", NULL }, "no command given" },
		{ { "eedraws", "frobnicate", NULL }, "unknown command 'frobnicate'" },
		{ { "eedraws", "export", "-f", "xml", NULL }, "unknown format 'xml'" },
		{ { "eedraws", "export", "-t", "people", NULL }, "unknown table 'people'" },
		{ { "eedraws", "ingest", NULL }, "name a FILE, URL or -" },
		{ { "eedraws", "parse", "-k", "pdf", "x", NULL }, "unknown kind 'pdf'" },
		{ { "eedraws", "list", "-n", "zero", NULL }, "positive number" },
		{ { "eedraws", "parse", "--date", "11-01-2023", "x", NULL }, "--date wants YYYY-MM-DD" },
		{ { "eedraws", "update", "nosuch", NULL }, "no source named 'nosuch'" },
		{ { "eedraws", "ingest", "--lang", "de", "x", NULL }, "--lang wants en or fr" },
		{ { "eedraws", "--bogus", NULL }, "unknown option '--bogus'" },
		{ { "eedraws", "-q", "-v", "list", NULL }, "-q and -v together" },
		{ { "eedraws", "list", "-v", "-q", NULL }, "-q and -v together" },
		{ { "eedraws", "list", "-x", NULL }, "list: unknown option '-x'" },
		{ { "eedraws", "list", "-n", NULL }, "list: no argument to '-n'" },
		{ { "eedraws", "ingest", "-k", "pdf", "x", NULL }, "article, feed)" },
		{ { "eedraws", "help", "frobnicate", NULL }, "unknown command 'frobnicate'" },
		{ { "eedraws", "dismiss", NULL }, "name one unconfirmed draw" },
		{ { "eedraws", "dismiss", "u0", NULL }, "'u0' is not an unconfirmed draw's id" },
		{ { "eedraws", "dismiss", "u1", "u2", NULL }, "name one unconfirmed draw" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *out, *err;

		ck_assert_int_eq(test_run(cases[i].argv, NULL, &out, &err), 64);
		ck_assert_msg(strstr(err, cases[i].says), "case %zu: %s", i, err);
		ck_assert_str_eq(out, "");
		/* one line, then the way to the help, not the whole usage */
		ck_assert_msg(count_lines(err, "") == 2 && count_lines(err, "try 'eedraws ") == 1,
		              "case %zu: %s", i, err);
		free(out);
		free(err);
	}
}
END_TEST

START_TEST(test_help_and_version_exit_0)
{
	char *out, *err;

	ck_assert_int_eq(test_run((const char *const[]){ "eedraws", "--help", NULL }, NULL,
	                          &out, &err), 0);
	ck_assert_ptr_nonnull(strstr(out, "exit codes"));
	ck_assert_ptr_nonnull(strstr(out, "  report [-o FILE] [--since DATE] "));
	ck_assert_ptr_nonnull(strstr(out, "report = PATH"));
	ck_assert_ptr_null(strstr(out, "See eedraws --help"));
	free(out), free(err);
	ck_assert_int_eq(test_run((const char *const[]){ "eedraws", "--version", NULL }, NULL,
	                          &out, &err), 0);
	ck_assert_ptr_nonnull(strstr(out, "eedraws 0."));
	free(out), free(err);
}
END_TEST

/* Every command's help, asked three ways, prints its synopsis and its
 * options on stdout and exits 0; a usage error names the command's. */
START_TEST(test_each_command_has_help_three_ways)
{
	static const char *const cmds[] = { "update", "ingest", "parse", "export", "list",
		"conflicts", "status", "reparse", "report", "dismiss", "notifications", "help" };
	size_t i, j;

	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		const char *const ways[3][4] = {
			{ "eedraws", cmds[i], "--help", NULL },
			{ "eedraws", cmds[i], "-h", NULL },
			{ "eedraws", "help", cmds[i], NULL },
		};
		char *want = xasprintf("usage: eedraws [-c CONFIG] [-d DATABASE] [-q | -v] %s",
		                       cmds[i]);

		for (j = 0; j < 3; j++) {
			char *out, *err;

			ck_assert_int_eq(test_run(ways[j], NULL, &out, &err), 0);
			ck_assert_msg(starts_with(out, want), "%s way %zu: %s", cmds[i], j, out);
			ck_assert_str_eq(err, "");
			free(out), free(err);
		}
		free(want);
	}
}
END_TEST

START_TEST(test_command_help_lists_its_options_and_a_usage_error_points_there)
{
	char *out, *err;

	ck_assert_int_eq(test_run((const char *const[]){ "eedraws", "export", "--help", NULL },
	                          NULL, &out, &err), 0);
	ck_assert_ptr_nonnull(strstr(out, "\n  -t, --table TABLE "));
	ck_assert_ptr_nonnull(strstr(out, "\n  -a, --all "));
	free(out), free(err);
	ck_assert_int_eq(test_run((const char *const[]){ "eedraws", "export", "-f", "xml", NULL },
	                          NULL, &out, &err), 64);
	ck_assert_str_eq(err, "eedraws: export: unknown format 'xml' (csv, json, atom)\n"
	                      "try 'eedraws export --help'\n");
	free(out), free(err);
}
END_TEST

/* -d, -q and -v after the command are the global options, not errors. */
START_TEST(test_global_options_may_follow_the_command)
{
	char *out, *err;
	const char *const argv[] = { "eedraws", "ingest", "-q", "-d", db,
	                             test_data("feed-2026-08-07.json"), NULL };

	ck_assert_int_eq(test_run(argv, NULL, &out, &err), 0);
	ck_assert_str_eq(out, "");	/* -q: no announcement */
	free(out), free(err);
	ck_assert_int_eq(test_run((const char *const[]){ "eedraws", "list", "--database", db,
	                          "-n", "1", NULL }, NULL, &out, &err), 0);
	ck_assert_int_eq(count_lines(out, ""), 2);
	free(out), free(err);
}
END_TEST

/* A command that reads the database never makes one: a mistyped -d
 * would show an empty table as if there were no draws. */
START_TEST(test_a_reading_command_never_makes_a_database)
{
	static const char *const cmds[][3] = { { "list" }, { "status" }, { "export" },
		{ "report" }, { "conflicts" }, { "notifications" }, { "reparse" },
		{ "dismiss", "u1" } };
	size_t i;

	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		char *out, *err, *want = xasprintf("eedraws: no database at '%s'; run eedraws "
		                                   "update first\n", db);

		ck_assert_int_eq(EEDRAWS(&out, &err, NULL, cmds[i][0], cmds[i][1]), 66);
		ck_assert_str_eq(err, want);
		ck_assert_str_eq(out, "");
		ck_assert_int_ne(access(db, F_OK), 0);
		free(out), free(err), free(want);
	}
	ingest_ok("feed-2026-08-07.json");
	ck_assert_int_eq(access(db, F_OK), 0);
}
END_TEST

/* Each path that cannot be a database says what is wrong with it,
 * writes nothing, and exits 64 for -d, 78 for the config's key. */
START_TEST(test_a_database_path_that_cannot_be_one_says_why)
{
	char *missing = xasprintf("%s/no/such/d.db", dir), *conf = xasprintf("%s/c", dir);
	char *conf2 = xasprintf("%s/c2", dir), *what, *text, *out, *err;
	const struct { const char *d, *says; } cases[] = {
		{ "", "-d '': no file named" },
		{ "~/d.db", "'~' is not expanded here" },
		{ dir, "is a directory; name a file" },
		{ missing, "does not exist; create it" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ck_assert_int_eq(test_run((const char *const[]){ "eedraws", "-d", cases[i].d,
		                          "ingest", test_data("feed-2026-08-07.json"), NULL },
		                          NULL, &out, &err), 64);
		ck_assert_msg(strstr(err, cases[i].says) && count_lines(err, "") == 1,
		              "case %zu: %s", i, err);
		free(out), free(err);
	}
	what = xasprintf("the directory %s/no/such does not exist", dir);
	write_text(conf, "[eedraws]\ndatabase =\n");
	ck_assert_int_eq(test_run((const char *const[]){ "eedraws", "-c", conf, "ingest",
	                          test_data("feed-2026-08-07.json"), NULL }, NULL, &out, &err),
	                 78);
	ck_assert_msg(strstr(err, conf) && strstr(err, "database"), "%s", err);
	free(out), free(err);
	text = xasprintf("[eedraws]\ndatabase = %s\n", missing);
	write_text(conf2, text);
	ck_assert_int_eq(test_run((const char *const[]){ "eedraws", "-c", conf2, "update",
	                          NULL }, NULL, &out, &err), 78);
	ck_assert_msg(strstr(err, conf2) && strstr(err, what), "%s", err);
	free(out), free(err), free(text);
	ck_assert_int_ne(access(missing, F_OK), 0);
	free(missing), free(conf), free(conf2), free(what);
}
END_TEST

/* With HOME and XDG_DATA_HOME unset the default database would be made
 * under whatever directory cron started in: an error instead. */
START_TEST(test_no_home_is_no_default_database)
{
	char *out, *err, *cwd = getcwd(NULL, 0), *bin = realpath(test_bin(), NULL);
	char *feed = realpath(test_data("feed-2026-08-07.json"), NULL);
	char *home = getenv("HOME") ? xstrdup(getenv("HOME")) : NULL;
	int rc, made;

	/* run in dir, where a relative default would land */
	ck_assert_ptr_nonnull(bin);
	setenv("EEDRAWS_BIN", bin, 1);
	unsetenv("HOME");
	unsetenv("XDG_DATA_HOME");
	ck_assert_int_eq(chdir(dir), 0);
	rc = test_run((const char *const[]){ "eedraws", "ingest", feed, NULL }, NULL, &out, &err);
	made = access(".local", F_OK) == 0;
	/* Put back first: under make memcheck (CK_FORK=no) the tests after
	 * this one run in this process, whatever it asserts. */
	ck_assert_int_eq(chdir(cwd), 0);
	if (home)
		setenv("HOME", home, 1);
	ck_assert_msg(rc == 78, "exit %d: %s", rc, err);
	ck_assert_ptr_nonnull(strstr(err, "HOME and XDG_DATA_HOME are unset"));
	ck_assert(!made);
	free(out), free(err), free(cwd), free(bin), free(feed), free(home);
}
END_TEST

/* A file that cannot be written is named as the user named it, with
 * what is wrong, never by the temporary file it is written through. */
START_TEST(test_an_output_that_cannot_be_written_says_why_by_its_name)
{
	char *missing = xasprintf("%s/no/such/out.csv", dir);
	char *says[2];
	const char *paths[2];
	size_t i;

	paths[0] = missing, says[0] = xasprintf("eedraws: cannot write '%s': the directory "
	                                        "%s/no/such does not exist", missing, dir);
	paths[1] = dir, says[1] = xasprintf("eedraws: cannot write '%s': it is a directory; "
	                                    "name a file\n", dir);
	ingest_ok("feed-2026-08-07.json");
	for (i = 0; i < 2; i++) {
		char *out, *err;

		ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "export", "-o", paths[i]), 1);
		ck_assert_msg(starts_with(err, says[i]) && !strstr(err, ".tmp."), "%s", err);
		free(out), free(err), free(says[i]);
	}
	free(missing);
}
END_TEST

/* A page that states no draw says so and exits 65, as an empty one
 * does, storing nothing; a URL of another scheme is refused as a URL,
 * not looked for as a file. */
START_TEST(test_an_input_that_yields_nothing_says_so)
{
	char *page = xasprintf("%s/passwd", dir), *out, *err, *want;
	const char *const schemes[] = { "ftp://example.org/f.json", "file:///etc/passwd" };
	size_t i;

	write_text(page, "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1::/:/bin/false\n");
	want = xasprintf("eedraws: %s: no draws found, read as an article", page);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "ingest", "--date", "2026-01-02", page), 65);
	ck_assert_msg(starts_with(err, want), "%s", err);
	ck_assert_str_eq(out, "");
	free(out), free(err);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies"), 0);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "parse", "--date", "2026-01-02", page), 65);
	ck_assert_msg(strstr(err, want), "%s", err);
	free(out), free(err), free(want);
	for (i = 0; i < 2; i++) {
		want = xasprintf("eedraws: %s: only http and https URLs are fetched", schemes[i]);
		ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "ingest", schemes[i]), 65);
		ck_assert_msg(starts_with(err, want), "%s", err);
		free(out), free(err);
		ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "parse", schemes[i]), 65);
		ck_assert_msg(starts_with(err, want), "%s", err);
		free(out), free(err), free(want);
	}
	free(page);
}
END_TEST

/* A directory named as the config, or found at the default config path,
 * is an error saying so (78), not an empty config. */
START_TEST(test_a_directory_is_no_config)
{
	char *conf = xasprintf("%s/eedraws/eedraws.conf", dir), *out, *err;

	ck_assert_int_eq(test_run((const char *const[]){ "eedraws", "-c", dir, "-d", db,
	                          "update", NULL }, NULL, &out, &err), 78);
	ck_assert_msg(strstr(err, dir) && strstr(err, "it is a directory; name a file"), "%s",
	              err);
	free(out), free(err);
	ck_assert_int_eq(make_parents(conf), 0);
	ck_assert_int_eq(mkdir(conf, 0755), 0);	/* XDG_CONFIG_HOME is dir */
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "update"), 78);
	ck_assert_msg(strstr(err, conf) && strstr(err, "it is a directory"), "%s", err);
	free(out), free(err), free(conf);
}
END_TEST

/* A path beginning with '~' (quoted, or in a config) is never what the
 * user meant: each error about one says '~' is not expanded. */
START_TEST(test_a_tilde_path_is_said_to_be_unexpanded)
{
	const char *const cases[][5] = {
		{ "eedraws", "-c", "~/eedraws.conf", "list", NULL },
		{ "eedraws", "ingest", "~/page.html", NULL },
		{ "eedraws", "export", "-o", "~/draws.csv", NULL },
	};
	size_t i;

	ingest_ok("feed-2026-08-07.json");
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *argv[8] = { "eedraws", "-d", db };
		char *out, *err;
		size_t j;

		for (j = 1; cases[i][j]; j++)
			argv[j + 2] = cases[i][j];
		ck_assert_int_ne(test_run(argv, NULL, &out, &err), 0);
		ck_assert_msg(strstr(err, "'~' is not expanded here"), "case %zu: %s", i, err);
		free(out), free(err);
	}
}
END_TEST

/* A line "NAME VERSION" followed by a blank or the line's end. */
static void
assert_line(const char *out, const char *name, const char *version)
{
	char *want = xasprintf("\n%s %s", name, version);
	const char *p = strstr(out, want);

	ck_assert_msg(p && (p[strlen(want)] == '\n' || p[strlen(want)] == ' '),
	              "no line '%s %s' in:\n%s", name, version, out);
	free(want);
}

/* --version and -V: eedraws' version, then each library's as the library
 * reports it at run time (asked here of the same libraries). */
START_TEST(test_version_names_each_library_as_it_reports_itself)
{
	static const char *const flags[] = { "--version", "-V" };
	char pcre[64], xml[32], *out, *err, *first;
	int x, i;

	ck_assert_int_ge(pcre2_config(PCRE2_CONFIG_VERSION, pcre), 0);
	x = atoi(xmlParserVersion);	/* "20914": 2.9.14 */
	snprintf(xml, sizeof(xml), "%d.%d.%d", x / 10000, x / 100 % 100, x % 100);
	for (i = 0; i < 2; i++) {
		ck_assert_int_eq(test_run((const char *const[]){ "eedraws", flags[i], NULL },
		                          NULL, &out, &err), 0);
		ck_assert_str_eq(err, "");
		first = xasprintf("eedraws %s\n", EEDRAWS_VERSION);
		ck_assert_msg(starts_with(out, first), "%s", out);
		assert_line(out, "libcurl", curl_version_info(CURLVERSION_NOW)->version);
		assert_line(out, "libxml2", xml);
		assert_line(out, "PCRE2", pcre);
		assert_line(out, "SQLite", sqlite3_libversion());
		assert_line(out, "jansson", jansson_version_str());
		assert_line(out, "zstd", ZSTD_versionString());
		ck_assert_int_eq(count_lines(out, ""), 7);
		free(first), free(out), free(err);
	}
}
END_TEST

START_TEST(test_a_bad_config_exits_78_naming_file_and_line)
{
	char *conf = xasprintf("%s/bad.conf", dir), *out, *err;
	char *where = xasprintf("%s:2:", conf);
	FILE *f = fopen(conf, "w");

	fputs("[eedraws]\ndatabse = x.db\n", f);
	fclose(f);
	ck_assert_int_eq(test_run((const char *const[]){ "eedraws", "-c", conf, "list", NULL },
	                          NULL, &out, &err), 78);
	ck_assert_msg(strstr(err, where) && strstr(err, "unknown key 'databse'"), "%s", err);
	free(out), free(err), free(conf), free(where);
}
END_TEST

START_TEST(test_ingest_announces_new_draws_once)
{
	char *out, *err;

	ck_assert_int_eq(ingest_ok("feed-2026-08-07.json"), 435);
	ck_assert_int_eq(ingest_ok("feed-2026-08-07.json"), 0);
	/* -q: new draws are stored, nothing is said. */
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "-q", "ingest",
	                         test_data("history/09-2025-02-19T193406.json")), 0);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, "");
	free(out), free(err);
}
END_TEST

START_TEST(test_ingest_prints_the_new_draw_line)
{
	char *out, *err;

	ingest_ok("history/08-2025-02-19T184209.json");
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "ingest",
	                         test_data("history/09-2025-02-19T193406.json")), 0);
	/* In order of date, whatever the feed's order. */
	ck_assert_str_eq(out, "new draw #336 2025-02-17 pnp, 646 invitations, CRS 750\n"
	                      "new draw #337 2025-02-19 french, 6,500 invitations, CRS 428\n");
	ck_assert_str_eq(err, "");
	free(out), free(err);
}
END_TEST

START_TEST(test_an_invalid_body_exits_65_and_changes_nothing)
{
	char *before, *after, *out, *err;

	ingest_ok("history/07-2025-02-17T190959.json");
	ck_assert_int_eq(EEDRAWS(&out, NULL, NULL, "export", "-t", "draws"), 0);
	before = out;
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "ingest",
	                         test_data("feed-2025-02-19-invalid.json")), 65);
	ck_assert_msg(strstr(err, "feed-2025-02-19-invalid.json") &&
	              strstr(err, "line 4, column"), "%s", err);
	ck_assert_str_eq(out, "");
	free(out), free(err);
	ck_assert_int_eq(EEDRAWS(&out, NULL, NULL, "export", "-t", "draws"), 0);
	after = out;
	ck_assert_str_eq(before, after);
	free(before), free(after);
}
END_TEST

/* Splits CSV text into its lines, sorted, for comparing as sets. */
static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char **
sorted_lines(char *text, size_t *n)
{
	char **v = NULL, *save = NULL, *line;

	*n = 0;
	for (line = strtok_r(text, "\r\n", &save); line; line = strtok_r(NULL, "\r\n", &save)) {
		v = xrealloc(v, (*n + 1) * sizeof(*v));
		v[(*n)++] = line;
	}
	qsort(v, *n, sizeof(*v), cmp_str);
	return v;
}

START_TEST(test_export_round_trips_what_parse_reads)
{
	char *parsed, *exported, *err, **a, **b;
	size_t na, nb, i;

	ingest_ok("feed-2026-08-07.json");
	ck_assert_int_eq(EEDRAWS(&parsed, &err, NULL, "parse", test_data("feed-2026-08-07.json")), 0);
	free(err);
	ck_assert_int_eq(EEDRAWS(&exported, &err, NULL, "export"), 0);
	free(err);
	ck_assert(starts_with(exported, "number,date,category,version,name,invitations,"
	                      "crs_cutoff,draw_time,tie_break,programs,confirmed,name_fr,"
	                      "unconfirmed_id,state,number_key\r\n"));
	ck_assert_ptr_nonnull(strstr(exported, "\r\n434,2026-08-07,transport,2,"
	                             "\"Transport Occupations, 2026-Version 2\",300,470,"
	                             "2026-08-07T10:08:20Z,2025-10-11T14:55:49Z,\"fsw,cec,fst\",1,,,,"
	                             "43400\r\n"));
	/* Sorted by date then number: 91a before 91b, round 1 first. */
	ck_assert_ptr_nonnull(strstr(exported, "\r\n1,2015-01-31,"));
	ck_assert(strstr(exported, "\r\n91a,") < strstr(exported, "\r\n91b,"));
	a = sorted_lines(parsed, &na);
	b = sorted_lines(exported, &nb);
	ck_assert_uint_eq(na, 436);
	ck_assert_uint_eq(nb, 436);
	/* The same rows, with IRCC's draws all confirmed, no French names,
	 * and each number's sort key. */
	for (i = 0; i < na; i++) {
		char num[16] = "", *want;

		sscanf(a[i], "%15[^,]", num);
		want = i == na - 1
		     ? xasprintf("%s,confirmed,name_fr,unconfirmed_id,state,number_key", a[i])
		     : xasprintf("%s,1,,,,%ld", a[i], draw_number_key(num));

		ck_assert_str_eq(want, b[i]);
		free(want);
	}
	free(a), free(b), free(parsed), free(exported);
}
END_TEST

START_TEST(test_ingest_french_after_english_announces_nothing_and_exports_name_fr)
{
	char *out, *err;

	ck_assert_int_eq(ingest_ok("feed-2026-08-07.json"), 435);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "ingest", test_data("feed-fr.json")), 0);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, "");
	free(out), free(err);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "export"), 0);
	ck_assert_ptr_nonnull(strstr(out, "\r\n431,2026-08-04,pnp,,Provincial Nominee Program,"
	                             "507,768,2026-08-04T10:39:04Z,2026-05-15T15:58:19Z,pnp,1,"
	                             "Programme des candidats des provinces,,,43100\r\n"));
	free(out), free(err);
}
END_TEST

/* Bytes that are neither UTF-8 nor Windows-1252, or a body in the other
 * language than --lang says: refused, exit 65, naming the file, with
 * nothing written. */
START_TEST(test_ingest_refuses_bad_encoding_and_the_wrong_language_writing_nothing)
{
	static const char bad[] = "{\"rounds\": [{\"drawNumber\": \"500\", \"drawDate\":"
		" \"2027-01-06\", \"drawDateFull\": \"6 janvier 2027\","
		" \"drawName\": \"M\xe9tiers \x90\", \"drawSize\": \"10\"}]}";
	char *file = xasprintf("%s/ee_rounds_123_fr.json", dir);
	char *out, *err;
	FILE *f = fopen(file, "wb");

	ck_assert_ptr_nonnull(f);
	fputs(bad, f);
	fclose(f);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "ingest", file), 65);
	ck_assert_str_eq(out, "");
	ck_assert_msg(strstr(err, file) && strstr(err, "neither UTF-8") &&
	              strstr(err, "0x90"), "stderr: %s", err);
	free(out), free(err);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws"), 0);

	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "ingest", "--lang", "en",
	                         test_data("feed-fr.json")), 65);
	ck_assert_msg(strstr(err, "written in French") && strstr(err, "declared English"),
	              "stderr: %s", err);
	free(out), free(err);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws"), 0);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "ingest", "--lang", "fr",
	                         test_data("feed-fr.json")), 0);
	ck_assert_int_eq(count_lines(out, "new draw #"), 12);
	free(out), free(err), free(file);
	/* Only the French feed has them: list shows the French name. */
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "list", "-n", "1"), 0);
	ck_assert_msg(strstr(out, "\n434    2026-08-07 transport") &&
	              strstr(out, "  Professions en transport, 2026-Version 2\n"), "%s", out);
	free(out), free(err);
}
END_TEST

START_TEST(test_programs_cell_is_quoted)
{
	char *out, *err;

	ingest_ok("feed-2026-08-07.json");
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "export"), 0);
	/* "fsw,cec,fst" holds commas: RFC 4180 quotes it. */
	ck_assert_ptr_nonnull(strstr(out, ",\"fsw,cec,fst\",1,,,,43400\r\n"));
	free(out), free(err);
}
END_TEST

START_TEST(test_json_export_has_the_same_rows_typed)
{
	char *out, *err;
	json_error_t jerr;
	json_t *root, *row;
	size_t i;

	ingest_ok("feed-2026-08-07.json");
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "export", "-f", "json"), 0);
	root = json_loads(out, 0, &jerr);
	ck_assert_msg(root != NULL, "%s", jerr.text);
	ck_assert_uint_eq(json_array_size(root), 435);
	json_array_foreach(root, i, row) {
		if (strcmp(json_string_value(json_object_get(row, "number")), "434") != 0)
			continue;
		ck_assert_int_eq(json_integer_value(json_object_get(row, "invitations")), 300);
		ck_assert_int_eq(json_integer_value(json_object_get(row, "crs_cutoff")), 470);
		ck_assert_str_eq(json_string_value(json_object_get(row, "programs")), "fsw,cec,fst");
		break;
	}
	ck_assert_uint_lt(i, 435);
	row = json_array_get(root, 0);
	ck_assert(json_is_null(json_object_get(row, "tie_break")));
	json_decref(root);
	free(out), free(err);
}
END_TEST

START_TEST(test_revisions_and_pool_export)
{
	char *out, *err;

	ingest_ok("history/05-2025-02-05T190940.json");
	ingest_ok("history/06-2025-02-13T201252.json");
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "export", "-t", "revisions"), 0);
	ck_assert(starts_with(out, "number,field,old_value,new_value,changed_at,source\r\n"));
	ck_assert_ptr_nonnull(strstr(out, "\r\n335,tie_break,2025-"));
	ck_assert_int_eq(count_lines(out, "335,"), 2);	/* tie_break, tie_break_raw */
	free(out), free(err);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "export", "-t", "pool", "-f", "csv"), 0);
	ck_assert(starts_with(out, "number,date,as_of,band,crs_min,crs_max,candidates\r\n"));
	ck_assert_ptr_nonnull(strstr(out, "\r\n335,2025-02-05,"));
	free(out), free(err);
}
END_TEST

START_TEST(test_export_to_a_file_is_whole_or_absent)
{
	char *file = xasprintf("%s/draws.csv", dir), *bad = xasprintf("%s/no/such/dir.csv", dir);
	char *out, *err, *text;

	ingest_ok("feed-2026-08-07.json");
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "export", "-o", file), 0);
	ck_assert_str_eq(out, "");
	free(out), free(err);
	text = test_slurp(file, NULL);
	ck_assert_int_eq(count_lines(text, ""), 436);
	free(text);
	ck_assert_int_ne(EEDRAWS(&out, &err, NULL, "export", "-o", bad), 0);
	ck_assert_ptr_nonnull(strstr(err, "no/such/dir.csv"));
	ck_assert_int_eq(access(bad, F_OK), -1);
	free(out), free(err), free(file), free(bad);
}
END_TEST

START_TEST(test_a_full_disk_is_an_error_not_a_short_file)
{
	pid_t pid;
	int status, errfd;
	char *errpath = xasprintf("%s/stderr", dir), *err;

	ingest_ok("feed-2026-08-07.json");
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		int full = open("/dev/full", O_WRONLY);

		errfd = open(errpath, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		if (full < 0 || errfd < 0)
			_exit(127);
		dup2(full, 1);
		dup2(errfd, 2);
		close(full), close(errfd);
		execl(test_bin(), "eedraws", "-d", db, "export", (char *)NULL);
		_exit(127);
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status));
	ck_assert_int_eq(WEXITSTATUS(status), 1);
	err = test_slurp(errpath, NULL);
	ck_assert_msg(strstr(err, "cannot write standard output: No space left on device"),
	              "%s", err);
	free(err), free(errpath);
}
END_TEST

START_TEST(test_list_shows_the_latest_draws)
{
	char *out, *err;

	ingest_ok("feed-2026-08-07.json");
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "list", "-n", "3"), 0);
	ck_assert_int_eq(count_lines(out, ""), 4);
	ck_assert_ptr_nonnull(strstr(out, "\n434    2026-08-07 transport"));
	ck_assert(strstr(out, "\n434 ") < strstr(out, "\n433 "));
	ck_assert_ptr_null(strstr(out, "\n431 "));
	free(out), free(err);
}
END_TEST

START_TEST(test_concurrent_ingests_store_each_draw_once)
{
	enum { N = 4 };
	pid_t pids[N];
	int i, status, announced = 0;
	char *outs[N];
	sqlite3 *h;
	sqlite3_stmt *st;

	for (i = 0; i < N; i++) {
		outs[i] = xasprintf("%s/out%d", dir, i);
		pids[i] = fork();
		ck_assert_int_ge(pids[i], 0);
		if (pids[i] == 0) {
			int fd = open(outs[i], O_WRONLY | O_CREAT | O_TRUNC, 0600);

			if (fd < 0)
				_exit(127);
			dup2(fd, 1);
			close(fd);
			execl(test_bin(), "eedraws", "-d", db, "ingest",
			      test_data("feed-2026-08-07.json"), (char *)NULL);
			_exit(127);
		}
	}
	for (i = 0; i < N; i++) {
		char *text;

		ck_assert_int_eq(waitpid(pids[i], &status, 0), pids[i]);
		ck_assert(WIFEXITED(status));
		ck_assert_int_eq(WEXITSTATUS(status), 0);
		text = test_slurp(outs[i], NULL);
		announced += count_lines(text, "new draw ");
		free(text);
		free(outs[i]);
	}
	ck_assert_int_eq(announced, 435);	/* each draw announced by one run */
	ck_assert_int_eq(sqlite3_open(db, &h), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(h, "SELECT count(*), count(DISTINCT number),"
	                                       " (SELECT count(*) FROM revisions) FROM draws",
	                                    -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_int_eq(sqlite3_column_int(st, 0), 435);
	ck_assert_int_eq(sqlite3_column_int(st, 1), 435);
	ck_assert_int_eq(sqlite3_column_int(st, 2), 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
}
END_TEST

START_TEST(test_a_database_held_too_long_exits_75_saying_why)
{
	sqlite3 *h;
	char *out, *err;

	ingest_ok("history/01-2024-11-13T193415.json");
	ck_assert_int_eq(sqlite3_open(db, &h), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(h, "BEGIN IMMEDIATE; DELETE FROM fetch_state",
	                              NULL, NULL, NULL), SQLITE_OK);
	/* Readers are not held up by a writer. */
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "list", "-n", "1"), 0);
	free(out), free(err);
	/* A second writer waits, then gives up with 75 and says why. */
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "ingest",
	                         test_data("history/09-2025-02-19T193406.json")), 75);
	ck_assert_msg(strstr(err, "database is busy"), "%s", err);
	ck_assert_str_eq(out, "");
	free(out), free(err);
	sqlite3_exec(h, "ROLLBACK", NULL, NULL, NULL);
	sqlite3_close(h);
	ck_assert_int_eq(ingest_ok("history/09-2025-02-19T193406.json"), 14);
}
END_TEST

START_TEST(test_the_default_database_is_made_under_xdg_data_home)
{
	char *data = xasprintf("%s/not/yet", dir), *path, *out, *err;

	setenv("XDG_DATA_HOME", data, 1);
	path = xasprintf("%s/eedraws/eedraws.db", data);
	ck_assert_int_eq(test_run((const char *const[]){ "eedraws", "ingest",
	                          test_data("feed-ddmmyyyy.json"), NULL }, NULL, &out, &err), 0);
	ck_assert_int_eq(access(path, F_OK), 0);
	free(out), free(err), free(path), free(data);
}
END_TEST

START_TEST(test_parse_v_names_the_text_a_draw_came_from)
{
	char *out, *err;

	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "-v", "parse",
	                         test_data("articles/single-draw.txt")), 0);
	ck_assert_ptr_nonnull(strstr(out, "\r\n,2025-03-11,cec,,,2250,517,,,\r\n"));
	ck_assert_ptr_nonnull(strstr(err, "draw 2025-03-11 from: Express Entry: Canada sends 2,250 "
	                                  "invitations in a new Canadian Experience Class round "
	                                  "Immigration, Refugees"));
	free(out), free(err);
}
END_TEST

START_TEST(test_a_file_without_a_date_is_never_dated_by_the_clock)
{
	const char *path = test_data("articles/undated.txt");
	char *out, *err, *want;

	/* The file was read just now; that is no date of the page's. */
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "parse", path), 0);
	ck_assert_str_eq(out, "number,date,category,version,name,invitations,crs_cutoff,"
	                      "draw_time,tie_break,programs\r\n,2025-03-04,french,,,4500,410,,,\r\n");
	want = xasprintf("eedraws: %s: warning: the page gives no publication date", path);
	ck_assert_msg(strstr(err, want), "%s", err);
	ck_assert_ptr_nonnull(strstr(err, "pass --date YYYY-MM-DD"));
	free(out), free(err), free(want);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "parse", "--date", "2025-06-23", path), 0);
	ck_assert_ptr_nonnull(strstr(out, ",2025-06-22,,,,2000,495,"));
	ck_assert_ptr_null(strstr(err, "no publication date"));
	free(out), free(err);
}
END_TEST

/* Lines of the draws export whose date is date. */
static int
export_rows_on(const char *date)
{
	char *out, *err, *p;
	int n = 0;

	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "export"), 0);
	/* "number,date,...": the date follows a line's first comma. */
	for (p = out; (p = strchr(p, '\n')); p++) {
		const char *comma = strchr(p + 1, ',');

		if (comma && strncmp(comma + 1, date, strlen(date)) == 0)
			n++;
	}
	free(out), free(err);
	return n;
}

START_TEST(test_article_before_ircc_is_confirmed_without_duplicate)
{
	char *out, *err;

	ingest_ok("history/06-2025-02-13T201252.json");
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "ingest",
	                         test_data("articles/before-ircc.txt")), 0);
	ck_assert_str_eq(out, "unconfirmed draw 2025-02-17 pnp, 646 invitations, CRS 750"
	                      " (u1, from tests/data/articles/before-ircc.txt)\n");
	free(out), free(err);
	/* Named by its id, as dismiss takes it. */
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "export"), 0);
	ck_assert_ptr_nonnull(strstr(out, "\r\n,2025-02-17,pnp,,,646,750,,,,0,,1,unconfirmed,\r\n"));
	free(out), free(err);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "list", "-n", "1"), 0);
	ck_assert_msg(strstr(out, "\nu1     2025-02-17 pnp") && strstr(out, "unconfirmed"),
	              "%s", out);
	free(out), free(err);

	/* IRCC's feed brings #336: the same draw, now confirmed, once. */
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "ingest",
	                         test_data("history/07-2025-02-17T190959.json")), 0);
	ck_assert_ptr_nonnull(strstr(out, "new draw #336 2025-02-17 pnp"));
	ck_assert_ptr_nonnull(strstr(out, "confirmed draw #336 2025-02-17, reported before IRCC\n"));
	free(out), free(err);
	ck_assert_int_eq(export_rows_on("2025-02-17"), 1);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "export", "-t", "observations"), 0);
	ck_assert(starts_with(out, "draw,status,date,number,category,invitations,crs_cutoff,"
	                           "source,url,fetched_at,evidence,matched_by,reason,"
	                           "unconfirmed_id\r\n"
	                           "336,confirms,2025-02-17,,"
	                           "pnp,646,750,ingest,tests/data/articles/before-ircc.txt,"));
	free(out), free(err);
}
END_TEST

/* An article announces a draw IRCC never held: once IRCC's record holds
 * draws a week after it, it is retracted, said so, and gone from list
 * and export but for export --all. */
START_TEST(test_a_draw_ircc_never_brings_is_retracted)
{
	char *out, *err;

	ingest_ok("history/06-2025-02-13T201252.json");
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "ingest",
	                         test_data("articles/never-held.txt")), 0);
	ck_assert_str_eq(out, "unconfirmed draw 2025-02-10 french, 3,000 invitations, CRS 400"
	                      " (u1, from tests/data/articles/never-held.txt)\n");
	free(out), free(err);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "ingest",
	                         test_data("history/09-2025-02-19T193406.json")), 0);
	ck_assert_int_eq(count_lines(out, "retracted "), 1);
	ck_assert_int_eq(count_lines(out, "retracted unconfirmed draw 2025-02-10 french, 3,000"
	                                  " invitations, CRS 400 (u1): IRCC's record holds draws"
	                                  " to 2025-02-19, a week or more after it, and not this"
	                                  " one\n"), 1);
	free(out), free(err);
	ck_assert_int_eq(export_rows_on("2025-02-10"), 0);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "list"), 0);
	ck_assert_ptr_null(strstr(out, "2025-02-10"));
	free(out), free(err);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "export", "--all"), 0);
	ck_assert_ptr_nonnull(strstr(out, "\r\n,2025-02-10,french,,,3000,400,,,,0,,1,retracted,\r\n"));
	free(out), free(err);
	/* Said once. */
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "ingest",
	                         test_data("history/08-2025-02-19T184209.json")), 0);
	ck_assert_int_eq(count_lines(out, "retracted "), 0);
	free(out), free(err);
}
END_TEST

/* dismiss: a person retracts an unconfirmed draw by its id, as list
 * shows it; anything else is an error naming it that changes nothing. */
START_TEST(test_dismiss_retracts_an_unconfirmed_draw_by_hand)
{
	char *out, *err, *before, *after;

	ingest_ok("history/06-2025-02-13T201252.json");
	ingest_ok("articles/before-ircc.txt");
	ck_assert_int_eq(EEDRAWS(&before, &err, NULL, "export", "-a"), 0);
	free(err);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "dismiss", "x1"), 64);
	ck_assert_msg(strstr(err, "'x1' is not an unconfirmed draw's id"), "%s", err);
	free(out), free(err);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "dismiss", "u2"), 65);
	ck_assert_str_eq(err, "eedraws: dismiss: u2: no such unconfirmed draw (eedraws list"
	                      " shows them); nothing changed\n");
	ck_assert_str_eq(out, "");
	free(out), free(err);
	ck_assert_int_eq(EEDRAWS(&after, &err, NULL, "export", "-a"), 0);
	ck_assert_str_eq(after, before);
	free(before), free(after), free(err);

	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "dismiss", "u1"), 0);
	ck_assert_str_eq(out, "retracted unconfirmed draw 2025-02-17 pnp, 646 invitations,"
	                      " CRS 750 (u1): dismissed by hand\n");
	free(out), free(err);
	ck_assert_int_eq(export_rows_on("2025-02-17"), 0);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "list"), 0);
	ck_assert_ptr_null(strstr(out, "u1"));
	free(out), free(err);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "export", "--all"), 0);
	ck_assert_ptr_nonnull(strstr(out, "\r\n,2025-02-17,pnp,,,646,750,,,,0,,1,dismissed,\r\n"));
	free(out), free(err);
	/* Another article stating it joins it: it stays dismissed. */
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "ingest", test_data("articles/day-late.txt")),
	                 0);
	ck_assert_str_eq(out, "");
	free(out), free(err);
	ck_assert_int_eq(export_rows_on("2025-02-17"), 0);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "dismiss", "1"), 65);
	ck_assert_msg(strstr(err, "u1: it is dismissed already"), "%s", err);
	free(out), free(err);
	/* IRCC's feed is the judge all the same: it brings #336. */
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "ingest",
	                         test_data("history/07-2025-02-17T190959.json")), 0);
	ck_assert_ptr_nonnull(strstr(out, "confirmed draw #336 2025-02-17, reported before IRCC\n"));
	free(out), free(err);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "dismiss", "u1"), 65);
	ck_assert_msg(strstr(err, "u1: IRCC's feed confirmed it as draw #336"), "%s", err);
	free(out), free(err);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM observations"
	                                 " WHERE number = '336'"), 2);
}
END_TEST

START_TEST(test_conflicting_article_keeps_ircc_values)
{
	char *out, *err, *before, *after;

	ingest_ok("history/06-2025-02-13T201252.json");
	ck_assert_int_eq(EEDRAWS(&before, &err, NULL, "export"), 0);
	free(err);
	/* A conflict is no news for cron: ingest says nothing, status counts
	 * it, conflicts lists it. */
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "ingest",
	                         test_data("articles/conflicting.txt")), 0);
	ck_assert_str_eq(out, "");
	free(out), free(err);
	EEDRAWS(&out, &err, NULL, "status");
	ck_assert_int_eq(count_lines(out, "conflicts: 1 (eedraws conflicts lists them)\n"), 1);
	free(out), free(err);
	ck_assert_int_eq(EEDRAWS(&after, &err, NULL, "export"), 0);
	ck_assert_str_eq(before, after);
	free(before), free(after), free(err);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "conflicts"), 0);
	ck_assert_int_eq(count_lines(out, ""), 1);
	ck_assert_ptr_nonnull(strstr(out, "#335   2025-02-05 crs_cutoff  IRCC 521        article 522"));
	free(out), free(err);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "export", "-t", "conflicts", "-f", "json"), 0);
	ck_assert_ptr_nonnull(strstr(out, "\"field\":\"crs_cutoff\",\"ircc_value\":521,"
	                                  "\"stated_value\":522"));
	free(out), free(err);
	/* Stored once: ingesting it again says nothing. */
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "ingest",
	                         test_data("articles/conflicting.txt")), 0);
	ck_assert_str_eq(out, "");
	free(out), free(err);
}
END_TEST

START_TEST(test_parse_of_a_feed_lists_its_items)
{
	char *out, *err;

	/* Sniffed as RSS: items with the default pattern's verdict. */
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "parse", test_data("feed-rss.xml")), 0);
	ck_assert(starts_with(out, "published,match,link,title\r\n2026-05-06T14:30:00Z,1,"
	                           "https://news.example/immigration/2026/05/express-entry-draw-9301,"));
	ck_assert_int_eq(count_lines(out, "2026-05-07T13:15:00Z,0,"), 1);
	free(out), free(err);
	/* One CSV has one header: a page after a feed is refused. */
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "parse", "tests/data/feed-atom.xml",
	                         "tests/data/articles/single-draw.txt"), 64);
	ck_assert_ptr_nonnull(strstr(err, "parse feeds and pages in separate runs"));
	free(out), free(err);
}
END_TEST

START_TEST(test_csv_cells_cannot_carry_a_formula)
{
	const char *body = "{\"rounds\":[{\"drawNumber\":\"900\",\"drawDate\":\"2026-01-07\","
	                   "\"drawName\":\"=HYPERLINK(\\\"http://x.example\\\")\","
	                   "\"drawSize\":\"1,000\",\"drawCRS\":\"500\"},"
	                   "{\"drawNumber\":\"901\",\"drawDate\":\"2026-01-08\","
	                   "\"drawName\":\"@SUM(1)\",\"drawSize\":\"1,000\",\"drawCRS\":\"500\"}]}";
	char *out, *err;

	ck_assert_int_eq(EEDRAWS(&out, &err, body, "-q", "ingest", "-"), 0);
	free(out), free(err);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "export"), 0);
	ck_assert_ptr_nonnull(strstr(out, ",\"'=HYPERLINK(\"\"http://x.example\"\")\",1000,500,"));
	ck_assert_ptr_nonnull(strstr(out, ",'@SUM(1),1000,500,"));
	free(out), free(err);
	/* JSON is data, not a spreadsheet: as IRCC wrote it. */
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "export", "-f", "json"), 0);
	ck_assert_ptr_nonnull(strstr(out, "\"name\":\"@SUM(1)\""));
	free(out), free(err);
}
END_TEST

START_TEST(test_one_bad_input_does_not_stop_the_others)
{
	char *out, *err;

	/* 66: the first that failed, an input that does not exist */
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "ingest", "/nonexistent/feed.json",
	                         test_data("history/09-2025-02-19T193406.json")), 66);
	ck_assert_ptr_nonnull(strstr(err, "cannot open '/nonexistent/feed.json'"));
	ck_assert_int_gt(count_lines(out, "new draw "), 300);
	free(out), free(err);
}
END_TEST

START_TEST(test_parse_reads_stdin_and_touches_no_database)
{
	char *feed = test_slurp(test_data("feed-ddmmyyyy.json"), NULL), *out, *err;

	ck_assert_int_eq(EEDRAWS(&out, &err, feed, "parse", "-"), 0);
	ck_assert_int_eq(count_lines(out, ""), 3);
	ck_assert_ptr_nonnull(strstr(out, "\r\n237,2023-01-11,general,"));
	ck_assert_ptr_nonnull(strstr(err, "warning: round 237: drawDate '11-01-2023'"));
	ck_assert_int_eq(access(db, F_OK), -1);
	free(out), free(err), free(feed);
}
END_TEST

/* max_size bounds a file and stdin as it bounds a download: the big one
 * refused, named, nothing of it stored; the small one beside it stored. */
START_TEST(test_max_size_bounds_files_and_stdin_too)
{
	char *conf = xasprintf("%s/small.conf", dir), *out, *err;
	char *big = test_slurp(test_data("feed-2025-02-05-small.json"), NULL);
	char *bigpath = xstrdup(test_data("feed-2025-02-05-small.json"));
	FILE *f = fopen(conf, "w");

	ck_assert_ptr_nonnull(f);
	fputs("[eedraws]\nmax_size = 5000\n", f);
	fclose(f);
	ck_assert_int_eq(test_run((const char *const[]){ "eedraws", "-c", conf, "-d", db,
	                          "ingest", bigpath, test_data("feed-ddmmyyyy.json"), NULL },
	                          NULL, &out, &err), 65);
	ck_assert_msg(strstr(err, "feed-2025-02-05-small.json' is larger than max_size, "
	                     "5000 bytes"), "%s", err);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies"), 1);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws"), 2);
	free(out), free(err);
	ck_assert_int_eq(test_run((const char *const[]){ "eedraws", "-c", conf, "-d", db,
	                          "ingest", "-", NULL }, big, &out, &err), 65);
	ck_assert_msg(strstr(err, "'(stdin)' is larger than max_size"), "%s", err);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM bodies"), 1);
	free(out), free(err);
	ck_assert_int_eq(test_run((const char *const[]){ "eedraws", "-c", conf, "parse",
	                          bigpath, NULL }, NULL, &out, &err), 65);
	ck_assert_msg(strstr(err, "is larger than max_size"), "%s", err);
	ck_assert_str_eq(out, "");
	free(out), free(err), free(big), free(bigpath), free(conf);
}
END_TEST

/* max_draws in the config is the most draws one article may state:
 * parse and ingest (through the pipeline) both obey it. */
START_TEST(test_max_draws_from_the_config_bounds_an_article)
{
	char *conf = xasprintf("%s/draws.conf", dir), *page = xasprintf("%s/three.txt", dir);
	char *out, *err;
	FILE *f = fopen(conf, "w");

	ck_assert_ptr_nonnull(f);
	fputs("[eedraws]\nmax_draws = 2\n", f);
	fclose(f);
	f = fopen(page, "w");
	ck_assert_ptr_nonnull(f);
	fputs("Published: March 30, 2024\n"
	      "On March 5, 2024, IRCC invited 1,001 candidates with a minimum CRS score of 401.\n"
	      "On March 12, 2024, IRCC invited 1,002 candidates with a minimum CRS score of 402.\n"
	      "On March 19, 2024, IRCC invited 1,003 candidates with a minimum CRS score of 403.\n",
	      f);
	fclose(f);
	/* nothing taken: 65, as for any page that yields nothing */
	ck_assert_int_eq(test_run((const char *const[]){ "eedraws", "-c", conf, "parse", page,
	                          NULL }, NULL, &out, &err), 65);
	ck_assert_msg(strstr(err, "states more than 2 draws"), "%s", err);
	ck_assert_ptr_null(strstr(out, "2024-03"));
	free(out), free(err);
	ck_assert_int_eq(test_run((const char *const[]){ "eedraws", "-c", conf, "-d", db,
	                          "ingest", page, NULL }, NULL, &out, &err), 65);
	ck_assert_msg(strstr(err, "states more than 2 draws"), "%s", err);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM observations"), 0);
	free(out), free(err);
	/* The default, 50, reads all three. */
	ck_assert_int_eq(test_run((const char *const[]){ "eedraws", "parse", page, NULL },
	                          NULL, &out, &err), 0);
	ck_assert_msg(strstr(out, "2024-03-19"), "%s", out);
	free(out), free(err), free(conf), free(page);
}
END_TEST

/* ingest gives the extractor IRCC's rounds: on an undated page, "October
 * 7" with round 316's values is an observation of round 316; parse,
 * with no database, states nothing of it (and so says so, 65). */
START_TEST(test_ingest_matches_a_day_without_a_year_with_ircc_s_round)
{
	char *page = xasprintf("%s/undated-pnp.txt", dir), *out, *err;
	FILE *f = fopen(page, "w");

	ck_assert_ptr_nonnull(f);
	fputs("Provincial nominees invited again\n\n"
	      "On October 7, IRCC invited 1,613 provincial nominees with a minimum CRS "
	      "score of 743.\n", f);
	fclose(f);
	ingest_ok("feed-2026-08-07.json");
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "ingest", page), 0);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM observations"
	                                 " WHERE number = '316' AND date = '2024-10-07'"), 1);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM unconfirmed"), 0);
	free(out), free(err);
	/* reparse reads the archived page the same way. */
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "reparse"), 0);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM observations"
	                                 " WHERE number = '316' AND date = '2024-10-07'"), 1);
	free(out), free(err);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "parse", page), 65);
	ck_assert_ptr_null(strstr(out, "2024-10-07"));
	ck_assert_msg(strstr(err, "no draws found"), "%s", err);
	free(out), free(err), free(page);
}
END_TEST

/* A text that is not UTF-8 (a database written by another tool, say)
 * keeps its key: the bad bytes become U+FFFD. */
START_TEST(test_json_export_replaces_invalid_utf8_and_keeps_the_key)
{
	char *out, *err;
	json_error_t jerr;
	json_t *root, *row;
	sqlite3 *h;
	size_t i;

	ingest_ok("feed-ddmmyyyy.json");
	ck_assert_int_eq(sqlite3_open(db, &h), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(h, "UPDATE draws SET name = CAST(X'41FF42F8808043' AS TEXT)",
	                              NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "export", "-f", "json"), 0);
	root = json_loads(out, 0, &jerr);
	ck_assert_msg(root != NULL, "%s: %s", jerr.text, out);
	ck_assert_uint_eq(json_array_size(root), 2);
	json_array_foreach(root, i, row) {
		ck_assert_ptr_nonnull(json_object_get(row, "name"));
		ck_assert_str_eq(json_string_value(json_object_get(row, "name")),
		                 "A\xef\xbf\xbd" "B\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd" "C");
	}
	json_decref(root);
	free(out), free(err);
}
END_TEST

/* Runs eedraws -d DB ARGS with stdout on a terminal (a pty); returns
 * what the terminal got (caller frees). */
static char *
run_on_a_terminal(const char *const *args)
{
	struct buf got = {0};
	char chunk[4096];
	int master, slave, status;
	ssize_t n;
	pid_t pid;

	ck_assert_int_eq(openpty(&master, &slave, NULL, NULL, NULL), 0);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		dup2(slave, 1);
		close(master), close(slave);
		execv(test_bin(), (char *const *)args);
		_exit(127);
	}
	close(slave);
	while ((n = read(master, chunk, sizeof(chunk))) > 0)	/* EIO at its end */
		buf_add(&got, chunk, (size_t)n);
	close(master);
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	return buf_detach(&got, NULL);
}

/* A name stating a line of its own and a terminal's escapes: in the cron
 * mail, list, error messages and CSV on a terminal, each is escaped. */
START_TEST(test_control_characters_from_stored_text_are_escaped_on_output)
{
	char *feed = test_slurp(test_data("feed-ddmmyyyy.json"), NULL), *name, *path, *out, *err;
	const char *const export[] = { "eedraws", "-d", db, "export", NULL };
	sqlite3 *h;
	FILE *f;

	ingest_ok("feed-ddmmyyyy.json");
	name = strstr(feed, "\"No Program Specified\"");
	ck_assert_ptr_nonnull(name);
	path = xasprintf("%s/evil.json", dir);
	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fwrite(feed, 1, (size_t)(name - feed), f);
	fputs("\"No\\u001b[2J Program\\nnew draw #666\\u009b\"", f);
	fputs(name + strlen("\"No Program Specified\""), f);
	fclose(f);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "ingest", path), 0);
	ck_assert_msg(strstr(out, "'No\\x1b[2J Program\\nnew draw #666\\u009b'"), "%s", out);
	ck_assert_int_eq(count_lines(out, "new draw "), 0);
	ck_assert_ptr_null(strchr(out, '\x1b'));
	free(out), free(err);

	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "list"), 0);
	ck_assert_msg(strstr(out, "No\\x1b[2J Program\\nnew draw #666\\u009b"), "%s", out);
	ck_assert_ptr_null(strchr(out, '\x1b'));
	free(out), free(err);

	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "ingest", "/no/such\x1b]0;x\x07\nfile"), 66);
	ck_assert_msg(strstr(err, "'/no/such\\x1b]0;x\\x07\\nfile'"), "%s", err);
	ck_assert_int_eq(count_lines(err, ""), 1);
	free(out), free(err);

	ck_assert_int_eq(sqlite3_open(db, &h), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(h, "INSERT INTO observations (number, date, crs_cutoff,"
	                              " source, url, fetched_at, observed_at) VALUES ('237',"
	                              " '2023-01-11', 999, 'news', 'https://x.example/'"
	                              " || char(27) || '[2J' || char(10) || 'b', '2023-01-12',"
	                              " '2023-01-12')", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(h);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "conflicts"), 0);
	ck_assert_msg(strstr(out, "https://x.example/\\x1b[2J\\nb"), "%s", out);
	ck_assert_int_eq(count_lines(out, ""), 1);
	free(out), free(err);

	out = run_on_a_terminal(export);
	ck_assert_msg(strstr(out, "No\\x1b[2J Program\\nnew draw #666\\u009b"), "%s", out);
	ck_assert_ptr_null(strchr(out, '\x1b'));
	free(out), free(feed), free(path);
}
END_TEST

/* What a person reads groups thousands as the report page does: the
 * cron mail, list, conflicts; CSV and JSON keep plain numbers. */
START_TEST(test_counts_read_by_a_person_group_thousands)
{
	char *out, *err;

	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "ingest",
	                         test_data("history/06-2025-02-13T201252.json")), 0);
	ck_assert_ptr_nonnull(strstr(out, "new draw #335 2025-02-05 cec, 4,000 invitations, CRS 521\n"));
	free(out), free(err);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "list", "-n", "1"), 0);
	ck_assert_ptr_nonnull(strstr(out, "\n335    2025-02-05 cec                    4,000  521  "));
	free(out), free(err);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "ingest",
	                         test_data("articles/conflicting-count.txt")), 0);
	free(out), free(err);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "conflicts"), 0);
	ck_assert_msg(strstr(out, "#335   2025-02-05 invitations IRCC 4,000      article 4,500 "),
	              "%s", out);
	free(out), free(err);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "export"), 0);
	ck_assert_ptr_nonnull(strstr(out, "\r\n335,2025-02-05,cec,"));
	ck_assert_ptr_nonnull(strstr(out, ",4000,521,"));
	free(out), free(err);
}
END_TEST

/* A changed line says what the value became; the source's spelling of
 * it (tie_break_raw) only with -v, or when the spelling is all that
 * changed. */
START_TEST(test_changed_lines_show_the_raw_value_only_with_v)
{
	static const char line[] = "changed draw #335 2025-02-05: tie_break"
		" '2025-11-14T02:52:14Z' -> '2024-11-14T02:52:14Z'";
	char *first = db, *feed, *p, *out, *err, *want;

	db = xasprintf("%s/v.db", dir);
	ingest_ok("history/05-2025-02-05T190940.json");
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "-v", "ingest",
	                         test_data("history/06-2025-02-13T201252.json")), 0);
	want = xasprintf("%s, tie_break_raw 'November 14, 2025 at 02:52:14 UTC' ->"
	                 " 'November 14, 2024 at 02:52:14 UTC'\n", line);
	ck_assert_str_eq(out, want);
	free(want), free(out), free(err), free(db);
	db = first;

	ingest_ok("history/05-2025-02-05T190940.json");
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "ingest",
	                         test_data("history/06-2025-02-13T201252.json")), 0);
	want = xasprintf("%s\n", line);
	ck_assert_str_eq(out, want);
	free(want), free(out), free(err);

	/* Only IRCC's spelling of #335's count changes: that is said. */
	feed = test_slurp(test_data("history/06-2025-02-13T201252.json"), NULL);
	ck_assert_ptr_nonnull(p = strstr(feed, "\"drawSize\": \"4,000\""));
	memmove(p + 14, p + 15, strlen(p + 15) + 1);	/* "4000" */
	ck_assert_int_eq(EEDRAWS(&out, &err, feed, "ingest", "-"), 0);
	ck_assert_str_eq(out, "changed draw #335 2025-02-05: invitations_raw '4,000' -> '4000'\n");
	free(out), free(err), free(feed);
}
END_TEST

/* Writes DIR/offline.conf: IRCC's feed at a closed port of 127.0.0.1,
 * as a machine without a network sees it. */
static char *
offline_conf(void)
{
	char *conf = xasprintf("%s/offline.conf", dir);
	FILE *f = fopen(conf, "w");

	ck_assert_ptr_nonnull(f);
	fputs("[eedraws]\nconnect_timeout = 2\ntimeout = 2\n[source ircc]\n"
	      "kind = ircc-json\nurl = http://127.0.0.1:1/ee_rounds_123_en.json\n", f);
	fclose(f);
	return conf;
}

/* A database that holds no draw yet (update could not fetch): list says
 * so and what to do, rather than print a bare header; exit 0, as for
 * conflicts when there is none. */
START_TEST(test_list_on_an_empty_database_says_so)
{
	char *conf = offline_conf(), *out, *err;

	ck_assert_int_ne(EEDRAWS(&out, &err, NULL, "-c", conf, "update"), 0);
	free(out), free(err);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "list"), 0);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, "no draws yet; run eedraws update\n");
	free(out), free(err);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "-q", "list"), 0);
	ck_assert_str_eq(out, "");
	ck_assert_str_eq(err, "");
	free(out), free(err), free(conf);
}
END_TEST

/* JSON's number is text ("91a"), which sorts after "434": each row also
 * has number_key, a number that sorts as IRCC counts (and CSV has it as
 * its last column). */
START_TEST(test_json_export_has_a_numeric_number_key)
{
	static const struct { const char *number; long long key; } want[] = {
		{ "91a", 9101 }, { "91b", 9102 }, { "434", 43400 }, { "1", 100 },
	};
	char *out, *err;
	json_error_t jerr;
	json_t *root, *row;
	size_t i, j, found = 0;

	ingest_ok("feed-2026-08-07.json");
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "export", "-f", "json"), 0);
	ck_assert_ptr_nonnull(root = json_loads(out, 0, &jerr));
	json_array_foreach(root, i, row) {
		const char *n = json_string_value(json_object_get(row, "number"));
		json_t *key = json_object_get(row, "number_key");

		ck_assert_msg(json_is_integer(key), "draw %s: number_key not a number", n);
		for (j = 0; j < sizeof(want) / sizeof(want[0]); j++)
			if (strcmp(n, want[j].number) == 0) {
				ck_assert_int_eq(json_integer_value(key), want[j].key);
				found++;
			}
	}
	ck_assert_uint_eq(found, 4);
	json_decref(root);
	free(out), free(err);
}
END_TEST

/* A conflict's values in JSON have the type of their field: counts are
 * numbers, a draw number ("91a" could be one) stays text.  CSV cannot
 * tell and is unchanged. */
START_TEST(test_conflicts_json_has_numbers_for_counts)
{
	char *out, *err;

	ingest_ok("history/06-2025-02-13T201252.json");
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "ingest",
	                         test_data("articles/conflicting-count.txt")), 0);
	free(out), free(err);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "export", "-t", "conflicts", "-f", "json"), 0);
	ck_assert_msg(strstr(out, "\"field\":\"invitations\",\"ircc_value\":4000,"
	                          "\"stated_value\":4500,"), "%s", out);
	ck_assert_msg(strstr(out, "\"field\":\"number\",\"ircc_value\":\"335\","
	                          "\"stated_value\":\"338\","), "%s", out);
	free(out), free(err);
	ck_assert_int_eq(EEDRAWS(&out, &err, NULL, "export", "-t", "conflicts"), 0);
	ck_assert_ptr_nonnull(strstr(out, "\r\n335,2025-02-05,invitations,4000,4500,ingest,"));
	free(out), free(err);
}
END_TEST

Suite *
cli_suite(void)
{
	Suite *s = suite_create("cli");
	TCase *tc = tcase_create("commands");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_usage_errors_exit_64_and_say_what_was_wrong);
	tcase_add_test(tc, test_help_and_version_exit_0);
	tcase_add_test(tc, test_each_command_has_help_three_ways);
	tcase_add_test(tc, test_command_help_lists_its_options_and_a_usage_error_points_there);
	tcase_add_test(tc, test_global_options_may_follow_the_command);
	tcase_add_test(tc, test_a_reading_command_never_makes_a_database);
	tcase_add_test(tc, test_a_database_path_that_cannot_be_one_says_why);
	tcase_add_test(tc, test_no_home_is_no_default_database);
	tcase_add_test(tc, test_an_output_that_cannot_be_written_says_why_by_its_name);
	tcase_add_test(tc, test_an_input_that_yields_nothing_says_so);
	tcase_add_test(tc, test_a_directory_is_no_config);
	tcase_add_test(tc, test_a_tilde_path_is_said_to_be_unexpanded);
	tcase_add_test(tc, test_version_names_each_library_as_it_reports_itself);
	tcase_add_test(tc, test_a_bad_config_exits_78_naming_file_and_line);
	tcase_add_test(tc, test_ingest_announces_new_draws_once);
	tcase_add_test(tc, test_ingest_prints_the_new_draw_line);
	tcase_add_test(tc, test_an_invalid_body_exits_65_and_changes_nothing);
	tcase_add_test(tc, test_export_round_trips_what_parse_reads);
	tcase_add_test(tc, test_programs_cell_is_quoted);
	tcase_add_test(tc, test_json_export_has_the_same_rows_typed);
	tcase_add_test(tc, test_revisions_and_pool_export);
	tcase_add_test(tc, test_export_to_a_file_is_whole_or_absent);
	tcase_add_test(tc, test_a_full_disk_is_an_error_not_a_short_file);
	tcase_add_test(tc, test_list_shows_the_latest_draws);
	tcase_add_test(tc, test_concurrent_ingests_store_each_draw_once);
	tcase_add_test(tc, test_a_database_held_too_long_exits_75_saying_why);
	tcase_add_test(tc, test_the_default_database_is_made_under_xdg_data_home);
	tcase_add_test(tc, test_parse_v_names_the_text_a_draw_came_from);
	tcase_add_test(tc, test_a_file_without_a_date_is_never_dated_by_the_clock);
	tcase_add_test(tc, test_article_before_ircc_is_confirmed_without_duplicate);
	tcase_add_test(tc, test_a_draw_ircc_never_brings_is_retracted);
	tcase_add_test(tc, test_dismiss_retracts_an_unconfirmed_draw_by_hand);
	tcase_add_test(tc, test_conflicting_article_keeps_ircc_values);
	tcase_add_test(tc, test_parse_of_a_feed_lists_its_items);
	tcase_add_test(tc, test_csv_cells_cannot_carry_a_formula);
	tcase_add_test(tc, test_one_bad_input_does_not_stop_the_others);
	tcase_add_test(tc, test_parse_reads_stdin_and_touches_no_database);
	tcase_add_test(tc, test_max_size_bounds_files_and_stdin_too);
	tcase_add_test(tc, test_max_draws_from_the_config_bounds_an_article);
	tcase_add_test(tc, test_ingest_matches_a_day_without_a_year_with_ircc_s_round);
	tcase_add_test(tc, test_json_export_replaces_invalid_utf8_and_keeps_the_key);
	tcase_add_test(tc, test_control_characters_from_stored_text_are_escaped_on_output);
	tcase_add_test(tc, test_ingest_french_after_english_announces_nothing_and_exports_name_fr);
	tcase_add_test(tc, test_ingest_refuses_bad_encoding_and_the_wrong_language_writing_nothing);
	tcase_add_test(tc, test_counts_read_by_a_person_group_thousands);
	tcase_add_test(tc, test_changed_lines_show_the_raw_value_only_with_v);
	tcase_add_test(tc, test_list_on_an_empty_database_says_so);
	tcase_add_test(tc, test_json_export_has_a_numeric_number_key);
	tcase_add_test(tc, test_conflicts_json_has_numbers_for_counts);
	suite_add_tcase(s, tc);
	return s;
}
