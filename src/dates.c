/*
 * Text layer: date and time mentions (see src/dates.h and
 * docs/numbers-dates-names.md).
 *
 * Method. One pass over the text; a mention is anchored on
 *  - a month name of the pack ("months": nominative, genitive and
 *    abbreviated forms from CLDR via ICU's DateFormatSymbols, folded), with
 *    a day number before or after it and a year after it; the candidate
 *    span is parsed with the pack's ICU date patterns ("date_patterns",
 *    udat_parse with a parse position, full consumption required) and,
 *    when no pattern consumes it, read from the parts found;
 *  - ISO 8601 dates (2025-03-05), numeric day.month.year dates
 *    (12.05.2025 in every language; with slashes day first in the packs
 *    with numeric_dmy, elsewhere only when a number above 12 fixes the
 *    order), CJK y年M月d日;
 *  - weekday names and relative phrases of the pack ("weekdays",
 *    "relative_dates", optional "weekday_prefixes" such as "am", "on"),
 *    resolved against the publication date when known: a weekday is the
 *    latest such day on or before publication (news report past events),
 *    "next …" the first after it;
 *  - clock times (14:30, 2:30 pm, 14.30 Uhr) attached to the preceding
 *    mention when adjacent, else their own mention.
 * Day arithmetic: days_from_civil / civil_from_days (H. Hinnant,
 * "chrono-Compatible Low-Level Date Algorithms").
 */
#include "internal.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <unicode/ucal.h>
#include <unicode/uchar.h>
#include <unicode/udat.h>
#include <unicode/unum.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>

#include "dates.h"
#include "locale.h"
#include "normalize.h"
#include "numbers.h"

#define MAX_LANGS 48
#define MAX_PATTERNS 8

typedef struct datelang {
    char lang[16];
    const story_langpack *lp;
    /* folded first words of every month, weekday and relative phrase
     * (CJK: first code point); a story_strmap since session 13 (a jansson
     * object lookup per word was 1 % of facts-speed CPU) */
    story_strmap starters;
    /* bloom filter of the starters' first code points (and of the Latin
     * look-alikes of Cyrillic ones, see cyr_lookalikes): a word whose
     * key's first code point (story__key_first_cp) is not in it is no
     * starter, and is skipped without folding it (session 21,
     * 2026-12-02: folding every word was a third of the date scan);
     * sfirst_bad: a starter without a first code point, no filtering */
    uint64_t sfirst[8];
    int sfirst_bad;
    UDateFormat *fmt[MAX_PATTERNS];
    int nfmt;
    /* icu_parse: per fmt, what its pattern holds (FMT_* bits, 0 = not
     * read yet), and one Gregorian UTC calendar, opened on first use and
     * cleared before each parse (it was opened and closed per pattern
     * and attempt: 1 % of facts-speed CPU, session 13) */
    unsigned char fmt_fields[MAX_PATTERNS];
    UCalendar *cal;
    int numeric_dmy; /* 05.03.2025 is day.month.year */
    int comma_decimal; /* the decimal separator is ',' (ICU, pack) */
    /* a language without a pack: {"months": {folded name: 1..12},
     * "weekdays": {folded name: English weekday}} from ICU's CLDR date
     * symbols, see icu_date_names() */
    json_t *icu;
} datelang;

typedef struct datemod {
    datelang *langs[MAX_LANGS];
    size_t n;
} datemod;

static void datemod_free(void *p)
{
    datemod *m = p;
    for (size_t i = 0; i < m->n; i++) {
        for (int k = 0; k < m->langs[i]->nfmt; k++)
            udat_close(m->langs[i]->fmt[k]);
        if (m->langs[i]->cal)
            ucal_close(m->langs[i]->cal);
        story__strmap_free(&m->langs[i]->starters);
        json_decref(m->langs[i]->icu);
        free(m->langs[i]);
    }
    free(m);
}

/* ---- civil calendar ---------------------------------------------------- */

long story__days_from_civil(long y, int m, int d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long yy = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yy + (*m <= 2));
}

/* 0 = Monday … 6 = Sunday */
static int weekday_of(long days)
{
    long w = (days + 3) % 7; /* 1970-01-01 was a Thursday (3) */
    return (int)(w < 0 ? w + 7 : w);
}

