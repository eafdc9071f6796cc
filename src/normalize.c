/*
 * Stage 2, normalise: match keys for text. A key is the NFKC case fold
 * (UAX #15 + Unicode default case folding, ICU's NFKC_Casefold instance) of
 * the text after removing soft hyphens and zero-width characters and after
 * unifying quotation marks, apostrophes and dashes. The displayed text is
 * never changed; a byte map leads from each key byte back to the input.
 *
 * Normalisation is applied per normalisation segment (runs that start at
 * a code point with unorm2_hasBoundaryBefore), so composition works across
 * combining marks and every output byte maps to the segment's first input
 * byte.
 *
 * A segment of one code point that has no NFKC_Casefold mapping
 * (unorm2_getDecomposition says none: the code point normalises to
 * itself) is copied without calling the normaliser, and runs of ASCII
 * are folded by hand (A-Z -> a-z): most segments are such single
 * letters.
 */
#include "normalize.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

/* Code points removed from keys: soft hyphen, zero-width space/non-joiner/
 * joiner, word joiner, BOM/zero-width no-break space, bidi marks. */
int story__is_ignorable(int32_t c)
{
    return c == 0x00AD || (c >= 0x200B && c <= 0x200F) || c == 0x2060 ||
           c == 0xFEFF || (c >= 0x202A && c <= 0x202E) ||
           (c >= 0x2066 && c <= 0x2069);
}

int story__arabic_mark(int32_t c)
{
    if (c == 0x0640)
        return 1;
    return c >= 0x0610 && c <= 0x06FF &&
           u_charType(c) == U_NON_SPACING_MARK &&
           ublock_getCode(c) == UBLOCK_ARABIC;
}

/* What a key drops besides the ignorable characters: the Arabic marks
 * (story__arabic_mark). News text writes them on some words only
 * ("أُصيبوا" beside "أصيبوا"); the packs list the bare forms, so a
 * vowelled word missed every lexicon (fresh-user H2, session 10: a fully
 * vowelled article gave no events). Only keys drop them; the text and its
 * spans keep every character. */
static int key_drops(int32_t c)
{
    return c >= 0x0610 && c <= 0x06FF && story__arabic_mark(c);
}

/* Unify apostrophes/single quotes to ', double quotes/guillemets to ",
 * dashes and minus to -. */
int32_t story__unify_punct(int32_t c)
{
    switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
    case 0x02BC: case 0x02B9: case 0x0060: case 0x00B4: case 0xFF07:
        return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
    case 0x00AB: case 0x00BB: case 0x2039: case 0x203A: case 0x300C:
    case 0x300D: case 0x300E: case 0x300F: case 0xFF02:
        return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
        return '-';
    default:
        return c;
    }
}

/* Append the UTF-8 of code point c, mapping every byte to src_off. */
static int put_cp(story_buf *out, story_vec *map, UChar32 c, size_t src_off)
{
    char u8[4];
    size_t k = story__utf8_put(u8, c);
    if (story_buf_append(out, u8, k))
        return -1;
    if (map)
        for (size_t j = 0; j < k; j++)
            if (!story_vec_push(map, &src_off))
                return -1;
    return 0;
}

static int flush_segment(story_buf *out, story_vec *map, const UChar *seg,
                         int32_t seg_len, size_t src_off,
                         const UNormalizer2 *n2, story_error *err)
{
    if (seg_len == 1 || (seg_len == 2 && U16_IS_LEAD(seg[0]))) {
        UChar32 c;
        int32_t k = 0;
        U16_NEXT(seg, k, seg_len, c);
        int plain = 0;
        if (c < 0x80) {
            if (c >= 'A' && c <= 'Z')
                c += 'a' - 'A';
            plain = 1;
        } else {
            UChar d[8];
            UErrorCode de = U_ZERO_ERROR;
            plain = unorm2_getDecomposition(n2, c, d, 8, &de) < 0 &&
                    !U_FAILURE(de);
        }
        if (plain) {
            if (put_cp(out, map, c, src_off))
                return story__error(err, STORY_ENOMEM, NULL, -1,
                                    "out of memory");
            return 0;
        }
    }
    UChar stackbuf[256];
    UChar *dst = stackbuf;
    int32_t cap = (int32_t)(sizeof stackbuf / sizeof stackbuf[0]);
    UErrorCode e = U_ZERO_ERROR;
    int32_t n = unorm2_normalize(n2, seg, seg_len, dst, cap, &e);
    if (e == U_BUFFER_OVERFLOW_ERROR) {
        dst = story__malloc(sizeof(UChar) * (size_t)(n + 1));
        if (!dst)
            return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
        cap = n + 1;
        e = U_ZERO_ERROR;
        n = unorm2_normalize(n2, seg, seg_len, dst, cap, &e);
    }
    if (U_FAILURE(e)) {
        if (dst != stackbuf)
            free(dst);
        return story__error(err, STORY_EICU, NULL, (long long)src_off,
                            "NFKC_Casefold failed: %s", u_errorName(e));
    }
    for (int32_t i = 0; i < n;) {
        UChar32 c;
        U16_NEXT(dst, i, n, c);
        if (key_drops(c)) /* from a presentation form (U+FE70-U+FEFF) */
            continue;
        if (put_cp(out, map, c, src_off))
            goto oom;
    }
    if (dst != stackbuf)
        free(dst);
    return 0;
oom:
    if (dst != stackbuf)
        free(dst);
    return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
}

