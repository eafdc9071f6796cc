/*
 * bench_align_eval MANIFEST [--label L] [--no-facts] [--no-baseline]
 *
 * The evaluator behind bench/align-wmt24.sh and bench/align-perturbed.sh
 * (and the rewrite cases of bench/relation.sh). Reads a manifest written by
 * scripts/perturb.py (pairs of plain-text articles in a temp dir, the gold
 * units as byte spans and the gold links), runs ingest + segment + facts +
 * story_align on each pair, and scores the alignment against the gold:
 *
 *  - paragraph level: story_alignment.par_links; sentence level: the
 *    sentence links. Predicted links are projected onto the gold units
 *    (a sentence maps to the units it overlaps), links sharing a unit are
 *    merged (connected components), and a component counts as correct
 *    when its A and B unit sets equal a gold link's (strict).
 *  - link precision/recall/F1 over non-null links; omitted (A units
 *    aligned to nothing) and added (B units aligned to nothing) precision
 *    and recall over units; moved recall (gold moved links found with
 *    kind moved); relation counts.
 *  - the same on a Gale & Church (1993) length-only aligner implemented
 *    here (char lengths, c = document length ratio, s^2 = 6.8, priors of
 *    the paper), printed beside as gc_*.
 *
 * Figures (prefix = --label): <L>_<pair>_link_f1_ratio per language pair,
 * then <L>_link_{precision,recall,f1}_ratio, <L>_omitted_{precision,
 * recall}_ratio, <L>_added_{precision,recall}_ratio, <L>_moved_recall_ratio,
 * <L>_relation_<name>_count, <L>_pairs_count, and the gc_ figures.
 * Gold links chained by a unit boundary without a sentence terminal that
 * falls inside one segmenter sentence are scored as one link (see
 * coarsen_gold; <L>_gold_links_merged_count; ALIGN_EVAL_STRICT_UNITS=1
 * turns this off).
 * ALIGN_EVAL_LINKS=1 prints, per pair, the predicted (p) and gold (g)
 * components over gold units ("a1,a2,|b1," signatures) to stderr.
 * ALIGN_EVAL_LABELS=1 prints, per sentence link, its sentence runs and
 * whether the gold units it covers are gold-linked together (per part of
 * a multi-unit link too): labels for fitting a decision on one half of
 * the documents (even manifest lines) and checking it on the other.
 * ALIGN_EVAL_LABELS=2 also prints, per sentence of A and B, the gold
 * components of its units ("sunit A 3 5": sentence 3 of A lies in gold
 * component 5; "-" for a deleted or inserted unit), to tell which
 * sentence pairs the gold links.
 */
#define _POSIX_C_SOURCE 200809L
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "benchsupport.h"
#include "storydiff/storydiff.h"

typedef struct acc {
    char key[32];
    double tp, pred, gold;          /* links */
    double om_tp, om_pred, om_gold; /* omitted units */
    double ad_tp, ad_pred, ad_gold; /* added units */
    double mv_tp, mv_gold;          /* moved */
    double rel[4];
    double pairs;
} acc;

#define MAXACC 64
static acc accs[2][MAXACC]; /* [0] storydiff, [1] Gale-Church */
static size_t naccs[2];

static acc *acc_get(int sys, const char *key)
{
    for (size_t i = 0; i < naccs[sys]; i++)
        if (strcmp(accs[sys][i].key, key) == 0)
            return &accs[sys][i];
    if (naccs[sys] == MAXACC)
        return &accs[sys][0];
    acc *a = &accs[sys][naccs[sys]++];
    memset(a, 0, sizeof *a);
    snprintf(a->key, sizeof a->key, "%s", key);
    return a;
}

/* ---- union-find over units: A units 0..na-1, B units na..na+nb-1 ---- */
static size_t uf_find(size_t *p, size_t x)
{
    while (p[x] != x) {
        p[x] = p[p[x]];
        x = p[x];
    }
    return x;
}

typedef struct plink { /* a link over gold units */
    size_t *a, na, *b, nb;
    int kind;
} plink;

/* Component signatures: "a1,a2|b1" strings. */
typedef struct comp {
    char sig[512];
    int has_a, has_b, moved;
} comp;

static size_t components(comp **out, plink *l, size_t nl, size_t na,
                         size_t nb)
{
    size_t n = na + nb;
    size_t *p = malloc((n + 1) * sizeof *p);
    int *moved = calloc(n + 1, sizeof *moved);
    int *used = calloc(n + 1, sizeof *used);
    for (size_t i = 0; i < n; i++)
        p[i] = i;
    for (size_t k = 0; k < nl; k++) {
        size_t first = (size_t)-1;
        for (size_t i = 0; i < l[k].na; i++) {
            size_t x = l[k].a[i];
            used[x] = 1;
            if (first == (size_t)-1)
                first = x;
            else
                p[uf_find(p, x)] = uf_find(p, first);
        }
        for (size_t i = 0; i < l[k].nb; i++) {
            size_t x = na + l[k].b[i];
            used[x] = 1;
            if (first == (size_t)-1)
                first = x;
            else
                p[uf_find(p, x)] = uf_find(p, first);
        }
        if (l[k].kind == 1 && first != (size_t)-1)
            moved[first] = 1;
    }
    for (size_t i = 0; i < n; i++)
        if (moved[i])
            moved[uf_find(p, i)] = 1;
    comp *c = calloc(n + 1, sizeof *c);
    size_t nc = 0;
    for (size_t r = 0; r < n; r++) {
        if (uf_find(p, r) != r || !used[r])
            continue;
        comp *cc = &c[nc++];
        size_t o = 0;
        for (size_t i = 0; i < na; i++)
            if (used[i] && uf_find(p, i) == r) {
                o += (size_t)snprintf(cc->sig + o, sizeof cc->sig - o,
                                      "%zu,", i);
                cc->has_a = 1;
                if (o >= sizeof cc->sig)
                    o = sizeof cc->sig - 1;
            }
        o += (size_t)snprintf(cc->sig + o, sizeof cc->sig - o, "|");
        if (o >= sizeof cc->sig)
            o = sizeof cc->sig - 1;
        for (size_t i = 0; i < nb; i++)
            if (used[na + i] && uf_find(p, na + i) == r) {
                o += (size_t)snprintf(cc->sig + o, sizeof cc->sig - o,
                                      "%zu,", i);
                cc->has_b = 1;
                if (o >= sizeof cc->sig)
                    o = sizeof cc->sig - 1;
            }
        cc->moved = moved[r];
    }
    free(p);
    free(moved);
    free(used);
    *out = c;
    return nc;
}

