/* store_codec.h: a body's bytes as the archive keeps them: as they are,
 * compressed with zstd, or a zstd patch against the bytes of another
 * body (the base, which zstd reads as a prefix of the body: what the two
 * share costs a few bytes).  No SQL: the bottom of store/, it calls
 * nothing else in it. */
#ifndef EEDRAWS_STORE_CODEC_H
#define EEDRAWS_STORE_CODEC_H

#include <stddef.h>

enum codec_encoding {
	CODEC_RAW,		/* 'raw': the bytes themselves */
	CODEC_ZSTD,		/* 'zstd': one zstd frame */
	CODEC_PATCH,		/* 'zstd-patch': one zstd frame whose prefix is
				 * the base's bytes */
};

/* zstd's level for every body: 3, its own default.  On IRCC's 630 kB
 * feed a whole body and a patch each cost about a millisecond; level 9
 * saves a fifth of a whole body (a patch is a few hundred bytes either
 * way) for eight times the time, and ingest must stay quick. */
#define CODEC_LEVEL 3

/* A chain of patches holds a whole body at least every CODEC_CHAIN
 * bodies: reading one decodes its chain's whole body and at most
 * CODEC_CHAIN - 1 patches. */
#define CODEC_CHAIN 32

/* The encoding's name in bodies.encoding; parse: 0, or -1 for a name
 * that is none. */
const char *codec_name(enum codec_encoding enc);
int codec_parse(const char *name, enum codec_encoding *enc);

/* Encodes the len bytes of data: a patch against base (base_len bytes)
 * when base is not NULL, else whole; as they are when zstd makes them no
 * smaller.  What it gives is decoded again and compared with data first.
 * *out (caller frees) holds *out_len bytes of encoding *enc.  Returns 0,
 * or -1 and *why (static text) when zstd fails or the bytes would not
 * come back whole. */
int codec_encode(const char *data, size_t len, const char *base, size_t base_len,
                 char **out, size_t *out_len, enum codec_encoding *enc, const char **why);

/* Decodes n stored bytes of encoding enc, which must give exactly size
 * bytes (the body's length): *out (caller frees) holds them and a NUL.
 * base: the base's bytes, for a patch.  Returns 0, or -1 and *why
 * (static text, or zstd's). */
int codec_decode(enum codec_encoding enc, const void *stored, size_t n, const char *base,
                 size_t base_len, size_t size, char **out, const char **why);
/* Whether n stored bytes of encoding enc say they decode to size bytes
 * (a zstd frame states its length): asked before room is made for them,
 * so that a damaged size allocates nothing. */
int codec_size_agrees(enum codec_encoding enc, const void *stored, size_t n, size_t size);
/* The same into out, which has room for size + 1 bytes (a NUL after). */
int codec_decode_into(enum codec_encoding enc, const void *stored, size_t n, const char *base,
                      size_t base_len, char *out, size_t size, const char **why);

#endif
