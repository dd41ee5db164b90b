/* store_robots.c: the robots table.  Its statements are prepared when
 * used: a run asks once per news host. */
#include "store_robots.h"

#include <stdlib.h>
#include <string.h>

#include "store_db.h"

int
store_get_robots(struct store *s, const char *host, const char *since, int *found,
                 long *status, char **text, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	*found = 0;
	*status = 0;
	*text = NULL;
	if ((rc = db_prepare(s, "SELECT status, rules FROM robots"
	                     " WHERE host = ?1 AND fetched_at >= ?2", &st, e)))
		return rc;
	bind_text(st, 1, host);
	bind_text(st, 2, since);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*found = 1;
		*status = (long)sqlite3_column_int64(st, 0);
		*text = column_dup(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_error(s, e, "reading robots.txt");
	return 0;
}

int
store_put_robots(struct store *s, const char *host, long status, const char *text,
                 struct err *e)
{
	sqlite3_stmt *st;
	char now[21];
	int rc;

	format_utc(time(NULL), now);
	if ((rc = db_prepare(s, "INSERT INTO robots (host, status, rules, fetched_at)"
	                     " VALUES (?1, ?2, ?3, ?4) ON CONFLICT (host) DO UPDATE"
	                     " SET status = ?2, rules = ?3, fetched_at = ?4", &st, e)))
		return rc;
	bind_text(st, 1, host);
	sqlite3_bind_int64(st, 2, status);
	bind_text(st, 3, text);
	bind_text(st, 4, now);
	rc = run(s, st, e);
	sqlite3_finalize(st);
	return rc;
}
