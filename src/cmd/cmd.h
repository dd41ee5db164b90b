/* cmd.h: what every command gets, and the few things to do to add one.
 *
 * A command is one file, cmd/cmd_NAME.c, with one entry point
 * "int cmd_NAME(struct app *app, int argc, char **argv)", like git's
 * builtins: it reads its options (a bad one is usage_error()), calls
 * app_setup() for what the table says it needs, calls the modules, and
 * returns 0 or a sysexits(3) code.  To add one:
 *   1. write cmd/cmd_NAME.c and declare it below;
 *   2. add it to the commands table in main.c, with what it needs
 *      (APP_STORE, APP_NOTIFY);
 *   3. add it to cmd_helps (cmd.c), with every option it reads, and to
 *      man/eedraws.1: main.c refuses an option cmd_helps does not list,
 *      and the man-page test in tests/test_install.c fails on an
 *      undocumented command or option. */
#ifndef EEDRAWS_CMD_H
#define EEDRAWS_CMD_H

#include "app.h"
#include "parse.h"

#include <stdio.h>

/* A command's help: its synopsis, what it does, and its options, one
 * "  -x, --long ARG  what it does" line each. */
struct cmd_help {
	const char *name;
	const char *synopsis;
	const char *about;
	const char *options;	/* NULL: none */
};

extern const struct cmd_help cmd_helps[];	/* ends with a NULL name */
extern const char help_text[];
extern const char *usage_command;	/* the command run, for usage_error() */

/* The usage: every command's synopsis. */
void print_usage(FILE *f);

/* The help of the command name, or NULL. */
const struct cmd_help *cmd_help_find(const char *name);

/* Prints a command's synopsis, what it does and its options on stdout. */
void print_cmd_help(const struct cmd_help *h);

/* Whether options (a cmd_help's) has the option name (len bytes, "-n",
 * "--since"); *arg: whether it takes an argument. */
int cmd_option(const char *options, const char *name, size_t len, int *arg);

/* Prints "eedraws: " fmt (with arg), then "try 'eedraws COMMAND --help'";
 * returns EX_USAGE. */
int usage_error(const char *fmt, const char *arg);

/* Options shared by ingest and parse: -k KIND, --date YYYY-MM-DD,
 * --lang en|fr; leaves optind at the first FILE|URL|-. */
int kind_options(int argc, char **argv, const char **kind, struct parse_opts *popts);

int cmd_update(struct app *app, int argc, char **argv);
int cmd_ingest(struct app *app, int argc, char **argv);
int cmd_parse(struct app *app, int argc, char **argv);
int cmd_export(struct app *app, int argc, char **argv);
int cmd_list(struct app *app, int argc, char **argv);
int cmd_conflicts(struct app *app, int argc, char **argv);
int cmd_status(struct app *app, int argc, char **argv);
int cmd_reparse(struct app *app, int argc, char **argv);
int cmd_report(struct app *app, int argc, char **argv);
int cmd_dismiss(struct app *app, int argc, char **argv);
int cmd_notifications(struct app *app, int argc, char **argv);
int cmd_help(struct app *app, int argc, char **argv);

#endif
