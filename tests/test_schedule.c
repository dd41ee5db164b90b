/* test_schedule.c: when a source is tried and how it is doing, and every
 * change the cron pass makes to its fetch state: pure functions, tested
 * without a server or a database. */
#include <check.h>
#include <string.h>

#include "schedule.h"
#include "testutil.h"

/* 2026-08-07T12:00:00Z */
#define T0 ((time_t)1786104000)

static char *
utc(time_t t)
{
	static char buf[4][21];
	static int i;

	i = (i + 1) % 4;
	format_utc(t, buf[i]);
	return buf[i];
}

START_TEST(test_backoff_waits_after_the_second_failure_doubling_to_six_hours)
{
	ck_assert_int_eq(backoff(0), 0);
	ck_assert_int_eq(backoff(1), 0);	/* one failure may be a blip */
	ck_assert_int_eq(backoff(2), 600);
	ck_assert_int_eq(backoff(3), 1200);
	ck_assert_int_eq(backoff(4), 2400);
	ck_assert_int_eq(backoff(7), 19200);
	ck_assert_int_eq(backoff(8), 6 * 3600);
	ck_assert_int_eq(backoff(1000), 6 * 3600);
	ck_assert_int_eq(backoff(0x7fffffffL), 6 * 3600);
}
END_TEST

START_TEST(test_next_attempt_is_the_later_of_backoff_and_retry_after)
{
	ck_assert_int_eq(next_attempt(1, T0, 0), 0);		/* at once */
	ck_assert_int_eq(next_attempt(2, T0, 0), T0 + 600);
	/* Retry-After further than the backoff wins ... */
	ck_assert_int_eq(next_attempt(1, T0, T0 + 120), T0 + 120);
	ck_assert_int_eq(next_attempt(2, T0, T0 + 3600), T0 + 3600);
	/* ... and one nearer, or past, does not. */
	ck_assert_int_eq(next_attempt(2, T0, T0 + 60), T0 + 600);
	ck_assert_int_eq(next_attempt(1, T0, T0 - 60), 0);
}
END_TEST

START_TEST(test_retry_after_is_capped_at_the_longest_backoff)
{
	/* One answer must not park a source for decades (issue 14). */
	ck_assert_int_eq(next_attempt(1, T0, T0 + 70L * 365 * 86400), T0 + BACKOFF_MAX);
	ck_assert_int_eq(next_attempt(9, T0, T0 + BACKOFF_MAX + 1), T0 + BACKOFF_MAX);
	ck_assert_int_eq(next_attempt(1, T0, T0 + BACKOFF_MAX - 1), T0 + BACKOFF_MAX - 1);
}
END_TEST

START_TEST(test_a_source_is_due_unless_its_next_attempt_is_ahead_or_it_is_named)
{
	struct fetch_state st = {0};

	ck_assert(source_due(&st, T0, 0));	/* never failed */
	st.next_attempt = utc(T0 + 1);
	ck_assert(!source_due(&st, T0, 0));
	ck_assert(source_due(&st, T0, 1));	/* "update NAME" overrides */
	st.next_attempt = utc(T0);
	ck_assert(source_due(&st, T0, 0));
	st.next_attempt = utc(T0 - 3600);
	ck_assert(source_due(&st, T0, 0));
}
END_TEST

START_TEST(test_source_health_is_disabled_stale_failing_or_ok)
{
	struct source src = { .enabled = 1, .stale_after = 3600 };
	struct fetch_state st = {0};

	ck_assert_str_eq(source_state(&src, &st, T0), "STALE");	/* never */
	st.last_success = utc(T0 - 3601);
	ck_assert_str_eq(source_state(&src, &st, T0), "STALE");
	st.last_success = utc(T0 - 3600);
	ck_assert_str_eq(source_state(&src, &st, T0), "ok");
	st.failures = 2;
	ck_assert_str_eq(source_state(&src, &st, T0), "failing");
	st.last_success = NULL;
	ck_assert_str_eq(source_state(&src, &st, T0), "STALE");	/* before failing */
	src.enabled = 0;
	ck_assert_str_eq(source_state(&src, &st, T0), "disabled");
}
END_TEST

/* A state as the store would hand it: every field owned. */
static void
old_state(struct fetch_state *st)
{
	memset(st, 0, sizeof(*st));
	st->etag = xstrdup("\"v1\"");
	st->last_modified = xstrdup("Fri, 07 Aug 2026 10:00:00 GMT");
	st->body_hash = xstrdup("oldhash");
	st->last_status = 200;
	st->last_attempt = xstrdup(utc(T0 - 3600));
	st->last_success = xstrdup(utc(T0 - 3600));
}

