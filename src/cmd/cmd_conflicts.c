/* cmd_conflicts.c: eedraws conflicts, where articles disagree with IRCC. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "cmd.h"

#define T(s) ctl_escape(s)	/* a stored text, as a terminal may show it */

static int
print_conflict(void *ctx, const char *const *v, int n)
{
	char ircc[THOUSANDS_SIZE], stated[THOUSANDS_SIZE];
	const char *iv = v[3], *sv = v[4];
	int *count = ctx;

	(void)n;
	/* number, date, field, ircc_value, stated_value, source, url; a
	 * count reads as list prints it (4,300) */
	if (draw_field_is_count(v[2]))
		iv = thousands_text(iv, ircc), sv = thousands_text(sv, stated);
	printf("#%-5s %-10s %-11s IRCC %-10s article %-10s %s %s\n", T(v[0]), T(v[1]),
	       T(v[2]), iv ? T(iv) : "-", sv ? T(sv) : "-", T(v[5]), T(v[6]));
	++*count;
	return 0;
}

/* conflicts: where an article disagrees with IRCC's record. */
int
cmd_conflicts(struct app *app, int argc, char **argv)
{
	struct err e = {0};
	int rc, count = 0;

	if (argc > 1)
		return usage_error("conflicts: unexpected argument '%s'", argv[1]);
	if ((rc = app_setup(app)))
		return rc;
	rc = store_each_row(app->store, "conflicts", 0, 0, print_conflict, &count, &e);
	if (!rc && count == 0 && app->verbosity > QUIET)
		fputs("no conflicts: no article disagrees with IRCC's record\n", stderr);
	if (!rc && (fflush(stdout) != 0 || ferror(stdout)))
		rc = err_set(&e, EX_IOERR, "cannot write standard output: %s", strerror(errno));
	if (rc)
		error("%s", e.msg);
	return rc;
}
