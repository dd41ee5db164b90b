/* app.c: the global options' effects: the store opened, bodies loaded,
 * messages printed as the verbosity says. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include "app.h"
#include "parse.h"

/* A message is one line: a control character from a URL, a name or a
 * body's text in it is escaped (ctl_escape), so it can forge no line and
 * work no terminal. */
void
error(const char *fmt, ...)
{
	va_list ap;
	char *msg;

	va_start(ap, fmt);
	msg = xvasprintf(fmt, ap);
	va_end(ap);
	fprintf(stderr, "eedraws: %s\n", ctl_escape(msg));
	free(msg);
}

/* Keeps the first failure: the exit code says that something failed even
 * when later sources succeed. */
void
keep_first(int *status, int rc)
{
	if (!*status)
		*status = rc;
}

/* Makes the database's directory when it is the default one: a user's
 * explicit path is taken as given. */
static void
make_default_dir(const char *db)
{
	char *def = config_default_database();

	if (strcmp(def, db) == 0)
		make_parents(def);	/* a failure shows when the store opens */
	free(def);
}

static int
open_store(struct app *app)
{
	const char *db = app->database ? app->database : app->config.database;
	struct err e = {0};
	int rc;

	make_default_dir(db);
	rc = store_open(&app->store, db, &e);
	if (rc)
		error("%s", e.msg);
	return rc;
}

int
app_setup(struct app *app)
{
	int rc;

	if (!(app->needs & APP_STORE))
		return 0;
	if ((rc = open_store(app)))
		return rc;
	store_set_notify(app->store, (app->needs & APP_NOTIFY) && app->config.notify != NULL);
	store_set_archive_keep(app->store, app->config.archive_keep);
	return 0;
}

void
print_warnings(const struct app *app, const char *source, struct strlist *w)
{
	size_t i;

	if (app->verbosity > QUIET)
		for (i = 0; i < w->n; i++)
			error("%s: warning: %s", source, w->v[i]);
	strlist_release(w);
}

void
set_fetch_opts(const struct app *app, struct fetch_opts *o)
{
	fetch_opts_init(o);
	o->user_agent = app->config.user_agent;
	o->connect_timeout = app->config.connect_timeout;
	o->timeout = app->config.timeout;
	o->max_size = (size_t)app->config.max_size;
	o->delay_ms = app->config.delay_ms;
	o->verbose = app->verbosity == VERBOSE;
}

static int
is_url(const char *s)
{
	return strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0;
}

/* Reads a FILE, URL or "-" into *b, each bounded by max_size. */
int
load_body(const struct app *app, const char *arg, struct body *b, struct err *e)
{
	struct fetch_opts o;
	int rc;

	memset(b, 0, sizeof(*b));
	if (is_url(arg)) {
		set_fetch_opts(app, &o);
		return fetch_url(arg, &o, b, e);
	}
	if ((rc = read_file_max(arg, (size_t)app->config.max_size, &b->data, &b->len, e)))
		return rc;
	b->url = xstrdup(strcmp(arg, "-") ? arg : "(stdin)");
	b->fetched_at = time(NULL);
	return 0;
}

/* The kind of a body: kind as named, else as sniffed ("auto"). */
const char *
body_kind(const struct body *b, const char *kind, struct err *e)
{
	if (strcmp(kind, "auto") != 0)
		return kind;
	if (!(kind = parse_sniff(b)))
		err_set(e, EX_DATAERR, "%s: empty: no draws, no articles", b->url);
	return kind;
}
