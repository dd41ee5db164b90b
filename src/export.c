/* export.c: CSV per RFC 4180 (CRLF, quotes doubled) and JSON via jansson. */
#include "export.h"

#include <errno.h>
#include <jansson.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

/* A text cell a spreadsheet would take for a formula (=, +, -, @, or a
 * tab or CR before one) gets a leading apostrophe, which spreadsheets
 * show as text and hide; numbers are written as they are. */
static int
looks_like_formula(const char *s, char type)
{
	return (type == 't' || type == 'f') && strchr("=+-@\t\r", *s) && *s;
}

/* tty: f is a terminal, where a cell's control characters are escaped
 * (ctl_escape) rather than worked: CSV read by a program keeps them. */
static void
csv_cell(FILE *f, const char *s, char type, int tty)
{
	int quote;

	if (!s)
		return;
	if (tty)
		s = ctl_escape(s);
	quote = strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		putc('"', f);
	if (looks_like_formula(s, type))
		putc('\'', f);
	if (!quote) {
		fputs(s, f);
		return;
	}
	for (; *s; s++) {
		if (*s == '"')
			putc('"', f);
		putc(*s, f);
	}
	putc('"', f);
}

/* types NULL: all text that is never a formula (the header). */
static void
csv_line(FILE *f, const char *const *cells, const char *types, int n, int tty)
{
	int i;

	for (i = 0; i < n; i++) {
		if (i)
			putc(',', f);
		csv_cell(f, cells[i], types ? types[i] : 'h', tty);
	}
	fputs("\r\n", f);
}

void
export_begin(struct exporter *x, FILE *f, enum export_format format,
             const char *const *columns, const char *types, int ncolumns)
{
	x->f = f;
	x->format = format;
	x->columns = columns;
	x->types = types;
	x->ncolumns = ncolumns;
	x->rows = 0;
	x->tty = isatty(fileno(f));
	if (format == EXPORT_CSV)
		csv_line(f, columns, NULL, ncolumns, 0);
	else
		fputs("[", f);
}

/* jansson refuses a string that is not UTF-8 (json_string() gives NULL,
 * and the key would be dropped): such bytes are written as U+FFFD. */
static json_t *
json_text(const char *s)
{
	char *fixed = utf8_repair(s);
	json_t *v = json_string(fixed ? fixed : s);

	free(fixed);
	return v ? v : json_null();
}

static json_t *
json_cell(const char *s, char type)
{
	char *end;
	long long v;

	if (!s)
		return json_null();
	if (type == 'b')
		return json_boolean(strcmp(s, "0") != 0);
	if (type == 'i') {
		errno = 0;
		v = strtoll(s, &end, 10);
		if (!errno && end != s && !*end)
			return json_integer(v);
	}
	return json_text(s);
}

/* The JSON type of cell i: for an 'f' column (a conflict's values), the
 * type of the draw field the row's "field" column names, so that
 * invitations are numbers and a draw number ("91a") stays text. */
static char
cell_type(const struct exporter *x, const char *const *cells, int ncells, int i)
{
	int j;

	if (x->types[i] != 'f')
		return x->types[i];
	for (j = 0; j < ncells && j < x->ncolumns; j++)
		if (strcmp(x->columns[j], "field") == 0)
			return draw_field_is_count(cells[j]) ? 'i' : 't';
	return 't';
}

int
export_row(void *ctx, const char *const *cells, int ncells)
{
	struct exporter *x = ctx;
	json_t *o;
	int i;

	if (x->format == EXPORT_CSV) {
		csv_line(x->f, cells, x->types, ncells < x->ncolumns ? ncells : x->ncolumns,
		         x->tty);
	} else {
		o = json_object();
		for (i = 0; i < ncells && i < x->ncolumns; i++)
			json_object_set_new(o, x->columns[i], json_cell(cells[i],
			                    cell_type(x, cells, ncells, i)));
		fputs(x->rows ? ",\n" : "\n", x->f);
		json_dumpf(o, x->f, JSON_COMPACT | JSON_PRESERVE_ORDER);
		json_decref(o);
	}
	x->rows++;
	return 0;
}

int
export_end(struct exporter *x, const char *what, struct err *e)
{
	if (x->format == EXPORT_JSON)
		fputs(x->rows ? "\n]\n" : "]\n", x->f);
	if (fflush(x->f) != 0 || ferror(x->f))
		return err_set(e, EX_IOERR, "cannot write %s: %s", what,
		               errno ? strerror(errno) : "write error");
	return 0;
}

void
export_draw_cells(const struct draw *d, const char *cells[EXPORT_DRAW_COLUMNS],
                  char nums[2][24])
{
	cells[0] = d->number;
	cells[1] = d->date[0] ? d->date : NULL;
	cells[2] = d->category;
	cells[3] = d->version;
	cells[4] = d->name;
	cells[5] = d->invitations >= 0 ? (snprintf(nums[0], 24, "%ld", d->invitations), nums[0]) : NULL;
	cells[6] = d->crs_cutoff >= 0 ? (snprintf(nums[1], 24, "%ld", d->crs_cutoff), nums[1]) : NULL;
	cells[7] = d->draw_time[0] ? d->draw_time : NULL;
	cells[8] = d->tie_break[0] ? d->tie_break : NULL;
	cells[9] = d->programs;
}
