#define _GNU_SOURCE	/* strcasestr */
#include "draw.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util.h"

const struct pool_band pool_bands[DRAW_NBANDS] = {
	{ "dd1", 601, 1200, "601-1200" },
	{ "dd2", 501, 600, "501-600" },
	{ "dd3", 451, 500, "451-500" },
	{ "dd4", 491, 500, "491-500" },
	{ "dd5", 481, 490, "481-490" },
	{ "dd6", 471, 480, "471-480" },
	{ "dd7", 461, 470, "461-470" },
	{ "dd8", 451, 460, "451-460" },
	{ "dd9", 401, 450, "401-450" },
	{ "dd10", 441, 450, "441-450" },
	{ "dd11", 431, 440, "431-440" },
	{ "dd12", 421, 430, "421-430" },
	{ "dd13", 411, 420, "411-420" },
	{ "dd14", 401, 410, "401-410" },
	{ "dd15", 351, 400, "351-400" },
	{ "dd16", 301, 350, "301-350" },
	{ "dd17", 0, 300, "0-300" },
	{ "dd18", 0, 1200, "total" },
};

/*
 * The one table of draw categories.  A name gets the category of the first
 * entry whose phrase it contains (case-insensitive), so the specific
 * phrases come before the ones they contain: "Federal Skilled Trades"
 * before "Trade", "Canadian Work Experience" names before the programs.
 * To teach eedraws a new category or spelling, add a row here.
 */
static const struct {
	const char *phrase;
	const char *category;
} categories[] = {
	{ "No Program Specified", "general" },
	{ "General", "general" },
	{ "Physician", "physicians" },
	{ "Senior manager", "senior-managers" },
	{ "Military", "military" },
	{ "Canadian Experience Class", "cec" },
	{ "Federal Skilled Worker", "fsw" },
	{ "Federal Skilled Trades", "fst" },
	{ "Provincial Nominee", "pnp" },
	{ "French", "french" },
	{ "STEM", "stem" },
	{ "Science, Technology, Engineering", "stem" },
	{ "Healthcare", "healthcare" },
	{ "Health care", "healthcare" },
	{ "Trade", "trades" },
	{ "Transport", "transport" },
	{ "Agricultur", "agriculture" },
	{ "Education", "education" },
};

static const char *const category_names[] = {
	"general", "cec", "fsw", "fst", "pnp", "french", "stem", "healthcare",
	"trades", "transport", "agriculture", "education", "physicians",
	"senior-managers", "military", "other",
};

const char *
category_of(const char *name)
{
	size_t i;

	if (!name)
		return NULL;
	for (i = 0; i < sizeof(categories) / sizeof(categories[0]); i++)
		if (strcasestr(name, categories[i].phrase))
			return categories[i].category;
	return NULL;
}

int
category_valid(const char *category)
{
	size_t i;

	for (i = 0; i < sizeof(category_names) / sizeof(category_names[0]); i++)
		if (strcmp(category, category_names[i]) == 0)
			return 1;
	return 0;
}

char *
version_of(const char *name)
{
	const char *p = name ? strcasestr(name, "version") : NULL;
	const char *q;

	if (!p)
		return NULL;
	p += strlen("version");
	while (*p == ' ')
		p++;
	for (q = p; isdigit((unsigned char)*q); q++)
		;
	return q > p ? xstrndup(p, (size_t)(q - p)) : NULL;
}

static const struct {
	const char *phrase;
	const char *code;
} programs[] = {
	{ "Federal Skilled Worker", "fsw" },
	{ "Canadian Experience Class", "cec" },
	{ "Federal Skilled Trades", "fst" },
	{ "Provincial Nominee", "pnp" },
};

char *
programs_of(const char *text)
{
	struct buf b = {0};
	size_t i;

	if (!text)
		return NULL;
	for (i = 0; i < sizeof(programs) / sizeof(programs[0]); i++) {
		if (!strcasestr(text, programs[i].phrase))
			continue;
		if (b.len)
			buf_adds(&b, ",");
		buf_adds(&b, programs[i].code);
	}
	return b.len ? buf_detach(&b, NULL) : NULL;
}

long
draw_number_key(const char *number)
{
	char *end;
	long n;

	if (!number || !isdigit((unsigned char)*number))
		return -1;
	n = strtol(number, &end, 10);
	if (*end == '\0')
		return n * 100;
	if (islower((unsigned char)end[0]) && end[1] == '\0')
		return n * 100 + (end[0] - 'a' + 1);
	return -1;
}

long
parse_count(const char *s)
{
	long n = 0;
	int digits = 0;

	if (!s)
		return -1;
	while (*s == ' ')
		s++;
	for (; *s; s++) {
		if (isdigit((unsigned char)*s)) {
			if (n > 100000000)
				return -1;
			n = n * 10 + (*s - '0');
			digits++;
		} else if (*s == ',' || *s == ' ') {
			if (!digits)
				return -1;
		} else if ((unsigned char)s[0] == 0xc2 && (unsigned char)s[1] == 0xa0) {
			s++;		/* U+00A0 no-break space */
		} else if ((unsigned char)s[0] == 0xe2 && (unsigned char)s[1] == 0x80 &&
		           (unsigned char)s[2] == 0xaf) {
			s += 2;		/* U+202F narrow no-break space */
		} else {
			return -1;
		}
	}
	return digits ? n : -1;
}

void
draw_init(struct draw *d)
{
	size_t i;

	memset(d, 0, sizeof(*d));
	d->invitations = d->crs_cutoff = -1;
	for (i = 0; i < DRAW_NBANDS; i++)
		d->pool[i] = -1;
}

void
draw_release(struct draw *d)
{
	free(d->number);
	free(d->date_raw);
	free(d->name);
	free(d->version);
	free(d->invitations_raw);
	free(d->crs_raw);
	free(d->programs);
	free(d->programs_raw);
	free(d->draw_time_raw);
	free(d->tie_break_raw);
	free(d->pool_as_of_raw);
	free(d->raw);
	free(d->evidence);
	draw_init(d);
}

struct draw *
draw_list_add(struct draw_list *l)
{
	if (l->n == l->alloc) {
		l->alloc = l->alloc ? l->alloc * 2 : 16;
		l->v = xrealloc(l->v, l->alloc * sizeof(*l->v));
	}
	draw_init(&l->v[l->n]);
	return &l->v[l->n++];
}

void
draw_list_release(struct draw_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		draw_release(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}
