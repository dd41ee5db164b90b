/* cmd_ingest.c: eedraws ingest, bodies stored by hand. */
#include <getopt.h>
#include <string.h>

#include "cmd.h"
#include "news.h"
#include "pipeline.h"
#include "update.h"

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
		else if (!rc)
			rc = pipeline_take(app, "ingest", &b, k, &popts, NULL, &e);
		if (rc)
			error("%s", e.msg);
		keep_first(&status, rc);
		body_release(&b);
	}
	keep_first(&status, deliver(app));
	return status;
}
