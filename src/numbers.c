/*
 * Text layer: numbers in any language (see src/numbers.h and
 * docs/numbers-dates-names.md).
 *
 * Method. One forward pass over the text with a byte cursor:
 *  - a numeral starts at a decimal digit of any script (Unicode Nd, value
 *    from ICU u_charDigitValue) or a vulgar fraction (u_getNumericValue);
 *    separators between digits are read with the language's conventions
 *    (ICU unum_getSymbol, overridable by the pack's "decimal"/"group"):
 *    the locale reading is tried first and must consume the whole numeral
 *    with valid grouping; the other convention ("." <-> ",") is used only
 *    when the locale reading is invalid and the other one is valid
 *    (unambiguous), so de "1,234.5" is 1234.5, never 1.234;
 *  - a spelled number is a run of words listed in the pack's number_words
 *    (folded lookup), parsed with ICU's RBNF spellout rules in lenient mode
 *    (unum_open(UNUM_SPELLOUT) + UNUM_LENIENT_PARSE), the listed values
 *    combined when ICU cannot consume the whole phrase (inflected forms);
 *  - around the numeral: qualifier words before it, currency symbols
 *    before or after, ranges (dash or "between … and"), scale words,
 *    percent signs and unit words after it, ordinal suffixes.
 * Language resources are all in locales/numbers/<lang>.json plus the
 * language-neutral locales/numbers/root.json (symbols), read here.
 */
#include "internal.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <unicode/uchar.h>
#include <unicode/ucurr.h>
#include <unicode/udat.h>
#include <unicode/uloc.h>
#include <unicode/unorm2.h>
#include <unicode/unum.h>
#include <unicode/unumberformatter.h>
#include <unicode/ustring.h>
#include <unicode/uscript.h>

#include "locale.h"
#include "normalize.h"
#include "numbers.h"

#define MAX_LANGS 48
#define FIELD_CACHE 128 /* a power of 2, above the ~60 field names */

/* One compound suffix (see number_word). */
typedef struct sfx_item {
    const char *x; /* borrowed from the pack; NULL for a non-string */
    size_t xl;     /* strlen(x), 0 for NULL */
    json_t *e;     /* its array element or object value */
    int unit;      /* from compound_units */
} sfx_item;

typedef struct numlang {
    char lang[16];
    const story_langpack *lp;
    UNumberFormat *spell; /* RBNF spellout, lenient; NULL if unavailable */
    int spell_tried;
    char dec, grp;        /* '.' or ',' (locale convention) */
    int space_group;      /* plain spaces group digits ("15 000") */
    int indian;           /* 2-digit groups allowed (1,00,000) */
    int ordinal_dot;      /* "5." is an ordinal (de, cs, pl, …) */
    json_t *factor_first; /* first code points of CJK factor phrases */
    /* callers name fields with string literals: per name pointer, the
     * pack's key table and the numbers/root.json field (checked by
     * content when the pointer is new) */
    struct {
        const char *ptr;
        const story_langpack_index *ix;
        int neutral; /* nummod.neutral[] index, or -1 */
        int alt_built; /* the field's keys are in alt and alt_bloom */
        uint64_t alt_bloom[4]; /* bits of the hashes of its alt keys */
        /* first-code-point filter (see first_may): 0 not built yet, 1
         * built, -1 the field cannot be filtered (an empty key) */
        int first_built;
        uint64_t first_bloom[8]; /* bits of the keys' first code points */
    } fcache[FIELD_CACHE];
    /* compound_suffixes then compound_units, in pack order, with their
     * lengths (built on first use) */
    sfx_item *sfx;
    size_t n_sfx;
    int sfx_loaded;
    /* a language without a pack: scale words, number words and currency
     * names from ICU's CLDR data ({"scale_words": {folded word: value},
     * "number_words": {…}, "currencies": {folded name: ISO code}}), see
     * icu_words() */
    json_t *icu;
    /* script-variant spellings (see match_fold): "field\x1f" + the
     * match fold of a pack key whose fold differs from its key -> the
     * key's value, built per field on first use (fcache[].alt_built);
     * fcache[].alt_bloom filters the lookups */
    story_strmap alt;
    json_t *prefix_conn; /* number_prefix_connectors (borrowed), or NULL */
    int prefix_conn_loaded;
    int prefix_frac; /* 1: the pack has number_prefix_fractions, -1: not,
                        0: not looked yet */
    json_t *half_pre; /* half_prefixes (borrowed), or NULL */
    int half_pre_loaded;
    /* number_word's fields (borrowed), looked up once per language: they
     * were three pack lookups per word of the text (session 21) */
    json_t *prefix_numbers, *ord_compounds, *ord_endings;
    int nw_loaded;
} numlang;

typedef struct nummod {
    numlang *langs[MAX_LANGS];
    size_t n;
    /* numbers/root.json: its object fields, each folded key -> value
     * (borrowed from neutral_json) in a hash map */
    json_t *neutral_json;
    int neutral_loaded;
    size_t n_neutral;
    struct {
        char field[32];
        story_strmap keys;
    } neutral[8];
} nummod;

static void nummod_free(void *p)
{
    nummod *m = p;
    for (size_t i = 0; i < m->n; i++) {
        if (m->langs[i]->spell)
            unum_close(m->langs[i]->spell);
        json_decref(m->langs[i]->factor_first);
        json_decref(m->langs[i]->icu);
        free(m->langs[i]->sfx);
        story__strmap_free(&m->langs[i]->alt);
        free(m->langs[i]);
    }
    for (size_t i = 0; i < m->n_neutral; i++)
        story__strmap_free(&m->neutral[i].keys);
    json_decref(m->neutral_json);
    free(m);
}

/* ---- folding and lookups ---------------------------------------------- */

int story__fold_word(story_buf *b, const char *s, size_t n)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
    /* story__normalize_key_buf has its own fast paths (ASCII runs, code
     * points without an NFKC_Casefold mapping) and gives the same key as
     * the loop below for every word without a backtick, which the loop
     * keeps and normalisation unifies to an apostrophe */
    if (!memchr(s, '`', n)) {
        if (story__normalize_key_buf(b, NULL, s, n, NULL))
            return -1;
        if (!b->data && story_buf_append(b, "", 0))
            return -1;
        return b->oom ? -1 : 0;
    }
    /* fast path: code points that NFKC_Casefold leaves alone or maps by
     * simple case folding to one such code point (A -> a, Д -> д) */
    size_t i = 0;
    int slow = 0;
    while (i < n && !slow) {
        int32_t c = story__utf8_next(s, n, &i);
        if (c < 0x80 && c >= 0) {
            char ch = (char)c;
            if (ch >= 'A' && ch <= 'Z')
                ch = (char)(ch - 'A' + 'a');
            story_buf_putc(b, ch);
            continue;
        }
        if (c < 0 || story__is_ignorable(c) ||
            u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) ||
            u_getCombiningClass(c) ||
            u_getIntPropertyValue(c, UCHAR_NFKC_QUICK_CHECK) != UNORM_YES) {
            slow = 1;
            break;
        }
        int32_t u = story__unify_punct(c);
        if (u != c) {
            c = u;
        } else if (u_hasBinaryProperty(c, UCHAR_CHANGES_WHEN_CASEFOLDED)) {
            /* simple folding to a code point that is itself stable */
            int32_t f = u_foldCase(c, U_FOLD_CASE_DEFAULT);
            if (f == c ||
                u_hasBinaryProperty(f, UCHAR_CHANGES_WHEN_CASEFOLDED) ||
                u_getIntPropertyValue(f, UCHAR_NFKC_QUICK_CHECK) !=
                    UNORM_YES) {
                slow = 1;
                break;
            }
            c = f;
        }
        char tmp[4];
        story_buf_append(b, tmp, story__utf8_put(tmp, c));
    }
    if (slow) {
        b->len = 0;
        if (b->data)
            b->data[0] = '\0';
        if (story__normalize_key_buf(b, NULL, s, n, NULL))
            return -1;
    }
    if (!b->data && story_buf_append(b, "", 0))
        return -1;
    return b->oom ? -1 : 0;
}

static int fold_into(story_buf *b, const char *s, size_t n)
{
    return story__fold_word(b, s, n);
}

static void neutral_load(nummod *m, story_ctx *ctx)
{
    if (m->neutral_loaded)
        return;
    m->neutral_loaded = 1;
    char path[4096];
    snprintf(path, sizeof path, "%s/numbers/root.json", ctx->locales_dir);
    m->neutral_json = json_load_file(path, 0, NULL);
    const char *field;
    json_t *v;
    story_buf key = {0};
    json_object_foreach(m->neutral_json, field, v) {
        if (!json_is_object(v) ||
            strlen(field) >= sizeof m->neutral[0].field ||
            m->n_neutral == sizeof m->neutral / sizeof m->neutral[0])
            continue;
        size_t f = m->n_neutral++;
        snprintf(m->neutral[f].field, sizeof m->neutral[f].field, "%s", field);
        const char *wk;
        json_t *wv;
        json_object_foreach(v, wk, wv) {
            /* a later spelling with the same folded key wins, as before */
            if (fold_into(&key, wk, strlen(wk)) == 0)
                story__strmap_put_ptr(&m->neutral[f].keys, key.data,
                                      strlen(key.data), wv);
        }
    }
    story_buf_free(&key);
}

/* Fold cache of one scan: the same words are looked up in many fields,
 * and phrases of several lengths from one position, again and again;
 * slot by position and length (the text does not change during a
 * scan). */
#define FOLD_SLOTS 64
#define FOLD_MAX 48
typedef struct fold_slot {
    const char *p;
    size_t n;
    size_t flen;    /* strlen(f) */
    uint64_t fhash; /* story__hash_bytes(f, flen) */
    char f[FOLD_MAX]; /* folded, NUL-terminated */
} fold_slot;

typedef struct scan {
    story_ctx *ctx;
    nummod *mod;
    numlang *nl;
    const char *t;
    size_t start, end;
    story_buf key;   /* folded form of the last word folded */
    const char *key_p; /* [key_p, key_p + key_n) folds to key_f */
    size_t key_n;
    const char *key_f; /* key.data or a fold cache entry */
    size_t key_len;    /* strlen(key_f) */
    uint64_t key_hash; /* story__hash_bytes(key_f, key_len) */
    fold_slot folds[FOLD_SLOTS];
    int inner_more;  /* a CJK numeral held 多/余 inside (一百多万) */
    story_buf phrase;
    int cjk;         /* language writes without spaces */
    const char *compound_unit; /* unit of the last compound number word */
    const char *compound; /* suffix of the last compound number word
                           * (jednopokojový: "pokojov*"), or NULL */
    int fraction;    /* read_value read a fraction (一半, 十分之四) */
    int counted_one; /* read_value read an article of scale_counted_one
                        before a scale_counted word ("a decade") */
    int in_fraction; /* reading the numerator of a CJK fraction */
    int we_set;      /* word_end(we_at) = we_end is known */
    size_t we_at, we_end;
    story_buf mkey;  /* match fold of the key of [mkey_p, mkey_p + mkey_n) */
    const char *mkey_p;
    size_t mkey_n;
    uint64_t mkey_hash; /* story__hash_bytes of mkey */
    int mkey_same;      /* the match fold is the key itself (mkey unset) */
    int key_variant;    /* has_variant_script(key), -1: not known yet */
    story_buf alt_key; /* "field\x1f" + match fold (alt lookups) */
    const char *f1_p;  /* first_cp() of f1_p is f1 (-1: no filtering) */
    int32_t f1;
} scan;

/* The fcache slot of field name pointer `field`: open addressing with
 * linear probing from the pointer's hash, so that two field names whose
 * pointers hash alike keep their own slots. When they shared one
 * (direct mapping, before session 20) every switch between them reset the
 * slot, and alt_lookup rebuilt the field's script-variant keys from the
 * whole pack field: 36 million instructions of the 2.9 billion of one
 * pass of bench/run facts-speed (callgrind, session 20). A full table
 * reuses the home slot. The slot is set up (pointer, pack index, neutral
 * field) when new. */
static size_t field_slot_probe(scan *s, const char *field, size_t home);

static inline size_t field_slot(scan *s, const char *field)
{
    uintptr_t h = (uintptr_t)field >> 3;
    size_t home = (h ^ (h >> 7)) & (FIELD_CACHE - 1);
    if (s->nl->fcache[home].ptr == field)
        return home; /* most lookups: the field is in its home slot */
    return field_slot_probe(s, field, home);
}

static size_t field_slot_probe(scan *s, const char *field, size_t home)
{
    numlang *nl = s->nl;
    size_t c = home;
    for (size_t probe = 0; probe < FIELD_CACHE; probe++) {
        if (nl->fcache[c].ptr == field)
            return c;
        if (!nl->fcache[c].ptr)
            break;
        c = (c + 1) & (FIELD_CACHE - 1);
    }
    if (nl->fcache[c].ptr)
        c = home;
    nummod *m = s->mod;
    neutral_load(m, s->ctx);
    int f = -1;
    for (size_t i = 0; i < m->n_neutral; i++)
        if (strcmp(m->neutral[i].field, field) == 0) {
            f = (int)i;
            break;
        }
    nl->fcache[c].ptr = field;
    nl->fcache[c].ix = story_langpack_index_of(nl->lp, field);
    nl->fcache[c].neutral = f;
    nl->fcache[c].alt_built = 0;
    memset(nl->fcache[c].alt_bloom, 0, sizeof nl->fcache[c].alt_bloom);
    nl->fcache[c].first_built = 0;
    return c;
}

/* Value of folded key k (klen = strlen(k), khash = its
 * story__hash_bytes) in pack field, else in numbers/root.json. */

static json_t *lookup_folded(scan *s, const char *field, const char *k,
                             size_t klen, uint64_t khash)
{
    numlang *nl = s->nl;
    size_t c = field_slot(s, field);
    json_t *v = story_langpack_index_lookup(nl->fcache[c].ix, k, klen, khash);
    if (v)
        return v;
    if (nl->icu && (v = json_object_get(json_object_get(nl->icu, field), k)))
        return v;
    int f = nl->fcache[c].neutral;
    if (f < 0)
        return NULL;
    return story__strmap_get_ptr(&s->mod->neutral[f].keys, k, klen);
}

/* ---- script-variant spellings ------------------------------------------
 * Words are matched through a second fold (applied to the text and to the
 * pack keys alike, after NFKC_Casefold) that removes the spelling variation
 * of two scripts which NFKC keeps apart:
 * - Arabic: the harakat and other Arabic-block non-spacing marks (ICU
 *   general category Mn in UBLOCK_ARABIC: U+0610-061A, U+064B-065F tanwin,
 *   fatha, damma, kasra, shadda, sukun, U+0670 superscript alef, Quranic
 *   marks) and the tatweel U+0640 are removed: ألفاً = ألفًا = ألفا,
 *   ثلاثةٌ = ثلاثة, مِئَة = مئة (Unicode 15 ch. 9.2: the marks are optional
 *   in running text).
 * - Devanagari: the nukta U+093C is removed (NFKC_Casefold has already
 *   decomposed the precomposed ज़ U+095B etc.), candrabindu U+0901 (and
 *   the inverted U+0900) is read as anusvara U+0902 (पाँच = पांच), and a
 *   class nasal + virama before a consonant of its own class is read as
 *   anusvara (पन्द्रह = पंद्रह, हिन्दी = हिंदी: the two spellings of the
 *   homorganic nasal, Unicode 15 ch. 12.1; the standard Hindi orthography
 *   of the Central Hindi Directorate prefers the anusvara). */

/* the class nasal of Devanagari consonant c (velar ङ, palatal ञ,
 * retroflex ण, dental न, labial म), or 0 */
static int32_t deva_class_nasal(int32_t c)
{
    if (c >= 0x0915 && c <= 0x0919)
        return 0x0919;
    if (c >= 0x091A && c <= 0x091E)
        return 0x091E;
    if (c >= 0x091F && c <= 0x0923)
        return 0x0923;
    if (c >= 0x0924 && c <= 0x0928)
        return 0x0928;
    if (c >= 0x092A && c <= 0x092E)
        return 0x092E;
    if (c == 0x0958 || c == 0x0959 || c == 0x095A) /* क़ ख़ ग़ */
        return 0x0919;
    if (c == 0x095B) /* ज़ */
        return 0x091E;
    if (c == 0x095C || c == 0x095D) /* ड़ ढ़ */
        return 0x0923;
    if (c == 0x095E) /* फ़ */
        return 0x092E;
    return 0;
}

/* The match fold also reads Cyrillic typed with Latin look-alike letters
 * (a keyboard-layout slip,
 *   frequent in uk where і shares its key with Latin i: "мiльйонiв"):
 *   in a key that holds Cyrillic letters (lead bytes D0 D1), the ASCII
 *   letters a c e i o p x y are read as their Cyrillic homoglyphs а с е і
 *   о р х у (the Latin-Cyrillic pairs of the Unicode confusables data,
 *   UTS #39 confusables.txt; session 19, fresh-user 18 M32: "412 мiльйонiв
 *   євро" was 412 without the million). */
static int32_t cyr_of_latin(int32_t c)
{
    switch (c) {
    case 'a': return 0x0430;
    case 'c': return 0x0441;
    case 'e': return 0x0435;
    case 'i': return 0x0456;
    case 'o': return 0x043E;
    case 'p': return 0x0440;
    case 'x': return 0x0445;
    case 'y': return 0x0443;
    default: return 0;
    }
}

/* 1 when folded key k[0, n) holds a Cyrillic letter and an ASCII letter
 * that cyr_of_latin maps */
static int cyr_lookalike(const char *k, size_t n)
{
    int cyr = 0, lat = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)k[i];
        cyr |= c == 0xD0 || c == 0xD1;
        lat |= c < 0x80 && cyr_of_latin(c);
    }
    return cyr && lat;
}

/* Does folded key k[0, n) hold Arabic (U+0600-06FF: lead bytes D8-DB) or
 * Devanagari (U+0900-097F: E0 A4 / E0 A5) letters, or Cyrillic with a
 * Latin look-alike (cyr_lookalike)? One pass over the bytes. */
static int has_variant_script(const char *k, size_t n)
{
    int cyr = 0, lat = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)k[i];
        if (c < 0x80) {
            lat |= cyr_of_latin(c) != 0;
            continue;
        }
        if (c >= 0xD8 && c <= 0xDB)
            return 1;
        if (c == 0xE0 && i + 1 < n &&
            ((unsigned char)k[i + 1] == 0xA4 ||
             (unsigned char)k[i + 1] == 0xA5))
            return 1;
        cyr |= c == 0xD0 || c == 0xD1;
    }
    return cyr && lat;
}

/* Can match_fold change k[0, n)? Its UTF-8 bytes: Arabic marks and
 * tatweel D8 90-9A, D9 80, D9 8B-9F, D9 B0, DB 96-AD; Devanagari
 * candrabindu E0 A4 80-81, nukta E0 A4 BC, virama E0 A5 8D after a class
 * nasal. */
