/*
 * Numbers: the spec tables tests/spec/numbers.<lang>.txt (one line per
 * case, written for these tests) and properties across languages.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "dates.h"
#include "normalize.h"
#include "numbers.h"
#include "support.h"
#include "ctx_fixture.h"

static size_t scan(const char *lang, const char *text, story_vec *v)
{
    story_error err;
    story_vec_init(v, sizeof(story_number));
    int rc = story__numbers_scan(ctx, lang, text, 0, strlen(text), v, &err);
    if (rc)
        fail_msg("scan failed: %s", err.message);
    return v->len;
}

static int close_to(double a, double b)
{
    return fabs(a - b) <= 1e-9 * (fabs(a) + fabs(b) + 1);
}

/* Check one expected mention "value[..hi] flags…" against n; returns 0 or
 * fills why. */
static int check_mention(const story_number *n, char *spec, char *why,
                         size_t wn)
{
    char *save = NULL;
    char *tok = strtok_r(spec, " ", &save);
    if (!tok) {
        snprintf(why, wn, "empty expectation");
        return -1;
    }
    double lo, hi;
    char *dots = strstr(tok, "..");
    lo = strtod(tok, NULL);
    hi = dots ? strtod(dots + 2, NULL) : lo;
    if (!close_to(n->value, lo) || !close_to(n->value_hi, hi) ||
        (dots != NULL) != (n->is_range != 0)) {
        snprintf(why, wn, "value %g..%g (range %d), want %s", n->value,
                 n->value_hi, n->is_range, tok);
        return -1;
    }
    while ((tok = strtok_r(NULL, " ", &save))) {
        if (!strcmp(tok, "%") && !n->is_percent)
            return snprintf(why, wn, "not percent"), -1;
        if (!strcmp(tok, "year") && !n->is_year)
            return snprintf(why, wn, "not a year"), -1;
        if (!strcmp(tok, "ord") && !n->is_ordinal)
            return snprintf(why, wn, "not ordinal"), -1;
        if (!strcmp(tok, "spelled") && !n->spelled)
            return snprintf(why, wn, "not spelled"), -1;
        if (!strncmp(tok, "q=", 2) && strcmp(n->qualifier, tok + 2))
            return snprintf(why, wn, "qualifier '%s'", n->qualifier), -1;
        if (!strncmp(tok, "u=", 2) && strcmp(n->unit, tok + 2))
            return snprintf(why, wn, "unit '%s'", n->unit), -1;
    }
    return 0;
}

static int run_spec_file(const char *path, const char *lang)
{
    size_t len;
    char *buf = story_test_read_file(path, &len);
    assert_non_null(buf);
    int failures = 0, cases = 0;
    char *save = NULL;
    for (char *line = strtok_r(buf, "\n", &save); line;
         line = strtok_r(NULL, "\n", &save)) {
        if (line[0] == '#' || !line[0])
            continue;
        char *arrow = strstr(line, " => ");
        if (!arrow)
            continue;
        *arrow = '\0';
        const char *input = line;
        char *want = arrow + 4;
        story_vec v;
        scan(lang, input, &v);
        cases++;
        char *wsave = NULL;
        size_t k = 0;
        int bad = 0;
        char why[200] = "";
        if (!strcmp(want, "none")) {
            if (v.len) {
                bad = 1;
                snprintf(why, sizeof why, "%zu mentions, want none", v.len);
            }
        } else {
            for (char *m = strtok_r(want, ";", &wsave); m && !bad;
                 m = strtok_r(NULL, ";", &wsave), k++) {
                while (*m == ' ')
                    m++;
                char *e = m + strlen(m);
                while (e > m && e[-1] == ' ')
                    *--e = '\0';
                if (k >= v.len) {
                    bad = 1;
                    snprintf(why, sizeof why, "missing mention '%s'", m);
                    break;
                }
                const story_number *n = (story_number *)v.data + k;
                /* offsets: inside the input, numeral inside the mention */
                if (n->end > strlen(input) || n->start > n->num_start ||
                    n->num_end > n->end) {
                    bad = 1;
                    snprintf(why, sizeof why, "bad offsets");
                    break;
                }
                if (check_mention(n, m, why, sizeof why))
                    bad = 1;
            }
            if (!bad && k != v.len) {
                bad = 1;
                snprintf(why, sizeof why, "%zu mentions, want %zu", v.len, k);
            }
        }
        if (bad) {
            failures++;
            print_error("%s: '%s': %s\n", path, input, why);
            for (size_t i = 0; i < v.len; i++) {
                const story_number *n = (story_number *)v.data + i;
                print_error("   got [%.*s] %g..%g q=%s u=%s\n",
                            (int)(n->end - n->start), input + n->start,
                            n->value, n->value_hi, n->qualifier, n->unit);
            }
        }
        story_vec_free(&v);
    }
    free(buf);
    assert_true(cases > 0);
    return failures;
}

static void test_spec_tables(void **state)
{
    (void)state;
    const char *src = getenv("STORYDIFF_SOURCE_DIR");
    assert_non_null(src);
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/tests/spec", src);
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *de;
    int failures = 0, files = 0;
    while ((de = readdir(d))) {
        const char *nm = de->d_name;
        size_t l = strlen(nm);
        if (strncmp(nm, "numbers.", 8) || l < 13 ||
            strcmp(nm + l - 4, ".txt"))
            continue;
        char lang[16];
        snprintf(lang, sizeof lang, "%.*s", (int)(l - 12), nm + 8);
        char path[4400];
        snprintf(path, sizeof path, "%.4096s/%.255s", dir, nm);
        failures += run_spec_file(path, lang);
        files++;
    }
    closedir(d);
    assert_true(files >= 14);
    assert_int_equal(failures, 0);
}

