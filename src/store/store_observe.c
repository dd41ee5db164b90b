/* store_observe.c: what articles say about draws, and the links news
 * feeds gave.
 *
 * An article's draw is an observation, and IRCC's record is its judge.
 * It is matched to the draw of IRCC's it names.  Naming none, it is no
 * draw when dated on or before IRCC's newest draw (the observation keeps
 * the reason); after it, it is matched to an unconfirmed draw (one only
 * articles have stated), else starts one if it states invitations and
 * CRS.  IRCC's draws are only read here: a disagreement is a conflict,
 * shown by the conflicts view, never a change. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <time.h>

#include "store_int.h"

/* The values that identify a draw, as an article stated them or as a
 * stored draw has them.  Strings are owned; absent values NULL or -1. */
struct facts {
	long long id;		/* unconfirmed.id or observations.id; 0 for IRCC's */
	char *number;
	char date[11];
	char *category;
	long invitations, crs_cutoff;
	int off;		/* a candidate's date less the record's, in days */
};

struct facts_list {
	struct facts *v;
	size_t n;
};

static void
facts_list_release(struct facts_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		free(l->v[i].number);
		free(l->v[i].category);
	}
	free(l->v);
	memset(l, 0, sizeof(*l));
}

/* Runs a bound statement selecting id, number, date, category,
 * invitations, crs_cutoff and the days off, into *l. */
static int
load_facts(struct store *s, sqlite3_stmt *st, struct facts_list *l, struct err *e)
{
	int rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct facts *f;
		const char *date = (const char *)sqlite3_column_text(st, 2);

		l->v = xrealloc(l->v, (l->n + 1) * sizeof(*l->v));
		f = &l->v[l->n++];
		f->id = sqlite3_column_int64(st, 0);
		f->number = column_dup(st, 1);
		snprintf(f->date, sizeof(f->date), "%s", date ? date : "");
		f->category = column_dup(st, 3);
		f->invitations = column_count(st, 4);
		f->crs_cutoff = column_count(st, 5);
		/* No date: never near. */
		f->off = sqlite3_column_type(st, 6) == SQLITE_NULL ? 99 : sqlite3_column_int(st, 6);
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return db_error(s, e, "reading draws to match an observation");
	return 0;
}

