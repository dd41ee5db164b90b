/* store_archive.c: every distinct body a source served, kept encoded
 * (store_codec.c): a patch against the latest body kept of the same
 * source and kind, a whole one at least every CODEC_CHAIN; read back
 * through its chain of patches, its hash checked; and every derived
 * record rebuilt from them (reparse).  See store.h. */
#include "store_db.h"
#include "store_codec.h"

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

/* ---- a body read back: its chain of patches decoded ---- */

/* One row of bodies as stored: a link of a chain of patches. */
struct link {
	long id, base;		/* base 0: none */
	enum codec_encoding enc;
	size_t size, len;
	char *data;		/* as stored: len bytes */
	char *hash;		/* of the bytes decoded */
};

/* Why a body cannot be read: the body at fault and what is wrong. */
struct fault {
	long id;
	const char *why;
};

static int
fault(struct fault *f, long id, const char *why)
{
	f->id = id;
	f->why = why;
	return EX_DATAERR;
}

static void
release_links(struct link *chain, size_t n)
{
	while (n-- > 0) {
		free(chain[n].data);
		free(chain[n].hash);
	}
}

static const char link_sql[] =
	"SELECT encoding, base, size, hash, data FROM bodies WHERE id = ?1";

/* Body id's row into *l: 0; EX_DATAERR and *f when it is missing or
 * names no encoding eedraws knows; or a database error. */
