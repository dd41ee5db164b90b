#include "testutil.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <spawn.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#endif
#endif
#ifndef RUNNING_ON_VALGRIND
#define RUNNING_ON_VALGRIND 0
#endif

int
test_under_valgrind(void)
{
	return RUNNING_ON_VALGRIND != 0;
}

const char *
test_data(const char *name)
{
	static char path[4096];

	snprintf(path, sizeof(path), "tests/data/%s", name);
	return path;
}

const char *
shared_path(const char *rel)
{
	static char path[4096];
	struct stat st;

	if (stat("../shared", &st) != 0 || !S_ISDIR(st.st_mode))
		return NULL;
	snprintf(path, sizeof(path), "../shared/%s", rel);
	return path;
}

char *
test_tmpdir(void)
{
	const char *t = getenv("TMPDIR");
	char *p = xasprintf("%s/eedraws-test-XXXXXX", t && *t ? t : "/tmp");

	ck_assert_msg(mkdtemp(p) != NULL, "mkdtemp: %s", strerror(errno));
	return p;
}

char *
test_home(void)
{
	char *p = test_tmpdir();

	setenv("XDG_CONFIG_HOME", p, 1);	/* no user config is read */
	setenv("XDG_DATA_HOME", p, 1);		/* nor the user's database touched */
	return p;
}

static int
rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path);
}