static int
same_text(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

/* How a record names a draw, weakest first.  By its number or by its
 * date and category it names it beyond doubt, and what else it states
 * may dispute IRCC's values; by its values alone it only agrees. */
enum match { MATCH_NONE, MATCH_VALUES, MATCH_DATE_CATEGORY, MATCH_NUMBER };
static const char *const match_names[] = { NULL, "values", "date-category", "number" };

/* Whether every value o states is c's, or one c does not know (an
 * unconfirmed draw's): the date aside. */
static int
agrees(const struct facts *o, const struct facts *c)
{
	return (!o->number || !c->number || strcmp(o->number, c->number) == 0) &&
	       (!o->category || !c->category || strcmp(o->category, c->category) == 0) &&
	       (o->invitations < 0 || c->invitations < 0 || o->invitations == c->invitations) &&
	       (o->crs_cutoff < 0 || c->crs_cutoff < 0 || o->crs_cutoff == c->crs_cutoff);
}

/* How candidate c fits record o, and *score, more for more agreeing
 * values.  By number: the number o states and one more value; by date
 * and category: when c is the only candidate of o's date and category
 * (one_of_category); by values: o agrees with c, stating invitations,
 * CRS or the number, and the date is c's or a day off. */
static enum match
fit(const struct facts *o, const struct facts *c, int one_of_category, int *score)
{
	int date = c->off == 0, near = c->off >= -1 && c->off <= 1;
	int num = same_text(o->number, c->number);
	int cat = same_text(o->category, c->category);
	int inv = o->invitations >= 0 && o->invitations == c->invitations;
	int crs = o->crs_cutoff >= 0 && o->crs_cutoff == c->crs_cutoff;

	*score = 1 + date + num + cat + inv + crs;
	if (num && (date || inv || crs))
		return MATCH_NUMBER;
	if (date && cat && one_of_category)
		return MATCH_DATE_CATEGORY;
	if (near && (num || inv || crs) && agrees(o, c))
		return MATCH_VALUES;
	return MATCH_NONE;
}

/* What matching a record found among its candidates. */
struct found {
	struct facts_list l;	/* the candidates (facts_list_release) */
	const struct facts *m;	/* the one that fits best, in l; NULL when
				 * none fits or two fit equally */
	enum match how;		/* how m fits */
	int ties;		/* how many fit as well as the best */
};

/* Sets f->m, f->how and f->ties for o from f->l. */
static void
best_match(const struct facts *o, struct found *f)
{
	int score = 0, sc, same_day = 0;
	enum match m;
	size_t i;

	for (i = 0; i < f->l.n; i++)
		same_day += f->l.v[i].off == 0 && same_text(o->category, f->l.v[i].category);
	f->m = NULL, f->how = MATCH_NONE, f->ties = 0;
	for (i = 0; i < f->l.n; i++) {
		if ((m = fit(o, &f->l.v[i], same_day == 1, &sc)) == MATCH_NONE)
			continue;
		if (sc > score) {
			f->m = &f->l.v[i], score = sc, f->how = m, f->ties = 0;
		} else if (sc == score) {
			f->ties++;
		}
	}
	if (f->ties)
		f->m = NULL, f->how = MATCH_NONE;
}

/* The draws an observation could be, IRCC's or the unconfirmed ones: of
 * its date or a day off, or of the number it states. */
static const char cand_draws_sql[] =
	"SELECT 0, number, date, category, invitations, crs_cutoff,"
	" julianday(date) - julianday(?1) FROM draws"
	" WHERE date BETWEEN date(?1, '-1 day') AND date(?1, '+1 day') OR number = ?2";
static const char cand_unconf_sql[] =
	"SELECT id, number, date, category, invitations, crs_cutoff,"
	" julianday(date) - julianday(?1) FROM unconfirmed"
	" WHERE state IN ('unconfirmed', 'dismissed') AND"
	" (date BETWEEN date(?1, '-1 day') AND date(?1, '+1 day') OR number = ?2)"
	" ORDER BY id";

/* The draw record o names among the candidates of sql (cand_draws_sql
 * or cand_unconf_sql), into *f; the caller releases f->l. */
static int
find(struct store *s, const char *sql, const struct facts *o, struct found *f,
     struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	memset(f, 0, sizeof(*f));
	if ((rc = db_cached(s, sql, &st, e)))
		return rc;
	bind_text(st, 1, o->date);
	bind_text(st, 2, o->number);
	if ((rc = load_facts(s, st, &f->l, e)))
		return rc;
	best_match(o, f);
	return 0;
}

static void
count_text(long v, char buf[24])
{
	if (v >= 0)
		snprintf(buf, 24, "%ld", v);
	else
		buf[0] = '\0';
}

/* Adds one field to *ev, making the event first when there is none yet. */
static void
field(struct event_list *l, struct event **ev, enum store_change what,
      const struct draw *d, const struct facts *c, const char *name,
      const char *ircc, const char *stated)
{
	if (!*ev)
		*ev = event_add(l, what, d, c->number, c->date);
	event_field(*ev, name, ircc, stated);
}

/* Adds to l an event listing each value o states that c disagrees with,
 * as the conflicts view (store_db.c) counts them; none when they agree,
 * unless always. */
static void
disagreements(struct event_list *l, enum store_change what, int always,
              const struct draw *d, const struct facts *c, const struct facts *o)
{
	struct event *ev = always ? event_add(l, what, d, c->number, c->date) : NULL;
	char a[24], b[24];

	if (strcmp(o->date, c->date) != 0)
		field(l, &ev, what, d, c, "date", c->date, o->date);
	if (o->number && !same_text(o->number, c->number))
		field(l, &ev, what, d, c, "number", c->number, o->number);
	if (o->category && !same_text(o->category, c->category))
		field(l, &ev, what, d, c, "category", c->category, o->category);
	if (o->invitations >= 0 && o->invitations != c->invitations) {
		count_text(c->invitations, a), count_text(o->invitations, b);
		field(l, &ev, what, d, c, "invitations", a[0] ? a : NULL, b);
	}
	if (o->crs_cutoff >= 0 && o->crs_cutoff != c->crs_cutoff) {
		count_text(c->crs_cutoff, a), count_text(o->crs_cutoff, b);
		field(l, &ev, what, d, c, "crs_cutoff", a[0] ? a : NULL, b);
	}
}

static const char obs_seen_sql[] =
	"SELECT 1 FROM observations WHERE url = ?1 AND date = ?2"
	" AND ifnull(stated_number, '') = ifnull(?3, '')"
	" AND ifnull(category, '') = ifnull(?4, '')"
	" AND ifnull(invitations, -1) = ifnull(?5, -1)"
	" AND ifnull(crs_cutoff, -1) = ifnull(?6, -1)";

static int
seen_before(struct store *s, const struct draw *d, const char *url, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_cached(s, obs_seen_sql, &st, e)))
		return -rc;
	bind_text(st, 1, url);
	bind_text(st, 2, d->date);
	bind_text(st, 3, d->number);
	bind_text(st, 4, d->category);
	bind_count(st, 5, d->invitations);
	bind_count(st, 6, d->crs_cutoff);
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return -db_error(s, e, "looking for an observation");
	return rc == SQLITE_ROW;
}

