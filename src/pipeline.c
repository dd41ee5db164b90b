/* pipeline.c: one body's way into the store (pipeline.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pipeline.h"

/* The warning for a drop in the round count that outlived flap_grace. */
static void
drop_warning(struct strlist *warn, const struct store_drop *d)
{
	strlist_addf(warn, "the round count dropped from %ld to %ld at %s and is still lower"
	             " after flap_grace (a round missing is not a round deleted: draws are"
	             " kept)", d->from, d->to, d->since);
}

/* Warns when an IRCC feed body's shape differs from the last one's from
 * the same source: records that lose or gain keys, at once; fewer rounds
 * only once they have stayed fewer for flap_grace, as IRCC's CDN serves
 * an older copy now and then.  IRCC's format drifts; a person should
 * look, but the run goes on. */
static void
check_drift(struct app *app, const char *source, const struct body *b,
            const struct ircc_shape *now)
{
	struct strlist warn = {0};
	struct store_drop drop;
	struct err e = {0};
	char *old = NULL, *label, *key;
	int rc;

	/* IRCC's English and French feeds each have their own shape. */
	key = xasprintf("%s/%s", source, now->lang ? now->lang : "en");
	rc = store_swap_shape(app->store, key, now->keys, now->rounds,
	                      b->fetched_at ? b->fetched_at : time(NULL), app->config.flap_grace,
	                      &old, &drop, &e);
	free(key);
	if (rc < 0) {
		error("%s: %s", source, e.msg);	/* only the warning is lost */
		return;
	}
	ircc_shape_drift(old, -1, now, &warn);	/* the keys: the rounds are the store's */
	if (rc == 1)
		drop_warning(&warn, &drop);
	label = xasprintf("%s: %s", source, b->url);
	print_warnings(app, label, &warn);
	free(label);
	free(old);
}

void
pipeline_drift_due(struct app *app, const char *source, const char *url, time_t at)
{
	static const char *const langs[] = { "en", "fr" };
	struct strlist warn = {0};
	struct store_drop drop;
	struct err e = {0};
	char *key, *label;
	size_t i;
	int rc;

	for (i = 0; i < sizeof(langs) / sizeof(langs[0]); i++) {
		key = xasprintf("%s/%s", source, langs[i]);
		rc = store_shape_due(app->store, key, at, app->config.flap_grace, &drop, &e);
		free(key);
		if (rc < 0)
			error("%s: %s", source, e.msg);
		else if (rc == 1)
			drop_warning(&warn, &drop);
	}
	label = xasprintf("%s: %s", source, url);
	print_warnings(app, label, &warn);
	free(label);
}

/* Merges draws parsed from b: IRCC's record as draws, anything else as
 * what an article says; fn (may be NULL) is told each event, with app. */
static int
put(struct app *app, const char *source, const struct body *b, const char *kind,
    const struct draw_list *draws, const struct fetch_state *st, store_event_fn *fn,
    struct err *e)
{
	void *ctx = fn ? app : NULL;

	if (strcmp(kind, "ircc-json") == 0)
		return store_put_body(app->store, source, b, draws, st, fn, ctx, e);
	return store_put_observations(app->store, source, b, draws, st, fn, ctx, e);
}

int
pipeline_take(struct app *app, const char *source, const struct body *b, const char *kind,
              const struct parse_opts *po, const struct fetch_state *st, struct err *e)
{
	struct draw_list draws = {0};
	struct strlist warn = {0};
	struct ircc_shape shape = {0};
	struct parse_opts opts = {0};
	struct draw_list known = {0};
	int rc;

	if (po)
		opts = *po;
	opts.shape = &shape;
	opts.max_draws = (size_t)app->config.max_draws;
	opts.known = &known;
	/* Kept before it is parsed: a body the parser rejects today is the
	 * one an incident's replay or a better parser needs. */
	if ((rc = store_archive(app->store, source, b, kind, po ? po->date : NULL, e)))
		return rc;
	/* What an undated article's "December 8" may be matched with. */
	if (strcmp(kind, "ircc-json") != 0)
		rc = store_known_rounds(app->store, &known, e);
	if (rc == 0)
		rc = parse_body(b, kind, &opts, &draws, &warn, e);
	print_warnings(app, b->url, &warn);
	if (rc == 0 && (rc = put(app, source, b, kind, &draws, st, announce, e)) == 0 &&
	    strcmp(kind, "ircc-json") == 0)
		check_drift(app, source, b, &shape);
	if (rc == 0 && app->verbosity == VERBOSE)
		error("%s: %zu draws read", b->url, draws.n);
	draw_list_release(&draws);
	draw_list_release(&known);
	free(shape.keys);
	return rc;
}

int
pipeline_replay(struct app *app, const char *source, const struct body *b, const char *kind,
                const char *assumed_date, int *parsed, struct err *e)
{
	struct parse_opts po = { .date = assumed_date,
	                         .max_draws = (size_t)app->config.max_draws };
	struct draw_list draws = {0}, known = {0};
	struct strlist warn = {0};
	int rc;

	po.known = &known;
	if (strcmp(kind, "ircc-json") != 0 && (rc = store_known_rounds(app->store, &known, e))) {
		draw_list_release(&known);
		*parsed = 0;
		return rc;
	}
	*parsed = (rc = parse_body(b, kind, &po, &draws, &warn, e)) == 0;
	if (rc == 0)
		rc = put(app, source, b, kind, &draws, NULL, NULL, e);
	strlist_release(&warn);
	draw_list_release(&draws);
	draw_list_release(&known);
	return rc;
}
