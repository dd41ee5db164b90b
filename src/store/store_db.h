/* store_db.h: the connection to the database, its schema, and the
 * helpers every file of store/ runs its SQL with.  Near the bottom of
 * store/: store_db.c calls nothing else in it but the codec
 * (store_codec.h), for the migration that compressed the archive. */
#ifndef EEDRAWS_STORE_DB_H
#define EEDRAWS_STORE_DB_H

#include <sqlite3.h>

#include "store.h"

/* A body store_archive.c read or kept lately, decoded: the next body of
 * its chain is one patch away from it. */
struct body_memo {
	long id;		/* 0: none */
	int depth;		/* patches between it and its chain's whole body */
	char *data;
	size_t len;
	char hash[40];		/* its row's, to tell an id given again */
};
#define STORE_MEMOS 4

/* store.h's handle: the connection, and the state the files above keep
 * per connection (store_archive.c and store_notify.c set replaying and
 * notify for store.c, which counts data_changes). */
struct store {
	sqlite3 *db;
	char *path;
	struct cached_stmt *cache;	/* db_cached's */
	size_t ncache;
	int replaying;		/* reparse: bodies nest in its transaction */
	int notify;		/* queue notifications (store_set_notify) */
	long archive_keep;	/* a news feed's bodies kept; 0: all */
	long data_changes;	/* rows of draws, pool, revisions, observations
				 * and unconfirmed written since it opened */
	struct body_memo memo[STORE_MEMOS];	/* store_archive.c's */
	unsigned memo_next;	/* the one replaced next */
};

/* Runs sql (no rows) on the connection. */
int db_exec(struct store *s, const char *sql, struct err *e);
/* Prepares a statement used now and then (caller finalizes). */
int db_prepare(struct store *s, const char *sql, sqlite3_stmt **st, struct err *e);
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
/* Column i of the current row: a copy of its text (caller frees; NULL
 * for NULL), or a count (-1 for NULL). */
char *column_dup(sqlite3_stmt *st, int i);
long column_count(sqlite3_stmt *st, int i);

#endif
