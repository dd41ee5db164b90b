/* main.c: the global options, the commands table, the exit codes.
 *
 * A command (cmd/cmd_*.c) returns 0 or a sysexits(3) code; main maps it
 * to the codes eedraws documents: 0 success, 64 usage, 65 bad input
 * data, 75 temporary failure (network, database busy), 78 configuration
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
 * what may be news. */
static const struct {
	const char *name;
	int (*run)(struct app *, int, char **);
	unsigned needs;
} commands[] = {
	{ "update", cmd_update, APP_STORE | APP_NOTIFY },
	{ "ingest", cmd_ingest, APP_STORE | APP_NOTIFY },
	{ "parse", cmd_parse, 0 },
	{ "export", cmd_export, APP_STORE },
	{ "list", cmd_list, APP_STORE },
	{ "conflicts", cmd_conflicts, APP_STORE },
	{ "status", cmd_status, APP_STORE },
	{ "reparse", cmd_reparse, APP_STORE },
	{ "report", cmd_report, APP_STORE },
	{ "dismiss", cmd_dismiss, APP_STORE | APP_NOTIFY },
	{ "notifications", cmd_notifications, APP_STORE },
};

/* The exit codes eedraws documents; anything else is 1. */
static int
exit_code(int rc)
{
	switch (rc) {
	case 0:
	case EX_USAGE:
	case EX_DATAERR:
	case EX_TEMPFAIL:
	case EX_CONFIG:
		return rc;
	default:
		return 1;
	}
}

int
main(int argc, char **argv)
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
	struct app app = { .verbosity = NORMAL };
	struct err e = {0};
	size_t i;
	int ch, rc;

	while ((ch = getopt_long(argc, argv, "+c:d:qvhV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'c':
			app.config_path = optarg;
			break;
		case 'd':
			app.database = optarg;
			break;
		case 'q':
			app.verbosity = QUIET;
			break;
		case 'v':
			app.verbosity = VERBOSE;
			break;
		case 'h':
			fputs(usage_text, stdout);
			fputs(help_text, stdout);
			return 0;
		case 'V': {
			char *v = version_text();

			fputs(v, stdout);
			free(v);
			return 0;
		}
		default:
			fputs(usage_text, stderr);
			return EX_USAGE;
		}
	}
	if (optind >= argc)
		return usage_error("%s", "no command given");
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[optind], commands[i].name) == 0)
			break;
	if (i == sizeof(commands) / sizeof(commands[0]))
		return usage_error("unknown command '%s'", argv[optind]);
	if ((rc = load_config(&app))) {
		config_release(&app.config);
		return exit_code(rc);
	}
	if ((rc = fetch_global_init(&e))) {
		error("%s", e.msg);
		config_release(&app.config);
		return exit_code(rc);
	}
	app.needs = commands[i].needs;
	rc = commands[i].run(&app, argc - optind, argv + optind);
	store_close(app.store);
	fetch_global_cleanup();
	config_release(&app.config);
	return exit_code(rc);
}
