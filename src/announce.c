/* announce.c: the cron job's mail: each event a body caused, one line on
 * stdout; but a conflict is no news (eedraws conflicts lists them,
 * eedraws status counts them).  What an article or a feed stated passes
 * through T(), ctl_escape(): a name cannot forge a line of the mail. */
#include <stdio.h>
#include <string.h>

#include "app.h"

#define T(s) ctl_escape(s)

static void
print_values(const struct draw *d)
{
	char num[THOUSANDS_SIZE];

	if (d->category)
		printf(" %s", T(d->category));
	if (d->invitations >= 0)
		printf(", %s invitations", thousands(d->invitations, num));
	if (d->crs_cutoff >= 0)
		printf(", CRS %s", thousands(d->crs_cutoff, num));
}

/* An unconfirmed draw: its date, the number an article stated, its values. */
static void
print_stated(const char *date, const struct draw *d)
{
	fputs(T(date), stdout);
	if (d->number)
		printf(" #%s", T(d->number));
	print_values(d);
}

/* A field that keeps a value as the source spelled it (tie_break_raw):
 * beside the value read from it, news only to whoever asks (-v). */
static int
is_raw(const char *field)
{
	size_t n = strlen(field);

	return n > 4 && strcmp(field + n - 4, "_raw") == 0;
}

/* Whether a change's raw fields are shown: with -v, or when the raw
 * spelling is all that changed (the line would say nothing else). */
static int
show_raw(const struct app *app, const struct store_event *ev)
{
	size_t i;

	if (app->verbosity == VERBOSE)
		return 1;
	for (i = 0; i < ev->nfields; i++)
		if (!is_raw(ev->fields[i].field))
			return 0;
	return 1;
}

/* Prints fields as "name 'old' -> 'new'", or for an article's values
 * against IRCC's as "name: IRCC 'old', article 'new'".  A count reads
 * as list prints it (4,300); a raw value (invitations_raw) stays as the
 * source spelled it. */
static void
print_fields(const struct store_event *ev, int against, int raw)
{
	char on[THOUSANDS_SIZE], nn[THOUSANDS_SIZE];
	const char *o, *n;
	size_t i, shown = 0;

	for (i = 0; i < ev->nfields; i++) {
		if (!raw && is_raw(ev->fields[i].field))
			continue;
		o = ev->fields[i].old_value ? ev->fields[i].old_value : "";
		n = ev->fields[i].new_value ? ev->fields[i].new_value : "";
		if (draw_field_is_count(ev->fields[i].field))
			o = thousands_text(o, on), n = thousands_text(n, nn);
		if (against)
			printf("%s %s: IRCC '%s', article '%s'", shown++ ? ";" : "",
			       T(ev->fields[i].field), T(o), T(n));
		else
			printf("%s %s '%s' -> '%s'", shown++ ? "," : "",
			       T(ev->fields[i].field), T(o), T(n));
	}
}

/* Announces what a body changed on stdout: the cron job's mail. */
void
announce(void *ctx, const struct store_event *ev)
{
	const struct app *app = ctx;
	const struct draw *d = ev->draw;
	const char *date = ev->date && *ev->date ? ev->date : "(no date)";

	if (app->verbosity == QUIET)
		return;
	switch (ev->what) {
	case STORE_NEW:
		printf("new draw #%s %s", T(ev->number), T(date));
		print_values(d);
		break;
	case STORE_CHANGED:
		printf("changed draw #%s %s:", T(ev->number), T(date));
		print_fields(ev, 0, show_raw(app, ev));
		break;
	case STORE_UNCONFIRMED:
		fputs("unconfirmed draw ", stdout);
		print_stated(date, d);
		printf(" (u%lld, from %s)", ev->unconfirmed_id, T(ev->url));
		break;
	case STORE_CONFLICT:
		return;		/* no news */
	case STORE_CONFIRMED:
		printf("confirmed draw #%s %s, reported before IRCC", T(ev->number), T(date));
		if (ev->nfields)
			putchar(':');
		print_fields(ev, 1, 1);
		break;
	case STORE_RETRACTED:
		fputs("retracted unconfirmed draw ", stdout);
		print_stated(date, d);
		printf(" (u%lld): %s", ev->unconfirmed_id, T(ev->reason));
		break;
	}
	putchar('\n');
}
