/*
 * Language packs: locales/<bcp47>.json (text layer: abbreviations, titles,
 * stop words, …) merged with locales/numbers/<bcp47>.json (number words,
 * scale words, units, months, relative dates), locales/facts/<bcp47>.json
 * (fact lexicons: reporting verbs, event lexicon, counted nouns, negation
 * and hedge cues) and locales/root.json (language-neutral), loaded lazily once
 * per context, read-only after. Lookup falls back de-CH -> de -> root.
 *
 * Matching: every string list and every object's keys are indexed by
 * their NFKC case-folded form, so callers look up folded keys (as in
 * story_token.key). Multi-word entries are indexed as written (folded).
 */
#ifndef STORY_LOCALE_H
#define STORY_LOCALE_H

#include <jansson.h>

#include "internal.h"

typedef struct story_langpack story_langpack;

/* The pack for `lang` (BCP 47; "" or unknown -> root). Borrowed from ctx;
 * never NULL on success. Errors: STORY_ELOCALE (invalid JSON: err names
 * the file, line and column), STORY_ENOMEM. */
int story_langpack_get(const story_langpack **out, story_ctx *ctx,
                       const char *lang, story_error *err);

/* The language this pack was loaded for ("root" for root). */
const char *story_langpack_lang(const story_langpack *lp);

/* Raw merged JSON field of the pack (language file first, then facts
 * file, then root); NULL when absent. Borrowed. */
json_t *story_langpack_field(const story_langpack *lp, const char *field);

/* 1 when the folded `key` is in the list/object `field` of the pack or,
 * failing that, of root; 0 otherwise. */
int story_langpack_has(const story_langpack *lp, const char *field,
                       const char *key);

/* For object fields (word -> concept): the value string for folded `key`,
 * or NULL. For object fields whose values are not strings, NULL. */
const char *story_langpack_map(const story_langpack *lp, const char *field,
                               const char *key);

/* Raw JSON value for folded `key` in object `field` (any JSON type), or
 * NULL. Borrowed. */
json_t *story_langpack_lookup(const story_langpack *lp, const char *field,
                              const char *key);

/* The key table of `field` (NULL when the pack lacks the field), for
 * callers that look up many keys in a few fields: valid as long as the
 * pack (the context). Borrowed. */
typedef struct lp_field story_langpack_index;
const story_langpack_index *story_langpack_index_of(const story_langpack *lp,
                                                    const char *field);

/* story_langpack_lookup through an index: folded `key` of `len` bytes
 * whose story__hash_bytes(key, len) is `hash` (so that one key is hashed
 * once for all the fields it is tried in). NULL index: NULL. */
json_t *story_langpack_index_lookup(const story_langpack_index *ix,
                                    const char *key, size_t len,
                                    uint64_t hash);

/* The number of folded keys in index `ix` (0 for NULL), and the i-th of
 * them (i < that number; NUL-terminated, *len = its length in bytes),
 * borrowed like the index: for callers that summarise a field's keys once
 * (numbers.c's first-code-point filter; session 21, 2026-12-02). */
size_t story_langpack_index_count(const story_langpack_index *ix);
const char *story_langpack_index_key(const story_langpack_index *ix,
                                     size_t i, size_t *len);

#endif
