/*
 * Private to the align module (src/align*.c, src/similarity.c,
 * src/lexicon.c): string interning, the per-unit feature representation
 * the sentence and paragraph aligners share, and the DP/matching entry
 * points. Not installed.
 */
#ifndef STORY_ALIGN_INTERNAL_H
#define STORY_ALIGN_INTERNAL_H

#include "internal.h"

#include <stdint.h>

/* ---- string interning (open addressing, FNV-1a) ---- */
typedef struct sd_intern {
    char **str;      /* id -> string (owned) */
    uint32_t n, cap; /* ids in use, capacity of str */
    uint32_t *slot;  /* hash slots: id + 1, 0 = empty */
    uint32_t nslot;  /* power of two */
} sd_intern;

void story__sd_intern_init(sd_intern *t);
void story__sd_intern_free(sd_intern *t);
/* Id of s (n bytes), adding it when absent (add != 0); UINT32_MAX when
 * absent and not added, or on allocation failure (then *oom = 1). */
uint32_t story__sd_intern_id(sd_intern *t, const char *s, size_t n, int add,
                             int *oom);

/* ---- 64-bit key -> uint32 counter map (co-occurrence counts) ---- */
typedef struct sd_map64 {
    uint64_t *key;
    uint32_t *val;
    size_t n, cap; /* cap: power of two, 0 when empty */
} sd_map64;

/* Add `inc` to the counter of key; returns the new value or 0 on OOM. */
uint32_t story__sd_map64_add(sd_map64 *m, uint64_t key, uint32_t inc);
void story__sd_map64_free(sd_map64 *m);

/* ---- features ---- */
enum { SD_WORD = 0, SD_NUMBER = 1, SD_NAME = 2, SD_FACT = 3, SD_COGNATE = 4 };

/* A unit (sentence or paragraph) of one side: sorted unique feature ids
 * (in the shared intern table) and its length in code points. */
typedef struct sd_unit {
    uint32_t *f;
    size_t nf;
    size_t chars;
} sd_unit;

/* One side of the pair at one level. */
typedef struct sd_side {
    sd_unit *u;
    size_t n;
} sd_side;

/* The feature space of a pair: every feature id has a kind, a weight per
 * side, a document-level "matchable" flag, and (for A features) the B ids
 * it projects to (itself, translations, fuzzy name matches, bootstrapped
 * co-occurrence pairs). */
typedef struct sd_space {
    sd_intern ids;
    uint8_t *kind;        /* per id */
    float *wa, *wb;       /* idf weight on side A / B, per id */
    uint8_t *match_a;     /* A feature has a projection present in B */
    uint8_t *match_b;     /* B feature is reached from some A feature */
    uint8_t *known_b;     /* B feature some A feature could reach: an
                             anchor (number, name, fact, cognate), any
                             feature of a same-language pair, or a word
                             that B's lexicon towards A has (session 18) */
    int cross;            /* the two languages differ (set with known_b;
                             session 19) */
    uint32_t *proj_off;   /* per id: start in proj (n ids + 1 entries) */
    uint32_t *proj;       /* projected B ids */
    size_t nproj;
    size_t cap_ids;       /* allocated length of the per-id arrays */
    /* scratch for similarity: stamps per id */
    uint32_t *stamp_b, *stamp_hit, *stamp_a;
    uint32_t tick;
    /* unit-pair similarity evaluations (story__sd_sim, story__sd_cover) so far:
     * a counter for tests that the alignment stays near-linear */
    uint64_t n_eval;
} sd_space;

/* Frees the per-id arrays of sp (kind, weights, match flags, projections,
 * stamps; not the interned ids, which story__sd_pair_free frees) and zeroes
 * them. */
void story__sd_space_free_arrays(sd_space *sp);

/* Projection hits of the A feature f: every B id it projects to that
 * carries the stamp `tick` in stamp_b adds its B weight to *mB once per
 * tick (stamp_hit marks it). Returns 1 if any projection was stamped,
 * else 0. Shared by the unit and document similarities. */
static inline int sd_proj_hits(sd_space *sp, uint32_t f, uint32_t tick,
                               double *mB)
{
    int hit = 0;
    for (uint32_t q = sp->proj_off[f]; q < sp->proj_off[f + 1]; q++) {
        uint32_t g = sp->proj[q];
        if (sp->stamp_b[g] != tick)
            continue;
        hit = 1;
        if (sp->stamp_hit[g] != tick) {
            sp->stamp_hit[g] = tick;
            *mB += sp->wb[g];
        }
    }
    return hit;
}

/* A link before it becomes a story_link. */
typedef struct sd_link {
    size_t a, na, b, nb;
    double score;
    int kind; /* story_link_kind */
} sd_link;

/* Similarity of the A run [a, a+na) and B run [b, b+nb), in [0, 1]:
 * weighted Dice of matched document-matchable features (see
 * similarity.c). */
double story__sd_sim(sd_space *sp, const sd_side *A, size_t a, size_t na,
                     const sd_side *B, size_t b, size_t nb);

/* Containment: share of the A run's matchable feature weight found in the
 * B run (side 0), or of the B run's weight reached from the A run
 * (side 1), in [0, 1]; *mass (may be NULL) receives that run's total
 * matchable weight. */
double story__sd_cover(sd_space *sp, const sd_side *A, size_t a, size_t na,
                       const sd_side *B, size_t b, size_t nb, int side,
                       double *mass);

/* Flags of story__sd_align_units: SD_REORDER matches the leftovers order-free
 * into moved links; SD_SENTENCES says the units are sentences (parts of
 * multi-unit sentence links that add nothing are split off, see
 * split_parts in align_dp.c; paragraphs keep theirs: a translation
 * merges paragraphs freely); SD_PARAGRAPHS says they are paragraphs
 * (in-order 1-1 links of a B paragraph foreign to A are undone, see
 * foreign_moved in align_dp.c). */
enum { SD_REORDER = 1, SD_SENTENCES = 2, SD_PARAGRAPHS = 4 };

/* Align two sides: banded monotone DP (1-1, 1-0, 0-1, 1-2, 2-1, 2-2),
 * then (when reorder & SD_REORDER) order-free matching of the leftovers
 * into moved links. *out (story__malloc'd) receives *n links ordered by A.
 * ratio = expected B/A length ratio in code points. prior (may be NULL)
 * favours links inside aligned groups (sentences of aligned paragraphs). */
typedef struct sd_prior {
    const size_t *ga, *gb; /* group of each A / B unit, SIZE_MAX = none */
    double w;              /* bonus (in level units) per unit of a link
                              whose units share a group */
} sd_prior;

int story__sd_align_units(sd_link **out, size_t *n, sd_space *sp,
                          const sd_side *A, const sd_side *B, double ratio,
                          int reorder, const sd_prior *prior);

/* Labels the links of l[0, n) that join both sides (match or moved) by
 * their order alone: the heaviest chain of links increasing in A and in B
 * (weight: the units of both runs; a tie keeps the passes' own in-order
 * links, then the longer runs) is `match`, every other such link `moved`. A link is
 * moved when it is out of order with the links around it, whatever pass
 * made it (exact_moves labelled a moved block's links match as each
 * other's aligned neighbours: fresh-user finding M3, session 8). Longest
 * increasing subsequence, weighted (Fredman 1975), O(n log n) with a
 * Fenwick tree (Fenwick 1994). 0, or -1 when out of memory (l unchanged). */
int story__sd_order_labels(sd_link *l, size_t n, const sd_side *A,
                           const sd_side *B);

#endif
