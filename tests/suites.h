/* suites.h: every test suite, one line each: SUITE(name) declares and runs
 * Suite *name_suite(void), defined in tests/test_name.c.  Run one alone with
 * CK_RUN_SUITE=name. */
SUITE(ircc)
SUITE(datetime)
SUITE(store)
SUITE(config)
SUITE(cli)
SUITE(fetch)
SUITE(update)
SUITE(article)
SUITE(feed)
SUITE(observe)
SUITE(reparse)
SUITE(notify)
SUITE(durability)
SUITE(robots)
SUITE(fuzz)
SUITE(report)
