/*
 * Unit tests of the pipeline driver (src/compare.c) on short texts written
 * here: identical articles give no difference and a full alignment; a
 * changed number is a difference; errors name the failing input; two "-"
 * inputs are refused; allocation failures return STORY_ENOMEM cleanly;
 * per-input encodings; story_lang_check().
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

#include "internal.h"
#include "support.h"

static const char *A =
    "Storm closes the coast road\n\n"
    "A storm hit the coastal town of Marlow on Monday and injured 15 "
    "people, the mayor said.\n\n"
    "The road to the harbour will stay closed for 3 weeks while engineers "
    "repair it.\n";
static const char *B =
    "Storm closes the coast road\n\n"
    "A storm hit the coastal town of Marlow on Monday and injured 14 "
    "people, the mayor said.\n\n"
    "The road to the harbour will stay closed for 3 weeks while engineers "
    "repair it.\n";

static story_article *ingest(story_ctx *ctx, const char *name,
                             const char *text)
{
    story_article *a = NULL;
    story_error err;
    story_ingest_options io = STORY_INGEST_OPTIONS_INIT;
    io.format = "text";
    assert_int_equal(story_ingest_memory(&a, ctx, name, text, strlen(text),
                                         NULL, &io, &err),
                     0);
    return a;
}

static story_comparison *run(story_ctx *ctx, const char *a, const char *b)
{
    story_comparison *c = NULL;
    story_error err;
    story_compare_options co = STORY_COMPARE_OPTIONS_INIT;
    co.lang_a = "en";
    co.lang_b = "en";
    int rc = story_compare_articles_take(&c, ctx, ingest(ctx, "a", a),
                                         ingest(ctx, "b", b), &co, &err);
    if (rc)
        print_error("%s: %s\n", err.source, err.message);
    assert_int_equal(rc, 0);
    assert_non_null(c->a);
    assert_non_null(c->b);
    assert_non_null(c->fa);
    assert_non_null(c->fb);
    assert_non_null(c->alignment);
    assert_non_null(c->diff);
    return c;
}

/* fresh-user L5 (session 10): the same article as a and b was freed
 * twice (heap-use-after-free); now an error, the article freed once */
static void test_same_article_twice(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    story_comparison *c = (story_comparison *)1;
    story_error err;
    story_compare_options co = STORY_COMPARE_OPTIONS_INIT;
    story_article *a = ingest(ctx, "a", A);
    assert_int_equal(story_compare_articles_take(&c, ctx, a, a, &co, &err),
                     STORY_EINVAL);
    assert_null(c);
    assert_non_null(strstr(err.message, "one article"));
    story_ctx_free(ctx);
}

static void test_identical(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    story_comparison *c = run(ctx, A, A);
    assert_int_equal(story_diff_has_differences(c->diff), 0);
    assert_int_equal(c->diff->summary.sentences_matched, c->a->n_sentences);
    assert_int_equal(c->diff->summary.same, c->diff->summary.facts_a);
    assert_true(c->diff->summary.facts_a > 0);
    story_comparison_free(c);
    story_ctx_free(ctx);
}

static void test_changed_number(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    story_comparison *c = run(ctx, A, B);
    assert_int_equal(story_diff_has_differences(c->diff), 1);
    /* 15 in A must not be "same" with anything in B */
    int flagged = 0;
    for (size_t i = 0; i < c->diff->n_entries; i++) {
        const story_diff_entry *e = &c->diff->entries[i];
        if (e->type == STORY_FACT_QUANTITY && e->a >= 0 &&
            c->fa->facts[e->a].number == 15)
            flagged = e->category != STORY_DIFF_SAME;
    }
    assert_true(flagged);
    story_comparison_free(c);
    story_ctx_free(ctx);
}

