/*
 * Text layer: name keys and fuzzy name matching (story_name_key,
 * story_name_similarity; see include/storydiff/segment.h, src/names.h and
 * docs/numbers-dates-names.md).
 *
 * Key: (1) the gazetteer locales/gazetteer.json (NFKC case-folded surface
 * form -> canonical Latin key) for names transliteration cannot bridge
 * (Chinese, Japanese, Arabic, Hindi forms of frequent names), whole name
 * first, then each part; (2) homoglyph folding of mixed-script words with
 * ICU's spoof checker (UTS #39 skeleton, uspoof_getSkeleton) applied to
 * the characters of the minority script only; (3) ICU transliteration,
 * one transform per script: Ukrainian-Latin/BGN or Russian-Latin/BGN
 * (BGN/PCGN romanisation) for Cyrillic, Greek-Latin/UNGEGN for Greek,
 * Any-Latin otherwise, then Latin-ASCII and Lower; (4) only a-z and 0-9
 * kept, other characters become word breaks, spaces collapsed.
 * Transliterators are opened lazily, once per context (STORY_MOD_NAMES).
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "names.h"
#include "normalize.h"

enum { TR_UK, TR_RU, TR_GREEK, TR_ANY, TR_COUNT };

static const char *const tr_ids[TR_COUNT] = {
    "Ukrainian-Latin/BGN; Any-Latin; Latin-ASCII; Lower",
    "Russian-Latin/BGN; Any-Latin; Latin-ASCII; Lower",
    "Greek-Latin/UNGEGN; Latin-ASCII; Lower",
    "Any-Latin; Latin-ASCII; Lower",
};

typedef struct namemod {
    UTransliterator *tr[TR_COUNT];
    USpoofChecker *spoof;
    json_t *gaz; /* folded surface form -> canonical key */
    int gaz_loaded;
    void *aux; /* story__names_aux */
    void (*aux_free)(void *);
} namemod;

static void namemod_free(void *p)
{
    namemod *m = p;
    for (int i = 0; i < TR_COUNT; i++)
        if (m->tr[i])
            utrans_close(m->tr[i]);
    if (m->spoof)
        uspoof_close(m->spoof);
    json_decref(m->gaz);
    if (m->aux && m->aux_free)
        m->aux_free(m->aux);
    free(m);
}

static int get_mod(namemod **out, story_ctx *ctx, story_error *err)
{
    namemod *m = story__ctx_get(ctx, STORY_MOD_NAMES);
    if (!m) {
        m = story__calloc(1, sizeof *m);
        if (!m)
            return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
        story__ctx_set(ctx, STORY_MOD_NAMES, m, namemod_free);
    }
    *out = m;
    return 0;
}

void *story__names_aux(story_ctx *ctx, void *(*make)(void),
                       void (*drop)(void *))
{
    namemod *m = NULL;
    if (get_mod(&m, ctx, NULL) || !m)
        return NULL;
    if (!m->aux) {
        m->aux = make();
        m->aux_free = m->aux ? drop : NULL;
    }
    return m->aux;
}

static int get_tr(UTransliterator **out, namemod *m, int which,
                  story_error *err)
{
    if (!m->tr[which]) {
        UChar id[128];
        UErrorCode e = U_ZERO_ERROR;
        u_uastrcpy(id, tr_ids[which]);
        m->tr[which] = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL,
                                    &e);
        if (U_FAILURE(e)) {
            m->tr[which] = NULL;
            return story__error(err, STORY_EICU, NULL, -1,
                                "cannot open transliterator %s: %s",
                                tr_ids[which], u_errorName(e));
        }
    }
    *out = m->tr[which];
    return 0;
}

static int fold_key(story_buf *b, const char *s, size_t n)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
    if (story__normalize_key_buf(b, NULL, s, n, NULL))
        return -1;
    if (!b->data && story_buf_append(b, "", 0))
        return -1;
    return 0;
}

