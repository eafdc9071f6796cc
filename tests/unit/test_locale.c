/*
 * Language packs (src/locale.c, locales/README.md): every JSON file under
 * locales/ (recursively) is valid JSON without duplicate keys, has
 * text-layer packs have their fields with the documented types; the
 * loader merges, folds and falls back (de-CH -> de -> root).
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
#include <sys/stat.h>

#include <jansson.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "internal.h"
#include "locale.h"
#include "normalize.h"
#include "support.h"

static const char *locales_dir(void)
{
    const char *d = getenv("STORYDIFF_LOCALES");
    return d ? d : "locales";
}

static int is_nfc(const char *s)
{
    UErrorCode e = U_ZERO_ERROR;
    const UNormalizer2 *nfc = unorm2_getNFCInstance(&e);
    int32_t n = 0;
    u_strFromUTF8(NULL, 0, &n, s, -1, &e);
    if (e != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(e))
        return 0;
    UChar *u = malloc(sizeof(UChar) * (size_t)(n + 1));
    e = U_ZERO_ERROR;
    u_strFromUTF8(u, n + 1, NULL, s, -1, &e);
    int ok = U_SUCCESS(e) && unorm2_isNormalized(nfc, u, n, &e) &&
             U_SUCCESS(e);
    free(u);
    return ok;
}

/* Walk a JSON value: strings NFC, lists without duplicate strings (an
 * array inside an array is a tuple, e.g. a pair of quotation marks, and
 * may repeat a string). */
static int check_value(const char *path, const char *where, json_t *v,
                       int tuple)
{
    int bad = 0;
    if (json_is_string(v)) {
        if (!is_nfc(json_string_value(v))) {
            print_error("%s: %s: string not NFC: %s\n", path, where,
                        json_string_value(v));
            bad++;
        }
    } else if (json_is_array(v)) {
        size_t i;
        json_t *e;
        story_strmap seen = {0}; /* linear in the list (lexicons are long) */
        json_array_foreach(v, i, e) {
            bad += check_value(path, where, e, 1);
            if (!json_is_string(e) || tuple)
                continue;
            const char *s = json_string_value(e);
            size_t n = json_string_length(e);
            if (story__strmap_get(&seen, s, n, NULL)) {
                print_error("%s: %s: duplicate entry '%s'\n", path, where,
                            s);
                bad++;
            } else {
                assert_int_equal(story__strmap_put(&seen, s, n, "", 0), 0);
            }
        }
        story__strmap_free(&seen);
    } else if (json_is_object(v)) {
        const char *k;
        json_t *e;
        json_object_foreach(v, k, e) {
            if (!is_nfc(k)) {
                print_error("%s: %s: key not NFC: %s\n", path, where, k);
                bad++;
            }
            bad += check_value(path, k, e, 0);
        }
    }
    return bad;
}

static int check_file(const char *path, int *files)
{
    json_error_t je;
    (*files)++;
    json_t *j = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
    if (!j) {
        print_error("%s:%d:%d: %s\n", path, je.line, je.column, je.text);
        return 1;
    }
    int bad = 0;
    if (!json_is_object(j)) {
        print_error("%s: not a JSON object\n", path);
        bad++;
    } else if (!json_is_integer(json_object_get(j, "schema"))) {
        print_error("%s: no integer \"schema\" field\n", path);
        bad++;
    }
    bad += check_value(path, "(top)", j, 0);
    json_decref(j);
    return bad;
}

static int walk(const char *dir, int *files)
{
    DIR *d = opendir(dir);
    if (!d) {
        print_error("cannot open %s\n", dir);
        return 1;
    }
    int bad = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char p[4096];
        snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(p, &st) != 0)
            continue;
        size_t n = strlen(e->d_name);
        if (S_ISDIR(st.st_mode))
            bad += walk(p, files);
        else if (n > 5 && strcmp(e->d_name + n - 5, ".json") == 0)
            bad += check_file(p, files);
    }
    closedir(d);
    return bad;
}

static void test_all_files(void **state)
{
    (void)state;
    int files = 0;
    assert_int_equal(walk(locales_dir(), &files), 0);
    assert_true(files >= 15);
}

static const char *const langs[] = {"en", "de", "fr", "es", "it", "pl",
                                    "cs", "uk", "ru", "ar", "zh", "ja",
                                    "hi", "is", NULL};

/* Text-layer fields: types, lang matches the file, no entries that fold
 * to the same key within a list. */
static void test_text_layer_fields(void **state)
{
    (void)state;
    story_buf key = {0};
    for (int i = 0; langs[i]; i++) {
        char p[4096];
        snprintf(p, sizeof p, "%s/%s.json", locales_dir(), langs[i]);
        json_t *j = json_load_file(p, JSON_REJECT_DUPLICATES, NULL);
        if (!j)
            print_error("%s: missing or invalid\n", p);
        assert_non_null(j);
        assert_string_equal(json_string_value(json_object_get(j, "lang")),
                            langs[i]);
        assert_int_equal(json_integer_value(json_object_get(j, "schema")), 1);
        const char *lists[] = {"abbreviations", "stopwords",
                               "sentence_openers", "number_abbreviations",
                               NULL};
        for (int k = 0; lists[k]; k++) {
            json_t *l = json_object_get(j, lists[k]);
            if (!l && k == 3)
                continue; /* optional */
            if (!json_is_array(l))
                print_error("%s: \"%s\" is not an array\n", p, lists[k]);
            assert_true(json_is_array(l));
            json_t *seen = json_object();
            size_t x;
            json_t *e;
            json_array_foreach(l, x, e) {
                assert_true(json_is_string(e));
                key.len = 0;
                assert_int_equal(story__normalize_key_buf(
                                     &key, NULL, json_string_value(e),
                                     strlen(json_string_value(e)), NULL),
                                 0);
                if (json_object_get(seen, key.data))
                    print_error("%s: %s: '%s' folds like an earlier entry\n",
                                p, lists[k], json_string_value(e));
                assert_null(json_object_get(seen, key.data));
                json_object_set(seen, key.data, json_true());
            }
            json_decref(seen);
        }
        json_t *t = json_object_get(j, "titles");
        assert_true(json_is_object(t));
        const char *k;
        json_t *v;
        json_object_foreach(t, k, v) assert_true(json_is_string(v));
        json_t *od = json_object_get(j, "ordinal_dot_merge");
        assert_true(!od || json_is_boolean(od));
        json_t *sm = json_object_get(j, "stemmer");
        assert_true(!sm || json_is_string(sm));
        json_decref(j);
    }
    story_buf_free(&key);
}

