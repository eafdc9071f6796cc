/*
 * Text layer: language identification (story_langid, see
 * include/storydiff/segment.h).
 *
 * 1. Script counts over the letters (ICU uscript_getScript; letters of
 *    capitalised words count half): Han/Kana
 *    (ja when kana make up at least 2% of the CJK letters, else zh),
 *    Hangul (ko), Arabic (ar), Devanagari (hi), Greek (el), Thai (th),
 *    Hebrew (he) decide at once.
 * 2. Cyrillic: the letters і ї є ґ (uk) against ы э ё ъ (ru) decide when
 *    one side occurs more often, then the number of lower-case stop words
 *    of each pack; otherwise libexttextcat restricted to uk/ru
 *    (locales/textcat-cyrl.conf).
 * 3. Latin: libexttextcat (Cavnar & Trenkle 1994, "N-Gram-Based Text
 *    Categorization") with a configuration restricted to the supported
 *    Latin-script languages (locales/textcat.conf), fingerprints from
 *    libexttextcat-data (STORY_TEXTCAT_DIR).
 *    When exttextcat has no answer (a short text full of names), the
 *    Latin-script pack with the most lower-case stop words (at least
 *    two, more than any other) decides.
 * 4. A Latin-script text of at least OTHER_MIN_WORDS lower-case words
 *    of which less than OTHER_MAX_STOP_SHARE are stop words of
 *    the language step 3 chose is classified again among the supported
 *    and the common European languages without a pack
 *    (locales/textcat-other.conf), and so is any text of OTHER_SURE_WORDS
 *    or more lower-case words; when exttextcat names a language without a
 *    pack as its only candidate, that is the answer. So Dutch is
 *    "nl" (read with the language-neutral rules), not German, and a long
 *    Portuguese paragraph "pt", not Spanish. Short texts (headlines) never
 *    take this step; bench/run langid checks that the supported languages
 *    are identified as before.
 * The classifiers are loaded lazily, once per context, in the
 * STORY_MOD_SEGMENT slot (src/langid.h).
 */
#include "internal.h"

#include "langid.h"
#include "locale.h"
#include "normalize.h"

#include <stdio.h>
#include <stdlib.h>
#include <ctype.h>
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include <libexttextcat/textcat.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#ifndef STORY_TEXTCAT_DIR
#define STORY_TEXTCAT_DIR "/usr/share/libexttextcat/"
#endif

/* Bytes handed to exttextcat: n-gram ranks are stable after a few hundred
 * bytes, and classification cost grows with the input. */
#define STORY_TEXTCAT_MAX 1024

static void seg_state_free(void *p)
{
    story_seg_state *s = p;
    if (!s)
        return;
    if (s->tc_latin)
        textcat_Done(s->tc_latin);
    if (s->tc_cyrl)
        textcat_Done(s->tc_cyrl);
    if (s->tc_other)
        textcat_Done(s->tc_other);
    for (size_t i = 0; i < s->n_brk; i++) {
        if (s->brk[i].sent)
            ubrk_close(s->brk[i].sent);
        if (s->brk[i].word)
            ubrk_close(s->brk[i].word);
    }
    free(s);
}

int story__seg_state(story_seg_state **out, story_ctx *ctx, story_error *err)
{
    story_seg_state *s = story__ctx_get(ctx, STORY_MOD_SEGMENT);
    if (!s) {
        s = story__calloc(1, sizeof *s);
        if (!s)
            return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
        story__ctx_set(ctx, STORY_MOD_SEGMENT, s, seg_state_free);
    }
    *out = s;
    return 0;
}

/* special_textcat_Init() on a readable configuration only: on a missing
 * file libexttextcat prints its own line ("Failed to open config file")
 * on stderr, and the caller reports the error in one line (fresh-user
 * 13 L9). NULL when the file cannot be read or loaded. */
static void *textcat_open(const char *path)
{
    if (access(path, R_OK) != 0)
        return NULL;
    return special_textcat_Init(path, STORY_TEXTCAT_DIR);
}

