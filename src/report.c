/* report.c: the HTML page of the draws; see report.h. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "datetime.h"
#include "util.h"

/* The draws shown in the table of the latest. */
#define LATEST_ROWS 20

enum shape { CIRCLE, SQUARE, TRIANGLE, DIAMOND, TRIANGLE_DOWN, STAR, PLUS, CROSS };

/* The charts' eight looks: a colour (Okabe and Ito's palette, told apart
 * by most who see colours differently) and a marker each, no two alike,
 * so that a point is told by its shape too.  The last, grey, is every
 * rarer category together. */
static const struct look {
	const char *colour;
	enum shape shape;
} looks[] = {
	{ "#0072b2", CIRCLE },		/* blue */
	{ "#e69f00", SQUARE },		/* orange */
	{ "#d55e00", TRIANGLE_DOWN },	/* vermilion */
	{ "#56b4e9", DIAMOND },		/* sky blue */
	{ "#009e73", TRIANGLE },	/* bluish green */
	{ "#cc79a7", STAR },		/* reddish purple */
	{ "#222222", PLUS },		/* black */
	{ "#8c8c8c", CROSS },		/* grey: the other categories */
};
#define NLOOKS (sizeof(looks) / sizeof(looks[0]))
#define OTHER_LOOK (NLOOKS - 1)

/* Each category's name and look, in legend and stacking order.  The
 * categories IRCC draws most keep a look of their own; a rarer one, or
 * one missing here ("other", the last row), shares the grey.  To style a
 * new category, add a row. */
static const struct style {
	const char *category;
	const char *label;
	size_t look;
} styles[] = {
	{ "general", "General", 0 },
	{ "cec", "Canadian Experience Class", 1 },
	{ "pnp", "Provincial Nominee Program", 2 },
	{ "french", "French language", 3 },
	{ "healthcare", "Healthcare", 4 },
	{ "stem", "STEM", 5 },
	{ "trades", "Trades", 6 },
	{ "fsw", "Federal Skilled Worker", OTHER_LOOK },
	{ "fst", "Federal Skilled Trades", OTHER_LOOK },
	{ "transport", "Transport", OTHER_LOOK },
	{ "agriculture", "Agriculture", OTHER_LOOK },
	{ "education", "Education", OTHER_LOOK },
	{ "physicians", "Physicians", OTHER_LOOK },
	{ "senior-managers", "Senior managers", OTHER_LOOK },
	{ "military", "Military", OTHER_LOOK },
	{ "other", "Other", OTHER_LOOK },
};
#define NSTYLES (sizeof(styles) / sizeof(styles[0]))

static const struct {
	const char *id;		/* the marker's id in the chart's defs */
	const char *glyph;	/* the same shape as text, for the legend */
	const char *svg;	/* centred on 0,0 */
} shapes[] = {
	[CIRCLE] = { "m-circle", "\xe2\x97\x8f", "<circle r=\"4.2\"/>" },
	[SQUARE] = { "m-square", "\xe2\x96\xa0",
	             "<rect x=\"-3.6\" y=\"-3.6\" width=\"7.2\" height=\"7.2\"/>" },
	[TRIANGLE] = { "m-triangle", "\xe2\x96\xb2", "<path d=\"M0,-4.8L4.6,3.6H-4.6Z\"/>" },
	[DIAMOND] = { "m-diamond", "\xe2\x97\x86", "<path d=\"M0,-5L5,0L0,5L-5,0Z\"/>" },
	[TRIANGLE_DOWN] = { "m-triangle-down", "\xe2\x96\xbc",
	                    "<path d=\"M0,4.8L4.6,-3.6H-4.6Z\"/>" },
	[STAR] = { "m-star", "\xe2\x98\x85", "<path d=\"M0,-5.8L1.5,-2L5.5,-1.8L2.4,.8L3.4,4.7"
	           "L0,2.5L-3.4,4.7L-2.4,.8L-5.5,-1.8L-1.5,-2Z\"/>" },
	[PLUS] = { "m-plus", "\xe2\x9c\x9a", "<path d=\"M-1.7,-5H1.7V-1.7H5V1.7H1.7V5H-1.7V1.7"
	           "H-5V-1.7H-1.7Z\"/>" },
	[CROSS] = { "m-cross", "\xe2\x9c\x96", "<path transform=\"rotate(45)\" d=\"M-1.5,-5H1.5"
	            "V-1.5H5V1.5H1.5V5H-1.5V1.5H-5V-1.5H-1.5Z\"/>" },
};

static size_t
style_index(const char *category)
{
	size_t i;

	for (i = 0; category && i < NSTYLES; i++)
		if (strcmp(styles[i].category, category) == 0)
			return i;
	return NSTYLES - 1;
}

static const struct look *
look_of(const char *category)
{
	return &looks[styles[style_index(category)].look];
}

