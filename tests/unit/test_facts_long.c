/*
 * Unit tests of fact extraction and the diff on degenerate long inputs:
 * each input here once made a stage quadratic in its length (a fresh-user
 * test); they must finish within the ctest time limit and still give
 * facts. No timing is asserted. Inputs are generated here.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "internal.h"
#include "storydiff/storydiff.h"
#include "support.h"
#include "ctx_fixture.h"

/* One capitalised "word" of 300,000 letters, then a sentence with a
 * German compound whose head is an event entry: every suffix of the long
 * word was hashed as a compound head (quadratic, about an hour); the
 * compound after it must still be read. */
static void test_long_word(void **state)
{
    (void)state;
    const size_t n = 300000;
    const char *tail = " Die Regierung meldete am Montag eine Mieterh\xc3\xb6hung.";
    size_t tl = strlen(tail);
    char *s = malloc(n + tl + 1);
    assert_non_null(s);
    s[0] = 'A';
    memset(s + 1, 'a', n - 1);
    memcpy(s + n, tail, tl + 1);
    story_article *a = story_test_article(ctx, s, "de");
    story_factset *fs = NULL;
    story_error err;
    assert_int_equal(story_facts_extract(&fs, ctx, a, &err), 0);
    int date = 0;
    for (size_t i = 0; i < fs->n_facts; i++)
        date |= fs->facts[i].type == STORY_FACT_DATE;
    assert_true(date);
    story_factset_free(fs);
    story_article_free(a);
    free(s);
}

/* One sentence of about 600,000 bytes without a comma, where reporting
 * and event verbs repeat: the polarity of a repeated predicate scanned
 * back to its first mention, and the Japanese topic-particle search ran
 * from the sentence start, once per verb (quadratic, minutes). */
static void test_long_sentence(void **state)
{
    (void)state;
    story_buf b = {0};
    static const char *const w[] = {"the", "mayor", "said", "that", "15",
                                    "people", "were", "injured", "and",
                                    "police", "did", "not", "arrest",
                                    "anyone", "on", "Monday", "in", "Paris"};
    for (size_t i = 0; i < 100000; i++)
        story_buf_printf(&b, "%s ", w[(i * 7) % (sizeof w / sizeof *w)]);
    story_buf_puts(&b, "today.");
    for (int l = 0; l < 2; l++) {
        story_article *a = story_test_article(ctx, b.data, l ? "ja" : "en");
        story_factset *fs = NULL;
        story_error err;
        assert_int_equal(story_facts_extract(&fs, ctx, a, &err), 0);
        assert_true(fs->n_facts > 0);
        story_factset_free(fs);
        story_article_free(a);
    }
    story_buf_free(&b);
}

/* Many paragraphs with direct quotes: the attribution pass looked at
 * every fact for every sentence (quadratic: 24 s for 3.4 MB). Each
 * paragraph keeps its direct quote, its "police said" quote and
 * attribution, and the speaker of a quote is never taken from inside a
 * direct quote. */
static void test_many_quotes(void **state)
{
    (void)state;
    story_buf b = {0};
    const size_t n = 3000;
    for (size_t i = 0; i < n; i++)
        story_buf_printf(&b,
                         "\"We will rebuild the bridge,\" the mayor said "
                         "on day %zu.\n\nThe bridge had been closed for "
                         "repairs, police said.\n\n",
                         i + 1);
    story_article *a = story_test_article(ctx, b.data, "en");
    story_factset *fs = NULL;
    story_error err;
    assert_int_equal(story_facts_extract(&fs, ctx, a, &err), 0);
    size_t direct = 0, indirect = 0;
    for (size_t i = 0; i < fs->n_facts; i++)
        if (fs->facts[i].type == STORY_FACT_QUOTE)
            *(fs->facts[i].direct ? &direct : &indirect) += 1;
    assert_int_equal(direct, n);
    assert_int_equal(indirect, n);
    story_factset_free(fs);
    story_article_free(a);
    story_buf_free(&b);
}

/* Many paragraphs of speakers taken up by a pronoun: the speaker of
 * "She added" (the latest quote in this or the 2 sentences before) and
 * the start of "X said" quotes (the speaker's whole name) looked at
 * every fact per pronoun and per quote (quadratic: 8 MB of text took
 * 9.4 s, 4 MB 3.2 s; fresh user of session 12, H2). Two speakers take
 * turns; every pronoun goes to the speaker just before it, and every
 * "Name said" quote starts at the first word of the name. */
