/* article_doc.c: a page's text, tables and date, from HTML or text. */
#define _GNU_SOURCE		/* strcasestr */
#include "article.h"

#include <jansson.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "datetime.h"

/* Elements whose text is never the article's. */
static const char *const skip_tags[] = {
	"script", "style", "noscript", "nav", "header", "footer", "aside", "form",
	"button", "select", "svg", "iframe", "template", "menu", NULL,
};

/* class or id words that mark page furniture. */
static const char *const skip_marks[] = {
	"related", "menu", "navbar", "nav-", "footer", "sidebar", "comment",
	"share", "social", "newsletter", "breadcrumb", "cookie", "subscribe",
	"advert", "promo", "widget", "popular", "recommended", "trending", "most-read", NULL,
};

/* Elements that end a block of text. */
static const char *const block_tags[] = {
	"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "br",
	"section", "article", "main", "blockquote", "tr", "table", "dd", "dt",
	"figcaption", "pre", "hr", NULL,
};

static int
is_furniture(xmlNode *n)
{
	static const char *const attrs[] = { "class", "id", "role", NULL };
	const char *const *a, *const *m;
	int furniture = 0;

	if (strcase_in_list((const char *)n->name, skip_tags))
		return 1;
	for (a = attrs; *a && !furniture; a++) {
		xmlChar *v = xmlGetProp(n, (const xmlChar *)*a);

		if (!v)
			continue;
		if (strcmp(*a, "role") == 0)
			furniture = !strcasecmp((char *)v, "navigation") ||
			            !strcasecmp((char *)v, "complementary") ||
			            !strcasecmp((char *)v, "contentinfo");
		else
			for (m = skip_marks; *m && !furniture; m++)
				furniture = strcasestr((char *)v, *m) != NULL;
		xmlFree(v);
	}
	return furniture;
}

/* Appends text with white space collapsed. */
static void
add_text(struct buf *b, const char *s)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		int space = c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		            (c == 0xc2 && (unsigned char)s[1] == 0xa0);

		if (space) {
			if (c == 0xc2)
				s++;
			if (b->len && b->data[b->len - 1] != ' ')
				buf_adds(b, " ");
		} else {
			buf_add(b, s, 1);
		}
	}
}

static char *
trimmed(struct buf *b)
{
	size_t start = 0;

	while (b->len && b->data[b->len - 1] == ' ')
		b->data[--b->len] = '\0';
	while (start < b->len && b->data[start] == ' ')
		start++;
	return b->len > start ? xstrdup(b->data + start) : NULL;
}

/* Ends the current block: a paragraph when it holds any text. */
static void
flush(struct article_doc *doc, struct buf *b)
{
	char *t = trimmed(b);

	if (t) {
		strlist_add(&doc->paras, t);
		free(t);
	}
	b->len = 0;
	if (b->data)
		b->data[0] = '\0';
}

/* All text below n, collapsed, furniture skipped. */
static void
node_text(xmlNode *n, struct buf *b)
{
	for (; n; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			add_text(b, (const char *)n->content);
		} else if (n->type == XML_ELEMENT_NODE && !is_furniture(n)) {
			if (strcase_in_list((const char *)n->name, block_tags) && b->len)
				add_text(b, " ");
			node_text(n->children, b);
		}
	}
}

/* A new empty table at the end of doc's, its context a copy of context
 * (or NULL). */
static struct article_table *
new_table(struct article_doc *doc, const char *context)
{
	struct article_table *t;

	doc->tables = xrealloc(doc->tables, (doc->ntables + 1) * sizeof(*doc->tables));
	t = &doc->tables[doc->ntables++];
	memset(t, 0, sizeof(*t));
	t->context = xstrdup(context);
	return t;
}

/* Appends row to t, which takes it over. */
static void
table_add_row(struct article_table *t, struct strlist row)
{
	t->rows = xrealloc(t->rows, (t->nrows + 1) * sizeof(*t->rows));
	t->rows[t->nrows++] = row;
}

