/* parse_ircc.c: IRCC's rounds feed (ee_rounds_123_en.json) through jansson.
 *
 * Every value is kept as IRCC wrote it beside its normalized form; a value
 * that cannot be normalized is kept raw with a warning, never guessed. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "datetime.h"
#include "parse.h"

/* A member as text: strings as they are, numbers formatted; NULL when the
 * member is absent, null or an empty string.  Caller frees. */
static char *
member_text(json_t *rec, const char *key)
{
	json_t *v = json_object_get(rec, key);

	if (json_is_string(v))
		return json_string_length(v) ? xstrdup(json_string_value(v)) : NULL;
	if (json_is_integer(v))
		return xasprintf("%" JSON_INTEGER_FORMAT, json_integer_value(v));
	return NULL;
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

static long
read_count(const char *raw, const char *number, const char *key,
           struct strlist *warn)
{
	long n;

	if (!raw)
		return -1;
	n = parse_count(raw);
	if (n < 0)
		strlist_addf(warn, "round %s: %s '%s' is not a number; kept as text",
		             number, key, raw);
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
		v[i] = read_count(t, d->number, pool_bands[i].key, warn);
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

static int
read_round(json_t *rec, size_t index, struct draw *d, struct strlist *warn)
{
	d->number = trim(member_text(rec, "drawNumber"));
	if (!d->number || draw_number_key(d->number) < 0) {
		strlist_addf(warn, "rounds[%zu]: drawNumber '%s' is not a round number; skipped",
		             index, d->number ? d->number : "");
		return -1;
	}
	d->date_raw = trim(member_text(rec, "drawDate"));
	read_date(d, rec, warn);

	d->name = trim(member_text(rec, "drawName"));
	d->category = category_of(d->name);
	if (!d->category) {
		d->category = "other";
		strlist_addf(warn, "round %s: drawName '%s' fits no category; stored as other",
		             d->number, d->name ? d->name : "");
	}
	d->version = version_of(d->name);

	d->invitations_raw = trim(member_text(rec, "drawSize"));
	d->invitations = read_count(d->invitations_raw, d->number, "drawSize", warn);
	d->crs_raw = trim(member_text(rec, "drawCRS"));
	d->crs_cutoff = read_count(d->crs_raw, d->number, "drawCRS", warn);

	d->programs_raw = trim(member_text(rec, "drawText2"));
	d->programs = programs_of(d->programs_raw);

	d->draw_time_raw = member_text(rec, "drawDateTime");
	read_time(d->draw_time_raw, d->date, d->draw_time, d->number, "drawDateTime", warn);
	d->tie_break_raw = member_text(rec, "drawCutOff");
	read_time(d->tie_break_raw, d->date, d->tie_break, d->number, "drawCutOff", warn);

	read_pool(d, rec, warn);
	d->raw = json_dumps(rec, JSON_COMPACT);
	return 0;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The union of the records' keys, sorted, and the number of records. */
static void
read_shape(json_t *rounds, struct feed_shape *shape)
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

int
parse_ircc_json(const struct body *b, const struct parse_opts *opts,
                struct draw_list *out, struct strlist *warn, struct err *e)
{
	const char *data = b->data;
	size_t len = b->len, i, j, first = out->n;
	json_error_t jerr;
	json_t *root, *rounds, *rec;

	/* opts->date is not used: the feed dates every round itself. */

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		data += 3, len -= 3;
	root = json_loadb(data, len, JSON_REJECT_DUPLICATES, &jerr);
	if (!root)
		return err_set(e, EX_DATAERR, "%s: not valid JSON at line %d, column %d: %s",
		               b->url, jerr.line, jerr.column, jerr.text);
	rounds = json_object_get(root, "rounds");
	if (!json_is_array(rounds)) {
		json_decref(root);
		return err_set(e, EX_DATAERR, "%s: not an IRCC rounds feed: no \"rounds\" array",
		               b->url);
	}
	if (opts && opts->shape)
		read_shape(rounds, opts->shape);
	json_array_foreach(rounds, i, rec) {
		struct draw *d;

		if (!json_is_object(rec)) {
			strlist_addf(warn, "rounds[%zu]: not an object; skipped", i);
			continue;
		}
		d = draw_list_add(out);
		if (read_round(rec, i, d, warn) != 0) {
			draw_release(d);
			out->n--;
			continue;
		}
		for (j = first; j + 1 < out->n; j++) {
			if (strcmp(out->v[j].number, d->number) == 0) {
				strlist_addf(warn, "round %s appears twice; kept the first",
				             d->number);
				draw_release(d);
				out->n--;
				break;
			}
		}
	}
	json_decref(root);
	return 0;
}