static const char page_css[] =
	"body{font:16px/1.45 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;"
	"color:#222;background:#fff;margin:0 auto;max-width:1000px;padding:0 12px}\n"
	"h1{font-size:1.6em;margin:.6em 0 .2em}\n"
	"h2{font-size:1.2em;margin:1.4em 0 .4em;border-bottom:1px solid #ccc}\n"
	"figure{margin:0}\n"
	".meta,.note{color:#555}\n"
	".chart svg,.sm svg{display:block;width:100%;height:auto}\n"
	"svg text{font-family:system-ui,sans-serif;font-size:12px;fill:#333}\n"
	"svg .title{font-size:13px}\n"
	".grid line{stroke:#e2e2e2}\n"
	".axis{stroke:#888}\n"
	".pt{stroke:#222;stroke-width:.6}\n"
	".pt.unconfirmed{stroke-width:2}\n"
	".ring{fill:none;stroke:#c00;stroke-width:1.6;stroke-dasharray:3 2}\n"
	".key.ring{color:#c00}\n"
	".summary{margin:.3em 0}\n"
	".pair{display:grid;grid-template-columns:minmax(0,1fr);column-gap:2em}\n"
	"@media (min-width:820px){.pair{grid-template-columns:minmax(0,2fr) minmax(0,3fr)}}\n"
	".barcol{width:35%}\n"
	"tr.total th,tr.total td{font-weight:700;border-top:2px solid #999}\n"
	".hbar{display:inline-block;height:.8em;background:#0072b2;vertical-align:middle}\n"
	".vh{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%)}\n"
	".multiples{display:grid;grid-template-columns:repeat(auto-fill,"
	"minmax(min(100%,300px),1fr));gap:.4em 1.4em}\n"
	".sm figcaption{font-size:.95em}\n"
	".sm-name{font-weight:700}\n"
	".sm-latest{display:block;color:#555;white-space:nowrap}\n"
	".sm svg text{font-size:13px}\n"
	".sm .line{fill:none;stroke:#0072b2;stroke-width:1.6}\n"
	".sm .pt{fill:#0072b2;stroke:#fff;stroke-width:.8}\n"
	".sm .pt.unconfirmed{fill:#fff;stroke:#c00;stroke-width:1.6}\n"
	".sm .pt.newest{fill:#d55e00;stroke:#222}\n"
	".sm .val{font-size:15px;font-weight:700;fill:#222}\n"
	".legend{list-style:none;padding:0;margin:.4em 0;display:flex;flex-wrap:wrap;"
	"gap:.1em 1.2em;font-size:.9em}\n"
	".key{font-size:1.15em}\n"
	".table{overflow-x:auto}\n"
	"table{border-collapse:collapse;width:100%;font-size:.9em}\n"
	"caption{text-align:left;color:#555;padding:.2em 0}\n"
	"th,td{padding:.25em .5em;border-bottom:1px solid #ddd;text-align:left;"
	"vertical-align:top;white-space:nowrap}\n"
	"td.notes{white-space:normal;min-width:12em}\n"
	"thead th{white-space:normal}\n"
	"td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}\n"
	"tr.unconfirmed td{font-style:italic;color:#555}\n"
	".flag{font-weight:bold;color:#a00}\n"
	".card{border:1px solid #c9d3e0;border-radius:8px;padding:.4em 1em .6em;margin:1em 0;"
	"background:#f5f8fc}\n"
	".card h2{border:0;margin:.3em 0 0;font-size:1.3em}\n"
	".card .what{font-size:1.2em;font-weight:600;margin:0 0 .3em}\n"
	".figures{display:flex;flex-wrap:wrap;gap:.4em 2.2em;margin:.4em 0}\n"
	".figures dt{color:#555;font-size:.9em}\n"
	".figures dd{margin:0;font-size:2em;font-weight:700;line-height:1.2;"
	"font-variant-numeric:tabular-nums;white-space:nowrap}\n"
	".card h3{font-size:1em;margin:.8em 0 .2em}\n"
	".card ul{margin:.2em 0;padding-left:1.2em}\n"
	"time{white-space:nowrap}\n"
	".empty{font-size:1.1em;padding:1em;border:1px solid #ccc;background:#fafafa}\n"
	/* A phone shows the wide charts at about 0.39 (960 units in 374 px)
	 * and the month's at 0.62: their text grows to stay 11 px or more,
	 * the values up move into the plot, every other label goes, the
	 * markers grow (a marker's instance takes only selectors of one
	 * element: .mk, not .full .mk). */
	"@media (max-width:600px){body{font-size:15px;padding:0 8px}"
	" th,td{padding:.2em .3em} #pool-table .barcol{display:none}"
	" .full svg text{font-size:30px}"
	" .full .yl,.month .yl{text-anchor:start;transform:translate(12px,4px);"
	"paint-order:stroke;stroke:#fff;stroke-width:5px}"
	" .full .xl{transform:translateY(14px)} .full .odd,.full .title{display:none}"
	" .mk{transform:scale(2.2)} .full .ring{r:20px;stroke-width:4px}"
	" .month svg text{font-size:19px} .month .odd{display:none}}\n"
	"@media print{body{max-width:none;font-size:10pt;padding:0}"
	" .table{overflow:visible}"
	" section{break-inside:avoid} h2{break-after:avoid}"
	" .pt{stroke-width:.4}}\n";

/* The reference that stands for a markup character; NULL for any other
 * byte. */
static const char *
markup_ref(unsigned char c)
{
	switch (c) {
	case '&': return "&amp;";
	case '<': return "&lt;";
	case '>': return "&gt;";
	case '"': return "&quot;";
	case '\'': return "&#39;";
	default: return NULL;
	}
}

/* The length of the UTF-8 sequence p starts when it may stand as it is:
 * whole, not overlong, not a surrogate, not U+FFFE or U+FFFF; 0 when
 * p[0] starts none. */
static size_t
utf8_len(const unsigned char *p)
{
	size_t n = utf8_seq_len(p);

	if (n == 3 && *p == 0xef && p[1] == 0xbf && p[2] >= 0xbe)
		n = 0;	/* U+FFFE, U+FFFF: XML forbids them */
	return n;
}

/* Text for HTML (and XML): markup characters as references, control
 * characters XML forbids and bytes that are not UTF-8 as U+FFFD. */
static void
esc(FILE *f, const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	const char *ref;
	size_t n;

	while (*p) {
		if ((ref = markup_ref(*p))) {
			fputs(ref, f);
			p++;
		} else if (*p < 0x80) {
			if (*p < 0x20 && *p != '\t' && *p != '\n' && *p != '\r')
				fputs("\xef\xbf\xbd", f);
			else
				putc(*p, f);
			p++;
		} else if ((n = utf8_len(p)) > 0) {
			fwrite(p, 1, n, f);
			p += n;
		} else {
			fputs("\xef\xbf\xbd", f);
			p++;
		}
	}
}

long
report_day(const char *date)
{
	int y, m, d;

	if (!date || strlen(date) < 10 || sscanf(date, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
	    !date_valid(y, m, d))
		return -1;
	return days_from_civil(y, m, d);
}

static const char *const month_names[] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
};

/* A date for people: "7 Aug 2026" of "2026-08-07..."; anything else as
 * it is. */
static void
human_date(FILE *f, const char *iso)
{
	int y, m, d;

	if (report_day(iso) < 0 || sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) != 3) {
		esc(f, iso);
		return;
	}
	fprintf(f, "%d %s %d", d, month_names[m - 1], y);
}

/* A <time> for people: "7 Aug 2026" of "2026-08-07", "11 Oct 2025, 14:55
 * UTC" of "2025-10-11T14:55:49Z"; the value itself in datetime. */
static void
human_time(FILE *f, const char *iso)
{
	int hh, mm;

	fputs("<time datetime=\"", f);
	esc(f, iso);
	fputs("\">", f);
	human_date(f, iso);
	if (report_day(iso) >= 0 && strlen(iso) >= 16 && iso[10] == 'T' &&
	    sscanf(iso + 11, "%2d:%2d", &hh, &mm) == 2)
		fprintf(f, ", %02d:%02d UTC", hh, mm);
	fputs("</time>", f);
}

/* The month index of a date, months since year 0: "2026-08-07" is
 * 2026 * 12 + 7. */
static long
month_index(const char *date)
{
	return strtol(date, NULL, 10) * 12 + strtol(date + 5, NULL, 10) - 1;
}

/* The day since 1970-01-01 of a month index's first. */
static long
month_day(long month)
{
	return days_from_civil((int)(month / 12), (int)(month % 12) + 1, 1);
}

/* The month index (as month_index) of a day since 1970-01-01. */
static long
month_index_of_day(long day)
{
	time_t t = (time_t)day * 86400;
	struct tm tm;

	gmtime_r(&t, &tm);
	return (tm.tm_year + 1900) * 12L + tm.tm_mon;
}

/* The multiple of step at or below (up 0) or at or above (up 1) v >= 0. */
static double
round_to(double v, double step, int up)
{
	double k = (double)(long long)(v / step);

	if (up && k * step < v)
		k += 1;
	return k * step;
}

void
report_scale_init(struct report_scale *s, long first_day, long last_day, double vmin,
                  double vmax, int zero_based)
{
	static const double mant[] = { 1, 2, 5 };
	double span, step = 1, lo = 0, hi = 0, pow10 = 1;
	int k, i, done = 0;

	/* From the first of the first draw's month to the first of the month
	 * after the last's. */
	s->day0 = month_day(month_index_of_day(first_day));
	s->day1 = month_day(month_index_of_day(last_day) + 1);

	if (zero_based || vmin < 0)
		vmin = 0;
	if (vmax < vmin)
		vmax = vmin;
	span = vmax - vmin < 100 ? 100 : vmax - vmin;
	/* The smallest round step that needs at most 10 gridlines apart. */
	for (k = 0; k < 15 && !done; k++, pow10 *= 10) {
		for (i = 0; i < 3 && !done; i++) {
			step = mant[i] * pow10;
			lo = round_to(vmin, step, 0);
			hi = round_to(vmax, step, 1);
			done = (hi - lo) / step <= 10 && span / step <= 10;
		}
	}
	if (hi <= lo) {
		hi = lo + step;
		if (!zero_based && lo >= step)
			lo -= step;
	}
	s->v0 = lo;
	s->v1 = hi;
	s->step = step;
}

