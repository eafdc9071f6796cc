/*
 * End to end on the seed article (a scraped page with boilerplate):
 * $STORYDIFF_SEED, default $STORYDIFF_CORPUS/../seed/
 * nato-chiefs-2025-08-20.scraped.txt, read in place.
 *   - the title is the headline: a line of the raw file, non-empty;
 *   - the headline appears once: as the title, never again in the body;
 *   - "Skip to content" is gone;
 *   - compared with itself, nothing differs (exit 0) and every sentence is
 *     matched;
 *   - `storydiff check` finds its contradiction (exit 1).
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"

static char *seed_path(void)
{
    const char *env = getenv("STORYDIFF_SEED");
    if (env && *env)
        return strdup(env);
    return story_test_corpus_path(
        "../seed/nato-chiefs-2025-08-20.scraped.txt");
}

static void test_boilerplate(void **state)
{
    (void)state;
    char *path = seed_path();
    if (!path)
        skip();
    size_t raw_len = 0;
    char *raw = story_test_read_file(path, &raw_len);
    assert_non_null(raw);
    story_ctx *ctx = story_test_ctx();
    story_article *a = NULL;
    story_error err;
    story_ingest_options io = STORY_INGEST_OPTIONS_INIT;
    if (story_ingest(&a, ctx, path, &io, &err) != 0) {
        print_error("%s: %s\n", err.source, err.message);
        fail();
    }
    assert_true(strlen(a->title) > 20);
    /* the headline is a line of the page */
    assert_non_null(strstr(raw, a->title));
    /* ... and appears once: as the title, not again in the body */
    assert_null(strstr(a->text, a->title));
    assert_null(strstr(a->text, "Skip to content"));
    assert_null(strstr(a->title, "Skip to content"));
    /* no paragraph repeats the title with different case or spacing
     * either: compare the first paragraph's first 40 bytes */
    if (a->n_paragraphs > 0) {
        const story_paragraph *p = &a->paragraphs[0];
        size_t n = p->end - p->start;
        assert_false(n == strlen(a->title) &&
                     strncmp(a->text + p->start, a->title, n) == 0);
    }
    story_article_free(a);
    story_ctx_free(ctx);
    free(raw);
    free(path);
}

static void test_seed_against_itself(void **state)
{
    (void)state;
    char *path = seed_path();
    if (!path)
        skip();
    char args[4608], *out = NULL, *err = NULL;
    snprintf(args, sizeof args, "compare --format=json '%s' '%s'", path,
             path);
    int st = story_test_run_cli(args, &out, &err);
    if (st != 0)
        print_error("exit %d: %s\n", st, err ? err : "");
    json_t *r = out ? json_loads(out, 0, NULL) : NULL;
    json_t *s = json_object_get(r, "summary");
    json_int_t changed = json_integer_value(json_object_get(s, "changed")),
               added = json_integer_value(json_object_get(s, "added")),
               omitted = json_integer_value(json_object_get(s, "omitted")),
               matched = json_integer_value(
                   json_object_get(s, "sentences_matched"));
    json_t *arts = json_object_get(r, "articles");
    size_t n_sent = json_array_size(
        json_object_get(json_array_get(arts, 0), "sentences"));
    int parsed = r != NULL;
    json_decref(r);
    free(out);
    free(err);
    free(path);
    assert_int_equal(st, 0);
    assert_true(parsed);
    assert_int_equal(changed, 0);
    assert_int_equal(added, 0);
    assert_int_equal(omitted, 0);
    assert_true(n_sent > 5);
    assert_int_equal(matched, n_sent);
}

/* The seed says a coalition "has signed up" and later that no country
 * has: `storydiff check` must report it (exit 1). */
static void test_check_contradiction(void **state)
{
    (void)state;
    char *path = seed_path();
    if (!path)
        skip();
    char args[4608], *out = NULL, *err = NULL;
    snprintf(args, sizeof args, "check --format=json '%s'", path);
    int st = story_test_run_cli(args, &out, &err);
    if (st != 1)
        print_error("exit %d: %s\n", st, err ? err : "");
    json_t *r = out ? json_loads(out, 0, NULL) : NULL;
    const char *schema = json_string_value(json_object_get(r, "schema"));
    int is_facts = schema && !strcmp(schema, "storydiff.facts/1");
    size_t n = json_array_size(json_object_get(r, "contradictions"));
    json_decref(r);
    free(out);
    free(err);
    free(path);
    assert_int_equal(st, 1);
    assert_true(is_facts);
    assert_true(n >= 1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_boilerplate),
        cmocka_unit_test(test_seed_against_itself),
        cmocka_unit_test(test_check_contradiction),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
