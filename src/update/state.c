/* state.c: every change the cron pass makes to a source's fetch state
 * (schedule.h); the caller stores the result. */
#include <stdlib.h>

#include "schedule.h"

/* Replaces *slot with a copy of v. */
static void
set_str(char **slot, const char *v)
{
	free(*slot);
	*slot = xstrdup(v);
}

static void
set_time(char **slot, time_t t)
{
	char text[21];

	format_utc(t, text);
	set_str(slot, text);
}

void
state_answered(struct fetch_state *st, long status, time_t now)
{
	set_time(&st->last_attempt, now);
	set_str(&st->last_error, NULL);
	set_str(&st->next_attempt, NULL);
	st->failures = 0;
	st->last_status = status;
}

void
state_succeeded(struct fetch_state *st, time_t now)
{
	set_time(&st->last_success, now);
}

void
state_took_body(struct fetch_state *st, const struct body *b, const char *hash, time_t now)
{
	set_str(&st->body_hash, hash);
	set_str(&st->etag, b->etag);
	set_str(&st->last_modified, b->last_modified);
	set_time(&st->last_success, now);
}

void
state_failed(struct fetch_state *st, const char *msg, long status, time_t now,
             time_t retry_at)
{
	time_t next = next_attempt(++st->failures, now, retry_at);

	set_time(&st->last_attempt, now);
	set_str(&st->last_error, msg);
	if (status)
		st->last_status = status;
	set_str(&st->next_attempt, NULL);
	if (next)
		set_time(&st->next_attempt, next);
}
