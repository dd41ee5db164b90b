/* test_config.c: the INI file, its defaults and its errors. */
#include <check.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <string.h>
#include <sysexits.h>

#include "config.h"
#include "testutil.h"

static char *dir, *path;

static void
setup(void)
{
	dir = test_home();
	path = xasprintf("%s/eedraws.conf", dir);
	/* Keep the user's own files out of the search. */
}

static void
teardown(void)
{
	test_rmtree(dir);
	free(path);
	free(dir);
}

static void
write_conf(const char *text)
{
	FILE *f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
}

START_TEST(test_no_config_file_gives_the_ircc_feed_and_an_xdg_database)
{
	struct config c;
	struct err e = {0};
	char *db = xasprintf("%s/eedraws/eedraws.db", dir);

	ck_assert_int_eq(config_load(&c, NULL, &e), 0);
	ck_assert_ptr_null(c.path);
	ck_assert_str_eq(c.database, db);
	ck_assert_uint_eq(c.nsources, 1);
	ck_assert_str_eq(c.sources[0].name, "ircc");
	ck_assert_str_eq(c.sources[0].kind, "ircc-json");
	ck_assert_str_eq(c.sources[0].url, IRCC_FEED_URL);
	ck_assert_int_eq(c.sources[0].enabled, 1);
	ck_assert_ptr_nonnull(strstr(c.user_agent, "eedraws/"));
	ck_assert_int_eq(c.delay_ms, 1000);
	ck_assert_int_eq(c.archive_keep, 20);
	config_release(&c);
	free(db);
}
END_TEST

START_TEST(test_a_full_file_is_read)
{
	struct config c;
	struct err e = {0};

	write_conf("; comment\n"
	           "[eedraws]\n"
	           "database = /var/lib/eedraws/x.db\n"
	           "user_agent = eedraws (ops@example.org)\n"
	           "connect_timeout = 5\n"
	           "timeout = 30\n"
	           "max_size = 2000000\n"
	           "notify = /usr/local/bin/tell-me --loud\n"
	           "notify_timeout = 2m\n"
	           "delay = 1500ms\n"
	           "report = /var/www/html/draws.html\n"
	           "archive_keep = 5\n"
	           "[source ircc]\n"
	           "kind = ircc-json\n"
	           "url = https://www.canada.ca/x.json\n"
	           "[source other]\n"
	           "url = http://127.0.0.1:9/y.json\n"
	           "enabled = no\n"
	           "lang = fr\n"
	           "[source news]\n"
	           "kind = feed\n"
	           "url = https://news.example/feed/\n"
	           "match = Express Entry|CRS\n"
	           "max_items = 5\n"
	           "stale_after = 36h\n");
	ck_assert_msg(config_load(&c, path, &e) == 0, "%s", e.msg);
	ck_assert_str_eq(c.path, path);
	ck_assert_str_eq(c.database, "/var/lib/eedraws/x.db");
	ck_assert_str_eq(c.user_agent, "eedraws (ops@example.org)");
	ck_assert_int_eq(c.connect_timeout, 5);
	ck_assert_int_eq(c.timeout, 30);
	ck_assert_int_eq(c.max_size, 2000000);
	ck_assert_str_eq(c.notify, "/usr/local/bin/tell-me --loud");
	ck_assert_int_eq(c.notify_timeout, 120);
	ck_assert_int_eq(c.delay_ms, 1500);
	ck_assert_str_eq(c.report, "/var/www/html/draws.html");
	ck_assert_int_eq(c.archive_keep, 5);
	ck_assert_uint_eq(c.nsources, 3);
	ck_assert_str_eq(c.sources[0].url, "https://www.canada.ca/x.json");
	ck_assert_str_eq(c.sources[1].name, "other");
	ck_assert_str_eq(c.sources[1].kind, "auto");
	ck_assert_int_eq(c.sources[1].enabled, 0);
	ck_assert_str_eq(c.sources[1].lang, "fr");
	ck_assert_ptr_null(c.sources[0].lang);	/* from the URL, or the body */
	ck_assert_ptr_null(c.sources[1].match);
	ck_assert_int_eq(c.sources[1].max_items, DEFAULT_MAX_ITEMS);
	ck_assert_str_eq(c.sources[2].kind, "feed");
	ck_assert_str_eq(c.sources[2].match, "Express Entry|CRS");
	ck_assert_int_eq(c.sources[2].max_items, 5);
	ck_assert_int_eq(c.sources[2].stale_after, 36 * 3600);
	ck_assert_int_eq(c.sources[1].stale_after, 86400);
	config_release(&c);
}
END_TEST

