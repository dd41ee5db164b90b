/* test_install.c: "make install" and "make uninstall" into a scratch
 * DESTDIR, and the man pages against the code: every command main.c's
 * table accepts, every long option of src/cmd/, every config key
 * config.c reads. */
#include <check.h>
#include <errno.h>
#include <fcntl.h>
#include <glob.h>
#include <ftw.h>
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "config.h"
#include "testutil.h"
#include "util.h"

/* Whether an executable named name is on $PATH. */
static int
on_path(const char *name)
{
	const char *path = getenv("PATH"), *p, *end;
	int found = 0;

	for (p = path && *path ? path : "/usr/bin:/bin"; !found; p = end + 1) {
		char *full;

		end = strchr(p, ':');
		if (!end)
			end = p + strlen(p);
		full = xasprintf("%.*s/%s", (int)(end - p), end > p ? p : ".", name);
		found = access(full, X_OK) == 0;
		free(full);
		if (!*end)
			break;
	}
	return found;
}

/* Runs make with argv (NULL-terminated, after "make") from the top of the
 * tree; returns its exit status, its output in *out (caller frees).
 * What an outer make passes down (MAKEFLAGS: -j, jobserver, its command
 * line's variables) and the install paths of the environment are left
 * out: only the variables given here count. */
static int
run_make(const char *const *args, char **out)
{
	static const char *const unset[] = {
		"MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES", "GNUMAKEFLAGS",
		"DESTDIR", "PREFIX", "BINDIR", "MANPREFIX", "DOCDIR", "SANITIZE", NULL,
	};
	char dir[] = "/tmp/eedraws-make-XXXXXX", *log;
	const char *argv[16] = { "make" };
	int status, i;
	pid_t pid;

	for (i = 0; args[i]; i++) {
		ck_assert_int_lt(i + 1, 15);
		argv[i + 1] = args[i];
	}
	ck_assert_ptr_nonnull(mkdtemp(dir));
	log = xasprintf("%s/log", dir);
	pid = fork();
	ck_assert_int_ge(pid, 0);
	if (pid == 0) {
		int fd = open(log, O_WRONLY | O_CREAT | O_TRUNC, 0600), null = open("/dev/null", O_RDONLY);

		if (fd < 0 || null < 0)
			_exit(127);
		for (i = 0; unset[i]; i++)
			unsetenv(unset[i]);
		dup2(null, 0), dup2(fd, 1), dup2(fd, 2);
		execvp("make", (char *const *)argv);
		_exit(127);
	}
	ck_assert_int_eq(waitpid(pid, &status, 0), pid);
	*out = test_slurp(log, NULL);
	unlink(log), rmdir(dir);
	free(log);
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* What nftw finds under the DESTDIR: the files, and the directories
 * (relative to it, one per line). */
static struct buf found_files, found_dirs;
static size_t root_len;

static int
note(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)ftw;
	if (!path[root_len])
		return 0;	/* the DESTDIR itself */
	buf_addf(flag == FTW_D ? &found_dirs : &found_files, "%s\n", path + root_len);
	return 0;
}

static void
walk(const char *root)
{
	buf_release(&found_files), buf_release(&found_dirs);
	buf_adds(&found_files, ""), buf_adds(&found_dirs, "");
	root_len = strlen(root);
	ck_assert_int_eq(nftw(root, note, 16, FTW_PHYS), 0);
}

static void
assert_file(const char *root, const char *rel, mode_t mode)
{
	char *p = xasprintf("%s%s", root, rel);
	struct stat st;

	ck_assert_msg(stat(p, &st) == 0, "not installed: %s: %s", rel, strerror(errno));
	ck_assert_msg(S_ISREG(st.st_mode), "%s: not a file", rel);
	ck_assert_msg((st.st_mode & 07777) == mode, "%s: mode %o, not %o", rel,
	              (unsigned)(st.st_mode & 07777), (unsigned)mode);
	free(p);
}

/* The text of path, which must contain want. */
static void
assert_contains(const char *root, const char *rel, const char *want)
{
	char *p = xasprintf("%s%s", root, rel), *text = test_slurp(p, NULL);

	ck_assert_msg(strstr(text, want), "%s lacks '%s'", rel, want);
	free(text), free(p);
}

