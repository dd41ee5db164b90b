/* store.h: the SQLite database of draws, their revisions and fetch state,
 * and what news articles said about them.
 *
 * The schema is a contract for downstream tools; README.md documents every
 * table and column.  Each body is merged in one transaction: all of it or
 * nothing.  A draw is IRCC's: identified by its number, never deleted, and
 * written only from IRCC's feed.  What an article states is an observation
 * of a draw; one that matches no draw of IRCC's is an unconfirmed draw
 * until IRCC's feed brings it. */
#ifndef EEDRAWS_STORE_H
#define EEDRAWS_STORE_H

#include <time.h>

#include "body.h"
#include "draw.h"
#include "util.h"

#define STORE_SCHEMA_VERSION 7

/* IRCC's feed may bring a draw late, but not this many days after a
 * later one: then an unconfirmed draw it has not brought is retracted. */
#define STORE_RETRACT_DAYS 7

struct store;

/* Opens (creating if needed, and migrating forward) the database at path.
 * Errors: EX_CANTCREAT when it cannot be opened or created, EX_DATAERR when
 * the file is not an eedraws database or is newer than this eedraws,
 * EX_TEMPFAIL when another process holds it too long. */
int store_open(struct store **s, const char *path, struct err *e);
void store_close(struct store *s);

/* What merging did, for the caller to announce. */
enum store_change {
	STORE_NEW,		/* IRCC's feed brought a new draw */
	STORE_CHANGED,		/* ... changed a draw: fields old -> new */
	STORE_UNCONFIRMED,	/* an article stated a draw IRCC has not (yet) */
	STORE_CONFLICT,		/* an article disagrees with IRCC's draw: fields
				 * IRCC's value -> the article's */
	STORE_CONFIRMED,	/* IRCC's draw is an earlier unconfirmed one: fields
				 * where the articles disagreed, as for a conflict */
	STORE_RETRACTED,	/* an unconfirmed draw is no draw: IRCC's record
				 * moved a week past it without it, or a person
				 * dismissed it; reason says which */
};
struct store_field_change {
	const char *field;
	const char *old_value;	/* NULL for none */
	const char *new_value;
};
struct store_event {
	enum store_change what;
	const struct draw *draw;	/* as the body stated it; NULL when the
					 * event is about a draw not in the body */
	const char *number;		/* IRCC's draw; NULL for STORE_UNCONFIRMED */
	const char *date;		/* the draw's date */
	const struct store_field_change *fields;
	size_t nfields;
	const char *url;		/* the URL of the body whose transaction
					 * made the event (for STORE_CONFIRMED,
					 * IRCC's); NULL when it has none */
	long long unconfirmed_id;	/* STORE_UNCONFIRMED, STORE_RETRACTED:
					 * the unconfirmed draw's id (list's
					 * u12); else 0 */
	const char *reason;		/* STORE_RETRACTED: why; else NULL */
};
/* Called once per event of a body, after its commit; ev and all it points
 * to are valid during the call only. */
typedef void store_event_fn(void *ctx, const struct store_event *ev);

/* Fetch bookkeeping for one source, kept under the URL it is configured
 * with, wherever redirects lead (the body it brought keeps its own URL,
 * the last one). */
struct fetch_state {
	char *url;		/* the configured URL, for store_put_body() and
				 * store_put_observations(); NULL: the body's */
	char *etag;
	char *last_modified;
	char *body_hash;
	long last_status;
	char *last_attempt;	/* YYYY-MM-DDTHH:MM:SSZ */
	char *last_success;
	char *last_error;
	long failures;		/* in a row; 0 after a success */
	char *next_attempt;	/* not before this (backoff); NULL: any time */
};
void fetch_state_release(struct fetch_state *fs);

/* Merges the draws of one body of IRCC's feed in one transaction: new
 * draws are inserted, changed fields updated with a revision each (when,
 * source, url), and when st is not NULL the fetch state of b->url is saved
 * with them.  Unconfirmed draws that now match a draw of IRCC's become
 * that draw, their observations kept; unmatched observations that name
 * one now are its observations; an unconfirmed draw IRCC's record holds
 * draws a week or more after (STORE_RETRACT_DAYS) is retracted.  fn (may
 * be NULL) is called once
 * per event, in date order, after the commit. */
int store_put_body(struct store *s, const char *source, const struct body *b,
                   const struct draw_list *draws, const struct fetch_state *st,
                   store_event_fn *fn, void *ctx, struct err *e);

/* Merges the draws of one article as observations, in one transaction:
 * each is matched to the draw of IRCC's it names (by the number it
 * states and one more value; by date and category, IRCC's only draw of
 * them that day; or by its values, all IRCC's, the date equal or a day
 * off), else to an unconfirmed draw the same way, else it makes a new
 * one.  Only a draw named by number or by date and category can be in
 * conflict.  A draw of IRCC's is never written.  An observation already
 * stored (same URL and values) is not stored again. */
int store_put_observations(struct store *s, const char *source, const struct body *b,
                           const struct draw_list *draws, const struct fetch_state *st,
                           store_event_fn *fn, void *ctx, struct err *e);