/* The category of the first entity entry whose A name is `name`. */
static int entity_category(const story_comparison *c, const char *name)
{
    for (size_t i = 0; i < c->diff->n_entries; i++) {
        const story_diff_entry *e = &c->diff->entries[i];
        if (e->type == STORY_FACT_ENTITY && e->a >= 0 &&
            strcmp(c->fa->facts[e->a].name, name) == 0)
            return (int)e->category;
    }
    return -1;
}

/* One language: a name the consonant-skeleton key cannot tell apart
 * from another ("Reilly" / "Rowley") is a changed entity (fresh-user H2);
 * a spelling variant ("Zelensky" / "Zelenskyy") and an acronym stay the
 * same entity. Sentences written for the test. */
static void test_renamed_same_key(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    const char *ta = "Mayor Thomas Reilly said on Monday that the bridge "
                     "was safe. President Volodymyr Zelensky thanked the "
                     "engineers of the UN agency.";
    const char *tb = "Mayor Thomas Rowley said on Monday that the bridge "
                     "was safe. President Volodymyr Zelenskyy thanked the "
                     "engineers of the UN agency.";
    story_comparison *c = run(ctx, ta, tb);
    assert_int_equal(entity_category(c, "Thomas Reilly"),
                     STORY_DIFF_CHANGED);
    assert_int_equal(entity_category(c, "Volodymyr Zelensky"),
                     STORY_DIFF_SAME);
    assert_int_equal(story_diff_has_differences(c->diff), 1);
    story_comparison_free(c);
    c = run(ctx, ta, ta);
    assert_int_equal(story_diff_has_differences(c->diff), 0);
    story_comparison_free(c);
    story_ctx_free(ctx);
}

/* The same story as plain text (headline kept as its first paragraph)
 * and as an HTML page (headline in <title>/<h1>): no difference; a
 * headline changed in the HTML page is reported. */
/* Number of certain entries of category `cat` and fact type `t`. */
static size_t entries(const story_comparison *c, story_diff_category cat,
                      story_fact_type t)
{
    size_t n = 0;
    for (size_t i = 0; i < c->diff->n_entries; i++) {
        const story_diff_entry *e = &c->diff->entries[i];
        n += e->category == cat && e->type == t && e->certain;
    }
    return n;
}

/* Session 7 (fresh-user M8): antonymous events of an aligned pair
 * (locales/root.json "event_antonyms"): "rejected" -> "did not approve"
 * agree (the quote too), "approved" -> "rejected" is contradicted; two
 * amounts with units changed in one sentence are two changed quantities.
 * Sentences written for the test. */
static void test_antonyms_and_amounts(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    story_comparison *c = run(
        ctx,
        "Ferry vote\n\nThe port board rejected the ferry plan on Monday, "
        "a spokesman said.\n\nThe board approved the pier repairs.\n",
        "Ferry vote\n\nThe port board did not approve the ferry plan on "
        "Monday, a spokesman said.\n\nThe board rejected the pier "
        "repairs.\n");
    assert_int_equal(entries(c, STORY_DIFF_CONTRADICTED, STORY_FACT_QUOTE),
                     0);
    assert_int_equal(entries(c, STORY_DIFF_CONTRADICTED, STORY_FACT_EVENT),
                     1);
    assert_int_equal(entries(c, STORY_DIFF_OMITTED, STORY_FACT_EVENT) +
                         entries(c, STORY_DIFF_ADDED, STORY_FACT_EVENT),
                     0);
    story_comparison_free(c);
    c = run(ctx,
            "Repairs\n\nThe port will spend $3.5 million on the pier, up 16% "
            "from last year.\n\nWork starts in May.\n",
            "Repairs\n\nThe port will spend $35 million on the pier, up 61% "
            "from last year.\n\nWork starts in May.\n");
    assert_int_equal(entries(c, STORY_DIFF_CHANGED, STORY_FACT_QUANTITY), 2);
    assert_int_equal(entries(c, STORY_DIFF_OMITTED, STORY_FACT_QUANTITY) +
                         entries(c, STORY_DIFF_ADDED, STORY_FACT_QUANTITY),
                     0);
    story_comparison_free(c);
    story_ctx_free(ctx);
}