/* locales/gazetteer.json: {"schema": 1, "names": {surface: key, …}}. */
static int load_gazetteer(namemod *m, story_ctx *ctx, story_error *err)
{
    if (m->gaz_loaded)
        return 0;
    m->gaz_loaded = 1;
    m->gaz = json_object();
    if (!m->gaz)
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    char path[4096];
    snprintf(path, sizeof path, "%s/gazetteer.json", ctx->locales_dir);
    json_error_t je;
    json_t *j = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
    if (!j) {
        FILE *f = fopen(path, "r");
        if (!f)
            return 0; /* no gazetteer: transliteration only */
        fclose(f);
        story__error(err, STORY_ELOCALE, path, je.position,
                     "invalid gazetteer: %s", je.text);
        if (err) {
            err->line = je.line;
            err->column = je.column;
        }
        return STORY_ELOCALE;
    }
    json_t *names = json_object_get(j, "names");
    const char *k;
    json_t *v;
    story_buf key = {0};
    json_object_foreach(names, k, v) {
        if (!json_is_string(v))
            continue;
        if (fold_key(&key, k, strlen(k)) == 0)
            json_object_set(m->gaz, key.data, v);
    }
    story_buf_free(&key);
    json_decref(j);
    return 0;
}

static const char *gaz_lookup(namemod *m, story_buf *tmp, const char *s,
                              size_t n)
{
    if (!m->gaz || fold_key(tmp, s, n))
        return NULL;
    json_t *v = json_object_get(m->gaz, tmp->data);
    return v ? json_string_value(v) : NULL;
}

static UScriptCode script_of(UChar32 c)
{
    UErrorCode e = U_ZERO_ERROR;
    UScriptCode sc = uscript_getScript(c, &e);
    return U_FAILURE(e) ? USCRIPT_COMMON : sc;
}

/* Homoglyph folding of one word (UTF-16, in place in a new buffer): when
 * the word mixes Latin with Cyrillic or Greek letters, characters of the
 * minority script whose UTS #39 skeleton is one letter of the majority
 * script are replaced by it ("Zеlеnsky" with Cyrillic е -> Zelensky). */
static int fold_homoglyphs(namemod *m, UChar *w, int32_t n)
{
    int cnt[3] = {0, 0, 0}; /* Latin, Cyrillic, Greek */
    for (int32_t i = 0; i < n;) {
        UChar32 c;
        U16_NEXT(w, i, n, c);
        UScriptCode sc = script_of(c);
        cnt[0] += sc == USCRIPT_LATIN;
        cnt[1] += sc == USCRIPT_CYRILLIC;
        cnt[2] += sc == USCRIPT_GREEK;
    }
    int scripts = (cnt[0] > 0) + (cnt[1] > 0) + (cnt[2] > 0);
    if (scripts < 2)
        return 0;
    UScriptCode major = USCRIPT_LATIN;
    if (cnt[1] > cnt[0] && cnt[1] >= cnt[2])
        major = USCRIPT_CYRILLIC;
    else if (cnt[2] > cnt[0] && cnt[2] > cnt[1])
        major = USCRIPT_GREEK;
    if (!m->spoof) {
        UErrorCode e = U_ZERO_ERROR;
        m->spoof = uspoof_open(&e);
        if (U_FAILURE(e)) {
            m->spoof = NULL;
            return -1;
        }
    }
    for (int32_t i = 0; i < n;) {
        int32_t at = i;
        UChar32 c;
        U16_NEXT(w, i, n, c);
        UScriptCode sc = script_of(c);
        if (sc == major || !u_isalpha(c))
            continue;
        UChar one[2], sk[8];
        int32_t ol = 0;
        U16_APPEND_UNSAFE(one, ol, c);
        /* the skeleton is case-sensitive: fold via lower and upper */
        UErrorCode e = U_ZERO_ERROR;
        int32_t sl = uspoof_getSkeleton(m->spoof, 0, one, ol, sk, 8, &e);
        if (U_FAILURE(e) || sl < 1)
            continue;
        UChar32 r;
        int32_t k = 0;
        U16_NEXT(sk, k, sl, r);
        if (k != sl || script_of(r) != major)
            continue;
        if (U16_LENGTH(r) != i - at)
            continue;
        int32_t put = at;
        U16_APPEND_UNSAFE(w, put, r);
    }
    return 0;
}