static int
read_link(struct store *s, long id, struct link *l, struct fault *f, struct err *e)
{
	sqlite3_stmt *st;
	const void *blob;
	int rc;

	memset(l, 0, sizeof(*l));
	if ((rc = db_cached(s, link_sql, &st, e)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		l->id = id;
		l->base = (long)sqlite3_column_int64(st, 1);
		l->size = (size_t)sqlite3_column_int64(st, 2);
		l->hash = column_dup(st, 3);
		blob = sqlite3_column_blob(st, 4);
		l->len = (size_t)sqlite3_column_bytes(st, 4);
		l->data = xmalloc(l->len + 1);
		if (l->len)
			memcpy(l->data, blob, l->len);
		rc = codec_parse((const char *)sqlite3_column_text(st, 0), &l->enc) ?
		     fault(f, id, "its encoding is none eedraws knows") : 0;
	} else if (rc == SQLITE_DONE) {
		rc = fault(f, id, "it is missing");
	} else {
		rc = db_error(s, e, "reading the body archive");
	}
	sqlite3_reset(st);
	return rc;
}

static const char memo_sql[] = "SELECT hash FROM bodies WHERE id = ?1";

/* Whether m still holds body m->id: an id deleted (a news feed pruned,
 * by this eedraws or another) may be given to another body. */
static int
memo_current(struct store *s, const struct body_memo *m)
{
	sqlite3_stmt *st;
	int same = 0;

	if (db_cached(s, memo_sql, &st, NULL))
		return 0;
	sqlite3_bind_int64(st, 1, m->id);
	if (sqlite3_step(st) == SQLITE_ROW)
		same = strcmp((const char *)sqlite3_column_text(st, 0), m->hash) == 0;
	sqlite3_reset(st);
	return same;
}

/* Body id in the memo, if it still holds it; one that does not goes. */
static struct body_memo *
memo_find(struct store *s, long id)
{
	size_t i;

	for (i = 0; id && i < STORE_MEMOS; i++) {
		if (s->memo[i].id != id)
			continue;
		if (memo_current(s, &s->memo[i]))
			return &s->memo[i];
		free(s->memo[i].data);
		s->memo[i] = (struct body_memo){0};
	}
	return NULL;
}

/* Keeps *m (its data now the memo's) in place of the oldest. */
static struct body_memo *
memo_put(struct store *s, const struct body_memo *m)
{
	struct body_memo *slot = &s->memo[s->memo_next];

	free(slot->data);
	*slot = *m;
	s->memo_next = (s->memo_next + 1) % STORE_MEMOS;
	return slot;
}

static void
memo_clear(struct store *s)
{
	size_t i;

	for (i = 0; i < STORE_MEMOS; i++) {
		free(s->memo[i].data);
		s->memo[i] = (struct body_memo){0};
	}
}

/* Reads body id's chain back to a whole body, or (memo set) to a body in
 * the memo; at most CODEC_CHAIN links.  *n: how many; *from: the memo
 * it stopped at, else NULL. */
static int
read_chain(struct store *s, long id, int memo, struct link *chain, size_t *n,
           const struct body_memo **from, struct fault *f, struct err *e)
{
	long cur = id;
	int rc;

	*n = 0;
	*from = NULL;
	for (;;) {
		if (memo && *n > 0 && (*from = memo_find(s, cur)))
			return 0;
		if (*n == CODEC_CHAIN)
			return fault(f, id, "its chain of patches is longer than it may be");
		if ((rc = read_link(s, cur, &chain[*n], f, e)))
			return rc;
		if (chain[(*n)++].enc != CODEC_PATCH)
			return 0;
		cur = chain[*n - 1].base;
	}
}

static int
hash_matches(const char *data, size_t len, const char *hash)
{
	char h[40];

	body_hash(data, len, h);
	return hash && strcmp(h, hash) == 0;
}

/* Applies chain[n - 1] down to chain[0] on from's bytes (NULL: the
 * first is whole), each checked against its hash when every_link is set,
 * the last always; *m gets the bytes of chain[0] (caller owns them).
 * Two buffers take turns, each the size of the largest body. */
static int
apply_chain(struct link *chain, size_t n, const struct body_memo *from, int every_link,
            struct body_memo *m, struct fault *f)
{
	const char *prev = from ? from->data : NULL, *why = NULL;
	size_t prev_len = from ? from->len : 0, k, most = 0;
	char *buf[2];
	int rc = 0;

	for (k = 0; k < n; k++) {
		if (!codec_size_agrees(chain[k].enc, chain[k].data, chain[k].len, chain[k].size))
			return fault(f, chain[k].id, "it does not say it holds as many bytes"
			             " as the body has");
		if (chain[k].size > most)
			most = chain[k].size;
	}
	buf[0] = xmalloc(most + 1);
	buf[1] = n > 1 ? xmalloc(most + 1) : NULL;
	for (k = n; rc == 0 && k-- > 0;) {
		struct link *l = &chain[k];
		char *out = buf[k % 2];

		if (codec_decode_into(l->enc, l->data, l->len, prev, prev_len, out, l->size, &why))
			rc = fault(f, l->id, why);
		else if ((every_link || k == 0) && !hash_matches(out, l->size, l->hash))
			rc = fault(f, l->id, "its bytes decoded do not match its hash");
		prev = out, prev_len = l->size;
	}
	free(buf[1]);
	if (rc) {
		free(buf[0]);
		return rc;
	}
	m->id = chain[0].id;
	snprintf(m->hash, sizeof(m->hash), "%s", chain[0].hash ? chain[0].hash : "");
	m->data = buf[0];
	m->len = prev_len;
	m->depth = from ? from->depth + (int)n : (int)n - 1;
	return 0;
}

/* Decodes body id into *m: quickly (from the memo, its hash alone
 * checked), or link by link (no memo, every hash checked), which names
 * the body at fault. */
static int
decode_body(struct store *s, long id, int quick, struct body_memo *m, struct fault *f,
            struct err *e)
{
	struct link chain[CODEC_CHAIN];
	const struct body_memo *from;
	size_t n;
	int rc;

	if ((rc = read_chain(s, id, quick, chain, &n, &from, f, e)) == 0)
		rc = apply_chain(chain, n, from, !quick, m, f);
	release_links(chain, n);
	return rc;
}

/* "4 (ircc, URL, fetched 2026-08-07T12:00:00Z)", or "4" when it is
 * missing; caller frees. */
static char *
body_name(struct store *s, long id)
{
	sqlite3_stmt *st;
	char *name;

	if (db_prepare(s, "SELECT source, url, first_fetched FROM bodies WHERE id = ?1", &st,
	               NULL))
		return xasprintf("%ld", id);
	sqlite3_bind_int64(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW)
		name = xasprintf("%ld (%s, %s, fetched %s)", id, sqlite3_column_text(st, 0),
		                 sqlite3_column_text(st, 1), sqlite3_column_text(st, 2));
	else
		name = xasprintf("%ld", id);
	sqlite3_finalize(st);
	return name;
}

/* EX_DATAERR: body id cannot be read, for f. */
static int
damaged(struct store *s, long id, const struct fault *f, struct err *e)
{
	char *name = body_name(s, id), *at;
	int rc;

	if (f->id == id) {
		rc = err_set(e, EX_DATAERR, "%s: archived body %s is damaged: %s", s->path, name,
		             f->why);
	} else {
		at = body_name(s, f->id);
		rc = err_set(e, EX_DATAERR, "%s: archived body %s cannot be read: it is a patch"
		             " on body %s, which is damaged: %s", s->path, name, at, f->why);
		free(at);
	}
	free(name);
	return rc;
}

/* Body id, decoded and its hash checked: *data (*len bytes and a NUL) is
 * the memo's, valid until the next read or body archived; *depth (may be
 * NULL) says how many patches lie between it and its chain's whole body.
 * EX_DATAERR, naming it and the body at fault, when it cannot be read. */
static int
body_read(struct store *s, long id, const char **data, size_t *len, int *depth,
          struct err *e)
{
	struct body_memo m = {0}, *hit;
	struct fault f = {0};
	int rc;

	if (!(hit = memo_find(s, id))) {
		/* A fault seen the quick way is looked for link by link: that
		 * names the body at fault, or finds none (a stale memo). */
		if ((rc = decode_body(s, id, 1, &m, &f, e)) == EX_DATAERR)
			rc = decode_body(s, id, 0, &m, &f, e);
		if (rc == EX_DATAERR)
			return damaged(s, id, &f, e);
		if (rc)
			return rc;
		hit = memo_put(s, &m);
	}
	*data = hit->data;
	*len = hit->len;
	if (depth)
		*depth = hit->depth;
	return 0;
}

/* ---- a body kept ---- */

/* The id of the body already kept for this URL with these bytes, 0 if
 * none, or an error (negated).  The hash only narrows the search: the
 * bytes decide.  A candidate that cannot be read is not the body. */
static long
find_body(struct store *s, const struct body *b, const char *hash, struct err *e)
{
	sqlite3_stmt *st;
	struct err local = {0};
	const char *data;
	size_t len;
	long id = 0, cand;
	int rc, frc = 0;

	if ((rc = db_prepare(s, "SELECT id FROM bodies WHERE url = ?1 AND hash = ?2", &st, e)))
		return -rc;
	bind_text(st, 1, b->url);
	bind_text(st, 2, hash);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		cand = (long)sqlite3_column_int64(st, 0);
		frc = body_read(s, cand, &data, &len, NULL, &local);
		if (frc == 0 && len == b->len && (len == 0 || memcmp(data, b->data, len) == 0)) {
			id = cand;
			break;
		}
		if (frc && frc != EX_DATAERR)
			break;
	}
	sqlite3_finalize(st);
	if (frc && frc != EX_DATAERR) {
		*e = local;
		return -frc;
	}
	if (!id && rc != SQLITE_DONE)
		return -db_error(s, e, "reading the body archive");
	return id;
}

