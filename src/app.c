/* app.c: the global options' effects: the store opened, bodies loaded,
 * messages printed as the verbosity says. */
#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

/* An error about the database path the user named: a usage error for
 * -d, a configuration error for the config's database key. */
static int
path_error(const struct app *app, struct err *e, const char *what, const char *db)
{
	if (app->database)
		return err_set(e, EX_USAGE, "-d '%s': %s", db, what);
	return err_set(e, EX_CONFIG, "%s: database '%s': %s",
	               app->config.path ? app->config.path : "config", db, what);
}

/* The default path, made of HOME when XDG_DATA_HOME is not absolute: with
 * neither set it would be relative, a database under whatever directory
 * cron started in. */
static int
default_unusable(void)
{
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");

	return !(xdg && *xdg == '/') && !(home && *home);
}

/* What is wrong with the database path db before SQLite sees it, which
 * would say only "unable to open database file" (or, for "", make a
 * throwaway database and lose the run); a missing directory is made
 * only for the default path, and only update and ingest make a
 * database. */
static int
check_database(const struct app *app, const char *db, struct err *e)
{
	char *def = config_default_database(), *dir;
	int is_default = strcmp(def, db) == 0, rc = 0;
	struct stat st;

	free(def);
	if (!*db)
		return path_error(app, e, "no file named; give the database's path", db);
	if (*db == '~')
		return path_error(app, e, "'~' is not expanded here (only a shell does so, "
		                  "before an unquoted word); write the full path", db);
	if (is_default && !app->database && default_unusable())
		return err_set(e, EX_CONFIG, "HOME and XDG_DATA_HOME are unset, so there is "
		               "no default database; pass -d FILE or set database in the config");
	if (stat(db, &st) == 0)
		return S_ISDIR(st.st_mode) ? path_error(app, e, "is a directory; name a file",
		                                        db) : 0;
	if (errno == ENOTDIR)
		return path_error(app, e, "a directory in it is a file", db);
	if (errno != ENOENT)
		return 0;	/* SQLite says what it is */
	if (!(app->needs & APP_CREATE))
		return err_set(e, EX_NOINPUT, "no database at '%s'; run eedraws update first", db);
	if (is_default)
		make_parents(db);	/* a failure shows when the store opens */
	dir = xstrdup(db);
	if (strrchr(dir, '/'))
		*(strrchr(dir, '/') == dir ? dir + 1 : strrchr(dir, '/')) = '\0';
	else
		strcpy(dir, ".");
	if (stat(dir, &st) != 0 && errno == ENOENT) {
		char *what = xasprintf("the directory %s does not exist; create it, or name "
		                       "another database with -d or database", dir);

		rc = path_error(app, e, what, db);
		free(what);
	}
	free(dir);
	return rc;
}

static int
open_store(struct app *app)
{
	const char *db = app->database ? app->database : app->config.database;
	struct err e = {0};
	int rc;

	if (!(rc = check_database(app, db, &e)))
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

/* "SCHEME://...": a URL, never a file name, whatever its scheme. */
static int
has_scheme(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+-.");

	return n > 0 && isalpha((unsigned char)s[0]) && strncmp(s + n, "://", 3) == 0;
}

/* Reads a FILE, URL or "-" into *b, each bounded by max_size; a URL of
 * another scheme than http or https is refused as such (ftp://, file://
 * were read as file names that do not exist). */
int
load_body(const struct app *app, const char *arg, struct body *b, struct err *e)
{
	struct fetch_opts o;
	int rc;

	memset(b, 0, sizeof(*b));
	if (!is_url(arg) && has_scheme(arg))
		return err_set(e, EX_DATAERR, "%s: only http and https URLs are fetched; "
		               "for a file, name its path", arg);
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
