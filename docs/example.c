/*
 * storydiff as a library: the facts of one article, then a comparison of
 * two versions, through the public API only (include/storydiff/).
 *
 *   cc -std=c11 example.c $(pkg-config --cflags --libs storydiff) -o example
 *   ./example "$(pkg-config --variable=localesdir storydiff)" a.txt b.txt
 *
 * Built and run by the test suite (target story_example, tests/cli/
 * example.sh), so it stays true to the headers. Exit status like the tool:
 * 0 no fact differs, 1 some do, 2 error.
 */
#include <stdio.h>
#include <string.h>

#include "storydiff/storydiff.h"

/* Print one error (every failing call fills a story_error) and return 2. */
static int fail(const char *what, const story_error *e)
{
    fprintf(stderr, "example: %s: %s: %s", what, e->source, e->message);
    if (e->offset >= 0)
        fprintf(stderr, " (byte %lld)", e->offset);
    fputc('\n', stderr);
    return 2;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: example LOCALES_DIR A B\n");
        return 2;
    }
    story_error err;
    story_ctx_options co = STORY_CTX_OPTIONS_INIT;
    co.locales_dir = argv[1]; /* the library never reads the environment */
    story_ctx *ctx = NULL;    /* one per thread; resources load lazily */
    if (story_ctx_new(&ctx, &co, &err) != 0)
        return fail("context", &err);

    /* 1. one article: ingest (file, "-", URL), segment, extract facts */
    story_article *a = NULL;
    story_factset *fs = NULL;
    int status = 0;
    if (story_ingest(&a, ctx, argv[2], NULL, &err) != 0 ||
        story_segment(ctx, a, NULL, &err) != 0 ||
        story_facts_extract(&fs, ctx, a, &err) != 0) {
        status = fail("facts", &err);
        goto out;
    }
    printf("%s (%s): %zu sentences, %zu facts\n", argv[2], a->lang,
           a->n_sentences, fs->n_facts);
    for (size_t i = 0; i < fs->n_facts && i < 5; i++) {
        const story_fact *f = &fs->facts[i];
        /* spans are byte offsets into a->text */
        printf("  %-8s %s \"%.*s\"\n", story_fact_type_name(f->type), f->key,
               (int)(f->end - f->start), a->text + f->start);
    }

    /* 2. two versions: the whole pipeline, then the JSON report */
    story_compare_options opts = STORY_COMPARE_OPTIONS_INIT;
    story_comparison *c = NULL;
    char *json = NULL;
    if (story_compare(&c, ctx, argv[2], argv[3], &opts, &err) != 0) {
        status = fail("compare", &err);
        goto out;
    }
    const story_diff_summary *s = &c->diff->summary;
    printf("%s vs %s: %zu same, %zu changed, %zu contradicted, %zu added, "
           "%zu omitted\n",
           argv[2], argv[3], s->same, s->changed, s->contradicted, s->added,
           s->omitted);
    if (story_report_json(&json, c, &err) != 0)
        status = fail("report", &err);
    else
        printf("JSON report: %zu bytes\n", strlen(json));
    if (status == 0)
        status = story_diff_has_differences(c->diff) ? 1 : 0;
    story_free(json);
    story_comparison_free(c);
out:
    story_factset_free(fs);
    story_article_free(a);
    story_ctx_free(ctx);
    return status;
}
