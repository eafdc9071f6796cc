/*
 * storydiff stage 5, align: sentence and paragraph alignment between two
 * articles, relation detection (translation / rewrite / same story /
 * different story) and the similarity dimensions of SemEval-2022 Task 8.
 */
#ifndef STORYDIFF_ALIGN_H
#define STORYDIFF_ALIGN_H

#include <stddef.h>

#include "storydiff/article.h"
#include "storydiff/facts.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum story_relation {
    STORY_REL_TRANSLATION = 0,
    STORY_REL_REWRITE = 1,
    STORY_REL_SAME_STORY = 2,
    STORY_REL_DIFFERENT_STORY = 3,
    /* B is A: one language, the same sentences byte for byte, each linked
     * 1-1 in order (a verbatim copy; session 14: was "translation") */
    STORY_REL_IDENTICAL = 4
} story_relation;

typedef enum story_link_kind {
    STORY_LINK_MATCH = 0,   /* aligned in order */
    STORY_LINK_MOVED = 1,   /* aligned, but out of the monotone order */
    STORY_LINK_OMITTED = 2, /* only in A (n_b == 0) */
    STORY_LINK_ADDED = 3    /* only in B (n_a == 0) */
} story_link_kind;

/** One link: the contiguous runs a[a .. a+n_a) and b[b .. b+n_b) of
 *  sentence (or paragraph) indices. n_a == 0 or n_b == 0 for added and
 *  omitted units (then `a` resp. `b` is meaningless). */
typedef struct story_link {
    size_t a, n_a;
    size_t b, n_b;
    double score; /* similarity in [0, 1]; 0 for added/omitted */
    story_link_kind kind;
} story_link;

/** An alignment. Every sentence of A and of B appears in exactly one
 *  sentence link; likewise every paragraph in one paragraph link. Links are
 *  ordered by A position, with added B units placed after the link that
 *  precedes them in B. All memory is owned by the alignment. */
typedef struct story_alignment {
    story_relation relation;
    double relation_confidence; /* [0, 1] */
    double sim_overall, sim_entities, sim_geography, sim_time,
        sim_narrative; /* [0, 1], 1 = same */
    char *similarity_json; /* the facts behind each dimension, a JSON
                              object as text ("{}" when none) */
    story_link *links;     /* sentence level */
    size_t n_links;
    story_link *par_links; /* paragraph level */
    size_t n_par_links;
    int symmetric; /* 1: made with opts->symmetric (story_align), so that
                      story_diff_facts counts as certain only what it
                      would count whichever article is A (session 20) */
} story_alignment;

/** Options. Initialise with STORY_ALIGN_OPTIONS_INIT. A `version` newer
 *  than this library's (a program built with a later header) is
 *  STORY_EINVAL; 0 reads as 1. */
typedef struct story_align_options {
    unsigned version;
    int relation;          /* -1 detect, else a story_relation to force
                              (translation = monotone, rewrite = reorder) */
    const char *translate; /* NULL, "apertium", or the base URL of a
                              LibreTranslate-compatible API */
    int symmetric;         /* 1: align both ways, so that (B, A) mirrors
                              (A, B) (story_align); 0 (default): A to B */
} story_align_options;

#define STORY_ALIGN_OPTIONS_VERSION 1
#define STORY_ALIGN_OPTIONS_INIT {STORY_ALIGN_OPTIONS_VERSION, -1, NULL, 0}

/** Align two segmented articles with their facts. On success returns 0 and
 *  *out is the caller's (story_alignment_free()). Errors: STORY_EINVAL
 *  (`out`, `ctx`, `a` or `b` NULL; an article not segmented; opts->version
 *  newer than the library's), STORY_ENOMEM, STORY_ETRANSLATE (backend
 *  failed), with err filled and *out NULL. `fa` and `fb` (borrowed) may be
 *  NULL: the alignment then has no fact anchors (entity keys, dates) and
 *  the entities/geography/time similarity dimensions are empty.
 *  With opts->symmetric (session 13; off by default: on the perturbed
 *  pairs of bench align-perturbed, where A is the original, the kept run
 *  was worse, sentence link F1 0.9709 -> 0.9662): the passes run A to B
 *  and B to A, and the run
 *  whose sentence links join more bytes times similarity is kept (a tie:
 *  the run from the article first by language, then text bytes), mirrored
 *  back when it was the B-to-A run; so story_align(B, A) is the mirror of
 *  story_align(A, B): links with sides swapped (added <-> omitted), the
 *  same relation, confidence and similarities (only_a <-> only_b in
 *  similarity_json). Twice the time of one run. With opts->translate (B is
 *  machine-translated into A's language) only the A-to-B run is made. */
STORY_API int story_align(story_alignment **out, story_ctx *ctx,
                          const story_article *a, const story_factset *fa,
                          const story_article *b, const story_factset *fb,
                          const story_align_options *opts, story_error *err);

/** Free an alignment. NULL is a no-op. */
STORY_API void story_alignment_free(story_alignment *al);

/** "translation", "rewrite", "same-story", "different-story",
 *  "identical"; "unknown" for another value. Static. */
STORY_API const char *story_relation_name(story_relation r);

/** "match", "moved", "omitted", "added". Static. */
STORY_API const char *story_link_kind_name(story_link_kind k);

#ifdef __cplusplus
}
#endif
#endif