static const char ins_obs_sql[] =
	"INSERT INTO observations (number, unconfirmed, date, stated_number,"
	" category, name, invitations, crs_cutoff, source, url, fetched_at,"
	" evidence, observed_at, matched_by, reason)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)";

/* Where an observation goes: IRCC's draw number (how it was matched),
 * the unconfirmed draw unconfirmed, or nowhere, for reason. */
struct place {
	const char *number;
	enum match how;
	long long unconfirmed;
	char *reason;		/* owned */
};

static int
insert_observation(struct store *s, const struct draw *d, const struct place *p,
                   const char *source, const struct body *b, const char *fetched,
                   const char *now, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_cached(s, ins_obs_sql, &st, e)))
		return rc;
	bind_text(st, 1, p->number);
	if (p->unconfirmed)
		sqlite3_bind_int64(st, 2, p->unconfirmed);
	bind_text(st, 3, d->date);
	bind_text(st, 4, d->number);
	bind_text(st, 5, d->category);
	bind_text(st, 6, d->name);
	bind_count(st, 7, d->invitations);
	bind_count(st, 8, d->crs_cutoff);
	bind_text(st, 9, source);
	bind_text(st, 10, b->url);
	bind_text(st, 11, fetched);
	bind_text(st, 12, d->evidence);
	bind_text(st, 13, now);
	bind_text(st, 14, match_names[p->how]);
	bind_text(st, 15, p->reason);
	return run(s, st, e);
}

/* Binds an observation's identifying values as ?2..?6 of ins_unconf_sql's
 * or fill_unconf_sql's shape: number, number_key, category, invitations,
 * CRS. */
static void
bind_identity(sqlite3_stmt *st, int first, const struct draw *d)
{
	long key = draw_number_key(d->number);

	bind_text(st, first, d->number);
	bind_count(st, first + 1, d->number ? key : -1);
	bind_text(st, first + 2, d->category);
	bind_count(st, first + 3, d->invitations);
	bind_count(st, first + 4, d->crs_cutoff);
}

static const char ins_unconf_sql[] =
	"INSERT INTO unconfirmed (date, number, number_key, category,"
	" invitations, crs_cutoff, first_seen, updated_at)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)";

/* A new unconfirmed draw: *id its id. */
static int
insert_unconfirmed(struct store *s, const struct draw *d, const char *now, long long *id,
                   struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_cached(s, ins_unconf_sql, &st, e)))
		return rc;
	bind_text(st, 1, d->date);
	bind_identity(st, 2, d);
	bind_text(st, 7, now);
	if ((rc = run(s, st, e)))
		return rc;
	*id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

