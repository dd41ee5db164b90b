/* store.c: the SQLite store.  See store.h and README.md (Database). */
#include "store_int.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

/* The draw fields compared and stored, in draws-table order; the pool
 * bands follow them as dd1..dd18. */
static const char *const fields[] = {
	"date", "date_raw", "category", "version", "name",
	"invitations", "invitations_raw", "crs_cutoff", "crs_raw",
	"draw_time", "draw_time_raw", "tie_break", "tie_break_raw",
	"programs", "programs_raw", "pool_as_of", "pool_as_of_raw",
	"name_fr",
};
/* The LACKS_* bit of the record key fields[i] comes from (draw.h). */
static unsigned
value_lacks(size_t i)
{
	static const unsigned bits[] = {
		LACKS_DATE, LACKS_DATE, LACKS_NAME, LACKS_NAME, LACKS_NAME,
		LACKS_SIZE, LACKS_SIZE, LACKS_CRS, LACKS_CRS,
		LACKS_TIME, LACKS_TIME, LACKS_CUTOFF, LACKS_CUTOFF,
		LACKS_PROGRAMS, LACKS_PROGRAMS, LACKS_POOL_AS_OF, LACKS_POOL_AS_OF,
		LACKS_NAME,
	};

	_Static_assert(sizeof(bits) / sizeof(bits[0]) == sizeof(fields) / sizeof(fields[0]),
	               "one LACKS_* bit per field");
	return bits[i];
}

/* Indexes in fields[] that the two languages of IRCC's feed treat apart. */
enum { F_CATEGORY = 2, F_NAME = 4, F_NAME_FR = 17 };
#define NFIELDS (sizeof(fields) / sizeof(fields[0]))
#define NVALUES (NFIELDS + DRAW_NBANDS)

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

void
body_hash(const char *data, size_t len, char out[40])
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)data[i];
		h *= 0x100000001b3ULL;
	}
	snprintf(out, 40, "fnv1a64:%016" PRIx64 ":%zu", h, len);
}

/* The draw's values as text, in fields[] order then the pool bands; NULL
 * for unknown.  Numbers are formatted into nums. */
static void
draw_values(const struct draw *d, const char *v[NVALUES], char nums[2 + DRAW_NBANDS][24])
{
	int i;

#define OPT(s) ((s) && *(s) ? (s) : NULL)
#define NUM(k, x) ((x) >= 0 ? (snprintf(nums[k], 24, "%ld", (x)), nums[k]) : NULL)
	v[0] = OPT(d->date);
	v[1] = d->date_raw;
	v[2] = d->category;
	v[3] = d->version;
	v[4] = d->name;
	v[5] = NUM(0, d->invitations);
	v[6] = d->invitations_raw;
	v[7] = NUM(1, d->crs_cutoff);
	v[8] = d->crs_raw;
	v[9] = OPT(d->draw_time);
	v[10] = d->draw_time_raw;
	v[11] = OPT(d->tie_break);
	v[12] = d->tie_break_raw;
	v[13] = d->programs;
	v[14] = d->programs_raw;
	v[15] = OPT(d->pool_as_of);
	v[16] = d->pool_as_of_raw;
	v[17] = d->name_fr;
	for (i = 0; i < DRAW_NBANDS; i++)
		v[NFIELDS + i] = NUM(2 + i, d->pool[i]);
#undef OPT
#undef NUM
}

