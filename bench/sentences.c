/*
 * bench sentences: sentence-boundary recall and extra splits of
 * story_segment on the WMT21/WMT22 news test sets
 * (../shared/corpus/wmt/wmt2{1,2}_news/ XML files). Every side (source and each
 * reference) of every document is joined into one paragraph: its <seg>s
 * trimmed and separated by single spaces, then segmented with the side's
 * language as hint. Every internal <seg> end is a true sentence boundary.
 *
 * Figures, per language L:
 *   sentences_recall_<L>_ratio           internal seg ends found as
 *                                        sentence ends
 *   sentences_recall_terminal_<L>_ratio  the same over seg ends written
 *                                        with terminal punctuation (. ! ?
 *                                        。 ！ ？ …, maybe followed by a
 *                                        closing quote/bracket): a
 *                                        headline without a full stop
 *                                        cannot be found once joined
 *   sentences_extra_split_rate_<L>_ratio sentence ends inside a seg, per
 *                                        seg (about 3% of segs hold more
 *                                        than one sentence, so not all are
 *                                        errors)
 *   sentences_boundaries_<L>, sentences_segs_<L>: counts
 *   sentences_recall_min_ratio, sentences_recall_terminal_min_ratio
 * Side output: 50 extra splits sampled with a fixed seed (reservoir
 * sampling, seed 20261130, or $BENCH_SEED for a fresh sample) are written
 * to argv[1] or $STORY_BENCH_BUILD/sentences_extra_splits.txt for
 * hand-checking precision (the corpus is not copied into the repository;
 * verdicts are kept in bench/data/sentences_handcheck.tsv); with
 * BENCH_VERBOSE=1, missed boundaries and every extra split go to stderr.
 */
#define _POSIX_C_SOURCE 200809L
#include "benchsupport.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sentences_wmtxml.h"

#define NL 16
typedef struct stat_l {
    char lang[16];
    long bounds, found, term_bounds, term_found, segs, extra;
} stat_l;
static stat_l st[NL];
static int n_st;

static stat_l *get_st(const char *l)
{
    for (int i = 0; i < n_st; i++)
        if (strcmp(st[i].lang, l) == 0)
            return &st[i];
    stat_l *s = &st[n_st++];
    memset(s, 0, sizeof *s);
    snprintf(s->lang, sizeof s->lang, "%s", l);
    return s;
}

#define SAMPLE 50
static char *sample[SAMPLE];
static long n_extra_total;
static uint64_t rng = 20261130;

static uint64_t next_rand(void)
{
    rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
    return rng >> 33;
}

static int verbose;

/* Last code point of s[0, n) and its start. */
static int32_t last_cp(const char *s, size_t n, size_t *at)
{
    if (n == 0)
        return -1;
    size_t i = n - 1;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    *at = i;
    const unsigned char *u = (const unsigned char *)s + i;
    if (u[0] < 0x80)
        return u[0];
    if (u[0] < 0xE0)
        return ((u[0] & 0x1F) << 6) | (u[1] & 0x3F);
    if (u[0] < 0xF0)
        return ((u[0] & 0x0F) << 12) | ((u[1] & 0x3F) << 6) | (u[2] & 0x3F);
    return ((u[0] & 0x07) << 18) | ((u[1] & 0x3F) << 12) |
           ((u[2] & 0x3F) << 6) | (u[3] & 0x3F);
}

static int terminal_end(const char *s, size_t n)
{
    size_t at;
    for (int k = 0; k < 3 && n > 0; k++) {
        int32_t c = last_cp(s, n, &at);
        switch (c) {
        case '.': case '!': case '?': case 0x3002: case 0xFF01: case 0xFF1F:
        case 0x2026: case 0x0964: case 0x061F:
            return 1;
        case '"': case '\'': case ')': case ']': case 0x201D: case 0x2019:
        case 0x00BB: case 0x300D: case 0x300F: case 0xFF09: case 0x201C:
            n = at; /* closing punctuation: look before it */
            continue;
        default:
            return 0;
        }
    }
    return 0;
}

