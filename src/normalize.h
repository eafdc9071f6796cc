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

#endif
