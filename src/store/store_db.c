/* store_db.c: the connection, the schema and its migrations, and the
 * helpers every file of store/ runs its SQL with.  See store_db.h and
 * README.md (Database). */
#include "store_db.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "store_codec.h"

#define APPLICATION_ID 0x45454452	/* "EEDR", in the database header */
#define BUSY_TIMEOUT_MS 5000	/* then EX_TEMPFAIL: cron tries again */

/* migrations[i] takes the schema from version i to i + 1; each runs in the
 * same transaction as the user_version bump.  Never edit a shipped one:
 * append. */
static const char *const migrations[] = {
	/* 0 -> 1 */
	"CREATE TABLE draws ("
	"  number TEXT PRIMARY KEY,"
	"  number_key INTEGER NOT NULL,"
	"  date TEXT, date_raw TEXT,"
	"  category TEXT NOT NULL, version TEXT, name TEXT,"
	"  invitations INTEGER, invitations_raw TEXT,"
	"  crs_cutoff INTEGER, crs_raw TEXT,"
	"  draw_time TEXT, draw_time_raw TEXT,"
	"  tie_break TEXT, tie_break_raw TEXT,"
	"  programs TEXT, programs_raw TEXT,"
	"  pool_as_of TEXT, pool_as_of_raw TEXT,"
	"  raw TEXT,"
	"  source TEXT NOT NULL, url TEXT, fetched_at TEXT,"
	"  first_seen TEXT NOT NULL, updated_at TEXT NOT NULL"
	");"
	"CREATE INDEX draws_date ON draws(date, number_key);"
	"CREATE TABLE pool ("
	"  number TEXT NOT NULL REFERENCES draws(number),"
	"  band TEXT NOT NULL, crs_min INTEGER NOT NULL, crs_max INTEGER NOT NULL,"
	"  candidates INTEGER NOT NULL,"
	"  PRIMARY KEY (number, band)"
	");"
	"CREATE TABLE revisions ("
	"  id INTEGER PRIMARY KEY,"
	"  number TEXT NOT NULL REFERENCES draws(number),"
	"  field TEXT NOT NULL, old_value TEXT, new_value TEXT,"
	"  changed_at TEXT NOT NULL, source TEXT NOT NULL, url TEXT"
	");"
	"CREATE INDEX revisions_number ON revisions(number);"
	"CREATE TABLE fetch_state ("
	"  url TEXT PRIMARY KEY, source TEXT,"
	"  etag TEXT, last_modified TEXT, body_hash TEXT,"
	"  last_status INTEGER, last_attempt TEXT, last_success TEXT, last_error TEXT"
	");",
	/* 1 -> 2: what articles say (issue 3) */
	"CREATE TABLE unconfirmed ("
	"  id INTEGER PRIMARY KEY,"
	"  date TEXT NOT NULL, number TEXT, number_key INTEGER, category TEXT,"
	"  invitations INTEGER, crs_cutoff INTEGER,"
	"  first_seen TEXT NOT NULL, updated_at TEXT NOT NULL"
	");"
	"CREATE INDEX unconfirmed_date ON unconfirmed(date);"
	"CREATE TABLE observations ("
	"  id INTEGER PRIMARY KEY,"
	"  number TEXT REFERENCES draws(number),"
	"  unconfirmed INTEGER REFERENCES unconfirmed(id),"
	"  date TEXT NOT NULL, stated_number TEXT, category TEXT, name TEXT,"
	"  invitations INTEGER, crs_cutoff INTEGER,"
	"  source TEXT NOT NULL, url TEXT NOT NULL, fetched_at TEXT NOT NULL,"
	"  evidence TEXT, observed_at TEXT NOT NULL,"
	"  CHECK ((number IS NULL) <> (unconfirmed IS NULL))"
	");"
	"CREATE UNIQUE INDEX observations_once ON observations(url, date,"
	"  ifnull(stated_number, ''), ifnull(category, ''), ifnull(invitations, -1),"
	"  ifnull(crs_cutoff, -1));"
	"CREATE INDEX observations_number ON observations(number);"
	"CREATE INDEX observations_unconfirmed ON observations(unconfirmed);"
	/* One row per disagreement of an observation with IRCC's draw, from
	 * the values as they are now: IRCC correcting a value ends a conflict. */
	"CREATE VIEW conflicts AS"
	" SELECT o.id AS observation, d.number AS number, d.number_key AS number_key,"
	"  d.date AS date, 'date' AS field, d.date AS ircc_value, o.date AS stated_value,"
	"  o.source AS source, o.url AS url, o.evidence AS evidence"
	" FROM observations o JOIN draws d ON d.number = o.number"
	" WHERE o.date IS NOT d.date"
	" UNION ALL SELECT o.id, d.number, d.number_key, d.date, 'number', d.number,"
	"  o.stated_number, o.source, o.url, o.evidence"
	" FROM observations o JOIN draws d ON d.number = o.number"
	" WHERE o.stated_number IS NOT NULL AND o.stated_number IS NOT d.number"
	" UNION ALL SELECT o.id, d.number, d.number_key, d.date, 'category', d.category,"
	"  o.category, o.source, o.url, o.evidence"
	" FROM observations o JOIN draws d ON d.number = o.number"
	" WHERE o.category IS NOT NULL AND o.category IS NOT d.category"
	" UNION ALL SELECT o.id, d.number, d.number_key, d.date, 'invitations',"
	"  CAST(d.invitations AS TEXT), CAST(o.invitations AS TEXT), o.source, o.url,"
	"  o.evidence"
	" FROM observations o JOIN draws d ON d.number = o.number"
	" WHERE o.invitations IS NOT NULL AND o.invitations IS NOT d.invitations"
	" UNION ALL SELECT o.id, d.number, d.number_key, d.date, 'crs_cutoff',"
	"  CAST(d.crs_cutoff AS TEXT), CAST(o.crs_cutoff AS TEXT), o.source, o.url,"
	"  o.evidence"
	" FROM observations o JOIN draws d ON d.number = o.number"
	" WHERE o.crs_cutoff IS NOT NULL AND o.crs_cutoff IS NOT d.crs_cutoff;"
	/* Failures in a row, and when a source failing again and again may
	 * be tried next (backoff, Retry-After). */
	"ALTER TABLE fetch_state ADD COLUMN failures INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE fetch_state ADD COLUMN next_attempt TEXT;"
	"CREATE TABLE links ("
	"  url TEXT PRIMARY KEY, source TEXT NOT NULL, title TEXT,"
	"  first_seen TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,"
	"  fetched_at TEXT, last_error TEXT"
	");",
	/* 2 -> 3: unattended running (issue 4) */
	/* IRCC's French feed names each draw in French. */
	"ALTER TABLE draws ADD COLUMN name_fr TEXT;"
	/* Every distinct body a URL served, as served, for reparse and for
	 * replaying an incident. */
	"CREATE TABLE bodies ("
	"  id INTEGER PRIMARY KEY,"
	"  source TEXT NOT NULL, url TEXT NOT NULL, hash TEXT NOT NULL,"
	"  kind TEXT NOT NULL, assumed_date TEXT,"
	"  status INTEGER, etag TEXT, last_modified TEXT, content_type TEXT,"
	"  first_fetched TEXT NOT NULL, last_fetched TEXT NOT NULL,"
	"  data BLOB NOT NULL"
	");"
	"CREATE INDEX bodies_url ON bodies(url, hash);"
	/* Announcements for notify, written in the transaction that made the
	 * change, delivered after it, until the command succeeds. */
	"CREATE TABLE notifications ("
	"  id INTEGER PRIMARY KEY,"
	"  event TEXT NOT NULL, number TEXT, date TEXT, env TEXT NOT NULL,"
	"  created_at TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,"
	"  last_attempt TEXT, last_error TEXT, delivered_at TEXT"
	");"
	"CREATE INDEX notifications_pending ON notifications(delivered_at);"
	/* The shape of the last IRCC feed body per source: its record keys
	 * and round count, to warn when IRCC's format drifts. */
	"CREATE TABLE feed_shape ("
	"  source TEXT PRIMARY KEY, keys TEXT NOT NULL, rounds INTEGER NOT NULL,"
	"  seen_at TEXT NOT NULL"
	");"
	/* robots.txt of news hosts, as last fetched. */
	"CREATE TABLE robots ("
	"  host TEXT PRIMARY KEY, status INTEGER, rules TEXT, fetched_at TEXT NOT NULL"
	");",
	/* 3 -> 4: IRCC's record is the judge (issue 13) */
	/* An unconfirmed draw's row stays once it is settled: confirmed as
	 * IRCC's draw, retracted when IRCC's record moved a week past it
	 * without it, or dismissed by a person; why, and when. */
	"ALTER TABLE unconfirmed ADD COLUMN state TEXT NOT NULL DEFAULT 'unconfirmed'"
	"  CHECK (state IN ('unconfirmed', 'confirmed', 'retracted', 'dismissed'));"
	"ALTER TABLE unconfirmed ADD COLUMN confirmed_as TEXT REFERENCES draws(number);"
	"ALTER TABLE unconfirmed ADD COLUMN settled_at TEXT;"
	"ALTER TABLE unconfirmed ADD COLUMN reason TEXT;"
	/* An article's record that is no draw of IRCC's and no unconfirmed
	 * draw is kept all the same, with the reason: the CHECK of schema 2
	 * refused it, so the table is made again, its rows and ids kept. */
	"DROP VIEW conflicts;"
	"CREATE TABLE observations_4 ("
	"  id INTEGER PRIMARY KEY,"
	"  number TEXT REFERENCES draws(number),"
	"  unconfirmed INTEGER REFERENCES unconfirmed(id),"
	"  date TEXT NOT NULL, stated_number TEXT, category TEXT, name TEXT,"
	"  invitations INTEGER, crs_cutoff INTEGER,"
	"  source TEXT NOT NULL, url TEXT NOT NULL, fetched_at TEXT NOT NULL,"
	"  evidence TEXT, observed_at TEXT NOT NULL,"
	"  matched_by TEXT CHECK (matched_by IN ('number', 'date-category', 'values')),"
	"  reason TEXT,"
	"  CHECK ((number IS NOT NULL) + (unconfirmed IS NOT NULL) + (reason IS NOT NULL) = 1)"
	");"
	"INSERT INTO observations_4 (id, number, unconfirmed, date, stated_number, category,"
	"  name, invitations, crs_cutoff, source, url, fetched_at, evidence, observed_at)"
	" SELECT id, number, unconfirmed, date, stated_number, category, name, invitations,"
	"  crs_cutoff, source, url, fetched_at, evidence, observed_at FROM observations;"
	"DROP TABLE observations;"
	"ALTER TABLE observations_4 RENAME TO observations;"
	"CREATE UNIQUE INDEX observations_once ON observations(url, date,"
	"  ifnull(stated_number, ''), ifnull(category, ''), ifnull(invitations, -1),"
	"  ifnull(crs_cutoff, -1));"
	"CREATE INDEX observations_number ON observations(number);"
	"CREATE INDEX observations_unconfirmed ON observations(unconfirmed);"
	/* As in schema 2, but a record matched to IRCC's draw by its values
	 * alone, a day off or not, names no draw beyond doubt: it disputes
	 * nothing.  (matched_by NULL: matched before schema 4.) */
	"CREATE VIEW conflicts AS"
	" SELECT o.id AS observation, d.number AS number, d.number_key AS number_key,"
	"  d.date AS date, 'date' AS field, d.date AS ircc_value, o.date AS stated_value,"
	"  o.source AS source, o.url AS url, o.evidence AS evidence"
	" FROM observations o JOIN draws d ON d.number = o.number"
	" WHERE o.matched_by IS NOT 'values' AND o.date IS NOT d.date"
	" UNION ALL SELECT o.id, d.number, d.number_key, d.date, 'number', d.number,"
	"  o.stated_number, o.source, o.url, o.evidence"
	" FROM observations o JOIN draws d ON d.number = o.number"
	" WHERE o.matched_by IS NOT 'values'"
	"  AND o.stated_number IS NOT NULL AND o.stated_number IS NOT d.number"
	" UNION ALL SELECT o.id, d.number, d.number_key, d.date, 'category', d.category,"
	"  o.category, o.source, o.url, o.evidence"
	" FROM observations o JOIN draws d ON d.number = o.number"
	" WHERE o.matched_by IS NOT 'values'"
	"  AND o.category IS NOT NULL AND o.category IS NOT d.category"
	" UNION ALL SELECT o.id, d.number, d.number_key, d.date, 'invitations',"
	"  CAST(d.invitations AS TEXT), CAST(o.invitations AS TEXT), o.source, o.url,"
	"  o.evidence"
	" FROM observations o JOIN draws d ON d.number = o.number"
	" WHERE o.matched_by IS NOT 'values'"
	"  AND o.invitations IS NOT NULL AND o.invitations IS NOT d.invitations"
	" UNION ALL SELECT o.id, d.number, d.number_key, d.date, 'crs_cutoff',"
	"  CAST(d.crs_cutoff AS TEXT), CAST(o.crs_cutoff AS TEXT), o.source, o.url,"
	"  o.evidence"
	" FROM observations o JOIN draws d ON d.number = o.number"
	" WHERE o.matched_by IS NOT 'values'"
	"  AND o.crs_cutoff IS NOT NULL AND o.crs_cutoff IS NOT d.crs_cutoff;",
	/* 4 -> 5: a notification whose command cannot run, or failed too
	 * often, is parked aside until a person retries it (issue 14). */
	"ALTER TABLE notifications ADD COLUMN parked_at TEXT;",
	/* 5 -> 6: a round missing from IRCC's feed is warned of only when
	 * still missing after flap_grace (issue 15): while one is, rounds
	 * keeps the count before the drop; when the drop was first seen, and
	 * the latest count. */
	"ALTER TABLE feed_shape ADD COLUMN dropped_at TEXT;"
	"ALTER TABLE feed_shape ADD COLUMN dropped_to INTEGER;",
	/* 6 -> 7: the archive compressed (issue 17).  data holds the body
	 * encoded: as it is ('raw'), compressed with zstd ('zstd'), or a
	 * zstd patch against the bytes of the body base ('zstd-patch');
	 * size is its decoded length.  A base is never deleted before the
	 * patches on it: the foreign key refuses it.  compress_archive()
	 * encodes the bodies kept before. */
	"ALTER TABLE bodies ADD COLUMN encoding TEXT NOT NULL DEFAULT 'raw'"
	"  CHECK (encoding IN ('raw', 'zstd', 'zstd-patch'));"
	"ALTER TABLE bodies ADD COLUMN base INTEGER REFERENCES bodies(id)"
	"  CHECK ((base IS NOT NULL) = (encoding = 'zstd-patch'));"
	"ALTER TABLE bodies ADD COLUMN size INTEGER NOT NULL DEFAULT 0;"
	"UPDATE bodies SET size = length(data);"
	"CREATE INDEX bodies_source ON bodies(source, kind);"
	"CREATE INDEX bodies_base ON bodies(base);",
};
#define NMIGRATIONS (sizeof(migrations) / sizeof(migrations[0]))

