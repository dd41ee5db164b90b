/* store_events.c: the events of one body's transaction.  See
 * store_events.h. */
#include "store_events.h"

#include <stdlib.h>
#include <string.h>

struct event *
event_add(struct event_list *l, enum store_change what, const struct draw *d,
          const char *number, const char *date)
{
	struct event *ev;

	if (l->n == l->alloc) {
		l->alloc = l->alloc ? 2 * l->alloc : 8;
		l->v = xrealloc(l->v, l->alloc * sizeof(*l->v));
	}
	ev = &l->v[l->n++];
	memset(ev, 0, sizeof(*ev));
	ev->seq = l->n - 1;	/* qsort is not stable: ties keep this order */
	ev->pub.what = what;
	ev->pub.draw = d;
	ev->number = xstrdup(number);
	ev->date = xstrdup(date);
	return ev;
}

void
event_field(struct event *ev, const char *field, const char *old_value,
            const char *new_value)
{
	ev->fields = xrealloc(ev->fields, (ev->nfields + 1) * sizeof(*ev->fields));
	ev->fields[ev->nfields++] = (struct store_field_change){ field, xstrdup(old_value),
	                                                         xstrdup(new_value) };
}

struct event *
event_add_copy(struct event_list *l, enum store_change what, const struct draw *d,
               const char *reason)
{
	struct event *ev = event_add(l, what, NULL, NULL, d->date);

	ev->own = xmalloc(sizeof(*ev->own));
	draw_init(ev->own);
	ev->own->number = xstrdup(d->number);
	memcpy(ev->own->date, d->date, sizeof(d->date));
	ev->own->category = ev->category = xstrdup(d->category);
	ev->own->invitations = d->invitations;
	ev->own->crs_cutoff = d->crs_cutoff;
	ev->pub.draw = ev->own;
	ev->pub.reason = ev->reason = xstrdup(reason);
	return ev;
}

void
events_release(struct event_list *l)
{
	size_t i, j;

	for (i = 0; i < l->n; i++) {
		if (l->v[i].own)
			draw_release(l->v[i].own);
		free(l->v[i].own);
		free(l->v[i].category);
		free(l->v[i].reason);
		for (j = 0; j < l->v[i].nfields; j++) {
			free((char *)l->v[i].fields[j].old_value);
			free((char *)l->v[i].fields[j].new_value);
		}
		free(l->v[i].fields);
		free(l->v[i].number);
		free(l->v[i].date);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/* Announcements come in order of date, then draw number, then as they
 * happened, whatever the order of the body. */
static int
event_cmp(const void *a, const void *b)
{
	const struct event *x = a, *y = b;
	int c = strcmp(x->date ? x->date : "", y->date ? y->date : "");
	long kx = draw_number_key(x->number), ky = draw_number_key(y->number);

	if (c)
		return c;
	if (kx != ky)
		return (kx > ky) - (kx < ky);
	return (x->seq > y->seq) - (x->seq < y->seq);
}

void
events_order(struct event_list *l)
{
	if (l->n > 1)
		qsort(l->v, l->n, sizeof(*l->v), event_cmp);
}

void
events_announce(struct event_list *l, const char *url, store_event_fn *fn, void *ctx)
{
	size_t i;

	events_order(l);
	for (i = 0; i < l->n; i++) {
		l->v[i].pub.url = url;
		l->v[i].pub.number = l->v[i].number;
		l->v[i].pub.date = l->v[i].date;
		l->v[i].pub.fields = l->v[i].fields;
		l->v[i].pub.nfields = l->v[i].nfields;
	}
	for (i = 0; fn && i < l->n; i++)
		fn(ctx, &l->v[i].pub);
}