void
test_rmtree(const char *path)
{
	nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

const char *
test_bin(void)
{
	const char *b = getenv("EEDRAWS_BIN");

	return b && *b ? b : "./eedraws";
}

char *
test_slurp(const char *path, size_t *len)
{
	char *data = NULL;
	size_t n = 0;
	struct err e = {0};

	ck_assert_msg(read_file(path, &data, &n, &e) == 0, "%s", e.msg);
	if (len)
		*len = n;
	return data;
}

void
test_copy_data(const char *name, const char *path)
{
	size_t len;
	char *data = test_slurp(test_data(name), &len);
	FILE *f = fopen(path, "wb");

	ck_assert_msg(f != NULL, "%s: %s", path, strerror(errno));
	ck_assert_uint_eq(fwrite(data, 1, len, f), len);
	ck_assert_int_eq(fclose(f), 0);
	free(data);
}

/* Drains fd into a string. */
static char *
drain(int fd)
{
	struct buf b = {0};
	char chunk[8192];
	ssize_t n;

	while ((n = read(fd, chunk, sizeof(chunk))) > 0)
		buf_add(&b, chunk, (size_t)n);
	close(fd);
	return buf_detach(&b, NULL);
}

extern char **environ;

/* How long test_run lets the binary run before it stops it and fails
 * the test saying so: under Check's own timeout (60 s for most cases,
 * times CK_TIMEOUT_MULTIPLIER), so that a hang names its command and what
 * the binary printed instead of only "Test timeout expired".  None under
 * valgrind, whose suite runs without timeouts. */
static double
run_limit(void)
{
	const char *m = getenv("CK_TIMEOUT_MULTIPLIER");
	double k = m ? strtod(m, NULL) : 1;

	if (test_under_valgrind())
		return 0;
	return 50 * (k > 0 ? k : 1);
}

/* What /proc says pid is doing: its state, threads and where it sleeps
 * ("futex_wait_queue" is a lock, "do_sys_poll" a wait on a socket).
 * Caller frees. */
static char *
proc_doing(pid_t pid)
{
	char *path = xasprintf("/proc/%ld/status", (long)pid);
	char state[64] = "?", threads[64] = "?", wchan[64] = "?";
	FILE *f;

	if ((f = fopen(path, "r"))) {
		char buf[256];

		while (fgets(buf, sizeof(buf), f))
			if (sscanf(buf, "State: %63[^\n]", state) != 1)
				sscanf(buf, "Threads: %63s", threads);
		fclose(f);
	}
	free(path);
	path = xasprintf("/proc/%ld/wchan", (long)pid);
	if ((f = fopen(path, "r"))) {
		if (!fgets(wchan, sizeof(wchan), f))
			strcpy(wchan, "?");
		fclose(f);
	}
	free(path);
	return xasprintf("state %s, %s threads, waiting in %s", state, threads, wchan);
}

/* Waits for pid; past limit seconds (0: none) kills it and fails the
 * test, naming argv and quoting the stderr file errp. */
static int
wait_child(pid_t pid, const char *const argv[], const char *errp, double limit)
{
	struct timespec nap = { 0, 1000000 }, t0, t;
	struct buf cmd = {0};
	char *said, *doing;
	pid_t got;
	int status;
	size_t i;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	while ((got = waitpid(pid, &status, WNOHANG)) == 0) {
		clock_gettime(CLOCK_MONOTONIC, &t);
		if (limit > 0 && (double)(t.tv_sec - t0.tv_sec) +
		                 (double)(t.tv_nsec - t0.tv_nsec) / 1e9 > limit)
			break;
		nanosleep(&nap, NULL);
		if (nap.tv_nsec < 20000000)
			nap.tv_nsec *= 2;
	}
	if (got == pid)
		return status;
	ck_assert_int_eq(got, 0);
	doing = proc_doing(pid);
	kill(pid, SIGKILL);
	waitpid(pid, &status, 0);
	buf_adds(&cmd, "eedraws");
	for (i = 1; argv[i]; i++) {
		buf_adds(&cmd, " ");
		buf_adds(&cmd, argv[i]);
	}
	said = drain(open(errp, O_RDONLY));
	ck_abort_msg("%s: still running after %.0f s (%s), killed; its stderr: %s",
	             buf_detach(&cmd, NULL), limit, doing, said);
	return -1;	/* not reached */
}

int
test_run(const char *const argv[], const char *in, char **out, char **err)
{
	char dir[] = "/tmp/eedraws-run-XXXXXX";
	char *outp, *errp, *inp;
	posix_spawn_file_actions_t fa;
	int status, fd;
	pid_t pid;

	ck_assert(mkdtemp(dir) != NULL);
	outp = xasprintf("%s/out", dir);
	errp = xasprintf("%s/err", dir);
	inp = xasprintf("%s/in", dir);
	fd = open(inp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	ck_assert(fd >= 0);
	if (in)
		ck_assert(write(fd, in, strlen(in)) == (ssize_t)strlen(in));
	close(fd);

	/* posix_spawn, not fork: the child runs nothing of this process
	 * (no Check bookkeeping, no allocator, no sanitizer fork hooks)
	 * before the exec, however many threads the test's servers run. */
	ck_assert_int_eq(posix_spawn_file_actions_init(&fa), 0);
	ck_assert_int_eq(posix_spawn_file_actions_addopen(&fa, 0, inp, O_RDONLY, 0), 0);
	ck_assert_int_eq(posix_spawn_file_actions_addopen(&fa, 1, outp,
	                 O_WRONLY | O_CREAT | O_TRUNC, 0600), 0);
	ck_assert_int_eq(posix_spawn_file_actions_addopen(&fa, 2, errp,
	                 O_WRONLY | O_CREAT | O_TRUNC, 0600), 0);
	ck_assert_int_eq(posix_spawn(&pid, test_bin(), &fa, NULL, (char *const *)argv,
	                             environ), 0);
	posix_spawn_file_actions_destroy(&fa);
	status = wait_child(pid, argv, errp, run_limit());
	if (out)
		*out = drain(open(outp, O_RDONLY));
	if (err)
		*err = drain(open(errp, O_RDONLY));
	unlink(outp), unlink(errp), unlink(inp), rmdir(dir);
	free(outp), free(errp), free(inp);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int
count_lines(const char *s, const char *prefix)
{
	size_t len = strlen(prefix);
	int n = 0;

	while (s && *s) {
		const char *nl = strchr(s, '\n');

		if (strncmp(s, prefix, len) == 0)
			n++;
		s = nl ? nl + 1 : NULL;
	}
	return n;
}

long
test_query_long(const char *path, const char *sql)
{
	sqlite3 *h;
	sqlite3_stmt *st;
	long v = -1;

	ck_assert_int_eq(sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	ck_assert_msg(sqlite3_prepare_v2(h, sql, -1, &st, NULL) == SQLITE_OK, "%s",
	              sqlite3_errmsg(h));
	if (sqlite3_step(st) == SQLITE_ROW)
		v = (long)sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	sqlite3_close(h);
	return v;
}
