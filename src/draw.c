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
 * IRCC's French feed names the same categories in French (UTF-8; only
 * ASCII letters match in any case): each French phrase sits beside its
 * English one, "métiers spécialisés" (the program) before "Métiers".
 * To teach eedraws a new category or spelling, add a row here.
 */
static const struct {
	const char *phrase;
	const char *category;
} categories[] = {
	{ "No Program Specified", "general" },
	{ "Aucun programme", "general" },
	{ "General", "general" },
	{ "G\xc3\xa9n\xc3\xa9ral", "general" },
	{ "Physician", "physicians" },
	{ "M\xc3\xa9" "decin", "physicians" },
	{ "Senior manager", "senior-managers" },
	{ "Cadres sup\xc3\xa9rieurs", "senior-managers" },
	{ "Military", "military" },
	{ "militaire", "military" },
	{ "Canadian Experience Class", "cec" },
	{ "exp\xc3\xa9rience canadienne", "cec" },
	{ "Federal Skilled Worker", "fsw" },
	{ "travailleurs qualifi\xc3\xa9s", "fsw" },
	{ "Federal Skilled Trades", "fst" },
	{ "m\xc3\xa9tiers sp\xc3\xa9" "cialis\xc3\xa9s", "fst" },
	{ "Provincial Nominee", "pnp" },
	{ "candidats des provinces", "pnp" },
	{ "French", "french" },
	{ "fran\xc3\xa7" "ais", "french" },
	{ "STEM", "stem" },
	{ "Science, Technology, Engineering", "stem" },
	{ "sciences, des technologies", "stem" },
	{ "Healthcare", "healthcare" },
	{ "Health care", "healthcare" },
	{ "soins de sant\xc3\xa9", "healthcare" },
	{ "Trade", "trades" },
	{ "M\xc3\xa9tiers", "trades" },
	{ "Transport", "transport" },
	{ "Agricultur", "agriculture" },
	{ "Education", "education" },
	{ "\xc3\xa9" "ducation", "education" },
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

const char *
category_phrase(size_t i, const char **category)
{
	if (i >= sizeof(categories) / sizeof(categories[0]))
		return NULL;
	*category = categories[i].category;
	return categories[i].phrase;
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

/* Programs in the order they are listed; a phrase per language. */
static const struct {
	const char *phrase;
	const char *code;
} programs[] = {
	{ "Federal Skilled Worker", "fsw" },
	{ "travailleurs qualifi\xc3\xa9s", "fsw" },
	{ "Canadian Experience Class", "cec" },
	{ "exp\xc3\xa9rience canadienne", "cec" },
	{ "Federal Skilled Trades", "fst" },
	{ "m\xc3\xa9tiers sp\xc3\xa9" "cialis\xc3\xa9s", "fst" },
	{ "Provincial Nominee", "pnp" },
	{ "candidats des provinces", "pnp" },
};

char *
programs_of(const char *text)
{
	struct buf b = {0};
	const char *last = NULL;
	size_t i;

	if (!text)
		return NULL;
	for (i = 0; i < sizeof(programs) / sizeof(programs[0]); i++) {
		if ((last && strcmp(last, programs[i].code) == 0) ||
		    !strcasestr(text, programs[i].phrase))
			continue;
		if (b.len)
			buf_adds(&b, ",");
		buf_adds(&b, programs[i].code);
		last = programs[i].code;
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
	if (n > DRAW_NUMBER_MAX)
		return -1;
	if (*end == '\0')
		return n * 100;
	if (islower((unsigned char)end[0]) && end[1] == '\0')
		return n * 100 + (end[0] - 'a' + 1);
	return -1;
}

int
draw_field_is_count(const char *field)
{
	return field && (strcmp(field, "invitations") == 0 ||
	                 strcmp(field, "crs_cutoff") == 0);
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
	free(d->name_fr);
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

/* What people call each category, in titles and headings; the order of
 * category_names. */
static const char *const category_labels[] = {
	"General", "Canadian Experience Class", "Federal Skilled Worker",
	"Federal Skilled Trades", "Provincial Nominee Program", "French language", "STEM",
	"Healthcare", "Trades", "Transport", "Agriculture", "Education", "Physicians",
	"Senior managers", "Military", "Other",
};

const char *
category_label(const char *category)
{
	size_t i;

	for (i = 0; category && i < sizeof(category_names) / sizeof(category_names[0]); i++)
		if (strcmp(category, category_names[i]) == 0)
			return category_labels[i];
	return "Other";
}
_Static_assert(sizeof(category_labels) == sizeof(category_names),
               "a label for each category");