static int days_in_month(int y, int m)
{
    static const int dm[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 29;
    return dm[m - 1];
}

static void iso_day(char *out, size_t n, long days)
{
    int y, m, d;
    civil_from_days(days, &y, &m, &d);
    snprintf(out, n, "%04d-%02d-%02d", y, m, d);
}

static void iso_week(char *out, size_t n, long days)
{
    /* ISO 8601 week: the week of the Thursday */
    int wd = weekday_of(days);
    long thu = days - wd + 3;
    int y, m, d;
    civil_from_days(thu, &y, &m, &d);
    long jan1 = story__days_from_civil(y, 1, 1);
    int week = (int)((thu - jan1) / 7) + 1;
    snprintf(out, n, "%04d-W%02d", y, week);
}

/* Publication day from an ISO 8601 string ("2025-03-05…"); -1 if none. */
static int parse_published(const char *p, long *days)
{
    if (!p || strlen(p) < 10)
        return -1;
    for (int k = 0; k < 10; k++) {
        if (k == 4 || k == 7) {
            if (p[k] != '-')
                return -1;
        } else if (!isdigit((unsigned char)p[k])) {
            return -1;
        }
    }
    int y = atoi(p), m = atoi(p + 5), d = atoi(p + 8);
    if (m < 1 || m > 12 || d < 1 || d > days_in_month(y, m))
        return -1;
    *days = story__days_from_civil(y, m, d);
    return 0;
}

/* ---- text helpers ------------------------------------------------------ */

/* Fold cache of one scan, by position and length (the text does not
 * change during a scan): a word is folded once for the starter check and
 * the lookups of several fields that follow. */
#define DFOLD_SLOTS 32
#define DFOLD_MAX 48
typedef struct dfold_slot {
    const char *p;
    size_t n;
    char f[DFOLD_MAX]; /* folded, NUL-terminated */
} dfold_slot;

typedef struct dscan {
    story_ctx *ctx;
    datelang *dl;
    const char *t;
    size_t start, end;
    story_buf key;
    dfold_slot folds[DFOLD_SLOTS];
    int have_pub;
    long pub;
} dscan;

static int32_t cp_at(dscan *s, size_t i, size_t *next)
{
    unsigned char b = (unsigned char)s->t[i];
    if (b < 0x80) { /* ASCII: what story__utf8_next gives */
        if (next)
            *next = i + 1;
        return b;
    }
    size_t j = i;
    int32_t c = story__utf8_next(s->t, s->end, &j);
    if (next)
        *next = j;
    return c;
}

static size_t prev_pos(dscan *s, size_t i)
{
    if (i <= s->start)
        return s->start;
    i--;
    while (i > s->start && ((unsigned char)s->t[i] & 0xC0) == 0x80)
        i--;
    return i;
}

static int is_space_cp(int32_t c)
{
    return c == ' ' || c == 0xA0 || c == 0x202F || c == 0x2009 ||
           c == '\t' || c == 0x3000;
}

static int is_cjk_cp(int32_t c)
{
    UErrorCode e = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(c, &e);
    return sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA ||
           sc == USCRIPT_KATAKANA;
}

static int is_word_cp(int32_t c)
{
    if (c < 0)
        return 0;
    if (u_isalpha(c))
        return 1;
    int8_t t = u_charType(c);
    /* a soft hyphen or zero-width (non-)joiner inside a word ("Mon\u00ADday",
     * German sites' &shy;) is part of it; keys drop it (normalize.c
     * key_drops; session 15, fresh-user 15 M19) */
    return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK ||
           c == 0xAD || c == 0x200C || c == 0x200D;
}

static size_t skip_spaces(dscan *s, size_t i)
{
    while (i < s->end) {
        size_t n;
        if (!is_space_cp(cp_at(s, i, &n)))
            break;
        i = n;
    }
    return i;
}

static size_t word_end(dscan *s, size_t i)
{
    return story__word_end(s->t, s->end, i);
}

/* In a folded word holding Cyrillic letters (lead bytes D0 D1), the
 * ASCII look-alikes a c e i o p x y become the Cyrillic а с е і о р х у
 * (Latin-Cyrillic pairs of UTS #39 confusables.txt): uk typed with a
 * Latin i, "15 сiчня", is a date (session 19, fresh-user 18 M32; the same
 * fold as numbers.c's match fold). The pack words hold no Latin letter. */
static void cyr_lookalikes(story_buf *b)
{
    static const char from[] = "aceiopxy";
    static const char *const to[] = {"\xD0\xB0", "\xD1\x81", "\xD0\xB5",
                                     "\xD1\x96", "\xD0\xBE", "\xD1\x80",
                                     "\xD1\x85", "\xD1\x83"};
    /* most words have no Cyrillic letter (lead byte D0/D1): one cheap
     * pass decides, before the look-alike letters are searched */
    if (!memchr(b->data, 0xD0, b->len) && !memchr(b->data, 0xD1, b->len))
        return;
    int lat = 0;
    for (size_t i = 0; i < b->len && !lat; i++) {
        unsigned char c = (unsigned char)b->data[i];
        lat = c && c < 0x80 && strchr(from, c) != NULL;
    }
    char tmp[DFOLD_MAX * 2];
    if (!lat || b->len * 2 >= sizeof tmp)
        return;
    size_t o = 0;
    for (size_t i = 0; i < b->len; i++) {
        const char *f = b->data[i] ? strchr(from, b->data[i]) : NULL;
        if (f) {
            memcpy(tmp + o, to[f - from], 2);
            o += 2;
        } else {
            tmp[o++] = b->data[i];
        }
    }
    b->len = 0;
    b->data[0] = '\0';
    story_buf_append(b, tmp, o);
}

static unsigned sfirst_bit(int32_t c)
{
    return ((uint32_t)c * 2654435761u) >> 23; /* 9 bits */
}

/* Add the first code point of starter k[0, n) to dl->sfirst, with the
 * Latin look-alike of a Cyrillic one (cyr_lookalikes reads a Latin a in
 * a Cyrillic word as а) */
static void sfirst_add(datelang *dl, const char *k, size_t n)
{
    static const char from[] = "aceiopxy";
    static const int32_t to[] = {0x0430, 0x0441, 0x0435, 0x0456,
                                 0x043E, 0x0440, 0x0445, 0x0443};
    size_t j = 0;
    int32_t c = n ? story__utf8_next(k, n, &j) : -1;
    if (c < 0) {
        dl->sfirst_bad = 1;
        return;
    }
    unsigned b = sfirst_bit(c);
    dl->sfirst[b >> 6] |= (uint64_t)1 << (b & 63);
    for (int i = 0; i < 8; i++)
        if (to[i] == c) {
            b = sfirst_bit(from[i]);
            dl->sfirst[b >> 6] |= (uint64_t)1 << (b & 63);
        }
}

/* May the word at byte i be a starter (see datelang.sfirst)? */
static int sfirst_may(dscan *s, size_t i)
{
    if (s->dl->sfirst_bad || story__key_filter_off())
        return 1;
    int32_t c = story__key_first_cp(s->t, s->end, i);
    if (c < 0)
        return 1;
    unsigned b = sfirst_bit(c);
    return (int)((s->dl->sfirst[b >> 6] >> (b & 63)) & 1);
}

/* Folded [p, p + n), or NULL when folding fails. */
static const char *fold_at(dscan *s, const char *p, size_t n)
{
    uintptr_t h = (uintptr_t)p * 7u + n;
    dfold_slot *fs = &s->folds[(h ^ (h >> 6)) & (DFOLD_SLOTS - 1)];
    if (fs->p == p && fs->n == n)
        return fs->f;
    s->key.len = 0;
    if (s->key.data)
        s->key.data[0] = '\0';
    if (story__fold_word(&s->key, p, n) || !s->key.data)
        return NULL;
    cyr_lookalikes(&s->key);
    if (s->key.oom)
        return NULL;
    if (s->key.len < DFOLD_MAX) {
        fs->p = p;
        fs->n = n;
        memcpy(fs->f, s->key.data, s->key.len + 1);
    }
    return s->key.data;
}

static json_t *lookup(dscan *s, const char *field, const char *p, size_t n)
{
    const char *k = n ? fold_at(s, p, n) : NULL;
    json_t *v = k ? story_langpack_lookup(s->dl->lp, field, k) : NULL;
    if (!v && k && s->dl->icu)
        v = json_object_get(json_object_get(s->dl->icu, field), k);
    return v;
}

/* Does the relative phrase ending at me end a clock time's part of the
 * day, a phrase of the pack's clock_after (es "de la mañana", it "del
 * mattino") right after an hour number (a digit or a number word): "a
 * las 9 de la mañana" is 9 in the morning, not tomorrow? */
static int clock_part_of_day(dscan *s, size_t me)
{
    json_t *ca = story_langpack_field(s->dl->lp, "clock_after"), *e;
    size_t k;
    if (!json_is_array(ca))
        return 0;
    json_array_foreach(ca, k, e) {
        const char *x = json_string_value(e);
        size_t xl = x ? strlen(x) : 0;
        if (!xl || me < s->start + xl + 2)
            continue;
        size_t p = me - xl;
        const char *f = fold_at(s, s->t + p, xl);
        if (!f || strcmp(f, x) != 0)
            continue;
        size_t q = prev_pos(s, p);
        if (!is_space_cp(cp_at(s, q, NULL)))
            continue;
        while (q > s->start && is_space_cp(cp_at(s, q, NULL)))
            q = prev_pos(s, q);
        int32_t c = cp_at(s, q, NULL);
        if (c >= 0 && u_isdigit(c))
            return 1;
        size_t we = q + (size_t)U8_LENGTH(c), ws = q;
        while (ws > s->start && is_word_cp(cp_at(s, prev_pos(s, ws), NULL)))
            ws = prev_pos(s, ws);
        if (is_word_cp(c) && lookup(s, "number_words", s->t + ws, we - ws))
            return 1;
    }
    return 0;
}

/* Longest phrase of 1..maxw words at i in `field` (trailing "." tried
 * first); CJK: code points as words. */
static json_t *match_at(dscan *s, size_t i, const char *field, int maxw,
                        size_t *endp)
{
    size_t ends[6];
    int nw = 0;
    size_t q = i;
    for (int w = 0; w < maxw && w < 6; w++) {
        size_t we = word_end(s, q);
        if (we == q)
            break;
        ends[nw++] = we;
        if (we >= s->end)
            break;
        size_t n;
        int32_t c = cp_at(s, we, &n);
        if (is_cjk_cp(c)) {
            q = we;
            continue;
        }
        if (c == '-' && n < s->end && is_word_cp(cp_at(s, n, NULL)) &&
            !is_cjk_cp(cp_at(s, n, NULL))) {
            q = n; /* a hyphenated name: pt "terça-feira" */
            continue;
        }
        if (c != ' ' && c != 0xA0)
            break;
        q = n;
    }
    for (int w = nw - 1; w >= 0; w--) {
        size_t we = ends[w];
        json_t *v;
        if (we < s->end && s->t[we] == '.' &&
            (v = lookup(s, field, s->t + i, we + 1 - i))) {
            *endp = we + 1;
            return v;
        }
        if ((v = lookup(s, field, s->t + i, we - i))) {
            *endp = we;
            return v;
        }
    }
    return NULL;
}

/* ASCII or other-script decimal digits at i: value, count, end. */
static int read_int(dscan *s, size_t i, int maxd, long *v, size_t *endp)
{
    int nd = 0;
    long x = 0;
    size_t n;
    while (i < s->end && nd <= maxd) {
        int32_t c = cp_at(s, i, &n);
        if (c < 0 || !u_isdigit(c))
            break;
        x = x * 10 + u_charDigitValue(c);
        nd++;
        i = n;
    }
    if (nd == 0 || nd > maxd)
        return 0;
    *v = x;
    *endp = i;
    return nd;
}

/* Is i a digit-group separator (, . ' ’, a plain, no-break or thin space)
 * followed by exactly 3 digits? Then the digits before i open a grouped
 * number, never a day: "In March 2,500 people", de "im November 1.910
 * Menschen" (were March 2 and November 1 with the count lost; session 15,
 * fresh-user 15 H9). */
static int group_follows(dscan *s, size_t i)
{
    size_t n, e;
    int32_t c = i < s->end ? cp_at(s, i, &n) : -1;
    if (c != ',' && c != '.' && c != '\'' && c != 0x2019 && c != ' ' &&
        c != 0xA0 && c != 0x202F && c != 0x2009)
        return 0;
    long v;
    return read_int(s, n, 3, &v, &e) == 3;
}

/* ---- language setup ---------------------------------------------------- */

/* Adds CLDR name u[0, n), folded, to obj with value val (consumed);
 * a trailing abbreviation dot is dropped ("mrt." -> "mrt"; match_at
 * tries the word with and without its dot). Names of fewer than three
 * letters are skipped (too ambiguous as words). */
static void icu_add_date_name(json_t *obj, const UChar *u, int32_t n,
                              json_t *val)
{
    char utf8[96];
    UErrorCode e = U_ZERO_ERROR;
    int32_t len = 0;
    story_buf key = {0};
    u_strToUTF8(utf8, sizeof utf8, &len, u, n, &e);
    if (!U_FAILURE(e) && len > 0 && (size_t)len < sizeof utf8) {
        if (utf8[len - 1] == '.')
            len--;
        size_t letters = 0;
        for (size_t q = 0; q < (size_t)len;) {
            int32_t c = story__utf8_next(utf8, (size_t)len, &q);
            letters += c >= 0 && u_isalpha(c);
        }
        if (letters >= 3 && story__fold_word(&key, utf8, (size_t)len) == 0 &&
            key.data && !json_object_get(obj, key.data))
            json_object_set(obj, key.data, val);
    }
    story_buf_free(&key);
    json_decref(val);
}

/* For a language without a language pack (no "months"): month and
 * weekday names from ICU's date format symbols (CLDR; udat_getSymbols:
 * format and stand-alone, wide and abbreviated forms), so Dutch
 * "12 mei 2025" is a date and not the number 12. Returns NULL when ICU
 * has no formatter for loc. */
static json_t *icu_date_names(const char *loc)
{
    UErrorCode e = U_ZERO_ERROR;
    UDateFormat *f = udat_open(UDAT_DEFAULT, UDAT_DEFAULT, loc, u"UTC", -1,
                               NULL, 0, &e);
    if (U_FAILURE(e) || !f) {
        if (f)
            udat_close(f);
        return NULL;
    }
    json_t *all = json_object(), *months = json_object(),
           *days = json_object();
    static const UDateFormatSymbolType mt[] = {
        UDAT_MONTHS, UDAT_STANDALONE_MONTHS, UDAT_SHORT_MONTHS,
        UDAT_STANDALONE_SHORT_MONTHS};
    /* weekdays: the wide forms only; abbreviations are common words
     * (pt "ter." is the verb "ter", "sex."; sv "ons" is nl "us") */
    static const UDateFormatSymbolType dt[] = {UDAT_WEEKDAYS,
                                               UDAT_STANDALONE_WEEKDAYS};
    /* UCAL_SUNDAY = 1 … UCAL_SATURDAY = 7 */
    static const char *const en[] = {"", "sunday", "monday", "tuesday",
                                     "wednesday", "thursday", "friday",
                                     "saturday"};
    UChar b[64];
    for (size_t t = 0; all && months && days && t < sizeof mt / sizeof *mt;
         t++)
        for (int32_t i = 0; i < 12; i++) {
            e = U_ZERO_ERROR;
            int32_t n = udat_getSymbols(f, mt[t], i, b, 64, &e);
            if (!U_FAILURE(e) && n > 0 && n < 64)
                icu_add_date_name(months, b, n, json_integer(i + 1));
        }
    for (size_t t = 0; all && months && days && t < sizeof dt / sizeof *dt;
         t++)
        for (int32_t i = UCAL_SUNDAY; i <= UCAL_SATURDAY; i++) {
            e = U_ZERO_ERROR;
            int32_t n = udat_getSymbols(f, dt[t], i, b, 64, &e);
            if (!U_FAILURE(e) && n > 0 && n < 64)
                icu_add_date_name(days, b, n, json_string(en[i]));
        }
    udat_close(f);
    /* linking words: the short quoted literals of the long and full date
     * patterns (pt/es "d 'de' MMMM 'de' y", da "EEEE 'den' d. MMMM y") */
    json_t *links = json_object();
    static const UDateFormatStyle st[] = {UDAT_LONG, UDAT_FULL};
    for (size_t k = 0; links && k < sizeof st / sizeof *st; k++) {
        e = U_ZERO_ERROR;
        f = udat_open(UDAT_NONE, st[k], loc, u"UTC", -1, NULL, 0, &e);
        int32_t n = U_FAILURE(e) ? 0 : udat_toPattern(f, 0, b, 64, &e);
        if (f)
            udat_close(f);
        if (U_FAILURE(e) || n >= 64)
            n = 0;
        for (int32_t i = 0, q0 = -1, w0 = -1; i < n; i++) {
            if (b[i] == '\'') {
                q0 = q0 < 0 ? i + 1 : -1;
                continue;
            }
            int alpha = q0 >= 0 && u_isalpha(b[i]);
            if (alpha && w0 < 0)
                w0 = i;
            if (w0 >= 0 && (!alpha || i + 1 == n || b[i + 1] == '\'')) {
                int32_t we = alpha ? i + 1 : i;
                char w8[16];
                int32_t wl = 0;
                UErrorCode e2 = U_ZERO_ERROR;
                story_buf key = {0};
                if (we - w0 >= 2 && we - w0 <= 3)
                    u_strToUTF8(w8, sizeof w8, &wl, b + w0, we - w0, &e2);
                if (wl > 0 && !U_FAILURE(e2) &&
                    story__fold_word(&key, w8, (size_t)wl) == 0 && key.data)
                    json_object_set(links, key.data, json_true());
                story_buf_free(&key);
                w0 = -1;
            }
        }
    }
    if (!all || !months || !days || !links ||
        json_object_set(all, "months", months) ||
        json_object_set(all, "weekdays", days) ||
        json_object_set(all, "date_links", links)) {
        json_decref(all);
        all = NULL;
    }
    json_decref(months);
    json_decref(days);
    json_decref(links);
    return all;
}

static int get_lang(datelang **out, story_ctx *ctx, datemod *m,
                    const char *lang, story_error *err)
{
    char key[16];
    snprintf(key, sizeof key, "%s", lang && *lang ? lang : "root");
    for (size_t i = 0; i < m->n; i++)
        if (strcmp(m->langs[i]->lang, key) == 0) {
            *out = m->langs[i];
            return 0;
        }
    if (m->n == MAX_LANGS)
        return story__error(err, STORY_EINVAL, lang, -1,
                            "too many languages in one context (max %d)",
                            MAX_LANGS);
    datelang *dl = story__calloc(1, sizeof *dl);
    if (!dl)
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    snprintf(dl->lang, sizeof dl->lang, "%s", key);
    int rc = story_langpack_get(&dl->lp, ctx, key, err);
    if (rc) {
        free(dl);
        return rc;
    }
    char loc[32];
    snprintf(loc, sizeof loc, "%s", strcmp(key, "root") ? key : "en");
    for (char *p = loc; *p; p++)
        if (*p == '-')
            *p = '_';
    /* first words of the phrases, to skip most words at once */
    static const char *const fields[] = {"months", "weekdays",
                                         "weekday_prefixes",
                                         "relative_dates"};
    if (strcmp(key, "root") != 0 && !story_langpack_field(dl->lp, "months"))
        dl->icu = icu_date_names(loc);
    story_buf fk = {0};
    for (size_t f = 0; f < 2 * (sizeof fields / sizeof fields[0]); f++) {
        size_t fi = f % (sizeof fields / sizeof fields[0]);
        json_t *obj = f == fi ? story_langpack_field(dl->lp, fields[fi])
                              : json_object_get(dl->icu, fields[fi]);
        const char *wk;
        json_t *wv;
        size_t ai;
        json_t *av;
        if (json_is_object(obj)) {
            json_object_foreach(obj, wk, wv) {
                size_t fl = strcspn(wk, " -");
                size_t j = 0;
                int32_t c0 = story__utf8_next(wk, fl, &j);
                if (c0 >= 0 && is_cjk_cp(c0))
                    fl = j;
                if (story__fold_word(&fk, wk, fl) == 0 && fk.data) {
                    (void)story__strmap_put(&dl->starters, fk.data,
                                            strlen(fk.data), "", 0);
                    sfirst_add(dl, fk.data, strlen(fk.data));
                } else {
                    dl->sfirst_bad = 1;
                }
            }
        } else if (json_is_array(obj)) {
            json_array_foreach(obj, ai, av) {
                const char *w = json_string_value(av);
                if (!w)
                    continue;
                size_t fl = strcspn(w, " -");
                if (story__fold_word(&fk, w, fl) == 0 && fk.data) {
                    (void)story__strmap_put(&dl->starters, fk.data,
                                            strlen(fk.data), "", 0);
                    sfirst_add(dl, fk.data, strlen(fk.data));
                } else {
                    dl->sfirst_bad = 1;
                }
            }
        }
    }
    story_buf_free(&fk);
    json_t *pats = story_langpack_field(dl->lp, "date_patterns");
    size_t k;
    json_t *pv;
    json_array_foreach(pats, k, pv) {
        if (dl->nfmt == MAX_PATTERNS || !json_is_string(pv))
            break;
        UChar up[64];
        UErrorCode e = U_ZERO_ERROR;
        int32_t ul = 0;
        u_strFromUTF8(up, 64, &ul, json_string_value(pv), -1, &e);
        if (U_FAILURE(e))
            continue;
        UDateFormat *f = udat_open(UDAT_PATTERN, UDAT_PATTERN, loc, u"UTC",
                                   -1, up, ul, &e);
        if (U_FAILURE(e)) {
            if (f)
                udat_close(f);
            continue;
        }
        udat_setLenient(f, 0);
        dl->fmt[dl->nfmt++] = f;
    }
    dl->numeric_dmy = strncmp(key, "en", 2) != 0 &&
                      strncmp(key, "zh", 2) != 0 &&
                      strncmp(key, "ja", 2) != 0 &&
                      strcmp(key, "root") != 0;
    {
        /* the decimal separator: ICU's number symbols for the locale,
         * overridden by the pack's "decimal" (as in numbers.c) */
        UErrorCode e = U_ZERO_ERROR;
        UNumberFormat *nf = unum_open(UNUM_DECIMAL, NULL, 0, loc, NULL, &e);
        UChar sym[4];
        int32_t n = 0;
        if (!U_FAILURE(e) && nf)
            n = unum_getSymbol(nf, UNUM_DECIMAL_SEPARATOR_SYMBOL, sym, 4, &e);
        if (nf)
            unum_close(nf);
        dl->comma_decimal = !U_FAILURE(e) && n == 1 && sym[0] == ',';
        json_t *v = story_langpack_field(dl->lp, "decimal");
        if (v && json_is_string(v))
            dl->comma_decimal = json_string_value(v)[0] == ',';
    }
    m->langs[m->n++] = dl;
    *out = dl;
    return 0;
}

/* Parse [a, b) with the pack's ICU patterns; full consumption. Fields
 * present in the pattern are returned (y/m/d = 0 when absent). */
enum {
    FMT_READ = 1, /* fmt_fields known */
    FMT_Y = 2,    /* the pattern has a year, */
    FMT_M = 4,    /* a month (M or L), */
    FMT_D = 8,    /* a day */
    FMT_BAD = 16, /* its pattern could not be read: not tried */
    FMT_ZONE = 32 /* a time zone field (parsing one sets the calendar's
                   * zone): parsed with a calendar of its own */
};

/* FMT_* bits of dl->fmt[k]'s pattern (letters outside quotes). */
static unsigned fmt_fields(datelang *dl, int k)
{
    if (dl->fmt_fields[k])
        return dl->fmt_fields[k];
    UChar pat[64];
    UErrorCode e = U_ZERO_ERROR;
    int32_t pl = udat_toPattern(dl->fmt[k], 0, pat, 64, &e);
    unsigned f = FMT_READ;
    if (U_FAILURE(e)) {
        f |= FMT_BAD;
    } else {
        int q = 0;
        for (int i = 0; i < pl; i++) {
            if (pat[i] == '\'')
                q = !q;
            if (q)
                continue;
            if (pat[i] == 'y')
                f |= FMT_Y;
            if (pat[i] == 'M' || pat[i] == 'L')
                f |= FMT_M;
            if (pat[i] == 'd')
                f |= FMT_D;
            if (pat[i] == 'z' || pat[i] == 'Z' || pat[i] == 'v' ||
                pat[i] == 'V' || pat[i] == 'O' || pat[i] == 'X' ||
                pat[i] == 'x')
                f |= FMT_ZONE;
        }
    }
    dl->fmt_fields[k] = (unsigned char)f;
    return f;
}

static int icu_parse(dscan *s, size_t a, size_t b, int *y, int *m, int *d)
{
    if (b - a > 120)
        return 0;
    UChar u[128];
    int32_t ul = 0;
    UErrorCode e = U_ZERO_ERROR;
    u_strFromUTF8(u, 128, &ul, s->t + a, (int32_t)(b - a), &e);
    if (U_FAILURE(e))
        return 0;
    for (int i = 0; i < ul; i++)
        if (u[i] == 0xA0 || u[i] == 0x202F)
            u[i] = ' ';
    datelang *dl = s->dl;
    for (int k = 0; k < dl->nfmt; k++) {
        unsigned f = fmt_fields(dl, k);
        if (f & FMT_BAD)
            continue;
        UCalendar *own = NULL, *cal;
        e = U_ZERO_ERROR;
        if (f & FMT_ZONE) {
            cal = own = ucal_open(u"UTC", -1, "en", UCAL_GREGORIAN, &e);
        } else {
            if (!dl->cal)
                dl->cal = ucal_open(u"UTC", -1, "en", UCAL_GREGORIAN, &e);
            cal = dl->cal;
        }
        if (U_FAILURE(e) || !cal) {
            if (f & FMT_ZONE) {
                if (own)
                    ucal_close(own);
            } else if (dl->cal) {
                ucal_close(dl->cal);
                dl->cal = NULL;
            }
            return 0;
        }
        int32_t pos = 0;
        ucal_clear(cal);
        udat_parseCalendar(dl->fmt[k], cal, u, ul, &pos, &e);
        int ok = 0;
        if (!U_FAILURE(e) && pos == ul) {
            *y = f & FMT_Y ? ucal_get(cal, UCAL_YEAR, &e) : 0;
            *m = f & FMT_M ? ucal_get(cal, UCAL_MONTH, &e) + 1 : 0;
            *d = f & FMT_D ? ucal_get(cal, UCAL_DATE, &e) : 0;
            ok = !U_FAILURE(e);
        }
        if (own)
            ucal_close(own);
        if (ok)
            return 1;
    }
    return 0;
}

/* ---- mentions ---------------------------------------------------------- */

static int push(story_vec *out, story_date *d, story_error *err)
{
    if (!story_vec_push(out, d))
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    return 0;
}

static void fill_ymd(dscan *s, story_date *d, int y, int m, int day)
{
    if (m < 1 || m > 12)
        return;
    if (y == 0 && day && s->have_pub) {
        /* day + month without year: the publication year, or the one
         * before when that would put the date > 2 months after it */
        int py, pm, pd;
        civil_from_days(s->pub, &py, &pm, &pd);
        y = py;
        if (day <= days_in_month(y, m) &&
            story__days_from_civil(y, m, day) > s->pub + 62)
            y--;
    }
    if (y && day && day <= days_in_month(y, m))
        snprintf(d->iso, sizeof d->iso, "%04d-%02d-%02d", y, m, day);
    else if (y && !day)
        snprintf(d->iso, sizeof d->iso, "%04d-%02d", y, m);
    else if (!y && day)
        snprintf(d->iso, sizeof d->iso, "--%02d-%02d", m, day);
}

/* Is the month name [ms, me) (no day, no year) a date by itself, the
 * month? Only with a pack word before it ("month_prefixes": en "in",
 * "by", "since", "mid-"; de "im", "bis", "Anfang"; ru "в", "до"; up to
 * three words, or one word joined by a hyphen: "mid-June", "mi-juin") or
 * after it ("month_suffixes": hi "में", "तक"); never an abbreviation
 * (a name with a dot, or one that begins a longer name of the same month:
 * en "Jan", es "may", uk "лист"), never a name written against the
 * pack's "month_case" ("upper": en "may" is the modal, "lower": es
 * "Plaza de Mayo" is a name), never a possessive ("May's"). A name of
 * "month_ambiguous" (en "May", "March") needs a prefix that is not in
 * "month_prefixes_weak" ("by May" may be Theresa May). */
static int month_alone(dscan *s, size_t ms, size_t me, size_t floor)
{
    const story_langpack *lp = s->dl->lp;
    if (s->dl->icu || me <= ms || s->t[me - 1] == '.')
        return 0;
    json_t *months = story_langpack_field(lp, "months");
    const char *f0 = fold_at(s, s->t + ms, me - ms);
    if (!json_is_object(months) || !f0)
        return 0;
    char fm[DFOLD_MAX];
    snprintf(fm, sizeof fm, "%s", f0);
    size_t fl = strlen(fm);
    json_t *mv = json_object_get(months, fm);
    const char *mk;
    json_t *ov;
    if (!json_is_integer(mv))
        return 0;
    json_object_foreach(months, mk, ov) {
        if (json_equal(ov, mv) && strlen(mk) > fl && !strncmp(mk, fm, fl))
            return 0; /* an abbreviation of a longer name */
    }
    int32_t c0 = cp_at(s, ms, NULL);
    if (is_cjk_cp(c0)) {
        /* zh 三月 "March" alone ("在三月初", "去年九月"): no numeral
         * before it (十二月 read from 二) and no day after it (二月十日) */
        size_t n2 = me, pp = ms > floor ? prev_pos(s, ms) : ms;
        int32_t pc = pp < ms ? cp_at(s, pp, NULL) : -1;
        int32_t nc = me < s->end ? cp_at(s, me, &n2) : -1;
        if ((pc > 0 && (u_isdigit(pc) ||
                        lookup(s, "number_words", s->t + pp, ms - pp))) ||
            (nc > 0 && (u_isdigit(nc) || nc == 0x65E5 || nc == 0x53F7 ||
                        lookup(s, "number_words", s->t + me, n2 - me))))
            return 0;
        return 1;
    }
    const char *mc = json_string_value(story_langpack_field(lp, "month_case"));
    if (mc && !strcmp(mc, "upper") && !u_isupper(c0))
        return 0;
    if (mc && !strcmp(mc, "lower") && u_isupper(c0))
        return 0;
    if (me < s->end) {
        size_t n;
        int32_t c = cp_at(s, me, &n);
        if ((c == '\'' || c == 0x2019) && n < s->end &&
            is_word_cp(cp_at(s, n, NULL)))
            return 0; /* "May's" */
        if (c == '-' && n < s->end && is_word_cp(cp_at(s, n, NULL)))
            return 0; /* "June-born", "Mai-Kundgebung" */
    }
    /* a suffix after it (hi "जून में") */
    size_t p = skip_spaces(s, me), pe;
    if (p > me && p < s->end && match_at(s, p, "month_suffixes", 2, &pe) &&
        (pe >= s->end || !is_word_cp(cp_at(s, pe, NULL))))
        return 1;
    /* a prefix before it: back over spaces (or one hyphen: "mid-June") */
    size_t q = ms;
    size_t r = prev_pos(s, q);
    if (q <= floor)
        return 0;
    if (s->t[r] == '-')
        q = r;
    else {
        if (!is_space_cp(cp_at(s, r, NULL)))
            return 0;
        while (q > floor && is_space_cp(cp_at(s, prev_pos(s, q), NULL)))
            q = prev_pos(s, q);
    }
    size_t pend = q; /* end of the word before the month */
    if (pend <= floor || !is_word_cp(cp_at(s, prev_pos(s, pend), NULL)))
        return 0;
    int ambiguous =
        story_langpack_lookup(lp, "month_ambiguous", fm) != NULL;
    size_t ws = pend;
    for (int w = 0; w < 3; w++) {
        /* back over the word, inner apostrophes included (fr "jusqu'en") */
        while (ws > floor) {
            size_t pv = prev_pos(s, ws);
            int32_t c = cp_at(s, pv, NULL);
            if (is_word_cp(c))
                ws = pv;
            else if ((c == '\'' || c == 0x2019) && pv > floor &&
                     is_word_cp(cp_at(s, prev_pos(s, pv), NULL)))
                ws = pv;
            else
                break;
        }
        const char *pk = fold_at(s, s->t + ws, pend - ws);
        if (pk && story_langpack_lookup(lp, "month_prefixes", pk))
            return !(ambiguous &&
                     story_langpack_lookup(lp, "month_prefixes_weak", pk));
        /* one more word, across one space */
        if (ws <= floor + 1 || s->t[ws - 1] != ' ' ||
            !is_word_cp(cp_at(s, prev_pos(s, ws - 1), NULL)))
            break;
        ws = ws - 1;
    }
    return 0;
}

/* A month-anchored date around the month word [ms, me). */
static int month_date(dscan *s, size_t ms, size_t me, int month,
                      size_t floor, story_date *d)
{
    size_t a = ms, b = me;
    long day = 0, year = 0, v;
    size_t e;
    /* day before: "5 March", "5. März", "5 de marzo", "5th of March" */
    size_t q = ms;
    {
        size_t p = q;
        /* linking word before the month ("de", "of") */
        size_t ps = prev_pos(s, p);
        while (ps > floor && is_space_cp(cp_at(s, ps, NULL)))
            ps = prev_pos(s, ps);
        size_t ws = ps;
        while (ws > floor && is_word_cp(cp_at(s, prev_pos(s, ws), NULL)))
            ws = prev_pos(s, ws);
        size_t we2 = word_end(s, ws);
        if (ws < ms && we2 <= ms && we2 > ws && we2 - ws <= 3 &&
            is_word_cp(cp_at(s, ws, NULL)) &&
            lookup(s, "date_links", s->t + ws, we2 - ws))
            p = ws;
        /* back over spaces, dot, ordinal suffix */
        size_t r = p;
        while (r > floor && is_space_cp(cp_at(s, prev_pos(s, r), NULL)))
            r = prev_pos(s, r);
        if (r > floor && s->t[r - 1] == '.')
            r--;
        size_t sfx = r;
        while (sfx > floor && isalpha((unsigned char)s->t[sfx - 1]) &&
               r - sfx < 2)
            sfx--;
        if (sfx < r && sfx > floor && isdigit((unsigned char)s->t[sfx - 1])) {
            r = sfx;
        } else {
            /* an ordinal suffix of the pack, also after a hyphen or dot
             * and not only in ASCII: ru/uk "1-го марта", "5-го березня",
             * es "5º de marzo", "1.º de marzo" (session 21, fresh-user 21
             * H7: the day was dropped and "марта 2024" matched 1 March) */
            size_t x = r;
            for (int k = 0; k < 4 && x > floor; k++) {
                size_t px = prev_pos(s, x);
                int32_t c = cp_at(s, px, NULL);
                if (!is_word_cp(c) || u_isdigit(c))
                    break;
                x = px;
            }
            size_t dg = x;
            if (dg > floor && (s->t[dg - 1] == '-' || s->t[dg - 1] == '.'))
                dg--;
            if (x < r && dg > floor && isdigit((unsigned char)s->t[dg - 1]) &&
                lookup(s, "ordinal_suffixes", s->t + x, r - x))
                r = dg;
        }
        size_t ds = r;
        while (ds > floor && u_isdigit(cp_at(s, prev_pos(s, ds), NULL)))
            ds = prev_pos(s, ds);
        if (ds < r && read_int(s, ds, 2, &v, &e) && e == r && v >= 1 &&
            v <= 31 && (r < ms)) {
            day = v;
            a = ds;
        } else if (r < ms && r > floor &&
                   is_word_cp(cp_at(s, prev_pos(s, r), NULL))) {
            /* a spelled ordinal day: "níunda janúar", "the ninth of
             * January" (the pack's ordinal_words, 1..31) */
            size_t os = r;
            while (os > floor && is_word_cp(cp_at(s, prev_pos(s, os), NULL)))
                os = prev_pos(s, os);
            /* without a link word ("ninth of") only where the ordinal
             * day is the normal form (ordinal_dot packs: is, de, cs …;
             * ordinal_day packs: ru, uk), so "a second march" is not
             * March 2 */
            json_t *od = story_langpack_field(s->dl->lp, "ordinal_dot");
            /* ru/uk: a neuter ordinal before a genitive month is the
             * spelled date ("второе февраля"): the pack's ordinal_day */
            json_t *oday = story_langpack_field(s->dl->lp, "ordinal_day");
            json_t *ov = p < q || json_is_true(od) || json_is_true(oday)
                             ? lookup(s, "ordinal_words", s->t + os, r - os)
                             : NULL;
            double dv = json_is_number(ov) ? json_number_value(ov) : 0;
            if (ov && dv >= 1 && dv < 10 && os > floor) {
                /* "двадцать пятое": tens word + ordinal unit */
                size_t ts = prev_pos(s, os);
                while (ts > floor && is_space_cp(cp_at(s, ts, NULL)))
                    ts = prev_pos(s, ts);
                size_t te2 = ts < os ? ts + 1 : os;
                while (te2 < os && !is_space_cp(cp_at(s, te2, NULL)))
                    te2++;
                while (ts > floor && is_word_cp(cp_at(s, prev_pos(s, ts), NULL)))
                    ts = prev_pos(s, ts);
                json_t *tv = te2 > ts ? lookup(s, "number_words", s->t + ts,
                                               te2 - ts)
                                      : NULL;
                double tn = json_is_number(tv) ? json_number_value(tv) : 0;
                if (tn == 20 || tn == 30) {
                    dv += tn;
                    os = ts;
                }
            }
            if (dv >= 1 && dv <= 31 && dv == (double)(long)dv) {
                day = (long)dv;
                a = os;
            }
        }
    }
    /* after the month (and its abbreviation dot): day, year */
    size_t me0 = me;
    if (me < s->end && s->t[me] == '.')
        me++;
    size_t p = skip_spaces(s, me);
    if (!day && p > me && read_int(s, p, 2, &v, &e) && v >= 1 && v <= 31 &&
        !group_follows(s, e)) {
        size_t e2 = e;
        size_t w2 = word_end(s, e2);
        if (w2 > e2 && w2 - e2 <= 2 &&
            lookup(s, "ordinal_suffixes", s->t + e2, w2 - e2))
            e2 = w2;
        /* not a year or a count: must not be followed by more digits */
        day = v;
        b = e2;
        p = e2;
        if (p < s->end && s->t[p] == ',')
            p++;
        p = skip_spaces(s, p);
    } else if (day) {
        /* "5 de marzo de 2025" */
        size_t ls = p, le = word_end(s, ls);
        if (le > ls && lookup(s, "date_links", s->t + ls, le - ls))
            p = skip_spaces(s, le);
    } else {
        size_t ls = p, le = word_end(s, ls);
        if (le > ls && lookup(s, "date_links", s->t + ls, le - ls))
            p = skip_spaces(s, le);
    }
    if (day && p < s->end && s->t[p] == ',') {
        /* "20 December, 2023": a comma between the month and the year */
        size_t y0 = skip_spaces(s, p + 1);
        if (y0 > p + 1 && read_int(s, y0, 4, &v, &e) && e - y0 == 4)
            p = y0;
    }
    if (p > b && read_int(s, p, 4, &v, &e) && e - p == 4 && v >= 1000 &&
        v <= 2200) {
        size_t after;
        int32_t c = e < s->end ? cp_at(s, e, &after) : -1;
        /* a counted noun, unit or currency after it makes the number
         * a count: ru "в ноябре 1910 человек" is 1,910 people in
         * November, not November 1910 */
        size_t cs = skip_spaces(s, e), ce = cs > e ? word_end(s, cs) : cs;
        size_t ye0;
        int counted = ce > cs &&
                      !match_at(s, cs, "year_suffixes", 1, &ye0) &&
                      (lookup(s, "counted_nouns", s->t + cs, ce - cs) ||
                       lookup(s, "currencies", s->t + cs, ce - cs));
        if (!(c >= 0 && (u_isdigit(c) || is_word_cp(c))) && !counted) {
            year = v;
            b = e;
            /* year suffix: "р.", "г.", "года", "року" */
            size_t ys = skip_spaces(s, b), ye;
            if (ys < s->end && match_at(s, ys, "year_suffixes", 1, &ye))
                b = ye;
        }
    }
    if (!day && !year) {
        /* a month name alone is the month ("in June", "im Juni", "в
         * июне": ISO 8601 "--06") when the pack's words around it make it
         * a date (month_alone); otherwise no mention ("May" the modal).
         * Without a year it is relative to the publication date, like a
         * weekday: `relative` holds "--06", `iso` stays empty */
        if (!month_alone(s, ms, me0, floor))
            return 0;
        snprintf(d->relative, sizeof d->relative, "--%02d", month);
        d->start = ms;
        d->end = me0;
        return 1;
    }
    int y = 0, mo = 0, dd = 0;
    if (icu_parse(s, a, b, &y, &mo, &dd) && mo == month &&
        (!day || dd == day) && (!year || y == year)) {
        fill_ymd(s, d, y, mo, dd);
    } else {
        fill_ymd(s, d, (int)year, month, (int)day);
    }
    d->start = a;
    d->end = b;
    return d->iso[0] != '\0';
}

/* Resolve a relative concept against the publication day. */
static void resolve_relative(dscan *s, story_date *d, const char *concept,
                             int next)
{
    static const char *const wd[7] = {"monday", "tuesday", "wednesday",
                                      "thursday", "friday", "saturday",
                                      "sunday"};
    snprintf(d->relative, sizeof d->relative, "%s", concept);
    if (!s->have_pub)
        return;
    long p = s->pub;
    int py, pm, pd;
    civil_from_days(p, &py, &pm, &pd);
    for (int k = 0; k < 7; k++)
        if (strcmp(concept, wd[k]) == 0) {
            int pw = weekday_of(p);
            long day;
            if (next) {
                int diff = (k - pw + 7) % 7;
                day = p + (diff ? diff : 7);
            } else {
                day = p - ((pw - k + 7) % 7);
            }
            iso_day(d->iso, sizeof d->iso, day);
            return;
        }
    if (!strcmp(concept, "today") || !strcmp(concept, "overnight") ||
        !strcmp(concept, "this_morning") || !strcmp(concept, "tonight"))
        iso_day(d->iso, sizeof d->iso, p);
    else if (!strcmp(concept, "yesterday") || !strcmp(concept, "last_night"))
        iso_day(d->iso, sizeof d->iso, p - 1);
    else if (!strcmp(concept, "day_before_yesterday"))
        iso_day(d->iso, sizeof d->iso, p - 2);
    else if (!strcmp(concept, "tomorrow"))
        iso_day(d->iso, sizeof d->iso, p + 1);
    else if (!strcmp(concept, "last_week"))
        iso_week(d->iso, sizeof d->iso, p - 7);
    else if (!strcmp(concept, "this_week"))
        iso_week(d->iso, sizeof d->iso, p);
    else if (!strcmp(concept, "next_week"))
        iso_week(d->iso, sizeof d->iso, p + 7);
    else if (!strcmp(concept, "last_month"))
        snprintf(d->iso, sizeof d->iso, "%04d-%02d", pm == 1 ? py - 1 : py,
                 pm == 1 ? 12 : pm - 1);
    else if (!strcmp(concept, "this_month"))
        snprintf(d->iso, sizeof d->iso, "%04d-%02d", py, pm);
    else if (!strcmp(concept, "next_month"))
        snprintf(d->iso, sizeof d->iso, "%04d-%02d", pm == 12 ? py + 1 : py,
                 pm == 12 ? 1 : pm + 1);
    else if (!strcmp(concept, "last_year"))
        snprintf(d->iso, sizeof d->iso, "%04d", py - 1);
    else if (!strcmp(concept, "this_year"))
        snprintf(d->iso, sizeof d->iso, "%04d", py);
    else if (!strcmp(concept, "next_year"))
        snprintf(d->iso, sizeof d->iso, "%04d", py + 1);
}

/* Clock time at i: "14:30", "9.15 Uhr", "2:30 pm", "2 p.m."; 1 and the
 * normalised "HH:MM" on success. */
/* Is the word right before i (one space or none between) in the pack
 * list `field`? Folded as lookup() folds. */
static int prev_word_in(dscan *s, size_t i, const char *field)
{
    size_t e = i;
    while (e > s->start && is_space_cp(cp_at(s, prev_pos(s, e), NULL)))
        e = prev_pos(s, e);
    if (e == i || e == s->start)
        return 0;
    size_t b = e;
    while (b > s->start && is_word_cp(cp_at(s, prev_pos(s, b), NULL)))
        b = prev_pos(s, b);
    return b < e && lookup(s, field, s->t + b, e - b) != NULL;
}

static int clock_time(dscan *s, size_t i, char *out, size_t *endp)
{
    long h, mi = 0, v;
    size_t e, p;
    if (!read_int(s, i, 2, &h, &e) || h > 24)
        return 0;
    p = e;
    int have_min = 0;
    char sep = p < s->end ? s->t[p] : 0;
    if (p + 1 < s->end && (sep == ':' || sep == '.') &&
        read_int(s, p + 1, 2, &v, &e) && e - (p + 1) == 2 && v < 60) {
        mi = v;
        p = e;
        have_min = 1;
        if (p < s->end && u_isdigit(cp_at(s, p, NULL)))
            return 0;
    }
    size_t q = skip_spaces(s, p), te;
    json_t *mark = match_at(s, q, "time_markers", 2, &te);
    if (mark && json_is_string(mark)) {
        const char *k = json_string_value(mark);
        if (!strcmp(k, "pm") && h < 12)
            h += 12;
        else if (!strcmp(k, "am") && h == 12)
            h = 0;
        p = te;
    } else if (!have_min || (sep == '.' && !prev_word_in(s, i, "clock_before_dot"))) {
        /* "5" alone or "9.15" without a marker: not a time, unless a
         * pack word before it makes it one (uk "о 10.05", ru "в 10.05";
         * session 17: else it was the date 10 May, day_month()) */
        return 0;
    }
    if (h > 23)
        return 0;
    snprintf(out, 8, "%02d:%02d", (int)(h % 24), (int)(mi % 60));
    *endp = p;
    return 1;
}

/* A language without a pack: the word [i, we) is a wide weekday name
 * of ICU's CLDR data (at least 5 letters) with one or two more letters,
 * the definite form of the Nordic languages (sv/da/nb "onsdagen",
 * "tisdagen" of "onsdag", "tisdag"), which CLDR does not list; the word
 * starts with a lower-case letter. Returns
 * the English weekday (a JSON string) and sets *endp = we, or NULL. */
static json_t *inflected_weekday(dscan *s, size_t i, size_t we, size_t *endp)
{
    /* lower-case only: pt "Domingos" is a name (weekdays are lower-case
     * in the CLDR data of these languages) */
    if (!s->dl->icu || we <= i || !u_islower(cp_at(s, i, NULL)))
        return NULL;
    size_t q = we;
    for (int k = 1; k <= 2; k++) {
        q = prev_pos(s, q);
        if (q <= i)
            return NULL;
        size_t letters = 0;
        for (size_t r = i; r < q;) {
            size_t n;
            letters += is_word_cp(cp_at(s, r, &n)) != 0;
            r = n;
        }
        json_t *v;
        if (letters >= 5 && (v = lookup(s, "weekdays", s->t + i, q - i)) &&
            json_is_string(v)) {
            *endp = we;
            return v;
        }
    }
    return NULL;
}

/* The month field of a slash date at i (after the first '/'): 1-2
 * digits, 1..12. */
static int m2_ok(dscan *s, size_t i)
{
    long m;
    size_t e;
    if (i < s->end && s->t[i] == ' ')
        i++;
    return read_int(s, i, 2, &m, &e) && m >= 1 && m <= 12;
}

/* A day and month without a year written with digits, at i: "19.1."
 * (de, cs, pl: the month closed by a dot), "10.01" (uk, ru: a two-digit
 * month). Only in packs with numeric_dmy whose decimal separator is ','
 * (there "10.01" cannot be a decimal number; hi, en, zh, ja use '.');
 * "19.1" without the closing dot and a one-digit month stays a number (a
 * version, a score). Day 1..31 (29 February allowed), month 1..12;
 * nothing of a longer numeral or word around it: no digit, letter or
 * '%' right after, no currency sign, digit or separator right before.
 * Fills d (the year from the publication date, as fill_ymd) and returns
 * 1, else 0. Clock times ("10.05 Uhr") are read before this. Session 17,
 * fresh-user 16 M6: "am 19.1." was the quantity 19.1 and a certain
 * added quantity + omitted date against "on 19 January". */
static int day_month(dscan *s, size_t i, story_date *d)
{
    long dd, m;
    size_t e, e2, n;
    if (!s->dl->numeric_dmy || !s->dl->comma_decimal)
        return 0;
    if (!read_int(s, i, 2, &dd, &e) || e >= s->end || s->t[e] != '.')
        return 0;
    int nm = read_int(s, e + 1, 2, &m, &e2);
    if (!nm || dd < 1 || m < 1 || m > 12 || dd > days_in_month(2000, (int)m))
        return 0;
    size_t end = e2;
    if (e2 < s->end && s->t[e2] == '.') {
        if (e2 + 1 < s->end && u_isdigit(cp_at(s, e2 + 1, NULL)))
            return 0; /* "1.2.3" */
        end = e2 + 1;
    } else if (nm != 2) {
        return 0;
    }
    if (end < s->end) {
        int32_t c = cp_at(s, end, &n);
        if (u_isdigit(c) || is_word_cp(c) || c == '%' ||
            (c == ',' && n < s->end && u_isdigit(cp_at(s, n, NULL))))
            return 0;
        size_t q = skip_spaces(s, end);
        if (q < s->end) {
            int32_t c2 = cp_at(s, q, NULL);
            if (c2 == '%' || u_charType(c2) == U_CURRENCY_SYMBOL)
                return 0;
        }
    }
    if (i > s->start) {
        size_t pp = prev_pos(s, i);
        int32_t pc = cp_at(s, pp, NULL);
        if (u_charType(pc) == U_CURRENCY_SYMBOL)
            return 0;
        if ((pc == '.' || pc == ',') && pp > s->start &&
            u_isdigit(cp_at(s, prev_pos(s, pp), NULL)))
            return 0;
    }
    fill_ymd(s, d, 0, (int)m, (int)dd);
    if (!d->iso[0])
        return 0;
    d->start = i;
    d->end = end;
    return 1;
}

static int scan_dates(dscan *s, story_vec *out, story_error *err)
{
    size_t i = s->start, floor = s->start;
    size_t last_end = 0;
    long last_idx = -1;
    int rc;
    while (i < s->end) {
        size_t nx;
        int32_t c = cp_at(s, i, &nx);
        if (c < 0) {
            i = nx;
            continue;
        }
        story_date d;
        memset(&d, 0, sizeof d);
        int32_t pc = i > s->start ? cp_at(s, prev_pos(s, i), NULL) : -1;
        int boundary = i == s->start || !is_word_cp(pc) || is_cjk_cp(pc) ||
                       is_cjk_cp(c);
        if (u_isdigit(c) && boundary &&
            !(i > s->start && u_isdigit(cp_at(s, prev_pos(s, i), NULL)))) {
            long y, m, dd;
            size_t e, e2, e3;
            /* ISO 8601 yyyy-mm-dd */
            if (read_int(s, i, 4, &y, &e) && e - i == 4 && e < s->end &&
                s->t[e] == '-' && read_int(s, e + 1, 2, &m, &e2) &&
                e2 - e == 3 && e2 < s->end && s->t[e2] == '-' &&
                read_int(s, e2 + 1, 2, &dd, &e3) && e3 - e2 == 3 &&
                m >= 1 && m <= 12 && dd >= 1 &&
                dd <= days_in_month((int)y, (int)m)) {
                d.start = i;
                d.end = e3;
                snprintf(d.iso, sizeof d.iso, "%04ld-%02ld-%02ld", y, m, dd);
                if (e3 + 5 < s->end && s->t[e3] == 'T') {
                    long hh, mm;
                    size_t f1, f2;
                    if (read_int(s, e3 + 1, 2, &hh, &f1) && s->t[f1] == ':' &&
                        read_int(s, f1 + 1, 2, &mm, &f2)) {
                        d.has_time = 1;
                        snprintf(d.time, sizeof d.time, "%02ld:%02ld", hh, mm);
                        d.end = f2;
                    }
                }
                goto emit;
            }
            /* CJK y年M月d日 / M月d日 / y年M月 */
            {
                size_t p = i, q;
                long a1;
                int yy = 0, mm2 = 0, d2 = 0;
                /* spaces may stand between the digits and 年 月 日 and
                 * after them: "2022 年 12 月 24 日" (typeset zh; session
                 * 19, fresh-user 18 M19: read as the counts 12 and 24) */
                if (read_int(s, i, 4, &a1, &e)) {
                    int32_t u1 = cp_at(s, skip_spaces(s, e), &q);
                    if (u1 == 0x5E74 && (e - i) == 4) { /* 年 */
                        yy = (int)a1;
                        p = q;
                        if (read_int(s, skip_spaces(s, p), 2, &a1, &e) &&
                            cp_at(s, skip_spaces(s, e), &q) ==
                                0x6708) { /* 月 */
                            mm2 = (int)a1;
                            p = q;
                        }
                    } else if (u1 == 0x6708 && a1 >= 1 && a1 <= 12) {
                        mm2 = (int)a1;
                        p = q;
                    }
                    if (mm2 && read_int(s, skip_spaces(s, p), 2, &a1, &e)) {
                        int32_t u2 = cp_at(s, skip_spaces(s, e), &q);
                        if ((u2 == 0x65E5 || u2 == 0x53F7) && a1 >= 1 &&
                            a1 <= 31) { /* 日 号 */
                            d2 = (int)a1;
                            p = q;
                        }
                    }
                    if (mm2 && (yy || d2)) {
                        fill_ymd(s, &d, yy, mm2, d2);
                        if (d.iso[0]) {
                            d.start = i;
                            d.end = p;
                            goto emit;
                        }
                    } else if (mm2 && json_is_true(story_langpack_field(
                                          s->dl->lp, "month_alone_digits")) &&
                               !(p < s->end &&
                                 u_isdigit(cp_at(s, p, NULL)))) {
                        /* zh/ja "6月" alone is June ("--06"; "6个月",
                         * "6か月" are six months and never reach here) */
                        snprintf(d.relative, sizeof d.relative, "--%02d",
                                 mm2);
                        d.start = i;
                        d.end = p;
                        goto emit;
                    }
                }
            }
            /* numeric dates with a 4-digit year: d.m.yyyy is day first
             * in every language (dots are the European notation; en
             * "on 12.05.2025" too); d/m/yyyy is day first in packs with
             * numeric_dmy, and elsewhere (en, zh, ja) only when one of
             * the two numbers cannot be a month: 25/12/2025 (day first),
             * 12/25/2025 (month first, US); 05/12/2025 stays no date */
            if (read_int(s, i, 2, &dd, &e) && e < s->end &&
                (s->t[e] == '.' || s->t[e] == '/')) {
                char sep = s->t[e];
                int order = 0; /* slash_order once a date */
                size_t p = e + 1;
                if (p < s->end && s->t[p] == ' ')
                    p++;
                if (read_int(s, p, 2, &m, &e2) && e2 < s->end &&
                    s->t[e2] == sep) {
                    p = e2 + 1;
                    if (p < s->end && s->t[p] == ' ')
                        p++;
                    if (sep == '/' && !s->dl->numeric_dmy) {
                        if (m > 12 && dd >= 1 && dd <= 12) {
                            long t = m;
                            m = dd;
                            dd = t;
                            order = 2;
                        } else if (dd <= 12 && dd != m) {
                            long m0 = m;
                            m = 0; /* ambiguous: no day, no month */
                            if (dd >= 1 && m2_ok(s, e + 1) &&
                                read_int(s, p, 4, &y, &e3) && e3 - p == 4 &&
                                y >= 1000 && y <= 2200 &&
                                !(e3 < s->end &&
                                  u_isdigit(cp_at(s, e3, NULL)))) {
                                /* "12/05/2025" (en): 12 May or December 5;
                                 * the year is certain, and the two numbers
                                 * are no counts; both readings are kept
                                 * (day first, month first) */
                                d.start = i;
                                d.end = e3;
                                snprintf(d.iso, sizeof d.iso, "%04ld", y);
                                /* y has 4 digits, m0 and dd <= 12: the
                                 * modulo only tells GCC's truncation
                                 * check so (Release -Werror) */
                                unsigned long uy = (unsigned long)y % 10000,
                                              um = (unsigned long)m0 % 100,
                                              ud = (unsigned long)dd % 100;
                                snprintf(d.readings[0], sizeof d.readings[0],
                                         "%04lu-%02lu-%02lu", uy, um, ud);
                                snprintf(d.readings[1], sizeof d.readings[1],
                                         "%04lu-%02lu-%02lu", uy, ud, um);
                                goto emit;
                            }
                        } else if (dd > 12) {
                            order = 1;
                        }
                    }
                    if (read_int(s, p, 4, &y, &e3) && e3 - p == 4 &&
                        m >= 1 && m <= 12 && dd >= 1 &&
                        dd <= days_in_month((int)y, (int)m) &&
                        !(e3 < s->end && u_isdigit(cp_at(s, e3, NULL)))) {
                        d.start = i;
                        d.end = e3;
                        d.slash_order = order;
                        snprintf(d.iso, sizeof d.iso, "%04ld-%02ld-%02ld", y,
                                 m, dd);
                        goto emit;
                    }
                }
            }
            /* clock time */
            {
                char tm[8];
                size_t te;
                if (clock_time(s, i, tm, &te)) {
                    size_t gap = i - last_end;
                    if (last_idx >= 0 && gap <= 12 && last_end <= i) {
                        story_date *pd =
                            (story_date *)out->data + last_idx;
                        if (!pd->has_time) {
                            pd->has_time = 1;
                            snprintf(pd->time, sizeof pd->time, "%s", tm);
                            pd->end = te;
                            last_end = te;
                            i = te;
                            continue;
                        }
                    }
                    d.start = i;
                    d.end = te;
                    d.has_time = 1;
                    snprintf(d.time, sizeof d.time, "%s", tm);
                    goto emit;
                }
            }
            if (day_month(s, i, &d))
                goto emit;
            /* skip the digit run */
            while (i < s->end && u_isdigit(cp_at(s, i, &nx)))
                i = nx;
            continue;
        }
        if (is_word_cp(c) && boundary) {
            size_t me;
            json_t *v;
            {
                size_t we0 = word_end(s, i);
                size_t wl = we0 - i;
                int known = 0;
                if (!sfirst_may(s, i)) {
                    /* no starter, and no weekday for inflected_weekday,
                     * begins with its first code point */
                    i = we0 > i ? we0 : nx;
                    continue;
                }
                const char *fk = wl ? fold_at(s, s->t + i, wl) : NULL;
                if (fk)
                    known = story__strmap_get(&s->dl->starters, fk,
                                              strlen(fk), NULL) != NULL;
                if (!known && we0 < s->end && s->t[we0] == '.' &&
                    (fk = fold_at(s, s->t + i, wl + 1)))
                    known = story__strmap_get(&s->dl->starters, fk,
                                              strlen(fk), NULL) != NULL;
                size_t ie;
                if (!known && inflected_weekday(s, i, we0, &ie)) {
                    d.start = i;
                    d.end = ie;
                    resolve_relative(
                        s, &d,
                        json_string_value(inflected_weekday(s, i, we0, &ie)),
                        0);
                    goto emit;
                }
                if (!known) {
                    i = we0 > i ? we0 : nx;
                    continue;
                }
            }
            /* month name */
            /* three words: zh 十一月 is three code points (with two,
             * its 一月 was January) */
            if ((v = match_at(s, i, "months", 3, &me)) && json_is_integer(v)) {
                int month = (int)json_integer_value(v);
                /* the month word must end at a word boundary */
                if (!(me < s->end && is_word_cp(cp_at(s, me, NULL)) &&
                      !is_cjk_cp(cp_at(s, me, NULL))) &&
                    month_date(s, i, me, month,
                               last_end > floor ? last_end : floor, &d))
                    goto emit;
            }
            /* relative phrase, unless a weekday phrase at the same place
             * is longer (本周一 "this Monday" over 本周 "this week") */
            size_t wme = 0;
            if ((v = match_at(s, i, "relative_dates", 4, &me)) &&
                json_is_string(v) &&
                !(match_at(s, i, "weekdays", 4, &wme) && wme > me) &&
                !(me < s->end && is_word_cp(cp_at(s, me, NULL)) &&
                  !is_cjk_cp(c)) &&
                !clock_part_of_day(s, me)) {
                d.start = i;
                d.end = me;
                resolve_relative(s, &d, json_string_value(v), 0);
                goto emit;
            }
            /* weekday, with an optional prefix ("am", "on", "last") */
            size_t ws = i, pe;
            json_t *pre = match_at(s, i, "weekday_prefixes", 2, &pe);
            int next = 0;
            if (pre && pe < s->end) {
                size_t q = skip_spaces(s, pe);
                if (q > pe && match_at(s, q, "weekdays", 2, &me)) {
                    next = lookup(s, "weekday_next", s->t + i, pe - i) != NULL;
                    ws = q;
                }
            }
            if ((v = match_at(s, ws, "weekdays", 4, &me)) &&
                json_is_string(v) &&
                !(me < s->end && is_word_cp(cp_at(s, me, NULL)) &&
                  !is_cjk_cp(c))) {
                d.start = i;
                d.end = me;
                resolve_relative(s, &d, json_string_value(v), next);
                goto emit;
            }
            size_t we = word_end(s, i);
            i = we > i ? we : nx;
            continue;
        }
        i = nx;
        continue;
    emit:
        if ((rc = push(out, &d, err)))
            return rc;
        last_idx = (long)out->len - 1;
        last_end = d.end;
        i = d.end > i ? d.end : nx;
    }
    return 0;
}

static int is_weekday_concept(const char *r)
{
    static const char *const wd[7] = {"monday", "tuesday", "wednesday",
                                      "thursday", "friday", "saturday",
                                      "sunday"};
    for (int k = 0; k < 7; k++)
        if (strcmp(r, wd[k]) == 0)
            return 1;
    return 0;
}

/* The text between two mentions only separates them: spaces, commas,
 * brackets (also fullwidth （）, 、，) and at most one short word (dem,
 * the); no digits, no sentence punctuation. */
static int gap_only_separates(const char *t, size_t a, size_t b)
{
    int letters = 0;
    if (b < a || b - a > 8)
        return 0;
    for (size_t i = a; i < b; i++) {
        unsigned char c = (unsigned char)t[i];
        if (c == ' ' || c == ',' || c == '(' || c == ')')
            continue;
        if (c == 0xE3 && i + 2 < b + 1 && (unsigned char)t[i + 1] == 0x80 &&
            (unsigned char)t[i + 2] == 0x81) { /* 、 */
            i += 2;
            continue;
        }
        if (c == 0xEF && i + 2 < b + 1 && (unsigned char)t[i + 1] == 0xBC &&
            ((unsigned char)t[i + 2] == 0x88 ||
             (unsigned char)t[i + 2] == 0x89 ||
             (unsigned char)t[i + 2] == 0x8C)) { /* （ ） ， */
            i += 2;
            continue;
        }
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80) {
            letters++;
            continue;
        }
        return 0;
    }
    return letters <= 4;
}

