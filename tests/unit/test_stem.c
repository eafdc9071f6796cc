/*
 * Stems and lemmas (src/stem.c): Snowball where the pack names it,
 * hunspell for uk and pl (pl through the dictionary's ISO-8859-2), identity
 * elsewhere; stop words from the pack.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "internal.h"
#include "stem.h"
#include "support.h"

static void stem_is(story_ctx *ctx, const char *lang, const char *w,
                    const char *want)
{
    story_buf b = {0};
    story_error err;
    int rc = story__stem(ctx, lang, w, strlen(w), &b, &err);
    if (rc)
        print_error("stem %s %s: %s\n", lang, w, err.message);
    assert_int_equal(rc, 0);
    assert_non_null(b.data);
    if (strcmp(b.data, want) != 0)
        print_error("stem(%s, %s) = %s, want %s\n", lang, w, b.data, want);
    assert_string_equal(b.data, want);
    story_buf_free(&b);
}

static void test_snowball(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    stem_is(ctx, "en", "guarantees", "guarante");
    stem_is(ctx, "en", "guarantee", "guarante");
    stem_is(ctx, "de", "truppen", "trupp");
    stem_is(ctx, "fr", "garanties", "garant");
    /* гарантиями -> гарант */
    stem_is(ctx, "ru", "\xd0\xb3\xd0\xb0\xd1\x80\xd0\xb0\xd0\xbd\xd1\x82\xd0\xb8\xd1\x8f\xd0\xbc\xd0\xb8",
            "\xd0\xb3\xd0\xb0\xd1\x80\xd0\xb0\xd0\xbd\xd1\x82");
    story_ctx_free(ctx);
}

static void test_hunspell(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    /* війська -> військо */
    stem_is(ctx, "uk", "\xd0\xb2\xd1\x96\xd0\xb9\xd1\x81\xd1\x8c\xd0\xba\xd0\xb0",
            "\xd0\xb2\xd1\x96\xd0\xb9\xd1\x81\xd1\x8c\xd0\xba\xd0\xbe");
    /* gwarancjami -> gwarancja; wojskami (ISO-8859-2 round trip with z-dot and l-stroke:
     * żołnierzy -> żołnierz) */
    stem_is(ctx, "pl", "gwarancjami", "gwarancja");
    stem_is(ctx, "pl", "wojska", "wojsko");
    stem_is(ctx, "pl", "\xc5\xbco\xc5\x82nierzy", "\xc5\xbco\xc5\x82nierz");
    /* unknown word: itself */
    stem_is(ctx, "pl", "qqqxz", "qqqxz");
    story_ctx_free(ctx);
}

static void test_prefix(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    /* cs prefix:5 on code points: "příměří" -> "přímě", short words kept */
    stem_is(ctx, "cs", "p\xc5\x99\xc3\xadm\xc4\x9b\xc5\x99\xc3\xad",
            "p\xc5\x99\xc3\xadm\xc4\x9b");
    stem_is(ctx, "cs", "vlak", "vlak");
    stem_is(ctx, "is", "r\xc3\xa1\xc3\xb0herrann", "r\xc3\xa1\xc3\xb0he");
    story_ctx_free(ctx);
}

static void test_identity_and_stopwords(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    stem_is(ctx, "zh", "\xe5\x81\x9c\xe7\x81\xab", "\xe5\x81\x9c\xe7\x81\xab");
    stem_is(ctx, "", "words", "words");
    stem_is(ctx, "xx", "words", "words");
    assert_true(story__is_stopword(ctx, "en", "the"));
    assert_false(story__is_stopword(ctx, "en", "ceasefire"));
    assert_true(story__is_stopword(ctx, "de", "und"));
    assert_true(story__is_stopword(ctx, "uk", "\xd1\x96")); /* і */
    assert_false(story__is_stopword(ctx, "xx", "the"));
    story_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_snowball),
        cmocka_unit_test(test_hunspell),
        cmocka_unit_test(test_prefix),
        cmocka_unit_test(test_identity_and_stopwords),
    };
    return cmocka_run_group_tests_name("stem", tests, NULL, NULL);
}
