/* parse.h: from a body to draw records.
 *
 * Parsers know nothing of the network or the database.  Each kind of body
 * has one parser; "auto" sniffs the kind from the bytes.  A parser either
 * accepts a body, appending its draws to *out and its warnings (one line
 * each, without the source's name) to *warn, or rejects it whole, leaving
 * *out as it was and saying why in *e (code EX_DATAERR). */
#ifndef EEDRAWS_PARSE_H
#define EEDRAWS_PARSE_H

#include "body.h"
#include "draw.h"
#include "util.h"

/* The kinds eedraws reads; NULL-terminated, "auto" first. */
extern const char *const parse_kinds[];
int parse_kind_valid(const char *kind);

/* The kind of a body ("ircc-json"), or NULL when it cannot tell. */
const char *parse_sniff(const struct body *b);

int parse_body(const struct body *b, const char *kind, struct draw_list *out,
               struct strlist *warn, struct err *e);

/* One parser per kind, each in its own file. */
int parse_ircc_json(const struct body *b, struct draw_list *out,
                    struct strlist *warn, struct err *e);

#endif