static int may_fold(const char *k, size_t n)
{
    if (cyr_lookalike(k, n))
        return 1;
    for (size_t i = 0; i + 1 < n; i++) {
        unsigned char a = (unsigned char)k[i], b = (unsigned char)k[i + 1];
        if ((a == 0xD8 && b >= 0x90 && b <= 0x9A) ||
            (a == 0xD9 && (b == 0x80 || (b >= 0x8B && b <= 0x9F) ||
                           b == 0xB0)) ||
            (a == 0xDB && b >= 0x96 && b <= 0xAD))
            return 1;
        if (a == 0xE0 && i + 2 < n) {
            unsigned char c = (unsigned char)k[i + 2];
            if (b == 0xA4 && (c == 0x80 || c == 0x81 || c == 0xBC))
                return 1;
            /* a virama after a class nasal ङ ञ ण न म (E0 A4 99/9E/A3/A8/AE) */
            if (b == 0xA5 && c == 0x8D && i >= 3 &&
                (unsigned char)k[i - 3] == 0xE0 &&
                (unsigned char)k[i - 2] == 0xA4) {
                unsigned char m = (unsigned char)k[i - 1];
                if (m == 0x99 || m == 0x9E || m == 0xA3 || m == 0xA8 ||
                    m == 0xAE)
                    return 1;
            }
        }
    }
    return 0;
}

/* b := the match fold of folded key k[0, n) (see above); 1 when it
 * differs from k, 0 when equal, -1 when out of memory. */
static int match_fold(story_buf *b, const char *k, size_t n)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
    size_t i = 0;
    int changed = 0;
    int cyr = cyr_lookalike(k, n);
    while (i < n) {
        size_t at = i;
        int32_t c = story__utf8_next(k, n, &i);
        if (c < 0) {
            story_buf_append(b, k + at, i - at);
            continue;
        }
        if (cyr && c < 0x80 && cyr_of_latin(c)) {
            c = cyr_of_latin(c);
            changed = 1;
        }
        if (story__arabic_mark(c) || c == 0x093C) {
            changed = 1;
            continue;
        }
        if (c == 0x0900 || c == 0x0901) {
            c = 0x0902;
            changed = 1;
        } else if (c == 0x0919 || c == 0x091E || c == 0x0923 ||
                   c == 0x0928 || c == 0x092E) {
            /* nasal + virama (+ nukta) + consonant of its class */
            size_t j = i;
            if (j < n && story__utf8_next(k, n, &j) == 0x094D && j < n) {
                size_t q = j;
                int32_t d = story__utf8_next(k, n, &q);
                if (deva_class_nasal(d) == c) {
                    c = 0x0902;
                    i = j;
                    changed = 1;
                }
            }
        }
        char tmp[4];
        story_buf_append(b, tmp, story__utf8_put(tmp, c));
    }
    if (!b->data && story_buf_append(b, "", 0))
        return -1;
    return b->oom ? -1 : changed;
}

static void bloom_set(uint64_t *bloom, uint64_t h)
{
    bloom[(h >> 6) & 3] |= (uint64_t)1 << (h & 63);
}

static int bloom_has(const uint64_t *bloom, uint64_t h)
{
    return (bloom[(h >> 6) & 3] >> (h & 63)) & 1;
}

/* alt map entry of one pack key: "field\x1f" + match fold of its fold */
static void alt_add(numlang *nl, uint64_t *bloom, story_buf *f1,
                    story_buf *f2, story_buf *ak, const char *field,
                    const char *key, json_t *val)
{
    if (fold_into(f1, key, strlen(key)) ||
        !has_variant_script(f1->data, f1->len) ||
        match_fold(f2, f1->data, f1->len) != 1)
        return;
    bloom_set(bloom, story__hash_bytes(f2->data, f2->len));
    ak->len = 0;
    story_buf_append(ak, field, strlen(field));
    story_buf_putc(ak, '\x1f');
    story_buf_append(ak, f2->data, f2->len);
    if (!ak->oom &&
        !story__strmap_get_ptr(&nl->alt, ak->data, ak->len))
        story__strmap_put_ptr(&nl->alt, ak->data, ak->len, val);
}

static void alt_build_obj(numlang *nl, uint64_t *bloom, json_t *v,
                          const char *field, story_buf *f1, story_buf *f2,
                          story_buf *ak)
{
    if (json_is_array(v)) {
        size_t ai;
        json_t *e;
        json_array_foreach(v, ai, e) {
            if (json_is_string(e))
                alt_add(nl, bloom, f1, f2, ak, field, json_string_value(e),
                        json_true());
        }
    } else if (json_is_object(v)) {
        const char *wk;
        json_t *wv;
        json_object_foreach(v, wk, wv) {
            alt_add(nl, bloom, f1, f2, ak, field, wk, wv);
        }
    }
}

/* Value of a pack key of `field` whose match fold is mf[0, mfl) (hash
 * mh), for the keys whose match fold differs from their fold (the others
 * are found by lookup_folded, which has set up the field's fcache slot). */
static json_t *alt_lookup(scan *s, const char *field, const char *mf,
                          size_t mfl, uint64_t mh)
{
    numlang *nl = s->nl;
    size_t c = field_slot(s, field);
    if (!nl->fcache[c].alt_built) {
        story_buf f1 = {0}, f2 = {0}, ak = {0};
        uint64_t *bloom = nl->fcache[c].alt_bloom;
        alt_build_obj(nl, bloom, story_langpack_field(nl->lp, field), field,
                      &f1, &f2, &ak);
        if (nl->icu)
            alt_build_obj(nl, bloom, json_object_get(nl->icu, field), field,
                          &f1, &f2, &ak);
        story_buf_free(&f1);
        story_buf_free(&f2);
        story_buf_free(&ak);
        nl->fcache[c].alt_built = 1;
    }
    if (!bloom_has(nl->fcache[c].alt_bloom, mh))
        return NULL;
    s->alt_key.len = 0;
    story_buf_append(&s->alt_key, field, strlen(field));
    story_buf_putc(&s->alt_key, '\x1f');
    story_buf_append(&s->alt_key, mf, mfl);
    if (s->alt_key.oom)
        return NULL;
    return story__strmap_get_ptr(&nl->alt, s->alt_key.data,
                                 s->alt_key.len);
}

/* The current key (s->key_f, Arabic or Devanagari, not found as it is)
 * through its match fold */
static json_t *lookup_variant(scan *s, const char *field)
{
    json_t *v;
    if (s->mkey_p != s->key_p || s->mkey_n != s->key_n) {
        s->mkey_p = NULL;
        s->mkey_same = !may_fold(s->key_f, s->key_len);
        if (s->mkey_same) {
            s->mkey_hash = s->key_hash;
        } else {
            int r = match_fold(&s->mkey, s->key_f, s->key_len);
            if (r < 0)
                return NULL;
            s->mkey_same = r == 0;
            s->mkey_hash = s->mkey_same ? s->key_hash
                                        : story__hash_bytes(s->mkey.data,
                                                            s->mkey.len);
        }
        s->mkey_p = s->key_p;
        s->mkey_n = s->key_n;
    }
    if (s->mkey_same)
        return alt_lookup(s, field, s->key_f, s->key_len, s->key_hash);
    v = lookup_folded(s, field, s->mkey.data, s->mkey.len, s->mkey_hash);
    if (v)
        return v;
    return alt_lookup(s, field, s->mkey.data, s->mkey.len, s->mkey_hash);
}

/* ---- first-code-point filter -------------------------------------------
 * Most lookups miss: a word of the text is tried in many fields, and
 * match_after tries phrases of up to 8 words (zh, ja: from every
 * character). Each such try folded the phrase and probed the field. A
 * key can only match a phrase whose fold begins with the key's first
 * code point, so each field keeps (built on first use) a bloom filter of
 * the first code points of its keys: of the pack's folded keys, the
 * numbers/root.json and ICU keys, and of their match folds (the
 * script-variant lookups); a Cyrillic letter that has a Latin look-alike
 * also sets the Latin one and vice versa (cyr_of_latin). The text's side,
 * first_cp, is the first code point of the phrase's fold, computed only
 * where that is certain without folding the phrase (a code point that
 * begins its own normalisation segment and is not removed or remapped by
 * the match fold); elsewhere the filter lets the lookup through. A
 * false positive of the bloom only costs the lookup. (Session 21,
 * 2026-12-02: the number scanner took a quarter of bench/run
 * facts-speed, most of it folding and probing phrases no field holds.)
 * story__key_filter_off() (tests only) turns it off, so that unit.numbers
 * compares both paths. */

static void first_set(uint64_t *bloom, int32_t c)
{
    uint32_t h = ((uint32_t)c * 2654435761u) >> 23; /* 9 bits */
    bloom[h >> 6] |= (uint64_t)1 << (h & 63);
}

static int first_has(const uint64_t *bloom, int32_t c)
{
    uint32_t h = ((uint32_t)c * 2654435761u) >> 23;
    return (int)((bloom[h >> 6] >> (h & 63)) & 1);
}

/* the Latin look-alike of Cyrillic c (inverse of cyr_of_latin), or 0 */
static int32_t latin_of_cyr(int32_t c)
{
    static const char lat[] = "aceiopxy";
    for (const char *l = lat; *l; l++)
        if (cyr_of_latin(*l) == c)
            return *l;
    return 0;
}

/* Add the first code point of key k[0, n) (and its look-alike); 0, or
 * -1 when the key has none (empty or invalid: no filtering) */
static int first_add_cp(uint64_t *bloom, const char *k, size_t n)
{
    size_t i = 0;
    int32_t c = n ? story__utf8_next(k, n, &i) : -1;
    if (c < 0)
        return -1;
    first_set(bloom, c);
    int32_t l = c < 0x80 ? cyr_of_latin(c) : latin_of_cyr(c);
    if (l)
        first_set(bloom, l);
    return 0;
}

/* Add key k[0, n) (a folded key as its table holds it): its first code
 * point, and that of its match fold when that may differ. */
static int first_add_key(uint64_t *bloom, story_buf *mf, const char *k,
                         size_t n)
{
    if (first_add_cp(bloom, k, n))
        return -1;
    if (has_variant_script(k, n)) {
        int r = match_fold(mf, k, n);
        if (r < 0 || (r == 1 && first_add_cp(bloom, mf->data, mf->len)))
            return -1;
    }
    return 0;
}

/* Keys of a pack field's JSON value (array of strings or object) through
 * fold_into, as alt_build_obj and neutral_load read them */
static int first_add_json(uint64_t *bloom, story_buf *f1, story_buf *mf,
                          json_t *v)
{
    if (json_is_array(v)) {
        size_t ai;
        json_t *e;
        json_array_foreach(v, ai, e) {
            if (!json_is_string(e))
                continue;
            const char *x = json_string_value(e);
            if (fold_into(f1, x, strlen(x)) ||
                first_add_key(bloom, mf, f1->data, f1->len))
                return -1;
        }
    } else if (json_is_object(v)) {
        const char *wk;
        json_t *wv;
        json_object_foreach(v, wk, wv) {
            (void)wv;
            /* as it is (ICU keys are looked up so) and folded */
            if (first_add_key(bloom, mf, wk, strlen(wk)) ||
                fold_into(f1, wk, strlen(wk)) ||
                first_add_key(bloom, mf, f1->data, f1->len))
                return -1;
        }
    }
    return 0;
}

static void first_build(scan *s, size_t c, const char *field)
{
    numlang *nl = s->nl;
    uint64_t *bloom = nl->fcache[c].first_bloom;
    memset(bloom, 0, sizeof nl->fcache[c].first_bloom);
    story_buf f1 = {0}, mf = {0};
    int bad = 0;
    const story_langpack_index *ix = nl->fcache[c].ix;
    size_t nk = story_langpack_index_count(ix);
    for (size_t k = 0; k < nk && !bad; k++) {
        size_t kl;
        const char *key = story_langpack_index_key(ix, k, &kl);
        bad = first_add_key(bloom, &mf, key, kl) != 0;
    }
    /* the pack field's keys as alt_build_obj folds them */
    if (!bad)
        bad = first_add_json(bloom, &f1, &mf,
                             story_langpack_field(nl->lp, field)) != 0;
    if (!bad && nl->icu)
        bad = first_add_json(bloom, &f1, &mf,
                             json_object_get(nl->icu, field)) != 0;
    int f = nl->fcache[c].neutral;
    if (!bad && f >= 0)
        bad = first_add_json(bloom, &f1, &mf,
                             json_object_get(s->mod->neutral_json,
                                             s->mod->neutral[f].field)) != 0;
    if (f1.oom || mf.oom)
        bad = 1;
    story_buf_free(&f1);
    story_buf_free(&mf);
    nl->fcache[c].first_built = bad ? -1 : 1;
}

/* The first code point of the fold and of the match fold of any phrase
 * that starts at p, or -1 when that is not certain (see above). */
static int32_t first_cp(scan *s, const char *p)
{
    int32_t f = story__key_first_cp(s->t, s->end, (size_t)(p - s->t));
    /* the match fold drops or rewrites these at the start of a key */
    if (f == 0x093C || f == 0x0900 || f == 0x0901 || f == 0x0919 ||
        f == 0x091E || f == 0x0923 || f == 0x0928 || f == 0x092E)
        return -1;
    return f;
}

/* May a key of `field` match a phrase starting at p? */
static int first_may(scan *s, const char *field, const char *p)
{
    if (story__key_filter_off())
        return 1;
    if (p != s->f1_p) {
        s->f1 = first_cp(s, p);
        s->f1_p = p;
    }
    if (s->f1 < 0)
        return 1;
    numlang *nl = s->nl;
    size_t c = field_slot(s, field);
    if (!nl->fcache[c].first_built)
        first_build(s, c, field);
    return nl->fcache[c].first_built < 0 ||
           first_has(nl->fcache[c].first_bloom, s->f1);
}

static json_t *lookup(scan *s, const char *field, const char *p, size_t n)
{
    if (n == 0)
        return NULL;
    if (!first_may(s, field, p))
        return NULL;
    if (p != s->key_p || n != s->key_n) {
        /* the same word is looked up in several fields: fold it once */
        uintptr_t h = (uintptr_t)p * 7u + n;
        fold_slot *fs = &s->folds[(h ^ (h >> 6)) & (FOLD_SLOTS - 1)];
        s->key_p = NULL;
        if (fs->p == p && fs->n == n) {
            s->key_f = fs->f;
            s->key_len = fs->flen;
            s->key_hash = fs->fhash;
        } else {
            if (fold_into(&s->key, p, n))
                return NULL;
            s->key_f = s->key.data;
            s->key_len = strlen(s->key_f);
            s->key_hash = story__hash_bytes(s->key_f, s->key_len);
            if (s->key.len < FOLD_MAX) {
                fs->p = p;
                fs->n = n;
                fs->flen = s->key_len;
                fs->fhash = s->key_hash;
                memcpy(fs->f, s->key.data, s->key.len + 1);
            }
        }
        s->key_p = p;
        s->key_n = n;
        s->key_variant = -1;
    }
    json_t *v = lookup_folded(s, field, s->key_f, s->key_len, s->key_hash);
    if (v)
        return v;
    if (s->key_variant < 0)
        s->key_variant = has_variant_script(s->key_f, s->key_len);
    return s->key_variant ? lookup_variant(s, field) : NULL;
}

static double json_num(json_t *v)
{
    if (json_is_number(v))
        return json_number_value(v);
    if (json_is_string(v))
        return strtod(json_string_value(v), NULL);
    return NAN;
}

/* ---- code points ------------------------------------------------------ */

static int32_t cp_at(scan *s, size_t i, size_t *next)
{
    unsigned char b = (unsigned char)s->t[i];
    if (b < 0x80) { /* ASCII: what story__utf8_next gives */
        if (next)
            *next = i + 1;
        return b;
    }
    size_t j = i;
    int32_t c = story__utf8_next(s->t, s->end, &j);
    if (next)
        *next = j;
    return c;
}

static size_t prev_pos(scan *s, size_t i)
{
    if (i <= s->start)
        return s->start;
    i--;
    while (i > s->start && ((unsigned char)s->t[i] & 0xC0) == 0x80)
        i--;
    return i;
}

static int is_space_cp(int32_t c)
{
    return c == ' ' || c == 0xA0 || c == 0x202F || c == 0x2009 ||
           c == 0x2007 || c == '\t' || c == 0x3000;
}

static int is_apos(int32_t c)
{
    return c == '\'' || c == 0x2019 || c == 0x02BC;
}

static int is_word_cp(int32_t c)
{
    if (c < 0)
        return 0;
    if (c < 0x80) /* ASCII fast path: u_isalpha is exactly A-Z a-z here */
        return (unsigned)((c | 0x20) - 'a') < 26u;
    if (u_isalpha(c))
        return 1;
    int8_t t = u_charType(c);
    /* a soft hyphen or zero-width (non-)joiner inside a word ("Mon\u00ADday",
     * German sites' &shy;) is part of it; keys drop it (normalize.c
     * key_drops; session 15, fresh-user 15 M19) */
    return t == U_NON_SPACING_MARK || t == U_COMBINING_SPACING_MARK ||
           c == 0xAD || c == 0x200C || c == 0x200D;
}

static int is_cjk_cp(int32_t c)
{
    if (c < 0x2E80) /* below the CJK radicals: no Han, Hiragana, Katakana */
        return 0;
    UErrorCode e = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(c, &e);
    return sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA ||
           sc == USCRIPT_KATAKANA;
}

static size_t skip_spaces(scan *s, size_t i)
{
    while (i < s->end) {
        size_t n;
        int32_t c = cp_at(s, i, &n);
        if (!is_space_cp(c))
            break;
        i = n;
    }
    return i;
}

static int32_t utf8_at(const char *t, size_t end, size_t i, size_t *next)
{
    unsigned char b = (unsigned char)t[i];
    if (b < 0x80) { /* ASCII: what story__utf8_next gives */
        if (next)
            *next = i + 1;
        return b;
    }
    if (b >= 0xC2 && b <= 0xDF && i + 1 < end &&
        ((unsigned char)t[i + 1] & 0xC0) == 0x80) { /* two bytes, ditto */
        if (next)
            *next = i + 2;
        return ((int32_t)(b & 0x1F) << 6) | ((unsigned char)t[i + 1] & 0x3F);
    }
    size_t j = i;
    int32_t c = story__utf8_next(t, end, &j);
    if (next)
        *next = j;
    return c;
}

size_t story__word_end(const char *t, size_t end, size_t i)
{
    size_t j = i, n;
    int32_t c = utf8_at(t, end, j, &n);
    if (!is_word_cp(c))
        return i;
    if (is_cjk_cp(c))
        return n;
    j = n;
    while (j < end) {
        unsigned char b = (unsigned char)t[j];
        if ((unsigned)((b | 0x20) - 'a') < 26u) { /* ASCII letter */
            j++;
            continue;
        }
        c = utf8_at(t, end, j, &n);
        if (is_word_cp(c) && !is_cjk_cp(c)) {
            j = n;
            continue;
        }
        if ((is_apos(c) || c == '.') && n < end) {
            /* inner apostrophe (п'ять) or dot between letters (p.m.) */
            size_t n2;
            int32_t d = utf8_at(t, end, n, &n2);
            if (is_word_cp(d) && !is_cjk_cp(d) &&
                (c != '.' || (n2 - n == 1 && (n2 >= end ||
                                              !is_word_cp(utf8_at(t, end, n2,
                                                                  NULL)))))) {
                j = n2;
                continue;
            }
        }
        break;
    }
    return j;
}

