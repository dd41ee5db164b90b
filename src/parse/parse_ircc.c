/* parse_ircc.c: IRCC's rounds feed (ee_rounds_123_en.json, and the French
 * ee_rounds_123_fr.json: the same keys, French text) through jansson.
 *
 * Every value is kept as IRCC wrote it beside its normalized form; a value
 * that cannot be normalized is kept raw with a warning, never guessed.
 *
 * A body is UTF-8 or, when it is not, Windows-1252 converted to UTF-8.
 * Its language is the one its records are written in (see body_lang); the
 * source's declared language only decides when the records cannot tell,
 * and a body that contradicts it is refused: a French name stored as the
 * English one, or the reverse, would be worse than no draw. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "charset.h"
#include "datetime.h"
#include "parse.h"

/* What a round can hold: CRS scores run to 1200; IRCC's largest round
 * invited 27,332.  Beyond these a value is a typo or a placeholder. */
#define CRS_MAX		1200
#define ITAS_MAX	100000
#define POOL_MAX	10000000

/* A member as text: strings as they are, integers formatted, any other
 * value (a real, true, an array) as its JSON text, which typed() warns
 * of; NULL when the member is absent, null or an empty string.  Caller
 * frees. */
static char *
member_text(json_t *rec, const char *key)
{
	json_t *v = json_object_get(rec, key);

	if (!v || json_is_null(v))
		return NULL;
	if (json_is_string(v))
		return json_string_length(v) ? xstrdup(json_string_value(v)) : NULL;
	if (json_is_integer(v))
		return xasprintf("%" JSON_INTEGER_FORMAT, json_integer_value(v));
	return json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
}

static const char *
json_type_name(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_REAL:
		return "a real number";
	case JSON_TRUE:
	case JSON_FALSE:
		return "a boolean";
	case JSON_ARRAY:
		return "an array";
	case JSON_OBJECT:
		return "an object";
	default:
		return NULL;
	}
}

/* IRCC writes every value as a string (integers in old bodies); one of
 * another type is kept as its JSON text, with a warning, not dropped. */
static void
typed(json_t *rec, const char *number, struct strlist *warn)
{
	const char *key, *type;
	json_t *v;

	json_object_foreach(rec, key, v) {
		char *text;

		if (strncmp(key, "draw", 4) != 0 && strncmp(key, "dd", 2) != 0)
			continue;
		if (!(type = json_type_name(v)))
			continue;
		text = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
		strlist_addf(warn, "round %s: %s is %s (%.40s), not text; kept as text",
		             number, key, type, text ? text : "");
		free(text);
	}
}

/* Trims leading and trailing white space in place. */
static char *
trim(char *s)
{
	char *end;

	if (!s)
		return NULL;
	while (*s == ' ' || *s == '\t')
		memmove(s, s + 1, strlen(s));
	end = s + strlen(s);
	while (end > s && (end[-1] == ' ' || end[-1] == '\t'))
		*--end = '\0';
	return s;
}

static void
read_date(struct draw *d, json_t *rec, struct strlist *warn)
{
	char *full;
	int swapped = 0;

	if (d->date_raw && date_parse_iso(d->date_raw, d->date, &swapped) == 0) {
		if (swapped)
			strlist_addf(warn, "round %s: drawDate '%s' is DD-MM-YYYY, read as %s",
			             d->number, d->date_raw, d->date);
		return;
	}
	full = member_text(rec, "drawDateFull");
	if (full && date_parse_long(full, d->date) == 0)
		strlist_addf(warn, "round %s: drawDate '%s' unreadable, took %s from drawDateFull",
		             d->number, d->date_raw ? d->date_raw : "", d->date);
	else
		strlist_addf(warn, "round %s: no readable date ('%s')", d->number,
		             d->date_raw ? d->date_raw : "");
	free(full);
}

/* A count from lo to hi, or -1 with a warning: a value out of range
 * (CRS 99999, no invitations) is kept raw, never stored as the draw's. */
static long
read_count(const char *raw, const char *number, const char *key, long lo, long hi,
           struct strlist *warn)
{
	long n;