static void score(acc *ac, plink *pred, size_t np, plink *gold, size_t ng,
                  size_t na, size_t nb)
{
    comp *pc, *gc;
    size_t npc = components(&pc, pred, np, na, nb);
    size_t ngc = components(&gc, gold, ng, na, nb);
    for (size_t i = 0; i < ngc; i++) {
        if (gc[i].has_a && gc[i].has_b) {
            ac->gold++;
            if (gc[i].moved)
                ac->mv_gold++;
        }
    }
    for (size_t i = 0; i < npc; i++) {
        if (!(pc[i].has_a && pc[i].has_b))
            continue;
        ac->pred++;
        for (size_t j = 0; j < ngc; j++)
            if (strcmp(pc[i].sig, gc[j].sig) == 0) {
                ac->tp++;
                if (gc[j].moved && pc[i].moved)
                    ac->mv_tp++;
                break;
            }
    }
    /* omitted / added units */
    unsigned char *po = calloc(na + nb + 1, 1), *go = calloc(na + nb + 1, 1);
    for (size_t k = 0; k < np; k++) {
        if (pred[k].nb == 0)
            for (size_t i = 0; i < pred[k].na; i++)
                po[pred[k].a[i]] = 1;
        if (pred[k].na == 0)
            for (size_t i = 0; i < pred[k].nb; i++)
                po[na + pred[k].b[i]] = 1;
    }
    /* a unit also aligned elsewhere (sentence projection) is not omitted */
    for (size_t k = 0; k < np; k++)
        if (pred[k].na && pred[k].nb) {
            for (size_t i = 0; i < pred[k].na; i++)
                po[pred[k].a[i]] = 0;
            for (size_t i = 0; i < pred[k].nb; i++)
                po[na + pred[k].b[i]] = 0;
        }
    for (size_t k = 0; k < ng; k++) {
        if (gold[k].nb == 0)
            for (size_t i = 0; i < gold[k].na; i++)
                go[gold[k].a[i]] = 1;
        if (gold[k].na == 0)
            for (size_t i = 0; i < gold[k].nb; i++)
                go[na + gold[k].b[i]] = 1;
    }
    for (size_t x = 0; x < na + nb; x++) {
        int isa = x < na;
        if (po[x]) {
            if (isa)
                ac->om_pred++;
            else
                ac->ad_pred++;
        }
        if (go[x]) {
            if (isa)
                ac->om_gold++;
            else
                ac->ad_gold++;
        }
        if (po[x] && go[x]) {
            if (isa)
                ac->om_tp++;
            else
                ac->ad_tp++;
        }
    }
    free(po);
    free(go);
    free(pc);
    free(gc);
}

/* ---- error classes (ALIGN_EVAL_ERRORS=1: per language pair, stderr) ----
 * Per unit: is its predicted component (the units linked with it) the
 * gold one? Classes: A_del_linked (a deleted A unit linked; _ins when to
 * an inserted B unit), A_missed (a linked A unit left omitted), A_wrong
 * (linked, but not to its gold partners), the same for B (B_ins_linked,
 * B_missed, B_wrong); suffixes _mv / _mg when the gold link is the moved
 * one / a merge. */
enum { E_ADEL, E_ADEL_INS, E_AMISS, E_AMISS_MV, E_AMISS_MG, E_AWRONG,
       E_AWRONG_MV, E_AWRONG_MG, E_BINS, E_BMISS, E_BMISS_MV, E_BMISS_MG,
       E_BWRONG, E_BWRONG_MV, E_BWRONG_MG, E_N };
static const char *ename[E_N] = {
    "A_del_linked", "A_del_linked_ins", "A_missed", "A_missed_mv",
    "A_missed_mg", "A_wrong", "A_wrong_mv", "A_wrong_mg", "B_ins_linked",
    "B_missed", "B_missed_mv", "B_missed_mg", "B_wrong", "B_wrong_mv",
    "B_wrong_mg"};
typedef struct errc {
    char key[32];
    double c[E_N];
} errc;
static errc errs[MAXACC];
static size_t nerrs;

static void uf_links(size_t *p, int *used, const plink *l, size_t nl,
                     size_t na)
{
    for (size_t k = 0; k < nl; k++) {
        size_t first = (size_t)-1;
        if (!l[k].na || !l[k].nb)
            continue;
        for (size_t i = 0; i < l[k].na + l[k].nb; i++) {
            size_t x = i < l[k].na ? l[k].a[i] : na + l[k].b[i - l[k].na];
            used[x] = 1;
            if (first == (size_t)-1)
                first = x;
            else
                p[uf_find(p, x)] = uf_find(p, first);
        }
    }
}

