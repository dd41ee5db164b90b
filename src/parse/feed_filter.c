/* feed_filter.c: which of a feed's items to fetch (feed.h). */
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "feed.h"

struct feed_filter {
	pcre2_code *re;
	pcre2_match_data *md;
};

int
feed_filter_new(struct feed_filter **out, const char *pattern, struct err *e)
{
	struct feed_filter *f;
	PCRE2_UCHAR msg[160];
	PCRE2_SIZE off;
	int code;
	pcre2_code *re;

	*out = NULL;
	re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
	                   PCRE2_CASELESS | PCRE2_UTF | PCRE2_UCP | PCRE2_MATCH_INVALID_UTF,
	                   &code, &off, NULL);
	if (!re) {
		pcre2_get_error_message(code, msg, sizeof(msg));
		return err_set(e, EX_CONFIG, "match: bad pattern '%s': %s at offset %zu",
		               pattern, (char *)msg, (size_t)off);
	}
	if (regex_jit_wanted())
		pcre2_jit_compile(re, PCRE2_JIT_COMPLETE);	/* slower without: fine */
	f = xcalloc(1, sizeof(*f));
	f->re = re;
	f->md = pcre2_match_data_create_from_pattern(re, NULL);
	if (!f->md) {
		feed_filter_free(f);
		return err_set(e, EX_SOFTWARE, "out of memory");
	}
	*out = f;
	return 0;
}

static int
found(struct feed_filter *f, const char *s)
{
	return s && pcre2_match(f->re, (PCRE2_SPTR)s, strlen(s), 0, 0, f->md, NULL) >= 0;
}

int
feed_filter_match(struct feed_filter *f, const struct feed_item *it)
{
	return found(f, it->title) || found(f, it->summary);
}

void
feed_filter_free(struct feed_filter *f)
{
	if (!f)
		return;
	pcre2_match_data_free(f->md);
	pcre2_code_free(f->re);
	free(f);
}
