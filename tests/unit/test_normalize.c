#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "normalize.h"
#include "support.h"

static void key_of(const char *in, const char *want)
{
    char *k = NULL;
    size_t *map = NULL;
    story_error err;
    assert_int_equal(story_normalize_key(&k, &map, in, strlen(in), &err), 0);
    assert_string_equal(k, want);
    assert_int_equal(map[strlen(k)], strlen(in));
    story_free(k);
    story_free(map);
}

static void test_fold(void **state)
{
    (void)state;
    key_of("\xef\xbc\xba\xef\xbd\x85lenskyy", "zelenskyy"); /* fullwidth */
    key_of("Stra\xc3\x9f" "e", "strasse");
    key_of("\xce\xa3\xce\x9f\xce\xa6\xce\x9f\xce\xa3", "\xcf\x83\xce\xbf\xcf\x86\xce\xbf\xcf\x83");
}

static void test_soft_hyphen_and_quotes(void **state)
{
    (void)state;
    key_of("Ukr\xc2\xad" "aine", "ukraine");
    key_of("\xe2\x80\x9cyes\xe2\x80\x9d \xe2\x80\x94 it\xe2\x80\x99s",
           "\"yes\" - it's");
    key_of("\xd0\xbf\xca\xbc\xd1\x8f\xd1\x82\xd1\x8c",
           "\xd0\xbf'\xd1\x8f\xd1\x82\xd1\x8c"); /* пʼять */
}

/* Session 15 (speed): an ASCII-only text takes a fast path when no map
 * is asked for; its key must be the one the general path (taken with a
 * map) gives: A-Z lowered, ` as ', controls and punctuation kept. */
static void test_ascii_fast_path(void **state)
{
    (void)state;
    char longer[700];
    for (size_t i = 0; i + 1 < sizeof longer; i++)
        longer[i] = (char)(' ' + (i * 7) % 95);
    longer[sizeof longer - 1] = '\0';
    const char *in[] = {"", "Paris", "MAYOR of Lindau", "don`t", "a\tb\nC",
                        "x~|}{[]^_@?>=<;:/.-,+*)('&%$#\"!0123456789",
                        longer};
    for (size_t i = 0; i < sizeof in / sizeof in[0]; i++) {
        char *fast = NULL, *general = NULL;
        size_t *map = NULL;
        assert_int_equal(
            story_normalize_key(&fast, NULL, in[i], strlen(in[i]), NULL), 0);
        assert_int_equal(story_normalize_key(&general, &map, in[i],
                                             strlen(in[i]), NULL),
                         0);
        assert_string_equal(fast, general);
        story_free(fast);
        story_free(general);
        story_free(map);
    }
    char *k = NULL;
    assert_int_equal(story_normalize_key(&k, NULL, "It`S A Test", 11, NULL),
                     0);
    assert_string_equal(k, "it's a test");
    story_free(k);
}

/* fast and general keys of in[0, n) are equal */
static void same_key_both_paths(const char *in, size_t n)
{
    char *fast = NULL, *general = NULL;
    size_t *map = NULL;
    assert_int_equal(story_normalize_key(&fast, NULL, in, n, NULL), 0);
    assert_int_equal(story_normalize_key(&general, &map, in, n, NULL), 0);
    if (strcmp(fast, general) != 0)
        fail_msg("key of \"%.*s\": fast \"%s\", general \"%s\"", (int)n,
                 in, fast, general);
    story_free(fast);
    story_free(general);
    story_free(map);
}

/* Session 20 (speed): without a map, a word of code points below U+0800
 * takes a per-code-point table (NFKC_Casefold of each, valid when the
 * code point has a normalisation boundary before it). Every such code
 * point, alone, between letters, before a combining mark (which takes
 * the general path) and after a capital, gives the key the general path
 * (with a map) gives; and a few words of several scripts. */
