/*
 * Language packs (see src/locale.h and locales/README.md). A pack is the
 * merge of locales/<lang>.json, locales/numbers/<lang>.json,
 * locales/facts/<lang>.json and locales/root.json, in that order of
 * precedence: arrays are concatenated,
 * objects united (earlier file wins per key), scalars taken from the first
 * file that has them. Every array of strings and every object is indexed
 * by NFKC case-folded key, at load time, in one open-addressing hash table
 * per field (word-at-a-time multiply-rotate hash, linear probing, load
 * factor <= 1/2; a small field's table stays in cache): run-time lookups
 * hash the field name and the key once and touch no jansson object, and
 * most of them, which miss (a word tried in a field), stop at an empty
 * slot.
 */
#include "locale.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <unicode/uloc.h>

#include "normalize.h"

/* The files of one pack, in order of precedence, before root.json:
 * locales/<lang>.json (text layer), locales/numbers/<lang>.json (number
 * and date words), locales/facts/<lang>.json (fact lexicons). */
#define STORY_PACK_FILES 3
static const char *const pack_subdirs[STORY_PACK_FILES] = {"", "numbers",
                                                            "facts"};

/* One indexed folded key of a field; the key bytes live in the pack's
 * arena. */
typedef struct lp_entry {
    const char *key;
    json_t *value; /* borrowed from merged (json_true() for list items) */
    size_t len;    /* strlen(key) */
} lp_entry;

/* Open-addressing slot: the upper hash bits and entry/field number + 1
 * (0 = empty). */
typedef struct lp_slot {
    uint32_t tag;
    uint32_t idx;
} lp_slot;

/* One field of the merged pack and its key table. */
typedef struct lp_field {
    const char *name; /* borrowed key of merged */
    size_t len;       /* strlen(name) */
    json_t *value;    /* borrowed from merged */
    lp_slot *slots;   /* folded key -> entries[idx - 1], or NULL */
    uint32_t mask;
    uint32_t n_entries;
    lp_entry *entries;
} lp_field;

/* Arena block for index keys. */
typedef struct lp_block {
    struct lp_block *next;
    size_t used, cap;
    char data[];
} lp_block;

/* slots of a pack's field-name cache (a power of 2): 64 slots shared by
 * the 130-odd field names the code asks for missed 4 % of the lookups
 * (session 20, callgrind of bench/run facts-speed) */
#define LP_FCACHE 256

struct story_langpack {
    char lang[32];
    json_t *merged; /* field -> value */
    lp_field *fields;
    uint32_t n_fields;
    lp_slot *fslots; /* field name -> fields[idx - 1] */
    uint32_t fmask;
    lp_block *arena;
    /* callers name fields with string literals: the last answer for a
     * name pointer (the field, or NULL for a field the pack lacks), used
     * when the name is still the same (a context, and so its packs, is
     * used by one thread at a time) */
    struct {
        const char *ptr;
        const lp_field *f;
        char name[40];
    } fcache[LP_FCACHE];
};

static void pack_free(story_langpack *lp)
{
    if (!lp)
        return;
    json_decref(lp->merged);
    for (uint32_t i = 0; lp->fields && i < lp->n_fields; i++) {
        free(lp->fields[i].slots);
        free(lp->fields[i].entries);
    }
    free(lp->fields);
    free(lp->fslots);
    for (lp_block *b = lp->arena, *nx; b; b = nx) {
        nx = b->next;
        free(b);
    }
    free(lp);
}

static uint64_t key_hash(const char *key, size_t *len)
{
    *len = strlen(key);
    return story__hash_bytes(key, *len);
}

static uint64_t field_hash(const char *name, size_t *len)
{
    return key_hash(name, len);
}

static uint32_t mix_slot(uint64_t h) { return (uint32_t)h; }

/* The field record for `name`, or NULL. */
static const lp_field *find_field_hashed(const story_langpack *lp,
                                         const char *name)
{
    size_t len;
    uint64_t h = field_hash(name, &len);
    if (!lp->fslots)
        return NULL;
    uint32_t tag = (uint32_t)(h >> 32);
    for (uint32_t i = mix_slot(h) & lp->fmask;; i = (i + 1) & lp->fmask) {
        const lp_slot *sl = &lp->fslots[i];
        if (!sl->idx)
            return NULL;
        if (sl->tag == tag) {
            const lp_field *f = &lp->fields[sl->idx - 1];
            if (f->len == len && memcmp(f->name, name, len) == 0)
                return f;
        }
    }
}

