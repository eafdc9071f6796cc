/*
 * Text layer: date and time mentions (private). Implemented in
 * src/dates.c (text-layer module), used by facts and align.
 */
#ifndef STORY_DATES_H
#define STORY_DATES_H

#include "internal.h"

typedef struct story_date {
    size_t start, end;  /* [start, end) bytes into the scanned text */
    char iso[32];       /* "2025-03-05", "2025-03", "2025", resolved
                           relative dates too; "" when unresolved;
                           "--03-05" (ISO 8601 day and month without a
                           year, when no publication date is known),
                           "2025-W09" (ISO week: last/this/next week) */
    char relative[24];  /* "monday".."sunday", "yesterday", "today",
                           "tomorrow", "overnight", "last_week",
                           "next_week", … or "" for absolute dates;
                           "--06" for a month alone ("in June": ISO 8601
                           month without year, never resolved) */
    int has_time;       /* a clock time was part of the mention */
    char time[8];       /* "14:30" or "" */
    char readings[2][12]; /* an ambiguous slash date (en/zh/ja "8/3/2025",
                           both numbers <= 12 and different): [0] the
                           day-first reading "2025-03-08", [1] the
                           month-first one "2025-08-03"; iso then holds
                           the year only. "" otherwise */
    int slash_order;    /* a slash date whose order one number fixes in
                           such a pack: 1 day first ("25/12/2025"), 2
                           month first ("12/25/2025"); 0 otherwise */
} story_date;

/* Find date/time mentions in text[start, end) for `lang`. `published` is
 * the article's ISO 8601 publication date or NULL: weekday and relative
 * mentions are resolved against it (iso filled), else left relative.
 * Appends story_date elements to `out` (story_vec of story_date). Dates
 * are anchored on month names (checked with the pack's ICU udat patterns),
 * ISO and numeric d.m.y dates, CJK y年M月d日; weekdays resolve to the
 * latest such day on or before `published` ("next …" forward). Rules:
 * docs/numbers-dates-names.md. */
int story__dates_scan(story_ctx *ctx, const char *lang, const char *text,
                      size_t start, size_t end, const char *published,
                      story_vec *out, story_error *err);

/* Days since 1970-01-01 of the proleptic Gregorian date y-m-d (m 1..12,
 * d 1..31; negative before 1970). Pure arithmetic, no error return.
 * Source: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms",
 * days_from_civil. */
long story__days_from_civil(long y, int m, int d);

#endif