/* A category's name for people: the style's label, or for "other" IRCC's
 * name of the draw. */
static void
category_name(FILE *f, const struct report_draw *d)
{
	const struct style *st = &styles[style_index(d->category)];

	if (d->name && strcmp(st->category, "other") == 0)
		esc(f, d->name);
	else
		esc(f, st->label);
}

/* A chart's frame in SVG user units: its size, and its plot area. */
struct frame {
	int w, h, left, right, top, bottom;
	int ylabels, xlabels;	/* at most this many labels up and across */
};

/* The full history (report.h's geometry); the invitations per month,
 * drawn half as wide to sit beside the table of years; one small
 * multiple, drawn at about the width it is shown at (300 to 340 px), so
 * that its text keeps its size. */
static const struct frame full_frame = { REPORT_WIDTH, REPORT_HEIGHT, REPORT_LEFT,
	                                 REPORT_RIGHT, REPORT_TOP, REPORT_BOTTOM, 11, 12 };
static const struct frame month_frame = { 600, 340, 62, 588, 14, 302, 6, 4 };
static const struct frame small_frame = { 320, 176, 40, 276, 12, 146, 4, 2 };

static double
frame_x(const struct frame *fr, const struct report_scale *s, long day)
{
	return fr->left + (double)(day - s->day0) * (fr->right - fr->left) /
	       (double)(s->day1 - s->day0);
}

static double
frame_y(const struct frame *fr, const struct report_scale *s, double v)
{
	return fr->bottom - (v - s->v0) * (fr->bottom - fr->top) / (s->v1 - s->v0);
}

double
report_x(const struct report_scale *s, long day)
{
	return frame_x(&full_frame, s, day);
}

double
report_y(const struct report_scale *s, double v)
{
	return frame_y(&full_frame, s, v);
}

/* Gridlines up the value axis, labelled (every other one when they are
 * many), then the months across, labelled by year when they are many.
 * Labels across alternate class "odd", which a phone hides. */
static void
write_grid(FILE *f, const struct frame *fr, const struct report_scale *s)
{
	static const int steps[] = { 1, 2, 3, 6, 12, 24, 60, 120, 240 };
	long m, first = month_index_of_day(s->day0), last = month_index_of_day(s->day1);
	long lines = (long)((s->v1 - s->v0) / s->step + 1.5), every, n = 0, k = 0;
	size_t i;
	int step = 1;
	double v, x, y;
	char num[32];

	every = (lines + fr->ylabels - 1) / fr->ylabels;
	fputs("<g class=\"grid\">", f);
	for (v = s->v0; v <= s->v1 + s->step / 2; v += s->step, k++) {
		y = frame_y(fr, s, v);
		fprintf(f, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>", fr->left, fr->right,
		        y, y);
		if (k % every == 0)
			fprintf(f, "<text class=\"yl%s\" x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s"
			        "</text>", k / every % 2 ? " odd" : "", fr->left - 6, y + 4,
			        thousands((long)v, num));
	}
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		step = steps[i];
		if ((last - first) / step <= fr->xlabels)
			break;
	}
	for (m = first; m <= last; m++) {
		if (m % step)
			continue;
		x = frame_x(fr, s, month_day(m));
		fprintf(f, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\"/>", x, x,
		        fr->top, fr->bottom);
		if (m == last && m != first)
			continue;	/* the end of the last month: no label */
		fprintf(f, "<text class=\"xl%s\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">",
		        n++ % 2 ? " odd" : "", x, fr->bottom + 18);
		if (step >= 12)
			fprintf(f, "%ld</text>", m / 12);
		else
			fprintf(f, "%s %ld</text>", month_names[m % 12], m / 12);
	}
	fputs("</g>", f);
	fprintf(f, "<path class=\"axis\" fill=\"none\" d=\"M%d,%dV%dH%d\"/>", fr->left,
	        fr->top, fr->bottom, fr->right);
}

/* The legend: one entry per look the draws from day from on use (IRCC's
 * only when confirmed), the grey one naming the rarer categories it
 * holds. */
static void
write_legend(FILE *f, const struct report_data *r, long from, int confirmed, int shape,
             int unconfirmed)
{
	long count[NSTYLES] = {0}, others = 0;
	size_t i, j, n;
	int said = 0;

	for (i = 0; i < r->ndraws; i++)
		if (report_day(r->draws[i].date) >= from && (!confirmed || r->draws[i].confirmed))
			count[style_index(r->draws[i].category)]++;
	for (i = 0; i < NSTYLES; i++)
		others += styles[i].look == OTHER_LOOK ? count[i] : 0;
	fputs("<ul class=\"legend\">", f);
	for (i = 0; i < NSTYLES; i++) {
		const struct look *lk = &looks[styles[i].look];

		if (!count[i] || (styles[i].look == OTHER_LOOK && said))
			continue;
		fprintf(f, "<li><span class=\"key\" style=\"color:%s\" aria-hidden=\"true\">%s"
		        "</span> ", lk->colour, shape ? shapes[lk->shape].glyph : "\xe2\x96\xa0");
		if (styles[i].look != OTHER_LOOK) {
			esc(f, styles[i].label);
			fprintf(f, " (%ld)</li>", count[i]);
			continue;
		}
		fprintf(f, "Other categories (%ld: ", others);
		for (j = i, n = 0; j < NSTYLES; j++) {
			if (styles[j].look != OTHER_LOOK || !count[j])
				continue;
			fputs(n++ ? ", " : "", f);
			esc(f, styles[j].label);
			fprintf(f, " %ld", count[j]);
		}
		fputs(")</li>", f);
		said = 1;
	}
	if (unconfirmed)
		fputs("<li><span class=\"key ring\" aria-hidden=\"true\">\xe2\x97\x8c</span> hollow,"
		      " ringed in red: unconfirmed, only articles state it</li>", f);
	fputs("</ul>", f);
}

/* The label of a draw in titles: "#434, 7 Aug 2026, Transport". */
static void
draw_label(FILE *f, const struct report_draw *d)
{
	if (!d->confirmed)
		fputs("unconfirmed, ", f);
	if (d->number) {
		putc('#', f);
		esc(f, d->number);
		fputs(", ", f);
	}
	human_date(f, d->date);
	fputs(", ", f);
	category_name(f, d);
}

static int
plotted(const struct report_draw *d)
{
	return d->crs_cutoff >= 0 && report_day(d->date) >= 0;
}

/* A point's tooltip: its draw, cutoff, invitations, what is disputed. */
static void
point_title(FILE *f, const struct report_draw *d)
{
	char num[32];

	fputs("<title>", f);
	draw_label(f, d);
	fprintf(f, ": CRS %ld", d->crs_cutoff);
	if (d->invitations >= 0)
		fprintf(f, ", %s invitations", thousands(d->invitations, num));
	if (d->conflicts) {
		fputs(" (disputed: ", f);
		esc(f, d->conflicts);
		putc(')', f);
	}
	fputs("</title>", f);
}

