/* feed.c: RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 feeds to a list of items.
 *
 * The body is parsed once, by libxml2's XML parser, with no network, no DTD
 * loading and no entity substitution (XML_PARSE_NOENT and XML_PARSE_HUGE
 * off, so libxml2's own limits on entity amplification hold).  The internal
 * entities a feed may declare are expanded here, while an element's text is
 * read; external ones are never read.  libxml2 stops nested entities, not
 * one large entity named many times, so the whole document has a budget
 * (feed.h), and so has the text its items keep: a small body cannot make
 * gigabytes.  Text that is HTML (RSS description, Atom type="html") goes
 * through libxml2's HTML parser. */
#include "feed.h"

#include <libxml/HTMLparser.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>

#include "datetime.h"

#define NS_ATOM		"http://www.w3.org/2005/Atom"
#define NS_RDF		"http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_RSS1		"http://purl.org/rss/1.0/"
#define NS_RSS090	"http://my.netscape.com/rdf/simple/0.9/"
#define NS_DC		"http://purl.org/dc/elements/1.1/"
#define NS_CONTENT	"http://purl.org/rss/1.0/modules/content/"
#define NS_XML		"http://www.w3.org/XML/1998/namespace"

/* How deep entities may nest; deeper, the text is cut with a warning. */
#define ENT_DEPTH_MAX	8

/* Bytes of an item's title in a warning. */
#define LABEL_MAX	80

/* (X)HTML elements that end a word, and those whose text is never shown. */
static const char *const block_tags[] = {
	"p", "div", "br", "li", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3",
	"h4", "h5", "h6", "table", "tr", "td", "th", "blockquote", "pre", "hr",
	"section", "article", "header", "footer", "aside", "nav", "figure",
	"figcaption", "address", NULL,
};
static const char *const hidden_tags[] = {
	"script", "style", "head", "template", NULL,
};

/* The first XML error, kept by the structured error handler. */
struct xml_error {
	int recording;
	int level;		/* XML_ERR_ERROR or XML_ERR_FATAL, 0 if none */
	int line;
	char msg[200];
};

/* What kind of item is being read. */
enum item_kind {
	ITEM_RSS,		/* RSS 2.0 or 0.9x <item> */
	ITEM_RDF,		/* RSS 1.0 <item rdf:about> */
	ITEM_ATOM,		/* Atom <entry> */
};

/* Which budget (feed.h) a feed spent: it is then refused. */
enum spent {
	SPENT_NONE,
	SPENT_ENT_TEXT,		/* FEED_ENT_TEXT_MAX */
	SPENT_ENT_NODES,	/* FEED_ENT_NODES_MAX */
	SPENT_ITEM,		/* FEED_ITEM_TEXT_MAX */
	SPENT_FEED,		/* FEED_TEXT_MAX() */
};

/* One feed being read. */
struct reading {
	xmlDoc *doc;
	struct strlist *warn;
	size_t index;		/* 1-based number of the item being read */
	int truncated;		/* its entities nested too deep: text cut */
	size_t ent_text;	/* bytes of text entities gave, whole document */
	size_t ent_nodes;	/* nodes read inside entities, whole document */
	size_t kept;		/* bytes of text of the items read so far */
	size_t body_len;
	size_t kept_max;	/* FEED_TEXT_MAX(body_len) */
	enum spent spent;	/* a budget spent: stop reading, refuse */
};

/* Text being gathered from a tree, its entities charged to c. */
struct text {
	struct buf b;
	struct reading *c;
	int truncated;
};

static int
is_space(int ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' || ch == '\v';
}

static int
is_digit(int ch)
{
	return ch >= '0' && ch <= '9';
}

static int
is_alpha(int ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

static int
is_hex(int ch)
{
	return is_digit(ch) || (ch >= 'a' && ch <= 'f') || (ch >= 'A' && ch <= 'F');
}

/* Collapses runs of white space to one space and trims s in place; frees
 * it and returns NULL when nothing is left.  NULL in, NULL out. */
static char *
collapse(char *s)
{
	char *r, *w;

	if (!s)
		return NULL;
	for (r = w = s; *r; r++) {
		if (!is_space((unsigned char)*r))
			*w++ = *r;
		else if (w > s && w[-1] != ' ')
			*w++ = ' ';
	}
	if (w > s && w[-1] == ' ')
		w--;
	*w = '\0';
	if (w == s) {
		free(s);
		return NULL;
	}
	return s;
}

/* ---- namespaces and elements ---- */

static const char *
ns_of(const xmlNode *n)
{
	return n->ns && n->ns->href ? (const char *)n->ns->href : NULL;
}

/* 1 when n is the element name in namespace ns (NULL: in none). */
static int
is_el(const xmlNode *n, const char *ns, const char *name)
{
	const char *h;

	if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, name) != 0)
		return 0;
	h = ns_of(n);
	return ns ? h && strcmp(h, ns) == 0 : h == NULL;
}

