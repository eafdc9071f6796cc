/*
 * Stage 4, facts: private state shared by the extractors (src/facts*.c).
 * See include/storydiff/facts.h and docs/facts.md for the fact model.
 */
#ifndef STORY_FACTS_INTERNAL_H
#define STORY_FACTS_INTERNAL_H

#include "internal.h"

#include <jansson.h>

#include "locale.h"
#include "storydiff/facts.h"

#define FX_MEMO 32
/* Scans around a token (clause, event, actor, reporting verb) look at most
 * this many tokens away: linear time on run-on text without punctuation. */
#define FX_WINDOW 40
#define FX_TF_STOP_DONE 0x1u /* tok_flags: stop/function word computed */
#define FX_TF_STOP 0x2u      /* tok_flags: stop/function word */
#define FX_TF_SHOUT_DONE 0x4u /* tok_flags: shouted_word computed */
#define FX_TF_SHOUT 0x8u      /* tok_flags: a word in capitals, no acronym */
#define FX_TF_DEFACR_DONE 0x10u /* tok_flags: defined_common_acronym done */
#define FX_TF_DEFACR 0x20u      /* tok_flags: an acronym of a defined term */
#define FX_TF_CAPEL_DONE 0x40u /* tok_flags: capital_elsewhere computed */
#define FX_TF_CAPEL 0x80u      /* tok_flags: capitalised mid-sentence elsewhere */

/* Debug builds (no NDEBUG) check a fast path against the general path
 * it replaces: FX_SAME(fast, general) aborts with the source line when
 * they differ, so the whole Debug suite (unit, e2e on real articles)
 * compares them; Release builds do not compute `general`. (session 21) */
#ifndef NDEBUG
#include <stdio.h>
#include <stdlib.h>
#define FX_SAME(fast, general)                                                \
    do {                                                                      \
        if ((fast) != (general)) {                                            \
            fprintf(stderr, "%s:%d: fast path differs from the general "      \
                            "path\n", __FILE__, __LINE__);                    \
            abort();                                                          \
        }                                                                     \
    } while (0)
#else
#define FX_SAME(fast, general) ((void)0)
#endif

/* A canonical entity of one article (coreference target). */
typedef struct fx_ent {
    char *key;         /* "entity|..." */
    char *name;        /* longest surface form */
    char *skel;        /* key part after "entity|" */
    char *last;        /* folded last word of the longest name */
    char *concept;     /* world/pack concept of its first mention, or NULL */
    const char *kind;  /* static: person, organisation, place, other */
    const char *nationality; /* borrowed from the pack, or "" */
    story_vec roles;   /* char * (owned) */
    size_t first_fact; /* index of its first mention fact */
    size_t last_sentence;
} fx_ent;

/* Extraction state of one article. */
typedef struct fx {
    story_ctx *ctx;
    const story_article *a;
    const story_langpack *lp;
    const char *lang;
    int cjk;                 /* no spaces between words (zh, ja) */
    int lex_stems;           /* pack "lexicon_stems": match stems too */
    story_error *err;
    story_vec facts;         /* story_fact */
    story_vec ents;          /* fx_ent */
    size_t *sent_tok;        /* n_sentences + 1: first token of sentence */
    char **stem;             /* per token: stem, NULL until needed */
    unsigned char *stem_owned; /* per token: stem[i] is malloc'd */
    const char *memo_field[FX_MEMO]; /* lexicon memo (see lex_get) */
    size_t memo_idx[FX_MEMO];
    const char *memo_dm[FX_MEMO]; /* memo_slot: field pointer -> index
                                     of memo_field, by pointer bits */
    unsigned char memo_dm_slot[FX_MEMO];
    size_t n_memo;
    uint16_t *mcache[FX_MEMO];     /* per memo field: per token, the lexicon
                                      match (story__fx_match): 0 not computed, else
                                      done bit, tokens matched and the
                                      concept's number in mconcepts */
    struct fx_concepts *mconcepts; /* per memo field: the memo's concepts
                                      (FX_MEMO of them, see facts.c) */
    long *tok_ent;           /* per token: entity index or -1 */
    unsigned char *tok_role; /* per token: 1 role/nationality consumed */
    unsigned char *tok_flags; /* per token: FX_TF_* memo bits */
    unsigned *tmask;          /* per token: fields it may start (tok_mask) */
    unsigned *tmask_gen;      /* per token: cache generation + 1, 0 unset */
    json_t *capital_inside;  /* folded keys seen capitalised mid-sentence */
    json_t *lower_seen;      /* folded keys seen written in lower case */
    story_buf tmp;           /* scratch */
    json_t *world_ix;        /* facts_entity.c: borrowed per-article
                                memo of the world index and inflection
                                endings of x->lang (owned by the ctx) */
    json_t *world_suf;
    json_t *nat_ends;        /* facts_entity.c (nationality_inflected):
                                borrowed per-article memo of x->lang's
                                adjective endings and the listed words'
                                trunks; nat_state bit 1: ends, 2: set */
    json_t *nat_set;
    int nat_state;
    size_t name_end;         /* facts_entity.c: byte end of the next
                                mention inside its last token (zh names
                                the word segmenter glued to the next
                                word), 0: the token's end */
    const char *name_as;     /* facts_entity.c: the name of the next
                                mention instead of its text (a
                                nationality word's country), or NULL */
    story_strmap cap_ends;   /* facts_entity.c (name_end_elsewhere): key
                                of a capitalised token that ends a name
                                -> fx_cap_end (count, first token) */
    int cap_ends_built;
    story_strmap lower_trunks; /* facts_entity.c (common_word): the keys
                                  of lower_seen reduced by trunk_word */
    int lower_trunks_built;
    /* facts_event.c (event_match_raw): per token, the last answer, for
     * the bound ev_mr_e[i] - 1 (0: none yet), its concept and what it
     * wrote to *n (ev_mr_n: n + 1, 0: nothing); allocated on first use,
     * per article: the quantity/date pass and the event pass (each with
     * its own fx_evstems of the same pack) share it (session 21) */
    uint32_t *ev_mr_e;
    const char **ev_mr_c;
    unsigned char *ev_mr_n;
    struct fx_speech_ix *speech_ix; /* facts_speech.c: per-sentence
                                       indexes of quote and entity facts
                                       while story__fx_speech runs, else NULL */
    int rc;                  /* sticky error */
} fx;