static int is_vowel_ch(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

static int choose_tr(const UChar *u, int32_t n, const char *lang)
{
    int cyr = 0, greek = 0, uk_letters = 0;
    for (int32_t i = 0; i < n;) {
        UChar32 c;
        U16_NEXT(u, i, n, c);
        UScriptCode sc = script_of(c);
        cyr += sc == USCRIPT_CYRILLIC;
        greek += sc == USCRIPT_GREEK;
        UChar32 l = u_tolower(c);
        uk_letters += l == 0x0456 || l == 0x0457 || l == 0x0454 ||
                      l == 0x0491;
    }
    if (cyr) {
        if (lang && strncmp(lang, "uk", 2) == 0)
            return TR_UK;
        if (lang && strncmp(lang, "ru", 2) == 0)
            return TR_RU;
        return uk_letters ? TR_UK : TR_RU;
    }
    if (greek)
        return TR_GREEK;
    return TR_ANY;
}

/* Devanagari: drop the inherent vowel Any-Latin writes after a word-final
 * consonant (schwa deletion: पुतिन -> putin, not putina). */
static int deva_final_consonant(const UChar *w, int32_t n)
{
    if (n < 1)
        return 0;
    UChar32 c;
    int32_t i = n;
    U16_PREV(w, 0, i, c);
    return (c >= 0x0915 && c <= 0x0939) || (c >= 0x0958 && c <= 0x095F);
}

/* Chinese transcriptions of foreign names write lone consonants as whole
 * syllables (斯 si, 克 ke, 特 te, 德 de, 尔 er …): the pinyin syllables of a
 * Han word are joined and those syllables reduced to their consonant,
 * except the first; x -> s, q -> ch (approximate source sounds). */
static void pinyin_to_name(story_buf *out, size_t from)
{
    static const char *const lone[][2] = {
        {"si", "s"}, {"ke", "k"}, {"te", "t"}, {"de", "d"}, {"fu", "f"},
        {"bu", "b"}, {"ge", "g"}, {"er", "r"}, {"le", "l"}, {"zi", "z"},
        {"ci", "ts"}, {"shi", "sh"}, {"xi", "s"}, {"ji", "g"},
    };
    char res[512];
    size_t r = 0;
    int first = 1;
    size_t i = from;
    /* syllables: a foreign name in transliteration characters has 4 or
     * more (Chinese names 2 or 3) */
    size_t syls = 0;
    for (size_t q = from; q < out->len; q++)
        syls += q == from || out->data[q - 1] == ' ';
    while (i < out->len && r + 8 < sizeof res) {
        size_t j = i;
        while (j < out->len && out->data[j] != ' ')
            j++;
        size_t l = j - i;
        const char *syl = out->data + i;
        const char *put = NULL;
        if (!first)
            for (size_t k = 0; k < sizeof lone / sizeof lone[0]; k++)
                if (strlen(lone[k][0]) == l && !strncmp(syl, lone[k][0], l))
                    put = lone[k][1];
        /* a lone consonant before a syllable starting with h keeps its
         * vowel: 怀特豪斯 "huai te hao si" (Whitehouse) is no "th" */
        if (put && j + 1 < out->len && out->data[j + 1] == 'h' &&
            strchr("tsckzp", put[strlen(put) - 1]))
            put = NULL;
        if (put) {
            size_t pl = strlen(put);
            memcpy(res + r, put, pl);
            r += pl;
        } else {
            size_t k0 = 0;
            /* in a foreign name hua, huai, hui transcribe w: 怀特豪斯
             * Whitehouse, 惠 Whit- */
            if (syls >= 4 && l >= 3 && syl[0] == 'h' && syl[1] == 'u' &&
                (syl[2] == 'a' || syl[2] == 'i')) {
                res[r++] = 'w';
                k0 = 2;
            }
            for (size_t k = k0; k < l && r + 2 < sizeof res; k++) {
                char c = syl[k];
                if (c == 'x')
                    c = 's';
                if (c == 'j')
                    c = 'g'; /* 加 jia, 吉 ji transcribe g */
                if (c == 'q') {
                    res[r++] = 'c';
                    c = 'h';
                }
                res[r++] = c;
            }
        }
        first = 0;
        i = j + 1;
    }
    if (!out->data)
        return; /* nothing was transliterated (e.g. a lone "㍍") */
    out->len = from;
    out->data[from] = '\0';
    story_buf_append(out, res, r);
}

/* Japanese katakana adds a vowel after lone consonants (マイク maiku,
 * リビングストン ribingusuton) and writes l as r: drop u/o after a consonant
 * when another consonant or the end follows, and read r as l is left to
 * the skeleton (r and l fold together). */
static void kana_to_name(story_buf *out, size_t from)
{
    char res[512];
    size_t r = 0;
    const char *d = out->data;
    for (size_t i = from; i < out->len && r + 1 < sizeof res; i++) {
        char c = d[i];
        int epenthetic =
            (c == 'u' || c == 'o') && i > from && !is_vowel_ch(d[i - 1]) &&
            d[i - 1] != ' ' && (i + 1 >= out->len || d[i + 1] == ' ' ||
                                !is_vowel_ch(d[i + 1])) &&
            !(c == 'o' && d[i - 1] != 't' && d[i - 1] != 'd');
        if (epenthetic && i + 1 < out->len && d[i + 1] == 'n')
            epenthetic = 0; /* -un, -on are syllables: ロンドン rondon */
        /* nor one that keeps a consonant apart from the h of the next
         * syllable: ホワイトハウス "howaitohausu" (Whitehouse) is no "th" */
        if (epenthetic && i + 1 < out->len && d[i + 1] == 'h' &&
            strchr("tsckzp", d[i - 1]))
            epenthetic = 0;
        if (!epenthetic)
            res[r++] = c;
        /* a word-final ル ("ru" without its vowel) mostly writes an l
         * (マコーネル McConnell, ミシェル Michel): kept as l, so that the
         * entity skeleton's silent final r (Cooper / クーパー) does not
         * drop it */
        else if (c == 'u' && r > 0 && res[r - 1] == 'r' &&
                 (i + 1 >= out->len || d[i + 1] == ' '))
            res[r - 1] = 'l';
    }
    if (!out->data)
        return; /* nothing was transliterated (e.g. a lone "㍍") */
    out->len = from;
    out->data[from] = '\0';
    story_buf_append(out, res, r);
}

/* Transliterate one word (UTF-16) and append its a-z0-9 letters to out. */
static int translit_word(namemod *m, int which, UChar *w, int32_t n,
                         story_buf *out, story_error *err)
{
    UTransliterator *tr;
    int rc = get_tr(&tr, m, which, err);
    if (rc)
        return rc;
    int deva = n > 0 && script_of(w[0]) == USCRIPT_DEVANAGARI &&
               deva_final_consonant(w, n);
    int32_t cap = n * 6 + 16;
    UChar *buf = story__malloc((size_t)cap * sizeof(UChar));
    if (!buf)
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    u_memcpy(buf, w, n);
    int32_t len = n, limit = n;
    UErrorCode e = U_ZERO_ERROR;
    utrans_transUChars(tr, buf, &len, cap, 0, &limit, &e);
    if (U_FAILURE(e)) {
        free(buf);
        return story__error(err, STORY_EICU, NULL, -1,
                            "transliteration failed: %s", u_errorName(e));
    }
    size_t before = out->len;
    for (int32_t i = 0; i < len; i++) {
        UChar c = buf[i];
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))
            story_buf_putc(out, (char)c);
        else if (c >= 'A' && c <= 'Z')
            story_buf_putc(out, (char)(c - 'A' + 'a'));
        else if (c == '\'' || c == 0x2019 || c == 0x02BC || c == 0x02B9 ||
                 c == 0x02BA || c == '"' || c == 0x00B7)
            continue; /* apostrophes and soft/hard sign marks vanish */
        else if (out->len > before && out->data[out->len - 1] != ' ')
            story_buf_putc(out, ' ');
    }
    while (out->len > before && out->data[out->len - 1] == ' ')
        out->data[--out->len] = '\0';
    if (deva && out->len > before + 2 && out->data[out->len - 1] == 'a')
        out->data[--out->len] = '\0';
    UScriptCode sc0 = n > 0 ? script_of(w[0]) : USCRIPT_COMMON;
    if (sc0 == USCRIPT_HAN)
        pinyin_to_name(out, before);
    else if (sc0 == USCRIPT_KATAKANA || sc0 == USCRIPT_HIRAGANA)
        kana_to_name(out, before);
    free(buf);
    return out->oom ? story__error(err, STORY_ENOMEM, NULL, -1,
                                   "out of memory")
                    : 0;
}