/* The first-code-point filter of the scanner's table lookups (session 21,
 * 2026-12-02) is a fast path: every spec table input and the sentences
 * below (written for this test: case, combining marks after the first
 * letter, Latin look-alikes in Cyrillic words, Arabic tatweel and marks,
 * Devanagari nasal + virama, kana + combining voiced mark, fullwidth
 * forms, soft hyphens, backticks) give the same mentions with the filter
 * off (the general path) and on. */
static int same_numbers(const story_number *a, const story_number *b)
{
    return a->start == b->start && a->end == b->end &&
           a->num_start == b->num_start && a->num_end == b->num_end &&
           (a->value == b->value || (isnan(a->value) && isnan(b->value))) &&
           a->value_hi == b->value_hi && a->is_range == b->is_range &&
           a->is_year == b->is_year &&
           a->is_percent == b->is_percent && a->is_ordinal == b->is_ordinal &&
           a->spelled == b->spelled && a->is_fraction == b->is_fraction &&
           !strcmp(a->qualifier, b->qualifier) && !strcmp(a->unit, b->unit) &&
           !strcmp(a->dimension, b->dimension) &&
           a->si_value == b->si_value && a->si_value_hi == b->si_value_hi;
}

static int filter_both_ways(const char *lang, const char *text)
{
    story_vec on, off;
    story__key_first_filter(0);
    scan(lang, text, &off);
    story__key_first_filter(1);
    scan(lang, text, &on);
    int bad = on.len != off.len;
    for (size_t i = 0; !bad && i < on.len; i++)
        bad = !same_numbers((story_number *)on.data + i,
                            (story_number *)off.data + i);
    if (bad)
        print_error("first filter: %s '%s': %zu mentions, %zu without it\n",
                    lang, text, on.len, off.len);
    story_vec_free(&on);
    story_vec_free(&off);
    return bad;
}

/* story_test_spec_inputs callback: each spec input both ways. */
static int spec_both_ways(const char *lang, const char *text, void *user)
{
    (void)user;
    return filter_both_ways(lang, text);
}

static void test_first_filter_same(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"en", "Twenty-five people and THREE HUNDRED cars, a fifth of them"},
        {"en", "Te\xcc\x81n thousand (T\xcc\x81wo) `five` hundred km\xc2\xb2"},
        {"en", "fi\xc2\xadve hundred \xef\xbc\x95\xef\xbc\x90 \xef\xbd\x94"
               "wo million \xef\xbc\x84" "5"},
        {"de", "Zwei\xc2\xad" "hundert Menschen, eine halbe Million Euro"},
        {"de", "zweitgr\xc3\xb6\xc3\x9f" "te Stadt, f\xc3\xbc" "nfundzwanzig"},
        {"uk", "412 \xd0\xbc" "i\xd0\xbb\xd1\x8c\xd0\xb9\xd0\xbe\xd0\xbd" "i"
               "\xd0\xb2 \xd1\x94\xd0\xb2\xd1\x80\xd0\xbe"},
        {"uk", "\xd0\xbf'\xd1\x8f\xd1\x82\xd1\x8c \xd1\x82\xd0\xb8\xd1\x81"
               "\xd1\x8f\xd1\x87 a\xd0\xb1\xd0\xbe \xd0\xbf\xd1\x96\xd0\xb2"
               "\xd0\xbc\xd1\x96\xd0\xbb\xd1\x8c\xd0\xb9\xd0\xbe\xd0\xbd\xd0"
               "\xb0"},
        {"ru", "o\xd0\xb4\xd0\xb8\xd0\xbd \xd0\xbc\xd0\xb8\xd0\xbb\xd0\xbb"
               "\xd0\xb8\xd0\xbe\xd0\xbd"},
        {"ar", "\xd9\x80\xd8\xae\xd9\x85\xd8\xb3\xd8\xa9 \xd9\x88\xd8\xb9\xd8"
               "\xb4\xd8\xb1\xd9\x88\xd9\x86 \xd8\xa3\xd9\x84\xd9\x81\xd9\x8b"
               "\xd8\xa7"},
        {"hi", "\xe0\xa4\xaa\xe0\xa4\xa8\xe0\xa5\x8d\xe0\xa4\xa6\xe0\xa5\x8d"
               "\xe0\xa4\xb0\xe0\xa4\xb9 \xe0\xa4\xb2\xe0\xa4\xbe\xe0\xa4\x96 "
               "\xe0\xa4\xaa\xe0\xa4\xbe\xe0\xa4\x81\xe0\xa4\x9a"},
        {"ja", "\xe3\x81\x8b\xe3\x82\x99\xe4\xb8\x89\xe5\x8d\x81\xe4\xba\xba"
               "\xe3\x81\xa8\xe4\xba\x94\xe5\x88\x86\xe3\x81\xae\xef\xbc\x91"},
        {"zh", "\xe7\x99\xbe\xe5\x88\x86\xe4\xb9\x8b\xe4\xba\x94\xe5\x8d\x81"
               "\xef\xbc\x8c\xe4\xb8\x80\xe5\x8d\x8a\xe4\xba\xba\xe3\x80\x82"},
    };
    int failures = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        failures += filter_both_ways(cases[i][0], cases[i][1]);
    int inputs = 0;
    failures += story_test_spec_inputs(spec_both_ways, NULL, &inputs);
    assert_true(inputs > 100);
    assert_int_equal(failures, 0);
}

/* "1,5 Mio." = "1.5 million" = "півтора мільйона" = 1500000 */
static void test_same_value_across_languages(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"de", "1,5 Mio."},        {"en", "1.5 million"},
        {"uk", "півтора мільйона"}, {"ru", "полтора миллиона"},
        {"fr", "1,5 million"},     {"pl", "1,5 mln"},
        {"zh", "150万"},           {"hi", "15 लाख"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        story_vec v;
        assert_int_equal(scan(cases[i][0], cases[i][1], &v), 1);
        assert_true(close_to(((story_number *)v.data)->value, 1500000));
        story_vec_free(&v);
    }
}