/* A later article fills in what the first did not state, never more. */
static const char fill_unconf_sql[] =
	"UPDATE unconfirmed SET number = ifnull(number, ?2),"
	" number_key = ifnull(number_key, ?3), category = ifnull(category, ?4),"
	" invitations = ifnull(invitations, ?5),"
	" crs_cutoff = ifnull(crs_cutoff, ?6), updated_at = ?7 WHERE id = ?1";

static int
fill_unconfirmed(struct store *s, long long id, const struct draw *d, const char *now,
                 struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_cached(s, fill_unconf_sql, &st, e)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	bind_identity(st, 2, d);
	bind_text(st, 7, now);
	return run(s, st, e);
}

static const char newest_sql[] = "SELECT max(date) FROM draws";

/* The date of IRCC's newest draw into newest ("" when none). */
static int
newest_draw(struct store *s, char newest[11], struct err *e)
{
	sqlite3_stmt *st;
	const char *v;
	int rc;

	if ((rc = db_cached(s, newest_sql, &st, e)))
		return rc;
	rc = sqlite3_step(st);
	v = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
	snprintf(newest, 11, "%s", v ? v : "");
	sqlite3_reset(st);
	if (rc != SQLITE_ROW)
		return db_error(s, e, "reading IRCC's newest draw");
	return 0;
}

/* Why record o, dated on or before IRCC's newest draw, is no draw: it
 * names none of IRCC's draws, or two equally (ties). */
static char *
no_draw(const struct facts *o, int ties)
{
	return xasprintf(ties ? "draws of IRCC's on or a day from %s fit it equally"
	                 : "no draw of IRCC's on or a day from %s has these values", o->date);
}

/* Why record o, dated after IRCC's newest draw, is no draw: it states
 * too little to start an unconfirmed one, and joins none. */
static char *
too_little(const struct facts *o, const char *newest)
{
	const char *lacks = o->invitations < 0 && o->crs_cutoff < 0
	                    ? "invitations nor CRS cutoff"
	                    : o->invitations < 0 ? "invitations" : "CRS cutoff";

	if (!newest[0])
		return xasprintf("IRCC's record holds no draw yet, and it states no %s: no"
		                 " unconfirmed draw has these values", lacks);
	return xasprintf("after IRCC's newest draw (%s) but states no %s, and no unconfirmed"
	                 " draw has these values", newest, lacks);
}

/* Where record o goes among the unconfirmed draws, once it is no draw of
 * IRCC's and dated after IRCC's newest: the one it matches (its values
 * filled in), else a new one when it states invitations and CRS (*made),
 * else nowhere. */
static int
place_unconfirmed(struct store *s, const struct draw *d, const struct facts *o,
                  const char *newest, const char *now, struct place *p, int *made,
                  struct err *e)
{
	struct found f;
	int rc;

	*made = 0;
	if ((rc = find(s, cand_unconf_sql, o, &f, e)))
		goto out;
	if (f.m) {
		p->unconfirmed = f.m->id;
		rc = fill_unconfirmed(s, f.m->id, d, now, e);
	} else if (o->invitations >= 0 && o->crs_cutoff >= 0) {
		rc = insert_unconfirmed(s, d, now, &p->unconfirmed, e);
		*made = 1;
	} else {
		p->reason = too_little(o, newest);
	}
out:
	facts_list_release(&f.l);
	return rc;
}

/* IRCC's record is the judge.  A record is an observation of the draw
 * of IRCC's it names; when it names none, one dated on or before IRCC's
 * newest draw is no draw (IRCC's record is complete for the past); one
 * after it is an unconfirmed draw, or joins one. */
int
observe_draw(struct store *s, const struct draw *d, const char *source,
             const struct body *b, const char *fetched, const char *now,
             struct event_list *ev, struct err *e)
{
	struct facts o = { 0, d->number, "", (char *)d->category, d->invitations,
	                   d->crs_cutoff, 0 };
	struct found f = {0};
	struct place p = {0};
	char newest[11];
	int rc, made = 0;

