/*
 * Dates: the spec tables tests/spec/dates.<lang>.txt (written for these
 * tests) and resolution properties.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dates.h"
#include "normalize.h"
#include "support.h"
#include "ctx_fixture.h"

static void scan(const char *lang, const char *text, const char *pub,
                 story_vec *v)
{
    story_error err;
    story_vec_init(v, sizeof(story_date));
    int rc = story__dates_scan(ctx, lang, text, 0, strlen(text), pub, v,
                               &err);
    if (rc)
        fail_msg("scan failed: %s", err.message);
}

static int check_mention(const story_date *d, char *spec, char *why,
                         size_t wn)
{
    char *save = NULL;
    int saw_iso = 0;
    for (char *tok = strtok_r(spec, " ", &save); tok;
         tok = strtok_r(NULL, " ", &save)) {
        if (!strncmp(tok, "rel=", 4)) {
            if (strcmp(d->relative, tok + 4))
                return snprintf(why, wn, "relative '%s'", d->relative), -1;
        } else if (!strncmp(tok, "time=", 5)) {
            if (!d->has_time || strcmp(d->time, tok + 5))
                return snprintf(why, wn, "time '%s'", d->time), -1;
        } else {
            saw_iso = 1;
            if (strcmp(d->iso, tok))
                return snprintf(why, wn, "iso '%s'", d->iso), -1;
        }
    }
    if (!saw_iso && d->iso[0])
        return snprintf(why, wn, "iso '%s', want none", d->iso), -1;
    return 0;
}

static int run_spec_file(const char *path, const char *lang)
{
    size_t len;
    char *buf = story_test_read_file(path, &len);
    assert_non_null(buf);
    int failures = 0, cases = 0;
    char pub[32] = "";
    char *save = NULL;
    for (char *line = strtok_r(buf, "\n", &save); line;
         line = strtok_r(NULL, "\n", &save)) {
        if (line[0] == '#' || !line[0])
            continue;
        if (!strncmp(line, "@published ", 11)) {
            snprintf(pub, sizeof pub, "%s", line + 11);
            if (!strcmp(pub, "none"))
                pub[0] = '\0';
            continue;
        }
        char *arrow = strstr(line, " => ");
        if (!arrow)
            continue;
        *arrow = '\0';
        const char *input = line;
        char *want = arrow + 4;
        story_vec v;
        scan(lang, input, pub[0] ? pub : NULL, &v);
        cases++;
        int bad = 0;
        char why[200] = "";
        size_t k = 0;
        if (!strcmp(want, "none")) {
            if (v.len)
                bad = snprintf(why, sizeof why, "%zu mentions", v.len) > 0;
        } else {
            char *wsave = NULL;
            for (char *m = strtok_r(want, ";", &wsave); m && !bad;
                 m = strtok_r(NULL, ";", &wsave), k++) {
                if (k >= v.len) {
                    bad = snprintf(why, sizeof why, "missing '%s'", m) > 0;
                    break;
                }
                const story_date *d = (story_date *)v.data + k;
                if (d->start >= d->end || d->end > strlen(input)) {
                    bad = snprintf(why, sizeof why, "bad offsets") > 0;
                    break;
                }
                if (check_mention(d, m, why, sizeof why))
                    bad = 1;
            }
            if (!bad && k != v.len)
                bad = snprintf(why, sizeof why, "%zu mentions, want %zu",
                               v.len, k) > 0;
        }
        if (bad) {
            failures++;
            print_error("%s: '%s': %s\n", path, input, why);
            for (size_t i = 0; i < v.len; i++) {
                const story_date *d = (story_date *)v.data + i;
                print_error("   got [%.*s] iso=%s rel=%s time=%s\n",
                            (int)(d->end - d->start), input + d->start,
                            d->iso, d->relative, d->time);
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
    DIR *dd = opendir(dir);
    assert_non_null(dd);
    struct dirent *de;
    int failures = 0, files = 0;
    while ((de = readdir(dd))) {
        const char *nm = de->d_name;
        size_t l = strlen(nm);
        if (strncmp(nm, "dates.", 6) || l < 11 || strcmp(nm + l - 4, ".txt"))
            continue;
        char lang[16];
        snprintf(lang, sizeof lang, "%.*s", (int)(l - 10), nm + 6);
        char path[4400];
        snprintf(path, sizeof path, "%.4096s/%.255s", dir, nm);
        failures += run_spec_file(path, lang);
        files++;
    }
    closedir(dd);
    assert_true(files >= 14);
    assert_int_equal(failures, 0);
}

/* "5. März 2025" = "March 5, 2025" = "5 березня 2025 р." = "2025-03-05" */
static void test_same_date_across_languages(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"de", "5. März 2025"},       {"en", "March 5, 2025"},
        {"uk", "5 березня 2025 р."},  {"es", "5 de marzo de 2025"},
        {"en", "2025-03-05"},         {"zh", "2025年3月5日"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        story_vec v;
        scan(cases[i][0], cases[i][1], NULL, &v);
        assert_int_equal(v.len, 1);
        story_date *d = v.data;
        assert_string_equal(d->iso, "2025-03-05");
        assert_int_equal(d->start, 0);
        assert_int_equal(d->end, strlen(cases[i][1]));
        story_vec_free(&v);
    }
}

