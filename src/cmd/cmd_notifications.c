/* cmd_notifications.c: eedraws notifications [retry|drop ID|all], the
 * notifications not delivered, for a person: the parked ones above all. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "cmd.h"
#include "update.h"

static int
print_notification(void *ctx, const struct store_notification *n)
{
	(void)ctx;
	printf("%-5ld %-8s %-11s %-6s %-10s %8ld  %s\n", n->id,
	       n->parked_at ? "parked" : n->last_error ? "failing" : "waiting", n->event,
	       n->number ? n->number : "-", n->date ? n->date : "-", n->attempts,
	       n->last_error ? n->last_error : "-");
	return 0;
}

/* notifications: every one not delivered, oldest first. */
static int
list(struct app *app)
{
	struct err e = {0};
	int rc;

	printf("%-5s %-8s %-11s %-6s %-10s %8s  %s\n", "id", "state", "event", "draw", "date",
	       "attempts", "last error");
	rc = store_notifications_each(app->store, print_notification, NULL, &e);
	if (!rc && (fflush(stdout) != 0 || ferror(stdout)))
		rc = err_set(&e, EX_IOERR, "cannot write standard output: %s", strerror(errno));
	if (rc)
		error("%s", e.msg);
	return rc;
}

/* A notification's id as the list shows it, 0 for "all", -1 for
 * neither. */
static long
parse_id(const char *arg)
{
	char *end;
	long id;

	if (strcmp(arg, "all") == 0)
		return 0;
	if (*arg < '1' || *arg > '9')
		return -1;
	errno = 0;
	id = strtol(arg, &end, 10);
	return *end || errno ? -1 : id;
}

/* retry: waiting again, its attempts counted anew, then delivered with
 * the rest at once; drop: deleted, never to be run. */
static int
settle(struct app *app, int retry, long id)
{
	struct err e = {0};
	long n;
	int rc;

	if (retry && !app->config.notify) {
		error("notifications: retry: no notify command in the config (%s) to deliver"
		      " with", app->config.path ? app->config.path : "none read");
		return EX_CONFIG;
	}
	rc = retry ? store_notification_retry(app->store, id, &n, &e)
	           : store_notification_drop(app->store, id, &n, &e);
	if (rc) {
		error("notifications: %s", e.msg);
		return rc;
	}
	if (app->verbosity > QUIET)
		printf("%ld notification%s %s\n", n, n == 1 ? "" : "s",
		       retry ? "waiting again" : "dropped");
	return retry ? deliver(app) : 0;
}

int
cmd_notifications(struct app *app, int argc, char **argv)
{
	int rc, retry;
	long id;

	if (argc == 1) {
		if ((rc = app_setup(app)))
			return rc;
		return list(app);
	}
	retry = strcmp(argv[1], "retry") == 0;
	if (!retry && strcmp(argv[1], "drop") != 0)
		return usage_error("notifications: unknown action '%s' (retry or drop)", argv[1]);
	if (argc != 3)
		return usage_error("notifications: %s wants one ID, as eedraws notifications"
		                   " lists it, or all", argv[1]);
	if ((id = parse_id(argv[2])) < 0)
		return usage_error("notifications: '%s' is not a notification's id (a number, as"
		                   " eedraws notifications lists it, or all)", argv[2]);
	if ((rc = app_setup(app)))
		return rc;
	return settle(app, retry, id);
}