static void
add_table(struct article_doc *doc, xmlNode *table, const char *context)
{
	struct article_table *t;
	xmlNode *stack[8], *n;
	int depth = 0;

	t = new_table(doc, context);
	/* Rows may sit in thead, tbody, tfoot: walk a few levels down. */
	stack[depth++] = table->children;
	while (depth) {
		n = stack[--depth];
		for (; n; n = n->next) {
			if (n->type != XML_ELEMENT_NODE)
				continue;
			if (strcasecmp((const char *)n->name, "tr") == 0) {
				struct strlist row = {0};
				xmlNode *c;

				for (c = n->children; c; c = c->next) {
					struct buf cell = {0};
					char *text;

					if (c->type != XML_ELEMENT_NODE ||
					    (strcasecmp((const char *)c->name, "td") &&
					     strcasecmp((const char *)c->name, "th")))
						continue;
					node_text(c->children, &cell);
					text = trimmed(&cell);
					strlist_add(&row, text ? text : "");
					free(text);
					buf_release(&cell);
				}
				if (row.n)
					table_add_row(t, row);
			} else if (depth < 8 &&
			           !strcase_in_list((const char *)n->name, skip_tags)) {
				if (n->next)
					stack[depth++] = n->next;
				stack[depth++] = n->children;
				break;
			}
		}
	}
}

/* The end of a <dt>: a colon after the term, unless it wrote one. */
static void
term_end(struct buf *b)
{
	if (!b->len)
		return;
	while (b->len && b->data[b->len - 1] == ' ')
		b->data[--b->len] = '\0';
	if (b->len && b->data[b->len - 1] != ':')
		buf_adds(b, ":");
	buf_adds(b, " ");
}

/* The paragraph before a table is its context, copied: tables one after
 * another share it, so all the copies together may take at most the
 * page's size (*left), lest a long paragraph before thousands of empty
 * tables make gigabytes of a small page; beyond that, a table has none. */
static const char *
table_context(const struct article_doc *doc, size_t *left)
{
	const char *p = doc->paras.n ? doc->paras.v[doc->paras.n - 1] : NULL;
	size_t n = p ? strlen(p) : 0;

	if (n > *left)
		return NULL;
	*left -= n;
	return p;
}

/* 1 when a table lays a page out rather than holds data: a heading, a
 * table or a paragraph of prose in its cells (an e-mail newsletter's
 * columns).  Its text is read as the page's text. */
static int
layout_table(xmlNode *n)
{
	static const char *const layout_tags[] = {
		"h1", "h2", "h3", "h4", "h5", "h6", "table", NULL,
	};

	for (n = n->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcase_in_list((const char *)n->name, layout_tags))
			return 1;
		if (!strcasecmp((const char *)n->name, "p")) {
			xmlChar *text = xmlNodeGetContent(n);
			int prose = text && strlen((char *)text) > 100;

			xmlFree(text);
			if (prose)
				return 1;
		}
		if (layout_table(n))
			return 1;
	}
	return 0;
}

/* n's two children when n holds a label and its value and nothing else
 * ("<div class=stat><span>ITAs</span><b>2,000</b></div>", a stat card):
 * two elements, the first a short text without digits, the second a
 * short one that is no field itself (no colon); else 0. */
static int
label_pair(xmlNode *n, xmlNode *kids[2])
{
	xmlNode *c;
	int k = 0, ok = 1;

	for (c = n->children; c && ok; c = c->next) {
		if (c->type == XML_TEXT_NODE) {
			const char *t = (const char *)c->content;

			ok = t[strspn(t, " \t\r\n")] == '\0';
		} else if (c->type == XML_ELEMENT_NODE) {
			ok = k < 2 && !is_furniture(c);
			if (ok)
				kids[k++] = c;
		}
	}
	if (!ok || k != 2)
		return 0;
	{
		xmlChar *label = xmlNodeGetContent(kids[0]), *value = xmlNodeGetContent(kids[1]);
		size_t ln = label ? strlen((char *)label) : 0, vn = value ? strlen((char *)value) : 0;

		ok = ln > 0 && ln <= 30 && !strpbrk((char *)label, "0123456789") &&
		     vn > 0 && vn <= 60 && !strchr((char *)value, ':');
		xmlFree(label);
		xmlFree(value);
	}
	return ok;
}

/* The text below n as written, its lines kept ("<br>" ends one too),
 * furniture skipped. */
static void
raw_text(xmlNode *n, struct buf *b)
{
	for (; n; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
			buf_adds(b, (const char *)n->content);
		else if (n->type == XML_ELEMENT_NODE && !is_furniture(n)) {
			if (strcasecmp((const char *)n->name, "br") == 0)
				buf_adds(b, "\n");
			raw_text(n->children, b);
		}
	}
}

