#include "util.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <signal.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

/* RUNNING_ON_VALGRIND, where valgrind is installed (Debian's valgrind
 * package has the header); without it, 0. */
#if defined(__has_include)
#if __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#endif
#endif
#ifndef RUNNING_ON_VALGRIND
#define RUNNING_ON_VALGRIND 0
#endif

int
err_set(struct err *e, int code, const char *fmt, ...)
{
	va_list ap;

	if (e) {
		e->code = code;
		va_start(ap, fmt);
		vsnprintf(e->msg, sizeof(e->msg), fmt, ap);
		va_end(ap);
	}
	return code;
}

static void *
oom(size_t n)
{
	fprintf(stderr, "eedraws: out of memory allocating %zu bytes\n", n);
	abort();
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	return p ? p : oom(n);
}

void *
xcalloc(size_t nmemb, size_t size)
{
	void *p = calloc(nmemb ? nmemb : 1, size ? size : 1);

	return p ? p : oom(nmemb * size);
}

void *
xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	return q ? q : oom(n);
}

char *
xstrdup(const char *s)
{
	return s ? xstrndup(s, strlen(s)) : NULL;
}

char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	va_list copy;
	int n;
	char *p;

	va_copy(copy, ap);
	n = vsnprintf(NULL, 0, fmt, copy);
	va_end(copy);
	p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	return p;
}

static void
buf_grow(struct buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->alloc)
		return;
	b->alloc = b->alloc ? b->alloc : 64;
	while (b->alloc < b->len + extra + 1)
		b->alloc *= 2;
	b->data = xrealloc(b->data, b->alloc);
}

void
buf_add(struct buf *b, const void *p, size_t n)
{
	buf_grow(b, n);
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void
buf_addf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	char *p;

	va_start(ap, fmt);
	p = xvasprintf(fmt, ap);
	va_end(ap);
	buf_adds(b, p);
	free(p);
}

void
buf_release(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->alloc = 0;
}

char *
buf_detach(struct buf *b, size_t *len)
{
	char *p;

	if (!b->data)
		buf_grow(b, 0), b->data[0] = '\0';
	p = b->data;
	if (len)
		*len = b->len;
	b->data = NULL;
	b->len = b->alloc = 0;
	return p;
}

static void
strlist_push(struct strlist *l, char *s)
{
	if (l->n == l->alloc) {
		l->alloc = l->alloc ? l->alloc * 2 : 8;
		l->v = xrealloc(l->v, l->alloc * sizeof(*l->v));
	}
	l->v[l->n++] = s;
}

void
strlist_add(struct strlist *l, const char *s)
{
	strlist_push(l, xstrdup(s));
}

void
strlist_addf(struct strlist *l, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	strlist_push(l, xvasprintf(fmt, ap));
	va_end(ap);
}

void
strlist_release(struct strlist *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->alloc = 0;
}

int
strcase_in_list(const char *s, const char *const *list)
{
	for (; *list; list++)
		if (strcasecmp(s, *list) == 0)
			return 1;
	return 0;
}

/* A path beginning with '~' was never expanded (a shell does so only
 * for an unquoted word, a config file never): what an error about it
 * adds. */
static const char *
tilde_hint(const char *path)
{
	return *path == '~' ? " ('~' is not expanded here: write the full path)" : "";
}

int
read_file(const char *path, char **data, size_t *len, struct err *e)
{
	return read_file_max(path, 0, data, len, e);
}

