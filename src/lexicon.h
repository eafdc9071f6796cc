/*
 * Bilingual lexicons for translation-aware sentence similarity (private).
 * Data: locales/lexicon/<x>-<y>.tsv, "headword TAB translation ..." lines,
 * generated from Debian's FreeDict packages by scripts/build-lexicon. A
 * file serves both directions (x->y and, reversed, y->x).
 */
#ifndef STORY_LEXICON_H
#define STORY_LEXICON_H

#include "internal.h"

typedef struct story__lexicon story__lexicon;

/* The lexicon translating words of language `from` into `to` (BCP 47
 * primary tags, e.g. "de", "en"), loaded once into the context's
 * STORY_MOD_LEXICON slot. *out is borrowed from ctx, or NULL (with return
 * 0) when no lexicon exists for the pair. Errors: STORY_ENOMEM,
 * STORY_ELOCALE (malformed file, err names file and line). */
int story__lexicon_get(const story__lexicon **out, story_ctx *ctx,
                       const char *from, const char *to, story_error *err);

/* Translations of the case-folded word `w` (n bytes). Headwords are indexed
 * both as written and under their Snowball stem in the source language, so
 * callers may look up a token's key and then its stem. Returns the number of translations and points *tr at an array of
 * that many NUL-terminated strings, borrowed from the lexicon. */
size_t story__lexicon_lookup(const story__lexicon *lx, const char *w,
                             size_t n, const char *const **tr);

/* Translations of the headword nearest to the folded word `w` (n bytes)
 * by spelling, for languages without a stemmer whose inflected words
 * miss the lemma headwords ("bankann" -> "banki"): the headword sharing
 * the longest prefix with w, of at least `min_cp` code points and at
 * least `share` of the shorter of the two (ties: the shorter headword).
 * Returns the number of translations (0 when none), *tr borrowed as in
 * story__lexicon_lookup. */
size_t story__lexicon_lookup_near(const story__lexicon *lx, const char *w,
                                  size_t n, size_t min_cp, double share,
                                  const char *const **tr);

/* Number of headwords (source side) of the lexicon. */
size_t story__lexicon_size(const story__lexicon *lx);

#endif
