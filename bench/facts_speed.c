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
 *   facts_peak_rss_mb_per_mb_input  memory of one long article: the 17
 *       English texts joined 40 times (about 2 MB) go once through
 *       ingest + segment + facts + story_facts_json (what `storydiff
 *       facts --format=json` does); the process's peak resident set
 *       (getrusage ru_maxrss) minus its resident set before that run
 *       (/proc/self/statm), in MB per MB of input (lower is better)
 *   facts_long_article_growth_ratio  CPU time of that 40-copy article
 *       (ingest + segment + facts + JSON) over 10 times the time of a
 *       4-copy one (about 0.2 MB; the fastest of 3 runs): 1.0 is linear
 *       time in the article's
 *       length, more means some step scans the whole article per
 *       mention (lower is better; session 11 removed three such scans)
 *   facts_long_article_8mb_growth_ratio  the same for 160 copies (about
 *       8 MB) over 8 times 20 copies (about 1 MB; fastest of 3): 1.0 is
 *       linear (session 12 removed two scans of all facts per pronoun and
 *       per quote in facts_speech.c)
 *   facts_repeated_names_growth_ratio  CPU time of one paragraph that
 *       repeats a sentence of three personal names and a place 16,000
 *       times (about 1 MB; the sentence is written for this bench) over 8
 *       times that of 2,000 repeats (fastest of 3): 1.0 is linear
 *       (session 14, fresh-user 14: the test of a capitalised word ending
 *       a name elsewhere scanned every token per candidate, and 1.9 MB of
 *       such text took over 300 s)
 *   facts_initials_run_growth_ratio  CPU time of one paragraph of
 *       160,000 initials "A. " (about 0.5 MB, one sentence) over 8 times
 *       that of 20,000 (fastest of 3): 1.0 is linear (session 20,
 *       fresh-user 20 L8: 0.9 MB of it ran over 17 minutes)
 * Anchor: Stanford OpenIE, about 100 sentences/s per core (target: at
 * least 100x).
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "benchsupport.h"
#include "storydiff/storydiff.h"

typedef struct doc {
    char *text;
    size_t len;
    char lang[16];
} doc;

/* Resident set of this process now, in MB (/proc/self/statm), or -1. */
static double rss_now_mb(void)
{
    FILE *f = fopen("/proc/self/statm", "r");
    long pages = -1, res = -1;
    if (!f)
        return -1;
    if (fscanf(f, "%ld %ld", &pages, &res) != 2)
        res = -1;
    fclose(f);
    return res < 0 ? -1 : (double)res * (double)sysconf(_SC_PAGESIZE) / 1048576.0;
}

/* CPU seconds of ingest + segment + facts of one English paragraph that
 * repeats `sentence` n times, or -1. */
static double repeated_run(story_ctx *ctx, const char *sentence, size_t n)
{
    size_t sl = strlen(sentence), len = sl * n;
    char *t = malloc(len + 1);
    if (!t)
        return -1;
    for (size_t i = 0; i < n; i++)
        memcpy(t + i * sl, sentence, sl);
    t[len] = '\0';
    story_error err;
    story_article *a = NULL;
    story_factset *fs = NULL;
    story_ingest_options io = STORY_INGEST_OPTIONS_INIT;
    io.format = "text";
    double t0 = bench_now(1), dt = -1;
    if (!story_ingest_memory(&a, ctx, "bench", t, len, NULL, &io, &err) &&
        !story_segment(ctx, a, "en", &err) &&
        !story_facts_extract(&fs, ctx, a, &err))
        dt = bench_now(1) - t0;
    story_factset_free(fs);
    story_article_free(a);
    free(t);
    return dt;
}

/* Peak RSS growth (MB per MB of input) of one long English article made of
 * the texts marked `en`, joined `copies` times; -1 when it cannot run.
 * *cpu_s: the CPU seconds of its ingest + segment + facts + JSON. */
