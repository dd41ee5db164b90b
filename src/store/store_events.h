/* store_events.h: the events of one body's transaction, gathered while
 * it runs and announced once it has committed.  It calls nothing else in
 * store/. */
#ifndef EEDRAWS_STORE_EVENTS_H
#define EEDRAWS_STORE_EVENTS_H

#include "store.h"

/* An event of a transaction, announced once it has committed. */
struct event {
	struct store_event pub;
	char *number, *date;		/* pub's, owned */
	struct store_field_change *fields;	/* owned strings */
	size_t nfields;
	struct draw *own;		/* pub.draw when no body states it */
	char *category, *reason;	/* own's category, pub's reason: owned */
	size_t seq;			/* order of happening */
};
struct event_list {
	struct event *v;
	size_t n, alloc;
};
struct event *event_add(struct event_list *l, enum store_change what,
                        const struct draw *d, const char *number, const char *date);
void event_field(struct event *ev, const char *field, const char *old_value,
                 const char *new_value);
/* An event about a draw no body states (an unconfirmed one): d's number,
 * date, category, invitations and CRS are copied, and reason. */
struct event *event_add_copy(struct event_list *l, enum store_change what,
                             const struct draw *d, const char *reason);
/* Puts the events in the order they are announced (below): the
 * notifications are queued in it too. */
void events_order(struct event_list *l);
/* Calls fn (may be NULL) with each event, in order of date, then draw
 * number, then as they happened, whatever the order of the body; url is
 * the body's (NULL for none), for every event. */
void events_announce(struct event_list *l, const char *url, store_event_fn *fn, void *ctx);
void events_release(struct event_list *l);

#endif
