/* cmd.c: what the commands share: the usage text and its errors, and the
 * options of ingest and parse. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "cmd.h"
#include "datetime.h"

const char usage_text[] =
	"usage: eedraws [-c CONFIG] [-d DATABASE] [-q | -v] COMMAND [ARGS]\n"
	"  update [SOURCE...]              fetch the configured sources, store what is new\n"
	"  ingest [-k KIND] [--date DATE] [--lang en|fr] FILE|URL|-...\n"
	"                                  store the draws of files or URLs\n"
	"  parse  [-k KIND] [--date DATE] [--lang en|fr] FILE|URL|-...\n"
	"                                  print the draws a body yields, as CSV\n"
	"  export [-t TABLE] [-f csv|json|atom] [-o FILE] [-a]\n"
	"                                  TABLE: draws (default), revisions, pool,\n"
	"                                  observations, conflicts; -a, --all: the\n"
	"                                  retracted unconfirmed draws too\n"
	"  list   [-n N]                   the latest draws, for a person\n"
	"  conflicts                       where articles disagree with IRCC\n"
	"  status                          each source's health, notifications waiting,\n"
	"                                  conflicts;\n"
	"                                  exit 1 when a source is stale or a notification\n"
	"                                  fails or is parked\n"
	"  reparse [--force]               rebuild every draw from the archived bodies\n"
	"  report [-o FILE] [--since DATE] one HTML page with charts of the draws\n"
	"  dismiss ID                      retract by hand the unconfirmed draw ID\n"
	"                                  (u12, as list shows it)\n"
	"  notifications [retry|drop ID|all]\n"
	"                                  the notifications not delivered; retry or\n"
	"                                  drop a parked one, or all parked ones\n"
	"KIND: auto (default), ircc-json, article, feed.  DATE: the publication\n"
	"date to assume (YYYY-MM-DD) when a page gives none; for report, the first\n"
	"draw date shown.  --lang: an IRCC feed's language, checked against its\n"
	"rounds.  See eedraws --help.\n";

const char help_text[] =
	"\n"
	"options:\n"
	"  -c, --config FILE     read FILE instead of searching for eedraws.conf\n"
	"  -d, --database FILE   use this database (overrides the config)\n"
	"  -q, --quiet           print errors only\n"
	"  -v, --verbose         narrate each fetch\n"
	"  -h, --help            this text\n"
	"  -V, --version         the version, and those of the libraries in use\n"
	"\n"
	"config search: -c FILE, else $XDG_CONFIG_HOME/eedraws/eedraws.conf,\n"
	"else /etc/eedraws.conf, else built-in defaults (IRCC's English feed,\n"
	"database $XDG_DATA_HOME/eedraws/eedraws.db).  With report = PATH in the\n"
	"config, update rewrites that page whenever it changed the database.\n"
	"\n"
	"exit codes: 0 success, 64 usage, 65 bad input data, 75 temporary failure\n"
	"(network, database busy, a notify command that failed: try again),\n"
	"78 configuration error, 1 other.\n";

int
usage_error(const char *fmt, const char *arg)
{
	fputs("eedraws: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\n", stderr);
	fputs(usage_text, stderr);
	return EX_USAGE;
}

int
kind_options(int argc, char **argv, const char **kind, struct parse_opts *popts)
{
	static const struct option longopts[] = {
		{ "kind", required_argument, NULL, 'k' },
		{ "date", required_argument, NULL, 'D' },
		{ "lang", required_argument, NULL, 'L' },
		{ NULL, 0, NULL, 0 },
	};
	char iso[11];
	int ch, swapped = 0;

	*kind = "auto";
	memset(popts, 0, sizeof(*popts));
	optind = 0;
	while ((ch = getopt_long(argc, argv, "+k:", longopts, NULL)) != -1) {
		switch (ch) {
		case 'k':
			if (!parse_kind_valid(optarg))
				return usage_error("unknown kind '%s' (auto, ircc-json, article)",
				                   optarg);
			*kind = optarg;
			break;
		case 'D':
			if (date_parse_iso(optarg, iso, &swapped) != 0 || swapped)
				return usage_error("--date wants YYYY-MM-DD, not '%s'", optarg);
			popts->date = optarg;
			break;
		case 'L':
			if (strcmp(optarg, "en") != 0 && strcmp(optarg, "fr") != 0)
				return usage_error("--lang wants en or fr, not '%s'", optarg);
			popts->lang = optarg;
			break;
		default:
			return usage_error("%s: bad option", argv[0]);
		}
	}
	if (optind >= argc)
		return usage_error("%s: name a FILE, URL or -", argv[0]);
	return 0;
}
