/* parse_article.c: draws announced in news articles, HTML or plain text.
 * (Under construction: see issue 3.) */
#include "parse.h"

int
parse_article(const struct body *b, const struct parse_opts *opts,
              struct draw_list *out, struct strlist *warn, struct err *e)
{
	(void)b, (void)opts, (void)out, (void)warn, (void)e;
	return 0;
}