static int is_name_sep(UChar32 c)
{
    return u_isspace(c) || c == 0x30FB || c == 0x00B7 || c == 0x2027 ||
           c == 0xFF65 || c == '-' || c == 0x2010 || c == 0x2011 ||
           c == ',' || c == '.' || c == 0x3000 || c == 0x200C || c == 0x200D;
}

int story_name_key(char **out, story_ctx *ctx, const char *name, size_t len,
                   const char *lang, story_error *err)
{
    if (!out)
        return story__error(err, STORY_EINVAL, NULL, -1,
                            "story_name_key: out is NULL");
    *out = NULL;
    if (!ctx || (!name && len))
        return story__error(err, STORY_EINVAL, NULL, -1,
                            "story_name_key: bad arguments");
    size_t bad = story__utf8_invalid_at(name ? name : "", len);
    if (bad != (size_t)-1)
        return story__error(err, STORY_EENCODING, NULL, (long long)bad,
                            "name is not valid UTF-8 at byte %zu", bad);
    namemod *m = NULL;
    int rc = get_mod(&m, ctx, err);
    if (rc)
        return rc;
    if ((rc = load_gazetteer(m, ctx, err)))
        return rc;

    story_buf res = {0}, tmp = {0};
    UChar *u = NULL;
    /* whole name in the gazetteer */
    const char *g = len ? gaz_lookup(m, &tmp, name, len) : NULL;
    if (g) {
        story_buf_puts(&res, g);
        goto done;
    }
    u = story__malloc((len + 1) * sizeof(UChar));
    if (!u) {
        rc = story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
        goto done;
    }
    int32_t n = 0;
    UErrorCode e = U_ZERO_ERROR;
    u_strFromUTF8(u, (int32_t)len + 1, &n, name, (int32_t)len, &e);
    if (U_FAILURE(e)) {
        rc = story__error(err, STORY_EICU, NULL, -1, "UTF-16 conversion: %s",
                          u_errorName(e));
        goto done;
    }
    int which = choose_tr(u, n, lang);
    /* a horizontal bar (U+2015) between two katakana letters is a
     * long-vowel mark ー typed with the wrong key ("ロ―マ"); both are 3
     * bytes in UTF-8, so the byte offsets below stay (session 17) */
    for (int32_t k = 1; k + 1 < n; k++)
        if (u[k] == 0x2015 && u[k - 1] >= 0x30A1 && u[k - 1] <= 0x30FA &&
            u[k + 1] >= 0x30A1 && u[k + 1] <= 0x30FA)
            u[k] = 0x30FC;
    /* word by word: gazetteer per part, homoglyphs, transliteration */
    size_t bi = 0;
    for (int32_t i = 0; i < n;) {
        int32_t ws = i;
        UChar32 c;
        U16_NEXT(u, i, n, c);
        if (is_name_sep(c)) {
            size_t bn = bi;
            story__utf8_next(name, len, &bn);
            bi = bn;
            continue;
        }
        size_t bs = bi;
        story__utf8_next(name, len, &bi);
        int32_t we = i;
        while (we < n) {
            int32_t k = we;
            U16_NEXT(u, k, n, c);
            if (is_name_sep(c))
                break;
            we = k;
            story__utf8_next(name, len, &bi);
        }
        i = we;
        if (res.len && res.data[res.len - 1] != ' ')
            story_buf_putc(&res, ' ');
        const char *gp = gaz_lookup(m, &tmp, name + bs, bi - bs);
        if (gp) {
            story_buf_puts(&res, gp);
            continue;
        }
        if (fold_homoglyphs(m, u + ws, we - ws)) {
            rc = story__error(err, STORY_EICU, NULL, -1,
                              "cannot open the spoof checker");
            goto done;
        }
        int wt = which;
        if (wt != TR_ANY) {
            /* a Latin word inside a Cyrillic name keeps Any-Latin */
            UScriptCode sc = script_of(u[ws]);
            if (sc == USCRIPT_LATIN)
                wt = TR_ANY;
        }
        if ((rc = translit_word(m, wt, u + ws, we - ws, &res, err)))
            goto done;
    }
    while (res.len && res.data[res.len - 1] == ' ')
        res.data[--res.len] = '\0';
done:
    free(u);
    story_buf_free(&tmp);
    if (rc) {
        story_buf_free(&res);
        return rc;
    }
    if (!res.data && !res.oom)
        story_buf_append(&res, "", 0);
    char *s = story_buf_detach(&res);
    if (!s)
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    *out = s;
    return 0;
}

