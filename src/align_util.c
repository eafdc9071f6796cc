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

void sd_intern_init(sd_intern *t) { memset(t, 0, sizeof *t); }

void sd_intern_free(sd_intern *t)
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

uint32_t sd_intern_id(sd_intern *t, const char *s, size_t n, int add,
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

uint32_t sd_map64_add(sd_map64 *m, uint64_t key, uint32_t inc)
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

void sd_map64_free(sd_map64 *m)
{
    free(m->key);
    free(m->val);
    memset(m, 0, sizeof *m);
}
