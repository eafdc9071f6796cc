/*
 * Stage 4, facts: named entities (person, organisation, place, other) with
 * roles/titles, nationality and simple coreference.
 *
 * Mentions: runs of capitalised tokens joined by spaces (a hyphen or any
 * punctuation ends a run), with lower-case connectors from the pack's
 * "name_connectors" inside ("Bank of England"); role/title and nationality
 * words are not part of the name but attached to it; the pack's "places",
 * "organisations" and "people" gazetteers also find mentions in scripts
 * without capitals (zh, ja, hi, ar). A sentence-initial capitalised word
 * counts only when it is capitalised elsewhere mid-sentence, is in a
 * gazetteer, or starts a longer run. In languages that capitalise every
 * noun (pack "capitalised_nouns": true, German) a one-word candidate after
 * a determiner or with a common-noun suffix is not a name.
 *
 * Key: "entity|" + consonant skeleton (LIBRARIES.md §1 and docs/facts.md
 * "Entity keys": digraph folds, dzh/dj->i, sch->s, th->t, ts/tz/z->s,
 * wh->w, w/f->v, y/j->i, g->h, q/c->k, p->b, l->r, m before b/p -> n, a
 * silent e in a final "-tes" dropped, every vowel after the first letter
 * dropped, an initial vowel as one class, doubles collapsed)
 * of the Latin name key (story_name_key) of the concept (pack gazetteers;
 * the world index: ICU region names in every language and
 * locales/entities.json forms) or of the name: the LAST word for persons
 * and unclassified multi-word names (surname; a generational suffix is no
 * surname), all words for organisations and places. Case endings listed
 * in the pack's "name_suffixes" are stripped from single-token mentions
 * first ("Лавровым" -> "Лавров").
 *
 * Not names: capitalised common words (written in lower case elsewhere in
 * the article, in the pack's "common_words" or the language's lexicon
 * headwords, or English common words kept in a translation), one letter,
 * common-noun acronyms, derivations of names, ru/uk/cs/pl adjectives
 * alone (docs/facts.md "Not names").
 *
 * Coreference (documented rules): a mention whose key equals an earlier
 * entity's key, or a one-word mention whose skeleton equals an earlier
 * multi-word entity's last-word skeleton, is that entity. Title-only
 * mentions ("the admiral": determiner + role word, no name after) and
 * pronouns are not facts but resolve (for speakers, sources and actors) to
 * the latest entity with that role (story__fx_title_ref) / the latest person
 * (story__fx_entity_near).
 */
#include "internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <hunspell/hunspell.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>

#include "facts_internal.h"
#include "names.h"
#include "storydiff/segment.h"

/* ---- per-context indexes ----------------------------------------------
 *
 * Built once per context (and language), kept beside the names module's
 * state (story__names_aux, owned by the context): the inflection endings
 * of trunk_word with their lengths, the world index (world_index), the
 * word sets of word_file_set, and the cache of Latin name keys. Hash sets
 * are story_strmap (libxml2's hash table), not jansson objects: these are
 * probed for nearly every token. */
typedef struct ent_suf {
    char *s;
    size_t len; /* bytes */
    size_t cps; /* code points */
} ent_suf;

typedef struct ent_lang {
    char *lang;
    int suf_done, world_done, lex_done, wl_done;
    ent_suf *suf; /* by last byte, longest first within one last byte */
    size_t nsuf;
    size_t suf_at[257]; /* suf[suf_at[b], suf_at[b + 1]): the endings of
                           last byte b (only those can end a word whose
                           last byte is b) */
    story_strmap forms;  /* form key -> kind code, acronym flag, concept */
    story_strmap firsts; /* first words (cjk: first code points) */
    story_strmap lfirsts; /* first words of the forms written in lower
                             case, as folded, not trunked (world_match) */
    int maxw;            /* most words of a form */
    story_strmap lex, wl; /* word_file_set: lexicon headwords, word list */
    Hunhandle *hs;        /* common_word_dictionary, NULL: none */
    int hs_done;
    story_strmap hs_memo; /* word -> dictionary_spell verdict ("0", "1",
                             "-": -1), at most HS_MEMO_MAX words */
    const json_t *adj_of; /* adjective_trunk: the list adj was read from */
    const char *adj[32];  /* its endings (borrowed) ... */
    size_t adj_len[32];   /* ... and their lengths in bytes */
    size_t nadj;
    const story_langpack *stop_lp; /* is_stopish: the pack of stop_ix */
    const story_langpack_index *stop_ix[3]; /* its stopwords, determiners,
                                               function_words */
    struct ent_nelists {
        const json_t *ef;        /* not_entity: the entities.json read */
        json_t *cc, *tz;         /* its currency_codes, time_zones */
        json_t *cn[2], *ca[2];   /* common_nouns, common_acronyms: of "*"
                                    and of the language */
        json_t *der;             /* derivations of the language */
    } ne;
} ent_lang;

/* Words whose dictionary verdict a context keeps (hunspell's stemming
 * costs tens of microseconds a word; a news vocabulary repeats). */
#define HS_MEMO_MAX 65536

typedef struct ent_cache {
    ent_lang **langs;
    size_t n;
    ent_lang *last;
    story_strmap names; /* "<lang>\x1f<name text>" -> Latin key */
} ent_cache;

static void *ent_cache_new(void)
{
    return story__calloc(1, sizeof(ent_cache));
}

static void ent_cache_free(void *p)
{
    ent_cache *c = p;
    for (size_t i = 0; i < c->n; i++) {
        ent_lang *l = c->langs[i];
        for (size_t k = 0; k < l->nsuf; k++)
            free(l->suf[k].s);
        free(l->suf);
        story__strmap_free(&l->forms);
        story__strmap_free(&l->firsts);
        story__strmap_free(&l->lfirsts);
        story__strmap_free(&l->lex);
        story__strmap_free(&l->wl);
        story__strmap_free(&l->hs_memo);
        if (l->hs)
            Hunspell_destroy(l->hs);
        free(l->lang);
        free(l);
    }
    free(c->langs);
    story__strmap_free(&c->names);
    free(c);
}

static ent_cache *ent_cache_of(fx *x)
{
    return story__names_aux(x->ctx, ent_cache_new, ent_cache_free);
}

/* The state of x->lang; NULL when out of memory. */
static ent_lang *ent_lang_of(fx *x)
{
    ent_cache *c = ent_cache_of(x);
    const char *lang = x->lang ? x->lang : "";
    if (!c)
        return NULL;
    if (c->last && strcmp(c->last->lang, lang) == 0)
        return c->last;
    for (size_t i = 0; i < c->n; i++)
        if (strcmp(c->langs[i]->lang, lang) == 0)
            return c->last = c->langs[i];
    ent_lang **nl = realloc(c->langs, (c->n + 1) * sizeof *nl);
    if (!nl)
        return NULL;
    c->langs = nl;
    ent_lang *l = story__calloc(1, sizeof *l);
    if (l)
        l->lang = strdup(lang);
    if (!l || !l->lang) {
        free(l);
        return NULL;
    }
    l->maxw = 1;
    c->langs[c->n++] = l;
    return c->last = l;
}

static int is_vowel(char c)
{
    return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

/* Consonant skeleton of an ASCII name key, words concatenated. */
static void skeleton(const char *in, story_buf *out)
{
    char w[256];
    size_t n = 0;
    for (const char *p = in; *p && n + 1 < sizeof w; p++) {
        char c = (char)tolower((unsigned char)*p);
        /* a word-final "r" after a vowel (optionally with a final "a",
         * the Devanagari inherent vowel) is silent in non-rhotic English
         * and left out by ja/zh transliteration: Cooper / クーパー "kupa" /
         * 库珀 / कूपर "kupara", Kelleher / ケレハー; "yr" as in Зубайр
         * "zubayr" / Zubair. It becomes a vowel
         * (so a silent-h test before it still sees a vowel after) */
        if (c == 'r' && n > 0 && (is_vowel(w[n - 1]) || w[n - 1] == 'y')) {
            const char *q = p + 1;
            if (*q == 'a' || *q == 'A')
                q++;
            if (!isalpha((unsigned char)*q)) {
                w[n++] = 'a';
                p = q - 1;
                continue;
            }
        }
        /* a silent "e" between t and a word-final s after a vowel is
         * the "ts" of the translations: Bates / Бейтс / 贝茨 "beici" /
         * ベイツ / बेट्स */
        if (c == 'e' && n >= 2 && w[n - 1] == 't' && is_vowel(w[n - 2]) &&
            (p[1] == 's' || p[1] == 'S') && !isalpha((unsigned char)p[2]))
            continue;
        /* doubled letters as one (Britzman / ブリッツマン "burittsuman") */
        if (c >= 'a' && c <= 'z' && !(n > 0 && w[n - 1] == c))
            w[n++] = c;
    }
    w[n] = '\0';
    char s[256];
    size_t m = 0;
    for (size_t i = 0; i < n; i++) {
        char c = w[i], d = w[i + 1];
        /* "wh" is w (Whitehouse), as is Devanagari "vh" (व्हाइटहाउस) */
        if (c == 'h' && i > 0 && (w[i - 1] == 'w' || w[i - 1] == 'v'))
            continue;
        /* Cyrillic/Indic "u" + vowel at the start is English w (Уайт) */
        if (c == 'u' && i == 0 && is_vowel(d)) {
            s[m++] = 'v';
            continue;
        }
        /* "aw", "ow" before a consonant are vowels (Lawler = Лоулер) */
        if (c == 'w' && i > 0 && is_vowel(w[i - 1]) && !is_vowel(d))
            continue;
        /* a silent "h" after a vowel ("Johnson" = Джонсон "Dzhonson") */
        if (c == 'h' && i > 0 && is_vowel(w[i - 1]) && !is_vowel(d))
            continue;
        /* English j = Cyrillic дж (BGN "dzh") = Arabic/Indic "j" */
        if (c == 'd' && d == 'z' && w[i + 2] == 'h') {
            s[m++] = 'i';
            i += 2;
            continue;
        }
        if (c == 'd' && d == 'j') { s[m++] = 'i'; i++; continue; }
        if (c == 's' && d == 'c' && w[i + 2] == 'h') {
            s[m++] = 's';
            i += 2;
            continue;
        }
        /* German tsch, English tch = Cyrillic ч "ch" (Dietsch / Дитч,
         * Fletcher / Флетчер) */
        if (c == 't' && ((d == 's' && w[i + 2] == 'c' && w[i + 3] == 'h') ||
                         (d == 'c' && w[i + 2] == 'h'))) {
            s[m++] = 'k';
            i += d == 's' ? 3 : 2;
            continue;
        }
        if (c == 't' && d == 'h') { s[m++] = 't'; i++; continue; }
        if (c == 'k' && d == 'h') { s[m++] = 'h'; i++; continue; }
        if (c == 'z' && d == 'h') { s[m++] = 's'; i++; continue; }
        if (c == 's' && d == 'h') { s[m++] = 's'; i++; continue; }
        if (c == 'c' && d == 'h') { s[m++] = 'k'; i++; continue; }
        if (c == 'p' && d == 'h') { s[m++] = 'v'; i++; continue; }
        /* a nasal before a labial is written m or n (Edinburgh /
         * Edimburgo, Cumbernauld): n */
        if (c == 'm' && (d == 'b' || d == 'p'))
            c = 'n';
        /* ts/tz = z = s (Пульц = Puls: z is voiced or not by language) */
        if (c == 't' && (d == 's' || d == 'z')) { s[m++] = 's'; i++; continue; }
        switch (c) {
        case 'w': case 'f': c = 'v'; break;
        case 'y': case 'j': c = 'i'; break;
        case 'g': c = 'h'; break;
        case 'q': case 'c': c = 'k'; break;
        case 'p': c = 'b'; break;
        /* d = t: Chinese transcription writes both with 德 de, 蒂 di, 顿
         * dun, 特 te (Timmons / 蒂蒙斯 "dimengsi") */
        case 'd': c = 't'; break;
        case 'z': c = 's'; break;
        case 'l': c = 'r'; break; /* ja/zh: one liquid */
        case 'x': s[m++] = 'k'; c = 's'; break;
        default: break;
        }
        s[m++] = c;
    }
    s[m] = '\0';
    out->len = 0;
    char prev = 0;
    /* vowels after the first letter are dropped even in short names:
     * translations disagree on them (Currie / Кёри, Massie / マシー) */
    for (size_t i = 0; i < m; i++) {
        char c = s[i];
        if (i > 0 && is_vowel(c))
            continue;
        /* an initial vowel is kept as one class: transliterations
         * disagree on which (Ostrova / 奥斯特罗娃 "Aositeluowa") */
        if (i == 0 && is_vowel(c))
            c = 'a';
        if (c == prev)
            continue;
        story_buf_putc(out, c);
        prev = c;
    }
    if (!out->data)
        story_buf_puts(out, "");
}

/* Japanese katakana writes English "wh" before a vowel as ホワ ("howa":
 * ホワイトハウス "howaitohausu" = Whitehouse) and "w" as ウィ ウェ ウォ:
 * in the romanised key of a ja name in kana, "how" before a vowel at a
 * word start or after a vowel is "w", and so is "u" + space + i/e/o
 * (in place). */
static void ja_wh_fold(char *k)
{
    size_t o = 0;
    for (size_t i = 0; k[i]; i++) {
        if (k[i] == 'h' && k[i + 1] == 'o' &&
            k[i + 2] == 'w' && is_vowel(k[i + 3]) &&
            (i == 0 || !isalpha((unsigned char)k[i - 1]) ||
             is_vowel(k[i - 1]))) {
            k[o++] = 'w';
            i += 2;
            continue;
        }
        /* ウィ ウェ ウォ: the name key writes the small vowel apart
         * ("ニューズウィーク" -> "nyzuu ik"): "u" + space + i/e/o is "w" */
        if (k[i] == 'u' && k[i + 1] == ' ' &&
            (k[i + 2] == 'i' || k[i + 2] == 'e' || k[i + 2] == 'o')) {
            k[o++] = 'w';
            i += 1;
            continue;
        }
        k[o++] = k[i];
    }
    k[o] = '\0';
}

/* Latin key of name text, via story_name_key; falls back to the folded
 * text when the names module is unavailable. */
static char *latin_key_1(fx *x, const char *s, size_t n);
/* The language's folds of the Latin key k (in place) of name text s (n
 * bytes) in language lang. */
static void key_fold(const char *lang, const char *s, size_t n, char *k)
{
    if (k && strcmp(lang, "ja") == 0 && n && (unsigned char)s[0] >= 0x80)
        ja_wh_fold(k);
    /* zh: the final "r" of the key of a name ending in 尔 "er" is the
     * transliteration of a final l (丹尼尔 Daniel, 罗森代尔 Rosendale):
     * kept as l, as ja ル is, so that the silent-r rule of skeleton()
     * leaves it (gazetteer keys such as 舒默 "schumer" keep their r) */
    size_t kl = k ? strlen(k) : 0;
    if (kl > 1 && strcmp(lang, "zh") == 0 && n >= 3 &&
        memcmp(s + n - 3, "\xe5\xb0\x94", 3) == 0 && k[kl - 1] == 'r')
        k[kl - 1] = 'l';
}

static char *latin_key(fx *x, const char *s, size_t n)
{
    char *k = latin_key_1(x, s, n);
    key_fold(x->lang, s, n, k);
    return k;
}

static char *latin_key_1(fx *x, const char *s, size_t n)
{
    char *k = NULL;
    ent_cache *c = ent_cache_of(x);
    story_buf *ck = &x->tmp;
    ck->len = 0;
    story_buf_puts(ck, x->lang);
    story_buf_putc(ck, '\x1f');
    story_buf_append(ck, s, strnlen(s, n));
    const char *hit = c && !ck->oom
                          ? story__strmap_get(&c->names, ck->data, ck->len,
                                              NULL)
                          : NULL;
    if (hit)
        return story__fx_strdup(x, hit);
    if (story_name_key(&k, x->ctx, s, n, x->lang, NULL) == 0 && k) {
        char *d = story__fx_strdup(x, k);
        /* bounded: a long-running context does not grow without limit */
        if (c && !ck->oom && story__strmap_size(&c->names) < 100000)
            story__strmap_put(&c->names, ck->data, ck->len, k, strlen(k));
        story_free(k);
        return d;
    }
    char *f = NULL;
    if (story_normalize_key(&f, NULL, s, n, NULL) == 0 && f) {
        char *d = story__fx_strdup(x, f);
        story_free(f);
        return d;
    }
    return story__fx_strdup(x, "");
}

/* Strip a possessive "'s" / "'" / "’s" from token text length. */
static size_t strip_possessive(const char *s, size_t n)
{
    if (n > 3 && s[n - 2] == '\'' && (s[n - 1] == 's' || s[n - 1] == 'S'))
        return n - 2;
    if (n > 5 && memcmp(s + n - 4, "\xe2\x80\x99", 3) == 0 &&
        (s[n - 1] == 's' || s[n - 1] == 'S'))
        return n - 4;
    if (n > 4 && memcmp(s + n - 3, "\xe2\x80\x99", 3) == 0)
        return n - 3;
    if (n > 2 && s[n - 1] == '\'')
        return n - 1;
    return n;
}

static int is_acronym(const char *s, size_t n)
{
    size_t letters = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'a' && c <= 'z')
            return 0;
        if (c >= 'A' && c <= 'Z')
            letters++;
        if (c >= 0x80) {
            /* Cyrillic/Greek capitals: check the folded key differs in
             * every letter would need ICU; accept 2-byte upper ranges */
            if (c == 0xD0 && i + 1 < n) {
                unsigned char d = (unsigned char)s[i + 1];
                if (d >= 0xB0) /* а-п lower */
                    return 0;
                letters++;
                i++;
                continue;
            }
            if (c == 0xD1)
                return 0; /* р-я and ѐ-џ lower */
        }
    }
    return letters >= 2;
}

static int vowel_cp(int32_t c)
{
    if (c < 0x80)
        return is_vowel((char)c) || c == 'y';
    return c == 0x430 || c == 0x435 || c == 0x451 || c == 0x438 ||
           c == 0x43E || c == 0x443 || c == 0x44B || c == 0x44D ||
           c == 0x44E || c == 0x44F || c == 0x456 || c == 0x457 ||
           c == 0x454 || c == 0xE9 || c == 0xED || c == 0xFD ||
           c == 0x11B;
}

/* The stem k (n bytes) ends in a vowel + r and the ending (el bytes) is
 * one vowel other than a/u: the word is an undeclined foreign name
 * ("Кёри" Currie, "Gartshore"), not "Купер" + a case ending; stripping
 * would expose an r that the skeleton reads as silent. */
static int vowel_r_stem(const char *k, size_t n, const char *end, size_t el)
{
    size_t q = 0;
    int32_t ec = story__utf8_next(end, el, &q);
    if (q != el || !vowel_cp(ec) || ec == 'a' || ec == 'u' ||
        ec == 0x430 || ec == 0x443)
        return 0;
    /* the last two code points of the stem: r, then a vowel */
    size_t p = n, b;
    do {
        if (p == 0)
            return 0;
        p--;
    } while (((unsigned char)k[p] & 0xC0) == 0x80);
    b = p;
    do {
        if (b == 0)
            return 0;
        b--;
    } while (((unsigned char)k[b] & 0xC0) == 0x80);
    size_t t = p;
    int32_t r = story__utf8_next(k, n, &t);
    t = b;
    int32_t v = story__utf8_next(k, p, &t);
    return (r == 'r' || r == 0x440) && vowel_cp(v);
}

/* Strip one listed case ending from a folded single-word key. */
static size_t strip_suffix(fx *x, const char *k, size_t n)
{
    json_t *suf = story_langpack_field(x->lp, "name_suffixes");
    size_t best = 0, idx;
    json_t *v;
    json_array_foreach(suf, idx, v) {
        const char *s = json_string_value(v);
        size_t sl = s ? strlen(s) : 0;
        if (sl && sl > best && n >= sl + 4 && memcmp(k + n - sl, s, sl) == 0)
            best = sl;
    }
    if (best && vowel_r_stem(k, n - best, k + n - best, best))
        return n;
    if (best)
        return n - best;
    /* Czech adds -ová (-ové, -ovou …) to a foreign woman's surname that
     * ends in a vowel (Awokoya -> Awokoyaová): pack list
     * "name_suffixes_after_vowel", removed only after a vowel, so that
     * Nováková and Kvitová keep theirs as English writes them */
    json_array_foreach(story_langpack_field(x->lp,
                                            "name_suffixes_after_vowel"),
                       idx, v) {
        const char *s = json_string_value(v);
        size_t sl = s ? strlen(s) : 0;
        if (sl && n > sl + 2 && memcmp(k + n - sl, s, sl) == 0 &&
            strchr("aeiouy", k[n - sl - 1]))
            return n - sl;
    }
    return n;
}

/* ---- world index: region names (ICU) and locales/entities.json -------
 *
 * Translations translate the names of countries, organisations and
 * holidays instead of transliterating them (Rwanda / Руанда / 卢旺达,
 * NATO / НАТО / 北约), so no skeleton could match them. Per language, once
 * per context: every ISO 3166 region and the continents with ICU's display
 * name in that language (uloc_getDisplayCountry, CLDR data) keyed to the
 * region's English display name (lower case, then "region_aliases" of
 * locales/entities.json: "united states" -> "usa"), and the forms of
 * locales/entities.json "entities" (concept -> kind + forms per language).
 * Forms are matched on folded words with an inflection ending removed from
 * each word (the pack's "name_suffixes", else entities.json "inflection":
 * "Руанде" and "Руанда" both -> "руанд"); in zh/ja on the tokens joined
 * without spaces. */

static const char *kind_static(const char *k)
{
    if (k && strcmp(k, "place") == 0)
        return "place";
    if (k && strcmp(k, "organisation") == 0)
        return "organisation";
    if (k && strcmp(k, "person") == 0)
        return "person";
    return "other";
}

/* Folded word w (n bytes) without its possessive, Devanagari vowel
 * signs (below) and its longest inflection ending
 * of `suffixes` (an array of two arrays: the pack's "name_suffixes" and
 * entities.json "inflection"; at least 3 code points stay, 4 before an
 * ending of more than one), appended to out. */
/* The class of Devanagari vowel sign cp ('a', 'i', 'u', 'r', 'e', 'o';
 * long and short alike; 'w' for the o-candra of English loans), 0 for
 * anything else. */
static char deva_vowel_class(unsigned cp)
{
    switch (cp) {
    case 0x93E: return 'a';
    case 0x949: return 'w';
    case 0x93F:
    case 0x940: return 'i';
    case 0x941:
    case 0x942: return 'u';
    case 0x943:
    case 0x944: return 'r';
    case 0x945:
    case 0x946:
    case 0x947:
    case 0x948: return 'e';
    case 0x94A:
    case 0x94B:
    case 0x94C: return 'o';
    default: return 0;
    }
}

/* Copy w (n bytes) into buf (cap bytes) without Devanagari vowel signs,
 * virama, anusvara, chandrabindu (all: spelled differently for one
 * foreign name, वॉशिंगटन / वाशिंगटन, एंजलस / एंजिल्स) and nukta, or
 * (all == 0) without the nukta only, or (all == 2) as with all == 1 but
 * each vowel sign written as its deva_vowel_class() letter (dict_trunk).
 * Returns the bytes written; *marks:
 * how many were removed. */
static size_t deva_fold(const char *w, size_t n, int all, char *buf,
                        size_t cap, size_t *marks)
{
    size_t m = 0;
    *marks = 0;
    for (size_t i = 0; i < n && m + 1 < cap; i++) {
        if (i + 2 < n && (unsigned char)w[i] == 0xE0) {
            unsigned char b1 = (unsigned char)w[i + 1],
                          b2 = (unsigned char)w[i + 2];
            unsigned cp = 0x900u + ((b1 - 0xA4u) << 6) + (b2 - 0x80u);
            int sign = cp <= 0x903 || (cp >= 0x93A && cp <= 0x94F) ||
                       (cp >= 0x951 && cp <= 0x957) || cp == 0x962 ||
                       cp == 0x963;
            /* a nasal with virama before a consonant is the anusvara
             * written out (रवान्डा = रवांडा, हिन्दी = हिंदी): dropped too */
            int half_nasal =
                (cp == 0x919 || cp == 0x91E || cp == 0x923 ||
                 cp == 0x928 || cp == 0x92E) &&
                i + 6 < n && (unsigned char)w[i + 3] == 0xE0 &&
                (unsigned char)w[i + 4] == 0xA5 &&
                (unsigned char)w[i + 5] == 0x8D;
            if (half_nasal) {
                /* (all == 0: written as the anusvara) */
                if (!all && m + 4 < cap) {
                    memcpy(buf + m, "\xe0\xa4\x82", 3);
                    m += 3;
                } else {
                    (*marks) += 2;
                }
                i += 5;
                continue;
            }
            /* all == 2: a vowel sign is written as its class */
            char vc = all == 2 ? deva_vowel_class(cp) : 0;
            if (vc) {
                buf[m++] = vc;
                i += 2;
                continue;
            }
            if ((b1 == 0xA4 || b1 == 0xA5) &&
                ((all && sign) || cp == 0x93C)) {
                (*marks)++;
                i += 2;
                continue;
            }
        }
        buf[m++] = w[i];
    }
    return m;
}

/* The vowel class of the first syllable of a Devanagari word (its
 * independent vowel, or the vowel sign after its first consonant cluster;
 * none or anusvara: the inherent a): 'a' (a aa o-candra), 'i', 'u', 'r'
 * (vocalic r), 'e' (e ai), 'o' (o au); 0 when w does not start with a
 * Devanagari letter. Spellings of one foreign name differ in vowel length
 * and the o/aa of English "o" (वॉशिंगटन / वाशिंगटन, कीव / कीएव), not in the
 * first vowel's quality: जुर्माना "fine" is no जर्मनी, लेनदेन no लंदन. */
static char deva_first_vowel(const char *w, size_t n)
{
    size_t i = 0;
    int cons = 0;
    while (i < n) {
        int32_t c = story__utf8_next(w, n, &i);
        if (c >= 0x904 && c <= 0x914 && !cons)
            return c == 0x907 || c == 0x908   ? 'i'
                   : c == 0x909 || c == 0x90A ? 'u'
                   : c == 0x90B || c == 0x90C ? 'r'
                   : c >= 0x90D && c <= 0x910 ? 'e'
                   : c >= 0x912 && c <= 0x914 ? 'o'
                                              : 'a';
        if ((c >= 0x915 && c <= 0x939) || (c >= 0x958 && c <= 0x95F)) {
            if (cons == 1)
                return 'a'; /* a consonant after a consonant: inherent a */
            cons = 1;
            continue;
        }
        if (!cons)
            return 0;
        if (c == 0x93C) /* nukta */
            continue;
        if (c == 0x94D) { /* virama: the cluster goes on */
            cons = 2;
            continue;
        }
        if (cons == 2 && !((c >= 0x915 && c <= 0x939) ||
                           (c >= 0x958 && c <= 0x95F)))
            return 'a';
        return c == 0x93F || c == 0x940   ? 'i'
               : c == 0x941 || c == 0x942 ? 'u'
               : c == 0x943 || c == 0x944 ? 'r'
               : c >= 0x946 && c <= 0x948 ? 'e'
               : c >= 0x94A && c <= 0x94C ? 'o'
                                          : 'a';
    }
    return cons ? 'a' : 0;
}

/* A word reduced for comparison with other spellings and inflections
 * (world forms, dictionary words): Devanagari marks folded (deva_fold),
 * the longest listed inflection ending removed. vclass: a word folded
 * without its Devanagari vowel signs is prefixed with the class of its
 * first vowel (deva_first_vowel), so that the fold only joins spellings
 * of one name (world forms). */
static void trunk_word_v(const ent_lang *suffixes, const char *w, size_t n,
                         story_buf *out, int vclass)
{
    char buf[256];
    size_t marks = 0;
    n = strip_possessive(w, n);
    size_t m = deva_fold(w, n, 1, buf, sizeof buf, &marks);
    /* ... when at least 4 letters stay (पर is no पेरू), else only the
     * nukta goes */
    size_t letters = 0;
    for (size_t k = 0; k < m; k++)
        letters += ((unsigned char)buf[k] & 0xC0) != 0x80;
    if (marks && letters < 4)
        m = deva_fold(w, n, 0, buf, sizeof buf, &marks);
    else if (marks && vclass) {
        char vc = deva_first_vowel(w, n);
        if (vc)
            story_buf_putc(out, vc);
    }
    size_t best = 0;
    if (suffixes && suffixes->nsuf && m) {
        size_t all = 0;
        for (size_t k = 0; k < m; k++)
            all += ((unsigned char)buf[k] & 0xC0) != 0x80;
        /* the longest listed ending that leaves enough code points; only
         * the endings of buf's last byte can match */
        unsigned char lb = (unsigned char)buf[m - 1];
        for (size_t k = suffixes->suf_at[lb]; k < suffixes->suf_at[lb + 1];
             k++) {
            const ent_suf *sf = &suffixes->suf[k];
            if (sf->len >= m ||
                memcmp(buf + m - sf->len, sf->s, sf->len) != 0)
                continue;
            if (all - sf->cps >= (sf->cps > 1 ? 4u : 3u)) {
                best = sf->len;
                break;
            }
        }
#ifndef NDEBUG
        /* the general path: every ending, longest first */
        size_t best2 = 0, lmax = (size_t)-1;
        for (;;) { /* the longest ending shorter than lmax that fits */
            size_t lnext = 0;
            for (size_t k = 0; k < suffixes->nsuf; k++) {
                const ent_suf *sf = &suffixes->suf[k];
                if (sf->len < lmax && sf->len > lnext)
                    lnext = sf->len;
            }
            if (!lnext)
                break;
            for (size_t k = 0; k < suffixes->nsuf && !best2; k++) {
                const ent_suf *sf = &suffixes->suf[k];
                if (sf->len == lnext && sf->len < m &&
                    memcmp(buf + m - sf->len, sf->s, sf->len) == 0 &&
                    all - sf->cps >= (sf->cps > 1 ? 4u : 3u))
                    best2 = sf->len;
            }
            if (best2)
                break;
            lmax = lnext;
        }
        FX_SAME(best, best2);
#endif
    }
    story_buf_append(out, buf, m - best);
}

