/* store.c: the SQLite store.  See store.h and README.md (Database). */
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

void
fetch_state_release(struct fetch_state *fs)
{
	free(fs->etag);
	free(fs->last_modified);
	free(fs->body_hash);
	free(fs->last_attempt);
	free(fs->last_success);
	free(fs->last_error);
	free(fs->next_attempt);
	memset(fs, 0, sizeof(*fs));
}

static const char put_state_sql[] =
	"INSERT INTO fetch_state (url, source, etag, last_modified,"
	" body_hash, last_status, last_attempt, last_success, last_error,"
	" failures, next_attempt)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
	" ON CONFLICT (url) DO UPDATE SET source = ?2, etag = ?3,"
	" last_modified = ?4, body_hash = ?5, last_status = ?6,"
	" last_attempt = ?7, last_success = ?8, last_error = ?9,"
	" failures = ?10, next_attempt = ?11";

static int
put_state(struct store *s, const char *source, const char *url,
          const struct fetch_state *fs, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_cached(s, put_state_sql, &st, e)))
		return rc;
	bind_text(st, 1, url);
	bind_text(st, 2, source);
	bind_text(st, 3, fs->etag);
	bind_text(st, 4, fs->last_modified);
	bind_text(st, 5, fs->body_hash);
	sqlite3_bind_int64(st, 6, fs->last_status);
	bind_text(st, 7, fs->last_attempt);
	bind_text(st, 8, fs->last_success);
	bind_text(st, 9, fs->last_error);
	sqlite3_bind_int64(st, 10, fs->failures);
	bind_text(st, 11, fs->next_attempt);
	return run(s, st, e);
}

/* One body in one transaction: IRCC's draws (observed 0) or an article's
 * observations (observed 1).  While reparse replays the archive, a body is
 * a savepoint in its transaction and queues no notification: its news was
 * told when it came. */
static int
put_body(struct store *s, int observed, const char *source, const struct body *b,
         const struct draw_list *draws, const struct fetch_state *state,
         store_event_fn *fn, void *ctx, struct err *e)
{
	struct event_list ev = {0};
	char now[21], fetched[21];
	int nested = s->replaying, queue = s->notify && !s->replaying, first = 0;
	sqlite3_int64 before;
	long changed;
	size_t i;
	int rc;

	/* A change is dated when its body was fetched, so reparse dates
	 * it the same. */
	format_utc(b->fetched_at ? b->fetched_at : time(NULL), fetched);
	memcpy(now, fetched, sizeof(now));
	if ((rc = db_exec(s, nested ? "SAVEPOINT body" : "BEGIN IMMEDIATE", e)))
		return rc;
	if (queue && (rc = outbox_first_load(s, &first, e)))
		goto fail;
	before = sqlite3_total_changes64(s->db);
	for (i = 0; i < draws->n; i++) {
		if (observed)
			rc = observe_draw(s, &draws->v[i], source, b, fetched, now, &ev, e);
		else
			rc = merge_draw(s, &draws->v[i], source, b, fetched, now, &ev, e);
		if (rc)
			goto fail;
	}
	if (!observed && draws->n && (rc = confirm_unconfirmed(s, &ev, e)))
		goto fail;
	/* The records' rows alone: fetch state and notifications follow. */
	changed = (long)(sqlite3_total_changes64(s->db) - before);
	if (state && (rc = put_state(s, source, b->url, state, e)))
		goto fail;
	if (queue && !first && (rc = outbox_queue(s, &ev, source, b, now, e)))
		goto fail;
	if ((rc = db_exec(s, nested ? "RELEASE body" : "COMMIT", e)))
		goto fail;
	s->data_changes += changed;
	events_announce(&ev, fn, ctx);
	events_release(&ev);
	return 0;
fail:
	if (nested)
		sqlite3_exec(s->db, "ROLLBACK TO body; RELEASE body", NULL, NULL, NULL);
	else
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	events_release(&ev);
	return rc;
}

int
store_put_body(struct store *s, const char *source, const struct body *b,
               const struct draw_list *draws, const struct fetch_state *state,
               store_event_fn *fn, void *ctx, struct err *e)
{
	return put_body(s, 0, source, b, draws, state, fn, ctx, e);
}

int
store_put_observations(struct store *s, const char *source, const struct body *b,
                       const struct draw_list *draws, const struct fetch_state *state,
                       store_event_fn *fn, void *ctx, struct err *e)
{
	return put_body(s, 1, source, b, draws, state, fn, ctx, e);
}

