/* store.h: the SQLite database of draws, their revisions and fetch state.
 *
 * The schema is a contract for downstream tools; README.md documents every
 * table and column.  Each body is merged in one transaction: all of it or
 * nothing.  A draw is identified by its number and never deleted. */
#ifndef EEDRAWS_STORE_H
#define EEDRAWS_STORE_H

#include <time.h>

#include "body.h"
#include "draw.h"
#include "util.h"

#define STORE_SCHEMA_VERSION 1

struct store;

/* Opens (creating if needed, and migrating forward) the database at path.
 * Errors: EX_CANTCREAT when it cannot be opened or created, EX_DATAERR when
 * the file is not an eedraws database or is newer than this eedraws,
 * EX_TEMPFAIL when another process holds it too long. */
int store_open(struct store **s, const char *path, struct err *e);
void store_close(struct store *s);

/* What merging one draw did, for the caller to announce. */
enum store_change { STORE_NEW, STORE_CHANGED };
struct store_field_change {
	const char *field;
	const char *old_value;	/* NULL for none */
	const char *new_value;
};
typedef void store_report_fn(void *ctx, const struct draw *d, enum store_change what,
                             const struct store_field_change *fields, size_t nfields);

/* Fetch bookkeeping for one URL. */
struct fetch_state {
	char *etag;
	char *last_modified;
	char *body_hash;
	long last_status;
	char *last_attempt;	/* YYYY-MM-DDTHH:MM:SSZ */
	char *last_success;
	char *last_error;
};
void fetch_state_release(struct fetch_state *fs);

/* Merges the draws of one body in one transaction: new draws are inserted,
 * changed fields updated with a revision each (when, source, url), and when
 * st is not NULL the fetch state of b->url is saved with them.  report (may
 * be NULL) is called once per new or changed draw, after the commit. */
int store_put_body(struct store *s, const char *source, const struct body *b,
                   const struct draw_list *draws, const struct fetch_state *st,
                   store_report_fn *report, void *ctx, struct err *e);

/* Loads the fetch state of url into *fs (all NULL/0 when never fetched). */
int store_get_fetch_state(struct store *s, const char *url, struct fetch_state *fs,
                          struct err *e);
/* Saves it alone: for a fetch that brought nothing to merge. */
int store_put_fetch_state(struct store *s, const char *source, const char *url,
                          const struct fetch_state *fs, struct err *e);

/* Row-by-row reading, for export and list.  Tables: "draws", "revisions",
 * "pool".  Columns come back as text (NULL for none), in the order of
 * store_columns(table); rows sorted by date, then draw number. */
typedef int store_row_fn(void *ctx, const char *const *cells, int ncells);
const char *const *store_columns(const char *table, int *ncols, const char **types);
int store_each_row(struct store *s, const char *table, int newest_first, long limit,
                   store_row_fn *fn, void *ctx, struct err *e);

/* A change detector for bodies without validators: 64-bit FNV-1a and the
 * length, as text; not a security measure. */
void body_hash(const char *data, size_t len, char out[40]);

#endif
