/* cmd_reparse.c: eedraws reparse, every derived record rebuilt from the archive. */
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "cmd.h"
#include "pipeline.h"

struct replay {
	struct app *app;
	long bodies, skipped;
};

/* reparse: one archived body that states draws, through the pipeline;
 * one the parser refuses is counted and skipped. */
static int
replay_body(void *ctx, const struct body *b, const char *source, const char *kind,
            const char *assumed_date)
{
	struct replay *r = ctx;
	struct err e = {0};
	int rc, parsed;

	if (strcmp(kind, "ircc-json") != 0 && strcmp(kind, "article") != 0)
		return 0;	/* feeds name articles; they state no draws */
	r->bodies++;
	rc = pipeline_replay(r->app, source, b, kind, assumed_date, &parsed, &e);
	if (!parsed) {
		r->skipped++;
		if (r->app->verbosity == VERBOSE)
			error("%s: not parsed: %s", b->url, e.msg);
		return 0;
	}
	if (rc)		/* the database failed: stop, all rolls back */
		error("%s", e.msg);
	return rc;
}

/* reparse [--force]: every derived record rebuilt from the archive. */
int
cmd_reparse(struct app *app, int argc, char **argv)
{
	struct replay r = { app, 0, 0 };
	struct err e = {0};
	long draws, obs, unconf, lost;
	int force = 0, rc;

	if (argc == 2 && strcmp(argv[1], "--force") == 0)
		force = 1;
	else if (argc > 1)
		return usage_error("reparse: unexpected '%s'", argv[1]);
	if ((rc = app_setup(app)))
		return rc;
	draws = store_count(app->store, "draws", NULL);
	obs = store_count(app->store, "observations", NULL);
	unconf = store_count(app->store, "unconfirmed", NULL);
	if ((rc = store_rebuild_begin(app->store, &e))) {
		error("%s", e.msg);
		return rc;
	}
	if ((rc = store_each_body(app->store, replay_body, &r, &e))) {
		/* A damaged body's draws would be lost: all rolls back. */
		if (e.msg[0])
			error("%s%s", e.msg, rc == EX_DATAERR ? "; reparse: nothing changed"
			      " (eedraws status --verify names every damaged body)" : "");
		store_rebuild_end(app->store, 0, 0, &lost, &e);	/* rolls back */
		return rc;
	}
	if ((rc = store_rebuild_end(app->store, 1, force, &lost, &e))) {
		error("%s", e.msg);
		return rc;
	}
	if (app->verbosity > QUIET)
		printf("reparse: %ld bodies (%ld not parsed); draws %ld -> %ld, unconfirmed"
		       " %ld -> %ld, observations %ld -> %ld%s\n", r.bodies, r.skipped,
		       draws, store_count(app->store, "draws", NULL), unconf,
		       store_count(app->store, "unconfirmed", NULL), obs,
		       store_count(app->store, "observations", NULL),
		       lost ? " (draws no archived body states were dropped: --force)" : "");
	return 0;
}
