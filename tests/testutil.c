#include "testutil.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
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

int
test_run(const char *const argv[], const char *in, char **out, char **err)
{
	char dir[] = "/tmp/eedraws-run-XXXXXX";
	char *outp, *errp, *inp;
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

	pid = fork();
	ck_assert(pid >= 0);
	if (pid == 0) {
		int i = open(inp, O_RDONLY);
		int o = open(outp, O_WRONLY | O_CREAT | O_TRUNC, 0600);
		int e = open(errp, O_WRONLY | O_CREAT | O_TRUNC, 0600);

		if (i < 0 || o < 0 || e < 0)
			_exit(127);
		dup2(i, 0), dup2(o, 1), dup2(e, 2);
		close(i), close(o), close(e);	/* the binary gets 0-2 only */
		execv(test_bin(), (char *const *)argv);
		_exit(127);
	}
	ck_assert(waitpid(pid, &status, 0) == pid);
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
