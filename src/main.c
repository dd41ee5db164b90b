/* main.c: the global options, the commands table, the exit codes.
 *
 * A command (cmd/cmd_*.c) returns 0 or a sysexits(3) code; main maps it
 * to the codes eedraws documents: 0 success, 64 usage, 65 bad input
 * data, 66 no database yet, 75 temporary failure (network, database busy), 78 configuration
 * error, 1 anything else. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "cmd.h"
#include "version.h"

static int
load_config(struct app *app)
{
	struct err e = {0};
	int rc = config_load(&app->config, app->config_path, &e);

	if (rc)
		error("%s", e.msg);
	return rc;
}

/* Every command, and what it needs once its options are read
 * (app_setup()): parse stores nothing; update, ingest and dismiss store
 * what may be news; only update and ingest make a database, the others
 * need one (exit 66 without).  help reads no config. */
static const struct {
	const char *name;
	int (*run)(struct app *, int, char **);
	unsigned needs;
} commands[] = {
	{ "update", cmd_update, APP_STORE | APP_CREATE | APP_NOTIFY },
	{ "ingest", cmd_ingest, APP_STORE | APP_CREATE | APP_NOTIFY },
	{ "parse", cmd_parse, 0 },
	{ "export", cmd_export, APP_STORE },
	{ "list", cmd_list, APP_STORE },
	{ "conflicts", cmd_conflicts, APP_STORE },
	{ "status", cmd_status, APP_STORE },
	{ "reparse", cmd_reparse, APP_STORE },
	{ "report", cmd_report, APP_STORE },
	{ "dismiss", cmd_dismiss, APP_STORE | APP_NOTIFY },
	{ "notifications", cmd_notifications, APP_STORE },
	{ "help", cmd_help, 0 },
};

/* The exit codes eedraws documents; anything else is 1. */
static int
exit_code(int rc)
{
	switch (rc) {
	case 0:
	case EX_USAGE:
	case EX_DATAERR:
	case EX_NOINPUT:
	case EX_TEMPFAIL:
	case EX_CONFIG:
		return rc;
	default:
		return 1;
	}
}

#define HELP_SHOWN	(-1)	/* an option printed help: exit 0 */

static int
set_verbosity(struct app *app, enum verbosity v)
{
	if (app->verbosity != NORMAL && app->verbosity != v)
		return usage_error("%s", "-q and -v together: choose one");
	app->verbosity = v;
	return 0;
}

/* A global option, before the command or after it (-c, -d, -q, -v, -h). */
static int
global_option(struct app *app, int ch, const char *arg)
{
	switch (ch) {
	case 'c':
		app->config_path = arg;
		return 0;
	case 'd':
		app->database = arg;
		return 0;
	case 'q':
		return set_verbosity(app, QUIET);
	case 'v':
		return set_verbosity(app, VERBOSE);
	default:
		return EX_USAGE;
	}
}

/* A usage error about the option opt: "unknown option '-x'". */
static int
option_error(const char *what, const char *opt)
{
	char *msg = usage_command ? xasprintf("%s: %s '%s'", usage_command, what, opt) :
	            xasprintf("%s '%s'", what, opt);
	int rc = usage_error("%s", msg);

	free(msg);
	return rc;
}

/* The global option tok after the command names, or 0: "-d", "-dFILE",
 * "--database", "--database=FILE" give 'd'; *arg its argument if in tok. */
static int
global_after(const char *tok, const char **arg)
{
	static const struct { char ch; const char *name; int arg; } g[] = {
		{ 'c', "--config", 1 }, { 'd', "--database", 1 }, { 'q', "--quiet", 0 },
		{ 'v', "--verbose", 0 }, { 'h', "--help", 0 },
	};
	size_t i, n;

	*arg = NULL;
	for (i = 0; i < sizeof(g) / sizeof(g[0]); i++) {
		n = strlen(g[i].name);
		if (tok[1] == g[i].ch && (!tok[2] || g[i].arg)) {
			*arg = tok[2] ? tok + 2 : NULL;
			return g[i].ch;
		}
		if (strncmp(tok, g[i].name, n) == 0 && (!tok[n] || (g[i].arg && tok[n] == '='))) {
			*arg = tok[n] ? tok + n + 1 : NULL;
			return g[i].ch;
		}
	}
	return 0;
}

/* One option token after the command: a global one is taken (and left
 * out of out), the command's own kept with its argument; *i moves past
 * what was read. */