	if (!raw)
		return -1;
	n = parse_count(raw);
	if (n < 0) {
		strlist_addf(warn, "round %s: %s '%s' is not a number; kept as text",
		             number, key, raw);
	} else if (n < lo || n > hi) {
		strlist_addf(warn, "round %s: %s '%s' is out of range (%ld to %ld); kept as text",
		             number, key, raw, lo, hi);
		n = -1;
	}
	return n;
}

static void
read_time(const char *raw, const char *date, char out[21], const char *number,
          const char *key, struct strlist *warn)
{
	if (raw && datetime_parse_ircc(raw, date, out) != 0)
		strlist_addf(warn, "round %s: %s '%s' is not a time eedraws can read; kept as text",
		             number, key, raw);
}

static void
read_pool(struct draw *d, json_t *rec, struct strlist *warn)
{
	long v[DRAW_NBANDS];
	int any = 0, i;
	char *t;

	for (i = 0; i < DRAW_NBANDS; i++) {
		t = member_text(rec, pool_bands[i].key);
		v[i] = read_count(t, d->number, pool_bands[i].key, 0, POOL_MAX, warn);
		if (v[i] > 0)
			any = 1;
		free(t);
	}
	d->pool_as_of_raw = trim(member_text(rec, "drawDistributionAsOn"));
	if (!any)
		return;		/* all zeros: IRCC published no distribution */
	memcpy(d->pool, v, sizeof(v));
	if (d->pool_as_of_raw && date_parse_long(d->pool_as_of_raw, d->pool_as_of) != 0)
		strlist_addf(warn, "round %s: drawDistributionAsOn '%s' is not a date; kept as text",
		             d->number, d->pool_as_of_raw);
}

/* The LACKS_* keys a record does not have at all, and its pool bands. */
static unsigned
lacking(json_t *rec, unsigned long *bands)
{
	static const struct { const char *key; unsigned bit; } keys[] = {
		{ "drawDate", LACKS_DATE }, { "drawName", LACKS_NAME },
		{ "drawSize", LACKS_SIZE }, { "drawCRS", LACKS_CRS },
		{ "drawDateTime", LACKS_TIME }, { "drawCutOff", LACKS_CUTOFF },
		{ "drawText2", LACKS_PROGRAMS }, { "drawDistributionAsOn", LACKS_POOL_AS_OF },
	};
	unsigned lacks = 0;
	size_t i;

	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++)
		if (!json_object_get(rec, keys[i].key))
			lacks |= keys[i].bit;
	*bands = 0;
	for (i = 0; i < DRAW_NBANDS; i++)
		if (!json_object_get(rec, pool_bands[i].key))
			*bands |= 1UL << i;
	return lacks;
}

/* How json_dumps() escapes the byte c: "\\n" and the like, else NULL
 * for \u00XX. */
static const char *
short_escape(unsigned char c)
{
	switch (c) {
	case '"':
		return "\\\"";
	case '\\':
		return "\\\\";
	case '\b':
		return "\\b";
	case '\f':
		return "\\f";
	case '\n':
		return "\\n";
	case '\r':
		return "\\r";
	case '\t':
		return "\\t";
	default:
		return NULL;
	}
}

/* A string as json_dumps() writes it: '"', '\\' and the control
 * characters escaped, every other byte as it is (jansson checked the
 * UTF-8 as it read it). */
static void
dump_string(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	char u[7] = "\\u00";
	const char *e;
	size_t i, from = 0;

	buf_add(b, "\"", 1);
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x20 && c != '"' && c != '\\')
			continue;
		buf_add(b, s + from, i - from);
		from = i + 1;
		if ((e = short_escape(c))) {
			buf_add(b, e, 2);
			continue;
		}
		u[4] = hex[c >> 4];
		u[5] = hex[c & 15];
		buf_add(b, u, 6);
	}
	buf_add(b, s + from, n - from);
	buf_add(b, "\"", 1);
}

/* v as json_dumps(v, JSON_COMPACT) writes it, byte for byte: jansson's
 * own took a sixth of an ingest, called back for every piece of every
 * string.  -1 for a real, whose digits are jansson's to choose. */
