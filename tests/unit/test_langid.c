/*
 * Language identification (src/langid.c): script decisions, uk/ru letters,
 * exttextcat for Latin script, and per-paragraph languages. Sentences
 * written for these tests.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "support.h"

static void lang_is(story_ctx *ctx, const char *text, const char *want)
{
    char out[16];
    story_error err;
    int rc = story_langid(ctx, text, strlen(text), out, sizeof out, &err);
    if (rc)
        print_error("langid: %s\n", err.message);
    assert_int_equal(rc, 0);
    if (strcmp(out, want) != 0)
        print_error("langid(%s) = '%s', want '%s'\n", text, out, want);
    assert_string_equal(out, want);
}

static void test_scripts(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    lang_is(ctx, "\xe6\x80\xbb\xe7\xbb\x9f\xe5\x91\xa8\xe4\xba\x8c\xe6\x8a\xb5\xe8\xbe\xbe\xe5\x9f\xba\xe8\xbe\x85\xe3\x80\x82", "zh");
    lang_is(ctx, "\xe5\xa4\xa7\xe7\xb5\xb1\xe9\xa0\x98\xe3\x81\xaf\xe7\x81\xab\xe6\x9b\x9c\xe6\x97\xa5\xe3\x81\xab\xe5\x88\xb0\xe7\x9d\x80\xe3\x81\x97\xe3\x81\x9f\xe3\x80\x82", "ja");
    lang_is(ctx, "\xd9\x88\xd8\xb5\xd9\x84 \xd8\xa7\xd9\x84\xd8\xb1\xd8\xa6\xd9\x8a\xd8\xb3 \xd8\xa5\xd9\x84\xd9\x89 \xd8\xa7\xd9\x84\xd8\xb9\xd8\xa7\xd8\xb5\xd9\x85\xd8\xa9.", "ar");
    lang_is(ctx, "\xe0\xa4\xb0\xe0\xa4\xbe\xe0\xa4\xb7\xe0\xa5\x8d\xe0\xa4\x9f\xe0\xa5\x8d\xe0\xa4\xb0\xe0\xa4\xaa\xe0\xa4\xa4\xe0\xa4\xbf \xe0\xa4\xaa\xe0\xa4\xb9\xe0\xa5\x81\xe0\xa4\x82\xe0\xa4\x9a\xe0\xa5\x87\xe0\xa5\xa4", "hi");
    lang_is(ctx, "\xce\x9f \xcf\x80\xcf\x81\xcf\x89\xce\xb8\xcf\x85\xcf\x80\xce\xbf\xcf\x85\xcf\x81\xce\xb3\xcf\x8c\xcf\x82 \xce\xbc\xce\xaf\xce\xbb\xce\xb7\xcf\x83\xce\xb5.", "el");
    /* uk: "Президент прибув до Києва." (ї, є); ru: "Президент прибыл в Москву." (ы) */
    lang_is(ctx, "\xd0\x9f\xd1\x80\xd0\xb5\xd0\xb7\xd0\xb8\xd0\xb4\xd0\xb5\xd0\xbd\xd1\x82 \xd0\xbf\xd1\x80\xd0\xb8\xd0\xb1\xd1\x83\xd0\xb2 \xd0\xb4\xd0\xbe \xd0\x9a\xd0\xb8\xd1\x94\xd0\xb2\xd0\xb0.", "uk");
    lang_is(ctx, "\xd0\x9f\xd1\x80\xd0\xb5\xd0\xb7\xd0\xb8\xd0\xb4\xd0\xb5\xd0\xbd\xd1\x82 \xd0\xbf\xd1\x80\xd0\xb8\xd0\xb1\xd1\x8b\xd0\xbb \xd0\xb2 \xd0\x9c\xd0\xbe\xd1\x81\xd0\xba\xd0\xb2\xd1\x83.", "ru");
    /* no letters: unsure */
    lang_is(ctx, "12 345 -- 67", "");
    lang_is(ctx, "", "");
    story_ctx_free(ctx);
}

static void test_latin(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    lang_is(ctx, "The minister said on Tuesday that the negotiations would "
                 "continue next week despite the objections of the "
                 "opposition.", "en");
    lang_is(ctx, "Der Minister sagte am Dienstag, dass die Verhandlungen "
                 "trotz der Einwände der Opposition n\xc3\xa4" "chste Woche "
                 "fortgesetzt werden.", "de");
    lang_is(ctx, "Le ministre a d\xc3\xa9" "clar\xc3\xa9 mardi que les "
                 "n\xc3\xa9gociations se poursuivraient la semaine prochaine "
                 "malgr\xc3\xa9 les objections de l'opposition.", "fr");
    lang_is(ctx, "El ministro dijo el martes que las negociaciones "
                 "continuar\xc3\xa1n la pr\xc3\xb3xima semana a pesar de las "
                 "objeciones de la oposici\xc3\xb3n.", "es");
    lang_is(ctx, "Il ministro ha detto marted\xc3\xac che i negoziati "
                 "continueranno la prossima settimana nonostante le "
                 "obiezioni dell'opposizione.", "it");
    lang_is(ctx, "Minister powiedzia\xc5\x82 we wtorek, \xc5\xbc" "e "
                 "negocjacje b\xc4\x99" "d\xc4\x85 kontynuowane w przysz\xc5\x82ym "
                 "tygodniu mimo sprzeciwu opozycji.", "pl");
    lang_is(ctx, "Ministr v \xc3\xbater\xc3\xbd \xc5\x99" "ekl, \xc5\xbe" "e "
                 "jedn\xc3\xa1n\xc3\xad bude pokra\xc4\x8dovat p\xc5\x99\xc3\xad\xc5\xa1t\xc3\xad "
                 "t\xc3\xbd" "den navzdory n\xc3\xa1mitk\xc3\xa1m opozice.", "cs");
    lang_is(ctx, "R\xc3\xa1\xc3\xb0herrann sag\xc3\xb0i \xc3\xa1 \xc3\xberi\xc3\xb0judag "
                 "a\xc3\xb0 vi\xc3\xb0r\xc3\xa6\xc3\xb0urnar myndu halda \xc3\xa1" "fram "
                 "\xc3\xad n\xc3\xa6stu viku.", "is");
    story_ctx_free(ctx);
}