/* How a new body is kept: encoding, the body it patches (0: none), its
 * patches below its chain's whole body, and the bytes. */
struct encoded {
	long id;		/* once inserted */
	char hash[40];		/* of the bytes */
	enum codec_encoding enc;
	long base;
	int depth;
	char *data;
	size_t len;
};

static const char latest_sql[] =
	"SELECT max(id) FROM bodies WHERE source = ?1 AND kind = ?2";

/* The latest body kept of source and kind, 0 if none. */
static int
latest_body(struct store *s, const char *source, const char *kind, long *id, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	*id = 0;
	if ((rc = db_cached(s, latest_sql, &st, e)))
		return rc;
	bind_text(st, 1, source);
	bind_text(st, 2, kind);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		*id = (long)sqlite3_column_int64(st, 0);
	rc = rc == SQLITE_ROW ? 0 : db_error(s, e, "reading the body archive");
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc;
}

/* A new body of source and kind: a patch on the latest body kept of the
 * same source and kind, unless that one is CODEC_CHAIN - 1 patches deep
 * already, or cannot be read (then --verify's to name; this one is kept
 * whole).  A news feed's bodies are whole while they are pruned: a patch
 * on one would lose its base within archive_keep fetches. */
static int
encode_new(struct store *s, const char *source, const char *kind, const struct body *b,
           struct encoded *out, struct err *e)
{
	struct err local = {0};
	const char *base = NULL, *why = NULL;
	size_t base_len = 0;
	long id = 0;
	int rc, depth = 0;

