/* export.h: rows out as CSV (RFC 4180) or JSON.
 *
 * An exporter writes to a FILE it does not own.  export_end() reports any
 * write error, a full disk included: a short file is never a success. */
#ifndef EEDRAWS_EXPORT_H
#define EEDRAWS_EXPORT_H

#include <stdio.h>

#include "draw.h"
#include "util.h"

enum export_format { EXPORT_CSV, EXPORT_JSON };

struct exporter {
	FILE *f;
	enum export_format format;
	const char *const *columns;
	const char *types;	/* per column: 'i' integer, 'b' boolean
				 * ("0" false), 't' text, 'f' a value of
				 * the draw field the row's "field" column
				 * names: an integer for a count (for JSON) */
	int ncolumns;
	long rows;
	int tty;		/* f is a terminal: control characters escaped */
};

/* Writes the header (CSV) or the opening bracket (JSON). */
void export_begin(struct exporter *x, FILE *f, enum export_format format,
                  const char *const *columns, const char *types, int ncolumns);
/* One row; cells may be NULL (empty in CSV, null in JSON).  Returns 0; the
 * signature fits store_each_row(). */
int export_row(void *x, const char *const *cells, int ncells);
/* Closes the JSON array and flushes; EX_IOERR naming what when anything
 * failed to be written. */
int export_end(struct exporter *x, const char *what, struct err *e);

/* A draw as cells in the order of the draws table's columns
 * (store_columns("draws")): number, date, category, version, name,
 * invitations, crs_cutoff, draw_time, tie_break, programs.  nums holds the
 * formatted numbers. */
#define EXPORT_DRAW_COLUMNS 10
void export_draw_cells(const struct draw *d, const char *cells[EXPORT_DRAW_COLUMNS],
                       char nums[2][24]);

#endif
