/*
 * Stage 4, facts: the driver, shared helpers (lexicon matching with exact
 * folded forms and Snowball stems, clause scope, negation and hedging),
 * fact set ownership and the in-article contradiction check. The fact
 * model (key, slot, value per type) is documented in
 * include/storydiff/facts.h and docs/facts.md.
 */
#include "internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucal.h>

#include "facts_event.h"
#include "facts_internal.h"
#include "stem.h"

/* ---- per-context cache: stem indexes of lexicon fields ---------------- */

typedef struct fx_lex {
    char lang[32];
    char field[40];
    story_strmap stems; /* stemmed (space-joined) entry -> concept ("1"
                           for an entry without one) */
    story_strmap firsts;      /* set: first word of every folded entry */
    story_strmap stem_firsts; /* set: first stem of every entry */
    story_strmap prefixes; /* set: first 3 code points of every first
                              word/stem */
    story_strmap first_cps; /* set: first code point of every entry (zh,
                               ja) */
    int maxw;      /* most words in an entry */
    int stem_ok;   /* stems are matched for this field (word lexicons, not
                      gazetteers: "para" and "París" share a stem) */
    unsigned bit;  /* this field's bit in the language's first-word mask
                      (0: more than 31 fields, always checked) */
} fx_lex;

typedef struct fx_cache {
    fx_lex *lex;
    size_t n, cap;
    unsigned gen; /* lexicons loaded so far (invalidates token masks) */
    json_t *names; /* "<lang>\x1f<name>" -> Latin name key */
    /* per language, -> bit mask of the fields (unsigned) with an entry
     * that starts with: the word, the code point (zh, ja), the 3-letter
     * prefix of its first word or first stem */
    struct fx_mask {
        char lang[32];
        story_strmap words, cps, pre;
    } *masks;
    size_t n_masks;
    /* locales/gazetteer.json: folded name -> 'N' + Latin key, and every
     * other prefix (at a code point) of a folded name -> "P" */
    story_strmap gaz;
    story_strmap gaz_first; /* first code point of every gazetteer name */
    int gaz_tried, gaz_maxw;
    json_t *world; /* lang -> entity world index (facts_entity.c) */
} fx_cache;

static void cache_free(void *p)
{
    fx_cache *c = p;
    for (size_t i = 0; i < c->n; i++) {
        story__strmap_free(&c->lex[i].stems);
        story__strmap_free(&c->lex[i].firsts);
        story__strmap_free(&c->lex[i].stem_firsts);
        story__strmap_free(&c->lex[i].prefixes);
        story__strmap_free(&c->lex[i].first_cps);
    }
    free(c->lex);
    json_decref(c->names);
    for (size_t i = 0; i < c->n_masks; i++) {
        story__strmap_free(&c->masks[i].words);
        story__strmap_free(&c->masks[i].cps);
        story__strmap_free(&c->masks[i].pre);
    }
    free(c->masks);
    story__strmap_free(&c->gaz);
    story__strmap_free(&c->gaz_first);
    json_decref(c->world);
    free(c);
}

static int count_words(const char *s);

/* The names module's gazetteer (locales/gazetteer.json, "names": surface
 * form -> canonical Latin key), indexed by folded form, loaded once. Used
 * to FIND mentions in scripts without capitals (zh, ja, hi, ar); a missing
 * or unreadable file means no such mentions (not an error: the pack files
 * are the contract). */
static const story_strmap *gazetteer(fx *x, int *maxw,
                                     const story_strmap **first)
{
    fx_cache *c = story__ctx_get(x->ctx, STORY_MOD_FACTS);
    if (!c) {
        c = story__calloc(1, sizeof *c);
        if (!c)
            return NULL;
        story__ctx_set(x->ctx, STORY_MOD_FACTS, c, cache_free);
    }
    if (!c->gaz_tried) {
        c->gaz_tried = 1;
        c->gaz_maxw = 1;
        char path[4096];
        snprintf(path, sizeof path, "%s/gazetteer.json",
                 x->ctx->locales_dir ? x->ctx->locales_dir : ".");
        json_t *root = json_load_file(path, 0, NULL);
        json_t *names = json_object_get(root, "names");
        const char *k;
        json_t *v;
        json_object_foreach(names, k, v) {
            char *f = NULL;
            if (!json_is_string(v) ||
                story_normalize_key(&f, NULL, k, strlen(k), NULL) || !f)
                continue;
            int w = count_words(f);
            if (w > c->gaz_maxw)
                c->gaz_maxw = w > 8 ? 8 : w;
            size_t fl = strlen(f);
            /* a later spelling with the same folded form wins */
            story_buf nv = {0};
            story_buf_putc(&nv, 'N');
            story_buf_append(&nv, json_string_value(v),
                             json_string_length(v));
            if (!nv.oom)
                story__strmap_put(&c->gaz, f, fl, nv.data, nv.len);
            story_buf_free(&nv);
            for (size_t q = 0; q < fl;) {
                story__utf8_next(f, fl, &q);
                if (q < fl && !story__strmap_get(&c->gaz, f, q, NULL))
                    story__strmap_put(&c->gaz, f, q, "P", 1);
            }
            size_t cp = 0;
            story__utf8_next(f, fl, &cp);
            char one[8];
            if (cp < sizeof one) {
                memcpy(one, f, cp);
                one[cp] = '\0';
                story__strmap_put(&c->gaz_first, one, cp, "", 0);
            }
            story_free(f);
        }
        json_decref(root);
    }
    *maxw = c->gaz_maxw;
    *first = &c->gaz_first;
    return &c->gaz;
}

const char *story__fx_gazetteer_match(fx *x, size_t i, size_t e, size_t *n)
{
    int maxw = 1;
    const story_strmap *first = NULL;
    const story_strmap *g = gazetteer(x, &maxw, &first);
    if (!g || !story__strmap_size(g) || !first)
        return NULL;
    const char *tk = x->a->tokens[i].key;
    size_t cp = 0, tl = strlen(tk);
    char one[8];
    story__utf8_next(tk, tl, &cp);
    if (cp >= sizeof one)
        return NULL;
    memcpy(one, tk, cp);
    one[cp] = '\0';
    if (!story__strmap_get(first, one, cp, NULL))
        return NULL;
    /* the longest name of tokens i.. joined by spaces (joiner 0) or
     * nothing (1), space-joined first: extend one token at a time while
     * the text is still a prefix of some name */
    story_buf *b = &x->tmp;
    const char *hit[2][9] = {{NULL}};
    int first_ok = 0; /* token i alone is a prefix of a name */
    for (int joiner = 0; joiner < 2; joiner++) {
        if (joiner == 1 && !first_ok)
            break;
        b->len = 0;
        for (int w = 1; w <= maxw && i + (size_t)w <= e; w++) {
            if (w > 1 && joiner == 0)
                story_buf_putc(b, ' ');
            story_buf_puts(b, x->a->tokens[i + (size_t)w - 1].key);
            if (b->oom)
                return NULL;
            if (joiner == 1 && w == 1)
                continue; /* the same text as joiner 0 */
            const char *v = story__strmap_get(g, b->data, b->len, NULL);
            if (!v)
                break;
            first_ok |= w == 1;
            if (v[0] == 'N')
                hit[joiner][w] = v + 1;
        }
    }
    for (int w = maxw; w >= 1; w--)
        for (int joiner = 0; joiner < (w == 1 ? 1 : 2); joiner++)
            if (hit[joiner][w]) {
                *n = (size_t)w;
                return hit[joiner][w];
            }
    return NULL;
}

/* The context's facts cache, created on first use; NULL when out of
 * memory. */
static fx_cache *cache_of(fx *x)
{
    fx_cache *c = story__ctx_get(x->ctx, STORY_MOD_FACTS);
    if (!c) {
        c = story__calloc(1, sizeof *c);
        if (!c)
            return NULL;
        story__ctx_set(x->ctx, STORY_MOD_FACTS, c, cache_free);
    }
    return c;
}

json_t *story__fx_name_cache(fx *x)
{
    fx_cache *c = cache_of(x);
    if (c && !c->names)
        c->names = json_object();
    return c ? c->names : NULL;
}

json_t *story__fx_world_cache(fx *x)
{
    fx_cache *c = cache_of(x);
    if (c && !c->world)
        c->world = json_object();
    return c ? c->world : NULL;
}

/* Words of a folded entry; for scripts written without spaces (CJK),
 * the code points (the word segmenter may split a name into single
 * characters), capped later. */
static int count_words(const char *s)
{
    int w = 1, cjk = 0, cps = 0;
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        int32_t c = story__utf8_next(s, n, &i);
        cps++;
        if (c == ' ')
            w++;
        if ((c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x9FFF) ||
            (c >= 0xAC00 && c <= 0xD7AF))
            cjk = 1;
    }
    return cjk && w == 1 ? cps : w;
}

/* Stem each space-separated word of folded `s` into out, joined by ' '. */
static void stem_phrase(fx *x, const char *s, story_buf *out)
{
    story_buf one = {0};
    out->len = 0;
    if (out->data)
        out->data[0] = '\0';
    while (*s) {
        const char *sp = strchr(s, ' ');
        size_t n = sp ? (size_t)(sp - s) : strlen(s);
        one.len = 0;
        if (story__stem(x->ctx, x->lang, s, n, &one, NULL) != 0 || !one.data) {
            one.len = 0;
            story_buf_append(&one, s, n);
        }
        if (out->len)
            story_buf_putc(out, ' ');
        story_buf_append(out, one.data ? one.data : "", one.len);
        s += n;
        while (*s == ' ')
            s++;
    }
    if (!out->data)
        story_buf_puts(out, "");
    story_buf_free(&one);
}

static fx_lex *lex_load(fx *x, const char *field);

/* The field bits stored for key[0, n) in a mask map (0: none). */
static unsigned mask_get(const story_strmap *mask, const char *key, size_t n)
{
    unsigned bits = 0;
    size_t vn = 0;
    const char *v = story__strmap_get(mask, key, n, &vn);
    if (v && vn == sizeof bits)
        memcpy(&bits, v, sizeof bits);
    return bits;
}

static void mask_or(story_strmap *mask, const char *key, size_t n,
                    unsigned bit)
{
    unsigned bits = mask_get(mask, key, n) | bit;
    (void)story__strmap_put(mask, key, n, (const char *)&bits, sizeof bits);
}

/* Add the first word of s to set; with mask, also OR bit into the
 * word's field mask. */
static void add_first(story_strmap *set, const char *s, story_strmap *mask,
                      unsigned bit)
{
    const char *sp = s ? strchr(s, ' ') : NULL;
    size_t n = s ? (sp ? (size_t)(sp - s) : strlen(s)) : 0;
    if (!n || n >= 256)
        return;
    (void)story__strmap_put(set, s, n, "", 0);
    if (mask)
        mask_or(mask, s, n, bit);
}

/* Bytes of the first 3 code points of s (0 when s has fewer, or a space
 * comes first). */
static size_t prefix3(const char *s)
{
    size_t i = 0, n = strlen(s);
    for (int k = 0; k < 3; k++) {
        if (i >= n || s[i] == ' ')
            return 0;
        story__utf8_next(s, n, &i);
    }
    return i;
}

static void add_prefix(story_strmap *set, const char *s, story_strmap *mask,
                       unsigned bit)
{
    size_t p = s ? prefix3(s) : 0;
    if (!p || p >= 16)
        return;
    (void)story__strmap_put(set, s, p, "", 0);
    mask_or(mask, s, p, bit);
}

static void add_firsts(fx_lex *l, const char *folded, const char *stemmed,
                       struct fx_mask *mk)
{
    add_first(&l->firsts, folded, &mk->words, l->bit);
    add_first(&l->stem_firsts, stemmed, NULL, 0);
    add_prefix(&l->prefixes, folded, &mk->pre, l->bit);
    add_prefix(&l->prefixes, stemmed, &mk->pre, l->bit);
    if (folded && folded[0]) {
        size_t i = 0, n = strlen(folded);
        story__utf8_next(folded, n, &i);
        if (i < 8) {
            (void)story__strmap_put(&l->first_cps, folded, i, "", 0);
            mask_or(&mk->cps, folded, i, l->bit);
        }
    }
}

/* zh/ja: does token key k start with the first character of an entry? */
static int first_cp_known(const fx_lex *l, const char *k)
{
    size_t i = 0, n = strlen(k);
    if (!n)
        return 0;
    story__utf8_next(k, n, &i);
    if (i >= 8)
        return 0;
    return story__strmap_get(&l->first_cps, k, i, NULL) != NULL;
}

/* Could token key k start an entry by stem? Its 3-letter prefix must be
 * the prefix of some entry (cheap test before stemming). */
static int prefix_known(const fx_lex *l, const char *k)
{
    size_t p = prefix3(k);
    if (!p || p >= 16)
        return 0;
    return story__strmap_get(&l->prefixes, k, p, NULL) != NULL;
}

/* Index of field in x->memo_field, or (size_t)-1: a direct-mapped
 * cache by pointer bits in front of the linear search (story__fx_match asks for
 * every token and field; entries are only ever appended). */
static size_t memo_slot(fx *x, const char *field)
{
    size_t h = ((uintptr_t)field >> 3) & (FX_MEMO - 1);
    if (x->memo_dm[h] == field)
        return x->memo_dm_slot[h];
    for (size_t i = 0; i < x->n_memo; i++)
        if (x->memo_field[i] == field) {
            x->memo_dm[h] = field;
            x->memo_dm_slot[h] = (unsigned char)i;
            return i;
        }
    return (size_t)-1;
}

/* Per-article memo: field pointer (callers pass literals) -> lexicon
 * index in the context cache. */
static fx_lex *lex_get(fx *x, const char *field)
{
    fx_cache *c = story__ctx_get(x->ctx, STORY_MOD_FACTS);
    size_t i = memo_slot(x, field);
    if (i != (size_t)-1)
        return &c->lex[x->memo_idx[i]];
    fx_lex *l = lex_load(x, field);
    c = story__ctx_get(x->ctx, STORY_MOD_FACTS);
    if (l && x->n_memo < FX_MEMO) {
        x->memo_field[x->n_memo] = field;
        x->memo_idx[x->n_memo] = (size_t)(l - c->lex);
        x->n_memo++;
    }
    return l;
}

static fx_lex *lex_load(fx *x, const char *field)
{
    fx_cache *c = story__ctx_get(x->ctx, STORY_MOD_FACTS);
    const char *lang = story_langpack_lang(x->lp);
    if (!c) {
        c = story__calloc(1, sizeof *c);
        if (!c)
            return NULL;
        story__ctx_set(x->ctx, STORY_MOD_FACTS, c, cache_free);
    }
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->lex[i].field, field) == 0 &&
            strcmp(c->lex[i].lang, lang) == 0)
            return &c->lex[i];
    if (c->n == c->cap) {
        size_t nc = c->cap ? c->cap * 2 : 32;
        fx_lex *nl = story__realloc(c->lex, nc * sizeof *nl);
        if (!nl)
            return NULL;
        c->lex = nl;
        c->cap = nc;
    }
    fx_lex *l = &c->lex[c->n];
    memset(l, 0, sizeof *l);
    snprintf(l->lang, sizeof l->lang, "%s", lang);
    snprintf(l->field, sizeof l->field, "%s", field);
    l->maxw = 1;
    l->stem_ok = strcmp(field, "counted_nouns") == 0 ||
                 strcmp(field, "event_lexicon") == 0 ||
                 strcmp(field, "reporting_verbs") == 0;
    /* one bit per field of this language; its first words enter the
     * language's mask (one hash lookup per token answers every field) */
    unsigned nbits = 0;
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->lex[i].lang, lang) == 0)
            nbits++;
    l->bit = nbits < 31 ? 1u << nbits : 0;
    struct fx_mask *mask = NULL;
    for (size_t i = 0; i < c->n_masks && !mask; i++)
        if (strcmp(c->masks[i].lang, lang) == 0)
            mask = &c->masks[i];
    if (!mask) {
        struct fx_mask *nm =
            story__realloc(c->masks, (c->n_masks + 1) * sizeof *nm);
        if (!nm)
            return NULL;
        c->masks = nm;
        memset(&nm[c->n_masks], 0, sizeof *nm);
        snprintf(nm[c->n_masks].lang, sizeof nm->lang, "%s", lang);
        mask = &nm[c->n_masks++];
    }
    json_t *f = story_langpack_field(x->lp, field);
    story_buf st = {0};
    const char *k;
    json_t *v;
    size_t idx;
    /* entries: object keys or list strings */
    if (json_is_object(f)) {
        json_object_foreach(f, k, v) {
            char *folded = NULL;
            if (story_normalize_key(&folded, NULL, k, strlen(k), NULL))
                continue;
            int w = count_words(folded);
            if (w > l->maxw)
                l->maxw = w;
            stem_phrase(x, folded, &st);
            if (st.data && st.data[0] &&
                !story__strmap_get(&l->stems, st.data, st.len, NULL)) {
                if (json_is_string(v))
                    (void)story__strmap_put(&l->stems, st.data, st.len,
                                            json_string_value(v),
                                            json_string_length(v));
                else
                    (void)story__strmap_put(&l->stems, st.data, st.len,
                                            "1", 1);
            }
            add_firsts(l, folded, st.data, mask);
            story_free(folded);
        }
    } else if (json_is_array(f)) {
        json_array_foreach(f, idx, v) {
            if (!json_is_string(v))
                continue;
            char *folded = NULL;
            const char *s = json_string_value(v);
            if (story_normalize_key(&folded, NULL, s, strlen(s), NULL))
                continue;
            int w = count_words(folded);
            if (w > l->maxw)
                l->maxw = w;
            stem_phrase(x, folded, &st);
            if (st.data && st.data[0])
                (void)story__strmap_put(&l->stems, st.data, st.len, "1", 1);
            add_firsts(l, folded, st.data, mask);
            story_free(folded);
        }
    }
    if (l->maxw > 6)
        l->maxw = 6;
    story_buf_free(&st);
    c->n++;
    c->gen++;
    return l;
}