/* A <pre> block is read as a text page is, a paragraph a line, rows of
 * bars or tabs a table: its lines are a table's rows or a list's lines
 * ("Mon Nov 10    PNP    714    738"), which collapsed white space
 * would run into one paragraph. */
static void
add_pre(struct article_doc *doc, xmlNode *pre)
{
	struct article_doc sub;
	struct buf raw = {0};
	size_t i;

	raw_text(pre->children, &raw);
	article_doc_text(&sub, raw.data ? raw.data : "", raw.len);
	buf_release(&raw);
	for (i = 0; i < sub.paras.n; i++)
		strlist_add(&doc->paras, sub.paras.v[i]);
	if (sub.ntables) {
		doc->tables = xrealloc(doc->tables,
		                       (doc->ntables + sub.ntables) * sizeof(*doc->tables));
		memcpy(doc->tables + doc->ntables, sub.tables, sub.ntables * sizeof(*sub.tables));
		doc->ntables += sub.ntables;
		free(sub.tables);
		sub.tables = NULL;
		sub.ntables = 0;
	}
	article_doc_release(&sub);
}

static void
walk(struct article_doc *doc, xmlNode *n, struct buf *b, size_t *left)
{
	xmlNode *kids[2];
	int block, term;

	for (; n; n = n->next) {
		if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
			add_text(b, (const char *)n->content);
			continue;
		}
		if (n->type != XML_ELEMENT_NODE || is_furniture(n))
			continue;
		if (strcasecmp((const char *)n->name, "table") == 0 && !layout_table(n)) {
			/* The text just before it, a heading often, is its context. */
			flush(doc, b);
			add_table(doc, n, table_context(doc, left));
			continue;
		}
		if (strcasecmp((const char *)n->name, "pre") == 0) {
			flush(doc, b);
			add_pre(doc, n);
			continue;
		}
		block = strcase_in_list((const char *)n->name, block_tags);
		if (block && label_pair(n, kids)) {
			/* A label and its value are one line, as a field. */
			flush(doc, b);
			walk(doc, kids[0]->children, b, left);
			term_end(b);
			walk(doc, kids[1]->children, b, left);
			flush(doc, b);
			continue;
		}
		term = strcasecmp((const char *)n->name, "dt") == 0;
		/* A term and its description are one line, "Date: June 27,
		 * 2023", as a field is written in text. */
		if (block && strcasecmp((const char *)n->name, "dd") != 0)
			flush(doc, b);
		walk(doc, n->children, b, left);
		if (term)
			term_end(b);
		else if (block)
			flush(doc, b);
	}
}

/* The first element named name (any case) below n, depth first. */
static xmlNode *
find(xmlNode *n, const char *name)
{
	xmlNode *f;

	for (; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcasecmp((const char *)n->name, name) == 0)
			return n;
		if ((f = find(n->children, name)))
			return f;
	}
	return NULL;
}

/* Sets out (doc->published or doc->modified), when still empty, from an
 * ISO timestamp's date part. */
static int
take_date(char out[11], const char *s)
{
	char date[11];
	int swapped;

	if (out[0] || !s || strlen(s) < 10)
		return 0;
	memcpy(date, s, 10);
	date[10] = '\0';
	if (date_parse_iso(date, out, &swapped) != 0 || swapped) {
		out[0] = '\0';
		return 0;
	}
	return 1;
}

static void
jsonld_date(struct article_doc *doc, json_t *v)
{
	size_t i;
	json_t *x;

	if (json_is_array(v)) {
		json_array_foreach(v, i, x)
			jsonld_date(doc, x);
	} else if (json_is_object(v)) {
		take_date(doc->published, json_string_value(json_object_get(v, "datePublished")));
		take_date(doc->modified, json_string_value(json_object_get(v, "dateModified")));
		jsonld_date(doc, json_object_get(v, "@graph"));
	}
}

/* The names a <meta> gives the page's date by, and its update's: Open
 * Graph's, Dublin Core's, the plain "date" many publishing systems write,
 * and schema.org's microdata (itemprop). */
static const char *const published_names[] = {
	"article:published_time", "date", "pubdate", "publishdate", "publish-date",
	"dc.date", "dc.date.issued", "dcterms.date", "dcterms.issued", "datePublished", NULL
};
static const char *const modified_names[] = {
	"article:modified_time", "og:updated_time", "dcterms.modified", "dateModified", NULL
};

/* The page's own date: a <meta> of published_names, JSON-LD, <time
 * datetime>, an element of itemprop="datePublished" with a datetime or
 * content; and its update's: a <meta> of modified_names, JSON-LD. */
