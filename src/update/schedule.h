/* schedule.h: when a source is tried and how it is doing, as pure
 * functions of its fetch state and the time; and every change the cron
 * pass makes to a fetch state (state.c), so that the rules live in one
 * place and are tested without a server or a database.
 *
 * Times are time_t; the fetch state keeps them as UTC text
 * (YYYY-MM-DDTHH:MM:SSZ), which compares as a string. */
#ifndef EEDRAWS_SCHEDULE_H
#define EEDRAWS_SCHEDULE_H

#include <time.h>

#include "body.h"
#include "config.h"
#include "store.h"

#define BACKOFF_FIRST	600		/* after the second failure in a row */
#define BACKOFF_MAX	(6 * 3600)

/* Seconds to wait before trying a source that failed n times in a row:
 * none after one failure (it may have been a blip), then BACKOFF_FIRST,
 * doubling, at most BACKOFF_MAX. */
long backoff(long n);

/* When a source that has now failed n times in a row may be tried again:
 * the later of the backoff and the server's Retry-After (retry_at, 0 for
 * none), the latter capped at now + BACKOFF_MAX; 0 when at once. */
time_t next_attempt(long n, time_t now, time_t retry_at);

/* Whether a source is due at now: not while its next attempt is ahead,
 * unless named on the command line. */
int source_due(const struct fetch_state *st, time_t now, int named);

/* When a source backed off is tried next (its next_attempt), NULL when
 * it is due at now: for status. */
const char *source_next_try(const struct fetch_state *st, time_t now);

/* Whether a failure met while taking a body that came is the source's
 * (what it sent is unusable: EX_DATAERR) rather than this machine's (the
 * database full, read-only or busy, memory short): only the source's
 * count against it, or against an article's link. */
int body_fault(int code);

/* A source's state as status and the report show it: "disabled",
 * "STALE" (no success within its stale_after), "failing", or "ok". */
const char *source_state(const struct source *src, const struct fetch_state *st, time_t now);

/* state.c: the transitions.  The fetch state keeps a body's validators
 * only once the body is stored (for a news feed: once all its wanted
 * items are), so that a body that was rejected is fetched in full and
 * tried again next time. */

/* The source answered with HTTP status: attempted now, no error, no
 * failures, no wait. */
void state_answered(struct fetch_state *st, long status, time_t now);
/* Succeeded now, keeping the validators it had (a 304; a news feed with
 * items left for a later run). */
void state_succeeded(struct fetch_state *st, time_t now);
/* Succeeded now with body b, whose hash is hash: its validators kept. */
void state_took_body(struct fetch_state *st, const struct body *b, const char *hash,
                     time_t now);
/* Failed now with message msg and HTTP status (0: none came, the last
 * one stays); the next attempt as next_attempt() says.  st is the state
 * as stored before this run, so the validators of the last body stored
 * stay. */
void state_failed(struct fetch_state *st, const char *msg, long status, time_t now,
                  time_t retry_at);

#endif