/* The plotted draws' extremes and ends, from day from on. */
struct extent {
	const struct report_draw *lo, *hi, *first, *last;
	size_t n, unconfirmed;
};

static void
extent_of(const struct report_data *r, long from, size_t style, struct extent *x)
{
	size_t i;

	memset(x, 0, sizeof(*x));
	for (i = 0; i < r->ndraws; i++) {
		const struct report_draw *d = &r->draws[i];

		if (!plotted(d) || report_day(d->date) < from ||
		    (style < NSTYLES && style_index(d->category) != style))
			continue;
		x->n++;
		x->unconfirmed += !d->confirmed;
		if (!x->lo || d->crs_cutoff < x->lo->crs_cutoff)
			x->lo = d;
		if (!x->hi || d->crs_cutoff > x->hi->crs_cutoff)
			x->hi = d;
		if (!x->first)
			x->first = d;
		x->last = d;
	}
}

/* The sentence summing up the cutoffs: in the chart's description for
 * screen readers, and under it for everyone. */
static void
cutoff_summary(FILE *f, const struct extent *x)
{
	fprintf(f, "%zu draws from ", x->n);
	human_date(f, x->first->date);
	fputs(" to ", f);
	human_date(f, x->last->date);
	fprintf(f, "%s. The lowest cutoff was %ld (", x->unconfirmed ? " (some unconfirmed)" : "",
	        x->lo->crs_cutoff);
	draw_label(f, x->lo);
	fprintf(f, "), the highest %ld (", x->hi->crs_cutoff);
	draw_label(f, x->hi);
	fprintf(f, "); the latest %ld (", x->last->crs_cutoff);
	draw_label(f, x->last);
	fputs(").", f);
}

/* One small multiple: category style's cutoffs on the shared scale s,
 * a line through them, the newest labelled with its value. */
static void
write_small(FILE *f, const struct report_data *r, size_t style, const struct report_scale *s)
{
	const struct frame *fr = &small_frame;
	const char *key = styles[style].category;
	struct extent x;
	size_t i;
	int first = 1;
	double px = 0, py = 0;

	extent_of(r, s->day0, style, &x);
	if (!x.n)
		return;
	fprintf(f, "<figure class=\"sm\" id=\"sm-%s\"><figcaption><span class=\"sm-name\">", key);
	esc(f, styles[style].label);
	fprintf(f, "</span> <span class=\"sm-latest\">%ld on ", x.last->crs_cutoff);
	human_date(f, x.last->date);
	fprintf(f, "</span></figcaption><svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0"
	        " %d %d\" role=\"img\" aria-labelledby=\"sm-%s-title sm-%s-desc\">", fr->w, fr->h,
	        key, key);
	fprintf(f, "<title id=\"sm-%s-title\">CRS cutoff of the ", key);
	esc(f, styles[style].label);
	fprintf(f, " draws, the last 24 months</title><desc id=\"sm-%s-desc\">", key);
	cutoff_summary(f, &x);
	fputs("</desc>", f);
	write_grid(f, fr, s);
	fputs("<polyline class=\"line\" points=\"", f);
	for (i = 0; i < r->ndraws; i++) {
		const struct report_draw *d = &r->draws[i];

		if (!plotted(d) || style_index(d->category) != style ||
		    report_day(d->date) < s->day0)
			continue;
		fprintf(f, "%s%.1f,%.1f", first ? "" : " ", frame_x(fr, s, report_day(d->date)),
		        frame_y(fr, s, (double)d->crs_cutoff));
		first = 0;
	}
	fputs("\"/>", f);
	for (i = 0; i < r->ndraws; i++) {
		const struct report_draw *d = &r->draws[i];

		if (!plotted(d) || style_index(d->category) != style ||
		    report_day(d->date) < s->day0)
			continue;
		px = frame_x(fr, s, report_day(d->date));
		py = frame_y(fr, s, (double)d->crs_cutoff);
		fprintf(f, "<circle class=\"pt%s%s\" cx=\"%.1f\" cy=\"%.1f\" r=\"%s\">",
		        d->confirmed ? "" : " unconfirmed", d == x.last ? " newest" : "", px, py,
		        d == x.last ? "4.5" : "3");
		point_title(f, d);
		fputs("</circle>", f);
	}
	fprintf(f, "<text class=\"val\" x=\"%.1f\" y=\"%.1f\">%ld</text>", px + 7, py + 5,
	        x.last->crs_cutoff);
	fputs("</svg></figure>\n", f);
}

/* The cutoffs of the last 24 months (back from the newest draw, not from
 * today), one small chart per category that drew in them, all on the
 * same time axis and CRS scale. */
static void
write_multiples(FILE *f, const struct report_data *r)
{
	struct report_scale s;
	struct extent x;
	size_t k;

	extent_of(r, -1, NSTYLES, &x);
	if (!x.n)
		return;
	s.day0 = month_day(month_index_of_day(report_day(x.last->date)) - 23);
	extent_of(r, s.day0, NSTYLES, &x);
	report_scale_init(&s, s.day0, report_day(x.last->date), (double)x.lo->crs_cutoff,
	                  (double)x.hi->crs_cutoff, 0);
	fputs("<section id=\"recent\"><h2>CRS cutoff by category, the last 24 months</h2>\n"
	      "<p class=\"note\">Each category that drew since ", f);
	human_date(f, x.first->date);
	fputs(", on the same dates across and the same scores up; the latest cutoff"
	      " labelled.</p>\n<div class=\"multiples\">\n", f);
	for (k = 0; k < NSTYLES; k++)
		write_small(f, r, k, &s);
	fputs("</div></section>\n", f);
}

/* A point of the full history: its category's marker and colour, hollow
 * and ringed in red when only articles state it. */
static void
write_point(FILE *f, const struct report_draw *d, const struct report_scale *s)
{
	const struct look *lk = look_of(d->category);
	double x = report_x(s, report_day(d->date)), y = report_y(s, (double)d->crs_cutoff);

	if (!d->confirmed)
		fprintf(f, "<circle class=\"ring\" cx=\"%.1f\" cy=\"%.1f\" r=\"9\"/>", x, y);
	fprintf(f, "<use class=\"pt%s\" href=\"#%s\" x=\"%.1f\" y=\"%.1f\"",
	        d->confirmed ? "" : " unconfirmed", shapes[lk->shape].id, x, y);
	if (d->confirmed)
		fprintf(f, " fill=\"%s\">", lk->colour);
	else
		fprintf(f, " fill=\"#fff\" stroke=\"%s\">", lk->colour);
	point_title(f, d);
	fputs("</use>", f);
}