/* The first child element of parent named name in namespace ns. */
static xmlNode *
child(const xmlNode *parent, const char *ns, const char *name)
{
	xmlNode *n;

	for (n = parent->children; n; n = n->next)
		if (is_el(n, ns, name))
			return n;
	return NULL;
}

/* ---- text ---- */

static void
add_utf8(struct buf *b, unsigned int c)
{
	unsigned char u[4];
	size_t n;

	if (c < 0x80) {
		u[0] = (unsigned char)c;
		n = 1;
	} else if (c < 0x800) {
		u[0] = (unsigned char)(0xc0 | c >> 6);
		u[1] = (unsigned char)(0x80 | (c & 0x3f));
		n = 2;
	} else if (c < 0x10000) {
		u[0] = (unsigned char)(0xe0 | c >> 12);
		u[1] = (unsigned char)(0x80 | (c >> 6 & 0x3f));
		u[2] = (unsigned char)(0x80 | (c & 0x3f));
		n = 3;
	} else {
		u[0] = (unsigned char)(0xf0 | c >> 18);
		u[1] = (unsigned char)(0x80 | (c >> 12 & 0x3f));
		u[2] = (unsigned char)(0x80 | (c >> 6 & 0x3f));
		u[3] = (unsigned char)(0x80 | (c & 0x3f));
		n = 4;
	}
	buf_add(b, u, n);
}

static void text_nodes(struct text *t, xmlNode *n, int depth, int markup);

/* An entity reference: an internal entity's parsed content, nested at
 * most ENT_DEPTH_MAX deep (deeper, no more entities, but the text around
 * them stays); an external one never; one declared in a DTD that is not
 * read (RSS 0.91's &eacute;) by its HTML name. */
static void
text_entity(struct text *t, xmlNode *n, int depth, int markup)
{
	const htmlEntityDesc *h;
	xmlEntity *ent;

	if (n->children && n->children->type == XML_ENTITY_DECL) {
		ent = (xmlEntity *)(void *)n->children;
		if (ent->etype != XML_INTERNAL_GENERAL_ENTITY)
			return;
		if (depth >= ENT_DEPTH_MAX) {
			t->truncated = 1;
			return;
		}
		text_nodes(t, ent->children, depth + 1, markup);
	} else if ((h = htmlEntityLookup(n->name))) {
		add_utf8(&t->b, h->value);
	}
}

/* Charges a node read inside an entity, and the bytes of text it gives,
 * to the document's budget; 0 once that is spent. */
static int
ent_charge(struct reading *c, const xmlNode *n)
{
	size_t len = 0;

	if ((n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) && n->content)
		len = strlen((const char *)n->content);
	if (c->spent)
		return 0;
	if (++c->ent_nodes > FEED_ENT_NODES_MAX)
		c->spent = SPENT_ENT_NODES;
	else if ((c->ent_text += len) > FEED_ENT_TEXT_MAX)
		c->spent = SPENT_ENT_TEXT;
	return !c->spent;
}

/* Appends the text of n and its siblings; markup: the nodes are (X)HTML,
 * whose block elements end a word and whose scripts are not text. */
static void
text_nodes(struct text *t, xmlNode *n, int depth, int markup)
{
	int block;

	for (; n; n = n->next) {
		if (t->c->spent || (depth > 0 && (t->truncated || !ent_charge(t->c, n))))
			return;
		switch (n->type) {
		case XML_TEXT_NODE:
		case XML_CDATA_SECTION_NODE:
			if (n->content)
				buf_adds(&t->b, (const char *)n->content);
			break;
		case XML_ELEMENT_NODE:
			if (markup && strcase_in_list((const char *)n->name, hidden_tags))
				break;
			block = markup && strcase_in_list((const char *)n->name, block_tags);
			if (block)
				buf_add(&t->b, " ", 1);
			text_nodes(t, n->children, depth, markup);
			if (block)
				buf_add(&t->b, " ", 1);
			break;
		case XML_ENTITY_REF_NODE:
			text_entity(t, n, depth, markup);
			break;
		default:
			break;
		}
	}
}

/* The text inside element el as it stands (never NULL; "" for none). */
static char *
raw_text(struct reading *c, xmlNode *el, int markup)
{
	struct text t = { .c = c };

	text_nodes(&t, el->children, 0, markup);
	if (t.truncated)
		c->truncated = 1;
	return buf_detach(&t.b, NULL);
}

/* HTML source to its text, white space collapsed; NULL when empty. */
static char *
html_text(struct reading *c, const char *s)
{
	struct text t = { .c = c };
	htmlDocPtr h;
	size_t len = strlen(s);

	if (!strpbrk(s, "<&"))
		return collapse(xstrdup(s));
	h = htmlReadMemory(s, (int)(len > INT_MAX ? INT_MAX : len), NULL, "UTF-8",
	                   HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
	                   HTML_PARSE_NONET);
	if (!h)
		return collapse(xstrdup(s));
	text_nodes(&t, h->children, 0, 1);
	xmlFreeDoc(h);
	return collapse(buf_detach(&t.b, NULL));
}

