/* store_notify.c: the notifications queue (an outbox).  A transaction
 * that makes news queues its notifications itself, so none is lost to a
 * crash; main delivers them after, marking each done once its command
 * succeeded, or parked when it cannot be.  See store.h. */
#include "store_int.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

/* The most notifications one body queues: a page of 2,000 rows of draws
 * must not run the command 2,000 times: the latest 50 run.  The rest
 * are still announced on stdout.  (A constant: no config key.) */
#define NOTIFY_MAX_PER_BODY 50

void
store_set_notify(struct store *s, int on)
{
	s->notify = on;
}

int
outbox_first_load(struct store *s, int *first, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_prepare(s, "SELECT NOT EXISTS (SELECT 1 FROM draws)", &st, e)))
		return rc;
	rc = sqlite3_step(st);
	*first = rc == SQLITE_ROW && sqlite3_column_int(st, 0);
	rc = rc == SQLITE_ROW ? 0 : db_error(s, e, "reading draws");
	sqlite3_finalize(st);
	return rc;
}

static void
set(json_t *env, const char *name, const char *value)
{
	json_object_set_new(env, name, json_string(value ? value : ""));
}

static void
set_count(json_t *env, const char *name, long v)
{
	char buf[24] = "";

	if (v >= 0)
		snprintf(buf, sizeof(buf), "%ld", v);
	set(env, name, buf);
}

/* The environment of one event's command, as a JSON object. */
static char *
event_env(const struct event *ev, const char *kind, const char *source,
          const struct body *b)
{
	const struct draw *d = ev->pub.draw;
	json_t *env = json_object();
	struct buf changes = {0};
	char *text, id[32];
	size_t i;

	snprintf(id, sizeof(id), "u%lld", ev->pub.unconfirmed_id);

	set(env, "EEDRAWS_EVENT", kind);
	set(env, "EEDRAWS_CONFIRMED", ev->pub.what == STORE_NEW || ev->pub.what == STORE_CHANGED
	                              ? "yes" : "no");
	set(env, "EEDRAWS_NUMBER", ev->number ? ev->number : d ? d->number : NULL);
	set(env, "EEDRAWS_DATE", ev->date);
	set(env, "EEDRAWS_CATEGORY", d ? d->category : NULL);
	set(env, "EEDRAWS_NAME", d ? d->name : NULL);
	set_count(env, "EEDRAWS_INVITATIONS", d ? d->invitations : -1);
	set_count(env, "EEDRAWS_CRS", d ? d->crs_cutoff : -1);
	for (i = 0; i < ev->nfields; i++)
		buf_addf(&changes, "%s%s: %s -> %s", i ? "; " : "", ev->fields[i].field,
		         ev->fields[i].old_value ? ev->fields[i].old_value : "",
		         ev->fields[i].new_value ? ev->fields[i].new_value : "");
	set(env, "EEDRAWS_CHANGES", changes.len ? changes.data : "");
	set(env, "EEDRAWS_SOURCE", source);
	set(env, "EEDRAWS_URL", b->url);
	set(env, "EEDRAWS_UNCONFIRMED_ID", ev->pub.unconfirmed_id ? id : "");
	set(env, "EEDRAWS_REASON", ev->pub.reason);
	buf_release(&changes);
	text = json_dumps(env, JSON_COMPACT | JSON_SORT_KEYS);
	json_decref(env);
	return text;	/* NULL only when out of memory */
}

/* The notify event of ev, NULL for news about a draw that is no draw's
 * news (a conflict, a confirmation). */
static const char *
event_kind(const struct event *ev)
{
	switch (ev->pub.what) {
	case STORE_NEW: return "new";
	case STORE_CHANGED: return "changed";
	case STORE_UNCONFIRMED: return "unconfirmed";
	case STORE_RETRACTED: return "retracted";
	default: return NULL;
	}
}