/* Bit mask of the fields some entry of which starts with token i's exact
 * folded form (kind FX_MASK_WORD), with its first code point (FX_MASK_CP)
 * or with its 3-letter prefix (FX_MASK_PRE, first word or first stem):
 * memoised per token (x->tmask holds the three kinds one after another);
 * recomputed when a field was loaded since. */
enum { FX_MASK_WORD, FX_MASK_CP, FX_MASK_PRE };

static unsigned tok_mask(fx *x, size_t i, int kind)
{
    fx_cache *c = story__ctx_get(x->ctx, STORY_MOD_FACTS);
    if (!c || !x->tmask)
        return ~0u;
    size_t slot = (size_t)kind * (x->a->n_tokens + 1) + i;
    if (x->tmask_gen[slot] == c->gen + 1)
        return x->tmask[slot];
    const char *lang = story_langpack_lang(x->lp);
    const struct fx_mask *mk = NULL;
    for (size_t k = 0; k < c->n_masks && !mk; k++)
        if (strcmp(c->masks[k].lang, lang) == 0)
            mk = &c->masks[k];
    const char *key = x->a->tokens[i].key;
    size_t n = strlen(key), p = 0;
    unsigned bits = 0;
    if (mk && kind == FX_MASK_WORD) {
        bits = mask_get(&mk->words, key, n);
    } else if (mk && kind == FX_MASK_CP && n) {
        story__utf8_next(key, n, &p);
        bits = p < 8 ? mask_get(&mk->cps, key, p) : 0;
    } else if (mk && kind == FX_MASK_PRE) {
        p = prefix3(key);
        bits = p && p < 16 ? mask_get(&mk->pre, key, p) : 0;
    }
    x->tmask[slot] = bits;
    x->tmask_gen[slot] = c->gen + 1;
    return bits;
}

/* ---- token geometry -------------------------------------------------- */

static int is_space_cp(int32_t c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 ||
           c == 0x202F || c == 0x2009 || c == 0x200B || c == 0x3000 ||
           c == 0xAD;
}

int story__fx_adjacent(const fx *x, size_t i, int hyphen)
{
    const story_article *a = x->a;
    if (i + 1 >= a->n_tokens)
        return 0;
    size_t p = a->tokens[i].end, e = a->tokens[i + 1].start;
    while (p < e) {
        int32_t c = story__utf8_next(a->text, e, &p);
        if (is_space_cp(c))
            continue;
        if (hyphen && (c == '-' || c == '\'' || c == 0x2019 || c == 0x2010 ||
                       c == 0x2011 || c == '.'))
            continue;
        return 0;
    }
    return 1;
}

int story__fx_clause_break_before(const fx *x, size_t i)
{
    const story_article *a = x->a;
    size_t s = a->tokens[i].sentence;
    size_t p = i > x->sent_tok[s] ? a->tokens[i - 1].end
                                  : a->sentences[s].start;
    size_t e = a->tokens[i].start;
    while (p < e) {
        int32_t c = story__utf8_next(a->text, e, &p);
        if (c == ',' || c == ';' || c == ':' || c == '(' || c == ')' ||
            c == 0x2013 || c == 0x2014 || c == 0xFF0C || c == 0x3001 ||
            c == 0xFF1B || c == 0x060C || c == 0xFF1A)
            return 1;
    }
    return 0;
}

