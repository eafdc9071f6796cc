/*
 * Real data (read in place from ../shared/corpus, skipped locally when it
 * is missing, failing under CI=true): language identification of the
 * WMT24 paragraphs and sentence-boundary recall on one WMT22 test set.
 * Asserts measured properties (accuracy / recall floors), no expected text.
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

static const char *const pairs[] = {"cs", "de", "es", "hi", "is", "ja",
                                    "ru", "uk", "zh", NULL};

static void test_wmt24_langid(void **state)
{
    (void)state;
    if (!story_test_corpus())
        skip();
    story_ctx *ctx = story_test_ctx();
    for (int i = 0; pairs[i]; i++) {
        char rel[128];
        snprintf(rel, sizeof rel, "wmt/wmt24_news/en-%s.news.jsonl", pairs[i]);
        char *path = story_test_corpus_path(rel);
        size_t len;
        char *data = story_test_read_file(path, &len);
        assert_non_null(data);
        long n = 0, ok = 0, en_ok = 0;
        for (char *line = strtok(data, "\n"); line;
             line = strtok(NULL, "\n")) {
            json_t *j = json_loads(line, 0, NULL);
            assert_non_null(j);
            const char *src = json_string_value(json_object_get(j, "src"));
            const char *ref = json_string_value(json_object_get(j, "refA"));
            char out[16];
            assert_int_equal(story_langid(ctx, ref, strlen(ref), out,
                                          sizeof out, NULL), 0);
            ok += strcmp(out, pairs[i]) == 0;
            assert_int_equal(story_langid(ctx, src, strlen(src), out,
                                          sizeof out, NULL), 0);
            en_ok += strcmp(out, "en") == 0;
            n++;
            json_decref(j);
        }
        if ((double)ok < 0.99 * (double)n || (double)en_ok < 0.99 * (double)n)
            print_error("%s: %ld/%ld target paragraphs, %ld/%ld English\n",
                        pairs[i], ok, n, en_ok, n);
        assert_true(n > 100);
        assert_true((double)ok >= 0.99 * (double)n);
        assert_true((double)en_ok >= 0.99 * (double)n);
        free(data);
        free(path);
    }
    story_ctx_free(ctx);
}

/* Segs of WMT22 de-fr joined per document side; every internal seg end
 * written with a full stop must come out as a sentence end. */
static void test_wmt22_boundaries(void **state)
{
    (void)state;
    if (!story_test_corpus())
        skip();
    story_ctx *ctx = story_test_ctx();
    char *path =
        story_test_corpus_path("wmt/wmt22_news/wmt22_news.de-fr.src-ref.xml");
    size_t len;
    char *x = story_test_read_file(path, &len);
    assert_non_null(x);
    long bounds = 0, found = 0;
    const char *side = x;
    while ((side = strstr(side, "<src lang=\"de\">"))) {
        const char *end = strstr(side, "</src>");
        assert_non_null(end);
        /* join the segs (entities are left as they are: they do not touch
         * sentence ends) */
        char *text = malloc((size_t)(end - side) + 1);
        size_t tl = 0, ends[4096], ne = 0;
        const char *p = side;
        while ((p = strstr(p, "<seg")) && p < end) {
            const char *s = strchr(p, '>') + 1, *e = strstr(s, "</seg>");
            if (tl)
                text[tl++] = ' ';
            memcpy(text + tl, s, (size_t)(e - s));
            tl += (size_t)(e - s);
            if (ne < 4096 && e > s && e[-1] == '.')
                ends[ne++] = tl;
            p = e;
        }
        text[tl] = '\0';
        /* one paragraph, built by hand (independent of ingest) */
        story_article *a = calloc(1, sizeof *a);
        assert_non_null(a);
        a->source = strdup("wmt22");
        a->text = text;
        a->text_len = tl;
        story_error err;
        assert_int_equal(story_segment(ctx, a, "de", &err), 0);
        {
            for (size_t k = 0; k < ne; k++) {
                if (ends[k] == tl)
                    continue;
                bounds++;
                for (size_t q = 0; q < a->n_sentences; q++)
                    if (a->sentences[q].end == ends[k]) {
                        found++;
                        break;
                    }
            }
        }
        story_article_free(a); /* frees text */
        side = end;
    }
    print_message("de boundaries: %ld/%ld\n", found, bounds);
    assert_true(bounds > 300);
    assert_true((double)found >= 0.99 * (double)bounds);
    free(x);
    free(path);
    story_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wmt24_langid),
        cmocka_unit_test(test_wmt22_boundaries),
    };
    return cmocka_run_group_tests_name("segment_corpus", tests, NULL, NULL);
}
