/* robots.c: a robots.txt reader after RFC 9309. */
#include "robots.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

/* A Crawl-delay above this is taken as this: a site asking for minutes
 * between requests would hold a cron run up for an hour. */
#define CRAWL_DELAY_MAX_MS 60000L

static int
is_token_char(int ch)
{
	return isalpha(ch) || ch == '-' || ch == '_';
}

char *
robots_agent(const char *user_agent)
{
	size_t n = 0;

	if (!user_agent)
		return NULL;
	while (is_token_char((unsigned char)user_agent[n]))
		n++;
	return n ? xstrndup(user_agent, n) : NULL;
}

static int
hexval(int ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	ch = tolower(ch);
	return ch >= 'a' && ch <= 'f' ? ch - 'a' + 10 : -1;
}

static int
unreserved(int ch)
{
	return isalnum(ch) || ch == '-' || ch == '.' || ch == '_' || ch == '~';
}

/* s (n bytes) in the form compared: %XX of an unreserved character
 * decoded, other %xx with upper-case hex, octets over 0x7F and controls
 * encoded.  Caller frees. */
static char *
normalize(const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	struct buf b = {0};
	unsigned char ch;
	size_t i;
	int hi, lo;

	for (i = 0; i < n; i++) {
		ch = (unsigned char)s[i];
		if (ch == '%' && i + 2 < n &&
		    (hi = hexval((unsigned char)s[i + 1])) >= 0 &&
		    (lo = hexval((unsigned char)s[i + 2])) >= 0) {
			ch = (unsigned char)(hi * 16 + lo);
			if (unreserved(ch)) {
				buf_add(&b, &ch, 1);
			} else {
				char enc[3] = { '%', hex[hi], hex[lo] };

				buf_add(&b, enc, 3);
			}
			i += 2;
		} else if (ch > 0x7f || ch < 0x21) {
			char enc[3] = { '%', hex[ch >> 4], hex[ch & 15] };

			buf_add(&b, enc, 3);
		} else {
			buf_add(&b, &ch, 1);
		}
	}
	return b.data ? buf_detach(&b, NULL) : xstrdup("");
}

static void
add_rule(struct robots *r, const char *pattern, size_t n, int allow)
{
	if (r->n == r->alloc) {
		r->alloc = r->alloc ? 2 * r->alloc : 16;
		r->v = xrealloc(r->v, r->alloc * sizeof(*r->v));
	}
	r->v[r->n].pattern = normalize(pattern, n);
	r->v[r->n].allow = allow;
	r->n++;
}

/* A Crawl-delay value in seconds, maybe with a fraction; -1 when it is
 * not a number. */
static long
delay_ms(const char *v, size_t n)
{
	char tmp[32], *end;
	double d;

	if (n == 0 || n >= sizeof(tmp))
		return -1;
	memcpy(tmp, v, n);
	tmp[n] = '\0';
	d = strtod(tmp, &end);
	if (*end || end == tmp || !(d >= 0))
		return -1;
	if (d * 1000 > CRAWL_DELAY_MAX_MS)
		return CRAWL_DELAY_MAX_MS;
	return (long)(d * 1000);
}

/* One line's field and value, comments and blanks stripped; 0 when the
 * line has no "field:". */
static int
split_line(const char *p, size_t n, const char **key, size_t *klen, const char **val,
           size_t *vlen)
{
	const char *colon, *hash = memchr(p, '#', n);

	if (hash)
		n = (size_t)(hash - p);
	if (!(colon = memchr(p, ':', n)))
		return 0;
	*key = p;
	*klen = (size_t)(colon - p);
	while (*klen && isspace((unsigned char)(*key)[0]))
		(*key)++, (*klen)--;
	while (*klen && isspace((unsigned char)(*key)[*klen - 1]))
		(*klen)--;
	*val = colon + 1;
	*vlen = n - (size_t)(colon + 1 - p);
	while (*vlen && isspace((unsigned char)(*val)[0]))
		(*val)++, (*vlen)--;
	while (*vlen && isspace((unsigned char)(*val)[*vlen - 1]))
		(*vlen)--;
	return *klen > 0;
}

static int
key_is(const char *key, size_t klen, const char *name)
{
	return klen == strlen(name) && strncasecmp(key, name, klen) == 0;
}