/* Lexicon matching: longest entry of object/list `field` (up to 4 words)
 * starting at token i, not crossing token e or punctuation other than a
 * hyphen/apostrophe. Returns the concept (for lists: "1") and *n tokens,
 * or NULL. Exact folded forms first, then stems (story__stem). */
const char *story__fx_match(fx *x, const char *field, size_t i, size_t e,
                            size_t *n);
/* 1 when the gap between tokens i and i+1 holds only spaces (and, when
 * `hyphen`, hyphens/apostrophes). */
int story__fx_adjacent(const fx *x, size_t i, int hyphen);
/* 1 when the gap before token i (after token i-1, or sentence start)
 * contains a clause boundary: , ; : ( ) or a dash. */
int story__fx_clause_break_before(const fx *x, size_t i);
/* 1 when token k starts with an elided negation of the pack
 * ("negation_elided": fr "n'ont") and has more after it. */
int story__fx_elided_negation(fx *x, size_t k);
/* 1 when token k's key ends with one of the strings of pack list `field`
 * ("hedge_suffixes", "possessive_suffixes") and keeps at least min_stem
 * bytes before it. */
int story__fx_ends_with(fx *x, const char *field, size_t k, size_t min_stem);
/* First token (of the article) ending after byte off; n_tokens if none. */
size_t story__fx_token_after(const fx *x, size_t off);
/* Sentence of a byte offset. */
size_t story__fx_sentence_at(const fx *x, size_t off);

/* Append a fact (copied; strings NULL become ""). Returns its index or
 * (size_t)-1 on allocation failure (x->rc set). Takes ownership of the
 * malloc'd strings in f. */
size_t story__fx_push(fx *x, story_fact *f);
/* A name of the names gazetteer (locales/gazetteer.json) starting at
 * token i: its canonical Latin key, *n tokens; NULL if none. */
const char *story__fx_gazetteer_match(fx *x, size_t i, size_t e, size_t *n);
/* Per-context cache of Latin name keys (owned by the context). */
json_t *story__fx_name_cache(fx *x);
/* Per-context object (owned by the context) where facts_entity.c keeps
 * its per-language index of region names (ICU) and locales/entities.json
 * forms; NULL on allocation failure. */
json_t *story__fx_world_cache(fx *x);
/* Strings helpers. */
char *story__fx_strdup(fx *x, const char *s);
char *story__fx_printf(fx *x, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 2, 3)))
#endif
    ;
/* value_json from a jansson object (stolen). */
char *story__fx_json(fx *x, json_t *o);
/* Number for JSON: integer when integral. */
json_t *story__fx_jnum(double v);
/* "15", "2.5" */
void story__fx_fmt_num(char *out, size_t n, double v);

/* Negation / hedging around token i (predicate, number) in sentence s. */
int story__fx_negated(fx *x, size_t s, size_t i);
int story__fx_hedged(fx *x, size_t s, size_t i);
/* A word of lexicon `field` negated by a prefix of pack
 * "negation_prefixes" (cs "nepodepsal"): its concept and *rest (the key
 * after the prefix; rest may be NULL), or NULL. See facts.c. */
const char *story__fx_prefix_negated(fx *x, size_t i, const char *field,
                                     const char **rest);

/* Entity nearest token i in sentence s (before first, then after), within
 * max tokens; -1 when none. Pronoun -> most recent person entity. */
long story__fx_entity_near(fx *x, size_t s, size_t i, size_t max,
                           int before_only);
/* Participant at token i: the entity's key part (after "entity|", *ent =
 * entity index) or a counted-noun/role concept (*ent = -1); NULL if none. */
const char *story__fx_participant(fx *x, size_t i, long *ent);
/* Title-only mention at token i ("the admiral"): the latest entity with
 * that role, or -1. */
long story__fx_title_ref(fx *x, size_t i);
/* Index (in x->facts) of the first mention fact of entity ei. */
size_t story__fx_entity_fact(fx *x, long ei);

/* Extractors, in order. */
int story__fx_entities(fx *x);
int story__fx_dates_quantities(fx *x);
int story__fx_speech(fx *x); /* quotes and attributions */
int story__fx_events(fx *x);

#endif
