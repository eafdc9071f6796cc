/*
 * Text layer: name keys and fuzzy name matching (private part). The public
 * functions story_name_key() and story_name_similarity() are declared in
 * include/storydiff/segment.h and implemented in src/names.c; see
 * docs/numbers-dates-names.md.
 */
#ifndef STORY_NAMES_H
#define STORY_NAMES_H

#include "internal.h"

/* Two name keys refer to the same name when story_name_similarity() >=
 * STORY_NAME_MATCH. The score encodes the rule (LIBRARIES.md §1, fuzzy
 * name match): consonant-skeleton similarity >= 0.8 with both skeletons at
 * least 4 letters long, the same first letter and folded romanisations at
 * least 0.6 similar; or else similarity of the letter-folded romanisations
 * >= 0.85 (reported as that similarity - 0.05). Tested in
 * tests/unit/test_names.c: Zelensky/Zaluzhnyi stay below, Зеленський /
 * Selenskyj / Zełenski / Ζελένσκι / زيلينسكي reach it. */
#define STORY_NAME_MATCH 0.8

/* Consonant skeleton of a key (letters a-z only are read): spellings of
 * one sound folded (tsch sch dzh kh zh sh ch ph th ts tz sz cz ck; English
 * oo -> u, ee -> i; ay, and ai after a consonant, -> i), c -> s/k, h
 * between a vowel and a consonant dropped, w f -> v, y j -> i, g -> h,
 * q x -> k, p -> b, z -> s, r -> l, then vowels dropped after the first
 * letter and doubled letters collapsed. Writes at most n-1 bytes + NUL
 * into out; returns the skeleton length. */
size_t story__name_skeleton(const char *key, char *out, size_t n);

/* The same folds without dropping vowels (romanisation comparison). */
size_t story__name_fold(const char *key, char *out, size_t n);

/* Per-context storage for a module that keeps its caches beside the
 * names module's (facts_entity.c: its name and word indexes, which need
 * no slot of their own): the object created by make() on the first call
 * for ctx and returned by every later call; drop() frees it with the
 * context (owned by the context). NULL when out of memory. */
void *story__names_aux(story_ctx *ctx, void *(*make)(void),
                       void (*drop)(void *));

#endif
