/* test_fuzz: every input in tests/data/fuzz/TARGET/ through its fuzz
 * target (fuzz.h), in the suite's own build: the seeds written for the
 * fuzzers, and each input a fuzzer once crashed on, so the bug it found
 * stays fixed.  Under "make SANITIZE=address,undefined check" a memory
 * error in any of them fails here as it did in the fuzzer. */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "testutil.h"

static size_t
replay(const struct fuzz_target *t)
{
	char dir[256];
	struct dirent *de;
	size_t n = 0;
	DIR *d;

	snprintf(dir, sizeof(dir), "fuzz/%s", t->name);
	snprintf(dir, sizeof(dir), "%s", test_data(dir));
	d = opendir(dir);
	ck_assert_msg(d != NULL, "%s: no such directory", dir);
	while ((de = readdir(d))) {
		char path[512];
		size_t len;
		char *data;

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		data = test_slurp(path, &len);
		ck_assert_int_eq(t->run((const uint8_t *)data, len), 0);
		free(data);
		n++;
	}
	closedir(d);
	return n;
}

START_TEST(test_every_fuzz_input_kept_runs_clean)
{
	const struct fuzz_target *t = &fuzz_targets[_i];

	/* Each target keeps at least one input, so a renamed directory
	 * cannot pass by replaying nothing. */
	ck_assert_msg(replay(t) > 0, "tests/data/fuzz/%s/ is empty", t->name);
}
END_TEST

Suite *
fuzz_suite(void)
{
	Suite *s = suite_create("fuzz");
	TCase *tc = tcase_create("replay");
	size_t n = 0;

	while (fuzz_targets[n].name)
		n++;
	tcase_add_loop_test(tc, test_every_fuzz_input_kept_runs_clean, 0, (int)n);
	suite_add_tcase(s, tc);
	return s;
}