/* Session 13: ICU date parsing keeps one calendar per language (and the
 * fields of each date pattern) in the context instead of opening one per
 * attempt. Languages read in turn, each text twice, give the same dates
 * as the first reading (sentences written for the test; nl and sv have
 * no pack and read ICU's names). */
static void test_icu_calendar_reused_across_languages(void **state)
{
    (void)state;
    static const char *const cases[][3] = {
        {"de", "Der Vertrag endet am 5. März 2025 in Bonn.", "2025-03-05"},
        {"en", "The deal ends on March 5, 2025 in Boston.", "2025-03-05"},
        {"nl", "De brug ging op 12 mei 2025 dicht.", "2025-05-12"},
        {"es", "El acuerdo termina el 30 de junio de 2024.", "2024-06-30"},
        {"sv", "Bron st\xc3\xa4ngdes den 5 mars 2025.", "2025-03-05"},
        {"en", "It was signed on 29 February 2024.", "2024-02-29"},
        {"uk", "Угоду підписали 1 грудня 2023 р.", "2023-12-01"},
    };
    for (int round = 0; round < 2; round++) {
        for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
            story_vec v;
            scan(cases[i][0], cases[i][1], NULL, &v);
            assert_int_equal(v.len, 1);
            assert_string_equal(((story_date *)v.data)->iso, cases[i][2]);
            story_vec_free(&v);
        }
    }
}

/* A language without a pack reads month and weekday names from ICU's
 * date symbols (sentences written for the test): Dutch "12 mei 2025" is
 * a date, not the number 12; abbreviations with a dot too. */