/* End of the word starting at i (see story__word_end in numbers.h); the
 * last answer is kept (read_value asks for the same word several times). */
static size_t word_end(scan *s, size_t i)
{
    if (s->we_set && s->we_at == i)
        return s->we_end;
    s->we_set = 1;
    s->we_at = i;
    s->we_end = story__word_end(s->t, s->end, i);
    return s->we_end;
}

/* Longest phrase of 1..maxw words (separated by single spaces) starting at
 * i (after optional spaces when allow_space) found in `field`; a trailing
 * "." is tried as part of the last word first ("Mio."). CJK: 1..4 code
 * points. Returns the value and sets *endp, or NULL. */
static json_t *match_after(scan *s, size_t i, const char *field, int maxw,
                           int allow_space, size_t *endp)
{
    size_t p = allow_space ? skip_spaces(s, i) : i;
    if (p >= s->end || !first_may(s, field, s->t + p))
        return NULL;
    size_t ends[8];
    int nw = 0;
    size_t q = p;
    for (int w = 0; w < maxw && w < 8; w++) {
        size_t we = word_end(s, q);
        if (we == q) {
            /* a symbol: one code point ("%", "€", "$") */
            if (w > 0)
                break;
            size_t n;
            int32_t c = cp_at(s, q, &n);
            if (c < 0 || u_isdigit(c) || is_space_cp(c))
                break;
            we = n;
            if (c == 0xB0 || c == 0xBA) { /* "°C", "°F": one symbol */
                size_t le = word_end(s, n);
                we = le > n ? le : n;
            }
        }
        ends[nw++] = we;
        if (we >= s->end)
            break;
        size_t n;
        int32_t c = cp_at(s, we, &n);
        if ((is_cjk_cp(c) || (s->cjk && nw > 0 && is_word_cp(c) &&
                              !u_isdigit(c))) &&
            w + 1 < maxw) {
            /* katakana words hold ー (script Common): ユーロ */
            q = we; /* CJK: the next code point is the next "word" */
            continue;
        }
        /* a hyphen between two words joins a compound phrase the pack
         * may list ("US-Dollar", "Hongkong-Dollar"; session 16,
         * fresh-user 16 M6: "16 Mrd. US-Dollar" lost its currency) */
        /* so does a slash between two words: a unit ratio the pack
         * lists ("km/h", "км/год", "m/s"; session 21, fresh-user 21 M3:
         * "120 km/h" was 120 km) */
        if ((c == '-' || c == '/') && n < s->end && w + 1 < maxw) {
            size_t n2;
            int32_t d = cp_at(s, n, &n2);
            if (d >= 0 && u_isalpha(d)) {
                q = n;
                continue;
            }
        }
        if (c != ' ' && c != 0xA0)
            break;
        q = n;
    }
    for (int w = nw - 1; w >= 0; w--) {
        size_t we = ends[w];
        json_t *v;
        /* a power after the last word: "km²", "m³", "km2" (the pack lists
         * them; was "km" with the power lost, a certain false change
         * against "square kilometres"; session 19, fresh-user 18 L27) */
        if (we < s->end) {
            size_t pe = we;
            unsigned char c0 = (unsigned char)s->t[we];
            /* an ASCII power only after a space ("40 km2"): glued, the
             * digit may start the next number ("\x1b[31m3 people") */
            if ((c0 == '2' || c0 == '3') && p > i)
                pe = we + 1;
            else if (c0 == 0xC2 && we + 1 < s->end &&
                     ((unsigned char)s->t[we + 1] == 0xB2 ||
                      (unsigned char)s->t[we + 1] == 0xB3))
                pe = we + 2; /* U+00B2, U+00B3 */
            if (pe > we) {
                size_t n2;
                int32_t c2 = pe < s->end ? cp_at(s, pe, &n2) : -1;
                if (!(c2 >= 0 && (u_isdigit(c2) || is_word_cp(c2))) &&
                    (v = lookup(s, field, s->t + p, pe - p))) {
                    *endp = pe;
                    return v;
                }
            }
        }
        if (we < s->end && s->t[we] == '.' &&
            (v = lookup(s, field, s->t + p, we + 1 - p))) {
            *endp = we + 1;
            return v;
        }
        if ((v = lookup(s, field, s->t + p, we - p))) {
            *endp = we;
            return v;
        }
    }
    return NULL;
}

/* Longest phrase of 1..maxw words ending at i (before optional spaces)
 * found in `field`; *startp receives its start. CJK: 1..4 code points. */
static json_t *match_before(scan *s, size_t i, const char *field, int maxw,
                            size_t *startp)
{
    size_t q = i;
    /* skip spaces backwards */
    while (q > s->start) {
        size_t pp = prev_pos(s, q);
        if (!is_space_cp(cp_at(s, pp, NULL)))
            break;
        q = pp;
    }
    size_t wend = q;
    json_t *best = NULL;
    for (int w = 0; w < maxw; w++) {
        /* one word back */
        size_t r = q;
        size_t pp = prev_pos(s, r);
        int32_t c = r > s->start ? cp_at(s, pp, NULL) : -1;
        if (c >= 0 && is_cjk_cp(c)) {
            r = pp;
        } else if (w == 0 && c >= 0 && !is_word_cp(c) && !u_isdigit(c) &&
                   !is_space_cp(c) && c != '-' && c != '.' && c != ',') {
            /* a symbol ("$", "€"), with attached letters ("US$") */
            r = pp;
            json_t *v = lookup(s, field, s->t + r, wend - r);
            if (v) {
                best = v;
                *startp = r;
            }
            while (r > s->start &&
                   is_word_cp(cp_at(s, prev_pos(s, r), NULL)))
                r = prev_pos(s, r);
            if (r != pp && (v = lookup(s, field, s->t + r, wend - r))) {
                best = v;
                *startp = r;
            }
            return best;
        } else {
            while (r > s->start) {
                pp = prev_pos(s, r);
                c = cp_at(s, pp, NULL);
                if (is_word_cp(c) && !is_cjk_cp(c))
                    r = pp;
                else if (is_apos(c) && pp > s->start &&
                         is_word_cp(cp_at(s, prev_pos(s, pp), NULL)))
                    r = pp;
                else
                    break;
            }
        }
        if (r == q)
            break;
        /* word must start at a boundary */
        json_t *v = lookup(s, field, s->t + r, wend - r);
        if (v) {
            best = v;
            *startp = r;
        }
        q = r;
        if (q <= s->start)
            break;
        pp = prev_pos(s, q);
        c = cp_at(s, pp, NULL);
        if (is_cjk_cp(c))
            continue;
        if (c != ' ' && c != 0xA0)
            break;
        q = pp;
    }
    return best;
}

/* ---- language setup --------------------------------------------------- */

static char sym_char(UNumberFormat *nf, UNumberFormatSymbol which, char dflt,
                     int *is_space)
{
    UChar buf[8];
    UErrorCode e = U_ZERO_ERROR;
    int32_t n = unum_getSymbol(nf, which, buf, 8, &e);
    if (U_FAILURE(e) || n < 1)
        return dflt;
    UChar c = buf[0];
    if (is_space && (c == 0xA0 || c == 0x202F || c == ' ' || c == 0x2009)) {
        *is_space = 1;
        return ' ';
    }
    if (c == '.' || c == ',' || c == '\'')
        return (char)c;
    if (c == 0x066B)
        return '.'; /* Arabic decimal separator: news mostly use '.' */
    if (c == 0x066C || c == 0x2019)
        return ',';
    return dflt;
}

/* Adds the letters of u[0, n) (a CLDR name without its digits, spaces
 * and signs) folded as a key of obj with value val; names of fewer than
 * two letters ("5M" of a locale without long names) are skipped. */
static void icu_add_name(json_t *obj, const UChar *u, int32_t n, json_t *val)
{
    char utf8[128];
    UErrorCode e = U_ZERO_ERROR;
    int32_t len = 0;
    u_strToUTF8(utf8, sizeof utf8, &len, u, n, &e);
    story_buf key = {0};
    size_t b = 0, en = (size_t)len, letters = 0;
    if (U_FAILURE(e) || len <= 0 || (size_t)len >= sizeof utf8)
        goto done;
    /* trim what is not a letter at both ends: "5 miljoen" -> "miljoen" */
    while (b < en) {
        size_t q = b;
        int32_t c = story__utf8_next(utf8, en, &q);
        if (c >= 0 && u_isalpha(c))
            break;
        b = q;
    }
    while (en > b) {
        size_t q = en - 1;
        while (q > b && ((unsigned char)utf8[q] & 0xC0) == 0x80)
            q--;
        size_t r = q;
        int32_t c = story__utf8_next(utf8, en, &r);
        if (c >= 0 && u_isalpha(c))
            break;
        en = q;
    }
    for (size_t q = b; q < en;) {
        int32_t c = story__utf8_next(utf8, en, &q);
        letters += c >= 0 && u_isalpha(c);
    }
    if (letters < 2 || story__fold_word(&key, utf8 + b, en - b) ||
        !key.data)
        goto done;
    if (!json_object_get(obj, key.data))
        json_object_set(obj, key.data, val);
done:
    story_buf_free(&key);
    json_decref(val);
}

/* Adds each word (letter run) of u[from, to) of at most three letters,
 * folded, as a key of obj. */
static void icu_add_short_words(json_t *obj, const UChar *u, int32_t from,
                                int32_t to)
{
    int32_t w0 = -1;
    for (int32_t k = from; k <= to; k++) {
        int alpha = k < to && u_isalpha(u[k]);
        if (alpha && w0 < 0)
            w0 = k;
        if (!alpha && w0 >= 0) {
            if (k - w0 >= 2 && k - w0 <= 3)
                icu_add_name(obj, u + w0, k - w0, json_true());
            w0 = -1;
        }
    }
}

/* Linking words of a language without a pack, from CLDR via ICU: the
 * words between the number and the unit name in the full-name format of
 * 20 metres (ro "20 de metri"), and the short quoted literal words of
 * the long date pattern (pt/es "d 'de' MMMM 'de' y": the genitive
 * preposition that also links "5 milhões de euros"). An object of
 * folded words, or NULL. */
static json_t *icu_links(const char *loc)
{
    json_t *links = json_object();
    if (!links)
        return NULL;
    UChar b[96];
    int32_t n = 0;
    UErrorCode e = U_ZERO_ERROR;
    UNumberFormatter *nf = unumf_openForSkeletonAndLocale(
        u"measure-unit/length-meter unit-width-full-name", -1, loc, &e);
    UFormattedNumber *r = U_FAILURE(e) ? NULL : unumf_openResult(&e);
    if (r) {
        unumf_formatDouble(nf, 20, r, &e);
        n = U_FAILURE(e) ? 0 : unumf_resultToString(r, b, 96, &e);
        if (U_FAILURE(e) || n >= 96)
            n = 0;
        unumf_closeResult(r);
    }
    if (nf)
        unumf_close(nf);
    /* after the last digit, up to the start of the last word */
    int32_t d = -1, lw = n;
    for (int32_t k = 0; k < n; k++)
        if (u_isdigit(b[k]))
            d = k;
    while (lw > 0 && !u_isalpha(b[lw - 1]))
        lw--;
    while (lw > 0 && u_isalpha(b[lw - 1]))
        lw--;
    if (d >= 0 && lw > d + 1)
        icu_add_short_words(links, b, d + 1, lw);
    e = U_ZERO_ERROR;
    UDateFormat *df = udat_open(UDAT_NONE, UDAT_LONG, loc, u"UTC", -1, NULL,
                                0, &e);
    UChar pat[96];
    n = U_FAILURE(e) ? 0 : udat_toPattern(df, 0, pat, 96, &e);
    if (df)
        udat_close(df);
    if (U_FAILURE(e) || n >= 96)
        n = 0;
    for (int32_t k = 0, q0 = -1; k < n; k++)
        if (pat[k] == '\'' && q0 < 0) {
            q0 = k + 1;
        } else if (pat[k] == '\'') {
            icu_add_short_words(links, pat, q0, k);
            q0 = -1;
        }
    return links;
}

/* Number words 2-20, the tens and 100 / 1000 of the RBNF spellout rules
 * of f ("vijftien", "quinze"), in every public cardinal rule set (pt
 * "%spellout-cardinal-feminine": "duas" besides "dois"), added to words
 * (folded word -> value); not one, which is also the indefinite article
 * in many languages ("een brug", "um ponte"). */
static void icu_spellout_words(UNumberFormat *f, json_t *words)
{
    UChar sets[512];
    UErrorCode e = U_ZERO_ERROR;
    int32_t sl = unum_getTextAttribute(f, UNUM_PUBLIC_RULESETS, sets, 512, &e);
    if (U_FAILURE(e) || sl >= 512)
        sl = 0;
    /* the default rule set first, then each "%spellout-cardinal…" */
    for (int32_t r = -1; r < sl;) {
        int32_t r1 = r;
        if (r >= 0) {
            while (r1 < sl && sets[r1] != ';')
                r1++;
            UChar cardinal[] = u"%spellout-cardinal";
            int32_t cl = (int32_t)(sizeof cardinal / sizeof *cardinal) - 1;
            int use = r1 - r >= cl && u_strncmp(sets + r, cardinal, cl) == 0;
            e = U_ZERO_ERROR;
            if (use)
                unum_setTextAttribute(f, UNUM_DEFAULT_RULESET, sets + r,
                                      r1 - r, &e);
            r = r1 + 1;
            if (!use || U_FAILURE(e))
                continue;
        } else {
            r = 0;
        }
        for (int v = 2; v <= 1000; v += v < 20 ? 1 : v < 100 ? 10 : 900) {
            UChar b[64];
            e = U_ZERO_ERROR;
            int32_t n = unum_formatDouble(f, v, b, 64, NULL, &e);
            if (!U_FAILURE(e) && n > 0 && n < 64)
                icu_add_name(words, b, n, json_integer(v));
        }
    }
}

/* Adds code (an ISO 4217 code) to the set obj[w] of each word w (letter
 * run of at least three letters, folded) of the CLDR name u[0, n). */
static void icu_name_words(json_t *obj, const UChar *u, int32_t n,
                           const char *code)
{
    int32_t w0 = -1;
    for (int32_t k = 0; k <= n; k++) {
        int alpha = k < n && u_isalpha(u[k]);
        if (alpha && w0 < 0)
            w0 = k;
        if (alpha || w0 < 0)
            continue;
        if (k - w0 >= 3) {
            json_t *tmp = json_object();
            icu_add_name(tmp, u + w0, k - w0, json_true());
            const char *w;
            json_t *x;
            json_object_foreach(tmp, w, x) {
                json_t *set = json_object_get(obj, w);
                if (!set) {
                    set = json_object();
                    if (json_object_set_new(obj, w, set))
                        set = NULL;
                }
                if (set)
                    json_object_set_new(set, code, json_true());
            }
            json_decref(tmp);
        }
        w0 = -1;
    }
}

/* Word -> {ISO code: true} over the long names and the "one" / "other"
 * plural names of every current ISO 4217 currency in ICU's data for
 * loc (ucurr_openISOCurrencies, ucurr_getName, ucurr_getPluralName):
 * nl "pond" -> {GBP, EGP, LBP …}. NULL when out of memory. */
static json_t *icu_currency_word_sets(const char *loc)
{
    json_t *sets = json_object();
    UErrorCode e = U_ZERO_ERROR;
    UEnumeration *en = ucurr_openISOCurrencies(
        UCURR_COMMON | UCURR_NON_DEPRECATED, &e);
    if (!sets || U_FAILURE(e) || !en) {
        if (en)
            uenum_close(en);
        return sets;
    }
    const char *code;
    int32_t cl = 0;
    while ((code = uenum_next(en, &cl, &e)) != NULL && !U_FAILURE(e)) {
        UChar u[4];
        if (cl != 3)
            continue;
        u_charsToUChars(code, u, 4);
        UBool choice = 0;
        int32_t n = 0;
        UErrorCode e2 = U_ZERO_ERROR;
        const UChar *nm =
            ucurr_getName(u, loc, UCURR_LONG_NAME, &choice, &n, &e2);
        if (!U_FAILURE(e2) && nm)
            icu_name_words(sets, nm, n, code);
        static const char *const forms[] = {"one", "other"};
        for (size_t i = 0; i < 2; i++) {
            e2 = U_ZERO_ERROR;
            nm = ucurr_getPluralName(u, loc, &choice, forms[i], &n, &e2);
            if (!U_FAILURE(e2) && nm)
                icu_name_words(sets, nm, n, code);
        }
    }
    uenum_close(en);
    return sets;
}

/* The currency noun of a language without a pack, which its CLDR names
 * only use with an adjective (nl "Brits pond", pt "libra esterlina", sv
 * "brittiskt pund"), while a text writes "8 miljoen pond": a word of the
 * names of several currencies (pond: GBP, EGP, LBP …) is the noun that
 * the English pack's single-word currency names (pounds -> GBP) stand
 * for when the set of currencies whose names use it is nearly the same
 * as the set whose English CLDR names use the English word (Jaccard
 * index at least 0.5; the highest wins). The English pack and ICU's
 * English names are the pivot; the mapping is the pack's own (pounds ->
 * GBP). Adds word -> ISO code to cur (never replacing a full name). */
static void icu_currency_nouns(story_ctx *ctx, const char *loc, json_t *cur)
{
    const story_langpack *en = NULL;
    if (story_langpack_get(&en, ctx, "en", NULL))
        return;
    json_t *named = story_langpack_field(en, "currencies");
    if (!json_object_size(named))
        return;
    json_t *se = icu_currency_word_sets("en");
    json_t *st = icu_currency_word_sets(loc);
    json_t *best = json_object();
    const char *k, *w;
    json_t *kv, *tv;
    json_object_foreach(named, k, kv) {
        const char *iso = json_string_value(kv);
        json_t *a = json_object_get(se, k);
        if (!iso || strchr(k, ' ') || !json_object_get(a, iso) ||
            json_object_size(a) < 2)
            continue;
        json_object_foreach(st, w, tv) {
            if (!json_object_get(tv, iso) || json_object_size(tv) < 2)
                continue;
            size_t both = 0;
            const char *c;
            json_t *cv;
            json_object_foreach(tv, c, cv)
                both += json_object_get(a, c) != NULL;
            double jac = (double)both /
                         (double)(json_object_size(a) +
                                  json_object_size(tv) - both);
            json_t *b = json_object_get(best, w);
            if (jac >= 0.5 &&
                (!b || jac > json_real_value(json_array_get(b, 0))))
                json_object_set_new(best, w,
                                    json_pack("[f,s]", jac, iso));
        }
    }
    json_object_foreach(best, w, tv)
        if (!json_object_get(cur, w))
            json_object_set(cur, w, json_array_get(tv, 1));
    json_decref(best);
    json_decref(se);
    json_decref(st);
}

