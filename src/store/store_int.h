/* store_int.h: what store.c and observe.c share; no other module includes
 * it.  store.c owns the connection, the schema and IRCC's draws;
 * observe.c what articles say about them. */
#ifndef EEDRAWS_STORE_INT_H
#define EEDRAWS_STORE_INT_H

#include "store_db.h"
#include "store_events.h"

/* store_merge.c: merges one draw of IRCC's, from either language's feed;
 * adds to *ev what it did. */
int merge_draw(struct store *s, const struct draw *d, const char *source,
               const struct body *b, const char *fetched, const char *now,
               struct event_list *ev, struct err *e);

/* store_observe.c */
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
