/* robots.h: robots.txt (RFC 9309): which paths of a site a crawler may
 * fetch.  Knows nothing of the network: it reads a robots.txt text and
 * answers for paths.
 *
 * The group that applies is every group whose User-agent names our
 * product token (compared in any case; "eedraws" for a User-Agent of
 * "eedraws/0.1.0 (+https://...)"), else every "*" group, else none (all
 * allowed).  Of the Allow and Disallow rules of that group, the one
 * matching the most octets of the path wins, Allow on a tie; "*" matches
 * any run of characters, "$" at the end the end of the path; no match is
 * allowed, and so is /robots.txt itself.  Percent-encoding is compared
 * the RFC's way: %XX of an unreserved character is that character, other
 * %xx in any case of hex, octets over 0x7F as %XX. */
#ifndef EEDRAWS_ROBOTS_H
#define EEDRAWS_ROBOTS_H

#include <stddef.h>

struct robots_rule {
	char *pattern;		/* normalized */
	int allow;
};

struct robots {
	struct robots_rule *v;
	size_t n, alloc;
	/* The group's Crawl-delay in milliseconds, -1 when it gives none. */
	long crawl_delay_ms;
	/* Set by robots_disallow_all(): nothing may be fetched. */
	int none;
};

/* The product token of a User-Agent: its leading letters, "-" and "_"
 * ("eedraws" of "eedraws/0.1.0 (...)"); NULL when it has none.  Caller
 * frees. */
char *robots_agent(const char *user_agent);

/* Reads text (len bytes, need not be NUL-terminated) for agent (a product
 * token, or NULL for "*" groups only) into *r.  Never fails: lines it
 * cannot read are ignored, as the RFC says. */
void robots_parse(struct robots *r, const char *text, size_t len, const char *agent);

/* *r allows everything (a robots.txt that is absent: 4xx) or nothing (one
 * that cannot be reached: 5xx or a network failure). */
void robots_allow_all(struct robots *r);
void robots_disallow_all(struct robots *r);

/* 1 when path (the URL's path and query, from its first "/") may be
 * fetched, else 0. */
int robots_allowed(const struct robots *r, const char *path);

void robots_release(struct robots *r);

#endif
