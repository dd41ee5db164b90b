/* body.h: what a source yields, the unit of parsing and of storing.
 *
 * A body owns all its strings; body_release() frees them.  Bodies read
 * from a file have status 0 and no headers. */
#ifndef EEDRAWS_BODY_H
#define EEDRAWS_BODY_H

#include <stddef.h>
#include <time.h>

struct body {
	char *data;		/* NUL-terminated; len excludes the NUL */
	size_t len;
	char *url;		/* where it came from: URL or file path */
	time_t fetched_at;
	long status;		/* HTTP status, 0 for a file */
	char *etag;		/* response headers, NULL when absent */
	char *last_modified;
	char *content_type;
};

void body_release(struct body *b);

#endif
