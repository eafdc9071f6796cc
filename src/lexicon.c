/* Bilingual lexicons (see lexicon.h). */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "align_internal.h"
#include "lexicon.h"
#include "stem.h"

struct story__lexicon {
    char pair[16];      /* "from-to" */
    sd_intern src, dst; /* source words (and stems), translations */
    uint32_t *off;      /* CSR: src id -> [off[id], off[id+1]) in tr */
    const char **tr;    /* translation strings (borrowed from dst) */
    size_t n_head;
    uint32_t *sorted;   /* src ids sorted by string (lookup_near) */
};

typedef struct lex_cache {
    story__lexicon **lx; /* NULL entries cache "no lexicon" */
    char (*pair)[16];
    size_t n;
} lex_cache;

static void lexicon_free(story__lexicon *lx)
{
    if (!lx)
        return;
    story__sd_intern_free(&lx->src);
    story__sd_intern_free(&lx->dst);
    free(lx->off);
    free(lx->tr);
    free(lx->sorted);
    free(lx);
}

static void cache_free(void *p)
{
    lex_cache *c = p;
    for (size_t i = 0; i < c->n; i++)
        lexicon_free(c->lx[i]);
    free(c->lx);
    free(c->pair);
    free(c);
}

typedef struct pair32 {
    uint32_t s, d;
} pair32;

/* qsort context for the sorted headword index: qsort has no context
 * argument, so one per thread (contexts in several threads each load
 * their lexicons; a shared variable crashed them, fresh-user H0) */
static _Thread_local const sd_intern *sort_src;

static int cmp_src(const void *x, const void *y)
{
    return strcmp(sort_src->str[*(const uint32_t *)x],
                  sort_src->str[*(const uint32_t *)y]);
}

static int cmp_pair(const void *x, const void *y)
{
    const pair32 *a = x, *b = y;
    if (a->s != b->s)
        return a->s < b->s ? -1 : 1;
    return (a->d > b->d) - (a->d < b->d);
}

static int add_pair(story_vec *v, story__lexicon *lx, const char *s,
                    size_t sn, const char *d, size_t dn)
{
    int oom = 0;
    pair32 p;
    p.s = story__sd_intern_id(&lx->src, s, sn, 1, &oom);
    p.d = story__sd_intern_id(&lx->dst, d, dn, 1, &oom);
    if (oom || !story_vec_push(v, &p))
        return -1;
    return 0;
}

/* Load `path`; reverse != 0 reads "x TAB y..." as y -> x. */
static int lexicon_load(story__lexicon **out, story_ctx *ctx, const char *path,
                        const char *from, int reverse, story_error *err)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return story__error(err, STORY_ELOCALE, path, -1,
                            "cannot open lexicon");
    story__lexicon *lx = story__calloc(1, sizeof *lx);
    story_vec pairs;
    story_vec_init(&pairs, sizeof(pair32));
    story_buf stem = {0};
    char *line = NULL;
    size_t cap = 0;
    long lineno = 0;
    int rc = 0;
    if (!lx) {
        rc = story__error(err, STORY_ENOMEM, path, -1, "out of memory");
        goto done;
    }
    story__sd_intern_init(&lx->src);
    story__sd_intern_init(&lx->dst);
    ssize_t len;
    while ((len = getline(&line, &cap, f)) >= 0) {
        lineno++;
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        if (len == 0 || line[0] == '#')
            continue;
        char *tab = strchr(line, '\t');
        if (!tab || tab == line || !tab[1]) {
            rc = story__error(err, STORY_ELOCALE, path, -1,
                              "line %ld: expected 'headword<TAB>translations'",
                              lineno);
            goto done;
        }
        *tab = '\0';
        const char *head = line;
        size_t hn = (size_t)(tab - line);
        char *p = tab + 1;
        /* the stem of the headword (source side) also indexes the entry */
        const char *src_word = reverse ? NULL : head;
        int have_stem = 0;
        if (!reverse) {
            stem.len = 0;
            if (story__stem(ctx, from, head, hn, &stem, NULL) == 0 &&
                stem.data && stem.len > 0 &&
                (stem.len != hn || memcmp(stem.data, head, hn) != 0))
                have_stem = 1;
        }
        while (*p) {
            char *sp = strchr(p, ' ');
            size_t tn = sp ? (size_t)(sp - p) : strlen(p);
            if (tn > 0) {
                if (!reverse) {
                    if (add_pair(&pairs, lx, src_word, hn, p, tn) != 0 ||
                        (have_stem && add_pair(&pairs, lx, stem.data,
                                               stem.len, p, tn) != 0))
                        goto oom;
                } else {
                    if (add_pair(&pairs, lx, p, tn, head, hn) != 0)
                        goto oom;
                    stem.len = 0;
                    if (story__stem(ctx, from, p, tn, &stem, NULL) == 0 &&
                        stem.data && stem.len > 0 &&
                        (stem.len != tn || memcmp(stem.data, p, tn) != 0) &&
                        add_pair(&pairs, lx, stem.data, stem.len, head,
                                 hn) != 0)
                        goto oom;
                }
            }
            if (!sp)
                break;
            p = sp + 1;
        }
        lx->n_head++;
    }
    qsort(pairs.data, pairs.len, sizeof(pair32), cmp_pair);
    lx->off = story__calloc((size_t)lx->src.n + 1, sizeof *lx->off);
    lx->tr = story__malloc((pairs.len + 1) * sizeof *lx->tr);
    if (!lx->off || !lx->tr)
        goto oom;
    {
        pair32 *pp = pairs.data;
        size_t w = 0;
        for (size_t i = 0; i < pairs.len; i++)
            if (w == 0 || pp[i].s != pp[w - 1].s || pp[i].d != pp[w - 1].d)
                pp[w++] = pp[i];
        size_t k = 0;
        for (uint32_t s = 0; s < lx->src.n; s++) {
            lx->off[s] = (uint32_t)k;
            while (k < w && pp[k].s == s) {
                lx->tr[k] = lx->dst.str[pp[k].d];
                k++;
            }
        }
        lx->off[lx->src.n] = (uint32_t)k;
    }
    lx->sorted = story__malloc(((size_t)lx->src.n + 1) * sizeof *lx->sorted);
    if (!lx->sorted)
        goto oom;
    for (uint32_t s = 0; s < lx->src.n; s++)
        lx->sorted[s] = s;
    sort_src = &lx->src;
    qsort(lx->sorted, lx->src.n, sizeof *lx->sorted, cmp_src);
    sort_src = NULL;
    *out = lx;
    lx = NULL;
    goto done;
