/*
 * Unit tests of the words of `storydiff check` in the library (session
 * 11): story_contradiction_clashes(), story_contradiction_text(),
 * story_fact_excerpt(), and the fields story_facts_json() writes for
 * each clash. All sentences are written for these tests.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "storydiff/storydiff.h"
#include "support.h"
#include "ctx_fixture.h"

typedef struct checked {
    run r;
    story_contradiction *cs;
    size_t n;
} checked;

static checked check_text_of(const char *text, const char *lang)
{
    checked c = {extract(text, lang), NULL, 0};
    story_error err;
    assert_int_equal(story_facts_check(&c.cs, &c.n, ctx, c.r.a, c.r.fs, &err),
                     0);
    return c;
}

static void checked_free(checked *c)
{
    story_contradictions_free(c->cs, c->n);
    run_free(&c->r);
}

/* One pair: the clash in words names both sentences, both facts' words
 * and what clashes, without keys; the excerpts are the sentences. */
static void test_pair_in_words(void **state)
{
    (void)state;
    checked c = check_text_of(
        "The harbour board approved the new ferry timetable on Monday.\n\n"
        "Weather on the coast stayed calm all week.\n\n"
        "The harbour board did not approve the new ferry timetable on "
        "Monday.",
        "en");
    assert_int_equal(c.n, 1);
    char *t = NULL;
    story_error err;
    assert_int_equal(
        story_contradiction_text(&t, c.r.a, c.r.fs, c.cs, c.n, 0, &err), 0);
    assert_non_null(strstr(t, "s0 \"approved\" (affirmed)"));
    assert_non_null(strstr(t, " vs s2 \""));
    assert_non_null(strstr(t, "(denied): the same event affirmed and denied"));
    assert_null(strstr(t, "event|"));
    assert_null(strchr(t, '\n'));
    story_free(t);

    char *ex = NULL;
    assert_int_equal(
        story_fact_excerpt(&ex, c.r.a, c.r.fs, c.cs[0].fact_b, &err), 0);
    assert_string_equal(ex, "The harbour board did not approve the new ferry "
                            "timetable on Monday.");
    story_free(ex);

    size_t *first = NULL;
    assert_int_equal(
        story_contradiction_clashes(&first, c.r.fs, c.cs, c.n, &err), 0);
    assert_int_equal(first[0], 0);
    story_free(first);

    /* bad arguments: one error each, *out NULL */
    t = (char *)"x";
    assert_int_equal(
        story_contradiction_text(&t, c.r.a, c.r.fs, c.cs, c.n, 1, &err),
        STORY_EINVAL);
    assert_null(t);
    assert_int_equal(
        story_fact_excerpt(&ex, c.r.a, c.r.fs, c.r.fs->n_facts, &err),
        STORY_EINVAL);
    assert_null(ex);
    story_contradiction bad = {0, c.r.fs->n_facts, (char *)"x"};
    assert_int_equal(
        story_contradiction_clashes(&first, c.r.fs, &bad, 1, &err),
        STORY_EINVAL);
    assert_null(first);
    checked_free(&c);
}

/* A long sentence is shortened around the fact, at word boundaries,
 * with ellipses where cut. */
static void test_excerpt_long(void **state)
{
    (void)state;
    run r = extract(
        "After three days of hearings in the crowded hall of the old "
        "customs house beside the river, and after a long night of "
        "arguments between the two camps of the assembly, the regional "
        "assembly finally approved the bridge repair budget of the valley "
        "towns, which the engineers of the roads office had asked for since "
        "the floods of the previous spring damaged the piers.",
        "en");
    size_t k = r.fs->n_facts;
    for (size_t i = 0; i < r.fs->n_facts && k == r.fs->n_facts; i++)
        if (r.fs->facts[i].type == STORY_FACT_EVENT &&
            strcmp(r.fs->facts[i].predicate, "AGREE") == 0)
            k = i;
    assert_true(k < r.fs->n_facts);
    char *ex = NULL;
    story_error err;
    assert_int_equal(story_fact_excerpt(&ex, r.a, r.fs, k, &err), 0);
    size_t len = strlen(ex);
    assert_true(len <= 140 + 2 * 3);
    assert_non_null(strstr(ex, "approved"));
    assert_memory_equal(ex, "\xE2\x80\xA6", 3);
    assert_memory_equal(ex + len - 3, "\xE2\x80\xA6", 3);
    assert_true(ex[3] != ' ' && ex[len - 4] != ' ');
    story_free(ex);
    run_free(&r);
}

