/* atom_file.c: the Atom feed of the latest draws from the store, for
 * export -f atom (update.h). */
#include <stdio.h>

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