/* story__utf8_next with the one- and two-byte forms inline (Latin,
 * Greek, Cyrillic letters): the same code point and length. */
static inline int32_t next_cp(const char *str, size_t len, size_t *i)
{
    const unsigned char *u = (const unsigned char *)str;
    size_t p = *i;
    if (u[p] < 0x80) {
        *i = p + 1;
        return u[p];
    }
    if (u[p] >= 0xC2 && u[p] <= 0xDF && p + 1 < len &&
        (u[p + 1] & 0xC0) == 0x80) {
        *i = p + 2;
        return ((int32_t)(u[p] & 0x1F) << 6) | (u[p + 1] & 0x3F);
    }
    return story__utf8_next(str, len, i);
}

/* The key of each code point below U+0800 (ASCII, Latin, Greek,
 * Cyrillic, Armenian, Hebrew, Arabic …) on its own, for words written in
 * those only (session 20: folding took 8 % of bench/run facts-speed,
 * most of it ICU's UTF-16 pass over words of the Cyrillic and Latin
 * translations). The entry of c is the UTF-8 of NFKC_Casefold of
 * story__unify_punct(c) (c itself for the letters normalize_whole calls
 * plain) without the code points key_drops drops; empty for a code point
 * removed before normalisation (ignorable, key_drops). It is valid only
 * when that code point has a normalisation boundary before it
 * (unorm2_hasBoundaryBefore): then, with a boundary before every code
 * point of a word, every segment is one code point, and the word's key
 * is the concatenation of the entries (UAX #15: normalisation does not
 * interact across a boundary). A word holding any other code point takes
 * normalize_whole or the segment path. Built once per process. */
#define FOLD_TAB_N 0x800
#define FOLD_TAB_MAXB 12
typedef struct fold_entry {
    signed char len; /* bytes of out; -1: not valid, take the full path */
    char out[FOLD_TAB_MAXB];
} fold_entry;
static fold_entry fold_tab[FOLD_TAB_N];
static pthread_once_t fold_tab_once = PTHREAD_ONCE_INIT;

/* letters of most scripts are neither ignorable nor unified (see
 * normalize_whole) */
static int plain_cp(int32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 0xC0 && c < 0x2B9) ||
           (c >= 0x300 && c < 0x2000) || (c >= 0x3010 && c < 0xFE00);
}

static void fold_tab_build(void)
{
    UErrorCode e = U_ZERO_ERROR;
    const UNormalizer2 *n2 = unorm2_getNFKCCasefoldInstance(&e);
    for (int32_t c = 0; c < FOLD_TAB_N; c++) {
        fold_entry *f = &fold_tab[c];
        f->len = -1;
        if (U_FAILURE(e) || c == 0 || U_IS_SURROGATE(c))
            continue;
        int plain = plain_cp(c);
        if ((!plain && story__is_ignorable(c)) || key_drops(c)) {
            f->len = 0;
            continue;
        }
        int32_t u = plain ? c : story__unify_punct(c);
        if (!unorm2_hasBoundaryBefore(n2, u))
            continue;
        UChar src[2], d[16];
        int32_t sn = 0;
        U16_APPEND_UNSAFE(src, sn, u);
        UErrorCode e2 = U_ZERO_ERROR;
        int32_t n = unorm2_normalize(n2, src, sn, d, 16, &e2);
        if (U_FAILURE(e2))
            continue;
        char out[4 * 16];
        size_t o = 0;
        for (int32_t i = 0; i < n;) {
            UChar32 r;
            U16_NEXT(d, i, n, r);
            if (!key_drops(r))
                o += story__utf8_put(out + o, r);
        }
        if (o <= FOLD_TAB_MAXB) {
            memcpy(f->out, out, o);
            f->len = (signed char)o;
        }
    }
}