static void test_icu_names_without_pack(void **state)
{
    (void)state;
    story_vec v;
    scan("nl", "De brug ging op 12 mei 2025 dicht en op 3 okt. 2025 weer "
               "open.", NULL, &v);
    assert_int_equal(v.len, 2);
    assert_string_equal(((story_date *)v.data)[0].iso, "2025-05-12");
    assert_string_equal(((story_date *)v.data)[1].iso, "2025-10-03");
    story_vec_free(&v);
    scan("nl", "Het gebeurde op maandag.", "2025-01-01", &v); /* Wednesday */
    assert_int_equal(v.len, 1);
    assert_string_equal(((story_date *)v.data)->iso, "2024-12-30");
    story_vec_free(&v);
    scan("sv", "Bron st\xc3\xa4ngdes den 5 mars 2025.", NULL, &v);
    assert_int_equal(v.len, 1);
    assert_string_equal(((story_date *)v.data)->iso, "2025-03-05");
    story_vec_free(&v);
    /* Portuguese: the linking "de" of CLDR's long date pattern, the
     * hyphenated weekday merged with the date; the verb "ter" is not the
     * abbreviation of Tuesday (the fresh-user tr.pt.txt had the number 12
     * and a Tuesday "ter") */
    scan("pt", "A ponte caiu na ter\xc3\xa7" "a-feira, 12 de maio de 2025. "
               "O relat\xc3\xb3rio pode ter erros e sai na quarta-feira.",
         "2025-05-14", &v);
    assert_int_equal(v.len, 2);
    assert_string_equal(((story_date *)v.data)[0].iso, "2025-05-12");
    assert_string_equal(((story_date *)v.data)[1].relative, "wednesday");
    assert_string_equal(((story_date *)v.data)[1].iso, "2025-05-14");
    story_vec_free(&v);
    /* the Swedish definite form of a weekday; a capitalised name is not */
    scan("sv", "Kommunen beslutade p\xc3\xa5 onsdagen att bygga bron. "
               "Domingos var d\xc3\xa4r.", "2025-05-16", &v);
    assert_int_equal(v.len, 1);
    assert_string_equal(((story_date *)v.data)->relative, "wednesday");
    assert_string_equal(((story_date *)v.data)->iso, "2025-05-14");
    story_vec_free(&v);
    scan("pt", "O treinador Domingos Silva falou.", NULL, &v);
    assert_int_equal(v.len, 0);
    story_vec_free(&v);
}

/* A weekday resolves to the latest such day on or before publication,
 * across a month and a year boundary. */
static void test_weekday_resolution(void **state)
{
    (void)state;
    story_vec v;
    scan("en", "It happened on Sunday.", "2025-01-01", &v); /* Wednesday */
    assert_int_equal(v.len, 1);
    assert_string_equal(((story_date *)v.data)->iso, "2024-12-29");
    story_vec_free(&v);
    scan("en", "It happened on Wednesday.", "2025-01-01T09:00:00Z", &v);
    assert_string_equal(((story_date *)v.data)->iso, "2025-01-01");
    story_vec_free(&v);
    scan("en", "They meet next Monday.", "2025-01-01", &v);
    assert_string_equal(((story_date *)v.data)->iso, "2025-01-06");
    story_vec_free(&v);
    scan("en", "It happened on Sunday.", "not a date", &v);
    assert_string_equal(((story_date *)v.data)->iso, "");
    assert_string_equal(((story_date *)v.data)->relative, "sunday");
    story_vec_free(&v);
}

static void test_invalid_dates_rejected(void **state)
{
    (void)state;
    story_vec v;
    scan("en", "Codes 2025-02-30 and 2025-13-01.", NULL, &v);
    assert_int_equal(v.len, 0);
    story_vec_free(&v);
    scan("de", "Am 31.02.2025 nicht.", NULL, &v);
    assert_int_equal(v.len, 0);
    story_vec_free(&v);
}

/* Session 6 (fresh-user L2): "on 12.05.2025" in English text is 12 May
 * (dots: day first in every language); slashes in English need a number
 * above 12 to fix the order, German slashes are day first. */
/* Session 11 (fresh-user H5, L5): a month name alone is the month
 * (relative "--06") after a pack preposition, in every pack language; the modal
 * "may", a name ("Theresa May", "Plaza de Mayo"), an abbreviation and a
 * bare month name stay no mention. Sentences written for this test. */
/* A number after a month name that continues with a group separator and
 * 3 digits is a count, not a day (session 15, fresh-user 15 H9: "In March
 * 2,500 people" was March 2 and the count was lost). */
