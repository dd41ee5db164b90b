/* store_codec.c: a body's bytes encoded with zstd, whole or as a patch
 * against another body's, and decoded.  See store_codec.h. */
#include "store_codec.h"

#include <stdlib.h>
#include <string.h>
#include <zstd.h>

#include "util.h"

/* zstd's window: a patch reaches back through the base, so the window
 * must hold the base and the body.  Never past what every decoder takes
 * by default (ZSTD_WINDOWLOG_LIMIT_DEFAULT, 128 MB): a larger pair is
 * compressed whole. */
#define WINDOW_LOG_MIN 10
#define WINDOW_LOG_MAX 27

static const char *const names[] = { "raw", "zstd", "zstd-patch" };

const char *
codec_name(enum codec_encoding enc)
{
	return names[enc];
}

int
codec_parse(const char *name, enum codec_encoding *enc)
{
	size_t i;

	for (i = 0; name && i < sizeof(names) / sizeof(names[0]); i++) {
		if (strcmp(name, names[i]) == 0) {
			*enc = (enum codec_encoding)i;
			return 0;
		}
	}
	return -1;
}

/* The window that holds n bytes, or 0 when none may. */
static int
window_log(size_t n)
{
	int log = WINDOW_LOG_MIN;

	while (log <= WINDOW_LOG_MAX && ((size_t)1 << log) < n)
		log++;
	return log <= WINDOW_LOG_MAX ? log : 0;
}

/* One zstd frame of data into out (room for cap bytes), with base as
 * its prefix when not NULL; its length, or 0 on failure. */
static size_t
compress(const char *data, size_t len, const char *base, size_t base_len, char *out,
         size_t cap, const char **why)
{
	ZSTD_CCtx *c = ZSTD_createCCtx();
	size_t n = 0;

	if (!c) {
		*why = "zstd: out of memory";
		return 0;
	}
	n = ZSTD_CCtx_setParameter(c, ZSTD_c_compressionLevel, CODEC_LEVEL);
	if (!ZSTD_isError(n) && base)
		n = ZSTD_CCtx_setParameter(c, ZSTD_c_windowLog, window_log(base_len + len));
	if (!ZSTD_isError(n) && base)
		n = ZSTD_CCtx_refPrefix(c, base, base_len);
	if (!ZSTD_isError(n))
		n = ZSTD_compress2(c, out, cap, data, len);
	ZSTD_freeCCtx(c);
	if (ZSTD_isError(n)) {
		*why = ZSTD_getErrorName(n);
		return 0;
	}
	return n;
}

int
codec_encode(const char *data, size_t len, const char *base, size_t base_len, char **out,
             size_t *out_len, enum codec_encoding *enc, const char **why)
{
	size_t cap = ZSTD_compressBound(len), n;
	char *z, *back;
	int rc;

	if (base && !window_log(base_len + len))
		base = NULL;	/* too large a pair for a patch */
	z = xmalloc(cap > len ? cap : len + 1);
	if (!(n = compress(data, len, base, base_len, z, cap, why))) {
		free(z);
		return -1;
	}
	if (n >= len) {		/* nothing gained: the bytes themselves */
		if (len)
			memcpy(z, data, len);
		*out = z, *out_len = len, *enc = CODEC_RAW;
		return 0;
	}
	*enc = base ? CODEC_PATCH : CODEC_ZSTD;
	/* Kept only once it gives the bytes back: a body is stored once. */
	rc = codec_decode(*enc, z, n, base, base_len, len, &back, why);
	if (rc == 0 && memcmp(back, data, len) != 0) {
		*why = "zstd gave back other bytes than it was given";
		rc = -1;
	}
	free(back);
	if (rc) {
		free(z);
		return -1;
	}
	*out = z, *out_len = n;
	return 0;
}

int
codec_size_agrees(enum codec_encoding enc, const void *stored, size_t n, size_t size)
{
	unsigned long long said;

	if (enc == CODEC_RAW)
		return n == size;
	said = ZSTD_getFrameContentSize(stored, n);
	return said == (unsigned long long)size;
}

int
codec_decode_into(enum codec_encoding enc, const void *stored, size_t n, const char *base,
                  size_t base_len, char *out, size_t size, const char **why)
{
	ZSTD_DCtx *d;
	size_t got;

	if (!codec_size_agrees(enc, stored, n, size)) {
		*why = "it does not say it holds as many bytes as the body has";
		return -1;
	}
	out[size] = '\0';
	if (enc == CODEC_RAW) {
		if (n)
			memcpy(out, stored, n);
		return 0;
	}
	if (!(d = ZSTD_createDCtx())) {
		*why = "zstd: out of memory";
		return -1;
	}
	got = ZSTD_DCtx_setParameter(d, ZSTD_d_windowLogMax, WINDOW_LOG_MAX);
	if (!ZSTD_isError(got) && enc == CODEC_PATCH)
		got = ZSTD_DCtx_refPrefix(d, base, base_len);
	if (!ZSTD_isError(got))
		got = ZSTD_decompressDCtx(d, out, size, stored, n);
	ZSTD_freeDCtx(d);
	if (ZSTD_isError(got))
		*why = ZSTD_getErrorName(got);
	else if (got != size)
		*why = "it decodes to fewer bytes than the body has";
	else
		return 0;
	return -1;
}

int
codec_decode(enum codec_encoding enc, const void *stored, size_t n, const char *base,
             size_t base_len, size_t size, char **out, const char **why)
{
	/* Nothing allocated for a size the frame does not state. */
	if (!codec_size_agrees(enc, stored, n, size)) {
		*out = NULL;
		*why = "it does not say it holds as many bytes as the body has";
		return -1;
	}
	*out = xmalloc(size + 1);
	if (codec_decode_into(enc, stored, n, base, base_len, *out, size, why) == 0)
		return 0;
	free(*out);
	*out = NULL;
	return -1;
}