static double long_article_rss(story_ctx *ctx, const doc *docs, size_t nd,
                               int copies, double *cpu_s)
{
    size_t len = 0;
    for (size_t i = 0; i < nd; i++)
        if (strcmp(docs[i].lang, "en") == 0)
            len += docs[i].len + 2;
    char *big = malloc(len * (size_t)copies + 1);
    if (!big || !len) {
        free(big);
        return -1;
    }
    size_t n = 0;
    for (int c = 0; c < copies; c++)
        for (size_t i = 0; i < nd; i++)
            if (strcmp(docs[i].lang, "en") == 0) {
                memcpy(big + n, docs[i].text, docs[i].len);
                n += docs[i].len;
                big[n++] = '\n';
                big[n++] = '\n';
            }
    big[n] = '\0';
    double before = rss_now_mb(), mb = (double)n / 1048576.0, r = -1;
    story_error err;
    story_article *a = NULL;
    story_factset *fs = NULL;
    char *json = NULL;
    story_ingest_options io = STORY_INGEST_OPTIONS_INIT;
    io.format = "text";
    struct rusage ru;
    double t0 = bench_now(1);
    *cpu_s = -1;
    if (before >= 0 &&
        !story_ingest_memory(&a, ctx, "bench", big, n, NULL, &io, &err) &&
        !story_segment(ctx, a, "en", &err) &&
        !story_facts_extract(&fs, ctx, a, &err) &&
        !story_facts_json(&json, a, fs, NULL, 0, &err) &&
        getrusage(RUSAGE_SELF, &ru) == 0) {
        *cpu_s = bench_now(1) - t0;
        r = ((double)ru.ru_maxrss / 1024.0 - before) / mb;
    }
    story_free(json);
    story_factset_free(fs);
    story_article_free(a);
    free(big);
    return r;
}

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
    /* the long article first: its peak is the process's peak */
    double t_long = -1, t_short = -1;
    bench_figure("facts_peak_rss_mb_per_mb_input",
                 long_article_rss(ctx, docs, nd, 40, &t_long));
    for (int k = 0; k < 3; k++) { /* the short run is short: its fastest */
        double t = -1;
        (void)long_article_rss(ctx, docs, nd, 4, &t);
        if (t > 0 && (t_short < 0 || t < t_short))
            t_short = t;
    }
    bench_figure("facts_long_article_growth_ratio",
                 t_long > 0 && t_short > 0 ? t_long / (10.0 * t_short)
                                           : -1);
    /* a longer article, after the memory figure (its peak is larger) */
    double t_8mb = -1, t_1mb = -1;
    (void)long_article_rss(ctx, docs, nd, 160, &t_8mb);
    for (int k = 0; k < 3; k++) {
        double t = -1;
        (void)long_article_rss(ctx, docs, nd, 20, &t);
        if (t > 0 && (t_1mb < 0 || t < t_1mb))
            t_1mb = t;
    }
    bench_figure("facts_long_article_8mb_growth_ratio",
                 t_8mb > 0 && t_1mb > 0 ? t_8mb / (8.0 * t_1mb) : -1);
    {
        static const char names[] = "Anna Keller met Jonas Weber and Marta "
                                    "Olsen in Lindau on Monday. ";
        double t_big = repeated_run(ctx, names, 16000), t_small = -1;
        for (int k = 0; k < 3; k++) {
            double t = repeated_run(ctx, names, 2000);
            if (t > 0 && (t_small < 0 || t < t_small))
                t_small = t;
        }
        bench_figure("facts_repeated_names_growth_ratio",
                     t_big > 0 && t_small > 0 ? t_big / (8.0 * t_small)
                                              : -1);
    }
    {
        /* one "sentence" of initials: no piece ends it, so the segmenter
         * merges 160,000 pieces into one (session 20, fresh-user 20 L8:
         * each merge rescanned the whole sentence for open brackets) */
        double t_big = repeated_run(ctx, "A. ", 160000), t_small = -1;
        for (int k = 0; k < 3; k++) {
            double t = repeated_run(ctx, "A. ", 20000);
            if (t > 0 && (t_small < 0 || t < t_small))
                t_small = t;
        }
        bench_figure("facts_initials_run_growth_ratio",
                     t_big > 0 && t_small > 0 ? t_big / (8.0 * t_small)
                                              : -1);
    }
    for (size_t i = 0; i < nd; i++)
        free(docs[i].text);
    for (size_t s = 0; s < ns; s++)
        free(stories[s]);
    free(dir);
    story_ctx_free(ctx);
    return 0;
}