static void classify(const char *key, const plink *pred, size_t np,
                     const plink *gold, size_t ng, size_t na, size_t nb)
{
    errc *ec = NULL;
    for (size_t i = 0; i < nerrs; i++)
        if (strcmp(errs[i].key, key) == 0)
            ec = &errs[i];
    if (!ec) {
        if (nerrs == MAXACC)
            return;
        ec = &errs[nerrs++];
        snprintf(ec->key, sizeof ec->key, "%s", key);
    }
    size_t n = na + nb;
    size_t *pp = malloc((n + 1) * sizeof *pp), *gp = malloc((n + 1) * sizeof *gp);
    int *pu = calloc(n + 1, sizeof *pu), *gu = calloc(n + 1, sizeof *gu);
    int *gmv = calloc(n + 1, sizeof *gmv), *gmg = calloc(n + 1, sizeof *gmg);
    for (size_t i = 0; i < n; i++)
        pp[i] = gp[i] = i;
    uf_links(pp, pu, pred, np, na);
    uf_links(gp, gu, gold, ng, na);
    for (size_t k = 0; k < ng; k++)
        for (size_t i = 0; i < gold[k].na + gold[k].nb; i++) {
            size_t x = i < gold[k].na ? gold[k].a[i]
                                      : na + gold[k].b[i - gold[k].na];
            gmv[x] = gold[k].kind == 1;
            gmg[x] = gold[k].na > 1 || gold[k].nb > 1;
        }
    for (size_t x = 0; x < n; x++) {
        int isa = x < na;
        int same = 1, to_ins = 0;
        for (size_t y = 0; y < n && same; y++) {
            int inp = pu[x] && pu[y] && uf_find(pp, x) == uf_find(pp, y);
            int ing = gu[x] && gu[y] && uf_find(gp, x) == uf_find(gp, y);
            if (x == y)
                continue;
            if (inp != ing)
                same = 0;
        }
        if (same)
            continue;
        if (isa && pu[x])
            for (size_t y = na; y < n; y++)
                if (!gu[y] && pu[y] && uf_find(pp, x) == uf_find(pp, y))
                    to_ins = 1;
        int e;
        if (!gu[x])
            e = isa ? (to_ins ? E_ADEL_INS : E_ADEL) : E_BINS;
        else if (!pu[x])
            e = (isa ? E_AMISS : E_BMISS) + (gmv[x] ? 1 : gmg[x] ? 2 : 0);
        else
            e = (isa ? E_AWRONG : E_BWRONG) + (gmv[x] ? 1 : gmg[x] ? 2 : 0);
        ec->c[e]++;
        if (strcmp(key, "all") && getenv("ALIGN_EVAL_ERRORS")[0] == '2')
            fprintf(stderr, "  err %s %c%zu\n", ename[e], isa ? 'A' : 'B',
                    isa ? x : x - na);
    }
    free(pp);
    free(gp);
    free(pu);
    free(gu);
    free(gmv);
    free(gmg);
}

static void print_errors(void)
{
    for (size_t i = 0; i < nerrs; i++) {
        fprintf(stderr, "errors %-8s", errs[i].key);
        for (int e = 0; e < E_N; e++)
            if (errs[i].c[e] > 0)
                fprintf(stderr, " %s=%g", ename[e], errs[i].c[e]);
        fprintf(stderr, "\n");
    }
}

/* ---- Gale & Church 1993 ---- */
static double pnorm(double z) { return 0.5 * erfc(-z / sqrt(2.0)); }

static double gc_cost(double l1, double l2, double c, double prior)
{
    double mean = (l1 + l2 / c) / 2;
    double z = 0;
    if (mean > 0)
        z = fabs((l1 * c - l2) / sqrt(mean * 6.8));
    double pd = 2 * (1 - pnorm(z));
    if (pd < 1e-100)
        pd = 1e-100;
    return -log(prior) - log(pd);
}

/* links over units of lengths la[0..n), lb[0..m); returns count */
static size_t gale_church(story_link **out, const double *la, size_t n,
                          const double *lb, size_t m)
{
    static const int st[6][2] = {{1, 1}, {1, 0}, {0, 1},
                                 {2, 1}, {1, 2}, {2, 2}};
    static const double pr[6] = {0.89, 0.0099, 0.0099, 0.089, 0.089, 0.011};
    double ta = 0, tb = 0;
    for (size_t i = 0; i < n; i++)
        ta += la[i];
    for (size_t j = 0; j < m; j++)
        tb += lb[j];
    double c = ta > 0 ? tb / ta : 1;
    double *D = malloc((n + 1) * (m + 1) * sizeof *D);
    unsigned char *B = malloc((n + 1) * (m + 1));
#define IX(i, j) ((i) * (m + 1) + (j))
    for (size_t i = 0; i <= n; i++)
        for (size_t j = 0; j <= m; j++) {
            if (!i && !j) {
                D[0] = 0;
                B[0] = 255;
                continue;
            }
            double best = INFINITY;
            unsigned char bs = 255;
            for (int s = 0; s < 6; s++) {
                size_t di = (size_t)st[s][0], dj = (size_t)st[s][1];
                if (i < di || j < dj)
                    continue;
                double l1 = 0, l2 = 0;
                for (size_t k = 0; k < di; k++)
                    l1 += la[i - 1 - k];
                for (size_t k = 0; k < dj; k++)
                    l2 += lb[j - 1 - k];
                double v = D[IX(i - di, j - dj)] + gc_cost(l1, l2, c, pr[s]);
                if (v < best) {
                    best = v;
                    bs = (unsigned char)s;
                }
            }
            D[IX(i, j)] = best;
            B[IX(i, j)] = bs;
        }
    story_link *l = calloc(n + m + 1, sizeof *l);
    size_t cnt = 0, i = n, j = m;
    while (i || j) {
        int s = B[IX(i, j)];
        size_t di = (size_t)st[s][0], dj = (size_t)st[s][1];
        story_link k = {i - di, di, j - dj, dj, 0, STORY_LINK_MATCH};
        if (!dj)
            k.kind = STORY_LINK_OMITTED;
        if (!di)
            k.kind = STORY_LINK_ADDED;
        l[cnt++] = k;
        i -= di;
        j -= dj;
    }
#undef IX
    free(D);
    free(B);
    *out = l;
    return cnt;
}

/* ---- mapping article units to gold units ---- */


/* Locate each gold unit's text in the article text, in order. pos[u] =
 * start offset or (size_t)-1. */
static void locate(size_t *pos, size_t *len, const char *file,
                   json_t *spans, const story_article *a)
{
    size_t cur = 0;
    for (size_t u = 0; u < json_array_size(spans); u++) {
        json_t *sp = json_array_get(spans, u);
        size_t s = (size_t)json_integer_value(json_array_get(sp, 0));
        size_t e = (size_t)json_integer_value(json_array_get(sp, 1));
        char *t = strndup(file + s, e - s);
        const char *hit = strstr(a->text + cur, t);
        if (!hit)
            hit = strstr(a->text, t);
        if (hit) {
            pos[u] = (size_t)(hit - a->text);
            len[u] = e - s;
            cur = pos[u] + len[u];
        } else {
            pos[u] = (size_t)-1;
            len[u] = 0;
        }
        free(t);
    }
}

