/* store_report.c: what the HTML report shows, read in one snapshot, and
 * whether a run changed it.  See store.h and report.h. */
#include "store_db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report.h"

/* IRCC's draws and the unconfirmed ones, oldest first, with what articles
 * dispute of each and the CRS cutoff and date of the category's draw
 * before (IRCC's, before --since cuts); ?1 the first date wanted, or NULL
 * for all. */
static const char draws_sql[] =
	"SELECT number, date, category, name, invitations, crs_cutoff, tie_break,"
	" confirmed, conflicts, prev_crs, prev_date FROM ("
	"  SELECT d.number, d.number_key, d.date, d.category, ifnull(d.name, d.name_fr) AS name,"
	"   d.invitations, d.crs_cutoff, d.tie_break, 1 AS confirmed, 0 AS id,"
	"   (SELECT group_concat(c.field || ': IRCC ' || ifnull(c.ircc_value, 'none')"
	"     || ', an article ' || ifnull(c.stated_value, 'none'), '; ')"
	"    FROM conflicts c WHERE c.number = d.number) AS conflicts,"
	"   lag(d.crs_cutoff) OVER w AS prev_crs, lag(d.date) OVER w AS prev_date"
	"  FROM draws d"
	"  WINDOW w AS (PARTITION BY d.category ORDER BY d.date, d.number_key)"
	"  UNION ALL SELECT number, number_key, date, category, NULL, invitations, crs_cutoff,"
	"   NULL, 0, id, NULL, NULL, NULL FROM unconfirmed WHERE state = 'unconfirmed')"
	" WHERE ?1 IS NULL OR date >= ?1"
	" ORDER BY date, confirmed DESC, number_key, id";

/* The draws whose pool distribution the page compares, by snapshot
 * (POOL_LATEST ..): the latest on or after ?1 (NULL: any), the latest
 * of an earlier date (the draws of one week share a distribution), and
 * the latest a year or more before it.  A distribution's date is the one
 * IRCC gives it, else its draw's. */
static const char pool_pick_sql[] =
	"WITH p AS (SELECT number, date, number_key, ifnull(pool_as_of, date) AS day"
	"  FROM draws d WHERE EXISTS (SELECT 1 FROM pool q WHERE q.number = d.number)),"
	" l AS (SELECT * FROM p WHERE ?1 IS NULL OR date >= ?1"
	"  ORDER BY date DESC, number_key DESC LIMIT 1)"
	" SELECT 0, number FROM l"
	" UNION ALL SELECT 1, (SELECT p.number FROM p, l WHERE p.day < l.day"
	"  ORDER BY p.day DESC, p.date DESC, p.number_key DESC LIMIT 1) FROM l"
	" UNION ALL SELECT 2, (SELECT p.number FROM p, l WHERE p.day <= date(l.day, '-1 year')"
	"  ORDER BY p.day DESC, p.date DESC, p.number_key DESC LIMIT 1) FROM l";

/* The bands of draw ?1's pool distribution. */
static const char pool_sql[] =
	"SELECT d.number, d.date, d.pool_as_of, p.band, p.crs_min, p.crs_max, p.candidates"
	" FROM pool p JOIN draws d USING (number) WHERE p.number = ?1"
	" ORDER BY CAST(substr(p.band, 3) AS INTEGER)";

/* IRCC's invitations from 1 January to its latest draw, and in the same
 * days of the year before (a string bound: 29 February holds the 28th). */
static const char ytd_sql[] =
	"WITH l AS (SELECT max(date) AS d FROM draws)"
	" SELECT d, (SELECT total(invitations) FROM draws"
	"   WHERE date BETWEEN substr(d, 1, 4) || '-01-01' AND d),"
	"  (SELECT total(invitations) FROM draws"
	"   WHERE date BETWEEN printf('%04d-01-01', substr(d, 1, 4) - 1)"
	"    AND printf('%04d%s', substr(d, 1, 4) - 1, substr(d, 5)))"
	" FROM l WHERE d IS NOT NULL";

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
		d->prev_crs = column_count(st, 9);
		copy_date(d->prev_date, st, 10);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_error(s, e, "reading the draws for the report");
	return 0;
}

/* The bands of draw number's distribution into p. */
static int
read_bands(struct store *s, const char *number, struct report_pool *p, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_prepare(s, pool_sql, &st, e)))
		return rc;
	bind_text(st, 1, number);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct report_band *b;
		const char *key = (const char *)sqlite3_column_text(st, 3);

		if (!p->number) {
			p->number = column_dup(st, 0);
			copy_date(p->date, st, 1);
			copy_date(p->as_of, st, 2);
		}
		p->bands = xrealloc(p->bands, (p->nbands + 1) * sizeof(*p->bands));
		b = &p->bands[p->nbands++];
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

static int
read_pool(struct store *s, const char *since, struct report_data *r, struct err *e)
{
	char *number[POOL_SNAPSHOTS] = {0};
	sqlite3_stmt *st;
	int rc, i;

	if ((rc = db_prepare(s, pool_pick_sql, &st, e)))
		return rc;
	bind_text(st, 1, since);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		i = sqlite3_column_int(st, 0);
		if (i >= 0 && i < POOL_SNAPSHOTS && !number[i])
			number[i] = column_dup(st, 1);
	}
	sqlite3_finalize(st);
	rc = rc == SQLITE_DONE ? 0 : db_error(s, e, "choosing the pool snapshots for the report");
	for (i = 0; i < POOL_SNAPSHOTS; i++) {
		if (rc == 0 && number[i])
			rc = read_bands(s, number[i], &r->pool[i], e);
		free(number[i]);
	}
	return rc;
}

static int
read_ytd(struct store *s, struct report_data *r, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	r->ytd = r->ytd_last = -1;
	if ((rc = db_prepare(s, ytd_sql, &st, e)))
		return rc;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		copy_date(r->ytd_date, st, 0);
		r->ytd = (long)sqlite3_column_double(st, 1);
		r->ytd_last = (long)sqlite3_column_double(st, 2);
		rc = SQLITE_DONE;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_error(s, e, "reading the invitations of the year for the report");
	return 0;
}

int
store_report_read(struct store *s, const char *since, struct report_data *r, struct err *e)
{
	int rc;

	/* One read transaction: the draws and the pool of one snapshot. */
	if ((rc = db_exec(s, "BEGIN", e)))
		return rc;
	if (!(rc = read_draws(s, since, r, e)) && !(rc = read_pool(s, since, r, e)))
		rc = read_ytd(s, r, e);
	sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	return rc;
}

long
store_data_changes(const struct store *s)
{
	return s->data_changes;
}