static int textcat_load(story_seg_state *s, story_ctx *ctx, story_error *err)
{
    char path[4096];
    if (s->tc_tried)
        goto check;
    s->tc_tried = 1;
    snprintf(path, sizeof path, "%s/textcat.conf", ctx->locales_dir);
    s->tc_latin = textcat_open(path);
    FILE *f = fopen(path, "r");
    char line[256];
    while (f && fgets(line, sizeof line, f) && s->n_latin < 16) {
        /* "<file> <tab> <lang>--utf8": the tag before "--" */
        char *id = line + strcspn(line, " \t");
        id += strspn(id, " \t");
        size_t k = strcspn(id, "-\r\n \t");
        if (line[0] == '#' || k == 0 || k >= sizeof s->latin[0])
            continue;
        memcpy(s->latin[s->n_latin], id, k);
        s->latin[s->n_latin++][k] = '\0';
    }
    if (f)
        fclose(f);
    snprintf(path, sizeof path, "%s/textcat-cyrl.conf", ctx->locales_dir);
    s->tc_cyrl = textcat_open(path);
check:
    if (!s->tc_latin || !s->tc_cyrl) {
        snprintf(path, sizeof path, "%s/%s", ctx->locales_dir,
                 s->tc_latin ? "textcat-cyrl.conf" : "textcat.conf");
        if (access(path, R_OK) != 0) {
            int e = errno;
            return story__error(err, STORY_ELOCALE, path, -1,
                                "cannot read the language-identification "
                                "configuration: %s (is %s a language-pack "
                                "directory?)",
                                strerror(e), ctx->locales_dir);
        }
        return story__error(err, STORY_ELOCALE, path, -1,
                            "cannot load the language-identification "
                            "configuration (or its fingerprints in %s)",
                            STORY_TEXTCAT_DIR);
    }
    return 0;
}

/* Step 4 (see the file comment): a text with this many lower-case words
 * ... */
#define OTHER_MIN_WORDS 8
/* ... with fewer stop words of the chosen language than this share of its
 * lower-case words is classified again among languages without a pack */
#define OTHER_MAX_STOP_SHARE 0.20
/* ... or with this many lower-case words when exttextcat names only one
 * candidate among all of them (a Portuguese paragraph is full of
 * Spanish stop words: "de", "a", "que") */
#define OTHER_SURE_WORDS 30

/* The classifier of step 4, loaded on first use; NULL when its
 * configuration cannot be loaded (step 4 is then skipped: the answer of
 * step 3 stands). */
static void *textcat_other(story_seg_state *s, story_ctx *ctx)
{
    if (!s->tc_other_tried) {
        char path[4096];
        s->tc_other_tried = 1;
        snprintf(path, sizeof path, "%s/textcat-other.conf",
                 ctx->locales_dir);
        s->tc_other = textcat_open(path);
    }
    return s->tc_other;
}

/* Number of letters of text[0, len) outside the alphabet of `lang` (pack
 * field "letters": the non-ASCII lower-case letters the language writes;
 * a language without the field accepts every letter). */
static size_t foreign_letters(story_ctx *ctx, const char *lang,
                              const char *text, size_t len)
{
    const story_langpack *lp;
    if (story_langpack_get(&lp, ctx, lang, NULL))
        return 0;
    json_t *f = story_langpack_field(lp, "letters");
    if (!json_is_string(f))
        return 0;
    const char *al = json_string_value(f);
    size_t aln = strlen(al), n = 0;
    for (size_t i = 0; i < len;) {
        int32_t c = story__utf8_next(text, len, &i);
        if (c < 0x80 || !u_isalpha(c))
            continue;
        UErrorCode e = U_ZERO_ERROR;
        if (uscript_getScript(c, &e) != USCRIPT_LATIN)
            continue;
        c = u_tolower(c);
        int found = 0;
        for (size_t k = 0; k < aln && !found;) {
            int32_t a = story__utf8_next(al, aln, &k);
            found = a == c;
        }
        n += !found;
    }
    return n;
}

/* Number of lower-case words of text[0, len) that are stop words of
 * `lang`. */
static size_t stopword_hits(story_ctx *ctx, const char *lang,
                            const char *text, size_t len, size_t *words)
{
    const story_langpack *lp;
    if (words)
        *words = 0;
    if (story_langpack_get(&lp, ctx, lang, NULL))
        return 0;
    story_buf key = {0};
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        size_t s = i;
        int32_t c = story__utf8_next(text, len, &i);
        if (c < 0 || !u_isalpha(c))
            continue;
        int capital = u_isupper(c) || u_istitle(c);
        size_t e = i;
        while (e < len) {
            size_t j = e;
            c = story__utf8_next(text, len, &j);
            if (c < 0 || !u_isalpha(c))
                break;
            e = j;
        }
        i = e;
        if (capital)
            continue; /* names and headline words mislead */
        if (words)
            (*words)++;
        key.len = 0;
        if (story__normalize_key_buf(&key, NULL, text + s, e - s, NULL))
            break;
        n += story_langpack_has(lp, "stopwords", key.data);
    }
    story_buf_free(&key);
    return n;
}

