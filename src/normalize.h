/* Stage 2, normalise: private helpers (see src/normalize.c). */
#ifndef STORY_NORMALIZE_H
#define STORY_NORMALIZE_H

#include "internal.h"

/* Append the match key of s[0, len) to out; when map is non-NULL, push one
 * size_t input offset per key byte. 0 or a negative status. */
int story__normalize_key_buf(story_buf *out, story_vec *map, const char *s,
                             size_t len, story_error *err);
/* 1 for soft hyphen, zero-width and bidi-control characters. */
int story__is_ignorable(int32_t c);
/* 1 for an Arabic mark: the tatweel (U+0640) or a non-spacing mark of the
 * Arabic block (harakat U+064B-U+065F, superscript alef U+0670, Quranic
 * annotation marks). Keys drop them (story__normalize_key_buf); numbers
 * skip them in text. */
int story__arabic_mark(int32_t c);
/* Unified quote/apostrophe/dash for c, or c itself. */
int32_t story__unify_punct(int32_t c);

/* The first code point of the key (story__normalize_key_buf without a
 * map, and story__fold_word) of every text s[i, j), i < j <= len, when
 * it is certain without computing the key: s[i] starts a code point
 * that begins a normalisation segment of its own (what follows it
 * neither composes with it nor is removed before it could), is not
 * removed itself and maps to at least one code point. Otherwise, and for
 * a backtick (story__fold_word keeps it in some words), -1. For filters
 * that skip the lookups of phrases no table key begins alike (session
 * 21, 2026-12-02). No allocation; ICU's NFKC_Casefold data for code
 * points outside ASCII, CJK ideographs and kana. */
int32_t story__key_first_cp(const char *s, size_t len, size_t i);

/* Tests only: on = 0 turns off the first-code-point filters that use
 * story__key_first_cp (numbers.c, dates.c), which must not change any
 * result, so that unit tests compare both paths; 1 (the default) turns
 * them on. Process-wide, not thread-safe. story__key_filter_off() reads
 * it (a function, not a global variable: an instrumented build adds a
 * symbol of its own per global, outside the story_ namespace). */
void story__key_first_filter(int on);
int story__key_filter_off(void);

#endif
