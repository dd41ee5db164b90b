/* app.h: what every command shares: the global options, the config and
 * the open store, and the message policy: only commands print for the
 * user, errors and warnings on stderr ("eedraws: ..."), what changed on
 * stdout for cron to mail. */
#ifndef EEDRAWS_APP_H
#define EEDRAWS_APP_H

#include "body.h"
#include "config.h"
#include "fetch.h"
#include "store.h"
#include "util.h"

enum verbosity { QUIET, NORMAL, VERBOSE };

/* What every command shares. */
struct app {
	const char *config_path;
	const char *database;	/* -d, or NULL */
	enum verbosity verbosity;
	struct config config;
	unsigned needs;		/* APP_*: the command's, from the table */
	struct store *store;
};

#define APP_STORE	1	/* opens the database */
#define APP_NOTIFY	2	/* queues a notification per event */
#define APP_CREATE	4	/* may make the database; else it must exist */

/* Prints "eedraws: " and the message on stderr. */
void error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Keeps the first failure: the exit code says that something failed even
 * when later sources succeed. */
void keep_first(int *status, int rc);

/* What a command needs once its options are read, as the commands table
 * (main.c) says: the store opened (-d, else the config's database, its
 * directory made when it is the default one; made only with APP_CREATE,
 * else EX_NOINPUT), notifications queued when a notify command is
 * configured.  A path that cannot be one ("", "~/...", a directory, in a
 * missing directory) is an error saying so; an error is printed. */
int app_setup(struct app *app);

/* Prints a parser's warnings about source (unless quiet) and empties w. */
void print_warnings(const struct app *app, const char *source, struct strlist *w);

/* The fetch options the config and verbosity give. */
void set_fetch_opts(const struct app *app, struct fetch_opts *o);

/* Reads a FILE, URL or "-" into *b. */
int load_body(const struct app *app, const char *arg, struct body *b, struct err *e);

/* The kind of a body: kind as named, else as sniffed ("auto"); NULL with
 * e set when it cannot be told. */
const char *body_kind(const struct body *b, const char *kind, struct err *e);

/* announce.c: prints what a body changed on stdout, the cron job's mail;
 * a store_put_* callback (ctx is the struct app). */
void announce(void *ctx, const struct store_event *ev);

#endif
