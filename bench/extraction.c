/*
 * bench/run extraction: article body extraction from HTML (issue 3).
 *
 * Data: $STORYDIFF_CORPUS/article_extraction_benchmark/ (ScrapingHub
 * article-extraction-benchmark: 181 pages html/<id>.html.gz and
 * ground-truth.json {id: {articleBody, url}}), read in place.
 * Metric (f1_ratio …): the benchmark's own, as in its evaluate.py
 * (string_shingle_matching; reproduced here from the upstream code as we
 * remember it — the code itself is not in the corpus snapshot): the text
 * is tokenised with Python's re \w+ (letters, digits, '_'), tokens form
 * 4-token shingles, tp/fp/fn count the multiset of shingles of a page and
 * are normalised by tp+fp+fn so that every page weighs the same; they are
 * summed over pages, then precision = tp/(tp+fp), recall = tp/(tp+fn).
 * Also printed (token_*): the simpler variant the issue describes — tokens
 * split on white space (Python str.split()), multiset of tokens, micro
 * average over all pages.
 * Speed: CPU seconds of story_ingest_memory() only (gunzip excluded) over
 * these 181 pages plus the 180 pages of trafilatura_eval_sample/html, one
 * core.
 *
 * Figures: precision_ratio, recall_ratio, f1_ratio, token_precision_ratio,
 * token_recall_ratio, token_f1_ratio, pages_count,
 * failed_pages_count, throughput_mb_per_s (both sets), html_mb;
 * then '#' lines: the 10 pages with the lowest F1 (id, P, R, F1, url).
 * Usage: bench/run extraction [-v ID]   (-v: print one page's extraction)
 */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "benchsupport.h"
#include "storydiff/storydiff.h"

/* ---- token multiset ------------------------------------------------- */

typedef struct tok {
    const char *s;
    size_t n;
    long count;
} tok;

typedef struct bag {
    tok *t;
    size_t cap, used;
    long total;
} bag;

static uint64_t hash(const char *s, size_t n)
{
    uint64_t h = 1469598103934665603ull;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211ull;
    return h;
}

static void bag_add(bag *b, const char *s, size_t n)
{
    if ((b->used + 1) * 2 > b->cap) {
        size_t nc = b->cap ? b->cap * 2 : 1024;
        tok *nt = calloc(nc, sizeof *nt);
        for (size_t i = 0; i < b->cap; i++)
            if (b->t[i].s) {
                size_t k = hash(b->t[i].s, b->t[i].n) & (nc - 1);
                while (nt[k].s)
                    k = (k + 1) & (nc - 1);
                nt[k] = b->t[i];
            }
        free(b->t);
        b->t = nt;
        b->cap = nc;
    }
    size_t k = hash(s, n) & (b->cap - 1);
    while (b->t[k].s && !(b->t[k].n == n && memcmp(b->t[k].s, s, n) == 0))
        k = (k + 1) & (b->cap - 1);
    if (!b->t[k].s) {
        b->t[k].s = s;
        b->t[k].n = n;
        b->used++;
    }
    b->t[k].count++;
    b->total++;
}

static long bag_get(const bag *b, const char *s, size_t n)
{
    if (!b->cap)
        return 0;
    size_t k = hash(s, n) & (b->cap - 1);
    while (b->t[k].s) {
        if (b->t[k].n == n && memcmp(b->t[k].s, s, n) == 0)
            return b->t[k].count;
        k = (k + 1) & (b->cap - 1);
    }
    return 0;
}

/* Python str.split() white space: ASCII, U+0085, U+00A0, U+1680,
 * U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000, and 0x1C-0x1F. */
static size_t ws_len(const unsigned char *p)
{
    if (*p == ' ' || (*p >= 0x09 && *p <= 0x0D) || (*p >= 0x1C && *p <= 0x1F))
        return 1;
    if (p[0] == 0xC2 && (p[1] == 0x85 || p[1] == 0xA0))
        return 2;
    if (p[0] == 0xE1 && p[1] == 0x9A && p[2] == 0x80)
        return 3;
    if (p[0] == 0xE2 && p[1] == 0x80 &&
        (p[2] <= 0x8A || p[2] == 0xA8 || p[2] == 0xA9 || p[2] == 0xAF))
        return 3;
    if (p[0] == 0xE2 && p[1] == 0x81 && p[2] == 0x9F)
        return 3;
    if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80)
        return 3;
    return 0;
}

static void tokenize(bag *b, const char *s)
{
    const unsigned char *p = (const unsigned char *)s;
    while (*p) {
        size_t w;
        while (*p && (w = ws_len(p)) > 0)
            p += w;
        const unsigned char *a = p;
        while (*p && ws_len(p) == 0)
            p++;
        if (p > a)
            bag_add(b, (const char *)a, (size_t)(p - a));
    }
}