static int
same(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

static const char del_pool_sql[] = "DELETE FROM pool WHERE number = ?1";
static const char ins_pool_sql[] =
	"INSERT INTO pool (number, band, crs_min, crs_max, candidates)"
	" VALUES (?1, ?2, ?3, ?4, ?5)";

/* The pool of d->number as pool[] (the values after the fields, as text;
 * NULL for none) states it. */
static int
put_pool(struct store *s, const struct draw *d, const char *const *pool, struct err *e)
{
	sqlite3_stmt *st;
	int i, rc;

	if ((rc = db_cached(s, del_pool_sql, &st, e)))
		return rc;
	bind_text(st, 1, d->number);
	if ((rc = run(s, st, e)) || (rc = db_cached(s, ins_pool_sql, &st, e)))
		return rc;
	for (i = 0; i < DRAW_NBANDS; i++) {
		if (!pool[i])
			continue;
		bind_text(st, 1, d->number);
		bind_text(st, 2, pool_bands[i].key);
		sqlite3_bind_int(st, 3, pool_bands[i].crs_min);
		sqlite3_bind_int(st, 4, pool_bands[i].crs_max);
		sqlite3_bind_int64(st, 5, strtoll(pool[i], NULL, 10));
		if ((rc = run(s, st, e)))
			return rc;
	}
	return 0;
}

static const char sel_draw_sql[] =
	"SELECT date, date_raw, category, version, name, invitations,"
	" invitations_raw, crs_cutoff, crs_raw, draw_time, draw_time_raw,"
	" tie_break, tie_break_raw, programs, programs_raw, pool_as_of,"
	" pool_as_of_raw, name_fr, raw FROM draws WHERE number = ?1";
static const char sel_pool_sql[] = "SELECT band, candidates FROM pool WHERE number = ?1";

/* Loads the stored values of d's number into old[] (owned copies); returns
 * 1 when found, 0 when not, or an error code (negated). */
static int
load_old(struct store *s, const char *number, char *old[NVALUES + 1], struct err *e)
{
	sqlite3_stmt *st;
	size_t i;
	int rc, found = 0;

	memset(old, 0, (NVALUES + 1) * sizeof(*old));
	if ((rc = db_cached(s, sel_draw_sql, &st, e)))
		return -rc;
	bind_text(st, 1, number);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		found = 1;
		for (i = 0; i < NFIELDS; i++)
			old[i] = xstrdup((const char *)sqlite3_column_text(st, (int)i));
		old[NVALUES] = xstrdup((const char *)sqlite3_column_text(st, (int)NFIELDS));
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return -db_error(s, e, "reading a draw");
	if (!found)
		return 0;

	if ((rc = db_cached(s, sel_pool_sql, &st, e)))
		return -rc;
	bind_text(st, 1, number);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *band = (const char *)sqlite3_column_text(st, 0);

		for (i = 0; i < DRAW_NBANDS; i++)
			if (band && strcmp(band, pool_bands[i].key) == 0)
				old[NFIELDS + i] = xstrdup((const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return -db_error(s, e, "reading a pool distribution");
	return 1;
}

static const char *
value_name(size_t i)
{
	return i < NFIELDS ? fields[i] : pool_bands[i - NFIELDS].key;
}

/* write_draw runs either: the values in fields[] order as ?1..?18, then
 * raw, source, url, fetched_at, number, number_key (the insert only) and
 * the time. */
static const char ins_draw_sql[] =
	"INSERT INTO draws (date, date_raw, category, version, name,"
	" invitations, invitations_raw, crs_cutoff, crs_raw, draw_time,"
	" draw_time_raw, tie_break, tie_break_raw, programs, programs_raw,"
	" pool_as_of, pool_as_of_raw, name_fr, raw, source, url, fetched_at,"
	" number, number_key, first_seen, updated_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13,"
	" ?14, ?15, ?16, ?17, ?18, ?19, ?20, ?21, ?22, ?23, ?24, ?25, ?25)";
static const char upd_draw_sql[] =
	"UPDATE draws SET date = ?1, date_raw = ?2, category = ?3,"
	" version = ?4, name = ?5, invitations = ?6, invitations_raw = ?7,"
	" crs_cutoff = ?8, crs_raw = ?9, draw_time = ?10,"
	" draw_time_raw = ?11, tie_break = ?12, tie_break_raw = ?13,"
	" programs = ?14, programs_raw = ?15, pool_as_of = ?16,"
	" pool_as_of_raw = ?17, name_fr = ?18, raw = ?19, source = ?20,"
	" url = ?21, fetched_at = ?22, updated_at = ?25 WHERE number = ?23";

static int
write_draw(struct store *s, const char *sql, const struct draw *d, const char *v[NVALUES],
           const char *raw, const char *source, const struct body *b,
           const char *fetched, const char *now, struct err *e)
{
	sqlite3_stmt *st;
	size_t i;
	int rc;

	if ((rc = db_cached(s, sql, &st, e)))
		return rc;
	for (i = 0; i < NFIELDS; i++)
		bind_text(st, (int)i + 1, v[i]);
	bind_text(st, 19, raw);
	bind_text(st, 20, source);
	bind_text(st, 21, b->url);
	bind_text(st, 22, fetched);
	bind_text(st, 23, d->number);
	if (sql == ins_draw_sql)
		sqlite3_bind_int64(st, 24, draw_number_key(d->number));
	bind_text(st, 25, now);
	return run(s, st, e);
}

/* How a body's value meets the stored one.  IRCC's English and French
 * feeds state one set of draws: the values (date, counts, times, category,
 * pool) merge from either as from one feed, a difference a revision.  But
 * each names the draw in its own language (name, name_fr), and the raw
 * texts ("4,000", "4 000") are in its language too: */
enum merge_how {
	MERGE_STATED,	/* compared; a difference is a revision */
	MERGE_KEPT,	/* not this body's to say: the stored value stays */
	MERGE_QUIET,	/* written when different, without a revision: the
			 * other language's feed brought the draw first */
};

static int
is_raw_text(size_t i)
{
	return i < NFIELDS && i != F_NAME && i != F_NAME_FR && strstr(fields[i], "_raw");
}

/* french_only: the stored draw came from the French feed alone so far. */
static enum merge_how
merge_how(const struct draw *d, size_t i, int french_only, const char *oldv,
          const char *newv)
{
	int fr = d->lang && strcmp(d->lang, "fr") == 0;

	/* The record does not have the key: it states nothing. */
	if (i < NFIELDS ? (d->lacks & value_lacks(i)) != 0
	                : (d->lacks_bands & (1UL << (i - NFIELDS))) != 0)
		return MERGE_KEPT;

	/* Each feed names the draw in its own column; the first name a
	 * draw gets in a language fills it in, a later change is a revision. */
	if (i == F_NAME)
		return fr ? MERGE_KEPT : french_only ? MERGE_QUIET : MERGE_STATED;
	if (i == F_NAME_FR)
		return !fr ? MERGE_KEPT : oldv ? MERGE_STATED : MERGE_QUIET;
	if (is_raw_text(i) && fr)
		return french_only ? MERGE_STATED : MERGE_KEPT;
	if (is_raw_text(i))
		return french_only ? MERGE_QUIET : MERGE_STATED;
	/* What the French feed leaves out (a count, a version its name lacks)
	 * does not erase the English feed's value, nor does a French name no
	 * category fits undo the English one's category. */
	if (fr && !french_only && (!newv ||
	    (i == F_CATEGORY && strcmp(newv, "other") == 0)))
		return MERGE_KEPT;
	return MERGE_STATED;
}

static const char ins_rev_sql[] =
	"INSERT INTO revisions (number, field, old_value, new_value,"
	" changed_at, source, url) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";

static int
put_revision(struct store *s, const char *number, const char *field, const char *oldv,
             const char *newv, const char *now, const char *source, const char *url,
             struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_cached(s, ins_rev_sql, &st, e)))
		return rc;
	bind_text(st, 1, number);
	bind_text(st, 2, field);
	bind_text(st, 3, oldv);
	bind_text(st, 4, newv);
	bind_text(st, 5, now);
	bind_text(st, 6, source);
	bind_text(st, 7, url);
	return run(s, st, e);
}

static const char upd_raw_sql[] = "UPDATE draws SET raw = ?1 WHERE number = ?2";

static int
put_raw(struct store *s, const char *number, const char *raw, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_cached(s, upd_raw_sql, &st, e)))
		return rc;
	bind_text(st, 1, raw);
	bind_text(st, 2, number);
	return run(s, st, e);
}