	/* The parser emits no draw without a date; never store one. */
	if (!d->date[0])
		return 0;
	if ((rc = seen_before(s, d, b->url, e)) != 0)
		return rc < 0 ? -rc : 0;
	memcpy(o.date, d->date, sizeof(o.date));
	if ((rc = find(s, cand_draws_sql, &o, &f, e)))
		goto out;
	if (f.m) {
		/* Named beyond doubt, what else it states may dispute IRCC. */
		if ((p.how = f.how) != MATCH_VALUES)
			disagreements(ev, STORE_CONFLICT, 0, d, f.m, &o);
		p.number = f.m->number;
	} else if ((rc = newest_draw(s, newest, e))) {
		goto out;
	} else if (strcmp(o.date, newest) <= 0) {
		p.reason = no_draw(&o, f.ties);
	} else if ((rc = place_unconfirmed(s, d, &o, newest, now, &p, &made, e))) {
		goto out;
	}
	rc = insert_observation(s, d, &p, source, b, fetched, now, e);
	if (!rc && made)
		event_add(ev, STORE_UNCONFIRMED, d, NULL, d->date)->pub.unconfirmed_id =
			p.unconfirmed;
out:
	free(p.reason);
	facts_list_release(&f.l);
	return rc;
}

static const char unconf_obs_sql[] =
	"SELECT id, stated_number, date, category, invitations, crs_cutoff, 0"
	" FROM observations WHERE unconfirmed = ?1 ORDER BY id";
static const char move_obs_sql[] =
	"UPDATE observations SET number = ?1, unconfirmed = NULL, matched_by = ?2"
	" WHERE id = ?3";

/* How observation o names IRCC's draw m: as it would on its own, else
 * as its unconfirmed draw did (how). */
static int
own_match(struct store *s, const struct facts *o, const struct facts *m, enum match how,
          enum match *own, struct err *e)
{
	struct found f;
	int rc;

	if (!(rc = find(s, cand_draws_sql, o, &f, e)))
		*own = f.m && same_text(f.m->number, m->number) ? f.how : how;
	facts_list_release(&f.l);
	return rc;
}

static const char confirmed_sql[] =
	"UPDATE unconfirmed SET state = 'confirmed', confirmed_as = ?2, settled_at = ?3,"
	" reason = NULL WHERE id = ?1";

/* The unconfirmed draw id is IRCC's draw m (how it fits): its
 * observations move to that draw, and it is settled as confirmed (its
 * row stays, so that its id names nothing else). */
static int
confirm(struct store *s, long long id, const struct facts *m, enum match how,
        const char *now, struct err *e)
{
	struct facts_list obs = {0};
	sqlite3_stmt *st;
	enum match own;
	size_t i;
	int rc;

	if ((rc = db_cached(s, unconf_obs_sql, &st, e)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = load_facts(s, st, &obs, e)))
		goto out;
	for (i = 0; i < obs.n; i++) {
		if ((rc = own_match(s, &obs.v[i], m, how, &own, e)) ||
		    (rc = db_cached(s, move_obs_sql, &st, e)))
			goto out;
		bind_text(st, 1, m->number);
		bind_text(st, 2, match_names[own]);
		sqlite3_bind_int64(st, 3, obs.v[i].id);
		if ((rc = run(s, st, e)))
			goto out;
	}
	if ((rc = db_cached(s, confirmed_sql, &st, e)))
		goto out;
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, m->number);
	bind_text(st, 3, now);
	rc = run(s, st, e);
out:
	facts_list_release(&obs);
	return rc;
}

/* Any not yet confirmed: IRCC's feed settles even one a person dismissed. */
static const char all_unconf_sql[] =
	"SELECT id, number, date, category, invitations, crs_cutoff, 0"
	" FROM unconfirmed WHERE state <> 'confirmed' ORDER BY id";

