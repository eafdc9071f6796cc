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

#include <libxml/parser.h> /* first: hash.h needs xmlstring.h */
#include <libxml/hash.h>

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

/* story_strmap on libxml2's xmlHashTable (hash.h): libxml2 hashes the
 * key and keeps the entries (a copy of the key and a pointer to the value,
 * which lives in the map's own blocks behind its length). libxml2 names
 * are C strings: a key is looked up through a NUL-terminated copy (on the
 * stack up to 256 bytes), and a key holding a NUL byte (or starting with
 * the escape byte 0x01) is stored escaped: 0x01, then the key with 0x01 ->
 * 0x01 0x02 and NUL -> 0x01 0x01 (keys without a NUL never start with
 * 0x01, so the escaped keys cannot meet a plain one).
 * Growth: libxml2 2.9 stops growing a table past 16,384 buckets (its
 * xmlDict past 4,608), and lookups then slow down linearly (measured: 1
 * us at 20,000 keys, 17 us at 100,000). So the map re-creates the table
 * with four times the buckets (xmlHashCreate takes a size) whenever it
 * holds more keys than buckets. */
typedef struct story_strmap_entry {
    size_t vlen;
    _Alignas(max_align_t) char data[]; /* value, NUL */
} story_strmap_entry;

struct story_strmap_block {
    struct story_strmap_block *next;
    size_t used, cap;
    _Alignas(max_align_t) char data[];
};

/* The key as libxml2 sees it, NUL-terminated: in buf (bufn bytes) or in
 * *heap (to free); NULL when memory runs out. */
static const xmlChar *strmap_key(const char *key, size_t n, char *buf,
                                 size_t bufn, char **heap)
{
    *heap = NULL;
    int esc = n && (key[0] == '\x01' || memchr(key, 0, n));
    size_t need = esc ? 2 + 2 * n : n + 1;
    char *o = need <= bufn ? buf : (*heap = story__malloc(need));
    if (!o)
        return NULL;
    if (!esc) {
        memcpy(o, key, n);
        o[n] = '\0';
        return (const xmlChar *)o;
    }
    size_t k = 0;
    o[k++] = '\x01';
    for (size_t i = 0; i < n; i++) {
        if (key[i] == '\x01' || key[i] == '\0') {
            o[k++] = '\x01';
            o[k++] = key[i] == '\0' ? '\x01' : '\x02';
        } else {
            o[k++] = key[i];
        }
    }
    o[k] = '\0';
    return (const xmlChar *)o;
}

const char *story__strmap_get(const story_strmap *m, const char *key,
                              size_t n, size_t *vlen)
{
    if (!m->table)
        return NULL;
    char buf[256], *heap;
    const xmlChar *k = strmap_key(key, n, buf, sizeof buf, &heap);
    if (!k)
        return NULL;
    const story_strmap_entry *e = xmlHashLookup(m->table, k);
    free(heap);
    if (!e)
        return NULL;
    if (vlen)
        *vlen = e->vlen;
    return e->data;
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

typedef struct strmap_move {
    xmlHashTablePtr to;
    int failed;
} strmap_move;

static void strmap_move_one(void *payload, void *data, const xmlChar *name)
{
    strmap_move *mv = data;
    if (xmlHashAddEntry(mv->to, name, payload) != 0)
        mv->failed = 1;
}

/* Room for one more key: a table with more buckets than keys. */
static int strmap_room(story_strmap *m)
{
    if (!m->table) {
        xmlInitParser(); /* once per process (libxml2's own guard) */
        m->table = xmlHashCreate(64);
        m->buckets = 64;
        return m->table ? 0 : STORY_ENOMEM;
    }
    if (story__strmap_size(m) < m->buckets || m->buckets > INT_MAX / 4)
        return 0;
    strmap_move mv = {xmlHashCreate((int)m->buckets * 4), 0};
    if (!mv.to)
        return STORY_ENOMEM;
    xmlHashScan(m->table, strmap_move_one, &mv);
    if (mv.failed) {
        xmlHashFree(mv.to, NULL);
        return STORY_ENOMEM;
    }
    xmlHashFree(m->table, NULL);
    m->table = mv.to;
    m->buckets *= 4;
    return 0;
}

int story__strmap_put(story_strmap *m, const char *key, size_t n,
                      const char *val, size_t vn)
{
    if (strmap_room(m))
        return STORY_ENOMEM;
    char buf[256], *heap;
    const xmlChar *k = strmap_key(key, n, buf, sizeof buf, &heap);
    if (!k)
        return STORY_ENOMEM;
    int rc = STORY_ENOMEM;
    story_strmap_entry *e = strmap_entry(m, sizeof *e + vn + 1);
    if (e && xmlHashUpdateEntry(m->table, k, e, NULL) == 0) {
        e->vlen = vn;
        if (vn)
            memcpy(e->data, val, vn);
        e->data[vn] = '\0';
        rc = 0;
    }
    free(heap);
    return rc;
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

size_t story__strmap_size(const story_strmap *m)
{
    int n = m->table ? xmlHashSize(m->table) : 0;
    return n > 0 ? (size_t)n : 0;
}

void story__strmap_clear(story_strmap *m)
{
    for (struct story_strmap_block *b = m->blocks, *nx; b; b = nx) {
        nx = b->next;
        free(b);
    }
    if (m->table)
        xmlHashFree(m->table, NULL);
    m->table = NULL;
    m->buckets = 0;
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
