/* store_archive.c: every distinct body a source served, and rebuilding
 * every derived record from them (reparse).  See store.h. */
#include "store_db.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

/* The tables reparse rebuilds, children first.  A draw a person dismissed
 * is no record of a body but that person's word: it stays, and the
 * records that state it join it again as they are replayed. */
static const char rebuild_sql[] =
	"CREATE TEMP TABLE IF NOT EXISTS reparse_before (number TEXT PRIMARY KEY);"
	"DELETE FROM temp.reparse_before;"
	"INSERT INTO temp.reparse_before SELECT number FROM draws;"
	"DELETE FROM pool; DELETE FROM revisions; DELETE FROM observations;"
	"DELETE FROM unconfirmed WHERE state <> 'dismissed'; DELETE FROM draws;";
/* ... unless no record states it any more. */
static const char unstated_sql[] =
	"DELETE FROM unconfirmed WHERE state = 'dismissed' AND id NOT IN"
	" (SELECT unconfirmed FROM observations WHERE unconfirmed IS NOT NULL)";

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

/* The id of the body already kept for this URL with these bytes, 0 if
 * none, or an error (negated).  The hash only narrows the search: the
 * bytes decide. */
static long
find_body(struct store *s, const struct body *b, const char *hash, struct err *e)
{
	sqlite3_stmt *st;
	long id = 0;
	int rc;

	if ((rc = db_prepare(s, "SELECT id, data FROM bodies WHERE url = ?1 AND hash = ?2",
	                     &st, e)))
		return -rc;
	bind_text(st, 1, b->url);
	bind_text(st, 2, hash);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if ((size_t)sqlite3_column_bytes(st, 1) == b->len &&
		    (b->len == 0 || memcmp(sqlite3_column_blob(st, 1), b->data, b->len) == 0)) {
			id = (long)sqlite3_column_int64(st, 0);
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return -db_error(s, e, "reading the body archive");
	return id;
}

/* A news feed's bodies but its latest: one whose lastBuildDate moves on
 * every fetch is a new body every run (some 1.4 GB a year), and none is
 * worth replaying: a feed yields no draws, and the articles it named are
 * bodies of their own. */
static const char prune_sql[] =
	"DELETE FROM bodies WHERE source = ?1 AND kind = 'feed' AND id NOT IN"
	" (SELECT id FROM bodies WHERE source = ?1 AND kind = 'feed'"
	"  ORDER BY last_fetched DESC, id DESC LIMIT ?2)";

void
store_set_archive_keep(struct store *s, long keep)
{
	s->archive_keep = keep > 0 ? keep : 0;
}

static int
prune_feed(struct store *s, const char *source, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_prepare(s, prune_sql, &st, e)))
		return rc;
	bind_text(st, 1, source);
	sqlite3_bind_int64(st, 2, s->archive_keep);
	rc = run(s, st, e);
	sqlite3_finalize(st);
	return rc;
}

int
store_archive(struct store *s, const char *source, const struct body *b, const char *kind,
              const char *assumed_date, struct err *e)
{
	sqlite3_stmt *st;
	char hash[40], fetched[21];
	long id;
	int rc;

	body_hash(b->data, b->len, hash);
	format_utc(b->fetched_at ? b->fetched_at : time(NULL), fetched);
	if ((rc = db_exec(s, "BEGIN IMMEDIATE", e)))
		return rc;
	if ((id = find_body(s, b, hash, e)) < 0) {
		rc = (int)-id;
		goto fail;
	}
	if (id > 0)
		rc = db_prepare(s, "UPDATE bodies SET last_fetched = ?2 WHERE id = ?1", &st, e);
	else
		rc = db_prepare(s, "INSERT INTO bodies (source, url, hash, kind, assumed_date,"
		                " status, etag, last_modified, content_type, first_fetched,"
		                " last_fetched, data)"
		                " VALUES (?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?2, ?2, ?12)",
		                &st, e);
	if (rc)
		goto fail;
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, fetched);
	if (id == 0) {
		bind_text(st, 3, source);
		bind_text(st, 4, b->url);
		bind_text(st, 5, hash);
		bind_text(st, 6, kind);
		bind_text(st, 7, assumed_date);
		if (b->status)
			sqlite3_bind_int64(st, 8, b->status);
		bind_text(st, 9, b->etag);
		bind_text(st, 10, b->last_modified);
		bind_text(st, 11, b->content_type);
		sqlite3_bind_blob64(st, 12, b->data ? b->data : "", b->len, SQLITE_STATIC);
	}
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		rc = db_error(s, e, "keeping a body in the archive");
		goto fail;
	}
	if (id == 0 && s->archive_keep && strcmp(kind, "feed") == 0 &&
	    (rc = prune_feed(s, source, e)))
		goto fail;
	return db_exec(s, "COMMIT", e);
