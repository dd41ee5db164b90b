/* report.h: the draws as one self-contained HTML page with charts.
 *
 * The page has no external resource and no script: inline CSS and SVG
 * only, so it opens from disk, in a mail attachment or behind any web
 * server.  It is XHTML-compatible HTML5 (lower-case, closed and quoted),
 * so an XML parser reads it too.  Every text from the database is escaped.
 *
 * The module only formats: the store fills a struct report_data
 * (store_report_read), the caller adds the sources' freshness and the
 * time, and report_write() prints the page to a FILE it does not own. */
#ifndef EEDRAWS_REPORT_H
#define EEDRAWS_REPORT_H

#include <stdio.h>
#include <time.h>

/* One draw: IRCC's, or an unconfirmed one only articles state. */
struct report_draw {
	char *number;		/* NULL when an unconfirmed draw states none */
	char date[11];		/* YYYY-MM-DD, "" when unknown */
	char *category;
	char *name;		/* IRCC's name (English, else French); NULL */
	long invitations;	/* -1 when unknown */
	long crs_cutoff;	/* -1 when unknown */
	char *tie_break;	/* YYYY-MM-DDTHH:MM:SSZ or NULL */
	int confirmed;		/* 0: only articles state it */
	char *conflicts;	/* what articles dispute ("crs_cutoff: IRCC
				 * 521, an article 522"), NULL when nothing */
	/* The previous IRCC draw of the same category (IRCC's draws only,
	 * whatever --since keeps): its CRS cutoff, -1 when none, and date. */
	long prev_crs;
	char prev_date[11];
};

/* One band of a pool distribution, as the pool table has it. */
struct report_band {
	char key[8];		/* dd1 .. dd18 */
	int crs_min, crs_max;
	long candidates;
};

/* A source's freshness, as "eedraws status" shows it. */
struct report_source {
	char *name;
	char *state;		/* ok, failing, STALE, disabled */
	char *last_success;	/* NULL: never */
	long failures;
	char *last_error;	/* NULL: none */
};

/* A pool distribution: the one stated with draw number (NULL when
 * none), as of a date. */
struct report_pool {
	char *number;
	char date[11], as_of[11];	/* the draw's; the distribution's, or "" */
	struct report_band *bands;
	size_t nbands;
};

/* The pool snapshots the page compares: the latest, the one before it,
 * and the latest a year or more before the latest. */
enum { POOL_LATEST, POOL_PREVIOUS, POOL_YEAR_AGO, POOL_SNAPSHOTS };

struct report_data {
	char since[11];		/* YYYY-MM-DD: only draws on or after; "" all */
	time_t generated;
	struct report_draw *draws;	/* by date, then number; oldest first */
	size_t ndraws;
	struct report_pool pool[POOL_SNAPSHOTS];
	/* IRCC's invitations this year up to its latest draw (ytd_date), and
	 * in the same days of the year before; -1 when no draw. */
	char ytd_date[11];
	long ytd, ytd_last;
	struct report_source *sources;
	size_t nsources;
	/* The sources' states in one word, for update to tell whether the
	 * page it keeps still says what status says ("" leaves it out). */
	char health[17];
};

/* Frees what r holds and zeroes it. */
void report_data_release(struct report_data *r);
struct report_draw *report_add_draw(struct report_data *r);	/* zeroed, -1 counts */
struct report_source *report_add_source(struct report_data *r);

/* Writes the page; write errors show in ferror(f). */
void report_write(FILE *f, const struct report_data *r);

/* The charts' geometry, in SVG user units: every chart is
 * REPORT_WIDTH wide; the time charts REPORT_HEIGHT high, their plot area
 * REPORT_LEFT..REPORT_RIGHT by REPORT_TOP..REPORT_BOTTOM. */
#define REPORT_WIDTH 960
#define REPORT_HEIGHT 400
#define REPORT_LEFT 64
#define REPORT_RIGHT 944
#define REPORT_TOP 20
#define REPORT_BOTTOM 360

/* A time chart's scales: days since 1970-01-01 across, a value (CRS,
 * invitations) up. */
struct report_scale {
	long day0, day1;	/* the first of the first draw's month, and of
				 * the month after the last draw's */
	double v0, v1;		/* a round range holding every value */
	double step;		/* between two gridlines: 1, 2 or 5 x 10^k */
};

/* The scales for draws from first_day to last_day (days) with values
 * from vmin to vmax; zero_based makes v0 0. */
void report_scale_init(struct report_scale *s, long first_day, long last_day, double vmin,
                       double vmax, int zero_based);
double report_x(const struct report_scale *s, long day);
double report_y(const struct report_scale *s, double v);

/* Days since 1970-01-01 of "YYYY-MM-DD...", or -1 when it is no date. */
long report_day(const char *date);

#endif
