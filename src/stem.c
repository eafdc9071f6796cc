/*
 * Text layer: stems / lemmas for content-word matching (src/stem.h).
 *
 * The language pack's "stemmer" field chooses the method:
 *   "snowball:<algorithm>"  libstemmer (Snowball, Porter 2001, "Snowball: A
 *                           language for stemming algorithms"), UTF-8;
 *   "prefix:<n>"            truncation to the first n code points, for
 *                           languages with neither (cs, is): a strong
 *                           baseline for inflected languages (McNamee,
 *                           Nicholas & Mayfield 2009, "Addressing
 *                           Morphological Variation in Alphabetic
 *                           Languages", SIGIR);
 *   "hunspell:<dictionary>" hunspell morphological stemming with
 *                           STORY_HUNSPELL_DIR/<dictionary>.{aff,dic}; the
 *                           word is converted to the dictionary's own
 *                           encoding (Hunspell_get_dic_encoding, e.g.
 *                           ISO8859-2 for pl_PL) through ICU converters;
 *   absent                  identity.
 * Stemmers and dictionaries are opened lazily, once per context, in the
 * STORY_MOD_STEM slot. Input words are expected case-folded (as
 * story_token.key); Snowball is case-sensitive. Hunspell and Snowball
 * stems are kept in a per-stemmer cache (word -> stem, at most
 * STEM_CACHE_MAX words, then emptied): a hunspell analysis costs
 * microseconds, a Snowball one about a microsecond, and news text repeats
 * its words.
 */
#include "internal.h"

#include "locale.h"
#include "stem.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hunspell/hunspell.h>
#include <libstemmer.h>
#include <unicode/ucnv.h>
#include <unicode/ustring.h>

#ifndef STORY_HUNSPELL_DIR
#define STORY_HUNSPELL_DIR "/usr/share/hunspell/"
#endif

#define STEM_MAX 32
#define STEM_CACHE_MAX 100000

typedef struct stemmer {
    char spec[64];               /* the pack's "stemmer" value */
    struct sb_stemmer *sb;       /* snowball, or NULL */
    Hunhandle *hs;               /* hunspell, or NULL */
    UConverter *cnv;             /* hunspell dictionary encoding, or NULL
                                    when the dictionary is UTF-8 */
    int prefix;                  /* prefix:<n>: keep n code points */
    story_strmap cache;          /* hunspell, snowball: word -> stem */
} stemmer;

typedef struct stem_state {
    stemmer s[STEM_MAX];
    size_t n;
    /* the last language asked for and its stemmer (NULL: identity) */
    char last_lang[32];
    stemmer *last;
    int have_last;
} stem_state;

static void stem_state_free(void *p)
{
    stem_state *st = p;
    for (size_t i = 0; i < st->n; i++) {
        if (st->s[i].sb)
            sb_stemmer_delete(st->s[i].sb);
        if (st->s[i].hs)
            Hunspell_destroy(st->s[i].hs);
        if (st->s[i].cnv)
            ucnv_close(st->s[i].cnv);
        story__strmap_free(&st->s[i].cache);
    }
    free(st);
}

