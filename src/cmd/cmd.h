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
 *   3. add it to usage_text (cmd.c) and to man/eedraws.1: the man-page
 *      test in tests/test_install.c fails on an undocumented command or
 *      long option. */
#ifndef EEDRAWS_CMD_H
#define EEDRAWS_CMD_H

#include "app.h"
#include "parse.h"

extern const char usage_text[];
extern const char help_text[];

/* Prints "eedraws: " fmt (with arg), then the usage; returns EX_USAGE. */
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

#endif
