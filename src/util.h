/* util.h: small helpers shared by every module.
 *
 * Allocation failure is the one condition modules do not report: x*alloc
 * abort with a message, as git's xmalloc does.  Every other failure is a
 * return value plus a message in a caller-owned struct err. */
#ifndef EEDRAWS_UTIL_H
#define EEDRAWS_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <time.h>

#define ERR_MSG_MAX 512

/* What went wrong, for the caller to print; code is a sysexits(3) value. */
struct err {
	int code;
	char msg[ERR_MSG_MAX];
};

/* Sets e->code and e->msg (printf-style) and returns code, so that
 * "return err_set(e, EX_DATAERR, ...)" reads as one statement.  e may be
 * NULL. */
int err_set(struct err *e, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

void *xmalloc(size_t n);
void *xcalloc(size_t nmemb, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);		/* NULL in, NULL out */
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* Growable byte buffer, always NUL-terminated once anything was added. */
struct buf {
	char *data;
	size_t len, alloc;
};
void buf_add(struct buf *b, const void *p, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_release(struct buf *b);
char *buf_detach(struct buf *b, size_t *len);	/* caller frees; never NULL */

/* A list of owned strings, e.g. the warnings a parser leaves for its caller. */
struct strlist {
	char **v;
	size_t n, alloc;
};
void strlist_add(struct strlist *l, const char *s);
void strlist_addf(struct strlist *l, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void strlist_release(struct strlist *l);

/* 1 when s is one of list's strings (list ends with NULL), ASCII case
 * ignored: an element's name against a table of them. */
int strcase_in_list(const char *s, const char *const *list);

/* Reads a whole file ("-" is stdin) into *data (caller frees, NUL-terminated). */
int read_file(const char *path, char **data, size_t *len, struct err *e);

/* read_file, but a file (or stdin) larger than max bytes is EX_DATAERR,
 * read no further than the limit, and its message names the file, the
 * limit and the config key that sets it (max_size); max 0 is none. */
int read_file_max(const char *path, size_t max, char **data, size_t *len, struct err *e);

/* Writes path through a temporary file beside it ("PATH.tmp.PID.XXXXXX",
 * mkstemp's: never a planted file or symlink) and a rename, so that path
 * is either whole or as it was: fn writes to the FILE (returning 0, or an
 * error code with e set); then a write error (ferror, a full disk at
 * flush or fsync) fails it too.  On any failure the temporary file is
 * removed; those of runs killed before their rename are removed first.
 * A path that exists and is not a regular file (a device, a FIFO), and
 * /dev/stdout, /dev/stderr, /dev/fd/N, /proc/self/fd/N, are written
 * directly: a rename would replace them.  Errors: EX_CANTCREAT when the
 * file cannot be made or opened, EX_IOERR when it cannot be written or
 * renamed. */
typedef int write_fn(FILE *f, void *ctx, struct err *e);
int write_file_atomic(const char *path, write_fn *fn, void *ctx, struct err *e);

/* The length of the well-formed UTF-8 sequence p starts (1 to 4): whole,
 * not overlong, not a surrogate, not above U+10FFFF (RFC 3629); 0 when
 * p[0] starts none or is the NUL that ends p. */
size_t utf8_seq_len(const unsigned char *p);

/* s with each byte that starts no well-formed sequence replaced by
 * U+FFFD (caller frees); NULL when s is well-formed already. */
char *utf8_repair(const char *s);

/* s as it may reach a terminal or a mail: each control character (C0,
 * DEL, and C1 as UTF-8) written as an escape (\n, \t, \x1b, \u009b), so
 * that a stored name or URL can neither move the cursor, recolour the
 * screen nor forge a line of output.  Returns s itself when it has none
 * (NULL for NULL); else a copy that stays valid for the next
 * CTL_ESCAPE_SLOTS - 1 calls (the arguments of one printf). */
#define CTL_ESCAPE_SLOTS 16
const char *ctl_escape(const char *s);

/* Makes the directories leading to path's last component (mkdir -p of its
 * dirname), mode 0755; 0, or -1 with errno. */
int make_parents(const char *path);

/* Time as UTC "YYYY-MM-DDTHH:MM:SSZ" into out[21]. */
void format_utc(time_t t, char out[21]);

/* Whether to JIT-compile regular expressions: yes, but not under valgrind
 * (util.c says why). */
int regex_jit_wanted(void);

/* A count as a person reads it, thousands grouped: 4300 -> "4,300", in
 * out; "" for a negative (unknown) count.  What a person reads says
 * counts so; exports (CSV, JSON) keep plain numbers for programs. */
#define THOUSANDS_SIZE 32
const char *thousands(long v, char out[THOUSANDS_SIZE]);
/* The same for a count stored as text: s itself when it is none. */
const char *thousands_text(const char *s, char out[THOUSANDS_SIZE]);

#endif
