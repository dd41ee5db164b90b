/* deliver.c: the notifications waiting, handed to the notify command
 * (update.h). */
#include "notify.h"
#include "update.h"

int
deliver(struct app *app)
{
	struct store_notification n;
	struct err e = {0};
	long lease = app->config.notify_timeout + 60;
	int got, rc = 0;

	if (!app->config.notify)
		return 0;
	while (rc == 0 && (got = store_next_notification(app->store, lease, &n, &e)) == 1) {
		if (app->verbosity == VERBOSE)
			error("notify: %s draw %s %s (attempt %ld)", n.event,
			      n.number ? n.number : "", n.date ? n.date : "", n.attempts);
		rc = notify_run(app->config.notify, n.env, app->config.notify_timeout, &e);
		if (rc)
			error("%s; draw %s%s %s: tried again next run", e.msg,
			      n.number ? "#" : "", n.number ? n.number : "", n.date ? n.date : "");
		if (store_notification_done(app->store, n.id, rc ? e.msg : NULL, &e)) {
			error("%s", e.msg);
			keep_first(&rc, e.code);
		}
		store_notification_release(&n);
	}
	if (got < 0) {
		error("%s", e.msg);
		keep_first(&rc, -got);
	}
	return rc;
}