START_TEST(test_install_puts_every_file_and_uninstall_takes_them_away)
{
	static const struct { const char *path; mode_t mode; } files[] = {
		{ "/usr/bin/eedraws", 0755 },
		{ "/usr/share/man/man1/eedraws.1", 0644 },
		{ "/usr/share/man/man5/eedraws.conf.5", 0644 },
		{ "/usr/share/doc/eedraws/eedraws.conf.example", 0644 },
		{ "/usr/share/doc/eedraws/crontab.example", 0644 },
		{ "/usr/share/doc/eedraws/eedraws.service", 0644 },
		{ "/usr/share/doc/eedraws/eedraws.timer", 0644 },
		{ "/usr/share/doc/eedraws/README.md", 0644 },
	};
	/* The standard directories: install may make them, uninstall leaves
	 * them (empty here); DOCDIR is eedraws' own and goes. */
	static const char empty_dirs[] = "/usr\n/usr/bin\n/usr/share\n/usr/share/doc\n"
	                                 "/usr/share/man\n/usr/share/man/man1\n"
	                                 "/usr/share/man/man5\n";
	char *root, *destdir, *build, *bin, *old, *out, *installed, *built, *dirs, *line, *save;
	const char *args[8];
	size_t i, n1, n2, nfiles = 0;
	struct stat st;

	if (!on_path("make")) {
		fprintf(stderr, "%s: skipped: make is not on PATH\n", __func__);
		return;
	}
	/* make check runs from the top of the tree. */
	if (stat("Makefile", &st) != 0 || stat("man/eedraws.1", &st) != 0) {
		fprintf(stderr, "%s: skipped: not run from the top of the tree\n", __func__);
		return;
	}
	root = test_tmpdir();
	destdir = xasprintf("DESTDIR=%s", root);
	/* The binary under test, from its own build directory, never built
	 * here: -o says it is up to date whatever make thinks, so nothing
	 * is compiled and ./eedraws is not touched. */
	bin = xstrdup(test_bin());
	build = xasprintf("BUILD=%s", dirname(bin));
	free(bin);
	bin = xasprintf("%s/eedraws", build + 6);
	args[0] = "-s", args[1] = "install", args[2] = destdir, args[3] = "PREFIX=/usr";
	args[4] = build, args[5] = "-o", args[6] = bin, args[7] = NULL;
	ck_assert_msg(run_make(args, &out) == 0, "make install: %s", out);
	free(out);

	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++)
		assert_file(root, files[i].path, files[i].mode);
	walk(root);
	for (line = found_files.data; (line = strchr(line, '\n')); line++)
		nfiles++;
	ck_assert_msg(nfiles == sizeof(files) / sizeof(files[0]),
	              "install put more than expected:\n%s", found_files.data);
	/* The binary is the one built, byte for byte. */
	old = xasprintf("%s/usr/bin/eedraws", root);
	installed = test_slurp(old, &n1);
	built = test_slurp(bin, &n2);
	ck_assert(n1 == n2 && memcmp(installed, built, n1) == 0);
	free(installed), free(built), free(old);
	/* Paths in the pages and the service follow PREFIX. */
	assert_contains(root, "/usr/share/doc/eedraws/eedraws.service",
	                "\nExecStart=/usr/bin/eedraws update\n");
	assert_contains(root, "/usr/share/man/man1/eedraws.1", "/usr/share/doc/eedraws/");

	args[1] = "uninstall", args[5] = NULL;
	ck_assert_msg(run_make(args, &out) == 0, "make uninstall: %s", out);
	free(out);
	walk(root);
	ck_assert_msg(!found_files.data[0], "uninstall left:\n%s", found_files.data);
	/* Only the empty standard directories, in any order. */
	dirs = xstrdup(found_dirs.data);
	i = 0;
	for (line = strtok_r(dirs, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
		char *want = xasprintf("%s\n", line);

		ck_assert_msg(strstr(empty_dirs, want), "uninstall left %s", line);
		free(want);
		i++;
	}
	ck_assert_uint_eq(i, 7);
	free(dirs);
	buf_release(&found_files), buf_release(&found_dirs);
	test_rmtree(root);
	free(root), free(destdir), free(build), free(bin);
}
END_TEST

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
 * the commands and options eedraws accepts, read from its tables. */
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

/* main.c and every command's file, one after the other: where the
 * commands table and every getopt_long table are. */
