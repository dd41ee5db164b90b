/* fuzz.h: one entry point per parser of outside bytes, for libFuzzer
 * (tests/fuzz/libfuzzer.c, "make fuzz") and for the suite that replays the
 * inputs fuzzing once crashed on (test_fuzz.c).
 *
 * Each takes any bytes, never fails on them and frees all it made: a
 * crash, a sanitizer report or a leak is the bug. */
#ifndef EEDRAWS_FUZZ_H
#define EEDRAWS_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int fuzz_ircc(const uint8_t *data, size_t len);		/* IRCC's JSON feed */
int fuzz_article_html(const uint8_t *data, size_t len);	/* a news page as HTML */
int fuzz_article_text(const uint8_t *data, size_t len);	/* ... as text */
int fuzz_feed(const uint8_t *data, size_t len);		/* RSS and Atom */
int fuzz_config(const uint8_t *data, size_t len);	/* the INI file */
int fuzz_datetime(const uint8_t *data, size_t len);	/* dates and times */
int fuzz_robots(const uint8_t *data, size_t len);	/* robots.txt */
int fuzz_body(const uint8_t *data, size_t len);		/* any body, kind sniffed */

struct fuzz_target {
	const char *name;	/* its corpus: tests/data/fuzz/NAME/ */
	int (*run)(const uint8_t *data, size_t len);
};
extern const struct fuzz_target fuzz_targets[];	/* ends with { NULL, NULL } */

#endif
