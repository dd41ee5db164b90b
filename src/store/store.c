/* store.c: one body, one transaction: IRCC's draws merged or an
 * article's observed, the fetch state saved with them, the notifications
 * queued, the events announced once it has committed.  See store.h, and
 * store_int.h for the layers of store/. */
#include "store_int.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

void
fetch_state_release(struct fetch_state *fs)
{
	free(fs->url);
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
	if (!observed && draws->n && (rc = judge_articles(s, now, &ev, e)))
		goto fail;
	/* The records' rows alone: fetch state and notifications follow. */
	changed = (long)(sqlite3_total_changes64(s->db) - before);
	/* Under the source's own URL: after a redirect, b->url is the
	 * target's, and the next run would not find its validators. */
	if (state && (rc = put_state(s, source, state->url ? state->url : b->url,
	                             state, e)))
		goto fail;
	if (queue && !first && (rc = outbox_queue(s, &ev, source, b, now, e)))
		goto fail;
	if ((rc = db_exec(s, nested ? "RELEASE body" : "COMMIT", e)))
		goto fail;
	s->data_changes += changed;
	events_announce(&ev, b->url, fn, ctx);
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

int
store_dismiss(struct store *s, long long id, store_event_fn *fn, void *ctx, struct err *e)
{
	struct event_list ev = {0};
	struct body b = {0};	/* no body: a person's word */
	char now[21];
	int first = 0, rc;

	format_utc(time(NULL), now);
	if ((rc = db_exec(s, "BEGIN IMMEDIATE", e)))
		return rc;
	if ((s->notify && (rc = outbox_first_load(s, &first, e))) ||
	    (rc = dismiss_unconfirmed(s, id, now, &ev, e)) ||
	    (s->notify && !first && (rc = outbox_queue(s, &ev, "dismiss", &b, now, e))) ||
	    (rc = db_exec(s, "COMMIT", e))) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		events_release(&ev);
		return rc;
	}
	events_announce(&ev, NULL, fn, ctx);
	events_release(&ev);
	return 0;
}
