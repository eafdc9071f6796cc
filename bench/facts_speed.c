/*
 * bench/run facts-speed: throughput of fact extraction on one core.
 *
 * Data: every $STORYDIFF_CORPUS/articles/wmt24/<story>/<lang>.txt (17
 * stories x en + 9 translations + de-refB), read into memory first.
 * Method: one warm-up pass (language packs, ICU transliterators and
 * break iterators are loaded once per context), then R passes (R = 5, or
 * the first argument) of story_ingest_memory + story_segment (language
 * given) + story_facts_extract over all texts, timed with the process CPU
 * clock (single thread).
 * Figures:
 *   facts_pipeline_sentences_per_s  ingest + segment + facts
 *   facts_only_sentences_per_s      story_facts_extract alone
 *   facts_per_sentence_ratio        facts per sentence
 *   facts_sentences_count           sentences per pass
 * Anchor: Stanford OpenIE, about 100 sentences/s per core (target: at
 * least 100x).
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "benchsupport.h"
#include "storydiff/storydiff.h"

typedef struct doc {
    char *text;
    size_t len;
    char lang[16];
} doc;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int main(int argc, char **argv)
{
    int reps = argc > 1 ? atoi(argv[1]) : 5;
    if (reps < 1)
        reps = 1;
    story_ctx *ctx = bench_ctx();
    char *dir = bench_corpus_path("articles/wmt24");
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "facts-speed: %s: cannot open\n", dir);
        return 2;
    }
    char *stories[64];
    size_t ns = 0;
    struct dirent *de;
    while ((de = readdir(d)) && ns < 64)
        if (de->d_name[0] != '.')
            stories[ns++] = strdup(de->d_name);
    closedir(d);
    qsort(stories, ns, sizeof *stories, cmp_str);
    static const char *const files[] = {"en", "cs", "de", "de-refB", "es",
                                        "hi", "is", "ja", "ru", "uk", "zh"};
    doc docs[64 * 11];
    size_t nd = 0;
    char path[4096];
    for (size_t s = 0; s < ns; s++)
        for (size_t f = 0; f < sizeof files / sizeof files[0]; f++) {
            snprintf(path, sizeof path, "%s/%s/%s.txt", dir, stories[s],
                     files[f]);
            doc *x = &docs[nd];
            x->text = bench_read_file(path, &x->len);
            if (!x->text)
                continue;
            snprintf(x->lang, sizeof x->lang, "%.2s", files[f]);
            nd++;
        }
    double sentences = 0, facts = 0, t_all = 0, t_facts = 0;
    for (int r = -1; r < reps; r++) {
        double s_pass = 0, f_pass = 0, ta = 0, tf = 0;
        for (size_t i = 0; i < nd; i++) {
            story_error err;
            story_article *a = NULL;
            story_factset *fs = NULL;
            story_ingest_options io = STORY_INGEST_OPTIONS_INIT;
            io.format = "text";
            double t0 = bench_now(1);
            if (story_ingest_memory(&a, ctx, "bench", docs[i].text,
                                    docs[i].len, NULL, &io, &err) ||
                story_segment(ctx, a, docs[i].lang, &err)) {
                story_article_free(a);
                continue;
            }
            double t1 = bench_now(1);
            if (story_facts_extract(&fs, ctx, a, &err)) {
                fprintf(stderr, "facts-speed: %s\n", err.message);
                story_article_free(a);
                continue;
            }
            double t2 = bench_now(1);
            ta += t2 - t0;
            tf += t2 - t1;
            s_pass += (double)a->n_sentences;
            f_pass += (double)fs->n_facts;
            story_factset_free(fs);
            story_article_free(a);
        }
        if (r >= 0) {
            sentences += s_pass;
            facts += f_pass;
            t_all += ta;
            t_facts += tf;
        }
    }
    bench_figure("facts_pipeline_sentences_per_s",
                 t_all > 0 ? sentences / t_all : 0);
    bench_figure("facts_only_sentences_per_s",
                 t_facts > 0 ? sentences / t_facts : 0);
    bench_figure("facts_per_sentence_ratio",
                 sentences > 0 ? facts / sentences : 0);
    bench_count("facts_sentences_count", sentences / reps);
    for (size_t i = 0; i < nd; i++)
        free(docs[i].text);
    for (size_t s = 0; s < ns; s++)
        free(stories[s]);
    free(dir);
    story_ctx_free(ctx);
    return 0;
}
