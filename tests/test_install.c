/* test_install.c: the man pages against the code: every command main.c
 * accepts, every long option, every config key config.c reads. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "testutil.h"
#include "util.h"

/* The lines of text between the line that starts with start and the next
 * line that starts with one of ends (a copy; caller frees). */
static char *
section(const char *text, const char *start, const char *ends)
{
	const char *b = text, *e;
	char *pat = xasprintf("\n%s\n", start);

	b = strstr(text, pat);
	ck_assert_msg(b != NULL, "no '%s' line", start);
	b += strlen(pat) - 1;
	for (e = b; (e = strchr(e + 1, '\n')) && e[1]; )
		if (strncmp(e + 1, ends, strlen(ends)) == 0 ||
		    strncmp(e + 1, ".Sh ", 4) == 0)
			break;
	free(pat);
	return xstrndup(b, e ? (size_t)(e - b + 1) : strlen(b));
}

/* The names a man page section lists as items: ".It Cm NAME ..." lines,
 * and ".Cm NAME" just after ".It Xo", one per line of the result. */
static char *
items(const char *sec)
{
	struct buf b = {0};
	const char *p = sec, *name = NULL;

	buf_adds(&b, "\n");
	for (p = sec; p && *p; p = strchr(p, '\n'), p = p ? p + 1 : NULL) {
		if (strncmp(p, ".It Cm ", 7) == 0)
			name = p + 7;
		else if (strncmp(p, ".It Xo\n.Cm ", 11) == 0)
			name = p + 11;
		else
			continue;
		buf_add(&b, name, strcspn(name, " \n"));
		buf_adds(&b, "\n");
	}
	return buf_detach(&b, NULL);
}

/* Each name in list (NULL-terminated) is among the items, and each item is
 * in list: nothing undocumented, nothing documented that is gone. */
static void
assert_same(const char *what, const char *const *list, size_t n, char *docs)
{
	char *save, *name;
	size_t i, seen = 0;

	for (i = 0; i < n; i++) {
		char *want = xasprintf("\n%s\n", list[i]);

		ck_assert_msg(strstr(docs, want), "%s: '%s' is not documented", what, list[i]);
		free(want);
	}
	for (name = strtok_r(docs, "\n", &save); name; name = strtok_r(NULL, "\n", &save), seen++) {
		for (i = 0; i < n && strcmp(list[i], name) != 0; i++)
			;
		ck_assert_msg(i < n, "%s: '%s' is documented but not in the code", what, name);
	}
	ck_assert_uint_eq(seen, n);
}

/* Strings of src that sit between before and after ('{ "NAME", cmd_'):
 * the commands and options main.c accepts, read from its tables. */
static size_t
strings_in(const char *src, const char *before, const char *after, const char **out,
           size_t max)
{
	const char *p = src, *q;
	size_t n = 0;

	while ((p = strstr(p, before))) {
		p += strlen(before);
		q = strchr(p, '"');
		if (q && strncmp(q + 1, after, strlen(after)) == 0) {
			ck_assert_uint_lt(n, max);
			out[n++] = xstrndup(p, (size_t)(q - p));
		}
	}
	return n;
}

static const char *
version_line(void)
{
	static char line[64];

	snprintf(line, sizeof(line), "\n.Os eedraws %s\n", EEDRAWS_VERSION);
	return line;
}

START_TEST(test_eedraws_1_documents_every_command_and_option)
{
	char *main_c = test_slurp("src/main.c", NULL), *page = test_slurp("man/eedraws.1", NULL);
	char *sec, *docs, *flat, *w, *r;
	const char *cmds[32], *opts[32];
	size_t ncmds, nopts, i;

	ck_assert_ptr_nonnull(strstr(page, version_line()));
	ncmds = strings_in(main_c, "{ \"", ", cmd_", cmds, 32);
	ck_assert_uint_ge(ncmds, 8);	/* update ... reparse: the grep works */
	sec = section(page, ".Sh COMMANDS", ".Sh ");
	docs = items(sec);
	assert_same("eedraws.1 COMMANDS", cmds, ncmds, docs);
	free(docs), free(sec);

	/* Every long option of every getopt_long table, as "Fl -NAME"
	 * (backslashes left out: "Fl \-config" counts). */
	nopts = strings_in(main_c, "{ \"", ", required_argument", opts, 32);
	nopts += strings_in(main_c, "{ \"", ", no_argument", opts + nopts, 32 - nopts);
	ck_assert_uint_ge(nopts, 12);
	flat = xstrdup(page);
	for (w = r = flat; *r; r++)
		if (*r != '\\')
			*w++ = *r;
	*w = '\0';
	for (i = 0; i < nopts; i++) {
		char *want = xasprintf("Fl -%s", opts[i]);
		const char *p = strstr(flat, want);

		ck_assert_msg(p && strchr(" \n", p[strlen(want)]), "eedraws.1: no '%s'", want);
		free(want);
	}
	for (i = 0; i < ncmds; i++)
		free((char *)cmds[i]);
	for (i = 0; i < nopts; i++)
		free((char *)opts[i]);
	free(flat), free(page), free(main_c);
}
END_TEST

static size_t
count(const char *const *list)
{
	size_t n = 0;

	while (list[n])
		n++;
	return n;
}

START_TEST(test_eedraws_conf_5_documents_every_key_in_its_section)
{
	char *page = test_slurp("man/eedraws.conf.5", NULL), *sec, *docs;

	ck_assert_ptr_nonnull(strstr(page, version_line()));
	sec = section(page, ".Ss [eedraws]", ".Ss ");
	docs = items(sec);
	assert_same("eedraws.conf.5 [eedraws]", config_keys_eedraws,
	            count(config_keys_eedraws), docs);
	free(docs), free(sec);
	sec = section(page, ".Ss [source NAME]", ".Ss ");
	docs = items(sec);
	assert_same("eedraws.conf.5 [source NAME]", config_keys_source,
	            count(config_keys_source), docs);
	free(docs), free(sec), free(page);
}
END_TEST

Suite *
install_suite(void)
{
	Suite *s = suite_create("install");
	TCase *tc = tcase_create("install");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_eedraws_1_documents_every_command_and_option);
	tcase_add_test(tc, test_eedraws_conf_5_documents_every_key_in_its_section);
	suite_add_tcase(s, tc);
	return s;
}