/* An RSS element's text: RSS puts HTML, entity-encoded or in CDATA, in
 * titles and descriptions alike. */
static char *
rss_text(struct reading *c, xmlNode *el)
{
	char *raw, *s;

	if (!el)
		return NULL;
	raw = raw_text(c, el, 0);
	s = html_text(c, raw);
	free(raw);
	return s;
}

/* ---- attributes ---- */

/* The attribute name of n in namespace ns (NULL: in none), as written
 * (never one a DTD would default). */
static xmlAttr *
find_attr(const xmlNode *n, const char *ns, const char *name)
{
	xmlAttr *a;

	for (a = n->properties; a; a = a->next) {
		if (strcmp((const char *)a->name, name) != 0)
			continue;
		if (ns ? a->ns && a->ns->href && strcmp((const char *)a->ns->href, ns) == 0
		       : !a->ns)
			return a;
	}
	return NULL;
}

/* An attribute's value as it stands, NULL if absent.  Its entities are
 * expanded as an element's are, within the budget: xmlGetProp() would
 * expand them without one. */
static char *
attr_raw(struct reading *c, xmlNode *n, const char *ns, const char *name)
{
	xmlAttr *a = find_attr(n, ns, name);
	struct text t = { .c = c };

	if (!a)
		return NULL;
	text_nodes(&t, a->children, 0, 0);
	if (t.truncated)
		c->truncated = 1;
	return buf_detach(&t.b, NULL);
}

/* An attribute without namespace, white space collapsed; NULL if absent
 * or blank. */
static char *
attr(struct reading *c, xmlNode *n, const char *name)
{
	return collapse(attr_raw(c, n, NULL, name));
}

/* An element's text as it stands, white space collapsed (ids, dates, URLs). */
static char *
plain_text(struct reading *c, xmlNode *el)
{
	return el ? collapse(raw_text(c, el, 0)) : NULL;
}

/* An Atom text construct (title, summary, content) by its type. */
static char *
atom_text(struct reading *c, xmlNode *el)
{
	char *type, *src, *raw, *s = NULL;

	if (!el)
		return NULL;
	src = attr(c, el, "src");
	if (src) {			/* content that lives elsewhere */
		free(src);
		return NULL;
	}
	type = attr(c, el, "type");
	if (!type || strcasecmp(type, "text") == 0 ||
	    (strncasecmp(type, "text/", 5) == 0 && strcasecmp(type, "text/html") != 0)) {
		s = plain_text(c, el);
	} else if (strcasecmp(type, "html") == 0 || strcasecmp(type, "text/html") == 0) {
		raw = raw_text(c, el, 0);
		s = html_text(c, raw);
		free(raw);
	} else if (strcasecmp(type, "xhtml") == 0 || strstr(type, "xml")) {
		s = collapse(raw_text(c, el, 1));
	}				/* else base64 of some other medium */
	free(type);
	return s;
}

/* ---- links ---- */

/* Percent-encodes what xmlBuildURI refuses in a URL as feeds write it:
 * spaces, controls, non-ASCII bytes, a few ASCII marks and stray '%'. */
static char *
uri_escape_loose(const char *s)
{
	struct buf b = {0};
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p; p++) {
		if (*p <= 0x20 || *p >= 0x7f || strchr("\"<>\\^`{|}", *p) ||
		    (*p == '%' && !(is_hex(p[1]) && is_hex(p[2]))))
			buf_addf(&b, "%%%02X", *p);
		else
			buf_add(&b, p, 1);
	}
	return buf_detach(&b, NULL);
}

/* 1 when s starts with a URI scheme and its colon. */
static int
has_scheme(const char *s)
{
	if (!is_alpha((unsigned char)*s))
		return 0;
	/* strchr() finds the terminating NUL too: test *s first. */
	while (is_alpha((unsigned char)*s) || is_digit((unsigned char)*s) ||
	       (*s && strchr("+-.", *s)))
		s++;
	return *s == ':';
}

/* el's base, as xmlNodeGetBase() makes it (each xml:base up the tree
 * resolved against the next, until one is absolute, then the feed's URL),
 * but each xml:base read within the budget; NULL if none.  xmlFree() it. */
static xmlChar *
node_base(struct reading *c, xmlNode *el)
{
	xmlChar *base = NULL, *b;
	xmlNode *n;
	char *v;

	for (n = el; n && n->type == XML_ELEMENT_NODE && !c->spent; n = n->parent) {
		if (!(v = attr_raw(c, n, NS_XML, "base")))
			continue;
		b = base ? xmlBuildURI(base, (const xmlChar *)v) : xmlStrdup((const xmlChar *)v);
		free(v);
		xmlFree(base);
		if (!(base = b))
			return NULL;
		if (xmlStrncmp(base, (const xmlChar *)"http://", 7) == 0 ||
		    xmlStrncmp(base, (const xmlChar *)"ftp://", 6) == 0 ||
		    xmlStrncmp(base, (const xmlChar *)"urn:", 4) == 0)
			return base;
	}
	if (!c->doc->URL)
		return base;
	if (!base)
		return xmlStrdup(c->doc->URL);
	b = xmlBuildURI(base, c->doc->URL);
	xmlFree(base);
	return b;
}