fail:
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

int
store_rebuild_begin(struct store *s, struct err *e)
{
	int rc;

	if ((rc = db_exec(s, "BEGIN IMMEDIATE", e)))
		return rc;
	if ((rc = db_exec(s, rebuild_sql, e))) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return rc;
	}
	s->replaying = 1;
	return 0;
}

static long
count(struct store *s, const char *sql, struct err *e)
{
	sqlite3_stmt *st;
	long n = -1;
	int rc;

	if ((rc = db_prepare(s, sql, &st, e)))
		return -1;
	if (sqlite3_step(st) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	else
		db_error(s, e, sql);
	sqlite3_finalize(st);
	return n;
}

int
store_rebuild_end(struct store *s, int keep, int force, long *lost, struct err *e)
{
	int rc = 0;

	s->replaying = 0;
	*lost = 0;
	if (keep) {
		*lost = count(s, "SELECT count(*) FROM temp.reparse_before"
		              " WHERE number NOT IN (SELECT number FROM draws)", e);
		if (*lost < 0)
			rc = e->code;
		else if (*lost > 0 && !force)
			rc = err_set(e, EX_DATAERR,
			             "%s: reparse would lose %ld draws that no archived body"
			             " states (stored before eedraws kept bodies?); nothing"
			             " changed (--force to rebuild anyway)", s->path, *lost);
	}
	if (keep && rc == 0 && (rc = db_exec(s, unstated_sql, e)) == 0)
		return db_exec(s, "COMMIT", e);
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return rc;
}

int
store_each_body(struct store *s, store_body_fn *fn, void *ctx, struct err *e)
{
	sqlite3_stmt *st;
	struct tm tm;
	int rc, frc = 0;

	if ((rc = db_prepare(s, "SELECT url, first_fetched, status, etag, last_modified,"
	                     " content_type, data, source, kind, assumed_date"
	                     " FROM bodies ORDER BY first_fetched, id", &st, e)))
		return rc;
	while (!frc && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct body b = {0};
		const char *when = (const char *)sqlite3_column_text(st, 1);
		size_t len = (size_t)sqlite3_column_bytes(st, 6);

		b.url = column_dup(st, 0);
		memset(&tm, 0, sizeof(tm));
		if (when && strptime(when, "%Y-%m-%dT%H:%M:%SZ", &tm))
			b.fetched_at = timegm(&tm);
		b.status = (long)sqlite3_column_int64(st, 2);
		b.etag = column_dup(st, 3);
		b.last_modified = column_dup(st, 4);
		b.content_type = column_dup(st, 5);
		b.data = xmalloc(len + 1);
		if (len)
			memcpy(b.data, sqlite3_column_blob(st, 6), len);
		b.data[len] = '\0';
		b.len = len;
		frc = fn(ctx, &b, (const char *)sqlite3_column_text(st, 7),
		         (const char *)sqlite3_column_text(st, 8),
		         (const char *)sqlite3_column_text(st, 9));
		body_release(&b);
	}
	if (!frc && rc != SQLITE_DONE)
		frc = db_error(s, e, "reading the body archive");
	sqlite3_finalize(st);
	return frc;
}

long
store_count(struct store *s, const char *table, struct err *e)
{
	static const struct {
		const char *table, *sql;
	} tables[] = {
		{ "draws", "SELECT count(*) FROM draws" },
		{ "unconfirmed", "SELECT count(*) FROM unconfirmed WHERE state = 'unconfirmed'" },
		{ "observations", "SELECT count(*) FROM observations" },
		{ "revisions", "SELECT count(*) FROM revisions" },
		{ "bodies", "SELECT count(*) FROM bodies" },
		{ "notifications", "SELECT count(*) FROM notifications" },
		{ "conflicts", "SELECT count(*) FROM conflicts" },
	};
	size_t i;

	for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
		if (strcmp(table, tables[i].table) == 0)
			return count(s, tables[i].sql, e);
	return err_set(e, EX_SOFTWARE, "store_count: no table '%s'", table), -1;
}

/* A feed_shape row: a source's last IRCC feed shape, and a drop in its
 * round count waiting out the grace (dropped_at NULL when none). */
struct shape_row {
	char *keys, *dropped_at;
	long rounds, dropped_to;
	int found;
};

static int
read_shape_row(struct store *s, const char *source, struct shape_row *r, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	memset(r, 0, sizeof(*r));
	if ((rc = db_prepare(s, "SELECT keys, rounds, dropped_at, dropped_to FROM feed_shape"
	                     " WHERE source = ?1", &st, e)))
		return rc;
	bind_text(st, 1, source);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		r->keys = column_dup(st, 0);
		r->rounds = (long)sqlite3_column_int64(st, 1);
		r->dropped_at = column_dup(st, 2);
		r->dropped_to = (long)sqlite3_column_int64(st, 3);
		r->found = 1;
	}
	rc = rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_error(s, e, "reading a feed's shape");
	sqlite3_finalize(st);
	return rc;
}