/* IRCC's rounds that state both values, as draws with a number, a
 * date, a count and a cut-off only: what an article's date without a
 * year, or a draw it numbers and cannot date, may be matched with
 * (parse_opts.known). */
int store_known_rounds(struct store *s, struct draw_list *out, struct err *e);

/* A person retracts the unconfirmed draw id by hand (eedraws dismiss), in
 * one transaction: its state becomes dismissed, a notification is queued
 * as for a retraction, and fn (may be NULL) is called with its
 * STORE_RETRACTED event after the commit.  EX_DATAERR, naming it and
 * changing nothing, when id is no draw still unconfirmed (unknown,
 * confirmed, retracted or dismissed already). */
int store_dismiss(struct store *s, long long id, store_event_fn *fn, void *ctx,
                  struct err *e);

/* Links found in news feeds: each is fetched until it succeeds once, at
 * most STORE_LINK_ATTEMPTS times, and never again after. */
#define STORE_LINK_ATTEMPTS 3
/* 1 when url is still to be fetched (new, or failed fewer times than
 * allowed), 0 when not, or an error code (negated). */
int store_link_wanted(struct store *s, const char *url, struct err *e);
/* Records an attempt at url: error NULL for a success. */
int store_link_attempted(struct store *s, const char *source, const char *url,
                         const char *title, const char *error, struct err *e);
/* How many times url was attempted (0: never), or an error code
 * (negated). */
long store_link_attempts(struct store *s, const char *url, struct err *e);
/* A link whose last attempt failed: given up once its attempts reach
 * STORE_LINK_ATTEMPTS.  Its strings are valid during the call to fn. */
struct store_link {
	const char *url, *source, *last_error;
	long attempts;
};
/* Calls fn for each such link first seen at or after since (UTC text),
 * the oldest first; a non-zero return from fn stops the walk and is
 * returned. */
int store_failing_links(struct store *s, const char *since,
                        int (*fn)(void *, const struct store_link *), void *ctx,
                        struct err *e);

/* Loads the fetch state of url into *fs (all NULL/0 when never fetched). */
int store_get_fetch_state(struct store *s, const char *url, struct fetch_state *fs,
                          struct err *e);
/* Saves it alone: for a fetch that brought nothing to merge. */
int store_put_fetch_state(struct store *s, const char *source, const char *url,
                          const struct fetch_state *fs, struct err *e);

/* The archive: every distinct body (URL and bytes) kept as served, with
 * the kind it was parsed as and the publication date assumed for it (NULL
 * for none).  A body served again only has its last fetch time moved.
 * Bodies are kept compressed with zstd, a new one as a patch against the
 * latest of the same source and kind (README.md, "bodies"); whatever
 * reads one gets its bytes exactly as served, checked against its hash. */
int store_archive(struct store *s, const char *source, const struct body *b,
                  const char *kind, const char *assumed_date, struct err *e);
/* How many bodies of each news feed (kind "feed") the archive keeps, the
 * latest fetched; an older one goes in the transaction that archives a
 * new one.  0 (the default) keeps every body; IRCC's and articles' are
 * always all kept. */
void store_set_archive_keep(struct store *s, long keep);
/* Calls fn for each archived body in the order they were first fetched;
 * stops at fn's first non-zero return and returns it.  A body that cannot
 * be read whole stops it too: EX_DATAERR, naming the body. */
typedef int store_body_fn(void *ctx, const struct body *b, const char *source,
                          const char *kind, const char *assumed_date);
int store_each_body(struct store *s, store_body_fn *fn, void *ctx, struct err *e);
/* Decodes every archived body and checks it against its hash (status
 * --verify): fn is called with each one damaged, msg naming it (id,
 * source, URL, first fetch) and what is wrong (for a patch on a damaged
 * body, that one); a non-zero return from fn stops the walk and is
 * returned.  *checked and *bad count the bodies read and the damaged. */
typedef int store_damage_fn(void *ctx, long id, const char *msg);
int store_verify_bodies(struct store *s, store_damage_fn *fn, void *ctx, long *checked,
                        long *bad, struct err *e);

/* reparse: begin deletes every record derived from bodies (draws, pool,
 * revisions, observations, unconfirmed draws but those a person
 * dismissed) in one transaction; the caller then puts the archived bodies
 * again, each dated when it was fetched; end commits when keep is set and
 * no draw that was there is lost (*lost counts them; force commits
 * anyway), else rolls all back.  A dismissed draw no record states any
 * more goes. */
int store_rebuild_begin(struct store *s, struct err *e);
int store_rebuild_end(struct store *s, int keep, int force, long *lost, struct err *e);

/* A drop in the round count of an IRCC feed that lasted: from rounds
 * to rounds, first seen at since (UTC text). */
