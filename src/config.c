/* config.c: reads eedraws.conf with inih. */
#include "config.h"
#include "parse.h"

#include <ctype.h>
#include <errno.h>
#include <ini.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "feed.h"
#include "fetch.h"
#include "parse.h"

#define DEFAULT_USER_AGENT "eedraws/" EEDRAWS_VERSION

static char *
xdg_dir(const char *var, const char *fallback)
{
	const char *v = getenv(var), *home = getenv("HOME");

	if (v && *v == '/')
		return xstrdup(v);
	return xasprintf("%s/%s", home && *home ? home : ".", fallback);
}

char *
config_default_database(void)
{
	char *dir = xdg_dir("XDG_DATA_HOME", ".local/share");
	char *p = xasprintf("%s/eedraws/eedraws.db", dir);

	free(dir);
	return p;
}

static void
add_source(struct config *c, const char *name, const char *kind, const char *url)
{
	struct source *s;

	c->sources = xrealloc(c->sources, (c->nsources + 1) * sizeof(*c->sources));
	s = &c->sources[c->nsources++];
	s->name = xstrdup(name);
	s->kind = xstrdup(kind);
	s->url = xstrdup(url);
	s->lang = NULL;
	s->enabled = 1;
	s->match = NULL;
	s->max_items = DEFAULT_MAX_ITEMS;
	s->stale_after = DEFAULT_STALE_AFTER;
}

struct source *
config_source(struct config *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->nsources; i++)
		if (strcmp(c->sources[i].name, name) == 0)
			return &c->sources[i];
	return NULL;
}

static void
free_sources(struct config *c)
{
	size_t i;

	for (i = 0; i < c->nsources; i++) {
		free(c->sources[i].name);
		free(c->sources[i].kind);
		free(c->sources[i].url);
		free(c->sources[i].lang);
		free(c->sources[i].match);
	}
	free(c->sources);
	c->sources = NULL;
	c->nsources = 0;
}

void
config_release(struct config *c)
{
	free(c->path);
	free(c->database);
	free(c->user_agent);
	free(c->notify);
	free(c->report);
	free(c->atom);
	free_sources(c);
	memset(c, 0, sizeof(*c));
}

/* Every key each section accepts: the handler refuses any other before
 * reading it, so a key is added here or not at all, and the man page
 * test (tests/test_install.c) finds each in eedraws.conf(5). */
const char *const config_keys_eedraws[] = {
	"database", "user_agent", "connect_timeout", "timeout", "max_size",
	"notify", "notify_timeout", "notify_attempts", "delay", "report", "archive_keep",
	"max_draws", "flap_grace", "atom", NULL,
};
const char *const config_keys_source[] = {
	"kind", "url", "lang", "enabled", "match", "max_items", "stale_after", NULL,
};

static int
known_key(const char *const *keys, const char *name)
{
	for (; *keys; keys++)
		if (strcmp(*keys, name) == 0)
			return 1;
	return 0;
}

/* State while inih walks the file. */
struct reader {
	struct config *c;
	int file_has_sources;
	char msg[ERR_MSG_MAX];	/* the first error */
};