/* Collective numerals past ten (fresh-user 14: uk "дванадцятеро" was no
 * number; the packs stopped at десятеро) */
static void test_collective_numerals(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
        double v;
    } cases[] = {
        {"uk", "дванадцятеро", 12}, {"uk", "п'ятнадцятеро", 15},
        {"ru", "двенадцатеро", 12}, {"ru", "двадцатеро", 20},
        {"uk", "четверо", 4},
        /* the oblique cases and Polish (session 21, fresh-user 21 H6:
         * "zginęło pięcioro dzieci", "загинуло п'ятьох дітей", "унес
         * жизни пятерых детей" had no number, so a faithful translation
         * "omitted" the death toll of five children, certain) */
        {"pl", "pięcioro", 5}, {"pl", "dwoje", 2}, {"pl", "troje", 3},
        {"pl", "czworgiem", 4}, {"pl", "dwanaściorga", 12},
        {"uk", "п'ятьох", 5}, {"uk", "п\u2019ятьох", 5},
        {"uk", "чотирнадцятьох", 14}, {"uk", "сімома", 7},
        {"ru", "пятерых", 5}, {"ru", "семерых", 7}, {"ru", "двоих", 2},
        {"ru", "четверыми", 4},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        story_vec v;
        assert_int_equal(scan(cases[i].lang, cases[i].text, &v), 1);
        assert_true(close_to(((story_number *)v.data)->value, cases[i].v));
        story_vec_free(&v);
    }
}

/* Measurements in different units agree in base units: 150 feet ~ 45.7 m,
 * 18 months = 1.5 years, 100 °F ~ 37.8 °C; counts and money have none. */
static void test_si_values(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *dim;
        double si;
    } cases[] = {
        {"en", "150 feet", "length", 45.72},
        {"es", "45 metros", "length", 45},
        {"en", "18 months", "duration", 547.86375},
        {"ja", "1年半", "duration", 547.86375},
        {"en", "100 °F", "temperature", 37.7777778},
        {"de", "3 Kilometer", "length", 3000},
        {"en", "25 dollars", "", 25},
        {"en", "25 per cent", "", 25},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        story_vec v;
        assert_int_equal(scan(cases[i].lang, cases[i].text, &v), 1);
        story_number *n = (story_number *)v.data;
        assert_string_equal(n->dimension, cases[i].dim);
        assert_true(fabs(n->si_value - cases[i].si) < 1e-4);
        story_vec_free(&v);
    }
    const char *dim = NULL;
    double sc = 0, off = 0;
    assert_int_equal(story__unit_si("USD", &dim, &sc, &off), 0);
    assert_null(dim);
    assert_int_equal(story__unit_si("", NULL, NULL, NULL), 0);
    assert_int_equal(story__unit_si(NULL, NULL, NULL, NULL), 0);
    assert_int_equal(story__unit_si("°F", &dim, &sc, &off), 1);
    assert_true(fabs(212 * sc + off - 100) < 1e-9);
}

/* German conventions: "1,234.5" must not read as 1.234. */
static void test_separator_conventions(void **state)
{
    (void)state;
    story_vec v;
    scan("de", "1,234.5", &v);
    assert_int_equal(v.len, 1);
    assert_false(close_to(((story_number *)v.data)->value, 1.234));
    assert_true(close_to(((story_number *)v.data)->value, 1234.5));
    story_vec_free(&v);
    scan("de", "1,234", &v); /* locale first: decimal comma */
    assert_true(close_to(((story_number *)v.data)->value, 1.234));
    story_vec_free(&v);
    scan("en", "1,234", &v);
    assert_true(close_to(((story_number *)v.data)->value, 1234));
    story_vec_free(&v);
    scan("en", "1,5", &v); /* invalid grouping in en: the other convention */
    assert_true(close_to(((story_number *)v.data)->value, 1.5));
    story_vec_free(&v);
    scan("en", "1.2.3 and 05.03.2025", &v); /* neither convention */
    assert_int_equal(v.len, 0);
    story_vec_free(&v);
}

/* A plain space groups digits in every pack, not only where CLDR's group
 * separator is a space (session 15, fresh-user 15 H16: "12 000" was 12 and
 * 0 in en/de/it/is/hi/ar), but never joins two numbers of a list. */
static void expect_values(const char *lang, const char *text, size_t n,
                          const double *want)
{
    story_vec v;
    scan(lang, text, &v);
    if (v.len != n)
        fail_msg("%s '%s': %zu numbers, want %zu", lang, text, v.len, n);
    for (size_t i = 0; i < n; i++) {
        double got = ((story_number *)v.data)[i].value;
        if (!close_to(got, want[i]))
            fail_msg("%s '%s': number %zu is %g, want %g", lang, text, i,
                     got, want[i]);
    }
    story_vec_free(&v);
}

static void test_plain_space_grouping(void **state)
{
    (void)state;
    static const char *langs[] = {"en", "de", "it", "is", "hi", "ar", "fr"};
    for (size_t k = 0; k < sizeof langs / sizeof *langs; k++) {
        const char *l = langs[k];
        expect_values(l, "The storm left 12 000 homes dark.", 1,
                      (double[]){12000});
        expect_values(l, "About 1 250 000 people voted.", 1,
                      (double[]){1250000});
        /* a year before a grouped count: 4 digits never open a group */
        expect_values(l, "In 2019 12 000 people left.", 2,
                      (double[]){2019, 12000});
        /* 2 digits after a space: two numbers */
        expect_values(l, "Rows 15 20 25 were empty.", 3,
                      (double[]){15, 20, 25});
    }
    /* where a space is not the pack's group separator: a list of small
     * numbers or a leading zero stays apart */
    expect_values("en", "The scores were 15 20 250 and 30.", 4,
                  (double[]){15, 20, 250, 30});
    expect_values("en", "They sold 10 200 30 tickets.", 3,
                  (double[]){10, 200, 30});
    expect_values("de", "Rufen Sie 0 800 an.", 2, (double[]){0, 800});
    /* a 4-digit group after the space is no group */
    expect_values("en", "Codes 12 0001 failed.", 2, (double[]){12, 1});
}

