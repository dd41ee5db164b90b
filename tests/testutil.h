/* testutil.h: paths and scratch space shared by the test suites. */
#ifndef EEDRAWS_TESTUTIL_H
#define EEDRAWS_TESTUTIL_H

#include <check.h>
#include <stdio.h>

/* Every suite's constructor, from suites.h. */
#define SUITE(name) Suite *name##_suite(void);
#include "suites.h"
#undef SUITE

/* "tests/data/NAME" (tests run from the top of the tree); static buffer
 * reused by the next call. */
const char *test_data(const char *name);

/* "../shared/REL", or NULL when ../shared is absent (a user's clone): the
 * caller then skips, saying so, through SKIP_WITHOUT_SHARED. */
const char *shared_path(const char *rel);
#define SKIP_WITHOUT_SHARED(p) do { \
		if (!(p)) { \
			fprintf(stderr, "%s: skipped: ../shared is absent\n", __func__); \
			return; \
		} \
	} while (0)

/* A fresh empty directory under $TMPDIR (caller frees the path and may
 * leave it: test_rmtree removes it). */
char *test_tmpdir(void);
void test_rmtree(const char *path);

/* A test_tmpdir() that is also $XDG_CONFIG_HOME and $XDG_DATA_HOME, so
 * that eedraws run by a test reads no user config and touches no user
 * database. */
char *test_home(void);

/* The eedraws binary under test ($EEDRAWS_BIN, else ./eedraws). */
const char *test_bin(void);

/* Runs the binary with argv (NULL-terminated, argv[0] ignored) and optional
 * stdin text; captures stdout and stderr (caller frees).  Returns the exit
 * status, or -1 if it did not exit normally. */
int test_run(const char *const argv[], const char *in, char **out, char **err);

/* Lines of s that start with prefix ("" for every line). */
int count_lines(const char *s, const char *prefix);

/* Reads a whole file into a NUL-terminated string; fails the test if it
 * cannot. */
char *test_slurp(const char *path, size_t *len);

/* Writes a copy of tests/data/NAME (a database file, say) at path. */
void test_copy_data(const char *name, const char *path);

/* The first column of the first row sql gives on the database at path,
 * -1 when no row; read-only. */
long test_query_long(const char *path, const char *sql);

/* Whether the test process runs under valgrind ("make memcheck"), some
 * 30 times slower than natively; 0 when built without its header. */
int test_under_valgrind(void);

/* n zero bytes as a gzip stream, crafted without zlib (test_fetch.c);
 * caller frees. */
char *gzip_zeros(size_t n, size_t *len);

#endif