static const lp_field *find_field(const story_langpack *lp, const char *name)
{
    uintptr_t p = (uintptr_t)name >> 3;
    size_t c = (size_t)((p ^ (p >> 8)) & (LP_FCACHE - 1));
    if (lp->fcache[c].ptr == name && strcmp(lp->fcache[c].name, name) == 0)
        return lp->fcache[c].f;
    const lp_field *f = find_field_hashed(lp, name);
    size_t n = strlen(name);
    if (n < sizeof lp->fcache[c].name) {
        story_langpack *w = (story_langpack *)lp; /* the cache only */
        w->fcache[c].ptr = name;
        w->fcache[c].f = f;
        memcpy(w->fcache[c].name, name, n + 1);
    }
    return f;
}

static char *arena_copy(story_langpack *lp, const char *s, size_t n)
{
    lp_block *b = lp->arena;
    if (!b || b->cap - b->used < n + 1) {
        size_t cap = n + 1 > 65536 ? n + 1 : 65536;
        lp_block *nb = story__malloc(sizeof *nb + cap);
        if (!nb)
            return NULL;
        nb->next = lp->arena;
        nb->used = 0;
        nb->cap = cap;
        lp->arena = b = nb;
    }
    char *d = b->data + b->used;
    memcpy(d, s, n);
    d[n] = '\0';
    b->used += n + 1;
    return d;
}

static uint32_t pow2_at_least(size_t n)
{
    uint32_t c = 16;
    while (c < n)
        c *= 2;
    return c;
}

/* Value for the folded key in field f, or NULL (the probe is
 * story_langpack_index_lookup's). */
static json_t *find_entry(const lp_field *f, const char *key)
{
    if (!f->slots)
        return NULL;
    size_t len;
    uint64_t h = key_hash(key, &len);
    return story_langpack_index_lookup(f, key, len, h);
}

typedef struct pack_cache {
    story_langpack *packs[64];
    size_t n;
    /* requested tag -> pack, so that repeated lookups ("en-GB", "xx")
     * need no file-system probe */
    struct {
        char tag[32];
        story_langpack *lp;
    } alias[64];
    size_t n_alias;
} pack_cache;

static void cache_free(void *p)
{
    pack_cache *c = p;
    for (size_t i = 0; i < c->n; i++)
        pack_free(c->packs[i]);
    free(c);
}

static int file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* Load one JSON file; missing is not an error (*out = NULL). */
static int load_file(json_t **out, const char *path, story_error *err)
{
    *out = NULL;
    if (!file_exists(path))
        return 0;
    json_error_t je;
    json_t *j = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
    if (!j) {
        story__error(err, STORY_ELOCALE, path, je.position,
                     "invalid language pack: %s", je.text);
        if (err) {
            err->line = je.line;
            err->column = je.column;
        }
        return STORY_ELOCALE;
    }
    if (!json_is_object(j)) {
        json_decref(j);
        return story__error(err, STORY_ELOCALE, path, 0,
                            "language pack is not a JSON object");
    }
    *out = j;
    return 0;
}

static int merge_into(json_t *dst, json_t *src)
{
    const char *k;
    json_t *v;
    json_object_foreach(src, k, v) {
        json_t *have = json_object_get(dst, k);
        if (!have) {
            if (json_object_set(dst, k, v))
                return -1;
        } else if (json_is_array(have) && json_is_array(v)) {
            json_t *cat = json_copy(have);
            if (!cat || json_array_extend(cat, v) ||
                json_object_set_new(dst, k, cat))
                return -1;
        } else if (json_is_object(have) && json_is_object(v)) {
            json_t *u = json_copy(v);
            if (!u || json_object_update(u, have) ||
                json_object_set_new(dst, k, u))
                return -1;
        }
    }
    return 0;
}

static int fold(story_buf *b, const char *s, story_error *err)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
    return story__normalize_key_buf(b, NULL, s, strlen(s), err);
}

/* Add folded key -> v to field f unless the key is there already (the
 * first file, and the first spelling, wins). The table was sized for
 * every candidate key. */
static int index_add(story_langpack *lp, lp_field *f, const char *key,
                     json_t *v)
{
    size_t len;
    uint64_t h = key_hash(key, &len);
    uint32_t tag = (uint32_t)(h >> 32);
    uint32_t i = (uint32_t)h & f->mask;
    for (; f->slots[i].idx; i = (i + 1) & f->mask) {
        const lp_entry *e = &f->entries[f->slots[i].idx - 1];
        if (f->slots[i].tag == tag && e->len == len &&
            memcmp(e->key, key, len) == 0)
            return 0; /* already there: first wins */
    }
    char *k = arena_copy(lp, key, len);
    if (!k)
        return STORY_ENOMEM;
    f->entries[f->n_entries] = (lp_entry){.key = k, .value = v, .len = len};
    f->slots[i].tag = tag;
    f->slots[i].idx = ++f->n_entries;
    return 0;
}

