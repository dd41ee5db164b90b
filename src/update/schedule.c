/* schedule.c: when a source is tried, and how it is doing (schedule.h). */
#include <string.h>
#include <sysexits.h>

#include "schedule.h"

long
backoff(long n)
{
	long wait = BACKOFF_FIRST;

	if (n <= 1)
		return 0;
	while (--n > 1 && wait < BACKOFF_MAX)
		wait *= 2;
	return wait < BACKOFF_MAX ? wait : BACKOFF_MAX;
}

time_t
next_attempt(long n, time_t now, time_t retry_at)
{
	time_t wait = backoff(n);

	/* A server may ask for anything; one answer must not park a
	 * source for longer than failing all day would. */
	if (retry_at > now + BACKOFF_MAX)
		retry_at = now + BACKOFF_MAX;
	if (retry_at > now + wait)
		wait = retry_at - now;
	return wait > 0 ? now + wait : 0;
}

int
source_due(const struct fetch_state *st, time_t now, int named)
{
	char t[21];

	format_utc(now, t);
	return named || !st->next_attempt || strcmp(st->next_attempt, t) <= 0;
}

const char *
source_next_try(const struct fetch_state *st, time_t now)
{
	return source_due(st, now, 0) ? NULL : st->next_attempt;
}

int
body_fault(int code)
{
	return code == EX_DATAERR;
}

const char *
source_state(const struct source *src, const struct fetch_state *st, time_t now)
{
	char since[21];

	format_utc(now - src->stale_after, since);
	if (!src->enabled)
		return "disabled";
	if (!st->last_success || strcmp(st->last_success, since) < 0)
		return "STALE";
	return st->failures ? "failing" : "ok";
}