/* ---- similarity ------------------------------------------------------- */

static int is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' ||
           c == 'y';
}

/* Letter folds shared by the skeleton and the romanisation comparison
 * (LIBRARIES.md §1, extended): multi-letter spellings of one sound first
 * (tsch sch dzh -> one letter; kh zh sh ch ph th ts tz sz cz ck; English
 * oo -> u, ee -> i), then
 * c -> s before e/i/y else k, h after a vowel dropped (Johnson ~
 * Dzhonson), w f v -> v, y j -> i, g -> h, q x k -> k, p -> b, z -> s
 * (zh stays apart); also tch -> ch, au -> o, ow before a consonant -> o
 * (Downing ~ Даунинг), ie -> i (Dietsch ~ Дитч), u between a consonant
 * and a/e -> v (Ruanda ~ Rwanda), a silent final e after vowel and
 * consonant dropped (Mike ~ Майк). Internally upper-case letters mark
 * digraph results. */
static size_t fold_impl(const char *key, char *out, size_t n, int drop)
{
    char a[256];
    size_t la = 0;
    for (const char *p = key; *p && la + 1 < sizeof a; p++)
        if (*p >= 'a' && *p <= 'z')
            a[la++] = *p;
        else if (*p >= 'A' && *p <= 'Z')
            a[la++] = (char)(*p - 'A' + 'a');
    a[la] = '\0';
    char b[256];
    size_t lb = 0;
    for (size_t i = 0; i < la; i++) {
        const char *r = a + i;
        char c = a[i], d = a[i + 1];
#define RULE(str, res)                                                       \
    if (strncmp(r, str, sizeof str - 1) == 0) {                              \
        b[lb++] = res;                                                       \
        i += sizeof str - 2;                                                 \
        continue;                                                            \
    }
        RULE("tsch", 'C')
        RULE("tch", 'C') /* Dietsch ~ Дитч */
        RULE("sch", 'S')
        RULE("dzh", 'i')
        RULE("kh", 'H')
        RULE("zh", 'Z')
        RULE("sh", 'S')
        RULE("ch", 'C')
        RULE("ph", 'v')
        RULE("th", 't')
        RULE("ts", 'C')
        RULE("tz", 'C')
        RULE("sz", 'S')
        RULE("cz", 'C')
        RULE("ck", 'k')
        RULE("oo", 'u') /* English spellings of u and i: Cooper ~ Купер */
        RULE("ee", 'i')
        RULE("ay", 'i') /* Майк mayk ~ Mike, Байден ~ Biden */
        RULE("au", 'o') /* Даунинг ~ Downing */
        RULE("ie", 'i') /* Dietsch ~ Дитч, Massie ~ Мессі */
        if (c == 'o' && d == 'w' && a[i + 2] && !is_vowel(a[i + 2])) {
            b[lb++] = 'o'; /* Downing ~ Даунинг; not Owen, Moscow */
            i++;
            continue;
        }
        if (c == 'u' && lb > 0 && !is_vowel(b[lb - 1]) &&
            (d == 'a' || d == 'e')) {
            b[lb++] = 'v'; /* Ruanda ~ Rwanda */
            continue;
        }
        if (c == 'e' && !d && la >= 4 && i == la - 1 && lb > 1 &&
            !is_vowel(b[lb - 1]) && is_vowel(b[lb - 2]))
            continue; /* silent final e: Mike ~ Майк, Fife ~ Файф */
        if (c == 'a' && d == 'i' && lb > 0 && !is_vowel(b[lb - 1])) {
            b[lb++] = 'i'; /* マイク maiku; not word-initial Airbus */
            i++;
            continue;
        }
#undef RULE
        switch (c) {
        case 'c':
            c = d == 'e' || d == 'i' || d == 'y' ? 's' : 'k';
            break;
        case 'h':
            /* silent h after a vowel before a consonant (Johnson); the
             * Ukrainian h for Г (Kahame) sits before a vowel */
            if (lb > 0 && is_vowel(b[lb - 1]) && d && !is_vowel(d))
                continue;
            c = 'H';
            break;
        case 'w': case 'f': c = 'v'; break;
        case 'y': case 'j': c = 'i'; break;
        case 'g': c = 'H'; break;
        case 'q': case 'x': c = 'k'; break;
        case 'p': c = 'b'; break;
        case 'z': c = 's'; break;
        case 'r': c = 'l'; break; /* zh/ja write one for both */
        default: break;
        }
        b[lb++] = c;
    }
    size_t o = 0;
    for (size_t i = 0; i < lb && o + 1 < n; i++) {
        char c = b[i];
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if (drop && i > 0 && is_vowel(b[i]))
            continue;
        if (o > 0 && out[o - 1] == c)
            continue;
        out[o++] = c;
    }
    if (n)
        out[o] = '\0';
    return o;
}

