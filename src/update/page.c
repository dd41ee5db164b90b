/* page.c: the report page assembled from the store and the sources'
 * state, for report and for update's report = PATH (update.h). */
#include <stdio.h>
#include <unistd.h>

#include "report.h"
#include "schedule.h"
#include "update.h"

int
write_report(FILE *f, void *ctx, struct err *e)
{
	struct report_job *j = ctx;
	struct report_data r = {0};
	size_t i;
	int rc;

	r.generated = time(NULL);
	if (j->since)
		snprintf(r.since, sizeof(r.since), "%s", j->since);
	rc = store_report_read(j->app->store, j->since, &r, e);
	for (i = 0; rc == 0 && i < j->app->config.nsources; i++) {
		const struct source *src = &j->app->config.sources[i];
		struct report_source *rs;
		struct fetch_state st;

		if ((rc = store_get_fetch_state(j->app->store, src->url, &st, e)))
			break;
		rs = report_add_source(&r);
		rs->name = xstrdup(src->name);
		rs->state = xstrdup(source_state(src, &st, r.generated));
		rs->last_success = xstrdup(st.last_success);
		rs->failures = st.failures;
		rs->last_error = xstrdup(st.last_error);
		fetch_state_release(&st);
	}
	if (rc == 0)
		report_write(f, &r);
	report_data_release(&r);
	return rc;
}

int
update_report(struct app *app)
{
	struct report_job j = { app, NULL };
	struct err e = {0};
	const char *path = app->config.report;
	int rc;

	if (!path || (store_data_changes(app->store) == 0 && access(path, F_OK) == 0))
		return 0;
	if ((rc = write_file_atomic(path, write_report, &j, &e)))
		error("report: %s", e.msg);
	else if (app->verbosity == VERBOSE)
		error("report: wrote '%s'", path);
	return rc;
}