static void trunk_word(const ent_lang *suffixes, const char *w, size_t n,
                       story_buf *out)
{
    trunk_word_v(suffixes, w, n, out, 0);
}

/* A word of the language's dictionary or lexicon (word_file_set()) as
 * compared with a text word: as trunk_word reduces it, but a Devanagari
 * word of 2 or more letters keeps the class of each vowel sign
 * (deva_vowel_class(): long and short alike), a final e as a (the
 * inflection of masculine nouns and adjectives: खुलासा, खुलासे), and a
 * final i as a after 4 or more letters (the feminine of adjectives,
 * participles and infinitives: बदलना, बदलनी; a shorter word keeps it:
 * करी "Curry" is no कर);
 * dropping every vowel sign made a foreign name a word whenever its
 * consonants spelt one (बोरेनिको "Borenico" = बेरौनक). */
static void dict_trunk(const ent_lang *suffixes, const char *w, size_t n,
                       story_buf *out)
{
    if (n >= 3 && (unsigned char)w[0] == 0xE0 &&
        ((unsigned char)w[1] == 0xA4 || (unsigned char)w[1] == 0xA5)) {
        char buf[256];
        size_t marks, letters = 0;
        size_t m = deva_fold(w, n, 2, buf, sizeof buf, &marks);
        for (size_t k = 0; k < m; k++)
            letters += ((unsigned char)buf[k] & 0xC0) == 0xC0;
        if (letters >= 2) {
            if (buf[m - 1] == 'e' || (buf[m - 1] == 'i' && letters >= 4))
                buf[m - 1] = 'a';
            story_buf_append(out, buf, m);
            return;
        }
    }
    trunk_word(suffixes, w, n, out);
}

static int world_sep(int32_t c)
{
    return c == ' ' || c == '-' || c == 0x2010 || c == 0x2011 ||
           c == 0x2013 || c == 0x2014 || c == 0xB7 || c == 0x30FB ||
           c == 0xFF0D;
}

/* Index key of a folded form: trunked words joined by one space (cjk:
 * concatenated). *nw: words. */
static void world_form_key(const ent_lang *suffixes, int cjk, const char *f,
                           story_buf *out, int *nw)
{
    size_t n = strlen(f), i = 0;
    out->len = 0;
    *nw = 0;
    while (i < n) {
        size_t ws = i, we = i;
        while (we < n) {
            size_t p = we;
            int32_t c = story__utf8_next(f, n, &p);
            if (world_sep(c))
                break;
            we = p;
        }
        if (we > ws) {
            if (out->len && !cjk)
                story_buf_putc(out, ' ');
            if (cjk)
                story_buf_append(out, f + ws, we - ws);
            else
                trunk_word_v(suffixes, f + ws, we - ws, out, 1);
            (*nw)++;
        }
        i = we;
        if (i < n)
            story__utf8_next(f, n, &i);
    }
    if (!out->data)
        story_buf_puts(out, "");
}

/* kind codes of world index values */
static const char *const world_kinds[] = {"place", "organisation",
                                          "person", "other"};

static void world_add(ent_lang *L, int cjk, const char *surface,
                      const char *concept, const char *kind)
{
    char *f = NULL;
    if (story_normalize_key(&f, NULL, surface, strlen(surface), NULL) || !f)
        return;
    story_buf k = {0};
    int nw = 0;
    world_form_key(L, cjk, f, &k, &nw);
    /* a form written in lower case (is "jól", "hæstiréttur", cs
     * "nejvyšší soud": these languages write holidays and bodies so) may
     * match text in lower case: flag '2', and its first word as folded in
     * lfirsts (world_match looks a lower-case token up there first) */
    int lower = !cjk && (unsigned char)surface[0] < 0x80
                    ? islower((unsigned char)surface[0]) != 0
                    : 0;
    if (!lower && !cjk && (unsigned char)surface[0] >= 0x80) {
        size_t p0 = 0;
        lower = u_islower(story__utf8_next(surface, strlen(surface), &p0));
    }
    if (lower && !k.oom && k.len) {
        size_t fl = 0;
        while (f[fl] && f[fl] != ' ' && f[fl] != '-')
            fl++;
        story__strmap_put(&L->lfirsts, f, fl, "", 0);
        const char *old = story__strmap_get(&L->forms, k.data, k.len, NULL);
        if (old && old[1] == '0') { /* "Jól" listed before "jól" */
            story_buf v = {0};
            story_buf_puts(&v, old);
            if (!v.oom) {
                v.data[1] = '2';
                story__strmap_put(&L->forms, k.data, k.len, v.data, v.len);
            }
            story_buf_free(&v);
        }
    }
    story_free(f);
    if (!k.oom && k.len && !story__strmap_get(&L->forms, k.data, k.len,
                                              NULL)) {
        int acr = is_acronym(surface, strlen(surface));
        story_buf v = {0};
        char code = '3';
        for (int q = 0; q < 3; q++)
            if (strcmp(kind, world_kinds[q]) == 0)
                code = (char)('0' + q);
        story_buf_putc(&v, code);
        story_buf_putc(&v, acr ? '1' : lower ? '2' : '0');
        story_buf_puts(&v, concept);
        if (!v.oom)
            story__strmap_put(&L->forms, k.data, k.len, v.data, v.len);
        story_buf_free(&v);
        /* first word (cased scripts) or first code point (zh, ja) */
        size_t fl = 0;
        if (cjk)
            story__utf8_next(k.data, k.len, &fl);
        else
            fl = strcspn(k.data, " ");
        if (fl < 256)
            story__strmap_put(&L->firsts, k.data, fl, "", 0);
        int w = cjk ? 8 : nw;
        if (w > L->maxw)
            L->maxw = w;
    }
    story_buf_free(&k);
}

/* UTF-8 display name of ICU region `code` in `lang` into out (0 when ICU
 * has no name for it: it echoes the code). */
static int region_name(const char *code, const char *lang, char *out,
                       size_t cap)
{
    char loc[16];
    UChar u[160];
    UErrorCode e = U_ZERO_ERROR;
    snprintf(loc, sizeof loc, "und_%s", code);
    int32_t n = uloc_getDisplayCountry(loc, lang, u, 160, &e);
    if (U_FAILURE(e) || e == U_USING_DEFAULT_WARNING || n <= 0)
        return 0;
    int32_t on = 0;
    e = U_ZERO_ERROR;
    u_strToUTF8(out, (int32_t)cap, &on, u, n, &e);
    if (U_FAILURE(e) || on <= 0 || (size_t)on >= cap)
        return 0;
    out[on] = '\0';
    if (strcmp(out, code) == 0 || strpbrk(out, "(,\xef"))
        return 0; /* no data, or "Hong Kong (SAR)", full-width "（" */
    return 1;
}

static json_t *world_entities_file(fx *x, json_t *cache);

/* The place concept of a nationality code of the packs' "nationalities"
 * (ISO 3166 alpha-3 "ITA", or a code of entities.json
 * "nationality_places": "EUR", "SCO") as the world index keys it: an
 * alpha-3 code through its alpha-2 region's English ICU display name in
 * lower case and entities.json "region_aliases" (GBR -> "uk"), another
 * code through that table. NULL when the code names no place
 * ("WESTERN"). Memoised per context; the string is owned by the cache. */
/* The name of a nationality code's place in x->lang (the name a text
 * of that language writes: de KEN "Kenia", AFRICA "Afrika"): ICU's
 * region name (alpha-3 through its alpha-2 code; entities.json
 * "nationality_places" regions "002", "150"), else the first form of
 * the concept in entities.json "entities"; NULL when none. Memoised per
 * context; owned by the cache. */
static const char *nationality_place_name(fx *x, const char *code,
                                          const char *concept)
{
    json_t *cache = story__fx_world_cache(x);
    if (!cache)
        return NULL;
    char k[64];
    snprintf(k, sizeof k, "\x1f" "natname:%s:%s", x->lang, code);
    json_t *hit = json_object_get(cache, k);
    if (!hit) {
        json_t *ef = world_entities_file(x, cache);
        const char *region = json_string_value(json_object_get(
            json_object_get(ef, "nationality_regions"), code));
        char out[256] = "";
        const char *const *iso = uloc_getISOCountries();
        for (size_t r = 0; !region && strlen(code) == 3 && iso && iso[r];
             r++) {
            char loc[16];
            snprintf(loc, sizeof loc, "und_%s", iso[r]);
            if (strcmp(uloc_getISO3Country(loc), code) == 0)
                region = iso[r];
        }
        if (!region || !region_name(region, x->lang, out, sizeof out)) {
            json_t *f = json_array_get(
                json_object_get(
                    json_object_get(json_object_get(ef, "entities"), concept),
                    x->lang),
                0);
            snprintf(out, sizeof out, "%s",
                     json_is_string(f) ? json_string_value(f) : "");
        }
        json_object_set_new(cache, k, json_string(out));
        hit = json_object_get(cache, k);
    }
    return hit && json_string_length(hit) ? json_string_value(hit) : NULL;
}

static const char *nationality_place(fx *x, const char *code)
{
    json_t *cache = story__fx_world_cache(x);
    if (!cache)
        return NULL;
    json_t *set = json_object_get(cache, "\x1f" "natplace");
    if (!set) {
        set = json_object();
        if (json_object_set_new(cache, "\x1f" "natplace", set))
            return NULL;
    }
    json_t *hit = json_object_get(set, code);
    if (!hit) {
        json_t *ef = world_entities_file(x, cache);
        const char *c = json_string_value(json_object_get(
            json_object_get(ef, "nationality_places"), code));
        char *norm = NULL;
        const char *const *iso = uloc_getISOCountries();
        for (size_t r = 0; !c && strlen(code) == 3 && iso && iso[r]; r++) {
            char loc[16], en[256];
            snprintf(loc, sizeof loc, "und_%s", iso[r]);
            if (strcmp(uloc_getISO3Country(loc), code) != 0)
                continue;
            if (!region_name(iso[r], "en", en, sizeof en) ||
                story_normalize_key(&norm, NULL, en, strlen(en), NULL) ||
                !norm)
                break;
            c = json_string_value(
                json_object_get(json_object_get(ef, "region_aliases"), norm));
            if (!c)
                c = norm;
        }
        json_object_set_new(set, code, json_string(c ? c : ""));
        story_free(norm);
        hit = json_object_get(set, code);
    }
    return hit && json_string_length(hit) ? json_string_value(hit) : NULL;
}

static json_t *world_entities_file(fx *x, json_t *cache)
{
    json_t *ef = json_object_get(cache, "\x1f" "file");
    if (!ef) {
        char path[4096];
        snprintf(path, sizeof path, "%s/entities.json",
                 x->ctx->locales_dir ? x->ctx->locales_dir : ".");
        ef = json_load_file(path, 0, NULL);
        if (!json_is_object(ef)) {
            json_decref(ef);
            ef = json_object();
        }
        json_object_set_new(cache, "\x1f" "file", ef);
    }
    return ef;
}

static ent_lang *world_suffixes(fx *x);

/* The index of x->lang (L->forms: form key -> kind code, acronym flag,
 * concept; L->firsts: first words; L->maxw: most words). */
static ent_lang *world_index(fx *x)
{
    ent_lang *L = world_suffixes(x);
    if (!L || L->world_done)
        return L;
    L->world_done = 1;
    json_t *cache = story__fx_world_cache(x);
    if (!cache)
        return NULL;
    json_t *ef = world_entities_file(x, cache);
    json_t *aliases = json_object_get(ef, "region_aliases");
    /* entities.json first: its concepts win over region names; then its
     * "subdivisions" (ISO 3166-2 names of iso-codes, see
     * locales/tools/subdivisions.py) */
    static const char *const blocks[] = {"entities", "subdivisions"};
    const char *concept;
    json_t *ent;
    for (int bl = 0; bl < 2; bl++)
    json_object_foreach(json_object_get(ef, blocks[bl]), concept, ent) {
        const char *kind = kind_static(
            json_string_value(json_object_get(ent, "kind")));
        size_t idx;
        json_t *v;
        json_array_foreach(json_object_get(ent, x->lang), idx, v)
            if (json_is_string(v))
                world_add(L, x->cjk, json_string_value(v), concept, kind);
    }
    /* English names kept as written in translations ("National Health
     * Service" in a German text): the English forms too, after the
     * language's own */
    for (int bl = 0; bl < 2; bl++)
    json_object_foreach(json_object_get(ef, blocks[bl]), concept, ent) {
        const char *kind = kind_static(
            json_string_value(json_object_get(ent, "kind")));
        size_t idx;
        json_t *v;
        json_array_foreach(json_object_get(ent, "en"), idx, v)
            if (json_is_string(v) && strcmp(x->lang, "en") != 0)
                world_add(L, x->cjk, json_string_value(v), concept, kind);
    }
    /* ICU: ISO 3166 regions, then continents and large regions */
    static const char *const macro[] = {"002", "009", "019", "142", "150",
                                        "003", "005", "419", "EU", "UN"};
    const char *const *iso = uloc_getISOCountries();
    size_t niso = 0;
    while (iso && iso[niso])
        niso++;
    for (size_t r = 0; r < niso + sizeof macro / sizeof macro[0]; r++) {
        const char *code = r < niso ? iso[r] : macro[r - niso];
        char en[256], local[256];
        if (!region_name(code, "en", en, sizeof en) ||
            !region_name(code, x->lang, local, sizeof local))
            continue;
        char *c = NULL;
        if (story_normalize_key(&c, NULL, en, strlen(en), NULL) || !c)
            continue;
        const char *al = json_string_value(json_object_get(aliases, c));
        world_add(L, x->cjk, local, al ? al : c, "place");
        story_free(c);
    }
    return L;
}

/* 1 when tokens k and k+1 are joined only by spaces, hyphens or a middle
 * dot (parts of one multi-word form). */
static int world_gap(const fx *x, size_t k)
{
    const story_article *a = x->a;
    size_t p = a->tokens[k].end, q = a->tokens[k + 1].start;
    if (q < p || a->tokens[k].sentence != a->tokens[k + 1].sentence)
        return 0;
    while (p < q) {
        int32_t c = story__utf8_next(a->text, q, &p);
        if (!world_sep(c) && c != 0x3000)
            return 0;
    }
    return 1;
}

/* By last byte, then longest first (endings of one length never both
 * match one word, unless equal: their order does not matter). */
static int suf_longer(const void *a, const void *b)
{
    const ent_suf *x = a, *y = b;
    unsigned char ex = (unsigned char)x->s[x->len - 1],
                  ey = (unsigned char)y->s[y->len - 1];
    if (ex != ey)
        return ex < ey ? -1 : 1;
    return x->len < y->len ? 1 : x->len > y->len ? -1 : 0;
}

/* The state of x->lang with its inflection endings (see trunk_word): the
 * pack's "name_suffixes" and entities.json "inflection", longest first;
 * NULL when out of memory. */
static ent_lang *world_suffixes(fx *x)
{
    ent_lang *L = ent_lang_of(x);
    if (!L || L->suf_done)
        return L;
    L->suf_done = 1;
    json_t *cache = story__fx_world_cache(x);
    json_t *lists[2] = {
        story_langpack_field(x->lp, "name_suffixes"),
        cache ? json_object_get(json_object_get(world_entities_file(x, cache),
                                                "inflection"),
                                x->lang)
              : NULL};
    size_t cap = json_array_size(lists[0]) + json_array_size(lists[1]);
    L->suf = cap ? story__calloc(cap, sizeof *L->suf) : NULL;
    if (!L->suf)
        return L;
    for (int li = 0; li < 2; li++) {
        size_t idx;
        json_t *v;
        json_array_foreach(lists[li], idx, v) {
            const char *sv = json_string_value(v);
            size_t sl = sv ? strlen(sv) : 0;
            if (!sl)
                continue;
            ent_suf *sf = &L->suf[L->nsuf];
            sf->s = strdup(sv);
            if (!sf->s)
                continue;
            sf->len = sl;
            sf->cps = 0;
            for (size_t k = 0; k < sl; k++)
                sf->cps += ((unsigned char)sv[k] & 0xC0) != 0x80;
            L->nsuf++;
        }
    }
    qsort(L->suf, L->nsuf, sizeof *L->suf, suf_longer);
    for (size_t k = 0, b = 0; b <= 256; b++) {
        while (k < L->nsuf && (unsigned char)L->suf[k].s[L->suf[k].len - 1] < b)
            k++;
        L->suf_at[b] = k;
    }
    return L;
}

/* A world form starting at token i (before e): its concept, *n tokens,
 * *kind; NULL if none. In cased scripts an acronym form needs an acronym
 * in the text ("WHO", not "Who"). */
static int is_stopish(fx *x, size_t i, size_t e);

static const char *world_match(fx *x, size_t i, size_t e, size_t *n,
                               const char **kind)
{
    /* cased scripts: a form starts with a capital (checked cheaply
     * before any lookup) */
    const story_token *t0 = &x->a->tokens[i];
    int lower0 = !x->cjk && (t0->flags & STORY_TOKEN_LETTER) &&
                 !(t0->flags & STORY_TOKEN_CAPITAL) &&
                 (unsigned char)t0->key[0] < 0xD8;
    ent_lang *ix = world_index(x);
    if (!ix)
        return NULL;
    /* ... or is the first word of a form written in lower case */
    if (lower0 && (!ix->lfirsts.t ||
                   !story__strmap_get(&ix->lfirsts, t0->key, strlen(t0->key),
                                      NULL)))
        return NULL;
    const ent_lang *suffixes = ix;
    int maxw = ix->maxw;
    const story_article *a = x->a;
    story_buf *b = &x->tmp;
    b->len = 0;
    if (x->cjk) {
        size_t fl = 0;
        story__utf8_next(a->tokens[i].key, strlen(a->tokens[i].key), &fl);
        story_buf_append(b, a->tokens[i].key, fl);
    } else {
        trunk_word_v(suffixes, a->tokens[i].key, strlen(a->tokens[i].key), b,
                     1);
    }
    if (b->oom || !story__strmap_get(&ix->firsts, b->data ? b->data : "",
                                     b->len, NULL))
        return NULL;
    size_t w = 1;
    while (w < (size_t)maxw && i + w < e && world_gap(x, i + w - 1))
        w++;
    for (; w >= 1; w--) {
        b->len = 0;
        for (size_t k = i; k < i + w; k++) {
            const char *tk = a->tokens[k].key;
            if (x->cjk) {
                story_buf_puts(b, tk);
                continue;
            }
            if (k > i)
                story_buf_putc(b, ' ');
            trunk_word_v(suffixes, tk, strlen(tk), b, 1);
        }
        if (b->oom)
            return NULL;
        const char *v = story__strmap_get(&ix->forms, b->data ? b->data : "",
                                          b->len, NULL);
        if (!v)
            continue;
        /* English writes every word of a name capitalised: "New year,
         * same …" is no New Year (other languages write "Nový rok") */
        int lower = 0;
        for (size_t k = i + 1; k < i + w && strcmp(x->lang, "en") == 0; k++)
            if ((a->tokens[k].flags & STORY_TOKEN_LETTER) &&
                !(a->tokens[k].flags & STORY_TOKEN_CAPITAL) &&
                !is_stopish(x, k, i + w))
                lower = 1;
        if (lower || (lower0 && v[1] != '2'))
            continue;
        if (v[1] == '1' && !x->cjk &&
            !is_acronym(a->text + a->tokens[i].start,
                        strip_possessive(a->text + a->tokens[i].start,
                                         a->tokens[i].end -
                                             a->tokens[i].start)))
            continue;
        *n = w;
        *kind = world_kinds[v[0] - '0'];
        return v + 2;
    }
    return NULL;
}


/* A world match c of n tokens at i, or NULL (*kind too) when it is one
 * function word that is no acronym ("Wie" is no inflected "Wien"). */
static const char *world_stop(fx *x, const char *c, size_t i, size_t e,
                              size_t n, const char **kind)
{
    const story_token *t = &x->a->tokens[i];
    if (c && n == 1 && is_stopish(x, i, e) &&
        !is_acronym(x->a->text + t->start, t->end - t->start)) {
        *kind = NULL;
        return NULL;
    }
    /* ... or one short word (up to 4 letters: a longer one may be a
     * form written in lower case, is "dómsmálaráðuneytið") at a sentence
     * start that the article writes in lower case elsewhere (de "Wie …" /
     * "wie": the trunk of "Wien") */
    size_t cps = 0;
    for (const char *p = t->key; *p; p++)
        cps += ((unsigned char)*p & 0xC0) != 0x80;
    if (c && n == 1 && !x->cjk && cps <= 4 && x->sent_tok[t->sentence] == i &&
        x->lower_seen && json_object_get(x->lower_seen, t->key) &&
        !is_acronym(x->a->text + t->start, t->end - t->start)) {
        *kind = NULL;
        return NULL;
    }
    return c;
}

/* zh/ja: token j (right after an organisation) is a role of a member
 * ("member_of_parliament") touching it: "国会议员" (a member of congress) is
 * the role, which English writes without the body ("lawmakers", "MPs"). */
static int member_compound(fx *x, size_t j, size_t e)
{
    size_t m = 0;
    const char *r;
    return x->cjk && j > 0 && j < e &&
           x->a->tokens[j].start == x->a->tokens[j - 1].end &&
           (r = story__fx_match(x, "roles", j, e, &m)) != NULL &&
           strcmp(r, "member_of_parliament") == 0;
}

/* A nationality word at tokens i..j-1 modifies a word: j is a word of
 * the same sentence joined to it by spaces only ("Spanish wine",
 * "U.S.-led", "американский суд", zh "英国政府"), or, written in lower
 * case, it follows its noun ("funcionarios españoles"). Alone, before
 * punctuation or before a function word it is mostly the language or
 * the people ("in English", "Spanish and English", "the French,"),
 * which translations write without the country. */
static const char *nationality_inflected(fx *x, size_t i);

/* Words a and b (folded keys) of >= 5 code points each end in the same
 * two code points (adjectives in one case: "чешские" / "бельгийские"). */
static int same_ending(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b), ca = 0, cb = 0;
    for (size_t q = 0; q < la; q++)
        ca += ((unsigned char)a[q] & 0xC0) != 0x80;
    for (size_t q = 0; q < lb; q++)
        cb += ((unsigned char)b[q] & 0xC0) != 0x80;
    if (ca < 5 || cb < 5)
        return 0;
    size_t pa = la, pb = lb;
    for (int c = 0; c < 2; c++) {
        do
            pa--;
        while (pa > 0 && ((unsigned char)a[pa] & 0xC0) == 0x80);
        do
            pb--;
        while (pb > 0 && ((unsigned char)b[pb] & 0xC0) == 0x80);
    }
    return la - pa == lb - pb && memcmp(a + pa, b + pb, la - pa) == 0;
}

static int nationality_modifies(fx *x, size_t i, size_t j, size_t e)
{
    const story_article *a = x->a;
    if (j < e && (a->tokens[j].flags & STORY_TOKEN_LETTER) &&
        story__fx_adjacent(x, j - 1, 1) && !is_stopish(x, j, e))
        return 1;
    /* coordinated with a nationality word, or an adjective in the same
     * case (the same last two letters, both of 5 or more), that modifies
     * a word: "the Czech and Belgian ministers", "чешские и бельгийские
     * министры", uk "і чеські, і бельгійські міністри" (one or two
     * function words or commas between) */
    size_t k = j, rn = 0;
    while (k < e && k < j + 2 &&
           (is_stopish(x, k, e) ||
            (a->tokens[k].end == a->tokens[k].start + 1 &&
             a->text[a->tokens[k].start] == ',')))
        k++;
    if (k > j && k + 1 < e && (a->tokens[k].flags & STORY_TOKEN_LETTER) &&
        !is_stopish(x, k, e) &&
        (story__fx_match(x, "nationalities", k, e, &rn) ||
         (rn = 1, nationality_inflected(x, k) != NULL) ||
         (j == i + 1 && same_ending(a->tokens[i].key, a->tokens[k].key))) &&
        nationality_modifies(x, k, k + rn, e))
        return 1;
    /* a lower-case adjective after its noun ("funcionarios españoles") */
    return i > x->sent_tok[a->tokens[i].sentence] &&
           (a->tokens[i].flags & STORY_TOKEN_LETTER) &&
           !(a->tokens[i].flags & STORY_TOKEN_CAPITAL) &&
           (a->tokens[i - 1].flags & STORY_TOKEN_LETTER) &&
           story__fx_adjacent(x, i - 1, 0) && !is_stopish(x, i - 1, e);
}

/* Bytes of k without its longest ending of the list ends (none: all). */
static size_t adjective_trunk_json(json_t *ends, const char *k, size_t kn)
{
    size_t best = 0, idx;
    json_t *v;
    json_array_foreach(ends, idx, v) {
        const char *es = json_string_value(v);
        size_t el = es ? strlen(es) : 0;
        if (el > best && kn > el && strcmp(k + kn - el, es) == 0)
            best = el;
    }
    return kn - best;
}

/* adjective_trunk_json with the endings read once into x->lang's state
 * (nationality_inflected asks for every token): the same result. */
static size_t adjective_trunk(fx *x, json_t *ends, const char *k, size_t kn)
{
    ent_lang *L = ent_lang_of(x);
    if (!L || json_array_size(ends) > sizeof L->adj / sizeof L->adj[0])
        return adjective_trunk_json(ends, k, kn);
    if (L->adj_of != ends) {
        size_t idx;
        json_t *v;
        L->nadj = 0;
        json_array_foreach(ends, idx, v) {
            const char *es = json_string_value(v);
            if (!es || !*es)
                continue;
            L->adj[L->nadj] = es;
            L->adj_len[L->nadj++] = strlen(es);
        }
        L->adj_of = ends;
    }
    size_t best = 0;
    for (size_t j = 0; j < L->nadj; j++) {
        size_t el = L->adj_len[j];
        if (el > best && kn > el && memcmp(k + kn - el, L->adj[j], el) == 0)
            best = el;
    }
    FX_SAME(kn - best, adjective_trunk_json(ends, k, kn));
    return kn - best;
}

static json_t *world_cache_set(fx *x, const char *name, int *fill);

/* The nationality code of token i in another case form of a listed
 * word: in a language with entities.json "adjective_forms", the token
 * without its adjective ending equals a listed word without its ending
 * (ru "испанскими" = "испанский", de "schottisches" = "schottische"; cs
 * "španělštinou", the language, is no "španělský"; de "Ukraine" no
 * "ukrainische"). NULL otherwise. The listed words' trunks are indexed
 * once per context and language. */
static const char *nationality_inflected(fx *x, size_t i)
{
    const char *k = x->a->tokens[i].key;
    if (!(x->nat_state & 1)) { /* the same for every token: once */
        x->nat_ends = json_object_get(
            json_object_get(world_entities_file(x, story__fx_world_cache(x)),
                            "adjective_forms"),
            x->lang);
        x->nat_state |= 1;
    }
    json_t *ends = x->nat_ends;
    if (!ends || !(x->a->tokens[i].flags & STORY_TOKEN_LETTER))
        return NULL;
    size_t kn = strlen(k), tn = adjective_trunk(x, ends, k, kn);
    if (tn == kn || tn < 3)
        return NULL;
    if (x->nat_state & 2) {
        if (!x->nat_set || tn >= 120)
            return NULL;
        char t[128];
        memcpy(t, k, tn);
        t[tn] = '\0';
        return json_string_value(json_object_get(x->nat_set, t));
    }
    /* the listed words' trunks -> code, once per context and language */
    char name[32];
    snprintf(name, sizeof name, "\x1f" "nattrunk:%s", x->lang);
    int fill;
    json_t *set = world_cache_set(x, name, &fill);
    x->nat_set = set;
    x->nat_state |= 2;
    if (fill) {
        const char *w;
        json_t *v;
        json_object_foreach(story_langpack_field(x->lp, "nationalities"), w,
                            v) {
            size_t wt = adjective_trunk(x, ends, w, strlen(w));
            if (!json_is_string(v) || wt < 3 || wt >= 120)
                continue;
            char t[128];
            memcpy(t, w, wt);
            t[wt] = '\0';
            if (!json_object_get(set, t))
                json_object_set(set, t, v);
        }
        if (!json_object_size(set))
            set = NULL;
    }
    if (!set || tn >= 120)
        return NULL;
    char t[128];
    memcpy(t, k, tn);
    t[tn] = '\0';
    return json_string_value(json_object_get(set, t));
}

/* Token j names a language: a word of the pack's "language_nouns"
 * ("language", "Sprache", "язык" …; zh/ja the suffix 语/語 of a language
 * name, touching the word before it). */
static int language_noun(fx *x, size_t j, size_t e)
{
    const story_article *a = x->a;
    if (j >= e || j == 0 ||
        !story_langpack_has(x->lp, "language_nouns", a->tokens[j].key))
        return 0;
    return !x->cjk || a->tokens[j].start == a->tokens[j - 1].end;
}

/* The nationality word at i (rn tokens) names a language, not its
 * country's people or things: a language noun follows ("на испанском
 * языке", "Spanish language"), or a conjunction and a second nationality
 * word that ends the clause or precedes a language noun ("смесью
 * испанского и немецкого.", "іспанську та німецьку мови"). */