int story__langid_confirm(story_ctx *ctx, const char *lang, const char *text,
                          size_t len)
{
    story_seg_state *s = NULL;
    if (story__seg_state(&s, ctx, NULL) || textcat_load(s, ctx, NULL))
        return 0;
    const story_langpack *lp[16];
    size_t hits[16] = {0}, self = (size_t)-1, n = s->n_latin;
    for (size_t k = 0; k < n; k++) {
        if (story_langpack_get(&lp[k], ctx, s->latin[k], NULL))
            return 0;
        if (strcmp(s->latin[k], lang) == 0)
            self = k;
    }
    if (self == (size_t)-1)
        return 0;
    size_t words = 0, latin = 0, other = 0;
    char small[64];
    story_buf key = {0};
    for (size_t i = 0; i < len;) {
        size_t st = i;
        int32_t c = story__utf8_next(text, len, &i);
        if (c < 0 || !u_isalpha(c))
            continue;
        int capital = u_isupper(c) || u_istitle(c);
        int ascii = 1;
        UErrorCode e = U_ZERO_ERROR;
        size_t en = i;
        for (;;) {
            if (uscript_getScript(c, &e) == USCRIPT_LATIN)
                latin++;
            else
                other++;
            ascii &= c < 0x80;
            if (en >= len)
                break;
            size_t j = en;
            c = story__utf8_next(text, len, &j);
            if (c < 0 || !u_isalpha(c))
                break;
            en = j;
        }
        i = en;
        if (capital)
            continue;
        words++;
        const char *kd;
        if (ascii && en - st < sizeof small) {
            for (size_t q = 0; q < en - st; q++) {
                char ch = text[st + q];
                small[q] = ch >= 'A' && ch <= 'Z' ? (char)(ch + 32) : ch;
            }
            small[en - st] = '\0';
            kd = small;
        } else {
            key.len = 0;
            if (story__normalize_key_buf(&key, NULL, text + st, en - st,
                                         NULL)) {
                story_buf_free(&key);
                return 0;
            }
            kd = key.data;
        }
        for (size_t k = 0; k < n; k++)
            hits[k] += story_langpack_has(lp[k], "stopwords", kd);
    }
    story_buf_free(&key);
    if (words < 5 || other * 4 > latin || hits[self] * 5 < words)
        return 0;
    for (size_t k = 0; k < n; k++)
        if (k != self && hits[k] * 3 > hits[self] * 2)
            return 0; /* another language nearly as good */
    size_t f = foreign_letters(ctx, lang, text, len);
    return f * 50 < latin + 1;
}

size_t story__langid_stopword_hits(story_ctx *ctx, const char *lang,
                                   const char *text, size_t len,
                                   size_t *words)
{
    return stopword_hits(ctx, lang, text, len, words);
}

/* When exttextcat gives no answer for a Latin-script text (too short or
 * too many names: "Senator Maria Lopez met Prime Minister Jan Novak in
 * Vienna on Monday. Lopez said the talks were useful." is unknown to
 * it): the language of textcat.conf with the most lower-case stop words,
 * if it has at least two and strictly more than any other; else out
 * stays "" (unsure). */
static void stopword_vote(story_ctx *ctx, const story_seg_state *s,
                          const char *text, size_t len, char *out,
                          size_t out_size)
{
    size_t best = 0, second = 0, pick = 0;
    for (size_t k = 0; k < s->n_latin; k++) {
        size_t h = stopword_hits(ctx, s->latin[k], text, len, NULL);
        if (h > best) {
            second = best;
            best = h;
            pick = k;
        } else if (h > second) {
            second = h;
        }
    }
    if (best >= 2 && best > second)
        snprintf(out, out_size, "%s", s->latin[pick]);
}

