/*
 * Text layer: numbers in any language (private). Implemented in
 * src/numbers.c (text-layer module), used by facts and align.
 */
#ifndef STORY_NUMBERS_H
#define STORY_NUMBERS_H

#include "internal.h"

/* One number mention in a text. */
typedef struct story_number {
    size_t start, end; /* [start, end) bytes into the scanned text,
                          covering qualifier, digits/words, scale, unit */
    size_t num_start, num_end; /* the numeral itself */
    double value;      /* with scale applied: "1,5 Mio." -> 1500000 */
    double value_hi;   /* range upper bound ("15-20"), == value otherwise */
    int is_range;
    int is_percent;
    int is_year;       /* bare 4-digit 1000-2100 with no unit or scale */
    int is_ordinal;    /* "5th", "5.", "5-й" … */
    int spelled;       /* from number words ("thirty", "тридцяти") */
    char qualifier[16]; /* "at_least", "about", "more_than", "less_than",
                           "up_to", "nearly" or "" */
    char unit[24];      /* "percent", "USD", "EUR", "km", "kg" … or "" */
    int is_fraction;    /* "a fifth", "zwei Drittel", 五分之一, "four in
                           ten": value is the fraction (0.2, 0.4) */
    char dimension[12]; /* measurement units only: "length", "mass",
                           "area", "volume", "speed", "temperature",
                           "duration", or "" (counts, money, percent) */
    double si_value;    /* value in the dimension's base unit (m, kg, m²,
                           l, km/h, °C, days), == value when no dimension;
                           see story__unit_si() */
    double si_value_hi; /* the same for value_hi */
} story_number;

/* Conversion of a language-neutral unit id (story_number.unit: "km",
 * "mi", "ft", "°F", "month" …) to its dimension's base unit: base =
 * value * *scale + *offset (offset only for °F -> °C). *dimension
 * receives a static string ("length", "mass", "area", "volume",
 * "speed", "temperature", "duration"). Factors: the international yard
 * and pound (1959), °F = (x - 32) * 5/9, durations in days with the mean
 * Gregorian year (365.2425 d) and month (a twelfth of it). Returns 1, or
 * 0 (outputs untouched) when the unit is no measurement unit (currency,
 * percent, "times", "" …). No allocation, no errors. */
int story__unit_si(const char *unit, const char **dimension, double *scale,
                   double *offset);

/* Find every number in text[start, end) (bytes; text is the article's
 * UTF-8) read with the conventions of `lang` (BCP 47): digits of every
 * script, locale group/decimal separators with a full parse-position check,
 * spelled-out numbers (ICU RBNF spellout, lenient, only for tokens listed
 * in the pack's number_words, plus inflected forms listed there), scale
 * words, ranges, percentages, currencies and units, qualifiers. Pack words
 * are matched NFKC case-folded and, for Arabic and Devanagari, through a
 * second fold applied to text and pack alike: Arabic harakat and tatweel
 * removed (ألفاً = ألفا), Devanagari nukta removed, candrabindu and a
 * class nasal + virama read as anusvara (पाँच = पांच, पन्द्रह = पंद्रह).
 * Appends story_number elements to `out` (a story_vec of story_number;
 * zero-initialised or initialised for story_number, else STORY_EINVAL);
 * offsets are absolute into `text`. Returns 0 or a negative status.
 * Not reported as numbers: clock times (14:30, 6 pm, 9 Uhr — see
 * story__dates_scan), ISO dates, numerals valid in neither separator
 * convention (1.2.3, 05.03.2025), a lone spelled "one"/"first" (articles
 * and pronouns: ein, un, один), zh/ja numeral characters inside words
 * (十分, 一些) or before a month/hour suffix (12月), keycap emoji (1️⃣,
 * digit + U+FE0F + U+20E3, UTS #51). Rules and sources:
 * docs/numbers-dates-names.md. */
int story__numbers_scan(story_ctx *ctx, const char *lang, const char *text,
                        size_t start, size_t end, story_vec *out,
                        story_error *err);

/* Append-free helper shared with src/dates.c: b := the NFKC case-folded
 * match key of s[0, n) exactly as story__normalize_key_buf() computes it
 * (ICU unorm2_getNFKCCasefoldInstance), with a fast path for code points
 * that NFKC_Casefold maps by simple case folding. 0, or -1 when out of
 * memory. */
int story__fold_word(story_buf *b, const char *s, size_t n);

/* Token scanning shared by the numbers and dates scanners: byte offset
 * of the end of the word starting at byte i of t[0, end) (letters,
 * combining marks, inner apostrophes, a dot between single letters as in
 * "p.m."); returns i when no word starts there. A CJK letter (Han,
 * Hiragana, Katakana) is a word of one code point. */
size_t story__word_end(const char *t, size_t end, size_t i);

#endif
