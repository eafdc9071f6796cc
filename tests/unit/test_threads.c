/*
 * Contexts in several threads at once (include/storydiff/context.h: "use
 * one per thread"): four threads, each with its own context, compare the
 * same en/de and en/en pairs (texts written here) several times; every
 * JSON report must equal the one made first in the main thread. Fresh-user
 * H0 of session 10: two qsort comparators read a process-wide variable
 * (lexicon headwords, diff fact keys), so threads loading lexicons at once
 * crashed or sorted with another thread's data. ThreadSanitizer finds such
 * races (not in CI); this test finds their effects under any build.
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
#include <threads.h>

#include "storydiff/storydiff.h"
#include "support.h"

#define N_THREADS 4
#define N_ROUNDS 3

static const char *EN =
    "Ferry strike halts island crossings\n\n"
    "About 400 ferry workers walked out in Port Lannow on Friday, halting "
    "all crossings to the islands, the union said.\n\n"
    "The workers ask for a raise of 9 percent. The operator has offered 3 "
    "percent and called the strike unlawful.\n\n"
    "Mayor Clara Voss said the town would lose 2 million euros a week.\n";
static const char *DE =
    "Fährstreik stoppt Überfahrten zu den Inseln\n\n"
    "Rund 400 Fährarbeiter haben am Freitag in Port Lannow die Arbeit "
    "niedergelegt und alle Überfahrten zu den Inseln gestoppt, sagte die "
    "Gewerkschaft.\n\n"
    "Die Arbeiter fordern 9 Prozent mehr Lohn. Der Betreiber hat 3 Prozent "
    "angeboten und den Streik rechtswidrig genannt.\n\n"
    "Bürgermeisterin Clara Voss sagte, die Stadt verliere 2 Millionen Euro "
    "pro Woche.\n";
static const char *EN2 =
    "Ferry strike halts island crossings\n\n"
    "About 450 ferry workers walked out in Port Lannow on Friday, halting "
    "all crossings to the islands, the union said.\n\n"
    "Mayor Clara Voss said the town would lose 2 million euros a week.\n";

typedef struct job {
    const char *locales;
    const char *a, *b, *lang_a, *lang_b;
    char *json[N_ROUNDS]; /* each round's report, or NULL on error */
    char err[600];
} job;

/* One report for (a, b) in ctx; NULL and why in `why` on error. */
static char *report(story_ctx *ctx, const job *j, char *why, size_t n)
{
    story_article *a = NULL, *b = NULL;
    story_comparison *c = NULL;
    story_error e;
    char *out = NULL;
    story_ingest_options io = STORY_INGEST_OPTIONS_INIT;
    io.format = "text";
    story_compare_options co = STORY_COMPARE_OPTIONS_INIT;
    co.lang_a = j->lang_a;
    co.lang_b = j->lang_b;
    if (story_ingest_memory(&a, ctx, "a", j->a, strlen(j->a), NULL, &io,
                            &e) != 0 ||
        story_ingest_memory(&b, ctx, "b", j->b, strlen(j->b), NULL, &io,
                            &e) != 0) {
        story_article_free(a);
        snprintf(why, n, "ingest: %s", e.message);
        return NULL;
    }
    if (story_compare_articles_take(&c, ctx, a, b, &co, &e) != 0) {
        snprintf(why, n, "compare: %s", e.message);
        return NULL;
    }
    if (story_report_json(&out, c, &e) != 0) {
        snprintf(why, n, "report: %s", e.message);
        out = NULL;
    }
    story_comparison_free(c);
    return out;
}

/* A thread: its own context (created here, so that every language pack,
 * lexicon and transliterator is loaded in this thread), N_ROUNDS reports. */
static int worker(void *p)
{
    job *j = p;
    story_ctx *ctx = NULL;
    story_error e;
    story_ctx_options o = STORY_CTX_OPTIONS_INIT;
    o.locales_dir = j->locales;
    if (story_ctx_new(&ctx, &o, &e) != 0) {
        snprintf(j->err, sizeof j->err, "ctx: %s", e.message);
        return 1;
    }
    for (int r = 0; r < N_ROUNDS; r++)
        j->json[r] = report(ctx, j, j->err, sizeof j->err);
    story_ctx_free(ctx);
    return 0;
}

static void test_contexts_in_threads(void **state)
{
    (void)state;
    const char *loc = getenv("STORYDIFF_LOCALES");
    if (!loc)
        loc = "locales";
    const char *pairs[2][4] = {{EN, DE, "en", "de"}, {EN, EN2, "en", "en"}};
    char *ref[2];
    story_ctx *ctx = story_test_ctx();
    for (int p = 0; p < 2; p++) {
        job j = {loc, pairs[p][0], pairs[p][1], pairs[p][2], pairs[p][3],
                 {NULL}, ""};
        ref[p] = report(ctx, &j, j.err, sizeof j.err);
        if (!ref[p])
            print_error("%s\n", j.err);
        assert_non_null(ref[p]);
    }
    story_ctx_free(ctx);

    job jobs[N_THREADS];
    thrd_t t[N_THREADS];
    memset(jobs, 0, sizeof jobs);
    for (int i = 0; i < N_THREADS; i++) {
        int p = i % 2;
        jobs[i].locales = loc;
        jobs[i].a = pairs[p][0];
        jobs[i].b = pairs[p][1];
        jobs[i].lang_a = pairs[p][2];
        jobs[i].lang_b = pairs[p][3];
        assert_int_equal(thrd_create(&t[i], worker, &jobs[i]), thrd_success);
    }
    for (int i = 0; i < N_THREADS; i++)
        assert_int_equal(thrd_join(t[i], NULL), thrd_success);
    for (int i = 0; i < N_THREADS; i++) {
        for (int r = 0; r < N_ROUNDS; r++) {
            if (!jobs[i].json[r])
                print_error("thread %d round %d: %s\n", i, r, jobs[i].err);
            assert_non_null(jobs[i].json[r]);
            assert_string_equal(jobs[i].json[r], ref[i % 2]);
            story_free(jobs[i].json[r]);
        }
    }
    /* the en/de pair is a translation with facts on both sides */
    assert_non_null(strstr(ref[0], "\"translation\""));
    assert_non_null(strstr(ref[1], "450"));
    story_free(ref[0]);
    story_free(ref[1]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_contexts_in_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
