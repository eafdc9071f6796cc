/*
 * Shared plumbing: context slots, error filling, allocation (with a
 * failure-injection hook for tests), byte buffers, arrays, UTF-8 helpers.
 */
#include "internal.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#ifndef STORY_VERSION_STRING
#define STORY_VERSION_STRING "0.1.0"
#endif

static _Thread_local long alloc_fail_after = -1; /* tests: per thread */

void story__alloc_fail_after(long n) { alloc_fail_after = n; }

static int alloc_should_fail(void)
{
    if (alloc_fail_after < 0)
        return 0;
    if (alloc_fail_after == 0)
        return 1;
    alloc_fail_after--;
    return 0;
}

void *story__malloc(size_t n)
{
    if (alloc_should_fail())
        return NULL;
    return malloc(n ? n : 1);
}

void *story__calloc(size_t n, size_t size)
{
    if (alloc_should_fail())
        return NULL;
    return calloc(n ? n : 1, size ? size : 1);
}

void *story__realloc(void *p, size_t n)
{
    if (alloc_should_fail())
        return NULL;
    return realloc(p, n ? n : 1);
}

char *story__strndup(const char *s, size_t n)
{
    char *d = story__malloc(n + 1);
    if (!d)
        return NULL;
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

char *story__strdup(const char *s)
{
    return story__strndup(s ? s : "", s ? strlen(s) : 0);
}

void story_free(void *p) { free(p); }

const char *story_version(void) { return STORY_VERSION_STRING; }

const char *story_strerror(int status)
{
    switch (status) {
    case STORY_OK: return "success";
    case STORY_ENOMEM: return "out of memory";
    case STORY_EINVAL: return "invalid argument";
    case STORY_EIO: return "cannot read input";
    case STORY_ENET: return "network error";
    case STORY_EHTTP: return "HTTP error";
    case STORY_EENCODING: return "invalid or undecodable text encoding";
    case STORY_EPARSE: return "malformed input";
    case STORY_ELOCALE: return "language pack missing or invalid";
    case STORY_EICU: return "ICU error";
    case STORY_EINTERNAL: return "internal error";
    case STORY_EEMPTY: return "no article text";
    case STORY_ETRANSLATE: return "machine translation failed";
    default: return "unknown error";
    }
}

int story__error(story_error *err, int code, const char *source,
                 long long offset, const char *fmt, ...)
{
    if (!err)
        return code;
    err->code = (story_status)code;
    snprintf(err->source, sizeof err->source, "%s", source ? source : "");
    err->offset = offset;
    err->line = -1;
    err->column = -1;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->message, sizeof err->message, fmt, ap);
    va_end(ap);
    return code;
}

/* ---- context ---------------------------------------------------------- */