int
outbox_queue(struct store *s, struct event_list *l, const char *source,
             const struct body *b, const char *now, struct err *e)
{
	sqlite3_stmt *st;
	const char *kind;
	char *env;
	size_t i, skip = 0;
	int rc = 0;

	/* In the mail's order, oldest first; over the cap, the latest kept. */
	events_order(l);
	for (i = 0; i < l->n; i++)
		skip += event_kind(&l->v[i]) != NULL;
	skip = skip > NOTIFY_MAX_PER_BODY ? skip - NOTIFY_MAX_PER_BODY : 0;
	if ((rc = db_prepare(s, "INSERT INTO notifications (event, number, date, env,"
	                     " created_at) VALUES (?1, ?2, ?3, ?4, ?5)", &st, e)))
		return rc;
	for (i = 0; rc == 0 && i < l->n; i++) {
		const struct event *ev = &l->v[i];

		if (!(kind = event_kind(ev)) || (skip && skip--))
			continue;
		if (!(env = event_env(ev, kind, source, b))) {
			rc = err_set(e, EX_SOFTWARE, "out of memory queueing a notification");
			break;
		}
		bind_text(st, 1, kind);
		bind_text(st, 2, ev->number ? ev->number : ev->pub.draw ? ev->pub.draw->number : NULL);
		bind_text(st, 3, ev->date);
		bind_text(st, 4, env);
		bind_text(st, 5, now);
		rc = run(s, st, e);
		free(env);
	}
	sqlite3_finalize(st);
	return rc;
}

int
store_next_notification(struct store *s, long lease, struct store_notification *n,
                        struct err *e)
{
	sqlite3_stmt *st;
	char now[21], stale[21];
	time_t t = time(NULL);
	int rc, found = 0;

	memset(n, 0, sizeof(*n));
	format_utc(t, now);
	format_utc(t - lease, stale);
	/* One statement claims it: two eedraws delivering at once never
	 * both take one notification. */
	if ((rc = db_prepare(s,
	        "UPDATE notifications SET attempts = attempts + 1, last_attempt = ?1,"
	        " last_error = NULL WHERE id = (SELECT id FROM notifications"
	        "  WHERE delivered_at IS NULL AND parked_at IS NULL AND (last_attempt IS NULL"
	        "   OR last_error IS NOT NULL OR last_attempt < ?2)"
	        "  ORDER BY id LIMIT 1)"
	        " RETURNING id, event, number, date, env, attempts", &st, e)))
		return -rc;
	bind_text(st, 1, now);
	bind_text(st, 2, stale);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		n->id = (long)sqlite3_column_int64(st, 0);
		n->event = column_dup(st, 1);
		n->number = column_dup(st, 2);
		n->date = column_dup(st, 3);
		n->env = column_dup(st, 4);
		n->attempts = (long)sqlite3_column_int64(st, 5);
		found = 1;
		/* UPDATE ... RETURNING is done only once stepped to its end. */
		rc = sqlite3_step(st);
	}
	if (rc == SQLITE_DONE) {
		rc = found;
	} else {
		rc = -db_error(s, e, "claiming a notification");
		store_notification_release(n);
	}
	sqlite3_finalize(st);
	return rc;
}