static int compress_archive(struct store *s, struct err *e);

/* What a migration needs done beyond its SQL, in C, after it and in the
 * same transaction: migration_code[i] with migrations[i]. */
static int (*const migration_code[NMIGRATIONS])(struct store *, struct err *) = {
	[6] = compress_archive,
};

/* What failed, for a message: a statement is named by its first words
 * ("INSERT INTO draws"), not its whole text. */
static int
what_len(const char *what)
{
	const char *p = strchr(what, '(');
	int n = p ? (int)(p - what) : (int)strlen(what);

	if (n > 40)
		n = 40;
	while (n > 0 && what[n - 1] == ' ')
		n--;
	return n;
}

int
db_error(struct store *s, struct err *e, const char *what)
{
	int rc = sqlite3_extended_errcode(s->db), n = what_len(what);
	int sys = sqlite3_system_errno(s->db);
	const char *msg = sqlite3_errmsg(s->db);

	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return err_set(e, EX_TEMPFAIL,
		               "%s: database is busy (another eedraws running?): %.*s; try again later",
		               s->path, n, what);
	case SQLITE_NOTADB:
		return err_set(e, EX_DATAERR,
		               "%s: not an eedraws database, not even SQLite (%s); name another with -d",
		               s->path, msg);
	case SQLITE_CORRUPT:
		return err_set(e, EX_DATAERR, "%s: the database is corrupt (%.*s: %s)", s->path,
		               n, what, msg);
	case SQLITE_READONLY:
		/* Even reading a WAL database needs its -wal and -shm files,
		 * made beside it when absent. */
		if (rc == SQLITE_READONLY_DIRECTORY || rc == SQLITE_READONLY_CANTINIT)
			return err_set(e, EX_CANTCREAT,
			               "%s: cannot use the database: its directory is not writable"
			               " by this user, and SQLite must make its -wal and -shm files"
			               " there even to read it (%.*s: %s)", s->path, n, what, msg);
		return err_set(e, EX_CANTCREAT,
		               "%s: cannot write: the database is read-only to this user (%.*s: %s)",
		               s->path, n, what, msg);
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
		return err_set(e, EX_CANTCREAT, "%s: cannot open the database (%.*s: %s%s%s)",
		               s->path, n, what, msg, sys ? ": " : "", sys ? strerror(sys) : "");
	case SQLITE_FULL:
		return err_set(e, EX_IOERR,
		               "%s: cannot write: the disk is full (%.*s: %s)",
		               s->path, n, what, msg);
	case SQLITE_IOERR:
		if (rc == SQLITE_IOERR_READ || rc == SQLITE_IOERR_SHORT_READ)
			return err_set(e, EX_IOERR, "%s: cannot read the database (%.*s: %s)",
			               s->path, n, what, msg);
		/* A full disk comes as SQLITE_FULL only when the write that
		 * failed said ENOSPC; one cut short, or EFBIG past a file size
		 * limit, comes as this, and by now errno is often gone. */
		return err_set(e, EX_IOERR, "%s: cannot write the database%s%s; is the disk full?"
		               " (%.*s: %s)", s->path, sys ? ": " : "", sys ? strerror(sys) : "",
		               n, what, msg);
	}
	return err_set(e, EX_SOFTWARE, "%s: %.*s: %s", s->path, n, what, msg);
}

