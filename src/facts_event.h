/*
 * Stage 4, facts: event-lexicon matching shared by the event and the
 * quantity/date extractors (private; src/facts_event.c).
 */
#ifndef STORY_FACTS_EVENT_H
#define STORY_FACTS_EVENT_H

#include "facts_internal.h"

/* Stem index of the pack's "event_lexicon" for one extraction, used when
 * the pack sets "event_stems": true (the pack's stemmer: hi) or
 * "event_prefix": N (shared-prefix rule, see prefix_lookup: is) but not
 * "lexicon_stems".
 * Zero-initialise, then story__fx_evstems_init; release with
 * story__fx_evstems_free. */
typedef struct fx_evstems {
    json_t *map;         /* stem -> concept, or (prefix) first N code
                          * points -> [[entry, concept] …]; NULL: off */
    size_t prefix;       /* N of "event_prefix", 0: stems */
    json_t *sep;         /* "event_separable": first word -> [[second,
                          * concept] …], or NULL */
    json_t *heads;       /* "event_compounds": entry stem -> concept */
    const char **tok;    /* per token: concept borrowed from map, or NULL */
    unsigned char *done; /* per token: tok[i] computed */
    unsigned char *ppl;  /* per token: its "separable_particles" prefix
                          * length + 1 (0: not computed yet), with tok */
    /* (the per-token memo of event_match_raw is per article: fx.ev_mr_e,
     * shared by the quantity/date and the event passes; session 21) */
    /* the pack's "separable_particles" by first byte, for
     * token_particle_prefix (built on first use, pp_built 1; 2: not
     * built, out of memory): pp[pp_at[c], pp_at[c + 1]) start with byte c */
    const char **pp;
    size_t *pp_len;
    size_t pp_at[257];
    int pp_built;
    int cached; /* map, sep and heads belong to the context's cache (they
                   outlive this struct: fx.ev_mr_c may point into them) */
} fx_evstems;

/* Builds the index when the pack asks for it (else leaves it off).
 * Returns 0 or a negative story_status (x->rc is set too). */
int story__fx_evstems_init(fx *x, fx_evstems *es);
void story__fx_evstems_free(fx_evstems *es);

/* Event concept of the entry starting at token i (not crossing token e):
 * story__fx_match on "event_lexicon" first (exact forms, and stems in packs
 * with "lexicon_stems"), then, for one token, a separable verb ("stimmte … zu":
 * "event_separable"), a compound head ("event_compounds") and the stem or
 * prefix index of es. A match glued by a hyphen to a neighbouring word
 * ("buy-in") is none, and so is a word inside a "-" entry (one starting
 * at it or up to 4 tokens before: "с помощью"). In packs with
 * "event_stem_check" a stem-only match must share enough of an entry
 * (cs). The concept is read in its sentence's sense ("event_senses";
 * "-": none). *n = tokens matched. NULL when none. es may be NULL.
 * The returned string is borrowed from the pack. */
const char *story__fx_event_match(fx *x, fx_evstems *es, size_t i, size_t e,
                                  size_t *n);

/* Session 12: the token index of the separable particle ("schließt …
 * nicht aus") that closes the clause of the lower-case word at token i
 * (not crossing token e), in packs with "separable_particles"; 0 when
 * none. */
size_t story__fx_separable_particle(fx *x, size_t i, size_t e);

#endif
