/*
 * storydiff stage 4, facts: typed, language-neutral facts extracted from a
 * segmented article: quantities with what they count, named entities with
 * roles, quotes with speakers, attributions, dates and events, each with
 * negation (polarity) and hedging (modality) flags.
 *
 * Matching across versions uses two strings per fact:
 *   key  - identity including the value ("quantity|person|INJURE|15");
 *   slot - identity without the value ("quantity|person|INJURE").
 * Two facts with the same key say the same thing; the same slot with a
 * different key is a change ("15 injured" -> "14 injured"). Keys are
 * language-neutral: concept ids from the language packs and Latin
 * transliteration keys, never words of one language. docs/facts.md
 * documents every type's key, slot and value.
 *
 * Per type (negated/hedged are flags, never part of a key):
 *   quantity     key "quantity|<unit>|<value>" ("quantity||15",
 *                "quantity|percent|5", range "quantity||15-20"),
 *                slot "quantity|<unit>"; counted thing, event and
 *                qualifier are in the value/fields, not in the key.
 *   entity       key = slot = "entity|<consonant skeleton of the Latin
 *                name key>" (surname for persons); one fact per mention,
 *                `entity` = index of the first mention.
 *   quote        key = slot = "quote|<speaker skeleton>" ("quote|" when
 *                unresolved); verb concept and content span in the value.
 *   attribution  key = slot = "attribution|<source skeleton or concept>".
 *   date         key "date|<ISO>" or "date|rel:<relative>", slot "date".
 *   event        key = slot = "event|<actor>|<PREDICATE>|<object>".
 */
#ifndef STORYDIFF_FACTS_H
#define STORYDIFF_FACTS_H

#include <stddef.h>

#include "storydiff/article.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef enum story_fact_type {
    STORY_FACT_QUANTITY = 0,
    STORY_FACT_ENTITY = 1,
    STORY_FACT_QUOTE = 2,
    STORY_FACT_ATTRIBUTION = 3,
    STORY_FACT_DATE = 4,
    STORY_FACT_EVENT = 5
} story_fact_type;
#define STORY_FACT_NTYPES 6

/** One fact. Every pointer is owned by the fact set; strings are never
 *  NULL ("" when absent). Spans are bytes into the article's text. Fields
 *  not used by a type are zero / "" / -1. */
typedef struct story_fact {
    story_fact_type type;
    size_t sentence;   /* index into article->sentences */
    size_t start, end; /* [start, end) bytes into article->text */
    char *key;         /* language-neutral identity including the value */
    char *slot;        /* identity without the value */
    int negated;       /* polarity: 1 when negated ("did not", "no") */
    int hedged;        /* modality: 1 when hedged ("reportedly", "may") */
    char *value_json;  /* type-specific value object as JSON text; the
                          report's "value" (see docs/report.schema.json) */

    /* quantity */
    double number;     /* value; lower bound of a range */
    double number_hi;  /* upper bound of a range, == number otherwise */
    char *unit;        /* unit/currency concept ("percent", "USD", "km") */
    char *counted;     /* concept of what is counted ("person", "nation") */
    char *event;       /* concept of the event counted ("INJURE") */
    char *qualifier;   /* "at_least", "about", "more_than", "less_than",
                          "up_to", "nearly" or "" */

    /* entity (also the canonical entity that mentions resolve to) */
    char *entity_kind; /* "person", "organisation", "place", "other" */
    char *name;        /* surface form as written (longest mention) */
    char **roles;      /* role/title concepts ("admiral", ...), n_roles */
    size_t n_roles;
    char *nationality; /* country concept or "" */
    long entity;       /* for quote/attribution/event: index of the
                          speaker/source/actor entity fact, else -1 */

    /* quote / attribution */
    char *verb;        /* reporting verb concept ("SAY", "WARN") or "" */
    size_t content_start, content_end; /* quoted/claimed text, bytes */
    int direct;        /* 1 direct quote, 0 indirect speech */

    /* date */
    char *date_iso;      /* ISO 8601 (date or partial) or "" */
    char *date_relative; /* "wednesday", "yesterday", "overnight" or "" */

    /* event */
    char *predicate;   /* event concept ("MEET", "ATTACK", "SIGN") */
    char *object_key;  /* key of the object/target, or "" */

    /* date, continued: the two readings of an ambiguous slash date whose
     * order the article does not fix ("8/3/2025" in en: [0] day first
     * "2025-03-08", [1] month first "2025-08-03"; date_iso is then the
     * year); "" otherwise. Inline storage, nothing to free. */
    char date_readings[2][12];
} story_fact;

