/* deliver.c: the notifications waiting, handed to the notify command
 * (update.h). */
#include <stdio.h>

#include "notify.h"
#include "update.h"

/* "#335 2025-02-05", or the date alone for a draw with no number. */
static void
draw_label(const struct store_notification *n, char *buf, size_t size)
{
	snprintf(buf, size, "%s%s%s%s", n->number ? "#" : "", n->number ? n->number : "",
	         n->number ? " " : "", n->date ? n->date : "");
}

/* One claimed notification: delivered, failed (tried again next run), or
 * parked when its command cannot run or has failed notify_attempts times,
 * so that one which never can does not hold back the rest.  0, or the
 * command's failure: EX_TEMPFAIL, or NOTIFY_CANNOT_RUN once parked. */
static int
deliver_one(struct app *app, const struct store_notification *n)
{
	struct err e = {0}, e2 = {0};
	char draw[80];
	int rc, park;

	draw_label(n, draw, sizeof(draw));
	if (app->verbosity == VERBOSE)
		error("notify: %ld: %s draw %s (attempt %ld)", n->id, n->event, draw, n->attempts);
	rc = notify_run(app->config.notify, n->env, app->config.notify_timeout, &e);
	park = rc == NOTIFY_CANNOT_RUN || (rc && n->attempts >= app->config.notify_attempts);
	if (park) {
		error("%s; draw %s: parked after %ld attempt%s (eedraws notifications retry"
		      " %ld)", e.msg, draw, n->attempts, n->attempts == 1 ? "" : "s", n->id);
		rc = NOTIFY_CANNOT_RUN;
	} else if (rc) {
		error("%s; draw %s: tried again next run", e.msg, draw);
		rc = EX_TEMPFAIL;
	}
	if ((park ? store_notification_park(app->store, n->id, e.msg, &e2)
	          : store_notification_done(app->store, n->id, rc ? e.msg : NULL, &e2))) {
		error("%s", e2.msg);
		return e2.code;
	}
	return rc;
}

int
deliver_until(struct app *app, int *held)
{
	struct store_notification n;
	struct err e = {0};
	long lease = app->config.notify_timeout + 60;
	int got = 0, rc = 0, one = 0;

	*held = 0;
	if (!app->config.notify)
		return 0;
	/* A parked one is said and passed by; any other failure stops the
	 * rest, in order, for the next run. */
	while ((one == 0 || one == NOTIFY_CANNOT_RUN) &&
	       (got = store_next_notification(app->store, lease, &n, &e)) == 1) {
		one = deliver_one(app, &n);
		keep_first(&rc, one == NOTIFY_CANNOT_RUN ? EX_TEMPFAIL : one);
		store_notification_release(&n);
	}
	*held = one != 0 && one != NOTIFY_CANNOT_RUN;
	if (got < 0) {
		error("%s", e.msg);
		keep_first(&rc, -got);
		*held = 1;
	}
	return rc;
}

int
deliver(struct app *app)
{
	int held;

	return deliver_until(app, &held);
}