START_TEST(test_a_failure_counts_keeps_the_validators_and_sets_the_next_attempt)
{
	struct fetch_state st;

	old_state(&st);
	state_failed(&st, "cannot fetch: timed out", 0, T0, 0);
	ck_assert_int_eq(st.failures, 1);
	ck_assert_ptr_null(st.next_attempt);	/* the first: at once */
	ck_assert_str_eq(st.last_error, "cannot fetch: timed out");
	ck_assert_str_eq(st.last_attempt, utc(T0));
	ck_assert_int_eq(st.last_status, 200);	/* none came: the last stays */
	state_failed(&st, "cannot fetch: HTTP 503", 503, T0 + 60, T0 + 7200);
	ck_assert_int_eq(st.failures, 2);
	ck_assert_int_eq(st.last_status, 503);
	ck_assert_str_eq(st.next_attempt, utc(T0 + 7200));	/* Retry-After */
	/* Validators and the last success are the last stored body's. */
	ck_assert_str_eq(st.etag, "\"v1\"");
	ck_assert_str_eq(st.body_hash, "oldhash");
	ck_assert_str_eq(st.last_success, utc(T0 - 3600));
	fetch_state_release(&st);
}
END_TEST

START_TEST(test_an_answer_clears_the_failures_and_a_body_taken_keeps_its_validators)
{
	char etag[] = "\"v2\"";
	struct body b = { .etag = etag, .status = 200 };
	struct fetch_state st;

	old_state(&st);
	state_failed(&st, "x", 0, T0, 0);
	state_failed(&st, "y", 0, T0, 0);
	ck_assert_ptr_nonnull(st.next_attempt);
	state_answered(&st, 200, T0 + 10);
	ck_assert_int_eq(st.failures, 0);
	ck_assert_ptr_null(st.last_error);
	ck_assert_ptr_null(st.next_attempt);
	ck_assert_str_eq(st.last_attempt, utc(T0 + 10));
	/* Answered is not yet succeeded: a body can still be refused. */
	ck_assert_str_eq(st.last_success, utc(T0 - 3600));
	state_took_body(&st, &b, "newhash", T0 + 10);
	ck_assert_str_eq(st.body_hash, "newhash");
	ck_assert_str_eq(st.etag, "\"v2\"");
	ck_assert_ptr_null(st.last_modified);
	ck_assert_str_eq(st.last_success, utc(T0 + 10));
	fetch_state_release(&st);
}
END_TEST

START_TEST(test_a_304_succeeds_with_the_validators_it_had)
{
	struct fetch_state st;

	old_state(&st);
	state_answered(&st, 304, T0);
	state_succeeded(&st, T0);
	ck_assert_int_eq(st.last_status, 304);
	ck_assert_str_eq(st.last_success, utc(T0));
	ck_assert_str_eq(st.etag, "\"v1\"");
	ck_assert_str_eq(st.body_hash, "oldhash");
	fetch_state_release(&st);
}
END_TEST

/* status says when a backed-off source is tried next: only while that
 * is ahead. */
START_TEST(test_the_next_try_is_said_only_while_it_is_ahead)
{
	struct fetch_state st = {0};

	ck_assert_ptr_null(source_next_try(&st, T0));	/* never failed */
	st.next_attempt = utc(T0 + 600);
	ck_assert_str_eq(source_next_try(&st, T0), utc(T0 + 600));
	st.next_attempt = utc(T0);
	ck_assert_ptr_null(source_next_try(&st, T0));	/* due now */
	st.next_attempt = utc(T0 - 60);
	ck_assert_ptr_null(source_next_try(&st, T0));
}
END_TEST

Suite *
schedule_suite(void)
{
	Suite *s = suite_create("schedule");
	TCase *tc = tcase_create("schedule");

	tcase_add_test(tc, test_backoff_waits_after_the_second_failure_doubling_to_six_hours);
	tcase_add_test(tc, test_next_attempt_is_the_later_of_backoff_and_retry_after);
	tcase_add_test(tc, test_retry_after_is_capped_at_the_longest_backoff);
	tcase_add_test(tc, test_a_source_is_due_unless_its_next_attempt_is_ahead_or_it_is_named);
	tcase_add_test(tc, test_source_health_is_disabled_stale_failing_or_ok);
	tcase_add_test(tc, test_a_failure_counts_keeps_the_validators_and_sets_the_next_attempt);
	tcase_add_test(tc, test_an_answer_clears_the_failures_and_a_body_taken_keeps_its_validators);
	tcase_add_test(tc, test_a_304_succeeds_with_the_validators_it_had);
	tcase_add_test(tc, test_the_next_try_is_said_only_while_it_is_ahead);
	suite_add_tcase(s, tc);
	return s;
}