static int open_stemmer(stemmer *sm, const char *spec, story_error *err)
{
    memset(sm, 0, sizeof *sm);
    snprintf(sm->spec, sizeof sm->spec, "%s", spec);
    if (strncmp(spec, "snowball:", 9) == 0) {
        sm->sb = sb_stemmer_new(spec + 9, "UTF_8");
        if (!sm->sb)
            return story__error(err, STORY_ELOCALE, spec, -1,
                                "libstemmer has no algorithm '%s'",
                                spec + 9);
        return 0;
    }
    if (strncmp(spec, "hunspell:", 9) == 0) {
        char aff[4096], dic[4096];
        snprintf(aff, sizeof aff, "%s%s.aff", STORY_HUNSPELL_DIR, spec + 9);
        snprintf(dic, sizeof dic, "%s%s.dic", STORY_HUNSPELL_DIR, spec + 9);
        FILE *f = fopen(dic, "rb");
        if (!f)
            return story__error(err, STORY_ELOCALE, dic, -1,
                                "hunspell dictionary not found");
        fclose(f);
        sm->hs = Hunspell_create(aff, dic);
        if (!sm->hs)
            return story__error(err, STORY_ELOCALE, aff, -1,
                                "cannot load hunspell dictionary");
        const char *enc = Hunspell_get_dic_encoding(sm->hs);
        if (enc && strcmp(enc, "UTF-8") != 0 && strcmp(enc, "utf-8") != 0) {
            UErrorCode e = U_ZERO_ERROR;
            sm->cnv = ucnv_open(enc, &e);
            if (U_FAILURE(e)) {
                Hunspell_destroy(sm->hs);
                sm->hs = NULL;
                return story__error(err, STORY_EICU, aff, -1,
                                    "no ICU converter for dictionary "
                                    "encoding '%s': %s", enc,
                                    u_errorName(e));
            }
        }
        return 0;
    }
    if (strncmp(spec, "prefix:", 7) == 0) {
        char *end;
        long k = strtol(spec + 7, &end, 10);
        if (*end || k < 2 || k > 20)
            return story__error(err, STORY_ELOCALE, spec, -1,
                                "prefix stemmer wants a length 2..20");
        sm->prefix = (int)k;
        return 0;
    }
    return story__error(err, STORY_ELOCALE, spec, -1,
                        "unknown stemmer (want snowball:<name>, "
                        "hunspell:<dictionary> or prefix:<n>)");
}

static int get_stemmer(stemmer **out, story_ctx *ctx, const char *lang,
                       story_error *err)
{
    *out = NULL;
    if (!lang || !*lang)
        return 0;
    stem_state *st = story__ctx_get(ctx, STORY_MOD_STEM);
    if (st && st->have_last && strcmp(st->last_lang, lang) == 0) {
        *out = st->last;
        return 0;
    }
    const story_langpack *lp;
    int rc = story_langpack_get(&lp, ctx, lang, err);
    if (rc)
        return rc;
    if (!st) {
        st = story__calloc(1, sizeof *st);
        if (!st)
            return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
        story__ctx_set(ctx, STORY_MOD_STEM, st, stem_state_free);
    }
    json_t *f = story_langpack_field(lp, "stemmer");
    if (json_is_string(f)) {
        const char *spec = json_string_value(f);
        for (size_t i = 0; i < st->n && !*out; i++)
            if (strcmp(st->s[i].spec, spec) == 0)
                *out = &st->s[i];
        if (!*out) {
            if (st->n == STEM_MAX)
                return story__error(err, STORY_ELOCALE, spec, -1,
                                    "too many stemmers");
            if ((rc = open_stemmer(&st->s[st->n], spec, err)))
                return rc;
            *out = &st->s[st->n++];
        }
    } /* else identity */
    if (strlen(lang) < sizeof st->last_lang) {
        memcpy(st->last_lang, lang, strlen(lang) + 1);
        st->last = *out;
        st->have_last = 1;
    }
    return 0;
}

/* UTF-8 <-> dictionary encoding through UTF-16. */
static int convert(char **out, UConverter *cnv, int to_dict, const char *s,
                   size_t n)
{
    UErrorCode e = U_ZERO_ERROR;
    UChar u[256];
    int32_t ul = 0;
    *out = NULL;
    if (n > 200)
        return -1;
    if (to_dict)
        u_strFromUTF8(u, 256, &ul, s, (int32_t)n, &e);
    else
        ul = ucnv_toUChars(cnv, u, 256, s, (int32_t)n, &e);
    if (U_FAILURE(e))
        return -1;
    char *b = story__malloc(4 * (size_t)ul + 1);
    if (!b)
        return STORY_ENOMEM;
    int32_t bl = 0;
    e = U_ZERO_ERROR;
    if (to_dict) {
        ucnv_setFromUCallBack(cnv, UCNV_FROM_U_CALLBACK_STOP, NULL, NULL,
                              NULL, &e);
        bl = ucnv_fromUChars(cnv, b, 4 * ul + 1, u, ul, &e);
    } else {
        u_strToUTF8(b, 4 * ul + 1, &bl, u, ul, &e);
    }
    if (U_FAILURE(e)) {
        free(b);
        return -1; /* not representable: no stem */
    }
    b[bl] = '\0';
    *out = b;
    return 0;
}

