/* report.c: the HTML page of the draws; see report.h. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "datetime.h"
#include "util.h"

/* The draws shown in the table of the latest. */
#define LATEST_ROWS 20

enum shape { CIRCLE, SQUARE, TRIANGLE, DIAMOND, TRIANGLE_DOWN };

/* How each category looks: one colour and one marker each (no two alike),
 * in legend and stacking order.  A category missing here looks like
 * "other", the last row.  To style a new category, add a row. */
static const struct style {
	const char *category;
	const char *label;
	const char *colour;
	enum shape shape;
} styles[] = {
	{ "general", "General", "#4e79a7", CIRCLE },
	{ "cec", "Canadian Experience Class", "#f28e2b", SQUARE },
	{ "fsw", "Federal Skilled Worker", "#9c755f", TRIANGLE },
	{ "fst", "Federal Skilled Trades", "#7f7f7f", DIAMOND },
	{ "pnp", "Provincial Nominee Program", "#e15759", TRIANGLE_DOWN },
	{ "french", "French language", "#76b7b2", DIAMOND },
	{ "stem", "STEM", "#59a14f", TRIANGLE },
	{ "healthcare", "Healthcare", "#edc948", SQUARE },
	{ "trades", "Trades", "#b07aa1", CIRCLE },
	{ "transport", "Transport", "#ff9da7", TRIANGLE },
	{ "agriculture", "Agriculture", "#8cd17d", TRIANGLE_DOWN },
	{ "education", "Education", "#499894", CIRCLE },
	{ "physicians", "Physicians", "#d37295", SQUARE },
	{ "senior-managers", "Senior managers", "#a0cbe8", DIAMOND },
	{ "military", "Military", "#3b3b3b", TRIANGLE_DOWN },
	{ "other", "Other", "#d4a6c8", CIRCLE },
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

static const char page_css[] =
	"body{font:16px/1.45 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif;"
	"color:#222;background:#fff;margin:0 auto;max-width:1000px;padding:0 12px}\n"
	"h1{font-size:1.6em;margin:.6em 0 .2em}\n"
	"h2{font-size:1.2em;margin:1.4em 0 .4em;border-bottom:1px solid #ccc}\n"
	"figure{margin:0}\n"
	".meta,.note{color:#555}\n"
	".chart{overflow-x:auto}\n"
	".chart svg{display:block;width:100%;height:auto;min-width:560px}\n"
	"svg text{font-family:system-ui,sans-serif;font-size:12px;fill:#333}\n"
	"svg .title{font-size:13px}\n"
	".grid line{stroke:#e2e2e2}\n"
	".axis{stroke:#888}\n"
	".pt{stroke:#222;stroke-width:.6}\n"
	".pt.unconfirmed{stroke-width:1.6}\n"
	".legend{list-style:none;padding:0;margin:.4em 0;display:flex;flex-wrap:wrap;"
	"gap:.1em 1.2em;font-size:.9em}\n"
	".key{font-size:1.15em}\n"
	".table{overflow-x:auto}\n"
	"table{border-collapse:collapse;width:100%;font-size:.9em}\n"
	"caption{text-align:left;color:#555;padding:.2em 0}\n"
	"th,td{padding:.25em .5em;border-bottom:1px solid #ddd;text-align:left;"
	"vertical-align:top}\n"
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
	"@media (max-width:600px){body{font-size:15px;padding:0 8px}"
	" th,td{padding:.2em .3em}}\n"
	"@media print{body{max-width:none;font-size:10pt;padding:0}"
	" .chart,.table{overflow:visible} .chart svg{min-width:0}"
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

double
report_x(const struct report_scale *s, long day)
{
	return REPORT_LEFT +
	       (double)(day - s->day0) * (REPORT_RIGHT - REPORT_LEFT) / (double)(s->day1 - s->day0);
}

double
report_y(const struct report_scale *s, double v)
{
	return REPORT_BOTTOM - (v - s->v0) * (REPORT_BOTTOM - REPORT_TOP) / (s->v1 - s->v0);
}

/* Gridlines up the value axis, and the months across, labelled by year
 * when they are many. */
static void
write_grid(FILE *f, const struct report_scale *s)
{
	static const int steps[] = { 1, 2, 3, 6, 12, 24, 60, 120, 240 };
	long m, first = month_index_of_day(s->day0), last = month_index_of_day(s->day1);
	size_t i;
	int step = 1;
	double v, x, y;
	char num[32];

	fputs("<g class=\"grid\">", f);
	for (v = s->v0; v <= s->v1 + s->step / 2; v += s->step) {
		y = report_y(s, v);
		fprintf(f, "<line x1=\"%d\" x2=\"%d\" y1=\"%.1f\" y2=\"%.1f\"/>"
		        "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>",
		        REPORT_LEFT, REPORT_RIGHT, y, y, REPORT_LEFT - 6, y + 4,
		        thousands((long)v, num));
	}
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		step = steps[i];
		if ((last - first) / step <= 12)
			break;
	}
	for (m = first; m <= last; m++) {
		if (m % step)
			continue;
		x = report_x(s, month_day(m));
		fprintf(f, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\"/>", x, x,
		        REPORT_TOP, REPORT_BOTTOM);
		if (m == last && m != first)
			continue;	/* the end of the last month: no label */
		if (step >= 12)
			fprintf(f, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%ld</text>", x,
			        REPORT_BOTTOM + 18, m / 12);
		else
			fprintf(f, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%ld-%02ld</text>",
			        x, REPORT_BOTTOM + 18, m / 12, m % 12 + 1);
	}
	fputs("</g>", f);
	fprintf(f, "<path class=\"axis\" fill=\"none\" d=\"M%d,%dV%dH%d\"/>", REPORT_LEFT,
	        REPORT_TOP, REPORT_BOTTOM, REPORT_RIGHT);
}