/* "Sunday, March 3", "am Samstag, dem 13. Januar", "в субботу, 13 января",
 * "1月13日（土曜日）": a weekday right before or after an absolute date
 * names the same day; it becomes part of that date mention instead of a
 * separate relative one (whose resolution against the publication date
 * would be another day). out[first..] are this call's mentions. */
static void merge_weekday_dates(const char *t, story_vec *out, size_t first)
{
    story_date *d = (story_date *)out->data;
    size_t w = first;
    for (size_t k = first; k < out->len; k++) {
        if (k + 1 < out->len && is_weekday_concept(d[k].relative) &&
            !d[k + 1].relative[0] && d[k + 1].iso[0] &&
            d[k + 1].start >= d[k].end &&
            gap_only_separates(t, d[k].end, d[k + 1].start)) {
            d[k + 1].start = d[k].start;
            continue; /* drop the weekday before the date */
        }
        if (w > first && is_weekday_concept(d[k].relative) &&
            !d[w - 1].relative[0] && d[w - 1].iso[0] &&
            d[k].start >= d[w - 1].end &&
            gap_only_separates(t, d[w - 1].end, d[k].start)) {
            d[w - 1].end = d[k].end;
            continue; /* drop the weekday after the date */
        }
        d[w++] = d[k];
    }
    out->len = w;
}

