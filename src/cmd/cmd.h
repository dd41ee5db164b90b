/* cmd.h: what every command gets, and the few things to do to add one.
 *
 * A command is one file, cmd/cmd_NAME.c, with one entry point
 * "int cmd_NAME(struct app *app, int argc, char **argv)": it parses its
 * options, calls the modules, and returns 0 or a sysexits(3) code.  To add
 * one: write the file, declare it below, add it to the commands table
 * (main.c) and the usage text (cmd.c), and document it in man/eedraws.1
 * (tests/test_install.c fails on an undocumented command or option). */
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

#endif
