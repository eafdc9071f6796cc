/*
 * Text layer: language identification (story_langid, see
 * include/storydiff/segment.h).
 *
 * 1. Script counts over the letters (ICU uscript_getScript): Han/Kana
 *    (ja when kana make up at least 2% of the CJK letters, else zh),
 *    Hangul (ko), Arabic (ar), Devanagari (hi), Greek (el), Thai (th),
 *    Hebrew (he) decide at once.
 * 2. Cyrillic: the letters і ї є ґ (uk) against ы э ё ъ (ru) decide when
 *    one side occurs more often; otherwise libexttextcat restricted to
 *    uk/ru (locales/textcat-cyrl.conf).
 * 3. Latin: libexttextcat (Cavnar & Trenkle 1994, "N-Gram-Based Text
 *    Categorization") with a configuration restricted to the supported
 *    Latin-script languages (locales/textcat.conf), fingerprints from
 *    libexttextcat-data (STORY_TEXTCAT_DIR).
 * The classifiers are loaded lazily, once per context, in the
 * STORY_MOD_SEGMENT slot (src/langid.h).
 */
#include "internal.h"

#include "langid.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libexttextcat/textcat.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#ifndef STORY_TEXTCAT_DIR
#define STORY_TEXTCAT_DIR "/usr/share/libexttextcat/"
#endif

/* Bytes handed to exttextcat: n-gram ranks are stable after a few hundred
 * bytes, and classification cost grows with the input. */
#define STORY_TEXTCAT_MAX 2048

static void seg_state_free(void *p)
{
    story_seg_state *s = p;
    if (!s)
        return;
    if (s->tc_latin)
        textcat_Done(s->tc_latin);
    if (s->tc_cyrl)
        textcat_Done(s->tc_cyrl);
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

static int textcat_load(story_seg_state *s, story_ctx *ctx, story_error *err)
{
    char path[4096];
    if (s->tc_tried)
        goto check;
    s->tc_tried = 1;
    snprintf(path, sizeof path, "%s/textcat.conf", ctx->locales_dir);
    s->tc_latin = special_textcat_Init(path, STORY_TEXTCAT_DIR);
    snprintf(path, sizeof path, "%s/textcat-cyrl.conf", ctx->locales_dir);
    s->tc_cyrl = special_textcat_Init(path, STORY_TEXTCAT_DIR);
check:
    if (!s->tc_latin || !s->tc_cyrl) {
        snprintf(path, sizeof path, "%s/%s", ctx->locales_dir,
                 s->tc_latin ? "textcat-cyrl.conf" : "textcat.conf");
        return story__error(err, STORY_ELOCALE, path, -1,
                            "cannot load the language-identification "
                            "configuration (or its fingerprints in %s)",
                            STORY_TEXTCAT_DIR);
    }
    return 0;
}

/* Best exttextcat category as a language tag ("en--utf8" -> "en"). */
static void textcat_best(void *h, const char *text, size_t len, char *out,
                         size_t out_size)
{
    candidate_t *c = textcat_GetClassifyFullOutput(h);
    out[0] = '\0';
    if (!c)
        return;
    if (len > STORY_TEXTCAT_MAX) {
        len = STORY_TEXTCAT_MAX;
        while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
            len--; /* do not cut a UTF-8 sequence */
    }
    int n = textcat_ClassifyFull(h, text, len, c);
    if (n > 0 && c[0].name) {
        size_t k = strcspn(c[0].name, "-");
        if (k >= out_size)
            k = out_size - 1;
        memcpy(out, c[0].name, k);
        out[k] = '\0';
    }
    textcat_ReleaseClassifyFullOutput(h, c);
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

int story__langid_detail(story_ctx *ctx, const char *text, size_t len,
                         char *out, size_t out_size, int *by_ngrams,
                         story_error *err)
{
    if (by_ngrams)
        *by_ngrams = 0;
    size_t count[SC_N] = {0};
    size_t kana = 0, uk = 0, ru = 0;
    if (!out || out_size < 3)
        return story__error(err, STORY_EINVAL, NULL, -1,
                            "language output buffer too small (need >= 3)");
    out[0] = '\0';
    if (!text)
        return 0;
    for (size_t i = 0; i < len;) {
        int32_t c = story__utf8_next(text, len, &i);
        if (c < 0x41 || !u_isalpha(c))
            continue;
        UErrorCode e = U_ZERO_ERROR;
        UScriptCode sc = uscript_getScript(c, &e);
        switch (sc) {
        case USCRIPT_LATIN: count[SC_LATIN]++; break;
        case USCRIPT_CYRILLIC:
            count[SC_CYRL]++;
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
        case USCRIPT_HAN: count[SC_CJK]++; break;
        case USCRIPT_HIRAGANA: case USCRIPT_KATAKANA:
        case USCRIPT_KATAKANA_OR_HIRAGANA:
            count[SC_CJK]++;
            kana++;
            break;
        case USCRIPT_HANGUL: count[SC_HANGUL]++; break;
        case USCRIPT_ARABIC: count[SC_ARAB]++; break;
        case USCRIPT_DEVANAGARI: count[SC_DEVA]++; break;
        case USCRIPT_GREEK: count[SC_GREEK]++; break;
        case USCRIPT_THAI: count[SC_THAI]++; break;
        case USCRIPT_HEBREW: count[SC_HEBR]++; break;
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
    story_seg_state *s;
    int rc = story__seg_state(&s, ctx, err);
    if (rc)
        return rc;
    if ((rc = textcat_load(s, ctx, err)))
        return rc;
    if (by_ngrams)
        *by_ngrams = best == SC_CYRL ? 2 : 1;
    textcat_best(best == SC_CYRL ? s->tc_cyrl : s->tc_latin, text, len, out,
                 out_size);
    return 0;
}