int
read_file_max(const char *path, size_t max, char **data, size_t *len, struct err *e)
{
	struct buf b = {0};
	struct stat st;
	char chunk[65536];
	size_t n;
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;

	if (!f)
		return err_set(e, EX_NOINPUT, "cannot open '%s': %s%s", path, strerror(errno),
		               tilde_hint(path));
	/* fopen opens a directory; reading it would fail with EISDIR */
	if (fstat(fileno(f), &st) == 0 && S_ISDIR(st.st_mode)) {
		if (f != stdin)
			fclose(f);
		return err_set(e, EX_IOERR, "cannot read '%s': it is a directory; name a file",
		               path);
	}
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0) {
		buf_add(&b, chunk, n);
		if (max && b.len > max)
			break;
	}
	if (max && b.len > max) {
		if (f != stdin)
			fclose(f);
		buf_release(&b);
		return err_set(e, EX_DATAERR, "'%s' is larger than max_size, %zu bytes: "
		               "not read (raise max_size in the config to take it)",
		               strcmp(path, "-") ? path : "(stdin)", max);
	}
	if (ferror(f)) {
		int saved = errno;

		if (f != stdin)
			fclose(f);
		buf_release(&b);
		return err_set(e, EX_IOERR, "cannot read '%s': %s", path, strerror(saved));
	}
	if (f != stdin)
		fclose(f);
	*data = buf_detach(&b, len);
	return 0;
}

size_t
utf8_seq_len(const unsigned char *p)
{
	size_t n, i;

	if (*p && *p < 0x80)
		return 1;
	n = *p >= 0xf0 && *p <= 0xf4 ? 4 : *p >= 0xe0 && *p < 0xf0 ? 3 :
	    *p >= 0xc2 && *p < 0xe0 ? 2 : 0;
	for (i = 1; i < n; i++)
		if ((p[i] & 0xc0) != 0x80)
			n = 0;	/* also at the NUL: nothing past it is read */
	if ((n == 3 && ((*p == 0xe0 && p[1] < 0xa0) || (*p == 0xed && p[1] >= 0xa0))) ||
	    (n == 4 && ((*p == 0xf0 && p[1] < 0x90) || (*p == 0xf4 && p[1] >= 0x90))))
		n = 0;
	return n;
}

char *
utf8_repair(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	struct buf b = {0};
	size_t n;

	while (*p && (n = utf8_seq_len(p)) > 0)
		p += n;
	if (!*p)
		return NULL;
	buf_add(&b, s, (size_t)((const char *)p - s));
	while (*p) {
		if ((n = utf8_seq_len(p)) > 0)
			buf_add(&b, p, n);
		else
			buf_adds(&b, "\xef\xbf\xbd");
		p += n ? n : 1;
	}
	return buf_detach(&b, NULL);
}

/* The control character at p (C0, DEL, or C1 as C2 80..9F): its length,
 * 0 for none. */
static size_t
ctl_len(const unsigned char *p)
{
	if (*p < 0x20 || *p == 0x7f)
		return 1;
	if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
		return 2;
	return 0;
}

const char *
ctl_escape(const char *s)
{
	static struct buf slots[CTL_ESCAPE_SLOTS];
	static size_t next;
	const unsigned char *p = (const unsigned char *)s;
	struct buf *b;

	if (!s)
		return NULL;
	while (*p && !ctl_len(p))
		p++;
	if (!*p)
		return s;
	b = &slots[next++ % CTL_ESCAPE_SLOTS];
	b->len = 0;
	buf_add(b, s, (size_t)((const char *)p - s));
	for (; *p; p++) {
		if (!ctl_len(p))
			buf_add(b, p, 1);
		else if (*p == '\n')
			buf_adds(b, "\\n");
		else if (*p == '\t')
			buf_adds(b, "\\t");
		else if (*p == '\r')
			buf_adds(b, "\\r");
		else if (*p == 0xc2)
			buf_addf(b, "\\u%04x", p[1]), p++;
		else
			buf_addf(b, "\\x%02x", *p);
	}
	return b->data;
}

int
make_parents(const char *path)
{
	char *p = xstrdup(path), *slash;
	int rc = 0;

	for (slash = strchr(p + (*p == '/'), '/'); slash && rc == 0;
	     slash = strchr(slash + 1, '/')) {
		*slash = '\0';
		if (mkdir(p, 0755) != 0 && errno != EEXIST)
			rc = -1;
		*slash = '/';
	}
	free(p);
	return rc;
}