static void test_grouped_number_after_month_not_day(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *iso;
    } cases[] = {
        {"en", "In March 2,500 fans waited outside.", "--03"},
        {"en", "Since May 12,000 homes were built.", "--05"},
        {"en", "In June 4 000 runners took part.", "--06"},
        {"de", "Im März 2.500 Menschen demonstrierten.", "--03"},
        {"de", "Im November 1.910 Menschen warteten.", "--11"},
        /* days stay days */
        {"en", "The law was passed on March 2, 2025 in the end.",
         "2025-03-02"},
        {"en", "On May 12 the vote took place.", "--05-12"},
        {"de", "Die Wahl fand am 3. März 2025 statt.", "2025-03-03"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof *cases; k++) {
        story_vec v;
        scan(cases[k].lang, cases[k].text, NULL, &v);
        if (v.len != 1)
            fail_msg("'%s': %zu dates", cases[k].text, v.len);
        story_date *d = v.data;
        const char *got = d->iso[0] ? d->iso : d->relative;
        if (strcmp(got, cases[k].iso))
            fail_msg("'%s': %s, want %s", cases[k].text, got, cases[k].iso);
        story_vec_free(&v);
    }
}

/* A soft hyphen inside a weekday or month name does not hide it; the
 * span still covers the word as written (session 15, fresh-user 15 M19). */
static void test_soft_hyphen_in_names(void **state)
{
    (void)state;
    const char *t = "The talks ended on Mon\u00ADday in Sep\u00ADtember.";
    story_vec v;
    scan("en", t, NULL, &v);
    assert_int_equal(v.len, 2);
    story_date *d = v.data;
    assert_string_equal(d[0].relative, "monday");
    assert_int_equal(d[0].end - d[0].start, strlen("on Mon\u00ADday"));
    assert_string_equal(d[1].relative, "--09");
    assert_memory_equal(t + d[1].start, "Sep\u00ADtember", d[1].end - d[1].start);
    story_vec_free(&v);
    scan("de", "Der Minister trat am Mon\u00ADtag zur\u00FCck.", NULL, &v);
    assert_int_equal(v.len, 1);
    assert_string_equal(((story_date *)v.data)->relative, "monday");
    story_vec_free(&v);
}

static void test_month_alone(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *iso; /* iso NULL: no mention */
    } cases[] = {
        {"en", "The law would take effect in June.", "--06"},
        {"en", "The law would take effect in July.", "--07"},
        {"en", "They expect a decision by June.", "--06"},
        {"en", "Prices rose in mid-March after the vote.", "--03"},
        {"en", "Work will start at the end of August.", "--08"},
        {"en", "Voters may change their minds.", NULL},
        {"en", "The plan was criticised by May and others.", NULL},
        {"en", "June was a hot month.", NULL},
        {"en", "The talks were held in May.", "--05"},
        {"en", "A poll in May's constituency.", NULL},
        {"en", "The shop opened in Jan.", NULL},
        {"de", "Das Gesetz tritt im Juni in Kraft.", "--06"},
        {"de", "Bis Ende Juli soll alles fertig sein.", "--07"},
        {"es", "La ley entrará en vigor en junio.", "--06"},
        {"es", "Se reunieron a finales de marzo.", "--03"},
        {"es", "Marcharon por la Plaza de Mayo.", NULL},
        {"fr", "La loi entrera en vigueur en juin.", "--06"},
        {"it", "La legge entrerà in vigore a giugno.", "--06"},
        {"ru", "Закон вступит в силу в июне.", "--06"},
        {"ru", "Работы продлятся до июля.", "--07"},
        {"uk", "Закон набуде чинності у червні.", "--06"},
        {"pl", "Ustawa wejdzie w życie w czerwcu.", "--06"},
        {"cs", "Zákon vstoupí v platnost v červnu.", "--06"},
        {"is", "Lögin taka gildi í júní.", "--06"},
        {"hi", "कानून जून में लागू होगा।", "--06"},
        {"ar", "يدخل القانون حيز التنفيذ في يونيو.", "--06"},
        {"zh", "该法律将于6月生效。", "--06"},
        {"ja", "法律は6月に施行される。", "--06"},
        {"ja", "工事は6か月続く。", NULL},
        {"zh", "他们希望在三月初达成协议。", "--03"},
        {"zh", "会议在十一月举行。", "--11"},
        {"zh", "二月十日", NULL},
        {"es", "Los precios subieron en Septiembre.", "--09"},
        /* M3: a count after the month is no year */
        {"ru", "В ноябре 1910 человек покинули город.", "--11"},
        {"ru", "В ноябре 1910 года город опустел.", "1910-11"},
        /* L5: the Austrian January */
        {"de", "Am 25. Jänner 2020 wurde gewählt.", "2020-01-25"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        story_vec v;
        scan(cases[i].lang, cases[i].text, NULL, &v);
        if (!cases[i].iso) {
            if (v.len)
                fail_msg("%s: '%s': %zu mentions, first '%s'",
                         cases[i].lang, cases[i].text, v.len,
                         ((story_date *)v.data)->iso);
        } else {
            /* a month alone is relative ("--06"), a full date absolute */
            const story_date *d = v.len ? (story_date *)v.data : NULL;
            const char *got = !d ? "" : d->iso[0] ? d->iso : d->relative;
            if (v.len != 1 || strcmp(got, cases[i].iso) ||
                (cases[i].iso[0] == '-' && d->iso[0]))
                fail_msg("%s: '%s': want one %s, got %zu ('%s')",
                         cases[i].lang, cases[i].text, cases[i].iso, v.len,
                         got);
        }
        story_vec_free(&v);
    }
}