/* The legend: the categories of the draws given, in styles[] order. */
static void
write_legend(FILE *f, const struct report_data *r, int shape, int unconfirmed)
{
	long count[NSTYLES] = {0};
	size_t i;

	for (i = 0; i < r->ndraws; i++)
		count[style_index(r->draws[i].category)]++;
	fputs("<ul class=\"legend\">", f);
	for (i = 0; i < NSTYLES; i++) {
		if (!count[i])
			continue;
		fprintf(f, "<li><span class=\"key\" style=\"color:%s\" aria-hidden=\"true\">%s</span> ",
		        styles[i].colour, shape ? shapes[styles[i].shape].glyph : "\xe2\x96\xa0");
		esc(f, styles[i].label);
		fprintf(f, " (%ld)</li>", count[i]);
	}
	if (unconfirmed)
		fputs("<li><span class=\"key\" aria-hidden=\"true\">\xe2\x97\x8b</span> hollow:"
		      " unconfirmed, only articles state it</li>", f);
	fputs("</ul>", f);
}

/* The label of a draw in titles: "#434, 2026-08-07, Transport". */
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
	esc(f, d->date);
	fputs(", ", f);
	esc(f, styles[style_index(d->category)].label);
}

static int
plotted(const struct report_draw *d)
{
	return d->crs_cutoff >= 0 && report_day(d->date) >= 0;
}