oom:
    rc = story__error(err, STORY_ENOMEM, path, -1, "out of memory");
done:
    free(line);
    fclose(f);
    story_buf_free(&stem);
    story_vec_free(&pairs);
    lexicon_free(lx);
    return rc;
}

int story__lexicon_get(const story__lexicon **out, story_ctx *ctx,
                       const char *from, const char *to, story_error *err)
{
    *out = NULL;
    if (!from || !to || !*from || !*to || strlen(from) > 7 ||
        strlen(to) > 7)
        return 0;
    char key[16];
    snprintf(key, sizeof key, "%s-%s", from, to);
    lex_cache *c = story__ctx_get(ctx, STORY_MOD_LEXICON);
    if (!c) {
        c = story__calloc(1, sizeof *c);
        if (!c)
            return story__error(err, STORY_ENOMEM, NULL, -1,
                                "out of memory");
        story__ctx_set(ctx, STORY_MOD_LEXICON, c, cache_free);
    }
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->pair[i], key) == 0) {
            *out = c->lx[i];
            return 0;
        }
    const char *dir = story_ctx_locales_dir(ctx);
    size_t plen = strlen(dir) + 48;
    char *path = story__malloc(plen);
    if (!path)
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    story__lexicon *lx = NULL;
    int rc = 0;
    snprintf(path, plen, "%s/lexicon/%s-%s.tsv", dir, from, to);
    FILE *t = fopen(path, "r");
    int reverse = 0;
    if (!t) {
        snprintf(path, plen, "%s/lexicon/%s-%s.tsv", dir, to, from);
        t = fopen(path, "r");
        reverse = 1;
    }
    if (t) {
        fclose(t);
        rc = lexicon_load(&lx, ctx, path, from, reverse, err);
    }
    free(path);
    if (rc != 0)
        return rc;
    story__lexicon **nl = story__realloc(c->lx, (c->n + 1) * sizeof *nl);
    if (nl)
        c->lx = nl;
    char(*np)[16] = story__realloc(c->pair, (c->n + 1) * sizeof *np);
    if (np)
        c->pair = np;
    if (!nl || !np) {
        lexicon_free(lx);
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    }
    if (lx)
        snprintf(lx->pair, sizeof lx->pair, "%s", key);
    c->lx[c->n] = lx;
    memcpy(c->pair[c->n], key, sizeof key);
    c->n++;
    *out = lx;
    return 0;
}

size_t story__lexicon_lookup(const story__lexicon *lx, const char *w,
                             size_t n, const char *const **tr)
{
    *tr = NULL;
    if (!lx)
        return 0;
    uint32_t id = story__sd_intern_id((sd_intern *)&lx->src, w, n, 0, NULL);
    if (id == UINT32_MAX)
        return 0;
    *tr = lx->tr + lx->off[id];
    return lx->off[id + 1] - lx->off[id];
}

/* Code points of s[0, n). */
static size_t cps(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            c++;
    return c;
}

size_t story__lexicon_lookup_near(const story__lexicon *lx, const char *w,
                                  size_t n, size_t min_cp, double share,
                                  const char *const **tr)
{
    *tr = NULL;
    if (!lx || !lx->sorted || lx->src.n == 0 || min_cp == 0)
        return 0;
    /* key: the first min_cp code points of w */
    size_t kl = 0, k = 0;
    while (kl < n && k < min_cp) {
        kl++;
        while (kl < n && ((unsigned char)w[kl] & 0xC0) == 0x80)
            kl++;
        k++;
    }
    if (k < min_cp)
        return 0;
    size_t lo = 0, hi = lx->src.n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strncmp(lx->src.str[lx->sorted[mid]], w, kl) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    size_t wc = cps(w, n), best_c = 0, best_len = SIZE_MAX;
    uint32_t best = UINT32_MAX;
    for (size_t q = lo; q < lx->src.n; q++) {
        const char *h = lx->src.str[lx->sorted[q]];
        if (strncmp(h, w, kl) != 0)
            break;
        size_t hn = strlen(h), i = 0;
        while (i < hn && i < n && h[i] == w[i])
            i++;
        while (i > 0 && i < hn && ((unsigned char)h[i] & 0xC0) == 0x80)
            i--; /* back to a code point boundary */
        size_t c = cps(h, i), hc = cps(h, hn);
        size_t sh = hc < wc ? hc : wc;
        if (c < min_cp || (double)c < share * (double)sh)
            continue;
        if (c > best_c || (c == best_c && hn < best_len)) {
            best_c = c;
            best_len = hn;
            best = lx->sorted[q];
        }
    }
    if (best == UINT32_MAX)
        return 0;
    *tr = lx->tr + lx->off[best];
    return lx->off[best + 1] - lx->off[best];
}

size_t story__lexicon_size(const story__lexicon *lx)
{
    return lx ? lx->n_head : 0;
}