static char *
command_sources(void)
{
	struct buf b = {0};
	glob_t g;
	size_t i;
	char *text;

	ck_assert_int_eq(glob("src/cmd/*.c", 0, NULL, &g), 0);
	ck_assert_uint_ge(g.gl_pathc, 8);
	text = test_slurp("src/main.c", NULL);
	buf_adds(&b, text);
	free(text);
	for (i = 0; i < g.gl_pathc; i++) {
		text = test_slurp(g.gl_pathv[i], NULL);
		buf_adds(&b, text);
		free(text);
	}
	globfree(&g);
	return buf_detach(&b, NULL);
}

START_TEST(test_eedraws_1_documents_every_command_and_option)
{
	char *src = command_sources(), *page = test_slurp("man/eedraws.1", NULL);
	char *sec, *docs, *flat, *w, *r;
	const char *cmds[32], *opts[32];
	size_t ncmds, nopts, i;

	ck_assert_ptr_nonnull(strstr(page, version_line()));
	ncmds = strings_in(src, "{ \"", ", cmd_", cmds, 32);
	ck_assert_uint_ge(ncmds, 8);	/* update ... reparse: the grep works */
	sec = section(page, ".Sh COMMANDS", ".Sh ");
	docs = items(sec);
	assert_same("eedraws.1 COMMANDS", cmds, ncmds, docs);
	free(docs), free(sec);

	/* Every long option of every getopt_long table, as "Fl -NAME"
	 * (backslashes left out: "Fl \-config" counts). */
	nopts = strings_in(src, "{ \"", ", required_argument", opts, 32);
	nopts += strings_in(src, "{ \"", ", no_argument", opts + nopts, 32 - nopts);
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
	free(flat), free(page), free(src);
}
END_TEST

/* Where the man page's entry for the command name begins under COMMANDS
 * (".It Cm NAME" or ".It Xo" then ".Cm NAME"), or NULL. */
static const char *
entry_start(const char *sec, const char *name)
{
	const char *forms[] = { "\n.It Cm ", "\n.It Xo\n.Cm " }, *p;
	size_t i;

	for (i = 0; i < 2; i++) {
		char *want = xasprintf("%s%s", forms[i], name);

		p = strstr(sec, want);
		if (p && strchr(" \n", p[strlen(want)])) {
			free(want);
			return p;
		}
		free(want);
	}
	return NULL;
}

/* The entry of cmds[k] under COMMANDS: to the next command's (caller frees). */
static char *
entry(const char *sec, const char *const *cmds, size_t n, size_t k)
{
	const char *b = entry_start(sec, cmds[k]), *e = sec + strlen(sec), *p;
	size_t i;

	ck_assert_msg(b, "eedraws.1: no entry for %s", cmds[k]);
	for (i = 0; i < n; i++)
		if ((p = entry_start(sec, cmds[i])) && p > b && p < e)
			e = p;
	return xstrndup(b, (size_t)(e - b));
}

/* Each option "eedraws CMD --help" lists (its "  -x, --long ARG" lines)
 * is in the command's man-page entry as "Fl x" or "Fl -long"; each
 * option the entry lists as an item (".It Fl x") is in the help. */
static void
assert_help_matches_entry(const char *cmd, const char *help, const char *ent)
{
	const char *line, *p;
	char *head, *save, *form;

	for (line = help; line; line = strchr(line, '\n'), line = line ? line + 1 : NULL) {
		if (strncmp(line, "  -", 3) != 0)
			continue;
		p = strstr(line + 2, "  ");
		head = xstrndup(line + 2, (size_t)(p - line - 2));
		for (form = strtok_r(head, ", ", &save); form; form = strtok_r(NULL, ", ", &save)) {
			char *want = form[0] == '-' ? xasprintf("Fl %s", form + 1) : NULL;

			p = want ? strstr(ent, want) : NULL;
			ck_assert_msg(!want || (p && strchr(" \n", p[strlen(want)])),
			              "eedraws.1: %s's entry has no '%s' (its --help lists it)",
			              cmd, want);
			free(want);
		}
		free(head);
	}
	for (p = ent; (p = strstr(p, "\n.It Fl ")); p++) {
		size_t len = strcspn(p + 8, " \n");
		char *want = xasprintf(" -%.*s", (int)len, p + 8);
		const char *q = strstr(help, want);

		ck_assert_msg(q && strchr(" ,\n", q[strlen(want)]),
		              "eedraws %s --help does not list '%s' (eedraws.1 does)", cmd, want + 1);
		free(want);
	}
}