size_t story__name_skeleton(const char *key, char *out, size_t n)
{
    return fold_impl(key, out, n, 1);
}

size_t story__name_fold(const char *key, char *out, size_t n)
{
    return fold_impl(key, out, n, 0);
}

/* Levenshtein distance (Levenshtein 1966), two rows. */
static size_t edit_distance(const char *a, size_t la, const char *b,
                            size_t lb)
{
    size_t row[260], prev[260];
    if (lb > 255)
        lb = 255;
    for (size_t j = 0; j <= lb; j++)
        prev[j] = j;
    for (size_t i = 1; i <= la; i++) {
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t cost = a[i - 1] != b[j - 1];
            size_t best = prev[j - 1] + cost;
            if (prev[j] + 1 < best)
                best = prev[j] + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
        }
        memcpy(prev, row, (lb + 1) * sizeof *row);
    }
    return prev[lb];
}

static double ratio(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    size_t mx = la > lb ? la : lb;
    if (mx == 0)
        return 0;
    return 1.0 - (double)edit_distance(a, la, b, lb) / (double)mx;
}

/* The vowels of one folded key are a subset of the other's (Baiden ⊇
 * Biden, but Boden ⊉ Biden). */
static int vowels_nested(const char *a, const char *b)
{
    int va = 0, vb = 0;
    static const char v[] = "aeiou";
    for (int k = 0; k < 5; k++) {
        if (strchr(a, v[k]))
            va |= 1 << k;
        if (strchr(b, v[k]))
            vb |= 1 << k;
    }
    return (va & vb) == va || (va & vb) == vb;
}

