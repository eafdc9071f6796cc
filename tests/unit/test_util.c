/*
 * Shared plumbing (src/util.c): the string hash map story__strmap (keys
 * with NUL bytes and 0x01 bytes, replacement, growth, clearing, allocation
 * failure, values kept valid across growth and replacement) and
 * story__hash_bytes (equal bytes hash equal; length takes part), and the
 * UTF-8 helpers story__utf8_next / _put / _invalid_at. Session 14: the
 * map wraps GLib's GHashTable, the hash is xxHash's XXH3, the UTF-8
 * helpers wrap ICU's macros.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include <unicode/uchar.h>

#include "internal.h"

static void test_hash(void **state)
{
    (void)state;
    char a[40], b[40];
    for (size_t n = 0; n < sizeof a; n++) {
        memset(a, 'x', sizeof a);
        memset(b, 'y', sizeof b);
        memcpy(b, a, n);
        assert_true(story__hash_bytes(a, n) == story__hash_bytes(b, n));
    }
    assert_true(story__hash_bytes("ab", 2) != story__hash_bytes("ab\0", 3));
    assert_true(story__hash_bytes("", 0) != story__hash_bytes("\0", 1));
    assert_true(story__hash_bytes("abcdefgh1", 9) !=
                story__hash_bytes("abcdefgh2", 9));
    /* session 14: xxHash's XXH3_64bits (the published value of the empty
     * input, seed 0) */
    assert_true(story__hash_bytes("", 0) == 0x2D06800538D394C2ULL);
}

/* story__utf8_next / _put (session 14: wrappers over ICU's U8_NEXT and
 * U8_APPEND_UNSAFE): well-formed sequences of 1 to 4 bytes decode and
 * encode back; every ill-formed one gives -1 and advances one byte (ICU
 * itself skips the whole ill-formed prefix). */
static void test_utf8(void **state)
{
    (void)state;
    static const int32_t cps[] = {0x41, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF,
                                  0xE000, 0xFFFD, 0xFFFF, 0x10000, 0x1F600,
                                  0x10FFFF};
    for (size_t k = 0; k < sizeof cps / sizeof cps[0]; k++) {
        char u[4];
        size_t n = story__utf8_put(u, cps[k]);
        assert_int_equal(n, cps[k] < 0x80 ? 1 : cps[k] < 0x800 ? 2
                            : cps[k] < 0x10000 ? 3 : 4);
        size_t i = 0;
        assert_int_equal(story__utf8_next(u, n, &i), cps[k]);
        assert_int_equal(i, n);
        /* cut short: ill-formed, one byte skipped */
        if (n > 1) {
            i = 0;
            assert_int_equal(story__utf8_next(u, n - 1, &i), -1);
            assert_int_equal(i, 1);
        }
    }
    static const char *const bad[] = {
        "\xC0\x80", "\xC1\xBF", "\xE0\x80\x80", "\xE0\x9F\xBF",
        "\xED\xA0\x80", "\xED\xBF\xBF", "\xF0\x80\x80\x80",
        "\xF4\x90\x80\x80", "\xF5\x80\x80\x80", "\xFF", "\x80",
        "\xE2\x82", "\xE2\x28\xA1"};
    for (size_t k = 0; k < sizeof bad / sizeof bad[0]; k++) {
        size_t i = 0;
        assert_int_equal(story__utf8_next(bad[k], strlen(bad[k]), &i), -1);
        assert_int_equal(i, 1);
    }
    /* "Kyiv" in Cyrillic with one stray continuation byte */
    const char *s = "\xD0\x9A\xD0\xB8\x80\xD1\x97\xD0\xB2";
    assert_int_equal(story__utf8_invalid_at(s, strlen(s)), 4);
    assert_int_equal(story__utf8_invalid_at(s, 4), (size_t)-1);
    size_t i = 0;
    assert_int_equal(story__utf8_next(s, strlen(s), &i), 0x41A);
    assert_int_equal(story__utf8_next(s, strlen(s), &i), 0x438);
    assert_int_equal(story__utf8_next(s, strlen(s), &i), -1);
    assert_int_equal(i, 5);
    assert_int_equal(story__utf8_next(s, strlen(s), &i), 0x457);
}

/* story__ascii_props (the ASCII fast path of segment.c's run-in headline
 * scan) gives ICU's answers for every ASCII code point (session 21). */
static void test_ascii_props(void **state)
{
    (void)state;
    for (int32_t c = 0; c < 0x80; c++) {
        unsigned p = story__ascii_props(c);
        assert_int_equal((p & STORY_ASCII_SPACE) != 0, u_isUWhiteSpace(c) != 0);
        assert_int_equal((p & STORY_ASCII_UPPER) != 0,
                         (u_isupper(c) || u_istitle(c)) != 0);
        assert_int_equal((p & STORY_ASCII_LOWER) != 0, u_isULowercase(c) != 0);
        assert_int_equal((p & STORY_ASCII_ALPHA) != 0, u_isalpha(c) != 0);
        assert_false(u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC));
    }
}

