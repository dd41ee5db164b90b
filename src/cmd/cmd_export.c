/* cmd_export.c: eedraws export, one table as CSV or JSON, or the Atom
 * feed of the latest draws. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "cmd.h"
#include "export.h"
#include "update.h"

/* export: one table's rows to f. */
struct export_job {
	struct app *app;
	unsigned flags;		/* STORE_ALL */
	const char *table, *what;
	enum export_format fmt;
	const char *const *cols;
	const char *types;
	int ncols;
};

static int
write_export(FILE *f, void *ctx, struct err *e)
{
	struct export_job *j = ctx;
	struct exporter x;
	int rc;

	export_begin(&x, f, j->fmt, j->cols, j->types, j->ncols);
	rc = store_each_row(j->app->store, j->table, j->flags, 0, export_row, &x, e);
	return rc ? rc : export_end(&x, j->what, e);
}

/* export -f atom: the feed of the latest draws, as update keeps atom =
 * PATH. */
static int
export_atom(struct app *app, const char *out)
{
	struct err e = {0};
	int rc;

	if (out)
		rc = write_file_atomic(out, write_atom, app, &e);
	else if ((rc = write_atom(stdout, app, &e)) == 0 &&
	         (fflush(stdout) != 0 || ferror(stdout)))
		rc = err_set(&e, EX_IOERR, "cannot write standard output: %s", strerror(errno));
	if (rc)
		error("%s", e.msg);
	return rc;
}

int
cmd_export(struct app *app, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "table", required_argument, NULL, 't' },
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "all", no_argument, NULL, 'a' },
		{ NULL, 0, NULL, 0 },
	};
	const char *table = "draws", *out = NULL, *const *cols, *types;
	enum export_format fmt = EXPORT_CSV;
	struct export_job j = {0};
	struct err e = {0};
	int ch, rc, ncols, atom = 0;

	optind = 0;
	while ((ch = getopt_long(argc, argv, "+t:f:o:a", longopts, NULL)) != -1) {
		switch (ch) {
		case 'a':
			j.flags |= STORE_ALL;
			break;
		case 't':
			table = optarg;
			break;
		case 'f':
			if (strcmp(optarg, "csv") == 0)
				fmt = EXPORT_CSV;
			else if (strcmp(optarg, "json") == 0)
				fmt = EXPORT_JSON;
			else if (strcmp(optarg, "atom") == 0)
				atom = 1;
			else
				return usage_error("export: unknown format '%s' (csv, json, atom)",
				                   optarg);
			break;
		case 'o':
			out = optarg;
			break;
		default:
			return usage_error("%s: bad option", "export");
		}
	}
	if (optind < argc)
		return usage_error("export: unexpected argument '%s'", argv[optind]);
	if (!(cols = store_columns(table, &ncols, &types)))
		return usage_error("export: unknown table '%s' (draws, revisions, pool, "
		                   "observations, conflicts)", table);
	if (atom && (strcmp(table, "draws") != 0 || j.flags & STORE_ALL))
		return usage_error("export: -f atom is the feed of the latest draws: leave out"
		                   " -t %s and -a", table);
	if ((rc = app_setup(app)))
		return rc;
	if (atom)
		return export_atom(app, out);
	j.app = app, j.table = table, j.fmt = fmt, j.cols = cols, j.types = types, j.ncols = ncols;
	j.what = out ? out : "standard output";
	/* To a FILE through a temporary file and rename: never half-written
	 * (a device, a FIFO or /dev/stdout written directly). */
	rc = out ? write_file_atomic(out, write_export, &j, &e) : write_export(stdout, &j, &e);
	if (rc)
		error("%s", e.msg);
	return rc;
}
