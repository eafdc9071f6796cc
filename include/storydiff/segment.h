/*
 * storydiff stages 2-3, normalise and segment: language identification per
 * paragraph and document, sentences (UAX #29 with @ss=standard plus a merge
 * pass driven by the language pack's abbreviations), words (UAX #29,
 * dictionary-based for CJK/Thai) with their normalised match keys.
 */
#ifndef STORYDIFF_SEGMENT_H
#define STORYDIFF_SEGMENT_H

#include <stddef.h>

#include "storydiff/article.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Segment an article in place: sets a->lang (unless lang_hint is given,
 *  then a->lang = lang_hint), each paragraph's lang, and fills
 *  a->sentences and a->tokens (owned by the article). Calling it twice
 *  re-segments. Returns 0, or STORY_ENOMEM, STORY_EICU, STORY_ELOCALE with
 *  err filled. lang_hint may be NULL or "" (identify), or "?xx":
 *  identify, but when the text is too short to identify (see
 *  story_article.lang_uncertain) use xx instead of "und" (the other
 *  document's language, as the storydiff CLI passes it). Sets
 *  a->lang_uncertain and a->lang_no_pack. A lang_hint that is not a
 *  well-formed BCP 47 tag (story_lang_check() returns STORY_EINVAL) is
 *  STORY_EINVAL, nothing segmented.
 *
 *  Languages: story_langid() per paragraph, document = majority by bytes.
 *  Sentences: UAX #29 sentence boundaries (ICU), then a split and a merge
 *  pass driven by the language pack (abbreviations, titles, sentence
 *  openers; see docs/text-layer.md). Words: UAX #29 word boundaries
 *  (ICU; dictionary based for Chinese, Japanese, Thai). All spans are byte
 *  offsets into a->text. If a->paragraphs is empty, paragraphs are made by
 *  splitting the text at blank lines. STORY_EINVAL when a paragraph lies
 *  outside the text. On error the sentences and tokens are empty. */
STORY_API int story_segment(story_ctx *ctx, story_article *a,
                            const char *lang_hint, story_error *err);

/** Identify the language of `len` bytes of UTF-8 text. Writes a BCP 47 tag
 *  (e.g. "uk", "zh") into out (out_size bytes, >= 16 recommended); writes
 *  "" when unsure. Method: ICU script counts (Han, Kana, Arabic,
 *  Devanagari, Greek decide; i/yi/ie/ghe vs yery/e/io/hard sign split uk/ru),
 *  then libexttextcat with a configuration restricted to the supported
 *  languages (Cavnar & Trenkle 1994 n-gram ranks). Returns 0, or
 *  STORY_EINVAL (ctx NULL, text NULL with len > 0, out NULL or out_size < 3)
 *  or another error status with err filled. */
STORY_API int story_langid(story_ctx *ctx, const char *text, size_t len,
                           char *out, size_t out_size, story_error *err);

/** Normalised match key of `len` bytes of UTF-8: NFKC case folding
 *  (unorm2_getNFKCCasefoldInstance), soft hyphen / zero-width characters
 *  removed, Arabic harakat (U+064B-U+065F), superscript alef (U+0670) and
 *  tatweel (U+0640) removed, quotes, apostrophes and dashes unified. On
 *  success *out is a
 *  NUL-terminated string the caller frees with story_free(); if `map` is
 *  non-NULL, *map receives an array of (strlen(*out) + 1) byte offsets,
 *  (*map)[i] = offset in the input of the character that produced key byte
 *  i ((*map)[len_out] = len), also freed with story_free(). Errors:
 *  STORY_EINVAL (`out` NULL, or `s` NULL with `len` > 0), STORY_EENCODING
 *  (`s` is not valid UTF-8; err->offset is the byte offset of the first bad
 *  byte), STORY_ENOMEM; *out (and *map) are NULL then. */
STORY_API int story_normalize_key(char **out, size_t **map, const char *s,
                                  size_t len, story_error *err);

/** Latin transliteration key of a name (lower-case ASCII), with the
 *  script-specific transform for `lang` (uk/ru BGN, Greek UNGEGN, Any-Latin
 *  otherwise), then the gazetteer for names transliteration cannot bridge.
 *  *out is freed with story_free(). */
STORY_API int story_name_key(char **out, story_ctx *ctx, const char *name,
                             size_t len, const char *lang, story_error *err);

/** Similarity in [0, 1] of two name keys from story_name_key(), using a
 *  consonant skeleton and edit distance (see docs/text-layer.md). */
STORY_API double story_name_similarity(const char *key_a, const char *key_b);

/** Check a language tag given by the user (e.g. --lang-a) before use.
 *  Returns 1 when `tag` is a well-formed BCP 47 tag (RFC 5646) that has a
 *  language pack in the context's locales directory, directly or through
 *  the fallback that drops trailing subtags (de-CH -> de); 0 when it is
 *  well-formed but has no pack (the pipeline then uses the language-
 *  neutral root rules); STORY_EINVAL when it is NULL, empty or malformed;
 *  STORY_ELOCALE when it is well-formed, has no pack and names no language
 *  CLDR knows (ICU's uloc_getDisplayLanguage() in English only echoes the
 *  code: "xx", "klingon"; "tlh" is Klingon).
 *  Well-formedness is ICU's uloc_forLanguageTag(): the parsed length must
 *  equal the tag's length. '_' is read as '-' (de_CH = de-CH), as the
 *  pack lookup does. `ctx` and `tag` are borrowed; nothing is allocated
 *  for the caller. Touches only the file system (stat of
 *  <locales>/<lang>.json), never loads a pack. */
STORY_API int story_lang_check(story_ctx *ctx, const char *tag);

/** The 2-letter form of a tag whose language subtag is an ISO 639-2 or
 *  639-3 code with a 2-letter ISO 639-1 equivalent: "eng" -> "en",
 *  "deu"/"ger" -> "de", "zho-TW" -> "zh-TW" (session 13). The 639-2/T and
 *  639-3 codes map through ICU's alias data (uloc_canonicalize()); the
 *  639-2/B ones (ger, fre, chi, dut, cze …), which ICU keeps, through the
 *  root pack's "language_aliases" (locales/root.json). Writes the tag,
 *  mapped or as given (other subtags kept, case kept), to out (cap
 *  bytes, at least strlen(tag) + 1). Returns 1 when mapped, 0 when the
 *  tag is left as it is (no 3-letter language subtag, or no 2-letter
 *  equivalent), STORY_EINVAL when an argument is NULL or out is too
 *  small. Does not check well-formedness (story_lang_check() does).
 *  `ctx` and `tag` are borrowed; may load the root pack. */
STORY_API int story_lang_alias(story_ctx *ctx, const char *tag, char *out,
                               size_t cap);

#ifdef __cplusplus
}
#endif
#endif
