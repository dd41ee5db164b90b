/* page.c: the report page assembled from the store and the sources'
 * state, for report and for update's report = PATH (update.h). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "report.h"
#include "schedule.h"
#include "update.h"

/* The mark of the sources' states in the page's head, as report.c writes
 * it. */
#define HEALTH_META "<meta name=\"eedraws-health\" content=\""

/* Each configured source with its state at r->generated, as status shows
 * them, and r->health: a hash of every name and state, so that a page
 * can be told from its head to show other states. */
static int
add_sources(struct app *app, struct report_data *r, struct err *e)
{
	uint64_t h = 14695981039346656037ULL;	/* FNV-1a */
	size_t i;
	int rc;

	for (i = 0; i < app->config.nsources; i++) {
		const struct source *src = &app->config.sources[i];
		struct report_source *rs;
		struct fetch_state st;
		const char *p;

		if ((rc = store_get_fetch_state(app->store, src->url, &st, e)))
			return rc;
		rs = report_add_source(r);
		rs->name = xstrdup(src->name);
		rs->state = xstrdup(source_state(src, &st, r->generated));
		rs->last_success = xstrdup(st.last_success);
		rs->failures = st.failures;
		rs->last_error = xstrdup(st.last_error);
		fetch_state_release(&st);
		for (p = rs->name; ; p++) {
			h = (h ^ (unsigned char)*p) * 1099511628211ULL;
			if (!*p)
				break;
		}
		for (p = rs->state; ; p++) {
			h = (h ^ (unsigned char)*p) * 1099511628211ULL;
			if (!*p)
				break;
		}
	}
	snprintf(r->health, sizeof(r->health), "%016llx", (unsigned long long)h);
	return 0;
}

int
write_report(FILE *f, void *ctx, struct err *e)
{
	struct report_job *j = ctx;
	struct report_data r = {0};
	int rc;

	r.generated = time(NULL);
	if (j->since)
		snprintf(r.since, sizeof(r.since), "%s", j->since);
	if ((rc = store_report_read(j->app->store, j->since, &r, e)) == 0 &&
	    (rc = add_sources(j->app, &r, e)) == 0)
		report_write(f, &r);
	report_data_release(&r);
	return rc;
}

/* Whether the page at path shows the sources' states as they are now:
 * its head holds the same health mark.  A page without one (an older
 * eedraws's, or unreadable) does not. */
static int
page_health_current(struct app *app, const char *path)
{
	struct report_data r = {0};
	struct err e = {0};
	char head[4096], *p;
	size_t n = 0;
	int same = 0;
	FILE *f;

	r.generated = time(NULL);
	if (add_sources(app, &r, &e) == 0 && (f = fopen(path, "r"))) {
		n = fread(head, 1, sizeof(head) - 1, f);
		fclose(f);
		head[n] = '\0';
		if ((p = strstr(head, HEALTH_META)))
			same = strncmp(p + strlen(HEALTH_META), r.health, strlen(r.health)) == 0 &&
			       p[strlen(HEALTH_META) + strlen(r.health)] == '"';
	}
	report_data_release(&r);
	return same;
}

int
update_report(struct app *app, int changed)
{
	struct report_job j = { app, NULL };
	struct err e = {0};
	const char *path = app->config.report;
	int rc;

	if (!path || (!changed && access(path, F_OK) == 0 && page_health_current(app, path)))
		return 0;
	if ((rc = write_file_atomic(path, write_report, &j, &e)))
		error("report: %s", e.msg);
	else if (app->verbosity == VERBOSE)
		error("report: wrote '%s'", path);
	return rc;
}
