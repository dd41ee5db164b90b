/* cmd_ingest.c: eedraws ingest, bodies stored by hand. */
#include <getopt.h>
#include <string.h>
#include <sysexits.h>

#include "cmd.h"
#include "news.h"
#include "pipeline.h"
#include "update.h"

/* Whether a page states a draw, asked before anything is stored:
 * "ingest /etc/passwd" read as an article stored nothing and exited 0,
 * as if it had worked.  IRCC's feed without rounds is refused by its
 * parser, and a news feed with no new matching item is the usual case,
 * not an error; a page that fails to parse is left to pipeline_take(),
 * which says why. */
static int
check_states_draws(const struct app *app, const struct body *b, const char *kind,
                   const struct parse_opts *po, struct err *e)
{
	struct draw_list d = {0}, known = {0};
	struct strlist w = {0};
	struct parse_opts o = *po;
	int rc = 0;

	if (strcmp(kind, "article") != 0)
		return 0;
	o.max_draws = (size_t)app->config.max_draws;
	/* As pipeline_take() will read it: with IRCC's rounds. */
	if ((rc = store_known_rounds(app->store, &known, e))) {
		draw_list_release(&known);
		return rc;
	}
	o.known = &known;
	if (parse_body(b, kind, &o, &d, &w, e) == 0 && d.n == 0) {
		rc = err_set(e, EX_DATAERR, "%s: no draws found, read as an article%s; nothing "
		             "stored", b->url, w.n ? " (the warnings above say why)" : "");
		print_warnings(app, b->url, &w);
	}
	strlist_release(&w);
	draw_list_release(&d);
	draw_list_release(&known);
	return rc;
}

int
cmd_ingest(struct app *app, int argc, char **argv)
{
	struct parse_opts popts;
	const char *kind, *k;
	int status = 0, rc, i, complete;

	if ((rc = kind_options(argc, argv, &kind, &popts)) || (rc = app_setup(app)))
		return rc;
	for (i = optind; i < argc; i++) {
		struct body b;
		struct err e = {0};

		rc = load_body(app, argv[i], &b, &e);
		if (!rc && !(k = body_kind(&b, kind, &e)))
			rc = e.code;
		/* A feed given by hand: all its matching items not seen. */
		if (!rc && strcmp(k, "feed") == 0)
			rc = news_ingest(app, "ingest", &b, NULL, 0, &complete, &e);
		else if (!rc && !(rc = check_states_draws(app, &b, k, &popts, &e)))
			rc = pipeline_take(app, "ingest", &b, k, &popts, NULL, &e);
		if (rc)
			error("%s", e.msg);
		keep_first(&status, rc);
		body_release(&b);
	}
	keep_first(&status, deliver(app));
	return status;
}
