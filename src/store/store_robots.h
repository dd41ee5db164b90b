/* store_robots.h: the robots.txt of news hosts, kept in the database
 * (table robots) so that a host's is fetched about once a day, not on
 * every run.  Apart from store.h so that its users need not see it. */
#ifndef EEDRAWS_STORE_ROBOTS_H
#define EEDRAWS_STORE_ROBOTS_H

#include "store.h"

/* The robots.txt of host ("scheme://host:port") as fetched at or after
 * since (YYYY-MM-DDTHH:MM:SSZ): *found 1, *status its HTTP status and
 * *text its body (caller frees; NULL when it had none); *found 0 when
 * there is none that recent. */
int store_get_robots(struct store *s, const char *host, const char *since, int *found,
                     long *status, char **text, struct err *e);

/* Keeps host's robots.txt as fetched now: status and text (NULL for none). */
int store_put_robots(struct store *s, const char *host, long status, const char *text,
                     struct err *e);

#endif
