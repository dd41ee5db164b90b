/* pipeline.h: one body's way into the store: archived, parsed, stored,
 * and for IRCC's feed its shape checked against the last one's. */
#ifndef EEDRAWS_PIPELINE_H
#define EEDRAWS_PIPELINE_H

#include "app.h"
#include "parse.h"

/* A body as it comes (update, ingest): archived, parsed (warnings
 * printed), merged (events announced), and for IRCC's feed its shape
 * compared with the last one's.  Parses a body of a kind that states
 * draws: IRCC's record as draws, anything else as what an article says.
 * po may be NULL; st (may be NULL) is saved with the draws. */
int pipeline_take(struct app *app, const char *source, const struct body *b, const char *kind,
                  const struct parse_opts *po, const struct fetch_state *st, struct err *e);

/* For a run that brought no new body from source (at url): warns, as
 * pipeline_take would, of a round missing from its IRCC feed since
 * flap_grace before at. */
void pipeline_drift_due(struct app *app, const char *source, const char *url, time_t at);

/* A body from the archive (reparse): parsed with today's parser as it
 * was then (assumed_date, may be NULL), merged, nothing printed or
 * announced.  *parsed is 0 when the parser refused it (e says why); a
 * non-zero return with *parsed set is the database's failure. */
int pipeline_replay(struct app *app, const char *source, const struct body *b, const char *kind,
                    const char *assumed_date, int *parsed, struct err *e);

#endif