/* Whether a User-agent value names agent: its product token, in any case. */
static int
names_agent(const char *v, size_t n, const char *agent)
{
	size_t t = 0;

	while (t < n && is_token_char((unsigned char)v[t]))
		t++;
	return agent && t > 0 && t == strlen(agent) && strncasecmp(v, agent, t) == 0;
}

void
robots_parse(struct robots *r, const char *text, size_t len, const char *agent)
{
	/* Rules for us and for "*", gathered over every group that applies. */
	struct robots ours = { .crawl_delay_ms = -1 }, star = { .crawl_delay_ms = -1 };
	const char *p = text, *end = text + len, *eol, *key, *val;
	size_t klen, vlen;
	int in_agents = 0, for_us = 0, for_star = 0, named_us = 0, allow;
	long d;

	memset(r, 0, sizeof(*r));
	if (len >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	for (; p < end; p = eol + 1) {
		for (eol = p; eol < end && *eol != '\n' && *eol != '\r'; eol++)
			;
		if (!split_line(p, (size_t)(eol - p), &key, &klen, &val, &vlen))
			continue;
		if (key_is(key, klen, "user-agent")) {
			if (!in_agents)		/* a new group begins */
				for_us = for_star = 0;
			in_agents = 1;
			if (vlen == 1 && val[0] == '*')
				for_star = 1;
			else if (names_agent(val, vlen, agent))
				for_us = named_us = 1;
			continue;
		}
		if ((allow = key_is(key, klen, "allow")) || key_is(key, klen, "disallow")) {
			in_agents = 0;
			if (vlen == 0)	/* "Disallow:" alone allows all */
				continue;
			if (for_us)
				add_rule(&ours, val, vlen, allow);
			if (for_star)
				add_rule(&star, val, vlen, allow);
		} else if (key_is(key, klen, "crawl-delay")) {
			in_agents = 0;
			d = delay_ms(val, vlen);
			if (for_us && d > ours.crawl_delay_ms)
				ours.crawl_delay_ms = d;
			if (for_star && d > star.crawl_delay_ms)
				star.crawl_delay_ms = d;
		}
		/* Sitemap and other records belong to no group. */
	}
	if (named_us) {
		*r = ours;
		robots_release(&star);
	} else {
		*r = star;
		robots_release(&ours);
	}
}

void
robots_allow_all(struct robots *r)
{
	memset(r, 0, sizeof(*r));
	r->crawl_delay_ms = -1;
}

void
robots_disallow_all(struct robots *r)
{
	robots_allow_all(r);
	r->none = 1;
}

/* Whether pattern matches the start of path ("*" any run, a final "$"
 * the end); iterative, with one backtracking point, so a pattern of many
 * stars costs no more than length times length. */
static int
matches(const char *pat, const char *s)
{
	size_t m = strlen(pat), n = strlen(s), i = 0, j = 0, star = (size_t)-1, mark = 0;
	int anchored = m > 0 && pat[m - 1] == '$';

	if (anchored)
		m--;
	while (j < n) {
		if (i < m && pat[i] == '*') {
			star = i++;
			mark = j;
		} else if (i < m && pat[i] == s[j]) {
			i++, j++;
		} else if (i == m && !anchored) {
			return 1;	/* the pattern is a prefix */
		} else if (star != (size_t)-1) {
			i = star + 1;
			j = ++mark;
		} else {
			return 0;
		}
	}
	while (i < m && pat[i] == '*')
		i++;
	return i == m;
}

int
robots_allowed(const struct robots *r, const char *path)
{
	char *p;
	size_t i, len, best = 0;
	int allow = 1, found = 0;

	if (strcmp(path, "/robots.txt") == 0)
		return 1;
	if (r->none)
		return 0;
	p = normalize(path, strlen(path));
	for (i = 0; i < r->n; i++) {
		if (!matches(r->v[i].pattern, p))
			continue;
		len = strlen(r->v[i].pattern);
		if (!found || len > best || (len == best && r->v[i].allow)) {
			allow = r->v[i].allow;
			best = len;
			found = 1;
		}
	}
	free(p);
	return allow;
}

void
robots_release(struct robots *r)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		free(r->v[i].pattern);
	free(r->v);
	memset(r, 0, sizeof(*r));
	r->crawl_delay_ms = -1;
}