/* Every command has help, and it says what the man page says. */
START_TEST(test_each_command_help_agrees_with_eedraws_1)
{
	char *src = command_sources(), *page = test_slurp("man/eedraws.1", NULL);
	char *flat, *sec, *w, *r;
	const char *cmds[32];
	size_t ncmds, i;

	ncmds = strings_in(src, "{ \"", ", cmd_", cmds, 32);
	ck_assert_uint_ge(ncmds, 8);
	flat = xstrdup(page);
	for (w = r = flat; *r; r++)
		if (*r != '\\')
			*w++ = *r;
	*w = '\0';
	sec = section(flat, ".Sh COMMANDS", ".Sh ");
	for (i = 0; i < ncmds; i++) {
		char *out, *err, *ent = entry(sec, cmds, ncmds, i);

		ck_assert_msg(test_run((const char *const[]){ "eedraws", cmds[i], "--help", NULL },
		                       NULL, &out, &err) == 0, "eedraws %s --help: %s", cmds[i], err);
		assert_help_matches_entry(cmds[i], out, ent);
		free(out), free(err), free(ent);
	}
	for (i = 0; i < ncmds; i++)
		free((char *)cmds[i]);
	free(sec), free(flat), free(page), free(src);
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
	sec = section(page, ".Ss [eedraws] section", ".Ss ");
	docs = items(sec);
	assert_same("eedraws.conf.5 [eedraws]", config_keys_eedraws,
	            count(config_keys_eedraws), docs);
	free(docs), free(sec);
	sec = section(page, ".Ss [source NAME] sections", ".Ss ");
	docs = items(sec);
	assert_same("eedraws.conf.5 [source NAME]", config_keys_source,
	            count(config_keys_source), docs);
	free(docs), free(sec), free(page);
}
END_TEST

/* The system's paths live in the unit, not in the example config: the
 * service, with the example copied to /etc/eedraws.conf, keeps its
 * database in its state directory, which systemd makes. */
START_TEST(test_the_service_keeps_its_database_in_its_state_directory)
{
	char *unit = test_slurp("systemd/eedraws.service", NULL);
	const char *was = getenv("XDG_DATA_HOME");
	char *old = was ? xstrdup(was) : NULL;
	struct config c;
	struct err e = {0};

	ck_assert_ptr_nonnull(strstr(unit, "\nStateDirectory=eedraws\n"));
	ck_assert_ptr_nonnull(strstr(unit, "\nEnvironment=XDG_DATA_HOME=%S\n"));
	ck_assert_int_eq(setenv("XDG_DATA_HOME", "/var/lib", 1), 0);	/* %S */
	ck_assert_msg(config_load(&c, "eedraws.conf.example", &e) == 0, "%s", e.msg);
	ck_assert_str_eq(c.database, "/var/lib/eedraws/eedraws.db");
	config_release(&c);
	if (old)
		setenv("XDG_DATA_HOME", old, 1);
	else
		unsetenv("XDG_DATA_HOME");
	free(old), free(unit);
}
END_TEST

/* make run without a network (IRCC's feed at a closed port of
 * 127.0.0.1) and nothing stored yet: the copy of IRCC's feed kept in
 * tests/data is loaded, said so with its date, and the latest draws
 * listed.  Once draws are stored, a failed update is a failure. */