/* Merges one draw of IRCC's, from either language's feed; adds to *ev
 * what it did. */
static int
merge_draw(struct store *s, const struct draw *d, const char *source,
           const struct body *b, const char *fetched, const char *now,
           struct event_list *ev, struct err *e)
{
	const char *v[NVALUES], *raw = d->raw;
	char nums[2 + DRAW_NBANDS][24];
	char *old[NVALUES + 1];
	struct event *changed = NULL;
	enum merge_how how;
	size_t i;
	int rc, found, french_only, write = 0, pool_changed = 0;

	draw_values(d, v, nums);
	found = load_old(s, d->number, old, e);
	if (found < 0)
		return -found;
	if (!found) {
		if ((rc = write_draw(s, ins_draw_sql, d, v, raw, source, b, fetched, now, e)) ||
		    (rc = put_pool(s, d, v + NFIELDS, e)))
			goto out;
		event_add(ev, STORE_NEW, d, d->number, d->date);
		goto out;
	}
	french_only = !old[F_NAME] && old[F_NAME_FR];
	/* The record kept whole is the English feed's once it has one. */
	if (d->lang && strcmp(d->lang, "fr") == 0 && !french_only)
		raw = old[NVALUES];
	for (i = 0; i < NVALUES; i++) {
		how = merge_how(d, i, french_only, old[i], v[i]);
		if (how == MERGE_KEPT)
			v[i] = old[i];
		if (same(old[i], v[i]))
			continue;
		write = 1;
		if (how == MERGE_QUIET)
			continue;
		if (!changed)
			changed = event_add(ev, STORE_CHANGED, d, d->number, d->date);
		event_field(changed, value_name(i), old[i], v[i]);
		if (i >= NFIELDS)
			pool_changed = 1;
		if ((rc = put_revision(s, d->number, value_name(i), old[i], v[i], now, source,
		                       b->url, e)))
			goto out;
	}
	if (write) {
		if ((rc = write_draw(s, upd_draw_sql, d, v, raw, source, b, fetched, now, e)) ||
		    (pool_changed && (rc = put_pool(s, d, v + NFIELDS, e))))
			goto out;
	} else if (!same(old[NVALUES], raw)) {
		/* Only what eedraws does not model changed (links, say): keep
		 * the latest record, with no revision. */
		if ((rc = put_raw(s, d->number, raw, e)))
			goto out;
	}
	rc = 0;
out:
	for (i = 0; i <= NVALUES; i++)
		free(old[i]);
	return rc;
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