/* A scale suffix glued to a number without a currency (session 15,
 * fresh-user 15 H15): "500k jobs" was 500, a certain changed 500 ->
 * 500000 against "500,000 jobs". k, mn, bn … are scales alone; "m"
 * (metres) and "b" (a label: "Article 5b") need a currency before them. */
static void test_bare_scale_suffix(void **state)
{
    (void)state;
    expect_values("en", "The firm will cut 500k jobs this year.", 1,
                  (double[]){500000});
    expect_values("en", "Some 40k people marched.", 1, (double[]){40000});
    expect_values("en", "Exports reached 3bn in May.", 1,
                  (double[]){3000000000.0});
    expect_values("en", "It costs $5m and \u00A32bn.", 2,
                  (double[]){5000000, 2000000000.0});
    expect_values("en", "Article 5b applies.", 1, (double[]){5});
    expect_values("en", "The wall is 4m high.", 1, (double[]){4});
}

/* A soft hyphen inside a number word does not hide it (session 15,
 * fresh-user 15 M19). */
static void test_soft_hyphen_in_number_word(void **state)
{
    (void)state;
    expect_values("en", "Only twen\u00ADty people came.", 1, (double[]){20});
    expect_values("de", "Nur zwan\u00ADzig Leute kamen.", 1, (double[]){20});
}

/* Offsets are absolute into the text when scanning a sub-range. */
static void test_absolute_offsets(void **state)
{
    (void)state;
    const char *t = "Intro 7. Then at least 42 people.";
    size_t from = 9;
    story_vec v;
    story_vec_init(&v, sizeof(story_number));
    story_error err;
    assert_int_equal(
        story__numbers_scan(ctx, "en", t, from, strlen(t), &v, &err), 0);
    assert_int_equal(v.len, 1);
    story_number *n = v.data;
    assert_memory_equal(t + n->num_start, "42", 2);
    assert_memory_equal(t + n->start, "at least", 8);
    story_vec_free(&v);
}

static void test_bad_arguments(void **state)
{
    (void)state;
    story_vec v;
    story_vec_init(&v, sizeof(int));
    story_error err;
    assert_int_equal(story__numbers_scan(ctx, "en", "5", 0, 1, &v, &err),
                     STORY_EINVAL);
    assert_int_equal(story__numbers_scan(ctx, "en", "5", 2, 1, &v, &err),
                     STORY_EINVAL);
    story_vec_free(&v);
}

/* Unknown languages fall back to root: digits still parse. */
static void test_fallback_language(void **state)
{
    (void)state;
    story_vec v;
    scan("tr", "Yaklaşık 30 kişi ve 2.500 asker.", &v);
    assert_int_equal(v.len, 2);
    story_vec_free(&v);
}

/* A language without a pack reads scale words, number words and
 * currency names from ICU's locale data (sentences written for the
 * test): Dutch "4 miljoen euro" is 4,000,000 EUR, not 4. */
static void test_icu_words_without_pack(void **state)
{
    (void)state;
    story_vec v;
    scan("nl", "De reparatie kost 4 miljoen euro en vijftien mensen "
               "raakten gewond.", &v);
    assert_int_equal(v.len, 2);
    const story_number *n = v.data;
    assert_true(close_to(n[0].value, 4e6));
    assert_string_equal(n[0].unit, "EUR");
    assert_true(close_to(n[1].value, 15));
    story_vec_free(&v);
    /* Portuguese plural scale word; "um" (one, also "a") is no number */
    scan("pt", "O governo gastou 2,5 milh\xc3\xb5" "es num ano e um "
               "ministro saiu.", &v);
    assert_int_equal(v.len, 1);
    n = v.data;
    assert_true(close_to(n[0].value, 2.5e6));
    story_vec_free(&v);
    /* unit names from ICU's measure-unit data */
    scan("pt", "A ponte de 120 metros caiu num rio de 3 metros.", &v);
    assert_int_equal(v.len, 2);
    n = v.data;
    assert_string_equal(n[0].unit, "m");
    assert_string_equal(n[1].unit, "m");
    story_vec_free(&v);
    /* the feminine cardinal rule set (duas, not only dois) and the
     * linking "de" of the long date pattern before the currency */
    scan("pt", "Fecharam duas pontes e gastaram 5 milh\xc3\xb5" "es de "
               "euros.", &v);
    assert_int_equal(v.len, 2);
    n = v.data;
    assert_true(close_to(n[0].value, 2));
    assert_true(close_to(n[1].value, 5e6));
    assert_string_equal(n[1].unit, "EUR");
    story_vec_free(&v);
    /* a language with a pack keeps its own lists */
    scan("de", "Die Reparatur kostet 4 Millionen Euro.", &v);
    assert_int_equal(v.len, 1);
    n = v.data;
    assert_true(close_to(n[0].value, 4e6));
    story_vec_free(&v);
}

/* Session 8 (fresh-user M4): the currency noun of a language without a
 * pack, which CLDR names only with an adjective (nl "Brits pond", pt
 * "libra esterlina", sv "brittiskt pund"), is read through the English
 * pack's single-word names (pounds -> GBP); pt_PT spellout words
 * (dezassete) besides pt-BR ones; it elided tens before a vowel
 * ("quarant'anni" = 40 years). */
