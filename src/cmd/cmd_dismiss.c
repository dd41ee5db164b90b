/* cmd_dismiss.c: eedraws dismiss ID, an unconfirmed draw retracted by hand. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "cmd.h"
#include "update.h"

/* An unconfirmed draw's id as list shows it (u12) or as export does (12):
 * the number, or 0 when arg is neither. */
static long long
parse_id(const char *arg)
{
	const char *p = arg[0] == 'u' ? arg + 1 : arg;
	char *end;
	long long id;

	if (*p < '1' || *p > '9')
		return 0;
	errno = 0;
	id = strtoll(p, &end, 10);
	return *end || errno ? 0 : id;
}

/* dismiss ID: a person retracts an unconfirmed draw that never happened,
 * said on stdout and to notify as a retraction is. */
int
cmd_dismiss(struct app *app, int argc, char **argv)
{
	struct err e = {0};
	long long id;
	int rc;

	if (argc != 2)
		return usage_error("dismiss: name one unconfirmed draw, by its id (%s)",
		                   "u12, as eedraws list shows it");
	if (!(id = parse_id(argv[1])))
		return usage_error("dismiss: '%s' is not an unconfirmed draw's id (u12, as"
		                   " eedraws list shows it)", argv[1]);
	if ((rc = app_setup(app)))
		return rc;
	if ((rc = store_dismiss(app->store, id, announce, app, &e))) {
		error("dismiss: %s", e.msg);
		return rc;
	}
	return deliver(app);
}
