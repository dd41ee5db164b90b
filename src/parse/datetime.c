/* datetime.c: dates and times as IRCC and news sites write them.
 *
 * A small cursor-based tokenizer: every scan_* helper reads one token at
 * *pp and, on success, advances *pp past it; on failure (-1) *pp is left
 * alone.  Month names go through strncasecmp; digits are read by hand on
 * purpose: strtol and sscanf accept signs and leading blanks, which these
 * fixed-width fields must not. */
#include "datetime.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Fields already range-checked, narrowed so that the compiler sees that
 * they fit in out[]. */
#define U2(v)	((unsigned)(v) % 100u)
#define U4(v)	((unsigned)(v) % 10000u)

static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December",
};

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in_month(int y, int m)
{
	static const int mdays[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
	};

	return m == 2 && is_leap(y) ? 29 : mdays[m - 1];
}

int
date_valid(int y, int m, int d)
{
	return m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

/* Howard Hinnant's days_from_civil: eras of 400 years (146097 days),
 * counted from March 1 so that the leap day ends the year. */
long
days_from_civil(int y, int m, int d)
{
	long yy = (long)y - (m <= 2);
	long era = (yy >= 0 ? yy : yy - 399) / 400;
	long yoe = yy - era * 400;		/* year of era, [0, 399] */
	long doy = (153L * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;	/* [0, 146096] */

	return era * 146097 + doe - 719468;
}

/* Skips blanks, the no-break spaces of French typography (U+00A0, U+202F)
 * among them; returns how many bytes there were. */
static size_t
skip_spaces(const char **pp)
{
	const char *p = *pp;
	size_t n;

	for (;;) {
		if (*p == ' ' || *p == '\t')
			p++;
		else if ((unsigned char)p[0] == 0xc2 && (unsigned char)p[1] == 0xa0)
			p += 2;
		else if ((unsigned char)p[0] == 0xe2 && (unsigned char)p[1] == 0x80 &&
		         (unsigned char)p[2] == 0xaf)
			p += 3;
		else
			break;
	}
	n = (size_t)(p - *pp);
	*pp = p;
	return n;
}

/* A run of between min and max digits, not followed by another digit. */
static int
scan_num(const char **pp, int min, int max, int *val)
{
	const char *p = *pp;
	int n = 0, v = 0;

	while (isdigit((unsigned char)p[n])) {
		if (n == max)
			return -1;
		v = v * 10 + (p[n] - '0');
		n++;
	}
	if (n < min)
		return -1;
	*val = v;
	*pp = p + n;
	return 0;
}

/* The word w (case-insensitive), not followed by a letter. */
static int
scan_word(const char **pp, const char *w)
{
	size_t n = strlen(w);

	if (strncasecmp(*pp, w, n) != 0 || isalpha((unsigned char)(*pp)[n]))
		return -1;
	*pp += n;
	return 0;
}

/* An English month name, full or abbreviated to three letters ("Sept" too),
 * case-insensitive; an abbreviation may end with a dot. */
static int
scan_month(const char **pp, int *mon)
{
	const char *p = *pp;
	size_t n = 0, full = 0;
	int i;

	while (isalpha((unsigned char)p[n]))
		n++;
	if (n < 3)
		return -1;
	for (i = 0; i < 12; i++) {
		full = strlen(month_names[i]);
		if (n <= full && strncasecmp(p, month_names[i], n) == 0 &&
		    (n == full || n == 3 || (n == 4 && i == 8)))
			break;
	}
	if (i == 12)
		return -1;
	p += n;
	if (n < full && *p == '.')
		p++;
	*mon = i + 1;
	*pp = p;
	return 0;
}

/* French month names (IRCC's French feed: "15 avril 2026"), in UTF-8, with
 * the spellings without accents and the usual abbreviations. */
static const struct {
	const char *name;
	int month;
} month_fr[] = {
	{ "janvier", 1 }, { "janv.", 1 },
	{ "f\xc3\xa9vrier", 2 }, { "fevrier", 2 }, { "f\xc3\xa9vr.", 2 }, { "fevr.", 2 },
	{ "mars", 3 },
	{ "avril", 4 }, { "avr.", 4 },
	{ "mai", 5 },
	{ "juin", 6 },
	{ "juillet", 7 }, { "juil.", 7 },
	{ "ao\xc3\xbbt", 8 }, { "aout", 8 },
	{ "septembre", 9 }, { "sept.", 9 },
	{ "octobre", 10 }, { "oct.", 10 },
	{ "novembre", 11 }, { "nov.", 11 },
	{ "d\xc3\xa9" "cembre", 12 }, { "decembre", 12 }, { "d\xc3\xa9" "c.", 12 }, { "dec.", 12 },
};

/* Whether the text at p continues a word: an ASCII letter or a multibyte
 * UTF-8 character ("é"), other than a no-break space. */
static int
word_byte(const char *p)
{
	const char *q = p;

	if (skip_spaces(&q))
		return 0;
	return isalpha((unsigned char)*p) || (unsigned char)*p >= 0x80;
}

/* A French month name (case-insensitive for ASCII letters), not followed by
 * more of a word. */
static int
scan_month_fr(const char **pp, int *mon)
{
	size_t i, n;

	for (i = 0; i < sizeof(month_fr) / sizeof(month_fr[0]); i++) {
		n = strlen(month_fr[i].name);
		if (strncasecmp(*pp, month_fr[i].name, n) == 0 &&
		    (month_fr[i].name[n - 1] == '.' || !word_byte(*pp + n))) {
			*mon = month_fr[i].month;
			*pp += n;
			return 0;
		}
	}
	return -1;
}

/* Leading blanks, then "D Month" as French writes it: "15 avril",
 * "1er mars". */
static int
scan_day_month_fr(const char **pp, int *d, int *m)
{
	const char *p = *pp;

	skip_spaces(&p);
	if (scan_num(&p, 1, 2, d) != 0)
		return -1;
	if (*d == 1 && strncasecmp(p, "er", 2) == 0 && !word_byte(p + 2))
		p += 2;
	if (skip_spaces(&p) == 0 || scan_month_fr(&p, m) != 0)
		return -1;
	*pp = p;
	return 0;
}

/* "YYYY-MM-DD", or also "DD-MM-YYYY" when swapped is not NULL (*swapped
 * then says which it was).  The date itself is not checked. */
static int
scan_iso(const char **pp, int *y, int *m, int *d, int *swapped)
{
	const char *p = *pp;
	int a, b, c;

	if (scan_num(&p, 4, 4, &a) == 0) {
		if (*p++ != '-' || scan_num(&p, 2, 2, &b) != 0 ||
		    *p++ != '-' || scan_num(&p, 2, 2, &c) != 0)
			return -1;
		*y = a, *m = b, *d = c;
		if (swapped)
			*swapped = 0;
	} else if (swapped && scan_num(&p, 2, 2, &a) == 0) {
		if (*p++ != '-' || scan_num(&p, 2, 2, &b) != 0 ||
		    *p++ != '-' || scan_num(&p, 4, 4, &c) != 0)
			return -1;
		*y = c, *m = b, *d = a;
		*swapped = 1;
	} else {
		return -1;
	}
	*pp = p;
	return 0;
}

/* Leading blanks, then "Month D" with an optional ordinal suffix:
 * "April 15", "July 3rd", "Sept. 7". */
static int
scan_month_day(const char **pp, int *m, int *d)
{
	const char *p = *pp;

	skip_spaces(&p);
	if (scan_month(&p, m) != 0)
		return -1;
	if (skip_spaces(&p) == 0 && p[-1] != '.')
		return -1;
	if (scan_num(&p, 1, 2, d) != 0)
		return -1;
	if (scan_word(&p, "st") != 0 && scan_word(&p, "nd") != 0 &&
	    scan_word(&p, "rd") != 0)
		(void)scan_word(&p, "th");
	*pp = p;
	return 0;
}

/* What follows "Month D": a separator (",", "." or blanks) and a year, as
 * in "April 15, 2026", "April 15 2026", "August 30. 2023" or "November
 * 09,2022".  Returns 1 with *y set, 0 when there is no year ("October 7
 * at ..."), the cursor then past the separator; -1 if there is no
 * separator. */
static int
scan_year(const char **pp, int *y)
{
	const char *p = *pp;

	if (*p == ',' || *p == '.')
		p++;
	else if (skip_spaces(&p) == 0)
		return -1;
	skip_spaces(&p);
	*pp = p;
	if (scan_num(pp, 4, 4, y) != 0)
		return 0;
	return 1;
}

/* French typography's "10 h 43 min 11 s" (the blanks optional). */
static int
scan_time_fr(const char **pp, int *h, int *mi, int *s)
{
	const char *p = *pp;

	if (scan_num(&p, 1, 2, h) != 0)
		return -1;
	skip_spaces(&p);
	if ((*p != 'h' && *p != 'H') || isalpha((unsigned char)p[1]))
		return -1;
	p++;
	skip_spaces(&p);
	if (scan_num(&p, 2, 2, mi) != 0)
		return -1;
	skip_spaces(&p);
	if (scan_word(&p, "min") != 0)
		return -1;
	skip_spaces(&p);
	if (scan_num(&p, 2, 2, s) != 0)
		return -1;
	skip_spaces(&p);
	if (scan_word(&p, "s") != 0)
		return -1;
	*pp = p;
	return 0;
}

/* "H:MM:SS" or "HH:MM:SS", then an optional AM or PM; or the French
 * "10 h 43 min 11 s". */
static int
scan_time(const char **pp, int *h, int *mi, int *s)
{
	const char *p = *pp;
	const char *q;

	if (scan_time_fr(pp, h, mi, s) == 0)
		return 0;
	if (scan_num(&p, 1, 2, h) != 0 || *p++ != ':' ||
	    scan_num(&p, 2, 2, mi) != 0 || *p++ != ':' ||
	    scan_num(&p, 2, 2, s) != 0)
		return -1;
	q = p;
	skip_spaces(&q);
	/* The feed also has "15:48:39 AM" and "20:19:59 PM": a 24-hour
	 * clock with a stray suffix, taken as it is. */
	if (scan_word(&q, "AM") == 0) {
		if (*h == 12)
			*h = 0;
		p = q;
	} else if (scan_word(&q, "PM") == 0) {
		if (*h >= 1 && *h <= 11)
			*h += 12;
		p = q;
	}
	*pp = p;
	return 0;
}

/* Nothing but blanks and at most one "UTC", "GMT" or "Z" to the end. */
static int
scan_zone_end(const char *p)
{
	skip_spaces(&p);
	if (scan_word(&p, "UTC") == 0 || scan_word(&p, "GMT") == 0 ||
	    scan_word(&p, "Z") == 0)
		skip_spaces(&p);
	return *p == '\0' ? 0 : -1;
}

int
date_parse_iso(const char *s, char out[11], int *swapped)
{
	int y, m, d, sw;

	if (scan_iso(&s, &y, &m, &d, &sw) != 0 || *s != '\0' ||
	    y < 1 || !date_valid(y, m, d))
		return -1;
	snprintf(out, 11, "%04u-%02u-%02u", U4(y), U2(m), U2(d));
	if (swapped)
		*swapped = sw;
	return 0;
}

/* The words of a date, English "April 15, 2026" or French "15 avril 2026"
 * (the year optional in both); returns as scan_year does. */
static int
scan_date_words(const char **pp, int *y, int *m, int *d)
{
	const char *p = *pp;
	int has_year;

	if (scan_month_day(&p, m, d) != 0 && scan_day_month_fr(&p, d, m) != 0)
		return -1;
	if ((has_year = scan_year(&p, y)) < 0)
		return -1;
	*pp = p;
	return has_year;
}

int
date_parse_long(const char *s, char out[11])
{
	int y, m, d;

	if (scan_date_words(&s, &y, &m, &d) != 1 || y < 1 || !date_valid(y, m, d))
		return -1;
	skip_spaces(&s);
	if (*s != '\0')
		return -1;
	snprintf(out, 11, "%04u-%02u-%02u", U4(y), U2(m), U2(d));
	return 0;
}

/* The year of "Month D" from ref (YYYY-MM-DD): the latest such date not
 * after ref, going back past non-leap years for February 29. */
static int
year_from_ref(const char *ref, int m, int d, int *y)
{
	int ry, rm, rd, i;

	if (!ref || scan_iso(&ref, &ry, &rm, &rd, NULL) != 0 ||
	    *ref != '\0' || !date_valid(ry, rm, rd))
		return -1;
	if (m > rm || (m == rm && d > rd))
		ry--;
	for (i = 0; i < 8 && !date_valid(ry, m, d); i++)
		ry--;
	*y = ry;
	return 0;
}

int
datetime_parse_ircc(const char *s, const char *ref_date, char out[21])
{
	int y, m, d, h, mi, sec, has_year, iy, im, id;
	const char *p = s, *q;

	if (!s || (has_year = scan_date_words(&p, &y, &m, &d)) < 0)
		return -1;
	if (has_year && (*p == ',' || *p == '.'))	/* "May 26, 2017, at" */
		p++;
	skip_spaces(&p);
	/* "at", also glued to the time: "May 31, 2024 at12:48:30 UTC"; in
	 * French "à" (or "a" without its accent) */
	if (strncasecmp(p, "at", 2) == 0 && !isalpha((unsigned char)p[2])) {
		p += 2;
		skip_spaces(&p);
	} else if (strncmp(p, "\xc3\xa0", 2) == 0 && !word_byte(p + 2)) {
		p += 2;
		skip_spaces(&p);
	} else if ((*p == 'a' || *p == 'A') && !word_byte(p + 1)) {
		p += 1;
		skip_spaces(&p);
	}

	q = p;
	if (scan_iso(&q, &iy, &im, &id, NULL) == 0) {
		/* "January 23, 2025 at 2025-01-23 15:30:04 UTC": the ISO
		 * date is used, but the words before it must be a date too. */
		if (!date_valid(has_year ? y : 2000, m, d) ||
		    (*q != ' ' && *q != 'T'))
			return -1;
		p = q + 1;
		skip_spaces(&p);
		y = iy, m = im, d = id;
	} else if (!has_year) {
		/* "October 7 at 16:38:21 UTC" */
		if (year_from_ref(ref_date, m, d, &y) != 0)
			return -1;
	}
	if (scan_time(&p, &h, &mi, &sec) != 0 || scan_zone_end(p) != 0)
		return -1;
	if (y < 1 || y > 9999 || !date_valid(y, m, d) ||
	    h > 23 || mi > 59 || sec > 59)
		return -1;
	snprintf(out, 21, "%04u-%02u-%02uT%02u:%02u:%02uZ",
	    U4(y), U2(m), U2(d), U2(h), U2(mi), U2(sec));
	return 0;
}