static void test_currency_nouns_regions_elision(void **state)
{
    (void)state;
    story_vec v;
    static const struct {
        const char *lang, *text, *unit;
        double value;
    } cases[] = {
        {"nl", "Het fonds kreeg 8 miljoen pond voor de dijk.", "GBP", 8e6},
        {"sv", "Fonden fick 8 miljoner pund till vallen.", "GBP", 8e6},
        {"pt", "O fundo recebeu 8 milh\xc3\xb5" "es de libras para o dique.",
         "GBP", 8e6},
        {"pt", "A obra custou 3 mil d\xc3\xb3lares.", "USD", 3000},
        {"nl", "De dijk kostte 12 miljoen dollar.", "USD", 12e6},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        scan(cases[k].lang, cases[k].text, &v);
        assert_int_equal(v.len, 1);
        const story_number *n = v.data;
        assert_true(close_to(n[0].value, cases[k].value));
        assert_string_equal(n[0].unit, cases[k].unit);
        story_vec_free(&v);
    }
    /* European Portuguese 16, 17, 19 as well as Brazilian */
    scan("pt", "Dezassete casas e dezessete carros ficaram na lama; "
               "dezanove pessoas sa\xc3\xad" "ram.", &v);
    assert_int_equal(v.len, 3);
    const story_number *n = v.data;
    assert_true(close_to(n[0].value, 17));
    assert_true(close_to(n[1].value, 17));
    assert_true(close_to(n[2].value, 19));
    story_vec_free(&v);
    /* Italian: the elided ten takes the unit after the apostrophe, with
     * a straight or a typographic apostrophe; other elisions are words */
    scan("it", "La piena pi\xc3\xb9 alta degli ultimi quarant'anni e "
               "di vent\xe2\x80\x99" "anni fa, dell'argine.", &v);
    assert_int_equal(v.len, 2);
    n = v.data;
    assert_true(close_to(n[0].value, 40));
    assert_string_equal(n[0].unit, "year");
    assert_true(close_to(n[1].value, 20));
    assert_string_equal(n[1].unit, "year");
    story_vec_free(&v);
}

/* A language without a pack: clock times "7.40 uur", "kl. 7.40", "7h40"
 * are no quantities (the fresh-user nl/sv/pt translations had a false
 * added 7.4 / 7); a decimal with a unit, currency or scale word after it
 * stays a number, and so does "7.40" where '.' is the decimal point. */
static void test_clock_without_pack(void **state)
{
    (void)state;
    story_vec v;
    scan("nl", "De brug stortte om 7.40 uur in en 23 mensen raakten "
               "gewond.", &v);
    assert_int_equal(v.len, 1);
    assert_true(close_to(((const story_number *)v.data)[0].value, 23));
    story_vec_free(&v);
    scan("sv", "Bron rasade kl. 7.40 och vid 18.05 var tre bilar kvar.", &v);
    assert_int_equal(v.len, 1);
    assert_true(close_to(((const story_number *)v.data)[0].value, 3));
    story_vec_free(&v);
    scan("pt", "A ponte caiu por volta das 7h40 com nove carros.", &v);
    assert_int_equal(v.len, 1);
    assert_true(close_to(((const story_number *)v.data)[0].value, 9));
    story_vec_free(&v);
    /* numbers, not times */
    scan("nl", "Een kaartje kost 3.50 euro en de muur is 2.30 meter hoog.",
         &v);
    assert_int_equal(v.len, 2);
    story_vec_free(&v);
    /* Finnish day.month. (the ITN revision "(20. ja 24.10.)") */
    scan("fi", "Hallitus erosi (20.10.) ja vaalit pidettiin.", &v);
    assert_int_equal(v.len, 1);
    story_vec_free(&v);
    scan("pt", "A obra durou 7h40min.", &v); /* a duration */
    assert_true(v.len >= 1);
    assert_true(close_to(((const story_number *)v.data)[0].value, 7));
    story_vec_free(&v);
}

/* A unit in a hyphenated compound modifier is the number's unit (the
 * fresh-user "120-metre bridge" was 120 with no unit against "120 m" in
 * every translation); a word that is no unit is not taken. */
static void test_hyphenated_unit(void **state)
{
    (void)state;
    story_vec v;
    scan("en", "The 120-metre bridge and a 40-tonne truck on a 10-km "
               "road; a 10-point plan.", &v);
    assert_int_equal(v.len, 4);
    const story_number *n = v.data;
    assert_string_equal(n[0].unit, "m");
    assert_true(close_to(n[0].value, 120));
    assert_string_equal(n[1].unit, "t");
    assert_string_equal(n[2].unit, "km");
    assert_string_equal(n[3].unit, "");
    story_vec_free(&v);
}

/* A currency the pack lists as a hyphenated compound ("US-Dollar") is
 * read after a number and after a scale (session 16, fresh-user 16 M6:
 * "16 Mrd. US-Dollar" had no unit, a certain changed against "$16
 * billion"); a hyphenated word the pack does not list keeps the first
 * word's reading. */
static void test_hyphenated_currency(void **state)
{
    (void)state;
    story_vec v;
    scan("de", "Er zahlte 16 US-Dollar, dann 16 Mrd. US-Dollar und "
               "3 Dollar-Noten.", &v);
    assert_int_equal(v.len, 3);
    const story_number *n = v.data;
    assert_string_equal(n[0].unit, "USD");
    assert_true(close_to(n[0].value, 16));
    assert_string_equal(n[1].unit, "USD");
    assert_true(close_to(n[1].value, 16e9));
    assert_string_equal(n[2].unit, "USD");
    assert_true(close_to(n[2].value, 3));
    story_vec_free(&v);
}

/* Half of a scale word and a thousand alone (session 17, fresh-user 17
 * H4: es "medio millón" and de "eine halbe Million" were 1 000 000, fr
 * "un demi-million" 0.5, ru "полмиллиона" no number, es "mil quinientas"
 * 500, "un millón y medio" 1 000 000); "medio" and "halbe" alone are no
 * number. Own sentences. */