static int
confirm_unconfirmed(struct store *s, const char *now, struct event_list *ev, struct err *e)
{
	struct facts_list u = {0};
	struct found f = {0};
	sqlite3_stmt *st;
	size_t i;
	int rc;

	if ((rc = db_cached(s, all_unconf_sql, &st, e)) || (rc = load_facts(s, st, &u, e)))
		return rc;
	for (i = 0; i < u.n; i++) {
		facts_list_release(&f.l);
		if ((rc = find(s, cand_draws_sql, &u.v[i], &f, e)))
			goto out;
		if (!f.m)
			continue;
		if ((rc = confirm(s, u.v[i].id, f.m, f.how, now, e)))
			goto out;
		/* The values the articles got wrong, as the conflicts view
		 * shows them: none when they named it by its values. */
		if (f.how == MATCH_VALUES)
			event_add(ev, STORE_CONFIRMED, NULL, f.m->number, f.m->date);
		else
			disagreements(ev, STORE_CONFIRMED, 1, NULL, f.m, &u.v[i]);
	}
out:
	facts_list_release(&f.l);
	facts_list_release(&u);
	return rc;
}

static const char unmatched_sql[] =
	"SELECT id, stated_number, date, category, invitations, crs_cutoff, 0"
	" FROM observations WHERE reason IS NOT NULL ORDER BY id";
static const char match_obs_sql[] =
	"UPDATE observations SET number = ?2, matched_by = ?3, reason = NULL WHERE id = ?1";
/* Only when it changes: a run that changed no record rewrites no report. */
static const char reason_obs_sql[] =
	"UPDATE observations SET reason = ?2 WHERE id = ?1 AND reason IS NOT ?2";

/* Judges unmatched record o again, on IRCC's record as it is now (newest
 * its newest draw): the draw it names now, late in IRCC's feed or a
 * record that stated too little to be an unconfirmed draw; else, dated
 * on or before newest, the reason of a record that is no draw. */
static int
rejudge(struct store *s, const struct facts *o, const char *newest, struct event_list *ev,
        struct err *e)
{
	struct found f;
	sqlite3_stmt *st;
	char *reason = NULL;
	int rc;

	if ((rc = find(s, cand_draws_sql, o, &f, e)))
		goto out;
	if (!f.m && strcmp(o->date, newest) > 0)
		goto out;	/* still after it: its reason stands */
	if ((rc = db_cached(s, f.m ? match_obs_sql : reason_obs_sql, &st, e)))
		goto out;
	sqlite3_bind_int64(st, 1, o->id);
	if (f.m) {
		bind_text(st, 2, f.m->number);
		bind_text(st, 3, match_names[f.how]);
		if (f.how != MATCH_VALUES)
			disagreements(ev, STORE_CONFLICT, 0, NULL, f.m, o);
	} else {
		bind_text(st, 2, reason = no_draw(o, f.ties));
	}
	rc = run(s, st, e);
out:
	free(reason);
	facts_list_release(&f.l);
	return rc;
}

static int
rejudge_unmatched(struct store *s, struct event_list *ev, struct err *e)
{
	struct facts_list u = {0};
	sqlite3_stmt *st;
	char newest[11];
	size_t i;
	int rc;

	if ((rc = newest_draw(s, newest, e)) || (rc = db_cached(s, unmatched_sql, &st, e)) ||
	    (rc = load_facts(s, st, &u, e)))
		return rc;
	for (i = 0; i < u.n && !rc; i++)
		rc = rejudge(s, &u.v[i], newest, ev, e);
	facts_list_release(&u);
	return rc;
}

/* Adds to ev the retraction of the unconfirmed draw a statement
 * RETURNING id, number, date, category, invitations, crs_cutoff and
 * reason has on its row. */