static void test_strmap(void **state)
{
    (void)state;
    story_strmap m = {0};
    size_t vn = 99;
    assert_null(story__strmap_get(&m, "a", 1, &vn));
    assert_int_equal(story__strmap_put(&m, "word", 4, "stem", 4), 0);
    assert_int_equal(story__strmap_put(&m, "", 0, "empty", 5), 0);
    assert_int_equal(story__strmap_put(&m, "a\0b", 3, "", 0), 0);
    assert_string_equal(story__strmap_get(&m, "word", 4, &vn), "stem");
    assert_int_equal(vn, 4);
    assert_string_equal(story__strmap_get(&m, "wordy", 4, NULL), "stem");
    assert_null(story__strmap_get(&m, "wor", 3, NULL));
    assert_string_equal(story__strmap_get(&m, "", 0, NULL), "empty");
    assert_string_equal(story__strmap_get(&m, "a\0b", 3, &vn), "");
    assert_int_equal(vn, 0);
    assert_null(story__strmap_get(&m, "a", 1, NULL));
    /* replacement keeps one key */
    assert_int_equal(story__strmap_put(&m, "word", 4, "lemma", 5), 0);
    assert_string_equal(story__strmap_get(&m, "word", 4, NULL), "lemma");
    assert_int_equal(story__strmap_size(&m), 3);
    /* growth: every key stays reachable */
    char k[32], v[32];
    for (int i = 0; i < 5000; i++) {
        int kn = snprintf(k, sizeof k, "key%d", i);
        int vl = snprintf(v, sizeof v, "value%d", i * 7);
        assert_int_equal(story__strmap_put(&m, k, (size_t)kn, v, (size_t)vl),
                         0);
    }
    assert_int_equal(story__strmap_size(&m), 5003);
    for (int i = 0; i < 5000; i++) {
        int kn = snprintf(k, sizeof k, "key%d", i);
        snprintf(v, sizeof v, "value%d", i * 7);
        assert_string_equal(story__strmap_get(&m, k, (size_t)kn, NULL), v);
    }
    /* pointer values */
    int x = 1, y = 2;
    assert_int_equal(story__strmap_put_ptr(&m, "px", 2, &x), 0);
    assert_int_equal(story__strmap_put_ptr(&m, "py", 2, &y), 0);
    assert_ptr_equal(story__strmap_get_ptr(&m, "px", 2), &x);
    assert_ptr_equal(story__strmap_get_ptr(&m, "py", 2), &y);
    assert_null(story__strmap_get_ptr(&m, "pz", 2));
    story__strmap_clear(&m);
    assert_int_equal(story__strmap_size(&m), 0);
    assert_null(story__strmap_get(&m, "word", 4, NULL));
    assert_int_equal(story__strmap_put(&m, "x", 1, "y", 1), 0);
    assert_string_equal(story__strmap_get(&m, "x", 1, NULL), "y");
    story__strmap_free(&m);
}

/* Growth to 70,000 keys (the table doubles many times; libxml2 2.9, which
 * held the map before session 13, stopped growing at 16,384 buckets):
 * every key stays reachable, none is counted twice. */
static void test_strmap_large(void **state)
{
    (void)state;
    story_strmap m = {0};
    char k[32];
    for (int i = 0; i < 70000; i++) {
        int kn = snprintf(k, sizeof k, "w%d", i);
        assert_int_equal(story__strmap_put(&m, k, (size_t)kn, k, (size_t)kn),
                         0);
    }
    for (int i = 0; i < 70000; i += 3) {
        int kn = snprintf(k, sizeof k, "w%d", i);
        assert_int_equal(story__strmap_put(&m, k, (size_t)kn, "x", 1), 0);
    }
    assert_int_equal(story__strmap_size(&m), 70000);
    for (int i = 0; i < 70000; i++) {
        int kn = snprintf(k, sizeof k, "w%d", i);
        assert_string_equal(story__strmap_get(&m, k, (size_t)kn, NULL),
                            i % 3 ? k : "x");
    }
    assert_null(story__strmap_get(&m, "w70000", 6, NULL));
    story__strmap_free(&m);
}

/* Keys holding NUL or 0x01 bytes (libxml2, which held the map before
 * session 13, escaped them) are keys like any other: none meets another. */
