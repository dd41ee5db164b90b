/* store_int.h: what the files of store/ share; nothing outside store/
 * includes it.  Each file calls only files of a layer below its own:
 *
 *   1. store.c: a body's transaction (store_put_body,
 *      store_put_observations) and the fetch state saved in it.
 *   2. What that transaction runs: store_merge.c (IRCC's draws),
 *      store_observe.c (articles' draws), store_notify.c (the outbox).
 *      Beside them, the rest of store.h, each on its own tables:
 *      store_archive.c, store_export.c, store_report.c, store_atom.c,
 *      store_robots.c.
 *   3. store_events.c (a transaction's events, store_events.h) and
 *      store_db.c (the connection, the schema and the SQL helpers,
 *      store_db.h): they call nothing else in store/ but the codec.
 *   4. store_codec.c (a body's bytes encoded with zstd and decoded,
 *      store_codec.h): no SQL; it calls nothing in store/.  The archive
 *      and the migration that compressed it (store_db.c) use it.
 *
 * Each file keeps the SQL it runs beside the code that runs it.  This
 * header declares layer 2's functions for store.c. */
#ifndef EEDRAWS_STORE_INT_H
#define EEDRAWS_STORE_INT_H

#include "store_db.h"
#include "store_events.h"

/* store_merge.c: merges one draw of IRCC's, from either language's feed;
 * adds to *ev what it did. */
int merge_draw(struct store *s, const struct draw *d, const char *source,
               const struct body *b, const char *fetched, const char *now,
               struct event_list *ev, struct err *e);

/* store_observe.c: matches one draw of an article; adds to *ev what it
 * did. */
int observe_draw(struct store *s, const struct draw *d, const char *source,
                 const struct body *b, const char *fetched, const char *now,
                 struct event_list *ev, struct err *e);
/* Once IRCC's draws are merged, judges again on IRCC's record what
 * articles said: unconfirmed draws that are a draw of IRCC's become that
 * draw; unmatched observations that name one now are its observations;
 * unconfirmed draws IRCC's record has moved a week past are retracted. */
int judge_articles(struct store *s, const char *now, struct event_list *ev, struct err *e);

/* Settles the unconfirmed draw id as dismissed by a person; adds to *ev
 * its STORE_RETRACTED event, or fails with EX_DATAERR naming it. */
int dismiss_unconfirmed(struct store *s, long long id, const char *now,
                        struct event_list *ev, struct err *e);

/* store_notify.c: whether the database holds no draw yet (the first load
 * of history is not news), and the notifications of a transaction's
 * events, queued in it, in the order they are announced (oldest first;
 * ev is put in that order). */
int outbox_first_load(struct store *s, int *first, struct err *e);
int outbox_queue(struct store *s, struct event_list *ev, const char *source,
                 const struct body *b, const char *now, struct err *e);

#endif