	memset(out, 0, sizeof(*out));
	if (!(s->archive_keep && strcmp(kind, "feed") == 0) &&
	    (rc = latest_body(s, source, kind, &id, e)))
		return rc;
	if (id && (rc = body_read(s, id, &base, &base_len, &depth, &local))) {
		if (rc != EX_DATAERR) {
			*e = local;
			return rc;
		}
		base = NULL;
	}
	if (base && depth >= CODEC_CHAIN - 1)
		base = NULL;
	if (codec_encode(b->data ? b->data : "", b->len, base, base_len, &out->data, &out->len,
	                 &out->enc, &why))
		return err_set(e, EX_SOFTWARE, "%s: cannot compress %s for the archive: %s",
		               s->path, b->url, why);
	out->base = out->enc == CODEC_PATCH ? id : 0;
	out->depth = out->enc == CODEC_PATCH ? depth + 1 : 0;
	return 0;
}

static const char insert_sql[] =
	"INSERT INTO bodies (source, url, hash, kind, assumed_date, status, etag,"
	" last_modified, content_type, first_fetched, last_fetched, encoding, base, size, data)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?10, ?11, ?12, ?13, ?14)";

/* Keeps b, new, encoded as *z says; z->id its id. */
static int
insert_body(struct store *s, const char *source, const struct body *b, const char *kind,
            const char *assumed_date, const char *hash, const char *fetched,
            struct encoded *z, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_prepare(s, insert_sql, &st, e)))
		return rc;
	bind_text(st, 1, source);
	bind_text(st, 2, b->url);
	bind_text(st, 3, hash);
	bind_text(st, 4, kind);
	bind_text(st, 5, assumed_date);
	if (b->status)
		sqlite3_bind_int64(st, 6, b->status);
	bind_text(st, 7, b->etag);
	bind_text(st, 8, b->last_modified);
	bind_text(st, 9, b->content_type);
	bind_text(st, 10, fetched);
	bind_text(st, 11, codec_name(z->enc));
	if (z->base)
		sqlite3_bind_int64(st, 12, z->base);
	sqlite3_bind_int64(st, 13, (sqlite3_int64)b->len);
	sqlite3_bind_blob64(st, 14, z->len ? z->data : "", z->len, SQLITE_STATIC);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_error(s, e, "keeping a body in the archive");
	z->id = (long)sqlite3_last_insert_rowid(s->db);
	return 0;
}

/* A news feed's bodies but its latest: one whose lastBuildDate moves on
 * every fetch is a new body every run (some 1.4 GB a year), and none is
 * worth replaying: a feed yields no draws, and the articles it named are
 * bodies of their own. */
#define DOOMED "SELECT id FROM bodies WHERE source = ?1 AND kind = 'feed' AND id NOT IN" \
	" (SELECT id FROM bodies WHERE source = ?1 AND kind = 'feed'" \
	"  ORDER BY last_fetched DESC, id DESC LIMIT ?2)"
