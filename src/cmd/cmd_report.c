/* cmd_report.c: eedraws report, the HTML page of the draws. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "cmd.h"
#include "datetime.h"
#include "update.h"

/* report [-o FILE] [--since DATE]: the page to stdout, or to FILE through
 * a temporary file and a rename (a device or a FIFO written directly).
 * Standard output on a terminal would get some 130 kB of markup: the page
 * goes to report = PATH instead, or is refused with what to do. */
int
cmd_report(struct app *app, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "since", required_argument, NULL, 'S' },
		{ NULL, 0, NULL, 0 },
	};
	struct report_job j = { app, NULL };
	const char *out = NULL;
	struct err e = {0};
	char iso[11];
	int ch, rc, swapped = 0;

	optind = 0;
	while ((ch = getopt_long(argc, argv, "+o:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'o':
			out = optarg;
			break;
		case 'S':
			if (date_parse_iso(optarg, iso, &swapped) != 0 || swapped ||
			    strcmp(iso, optarg) != 0)
				return usage_error("report: --since wants a date, YYYY-MM-DD, not '%s'",
				                   optarg);
			j.since = optarg;
			break;
		default:
			return usage_error("%s: bad option", "report");
		}
	}
	if (optind < argc)
		return usage_error("report: unexpected argument '%s'", argv[optind]);
	if (!out && isatty(STDOUT_FILENO)) {
		if (!(out = app->config.report))
			return usage_error("report: will not write HTML to a terminal; use -o FILE"
			                   " or set report = PATH in the config%s", "");
	}
	if ((rc = app_setup(app)))
		return rc;
	if (out) {
		rc = write_file_atomic(out, write_report, &j, &e);
	} else if ((rc = write_report(stdout, &j, &e)) == 0 &&
	           (fflush(stdout) != 0 || ferror(stdout))) {
		rc = err_set(&e, EX_IOERR, "cannot write standard output: %s", strerror(errno));
	}
	if (rc)
		error("%s", e.msg);
	else if (out == app->config.report && app->verbosity > QUIET)
		error("report: wrote '%s'", out);
	return rc;
}