/* Without a byte map: the key of [s, s + len) through fold_tab when every
 * code point of it has a valid entry. 0 done, 1 not applicable (out
 * untouched), -1 out of memory. */
static int fold_by_table(story_buf *out, const char *s, size_t len)
{
    if (pthread_once(&fold_tab_once, fold_tab_build))
        return 1;
    if (story_buf_grow(out, FOLD_TAB_MAXB / 2 * len + 1))
        return -1;
    char *o = out->data + out->len;
    const unsigned char *u = (const unsigned char *)s;
    for (size_t i = 0; i < len;) {
        int32_t c;
        if (u[i] < 0x80) {
            c = u[i++];
        } else if (u[i] >= 0xC2 && u[i] <= 0xDF && i + 1 < len &&
                   (u[i + 1] & 0xC0) == 0x80) {
            c = ((int32_t)(u[i] & 0x1F) << 6) | (u[i + 1] & 0x3F);
            i += 2;
        } else {
            return 1;
        }
        const fold_entry *f = &fold_tab[c];
        if (f->len < 0)
            return 1;
        memcpy(o, f->out, (size_t)f->len);
        o += f->len;
    }
    out->len = (size_t)(o - out->data);
    out->data[out->len] = '\0';
    return 0;
}

/* Without a byte map, a short text with non-ASCII is normalised in one
 * call: normalisation never interacts across a boundary, so the whole
 * text gives the concatenation of its segments (texts of up to
 * WHOLE_MAX UTF-16 units never reach the 120-unit segment cap below).
 * Returns 1 (out untouched) when it does not apply or ICU fails (the
 * segment path then runs, and reports any error). */
#define WHOLE_MAX 120
static int normalize_whole(story_buf *out, const char *s, size_t len,
                           const UNormalizer2 *n2)
{
    UChar u[WHOLE_MAX + 2];
    int32_t un = 0;
    int ascii = 1, same = 1; /* same: u holds exactly the code points of s */
    for (size_t i = 0; i < len;) {
        int32_t c = next_cp(s, len, &i);
        if (c < 0) {
            c = 0xFFFD;
            same = 0;
        }
        if (c >= 0x80)
            ascii = 0;
        /* letters of most scripts are neither ignorable nor unified */
        int plain = plain_cp(c);
        if ((!plain && story__is_ignorable(c)) || key_drops(c)) {
            same = 0;
            continue;
        }
        int32_t uc = plain ? c : story__unify_punct(c);
        if (uc != c) {
            same = 0;
            c = uc;
        }
        if (un + U16_LENGTH(c) > WHOLE_MAX)
            return 1;
        U16_APPEND_UNSAFE(u, un, c);
    }
    if (ascii)
        return 1; /* the ASCII fast path is faster */
    UErrorCode e = U_ZERO_ERROR;
    if (same && unorm2_spanQuickCheckYes(n2, u, un, &e) == un &&
        !U_FAILURE(e)) {
        /* already normalised (most lower-case words): the key is the
         * text itself */
        if (story_buf_append(out, s, len))
            return -1;
        return 0;
    }
    e = U_ZERO_ERROR;
    UChar d[4 * WHOLE_MAX];
    int32_t n = unorm2_normalize(n2, u, un, d, (int32_t)(sizeof d / sizeof d[0]),
                                 &e);
    if (U_FAILURE(e))
        return 1;
    if (story_buf_grow(out, 4 * (size_t)n))
        return -1;
    char *o = out->data + out->len;
    for (int32_t i = 0; i < n;) {
        UChar32 c;
        U16_NEXT(d, i, n, c);
        if (!key_drops(c))
            o += story__utf8_put(o, c);
    }
    out->len = (size_t)(o - out->data);
    out->data[out->len] = '\0';
    return 0;
}