/* Python re \w (str.isalnum() or '_'): letters L*, numbers N*. */
static int is_word_cp(UChar32 c)
{
    if (c == '_')
        return 1;
    int8_t t = u_charType(c);
    return t == U_UPPERCASE_LETTER || t == U_LOWERCASE_LETTER ||
           t == U_TITLECASE_LETTER || t == U_MODIFIER_LETTER ||
           t == U_OTHER_LETTER || t == U_DECIMAL_DIGIT_NUMBER ||
           t == U_LETTER_NUMBER || t == U_OTHER_NUMBER;
}

/* 4-token shingles of s, each "t1\x1ft2\x1ft3\x1ft4", stored in *store
 * (caller frees) and added to b. */
static void shingles(bag *b, const char *s, char **store)
{
    size_t len = strlen(s), ntok = 0, cap = 64;
    size_t *ts = malloc(cap * sizeof *ts), *te = malloc(cap * sizeof *te);
    int32_t i = 0;
    while ((size_t)i < len) {
        UChar32 c;
        int32_t st = i;
        U8_NEXT(s, i, (int32_t)len, c);
        if (c < 0 || !is_word_cp(c))
            continue;
        int32_t en = i;
        while ((size_t)i < len) {
            int32_t j = i;
            U8_NEXT(s, j, (int32_t)len, c);
            if (c < 0 || !is_word_cp(c))
                break;
            i = j;
            en = i;
        }
        if (ntok == cap) {
            cap *= 2;
            ts = realloc(ts, cap * sizeof *ts);
            te = realloc(te, cap * sizeof *te);
        }
        ts[ntok] = (size_t)st;
        te[ntok] = (size_t)en;
        ntok++;
    }
    size_t n = 4, count = ntok >= n ? ntok - n + 1 : (ntok ? 1 : 0);
    size_t total = 0;
    for (size_t k = 0; k < ntok; k++)
        total += te[k] - ts[k] + 1;
    char *buf = malloc(total * n + 1);
    size_t off = 0;
    for (size_t k = 0; k < count; k++) {
        size_t a = off;
        for (size_t m = k; m < k + n && m < ntok; m++) {
            if (m > k)
                buf[off++] = '\x1f';
            memcpy(buf + off, s + ts[m], te[m] - ts[m]);
            off += te[m] - ts[m];
        }
        bag_add(b, buf + a, off - a);
    }
    *store = buf;
    free(ts);
    free(te);
}

typedef struct page {
    const char *id, *url;
    double p, r, f;
} page;

static int by_f(const void *x, const void *y)
{
    double a = ((const page *)x)->f, b = ((const page *)y)->f;
    return a < b ? -1 : a > b;
}

static double ingest_time(story_ctx *ctx, const char *data, size_t len,
                          const char *name, story_article **out)
{
    story_ingest_options io = STORY_INGEST_OPTIONS_INIT;
    story_error err;
    io.format = "html";
    double t0 = bench_now(1);
    int rc = story_ingest_memory(out, ctx, name, data, len,
                                 "text/html; charset=utf-8", &io, &err);
    double t1 = bench_now(1);
    if (rc != 0) {
        fprintf(stderr, "# %s: %s\n", name, err.message);
        *out = NULL;
    }
    return t1 - t0;
}

