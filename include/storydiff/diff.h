/*
 * storydiff stage 6, diff: per fact (same, changed, contradicted, added,
 * omitted) and per sentence (from the alignment: matched, moved, added,
 * omitted).
 */
#ifndef STORYDIFF_DIFF_H
#define STORYDIFF_DIFF_H

#include <stddef.h>

#include "storydiff/align.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum story_diff_category {
    STORY_DIFF_SAME = 0,
    STORY_DIFF_CHANGED = 1,      /* same slot, different value */
    STORY_DIFF_CONTRADICTED = 2, /* same slot/key, opposite polarity */
    STORY_DIFF_ADDED = 3,        /* only in B */
    STORY_DIFF_OMITTED = 4       /* only in A */
} story_diff_category;

/** One fact diff entry. `a`/`b` index the fact sets, -1 when absent.
 *  `certain` is 0 when the entry may be an artefact of extraction rather
 *  than a difference of the stories: an entity, event, quote or
 *  attribution left unmatched although its sentence is aligned to a
 *  sentence of the other article (cross-language for entities; any pair
 *  for the other three, whose keys depend on wording), and a contradiction
 *  between articles in different languages (negation cues differ between
 *  languages). Uncertain entries are reported but do not count as
 *  differences for story_diff_has_differences() (the exit status). */
typedef struct story_diff_entry {
    story_diff_category category;
    story_fact_type type;
    long a, b;
    char *detail; /* one line, e.g. "15 -> 14 injured"; owned */
    int certain;  /* 1 certain, 0 unverified (see above) */
} story_diff_entry;

/** Counts, as in the report's "summary". Each diff entry is counted once:
 *  in `unverified` when its certain == 0, else in its category (same,
 *  changed, contradicted, added, omitted). facts_a/facts_b count the facts
 *  of each side (entities once per key). */
typedef struct story_diff_summary {
    size_t facts_a, facts_b;
    size_t same, changed, contradicted, added, omitted;
    size_t sentences_matched, sentences_moved, sentences_added,
        sentences_omitted;
    size_t unverified;
} story_diff_summary;

typedef struct story_diff {
    story_diff_entry *entries; /* ordered: by A position, B-only after */
    size_t n_entries;
    story_diff_summary summary;
} story_diff;

/** Diff the facts of two aligned articles. On success returns 0 and *out
 *  is the caller's (story_diff_free()). Errors: STORY_EINVAL, STORY_ENOMEM.
 */
STORY_API int story_diff_facts(story_diff **out, story_ctx *ctx,
                               const story_article *a,
                               const story_factset *fa,
                               const story_article *b,
                               const story_factset *fb,
                               const story_alignment *al, story_error *err);

/** Free a diff. NULL is a no-op. */
STORY_API void story_diff_free(story_diff *d);

/** "same", "changed", "contradicted", "added", "omitted". Static. */
STORY_API const char *story_diff_category_name(story_diff_category c);

/** 1 when any certain fact entry is not "same" (the CLI's exit status
 *  1); uncertain entries (certain == 0) do not count. */
STORY_API int story_diff_has_differences(const story_diff *d);

#ifdef __cplusplus
}
#endif
#endif