static int
dump_compact(struct buf *b, json_t *v)
{
	const char *key;
	json_t *x;
	size_t i;

	switch (json_typeof(v)) {
	case JSON_OBJECT:
		i = 0;
		buf_add(b, "{", 1);
		json_object_foreach(v, key, x) {
			if (i++)
				buf_add(b, ",", 1);
			dump_string(b, key, strlen(key));
			buf_add(b, ":", 1);
			if (dump_compact(b, x))
				return -1;
		}
		buf_add(b, "}", 1);
		return 0;
	case JSON_ARRAY:
		buf_add(b, "[", 1);
		json_array_foreach(v, i, x) {
			if (i)
				buf_add(b, ",", 1);
			if (dump_compact(b, x))
				return -1;
		}
		buf_add(b, "]", 1);
		return 0;
	case JSON_STRING:
		dump_string(b, json_string_value(v), json_string_length(v));
		return 0;
	case JSON_INTEGER:
		buf_addf(b, "%" JSON_INTEGER_FORMAT, json_integer_value(v));
		return 0;
	case JSON_TRUE:
		buf_adds(b, "true");
		return 0;
	case JSON_FALSE:
		buf_adds(b, "false");
		return 0;
	case JSON_NULL:
		buf_adds(b, "null");
		return 0;
	default:
		return -1;
	}
}

/* The record as stored whole (draw.raw): its compact JSON. */
static char *
record_text(json_t *rec)
{
	struct buf b = {0};

	if (dump_compact(&b, rec) == 0)
		return buf_detach(&b, NULL);
	buf_release(&b);
	return json_dumps(rec, JSON_COMPACT);
}

static int
read_round(json_t *rec, size_t index, const char *lang, struct draw *d,
           struct strlist *warn)
{
	char *name;

	d->number = trim(member_text(rec, "drawNumber"));
	if (!d->number || draw_number_key(d->number) < 0) {
		strlist_addf(warn, "rounds[%zu]: drawNumber '%s' is not a round number; skipped",
		             index, d->number ? d->number : "");
		return -1;
	}
	d->lacks = lacking(rec, &d->lacks_bands);
	typed(rec, d->number, warn);
	d->date_raw = trim(member_text(rec, "drawDate"));
	read_date(d, rec, warn);

	name = trim(member_text(rec, "drawName"));
	d->lang = lang;
	if (strcmp(lang, "fr") == 0)
		d->name_fr = name;
	else
		d->name = name;
	d->category = category_of(name);
	if (!d->category) {
		d->category = "other";
		strlist_addf(warn, "round %s: drawName '%s' fits no category; stored as other",
		             d->number, name ? name : "");
	}
	d->version = version_of(name);

	d->invitations_raw = trim(member_text(rec, "drawSize"));
	d->invitations = read_count(d->invitations_raw, d->number, "drawSize", 1, ITAS_MAX, warn);
	d->crs_raw = trim(member_text(rec, "drawCRS"));
	d->crs_cutoff = read_count(d->crs_raw, d->number, "drawCRS", 1, CRS_MAX, warn);

	d->programs_raw = trim(member_text(rec, "drawText2"));
	d->programs = programs_of(d->programs_raw);

	d->draw_time_raw = member_text(rec, "drawDateTime");
	read_time(d->draw_time_raw, d->date, d->draw_time, d->number, "drawDateTime", warn);
	d->tie_break_raw = member_text(rec, "drawCutOff");
	read_time(d->tie_break_raw, d->date, d->tie_break, d->number, "drawCutOff", warn);

