/*
 * bench langid: language-identification accuracy (story_langid) on the
 * WMT24 news paragraphs, ../shared/corpus/wmt/wmt24_news/en-XX.news.jsonl
 * (src = en, refA = XX, refB = de second reference).
 *
 * Figures, per language L (en counted once per distinct paragraph):
 *   langid_paragraph_accuracy_<L>_ratio  paragraphs identified as L
 *   langid_paragraph_count_<L>           paragraphs evaluated
 *   langid_sentence_accuracy_<L>_ratio   single sentences (split with
 *                                        story_segment, lang hint L;
 *                                        sentences with >= 1 letter)
 *   langid_sentence_count_<L>
 *   langid_paragraph_accuracy_min_ratio  the lowest paragraph accuracy
 *   langid_segment_paragraph_accuracy_<L>_ratio  paragraph languages set
 *                                        by story_segment (no hint) on
 *                                        the WMT24 stories
 *                                        (multiparallel_docs.json), the
 *                                        path the pipeline uses
 * Held-out check (langid was tuned on WMT24): the WMT21/WMT22 news test
 * sets (../shared/corpus/wmt/wmt2{1,2}_news/ XML), every side of every
 * document, for the languages with a pack:
 *   langid_heldout_segment_accuracy_<L>_ratio   single <seg>s (mostly
 *                                               sentences, some headlines)
 *   langid_heldout_document_accuracy_<L>_ratio  whole documents (segs
 *                                               joined)
 *   langid_heldout_segment_count_<L>, langid_heldout_document_count_<L>
 * Misidentified paragraphs are listed on stderr with BENCH_VERBOSE=1.
 */
#define _POSIX_C_SOURCE 200809L
#include "benchsupport.h"

#include <dirent.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sentences_wmtxml.h"

static const char *const pairs[] = {"cs", "de", "es", "hi", "is", "ja",
                                    "ru", "uk", "zh", NULL};

#define NL 16
typedef struct acc {
    char lang[8];
    long para_ok, para_n, sent_ok, sent_n;
} acc;
static acc accs[NL];
static int n_accs;

static acc *get_acc(const char *l)
{
    for (int i = 0; i < n_accs; i++)
        if (strcmp(accs[i].lang, l) == 0)
            return &accs[i];
    acc *a = &accs[n_accs++];
    memset(a, 0, sizeof *a);
    snprintf(a->lang, sizeof a->lang, "%s", l);
    return a;
}

static int verbose;

static void eval(story_ctx *ctx, const char *text, const char *lang)
{
    acc *a = get_acc(lang);
    char out[16];
    story_error err;
    size_t len = strlen(text);
    if (story_langid(ctx, text, len, out, sizeof out, &err) != 0) {
        fprintf(stderr, "langid: %s\n", err.message);
        exit(1);
    }
    a->para_n++;
    if (strcmp(out, lang) == 0)
        a->para_ok++;
    else if (verbose)
        fprintf(stderr, "PARA %s->%s: %.120s\n", lang, out, text);

    /* single sentences */
    story_article art;
    memset(&art, 0, sizeof art);
    art.source = "wmt24";
    art.text = (char *)text;
    art.text_len = len;
    story_paragraph p;
    memset(&p, 0, sizeof p);
    p.end = len;
    art.paragraphs = &p;
    art.n_paragraphs = 1;
    if (story_segment(ctx, &art, lang, &err) != 0) {
        fprintf(stderr, "segment: %s\n", err.message);
        exit(1);
    }
    for (size_t i = 0; i < art.n_sentences; i++) {
        story_sentence *s = &art.sentences[i];
        int letters = 0;
        for (size_t t = 0; t < art.n_tokens; t++)
            if (art.tokens[t].sentence == i &&
                (art.tokens[t].flags & STORY_TOKEN_LETTER))
                letters = 1;
        if (!letters)
            continue;
        if (story_langid(ctx, text + s->start, s->end - s->start, out,
                         sizeof out, &err) != 0)
            exit(1);
        a->sent_n++;
        if (strcmp(out, lang) == 0)
            a->sent_ok++;
        else if (verbose)
            fprintf(stderr, "SENT %s->%s: %.*s\n", lang, out,
                    (int)(s->end - s->start), text + s->start);
    }
    free(art.sentences);
    for (size_t t = 0; t < art.n_tokens; t++)
        free(art.tokens[t].key);
    free(art.tokens);
    free(art.lang);
}

typedef struct held {
    char lang[16];
    long seg_ok, seg_n, doc_ok, doc_n;
} held;
static held helds[NL];
static int n_helds;