START_TEST(test_delay_takes_seconds_or_milliseconds)
{
	static const struct { const char *value; long ms; } cases[] = {
		{ "0", 0 }, { "2", 2000 }, { "3s", 3000 }, { "250ms", 250 }, { "1m", 60000 },
		{ "10m", 600000 },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct config c;
		struct err e = {0};
		char *text = xasprintf("[eedraws]\ndelay = %s\n", cases[i].value);

		write_conf(text);
		ck_assert_msg(config_load(&c, path, &e) == 0, "%s", e.msg);
		ck_assert_int_eq(c.delay_ms, cases[i].ms);
		config_release(&c);
		free(text);
	}
}
END_TEST

START_TEST(test_the_file_is_found_under_xdg_config_home)
{
	struct config c;
	struct err e = {0};
	char *sub = xasprintf("%s/eedraws", dir);

	free(path);
	path = xasprintf("%s/eedraws.conf", sub);
	ck_assert_int_eq(mkdir(sub, 0700), 0);
	write_conf("[eedraws]\ndatabase = /tmp/found.db\n");
	ck_assert_int_eq(config_load(&c, NULL, &e), 0);
	ck_assert_str_eq(c.path, path);
	ck_assert_str_eq(c.database, "/tmp/found.db");
	/* No [source] in the file: the built-in feed stays. */
	ck_assert_uint_eq(c.nsources, 1);
	config_release(&c);
	free(sub);
}
END_TEST

