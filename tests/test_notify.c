/* test_notify.c: notify = COMMAND, through the binary: once per new or
 * changed draw, retried until it succeeds, never twice after. */
#include <check.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "notify.h"
#include "store.h"
#include "testutil.h"
#include "util.h"

static char *dir, *db, *conf, *log_path, *script, *flag;

/* The command: logs its arguments and the EEDRAWS_* variables, one line
 * per run; fails while the flag file is absent when told to. */
static const char script_text[] =
	"#!/bin/sh\n"
	"echo \"run $EEDRAWS_EVENT|$EEDRAWS_CONFIRMED|$EEDRAWS_NUMBER|$EEDRAWS_DATE|"
	"$EEDRAWS_CATEGORY|$EEDRAWS_INVITATIONS|$EEDRAWS_CRS|$EEDRAWS_CHANGES|"
	"$EEDRAWS_SOURCE|$EEDRAWS_UNCONFIRMED_ID|args:$*\" >> \"$LOG\"\n"
	"if [ -n \"$MUST_FLAG\" ] && [ ! -e \"$MUST_FLAG\" ]; then exit 3; fi\n"
	"if [ -n \"$HANG\" ]; then sleep 30; fi\n"
	"if [ \"$EEDRAWS_NUMBER\" = \"$POISON\" ]; then exit 127; fi\n"
	"exit 0\n";

static void
write_file(const char *path, const char *text, mode_t mode)
{
	FILE *f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	ck_assert_int_eq(chmod(path, mode), 0);
}

static void
write_conf(const char *command, const char *extra)
{
	/* A disabled source: status then speaks of notifications alone. */
	char *text = xasprintf("[eedraws]\nnotify = %s\n%s[source off]\n"
	                       "url = http://127.0.0.1:9/\nenabled = no\n", command,
	                       extra ? extra : "");

	write_file(conf, text, 0644);
	free(text);
}

static void
setup(void)
{
	dir = test_home();
	db = xasprintf("%s/n.db", dir);
	conf = xasprintf("%s/eedraws.conf", dir);
	log_path = xasprintf("%s/log", dir);
	script = xasprintf("%s/notify.sh", dir);
	flag = xasprintf("%s/flag", dir);
	setenv("LOG", log_path, 1);
	unsetenv("MUST_FLAG");
	unsetenv("HANG");
	setenv("POISON", "none", 1);
	write_file(script, script_text, 0755);
	write_conf(script, NULL);
}

static void
teardown(void)
{
	test_rmtree(dir);
	free(db), free(conf), free(log_path), free(script), free(flag), free(dir);
}

static int
run_ingest(const char *file, char **err)
{
	char *out;
	int rc = test_run((const char *const[]){ "eedraws", "-c", conf, "-d", db, "ingest",
	                                         test_data(file), NULL },
	                  NULL, &out, err);

	free(out);
	return rc;
}

static void
ingest_ok(const char *file)
{
	char *err;
	int rc = run_ingest(file, &err);

	ck_assert_msg(rc == 0, "ingest %s: exit %d: %s", file, rc, err);
	free(err);
}

/* The log so far ("" when the command never ran); caller frees. */
static char *
read_log(void)
{
	size_t len;

	if (access(log_path, F_OK) != 0)
		return xstrdup("");
	return test_slurp(log_path, &len);
}

/* Runs status; fails unless its output holds says; returns its exit. */
static int
status_says(const char *says)
{
	char *out, *err;
	int rc = test_run((const char *const[]){ "eedraws", "-c", conf, "-d", db, "status",
	                                         NULL }, NULL, &out, &err);

	ck_assert_msg(strstr(out, says), "%s", out);
	free(out), free(err);
	return rc;
}

START_TEST(test_each_new_or_changed_draw_is_announced_once_with_its_fields)
{
	char *log;

	/* The first load of history is not news. */
	ingest_ok("history/05-2025-02-05T190940.json");
	log = read_log();
	ck_assert_str_eq(log, "");
	free(log);

	/* IRCC corrects #335's tie-break year: one changed draw. */
	ingest_ok("history/06-2025-02-13T201252.json");
	log = read_log();
	ck_assert_int_eq(count_lines(log, "run "), 1);
	ck_assert_msg(strstr(log, "run changed|yes|335|2025-02-05|cec|4000|521|"
	                     "tie_break: 2025-11-14T02:52:14Z -> 2024-11-14T02:52:14Z;"), "%s", log);
	free(log);

	/* #336 arrives; the same body again is no news. */
	ingest_ok("history/07-2025-02-17T190959.json");
	ingest_ok("history/07-2025-02-17T190959.json");
	log = read_log();
	ck_assert_int_eq(count_lines(log, "run "), 2);
	ck_assert_msg(strstr(log, "run new|yes|336|2025-02-17|pnp|646|750||ingest||args:\n"),
	              "%s", log);
	free(log);
}
END_TEST