static void test_table_fast_path(void **state)
{
    (void)state;
    for (int32_t c = 1; c < 0x800; c++) {
        char cp[4];
        size_t cl = c < 0x80 ? 1 : 2;
        if (c < 0x80) {
            cp[0] = (char)c;
        } else {
            cp[0] = (char)(0xC0 | (c >> 6));
            cp[1] = (char)(0x80 | (c & 0x3F));
        }
        char buf[16];
        same_key_both_paths(cp, cl);
        memcpy(buf, "Ab", 2);
        memcpy(buf + 2, cp, cl);
        memcpy(buf + 2 + cl, "z", 1);
        same_key_both_paths(buf, 3 + cl);
        memcpy(buf, cp, cl);
        memcpy(buf + cl, "\xcc\x81", 2); /* + combining acute */
        same_key_both_paths(buf, cl + 2);
        memcpy(buf, "\xd0\x9a", 2); /* К + c */
        memcpy(buf + 2, cp, cl);
        same_key_both_paths(buf, 2 + cl);
    }
    const char *words[] = {"Z\xc3\xbcrich", "\xd0\x9a\xd0\xb8\xd1\x97\xd0\xb2",
                           "\xce\x86\xce\xb8\xce\xae\xce\xbd\xce\xb1",
                           "Stra\xc3\x9f" "e", "\xc3\x89" "LYS\xc3\x89" "E",
                           "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d",
                           "\xd9\x85\xd9\x8f\xd8\xad\xd9\x85\xd8\xaf"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        same_key_both_paths(words[i], strlen(words[i]));
    char *k = NULL;
    assert_int_equal(story_normalize_key(&k, NULL, "\xd0\x9a\xd0\x98\xd0\x87\xd0\x92",
                                         8, NULL), 0);
    assert_string_equal(k, "\xd0\xba\xd0\xb8\xd1\x97\xd0\xb2"); /* КИЇВ: київ */
    story_free(k);
}

/* Session 21 (speed): story__key_first_cp, the first code point of a
 * text's key without computing the key, is either -1 (not certain) or
 * the first code point of the key the general path (with a map) gives,
 * for every code point below U+3100 and some above, alone and before a
 * letter, a combining mark, a soft hyphen + mark, a kana voicing mark
 * and a nukta. */
static void test_key_first_cp(void **state)
{
    (void)state;
    static const char *const after[] = {"", "a", "\xcc\x81",
                                        "\xc2\xad\xcc\x81", "\xe3\x82\x99",
                                        "\xe0\xa4\xbc", "\xd0\x94"};
    int known = 0;
    for (int32_t c = 1; c < 0x3200; c++) {
        int32_t cs = c < 0x3100 ? c : 0xF900 + (c - 0x3100) * 7;
        if (cs >= 0xD800 && cs <= 0xDFFF)
            continue;
        for (size_t a = 0; a < sizeof after / sizeof after[0]; a++) {
            char buf[32];
            size_t n = story__utf8_put(buf, cs);
            size_t al = strlen(after[a]);
            memcpy(buf + n, after[a], al);
            n += al;
            int32_t f = story__key_first_cp(buf, n, 0);
            if (f < 0)
                continue;
            known++;
            char *key = NULL;
            size_t *map = NULL;
            assert_int_equal(story_normalize_key(&key, &map, buf, n, NULL), 0);
            char fu[4];
            size_t fl = story__utf8_put(fu, f);
            if (strlen(key) < fl || memcmp(key, fu, fl) != 0)
                fail_msg("U+%04X + \"%s\": first code point U+%04X, key "
                         "\"%s\"", (unsigned)cs, after[a], (unsigned)f, key);
            story_free(key);
            story_free(map);
        }
    }
    assert_true(known > 20000);
    static const char *const cjk[] = {"\xe4\xb8\x89\xe5\x8d\x81",
                                      "\xe3\x81\x8b\xe3\x82\x99"};
    assert_int_equal(story__key_first_cp(cjk[0], 6, 0), 0x4E09);
    assert_int_equal(story__key_first_cp(cjk[1], 6, 0), -1);
    assert_int_equal(story__key_first_cp("Ab", 2, 0), 'a');
    assert_int_equal(story__key_first_cp("`b", 2, 0), -1);
}

static void test_map(void **state)
{
    (void)state;
    const char *in = "A\xcc\x81" "b"; /* A + combining acute + b */
    char *k = NULL;
    size_t *map = NULL;
    assert_int_equal(story_normalize_key(&k, &map, in, strlen(in), NULL), 0);
    assert_string_equal(k, "\xc3\xa1" "b"); /* composed á */
    assert_int_equal(map[0], 0);
    assert_int_equal(map[1], 0);
    assert_int_equal(map[2], 3);
    story_free(k);
    story_free(map);
}

/* Arabic harakat, the superscript alef and the tatweel are not part of a
 * key (session 10: a vowelled word missed every pack word); the map still
 * points at the original bytes. Words written here. */
static void test_arabic_marks(void **state)
{
    (void)state;
    /* أُصيبوا (with damma) and أصيبوا: one key */
    key_of("\xd8\xa3\xd9\x8f\xd8\xb5\xd9\x8a\xd8\xa8\xd9\x88\xd8\xa7",
           "\xd8\xa3\xd8\xb5\xd9\x8a\xd8\xa8\xd9\x88\xd8\xa7");
    /* خمسةَ (fatha) with a tatweel before the last letter */
    key_of("\xd8\xae\xd9\x85\xd8\xb3\xd9\x80\xd8\xa9\xd9\x8e",
           "\xd8\xae\xd9\x85\xd8\xb3\xd8\xa9");
    /* a long vowelled text takes the segment path: same key as bare */
    char in[1024] = "", want[1024] = "";
    for (int i = 0; i < 40; i++) {
        strcat(in, "\xd8\xab\xd9\x8e\xd9\x84\xd8\xa7\xd8\xab\xd8\xa9\xd9\x8c ");
        strcat(want, "\xd8\xab\xd9\x84\xd8\xa7\xd8\xab\xd8\xa9 ");
    }
    key_of(in, want);
    char *k = NULL;
    size_t *map = NULL;
    const char *w = "\xd8\xa3\xd9\x8f\xd8\xb5"; /* أُص: the damma dropped */
    assert_int_equal(story_normalize_key(&k, &map, w, strlen(w), NULL), 0);
    assert_string_equal(k, "\xd8\xa3\xd8\xb5");
    assert_int_equal(map[2], 4); /* ص starts at input byte 4 */
    story_free(k);
    story_free(map);
}

/* fresh-user 14: invalid UTF-8 gave a key and status 0; a NULL out crashed */
static void test_bad_input(void **state)
{
    (void)state;
    char *k = (char *)"unset";
    size_t *map = (size_t *)&k;
    story_error err;
    memset(&err, 0, sizeof err);
    assert_int_equal(story_normalize_key(&k, &map, "ab\xff", 3, &err),
                     STORY_EENCODING);
    assert_null(k);
    assert_null(map);
    assert_int_equal(err.offset, 2);
    assert_int_equal(story_normalize_key(NULL, NULL, "ab", 2, &err),
                     STORY_EINVAL);
    k = (char *)"unset";
    assert_int_equal(story_normalize_key(&k, NULL, NULL, 2, &err),
                     STORY_EINVAL);
    assert_null(k);
    assert_int_equal(story_normalize_key(&k, NULL, NULL, 0, &err), 0);
    assert_string_equal(k, "");
    story_free(k);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fold),
        cmocka_unit_test(test_soft_hyphen_and_quotes),
        cmocka_unit_test(test_map),
        cmocka_unit_test(test_ascii_fast_path),
        cmocka_unit_test(test_table_fast_path),
        cmocka_unit_test(test_key_first_cp),
        cmocka_unit_test(test_arabic_marks),
        cmocka_unit_test(test_bad_input),
    };
    return cmocka_run_group_tests_name("normalize", tests, NULL, NULL);
}
