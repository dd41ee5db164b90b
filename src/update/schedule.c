/* schedule.c: when a source is tried, and how it is doing: pure
 * functions of its fetch state and the time (update.h). */
#include <string.h>

#include "update.h"

long
backoff(long n)
{
	long wait = 600;

	if (n <= 1)
		return 0;
	while (--n > 1 && wait < 6 * 3600)
		wait *= 2;
	return wait < 6 * 3600 ? wait : 6 * 3600;
}

const char *
source_state(const struct source *src, const struct fetch_state *st, time_t now)
{
	char since[21];

	/* UTC times in one format compare as strings. */
	format_utc(now - src->stale_after, since);
	if (!src->enabled)
		return "disabled";
	if (!st->last_success || strcmp(st->last_success, since) < 0)
		return "STALE";
	return st->failures ? "failing" : "ok";
}