int
db_exec(struct store *s, const char *sql, struct err *e)
{
	if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return db_error(s, e, sql);
	return 0;
}

int
db_prepare(struct store *s, const char *sql, sqlite3_stmt **st, struct err *e)
{
	if (sqlite3_prepare_v2(s->db, sql, -1, st, NULL) != SQLITE_OK)
		return db_error(s, e, sql);
	return 0;
}

struct cached_stmt {
	const char *sql;	/* the key: its address */
	sqlite3_stmt *st;
};

int
db_cached(struct store *s, const char *sql, sqlite3_stmt **st, struct err *e)
{
	size_t i;

	/* A few dozen at most: a search costs less than a step. */
	for (i = 0; i < s->ncache; i++) {
		if (s->cache[i].sql == sql) {
			*st = s->cache[i].st;
			return 0;
		}
	}
	if (sqlite3_prepare_v3(s->db, sql, -1, SQLITE_PREPARE_PERSISTENT, st,
	                       NULL) != SQLITE_OK)
		return db_error(s, e, sql);
	s->cache = xrealloc(s->cache, (s->ncache + 1) * sizeof(*s->cache));
	s->cache[s->ncache++] = (struct cached_stmt){ sql, *st };
	return 0;
}

static int
pragma_int(struct store *s, const char *sql, int *out, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return db_error(s, e, sql);
	rc = sqlite3_step(st);
	*out = rc == SQLITE_ROW ? sqlite3_column_int(st, 0) : 0;
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_error(s, e, sql);
	return 0;
}