static void test_half_and_thousand(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text;
        size_t n;
        double v[1];
    } cases[] = {
        {"es", "Llegaron medio mill\xc3\xb3" "n de personas.", 1, {500000}},
        {"es", "Cost\xc3\xb3" " mil quinientos millones de euros.", 1, {1500000000.0}},
        {"es", "Llegaron mil quinientas personas.", 1, {1500}},
        {"es", "Llegaron un mill\xc3\xb3" "n y medio de personas.", 1, {1500000.0}},
        {"es", "En medio de la crisis, el medio ambiente.", 0, {0}},
        {"fr", "Un demi-million de personnes sont venues.", 1, {500000}},
        {"fr", "Mille cinq cents personnes sont venues.", 1, {1500}},
        {"fr", "Un million et demi de personnes.", 1, {1500000.0}},
        {"de", "Eine halbe Million Menschen kamen.", 1, {500000}},
        {"de", "Es kostete einer halben Milliarde Euro.", 1, {500000000.0}},
        {"de", "Die halbe Stadt kam.", 0, {0}},
        {"ru", "\xd0\x9f" "\xd1\x80" "\xd0\xb8" "\xd1\x88" "\xd0\xbb" "\xd0\xb8" " \xd0\xbf" "\xd0\xbe" "\xd0\xbb" "\xd0\xbc" "\xd0\xb8" "\xd0\xbb" "\xd0\xbb" "\xd0\xb8" "\xd0\xbe" "\xd0\xbd" "\xd0\xb0" " \xd1\x87" "\xd0\xb5" "\xd0\xbb" "\xd0\xbe" "\xd0\xb2" "\xd0\xb5" "\xd0\xba" ".", 1, {500000}},
        {"uk", "\xd0\x9f" "\xd1\x80" "\xd0\xb8" "\xd0\xb9" "\xd1\x88" "\xd0\xbb" "\xd0\xb8" " \xd0\xbf" "\xd1\x96" "\xd0\xb2" "\xd0\xbc" "\xd1\x96" "\xd0\xbb" "\xd1\x8c" "\xd0\xb9" "\xd0\xbe" "\xd0\xbd" "\xd0\xb0" " \xd0\xbb" "\xd1\x8e" "\xd0\xb4" "\xd0\xb5" "\xd0\xb9" ".", 1, {500000}},
        {"it", "Arrivarono mille persone.", 1, {1000}},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        story_vec v;
        scan(cases[k].lang, cases[k].text, &v);
        if (v.len != cases[k].n)
            fail_msg("'%s': %zu numbers, want %zu", cases[k].text, v.len,
                     cases[k].n);
        if (cases[k].n && !close_to(((story_number *)v.data)[0].value,
                                    cases[k].v[0]))
            fail_msg("'%s': %g, want %g", cases[k].text,
                     ((story_number *)v.data)[0].value, cases[k].v[0]);
        story_vec_free(&v);
    }
}

/* The fast fold gives exactly the NFKC_Casefold match key. */
static void test_fold_word_matches_normalizer(void **state)
{
    (void)state;
    static const char *const words[] = {
        "Million", "Stra\xc3\x9f" "e", "\xe1\xba\x9e", "\xc4\xb0stanbul",
        "\xce\xa3\xce\x9f\xce\xa6\xce\x9f\xcf\x82", "\xef\xbc\xad\xef\xbd\x89\xef\xbd\x8f",
        "\xd0\x9f\xca\xbc\xd0\xaf\xd0\xa2\xd0\xac", "e\xcc\x81t\xc3\xa9", "\xef\xac\x81nal",
        "\xe4\xb8\x87", "\xd9\x85\xd9\x84\xd9\x8a\xd9\x88\xd9\x86", "Mio.", "so\xc2\xad" "ft",
        "\xe0\xa4\x9c\xe0\xa4\xbc", "\xe2\x85\xa0", "Dz", "\xc7\x85",
    };
    story_buf a = {0}, b = {0};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++) {
        assert_int_equal(story__fold_word(&a, words[i], strlen(words[i])), 0);
        b.len = 0;
        if (b.data)
            b.data[0] = '\0';
        assert_int_equal(story__normalize_key_buf(&b, NULL, words[i],
                                                  strlen(words[i]), NULL),
                         0);
        assert_string_equal(a.data, b.data ? b.data : "");
    }
    story_buf_free(&a);
    story_buf_free(&b);
}

/* Real data: WMT24 faithful translations carry the same numbers as the
 * English paragraph (bench/run numbers gives the per-language figures). */
static size_t para_values(const char *lang, const char *t, double *out,
                          size_t max)
{
    story_vec v, d;
    story_error err;
    story_vec_init(&v, sizeof(story_number));
    story_vec_init(&d, sizeof(story_date));
    assert_int_equal(
        story__numbers_scan(ctx, lang, t, 0, strlen(t), &v, &err), 0);
    assert_int_equal(
        story__dates_scan(ctx, lang, t, 0, strlen(t), NULL, &d, &err), 0);
    size_t n = 0;
    for (size_t i = 0; i < v.len && n + 2 < max; i++) {
        story_number *x = (story_number *)v.data + i;
        int in_date = 0;
        for (size_t k = 0; k < d.len; k++) {
            story_date *dt = (story_date *)d.data + k;
            in_date |= dt->iso[0] && x->num_start >= dt->start &&
                       x->num_end <= dt->end;
        }
        if (in_date)
            continue;
        out[n++] = x->value;
        if (x->is_range)
            out[n++] = x->value_hi;
    }
    story_vec_free(&v);
    story_vec_free(&d);
    return n;
}