/* The CRS cutoff of every draw over time. */
static void
write_cutoffs(FILE *f, const struct report_data *r)
{
	const struct report_draw *lo = NULL, *hi = NULL, *first = NULL, *last = NULL;
	struct report_scale s;
	size_t i, n = 0, unconf = 0;
	char num[32];

	for (i = 0; i < r->ndraws; i++) {
		const struct report_draw *d = &r->draws[i];

		if (!plotted(d))
			continue;
		n++;
		unconf += !d->confirmed;
		if (!lo || d->crs_cutoff < lo->crs_cutoff)
			lo = d;
		if (!hi || d->crs_cutoff > hi->crs_cutoff)
			hi = d;
		if (!first)
			first = d;
		last = d;
	}
	fputs("<section id=\"cutoffs\"><h2>CRS cutoff of every draw</h2>\n", f);
	if (!n) {
		fprintf(f, "<p class=\"empty\">None of the %zu draws states both a date and a"
		        " CRS cutoff: there is nothing to plot.</p></section>\n", r->ndraws);
		return;
	}
	report_scale_init(&s, report_day(first->date), report_day(last->date),
	                  (double)lo->crs_cutoff, (double)hi->crs_cutoff, 0);
	fprintf(f, "<figure><div class=\"chart\"><svg id=\"cutoff-chart\""
	        " xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\""
	        " aria-labelledby=\"cutoff-title cutoff-desc\">", REPORT_WIDTH, REPORT_HEIGHT);
	fputs("<title id=\"cutoff-title\">CRS cutoff of every draw over time, by category</title>"
	      "<desc id=\"cutoff-desc\">", f);
	fprintf(f, "%zu draws from ", n);
	esc(f, first->date);
	fputs(" to ", f);
	esc(f, last->date);
	fprintf(f, "%s. The lowest cutoff was %ld (", unconf ? " (some unconfirmed)" : "",
	        lo->crs_cutoff);
	draw_label(f, lo);
	fprintf(f, "), the highest %ld (", hi->crs_cutoff);
	draw_label(f, hi);
	fprintf(f, "); the latest %ld (", last->crs_cutoff);
	draw_label(f, last);
	fputs("). Every draw is in the table below.</desc>", f);
	fputs("<defs>", f);
	for (i = 0; i < sizeof(shapes) / sizeof(shapes[0]); i++) {
		/* <g id> around the shape: "use" then styles the group. */
		fprintf(f, "<g id=\"%s\">%s</g>", shapes[i].id, shapes[i].svg);
	}
	fputs("</defs>", f);
	write_grid(f, &s);
	fprintf(f, "<text class=\"title\" transform=\"translate(16,%d) rotate(-90)\""
	        " text-anchor=\"middle\">CRS cutoff</text>", (REPORT_TOP + REPORT_BOTTOM) / 2);
	fputs("<g class=\"points\">", f);
	for (i = 0; i < r->ndraws; i++) {
		const struct report_draw *d = &r->draws[i];
		const struct style *st = &styles[style_index(d->category)];

		if (!plotted(d))
			continue;
		fprintf(f, "<use class=\"pt%s\" href=\"#%s\" x=\"%.1f\" y=\"%.1f\"",
		        d->confirmed ? "" : " unconfirmed", shapes[st->shape].id,
		        report_x(&s, report_day(d->date)), report_y(&s, (double)d->crs_cutoff));
		if (d->confirmed)
			fprintf(f, " fill=\"%s\">", st->colour);
		else
			fprintf(f, " fill=\"#fff\" stroke=\"%s\">", st->colour);
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
		fputs("</title></use>", f);
	}
	fputs("</g></svg></div>\n<figcaption>", f);
	write_legend(f, r, 1, unconf > 0);
	if (n < r->ndraws)
		fprintf(f, "<p class=\"note\">%zu draws without a date or a CRS cutoff are not"
		        " plotted.</p>", r->ndraws - n);
	fputs("</figcaption></figure></section>\n", f);
}