/* Gold units overlapped by [s, e) -> appended to v (size_t array). */
static size_t units_of(size_t *out, size_t cap, size_t s, size_t e,
                       const size_t *pos, const size_t *len, size_t n)
{
    size_t k = 0;
    for (size_t u = 0; u < n && k < cap; u++) {
        if (pos[u] == (size_t)-1)
            continue;
        size_t us = pos[u], ue = pos[u] + len[u];
        if (s < ue && e > us)
            out[k++] = u;
    }
    return k;
}

typedef struct side_map {
    size_t *pos, *len, n;
} side_map;

/* Project story links over article units (sentences or paragraphs) onto
 * gold units. */
static size_t project(plink **out, const story_link *l, size_t nl,
                      const story_article *A, const story_article *B,
                      int par, const side_map *ma, const side_map *mb)
{
    plink *p = calloc(nl + 1, sizeof *p);
    size_t np = 0;
    for (size_t k = 0; k < nl; k++) {
        plink *q = &p[np];
        q->a = calloc(64, sizeof(size_t));
        q->b = calloc(64, sizeof(size_t));
        q->kind = (int)l[k].kind;
        for (size_t i = l[k].a; i < l[k].a + l[k].n_a; i++) {
            size_t s = par ? A->paragraphs[i].start : A->sentences[i].start;
            size_t e = par ? A->paragraphs[i].end : A->sentences[i].end;
            q->na += units_of(q->a + q->na, 64 - q->na, s, e, ma->pos,
                              ma->len, ma->n);
        }
        for (size_t j = l[k].b; j < l[k].b + l[k].n_b; j++) {
            size_t s = par ? B->paragraphs[j].start : B->sentences[j].start;
            size_t e = par ? B->paragraphs[j].end : B->sentences[j].end;
            q->nb += units_of(q->b + q->nb, 64 - q->nb, s, e, mb->pos,
                              mb->len, mb->n);
        }
        if (q->na || q->nb)
            np++;
        else {
            free(q->a);
            free(q->b);
        }
    }
    *out = p;
    return np;
}

static void plinks_free(plink *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(p[i].a);
        free(p[i].b);
    }
    free(p);
}

/* ALIGN_EVAL_LABELS=1: one line per sentence link with its A and B
 * sentence runs and whether the gold units it covers are gold-linked to
 * each other (1), not (0); for omitted / added links whether the units
 * are gold-deleted / inserted. For fitting decisions on one half of the
 * documents and checking them on the other. */
static void print_labels(const char *id, const char *key,
                         const story_alignment *al, const story_article *A,
                         const story_article *B, const plink *gl, size_t ng,
                         const side_map *ma, const side_map *mb)
{
    size_t n = ma->n + mb->n;
    size_t *gp = malloc((n + 1) * sizeof *gp);
    int *gu = calloc(n + 1, sizeof *gu);
    for (size_t i = 0; i < n; i++)
        gp[i] = i;
    uf_links(gp, gu, gl, ng, ma->n);
    fprintf(stderr, "pairlbl %s %s\n", id, key);
    for (size_t k = 0; k < al->n_links; k++) {
        const story_link *L = &al->links[k];
        size_t ua[64], ub[64], nua = 0, nub = 0;
        for (size_t i = L->a; i < L->a + L->n_a; i++)
            nua += units_of(ua + nua, 64 - nua, A->sentences[i].start,
                            A->sentences[i].end, ma->pos, ma->len, ma->n);
        for (size_t j = L->b; j < L->b + L->n_b; j++)
            nub += units_of(ub + nub, 64 - nub, B->sentences[j].start,
                            B->sentences[j].end, mb->pos, mb->len, mb->n);
        int good = 1;
        if (L->n_a && L->n_b) {
            size_t r = SIZE_MAX;
            for (size_t q = 0; q < nua + nub && good; q++) {
                size_t x = q < nua ? ua[q] : ma->n + ub[q - nua];
                if (!gu[x])
                    good = 0;
                else if (r == SIZE_MAX)
                    r = uf_find(gp, x);
                else if (uf_find(gp, x) != r)
                    good = 0;
            }
        } else {
            for (size_t q = 0; q < nua + nub && good; q++) {
                size_t x = q < nua ? ua[q] : ma->n + ub[q - nua];
                if (gu[x])
                    good = 0;
            }
        }
        int del = 0, ins = 0; /* a gold-deleted A / inserted B unit */
        for (size_t q = 0; q < nua + nub; q++) {
            size_t x = q < nua ? ua[q] : ma->n + ub[q - nua];
            if (!gu[x]) {
                if (q < nua)
                    del = 1;
                else
                    ins = 1;
            }
        }
        fprintf(stderr, "lbl %zu %zu %zu %zu %d %d del=%d ins=%d", L->a,
                L->n_a, L->b, L->n_b, (int)L->kind, good, del, ins);
        /* per part of a multi-unit link: are its units gold-linked with
         * some unit of the other run */
        for (int sd = 0; sd < 2 && L->n_a && L->n_b && L->n_a + L->n_b > 2;
             sd++) {
            size_t s0 = sd ? L->b : L->a, ns = sd ? L->n_b : L->n_a;
            for (size_t i = s0; i < s0 + ns; i++) {
                size_t pu[64], npu, ok = 0;
                const story_article *X = sd ? B : A;
                const side_map *mx = sd ? mb : ma;
                npu = units_of(pu, 64, X->sentences[i].start,
                               X->sentences[i].end, mx->pos, mx->len, mx->n);
                for (size_t q = 0; q < npu && !ok; q++) {
                    size_t x = (sd ? ma->n : 0) + pu[q];
                    if (!gu[x])
                        continue;
                    size_t no = sd ? nua : nub;
                    for (size_t r = 0; r < no && !ok; r++) {
                        size_t y = sd ? ua[r] : ma->n + ub[r];
                        if (gu[y] && uf_find(gp, x) == uf_find(gp, y))
                            ok = 1;
                    }
                }
                fprintf(stderr, " %c%zu", sd ? 'b' : 'a', ok);
            }
        }
        fprintf(stderr, "\n");
    }
    /* ALIGN_EVAL_LABELS=2: per sentence, the gold components of its
     * units ("-" for a deleted / inserted unit), to tell which sentence
     * pairs gold links */
    for (int sd = 0; sd < 2 && getenv("ALIGN_EVAL_LABELS")[0] == '2';
         sd++) {
        const story_article *X = sd ? B : A;
        const side_map *mx = sd ? mb : ma;
        for (size_t i = 0; i < X->n_sentences; i++) {
            size_t pu[64];
            size_t npu = units_of(pu, 64, X->sentences[i].start,
                                  X->sentences[i].end, mx->pos, mx->len,
                                  mx->n);
            fprintf(stderr, "sunit %c %zu", sd ? 'B' : 'A', i);
            for (size_t q = 0; q < npu; q++) {
                size_t x = (sd ? ma->n : 0) + pu[q];
                if (gu[x])
                    fprintf(stderr, " %zu", uf_find(gp, x));
                else
                    fprintf(stderr, " -");
            }
            fprintf(stderr, "\n");
        }
    }
    free(gp);
    free(gu);
}