static void test_wmt24_agreement(void **state)
{
    (void)state;
    char *path =
        story_test_corpus_path("wmt/wmt24_news/multiparallel_docs.json");
    if (!path)
        skip();
    json_t *docs = json_load_file(path, 0, NULL);
    free(path);
    assert_non_null(docs);
    static const char *const langs[] = {"cs", "de", "es", "hi", "is",
                                        "ja", "ru", "uk", "zh"};
    size_t tp = 0, ne = 0, nt = 0, i;
    json_t *doc;
    static double a[512], b[512];
    json_array_foreach(docs, i, doc) {
        json_t *text = json_object_get(doc, "text");
        json_t *en = json_object_get(text, "en");
        for (size_t l = 0; l < 9; l++) {
            json_t *tr = json_object_get(text, langs[l]);
            if (json_array_size(tr) != json_array_size(en))
                continue;
            for (size_t p = 0; p < json_array_size(en); p++) {
                size_t na = para_values(
                    "en", json_string_value(json_array_get(en, p)), a, 512);
                size_t nb = para_values(
                    langs[l], json_string_value(json_array_get(tr, p)), b,
                    512);
                int used[512] = {0};
                for (size_t x = 0; x < na; x++)
                    for (size_t y = 0; y < nb; y++)
                        if (!used[y] && close_to(a[x], b[y])) {
                            used[y] = 1;
                            tp++;
                            break;
                        }
                ne += na;
                nt += nb;
            }
        }
    }
    json_decref(docs);
    double p = (double)tp / (double)nt, r = (double)tp / (double)ne;
    print_message("WMT24 number agreement: precision %.4f recall %.4f over "
                  "%zu English values\n", p, r, ne);
    assert_true(ne > 1000);
    assert_true(p >= 0.90);
    assert_true(r >= 0.90);
}

/* A compound of 1 is a value unless its suffix is in compound_one_skip
 * (idioms, durations); a hyphen between two spelled numbers is a range,
 * but a spelled compound number (twenty-one) stays one value. */
static void test_compound_one_and_word_ranges(void **state)
{
    (void)state;
    story_vec v;
    assert_int_equal(scan("cs", "Pronajmou jednopokojový byt.", &v), 1);
    assert_true(close_to(((story_number *)v.data)->value, 1));
    assert_true(((story_number *)v.data)->spelled);
    story_vec_free(&v);
    assert_int_equal(scan("de", "Die Lösung ist einfach.", &v), 0);
    story_vec_free(&v);
    assert_int_equal(scan("de", "Ein einjähriger Vertrag.", &v), 0);
    story_vec_free(&v);
    assert_int_equal(scan("uk", "Це займе два-три тижні.", &v), 1);
    story_number *n = (story_number *)v.data;
    assert_true(n->is_range);
    assert_true(close_to(n->value, 2) && close_to(n->value_hi, 3));
    story_vec_free(&v);
    assert_int_equal(scan("en", "We waited twenty-one days.", &v), 1);
    n = (story_number *)v.data;
    assert_false(n->is_range);
    assert_true(close_to(n->value, 21));
    story_vec_free(&v);
}

/* Decade words ("decade", "Jahrzehnt", "десятилетие") are no numbers by
 * themselves or after an article: only a number other than one counts
 * them (issue: "Ende des Jahrzehnts" was read as 10). */
static void test_decades_need_a_count(void **state)
{
    (void)state;
    static const char *const none[][2] = {
        {"de", "Bis zum Ende des Jahrzehnts gilt die Regel."},
        {"en", "By the end of the decade the rule applies."},
        {"fr", "D'ici la fin de la décennie, la règle vaut."},
        {"ru", "К концу десятилетия правило вступит в силу."},
        {"uk", "До кінця десятиліття правило діятиме."},
        {"es", "Para el final de la década la regla vale."},
        {"cs", "Do konce desetiletí pravidlo platí."},
        {"pl", "Do końca dekady reguła obowiązuje."},
        {"it", "Entro la fine del decennio la regola vale."},
        {"is", "Fyrir lok áratugarins gildir reglan."},
        {"hi", "दशक के अंत तक नियम लागू होगा।"},
    };
    story_vec v;
    for (size_t k = 0; k < sizeof none / sizeof none[0]; k++) {
        if (scan(none[k][0], none[k][1], &v) != 0)
            fail_msg("%s: '%s' gave %zu numbers", none[k][0], none[k][1],
                     v.len);
        story_vec_free(&v);
    }
    static const char *const twenty[][2] = {
        {"de", "Das dauerte zwei Jahrzehnte."},
        {"en", "That took two decades."},
        {"ru", "Это заняло два десятилетия."},
        {"uk", "Це тривало два десятиліття."},
    };
    for (size_t k = 0; k < sizeof twenty / sizeof twenty[0]; k++) {
        assert_int_equal(scan(twenty[k][0], twenty[k][1], &v), 1);
        assert_true(close_to(((story_number *)v.data)->value, 20));
        story_vec_free(&v);
    }
    /* session 11 (fresh-user M3): "a decade" = "ten years" where the
     * language has an indefinite article (scale_counted_one); decades
     * count years where the pack has a year unit (scale_counted_unit) */
    static const char *const ten[][3] = {
        {"en", "After a decade of inaction, politicians acted.", ""},
        {"de", "Vor einem Jahrzehnt war das anders.", ""},
        {"es", "Hace una década todo era distinto.", "year"},
        {"fr", "Il y a une décennie, tout était différent.", "year"},
        {"it", "Un decennio fa era diverso.", "year"},
    };
    for (size_t k = 0; k < sizeof ten / sizeof ten[0]; k++) {
        if (scan(ten[k][0], ten[k][1], &v) != 1)
            fail_msg("%s: '%s' gave %zu numbers", ten[k][0], ten[k][1],
                     v.len);
        assert_true(close_to(((story_number *)v.data)->value, 10));
        assert_string_equal(((story_number *)v.data)->unit, ten[k][2]);
        story_vec_free(&v);
    }
    assert_int_equal(scan("ru", "Это заняло два десятилетия.", &v), 1);
    assert_string_equal(((story_number *)v.data)->unit, "year");
    story_vec_free(&v);
    /* dozens: counted ("three dozen" = 36, "a dozen" = 12), never bare */
    assert_int_equal(scan("en", "Three dozen came; the dozen left.", &v), 1);
    assert_true(close_to(((story_number *)v.data)->value, 36));
    story_vec_free(&v);
    assert_int_equal(scan("de", "Ein Dutzend kam, das Dutzend ging.", &v), 1);
    assert_true(close_to(((story_number *)v.data)->value, 12));
    story_vec_free(&v);
}

