/* store_report.c: what the HTML report shows, read in one snapshot, and
 * whether a run changed it.  See store.h and report.h. */
#include "store_db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* IRCC's draws and the unconfirmed ones, oldest first, with what articles
 * dispute of each; ?1 the first date wanted, or NULL for all. */
static const char draws_sql[] =
	"SELECT number, date, category, name, invitations, crs_cutoff, tie_break,"
	" confirmed, conflicts FROM ("
	"  SELECT d.number, d.number_key, d.date, d.category, ifnull(d.name, d.name_fr) AS name,"
	"   d.invitations, d.crs_cutoff, d.tie_break, 1 AS confirmed, 0 AS id,"
	"   (SELECT group_concat(c.field || ': IRCC ' || ifnull(c.ircc_value, 'none')"
	"     || ', an article ' || ifnull(c.stated_value, 'none'), '; ')"
	"    FROM conflicts c WHERE c.number = d.number) AS conflicts"
	"  FROM draws d"
	"  UNION ALL SELECT number, number_key, date, category, NULL, invitations, crs_cutoff,"
	"   NULL, 0, id, NULL FROM unconfirmed WHERE state = 'unconfirmed')"
	" WHERE ?1 IS NULL OR date >= ?1"
	" ORDER BY date, confirmed DESC, number_key, id";

/* The bands of the latest draw (on or after ?1) that has a distribution. */
static const char pool_sql[] =
	"SELECT d.number, d.date, d.pool_as_of, p.band, p.crs_min, p.crs_max, p.candidates"
	" FROM pool p JOIN draws d USING (number)"
	" WHERE p.number = (SELECT number FROM draws"
	"  WHERE EXISTS (SELECT 1 FROM pool q WHERE q.number = draws.number)"
	"   AND (?1 IS NULL OR date >= ?1)"
	"  ORDER BY date DESC, number_key DESC LIMIT 1)"
	" ORDER BY CAST(substr(p.band, 3) AS INTEGER)";

static void
copy_date(char out[11], sqlite3_stmt *st, int i)
{
	const char *v = (const char *)sqlite3_column_text(st, i);

	snprintf(out, 11, "%s", v ? v : "");
}

static int
read_draws(struct store *s, const char *since, struct report_data *r, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_prepare(s, draws_sql, &st, e)))
		return rc;
	bind_text(st, 1, since);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct report_draw *d = report_add_draw(r);

		d->number = column_dup(st, 0);
		copy_date(d->date, st, 1);
		d->category = column_dup(st, 2);
		d->name = column_dup(st, 3);
		d->invitations = column_count(st, 4);
		d->crs_cutoff = column_count(st, 5);
		d->tie_break = column_dup(st, 6);
		d->confirmed = sqlite3_column_int(st, 7);
		d->conflicts = column_dup(st, 8);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_error(s, e, "reading the draws for the report");
	return 0;
}

static int
read_pool(struct store *s, const char *since, struct report_data *r, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_prepare(s, pool_sql, &st, e)))
		return rc;
	bind_text(st, 1, since);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct report_band *b;
		const char *key = (const char *)sqlite3_column_text(st, 3);

		if (!r->pool_number) {
			r->pool_number = column_dup(st, 0);
			copy_date(r->pool_date, st, 1);
			copy_date(r->pool_as_of, st, 2);
		}
		r->bands = xrealloc(r->bands, (r->nbands + 1) * sizeof(*r->bands));
		b = &r->bands[r->nbands++];
		snprintf(b->key, sizeof(b->key), "%s", key ? key : "");
		b->crs_min = sqlite3_column_int(st, 4);
		b->crs_max = sqlite3_column_int(st, 5);
		b->candidates = (long)sqlite3_column_int64(st, 6);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_error(s, e, "reading the pool for the report");
	return 0;
}

int
store_report_read(struct store *s, const char *since, struct report_data *r, struct err *e)
{
	int rc;

	/* One read transaction: the draws and the pool of one snapshot. */
	if ((rc = db_exec(s, "BEGIN", e)))
		return rc;
	if (!(rc = read_draws(s, since, r, e)))
		rc = read_pool(s, since, r, e);
	sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	return rc;
}

long
store_data_changes(const struct store *s)
{
	return s->data_changes;
}