static void test_many_pronoun_quotes(void **state)
{
    (void)state;
    story_buf b = {0};
    const size_t n = 2500;
    for (size_t i = 0; i < n; i++)
        story_buf_printf(&b,
                         "Anna Brightwater, a lawyer in Leeds, said the "
                         "court \"will hear case %zu next spring.\"\n\n"
                         "She added that the judges would decide "
                         "quickly.\n\n"
                         "Oliver Quenby said that the town council had "
                         "approved the budget.\n\n"
                         "He added that the library would open longer.\n\n",
                         i + 1);
    story_article *a = story_test_article(ctx, b.data, "en");
    assert_int_equal(a->n_sentences, 4 * n);
    story_factset *fs = NULL;
    story_error err;
    assert_int_equal(story_facts_extract(&fs, ctx, a, &err), 0);
    const char *spk[2] = {NULL, NULL}; /* quote keys of the two */
    size_t seen[4] = {0, 0, 0, 0};
    for (size_t i = 0; i < fs->n_facts; i++) {
        const story_fact *f = &fs->facts[i];
        if (f->type != STORY_FACT_QUOTE)
            continue;
        size_t r = f->sentence % 4, who = r < 2 ? 0 : 1;
        seen[r]++;
        if (!spk[who])
            spk[who] = f->key;
        assert_string_equal(f->key, spk[who]);
        if (r == 2)
            assert_int_equal(f->start, a->sentences[f->sentence].start);
    }
    for (size_t r = 0; r < 4; r++)
        assert_int_equal(seen[r], n);
    assert_non_null(spk[0]);
    assert_non_null(spk[1]);
    assert_string_not_equal(spk[0], spk[1]);
    assert_string_not_equal(spk[0], "quote|?");
    assert_string_not_equal(spk[1], "quote|?");
    story_factset_free(fs);
    story_article_free(a);
    story_buf_free(&b);
}

/* A long text compared with its own copy: thousands of facts share each
 * key, and the same-key passes of the diff scanned the matched ones again
 * for every fact (quadratic: 28 s for 1.6 MB). Every fact is the same. */
static void test_long_copy_compare(void **state)
{
    (void)state;
    story_buf b = {0};
    for (int i = 0; i < 3000; i++)
        story_buf_printf(&b, "Mayor Smith said on Monday that %d people "
                             "attended the council meeting in Paris. ",
                         15 + i % 7);
    story_article *a = story_test_article(ctx, b.data, "en");
    story_article *c = story_test_article(ctx, b.data, "en");
    story_compare_options co = STORY_COMPARE_OPTIONS_INIT;
    story_comparison *cmp = NULL;
    story_error err;
    assert_int_equal(story_compare_articles_take(&cmp, ctx, a, c, &co, &err),
                     0);
    assert_true(cmp->diff->summary.same > 3000);
    assert_int_equal(story_diff_has_differences(cmp->diff), 0);
    story_comparison_free(cmp);
    story_buf_free(&b);
}

/* One long paragraph of facts with many different slots (numbers,
 * dates, names in changing order) against a short article: the "changed"
 * passes counted the facts of each slot by scanning every fact, once per
 * fact (quadratic: 44 s for 0.9 MB, over 5 minutes for 2 MB). */
static void test_long_paragraph_compare(void **state)
{
    (void)state;
    story_buf b = {0};
    static const char *const w[] = {"police", "said", "near", "Berlin",
                                    "people", "injured", "on", "Monday",
                                    "the", "mayor", "promised", "cars",
                                    "reported", "river", "and", "new"};
    for (size_t i = 0; i < 60000; i++) {
        if (i % 5 == 0)
            story_buf_printf(&b, "%zu ", 3 + (i * 31) % 997);
        story_buf_printf(&b, "%s ", w[(i * 7 + i / 16) % 16]);
    }
    story_buf_puts(&b, "today.");
    story_article *a = story_test_article(ctx, b.data, "en");
    story_article *c = story_test_article(
        ctx, "The mayor said 12 people were injured near Berlin on Monday.",
        "en");
    story_compare_options co = STORY_COMPARE_OPTIONS_INIT;
    story_comparison *cmp = NULL;
    story_error err;
    assert_int_equal(story_compare_articles_take(&cmp, ctx, a, c, &co, &err),
                     0);
    assert_true(cmp->diff->summary.omitted > 1000);
    assert_int_equal(story_diff_has_differences(cmp->diff), 1);
    story_comparison_free(cmp);
    story_buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_long_word),
        cmocka_unit_test(test_long_sentence),
        cmocka_unit_test(test_many_quotes),
        cmocka_unit_test(test_many_pronoun_quotes),
        cmocka_unit_test(test_long_copy_compare),
        cmocka_unit_test(test_long_paragraph_compare),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