/** The facts of one article, ordered by position (start offset). */
typedef struct story_factset {
    story_fact *facts;
    size_t n_facts;
} story_factset;

/** Extract the facts of a segmented article (story_segment() first).
 *  On success returns 0 and *out is the caller's (story_factset_free()).
 *  The fact set does not point into the article, but its spans refer to
 *  its text. Errors: STORY_EINVAL (not segmented), STORY_ENOMEM,
 *  STORY_ELOCALE, STORY_EICU, with err filled. */
STORY_API int story_facts_extract(story_factset **out, story_ctx *ctx,
                                  const story_article *a, story_error *err);

/** Free a fact set. NULL is a no-op. */
STORY_API void story_factset_free(story_factset *fs);

/** Name of a fact type: "quantity", "entity", "quote", "attribution",
 *  "date", "event". Static storage. */
STORY_API const char *story_fact_type_name(story_fact_type t);

/** 1 when two entity keys of story_facts_extract() ("entity|<skeleton>")
 *  that did not match exactly may still name one entity written in two
 *  languages, else 0 (also for NULL, for keys of another type and for an
 *  empty skeleton). A transliteration often differs from the English
 *  spelling in one consonant of the skeleton (Matheson `mtsn` /
 *  マセソン `msn`: th written as s; Ockinga `aknh` / 奥金加 `ahnh`: zh ji for
 *  ki; Tsoy `s` / 特索伊 `ts`). The rule: the two skeletons (bytes after
 *  the last '|') are at Levenshtein distance (Levenshtein 1966) exactly 1;
 *  a substitution (skeletons of equal length) only when they have at
 *  least 3 letters, an insertion or deletion at any length. Equal keys
 *  give 0 (they match without this test). The test alone pairs
 *  far too much (every one-letter skeleton is near many others): callers
 *  use it only for entities left unmatched after exact key matching, in
 *  one aligned paragraph of articles in two languages (the diff's
 *  cross-language pass, the facts-wmt24 benchmark). Pure, no context;
 *  O(length) time. (session 17) */
STORY_API int story_entity_keys_near(const char *key_a, const char *key_b);

/** Mention recovery (session 18): 1 when paragraph `par` of the
 *  segmented article `art` writes the entity of key `key` (an entity key
 *  of story_facts_extract() of ANOTHER article, "entity|<skeleton>") as a
 *  run of 1 to 4 word tokens, whether or not the extractor made that run
 *  an entity (a transliterated surname with no title, role or quote verb
 *  next to it: hi केलेहर for Kelleher); 0 when not, also for a key of
 *  another type, a skeleton of fewer than 2 letters or `par` out of
 *  range. A run: tokens of one sentence with a letter and no digit, each
 *  starting with a capital or with a letter of a script without case,
 *  separated by spaces or a middle dot (U+00B7, U+30FB) only. Its
 *  skeleton is computed as the entity keys of art->lang are
 *  (story_name_key() and the consonant skeleton of docs/facts.md "Entity
 *  keys"); it names the entity when it equals the key's skeleton or is
 *  near it by story_entity_keys_near(). The test reads words, not names:
 *  callers use it only for entities left unmatched by keys between an
 *  article and its translation, on the paragraph aligned with the one
 *  naming the entity (the diff's cross-language pass, the facts-wmt24
 *  benchmark). `ctx`, `art` and `key` are borrowed; nothing is kept.
 *  Returns STORY_EINVAL when ctx, art or key is NULL, STORY_ENOMEM on
 *  allocation failure. Cost: one story_name_key() per run (at most 4 per
 *  token of the paragraph). */
STORY_API int story_entity_key_written(story_ctx *ctx,
                                       const story_article *art, size_t par,
                                       const char *key);