/* Keeps the first error's message; returns 0, inih's "stop here". */
static int fail(struct reader *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static int
fail(struct reader *r, const char *fmt, ...)
{
	va_list ap;

	if (!r->msg[0]) {
		va_start(ap, fmt);
		vsnprintf(r->msg, sizeof(r->msg), fmt, ap);
		va_end(ap);
	}
	return 0;
}

/* A whole number from min to max (max LONG_MAX: no bound); unit, such
 * as " bytes", follows the numbers an error gives. */
static int
read_long(struct reader *r, const char *name, const char *value, long min,
          long max, const char *unit, long *out)
{
	char range[64];
	char *end;
	long v;

	if (max == LONG_MAX)
		snprintf(range, sizeof(range), "%ld%s or more", min, unit);
	else
		snprintf(range, sizeof(range), "%ld to %ld%s", min, max, unit);
	errno = 0;
	v = strtol(value, &end, 10);
	if (end == value || *end)
		return fail(r, "%s: '%s' is not a whole number (%s)", name, value, range);
	if (errno || v < min || v > max)
		return fail(r, "%s: '%s' is out of range (%s)", name, value, range);
	*out = v;
	return 1;
}

/* The longest duration a key takes unless it says otherwise: ten years,
 * so that a stale_after of "never" still fits a long. */
#define DURATION_MAX (3650L * 86400)

static const struct { const char *unit; long long ms; } duration_units[] = {
	{ "d", 86400000 }, { "h", 3600000 }, { "m", 60000 }, { "s", 1000 },
	{ "ms", 1 }, { "", 1000 },
};

/* ms in the largest unit that writes it whole: "10m", "1d", "0". */
static void
duration_text(char *buf, size_t n, long long ms)
{
	size_t i;

	for (i = 0; ms && ms % duration_units[i].ms; i++)
		;
	snprintf(buf, n, "%lld%s", ms / duration_units[i].ms, ms ? duration_units[i].unit : "");
}

/* The one syntax of every time-valued key: a whole number and a unit,
 * "500ms", "30s", "10m", "6h", "1d", or a bare number of seconds.
 * *ms is in milliseconds, from min to max milliseconds. */
static int
read_ms(struct reader *r, const char *name, const char *value, long long min,
        long long max, long long *ms)
{
	char lo[32], hi[32];
	char *end;
	long long v, mul = 0;
	size_t i;

	duration_text(lo, sizeof(lo), min);
	duration_text(hi, sizeof(hi), max);
	errno = 0;
	v = strtoll(value, &end, 10);
	for (i = 0; i < sizeof(duration_units) / sizeof(duration_units[0]) && !mul; i++)
		if (strcmp(end, duration_units[i].unit) == 0)
			mul = duration_units[i].ms;
	if (end == value || !mul)
		return fail(r, "%s: '%s' is not a duration (500ms, 30s, 10m, 6h, 1d; %s to %s)",
		            name, value, lo, hi);
	if (errno || v < 0 || v > LLONG_MAX / mul || v * mul < min || v * mul > max)
		return fail(r, "%s: '%s' is out of range (%s to %s)", name, value, lo, hi);
	*ms = v * mul;
	return 1;
}

/* A duration kept in seconds, from min to max seconds: "1500ms" is no
 * whole number of them, and an error rather than a rounding. */
static int
read_seconds(struct reader *r, const char *name, const char *value, long min,
             long max, long *seconds)
{
	long long ms;

	if (!read_ms(r, name, value, min * 1000LL, max * 1000LL, &ms))
		return 0;
	if (ms % 1000)
		return fail(r, "%s: '%s' is not a whole number of seconds", name, value);
	*seconds = (long)(ms / 1000);
	return 1;
}

/* A duration in seconds, from 1 second to DURATION_MAX: what a key
 * with no range of its own calls, as in
 *	return read_duration(r, name, value, &c->flap_grace); */
static int
read_duration(struct reader *r, const char *name, const char *value, long *seconds)
{
	return read_seconds(r, name, value, 1, DURATION_MAX, seconds);
}

/* The pause between two requests to a host, in milliseconds: 0 for
 * none, at most 10 minutes. */
static int
read_delay(struct reader *r, const char *name, const char *value, long *ms)
{
	long long v;

	if (!read_ms(r, name, value, 0, 600000, &v))
		return 0;
	*ms = (long)v;
	return 1;
}

static int
read_bool(struct reader *r, const char *name, const char *value, int *out)
{
	static const char *const yes[] = { "yes", "true", "on", "1", NULL };
	static const char *const no[] = { "no", "false", "off", "0", NULL };
	int i;

	for (i = 0; yes[i]; i++)
		if (strcasecmp(value, yes[i]) == 0)
			return *out = 1;
	for (i = 0; no[i]; i++)
		if (strcasecmp(value, no[i]) == 0)
			return (*out = 0), 1;
	return fail(r, "%s: '%s' is not yes or no", name, value);
}

/* A key not read where it stands (here: "[eedraws]", "[source a]",
 * or NULL before any section).  One another section takes says which,
 * so the fix is a move, not a hunt through the man page. */
static int
misplaced_key(struct reader *r, const char *name, const char *here)
{
	const char *belongs = NULL;

	if (known_key(config_keys_eedraws, name))
		belongs = "the [eedraws] section";
	else if (known_key(config_keys_source, name))
		belongs = "a [source NAME] section";
	if (belongs && here)
		return fail(r, "'%s' belongs in %s, not %s", name, belongs, here);
	if (belongs)
		return fail(r, "'%s' comes before any section: it belongs in %s", name, belongs);
	if (here)
		return fail(r, "unknown key '%s' in %s", name, here);
	return fail(r, "unknown key '%s' before any section", name);
}

static int
valid_name(const char *s)
{
	if (!*s)
		return 0;
	for (; *s; s++)
		if (!isalnum((unsigned char)*s) && *s != '-' && *s != '_' && *s != '.')
			return 0;
	return 1;
}

static int
main_key(struct reader *r, const char *name, const char *value)
{
	struct config *c = r->c;

	if (!known_key(config_keys_eedraws, name))
		return misplaced_key(r, name, "[eedraws]");
	if (strcmp(name, "database") == 0) {
		if (!*value)
			return fail(r, "%s: empty", name);
		free(c->database);
		c->database = xstrdup(value);
		return 1;
	}
	if (strcmp(name, "user_agent") == 0) {
		if (!*value)
			return fail(r, "%s: empty", name);
		free(c->user_agent);
		c->user_agent = xstrdup(value);
		return 1;
	}
	if (strcmp(name, "connect_timeout") == 0)
		return read_seconds(r, name, value, 1, 3600, &c->connect_timeout);
	if (strcmp(name, "timeout") == 0)
		return read_seconds(r, name, value, 1, 86400, &c->timeout);
	if (strcmp(name, "max_size") == 0)
		return read_long(r, name, value, 1024, LONG_MAX, " bytes", &c->max_size);
	if (strcmp(name, "notify") == 0) {
		if (!value[strspn(value, " \t")])
			return fail(r, "%s: empty (leave it out for no notifications)", name);
		free(c->notify);
		c->notify = xstrdup(value);
		return 1;
	}
	if (strcmp(name, "notify_timeout") == 0)
		return read_duration(r, name, value, &c->notify_timeout);
	if (strcmp(name, "notify_attempts") == 0)
		return read_long(r, name, value, 1, 1000, "", &c->notify_attempts);
	if (strcmp(name, "delay") == 0)
		return read_delay(r, name, value, &c->delay_ms);
	if (strcmp(name, "archive_keep") == 0)
		return read_long(r, name, value, 0, 1000000, "", &c->archive_keep);
	if (strcmp(name, "max_draws") == 0)
		return read_long(r, name, value, 1, 1000, "", &c->max_draws);
	if (strcmp(name, "flap_grace") == 0)
		return read_duration(r, name, value, &c->flap_grace);
	if (strcmp(name, "report") == 0) {
		if (!*value)
			return fail(r, "%s: empty (leave it out for no report)", name);
		free(c->report);
		c->report = xstrdup(value);
		return 1;
	}
	if (strcmp(name, "atom") == 0) {
		if (!*value)
			return fail(r, "%s: empty (leave it out for no feed)", name);
		free(c->atom);
		c->atom = xstrdup(value);
		return 1;
	}
	return fail(r, "unknown key '%s' in [eedraws]", name);
}

static int
source_key(struct reader *r, const char *sname, const char *name, const char *value)
{
	struct config *c = r->c;
	struct source *s;

	if (!r->file_has_sources) {
		free_sources(c);	/* the file's sources replace the default */
		r->file_has_sources = 1;
	}
	if (!valid_name(sname))
		return fail(r, "bad source name '%s' (letters, digits, - _ .)", sname);
	if (!known_key(config_keys_source, name)) {
		char here[INI_MAX_LINE + 16];

		snprintf(here, sizeof(here), "[source %s]", sname);
		return misplaced_key(r, name, here);
	}
	s = config_source(c, sname);
	if (!s) {
		add_source(c, sname, "auto", "");
		s = &c->sources[c->nsources - 1];
	}
	if (strcmp(name, "kind") == 0) {
		if (!parse_kind_valid(value))
			return fail(r, "kind: unknown kind '%s'", value);
		free(s->kind);
		s->kind = xstrdup(value);
		return 1;
	}
	if (strcmp(name, "url") == 0) {
		if (strncmp(value, "http://", 7) != 0 && strncmp(value, "https://", 8) != 0)
			return fail(r, "url: '%s' is not an http or https URL", value);
		free(s->url);
		s->url = xstrdup(value);
		return 1;
	}
	if (strcmp(name, "lang") == 0) {
		if (strcmp(value, "en") != 0 && strcmp(value, "fr") != 0)
			return fail(r, "lang: '%s' is not en or fr", value);
		free(s->lang);
		s->lang = xstrdup(value);
		return 1;
	}
	if (strcmp(name, "enabled") == 0)
		return read_bool(r, name, value, &s->enabled);
	if (strcmp(name, "match") == 0) {
		struct feed_filter *f;
		struct err e;

		if (feed_filter_new(&f, value, &e))
			return fail(r, "%s", e.msg);
		feed_filter_free(f);
		free(s->match);
		s->match = xstrdup(value);
		return 1;
	}
	if (strcmp(name, "max_items") == 0)
		return read_long(r, name, value, 1, 1000, "", &s->max_items);
	if (strcmp(name, "stale_after") == 0)
		return read_duration(r, name, value, &s->stale_after);
	return fail(r, "unknown key '%s' in [source %s]", name, sname);
}

static int
handler(void *user, const char *section, const char *name, const char *value)
{
	struct reader *r = user;

	if (r->msg[0])
		return 0;	/* report the first error only */
	if (strcmp(section, "eedraws") == 0)
		return main_key(r, name, value);
	if (strncmp(section, "source ", 7) == 0)
		return source_key(r, section + 7, name, value);
	if (!*section)
		return misplaced_key(r, name, NULL);
	return fail(r, "unknown section [%s]", section);
}

/* One line of n bytes, its line end included, as inih would read it. */
static int
check_line(const char *path, int line, const char *p, size_t n, struct err *e)
{
	const char *cr = memchr(p, '\r', n);

	if (memchr(p, '\0', n))
		return err_set(e, EX_CONFIG, "%s:%d: a NUL byte: not a text file", path, line);
	if (cr && !(cr + 2 == p + n && cr[1] == '\n'))
		return err_set(e, EX_CONFIG, "%s:%d: a line ends with CR alone: save the file "
		               "with LF or CRLF line ends", path, line);
	if (n > INI_MAX_LINE - 1)
		return err_set(e, EX_CONFIG, "%s:%d: line too long: %zu bytes, at most %d "
		               "with its line end", path, line, n, INI_MAX_LINE - 1);
	return 0;
}

/* inih reads a line into INI_MAX_LINE bytes, its end and a NUL
 * included: a longer one would be cut and its rest read as a line of its
 * own (a URL shortened without a word).  A NUL would end a value as
 * silently, and a CR alone is no line end to inih, so a file saved with
 * them would be one long line.  Each is refused here, before inih sees
 * the text. */
static int
check_text(const char *path, const char *data, size_t len, struct err *e)
{
	const char *p, *nl, *next, *end = data + len;
	int line, rc;

	for (p = data, line = 1; p < end; p = next, line++) {
		nl = memchr(p, '\n', (size_t)(end - p));
		next = nl ? nl + 1 : end;
		if ((rc = check_line(path, line, p, (size_t)(next - p), e)))
			return rc;
	}
	return 0;
}

/* Whether the line p (n bytes) opens a section as inih reads it, whose
 * name goes to name.  *after_key: a key came since the last section,
 * so that an indented line continues its value. */
static int
opens_section(const char *p, size_t n, int *after_key, char *name, size_t size)
{
	const char *s = p, *end = p + n, *close;

	while (s < end && isspace((unsigned char)*s))
		s++;
	if (s == end || *s == ';' || *s == '#' || (s > p && *after_key))
		return 0;
	if (*s != '[') {
		*after_key = 1;
		return 0;
	}
	*after_key = 0;
	if (!(close = memchr(s, ']', (size_t)(end - s))))
		return 0;	/* inih refused it already */
	snprintf(name, size, "[%.*s]", (int)(close - s - 1), s + 1);
	return 1;
}

/* inih merges a section opened twice, so that a [source a] edited in
 * one place keeps the keys of the other, unseen: an error naming both
 * lines.  Run on a file inih has read without error. */
static int
check_sections(const char *path, const char *data, size_t len, struct err *e)
{
	struct { char name[INI_MAX_LINE + 2]; int line; } *seen = NULL;
	const char *p, *nl, *next, *end = data + len;
	size_t i, nseen = 0;
	int line, after_key = 0, rc = 0;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		data += 3;	/* a BOM, which inih skips */
	for (p = data, line = 1; p < end && !rc; p = next, line++) {
		nl = memchr(p, '\n', (size_t)(end - p));
		next = nl ? nl + 1 : end;
		seen = xrealloc(seen, (nseen + 1) * sizeof(*seen));
		if (!opens_section(p, (size_t)(next - p), &after_key, seen[nseen].name,
		                   sizeof(seen[nseen].name)))
			continue;
		for (i = 0; i < nseen && strcmp(seen[i].name, seen[nseen].name) != 0; i++)
			;
		if (i < nseen)
			rc = err_set(e, EX_CONFIG, "%s:%d: %s is repeated from %s:%d: put its "
			             "keys in one section", path, line, seen[i].name, path,
			             seen[i].line);
		seen[nseen++].line = line;
	}
	free(seen);
	return rc;
}

static char *
find_config(void)
{
	char *dir = xdg_dir("XDG_CONFIG_HOME", ".config");
	char *p = xasprintf("%s/eedraws/eedraws.conf", dir);

	free(dir);
	if (access(p, F_OK) == 0)
		return p;
	free(p);
	if (access("/etc/eedraws.conf", F_OK) == 0)
		return xstrdup("/etc/eedraws.conf");
	return NULL;
}

int
config_load(struct config *c, const char *path, struct err *e)
{
	struct reader r = { c, 0, "" };
	struct err re = {0};
	char *text;
	size_t i, len;
	int line, rc;

	memset(c, 0, sizeof(*c));
	c->database = config_default_database();
	c->user_agent = xstrdup(DEFAULT_USER_AGENT);
	c->connect_timeout = FETCH_CONNECT_TIMEOUT;
	c->timeout = FETCH_TIMEOUT;
	c->max_size = FETCH_MAX_SIZE;
	c->notify_timeout = DEFAULT_NOTIFY_TIMEOUT;
	c->notify_attempts = DEFAULT_NOTIFY_ATTEMPTS;
	c->delay_ms = DEFAULT_DELAY_MS;
	c->archive_keep = DEFAULT_ARCHIVE_KEEP;
	c->flap_grace = DEFAULT_FLAP_GRACE;
	c->max_draws = PARSE_MAX_DRAWS;
	add_source(c, "ircc", "ircc-json", IRCC_FEED_URL);

	c->path = path ? xstrdup(path) : find_config();
	if (!c->path)
		return 0;
	if (read_file(c->path, &text, &len, &re))
		return err_set(e, EX_CONFIG, "config: %s", re.msg);
	if ((rc = check_text(c->path, text, len, e))) {
		free(text);
		return rc;
	}
	line = ini_parse_string(text, handler, &r);
	if (line == 0)
		rc = check_sections(c->path, text, len, e);
	free(text);
	if (line != 0)
		return err_set(e, EX_CONFIG, "%s:%d: %s", c->path, line,
		               r.msg[0] ? r.msg : "not an INI line");
	if (rc)
		return rc;
	for (i = 0; i < c->nsources; i++)
		if (!c->sources[i].url[0])
			return err_set(e, EX_CONFIG, "%s: [source %s] has no url", c->path,
			               c->sources[i].name);
	return 0;
}