static void test_numeric_day_month_order(void **state)
{
    (void)state;
    static const char *const cases[][3] = {
        {"en", "The ferry sailed on 12.05.2025 at noon.", "2025-05-12"},
        {"en", "The ferry sailed on 25/12/2025.", "2025-12-25"},
        {"en", "The ferry sailed on 12/25/2025.", "2025-12-25"},
        {"de", "Die F\xc3\xa4hre fuhr am 05/12/2025.", "2025-12-05"},
        {"zh", "\xe6\xb8\xa1\xe8\xbd\xae\xe4\xba\x8e 12.05.2025 \xe5\x87\xba\xe5\x8f\x91\xe3\x80\x82",
         "2025-05-12"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        story_vec v;
        scan(cases[i][0], cases[i][1], NULL, &v);
        assert_int_equal(v.len, 1);
        assert_string_equal(((story_date *)v.data)->iso, cases[i][2]);
        story_vec_free(&v);
    }
    /* both numbers 12 or less: no day or month is safer than a wrong
     * one, but the year is certain and the mention covers the numbers
     * (fresh-user M4: "12/05/2025" gave the counts 12 and 5) */
    story_vec v;
    scan("en", "The ferry sailed on 05/12/2025.", NULL, &v);
    assert_int_equal(v.len, 1);
    assert_string_equal(((story_date *)v.data)->iso, "2025");
    assert_int_equal(((story_date *)v.data)->start, 20);
    assert_int_equal(((story_date *)v.data)->end, 30);
    /* both readings are kept, day first then month first (session 8,
     * fresh-user M2: "8/3/2025" -> "9/3/2025" was no change) */
    assert_string_equal(((story_date *)v.data)->readings[0], "2025-12-05");
    assert_string_equal(((story_date *)v.data)->readings[1], "2025-05-12");
    assert_int_equal(((story_date *)v.data)->slash_order, 0);
    story_vec_free(&v);
    /* equal numbers: one date; a number above 12 fixes the order */
    scan("en", "The ferry sailed on 7/7/2025.", NULL, &v);
    assert_int_equal(v.len, 1);
    assert_string_equal(((story_date *)v.data)->iso, "2025-07-07");
    assert_string_equal(((story_date *)v.data)->readings[0], "");
    story_vec_free(&v);
    scan("en", "It sailed on 25/12/2025 and 12/25/2026.", NULL, &v);
    assert_int_equal(v.len, 2);
    assert_int_equal(((story_date *)v.data)[0].slash_order, 1);
    assert_int_equal(((story_date *)v.data)[1].slash_order, 2);
    story_vec_free(&v);
    scan("en", "Version 1.2.3 shipped.", NULL, &v);
    assert_int_equal(v.len, 0);
    story_vec_free(&v);
}

/* Day and month without a year written with digits, where the decimal
 * separator is ',' (session 17, fresh-user 16 M6: de "am 19.1." and uk
 * "(10.01)" were the quantities 19.1 and 10.01, a certain added quantity
 * and omitted date against "on 19 January"); numbers and clock times
 * stay what they were. want NULL: no date. */
static void test_day_month_without_year(void **state)
{
    (void)state;
    static const char *const cases[][3] = {
        {"de", "Er kam am 19.1. nach Bonn.", "--01-19"},
        {"de", "Er kam am 19.01. nach Bonn.", "--01-19"},
        {"uk", "\xd0\x92\xd1\x96\xd0\xbd \xd0\xbf\xd1\x80\xd0\xb8\xd1\x97\xd1\x85\xd0\xb0\xd0\xb2 (10.01) \xd1\x83\xd0\xb2\xd0\xb5\xd1\x87\xd0\xb5\xd1\x80\xd1\x96.", "--01-10"},
        {"cs", "P\xc5\x99ijel 3.12. ve\xc4\x8d" "er.", "--12-03"},
        /* a dotted decimal without closing dot and a one-digit month */
        {"de", "Die Version 17.1 kam heraus.", NULL},
        /* no month 13, no day 31 in April */
        {"de", "Es waren 10.13 und 31.04. dabei.", NULL},
        /* a unit or a currency makes it a number */
        {"de", "Der Kurs stieg um 10.05 % an.", NULL},
        {"de", "Er zahlte $10.01 daf\xc3\xbcr.", NULL},
        /* '.' is the decimal separator in en and hi */
        {"en", "The index rose 10.01 points.", NULL},
        /* part of a longer numeral */
        {"de", "Sie lag bei 3.10.01 Punkten.", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        story_vec v;
        scan(cases[i][0], cases[i][1], NULL, &v);
        if (!cases[i][2]) {
            if (v.len)
                fail_msg("'%s': %zu dates, want none", cases[i][1], v.len);
        } else {
            if (v.len != 1)
                fail_msg("'%s': %zu dates, want 1", cases[i][1], v.len);
            const story_date *d = v.data;
            const char *got = d->iso[0] ? d->iso : d->relative;
            if (strcmp(got, cases[i][2]))
                fail_msg("'%s': %s, want %s", cases[i][1], got, cases[i][2]);
        }
        story_vec_free(&v);
    }
    /* a pack word before a dotted H.MM makes it a clock time, not 10 May
     * (uk "о", ru "в": "clock_before_dot") */
    story_vec v;
    scan("uk", "\xd0\x9f\xd0\xbe\xd1\x87\xd0\xb0\xd0\xbb\xd0\xb8 \xd0\xbe 10.05 \xd1\x80\xd0\xb0\xd0\xbd\xd0\xba\xd1\x83.", NULL, &v);
    assert_int_equal(v.len, 1);
    assert_int_equal(((story_date *)v.data)->has_time, 1);
    assert_string_equal(((story_date *)v.data)->time, "10:05");
    assert_string_equal(((story_date *)v.data)->iso, "");
    story_vec_free(&v);
}

/* The first-code-point filter of the date scanner's word starters
 * (session 21, 2026-12-02) is a fast path: every spec table input and
 * the sentences below (written for this test: case, combining marks
 * after the first letter, Latin look-alikes in Cyrillic month names,
 * soft hyphens, fullwidth letters) give the same dates with the filter
 * off (the general path) and on. */
static int dates_both_ways(const char *lang, const char *text,
                           const char *pub)
{
    story_vec on, off;
    story_error err;
    story_vec_init(&on, sizeof(story_date));
    story_vec_init(&off, sizeof(story_date));
    story__key_first_filter(0);
    int r1 = story__dates_scan(ctx, lang, text, 0, strlen(text), pub, &off,
                               &err);
    story__key_first_filter(1);
    int r2 = story__dates_scan(ctx, lang, text, 0, strlen(text), pub, &on,
                               &err);
    int bad = r1 != r2 || on.len != off.len;
    for (size_t i = 0; !bad && i < on.len; i++) {
        const story_date *a = (story_date *)on.data + i,
                         *b = (story_date *)off.data + i;
        bad = a->start != b->start || a->end != b->end ||
              strcmp(a->iso, b->iso) || strcmp(a->relative, b->relative) ||
              a->has_time != b->has_time || strcmp(a->time, b->time) ||
              strcmp(a->readings[0], b->readings[0]) ||
              strcmp(a->readings[1], b->readings[1]) ||
              a->slash_order != b->slash_order;
    }
    if (bad)
        print_error("first filter: %s '%s': %zu dates, %zu without it\n",
                    lang, text, on.len, off.len);
    story_vec_free(&on);
    story_vec_free(&off);
    return bad;
}

/* story_test_spec_inputs callback: each spec input both ways, with the
 * spec files' publication date. */
static int spec_both_ways(const char *lang, const char *text, void *user)
{
    (void)user;
    return dates_both_ways(lang, text, "2025-03-07");
}

static void test_first_filter_same(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"en", "On MONDAY, 5 M\xcc\x81" "arch 2025 and yesterday"},
        {"en", "Sep\xc2\xad" "tember 3 or \xef\xbc\xad" "arch 4, `today`"},
        {"de", "am Montag, dem 5. M\xc3\xa4rz, und \xc3\x9c" "bermorgen"},
        {"uk", "15 \xd1\x81i\xd1\x87\xd0\xbd\xd1\x8f, a \xd0\xb2\xd1\x87"
               "\xd0\xbe\xd1\x80\xd0\xb0 \xd1\x83 \xd0\xbf\xd0\xbe\xd0\xbd"
               "\xd0\xb5\xd0\xb4\xd1\x96\xd0\xbb\xd0\xbe\xd0\xba"},
        {"ru", "5 \xd0\xbc" "apta, o\xd0\xb1 \xd1\x8d\xd1\x82\xd0\xbe\xd0\xbc"},
        {"zh", "\xe6\x98\xa8\xe5\xa4\xa9\xe5\x92\x8c\xe4\xb8\x8a\xe5\x91\xa8"
               "\xe4\xb8\x80\xef\xbc\x8c" "12\xe6\x9c\x88"},
        {"ja", "\xe6\x98\xa8\xe6\x97\xa5\xe3\x81\xa8\xe6\x9d\xa5\xe9\x80\xb1"
               "\xe3\x81\xae\xe6\x9c\x88\xe6\x9b\x9c\xe6\x97\xa5"},
        {"pt", "na segunda-feira, 5 de mar\xc3\xa7o, e nas segundas"},
        {"nl", "op maandag 5 maart en gisteren"},
    };
    int failures = 0;
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        failures += dates_both_ways(cases[i][0], cases[i][1], "2025-03-07");
        failures += dates_both_ways(cases[i][0], cases[i][1], NULL);
    }
    int inputs = 0;
    failures += story_test_spec_inputs(spec_both_ways, NULL, &inputs);
    assert_true(inputs > 100);
    assert_int_equal(failures, 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_spec_tables),
        cmocka_unit_test(test_same_date_across_languages),
        cmocka_unit_test(test_icu_calendar_reused_across_languages),
        cmocka_unit_test(test_weekday_resolution),
        cmocka_unit_test(test_icu_names_without_pack),
        cmocka_unit_test(test_invalid_dates_rejected),
        cmocka_unit_test(test_numeric_day_month_order),
        cmocka_unit_test(test_month_alone),
        cmocka_unit_test(test_soft_hyphen_in_names),
        cmocka_unit_test(test_grouped_number_after_month_not_day),
        cmocka_unit_test(test_day_month_without_year),
        cmocka_unit_test(test_first_filter_same),
    };
    return cmocka_run_group_tests_name("dates", tests, setup, teardown);
}
