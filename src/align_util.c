/* Align module helpers: string interning and a 64-bit counter map. */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#include "align_internal.h"

static uint32_t fnv1a(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++) {
        h ^= (unsigned char)s[i];
        h *= 16777619u;
    }
    return h;
}

void story__sd_intern_init(sd_intern *t)
{
    memset(t, 0, sizeof *t);
}

void story__sd_intern_free(sd_intern *t)
{
    for (uint32_t i = 0; i < t->n; i++)
        free(t->str[i]);
    free(t->str);
    free(t->slot);
    memset(t, 0, sizeof *t);
}

static int intern_rehash(sd_intern *t, uint32_t nslot)
{
    uint32_t *s = story__calloc(nslot, sizeof *s);
    if (!s)
        return -1;
    for (uint32_t id = 0; id < t->n; id++) {
        uint32_t h = fnv1a(t->str[id], strlen(t->str[id])) & (nslot - 1);
        while (s[h])
            h = (h + 1) & (nslot - 1);
        s[h] = id + 1;
    }
    free(t->slot);
    t->slot = s;
    t->nslot = nslot;
    return 0;
}

uint32_t story__sd_intern_id(sd_intern *t, const char *s, size_t n, int add,
                             int *oom)
{
    if (t->nslot) {
        uint32_t h = fnv1a(s, n) & (t->nslot - 1);
        while (t->slot[h]) {
            const char *c = t->str[t->slot[h] - 1];
            if (strncmp(c, s, n) == 0 && c[n] == '\0')
                return t->slot[h] - 1;
            h = (h + 1) & (t->nslot - 1);
        }
    }
    if (!add)
        return UINT32_MAX;
    if ((t->n + 1) * 2 > t->nslot) {
        if (intern_rehash(t, t->nslot ? t->nslot * 2 : 1024) != 0)
            goto oom;
    }
    if (t->n == t->cap) {
        uint32_t nc = t->cap ? t->cap * 2 : 512;
        char **ns = story__realloc(t->str, nc * sizeof *ns);
        if (!ns)
            goto oom;
        t->str = ns;
        t->cap = nc;
    }
    char *dup = story__strndup(s, n);
    if (!dup)
        goto oom;
    uint32_t id = t->n++;
    t->str[id] = dup;
    uint32_t h = fnv1a(s, n) & (t->nslot - 1);
    while (t->slot[h])
        h = (h + 1) & (t->nslot - 1);
    t->slot[h] = id + 1;
    return id;
oom:
    if (oom)
        *oom = 1;
    return UINT32_MAX;
}

static uint64_t mix64(uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return x;
}

uint32_t story__sd_map64_add(sd_map64 *m, uint64_t key, uint32_t inc)
{
    if ((m->n + 1) * 2 > m->cap) {
        size_t nc = m->cap ? m->cap * 2 : 1024;
        uint64_t *nk = story__malloc(nc * sizeof *nk);
        uint32_t *nv = story__calloc(nc, sizeof *nv);
        if (!nk || !nv) {
            free(nk);
            free(nv);
            return 0;
        }
        for (size_t i = 0; i < m->cap; i++) {
            if (!m->val[i])
                continue;
            size_t h = mix64(m->key[i]) & (nc - 1);
            while (nv[h])
                h = (h + 1) & (nc - 1);
            nk[h] = m->key[i];
            nv[h] = m->val[i];
        }
        free(m->key);
        free(m->val);
        m->key = nk;
        m->val = nv;
        m->cap = nc;
    }
    size_t h = mix64(key) & (m->cap - 1);
    while (m->val[h] && m->key[h] != key)
        h = (h + 1) & (m->cap - 1);
    if (!m->val[h]) {
        m->key[h] = key;
        m->n++;
    }
    m->val[h] += inc;
    return m->val[h];
}

void story__sd_map64_free(sd_map64 *m)
{
    free(m->key);
    free(m->val);
    memset(m, 0, sizeof *m);
}

/* ---- in-order labels: the heaviest chain of links increasing on both
 * sides (weighted longest increasing subsequence with a Fenwick tree of
 * prefix maxima over B positions, O(n log n)) ---- */