START_TEST(test_an_unconfirmed_draw_is_announced_as_such)
{
	char *log;

	ingest_ok("history/05-2025-02-05T190940.json");
	ingest_ok("articles/before-ircc.txt");
	log = read_log();
	ck_assert_int_eq(count_lines(log, "run "), 1);
	ck_assert_msg(strstr(log, "run unconfirmed|no||2025-02-17|pnp|646|750||ingest|u1|"), "%s",
	              log);
	free(log);
}
END_TEST

START_TEST(test_a_retracted_draw_is_announced_as_such)
{
	char *log;

	ingest_ok("history/05-2025-02-05T190940.json");
	ingest_ok("articles/never-held.txt");
	ingest_ok("history/09-2025-02-19T193406.json");
	log = read_log();
	ck_assert_int_eq(count_lines(log, "run retracted|"), 1);
	ck_assert_msg(strstr(log, "run retracted|no||2025-02-10|french|3000|400||ingest|u1|args:\n"),
	              "%s", log);
	free(log);
}
END_TEST

START_TEST(test_a_dismissed_draw_is_announced_as_retracted)
{
	char *log, *out, *err;

	ingest_ok("history/05-2025-02-05T190940.json");
	ingest_ok("articles/never-held.txt");
	ck_assert_int_eq(test_run((const char *const[]){ "eedraws", "-c", conf, "-d", db,
	                                                "dismiss", "u1", NULL }, NULL, &out, &err),
	                 0);
	free(out), free(err);
	log = read_log();
	ck_assert_msg(strstr(log, "run retracted|no||2025-02-10|french|3000|400||dismiss|u1|args:\n"),
	              "%s", log);
	free(log);
}
END_TEST

START_TEST(test_a_failed_notification_is_retried_until_it_succeeds_then_never_again)
{
	char *log, *err;

	setenv("MUST_FLAG", flag, 1);
	ingest_ok("history/05-2025-02-05T190940.json");
	ck_assert_int_eq(run_ingest("history/06-2025-02-13T201252.json", &err), 75);
	ck_assert_msg(strstr(err, "failed with exit status 3") &&
	              strstr(err, "draw #335 2025-02-05: tried again next run"), "%s", err);
	free(err);
	/* The draw is stored all the same; the notification waits. */
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM revisions"), 2);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM notifications"
	                                 " WHERE delivered_at IS NULL"), 1);

	/* status says so, and exits 1: alerts are not getting out. */
	ck_assert_int_eq(status_says("notifications: 1 waiting, 1 failing; last error: notify: '"),
	                 1);

	/* Still failing: tried again, on a run that brings nothing new. */
	ck_assert_int_eq(run_ingest("history/06-2025-02-13T201252.json", &err), 75);
	free(err);
	write_file(flag, "", 0644);
	ingest_ok("history/06-2025-02-13T201252.json");
	log = read_log();
	ck_assert_int_eq(count_lines(log, "run changed|yes|335|"), 3);
	free(log);

	/* Delivered: never again, and status is content. */
	ingest_ok("history/06-2025-02-13T201252.json");
	ck_assert_int_eq(status_says("notifications: 0 waiting, 0 failing\n"), 0);
	log = read_log();
	ck_assert_int_eq(count_lines(log, "run "), 3);
	free(log);
	ck_assert_int_eq(test_query_long(db, "SELECT attempts FROM notifications"), 3);
}
END_TEST

/* execve, not a shell: nothing in the command is expanded or run. */
START_TEST(test_the_command_runs_without_a_shell)
{
	char *cmd = xasprintf("%s $HOME;touch %s/pwned `id`", script, dir);
	char *pwned = xasprintf("%s/pwned", dir);
	char *log, *want;

	write_conf(cmd, NULL);
	ingest_ok("history/05-2025-02-05T190940.json");
	ingest_ok("history/06-2025-02-13T201252.json");
	log = read_log();
	want = xasprintf("args:$HOME;touch %s/pwned `id`\n", dir);
	ck_assert_msg(strstr(log, want), "%s", log);
	ck_assert_int_ne(access(pwned, F_OK), 0);
	free(cmd), free(pwned), free(log), free(want);
}
END_TEST

