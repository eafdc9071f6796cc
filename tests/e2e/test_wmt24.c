/*
 * End to end on the WMT24 news stories ($STORYDIFF_CORPUS/articles/wmt24/,
 * 17 stories, English + 9 professional translations, read in place).
 * Gold: paragraph i of en.txt says what paragraph i of xx.txt says.
 *
 * 1. Unchanged pairs (en vs xx, 153 pairs): paragraph alignment strict link
 *    precision / recall / F1 against the gold, per language and overall;
 *    and no quantity may come out "changed" (faithful translations),
 *    except the reference errors listed in KNOWN, which must be found.
 * 2. Changed pairs: B' is built here from each translation by deleting two
 *    paragraphs and moving one (positions drawn by a fixed-seed LCG, never
 *    paragraph 0, which may be the headline). The deleted paragraphs must
 *    be reported omitted (their A paragraphs in a paragraph link with no B
 *    side) and the moved one found (its A paragraph linked to the moved B
 *    paragraph, kind match or moved).
 *
 * Article paragraphs are mapped back to file paragraphs by their text
 * (white space collapsed), so a headline taken as title or a dropped
 * boilerplate line does not shift the gold.
 *
 * Thresholds (MIN_* below) sit under the figures measured when this test
 * was written (printed by the test: run ctest -V -R e2e.wmt24); see the
 * commit message and docs for the measured values.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "support.h"

/* Measured 2026-11-30 ~10:50 UTC (printed by the test): unchanged
 * paragraph F1 per language cs 1.000, de 0.997, es 1.000, hi 0.970,
 * is 1.000, ja 0.997, ru 1.000, uk 1.000, zh 0.976 (all 0.993); changed
 * pairs: F1 0.923, omitted-paragraph recall 0.845 (precision 0.55-1.0 by
 * language), moved paragraph found 0.794. Later runs the same day, as the
 * aligner changed: per-language unchanged F1 0.90-1.00 (all 0.971-0.993),
 * changed F1 0.86-0.92, omitted recall 0.85-0.95, moved 0.57-0.81. The
 * thresholds sit below, so that a regression fails; raise them as the
 * aligner settles. */
#define MIN_F1_UNCHANGED_LANG 0.88 /* each language (zh: 0.90-0.98) */
#define MIN_F1_UNCHANGED 0.95      /* all 153 pairs */
#define MIN_F1_CHANGED 0.85
#define MIN_OMITTED_RECALL 0.80
#define MIN_MOVED_FOUND 0.70

/* Reference translations that really do change a number (checked by
 * reading both files): storydiff must report these as "changed", and they
 * are not counted as false alarms. */
static const struct known_change {
    const char *story, *lang;
    double a, b;
} KNOWN[] = {
    /* en "£1.8 billion" was translated "1.8 миллионов фунтов" (million) */
    {"scotsman.87462", "ru", 1.8e9, 1.8e6},
    /* en "£1.8 billion" was translated "1,8 Milliarden Euro" (currency) */
    {"scotsman.87462", "de", 1.8e9, 1.8e9},
    /* en "£6 million-plus" was translated "mehr als sechs Millionen Euro" */
    {"scotsman.87448", "de", 6e6, 6e6},
    /* en "N585 million" (naira) was translated "585 мільйонів євро" */
    {"ventures_africa-ar.1773", "uk", 585e6, 585e6},
    /* en "$34 trillion" (10^12) was translated "34 Trillionen $"; a German
     * Trillion is 10^18 (the German for 10^12 is Billion) */
    {"newsweek.63908", "de", 34e12, 34e18},
    /* found by the only-number pass (an in-order sentence pair with one
     * number on each side, same unit): en "an estimated $16 billion" was
     * translated "16 миллионов долларов" (million) */
    {"newsweek.63908", "ru", 16e9, 16e6},
    /* en "N585 million" was translated "858 Millionen Naira" (digits) */
    {"ventures_africa-ar.1773", "de", 585e6, 858e6},
    /* en "transfer N585 million" was translated "převést 585 nigerijských
     * nair" (the million dropped) */
    {"ventures_africa-ar.1773", "cs", 585e6, 585},
    /* the en sentence of the N585 million transfer is hedged
     * ("purportedly"); the ru and zh translations drop the hedge: an
     * unverified changed quantity (hedge cues, session 18) */
    {"ventures_africa-ar.1773", "ru", 585e6, 585e6},
    {"ventures_africa-ar.1773", "zh", 585e6, 585e6},
};
#define N_KNOWN (sizeof KNOWN / sizeof *KNOWN)
static int known_seen[N_KNOWN];