int story_ctx_new(story_ctx **out, const story_ctx_options *opts,
                  story_error *err)
{
    struct stat st;
    *out = NULL;
    if (!opts || !opts->locales_dir || !*opts->locales_dir)
        return story__error(err, STORY_EINVAL, NULL, -1,
                            "no locales directory given");
    if (stat(opts->locales_dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return story__error(err, STORY_EINVAL, opts->locales_dir, -1,
                            "locales directory does not exist");
    story_ctx *ctx = story__calloc(1, sizeof *ctx);
    if (!ctx)
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    ctx->locales_dir = story__strdup(opts->locales_dir);
    if (!ctx->locales_dir) {
        free(ctx);
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    }
    *out = ctx;
    return 0;
}

void story_ctx_free(story_ctx *ctx)
{
    if (!ctx)
        return;
    /* free in reverse order: later modules may hold on to earlier ones */
    for (int m = STORY_MOD_COUNT - 1; m >= 0; m--)
        if (ctx->mod[m] && ctx->mod_free[m])
            ctx->mod_free[m](ctx->mod[m]);
    free(ctx->locales_dir);
    free(ctx);
}

const char *story_ctx_locales_dir(const story_ctx *ctx)
{
    return ctx->locales_dir;
}

void *story__ctx_get(story_ctx *ctx, story_module m) { return ctx->mod[m]; }

void story__ctx_set(story_ctx *ctx, story_module m, void *p,
                    void (*free_fn)(void *))
{
    ctx->mod[m] = p;
    ctx->mod_free[m] = free_fn;
}

/* ---- buffers ---------------------------------------------------------- */

int story_buf_grow(story_buf *b, size_t extra)
{
    if (b->oom)
        return STORY_ENOMEM;
    if (b->len + extra + 1 <= b->cap)
        return 0;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1)
        cap *= 2;
    char *d = story__realloc(b->data, cap);
    if (!d) {
        b->oom = 1;
        return STORY_ENOMEM;
    }
    d[b->len] = '\0'; /* a buffer never written to detaches as "" */
    b->data = d;
    b->cap = cap;
    return 0;
}

int story_buf_append(story_buf *b, const char *s, size_t n)
{
    if (story_buf_grow(b, n))
        return STORY_ENOMEM;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return 0;
}

int story_buf_puts(story_buf *b, const char *s)
{
    return story_buf_append(b, s, strlen(s));
}

int story_buf_putc(story_buf *b, char c) { return story_buf_append(b, &c, 1); }

int story_buf_printf(story_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return STORY_EINTERNAL;
    if (story_buf_grow(b, (size_t)n))
        return STORY_ENOMEM;
    va_start(ap, fmt);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return 0;
}

char *story_buf_detach(story_buf *b)
{
    if (b->oom) {
        story_buf_free(b);
        return NULL;
    }
    if (!b->data && story_buf_grow(b, 0))
        return NULL;
    char *d = b->data;
    b->data = NULL;
    b->len = b->cap = 0;
    return d;
}

void story_buf_free(story_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
    b->oom = 0;
}

/* ---- arrays ----------------------------------------------------------- */

void story_vec_init(story_vec *v, size_t elem)
{
    v->data = NULL;
    v->len = v->cap = 0;
    v->elem = elem;
}

void *story_vec_push(story_vec *v, const void *p)
{
    if (v->len == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 16;
        void *d = story__realloc(v->data, cap * v->elem);
        if (!d)
            return NULL;
        v->data = d;
        v->cap = cap;
    }
    char *slot = (char *)v->data + v->len * v->elem;
    if (p)
        memcpy(slot, p, v->elem);
    else
        memset(slot, 0, v->elem);
    v->len++;
    return slot;
}

void story_vec_free(story_vec *v)
{
    free(v->data);
    v->data = NULL;
    v->len = v->cap = 0;
}

/* ---- UTF-8 (RFC 3629) ------------------------------------------------- */

int32_t story__utf8_next(const char *str, size_t len, size_t *i)
{
    const unsigned char *s = (const unsigned char *)str;
    size_t p = *i;
    unsigned char c = s[p];
    int32_t cp;
    size_t n;
    if (c < 0x80) {
        *i = p + 1;
        return c;
    } else if (c >= 0xC2 && c <= 0xDF) {
        n = 1;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 2;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 3;
        cp = c & 0x07;
    } else {
        *i = p + 1;
        return -1;
    }
    for (size_t k = 1; k <= n; k++) {
        if (p + k >= len || (s[p + k] & 0xC0) != 0x80) {
            *i = p + 1;
            return -1;
        }
        cp = (cp << 6) | (s[p + k] & 0x3F);
    }
    /* reject overlongs, surrogates, > U+10FFFF */
    if ((n == 2 && cp < 0x800) || (n == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
        *i = p + 1;
        return -1;
    }
    *i = p + n + 1;
    return cp;
}

size_t story__utf8_invalid_at(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        size_t at = i;
        if (story__utf8_next(s, len, &i) < 0)
            return at;
    }
    return (size_t)-1;
}

size_t story__utf8_put(char *out, int32_t cp)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    } else if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    } else if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

/* ---- hashing and string maps ------------------------------------------ */

uint64_t story__hash_bytes(const char *s, size_t n)
{
    const uint64_t k1 = 0x9E3779B97F4A7C15ULL, k2 = 0xC2B2AE3D27D4EB4FULL;
    uint64_t h = (uint64_t)n * k1;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        h ^= w * k2;
        h = ((h << 31) | (h >> 33)) * k1;
    }
    if (i < n) {
        uint64_t w = 0;
        if (n >= 8) {
            memcpy(&w, s + n - 8, 8); /* the last 8 bytes, overlapping */
        } else {
            for (size_t k = 0; k < n; k++)
                w |= (uint64_t)(unsigned char)s[k] << (8 * k);
        }
        h ^= w * k2;
        h = ((h << 31) | (h >> 33)) * k1;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    return h;
}

/* story_strmap: open addressing with linear probing over slots that hold
 * the full 64-bit story__hash_bytes of the key and a pointer to its entry
 * (NULL: empty); the table has a power-of-two size and at most half of
 * its slots used (it doubles before that), so a lookup that misses stops
 * at an empty slot after about 1.5 probes, and one that hits compares the
 * key bytes (memcmp) only when the 64-bit hashes agree. Entries (value,
 * NUL, key) live in the map's own blocks; a replaced value takes a new
 * entry (the old one stays in its block until clear).
 * Session 13 (2026-12-01): this replaced libxml2's xmlHashTable (commit
 * c54e93c), whose lookups copied the key to make it NUL-terminated,
 * hashed it byte by byte and compared chain entries with xmlStrEqual:
 * 13 % of the CPU time of `bench/run facts-speed` went there (perf
 * record; the masks and word sets of facts.c look up every token). */