START_TEST(test_a_hung_command_is_killed_at_its_timeout_and_retried)
{
	char *err;

	setenv("HANG", "1", 1);
	write_conf(script, "notify_timeout = 1\n");
	ingest_ok("history/05-2025-02-05T190940.json");
	ck_assert_int_eq(run_ingest("history/06-2025-02-13T201252.json", &err), 75);
	ck_assert_msg(strstr(err, "still running after 1 s; killed"), "%s", err);
	free(err);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM notifications"
	                                 " WHERE delivered_at IS NULL AND last_error"
	                                 " LIKE '%killed'"), 1);
}
END_TEST

START_TEST(test_a_command_that_cannot_run_is_an_error_naming_it)
{
	char *err;

	write_conf("/nonexistent/notify-me", NULL);
	ingest_ok("history/05-2025-02-05T190940.json");
	ck_assert_int_eq(run_ingest("history/06-2025-02-13T201252.json", &err), 75);
	ck_assert_msg(strstr(err, "cannot run '/nonexistent/notify-me'"), "%s", err);
	free(err);
}
END_TEST

/* Two eedraws delivering at once never take the same notification; one
 * whose deliverer died is taken again once its lease is over. */
START_TEST(test_a_claimed_notification_is_not_taken_twice)
{
	struct store *s;
	struct store_notification n, m;
	struct err e = {0};

	ingest_ok("history/05-2025-02-05T190940.json");
	write_conf("/bin/false", NULL);
	{
		char *err;

		run_ingest("history/06-2025-02-13T201252.json", &err);	/* queued, failed */
		free(err);
	}
	ck_assert_int_eq(store_open(&s, db, &e), 0);
	ck_assert_int_eq(store_next_notification(s, 3600, &n, &e), 1);
	ck_assert_str_eq(n.event, "changed");
	ck_assert_str_eq(n.number, "335");
	ck_assert_int_eq(store_next_notification(s, 3600, &m, &e), 0);	/* in flight */
	ck_assert_int_eq(store_next_notification(s, -1, &m, &e), 1);	/* lease over */
	ck_assert_int_eq(m.id, n.id);
	ck_assert_int_eq(store_notification_done(s, m.id, NULL, &e), 0);
	store_notification_release(&m);
	ck_assert_int_eq(store_next_notification(s, -1, &m, &e), 0);	/* delivered */
	store_notification_release(&n);
	store_notification_release(&m);
	store_close(s);
}
END_TEST

/* Values from strangers reach the command bounded and on one line: a
 * name cannot forge another variable, a 140 kB link cannot make the
 * environment too big to run (E2BIG). */
START_TEST(test_variables_are_bounded_and_free_of_control_characters)
{
	char *dump = xasprintf("%s/env", dir), *cmd = xasprintf("%s/dump.sh", dir);
	char *url = xmalloc(140 * 1024 + 1), *env_json, *text, *line, *p;
	struct err e = {0};
	size_t len, n;

	write_file(cmd, "#!/bin/sh\nenv > \"$DUMP\"\n", 0755);
	setenv("DUMP", dump, 1);
	memset(url, 'a', 140 * 1024);
	url[140 * 1024] = '\0';
	memcpy(url, "http://x/#", 10);
	env_json = xasprintf("{\"EEDRAWS_NAME\": \"Trades\\nEEDRAWS_EVENT=forged\\r\\u0007"
	                     "\\u0085x\", \"EEDRAWS_URL\": \"%s\", \"EEDRAWS_EVENT\": \"new\"}",
	                     url);
	ck_assert_msg(notify_run(cmd, env_json, 10, &e) == 0, "%s", e.msg);
	text = test_slurp(dump, &len);
	ck_assert_int_eq(count_lines(text, "EEDRAWS_EVENT="), 1);
	ck_assert_msg(strstr(text, "EEDRAWS_EVENT=new\n"), "%s", text);
	ck_assert_msg(strstr(text, "EEDRAWS_NAME=Trades EEDRAWS_EVENT=forged   x\n"), "%s", text);
	line = strstr(text, "EEDRAWS_URL=http://x/#aaa");
	ck_assert_ptr_nonnull(line);
	n = strcspn(line, "\n");
	ck_assert_uint_le(n, strlen("EEDRAWS_URL=") + NOTIFY_VALUE_MAX);
	p = line + n - 3;
	ck_assert_msg(strncmp(p, "...", 3) == 0, "a cut value says so");
	free(text), free(dump), free(cmd), free(url), free(env_json);
}
END_TEST