/* Best exttextcat category as a language tag ("en--utf8" -> "en"). When
 * the best category's alphabet lacks 2% or more of the letters, a later
 * candidate whose alphabet fits (at most a quarter as many foreign
 * letters) wins ("Cómo saber si..." is not German). */
static void textcat_best(story_ctx *ctx, void *h, const char *text,
                         size_t len, size_t letters, size_t latin_ext,
                         char *out, size_t out_size, int *n_cand)
{
    if (n_cand)
        *n_cand = 0;
    candidate_t *c = textcat_GetClassifyFullOutput(h);
    out[0] = '\0';
    if (!c)
        return;
    int n = textcat_ClassifyFull(h, text, len, c);
    if (n_cand)
        *n_cand = n;
    int pick = 0;
    char tag[8][16];
    if (n > 8)
        n = 8;
    int packed = 0;
    for (int i = 0; i < n; i++) {
        size_t k = c[i].name ? strcspn(c[i].name, "-") : 0;
        if (k >= sizeof tag[i])
            k = sizeof tag[i] - 1;
        memcpy(tag[i], c[i].name ? c[i].name : "", k);
        tag[i][k] = '\0';
        packed += story_lang_check(ctx, tag[i]) == 1;
    }
    /* several candidates, none with a pack (sv, da, nb): as sure as one
     * candidate for step 4, which only asks "a language without a pack?" */
    if (n_cand && n > 1 && !packed)
        *n_cand = -n;
    if (n > 1 && latin_ext > 0) {
        size_t f0 = foreign_letters(ctx, tag[0], text, len);
        if (f0 >= 2 && f0 * 50 >= letters) {
            size_t bestf = f0;
            for (int i = 1; i < n; i++) {
                size_t fi = foreign_letters(ctx, tag[i], text, len);
                if (fi * 4 <= f0 && fi < bestf) {
                    bestf = fi;
                    pick = i;
                }
            }
        }
    }
    if (n > 1 && pick == 0) {
        /* exttextcat is unsure (several categories within its 3%
         * threshold), often because of foreign names: the candidate with
         * the most stop words wins */
        size_t besth = stopword_hits(ctx, tag[0], text, len, NULL);
        for (int i = 1; i < n; i++) {
            size_t hi = stopword_hits(ctx, tag[i], text, len, NULL);
            if (hi > besth) {
                besth = hi;
                pick = i;
            }
        }
    }
    if (n > 0)
        snprintf(out, out_size, "%s", tag[pick]);
    textcat_ReleaseClassifyFullOutput(h, c);
}

/* Copy of text without URL-like runs, at most STORY_TEXTCAT_MAX bytes
 * (cut at a character boundary). Caller frees. */
static int url_run(const char *t, size_t len, size_t *i);
static char *clean_copy(const char *text, size_t len, size_t *out_len)
{
    size_t cap = len < STORY_TEXTCAT_MAX ? len : STORY_TEXTCAT_MAX;
    char *b = story__malloc(cap + 1);
    size_t n = 0;
    if (!b)
        return NULL;
    for (size_t i = 0; i < len;) {
        if (url_run(text, len, &i))
            continue;
        size_t s = i;
        story__utf8_next(text, len, &i);
        if (n + (i - s) > cap)
            break;
        memcpy(b + n, text + s, i - s);
        n += i - s;
    }
    b[n] = '\0';
    *out_len = n;
    return b;
}

/* At text[*i]: a white-space-free ASCII run that looks like a URL, an
 * e-mail address or a domain name ("://", "@", "www.", or a dot between
 * letters followed by 2+ letters, as in "example.org")? Then skip it
 * (advance *i) and return 1. */
static int url_run(const char *t, size_t len, size_t *i)
{
    size_t s = *i, e = s;
    if (s > 0 && !(t[s - 1] == ' ' || t[s - 1] == '\n' || t[s - 1] == '(' ||
                   (unsigned char)t[s - 1] >= 0x80))
        return 0; /* only at the start of a run */
    while (e < len && (unsigned char)t[e] < 0x80 && t[e] > ' ' &&
           t[e] != ')' && t[e] != '"')
        e++;
    if (e - s < 5)
        return 0;
    int url = 0;
    for (size_t k = s; k + 2 < e && !url; k++) {
        if (t[k] == '@' || (t[k] == ':' && t[k + 1] == '/' && t[k + 2] == '/'))
            url = 1;
        else if (t[k] == '.' && k > s && isalpha((unsigned char)t[k - 1]) &&
                 isalpha((unsigned char)t[k + 1]) &&
                 isalpha((unsigned char)t[k + 2]) &&
                 (k + 3 >= e || !(t[k + 3] == '.')) &&
                 (k < s + 2 || t[k - 2] != '.'))
            url = 1; /* "site.org" but not "U.S.A." */
    }
    if (!url)
        return 0;
    *i = e;
    return 1;
}