static int build_index(story_langpack *lp, story_error *err)
{
    const char *k;
    json_t *v;
    story_buf key = {0};
    int rc = 0;
    size_t nf = json_object_size(lp->merged);
    uint32_t fcap = pow2_at_least(2 * nf + 1);
    lp->fields = story__calloc(nf ? nf : 1, sizeof *lp->fields);
    lp->fslots = story__calloc(fcap, sizeof *lp->fslots);
    if (!lp->fields || !lp->fslots)
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    lp->fmask = fcap - 1;
    json_object_foreach(lp->merged, k, v) {
        lp_field *f = &lp->fields[lp->n_fields++];
        size_t len;
        uint64_t h = field_hash(k, &len);
        f->name = k;
        f->len = len;
        f->value = v;
        uint32_t i = mix_slot(h) & lp->fmask;
        while (lp->fslots[i].idx)
            i = (i + 1) & lp->fmask;
        lp->fslots[i].tag = (uint32_t)(h >> 32);
        lp->fslots[i].idx = lp->n_fields;
        size_t n = json_is_array(v)    ? json_array_size(v)
                   : json_is_object(v) ? json_object_size(v)
                                       : 0;
        if (n == 0)
            continue;
        if (n > UINT32_MAX / 4) {
            rc = story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
            goto done;
        }
        uint32_t cap = pow2_at_least(2 * n + 1);
        f->slots = story__calloc(cap, sizeof *f->slots);
        f->entries = story__malloc(n * sizeof *f->entries);
        if (!f->slots || !f->entries) {
            rc = story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
            goto done;
        }
        f->mask = cap - 1;
        if (json_is_array(v)) {
            size_t ai;
            json_t *e;
            json_array_foreach(v, ai, e) {
                if (!json_is_string(e))
                    continue;
                if ((rc = fold(&key, json_string_value(e), err)))
                    goto done;
                if (index_add(lp, f, key.data, json_true())) {
                    rc = story__error(err, STORY_ENOMEM, NULL, -1,
                                      "out of memory");
                    goto done;
                }
            }
        } else {
            const char *wk;
            json_t *wv;
            json_object_foreach(v, wk, wv) {
                if ((rc = fold(&key, wk, err)))
                    goto done;
                if (index_add(lp, f, key.data, wv)) {
                    rc = story__error(err, STORY_ENOMEM, NULL, -1,
                                      "out of memory");
                    goto done;
                }
            }
        }
    }
done:
    story_buf_free(&key);
    return rc;
}

static int load_pack(story_langpack **out, story_ctx *ctx, const char *lang,
                     story_error *err)
{
    char path[4096];
    json_t *files[STORY_PACK_FILES + 1] = {NULL};
    int rc = 0;
    const char *dir = ctx->locales_dir;
    *out = NULL;

    int have_lang = 0;
    if (strcmp(lang, "root") != 0) {
        for (int i = 0; i < STORY_PACK_FILES; i++) {
            if (pack_subdirs[i][0])
                snprintf(path, sizeof path, "%s/%s/%s.json", dir,
                         pack_subdirs[i], lang);
            else
                snprintf(path, sizeof path, "%s/%s.json", dir, lang);
            if ((rc = load_file(&files[i], path, err)))
                goto done;
            have_lang |= files[i] != NULL;
        }
    }
    snprintf(path, sizeof path, "%s/root.json", dir);
    if ((rc = load_file(&files[STORY_PACK_FILES], path, err)))
        goto done;
    if (!files[STORY_PACK_FILES]) {
        rc = story__error(err, STORY_ELOCALE, path, -1,
                          "root language pack not found");
        goto done;
    }
    story_langpack *lp = story__calloc(1, sizeof *lp);
    if (!lp) {
        rc = story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
        goto done;
    }
    snprintf(lp->lang, sizeof lp->lang, "%s", have_lang ? lang : "root");
    lp->merged = json_object();
    for (int i = 0; i <= STORY_PACK_FILES && lp->merged; i++)
        if (files[i] && merge_into(lp->merged, files[i])) {
            json_decref(lp->merged);
            lp->merged = NULL;
        }
    if (!lp->merged) {
        free(lp);
        rc = story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
        goto done;
    }
    if ((rc = build_index(lp, err))) {
        pack_free(lp);
        goto done;
    }
    *out = lp;
done:
    for (int i = 0; i <= STORY_PACK_FILES; i++)
        json_decref(files[i]);
    return rc;
}

