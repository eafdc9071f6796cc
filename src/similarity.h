/*
 * Translation-aware similarity between the units (sentences, paragraphs)
 * of two articles, and the document-level similarity dimensions
 * (private to the align module).
 *
 * Features of a unit: content-word stems (Snowball via story__stem, stop
 * words removed), numbers (digit values in any script), name keys (Latin
 * transliteration via story_name_key, matched with story_name_similarity),
 * and fact keys when a fact set is given. Words of A are projected into
 * B's language through the bilingual lexicon (lexicon.h), identical
 * strings, and a lexicon bootstrapped from the pair itself (co-occurrence
 * in confidently aligned units: the second pass of hunalign, Varga et al.
 * 2005, "Parallel corpora for medium density languages", RANLP).
 */
#ifndef STORY_SIMILARITY_H
#define STORY_SIMILARITY_H

#include "align_internal.h"

typedef struct sd_pair {
    sd_space sp;
    sd_side sa, sb; /* sentence level */
    sd_side pa, pb; /* paragraph level */
    char la[16], lb[16];
    int cross;      /* languages differ */
    int lexicon;    /* a bilingual lexicon was used */
    size_t chars_a, chars_b;
    size_t n_boot;  /* bootstrapped word pairs */
} sd_pair;

/* Build the features of both articles (segmented) at sentence and
 * paragraph level. `b_trans` is NULL, or one machine translation of each
 * B sentence into A's language (then B's words are taken from it). On
 * failure returns a negative status with err filled; story__sd_pair_free() is
 * safe either way. */
int story__sd_pair_build(sd_pair *p, story_ctx *ctx, const story_article *a,
                         const story_factset *fa, const story_article *b,
                         const story_factset *fb, char *const *b_trans,
                         story_error *err);

/* Learn word translations from the confident links (score >= min_score,
 * kind match) of the sentence level (par == 0) or the paragraph level by
 * co-occurrence (Dice >= 0.5, count >= 2) and add them to the
 * projections; recomputes document matchability. Returns the number of
 * pairs added, or a negative status. */
int story__sd_pair_bootstrap(sd_pair *p, const sd_link *links, size_t n,
                             double min_score, int par);

void story__sd_pair_free(sd_pair *p);

#endif
