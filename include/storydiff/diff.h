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

/** One fact diff entry. `a`/`b` index the fact sets, -1 when absent. */
typedef struct story_diff_entry {
    story_diff_category category;
    story_fact_type type;
    long a, b;
    char *detail; /* one line, e.g. "15 -> 14 injured"; owned */
} story_diff_entry;

/** Counts, as in the report's "summary". */
typedef struct story_diff_summary {
    size_t facts_a, facts_b;
    size_t same, changed, contradicted, added, omitted;
    size_t sentences_matched, sentences_moved, sentences_added,
        sentences_omitted;
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

/** 1 when any fact entry is not "same" (the CLI's exit status 1). */
STORY_API int story_diff_has_differences(const story_diff *d);

#ifdef __cplusplus
}
#endif
#endif
