/* cmd_parse.c: eedraws parse, the records a body yields, stored nowhere. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "cmd.h"
#include "export.h"
#include "feed.h"

/* parse of a feed: its items, and which the default pattern picks. */
static const char *const item_columns[] = { "published", "match", "link", "title" };

static int
print_items(const struct app *app, struct exporter *x, const struct body *b, struct err *e)
{
	struct feed_items items = {0};
	struct feed_filter *f;
	struct strlist warn = {0};
	size_t i;
	int rc;

	if ((rc = feed_filter_new(&f, FEED_DEFAULT_MATCH, e)))
		return rc;
	if ((rc = feed_parse(b, &items, &warn, e)) == 0) {
		for (i = 0; i < items.n; i++) {
			const struct feed_item *it = &items.v[i];
			const char *cells[4] = { it->published[0] ? it->published : NULL,
			                         feed_filter_match(f, it) ? "1" : "0",
			                         it->link, it->title };

			export_row(x, cells, 4);
		}
	}
	print_warnings(app, b->url, &warn);
	feed_items_release(&items);
	feed_filter_free(f);
	return rc;
}

static void
print_draws(const struct app *app, struct exporter *x, const struct draw_list *draws,
            const char *arg)
{
	size_t j;

	for (j = 0; j < draws->n; j++) {
		const char *cells[EXPORT_DRAW_COLUMNS];
		char nums[2][24];

		export_draw_cells(&draws->v[j], cells, nums);
		export_row(x, cells, EXPORT_DRAW_COLUMNS);
		if (app->verbosity == VERBOSE && draws->v[j].evidence)
			error("%s: draw %s from: %s", arg, cells[1] ? cells[1] : "",
			      draws->v[j].evidence);
	}
}

/* parse: the draws of each body as CSV, or for feeds their items; the
 * first body decides which, as one CSV has one header. */
int
cmd_parse(struct app *app, int argc, char **argv)
{
	const char *const *cols;
	const char *types, *kind, *k;
	struct parse_opts popts;
	struct exporter x;
	struct err e = {0};
	int status = 0, rc, i, ncols, feeds = -1;

	if ((rc = kind_options(argc, argv, &kind, &popts)))
		return rc;
	popts.max_draws = (size_t)app->config.max_draws;
	for (i = optind; i < argc; i++) {
		struct draw_list draws = {0};
		struct strlist warn = {0};
		struct body b;

		rc = load_body(app, argv[i], &b, &e);
		if (!rc && !(k = body_kind(&b, kind, &e)))
			rc = e.code;
		if (!rc && feeds < 0) {
			if ((feeds = strcmp(k, "feed") == 0)) {
				export_begin(&x, stdout, EXPORT_CSV, item_columns, "tttt", 4);
			} else {
				cols = store_columns("draws", &ncols, &types);
				export_begin(&x, stdout, EXPORT_CSV, cols, types,
				             EXPORT_DRAW_COLUMNS);
			}
		}
		if (!rc && feeds != (strcmp(k, "feed") == 0))
			rc = err_set(&e, EX_USAGE, "%s: parse feeds and pages in separate runs",
			             b.url);
		else if (!rc && feeds)
			rc = print_items(app, &x, &b, &e);
		else if (!rc && !(rc = parse_body(&b, k, &popts, &draws, &warn, &e)) && !draws.n)
			rc = err_set(&e, EX_DATAERR, "%s: no draws found, read as %s%s", b.url,
			             strcmp(k, "article") ? k : "an article",
			             warn.n ? " (the warnings above say why)" : "");
		print_warnings(app, argv[i], &warn);
		if (rc)
			error("%s", e.msg);
		keep_first(&status, rc);
		print_draws(app, &x, &draws, argv[i]);
		draw_list_release(&draws);
		body_release(&b);
	}
	if (feeds >= 0 && (rc = export_end(&x, "standard output", &e))) {
		error("%s", e.msg);
		keep_first(&status, rc);
	}
	return status;
}