static void
page_date(struct article_doc *doc, xmlNode *n)
{
	for (; n && !(doc->published[0] && doc->modified[0]); n = n->next) {
		xmlChar *a, *c;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (!strcasecmp((const char *)n->name, "meta")) {
			a = xmlGetProp(n, (const xmlChar *)"property");
			if (!a)
				a = xmlGetProp(n, (const xmlChar *)"name");
			if (!a)
				a = xmlGetProp(n, (const xmlChar *)"itemprop");
			c = xmlGetProp(n, (const xmlChar *)"content");
			if (a && c && strcase_in_list((char *)a, published_names))
				take_date(doc->published, (char *)c);
			else if (a && c && strcase_in_list((char *)a, modified_names))
				take_date(doc->modified, (char *)c);
			xmlFree(a);
			xmlFree(c);
		} else if ((a = xmlGetProp(n, (const xmlChar *)"itemprop")) != NULL) {
			c = xmlGetProp(n, (const xmlChar *)"datetime");
			if (!c)
				c = xmlGetProp(n, (const xmlChar *)"content");
			if (c && !strcasecmp((char *)a, "datePublished"))
				take_date(doc->published, (char *)c);
			xmlFree(a);
			xmlFree(c);
		} else if (!strcasecmp((const char *)n->name, "script")) {
			a = xmlGetProp(n, (const xmlChar *)"type");
			if (a && !strcasecmp((char *)a, "application/ld+json")) {
				xmlChar *text = xmlNodeGetContent(n);
				json_t *j = text ? json_loads((char *)text, 0, NULL) : NULL;

				jsonld_date(doc, j);
				json_decref(j);
				xmlFree(text);
			}
			xmlFree(a);
		}
		page_date(doc, n->children);
	}
}

static void
time_date(struct article_doc *doc, xmlNode *root)
{
	xmlNode *t = find(root, "time");
	xmlChar *dt = t ? xmlGetProp(t, (const xmlChar *)"datetime") : NULL;

	take_date(doc->published, (char *)dt);
	xmlFree(dt);
}

/* 1 when the page names a charset no charset has: longer than 64 bytes
 * (IANA's longest name has 45).  libxml2 hands the name to iconv_open(),
 * and glibc parses it in time quadratic in its slashes: a 240 kB
 * "charset" took 10 s (found by make fuzz).  Such a hint is ignored. */
static int
absurd_charset(const char *data, size_t len)
{
	const char *stops;
	size_t i, n;

	for (i = 0; i + 7 < len; i++) {
		if (strncasecmp(data + i, "charset", 7) != 0)
			continue;
		for (i += 7; i < len && (data[i] == ' ' || data[i] == '='); i++)
			;
		/* A quoted value runs to its quote, whatever it holds. */
		stops = i < len && data[i] == '"' ? "\"" : i < len && data[i] == '\'' ? "'" :
		        "\"'> \t\r\n;";
		if (i < len && (data[i] == '"' || data[i] == '\''))
			i++;
		for (n = 0; i + n < len && data[i + n] && !strchr(stops, data[i + n]); n++)
			if (n > 64)
				return 1;
	}
	return 0;
}

void
article_doc_html(struct article_doc *doc, const char *data, size_t len, const char *url)
{
	htmlDocPtr h;
	xmlNode *root, *main_el;
	struct buf b = {0};
	size_t left = len;

	memset(doc, 0, sizeof(*doc));
	h = htmlReadMemory(data, (int)(len > 0x7fffffff ? 0x7fffffff : len), url, NULL,
	                   HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	                   HTML_PARSE_NONET | HTML_PARSE_COMPACT |
	                   (absurd_charset(data, len) ? HTML_PARSE_IGNORE_ENC : 0));
	if (!h)
		return;
	root = xmlDocGetRootElement(h);
	page_date(doc, root);
	/* The article itself when the page marks it, else the whole body. */
	main_el = find(root, "article");
	if (!main_el)
		main_el = find(root, "main");
	if (!main_el)
		main_el = find(root, "body");
	if (!doc->published[0])
		time_date(doc, main_el ? main_el : root);
	if (main_el) {
		walk(doc, main_el->children, &b, &left);
		flush(doc, &b);
	}
	buf_release(&b);
	xmlFreeDoc(h);
}

