/* store_export.c: the tables as export and list read them, row by row.
 * See store.h. */
#include "store_db.h"

#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

/* Exported tables: columns, their JSON types (i integer, b boolean, t
 * text, f as the row's field says: export.h) and the query; "%s" is the
 * sort direction.  Columns are a contract: append only. */
static const struct {
	const char *table;
	const char *columns[STORE_MAX_COLUMNS];
	const char *types;
	const char *sql;
} exports[] = {
	/* IRCC's draws and the unconfirmed ones, by date; on one date IRCC's
	 * first, whichever the direction. */
	/* ?2: retracted and dismissed ones too.  number_key: a number to
	 * sort by, "91a" (9101) before "434" (43400), which text cannot. */
	{ "draws",
	  { "number", "date", "category", "version", "name", "invitations",
	    "crs_cutoff", "draw_time", "tie_break", "programs", "confirmed", "name_fr",
	    "unconfirmed_id", "state", "number_key" },
	  "tttttiitttbtiti",
	  "SELECT number, date, category, version, name, invitations, crs_cutoff,"
	  " draw_time, tie_break, programs, confirmed, name_fr, nullif(id, 0), state,"
	  " number_key FROM ("
	  "  SELECT number, number_key, date, category, version, name, invitations,"
	  "   crs_cutoff, draw_time, tie_break, programs, 1 AS confirmed, 0 AS id, name_fr,"
	  "   NULL AS state"
	  "  FROM draws"
	  "  UNION ALL SELECT number, number_key, date, category, NULL, NULL, invitations,"
	  "   crs_cutoff, NULL, NULL, NULL, 0, id, NULL, state FROM unconfirmed"
	  "  WHERE state = 'unconfirmed' OR (?2 AND state <> 'confirmed'))"
	  " ORDER BY date %1$s, confirmed DESC, number_key %1$s, id %1$s LIMIT ?1" },
	{ "revisions",
	  { "number", "field", "old_value", "new_value", "changed_at", "source" },
	  "tttttt",
	  "SELECT r.number, r.field, r.old_value, r.new_value, r.changed_at, r.source"
	  " FROM revisions r JOIN draws d USING (number)"
	  " ORDER BY d.date %1$s, d.number_key %1$s, r.id %1$s LIMIT ?1" },
	{ "pool",
	  { "number", "date", "as_of", "band", "crs_min", "crs_max", "candidates" },
	  "ttttiii",
	  "SELECT p.number, d.date, d.pool_as_of, p.band, p.crs_min, p.crs_max,"
	  " p.candidates FROM pool p JOIN draws d USING (number)"
	  " ORDER BY d.date %1$s, d.number_key %1$s,"
	  " CAST(substr(p.band, 3) AS INTEGER) LIMIT ?1" },
	/* draw: IRCC's draw it was matched to, empty while unconfirmed and
	 * for a record that is no draw (unmatched: reason says why). */
	{ "observations",
	  { "draw", "status", "date", "number", "category", "invitations",
	    "crs_cutoff", "source", "url", "fetched_at", "evidence", "matched_by",
	    "reason", "unconfirmed_id" },
	  "tttttiitttttti",
	  "SELECT o.number, CASE WHEN o.reason IS NOT NULL THEN 'unmatched'"
	  "  WHEN o.number IS NULL"
	  "  THEN (SELECT u.state FROM unconfirmed u WHERE u.id = o.unconfirmed)"
	  "  WHEN EXISTS (SELECT 1 FROM conflicts c WHERE c.observation = o.id)"
	  "  THEN 'conflicts' ELSE 'confirms' END,"
	  " o.date, o.stated_number, o.category, o.invitations, o.crs_cutoff,"
	  " o.source, o.url, o.fetched_at, o.evidence, o.matched_by, o.reason, o.unconfirmed"
	  " FROM observations o LEFT JOIN draws d ON d.number = o.number"
	  " ORDER BY ifnull(d.date, o.date) %1$s, d.number_key %1$s, o.id %1$s LIMIT ?1" },
	{ "conflicts",
	  { "number", "date", "field", "ircc_value", "stated_value", "source", "url",
	    "evidence" },
	  "tttffttt",
	  "SELECT number, date, field, ircc_value, stated_value, source, url, evidence"
	  " FROM conflicts ORDER BY date %1$s, number_key %1$s, observation %1$s,"
	  " field %1$s LIMIT ?1" },
};

#define EXPORT_TABLES "draws, revisions, pool, observations, conflicts"

static int
export_index(const char *table)
{
	size_t i;

	for (i = 0; i < sizeof(exports) / sizeof(exports[0]); i++)
		if (strcmp(table, exports[i].table) == 0)
			return (int)i;
	return -1;
}

const char *const *
store_columns(const char *table, int *ncols, const char **types)
{
	int i = export_index(table);

	if (i < 0)
		return NULL;
	*ncols = (int)strlen(exports[i].types);
	if (types)
		*types = exports[i].types;
	return exports[i].columns;
}

int
store_each_row(struct store *s, const char *table, unsigned flags, long limit,
               store_row_fn *fn, void *ctx, struct err *e)
{
	const char *cells[STORE_MAX_COLUMNS];
	sqlite3_stmt *st;
	char *sql;
	int t = export_index(table), n, i, rc;

	if (t < 0)
		return err_set(e, EX_USAGE, "unknown table '%s' (" EXPORT_TABLES ")", table);
	n = (int)strlen(exports[t].types);
	sql = xasprintf(exports[t].sql, flags & STORE_NEWEST_FIRST ? "DESC" : "ASC");
	rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	free(sql);
	if (rc != SQLITE_OK)
		return db_error(s, e, "preparing an export");
	sqlite3_bind_int64(st, 1, limit > 0 ? limit : -1);
	if (sqlite3_bind_parameter_count(st) >= 2)
		sqlite3_bind_int(st, 2, (flags & STORE_ALL) != 0);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		for (i = 0; i < n; i++)
			cells[i] = (const char *)sqlite3_column_text(st, i);
		if ((rc = fn(ctx, cells, n))) {
			sqlite3_finalize(st);
			return rc;
		}
	}
	if (rc != SQLITE_DONE) {
		rc = db_error(s, e, "reading for export");
		sqlite3_finalize(st);
		return rc;
	}
	sqlite3_finalize(st);
	return 0;
}
