/* cmd.c: what the commands share: the usage, each command's help and
 * the usage errors, and the options of ingest and parse. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "cmd.h"
#include "datetime.h"

/* Each command's synopsis, what it does, and its options: the usage,
 * "eedraws COMMAND --help" and the options main.c accepts after the
 * command are all read from here, so they cannot disagree.  An options
 * line is "  -x, --long ARG  what it does": a word after the last name
 * means the option takes an argument. */
#define KIND_OPTIONS \
	"  -k, --kind KIND     how to read the body: auto (default: JSON is IRCC's\n" \
	"                      feed, RSS or Atom a news feed, else a page),\n" \
	"                      ircc-json, article or feed\n" \
	"  --date DATE         the publication date to assume (YYYY-MM-DD) when a\n" \
	"                      page gives none\n" \
	"  --lang en|fr        an IRCC feed's language, checked against its rounds\n"

const struct cmd_help cmd_helps[] = {
	{ "update", "[SOURCE...]",
	  "fetch the configured sources, store what is new", NULL },
	{ "ingest", "[-k KIND] [--date DATE] [--lang en|fr] FILE|URL|-...",
	  "store the draws of files or URLs", KIND_OPTIONS },
	{ "parse", "[-k KIND] [--date DATE] [--lang en|fr] FILE|URL|-...",
	  "print the draws a body yields, as CSV", KIND_OPTIONS },
	{ "export", "[-t TABLE] [-f csv|json|atom] [-o FILE] [-a]",
	  "write a table as CSV or JSON, or the draws as an Atom feed",
	  "  -t, --table TABLE   draws (default), revisions, pool, observations,\n"
	  "                      conflicts\n"
	  "  -f, --format csv|json|atom  CSV with a header row (default), JSON, or\n"
	  "                      (draws only) an Atom feed of the latest 50\n"
	  "  -o, --output FILE   write FILE, whole or untouched, not standard output\n"
	  "  -a, --all           the retracted unconfirmed draws too\n" },
	{ "list", "[-n N]", "the latest draws, for a person",
	  "  -n N                how many draws (10)\n" },
	{ "conflicts", "", "where articles disagree with IRCC", NULL },
	{ "status", "[--verify]", "each source's health, notifications waiting,\n"
	  "conflicts;\n"
	  "exit 1 when a source is stale or a notification\n"
	  "fails or is parked",
	  "  --verify            decode every archived body and check its hash;\n"
	  "                      exit 65 naming each one damaged\n" },
	{ "reparse", "[--force]", "rebuild every draw from the archived bodies",
	  "  --force             even when draws no archived body states would be lost\n" },
	{ "report", "[-o FILE] [--since DATE]", "one HTML page with charts of the draws",
	  "  -o, --output FILE   write FILE, whole or untouched, not standard output\n"
	  "                      (on a terminal: report = PATH, else refused)\n"
	  "  --since DATE        only the draws on or after DATE (YYYY-MM-DD)\n" },
	{ "dismiss", "ID", "retract by hand the unconfirmed draw ID\n"
	  "(u12, as list shows it)", NULL },
	{ "notifications", "[retry|drop ID|all]",
	  "the notifications not delivered; retry or\n"
	  "drop a parked one, or all parked ones", NULL },
	{ "help", "[COMMAND]", "this text, or COMMAND's synopsis and options", NULL },
	{ NULL, NULL, NULL, NULL },
};

static const char usage_head[] =
	"usage: eedraws [-c CONFIG] [-d DATABASE] [-q | -v] COMMAND [ARGS]\n";

static const char usage_notes[] =
	"KIND: auto (default), ircc-json, article, feed.  DATE: the publication\n"
	"date to assume (YYYY-MM-DD) when a page gives none; for report, the first\n"
	"draw date shown.  --lang: an IRCC feed's language, checked against its\n"
	"rounds.  The options -c, -d, -q and -v may also follow COMMAND.\n";

