/* atom.h: the latest draws as an Atom feed (RFC 4287), for feed readers.
 *
 * One entry per draw, newest first.  Every date in the feed comes from
 * the database, never the clock, so the same draws give the same bytes:
 * an entry is updated when the body that last changed its draw was
 * fetched, the feed when its newest entry was.  Ids are tag URIs (RFC
 * 4151) that a revision never changes: IRCC's draw 434 is
 * tag:eedraws,2015:draw/434 whatever IRCC corrects in it; an unconfirmed
 * draw is tag:eedraws,2015:unconfirmed/12 (list's u12) and, once IRCC's
 * feed brings it, leaves the feed for the entry of IRCC's draw: that the
 * draw is confirmed, with IRCC's values, is news a reader should see.
 *
 * The module only formats: the store fills a struct atom_data
 * (store_atom_read) and atom_write() prints it to a FILE it does not
 * own. */
#ifndef EEDRAWS_ATOM_H
#define EEDRAWS_ATOM_H

#include <stddef.h>
#include <stdio.h>

/* The draws a feed holds: the latest, IRCC's and the unconfirmed. */
#define ATOM_ENTRIES 50

/* The feed's id, and the prefix of its entries' ids. */
#define ATOM_ID "tag:eedraws,2015:draws"
#define ATOM_ENTRY_ID "tag:eedraws,2015:"

/* The feed's updated when it has no entry: the first day of Express
 * Entry, a fixed date rather than the clock. */
#define ATOM_EPOCH "2015-01-01T00:00:00Z"

/* IRCC's page of rounds, the feed's link; each round has its own page,
 * ATOM_ROUND_URL followed by its number, an entry's link. */
#define ATOM_IRCC "https://www.canada.ca/en/immigration-refugees-citizenship/" \
	"corporate/mandate/policies-operational-instructions-agreements/" \
	"ministerial-instructions/express-entry-rounds"
#define ATOM_ROUNDS_URL ATOM_IRCC ".html"
#define ATOM_ROUND_URL ATOM_IRCC "/invitations.html?q="

struct atom_draw {
	char *number;		/* NULL when an unconfirmed draw states none */
	long long unconfirmed_id;	/* 0 for IRCC's draws */
	char date[11];		/* YYYY-MM-DD, "" when unknown */
	char *category;
	char *name;		/* IRCC's name (English, else French); NULL */
	long invitations;	/* -1 when unknown */
	long crs_cutoff;	/* -1 when unknown */
	char *tie_break;	/* YYYY-MM-DDTHH:MM:SSZ or NULL */
	char *updated;		/* YYYY-MM-DDTHH:MM:SSZ: updated_at */
	char *url;		/* unconfirmed: the first article's; else NULL */
};

struct atom_data {
	struct atom_draw *draws;	/* newest first */
	size_t ndraws;
};

/* Frees what a holds and zeroes it. */
void atom_data_release(struct atom_data *a);
struct atom_draw *atom_add_draw(struct atom_data *a);	/* zeroed, -1 counts */

/* Writes the feed; write errors show in ferror(f). */
void atom_write(FILE *f, const struct atom_data *a);

#endif