/* For a language without a language pack (its pack is the language-
 * neutral root): the scale words and currency names of ICU's locale data
 * (CLDR), so "4 miljoen euro" in Dutch is 4,000,000 EUR and not 4,
 * and "vijftien" is 15.
 * Scale words: the compact long decimal format (unum, UNUM_DECIMAL_
 * COMPACT_LONG) of 1, 2 and 5 times 10^3, 10^6, 10^9 and 10^12 (plural
 * forms: "1 milhão", "2 milhões"). Currencies: ucurr_getName() long names
 * and ucurr_getPluralName() "one" and "other" forms of the ISO codes of
 * numbers/root.json. A locale ICU does not know falls back to its
 * root data, whose words are English. Returns NULL when ICU has nothing
 * (the caller then has only the root pack). */
static json_t *icu_words(nummod *m, story_ctx *ctx, const char *loc)
{
    json_t *scale = json_object(), *cur = json_object(), *all = json_object();
    json_t *words = json_object(), *units = json_object(), *links = NULL;
    if (!scale || !cur || !all || !words || !units)
        goto fail;
    UErrorCode e = U_ZERO_ERROR;
    UNumberFormat *f =
        unum_open(UNUM_DECIMAL_COMPACT_LONG, NULL, 0, loc, NULL, &e);
    if (!U_FAILURE(e) && f) {
        static const double lead[] = {1, 2, 5};
        double p = 1;
        for (int k = 3; k <= 12; k += 3) {
            p = k == 3 ? 1e3 : p * 1e3;
            for (size_t i = 0; i < sizeof lead / sizeof lead[0]; i++) {
                UChar b[64];
                e = U_ZERO_ERROR;
                int32_t n = unum_formatDouble(f, lead[i] * p, b, 64, NULL, &e);
                if (!U_FAILURE(e) && n > 0 && n < 64)
                    icu_add_name(scale, b, n, json_real(p));
            }
        }
    }
    if (f)
        unum_close(f);
    /* number words 2-20, the tens and 100 / 1000 from the RBNF spellout
     * rules ("vijftien", "quinze"), see icu_spellout_words(); also those
     * of the language's regions where ICU has rules of their own (pt_PT
     * "dezassete", "dezanove" besides pt "dezessete"): each available
     * locale loc_XX whose spellout rules come from a locale not read yet
     * (unum_getLocaleByType, ULOC_ACTUAL_LOCALE) */
    char seen[8][ULOC_FULLNAME_CAPACITY];
    int nseen = 0;
    size_t ll = strlen(loc);
    for (int32_t ai = -1; ai < uloc_countAvailable() && nseen < 8; ai++) {
        const char *rloc = ai < 0 ? loc : uloc_getAvailable(ai);
        if (ai >= 0 && (!rloc || strncmp(rloc, loc, ll) != 0 ||
                        rloc[ll] != '_'))
            continue;
        e = U_ZERO_ERROR;
        f = unum_open(UNUM_SPELLOUT, NULL, 0, rloc, NULL, &e);
        const char *actual =
            U_FAILURE(e) || !f
                ? NULL
                : unum_getLocaleByType(f, ULOC_ACTUAL_LOCALE, &e);
        int dup = !actual || U_FAILURE(e);
        for (int k = 0; !dup && k < nseen; k++)
            dup = strcmp(seen[k], actual) == 0;
        if (!dup) {
            snprintf(seen[nseen++], sizeof seen[0], "%s", actual);
            icu_spellout_words(f, words);
        }
        if (f)
            unum_close(f);
    }
    /* unit names: the full-name form of 1, 2 and 5 of each measure unit
     * (number skeleton "measure-unit/<unit> unit-width-full-name": pt
     * "2 metros", nl "5 meter"), keyed to the packs' unit codes */
    static const char *const mu[][2] = {
        {"length-meter", "m"},         {"length-kilometer", "km"},
        {"length-centimeter", "cm"},   {"length-millimeter", "mm"},
        {"mass-kilogram", "kg"},       {"mass-tonne", "t"},
        {"volume-liter", "l"},         {"area-hectare", "ha"},
        {"area-square-kilometer", "km2"}, {"duration-minute", "minute"},
        {"duration-hour", "hour"},     {"duration-day", "day"},
        {"duration-week", "week"},     {"duration-month", "month"},
        {"speed-kilometer-per-hour", "kmh"}};
    for (size_t k = 0; units && k < sizeof mu / sizeof mu[0]; k++) {
        UChar sk[96];
        char sk8[96];
        snprintf(sk8, sizeof sk8, "measure-unit/%s unit-width-full-name",
                 mu[k][0]);
        u_charsToUChars(sk8, sk, (int32_t)strlen(sk8) + 1);
        e = U_ZERO_ERROR;
        UNumberFormatter *nf =
            unumf_openForSkeletonAndLocale(sk, -1, loc, &e);
        UFormattedNumber *r = U_FAILURE(e) ? NULL : unumf_openResult(&e);
        static const double lead[] = {1, 2, 5};
        for (size_t i = 0; r && !U_FAILURE(e) && i < 3; i++) {
            UChar b[96];
            unumf_formatDouble(nf, lead[i], r, &e);
            int32_t n = U_FAILURE(e) ? 0 : unumf_resultToString(r, b, 96, &e);
            if (!U_FAILURE(e) && n > 0 && n < 96)
                icu_add_name(units, b, n, json_string(mu[k][1]));
            e = U_ZERO_ERROR;
        }
        if (r)
            unumf_closeResult(r);
        if (nf)
            unumf_close(nf);
    }
    /* linking words between a scale word and its unit ("5 milhões de
     * euros", ro "20 de metri"), see icu_links() */
    links = icu_links(loc);
    neutral_load(m, ctx);
    json_t *codes = json_object_get(m->neutral_json, "currencies");
    const char *ck;
    json_t *cv;
    json_object_foreach(codes, ck, cv) {
        const char *iso = json_string_value(cv);
        UChar u[4];
        if (!iso || strlen(iso) != 3 || json_object_get(all, iso))
            continue;
        json_object_set_new(all, iso, json_true()); /* each code once */
        u_charsToUChars(iso, u, 4);
        UBool choice = 0;
        int32_t n = 0;
        e = U_ZERO_ERROR;
        const UChar *nm = ucurr_getName(u, loc, UCURR_LONG_NAME, &choice, &n, &e);
        if (!U_FAILURE(e) && nm)
            icu_add_name(cur, nm, n, json_string(iso));
        static const char *const forms[] = {"one", "other"};
        for (size_t i = 0; i < 2; i++) {
            e = U_ZERO_ERROR;
            nm = ucurr_getPluralName(u, loc, &choice, forms[i], &n, &e);
            if (!U_FAILURE(e) && nm)
                icu_add_name(cur, nm, n, json_string(iso));
        }
    }
    icu_currency_nouns(ctx, loc, cur);
    json_object_clear(all);
    if (json_object_set(all, "scale_words", scale) ||
        json_object_set(all, "currencies", cur) ||
        json_object_set(all, "number_words", words) ||
        json_object_set(all, "units", units) ||
        (links && json_object_set(all, "unit_links", links)))
        goto fail;
    json_decref(links);
    json_decref(scale);
    json_decref(cur);
    json_decref(words);
    json_decref(units);
    return all;
fail:
    json_decref(links);
    json_decref(scale);
    json_decref(cur);
    json_decref(words);
    json_decref(units);
    json_decref(all);
    return NULL;
}

static int get_lang(numlang **out, story_ctx *ctx, nummod *m,
                    const char *lang, story_error *err)
{
    char key[16];
    snprintf(key, sizeof key, "%s", lang && *lang ? lang : "root");
    for (size_t i = 0; i < m->n; i++)
        if (strcmp(m->langs[i]->lang, key) == 0) {
            *out = m->langs[i];
            return 0;
        }
    numlang *nl = story__calloc(1, sizeof *nl);
    if (!nl)
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    snprintf(nl->lang, sizeof nl->lang, "%s", key);
    int rc = story_langpack_get(&nl->lp, ctx, key, err);
    if (rc) {
        free(nl);
        return rc;
    }
    char loc[32];
    snprintf(loc, sizeof loc, "%s", strcmp(key, "root") ? key : "en");
    for (char *p = loc; *p; p++)
        if (*p == '-')
            *p = '_';
    UErrorCode e = U_ZERO_ERROR;
    UNumberFormat *df = unum_open(UNUM_DECIMAL, NULL, 0, loc, NULL, &e);
    nl->dec = '.';
    nl->grp = ',';
    if (!U_FAILURE(e) && df) {
        int sp = 0;
        nl->dec = sym_char(df, UNUM_DECIMAL_SEPARATOR_SYMBOL, '.', NULL);
        nl->grp = sym_char(df, UNUM_GROUPING_SEPARATOR_SYMBOL, ',', &sp);
        nl->space_group = sp;
        int32_t g2 = unum_getAttribute(df, UNUM_SECONDARY_GROUPING_SIZE);
        nl->indian = g2 == 2;
    }
    if (df)
        unum_close(df);
    json_t *v;
    if ((v = story_langpack_field(nl->lp, "decimal")) && json_is_string(v))
        nl->dec = json_string_value(v)[0];
    if ((v = story_langpack_field(nl->lp, "group")) && json_is_string(v)) {
        const char *g = json_string_value(v);
        nl->grp = g[0] == ' ' ? ' ' : g[0];
        nl->space_group = g[0] == ' ';
    }
    if ((v = story_langpack_field(nl->lp, "space_group")))
        nl->space_group = json_is_true(v);
    if ((v = story_langpack_field(nl->lp, "ordinal_dot")))
        nl->ordinal_dot = json_is_true(v);
    if (nl->dec != '.' && nl->dec != ',')
        nl->dec = '.';
    if (nl->grp == nl->dec || (nl->grp != '.' && nl->grp != ',' &&
                               nl->grp != ' ' && nl->grp != '\''))
        nl->grp = nl->dec == '.' ? ',' : '.';
    nl->factor_first = json_object();
    json_t *fw = story_langpack_field(nl->lp, "factor_words");
    const char *fk;
    json_t *fv;
    json_object_foreach(fw, fk, fv) {
        size_t j = 0;
        story__utf8_next(fk, strlen(fk), &j);
        char first[8];
        snprintf(first, sizeof first, "%.*s", (int)j, fk);
        json_object_set_new(nl->factor_first, first, json_true());
    }
    if (strcmp(key, "root") != 0 &&
        !story_langpack_field(nl->lp, "scale_words"))
        nl->icu = icu_words(m, ctx, loc);
    if (m->n == MAX_LANGS) {
        json_decref(nl->factor_first);
        json_decref(nl->icu);
        free(nl);
        return story__error(err, STORY_EINVAL, lang, -1,
                            "too many languages in one context (max %d)",
                            MAX_LANGS);
    }
    m->langs[m->n++] = nl;
    *out = nl;
    return 0;
}

static UNumberFormat *spellout(numlang *nl)
{
    if (nl->spell_tried)
        return nl->spell;
    nl->spell_tried = 1;
    char loc[32];
    snprintf(loc, sizeof loc, "%s", strcmp(nl->lang, "root") ? nl->lang
                                                              : "en");
    for (char *p = loc; *p; p++)
        if (*p == '-')
            *p = '_';
    UErrorCode e = U_ZERO_ERROR;
    UNumberFormat *f = unum_open(UNUM_SPELLOUT, NULL, 0, loc, NULL, &e);
    if (U_FAILURE(e)) {
        if (f)
            unum_close(f);
        return NULL;
    }
    unum_setAttribute(f, UNUM_LENIENT_PARSE, 1);
    nl->spell = f;
    return f;
}

/* ---- numerals written with digits ------------------------------------- */

typedef struct numeral {
    size_t start, end;
    char digits[64]; /* ASCII digits and separators . , ' (space) */
    size_t nd;
    double frac;     /* vulgar fraction appended (½) or 0 */
    int nsep;
    int overlong;    /* more digits than digits[] holds: read, no value */
} numeral;

static int is_sep_cp(int32_t c, char *kind, int space_ok)
{
    switch (c) {
    case '.': *kind = '.'; return 1;
    /* full-width full stop between digits: zh "４．１２亿" (was 4 and
     * 1,200,000,000; session 19, fresh-user 18 L34) */
    case 0xFF0E: *kind = '.'; return 1;
    case ',': *kind = ','; return 1;
    case 0x066B: *kind = 'D'; return 1; /* Arabic decimal separator */
    case 0x066C: *kind = 'G'; return 1; /* Arabic thousands separator */
    case '\'': case 0x2019: *kind = '\''; return 1;
    case 0xA0: case 0x202F: case 0x2009: *kind = ' '; return 1;
    case ' ': if (space_ok) { *kind = ' '; return 1; } return 0;
    default: return 0;
    }
}

/* Count Nd digits from i; returns the count and sets *endp. */
/* Position after the invisible format characters (story__is_ignorable:
 * soft hyphen, zero-width space and joiners, word joiner, BOM, bidi
 * marks) at i, if any. A web page shows "1&#8203;4" and "2,&shy;300" as
 * 14 and 2,300; read as two numbers they were certain false changes
 * (session 20, fresh-user 20 M13). */
static size_t skip_invisible(scan *s, size_t i)
{
    size_t nx;
    while (i < s->end) {
        int32_t c = cp_at(s, i, &nx);
        if (c < 0x80 || !story__is_ignorable(c))
            break;
        i = nx;
    }
    return i;
}

/* Digits at i (invisible format characters between them skipped): their
 * count; *endp: the position after the last digit. */
static int digit_run(scan *s, size_t i, size_t *endp)
{
    int n = 0;
    size_t nx;
    *endp = i;
    while (i < s->end) {
        int32_t c = cp_at(s, i, &nx);
        if (c < 0 || !u_isdigit(c))
            break;
        n++;
        *endp = nx;
        i = skip_invisible(s, nx);
    }
    return n;
}

/* A plain space groups digits in every pack (SI/ISO "12 000", DIN 5008,
 * many translations), not only where CLDR's separator is a space; where it
 * is not, the reading must not join two numbers (session 15, fresh-user 15
 * H16; was 12 and 0 in en/de/it/is/hi/ar): the first group does not start
 * with 0 ("0 800"), the numeral does not follow a 1-3 digit number and a
 * space ("15 20 250", a list) and the group after the space is not
 * followed by a space and a run other than 3 digits ("10 200 30"). The
 * other checks (3 digits after each space, 1-3 in the first group, no
 * further digit) are read_numeral's for every space. */
static int plain_space_group_ok(scan *s, const numeral *nu, size_t after)
{
    if (nu->nsep == 0) {
        if (nu->nd && nu->digits[0] == '0')
            return 0;
        size_t b = nu->start;
        if (b > s->start + 1 && s->t[b - 1] == ' ' &&
            s->t[b - 2] >= '0' && s->t[b - 2] <= '9') {
            size_t k = b - 1;
            int n = 0;
            while (k > s->start && s->t[k - 1] >= '0' && s->t[k - 1] <= '9') {
                k--;
                n++;
            }
            if (n <= 3)
                return 0;
        }
    }
    size_t e2;
    if (after + 1 < s->end && s->t[after] == ' ' &&
        digit_run(s, after + 1, &e2) > 0 && digit_run(s, after + 1, &e2) != 3)
        return 0;
    return 1;
}

static int read_numeral(scan *s, size_t i, numeral *nu)
{
    memset(nu, 0, sizeof *nu);
    nu->start = i;
    size_t nx;
    int group_len = 0, first = 1;
    while (i < s->end) {
        int32_t c = cp_at(s, i, &nx);
        if (c >= 0 && u_isdigit(c)) {
            if (nu->nd + 2 >= sizeof nu->digits) {
                /* a numeral of more than 62 characters (a 400-digit
                 * "debt") is read to its end as one invalid numeral, not
                 * cut into several numbers */
                nu->overlong = 1;
                i = nx;
                continue;
            }
            nu->digits[nu->nd++] = (char)('0' + u_charDigitValue(c));
            group_len++;
            i = nx;
            /* an invisible character before the next digit or separator */
            size_t v = skip_invisible(s, nx);
            if (v > nx && v < s->end) {
                size_t vx;
                char vk;
                int32_t d = cp_at(s, v, &vx);
                if (d >= 0 && (u_isdigit(d) || is_sep_cp(d, &vk, 1)))
                    i = v;
            }
            continue;
        }
        char kind;
        if (nx < s->end && is_sep_cp(c, &kind, 1)) {
            size_t after;
            nx = skip_invisible(s, nx);
            int run = digit_run(s, nx, &after);
            if (run == 0)
                break;
            if (kind == ' ' || kind == '\'') {
                /* spaces and apostrophes only ever group: 3 digits follow
                 * and the group before has 1..3 digits */
                if (run != 3 || (first && group_len > 3) ||
                    (!first && group_len != 3))
                    break;
            }
            if (c == ' ' && !s->nl->space_group &&
                !plain_space_group_ok(s, nu, after))
                break;
            if (nu->nd + 2 >= sizeof nu->digits)
                nu->overlong = 1;
            else
                nu->digits[nu->nd++] = kind;
            nu->nsep++;
            first = 0;
            group_len = 0;
            i = nx;
            continue;
        }
        break;
    }
    /* vulgar fraction right after the digits: 1½ */
    if (i < s->end) {
        int32_t c = cp_at(s, i, &nx);
        double fv = c >= 0 ? u_getNumericValue(c) : U_NO_NUMERIC_VALUE;
        if (c >= 0 && !u_isdigit(c) && fv != U_NO_NUMERIC_VALUE && fv > 0 &&
            fv < 1) {
            nu->frac = fv;
            i = nx;
        }
    }
    /* an exponent right after the digits ("1e308", "2.5E-3"): a
     * scientific numeral, read to its end with no value (was quantity 1
     * spanning "1e308"; fresh-user 14 L) */
    if (i < s->end && (s->t[i] == 'e' || s->t[i] == 'E')) {
        size_t k = i + 1;
        if (k < s->end && (s->t[k] == '+' || s->t[k] == '-'))
            k++;
        size_t after;
        if (k < s->end && digit_run(s, k, &after) > 0 &&
            (after >= s->end || !is_word_cp(cp_at(s, after, &nx)))) {
            nu->overlong = 1;
            i = after;
        }
    }
    nu->digits[nu->nd] = '\0';
    nu->end = i;
    return 0;
}

/* Interpret digits with decimal separator `dec` ('.' or ','); group
 * separators are the other of the two, spaces, apostrophes. Returns 1 and
 * sets *v when the whole numeral is valid under this convention. */