/* The CRS cutoff of every draw over time. */
static void
write_cutoffs(FILE *f, const struct report_data *r)
{
	struct report_scale s;
	struct extent x;
	size_t i;

	extent_of(r, -1, NSTYLES, &x);
	fputs("<section id=\"cutoffs\"><h2>CRS cutoff of every draw</h2>\n", f);
	if (!x.n) {
		fprintf(f, "<p class=\"empty\">None of the %zu draws states both a date and a"
		        " CRS cutoff: there is nothing to plot.</p></section>\n", r->ndraws);
		return;
	}
	report_scale_init(&s, report_day(x.first->date), report_day(x.last->date),
	                  (double)x.lo->crs_cutoff, (double)x.hi->crs_cutoff, 0);
	fprintf(f, "<figure><div class=\"chart full\"><svg id=\"cutoff-chart\""
	        " xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\""
	        " aria-labelledby=\"cutoff-title cutoff-desc\">", REPORT_WIDTH, REPORT_HEIGHT);
	fputs("<title id=\"cutoff-title\">CRS cutoff of every draw over time, by category</title>"
	      "<desc id=\"cutoff-desc\">", f);
	cutoff_summary(f, &x);
	fputs(" Every draw is in the table below.</desc><defs>", f);
	for (i = 0; i < sizeof(shapes) / sizeof(shapes[0]); i++) {
		/* <g id> around the shape: "use" then styles the group. */
		fprintf(f, "<g id=\"%s\" class=\"mk\">%s</g>", shapes[i].id, shapes[i].svg);
	}
	fputs("</defs>", f);
	write_grid(f, &full_frame, &s);
	fprintf(f, "<text class=\"title\" transform=\"translate(16,%d) rotate(-90)\""
	        " text-anchor=\"middle\">CRS cutoff</text>", (REPORT_TOP + REPORT_BOTTOM) / 2);
	fputs("<g class=\"points\">", f);
	for (i = 0; i < r->ndraws; i++)
		if (plotted(&r->draws[i]))
			write_point(f, &r->draws[i], &s);
	fputs("</g></svg></div>\n<figcaption><p class=\"summary\">", f);
	cutoff_summary(f, &x);
	fputs("</p>", f);
	write_legend(f, r, -1, 0, 1, x.unconfirmed > 0);
	if (x.n < r->ndraws)
		fprintf(f, "<p class=\"note\">%zu draws without a date or a CRS cutoff are not"
		        " plotted.</p>", r->ndraws - x.n);
	fputs("</figcaption></figure></section>\n", f);
}

/* Whether d counts in the invitations: IRCC's, dated, with a number. */
static int
counted(const struct report_draw *d)
{
	return d->confirmed && d->invitations >= 0 && report_day(d->date) >= 0;
}

/* The stacked bars of invitations per month from month m0, nmonths of
 * them, sum and draws by month and style. */
static void
write_month_bars(FILE *f, const struct report_scale *s, long m0, long nmonths,
                 const long *sum, const long *draws)
{
	const struct frame *fr = &month_frame;
	char num[32];
	long m;
	size_t k;

	fputs("<g class=\"bars\">", f);
	for (m = 0; m < nmonths; m++) {
		double x0 = frame_x(fr, s, month_day(m0 + m)), x1 = frame_x(fr, s, month_day(m0 + m + 1));
		double w = (x1 - x0) * 0.8, base = 0;

		for (k = 0; k < NSTYLES; k++) {
			long v = sum[m * (long)NSTYLES + (long)k];
			long nd = draws[m * (long)NSTYLES + (long)k];
			double ytop, ybot;

			if (!nd)
				continue;
			ybot = frame_y(fr, s, base);
			ytop = frame_y(fr, s, base + (double)v);
			base += (double)v;
			fprintf(f, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\""
			        " height=\"%.1f\" fill=\"%s\"><title>%s %ld, ", x0 + (x1 - x0 - w) / 2,
			        ytop, w, ybot - ytop, looks[styles[k].look].colour,
			        month_names[(m0 + m) % 12], (m0 + m) / 12);
			esc(f, styles[k].label);
			fprintf(f, ": %s invitations (%ld draw%s)</title></rect>", thousands(v, num), nd,
			        nd == 1 ? "" : "s");
		}
	}
	fputs("</g>", f);
}

/* Invitations per month of the last 24 (back from IRCC's latest draw),
 * stacked by category: IRCC's draws only. */
static void
write_invitations(FILE *f, const struct report_data *r)
{
	long *sum, *draws, m0 = 0, m1 = -1, nmonths, m, total = 0, best = 0, best_m = 0;
	struct report_scale s;
	size_t i, k;
	char num[32], num2[32];

	for (i = 0; i < r->ndraws; i++)
		if (counted(&r->draws[i]) && month_index(r->draws[i].date) > m1)
			m1 = month_index(r->draws[i].date);
	fputs("<section id=\"invitations\"><h2>Invitations per month</h2>\n", f);
	if (m1 < 0) {
		fputs("<p class=\"empty\">No draw of IRCC's states its invitations: there is"
		      " nothing to plot.</p></section>\n", f);
		return;
	}
	m0 = m1 - 23;
	for (i = 0; i < r->ndraws && (!counted(&r->draws[i]) ||
	                              month_index(r->draws[i].date) < m0); i++)
		;
	m0 = month_index(r->draws[i].date);	/* the first month with a draw */
	nmonths = m1 - m0 + 1;
	sum = xcalloc((size_t)nmonths * NSTYLES, sizeof(*sum));
	draws = xcalloc((size_t)nmonths * NSTYLES, sizeof(*draws));
	for (; i < r->ndraws; i++) {
		const struct report_draw *d = &r->draws[i];

		if (!counted(d))
			continue;
		k = (size_t)(month_index(d->date) - m0) * NSTYLES + style_index(d->category);
		sum[k] += d->invitations;
		draws[k]++;
		total += d->invitations;
	}
	for (m = 0; m < nmonths; m++) {
		long t = 0;

		for (k = 0; k < NSTYLES; k++)
			t += sum[m * (long)NSTYLES + (long)k];
		if (t > best)
			best = t, best_m = m;
	}
	report_scale_init(&s, month_day(m0), month_day(m1), 0, (double)best, 1);
	fprintf(f, "<figure><div class=\"chart month\"><svg id=\"invitations-chart\""
	        " xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\""
	        " aria-labelledby=\"invitations-title invitations-desc\">", month_frame.w,
	        month_frame.h);
	fputs("<title id=\"invitations-title\">Invitations per month, stacked by category"
	      "</title><desc id=\"invitations-desc\">", f);
	fprintf(f, "%s invitations in IRCC's draws from %s %ld to %s %ld; the most in one month:"
	        " %s in %s %ld.</desc>", thousands(total, num), month_names[m0 % 12], m0 / 12,
	        month_names[m1 % 12], m1 / 12, thousands(best, num2),
	        month_names[(m0 + best_m) % 12], (m0 + best_m) / 12);
	write_grid(f, &month_frame, &s);
	write_month_bars(f, &s, m0, nmonths, sum, draws);
	fprintf(f, "</svg></div>\n<figcaption><p class=\"summary\">%s invitations from %s %ld to"
	        " %s %ld; the most in one month: %s in %s %ld.</p>", num, month_names[m0 % 12],
	        m0 / 12, month_names[m1 % 12], m1 / 12, num2, month_names[(m0 + best_m) % 12],
	        (m0 + best_m) / 12);
	write_legend(f, r, month_day(m0), 1, 0, 0);
	fputs("</figcaption></figure></section>\n", f);
	free(sum);
	free(draws);
}

