/* charset.h: the text encodings a body may come in.
 *
 * IRCC's French feed may be served as UTF-8 or as Windows-1252 (cp1252);
 * parsers read UTF-8 only, so a body is checked, and converted when it is
 * not UTF-8, before it is parsed. */
#ifndef EEDRAWS_CHARSET_H
#define EEDRAWS_CHARSET_H

#include <stddef.h>

/* 1 when s[0..len) is well-formed UTF-8 (no overlong forms, surrogates or
 * code points over U+10FFFF), else 0 with *bad the offset of the first
 * byte that is not. */
int utf8_valid(const char *s, size_t len, size_t *bad);

/* s[0..len) read as Windows-1252, converted to UTF-8 with iconv(3) into
 * *out (caller frees, NUL-terminated, *outlen bytes).  Returns 0, -1
 * with *bad the offset of a byte Windows-1252 leaves undefined (0x81,
 * 0x8d, 0x8f, 0x90, 0x9d), or -2 when iconv cannot convert from it. */
int cp1252_to_utf8(const char *s, size_t len, char **out, size_t *outlen, size_t *bad);

/* Whether a Content-Type header names UTF-8 explicitly. */
int charset_is_utf8(const char *content_type);

#endif
