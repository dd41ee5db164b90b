/* datetime.h: dates and times as IRCC and news sites write them. */
#ifndef EEDRAWS_DATETIME_H
#define EEDRAWS_DATETIME_H

/* "2024-05-01" -> same.  "01-05-2024" (DD-MM-YYYY) -> "2024-05-01" with
 * *swapped set to 1.  Returns 0, or -1 if s is neither or not a real date. */
int date_parse_iso(const char *s, char out[11], int *swapped);

/* "April 15, 2026" and variants -> "2026-04-15"; also French: "15 avril
 * 2026", "1er mars 2025", "3 août 2026" (no-break spaces too); 0 or -1. */
int date_parse_long(const char *s, char out[11]);

/* IRCC's free-text timestamps (drawDateTime, drawCutOff) to UTC
 * "YYYY-MM-DDTHH:MM:SSZ".  Accepts every variant in the real feed:
 * "April 15, 2026 at 10:43:11 UTC", "August 30. 2023 at 17:30:21 UTC",
 * "July 3rd 2026 at ...", "... at 04:22:17 AM UTC", "... at 2025-01-23
 * 15:30:04 UTC", a missing "UTC", and a missing year ("October 7 at ..."),
 * which is taken from ref_date (YYYY-MM-DD, the draw's date): the latest
 * such date not after it.  French too, from IRCC's French feed: "15 avril
 * 2026 à 10:43:11 UTC", "1er mars 2025 à 10 h 43 min 11 s UTC".  Returns
 * 0, or -1 (out untouched) when s cannot be read. */
int datetime_parse_ircc(const char *s, const char *ref_date, char out[21]);

/* Days since 1970-01-01 of a proleptic Gregorian date; valid dates only. */
long days_from_civil(int y, int m, int d);
int date_valid(int y, int m, int d);

#endif
