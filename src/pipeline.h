/* pipeline.h: one body's way into the store: archived, parsed, stored,
 * and for IRCC's feed its shape checked against the last one's. */
#ifndef EEDRAWS_PIPELINE_H
#define EEDRAWS_PIPELINE_H

#include "app.h"
#include "parse.h"

/* Parses a body of a kind that states draws and stores them: IRCC's
 * record as draws, anything else as what an article says.  po may be
 * NULL; st (may be NULL) is saved with IRCC's draws. */
int store_draws(struct app *app, const char *source, const struct body *b, const char *kind,
                const struct parse_opts *po, const struct fetch_state *st, struct err *e);

#endif