struct store_drop {
	long from, to;
	char since[21];
};
/* Saves the shape of source's latest IRCC feed body, fetched at time at
 * (see parse.h: its records' keys and round count), and hands back the
 * keys saved before (*old_keys NULL when none; caller frees).  A body
 * with fewer rounds than before starts a drop; one with as many ends it
 * unsaid (a CDN flapping).  Returns 1 and fills *drop when a drop has
 * lasted grace seconds by at, then forgotten; 0 when none is due; or an
 * error code (negated). */
int store_swap_shape(struct store *s, const char *source, const char *keys, long rounds,
                     time_t at, long grace, char **old_keys, struct store_drop *drop,
                     struct err *e);
/* The same for a run that brought no new body from source: 1 and *drop
 * when its drop has lasted grace seconds by at, then forgotten. */
int store_shape_due(struct store *s, const char *source, time_t at, long grace,
                    struct store_drop *drop, struct err *e);

/* Rows in a table (draws, unconfirmed, observations, revisions, bodies,
 * notifications, conflicts; for unconfirmed, the draws still
 * unconfirmed), or -1 on error. */
long store_count(struct store *s, const char *table, struct err *e);

/* Notifications (notify = COMMAND in the config).  While on, a body that
 * makes a draw new, changes one, states an unconfirmed one or retracts
 * one queues a notification in the same transaction, unless the database
 * held no draw before it (the first load of history is not news); at
 * most 50 for one body. */
void store_set_notify(struct store *s, int on);
struct store_notification {
	long id;
	char *event;		/* new, changed, unconfirmed, retracted */
	char *number, *date;
	char *env;		/* JSON object: EEDRAWS_* variable -> value */
	long attempts;		/* this one included */
	/* store_notifications_each() only; env NULL there */
	char *created_at, *last_error;
	char *parked_at;	/* NULL unless parked */
};
/* Claims the oldest notification not delivered, not parked and not being
 * delivered (claimed less than lease seconds ago and not failed): 1 and
 * *n filled, 0 when none, or an error code (negated). */
int store_next_notification(struct store *s, long lease, struct store_notification *n,
                            struct err *e);
/* Marks a claimed notification delivered (error NULL) or failed. */
int store_notification_done(struct store *s, long id, const char *error, struct err *e);
/* Marks a claimed notification failed and parked: it is not claimed
 * again until store_notification_retry(). */
int store_notification_park(struct store *s, long id, const char *error, struct err *e);
void store_notification_release(struct store_notification *n);
/* Calls fn for each notification not delivered, oldest first; a non-zero
 * return from fn stops the walk and is returned. */
int store_notifications_each(struct store *s, int (*fn)(void *, const struct store_notification *),
                             void *ctx, struct err *e);
/* Notification id, waiting or parked, made waiting again with its
 * attempts counted from 0 (retry), or deleted (drop); id 0: every parked
 * one.  *n says how many; an id not waiting is EX_DATAERR. */
int store_notification_retry(struct store *s, long id, long *n, struct err *e);
int store_notification_drop(struct store *s, long id, long *n, struct err *e);
/* Notifications not delivered yet and not parked, how many of those
 * failed last time, how many are parked, and the latest failure's
 * message (NULL if none; caller frees). */
int store_notify_backlog(struct store *s, long *waiting, long *failed, long *parked,
                         char **last_error, struct err *e);

/* Row-by-row reading, for export and list.  Tables: "draws" (IRCC's and
 * the unconfirmed, told apart by the confirmed column; with STORE_ALL also
 * the retracted and dismissed ones, told apart by the state column),
 * "revisions", "pool", "observations", "conflicts".  Columns come back as
 * text (NULL for none), in the order of store_columns(table); rows sorted
 * by date, then draw number, the oldest first unless STORE_NEWEST_FIRST. */
#define STORE_MAX_COLUMNS 16
#define STORE_NEWEST_FIRST 1
#define STORE_ALL 2
typedef int store_row_fn(void *ctx, const char *const *cells, int ncells);
const char *const *store_columns(const char *table, int *ncols, const char **types);
int store_each_row(struct store *s, const char *table, unsigned flags, long limit,
                   store_row_fn *fn, void *ctx, struct err *e);

/* The report (report.h): IRCC's draws and the unconfirmed ones on or
 * after since (YYYY-MM-DD; NULL for all), oldest first, each with what
 * articles dispute of it, and the pool distribution of the latest of them
 * that has one; added to *r, read in one snapshot. */
struct report_data;
int store_report_read(struct store *s, const char *since, struct report_data *r,
                      struct err *e);
/* Rows of draws, pool, revisions, observations and unconfirmed draws this
 * handle wrote in committed bodies since it opened (not fetch state, the
 * archive or notifications): 0 when a run changed no record. */
long store_data_changes(const struct store *s);

/* A change detector for bodies without validators: 64-bit FNV-1a and the
 * length, as text; not a security measure. */
void body_hash(const char *data, size_t len, char out[40]);

/* The Atom feed (atom.h): the latest limit draws, IRCC's and the
 * unconfirmed ones, newest first, added to *a. */
struct atom_data;
int store_atom_read(struct store *s, long limit, struct atom_data *a, struct err *e);

#endif