static void test_text_vs_html_headline(void **state)
{
    (void)state;
    static const char *html =
        "<html><head><title>Storm closes the coast road</title></head>"
        "<body><article><h1>Storm closes the coast road</h1>"
        "<p>A storm hit the coastal town of Marlow on Monday and injured 15 "
        "people, the mayor said.</p><p>The road to the harbour will stay "
        "closed for 3 weeks while engineers repair it.</p></article>"
        "</body></html>";
    static const char *html2 =
        "<html><head><title>Storm closes the coast road for 5 weeks</title>"
        "</head><body><article><h1>Storm closes the coast road for 5 "
        "weeks</h1><p>A storm hit the coastal town of Marlow on Monday and "
        "injured 15 people, the mayor said.</p><p>The road to the harbour "
        "will stay closed for 3 weeks while engineers repair it.</p>"
        "</article></body></html>";
    story_ctx *ctx = story_test_ctx();
    story_error err;
    story_ingest_options io = STORY_INGEST_OPTIONS_INIT;
    story_compare_options co = STORY_COMPARE_OPTIONS_INIT;
    co.lang_a = co.lang_b = "en";
    story_article *h = NULL, *h2 = NULL;
    io.format = "html";
    assert_int_equal(story_ingest_memory(&h, ctx, "b.html", html,
                                         strlen(html), NULL, &io, &err),
                     0);
    story_comparison *c = NULL;
    assert_int_equal(story_compare_articles_take(&c, ctx, ingest(ctx, "a", A),
                                                 h, &co, &err),
                     0);
    assert_int_equal(story_diff_has_differences(c->diff), 0);
    assert_int_equal(c->diff->summary.sentences_omitted, 0);
    story_comparison_free(c);
    assert_int_equal(story_ingest_memory(&h, ctx, "b.html", html,
                                         strlen(html), NULL, &io, &err),
                     0);
    assert_int_equal(story_ingest_memory(&h2, ctx, "c.html", html2,
                                         strlen(html2), NULL, &io, &err),
                     0);
    assert_int_equal(story_compare_articles_take(&c, ctx, h, h2, &co, &err),
                     0);
    assert_int_equal(story_diff_has_differences(c->diff), 1);
    story_comparison_free(c);
    story_ctx_free(ctx);
}

static void test_errors_name_the_input(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    story_comparison *c = NULL;
    story_error err;
    char path[] = "/tmp/storydiff-compare-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, A, strlen(A)), (ssize_t)strlen(A));
    close(fd);

    int rc = story_compare(&c, ctx, path, "/nonexistent/b.txt", NULL, &err);
    assert_true(rc < 0);
    assert_null(c);
    assert_string_equal(err.source, "/nonexistent/b.txt");
    assert_true(strlen(err.message) > 0);

    rc = story_compare(&c, ctx, "/nonexistent/a.txt", path, NULL, &err);
    assert_true(rc < 0);
    assert_string_equal(err.source, "/nonexistent/a.txt");

    rc = story_compare(&c, ctx, "-", "-", NULL, &err);
    assert_int_equal(rc, STORY_EINVAL);
    assert_non_null(strstr(err.message, "at most one"));

    rc = story_compare(&c, ctx, path, path, NULL, &err);
    assert_int_equal(rc, 0);
    assert_int_equal(story_diff_has_differences(c->diff), 0);
    story_comparison_free(c);
    unlink(path);
    story_ctx_free(ctx);
}

static void write_file(char *path, const char *bytes)
{
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    assert_int_equal(write(fd, bytes, strlen(bytes)), (ssize_t)strlen(bytes));
    close(fd);
}

/* encoding_a / encoding_b: each input decoded with its own charset, and
 * either one overriding ingest.encoding (which applies to both). */
