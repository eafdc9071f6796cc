/*
 * Stage 4, facts: events/claims (actor + predicate + object, polarity,
 * modality).
 *
 * Every "event_lexicon" match (verbs and event nouns, multi-word entries
 * such as "rule out" / "signed up", exact folded form or Snowball stem)
 * gives one event per predicate concept and sentence. Actor: the first
 * participant of the sentence before the predicate (a named entity, a
 * pronoun resolved to the latest person, a title-only mention, a "roles"
 * concept, or a counted noun that can act: nation, official, company,
 * soldier, person …; not "years"): in SVO news prose the subject comes
 * first. Object: the first participant within 4 tokens after the
 * predicate, in the same clause. Polarity and modality: the negation and
 * hedge cue lists of the pack, within the predicate's clause.
 * Key = "event|<actor>|<PREDICATE>|<object>" with the actor only when it
 * is a named entity (entity key) and the object only when it is a named
 * entity; slot = the same with concept actors ("nation", "official")
 * kept, for story_facts_check. An event has no value besides its
 * polarity, so two versions disagree on an event by negation
 * (contradiction), not by a changed key.
 */
#include "internal.h"

#include <string.h>

#include "facts_internal.h"

/* Counted things that can act ("No countries have signed up"); "years" or
 * "aircraft" before a verb are not its actor. */
static int can_act(const char *concept)
{
    static const char *const ok[] = {"nation", "official", "company",
                                     "soldier", "person", "civilian",
                                     "refugee", "prisoner", "student",
                                     "woman", "man", "child", "member"};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (strcmp(concept, ok[i]) == 0)
            return 1;
    return 0;
}

static const char *participant_or_pronoun(fx *x, size_t i, size_t e,
                                          long *ei, int actor)
{
    size_t n;
    const char *p = fx_participant(x, i, ei);
    if (p && actor && *ei < 0 && !can_act(p) &&
        !fx_match(x, "roles", i, x->a->n_tokens, &n))
        p = NULL;
    /* "In Washington, Johnson agreed …": a place after the sentence
     * start is an adjunct, not the actor (translations move it) */
    if (p && actor && *ei >= 0 &&
        i > x->sent_tok[x->a->tokens[i].sentence] &&
        strcmp(((story_fact *)x->facts.data)[fx_entity_fact(x, *ei)]
                   .entity_kind,
               "place") == 0) {
        *ei = -1;
        p = NULL;
    }
    if (p)
        return p;
    if (fx_match(x, "pronouns", i, e, &n)) {
        long r = fx_entity_near(x, x->a->tokens[i].sentence, i, 0, 1);
        if (r >= 0) {
            *ei = r;
            story_fact *ef =
                &((story_fact *)x->facts.data)[fx_entity_fact(x, r)];
            return ef->key + strlen("entity|");
        }
    }
    return NULL;
}

/* Pack "event_senses": {"ATTACK": {"STRIKE_WORK": [cue, …]}}: an
 * ambiguous predicate ("strike") takes the other concept when a cue word
 * is in the sentence ("drivers … began a strike over pay"). */
static const char *event_sense(fx *x, const char *pred, size_t b, size_t e)
{
    json_t *alts = json_object_get(
        story_langpack_field(x->lp, "event_senses"), pred);
    const char *alt;
    json_t *cues;
    json_object_foreach(alts, alt, cues) {
        for (size_t k = b; k < e; k++) {
            size_t idx;
            json_t *c;
            json_array_foreach(cues, idx, c) {
                if (json_is_string(c) &&
                    strcmp(json_string_value(c), x->a->tokens[k].key) == 0)
                    return alt;
            }
        }
    }
    return pred;
}

static int events_sentence(fx *x, size_t s)
{
    const story_article *a = x->a;
    size_t b = x->sent_tok[s], e = x->sent_tok[s + 1], n;
    const char *seen[16];
    size_t nseen = 0;
    for (size_t k = b; k < e && !x->rc; k++) {
        if (x->tok_ent[k] >= 0)
            continue;
        const char *pred = fx_match(x, "event_lexicon", k, e, &n);
        if (!pred)
            continue;
        pred = event_sense(x, pred, b, e);
        int dup = 0;
        for (size_t q = 0; q < nseen; q++)
            if (strcmp(seen[q], pred) == 0)
                dup = 1;
        if (dup) {
            k += n - 1;
            continue;
        }
        if (nseen < 16)
            seen[nseen++] = pred;
        long actor_e = -1, obj_e = -1;
        const char *actor = NULL, *obj = NULL;
        for (size_t q = k > b + FX_WINDOW ? k - FX_WINDOW : b;
             q < k && !actor; q++)
            actor = participant_or_pronoun(x, q, e, &actor_e, 1);
        for (size_t q = k + n; q < e && q < k + n + 4 && !obj; q++) {
            if (fx_clause_break_before(x, q))
                break;
            obj = participant_or_pronoun(x, q, e, &obj_e, 0);
        }
        story_fact f;
        memset(&f, 0, sizeof f);
        f.type = STORY_FACT_EVENT;
        f.sentence = s;
        f.start = a->tokens[k].start;
        f.end = a->tokens[k + n - 1].end;
        f.entity = actor_e >= 0 ? (long)fx_entity_fact(x, actor_e) : -1;
        f.predicate = fx_strdup(x, pred);
        f.object_key = fx_strdup(x, obj ? obj : "");
        /* the object is part of the key only when it is a named entity:
         * counted nouns after a verb ("cut 9 days", "send soldiers") are
         * phrased differently by every translation */
        const char *okey = obj && obj_e >= 0 ? obj : "";
        /* key: actor only when it is a named entity (a concept actor such
         * as "nation" or "official" is the subject in one language and a
         * passive or a pronoun in the next); slot: the actor concept too,
         * for story_facts_check ("No countries have signed up") */
        f.key = fx_printf(x, "event|%s|%s|%s",
                          actor && actor_e >= 0 ? actor : "", pred, okey);
        f.slot = fx_printf(x, "event|%s|%s|%s", actor ? actor : "", pred,
                           okey);
        f.negated = fx_negated(x, s, k);
        f.hedged = fx_hedged(x, s, k);
        json_t *o = json_object();
        json_object_set_new(o, "actor", actor ? json_string(actor)
                                              : json_null());
        json_object_set_new(o, "predicate", json_string(pred));
        json_object_set_new(o, "object", obj ? json_string(obj) : json_null());
        f.value_json = fx_json(x, o);
        fx_push(x, &f);
        k += n - 1;
    }
    return x->rc;
}

int fx_events(fx *x)
{
    for (size_t s = 0; s < x->a->n_sentences && !x->rc; s++)
        events_sentence(x, s);
    return x->rc;
}