/* Invitations per year, as a table with bars: IRCC's draws only. */
static void
write_years(FILE *f, const struct report_data *r)
{
	long y0 = -1, y1 = -1, y, *sum, *draws, max = 0;
	size_t i;
	char num[32];

	for (i = 0; i < r->ndraws; i++) {
		if (!counted(&r->draws[i]))
			continue;
		y = strtol(r->draws[i].date, NULL, 10);
		if (y0 < 0)
			y0 = y;
		y1 = y;
	}
	if (y0 < 0)
		return;
	sum = xcalloc((size_t)(y1 - y0 + 1), sizeof(*sum));
	draws = xcalloc((size_t)(y1 - y0 + 1), sizeof(*draws));
	for (i = 0; i < r->ndraws; i++) {
		if (!counted(&r->draws[i]))
			continue;
		y = strtol(r->draws[i].date, NULL, 10) - y0;
		sum[y] += r->draws[i].invitations;
		draws[y]++;
		if (sum[y] > max)
			max = sum[y];
	}
	fputs("<section id=\"years\"><h2>Invitations per year</h2>\n<div class=\"table\">"
	      "<table><caption>IRCC's draws, newest year first", f);
	if (r->ytd_date[0] && strtol(r->ytd_date, NULL, 10) == y1) {
		fprintf(f, "; %ld up to ", y1);
		human_date(f, r->ytd_date);
	}
	fputs(".</caption><thead><tr><th scope=\"col\">Year</th><th scope=\"col\" class=\"n\">"
	      "Draws</th><th scope=\"col\" class=\"n\">Invitations</th><th scope=\"col\""
	      " class=\"barcol\"><span class=\"vh\">As a bar</span></th></tr></thead>\n<tbody>", f);
	for (y = y1; y >= y0; y--) {
		long v = sum[y - y0];

		fprintf(f, "<tr><th scope=\"row\">%ld</th><td class=\"n\">%ld</td>"
		        "<td class=\"n\">%s</td><td class=\"barcol\"><span class=\"hbar\""
		        " style=\"width:%.1f%%\"></span></td></tr>\n", y, draws[y - y0],
		        thousands(v, num), max ? 100.0 * (double)v / (double)max : 0.0);
	}
	fputs("</tbody></table></div></section>\n", f);
	free(sum);
	free(draws);
}

/* Whether band a holds another band of the list (dd3 holds dd4..dd8). */
static int
holds_another(const struct report_pool *p, size_t a)
{
	size_t i;

	for (i = 0; i < p->nbands; i++)
		if (i != a && p->bands[a].crs_min <= p->bands[i].crs_min &&
		    p->bands[i].crs_max <= p->bands[a].crs_max &&
		    (p->bands[a].crs_min != p->bands[i].crs_min ||
		     p->bands[a].crs_max != p->bands[i].crs_max))
			return 1;
	return 0;
}

static int
band_cmp(const void *a, const void *b)
{
	const struct report_band *x = *(const struct report_band *const *)a;
	const struct report_band *y = *(const struct report_band *const *)b;

	return y->crs_min - x->crs_min;
}

/* The candidates of band key in snapshot p, -1 when it has none. */
static long
band_candidates(const struct report_pool *p, const char *key)
{
	size_t i;

	for (i = 0; i < p->nbands; i++)
		if (strcmp(p->bands[i].key, key) == 0)
			return p->bands[i].candidates;
	return -1;
}

/* A change in candidates, signed: "+1,572", "-1,643" (a minus sign),
 * "0". */
static void
write_change(FILE *f, long now, long then)
{
	char num[32];

	if (now < 0 || then < 0)
		return;
	if (now > then)
		fprintf(f, "+%s", thousands(now - then, num));
	else if (now < then)
		fprintf(f, "\xe2\x88\x92%s", thousands(then - now, num));
	else
		fputs("0", f);
}

/* The date a snapshot is of: IRCC's, else its draw's. */
static const char *
pool_day(const struct report_pool *p)
{
	return p->as_of[0] ? p->as_of : p->date;
}

/* A row of the pool table: band key's count now, its bar, and how it
 * moved since the earlier snapshots. */
static void
pool_row(FILE *f, const struct report_data *r, const char *key, const char *label,
         long now, long max, int total)
{
	const struct report_pool *prev = &r->pool[POOL_PREVIOUS], *year = &r->pool[POOL_YEAR_AGO];
	char num[32];

	fprintf(f, "<tr%s><th scope=\"row\">%s</th><td class=\"n\">%s</td>",
	        total ? " class=\"total\"" : "", label, thousands(now, num));
	if (total)
		fputs("<td class=\"barcol\"></td>", f);
	else
		fprintf(f, "<td class=\"barcol\"><span class=\"hbar\" style=\"width:%.1f%%\"></span>"
		        "</td>", max ? 100.0 * (double)now / (double)max : 0.0);
	if (prev->number) {
		fputs("<td class=\"n\">", f);
		write_change(f, now, band_candidates(prev, key));
		fputs("</td>", f);
	}
	if (year->number) {
		fputs("<td class=\"n\">", f);
		write_change(f, now, band_candidates(year, key));
		fputs("</td>", f);
	}
	fputs("</tr>\n", f);
}

/* The latest pool distribution, by CRS band (the finest bands, highest
 * first), as a table with bars, and how each band moved since the
 * distribution before and since a year before. */
static void
write_pool(FILE *f, const struct report_data *r)
{
	const struct report_pool *p = &r->pool[POOL_LATEST];
	const struct report_pool *prev = &r->pool[POOL_PREVIOUS], *year = &r->pool[POOL_YEAR_AGO];
	const struct report_band **rows;
	const char *total_key = NULL;
	long max = 0, total = -1, sum = 0;
	size_t i, n = 0;
	char num[32], label[32];

	fputs("<section id=\"pool\"><h2>The pool of candidates by CRS score</h2>\n", f);
	if (!p->number) {
		fputs("<p class=\"empty\">No draw in this report comes with a distribution of"
		      " the pool.</p></section>\n", f);
		return;
	}
	rows = xcalloc(p->nbands + 1, sizeof(*rows));
	for (i = 0; i < p->nbands; i++) {
		if (holds_another(p, i)) {
			if (p->bands[i].crs_min == 0 && p->bands[i].crs_max >= 1200)
				total = p->bands[i].candidates, total_key = p->bands[i].key;
			continue;
		}
		rows[n++] = &p->bands[i];
		sum += p->bands[i].candidates;
		if (p->bands[i].candidates > max)
			max = p->bands[i].candidates;
	}
	qsort(rows, n, sizeof(*rows), band_cmp);
	if (total < 0)
		total = sum;
	fprintf(f, "<p class=\"summary\" id=\"pool-summary\"><strong>%s</strong> candidates as"
	        " of ", thousands(total, num));
	human_time(f, pool_day(p));
	fputs(" (stated with draw #", f);
	esc(f, p->number);
	fputs(")", f);
	if (prev->number && total_key && band_candidates(prev, total_key) >= 0) {
		fputs(": ", f);
		write_change(f, total, band_candidates(prev, total_key));
		fputs(" since ", f);
		human_time(f, pool_day(prev));
	}
	if (year->number && total_key && band_candidates(year, total_key) >= 0) {
		fputs(", ", f);
		write_change(f, total, band_candidates(year, total_key));
		fputs(" since ", f);
		human_time(f, pool_day(year));
	}
	fputs(".</p>\n<div class=\"table\"><table id=\"pool-table\"><caption>Candidates per CRS"
	      " band, highest first, and how many more or fewer than in IRCC's distributions"
	      " before.</caption><thead><tr><th scope=\"col\">CRS score</th><th scope=\"col\""
	      " class=\"n\">Candidates</th><th scope=\"col\" class=\"barcol\"><span class=\"vh\">"
	      "As a bar</span></th>", f);
	if (prev->number) {
		fputs("<th scope=\"col\" class=\"n\">Since ", f);
		human_time(f, pool_day(prev));
		fputs("</th>", f);
	}
	if (year->number) {
		fputs("<th scope=\"col\" class=\"n\">Since ", f);
		human_time(f, pool_day(year));
		fputs("</th>", f);
	}
	fputs("</tr></thead>\n<tbody>\n", f);
	for (i = 0; i < n; i++) {
		snprintf(label, sizeof(label), "%d\xe2\x80\x93%d", rows[i]->crs_min, rows[i]->crs_max);
		pool_row(f, r, rows[i]->key, label, rows[i]->candidates, max, 0);
	}
	if (total_key)
		pool_row(f, r, total_key, "All", total, max, 1);
	fputs("</tbody></table></div></section>\n", f);
	free(rows);
}

