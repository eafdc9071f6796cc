/*
 * Private helpers shared by every module: the context's layout, error
 * filling, a growable byte buffer and a growable array. Not installed.
 */
#ifndef STORY_INTERNAL_H
#define STORY_INTERNAL_H

#define _POSIX_C_SOURCE 200809L

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include "storydiff/storydiff.h"

/* Per-module lazily loaded resources. Each module owns its slot: it
 * allocates on first use, registers a free function, and never touches
 * another module's slot. */
typedef enum story_module {
    STORY_MOD_LOCALE = 0,
    STORY_MOD_INGEST,
    STORY_MOD_NORMALIZE,
    STORY_MOD_SEGMENT,
    STORY_MOD_NUMBERS,
    STORY_MOD_DATES,
    STORY_MOD_NAMES,
    STORY_MOD_STEM,
    STORY_MOD_FACTS,
    STORY_MOD_ALIGN,
    STORY_MOD_LEXICON,
    STORY_MOD_TRANSLATE,
    STORY_MOD_RENDER,
    STORY_MOD_COUNT
} story_module;

struct story_ctx {
    char *locales_dir;
    void *mod[STORY_MOD_COUNT];
    void (*mod_free[STORY_MOD_COUNT])(void *);
};

/* Module slot access: returns the slot's pointer (NULL before first use). */
void *story__ctx_get(story_ctx *ctx, story_module m);
/* Store a module's resource and how to free it with the context. */
void story__ctx_set(story_ctx *ctx, story_module m, void *p,
                    void (*free_fn)(void *));

/* 1 when the text t[0, n) (LF line ends) is hard-wrapped: folded at a
 * fixed width, so a single newline inside a paragraph is a fold, not a
 * break (segment.c; the thresholds are in docs/text-layer.md). */
int story__text_hard_wrapped(const char *t, size_t n);

/* Options structs carry the version of the header they were compiled
 * with: a version newer than `known` (this library's) may hold fields the
 * library cannot read. Returns 0 when opts_version <= known (0, a
 * zero-initialised struct, reads as version 1), else fills err with
 * STORY_EINVAL naming `fn` and returns it. */
int story__opts_version(unsigned opts_version, unsigned known, const char *fn,
                        story_error *err);

/* Fill err (may be NULL) and return code. `source` may be NULL; offset -1
 * when unknown. printf-style message. */
/* s with the password of a URL's userinfo replaced by "***"
 * ("http://user:***@host/…"), written to out (n bytes, NUL-terminated,
 * cut at n - 1); s itself when it has no password or n is 0. Displayed
 * and saved forms of a URL never show the password (session 20,
 * fresh-user 20 L12). */
const char *story__redact_url(const char *s, char *out, size_t n);

int story__error(story_error *err, int code, const char *source,
                 long long offset, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 5, 6)))
#endif
    ;

/* Allocation: every allocation of the library goes through these, so that
 * tests can inject failures (story__alloc_fail_after). */
void *story__malloc(size_t n);
void *story__calloc(size_t n, size_t size);
void *story__realloc(void *p, size_t n);
char *story__strdup(const char *s);
char *story__strndup(const char *s, size_t n);
void story__alloc_fail_after(long n); /* test hook: -1 = never fail */

/* Growable NUL-terminated byte buffer. Zero-initialise ({0}). */
typedef struct story_buf {
    char *data;
    size_t len, cap;
    int oom; /* sticky: an append failed */
} story_buf;

