/* charset.c: UTF-8 checking and Windows-1252 conversion (glibc iconv). */
#define _GNU_SOURCE	/* strcasestr */
#include "charset.h"

#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

int
utf8_valid(const char *s, size_t len, size_t *bad)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, n, k;
	unsigned long cp, min;

	while (i < len) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		if (p[i] >= 0xc2 && p[i] <= 0xdf)
			n = 1, cp = p[i] & 0x1f, min = 0x80;
		else if (p[i] >= 0xe0 && p[i] <= 0xef)
			n = 2, cp = p[i] & 0x0f, min = 0x800;
		else if (p[i] >= 0xf0 && p[i] <= 0xf4)
			n = 3, cp = p[i] & 0x07, min = 0x10000;
		else
			goto invalid;
		if (len - i <= n)
			goto invalid;
		for (k = 1; k <= n; k++) {
			if ((p[i + k] & 0xc0) != 0x80)
				goto invalid;
			cp = cp << 6 | (p[i + k] & 0x3f);
		}
		if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
			goto invalid;
		i += n + 1;
	}
	return 1;
invalid:
	if (bad)
		*bad = i;
	return 0;
}

int
cp1252_to_utf8(const char *s, size_t len, char **out, size_t *outlen, size_t *bad)
{
	iconv_t cd = iconv_open("UTF-8", "WINDOWS-1252");
	char *in = (char *)s, *buf, *o;
	size_t inleft = len, cap = 3 * len + 1, oleft = cap;

	if (cd == (iconv_t)-1)
		return -2;	/* glibc without its gconv modules */
	buf = o = xmalloc(cap);
	if (iconv(cd, &in, &inleft, &o, &oleft) == (size_t)-1) {
		/* The output has room for any input: EILSEQ or EINVAL, a
		 * byte with no character. */
		*bad = (size_t)(in - s);
		iconv_close(cd);
		free(buf);
		return -1;
	}
	iconv_close(cd);
	*o = '\0';
	*out = buf;
	*outlen = (size_t)(o - buf);
	return 0;
}

/* The charset parameter's value starts at the returned pointer; NULL when
 * there is none. */
static const char *
charset_param(const char *content_type)
{
	const char *p = content_type ? strcasestr(content_type, "charset=") : NULL;

	if (!p)
		return NULL;
	p += strlen("charset=");
	if (*p == '"' || *p == '\'')
		p++;
	return p;
}

static int
names(const char *v, const char *name)
{
	size_t n = strlen(name);

	return strncasecmp(v, name, n) == 0 &&
	       (v[n] == '\0' || v[n] == ';' || v[n] == '"' || v[n] == '\'' ||
	        v[n] == ' ' || v[n] == '\t');
}

int
charset_is_utf8(const char *content_type)
{
	const char *v = charset_param(content_type);

	return v && (names(v, "utf-8") || names(v, "utf8"));
}