static int nationality_language(fx *x, size_t i, size_t rn, size_t e)
{
    const story_article *a = x->a;
    size_t j = i + rn, m = 0;
    if (language_noun(x, j, e))
        return 1;
    if (j + 1 >= e || !is_stopish(x, j, e) ||
        !(a->tokens[j].flags & STORY_TOKEN_LETTER))
        return 0;
    if (!story__fx_match(x, "nationalities", j + 1, e, &m)) {
        /* or an adjective in the same case: the same last 4 bytes
         * ("испанского и немецкого"), a word of >= 6 bytes */
        const char *k1 = a->tokens[j - 1].key, *k2 = a->tokens[j + 1].key;
        size_t l1 = strlen(k1), l2 = strlen(k2);
        if (!nationality_inflected(x, j + 1) &&
            !(l1 >= 6 && l2 >= 6 && memcmp(k1 + l1 - 4, k2 + l2 - 4, 4) == 0 &&
              (a->tokens[j + 1].flags & STORY_TOKEN_LETTER)))
            return 0;
        m = 1;
    }
    size_t k = j + 1 + m;
    return k >= e || !(a->tokens[k].flags & STORY_TOKEN_LETTER) ||
           story__fx_clause_break_before(x, k) || language_noun(x, k, e);
}

static int role_like(fx *x, size_t i, size_t e, size_t *n)
{
    return story__fx_match(x, "roles", i, e, n) ||
           story__fx_match(x, "titles", i, e, n) ||
           story__fx_match(x, "nationalities", i, e, n);
}

static fx_ent *ent_at(fx *x, long i) { return &((fx_ent *)x->ents.data)[i]; }

/* Whether the first n bytes of key k name an entity found earlier: its
 * skeleton equals an earlier entity's surname or whole skeleton ("Mike
 * Johnson" … "Johnson"). Out of memory counts as "earlier" (no new name). */
static int names_earlier(fx *x, const char *k, size_t n)
{
    char *lk = latin_key(x, k, n);
    if (!lk)
        return 1;
    story_buf sk = {0};
    skeleton(lk, &sk);
    free(lk);
    int earlier = 0;
    for (size_t q = 0; q < x->ents.len && sk.data && !earlier; q++) {
        fx_ent *en = ent_at(x, (long)q);
        earlier = (en->last && strcmp(en->last, sk.data) == 0) ||
                  strcmp(en->skel, sk.data) == 0;
    }
    story_buf_free(&sk);
    return earlier;
}

/* A genitive "-s" on a name whose bare form the article also writes
 * capitalised mid-sentence (is "Mikes Johnsons" … "Johnson", de "Rishi
 * Sunaks Gesetz" … "Sunak"): the length without the s, else tn. Cased
 * scripts, persons and unclassified names only. */
static size_t bare_genitive(fx *x, const char *kind, const char *tk,
                            size_t tn)
{
    if (x->cjk || tn < 5 || tn >= 128 || tk[tn - 1] != 's' ||
        tk[tn - 2] == 's' || strcmp(kind, "place") == 0 ||
        strcmp(kind, "organisation") == 0)
        return tn;
    char kk[128];
    snprintf(kk, sizeof kk, "%.*s", (int)(tn - 1), tk);
    return json_object_get(x->capital_inside, kk) ? tn - 1 : tn;
}

/* 1 when a middle word of `name` (three or more words; words start after
 * a space, a middle dot U+00B7 or a katakana middle dot U+30FB: "Ignacio
 * Sánchez Recarte", "イグナチオ・サンチェス・リカルテ") has the Latin
 * consonant skeleton `skel`. At most 8 words are read. */
static int middle_word_is(fx *x, const char *name, const char *skel)
{
    const char *w[8];
    size_t wl[8], nw = 0;
    const char *p = name, *st = p;
    for (;; p++) {
        int sep = *p == ' ' || *p == '\0';
        size_t sepl = 1;
        if (!sep && strncmp(p, "\xc2\xb7", 2) == 0) {
            sep = 1;
            sepl = 2;
        } else if (!sep && strncmp(p, "\xe3\x83\xbb", 3) == 0) {
            sep = 1;
            sepl = 3;
        }
        if (sep) {
            if (p > st && nw < 8) {
                w[nw] = st;
                wl[nw++] = (size_t)(p - st);
            }
            if (!*p)
                break;
            st = p + sepl;
            p += sepl - 1;
        }
    }
    /* "Donald Trump Jr": a generational suffix (entities.json
     * "generational_suffixes") is no second surname, so Trump is no
     * middle word (session 20, fresh-user 20 H1) */
    if (nw >= 3) {
        char last[32];
        size_t ll = wl[nw - 1];
        if (ll && w[nw - 1][ll - 1] == '.')
            ll--;
        if (ll < sizeof last) {
            for (size_t k = 0; k < ll; k++)
                last[k] = (char)tolower((unsigned char)w[nw - 1][k]);
            last[ll] = '\0';
            json_t *gen = json_object_get(
                world_entities_file(x, story__fx_world_cache(x)),
                "generational_suffixes");
            size_t gi;
            json_t *gv;
            json_array_foreach(gen, gi, gv) {
                if (json_is_string(gv) &&
                    strcmp(json_string_value(gv), last) == 0) {
                    nw--;
                    break;
                }
            }
        }
    }
    for (size_t m = 1; m + 1 < nw; m++) {
        char *lk = latin_key(x, w[m], wl[m]);
        if (!lk)
            continue;
        story_buf sk = {0};
        skeleton(lk, &sk);
        free(lk);
        int same = sk.data && strcmp(sk.data, skel) == 0;
        story_buf_free(&sk);
        if (same)
            return 1;
    }
    return 0;
}

/* 1 when a word of name `name` and the first word of mention m (n
 * bytes) begin alike: a common prefix of 4 or more bytes that is at least
 * half of the shorter word (Україна / України, Putin / Putins), or one
 * byte apart in words of about one length; ASCII letters compared
 * without case. */
static int name_words_alike(const char *name, const char *m0, size_t n0)
{
    /* every word of the mention in turn */
    for (size_t o = 0; o < n0;) {
    const char *m = m0 + o;
    size_t n = n0 - o;
    size_t ml = 0;
    while (ml < n && m[ml] != ' ')
        ml++;
    o += ml + 1;
    for (const char *w = name; w && *w;) {
        size_t wl = strcspn(w, " ");
        size_t k = 0;
        while (k < wl && k < ml &&
               tolower((unsigned char)w[k]) == tolower((unsigned char)m[k]))
            k++;
        size_t sh = wl < ml ? wl : ml;
        if (k == sh ? sh >= 2 : (k >= 4 && 2 * k >= sh))
            return 1;
        /* one letter spelt another way (Sydney / Sidney) */
        size_t same = 0;
        for (size_t q = 0; q < sh; q++)
            same += tolower((unsigned char)w[q]) ==
                    tolower((unsigned char)m[q]);
        if (k >= 1 && sh >= 4 && (wl > ml ? wl - ml : ml - wl) <= 1 &&
            same + 1 >= sh)
            return 1;
        w = w[wl] ? w + wl + 1 : NULL;
    }
    }
    return 0;
}

/* Find or create the canonical entity for a mention (m, n bytes: the
 * mention as written). */
static long resolve(fx *x, const char *skel_all, const char *skel_last,
                    int nwords, const char *kind, const char *m, size_t n,
                    const char *concept)
{
    int named_place = strcmp(kind, "organisation") == 0 ||
                      strcmp(kind, "place") == 0;
    for (size_t i = x->ents.len; i-- > 0;) {
        fx_ent *e = ent_at(x, (long)i);
        /* a place or organisation is not a person of the same skeleton
         * (Berlin after Olaf Brenner), nor the reverse */
        if ((named_place && strcmp(e->kind, "person") == 0) ||
            (strcmp(kind, "person") == 0 &&
             (strcmp(e->kind, "place") == 0 ||
              strcmp(e->kind, "organisation") == 0)))
            continue;
        /* nor an unclassified name of that skeleton written with other
         * words (session 20, fresh-user 20 H1: Spain … Sabino, India …
         * Manchester United, China … EverGrow Coin were one entity) */
        /* nor two concepts of the world index or packs ("usa" and
         * "us_house": both skeleton "as") */
        if (concept && e->concept && strcmp(concept, e->concept) != 0)
            continue;
        /* in a cased script, nor a name written with other words than
         * the entity's (Biden … Vladimir Putin, Moscow … Massachusetts):
         * unless both are one concept or one is an acronym */
        if (e->name && !(concept && e->concept) && !x->cjk &&
            !is_acronym(m, n) && !is_acronym(e->name, strlen(e->name)) &&
            !name_words_alike(e->name, m, n))
            continue;
        if (strcmp(e->skel, strcmp(kind, "organisation") == 0 ||
                                strcmp(kind, "place") == 0 || nwords == 1
                            ? skel_all
                            : skel_last) == 0)
            return (long)i;
        /* a surname alone: the earlier person (not a place or
         * organisation ending in a place: "Defense Council of Ukraine"
         * is not "Ukraine") */
        if (nwords == 1 && e->last && strcmp(e->last, skel_all) == 0 &&
            strlen(skel_all) >= 3 && strcmp(e->kind, "place") != 0 &&
            strcmp(e->kind, "organisation") != 0 &&
            strcmp(kind, "place") != 0 && strcmp(kind, "organisation") != 0)
            return (long)i;
    }
    /* a genitive "-s" ("Putins", "Habecks"): the bare form of an earlier
     * entity */
    size_t sl = strlen(skel_all);
    if (nwords == 1 && sl >= 4 && skel_all[sl - 1] == 's')
        for (size_t i = x->ents.len; i-- > 0;) {
            fx_ent *e = ent_at(x, (long)i);
            int e_place = strcmp(e->kind, "organisation") == 0 ||
                          strcmp(e->kind, "place") == 0;
            if (named_place != e_place && e->name &&
                !name_words_alike(e->name, m, n))
                continue;
            if ((strlen(e->skel) == sl - 1 &&
                 strncmp(e->skel, skel_all, sl - 1) == 0) ||
                (e->last && strlen(e->last) == sl - 1 &&
                 strncmp(e->last, skel_all, sl - 1) == 0))
                return (long)i;
        }
    /* a one-word mention of a middle word of an earlier name of three or
     * more words: the first of two surnames ("Ignacio Sánchez Recarte"
     * … "Sánchez said"; ja "イグナチオ・サンチェス・リカルテ" … "サンチェス氏") */
    if (nwords == 1 && sl >= 3 && strcmp(kind, "place") != 0 &&
        strcmp(kind, "organisation") != 0)
        for (size_t i = x->ents.len; i-- > 0;) {
            fx_ent *e = ent_at(x, (long)i);
            if (strcmp(e->kind, "place") == 0 ||
                strcmp(e->kind, "organisation") == 0 || !e->name)
                continue;
            if (middle_word_is(x, e->name, skel_all))
                return (long)i;
        }
    return -1;
}

static int cap(fx *x, size_t i);

/* The organisation after "<role> of [the]" at token q: a run of
 * capitalised tokens (name connectors inside, possessives dropped),
 * written to out as "<role>\t<text>". */
static void role_of_text(fx *x, size_t q, size_t e, const char *role,
                         story_buf *out)
{
    const story_article *a = x->a;
    size_t end = q;
    while (end < e && cap(x, end)) {
        if (end + 2 < e && story__fx_adjacent(x, end, 0) &&
            story_langpack_has(x->lp, "name_connectors",
                               a->tokens[end + 1].key) &&
            cap(x, end + 2)) {
            end += 2;
            continue;
        }
        end++;
        if (end < e && !story__fx_adjacent(x, end - 1, 0))
            break;
    }
    if (end == q)
        return;
    out->len = 0;
    story_buf_puts(out, role);
    story_buf_putc(out, '\t');
    for (size_t k = q; k < end; k++) {
        const story_token *t = &a->tokens[k];
        if (k > q)
            story_buf_putc(out, ' ');
        story_buf_append(out, a->text + t->start,
                         strip_possessive(a->text + t->start,
                                          t->end - t->start));
    }
}

static int katakana(fx *x, size_t i);
static int bar_joined(const fx *x, size_t k);

/* ---- generic name words ----------------------------------------------
 * The common-noun head or modifier of a name that translations translate
 * while keeping its proper part ("Tacoma International Airport" /
 * "Международный аэропорт Такома", "Alaska Airlines" / "アラスカ航空"):
 * entities.json "generic_name_words" per language ("*": English words,
 * checked in every language, for names kept as written; "x*" matches any
 * word starting with x, for inflected forms). The key of a name is made
 * from its other words; a name of generic words only is no entity. A
 * non-Latin word whose consonant skeleton equals that of an English
 * generic word of 4 or more consonants is generic too (a transliterated
 * "Эйрлайнс" = Airlines). */
static int generic_in(json_t *list, const char *w, size_t n)
{
    size_t idx;
    json_t *v;
    json_array_foreach(list, idx, v) {
        const char *g = json_string_value(v);
        size_t gl = g ? strlen(g) : 0;
        if (!gl)
            continue;
        if (g[gl - 1] == '*') {
            if (gl - 1 >= 3 && n >= gl - 1 && memcmp(w, g, gl - 1) == 0)
                return 1;
        } else if (gl == n && memcmp(w, g, n) == 0) {
            return 1;
        }
    }
    return 0;
}

/* Folded token key k is listed in locales/entities.json `field`, an
 * object of word lists per language ("*": every language). */
/* L->ne: the lists of entities.json ef that not_entity reads, looked up
 * once per language (not_entity runs for most capitalised words). */
static void not_entity_lists(fx *x, ent_lang *L, json_t *ef)
{
    struct ent_nelists *ne = &L->ne;
    if (ne->ef == ef)
        return;
    json_t *cn = json_object_get(ef, "common_nouns"),
           *ca = json_object_get(ef, "common_acronyms");
    ne->cc = json_object_get(ef, "currency_codes");
    ne->tz = json_object_get(ef, "time_zones");
    ne->cn[0] = json_object_get(cn, "*");
    ne->cn[1] = json_object_get(cn, x->lang);
    ne->ca[0] = json_object_get(ca, "*");
    ne->ca[1] = json_object_get(ca, x->lang);
    ne->der = json_object_get(json_object_get(ef, "derivations"), x->lang);
    ne->ef = ef;
}

static int entities_word(fx *x, const char *field, const char *k)
{
    json_t *cache = story__fx_world_cache(x);
    json_t *ef = cache ? world_entities_file(x, cache) : NULL;
    size_t kn = strlen(k);
    /* "common_nouns": its lists as not_entity reads them (once per
     * language) */
    ent_lang *L = ef && strcmp(field, "common_nouns") == 0 ? ent_lang_of(x)
                                                           : NULL;
    if (L) {
        not_entity_lists(x, L, ef);
        return generic_in(L->ne.cn[0], k, kn) ||
               generic_in(L->ne.cn[1], k, kn);
    }
    json_t *f = ef ? json_object_get(ef, field) : NULL;
    if (!f)
        return 0;
    return generic_in(json_object_get(f, "*"), k, kn) ||
           generic_in(json_object_get(f, x->lang), k, kn);
}

/* Token i is written in capitals, two or more, with an optional plural
 * "s" ("ETF", "ETFs"). */
static int caps_acronym(const fx *x, size_t i)
{
    const story_token *t = &x->a->tokens[i];
    const char *p = x->a->text + t->start;
    size_t n = t->end - t->start, k = 0;
    if (n > 2 && p[n - 1] == 's')
        n--;
    while (k < n && p[k] >= 'A' && p[k] <= 'Z')
        k++;
    return k == n && n >= 2;
}

/* Token i is a middle initial: one capital letter followed by a full
 * stop and a space ("Dennis M. Kelleher"). */
static int middle_initial(const fx *x, size_t i)
{
    const story_article *a = x->a;
    const story_token *t = &a->tokens[i];
    size_t q = t->start;
    if (i + 1 >= a->n_tokens || !(t->flags & STORY_TOKEN_CAPITAL))
        return 0;
    story__utf8_next(a->text, t->end, &q);
    if (q != t->end)
        return 0; /* more than one letter */
    size_t p = t->end, e = a->tokens[i + 1].start;
    if (p >= e || a->text[p] != '.')
        return 0;
    for (p++; p < e; p++)
        if (a->text[p] != ' ')
            return 0;
    return 1;
}

static int not_entity(fx *x, size_t i);

static json_t *generic_skeletons(fx *x)
{
    json_t *cache = story__fx_world_cache(x);
    if (!cache)
        return NULL;
    json_t *gs = json_object_get(cache, "\x1fgenskel");
    if (gs)
        return gs;
    gs = json_object();
    json_t *g = json_object_get(
        world_entities_file(x, cache), "generic_name_words");
    size_t idx;
    json_t *v;
    json_array_foreach(json_object_get(g, "*"), idx, v) {
        const char *w = json_string_value(v);
        if (!w || w[strlen(w) - 1] == '*')
            continue;
        story_buf sk = {0};
        skeleton(w, &sk);
        if (!sk.oom && sk.len >= 4)
            json_object_set_new(gs, sk.data, json_true());
        story_buf_free(&sk);
    }
    json_object_set_new(cache, "\x1fgenskel", gs);
    return gs;
}

static int generic_word(fx *x, size_t i)
{
    /* a model number or code after a name ("Airbus A310"), a common-noun
     * acronym ("Bitcoin ETFs") */
    if ((x->a->tokens[i].flags & STORY_TOKEN_NUMBER) || not_entity(x, i))
        return 1;
    json_t *g = json_object_get(
        world_entities_file(x, story__fx_world_cache(x)), "generic_name_words");
    if (!g)
        return 0;
    const char *k = x->a->tokens[i].key;
    size_t n = strip_possessive(k, strlen(k));
    if (generic_in(json_object_get(g, "*"), k, n) ||
        generic_in(json_object_get(g, x->lang), k, n))
        return 1;
    int ascii = 1;
    for (size_t q = 0; q < n && ascii; q++)
        ascii = (unsigned char)k[q] < 0x80;
    if (ascii || x->cjk)
        return 0;
    char *lk = latin_key(x, k, n);
    if (!lk)
        return 0;
    story_buf sk = {0};
    skeleton(lk, &sk);
    free(lk);
    json_t *gs = generic_skeletons(x);
    int hit = !sk.oom && sk.len >= 4 && gs &&
              json_object_get(gs, sk.data) != NULL;
    story_buf_free(&sk);
    return hit;
}

/* [*ks, *ke): the name [rs, re) without generic words and name
 * connectors at either end. Returns 0 when nothing else is left (no
 * entity), 1 otherwise. */
static int name_core(fx *x, size_t rs, size_t re, size_t *ks, size_t *ke)
{
    size_t b = rs, e = re;
    int cut = 0;
    for (;;) {
        if (b < e && generic_word(x, b)) {
            b++;
            cut = 1;
        } else if (b < e && cut &&
                   story_langpack_has(x->lp, "name_connectors",
                                      x->a->tokens[b].key)) {
            b++;
        } else {
            break;
        }
    }
    int cutr = 0;
    for (;;) {
        if (e > b && generic_word(x, e - 1)) {
            e--;
            cutr = 1;
        } else if (e > b && cutr &&
                   story_langpack_has(x->lp, "name_connectors",
                                      x->a->tokens[e - 1].key)) {
            e--;
        } else {
            break;
        }
    }
    *ks = b;
    *ke = e;
    return b < e;
}

/* A JSON string as jansson 2.14 writes it (json_dumps, JSON_COMPACT
 * without JSON_ENSURE_ASCII / JSON_ESCAPE_SLASH): '"' and '\\' escaped,
 * \b \f \n \r \t, other C0 controls as \u%04X, UTF-8 kept. Returns 0
 * (nothing written) when s is not valid UTF-8: jansson refuses such a
 * string. */
static int json_str_put(story_buf *b, const char *s, size_t n)
{
    if (story__utf8_invalid_at(s, n) != (size_t)-1)
        return 0;
    story_buf_putc(b, '"');
    size_t run = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c != '"' && c != '\\')
            continue;
        story_buf_append(b, s + run, i - run);
        run = i + 1;
        switch (c) {
        case '"': story_buf_puts(b, "\\\""); break;
        case '\\': story_buf_puts(b, "\\\\"); break;
        case '\b': story_buf_puts(b, "\\b"); break;
        case '\f': story_buf_puts(b, "\\f"); break;
        case '\n': story_buf_puts(b, "\\n"); break;
        case '\r': story_buf_puts(b, "\\r"); break;
        case '\t': story_buf_puts(b, "\\t"); break;
        default: story_buf_printf(b, "\\u%04X", c); break;
        }
    }
    story_buf_append(b, s + run, n - run);
    story_buf_putc(b, '"');
    return 1;
}

/* value_json of an entity mention, written directly (it is built for
 * every mention): the bytes story__fx_json gives for {"canonical", "kind",
 * "name", "nationality" (null when empty), "role_of" {"of", "role"} (when
 * given), "roles"} with keys sorted. NULL when a string is not valid UTF-8
 * (the caller builds the object with jansson then) or out of memory. */
static char *mention_json(fx *x, const char *canonical, const char *kind,
                          const char *name, size_t name_n,
                          const char *nationality, const char *role_of,
                          char **roles, size_t nroles)
{
    story_buf b = {0};
    int ok = 1;
    story_buf_puts(&b, "{\"canonical\":");
    ok &= json_str_put(&b, canonical, strlen(canonical));
    story_buf_puts(&b, ",\"kind\":");
    ok &= json_str_put(&b, kind, strlen(kind));
    story_buf_puts(&b, ",\"name\":");
    ok &= json_str_put(&b, name, name_n);
    story_buf_puts(&b, ",\"nationality\":");
    if (nationality[0])
        ok &= json_str_put(&b, nationality, strlen(nationality));
    else
        story_buf_puts(&b, "null");
    const char *tab = role_of ? strchr(role_of, '\t') : NULL;
    if (tab) {
        story_buf_puts(&b, ",\"role_of\":{\"of\":");
        ok &= json_str_put(&b, tab + 1, strlen(tab + 1));
        story_buf_puts(&b, ",\"role\":");
        ok &= json_str_put(&b, role_of, (size_t)(tab - role_of));
        story_buf_putc(&b, '}');
    }
    story_buf_puts(&b, ",\"roles\":[");
    for (size_t r = 0; r < nroles; r++) {
        if (!roles[r])
            continue;
        if (b.data && b.data[b.len - 1] != '[')
            story_buf_putc(&b, ',');
        ok &= json_str_put(&b, roles[r], strlen(roles[r]));
    }
    story_buf_puts(&b, "]}");
    char *d = ok && !b.oom ? story__fx_strdup(x, b.data) : NULL;
    story_buf_free(&b);
    return d;
}

/* Token i is written in capitals ("BELLMOOR —" in a dateline or a
 * headline) and the article also writes the same word with lower-case
 * letters ("Bellmoor"): a word in capitals, no acronym, for its kind. */
static int shouted_word(const fx *x, size_t i)
{
    const story_article *a = x->a;
    unsigned char *tf = &x->tok_flags[i];
    if (*tf & FX_TF_SHOUT_DONE)
        return (*tf & FX_TF_SHOUT) != 0;
    const char *k = a->tokens[i].key;
    int v = 0;
    for (size_t j = 0; j < a->n_tokens && !v; j++) {
        const story_token *t = &a->tokens[j];
        if (j != i && strcmp(t->key, k) == 0 &&
            !is_acronym(a->text + t->start, t->end - t->start))
            v = 1;
    }
    /* every word in capitals with this key has the same answer (its
     * witness is another token): one scan per key, not per mention, so
     * a long article stays linear in its acronyms */
    for (size_t j = 0; j < a->n_tokens; j++) {
        const story_token *t = &a->tokens[j];
        if (j == i || (strcmp(t->key, k) == 0 &&
                       is_acronym(a->text + t->start, t->end - t->start)))
            x->tok_flags[j] |= FX_TF_SHOUT_DONE | (v ? FX_TF_SHOUT : 0);
    }
    return v;
}

/* Appends a copy of `role` to e's roles unless e already has it (an
 * allocation failure drops the role, as before). */
static void ent_add_role(fx *x, fx_ent *e, const char *role)
{
    for (size_t q = 0; q < e->roles.len; q++)
        if (strcmp(((char **)e->roles.data)[q], role) == 0)
            return;
    char *d = story__fx_strdup(x, role);
    if (d && !story_vec_push(&e->roles, &d))
        free(d);
}

static int add_mention(fx *x, size_t s, size_t rs, size_t re,
                       const char *gaz_concept, const char *gaz_kind,
                       story_vec *roles, const char *nationality,
                       const char *role_of)
{
    const story_article *a = x->a;
    size_t start = a->tokens[rs].start;
    size_t end = a->tokens[re - 1].end;
    if (x->name_end > a->tokens[re - 1].start && x->name_end < end)
        end = x->name_end;
    x->name_end = 0;
    size_t nameend = start + strip_possessive(a->text + start, end - start);
    /* the name shown: the text, or x->name_as */
    const char *nm = x->name_as ? x->name_as : a->text + start;
    size_t nml = x->name_as ? strlen(x->name_as) : nameend - start;
    x->name_as = NULL;
    int nwords = (int)(re - rs);
    /* zh/ja: pieces the word segmenter split (touching) are one word */
    if (x->cjk) {
        nwords = 1;
        for (size_t k = rs + 1; k < re; k++)
            if (!bar_joined(x, k))
                nwords++;
    }
    /* kind */
    const char *kind = gaz_kind;
    if (!kind) {
        size_t n;
        for (size_t k = rs; k < re && !kind; k++) {
            const char *c = story__fx_match(x, "entity_kinds", k, re, &n);
            if (c && strcmp(c, "organisation") == 0)
                kind = "organisation";
            else if (c && strcmp(c, "place") == 0)
                kind = "place";
        }
        if (!kind && nwords == 1 &&
            is_acronym(a->text + start, nameend - start) &&
            !shouted_word(x, rs))
            kind = "organisation";
        if (!kind && roles->len)
            kind = "person";
        if (!kind)
            kind = "other";
    }
    /* keys: of the name without its generic words */
    size_t ks = rs, ke = re;
    if (!gaz_concept && !x->cjk) {
        if (!name_core(x, rs, re, &ks, &ke))
            return x->rc;
    }
    /* an unclassified name that had generic words is keyed whole, like
     * an organisation or place (its kind stays) */
    const char *keykind = (ks > rs || ke < re) && strcmp(kind, "other") == 0
                              ? "organisation"
                              : kind;
    size_t kstart = a->tokens[ks].start;
    size_t kend = ke == re ? nameend
                           : kstart + strip_possessive(
                                          a->text + kstart,
                                          a->tokens[ke - 1].end - kstart);
    int knw = (int)(ke - ks);
    if (x->cjk)
        knw = nwords;
    story_buf sk_all = {0}, sk_last = {0};
    char *lk;
    if (gaz_concept) {
        lk = story__fx_strdup(x, gaz_concept);
    } else if (knw == 1 && ke - ks > 1) {
        /* zh/ja pieces of one word */
        lk = latin_key(x, a->text + kstart, kend - kstart);
    } else if (knw == 1) {
        const char *tk = a->tokens[ks].key;
        size_t tn = strip_possessive(tk, strlen(tk));
        tn = bare_genitive(x, keykind, tk, tn);
        tn = strip_suffix(x, tk, tn);
        lk = latin_key(x, tk, tn);
    } else {
        lk = latin_key(x, a->text + kstart, kend - kstart);
    }
    if (!lk)
        return x->rc;
    skeleton(lk, &sk_all);
    if (!gaz_concept && knw > 1) {
        /* the last word on its own, case ending stripped ("Віктора Цоя"
         * -> "Цо"): the surname key of a person */
        /* "Kenneth Polite Jr": a generational suffix (entities.json
         * "generational_suffixes") is not the surname */
        size_t le = ke - 1;
        json_t *gen =
            json_object_get(world_entities_file(x, story__fx_world_cache(x)),
                            "generational_suffixes");
        size_t gi;
        json_t *gv;
        json_array_foreach(gen, gi, gv) {
            if (le > ks + 1 && json_is_string(gv) &&
                strcmp(a->tokens[le].key, json_string_value(gv)) == 0) {
                le--;
                break;
            }
        }
        const char *tk = a->tokens[le].key;
        size_t tn = strip_possessive(tk, strlen(tk));
        tn = bare_genitive(x, keykind, tk, tn);
        tn = strip_suffix(x, tk, tn);
        /* katakana: the tokenizer splits one word into pieces; the last
         * word is everything after the last middle dot */
        size_t ls = le;
        while (ls > ks &&
               (x->cjk || (katakana(x, ls) && katakana(x, ls - 1))) &&
               bar_joined(x, ls))
            ls--;
        if (ls < le || (x->cjk && le == ke - 1)) {
            tk = a->text + a->tokens[ls].start;
            tn = (le == ke - 1 ? kend : a->tokens[le].end) -
                 a->tokens[ls].start;
        }
        char *lw = latin_key(x, tk, tn);
        if (lw) {
            skeleton(lw, &sk_last);
            free(lw);
        }
    } else {
        const char *sp = strrchr(lk, ' ');
        skeleton(sp ? sp + 1 : lk, &sk_last);
    }
    free(lk);
    if (sk_all.oom || sk_last.oom || !sk_all.data[0]) {
        story_buf_free(&sk_all);
        story_buf_free(&sk_last);
        return x->rc;
    }
    long ei = resolve(x, sk_all.data, sk_last.data, knw, keykind, nm, nml,
                      gaz_concept);
    fx_ent *e;
    if (ei < 0) {
        fx_ent ne;
        memset(&ne, 0, sizeof ne);
        int whole = strcmp(keykind, "organisation") == 0 ||
                    strcmp(keykind, "place") == 0 || knw == 1;
        ne.skel = story__fx_strdup(x, whole ? sk_all.data : sk_last.data);
        ne.last = story__fx_strdup(x, sk_last.data);
        ne.key = story__fx_printf(x, "entity|%s", ne.skel ? ne.skel : "");
        ne.name = story__strndup(nm, nml);
        ne.concept = gaz_concept ? story__fx_strdup(x, gaz_concept) : NULL;
        ne.kind = kind;
        ne.nationality = "";
        ne.first_fact = (size_t)-1;
        story_vec_init(&ne.roles, sizeof(char *));
        if (!ne.skel || !ne.last || !ne.key || !ne.name ||
            !story_vec_push(&x->ents, &ne)) {
            free(ne.skel);
            free(ne.last);
            free(ne.key);
            free(ne.name);
            free(ne.concept);
            story_buf_free(&sk_all);
            story_buf_free(&sk_last);
            if (!x->rc)
                x->rc = story__error(x->err, STORY_ENOMEM, NULL, -1,
                                     "out of memory");
            return x->rc;
        }
        ei = (long)x->ents.len - 1;
    }
    story_buf_free(&sk_all);
    story_buf_free(&sk_last);
    e = ent_at(x, ei);
    if (!e->concept && gaz_concept)
        e->concept = story__fx_strdup(x, gaz_concept);
    if (strlen(e->name) < nml) {
        char *nn = story__strndup(nm, nml);
        if (nn) {
            free(e->name);
            e->name = nn;
        }
    }
    if (strcmp(e->kind, "other") == 0 && strcmp(kind, "other") != 0)
        e->kind = kind;
    if (nationality && nationality[0])
        e->nationality = nationality;
    /* "… commander Europe": a title, not a role of the place */
    size_t nroles = strcmp(e->kind, "place") == 0 ? 0 : roles->len;
    for (size_t r = 0; r < nroles; r++)
        ent_add_role(x, e, ((char **)roles->data)[r]);
    e->last_sentence = s;
    for (size_t k = rs; k < re; k++)
        x->tok_ent[k] = ei;

    story_fact f;
    memset(&f, 0, sizeof f);
    f.type = STORY_FACT_ENTITY;
    f.sentence = s;
    f.start = start;
    f.end = end;
    f.key = story__fx_strdup(x, e->key);
    f.slot = story__fx_strdup(x, e->key);
    f.entity_kind = story__fx_strdup(x, e->kind);
    f.name = story__strndup(nm, nml);
    f.nationality = story__fx_strdup(x, e->nationality);
    f.entity = -1;
    f.number = f.number_hi = 0;
    if (nroles) {
        f.roles = story__calloc(nroles, sizeof *f.roles);
        if (f.roles)
            for (size_t r = 0; r < nroles; r++) {
                f.roles[r] = story__fx_strdup(x, ((char **)roles->data)[r]);
                if (f.roles[r])
                    f.n_roles++;
            }
    }
    f.value_json = mention_json(x, e->name, e->kind, nm, nml,
                                e->nationality, role_of,
                                f.roles, f.roles ? nroles : 0);
    if (!f.value_json && !x->rc) {
        json_t *o = json_object();
        json_t *jr = json_array();
        for (size_t r = 0; f.roles && r < nroles; r++)
            if (f.roles[r])
                json_array_append_new(jr, json_string(f.roles[r]));
        json_object_set_new(o, "kind", json_string(e->kind));
        json_object_set_new(o, "name", json_stringn(nm, nml));
        json_object_set_new(o, "canonical", json_string(e->name));
        json_object_set_new(o, "roles", jr);
        if (role_of && strchr(role_of, '\t')) {
            const char *tab = strchr(role_of, '\t');
            json_t *ro = json_object();
            json_object_set_new(
                ro, "role", json_stringn(role_of, (size_t)(tab - role_of)));
            json_object_set_new(ro, "of", json_string(tab + 1));
            json_object_set_new(o, "role_of", ro);
        }
        json_object_set_new(o, "nationality",
                            e->nationality[0] ? json_string(e->nationality)
                                              : json_null());
        f.value_json = story__fx_json(x, o);
    }
    size_t fi = story__fx_push(x, &f);
    if (fi == (size_t)-1)
        return x->rc;
    if (e->first_fact == (size_t)-1)
        e->first_fact = fi;
    ((story_fact *)x->facts.data)[fi].entity = (long)e->first_fact;
    return x->rc;
}

