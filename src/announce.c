/* announce.c: the cron job's mail: each event a body caused, one line on
 * stdout; but a conflict is no news (eedraws conflicts lists them,
 * eedraws status counts them). */
#include <stdio.h>

#include "app.h"

static void
print_values(const struct draw *d)
{
	if (d->category)
		printf(" %s", d->category);
	if (d->invitations >= 0)
		printf(", %ld invitations", d->invitations);
	if (d->crs_cutoff >= 0)
		printf(", CRS %ld", d->crs_cutoff);
}

/* An unconfirmed draw: its date, the number an article stated, its values. */
static void
print_stated(const char *date, const struct draw *d)
{
	fputs(date, stdout);
	if (d->number)
		printf(" #%s", d->number);
	print_values(d);
}

/* Prints fields as "name 'old' -> 'new'", or for an article's values
 * against IRCC's as "name: IRCC 'old', article 'new'". */
static void
print_fields(const struct store_event *ev, int against)
{
	const char *o, *n;
	size_t i;

	for (i = 0; i < ev->nfields; i++) {
		o = ev->fields[i].old_value ? ev->fields[i].old_value : "";
		n = ev->fields[i].new_value ? ev->fields[i].new_value : "";
		if (against)
			printf("%s %s: IRCC '%s', article '%s'", i ? ";" : "",
			       ev->fields[i].field, o, n);
		else
			printf("%s %s '%s' -> '%s'", i ? "," : "", ev->fields[i].field, o, n);
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
		printf("new draw #%s %s", ev->number, date);
		print_values(d);
		break;
	case STORE_CHANGED:
		printf("changed draw #%s %s:", ev->number, date);
		print_fields(ev, 0);
		break;
	case STORE_UNCONFIRMED:
		fputs("unconfirmed draw ", stdout);
		print_stated(date, d);
		printf(" (u%lld, from %s)", ev->unconfirmed_id, ev->url);
		break;
	case STORE_CONFLICT:
		return;		/* no news */
	case STORE_CONFIRMED:
		printf("confirmed draw #%s %s, reported before IRCC", ev->number, date);
		if (ev->nfields)
			putchar(':');
		print_fields(ev, 1);
		break;
	case STORE_RETRACTED:
		fputs("retracted unconfirmed draw ", stdout);
		print_stated(date, d);
		printf(" (u%lld): %s", ev->unconfirmed_id, ev->reason);
		break;
	}
	putchar('\n');
}