/* Reads the header fields that say whose the file is and which schema. */
static int
read_header(struct store *s, int *app, int *version, int *tables, struct err *e)
{
	int rc;

	if ((rc = pragma_int(s, "PRAGMA application_id", app, e)) ||
	    (rc = pragma_int(s, "PRAGMA user_version", version, e)) ||
	    (rc = pragma_int(s, "SELECT count(*) FROM sqlite_master", tables, e)))
		return rc;
	if (*app != APPLICATION_ID && (*app != 0 || *tables > 0))
		return err_set(e, EX_DATAERR, "%s: not an eedraws database; name another with -d",
		               s->path);
	if (*version > (int)NMIGRATIONS)
		return err_set(e, EX_DATAERR,
		               "%s: database schema %d is newer than this eedraws knows (%zu); upgrade eedraws",
		               s->path, *version, NMIGRATIONS);
	return 0;
}

/* Checks the file is ours (or empty) and brings its schema up to date in
 * one transaction.  An up-to-date database is only read: readers never
 * wait for a writer. */
static int
migrate(struct store *s, struct err *e)
{
	int version, app, tables, rc, from = -1;
	size_t v;
	char sql[64];

	/* One read transaction: the three values from one snapshot, even
	 * while another eedraws is creating the database. */
	if ((rc = db_exec(s, "BEGIN", e)))
		return rc;
	rc = read_header(s, &app, &version, &tables, e);
	sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	if (rc)
		return rc;
	if (version == (int)NMIGRATIONS)
		return 0;
	if ((rc = db_exec(s, "BEGIN IMMEDIATE", e)))
		return rc;
	/* Again under the lock: another eedraws may have migrated meanwhile. */
	if ((rc = read_header(s, &app, &version, &tables, e)))
		goto fail;
	from = version;
	for (v = (size_t)version; v < NMIGRATIONS; v++)
		if ((rc = db_exec(s, migrations[v], e)) ||
		    (migration_code[v] && (rc = migration_code[v](s, e))))
			goto fail;
	snprintf(sql, sizeof(sql), "PRAGMA user_version = %zu", NMIGRATIONS);
	if ((rc = db_exec(s, sql, e)))
		goto fail;
	snprintf(sql, sizeof(sql), "PRAGMA application_id = %d", APPLICATION_ID);
	if ((rc = db_exec(s, sql, e)) || (rc = db_exec(s, "COMMIT", e)))
		goto fail;
	/* The archive compressed leaves its old pages free: given back to
	 * the disk if it can be now (a reader holding the file, or no room
	 * for the copy, leaves them to be reused instead: nothing is lost). */
	if (from > 0 && from <= 6)
		sqlite3_exec(s->db, "VACUUM", NULL, NULL, NULL);
	return 0;
fail:
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	/* One that holds data: no harm done, and the user should know. */
	if (e && from > 0) {
		size_t n = strlen(e->msg);

		snprintf(e->msg + n, sizeof(e->msg) - n, "; not migrated to schema %zu: the"
		         " database is left as it was", NMIGRATIONS);
	}
	return rc;
}