static int interpret(const char *d, char dec, int indian, double *v)
{
    char buf[80];
    size_t n = 0;
    int seen_dec = 0, nsep = 0;
    int glen = 0, first = 1, last_sep_group = 0;
    int lens[32], nl = 0;
    for (const char *p = d; *p; p++) {
        char c = *p;
        if (c >= '0' && c <= '9') {
            buf[n++] = c;
            glen++;
            continue;
        }
        int is_dec = (c == dec) || c == 'D';
        if (is_dec) {
            if (seen_dec)
                return 0;
            if (last_sep_group && glen != 3)
                return 0;
            seen_dec = 1;
            buf[n++] = '.';
            glen = 0;
            last_sep_group = 0;
            continue;
        }
        /* a group separator */
        if (seen_dec)
            return 0;
        if (first && glen > 3)
            return 0;
        if (!first && glen != 3 && !(indian && glen == 2))
            return 0;
        if (nl < 32)
            lens[nl++] = glen;
        first = 0;
        glen = 0;
        last_sep_group = 1;
        nsep++;
    }
    if (last_sep_group && glen != 3)
        return 0;
    (void)lens;
    buf[n] = '\0';
    if (n == 0)
        return 0;
    *v = strtod(buf, NULL);
    return 1;
}

/* The value of a numeral; 0 when it is not a valid number in either
 * convention (e.g. "1.2.3", "05.03.2025"). */
static int numeral_value(scan *s, numeral *nu, double *v)
{
    const char *d = nu->digits;
    char other = s->nl->dec == '.' ? ',' : '.';
    if (nu->overlong)
        return 0;
    /* one separator followed by exactly "000" groups in every convention:
     * nobody writes 25.000 for 25 ("$25,000" in a Russian text) */
    const char *sep = strpbrk(d, ".,");
    if (sep && nu->nsep == 1 && sep - d >= 1 && sep - d <= 3 &&
        strcmp(sep + 1, "000") == 0 && nu->frac == 0) {
        *v = strtod(d, NULL) * 1000 + strtod(sep + 1, NULL);
        return 1;
    }
    if (interpret(d, s->nl->dec, s->nl->indian, v) ||
        interpret(d, other, s->nl->indian, v)) {
        *v += nu->frac;
        return 1;
    }
    return 0;
}

/* ---- spelled numbers -------------------------------------------------- */

static int is_cyr(int32_t c)
{
    UErrorCode e = U_ZERO_ERROR;
    return c >= 0 && uscript_getScript(c, &e) == USCRIPT_CYRILLIC;
}

/* Parse phrase [a, b) with ICU RBNF (lenient); 1 and *v on full
 * consumption. Apostrophes between Cyrillic letters become U+02BC; Arabic
 * marks are removed (see match_fold). */
static int rbnf_parse(scan *s, size_t a, size_t b, double *v)
{
    UNumberFormat *f = spellout(s->nl);
    if (!f)
        return 0;
    UChar u[256];
    int32_t n = 0;
    size_t i = a, nx;
    int32_t prev = -1;
    while (i < b && n < 250) {
        int32_t c = story__utf8_next(s->t, b, &i);
        if (c < 0)
            return 0;
        if (is_apos(c) && is_cyr(prev) && i < b) {
            size_t j = i;
            if (is_cyr(story__utf8_next(s->t, b, &j)))
                c = 0x02BC;
        }
        if (c == 0xA0 || c == 0x202F)
            c = ' ';
        if (story__arabic_mark(c)) /* ICU's ar rules are written without harakat */
            continue;
        U16_APPEND_UNSAFE(u, n, c);
        prev = c;
        (void)nx;
    }
    UErrorCode e = U_ZERO_ERROR;
    int32_t pos = 0;
    double r = unum_parseDouble(f, u, n, &pos, &e);
    if (U_FAILURE(e) || pos != n)
        return 0;
    *v = r;
    return 1;
}

/* Combine listed values: "three hundred twenty five", 三百五十, тридцяти. */
static double combine(const double *vals, int n, int cjk)
{
    double total = 0, sec = 0, digit = 0, last_group = 0;
    int prev_scale = 0;
    for (int k = 0; k < n; k++) {
        double x = vals[k];
        if (cjk && x >= 10000 && prev_scale && sec + digit == 0) {
            /* 万亿 = 10^12: consecutive scale characters multiply */
            total += last_group * (x - 1);
            last_group *= x;
            continue;
        }
        prev_scale = 0;
        /* western "thousand" closes a group; CJK 千 stays inside the
         * 万/亿 group (5億8千5百万 = 585 000 000) */
        if (x >= 10000 || (!cjk && x == 1000 && digit + sec > 0 &&
                           digit + sec < 1000)) {
            last_group = (sec + digit ? sec + digit : 1) * x;
            total += last_group;
            sec = digit = 0;
            prev_scale = 1;
        } else if ((x == 10 || x == 100 || x == 1000) && digit < x) {
            sec += (digit ? digit : 1) * x;
            digit = 0;
        } else {
            digit += x;
        }
    }
    return total + sec + digit;
}

/* Does word [a, b) end with compound suffix x (a trailing "*" in x: the
 * suffix stem may be followed by up to 3 more letters, for inflections:
 * "этажн*" in двухэтажными) after a listed number word of value >= 1?
 * (Fractions are not compound prefixes: пів + денну is південну
 * "southern", not half a day.) Sets *v. */
static int compound_prefix(scan *s, size_t a, size_t b, const char *x,
                           size_t xl, double *v)
{
    int star = xl > 0 && x[xl - 1] == '*';
    if (star)
        xl--;
    if (!xl || xl + 2 > b - a)
        return 0;
    size_t e = b; /* candidate end of the suffix stem */
    for (int extra = 0; extra <= (star ? 3 : 0); extra++) {
        if (e < a + xl + 2)
            return 0;
        size_t k = e - xl;
        if (s->t[k] == x[0] && memcmp(s->t + k, x, xl) == 0) {
            json_t *pj = lookup(s, "number_words", s->t + a, k - a);
            double pv = pj ? json_num(pj) : NAN;
            if (pj && !isnan(pv) && pv >= 1) {
                *v = pv;
                return 1;
            }
            return 0;
        }
        /* one letter more after the stem */
        if (!star)
            return 0;
        e = prev_pos(s, e);
    }
    return 0;
}

/* Collect the pack's compound_suffixes and compound_units (array
 * elements or object keys, in pack order) once. -1 when out of memory. */
static int suffixes_load(numlang *nl)
{
    const char *fields[2] = {"compound_suffixes", "compound_units"};
    size_t cap = 0;
    for (int f = 0; f < 2; f++) {
        json_t *sfx = story_langpack_field(nl->lp, fields[f]);
        cap += json_is_array(sfx)    ? json_array_size(sfx)
               : json_is_object(sfx) ? json_object_size(sfx)
                                     : 0;
    }
    nl->sfx = cap ? story__calloc(cap, sizeof *nl->sfx) : NULL;
    if (cap && !nl->sfx)
        return -1;
    for (int f = 0; f < 2; f++) {
        json_t *sfx = story_langpack_field(nl->lp, fields[f]);
        void *it = json_is_object(sfx) ? json_object_iter(sfx) : NULL;
        size_t k = 0;
        while (nl->n_sfx < cap) {
            sfx_item *x = &nl->sfx[nl->n_sfx];
            if (json_is_array(sfx)) {
                if (k >= json_array_size(sfx))
                    break;
                x->e = json_array_get(sfx, k++);
                x->x = json_string_value(x->e);
            } else {
                if (!it)
                    break;
                x->x = json_object_iter_key(it);
                x->e = json_object_iter_value(it);
                it = json_object_iter_next(sfx, it);
            }
            x->xl = x->x ? strlen(x->x) : 0;
            x->unit = f == 1;
            nl->n_sfx++;
        }
    }
    nl->sfx_loaded = 1;
    return 0;
}

/* Is string x an element of JSON array arr (NULL: no)? */
static int in_array(json_t *arr, const char *x)
{
    size_t k;
    json_t *e;
    if (!json_is_array(arr) || !x)
        return 0;
    json_array_foreach(arr, k, e) {
        if (json_is_string(e) && strcmp(json_string_value(e), x) == 0)
            return 1;
    }
    return 0;
}

/* Is word [a,b) a number word? Sets *v (table value). Also accepts
 * compounds whose first and last parts are listed (fünfunddreißig). */
/* A number word elided before a vowel (it "quarant'anni", "vent'anni"):
 * the end of the word's part up to and including its first inner
 * apostrophe when that part is listed in the pack's elided_number_words
 * ("quarant'": 40), else 0. [a, we) is one word (story__word_end). */
static size_t elided_end(scan *s, size_t a, size_t we)
{
    for (size_t q = a; q < we;) {
        size_t q2 = q;
        int32_t c = story__utf8_next(s->t, we, &q2);
        if (c < 0)
            return 0;
        if (is_apos(c))
            return q > a && lookup(s, "elided_number_words", s->t + a,
                                   q2 - a)
                       ? q2
                       : 0;
        q = q2;
    }
    return 0;
}

/* Start of the rest of word [a, b) after a number_prefix_connectors
 * entry written onto it (ar و "and") and the marks on it, or 0. */
static size_t prefix_connector(scan *s, size_t a, size_t b)
{
    numlang *nl = s->nl;
    if (!nl->prefix_conn_loaded) {
        nl->prefix_conn =
            story_langpack_field(nl->lp, "number_prefix_connectors");
        nl->prefix_conn_loaded = 1;
    }
    json_t *pc = nl->prefix_conn;
    if (!pc)
        return 0;
    size_t k;
    json_t *e;
    json_array_foreach(pc, k, e) {
        const char *x = json_string_value(e);
        size_t xl = x ? strlen(x) : 0;
        if (!xl || b - a <= xl || memcmp(s->t + a, x, xl) != 0)
            continue;
        size_t q = a + xl, nx;
        while (q < b && story__arabic_mark(cp_at(s, q, &nx)))
            q = nx;
        if (q < b)
            return q;
    }
    return 0;
}

static int number_word(scan *s, size_t a, size_t b, double *v, int *ordinal)
{
    json_t *j = lookup(s, "number_words", s->t + a, b - a);
    *ordinal = 0;
    if (!j && b > a && (s->t[b - 1] == '\'' || s->t[b - 1] == '\x99' ||
                        s->t[b - 1] == '\xBC'))
        j = lookup(s, "elided_number_words", s->t + a, b - a);
    if (!j) {
        j = lookup(s, "ordinal_words", s->t + a, b - a);
        if (j)
            *ordinal = 1;
    }
    if (!j) {
        /* factors: doubled, verdreifacht, вчетверо (value, unit "times") */
        j = lookup(s, "factor_words", s->t + a, b - a);
        if (j)
            *ordinal = 2;
    }
    if (j) {
        *v = json_num(j);
        return !isnan(*v);
    }
    /* en "double digit", "triple-digit": a word of the pack's
     * prefix_numbers counts only before (a space or a hyphen and) a word
     * of prefix_number_nouns ("double the price" is no number) */
    numlang *nl = s->nl;
    if (!nl->nw_loaded) {
        nl->prefix_numbers = story_langpack_field(nl->lp, "prefix_numbers");
        nl->ord_compounds = story_langpack_field(nl->lp, "ordinal_compounds");
        nl->ord_endings =
            story_langpack_field(nl->lp, "ordinal_compound_endings");
        nl->nw_loaded = 1;
    }
    if (b < s->end && (s->t[b] == '-' || s->t[b] == ' ')) {
        json_t *pn = nl->prefix_numbers;
        json_t *pj = pn ? lookup(s, "prefix_numbers", s->t + a, b - a)
                        : NULL;
        if (pj && !isnan(json_num(pj))) {
            size_t q = b + 1, we2 = word_end(s, q);
            int ok = we2 > q &&
                     lookup(s, "prefix_number_nouns", s->t + q, we2 - q);
            if (ok) {
                *v = json_num(pj);
                return 1;
            }
        }
    }
    /* ordinal + superlative compounds: zweitgrößte, vierthöchsten (the
     * pack's ordinal_compounds stems, ordinal_compound_endings) */
    json_t *oc = nl->ord_compounds;
    json_t *oe = nl->ord_endings;
    if (json_is_object(oc) && json_is_array(oe) && b - a >= 8 &&
        fold_into(&s->phrase, s->t + a, b - a) == 0) {
        const char *w = s->phrase.data, *k;
        size_t wl = strlen(w), ei;
        json_t *ov, *ev;
        json_object_foreach(oc, k, ov) {
            size_t kl = strlen(k);
            if (kl >= wl || strncmp(w, k, kl) != 0)
                continue;
            json_array_foreach(oe, ei, ev) {
                const char *x = json_string_value(ev);
                size_t xl = x ? strlen(x) : 0;
                if (xl && kl + xl + 3 <= wl &&
                    strcmp(w + wl - xl, x) == 0 && !isnan(json_num(ov))) {
                    *v = json_num(ov);
                    *ordinal = 1;
                    return 1;
                }
            }
        }
    }
    /* compounds: a number word + a listed suffix (achttägigen, 3-fach);
     * compound_units suffixes also give the unit (einprozentige) */
    s->compound_unit = NULL;
    s->compound = NULL;
    if (b - a >= 6) {
        if (!s->nl->sfx_loaded && suffixes_load(s->nl))
            return 0;
        for (size_t k = 0; k < s->nl->n_sfx; k++) {
            const sfx_item *it = &s->nl->sfx[k];
            if (compound_prefix(s, a, b, it->x, it->xl, v)) {
                if (it->unit && json_is_string(it->e))
                    s->compound_unit = json_string_value(it->e);
                s->compound = it->x;
                return 1;
            }
        }
    }
    return 0;
}

/* ---- the scanner ------------------------------------------------------ */

static void set_str(char *dst, size_t n, const char *src)
{
    snprintf(dst, n, "%s", src ? src : "");
}

/* 1 when a slash right at p follows a plain 4-digit year v (1000-2100)
 * and is followed by the next year, in 2 or 4 digits and no further
 * digit: a season or fiscal year, "2023/24" = "2023-24" = "2023/2024"
 * (session 16, fresh-user 15 L17: "2023/24" was the year 2023 and a
 * quantity 24). */
static int season_slash(const scan *s, size_t p, double v, int nd, int plain)
{
    if (!plain || nd != 4 || v < 1000 || v > 2100 || p >= s->end ||
        s->t[p] != '/')
        return 0;
    long next = (long)v + 1, got = 0;
    size_t k = p + 1, n = 0;
    while (k < s->end && isdigit((unsigned char)s->t[k]) && n < 5) {
        got = got * 10 + (s->t[k] - '0');
        k++;
        n++;
    }
    return (n == 2 && got == next % 100) || (n == 4 && got == next);
}

static int is_iso_date_at(scan *s, size_t i)
{
    /* yyyy-mm-dd with ASCII digits */
    if (i + 10 > s->end)
        return 0;
    const char *p = s->t + i;
    for (int k = 0; k < 10; k++) {
        if (k == 4 || k == 7) {
            if (p[k] != '-')
                return 0;
        } else if (!isdigit((unsigned char)p[k])) {
            return 0;
        }
    }
    return i + 10 == s->end || !isdigit((unsigned char)p[10]);
}

/* Ordinal-dot languages write hours as "20. hodiny" and ranges of hours
 * as "18. do 20. hodiny". At p (the dot after a numeral of 1-2 digits):
 * is a time marker next, directly or after one short word (do, až) and a
 * second "NN."? Sets *endp after the marker. */
static int clock_dot_after(scan *s, size_t p, size_t *endp)
{
    if (match_after(s, p + 1, "time_markers", 1, 1, endp))
        return 1;
    /* one short word between: do, až, und, bis */
    size_t js = skip_spaces(s, p + 1), je = word_end(s, js);
    if (je == js || je - js > 8)
        return 0;
    size_t q = skip_spaces(s, je), de;
    int nd = digit_run(s, q, &de);
    return q > je && nd >= 1 && nd <= 2 && de < s->end && s->t[de] == '.' &&
           match_after(s, de + 1, "time_markers", 1, 1, endp);
}

/* A language without a pack (no time_markers): is the numeral at i a
 * clock time written H.MM or HhMM ("7.40 uur", "kl. 7.40", pt/fr
 * "7h40")? The hour 0-23 has one or two digits, the minutes exactly two
 * below 60, and what follows is no currency, scale word or unit other
 * than the hour (so "3.50 euro", "1.25 miljoen", "2.30 meter" stay
 * numbers). "H.MM" only where '.' is not the decimal separator (nl, pt,
 * sv …: it cannot be a decimal there), and not "D.M." with a dot after
 * a possible month (fi "20.10." is a date). Returns the end of the time
 * (after an hour word: "uur"), or 0. */
static size_t unpacked_clock(scan *s, size_t i)
{
    size_t p = i, nx;
    int h = 0, nd = 0;
    while (p < s->end && nd < 3) {
        int32_t c = cp_at(s, p, &nx);
        if (c < 0 || !u_isdigit(c))
            break;
        h = h * 10 + u_charDigitValue(c);
        nd++;
        p = nx;
    }
    if (nd < 1 || nd > 2 || h > 23 || p + 3 > s->end)
        return 0;
    char sep = s->t[p];
    if (!(sep == 'h' || (sep == '.' && s->nl->dec != '.')))
        return 0;
    if (!isdigit((unsigned char)s->t[p + 1]) ||
        !isdigit((unsigned char)s->t[p + 2]) || s->t[p + 1] > '5')
        return 0;
    size_t e = p + 3;
    int mm = (s->t[p + 1] - '0') * 10 + (s->t[p + 2] - '0');
    if (e < s->end) {
        int32_t c = cp_at(s, e, &nx);
        if (u_isdigit(c) || (sep == 'h' && is_word_cp(c)) ||
            ((c == '.' || c == ',') && nx < s->end &&
             u_isdigit(cp_at(s, nx, NULL))))
            return 0;
        /* fi/da "20.10." is the 20th of October (day.month.) */
        if (sep == '.' && c == '.' && mm >= 1 && mm <= 12 && h >= 1)
            return 0;
    }
    size_t ue;
    json_t *u = match_after(s, e, "units", 3, 1, &ue);
    if (u && json_is_string(u) && strcmp(json_string_value(u), "hour") == 0)
        return ue;
    if (u || match_after(s, e, "currencies", 3, 1, &ue) ||
        match_after(s, e, "scale_words", 3, 1, &ue))
        return 0;
    return e;
}

/* Clock times written with an hour number and words, not with a time
 * marker: es "hacia las 4 de la madrugada", "a las cinco de la tarde",
 * "a las 11,", it "verso le 4 del mattino", fr "4 heures du matin". The
 * number [i, ve) of value v (a whole 0-24, two digits at most, no
 * ordinal) is a clock when a phrase of the pack's clock_after (up to four
 * words: "de la madrugada", "heures du matin") follows it, or when a word
 * of clock_before ("las", "le") precedes it and no word follows (only
 * punctuation or the end: "a las 11,"; "las 4 víctimas" stays a count),
 * or only a word of clock_units ("à 16 heures": the clock ends after it;
 * a clock_unit_before word, fr "à", makes a clock only with a unit)
 * or of clock_next ("a las 4 el viernes", "alle 9 di sabato"). After a
 * clock_before word an H.MM numeral is a clock too ("hasta las 16.30",
 * unpacked_clock()). Returns the end of the clock time, or 0. */