/* How d's cutoff moved since its category's draw before: "+40", "-8"
 * (a minus sign), "0"; nothing when either is unknown. */
static int
crs_change(FILE *f, const struct report_draw *d)
{
	long c;

	if (d->crs_cutoff < 0 || d->prev_crs < 0 || !d->confirmed)
		return 0;
	c = d->crs_cutoff - d->prev_crs;
	if (c > 0)
		fprintf(f, "+%ld", c);
	else if (c < 0)
		fprintf(f, "\xe2\x88\x92%ld", -c);
	else
		fputs("0", f);
	return 1;
}

/* The sentence saying how the cutoff moved, for the card. */
static void
change_sentence(FILE *f, const struct report_draw *d)
{
	long c = d->crs_cutoff - d->prev_crs;

	fputs("<p id=\"card-change-text\">", f);
	if (c == 0)
		fprintf(f, "The cutoff is the same as at the previous ");
	else
		fprintf(f, "The cutoff is %ld %s than at the previous ", c < 0 ? -c : c,
		        c < 0 ? "lower" : "higher");
	category_name(f, d);
	fprintf(f, " draw (%ld, ", d->prev_crs);
	human_time(f, d->prev_date);
	fprintf(f, ")%s</p>", c < 0 ? ": good news for those who wait." : ".");
}

/* The other draws of the 14 days before the latest, newest first. */
static void
write_recent(FILE *f, const struct report_data *r, long last_day)
{
	size_t i, n = 0;
	char num[32];

	for (i = r->ndraws - 1; i-- > 0;) {
		const struct report_draw *d = &r->draws[i];
		long day = report_day(d->date);

		if (day < 0 || day < last_day - 14)
			break;
		if (!n++)
			fputs("<h3>The other draws of the 14 days before</h3>\n<ul id=\"card-recent\">", f);
		fputs("<li>", f);
		if (d->number)
			putc('#', f), esc(f, d->number), fputs(", ", f);
		human_time(f, d->date);
		fputs(": ", f);
		category_name(f, d);
		if (d->invitations >= 0)
			fprintf(f, ", %s invitations", thousands(d->invitations, num));
		if (d->crs_cutoff >= 0)
			fprintf(f, ", CRS %ld", d->crs_cutoff);
		if (d->confirmed && d->prev_crs >= 0 && d->crs_cutoff >= 0) {
			fputs(" (", f);
			crs_change(f, d);
			fputs(")", f);
		}
		if (!d->confirmed)
			fputs(" <span class=\"flag\">unconfirmed</span>", f);
		fputs("</li>", f);
	}
	if (!n)
		fputs("<p>No other draw in the 14 days before.</p>", f);
	else
		fputs("</ul>\n", f);
}

/* This year's invitations beside the same days of the year before. */
static void
write_ytd(FILE *f, const struct report_data *r)
{
	char num[32], num2[32];
	int y;

	if (r->ytd < 0 || sscanf(r->ytd_date, "%4d", &y) != 1)
		return;
	fprintf(f, "<p id=\"card-ytd\"><strong>%s</strong> invitations in %d up to ",
	        thousands(r->ytd, num), y);
	human_time(f, r->ytd_date);
	fprintf(f, "; <strong>%s</strong> in %d by the same day", thousands(r->ytd_last, num2),
	        y - 1);
	if (r->ytd_last > 0)
		fprintf(f, " (%+.0f%%)", 100.0 * (double)(r->ytd - r->ytd_last) / (double)r->ytd_last);
	fputs(".</p>\n", f);
}

/* The latest draw first: what most readers come for. */
static void
write_card(FILE *f, const struct report_data *r)
{
	const struct report_draw *d = &r->draws[r->ndraws - 1];
	char num[32];

	fputs("<section id=\"card\" class=\"card\"><h2>Latest draw", f);
	if (d->number)
		fputs(" #", f), esc(f, d->number);
	fputs(", ", f);
	human_time(f, d->date);
	fputs("</h2>\n<p class=\"what\" id=\"card-category\">", f);
	category_name(f, d);
	if (!d->confirmed)
		fputs(" <span class=\"flag\">unconfirmed: only articles state it</span>", f);
	fputs("</p>\n<dl class=\"figures\">", f);
	fputs("<div><dt>CRS cutoff</dt><dd id=\"card-crs\">", f);
	if (d->crs_cutoff >= 0)
		fprintf(f, "%ld", d->crs_cutoff);
	else
		fputs("unknown", f);
	fputs("</dd></div><div><dt>Invitations</dt><dd id=\"card-invitations\">", f);
	fputs(d->invitations >= 0 ? thousands(d->invitations, num) : "unknown", f);
	fputs("</dd></div>", f);
	if (d->confirmed && d->prev_crs >= 0 && d->crs_cutoff >= 0) {
		fputs("<div><dt>Change since the previous ", f);
		category_name(f, d);
		fputs(" draw</dt><dd id=\"card-change\">", f);
		crs_change(f, d);
		fputs("</dd></div>", f);
	}
	fputs("</dl>\n", f);
	if (d->confirmed && d->prev_crs >= 0 && d->crs_cutoff >= 0)
		change_sentence(f, d);
	if (d->tie_break) {
		fputs("<p id=\"card-tie\">Tie-break: at the cutoff score, profiles submitted"
		      " before ", f);
		human_time(f, d->tie_break);
		fputs(".</p>\n", f);
	}
	write_recent(f, r, report_day(d->date));
	write_ytd(f, r);
	fputs("</section>\n", f);
}

/* The latest draws, newest first.  No value breaks across lines (a
 * narrow screen scrolls the table in its box instead); only the notes
 * wrap.  The numbers come before the category's long name, so that a
 * phone shows them without scrolling. */