/* 1 when (story, lang, a -> b) is a known reference error; marks it seen. */
static int known_change(const char *story, const char *lang, double a,
                        double b)
{
    for (size_t i = 0; i < N_KNOWN; i++)
        if (!strcmp(KNOWN[i].story, story) && !strcmp(KNOWN[i].lang, lang) &&
            KNOWN[i].a == a && KNOWN[i].b == b) {
            known_seen[i] = 1;
            return 1;
        }
    return 0;
}

static const char *const LANGS[] = {"cs", "de", "es", "hi", "is",
                                    "ja", "ru", "uk", "zh"};
#define N_LANGS (sizeof LANGS / sizeof *LANGS)

typedef struct paras {
    char **p; /* normalised text of each paragraph */
    char **raw;
    size_t n;
} paras;

/* Collapse white space runs to one space, trim. */
static char *norm(const char *s, size_t n)
{
    char *o = malloc(n + 1);
    size_t k = 0;
    int sp = 1;
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            if (!sp)
                o[k++] = ' ';
            sp = 1;
        } else {
            o[k++] = c;
            sp = 0;
        }
    }
    while (k && o[k - 1] == ' ')
        k--;
    o[k] = '\0';
    return o;
}

/* Paragraphs of a plain-text file: separated by blank lines. */
static paras split(const char *text)
{
    paras ps = {NULL, NULL, 0};
    const char *s = text;
    size_t cap = 0;
    while (*s) {
        while (*s == '\n' || *s == '\r')
            s++;
        if (!*s)
            break;
        const char *e = strstr(s, "\n\n");
        size_t n = e ? (size_t)(e - s) : strlen(s);
        char *p = norm(s, n);
        if (*p) {
            if (ps.n == cap) {
                cap = cap ? cap * 2 : 32;
                ps.p = realloc(ps.p, cap * sizeof *ps.p);
                ps.raw = realloc(ps.raw, cap * sizeof *ps.raw);
            }
            ps.raw[ps.n] = strndup(s, n);
            ps.p[ps.n++] = p;
        } else
            free(p);
        s += n;
    }
    return ps;
}

static void paras_free(paras *ps)
{
    for (size_t i = 0; i < ps->n; i++) {
        free(ps->p[i]);
        free(ps->raw[i]);
    }
    free(ps->p);
    free(ps->raw);
}

/* For each article paragraph, the index of the file paragraph it comes
 * from (origin[] maps file paragraphs of a built B' back to the original
 * file), or -1. */
static long *map_paragraphs(const story_article *a, const paras *file,
                            const long *origin)
{
    long *m = malloc((a->n_paragraphs + 1) * sizeof *m);
    for (size_t i = 0; i < a->n_paragraphs; i++) {
        const story_paragraph *p = &a->paragraphs[i];
        char *t = norm(a->text + p->start, p->end - p->start);
        m[i] = -1;
        for (size_t j = 0; j < file->n && m[i] < 0; j++)
            if (!strcmp(t, file->p[j]))
                m[i] = (long)j;
        for (size_t j = 0; j < file->n && m[i] < 0 && strlen(t) >= 20; j++)
            if (strstr(file->p[j], t) || strstr(t, file->p[j]))
                m[i] = (long)j;
        if (m[i] >= 0 && origin)
            m[i] = origin[m[i]];
        free(t);
    }
    return m;
}

typedef struct score {
    double tp, fp, fn;
    double om_tp, om_fn, om_fp;
    double mv_found, mv_total;
    size_t changed_quantities, pairs;
} score;