	read_pool(d, rec, warn);
	d->raw = record_text(rec);
	return 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The union of the records' keys, sorted, and the number of records. */
static void
read_shape(json_t *rounds, struct ircc_shape *shape)
{
	json_t *seen = json_object(), *rec, *v;
	const char *key, **keys;
	struct buf b = {0};
	size_t i, n = 0;

	json_array_foreach(rounds, i, rec)
		json_object_foreach(rec, key, v)
			json_object_set(seen, key, json_true());
	keys = xcalloc(json_object_size(seen) + 1, sizeof(*keys));
	json_object_foreach(seen, key, v)
		keys[n++] = key;
	qsort(keys, n, sizeof(*keys), cmp_str);
	for (i = 0; i < n; i++)
		buf_addf(&b, "%s%s", i ? "," : "", keys[i]);
	shape->keys = buf_detach(&b, NULL);
	shape->rounds = (long)json_array_size(rounds);
	free(keys);
	json_decref(seen);
}

/* The keys of the comma-separated list a that are not in b, as a list
 * (caller frees), "" when none.  (IRCC's keys hold no commas.) */
static char *
keys_missing(const char *a, const char *b)
{
	char *within = xasprintf(",%s,", b), *key;
	struct buf out = {0};
	const char *p = a, *end;

	while (*p) {
		end = p + strcspn(p, ",");
		key = xasprintf(",%.*s,", (int)(end - p), p);
		if (!strstr(within, key))
			buf_addf(&out, "%s%.*s", out.len ? ", " : "", (int)(end - p), p);
		free(key);
		p = *end ? end + 1 : end;
	}
	free(within);
	return buf_detach(&out, NULL);
}

void
ircc_shape_drift(const char *old_keys, long old_rounds, const struct ircc_shape *now,
                 struct strlist *warn)
{
	char *lost, *gained;

	if (old_keys) {
		lost = keys_missing(old_keys, now->keys);
		gained = keys_missing(now->keys, old_keys);
		if (*lost)
			strlist_addf(warn, "IRCC's records lost keys since the last body: %s",
			             lost);
		if (*gained)
			strlist_addf(warn, "IRCC's records gained keys since the last body: %s",
			             gained);
		free(lost);
		free(gained);
	}
	if (old_rounds > now->rounds)
		strlist_addf(warn, "the round count dropped from %ld to %ld since the last"
		             " body (a round missing is not a round deleted: draws are kept)",
		             old_rounds, now->rounds);
}

/* Which language a date in words is written in: "fr" for day first
 * ("15 avril 2026"), "en" for month first ("April 15, 2026"), NULL when
 * it is not a date eedraws reads. */
static const char *
date_lang(const char *s)
{
	char date[11];

	if (!s || date_parse_long(s, date) != 0)
		return NULL;
	while (*s == ' ')
		s++;
	return *s >= '0' && *s <= '9' ? "fr" : "en";
}

/* The language the records are written in, by the majority of their
 * drawDateFull ("April 15, 2026" or "15 avril 2026"): every record has
 * one, it is a date in words, and the order of day and month tells the
 * language even where the names (STEM) or numbers (470) do not.  NULL when
 * no record tells, or as many say one as the other. */
static const char *
body_lang(json_t *rounds)
{
	json_t *rec;
	size_t i;
	long en = 0, fr = 0;
	const char *l;

	json_array_foreach(rounds, i, rec) {
		l = json_is_object(rec) ?
		    date_lang(json_string_value(json_object_get(rec, "drawDateFull"))) : NULL;
		if (l && *l == 'f')
			fr++;
		else if (l)
			en++;
	}
	return fr > en ? "fr" : en > fr ? "en" : NULL;
}

/* The body as UTF-8 text: as it is when it is UTF-8, else converted from
 * Windows-1252 into *conv (caller frees). */
static int
utf8_body(const struct body *b, const char **data, size_t *len, char **conv,
          struct strlist *warn, struct err *e)
{
	size_t bad = 0, bad1252 = 0;
	int rc;