/* "de-CH" -> "de-CH" if the file exists, else "de"; "" -> "root". */
static void resolve_lang(char *out, size_t n, story_ctx *ctx,
                         const char *lang)
{
    char path[4096];
    if (!lang || !*lang) {
        snprintf(out, n, "root");
        return;
    }
    snprintf(out, n, "%s", lang);
    for (char *p = out; *p; p++)
        if (*p == '_')
            *p = '-';
    for (;;) {
        snprintf(path, sizeof path, "%s/%s.json", ctx->locales_dir, out);
        if (file_exists(path))
            return;
        char *dash = strrchr(out, '-');
        if (!dash)
            break;
        *dash = '\0';
    }
    /* language without a pack: keep the base tag; load_pack falls back
     * to root when neither file exists */
}

static int langpack_get(const story_langpack **out, story_ctx *ctx,
                        const char *lang, story_error *err);

int story_langpack_get(const story_langpack **out, story_ctx *ctx,
                       const char *lang, story_error *err)
{
    int rc = langpack_get(out, ctx, lang, err);
    pack_cache *c = story__ctx_get(ctx, STORY_MOD_LOCALE);
    const char *req = lang ? lang : "";
    if (rc == 0 && c && strlen(req) < sizeof c->alias[0].tag &&
        c->n_alias < sizeof c->alias / sizeof c->alias[0]) {
        int known = 0;
        for (size_t i = 0; i < c->n_alias && !known; i++)
            known = strcmp(c->alias[i].tag, req) == 0;
        if (!known) {
            snprintf(c->alias[c->n_alias].tag, sizeof c->alias[0].tag, "%s",
                     req);
            c->alias[c->n_alias++].lp = (story_langpack *)*out;
        }
    }
    return rc;
}

static int langpack_get(const story_langpack **out, story_ctx *ctx,
                        const char *lang, story_error *err)
{
    char want[32];
    *out = NULL;
    pack_cache *c = story__ctx_get(ctx, STORY_MOD_LOCALE);
    if (!c) {
        c = story__calloc(1, sizeof *c);
        if (!c)
            return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
        story__ctx_set(ctx, STORY_MOD_LOCALE, c, cache_free);
    }
    const char *req = lang ? lang : "";
    for (size_t i = 0; i < c->n_alias; i++)
        if (strcmp(c->alias[i].tag, req) == 0) {
            *out = c->alias[i].lp;
            return 0;
        }
    resolve_lang(want, sizeof want, ctx, lang);
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->packs[i]->lang, want) == 0) {
            *out = c->packs[i];
            return 0;
        }
    story_langpack *lp = NULL;
    int rc = load_pack(&lp, ctx, want, err);
    if (rc)
        return rc;
    /* a language without its own files resolves to root: share it */
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->packs[i]->lang, lp->lang) == 0) {
            pack_free(lp);
            *out = c->packs[i];
            return 0;
        }
    if (c->n == sizeof c->packs / sizeof c->packs[0]) {
        pack_free(lp);
        return story__error(err, STORY_ELOCALE, lang, -1,
                            "too many language packs loaded");
    }
    c->packs[c->n++] = lp;
    *out = lp;
    return 0;
}

const char *story_langpack_lang(const story_langpack *lp) { return lp->lang; }

json_t *story_langpack_field(const story_langpack *lp, const char *field)
{
    const lp_field *f = find_field(lp, field);
    return f ? f->value : NULL;
}

json_t *story_langpack_lookup(const story_langpack *lp, const char *field,
                              const char *key)
{
    const lp_field *f = find_field(lp, field);
    return f ? find_entry(f, key) : NULL;
}

const story_langpack_index *story_langpack_index_of(const story_langpack *lp,
                                                    const char *field)
{
    return lp && field ? find_field(lp, field) : NULL;
}

json_t *story_langpack_index_lookup(const story_langpack_index *f,
                                    const char *key, size_t len,
                                    uint64_t h)
{
    if (!f || !f->slots)
        return NULL;
    uint32_t tag = (uint32_t)(h >> 32);
    for (uint32_t i = (uint32_t)h & f->mask;; i = (i + 1) & f->mask) {
        const lp_slot *sl = &f->slots[i];
        if (!sl->idx)
            return NULL;
        if (sl->tag == tag) {
            const lp_entry *e = &f->entries[sl->idx - 1];
            if (e->len == len && memcmp(e->key, key, len) == 0)
                return e->value;
        }
    }
}

size_t story_langpack_index_count(const story_langpack_index *f)
{
    return f && f->slots ? f->n_entries : 0;
}

