/* store_int.h: what store.c and observe.c share; no other module includes
 * it.  store.c owns the connection, the schema and IRCC's draws;
 * observe.c what articles say about them. */
#ifndef EEDRAWS_STORE_INT_H
#define EEDRAWS_STORE_INT_H

#include <sqlite3.h>

#include "store.h"
#include "store_events.h"

struct store {
	sqlite3 *db;
	char *path;
	struct cached_stmt *cache;	/* db_cached's */
	size_t ncache;
	int replaying;		/* reparse: bodies nest in its transaction */
	int notify;		/* queue notifications (store_set_notify) */
	long data_changes;	/* rows of draws, pool, revisions, observations
				 * and unconfirmed written since it opened */
};

/* Runs sql (no rows) on the connection. */
int exec_sql(struct store *s, const char *sql, struct err *e);
/* Prepares a statement used now and then (caller finalizes). */
int prepare_sql(struct store *s, const char *sql, sqlite3_stmt **st, struct err *e);
/* The statement of sql, prepared on its first use and kept until the
 * store closes (never finalize it): for those run once per draw.  The
 * key is sql's address, so each file keeps its own statements beside the
 * code that runs them, each a static array, never text made at run time. */
int db_cached(struct store *s, const char *sql, sqlite3_stmt **st, struct err *e);
/* Sets e from the connection's last error; returns the sysexits code. */
int db_error(struct store *s, struct err *e, const char *what);
void bind_text(sqlite3_stmt *st, int i, const char *v);
void bind_count(sqlite3_stmt *st, int i, long v);	/* NULL when v < 0 */
/* Runs a bound statement that returns no rows, then resets it. */
int run(struct store *s, sqlite3_stmt *st, struct err *e);
char *column_dup(sqlite3_stmt *st, int i);

/* observe.c */
int observe_draw(struct store *s, const struct draw *d, const char *source,
                 const struct body *b, const char *fetched, const char *now,
                 struct event_list *ev, struct err *e);
/* Turns unconfirmed draws that match a draw of IRCC's into that draw. */
int confirm_unconfirmed(struct store *s, struct event_list *ev, struct err *e);

/* store_notify.c: whether the database holds no draw yet (the first load
 * of history is not news), and the notifications of a transaction's
 * events, queued in it. */
int outbox_first_load(struct store *s, int *first, struct err *e);
int outbox_queue(struct store *s, const struct event_list *ev, const char *source,
                 const struct body *b, const char *now, struct err *e);

#endif