static size_t article_clock(scan *s, size_t i, size_t ve, double v,
                            int spelled, int ordinal, int nd)
{
    size_t bs0, ue0;
    if (!spelled && !ordinal && v != floor(v) &&
        story_langpack_field(s->nl->lp, "clock_after") &&
        match_before(s, i, "clock_before", 1, &bs0) &&
        (ue0 = unpacked_clock(s, i)))
        return ue0; /* es "hasta las 16.30", it "alle 16.30" */
    if (ordinal || v < 0 || v > 24 || v != floor(v) ||
        (!spelled && nd > 2) ||
        !story_langpack_field(s->nl->lp, "clock_after"))
        return 0;
    size_t te;
    if (match_after(s, ve, "clock_after", 4, 1, &te) &&
        !(te < s->end && is_word_cp(cp_at(s, te, NULL))))
        return te;
    size_t bs, ce;
    int before = match_before(s, i, "clock_before", 1, &bs) != NULL;
    if (!before && !match_before(s, i, "clock_unit_before", 1, &bs))
        return 0;
    size_t q = skip_spaces(s, ve);
    if (q > ve && match_after(s, q, "clock_units", 1, 0, &ce)) {
        /* fr "à 16 heures", es "a las 4 horas"; minutes after the unit
         * belong to it ("vers 7 h 40", "16 heures 30") */
        size_t mq = skip_spaces(s, ce), me;
        int nm = digit_run(s, mq, &me);
        if (mq > ce && nm == 2 && s->t[mq] <= '5' &&
            !(me < s->end && (is_word_cp(cp_at(s, me, NULL)) ||
                              s->t[me] == ',' || s->t[me] == '.') &&
              me + 1 < s->end && u_isdigit(cp_at(s, me + 1, NULL))))
            return me;
        return ce;
    }
    if (!before)
        return 0; /* fr "de 12 à 16." stays a number */
    if (q > ve && match_after(s, q, "clock_next", 1, 0, &ce))
        return ve; /* es "a las 4 el viernes", it "alle 9 di sabato" */
    if (q < s->end) {
        int32_t c = cp_at(s, q, NULL);
        if (is_word_cp(c) || u_isdigit(c) || c == '%')
            return 0;
        /* a decimal "las 2,5" is no hour */
        if ((c == ',' || c == '.') && q + 1 < s->end &&
            u_isdigit(cp_at(s, q + 1, NULL)))
            return 0;
    }
    return ve;
}

/* Does a month name of the pack's "months" follow i, directly or after
 * one word of at most three letters (a preposition: is "í apríl", en
 * "in April"), with no digit after it? A year comes after its month in
 * every written order ("í apríl 2023", "April 5, 2023"), so a plain
 * 4-digit number before "in April" is a count ("1730 í apríl": 1,730 in
 * April), not a year. */
static int month_follows(scan *s, size_t i)
{
    size_t q = skip_spaces(s, i), we = word_end(s, q), me;
    if (q == i || we == q)
        return 0;
    if (!match_after(s, q, "months", 1, 0, &me)) {
        size_t n = 0;
        for (size_t k = q; k < we; n++)
            story__utf8_next(s->t, we, &k);
        q = skip_spaces(s, we);
        if (n > 3 || q == we || !match_after(s, q, "months", 1, 0, &me))
            return 0;
    }
    size_t r = skip_spaces(s, me);
    if (r < s->end && s->t[r] == ',')
        r = skip_spaces(s, r + 1);
    return !(r < s->end && u_isdigit(cp_at(s, r, NULL)));
}

/* After "a fifth" ending at i: is it a fraction ("a fifth of", "by a
 * fifth to", "a fifth.") rather than an ordinal before its noun ("a fifth
 * term")? The next word, if any, must be in the pack's fraction_follow
 * list (no list: always a fraction). */
static int fraction_follows(scan *s, size_t i)
{
    if (!story_langpack_field(s->nl->lp, "fraction_follow"))
        return 1;
    size_t q = skip_spaces(s, i);
    size_t we = q > i ? word_end(s, q) : q;
    if (we == q)
        return 1; /* punctuation, digits or the end */
    return lookup(s, "fraction_follow", s->t + q, we - q) != NULL;
}

/* Is the scale word after i (after spaces) and ending at se one of the
 * pack's scale_counted words, which count only a number other than one:
 * "two decades" = 20, but "the end of the decade", "a decade ago", "ein
 * Jahrzehnt" are no numbers (languages without articles cannot tell "a
 * decade" from "the decade": десятилетие назад)? */
static int counted_scale(scan *s, size_t i, size_t se)
{
    size_t q = skip_spaces(s, i);
    return se > q && lookup(s, "scale_counted", s->t + q, se - q) != NULL;
}

/* Read a numeral or spelled number at i. Returns 1 with value and end. */
/* A slash pair at i: 1-3 digits, '/', 1-3 digits ("3/4", "24/7",
 * "9/11"), with no digit or '/' right before it and no '/', digit or
 * letter right after it (so "8/3/2025" is no pair: the date scanner
 * reads it). Sets *a, *b and *endp. */
static int slash_pair(scan *s, size_t i, double *a, double *b, size_t *endp)
{
    size_t e1, e2;
    if (i > s->start) {
        int32_t pc = cp_at(s, prev_pos(s, i), NULL);
        if (pc == '/' || (pc >= 0 && (u_isdigit(pc) || is_word_cp(pc))))
            return 0;
    }
    int n1 = digit_run(s, i, &e1);
    if (n1 < 1 || n1 > 3 || e1 >= s->end || s->t[e1] != '/')
        return 0;
    int n2 = digit_run(s, e1 + 1, &e2);
    if (n2 < 1 || n2 > 3)
        return 0;
    if (e2 < s->end) {
        int32_t c = cp_at(s, e2, NULL);
        if (c == '/' || (c >= 0 && is_word_cp(c)))
            return 0;
    }
    numeral nu;
    double x, y;
    read_numeral(s, i, &nu);
    if (nu.end != e1 || !numeral_value(s, &nu, &x))
        return 0;
    read_numeral(s, e1 + 1, &nu);
    if (nu.end != e2 || !numeral_value(s, &nu, &y))
        return 0;
    *a = x;
    *b = y;
    *endp = e2;
    return 1;
}

/* Is the slash pair [i, e) of slash_pair a fraction ("3/4" = 0.75:
 * numerator smaller, denominator 2..10, not one of the pack's
 * slash_expressions like "9/11")? Other pairs ("24/7", "50/50",
 * "9/11") count nothing. */
static int slash_fraction(scan *s, size_t i, size_t e, double a, double b)
{
    return a > 0 && a < b && b <= 10 &&
           !lookup(s, "slash_expressions", s->t + i, e - i);
}

/* "one and a half", "2 and a half": a phrase of the pack's half_after
 * (words after a cardinal that add their value: "and a half" 0.5) read
 * at ve; adds it to *v and moves *endp, so a scale word after it
 * multiplies the sum ("one and a half million" = 1 500 000). */
static void half_after(scan *s, size_t ve, double *v, size_t *endp)
{
    size_t he;
    json_t *h = match_after(s, ve, "half_after", 4, 1, &he);
    if (h && !isnan(json_num(h)) && he > ve) {
        *v += json_num(h);
        *endp = he;
    }
}

/* Does the text at i begin with pre[0, pl) (a lower-case pack string),
 * letter case aside? Compares code point by code point (u_tolower), so
 * pl bytes of pre match the same number of code points of the text. */
static int prefix_at(scan *s, size_t i, const char *pre, size_t pl)
{
    size_t a = 0, b = i;
    while (a < pl) {
        if (b >= s->end)
            return 0;
        size_t bn;
        int32_t cb = cp_at(s, b, &bn);
        int32_t ca = story__utf8_next(pre, pl, &a);
        if (ca < 0 || cb < 0 || u_tolower(cb) != ca)
            return 0;
        b = bn;
    }
    return 1;
}

static int read_value(scan *s, size_t i, double *v, size_t *endp,
                      int *spelled, int *ordinal, int *plain_int,
                      int *ndigits)
{
    size_t nx;
    int32_t c = cp_at(s, i, &nx);
    *spelled = *ordinal = *plain_int = 0;
    *ndigits = 0;
    if (c < 0)
        return 0;
    char first[8] = {0};
    if (s->cjk && is_cjk_cp(c) && nx - i < sizeof first)
        memcpy(first, s->t + i, nx - i);
    if (s->cjk && is_cjk_cp(c) &&
        json_object_get(s->nl->factor_first, first)) {
        /* factor phrases: 翻了一番 (doubled), 翻两番 (quadrupled) */
        size_t fe;
        json_t *fj = match_after(s, i, "factor_words", 5, 0, &fe);
        if (fj && !isnan(json_num(fj))) {
            *v = json_num(fj);
            *endp = fe;
            *spelled = 1;
            *ordinal = 2;
            return 1;
        }
    }
    if (s->cjk && is_cjk_cp(c)) {
        /* CJK fraction words: 一半 (half), 半数 */
        size_t fe;
        json_t *fw = match_after(s, i, "fraction_words", 4, 0, &fe);
        if (fw && !isnan(json_num(fw))) {
            *v = json_num(fw);
            *endp = fe;
            *spelled = 1;
            s->fraction = 1;
            return 1;
        }
    }
    if (s->cjk && (u_isdigit(c) || is_cjk_cp(c))) {
        /* CJK: digits and numeral characters mix (5億8千5百万, 3万, 三十五) */
        double vals[24];
        int nv = 0, kanji = 0, digits = 0, prev_digit = 0;
        size_t p = i, last = i;
        while (p < s->end && nv < 24) {
            size_t q;
            int32_t d = cp_at(s, p, &q);
            if (d >= 0 && u_isdigit(d)) {
                numeral nu;
                double x;
                read_numeral(s, p, &nu);
                if (!numeral_value(s, &nu, &x))
                    break;
                vals[nv++] = x;
                digits += (int)nu.nd;
                prev_digit = 1;
                p = last = nu.end;
                continue;
            }
            if (nv > 0 && q < s->end &&
                lookup(s, "qualifiers_after", s->t + p, q - p)) {
                /* 一百多万 "over a million": 多/余 before a scale word */
                size_t q2;
                int32_t d2 = cp_at(s, q, &q2);
                json_t *sj = is_cjk_cp(d2) ? lookup(s, "number_words",
                                                    s->t + q, q2 - q)
                                           : NULL;
                if (sj && json_num(sj) >= 1000) {
                    s->inner_more = 1;
                    p = q;
                    continue;
                }
            }
            json_t *j = is_cjk_cp(d) ? lookup(s, "number_words", s->t + p,
                                              q - p)
                                     : NULL;
            if (!j || isnan(json_num(j)))
                break;
            /* digits never take a units character after them: 第4四半期
             * is the 4th quarter (四半期), not 4 + 4.5 */
            if (prev_digit && json_num(j) < 10)
                break;
            prev_digit = 0;
            /* a scale character after digits only joins when more follows
             * or nothing else reads it (3万 = 30000 either way) */
            vals[nv++] = json_num(j);
            kanji++;
            p = last = q;
        }
        size_t fe;
        if (nv > 0 && !s->in_fraction &&
            match_after(s, last, "fraction_infixes", 3, 0, &fe) &&
            fe < s->end) {
            /* 五分之一 (zh), 5分の1 (ja): denominator, infix, numerator */
            double y, den = combine(vals, nv, 1);
            size_t ye;
            int sp2, o2, pl2, nd2;
            s->in_fraction = 1;
            int ok = read_value(s, fe, &y, &ye, &sp2, &o2, &pl2, &nd2) &&
                     !o2 && den > 0 && y > 0;
            s->in_fraction = 0;
            if (ok) {
                *v = y / den;
                *endp = ye;
                *spelled = digits == 0 && sp2;
                *ndigits = digits + nd2;
                s->fraction = 1;
                return 1;
            }
        }
        if (nv > 0 && kanji > 0) {
            *v = combine(vals, nv, 1);
            *endp = last;
            *spelled = digits == 0;
            *plain_int = 0;
            *ndigits = digits;
            return 1;
        }
    }
    if (u_isdigit(c)) {
        numeral nu;
        double sa, sb;
        size_t se;
        if (!s->in_fraction && slash_pair(s, i, &sa, &sb, &se) &&
            slash_fraction(s, i, se, sa, sb)) {
            *v = sa / sb;
            *endp = se;
            *ndigits = 2;
            s->fraction = 1;
            return 1;
        }
        read_numeral(s, i, &nu);
        if (!numeral_value(s, &nu, v))
            return 0;
        *endp = nu.end;
        *plain_int = nu.nsep == 0 && nu.frac == 0;
        *ndigits = (int)nu.nd;
        if (*plain_int) {
            half_after(s, nu.end, v, endp);
            if (*endp != nu.end)
                *plain_int = 0;
        }
        return 1;
    }
    double fv = u_getNumericValue(c);
    if (fv != U_NO_NUMERIC_VALUE && fv > 0 && fv < 1 &&
        u_charType(c) == U_OTHER_NUMBER) {
        *v = fv;
        *endp = nx;
        return 1;
    }
    if (!is_word_cp(c))
        return 0;
    json_t *fj;
    {
        /* fractions: a fraction word alone (Hälfte, pětina), or a lead
         * word before a fraction ordinal ("a fifth", "an eighth") */
        size_t we = word_end(s, i);
        if (we > i && (fj = lookup(s, "fraction_words", s->t + i, we - i)) &&
            !isnan(json_num(fj))) {
            *v = json_num(fj);
            *endp = we;
            *spelled = 1;
            s->fraction = 1;
            return 1;
        }
        size_t q = we < s->end && s->t[we] == ' ' ? we + 1 : we;
        size_t we2 = q > we ? word_end(s, q) : q;
        if (we2 > q && lookup(s, "fraction_leads", s->t + i, we - i) &&
            (fj = lookup(s, "fraction_ordinals", s->t + q, we2 - q)) &&
            !isnan(json_num(fj)) && fraction_follows(s, we2)) {
            *v = json_num(fj);
            *endp = we2;
            *spelled = 1;
            s->fraction = 1;
            return 1;
        }
    }
    /* half of a scale word (session 17, fresh-user 17 H4): a word of the
     * pack's "half_before_scale" right before a scale word (es "medio
     * millón", de "eine halbe Million"; alone these words mean middle,
     * means, medium), or a "half_prefixes" prefix written onto a scale
     * word (ru "полмиллиона", uk "півмільйона"): 0.5, and the scale
     * step multiplies. They were 1 000 000 (es, de: the article's one)
     * or no number (ru) against "half a million". */
    {
        size_t we = word_end(s, i), se;
        json_t *hp;
        if (we > i && we < s->end && s->t[we] == ' ' &&
            lookup(s, "half_before_scale", s->t + i, we - i) &&
            match_after(s, we, "scale_words", 2, 1, &se)) {
            *v = 0.5;
            *endp = we;
            *spelled = 1;
            return 1;
        }
        if (!s->nl->half_pre_loaded) { /* once per language */
            s->nl->half_pre = story_langpack_field(s->nl->lp, "half_prefixes");
            s->nl->half_pre_loaded = 1;
        }
        if (we > i && (hp = s->nl->half_pre)) {
            size_t k;
            json_t *pj;
            json_array_foreach(hp, k, pj)
            {
                const char *pre = json_string_value(pj);
                size_t pl = pre ? strlen(pre) : 0;
                /* the prefix in the text's case (the pack lists lower
                 * case; a sentence may open with it) */
                size_t pe = i;
                if (!pl || pl >= we - i || !prefix_at(s, i, pre, pl))
                    continue;
                for (size_t a = 0; a < pl;) { /* pe: after the prefix */
                    story__utf8_next(pre, pl, &a);
                    cp_at(s, pe, &pe);
                }
                if (match_after(s, pe, "scale_words", 1, 0, &se) &&
                    se == we) {
                    *v = 0.5;
                    *endp = pe;
                    *spelled = 1;
                    return 1;
                }
            }
        }
    }
    /* "a million", "eine Million", "один мільйон": 1 before a scale word;
     * singular scale words that mean one by themselves (мільйон,
     * более миллиона, milion) */
    {
        size_t we = word_end(s, i), se;
        if (we > i && lookup(s, "scale_alone", s->t + i, we - i) &&
            !counted_scale(s, i, we)) {
            *v = 1;
            *endp = i; /* the scale step reads the word itself */
            *spelled = 1;
            return 1;
        }
        if (we > i && we < s->end && s->t[we] == ' ' &&
            lookup(s, "scale_one", s->t + i, we - i) &&
            match_after(s, we, "scale_words", 2, 1, &se)) {
            /* "a decade", "ein Jahrzehnt", "una década" = 10 years where
             * the pack lists the article in scale_counted_one (languages
             * with an indefinite article) */
            int counted = counted_scale(s, we, se);
            if (!counted ||
                lookup(s, "scale_counted_one", s->t + i, we - i)) {
                *v = 1;
                *endp = we;
                *spelled = 1;
                s->counted_one = counted;
                return 1;
            }
        }
    }
    /* spelled: a run of number words joined by spaces, hyphens or listed
     * connectors ("and", "und", "y") */
    double vals[16];
    int nv = 0, ord = 0;
    size_t p = i, last_end = i;
    /* hi साढ़े पाँच = 5.5, सवा लाख = 125 000, पौने दो = 1.75: a
     * number_prefix_fractions word before a number adds its value to it,
     * and multiplies a lone hundred or scale word by 1 + its value */
    double padd = 0;
    {
        if (!s->nl->prefix_frac)
            s->nl->prefix_frac = story_langpack_field(
                                     s->nl->lp, "number_prefix_fractions")
                                     ? 1
                                     : -1;
        size_t we0 = s->nl->prefix_frac > 0 ? word_end(s, i) : i;
        json_t *pf;
        if (we0 > i && we0 + 1 < s->end && s->t[we0] == ' ' &&
            (pf = lookup(s, "number_prefix_fractions", s->t + i,
                         we0 - i)) &&
            !isnan(json_num(pf)) && json_num(pf) != 0 &&
            word_end(s, we0 + 1) > we0 + 1) {
            padd = json_num(pf);
            p = last_end = we0 + 1;
        }
    }
    size_t run_start = p;
    double frac = 0;
    const char *cunit = NULL;
    const char *ccomp = NULL;
    while (p < s->end && nv < 16) {
        size_t we = word_end(s, p);
        if (we == p)
            break;
        size_t el = elided_end(s, p, we);
        if (el)
            we = el; /* "quarant'" of "quarant'anni"; "anni" is the unit */
        double x;
        int o;
        if (nv > 0 && ((fj = lookup(s, "fraction_ordinals", s->t + p,
                                    we - p)) ||
                       (fj = lookup(s, "fraction_words", s->t + p,
                                    we - p))) &&
            !isnan(json_num(fj))) {
            /* "two thirds", "одну пятую", "zwei Drittel": a fraction */
            frac = json_num(fj);
            last_end = we;
            break;
        }
        int joined = 0;
        int isnum = number_word(s, p, we, &x, &o);
        if (!isnum) {
            /* ar "خمسة وعشرون" = 25, "مائة وخمسون" = 150: a connector
             * written onto the next number word (number_prefix_connectors);
             * units before tens, or a larger value before a smaller */
            size_t pq = nv > 0 ? prefix_connector(s, p, we) : 0;
            if (pq && number_word(s, pq, we, &x, &o) && !o && x < 100 &&
                (vals[nv - 1] > x ||
                 (vals[nv - 1] < 10 && x >= 20 && fmod(x, 10) == 0)))
                joined = 1;
        }
        if (!joined && !isnum) {
            /* CJK: a longer listed token? (十五 is 十 + 五 anyway) */
            if (nv > 0 && lookup(s, "number_connectors", s->t + p, we - p)) {
                size_t q = skip_spaces(s, we);
                size_t we2 = word_end(s, q);
                double y;
                int o2;
                if (we2 > q && number_word(s, q, we2, &y, &o2) && y < 100) {
                    p = q;
                    continue;
                }
            }
            break;
        }
        double rv;
        if (!joined && nv > 0 && !(x == 100 || x == 1000 || x >= 10000) &&
            !(vals[nv - 1] > x && vals[nv - 1] >= 10) &&
            !(rbnf_parse(s, i, we, &rv) && rv > 0)) {
            /* "एक आठ" (an eight), "two three": not one number; only tens
             * before units, or a multiplier after a number, continue */
            break;
        }
        vals[nv++] = x;
        ord |= o;
        last_end = we;
        cunit = s->compound_unit;
        ccomp = s->compound;
        if (o)
            break;
        if (we >= s->end)
            break;
        int32_t d = cp_at(s, we, &nx);
        if (is_cjk_cp(d)) {
            p = we;
            continue;
        }
        if (d == ' ' || d == '-' || d == 0xA0) {
            size_t q = nx;
            if (q < s->end && word_end(s, q) > q) {
                p = q;
                continue;
            }
        }
        break;
    }
    if (nv == 0 && padd != 0 && !frac) {
        size_t se;
        if (match_after(s, run_start, "scale_words", 2, 0, &se)) {
            *v = 1 + padd; /* सवा लाख: the scale step reads लाख */
            *endp = run_start;
            *spelled = 1;
            return 1;
        }
    }
    if (nv == 0)
        return 0;
    double r;
    if (!ord && nv > 1 && rbnf_parse(s, run_start, last_end, &r) && r > 0)
        *v = r;
    else
        *v = combine(vals, nv, s->cjk);
    if (padd != 0 && !ord && frac == 0) {
        if (nv == 1 && vals[0] >= 100 &&
            fabs(log10(vals[0]) - floor(log10(vals[0]) + 0.5)) < 1e-9)
            *v = vals[0] * (1 + padd); /* सवा सौ = 125 */
        else
            *v += padd;
    }
    if (frac > 0 && !ord) {
        *v *= frac;
        s->fraction = 1;
    } else if (frac > 0) {
        last_end = p; /* an ordinal is not a numerator */
    }
    s->compound_unit = cunit;
    s->compound = ccomp;
    *endp = last_end;
    if (!ord && frac == 0)
        half_after(s, last_end, v, endp);
    *spelled = 1;
    *ordinal = ord;
    return 1;
}