int story_buf_grow(story_buf *b, size_t extra);
int story_buf_append(story_buf *b, const char *s, size_t n);
int story_buf_puts(story_buf *b, const char *s);
int story_buf_putc(story_buf *b, char c);
int story_buf_printf(story_buf *b, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* Give up the buffer's bytes (never NULL unless oom: then NULL). */
char *story_buf_detach(story_buf *b);
void story_buf_free(story_buf *b);

/* Growable array of elements of `elem` bytes. Zero-initialise. */
typedef struct story_vec {
    void *data;
    size_t len, cap, elem;
} story_vec;

void story_vec_init(story_vec *v, size_t elem);
/* Append one element (copied from p); returns pointer to it or NULL. */
void *story_vec_push(story_vec *v, const void *p);
void story_vec_free(story_vec *v);

/* Hash of n bytes: XXH3_64bits of xxHash (libxxhash, Debian
 * libxxhash-dev; not cryptographic), for in-memory hash tables and the
 * precomputed hashes of locale.c and numbers.c. Same bytes, same value
 * on every platform. */
uint64_t story__hash_bytes(const char *s, size_t n);

/* String -> string hash map: a thin wrapper over GLib's GHashTable (keys
 * hashed with story__hash_bytes, compared with memcmp; src/util.c).
 * Keys and values are copied into the map's own entries, so returned
 * values stay valid until story__strmap_clear/_free (a value replaced by
 * a later put stays valid too). For caches and word sets on hot paths (a
 * jansson object costs more per lookup). Zero-initialise ({0}). Keys and
 * values are byte strings (may hold NUL); values are returned
 * NUL-terminated. One thread at a time per map. */
typedef struct story_strmap {
    struct _GHashTable *t; /* GHashTable of entries (key = value), or NULL */
    struct _GPtrArray *all; /* every entry ever put (freed by clear) */
} story_strmap;

/* Value stored for key[0, n), or NULL; *vlen (if non-NULL) gets its
 * length. */
const char *story__strmap_get(const story_strmap *m, const char *key,
                              size_t n, size_t *vlen);
/* Store key[0, n) -> val[0, vn) (replaces an earlier value). 0 or
 * STORY_ENOMEM when the entry cannot be allocated (the map is unchanged
 * then); GLib's own allocations (the table) abort on exhaustion, as GLib
 * does everywhere. */
int story__strmap_put(story_strmap *m, const char *key, size_t n,
                      const char *val, size_t vn);
/* Pointer-valued use of the same map: store p for key[0, n) / the
 * pointer stored for it (NULL when absent). */
int story__strmap_put_ptr(story_strmap *m, const char *key, size_t n,
                          const void *p);
void *story__strmap_get_ptr(const story_strmap *m, const char *key, size_t n);
/* Number of keys. */
size_t story__strmap_size(const story_strmap *m);
/* Remove every key (memory is freed; the map stays usable). */
void story__strmap_clear(story_strmap *m);
void story__strmap_free(story_strmap *m);

/* UTF-8: decode one code point at s[*i] (advancing *i; ICU's U8_NEXT);
 * returns -1 on an invalid sequence (overlong, surrogate, > U+10FFFF,
 * truncated at len) and then advances by one byte only. */
int32_t story__utf8_next(const char *s, size_t len, size_t *i);
/* Properties of an ASCII code point c (0 <= c < 0x80) as ICU answers
 * them, without the ICU call (for loops over every code point of a
 * text): STORY_ASCII_SPACE White_Space (u_isUWhiteSpace: TAB..CR,
 * space), STORY_ASCII_UPPER u_isupper (no ASCII character is title
 * case), STORY_ASCII_LOWER u_isULowercase, STORY_ASCII_ALPHA u_isalpha.
 * unit.util test_ascii_props compares every ASCII code point with ICU.
 * (session 21, 2026-12-02) */
#define STORY_ASCII_SPACE 1u
#define STORY_ASCII_UPPER 2u
#define STORY_ASCII_LOWER 4u
#define STORY_ASCII_ALPHA 8u
static inline unsigned story__ascii_props(int32_t c)
{
    if (c == ' ' || (c >= 9 && c <= 13))
        return STORY_ASCII_SPACE;
    if (c >= 'A' && c <= 'Z')
        return STORY_ASCII_UPPER | STORY_ASCII_ALPHA;
    if (c >= 'a' && c <= 'z')
        return STORY_ASCII_LOWER | STORY_ASCII_ALPHA;
    return 0;
}
/* Offset of the first invalid UTF-8 byte, or (size_t)-1 if all valid. */
size_t story__utf8_invalid_at(const char *s, size_t len);
/* The first token of article a starting at or after byte offset off
 * (a->n_tokens if none); tokens are ordered by position (binary search). */
size_t story__token_at(const story_article *a, size_t off);
/* Encode cp (0..U+10FFFF) into out (>= 4 bytes; ICU's U8_APPEND_UNSAFE);
 * returns the byte count. */
size_t story__utf8_put(char *out, int32_t cp);

/* story_align() whose machine translation (opts->translate) is limited to
 * timeout_ms milliseconds per request or apertium run (0: 120 s for HTTP,
 * none for apertium); story_compare() passes its ingest timeout. Errors
 * and ownership as story_align(). (session 19, fresh-user 18 L7) */
int story__align_timed(story_alignment **out, story_ctx *ctx,
                       const story_article *a, const story_factset *fa,
                       const story_article *b, const story_factset *fb,
                       const story_align_options *opts, long timeout_ms,
                       story_error *err);

#endif