int
store_notification_done(struct store *s, long id, const char *error, struct err *e)
{
	sqlite3_stmt *st;
	char now[21];
	int rc;

	format_utc(time(NULL), now);
	if ((rc = db_prepare(s, error
	        ? "UPDATE notifications SET last_error = ?3 WHERE id = ?1"
	        : "UPDATE notifications SET delivered_at = ?2 WHERE id = ?1", &st, e)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, now);
	if (error)
		bind_text(st, 3, error);
	rc = run(s, st, e);
	sqlite3_finalize(st);
	return rc;
}

int
store_notification_park(struct store *s, long id, const char *error, struct err *e)
{
	sqlite3_stmt *st;
	char now[21];
	int rc;

	format_utc(time(NULL), now);
	if ((rc = db_prepare(s, "UPDATE notifications SET last_error = ?3, parked_at = ?2"
	                     " WHERE id = ?1", &st, e)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, now);
	bind_text(st, 3, error);
	rc = run(s, st, e);
	sqlite3_finalize(st);
	return rc;
}

void
store_notification_release(struct store_notification *n)
{
	free(n->event);
	free(n->number);
	free(n->date);
	free(n->env);
	free(n->created_at);
	free(n->last_error);
	free(n->parked_at);
	memset(n, 0, sizeof(*n));
}

int
store_notifications_each(struct store *s, int (*fn)(void *, const struct store_notification *),
                         void *ctx, struct err *e)
{
	struct store_notification n;
	sqlite3_stmt *st;
	int rc, step = SQLITE_DONE;

	if ((rc = db_prepare(s, "SELECT id, event, number, date, attempts, created_at,"
	                     " last_error, parked_at FROM notifications"
	                     " WHERE delivered_at IS NULL ORDER BY id", &st, e)))
		return rc;
	while (rc == 0 && (step = sqlite3_step(st)) == SQLITE_ROW) {
		memset(&n, 0, sizeof(n));
		n.id = (long)sqlite3_column_int64(st, 0);
		n.event = column_dup(st, 1);
		n.number = column_dup(st, 2);
		n.date = column_dup(st, 3);
		n.attempts = (long)sqlite3_column_int64(st, 4);
		n.created_at = column_dup(st, 5);
		n.last_error = column_dup(st, 6);
		n.parked_at = column_dup(st, 7);
		rc = fn(ctx, &n);
		store_notification_release(&n);
	}
	if (rc == 0 && step != SQLITE_DONE)
		rc = db_error(s, e, "reading notifications");
	sqlite3_finalize(st);
	return rc;
}

/* retry and drop: the notification id, or with id 0 every parked one;
 * an id that is no notification waiting changes nothing (EX_DATAERR). */
static int
settle(struct store *s, long id, const char *sql, long *n, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	*n = 0;
	if ((rc = db_prepare(s, sql, &st, e)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = run(s, st, e)) == 0)
		*n = (long)sqlite3_changes(s->db);
	sqlite3_finalize(st);
	if (rc == 0 && id && *n == 0)
		rc = err_set(e, EX_DATAERR, "no notification %ld is waiting (eedraws notifications"
		             " lists them)", id);
	return rc;
}

int
store_notification_retry(struct store *s, long id, long *n, struct err *e)
{
	/* Its attempts start again: notify_attempts more before it parks. */
	return settle(s, id, "UPDATE notifications SET parked_at = NULL, attempts = 0,"
	              " last_attempt = NULL, last_error = NULL WHERE delivered_at IS NULL"
	              " AND (id = ?1 OR (?1 = 0 AND parked_at IS NOT NULL))", n, e);
}

int
store_notification_drop(struct store *s, long id, long *n, struct err *e)
{
	return settle(s, id, "DELETE FROM notifications WHERE delivered_at IS NULL"
	              " AND (id = ?1 OR (?1 = 0 AND parked_at IS NOT NULL))", n, e);
}

int
store_notify_backlog(struct store *s, long *waiting, long *failed, long *parked,
                     char **last_error, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	*waiting = *failed = *parked = 0;
	*last_error = NULL;
	if ((rc = db_prepare(s,
	        "SELECT count(*) - count(parked_at), count(last_error) - count(parked_at),"
	        " count(parked_at),"
	        " (SELECT last_error FROM notifications WHERE delivered_at IS NULL"
	        "  AND last_error IS NOT NULL ORDER BY last_attempt DESC LIMIT 1)"
	        " FROM notifications WHERE delivered_at IS NULL", &st, e)))
		return rc;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		*waiting = (long)sqlite3_column_int64(st, 0);
		*failed = (long)sqlite3_column_int64(st, 1);
		*parked = (long)sqlite3_column_int64(st, 2);
		*last_error = column_dup(st, 3);
		rc = 0;
	} else {
		rc = db_error(s, e, "reading notifications");
	}
	sqlite3_finalize(st);
	return rc;
}