static int hunspell_stem(stemmer *sm, const char *w, size_t n,
                         story_buf *out, story_error *err)
{
    char *word = NULL;
    int rc;
    if (sm->cnv) {
        rc = convert(&word, sm->cnv, 1, w, n);
        if (rc == STORY_ENOMEM)
            return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
        if (rc)
            return story_buf_append(out, w, n) ? STORY_ENOMEM : 0;
    } else {
        word = story__strndup(w, n);
        if (!word)
            return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    }
    char **list = NULL;
    int k = Hunspell_stem(sm->hs, &list, word);
    /* several analyses (wojska: wojska, wojsko): prefer a stem that
     * differs from the word, then the shortest, so that inflected forms
     * meet at the lemma */
    int pick = 0;
    for (int i = 1; i < k; i++) {
        int di = strcmp(list[i], word) != 0;
        int dp = strcmp(list[pick], word) != 0;
        if ((di && !dp) ||
            (di == dp && strlen(list[i]) < strlen(list[pick])))
            pick = i;
    }
    free(word);
    if (k <= 0) {
        if (list)
            Hunspell_free_list(sm->hs, &list, k);
        rc = story_buf_append(out, w, n);
    } else if (sm->cnv) {
        char *u8 = NULL;
        rc = convert(&u8, sm->cnv, 0, list[pick], strlen(list[pick]));
        if (rc == 0) {
            rc = story_buf_puts(out, u8);
            free(u8);
        } else if (rc != STORY_ENOMEM) {
            rc = story_buf_append(out, w, n);
        }
        Hunspell_free_list(sm->hs, &list, k);
    } else {
        rc = story_buf_puts(out, list[pick]);
        Hunspell_free_list(sm->hs, &list, k);
    }
    if (rc)
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    return 0;
}

int story__stem(story_ctx *ctx, const char *lang, const char *w, size_t n,
                story_buf *out, story_error *err)
{
    out->len = 0;
    if (out->data)
        out->data[0] = '\0';
    stemmer *sm;
    int rc = get_stemmer(&sm, ctx, lang, err);
    if (rc)
        return rc;
    if (sm && sm->sb && n > 0) {
        size_t vn;
        const char *hit = story__strmap_get(&sm->cache, w, n, &vn);
        if (hit) {
            rc = story_buf_append(out, hit, vn);
        } else {
            const sb_symbol *r = sb_stemmer_stem(sm->sb,
                                                 (const sb_symbol *)w, (int)n);
            if (!r)
                return story__error(err, STORY_ENOMEM, NULL, -1,
                                    "out of memory");
            rc = story_buf_append(out, (const char *)r,
                                  (size_t)sb_stemmer_length(sm->sb));
            if (!rc) {
                if (story__strmap_size(&sm->cache) >= STEM_CACHE_MAX)
                    story__strmap_clear(&sm->cache);
                /* a failed insertion only loses the cache entry */
                (void)story__strmap_put(&sm->cache, w, n,
                                        out->data ? out->data : "",
                                        out->len);
            }
        }
    } else if (sm && sm->hs && n > 0) {
        size_t vn;
        const char *hit = story__strmap_get(&sm->cache, w, n, &vn);
        if (hit) {
            rc = story_buf_append(out, hit, vn);
        } else {
            if ((rc = hunspell_stem(sm, w, n, out, err)))
                return rc;
            if (story__strmap_size(&sm->cache) >= STEM_CACHE_MAX)
                story__strmap_clear(&sm->cache);
            /* a failed insertion only loses the cache entry */
            (void)story__strmap_put(&sm->cache, w, n,
                                    out->data ? out->data : "", out->len);
            return 0;
        }
    } else if (sm && sm->prefix > 0) {
        size_t i = 0;
        for (int k = 0; k < sm->prefix && i < n; k++)
            story__utf8_next(w, n, &i);
        rc = story_buf_append(out, w, i);
    } else {
        rc = story_buf_append(out, w, n);
    }
    if (rc)
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    return 0;
}

int story__is_stopword(story_ctx *ctx, const char *lang, const char *w)
{
    const story_langpack *lp;
    if (story_langpack_get(&lp, ctx, lang, NULL))
        return 0;
    return story_langpack_has(lp, "stopwords", w);
}