void
format_utc(time_t t, char out[21])
{
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* The descriptor a name for one stands for: "/dev/stdout" is 1,
 * "/dev/fd/3" and "/proc/self/fd/3" are 3; -1 for any other path.  The
 * open descriptor is written, as the shell set it up (a pipe, a file
 * opened to append), never a file put in place of the name. */
static int
fd_path(const char *path)
{
	static const char *const prefixes[] = { "/dev/fd/", "/proc/self/fd/", NULL };
	const char *const *p;
	char *end;
	long fd;

	if (strcmp(path, "/dev/stdout") == 0)
		return 1;
	if (strcmp(path, "/dev/stderr") == 0)
		return 2;
	for (p = prefixes; *p; p++) {
		if (strncmp(path, *p, strlen(*p)) != 0)
			continue;
		errno = 0;
		fd = strtol(path + strlen(*p), &end, 10);
		if (!errno && end != path + strlen(*p) && !*end && fd >= 0 && fd < 65536)
			return (int)fd;
	}
	return -1;
}

/* Flushes, checks and closes f; fsync only for a regular file (a pipe
 * or a terminal cannot sync).  An error is set on e unless one already
 * was (rc). */
static int
finish_file(FILE *f, const char *path, int sync, int rc, struct err *e)
{
	errno = 0;
	if (!rc && (fflush(f) != 0 || ferror(f) || (sync && fsync(fileno(f)) != 0)))
		rc = err_set(e, EX_IOERR, "cannot write '%s': %s", path,
		             errno ? strerror(errno) : "write error");
	if (fclose(f) != 0 && !rc)
		rc = err_set(e, EX_IOERR, "cannot write '%s': %s", path, strerror(errno));
	return rc;
}

/* The directory of path and its last component (caller frees both). */
static void
split_path(const char *path, char **dir, char **base)
{
	const char *slash = strrchr(path, '/');

	if (!slash) {
		*dir = xstrdup(".");
		*base = xstrdup(path);
		return;
	}
	*dir = slash == path ? xstrdup("/") : xstrndup(path, (size_t)(slash - path));
	*base = xstrdup(slash + 1);
}

/* Why path cannot be written (errno err, from its temporary file or
 * the rename): named as the user named it, never by the temporary
 * file's name, with what to do where that is plain. */
static int
write_error(const char *path, int code, int err, struct err *e)
{
	struct stat st;
	char *dir, *base;
	int rc;

	split_path(path, &dir, &base);
	if (err == ENOENT && stat(dir, &st) != 0)
		rc = err_set(e, code, "cannot write '%s': the directory %s does not exist; "
		             "create it or name another file%s", path, dir, tilde_hint(path));
	else if (err == EISDIR)
		rc = err_set(e, code, "cannot write '%s': it is a directory; name a file", path);
	else if (err == ENOTDIR)
		rc = err_set(e, code, "cannot write '%s': a directory in it is a file", path);
	else if (err == EACCES || err == EPERM || err == EROFS)
		rc = err_set(e, code, "cannot write '%s': %s (the file is written through a "
		             "temporary one in %s)", path, strerror(err), dir);
	else
		rc = err_set(e, code, "cannot write '%s': %s", path, strerror(err));
	free(dir), free(base);
	return rc;
}

/* A device, a FIFO or a descriptor's name: written where it is, as a
 * shell's redirection would; a rename would put a regular file in its
 * place (as root, even under /dev). */
static int
write_direct(const char *path, int fd, write_fn *fn, void *ctx, struct err *e)
{
	FILE *f;

	fd = fd >= 0 ? fcntl(fd, F_DUPFD_CLOEXEC, 3) :
	     open(path, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	if (fd < 0 || !(f = fdopen(fd, "w"))) {
		int saved = errno;

		if (fd >= 0)
			close(fd);
		return write_error(path, EX_CANTCREAT, saved, e);
	}
	return finish_file(f, path, 0, fn(f, ctx, e), e);
}

/* A temporary file of ours another run left (killed before its rename):
 * "BASE.tmp.PID" or "BASE.tmp.PID.XXXXXX", PID a process that is gone,
 * a regular file of our user's.  A live run's is never one. */
static int
stale_temp(const char *dir, const char *name, const char *base)
{
	size_t n = strlen(base);
	struct stat st;
	char *end, *full;
	long pid;
	int stale;

	if (strncmp(name, base, n) != 0 || strncmp(name + n, ".tmp.", 5) != 0)
		return 0;
	errno = 0;
	pid = strtol(name + n + 5, &end, 10);
	if (errno || end == name + n + 5 || pid <= 0 || pid == (long)getpid())
		return 0;
	if (*end && (*end != '.' || strlen(end) != 7))
		return 0;
	if (kill((pid_t)pid, 0) == 0 || errno != ESRCH)
		return 0;
	full = xasprintf("%s/%s", dir, name);
	stale = lstat(full, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid();
	free(full);
	return stale;
}

/* Removes the temporary files that runs killed before their rename left
 * beside path; best effort, as they harm nothing but the disk. */
static void
remove_stale_temps(const char *dir, const char *base)
{
	DIR *d = opendir(dir);
	struct dirent *de;

	if (!d)
		return;
	while ((de = readdir(d)))
		if (stale_temp(dir, de->d_name, base))
			unlinkat(dirfd(d), de->d_name, 0);
	closedir(d);
}

/* mkstemp's file, beside path, with the mode any new file would get
 * (0666 less the umask: a page for a web server must stay readable by
 * it); O_EXCL, so nothing planted under its name is followed. */
static int
make_temp(const char *path, char **tmp, FILE **f, struct err *e)
{
	mode_t mask = umask(0);
	int fd, rc;

	umask(mask);
	*tmp = xasprintf("%s.tmp.%ld.XXXXXX", path, (long)getpid());
	if ((fd = mkstemp(*tmp)) < 0)
		return write_error(path, EX_CANTCREAT, errno, e);
	if (fcntl(fd, F_SETFD, FD_CLOEXEC) != 0 || fchmod(fd, 0666 & ~mask) != 0 ||
	    !(*f = fdopen(fd, "w"))) {
		rc = write_error(path, EX_CANTCREAT, errno, e);
		close(fd), unlink(*tmp);
		return rc;
	}
	return 0;
}

int
write_file_atomic(const char *path, write_fn *fn, void *ctx, struct err *e)
{
	struct stat st;
	char *tmp, *dir, *base;
	FILE *f;
	int rc;

	if (fd_path(path) >= 0 || (stat(path, &st) == 0 && !S_ISREG(st.st_mode)))
		return write_direct(path, fd_path(path), fn, ctx, e);
	split_path(path, &dir, &base);
	remove_stale_temps(dir, base);
	free(dir), free(base);
	if ((rc = make_temp(path, &tmp, &f, e)) == 0) {
		rc = finish_file(f, path, 1, fn(f, ctx, e), e);
		if (!rc && rename(tmp, path) != 0)
			rc = write_error(path, EX_IOERR, errno, e);
		if (rc)
			unlink(tmp);
	}
	free(tmp);
	return rc;
}

/* PCRE2's JIT code reads a subject 16 bytes at a time, past its end
 * within an aligned word; memcheck, which cannot know that is harmless,
 * reports each as an invalid read (PCRE2 can tell it otherwise only when
 * built with --enable-valgrind, and Debian's is not).  Under valgrind the
 * interpreter matches instead, the same matches, and memcheck then checks
 * every byte of ours that it reads.  ("make memcheck" needs the header
 * when this file is compiled.) */
int
regex_jit_wanted(void)
{
	return !RUNNING_ON_VALGRIND;
}

/* 4300 -> "4,300" */
const char *
thousands(long v, char out[THOUSANDS_SIZE])
{
	char digits[24];
	size_t n, i, o = 0;

	if (v < 0)
		return "";
	n = (size_t)snprintf(digits, sizeof(digits), "%ld", v);
	for (i = 0; i < n; i++) {
		if (i && (n - i) % 3 == 0)
			out[o++] = ',';
		out[o++] = digits[i];
	}
	out[o] = '\0';
	return out;
}

/* A count stored as text ("4300"); anything else (a draw number, a date,
 * a word) is no count and is given back as it is. */
const char *
thousands_text(const char *s, char out[THOUSANDS_SIZE])
{
	char *end;
	long v;

	if (!s || !isdigit((unsigned char)*s))
		return s;
	errno = 0;
	v = strtol(s, &end, 10);
	return *end || errno ? s : thousands(v, out);
}