static void
retracted(struct event_list *ev, sqlite3_stmt *st)
{
	const char *date = (const char *)sqlite3_column_text(st, 2);
	struct draw d;

	draw_init(&d);
	d.number = (char *)sqlite3_column_text(st, 1);
	snprintf(d.date, sizeof(d.date), "%s", date ? date : "");
	d.category = (const char *)sqlite3_column_text(st, 3);
	d.invitations = column_count(st, 4);
	d.crs_cutoff = column_count(st, 5);
	event_add_copy(ev, STORE_RETRACTED, &d, (const char *)sqlite3_column_text(st, 6))
		->pub.unconfirmed_id = sqlite3_column_int64(st, 0);
}

/* ?3: STORE_RETRACT_DAYS. */
static const char retract_sql[] =
	"UPDATE unconfirmed SET state = 'retracted', settled_at = ?1,"
	" reason = 'IRCC''s record holds draws to ' || ?2 || ', a week or more after it,"
	" and not this one' WHERE state = 'unconfirmed' AND date <= date(?2, ?3)"
	" RETURNING id, number, date, category, invitations, crs_cutoff, reason";

/* IRCC's feed may bring a draw a few days late, not a week: an
 * unconfirmed draw its record has moved that far past is retracted. */
static int
retract_unconfirmed(struct store *s, const char *now, struct event_list *ev, struct err *e)
{
	sqlite3_stmt *st;
	char newest[11], days[16];
	int rc;

	snprintf(days, sizeof(days), "-%d days", STORE_RETRACT_DAYS);
	if ((rc = newest_draw(s, newest, e)) || (rc = db_cached(s, retract_sql, &st, e)))
		return rc;
	bind_text(st, 1, now);
	bind_text(st, 2, newest);
	bind_text(st, 3, days);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		retracted(ev, st);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return db_error(s, e, "retracting unconfirmed draws");
	return 0;
}

static const char dismiss_sql[] =
	"UPDATE unconfirmed SET state = 'dismissed', settled_at = ?2,"
	" reason = 'dismissed by hand' WHERE id = ?1 AND state = 'unconfirmed'"
	" RETURNING id, number, date, category, invitations, crs_cutoff, reason";
static const char settled_sql[] =
	"SELECT state, confirmed_as, settled_at FROM unconfirmed WHERE id = ?1";

/* Why id cannot be dismissed: the message, and EX_DATAERR. */
static int
not_dismissed(struct store *s, long long id, struct err *e)
{
	sqlite3_stmt *st;
	const char *state, *as, *when;
	int rc;

	if ((rc = db_cached(s, settled_sql, &st, e)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_reset(st);
		if (rc != SQLITE_DONE)
			return db_error(s, e, "reading an unconfirmed draw");
		return err_set(e, EX_DATAERR, "u%lld: no such unconfirmed draw (eedraws list"
		               " shows them); nothing changed", id);
	}
	state = (const char *)sqlite3_column_text(st, 0);
	as = (const char *)sqlite3_column_text(st, 1);
	when = (const char *)sqlite3_column_text(st, 2);
	if (as)
		rc = err_set(e, EX_DATAERR, "u%lld: IRCC's feed confirmed it as draw #%s on %s:"
		             " it is no longer unconfirmed; nothing changed", id, as,
		             when ? when : "?");
	else
		rc = err_set(e, EX_DATAERR, "u%lld: it is %s already (%s); nothing changed", id,
		             state ? state : "?", when ? when : "?");
	sqlite3_reset(st);
	return rc;
}

int
dismiss_unconfirmed(struct store *s, long long id, const char *now, struct event_list *ev,
                    struct err *e)
{
	sqlite3_stmt *st;
	int rc, found = 0;

	if ((rc = db_cached(s, dismiss_sql, &st, e)))
		return rc;
	sqlite3_bind_int64(st, 1, id);
	bind_text(st, 2, now);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		retracted(ev, st);
		found = 1;
	}
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_DONE)
		return db_error(s, e, "dismissing an unconfirmed draw");
	return found ? 0 : not_dismissed(s, id, e);
}

int
judge_articles(struct store *s, const char *now, struct event_list *ev, struct err *e)
{
	int rc;

	if ((rc = confirm_unconfirmed(s, now, ev, e)) || (rc = rejudge_unmatched(s, ev, e)))
		return rc;
	return retract_unconfirmed(s, now, ev, e);
}