enum { SC_LATIN, SC_CYRL, SC_CJK, SC_HANGUL, SC_ARAB, SC_DEVA, SC_GREEK,
       SC_THAI, SC_HEBR, SC_N };
static const char *const sc_lang[SC_N] = {"", "", "zh", "ko", "ar",
                                          "hi", "el", "th", "he"};

int story_langid(story_ctx *ctx, const char *text, size_t len, char *out,
                 size_t out_size, story_error *err)
{
    return story__langid_detail(ctx, text, len, out, out_size, NULL, err);
}

int story__langid_unpacked(story_ctx *ctx, const char *lang,
                           const char *text, size_t len, char *out,
                           size_t out_size)
{
    story_seg_state *s = NULL;
    out[0] = '\0';
    if (story__seg_state(&s, ctx, NULL) || textcat_load(s, ctx, NULL))
        return 0;
    int latin = 0;
    for (size_t k = 0; k < s->n_latin && !latin; k++)
        latin = strcmp(s->latin[k], lang) == 0;
    size_t words = 0;
    if (!latin)
        return 0;
    stopword_hits(ctx, lang, text, len, &words);
    void *h = words >= OTHER_SURE_WORDS ? textcat_other(s, ctx) : NULL;
    if (!h)
        return 0;
    size_t cl, letters = 0, ext = 0;
    char *clean = clean_copy(text, len, &cl);
    if (!clean)
        return STORY_ENOMEM;
    for (size_t i = 0; i < cl;) {
        int32_t c = story__utf8_next(clean, cl, &i);
        UErrorCode e = U_ZERO_ERROR;
        if (c >= 0 && u_isalpha(c) &&
            uscript_getScript(c, &e) == USCRIPT_LATIN) {
            letters++;
            ext += c >= 0x80;
        }
    }
    char other[16];
    int n_cand = 0;
    textcat_best(ctx, h, clean, cl, letters, ext, other, sizeof other,
                 &n_cand);
    free(clean);
    if (*other && (n_cand == 1 || n_cand < 0) &&
        story_lang_check(ctx, other) == 0)
        snprintf(out, out_size, "%s", other);
    return 0;
}