static void roles_free(story_vec *r)
{
    for (size_t i = 0; i < r->len; i++)
        free(((char **)r->data)[i]);
    r->len = 0;
}

/* Is token i a name token candidate (capitalised, not a role word)? */
static int cap(fx *x, size_t i)
{
    return (x->a->tokens[i].flags & STORY_TOKEN_CAPITAL) != 0 &&
           (x->a->tokens[i].flags & STORY_TOKEN_LETTER) != 0;
}

/* A capitalised role or title word at i that runs straight into a
 * capitalised organisation kind word ("the General Staff", "the General
 * Assembly"): the first word of the organisation's name, no title of a
 * person before it or of a name before its comma (fresh-user 19 M7,
 * L1: "near Vovchansk, the General Staff said" made Vovchansk a person
 * with role general and the organisation "Staff"). */
static int role_starts_org(fx *x, size_t i, size_t e)
{
    size_t n = 0, m = 0;
    if (!cap(x, i) || (!story__fx_match(x, "roles", i, e, &n) &&
                       !story__fx_match(x, "titles", i, e, &n)))
        return 0;
    size_t k = i + n;
    if (n == 0 || k >= e || !cap(x, k) || !story__fx_adjacent(x, k - 1, 0))
        return 0;
    const char *kc = story__fx_match(x, "entity_kinds", k, e, &m);
    return kc && strcmp(kc, "organisation") == 0;
}

static int is_stopish(fx *x, size_t i, size_t e)
{
    size_t n;
    (void)e;
    unsigned char *tf = &x->tok_flags[i];
    if (!(*tf & FX_TF_STOP_DONE)) {
        size_t se = x->sent_tok[x->a->tokens[i].sentence + 1];
        const char *k = x->a->tokens[i].key;
        ent_lang *L = ent_lang_of(x);
        int v;
        if (L) { /* story_langpack_has of the three lists, one hash */
            if (L->stop_lp != x->lp) {
                L->stop_ix[0] = story_langpack_index_of(x->lp, "stopwords");
                L->stop_ix[1] = story_langpack_index_of(x->lp, "determiners");
                L->stop_ix[2] =
                    story_langpack_index_of(x->lp, "function_words");
                L->stop_lp = x->lp;
            }
            size_t kl = strlen(k);
            uint64_t h = story__hash_bytes(k, kl);
            v = story_langpack_index_lookup(L->stop_ix[0], k, kl, h) ||
                story__fx_match(x, "pronouns", i, se, &n) != NULL ||
                story_langpack_index_lookup(L->stop_ix[1], k, kl, h) ||
                story_langpack_index_lookup(L->stop_ix[2], k, kl, h);
        } else
            v = story_langpack_has(x->lp, "stopwords", k) ||
                story__fx_match(x, "pronouns", i, se, &n) != NULL ||
                story_langpack_has(x->lp, "determiners", k) ||
                story_langpack_has(x->lp, "function_words", k);
        FX_SAME(v, story_langpack_has(x->lp, "stopwords", k) ||
                       story__fx_match(x, "pronouns", i, se, &n) != NULL ||
                       story_langpack_has(x->lp, "determiners", k) ||
                       story_langpack_has(x->lp, "function_words", k));
        *tf |= FX_TF_STOP_DONE | (v ? FX_TF_STOP : 0);
    }
    return (*tf & FX_TF_STOP) != 0;
}

/* Capitalised on its own mid-sentence somewhere in the article, or an
 * acronym. */
static int known_name(fx *x, size_t i)
{
    const story_token *t = &x->a->tokens[i];
    if (is_acronym(x->a->text + t->start, t->end - t->start))
        return 1;
    size_t kn = strip_possessive(t->key, strlen(t->key));
    char kk[128];
    snprintf(kk, sizeof kk, "%.*s", (int)kn, t->key);
    return json_object_get(x->capital_inside, kk) != NULL;
}

/* Languages that capitalise nouns: is folded `k` a common noun of the
 * pack's "common_nouns" (FreeDict heads), directly, with a plural/case
 * ending removed, or as the head of a compound (an ending of >= 4 bytes
 * that is listed: "stahlindustrie" -> "industrie")? */
static int common_noun_1(fx *x, const char *k);

/* ... also with the last umlaut of a plural undone ("Pläne" -> "plane",
 * "Länder" -> "lander" -> "land") */
static int common_noun(fx *x, const char *k)
{
    if (common_noun_1(x, k))
        return 1;
    char w[128];
    size_t n = strlen(k);
    if (n >= sizeof w)
        return 0;
    memcpy(w, k, n + 1);
    for (size_t p = n; p-- > 1;) {
        unsigned char c0 = (unsigned char)w[p - 1], c1 = (unsigned char)w[p];
        if (c0 != 0xC3 || (c1 != 0xA4 && c1 != 0xB6 && c1 != 0xBC))
            continue;
        w[p - 1] = c1 == 0xA4 ? 'a' : c1 == 0xB6 ? 'o' : 'u';
        memmove(w + p, w + p + 1, n - p);
        return common_noun_1(x, w);
    }
    return 0;
}

static int common_noun_1(fx *x, const char *k)
{
    static const char *const endings[] = {"", "n", "en", "e", "er", "s",
                                          "es", "ern", "nen"};
    /* plurals of Latin and Greek loans replace the singular's ending
     * with -en ("Zentren" Zentrum, "Riten" Ritus, "Konten" Konto,
     * "Praxen" Praxis, "Themen" Thema); also as a compound's head
     * ("Einkaufszentren") */
    static const char *const latin[] = {"um", "us", "o", "is", "a"};
    char w[128];
    size_t n = strlen(k);
    if (n >= sizeof w)
        return 0;
    if (n >= 6 && memcmp(k + n - 2, "en", 2) == 0) {
        for (size_t l = 0; l < sizeof latin / sizeof latin[0]; l++) {
            size_t ll = strlen(latin[l]);
            if (n - 2 + ll >= sizeof w)
                continue;
            memcpy(w, k, n - 2);
            memcpy(w + n - 2, latin[l], ll + 1);
            size_t wn = n - 2 + ll;
            for (size_t p = 0; p + 5 <= wn; p++) {
                if (((unsigned char)w[p] & 0xC0) == 0x80 || (p > 0 && p < 3))
                    continue;
                if (story_langpack_has(x->lp, "common_nouns", w + p))
                    return 1;
            }
        }
    }
    for (size_t e = 0; e < sizeof endings / sizeof endings[0]; e++) {
        size_t el = strlen(endings[e]);
        if (n < el + 3 || memcmp(k + n - el, endings[e], el) != 0)
            continue;
        memcpy(w, k, n - el);
        w[n - el] = '\0';
        size_t wn = n - el;
        /* short nouns ("Uhr", "Tag", "Weg") as a whole */
        if (wn < 4 && story_langpack_has(x->lp, "common_nouns", w))
            return 1;
        for (size_t p = 0; p + 4 <= wn; p++) {
            if (((unsigned char)w[p] & 0xC0) == 0x80)
                continue;
            /* a compound's first part has at least 3 letters: "Massie"
             * is no M + "Assi" */
            if (p > 0 && p < 3)
                continue;
            if (story_langpack_has(x->lp, "common_nouns", w + p))
                return 1;
        }
    }
    return 0;
}

/* Folded k is a common noun of the pack's "common_nouns" as a whole word
 * (with a plural/case ending removed), not only as a compound's head. */
static int common_noun_whole(fx *x, const char *k)
{
    static const char *const endings[] = {"", "n", "en", "e", "er", "s",
                                          "es", "ern", "nen"};
    char w[128];
    size_t n = strlen(k);
    if (n >= sizeof w)
        return 1;
    for (size_t e = 0; e < sizeof endings / sizeof endings[0]; e++) {
        size_t el = strlen(endings[e]);
        if (n < el + 3 || memcmp(k + n - el, endings[e], el) != 0)
            continue;
        memcpy(w, k, n - el);
        w[n - el] = '\0';
        if (story_langpack_has(x->lp, "common_nouns", w))
            return 1;
    }
    return 0;
}

static int noun_suffix(fx *x, const char *k);
static int lower_word(fx *x, size_t i);

/* Folded k ends with a pack "place_name_heads" word (the heads of place
 * names: -holm, -heim, -burg, -dorf) after at least 3 bytes. */
static int place_head(fx *x, const char *k)
{
    json_t *heads = story_langpack_field(x->lp, "place_name_heads"), *v;
    size_t idx, n = strlen(k);
    json_array_foreach(heads, idx, v) {
        const char *h = json_string_value(v);
        size_t hl = h ? strlen(h) : 0;
        if (hl && n >= hl + 3 && strcmp(k + n - hl, h) == 0)
            return 1;
    }
    return 0;
}

/* Session 12 (fresh-user H4b): a capitalised word that is a common noun
 * only as the head of a compound ("Stockholm": Stock + Holm, "Mannheim"),
 * a head of place names ("place_name_heads"), right after a pack
 * "name_place_prepositions" word ("in Stockholm"),
 * alone (no capitalised word after it), no noun-suffix word, never
 * written in lower case in the article: German puts a determiner before
 * a common noun there ("in der Stadt"), so the word is a place name. */
static int place_after_preposition(fx *x, size_t b, size_t i, size_t e)
{
    const story_article *a = x->a;
    const char *k = a->tokens[i].key;
    return i > b &&
           story_langpack_has(x->lp, "name_place_prepositions",
                              a->tokens[i - 1].key) &&
           (i - 1 == b || !(a->tokens[i - 1].flags & STORY_TOKEN_CAPITAL)) &&
           !story__fx_clause_break_before(x, i) &&
           story__fx_adjacent(x, i - 1, 0) &&
           (i + 1 >= e || !(a->tokens[i + 1].flags & STORY_TOKEN_CAPITAL)) &&
           !common_noun_whole(x, k) && !noun_suffix(x, k) && place_head(x, k) &&
           !lower_word(x, i);
}

static int noun_suffix(fx *x, const char *k)
{
    json_t *suf = story_langpack_field(x->lp, "noun_suffixes");
    size_t idx, n = strlen(k);
    json_t *v;
    json_array_foreach(suf, idx, v) {
        const char *s = json_string_value(v);
        size_t sl = s ? strlen(s) : 0;
        if (sl && n > sl && memcmp(k + n - sl, s, sl) == 0)
            return 1;
    }
    return 0;
}

/* Token i (folded, possessive stripped) is written lower case somewhere
 * in the article and is not an acronym. */
static int lower_word(fx *x, size_t i)
{
    const story_token *t = &x->a->tokens[i];
    if (is_acronym(x->a->text + t->start, t->end - t->start))
        return 0;
    size_t kn = strip_possessive(t->key, strlen(t->key));
    char kk[128];
    if (kn >= sizeof kk)
        return 0;
    snprintf(kk, sizeof kk, "%.*s", (int)kn, t->key);
    return json_object_get(x->lower_seen, kk) != NULL;
}

/* A word set loaded once per context and language (into *set, *done
 * marks it loaded): the words of locales/<dir>/<lang><ext>, one per line
 * ('#' lines skipped). tsv: the word is the line's first tab-separated
 * field, and lines whose word holds a space are skipped. Each word is
 * stored reduced as trunk_word reduces a text word, and also as read when
 * keep_whole. NULL when the file is missing or empty. */
static const story_strmap *word_file_set(fx *x, story_strmap *set,
                                         int *done, const char *dir,
                                         const char *ext, int tsv,
                                         int keep_whole)
{
    if (*done)
        return story__strmap_size(set) ? set : NULL;
    *done = 1;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s/%s%s",
             x->ctx->locales_dir ? x->ctx->locales_dir : ".", dir, x->lang,
             ext);
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    const ent_lang *suffixes = world_suffixes(x);
    char line[1024];
    story_buf t = {0};
    while (fgets(line, sizeof line, f)) {
        size_t l = strcspn(line, tsv ? "\t\r\n" : "\r\n");
        if (line[0] == '#' || !l || (tsv && memchr(line, ' ', l)))
            continue;
        line[l] = '\0';
        /* (keys as C strings: up to a NUL byte, as before) */
        if (keep_whole)
            story__strmap_put(set, line, strlen(line), "", 0);
        /* inflected and derived forms: "विफलता" ~ "विफल" */
        t.len = 0;
        dict_trunk(suffixes, line, l, &t);
        if (!t.oom && t.len)
            story__strmap_put(set, t.data, strnlen(t.data, t.len), "", 0);
    }
    fclose(f);
    story_buf_free(&t);
    return story__strmap_size(set) ? set : NULL;
}

/* Packs without "common_words" (cased scripts other than en and de):
 * the headwords of the bilingual lexicon locales/lexicon/<lang>-en.tsv
 * (FreeDict, built by scripts/build-lexicon; one-word entries), each
 * reduced by trunk_word, loaded once per context and language; NULL when
 * there is no such file. */
static const story_strmap *lexicon_words(fx *x)
{
    ent_lang *L = x->cjk ? NULL : ent_lang_of(x);
    return L ? word_file_set(x, &L->lex, &L->lex_done, "lexicon", "-en.tsv",
                             1, 0)
             : NULL;
}

/* The words of the language's dictionary, locales/wordlists/<lang>.txt
 * (one NFKC word per line, generated from Debian's hunspell word list by
 * locales/tools/wordlists.py; for languages whose lexicon has no
 * headwords in their own script, hi), as read and reduced by trunk_word:
 * loaded once per context and language; NULL when there is no such
 * file. */
static const story_strmap *dictionary_words(fx *x)
{
    ent_lang *L = ent_lang_of(x);
    return L ? word_file_set(x, &L->wl, &L->wl_done, "wordlists", ".txt", 0,
                             1)
             : NULL;
}

/* 1 when folded word w (NUL-terminated) is a word of the hunspell dictionary
 * named by the pack's "common_word_dictionary" (uk_UA, is_IS in
 * /usr/share/hunspell, Debian hunspell-uk, hunspell-is) as written, in
 * lower case: hunspell accepts a lower-case word only when the
 * dictionary has it in lower case, so common words in any inflected form
 * pass ("департаменту", "græna") and names, which the dictionaries write
 * capitalised, do not ("лондона", "bretlands"); a word needs a stem
 * too (uk_UA accepts any Latin word without one). -1 when the dictionary
 * knows the word, written capitalised, as a name (is "Anna", uk
 * "Зеленського"), 0 otherwise. The dictionary is loaded
 * once per context and language (about 0.2 s CPU for uk_UA); a missing
 * file or a dictionary in another encoding than UTF-8 means no
 * dictionary. */
static int dictionary_spell_uncached(fx *x, ent_lang *L, const char *w);

static int dictionary_spell(fx *x, const char *w)
{
    ent_lang *L = ent_lang_of(x);
    if (!L)
        return 0;
    size_t wl = strlen(w);
    const char *m = L->hs_done ? story__strmap_get(&L->hs_memo, w, wl, NULL)
                               : NULL;
    if (m)
        return m[0] == '-' ? -1 : m[0] - '0';
    int v = dictionary_spell_uncached(x, L, w);
    if (L->hs && story__strmap_size(&L->hs_memo) < HS_MEMO_MAX)
        (void)story__strmap_put(&L->hs_memo, w, wl,
                                v < 0 ? "-" : v ? "1" : "0", 1);
    return v;
}

/* Packs with "common_word_compounds" (is): folded word w, unknown to the
 * dictionary as written and capitalised, is a compound of two lower-case
 * words of it, each of 3 or more code points, the first one possibly with
 * a linking "s" ("ríkis|skrifstofu", "áfrýjunar|dómstóli"): a common
 * noun the dictionary does not list (Icelandic writes compounds as one
 * word, and hunspell's is_IS lists few). A name the dictionary knows
 * capitalised ("Reykjavík", reykja|vík) never gets here. Cost: at most
 * 2 spell calls per split point, once per word (the memo). */
static int dictionary_compound(fx *x, ent_lang *L, const char *w)
{
    if (!json_is_true(story_langpack_field(x->lp, "common_word_compounds")))
        return 0;
    size_t wl = strlen(w), q = 0, cps = 0;
    size_t cut[64];
    char buf[256];
    if (wl >= sizeof buf)
        return 0;
    while (q < wl && cps < 64) {
        cut[cps++] = q;
        if (story__utf8_next(w, wl, &q) < 0)
            return 0;
    }
    if (q < wl)
        return 0;
    for (size_t c = 3; c + 3 <= cps; c++) {
        size_t at = cut[c];
        if (!Hunspell_spell(L->hs, w + at))
            continue;
        memcpy(buf, w, at);
        buf[at] = '\0';
        if (Hunspell_spell(L->hs, buf))
            return 1;
        if (at > 3 && buf[at - 1] == 's') {
            buf[at - 1] = '\0';
            if (Hunspell_spell(L->hs, buf))
                return 1;
        }
    }
    return 0;
}

static int dictionary_spell_uncached(fx *x, ent_lang *L, const char *w)
{
    if (!L->hs_done) {
        L->hs_done = 1;
        const char *d = json_string_value(
            story_langpack_field(x->lp, "common_word_dictionary"));
        char aff[4096], dic[4096];
        if (d && !strchr(d, '/')) {
            snprintf(aff, sizeof aff, "%s%s.aff", STORY_HUNSPELL_DIR, d);
            snprintf(dic, sizeof dic, "%s%s.dic", STORY_HUNSPELL_DIR, d);
            FILE *f = fopen(dic, "rb");
            if (f) {
                fclose(f);
                L->hs = Hunspell_create(aff, dic);
                const char *enc =
                    L->hs ? Hunspell_get_dic_encoding(L->hs) : NULL;
                if (L->hs && (!enc || (strcmp(enc, "UTF-8") != 0 &&
                                       strcmp(enc, "utf-8") != 0))) {
                    Hunspell_destroy(L->hs);
                    L->hs = NULL;
                }
            }
        }
    }
    if (!L->hs)
        return 0;
    /* a name: written capitalised, the word has an analysis as a name
     * the dictionary writes capitalised (is "Anna", a name, though the
     * lexicon has "anna", manage; uk "Зеленського" is Зеленський as well
     * as an adjective, "Каліфорнії" Каліфорнія as well as каліфорній) */
    char tc[256];
    size_t wl = strlen(w), i = 0;
    int32_t c0 = story__utf8_next(w, wl, &i);
    if (c0 < 0 || wl - i + 8 > sizeof tc)
        return 0;
    size_t o = story__utf8_put(tc, u_totitle(c0));
    memcpy(tc + o, w + i, wl - i);
    tc[o + wl - i] = '\0';
    char **list = NULL;
    int k = Hunspell_stem(L->hs, &list, tc);
    int name = 0;
    for (int j = 0; j < k && !name; j++) {
        size_t jl = strlen(list[j]), ji = 0;
        int32_t cj = story__utf8_next(list[j], jl, &ji);
        name = cj >= 0 && u_isupper(cj);
    }
    if (list)
        Hunspell_free_list(L->hs, &list, k);
    if (name)
        return -1;
    if (!Hunspell_spell(L->hs, w))
        return dictionary_compound(x, L, w);
    /* a word of its own alphabet with an analysis: uk_UA accepts any
     * Latin word ("grayscale") but has no stem for it */
    list = NULL;
    k = Hunspell_stem(L->hs, &list, w);
    /* a lemma ending as surnames do ("name_stem_endings", uk -ий, -ів:
     * "Лавровим" is Lavrov, though лавровий is an adjective) is no
     * evidence */
    json_t *ends = story_langpack_field(x->lp, "name_stem_endings");
    int surname = 0;
    for (int j = 0; j < k && !surname; j++) {
        size_t jl = strlen(list[j]), ei;
        json_t *ev;
        json_array_foreach(ends, ei, ev) {
            const char *es = json_string_value(ev);
            size_t el = es ? strlen(es) : 0;
            if (el && jl > el && strcmp(list[j] + jl - el, es) == 0)
                surname = 1;
        }
    }
    if (list)
        Hunspell_free_list(L->hs, &list, k);
    return k > 0 && !surname;
}

/* A set kept in the per-context world cache under name: *fill = 1 and
 * a new empty set (owned by the cache) the caller fills now; else
 * *fill = 0 and the set filled before (NULL when it came out empty or
 * there is no cache). */
static json_t *world_cache_set(fx *x, const char *name, int *fill)
{
    json_t *cache = story__fx_world_cache(x);
    *fill = 0;
    if (!cache)
        return NULL;
    json_t *set = json_object_get(cache, name);
    if (set)
        return json_object_size(set) ? set : NULL;
    set = json_object();
    if (json_object_set_new(cache, name, set))
        return NULL;
    *fill = 1;
    return set;
}

/* Append word w to the array of set[key] (created on first use), at most
 * 64 words a key. */
static void skeleton_add_word(json_t *set, const char *key, const char *w)
{
    json_t *ws = json_object_get(set, key);
    if (!ws) {
        ws = json_array();
        json_object_set_new(set, key, ws);
    }
    if (json_is_array(ws) && json_array_size(ws) < 64)
        json_array_append_new(ws, json_string(w));
}

/* Consonant skeletons (4 or more consonants) of the English common words
 * of 5 or more letters of the en pack's "common_words" (a 4-consonant
 * skeleton maps to its words, see english_loanword(); a longer one to
 * true): an uncased-script word whose
 * transliteration has one of them is an English loanword ("हाउसिंग"
 * housing, "प्रोडक्ट्स" products), not a name. Once per context. */
static json_t *english_skeletons(fx *x)
{
    int fill;
    json_t *set = world_cache_set(x, "\x1f" "enskel", &fill);
    if (!fill)
        return set;
    const story_langpack *en = NULL;
    if (story_langpack_get(&en, x->ctx, "en", NULL) || !en)
        return NULL;
    json_t *words = story_langpack_field(en, "common_words");
    size_t idx;
    json_t *v;
    story_buf sk = {0};
    json_array_foreach(words, idx, v) {
        const char *w = json_string_value(v);
        if (!w || strlen(w) < 5)
            continue;
        skeleton(w, &sk);
        if (sk.oom || sk.len < 4)
            continue;
        if (sk.len >= 5) {
            json_object_set_new(set, sk.data, json_true());
            continue;
        }
        /* 4 consonants: the words themselves (at most 64), for the
         * similarity test of english_loanword() */
        skeleton_add_word(set, sk.data, w);
    }
    story_buf_free(&sk);
    return json_object_size(set) ? set : NULL;
}

/* An uncased-script word with Latin key lk whose skeleton hit `hit` in
 * english_skeletons(): a skeleton of 5 or more consonants is enough; one
 * of 4 (too many names share those: Kentucky = contact, Garland =
 * ground) needs an English word of that skeleton whose spelling is also
 * close (story_name_similarity() >= 0.9: "हाउसिंग" hausing = housing). */
static int english_loanword(json_t *hit, const char *lk)
{
    if (json_is_true(hit))
        return 1;
    size_t i;
    json_t *w;
    json_array_foreach(hit, i, w) {
        const char *ws = json_string_value(w);
        if (ws && story_name_similarity(ws, lk) >= 0.9)
            return 1;
    }
    return 0;
}

/* English proper names (the capitalised entries, 5 or more letters, of
 * the hunspell dictionary the pack names as "name_dictionary": en_US of
 * Debian's hunspell-en-us, about 16,000 names of places, people, peoples
 * and brands) by consonant skeleton (3 or more consonants), lower case,
 * at most 64 per skeleton: for uncased scripts, whose names carry no
 * capital (uncased_run()).
 * Loaded once per context (the pack's file name is part of the cache
 * name); NULL without the pack field or the file. */
static void fine_skeleton(const char *k, char *out, size_t n);

static json_t *english_names(fx *x)
{
    const char *d =
        json_string_value(story_langpack_field(x->lp, "name_dictionary"));
    if (!d || strchr(d, '/') || strlen(d) > 64)
        return NULL;
    char name[96];
    snprintf(name, sizeof name, "\x1f" "ennames:%s", d);
    int fill;
    json_t *set = world_cache_set(x, name, &fill);
    if (!fill)
        return set;
    char path[4096];
    snprintf(path, sizeof path, "%s%s.dic", STORY_HUNSPELL_DIR, d);
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char line[256];
    story_buf sk = {0};
    while (fgets(line, sizeof line, f)) {
        size_t n = strcspn(line, "/\r\n\t");
        line[n] = '\0';
        /* a name: a capital, then lower-case ASCII letters (no acronym,
         * no compound, no apostrophe) */
        int ok = n >= 5 && line[0] >= 'A' && line[0] <= 'Z';
        for (size_t k = 1; ok && k < n; k++)
            ok = line[k] >= 'a' && line[k] <= 'z';
        if (!ok)
            continue;
        line[0] = (char)(line[0] - 'A' + 'a');
        skeleton(line, &sk);
        if (sk.oom || sk.len < 3)
            continue;
        skeleton_add_word(set, sk.data, line);
        /* the names' fine skeletons (english_fine_words() keeps only
         * common words that share one), under a key no skeleton has */
        char fs[64];
        fine_skeleton(line, fs, sizeof fs);
        json_t *fset = json_object_get(set, "\x1f");
        if (!fset) {
            fset = json_object();
            json_object_set_new(set, "\x1f", fset);
        }
        if (strlen(fs) >= 3)
            json_object_set_new(fset, fs, json_true());
    }
    fclose(f);
    story_buf_free(&sk);
    return json_object_size(set) ? set : NULL;
}

/* A finer consonant skeleton of lower-case ASCII key k than skeleton():
 * aspiration and the English digraphs fold (kh, gh, ch, jh, th, dh, ph,
 * bh, sh, ck), c and q are k, w is v, z is s, x is ks, y and h otherwise
 * and vowels are dropped, doubles collapse; voicing (p/b, t/d, k/g) and
 * the liquids (l/r) stay apart. Writes at most n - 1 letters and a NUL. */
static void fine_skeleton(const char *k, char *out, size_t n)
{
    size_t o = 0;
    for (size_t i = 0; k[i] && o + 2 < n; i++) {
        char c = k[i], d = k[i + 1];
        if (d == 'h' && strchr("kgcjtdpbs", c))
            i++;
        else if (c == 'c' && d == 'k')
            i++;
        if (c == 'c' || c == 'q')
            c = 'k';
        else if (c == 'w')
            c = 'v';
        else if (c == 'z')
            c = 's';
        else if (c == 'p' && d == 'h')
            c = 'f';
        if (c == 'x') {
            if (!o || out[o - 1] != 'k')
                out[o++] = 'k';
            c = 's';
        }
        if (!(c >= 'a' && c <= 'z') || strchr("aeiouyh", c))
            continue;
        if (!o || out[o - 1] != c)
            out[o++] = c;
    }
    out[o] = '\0';
}

