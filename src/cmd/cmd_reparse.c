/* cmd_reparse.c: eedraws reparse, every derived record rebuilt from the archive. */
#include <stdio.h>
#include <string.h>

#include "cmd.h"

struct replay {
	struct app *app;
	long bodies, skipped;
};

/* reparse: one archived body, parsed with today's parser as it was then. */
static int
replay_body(void *ctx, const struct body *b, const char *source, const char *kind,
            const char *assumed_date)
{
	struct replay *r = ctx;
	struct parse_opts po = { .date = assumed_date };
	struct draw_list draws = {0};
	struct strlist warn = {0};
	struct err e = {0};
	int rc;

	if (strcmp(kind, "ircc-json") != 0 && strcmp(kind, "article") != 0)
		return 0;	/* feeds name articles; they state no draws */
	r->bodies++;
	if ((rc = parse_body(b, kind, &po, &draws, &warn, &e)) == 0) {
		rc = strcmp(kind, "ircc-json") == 0
		     ? store_put_body(r->app->store, source, b, &draws, NULL, NULL, NULL, &e)
		     : store_put_observations(r->app->store, source, b, &draws, NULL, NULL, NULL, &e);
		if (rc) {	/* the database failed: stop, all rolls back */
			error("%s", e.msg);
			draw_list_release(&draws);
			strlist_release(&warn);
			return rc;
		}
	} else {
		r->skipped++;
		if (r->app->verbosity == VERBOSE)
			error("%s: not parsed: %s", b->url, e.msg);
	}
	strlist_release(&warn);
	draw_list_release(&draws);
	return 0;
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
		if (e.msg[0])
			error("%s", e.msg);
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