/* A paragraph in a common European language without a pack is named as
 * itself (step 4 in src/langid.c), not as its nearest supported
 * language; sentences written for the test. */
static void test_languages_without_pack(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    lang_is(ctx, "De reparaties aan de brug kosten vier miljoen euro, zei "
                 "de gemeente op dinsdag. Vijftien mensen raakten gewond "
                 "toen de brug instortte.", "nl");
    lang_is(ctx, "O ministro disse na ter\xc3\xa7" "a-feira que as "
                 "negocia\xc3\xa7\xc3\xb5" "es v\xc3\xa3o continuar na "
                 "pr\xc3\xb3xima semana, apesar das obje\xc3\xa7\xc3\xb5" "es "
                 "da oposi\xc3\xa7\xc3\xa3o.", "pt");
    lang_is(ctx, "Ministern sade p\xc3\xa5 tisdagen att f\xc3\xb6rhandlingarna "
                 "forts\xc3\xa4tter n\xc3\xa4sta vecka trots oppositionens "
                 "inv\xc3\xa4ndningar.", "sv");
    /* a short Swedish paragraph: exttextcat is unsure among languages
     * that all have no pack (sv, nb, da …): it is one of those, not the
     * supported language of step 3 (it was "fr") */
    lang_is(ctx, "Tv\xc3\xa5 broar i Delmont st\xc3\xa4ngdes tisdagen den "
                 "12 maj 2025 kl. 7.40 efter en storm, sade polisen.", "sv");
    /* exttextcat has no answer for a short text full of names: the stop
     * words decide (was "", and the article took a headline's "de") */
    lang_is(ctx, "Governor Anna Petrova met Chancellor Tom Berger in Geneva "
                 "on Friday. Petrova said the meeting was good.", "en");
    /* a short text with few stop words is not taken for a language
     * without a pack when exttextcat is unsure among those (it was
     * "da") */
    {
        const char *t = "The 120-metre bridge fell. A 5-kilometre queue "
                        "formed. The 3-metre-deep river. A 10-km run. A "
                        "40-tonne truck.";
        char out[16];
        story_error err;
        assert_int_equal(
            story_langid(ctx, t, strlen(t), out, sizeof out, &err), 0);
        assert_int_equal(story_lang_check(ctx, out), 1);
    }
    /* a headline (capitalised words) is not re-classified */
    lang_is(ctx, "The minister said on Tuesday that the negotiations would "
                 "continue next week despite the objections of the "
                 "opposition.", "en");
    story_ctx_free(ctx);
}

/* A locales directory without textcat.conf: Latin text cannot be
 * identified, and the error names the missing file. */
static void test_missing_conf(void **state)
{
    (void)state;
    char dir[] = "/tmp/story_langid_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[4096];
    snprintf(path, sizeof path, "%s/root.json", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("{\"schema\": 1, \"lang\": \"root\"}", f);
    fclose(f);
    story_ctx *ctx = NULL;
    story_ctx_options o = STORY_CTX_OPTIONS_INIT;
    o.locales_dir = dir;
    story_error err;
    assert_int_equal(story_ctx_new(&ctx, &o, &err), 0);
    char out[16];
    const char *t = "The minister said the talks would continue.";
    assert_int_equal(story_langid(ctx, t, strlen(t), out, sizeof out, &err),
                     STORY_ELOCALE);
    assert_non_null(strstr(err.source, "textcat.conf"));
    /* script decisions need no configuration */
    const char *zh = "\xe6\x80\xbb\xe7\xbb\x9f\xe6\x8a\xb5\xe8\xbe\xbe\xe3\x80\x82";
    assert_int_equal(story_langid(ctx, zh, strlen(zh), out, sizeof out, &err),
                     0);
    assert_string_equal(out, "zh");
    story_ctx_free(ctx);
    remove(path);
    rmdir(dir);
}

static void test_bad_args(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    char out[2];
    story_error err;
    assert_int_equal(story_langid(ctx, "abc", 3, out, sizeof out, &err),
                     STORY_EINVAL);
    story_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_scripts),
        cmocka_unit_test(test_latin),
        cmocka_unit_test(test_languages_without_pack),
        cmocka_unit_test(test_missing_conf),
        cmocka_unit_test(test_bad_args),
    };
    return cmocka_run_group_tests_name("langid", tests, NULL, NULL);
}