/** A pair of facts of one article that contradict each other. */
typedef struct story_contradiction {
    size_t fact_a, fact_b; /* indices into the fact set, fact_a < fact_b;
                              equal for one fact at odds with itself (a
                              full date and the weekday it names) */
    char *detail;          /* one line of explanation, owned */
} story_contradiction;

/** Find facts inside one article that contradict each other (the same slot
 *  with opposite polarity, or incompatible values). On success returns 0,
 *  *out is an array of *n entries, freed with story_contradictions_free().
 */
STORY_API int story_facts_check(story_contradiction **out, size_t *n,
                                story_ctx *ctx, const story_article *a,
                                const story_factset *fs, story_error *err);

/** Free what story_facts_check() returned. NULL is a no-op. */
STORY_API void story_contradictions_free(story_contradiction *c, size_t n);

/** Group the contradictions of story_facts_check() into clashes: pairs
 *  that share a fact (or lie in the same two sentences) and whose other
 *  facts say the same thing (same type, polarity, modality and predicate
 *  and object, number and unit, or speaker) are one clash, transitively:
 *  "Lang dies at 81" (sentence 0) and "he died" (sentence 2), each
 *  against "Lang, who is still alive" (sentence 3), are two pairs and one
 *  clash. On success returns 0 and *first is an array of n entries
 *  (allocated even when n is 0; free with story_free()): first[i] is the
 *  index of the first contradiction of entry i's clash, first[i] == i
 *  when entry i starts one. A date at odds with its weekday is a clash
 *  of its own; more than 256 contradictions are not grouped (each is
 *  its own clash). Errors: STORY_EINVAL (first or fs NULL, or a
 *  contradiction naming no fact of fs), STORY_ENOMEM; err filled.
 *  (Session 11: `storydiff check` prints one line per clash.) */
STORY_API int story_contradiction_clashes(size_t **first,
                                          const story_factset *fs,
                                          const story_contradiction *cs,
                                          size_t n, story_error *err);

/** The clash of contradiction i (see story_contradiction_clashes()) in
 *  words, as `storydiff check` prints it, without fact ids or keys: per
 *  side the sentence numbers (0-based, "s3", as `storydiff facts` prints
 *  them) and the quoted words of each fact (a quote's claim; a count
 *  with the word of its event: "cut 1,200 jobs"; at most 60 bytes of
 *  the text, white space runs as one space, an ellipsis where cut at a
 *  UTF-8 character boundary), the sides' polarity ("(affirmed)" /
 *  "(denied)", "(planned)" / "(no plan)" for two intentions) and what
 *  clashes: `s0 "dies", s2 "died" (affirmed) vs s3 "still alive"
 *  (denied): the same event affirmed and denied`. A date at odds with
 *  its weekday gives its words and the library's detail. One line, no
 *  newline, UTF-8. `a` and `fs` are the article and fact set that
 *  story_facts_check() was given. On success returns 0 and *out is the
 *  caller's (story_free()). Errors: STORY_EINVAL (out, a or fs NULL,
 *  i >= n, or a contradiction naming no fact of fs), STORY_ENOMEM; err
 *  filled, *out NULL. */
STORY_API int story_contradiction_text(char **out, const story_article *a,
                                       const story_factset *fs,
                                       const story_contradiction *cs,
                                       size_t n, size_t i, story_error *err);

/** The sentence of fact `fact` (an index into fs->facts), shortened
 *  around the fact's span to about 140 bytes: cut at spaces, an
 *  ellipsis (U+2026) where cut, white space runs as one space, no
 *  quotation marks, trailing spaces and newlines dropped; a sentence
 *  of up to 140 bytes is whole. `storydiff check` shows the sentences of
 *  a contradiction this way. On success returns 0 and *out is the
 *  caller's (story_free()); it is "" when the fact's sentence index is
 *  not one of the article's. Errors: STORY_EINVAL (out, a or fs NULL,
 *  fact >= fs->n_facts), STORY_ENOMEM; err filled, *out NULL. */
STORY_API int story_fact_excerpt(char **out, const story_article *a,
                                 const story_factset *fs, size_t fact,
                                 story_error *err);

#ifdef __cplusplus
}
#endif
#endif