/* The bodies in the order compress_archive() encodes them: each chain
 * (source and kind) in the order its bodies were kept. */
struct order {
	long *id;
	unsigned char *first;	/* the first of its chain */
	size_t n;
};

static int
read_order(struct store *s, struct order *o, struct err *e)
{
	sqlite3_stmt *st;
	char *source = NULL, *kind = NULL;
	int rc;

	if ((rc = db_prepare(s, "SELECT id, source, kind FROM bodies ORDER BY source, kind, id",
	                     &st, e)))
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *src = (const char *)sqlite3_column_text(st, 1);
		const char *k = (const char *)sqlite3_column_text(st, 2);

		o->id = xrealloc(o->id, (o->n + 1) * sizeof(*o->id));
		o->first = xrealloc(o->first, o->n + 1);
		o->id[o->n] = (long)sqlite3_column_int64(st, 0);
		o->first[o->n++] = !source || strcmp(source, src) != 0 || strcmp(kind, k) != 0;
		free(source), free(kind);
		source = xstrdup(src), kind = xstrdup(k);
	}
	free(source), free(kind);
	rc = rc == SQLITE_DONE ? 0 : db_error(s, e, "reading the body archive");
	sqlite3_finalize(st);
	return rc;
}

/* Body id's bytes, a copy in *data (caller frees). */
static int
read_raw(struct store *s, sqlite3_stmt *get, long id, char **data, size_t *len,
         struct err *e)
{
	int rc;

