/* cmd_status.c: eedraws status, each source's health and the notifications
 * waiting or parked; --verify, the body archive decoded and checked. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "cmd.h"
#include "schedule.h"
#include "update.h"

/* "2 parked (eedraws notifications lists them)", in a static buffer. */
static const char *
parked_text(long parked)
{
	static char buf[64];

	snprintf(buf, sizeof(buf), "%ld parked (eedraws notifications lists them)", parked);
	return buf;
}

/* How long a failing link is shown after it was first seen: it is given
 * up within a few runs, and then is news for a while, not forever. */
#define LINK_SHOWN (7 * 86400)

/* "link URL (SOURCE): failed 2 times, tried again next run; last error:
 * MSG", or "given up" once it has had its attempts. */
static int
print_link(void *ctx, const struct store_link *l)
{
	(void)ctx;
	printf("link %s (%s): failed %ld time%s, %s; last error: %s\n", ctl_escape(l->url),
	       ctl_escape(l->source), l->attempts, l->attempts == 1 ? "" : "s",
	       l->attempts >= STORE_LINK_ATTEMPTS ? "given up" : "tried again next run",
	       ctl_escape(l->last_error));
	return 0;
}

/* --verify: one damaged body, named. */
static int
print_damage(void *ctx, long id, const char *msg)
{
	(void)ctx, (void)id;
	error("%s", msg);
	return 0;
}

/* --verify: every archived body decoded and checked against its hash;
 * EX_DATAERR when one is damaged, each named on stderr, else 0. */
static int
verify_archive(struct app *app)
{
	struct err e = {0};
	long checked, bad;
	int rc;

	if ((rc = store_verify_bodies(app->store, print_damage, NULL, &checked, &bad, &e))) {
		error("%s", e.msg);
		return rc;
	}
	if (bad)
		printf("archive: %ld bod%s, %ld damaged (named above); reparse will not"
		       " run on it\n", checked, checked == 1 ? "y" : "ies", bad);
	else
		printf("archive: %ld bod%s, each whole and matching its hash\n", checked,
		       checked == 1 ? "y" : "ies");
	return bad ? EX_DATAERR : 0;
}

/* What needs a person beside the sources: news links failing, the
 * notifications waiting or parked, the conflicts.  *alert: a
 * notification failing or parked. */
static int
print_attention(struct app *app, time_t now, int *alert)
{
	struct err e = {0};
	char *last_error, since[21];
	long waiting, failed, parked, conflicts;
	int rc;

	/* News articles that could not be read: the feed itself is fine. */
	format_utc(now - LINK_SHOWN, since);
	if ((rc = store_failing_links(app->store, since, print_link, NULL, &e))) {
		error("%s", e.msg);
		return rc;
	}
	/* Undelivered alerts need a person as much as a stale source. */
	if ((rc = store_notify_backlog(app->store, &waiting, &failed, &parked, &last_error,
	                               &e))) {
		error("%s", e.msg);
		return rc;
	}
	if (waiting || parked || app->config.notify)
		printf("notifications: %ld waiting, %ld failing%s%s%s%s\n", waiting, failed,
		       parked ? ", " : "", parked ? parked_text(parked) : "",
		       last_error ? "; last error: " : "", last_error ? ctl_escape(last_error) : "");
	free(last_error);
	/* Where articles disagree with IRCC: for a person, not for cron. */
	if ((conflicts = store_count(app->store, "conflicts", &e)) < 0) {
		error("%s", e.msg);
		return e.code;
	}
	if (conflicts)
		printf("conflicts: %ld (eedraws conflicts lists them)\n", conflicts);
	*alert = failed || parked;
	return 0;
}

/* status: how each source is doing; 1 when any enabled source has had
 * no success within its stale_after, for monitoring.  --verify: the
 * archive checked too; EX_DATAERR when a body is damaged. */
int
cmd_status(struct app *app, int argc, char **argv)
{
	struct err e = {0};
	time_t now = time(NULL);
	size_t i;
	int rc, stale_any = 0, alert = 0, verify = 0;

	if (argc > 1 && strcmp(argv[1], "--verify") == 0)
		verify = 1;
	if (argc > 1 + verify)
		return usage_error("status: unexpected argument '%s'", argv[1 + verify]);
	if ((rc = app_setup(app)))
		return rc;
	printf("%-12s %-8s %-20s %8s  %s\n", "source", "state", "last success", "failures",
	       "last error");
	for (i = 0; i < app->config.nsources; i++) {
		const struct source *src = &app->config.sources[i];
		struct fetch_state st;
		const char *state, *next;

		if ((rc = store_get_fetch_state(app->store, src->url, &st, &e))) {
			error("%s", e.msg);
			return rc;
		}
		state = source_state(src, &st, now);
		stale_any |= strcmp(state, "STALE") == 0;
		/* Backed off: when update tries it again, unless named. */
		next = source_next_try(&st, now);
		printf("%-12s %-8s %-20s %8ld  %s%s%s\n", src->name, state,
		       st.last_success ? st.last_success : "never", st.failures,
		       st.last_error ? ctl_escape(st.last_error) : "-",
		       next ? "; next try after " : "", next ? next : "");
		fetch_state_release(&st);
	}
	if ((rc = print_attention(app, now, &alert)))
		return rc;
	if (verify && (rc = verify_archive(app)) && rc != EX_DATAERR)
		return rc;
	if (fflush(stdout) != 0 || ferror(stdout)) {
		error("cannot write standard output: %s", strerror(errno));
		return EX_IOERR;
	}
	if (verify && rc)
		return rc;
	return stale_any || alert ? 1 : 0;
}
