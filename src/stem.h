/*
 * Text layer: stems / lemmas for content-word matching (private).
 * Implemented in src/stem.c: libstemmer (Snowball) where it has the
 * language, hunspell (uk, pl) otherwise, identity for the rest.
 */
#ifndef STORY_STEM_H
#define STORY_STEM_H

#include "internal.h"

/* Stem a case-folded word `w` (n bytes, UTF-8) for `lang` into out
 * (cleared first). Returns 0 or a negative status; unknown languages copy
 * the word. */
int story__stem(story_ctx *ctx, const char *lang, const char *w, size_t n,
                story_buf *out, story_error *err);

/* 1 when folded `w` is a stop word of `lang` (pack field "stopwords"). */
int story__is_stopword(story_ctx *ctx, const char *lang, const char *w);

#endif