/* Session 19 (fresh-user 18 M12): in packs with "year_nouns" (uk ru pl
 * cs) a year takes the word "year" ("1910 року", "v roce 2023"), so a
 * 4-digit number between a verb and a noun the counted-noun lexicon does
 * not know counts (it was a year date: a certain omission against
 * "1,935"), also with a no-break space; the year readings stay. */
static void test_year_nouns_counts(void **state)
{
    (void)state;
    static const char *const counts[][2] = {
        {"uk", "Минулого місяця клініка відклала 1935 операцій."},
        {"uk", "Минулого місяця клініка відклала 1935\u00a0операцій."},
        {"uk", "Клініка відклала 1935 планових операцій пацієнтів."},
        {"ru", "В прошлом месяце клиника отложила 1935 операций."},
        {"pl", "W zeszłym miesiącu klinika przełożyła 1935 operacji."},
        {"cs", "Minulý měsíc klinika odložila 1935 operací."},
    };
    for (size_t k = 0; k < sizeof counts / sizeof counts[0]; k++) {
        run r = extract(counts[k][1], counts[k][0]);
        int q = 0, d = 0;
        for (size_t i = 0; i < r.fs->n_facts; i++) {
            const story_fact *f = &r.fs->facts[i];
            q += f->type == STORY_FACT_QUANTITY && f->number == 1935;
            d += f->type == STORY_FACT_DATE &&
                 strcmp(f->key, "date|1935") == 0;
        }
        if (q != 1 || d != 0)
            fail_msg("%s '%s': %d quantities 1935, %d dates", counts[k][0],
                     counts[k][1], q, d);
        run_free(&r);
    }
    static const char *const years[][2] = {
        {"uk", "У 1935 році клініка відклала операції."},
        {"cs", "Klinika v roce 1935 odložila operace."},
        {"pl", "Klinika w roku 1935 przełożyła operacje."},
        {"ru", "Клиника отложила операции в 1935 году."},
        {"en", "The party won 1935 elections in the region."},
    };
    for (size_t k = 0; k < sizeof years / sizeof years[0]; k++) {
        run r = extract(years[k][1], years[k][0]);
        int q = 0, d = 0;
        for (size_t i = 0; i < r.fs->n_facts; i++) {
            const story_fact *f = &r.fs->facts[i];
            q += f->type == STORY_FACT_QUANTITY && f->number == 1935;
            d += f->type == STORY_FACT_DATE &&
                 strcmp(f->key, "date|1935") == 0;
        }
        if (q != 0 || d != 1)
            fail_msg("%s '%s': %d quantities 1935, %d dates", years[k][0],
                     years[k][1], q, d);
        run_free(&r);
    }
}

/* Session 19 (fresh-user 18 M13): a number right after a word of the
 * pack's "label_nouns" names a part ("Chapter Seven", "Section 713",
 * "статтею 5") and is no quantity, as the ordinals translations write
 * ("сьомою главою", 第七章) are none; other numbers stay. */
static void test_label_numbers(void **state)
{
    (void)state;
    static const char *const labels[][2] = {
        {"en", "The court ruled under Chapter Seven, Section 713 of the law."},
        {"de", "Das Gericht entschied nach Kapitel 7, Abschnitt 713 des Gesetzes."},
        {"uk", "Суд ухвалив рішення згідно з розділом 713 і статтею 5 закону."},
        {"ru", "Суд вынес решение по главе 7 и статье 5 закона."},
        {"fr", "Le tribunal a statué selon l'article 5 du traité."},
        {"hi", "अदालत ने कानून के अध्याय सात और धारा 713 के तहत फैसला दिया।"},
    };
    for (size_t k = 0; k < sizeof labels / sizeof labels[0]; k++) {
        run r = extract(labels[k][1], labels[k][0]);
        for (size_t i = 0; i < r.fs->n_facts; i++)
            if (r.fs->facts[i].type == STORY_FACT_QUANTITY)
                fail_msg("%s '%s': quantity %s", labels[k][0], labels[k][1],
                         r.fs->facts[i].key);
        run_free(&r);
    }
    run r = extract("The section was 30 metres long and Flight 370 left.",
                    "en");
    int q = 0;
    for (size_t i = 0; i < r.fs->n_facts; i++)
        q += r.fs->facts[i].type == STORY_FACT_QUANTITY;
    assert_int_equal(q, 2);
    run_free(&r);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spec_tables),
        cmocka_unit_test(test_plain_space_grouping),
        cmocka_unit_test(test_bare_scale_suffix),
        cmocka_unit_test(test_soft_hyphen_in_number_word),
        cmocka_unit_test(test_same_value_across_languages),
        cmocka_unit_test(test_collective_numerals),
        cmocka_unit_test(test_separator_conventions),
        cmocka_unit_test(test_si_values),
        cmocka_unit_test(test_absolute_offsets),
        cmocka_unit_test(test_bad_arguments),
        cmocka_unit_test(test_fallback_language),
        cmocka_unit_test(test_icu_words_without_pack),
        cmocka_unit_test(test_clock_without_pack),
        cmocka_unit_test(test_currency_nouns_regions_elision),
        cmocka_unit_test(test_hyphenated_unit),
        cmocka_unit_test(test_hyphenated_currency),
        cmocka_unit_test(test_half_and_thousand),
        cmocka_unit_test(test_fold_word_matches_normalizer),
        cmocka_unit_test(test_wmt24_agreement),
        cmocka_unit_test(test_compound_one_and_word_ranges),
        cmocka_unit_test(test_decades_need_a_count),
        cmocka_unit_test(test_year_nouns_counts),
        cmocka_unit_test(test_label_numbers),
        cmocka_unit_test(test_first_filter_same),
    };
    return cmocka_run_group_tests_name("numbers", tests, setup, teardown);
}
