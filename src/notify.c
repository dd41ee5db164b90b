/* notify.c: see notify.h. */
#include "notify.h"

#include <errno.h>
#include <fcntl.h>
#include <jansson.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <sysexits.h>
#include <time.h>
#include <unistd.h>

extern char **environ;

/* The command's words; argv[0] NULL when there are none. */
static char **
split_words(const char *command)
{
	char **argv = xcalloc(strlen(command) / 2 + 2, sizeof(*argv));
	const char *p = command;
	size_t n = 0, len;

	for (;;) {
		p += strspn(p, " \t");
		if (!*p)
			break;
		len = strcspn(p, " \t");
		argv[n++] = xstrndup(p, len);
		p += len;
	}
	return argv;
}

static void
free_words(char **v)
{
	size_t i;

	for (i = 0; v[i]; i++)
		free(v[i]);
	free(v);
}

/* "name=value", value made safe (notify.h): control characters, C1's
 * two bytes in UTF-8 included, each one space; cut at NOTIFY_VALUE_MAX
 * bytes, never inside a character, ending "...". */
static char *
safe_variable(const char *name, const char *value)
{
	const unsigned char *v = (const unsigned char *)value;
	size_t len = strlen(value), keep = len, i, n = 0;
	char *out, *p;

	if (len > NOTIFY_VALUE_MAX)
		for (keep = NOTIFY_VALUE_MAX - 3; keep > 0 && (v[keep] & 0xc0) == 0x80; keep--)
			;
	out = xasprintf("%s=%*s", name, (int)(keep < len ? keep + 3 : keep), "");
	p = out + strlen(name) + 1;
	for (i = 0; i < keep; i++) {
		if (v[i] == 0xc2 && i + 1 < keep && v[i + 1] >= 0x80 && v[i + 1] <= 0x9f)
			i++, p[n++] = ' ';
		else
			p[n++] = v[i] < 0x20 || v[i] == 0x7f ? ' ' : (char)v[i];
	}
	if (keep < len)
		memcpy(p + n, "...", 3), n += 3;
	p[n] = '\0';
	return out;
}

/* Our environment without EEDRAWS_* variables, then the event's. */
static char **
make_env(const char *env_json, struct err *e)
{
	json_error_t je;
	json_t *obj = json_loads(env_json, 0, &je), *v;
	const char *key;
	char **env;
	size_t n = 0, i;

	if (!json_is_object(obj)) {
		json_decref(obj);
		err_set(e, EX_SOFTWARE, "notification's variables unreadable: %s", je.text);
		return NULL;
	}
	for (i = 0; environ[i]; i++)
		;
	env = xcalloc(i + json_object_size(obj) + 1, sizeof(*env));
	for (i = 0; environ[i]; i++)
		if (strncmp(environ[i], "EEDRAWS_", 8) != 0)
			env[n++] = xstrdup(environ[i]);
	json_object_foreach(obj, key, v)
		env[n++] = safe_variable(key, json_is_string(v) ? json_string_value(v) : "");
	json_decref(obj);
	return env;
}

/* In the child: execve argv[0], searching PATH when it names no
 * directory.  Not execvp(3): on ENOEXEC (a script without #!) it runs the
 * file with /bin/sh, and notify never goes through a shell.  Returns only
 * on failure. */
static void
exec_command(char **argv, char **env)
{
	const char *path = getenv("PATH");
	const char *p, *end;
	char *full;
	int saved = ENOENT;

	if (strchr(argv[0], '/')) {
		execve(argv[0], argv, env);
		return;
	}
	for (p = path && *path ? path : "/usr/local/bin:/usr/bin:/bin"; ; p = end + 1) {
		end = strchr(p, ':');
		if (!end)
			end = p + strlen(p);
		full = xasprintf("%.*s/%s", (int)(end - p), end > p ? p : ".", argv[0]);
		execve(full, argv, env);
		if (errno != ENOENT)
			saved = errno;
		free(full);
		if (!*end)
			break;
	}
	errno = saved;
}

int
notify_run(const char *command, const char *env_json, long timeout, struct err *e)
{
	char **argv = split_words(command), **env = NULL;
	struct timespec tick = { 0, 20 * 1000 * 1000 };
	long waited_ms = 0;
	int status, fd, rc = EX_TEMPFAIL;
	pid_t pid, got;

	if (!argv[0]) {
		err_set(e, EX_CONFIG, "notify: no command");
		rc = EX_CONFIG;
		goto out;
	}
	if (!(env = make_env(env_json, e))) {
		rc = e->code;
		goto out;
	}
	fflush(NULL);
	if ((pid = fork()) < 0) {
		err_set(e, rc, "notify: cannot start '%s': %s", argv[0], strerror(errno));
		goto out;
	}
	if (pid == 0) {
		setpgid(0, 0);	/* its own group: a timeout kills its children too */
		if ((fd = open("/dev/null", O_RDONLY)) >= 0 && fd != 0) {
			dup2(fd, 0);
			close(fd);
		}
		exec_command(argv, env);
		fprintf(stderr, "eedraws: notify: cannot run '%s': %s\n", argv[0],
		        strerror(errno));
		_exit(127);
	}
	setpgid(pid, pid);
	while ((got = waitpid(pid, &status, WNOHANG)) == 0 && waited_ms < timeout * 1000) {
		nanosleep(&tick, NULL);
		waited_ms += 20;
	}
	if (got == 0) {
		kill(-pid, SIGKILL);
		waitpid(pid, &status, 0);
		err_set(e, rc, "notify: '%s' still running after %ld s; killed", argv[0], timeout);
	} else if (got < 0) {
		err_set(e, rc, "notify: waiting for '%s': %s", argv[0], strerror(errno));
	} else if (WIFEXITED(status) && WEXITSTATUS(status) == 0) {
		rc = 0;
	} else if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
		err_set(e, rc, "notify: '%s' could not be run (exit 127)", argv[0]);
	} else if (WIFEXITED(status)) {
		err_set(e, rc, "notify: '%s' failed with exit status %d", argv[0],
		        WEXITSTATUS(status));
	} else {
		err_set(e, rc, "notify: '%s' killed by signal %d", argv[0],
		        WIFSIGNALED(status) ? WTERMSIG(status) : 0);
	}
out:
	if (env)
		free_words(env);
	free_words(argv);
	return rc;
}
