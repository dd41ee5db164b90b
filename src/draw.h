/* draw.h: one round of invitations as a source states it, normalized.
 *
 * Parsers fill draws; the store and the exporters read them.  A draw owns
 * its strings (draw_release frees them); category points into a static
 * table and is never freed. */
#ifndef EEDRAWS_DRAW_H
#define EEDRAWS_DRAW_H

#include <stddef.h>

#define DRAW_NBANDS 18		/* IRCC's dd1..dd18 */

struct draw {
	char *number;		/* as written: "91a"; NULL when not stated */
	char date[11];		/* YYYY-MM-DD, "" when unknown */
	char *date_raw;
	char *name;		/* the type as the source wrote it (in English) */
	char *name_fr;		/* the type as IRCC's French feed wrote it */
	const char *lang;	/* IRCC's feeds: "en" or "fr", the language of
				 * name and the raw texts; NULL otherwise */
	const char *category;	/* from the category table; "other" if none fits */
	char *version;		/* "2" for "... (Version 2)"; NULL if none */
	long invitations;	/* -1 when not stated */
	long crs_cutoff;	/* -1 when not stated */
	char *invitations_raw;
	char *crs_raw;
	char *programs;		/* "fsw,cec,fst,pnp" subset, NULL if not stated */
	char *programs_raw;
	char draw_time[21];	/* YYYY-MM-DDTHH:MM:SSZ, "" when unknown */
	char *draw_time_raw;
	char tie_break[21];	/* likewise */
	char *tie_break_raw;
	char pool_as_of[11];	/* date of the pool distribution, "" if none */
	char *pool_as_of_raw;
	long pool[DRAW_NBANDS];	/* candidates per band; all -1 when no data */
	char *raw;		/* the record as the source gave it (JSON text) */
	char *evidence;		/* articles: the text span the values came from */
	unsigned lacks;		/* IRCC's record: LACKS_* keys it did not have */
	unsigned long lacks_bands;	/* ... and bit i: no key pool_bands[i] */
};

/* Keys of IRCC's record a draw may lack (struct draw's lacks): a key
 * missing from the record states nothing, unlike an empty value, so the
 * store keeps what it had.  IRCC's format drifts; a renamed key must not
 * erase 435 values. */
enum {
	LACKS_DATE = 1 << 0,		/* drawDate */
	LACKS_NAME = 1 << 1,		/* drawName: name, category, version */
	LACKS_SIZE = 1 << 2,		/* drawSize */
	LACKS_CRS = 1 << 3,		/* drawCRS */
	LACKS_TIME = 1 << 4,		/* drawDateTime */
	LACKS_CUTOFF = 1 << 5,		/* drawCutOff: the tie-break */
	LACKS_PROGRAMS = 1 << 6,	/* drawText2 */
	LACKS_POOL_AS_OF = 1 << 7,	/* drawDistributionAsOn */
};

struct draw_list {
	struct draw *v;
	size_t n, alloc;
};

/* Pool bands in IRCC's order: dd1 is 601-1200 ... dd18 is the total. */
struct pool_band {
	const char *key;	/* "dd1" */
	int crs_min, crs_max;
	const char *label;	/* "601-1200", "total" */
};
extern const struct pool_band pool_bands[DRAW_NBANDS];

void draw_init(struct draw *d);		/* all unknown */
void draw_release(struct draw *d);
struct draw *draw_list_add(struct draw_list *l);	/* a new draw_init()ed slot */
void draw_list_release(struct draw_list *l);

/* Category of a draw name ("Healthcare and social services occupations
 * (Version 2)" or "Professions dans le domaine des soins de santé et des
 * services sociaux (Version 2)" -> "healthcare"), or NULL when no entry fits.  The table in
 * draw.c is the one place categories are defined. */
const char *category_of(const char *name);
int category_valid(const char *category);
/* Row i of the category table: its phrase, and its category in
 * *category; NULL past the last row.  For readers that need to know where
 * in a text a category is named. */
const char *category_phrase(size_t i, const char **category);

/* The number after "Version" in a name, as text (caller frees), or NULL. */
char *version_of(const char *name);

/* Programs named in a text ("Federal Skilled Worker, Canadian Experience
 * Class ...", or in French) as "fsw,cec,fst,pnp" in that order (caller frees); NULL if none. */
char *programs_of(const char *text);

/* Numeric sort key of a draw number: "91" -> 9100, "91a" -> 9101; -1
 * when it is none, or above DRAW_NUMBER_MAX (IRCC held round 400 in
 * 2026: a number in the millions is a fault, not a draw). */
#define DRAW_NUMBER_MAX 999999L
long draw_number_key(const char *number);

/* "4,000", "4 000", "4\u00a0000" -> 4000; -1 if not a plain count. */
long parse_count(const char *s);

/* Whether a field of a draw (as revisions and conflicts name it) holds a
 * count: invitations, crs_cutoff; not number, a text ("91a"). */
int draw_field_is_count(const char *field);

/* A category as people call it: "transport" -> "Transport", "cec" ->
 * "Canadian Experience Class"; "Other" for one not in the table. */
const char *category_label(const char *category);

#endif