/* Is a weekday of the pack's "weekdays" among the words of the same
 * sentence before byte i (at most 200 bytes back; a '!', '?' or a '.'
 * after a letter followed by a space ends the search)? */
static int weekday_before(scan *s, size_t i)
{
    size_t lo = i > s->start + 200 ? i - 200 : s->start;
    size_t p = i;
    while (p > lo) {
        size_t q = prev_pos(s, p);
        int32_t c = cp_at(s, q, NULL);
        if (c == '!' || c == '?')
            return 0;
        if (c == '.' && p < i && is_space_cp(cp_at(s, p, NULL)) && q > lo &&
            is_word_cp(cp_at(s, prev_pos(s, q), NULL)))
            return 0;
        if (is_word_cp(c) && (p == i || !is_word_cp(cp_at(s, p, NULL)))) {
            /* q is the last letter of a word: find its start */
            size_t ws = q;
            while (ws > lo && is_word_cp(cp_at(s, prev_pos(s, ws), NULL)))
                ws = prev_pos(s, ws);
            size_t we = word_end(s, ws);
            if (we > ws && lookup(s, "weekdays", s->t + ws, we - ws))
                return 1;
            p = ws;
            continue;
        }
        p = q;
    }
    return 0;
}

static int emit(story_vec *out, story_number *n, story_error *err)
{
    if (!story_vec_push(out, n))
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    return 0;
}

static int scan_text(scan *s, story_vec *out, story_error *err)
{
    size_t i = s->start;
    size_t prev_end = s->start; /* end of the last emitted mention */
    size_t lone_one_end = 0;    /* end of the last dropped lone "one" */
    while (i < s->end) {
        size_t nx;
        int32_t c = cp_at(s, i, &nx);
        if (c < 0) {
            i = nx;
            continue;
        }
        int digit = u_isdigit(c);
        int word = !digit && is_word_cp(c);
        int frac = !digit && !word && u_charType(c) == U_OTHER_NUMBER &&
                   u_getNumericValue(c) > 0 && u_getNumericValue(c) < 1;
        if (!digit && !word && !frac) {
            i = nx;
            continue;
        }
        /* only at a word boundary (not inside "COVID19x" tails of words) */
        if (word && i > s->start && !s->cjk) {
            int32_t pc = cp_at(s, prev_pos(s, i), NULL);
            if (is_word_cp(pc) && !is_cjk_cp(pc)) {
                i = word_end(s, i) > i ? word_end(s, i) : nx;
                continue;
            }
        }
        if (digit && c < 0x80) {
            /* a keycap emoji (UTS #51: digit + U+FE0F + U+20E3, or
             * digit + U+20E3: 1️⃣2️⃣3️⃣) is a symbol, no quantity */
            size_t k = nx;
            int32_t d = k < s->end ? cp_at(s, k, &k) : -1;
            if (d == 0xFE0F)
                d = k < s->end ? cp_at(s, k, &k) : -1;
            if (d == 0x20E3) {
                i = k;
                continue;
            }
        }
        if (digit && is_iso_date_at(s, i)) {
            i += 10;
            continue;
        }
        if (digit) {
            /* "24/7", "9/11": a slash pair that is no fraction counts
             * nothing */
            double sa, sb;
            size_t se;
            if (slash_pair(s, i, &sa, &sb, &se) &&
                !slash_fraction(s, i, se, sa, sb)) {
                i = se;
                continue;
            }
        }
        /* CJK percent prefix: 百分之五 = 5 % */
        int pct_prefix = 0;
        size_t pre_start = i;
        if (word && s->cjk) {
            size_t pe;
            if (match_after(s, i, "percent_prefixes", 4, 0, &pe) &&
                pe < s->end) {
                pct_prefix = 1;
                i = pe;
                c = cp_at(s, i, &nx);
                digit = c >= 0 && u_isdigit(c);
                word = !digit && is_word_cp(c);
            }
        }
        story_number n;
        memset(&n, 0, sizeof n);
        s->inner_more = 0;
        s->fraction = 0;
        s->counted_one = 0;
        s->compound_unit = NULL;
        s->compound = NULL;
        double v;
        size_t ve;
        int spelled, ordinal, plain, nd;
        size_t te0;
        if (!read_value(s, i, &v, &ve, &spelled, &ordinal, &plain, &nd)) {
            if (digit) {
                /* invalid numeral: skip the whole digit/separator run */
                numeral nu;
                read_numeral(s, i, &nu);
                i = nu.end > i ? nu.end : nx;
            } else if (word) {
                size_t we = word_end(s, i);
                i = we > i ? we : nx;
            } else {
                i = nx;
            }
            continue;
        }
        if (s->cjk && spelled) {
            /* words that contain a numeral character (十分 "enough",
             * 一些 "some", 统一 "unify"): the pack's number_exceptions */
            size_t xe, from = i > s->start ? prev_pos(s, i) : i;
            if ((from < i &&
                 match_after(s, from, "number_exceptions", 4, 0, &xe)) ||
                (!s->fraction &&
                 match_after(s, i, "number_exceptions", 4, 0, &xe))) {
                i = ve > i ? ve : nx;
                continue;
            }
        }
        if (s->cjk && !spelled) {
            /* a numeral with one of the pack's number_suffix_words
             * (suffix -> the one value it takes) is a word: ja 10代
             * "teens", an age group that English and most languages name
             * with a word, not a number (session 13, fresh-user M4) */
            size_t xe;
            json_t *xv = match_after(s, ve, "number_suffix_words", 1, 0, &xe);
            if (xv && json_num(xv) == v) {
                i = xe;
                continue;
            }
        }
        if (s->cjk) {
            /* 12月 is December, 6時 six o'clock, 10代 "teens": a numeral
             * before one of the pack's name_suffixes names, not counts */
            size_t xe, ce;
            if (match_after(s, ve, "name_suffixes", 2, 0, &xe) &&
                !(match_after(s, ve, "counter_words", 4, 0, &ce) &&
                  ce > xe)) { /* 83時間 is 83 hours, 6時 six o'clock */
                i = xe;
                continue;
            }
        }
        if (s->cjk && spelled && !pct_prefix) {
            /* a lone CJK numeral character counts only before a counter
             * or scale word (一些 "some", 统一 "unify" are not numbers) */
            size_t one;
            cp_at(s, i, &one);
            size_t ce;
            if (one == ve && !match_after(s, ve, "counter_words", 4, 0, &ce) &&
                !match_before(s, i, "ordinal_prefixes", 1, &ce)) {
                i = ve;
                continue;
            }
        }
        if ((te0 = article_clock(s, i, ve, v, spelled, ordinal, nd))) {
            /* es "hacia las 4 de la madrugada", it "alle 4": a clock */
            i = te0;
            continue;
        }
        if (!spelled && s->nl->icu && (te0 = unpacked_clock(s, i))) {
            /* a language without a pack: "7.40 uur", "7h40" */
            i = te0;
            continue;
        }
        if (!spelled && plain && nd <= 2) {
            /* clock times belong to story__dates_scan: 14:30, 6pm, 9 Uhr */
            size_t te, q2;
            if (ve + 3 <= s->end && s->t[ve] == ':' &&
                u_isdigit(cp_at(s, ve + 1, &q2)) &&
                u_isdigit(cp_at(s, q2, &te))) {
                i = te;
                continue;
            }
            if (match_after(s, ve, "time_markers", 1, 1, &te) &&
                !(te < s->end && is_word_cp(cp_at(s, te, NULL)))) {
                /* the minutes after an hour marker are part of the time:
                 * fr "7 h 40", zh "7点40分" (two digits, below 60) */
                size_t m0 = skip_spaces(s, te), m1, m2;
                int32_t d0 = m0 < s->end ? cp_at(s, m0, &m1) : -1;
                int32_t d1 = m0 < s->end && d0 >= 0 && u_isdigit(d0) &&
                                     m1 < s->end
                                 ? cp_at(s, m1, &m2)
                                 : -1;
                if (d1 >= 0 && u_isdigit(d1) && u_charDigitValue(d0) < 6 &&
                    !(m2 < s->end && u_isdigit(cp_at(s, m2, NULL))))
                    te = m2;
                i = te;
                continue;
            }
        }
        n.start = n.num_start = i;
        n.num_end = n.end = ve;
        if (pct_prefix) {
            n.start = pre_start;
            n.is_percent = 1;
            set_str(n.unit, sizeof n.unit, "percent");
        }
        if (s->cjk) {
            size_t os;
            if (match_before(s, i, "ordinal_prefixes", 1, &os)) {
                n.is_ordinal = 1;
                n.start = os;
            }
        }
        n.value = n.value_hi = v;
        n.spelled = spelled;
        n.is_fraction = s->fraction;
        if (spelled && s->compound_unit) {
            /* einprozentige, jednoprocentní: the compound's unit */
            set_str(n.unit, sizeof n.unit, s->compound_unit);
            n.is_percent = strcmp(s->compound_unit, "percent") == 0;
        }
        n.is_ordinal = n.is_ordinal || ordinal == 1; /* 第三 stays */
        if (ordinal == 2)
            set_str(n.unit, sizeof n.unit, "times");
        size_t p = ve;

        /* currency symbol or code before ("$5", "US$ 5", "€ 5") */
        size_t cs;
        json_t *cur = NULL;
        if (i > prev_end || i == s->start) {
            cur = match_before(s, i, "currencies", 2, &cs);
            if (cur && cs >= prev_end && json_is_string(cur)) {
                /* a currency word before the number must be a symbol or
                 * code: letters only when upper-case (USD, US$) */
                set_str(n.unit, sizeof n.unit, json_string_value(cur));
                n.start = cs;
            } else {
                cur = NULL;
            }
        }

        /* ordinal suffix: 5th, 2nd, 1er, 5-й, 5º; "5." in ordinal_dot
         * languages when a word follows */
        if (!spelled && plain && p < s->end) {
            size_t oe;
            size_t q = p;
            if (s->t[q] == '-' )
                q++;
            size_t we = word_end(s, q);
            if (we > q && (we >= s->end || !is_word_cp(cp_at(s, we, NULL))) &&
                lookup(s, "ordinal_suffixes", s->t + q, we - q)) {
                n.is_ordinal = 1;
                p = n.num_end = n.end = we;
            } else if (match_after(s, p, "ordinal_suffixes", s->cjk ? 2 : 1,
                                   0, &oe) &&
                       /* CJK: a counter-like suffix glued to the next
                        * word (ja 4番目に, session 12, fresh-user M2) */
                       (s->cjk || (oe - p <= 3 &&
                                   !(oe < s->end &&
                                     is_word_cp(cp_at(s, oe, NULL)))))) {
                n.is_ordinal = 1;
                p = n.num_end = n.end = oe;
            } else if (s->nl->ordinal_dot && s->t[p] == '.' && nd <= 3 &&
                       p + 1 < s->end) {
                size_t q2 = skip_spaces(s, p + 1);
                size_t te;
                if (q2 > p + 1 && q2 < s->end &&
                    is_word_cp(cp_at(s, q2, NULL))) {
                    if (nd <= 2 && clock_dot_after(s, p, &te)) {
                        /* "20. hodiny", "od 18. do 20. hodiny": hours */
                        i = te;
                        continue;
                    }
                    n.is_ordinal = 1;
                    p = n.num_end = n.end = p + 1;
                }
            }
        }

        /* ratio: "four-in-ten", "one in five", "vier von zehn" (the pack's
         * ratio_joiners), "दस में से चार", 10人に4人 (ratio_joiners_rev,
         * denominator first): the fraction, for a whole numerator below a
         * whole denominator of at most 10, or 100 */
        if (!n.is_ordinal && !n.is_fraction && v >= 1 && p < s->end) {
            size_t q = p, je, rs;
            if (!s->cjk && (s->t[q] == '-' || s->t[q] == ' '))
                q++;
            int rev = 0;
            json_t *rj = q > p || s->cjk
                             ? match_after(s, q, "ratio_joiners", 3, 0, &je)
                             : NULL;
            if (!rj && (q > p || s->cjk)) {
                rj = match_after(s, q, "ratio_joiners_rev", 3, 0, &je);
                rev = rj != NULL;
            }
            double y;
            size_t ye;
            int sp2, o2, pl2, nd2;
            rs = rj ? je : 0;
            if (rj && !s->cjk && rs < s->end &&
                (s->t[rs] == '-' || s->t[rs] == ' '))
                rs++;
            if (rj && (rs > je || s->cjk) && rs < s->end &&
                read_value(s, rs, &y, &ye, &sp2, &o2, &pl2, &nd2) && !o2 &&
                !(ye < s->end && (s->t[ye] == '.' || s->t[ye] == ',') &&
                  ye + 1 < s->end && isdigit((unsigned char)s->t[ye + 1]))) {
                double num = rev ? y : v, den = rev ? v : y;
                if (num >= 1 && den > num && (den <= 10 || den == 100) &&
                    num == floor(num) && den == floor(den)) {
                    n.value = n.value_hi = v = num / den;
                    n.is_fraction = 1;
                    p = n.num_end = n.end = ye;
                }
            }
        }

        /* range: "15-20", "15 – 20", "between 15 and 20", "від 15 до 20" */
        int joined = 0; /* "6 से 8": a closing word (तक) is not "up to" */
        if (!n.is_ordinal) {
            size_t q = skip_spaces(s, p);
            int32_t d = q < s->end ? cp_at(s, q, &nx) : -1;
            int dash = !spelled &&
                       (d == '-' || d == 0x2013 || d == 0x2014 ||
                        d == 0x2012 || d == 0xFF5E || d == 0x301C);
            /* spelled: only a hyphen inside the word pair, "два-три",
             * "однієї-чотирьох" (the second must be spelled too) */
            int word_dash = spelled && !s->cjk && q == p && d == '-';
            dash = dash || word_dash || season_slash(s, p, v, nd, plain);
            size_t rs = 0;
            int joiner = 0;
            if (dash) {
                rs = skip_spaces(s, nx);
            } else {
                /* a joiner alone between two numbers: "140 bis 160",
                 * "18 až 20" (the pack's range_joiners) */
                size_t je;
                if ((q > p || s->cjk) && q < s->end &&
                    match_after(s, q, "range_joiners", s->cjk ? 3 : 1, 0,
                                &je)) {
                    rs = skip_spaces(s, je);
                    joiner = s->cjk || rs > je;
                    if (!joiner)
                        rs = 0;
                }
            }
            if (!dash && !joiner) {
                size_t ps;
                json_t *pre = match_before(s, n.start, "range_prefixes", 2,
                                           &ps);
                if (pre && ps >= prev_end && json_is_string(pre)) {
                    /* the joiner paired with the prefix must follow */
                    size_t js = skip_spaces(s, p);
                    size_t je = word_end(s, js);
                    if (je > js &&
                        fold_into(&s->phrase, s->t + js, je - js) == 0 &&
                        strcmp(json_string_value(pre), s->phrase.data) == 0) {
                        rs = skip_spaces(s, je);
                        if (ps < n.start)
                            n.start = ps;
                    }
                }
            }
            double v2;
            size_t ve2;
            int sp2, o2, pl2, nd2;
            int ok = rs && rs < s->end && !(digit && is_iso_date_at(s, i)) &&
                     read_value(s, rs, &v2, &ve2, &sp2, &o2, &pl2, &nd2) &&
                     !o2 && (!word_dash || sp2);
            if (ok && dash && plain && pl2 && nd == 4 && nd2 == 2 &&
                v >= 1000 && v <= 2100) {
                /* abbreviated year range: 1981-87 */
                double full = v - fmod(v, 100) + v2;
                if (full > v)
                    v2 = full;
            }
            if (ok && (v2 > v || (!dash && !joiner))) {
                n.value_hi = v2;
                n.is_range = 1;
                joined = joiner;
                p = n.num_end = n.end = ve2;
            } else if (ok && dash && !word_dash && q == p && rs == nx &&
                       plain && pl2 && nd <= 2 && nd2 <= 2 && v2 < v) {
                /* a descending pair of small integers written tight,
                 * "3-1", "21–14", is no range (a range ascends): a score
                 * or result, kept as one pair in its order (value 3,
                 * value_hi 1), so "3-1" -> "1-3" is a changed pair */
                n.value_hi = v2;
                n.is_range = 1;
                p = n.num_end = n.end = ve2;
            }
        }

        /* a range of clock times ("6-8 p.m.", "18 bis 20 Uhr") is left to
         * story__dates_scan */
        if (n.is_range && plain && nd <= 2) {
            size_t te;
            if (match_after(s, p, "time_markers", 1, 1, &te) &&
                !(te < s->end && is_word_cp(cp_at(s, te, NULL)))) {
                i = te;
                continue;
            }
        }
        /* a bare range of hours at the end of a clause after a weekday
         * of the same sentence ("в субботу, 13 января, … с 18 до 20.",
         * "laugardaginn 13. janúar … frá 18–20."): clock times too */
        if (n.is_range && plain && nd <= 2 && n.value >= 0 &&
            n.value < n.value_hi && n.value_hi <= 24 &&
            n.value_hi - n.value <= 12 && n.value == floor(n.value) &&
            n.value_hi == floor(n.value_hi) && !s->cjk) {
            size_t q = skip_spaces(s, p);
            if ((q >= s->end || s->t[q] == '.' || s->t[q] == ',' ||
                 s->t[q] == ';' || s->t[q] == ')') &&
                weekday_before(s, n.start)) {
                i = p;
                continue;
            }
        }
        /* attached scale suffix after a currency ("$5m", "$2bn"), or
         * one of root's scale_suffixes_bare without a currency ("500k
         * jobs", "40bn"; fresh-user 15 H15, session 15: "500k" was 500):
         * not "m" (metres) nor "b" ("Article 5b") */
        double scale = 1;
        size_t se;
        json_t *sv;
        if ((sv = match_after(s, p,
                              cur ? "scale_suffixes" : "scale_suffixes_bare",
                              1, 0, &se)) &&
            !(se < s->end && is_word_cp(cp_at(s, se, NULL)))) {
            scale = json_num(sv);
            p = n.end = se;
        } else if ((sv = match_after(s, p, "scale_words", 2, 1, &se)) &&
                   !(n.value == 1 && !n.is_range && !s->counted_one &&
                     counted_scale(s, p, se))) {
            scale = json_num(sv);
            /* decades count years: "two decades" = "twenty years" (the
             * pack's scale_counted_unit) */
            json_t *cu = story_langpack_field(s->nl->lp,
                                              "scale_counted_unit");
            if (json_is_string(cu) && !n.unit[0] && counted_scale(s, p, se))
                set_str(n.unit, sizeof n.unit, json_string_value(cu));
            p = n.end = se;
            /* a second scale word: 3.5 万 亿 is rare; 万 after 千 no */
        } else if (p + 1 < s->end && s->t[p] == '-' && n.spelled &&
                   (sv = match_after(s, p + 1, "scale_words", 1, 0, &se)) &&
                   json_num(sv) >= 1000 &&
                   !(se < s->end && is_word_cp(cp_at(s, se, NULL)))) {
            /* a spelled number joined to its scale word by a hyphen: fr
             * "un demi-million", en "a half-million" (was 0.5; session 17,
             * fresh-user 17 H4) */
            scale = json_num(sv);
            p = n.end = se;
        } else if ((s->fraction || (n.spelled && n.value < 1)) &&
                   !n.is_range &&
                   match_after(s, p, "fraction_scale_links", 2, 1, &se) &&
                   (sv = match_after(s, se, "scale_words", 1, 1, &se)) &&
                   json_num(sv) >= 1000) {
            /* "a quarter of a million": the pack's fraction_scale_links
             * join a fraction to a scale word (0.25 x 1 000 000) */
            scale = json_num(sv);
            p = n.end = se;
        }
        /* "and a half" after the unit: ja 1年半, zh 一年半 / 两个半月
         * (the pack's half_units: suffix -> unit; value + 0.5) */
        size_t he;
        json_t *hu;
        if (s->cjk && scale == 1 && !n.is_range && !n.is_ordinal &&
            n.value == floor(n.value) &&
            (hu = match_after(s, p, "half_units", 4, 0, &he)) &&
            json_is_string(hu)) {
            n.value += 0.5;
            n.value_hi = n.value;
            set_str(n.unit, sizeof n.unit, json_string_value(hu));
            p = n.end = he;
        }
        /* a lone spelled "one"/"first" is mostly an article or pronoun
         * ("one of them", "ein", "un", "один"): only with a scale word */
        /* ja/zh: a digit 1 right before a counter or time word (1日に "a
         * day", 1年間 "a year", 1人 "one person") is that article too */
        int cjk_one = s->cjk && !n.spelled && !n.is_ordinal && plain &&
                      n.value == 1 && p < s->end &&
                      is_cjk_cp(cp_at(s, p, NULL));
        if ((n.spelled || cjk_one) && n.value == 1 && !n.is_range &&
            scale == 1) {
            /* ... but "one per cent", "eitt prósent", "one dollar" are */
            size_t ue1;
            int w1 = s->cjk ? 6 : 3; /* CJK: code points (パーセント) */
            json_t *u1 = match_after(s, p, "units", w1, 1, &ue1);
            /* a compound (jednopokojový "one-room", dvoupatrový) is no
             * article either, unless its suffix is in the pack's
             * compound_one_skip: idioms (einfach "simple", einmal "once")
             * and durations (einjährig, jednodenní: "a year", "a day",
             * dropped like ja 1年間) */
            int keep = n.is_percent ||
                       (n.spelled && s->compound &&
                        !in_array(story_langpack_field(s->nl->lp,
                                                       "compound_one_skip"),
                                  s->compound)) ||
                       (u1 && json_is_string(u1) &&
                        strcmp(json_string_value(u1), "percent") == 0) ||
                       match_after(s, p, "currencies", w1, 1, &ue1);
            if (!keep) {
                if (!n.is_ordinal) /* "the first … the second" counts */
                    lone_one_end = n.num_end;
                i = n.num_end > i ? n.num_end : nx;
                continue;
            }
        }
        /* "jeden … druhý", "एक … दूसरी": where the word for "second" also
         * means "other" (the pack's second_other), it is "the other"
         * shortly after a lone "one" (reciprocal, "from one system to
         * another"), not a number ("ein zweites Werk" stays; with
         * second_other_gap a word must lie between: hi "एक दूसरा प्लांट"
         * is "a second plant") */
        if (n.spelled && n.is_ordinal && n.value == 2 && lone_one_end &&
            lookup(s, "second_other", s->t + n.num_start,
                   n.num_end - n.num_start) &&
            n.num_start >= lone_one_end &&
            n.num_start - lone_one_end <= 40 &&
            !memchr(s->t + lone_one_end, '.', n.num_start - lone_one_end) &&
            !(json_is_true(story_langpack_field(s->nl->lp,
                                                "second_other_gap")) &&
              skip_spaces(s, lone_one_end) == n.num_start)) {
            i = n.num_end > i ? n.num_end : nx;
            continue;
        }
        /* "un millón y medio", "un million et demi", "a million and a
         * half": a half_after phrase right after the scale word adds half
         * of it (session 17, fresh-user 17 H4: was 1 000 000 and a stray
         * 0.5) */
        if (!isnan(scale) && scale >= 1000 && !n.is_range &&
            !n.is_ordinal) {
            size_t hae;
            json_t *h = match_after(s, p, "half_after", 4, 1, &hae);
            if (h && !isnan(json_num(h)) && hae > p) {
                n.value += json_num(h);
                n.value_hi = n.value;
                p = n.end = hae;
            }
        }
        if (!isnan(scale) && scale != 1) {
            n.value *= scale;
            n.value_hi *= scale;
        }
        if (n.num_end == n.num_start) {
            if (scale == 1) { /* a scale-alone word that was not read */
                i = nx;
                continue;
            }
            n.num_end = n.end; /* "мільйон": the numeral is the word */
        }

        /* percent, currency or unit after, possibly behind a linking
         * word ("2,5 milliards de dollars", "millones de dólares") */
        size_t ue;
        json_t *u;
        if (scale != 1) {
            size_t ls = skip_spaces(s, p), le = word_end(s, ls);
            size_t ue2;
            if (le > ls && lookup(s, "unit_links", s->t + ls, le - ls) &&
                (match_after(s, le, "currencies", 3, 1, &ue2) ||
                 match_after(s, le, "units", 3, 1, &ue2)))
                p = le; /* "millones de dólares", "millions de tonnes" */
            else /* an elided link inside the word: "millions d'euros" */
                for (size_t k = ls; k < le; k++) {
                    size_t al = s->t[k] == '\'' ? 1
                                : k + 3 <= le &&
                                        !memcmp(s->t + k, "\xE2\x80\x99", 3)
                                    ? 3
                                    : 0;
                    if (!al)
                        continue;
                    if (lookup(s, "unit_links", s->t + ls, k + al - ls) &&
                        (match_after(s, k + al, "currencies", 3, 0, &ue2) ||
                         match_after(s, k + al, "units", 3, 0, &ue2)))
                        p = k + al;
                    break;
                }
        }
        int uw = s->cjk ? 6 : 3; /* CJK: code points (フリヴニャ) */
        if ((u = match_after(s, p, "units", uw, 1, &ue)) &&
            json_is_string(u)) {
            const char *uc = json_string_value(u);
            if (strcmp(uc, "percent") == 0)
                n.is_percent = 1;
            if (!n.unit[0] || n.is_percent)
                set_str(n.unit, sizeof n.unit, uc);
            p = n.end = ue;
        } else if ((u = match_after(s, p, "currencies", uw, 1, &ue)) &&
                   json_is_string(u)) {
            if (!n.unit[0])
                set_str(n.unit, sizeof n.unit, json_string_value(u));
            p = n.end = ue;
        } else if (!s->cjk && p + 1 < s->end && s->t[p] == '-' &&
                   (u = match_after(s, p + 1, "units", 1, 0, &ue)) &&
                   json_is_string(u) &&
                   (strcmp(json_string_value(u), "percent") != 0 ||
                    (ue < s->end && s->t[ue] == '-' &&
                     is_word_cp(cp_at(s, p + 1, NULL))))) {
            /* a hyphenated compound modifier: "the 120-metre bridge",
             * "a 40-tonne truck", "a 10-km run" (a unit word, one word
             * after the hyphen); a percent word only inside a longer
             * compound: de "1-Prozent-Kürzung", en "a 5-percent-cut" */
            if (!n.unit[0])
                set_str(n.unit, sizeof n.unit, json_string_value(u));
            if (strcmp(json_string_value(u), "percent") == 0)
                n.is_percent = 1;
            p = n.end = ue;
        }

        if (s->inner_more)
            set_str(n.qualifier, sizeof n.qualifier, "more_than");
        /* qualifier before */
        size_t qs;
        json_t *q = match_before(s, n.start, "qualifiers", s->cjk ? 6 : 4, &qs);
        if (q && qs >= prev_end && json_is_string(q)) {
            set_str(n.qualifier, sizeof n.qualifier, json_string_value(q));
            n.start = qs;
        } else if (!joined &&
                   ((q = match_after(s, p, "qualifiers_after", 2, 1, &ue)) ||
                    (p < s->end && s->t[p] == '-' && /* "million-plus" */
                     (q = match_after(s, p + 1, "qualifiers_after", 1, 0,
                                      &ue)))) &&
                   json_is_string(q)) {
            set_str(n.qualifier, sizeof n.qualifier, json_string_value(q));
            /* keep the span: qualifier after ("30多人", "or more") */
            n.end = ue;
        }

        if (!n.spelled && !n.is_ordinal && !n.is_range && plain && nd == 4 &&
            !n.unit[0] && scale == 1 && n.value >= 1000 && n.value <= 2100 &&
            !month_follows(s, n.end))
            n.is_year = 1;
        if (n.is_range && plain && nd == 4 && n.value >= 1000 &&
            n.value_hi <= 2100 && !n.unit[0] && scale == 1)
            n.is_year = 1;

        int rc = emit(out, &n, err);
        if (rc)
            return rc;
        prev_end = n.end;
        i = n.end > i ? n.end : nx;
    }
    return 0;
}