START_TEST(test_errors_name_file_and_line)
{
	static const struct { const char *text; int line; const char *says; } cases[] = {
		{ "[eedraws]\ndatabase = a.db\ncolour = blue\n", 3, "unknown key 'colour'" },
		{ "[eedraws]\n[sauce x]\nurl = http://a/\n", 3, "unknown section [sauce x]" },
		{ "[eedraws]\ntimeout = soon\n", 2, "'soon' is not a duration" },
		{ "[eedraws]\ntimeout = 0\n", 2, "timeout: '0' is out of range" },
		{ "[source a]\nenabled = maybe\n", 2, "'maybe' is not yes or no" },
		{ "[source a]\nkind = pdf\n", 2, "unknown kind 'pdf'" },
		{ "[source a]\nurl = ftp://x/\n", 2, "not an http or https URL" },
		{ "[source a/b]\nurl = http://x/\n", 2, "bad source name" },
		{ "[eedraws]\nthis is not ini\n", 2, "not an INI line" },
		{ "[source n]\nkind = feed\nmatch = Express (Entry\n", 3,
		  "match: bad pattern 'Express (Entry': missing closing parenthesis at offset 14" },
		{ "[source n]\nmax_items = 0\n", 2, "max_items: '0' is out of range" },
		{ "[source n]\nstale_after = 1w\n", 2, "stale_after: '1w' is not a duration" },
		{ "[eedraws]\nnotify =  \n", 2, "notify: empty" },
		{ "[eedraws]\nnotify_timeout = forever\n", 2, "notify_timeout: 'forever' is not a duration" },
		{ "[eedraws]\ndelay = 1h\n", 2, "delay: '1h' is out of range" },
		{ "[source n]\nlang = de\n", 2, "lang: 'de' is not en or fr" },
		{ "[eedraws]\nreport =\n", 2, "report: empty" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct config c;
		struct err e = {0};
		char *where = xasprintf("%s:%d: ", path, cases[i].line);

		write_conf(cases[i].text);
		ck_assert_int_eq(config_load(&c, path, &e), EX_CONFIG);
		ck_assert_msg(strncmp(e.msg, where, strlen(where)) == 0 &&
		              strstr(e.msg, cases[i].says), "case %zu: %s", i, e.msg);
		config_release(&c);
		free(where);
	}
}
END_TEST

/* The value of a time key as the struct keeps it: seconds, or
 * milliseconds for delay. */
static long
time_key(const struct config *c, const char *key)
{
	if (strcmp(key, "connect_timeout") == 0)
		return c->connect_timeout;
	if (strcmp(key, "timeout") == 0)
		return c->timeout;
	if (strcmp(key, "notify_timeout") == 0)
		return c->notify_timeout;
	if (strcmp(key, "delay") == 0)
		return c->delay_ms;
	ck_assert_str_eq(key, "stale_after");
	return c->sources[0].stale_after;
}

/* One syntax for every time key: a bare number is seconds, as each key
 * read it before, and 500ms, 30s, 10m, 6h, 1d mean the same to all. */
START_TEST(test_every_time_key_takes_one_duration_syntax)
{
	static const struct { const char *key, *value; long is; } cases[] = {
		{ "connect_timeout", "45", 45 }, { "connect_timeout", "45s", 45 },
		{ "connect_timeout", "2m", 120 }, { "connect_timeout", "1h", 3600 },
		{ "connect_timeout", "3000ms", 3 },
		{ "timeout", "60", 60 }, { "timeout", "10m", 600 }, { "timeout", "1d", 86400 },
		{ "timeout", "5000ms", 5 }, { "timeout", "86400", 86400 },
		{ "notify_timeout", "90", 90 }, { "notify_timeout", "2h", 7200 },
		{ "notify_timeout", "2000ms", 2 },
		{ "delay", "0", 0 }, { "delay", "2", 2000 }, { "delay", "500ms", 500 },
		{ "delay", "3s", 3000 }, { "delay", "1m", 60000 }, { "delay", "0s", 0 },
		{ "stale_after", "90", 90 }, { "stale_after", "6h", 21600 },
		{ "stale_after", "2d", 172800 }, { "stale_after", "60000ms", 60 },
		{ "stale_after", "3650d", 3650L * 86400 },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct config c;
		struct err e = {0};
		int source = strcmp(cases[i].key, "stale_after") == 0;
		char *text = xasprintf("%s\n%s = %s\n",
		                       source ? "[source a]\nurl = https://example.org/" :
		                       "[eedraws]", cases[i].key, cases[i].value);

		write_conf(text);
		ck_assert_msg(config_load(&c, path, &e) == 0, "%s = %s: %s", cases[i].key,
		              cases[i].value, e.msg);
		ck_assert_msg(time_key(&c, cases[i].key) == cases[i].is, "%s = %s: %ld",
		              cases[i].key, cases[i].value, time_key(&c, cases[i].key));
		config_release(&c);
		free(text);
	}
}
END_TEST

START_TEST(test_duration_errors_give_the_range)
{
	static const struct { const char *text; const char *says; } cases[] = {
		{ "[eedraws]\ntimeout = 0\n", "timeout: '0' is out of range (1s to 1d)" },
		{ "[eedraws]\ntimeout = 2d\n", "timeout: '2d' is out of range (1s to 1d)" },
		{ "[eedraws]\nconnect_timeout = 500ms\n",
		  "connect_timeout: '500ms' is out of range (1s to 1h)" },
		{ "[eedraws]\nconnect_timeout = 1500ms\n",
		  "connect_timeout: '1500ms' is not a whole number of seconds" },
		{ "[eedraws]\ntimeout = soon\n",
		  "timeout: 'soon' is not a duration (500ms, 30s, 10m, 6h, 1d; 1s to 1d)" },
		{ "[eedraws]\nnotify_timeout = 0\n",
		  "notify_timeout: '0' is out of range (1s to 3650d)" },
		{ "[eedraws]\ndelay = 11m\n", "delay: '11m' is out of range (0 to 10m)" },
		{ "[eedraws]\ndelay = -1\n", "delay: '-1' is out of range (0 to 10m)" },
		{ "[eedraws]\ndelay = 1.5s\n",
		  "delay: '1.5s' is not a duration (500ms, 30s, 10m, 6h, 1d; 0 to 10m)" },
		{ "[eedraws]\ndelay = 99999999999999999999ms\n",
		  "delay: '99999999999999999999ms' is out of range (0 to 10m)" },
		{ "[source n]\nstale_after = 1w\n",
		  "stale_after: '1w' is not a duration (500ms, 30s, 10m, 6h, 1d; 1s to 3650d)" },
		{ "[source n]\nstale_after = 3651d\n",
		  "stale_after: '3651d' is out of range (1s to 3650d)" },
		{ "[source n]\nstale_after = 5 m\n",
		  "stale_after: '5 m' is not a duration (500ms, 30s, 10m, 6h, 1d; 1s to 3650d)" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct config c;
		struct err e = {0};
		char *says = xasprintf("%s:2: %s", path, cases[i].says);

		write_conf(cases[i].text);
		ck_assert_int_eq(config_load(&c, path, &e), EX_CONFIG);
		ck_assert_str_eq(e.msg, says);
		config_release(&c);
		free(says);
	}
}
END_TEST

/* A key another section takes says where it goes, so the fix is a
 * move, not a hunt through the man page. */
START_TEST(test_a_key_in_the_wrong_section_says_which_it_belongs_in)
{
	static const struct { const char *text; int line; const char *says; } cases[] = {
		{ "[eedraws]\nurl = https://example.org/\n", 2,
		  "'url' belongs in a [source NAME] section, not [eedraws]" },
		{ "[source a]\nurl = https://example.org/\ntimeout = 5\n", 3,
		  "'timeout' belongs in the [eedraws] section, not [source a]" },
		{ "timeout = 5\n[eedraws]\n", 1,
		  "'timeout' comes before any section: it belongs in the [eedraws] section" },
		{ "; a comment\nurl = https://example.org/\n", 2,
		  "'url' comes before any section: it belongs in a [source NAME] section" },
		{ "colour = blue\n", 1, "unknown key 'colour' before any section" },
		{ "[source a]\ncolour = blue\n", 2, "unknown key 'colour' in [source a]" },
		{ "[eedraws]\ncolour = blue\n", 2, "unknown key 'colour' in [eedraws]" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct config c;
		struct err e = {0};
		char *says = xasprintf("%s:%d: %s", path, cases[i].line, cases[i].says);

		write_conf(cases[i].text);
		ck_assert_int_eq(config_load(&c, path, &e), EX_CONFIG);
		ck_assert_str_eq(e.msg, says);
		config_release(&c);
		free(says);
	}
}
END_TEST

/* inih merges a section opened twice, so a [source a] edited in one
 * place kept the keys of the other: an error naming both lines. */
START_TEST(test_a_repeated_section_is_an_error_naming_both_lines)
{
	static const struct { const char *text; int line, first; const char *name; } cases[] = {
		{ "[source a]\nurl = https://example.org/\n[eedraws]\ntimeout = 5\n"
		  "[source a]\nkind = feed\n", 5, 1, "[source a]" },
		{ "; top\n[eedraws]\n\n  [eedraws]  \n", 4, 2, "[eedraws]" },
		{ "\xef\xbb\xbf[eedraws]\ntimeout = 5\n[source b]\nurl = https://example.org/\n"
		  "[eedraws]\n", 5, 1, "[eedraws]" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct config c;
		struct err e = {0};
		char *says = xasprintf("%s:%d: %s is repeated from %s:%d: put its keys in one section",
		                       path, cases[i].line, cases[i].name, path, cases[i].first);

		write_conf(cases[i].text);
		ck_assert_int_eq(config_load(&c, path, &e), EX_CONFIG);
		ck_assert_str_eq(e.msg, says);
		config_release(&c);
		free(says);
	}
}
END_TEST

/* What inih reads as no section line is none here either: an indented
 * line after a key continues its value, and a comment is a comment. */
START_TEST(test_a_continued_value_or_a_comment_opens_no_section)
{
	struct config c;
	struct err e = {0};

	write_conf("[source a]\nurl = https://example.org/\nmatch = Express\n  [source a]\n"
	           "; [source a]\n# [source a]\n[source b]\nurl = https://example.org/b\n");
	ck_assert_msg(config_load(&c, path, &e) == 0, "%s", e.msg);
	ck_assert_uint_eq(c.nsources, 2);
	ck_assert_str_eq(c.sources[0].match, "[source a]");	/* inih: the last line */
	config_release(&c);
}
END_TEST

/* A value out of range says the range, so the fix is in the message. */
START_TEST(test_range_errors_give_the_range)
{
	static const struct { const char *text; const char *says; } cases[] = {
		{ "[source n]\nmax_items = 0\n", "max_items: '0' is out of range (1 to 1000)" },
		{ "[source n]\nmax_items = many\n",
		  "max_items: 'many' is not a whole number (1 to 1000)" },
		{ "[eedraws]\nnotify_attempts = 1001\n",
		  "notify_attempts: '1001' is out of range (1 to 1000)" },
		{ "[eedraws]\narchive_keep = -1\n", "archive_keep: '-1' is out of range (0 to 1000000)" },
		{ "[eedraws]\nmax_draws = 0\n", "max_draws: '0' is out of range (1 to 1000)" },
		{ "[eedraws]\nmax_size = 1023\n", "max_size: '1023' is out of range (1024 bytes or more)" },
		{ "[eedraws]\nmax_size = 99999999999999999999\n",
		  "max_size: '99999999999999999999' is out of range (1024 bytes or more)" },
	};
	size_t i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct config c;
		struct err e = {0};
		char *says = xasprintf("%s:2: %s", path, cases[i].says);

		write_conf(cases[i].text);
		ck_assert_int_eq(config_load(&c, path, &e), EX_CONFIG);
		ck_assert_str_eq(e.msg, says);
		config_release(&c);
		free(says);
	}
}
END_TEST

/* What inih would misread silently: a line longer than it reads (cut,
 * its rest a line of its own), a NUL (the end of a value), CR-only line
 * ends (the whole file one line). */
START_TEST(test_long_lines_nuls_and_cr_line_ends_are_errors_with_file_and_line)
{
	char *pad = xmalloc(300), *text;
	struct config c;
	struct err e = {0};
	char *where;
	FILE *f;

	/* A URL of 250 bytes whose tail, cut, would be a line of its own. */
	memset(pad, 'a', 250);
	pad[250] = '\0';
	text = xasprintf("[eedraws]\ntimeout = 5\n[source x]\nurl = https://example.org/%s\n", pad);
	write_conf(text);
	where = xasprintf("%s:4: line too long", path);
	ck_assert_int_eq(config_load(&c, path, &e), EX_CONFIG);
	ck_assert_msg(strncmp(e.msg, where, strlen(where)) == 0, "%s", e.msg);
	config_release(&c), free(where), free(text);

	/* 198 bytes and its LF are read whole. */
	memset(pad, 'a', 198 - strlen("url = https://example.org/"));
	pad[198 - strlen("url = https://example.org/")] = '\0';
	text = xasprintf("[source x]\nurl = https://example.org/%s\n", pad);
	write_conf(text);
	ck_assert_msg(config_load(&c, path, &e) == 0, "%s", e.msg);
	ck_assert_uint_eq(strlen(c.sources[0].url), 198 - strlen("url = "));
	config_release(&c), free(text);

	f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fwrite("[eedraws]\ntimeout = 5\0 0\n", 1, 26, f);
	fclose(f);
	where = xasprintf("%s:2: a NUL byte", path);
	ck_assert_int_eq(config_load(&c, path, &e), EX_CONFIG);
	ck_assert_msg(strncmp(e.msg, where, strlen(where)) == 0, "%s", e.msg);
	config_release(&c), free(where);

	write_conf("[eedraws]\r\ntimeout = 5\r\n[source x]\rurl = https://example.org/\r");
	where = xasprintf("%s:3: a line ends with CR alone", path);
	ck_assert_int_eq(config_load(&c, path, &e), EX_CONFIG);
	ck_assert_msg(strncmp(e.msg, where, strlen(where)) == 0, "%s", e.msg);
	config_release(&c), free(where), free(pad);
}
END_TEST

/* Each key of the tables the man page test reads is one the reader
 * handles: given a value no key takes, it complains about the value,
 * never that the key is unknown. */
START_TEST(test_every_listed_key_is_read)
{
	static const struct { const char *section; const char *const *keys; } sections[] = {
		{ "[eedraws]", config_keys_eedraws },
		{ "[source x]\nurl = https://example.org/\n", config_keys_source },
	};
	size_t i, j;

	for (i = 0; i < 2; i++) {
		for (j = 0; sections[i].keys[j]; j++) {
			char *text = xasprintf("%s\n%s = (\n", sections[i].section,
			                       sections[i].keys[j]);
			struct config c;
			struct err e = {0};

			write_conf(text);
			config_load(&c, path, &e);
			ck_assert_msg(!strstr(e.msg, "unknown key"), "%s: %s", sections[i].keys[j],
			              e.msg);
			config_release(&c);
			free(text);
		}
	}
}
END_TEST

START_TEST(test_a_source_without_url_is_an_error)
{
	struct config c;
	struct err e = {0};

	write_conf("[source a]\nkind = ircc-json\n");
	ck_assert_int_eq(config_load(&c, path, &e), EX_CONFIG);
	ck_assert_ptr_nonnull(strstr(e.msg, "[source a] has no url"));
	config_release(&c);
}
END_TEST

START_TEST(test_a_missing_named_file_is_an_error)
{
	struct config c;
	struct err e = {0};

	ck_assert_int_eq(config_load(&c, "/nonexistent/eedraws.conf", &e), EX_CONFIG);
	ck_assert_ptr_nonnull(strstr(e.msg, "/nonexistent/eedraws.conf"));
	config_release(&c);
}
END_TEST

START_TEST(test_the_example_config_is_valid)
{
	struct config c;
	struct err e = {0};

	ck_assert_msg(config_load(&c, "eedraws.conf.example", &e) == 0, "%s", e.msg);
	ck_assert_ptr_nonnull(config_source(&c, "ircc"));
	ck_assert_str_eq(config_source(&c, "cicnews")->kind, "feed");
	/* IRCC's French feed, for the French names, off until wanted */
	ck_assert_str_eq(config_source(&c, "ircc-fr")->url,
	                 "https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_fr.json");
	ck_assert_str_eq(config_source(&c, "ircc-fr")->kind, "ircc-json");
	ck_assert_int_eq(config_source(&c, "ircc-fr")->enabled, 0);
	config_release(&c);
}
END_TEST

/* The example, copied where its header says, changes nothing a user
 * did not choose: no database of a system's (its directory missing,
 * every command failed), only the built-in values, and of its sources
 * only IRCC's English feed enabled, as with no file. */
START_TEST(test_the_example_config_sets_only_the_defaults)
{
	struct config ex, def;
	struct err e = {0};
	size_t i, enabled = 0;

	ck_assert_msg(config_load(&ex, "eedraws.conf.example", &e) == 0, "%s", e.msg);
	ck_assert_int_eq(config_load(&def, NULL, &e), 0);
	ck_assert_str_eq(ex.database, def.database);
	ck_assert_str_eq(ex.user_agent, def.user_agent);
	ck_assert_int_eq(ex.connect_timeout, def.connect_timeout);
	ck_assert_int_eq(ex.timeout, def.timeout);
	ck_assert_int_eq(ex.max_size, def.max_size);
	ck_assert_ptr_null(ex.notify);
	ck_assert_int_eq(ex.notify_timeout, def.notify_timeout);
	ck_assert_int_eq(ex.notify_attempts, def.notify_attempts);
	ck_assert_int_eq(ex.delay_ms, def.delay_ms);
	ck_assert_ptr_null(ex.report);
	ck_assert_int_eq(ex.archive_keep, def.archive_keep);
	ck_assert_int_eq(ex.max_draws, def.max_draws);
	for (i = 0; i < ex.nsources; i++) {
		struct source *s = &ex.sources[i];

		if (!s->enabled)
			continue;
		enabled++;
		ck_assert_str_eq(s->name, def.sources[0].name);
		ck_assert_str_eq(s->kind, def.sources[0].kind);
		ck_assert_str_eq(s->url, def.sources[0].url);
		ck_assert_ptr_null(s->lang);
		ck_assert_int_eq(s->stale_after, def.sources[0].stale_after);
	}
	ck_assert_uint_eq(enabled, 1);
	config_release(&ex);
	config_release(&def);
}
END_TEST

Suite *
config_suite(void)
{
	Suite *s = suite_create("config");
	TCase *tc = tcase_create("ini");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, test_no_config_file_gives_the_ircc_feed_and_an_xdg_database);
	tcase_add_test(tc, test_a_full_file_is_read);
	tcase_add_test(tc, test_delay_takes_seconds_or_milliseconds);
	tcase_add_test(tc, test_the_file_is_found_under_xdg_config_home);
	tcase_add_test(tc, test_errors_name_file_and_line);
	tcase_add_test(tc, test_every_time_key_takes_one_duration_syntax);
	tcase_add_test(tc, test_duration_errors_give_the_range);
	tcase_add_test(tc, test_range_errors_give_the_range);
	tcase_add_test(tc, test_a_repeated_section_is_an_error_naming_both_lines);
	tcase_add_test(tc, test_a_continued_value_or_a_comment_opens_no_section);
	tcase_add_test(tc, test_a_key_in_the_wrong_section_says_which_it_belongs_in);
	tcase_add_test(tc, test_every_listed_key_is_read);
	tcase_add_test(tc, test_long_lines_nuls_and_cr_line_ends_are_errors_with_file_and_line);
	tcase_add_test(tc, test_a_source_without_url_is_an_error);
	tcase_add_test(tc, test_a_missing_named_file_is_an_error);
	tcase_add_test(tc, test_the_example_config_is_valid);
	tcase_add_test(tc, test_the_example_config_sets_only_the_defaults);
	suite_add_tcase(s, tc);
	return s;
}