const char help_text[] =
	"\n"
	"options:\n"
	"  -c, --config FILE     read FILE instead of searching for eedraws.conf\n"
	"  -d, --database FILE   use this database (overrides the config)\n"
	"  -q, --quiet           print errors only\n"
	"  -v, --verbose         narrate each fetch\n"
	"  -h, --help            this text; after a COMMAND, that command's help\n"
	"  -V, --version         the version, and those of the libraries in use\n"
	"\n"
	"config search: -c FILE, else $XDG_CONFIG_HOME/eedraws/eedraws.conf,\n"
	"else /etc/eedraws.conf, else built-in defaults (IRCC's English feed,\n"
	"database $XDG_DATA_HOME/eedraws/eedraws.db).  With report = PATH in the\n"
	"config, update rewrites that page whenever it changed the database.\n"
	"\n"
	"exit codes: 0 success, 64 usage, 65 bad input data, 66 no input (a file\n"
	"that does not exist; no database yet: run update), 75 temporary failure\n"
	"(network, database busy, a notify command that failed: try again),\n"
	"78 configuration error, 1 other.\n";

const char *usage_command;

/* Text with each line after the first indented by col columns. */
static void
put_indented(FILE *f, const char *text, int col)
{
	const char *nl;

	while ((nl = strchr(text, '\n'))) {
		fprintf(f, "%.*s\n%*s", (int)(nl - text), text, col, "");
		text = nl + 1;
	}
	fprintf(f, "%s\n", text);
}

void
print_usage(FILE *f)
{
	const struct cmd_help *h;
	int n;

	fputs(usage_head, f);
	for (h = cmd_helps; h->name; h++) {
		n = fprintf(f, "  %-6s %s", h->name, h->synopsis);
		if (n < 34)
			fprintf(f, "%*s", 34 - n, "");
		else
			fprintf(f, "\n%34s", "");
		put_indented(f, h->about, 34);
	}
	fputs(usage_notes, f);
}

const struct cmd_help *
cmd_help_find(const char *name)
{
	const struct cmd_help *h;

	for (h = cmd_helps; h->name; h++)
		if (strcmp(h->name, name) == 0)
			return h;
	return NULL;
}

void
print_cmd_help(const struct cmd_help *h)
{
	printf("usage: eedraws [-c CONFIG] [-d DATABASE] [-q | -v] %s%s%s\n", h->name,
	       *h->synopsis ? " " : "", h->synopsis);
	put_indented(stdout, h->about, 0);
	if (h->options)
		printf("\noptions:\n%s", h->options);
	puts("\n-c, -d, -q and -v may come before or after the command: see eedraws --help.");
}

/* Whether the options line's head ("-t, --table TABLE") names the
 * option (len bytes: "-n", "--since", or a long one abbreviated, as
 * getopt_long allows); *arg: whether it takes an argument. */
static int
head_names(const char *line, const char *name, size_t len, int *arg)
{
	const char *end = strstr(line, "  ");
	char *head = xstrndup(line, end ? (size_t)(end - line) : strcspn(line, "\n"));
	char *save, *form, *sp = strrchr(head, ' ');
	int found = 0;

	*arg = sp && sp[-1] != ',';
	for (form = strtok_r(head, ", ", &save); form; form = strtok_r(NULL, ", ", &save))
		if (form[0] == '-' && strncmp(form, name, len) == 0 &&
		    (!form[len] || (len > 2 && name[1] == '-')))
			found = 1;
	free(head);
	return found;
}

int
cmd_option(const char *options, const char *name, size_t len, int *arg)
{
	const char *line;

	for (line = options; line && *line; line = strchr(line, '\n'), line = line ? line + 1 : NULL)
		if (strncmp(line, "  -", 3) == 0 && head_names(line + 2, name, len, arg))
			return 1;
	return 0;
}

int
usage_error(const char *fmt, const char *arg)
{
	fputs("eedraws: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\n", stderr);
	if (usage_command)
		fprintf(stderr, "try 'eedraws %s --help'\n", usage_command);
	else
		fputs("try 'eedraws --help'\n", stderr);
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
				return usage_error("unknown kind '%s' (auto, ircc-json, article, feed)",
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

/* eedraws help [COMMAND]: as --help, or COMMAND --help. */
int
cmd_help(struct app *app, int argc, char **argv)
{
	const struct cmd_help *h;

	(void)app;
	if (argc > 2)
		return usage_error("help: name one command, not '%s' too", argv[2]);
	if (argc < 2) {
		print_usage(stdout);
		fputs(help_text, stdout);
		return 0;
	}
	if (!(h = cmd_help_find(argv[1])))
		return usage_error("help: unknown command '%s'", argv[1]);
	print_cmd_help(h);
	return 0;
}