int story__dates_scan(story_ctx *ctx, const char *lang, const char *text,
                      size_t start, size_t end, const char *published,
                      story_vec *out, story_error *err)
{
    if (!ctx || !out || (!text && end > start) || start > end)
        return story__error(err, STORY_EINVAL, NULL, -1,
                            "story__dates_scan: bad arguments");
    if (out->elem == 0)
        story_vec_init(out, sizeof(story_date));
    if (out->elem != sizeof(story_date))
        return story__error(err, STORY_EINVAL, NULL, -1,
                            "story__dates_scan: out is not a vector of "
                            "story_date");
    datemod *m = story__ctx_get(ctx, STORY_MOD_DATES);
    if (!m) {
        m = story__calloc(1, sizeof *m);
        if (!m)
            return story__error(err, STORY_ENOMEM, NULL, -1,
                                "out of memory");
        story__ctx_set(ctx, STORY_MOD_DATES, m, datemod_free);
    }
    dscan s;
    memset(&s, 0, sizeof s);
    s.ctx = ctx;
    s.t = text;
    s.start = start;
    s.end = end;
    int rc = get_lang(&s.dl, ctx, m, lang, err);
    if (rc)
        return rc;
    s.have_pub = parse_published(published, &s.pub) == 0;
    size_t first = out->len;
    rc = scan_dates(&s, out, err);
    if (!rc)
        merge_weekday_dates(text, out, first);
    story_buf_free(&s.key);
    return rc;
}
