/* store_merge.c: IRCC's draws, merged from its English and French feeds.
 * A draw is identified by its number and never deleted; a changed value
 * is a revision.  See store.h. */
#include "store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
/* Every band of a draw in one statement, not one each: a statement's
 * own cost (its start, its savepoint, its reset) was most of a row's.
 * ?1 the number, then per band in pool_bands' order its key, crs_min,
 * crs_max and candidates; a band with no candidates (NULL) makes no
 * row.  The rows go in in that order, as they did one by one. */
#define POOL_BAND	"(?, ?, ?, ?)"
#define POOL_BANDS3	POOL_BAND ", " POOL_BAND ", " POOL_BAND
#define POOL_BANDS18	POOL_BANDS3 ", " POOL_BANDS3 ", " POOL_BANDS3 ", " \
			POOL_BANDS3 ", " POOL_BANDS3 ", " POOL_BANDS3
static const char ins_pool_sql[] =
	"INSERT INTO pool (number, band, crs_min, crs_max, candidates)"
	" SELECT ?1, column1, column2, column3, column4"
	" FROM (VALUES " POOL_BANDS18 ") WHERE column4 IS NOT NULL";

/* The pool of d->number as pool[] (the values after the fields, as text;
 * NULL for none) states it; replaced, unless the draw is new (a row
 * of pool names its draw: a new one has none to delete). */
static int
put_pool(struct store *s, const struct draw *d, const char *const *pool, int replace,
         struct err *e)
{
	sqlite3_stmt *st;
	int i, p, rc;

	if (replace) {
		if ((rc = db_cached(s, del_pool_sql, &st, e)))
			return rc;
		bind_text(st, 1, d->number);
		if ((rc = run(s, st, e)))
			return rc;
	}
	if ((rc = db_cached(s, ins_pool_sql, &st, e)))
		return rc;
	bind_text(st, 1, d->number);
	for (i = 0; i < DRAW_NBANDS; i++) {
		if (!pool[i])
			continue;
		p = 2 + 4 * i;
		bind_text(st, p, pool_bands[i].key);
		sqlite3_bind_int(st, p + 1, pool_bands[i].crs_min);
		sqlite3_bind_int(st, p + 2, pool_bands[i].crs_max);
		sqlite3_bind_int64(st, p + 3, strtoll(pool[i], NULL, 10));
	}
	return run(s, st, e);
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
int
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
		    (rc = put_pool(s, d, v + NFIELDS, 0, e)))
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
		    (pool_changed && (rc = put_pool(s, d, v + NFIELDS, 1, e))))
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
