#include "util.h"

#include <errno.h>
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

static char *
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

int
read_file(const char *path, char **data, size_t *len, struct err *e)
{
	struct buf b = {0};
	char chunk[65536];
	size_t n;
	FILE *f = strcmp(path, "-") ? fopen(path, "rb") : stdin;

	if (!f)
		return err_set(e, EX_NOINPUT, "cannot open '%s': %s", path, strerror(errno));
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, n);
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

int
write_file_atomic(const char *path, write_fn *fn, void *ctx, struct err *e)
{
	char *tmp = xasprintf("%s.tmp.%ld", path, (long)getpid());
	FILE *f;
	int fd, rc;

	/* 0666 less the umask, like any file a program makes: a page for a
	 * web server must stay readable by it. */
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666)) < 0 ||
	    !(f = fdopen(fd, "w"))) {
		rc = err_set(e, EX_CANTCREAT, "cannot create '%s': %s", tmp, strerror(errno));
		if (fd >= 0)
			close(fd), unlink(tmp);
		free(tmp);
		return rc;
	}
	errno = 0;
	rc = fn(f, ctx, e);
	if (!rc && (fflush(f) != 0 || ferror(f) || fsync(fileno(f)) != 0))
		rc = err_set(e, EX_IOERR, "cannot write '%s': %s", path,
		             errno ? strerror(errno) : "write error");
	if (fclose(f) != 0 && !rc)
		rc = err_set(e, EX_IOERR, "cannot write '%s': %s", path, strerror(errno));
	if (!rc && rename(tmp, path) != 0)
		rc = err_set(e, EX_IOERR, "cannot rename '%s' to '%s': %s", tmp, path,
		             strerror(errno));
	if (rc)
		unlink(tmp);
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