static double f1(const score *s)
{
    double p = s->tp + s->fp > 0 ? s->tp / (s->tp + s->fp) : 1;
    double r = s->tp + s->fn > 0 ? s->tp / (s->tp + s->fn) : 1;
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
}

/* Score the paragraph links of one comparison. ma/mb: file paragraph of
 * each article paragraph. */
static void score_links(score *s, const story_comparison *c, const long *ma,
                        const long *mb)
{
    const story_alignment *al = c->alignment;
    size_t na = c->a->n_paragraphs, nb = c->b->n_paragraphs;
    /* gold pairs: file paragraphs present on both sides */
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (ma[i] >= 0 && ma[i] == mb[j])
                s->fn += 1; /* turned into tp below when predicted */
    for (size_t k = 0; k < al->n_par_links; k++) {
        const story_link *l = &al->par_links[k];
        for (size_t i = l->a; i < l->a + l->n_a; i++)
            for (size_t j = l->b; j < l->b + l->n_b; j++) {
                if (i >= na || j >= nb)
                    continue;
                if (ma[i] >= 0 && ma[i] == mb[j]) {
                    s->tp += 1;
                    s->fn -= 1;
                } else
                    s->fp += 1;
            }
    }
    for (size_t i = 0; i < c->diff->n_entries; i++)
        if (c->diff->entries[i].category == STORY_DIFF_CHANGED &&
            c->diff->entries[i].type == STORY_FACT_QUANTITY)
            s->changed_quantities++;
    s->pairs++;
}

static story_article *ingest_text(story_ctx *ctx, const char *name,
                                  const char *text)
{
    story_article *a = NULL;
    story_error err;
    story_ingest_options io = STORY_INGEST_OPTIONS_INIT;
    io.format = "text";
    if (story_ingest_memory(&a, ctx, name, text, strlen(text), NULL, &io,
                            &err) != 0) {
        print_error("%s: %s\n", name, err.message);
        fail();
    }
    return a;
}

static story_comparison *compare(story_ctx *ctx, story_article *a,
                                 story_article *b)
{
    story_comparison *c = NULL;
    story_error err;
    story_compare_options co = STORY_COMPARE_OPTIONS_INIT;
    if (story_compare_articles_take(&c, ctx, a, b, &co, &err) != 0) {
        print_error("compare: %s: %s\n", err.source, err.message);
        fail();
    }
    return c;
}

static unsigned long lcg(unsigned long *st)
{
    *st = *st * 6364136223846793005UL + 1442695040888963407UL;
    return (*st >> 33) & 0x7fffffffUL;
}

/* B' from the translation: delete two paragraphs, move one. Returns the
 * text; origin[k] = original index of B' paragraph k; *del = deleted. */
static char *perturb(const paras *b, unsigned long seed, long *origin,
                     size_t *n_out, long del[2], long *moved)
{
    size_t n = b->n;
    long *order = malloc(n * sizeof *order);
    size_t k = 0;
    unsigned long st = seed;
    del[0] = 1 + (long)(lcg(&st) % (n - 1));
    do
        del[1] = 1 + (long)(lcg(&st) % (n - 1));
    while (del[1] == del[0]);
    do
        *moved = 1 + (long)(lcg(&st) % (n - 1));
    while (*moved == del[0] || *moved == del[1]);
    for (size_t i = 0; i < n; i++)
        if ((long)i != del[0] && (long)i != del[1] && (long)i != *moved)
            order[k++] = (long)i;
    /* reinsert the moved paragraph at least two places away */
    size_t old = 0;
    while (old < k && order[old] < *moved)
        old++;
    size_t pos;
    do
        pos = 1 + lcg(&st) % k;
    while (pos + 2 > old && pos < old + 2 && k > 4);
    memmove(order + pos + 1, order + pos, (k - pos) * sizeof *order);
    order[pos] = *moved;
    k++;
    size_t len = 0;
    for (size_t i = 0; i < k; i++)
        len += strlen(b->raw[order[i]]) + 2;
    char *t = malloc(len + 1), *w = t;
    for (size_t i = 0; i < k; i++) {
        size_t m = strlen(b->raw[order[i]]);
        memcpy(w, b->raw[order[i]], m);
        w += m;
        memcpy(w, "\n\n", 2);
        w += 2;
        origin[i] = order[i];
    }
    *w = '\0';
    *n_out = k;
    free(order);
    return t;
}

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(char *const *)x, *(char *const *)y);
}