/* ref resolved against el's base (xml:base up the tree, then the feed's
 * URL); NULL unless that gives an absolute http(s) URL with a host.  An
 * absolute ref needs no base: none is read. */
static char *
resolve(struct reading *c, xmlNode *el, const char *ref)
{
	xmlChar *base = has_scheme(ref) ? NULL : node_base(c, el), *abs;
	xmlURI *u;
	char *esc, *ret = NULL;

	abs = xmlBuildURI((const xmlChar *)ref, base);
	if (!abs) {
		esc = uri_escape_loose(ref);
		abs = xmlBuildURI((const xmlChar *)esc, base);
		free(esc);
	}
	xmlFree(base);
	if (!abs)
		return NULL;
	u = xmlParseURI((const char *)abs);
	if (u && u->scheme && u->server && u->server[0] &&
	    (strcasecmp(u->scheme, "http") == 0 || strcasecmp(u->scheme, "https") == 0))
		ret = xstrdup((const char *)abs);
	xmlFreeURI(u);
	xmlFree(abs);
	return ret;
}

/* The Atom link to show: the first rel="alternate" (or rel-less) link with
 * an href, preferring one of an HTML type (or none) to, say, a PDF. */
static xmlNode *
atom_link(struct reading *c, xmlNode *entry)
{
	xmlNode *n, *first = NULL;
	char *rel, *href, *type;
	int alt, html;

	for (n = entry->children; n; n = n->next) {
		if (!is_el(n, NS_ATOM, "link"))
			continue;
		rel = attr(c, n, "rel");
		href = attr(c, n, "href");
		alt = href && (!rel || strcmp(rel, "alternate") == 0 ||
		               strcmp(rel, "http://www.iana.org/assignments/relation/alternate") == 0);
		free(rel);
		free(href);
		if (!alt)
			continue;
		type = attr(c, n, "type");
		html = !type || strstr(type, "html");
		free(type);
		if (html)
			return n;
		if (!first)
			first = n;
	}
	return first;
}

/* ---- dates ---- */