static int
after_option(struct app *app, const struct cmd_help *h, char **argv, int argc, int *i,
             char **out, int *n)
{
	const char *tok = argv[*i], *garg;
	size_t len = tok[1] == '-' ? strcspn(tok, "=") : 2;
	int ch, arg;

	if ((ch = global_after(tok, &garg))) {
		if (ch == 'h') {
			print_cmd_help(h);
			return HELP_SHOWN;
		}
		if (ch == 'c' || ch == 'd') {
			if (!garg && *i + 1 >= argc)
				return option_error("no argument to", tok);
			if (!garg)
				garg = argv[++*i];
		}
		return global_option(app, ch, garg);
	}
	if (!h->options || !cmd_option(h->options, tok, len, &arg) ||
	    (!arg && tok[len]))
		return option_error("unknown option", tok);
	out[(*n)++] = argv[*i];
	if (arg && !tok[len]) {
		if (*i + 1 >= argc)
			return option_error("no argument to", tok);
		out[(*n)++] = argv[++*i];
	}
	return 0;
}

/* The command's arguments without the global options among them, which
 * are taken (so "eedraws update -v" works); an option the command's help
 * does not list is a usage error, and -h or --help prints that help. */
static int
command_args(struct app *app, const struct cmd_help *h, int argc, char **argv, char **out,
             int *n)
{
	int i, rc;

	out[0] = argv[0];
	*n = 1;
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0) {
			while (i < argc)
				out[(*n)++] = argv[i++];
			break;
		}
		if (argv[i][0] != '-' || !argv[i][1])
			out[(*n)++] = argv[i];
		else if ((rc = after_option(app, h, argv, argc, &i, out, n)))
			return rc;
	}
	out[*n] = NULL;
	return 0;
}

/* The options before the command; *rc set when they are all there is to
 * do (help, version, an error). */
static int
global_options(struct app *app, int argc, char **argv, int *rc)
{
	static const struct option longopts[] = {
		{ "config", required_argument, NULL, 'c' },
		{ "database", required_argument, NULL, 'd' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "verbose", no_argument, NULL, 'v' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	char opt[3] = "-?";
	int ch;

	opterr = 0;	/* the errors are ours: one line, and the way to help */
	while ((ch = getopt_long(argc, argv, "+:c:d:qvhV", longopts, NULL)) != -1) {
		opt[1] = (char)optopt;
		if (ch == 'h') {
			print_usage(stdout);
			fputs(help_text, stdout);
			*rc = HELP_SHOWN;
		} else if (ch == 'V') {
			char *v = version_text();

			fputs(v, stdout);
			free(v);
			*rc = HELP_SHOWN;
		} else if (ch == ':')
			*rc = option_error("no argument to", optopt ? opt : argv[optind - 1]);
		else if (ch == '?')
			*rc = option_error("unknown option", optopt ? opt : argv[optind - 1]);
		else
			*rc = global_option(app, ch, optarg);
		if (*rc)
			return 1;
	}
	return 0;
}

int
main(int argc, char **argv)
{
	struct app app = { .verbosity = NORMAL };
	char **args;
	size_t i;
	int n, rc = 0;

	if (global_options(&app, argc, argv, &rc))
		return rc == HELP_SHOWN ? 0 : exit_code(rc);
	if (optind >= argc)
		return usage_error("%s", "no command given");
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[optind], commands[i].name) == 0)
			break;
	if (i == sizeof(commands) / sizeof(commands[0]))
		return usage_error("unknown command '%s'", argv[optind]);
	usage_command = commands[i].name;
	args = xcalloc((size_t)(argc - optind) + 1, sizeof(*args));
	if ((rc = command_args(&app, cmd_help_find(usage_command), argc - optind,
	                       argv + optind, args, &n))) {
		free(args);
		return rc == HELP_SHOWN ? 0 : exit_code(rc);
	}
	if (commands[i].run == cmd_help) {
		rc = cmd_help(&app, n, args);
		free(args);
		return exit_code(rc);
	}
	if ((rc = load_config(&app))) {
		config_release(&app.config);
		free(args);
		return exit_code(rc);
	}
	/* libcurl is started by the first fetch (fetcher_new()): list,
	 * export, status and the like never pay for it. */
	app.needs = commands[i].needs;
	rc = commands[i].run(&app, n, args);
	store_close(app.store);
	fetch_global_cleanup();
	config_release(&app.config);
	free(args);
	return exit_code(rc);
}