static void test_strmap_escaped_keys(void **state)
{
    (void)state;
    story_strmap m = {0};
    static const char *const keys[] = {"a\0b", "\x01" "a\x01\x01" "b", "a",
                                       "\x01", "\x01\x01", "\0", "\0\0",
                                       "\x01\x02", "a\x01", "x\0\x01"};
    static const size_t lens[] = {3, 5, 1, 1, 2, 1, 2, 2, 2, 3};
    enum { N = sizeof lens / sizeof lens[0] };
    char v[8];
    for (int i = 0; i < N; i++) {
        snprintf(v, sizeof v, "v%d", i);
        assert_int_equal(story__strmap_put(&m, keys[i], lens[i], v, 2), 0);
    }
    assert_int_equal(story__strmap_size(&m), N);
    for (int i = 0; i < N; i++) {
        snprintf(v, sizeof v, "v%d", i);
        assert_string_equal(story__strmap_get(&m, keys[i], lens[i], NULL), v);
    }
    /* a long key with a NUL */
    char big[600];
    memset(big, 'q', sizeof big);
    big[300] = '\0';
    assert_int_equal(story__strmap_put(&m, big, sizeof big, "big", 3), 0);
    assert_string_equal(story__strmap_get(&m, big, sizeof big, NULL), "big");
    assert_null(story__strmap_get(&m, big, 300, NULL));
    story__strmap_free(&m);
}

/* A failed allocation reports STORY_ENOMEM and leaves the map usable
 * with its earlier keys. */
static void test_strmap_alloc_failures(void **state)
{
    (void)state;
    for (long fail = 0; fail < 6; fail++) {
        story_strmap m = {0};
        char k[16];
        int ok = 0;
        story__alloc_fail_after(fail);
        for (int i = 0; i < 100; i++) {
            int kn = snprintf(k, sizeof k, "k%d", i);
            int rc = story__strmap_put(&m, k, (size_t)kn, k, (size_t)kn);
            assert_true(rc == 0 || rc == STORY_ENOMEM);
            ok += rc == 0;
        }
        story__alloc_fail_after(-1);
        assert_int_equal(story__strmap_size(&m), (size_t)ok);
        for (int i = 0; i < 100; i++) {
            int kn = snprintf(k, sizeof k, "k%d", i);
            const char *v = story__strmap_get(&m, k, (size_t)kn, NULL);
            if (v)
                assert_string_equal(v, k);
        }
        story__strmap_free(&m);
    }
}

/* A value returned by a lookup stays valid (same bytes) while the map
 * grows and after its key gets another value; the lookup then gives the
 * new value. */
static void test_strmap_values_stay_valid(void **state)
{
    (void)state;
    story_strmap m = {0};
    assert_int_equal(story__strmap_put(&m, "Berlin", 6, "city", 4), 0);
    const char *old = story__strmap_get(&m, "Berlin", 6, NULL);
    assert_non_null(old);
    char k[32];
    for (int i = 0; i < 3000; i++) {
        int kn = snprintf(k, sizeof k, "town %d", i);
        assert_int_equal(story__strmap_put(&m, k, (size_t)kn, "x", 1), 0);
    }
    assert_int_equal(story__strmap_put(&m, "Berlin", 6, "capital", 7), 0);
    assert_string_equal(old, "city");
    size_t vn = 0;
    assert_string_equal(story__strmap_get(&m, "Berlin", 6, &vn), "capital");
    assert_int_equal(vn, 7);
    assert_int_equal(story__strmap_size(&m), 3001);
    /* keys that are prefixes of each other stay apart */
    assert_null(story__strmap_get(&m, "Berli", 5, NULL));
    assert_null(story__strmap_get(&m, "town 1 ", 7, NULL));
    assert_string_equal(story__strmap_get(&m, "town 1", 6, NULL), "x");
    story__strmap_free(&m);
}

/* story__redact_url hides the password of a URL's userinfo, and only
 * that (session 20, fresh-user 20 L12); story__error applies it to the
 * input it names. */
static void test_redact_url(void **state)
{
    (void)state;
    char b[256];
    static const char *const cases[][2] = {
        {"https://ann:pw@example.org/a?b=1", "https://ann:***@example.org/a?b=1"},
        {"http://ann:p@ss@host:8080/x", "http://ann:***@host:8080/x"},
        {"http://ann@host/x", "http://ann@host/x"},
        {"http://host/path/user:pw@x", "http://host/path/user:pw@x"},
        {"http://host:8080/x", "http://host:8080/x"},
        {"article.txt", "article.txt"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
        assert_string_equal(story__redact_url(cases[i][0], b, sizeof b),
                            cases[i][1]);
    assert_null(story__redact_url(NULL, b, sizeof b));
    story_error err;
    story__error(&err, STORY_EHTTP, "https://ann:pw@example.org/a", -1,
                 "HTTP status %d", 404);
    assert_string_equal(err.source, "https://ann:***@example.org/a");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hash),
        cmocka_unit_test(test_utf8),
        cmocka_unit_test(test_ascii_props),
        cmocka_unit_test(test_strmap),
        cmocka_unit_test(test_strmap_large),
        cmocka_unit_test(test_strmap_escaped_keys),
        cmocka_unit_test(test_strmap_alloc_failures),
        cmocka_unit_test(test_strmap_values_stay_valid),
        cmocka_unit_test(test_redact_url),
    };
    return cmocka_run_group_tests_name("util", tests, NULL, NULL);
}
