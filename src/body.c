#include "body.h"

#include <stdlib.h>
#include <string.h>

void
body_release(struct body *b)
{
	free(b->data);
	free(b->url);
	free(b->etag);
	free(b->last_modified);
	free(b->content_type);
	memset(b, 0, sizeof(*b));
}