typedef struct story_strmap_entry {
    size_t klen, vlen;
    _Alignas(max_align_t) char data[]; /* value, NUL, key */
} story_strmap_entry;

struct story_strmap_slot {
    uint64_t h;
    story_strmap_entry *e; /* NULL: empty */
};

struct story_strmap_block {
    struct story_strmap_block *next;
    size_t used, cap;
    _Alignas(max_align_t) char data[];
};

/* The slot of key[0, n) (hash h): its entry's, or the empty slot where it
 * would go. m->slots must exist. */
static struct story_strmap_slot *strmap_slot(const story_strmap *m,
                                             const char *key, size_t n,
                                             uint64_t h)
{
    size_t mask = m->cap - 1;
    for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
        struct story_strmap_slot *s = &m->slots[i];
        if (!s->e)
            return s;
        if (s->h == h && s->e->klen == n &&
            (n == 0 || memcmp(s->e->data + s->e->vlen + 1, key, n) == 0))
            return s;
    }
}

const char *story__strmap_get(const story_strmap *m, const char *key,
                              size_t n, size_t *vlen)
{
    if (!m->slots)
        return NULL;
    const struct story_strmap_slot *s =
        strmap_slot(m, key, n, story__hash_bytes(key, n));
    if (!s->e)
        return NULL;
    if (vlen)
        *vlen = s->e->vlen;
    return s->e->data;
}

static story_strmap_entry *strmap_entry(story_strmap *m, size_t size)
{
    const size_t a = _Alignof(story_strmap_entry);
    size = (size + a - 1) / a * a;
    struct story_strmap_block *b = m->blocks;
    if (!b || b->cap - b->used < size) {
        size_t cap = size > 32768 ? size : 32768;
        b = story__malloc(sizeof *b + cap);
        if (!b)
            return NULL;
        b->next = m->blocks;
        b->used = 0;
        b->cap = cap;
        m->blocks = b;
    }
    story_strmap_entry *e = (story_strmap_entry *)(void *)(b->data + b->used);
    b->used += size;
    return e;
}

/* Room for one more key: fewer than half of the slots used after it. */
static int strmap_room(story_strmap *m)
{
    if (m->slots && 2 * (m->n + 1) <= m->cap)
        return 0;
    size_t cap = m->cap ? 2 * m->cap : 64;
    if (cap > SIZE_MAX / 2 / sizeof *m->slots)
        return STORY_ENOMEM;
    struct story_strmap_slot *ns = story__calloc(cap, sizeof *ns);
    if (!ns)
        return STORY_ENOMEM;
    for (size_t i = 0; i < m->cap; i++) {
        if (!m->slots[i].e)
            continue;
        size_t j = (size_t)m->slots[i].h & (cap - 1);
        while (ns[j].e)
            j = (j + 1) & (cap - 1);
        ns[j] = m->slots[i];
    }
    free(m->slots);
    m->slots = ns;
    m->cap = cap;
    return 0;
}

int story__strmap_put(story_strmap *m, const char *key, size_t n,
                      const char *val, size_t vn)
{
    if (strmap_room(m))
        return STORY_ENOMEM;
    uint64_t h = story__hash_bytes(key, n);
    struct story_strmap_slot *s = strmap_slot(m, key, n, h);
    story_strmap_entry *e = strmap_entry(m, sizeof *e + vn + 1 + n);
    if (!e)
        return STORY_ENOMEM;
    e->klen = n;
    e->vlen = vn;
    if (vn)
        memcpy(e->data, val, vn);
    e->data[vn] = '\0';
    if (n)
        memcpy(e->data + vn + 1, key, n);
    if (!s->e)
        m->n++;
    s->h = h;
    s->e = e;
    return 0;
}

int story__strmap_put_ptr(story_strmap *m, const char *key, size_t n,
                          const void *p)
{
    return story__strmap_put(m, key, n, (const char *)&p, sizeof p);
}

void *story__strmap_get_ptr(const story_strmap *m, const char *key, size_t n)
{
    size_t vn;
    const char *v = story__strmap_get(m, key, n, &vn);
    void *p = NULL;
    if (v && vn == sizeof p)
        memcpy(&p, v, sizeof p);
    return p;
}

size_t story__strmap_size(const story_strmap *m) { return m->n; }

void story__strmap_clear(story_strmap *m)
{
    for (struct story_strmap_block *b = m->blocks, *nx; b; b = nx) {
        nx = b->next;
        free(b);
    }
    free(m->slots);
    m->slots = NULL;
    m->cap = 0;
    m->n = 0;
    m->blocks = NULL;
}

void story__strmap_free(story_strmap *m) { story__strmap_clear(m); }

size_t story__token_at(const story_article *a, size_t off)
{
    size_t lo = 0, hi = a->n_tokens;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (a->tokens[mid].start < off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}