/* "zwischen 6 und maximal 15 Prozent", "на 6 и на 15 процентов", "5 or
 * 6 dollars": a bare number joined to the next one by a word of the
 * pack's "shared_unit_links" (and, und, и, og …), as the first word
 * after it, takes its percent or currency unit. The gap holds no digits
 * or sentence punctuation and at most 48 bytes. */
static void share_units(scan *s, story_vec *out, size_t first)
{
    story_number *v = (story_number *)out->data;
    for (size_t k = first; k + 1 < out->len; k++) {
        story_number *a = &v[k], *b = &v[k + 1];
        if (a->unit[0] || a->is_year || a->is_ordinal || a->is_fraction ||
            !b->unit[0] ||
            b->start < a->end || b->start - a->end > 48)
            continue;
        int money = strlen(b->unit) == 3 && b->unit[0] >= 'A' &&
                    b->unit[0] <= 'Z';
        if (!b->is_percent && !money)
            continue;
        int link = 0, bad = 0, words = 0;
        for (size_t p = a->end; p < b->start && !bad;) {
            size_t nx;
            int32_t c = cp_at(s, p, &nx);
            if (c >= 0 && u_isdigit(c)) {
                bad = 1;
            } else if (c >= 0 && is_word_cp(c)) {
                size_t we = word_end(s, p);
                /* the link must be the first word: "6 und", not
                 * "3 people and 15 per cent" */
                if (we > p && words++ == 0 &&
                    lookup(s, "shared_unit_links", s->t + p, we - p))
                    link = 1;
                nx = we > p ? we : nx;
            } else if (c == '.' || c == ';' || c == ':' || c == '(' ||
                       c == ')') {
                bad = 1;
            }
            p = nx;
        }
        if (!link || bad)
            continue;
        set_str(a->unit, sizeof a->unit, b->unit);
        a->is_percent = b->is_percent;
    }
}

/* Measurement units -> base unit of their dimension (story__unit_si). */
static const struct {
    const char *unit, *dim;
    double scale, offset;
} si_units[] = {
    {"m", "length", 1, 0},         {"km", "length", 1000, 0},
    {"cm", "length", 0.01, 0},     {"mm", "length", 0.001, 0},
    {"mi", "length", 1609.344, 0}, {"ft", "length", 0.3048, 0},
    {"in", "length", 0.0254, 0},   {"yd", "length", 0.9144, 0},
    {"kg", "mass", 1, 0},          {"t", "mass", 1000, 0},
    {"lb", "mass", 0.45359237, 0}, {"m2", "area", 1, 0},
    {"km2", "area", 1e6, 0},       {"mi2", "area", 2589988.110336, 0},
    {"ft2", "area", 0.09290304, 0},
    {"ha", "area", 1e4, 0},        {"acre", "area", 4046.8564224, 0},
    {"l", "volume", 1, 0},         {"ml", "volume", 0.001, 0},
    {"m3", "volume", 1000, 0},
    {"gal", "volume", 3.785411784, 0},
    {"kmh", "speed", 1, 0},        {"mph", "speed", 1.609344, 0},
    {"°C", "temperature", 1, 0},
    {"°F", "temperature", 5.0 / 9.0, -32.0 * 5.0 / 9.0},
    {"year", "duration", 365.2425, 0},
    {"month", "duration", 365.2425 / 12, 0},
    {"week", "duration", 7, 0},    {"day", "duration", 1, 0},
    {"hour", "duration", 1.0 / 24, 0},
    {"minute", "duration", 1.0 / 1440, 0},
};

int story__unit_si(const char *unit, const char **dimension, double *scale,
                   double *offset)
{
    if (!unit || !*unit)
        return 0;
    for (size_t k = 0; k < sizeof si_units / sizeof si_units[0]; k++)
        if (strcmp(unit, si_units[k].unit) == 0) {
            if (dimension)
                *dimension = si_units[k].dim;
            if (scale)
                *scale = si_units[k].scale;
            if (offset)
                *offset = si_units[k].offset;
            return 1;
        }
    return 0;
}

/* dimension and base-unit values of out[first..] (after share_units) */
static void set_si(story_vec *out, size_t first)
{
    story_number *v = (story_number *)out->data;
    for (size_t k = first; k < out->len; k++) {
        const char *dim;
        double sc, off;
        v[k].si_value = v[k].value;
        v[k].si_value_hi = v[k].value_hi;
        v[k].dimension[0] = 0;
        if (!v[k].is_fraction &&
            story__unit_si(v[k].unit, &dim, &sc, &off)) {
            set_str(v[k].dimension, sizeof v[k].dimension, dim);
            v[k].si_value = v[k].value * sc + off;
            v[k].si_value_hi = v[k].value_hi * sc + off;
        }
    }
}

int story__numbers_scan(story_ctx *ctx, const char *lang, const char *text,
                        size_t start, size_t end, story_vec *out,
                        story_error *err)
{
    if (!ctx || !out || (!text && end > start) || start > end)
        return story__error(err, STORY_EINVAL, NULL, -1,
                            "story__numbers_scan: bad arguments");
    if (out->elem == 0)
        story_vec_init(out, sizeof(story_number));
    if (out->elem != sizeof(story_number))
        return story__error(err, STORY_EINVAL, NULL, -1,
                            "story__numbers_scan: out is not a vector of "
                            "story_number");
    nummod *m = story__ctx_get(ctx, STORY_MOD_NUMBERS);
    if (!m) {
        m = story__calloc(1, sizeof *m);
        if (!m)
            return story__error(err, STORY_ENOMEM, NULL, -1,
                                "out of memory");
        story__ctx_set(ctx, STORY_MOD_NUMBERS, m, nummod_free);
    }
    scan s;
    memset(&s, 0, sizeof s);
    s.ctx = ctx;
    s.mod = m;
    s.t = text;
    s.start = start;
    s.end = end;
    int rc = get_lang(&s.nl, ctx, m, lang, err);
    if (rc)
        return rc;
    s.cjk = strncmp(s.nl->lang, "zh", 2) == 0 ||
            strncmp(s.nl->lang, "ja", 2) == 0;
    size_t first = out->len;
    rc = scan_text(&s, out, err);
    if (!rc) {
        share_units(&s, out, first);
        set_si(out, first);
    }
    story_buf_free(&s.key);
    story_buf_free(&s.phrase);
    story_buf_free(&s.mkey);
    story_buf_free(&s.alt_key);
    return rc;
}