/* Splits a text line on '|' into cells; 0 when it is no table row. */
static int
pipe_cells(const char *line, struct strlist *cells)
{
	const char *p = line, *bar;
	int bars = 0;

	for (bar = line; (bar = strchr(bar, '|')); bar++)
		bars++;
	if (bars < 2)
		return 0;
	while (*p == ' ')
		p++;
	if (*p == '|')
		p++;
	while (*p) {
		struct buf cell = {0};
		char *t;

		bar = strchr(p, '|');
		buf_add(&cell, p, bar ? (size_t)(bar - p) : strlen(p));
		t = trimmed(&cell);
		if (t || bar)
			strlist_add(cells, t ? t : "");
		free(t);
		buf_release(&cell);
		if (!bar)
			break;
		p = bar + 1;
	}
	while (cells->n && !cells->v[cells->n - 1][0]) {
		free(cells->v[--cells->n]);
	}
	return cells->n >= 2;
}

/* Splits a text line on tabs into cells, a run of tabs one separator;
 * 0 when it has fewer than two cells: a table pasted as text
 * ("255<TAB>July 4, 2023<TAB>3,800"). */
static int
tab_cells(const char *line, struct strlist *cells)
{
	const char *p = line, *tab;

	if (!strchr(line, '\t'))
		return 0;
	while (*p) {
		struct buf cell = {0};
		char *t;

		tab = strchr(p, '\t');
		buf_add(&cell, p, tab ? (size_t)(tab - p) : strlen(p));
		if ((t = trimmed(&cell)))
			strlist_add(cells, t);
		free(t);
		buf_release(&cell);
		if (!tab)
			break;
		for (p = tab; *p == '\t'; p++)
			;
	}
	if (cells->n >= 2)
		return 1;
	strlist_release(cells);
	return 0;
}

/* Splits a text line on semicolons into cells, a data export's
 * ("2016-05-06;799;534;no program specified"): three cells or more, each
 * short (at most 40 bytes), no semicolon followed by a space, or 0; not
 * a sentence's clauses, nor a line of labelled values ("2,000 ITAs; min
 * CRS 517"). */
static int
semicolon_cells(const char *line, struct strlist *cells)
{
	const char *p = line, *semi;

	if (strstr(line, ". ") || strstr(line, "; "))
		return 0;
	for (;;) {
		struct buf cell = {0};
		char *t;

		semi = strchr(p, ';');
		buf_add(&cell, p, semi ? (size_t)(semi - p) : strlen(p));
		t = trimmed(&cell);
		buf_release(&cell);
		if (!t || strlen(t) > 40) {
			free(t);
			strlist_release(cells);
			return 0;
		}
		strlist_add(cells, t);
		free(t);
		if (!semi)
			break;
		p = semi + 1;
	}
	if (cells->n >= 3)
		return 1;
	strlist_release(cells);
	return 0;
}

/* A text line's cells, split on '|', else on tabs, else on semicolons;
 * 0 when it is no table row. */
static int
row_cells(const char *line, struct strlist *cells)
{
	if (pipe_cells(line, cells))
		return 1;
	strlist_release(cells);
	if (tab_cells(line, cells))
		return 1;
	return semicolon_cells(line, cells);
}

/* The columns of a table aligned with spaces, as its header line sets
 * them: where each header cell starts and ends, in characters. */
struct aligned {
	size_t n;
	size_t at[12], end[12];
};

/* The character (not byte) position of s + i in s. */
static size_t
char_pos(const char *s, size_t i)
{
	size_t k, pos = 0;

	for (k = 0; k < i; k++)
		pos += ((unsigned char)s[k] & 0xc0) != 0x80;
	return pos;
}

/* Splits line at runs of two spaces or more ("CRS     ITAs     Date"),
 * its words' positions into *a when a is not NULL; the cells' count. */
static size_t
space_cells(const char *line, struct strlist *cells, struct aligned *a)
{
	size_t i = 0, len = strlen(line);

	while (i < len) {
		size_t start, stop;

		while (i < len && line[i] == ' ')
			i++;
		if (i == len)
			break;
		start = i;
		while (i < len && !(line[i] == ' ' && (i + 1 == len || line[i + 1] == ' ')))
			i++;
		stop = i;
		if (a) {
			if (a->n == sizeof(a->at) / sizeof(a->at[0]))
				return 0;
			a->at[a->n] = char_pos(line, start);
			a->end[a->n++] = char_pos(line, stop);
		}
		strlist_addf(cells, "%.*s", (int)(stop - start), line + start);
	}
	return cells->n;
}