int story__normalize_key_buf(story_buf *out, story_vec *map, const char *s,
                             size_t len, story_error *err)
{
    UErrorCode e = U_ZERO_ERROR;
    const UNormalizer2 *n2 = unorm2_getNFKCCasefoldInstance(&e);
    if (U_FAILURE(e))
        return story__error(err, STORY_EICU, NULL, -1,
                            "cannot open NFKC_Casefold: %s", u_errorName(e));
    if (!map) {
        /* ASCII only (most words of Latin-script text): the segment loop
         * below copies it in one run, A-Z -> a-z and ` -> ' (and
         * normalize_whole leaves ASCII to it); done here without the
         * UTF-16 pass of normalize_whole */
        size_t k = 0;
        while (k < len && (unsigned char)s[k] < 0x80)
            k++;
        if (k == len) {
            if (story_buf_grow(out, len))
                return story__error(err, STORY_ENOMEM, NULL, -1,
                                    "out of memory");
            char *o = out->data + out->len;
            for (k = 0; k < len; k++) {
                char ch = s[k];
                if (ch >= 'A' && ch <= 'Z')
                    ch = (char)(ch - 'A' + 'a');
                else if (ch == '`')
                    ch = '\'';
                o[k] = ch;
            }
            out->len += len;
            out->data[out->len] = '\0';
            return 0;
        }
    }
    if (!map) {
        size_t at = out->len;
        int t = fold_by_table(out, s, len);
        if (t < 0)
            return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
        if (t == 0)
            return 0;
        out->len = at;
        if (out->data)
            out->data[at] = '\0';
    }
    if (!map && len <= 4 * WHOLE_MAX) {
        int w = normalize_whole(out, s, len, n2);
        if (w < 0)
            return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
        if (w == 0)
            return 0;
    }
    UChar seg[128];
    int32_t seg_len = 0;
    size_t seg_off = 0;
    size_t i = 0;
    int rc = 0;
    while (i < len) {
        /* a run of ASCII characters each followed by ASCII (or the end):
         * each is a segment of its own, folded by hand (A-Z -> a-z, `
         * -> ') */
        size_t j = i;
        while (j < len && (unsigned char)s[j] < 0x80)
            j++;
        if (j < len && j > i)
            j--; /* the last one may start a segment with a mark */
        if (j > i) {
            if (seg_len > 0) {
                rc = flush_segment(out, map, seg, seg_len, seg_off, n2, err);
                if (rc)
                    return rc;
                seg_len = 0;
            }
            if (story_buf_grow(out, j - i))
                return story__error(err, STORY_ENOMEM, NULL, -1,
                                    "out of memory");
            char *o = out->data + out->len;
            for (size_t k = i; k < j; k++) {
                char ch = s[k];
                if (ch >= 'A' && ch <= 'Z')
                    ch = (char)(ch - 'A' + 'a');
                else if (ch == '`')
                    ch = '\'';
                *o++ = ch;
                if (map && !story_vec_push(map, &k))
                    return story__error(err, STORY_ENOMEM, NULL, -1,
                                        "out of memory");
            }
            out->len += j - i;
            out->data[out->len] = '\0';
            i = j;
            continue;
        }
        size_t at = i;
        int32_t c = story__utf8_next(s, len, &i);
        if (c < 0)
            c = 0xFFFD;
        if (story__is_ignorable(c) || key_drops(c))
            continue;
        c = story__unify_punct(c);
        int boundary = unorm2_hasBoundaryBefore(n2, c);
        if (seg_len > 0 && (boundary || seg_len > 120)) {
            rc = flush_segment(out, map, seg, seg_len, seg_off, n2, err);
            if (rc)
                return rc;
            seg_len = 0;
        }
        if (seg_len == 0)
            seg_off = at;
        U16_APPEND_UNSAFE(seg, seg_len, c);
    }
    if (seg_len > 0) {
        rc = flush_segment(out, map, seg, seg_len, seg_off, n2, err);
        if (rc)
            return rc;
    }
    if (out->oom || story_buf_grow(out, 0))
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    return 0;
}