START_TEST(test_make_run_offline_shows_the_kept_copy_of_ircc_feed)
{
	static const char *const proxy_vars[] = {
		"https_proxy", "http_proxy", "ALL_PROXY", "no_proxy", "NO_PROXY",
	};
	char *root, *conf, *opts, *build, *out, *saved[5];
	const char *args[7];
	struct stat st;
	size_t i;
	FILE *f;

	if (!on_path("make") || stat("Makefile", &st) != 0) {
		fprintf(stderr, "%s: skipped: no make, or not at the top of the tree\n", __func__);
		return;
	}
	root = test_tmpdir();
	conf = xasprintf("%s/eedraws.conf", root);
	ck_assert_ptr_nonnull(f = fopen(conf, "w"));
	fprintf(f, "[eedraws]\ndatabase = %s/eedraws.db\nconnect_timeout = 2\n"
	        "[source ircc]\nkind = ircc-json\n"
	        "url = http://127.0.0.1:1/ee_rounds_123_en.json\n", root);
	fclose(f);
	/* Should make run ever ignore RUNOPTS, the default source must
	 * still be out of reach: libcurl's proxy, a closed port.  Only for
	 * this test: under make memcheck every suite runs in this one
	 * process (CK_FORK=no), and a later update would meet the proxy. */
	for (i = 0; i < sizeof(proxy_vars) / sizeof(proxy_vars[0]); i++) {
		const char *v = getenv(proxy_vars[i]);

		saved[i] = v ? xstrdup(v) : NULL;
		if (i < 3)
			setenv(proxy_vars[i], "http://127.0.0.1:1", 1);
		else
			unsetenv(proxy_vars[i]);
	}
	opts = xasprintf("RUNOPTS=-c %s", conf);
	build = xasprintf("RUNBIN=%s", test_bin());
	/* -o all: the binary under test, nothing built here. */
	args[0] = "-s", args[1] = "run", args[2] = "-o", args[3] = "all";
	args[4] = build, args[5] = opts, args[6] = NULL;
	ck_assert_msg(run_make(args, &out) == 0, "make run: %s", out);
	ck_assert_msg(strstr(out, "loading the copy of IRCC's feed kept in tests/data"
	                          " (as of 2026-08-07)"), "%s", out);
	ck_assert_msg(strstr(out, "\n434    2026-08-07 transport                300  470  "),
	              "%s", out);
	ck_assert_int_eq(count_lines(out, "4"), 10);	/* 434 to 425 */
	free(out);

	ck_assert_int_ne(run_make(args, &out), 0);
	ck_assert_msg(!strstr(out, "kept in tests/data") && strstr(out, "127.0.0.1:1"), "%s",
	              out);
	free(out), free(opts), free(build), free(conf);
	test_rmtree(root);
	free(root);
	for (i = 0; i < sizeof(proxy_vars) / sizeof(proxy_vars[0]); i++) {
		if (saved[i])
			setenv(proxy_vars[i], saved[i], 1);
		else
			unsetenv(proxy_vars[i]);
		free(saved[i]);
	}
}
END_TEST

/* debian/ (make deb) against the tree: the package's version is the
 * Makefile's, the first line of debian/changelog. */
START_TEST(test_the_package_has_the_makefile_s_version)
{
	char *log = test_slurp("debian/changelog", NULL);
	char *want = xasprintf("eedraws (%s) ", EEDRAWS_VERSION);

	ck_assert_msg(strncmp(log, want, strlen(want)) == 0,
	              "debian/changelog: the first line is not '%s...': add an entry "
	              "for the Makefile's VERSION", want);
	free(want), free(log);
}
END_TEST

/* The words of the Makefile's "NAME = ..." variable, continuation lines
 * and all, each followed by '\n' and the list started by one. */
static char *
make_words(const char *makefile, const char *name)
{
	char *start = xasprintf("\n%s = ", name), *save, *w, *line;
	const char *p = strstr(makefile, start), *e;
	struct buf b = {0};

	ck_assert_msg(p != NULL, "Makefile: no '%s = ' line", name);
	p += strlen(start);
	for (e = p; (e = strchr(e, '\n')) && e[-1] == '\\'; e++)
		;
	line = xstrndup(p, e ? (size_t)(e - p) : strlen(p));
	buf_adds(&b, "\n");
	for (w = strtok_r(line, " \t\\\n", &save); w; w = strtok_r(NULL, " \t\\\n", &save)) {
		buf_adds(&b, w);
		buf_adds(&b, "\n");
	}
	free(line), free(start);
	return buf_detach(&b, NULL);
}

/* The value of a deb822 field of text (its continuation lines too); a
 * copy, caller frees. */
static char *
field_value(const char *text, const char *name)
{
	char *start = xasprintf("\n%s:", name);
	const char *p = strstr(text, start), *e;

	ck_assert_msg(p != NULL, "no field %s", name);
	p += strlen(start);
	for (e = p; (e = strchr(e, '\n')) && (e[1] == ' ' || e[1] == '\t'); e++)
		;
	free(start);
	return xstrndup(p, e ? (size_t)(e - p) : strlen(p));
}

/* debian/control's Build-Depends are the Makefile's DEBS (what "make
 * deps" installs) and debhelper's own, no more and no fewer: a library
 * added to one is added to the other. */