/* 1 when line is the header of a table aligned with spaces: three cells
 * or more parted by two spaces or more, each a few words with no digit
 * ("CRS     ITAs     Date     Program"); its columns into *a. */
static int
aligned_header(const char *line, struct aligned *a, struct strlist *cells)
{
	size_t i;

	memset(a, 0, sizeof(*a));
	if (strlen(line) > 160 || strpbrk(line, "0123456789|\t") ||
	    space_cells(line, cells, a) < 3)
		goto no;
	for (i = 0; i < cells->n; i++)
		if (strlen(cells->v[i]) > 30)
			goto no;
	return 1;
no:
	strlist_release(cells);
	return 0;
}

/* The column of a whose span (from its header cell's start to the next
 * one's) overlaps characters at to end the most, else the nearest. */
static size_t
aligned_column(const struct aligned *a, size_t at, size_t end)
{
	size_t c, best = 0;
	long most = 0;

	for (c = 0; c < a->n; c++) {
		long lo = (long)(at > a->at[c] ? at : a->at[c]);
		long hi = c + 1 < a->n ? (long)(end < a->at[c + 1] ? end : a->at[c + 1]) : (long)end;
		long fit = hi - lo;	/* the overlap, or minus the gap */

		if (c == 0 || fit > most)
			most = fit, best = c;
	}
	return best;
}

/* 1 when each run of words w found starts or ends where a header cell
 * of a does (give or take one): the row is aligned under the header. */
static int
aligned_under(const struct aligned *a, const struct aligned *w)
{
	size_t i, c;

	for (i = 0; i < w->n; i++) {
		for (c = 0; c < a->n; c++)
			if (w->at[i] + 1 >= a->at[c] && w->at[i] <= a->at[c] + 1)
				break;
			else if (w->end[i] + 1 >= a->end[c] && w->end[i] <= a->end[c] + 1)
				break;
		if (c == a->n)
			return 0;
	}
	return 1;
}

/* Splits line into the columns of a, when it is a row of that table: a
 * run of two spaces between its words, a digit, and two cells filled.
 * Its cells are its runs of words parted by two spaces or more when
 * there are as many as a has columns or they are not aligned under the
 * header ("September 27, 2023  French  472", its last cells missing);
 * else each word goes to the column it lies under ("791     699
 * February 15, 2023 PNP", one space before "PNP"). */
static int
aligned_row(const char *line, const struct aligned *a, struct strlist *cells)
{
	struct buf col[12] = {{0}};
	struct aligned w = {0};
	const char *p = line;
	size_t c, filled = 0;

	while (*p == ' ')
		p++;
	if (!strstr(p, "  ") || !strpbrk(p, "0123456789") || strlen(line) > 200)
		return 0;
	if ((space_cells(line, cells, &w) == a->n || !aligned_under(a, &w)) && cells->n >= 2)
		return 1;
	strlist_release(cells);
	if (w.n < 2)
		return 0;
	while (*p) {
		size_t len = strcspn(p, " "), k = (size_t)(p - line);

		c = aligned_column(a, char_pos(line, k), char_pos(line, k + len));
		if (col[c].len)
			buf_adds(&col[c], " ");
		buf_add(&col[c], p, len);
		for (p += len; *p == ' '; p++)
			;
	}
	for (c = 0; c < a->n; c++) {
		filled += col[c].len > 0;
		strlist_add(cells, col[c].len ? col[c].data : "");
		buf_release(&col[c]);
	}
	if (filled >= 2)
		return 1;
	strlist_release(cells);
	return 0;
}

/* line with its white space collapsed, or NULL when it has no text. */
static char *
line_text(const char *line)
{
	struct buf b = {0};
	char *text;

	add_text(&b, line);
	text = trimmed(&b);
	buf_release(&b);
	return text;
}

/* The table being read (*t) ends.  A table of one row is a line with
 * bars in it ("Lahore | June 13, 2025 | 3:15 PM", "Home | News"), not a
 * table: it becomes the paragraph it was written as (*lone). */
static void
text_line_end(struct article_doc *doc, struct article_table **t, char **lone)
{
	char *text;

	if (*t && (*t)->nrows == 1 && *lone) {
		article_table_release(*t);
		doc->ntables--;
		if ((text = line_text(*lone)) != NULL)
			strlist_add(&doc->paras, text);
		free(text);
	}
	free(*lone);
	*lone = NULL;
	*t = NULL;
}