	sqlite3_bind_int64(get, 1, id);
	if ((rc = sqlite3_step(get)) != SQLITE_ROW) {
		sqlite3_reset(get);
		return db_error(s, e, "reading the body archive");
	}
	*len = (size_t)sqlite3_column_bytes(get, 0);
	*data = xmalloc(*len + 1);
	if (*len)
		memcpy(*data, sqlite3_column_blob(get, 0), *len);
	sqlite3_reset(get);
	return 0;
}

/* Body id encoded, against base (NULL: whole); *enc says how. */
static int
encode_one(struct store *s, sqlite3_stmt *put, long id, const char *data, size_t len,
           long base_id, const char *base, size_t base_len, enum codec_encoding *enc,
           struct err *e)
{
	const char *why = NULL;
	char *z;
	size_t n;
	int rc;

	if (codec_encode(data, len, base, base_len, &z, &n, enc, &why))
		return err_set(e, EX_SOFTWARE, "%s: cannot compress archived body %ld: %s",
		               s->path, id, why);
	bind_text(put, 1, codec_name(*enc));
	if (*enc == CODEC_PATCH)
		sqlite3_bind_int64(put, 2, base_id);
	sqlite3_bind_blob64(put, 3, z, n, SQLITE_STATIC);
	sqlite3_bind_int64(put, 4, id);
	rc = run(s, put, e);
	free(z);
	return rc;
}

/* Migration 6 -> 7: each body kept before it was compressed, in place,
 * as store_archive.c keeps a new one: a patch against the body before it
 * of the same source and kind, a whole one at least every CODEC_CHAIN.
 * Bodies of every kind are patched: when news feeds' are pruned,
 * store_archive.c encodes again whole a body whose base it deletes. */