static void test_encoding_per_input(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    char pa[] = "/tmp/storydiff-enc-a-XXXXXX", pb[] = "/tmp/storydiff-enc-b-XXXXXX";
    /* the same French sentence in ISO-8859-1 (A) and in UTF-8 (B) */
    write_file(pa, "Le maire a dit lundi que 15 personnes ont \xe9t\xe9 "
                   "bless\xe9" "es \xe0 Paris.\n");
    write_file(pb, "Le maire a dit lundi que 15 personnes ont \xc3\xa9t\xc3\xa9 "
                   "bless\xc3\xa9" "es \xc3\xa0 Paris.\n");
    story_compare_options co = STORY_COMPARE_OPTIONS_INIT;
    story_comparison *c = NULL;
    story_error err;
    co.lang_a = co.lang_b = "fr";
    co.encoding_a = "ISO-8859-1";
    assert_int_equal(story_compare(&c, ctx, pa, pb, &co, &err), 0);
    assert_int_equal(c->a->text_len, c->b->text_len);
    assert_memory_equal(c->a->text, c->b->text, c->a->text_len);
    story_comparison_free(c);

    /* --encoding for both, B's own charset wins */
    co.encoding_a = NULL;
    co.ingest.encoding = "ISO-8859-1";
    co.encoding_b = "UTF-8";
    assert_int_equal(story_compare(&c, ctx, pa, pb, &co, &err), 0);
    assert_memory_equal(c->a->text, c->b->text, c->a->text_len);
    story_comparison_free(c);

    /* without the override, B's UTF-8 is read as Latin-1: differs */
    co.encoding_b = NULL;
    assert_int_equal(story_compare(&c, ctx, pa, pb, &co, &err), 0);
    assert_true(c->a->text_len != c->b->text_len);
    story_comparison_free(c);
    unlink(pa);
    unlink(pb);
    story_ctx_free(ctx);
}

/* story_lang_check: pack, fallback, no pack, unknown language, malformed
 * (ICU parse). */
static void test_lang_check(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    assert_int_equal(story_lang_check(ctx, "en"), 1);
    assert_int_equal(story_lang_check(ctx, "de-CH"), 1);
    assert_int_equal(story_lang_check(ctx, "uk_UA"), 1);
    assert_int_equal(story_lang_check(ctx, "zh-Hans-CN"), 1);
    assert_int_equal(story_lang_check(ctx, "pt"), 0);
    assert_int_equal(story_lang_check(ctx, "sv-SE"), 0);
    assert_int_equal(story_lang_check(ctx, "tlh"), 0); /* Klingon */
    assert_int_equal(story_lang_check(ctx, "und"), 0);
    /* well-formed, but no language CLDR knows */
    assert_int_equal(story_lang_check(ctx, "xx"), STORY_ELOCALE);
    assert_int_equal(story_lang_check(ctx, "klingon"), STORY_ELOCALE);
    assert_int_equal(story_lang_check(ctx, "zz-Latn"), STORY_ELOCALE);
    assert_int_equal(story_lang_check(ctx, ""), STORY_EINVAL);
    assert_int_equal(story_lang_check(ctx, NULL), STORY_EINVAL);
    assert_int_equal(story_lang_check(ctx, "zz-Qqqq-99"), STORY_EINVAL);
    assert_int_equal(story_lang_check(ctx, "en-"), STORY_EINVAL);
    assert_int_equal(story_lang_check(ctx, "e"), STORY_EINVAL);
    assert_int_equal(story_lang_check(ctx, "english language"),
                     STORY_EINVAL);
    story_ctx_free(ctx);
}

/* Allocation failure anywhere in the pipeline: an error, never a crash or
 * a leak (run under ASan by scripts/test). */