/* Levenshtein distance of two NUL-terminated strings (bytes; at most 63
 * of each are compared). */
static size_t edit_distance(const char *a, const char *b)
{
    size_t na = strnlen(a, 63), nb = strnlen(b, 63), row[64];
    for (size_t j = 0; j <= nb; j++)
        row[j] = j;
    for (size_t i = 1; i <= na; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= nb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    return row[nb];
}

/* The English common words (en pack "common_words", 3 or more letters)
 * by fine_skeleton(), at most 64 each, only those whose fine skeleton is
 * one of an English name (names: english_names()): the loanword side of
 * english_name(). Once per context, built only when a word of an
 * uncased script first matches an English name. */
static json_t *english_fine_words(fx *x, json_t *names)
{
    int fill;
    json_t *set = world_cache_set(x, "\x1f" "enfine", &fill);
    if (!fill)
        return set;
    const story_langpack *en = NULL;
    if (story_langpack_get(&en, x->ctx, "en", NULL) || !en)
        return NULL;
    size_t idx;
    json_t *v, *nf = json_object_get(names, "\x1f");
    char fs[64];
    json_array_foreach(story_langpack_field(en, "common_words"), idx, v) {
        const char *w = json_string_value(v);
        if (!w || strlen(w) < 3)
            continue;
        fine_skeleton(w, fs, sizeof fs);
        if (strlen(fs) < 3 || !json_object_get(nf, fs))
            continue;
        skeleton_add_word(set, fs, w);
    }
    return json_object_size(set) ? set : NULL;
}

/* Uncased-script word tk (folded) transliterates an English proper name
 * of english_names(): the same skeleton and the same fine_skeleton()
 * ("नॉटिंघम" = Nottingham; Hindi "कल्पना" kalpana is no Caliban), and no
 * English common word of that fine skeleton is spelt as close (edit
 * distance of the Latin keys) as the closest such name. */
static int english_name_uncached(fx *x, json_t *names, const char *tk);

static int english_name(fx *x, const char *tk)
{
    json_t *names = english_names(x);
    if (!names)
        return 0;
    /* verdicts memoised per context (65,536 words at most) */
    int fill;
    json_t *memo = world_cache_set(x, "\x1f" "ennamev", &fill);
    if (!memo) {
        /* an empty memo reads as NULL: fill it under its own name */
        memo = json_object_get(story__fx_world_cache(x), "\x1f"
                                                         "ennamev");
    }
    json_t *hit = memo ? json_object_get(memo, tk) : NULL;
    if (hit)
        return json_is_true(hit);
    int r = english_name_uncached(x, names, tk);
    if (memo && json_object_size(memo) < 65536)
        json_object_set_new(memo, tk, json_boolean(r));
    return r;
}

static int english_name_uncached(fx *x, json_t *names, const char *tk)
{
    char *lk = latin_key(x, tk, strlen(tk));
    story_buf sk = {0};
    if (lk)
        skeleton(lk, &sk);
    json_t *hit = lk && !sk.oom && sk.len >= 3
                      ? json_object_get(names, sk.data)
                      : NULL;
    size_t i, dn = SIZE_MAX, dw = SIZE_MAX;
    json_t *w;
    char fa[64], fb[64];
    if (hit)
        fine_skeleton(lk, fa, sizeof fa);
    json_array_foreach(hit, i, w) {
        const char *ws = json_string_value(w);
        if (ws)
            fine_skeleton(ws, fb, sizeof fb);
        if (ws && strlen(fa) >= 3 && strcmp(fa, fb) == 0) {
            size_t d = edit_distance(lk, ws);
            if (d < dn)
                dn = d;
        }
    }
    /* an English common word spelt at least as close is a loanword
     * ("कंप्यूटर" = computer, "हाउसिंग" = housing), not a name */
    json_t *cw = dn < SIZE_MAX ? json_object_get(english_fine_words(x, names), fa)
                               : NULL;
    json_array_foreach(cw, i, w) {
        const char *ws = json_string_value(w);
        size_t d = ws ? edit_distance(lk, ws) : SIZE_MAX;
        if (d < dw)
            dw = d;
    }
    story_buf_free(&sk);
    free(lk);
    return dn < dw;
}

/* Words of the article written in lower case (cased scripts), reduced
 * by trunk_word: a set built on first use (x->lower_trunks; a hash set,
 * not a jansson object: it gets every lower-case word of the article). */
static const story_strmap *lower_trunks(fx *x)
{
    if (x->lower_trunks_built)
        return &x->lower_trunks;
    x->lower_trunks_built = 1;
    const ent_lang *suffixes = world_suffixes(x);
    story_buf t = {0};
    const char *k;
    json_t *v;
    json_object_foreach(x->lower_seen, k, v) {
        t.len = 0;
        trunk_word(suffixes, k, strlen(k), &t);
        if (!t.oom && t.len)
            (void)story__strmap_put(&x->lower_trunks, t.data, t.len, "", 0);
    }
    story_buf_free(&t);
    return &x->lower_trunks;
}

/* Folded word k (n bytes) is a common word: written in lower case
 * elsewhere in the article (compared after trunk_word: "Закона" …
 * "закон"); in the pack's "common_words", directly or without a plural
 * "s"/"es"; in packs without that list, a headword of the language's
 * lexicon (lexicon_words). */
static int common_word(fx *x, const char *k, size_t n)
{
    char w[64];
    if (n < 3 || n >= sizeof w)
        return 0;
    memcpy(w, k, n);
    w[n] = '\0';
    if (!x->cjk) {
        story_buf t = {0};
        trunk_word(world_suffixes(x), w, n, &t);
        int hit = !t.oom && t.len &&
                  story__strmap_get(lower_trunks(x), t.data, t.len,
                                    NULL) != NULL;
        story_buf_free(&t);
        if (hit)
            return 1;
    }
    /* a derivational noun ending of the pack ("noun_suffixes": es
     * -ción, -dad; ru -ция) in a language that does not capitalise
     * nouns: a common noun written capitalised ("Regulación") */
    if (!json_is_true(story_langpack_field(x->lp, "capitalised_nouns")) &&
        n >= 6 && noun_suffix(x, w))
        return 1;
    if (!story_langpack_field(x->lp, "common_words")) {
        const story_strmap *lw = lexicon_words(x);
        /* cased scripts: also the language's dictionary
         * (locales/wordlists/<lang>.txt: es from Apertium, nouns and
         * adjectives with their plural and feminine forms, since the
         * es-en lexicon is small: "Empleos", "Públicos") */
        size_t cp0 = 0;
        int32_t c0 = story__utf8_next(w, n, &cp0);
        const story_strmap *dw =
            !x->cjk && u_hasBinaryProperty(c0, UCHAR_CASED)
                ? dictionary_words(x)
                : NULL;
        /* the language's hunspell dictionary (uk, is): a common word in
         * any inflected form, or a name (is "Anna" is no "anna",
         * "manage", of the lexicon) */
        int ds = !x->cjk && u_hasBinaryProperty(c0, UCHAR_CASED)
                     ? dictionary_spell(x, w)
                     : 0;
        if (ds)
            return ds > 0;
        if (!lw && !dw)
            return 0;
        story_buf t = {0};
        dict_trunk(world_suffixes(x), w, n, &t);
        int hit = !t.oom && t.len &&
                  ((lw && story__strmap_get(lw, t.data, strlen(t.data),
                                            NULL)) ||
                   (dw && story__strmap_get(dw, t.data, strlen(t.data),
                                            NULL)));
        story_buf_free(&t);
        if (!hit && dw)
            hit = story__strmap_get(dw, w, n, NULL) != NULL;
        return hit;
    }
    if (story_langpack_has(x->lp, "common_words", w))
        return 1;
    if (n > 4 && w[n - 1] == 's') {
        w[n - 1] = '\0';
        if (story_langpack_has(x->lp, "common_words", w))
            return 1;
    }
    return 0;
}

/* Session 18 (fresh-user 17 H1): sentence-initial word rs (sentence end
 * e) is the subject of a reporting verb of the pack ("reporting_verbs")
 * that follows it directly: "Massie said …", "Масси заявил, что …",
 * "Massie a déclaré que …". Such a word names the speaker when it is no
 * common word (common_word, lower_word), no source or role noun of the
 * pack ("Police said": attribution_sources, roles, titles) and, where
 * every noun is capitalised, no common noun; and the verb is not
 * inverted (no pronoun or determiner right after it: de "Dann sagte
 * er", "Gestern sagte der Minister"). Not in packs with "pro_drop"
 * (cs "Každopádně dodal", ru "Также заявил": an adverb opens the clause
 * of an omitted subject; facts_speech.c reads those). */
static int speech_subject_word(fx *x, size_t rs, size_t e)
{
    const story_article *a = x->a;
    size_t n = 0, m = 0;
    if (x->cjk || rs + 1 >= e || !story__fx_adjacent(x, rs, 0) ||
        json_is_true(story_langpack_field(x->lp, "pro_drop")) ||
        story__fx_clause_break_before(x, rs + 1) ||
        !(a->tokens[rs + 1].flags & STORY_TOKEN_LETTER) ||
        (a->tokens[rs + 1].flags & STORY_TOKEN_CAPITAL))
        return 0;
    /* the verb: a reporting verb, or (session 21, fresh-user 21 H8:
     * "Hamas condemned …" -> "Hezbollah condemned …" was no entity on
     * either side, exit 0) any word of the pack's event lexicon that
     * names an event ("Fidesz won", "Europol arrested") */
    int speech = story__fx_match(x, "reporting_verbs", rs + 1, e, &n) != NULL;
    if (!speech) {
        const char *ev = story_langpack_map(x->lp, "event_lexicon",
                                            a->tokens[rs + 1].key);
        if (!ev || !*ev || !strcmp(ev, "-"))
            return 0;
        n = 1;
    }
    /* an object follows an event verb ("attacked the base"); after a
     * reporting verb a pronoun or determiner is an inverted subject */
    size_t after = rs + 1 + n;
    if (speech && after < e && !story__fx_clause_break_before(x, after) &&
        (story__fx_match(x, "pronouns", after, e, &m) ||
                      story_langpack_has(x->lp, "determiners",
                                         a->tokens[after].key)))
        return 0;
    const char *k = a->tokens[rs].key;
    size_t kn = strip_possessive(k, strlen(k));
    if (kn < 3 || lower_word(x, rs) || common_word(x, k, kn) ||
        story_langpack_map(x->lp, "attribution_sources", k) ||
        story__fx_match(x, "roles", rs, e, &n) ||
        story__fx_match(x, "titles", rs, e, &n) ||
        story__fx_match(x, "nationalities", rs, e, &n) ||
        (json_is_true(story_langpack_field(x->lp, "capitalised_nouns")) &&
         common_noun(x, k)))
        return 0;
    return 1;
}

/* Session 18 (fresh-user 17 H1): token i-1 opens with a letter of
 * another script than Latin and token i with a Latin one (ICU
 * uscript_getScript): "сказав Массі Newsweek" holds two names, a speaker
 * and the outlet spoken to, not one. A Latin brand before a translated
 * word ("Google Авіаквитки") stays one name, and so does a run opening
 * the sentence ("Компанія FTSE 250": the caller's test). */
static int script_change(const fx *x, size_t i)
{
    const story_token *p = &x->a->tokens[i - 1], *t = &x->a->tokens[i];
    size_t o1 = 0, o2 = 0;
    int32_t c1 = story__utf8_next(x->a->text + p->start, p->end - p->start,
                                  &o1);
    int32_t c2 =
        story__utf8_next(x->a->text + t->start, t->end - t->start, &o2);
    UErrorCode st = U_ZERO_ERROR;
    UScriptCode s1 = uscript_getScript(c1, &st);
    UScriptCode s2 = uscript_getScript(c2, &st);
    return U_SUCCESS(st) && s2 == USCRIPT_LATIN && s1 != s2 &&
           s1 > USCRIPT_INHERITED;
}

/* Other languages (zh/ja too): every word of [rs, re) is ASCII and in
 * the English pack's "common_words" (connectors "of", "the" … skipped);
 * *kindword set when one is an English "entity_kinds" word. */
static int english_common(fx *x, size_t rs, size_t re, int *kindword)
{
    if (strcmp(x->lang, "en") == 0)
        return 0;
    const story_langpack *en = NULL;
    if (story_langpack_get(&en, x->ctx, "en", NULL) || !en ||
        !story_langpack_field(en, "common_words"))
        return 0;
    int words = 0;
    for (size_t k = rs; k < re; k++) {
        const char *key = x->a->tokens[k].key;
        size_t n = strip_possessive(key, strlen(key));
        char w[64];
        if (n < 2 || n >= sizeof w)
            return 0;
        for (size_t q = 0; q < n; q++)
            if ((unsigned char)key[q] >= 0x80)
                return 0;
        memcpy(w, key, n);
        w[n] = '\0';
        if (story_langpack_has(en, "name_connectors", w) ||
            story_langpack_has(en, "determiners", w))
            continue;
        /* an English nationality adjective modifies ("Scottish
         * Enterprise": the English text drops it as a modifier) */
        int hit = n >= 3 && (story_langpack_has(en, "common_words", w) ||
                             story_langpack_map(en, "nationalities", w));
        if (!hit && n > 4 && w[n - 1] == 's') {
            w[n - 1] = '\0';
            hit = story_langpack_has(en, "common_words", w);
            w[n - 1] = 's';
        }
        if (!hit)
            return 0;
        if (story_langpack_has(en, "entity_kinds", w))
            *kindword = 1;
        words++;
    }
    return words > 0;
}

/* Token re, right after a capitalised run, puts the run in a person's
 * context: a reporting verb follows directly ("John Cooper said"), or an
 * appositive after a comma starts with a role word, after at most a
 * determiner and one modifier ("Perry Cooper, a media representative"). */
static int person_context(fx *x, size_t re)
{
    const story_article *a = x->a;
    if (re >= a->n_tokens || re == 0 ||
        a->tokens[re].sentence != a->tokens[re - 1].sentence)
        return 0;
    size_t e = x->sent_tok[a->tokens[re].sentence + 1], n;
    if (!story__fx_clause_break_before(x, re))
        return story__fx_match(x, "reporting_verbs", re, e, &n) != NULL;
    /* the gap must hold a comma */
    const char *g = a->text + a->tokens[re - 1].end;
    size_t gl = a->tokens[re].start - a->tokens[re - 1].end;
    if (!memchr(g, ',', gl))
        return 0;
    size_t k = re;
    if (k < e && story_langpack_has(x->lp, "determiners", a->tokens[k].key))
        k++;
    for (size_t d = 0; d < 2 && k + d < e; d++) {
        if (d && story__fx_clause_break_before(x, k + d))
            break;
        if (story__fx_match(x, "roles", k + d, e, &n) &&
            !role_starts_org(x, k + d, e))
            return 1;
    }
    return 0;
}

/* The English glosses (words of the second column, 3 or more letters)
 * of locales/lexicon/de-en.tsv, once per context (NULL if missing). */
static json_t *english_glosses(fx *x)
{
    int fill;
    json_t *set = world_cache_set(x, "\x1f" "englosses", &fill);
    if (!fill)
        return set;
    char path[4096];
    snprintf(path, sizeof path, "%s/lexicon/de-en.tsv",
             x->ctx->locales_dir ? x->ctx->locales_dir : ".");
    FILE *f = fopen(path, "r");
    if (!f)
        return NULL;
    char line[2048];
    while (fgets(line, sizeof line, f)) {
        char *tab = line[0] == '#' ? NULL : strchr(line, '\t');
        if (!tab)
            continue;
        char *save = NULL;
        for (char *w = strtok_r(tab + 1, " \r\n", &save); w;
             w = strtok_r(NULL, " \r\n", &save))
            if (strlen(w) >= 3)
                json_object_set_new(set, w, json_true());
    }
    fclose(f);
    return json_object_size(set) ? set : NULL;
}

/* English run [rs, re) with a generic name word or an entity-kind word
 * (`kindword`), every other word (connectors skipped) a common word or an
 * English gloss (english_glosses). */
static int gloss_run(fx *x, size_t rs, size_t re, int kindword)
{
    json_t *gl = english_glosses(x);
    if (!gl)
        return 0;
    int head = kindword;
    for (size_t k = rs; k < re; k++) {
        const story_token *t = &x->a->tokens[k];
        if (story_langpack_has(x->lp, "name_connectors", t->key) ||
            story_langpack_has(x->lp, "determiners", t->key))
            continue;
        /* a model number keeps the name ("Airbus A310") */
        if ((t->flags & STORY_TOKEN_NUMBER) ||
            is_acronym(x->a->text + t->start, t->end - t->start))
            return 0;
        if (generic_word(x, k)) {
            head = 1;
            continue;
        }
        size_t n = strip_possessive(t->key, strlen(t->key));
        char w[64];
        if (n >= sizeof w)
            return 0;
        memcpy(w, t->key, n);
        w[n] = '\0';
        if (!common_word(x, w, n) && !json_object_get(gl, w))
            return 0;
    }
    return head;
}

/* Token rs (ASCII, in a translation) is a one-word role of the English
 * pack ("expert", "senator"). */
static int english_role_first(fx *x, size_t rs)
{
    const story_langpack *en = NULL;
    const char *k = x->a->tokens[rs].key;
    if (story_langpack_get(&en, x->ctx, "en", NULL) || !en)
        return 0;
    return story_langpack_map(en, "roles", k) != NULL;
}

/* Token rs (a run [rs, re) of one word) sits right before a role or
 * title word of its sentence: a modifier of that title, the portfolio of
 * "Deputy Interior Minister", "Health Secretary" (not a name). */
static int portfolio_word(fx *x, size_t rs, size_t re)
{
    const story_article *a = x->a;
    if (re != rs + 1 || re >= a->n_tokens ||
        a->tokens[re].sentence != a->tokens[rs].sentence ||
        !story__fx_adjacent(x, rs, 0))
        return 0;
    size_t e = x->sent_tok[a->tokens[rs].sentence + 1], n;
    return story__fx_match(x, "roles", re, e, &n) != NULL ||
           story__fx_match(x, "titles", re, e, &n) != NULL;
}

/* Single word [rs, re) that the pack's hunspell dictionary knows as a
 * lower-case common word (dictionary_spell() > 0), not as a name. */
static int role_genitive(fx *x, size_t rs, size_t re)
{
    if (re != rs + 1)
        return 0;
    const char *k = x->a->tokens[rs].key;
    size_t kn = strip_possessive(k, strlen(k));
    char w[64];
    if (kn < 3 || kn >= sizeof w)
        return 0;
    memcpy(w, k, kn);
    w[kn] = '\0';
    return dictionary_spell(x, w) > 0;
}

/* A run [rs, re) of common words only (packs with "common_words"): a
 * single word that is no earlier entity's surname and has no role
 * before it, or a run holding an entity-kind word ("Department of
 * Justice", "Supreme Court"). Acronyms are never descriptive. */
static int descriptive(fx *x, size_t b, size_t rs, size_t re)
{
    const story_article *a = x->a;
    /* zh/ja: only runs kept in Latin script (English names kept as
     * written: "Better Markets", "Horizon") */
    for (size_t k = rs; x->cjk && k < re; k++)
        if ((unsigned char)a->tokens[k].key[0] >= 0x80)
            return 0;
    int kindword = 0, common = 1;
    size_t n;
    for (size_t k = rs; k < re; k++) {
        const story_token *t = &a->tokens[k];
        if (story_langpack_has(x->lp, "name_connectors", t->key) ||
            story_langpack_has(x->lp, "determiners", t->key))
            continue;
        if (is_acronym(a->text + t->start, t->end - t->start))
            return 0;
        if (common &&
            !common_word(x, t->key, strip_possessive(t->key, strlen(t->key))))
            common = 0;
        /* a word that is a name of the world index on its own is none
         * ("Південної Каліфорнії": каліфорній is also a common word of
         * uk_UA) */
        size_t wn = 0;
        const char *wk = NULL;
        if (common && re - rs > 1 && world_match(x, k, k + 1, &wn, &wk))
            common = 0;
        if (story__fx_match(x, "entity_kinds", k, re, &n))
            kindword = 1;
    }
    /* a role right before it ("Senator Price"), not across a comma
     * ("the Social Democrats, Free Democrats"); a word between two role
     * words is the portfolio of a compound title, no name ("Deputy
     * Interior Minister Clara Voss") */
    int role_before = rs > b && !story__fx_clause_break_before(x, rs) &&
                      (story__fx_match(x, "roles", rs - 1, rs, &n) ||
                       story__fx_match(x, "titles", rs - 1, rs, &n)) &&
                      !portfolio_word(x, rs, re);
    /* packs with a "common_word_dictionary" (is, ru, uk put a role's
     * body in the genitive, no connector): decided below */
    int genitive = story_langpack_field(x->lp, "common_word_dictionary") != NULL;
    if (role_before && !genitive)
        return 0;
    /* English names kept as written in a translation ("Public
     * Employees", "Criminal Division" in a German text): the English
     * rule, so that both versions agree */
    int english = 0;
    if (!common && english_common(x, rs, re, &kindword)) {
        english = 1;
        /* ... and as the English text reads it: a capitalised English
         * role word before common words is a title before a name there
         * ("Expert Flyer": role expert, name Flyer), so the run is kept
         * (keyed by its last word, as English keys the name) */
        if (re - rs > 1 && english_role_first(x, rs))
            return 0;
        common = 1;
    }
    /* after a role word, the role's body: English common words kept as
     * written, two or more ("директор Better Markets"), or one word the
     * dictionary knows only in lower case ("framkvæmdastjóri Samtaka
     * …", "Министерству Юстиции"); anything else is the role's holder
     * ("сенатор Прайс") */
    if (role_before &&
        !(common && (english ? re - rs > 1 : role_genitive(x, rs, re))))
        return 0;
    /* English: a run of two or more words with a generic or kind word
     * ("Main Street", "Green Jobs Fund") whose other words are English
     * glosses of the bilingual lexicon (words FreeDict's eng-deu keeps
     * capitalised because some name uses them: main, green, free) is
     * descriptive too; translations translate it */
    if (!common && re - rs > 1 && strcmp(x->lang, "en") == 0)
        common = gloss_run(x, rs, re, kindword);
    if (!common)
        return 0;
    if (re - rs > 1) {
        /* "Perry Cooper, a media representative …", "John Cooper said":
         * a run of two or more words in a person's context is a name */
        int roleword = 0;
        for (size_t k = rs; k < re && !roleword; k++)
            roleword = story__fx_match(x, "roles", k, re, &n) != NULL ||
                       story__fx_match(x, "titles", k, re, &n) != NULL;
        /* "the … Ombudsman said": a determiner before is no name */
        int det = rs > b && story_langpack_has(x->lp, "determiners",
                                               a->tokens[rs - 1].key);
        if (!kindword && !roleword && !det && person_context(x, re))
            return 0;
        /* "Mike Johnson" … "Johnson": the last word is a name on its own
         * elsewhere */
        const char *lk2 = a->tokens[re - 1].key;
        size_t ln = strip_possessive(lk2, strlen(lk2));
        char kk[128];
        if (ln >= sizeof kk)
            return 0;
        snprintf(kk, sizeof kk, "%.*s", (int)ln, lk2);
        /* German capitalises every noun: "on its own" is no evidence,
         * unless the run is English common words and its last word is
         * no German noun ("am Montag traf Mike Johnson …": English
         * "mike", "johnson"; but "… Resources Division": German
         * "Division"), read as the English text reads it */
        return kindword || !json_object_get(x->capital_inside, kk) ||
               (json_is_true(
                    story_langpack_field(x->lp, "capitalised_nouns")) &&
                (!english || common_noun(x, kk)));
    }
    /* a surname of an earlier entity ("Mike Johnson" … "Johnson") */
    const char *tk = a->tokens[rs].key;
    size_t tn = strip_possessive(tk, strlen(tk));
    return !names_earlier(x, tk, tn);
}

/* German: a common noun after a name ends the run ("Johnsons Abkommen",
 * "New Yorker Abgeordnete") after a genitive "-s", with a noun suffix
 * (-ung, -keit …) or when long (>= 10 bytes); a short one may be a
 * surname ("Olaf Brenner"). */
/* The first n bytes of key k are written elsewhere in the article (not
 * at token skip) capitalised, after the sentence's first word, as the
 * last word of a capitalised run ("Vicente Siso, die", "Mike Johnson
 * und"): a name whatever the order of its mentions (names_earlier sees
 * only the entities found before). */
typedef struct fx_cap_end {
    size_t count, first;
} fx_cap_end;

static int name_end_elsewhere(fx *x, size_t skip, const char *k, size_t n)
{
    const story_article *a = x->a;
    /* one pass over the article builds key -> (count, first token) of
     * every such token; a scan per question was quadratic (fresh-user 14:
     * 1.9 MB of repeated names took over 300 s) */
    if (!x->cap_ends_built) {
        x->cap_ends_built = 1;
        for (size_t j = 0; j < a->n_tokens; j++) {
            const story_token *t = &a->tokens[j];
            if (!(t->flags & STORY_TOKEN_CAPITAL) ||
                j == x->sent_tok[t->sentence])
                continue;
            if (!(j + 1 >= a->n_tokens ||
                  a->tokens[j + 1].sentence != t->sentence ||
                  !(a->tokens[j + 1].flags & STORY_TOKEN_CAPITAL) ||
                  story__fx_clause_break_before(x, j + 1)))
                continue;
            size_t kn = strlen(t->key), vn;
            const char *v = story__strmap_get(&x->cap_ends, t->key, kn, &vn);
            fx_cap_end e = {1, j};
            if (v) {
                memcpy(&e, v, sizeof e);
                e.count++;
            }
            if (story__strmap_put(&x->cap_ends, t->key, kn, (const char *)&e,
                                  sizeof e)) {
                x->rc = story__error(x->err, STORY_ENOMEM, NULL, -1,
                                     "out of memory");
                return 0;
            }
        }
    }
    size_t vn;
    const char *v = story__strmap_get(&x->cap_ends, k, n, &vn);
    if (!v)
        return 0;
    fx_cap_end e;
    memcpy(&e, v, sizeof e);
    return e.count >= 2 || e.first != skip;
}

static int noun_ends_run(fx *x, size_t i)
{
    const story_token *t = &x->a->tokens[i];
    const char *k = t->key;
    if (is_acronym(x->a->text + t->start, t->end - t->start) ||
        !common_noun(x, k))
        return 0;
    const char *pk = x->a->tokens[i - 1].key;
    size_t pn = strlen(pk);
    /* "Putins Krieg"; a vowel before the s is a genitive only of a name
     * found earlier or written capitalised elsewhere in the article
     * ("Obamas Rede", "Sisos Landschaftsportraits"), else the name's own
     * s ("Thomas Keller": Keller is also a noun, "cellar") */
    if (pn > 3 && pk[pn - 1] == 's' &&
        (!is_vowel(pk[pn - 2]) || names_earlier(x, pk, pn - 1) ||
         name_end_elsewhere(x, i - 1, pk, pn - 1) ||
         bare_genitive(x, "other", pk, pn) < pn))
        return 1;
    /* after a word that is no common noun (a first name: "Merrick
     * Garland", "Tim Whitehouse") the noun-looking word is the surname;
     * not after a known surname ("dass Johnson Schwierigkeiten hat") */
    if (!common_noun(x, pk) && !noun_suffix(x, pk) &&
        !names_earlier(x, pk, pn) && !name_end_elsewhere(x, i - 1, pk, pn))
        return 0;
    return noun_suffix(x, k) || strlen(k) >= 10;
}

/* Token i is written in katakana only (U+30A1-U+30FF: letters, the
 * middle dot and the long-vowel mark), at least 2 code points. */
static int katakana_min(fx *x, size_t i, size_t min);

static int katakana(fx *x, size_t i)
{
    return katakana_min(x, i, 2);
}

/* Token i is written in katakana only, at least min code points. */
static int katakana_min(fx *x, size_t i, size_t min)
{
    const story_token *t = &x->a->tokens[i];
    const unsigned char *p = (const unsigned char *)x->a->text + t->start;
    const unsigned char *q = (const unsigned char *)x->a->text + t->end;
    size_t cps = 0;
    while (p + 3 <= q) {
        if (p[0] != 0xE3)
            return 0;
        unsigned cp = ((unsigned)(p[0] & 0x0F) << 12) |
                      ((unsigned)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
        if (cp < 0x30A1 || cp > 0x30FF)
            return 0;
        cps++;
        p += 3;
    }
    return p == q && cps >= min;
}

/* Tokens k-1 and k touch, or are joined by a horizontal bar (U+2015)
 * typed for the long-vowel mark ー after a katakana letter ("ロ―マ":
 * one word; story_name_key reads the bar as ー; session 17). */
static int bar_joined(const fx *x, size_t k)
{
    const story_token *p = &x->a->tokens[k - 1], *t = &x->a->tokens[k];
    const unsigned char *g = (const unsigned char *)x->a->text + p->end;
    return t->start == p->end ||
           (t->start - p->end == 3 && memcmp(g, "\xe2\x80\x95", 3) == 0 &&
            p->end >= p->start + 3 && g[-3] == 0xE3 &&
            ((g[-2] == 0x82 && g[-1] >= 0xA1) ||
             (g[-2] == 0x83 && g[-1] <= 0xBA)));
}

/* Tokens i and i+1 are joined by a middle dot alone (U+30FB or the
 * half-width U+FF65). */
static int kana_dot_gap(const fx *x, size_t i)
{
    size_t gap = x->a->tokens[i + 1].start - x->a->tokens[i].end;
    const char *g = x->a->text + x->a->tokens[i].end;
    return gap == 3 && (memcmp(g, "\xe3\x83\xbb", 3) == 0 ||
                        memcmp(g, "\xef\xbd\xa5", 3) == 0);
}

/* Packs with "katakana_names" (ja): a run of katakana tokens (joined
 * directly or by the middle dot) is a name candidate: foreign names and
 * brands are written in katakana, and their romanisation keeps the
 * consonants of the original ("ジョンソン" -> jonson -> insn). */
static size_t katakana_run(fx *x, size_t i, size_t e)
{
    /* the word segmenter cuts rare names into pieces of one letter
     * ("ク" "レ" "メン"): a one-letter piece starts a run when a katakana
     * piece touches it, and continues one */
    /* a run starts at its first piece: the rest of a rejected run
     * ("ビーガン|ステーキ|ベイク") is no run of its own */
    if (i > 0 && katakana_min(x, i - 1, 1) &&
        x->a->tokens[i - 1].end == x->a->tokens[i].start)
        return 0;
    if (!json_is_true(story_langpack_field(x->lp, "katakana_names")) ||
        !(katakana(x, i) ||
          (katakana_min(x, i, 1) && i + 1 < e && katakana_min(x, i + 1, 1) &&
           x->a->tokens[i + 1].start == x->a->tokens[i].end)))
        return 0;
    size_t re = i + 1;
    int dot = 0;
    for (; re < e && katakana_min(x, re, 1); re++) {
        /* pieces of one word touch; "ジョー・バイデン": a middle dot */
        size_t gap = x->a->tokens[re].start - x->a->tokens[re - 1].end;
        const char *g = x->a->text + x->a->tokens[re - 1].end;
        if (gap == 3 && (memcmp(g, "\xe3\x83\xbb", 3) == 0 ||
                         memcmp(g, "\xef\xbd\xa5", 3) == 0))
            dot = 1;
        else if (!bar_joined(x, re)) /* touching, or a bar for ー */
            break;
    }
    /* a middle dot between a word in Han characters and katakana
     * ("修理・リサイクル・サービス") separates the items of a list
     * (nakaguro), not the parts of one foreign name */
    if (dot && ((i > 0 && (x->a->tokens[i - 1].flags & STORY_TOKEN_IDEO) &&
                 !katakana_min(x, i - 1, 1) && kana_dot_gap(x, i - 1)) ||
                (re < e && (x->a->tokens[re].flags & STORY_TOKEN_IDEO) &&
                 kana_dot_gap(x, re - 1))))
        dot = 0;
    /* a generic last piece ("ブリュースター・ブラザーズ" Brothers,
     * "…・ギャラリー" Gallery: entities.json generic_name_words) is no
     * part of the name, as in English */
    while (re > i + 1 && dot && generic_word(x, re - 1))
        re--;
    if (re == i + 1 && generic_word(x, i))
        return 0; /* "ブラザーズ" alone */
    /* loanwords ("ワイン", "システム") are katakana too: a name has a
     * middle dot, a title or honorific after it ("ゲンスラー氏",
     * "ジョンソン議員"), or repeats an earlier name */
    size_t n;
    if (dot || (re < e && (story_langpack_has(x->lp, "name_markers",
                                              x->a->tokens[re].key) ||
                           story_langpack_has(x->lp, "katakana_name_suffixes",
                                              x->a->tokens[re].key) ||
                           role_like(x, re, e, &n))))
        return re - i;
    if (names_earlier(x, x->a->text + x->a->tokens[i].start,
                      x->a->tokens[re - 1].end - x->a->tokens[i].start))
        return re - i;
    return 0;
}

/* Token i may be part of a name in an uncased script: a letter token,
 * no stop/function word, no lexicon entry (verbs, counted nouns, roles,
 * markers). */
/* Token t is a word of a cased script without any capital letter
 * ("tierradelsolgallery.org", "online" in a hi or zh text): written in
 * lower case where case is kept, no name ("iPhone" has a capital). */
static int lower_cased_word(const fx *x, const story_token *t)
{
    const char *s = x->a->text + t->start;
    size_t n = t->end - t->start, p = 0;
    if (t->flags & STORY_TOKEN_CAPITAL)
        return 0;
    int32_t c0 = story__utf8_next(s, n, &p);
    if (!u_hasBinaryProperty(c0, UCHAR_CASED))
        return 0;
    for (p = 0; p < n;) {
        int32_t c = story__utf8_next(s, n, &p);
        if (u_isupper(c))
            return 0;
    }
    return 1;
}

static int uncased_name_token(fx *x, size_t i, size_t e)
{
    size_t n;
    const story_token *t = &x->a->tokens[i];
    return (t->flags & STORY_TOKEN_LETTER) && !is_stopish(x, i, e) &&
           !lower_cased_word(x, t) &&
           !role_like(x, i, e, &n) &&
           !entities_word(x, "common_nouns", t->key) &&
           !story_langpack_has(x->lp, "name_markers", t->key) &&
           !story__fx_match(x, "reporting_verbs", i, e, &n) &&
           !story__fx_match(x, "event_lexicon", i, e, &n) &&
           !story__fx_match(x, "counted_nouns", i, e, &n) &&
           !story__fx_match(x, "attribution_cues", i, e, &n);
}

/* Folded word tk ends like a plural oblique noun (the pack's
 * "common_noun_endings": hi "-ों", "-ओं"). */
static int plural_oblique(fx *x, const char *tk)
{
    size_t ei, tl = strlen(tk);
    json_t *ev;
    json_array_foreach(story_langpack_field(x->lp, "common_noun_endings"),
                       ei, ev) {
        const char *en = json_string_value(ev);
        size_t enl = en ? strlen(en) : 0;
        if (enl && tl > enl && memcmp(tk + tl - enl, en, enl) == 0)
            return 1;
    }
    return 0;
}

/* Packs with "names_near_roles" (hi, zh: no capitals): up to
 * "name_tokens_max" (default 2) name tokens right after a role or title
 * ("राष्ट्रपति जो बाइडेन", "总统拜登"), or right before a "name_markers"
 * word ("… 先生", "… जी"), form a name; transliterated names keep the
 * consonants of the original (拜登 -> bai deng -> bdn = Biden).
 * Returns the run length at token i, 0 if none. */
static int translit_token(fx *x, size_t i);

/* Folded word tk of an uncased script is a word of the language's
 * dictionary or lexicon (dictionary_words(), lexicon_words(); as written or
 * reduced by trunk_word). */
static const char *uncased_next_name(fx *x, size_t j, size_t e, size_t *n);

/* A name marker, subject marker or name postposition of the pack follows
 * token i within "name_tokens_max" (default 2) tokens. */
static int uncased_marked(fx *x, size_t i, size_t e)
{
    json_int_t mx =
        json_integer_value(story_langpack_field(x->lp, "name_tokens_max"));
    size_t maxn = mx > 0 ? (size_t)mx : 2;
    for (size_t k = i + 1; k <= i + maxn && k < e; k++)
        if (story_langpack_has(x->lp, "name_markers", x->a->tokens[k].key) ||
            story_langpack_has(x->lp, "subject_markers",
                               x->a->tokens[k].key) ||
            story_langpack_has(x->lp, "name_postpositions",
                               x->a->tokens[k].key))
            return 1;
    return 0;
}

static int uncased_dictionary_word(fx *x, const char *tk)
{
    const story_strmap *lw = lexicon_words(x), *dw = dictionary_words(x);
    story_buf t = {0};
    dict_trunk(world_suffixes(x), tk, strlen(tk), &t);
    size_t tkn = strlen(tk), tdn = t.oom || !t.len ? 0 : strlen(t.data);
    int dict = t.oom || (lw && story__strmap_get(lw, tk, tkn, NULL)) ||
               (dw && story__strmap_get(dw, tk, tkn, NULL)) ||
               (tdn && lw && story__strmap_get(lw, t.data, tdn, NULL)) ||
               (tdn && dw && story__strmap_get(dw, t.data, tdn, NULL));
    story_buf_free(&t);
    return dict;
}

/* Folded word tk of an uncased script transliterates an English common
 * word (english_skeletons(), english_loanword(): "कंप्यूटर"). */
static int uncased_loanword(fx *x, const char *tk)
{
    json_t *es = english_skeletons(x);
    if (!es)
        return 0;
    char *lk = latin_key(x, tk, strlen(tk));
    story_buf sk = {0};
    if (lk)
        skeleton(lk, &sk);
    int r = lk && !sk.oom && sk.len >= 4 &&
            english_loanword(json_object_get(es, sk.data), lk);
    story_buf_free(&sk);
    free(lk);
    return r;
}

static size_t uncased_run(fx *x, size_t b, size_t i, size_t e)
{
    if (!json_is_true(story_langpack_field(x->lp, "names_near_roles")))
        return 0;
    json_int_t mx =
        json_integer_value(story_langpack_field(x->lp, "name_tokens_max"));
    size_t maxn = mx > 0 ? (size_t)mx : 2;
    int role_before = 0, marker = 0;
    for (size_t w = 1; w <= 3 && w <= i - b && !role_before; w++) {
        size_t m = 0;
        role_before = (story__fx_match(x, "roles", i - w, i, &m) ||
                       story__fx_match(x, "titles", i - w, i, &m)) &&
                      m == w;
    }
    /* cheap test first: most tokens have neither a role before nor a
     * marker within reach */
    if (!role_before)
        marker = uncased_marked(x, i, e);
    /* without a role or marker: a run of transliterated English proper
     * names (english_name(): "नॉटिंघम और …"), not after a connector */
    size_t known = 0;
    if (!role_before && !marker &&
        story_langpack_field(x->lp, "name_dictionary")) {
        while (i + known < e && known < maxn &&
               (known == 0 || !story__fx_clause_break_before(x, i + known)) &&
               uncased_name_token(x, i + known, e) &&
               !plural_oblique(x, x->a->tokens[i + known].key) &&
               english_name(x, x->a->tokens[i + known].key) &&
               !uncased_dictionary_word(x, x->a->tokens[i + known].key))
            known++;
        /* a known given name before a surname the list lacks: the next
         * word, of no dictionary and no English loanword, is the
         * surname */
        if (known == 1 && known < maxn && i + 1 < e &&
            !story__fx_clause_break_before(x, i + 1) &&
            uncased_name_token(x, i + 1, e) &&
            !plural_oblique(x, x->a->tokens[i + 1].key) &&
            !uncased_dictionary_word(x, x->a->tokens[i + 1].key) &&
            !uncased_loanword(x, x->a->tokens[i + 1].key))
            known++;
    }
    /* a name the caller joins to the run follows (uncased_next_name():
     * "given name + gazetteer surname"): left to the rules with a role or
     * marker, which found such pairs before */
    size_t nn = 0;
    if (known && i + known < e && uncased_next_name(x, i + known, e, &nn))
        known = 0;
    if (known && !story_langpack_has(x->lp, "name_connectors",
                                     x->a->tokens[i].key) &&
        !(i > b && story_langpack_has(x->lp, "name_connectors",
                                      x->a->tokens[i - 1].key)))
        return known;
    /* a connector ("name_connectors": hi ऑफ, the English "of" of a
     * transliterated name: "हाउस ऑफ कॉमन्स") neither starts a name nor
     * comes right before one (the name began before it) */
    if ((!role_before && !marker) || !uncased_name_token(x, i, e) ||
        story_langpack_has(x->lp, "name_connectors", x->a->tokens[i].key) ||
        (i > b && story_langpack_has(x->lp, "name_connectors",
                                     x->a->tokens[i - 1].key)))
        return 0;
    size_t re = i + 1;
    while (re < e && re < i + maxn && !story__fx_clause_break_before(x, re) &&
           uncased_name_token(x, re, e)) {
        /* zh: pieces of a name touch or are joined by a middle dot */
        size_t gap = x->a->tokens[re].start - x->a->tokens[re - 1].end;
        const char *g = x->a->text + x->a->tokens[re - 1].end;
        if (x->cjk && gap != 0 &&
            !(gap == 2 && memcmp(g, "\xc2\xb7", 2) == 0) &&
            !(gap == 3 && memcmp(g, "\xe3\x83\xbb", 3) == 0))
            break;
        re++;
    }
    /* zh/ja: a name has at least two characters */
    if (x->cjk && x->a->tokens[re - 1].end - x->a->tokens[i].start < 6)
        return 0;
    /* zh: a Chinese name has 2 or 3 characters; a longer run is a name
     * only when made of transliteration characters ("总统拜登") or of
     * pieces joined by a middle dot, not of common words after a title
     * ("总统应当立即采取", "部长希望能够") */
    if (x->cjk && x->a->tokens[re - 1].end - x->a->tokens[i].start > 9 &&
        json_string_value(story_langpack_field(x->lp, "translit_chars"))) {
        int dotted = 0, foreign = 1;
        for (size_t q = i; q < re; q++) {
            dotted |= q > i && x->a->tokens[q].start != x->a->tokens[q - 1].end;
            foreign &= translit_token(x, q);
        }
        /* pieces joined by a middle dot ("迈克·约翰逊") are a
         * transliterated name */
        if (!dotted && !foreign)
            return 0;
    }
    if (role_before) {
        /* a plural oblique noun (hi "-ों") is no name, also after a
         * title ("अध्यक्ष, चाय उत्पादकों की") */
        for (size_t q = i; q < re; q++)
            if (plural_oblique(x, x->a->tokens[q].key))
                return 0;
        /* nor one word of the language's dictionary that no names list
         * holds ("प्रधान मंत्री कार्यालय", the Prime Minister's office;
         * session 19) */
        if (re == i + 1 && !x->cjk &&
            uncased_dictionary_word(x, x->a->tokens[i].key) &&
            !english_name(x, x->a->tokens[i].key))
            return 0;
        return re - i;
    }
    /* a marker right after the run (or after a shorter prefix of it) */
    for (size_t k = i + 1; k <= re && k < e; k++) {
        if (story_langpack_has(x->lp, "name_markers", x->a->tokens[k].key))
            return k - i;
        /* hi "ने" follows any subject: a name only when no word of the
         * run is a dictionary word (lexicon headword, word list) and the
         * run starts the subject (a clause break or a function word
         * before it); a postposition ("name_postpositions": का, को, में
         * …) follows any noun: a name only when no word of the run is a
         * word of the language's dictionary */
        int subj = story_langpack_has(x->lp, "subject_markers",
                                      x->a->tokens[k].key);
        if (subj || story_langpack_has(x->lp, "name_postpositions",
                                       x->a->tokens[k].key)) {
            const story_strmap *lw = lexicon_words(x),
                               *dw = dictionary_words(x);
            if ((!lw && !dw) || (!subj && !dw) ||
                (subj && i > b && !story__fx_clause_break_before(x, i) &&
                 !is_stopish(x, i - 1, e) &&
                 !story_langpack_has(x->lp, "name_postpositions",
                                     x->a->tokens[i - 1].key) &&
                 !(dw &&
                   story__strmap_get(dw, x->a->tokens[i - 1].key,
                                     strlen(x->a->tokens[i - 1].key), NULL))))
                return 0;
            /* a two-word subject ("रोइसिन करी ने", first name and
             * surname) may have one word the dictionary also lists (करी
             * "curry", कूपर): the other one is no dictionary word */
            int spare = subj && k - i == 2;
            for (size_t q = i; q < k; q++) {
                story_buf t = {0};
                const char *tk = x->a->tokens[q].key;
                dict_trunk(world_suffixes(x), tk, strlen(tk), &t);
                size_t tkn = strlen(tk), tdn = t.oom || !t.len
                                                   ? 0
                                                   : strlen(t.data);
                int dict = t.oom || !t.len ||
                           (lw && story__strmap_get(lw, t.data, tdn, NULL)) ||
                           (lw && story__strmap_get(lw, tk, tkn, NULL)) ||
                           (dw && story__strmap_get(dw, tk, tkn, NULL)) ||
                           (dw && story__strmap_get(dw, t.data, tdn, NULL));
                if (dict && spare && !t.oom && t.len) {
                    spare = 0;
                    dict = 0;
                }
                /* after a postposition: a word with a letter or ending
                 * that transliterated names do not use ("native_letters",
                 * "native_word_endings": ष, ण, -ता) is a word of the
                 * language, and an English loanword is no name */
                size_t ni;
                json_t *nv;
                json_array_foreach(story_langpack_field(x->lp,
                                                        "native_letters"),
                                   ni, nv) {
                    const char *nl = json_string_value(nv);
                    if (!subj && nl && *nl && strstr(tk, nl))
                        dict = 1;
                }
                json_array_foreach(story_langpack_field(
                                       x->lp, "native_word_endings"),
                                   ni, nv) {
                    const char *ne = json_string_value(nv);
                    size_t nel = ne ? strlen(ne) : 0, tkl = strlen(tk);
                    if (!subj && nel && tkl > nel + 3 &&
                        memcmp(tk + tkl - nel, ne, nel) == 0)
                        dict = 1;
                }
                json_t *es = !dict && !subj ? english_skeletons(x) : NULL;
                if (es) {
                    char *lk = latin_key(x, tk, strlen(tk));
                    story_buf sk = {0};
                    if (lk)
                        skeleton(lk, &sk);
                    dict = sk.len >= 4 && lk &&
                           english_loanword(json_object_get(es, sk.data),
                                            lk);
                    story_buf_free(&sk);
                    free(lk);
                }
                /* plural oblique nouns (hi "-ों", "-ओं") are no names */
                if (plural_oblique(x, tk))
                    dict = 1;
                story_buf_free(&t);
                if (dict)
                    return 0;
            }
            return k - i;
        }
    }
    return 0;
}

/* zh: every character of token i is in the pack's "translit_chars"
 * (characters of the standard transliteration of foreign names). */
static int translit_token(fx *x, size_t i)
{
    const char *set = json_string_value(
        story_langpack_field(x->lp, "translit_chars"));
    const story_token *t = &x->a->tokens[i];
    if (!set || !(t->flags & STORY_TOKEN_IDEO))
        return 0;
    const char *p = x->a->text + t->start;
    size_t n = t->end - t->start, k = 0;
    while (k < n) {
        size_t q = k;
        story__utf8_next(p, n, &q);
        char one[8];
        if (q - k >= sizeof one)
            return 0;
        memcpy(one, p + k, q - k);
        one[q - k] = '\0';
        if (!strstr(set, one))
            return 0;
        k = q;
    }
    return n > 0;
}

/* zh: tokens i and i+1 are joined by a middle dot (· or ・, or a bullet
 * •) alone, spaces around it allowed ("丹尼斯 ·M· 凯莱赫"). */
static int dot_gap(const fx *x, size_t i)
{
    size_t p = x->a->tokens[i].end, q = x->a->tokens[i + 1].start;
    const char *t = x->a->text;
    int dots = 0;
    while (p < q) {
        int32_t c = story__utf8_next(t, q, &p);
        if (c == 0xB7 || c == 0x30FB || c == 0x2022)
            dots++;
        else if (c != ' ' && c != 0x3000)
            return 0;
    }
    return dots == 1;
}

/* zh: token i is a Latin initial between two middle dots ("约翰·F·肯尼迪"). */
static int dotted_initial(const fx *x, size_t i, size_t e)
{
    const story_token *t = &x->a->tokens[i];
    return i > 0 && i + 1 < e && t->end - t->start == 1 &&
           x->a->text[t->start] >= 'A' && x->a->text[t->start] <= 'Z' &&
           dot_gap(x, i - 1) && dot_gap(x, i);
}

/* zh: a transliterated foreign name at token i: transliteration
 * characters, pieces touching or joined by a middle dot, with at least
 * one dot ("迈克·劳勒"); or, without a dot, the same characters as the
 * part after the last dot of an earlier such name (a later surname
 * mention "劳勒"). Returns its tokens, 0 if none. */
static size_t dotted_name(fx *x, size_t i, size_t e)
{
    if (!x->cjk || !translit_token(x, i))
        return 0;
    size_t re = i + 1, dots = 0, last = i;
    while (re < e && (translit_token(x, re) ||
                      (dotted_initial(x, re, e) && translit_token(x, re + 1)))) {
        if (dot_gap(x, re - 1)) {
            dots++;
            last = re;
        } else if (x->a->tokens[re].start != x->a->tokens[re - 1].end) {
            break;
        }
        re++;
    }
    /* a later surname mention may be glued to the next word ("劳勒说"):
     * the transliteration prefix of a touching token may end it inside
     * that token (x->name_end); a full name ends at a token end */
    size_t part = 0;
    if (!dots && re < e &&
        x->a->tokens[re].start == x->a->tokens[re - 1].end) {
        const story_token *t = &x->a->tokens[re];
        const char *set = json_string_value(
            story_langpack_field(x->lp, "translit_chars"));
        const char *p = x->a->text + t->start;
        size_t n = t->end - t->start, k = 0;
        while (set && k < n) {
            size_t q = k;
            story__utf8_next(p, n, &q);
            char one[8];
            if (q - k >= sizeof one)
                break;
            memcpy(one, p + k, q - k);
            one[q - k] = '\0';
            if (!strstr(set, one))
                break;
            k = q;
        }
        part = k;
    }
    json_t *sur = json_object_get(x->lower_seen, "\x1fzhsur");
    if (!sur) {
        sur = json_object();
        json_object_set_new(x->lower_seen, "\x1fzhsur", sur);
    }
    const char *text = x->a->text;
    if (dots) {
        /* the surname runs from the last dot over touching pieces */
        size_t se = last + 1;
        while (se < re && !dot_gap(x, se - 1))
            se++;
        size_t b1 = x->a->tokens[se - 1].end;
        re = se;
        size_t b0 = x->a->tokens[last].start;
        if (b1 - b0 >= 6) {
            char k[128];
            if (b1 - b0 < sizeof k) {
                memcpy(k, text + b0, b1 - b0);
                k[b1 - b0] = '\0';
                json_object_set_new(sur, k, json_true());
            }
        }
        return re - i;
    }
    /* a known surname starting at token i, ending at a token end or
     * inside the touching token after the pieces ("劳勒说") */
    size_t b0 = x->a->tokens[i].start;
    size_t lim = re < e && part ? x->a->tokens[re].start + part
                                : x->a->tokens[re - 1].end;
    const char *k;
    json_t *v;
    size_t best = 0;
    json_object_foreach(sur, k, v) {
        size_t kl = strlen(k);
        if (kl > best && b0 + kl <= lim && memcmp(text + b0, k, kl) == 0)
            best = kl;
    }
    if (!best)
        return 0;
    size_t r = i;
    while (r < e && x->a->tokens[r].end < b0 + best)
        r++;
    if (r >= e)
        return 0;
    if (x->a->tokens[r].end > b0 + best)
        x->name_end = b0 + best;
    return r + 1 - i;
}

/* Token i is an acronym that the article defines as a common noun: some
 * occurrence of it (or of its plural "s") is in parentheses right after as
 * many lower-case words as it has letters, their initials spelling it
 * (ASCII: "a continuing resolution (CR)"); an organisation's name before
 * it has a capital ("the Accountant-General (AG)"). */
/* 1 when s (n bytes) holds a quotation mark of the kinds in `marks`
 * (UTF-8 strings, NULL-terminated list). */
static int has_mark(const char *s, size_t n, const char *const *marks)
{
    for (size_t m = 0; marks[m]; m++) {
        size_t ml = strlen(marks[m]);
        for (size_t p = 0; p + ml <= n; p++)
            if (memcmp(s + p, marks[m], ml) == 0)
                return 1;
    }
    return 0;
}

/* Opening quotation marks: " „ “ « 「 ‘ */
static const char *const opening_marks[] = {
    "\"", "\xe2\x80\x9e", "\xe2\x80\x9c", "\xc2\xab", "\xe3\x80\x8c",
    "\xe2\x80\x98", NULL};

/* Token i starts a quotation inside its sentence: the gap before it
 * ends with an opening quotation mark ('заявил: «Таким образом'). */
static int quote_initial(const fx *x, size_t i)
{
    const story_article *a = x->a;
    if (i == 0 || a->tokens[i - 1].sentence != a->tokens[i].sentence)
        return 0;
    const char *g = a->text + a->tokens[i - 1].end;
    size_t gl = a->tokens[i].start - a->tokens[i - 1].end;
    /* the mark touches the word ('"new normal" - Scotsman' has none) */
    for (size_t m = 0; opening_marks[m]; m++) {
        size_t ml = strlen(opening_marks[m]);
        if (gl >= ml && memcmp(g + gl - ml, opening_marks[m], ml) == 0)
            return 1;
    }
    return 0;
}

/* Token i's word is written capitalised elsewhere in the article where
 * the capital is no evidence of a name's: not at a sentence or
 * quotation start. */
static int capital_elsewhere(const fx *x, size_t i)
{
    const story_article *a = x->a;
    unsigned char *tf = &x->tok_flags[i];
    if (*tf & FX_TF_CAPEL_DONE)
        return (*tf & FX_TF_CAPEL) != 0;
    const char *k = a->tokens[i].key;
    /* the witnesses (capitalised mid-sentence, not after an opening
     * quotation mark) of this key: the first and whether there are two */
    size_t first = SIZE_MAX;
    int two = 0;
    for (size_t j = 0; j < a->n_tokens && !two; j++) {
        const story_token *t = &a->tokens[j];
        if (!(t->flags & STORY_TOKEN_CAPITAL) || strcmp(t->key, k) != 0 ||
            j == x->sent_tok[t->sentence] || quote_initial(x, j))
            continue;
        if (first == SIZE_MAX)
            first = j;
        else
            two = 1;
    }
    /* every token of the key gets its answer from the same scan (a
     * witness is one only for the others): linear on a long article */
    for (size_t j = 0; j < a->n_tokens; j++) {
        if (j != i && strcmp(a->tokens[j].key, k) != 0)
            continue;
        int v = two || (first != SIZE_MAX && first != j);
        x->tok_flags[j] |= FX_TF_CAPEL_DONE | (v ? FX_TF_CAPEL : 0);
    }
    return (*tf & FX_TF_CAPEL) != 0;
}

/* A translated definition of an acronym: '„vorläufigen Haushalt“ (CR)',
 * '«постоянную резолюцию» (CR)', '「つなぎ予算案」(CR)'. The acronym at
 * token j follows a parenthesis right after a closing quotation mark, and
 * the quoted phrase (at most 8 tokens, one sentence) starts with a
 * lower-case word or a word of a script without capitals: a term, whose
 * letters need not be the acronym's (the translation kept the English
 * acronym). */
static int quoted_lower_before(const fx *x, size_t j)
{
    static const char *const closing[] = {"\"", "\xe2\x80\x9d", "\xe2\x80\x9c",
                                          "\xc2\xbb", "\xe3\x80\x8d",
                                          "\xe2\x80\x99", NULL};
    const char *const *opening = opening_marks;
    const story_article *a = x->a;
    if (j < 2)
        return 0;
    const story_token *tp = &a->tokens[j - 1], *tj = &a->tokens[j];
    const char *g = a->text + tp->end;
    const char *paren = memchr(g, '(', tj->start - tp->end);
    if (!paren || !has_mark(g, (size_t)(paren - g), closing) ||
        tp->sentence != tj->sentence)
        return 0;
    for (size_t k = j - 1; k > 0 && j - k <= 8; k--) {
        const story_token *tk = &a->tokens[k], *tb = &a->tokens[k - 1];
        if (tb->sentence != tk->sentence)
            return 0;
        if (has_mark(a->text + tb->end, tk->start - tb->end, opening))
            return (tk->flags & STORY_TOKEN_LETTER) &&
                   !(tk->flags & STORY_TOKEN_CAPITAL);
    }
    return 0;
}

static int defined_common_acronym_scan(fx *x, size_t i, int *scanned);

/* The acronym t of `letters` ASCII letters at token j (after a "(")
 * abbreviates a role: the words right before it, split at spaces and
 * hyphens and capitalised or not, start with its letters, and the last
 * of them is a pack "roles"/"titles" word ("the Accountant-General (AG)",
 * "the Chief Medical Officer (CMO)"). Translations spell such a title
 * out or abbreviate it their own way; it is no entity. */
static int role_abbreviation(fx *x, size_t j, const char *t, size_t letters)
{
    const story_article *a = x->a;
    if (j == 0 || letters > 6)
        return 0;
    size_t k = j - 1;
    const story_token *tk = &a->tokens[k];
    if (!(tk->flags & STORY_TOKEN_LETTER) ||
        tk->sentence != a->tokens[j].sentence)
        return 0;
    /* the last word: after the last hyphen of the key */
    const char *key = tk->key, *h = strrchr(key, '-');
    size_t n;
    const char *last = h ? h + 1 : key;
    if (!story_langpack_has(x->lp, "roles", last) &&
        !story_langpack_has(x->lp, "titles", last) &&
        !story__fx_match(x, "roles", k, k + 1, &n) &&
        !story__fx_match(x, "titles", k, k + 1, &n))
        return 0;
    /* a translation keeps the English acronym of a title it spells out
     * in its own words ("Contable General (AG)", session 19): no
     * initials to compare */
    if (x->lang && strcmp(x->lang, "en") != 0)
        return 1;
    /* initials, read backwards over the text before the "(" */
    size_t sb = a->sentences[tk->sentence].start, p = tk->end;
    for (size_t q = letters; q-- > 0;) {
        while (p > sb && (a->text[p - 1] == ' ' || a->text[p - 1] == '-'))
            p--;
        size_t w = p;
        while (w > sb && a->text[w - 1] != ' ' && a->text[w - 1] != '-')
            w--;
        if (w == p || tolower((unsigned char)a->text[w]) !=
                          tolower((unsigned char)t[q]))
            return 0;
        p = w;
    }
    return 1;
}

/* Session 19: the Latin acronym t (tn bytes) at token j follows "(" right
 * after a lower-case word of a cased script other than Latin ("головному
 * бухгалтеру (AG)", "відділу внутрішнього аудиту (IAD)"): a translation
 * that spells out a common term or title in its own words and keeps the
 * English acronym. An organisation's name there starts with a capital
 * ("Міністерство фінансів (MoF)"): the lower-case words must reach back
 * to a punctuation mark or the sentence start. */
static int translated_term_before(const fx *x, size_t j, const char *t,
                                  size_t tn)
{
    const story_article *a = x->a;
    if (j == 0 || x->cjk)
        return 0;
    for (size_t q = 0; q < tn; q++)
        if ((unsigned char)t[q] >= 0x80)
            return 0;
    const story_token *tp = &a->tokens[j - 1], *tj = &a->tokens[j];
    if (tp->sentence != tj->sentence || !(tp->flags & STORY_TOKEN_LETTER) ||
        (tp->flags & STORY_TOKEN_CAPITAL))
        return 0;
    /* nothing but spaces and the "(" between them */
    int paren = 0;
    for (size_t p = tp->end; p < tj->start; p++) {
        if (a->text[p] == '(')
            paren++;
        else if (a->text[p] != ' ')
            return 0;
    }
    if (paren != 1)
        return 0;
    size_t cp = 0;
    int32_t c0 = story__utf8_next(a->text + tp->start, tp->end - tp->start,
                                  &cp);
    if (c0 < 0x370 || !u_hasBinaryProperty(c0, UCHAR_CASED))
        return 0;
    /* the lower-case words before it, back to a punctuation mark: a
     * capitalised word joined to them by spaces alone starts a name
     * ("Национальный совет по безопасности на транспорте (NTSB)") */
    for (size_t k = j - 1; k > 0 && j - k <= 8; k--) {
        const story_token *tk = &a->tokens[k], *tb = &a->tokens[k - 1];
        if (tb->sentence != tk->sentence)
            return 1;
        for (size_t p = tb->end; p < tk->start; p++)
            if (a->text[p] != ' ')
                return 1;
        if (!(tb->flags & STORY_TOKEN_LETTER))
            return 1;
        if (tb->flags & STORY_TOKEN_CAPITAL)
            return 0;
    }
    return 0;
}

/* Token i is an acronym the article defines as a common term
 * ("a continuing resolution (CR)"). The answer depends only on the
 * token's bytes, so it is memoised for every token with the same bytes:
 * one scan of the article per distinct acronym, not per mention. */
static int defined_common_acronym(fx *x, size_t i)
{
    unsigned char *tf = &x->tok_flags[i];
    if (*tf & FX_TF_DEFACR_DONE)
        return (*tf & FX_TF_DEFACR) != 0;
    int scanned = 0;
    int v = defined_common_acronym_scan(x, i, &scanned);
    if (!scanned) /* no acronym of 2-6 letters: no scan to save */
        return v;
    const story_article *a = x->a;
    const story_token *ti = &a->tokens[i];
    size_t n = ti->end - ti->start;
    for (size_t j = 0; j < a->n_tokens; j++) {
        const story_token *tj = &a->tokens[j];
        if (tj->end - tj->start == n &&
            memcmp(a->text + tj->start, a->text + ti->start, n) == 0)
            x->tok_flags[j] |= FX_TF_DEFACR_DONE | (v ? FX_TF_DEFACR : 0);
    }
    return v;
}

static int defined_common_acronym_scan(fx *x, size_t i, int *scanned)
{
    const story_article *a = x->a;
    const char *t = a->text + a->tokens[i].start;
    size_t tn = strip_possessive(t, a->tokens[i].end - a->tokens[i].start);
    /* (the plural "s" first: "CRs" is the acronym CR) */
    if (tn > 2 && t[tn - 1] == 's')
        tn--;
    if (!is_acronym(t, tn))
        return 0;
    size_t letters = 0;
    for (size_t q = 0; q < tn; q++)
        letters += ((unsigned char)t[q] & 0xC0) != 0x80;
    if (letters < 2 || letters > 6)
        return 0;
    *scanned = 1;
    for (size_t j = letters; j < a->n_tokens; j++) {
        const story_token *tj = &a->tokens[j];
        size_t jn = tj->end - tj->start;
        if ((jn != tn && !(jn == tn + 1 && a->text[tj->end - 1] == 's')) ||
            memcmp(a->text + tj->start, t, tn) != 0)
            continue;
        const story_token *tp = &a->tokens[j - 1];
        int paren = 0;
        for (size_t p = tp->end; p < tj->start; p++)
            paren |= a->text[p] == '(';
        if (!paren)
            continue;
        if (quoted_lower_before(x, j))
            return 1;
        /* the words before it, quotation marks between them skipped
         * ('a "continuing resolution" (CR)') */
        int lower = 1;
        size_t k = j, q = letters;
        while (q > 0 && lower) {
            if (k == 0) {
                lower = 0;
                break;
            }
            const story_token *tk = &a->tokens[--k];
            if (!(tk->flags & (STORY_TOKEN_LETTER | STORY_TOKEN_NUMBER)) &&
                j - k <= letters + 2 && tk->sentence == tj->sentence)
                continue;
            q--;
            lower = tk->sentence == tj->sentence &&
                    (tk->flags & STORY_TOKEN_LETTER) &&
                    !(tk->flags & (STORY_TOKEN_CAPITAL | STORY_TOKEN_NUMBER)) &&
                    tolower((unsigned char)t[q]) ==
                        (unsigned char)a->text[tk->start];
        }
        if (lower)
            return 1;
        if (role_abbreviation(x, j, t, letters))
            return 1;
        if (translated_term_before(x, j, t, tn))
            return 1;
    }
    return 0;
}

/* Token i is an English contraction ("Can't", "They're", "We'll"): no
 * part of a name ("Fans Can't …" in a title-case line). */
static int contraction(const fx *x, size_t i)
{
    const char *k = x->a->tokens[i].key;
    size_t n = strlen(k);
    static const char *const ends[] = {"n't", "n\xe2\x80\x99t", "'re",
                                       "\xe2\x80\x99re", "'ll",
                                       "\xe2\x80\x99ll", "'ve",
                                       "\xe2\x80\x99ve"};
    for (size_t q = 0; q < sizeof ends / sizeof ends[0]; q++) {
        size_t el = strlen(ends[q]);
        if (n > el && memcmp(k + n - el, ends[q], el) == 0)
            return 1;
    }
    return 0;
}

/* Token i (folded, possessive and plural "s" stripped) is one letter, is
 * in entities.json "common_acronyms" (for every language under "*", or for
 * x->lang), or ends with one of "derivations" of x->lang (at least 3
 * letters before it). */
static int not_entity(fx *x, size_t i)
{
    json_t *ef = world_entities_file(x, story__fx_world_cache(x));
    /* the lists of entities.json read below, once per language */
    ent_lang *L = ent_lang_of(x), local;
    struct ent_nelists *ne = L ? &L->ne : &local.ne;
    if (!L)
        local.ne.ef = NULL;
    not_entity_lists(x, L ? L : &local, ef);
    const char *k = x->a->tokens[i].key;
    size_t n = strip_possessive(k, strlen(k));
    char w[64];
    if (n >= sizeof w)
        return 0;
    /* one letter alone ("A&E", an initial) */
    size_t cp = 0;
    story__utf8_next(k, n, &cp);
    if (cp == n && (!x->cjk || (unsigned char)k[0] < 0x80))
        return 1;
    /* a code, model or amount: one letter and a digit ("N585",
     * "A319neo"; "FTSE100" stays) */
    if (n > 1 && isalpha((unsigned char)k[0]) &&
        isdigit((unsigned char)k[1]))
        return 1;
    if (contraction(x, i))
        return 1;
    if (defined_common_acronym(x, i))
        return 1;
    /* an ISO 4217 currency code written as an acronym ("USD", "NGN";
     * entities.json "currency_codes", from iso-codes) */
    if (n == 3 && is_acronym(x->a->text + x->a->tokens[i].start,
                             x->a->tokens[i].end - x->a->tokens[i].start)) {
        size_t ci;
        json_t *cv;
        json_array_foreach(ne->cc, ci, cv) {
            const char *cc = json_string_value(cv);
            if (cc && strlen(cc) == 3 && memcmp(cc, k, 3) == 0)
                return 1;
        }
    }
    /* a time-zone abbreviation written as an acronym ("09:00 KST";
     * entities.json "time_zones") */
    if (n >= 2 && n <= 5 &&
        is_acronym(x->a->text + x->a->tokens[i].start,
                   x->a->tokens[i].end - x->a->tokens[i].start)) {
        size_t ci;
        json_t *cv;
        json_array_foreach(ne->tz, ci, cv) {
            const char *tz = json_string_value(cv);
            if (tz && strlen(tz) == n && memcmp(tz, k, n) == 0)
                return 1;
        }
    }
    memcpy(w, k, n);
    w[n] = '\0';
    /* a common noun that some languages write capitalised
     * (entities.json "common_nouns": currencies such as bitcoin, which
     * English writes in lower case) */
    if (generic_in(ne->cn[0], w, n) || generic_in(ne->cn[1], w, n))
        return 1;
    for (int l = 0; l < 2; l++) {
        json_t *list = ne->ca[l];
        for (int pl = 0; pl < 2; pl++) {
            size_t idx;
            json_t *v;
            json_array_foreach(list, idx, v) {
                if (json_is_string(v) && strcmp(json_string_value(v), w) == 0)
                    return 1;
            }
            if (n < 3 || w[n - 1] != 's')
                break;
            w[n - 1] = '\0'; /* "ETFs" */
        }
        w[n - 1] = k[n - 1];
    }
    size_t idx;
    json_t *v;
    json_array_foreach(ne->der, idx, v) {
        const char *d = json_string_value(v);
        size_t dl = d ? strlen(d) : 0;
        if (dl && n >= dl + 3 && memcmp(w + n - dl, d, dl) == 0)
            return 1;
    }
    return 0;
}

/* ru/uk/cs/pl: a capitalised word alone with an adjective ending
 * (entities.json "adjective_endings": "Национальной службы",
 * "Федеральное управление") modifies a common noun: no name, unless a
 * role or title precedes it or it is the surname or key of an earlier
 * entity ("Зеленский" after "Владимир Зеленский"). */
static int lone_adjective(fx *x, size_t b, size_t rs)
{
    json_t *ends = json_object_get(
        json_object_get(world_entities_file(x, story__fx_world_cache(x)),
                        "adjective_endings"),
        x->lang);
    if (!json_array_size(ends))
        return 0;
    const story_article *a = x->a;
    const char *k = a->tokens[rs].key;
    size_t n = strlen(k), idx;
    json_t *v;
    int adj = 0;
    json_t *sstems = json_object_get(
        json_object_get(world_entities_file(x, story__fx_world_cache(x)),
                        "surname_stems"),
        x->lang);
    json_array_foreach(ends, idx, v) {
        const char *e = json_string_value(v);
        size_t el = e ? strlen(e) : 0;
        if (!el || n < el + 6 || memcmp(k + n - el, e, el) != 0)
            continue;
        /* "Лавров|ым", "Путин|ым": a surname stem before the ending */
        int sur = 0;
        size_t si;
        json_t *sv;
        json_array_foreach(sstems, si, sv) {
            const char *st = json_string_value(sv);
            size_t sl = st ? strlen(st) : 0;
            if (sl && n - el >= sl &&
                memcmp(k + n - el - sl, st, sl) == 0)
                sur = 1;
        }
        if (!sur)
            adj = 1;
    }
    if (!adj || is_acronym(a->text + a->tokens[rs].start,
                           a->tokens[rs].end - a->tokens[rs].start))
        return 0;
    size_t m;
    if (rs > b && (x->tok_role[rs - 1] ||
                   story__fx_match(x, "roles", rs - 1, rs + 1, &m) ||
                   story__fx_match(x, "titles", rs - 1, rs + 1, &m)))
        return 0;
    size_t tn = strip_suffix(x, k, n);
    return !names_earlier(x, k, tn);
}

/* zh/ja: the gap before token k is one middle dot (· ・ • ･): a first
 * name of the names gazetteer ("リシ", "里希") followed by one is the
 * first part of a longer name ("リシ・スナク"), left to the katakana and
 * transliterated-name rules. */
static int dot_gap_cjk(const fx *x, size_t k)
{
    const story_token *p = &x->a->tokens[k - 1], *t = &x->a->tokens[k];
    size_t gl = t->start - p->end;
    const char *g = x->a->text + p->end;
    return (gl == 2 && memcmp(g, "\xc2\xb7", 2) == 0) ||
           (gl == 3 && (memcmp(g, "\xe3\x83\xbb", 3) == 0 ||
                        memcmp(g, "\xe2\x80\xa2", 3) == 0 ||
                        memcmp(g, "\xef\xbd\xa5", 3) == 0));
}

/* Token j ends at byte q and is written in capitals only (a dateline
 * place, "PASADENA"), at least 2 letters. */
static int dateline_word_at(fx *x, size_t i, size_t q)
{
    const story_article *a = x->a;
    for (size_t j = i; j-- > 0;) {
        const story_token *t = &a->tokens[j];
        if (t->end < q)
            return 0;
        if (t->end == q)
            return t->end - t->start >= 2 &&
                   (t->flags & STORY_TOKEN_LETTER) &&
                   is_acronym(a->text + t->start, t->end - t->start);
    }
    return 0;
}

/* An outlet credit: a parenthesised name of at most 4 capitalised words
 * at the start of one of the article's first three paragraphs, or right
 * after a dateline place in capitals with an optional abbreviation
 * ("(CNN) Is it …", "PASADENA, Calif. (KTLA) — …"): the agency or
 * broadcaster that filed the story, no fact of it (two outlets' copies
 * of one story differ there). Returns the tokens before the ")" from i
 * (0: no credit). */
static size_t outlet_credit(fx *x, size_t i, size_t e)
{
    const story_article *a = x->a;
    const story_token *t = &a->tokens[i];
    size_t para = a->sentences[t->sentence].paragraph;
    if (para >= 3 || para >= a->n_paragraphs ||
        !(t->flags & STORY_TOKEN_CAPITAL))
        return 0;
    size_t ps = a->paragraphs[para].start, p = t->start;
    while (p > ps && a->text[p - 1] == ' ')
        p--;
    if (p == ps || a->text[p - 1] != '(')
        return 0;
    p--;
    size_t k = i + 1;
    while (k < e && k < i + 4 && (a->tokens[k].flags & STORY_TOKEN_CAPITAL) &&
           story__fx_adjacent(x, k - 1, 0))
        k++;
    size_t c = a->tokens[k - 1].end;
    while (c < a->text_len && a->text[c] == ' ')
        c++;
    if (c >= a->text_len || a->text[c] != ')')
        return 0;
    while (p > ps && a->text[p - 1] == ' ')
        p--;
    if (p == ps)
        return k - i;
    /* ", Calif." between the place and the credit */
    if (a->text[p - 1] == '.') {
        size_t w = p - 1;
        while (w > ps && isalpha((unsigned char)a->text[w - 1]))
            w--;
        if (w == p - 1 || !isupper((unsigned char)a->text[w]))
            return 0;
        while (w > ps && a->text[w - 1] == ' ')
            w--;
        if (w == ps || a->text[w - 1] != ',')
            return 0;
        p = w - 1;
    }
    return dateline_word_at(x, i, p) ? k - i : 0;
}

/* Scripts without capitals and with spaces between words (hi, ar): the
 * name that starts at token j right after a name ending at j - 1 (one
 * space between them, no punctuation): a "people" entry or a names
 * gazetteer hit that is no place, organisation or world form. A given
 * name and the surname after it are one name ("ऋषि सुनक", "डोनाल्ड
 * ट्रंप"), as a capitalised run is in cased scripts. Returns its concept
 * and sets *n to its token count; NULL otherwise. */
static const char *uncased_next_name(fx *x, size_t j, size_t e, size_t *n)
{
    const story_article *a = x->a;
    if (x->cjk || j >= e || j == 0 || !story__fx_adjacent(x, j - 1, 0) ||
        story__fx_clause_break_before(x, j) ||
        (unsigned char)a->tokens[j].key[0] < 0xD8 ||
        (a->tokens[j].flags & STORY_TOKEN_CAPITAL) ||
        !(a->tokens[j].flags & STORY_TOKEN_LETTER) || is_stopish(x, j, e))
        return NULL;
    size_t m = 0, wn = 0;
    const char *wk = NULL, *gc;
    if (story__fx_match(x, "places", j, e, &m) ||
        story__fx_match(x, "organisations", j, e, &m))
        return NULL;
    if ((gc = story__fx_match(x, "people", j, e, &m)) != NULL) {
        *n = m;
        return gc;
    }
    if (world_match(x, j, e, &wn, &wk))
        return NULL;
    if ((gc = story__fx_gazetteer_match(x, j, e, &m)) != NULL && m > 0) {
        *n = m;
        return gc;
    }
    return NULL;
}

/* Token i - 1, in sentence [b, ...), is a currency word of the pack's
 * "currencies" (locales/numbers/<lang>.json), as folded or with the full
 * stop of its abbreviation ("дол.", "долл."), right before token i. Not
 * in zh/ja: every token is adjacent there, and ja 元 is "former" as well
 * as yuan (元 before a place: "the former ... state government"). */
static int currency_before(fx *x, size_t b, size_t i)
{
    if (x->cjk || i <= b || !story__fx_adjacent(x, i - 1, 1))
        return 0;
    const story_token *t = &x->a->tokens[i - 1];
    if (story_langpack_has(x->lp, "currencies", t->key))
        return 1;
    char k[64];
    size_t kn = strlen(t->key);
    if (kn + 2 > sizeof k || t->end >= x->a->tokens[i].start ||
        x->a->text[t->end] != '.')
        return 0;
    memcpy(k, t->key, kn);
    k[kn] = '.';
    k[kn + 1] = '\0';
    return story_langpack_has(x->lp, "currencies", k);
}

/* Token i is a currency word of the pack's "currencies" right before a
 * number ("Rs 3 crore", "Rs. 50"): the unit of an amount, no name
 * (session 20, fresh-user 19 M9/L1: "Rs" was an entity keyed as
 * Russia's "rs"). */
static int currency_of_amount(fx *x, size_t i, size_t e)
{
    if (x->cjk || i + 1 >= e || !story__fx_adjacent(x, i, 1) ||
        !isdigit((unsigned char)x->a->tokens[i + 1].key[0]))
        return 0;
    return currency_before(x, i, i + 1);
}

/* A photo credit "… /Anna Nowak /Foto News …" (web copy flattened: the
 * caption's author and agency, each after a '/' that follows white
 * space): the capitalised run right after such a '/' at token i, not
 * the sentence's first, is no name (session 20, fresh-user 19 H6: the
 * credit became a quote's speaker and was glued into the next
 * sentence's subject). Returns the number of tokens the credit takes:
 * the whole run, or, when the run goes on for 2 or more words after
 * it, its first word if an acronym ("/PAP"), else its first 2 (the
 * agency's name; the rest is the subject of the text that follows the
 * caption). 0: no credit. */
static size_t slash_credit(fx *x, size_t b, size_t i, size_t e)
{
    const story_article *a = x->a;
    size_t st = a->tokens[i].start;
    if (x->cjk || i <= b || st < 2 || a->text[st - 1] != '/' ||
        (a->text[st - 2] != ' ' && a->text[st - 2] != '\t') ||
        a->tokens[i - 1].end > st - 2)
        return 0;
    size_t re = i + 1;
    while (re < e && cap(x, re) && story__fx_adjacent(x, re - 1, 0))
        re++;
    size_t len = re - i;
    size_t c = is_acronym(a->text + st, a->tokens[i].end - st) ? 1 : 2;
    return len >= c + 2 ? c : len;
}

static int entities_sentence(fx *x, size_t s)
{
    const story_article *a = x->a;
    size_t b = x->sent_tok[s], e = x->sent_tok[s + 1];
    json_t *capn = story_langpack_field(x->lp, "capitalised_nouns");
    int nouncaps = json_is_true(capn);
    story_vec roles;
    story_vec_init(&roles, sizeof(char *));
    story_buf role_of = {0}; /* "<role>\t<organisation as written>" */
    size_t caps = 0, words = 0, lower = 0;
    for (size_t k = b; k < e; k++)
        if (x->a->tokens[k].flags & STORY_TOKEN_LETTER) {
            words++;
            if (cap(x, k))
                caps++;
            else if (!is_stopish(x, k, e))
                lower++;
        }
    /* a title-case headline: a paragraph of one sentence with >= 75% of
     * its words capitalised, or the first sentence of the article (a
     * headline run into the text) of >= 5 words, every one capitalised
     * but function words */
    const story_article *art = x->a;
    size_t para = art->sentences[s].paragraph;
    int alone = (s == 0 || art->sentences[s - 1].paragraph != para) &&
                (s + 1 >= art->n_sentences ||
                 art->sentences[s + 1].paragraph != para);
    int titlecase = !x->cjk && words >= 4 && caps * 4 >= words * 3 &&
                    !nouncaps &&
                    (alone || (s == 0 && words >= 5 && lower == 0));
    size_t i = b;
    while (i < e && !x->rc) {
        size_t n = 0;
        const char *gk = NULL, *gc = NULL;
        int from_world = 0; /* gc is a world form (lower case allowed) */
        size_t credit = outlet_credit(x, i, e);
        if (credit) {
            i += credit;
            continue;
        }
        /* gazetteers first (any script; a possessive "Europe's" is
         * looked up without its ending) */
        if ((gc = story__fx_match(x, "places", i, e, &n)) &&
            (gk = "place", world_stop(x, gc, i, e, n, &gk)))
            ;
        else if ((gc = story__fx_match(x, "organisations", i, e, &n)) &&
                 !member_compound(x, i + n, e))
            gk = "organisation";
        else if ((gc = story__fx_match(x, "people", i, e, &n)))
            gk = "person";
        /* (world_match sets n before world_stop reads it: the argument
         * evaluation order of one call is unspecified) */
        else if ((gc = world_match(x, i, e, &n, &gk)) &&
                 (gc = world_stop(x, gc, i, e, n, &gk)))
            from_world = 1;
        else if (!(a->tokens[i].flags & STORY_TOKEN_CAPITAL) &&
                 (unsigned char)a->tokens[i].key[0] >= 0xD8 &&
                 (gc = story__fx_gazetteer_match(x, i, e, &n)) &&
                 !(n == 1 && is_stopish(x, i, e)) &&
                 !(x->cjk && i + n < e && dot_gap_cjk(x, i + n)))
            gk = "other"; /* scripts without capitals: names gazetteer
                             (not a function word: hi "जो" is "which") */
        else {
            const char *k = a->tokens[i].key;
            size_t kn = strip_possessive(k, strlen(k));
            char kk[128];
            /* a dotted acronym ("U.S", "U.K"): looked up without its dots */
            size_t dn = 0;
            int dotted = strchr(k, '.') && kn < sizeof kk &&
                         (a->tokens[i].flags & STORY_TOKEN_CAPITAL);
            for (size_t q = 0; dotted && q < kn; q++) {
                if (k[q] == '.')
                    continue;
                if (!isalpha((unsigned char)k[q]))
                    dotted = 0;
                else
                    kk[dn++] = k[q];
            }
            if (dotted && dn >= 2) {
                kk[dn] = '\0';
                static const char *const dz[3][2] = {
                    {"places", "place"},
                    {"organisations", "organisation"},
                    {"people", "person"}};
                for (int g = 0; g < 3 && !gk; g++)
                    if ((gc = story_langpack_map(x->lp, dz[g][0], kk))) {
                        gk = dz[g][1];
                        n = 1;
                    }
            }
            if (!gk && kn < strlen(k) && kn < 120) {
                snprintf(kk, sizeof kk, "%.*s", (int)kn, k);
                static const char *const gz[3][2] = {
                    {"places", "place"},
                    {"organisations", "organisation"},
                    {"people", "person"}};
                for (int g = 0; g < 3 && !gk; g++)
                    if ((gc = story_langpack_map(x->lp, gz[g][0], kk))) {
                        gk = gz[g][1];
                        n = 1;
                    }
            }
        }
        /* the longest gazetteer or world form wins: "EU Council" is the
         * Council, not "EU"; "欧州議会" the Parliament, not "欧州" */
        if (gk && gc) {
            static const char *const gz2[2][2] = {
                {"organisations", "organisation"}, {"people", "person"}};
            for (int g = 0; g < 2; g++) {
                size_t on = 0;
                const char *oc = story__fx_match(x, gz2[g][0], i, e, &on);
                if (oc && on > n) {
                    gc = oc;
                    gk = gz2[g][1];
                    n = on;
                    from_world = 0;
                }
            }
            size_t wn = 0;
            const char *wk = NULL;
            const char *wc = world_match(x, i, e, &wn, &wk);
            if (wc && wn > n &&
                (wc = world_stop(x, wc, i, e, wn, &wk)) != NULL) {
                gc = wc;
                gk = wk;
                n = wn;
                from_world = 1;
            }
        }
        /* a given name before a surname, both names of the gazetteers
         * (scripts without capitals): one name, keyed by the surname */
        if (gk && gc && n > 0 &&
            (strcmp(gk, "other") == 0 || strcmp(gk, "person") == 0)) {
            size_t n2 = 0;
            const char *g2;
            while (n < 4 && (g2 = uncased_next_name(x, i + n, e, &n2))) {
                gc = g2;
                gk = "person";
                n += n2;
            }
        }
        /* a country's name right after a currency word names the
         * currency, no place ("110 млн дол. США" for "$110m") */
        if (gk && strcmp(gk, "place") == 0 && currency_before(x, b, i)) {
            i += n;
            continue;
        }
        /* a country's name before a language noun (ja "スペイン語",
         * zh "西班牙语") names the language: no place */
        if (gk && strcmp(gk, "place") == 0 && language_noun(x, i + n, e)) {
            i += n + 1;
            continue;
        }
        /* in cased scripts a name is capitalised: "us" is no "US" (but
         * a world form written in lower case, is "jól") */
        if (gk && !from_world && (unsigned char)a->tokens[i].key[0] < 0xD8 &&
            (a->tokens[i].flags & STORY_TOKEN_LETTER) &&
            !(a->tokens[i].flags & STORY_TOKEN_CAPITAL))
            gk = NULL;
        /* a nationality before a role or a name is a modifier, not a place */
        size_t rn;
        if (gk && story__fx_match(x, "nationalities", i, e, &rn) && rn >= n &&
            i + rn < e && (cap(x, i + rn) || role_like(x, i + rn, e, &rn)))
            gk = NULL;
        /* a nationality word names its country (docs/facts.md
         * "Nationalities"): "Italian", "итальянский", zh "意大利" before a
         * noun are the place entity of Italy, as a translation that
         * writes the country's name has it; the word still attaches to
         * the next name as that name's nationality (the walk below) */
        const char *nat = NULL;
        if (!gk && !(nat = story__fx_match(x, "nationalities", i, e, &rn)) &&
            (nat = nationality_inflected(x, i)) != NULL)
            rn = 1;
        const char *natcode = nat;
        if (nat && nationality_modifies(x, i, i + rn, e) &&
            !nationality_language(x, i, rn, e) &&
            (nat = nationality_place(x, nat)) != NULL) {
            roles_free(&roles);
            /* a fact only: the words stay no entity mention for the
             * speakers and event participants ("the Russian minister
             * said": the speaker is the minister, not Russia) */
            long keep[4];
            size_t kn = rn < 4 ? rn : 4;
            for (size_t q = 0; q < kn; q++)
                keep[q] = x->tok_ent[i + q];
            /* named as the text's language names the country, so that
             * "afrikanischen" and "Afrika" are one name */
            x->name_as = nationality_place_name(x, natcode, nat);
            add_mention(x, s, i, i + rn, nat, "place", &roles, "", NULL);
            for (size_t q = 0; q < kn; q++)
                x->tok_ent[i + q] = keep[q];
        }
        /* "supreme allied commander Europe,": a one-word place right
         * after a role word and before a clause break is part of the
         * title, not a place the text is about */
        if (gk && strcmp(gk, "place") == 0 && n == 1 && i > b &&
            (i + 1 >= e || story__fx_clause_break_before(x, i + 1)) &&
            story__fx_adjacent(x, i - 1, 0)) {
            for (size_t w = 1; w <= 3 && w <= i - b && gk; w++) {
                size_t m = 0;
                if (role_like(x, i - w, i, &m) && m == w &&
                    !(a->tokens[i - w].flags & STORY_TOKEN_CAPITAL))
                    gk = NULL;
            }
            if (!gk) {
                i++;
                continue;
            }
        }
        size_t kr = 0;
        if (!gk && !cap(x, i) && (kr = dotted_name(x, i, e)) > 0) {
            roles_free(&roles);
            add_mention(x, s, i, i + kr, NULL, "person", &roles, "", NULL);
            i += kr;
            continue;
        }
        if (!gk && !cap(x, i) && (kr = katakana_run(x, i, e)) > 0 &&
            !role_like(x, i, e, &rn) &&
            !story__fx_match(x, "counted_nouns", i, e, &rn) &&
            !story__fx_match(x, "event_lexicon", i, e, &rn)) {
            roles_free(&roles);
            add_mention(x, s, i, i + kr, NULL, NULL, &roles, "", NULL);
            i += kr;
            continue;
        }
        if (!gk && !cap(x, i) && (kr = uncased_run(x, b, i, e)) > 0) {
            roles_free(&roles);
            /* the run's last name before a gazetteer surname: one name */
            const char *sur = NULL, *s2;
            size_t n2 = 0;
            while (kr < 4 && (s2 = uncased_next_name(x, i + kr, e, &n2))) {
                sur = s2;
                kr += n2;
            }
            const char *rc = NULL;
            for (size_t w = 1; w <= 3 && w <= i - b && !rc; w++) {
                size_t m = 0;
                rc = story__fx_match(x, "roles", i - w, i, &m);
                if (rc && m != w)
                    rc = NULL;
            }
            char *d = rc ? story__fx_strdup(x, rc) : NULL;
            if (d && !story_vec_push(&roles, &d))
                free(d);
            /* a name before a locative postposition ("place_postpositions":
             * hi में "in") is a place */
            const char *pk =
                !rc && i + kr < e &&
                        story_langpack_has(x->lp, "place_postpositions",
                                           a->tokens[i + kr].key)
                    ? "place"
                    : NULL;
            /* a name found by english_name() alone (no role, no marker)
             * listed right after a place ("<place>, X", "<place> और X":
             * the items of a list are of one kind) is a place */
            if (!pk && !rc && i > b && x->tok_ent &&
                story_langpack_field(x->lp, "name_dictionary") &&
                !uncased_marked(x, i, e)) {
                const char *g = a->text + a->tokens[i - 1].end;
                size_t gl = a->tokens[i].start - a->tokens[i - 1].end;
                long pe = memchr(g, ',', gl) ? x->tok_ent[i - 1]
                          : i > b + 1 && is_stopish(x, i - 1, e)
                              ? x->tok_ent[i - 2]
                              : -1;
                if (pe >= 0 && strcmp(ent_at(x, pe)->kind, "place") == 0)
                    pk = "place";
            }
            add_mention(x, s, i, i + kr, sur, pk, &roles, "", NULL);
            i += kr;
            continue;
        }
        if (!gk && !cap(x, i)) {
            i++;
            continue;
        }
        size_t cr;
        if (!gk && cap(x, i) && (cr = slash_credit(x, b, i, e)) > 0) {
            i += cr;
            continue;
        }
        if (!gk && role_like(x, i, e, &n) && !role_starts_org(x, i, e)) {
            i += n;
            continue;
        }
        if (!gk && (is_stopish(x, i, e) ||
                    entities_word(x, "name_breakers", a->tokens[i].key))) {
            i++;
            continue;
        }
        /* title-case headline: only words also capitalised on their own
         * elsewhere, and acronyms, are names */
        if (!gk && titlecase && !known_name(x, i)) {
            i++;
            continue;
        }
        /* German: a common noun does not start a name; a word that is
         * a noun only as the head of a compound is a place after a
         * locative preposition (place_after_preposition) */
        const char *place_hint = NULL;
        if (!gk && nouncaps && common_noun(x, x->a->tokens[i].key) &&
            !is_acronym(x->a->text + x->a->tokens[i].start,
                        x->a->tokens[i].end - x->a->tokens[i].start)) {
            if (!place_after_preposition(x, b, i, e)) {
                i++;
                continue;
            }
            place_hint = "place";
        }
        /* run of capitalised tokens */
        size_t rs = i, re = i + (gk ? n : 1);
        if (!gk) {
            while (re < e) {
                /* "Mr Bates Vs The Post Office": a word that ends every
                 * name (entities.json "name_breakers") */
                if (entities_word(x, "name_breakers", a->tokens[re].key))
                    break;
                /* a name with a middle initial ("Dennis M. Kelleher",
                 * "Деннис М. Келлехер") */
                if (re - 1 > rs && middle_initial(x, re - 1) && cap(x, re) &&
                    !entities_word(x, "name_breakers", a->tokens[re].key)) {
                    re++;
                    continue;
                }
                /* a role word followed by a connector and a capital is
                 * part of an organisation name ("Joint Chiefs of Staff") */
                if (story__fx_adjacent(x, re - 1, 0) && cap(x, re) &&
                    role_like(x, re, e, &n) && re + 2 < e &&
                    story_langpack_has(x->lp, "name_connectors",
                                       a->tokens[re + 1].key) &&
                    cap(x, re + 2)) {
                    re++;
                    continue;
                }
                if (story__fx_adjacent(x, re - 1, 0) && cap(x, re) &&
                    !(re - 1 > b && script_change(x, re)) &&
                    !role_like(x, re, e, &n) && !contraction(x, re) &&
                    !(titlecase && !known_name(x, re)) &&
                    !is_stopish(x, re, e) &&
                    !story__fx_match(x, "places", re, e, &n) &&
                    !(nouncaps && noun_ends_run(x, re))) {
                    /* a possessive ends the run: "NATO's Military" */
                    const story_token *pt = &a->tokens[re - 1];
                    if (strip_possessive(a->text + pt->start,
                                         pt->end - pt->start) <
                        pt->end - pt->start)
                        break;
                    re++;
                    continue;
                }
                /* lower-case connector inside an organisation name
                 * ("Bank of England"): the run so far has an
                 * organisation word */
                int orgish = 0;
                for (size_t q = rs; q < re && !orgish; q++) {
                    const char *kc =
                        story__fx_match(x, "entity_kinds", q, re, &n);
                    orgish = kc && strcmp(kc, "organisation") == 0;
                }
                if (orgish && re + 1 < e && story__fx_adjacent(x, re - 1, 0) &&
                    story__fx_adjacent(x, re, 0) &&
                    story_langpack_has(x->lp, "name_connectors",
                                       a->tokens[re].key) &&
                    cap(x, re + 1) && !role_like(x, re + 1, e, &n)) {
                    re += 2;
                    continue;
                }
                break;
            }
            /* a world form that starts inside the run and reaches past
             * its end ("Секретарь Совета национальной безопасности …":
             * the lower-case words stopped the run) ends the run before
             * it; the next step takes the world form */
            for (size_t k = rs + 1; k < re; k++) {
                size_t wn = 0;
                const char *wk = NULL;
                if (story__fx_adjacent(x, k - 1, 0) &&
                    world_match(x, k, e, &wn, &wk) && k + wn > re) {
                    re = k;
                    break;
                }
            }
            /* sentence-initial single word: needs evidence */
            if (rs == b && re == rs + 1) {
                const char *k = a->tokens[rs].key;
                size_t kn = strip_possessive(k, strlen(k));
                char kk[128];
                snprintf(kk, sizeof kk, "%.*s", (int)kn, k);
                /* evidence: capitalised mid-sentence elsewhere, or, not
                 * written in lower case anywhere, the surname of an
                 * earlier name in another case form ("Майка Джонсона" …
                 * "Джонсон заявив") */
                if (is_stopish(x, rs, e) ||
                    (!json_object_get(x->capital_inside, kk) &&
                     !(kn >= 5 && !lower_word(x, rs) &&
                       names_earlier(x, k, strip_suffix(x, k, kn))) &&
                     !speech_subject_word(x, rs, e))) {
                    i = re;
                    continue;
                }
            } else if (rs == b &&
                       (is_stopish(x, rs, e) || lower_word(x, rs))) {
                /* "If Congress …", "Якщо Конгрес": the first word of the
                 * sentence is a common word written lower case elsewhere */
                rs++;
            }
            if (is_stopish(x, rs, e) && re == rs + 1) {
                i = re;
                continue;
            }
            /* a word alone at the start of a quoted sentence, a
             * lower-case word right after it ("«Таким образом", "«Якщо
             * є"): like a sentence start, a name only when capitalised
             * elsewhere mid-sentence or the surname of an earlier name
             * (a quoted name alone, "“Mistgabelmop”", stays) */
            if (!x->cjk && re == rs + 1 && rs > b && quote_initial(x, rs) &&
                re < e && (a->tokens[re].flags & STORY_TOKEN_LETTER) &&
                !(a->tokens[re].flags & STORY_TOKEN_CAPITAL) &&
                story__fx_adjacent(x, rs, 0) &&
                !is_acronym(a->text + a->tokens[rs].start,
                            a->tokens[rs].end - a->tokens[rs].start) &&
                !capital_elsewhere(x, rs)) {
                const char *k = a->tokens[rs].key;
                size_t kn = strip_possessive(k, strlen(k));
                if (!names_earlier(x, k, strip_suffix(x, k, kn))) {
                    i = re;
                    continue;
                }
            }
            if (nouncaps && re == rs + 1) {
                const char *k = a->tokens[rs].key;
                int after_det =
                    rs > b && (story_langpack_has(x->lp, "determiners",
                                                  a->tokens[rs - 1].key) ||
                               !(a->tokens[rs - 1].flags &
                                 STORY_TOKEN_CAPITAL));
                int role_before = rs > b && x->tok_role[rs - 1];
                if (!is_acronym(a->text + a->tokens[rs].start,
                                a->tokens[rs].end - a->tokens[rs].start) &&
                    !role_before &&
                    (noun_suffix(x, k) ||
                     (after_det && story_langpack_has(
                                       x->lp, "determiners",
                                       a->tokens[rs - 1].key)))) {
                    i = re;
                    continue;
                }
            }
        }
        /* a common-noun acronym ends no name: "Bitcoin ETFs" names
         * Bitcoin (the ETFs are common nouns) */
        size_t re0 = re;
        while (!gk && re - rs > 1 &&
               (caps_acronym(x, re - 1) ||
                entities_word(x, "common_nouns", a->tokens[re - 1].key)) &&
               not_entity(x, re - 1))
            re--;
        /* "Cena Bitcoinu …" ("the price of bitcoin"): what is left at a
         * sentence start needs the evidence a sentence start needs */
        if (re < re0 && rs == b && re == rs + 1 &&
            !capital_elsewhere(x, rs)) {
            i = re0;
            continue;
        }
        /* acronyms that are common nouns (CEO, ETF, СМИ) and words
         * derived from names (Russify, Russification): translations write
         * them as common words */
        if (!gk && re == rs + 1 &&
            (not_entity(x, rs) || lone_adjective(x, b, rs) ||
             currency_of_amount(x, rs, e))) {
            i = re;
            continue;
        }
        /* descriptive names ("Department of Justice", "Water"): every
         * word a common word of the language; translations translate
         * them instead of transliterating, so they are no entity facts */
        if (!gk && descriptive(x, b, rs, re)) {
            i = re > i ? re : i + 1;
            continue;
        }
        /* roles and nationality before the name */
        roles_free(&roles);
        const char *nationality = "";
        size_t cur = rs;
        while (cur > b) {
            int got = 0;
            for (size_t w = 3; w >= 1 && !got; w--) {
                if (w > cur - b)
                    continue;
                size_t p = cur - w, m = 0;
                const char *c;
                if ((c = story__fx_match(x, "nationalities", p, cur, &m)) &&
                    m == w) {
                    if (!nationality[0])
                        nationality = c;
                } else if (((c = story__fx_match(x, "roles", p, cur, &m)) ||
                            (c = story__fx_match(x, "titles", p, cur, &m))) &&
                           m == w) {
                    char *d = story__fx_strdup(x, c);
                    if (d && !story_vec_push(&roles, &d))
                        free(d);
                } else {
                    continue;
                }
                for (size_t q = p; q < cur; q++)
                    x->tok_role[q] = 1;
                cur = p;
                got = 1;
            }
            /* "Deputy Interior Minister": a capitalised common word
             * between two role words is the title's portfolio; the walk
             * goes on to the role before it */
            if (!got && cur > b + 1 && cap(x, cur - 1) &&
                story__fx_adjacent(x, cur - 1, 0) &&
                story__fx_adjacent(x, cur - 2, 0) && x->tok_role[cur] &&
                common_word(x, a->tokens[cur - 1].key,
                            strlen(a->tokens[cur - 1].key))) {
                size_t m = 0;
                if ((story__fx_match(x, "roles", cur - 2, cur - 1, &m) ||
                     story__fx_match(x, "titles", cur - 2, cur - 1, &m)) &&
                    m == 1) {
                    x->tok_role[cur - 1] = 1;
                    cur--;
                    continue;
                }
            }
            if (!got)
                break;
        }
        /* appositive role after: ", the chair of X," */
        if (re < e && story__fx_clause_break_before(x, re)) {
            size_t p = re, m;
            if (story_langpack_has(x->lp, "determiners", a->tokens[p].key) ||
                story_langpack_has(x->lp, "stopwords", a->tokens[p].key))
                p++;
            const char *c;
            if (p < e && (p == re || !story__fx_clause_break_before(x, p)) &&
                !role_starts_org(x, p, e) &&
                ((c = story__fx_match(x, "roles", p, e, &m)) ||
                 (c = story__fx_match(x, "titles", p, e, &m)))) {
                char *d = story__fx_strdup(x, c);
                if (d && !story_vec_push(&roles, &d))
                    free(d);
                for (size_t q = p; q < p + m; q++)
                    x->tok_role[q] = 1;
                /* "… of [the] NATO's Military Committee": the organisation
                 * the role belongs to, as written (possessives dropped) */
                size_t q = p + m;
                if (q + 1 < e && !story__fx_clause_break_before(x, q) &&
                    story_langpack_has(x->lp, "name_connectors",
                                       a->tokens[q].key)) {
                    q++;
                    if (q < e && story_langpack_has(x->lp, "determiners",
                                                    a->tokens[q].key))
                        q++;
                    role_of_text(x, q, e, c, &role_of);
                }
            }
        }
        add_mention(x, s, rs, re, gc, gk ? gk : place_hint, &roles,
                    nationality, role_of.len ? role_of.data : NULL);
        role_of.len = 0;
        if (role_of.data)
            role_of.data[0] = '\0';
        i = re > i ? re : i + 1;
    }
    roles_free(&roles);
    story_vec_free(&roles);
    story_buf_free(&role_of);
    return x->rc;
}

/* One kind and one canonical name per entity across its mentions: an
 * entity's kind is settled by a later mention ("Bellmoor" other, then
 * "the Bellmoor council" … organisation) and its canonical name grows
 * to the longest form, so every mention fact gets the entity's final
 * kind and canonical name (value_json written again). */
/* Whether the one-word entity e names the later entity f the
 * way resolve() links a later one-word mention to an earlier entity: a
 * genitive or plural "-s" on f's skeleton or surname ("Lothians" … "West
 * Lothian"), or a middle word of f's name of three or more words
 * ("Sánchez" … "Ignacio Sánchez Recarte"). */
static int names_later(fx *x, const fx_ent *e, const fx_ent *f)
{
    size_t sl = strlen(e->skel);
    if (sl >= 4 && e->skel[sl - 1] == 's' &&
        ((strlen(f->skel) == sl - 1 &&
          strncmp(f->skel, e->skel, sl - 1) == 0) ||
         (f->last && strlen(f->last) == sl - 1 &&
          strncmp(f->last, e->skel, sl - 1) == 0)))
        return 1;
    if (sl < 3 || strcmp(e->kind, "place") == 0 ||
        strcmp(e->kind, "organisation") == 0 ||
        strcmp(f->kind, "place") == 0 ||
        strcmp(f->kind, "organisation") == 0 || !f->name)
        return 0;
    return middle_word_is(x, f->name, e->skel);
}

/* Keys must not depend on the order of mentions: resolve() links a
 * one-word mention to an EARLIER entity only (genitive/plural "-s",
 * middle word of a longer name), so a one-word entity whose first mention
 * comes before the longer name ("the Lothians" … "West Lothian") is
 * merged here, after the whole article, into that later entity: its
 * mention facts take the later entity's key, and the merged entity's
 * first mention is the earliest. The emptied entity keeps no name and no
 * first fact (skipped by every later pass). */
static void entities_merge(fx *x)
{
    story_fact *facts = x->facts.data;
    for (size_t q = 0; q < x->ents.len && !x->rc; q++) {
        fx_ent *e = ent_at(x, (long)q);
        if (e->first_fact == (size_t)-1 || !e->name || !e->last ||
            strcmp(e->skel, e->last) != 0 || strchr(e->name, ' ') ||
            strstr(e->name, "\xc2\xb7") || strstr(e->name, "\xe3\x83\xbb"))
            continue;
        long to = -1;
        for (size_t r = q + 1; r < x->ents.len && to < 0; r++) {
            fx_ent *f = ent_at(x, (long)r);
            if (f->first_fact != (size_t)-1 && strcmp(f->skel, e->skel) != 0 &&
                names_later(x, e, f))
                to = (long)r;
        }
        if (to < 0)
            continue;
        fx_ent *f = ent_at(x, to);
        size_t first = e->first_fact < f->first_fact ? e->first_fact
                                                     : f->first_fact;
        for (size_t i = first; i < x->facts.len; i++) {
            story_fact *fa = &facts[i];
            if (fa->type != STORY_FACT_ENTITY ||
                (fa->entity != (long)e->first_fact &&
                 fa->entity != (long)f->first_fact))
                continue;
            char *nk = story__fx_strdup(x, f->key),
                 *ns = story__fx_strdup(x, f->key);
            if (!nk || !ns) {
                free(nk);
                free(ns);
                return;
            }
            free(fa->key);
            free(fa->slot);
            fa->key = nk;
            fa->slot = ns;
            fa->entity = (long)first;
        }
        f->first_fact = first;
        if (strlen(e->name) > strlen(f->name)) {
            char *t = f->name;
            f->name = e->name;
            e->name = t;
        }
        if (strcmp(f->kind, "other") == 0)
            f->kind = e->kind;
        if (!f->nationality[0])
            f->nationality = e->nationality;
        for (size_t r = 0; r < e->roles.len; r++)
            ent_add_role(x, f, ((char **)e->roles.data)[r]);
        if (e->last_sentence > f->last_sentence)
            f->last_sentence = e->last_sentence;
        for (size_t k = 0; k < x->a->n_tokens; k++)
            if (x->tok_ent[k] == (long)q)
                x->tok_ent[k] = to;
        free(e->name);
        e->name = NULL;
        e->first_fact = (size_t)-1;
    }
}

/* value_json vj of an entity mention already starts with canonical name
 * e->name and kind e->kind, as mention_json() and story__fx_json() (keys
 * sorted) write them: parsing it would find both equal. */
static int settled_json(const char *vj, const fx_ent *e)
{
    story_buf b = {0};
    story_buf_puts(&b, "{\"canonical\":");
    int ok = json_str_put(&b, e->name, strlen(e->name));
    story_buf_puts(&b, ",\"kind\":");
    ok = ok && json_str_put(&b, e->kind, strlen(e->kind));
    ok = ok && !b.oom && strncmp(vj, b.data, b.len) == 0 &&
         (vj[b.len] == ',' || vj[b.len] == '}');
    story_buf_free(&b);
    return ok;
}

static void entities_settle(fx *x)
{
    story_fact *facts = x->facts.data;
    for (size_t q = 0; q < x->ents.len && !x->rc; q++) {
        const fx_ent *e = ent_at(x, (long)q);
        if (e->first_fact == (size_t)-1)
            continue;
        for (size_t i = e->first_fact; i < x->facts.len && !x->rc; i++) {
            story_fact *f = &facts[i];
            if (f->type != STORY_FACT_ENTITY ||
                f->entity != (long)e->first_fact || !f->value_json)
                continue;
            if (settled_json(f->value_json, e))
                continue; /* the same as parsing it (most mentions) */
            json_error_t je;
            json_t *o = json_loads(f->value_json, 0, &je);
            if (!o)
                continue;
            const char *ok = json_string_value(json_object_get(o, "kind"));
            const char *oc =
                json_string_value(json_object_get(o, "canonical"));
            if (ok && oc && strcmp(ok, e->kind) == 0 &&
                strcmp(oc, e->name) == 0) {
                json_decref(o);
                continue;
            }
            json_object_set_new(o, "kind", json_string(e->kind));
            json_object_set_new(o, "canonical", json_string(e->name));
            char *nv = story__fx_json(x, o); /* frees o */
            char *nk = story__fx_strdup(x, e->kind);
            if (!nv || !nk) {
                free(nv);
                free(nk);
                return;
            }
            free(f->value_json);
            f->value_json = nv;
            free(f->entity_kind);
            f->entity_kind = nk;
        }
    }
}

int story__fx_entities(fx *x)
{
    for (size_t s = 0; s < x->a->n_sentences && !x->rc; s++)
        entities_sentence(x, s);
    if (!x->rc)
        entities_merge(x);
    if (!x->rc)
        entities_settle(x);
    return x->rc;
}

/* A name of two or more words (space or middle dot separated) whose
 * first word is not a name connector or article ("Le Monde", "El País"
 * are titles, not first names): ASCII letters check only. */
static int full_name(const char *name)
{
    const char *sp = strchr(name, ' ');
    if (!sp)
        sp = strstr(name, "\xc2\xb7"); /* U+00B7 */
    if (!sp)
        sp = strstr(name, "\xe3\x83\xbb"); /* U+30FB katakana middle dot */
    if (!sp || sp == name)
        return 0;
    /* a first word of one or two letters ("Le", "El", "Al") is a
     * particle */
    return sp - name > 2;
}

/* Entity e is a concept of locales/entities.json of kind "other"
 * (holidays, Brexit): never the antecedent of a personal pronoun. */
static int world_other(fx *x, const fx_ent *e)
{
    json_t *ents = json_object_get(
        world_entities_file(x, story__fx_world_cache(x)), "entities");
    const char *concept;
    json_t *v;
    json_object_foreach(ents, concept, v) {
        if (strcmp(json_string_value(json_object_get(v, "kind")) ?
                       json_string_value(json_object_get(v, "kind")) : "",
                   "other") != 0)
            continue;
        story_buf sk = {0};
        skeleton(concept, &sk);
        int same = sk.data && strcmp(sk.data, e->skel) == 0;
        story_buf_free(&sk);
        if (same)
            return 1;
    }
    return 0;
}

long story__fx_entity_near(fx *x, size_t s, size_t i, size_t max,
                           int before_only)
{
    size_t b = x->sent_tok[s], e = x->sent_tok[s + 1];
    size_t n;
    for (size_t d = 0; d <= max; d++) {
        if (i >= b + d && i - d < e) {
            size_t k = i - d;
            if (x->tok_ent[k] >= 0)
                return x->tok_ent[k];
            const char *pc = story__fx_match(x, "pronouns", k, e, &n);
            if (pc) {
                /* a singular personal pronoun: the latest person, else
                 * the latest unclassified name of two or more words (a
                 * full name: "Kamanda Timayio" before the one-word
                 * village after it), within 400 tokens */
                if (strcmp(pc, "person") == 0) {
                    for (size_t q = k; q-- > 0 && q + 400 > k;)
                        if (x->tok_ent[q] >= 0 &&
                            strcmp(ent_at(x, x->tok_ent[q])->kind,
                                   "person") == 0)
                            return x->tok_ent[q];
                    for (size_t q = k; q-- > 0 && q + 400 > k;)
                        if (x->tok_ent[q] >= 0 &&
                            strcmp(ent_at(x, x->tok_ent[q])->kind, "other") ==
                                0 &&
                            full_name(ent_at(x, x->tok_ent[q])->name))
                            return x->tok_ent[q];
                }
                /* latest person mentioned before (within 400 tokens) */
                for (size_t q = k; q-- > 0 && q + 400 > k;)
                    if (x->tok_ent[q] >= 0 &&
                        strcmp(ent_at(x, x->tok_ent[q])->kind, "organisation")
                            != 0 &&
                        strcmp(ent_at(x, x->tok_ent[q])->kind, "place") != 0 &&
                        !(strcmp(pc, "person") == 0 &&
                          world_other(x, ent_at(x, x->tok_ent[q]))))
                        return x->tok_ent[q];
                return -1;
            }
        }
        if (!before_only && d > 0 && i + d < e) {
            size_t k = i + d;
            if (x->tok_ent[k] >= 0)
                return x->tok_ent[k];
        }
    }
    return -1;
}

long story__fx_title_ref(fx *x, size_t i)
{
    const story_article *a = x->a;
    size_t s = a->tokens[i].sentence;
    size_t b = x->sent_tok[s], e = x->sent_tok[s + 1], n;
    if (i == b || x->tok_ent[i] >= 0 ||
        !story_langpack_has(x->lp, "determiners", a->tokens[i - 1].key))
        return -1;
    const char *role = story__fx_match(x, "roles", i, e, &n);
    if (!role)
        role = story__fx_match(x, "titles", i, e, &n);
    if (!role || (i + n < e && cap(x, i + n)))
        return -1;
    /* the latest entity mentioned before with that role */
    long best = -1;
    size_t best_s = 0;
    for (size_t k = 0; k < x->ents.len; k++) {
        fx_ent *en = ent_at(x, (long)k);
        if (en->first_fact == (size_t)-1 ||
            ((story_fact *)x->facts.data)[en->first_fact].sentence > s)
            continue;
        for (size_t r = 0; r < en->roles.len; r++)
            if (strcmp(((char **)en->roles.data)[r], role) == 0 &&
                (best < 0 || en->last_sentence >= best_s)) {
                best = (long)k;
                best_s = en->last_sentence;
            }
    }
    return best;
}

const char *story__fx_participant(fx *x, size_t i, long *ent)
{
    size_t n;
    *ent = -1;
    if (x->tok_ent[i] >= 0) {
        *ent = x->tok_ent[i];
        return ent_at(x, x->tok_ent[i])->key + strlen("entity|");
    }
    long tr = story__fx_title_ref(x, i);
    if (tr >= 0) {
        *ent = tr;
        return ent_at(x, tr)->key + strlen("entity|");
    }
    const char *c = story__fx_match(x, "counted_nouns", i, x->a->n_tokens, &n);
    if (c)
        return c;
    c = story__fx_match(x, "roles", i, x->a->n_tokens, &n);
    if (c)
        return c;
    return NULL;
}

/* Index of the first mention fact of entity ei, for cross references. */
size_t story__fx_entity_fact(fx *x, long ei)
{
    return ei >= 0 ? ent_at(x, ei)->first_fact : (size_t)-1;
}

/* story_entity_key_written (include/storydiff/facts.h): at most this many
 * word tokens in a run (a name split by the segmenter: zh 坎/伯/诺德) */
#define WRITTEN_MAX_RUN 4
/* the key's skeleton has at least this many consonants (the initial
 * vowel class `a` is none): a skeleton of one consonant is the key of
 * many short words (`as`: hi जैसे "like", जिससे) */
#define WRITTEN_MIN_CONS 2
/* near skeletons (story_entity_keys_near) only from this many letters of
 * the key's: one letter more or less on a shorter skeleton is another
 * common word */
#define WRITTEN_MIN_NEAR 4

/* A token that may be part of a name written without a marker: it holds
 * a letter and no digit, is no stopword of the pack lp, and starts with
 * a capital or a letter of a script without case; a token of a script
 * the segmenter splits by dictionary (zh, ja) is written in katakana
 * only, or in the pack's translit_chars only (zh: the characters of the
 * transliteration of foreign names), as a foreign name is there. */
static int written_token(const story_article *art, const story_token *t,
                         const story_langpack *lp)
{
    if (!(t->flags & STORY_TOKEN_LETTER) || (t->flags & STORY_TOKEN_NUMBER) ||
        (lp && t->key && story_langpack_has(lp, "stopwords", t->key)))
        return 0;
    const char *p = art->text + t->start;
    size_t n = t->end - t->start, q = 0;
    if (t->flags & STORY_TOKEN_IDEO) {
        const char *set =
            lp ? json_string_value(story_langpack_field(lp, "translit_chars"))
               : NULL;
        int kana = 1, translit = set != NULL;
        while (q < n && (kana || translit)) {
            size_t k = q;
            int32_t c = story__utf8_next(p, n, &q);
            kana = kana && c >= 0x30A1 && c <= 0x30FF;
            if (translit) {
                char one[8];
                translit = q - k < sizeof one;
                if (translit) {
                    memcpy(one, p + k, q - k);
                    one[q - k] = '\0';
                    translit = strstr(set, one) != NULL;
                }
            }
        }
        return n > 0 && (kana || translit);
    }
    if (t->flags & STORY_TOKEN_CAPITAL)
        return 1;
    int32_t c = story__utf8_next(p, n, &q);
    return c > 0 && !u_hasBinaryProperty(c, UCHAR_CASED);
}

int story_entity_key_written(story_ctx *ctx, const story_article *art,
                             size_t par, const char *key)
{
    if (!ctx || !art || !key)
        return STORY_EINVAL;
    if (strncmp(key, "entity|", 7) != 0 || par >= art->n_paragraphs ||
        !art->tokens || !art->sentences)
        return 0;
    const char *ks = strrchr(key, '|') + 1;
    if (strlen(ks) - (ks[0] == 'a') < WRITTEN_MIN_CONS)
        return 0;
    const char *lang = art->lang ? art->lang : "";
    const story_langpack *lp = NULL;
    if (story_langpack_get(&lp, ctx, lang, NULL) != 0)
        lp = NULL; /* no stopwords: the other tests still apply */
    size_t i = story__token_at(art, art->paragraphs[par].start);
    story_buf sk = {0}, nk = {0};
    int found = 0;
    for (; i < art->n_tokens && !found &&
           art->tokens[i].start < art->paragraphs[par].end;
         i++) {
        if (!written_token(art, &art->tokens[i], lp))
            continue;
        for (size_t k = i; k < art->n_tokens && k < i + WRITTEN_MAX_RUN &&
                           !found;
             k++) {
            const story_token *t = &art->tokens[k];
            if (k > i) {
                /* the run goes on inside one sentence, over spaces or a
                 * name's middle dot only */
                const story_token *p = &art->tokens[k - 1];
                if (t->sentence != p->sentence || !written_token(art, t, lp))
                    break;
                const char *g = art->text + p->end;
                size_t gl = t->start - p->end;
                int ok = 1;
                for (size_t q = 0; q < gl && ok; q++)
                    ok = g[q] == ' ';
                if (!ok && !(gl == 2 && !memcmp(g, "\xc2\xb7", 2)) &&
                    !(gl == 3 && !memcmp(g, "\xe3\x83\xbb", 3)))
                    break;
            }
            const char *s = art->text + art->tokens[i].start;
            size_t n = t->end - art->tokens[i].start;
            char *lk = NULL;
            if (story_name_key(&lk, ctx, s, n, lang, NULL) != 0 || !lk)
                continue;
            key_fold(lang, s, n, lk);
            sk.len = 0;
            skeleton(lk, &sk);
            story_free(lk);
            if (sk.oom) {
                found = STORY_ENOMEM;
                break;
            }
            if (!sk.data || !*sk.data)
                continue;
            if (strcmp(sk.data, ks) == 0) {
                found = 1;
                break;
            }
            nk.len = 0;
            story_buf_puts(&nk, "entity|");
            story_buf_puts(&nk, sk.data);
            if (nk.oom) {
                found = STORY_ENOMEM;
                break;
            }
            if (strlen(ks) >= WRITTEN_MIN_NEAR &&
                story_entity_keys_near(key, nk.data))
                found = 1;
        }
    }
    story_buf_free(&sk);
    story_buf_free(&nk);
    return found;
}