/* Table i's last row, a header, opens a table of its own after it, with
 * the same context; returns the new table. */
static struct article_table *
split_table(struct article_doc *doc, size_t i)
{
	struct article_table *t, *next;

	next = new_table(doc, doc->tables[i].context);
	t = &doc->tables[i];	/* new_table() may have moved it */
	table_add_row(next, t->rows[--t->nrows]);
	return next;
}

/* "---|:---:|---" */
static int
separator_row(const struct strlist *cells)
{
	size_t i;

	for (i = 0; i < cells->n; i++)
		if (strspn(cells->v[i], "-: ") != strlen(cells->v[i]) || !cells->v[i][0])
			return 0;
	return 1;
}

/* When line heads a table aligned with spaces and the lines after *p are
 * its rows, adds the table and moves *p past them; 0 when it is none. */
static int
aligned_table(struct article_doc *doc, const char *line, const char **p, const char *end)
{
	struct aligned a;
	struct strlist head = {0};
	struct article_table *t = NULL;
	const char *q = *p;

	if (!aligned_header(line, &a, &head))
		return 0;
	while (q < end) {
		const char *nl = memchr(q, '\n', (size_t)(end - q));
		size_t n = nl ? (size_t)(nl - q) : (size_t)(end - q);
		char *row = xstrndup(q, n);
		struct strlist cells = {0};
		int ok = aligned_row(row, &a, &cells);

		free(row);
		if (!ok)
			break;
		if (!t) {
			t = new_table(doc, doc->paras.n ? doc->paras.v[doc->paras.n - 1] : NULL);
			table_add_row(t, head);
		}
		table_add_row(t, cells);
		q = nl ? nl + 1 : end;
	}
	if (!t)
		strlist_release(&head);
	else
		*p = q;
	return t != NULL;
}

void
article_doc_text(struct article_doc *doc, const char *data, size_t len)
{
	const char *p = data, *end = data + len;
	struct article_table *t = NULL;
	char *lone = NULL;	/* t's one row as written, while it has one */

	memset(doc, 0, sizeof(*doc));
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
		char *line = xstrndup(p, n), *text;
		struct strlist cells = {0};

		p = nl ? nl + 1 : end;
		if (!t && aligned_table(doc, line, &p, end)) {
			free(line);
			continue;
		}
		if (row_cells(line, &cells)) {
			if (!separator_row(&cells)) {
				if (!t) {
					t = new_table(doc, doc->paras.n ?
					              doc->paras.v[doc->paras.n - 1] : NULL);
					lone = line, line = NULL;
				} else {
					free(lone);
					lone = NULL;
				}
				table_add_row(t, cells);
			} else {
				strlist_release(&cells);
				/* "|---|" under a row that is not the table's first:
				 * that row heads a new table (two Markdown tables
				 * parted by a blank line only). */
				if (t && t->nrows > 1)
					t = split_table(doc, (size_t)(t - doc->tables));
			}
			free(line);
			continue;
		}
		strlist_release(&cells);
		if ((text = line_text(line)) != NULL) {	/* a blank line ends no table */
			text_line_end(doc, &t, &lone);
			strlist_add(&doc->paras, text);
			free(text);
		}
		free(line);
	}
	text_line_end(doc, &t, &lone);
}

int
article_is_html(const char *data, size_t len)
{
	static const char *const marks[] = {
		"<html", "<!doctype html", "<body", "<p>", "<p ", "<div", "<article",
		"<table", "<br", "<h1", "<h2", NULL,
	};
	size_t n = len < 4096 ? len : 4096;
	char *head = xstrndup(data, n);
	const char *const *m;
	int html = 0;

	for (m = marks; *m && !html; m++)
		html = strcasestr(head, *m) != NULL;
	free(head);
	return html;
}

void
article_table_release(struct article_table *t)
{
	size_t j;

	for (j = 0; j < t->nrows; j++)
		strlist_release(&t->rows[j]);
	free(t->rows);
	free(t->context);
	memset(t, 0, sizeof(*t));
}

void
article_doc_release(struct article_doc *doc)
{
	size_t i;

	strlist_release(&doc->paras);
	for (i = 0; i < doc->ntables; i++)
		article_table_release(&doc->tables[i]);
	free(doc->tables);
	memset(doc, 0, sizeof(*doc));
}
