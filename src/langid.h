/*
 * Text layer, private: the segment module's context slot (STORY_MOD_SEGMENT)
 * shared by src/segment.c (cached ICU break iterators) and src/langid.c
 * (libexttextcat classifiers), loaded lazily once per context.
 */
#ifndef STORY_LANGID_H
#define STORY_LANGID_H

#include "internal.h"

#include <unicode/ubrk.h>

#define STORY_SEG_MAX_BRK 24

typedef struct story_seg_brk {
    char lang[16];
    int ss_standard;      /* sent opened with @ss=standard */
    UBreakIterator *sent; /* "<lang>[@ss=standard]", UBRK_SENTENCE */
    UBreakIterator *word; /* "<lang>", UBRK_WORD */
} story_seg_brk;

typedef struct story_seg_state {
    void *tc_latin;   /* exttextcat over locales/textcat.conf */
    void *tc_cyrl;    /* exttextcat over locales/textcat-cyrl.conf */
    int tc_tried;     /* init attempted (handles may be NULL on failure) */
    void *tc_other;   /* exttextcat over locales/textcat-other.conf */
    int tc_other_tried;
    char latin[16][16]; /* the languages of textcat.conf */
    size_t n_latin;
    story_seg_brk brk[STORY_SEG_MAX_BRK];
    size_t n_brk;
} story_seg_state;

/* The module state of ctx, created on first use. */
int story__seg_state(story_seg_state **out, story_ctx *ctx, story_error *err);

/* story_langid() that also reports how it decided: *by_ngrams (may be
 * NULL) = 0 by script letters, 1 by exttextcat among the Latin-script
 * languages, 2 by exttextcat among uk/ru. */
int story__langid_detail(story_ctx *ctx, const char *text, size_t len,
                         char *out, size_t out_size, int *by_ngrams,
                         story_error *err);

/* Cheap confirmation (no n-grams) that Latin-script text[0, len) is in
 * `lang`, one of the languages of locales/textcat.conf: 1 when its
 * lower-case words hold at least 20% stop words of `lang` (at least 5
 * words), 1.5 times as many as of any other of those languages, and few
 * letters outside `lang`'s alphabet; 0 when unsure (then call
 * story__langid_detail). Used by story_segment to skip exttextcat for
 * the paragraphs of a document whose language is known. */
/* Number of lower-case words of text[0, len) (bytes) that are stop words
 * of the pack `lang` ("stopwords"); *words (may be NULL) = the number of
 * lower-case words. 0 when `lang` has no pack. */
size_t story__langid_stopword_hits(story_ctx *ctx, const char *lang,
                                   const char *text, size_t len,
                                   size_t *words);

/* Step 4 of story_langid for a whole document read as the supported
 * Latin-script language `lang`: when text[0, len) has at least
 * OTHER_SURE_WORDS lower-case words and exttextcat over
 * locales/textcat-other.conf names a language without a pack as its only
 * candidate, that tag is copied to out (out_size bytes), else out = "".
 * A Portuguese article whose paragraphs each pass as Spanish by their
 * stop words is "pt". Returns 0, or STORY_ENOMEM. */
int story__langid_unpacked(story_ctx *ctx, const char *lang,
                           const char *text, size_t len, char *out,
                           size_t out_size);

int story__langid_confirm(story_ctx *ctx, const char *lang, const char *text,
                          size_t len);

#endif