static void context(char *out, size_t n, const char *t, size_t len,
                    size_t at)
{
    size_t a = at > 70 ? at - 70 : 0, b = at + 70 < len ? at + 70 : len;
    while (a > 0 && ((unsigned char)t[a] & 0xC0) == 0x80)
        a--;
    while (b < len && ((unsigned char)t[b] & 0xC0) == 0x80)
        b++;
    snprintf(out, n, "%.*s ‖ %.*s", (int)(at - a), t + a, (int)(b - at),
             t + at);
}

static void run_side(story_ctx *ctx, const wmt_side *sd)
{
    size_t total = 0;
    for (size_t i = 0; i < sd->n_segs; i++)
        total += strlen(sd->segs[i]) + 1;
    char *text = malloc(total + 1);
    size_t *seg_s = malloc((sd->n_segs + 1) * sizeof *seg_s);
    size_t *seg_e = malloc((sd->n_segs + 1) * sizeof *seg_e);
    size_t len = 0, n = 0;
    for (size_t i = 0; i < sd->n_segs; i++) {
        const char *s = sd->segs[i];
        size_t a = 0, b = strlen(s);
        while (a < b && (s[a] == ' ' || s[a] == '\t' || s[a] == '\n'))
            a++;
        while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t' ||
                         s[b - 1] == '\n'))
            b--;
        if (a == b)
            continue;
        if (len)
            text[len++] = ' ';
        seg_s[n] = len;
        memcpy(text + len, s + a, b - a);
        len += b - a;
        seg_e[n++] = len;
    }
    text[len] = '\0';
    if (n == 0) {
        free(text);
        free(seg_s);
        free(seg_e);
        return;
    }
    story_article art;
    memset(&art, 0, sizeof art);
    art.source = (char *)sd->doc_id;
    art.text = text;
    art.text_len = len;
    story_paragraph p;
    memset(&p, 0, sizeof p);
    p.end = len;
    art.paragraphs = &p;
    art.n_paragraphs = 1;
    story_error err;
    if (story_segment(ctx, &art, sd->lang, &err) != 0) {
        fprintf(stderr, "segment %s: %s\n", sd->doc_id, err.message);
        exit(1);
    }
    stat_l *sl = get_st(sd->lang);
    sl->segs += (long)n;
    /* predicted ends are sorted */
    size_t k = 0;
    for (size_t i = 0; i + 1 < n; i++) {
        while (k < art.n_sentences && art.sentences[k].end < seg_e[i])
            k++;
        int found = k < art.n_sentences && art.sentences[k].end == seg_e[i];
        int term = terminal_end(text + seg_s[i], seg_e[i] - seg_s[i]);
        sl->bounds++;
        sl->found += found;
        sl->term_bounds += term;
        sl->term_found += term && found;
        if (!found && verbose) {
            char c[512];
            context(c, sizeof c, text, len, seg_e[i]);
            fprintf(stderr, "MISS %s%s %s: %s\n", sd->lang,
                    term ? "" : " (no terminal)", sd->doc_id, c);
        }
    }
    /* extra splits: sentence ends strictly inside a seg */
    size_t si = 0;
    for (size_t j = 0; j + 1 < art.n_sentences; j++) {
        size_t e = art.sentences[j].end;
        while (si < n && seg_e[si] < e)
            si++;
        if (si < n && seg_e[si] == e)
            continue;
        sl->extra++;
        n_extra_total++;
        char c[512], line[700];
        context(c, sizeof c, text, len, e);
        snprintf(line, sizeof line, "%s\t%s\t%s", sd->lang, sd->doc_id, c);
        if (verbose)
            fprintf(stderr, "EXTRA %s\n", line);
        if (n_extra_total <= SAMPLE) {
            sample[n_extra_total - 1] = strdup(line);
        } else {
            uint64_t r = next_rand() % (uint64_t)n_extra_total;
            if (r < SAMPLE) {
                free(sample[r]);
                sample[r] = strdup(line);
            }
        }
    }
    free(art.sentences);
    for (size_t t = 0; t < art.n_tokens; t++)
        free(art.tokens[t].key);
    free(art.tokens);
    free(art.lang);
    free(text);
    free(seg_s);
    free(seg_e);
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    story_ctx *ctx = bench_ctx();
    verbose = getenv("BENCH_VERBOSE") != NULL;
    const char *seed = getenv("BENCH_SEED");
    if (seed && *seed)
        rng = strtoull(seed, NULL, 10);
    const char *dirs[] = {"wmt/wmt21_news", "wmt/wmt22_news"};
    for (int d = 0; d < 2; d++) {
        char *dir = bench_corpus_path(dirs[d]);
        DIR *dp = opendir(dir);
        if (!dp) {
            fprintf(stderr, "cannot open %s\n", dir);
            return 2;
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
        qsort(names, (size_t)nn, sizeof names[0], cmp_str);
        for (int i = 0; i < nn; i++) {
            char path[4096];
            snprintf(path, sizeof path, "%s/%s", dir, names[i]);
            size_t len;
            char *x = bench_read_file(path, &len);
            if (!x) {
                fprintf(stderr, "cannot read %s\n", path);
                return 2;
            }
            size_t ns;
            wmt_side *sides = wmt_parse(x, &ns);
            for (size_t s = 0; s < ns; s++)
                run_side(ctx, &sides[s]);
            wmt_free(sides, ns);
            free(x);
            free(names[i]);
        }
        free(dir);
    }
    double min = 1, tmin = 1;
    for (int i = 0; i < n_st; i++) {
        stat_l *s = &st[i];
        char name[128];
        double r = s->bounds ? (double)s->found / (double)s->bounds : 0;
        double tr = s->term_bounds ? (double)s->term_found /
                                         (double)s->term_bounds : 0;
        if (r < min)
            min = r;
        if (tr < tmin)
            tmin = tr;
        snprintf(name, sizeof name, "sentences_recall_%.15s_ratio", s->lang);
        bench_figure(name, r);
        snprintf(name, sizeof name, "sentences_recall_terminal_%.15s_ratio",
                 s->lang);
        bench_figure(name, tr);
        snprintf(name, sizeof name, "sentences_extra_split_rate_%.15s_ratio",
                 s->lang);
        bench_figure(name, s->segs ? (double)s->extra / (double)s->segs : 0);
        snprintf(name, sizeof name, "sentences_boundaries_%.15s", s->lang);
        bench_count(name, (double)s->bounds);
        snprintf(name, sizeof name, "sentences_segs_%.15s", s->lang);
        bench_count(name, (double)s->segs);
    }
    bench_figure("sentences_recall_min_ratio", min);
    bench_figure("sentences_recall_terminal_min_ratio", tmin);

    char out[4096];
    const char *b = getenv("STORY_BENCH_BUILD");
    if (argc > 1)
        snprintf(out, sizeof out, "%s", argv[1]);
    else
        snprintf(out, sizeof out, "%s/sentences_extra_splits.txt",
                 b ? b : ".");
    FILE *f = fopen(out, "w");
    if (f) {
        fprintf(f, "# %ld extra splits in total; %d sampled (seed %s)."
                   " Mark each: ok (a real sentence end) / bad.\n",
                n_extra_total, n_extra_total < SAMPLE ? (int)n_extra_total
                                                      : SAMPLE,
                seed && *seed ? seed : "20261130");
        for (int i = 0; i < SAMPLE && i < n_extra_total; i++)
            fprintf(f, "%s\n", sample[i]);
        fclose(f);
        fprintf(stderr, "sample of extra splits: %s\n", out);
    }
    for (int i = 0; i < SAMPLE && i < n_extra_total; i++)
        free(sample[i]);
    story_ctx_free(ctx);
    return 0;
}