static void test_loader(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    const story_langpack *lp, *lp2;
    story_error err;
    for (int i = 0; langs[i]; i++) {
        int rc = story_langpack_get(&lp, ctx, langs[i], &err);
        if (rc)
            print_error("pack %s: %s\n", langs[i], err.message);
        assert_int_equal(rc, 0);
        assert_string_equal(story_langpack_lang(lp), langs[i]);
    }
    assert_int_equal(story_langpack_get(&lp, ctx, "en", &err), 0);
    /* folded lookup */
    assert_true(story_langpack_has(lp, "abbreviations", "u.s."));
    assert_string_equal(story_langpack_map(lp, "titles", "gen."), "general");
    assert_true(story_langpack_has(lp, "sentence_openers", "the"));
    /* region falls back to the language; unknown to root */
    assert_int_equal(story_langpack_get(&lp2, ctx, "en-GB", &err), 0);
    assert_ptr_equal(lp, lp2);
    assert_int_equal(story_langpack_get(&lp, ctx, "xx", &err), 0);
    assert_string_equal(story_langpack_lang(lp), "root");
    assert_int_equal(story_langpack_get(&lp2, ctx, "", &err), 0);
    assert_ptr_equal(lp, lp2);
    assert_false(story_langpack_has(lp, "abbreviations", "u.s."));
    story_ctx_free(ctx);
}

/* The load-time index agrees with a plain scan of the merged fields:
 * every key of an object field (and every string of a list field) is
 * found under its folded form with the value of its first spelling;
 * field names are compared by content, not by pointer (a reused buffer
 * naming another field finds that field). */
static int check_field_index(const story_langpack *lp, const char *field)
{
    json_t *v = story_langpack_field(lp, field);
    json_t *seen = json_object();
    int bad = 0;
    story_buf key = {0};
    const char *k;
    json_t *val;
    size_t i;
    if (json_is_object(v)) {
        json_object_foreach(v, k, val) {
            key.len = 0;
            assert_int_equal(
                story__normalize_key_buf(&key, NULL, k, strlen(k), NULL), 0);
            json_t *want = json_object_get(seen, key.data);
            if (!want) {
                json_object_set(seen, key.data, val);
                want = val;
            }
            if (story_langpack_lookup(lp, field, key.data) != want) {
                print_error("%s: %s (folded %s) not indexed as first\n",
                            field, k, key.data);
                bad++;
            }
        }
    } else if (json_is_array(v)) {
        json_array_foreach(v, i, val) {
            if (!json_is_string(val))
                continue;
            const char *s = json_string_value(val);
            key.len = 0;
            assert_int_equal(
                story__normalize_key_buf(&key, NULL, s, strlen(s), NULL), 0);
            if (!story_langpack_has(lp, field, key.data)) {
                print_error("%s: %s not indexed\n", field, s);
                bad++;
            }
        }
    }
    story_buf_free(&key);
    json_decref(seen);
    return bad;
}

static void test_lookup_index(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    const story_langpack *lp;
    story_error err;
    static const char *const fields[] = {"titles", "abbreviations",
                                         "number_words", "stopwords",
                                         "months", NULL};
    for (int l = 0; langs[l]; l++) {
        assert_int_equal(story_langpack_get(&lp, ctx, langs[l], &err), 0);
        for (int f = 0; fields[f]; f++)
            assert_int_equal(check_field_index(lp, fields[f]), 0);
    }
    assert_int_equal(story_langpack_get(&lp, ctx, "en", &err), 0);
    char field[32];
    snprintf(field, sizeof field, "titles");
    assert_string_equal(story_langpack_map(lp, field, "gen."), "general");
    snprintf(field, sizeof field, "abbreviations");
    assert_null(story_langpack_map(lp, field, "gen.x"));
    assert_true(story_langpack_has(lp, field, "u.s."));
    snprintf(field, sizeof field, "titles");
    assert_false(story_langpack_has(lp, field, "u.s."));
    snprintf(field, sizeof field, "no_such_field");
    assert_null(story_langpack_lookup(lp, field, "u.s."));
    assert_null(story_langpack_field(lp, field));
    assert_false(story_langpack_has(lp, "abbreviations", ""));
    assert_false(story_langpack_has(lp, "abbreviations", "u.s.u.s."));
    story_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_all_files),
        cmocka_unit_test(test_text_layer_fields),
        cmocka_unit_test(test_loader),
        cmocka_unit_test(test_lookup_index),
    };
    return cmocka_run_group_tests_name("locale", tests, NULL, NULL);
}
