/* cmd_list.c: eedraws list, the latest draws for a person. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "cmd.h"

#define T(s) ctl_escape(s)	/* a stored text, as a terminal may show it */

static int
print_list_row(void *ctx, const char *const *v, int n)
{
	int confirmed = strcmp(v[10], "0") != 0;
	char id[32], inv[THOUSANDS_SIZE], crs[THOUSANDS_SIZE];
	long *rows = ctx;

	(void)n;
	if ((*rows)++ == 0)
		printf("%-6s %-10s %-16s %11s %4s  %s\n", "number", "date", "category",
		       "invitations", "crs", "name");
	/* number, date, category, version, name, invitations, crs_cutoff, ...,
	 * confirmed, name_fr, unconfirmed_id: an unconfirmed draw is named by
	 * its id (u12, for dismiss) and says so where IRCC's name would be */
	snprintf(id, sizeof(id), "u%s", v[12] ? v[12] : "?");
	printf("%-6s %-10s %-16s %11s %4s  %s\n", !confirmed ? id : v[0] ? T(v[0]) : "",
	       v[1] ? T(v[1]) : "", v[2] ? T(v[2]) : "", v[5] ? thousands_text(v[5], inv) : "",
	       v[6] ? thousands_text(v[6], crs) : "",
	       !confirmed ? "unconfirmed: only articles state it" :
	       v[4] ? T(v[4]) : v[11] ? T(v[11]) : "");	/* else the French name */
	return 0;
}

int
cmd_list(struct app *app, int argc, char **argv)
{
	struct err e = {0};
	char *end;
	long n = 10, rows = 0;
	int ch, rc;

	optind = 0;
	while ((ch = getopt(argc, argv, "+n:")) != -1) {
		if (ch != 'n')
			return usage_error("%s: bad option", "list");
		n = strtol(optarg, &end, 10);
		if (*end || n < 1)
			return usage_error("list: -n wants a positive number, not '%s'", optarg);
	}
	if (optind < argc)
		return usage_error("list: unexpected argument '%s'", argv[optind]);
	if ((rc = app_setup(app)))
		return rc;
	rc = store_each_row(app->store, "draws", STORE_NEWEST_FIRST, n, print_list_row, &rows,
	                    &e);
	/* A bare header would look like a fault: say why there is nothing. */
	if (!rc && rows == 0 && app->verbosity > QUIET)
		fputs("no draws yet; run eedraws update\n", stderr);
	if (!rc && (fflush(stdout) != 0 || ferror(stdout)))
		rc = err_set(&e, EX_IOERR, "cannot write standard output: %s", strerror(errno));
	if (rc)
		error("%s", e.msg);
	return rc;
}