static int
write_shape_row(struct store *s, const char *source, const struct shape_row *r,
                const char *seen_at, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_prepare(s, "INSERT INTO feed_shape (source, keys, rounds, seen_at,"
	                     " dropped_at, dropped_to) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
	                     " ON CONFLICT (source) DO UPDATE SET keys = ?2, rounds = ?3,"
	                     " seen_at = ?4, dropped_at = ?5, dropped_to = ?6", &st, e)))
		return rc;
	bind_text(st, 1, source);
	bind_text(st, 2, r->keys);
	sqlite3_bind_int64(st, 3, r->rounds);
	bind_text(st, 4, seen_at);
	bind_text(st, 5, r->dropped_at);
	if (r->dropped_at)
		sqlite3_bind_int64(st, 6, r->dropped_to);
	rc = run(s, st, e);
	sqlite3_finalize(st);
	return rc;
}

/* Whether a drop first seen at since (UTC text) has lasted grace by at;
 * if so, *drop says it. */
static int
drop_due(const char *since, long from, long to, time_t at, long grace,
         struct store_drop *drop)
{
	struct tm tm = {0};

	if (!strptime(since, "%Y-%m-%dT%H:%M:%SZ", &tm) || at - timegm(&tm) < grace)
		return 0;
	drop->from = from;
	drop->to = to;
	snprintf(drop->since, sizeof(drop->since), "%s", since);
	return 1;
}

int
store_swap_shape(struct store *s, const char *source, const char *keys, long rounds,
                 time_t at, long grace, char **old_keys, struct store_drop *drop,
                 struct err *e)
{
	struct shape_row r, next = { .keys = (char *)keys, .rounds = rounds };
	char now[21];
	int rc, due = 0;

	*old_keys = NULL;
	if ((rc = read_shape_row(s, source, &r, e)))
		return -rc;
	format_utc(at, now);
	/* Fewer rounds than before: said only once they have stayed fewer
	 * for grace; until then the count before is the one compared. */
	if (r.found && rounds < r.rounds) {
		next.dropped_at = r.dropped_at ? r.dropped_at : now;
		due = drop_due(next.dropped_at, r.rounds, rounds, at, grace, drop);
		if (!due) {
			next.rounds = r.rounds;
			next.dropped_to = rounds;
		} else {
			next.dropped_at = NULL;
		}
	}
	rc = write_shape_row(s, source, &next, now, e);
	free(r.dropped_at);
	if (rc) {
		free(r.keys);
		return -rc;
	}
	*old_keys = r.keys;
	return due;
}

int
store_shape_due(struct store *s, const char *source, time_t at, long grace,
                struct store_drop *drop, struct err *e)
{
	struct shape_row r;
	sqlite3_stmt *st;
	int rc, due;

	if ((rc = read_shape_row(s, source, &r, e)))
		return -rc;
	due = r.dropped_at && drop_due(r.dropped_at, r.rounds, r.dropped_to, at, grace, drop);
	free(r.keys);
	free(r.dropped_at);
	if (!due)
		return 0;
	if ((rc = db_prepare(s, "UPDATE feed_shape SET rounds = dropped_to, dropped_at = NULL,"
	                     " dropped_to = NULL WHERE source = ?1", &st, e)))
		return -rc;
	bind_text(st, 1, source);
	rc = run(s, st, e);
	sqlite3_finalize(st);
	return rc ? -rc : 1;
}