/* A notification that can never run is parked, and the next is
 * delivered in the same run: one poison pill no longer holds back every
 * later alert, nor makes every run exit 75. */
START_TEST(test_a_notification_that_cannot_run_is_parked_and_the_next_delivered)
{
	char *log, *err;

	setenv("POISON", "335", 1);	/* the first queued */
	ingest_ok("history/05-2025-02-05T190940.json");
	ck_assert_int_eq(run_ingest("history/07-2025-02-17T190959.json", &err), 75);
	ck_assert_msg(strstr(err, "could not be run (exit 127); draw #335 2025-02-05: parked"
	                     " after 1 attempt (eedraws notifications retry 1)"), "%s", err);
	free(err);
	log = read_log();
	ck_assert_int_eq(count_lines(log, "run changed|yes|335|"), 1);
	ck_assert_int_eq(count_lines(log, "run new|yes|336|"), 1);
	free(log);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM notifications WHERE number"
	                                 " = '336' AND delivered_at IS NOT NULL"), 1);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM notifications WHERE number"
	                                 " = '335' AND parked_at IS NOT NULL"), 1);

	/* The next run leaves it parked, and succeeds. */
	ingest_ok("history/07-2025-02-17T190959.json");
	log = read_log();
	ck_assert_int_eq(count_lines(log, "run "), 2);
	free(log);
	/* status names it for a person, and exits 1. */
	ck_assert_int_eq(status_says("notifications: 0 waiting, 0 failing, 1 parked (eedraws"
	                             " notifications lists them); last error: notify: '"), 1);
}
END_TEST

START_TEST(test_a_notification_failing_notify_attempts_times_is_parked)
{
	char *log, *err;

	setenv("MUST_FLAG", flag, 1);
	write_conf(script, "notify_attempts = 2\n");
	ingest_ok("history/05-2025-02-05T190940.json");
	ck_assert_int_eq(run_ingest("history/06-2025-02-13T201252.json", &err), 75);
	ck_assert_msg(strstr(err, "tried again next run"), "%s", err);
	free(err);
	ck_assert_int_eq(run_ingest("history/06-2025-02-13T201252.json", &err), 75);
	ck_assert_msg(strstr(err, "failed with exit status 3; draw #335 2025-02-05: parked after"
	                     " 2 attempts (eedraws notifications retry 1)"), "%s", err);
	free(err);
	ingest_ok("history/06-2025-02-13T201252.json");
	log = read_log();
	ck_assert_int_eq(count_lines(log, "run "), 2);
	free(log);
	ck_assert_int_eq(status_says(", 1 parked (eedraws notifications lists them)"), 1);
}
END_TEST

/* execve's own failure is told from the command's exit, by errno. */
START_TEST(test_a_command_that_cannot_be_executed_says_why)
{
	struct err e = {0};
	char *noexec = xasprintf("%s/noexec", dir);

	ck_assert_int_eq(notify_run("/nonexistent/notify-me", "{}", 10, &e), NOTIFY_CANNOT_RUN);
	ck_assert_str_eq(e.msg, "notify: cannot run '/nonexistent/notify-me': No such file or"
	                 " directory");
	write_file(noexec, "#!/bin/sh\nexit 0\n", 0644);
	ck_assert_int_eq(notify_run(noexec, "{}", 10, &e), NOTIFY_CANNOT_RUN);
	ck_assert_msg(strstr(e.msg, "Permission denied"), "%s", e.msg);
	ck_assert_int_eq(notify_run("/bin/false", "{}", 10, &e), EX_TEMPFAIL);
	ck_assert_int_eq(notify_run("/bin/true", "{}", 10, &e), 0);
	free(noexec);
}
END_TEST

/* Written by eedraws before issue 14: an unconfirmed draw delivered,
 * then one whose command failed. */
