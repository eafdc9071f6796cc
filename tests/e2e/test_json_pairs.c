/*
 * End to end: `storydiff compare --format=json` on every pair named in
 * issue 2, read in place from the corpus ($STORYDIFF_CORPUS):
 *   - WMT24 euronews-en.43091: en against each of its 9 translations, and
 *     the two independent German translations (de vs de-refB);
 *   - the 30 SemEval-2022 Task 8 pairs under articles/semeval/;
 *   - the seed article ($STORYDIFF_SEED, default
 *     $STORYDIFF_CORPUS/../seed/nato-chiefs-2025-08-20.scraped.txt) against
 *     itself and against the WMT24 English article.
 * Each report must parse, carry "schema": "storydiff.report/1", validate
 * against docs/report.schema.json and keep the structural invariants
 * (report_check.h); the exit status must be 0 or 1. Two runs on the same
 * pair give the same bytes.
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

#include "report_check.h"
#include "support.h"

static json_t *schema;

static char *seed_path(void)
{
    const char *env = getenv("STORYDIFF_SEED");
    if (env && *env)
        return strdup(env);
    return story_test_corpus_path(
        "../seed/nato-chiefs-2025-08-20.scraped.txt");
}

static void check_pair(const char *a, const char *b)
{
    char args[8192];
    char *out = NULL, *err = NULL, msg[1024];
    snprintf(args, sizeof args, "compare --format=json '%s' '%s'", a, b);
    int st = story_test_run_cli(args, &out, &err);
    if (st != 0 && st != 1)
        print_error("%s vs %s: exit %d: %s\n", a, b, st, err ? err : "");
    int ok = out && sc_check_report(out, schema, msg, sizeof msg) == 0;
    if (out && !ok)
        print_error("%s vs %s: %s\n", a, b, msg);
    int has_schema =
        out && strstr(out, "\"schema\": \"storydiff.report/1\"") != NULL;
    free(out);
    free(err);
    assert_true(st == 0 || st == 1);
    assert_true(ok);
    assert_true(has_schema);
}

static int setup(void **state)
{
    (void)state;
    schema = sc_load_schema();
    return schema ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    json_decref(schema);
    return 0;
}

static void test_schema_is_valid_json(void **state)
{
    (void)state;
    assert_string_equal(json_string_value(json_object_get(schema, "$schema")),
                        "https://json-schema.org/draft/2020-12/schema");
    /* the validator rejects what it should: a report without "schema" */
    char msg[256];
    json_t *empty = json_object();
    int rc = sc_validate(empty, schema, schema, "", msg, sizeof msg);
    json_decref(empty);
    assert_int_not_equal(rc, 0);
}

static void test_wmt24_euronews(void **state)
{
    (void)state;
    static const char *langs[] = {"cs", "de", "es", "hi", "is",
                                  "ja", "ru", "uk", "zh"};
    char *dir = story_test_corpus_path("articles/wmt24/euronews-en.43091");
    if (!dir)
        skip();
    char a[4096], b[4096];
    snprintf(a, sizeof a, "%s/en.txt", dir);
    for (size_t i = 0; i < sizeof langs / sizeof *langs; i++) {
        snprintf(b, sizeof b, "%s/%s.txt", dir, langs[i]);
        check_pair(a, b);
    }
    snprintf(a, sizeof a, "%s/de.txt", dir);
    snprintf(b, sizeof b, "%s/de-refB.txt", dir);
    check_pair(a, b);
    free(dir);
}

/* The file in `dir` whose name starts with `prefix` ("a." / "b."). */
static int find_file(const char *dir, const char *prefix, char *out,
                     size_t n)
{
    DIR *d = opendir(dir);
    struct dirent *e;
    int found = 0;
    if (!d)
        return 0;
    while (!found && (e = readdir(d)))
        if (!strncmp(e->d_name, prefix, strlen(prefix)) &&
            strstr(e->d_name, ".txt")) {
            snprintf(out, n, "%s/%s", dir, e->d_name);
            found = 1;
        }
    closedir(d);
    return found;
}

static void test_semeval(void **state)
{
    (void)state;
    char *root = story_test_corpus_path("articles/semeval");
    if (!root)
        skip();
    DIR *d = opendir(root);
    assert_non_null(d);
    struct dirent *e;
    int pairs = 0;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        char dir[4096], a[4352], b[4352];
        snprintf(dir, sizeof dir, "%s/%s", root, e->d_name);
        if (!find_file(dir, "a.", a, sizeof a) ||
            !find_file(dir, "b.", b, sizeof b))
            continue;
        check_pair(a, b);
        pairs++;
    }
    closedir(d);
    assert_true(pairs >= 30);
    free(root);
}

static void test_seed_pairs(void **state)
{
    (void)state;
    char *seed = seed_path();
    char *en =
        story_test_corpus_path("articles/wmt24/euronews-en.43091/en.txt");
    if (!seed || !en)
        skip();
    check_pair(seed, seed);
    check_pair(seed, en);
    check_pair(en, seed);
    free(seed);
    free(en);
}

/* The report is deterministic: two runs give the same bytes. */
static void test_deterministic(void **state)
{
    (void)state;
    char *dir = story_test_corpus_path("articles/wmt24/euronews-en.43091");
    if (!dir)
        skip();
    char args[8192], *o1 = NULL, *o2 = NULL;
    snprintf(args, sizeof args, "compare --format=json '%s/en.txt' '%s/uk.txt'",
             dir, dir);
    int s1 = story_test_run_cli(args, &o1, NULL);
    int s2 = story_test_run_cli(args, &o2, NULL);
    assert_int_equal(s1, s2);
    assert_non_null(o1);
    assert_non_null(o2);
    assert_string_equal(o1, o2);
    free(o1);
    free(o2);
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_schema_is_valid_json),
        cmocka_unit_test(test_wmt24_euronews),
        cmocka_unit_test(test_semeval),
        cmocka_unit_test(test_seed_pairs),
        cmocka_unit_test(test_deterministic),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