int
store_put_fetch_state(struct store *s, const char *source, const char *url,
                      const struct fetch_state *fs, struct err *e)
{
	return put_state(s, source, url, fs, e);
}

static const char get_state_sql[] =
	"SELECT etag, last_modified, body_hash, last_status,"
	" last_attempt, last_success, last_error, failures, next_attempt"
	" FROM fetch_state WHERE url = ?1";

int
store_get_fetch_state(struct store *s, const char *url, struct fetch_state *fs,
                      struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	memset(fs, 0, sizeof(*fs));
	if ((rc = db_cached(s, get_state_sql, &st, e)))
		return rc;
	bind_text(st, 1, url);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		fs->etag = column_dup(st, 0);
		fs->last_modified = column_dup(st, 1);
		fs->body_hash = column_dup(st, 2);
		fs->last_status = (long)sqlite3_column_int64(st, 3);
		fs->last_attempt = column_dup(st, 4);
		fs->last_success = column_dup(st, 5);
		fs->last_error = column_dup(st, 6);
		fs->failures = (long)sqlite3_column_int64(st, 7);
		fs->next_attempt = column_dup(st, 8);
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_error(s, e, "reading fetch state");
	return 0;
}

/* Exported tables: columns, their JSON types (i integer, b boolean, t
 * text) and the query; "%s" is the sort direction.  Columns are a
 * contract: append only. */
static const struct {
	const char *table;
	const char *columns[STORE_MAX_COLUMNS];
	const char *types;
	const char *sql;
} exports[] = {
	/* IRCC's draws and the unconfirmed ones, by date; on one date IRCC's
	 * first, whichever the direction. */
	{ "draws",
	  { "number", "date", "category", "version", "name", "invitations",
	    "crs_cutoff", "draw_time", "tie_break", "programs", "confirmed", "name_fr" },
	  "tttttiitttbt",
	  "SELECT number, date, category, version, name, invitations, crs_cutoff,"
	  " draw_time, tie_break, programs, confirmed, name_fr FROM ("
	  "  SELECT number, number_key, date, category, version, name, invitations,"
	  "   crs_cutoff, draw_time, tie_break, programs, 1 AS confirmed, 0 AS id, name_fr"
	  "  FROM draws"
	  "  UNION ALL SELECT number, number_key, date, category, NULL, NULL, invitations,"
	  "   crs_cutoff, NULL, NULL, NULL, 0, id, NULL FROM unconfirmed)"
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
	/* draw: IRCC's draw it was matched to, empty while unconfirmed. */
	{ "observations",
	  { "draw", "status", "date", "number", "category", "invitations",
	    "crs_cutoff", "source", "url", "fetched_at", "evidence" },
	  "tttttiitttt",
	  "SELECT o.number, CASE WHEN o.number IS NULL THEN 'unconfirmed'"
	  "  WHEN EXISTS (SELECT 1 FROM conflicts c WHERE c.observation = o.id)"
	  "  THEN 'conflicts' ELSE 'confirms' END,"
	  " o.date, o.stated_number, o.category, o.invitations, o.crs_cutoff,"
	  " o.source, o.url, o.fetched_at, o.evidence"
	  " FROM observations o LEFT JOIN draws d ON d.number = o.number"
	  " ORDER BY ifnull(d.date, o.date) %1$s, d.number_key %1$s, o.id %1$s LIMIT ?1" },
	{ "conflicts",
	  { "number", "date", "field", "ircc_value", "stated_value", "source", "url",
	    "evidence" },
	  "tttttttt",
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
store_each_row(struct store *s, const char *table, int newest_first, long limit,
               store_row_fn *fn, void *ctx, struct err *e)
{
	const char *cells[STORE_MAX_COLUMNS];
	sqlite3_stmt *st;
	char *sql;
	int t = export_index(table), n, i, rc;

	if (t < 0)
		return err_set(e, EX_USAGE, "unknown table '%s' (" EXPORT_TABLES ")", table);
	n = (int)strlen(exports[t].types);
	sql = xasprintf(exports[t].sql, newest_first ? "DESC" : "ASC");
	rc = sqlite3_prepare_v2(s->db, sql, -1, &st, NULL);
	free(sql);
	if (rc != SQLITE_OK)
		return db_error(s, e, "preparing an export");
	sqlite3_bind_int64(st, 1, limit > 0 ? limit : -1);
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