static void test_enomem(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    /* warm the context (language packs) so failures hit the pipeline */
    story_comparison_free(run(ctx, A, B));
    int ok = 0;
    for (long n = 0; n < 100000 && !ok; n += 1 + n / 8) {
        story_article *a = ingest(ctx, "a", A), *b = ingest(ctx, "b", B);
        story_comparison *c = NULL;
        story_error err;
        story_compare_options co = STORY_COMPARE_OPTIONS_INIT;
        co.lang_a = "en";
        co.lang_b = "en";
        story__alloc_fail_after(n);
        int rc = story_compare_articles_take(&c, ctx, a, b, &co, &err);
        story__alloc_fail_after(-1);
        if (rc == 0) {
            ok = 1;
            story_comparison_free(c);
        } else {
            assert_true(rc < 0);
            assert_null(c);
        }
    }
    assert_true(ok);
    story_ctx_free(ctx);
}

/* story_article_dup (session 18): a deep copy, before and after
 * segmentation; comparing two copies of one article is the same as
 * comparing the article with a fresh ingest of the same text, and an
 * allocation failure frees what was copied (ASan). */
static void test_article_dup(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    story_article *a = ingest(ctx, "a", A), *c1 = NULL, *c2 = NULL;
    story_error err;
    assert_int_equal(story_article_dup(&c1, a, &err), 0);
    assert_non_null(c1);
    assert_ptr_not_equal(c1->text, a->text);
    assert_string_equal(c1->text, a->text);
    assert_int_equal(c1->text_len, a->text_len);
    assert_string_equal(c1->source, "a");
    assert_int_equal(c1->n_paragraphs, a->n_paragraphs);
    assert_ptr_not_equal(c1->paragraphs, a->paragraphs);
    assert_int_equal(c1->paragraphs[1].start, a->paragraphs[1].start);
    assert_int_equal(story_segment(ctx, a, "en", &err), 0);
    assert_int_equal(story_article_dup(&c2, a, &err), 0);
    assert_int_equal(c2->n_tokens, a->n_tokens);
    assert_true(c2->n_tokens > 10);
    assert_ptr_not_equal(c2->tokens[3].key, a->tokens[3].key);
    assert_string_equal(c2->tokens[3].key, a->tokens[3].key);
    assert_int_equal(c2->n_sentences, a->n_sentences);
    assert_int_equal(c2->sentences[1].end, a->sentences[1].end);
    story_article_free(a);
    story_article_free(c2);
    /* the copy compares like the original: a changed number against B */
    story_comparison *c = NULL;
    story_compare_options co = STORY_COMPARE_OPTIONS_INIT;
    co.lang_a = co.lang_b = "en";
    assert_int_equal(story_compare_articles_take(&c, ctx, c1,
                                                 ingest(ctx, "b", B), &co,
                                                 &err),
                     0);
    assert_int_equal(c->diff->summary.changed, 1);
    story_comparison_free(c);
    story_article *s = ingest(ctx, "s", A);
    assert_int_equal(story_segment(ctx, s, "en", &err), 0);
    assert_int_equal(story_article_dup(NULL, s, &err), STORY_EINVAL);
    assert_int_equal(story_article_dup(&c1, NULL, &err), STORY_EINVAL);
    assert_null(c1);
    int done = 0;
    for (long n = 0; n < 1000 && !done; n++) {
        story_article *d = NULL;
        story__alloc_fail_after(n);
        int rc = story_article_dup(&d, s, &err);
        story__alloc_fail_after(-1);
        if (rc == 0)
            done = 1;
        else {
            assert_int_equal(rc, STORY_ENOMEM);
            assert_null(d);
        }
        story_article_free(d);
    }
    assert_true(done);
    story_article_free(s);
    story_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_identical),
        cmocka_unit_test(test_same_article_twice),
        cmocka_unit_test(test_changed_number),
        cmocka_unit_test(test_renamed_same_key),
        cmocka_unit_test(test_text_vs_html_headline),
        cmocka_unit_test(test_antonyms_and_amounts),
        cmocka_unit_test(test_errors_name_the_input),
        cmocka_unit_test(test_encoding_per_input),
        cmocka_unit_test(test_lang_check),
        cmocka_unit_test(test_enomem),
        cmocka_unit_test(test_article_dup),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