/* Three sentences that say one thing, each against one denial, are three
 * pairs and one clash (fresh-user chk2): one line in words naming the
 * three sentences, and one JSON object listing the pairs. */
static void test_one_clash(void **state)
{
    (void)state;
    checked c = check_text_of(
        "Retired judge Mara Olsen dies at 90\n\n"
        "Mara Olsen, who sat on the appeals bench for two decades, died on "
        "Friday at the age of 90.\n\n"
        "Her son said she died in her sleep.\n\n"
        "Olsen, who is still alive, was recently seen at a garden show, "
        "according to neighbours.",
        "en");
    assert_true(c.n >= 2);
    size_t *first = NULL;
    story_error err;
    assert_int_equal(
        story_contradiction_clashes(&first, c.r.fs, c.cs, c.n, &err), 0);
    size_t clashes = 0;
    for (size_t i = 0; i < c.n; i++)
        clashes += first[i] == i;
    assert_int_equal(clashes, 1);
    story_free(first);
    char *t = NULL;
    assert_int_equal(
        story_contradiction_text(&t, c.r.a, c.r.fs, c.cs, c.n, c.n - 1, &err),
        0);
    assert_non_null(strstr(t, "s0 \"dies\", s1 \"died\""));
    assert_non_null(strstr(t, "(affirmed) vs s3 \"still alive\" (denied)"));
    story_free(t);

    char *js = NULL;
    assert_int_equal(story_facts_json(&js, c.r.a, c.r.fs, c.cs, c.n, &err), 0);
    json_t *root = json_loads(js, 0, NULL);
    assert_non_null(root);
    json_t *arr = json_object_get(root, "contradictions");
    assert_int_equal(json_array_size(arr), 1);
    json_t *o = json_array_get(arr, 0);
    assert_int_equal(json_array_size(json_object_get(o, "pairs")), c.n);
    assert_int_equal(json_integer_value(json_object_get(o, "sentence_a")), 0);
    assert_int_equal(json_integer_value(json_object_get(o, "sentence_b")), 3);
    assert_non_null(
        strstr(json_string_value(json_object_get(o, "quote_b")), "garden"));
    assert_non_null(
        strstr(json_string_value(json_object_get(o, "text")), "s1 \"died\""));
    json_decref(root);
    story_free(js);
    checked_free(&c);
}

/* Clashes about different things stay apart: a count of job cuts and
 * two approvals of the same kind (same predicate, no object key) in four
 * other sentences, which share no fact and no sentence pair. */
static void test_three_clashes(void **state)
{
    (void)state;
    checked c = check_text_of(
        "Kestrel Foods will cut 300 jobs this year, the company said on "
        "Monday.\n\n"
        "The park council approved the new trail plan.\n\n"
        "The school board approved the new lunch menu.\n\n"
        "The chief executive told staff in a letter that Kestrel Foods "
        "would cut 450 jobs this year.\n\n"
        "The park council did not approve the new trail plan.\n\n"
        "The school board did not approve the new lunch menu.",
        "en");
    size_t *first = NULL;
    story_error err;
    assert_int_equal(
        story_contradiction_clashes(&first, c.r.fs, c.cs, c.n, &err), 0);
    size_t clashes = 0;
    for (size_t i = 0; i < c.n; i++)
        clashes += first[i] == i;
    assert_int_equal(c.n, 3);
    assert_int_equal(clashes, 3);
    story_free(first);
    char *t = NULL;
    assert_int_equal(
        story_contradiction_text(&t, c.r.a, c.r.fs, c.cs, c.n, 0, &err), 0);
    assert_string_equal(t, "s0 \"cut 300 jobs\" vs s3 \"cut 450 jobs\": two "
                           "different counts of the same thing");
    story_free(t);
    checked_free(&c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pair_in_words),
        cmocka_unit_test(test_excerpt_long),
        cmocka_unit_test(test_one_clash),
        cmocka_unit_test(test_three_clashes),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