static int
compress_archive(struct store *s, struct err *e)
{
	sqlite3_stmt *get = NULL, *put = NULL;
	struct order o = {0};
	enum codec_encoding enc;
	char *prev = NULL, *cur = NULL;
	size_t i, prev_len = 0, len = 0;
	int rc, depth = 0;

	if ((rc = read_order(s, &o, e)) ||
	    (rc = db_prepare(s, "SELECT data FROM bodies WHERE id = ?1", &get, e)) ||
	    (rc = db_prepare(s, "UPDATE bodies SET encoding = ?1, base = ?2, data = ?3"
	                     " WHERE id = ?4", &put, e)))
		goto done;
	for (i = 0; i < o.n; i++) {
		if ((rc = read_raw(s, get, o.id[i], &cur, &len, e)))
			break;
		if (o.first[i] || depth >= CODEC_CHAIN - 1) {
			free(prev);
			prev = NULL;
		}
		rc = encode_one(s, put, o.id[i], cur, len, i ? o.id[i - 1] : 0, prev, prev_len,
		                &enc, e);
		free(prev);
		prev = cur, prev_len = len;
		depth = enc == CODEC_PATCH ? depth + 1 : 0;
		if (rc)
			break;
	}
done:
	free(prev);
	free(o.id), free(o.first);
	sqlite3_finalize(get);
	sqlite3_finalize(put);
	return rc;
}

/* Switches a new database to WAL (the mode persists in the file).  The
 * switch needs the file to itself and SQLite does not wait for that, so
 * two eedraws creating one database at once retry here. */
static int
use_wal(struct store *s, struct err *e)
{
	sqlite3_stmt *st;
	int rc, waited;

	for (waited = 0;; waited += 50) {
		if (sqlite3_prepare_v2(s->db, "PRAGMA journal_mode = WAL", -1, &st, NULL) != SQLITE_OK)
			return db_error(s, e, "PRAGMA journal_mode = WAL");
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc == SQLITE_ROW)
			return 0;
		if ((rc & 0xff) != SQLITE_BUSY || waited >= BUSY_TIMEOUT_MS)
			return db_error(s, e, "PRAGMA journal_mode = WAL");
		sqlite3_sleep(50);
	}
}

int
store_open(struct store **out, const char *path, struct err *e)
{
	struct store *s = xcalloc(1, sizeof(*s));
	int rc;

	s->path = xstrdup(path);
	if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE,
	                    NULL) != SQLITE_OK) {
		rc = err_set(e, EX_CANTCREAT, "cannot open database '%s': %s", path,
		             s->db ? sqlite3_errmsg(s->db) : "out of memory");
		goto fail;
	}
	sqlite3_extended_result_codes(s->db, 1);
	sqlite3_busy_timeout(s->db, BUSY_TIMEOUT_MS);
	/* migrate() reads the header before anything is written, so a file
	 * that is not an eedraws database is refused untouched. */
	if ((rc = db_exec(s, "PRAGMA foreign_keys = ON", e)) ||
	    (rc = migrate(s, e)) ||
	    (rc = use_wal(s, e)) ||
	    (rc = db_exec(s, "PRAGMA synchronous = FULL", e)))
		goto fail;
	*out = s;
	return 0;
fail:
	store_close(s);
	*out = NULL;
	return rc;
}

void
store_close(struct store *s)
{
	size_t i;

	if (!s)
		return;
	for (i = 0; i < s->ncache; i++)
		sqlite3_finalize(s->cache[i].st);
	free(s->cache);
	for (i = 0; i < STORE_MEMOS; i++)
		free(s->memo[i].data);
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

void
bind_text(sqlite3_stmt *st, int i, const char *v)
{
	if (v)
		sqlite3_bind_text(st, i, v, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

void
bind_count(sqlite3_stmt *st, int i, long v)
{
	if (v >= 0)
		sqlite3_bind_int64(st, i, v);
	else
		sqlite3_bind_null(st, i);
}

int
run(struct store *s, sqlite3_stmt *st, struct err *e)
{
	int rc = sqlite3_step(st);

	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return db_error(s, e, sqlite3_sql(st));
	return 0;
}

char *
column_dup(sqlite3_stmt *st, int i)
{
	return xstrdup((const char *)sqlite3_column_text(st, i));
}

long
column_count(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? -1 : (long)sqlite3_column_int64(st, i);
}