/* ---- gold at the granularity of the text ----
 * The perturbation writes the gold units of one source paragraph one
 * after the other, separated by a space. Where a unit does not end with a
 * sentence terminal (a heading ending in ':', a bracket "(AFP)", a quote
 * without final stop), the text holds the two units as ONE sentence: no
 * sentence aligner can link them apart, and the strict score would count
 * the correct link of that sentence as wrong. Gold links whose units lie
 * in one segmenter sentence across such a boundary are merged into one
 * gold link (evaluating at the granularity the text allows). A sentence
 * that runs over a unit ending with a terminal is a segmenter error and
 * stays penalised. */
static int ends_terminal(const char *t, size_t s, size_t e)
{
    while (e > s) {
        unsigned char c = (unsigned char)t[e - 1];
        if (c == ' ' || c == '\n' || c == '\t' || c == '"' || c == '\'' ||
            c == ')' || c == ']') {
            e--;
            continue;
        }
        /* multi-byte closers: ” ’ » 」 』 ） */
        static const char *const closers[] = {"\xE2\x80\x9D", "\xE2\x80\x99",
                                              "\xC2\xBB", "\xE3\x80\x8D",
                                              "\xE3\x80\x8F", "\xEF\xBC\x89",
                                              "\xE2\x80\x9C"};
        int hit = 0;
        for (size_t k = 0; k < sizeof closers / sizeof *closers && !hit; k++) {
            size_t n = strlen(closers[k]);
            if (e - s >= n && memcmp(t + e - n, closers[k], n) == 0) {
                e -= n;
                hit = 1;
            }
        }
        if (!hit)
            break;
    }
    if (e == s)
        return 1;
    unsigned char c = (unsigned char)t[e - 1];
    if (c == '.' || c == '!' || c == '?')
        return 1;
    static const char *const terms[] = {"\xE3\x80\x82", "\xEF\xBC\x81",
                                        "\xEF\xBC\x9F", "\xE2\x80\xA6",
                                        "\xE0\xA5\xA4", "\xD8\x9F"};
    for (size_t k = 0; k < sizeof terms / sizeof *terms; k++) {
        size_t n = strlen(terms[k]);
        if (e - s >= n && memcmp(t + e - n, terms[k], n) == 0)
            return 1;
    }
    return 0;
}

/* join[u] = 1 when units u and u + 1 lie in one article unit (sentence or
 * paragraph) and u ends without a terminal. */
static void unit_joins(unsigned char *join, const story_article *X, int par,
                       const size_t *pos, const size_t *len, size_t n)
{
    size_t nx = par ? X->n_paragraphs : X->n_sentences;
    for (size_t u = 0; u + 1 < n; u++) {
        join[u] = 0;
        if (pos[u] == (size_t)-1 || pos[u + 1] == (size_t)-1)
            continue;
        size_t ue = pos[u] + len[u], vs = pos[u + 1];
        for (size_t k = 0; k < nx; k++) {
            size_t s = par ? X->paragraphs[k].start : X->sentences[k].start;
            size_t e = par ? X->paragraphs[k].end : X->sentences[k].end;
            if (s < ue && e > vs) {
                join[u] = !ends_terminal(X->text, pos[u], ue);
                break;
            }
        }
    }
}

/* Merge gold links joined through join_a / join_b (see above); returns
 * the new count, the merged links replacing gl in place. */
static size_t coarsen_gold(plink *gl, size_t ng, const unsigned char *ja,
                           size_t na, const unsigned char *jb, size_t nb)
{
    size_t *p = malloc((ng + 1) * sizeof *p);
    size_t *la = malloc((na + 1) * sizeof *la), *lb = malloc((nb + 1) * sizeof *lb);
    for (size_t k = 0; k < ng; k++)
        p[k] = k;
    for (size_t u = 0; u < na; u++)
        la[u] = (size_t)-1;
    for (size_t u = 0; u < nb; u++)
        lb[u] = (size_t)-1;
    for (size_t k = 0; k < ng; k++) {
        for (size_t i = 0; i < gl[k].na; i++)
            la[gl[k].a[i]] = k;
        for (size_t i = 0; i < gl[k].nb; i++)
            lb[gl[k].b[i]] = k;
    }
    for (int side = 0; side < 2; side++) {
        size_t n = side ? nb : na, *l = side ? lb : la;
        const unsigned char *j = side ? jb : ja;
        for (size_t u = 0; u + 1 < n; u++)
            if (j[u] && l[u] != (size_t)-1 && l[u + 1] != (size_t)-1)
                p[uf_find(p, l[u])] = uf_find(p, l[u + 1]);
    }
    size_t w = 0;
    for (size_t k = 0; k < ng; k++) {
        size_t r = uf_find(p, k);
        if (r == k)
            continue;
        /* fold link k into its root r */
        plink *R = &gl[r], *K = &gl[k];
        R->a = realloc(R->a, (R->na + K->na + 1) * sizeof *R->a);
        R->b = realloc(R->b, (R->nb + K->nb + 1) * sizeof *R->b);
        memcpy(R->a + R->na, K->a, K->na * sizeof *K->a);
        memcpy(R->b + R->nb, K->b, K->nb * sizeof *K->b);
        R->na += K->na;
        R->nb += K->nb;
        if (K->kind == 1)
            R->kind = 1;
        K->na = K->nb = 0;
    }
    for (size_t k = 0; k < ng; k++) {
        if (uf_find(p, k) != k) {
            free(gl[k].a);
            free(gl[k].b);
            continue;
        }
        gl[w++] = gl[k];
    }
    free(p);
    free(la);
    free(lb);
    return w;
}

