/* update.h: the cron pass (update.c), the notifications it delivers
 * (deliver.c) and the report page it keeps (page.c); its schedule is in
 * schedule.h. */
#ifndef EEDRAWS_UPDATE_H
#define EEDRAWS_UPDATE_H

#include <stdio.h>
#include <time.h>

#include "app.h"

/* update [SOURCE...]: argv[1..] names sources (checked by the caller);
 * none: every enabled source.  app's store is open. */
int update_run(struct app *app, int argc, char **argv);

/* Runs the notify command for each notification waiting, oldest first,
 * until one fails: the rest wait for the next run, in order.  A
 * notification is marked delivered only after its command succeeded.  One
 * whose command cannot run (NOTIFY_CANNOT_RUN), or that has failed
 * notify_attempts times, is parked instead, said, and passed by. */
int deliver(struct app *app);
/* As deliver(), *held set when a failure or an error stopped it: then
 * no other call in this run should try again. */
int deliver_until(struct app *app, int *held);

/* The report's page: the draws on or after since (NULL: all) from the
 * store, the sources' freshness as status shows it. */
struct report_job {
	struct app *app;
	const char *since;
};
int write_report(FILE *f, void *ctx, struct err *e);	/* a write_fn; ctx a report_job */

/* update: the page of report = PATH rewritten when changed says the
 * database changed since it was written, when a source's state is not the
 * one the page shows (ok to failing, say: the page and status agree), or
 * when it is missing; a failure is reported, the data stay. */
int update_report(struct app *app, int changed);

/* The Atom feed of the latest draws (atom.h), from the store (atom_file.c):
 * write_atom a write_fn, ctx the app; update_atom keeps atom = PATH as
 * update_report keeps the page, when the run changed the database or the
 * file is missing. */
int write_atom(FILE *f, void *ctx, struct err *e);
int update_atom(struct app *app);

#endif