static const char get_link_sql[] = "SELECT attempts, fetched_at FROM links WHERE url = ?1";

int
store_link_wanted(struct store *s, const char *url, struct err *e)
{
	sqlite3_stmt *st;
	int rc, wanted = 1;

	if ((rc = db_cached(s, get_link_sql, &st, e)))
		return -rc;
	bind_text(st, 1, url);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		wanted = sqlite3_column_type(st, 1) == SQLITE_NULL &&
		         sqlite3_column_int(st, 0) < STORE_LINK_ATTEMPTS;
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return -db_error(s, e, "reading a feed's link");
	return wanted;
}

static const char put_link_sql[] =
	"INSERT INTO links (url, source, title, first_seen, attempts,"
	" fetched_at, last_error) VALUES (?1, ?2, ?3, ?4, 1, ?5, ?6)"
	" ON CONFLICT (url) DO UPDATE SET attempts = attempts + 1,"
	" fetched_at = ?5, last_error = ?6";

int
store_link_attempted(struct store *s, const char *source, const char *url,
                     const char *title, const char *error, struct err *e)
{
	sqlite3_stmt *st;
	char now[21];
	int rc;

	if ((rc = db_cached(s, put_link_sql, &st, e)))
		return rc;
	format_utc(time(NULL), now);
	bind_text(st, 1, url);
	bind_text(st, 2, source);
	bind_text(st, 3, title);
	bind_text(st, 4, now);
	bind_text(st, 5, error ? NULL : now);
	bind_text(st, 6, error);
	return run(s, st, e);
}

int
store_known_rounds(struct store *s, struct draw_list *out, struct err *e)
{
	sqlite3_stmt *st;
	int rc;

	if ((rc = db_cached(s, "SELECT date, invitations, crs_cutoff, number FROM draws"
	                       " WHERE length(date) = 10 AND invitations IS NOT NULL"
	                       " AND crs_cutoff IS NOT NULL", &st, e)))
		return rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct draw *d = draw_list_add(out);

		snprintf(d->date, sizeof(d->date), "%s", (const char *)sqlite3_column_text(st, 0));
		d->invitations = sqlite3_column_int64(st, 1);
		d->crs_cutoff = sqlite3_column_int64(st, 2);
		d->number = xstrdup((const char *)sqlite3_column_text(st, 3));
	}
	rc = rc == SQLITE_DONE ? 0 : db_error(s, e, "reading IRCC's rounds");
	sqlite3_reset(st);
	return rc;
}

long
store_link_attempts(struct store *s, const char *url, struct err *e)
{
	sqlite3_stmt *st;
	long n = 0;
	int rc;

	if ((rc = db_cached(s, get_link_sql, &st, e)))
		return -rc;
	bind_text(st, 1, url);
	if ((rc = sqlite3_step(st)) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return -db_error(s, e, "reading a feed's link");
	return n;
}

int
store_failing_links(struct store *s, const char *since,
                    int (*fn)(void *, const struct store_link *), void *ctx, struct err *e)
{
	struct store_link l;
	sqlite3_stmt *st;
	int rc, frc = 0;

	if ((rc = db_prepare(s, "SELECT url, source, last_error, attempts FROM links"
	                     " WHERE fetched_at IS NULL AND last_error IS NOT NULL"
	                     " AND first_seen >= ?1 ORDER BY first_seen, url", &st, e)))
		return rc;
	bind_text(st, 1, since);
	while (!frc && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		l.url = (const char *)sqlite3_column_text(st, 0);
		l.source = (const char *)sqlite3_column_text(st, 1);
		l.last_error = (const char *)sqlite3_column_text(st, 2);
		l.attempts = (long)sqlite3_column_int64(st, 3);
		frc = fn(ctx, &l);
	}
	if (!frc && rc != SQLITE_DONE)
		frc = db_error(s, e, "reading the failing links");
	sqlite3_finalize(st);
	return frc;
}