/* Reads up to max digits at *p into *v; returns how many. */
static int
digits(const char **p, int max, int *v)
{
	int n = 0;

	*v = 0;
	while (n < max && is_digit((unsigned char)**p)) {
		*v = *v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	return n;
}

static const char *
skip_blanks(const char *p)
{
	while (is_space((unsigned char)*p))
		p++;
	return p;
}

/* A zone, the whole of s, to minutes east of UTC.  None is UTC. */
static int
zone_minutes(const char *s, int *off)
{
	static const struct {
		const char *name;
		int off;
	} zones[] = {
		{ "GMT", 0 }, { "UT", 0 }, { "UTC", 0 }, { "Z", 0 },
		{ "EST", -300 }, { "EDT", -240 }, { "CST", -360 }, { "CDT", -300 },
		{ "MST", -420 }, { "MDT", -360 }, { "PST", -480 }, { "PDT", -420 },
	};
	const char *p = s;
	int h, m;
	size_t i;

	if (*s == '\0') {
		*off = 0;
		return 0;
	}
	if (*s == '+' || *s == '-') {
		p++;
		if (digits(&p, 2, &h) != 2)
			return -1;
		if (*p == ':')
			p++;
		if (digits(&p, 2, &m) != 2 || *p || h > 23 || m > 59)
			return -1;
		*off = (*s == '-' ? -1 : 1) * (h * 60 + m);
		return 0;
	}
	for (i = 0; i < sizeof(zones) / sizeof(zones[0]); i++) {
		if (strcasecmp(s, zones[i].name) == 0) {
			*off = zones[i].off;
			return 0;
		}
	}
	return -1;
}

/* A local time at UTC offset off (minutes) as UTC "YYYY-MM-DDTHH:MM:SSZ". */
static int
utc_out(int y, int mo, int d, int h, int mi, int s, int off, char out[21])
{
	time_t t;

	if (y < 1900 || y > 9998 || !date_valid(y, mo, d) || h > 23 || mi > 59 || s > 60)
		return -1;
	t = (time_t)days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + s -
	    (time_t)off * 60;
	format_utc(t, out);
	return 0;
}

/* "Wed, 06 May 2026 14:30:00 GMT" and RFC 822's variants: no day name,
 * one-digit day, two-digit year, no seconds, a named or numeric zone (or,
 * sloppily, none: UTC).  The day name is not checked against the date.
 * Not curl_getdate(): it reads "Sun, 29 Feb 2026" as 1 March, a wrong
 * date where none is right, and refuses full month names ("June"). */
static int
date_rfc822(const char *s, char out[21])
{
	static const char *const months[] = {
		"January", "February", "March", "April", "May", "June", "July",
		"August", "September", "October", "November", "December",
	};
	const char *p = skip_blanks(s), *w;
	int d, mo = 0, y, h, mi, sec = 0, off, n, i;

	if (is_alpha((unsigned char)*p)) {	/* day name, unchecked */
		while (is_alpha((unsigned char)*p))
			p++;
		if (*p == ',')
			p++;
		p = skip_blanks(p);
	}
	if (digits(&p, 2, &d) < 1 || !is_space((unsigned char)*p))
		return -1;
	p = skip_blanks(p);
	for (w = p; is_alpha((unsigned char)*p); p++)
		;
	n = (int)(p - w);
	for (i = 0; i < 12 && n >= 3; i++) {
		if (n <= (int)strlen(months[i]) && strncasecmp(w, months[i], (size_t)n) == 0) {
			mo = i + 1;
			break;
		}
	}
	if (!mo || !is_space((unsigned char)*p))
		return -1;
	p = skip_blanks(p);
	n = digits(&p, 4, &y);
	if (n == 2)
		y += y < 50 ? 2000 : 1900;
	else if (n != 4)
		return -1;
	if (!is_space((unsigned char)*p))
		return -1;
	p = skip_blanks(p);
	if (digits(&p, 2, &h) < 1 || *p++ != ':' || digits(&p, 2, &mi) != 2)
		return -1;
	if (*p == ':') {
		p++;
		if (digits(&p, 2, &sec) != 2)
			return -1;
	}
	if (*p && !is_space((unsigned char)*p))
		return -1;
	if (zone_minutes(skip_blanks(p), &off))
		return -1;
	return utc_out(y, mo, d, h, mi, sec, off, out);
}

/* RFC 3339 and the W3C profile of ISO 8601 that dc:date uses:
 * "2026-05-13T10:20:30.25-04:00", "...Z", "2026-05-13T10:20Z", "2026-05-13"
 * (midnight UTC); a missing zone is UTC. */
static int
date_rfc3339(const char *s, char out[21])
{
	const char *p = skip_blanks(s);
	int y, mo, d, h = 0, mi = 0, sec = 0, off = 0;

	if (digits(&p, 4, &y) != 4 || *p++ != '-' || digits(&p, 2, &mo) != 2 ||
	    *p++ != '-' || digits(&p, 2, &d) != 2)
		return -1;
	if (*p == 'T' || *p == 't' || *p == ' ') {
		p++;
		if (digits(&p, 2, &h) != 2 || *p++ != ':' || digits(&p, 2, &mi) != 2)
			return -1;
		if (*p == ':') {
			p++;
			if (digits(&p, 2, &sec) != 2)
				return -1;
			if (*p == '.' || *p == ',') {
				if (!is_digit((unsigned char)*++p))
					return -1;
				while (is_digit((unsigned char)*p))
					p++;
			}
		}
		if (zone_minutes(skip_blanks(p), &off))
			return -1;
	} else if (*skip_blanks(p)) {
		return -1;
	}
	return utc_out(y, mo, d, h, mi, sec, off, out);
}

/* ---- items ---- */

/* "item 3" or "item 3 "Its title"", the title cut at LABEL_MAX bytes (on
 * a character boundary), for warnings (caller frees). */
static char *
label(const struct reading *c, const struct feed_item *it)
{
	size_t n;

	if (!it->title)
		return xasprintf("item %zu", c->index);
	n = strlen(it->title);
	if (n <= LABEL_MAX)
		return xasprintf("item %zu \"%s\"", c->index, it->title);
	for (n = LABEL_MAX; n > 0 && ((unsigned char)it->title[n] & 0xc0) == 0x80; n--)
		;
	return xasprintf("item %zu \"%.*s...\"", c->index, (int)n, it->title);
}

/* The first of els[] that holds a readable date, into out ("" if none);
 * a warning when some held text but none could be read. */
static void
take_date(struct reading *c, const struct feed_item *it, xmlNode *const *els, size_t n,
          char out[21])
{
	const char *bad_name = NULL;
	char *s, *bad = NULL, *lab;
	size_t i;

	out[0] = '\0';
	for (i = 0; i < n; i++) {
		if (!els[i] || !(s = plain_text(c, els[i])))
			continue;
		if (date_rfc822(s, out) == 0 || date_rfc3339(s, out) == 0) {
			free(s);
			free(bad);
			return;
		}
		out[0] = '\0';
		if (!bad) {
			bad = s;
			bad_name = (const char *)els[i]->name;
		} else {
			free(s);
		}
	}
	if (bad) {
		lab = label(c, it);
		strlist_addf(c->warn, "%s: %s '%s' is not a date", lab, bad_name, bad);
		free(lab);
		free(bad);
	}
}

static void
item_free(struct feed_item *it)
{
	free(it->title);
	free(it->link);
	free(it->summary);
	free(it->id);
	memset(it, 0, sizeof(*it));
}

/* An RSS 2.0 / 0.9x item (elements in namespace ns, usually none) or an
 * RSS 1.0 one (rdf: its elements in the RSS 1.0 namespace). */
static void
read_rss_item(struct reading *c, xmlNode *item, const char *ns, int rdf, struct feed_item *it,
              char **bad_link)
{
	xmlNode *link = child(item, ns, "link"), *guid = NULL, *dates[2];
	char *perma, *ref;

	it->title = rss_text(c, child(item, ns, "title"));
	it->summary = rss_text(c, child(item, ns, "description"));
	if (!it->summary)
		it->summary = rss_text(c, child(item, NS_CONTENT, "encoded"));
	if (rdf) {
		it->id = collapse(attr_raw(c, item, NS_RDF, "about"));
	} else if ((guid = child(item, ns, "guid"))) {
		it->id = plain_text(c, guid);
	}
	if ((ref = plain_text(c, link))) {
		it->link = resolve(c, link, ref);
		if (!it->link)
			*bad_link = ref;
		else
			free(ref);
	}
	/* RSS 2.0: a guid is the item's permalink unless isPermaLink="false". */
	if (!it->link && guid && it->id) {
		perma = attr(c, guid, "isPermaLink");
		if (!perma || strcasecmp(perma, "false") != 0)
			it->link = resolve(c, guid, it->id);
		free(perma);
	}
	dates[0] = rdf ? NULL : child(item, ns, "pubDate");
	dates[1] = child(item, NS_DC, "date");
	take_date(c, it, dates, 2, it->published);
}

static void
read_atom_entry(struct reading *c, xmlNode *entry, struct feed_item *it, char **bad_link)
{
	xmlNode *link = atom_link(c, entry), *dates[2];
	char *ref;

	it->title = atom_text(c, child(entry, NS_ATOM, "title"));
	it->summary = atom_text(c, child(entry, NS_ATOM, "summary"));
	if (!it->summary)
		it->summary = atom_text(c, child(entry, NS_ATOM, "content"));
	it->id = plain_text(c, child(entry, NS_ATOM, "id"));
	if (link && (ref = attr(c, link, "href"))) {
		it->link = resolve(c, link, ref);
		if (!it->link)
			*bad_link = ref;
		else
			free(ref);
	}
	dates[0] = child(entry, NS_ATOM, "published");
	dates[1] = child(entry, NS_ATOM, "updated");
	take_date(c, it, dates, 2, it->published);
}

static size_t
len_of(const char *s)
{
	return s ? strlen(s) : 0;
}

/* Charges an item's text to its budget and the feed's; 0 once either is
 * spent.  Beyond what entities give, only xml:base can make an item's
 * text longer than its bytes in the body. */
static int
item_charge(struct reading *c, const struct feed_item *it)
{
	size_t n = len_of(it->title) + len_of(it->link) + len_of(it->summary) + len_of(it->id);

	if (n > FEED_ITEM_TEXT_MAX)
		c->spent = SPENT_ITEM;
	else if ((c->kept += n) > c->kept_max)
		c->spent = SPENT_FEED;
	return !c->spent;
}

/* Reads one item or entry and appends it, or skips it with a warning;
 * once a budget is spent, neither: the feed is refused. */
static void
add_item(struct reading *c, xmlNode *n, const char *ns, enum item_kind kind,
         struct feed_items *out)
{
	struct feed_item it = {0};
	char *bad_link = NULL, *lab;

	if (c->spent)
		return;
	c->index++;
	c->truncated = 0;
	if (kind == ITEM_ATOM)
		read_atom_entry(c, n, &it, &bad_link);
	else
		read_rss_item(c, n, ns, kind == ITEM_RDF, &it, &bad_link);
	if (c->spent || !item_charge(c, &it)) {
		item_free(&it);
		free(bad_link);
		return;
	}
	lab = label(c, &it);
	if (c->truncated)
		strlist_addf(c->warn, "%s: entity expansion stopped at its limit; text cut short",
		             lab);
	if (!it.link) {
		if (bad_link)
			strlist_addf(c->warn, "%s: link '%s' is not an absolute http(s) URL; skipped",
			             lab, bad_link);
		else
			strlist_addf(c->warn, "%s: no link; skipped", lab);
		item_free(&it);
	} else {
		if (out->n == out->alloc) {
			out->alloc = out->alloc ? 2 * out->alloc : 16;
			out->v = xrealloc(out->v, out->alloc * sizeof(*out->v));
		}
		out->v[out->n++] = it;
	}
	free(bad_link);
	free(lab);
}

/* ---- the document ---- */

static void
on_xml_error(void *data, xmlErrorPtr err)
{
	struct xml_error *xe = data;
	char *s;

	if (!xe->recording || !err || err->level < XML_ERR_ERROR)
		return;
	/* The first fatal error, else the first error. */
	if (xe->level == XML_ERR_FATAL || (xe->level && err->level != XML_ERR_FATAL))
		return;
	xe->level = err->level;
	xe->line = err->line;
	/* One line: libxml2 ends its messages with a newline, and some have
	 * one inside ("...indicate encoding !\nBytes: 0xE9 ..."). */
	s = collapse(xstrdup(err->message ? err->message : "error"));
	snprintf(xe->msg, sizeof(xe->msg), "%s", s ? s : "error");
	free(s);
}

/* Parses the body as XML, or says why not. */
static xmlDoc *
read_xml(const struct body *b, const char *url, struct xml_error *xe)
{
	xmlParserCtxtPtr pc;
	xmlDoc *doc;

	if (b->len > INT_MAX) {
		xe->line = 1;
		snprintf(xe->msg, sizeof(xe->msg), "too large (%zu bytes)", b->len);
		return NULL;
	}
	pc = xmlCreateMemoryParserCtxt(b->data, (int)b->len);
	if (!pc) {
		xe->line = 1;
		snprintf(xe->msg, sizeof(xe->msg), "cannot create a parser");
		return NULL;
	}
	/* No XML_PARSE_NOENT, XML_PARSE_DTDLOAD or XML_PARSE_HUGE: entities
	 * stay references, no DTD is read, libxml2's limits apply. */
	xmlCtxtUseOptions(pc, XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOERROR |
	                      XML_PARSE_NOWARNING);
	xe->recording = 1;
	xmlParseDocument(pc);
	xe->recording = 0;
	doc = pc->myDoc;
	pc->myDoc = NULL;
	if (doc && !pc->wellFormed) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	if (!doc && !xe->level) {
		xe->line = pc->input ? pc->input->line : 0;
		snprintf(xe->msg, sizeof(xe->msg), "not well-formed");
	}
	xmlFreeParserCtxt(pc);
	if (doc) {
		xmlFree((xmlChar *)(void *)doc->URL);
		doc->URL = NULL;
		if (url) {
			char *esc = uri_escape_loose(url);

			doc->URL = xmlStrdup((const xmlChar *)esc);
			free(esc);
		}
	}
	return doc;
}

/* Reads the items of a parsed document; 0, or EX_DATAERR when it is
 * neither RSS nor Atom.  Once a budget is spent (c->spent), the rest is
 * skipped. */
static int
read_items(struct reading *c, const char *url, struct feed_items *out, struct err *e)
{
	xmlNode *root = xmlDocGetRootElement(c->doc), *ch, *n;
	const char *ns;
	int rss1 = 0;

	if (!root)
		return err_set(e, EX_DATAERR, "%s: neither RSS nor Atom: no root element", url);
	ns = ns_of(root);
	if (strcmp((const char *)root->name, "rss") == 0) {
		for (ch = root->children; ch; ch = ch->next)
			if (is_el(ch, ns, "channel"))
				for (n = ch->children; n; n = n->next)
					if (is_el(n, ns, "item"))
						add_item(c, n, ns, ITEM_RSS, out);
		return 0;
	}
	if (is_el(root, NS_RDF, "RDF")) {
		for (n = root->children; n && !rss1; n = n->next)
			rss1 = is_el(n, NS_RSS1, "channel") || is_el(n, NS_RSS1, "item") ||
			       is_el(n, NS_RSS090, "channel") || is_el(n, NS_RSS090, "item");
		if (!rss1)
			return err_set(e, EX_DATAERR,
			               "%s: neither RSS nor Atom: RDF without an RSS 1.0 channel",
			               url);
		for (n = root->children; n; n = n->next)
			if (is_el(n, NS_RSS1, "item") || is_el(n, NS_RSS090, "item"))
				add_item(c, n, ns_of(n), ITEM_RDF, out);
		return 0;
	}
	if (is_el(root, NS_ATOM, "feed")) {
		for (n = root->children; n; n = n->next)
			if (is_el(n, NS_ATOM, "entry"))
				add_item(c, n, NS_ATOM, ITEM_ATOM, out);
		return 0;
	}
	if (ns)
		return err_set(e, EX_DATAERR,
		               "%s: neither RSS nor Atom: the root element is <%s> in namespace %s",
		               url, (const char *)root->name, ns);
	return err_set(e, EX_DATAERR, "%s: neither RSS nor Atom: the root element is <%s>",
	               url, (const char *)root->name);
}

/* Why a feed that spent a budget is refused. */
static int
refuse(const struct reading *c, const char *url, struct err *e)
{
	switch (c->spent) {
	case SPENT_ENT_TEXT:
		return err_set(e, EX_DATAERR, "%s: refused: its entities expand to more than %ld "
		               "bytes of text, the most a whole feed may use (an entity bomb?); "
		               "if the feed is genuine, its publisher should drop them", url,
		               (long)FEED_ENT_TEXT_MAX);
	case SPENT_ENT_NODES:
		return err_set(e, EX_DATAERR, "%s: refused: its entities expand to more than %ld "
		               "nodes, the most a whole feed may use (an entity bomb?); "
		               "if the feed is genuine, its publisher should drop them", url,
		               (long)FEED_ENT_NODES_MAX);
	case SPENT_ITEM:
		return err_set(e, EX_DATAERR, "%s: refused: item %zu holds more than %ld bytes of "
		               "text, the most one item may hold", url, c->index,
		               (long)FEED_ITEM_TEXT_MAX);
	default:
		return err_set(e, EX_DATAERR, "%s: refused: its items hold more than %zu bytes of "
		               "text, the most a feed of %zu bytes may hold (xml:base or entities "
		               "multiply it)", url, c->kept_max, c->body_len);
	}
}

int
feed_parse(const struct body *b, struct feed_items *out, struct strlist *warn,
           struct err *e)
{
	const char *url = b->url ? b->url : "feed";
	xmlStructuredErrorFunc old_handler = xmlStructuredError;
	void *old_data = xmlStructuredErrorContext;
	struct xml_error xe = {0};
	struct strlist w = {0};
	struct reading c = {0};
	size_t n0 = out->n, i;
	int rc;

	if (b->len == 0)
		return err_set(e, EX_DATAERR, "%s: neither RSS nor Atom: the body is empty", url);
	/* libxml2's messages come here, never to stderr. */
	xmlSetStructuredErrorFunc(&xe, on_xml_error);
	c.doc = read_xml(b, b->url, &xe);
	if (!c.doc) {
		xmlSetStructuredErrorFunc(old_data, old_handler);
		if (feed_sniff(b->data, b->len))
			return err_set(e, EX_DATAERR, "%s: not well-formed XML: line %d: %s",
			               url, xe.line, xe.msg);
		return err_set(e, EX_DATAERR,
		               "%s: neither RSS nor Atom: not well-formed XML: line %d: %s",
		               url, xe.line, xe.msg);
	}
	c.warn = &w;
	c.body_len = b->len;
	c.kept_max = FEED_TEXT_MAX(b->len);
	rc = read_items(&c, url, out, e);
	if (rc == 0 && c.spent)
		rc = refuse(&c, url, e);
	xmlFreeDoc(c.doc);
	xmlSetStructuredErrorFunc(old_data, old_handler);
	if (rc) {
		while (out->n > n0)
			item_free(&out->v[--out->n]);
		strlist_release(&w);
		return rc;
	}
	for (i = 0; i < w.n; i++)
		strlist_add(warn, w.v[i]);
	strlist_release(&w);
	return 0;
}

void
feed_items_release(struct feed_items *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		item_free(&l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/* ---- sniffing ---- */

/* Just past the first needle at or after p, or NULL. */
static const char *
skip_past(const char *p, const char *end, const char *needle)
{
	size_t n = strlen(needle);

	for (; (size_t)(end - p) >= n; p++)
		if (memcmp(p, needle, n) == 0)
			return p + n;
	return NULL;
}

/* Just past a doctype's closing '>' (p is after "<!DOCTYPE"), or NULL:
 * quoted literals, an internal subset and its comments and PIs included. */
static const char *
skip_doctype(const char *p, const char *end)
{
	int subset = 0;
	char quote = 0;

	for (; p < end; p++) {
		if (quote) {
			if (*p == quote)
				quote = 0;
		} else if (subset && end - p >= 4 && memcmp(p, "<!--", 4) == 0) {
			if (!(p = skip_past(p + 4, end, "-->")))
				return NULL;
			p--;
		} else if (subset && end - p >= 2 && memcmp(p, "<?", 2) == 0) {
			if (!(p = skip_past(p + 2, end, "?>")))
				return NULL;
			p--;
		} else if (*p == '"' || *p == '\'') {
			quote = *p;
		} else if (*p == '[') {
			subset = 1;
		} else if (*p == ']') {
			subset = 0;
		} else if (*p == '>' && !subset) {
			return p + 1;
		}
	}
	return NULL;
}

int
feed_sniff(const char *data, size_t len)
{
	const char *p = data, *end = data + len, *name, *local;
	size_t n;

	if (!data)
		return 0;
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	for (;;) {
		while (p < end && is_space((unsigned char)*p))
			p++;
		if (end - p < 2 || *p != '<')
			return 0;
		if (p[1] == '?')
			p = skip_past(p + 2, end, "?>");
		else if (end - p >= 4 && memcmp(p, "<!--", 4) == 0)
			p = skip_past(p + 4, end, "-->");
		else if (end - p >= 9 && memcmp(p, "<!DOCTYPE", 9) == 0)
			p = skip_doctype(p + 9, end);
		else
			break;
		if (!p)
			return 0;
	}
	name = local = ++p;
	while (p < end && !is_space((unsigned char)*p) && *p != '>' && *p != '/') {
		if (*p == ':')
			local = p + 1;
		p++;
	}
	if (p == end)
		return 0;
	n = (size_t)(p - local);
	if (local == name + 1 || n == 0)	/* ":rss" is no name */
		return 0;
	return (n == 3 && memcmp(local, "rss", 3) == 0) ||
	       (n == 4 && memcmp(local, "feed", 4) == 0) ||
	       (n == 3 && memcmp(local, "RDF", 3) == 0);
}