static const char prune_sql[] = "DELETE FROM bodies WHERE id IN (" DOOMED ")";
/* ... and the bodies kept that are patches on one of them. */
static const char orphans_sql[] =
	"SELECT id FROM bodies WHERE base IN (" DOOMED ") AND id NOT IN (" DOOMED ")";

void
store_set_archive_keep(struct store *s, long keep)
{
	s->archive_keep = keep > 0 ? keep : 0;
}

static int
run_doomed(struct store *s, const char *sql, const char *source, sqlite3_stmt **st,
           struct err *e)
{
	int rc;

	if ((rc = db_prepare(s, sql, st, e)))
		return rc;
	bind_text(*st, 1, source);
	sqlite3_bind_int64(*st, 2, s->archive_keep);
	return 0;
}

/* Body id, a patch on a body about to go, kept whole instead. */
static int
make_whole(struct store *s, long id, struct err *e)
{
	sqlite3_stmt *st;
	enum codec_encoding enc;
	const char *data, *why = NULL;
	char *z;
	size_t len, n;
	int rc;

	if ((rc = body_read(s, id, &data, &len, NULL, e)))
		return rc;
	if (codec_encode(data, len, NULL, 0, &z, &n, &enc, &why))
		return err_set(e, EX_SOFTWARE, "%s: cannot compress archived body %ld: %s",
		               s->path, id, why);
	if ((rc = db_prepare(s, "UPDATE bodies SET encoding = ?1, base = NULL, data = ?2"
	                     " WHERE id = ?3", &st, e)) == 0) {
		bind_text(st, 1, codec_name(enc));
		sqlite3_bind_blob64(st, 2, n ? z : "", n, SQLITE_STATIC);
		sqlite3_bind_int64(st, 3, id);
		rc = run(s, st, e);
		sqlite3_finalize(st);
	}
	free(z);
	return rc;
}

/* The bodies pruning would leave without their base, each kept whole
 * first.  One that cannot be read stops the pruning (*keep_all): deleting
 * its base would only make its damage worse, and --verify names it. */
static int
save_orphans(struct store *s, const char *source, int *keep_all, struct err *e)
{
	sqlite3_stmt *st;
	long *ids = NULL;
	size_t n = 0, i;
	int rc;

	*keep_all = 0;
	if ((rc = run_doomed(s, orphans_sql, source, &st, e)))
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		ids = xrealloc(ids, (n + 1) * sizeof(*ids));
		ids[n++] = (long)sqlite3_column_int64(st, 0);
	}
	sqlite3_finalize(st);
	rc = rc == SQLITE_DONE ? 0 : db_error(s, e, "reading the body archive");
	for (i = 0; rc == 0 && i < n; i++)
		rc = make_whole(s, ids[i], e);
	if (rc == EX_DATAERR) {
		*keep_all = 1;
		rc = 0;
	}
	free(ids);
	return rc;
}

static int
prune_feed(struct store *s, const char *source, struct err *e)
{
	sqlite3_stmt *st;
	int rc, keep_all;

	if ((rc = save_orphans(s, source, &keep_all, e)) || keep_all)
		return rc;
	if ((rc = run_doomed(s, prune_sql, source, &st, e)))
		return rc;
	rc = run(s, st, e);
	sqlite3_finalize(st);
	memo_clear(s);		/* an id deleted may be given again */
	return rc;
}

/* Keeps b: a new body (*z says how), or one served again, its last fetch
 * moved (*id). */