static char **stories(const char *root, size_t *n)
{
    DIR *d = opendir(root);
    struct dirent *e;
    char **v = NULL;
    *n = 0;
    if (!d)
        return NULL;
    while ((e = readdir(d)))
        if (e->d_name[0] != '.') {
            v = realloc(v, (*n + 1) * sizeof *v);
            v[(*n)++] = strdup(e->d_name);
        }
    closedir(d);
    qsort(v, *n, sizeof *v, cmp_str);
    return v;
}

static void test_wmt24(void **state)
{
    (void)state;
    char *root = story_test_corpus_path("articles/wmt24");
    if (!root)
        skip();
    size_t n_st = 0;
    char **st = stories(root, &n_st);
    assert_true(n_st >= 17);
    story_ctx *ctx = story_test_ctx();
    score un[N_LANGS], ch[N_LANGS];
    size_t known_found = 0;
    memset(un, 0, sizeof un);
    memset(ch, 0, sizeof ch);

    for (size_t s = 0; s < n_st; s++) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s/en.txt", root, st[s]);
        char *en = story_test_read_file(path, NULL);
        assert_non_null(en);
        paras pa = split(en);
        for (size_t l = 0; l < N_LANGS; l++) {
            char bpath[4096];
            snprintf(bpath, sizeof bpath, "%s/%s/%s.txt", root, st[s],
                     LANGS[l]);
            char *xx = story_test_read_file(bpath, NULL);
            if (!xx)
                continue;
            paras pb = split(xx);

            /* 1. unchanged */
            story_comparison *c = compare(ctx, ingest_text(ctx, path, en),
                                          ingest_text(ctx, bpath, xx));
            long *ma = map_paragraphs(c->a, &pa, NULL);
            long *mb = map_paragraphs(c->b, &pb, NULL);
            score_links(&un[l], c, ma, mb);
            for (size_t i = 0; i < c->diff->n_entries; i++) {
                const story_diff_entry *e = &c->diff->entries[i];
                if (e->category != STORY_DIFF_CHANGED ||
                    e->type != STORY_FACT_QUANTITY)
                    continue;
                if (known_change(st[s], LANGS[l], c->fa->facts[e->a].number,
                                 c->fb->facts[e->b].number)) {
                    fprintf(stderr,
                            "known translation error found in %s/%s: %s\n",
                            st[s], LANGS[l], e->detail);
                    un[l].changed_quantities--;
                } else
                    fprintf(stderr, "changed quantity in %s/%s: %s\n",
                            st[s], LANGS[l], e->detail);
            }
            free(mb);
            free(ma);
            story_comparison_free(c);

            /* 2. changed: B' with two paragraphs deleted, one moved */
            if (pb.n >= 6 && pa.n == pb.n) {
                long *origin = malloc(pb.n * sizeof *origin), del[2], mv;
                size_t nbp = 0;
                char *bp = perturb(&pb, 0x5D1FFUL * (s + 1) + l, origin,
                                   &nbp, del, &mv);
                paras pbp = split(bp);
                c = compare(ctx, ingest_text(ctx, path, en),
                            ingest_text(ctx, "B'", bp));
                ma = map_paragraphs(c->a, &pa, NULL);
                mb = map_paragraphs(c->b, &pbp, origin);
                score_links(&ch[l], c, ma, mb);
                const story_alignment *al = c->alignment;
                for (size_t k = 0; k < al->n_par_links; k++) {
                    const story_link *lk = &al->par_links[k];
                    for (size_t i = lk->a; i < lk->a + lk->n_a; i++) {
                        if (i >= c->a->n_paragraphs || ma[i] < 0)
                            continue;
                        int deleted = ma[i] == del[0] || ma[i] == del[1];
                        if (lk->n_b == 0) {
                            if (deleted)
                                ch[l].om_tp += 1;
                            else
                                ch[l].om_fp += 1;
                        } else if (deleted) {
                            ch[l].om_fn += 1;
                        }
                        if (ma[i] == mv) {
                            int found = 0;
                            for (size_t j = lk->b; j < lk->b + lk->n_b; j++)
                                if (j < c->b->n_paragraphs && mb[j] == mv)
                                    found = 1;
                            ch[l].mv_found += found;
                            ch[l].mv_total += 1;
                        }
                    }
                }
                free(ma);
                free(mb);
                story_comparison_free(c);
                paras_free(&pbp);
                free(bp);
                free(origin);
            }
            paras_free(&pb);
            free(xx);
        }
        paras_free(&pa);
        free(en);
    }

    score tu, tc;
    memset(&tu, 0, sizeof tu);
    memset(&tc, 0, sizeof tc);
    for (size_t l = 0; l < N_LANGS; l++) {
        double omr = ch[l].om_tp + ch[l].om_fn > 0
                         ? ch[l].om_tp / (ch[l].om_tp + ch[l].om_fn)
                         : 1;
        double omp = ch[l].om_tp + ch[l].om_fp > 0
                         ? ch[l].om_tp / (ch[l].om_tp + ch[l].om_fp)
                         : 1;
        fprintf(stderr,
                "en-%s: unchanged paragraph F1 %.4f (%zu pairs, %zu changed "
                "quantities); changed: F1 %.4f, omitted P %.4f R %.4f, moved "
                "found %.0f/%.0f\n",
                LANGS[l], f1(&un[l]), un[l].pairs, un[l].changed_quantities,
                f1(&ch[l]), omp, omr, ch[l].mv_found, ch[l].mv_total);
        tu.tp += un[l].tp;
        tu.fp += un[l].fp;
        tu.fn += un[l].fn;
        tu.changed_quantities += un[l].changed_quantities;
        tu.pairs += un[l].pairs;
        tc.tp += ch[l].tp;
        tc.fp += ch[l].fp;
        tc.fn += ch[l].fn;
        tc.om_tp += ch[l].om_tp;
        tc.om_fn += ch[l].om_fn;
        tc.om_fp += ch[l].om_fp;
        tc.mv_found += ch[l].mv_found;
        tc.mv_total += ch[l].mv_total;
        tc.pairs += ch[l].pairs;
    }
    double omr = tc.om_tp + tc.om_fn > 0 ? tc.om_tp / (tc.om_tp + tc.om_fn)
                                         : 1;
    double mvr = tc.mv_total > 0 ? tc.mv_found / tc.mv_total : 1;
    fprintf(stderr,
            "all: unchanged F1 %.4f over %zu pairs, %zu changed quantities; "
            "changed F1 %.4f over %zu pairs, omitted recall %.4f, moved "
            "found %.4f\n",
            f1(&tu), tu.pairs, tu.changed_quantities, f1(&tc), tc.pairs, omr,
            mvr);
    story_ctx_free(ctx);
    for (size_t s = 0; s < n_st; s++)
        free(st[s]);
    free(st);
    free(root);

    assert_true(tu.pairs >= 150);
    assert_int_equal(tu.changed_quantities, 0);
    for (size_t k = 0; k < N_KNOWN; k++)
        known_found += (size_t)known_seen[k];
    assert_int_equal(known_found, N_KNOWN);
    assert_true(f1(&tu) >= MIN_F1_UNCHANGED);
    for (size_t l = 0; l < N_LANGS; l++)
        assert_true(f1(&un[l]) >= MIN_F1_UNCHANGED_LANG);
    assert_true(f1(&tc) >= MIN_F1_CHANGED);
    assert_true(omr >= MIN_OMITTED_RECALL);
    assert_true(mvr >= MIN_MOVED_FOUND);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_wmt24),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