typedef struct ord_best {
    uint64_t v; /* chain value ending here */
    size_t k;   /* its last link (index in l), SIZE_MAX = none */
} ord_best;

static size_t run_chars(const sd_side *s, size_t u, size_t nu)
{
    size_t c = 0;
    for (size_t i = u; i < u + nu && i < s->n; i++)
        c += s->u[i].chars;
    return c;
}

int story__sd_order_labels(sd_link *l, size_t n, const sd_side *A,
                           const sd_side *B)
{
    size_t m = B->n, nl = 0;
    for (size_t k = 0; k < n; k++)
        if ((l[k].kind == STORY_LINK_MATCH || l[k].kind == STORY_LINK_MOVED) &&
            l[k].na && l[k].nb && l[k].b + l[k].nb <= m)
            nl++;
    if (!nl || !m)
        return 0;
    size_t *idx = story__malloc(nl * sizeof *idx);
    size_t *prev = story__malloc(n * sizeof *prev);
    uint64_t *val = story__malloc(n * sizeof *val);
    ord_best *fw = story__calloc(m + 1, sizeof *fw);
    uint8_t *keep = story__calloc(n, 1);
    if (!idx || !prev || !val || !fw || !keep) {
        free(idx);
        free(prev);
        free(val);
        free(fw);
        free(keep);
        return -1;
    }
    nl = 0;
    for (size_t k = 0; k < n; k++)
        if ((l[k].kind == STORY_LINK_MATCH || l[k].kind == STORY_LINK_MOVED) &&
            l[k].na && l[k].nb && l[k].b + l[k].nb <= m)
            idx[nl++] = k;
    /* A order (insertion sort on the rare out-of-order link) */
    for (size_t x = 1; x < nl; x++) {
        size_t t = idx[x], y = x;
        while (y > 0 && l[idx[y - 1]].a > l[t].a) {
            idx[y] = idx[y - 1];
            y--;
        }
        idx[y] = t;
    }
    for (size_t i = 0; i <= m; i++)
        fw[i].k = SIZE_MAX;
    /* value: the units of both runs first, then the passes' own in-order
     * links (a tie keeps their choice: the DP's in-order link against an
     * order-free one), then characters */
    uint64_t scale = 1;
    for (size_t i = 0; i < A->n; i++)
        scale += A->u[i].chars;
    for (size_t j = 0; j < m; j++)
        scale += B->u[j].chars;
    ord_best best = {0, SIZE_MAX};
    for (size_t x = 0; x < nl; x++) {
        size_t k = idx[x];
        /* best chain ending at a B position < l[k].b */
        ord_best q = {0, SIZE_MAX};
        for (size_t i = l[k].b; i > 0; i -= i & (~i + 1))
            if (fw[i].v > q.v)
                q = fw[i];
        /* the predecessor must also end in A before this link starts */
        if (q.k != SIZE_MAX && l[q.k].a + l[q.k].na > l[k].a)
            q.v = 0, q.k = SIZE_MAX;
        uint64_t w = (uint64_t)(2 * (l[k].na + l[k].nb) +
                                (l[k].kind == STORY_LINK_MATCH)) *
                         scale +
                     run_chars(A, l[k].a, l[k].na) +
                     run_chars(B, l[k].b, l[k].nb);
        val[k] = q.v + w;
        prev[k] = q.k;
        if (val[k] > best.v)
            best.v = val[k], best.k = k;
        for (size_t i = l[k].b + l[k].nb; i <= m; i += i & (~i + 1))
            if (val[k] > fw[i].v)
                fw[i].v = val[k], fw[i].k = k;
    }
    for (size_t k = best.k; k != SIZE_MAX; k = prev[k])
        keep[k] = 1;
    for (size_t x = 0; x < nl; x++) {
        size_t k = idx[x];
        l[k].kind = keep[k] ? STORY_LINK_MATCH : STORY_LINK_MOVED;
    }
    free(idx);
    free(prev);
    free(val);
    free(fw);
    free(keep);
    return 0;
}
