/* store_atom.c: the latest draws, as the Atom feed shows them (atom.h).
 * See store.h. */
#include "store_db.h"

#include <stdio.h>

#include "atom.h"

/* IRCC's draws and the unconfirmed ones, newest first (on one date IRCC's
 * first, as export has them), ?1 of them; an unconfirmed draw with the
 * address of the first article that stated it. */
static const char atom_sql[] =
	"SELECT number, id, date, category, name, invitations, crs_cutoff, tie_break,"
	" updated_at, url FROM ("
	"  SELECT number, number_key, 0 AS id, date, category, ifnull(name, name_fr) AS name,"
	"   invitations, crs_cutoff, tie_break, updated_at, NULL AS url, 1 AS confirmed"
	"  FROM draws"
	"  UNION ALL SELECT number, number_key, id, date, category, NULL, invitations,"
	"   crs_cutoff, NULL, updated_at,"
	"   (SELECT o.url FROM observations o WHERE o.unconfirmed = u.id ORDER BY o.id LIMIT 1),"
	"   0 FROM unconfirmed u WHERE state = 'unconfirmed')"
	" ORDER BY date DESC, confirmed DESC, number_key DESC, id DESC LIMIT ?1";

int
store_atom_read(struct store *s, long limit, struct atom_data *a, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_prepare(s, atom_sql, &st, e)))
		return rc;
	sqlite3_bind_int64(st, 1, limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct atom_draw *d = atom_add_draw(a);
		const char *date = (const char *)sqlite3_column_text(st, 2);

		d->number = column_dup(st, 0);
		d->unconfirmed_id = sqlite3_column_int64(st, 1);
		snprintf(d->date, sizeof(d->date), "%s", date ? date : "");
		d->category = column_dup(st, 3);
		d->name = column_dup(st, 4);
		d->invitations = column_count(st, 5);
		d->crs_cutoff = column_count(st, 6);
		d->tie_break = column_dup(st, 7);
		d->updated = column_dup(st, 8);
		d->url = column_dup(st, 9);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_error(s, e, "reading the draws for the Atom feed");
	return 0;
}
