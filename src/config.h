/* config.h: the INI configuration (see eedraws.conf.example, README.md).
 *
 * Precedence: command-line flags over the file over built-in defaults.
 * The file is the one named with -c, else the first that exists of
 * $XDG_CONFIG_HOME/eedraws/eedraws.conf (~/.config/...) and
 * /etc/eedraws.conf; with none, the defaults alone. */
#ifndef EEDRAWS_CONFIG_H
#define EEDRAWS_CONFIG_H

#include <stddef.h>

#include "util.h"

#define IRCC_FEED_URL \
	"https://www.canada.ca/content/dam/ircc/documents/json/ee_rounds_123_en.json"

struct source {
	char *name;
	char *kind;		/* a parse kind: "ircc-json", "auto", ... */
	char *url;
	char *lang;		/* ircc-json: "en" or "fr"; NULL: from the URL
				 * (..._fr.json is French), else from the body */
	int enabled;
	/* kind = feed: the items to fetch, and how many at most a run */
	char *match;		/* PCRE2, any case; NULL for FEED_DEFAULT_MATCH */
	long max_items;
	long stale_after;	/* seconds without a success before status warns */
};

#define DEFAULT_MAX_ITEMS 10
#define DEFAULT_STALE_AFTER 86400
#define DEFAULT_NOTIFY_TIMEOUT 60
#define DEFAULT_NOTIFY_ATTEMPTS 10
#define DEFAULT_DELAY_MS 1000
#define DEFAULT_ARCHIVE_KEEP 20
#define DEFAULT_FLAP_GRACE (6 * 3600)

struct config {
	char *path;		/* the file read, NULL when none */
	char *database;
	char *user_agent;
	long connect_timeout;	/* seconds */
	long timeout;		/* seconds */
	long max_size;		/* bytes */
	char *notify;		/* command run per new or changed draw; NULL: none */
	long notify_timeout;	/* seconds */
	long notify_attempts;	/* failures before a notification is parked */
	/* Milliseconds between the end of one request to a host and the
	 * start of the next to it (robots.txt's Crawl-delay may raise it). */
	long delay_ms;
	char *report;		/* the HTML page update keeps current; NULL: none */
	char *atom;		/* the Atom feed update keeps current; NULL: none */
	long archive_keep;	/* bodies kept per news feed; 0: all */
	long max_draws;		/* the most draws one article may state */
	/* Seconds a round may be missing from IRCC's feed before a warning:
	 * its CDN serves an older copy now and then. */
	long flap_grace;
	struct source *sources;
	size_t nsources;
};

/* The keys [eedraws] and [source NAME] accept, NULL-terminated; no other
 * key is read. */
extern const char *const config_keys_eedraws[];
extern const char *const config_keys_source[];

/* Fills c with the built-in defaults (the English IRCC feed, a database
 * under $XDG_DATA_HOME/eedraws/), then reads path, or the first file of
 * the search order when path is NULL.  Errors (EX_CONFIG) name file:line. */
int config_load(struct config *c, const char *path, struct err *e);
void config_release(struct config *c);

/* The default database path (caller frees). */
char *config_default_database(void);

struct source *config_source(struct config *c, const char *name);

#endif
