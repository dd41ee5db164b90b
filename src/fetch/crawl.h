/* crawl.h: fetching as update does it: every batch through one fetcher
 * (one request at a time per host, the pause between them holding from
 * batch to batch), and for the requests that ask it, robots.txt first.
 *
 * A host's robots.txt (scheme, host and port: RFC 9309) is read once per
 * run, from the database when fetched within a day, else fetched before
 * any other request to that host, all such hosts in one batch.  A 2xx is
 * read and kept a day, a 4xx allows everything and is kept a day; a 5xx,
 * a 429 or a network failure disallows everything for this run and is
 * not kept, so the next run asks again.  Its Crawl-delay for us, when
 * longer than the configured pause, becomes the host's pause.  A request
 * that asks robots.txt asks it again for every redirect, of the host the
 * redirect leads to (read at once when new: the batch waits). */
#ifndef EEDRAWS_CRAWL_H
#define EEDRAWS_CRAWL_H

#include "fetch.h"
#include "store.h"

struct crawl;

/* o (whose strings must outlive the crawl) for every fetch; robots.txt
 * kept in store s.  The product token for robots.txt comes from
 * o->user_agent. */
int crawl_new(struct crawl **cr, struct store *s, const struct fetch_opts *o,
              struct err *e);
void crawl_free(struct crawl *cr);	/* NULL is a no-op */

/* Fetches the n requests in one batch (fetch_batch()), each with
 * robots[i] nonzero only if its host's robots.txt allows it (robots may
 * be NULL: none are checked).  One robots.txt refuses is not fetched:
 * its outcome FETCH_DISALLOWED, or FETCH_UNREACHABLE when robots.txt
 * could not be read this run, its err saying "robots.txt disallows
 * 'URL'" and why; the same for a redirect's target.  Returns 0, or a database error (with e
 * set) met keeping robots.txt, the fetches done all the same. */
int crawl_fetch(struct crawl *cr, struct fetch_req *reqs, size_t n,
                const unsigned char *robots, struct err *e);

#endif