static int cmp_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void heldout(story_ctx *ctx)
{
    const char *supported = " en de fr es it pl cs uk ru ar zh ja hi is hr tr ";
    const char *dirs[] = {"wmt/wmt21_news", "wmt/wmt22_news"};
    for (int d = 0; d < 2; d++) {
        char *dir = bench_corpus_path(dirs[d]);
        DIR *dp = opendir(dir);
        if (!dp) {
            fprintf(stderr, "cannot open %s\n", dir);
            exit(2);
        }
        char *names[64];
        int nn = 0;
        struct dirent *e;
        while ((e = readdir(dp)) && nn < 64) {
            size_t l = strlen(e->d_name);
            if (l > 4 && strcmp(e->d_name + l - 4, ".xml") == 0)
                names[nn++] = strdup(e->d_name);
        }
        closedir(dp);
        qsort(names, (size_t)nn, sizeof names[0], cmp_name);
        for (int i = 0; i < nn; i++) {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", dir, names[i]);
            size_t len;
            char *x = bench_read_file(path, &len);
            size_t ns;
            wmt_side *sides = x ? wmt_parse(x, &ns) : NULL;
            for (size_t k = 0; sides && k < ns; k++) {
                wmt_side *sd = &sides[k];
                char pat[24];
                snprintf(pat, sizeof pat, " %s ", sd->lang);
                if (!strstr(supported, pat) || sd->n_segs == 0)
                    continue; /* unsupported language, empty document */
                held *h = NULL;
                for (int q = 0; q < n_helds; q++)
                    if (strcmp(helds[q].lang, sd->lang) == 0)
                        h = &helds[q];
                if (!h) {
                    h = &helds[n_helds++];
                    memset(h, 0, sizeof *h);
                    snprintf(h->lang, sizeof h->lang, "%s", sd->lang);
                }
                size_t total = 1;
                for (size_t g = 0; g < sd->n_segs; g++)
                    total += strlen(sd->segs[g]) + 1;
                char *doc = malloc(total), out[16];
                size_t dl = 0;
                story_error err;
                for (size_t g = 0; g < sd->n_segs; g++) {
                    const char *sg = sd->segs[g];
                    if (story_langid(ctx, sg, strlen(sg), out, sizeof out,
                                     &err))
                        exit(1);
                    h->seg_n++;
                    h->seg_ok += strcmp(out, sd->lang) == 0;
                    if (verbose && strcmp(out, sd->lang) != 0)
                        fprintf(stderr, "HELD %s->%s: %.100s\n", sd->lang,
                                out, sg);
                    memcpy(doc + dl, sg, strlen(sg));
                    dl += strlen(sg);
                    doc[dl++] = ' ';
                }
                if (story_langid(ctx, doc, dl, out, sizeof out, &err))
                    exit(1);
                h->doc_n++;
                h->doc_ok += strcmp(out, sd->lang) == 0;
                if (verbose && strcmp(out, sd->lang) != 0)
                    fprintf(stderr, "HELDDOC %s->%s %s: %.200s\n", sd->lang,
                            out, sd->doc_id, doc);
                free(doc);
            }
            if (sides)
                wmt_free(sides, ns);
            free(x);
            free(names[i]);
        }
        free(dir);
    }
    for (int q = 0; q < n_helds; q++) {
        char name[128];
        held *h = &helds[q];
        snprintf(name, sizeof name,
                 "langid_heldout_segment_accuracy_%.15s_ratio", h->lang);
        bench_figure(name, h->seg_n ? (double)h->seg_ok / (double)h->seg_n
                                    : 0);
        snprintf(name, sizeof name, "langid_heldout_segment_count_%.15s",
                 h->lang);
        bench_count(name, (double)h->seg_n);
        snprintf(name, sizeof name,
                 "langid_heldout_document_accuracy_%.15s_ratio", h->lang);
        bench_figure(name, h->doc_n ? (double)h->doc_ok / (double)h->doc_n
                                    : 0);
        snprintf(name, sizeof name, "langid_heldout_document_count_%.15s",
                 h->lang);
        bench_count(name, (double)h->doc_n);
    }
}

