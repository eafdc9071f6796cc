/*
 * bench/run align-speed: alignment speed on one core.
 *
 * Data: the 17 WMT24 stories (articles/wmt24/<doc>/{en,de}.txt), the
 * English ones concatenated into document A and their German translations
 * into B, repeated until each side has the wanted number of sentences
 * (repetition keeps the pair a real translation; the band then follows the
 * diagonal). Sizes 625, 1250, 2500, 5000 sentences per side. Ingest and
 * segmentation are not timed; facts are not used (token anchors).
 *
 * Figures: align_speed_<n>_seconds (CPU time of story_align),
 * align_speed_sentence_pairs_per_s (sentence links per second at 5000),
 * align_speed_ratio_5000_2500 and align_speed_ratio_2500_1250 (2.0 = linear),
 * align_speed_wmt24_pairs_per_s (sentence links per second over the 153
 * single WMT24 story pairs).
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "benchsupport.h"
#include "storydiff/storydiff.h"

static story_article *article(story_ctx *ctx, const char *text, size_t len,
                              const char *lang)
{
    story_ingest_options io = STORY_INGEST_OPTIONS_INIT;
    io.format = "text";
    story_article *a = NULL;
    story_error e;
    if (story_ingest_memory(&a, ctx, lang, text, len, NULL, &io, &e) != 0 ||
        story_segment(ctx, a, lang, &e) != 0) {
        fprintf(stderr, "align_speed: %s\n", e.message);
        exit(2);
    }
    return a;
}

static const char *DOCS[] = {
    "beverly_press.3585", "brisbanetimes.com.au.228963", "csmonitor.com.7750",
    "economist.14223", "euronews-en.43091", "newsrepublic.com.6817",
    "newsweek.63908", "pa.52742", "rt.com.54499", "scotsman.87445",
    "scotsman.87448", "scotsman.87458", "scotsman.87462", "scotsman.87519",
    "seattle_times.799809", "seattle_times.800119",
    "ventures_africa-ar.1773"};
#define NDOCS (sizeof DOCS / sizeof DOCS[0])

int main(void)
{
    story_ctx *ctx = bench_ctx();
    char *en[NDOCS], *de[NDOCS];
    size_t len_en[NDOCS], len_de[NDOCS];
    for (size_t i = 0; i < NDOCS; i++) {
        char rel[256];
        snprintf(rel, sizeof rel, "articles/wmt24/%s/en.txt", DOCS[i]);
        char *p = bench_corpus_path(rel);
        en[i] = bench_read_file(p, &len_en[i]);
        free(p);
        snprintf(rel, sizeof rel, "articles/wmt24/%s/de.txt", DOCS[i]);
        p = bench_corpus_path(rel);
        de[i] = bench_read_file(p, &len_de[i]);
        free(p);
        if (!en[i] || !de[i]) {
            fprintf(stderr, "align_speed: missing %s\n", DOCS[i]);
            return 2;
        }
    }
    /* per-story pairs: sentence links per second */
    double t_pairs = 0, links = 0;
    size_t sents_en[NDOCS], sents_de[NDOCS];
    for (size_t i = 0; i < NDOCS; i++) {
        story_article *A = article(ctx, en[i], len_en[i], "en");
        story_article *B = article(ctx, de[i], len_de[i], "de");
        story_alignment *al = NULL;
        story_error e;
        double t0 = bench_now(1);
        if (story_align(&al, ctx, A, NULL, B, NULL, NULL, &e) != 0) {
            fprintf(stderr, "align_speed: %s\n", e.message);
            return 2;
        }
        t_pairs += bench_now(1) - t0;
        links += (double)al->n_links;
        sents_en[i] = A->n_sentences;
        sents_de[i] = B->n_sentences;
        story_alignment_free(al);
        story_article_free(A);
        story_article_free(B);
    }
    bench_figure("align_speed_wmt24_pairs_per_s",
                 t_pairs > 0 ? links / t_pairs : 0);
    static const size_t sizes[] = {625, 1250, 2500, 5000};
    double secs[4] = {0};
    for (int s = 0; s < 4; s++) {
        /* build A and B with >= sizes[s] sentences: whole stories */
        size_t target = sizes[s];
        size_t cap_a = 1 << 16, cap_b = 1 << 16, la = 0, lb = 0;
        char *ta = malloc(cap_a), *tb = malloc(cap_b);
        story_article *A = NULL, *B = NULL;
        size_t have_a = 0, have_b = 0;
        for (size_t round = 0;; round++) {
            size_t i = round % NDOCS;
            have_a += sents_en[i];
            have_b += sents_de[i];
            while (la + len_en[i] + 3 > cap_a)
                ta = realloc(ta, cap_a *= 2);
            while (lb + len_de[i] + 3 > cap_b)
                tb = realloc(tb, cap_b *= 2);
            memcpy(ta + la, en[i], len_en[i]);
            la += len_en[i];
            memcpy(ta + la, "\n\n", 2);
            la += 2;
            memcpy(tb + lb, de[i], len_de[i]);
            lb += len_de[i];
            memcpy(tb + lb, "\n\n", 2);
            lb += 2;
            if ((have_a >= target && have_b >= target) || round > 4000) {
                A = article(ctx, ta, la, "en");
                B = article(ctx, tb, lb, "de");
                break;
            }
        }
        story_alignment *al = NULL;
        story_error e;
        double t0 = bench_now(1);
        if (story_align(&al, ctx, A, NULL, B, NULL, NULL, &e) != 0) {
            fprintf(stderr, "align_speed: %s\n", e.message);
            return 2;
        }
        secs[s] = bench_now(1) - t0;
        char n[96];
        snprintf(n, sizeof n, "align_speed_%zu_seconds", target);
        bench_figure(n, secs[s]);
        snprintf(n, sizeof n, "align_speed_%zu_sentences_a_count", target);
        bench_count(n, (double)A->n_sentences);
        if (s == 3)
            bench_figure("align_speed_sentence_pairs_per_s",
                         secs[s] > 0 ? (double)al->n_links / secs[s] : 0);
        story_alignment_free(al);
        story_article_free(A);
        story_article_free(B);
        free(ta);
        free(tb);
    }
    bench_figure("align_speed_ratio_2500_1250",
                 secs[1] > 0 ? secs[2] / secs[1] : 0);
    bench_figure("align_speed_ratio_5000_2500",
                 secs[2] > 0 ? secs[3] / secs[2] : 0);
    for (size_t i = 0; i < NDOCS; i++) {
        free(en[i]);
        free(de[i]);
    }
    story_ctx_free(ctx);
    return 0;
}
