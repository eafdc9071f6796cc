/*
 * bench textlayer: speed of the text layer on one core over the WMT24
 * news stories in all 10 languages
 * (../shared/corpus/wmt/wmt24_news/multiparallel_docs.json; each story's
 * paragraphs joined with blank lines into one article per language).
 * CPU time of this process; each measurement repeats the whole set until
 * at least 1.5 s have passed, after one warm-up pass (lazy loading of
 * ICU data, language packs, exttextcat, stemmers and dictionaries is
 * reported separately as textlayer_init_ms).
 *
 * Figures (MB = 10^6 bytes of UTF-8 article text):
 *   textlayer_init_ms                         first pass minus a later one
 *   langid_throughput_mb_per_s                story_langid per paragraph
 *   segment_throughput_mb_per_s               story_segment, language given
 *   segment_langid_throughput_mb_per_s        story_segment identifying
 *                                             each paragraph's language
 *   textlayer_stem_throughput_mb_per_s        segment + langid + stem and
 *                                             stop-word test of every token
 *   textlayer_articles, textlayer_bytes       the data set
 */
#define _POSIX_C_SOURCE 200809L
#include "benchsupport.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "stem.h"

typedef struct doc {
    char lang[16];
    char *text;
    size_t len;
    story_paragraph *paras;
    size_t n_paras;
} doc;

static doc *docs;
static size_t n_docs, total_bytes;

static void load(void)
{
    char *path = bench_corpus_path("wmt/wmt24_news/multiparallel_docs.json");
    json_error_t je;
    json_t *j = json_load_file(path, 0, &je);
    if (!j) {
        fprintf(stderr, "%s: %s\n", path, je.text);
        exit(2);
    }
    size_t i;
    json_t *d;
    docs = calloc(json_array_size(j) * 16, sizeof *docs);
    json_array_foreach(j, i, d) {
        const char *lang;
        json_t *paras;
        json_object_foreach(json_object_get(d, "text"), lang, paras) {
            doc *o = &docs[n_docs++];
            snprintf(o->lang, sizeof o->lang, "%s", lang);
            size_t n = json_array_size(paras), len = 0;
            for (size_t k = 0; k < n; k++)
                len += strlen(json_string_value(json_array_get(paras, k))) + 2;
            o->text = malloc(len + 1);
            o->paras = calloc(n, sizeof *o->paras);
            len = 0;
            for (size_t k = 0; k < n; k++) {
                const char *p = json_string_value(json_array_get(paras, k));
                if (len) {
                    memcpy(o->text + len, "\n\n", 2);
                    len += 2;
                }
                o->paras[o->n_paras].start = len;
                memcpy(o->text + len, p, strlen(p));
                len += strlen(p);
                o->paras[o->n_paras++].end = len;
            }
            o->text[len] = '\0';
            o->len = len;
            total_bytes += len;
        }
    }
    json_decref(j);
    free(path);
}

enum { M_LANGID, M_SEGMENT, M_SEGMENT_LANGID, M_STEM };

static void pass(story_ctx *ctx, int mode)
{
    story_error err;
    story_buf b = {0};
    for (size_t i = 0; i < n_docs; i++) {
        doc *o = &docs[i];
        if (mode == M_LANGID) {
            char out[16];
            for (size_t k = 0; k < o->n_paras; k++)
                if (story_langid(ctx, o->text + o->paras[k].start,
                                 o->paras[k].end - o->paras[k].start, out,
                                 sizeof out, &err))
                    exit(1);
            continue;
        }
        story_article a;
        memset(&a, 0, sizeof a);
        a.source = o->lang;
        a.text = o->text;
        a.text_len = o->len;
        a.paragraphs = o->paras;
        a.n_paragraphs = o->n_paras;
        if (story_segment(ctx, &a, mode == M_SEGMENT ? o->lang : "", &err)) {
            fprintf(stderr, "segment: %s\n", err.message);
            exit(1);
        }
        if (mode == M_STEM)
            for (size_t t = 0; t < a.n_tokens; t++) {
                story_token *tk = &a.tokens[t];
                if (!(tk->flags & STORY_TOKEN_LETTER))
                    continue;
                const char *l = a.paragraphs[a.sentences[tk->sentence]
                                                 .paragraph].lang;
                if (story__stem(ctx, l, tk->key, strlen(tk->key), &b, &err))
                    exit(1);
                (void)story__is_stopword(ctx, l, tk->key);
            }
        free(a.sentences);
        for (size_t t = 0; t < a.n_tokens; t++)
            free(a.tokens[t].key);
        free(a.tokens);
        free(a.lang);
    }
    story_buf_free(&b);
}

static double measure(story_ctx *ctx, int mode)
{
    double t0 = bench_now(1);
    size_t reps = 0;
    do {
        pass(ctx, mode);
        reps++;
    } while (bench_now(1) - t0 < 1.5);
    double dt = bench_now(1) - t0;
    return (double)total_bytes * (double)reps / dt / 1e6;
}

int main(void)
{
    load();
    story_ctx *ctx = bench_ctx();
    double t0 = bench_now(1);
    pass(ctx, M_STEM);
    double first = bench_now(1) - t0;
    t0 = bench_now(1);
    pass(ctx, M_STEM);
    double second = bench_now(1) - t0;
    bench_figure("textlayer_init_ms", (first - second) * 1000.0);
    bench_figure("langid_throughput_mb_per_s", measure(ctx, M_LANGID));
    bench_figure("segment_throughput_mb_per_s", measure(ctx, M_SEGMENT));
    bench_figure("segment_langid_throughput_mb_per_s",
                 measure(ctx, M_SEGMENT_LANGID));
    bench_figure("textlayer_stem_throughput_mb_per_s", measure(ctx, M_STEM));
    bench_count("textlayer_articles", (double)n_docs);
    bench_count("textlayer_bytes", (double)total_bytes);
    story_ctx_free(ctx);
    return 0;
}