static void segment_paths(story_ctx *ctx)
{
    char *path = bench_corpus_path("wmt/wmt24_news/multiparallel_docs.json");
    json_t *j = json_load_file(path, 0, NULL);
    if (!j) {
        fprintf(stderr, "cannot read %s\n", path);
        exit(2);
    }
    size_t i;
    json_t *d;
    char langs[16][8];
    long ok[16] = {0}, n[16] = {0};
    int nl = 0;
    json_array_foreach(j, i, d) {
        const char *lang;
        json_t *paras;
        json_object_foreach(json_object_get(d, "text"), lang, paras) {
            int li = -1;
            for (int q = 0; q < nl; q++)
                if (strcmp(langs[q], lang) == 0)
                    li = q;
            if (li < 0 && nl < 16) {
                li = nl++;
                snprintf(langs[li], sizeof langs[li], "%s", lang);
            }
            size_t np = json_array_size(paras), len = 0;
            for (size_t k = 0; k < np; k++)
                len += strlen(json_string_value(json_array_get(paras, k))) + 2;
            char *text = malloc(len + 1);
            story_paragraph *pp = calloc(np + 1, sizeof *pp);
            len = 0;
            for (size_t k = 0; k < np; k++) {
                const char *p = json_string_value(json_array_get(paras, k));
                if (k) {
                    memcpy(text + len, "\n\n", 2);
                    len += 2;
                }
                pp[k].start = len;
                memcpy(text + len, p, strlen(p));
                len += strlen(p);
                pp[k].end = len;
            }
            text[len] = '\0';
            story_article a;
            memset(&a, 0, sizeof a);
            a.source = "wmt24";
            a.text = text;
            a.text_len = len;
            a.paragraphs = pp;
            a.n_paragraphs = np;
            story_error err;
            if (story_segment(ctx, &a, "", &err)) {
                fprintf(stderr, "segment: %s\n", err.message);
                exit(1);
            }
            for (size_t k = 0; k < np; k++) {
                n[li]++;
                ok[li] += strcmp(pp[k].lang, lang) == 0;
                if (verbose && strcmp(pp[k].lang, lang) != 0)
                    fprintf(stderr, "SEGPARA %s->%s: %.100s\n", lang,
                            pp[k].lang, text + pp[k].start);
            }
            free(a.sentences);
            for (size_t t = 0; t < a.n_tokens; t++)
                free(a.tokens[t].key);
            free(a.tokens);
            free(a.lang);
            free(pp);
            free(text);
        }
    }
    for (int q = 0; q < nl; q++) {
        char name[128];
        snprintf(name, sizeof name,
                 "langid_segment_paragraph_accuracy_%.7s_ratio", langs[q]);
        bench_figure(name, n[q] ? (double)ok[q] / (double)n[q] : 0);
    }
    json_decref(j);
    free(path);
}

int main(void)
{
    story_ctx *ctx = bench_ctx();
    verbose = getenv("BENCH_VERBOSE") != NULL;
    json_t *seen_en = json_object();
    for (int i = 0; pairs[i]; i++) {
        char rel[128];
        snprintf(rel, sizeof rel, "wmt/wmt24_news/en-%s.news.jsonl",
                 pairs[i]);
        char *path = bench_corpus_path(rel);
        size_t len;
        char *data = bench_read_file(path, &len);
        if (!data) {
            fprintf(stderr, "cannot read %s\n", path);
            return 2;
        }
        for (char *line = strtok(data, "\n"); line;
             line = strtok(NULL, "\n")) {
            json_error_t je;
            json_t *j = json_loads(line, 0, &je);
            if (!j) {
                fprintf(stderr, "%s:%d: %s\n", path, je.line, je.text);
                return 2;
            }
            const char *src = json_string_value(json_object_get(j, "src"));
            const char *tl =
                json_string_value(json_object_get(j, "tgt_lang"));
            if (src && !json_object_get(seen_en, src)) {
                json_object_set_new(seen_en, src, json_true());
                eval(ctx, src, "en");
            }
            const char *refs[] = {"refA", "refB"};
            for (int r = 0; r < 2; r++) {
                const char *t = json_string_value(json_object_get(j, refs[r]));
                if (t && tl)
                    eval(ctx, t, tl);
            }
            json_decref(j);
        }
        free(data);
        free(path);
    }
    double min = 1;
    for (int i = 0; i < n_accs; i++) {
        char name[128];
        acc *a = &accs[i];
        double pa = a->para_n ? (double)a->para_ok / (double)a->para_n : 0;
        double sa = a->sent_n ? (double)a->sent_ok / (double)a->sent_n : 0;
        if (pa < min)
            min = pa;
        snprintf(name, sizeof name, "langid_paragraph_accuracy_%.15s_ratio",
                 a->lang);
        bench_figure(name, pa);
        snprintf(name, sizeof name, "langid_paragraph_count_%.15s", a->lang);
        bench_count(name, (double)a->para_n);
        snprintf(name, sizeof name, "langid_sentence_accuracy_%.15s_ratio",
                 a->lang);
        bench_figure(name, sa);
        snprintf(name, sizeof name, "langid_sentence_count_%.15s", a->lang);
        bench_count(name, (double)a->sent_n);
    }
    bench_figure("langid_paragraph_accuracy_min_ratio", min);
    segment_paths(ctx);
    heldout(ctx);
    json_decref(seen_en);
    story_ctx_free(ctx);
    return 0;
}