static story_article *load(story_ctx *ctx, const char *path, const char *lang)
{
    story_ingest_options io = STORY_INGEST_OPTIONS_INIT;
    io.format = "text";
    story_article *a = NULL;
    story_error e;
    if (story_ingest(&a, ctx, path, &io, &e) != 0) {
        fprintf(stderr, "align_eval: %s: %s\n", path, e.message);
        return NULL;
    }
    if (story_segment(ctx, a, lang, &e) != 0) {
        fprintf(stderr, "align_eval: segment %s: %s\n", path, e.message);
        story_article_free(a);
        return NULL;
    }
    return a;
}

static double ratio(double x, double y) { return y > 0 ? x / y : 0; }

static void print_acc(const char *label, const char *sys, acc *a, int pair)
{
    char n[160];
    double p = ratio(a->tp, a->pred), r = ratio(a->tp, a->gold);
    double f = (p + r) > 0 ? 2 * p * r / (p + r) : 0;
    if (pair) {
        snprintf(n, sizeof n, "%s%s_%s_link_f1_ratio", sys, label, a->key);
        bench_figure(n, f);
        if (a->om_gold + a->ad_gold > 0) {
            snprintf(n, sizeof n, "%s%s_%s_omitted_added_recall_ratio", sys,
                     label, a->key);
            bench_figure(n, ratio(a->om_tp + a->ad_tp,
                                  a->om_gold + a->ad_gold));
        }
        return;
    }
#define FIG(suffix, v)                                                      \
    do {                                                                    \
        snprintf(n, sizeof n, "%s%s_%s", sys, label, suffix);               \
        bench_figure(n, v);                                                 \
    } while (0)
    FIG("link_precision_ratio", p);
    FIG("link_recall_ratio", r);
    FIG("link_f1_ratio", f);
    if (a->om_gold + a->om_pred > 0) {
        FIG("omitted_precision_ratio", ratio(a->om_tp, a->om_pred));
        FIG("omitted_recall_ratio", ratio(a->om_tp, a->om_gold));
    }
    if (a->ad_gold + a->ad_pred > 0) {
        FIG("added_precision_ratio", ratio(a->ad_tp, a->ad_pred));
        FIG("added_recall_ratio", ratio(a->ad_tp, a->ad_gold));
    }
    if (a->mv_gold > 0)
        FIG("moved_recall_ratio", ratio(a->mv_tp, a->mv_gold));
    if (!sys[0]) {
        static const char *rn[4] = {"translation", "rewrite", "same_story",
                                    "different_story"};
        for (int k = 0; k < 4; k++) {
            snprintf(n, sizeof n, "%s_relation_%s_count", label, rn[k]);
            bench_count(n, a->rel[k]);
        }
        snprintf(n, sizeof n, "%s_pairs_count", label);
        bench_count(n, a->pairs);
    }
#undef FIG
}