int story_normalize_key(char **out, size_t **map, const char *s, size_t len,
                        story_error *err)
{
    story_buf b = {0};
    story_vec m;
    story_vec_init(&m, sizeof(size_t));
    if (out)
        *out = NULL;
    if (map)
        *map = NULL;
    if (!out || (!s && len))
        return story__error(err, STORY_EINVAL, NULL, -1,
                            "story_normalize_key: bad arguments");
    /* the same check as story_name_key: invalid UTF-8 is an error, not a
     * key (fresh-user 14: "\xff" gave a key and status 0) */
    size_t bad = story__utf8_invalid_at(s ? s : "", len);
    if (bad != (size_t)-1)
        return story__error(err, STORY_EENCODING, NULL, (long long)bad,
                            "text is not valid UTF-8 at byte %zu", bad);
    int rc = story__normalize_key_buf(&b, map ? &m : NULL, s, len, err);
    if (rc)
        goto fail;
    if (map && !story_vec_push(&m, &len)) {
        rc = story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
        goto fail;
    }
    *out = story_buf_detach(&b);
    if (!*out) {
        rc = story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
        goto fail;
    }
    if (map)
        *map = m.data;
    return 0;
fail:
    story_buf_free(&b);
    story_vec_free(&m);
    return rc;
}

static int key_filter_off;

void story__key_first_filter(int on) { key_filter_off = !on; }

int story__key_filter_off(void) { return key_filter_off; }

/* Does code point c (not ignorable) begin a normalisation segment of its
 * own (unorm2_hasBoundaryBefore after story__unify_punct)? fold_tab
 * answers for most code points below U+0800 (an entry is valid only for
 * such a code point). */
static int seg_start(int32_t c)
{
    if (c < 0x300 || (c >= 0x3400 && c <= 0x9FFF) ||
        (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA))
        return 1; /* below the combining marks; CJK ideographs, kana */
    if (c < FOLD_TAB_N && fold_tab[c].len > 0)
        return 1;
    UErrorCode e = U_ZERO_ERROR;
    const UNormalizer2 *n2 = unorm2_getNFKCCasefoldInstance(&e);
    return !U_FAILURE(e) && unorm2_hasBoundaryBefore(n2, story__unify_punct(c));
}

int32_t story__key_first_cp(const char *s, size_t len, size_t i)
{
    if (i >= len)
        return -1;
    size_t nx = i;
    int32_t c = next_cp(s, len, &nx);
    if (c < 0 || c == '`' || story__is_ignorable(c) || key_drops(c))
        return -1;
    if (c >= 0x80 && pthread_once(&fold_tab_once, fold_tab_build))
        return -1;
    if (nx < len && (unsigned char)s[nx] >= 0x80) {
        size_t n3 = nx;
        int32_t d = next_cp(s, len, &n3);
        /* an ignorable is removed before normalisation: what follows it
         * could compose with c */
        if (d >= 0 && (story__is_ignorable(d) || key_drops(d) ||
                       ((d >= 0x300 && pthread_once(&fold_tab_once,
                                                    fold_tab_build)) ||
                        !seg_start(d))))
            return -1;
    }
    if (c < 0x80)
        return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
    if ((c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) ||
        (c >= 0x3041 && c <= 0x3096) || (c >= 0x30A1 && c <= 0x30FA))
        return c; /* no NFKC_Casefold mapping, a segment start */
    int32_t f;
    if (c < FOLD_TAB_N && fold_tab[c].len >= 0) {
        /* the table's key of c: it begins a segment */
        if (fold_tab[c].len == 0)
            return -1;
        size_t k = 0;
        f = story__utf8_next(fold_tab[c].out, (size_t)fold_tab[c].len, &k);
    } else {
        UErrorCode e = U_ZERO_ERROR;
        const UNormalizer2 *n2 = unorm2_getNFKCCasefoldInstance(&e);
        if (U_FAILURE(e))
            return -1;
        int32_t u = plain_cp(c) ? c : story__unify_punct(c);
        if (!unorm2_hasBoundaryBefore(n2, u))
            return -1;
        UChar src[2], d[8];
        int32_t sn = 0, k = 0;
        U16_APPEND_UNSAFE(src, sn, u);
        int32_t dn = unorm2_normalize(n2, src, sn, d, 8, &e);
        if (U_FAILURE(e) || dn <= 0)
            return -1;
        U16_NEXT(d, k, dn, f);
    }
    return f < 0 || key_drops(f) || story__is_ignorable(f) ? -1 : f;
}
