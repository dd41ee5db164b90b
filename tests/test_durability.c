/* test_durability.c: unattended for years (issue 4).  eedraws killed at
 * random moments, many of it at once on one database, and databases it
 * cannot use: a file that is not its own, one it may not write, a full
 * disk, a migration that cannot finish.  The binary is run as cron runs
 * it; the database is then read directly.
 *
 * The kill tests print their seed and figures on stderr; replay a failure
 * with EEDRAWS_SEED=N (EEDRAWS_KILLS=N sets how many kills each makes). */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <grp.h>
#include <inttypes.h>
#include <jansson.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "httpd.h"
#include "store.h"
#include "testutil.h"
#include "util.h"

#define NOBODY 65534

static struct httpd *srv;
static char *dir, *db, *conf;

static void
setup(void)
{
	dir = test_home();
	/* Others (nobody) may reach the files a test puts here. */
	ck_assert_int_eq(chmod(dir, 0755), 0);
	db = xasprintf("%s/d.db", dir);
	conf = xasprintf("%s/eedraws.conf", dir);
	srv = httpd_start();
	ck_assert_ptr_nonnull(srv);
}

static int
make_writable(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)ftw;
	if (flag == FTW_D || flag == FTW_DP)
		chmod(path, 0755);
	else if (S_ISREG(st->st_mode))
		chmod(path, 0644);
	return 0;
}

static void
teardown(void)
{
	httpd_stop(srv);
	nftw(dir, make_writable, 16, FTW_PHYS);
	test_rmtree(dir);
	free(db), free(dir), free(conf);
}

/* ---- running the binary ---- */

struct spawn_opts {
	const char *out, *err;	/* files for stdout and stderr; NULL: /dev/null */
	int as_nobody;		/* drop to nobody first when root */
	long fsize_limit;	/* RLIMIT_FSIZE in bytes, SIGXFSZ ignored; 0: none */
};

/* Starts the binary with argv (argv[0] ignored); returns its pid. */
static pid_t
spawn(const char *const argv[], const struct spawn_opts *o)
{
	pid_t pid = fork();

	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		int in = open("/dev/null", O_RDONLY);
		int out = open(o && o->out ? o->out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);
		int err = open(o && o->err ? o->err : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);

		if (in < 0 || out < 0 || err < 0)
			_exit(127);
		dup2(in, 0), dup2(out, 1), dup2(err, 2);
		close(in), close(out), close(err);	/* the binary gets 0-2 only */
		if (o && o->as_nobody && geteuid() == 0 &&
		    (setgroups(0, NULL) != 0 || setgid(NOBODY) != 0 || setuid(NOBODY) != 0))
			_exit(126);
		if (o && o->fsize_limit) {
			struct rlimit rl = { (rlim_t)o->fsize_limit, (rlim_t)o->fsize_limit };

			signal(SIGXFSZ, SIG_IGN);	/* a short write or EFBIG instead */
			if (setrlimit(RLIMIT_FSIZE, &rl) != 0)
				_exit(125);
		}
		execv(test_bin(), (char *const *)argv);
		_exit(127);
	}
	return pid;
}

/* Waits for pid: its exit code, or -(signal) when a signal ended it. */
static int
reap(pid_t pid)
{
	int status;

	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	if (WIFSIGNALED(status))
		return -WTERMSIG(status);
	ck_assert(WIFEXITED(status));
	return WEXITSTATUS(status);
}

/* Runs argv to the end with o; returns the exit code, *err its stderr
 * (caller frees; may be NULL). */
static int
run_with(const char *const argv[], struct spawn_opts o, char **err)
{
	char *errpath = xasprintf("%s/stderr", dir);
	int rc;

	o.err = errpath;
	rc = reap(spawn(argv, &o));
	if (err)
		*err = test_slurp(errpath, NULL);
	unlink(errpath);
	free(errpath);
	return rc;
}

static double
now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

static void
sleep_us(long us)
{
	struct timespec ts = { us / 1000000, (us % 1000000) * 1000 };

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

/* xorshift64*: the same seed, the same kills. */
static uint64_t rng;

static uint64_t
rnd(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 0x2545F4914F6CDD1DULL;
}

static uint64_t
seed_rng(const char *test)
{
	const char *env = getenv("EEDRAWS_SEED");
	uint64_t seed = env && *env ? strtoull(env, NULL, 10)
	                            : ((uint64_t)time(NULL) << 20) ^ (uint64_t)getpid();

	rng = seed ? seed : 1;
	fprintf(stderr, "%s: seed %" PRIu64 " (replay with EEDRAWS_SEED=%" PRIu64 ")\n",
	        test, seed, seed);
	return seed;
}

/* Kills per command: 300 in all, half that under the sanitizers, where
 * a run takes four times as long.  Under valgrind ("make memcheck") the
 * runs killed are not traced, but this process is, some 30 times slower:
 * a run's fork and its check of the database take seconds, and most runs
 * finish before their kill (20 kills took ten minutes).  5 kills per
 * command there still take every path of this test (a kill, a run that
 * finishes, a whole pass) for memcheck to see; finding rare windows is
 * left to the plain and sanitizer runs. */
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_UNDEFINED__)
#define KILLS 75
#else
#define KILLS 150
#endif
#define KILLS_UNDER_VALGRIND 5
static long
kill_target(void)
{
	const char *env = getenv("EEDRAWS_KILLS");

	if (env && *env)
		return atol(env);
	return test_under_valgrind() ? KILLS_UNDER_VALGRIND : KILLS;
}

/* ---- the database as it is ---- */

/* What a database holds, without the times eedraws stamps: two databases
 * that had the same bodies stored have the same state. */
struct state {
	char integrity[128];
	int user_version;
	long objects;		/* rows of sqlite_master */
	long draws, distinct, revisions, pool;
	uint64_t digest;	/* of draws, pool and revisions */
	uint64_t fetch;		/* of fetch_state */
};