START_TEST(test_the_package_build_depends_on_what_deps_installs)
{
	char *makefile = test_slurp("Makefile", NULL), *control = test_slurp("debian/control", NULL);
	char *debs = make_words(makefile, "DEBS"), *field, *names, *save, *dep;
	struct buf b = {0};

	field = field_value(control, "Build-Depends");
	buf_adds(&b, "\n");
	for (dep = strtok_r(field, ",\n", &save); dep; dep = strtok_r(NULL, ",\n", &save)) {
		char *name = dep + strspn(dep, " \t"), *want;

		name[strcspn(name, " \t<(")] = '\0';
		if (!*name || strcmp(name, "debhelper-compat") == 0 ||
		    strncmp(name, "dh-sequence-", 12) == 0)
			continue;
		want = xasprintf("\n%s\n", name);
		ck_assert_msg(strstr(debs, want), "debian/control builds with %s, "
		              "which the Makefile's DEBS lack", name);
		free(want);
		buf_adds(&b, name);
		buf_adds(&b, "\n");
	}
	names = buf_detach(&b, NULL);
	for (dep = strtok_r(debs, "\n", &save); dep; dep = strtok_r(NULL, "\n", &save)) {
		char *want = xasprintf("\n%s\n", dep);

		ck_assert_msg(strstr(names, want), "the Makefile's DEBS has %s, which "
		              "debian/control's Build-Depends lack", dep);
		free(want);
	}
	free(names), free(field), free(debs), free(control), free(makefile);
}
END_TEST

/* debian/rules makes the package's unit from systemd/eedraws.service by
 * sed: the lines it rewrites are there, as it expects them; the system
 * user and the directory it owns are the unit's. */
START_TEST(test_the_package_s_unit_and_user_are_the_service_s)
{
	char *unit = test_slurp("systemd/eedraws.service", NULL);
	char *rules = test_slurp("debian/rules", NULL);
	char *users = test_slurp("debian/eedraws.sysusers", NULL);
	char *dirs = test_slurp("debian/eedraws.tmpfiles", NULL);
	static const char *const rewritten[] = {
		"\nExecStart=/usr/local/bin/eedraws update\n", "\nDynamicUser=yes\n",
	};
	size_t i;

	for (i = 0; i < sizeof(rewritten) / sizeof(rewritten[0]); i++) {
		char *pat = xstrndup(rewritten[i] + 1, strlen(rewritten[i]) - 2);

		ck_assert_msg(strstr(unit, rewritten[i]), "eedraws.service: no line '%s', "
		              "which debian/rules rewrites", pat);
		ck_assert_msg(strstr(rules, pat), "debian/rules does not rewrite '%s'", pat);
		free(pat);
	}
	ck_assert_msg(strstr(unit, "\n\n[Unit]\n"), "eedraws.service: its header "
	              "comment must end with a blank line (debian/rules drops it)");
	ck_assert_ptr_nonnull(strstr(unit, "\nStateDirectory=eedraws\nStateDirectoryMode=0750\n"));
	ck_assert_ptr_nonnull(strstr(users, "\nu eedraws - \""));
	ck_assert_ptr_nonnull(strstr(users, "\" /var/lib/eedraws\n"));
	ck_assert_ptr_nonnull(strstr(dirs, "\nd /var/lib/eedraws 0750 eedraws eedraws -\n"));
	ck_assert_ptr_nonnull(strstr(rules, "eedraws.conf.example $(PKG)/etc/eedraws/eedraws.conf\n"));
	free(dirs), free(users), free(rules), free(unit);
}
END_TEST

Suite *
install_suite(void)
{
	Suite *s = suite_create("install");
	TCase *tc = tcase_create("install");

	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, test_install_puts_every_file_and_uninstall_takes_them_away);
	tcase_add_test(tc, test_eedraws_1_documents_every_command_and_option);
	tcase_add_test(tc, test_each_command_help_agrees_with_eedraws_1);
	tcase_add_test(tc, test_eedraws_conf_5_documents_every_key_in_its_section);
	tcase_add_test(tc, test_the_service_keeps_its_database_in_its_state_directory);
	tcase_add_test(tc, test_make_run_offline_shows_the_kept_copy_of_ircc_feed);
	tcase_add_test(tc, test_the_package_has_the_makefile_s_version);
	tcase_add_test(tc, test_the_package_build_depends_on_what_deps_installs);
	tcase_add_test(tc, test_the_package_s_unit_and_user_are_the_service_s);
	suite_add_tcase(s, tc);
	return s;
}