static int
keep_body(struct store *s, const char *source, const struct body *b, const char *kind,
          const char *assumed_date, long *id, struct encoded *z, struct err *e)
{
	sqlite3_stmt *st;
	char hash[40], fetched[21];
	int rc;

	body_hash(b->data ? b->data : "", b->len, hash);
	format_utc(b->fetched_at ? b->fetched_at : time(NULL), fetched);
	if ((*id = find_body(s, b, hash, e)) < 0)
		return (int)-*id;
	if (*id > 0) {
		if ((rc = db_prepare(s, "UPDATE bodies SET last_fetched = ?2 WHERE id = ?1", &st,
		                     e)))
			return rc;
		sqlite3_bind_int64(st, 1, *id);
		bind_text(st, 2, fetched);
		rc = run(s, st, e);
		sqlite3_finalize(st);
		return rc;
	}
	if ((rc = encode_new(s, source, kind, b, z, e)))
		return rc;
	memcpy(z->hash, hash, sizeof(hash));
	if ((rc = insert_body(s, source, b, kind, assumed_date, hash, fetched, z, e)))
		return rc;
	if (s->archive_keep && strcmp(kind, "feed") == 0 && (rc = prune_feed(s, source, e)))
		return rc;
	return 0;
}

int
store_archive(struct store *s, const char *source, const struct body *b, const char *kind,
              const char *assumed_date, struct err *e)
{
	struct encoded z = {0};
	struct body_memo m;
	long id;
	int rc;

	if ((rc = db_exec(s, "BEGIN IMMEDIATE", e)))
		return rc;
	if ((rc = keep_body(s, source, b, kind, assumed_date, &id, &z, e)) ||
	    (rc = db_exec(s, "COMMIT", e))) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		free(z.data);
		return rc;
	}
	/* The next body of its source is a patch on this one: its bytes are
	 * at hand. */
	if (id == 0) {
		m.id = z.id;
		memcpy(m.hash, z.hash, sizeof(m.hash));
		m.depth = z.depth;
		m.len = b->len;
		m.data = xmalloc(b->len + 1);
		if (b->len)
			memcpy(m.data, b->data, b->len);
		m.data[b->len] = '\0';
		memo_put(s, &m);
	}
	free(z.data);
	return 0;
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

/* The body of the current row of body_sql: its bytes decoded. */
static const char body_sql[] =
	"SELECT id, url, first_fetched, status, etag, last_modified, content_type, source,"
	" kind, assumed_date FROM bodies ORDER BY first_fetched, id";

static int
row_body(struct store *s, sqlite3_stmt *st, struct body *b, struct err *e)
{
	const char *when = (const char *)sqlite3_column_text(st, 2), *data;
	struct tm tm = {0};
	size_t len;
	int rc;

	if ((rc = body_read(s, (long)sqlite3_column_int64(st, 0), &data, &len, NULL, e)))
		return rc;
	b->data = xmalloc(len + 1);
	memcpy(b->data, data, len + 1);
	b->len = len;
	b->url = column_dup(st, 1);
	if (when && strptime(when, "%Y-%m-%dT%H:%M:%SZ", &tm))
		b->fetched_at = timegm(&tm);
	b->status = (long)sqlite3_column_int64(st, 3);
	b->etag = column_dup(st, 4);
	b->last_modified = column_dup(st, 5);
	b->content_type = column_dup(st, 6);
	return 0;
}

int
store_each_body(struct store *s, store_body_fn *fn, void *ctx, struct err *e)
{
	sqlite3_stmt *st;
	int rc, frc = 0;

	if ((rc = db_prepare(s, body_sql, &st, e)))
		return rc;
	while (!frc && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct body b = {0};

		if ((frc = row_body(s, st, &b, e)) == 0)
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

int
store_verify_bodies(struct store *s, store_damage_fn *fn, void *ctx, long *checked,
                    long *bad, struct err *e)
{
	sqlite3_stmt *st;
	struct err local;
	const char *data;
	size_t len;
	int rc, frc = 0;

	*checked = *bad = 0;
	if ((rc = db_prepare(s, "SELECT id FROM bodies ORDER BY id", &st, e)))
		return rc;
	while (!frc && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		long id = (long)sqlite3_column_int64(st, 0);

		memset(&local, 0, sizeof(local));
		(*checked)++;
		frc = body_read(s, id, &data, &len, NULL, &local);
		if (frc == EX_DATAERR) {
			(*bad)++;
			frc = fn(ctx, id, local.msg);
		} else if (frc) {
			*e = local;
		}
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