int story__langid_detail(story_ctx *ctx, const char *text, size_t len,
                         char *out, size_t out_size, int *by_ngrams,
                         story_error *err)
{
    if (by_ngrams)
        *by_ngrams = 0;
    if (!ctx || (!text && len)) /* fresh-user 14: a NULL ctx crashed */
        return story__error(err, STORY_EINVAL, NULL, -1,
                            "story_langid: NULL argument");
    size_t count[SC_N] = {0};
    size_t kana = 0, uk = 0, ru = 0, latin_ext = 0, latin_letters = 0;
    if (!out || out_size < 3)
        return story__error(err, STORY_EINVAL, NULL, -1,
                            "language output buffer too small (need >= 3)");
    out[0] = '\0';
    if (!text)
        return 0;
    /* letters of capitalised words (names, headline words) weigh 1, all
     * others 2: "Об этом сообщает The Straits Times." is Russian */
    int in_word = 0;
    size_t w = 2;
    for (size_t i = 0; i < len;) {
        if (url_run(text, len, &i)) {
            in_word = 0;
            continue; /* URLs, e-mail addresses, domain names */
        }
        int32_t c = story__utf8_next(text, len, &i);
        int8_t ct = c < 0 ? 0 : u_charType(c);
        if (c < 0x41 || (!u_isalpha(c) && ct != U_COMBINING_SPACING_MARK &&
                         ct != U_NON_SPACING_MARK)) {
            in_word = 0; /* Devanagari vowel signs are marks: counted */
            continue;
        }
        if (!in_word) {
            in_word = 1;
            w = (u_isupper(c) || u_istitle(c)) ? 1 : 2;
        }
        UErrorCode e = U_ZERO_ERROR;
        UScriptCode sc = uscript_getScript(c, &e);
        switch (sc) {
        case USCRIPT_LATIN:
            count[SC_LATIN] += w;
            latin_letters++;
            if (c >= 0x80)
                latin_ext++;
            break;
        case USCRIPT_CYRILLIC:
            count[SC_CYRL] += w;
            switch (c) {
            case 0x0456: case 0x0406: case 0x0457: case 0x0407:
            case 0x0454: case 0x0404: case 0x0491: case 0x0490:
                uk++;
                break;
            case 0x044B: case 0x042B: case 0x044D: case 0x042D:
            case 0x0451: case 0x0401: case 0x044A: case 0x042A:
                ru++;
                break;
            default:
                break;
            }
            break;
        /* an ideograph or kana carries about a word: weight 3 */
        case USCRIPT_HAN: count[SC_CJK] += 3 * w; break;
        case USCRIPT_HIRAGANA: case USCRIPT_KATAKANA:
        case USCRIPT_KATAKANA_OR_HIRAGANA:
            count[SC_CJK] += 3 * w;
            kana += 3 * w;
            break;
        case USCRIPT_HANGUL: count[SC_HANGUL] += 2 * w; break;
        case USCRIPT_ARABIC: count[SC_ARAB] += w; break;
        case USCRIPT_DEVANAGARI: count[SC_DEVA] += w; break;
        case USCRIPT_GREEK: count[SC_GREEK] += w; break;
        case USCRIPT_THAI: count[SC_THAI] += w; break;
        case USCRIPT_HEBREW: count[SC_HEBR] += w; break;
        default: break;
        }
    }
    int best = -1;
    size_t bestn = 0;
    for (int k = 0; k < SC_N; k++)
        if (count[k] > bestn) {
            bestn = count[k];
            best = k;
        }
    if (best < 0)
        return 0; /* no letters: unsure */
    if (best == SC_CJK) {
        snprintf(out, out_size, "%s", kana * 50 >= count[SC_CJK] ? "ja" : "zh");
        return 0;
    }
    if (best != SC_LATIN && best != SC_CYRL) {
        snprintf(out, out_size, "%s", sc_lang[best]);
        return 0;
    }
    if (best == SC_CYRL && uk != ru) {
        snprintf(out, out_size, "%s", uk > ru ? "uk" : "ru");
        return 0;
    }
    if (best == SC_CYRL) {
        /* no distinguishing letter (short texts): lower-case stop words
         * ("це", "що" against "это", "что") before n-grams */
        size_t hu = stopword_hits(ctx, "uk", text, len, NULL);
        size_t hr = stopword_hits(ctx, "ru", text, len, NULL);
        if (hu != hr) {
            if (by_ngrams)
                *by_ngrams = 2;
            snprintf(out, out_size, "%s", hu > hr ? "uk" : "ru");
            return 0;
        }
    }
    story_seg_state *s = NULL;
    int rc = story__seg_state(&s, ctx, err);
    if (rc)
        return rc;
    if ((rc = textcat_load(s, ctx, err)))
        return rc;
    if (by_ngrams)
        *by_ngrams = best == SC_CYRL ? 2 : 1;
    size_t cl;
    char *clean = clean_copy(text, len, &cl);
    if (!clean)
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    textcat_best(ctx, best == SC_CYRL ? s->tc_cyrl : s->tc_latin, clean, cl,
                 latin_letters, latin_ext, out, out_size, NULL);
    if (best == SC_LATIN && !*out)
        stopword_vote(ctx, s, text, len, out, out_size);
    if (best == SC_LATIN && *out) {
        size_t words, hits = stopword_hits(ctx, out, text, len, &words);
        int few = words >= OTHER_MIN_WORDS &&
                  (double)hits < OTHER_MAX_STOP_SHARE * (double)words;
        void *h = few || words >= OTHER_SURE_WORDS ? textcat_other(s, ctx)
                                                   : NULL;
        char other[16];
        int n_cand = 0;
        if (h) {
            textcat_best(ctx, h, clean, cl, latin_letters, latin_ext, other,
                         sizeof other, &n_cand);
            if (*other && story_lang_check(ctx, other) == 0 &&
                (n_cand == 1 || n_cand < 0))
                snprintf(out, out_size, "%s", other);
        }
    }
    free(clean);
    return 0;
}