/* Score of two single keys without inflection handling. */
static double plain_score(const char *a, const char *b)
{
    char sa[128], sb[128], fa[256], fb[256];
    size_t ka = story__name_skeleton(a, sa, sizeof sa);
    size_t kb = story__name_skeleton(b, sb, sizeof sb);
    story__name_fold(a, fa, sizeof fa);
    story__name_fold(b, fb, sizeof fb);
    if (!fa[0] || !fb[0])
        return 0;
    if (strcmp(fa, fb) == 0)
        return 1.0;
    double sk = ratio(sa, sb);
    double r = ratio(fa, fb);
    double rom = r - 0.05;
    if (rom < 0)
        rom = 0;
    if (ka < 4 || kb < 4) {
        /* short skeletons collide: alone they never decide; equal
         * three-letter skeletons need close romanisations too
         * (Байден ~ Biden, Боинг ~ Boeing) */
        if (ka == 3 && kb == 3 && sk == 1.0 && r >= STORY_NAME_MATCH &&
            vowels_nested(fa, fb))
            sk = STORY_NAME_MATCH + 0.05;
        else if (sk > STORY_NAME_MATCH - 0.01)
            sk = STORY_NAME_MATCH - 0.01;
    }
    /* a skeleton match also needs the same first sound and romanisations
     * not far apart (Johnson !~ Institutionen, Venezuela !~ Defensor) */
    if (sk >= STORY_NAME_MATCH &&
        (r < 0.6 || (sa[0] != sb[0] && !(is_vowel(sa[0]) && is_vowel(sb[0])))))
        sk = STORY_NAME_MATCH - 0.01;
    return sk > rom ? sk : rom;
}

/* Romanised case endings of inflecting languages (uk, ru, pl, cs, is …:
 * Байдена, Zelenského, Selenskyjs): tried stripped as well. */
static const char *const endings[] = {
    "ova", "ovo", "ovy", "ove", "ovu", "oyu", "oyi", "ovi", "ogo", "omu",
    "emu", "ami", "akh", "ach", "ego", "eho", "ému",
    "om",  "em",  "ym",  "im",  "ou",  "yu",  "ya",  "iu",  "ia",  "oy",
    "ey",  "ov",  "s",   "a",   "u",   "e",   "y",   "i",   "o",
};

static int vowels_only(const char *e)
{
    return strspn(e, "aeiouy") == strlen(e);
}

/* Strip one listed ending; *vowel_end is set when it is vowels only. */
static size_t strip_ending(const char *k, char *out, size_t n,
                           int *vowel_end)
{
    *vowel_end = 0;
    size_t l = strlen(k);
    snprintf(out, n, "%s", k);
    for (size_t i = 0; i < sizeof endings / sizeof endings[0]; i++) {
        size_t el = strlen(endings[i]);
        if (l >= el + 4 && strcmp(k + l - el, endings[i]) == 0) {
            /* the s of Boris, Harris, Lewis is the name's own */
            if (!strcmp(endings[i], "s") &&
                (k[l - 2] == 'i' || k[l - 2] == 'y' || k[l - 2] == 's'))
                continue;
            out[l - el] = '\0';
            *vowel_end = vowels_only(endings[i]);
            return l - el;
        }
    }
    return l;
}

