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
 * bytes, never inside a character (one is at most 4 bytes), ending
 * "...". */
static char *
safe_variable(const char *name, const char *value)
{
	const unsigned char *v = (const unsigned char *)value;
	size_t len = strlen(value), keep = len, i, n = 0;
	char *out, *p;

	if (len > NOTIFY_VALUE_MAX)
		for (keep = NOTIFY_VALUE_MAX - 3; keep > NOTIFY_VALUE_MAX - 6 &&
		     (v[keep] & 0xc0) == 0x80; keep--)
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

/* Forks the command; in the child, execve, its errno written to fd (close
 * on exec) when that fails.  The pid, or -1. */
static pid_t
spawn(char **argv, char **env, int fd)
{
	pid_t pid;
	int in, err;

	fflush(NULL);
	if ((pid = fork()) != 0)
		return pid;
	setpgid(0, 0);	/* its own group: a timeout kills its children too */
	if ((in = open("/dev/null", O_RDONLY)) >= 0 && in != 0) {
		dup2(in, 0);
		close(in);
	}
	exec_command(argv, env);
	err = errno;
	if (write(fd, &err, sizeof(err)) != (ssize_t)sizeof(err))
		_exit(126);
	_exit(127);
}

/* Why the command exited as status says: 0, NOTIFY_CANNOT_RUN, or
 * EX_TEMPFAIL; e says the rest. */
static int
judge(const char *cmd, int status, struct err *e)
{
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	/* The shell's codes for "not found" and "not executable": running
	 * it again will not help until a person has looked. */
	if (WIFEXITED(status) && (WEXITSTATUS(status) == 127 || WEXITSTATUS(status) == 126))
		return err_set(e, NOTIFY_CANNOT_RUN, "notify: '%s' could not be run (exit %d)",
		               cmd, WEXITSTATUS(status));
	if (WIFEXITED(status))
		return err_set(e, EX_TEMPFAIL, "notify: '%s' failed with exit status %d", cmd,
		               WEXITSTATUS(status));
	return err_set(e, EX_TEMPFAIL, "notify: '%s' killed by signal %d", cmd,
	               WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

/* Waits for pid at most timeout seconds, then kills its group. */
static int
wait_for(pid_t pid, const char *cmd, long timeout, struct err *e)
{
	struct timespec tick = { 0, 20 * 1000 * 1000 };
	long waited_ms = 0;
	pid_t got;
	int status;

	while ((got = waitpid(pid, &status, WNOHANG)) == 0 && waited_ms < timeout * 1000) {
		nanosleep(&tick, NULL);
		waited_ms += 20;
	}
	if (got == 0) {
		kill(-pid, SIGKILL);
		waitpid(pid, &status, 0);
		return err_set(e, EX_TEMPFAIL, "notify: '%s' still running after %ld s; killed",
		               cmd, timeout);
	}
	if (got < 0)
		return err_set(e, EX_TEMPFAIL, "notify: waiting for '%s': %s", cmd, strerror(errno));
	return judge(cmd, status, e);
}

/* Starts the command and waits for it.  The pipe tells execve's failure
 * (E2BIG, ENOENT, EACCES) from the command's own exit: it closes on a
 * successful exec, and carries errno otherwise. */
static int
run_command(char **argv, char **env, long timeout, struct err *e)
{
	int fds[2], err = 0, status;
	ssize_t got;
	pid_t pid;

	if (pipe(fds) != 0)
		return err_set(e, EX_TEMPFAIL, "notify: cannot start '%s': %s", argv[0],
		               strerror(errno));
	fcntl(fds[0], F_SETFD, FD_CLOEXEC);
	fcntl(fds[1], F_SETFD, FD_CLOEXEC);
	if ((pid = spawn(argv, env, fds[1])) < 0) {
		err = errno;
		close(fds[0]), close(fds[1]);
		return err_set(e, EX_TEMPFAIL, "notify: cannot start '%s': %s", argv[0],
		               strerror(err));
	}
	setpgid(pid, pid);
	close(fds[1]);
	while ((got = read(fds[0], &err, sizeof(err))) < 0 && errno == EINTR)
		;
	close(fds[0]);
	if (got != (ssize_t)sizeof(err))
		return wait_for(pid, argv[0], timeout, e);
	waitpid(pid, &status, 0);
	return err_set(e, NOTIFY_CANNOT_RUN, "notify: cannot run '%s': %s", argv[0],
	               strerror(err));
}

int
notify_run(const char *command, const char *env_json, long timeout, struct err *e)
{
	char **argv = split_words(command), **env = NULL;
	int rc;

	if (!argv[0])
		rc = err_set(e, EX_CONFIG, "notify: no command");
	else if (!(env = make_env(env_json, e)))
		rc = e->code;
	else
		rc = run_command(argv, env, timeout, e);
	if (env)
		free_words(env);
	free_words(argv);
	return rc;
}