size_t story__fx_token_after(const fx *x, size_t off)
{
    size_t lo = 0, hi = x->a->n_tokens;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (x->a->tokens[mid].end > off)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

size_t story__fx_sentence_at(const fx *x, size_t off)
{
    const story_article *a = x->a;
    size_t lo = 0, hi = a->n_sentences;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (a->sentences[mid].end <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < a->n_sentences ? lo : a->n_sentences - 1;
}

/* ---- lexicon matching ------------------------------------------------ */

/* Stem of token i (story__stem), computed on first use and kept. */
static const char *fx_stem(fx *x, size_t i)
{
    if (x->stem[i])
        return x->stem[i];
    const char *k = x->a->tokens[i].key;
    size_t kn = strlen(k);
    story_buf one = {0};
    char *d;
    if (story__stem(x->ctx, x->lang, k, kn, &one, NULL) == 0 && one.data)
        d = story__strndup(one.data, one.len);
    else
        d = story__strndup(k, kn);
    story_buf_free(&one);
    x->stem[i] = d ? d : (char *)"";
    x->stem_owned[i] = d != NULL;
    return x->stem[i];
}

static const char *match_raw(fx *x, fx_lex *l, const char *field, size_t i,
                             size_t e, size_t *n);

/* The concepts of one field of the story__fx_match memo: each distinct concept
 * string (a pointer into a lexicon of the context cache) once, numbered
 * from 1 in v[0..n), found again through an open-addressing hash of the
 * pointer (ht: number, 0 empty). The memo then holds 2 bytes per token
 * and field instead of a pointer and two flags (16 bytes): on a 4 MB
 * article (650,000 tokens, 15 lexicon fields) 20 MB instead of 156 MB. */
typedef struct fx_concepts {
    const char **v;
    size_t n, cap;
    uint16_t *ht;
    size_t ht_cap; /* a power of two, more than 2 n */
} fx_concepts;

#define FX_MC_DONE 0x8000u  /* mcache: computed */
#define FX_MC_CODE 0x0FFFu  /* mcache: concept number, 0 none */
#define FX_MC_SHIFT 12      /* mcache: tokens matched (3 bits) */
#define FX_MC_MAXN 7

static void concepts_free(fx_concepts *t)
{
    for (size_t m = 0; t && m < FX_MEMO; m++) {
        free(t[m].v);
        free(t[m].ht);
    }
    free(t);
}

static size_t concept_hash(const char *c)
{
    uint64_t h = (uint64_t)(uintptr_t)c;
    h ^= h >> 33;
    h *= 0xFF51AFD7ED558CCDull; /* MurmurHash3 fmix64 */
    h ^= h >> 33;
    return (size_t)h;
}

/* Number (from 1) of concept c of memo field `slot`, added when new; 0
 * when out of memory or when the 4095 numbers are used up (the caller
 * then does not memoise). */
static unsigned concept_code(fx *x, size_t slot, const char *c)
{
    if (!x->mconcepts &&
        !(x->mconcepts = story__calloc(FX_MEMO, sizeof *x->mconcepts)))
        return 0;
    fx_concepts *t = &x->mconcepts[slot];
    if (2 * (t->n + 1) >= t->ht_cap) {
        size_t cap = t->ht_cap ? 2 * t->ht_cap : 64;
        uint16_t *ht = story__calloc(cap, sizeof *ht);
        if (!ht)
            return 0;
        for (size_t k = 0; k < t->n; k++) {
            size_t h = concept_hash(t->v[k]) & (cap - 1);
            while (ht[h])
                h = (h + 1) & (cap - 1);
            ht[h] = (uint16_t)(k + 1);
        }
        free(t->ht);
        t->ht = ht;
        t->ht_cap = cap;
    }
    size_t mask = t->ht_cap - 1, h = concept_hash(c) & mask;
    for (; t->ht[h]; h = (h + 1) & mask)
        if (t->v[t->ht[h] - 1] == c)
            return t->ht[h];
    if (t->n >= FX_MC_CODE)
        return 0;
    if (t->n == t->cap) {
        size_t cap = t->cap ? 2 * t->cap : 32;
        const char **v = story__realloc(t->v, cap * sizeof *v);
        if (!v)
            return 0;
        t->v = v;
        t->cap = cap;
    }
    t->v[t->n++] = c;
    t->ht[h] = (uint16_t)t->n;
    return t->ht[h];
}

/* Memoised per (field, token) for matches bounded by the token's
 * sentence; a caller's tighter bound re-checks the cached span. */
const char *story__fx_match(fx *x, const char *field, size_t i, size_t e,
                            size_t *n)
{
    const story_article *a = x->a;
    if (i >= a->n_tokens)
        return NULL;
    size_t se = x->sent_tok[a->tokens[i].sentence + 1];
    if (e > se)
        e = se;
    if (i >= e)
        return NULL;
    /* a memoised answer first (no lexicon look-up): a slot has a memo
     * only after lex_get found its lexicon */
    size_t slot = memo_slot(x, field);
    if (slot != (size_t)-1 && x->mcache[slot] && x->mcache[slot][i]) {
        unsigned me = x->mcache[slot][i], code = me & FX_MC_CODE;
        if (!code)
            return NULL;
        size_t mn = (me & ~FX_MC_DONE) >> FX_MC_SHIFT;
        if (i + mn <= e) {
            *n = mn;
            return x->mconcepts[slot].v[code - 1];
        }
    }
    fx_lex *l = lex_get(x, field);
    slot = memo_slot(x, field);
    if (!l || slot == (size_t)-1)
        return match_raw(x, l, field, i, e, n);
    if (!x->mcache[slot]) {
        x->mcache[slot] = story__calloc(a->n_tokens + 1,
                                        sizeof *x->mcache[slot]);
        if (!x->mcache[slot])
            return match_raw(x, l, field, i, e, n);
    }
    uint16_t *me = &x->mcache[slot][i];
    if (!*me) {
        size_t m = 0;
        const char *cpt = match_raw(x, l, field, i, se, &m);
        unsigned code = cpt ? concept_code(x, slot, cpt) : 0;
        if (cpt && (!code || m > FX_MC_MAXN)) {
            /* not memoised (out of memory, too many concepts) */
            if (i + m <= e) {
                *n = m;
                return cpt;
            }
            return match_raw(x, l, field, i, e, n);
        }
        *me = (uint16_t)(FX_MC_DONE | m << FX_MC_SHIFT | code);
    }
    unsigned code = *me & FX_MC_CODE;
    if (!code)
        return NULL;
    size_t mn = (*me & ~FX_MC_DONE) >> FX_MC_SHIFT;
    if (i + mn <= e) {
        *n = mn;
        return x->mconcepts[slot].v[code - 1];
    }
    return match_raw(x, l, field, i, e, n);
}

static int fx_stem_known(const story_strmap *set, const char *stem)
{
    return stem && story__strmap_get(set, stem, strlen(stem), NULL) != NULL;
}

static const char *match_raw(fx *x, fx_lex *l, const char *field, size_t i,
                             size_t e, size_t *n)
{
    const story_article *a = x->a;
    int maxw = l ? l->maxw : 1;
    story_buf *b = &x->tmp;
    /* fast rejection: the token starts no entry (exact or stem) */
    if (l && x->cjk &&
        !(l->bit ? (tok_mask(x, i, FX_MASK_CP) & l->bit) != 0
                 : first_cp_known(l, a->tokens[i].key)))
        return NULL;
    if (l && !x->cjk &&
        (l->bit ? !(tok_mask(x, i, FX_MASK_WORD) & l->bit)
                : !story__strmap_get(&l->firsts, a->tokens[i].key,
                                     strlen(a->tokens[i].key), NULL)) &&
        !(x->lex_stems && l->stem_ok &&
          (l->bit ? (tok_mask(x, i, FX_MASK_PRE) & l->bit) != 0
                  : prefix_known(l, a->tokens[i].key)) &&
          fx_stem_known(&l->stem_firsts, fx_stem(x, i))))
        return NULL;
    for (int w = maxw; w >= 1; w--) {
        if (i + (size_t)w > e)
            continue;
        int ok = 1;
        for (size_t k = i; k + 1 < i + (size_t)w; k++)
            if (!story__fx_adjacent(x, k, 1)) {
                ok = 0;
                break;
            }
        if (!ok)
            continue;
        for (int joiner = 0; joiner < (x->cjk ? 2 : 1); joiner++) {
            b->len = 0;
            for (size_t k = i; k < i + (size_t)w; k++) {
                if (k > i && joiner == 0)
                    story_buf_putc(b, ' ');
                story_buf_puts(b, a->tokens[k].key);
            }
            if (b->oom)
                return NULL;
            json_t *v = story_langpack_lookup(x->lp, field, b->data);
            if (v) {
                *n = (size_t)w;
                return json_is_string(v) ? json_string_value(v) : "1";
            }
        }
        if (!l || !x->lex_stems || !l->stem_ok)
            continue;
        b->len = 0;
        for (size_t k = i; k < i + (size_t)w; k++) {
            if (k > i)
                story_buf_putc(b, ' ');
            story_buf_puts(b, fx_stem(x, k));
        }
        if (b->oom)
            return NULL;
        const char *v = story__strmap_get(&l->stems, b->data, b->len, NULL);
        if (v) {
            *n = (size_t)w;
            return v;
        }
    }
    return NULL;
}

/* ---- polarity and modality ------------------------------------------- */

/* Clause of token i within sentence s: [*cs, *ce) tokens. */
static void clause_of(const fx *x, size_t s, size_t i, size_t *cs, size_t *ce)
{
    size_t b = x->sent_tok[s], e = x->sent_tok[s + 1];
    size_t lo = i, hi = i + 1;
    /* a clause is at most FX_WINDOW tokens either side (run-on text) */
    if (i > b + FX_WINDOW)
        b = i - FX_WINDOW;
    if (e > i + FX_WINDOW)
        e = i + FX_WINDOW;
    while (lo > b && !story__fx_clause_break_before(x, lo))
        lo--;
    while (hi < e && !story__fx_clause_break_before(x, hi))
        hi++;
    *cs = lo;
    *ce = hi;
}

/* A postposed negation cue at k > i stays out of predicate i's scope when
 * a scope break lies between them (pack "negation_scope_breaks":
 * coordinators, de "und": "zu verabschieden und diese nicht
 * zusammenzufassen" negates the second verb only). */
static int scope_break_between(fx *x, size_t i, size_t k)
{
    for (size_t q = i + 1; q < k; q++)
        if (story_langpack_has(x->lp, "negation_scope_breaks",
                               x->a->tokens[q].key))
            return 1;
    return 0;
}

/* Token k starts with an elided negation particle of pack
 * "negation_elided" (fr "n'ont", "n’a": the word breaker keeps the
 * elision inside the word) and has more after it. */
int story__fx_elided_negation(fx *x, size_t k)
{
    json_t *el = story_langpack_field(x->lp, "negation_elided");
    const char *w = x->a->tokens[k].key;
    size_t m;
    json_t *v;
    json_array_foreach(el, m, v) {
        const char *p = json_string_value(v);
        size_t pl = p ? strlen(p) : 0;
        if (pl && strncmp(w, p, pl) == 0 && w[pl])
            return 1;
    }
    return 0;
}

/* Is there an event fact of sentence s already extracted between byte
 * offsets [from, to)? A negative subject negates the clause's first
 * predicate only ("No countries have signed up … to support a peace
 * agreement": the sign-up is denied, the purpose is not). Events are
 * pushed in text order, so the scan walks back over the sentence. */
static int event_between(const fx *x, size_t s, size_t from, size_t to)
{
    const story_fact *f = (const story_fact *)x->facts.data;
    for (size_t q = x->facts.len; q-- > 0;) {
        if (f[q].sentence != s)
            break;
        if (f[q].type == STORY_FACT_EVENT && f[q].start >= from &&
            f[q].end <= to)
            return 1;
    }
    return 0;
}

/* Pack "negation_prefixes" (cs "ne": "nenavštíví" will not visit,
 * "nepodepsal" did not sign). Token i is read as a word of lexicon
 * `field` negated by a prefix when the token itself is no entry, ends in
 * a verb ending of pack "negation_prefix_endings" (the prefix is read
 * on verbs only: "nezaměstnanost", unemployment, is a noun), and the
 * rest after the prefix, at least 4 code points, is an entry (exact, or
 * by stem in "lexicon_stems" packs): "nebezpečí" (danger) is not, since
 * "bezpečí" is no event word. Returns the concept and *rest (the rest
 * of the token's key), or NULL. */
const char *story__fx_prefix_negated(fx *x, size_t i, const char *field,
                                     const char **rest)
{
    json_t *pf = story_langpack_field(x->lp, "negation_prefixes");
    if (!json_array_size(pf) || x->cjk || i >= x->a->n_tokens ||
        !(x->a->tokens[i].flags & STORY_TOKEN_LETTER))
        return NULL;
    const char *w = x->a->tokens[i].key;
    size_t m, n;
    json_t *v;
    json_array_foreach(pf, m, v) {
        const char *p = json_string_value(v);
        size_t pl = p ? strlen(p) : 0;
        if (!pl || strncmp(w, p, pl) != 0)
            continue;
        const char *r = w + pl;
        size_t ncp = 0;
        for (const char *q = r; *q; q++)
            if (((unsigned char)*q & 0xC0) != 0x80)
                ncp++;
        if (ncp < 4 ||
            !story__fx_ends_with(x, "negation_prefix_endings", i, 2) ||
            story__fx_match(x, field, i, i + 1, &n))
            continue;
        json_t *e = story_langpack_lookup(x->lp, field, r);
        const char *c = json_is_string(e) ? json_string_value(e) : NULL;
        fx_lex *l = c ? NULL : lex_get(x, field);
        if (!c && l && x->lex_stems && l->stem_ok) {
            story_buf st = {0};
            if (story__stem(x->ctx, x->lang, r, strlen(r), &st, NULL) == 0 &&
                st.data && !st.oom)
                c = story__strmap_get(&l->stems, st.data, st.len, NULL);
            story_buf_free(&st);
        }
        if (c && strcmp(c, "-") != 0) {
            if (rest)
                *rest = r;
            return c;
        }
    }
    return NULL;
}

/* A verbal particle at token k negates its verb, the next word, and that
 * verb's object: an event noun after it across prepositions and
 * determiners only ("no asistirá a la cumbre": will not attend the
 * summit), so the particle reaches predicate i (4-5 tokens on) when at
 * most one word between them is neither a determiner nor a function or
 * stop word. */
static int particle_reaches(fx *x, size_t k, size_t i)
{
    size_t content = 0;
    for (size_t q = k + 1; q < i; q++) {
        const char *w = x->a->tokens[q].key;
        if (!story_langpack_has(x->lp, "determiners", w) &&
            !story_langpack_has(x->lp, "function_words", w) &&
            !story__is_stopword(x->ctx, x->lang, w))
            content++;
    }
    return content <= 1;
}

/* 1 when token k of clause [cs, ce) lies in a phrase of the pack's
 * "negation_exceptions" ("no fewer than", "nobody doubts", "not only"):
 * its negation word negates no predicate (session 21, fresh-user 21 H11:
 * "No fewer than 40 people were injured" negated "injured", a certain
 * contradiction against "At least 40"; facts_speech.c skipped the
 * phrases for quotes only). */
static int in_negation_exception(fx *x, size_t cs, size_t ce, size_t k)
{
    size_t n;
    for (size_t st = k >= cs + 3 ? k - 3 : cs; st <= k; st++)
        if (story__fx_match(x, "negation_exceptions", st, ce, &n) &&
            k < st + n)
            return 1;
    return 0;
}

int story__fx_negated(fx *x, size_t s, size_t i)
{
    size_t cs, ce, n;
    clause_of(x, s, i, &cs, &ce);
    /* a verb negated by its prefix (cs "nepodepsal") */
    if (story__fx_prefix_negated(x, i, "event_lexicon", NULL))
        return 1;
    /* before the predicate: a verbal particle ("not", "не", "nie") within
     * 3 tokens, any other cue ("no", "жодна", "kein") within 5; after it
     * (languages with "negation_after": de "nicht", is "ekki") a verbal
     * particle within 3, never a determiner ("eines Fluges keine Rolle":
     * "keine" negates its own noun), never onto a noun (capitalised
     * mid-sentence in packs with "capitalised_nouns": "Finanzierung ...
     * nicht vereinbar" negates the adjective after the particle, the noun
     * before it is the subject), never across a scope break */
    int after = json_is_true(story_langpack_field(x->lp, "negation_after"));
    if (after && i > x->sent_tok[s] &&
        (x->a->tokens[i].flags & STORY_TOKEN_CAPITAL) &&
        json_is_true(story_langpack_field(x->lp, "capitalised_nouns")))
        after = 0;
    /* a verb with a separable particle: the particle right before the
     * clause-final particle negates it at any distance ("schließt
     * Neuwahlen im Herbst nicht aus"; session 12) */
    if (after) {
        size_t q = story__fx_separable_particle(x, i, ce);
        if (q > i + 1 &&
            story_langpack_has(x->lp, "negation_particles",
                               x->a->tokens[q - 1].key) &&
            !scope_break_between(x, i, q - 1))
            return 1;
    }
    /* a negation particle closing a verb-second clause negates the
     * clause's verb at any distance when no other event word lies
     * between ("Die Kommission genehmigte am Donnerstag zehn neue
     * Fährlinien nicht."; session 15, fresh-user 14 H1: de read 0 of 3
     * such negations) */
    if (after) {
        size_t k = ce;
        while (k > i + 1 &&
               !(x->a->tokens[k - 1].flags & STORY_TOKEN_LETTER))
            k--;
        k--;
        if (k > i + 3 &&
            story_langpack_has(x->lp, "negation_particles",
                               x->a->tokens[k].key) &&
            !scope_break_between(x, i, k)) {
            int other = 0;
            for (size_t q = i + 1; q < k && !other; q++)
                other = story__fx_match(x, "event_lexicon", q, k, &n) != NULL;
            if (!other)
                return 1;
        }
    }
    size_t from = i >= cs + 5 ? i - 5 : cs;
    size_t to = x->cjk ? i : (after ? (i + 4 < ce ? i + 4 : ce) : i);
    /* a postpositive cue (hi "किए बिना": without doing) negates the word
     * right before it: the predicate when it follows within 2 tokens,
     * never a predicate after it */
    for (size_t k = i + 1; k < ce && k <= i + 2; k++)
        if (story_langpack_has(x->lp, "negation_postpositive",
                               x->a->tokens[k].key))
            return 1;
    /* a negative determiner or pronoun opening the clause (pack
     * "negation_clause_cues": "No country in the region has signed up",
     * "Keine Länder haben sich der Koalition angeschlossen") negates its
     * predicate at any distance, up to a scope break */
    for (size_t k = cs; k < i && k < cs + 2; k++)
        if (story__fx_match(x, "negation_clause_cues", k, ce, &n) &&
            !in_negation_exception(x, cs, ce, k) &&
            !scope_break_between(x, k, i) &&
            !event_between(x, s, x->a->tokens[k].end, x->a->tokens[i].start))
            return 1;
    for (size_t k = i >= cs + 3 ? i - 3 : cs; k < i; k++)
        if (story__fx_elided_negation(x, k))
            return 1;
    for (size_t k = from; k < to; k++) {
        if (k == i)
            continue;
        if (!story__fx_match(x, "negation_cues", k, ce, &n) ||
            in_negation_exception(x, cs, ce, k))
            continue;
        if (k < i && story_langpack_has(x->lp, "negation_postpositive",
                                        x->a->tokens[k].key))
            continue;
        if (k < i && i - k > 3 &&
            story_langpack_has(x->lp, "negation_particles",
                               x->a->tokens[k].key) &&
            !particle_reaches(x, k, i))
            continue;
        /* a negative determiner right after a finite verb negates it
         * (pack "negation_object_determiners": de "Er unterzeichnete
         * keine Notverordnung" = he did not sign one), unlike one further
         * on, which negates its own noun */
        if (k == i + 1 && after &&
            story_langpack_has(x->lp, "negation_object_determiners",
                               x->a->tokens[k].key))
            return 1;
        if (k > i && !x->cjk &&
            (!story_langpack_has(x->lp, "negation_particles",
                                 x->a->tokens[k].key) ||
             scope_break_between(x, i, k)))
            continue;
        return 1;
    }
    return 0;
}

/* The negation of a quantity: a cue inside its noun phrase, right before
 * the number or its qualifier ("not 12", "kein einziger", "ни одного"),
 * at most 2 tokens before token i (the first token of the quantity). A
 * negated clause does not negate the count: "Congress has not passed the
 * 12 bills" still speaks of 12 bills (story_facts_check() skips counts of
 * a negated event instead). Postpositive cues (zh/ja/hi) keep the clause
 * rule. */
static int quantity_negated(fx *x, size_t s, size_t i)
{
    size_t cs, ce, n;
    if (x->cjk || story_langpack_field(x->lp, "negation_postpositive"))
        return story__fx_negated(x, s, i);
    clause_of(x, s, i, &cs, &ce);
    for (size_t k = i >= cs + 2 ? i - 2 : cs; k < i; k++)
        if (story__fx_match(x, "negation_cues", k, ce, &n) && k + n >= i &&
            !in_negation_exception(x, cs, ce, k))
            return 1;
    return 0;
}

/* Conditional-mood endings of pack "hedge_suffixes" (es "-ría": apoyaría,
 * "would support") on the predicate token itself; the stem before the
 * ending must keep 3 bytes or more. */
static int hedge_suffix(fx *x, size_t i)
{
    return story__fx_ends_with(x, "hedge_suffixes", i, 3);
}

int story__fx_ends_with(fx *x, const char *field, size_t k, size_t min_stem)
{
    json_t *sf = story_langpack_field(x->lp, field);
    const char *w = x->a->tokens[k].key;
    size_t wl = strlen(w), i;
    json_t *v;
    json_array_foreach(sf, i, v) {
        const char *e = json_string_value(v);
        size_t el = e ? strlen(e) : 0;
        if (el && wl >= el + min_stem && strcmp(w + wl - el, e) == 0)
            return 1;
    }
    return 0;
}

/* A modal of pack "hedge_backshift" (en "would", de "würde") at token k
 * in reported speech is the tense of the report, not a hedge (backshift,
 * Quirk et al. 1985, 14.31; as for quotes in facts_speech.c): "told
 * staff that the airline would cut 2,100 jobs" reports "will cut". The
 * speech is reported when a reporting verb precedes k in its sentence
 * with a complementizer ("that", "dass") between them, or at most 4
 * tokens before k ("said the deal would create"). */
static int backshift(fx *x, size_t s, size_t k)
{
    if (!story_langpack_has(x->lp, "hedge_backshift", x->a->tokens[k].key))
        return 0;
    size_t b = x->sent_tok[s], n;
    int comp = 0;
    for (size_t q = k; q > b && q + FX_WINDOW > k;) {
        q--;
        if (story_langpack_has(x->lp, "speech_complementizers",
                               x->a->tokens[q].key))
            comp = 1;
        /* "if", "falls": a condition, not a report */
        if (story_langpack_has(x->lp, "hedge_cues", x->a->tokens[q].key) &&
            !story_langpack_has(x->lp, "hedge_backshift",
                                x->a->tokens[q].key))
            return 0;
        if (story__fx_match(x, "reporting_verbs", q, k, &n))
            return comp || k - q <= 4;
    }
    return 0;
}

int story__fx_hedged(fx *x, size_t s, size_t i)
{
    size_t cs, ce, n;
    clause_of(x, s, i, &cs, &ce);
    if (hedge_suffix(x, i))
        return 1;
    /* cues before the predicate in its clause (a cue after it usually
     * belongs to a relative clause: "signed up to a force that could"),
     * plus the next two tokens ("is expected to"); anywhere for zh/ja */
    size_t to = x->cjk ? ce : (i + 3 < ce ? i + 3 : ce);
    for (size_t k = cs; k < to; k++)
        if (k != i && story__fx_match(x, "hedge_cues", k, ce, &n) &&
            !(n == 1 && backshift(x, s, k)))
            return 1;
    /* a sentence adverb set off by commas hedges the clause after it
     * (session 19): "Reportedly, the minister ordered …", es "Al parecer,
     * …", zh "据报道，部长…", uk "орендарі, ймовірно, зіткнуться": the
     * clause right before i's is one cue of "hedge_cues" or
     * "hedge_evidential" and nothing else (only that one: "If, for some
     * reason, …, sites aggregate flight data" hedges no later clause) */
    if (cs > x->sent_tok[s]) {
        size_t ps, pz;
        clause_of(x, s, cs - 1, &ps, &pz);
        if ((story__fx_match(x, "hedge_cues", ps, cs, &n) && ps + n == cs) ||
            (story__fx_match(x, "hedge_evidential", ps, cs, &n) &&
             ps + n == cs))
            return 1;
    }
    /* a complement clause ("dass", "that", "que") under a hedged matrix
     * clause asserts nothing either: "it would be the first time that
     * Congress passes ..." */
    if (!x->cjk && cs > x->sent_tok[s] &&
        story_langpack_has(x->lp, "speech_complementizers",
                           x->a->tokens[cs].key)) {
        size_t ms, me;
        clause_of(x, s, cs - 1, &ms, &me);
        for (size_t k = ms; k < me; k++)
            if (story__fx_match(x, "hedge_cues", k, me, &n))
                return 1;
    }
    return 0;
}

/* ---- facts ----------------------------------------------------------- */

char *story__fx_strdup(fx *x, const char *s)
{
    char *d = story__strdup(s ? s : "");
    if (!d && !x->rc)
        x->rc = story__error(x->err, STORY_ENOMEM, NULL, -1, "out of memory");
    return d;
}

char *story__fx_printf(fx *x, const char *fmt, ...)
{
    story_buf b = {0};
    va_list ap;
    va_start(ap, fmt);
    char small[512];
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        n = 0;
    if ((size_t)n < sizeof small) {
        story_buf_free(&b);
        return story__fx_strdup(x, small);
    }
    char *d = story__malloc((size_t)n + 1);
    if (!d) {
        if (!x->rc)
            x->rc = story__error(x->err, STORY_ENOMEM, NULL, -1,
                                 "out of memory");
        return NULL;
    }
    va_start(ap, fmt);
    vsnprintf(d, (size_t)n + 1, fmt, ap);
    va_end(ap);
    return d;
}

void story__fx_fmt_num(char *out, size_t n, double v)
{
    /* 15 significant digits, as report.md promises (session 16,
     * fresh-user 15 L20: %.10g made two 18-digit amounts that share 10
     * leading digits one key) */
    if (fabs(v) < 1e15 && v == floor(v))
        snprintf(out, n, "%.0f", v);
    else
        snprintf(out, n, "%.15g", v);
}

json_t *story__fx_jnum(double v)
{
    if (fabs(v) < 9e15 && v == floor(v))
        return json_integer((json_int_t)v);
    return json_real(v);
}

/* value_json: jansson's compact, key-sorted dump (a well-kept library
 * over a writer of our own, as the brief asks, though it costs about 1 %
 * of a facts-speed pass: session 21 measured a hand-written writer at
 * 34 M instructions a pass against jansson's 69 M and kept jansson).
 * json_dumpb into a stack buffer first: no allocation for the small
 * objects of a fact; a larger one goes through json_dumps. */
char *story__fx_json(fx *x, json_t *o)
{
    const size_t flags = JSON_COMPACT | JSON_SORT_KEYS |
                         JSON_REAL_PRECISION(15);
    char buf[1024];
    size_t n = o ? json_dumpb(o, buf, sizeof buf - 1, flags) : 0;
    char *d = NULL;
    if (n > 0 && n < sizeof buf - 1) {
        buf[n] = '\0';
        json_decref(o);
        return story__fx_strdup(x, buf); /* NULL: x->rc is set */
    }
    char *s = o ? json_dumps(o, flags) : NULL;
    json_decref(o);
    if (!s) {
        if (!x->rc)
            x->rc = story__error(x->err, STORY_ENOMEM, NULL, -1,
                                 "out of memory");
        return NULL;
    }
    d = story__fx_strdup(x, s);
    free(s);
    return d;
}

static void fact_clear(story_fact *f)
{
    free(f->key);
    free(f->slot);
    free(f->value_json);
    free(f->unit);
    free(f->counted);
    free(f->event);
    free(f->qualifier);
    free(f->entity_kind);
    free(f->name);
    for (size_t i = 0; i < f->n_roles; i++)
        free(f->roles[i]);
    free(f->roles);
    free(f->nationality);
    free(f->verb);
    free(f->date_iso);
    free(f->date_relative);
    free(f->predicate);
    free(f->object_key);
}

static int fill_empty(char **p)
{
    if (!*p)
        *p = story__strdup("");
    return *p ? 0 : -1;
}

size_t story__fx_push(fx *x, story_fact *f)
{
    int bad = x->rc != 0;
    char **strs[] = {&f->key,        &f->slot,      &f->value_json,
                     &f->unit,       &f->counted,   &f->event,
                     &f->qualifier,  &f->entity_kind, &f->name,
                     &f->nationality, &f->verb,     &f->date_iso,
                     &f->date_relative, &f->predicate, &f->object_key};
    for (size_t i = 0; i < sizeof strs / sizeof strs[0]; i++)
        if (fill_empty(strs[i]))
            bad = 1;
    if (!bad && !story_vec_push(&x->facts, f))
        bad = 1;
    if (bad) {
        fact_clear(f);
        if (!x->rc)
            x->rc = story__error(x->err, STORY_ENOMEM, NULL, -1,
                                 "out of memory");
        return (size_t)-1;
    }
    return x->facts.len - 1;
}

void story_factset_free(story_factset *fs)
{
    if (!fs)
        return;
    for (size_t i = 0; i < fs->n_facts; i++)
        fact_clear(&fs->facts[i]);
    free(fs->facts);
    free(fs);
}

const char *story_fact_type_name(story_fact_type t)
{
    static const char *const n[] = {"quantity", "entity", "quote",
                                    "attribution", "date", "event"};
    return (unsigned)t < STORY_FACT_NTYPES ? n[t] : "unknown";
}

/* ---- driver ---------------------------------------------------------- */

static void fx_free(fx *x)
{
    for (size_t i = 0; i < x->facts.len; i++)
        fact_clear(&((story_fact *)x->facts.data)[i]);
    story_vec_free(&x->facts);
    for (size_t i = 0; i < x->ents.len; i++) {
        fx_ent *e = &((fx_ent *)x->ents.data)[i];
        free(e->key);
        free(e->name);
        free(e->skel);
        free(e->last);
        free(e->concept);
        for (size_t r = 0; r < e->roles.len; r++)
            free(((char **)e->roles.data)[r]);
        story_vec_free(&e->roles);
    }
    story_vec_free(&x->ents);
    free(x->sent_tok);
    story__strmap_free(&x->cap_ends);
    story__strmap_free(&x->lower_trunks);
    story_free(x->ev_mr_e);
    story_free(x->ev_mr_c);
    story_free(x->ev_mr_n);
    if (x->stem)
        for (size_t i = 0; i < x->a->n_tokens; i++)
            if (x->stem_owned && x->stem_owned[i])
                free(x->stem[i]);
    free(x->stem);
    free(x->stem_owned);
    for (size_t m = 0; m < FX_MEMO; m++)
        free(x->mcache[m]);
    concepts_free(x->mconcepts);
    free(x->tok_ent);
    free(x->tok_role);
    free(x->tok_flags);
    free(x->tmask);
    free(x->tmask_gen);
    json_decref(x->capital_inside);
    json_decref(x->lower_seen);
    story_buf_free(&x->tmp);
}

typedef struct fx_order {
    const story_fact *f;
    size_t idx;
} fx_order;

/* By start, type, end, then extraction order (a total order: the output
 * is deterministic). */
static int cmp_order(const void *pa, const void *pb)
{
    const fx_order *oa = pa, *ob = pb;
    const story_fact *a = oa->f, *b = ob->f;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    if (a->type != b->type)
        return a->type < b->type ? -1 : 1;
    if (a->end != b->end)
        return a->end < b->end ? -1 : 1;
    return oa->idx < ob->idx ? -1 : oa->idx > ob->idx;
}

static int prepare(fx *x)
{
    const story_article *a = x->a;
    x->sent_tok = story__calloc(a->n_sentences + 1, sizeof *x->sent_tok);
    x->tok_ent = story__malloc((a->n_tokens + 1) * sizeof *x->tok_ent);
    x->tok_role = story__calloc(a->n_tokens + 1, 1);
    x->tok_flags = story__calloc(a->n_tokens + 1, 1);
    /* three mask kinds per token (tok_mask) */
    x->tmask = story__calloc(3 * (a->n_tokens + 1), sizeof *x->tmask);
    x->tmask_gen = story__calloc(3 * (a->n_tokens + 1), sizeof *x->tmask_gen);
    x->stem = story__calloc(a->n_tokens + 1, sizeof *x->stem);
    x->stem_owned = story__calloc(a->n_tokens + 1, 1);
    x->capital_inside = json_object();
    x->lower_seen = json_object();
    if (!x->sent_tok || !x->tok_ent || !x->tok_role || !x->tok_flags ||
        !x->tmask || !x->tmask_gen ||
        !x->stem ||
        !x->stem_owned || !x->capital_inside || !x->lower_seen)
        return story__error(x->err, STORY_ENOMEM, NULL, -1, "out of memory");
    size_t t = 0;
    for (size_t s = 0; s < a->n_sentences; s++) {
        while (t < a->n_tokens && a->tokens[t].sentence < s)
            t++;
        x->sent_tok[s] = t;
    }
    x->sent_tok[a->n_sentences] = a->n_tokens;
    /* load every lexicon now: the per-language first-word mask is then
     * complete before the first token is examined */
    static const char *const fields[] = {
        "reporting_verbs", "event_lexicon", "counted_nouns", "negation_cues",
        "hedge_cues", "attribution_cues", "roles", "titles", "nationalities",
        "pronouns", "entity_kinds", "places", "organisations", "people",
        "negation_clause_cues"};
    for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++)
        lex_get(x, fields[f]);
    /* tokens are ordered by sentence; make the table monotone */
    for (size_t s = a->n_sentences; s-- > 0;)
        if (x->sent_tok[s] > x->sent_tok[s + 1])
            x->sent_tok[s] = x->sent_tok[s + 1];
    for (size_t i = 0; i < a->n_tokens; i++) {
        x->tok_ent[i] = -1;
        const char *k = a->tokens[i].key;
        size_t kn = strlen(k);
        /* written in lower case (a common word of a cased script) */
        if ((a->tokens[i].flags & STORY_TOKEN_LETTER) &&
            !(a->tokens[i].flags & STORY_TOKEN_CAPITAL) &&
            (unsigned char)k[0] < 0xD8 && kn < 120)
            json_object_set(x->lower_seen, k, json_true());
        /* capitalised on its own in the middle of a sentence (not as
         * the first word of a longer capitalised run) */
        if ((a->tokens[i].flags & STORY_TOKEN_CAPITAL) &&
            i > x->sent_tok[a->tokens[i].sentence] &&
            !(a->tokens[i - 1].flags & STORY_TOKEN_CAPITAL) &&
            !(i + 1 < a->n_tokens &&
              a->tokens[i + 1].sentence == a->tokens[i].sentence &&
              (a->tokens[i + 1].flags & STORY_TOKEN_CAPITAL))) {
            size_t kn2 = kn;
            if (kn2 > 2 && k[kn2 - 2] == '\'' && k[kn2 - 1] == 's')
                kn2 -= 2;
            story_buf_append(&x->tmp, k, kn2);
            json_object_set(x->capital_inside, x->tmp.data, json_true());
            x->tmp.len = 0;
        }
    }
    return 0;
}

int story_facts_extract(story_factset **out, story_ctx *ctx,
                        const story_article *a, story_error *err)
{
    if (out)
        *out = NULL;
    if (!out || !ctx || !a)
        return story__error(err, STORY_EINVAL, NULL, -1,
                            "story_facts_extract: NULL argument");
    if (!a->sentences && a->text_len > 0)
        return story__error(err, STORY_EINVAL, a->source, -1,
                            "article is not segmented (call story_segment "
                            "first)");
    fx x;
    memset(&x, 0, sizeof x);
    x.ctx = ctx;
    x.a = a;
    x.err = err;
    x.lang = a->lang && a->lang[0] ? a->lang : "";
    story_vec_init(&x.facts, sizeof(story_fact));
    story_vec_init(&x.ents, sizeof(fx_ent));
    int rc = story_langpack_get(&x.lp, ctx, x.lang, err);
    if (!rc) {
        x.cjk = strncmp(x.lang, "zh", 2) == 0 || strncmp(x.lang, "ja", 2) == 0;
        x.lex_stems = json_is_true(
            story_langpack_field(x.lp, "lexicon_stems"));
        rc = prepare(&x);
    }
    if (!rc)
        rc = story__fx_entities(&x);
    if (!rc)
        rc = story__fx_dates_quantities(&x);
    if (!rc)
        rc = story__fx_speech(&x);
    if (!rc)
        rc = story__fx_events(&x);
    /* quantities: negation inside the noun phrase only (quantity_negated) */
    for (size_t q = 0; !rc && !x.rc && q < x.facts.len; q++) {
        story_fact *f = &((story_fact *)x.facts.data)[q];
        if (f->type == STORY_FACT_QUANTITY && f->sentence < a->n_sentences)
            f->negated = quantity_negated(&x, f->sentence,
                                          story__fx_token_after(&x, f->start));
    }
    if (!rc && x.rc)
        rc = x.rc;
    if (rc) {
        fx_free(&x);
        return rc;
    }
    /* The facts leave the extraction state, which is freed before the
     * sort (its per-token memos are the larger part of the memory on a
     * long article); the vector is trimmed to its length and sorted in
     * place. */
    size_t n = x.facts.len;
    story_fact *f = x.facts.data;
    x.facts.data = NULL;
    x.facts.len = x.facts.cap = 0;
    fx_free(&x);
    if (n) {
        story_fact *t = story__realloc(f, n * sizeof *f);
        if (t)
            f = t;
    } else if (!f) {
        f = story__calloc(1, sizeof *f); /* never NULL, as before */
    }
    story_factset *fs = story__calloc(1, sizeof *fs);
    /* Sort by position; entity indexes must follow the permutation. */
    size_t *order = story__malloc((n + 1) * sizeof *order);
    size_t *where = story__malloc((n + 1) * sizeof *where);
    fx_order *ord = story__malloc((n + 1) * sizeof *ord);
    if (!f || !fs || !order || !where || !ord) {
        free(fs);
        free(order);
        free(where);
        free(ord);
        for (size_t i = 0; i < n; i++)
            fact_clear(&f[i]);
        free(f);
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    }
    for (size_t i = 0; i < n; i++) {
        ord[i].f = &f[i];
        ord[i].idx = i;
    }
    qsort(ord, n, sizeof *ord, cmp_order); /* ties: original order */
    for (size_t i = 0; i < n; i++) {
        order[i] = ord[i].idx;
        where[ord[i].idx] = i;
    }
    free(ord);
    /* f[i] := old f[order[i]], one cycle of the permutation at a time
     * (order[j] = j marks a placed element) */
    for (size_t i = 0; i < n; i++) {
        if (order[i] == i)
            continue;
        story_fact first = f[i];
        size_t j = i;
        while (order[j] != i) {
            size_t k = order[j];
            f[j] = f[k];
            order[j] = j;
            j = k;
        }
        f[j] = first;
        order[j] = j;
    }
    for (size_t i = 0; i < n; i++)
        if (f[i].entity >= 0 && (size_t)f[i].entity < n)
            f[i].entity = (long)where[f[i].entity];
    free(order);
    free(where);
    fs->facts = f;
    fs->n_facts = n;
    *out = fs;
    return 0;
}

/* ---- contradictions inside one article ------------------------------- */

/* A fact of the set being checked, for grouping by (type, slot). */
typedef struct fx_slotref {
    const char *slot;
    int type;
    size_t idx;
} fx_slotref;

static int cmp_slot(const void *pa, const void *pb)
{
    const fx_slotref *a = pa, *b = pb;
    if (a->type != b->type)
        return a->type < b->type ? -1 : 1;
    int c = strcmp(a->slot, b->slot);
    if (c)
        return c;
    return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static int same_slot(const fx_slotref *a, const fx_slotref *b)
{
    return a->type == b->type && strcmp(a->slot, b->slot) == 0;
}

static int cmp_contra(const void *pa, const void *pb)
{
    const story_contradiction *a = pa, *b = pb;
    if (a->fact_a != b->fact_a)
        return a->fact_a < b->fact_a ? -1 : 1;
    return a->fact_b < b->fact_b ? -1 : a->fact_b > b->fact_b;
}

/* Out of memory while collecting contradictions: frees what was
 * collected (details, vector, the sort order) and returns the error. */
static int contra_oom(story_vec *v, void *by, story_error *err)
{
    for (size_t k = 0; k < v->len; k++)
        free(((story_contradiction *)v->data)[k].detail);
    story_vec_free(v);
    free(by);
    return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
}

static int push_contra(story_vec *v, size_t i, size_t j, char *detail)
{
    story_contradiction c = {i, j, detail};
    if (!detail || !story_vec_push(v, &c)) {
        free(detail);
        return -1;
    }
    return 0;
}

/* Durations ("12 years", "18 months") measure different spans of one
 * story; two of them are no contradiction. */
static int is_duration(const char *counted)
{
    static const char *const units[] = {"year", "month", "week", "day",
                                        "hour", "minute", "second"};
    for (size_t i = 0; i < sizeof units / sizeof units[0]; i++)
        if (strcmp(counted, units[i]) == 0)
            return 1;
    return 0;
}

/* A number right after a capitalised word is part of a name ("FTSE 250",
 * "Boeing 737"), not a count; but not after a word of a date mention
 * ("am Freitag 7 Arbeiter") or, in packs with capitalised nouns, after a
 * common noun (de "common_nouns"). */
static int in_name(const story_article *a, const story_langpack *lp,
                   const story_factset *fs, const story_fact *f)
{
    if (!a || f->start < 2 || f->start > a->text_len)
        return 0;
    size_t i = f->start;
    if (a->text[i - 1] != ' ')
        return 0;
    i--;
    size_t end = i;
    while (i > 0 && a->text[i - 1] != ' ' && a->text[i - 1] != '\n')
        i--;
    if (!(end > i && a->text[i] >= 'A' && a->text[i] <= 'Z'))
        return 0;
    /* the word ends the previous sentence ("… on Sunday. Five passengers
     * died"): no name */
    if (a->tokens && a->n_tokens) {
        size_t t = story__token_at(a, i);
        if (t < a->n_tokens && a->tokens[t].sentence != f->sentence)
            return 0;
    }
    for (size_t k = 0; k < fs->n_facts; k++) {
        const story_fact *d = &fs->facts[k];
        if (d->type == STORY_FACT_DATE && d->sentence == f->sentence &&
            d->start <= i && d->end >= end)
            return 0;
    }
    if (lp && a->tokens && a->n_tokens &&
        json_is_true(story_langpack_field(lp, "capitalised_nouns"))) {
        size_t t = story__token_at(a, i);
        if (t < a->n_tokens && a->tokens[t].key &&
            story_langpack_has(lp, "common_nouns", a->tokens[t].key))
            return 0;
    }
    return 1;
}

/* Facts [*lo, *hi) of fs share the sentence of fact i (facts are ordered
 * by position, so the facts of a sentence are contiguous). */
static void sentence_facts(const story_factset *fs, size_t i, size_t *lo,
                           size_t *hi)
{
    size_t s = fs->facts[i].sentence, l = i, h = i + 1;
    while (l > 0 && fs->facts[l - 1].sentence == s)
        l--;
    while (h < fs->n_facts && fs->facts[h].sentence == s)
        h++;
    *lo = l;
    *hi = h;
}

/* Is quantity i a plain count whose value another count of its slot can
 * contradict? Not when
 *  - it is not a whole number: a count of discrete things with a fraction
 *    is a rate or an average ("2.53 per million departures");
 *  - its sentence holds another value of the same slot: a breakdown or a
 *    comparison ("88 cases last year, 94 and 106 before");
 *  - its sentence negates or hedges the event it counts ("has not passed
 *    the 12 bills", "plans to open 160 shops"): the count is not asserted.
 */
static int plain_count(const story_factset *fs, size_t i)
{
    const story_fact *f = &fs->facts[i];
    size_t lo, hi;
    if (f->number != floor(f->number))
        return 0;
    sentence_facts(fs, i, &lo, &hi);
    for (size_t k = lo; k < hi; k++) {
        const story_fact *g = &fs->facts[k];
        if (k == i)
            continue;
        if (g->type == STORY_FACT_QUANTITY && g->slot && f->slot &&
            strcmp(g->slot, f->slot) == 0 && g->event && f->event &&
            strcmp(g->event, f->event) == 0 && g->number != f->number)
            return 0;
        if (g->type == STORY_FACT_EVENT && (g->negated || g->hedged) &&
            g->predicate && f->event && strcmp(g->predicate, f->event) == 0)
            return 0;
    }
    return 1;
}

/* Does the sentence of event fact i count its event ("has not passed
 * the 12 bills")? A denial of a given count does not deny the event:
 * "passed 4 bills" elsewhere is no contradiction. */
static int counts_event(const story_factset *fs, size_t i)
{
    const story_fact *f = &fs->facts[i];
    size_t lo, hi;
    sentence_facts(fs, i, &lo, &hi);
    for (size_t k = lo; k < hi; k++) {
        const story_fact *q = &fs->facts[k];
        /* "two days later … did not sign": a duration is no count */
        if (q->type == STORY_FACT_QUANTITY && q->event && f->predicate &&
            strcmp(q->event, f->predicate) == 0 &&
            !(q->counted && is_duration(q->counted)) &&
            !(q->unit && is_duration(q->unit)))
            return 1;
    }
    return 0;
}

/* The date nearest to fact i in its sentence (by bytes), NULL if none:
 * the time its count refers to ("160 shops next year, and celebrated the
 * end of 2023": next year). */
static const story_fact *nearest_date(const story_factset *fs, size_t i)
{
    const story_fact *f = &fs->facts[i], *best = NULL;
    size_t lo, hi, bd = (size_t)-1;
    sentence_facts(fs, i, &lo, &hi);
    for (size_t k = lo; k < hi; k++) {
        const story_fact *d = &fs->facts[k];
        if (d->type != STORY_FACT_DATE || !d->key)
            continue;
        size_t dist = d->start >= f->end ? d->start - f->end
                      : f->start >= d->end ? f->start - d->end : 0;
        if (dist < bd) {
            bd = dist;
            best = d;
        }
    }
    return best;
}

/* Are the counts i and j dated differently ("160 shops next year", "220
 * shops in 2023")? Then they are of different times and do not
 * contradict each other. */
static int different_times(const story_factset *fs, size_t i, size_t j)
{
    const story_fact *di = nearest_date(fs, i), *dj = nearest_date(fs, j);
    /* a count without a date of its own (a headline's "injures 15") is of
     * the story's time, its first date: not of "in 1998, when … 7 people
     * were hurt" */
    if (!di != !dj) {
        const story_fact *first = NULL;
        for (size_t k = 0; k < fs->n_facts && !first; k++)
            if (fs->facts[k].type == STORY_FACT_DATE && fs->facts[k].key)
                first = &fs->facts[k];
        if (!di)
            di = first;
        else
            dj = first;
    }
    return di && dj && strcmp(di->key, dj->key) != 0;
}


/* Is token t, alone or with the next token of its sentence, a cue of the
 * pack's list `field` (folded; two tokens joined by a space, or without
 * one when the text has none between them: zh, ja)? */
static int cue_at(const story_article *a, const story_langpack *lp,
                  const char *field, size_t t)
{
    const story_token *k = &a->tokens[t];
    if (!k->key)
        return 0;
    if (story_langpack_has(lp, field, k->key))
        return 1;
    if (t + 1 >= a->n_tokens || a->tokens[t + 1].sentence != k->sentence ||
        !a->tokens[t + 1].key)
        return 0;
    char two[192];
    int gap = a->tokens[t + 1].start > k->end;
    int w = snprintf(two, sizeof two, "%s%s%s", k->key, gap ? " " : "",
                     a->tokens[t + 1].key);
    return w > 0 && (size_t)w < sizeof two &&
           story_langpack_has(lp, field, two);
}

/* Does the denial f (a negated event without object) deny every object?
 * Only with a universal cue near its predicate, from the pack's
 * `universal_cues` ("did not arrest anyone", "hat niemanden
 * festgenommen", "никого не задержали"): a denial whose object the
 * extractor missed ("did not support the resolution") denies that object
 * only. Looks 8 tokens before and after the predicate, in its sentence. */
static int universal_denial(const story_article *a, const story_langpack *lp,
                            const story_fact *f)
{
    if (!a || !lp || !a->tokens || !a->n_tokens)
        return 0;
    size_t k = story__token_at(a, f->start);
    size_t from = k > 8 ? k - 8 : 0;
    size_t to = k + 9 < a->n_tokens ? k + 9 : a->n_tokens;
    for (size_t t = from; t < to; t++)
        if (a->tokens[t].sentence == f->sentence &&
            cue_at(a, lp, "universal_cues", t))
            return 1;
    return 0;
}

/* The words right after quantity q that name what it counts when no
 * "counted_nouns" entry does (session 12, fresh-user M5: "approved 10 new
 * schools" / "12 new schools" were two counts of nothing): 1-3 tokens
 * separated by single spaces, each a lower-case letter word (any case in
 * packs with "capitalised_nouns"), neither a function word nor a
 * determiner nor a number, up to the first that is not. Written to
 * buf as "~" + their folded keys joined by spaces ("~new schools"), so
 * that only the same words after both numbers make the same thing; 0
 * when there are none or they do not fit in cap bytes. */
static int counted_words(const story_article *a, const story_langpack *lp,
                         const story_fact *q, char *buf, size_t cap)
{
    size_t t = story__token_at(a, q->end), len = 1, n = 0, at = q->end;
    int caps = json_is_true(story_langpack_field(lp, "capitalised_nouns"));
    if (cap < 2)
        return 0;
    buf[0] = '~';
    for (; t < a->n_tokens && n < 3; t++, n++) {
        const story_token *w = &a->tokens[t];
        if (w->sentence != q->sentence || !w->key || w->start != at + 1 ||
            a->text[at] != ' ' || !(w->flags & STORY_TOKEN_LETTER) ||
            (w->flags & STORY_TOKEN_NUMBER) ||
            ((w->flags & STORY_TOKEN_CAPITAL) && !caps) ||
            story_langpack_has(lp, "function_words", w->key) ||
            story_langpack_has(lp, "determiners", w->key))
            break;
        size_t k = strlen(w->key);
        if (len + (n > 0) + k + 1 > cap)
            return 0;
        if (n > 0)
            buf[len++] = ' ';
        memcpy(buf + len, w->key, k);
        len += k;
        at = w->end;
    }
    buf[len] = '\0';
    return n > 0;
}

/* What quantity i counts, for the check: its counted concept, or "*" (any)
 * for a bare number right after the verb of its event, with nothing
 * counted after it ("Storm injures 15 in Kellport", a headline that
 * leaves out "people"), or "" (unknown). "Three of the injured" (the
 * number before the event word) stays unknown. */
static const char *check_counted_verb(const story_article *a,
                                      const story_langpack *lp,
                                      const story_factset *fs, size_t i)
{
    const story_fact *q = &fs->facts[i];
    if (q->counted && q->counted[0])
        return q->counted;
    if (!a || !lp || !q->event || !q->event[0] || (q->unit && q->unit[0]) ||
        q->end > a->text_len)
        return "";
    /* the event word ends at most 2 bytes before q: facts are sorted by
     * start, so it is among the facts just before q in its sentence (an
     * event's span is a few words; 512 bytes bound the walk back, which
     * went over the whole sentence: quadratic on a run-on text) */
    int verb = 0;
    for (size_t k = i; k-- > 0 && !verb;) {
        const story_fact *e = &fs->facts[k];
        if (e->sentence != q->sentence || e->start + 512 < q->start)
            break;
        if (e->type != STORY_FACT_EVENT || !e->predicate ||
            strcmp(e->predicate, q->event) != 0 || e->end >= q->start ||
            q->start - e->end > 2)
            continue;
        verb = 1;
        for (size_t b = e->end; b < q->start; b++)
            if (a->text[b] != ' ')
                verb = 0;
    }
    if (!verb)
        return "";
    /* nothing counted after it: the sentence ends, punctuation or a
     * function word follows */
    size_t t = story__token_at(a, q->end);
    if (t >= a->n_tokens || a->tokens[t].sentence != q->sentence)
        return "*";
    for (size_t b = q->end; b < a->tokens[t].start; b++)
        if (a->text[b] != ' ')
            return "*";
    const char *w = a->tokens[t].key;
    if (w && (story_langpack_has(lp, "function_words", w) ||
              story_langpack_has(lp, "determiners", w)))
        return "*";
    /* a short lower-case word before a name: a preposition ("injures 22
     * off Kellport") */
    const story_token *nt = t + 1 < a->n_tokens ? &a->tokens[t + 1] : NULL;
    if (!(a->tokens[t].flags & STORY_TOKEN_CAPITAL) &&
        a->tokens[t].end - a->tokens[t].start <= 4 && nt &&
        nt->sentence == q->sentence && (nt->flags & STORY_TOKEN_CAPITAL))
        return "*";
    return "";
}

/* check_counted_verb, else (unknown) the words after the number
 * (counted_words, written to `words` of cap bytes). */
static const char *check_counted(const story_article *a,
                                 const story_langpack *lp,
                                 const story_factset *fs, size_t i,
                                 char *words, size_t cap)
{
    const char *c = check_counted_verb(a, lp, fs, i);
    const story_fact *q = &fs->facts[i];
    /* the words after it, when nothing else names the thing */
    if (!c[0] && words && a && lp && q->event && q->event[0] &&
        !(q->unit && q->unit[0]) && q->end <= a->text_len &&
        counted_words(a, lp, q, words, cap))
        return words;
    return c;
}

/* Two counted concepts of the check that may be the same thing ("*" is
 * any). */
static int same_counted(const char *x, const char *y)
{
    if (!x[0] || !y[0])
        return 0;
    /* the words after a number (counted_words, "~…") name their thing
     * only against the same words */
    if (x[0] == '~' || y[0] == '~')
        return strcmp(x, y) == 0;
    return strcmp(x, "*") == 0 || strcmp(y, "*") == 0 || strcmp(x, y) == 0;
}

/* The actor part of an event slot "event|<actor>|<PRED>|<object>":
 * pointer and length (0 when none). */
static size_t slot_actor(const char *slot, const char **p)
{
    *p = "";
    if (!slot || strncmp(slot, "event|", 6) != 0)
        return 0;
    const char *s = slot + 6, *e = strchr(s, '|');
    if (!e)
        return 0;
    *p = s;
    return (size_t)(e - s);
}

/* The named subject of event i's own clause: the entity mention nearest
 * before the predicate, in its sentence, at most 6 tokens before it with
 * no clause break, reporting verb or complementizer in between ("the
 * ministry said that Sweden did not sign": Sweden, where the extractor's
 * actor is the ministry or none). Its key part after "entity|", or NULL. */
static const char *clause_actor(const story_article *a,
                                const story_langpack *lp,
                                const story_factset *fs, size_t i)
{
    const story_fact *f = &fs->facts[i];
    if (!a || !lp || f->start > a->text_len)
        return NULL;
    size_t lo, hi;
    sentence_facts(fs, i, &lo, &hi);
    const story_fact *m = NULL;
    for (size_t k = lo; k < hi; k++) {
        const story_fact *e = &fs->facts[k];
        if (e->type == STORY_FACT_ENTITY && e->end <= f->start && e->key &&
            strncmp(e->key, "entity|", 7) == 0 && e->key[7] &&
            (!m || e->end > m->end))
            m = e;
    }
    if (!m)
        return NULL;
    for (size_t b = m->end; b < f->start; b++)
        if (strchr(",;:()\"", a->text[b]))
            return NULL;
    size_t t = story__token_at(a, m->end), n = 0;
    for (; t < a->n_tokens && a->tokens[t].end <= f->start; t++, n++)
        if (n >= 6 || cue_at(a, lp, "speech_complementizers", t) ||
            cue_at(a, lp, "reporting_verbs", t))
            return NULL;
    return m->key + 7;
}

/* Does event j (actor from its slot or its clause) share an actor with
 * event i? */
static int same_actor(const story_article *a, const story_langpack *lp,
                      const story_factset *fs, size_t i, size_t j)
{
    const char *ai, *aj;
    size_t ni = slot_actor(fs->facts[i].slot, &ai);
    size_t nj = slot_actor(fs->facts[j].slot, &aj);
    const char *ci = clause_actor(a, lp, fs, i);
    const char *cj = clause_actor(a, lp, fs, j);
    size_t nci = ci ? strlen(ci) : 0, ncj = cj ? strlen(cj) : 0;
    if (ni && ((nj == ni && memcmp(ai, aj, ni) == 0) ||
               (ncj == ni && memcmp(ai, cj, ni) == 0)))
        return 1;
    if (nci && ((nj == nci && memcmp(ci, aj, nci) == 0) ||
                (ncj == nci && memcmp(ci, cj, nci) == 0)))
        return 1;
    return 0;
}

/* ---- claims compared by their words --------------------------------- */

/* Most words of a claim compared (longer claims are not compared). */
#define CLAIM_MAX_WORDS 32

/* A clause break in the text between two tokens: , ; : ( ) – — */
static int gap_breaks(const story_article *a, size_t from, size_t to)
{
    for (size_t b = from; b < to && b < a->text_len; b++) {
        unsigned char c = (unsigned char)a->text[b];
        if (strchr(",;:()", (int)c) && c)
            return 1;
        /* U+2013 / U+2014: e2 80 93 / e2 80 94 */
        if (c == 0xe2 && b + 2 < a->text_len &&
            (unsigned char)a->text[b + 1] == 0x80 &&
            ((unsigned char)a->text[b + 2] == 0x93 ||
             (unsigned char)a->text[b + 2] == 0x94))
            return 1;
    }
    return 0;
}

/* The clause of event f as bytes [*cs, *ce): from the predicate back to a
 * clause break, a reporting verb or a complementizer (the reporting frame
 * "officials said that" is not part of the claim), forward to a clause
 * break, within its sentence. 0 when the event has no token. */
static int event_clause(const story_article *a, const story_langpack *lp,
                        const story_fact *f, size_t *cs, size_t *ce)
{
    size_t t = story__token_at(a, f->start);
    if (t >= a->n_tokens || a->tokens[t].sentence != f->sentence)
        return 0;
    size_t lo = t, hi = t;
    /* within FX_WINDOW tokens each way: linear in run-on text */
    while (lo > 0 && t - lo < FX_WINDOW &&
           a->tokens[lo - 1].sentence == f->sentence &&
           !gap_breaks(a, a->tokens[lo - 1].end, a->tokens[lo].start) &&
           !cue_at(a, lp, "speech_complementizers", lo - 1) &&
           !(a->tokens[lo - 1].end <= f->start &&
             cue_at(a, lp, "reporting_verbs", lo - 1)))
        lo--;
    while (hi + 1 < a->n_tokens && hi - t < FX_WINDOW &&
           a->tokens[hi + 1].sentence == f->sentence &&
           !gap_breaks(a, a->tokens[hi].end, a->tokens[hi + 1].start))
        hi++;
    *cs = a->tokens[lo].start;
    *ce = a->tokens[hi].end;
    return 1;
}

static int cmp_str(const void *x, const void *y)
{
    return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/* The content words of bytes [from, to) of a, sorted and unique, into w
 * (borrowed token keys): word tokens that are no stop word, determiner
 * or negation cue (not the pack's "function_words": they hold weekdays
 * and months, which tell claims apart), and not inside bytes [skip0, skip1)
 * (the predicate, whose form differs between "approved" and "did not
 * approve"). Returns the count, or 0 when there are more than
 * CLAIM_MAX_WORDS. */
static size_t claim_words(const story_article *a, const story_langpack *lp,
                          size_t from, size_t to, size_t skip0, size_t skip1,
                          const char **w)
{
    size_t n = 0;
    for (size_t t = story__token_at(a, from);
         t < a->n_tokens && a->tokens[t].end <= to; t++) {
        const story_token *k = &a->tokens[t];
        if (!k->key || !*k->key ||
            !(k->flags & (STORY_TOKEN_LETTER | STORY_TOKEN_NUMBER)) ||
            (k->start < skip1 && k->end > skip0) ||
            story_langpack_has(lp, "stopwords", k->key) ||
            story_langpack_has(lp, "determiners", k->key) ||
            story_langpack_has(lp, "negation_cues", k->key) ||
            story_langpack_has(lp, "negation_particles", k->key) ||
            story_langpack_has(lp, "negation_clause_cues", k->key))
            continue;
        if (n == CLAIM_MAX_WORDS)
            return 0;
        w[n++] = k->key;
    }
    if (n > 1)
        qsort(w, n, sizeof *w, cmp_str);
    size_t u = 0;
    for (size_t i = 0; i < n; i++)
        if (u == 0 || strcmp(w[u - 1], w[i]) != 0)
            w[u++] = w[i];
    return u;
}

/* 1 when the two claims have the same content words, at least 2. */
static int same_claim_words(const char **x, size_t nx, const char **y,
                            size_t ny)
{
    if (nx < 2 || nx != ny)
        return 0;
    for (size_t i = 0; i < nx; i++)
        if (strcmp(x[i], y[i]) != 0)
            return 0;
    return 1;
}

/* Words of an object phrase compared, and their stem size. */
#define OBJ_MAX_WORDS 6
#define OBJ_STEM_BYTES 64

static int cmp_stem(const void *x, const void *y)
{
    return strcmp((const char *)x, (const char *)y);
}

/* Is token t inside a quantity fact of fs ("deux hommes", "30 countries")?
 * A count says how many, not which thing. */
static int in_quantity(const story_article *a, const story_factset *fs,
                       size_t t)
{
    /* facts are ordered by start: the first one starting after the
     * token, then back through the token's sentence */
    size_t l = 0, h = fs->n_facts;
    while (l < h) {
        size_t m = l + (h - l) / 2;
        if (fs->facts[m].start <= a->tokens[t].start)
            l = m + 1;
        else
            h = m;
    }
    for (size_t k = l; k > 0; k--) {
        const story_fact *q = &fs->facts[k - 1];
        if (q->sentence != a->tokens[t].sentence)
            break;
        if (q->type == STORY_FACT_QUANTITY && q->end >= a->tokens[t].end)
            return 1;
    }
    return 0;
}

/* The noun phrase right after event f's predicate, as sorted word stems
 * into w: determiners, negation and universal cues ("aucun", "any") and
 * counts skipped, then the words up to a stop word, function word, number
 * or clause break (at most OBJ_MAX_WORDS): "approved the parking plan on
 * Monday" -> {park, plan}. Empty for a verb-final clause, a preposition
 * right after the predicate, or one word without anything skipped before
 * it (an auxiliary after a verb-final predicate: "… unterzeichnet
 * habe"). */
static size_t object_phrase(story_ctx *ctx, const story_article *a,
                            const story_langpack *lp,
                            const story_factset *fs, const story_fact *f,
                            char (*w)[OBJ_STEM_BYTES], size_t *end)
{
    size_t n = 0, t = story__token_at(a, f->end), t0 = t;
    while (t < a->n_tokens && a->tokens[t].sentence == f->sentence &&
           a->tokens[t].key &&
           (story_langpack_has(lp, "determiners", a->tokens[t].key) ||
            story_langpack_has(lp, "possessive_determiners",
                               a->tokens[t].key) ||
            story_langpack_has(lp, "negation_cues", a->tokens[t].key) ||
            story_langpack_has(lp, "negation_clause_cues",
                               a->tokens[t].key) ||
            story_langpack_has(lp, "universal_cues", a->tokens[t].key) ||
            in_quantity(a, fs, t)))
        t++;
    int skipped = t > t0;
    story_buf st = {0};
    for (; t < a->n_tokens && n < OBJ_MAX_WORDS; t++) {
        const story_token *k = &a->tokens[t];
        if (k->sentence != f->sentence || !k->key || !*k->key ||
            !(k->flags & STORY_TOKEN_LETTER) ||
            (k->flags & STORY_TOKEN_NUMBER) ||
            gap_breaks(a, t ? a->tokens[t - 1].end : 0, k->start) ||
            story_langpack_has(lp, "stopwords", k->key) ||
            story_langpack_has(lp, "function_words", k->key) ||
            story_langpack_has(lp, "determiners", k->key))
            break;
        const char *stem = k->key;
        if (ctx && story__stem(ctx, a->lang ? a->lang : "", k->key,
                               strlen(k->key), &st, NULL) == 0 &&
            st.data && !st.oom)
            stem = st.data;
        snprintf(w[n++], OBJ_STEM_BYTES, "%s", stem);
        if (end)
            *end = k->end;
    }
    story_buf_free(&st);
    if (n == 1 && !skipped)
        return 0;
    if (n > 1)
        qsort(w, n, sizeof *w, cmp_stem);
    return n;
}

/* Do events f and g name different objects in words: each has a noun
 * phrase right after its predicate and their stems differ ("approved the
 * parking plan" / "did not approve the school budget", "the fishing
 * accord" / "the trade accord", where the extractor found no object for
 * either; "aucun homme" / "deux hommes" agree)? No phrase on either side
 * is no evidence. */
static int objects_differ(story_ctx *ctx, const story_article *a,
                          const story_langpack *lp, const story_factset *fs,
                          const story_fact *f, const story_fact *g)
{
    char wf[OBJ_MAX_WORDS][OBJ_STEM_BYTES], wg[OBJ_MAX_WORDS][OBJ_STEM_BYTES];
    if (!a || !lp || !a->tokens || f->end > a->text_len ||
        g->end > a->text_len)
        return 0;
    size_t nf = object_phrase(ctx, a, lp, fs, f, wf, NULL);
    size_t ng = object_phrase(ctx, a, lp, fs, g, wg, NULL);
    if (!nf || !ng)
        return 0;
    if (nf != ng)
        return 1;
    for (size_t i = 0; i < nf; i++)
        if (strcmp(wf[i], wg[i]) != 0)
            return 1;
    return 0;
}

/* 1 when the event concepts p and q are antonyms: the pack's (root's)
 * "event_antonyms", concept -> [concepts]. */
static int antonym_events(const story_langpack *lp, const char *p,
                          const char *q)
{
    if (!lp || !p || !q || !*p || !*q)
        return 0;
    json_t *l = json_object_get(story_langpack_field(lp, "event_antonyms"),
                                p), *v;
    size_t k;
    json_array_foreach(l, k, v) {
        if (json_is_string(v) && strcmp(json_string_value(v), q) == 0)
            return 1;
    }
    return 0;
}

/* Do events f and g clash: antonymous predicates both affirmed, or one
 * predicate with opposite polarity? *ant is set for antonyms. */
static int events_clash(const story_langpack *lp, const story_fact *f,
                        const story_fact *g, int *ant)
{
    *ant = antonym_events(lp, f->predicate, g->predicate);
    int same = !*ant && f->predicate && g->predicate &&
               strcmp(f->predicate, g->predicate) == 0;
    return (*ant && !f->negated && !g->negated) ||
           (same && !!f->negated != !!g->negated);
}

/* The check message of two clashing events; `why` says what makes them
 * one claim ("same claim words", "same subject and object"). */
static void clash_message(char *buf, size_t n, const story_fact *f,
                          const story_fact *g, int ant, const char *why)
{
    if (ant)
        snprintf(buf, n,
                 "event %s vs %s (antonyms, %s): affirmed in sentence %zu, "
                 "affirmed in sentence %zu",
                 f->predicate, g->predicate, why, f->sentence, g->sentence);
    else
        snprintf(buf, n, "event %s (%s): %s in sentence %zu, %s in sentence %zu",
                 f->predicate, why, f->negated ? "denied" : "affirmed",
                 f->sentence, g->negated ? "denied" : "affirmed",
                 g->sentence);
}

/* 1 when v already holds a contradiction between facts of sentences sf
 * and sg (either order) of fs. */
static int reported(const story_vec *v, const story_factset *fs, size_t sf,
                    size_t sg)
{
    for (size_t k = 0; k < v->len; k++) {
        const story_contradiction *c =
            &((const story_contradiction *)v->data)[k];
        size_t x = fs->facts[c->fact_a].sentence,
               y = fs->facts[c->fact_b].sentence;
        if ((x == sf && y == sg) || (x == sg && y == sf))
            return 1;
    }
    return 0;
}

/* A candidate of check_claims: fact index and the hash of its type and
 * claim words. */
typedef struct fx_claimref {
    uint64_t h;
    size_t idx;
} fx_claimref;

static int cmp_claimref(const void *pa, const void *pb)
{
    const fx_claimref *x = pa, *y = pb;
    if (x->h != y->h)
        return x->h < y->h ? -1 : 1;
    return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* The claim words of fact f (an event's clause without the predicate, a
 * quote's content) into w; their count (0: not comparable). */
static size_t fact_claim_words(const story_article *a,
                               const story_langpack *lp,
                               const story_factset *fs, size_t i,
                               const char **w)
{
    const story_fact *f = &fs->facts[i];
    size_t c0, c1;
    if (f->type != STORY_FACT_EVENT)
        return claim_words(a, lp, f->content_start, f->content_end, 0, 0,
                           w);
    if (!event_clause(a, lp, f, &c0, &c1))
        return 0;
    /* a clause without a date of its own takes the words before it in its
     * sentence too: an opening adverbial dates or orders the event ("After
     * changes, the council approved the plan" is no denial of "The council
     * rejected the plan"); with a date inside ("Later, the Senate rejected
     * the bill on Thursday") the clause says when */
    size_t lo, hi;
    int dated = 0;
    sentence_facts(fs, i, &lo, &hi);
    for (size_t k = lo; k < hi && !dated; k++)
        dated = fs->facts[k].type == STORY_FACT_DATE &&
                fs->facts[k].start >= c0 && fs->facts[k].end <= c1;
    if (!dated && f->sentence < a->n_sentences) {
        size_t t = story__token_at(a, c0), n = 0;
        while (t > 0 && n < FX_WINDOW &&
               a->tokens[t - 1].sentence == f->sentence) {
            t--;
            n++;
        }
        if (t < a->n_tokens && a->tokens[t].start < c0)
            c0 = a->tokens[t].start;
    }
    return claim_words(a, lp, c0, c1, f->start, f->end, w);
}

/* Members of one group of equal claim hashes compared with each other at
 * most (a text repeating one sentence thousands of times stays linear). */
#define CLAIM_GROUP_MAX 32

/* The next pair (c[*x], c[*y]), *x < *y, of the sorted refs c[0, nc) in
 * one group of equal hashes, at most CLAIM_GROUP_MAX apart, in the order
 * of two nested loops; start with *x = *y = 0. 0 when there is none. */
static int claim_pair_next(const fx_claimref *c, size_t nc, size_t *x,
                           size_t *y)
{
    for (;;) {
        ++*y;
        if (*y < nc && c[*y].h == c[*x].h && *y <= *x + CLAIM_GROUP_MAX)
            return 1;
        if (++*x >= nc)
            return 0;
        *y = *x;
    }
}

/* Is event f hedged as an intention ("plans to sell", "had no plans to
 * sell", de "plant … zu verkaufen")? A word of the pack's
 * "hedge_intentions" at most 6 tokens before the predicate, in its
 * sentence. Two intentions of opposite polarity contradict each other
 * (the plan is affirmed and denied), an intention and a fact do not. */
static int intended(const story_article *a, const story_langpack *lp,
                    const story_fact *f)
{
    if (!f->hedged || !lp || !a->tokens)
        return 0;
    size_t k = story__token_at(a, f->start);
    for (size_t q = k; q > 0 && q + 6 > k;) {
        q--;
        if (a->tokens[q].sentence != f->sentence)
            break;
        if (a->tokens[q].key &&
            story_langpack_has(lp, "hedge_intentions", a->tokens[q].key))
            return 1;
    }
    return 0;
}

/* Contradictions found by the words of claims (after the slot rules of
 * story_facts_check, which they do not repeat for a sentence pair):
 *  - two events in different sentences, neither hedged, whose clauses
 *    say the same in other words (the same content words once the
 *    predicates, negation cues and function words are left out: "the
 *    Senate approved the climate bill on Thursday" / "the Senate
 *    rejected the climate bill on Thursday"), with antonymous predicates
 *    both affirmed, or one predicate with opposite polarity ("the city
 *    council did not approve the reconstruction plan on Monday") where
 *    the slot rules had no actor or object to go by; "did not approve"
 *    against "rejected" agree;
 *  - two quotes of resolved speakers in different sentences, neither
 *    hedged, with opposite polarity and the same content words ("The
 *    bridge is safe, engineers said" / "Engineers said the bridge is not
 *    safe"); since session 7 (fresh-user M5) also of two speakers when
 *    one is a document (`quote|DOCUMENT`: "The crane is safe, inspectors
 *    said" / "A report found that the crane is not safe"), named both in
 *    the message; people against people ("Residents said the pier is
 *    not stable") are a disagreement the article reports.
 * Candidates are grouped by a hash of their words, so the check stays
 * n log n. Returns 0 or -1 (out of memory). */
static int check_claims(story_vec *v, const story_article *a,
                        const story_langpack *lp, const story_factset *fs)
{
    char buf[512];
    const char *wf[CLAIM_MAX_WORDS], *wg[CLAIM_MAX_WORDS];
    if (!a || !lp || !a->tokens || !fs->n_facts)
        return 0;
    fx_claimref *c = story__malloc(fs->n_facts * sizeof *c);
    if (!c)
        return -1;
    size_t nc = 0;
    story_buf hb = {0};
    for (size_t i = 0; i < fs->n_facts; i++) {
        const story_fact *f = &fs->facts[i];
        if ((f->hedged &&
             !(f->type == STORY_FACT_EVENT && intended(a, lp, f))) ||
            (f->type != STORY_FACT_EVENT && f->type != STORY_FACT_QUOTE))
            continue;
        if (f->type == STORY_FACT_QUOTE &&
            (!f->key || !strcmp(f->key, "quote|?") ||
             !strcmp(f->key, "quote|")))
            continue;
        size_t nw = fact_claim_words(a, lp, fs, i, wf);
        if (nw < 2)
            continue;
        hb.len = 0;
        story_buf_printf(&hb, "%d", (int)f->type);
        for (size_t k = 0; k < nw; k++)
            story_buf_printf(&hb, "\x1f%s", wf[k]);
        if (hb.oom) {
            story_buf_free(&hb);
            free(c);
            return -1;
        }
        c[nc].h = story__hash_bytes(hb.data, hb.len);
        c[nc].idx = i;
        nc++;
    }
    story_buf_free(&hb);
    if (nc > 1)
        qsort(c, nc, sizeof *c, cmp_claimref);
    int rc = 0;
    for (size_t x = 0, y = 0; !rc && claim_pair_next(c, nc, &x, &y);) {
        size_t i = c[x].idx, j = c[y].idx;
        const story_fact *f = &fs->facts[i], *g = &fs->facts[j];
        if (g->type != f->type || g->sentence == f->sentence ||
            !f->hedged != !g->hedged)
            continue;
        if (f->type == STORY_FACT_EVENT) {
            int ant;
            if (!events_clash(lp, f, g, &ant))
                continue;
            if (counts_event(fs, i) || counts_event(fs, j))
                continue;
            clash_message(buf, sizeof buf, f, g, ant,
                          "same claim words");
        } else {
            if (!!f->negated == !!g->negated)
                continue;
            /* two speakers: only against a document's finding ("a
             * report found that"); people who disagree ("Residents
             * said the pier is not stable") are a disagreement the
             * article reports */
            int same_spk = strcmp(f->key, g->key) == 0;
            if (!same_spk && strcmp(f->key, "quote|DOCUMENT") != 0 &&
                strcmp(g->key, "quote|DOCUMENT") != 0)
                continue;
            if (same_spk)
                snprintf(buf, sizeof buf,
                         "quote %s (same claim words): %s in sentence "
                         "%zu, %s in sentence %zu",
                         f->key, f->negated ? "denied" : "affirmed",
                         f->sentence,
                         g->negated ? "denied" : "affirmed",
                         g->sentence);
            else
                snprintf(buf, sizeof buf,
                         "quote %s vs %s (same claim words, two "
                         "sources): %s in sentence %zu, %s in sentence "
                         "%zu",
                         f->key, g->key,
                         f->negated ? "denied" : "affirmed", f->sentence,
                         g->negated ? "denied" : "affirmed",
                         g->sentence);
        }
        /* the hash may collide: compare the words themselves */
        size_t nf = fact_claim_words(a, lp, fs, i, wf);
        size_t ng = fact_claim_words(a, lp, fs, j, wg);
        if (!same_claim_words(wf, nf, wg, ng) ||
            reported(v, fs, f->sentence, g->sentence))
            continue;
        size_t lo = i < j ? i : j, hi = i < j ? j : i;
        if (push_contra(v, lo, hi, story__strdup(buf)))
            rc = -1;
    }
    free(c);
    return rc;
}

/* The subject words of event f: the content words (claim_words) of its
 * clause before the predicate, with the last of them, the head, into
 * *head ("The city council approved" -> {city, council}, head council).
 * Returns the count (0: none). */
static size_t subject_words(const story_article *a, const story_langpack *lp,
                            const story_fact *f, const char **w,
                            const char **head)
{
    size_t c0, c1;
    *head = NULL;
    if (!event_clause(a, lp, f, &c0, &c1) || c0 >= f->start)
        return 0;
    /* the head is the last content word before the predicate */
    const char *last = NULL;
    for (size_t t = story__token_at(a, c0);
         t < a->n_tokens && a->tokens[t].end <= f->start; t++) {
        const story_token *k = &a->tokens[t];
        if (!k->key || !*k->key || !(k->flags & STORY_TOKEN_LETTER) ||
            story_langpack_has(lp, "stopwords", k->key) ||
            story_langpack_has(lp, "determiners", k->key) ||
            story_langpack_has(lp, "negation_cues", k->key) ||
            story_langpack_has(lp, "negation_particles", k->key) ||
            story_langpack_has(lp, "negation_clause_cues", k->key))
            continue;
        last = k->key;
    }
    if (!last)
        return 0;
    *head = last;
    return claim_words(a, lp, c0, f->start, 0, 0, w);
}

/* The content words of event f's clause after byte `from` (the end of
 * its object phrase) into w, sorted: word tokens that are no determiner
 * or negation cue, nor a stop word unless capitalised (the month "May");
 * their count (at most CLAIM_MAX_WORDS). */
static size_t rest_words(const story_article *a, const story_langpack *lp,
                         const story_fact *f, size_t from, const char **w)
{
    size_t c0, c1, n = 0;
    if (!from || !event_clause(a, lp, f, &c0, &c1) || from >= c1)
        return 0;
    for (size_t t = story__token_at(a, from);
         t < a->n_tokens && a->tokens[t].end <= c1 && n < CLAIM_MAX_WORDS;
         t++) {
        const story_token *k = &a->tokens[t];
        if (k->start < from || !k->key || !*k->key ||
            !(k->flags & (STORY_TOKEN_LETTER | STORY_TOKEN_NUMBER)) ||
            (!(k->flags & STORY_TOKEN_CAPITAL) &&
             story_langpack_has(lp, "stopwords", k->key)) ||
            story_langpack_has(lp, "determiners", k->key) ||
            story_langpack_has(lp, "negation_cues", k->key) ||
            story_langpack_has(lp, "negation_particles", k->key) ||
            story_langpack_has(lp, "negation_clause_cues", k->key))
            continue;
        w[n++] = k->key;
    }
    if (n > 1)
        qsort(w, n, sizeof *w, cmp_str);
    return n;
}

/* 1 when word s is one of the n sorted words w. */
static int has_word(const char **w, size_t n, const char *s)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(w[i], s) == 0)
            return 1;
    return 0;
}

/* The date keys of the sentence of fact i, joined by "\x1f" in article
 * order, into b (empty: undated). */
static void sentence_dates(const story_factset *fs, size_t i, story_buf *b)
{
    size_t lo, hi;
    b->len = 0;
    story_buf_printf(b, "%s", "");
    sentence_facts(fs, i, &lo, &hi);
    for (size_t k = lo; k < hi; k++)
        if (fs->facts[k].type == STORY_FACT_DATE && fs->facts[k].key)
            story_buf_printf(b, "\x1f%s", fs->facts[k].key);
}

/* Contradictions found by the subject and object of two events, where
 * the whole clauses differ in their other words (session 7, fresh-user
 * M5: "The city council approved a 2 million dollar compensation fund on
 * Tuesday" / "Two days later the council rejected the compensation
 * fund"): two events in different sentences, neither hedged, with
 * antonymous predicates both affirmed or one predicate with opposite
 * polarity, whose noun phrases right after the predicates have the same
 * word stems (object_phrase: counts and determiners left out), whose
 * subjects share their head (the last content word before the predicate,
 * found among the other's subject words), whose clauses say the same
 * after the objects when both say more ("in March" / "in June" differ),
 * not both counted (counts_event:
 * "passed 4 bills" / "did not pass the 12 bills") and not dated
 * differently (the date keys of their sentences, when both have some).
 * A pronoun subject ("He signed it") or object is no evidence. Events are
 * grouped by a hash of their object stems (at most CLAIM_GROUP_MAX
 * compared per group). Returns 0 or -1 (out of memory). */
/* Day of the week (1 Sunday … 7 Saturday) of a Gregorian date, from
 * ICU's calendar (ucal, UCAL_DAY_OF_WEEK); 0 on error. */
static int weekday_of(int y, int m, int d)
{
    UErrorCode e = U_ZERO_ERROR;
    UCalendar *cal = ucal_open(u"UTC", -1, "en", UCAL_GREGORIAN, &e);
    if (U_FAILURE(e))
        return 0;
    ucal_clear(cal);
    ucal_setDate(cal, y, m - 1, d, &e);
    int w = ucal_get(cal, UCAL_DAY_OF_WEEK, &e);
    ucal_close(cal);
    return U_FAILURE(e) ? 0 : w;
}

/* A full date whose mention names a weekday it did not fall on ("Sunday,
 * 8 March 2025": a Saturday) contradicts itself: one entry with fact_a ==
 * fact_b. The weekday is a word of the date's span found in the pack's
 * "weekdays" (form -> English name). */
static int check_weekdays(story_vec *v, const story_article *a,
                          const story_langpack *lp,
                          const story_factset *fs)
{
    static const char *const names[] = {"sunday",   "monday", "tuesday",
                                        "wednesday", "thursday", "friday",
                                        "saturday"};
    if (!a || !lp || !a->tokens)
        return 0;
    for (size_t i = 0; i < fs->n_facts; i++) {
        const story_fact *f = &fs->facts[i];
        int y, m, d, c = 0;
        if (f->type != STORY_FACT_DATE || !f->key ||
            sscanf(f->key, "date|%4d-%2d-%2d%n", &y, &m, &d, &c) != 3 ||
            f->key[c] != '\0')
            continue;
        for (size_t t = story__token_at(a, f->start);
             t < a->n_tokens && a->tokens[t].end <= f->end; t++) {
            json_t *wd = a->tokens[t].key
                             ? story_langpack_lookup(lp, "weekdays",
                                                     a->tokens[t].key)
                             : NULL;
            const char *said = json_string_value(wd);
            if (!said)
                continue;
            int w = weekday_of(y, m, d);
            if (w < 1 || w > 7 || strcmp(said, names[w - 1]) == 0)
                break;
            char buf[256];
            snprintf(buf, sizeof buf,
                     "%04d-%02d-%02d was a %c%s, not a %c%s",
                     y, m, d, names[w - 1][0] - 32, names[w - 1] + 1,
                     said[0] >= 'a' && said[0] <= 'z' ? said[0] - 32
                                                      : said[0],
                     said + 1);
            if (push_contra(v, i, i, story__strdup(buf)))
                return -1;
            break;
        }
    }
    return 0;
}

static int check_subject_object(story_vec *v, story_ctx *ctx,
                                const story_article *a,
                                const story_langpack *lp,
                                const story_factset *fs)
{
    char of[OBJ_MAX_WORDS][OBJ_STEM_BYTES], og[OBJ_MAX_WORDS][OBJ_STEM_BYTES];
    const char *sf[CLAIM_MAX_WORDS], *sg[CLAIM_MAX_WORDS];
    char buf[512];
    if (!a || !lp || !a->tokens || !fs->n_facts)
        return 0;
    fx_claimref *c = story__malloc(fs->n_facts * sizeof *c);
    if (!c)
        return -1;
    size_t nc = 0;
    story_buf hb = {0}, df = {0}, dg = {0};
    for (size_t i = 0; i < fs->n_facts; i++) {
        const story_fact *f = &fs->facts[i];
        if (f->type != STORY_FACT_EVENT ||
            (f->hedged && !intended(a, lp, f)) || !f->predicate ||
            !*f->predicate || f->end > a->text_len)
            continue;
        size_t no = object_phrase(ctx, a, lp, fs, f, of, NULL);
        if (!no)
            continue;
        hb.len = 0;
        story_buf_printf(&hb, "%s", "obj");
        for (size_t k = 0; k < no; k++)
            story_buf_printf(&hb, "\x1f%s", of[k]);
        if (hb.oom)
            break;
        c[nc].h = story__hash_bytes(hb.data, hb.len);
        c[nc].idx = i;
        nc++;
    }
    int rc = hb.oom ? -1 : 0;
    story_buf_free(&hb);
    if (nc > 1)
        qsort(c, nc, sizeof *c, cmp_claimref);
    for (size_t x = 0, y = 0; !rc && claim_pair_next(c, nc, &x, &y);) {
        size_t i = c[x].idx, j = c[y].idx;
        const story_fact *f = &fs->facts[i], *g = &fs->facts[j];
        if (g->sentence == f->sentence || !f->hedged != !g->hedged)
            continue;
        int ant;
        if (!events_clash(lp, f, g, &ant))
            continue;
        if ((counts_event(fs, i) && counts_event(fs, j)) ||
            reported(v, fs, f->sentence, g->sentence))
            continue;
        /* the hash may collide: compare the object stems */
        size_t ef = 0, eg = 0;
        size_t nf = object_phrase(ctx, a, lp, fs, f, of, &ef);
        size_t ng = object_phrase(ctx, a, lp, fs, g, og, &eg);
        int eq = nf && nf == ng;
        for (size_t k = 0; eq && k < nf; k++)
            eq = strcmp(of[k], og[k]) == 0;
        if (!eq)
            continue;
        /* the words after the objects, when both have some, say the
         * same ("in March" / "in June": two claims; months without a
         * day are no date facts) */
        size_t rf = rest_words(a, lp, f, ef, sf);
        size_t rg = rest_words(a, lp, g, eg, sg);
        int rest_eq = rf == rg;
        for (size_t k = 0; rest_eq && k < rf; k++)
            rest_eq = strcmp(sf[k], sg[k]) == 0;
        if (rf && rg && !rest_eq)
            continue;
        const char *hf, *hg;
        size_t mf = subject_words(a, lp, f, sf, &hf);
        size_t mg = subject_words(a, lp, g, sg, &hg);
        if (!mf || !mg || !has_word(sg, mg, hf) || !has_word(sf, mf, hg))
            continue;
        sentence_dates(fs, i, &df);
        sentence_dates(fs, j, &dg);
        if (df.oom || dg.oom) {
            rc = -1;
            break;
        }
        if (df.len && dg.len && strcmp(df.data, dg.data) != 0)
            continue;
        clash_message(buf, sizeof buf, f, g, ant,
                      "same subject and object");
        size_t lo = i < j ? i : j, hi = i < j ? j : i;
        if (push_contra(v, lo, hi, story__strdup(buf)))
            rc = -1;
    }
    story_buf_free(&df);
    story_buf_free(&dg);
    free(c);
    return rc;
}

int story_facts_check(story_contradiction **out, size_t *n, story_ctx *ctx,
                      const story_article *a, const story_factset *fs,
                      story_error *err)
{
    if (out)
        *out = NULL;
    if (!out || !n || !fs)
        return story__error(err, STORY_EINVAL, NULL, -1,
                            "story_facts_check: NULL argument");
    *n = 0;
    /* the article's pack: universal cues, function words (without a
     * context or article the rules that need them stay off) */
    const story_langpack *lp = NULL;
    if (ctx && a) {
        int rc = story_langpack_get(&lp, ctx, a->lang ? a->lang : "", err);
        if (rc)
            return rc;
    }
    story_vec v;
    story_vec_init(&v, sizeof(story_contradiction));
    char buf[512];
    /* group facts by (type, slot): only facts of one group can clash */
    size_t nf = fs->n_facts;
    /* by[] and, in the same block (freed with it), each quantity's counted
     * thing for the check, computed once: check_counted() walks the
     * fact's sentence, and the pair loop below asked it per pair (a 900 KB
     * run-on text of one sentence took minutes) */
    /* ... and COUNTED_WORDS_CAP bytes per quantity without a counted
     * concept for the words after it (counted_words) */
    size_t nq = 0;
    for (size_t i = 0; i < nf; i++)
        if (fs->facts[i].type == STORY_FACT_QUANTITY &&
            !(fs->facts[i].counted && fs->facts[i].counted[0]))
            nq++;
    enum { COUNTED_WORDS_CAP = 64 };
    fx_slotref *by = story__malloc((nf + 1) * (sizeof *by + sizeof(char *)) +
                                   nq * COUNTED_WORDS_CAP);
    if (!by)
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    const char **counted = (const char **)(void *)(by + nf + 1);
    char *words = (char *)(void *)(counted + nf + 1);
    for (size_t i = 0; i < nf; i++) {
        int own = fs->facts[i].type == STORY_FACT_QUANTITY &&
                  !(fs->facts[i].counted && fs->facts[i].counted[0]);
        counted[i] = fs->facts[i].type == STORY_FACT_QUANTITY
                         ? check_counted(a, lp, fs, i,
                                         own ? words : NULL,
                                         COUNTED_WORDS_CAP)
                         : "";
        if (own)
            words += COUNTED_WORDS_CAP;
        by[i].slot = fs->facts[i].slot;
        by[i].type = (int)fs->facts[i].type;
        by[i].idx = i;
    }
    qsort(by, nf, sizeof *by, cmp_slot);
    for (size_t gi = 0; gi < nf; gi++) {
      size_t gend = gi + 1;
      while (gend < nf && same_slot(&by[gi], &by[gend]))
          gend++;
      for (size_t ii = gi; ii < gend; ii++) {
        const story_fact *fi = &fs->facts[by[ii].idx];
        /* only events and fully described quantities can clash */
        if (!(fi->type == STORY_FACT_EVENT ||
              (fi->type == STORY_FACT_QUANTITY &&
               counted[by[ii].idx][0] && fi->event[0] &&
               !fi->hedged && !fi->negated && !fi->qualifier[0])))
            continue;
        for (size_t jj = ii + 1; jj < gend; jj++) {
            size_t i = by[ii].idx, j = by[jj].idx; /* i < j: idx order */
            const story_fact *f = &fs->facts[i];
            const story_fact *g = &fs->facts[j];
            if (f->type != g->type || strcmp(f->slot, g->slot) != 0)
                continue;
            if (f->type == STORY_FACT_EVENT) {
                /* Same actor, predicate and object, opposite polarity. An
                 * event without actor and object says too little. */
                if (f->negated == g->negated || f->sentence == g->sentence)
                    continue;
                /* a hedged or intended event ("may sign", "plans to
                 * raise", "no planea aumentar") asserts nothing that a
                 * fact can contradict */
                if (f->hedged || g->hedged)
                    continue;
                if (strcmp(f->slot, g->slot) != 0)
                    continue;
                const char *p = f->slot + strlen("event|");
                if (p[0] == '|' && f->object_key[0] == '\0')
                    continue;
                /* no object found: the words after the predicates may
                 * still name two different things */
                if (f->object_key[0] == '\0' &&
                    objects_differ(ctx, a, lp, fs, f, g))
                    continue;
                if (counts_event(fs, f->negated ? i : j))
                    continue;
                snprintf(buf, sizeof buf,
                         "event %s (%s): %s in sentence %zu, %s in "
                         "sentence %zu",
                         f->predicate, f->slot, f->negated ? "denied" :
                         "affirmed", f->sentence, g->negated ? "denied" :
                         "affirmed", g->sentence);
            } else if (f->type == STORY_FACT_QUANTITY) {
                /* Same counted thing and event, different number, both
                 * asserted (not hedged, not negated), not within a range.
                 * A bare number after its event's verb ("injures 15")
                 * counts what the other counts ("14 people injured"). */
                const char *cf = counted[i], *cg = counted[j];
                if (f->sentence == g->sentence || !f->event[0] ||
                    strcmp(f->event, g->event) != 0 ||
                    !same_counted(cf, cg) || is_duration(cf) ||
                    is_duration(cg) || in_name(a, lp, fs, f) ||
                    in_name(a, lp, fs, g) ||
                    strcmp(f->key, g->key) == 0 || f->hedged || g->hedged ||
                    f->negated || g->negated || f->qualifier[0] ||
                    g->qualifier[0] || f->sentence == g->sentence ||
                    !plain_count(fs, i) || !plain_count(fs, j) ||
                    different_times(fs, i, j))
                    continue;
                if (g->number >= f->number && g->number <= f->number_hi)
                    continue;
                if (f->number >= g->number && f->number <= g->number_hi)
                    continue;
                char na[40], nb[40];
                story__fx_fmt_num(na, sizeof na, f->number);
                story__fx_fmt_num(nb, sizeof nb, g->number);
                const char *what = strcmp(cf, "*") ? cf : cg;
                if (what[0] == '~') /* the words after the number */
                    what++;
                snprintf(buf, sizeof buf,
                         "%s %s %s: %s in sentence %zu, %s in sentence %zu",
                         f->event, what, f->unit, na, f->sentence, nb,
                         g->sentence);
            } else {
                continue;
            }
            if (push_contra(&v, i, j, story__strdup(buf))) {
                return contra_oom(&v, by, err);
            }
        }
      }
      gi = gend - 1;
    }
    /* A denial without object denies every object: "the police did not
     * arrest anyone" clashes with "the police arrested two men" (slots
     * event|actor|PRED| and event|actor|PRED|obj: the sorted slots of one
     * actor and predicate follow each other). The actor must be known. */
    for (size_t gi = 0; gi < nf; gi++) {
        const story_fact *f = &fs->facts[by[gi].idx];
        if (f->type != STORY_FACT_EVENT || !f->negated || f->hedged ||
            f->object_key[0] || !f->slot ||
            f->slot[strlen("event|")] == '|')
            continue;
        size_t pl = strlen(f->slot);
        for (size_t gj = gi + 1; gj < nf; gj++) {
            const story_fact *g = &fs->facts[by[gj].idx];
            if (g->type != STORY_FACT_EVENT ||
                strncmp(g->slot, f->slot, pl) != 0)
                break;
            if (g->negated || g->hedged || !g->object_key[0] ||
                g->sentence == f->sentence || !universal_denial(a, lp, f))
                continue;
            size_t i = by[gi].idx < by[gj].idx ? by[gi].idx : by[gj].idx;
            size_t j = by[gi].idx < by[gj].idx ? by[gj].idx : by[gi].idx;
            snprintf(buf, sizeof buf,
                     "event %s (%s): denied for any object in sentence "
                     "%zu, affirmed for %s in sentence %zu",
                     f->predicate, f->slot, f->sentence, g->object_key,
                     g->sentence);
            if (push_contra(&v, i, j, story__strdup(buf))) {
                return contra_oom(&v, by, err);
            }
        }
    }
    /* The same predicate and object with opposite polarity, where the
     * actor of one is the named subject of the other's clause: "Sweden
     * signed the accord" against "the ministry said that Sweden did not
     * sign the accord" (slots event|svdn|SIGN| and event||SIGN| or
     * event|official|SIGN|; or both event||SIGN|, which the rule above
 * leaves alone). Other pairs of one slot were checked above. */
    size_t ne = 0;
    for (size_t k = 0; k < nf; k++) {
        const story_fact *f = &fs->facts[k];
        if (f->type == STORY_FACT_EVENT && !f->hedged && f->predicate &&
            f->predicate[0] && f->slot && f->object_key) {
            by[ne].slot = f->predicate; /* grouped by predicate here */
            by[ne].type = (int)f->type;
            by[ne].idx = k;
            ne++;
        }
    }
    qsort(by, ne, sizeof *by, cmp_slot);
    for (size_t gi = 0; gi < ne; gi++) {
        size_t i = by[gi].idx;
        const story_fact *f = &fs->facts[i];
        for (size_t gj = gi + 1; gj < ne && same_slot(&by[gi], &by[gj]);
             gj++) {
            size_t j = by[gj].idx;
            const story_fact *g = &fs->facts[j];
            const char *fa;
            if (g->negated == f->negated ||
                g->sentence == f->sentence || !g->predicate ||
                strcmp(g->predicate, f->predicate) != 0 ||
                strcmp(g->object_key, f->object_key) != 0 ||
                (strcmp(g->slot, f->slot) == 0 &&
                 (slot_actor(f->slot, &fa) || f->object_key[0])) ||
                counts_event(fs, f->negated ? i : j) ||
                !same_actor(a, lp, fs, i, j) ||
                (f->object_key[0] == '\0' &&
                 objects_differ(ctx, a, lp, fs, f, g)))
                continue;
            size_t lo = i < j ? i : j, hi2 = i < j ? j : i;
            const story_fact *fl = &fs->facts[lo], *fh = &fs->facts[hi2];
            snprintf(buf, sizeof buf,
                     "event %s (%s, %s): %s in sentence %zu, %s in "
                     "sentence %zu",
                     f->predicate, fl->slot, fh->slot,
                     fl->negated ? "denied" : "affirmed", fl->sentence,
                     fh->negated ? "denied" : "affirmed", fh->sentence);
            if (push_contra(&v, lo, hi2, story__strdup(buf)))
                return contra_oom(&v, by, err);
        }
    }
    if (check_claims(&v, a, lp, fs) ||
        check_subject_object(&v, ctx, a, lp, fs) ||
        check_weekdays(&v, a, lp, fs))
        return contra_oom(&v, by, err);
    free(by);
    /* report in article order */
    if (v.len > 1)
        qsort(v.data, v.len, sizeof(story_contradiction), cmp_contra);
    *out = v.data;
    *n = v.len;
    return 0;
}

void story_contradictions_free(story_contradiction *c, size_t n)
{
    if (!c)
        return;
    for (size_t i = 0; i < n; i++)
        free(c[i].detail);
    free(c);
}

/* ---- contradictions in words (`storydiff check`) ---------------------- */

/* Session 11: composed here (was in the CLI), so a library user gets the
 * words and the shortened sentences of `check` too, and
 * story_facts_json() writes them. */

#define EXCERPT_MAX 140 /* bytes of a shortened sentence, about */
#define WORDS_MAX 60    /* bytes of a fact's words */
#define CLASH_GROUP_MAX 256 /* contradictions grouped into clashes */

/* Bytes [s, e) of the article into b, white space runs as one space
 * (none before the first byte of an empty b), cut at a character
 * boundary to at most max bytes (an ellipsis marks a cut). */
static void put_text(story_buf *b, const story_article *a, size_t s, size_t e,
                     size_t max)
{
    if (e > a->text_len)
        e = a->text_len;
    int cut = 0;
    if (e > s && e - s > max) {
        e = s + max;
        while (e > s && ((unsigned char)a->text[e] & 0xC0) == 0x80)
            e--;
        cut = 1;
    }
    int space = 0;
    for (size_t i = s; i < e; i++) {
        char c = a->text[i];
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            space = 1;
            continue;
        }
        if (space && b->len)
            story_buf_putc(b, ' ');
        space = 0;
        story_buf_putc(b, c);
    }
    if (cut)
        story_buf_puts(b, "\xE2\x80\xA6");
}

/* The sentence of fact f, shortened around the fact to about EXCERPT_MAX
 * bytes (cut at spaces, an ellipsis where cut). */
static void put_excerpt(story_buf *b, const story_article *a,
                        const story_fact *f)
{
    if (f->sentence >= a->n_sentences || !a->text)
        return;
    size_t s = a->sentences[f->sentence].start;
    size_t e = a->sentences[f->sentence].end;
    if (e > a->text_len)
        e = a->text_len;
    while (e > s && (a->text[e - 1] == ' ' || a->text[e - 1] == '\n'))
        e--;
    size_t s0 = s, e0 = e;
    if (e - s > EXCERPT_MAX) {
        size_t fs = f->start < s ? s : f->start;
        size_t fe = f->end > e ? e : f->end;
        if (fs > fe)
            fs = fe;
        size_t room = fe - fs < EXCERPT_MAX ? EXCERPT_MAX - (fe - fs) : 0;
        size_t lo = fs > s + room / 2 ? fs - room / 2 : s;
        size_t hi = fe + (room - (fs - lo)) < e ? fe + (room - (fs - lo)) : e;
        if (hi == e && hi - lo < EXCERPT_MAX)
            lo = e > s + EXCERPT_MAX ? e - EXCERPT_MAX : s;
        while (lo > s && lo < fs && a->text[lo - 1] != ' ')
            lo++; /* start at a word */
        while (hi < e && hi > fe && a->text[hi] != ' ')
            hi--; /* end at a word */
        s = lo;
        e = hi;
    }
    if (s > s0)
        story_buf_puts(b, "\xE2\x80\xA6");
    put_text(b, a, s, e, EXCERPT_MAX + 8);
    if (e < e0)
        story_buf_puts(b, "\xE2\x80\xA6");
}

/* The words of fact f ("1,200 jobs", "signed up"), quoted, at most
 * WORDS_MAX bytes: a quote's claim (its content, not the whole
 * quotation); a count with the word of its event right before or after
 * it ("injures 22", "Five passengers died"). */
static void put_fact_words(story_buf *b, const story_article *a,
                           const story_factset *fs, const story_fact *f)
{
    size_t s = f->start, e = f->end;
    if (f->type == STORY_FACT_QUOTE && f->content_start < f->content_end &&
        f->content_end <= a->text_len) {
        s = f->content_start;
        e = f->content_end;
        while (s < e && strchr(" \"'", a->text[s]))
            s++;
        while (e > s && strchr(" .,\"'", a->text[e - 1]))
            e--;
    }
    for (size_t i = 0; f->type == STORY_FACT_QUANTITY && f->event &&
                       f->event[0] && i < fs->n_facts;
         i++) {
        const story_fact *g = &fs->facts[i];
        if (g->type != STORY_FACT_EVENT || g->sentence != f->sentence ||
            !g->predicate || strcmp(g->predicate, f->event) != 0)
            continue;
        if (g->end <= f->start && f->start - g->end <= 2)
            s = g->start;
        else if (g->start >= f->end && g->start - f->end <= 2)
            e = g->end;
    }
    story_buf_putc(b, '"');
    put_text(b, a, s, e, WORDS_MAX);
    story_buf_putc(b, '"');
}

static int str_eq(const char *x, const char *y)
{
    return strcmp(x ? x : "", y ? y : "") == 0;
}

/* 1 when facts f and g say the same thing for the check: one fact, or
 * two of one type and polarity and modality with the same predicate and
 * object (events), number, unit and event (quantities) or key (others:
 * a quote's speaker). */
static int same_saying(const story_fact *f, const story_fact *g)
{
    if (f == g)
        return 1;
    if (f->type != g->type || !f->negated != !g->negated ||
        !f->hedged != !g->hedged)
        return 0;
    switch (f->type) {
    case STORY_FACT_EVENT:
        return str_eq(f->predicate, g->predicate) &&
               str_eq(f->object_key, g->object_key);
    case STORY_FACT_QUANTITY:
        return f->number == g->number && f->number_hi == g->number_hi &&
               str_eq(f->unit, g->unit) && str_eq(f->event, g->event);
    default:
        return str_eq(f->key, g->key);
    }
}

/* 1 when contradictions c and d are one clash: they share a fact, or
 * their facts lie in the same two sentences, and the other facts say the
 * same ("dies" s0, "died" s1, each against "still alive" s3). A date at
 * odds with its weekday (fact_a == fact_b) is a clash of its own. */
static int same_clash(const story_factset *fs, const story_contradiction *c,
                      const story_contradiction *d)
{
    if (c->fact_a == c->fact_b || d->fact_a == d->fact_b)
        return 0;
    const story_fact *ca = &fs->facts[c->fact_a], *cb = &fs->facts[c->fact_b];
    const story_fact *da = &fs->facts[d->fact_a], *db = &fs->facts[d->fact_b];
    for (int swap = 0; swap < 2; swap++) {
        const story_fact *x = swap ? db : da, *y = swap ? da : db;
        int linked = ca == x || cb == y ||
                     (ca->sentence == x->sentence &&
                      cb->sentence == y->sentence);
        if (linked && same_saying(ca, x) && same_saying(cb, y))
            return 1;
    }
    return 0;
}

static int clash_args_ok(const story_factset *fs,
                         const story_contradiction *cs, size_t n)
{
    if (!fs || (n && !cs))
        return 0;
    for (size_t i = 0; i < n; i++)
        if (cs[i].fact_a >= fs->n_facts || cs[i].fact_b >= fs->n_facts)
            return 0;
    return 1;
}

/* first[i] = the first entry of entry i's clash (union of same_clash
 * pairs, transitively). More than CLASH_GROUP_MAX entries are not
 * grouped (each its own clash). */
static void clash_firsts(const story_factset *fs,
                         const story_contradiction *cs, size_t n,
                         size_t *first)
{
    for (size_t i = 0; i < n; i++)
        first[i] = i;
    if (n > CLASH_GROUP_MAX)
        return;
    for (int changed = 1; changed;) {
        changed = 0;
        for (size_t i = 0; i < n; i++)
            for (size_t j = i + 1; j < n; j++)
                if (first[j] != first[i] && same_clash(fs, &cs[i], &cs[j])) {
                    size_t lo = first[i] < first[j] ? first[i] : first[j];
                    size_t hi = first[i] < first[j] ? first[j] : first[i];
                    for (size_t k = 0; k < n; k++)
                        if (first[k] == hi)
                            first[k] = lo;
                    changed = 1;
                }
    }
}

int story_contradiction_clashes(size_t **first, const story_factset *fs,
                                const story_contradiction *cs, size_t n,
                                story_error *err)
{
    if (!first)
        return story__error(err, STORY_EINVAL, NULL, -1,
                            "story_contradiction_clashes: NULL argument");
    *first = NULL;
    if (!clash_args_ok(fs, cs, n))
        return story__error(err, STORY_EINVAL, NULL, -1,
                            "story_contradiction_clashes: a contradiction "
                            "names no fact of the fact set");
    size_t *f = story__malloc((n ? n : 1) * sizeof *f);
    if (!f)
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    clash_firsts(fs, cs, n, f);
    *first = f;
    return 0;
}

static int cmp_size(const void *pa, const void *pb)
{
    size_t a = *(const size_t *)pa, b = *(const size_t *)pb;
    return a < b ? -1 : a > b;
}

/* The facts of side `side` (0: fact_a's, 1: fact_b's) of the clash of
 * entry i into out (sorted, distinct); their count. A pair's fact is on
 * fact_a's side when it says what the clash's first fact_a says. */
static size_t clash_side(const story_factset *fs,
                         const story_contradiction *cs, size_t n,
                         const size_t *first, size_t i, int side,
                         size_t *out)
{
    const story_fact *a0 = &fs->facts[cs[first[i]].fact_a];
    size_t m = 0;
    for (size_t j = 0; j < n; j++) {
        if (first[j] != first[i])
            continue;
        const story_fact *x = &fs->facts[cs[j].fact_a];
        int a_first = same_saying(x, a0);
        size_t k = (side == 0) == a_first ? cs[j].fact_a : cs[j].fact_b;
        out[m++] = k;
    }
    qsort(out, m, sizeof *out, cmp_size);
    size_t u = 0;
    for (size_t j = 0; j < m; j++)
        if (!u || out[u - 1] != out[j])
            out[u++] = out[j];
    return u;
}

/* Clash i in words (first[i] == i): what clashes, with the sentence
 * numbers of `facts` ("s3"); the detail is kept only for a weekday check
 * (one fact), where it is in words already. */
static void put_clash(story_buf *b, const story_article *a,
                      const story_factset *fs, const story_contradiction *cs,
                      size_t n, const size_t *first, size_t i, size_t *side)
{
    const story_contradiction *c = &cs[i];
    const story_fact *f = &fs->facts[c->fact_a];
    const story_fact *g = &fs->facts[c->fact_b];
    if (c->fact_a == c->fact_b) {
        story_buf_printf(b, "s%zu ", f->sentence);
        put_fact_words(b, a, fs, f);
        story_buf_puts(b, ": ");
        story_buf_puts(b, c->detail ? c->detail : "");
        return;
    }
    const char *why;
    int polar = 0;
    if (f->type == STORY_FACT_QUANTITY)
        why = "two different counts of the same thing";
    else if (f->type == STORY_FACT_QUOTE) {
        why = c->detail && strstr(c->detail, "two sources")
                  ? "a claim and a report's finding that denies it"
                  : "one speaker's claim affirmed and denied";
        polar = 1;
    } else if (f->predicate && g->predicate &&
               strcmp(f->predicate, g->predicate) != 0) {
        why = "opposite actions on the same thing";
    } else {
        why = f->hedged ? "the same plan affirmed and denied"
                        : "the same event affirmed and denied";
        polar = 1;
    }
    for (int k = 0; k < 2; k++) {
        size_t m = clash_side(fs, cs, n, first, i, k, side);
        const story_fact *h = k ? g : f;
        if (k)
            story_buf_puts(b, " vs ");
        for (size_t j = 0; j < m; j++) {
            if (j)
                story_buf_puts(b, ", ");
            story_buf_printf(b, "s%zu ", fs->facts[side[j]].sentence);
            put_fact_words(b, a, fs, &fs->facts[side[j]]);
        }
        if (h->hedged) /* check compares only intentions when hedged */
            story_buf_puts(b, h->negated ? " (no plan)" : " (planned)");
        else if (polar)
            story_buf_puts(b, h->negated ? " (denied)" : " (affirmed)");
    }
    story_buf_puts(b, ": ");
    story_buf_puts(b, why);
}

int story_contradiction_text(char **out, const story_article *a,
                             const story_factset *fs,
                             const story_contradiction *cs, size_t n,
                             size_t i, story_error *err)
{
    if (out)
        *out = NULL;
    if (!out)
        return story__error(err, STORY_EINVAL, NULL, -1,
                            "story_contradiction_text: NULL argument");
    if (!a || !clash_args_ok(fs, cs, n) || i >= n)
        return story__error(err, STORY_EINVAL, NULL, -1,
                            "story_contradiction_text: no such "
                            "contradiction in the fact set");
    size_t *first = story__malloc(2 * n * sizeof *first);
    if (!first)
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    clash_firsts(fs, cs, n, first);
    story_buf b = {0};
    story_buf_puts(&b, "");
    put_clash(&b, a, fs, cs, n, first, first[i], first + n);
    free(first);
    char *s = story_buf_detach(&b);
    if (!s)
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    *out = s;
    return 0;
}

int story_fact_excerpt(char **out, const story_article *a,
                       const story_factset *fs, size_t fact,
                       story_error *err)
{
    if (out)
        *out = NULL;
    if (!out)
        return story__error(err, STORY_EINVAL, NULL, -1,
                            "story_fact_excerpt: NULL argument");
    if (!a || !fs || fact >= fs->n_facts)
        return story__error(err, STORY_EINVAL, NULL, -1,
                            "story_fact_excerpt: no such fact");
    story_buf b = {0};
    story_buf_puts(&b, "");
    put_excerpt(&b, a, &fs->facts[fact]);
    char *s = story_buf_detach(&b);
    if (!s)
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    *out = s;
    return 0;
}
