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

#include <glib.h>
#include <unicode/utf8.h>
#define XXH_INLINE_ALL
#include <xxhash.h>

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

const char *story__redact_url(const char *s, char *out, size_t n)
{
    const char *sch = s ? strstr(s, "://") : NULL;
    if (!sch || !n)
        return s;
    const char *h = sch + 3;
    size_t auth = strcspn(h, "/?#"); /* userinfo@host:port */
    const char *at = NULL;
    for (size_t k = 0; k < auth; k++)
        if (h[k] == '@')
            at = h + k; /* the last '@' ends the userinfo */
    const char *colon = at ? memchr(h, ':', (size_t)(at - h)) : NULL;
    if (!colon)
        return s;
    snprintf(out, n, "%.*s:***%s", (int)(colon - s), s, at);
    return out;
}

int story__error(story_error *err, int code, const char *source,
                 long long offset, const char *fmt, ...)
{
    if (!err)
        return code;
    err->code = (story_status)code;
    char shown[sizeof err->source];
    source = story__redact_url(source, shown, sizeof shown);
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

int story__opts_version(unsigned opts_version, unsigned known, const char *fn,
                        story_error *err)
{
    if (opts_version <= known)
        return 0;
    return story__error(err, STORY_EINVAL, NULL, -1,
                        "%s: options version %u is newer than this "
                        "library's (%u)", fn, opts_version, known);
}

int story_ctx_new(story_ctx **out, const story_ctx_options *opts,
                  story_error *err)
{
    struct stat st;
    if (!out) /* fresh-user 14: a NULL out crashed */
        return story__error(err, STORY_EINVAL, NULL, -1,
                            "story_ctx_new: no output pointer");
    *out = NULL;
    if (!opts || !opts->locales_dir || !*opts->locales_dir)
        return story__error(err, STORY_EINVAL, NULL, -1,
                            "no locales directory given");
    int rc = story__opts_version(opts->version, STORY_CTX_OPTIONS_VERSION,
                                 "story_ctx_new", err);
    if (rc)
        return rc;
    if (stat(opts->locales_dir, &st) != 0)
        return story__error(err, STORY_EINVAL, opts->locales_dir, -1,
                            "locales directory does not exist");
    if (!S_ISDIR(st.st_mode)) /* it exists (fresh-user 14) */
        return story__error(err, STORY_EINVAL, opts->locales_dir, -1,
                            "locales directory is not a directory");
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
    return ctx ? ctx->locales_dir : NULL; /* fresh-user 14: NULL crashed */
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

/* ---- UTF-8 (RFC 3629): ICU's macros (unicode/utf8.h) ------------------ */

int32_t story__utf8_next(const char *str, size_t len, size_t *i)
{
    const uint8_t *s = (const uint8_t *)str;
    size_t p = *i;
    UChar32 c;
    U8_NEXT(s, p, len, c); /* rejects overlongs, surrogates, > U+10FFFF */
    if (c < 0)
        p = *i + 1; /* ICU skips the ill-formed prefix: we skip one byte */
    *i = p;
    return c;
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
    size_t n = 0;
    U8_APPEND_UNSAFE((uint8_t *)out, n, cp);
    return n;
}

/* ---- hashing and string maps ------------------------------------------ */

uint64_t story__hash_bytes(const char *s, size_t n)
{
    return (uint64_t)XXH3_64bits(s, n);
}

/* story_strmap: a GHashTable used as a set of entries (key == value, so
 * GLib keeps no separate value array); the hash and equality functions
 * look at the entry's key bytes, and a lookup passes a stack entry that
 * points at the caller's bytes (no copy, no NUL needed). GHashTable
 * keeps each key's hash, so growth rehashes nothing and a lookup
 * compares key bytes only when the hashes agree. Entries (value, NUL,
 * key) are allocated one by one (story__malloc, so that tests can make
 * it fail) and listed in m->all, which frees them on clear: a value
 * replaced by a later put stays valid until then.
 * Session 13 (2026-12-01) replaced libxml2's xmlHashTable, whose lookups
 * copied the key to NUL-terminate it, with an own open-addressing table;
 * session 14 (2026-12-01) replaced that with this wrapper (docs/facts.md,
 * "Speed, session 14"). */
typedef struct story_strmap_entry {
    const char *key; /* the entry's own key bytes, or the caller's */
    size_t klen, vlen;
    _Alignas(max_align_t) char data[]; /* value, NUL, key */
} story_strmap_entry;

static guint strmap_hash(gconstpointer p)
{
    const story_strmap_entry *e = p;
    return (guint)story__hash_bytes(e->key, e->klen);
}

static gboolean strmap_equal(gconstpointer pa, gconstpointer pb)
{
    const story_strmap_entry *a = pa, *b = pb;
    return a->klen == b->klen &&
           (a->klen == 0 || memcmp(a->key, b->key, a->klen) == 0);
}

static const story_strmap_entry *strmap_find(const story_strmap *m,
                                             const char *key, size_t n)
{
    if (!m->t)
        return NULL;
    story_strmap_entry probe = {.key = key, .klen = n};
    return g_hash_table_lookup(m->t, &probe);
}

const char *story__strmap_get(const story_strmap *m, const char *key,
                              size_t n, size_t *vlen)
{
    const story_strmap_entry *e = strmap_find(m, key, n);
    if (!e)
        return NULL;
    if (vlen)
        *vlen = e->vlen;
    return e->data;
}

int story__strmap_put(story_strmap *m, const char *key, size_t n,
                      const char *val, size_t vn)
{
    if (n > SIZE_MAX / 2 || vn > SIZE_MAX / 2 - n - sizeof(story_strmap_entry))
        return STORY_ENOMEM;
    story_strmap_entry *e = story__malloc(sizeof *e + vn + 1 + n);
    if (!e)
        return STORY_ENOMEM;
    if (!m->t) {
        m->t = g_hash_table_new(strmap_hash, strmap_equal);
        m->all = g_ptr_array_new_with_free_func(free);
    }
    e->klen = n;
    e->vlen = vn;
    if (vn)
        memcpy(e->data, val, vn);
    e->data[vn] = '\0';
    if (n)
        memcpy(e->data + vn + 1, key, n);
    e->key = e->data + vn + 1;
    g_ptr_array_add(m->all, e);
    g_hash_table_add(m->t, e); /* replaces the key (and value) if present */
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

size_t story__strmap_size(const story_strmap *m)
{
    return m->t ? g_hash_table_size(m->t) : 0;
}

void story__strmap_clear(story_strmap *m)
{
    if (m->t)
        g_hash_table_destroy(m->t);
    if (m->all)
        g_ptr_array_free(m->all, TRUE);
    m->t = NULL;
    m->all = NULL;
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