	*conv = NULL;
	if (utf8_valid(*data, *len, &bad))
		return 0;
	rc = cp1252_to_utf8(*data, *len, conv, len, &bad1252);
	if (rc == -2)
		return err_set(e, EX_DATAERR, "%s: not UTF-8 (byte 0x%02x at offset %zu), and "
		               "iconv cannot read Windows-1252 here", b->url,
		               (unsigned char)(*data)[bad], bad);
	if (rc != 0)
		return err_set(e, EX_DATAERR, "%s: neither UTF-8 (byte 0x%02x at offset %zu) "
		               "nor Windows-1252 (byte 0x%02x at offset %zu has no character)",
		               b->url, (unsigned char)(*data)[bad], bad,
		               (unsigned char)(*data)[bad1252], bad1252);
	if (charset_is_utf8(b->content_type))
		strlist_addf(warn, "labelled UTF-8 (%s) but not UTF-8 (byte 0x%02x at offset "
		             "%zu); read as Windows-1252", b->content_type,
		             (unsigned char)(*data)[bad], bad);
	*data = *conv;
	return 0;
}

/* The draw numbers read so far, to find a round listed twice: a hash set
 * of the strings (owned by the draws), open addressing, never full.  A
 * pairwise search took a second for a feed of 10,000 rounds. */
struct numbers {
	const char **slot;
	size_t size;		/* a power of two */
};

static void
numbers_init(struct numbers *ns, size_t n)
{
	ns->size = 16;
	while (ns->size < 2 * n)
		ns->size *= 2;
	ns->slot = xcalloc(ns->size, sizeof(*ns->slot));
}

/* Adds number; 0 when it was there already. */
static int
numbers_add(struct numbers *ns, const char *number)
{
	size_t h = 2166136261u, i;
	const unsigned char *p;

	for (p = (const unsigned char *)number; *p; p++)
		h = (h ^ *p) * 16777619u;
	for (i = h & (ns->size - 1); ns->slot[i]; i = (i + 1) & (ns->size - 1))
		if (strcmp(ns->slot[i], number) == 0)
			return 0;
	ns->slot[i] = number;
	return 1;
}

int
parse_ircc_json(const struct body *b, const struct parse_opts *opts,
                struct draw_list *out, struct strlist *warn, struct err *e)
{
	const char *data = b->data, *lang, *declared;
	size_t len = b->len, i;
	struct numbers seen;
	json_error_t jerr;
	json_t *root, *rounds, *rec;
	char *conv;
	int rc;

	/* opts->date is not used: the feed dates every round itself. */
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		data += 3, len -= 3;
	if ((rc = utf8_body(b, &data, &len, &conv, warn, e)))
		return rc;
	root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
	free(conv);
	if (!root)
		return err_set(e, EX_DATAERR, "%s: not valid JSON at line %d, column %d: %s",
		               b->url, jerr.line, jerr.column, jerr.text);
	rounds = json_object_get(root, "rounds");
	if (!json_is_array(rounds)) {
		json_decref(root);
		return err_set(e, EX_DATAERR, "%s: not an IRCC rounds feed: no \"rounds\" array",
		               b->url);
	}
	declared = opts && opts->lang ? opts->lang : parse_lang_of_url(b->url);
	lang = body_lang(rounds);
	if (lang && declared && strcmp(lang, declared) != 0) {
		json_decref(root);
		return err_set(e, EX_DATAERR, "%s: the rounds are written in %s (drawDateFull), "
		               "but the source is declared %s; check its url and lang",
		               b->url, strcmp(lang, "fr") == 0 ? "French" : "English",
		               strcmp(declared, "fr") == 0 ? "French" : "English");
	}
	if (!lang)
		lang = declared ? declared : "en";
	if (opts && opts->shape) {
		read_shape(rounds, opts->shape);
		opts->shape->lang = strcmp(lang, "fr") == 0 ? "fr" : "en";
	}
	/* At most one slot per record: the set never fills. */
	numbers_init(&seen, json_array_size(rounds));
	json_array_foreach(rounds, i, rec) {
		struct draw *d;

		if (!json_is_object(rec)) {
			strlist_addf(warn, "rounds[%zu]: not an object; skipped", i);
			continue;
		}
		d = draw_list_add(out);
		if (read_round(rec, i, lang, d, warn) != 0) {
			draw_release(d);
			out->n--;
			continue;
		}
		if (!numbers_add(&seen, d->number)) {
			strlist_addf(warn, "round %s appears twice; kept the first", d->number);
			draw_release(d);
			out->n--;
		}
	}
	free(seen.slot);
	json_decref(root);
	return 0;
}