int main(int argc, char **argv)
{
    const char *verbose = argc > 2 && strcmp(argv[1], "-v") == 0 ? argv[2]
                                                                 : NULL;
    story_ctx *ctx = bench_ctx();
    char *gt_path = bench_corpus_path("article_extraction_benchmark/"
                                      "ground-truth.json");
    json_error_t je;
    json_t *gt = json_load_file(gt_path, 0, &je);
    if (!gt) {
        fprintf(stderr, "bench extraction: %s: %s\n", gt_path, je.text);
        return 2;
    }
    size_t npages = json_object_size(gt), np = 0;
    page *pages = calloc(npages, sizeof *pages);
    long TP = 0, FP = 0, FN = 0;
    double STP = 0, SFP = 0, SFN = 0;
    int failed = 0;
    double secs = 0, bytes = 0;
    const char *id;
    json_t *v;
    json_object_foreach(gt, id, v) {
        if (verbose && strcmp(verbose, id) != 0)
            continue;
        char rel[512];
        snprintf(rel, sizeof rel, "article_extraction_benchmark/html/%s.html.gz",
                 id);
        char *path = bench_corpus_path(rel);
        size_t len = 0;
        char *html = bench_read_gz(path, &len);
        free(path);
        if (!html) {
            fprintf(stderr, "bench extraction: cannot read %s\n", rel);
            return 2;
        }
        story_article *a = NULL;
        secs += ingest_time(ctx, html, len, id, &a);
        bytes += (double)len;
        const char *truth = json_string_value(json_object_get(v, "articleBody"));
        const char *pred = a ? a->text : "";
        if (!a)
            failed++;
        if (verbose)
            printf("%s\n", pred);
        bag bt = {0}, bp = {0};
        tokenize(&bt, truth ? truth : "");
        tokenize(&bp, pred);
        long tp = 0;
        for (size_t i = 0; i < bp.cap; i++)
            if (bp.t[i].s) {
                long c = bag_get(&bt, bp.t[i].s, bp.t[i].n);
                tp += c < bp.t[i].count ? c : bp.t[i].count;
            }
        TP += tp;
        FP += bp.total - tp;
        FN += bt.total - tp;
        free(bt.t);
        free(bp.t);
        /* upstream shingle metric */
        bag st = {0}, sp = {0};
        char *s1 = NULL, *s2 = NULL;
        shingles(&st, truth ? truth : "", &s1);
        shingles(&sp, pred, &s2);
        long stp = 0;
        for (size_t i = 0; i < sp.cap; i++)
            if (sp.t[i].s) {
                long c = bag_get(&st, sp.t[i].s, sp.t[i].n);
                stp += c < sp.t[i].count ? c : sp.t[i].count;
            }
        double ftp = (double)stp, ffp = (double)(sp.total - stp),
               ffn = (double)(st.total - stp), sum = ftp + ffp + ffn;
        if (sum > 0) {
            ftp /= sum;
            ffp /= sum;
            ffn /= sum;
        }
        STP += ftp;
        SFP += ffp;
        SFN += ffn;
        page *pg = &pages[np++];
        pg->id = id;
        pg->url = json_string_value(json_object_get(v, "url"));
        pg->p = ftp + ffp > 0 ? ftp / (ftp + ffp) : 0;
        pg->r = ftp + ffn > 0 ? ftp / (ftp + ffn) : 0;
        pg->f = pg->p + pg->r > 0 ? 2 * pg->p * pg->r / (pg->p + pg->r) : 0;
        free(st.t);
        free(sp.t);
        free(s1);
        free(s2);
        story_article_free(a);
        free(html);
    }
    if (verbose) {
        if (np)
            fprintf(stderr, "P=%.3f R=%.3f F1=%.3f\n", pages[0].p, pages[0].r,
                    pages[0].f);
        return 0;
    }
    /* speed over the trafilatura sample too */
    {
        char *dir = bench_corpus_path("trafilatura_eval_sample/html");
        DIR *dh = opendir(dir);
        struct dirent *de;
        while (dh && (de = readdir(dh)) != NULL) {
            if (de->d_name[0] == '.')
                continue;
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
            size_t len = 0;
            char *html = bench_read_gz(path, &len);
            if (!html)
                continue;
            story_article *a = NULL;
            story_ingest_options io = STORY_INGEST_OPTIONS_INIT;
            story_error err;
            io.format = "html";
            double t0 = bench_now(1);
            if (story_ingest_memory(&a, ctx, de->d_name, html, len, NULL, &io,
                                    &err) == 0)
                story_article_free(a);
            secs += bench_now(1) - t0;
            bytes += (double)len;
            free(html);
        }
        if (dh)
            closedir(dh);
        free(dir);
    }
    double P = STP + SFP > 0 ? STP / (STP + SFP) : 0;
    double R = STP + SFN > 0 ? STP / (STP + SFN) : 0;
    bench_figure("precision_ratio", P);
    bench_figure("recall_ratio", R);
    bench_figure("f1_ratio", P + R > 0 ? 2 * P * R / (P + R) : 0);
    P = TP + FP ? (double)TP / (double)(TP + FP) : 0;
    R = TP + FN ? (double)TP / (double)(TP + FN) : 0;
    bench_figure("token_precision_ratio", P);
    bench_figure("token_recall_ratio", R);
    bench_figure("token_f1_ratio", P + R > 0 ? 2 * P * R / (P + R) : 0);
    bench_count("pages_count", (double)np);
    bench_count("failed_pages_count", failed);
    bench_figure("html_mb", bytes / 1e6);
    bench_figure("throughput_mb_per_s", secs > 0 ? bytes / 1e6 / secs : 0);
    qsort(pages, np, sizeof *pages, by_f);
    printf("# worst pages (id precision recall f1 url):\n");
    for (size_t i = 0; i < np && i < 10; i++)
        printf("# %s %.3f %.3f %.3f %s\n", pages[i].id, pages[i].p,
               pages[i].r, pages[i].f, pages[i].url ? pages[i].url : "");
    free(pages);
    json_decref(gt);
    free(gt_path);
    story_ctx_free(ctx);
    return 0;
}