static void
write_latest(FILE *f, const struct report_data *r)
{
	size_t i, n = r->ndraws < LATEST_ROWS ? r->ndraws : LATEST_ROWS;
	char num[32];

	fputs("<section id=\"latest\"><h2>The latest draws</h2>\n", f);
	fprintf(f, "<p class=\"note\">The latest %zu of %zu draws, newest first; the change is"
	        " the cutoff's since the category's draw before.</p>\n<div class=\"table\">"
	        "<table><caption class=\"vh\">The latest %zu draws</caption>", n, r->ndraws, n);
	fputs("<thead><tr><th scope=\"col\">Draw</th><th scope=\"col\">Date</th>"
	      "<th scope=\"col\" class=\"n\">CRS cutoff</th><th scope=\"col\" class=\"n\">Change"
	      "</th><th scope=\"col\" class=\"n\">Invitations</th><th scope=\"col\">Category</th>"
	      "<th scope=\"col\">Tie-break</th><th scope=\"col\">Notes</th></tr></thead>\n"
	      "<tbody>\n", f);
	for (i = 0; i < n; i++) {
		const struct report_draw *d = &r->draws[r->ndraws - 1 - i];
		const struct look *lk = look_of(d->category);

		fprintf(f, "<tr%s><td>", d->confirmed ? (d->conflicts ? " class=\"conflict\"" : "")
		                                      : " class=\"unconfirmed\"");
		if (d->number)
			putc('#', f), esc(f, d->number);
		fputs("</td><td>", f);
		human_time(f, d->date);
		fputs("</td><td class=\"n\">", f);
		if (d->crs_cutoff >= 0)
			fprintf(f, "%ld", d->crs_cutoff);
		fputs("</td><td class=\"n\">", f);
		crs_change(f, d);
		fprintf(f, "</td><td class=\"n\">%s</td><td><span class=\"key\" style=\"color:%s\""
		        " aria-hidden=\"true\">%s</span> ", thousands(d->invitations, num), lk->colour,
		        shapes[lk->shape].glyph);
		category_name(f, d);
		fputs("</td><td>", f);
		if (d->tie_break)
			human_time(f, d->tie_break);
		fputs("</td><td class=\"notes\">", f);
		if (!d->confirmed)
			fputs("<span class=\"flag\">unconfirmed</span>: only articles state it", f);
		if (d->conflicts) {
			fputs("<span class=\"flag\">disputed</span>: ", f);
			esc(f, d->conflicts);
		}
		fputs("</td></tr>\n", f);
	}
	fputs("</tbody></table></div></section>\n", f);
}

static void
write_sources(FILE *f, const struct report_data *r)
{
	size_t i;

	fputs("<section id=\"sources\"><h2>Sources</h2>\n", f);
	if (!r->nsources) {
		fputs("<p class=\"note\">No source is configured.</p></section>\n", f);
		return;
	}
	fputs("<div class=\"table\"><table><caption>How fresh each source is: a source is STALE"
	      " after too long without a success.</caption><thead><tr><th scope=\"col\">Source"
	      "</th><th scope=\"col\">State</th><th scope=\"col\">Last success</th>"
	      "<th scope=\"col\" class=\"n\">Failures in a row</th><th scope=\"col\">Last error"
	      "</th></tr></thead>\n<tbody>\n", f);
	for (i = 0; i < r->nsources; i++) {
		const struct report_source *s = &r->sources[i];
		int bad = strcmp(s->state, "ok") != 0 && strcmp(s->state, "disabled") != 0;

		fputs("<tr><td>", f);
		esc(f, s->name);
		fprintf(f, "</td><td%s>", bad ? " class=\"flag\"" : "");
		esc(f, s->state);
		fputs("</td><td>", f);
		if (s->last_success)
			human_time(f, s->last_success);
		else
			fputs("never", f);
		fprintf(f, "</td><td class=\"n\">%ld</td><td class=\"notes\">", s->failures);
		esc(f, s->last_error ? s->last_error : "-");
		fputs("</td></tr>\n", f);
	}
	fputs("</tbody></table></div></section>\n", f);
}

void
report_write(FILE *f, const struct report_data *r)
{
	char when[21], num[32];
	size_t i, unconf = 0;

	for (i = 0; i < r->ndraws; i++)
		unconf += !r->draws[i].confirmed;
	format_utc(r->generated, when);
	fputs("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n"
	      "<head>\n<meta charset=\"utf-8\"/>\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
	      "<meta name=\"generator\" content=\"eedraws " EEDRAWS_VERSION "\"/>\n"
	      "<title>Express Entry draws</title>\n", f);
	if (r->health[0])	/* what update compares (page.c) */
		fprintf(f, "<meta name=\"eedraws-health\" content=\"%s\"/>\n", r->health);
	fputs("<style>\n", f);
	fputs(page_css, f);
	fputs("</style>\n</head>\n<body>\n<header><h1>Express Entry draws</h1>\n<p class=\"meta\">", f);
	if (r->ndraws) {
		fprintf(f, "%s draws", thousands((long)r->ndraws, num));
		if (unconf)
			fprintf(f, " (%zu of them unconfirmed)", unconf);
		fputs(" from ", f);
		human_date(f, r->draws[0].date);
		fputs(" to ", f);
		human_date(f, r->draws[r->ndraws - 1].date);
		if (r->since[0]) {
			fputs(", those on or after ", f);
			esc(f, r->since);
		}
		fputs(". ", f);
	}
	fputs("Generated ", f);
	human_time(f, when);
	fputs(" by eedraws " EEDRAWS_VERSION "; see the sources below for how fresh the data"
	      " are.</p></header>\n<main>\n", f);
	if (!r->ndraws) {
		fputs("<p class=\"empty\" id=\"no-draws\">", f);
		if (r->since[0]) {
			fputs("No draws on or after ", f);
			esc(f, r->since);
			fputs(" in the database: nothing to chart.", f);
		} else {
			fputs("No draws yet: the database is empty, so there is nothing to chart."
			      " Run <code>eedraws update</code> to fetch IRCC's record.", f);
		}
		fputs("</p>\n", f);
	} else {
		write_card(f, r);
		write_multiples(f, r);
		write_cutoffs(f, r);
		fputs("<div class=\"pair\">", f);
		write_years(f, r);
		write_invitations(f, r);
		fputs("</div>\n", f);
		write_pool(f, r);
		write_latest(f, r);
	}
	write_sources(f, r);
	fputs("</main>\n<footer class=\"note\"><p>Made by eedraws from IRCC's rounds of"
	      " invitations; unconfirmed draws are ones only news articles state so far.</p>"
	      "</footer>\n</body>\n</html>\n", f);
}

struct report_draw *
report_add_draw(struct report_data *r)
{
	struct report_draw *d;

	r->draws = xrealloc(r->draws, (r->ndraws + 1) * sizeof(*r->draws));
	d = &r->draws[r->ndraws++];
	memset(d, 0, sizeof(*d));
	d->invitations = d->crs_cutoff = -1;
	return d;
}

struct report_source *
report_add_source(struct report_data *r)
{
	struct report_source *s;

	r->sources = xrealloc(r->sources, (r->nsources + 1) * sizeof(*r->sources));
	s = &r->sources[r->nsources++];
	memset(s, 0, sizeof(*s));
	return s;
}

void
report_data_release(struct report_data *r)
{
	size_t i;

	for (i = 0; i < r->ndraws; i++) {
		free(r->draws[i].number);
		free(r->draws[i].category);
		free(r->draws[i].name);
		free(r->draws[i].tie_break);
		free(r->draws[i].conflicts);
	}
	free(r->draws);
	for (i = 0; i < r->nsources; i++) {
		free(r->sources[i].name);
		free(r->sources[i].state);
		free(r->sources[i].last_success);
		free(r->sources[i].last_error);
	}
	free(r->sources);
	for (i = 0; i < POOL_SNAPSHOTS; i++) {
		free(r->pool[i].number);
		free(r->pool[i].bands);
	}
	memset(r, 0, sizeof(*r));
}