static uint64_t
fnv(uint64_t h, const void *p, size_t n)
{
	const unsigned char *c = p;

	while (n--) {
		h ^= *c++;
		h *= 0x100000001b3ULL;
	}
	return h;
}

static long
query_long(sqlite3 *h, const char *sql)
{
	sqlite3_stmt *st;
	long v = -1;

	ck_assert_msg(sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK, "%s: %s", sql,
	              sqlite3_errmsg(h));
	if (sqlite3_step(st) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

static uint64_t
digest_rows(sqlite3 *h, uint64_t d, const char *sql)
{
	sqlite3_stmt *st;
	int i, n;

	ck_assert_msg(sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK, "%s: %s", sql,
	              sqlite3_errmsg(h));
	n = sqlite3_column_count(st);
	while (sqlite3_step(st) == SQLITE_ROW) {
		for (i = 0; i < n; i++) {
			const unsigned char *t = sqlite3_column_text(st, i);

			d = t ? fnv(d, t, strlen((const char *)t) + 1) : fnv(d, "\x1fN", 2);
		}
		d = fnv(d, "\x1e", 1);
	}
	ck_assert_int_eq(sqlite3_errcode(h), SQLITE_DONE);
	sqlite3_finalize(st);
	return fnv(d, "\x1d", 1);
}

/* The digest of empty tables, and of a database not migrated yet. */
static uint64_t
empty_digest(void)
{
	uint64_t d = 0xcbf29ce484222325ULL;
	int i;

	for (i = 0; i < 3; i++)
		d = fnv(d, "\x1d", 1);
	return d;
}

/* Reads the state of path.  The connection may write (to recover a hot
 * journal or WAL as the next eedraws would) but does not checkpoint on
 * close, so the next eedraws still finds the WAL as it was. */
static void
db_state(const char *path, struct state *s)
{
	sqlite3 *h;
	sqlite3_stmt *st;

	memset(s, 0, sizeof(*s));
	if (access(path, F_OK) != 0) {
		/* Killed before it made the file: nothing, as a new empty one. */
		strcpy(s->integrity, "ok");
		s->digest = empty_digest();
		s->fetch = fnv(0xcbf29ce484222325ULL, "\x1d", 1);
		return;
	}
	ck_assert_int_eq(sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE, NULL), SQLITE_OK);
	sqlite3_db_config(h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
	sqlite3_busy_timeout(h, 5000);
	ck_assert_int_eq(sqlite3_prepare_v2(h, "PRAGMA integrity_check", -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	snprintf(s->integrity, sizeof(s->integrity), "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	s->user_version = (int)query_long(h, "PRAGMA user_version");
	s->objects = query_long(h, "SELECT count(*) FROM sqlite_master");
	s->digest = 0xcbf29ce484222325ULL;
	if (query_long(h, "SELECT count(*) FROM sqlite_master WHERE name = 'draws'") <= 0) {
		s->digest = empty_digest();
		s->fetch = fnv(0xcbf29ce484222325ULL, "\x1d", 1);
	} else {
		s->draws = query_long(h, "SELECT count(*) FROM draws");
		s->distinct = query_long(h, "SELECT count(DISTINCT number) FROM draws");
		s->revisions = query_long(h, "SELECT count(*) FROM revisions");
		s->pool = query_long(h, "SELECT count(*) FROM pool");
		s->digest = digest_rows(h, s->digest,
			"SELECT number, number_key, date, date_raw, category, version, name,"
			" invitations, invitations_raw, crs_cutoff, crs_raw, draw_time,"
			" draw_time_raw, tie_break, tie_break_raw, programs, programs_raw,"
			" pool_as_of, pool_as_of_raw, raw, source, url FROM draws ORDER BY number");
		s->digest = digest_rows(h, s->digest, "SELECT number, band, crs_min, crs_max,"
		                        " candidates FROM pool ORDER BY number, band");
		s->digest = digest_rows(h, s->digest, "SELECT number, field, old_value, new_value,"
		                        " source, url FROM revisions ORDER BY id");
		s->fetch = digest_rows(h, 0xcbf29ce484222325ULL, s->user_version < 2 ?
		                        "SELECT url, source, etag, last_modified, body_hash,"
		                        " last_status, last_error FROM fetch_state ORDER BY url" :
		                        "SELECT url, source, etag, last_modified, body_hash,"
		                        " last_status, last_error, failures, next_attempt"
		                        " FROM fetch_state ORDER BY url");
	}
	ck_assert_int_eq(sqlite3_close(h), SQLITE_OK);
}

static void
remove_db(const char *path)
{
	static const char *const ext[] = { "", "-wal", "-shm", "-journal" };
	size_t i;

	for (i = 0; i < sizeof(ext) / sizeof(ext[0]); i++) {
		char *p = xasprintf("%s%s", path, ext[i]);

		unlink(p);
		free(p);
	}
}

static void
copy_file(const char *from, const char *to, mode_t mode)
{
	size_t len;
	char *data = test_slurp(from, &len);
	FILE *f = fopen(to, "wb");

	ck_assert_ptr_nonnull(f);
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
	ck_assert_int_eq(chmod(to, mode), 0);
	free(data);
}

/* Whether path holds exactly len bytes of data. */
static int
same_bytes(const char *path, const char *data, size_t len)
{
	size_t n;
	char *now = test_slurp(path, &n);
	int same = n == len && memcmp(now, data, len) == 0;

	free(now);
	return same;
}

/* ---- crash safety ---- */

/* The bodies stored one after the other: IRCC's feed as it was on six
 * days (new draws, corrections, vanished rounds), then a large one.  (03,
 * 04 and 08 are left out: they change nothing to what came before, so a
 * kill during them could not be seen.) */
static const char *const steps[] = {
	"history/01-2024-11-13T193415.json", "history/02-2024-11-15T203711.json",
	"history/05-2025-02-05T190940.json", "history/06-2025-02-13T201252.json",
	"history/07-2025-02-17T190959.json", "history/09-2025-02-19T193406.json",
	"feed-2026-08-07.json",
};
#define NSTEPS (sizeof(steps) / sizeof(steps[0]))

/* Serves step k's body at route, with an ETag of its own. */
static void
serve_step_at(const char *route, size_t k)
{
	struct httpd_response r = {0};
	char etag[16];
	size_t len;
	char *body = test_slurp(test_data(steps[k - 1]), &len);

	snprintf(etag, sizeof(etag), "\"s%zu\"", k);
	r.body = body;
	r.len = len;
	r.etag = etag;
	r.headers[0] = (struct httpd_header){ "Content-Type", "application/json" };
	httpd_route(srv, route, &r);
	free(body);
}

/* A config at path whose one source is route on the test server. */
static void
write_conf_at(const char *path, const char *route)
{
	char *url = httpd_url(srv, route);
	FILE *f = fopen(path, "w");

	ck_assert_ptr_nonnull(f);
	fprintf(f, "[eedraws]\ndatabase = %s\nuser_agent = eedraws-test (t@example.org)\n"
	        "timeout = 10\nconnect_timeout = 5\n[source ircc]\nkind = ircc-json\nurl = %s\n",
	        db, url);
	fclose(f);
	chmod(path, 0644);
	free(url);
}

static void
write_update_conf(void)
{
	write_conf_at(conf, "/feed.json");
}

/* "eedraws ingest" of step k's file into path. */
static void
ingest_argv(size_t k, const char *path, const char *argv[8])
{
	static char file[4096];

	snprintf(file, sizeof(file), "%s", test_data(steps[k - 1]));
	argv[0] = "eedraws", argv[1] = "-d", argv[2] = path;
	argv[3] = "ingest", argv[4] = file, argv[5] = NULL;
}

/* "eedraws update" into path, its source (conf's) serving step k. */
static void
update_argv(size_t k, const char *path, const char *argv[8])
{
	serve_step_at("/feed.json", k);
	argv[0] = "eedraws", argv[1] = "-c", argv[2] = conf;
	argv[3] = "-d", argv[4] = path, argv[5] = "update", argv[6] = NULL;
}

/* One run of kills: a command, its database, and where it is. */
struct chain {
	const char *name;
	int update;		/* update from route with config cconf; else ingest */
	char *db, *cconf, *route;
	struct state ref[NSTEPS + 1];	/* after each step, uninterrupted */
	double us[NSTEPS + 1];		/* how long each step took so */
	size_t k;			/* the step under way; 0: between passes */
	pid_t pid;			/* its run, 0: none */
	long delay;			/* when it is killed, after it starts */
	double deadline;
	int tries;
	long kills, after_commit, finished, passes;
};

static void
chain_argv(struct chain *c, size_t k, const char *path, const char *argv[8])
{
	if (!c->update) {
		ingest_argv(k, path, argv);
		return;
	}
	serve_step_at(c->route, k);
	argv[0] = "eedraws", argv[1] = "-c", argv[2] = c->cconf;
	argv[3] = "-d", argv[4] = path, argv[5] = "update", argv[6] = NULL;
}

/* Stores every step uninterrupted into a reference database per chain,
 * the chains' runs at once as when they are killed: ref[k] is the state
 * after step k (ref[0] an empty one), us[k] how long it took. */
static void
reference(struct chain *chains, int n)
{
	const char *argv[8];
	char *path[2];
	pid_t pid[2];
	double t0;
	size_t k;
	int i, j, status;

	ck_assert_int_le(n, 2);
	for (i = 0; i < n; i++) {
		const char *ex[] = { "eedraws", "-d", NULL, "ingest", "-", NULL };

		/* Before any: a database migrated but empty (one never
		 * migrated digests the same), as an ingest of nothing leaves
		 * it: only update and ingest make a database. */
		path[i] = xasprintf("%s.ref", chains[i].db);
		ex[2] = path[i];
		remove_db(path[i]);
		ck_assert_int_eq(reap(spawn(ex, NULL)), 65);
		db_state(path[i], &chains[i].ref[0]);
		ck_assert_int_eq(chains[i].ref[0].draws, 0);
		remove_db(path[i]);
		chains[i].us[0] = 0;
	}
	for (k = 1; k <= NSTEPS; k++) {
		t0 = now_us();
		for (i = 0; i < n; i++) {
			chain_argv(&chains[i], k, path[i], argv);
			pid[i] = spawn(argv, NULL);
		}
		for (j = 0; j < n; j++) {
			pid_t p = waitpid(-1, &status, 0);

			for (i = 0; i < n && pid[i] != p; i++)
				;
			ck_assert_msg(i < n && WIFEXITED(status) && WEXITSTATUS(status) == 0,
			              "reference step %zu", k);
			chains[i].us[k] = now_us() - t0;
		}
		for (i = 0; i < n; i++) {
			struct chain *c = &chains[i];

			db_state(path[i], &c->ref[k]);
			ck_assert_str_eq(c->ref[k].integrity, "ok");
			ck_assert_int_eq(c->ref[k].draws, c->ref[k].distinct);
			/* Every step changes something, or a kill could not be
			 * told apart from a run that did nothing. */
			ck_assert_msg(c->ref[k].digest != c->ref[k - 1].digest,
			              "step %zu changes nothing", k);
			ck_assert_msg(c->ref[k].fetch != c->ref[k - 1].fetch || !c->update,
			              "step %zu: no fetch state", k);
		}
	}
	for (i = 0; i < n; i++) {
		remove_db(path[i]);
		free(path[i]);
	}
}

/* Starts the chain's next run, to be killed after a random delay: from at
 * once to a little past the time a whole run of that step takes. */
static void
chain_start(struct chain *c)
{
	const char *argv[8];

	if (c->k == 0) {
		remove_db(c->db);
		c->passes++;
		c->k = 1;
		c->tries = 0;
	}
	c->delay = (long)(rnd() % (uint64_t)(c->us[c->k] * 1.2 + 1));
	chain_argv(c, c->k, c->db, argv);
	c->pid = spawn(argv, NULL);
	c->deadline = now_us() + (double)c->delay;
}

static void chain_finish(struct chain *c, size_t k);

/* Kills the chain's run, then checks the database is sound and holds the
 * state before the step or after it, nothing between. */
static void
chain_kill(struct chain *c, uint64_t seed)
{
	const struct state *before = &c->ref[c->k - 1], *after = &c->ref[c->k];
	struct state now;
	int rc;

	kill(c->pid, SIGKILL);
	rc = reap(c->pid);
	c->pid = 0;
	if (rc == -SIGKILL)
		c->kills++;
	else
		ck_assert_msg(rc == 0, "%s: step %zu exited %d (seed %" PRIu64 ")", c->name, c->k,
		              rc, seed);
	db_state(c->db, &now);
	ck_assert_msg(strcmp(now.integrity, "ok") == 0, "%s: step %zu, kill after %ld us:"
	              " integrity_check: %s (seed %" PRIu64 ")", c->name, c->k, c->delay,
	              now.integrity, seed);
	/* The schema is all there or not at all. */
	ck_assert_msg(now.user_version == 0 ? now.objects == 0 :
	              now.user_version == after->user_version && now.objects == after->objects,
	              "%s: schema %d with %ld objects (seed %" PRIu64 ")", c->name,
	              now.user_version, now.objects, seed);
	ck_assert_int_eq(now.draws, now.distinct);
	ck_assert_msg((now.digest == after->digest && now.fetch == after->fetch) ||
	              (rc == -SIGKILL && now.digest == before->digest &&
	               now.fetch == before->fetch),
	              "%s: step %zu, %s after %ld us: %ld draws, %ld revisions, %ld pool rows;"
	              " before the step %ld/%ld/%ld, after it %ld/%ld/%ld (seed %" PRIu64 ")",
	              c->name, c->k, rc == -SIGKILL ? "killed" : "exited", c->delay, now.draws,
	              now.revisions, now.pool, before->draws, before->revisions, before->pool,
	              after->draws, after->revisions, after->pool, seed);
	if (now.digest != after->digest) {
		ck_assert_msg(++c->tries < 500, "%s: step %zu never got through (seed %" PRIu64 ")",
		              c->name, c->k, seed);
		return;		/* the same step again */
	}
	if (rc == -SIGKILL)
		c->after_commit++;
	else
		c->finished++;
	c->tries = 0;
	if (++c->k <= NSTEPS)
		return;
	/* Through every step: once more, uninterrupted, changes nothing (but
	 * update's fetch state: a 304 this time). */
	chain_finish(c, NSTEPS);
}

/* Runs the steps from k on uninterrupted: they reach the reference state
 * exactly. */
static void
chain_finish(struct chain *c, size_t k)
{
	const struct state *after = &c->ref[NSTEPS];
	const char *argv[8];
	struct state now;

	for (; k <= NSTEPS; k++) {
		chain_argv(c, k, c->db, argv);
		ck_assert_int_eq(reap(spawn(argv, NULL)), 0);
	}
	db_state(c->db, &now);
	ck_assert_str_eq(now.integrity, "ok");
	ck_assert_msg(now.digest == after->digest, "%s: final state differs", c->name);
	ck_assert_int_eq(now.draws, after->draws);
	ck_assert_int_eq(now.draws, now.distinct);
	c->k = 0;
}

START_TEST(test_ingest_and_update_killed_at_random_store_each_body_whole_or_not_at_all)
{
	/* Two at once, one per core: each its own database. */
	struct chain chains[2] = {
		{ .name = "ingest" },
		{ .name = "update", .update = 1 },
	}, *c;
	const int n = 2;
	long target = kill_target();
	uint64_t seed = seed_rng("kills");
	double t0 = now_us(), lo, hi;
	int i, busy;
	size_t k;

	for (i = 0; i < n; i++) {
		c = &chains[i];
		c->db = xasprintf("%s/%s.db", dir, c->name);
		c->cconf = xasprintf("%s/%s.conf", dir, c->name);
		c->route = xasprintf("/%s/feed.json", c->name);
		write_conf_at(c->cconf, c->route);
	}
	reference(chains, n);
	/* Each chain goes on until it has its kills, then stores the rest of
	 * its pass uninterrupted. */
	for (;;) {
		c = NULL;
		for (i = busy = 0; i < n; i++) {
			if (!chains[i].pid && chains[i].kills < target)
				chain_start(&chains[i]);
			else if (!chains[i].pid && chains[i].k) {
				chain_finish(&chains[i], chains[i].k);
				chains[i].k = 0;
			}
			if (chains[i].pid && (!c || chains[i].deadline < c->deadline))
				c = &chains[i];
			busy += chains[i].pid != 0;
		}
		if (!busy)
			break;
		if (c->deadline > now_us())
			sleep_us((long)(c->deadline - now_us()));
		chain_kill(c, seed);
	}
	for (i = 0; i < n; i++) {
		c = &chains[i];
		for (k = 2, lo = hi = c->us[1]; k <= NSTEPS; k++)
			lo = c->us[k] < lo ? c->us[k] : lo, hi = c->us[k] > hi ? c->us[k] : hi;
		fprintf(stderr, "%s: %ld kills survived in %ld passes of %zu bodies (%ld of them"
		        " after the commit; %ld runs finished); a run %.0f-%.0f ms\n", c->name,
		        c->kills, c->passes, NSTEPS, c->after_commit, c->finished, lo / 1000,
		        hi / 1000);
		ck_assert_int_ge(c->kills, target);
		free(c->db), free(c->cconf), free(c->route);
	}
	fprintf(stderr, "kills: %ld in all, %.1f s, seed %" PRIu64 "\n",
	        chains[0].kills + chains[1].kills, (now_us() - t0) / 1e6, seed);
}
END_TEST

/* ---- concurrency ---- */

/* Checks an export of the draws as JSON: an array of distinct draws; returns
 * how many. */
static long
check_export(const char *path)
{
	json_error_t je;
	json_t *a = json_load_file(path, 0, &je), *v;
	size_t i, j;
	long n;

	ck_assert_msg(a && json_is_array(a), "%s: %s", path, je.text);
	n = (long)json_array_size(a);
	json_array_foreach(a, i, v) {
		const char *num = json_string_value(json_object_get(v, "number"));

		ck_assert_msg(json_is_object(v) && num && json_is_string(json_object_get(v, "date")) &&
		              json_is_integer(json_object_get(v, "invitations")), "%s: row %zu", path, i);
		for (j = 0; j < i; j++)
			ck_assert_str_ne(num, json_string_value(json_object_get(json_array_get(a, j),
			                                                        "number")));
	}
	json_decref(a);
	return n;
}

START_TEST(test_concurrent_updates_and_exports_neither_fail_nor_duplicate)
{
	enum { UPDATES = 4, EXPORTS = 4, N = UPDATES + EXPORTS, ROUNDS = 4 };
	/* Each round the source serves a newer feed: a new database, new
	 * draws, a correction, many new draws. */
	static const size_t rounds[ROUNDS] = { 1, 3, 5, NSTEPS };
	struct state ref[ROUNDS + 1], now;
	char *refdb = xasprintf("%s/ref.db", dir), *outs[N], *errs[N];
	const char *argv[8];
	pid_t pids[N];
	double t0;
	size_t r;
	int i, procs = 0;

	write_update_conf();
	/* What one update at a time leaves after each round. */
	db_state(refdb, &ref[0]);
	for (r = 0; r < ROUNDS; r++) {
		update_argv(rounds[r], refdb, argv);
		ck_assert_int_eq(reap(spawn(argv, NULL)), 0);
		db_state(refdb, &ref[r + 1]);
	}
	{
		/* An export never makes a database (exit 66 without one):
		 * an ingest of nothing makes it empty, as round 0 finds it. */
		const char *mk[] = { "eedraws", "-d", db, "ingest", "-", NULL };

		ck_assert_int_eq(reap(spawn(mk, NULL)), 65);
	}
	t0 = now_us();
	for (r = 0; r < ROUNDS; r++) {
		long announced = 0;

		for (i = 0; i < N; i++) {
			struct spawn_opts o = {0};
			const char *ex[] = { "eedraws", "-d", db, "export", "-f", "json", NULL };

			outs[i] = xasprintf("%s/out%d", dir, i);
			errs[i] = xasprintf("%s/err%d", dir, i);
			o.out = outs[i], o.err = errs[i];
			update_argv(rounds[r], db, argv);	/* serves the round's body */
			/* Interleaved, so that exports start among the updates. */
			pids[i] = spawn(i % 2 ? ex : argv, &o);
			procs++;
		}
		for (i = 0; i < N; i++) {
			int rc = reap(pids[i]);
			char *err = test_slurp(errs[i], NULL), *out;

			ck_assert_msg(rc == 0 && !*err, "round %zu, %s %d: exit %d: %s", r,
			              i % 2 ? "export" : "update", i, rc, err);
			if (i % 2) {
				long n = check_export(outs[i]);

				/* One snapshot: before this round's body or after it. */
				ck_assert_msg(n == ref[r].draws || n == ref[r + 1].draws,
				              "round %zu: export of %ld draws, not %ld or %ld", r, n,
				              ref[r].draws, ref[r + 1].draws);
			} else {
				out = test_slurp(outs[i], NULL);
				announced += count_lines(out, "new draw ");
				free(out);
			}
			free(err), free(outs[i]), free(errs[i]);
		}
		/* Each new draw announced by one update; the same draws, pool
		 * and revisions as one update at a time leaves. */
		ck_assert_int_eq(announced, ref[r + 1].draws - ref[r].draws);
		db_state(db, &now);
		ck_assert_str_eq(now.integrity, "ok");
		ck_assert_int_eq(now.draws, now.distinct);
		ck_assert_int_eq(now.draws, ref[r + 1].draws);
		ck_assert_int_eq(now.revisions, ref[r + 1].revisions);
		ck_assert(now.digest == ref[r + 1].digest);
	}
	ck_assert_int_gt(ref[ROUNDS].revisions, 0);
	fprintf(stderr, "concurrency: %d rounds of %d updates and %d exports at once"
	        " (%d processes), none failed, %.1f s\n", ROUNDS, UPDATES, EXPORTS, procs,
	        (now_us() - t0) / 1e6);
	free(refdb);
}
END_TEST

/* ---- databases eedraws cannot use ---- */

/* Runs update (against the test server), ingest and export on path as
 * the given user; checks each fails with code, saying path and says,
 * and leaves path's bytes as they were. */
static void
each_command_refuses(const char *path, int as_nobody, int with_export, int code,
                     const char *says)
{
	char *body = xasprintf("%s/in.json", dir);
	const char *ingest[] = { "eedraws", "-d", path, "ingest", body, NULL };
	const char *update[] = { "eedraws", "-c", conf, "-d", path, "update", NULL };
	const char *export[] = { "eedraws", "-d", path, "export", NULL };
	const char *const *cmds[] = { update, ingest, export };
	struct spawn_opts o = { .as_nobody = as_nobody };
	size_t len, i;
	char *before = test_slurp(path, &len);

	copy_file(test_data("history/05-2025-02-05T190940.json"), body, 0644);
	for (i = 0; i < (with_export ? 3u : 2u); i++) {
		char *err;
		int rc = run_with(cmds[i], o, &err);

		fprintf(stderr, "  %s%s: exit %d: %s", as_nobody ? "nobody: " : "", cmds[i][i ? 3 : 5],
		        rc, err);
		ck_assert_msg(rc == code, "%s: exit %d, not %d: %s", cmds[i][i ? 3 : 5], rc, code, err);
		ck_assert_msg(strstr(err, path) && strstr(err, says), "%s", err);
		ck_assert_int_eq(count_lines(err, ""), 1);
		ck_assert_msg(same_bytes(path, before, len), "%s changed", path);
		free(err);
	}
	free(before), free(body);
}

static void
serve_step(size_t k)
{
	const char *argv[8];

	update_argv(k, db, argv);
}

START_TEST(test_a_file_not_an_eedraws_database_is_refused_untouched)
{
	char *text = xasprintf("%s/notes.txt", dir), *wal = xasprintf("%s/notes.txt-wal", dir);
	char *other = xasprintf("%s/other.db", dir);
	sqlite3 *h;
	FILE *f = fopen(text, "w");

	write_update_conf();
	serve_step(5);
	ck_assert_ptr_nonnull(f);
	fputs("draw 1, 779 invitations\n", f);
	ck_assert_int_eq(fclose(f), 0);
	each_command_refuses(text, 0, 1, 65, "not an eedraws database, not even SQLite");
	ck_assert_int_eq(access(wal, F_OK), -1);

	/* Another application's database, with a table and a row. */
	ck_assert_int_eq(sqlite3_open(other, &h), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(h, "CREATE TABLE notes (t TEXT);"
	                              "INSERT INTO notes VALUES ('mine')", NULL, NULL, NULL),
	                 SQLITE_OK);
	ck_assert_int_eq(sqlite3_close(h), SQLITE_OK);
	each_command_refuses(other, 0, 1, 65, "not an eedraws database; name another with -d");
	/* Not even fetched: the database is checked first. */
	ck_assert_uint_eq(httpd_hits(srv, "/feed.json"), 0);
	free(text), free(wal), free(other);
}
END_TEST

/* A database of history/01 in DIR/ro/, read-only (0444), owned by whoever
 * runs the tests; the commands then run as nobody (when root). */
static char *
read_only_db(char **rodir)
{
	char *path;
	const char *argv[8];

	*rodir = xasprintf("%s/ro", dir);
	ck_assert_int_eq(mkdir(*rodir, 0755), 0);
	path = xasprintf("%s/d.db", *rodir);
	ingest_argv(1, path, argv);
	ck_assert_int_eq(reap(spawn(argv, NULL)), 0);
	ck_assert_int_eq(chmod(path, 0444), 0);
	return path;
}

START_TEST(test_a_read_only_database_is_refused_untouched_or_only_read)
{
	char *rodir, *path = read_only_db(&rodir), *err, *mine, *theirs;
	char *outpath = xasprintf("%s/export.csv", dir);
	const char *export[] = { "eedraws", "-d", path, "export", NULL };
	struct spawn_opts o = { .as_nobody = 1, .out = outpath };
	struct state before, after;

	write_update_conf();
	serve_step(5);
	db_state(path, &before);
	ck_assert_int_eq(reap(spawn(export, &(struct spawn_opts){ .out = outpath })), 0);
	mine = test_slurp(outpath, NULL);

	/* A directory it may not write: SQLite cannot make the -wal and
	 * -shm that even reading a WAL database needs. */
	ck_assert_int_eq(chmod(rodir, 0555), 0);
	each_command_refuses(path, 1, 1, 1, "its directory is not writable by this user");

	/* A directory it may write: reading works, writing is refused. */
	ck_assert_int_eq(chmod(rodir, 0777), 0);
	each_command_refuses(path, 1, 0, 1, "the database is read-only to this user");
	ck_assert_int_eq(run_with(export, o, &err), 0);
	ck_assert_str_eq(err, "");
	theirs = test_slurp(outpath, NULL);
	ck_assert_str_eq(theirs, mine);
	ck_assert(count_lines(theirs, "") > 300);
	db_state(path, &after);
	ck_assert_str_eq(after.integrity, "ok");
	ck_assert(after.digest == before.digest);
	free(err), free(mine), free(theirs), free(outpath), free(path), free(rodir);
}
END_TEST

/* IRCC's real feed with 600 kB of random letters beside its rounds, in
 * dir: a body too large for the WAL below even compressed, as the
 * archive keeps it. */
static char *
padded_feed(void)
{
	char *path = xasprintf("%s/big.json", dir);
	char *feed = test_slurp(test_data("feed-2026-08-07.json"), NULL);
	FILE *f = fopen(path, "w");
	unsigned long x = 1;
	int i;

	ck_assert_ptr_nonnull(f);
	fputs("{\"padding\": \"", f);
	for (i = 0; i < 600000; i++) {
		x = x * 6364136223846793005UL + 1442695040888963407UL;
		fputc('a' + (int)((x >> 33) % 26), f);
	}
	fprintf(f, "\",%s", strchr(feed, '{') + 1);
	ck_assert_int_eq(fclose(f), 0);
	free(feed);
	return path;
}

/* The WAL's layout (4 KiB pages): a 32-byte header, then frames of a
 * 24-byte header and a page, each written by a write of its own. */
#define WAL_AT_FRAME(n) (32L + (n) * (24L + 4096L))

START_TEST(test_a_full_disk_fails_clearly_and_keeps_what_was_stored)
{
	/* A limit inside a page: the write that crosses it is cut short,
	 * and SQLite's retry of the rest fails with EFBIG.  One on a frame's
	 * boundary: the next write starts at the limit and fails with EFBIG.
	 * Either way SQLite says "disk I/O error" (a real full disk, ENOSPC,
	 * it calls SQLITE_FULL). */
	static const long limits[] = { 200000, WAL_AT_FRAME(40) };
	char *file = padded_feed();
	const char *small[] = { "eedraws", "-d", db, "ingest",
	                        test_data("feed-ddmmyyyy.json"), NULL };
	const char *big[] = { "eedraws", "-d", db, "ingest", file, NULL };
	struct state before, after;
	size_t i, len;
	char *bytes, *err;

	ck_assert_int_eq(reap(spawn(small, NULL)), 0);
	db_state(db, &before);
	ck_assert_int_eq(before.draws, 2);
	bytes = test_slurp(db, &len);
	ck_assert(len < (size_t)limits[0]);	/* the limit hits the WAL */
	for (i = 0; i < sizeof(limits) / sizeof(limits[0]); i++) {
		int rc = run_with(big, (struct spawn_opts){ .fsize_limit = limits[i] }, &err);

		fprintf(stderr, "  file size limit %ld: exit %d: %s", limits[i], rc, err);
		ck_assert_msg(rc == 1, "exit %d: %s", rc, err);
		ck_assert_msg(strstr(err, db) && strstr(err, "cannot write the database") &&
		              strstr(err, "is the disk full?"), "%s", err);
		ck_assert_int_eq(count_lines(err, ""), 1);
		ck_assert_msg(same_bytes(db, bytes, len), "the database file changed");
		db_state(db, &after);
		ck_assert_str_eq(after.integrity, "ok");
		ck_assert(after.digest == before.digest);
		free(err);
	}
	/* With room again, the body is stored. */
	ck_assert_int_eq(run_with(big, (struct spawn_opts){0}, &err), 0);
	db_state(db, &after);
	ck_assert_int_eq(after.draws, 435);	/* the two among them */
	free(err), free(bytes), free(file);
}
END_TEST

/* The schema of path: every object's type, name and SQL. */
static char *
schema_of(const char *path)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	char *s;

	ck_assert_int_eq(sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_prepare_v2(h, "SELECT group_concat(type || ' ' || name || ' '"
	                                    " || ifnull(sql, ''), char(10)) FROM (SELECT * FROM"
	                                    " sqlite_master ORDER BY name)", -1, &st, NULL),
	                 SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	s = xstrdup((const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	sqlite3_close(h);
	return s;
}

START_TEST(test_a_migration_that_cannot_finish_leaves_schema_1_as_it_was)
{
	const char *argv[] = { "eedraws", "-d", db, "export", NULL };
	char *v1, *schema, *now, *err;
	struct state st;
	size_t len;
	long limit;
	int failed = 0, frames;

	copy_file(test_data("schema-v1.db"), db, 0644);
	v1 = test_slurp(db, &len);
	schema = schema_of(db);
	ck_assert_int_eq(test_query_long(db, "PRAGMA user_version"), 1);
	/* Ever more room for the WAL, one frame at a time, until the
	 * migration fits: each attempt before that fails somewhere in its
	 * writes, and must leave schema 1 whole.  (Below 32 KiB even the
	 * -shm cannot be made.) */
	for (frames = 8; frames < 80; frames++) {
		int rc;

		limit = WAL_AT_FRAME(frames) + 1000;
		rc = run_with(argv, (struct spawn_opts){ .fsize_limit = limit }, &err);
		if (rc == 0) {
			free(err);
			break;
		}
		if (!failed++)
			fprintf(stderr, "  migration, file size limit %ld: exit %d: %s", limit, rc, err);
		ck_assert_msg(rc == 1 && strstr(err, db) && strstr(err, "cannot write"),
		              "limit %ld: exit %d: %s", limit, rc, err);
		ck_assert_msg(same_bytes(db, v1, len), "limit %ld: the file changed", limit);
		db_state(db, &st);
		ck_assert_str_eq(st.integrity, "ok");
		ck_assert_int_eq(st.user_version, 1);
		ck_assert_int_eq(st.draws, 2);
		now = schema_of(db);
		ck_assert_str_eq(now, schema);
		free(now), free(err);
	}
	fprintf(stderr, "  migration: %d attempts failed, all left schema 1; it fits in %d frames\n",
	        failed, frames);
	/* It failed midway (more than once), then went through. */
	ck_assert_int_gt(failed, 1);
	ck_assert_int_lt(frames, 80);
	ck_assert_int_eq(test_query_long(db, "PRAGMA user_version"), STORE_SCHEMA_VERSION);
	ck_assert_int_eq(test_query_long(db, "SELECT count(*) FROM draws"), 2);
	free(v1), free(schema);
}
END_TEST

START_TEST(test_a_read_only_schema_1_database_is_not_migrated_and_says_so)
{
	char *rodir = xasprintf("%s/ro", dir), *path = xasprintf("%s/ro/v1.db", dir), *err;
	char *v1, *schema, *now;
	const char *argv[] = { "eedraws", "-d", path, "ingest",
	                       test_data("feed-ddmmyyyy.json"), NULL };
	size_t len;
	int rc;

	ck_assert_int_eq(mkdir(rodir, 0777), 0);
	ck_assert_int_eq(chmod(rodir, 0777), 0);
	copy_file(test_data("schema-v1.db"), path, 0444);
	v1 = test_slurp(path, &len);
	schema = schema_of(path);
	rc = run_with(argv, (struct spawn_opts){ .as_nobody = 1 }, &err);
	fprintf(stderr, "  nobody: migration of a read-only file: exit %d: %s", rc, err);
	ck_assert_msg(rc == 1 && strstr(err, path) &&
	              strstr(err, "the database is read-only to this user"), "exit %d: %s", rc, err);
	ck_assert_msg(same_bytes(path, v1, len), "the file changed");
	now = schema_of(path);
	ck_assert_str_eq(now, schema);
	ck_assert_int_eq(test_query_long(path, "PRAGMA user_version"), 1);
	free(err), free(v1), free(schema), free(now), free(path), free(rodir);
}
END_TEST

/* What write_file_atomic's tests write. */
static int
write_hello(FILE *f, void *ctx, struct err *e)
{
	(void)ctx, (void)e;
	fputs("hello\n", f);
	return 0;
}

START_TEST(test_a_temporary_name_planted_as_a_symlink_is_not_followed)
{
	char *victim = xasprintf("%s/victim", dir), *path = xasprintf("%s/out.csv", dir);
	char *planted = xasprintf("%s.tmp.%ld", path, (long)getpid()), *text;
	struct err e = {0};
	FILE *f = fopen(victim, "w");

	ck_assert_ptr_nonnull(f);
	fputs("precious\n", f);
	fclose(f);
	ck_assert_int_eq(symlink(victim, planted), 0);
	ck_assert_msg(write_file_atomic(path, write_hello, NULL, &e) == 0, "%s", e.msg);
	text = test_slurp(victim, NULL);
	ck_assert_str_eq(text, "precious\n");
	free(text);
	text = test_slurp(path, NULL);
	ck_assert_str_eq(text, "hello\n");
	free(text), free(victim), free(path), free(planted);
}
END_TEST

START_TEST(test_a_fifo_is_written_through_not_replaced)
{
	char *fifo = xasprintf("%s/fifo", dir), got[64];
	struct err e = {0};
	struct stat st;
	ssize_t n;
	int rd;

	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	ck_assert_int_ge(rd = open(fifo, O_RDONLY | O_NONBLOCK), 0);
	ck_assert_msg(write_file_atomic(fifo, write_hello, NULL, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(stat(fifo, &st), 0);
	ck_assert(S_ISFIFO(st.st_mode));
	n = read(rd, got, sizeof(got) - 1);
	ck_assert_int_eq(n, 6);
	got[n] = '\0';
	ck_assert_str_eq(got, "hello\n");
	close(rd), free(fifo);
}
END_TEST

START_TEST(test_a_descriptor_name_writes_to_that_descriptor)
{
	char *path, got[64];
	struct err e = {0};
	int p[2];
	ssize_t n;

	ck_assert_int_eq(pipe(p), 0);
	path = xasprintf("/dev/fd/%d", p[1]);
	ck_assert_msg(write_file_atomic(path, write_hello, NULL, &e) == 0, "%s", e.msg);
	close(p[1]);
	n = read(p[0], got, sizeof(got) - 1);
	ck_assert_int_eq(n, 6);
	got[n] = '\0';
	ck_assert_str_eq(got, "hello\n");
	close(p[0]), free(path);
}
END_TEST

/* /dev/stdout is the same case, but a failure there as root would put
 * a regular file in its place for the whole machine: this name cannot. */
START_TEST(test_export_to_its_standard_output_by_name_writes_it)
{
	const char *argv[] = { "eedraws", "-d", db, "export", "-o", "/proc/self/fd/1", NULL };
	const char *make[] = { "eedraws", "-d", db, "ingest", "-", NULL };
	char *out, *err;

	ck_assert_int_eq(test_run(make, "", &out, &err), 65);	/* an empty database */
	free(out), free(err);
	ck_assert_msg(test_run(argv, NULL, &out, &err) == 0, "%s", err);
	ck_assert_msg(strncmp(out, "number,date,", 12) == 0, "%s", out);
	free(out), free(err);
}
END_TEST

/* A killed run's temporary file: the pid of a process that is gone. */
static long
dead_pid(void)
{
	pid_t pid = fork();

	ck_assert_int_ge(pid, 0);
	if (pid == 0)
		_exit(0);
	ck_assert_int_eq(waitpid(pid, NULL, 0), pid);
	return (long)pid;
}

START_TEST(test_a_killed_runs_temporary_files_are_removed_by_the_next)
{
	char *path = xasprintf("%s/page.html", dir);
	long gone = dead_pid();
	char *old = xasprintf("%s.tmp.%ld", path, gone);
	char *stale = xasprintf("%s.tmp.%ld.Ab12Cd", path, gone);
	char *live = xasprintf("%s.tmp.%ld.Ef34Gh", path, (long)getppid());
	char *other = xasprintf("%s/other.html.tmp.%ld.Ab12Cd", dir, gone);
	const char *files[] = { old, stale, live, other };
	struct err e = {0};
	size_t i;

	for (i = 0; i < 4; i++)
		fclose(fopen(files[i], "w"));
	ck_assert_msg(write_file_atomic(path, write_hello, NULL, &e) == 0, "%s", e.msg);
	ck_assert_int_eq(access(old, F_OK), -1);
	ck_assert_int_eq(access(stale, F_OK), -1);
	ck_assert_int_eq(access(live, F_OK), 0);	/* a run still writing */
	ck_assert_int_eq(access(other, F_OK), 0);	/* another file's */
	ck_assert_int_eq(access(path, F_OK), 0);
	free(path), free(old), free(stale), free(live), free(other);
}
END_TEST

Suite *
durability_suite(void)
{
	Suite *s = suite_create("durability");
	TCase *tc = tcase_create("durability");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 180);
	tcase_add_test(tc, test_ingest_and_update_killed_at_random_store_each_body_whole_or_not_at_all);
	tcase_add_test(tc, test_concurrent_updates_and_exports_neither_fail_nor_duplicate);
	tcase_add_test(tc, test_a_file_not_an_eedraws_database_is_refused_untouched);
	tcase_add_test(tc, test_a_read_only_database_is_refused_untouched_or_only_read);
	tcase_add_test(tc, test_a_full_disk_fails_clearly_and_keeps_what_was_stored);
	tcase_add_test(tc, test_a_migration_that_cannot_finish_leaves_schema_1_as_it_was);
	tcase_add_test(tc, test_a_read_only_schema_1_database_is_not_migrated_and_says_so);
	suite_add_tcase(s, tc);

	/* Output files (issue 14): CK_RUN_CASE=output runs these alone. */
	tc = tcase_create("output");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_a_temporary_name_planted_as_a_symlink_is_not_followed);
	tcase_add_test(tc, test_a_fifo_is_written_through_not_replaced);
	tcase_add_test(tc, test_a_descriptor_name_writes_to_that_descriptor);
	tcase_add_test(tc, test_export_to_its_standard_output_by_name_writes_it);
	tcase_add_test(tc, test_a_killed_runs_temporary_files_are_removed_by_the_next);
	suite_add_tcase(s, tc);
	return s;
}