START_TEST(test_a_schema_4_database_keeps_its_notifications)
{
	char *out, *err;

	test_copy_data("schema-v4.db", db);
	ck_assert_int_eq(test_query_long(db, "PRAGMA user_version"), 4);
	write_conf("/bin/false", NULL);
	ck_assert_int_eq(status_says("notifications: 1 waiting, 1 failing; last error: notify:"
	                             " '/bin/false' failed with exit status 1\n"), 1);
	ck_assert_int_eq(test_query_long(db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM notifications WHERE"
	                                 " parked_at IS NULL AND attempts = 1"), 2);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM notifications WHERE"
	                                 " delivered_at IS NOT NULL"), 1);
	/* Its failing one goes on counting towards notify_attempts. */
	write_conf("/bin/false", "notify_attempts = 2\n");
	ck_assert_int_eq(test_run((const char *const[]){ "eedraws", "-c", conf, "-d", db,
	                                                "ingest", test_data("articles/never-held.txt"),
	                                                NULL }, NULL, &out, &err), 75);
	ck_assert_msg(strstr(err, "parked after 2 attempts"), "%s", err);
	free(out), free(err);
}
END_TEST

/* Runs eedraws notifications with up to two arguments; returns its exit. */
static int
notifications(const char *a1, const char *a2, char **out, char **err)
{
	return test_run((const char *const[]){ "eedraws", "-c", conf, "-d", db, "notifications",
	                                       a1, a2, NULL }, NULL, out, err);
}

/* #336's notification parked: its command exits 127 for it. */
static void
park_336(void)
{
	char *err;

	setenv("POISON", "336", 1);
	ingest_ok("history/05-2025-02-05T190940.json");
	ck_assert_int_eq(run_ingest("history/07-2025-02-17T190959.json", &err), 75);
	free(err);
}

START_TEST(test_notifications_lists_and_retries_the_parked_ones)
{
	char *out, *err, *log;

	park_336();
	ck_assert_int_eq(notifications(NULL, NULL, &out, &err), 0);
	ck_assert_msg(strstr(out, "id    state    event       draw   date       attempts  last"
	                     " error\n2     parked   new         336    2025-02-17        1  notify: '")
	              && strstr(out, "' could not be run (exit 127)\n"), "%s", out);
	ck_assert_int_eq(count_lines(out, ""), 2);
	free(out), free(err);

	/* Bad requests change nothing. */
	ck_assert_int_eq(notifications("retry", "9", &out, &err), EX_DATAERR);
	ck_assert_msg(strstr(err, "no notification 9 is waiting (eedraws notifications lists"
	                     " them)"), "%s", err);
	free(out), free(err);
	ck_assert_int_eq(notifications("retry", "u1", &out, &err), EX_USAGE);
	free(out), free(err);
	ck_assert_int_eq(notifications("resend", "1", &out, &err), EX_USAGE);
	ck_assert_msg(strstr(err, "unknown action 'resend' (retry or drop)"), "%s", err);
	free(out), free(err);
	ck_assert_int_eq(notifications("retry", NULL, &out, &err), EX_USAGE);
	free(out), free(err);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM notifications WHERE"
	                                 " parked_at IS NOT NULL AND attempts = 1"), 1);

	/* Retried while its command still cannot run: parked again. */
	ck_assert_int_eq(notifications("retry", "2", &out, &err), 75);
	ck_assert_str_eq(out, "1 notification waiting again\n");
	ck_assert_msg(strstr(err, "parked after 1 attempt"), "%s", err);
	free(out), free(err);

	/* Once it can, retry all delivers it. */
	setenv("POISON", "none", 1);
	ck_assert_int_eq(notifications("retry", "all", &out, &err), 0);
	ck_assert_str_eq(out, "1 notification waiting again\n");
	free(out), free(err);
	log = read_log();
	ck_assert_int_eq(count_lines(log, "run new|yes|336|"), 3);
	free(log);
	ck_assert_int_eq(notifications(NULL, NULL, &out, &err), 0);
	ck_assert_int_eq(count_lines(out, ""), 1);
	free(out), free(err);
	ck_assert_int_eq(status_says("notifications: 0 waiting, 0 failing\n"), 0);
}
END_TEST

START_TEST(test_notifications_drop_deletes_one_never_to_run)
{
	char *out, *err, *log;

	park_336();
	ck_assert_int_eq(notifications("drop", "2", &out, &err), 0);
	ck_assert_str_eq(out, "1 notification dropped\n");
	free(out), free(err);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM notifications WHERE"
	                                 " number = '336'"), 0);
	ck_assert_int_eq(notifications("drop", "2", &out, &err), EX_DATAERR);
	free(out), free(err);
	/* Delivered ones are not for dropping. */
	ck_assert_int_eq(notifications("drop", "1", &out, &err), EX_DATAERR);
	free(out), free(err);
	ck_assert_int_eq(status_says("notifications: 0 waiting, 0 failing\n"), 0);
	setenv("POISON", "none", 1);
	ingest_ok("history/07-2025-02-17T190959.json");
	log = read_log();
	ck_assert_int_eq(count_lines(log, "run new|yes|336|"), 1);
	free(log);
}
END_TEST