/* Invitations per month, stacked by category: IRCC's draws only. */
static void
write_invitations(FILE *f, const struct report_data *r)
{
	long *sum, *draws, m0 = 0, m1 = 0, nmonths, m, total = 0, best = 0, best_m = 0;
	const char *first = NULL, *last = NULL;
	struct report_scale s;
	size_t i, k;
	char num[32], num2[32];

	for (i = 0; i < r->ndraws; i++) {
		const struct report_draw *d = &r->draws[i];

		if (!d->confirmed || d->invitations < 0 || report_day(d->date) < 0)
			continue;
		if (!first)
			first = d->date;
		last = d->date;
	}
	fputs("<section id=\"invitations\"><h2>Invitations per month</h2>\n", f);
	if (!first) {
		fputs("<p class=\"empty\">No draw of IRCC's states its invitations: there is"
		      " nothing to plot.</p></section>\n", f);
		return;
	}
	m0 = month_index(first);
	m1 = month_index(last);
	nmonths = m1 - m0 + 1;
	sum = xcalloc((size_t)nmonths * NSTYLES, sizeof(*sum));
	draws = xcalloc((size_t)nmonths * NSTYLES, sizeof(*draws));
	for (i = 0; i < r->ndraws; i++) {
		const struct report_draw *d = &r->draws[i];

		if (!d->confirmed || d->invitations < 0 || report_day(d->date) < 0)
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
	report_scale_init(&s, report_day(first), report_day(last), 0, (double)best, 1);
	fprintf(f, "<figure><div class=\"chart\"><svg id=\"invitations-chart\""
	        " xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\""
	        " aria-labelledby=\"invitations-title invitations-desc\">", REPORT_WIDTH,
	        REPORT_HEIGHT);
	fputs("<title id=\"invitations-title\">Invitations per month, stacked by category"
	      "</title><desc id=\"invitations-desc\">", f);
	fprintf(f, "%s invitations in IRCC's draws from %.7s to %.7s; the most in one month: %s"
	        " in %ld-%02ld.</desc>", thousands(total, num), first, last,
	        thousands(best, num2), (m0 + best_m) / 12, (m0 + best_m) % 12 + 1);
	write_grid(f, &s);
	fprintf(f, "<text class=\"title\" transform=\"translate(16,%d) rotate(-90)\""
	        " text-anchor=\"middle\">invitations</text>", (REPORT_TOP + REPORT_BOTTOM) / 2);
	fputs("<g class=\"bars\">", f);
	for (m = 0; m < nmonths; m++) {
		double x0 = report_x(&s, month_day(m0 + m)), x1 = report_x(&s, month_day(m0 + m + 1));
		double w = (x1 - x0) * 0.84, base = 0;

		for (k = 0; k < NSTYLES; k++) {
			long v = sum[m * (long)NSTYLES + (long)k];
			long nd = draws[m * (long)NSTYLES + (long)k];
			double ytop, ybot;

			if (!nd)
				continue;
			ybot = report_y(&s, base);
			ytop = report_y(&s, base + (double)v);
			base += (double)v;
			fprintf(f, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\""
			        " height=\"%.1f\" fill=\"%s\"><title>%ld-%02ld, ", x0 + (x1 - x0 - w) / 2,
			        ytop, w, ybot - ytop, styles[k].colour, (m0 + m) / 12, (m0 + m) % 12 + 1);
			esc(f, styles[k].label);
			fprintf(f, ": %s invitations (%ld draw%s)</title></rect>", thousands(v, num), nd,
			        nd == 1 ? "" : "s");
		}
	}
	fputs("</g></svg></div>\n<figcaption>", f);
	write_legend(f, r, 0, 0);
	fputs("</figcaption></figure></section>\n", f);
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

/* The latest pool distribution, by CRS band: the finest bands, highest
 * first. */
static void
write_pool(FILE *f, const struct report_data *r)
{
	const struct report_pool *p = &r->pool[POOL_LATEST];
	const struct report_band **rows;
	long max = 0, total = -1, sum = 0;
	size_t i, n = 0;
	int row = 24, top = 28, left = 120, right = REPORT_RIGHT - 40, height;
	double v, x;
	char num[32];

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
				total = p->bands[i].candidates;
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
	height = top + (int)n * row + 30;
	{
		struct report_scale s;
		double scale;

		report_scale_init(&s, 0, 0, 0, (double)max, 1);
		scale = (right - left) / (s.v1 - s.v0);
		fprintf(f, "<figure><div class=\"chart\"><svg id=\"pool-chart\""
		        " xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" role=\"img\""
		        " aria-labelledby=\"pool-title pool-desc\">", REPORT_WIDTH, height);
		fputs("<title id=\"pool-title\">Candidates in the pool by CRS score, as of ", f);
		esc(f, p->as_of[0] ? p->as_of : p->date);
		fputs("</title><desc id=\"pool-desc\">", f);
		fprintf(f, "%s candidates in the pool as of ", thousands(total, num));
		esc(f, p->as_of[0] ? p->as_of : p->date);
		fputs(", as IRCC stated it with draw #", f);
		esc(f, p->number);
		fputs(":", f);
		for (i = 0; i < n; i++)
			fprintf(f, "%s %d-%d: %s", i ? ";" : "", rows[i]->crs_min, rows[i]->crs_max,
			        thousands(rows[i]->candidates, num));
		fputs(".</desc><g class=\"grid\">", f);
		for (v = s.v0; v <= s.v1 + s.step / 2; v += s.step) {
			x = left + v * scale;
			fprintf(f, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\"/>"
			        "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>", x, x,
			        top - 4, top + (int)n * row, x, top + (int)n * row + 18,
			        thousands((long)v, num));
		}
		fputs("</g>", f);
		fprintf(f, "<text class=\"title\" x=\"%d\" y=\"%d\" text-anchor=\"end\">CRS score"
		        "</text>", left - 8, top - 10);
		fputs("<g class=\"bars\">", f);
		for (i = 0; i < n; i++) {
			int y = top + (int)i * row;
			double w = rows[i]->candidates * scale;

			fprintf(f, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%d-%d</text>", left - 8,
			        y + row / 2 + 4, rows[i]->crs_min, rows[i]->crs_max);
			fprintf(f, "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\""
			        " fill=\"#4e79a7\"><title>CRS %d-%d: %s candidates</title></rect>", left,
			        y + 3, w, row - 6, rows[i]->crs_min, rows[i]->crs_max,
			        thousands(rows[i]->candidates, num));
			fprintf(f, "<text x=\"%.1f\" y=\"%d\"%s>%s</text>",
			        w > 80 ? left + w - 6 : left + w + 6, y + row / 2 + 4,
			        w > 80 ? " text-anchor=\"end\" style=\"fill:#fff\"" : "",
			        thousands(rows[i]->candidates, num));
		}
		fputs("</g></svg></div>\n<figcaption class=\"note\">", f);
		fprintf(f, "%s candidates in all, as of ", thousands(total, num));
		esc(f, p->as_of[0] ? p->as_of : p->date);
		fputs(" (stated with draw #", f);
		esc(f, p->number);
		fputs(" of ", f);
		esc(f, p->date);
		fputs(").</figcaption></figure></section>\n", f);
	}
	free(rows);
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
		fputs("<div><dt>CRS since the previous ", f);
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

/* The latest draws, newest first. */
static void
write_latest(FILE *f, const struct report_data *r)
{
	size_t i, n = r->ndraws < LATEST_ROWS ? r->ndraws : LATEST_ROWS;
	char num[32];

	fputs("<section id=\"latest\"><h2>The latest draws</h2>\n<div class=\"table\"><table>", f);
	fprintf(f, "<caption>The latest %zu of %zu draws, newest first.</caption>", n, r->ndraws);
	fputs("<thead><tr><th scope=\"col\">Draw</th><th scope=\"col\">Date</th>"
	      "<th scope=\"col\">Category</th><th scope=\"col\" class=\"n\">Invitations</th>"
	      "<th scope=\"col\" class=\"n\">CRS cutoff</th><th scope=\"col\">Tie-break</th>"
	      "<th scope=\"col\">Notes</th></tr></thead>\n<tbody>\n", f);
	for (i = 0; i < n; i++) {
		const struct report_draw *d = &r->draws[r->ndraws - 1 - i];
		const struct style *st = &styles[style_index(d->category)];

		fprintf(f, "<tr%s><td>", d->confirmed ? (d->conflicts ? " class=\"conflict\"" : "")
		                                      : " class=\"unconfirmed\"");
		if (d->number)
			putc('#', f), esc(f, d->number);
		fputs("</td><td>", f);
		esc(f, d->date);
		fprintf(f, "</td><td><span class=\"key\" style=\"color:%s\" aria-hidden=\"true\">%s"
		        "</span> ", st->colour, shapes[st->shape].glyph);
		esc(f, st->label);
		if (d->name && strcmp(st->category, "other") == 0) {
			fputs(": ", f);
			esc(f, d->name);
		}
		fprintf(f, "</td><td class=\"n\">%s</td><td class=\"n\">", thousands(d->invitations, num));
		if (d->crs_cutoff >= 0)
			fprintf(f, "%ld", d->crs_cutoff);
		fputs("</td><td>", f);
		if (d->tie_break)
			esc(f, d->tie_break);
		fputs("</td><td>", f);
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
		esc(f, s->last_success ? s->last_success : "never");
		fprintf(f, "</td><td class=\"n\">%ld</td><td>", s->failures);
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
		esc(f, r->draws[0].date);
		fputs(" to ", f);
		esc(f, r->draws[r->ndraws - 1].date);
		if (r->since[0]) {
			fputs(", those on or after ", f);
			esc(f, r->since);
		}
		fputs(". ", f);
	}
	fprintf(f, "Generated <time datetime=\"%s\">%s</time> by eedraws " EEDRAWS_VERSION
	        "; see the sources below for how fresh the data are.</p></header>\n<main>\n",
	        when, when);
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
		write_cutoffs(f, r);
		write_invitations(f, r);
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