int main(int argc, char **argv)
{
    const char *manifest = NULL, *label = "align";
    int facts = 1, baseline = 1;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--label") == 0 && i + 1 < argc)
            label = argv[++i];
        else if (strcmp(argv[i], "--no-facts") == 0)
            facts = 0;
        else if (strcmp(argv[i], "--no-baseline") == 0)
            baseline = 0;
        else
            manifest = argv[i];
    }
    if (!manifest) {
        fprintf(stderr, "usage: bench_align_eval MANIFEST [--label L]\n");
        return 2;
    }
    FILE *mf = fopen(manifest, "r");
    if (!mf) {
        perror(manifest);
        return 2;
    }
    story_ctx *ctx = bench_ctx();
    char *line = NULL;
    size_t cap = 0;
    double t_align = 0, coarsened = 0;
    size_t n_sent = 0;
    while (getline(&line, &cap, mf) > 0) {
        json_error_t je;
        json_t *m = json_loads(line, 0, &je);
        if (!m)
            continue;
        const char *la = json_string_value(json_object_get(m, "lang_a"));
        const char *lb = json_string_value(json_object_get(m, "lang_b"));
        const char *pa = json_string_value(json_object_get(m, "a"));
        const char *pb = json_string_value(json_object_get(m, "b"));
        int par = strcmp(json_string_value(json_object_get(m, "level")),
                         "paragraph") == 0;
        char key[32];
        snprintf(key, sizeof key, "%s_%s", la, lb);
        story_article *A = load(ctx, pa, la), *B = load(ctx, pb, lb);
        size_t fla = 0, flb = 0;
        char *fa_txt = bench_read_file(pa, &fla);
        char *fb_txt = bench_read_file(pb, &flb);
        if (!A || !B || !fa_txt || !fb_txt) {
            story_article_free(A);
            story_article_free(B);
            free(fa_txt);
            free(fb_txt);
            json_decref(m);
            continue;
        }
        story_factset *FA = NULL, *FB = NULL;
        if (facts) {
            story_error e;
            if (story_facts_extract(&FA, ctx, A, &e) != 0)
                FA = NULL;
            if (story_facts_extract(&FB, ctx, B, &e) != 0)
                FB = NULL;
        }
        story_alignment *al = NULL;
        story_error e;
        double t0 = bench_now(1);
        int rc = story_align(&al, ctx, A, FA, B, FB, NULL, &e);
        t_align += bench_now(1) - t0;
        n_sent += A->n_sentences + B->n_sentences;
        if (rc != 0) {
            fprintf(stderr, "align_eval: %s: %s\n",
                    json_string_value(json_object_get(m, "id")), e.message);
        } else {
            json_t *ua = json_object_get(m, "units_a");
            json_t *ub = json_object_get(m, "units_b");
            side_map ma = {calloc(json_array_size(ua) + 1, sizeof(size_t)),
                           calloc(json_array_size(ua) + 1, sizeof(size_t)),
                           json_array_size(ua)};
            side_map mb = {calloc(json_array_size(ub) + 1, sizeof(size_t)),
                           calloc(json_array_size(ub) + 1, sizeof(size_t)),
                           json_array_size(ub)};
            locate(ma.pos, ma.len, fa_txt, ua, A);
            locate(mb.pos, mb.len, fb_txt, ub, B);
            /* gold links over units */
            json_t *g = json_object_get(m, "gold");
            size_t ng = json_array_size(g);
            plink *gl = calloc(ng + 1, sizeof *gl);
            for (size_t k = 0; k < ng; k++) {
                json_t *x = json_array_get(g, k);
                json_t *xa = json_object_get(x, "a"),
                       *xb = json_object_get(x, "b");
                gl[k].a = calloc(json_array_size(xa) + 1, sizeof(size_t));
                gl[k].b = calloc(json_array_size(xb) + 1, sizeof(size_t));
                for (size_t i = 0; i < json_array_size(xa); i++) {
                    size_t u = (size_t)json_integer_value(
                        json_array_get(xa, i));
                    if (ma.pos[u] != (size_t)-1)
                        gl[k].a[gl[k].na++] = u;
                }
                for (size_t i = 0; i < json_array_size(xb); i++) {
                    size_t u = (size_t)json_integer_value(
                        json_array_get(xb, i));
                    if (mb.pos[u] != (size_t)-1)
                        gl[k].b[gl[k].nb++] = u;
                }
                const char *kd =
                    json_string_value(json_object_get(x, "kind"));
                gl[k].kind = strcmp(kd, "moved") == 0 ? 1 : 0;
            }
            if (!getenv("ALIGN_EVAL_STRICT_UNITS")) {
                unsigned char *ja = calloc(ma.n + 1, 1),
                              *jb = calloc(mb.n + 1, 1);
                unit_joins(ja, A, par, ma.pos, ma.len, ma.n);
                unit_joins(jb, B, par, mb.pos, mb.len, mb.n);
                size_t ng0 = ng;
                ng = coarsen_gold(gl, ng, ja, ma.n, jb, mb.n);
                coarsened += (double)(ng0 - ng);
                free(ja);
                free(jb);
            }
            if (getenv("ALIGN_EVAL_LABELS") && !par)
                print_labels(json_string_value(json_object_get(m, "id")),
                             key, al, A, B, gl, ng, &ma, &mb);
            plink *pl;
            size_t np = project(&pl, par ? al->par_links : al->links,
                                par ? al->n_par_links : al->n_links, A, B,
                                par, &ma, &mb);
            if (getenv("ALIGN_EVAL_LINKS")) {
                /* predicted and gold components over gold units */
                comp *pc, *gc;
                size_t npc = components(&pc, pl, np, ma.n, mb.n);
                size_t ngc = components(&gc, gl, ng, ma.n, mb.n);
                fprintf(stderr, "links %s %s",
                        json_string_value(json_object_get(m, "id")), key);
                for (size_t q = 0; q < npc; q++)
                    fprintf(stderr, " p%s%s", pc[q].sig,
                            pc[q].moved ? "m" : "");
                for (size_t q = 0; q < ngc; q++)
                    fprintf(stderr, " g%s%s", gc[q].sig,
                            gc[q].moved ? "m" : "");
                fprintf(stderr, "\n");
                free(pc);
                free(gc);
            }
            const char *keys[2] = {key, "all"};
            for (int q = 0; q < 2; q++) {
                acc *ac = acc_get(0, keys[q]);
                score(ac, pl, np, gl, ng, ma.n, mb.n);
                ac->rel[al->relation]++;
                ac->pairs++;
            }
            if (getenv("ALIGN_EVAL_ERRORS")) {
                if (getenv("ALIGN_EVAL_ERRORS")[0] == '2')
                    fprintf(stderr, "pair %s\n",
                            json_string_value(json_object_get(m, "id")));
                classify(key, pl, np, gl, ng, ma.n, mb.n);
                classify("all", pl, np, gl, ng, ma.n, mb.n);
            }
            if (getenv("ALIGN_EVAL_VERBOSE")) {
                acc tmp;
                memset(&tmp, 0, sizeof tmp);
                score(&tmp, pl, np, gl, ng, ma.n, mb.n);
                /* sentence coverage (characters) by links of score
                 * >= 0.1, per side */
                double cv[2] = {0, 0}, tt[2] = {0, 0};
                for (int sd = 0; sd < 2; sd++) {
                    const story_article *X = sd ? B : A;
                    for (size_t q = 0; q < X->n_sentences; q++)
                        tt[sd] += (double)(X->sentences[q].end -
                                           X->sentences[q].start);
                }
                for (size_t k = 0; k < al->n_links; k++) {
                    const story_link *L = &al->links[k];
                    if (!L->n_a || !L->n_b || L->score < 0.1)
                        continue;
                    for (size_t q = L->a; q < L->a + L->n_a; q++)
                        cv[0] += (double)(A->sentences[q].end -
                                          A->sentences[q].start);
                    for (size_t q = L->b; q < L->b + L->n_b; q++)
                        cv[1] += (double)(B->sentences[q].end -
                                          B->sentences[q].start);
                }
                fprintf(stderr,
                        "%s tp=%g pred=%g gold=%g rel=%s overall=%.3f "
                        "cov=%.2f,%.2f\n",
                        json_string_value(json_object_get(m, "id")), tmp.tp,
                        tmp.pred, tmp.gold,
                        story_relation_name(al->relation), al->sim_overall,
                        tt[0] > 0 ? cv[0] / tt[0] : 0,
                        tt[1] > 0 ? cv[1] / tt[1] : 0);
            }
            const char *dump = getenv("ALIGN_EVAL_DUMP");
            if (dump && strstr(json_string_value(json_object_get(m, "id")),
                               dump)) {
                const story_link *L = par ? al->par_links : al->links;
                size_t NL = par ? al->n_par_links : al->n_links;
                for (size_t k = 0; k < NL; k++)
                    fprintf(stderr, "  link a=%zu+%zu b=%zu+%zu %.3f %s\n",
                            L[k].a, L[k].n_a, L[k].b, L[k].n_b, L[k].score,
                            story_link_kind_name(L[k].kind));
                for (int sd = 0; sd < 2 && !par; sd++) {
                    const story_article *X = sd ? B : A;
                    for (size_t q = 0; q < X->n_sentences; q++) {
                        size_t st = X->sentences[q].start,
                               en = X->sentences[q].end;
                        fprintf(stderr, "  %c%zu %.60s\n", sd ? 'b' : 'a', q,
                                X->text + st);
                        (void)en;
                    }
                }
                fprintf(stderr, "  gold %s\n  sim %s\n",
                        json_dumps(g, JSON_COMPACT), al->similarity_json);
            }
            if (getenv("ALIGN_EVAL_SCORES")) {
                /* per 1-1 match link: score / median 1-1 score of the
                 * pair, and whether its A unit is a deleted one */
                const story_link *L = par ? al->par_links : al->links;
                size_t NL = par ? al->n_par_links : al->n_links;
                double *v = calloc(NL + 1, sizeof *v);
                size_t nv = 0;
                for (size_t k = 0; k < NL; k++)
                    if (L[k].n_a == 1 && L[k].n_b == 1 &&
                        L[k].kind == STORY_LINK_MATCH)
                        v[nv++] = L[k].score;
                for (size_t x = 1; x < nv; x++)
                    for (size_t y = x; y > 0 && v[y - 1] > v[y]; y--) {
                        double t = v[y];
                        v[y] = v[y - 1];
                        v[y - 1] = t;
                    }
                double med = nv ? v[nv / 2] : 1;
                unsigned char *gdel = calloc(ma.n + 1, 1);
                for (size_t k = 0; k < ng; k++)
                    if (gl[k].nb == 0)
                        for (size_t i = 0; i < gl[k].na; i++)
                            gdel[gl[k].a[i]] = 1;
                for (size_t k = 0; k < np; k++) {
                    const story_link *o = NULL;
                    (void)o;
                }
                size_t pk = 0;
                for (size_t k = 0; k < NL; k++) {
                    if (!(L[k].n_a == 1 && L[k].n_b == 1 &&
                          L[k].kind == STORY_LINK_MATCH))
                        continue;
                    size_t s0 = par ? A->paragraphs[L[k].a].start
                                    : A->sentences[L[k].a].start;
                    size_t e0 = par ? A->paragraphs[L[k].a].end
                                    : A->sentences[L[k].a].end;
                    size_t u[8];
                    size_t nu = units_of(u, 8, s0, e0, ma.pos, ma.len, ma.n);
                    int del = nu > 0 && gdel[u[0]];
                    fprintf(stderr, "score %s %.3f %.3f %s\n", key,
                            L[k].score / (med > 0 ? med : 1), L[k].score,
                            del ? "del" : "real");
                    pk++;
                }
                free(v);
                free(gdel);
            }
            plinks_free(pl, np);
            if (baseline) {
                size_t n1 = par ? A->n_paragraphs : A->n_sentences;
                size_t n2 = par ? B->n_paragraphs : B->n_sentences;
                double *l1 = calloc(n1 + 1, sizeof *l1);
                double *l2 = calloc(n2 + 1, sizeof *l2);
                for (size_t i = 0; i < n1; i++)
                    l1[i] = par ? (double)(A->paragraphs[i].end -
                                           A->paragraphs[i].start)
                                : (double)(A->sentences[i].end -
                                           A->sentences[i].start);
                for (size_t j = 0; j < n2; j++)
                    l2[j] = par ? (double)(B->paragraphs[j].end -
                                           B->paragraphs[j].start)
                                : (double)(B->sentences[j].end -
                                           B->sentences[j].start);
                story_link *gcl;
                size_t ngc = gale_church(&gcl, l1, n1, l2, n2);
                size_t npg = project(&pl, gcl, ngc, A, B, par, &ma, &mb);
                for (int q = 0; q < 2; q++)
                    score(acc_get(1, keys[q]), pl, npg, gl, ng, ma.n, mb.n);
                plinks_free(pl, npg);
                free(gcl);
                free(l1);
                free(l2);
            }
            plinks_free(gl, ng);
            free(ma.pos);
            free(ma.len);
            free(mb.pos);
            free(mb.len);
        }
        story_alignment_free(al);
        story_factset_free(FA);
        story_factset_free(FB);
        story_article_free(A);
        story_article_free(B);
        free(fa_txt);
        free(fb_txt);
        json_decref(m);
    }
    free(line);
    fclose(mf);
    for (size_t i = 0; i < naccs[0]; i++)
        if (strcmp(accs[0][i].key, "all") != 0) {
            print_acc(label, "", &accs[0][i], 1);
            if (baseline)
                print_acc(label, "gc_", acc_get(1, accs[0][i].key), 1);
        }
    print_acc(label, "", acc_get(0, "all"), 0);
    if (getenv("ALIGN_EVAL_ERRORS"))
        print_errors();
    if (baseline)
        print_acc(label, "gc_", acc_get(1, "all"), 0);
    char n[128];
    snprintf(n, sizeof n, "%s_gold_links_merged_count", label);
    bench_count(n, coarsened);
    snprintf(n, sizeof n, "%s_align_sentences_per_s", label);
    bench_figure(n, t_align > 0 ? n_sent / t_align : 0);
    story_ctx_free(ctx);
    return 0;
}