/* One body runs notify at most 50 times: a page of 2,000 rows must not
 * run it 2,000 times; the latest 50 run.  stdout still says every draw. */
START_TEST(test_one_body_queues_at_most_50_notifications)
{
	char *out, *err;

	write_conf("/bin/true", NULL);
	ingest_ok("feed-2025-02-05-small.json");
	ck_assert_int_eq(test_run((const char *const[]){ "eedraws", "-c", conf, "-d", db,
	                                                "ingest",
	                                                test_data("history/05-2025-02-05T190940.json"),
	                                                NULL }, NULL, &out, &err), 0);
	ck_assert_int_eq(count_lines(out, "new draw #"), 329);
	free(out), free(err);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM notifications"), 50);
	/* The latest 50, oldest first. */
	ck_assert_int_eq(test_query_long(db, "SELECT number FROM notifications ORDER BY id"
	                                 " LIMIT 1"), 279);
	ck_assert_int_eq(test_query_long(db, "SELECT number FROM notifications ORDER BY id"
	                                 " DESC LIMIT 1"), 332);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM notifications WHERE"
	                                 " delivered_at IS NOT NULL"), 50);
}
END_TEST

/* notify runs in the order the cron mail prints, oldest first, whatever
 * the body's order: IRCC's feed lists its newest round first. */
START_TEST(test_notify_runs_oldest_first_as_the_mail_prints)
{
	char *out, *err, *log;

	ingest_ok("history/05-2025-02-05T190940.json");
	ck_assert_int_eq(test_run((const char *const[]){ "eedraws", "-c", conf, "-d", db,
	                                                "ingest",
	                                                test_data("history/09-2025-02-19T193406.json"),
	                                                NULL }, NULL, &out, &err), 0);
	ck_assert_msg(strstr(out, "changed draw #335 ") < strstr(out, "new draw #336 ") &&
	              strstr(out, "new draw #336 ") < strstr(out, "new draw #337 "), "%s", out);
	log = read_log();
	ck_assert_int_eq(count_lines(log, "run "), 3);
	ck_assert_msg(strstr(log, "run changed|yes|335|") < strstr(log, "run new|yes|336|") &&
	              strstr(log, "run new|yes|336|") < strstr(log, "run new|yes|337|"),
	              "%s", log);
	free(out), free(err), free(log);
}
END_TEST

Suite *
notify_suite(void)
{
	Suite *s = suite_create("notify");
	TCase *tc = tcase_create("notify");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_each_new_or_changed_draw_is_announced_once_with_its_fields);
	tcase_add_test(tc, test_an_unconfirmed_draw_is_announced_as_such);
	tcase_add_test(tc, test_a_retracted_draw_is_announced_as_such);
	tcase_add_test(tc, test_a_dismissed_draw_is_announced_as_retracted);
	tcase_add_test(tc, test_a_failed_notification_is_retried_until_it_succeeds_then_never_again);
	tcase_add_test(tc, test_the_command_runs_without_a_shell);
	tcase_add_test(tc, test_a_hung_command_is_killed_at_its_timeout_and_retried);
	tcase_add_test(tc, test_a_command_that_cannot_run_is_an_error_naming_it);
	tcase_add_test(tc, test_a_claimed_notification_is_not_taken_twice);
	tcase_add_test(tc, test_variables_are_bounded_and_free_of_control_characters);
	tcase_add_test(tc, test_a_notification_that_cannot_run_is_parked_and_the_next_delivered);
	tcase_add_test(tc, test_a_notification_failing_notify_attempts_times_is_parked);
	tcase_add_test(tc, test_a_command_that_cannot_be_executed_says_why);
	tcase_add_test(tc, test_a_schema_4_database_keeps_its_notifications);
	tcase_add_test(tc, test_notifications_lists_and_retries_the_parked_ones);
	tcase_add_test(tc, test_notifications_drop_deletes_one_never_to_run);
	tcase_add_test(tc, test_one_body_queues_at_most_50_notifications);
	tcase_add_test(tc, test_notify_runs_oldest_first_as_the_mail_prints);
	suite_add_tcase(s, tc);
	return s;
}