const char *story_langpack_index_key(const story_langpack_index *f, size_t i,
                                     size_t *len)
{
    *len = f->entries[i].len;
    return f->entries[i].key;
}

int story_langpack_has(const story_langpack *lp, const char *field,
                       const char *key)
{
    return story_langpack_lookup(lp, field, key) != NULL;
}

const char *story_langpack_map(const story_langpack *lp, const char *field,
                               const char *key)
{
    json_t *v = story_langpack_lookup(lp, field, key);
    return json_is_string(v) ? json_string_value(v) : NULL;
}

int story_lang_check(story_ctx *ctx, const char *tag)
{
    char t[64], loc[ULOC_FULLNAME_CAPACITY], path[4096];
    size_t n = tag ? strlen(tag) : 0;
    if (!ctx || !tag || n == 0 || n >= sizeof t)
        return STORY_EINVAL;
    memcpy(t, tag, n + 1);
    for (char *p = t; *p; p++)
        if (*p == '_')
            *p = '-';
    int32_t parsed = 0;
    UErrorCode st = U_ZERO_ERROR;
    uloc_forLanguageTag(t, loc, (int32_t)sizeof loc, &parsed, &st);
    if (U_FAILURE(st) || parsed != (int32_t)n)
        return STORY_EINVAL;
    /* packs exist for 2-3 letter language subtags only ("root" is the
     * language-neutral fallback, not a language) */
    size_t base = strcspn(t, "-");
    for (; base >= 2 && base <= 3;) {
        snprintf(path, sizeof path, "%s/%s.json", ctx->locales_dir, t);
        if (file_exists(path))
            return 1;
        char *dash = strrchr(t, '-');
        if (!dash)
            break;
        *dash = '\0';
    }
    /* no pack: the language must be one CLDR names ("xx", "klingon" are
     * well-formed but no language; ICU then echoes the code); "und"
     * (BCP 47 "undetermined") stays well-formed without a pack */
    if (base == 3 && !strncmp(t, "und", 3))
        return 0;
    UChar name[128];
    char lang[16];
    st = U_ZERO_ERROR;
    int32_t ln = uloc_getLanguage(loc, lang, (int32_t)sizeof lang, &st);
    if (U_FAILURE(st) || ln <= 0)
        return STORY_ELOCALE;
    int32_t nn = uloc_getDisplayLanguage(loc, "en", name, 128, &st);
    if (U_FAILURE(st) || nn <= 0 || st == U_USING_DEFAULT_WARNING)
        return STORY_ELOCALE;
    if (nn == ln) {
        int same = 1;
        for (int32_t i = 0; i < ln && same; i++)
            same = (name[i] | 0x20) == (lang[i] | 0x20);
        if (same)
            return STORY_ELOCALE;
    }
    return 0;
}

int story_lang_alias(story_ctx *ctx, const char *tag, char *out, size_t cap)
{
    size_t n = tag ? strlen(tag) : 0;
    if (!ctx || !tag || !out || cap <= n)
        return STORY_EINVAL;
    memcpy(out, tag, n + 1);
    size_t base = strcspn(tag, "-_");
    if (base != 3)
        return 0;
    char lang[4], two[ULOC_LANG_CAPACITY] = "";
    for (size_t i = 0; i < 3; i++)
        lang[i] = (char)((tag[i] >= 'A' && tag[i] <= 'Z') ? tag[i] + 32
                                                             : tag[i]);
    lang[3] = '\0';
    /* ISO 639-2/B codes (bibliographic: ger, fre, chi) are data of the
     * root pack; ICU's alias data maps the ISO 639-2/T and 639-3 ones
     * (deu, fra, zho, eng) */
    const story_langpack *root = NULL;
    story_error e;
    const char *m = NULL;
    if (story_langpack_get(&root, ctx, "root", &e) == 0 && root)
        m = story_langpack_map(root, "language_aliases", lang);
    if (m && strlen(m) < sizeof two) {
        snprintf(two, sizeof two, "%s", m);
    } else {
        char canon[ULOC_FULLNAME_CAPACITY];
        UErrorCode st = U_ZERO_ERROR;
        uloc_canonicalize(lang, canon, (int32_t)sizeof canon, &st);
        if (U_SUCCESS(st))
            uloc_getLanguage(canon, two, (int32_t)sizeof two, &st);
        if (U_FAILURE(st))
            two[0] = '\0';
    }
    if (strlen(two) != 2)
        return 0;
    memcpy(out, two, 2);
    memmove(out + 2, tag + 3, n - 3 + 1);
    return 1;
}