/* One word or whole-string score (see STORY_NAME_MATCH): the best of the
 * keys as given and with one case ending stripped (slightly discounted). */
static double word_score(const char *a, const char *b)
{
    double best = plain_score(a, b);
    if (best >= 1.0)
        return best;
    char sa[256], sb[256];
    int va, vb;
    size_t la = strip_ending(a, sa, sizeof sa, &va);
    size_t lb = strip_ending(b, sb, sizeof sb, &vb);
    double s;
    if (la != strlen(a) && (s = plain_score(sa, b) * 0.98) > best)
        best = s;
    if (lb != strlen(b) && (s = plain_score(a, sb) * 0.98) > best)
        best = s;
    /* both stripped only for vowel endings (Беттою ~ Betta), not
     * Boris ~ Болы */
    if (la != strlen(a) && lb != strlen(b) && va && vb &&
        (s = plain_score(sa, sb) * 0.98) > best)
        best = s;
    return best;
}

#define MAX_PARTS 8

static int split_words(char *s, char **w)
{
    int n = 0;
    char *save = NULL;
    for (char *t = strtok_r(s, " ", &save); t && n < MAX_PARTS;
         t = strtok_r(NULL, " ", &save))
        w[n++] = t;
    return n;
}

double story_name_similarity(const char *key_a, const char *key_b)
{
    if (!key_a || !key_b || !*key_a || !*key_b)
        return 0;
    char a[256], b[256];
    snprintf(a, sizeof a, "%s", key_a);
    snprintf(b, sizeof b, "%s", key_b);
    char *wa[MAX_PARTS], *wb[MAX_PARTS];
    int na = split_words(a, wa), nb = split_words(b, wb);
    if (na == 0 || nb == 0)
        return 0;
    if (na == 1 && nb == 1)
        return word_score(wa[0], wb[0]);
    /* whole strings (word breaks ignored) */
    char ja[256] = "", jb[256] = "";
    for (int i = 0; i < na; i++)
        strncat(ja, wa[i], sizeof ja - strlen(ja) - 1);
    for (int i = 0; i < nb; i++)
        strncat(jb, wb[i], sizeof jb - strlen(jb) - 1);
    double whole = word_score(ja, jb);
    /* the shorter name's words each matched in the longer one, in order
     * ("Zelensky" ~ "Volodymyr Zelensky"); the score is the weakest
     * word's, and the last words (surnames) must match */
    char **sw = na <= nb ? wa : wb, **lw = na <= nb ? wb : wa;
    int sn = na <= nb ? na : nb, ln = na <= nb ? nb : na;
    double worst = 1.0;
    int from = 0;
    for (int i = 0; i < sn; i++) {
        double best = 0;
        int at = -1;
        for (int j = from; j < ln; j++) {
            double s = word_score(sw[i], lw[j]);
            if (s > best) {
                best = s;
                at = j;
            }
        }
        if (at < 0) {
            worst = 0;
            break;
        }
        from = at + 1;
        if (best < worst)
            worst = best;
    }
    if (sn == 1) {
        /* a single word against a full name: it must be the surname */
        double last = word_score(sw[0], lw[ln - 1]);
        worst = last;
    }
    return whole > worst ? whole : worst;
}

/* Entity keys near by one skeleton edit (include/storydiff/facts.h): the
 * distance-1 test runs in one pass over the two strings instead of the
 * dynamic programme of edit_distance(). */
int story_entity_keys_near(const char *key_a, const char *key_b)
{
    if (!key_a || !key_b || strncmp(key_a, "entity|", 7) != 0 ||
        strncmp(key_b, "entity|", 7) != 0)
        return 0;
    const char *a = strrchr(key_a, '|') + 1, *b = strrchr(key_b, '|') + 1;
    size_t la = strlen(a), lb = strlen(b);
    if (!la || !lb || (la > lb ? la - lb : lb - la) > 1)
        return 0;
    if (la < lb) { /* a is the longer one (or as long) */
        const char *t = a;
        a = b;
        b = t;
        size_t tl = la;
        la = lb;
        lb = tl;
    }
    size_t i = 0;
    while (i < lb && a[i] == b[i])
        i++;
    if (i == la)
        return 0; /* equal */
    if (la == lb) /* one substitution at i, the rest equal */
        return la >= 3 && strcmp(a + i + 1, b + i + 1) == 0;
    /* one letter of the longer a left out at i */
    return strcmp(a + i + 1, b + i) == 0;
}
