/* atom_file.c: the Atom feed of the latest draws from the store, for
 * export -f atom and for update's atom = PATH (update.h). */
#include <stdio.h>
#include <unistd.h>

#include "atom.h"
#include "update.h"

int
write_atom(FILE *f, void *ctx, struct err *e)
{
	struct app *app = ctx;
	struct atom_data a = {0};
	int rc;

	if ((rc = store_atom_read(app->store, ATOM_ENTRIES, &a, e)) == 0)
		atom_write(f, &a);
	atom_data_release(&a);
	return rc;
}

int
update_atom(struct app *app)
{
	struct err e = {0};
	const char *path = app->config.atom;
	int rc;

	if (!path || (store_data_changes(app->store) == 0 && access(path, F_OK) == 0))
		return 0;
	if ((rc = write_file_atomic(path, write_atom, app, &e)))
		error("atom: %s", e.msg);
	else if (app->verbosity == VERBOSE)
		error("atom: wrote '%s'", path);
	return rc;
}
