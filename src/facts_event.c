/*
 * Stage 4, facts: events/claims (actor + predicate + object, polarity,
 * modality).
 *
 * Every "event_lexicon" match (verbs and event nouns, multi-word entries
 * such as "rule out" / "signed up", exact folded form or stem) gives one
 * event per predicate concept and sentence. Packs without
 * "lexicon_stems" but with "event_stems": true (is, hi: no lexicon-wide
 * stemming) match the event lexicon on stems too (story__fx_event_match): the
 * pack's stemmer (story__stem) applied to the token and to every
 * one-word entry.
 * Actor: the first participant of the sentence before the predicate (a
 * named entity, a pronoun resolved to the latest person, a title-only
 * mention, a "roles" concept, or a counted noun that can act: nation,
 * official, company, soldier, person …; not "years"): in SVO news prose
 * the subject comes first. Object: the first participant within 4 tokens
 * after the predicate, in the same clause. Polarity and modality: the
 * negation and hedge cue lists of the pack, within the predicate's
 * clause.
 * Key = "event||<PREDICATE>|": the predicate concept only. The actor and
 * the object stay in the value and in the slot
 * ("event|<actor>|<PREDICATE>|<object>", actor as entity key or concept,
 * object only when it is a named entity) for story_facts_check. Who acts
 * is compared by the entity facts; in the key it made the same event
 * unmatchable across languages (word order V2/SOV, pro-drop, passives:
 * WMT24 recall / precision 0.43 / 0.42 with the named actor and object in
 * the key, 0.76 / 0.70 without, same lexicons; docs/facts.md). Inside an
 * aligned sentence pair, where the diff matches facts first, the predicate
 * concept is unique (one event per concept and sentence). An event has no value
 * besides its polarity, so two versions disagree on an event by negation
 * (contradiction), not by a changed key.
 */
#include "internal.h"

#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "facts_event.h"
#include "facts_internal.h"
#include "stem.h"

/* Code points of a UTF-8 string. */
static size_t cp_count(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        if (((unsigned char)*s & 0xC0) != 0x80)
            n++;
    return n;
}

/* Stem of token i (the folded key when stemming fails) into st. */
static const char *token_stem_raw(fx *x, size_t i, story_buf *st)
{
    const char *k = x->a->tokens[i].key;
    st->len = 0;
    if (story__stem(x->ctx, x->lang, k, strlen(k), st, NULL) || !st->data ||
        st->oom)
        return k;
    return st->data;
}

/* Stems shorter than this many code points are not looked up: they
 * collide with unrelated words (hi "कमी" decrease -> "कम" less). */
#define EV_STEM_MIN 3

/* Byte length of the first n code points of s (all of s if shorter). */
static size_t cp_prefix(const char *s, size_t n)
{
    size_t i = 0;
    while (s[i] && n > 0) {
        i++;
        while (((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        n--;
    }
    return i;
}

/* Common prefix of a and b in code points. */
static size_t cp_common(const char *a, const char *b)
{
    size_t n = 0, i = 0;
    while (a[i] && a[i] == b[i]) {
        size_t j = i + 1;
        while (((unsigned char)a[j] & 0xC0) == 0x80 && a[j] == b[j])
            j++;
        if (((unsigned char)a[j] & 0xC0) == 0x80 ||
            ((unsigned char)b[j] & 0xC0) == 0x80)
            break; /* differ inside a code point */
        i = j;
        n++;
    }
    return n;
}

/* A "-" entry: blocks the event reading of the words it spans (exact
 * forms, or stems in "lexicon_stems" packs); never indexed by stem or
 * prefix, so that it does not make the stem of a real entry ambiguous. */
static int is_block(const json_t *v)
{
    return json_is_string(v) && strcmp(json_string_value(v), "-") == 0;
}

/* "event_prefix": N (is): entries indexed by their first N code points. */
static int prefix_index(fx *x, fx_evstems *es, json_t *lex)
{
    const char *k;
    json_t *v;
    json_object_foreach(lex, k, v) {
        if (!json_is_string(v) || strchr(k, ' ') || is_block(v) ||
            cp_count(k) < es->prefix)
            continue;
        char *folded = NULL;
        if (story_normalize_key(&folded, NULL, k, strlen(k), NULL))
            continue;
        size_t pl = cp_prefix(folded, es->prefix);
        char save = folded[pl];
        folded[pl] = '\0';
        json_t *arr = json_object_get(es->map, folded);
        if (!arr) {
            arr = json_array();
            json_object_set_new(es->map, folded, arr);
        }
        folded[pl] = save;
        json_t *pair = json_pack("[s,O]", folded, v);
        story_free(folded);
        if (!arr || !pair || json_array_append_new(arr, pair)) {
            json_decref(pair);
            return x->rc = story__error(x->err, STORY_ENOMEM, NULL, -1,
                                        "out of memory");
        }
    }
    return 0;
}

/* Prefix rule: token t matches entry w when they share at least
 * max(N, |w| - 2) code points (|w| - 1 for |w| <= 6) and t is at most 4
 * code points longer than
 * w: an inflectional ending, not a compound ("árás" ~ "árásir",
 * "samþykkja" ~ "samþykktu"; "undirrita" !~ "undir", "fjármögnun" !~
 * "fjármálaráðherra"). Several concepts: ambiguous, no match. */
static const char *prefix_lookup(fx_evstems *es, const char *t)
{
    size_t pl = cp_prefix(t, es->prefix), tl = cp_count(t);
    char buf[64];
    if (pl >= sizeof buf || cp_count(t) < es->prefix)
        return NULL;
    memcpy(buf, t, pl);
    buf[pl] = '\0';
    json_t *arr = json_object_get(es->map, buf), *pair;
    const char *found = NULL;
    size_t idx;
    json_array_foreach(arr, idx, pair) {
        const char *w = json_string_value(json_array_get(pair, 0));
        const char *c = json_string_value(json_array_get(pair, 1));
        size_t wl = cp_count(w), need = wl > 6 ? wl - 2 : wl - 1;
        if (need < es->prefix)
            need = es->prefix;
        if (tl > wl + 4 || cp_common(t, w) < need)
            continue;
        if (found && strcmp(found, c) != 0)
            return NULL;
        found = c;
    }
    return found;
}

/* Key of es->sep holding the particle-verb index (folded words never
 * start with a control character). */
#define SEP_BASE "\x1f" "base"

/* 1 when folded word k starts with a pack "separable_particles" word
 * followed by at least 3 bytes; *pl = the longest such particle's length. */
static int particle_prefix(fx *x, const char *k, size_t *pl)
{
    json_t *parts = story_langpack_field(x->lp, "separable_particles"), *v;
    size_t idx, n = strlen(k), best = 0;
    /* called for every lower-case word, several times: the stored string
     * length (jansson loads no NUL inside a string, so it is the strlen),
     * the first byte before memcmp */
    json_array_foreach(parts, idx, v) {
        const char *p = json_string_value(v);
        size_t l = p ? json_string_length(v) : 0;
        if (l && l > best && n >= l + 3 && p[0] == k[0] &&
            memcmp(k, p, l) == 0)
            best = l;
    }
    *pl = best;
    return best > 0;
}

/* particle_prefix of token i's key, memoised in es->ppl (separable_verb
 * asks for it each time event_match_raw reads the token, and that runs
 * several times per token: events, quantities, dates, discourse). */
/* particle_prefix through es->pp (the particles of k's first byte only):
 * the same answer (the longest particle that k starts with, leaving 3
 * bytes or more; Debug builds check it: FX_SAME). */
static int particle_prefix_es(fx *x, fx_evstems *es, const char *k,
                              size_t *pl)
{
    if (es->pp_built == 0) {
        json_t *parts = story_langpack_field(x->lp, "separable_particles");
        size_t np = json_array_size(parts), idx;
        json_t *v;
        es->pp_built = 2;
        es->pp = np ? story__calloc(np, sizeof *es->pp) : NULL;
        es->pp_len = np ? story__calloc(np, sizeof *es->pp_len) : NULL;
        if (np && es->pp && es->pp_len) {
            size_t count[256] = {0};
            json_array_foreach(parts, idx, v) {
                const char *p = json_string_value(v);
                if (p && json_string_length(v))
                    count[(unsigned char)p[0]]++;
            }
            es->pp_at[0] = 0;
            for (int c = 0; c < 256; c++)
                es->pp_at[c + 1] = es->pp_at[c] + count[c];
            size_t fill[256];
            memcpy(fill, es->pp_at, sizeof fill);
            json_array_foreach(parts, idx, v) {
                const char *p = json_string_value(v);
                size_t l = p ? json_string_length(v) : 0;
                if (!l)
                    continue;
                size_t at = fill[(unsigned char)p[0]]++;
                es->pp[at] = p;
                es->pp_len[at] = l;
            }
            es->pp_built = 1;
        }
    }
    if (es->pp_built != 1)
        return particle_prefix(x, k, pl);
    size_t n = strlen(k), best = 0;
    unsigned char c0 = (unsigned char)k[0];
    for (size_t j = es->pp_at[c0]; j < es->pp_at[c0 + 1]; j++) {
        size_t l = es->pp_len[j];
        if (l > best && n >= l + 3 && memcmp(k, es->pp[j], l) == 0)
            best = l;
    }
#ifndef NDEBUG
    size_t pl2 = 0;
    (void)particle_prefix(x, k, &pl2);
    FX_SAME(best, pl2);
#endif
    *pl = best;
    return best > 0;
}

static int token_particle_prefix(fx *x, fx_evstems *es, size_t i, size_t *pl)
{
    if (es->ppl && es->ppl[i]) {
        *pl = (size_t)es->ppl[i] - 1;
        return *pl > 0;
    }
    int r = particle_prefix_es(x, es, x->a->tokens[i].key, pl);
    if (es->ppl && *pl < 255)
        es->ppl[i] = (unsigned char)(*pl + 1);
    return r;
}

/* Session 12: the particle-verb index, es->sep[SEP_BASE]: for every
 * one-word entry that starts with a "separable_particles" word
 * ("ausschließen" = aus + schließen), the rest without an infinitive
 * ending of "separable_infinitive_endings" ("schließ") -> [[particle,
 * concept] …]. A finite verb whose clause ends with the particle
 * ("schließt … aus") or that starts with it ("ausschließt") finds its
 * entry by its own trunk (separable_trunk_match). */
static int separable_base_index(fx *x, fx_evstems *es, json_t *lex)
{
    json_t *base = json_object(), *v;
    const char *k;
    if (!base)
        return x->rc = story__error(x->err, STORY_ENOMEM, NULL, -1,
                                    "out of memory");
    json_object_set_new(es->sep, SEP_BASE, base);
    json_t *inf = story_langpack_field(x->lp, "separable_infinitive_endings");
    json_object_foreach(lex, k, v) {
        if (!json_is_string(v) || strchr(k, ' ') || is_block(v))
            continue;
        char *folded = NULL;
        size_t pl;
        if (story_normalize_key(&folded, NULL, k, strlen(k), NULL))
            continue;
        if (particle_prefix(x, folded, &pl)) {
            char *rest = folded + pl;
            size_t rn = strlen(rest), idx;
            json_t *e;
            json_array_foreach(inf, idx, e) {
                const char *s = json_string_value(e);
                size_t sl = s ? strlen(s) : 0;
                if (sl && rn >= sl + 3 && strcmp(rest + rn - sl, s) == 0) {
                    rest[rn - sl] = '\0';
                    break;
                }
            }
            char part[64];
            snprintf(part, sizeof part, "%.*s", (int)pl, folded);
            json_t *arr = json_object_get(base, rest);
            if (!arr) {
                arr = json_array();
                json_object_set_new(base, rest, arr);
            }
            json_array_append_new(arr, json_pack("[s,O]", part, v));
        }
        story_free(folded);
    }
    return 0;
}

/* "event_separable": first word of every two-word entry -> [[second,
 * concept] …] (German separable verbs: "stimmte … zu"). */
static int separable_index(fx *x, fx_evstems *es, json_t *lex)
{
    const char *k;
    json_t *v;
    es->sep = json_object();
    if (!es->sep)
        return x->rc = story__error(x->err, STORY_ENOMEM, NULL, -1,
                                    "out of memory");
    json_object_foreach(lex, k, v) {
        const char *sp = strchr(k, ' ');
        if (!json_is_string(v) || !sp || strchr(sp + 1, ' '))
            continue;
        char *folded = NULL;
        if (story_normalize_key(&folded, NULL, k, strlen(k), NULL))
            continue;
        char *sp2 = strchr(folded, ' ');
        if (sp2) {
            *sp2 = '\0';
            json_t *arr = json_object_get(es->sep, folded);
            if (!arr) {
                arr = json_array();
                json_object_set_new(es->sep, folded, arr);
            }
            json_array_append_new(arr, json_pack("[s,O]", sp2 + 1, v));
        }
        story_free(folded);
    }
    return separable_base_index(x, es, lex);
}

/* Index the stems (of at least min_cp code points) of the one-word
 * entries of lex into map: stem -> concept; a stem shared by two concepts
 * is ambiguous and maps to null (never matched). */
static void stem_index(fx *x, json_t *lex, size_t min_cp, json_t *map)
{
    story_buf st = {0};
    const char *k;
    json_t *v;
    json_object_foreach(lex, k, v) {
        if (!json_is_string(v) || strchr(k, ' ') || is_block(v))
            continue;
        char *folded = NULL;
        if (story_normalize_key(&folded, NULL, k, strlen(k), NULL))
            continue;
        st.len = 0;
        int rc = story__stem(x->ctx, x->lang, folded, strlen(folded), &st,
                             NULL);
        story_free(folded);
        if (rc || !st.data || st.oom || cp_count(st.data) < min_cp)
            continue;
        json_t *old = json_object_get(map, st.data);
        if (!old)
            json_object_set(map, st.data, v);
        else if (json_is_string(old) &&
                 strcmp(json_string_value(old), json_string_value(v)) != 0)
            json_object_set_new(map, st.data, json_null());
    }
    story_buf_free(&st);
}

/* "event_compounds": stems of one-word entries of at least EV_HEAD_MIN
 * code points -> concept, for compound heads ("Regierungsstillstand"). */
#define EV_HEAD_MIN 5
/* and at most this many code points (the longest one-word entry of every
 * pack has 18) */
#define EV_HEAD_MAX 64
static int compound_index(fx *x, fx_evstems *es, json_t *lex)
{
    es->heads = json_object();
    if (!es->heads)
        return x->rc = story__error(x->err, STORY_ENOMEM, NULL, -1,
                                    "out of memory");
    stem_index(x, lex, EV_HEAD_MIN, es->heads);
    return 0;
}

static int evstems_build(fx *x, fx_evstems *es)
{
    memset(es, 0, sizeof *es);
    json_t *lex0 = story_langpack_field(x->lp, "event_lexicon");
    if (json_is_true(story_langpack_field(x->lp, "event_separable")) &&
        separable_index(x, es, lex0))
        return x->rc;
    if (json_is_true(story_langpack_field(x->lp, "event_compounds")) &&
        compound_index(x, es, lex0))
        return x->rc;
    if (es->sep || es->heads) {
        es->tok = story__calloc(x->a->n_tokens + 1, sizeof *es->tok);
        es->done = story__calloc(x->a->n_tokens + 1, 1);
        es->ppl = story__calloc(x->a->n_tokens + 1, 1);
        if (!es->tok || !es->done || !es->ppl)
            return x->rc = story__error(x->err, STORY_ENOMEM, NULL, -1,
                                        "out of memory");
    }
    json_t *pf = story_langpack_field(x->lp, "event_prefix");
    if (x->lex_stems ||
        (!json_is_true(story_langpack_field(x->lp, "event_stems")) &&
         !(json_is_integer(pf) && json_integer_value(pf) > 0)))
        return 0;
    json_t *lex = story_langpack_field(x->lp, "event_lexicon");
    if (json_is_integer(pf) && json_integer_value(pf) > 0)
        es->prefix = (size_t)json_integer_value(pf);
    es->map = json_object();
    if (!es->tok)
        es->tok = story__calloc(x->a->n_tokens + 1, sizeof *es->tok);
    if (!es->done)
        es->done = story__calloc(x->a->n_tokens + 1, 1);
    if (!es->map || !es->tok || !es->done) {
        story__fx_evstems_free(es);
        return x->rc = story__error(x->err, STORY_ENOMEM, NULL, -1,
                                    "out of memory");
    }
    if (es->prefix)
        return prefix_index(x, es, lex);
    stem_index(x, lex, EV_STEM_MIN, es->map);
    return 0;
}

/* The indexes depend on the language pack only: built once per context
 * and language, kept in the facts cache (key "\x1f" "ev:<lang>"), shared
 * by reference; the per-token arrays are per article. */
int story__fx_evstems_init(fx *x, fx_evstems *es)
{
    json_t *cache = story__fx_world_cache(x);
    char k[48];
    snprintf(k, sizeof k, "\x1f" "ev:%s", x->lang ? x->lang : "");
    json_t *c = cache ? json_object_get(cache, k) : NULL;
    if (!c) {
        if (evstems_build(x, es))
            return x->rc;
        json_t *o = cache ? json_object() : NULL;
        if (!o)
            return 0; /* not cached: rebuilt for the next article */
        if (es->sep)
            json_object_set(o, "sep", es->sep);
        if (es->heads)
            json_object_set(o, "heads", es->heads);
        if (es->map)
            json_object_set(o, "map", es->map);
        json_object_set_new(o, "prefix", json_integer((json_int_t)es->prefix));
        es->cached = json_object_set_new(cache, k, o) == 0;
        return 0;
    }
    memset(es, 0, sizeof *es);
    es->sep = json_incref(json_object_get(c, "sep"));
    es->heads = json_incref(json_object_get(c, "heads"));
    es->map = json_incref(json_object_get(c, "map"));
    es->prefix = (size_t)json_integer_value(json_object_get(c, "prefix"));
    es->cached = 1;
    if (es->sep || es->heads || es->map) {
        es->tok = story__calloc(x->a->n_tokens + 1, sizeof *es->tok);
        es->done = story__calloc(x->a->n_tokens + 1, 1);
        es->ppl = story__calloc(x->a->n_tokens + 1, 1);
        if (!es->tok || !es->done || !es->ppl) {
            story__fx_evstems_free(es);
            return x->rc = story__error(x->err, STORY_ENOMEM, NULL, -1,
                                        "out of memory");
        }
    }
    return 0;
}

void story__fx_evstems_free(fx_evstems *es)
{
    json_decref(es->map);
    json_decref(es->sep);
    json_decref(es->heads);
    story_free(es->tok);
    story_free(es->done);
    story_free(es->ppl);
    story_free(es->pp);
    story_free(es->pp_len);
    memset(es, 0, sizeof *es);
}

/* 1 when tokens i..j are glued by a hyphen to a letter token before or
 * after: part of a compound noun or modifier ("buy-in", "drop-off",
 * "pre-election"), not a predicate. */
static int hyphen_glued(const fx *x, size_t i, size_t j)
{
    const story_article *a = x->a;
    const story_token *f = &a->tokens[i], *l = &a->tokens[j];
    if (j + 1 < a->n_tokens && a->text[l->end] == '-' &&
        a->tokens[j + 1].start == l->end + 1 &&
        (a->tokens[j + 1].flags & STORY_TOKEN_LETTER))
        return 1;
    return i > 0 && f->start > 0 && a->text[f->start - 1] == '-' &&
           a->tokens[i - 1].end == f->start - 1 &&
           (a->tokens[i - 1].flags & STORY_TOKEN_LETTER);
}

/* Separable verb at token i: a two-word entry whose second word closes
 * the clause within 20 tokens ("stimmte die Regierung … zu"). */
static const char *separable_match(fx *x, fx_evstems *es, size_t i,
                                   size_t e)
{
    json_t *arr = json_object_get(es->sep, x->a->tokens[i].key), *pair;
    if (!arr)
        return NULL;
    for (size_t q = i + 1; q < e && q < i + 21; q++) {
        if (story__fx_clause_break_before(x, q))
            break;
        int last = q + 1 >= e || story__fx_clause_break_before(x, q + 1) ||
                   !(x->a->tokens[q + 1].flags & STORY_TOKEN_LETTER);
        if (!last)
            continue;
        size_t idx;
        json_array_foreach(arr, idx, pair) {
            if (strcmp(json_string_value(json_array_get(pair, 0)),
                       x->a->tokens[q].key) == 0)
                return json_string_value(json_array_get(pair, 1));
        }
    }
    return NULL;
}

/* First letter of token i is lower case. */
static int starts_lower(const fx *x, size_t i)
{
    UChar32 c0;
    size_t off = x->a->tokens[i].start;
    U8_NEXT((const uint8_t *)x->a->text, off, x->a->tokens[i].end, c0);
    return c0 >= 0 && u_islower(c0);
}

/* Particle verb of finite form w (folded) with particle p: a two-word
 * entry ("schloss aus"), else the particle-verb index on w's trunk: w
 * whole or without an ending of "separable_verb_endings" ("schließt",
 * "kündigte" -> "schließ", "kündig"). NULL when none. */
static const char *separable_lookup(fx *x, fx_evstems *es, const char *w,
                                    const char *p)
{
    json_t *arr = json_object_get(es->sep, w), *pair;
    size_t idx;
    json_array_foreach(arr, idx, pair) {
        if (strcmp(json_string_value(json_array_get(pair, 0)), p) == 0)
            return json_string_value(json_array_get(pair, 1));
    }
    json_t *base = json_object_get(es->sep, SEP_BASE);
    json_t *ends = story_langpack_field(x->lp, "separable_verb_endings");
    size_t n = strlen(w), ne = json_array_size(ends);
    char t[128];
    if (!base || n >= sizeof t)
        return NULL;
    for (size_t k = 0; k <= ne; k++) {
        size_t sl = 0;
        if (k < ne) {
            const char *s = json_string_value(json_array_get(ends, k));
            sl = s ? strlen(s) : 0;
            if (!sl || n < sl + 3 || strcmp(w + n - sl, s) != 0)
                continue;
        }
        memcpy(t, w, n - sl);
        t[n - sl] = '\0';
        json_array_foreach(json_object_get(base, t), idx, pair) {
            if (strcmp(json_string_value(json_array_get(pair, 0)), p) == 0)
                return json_string_value(json_array_get(pair, 1));
        }
    }
    return NULL;
}

/* The particle that closes the clause of a verb at token i (German V2:
 * "schließt … nicht aus"): the clause's last word, when it is a
 * "separable_particles" word, within 20 tokens. The clause ends at
 * punctuation (story__fx_clause_break_before), the sentence end or a
 * "clause_coordinators" word followed by a lower-case word that is no
 * determiner or function word (a second verb: "schließt Werke und
 * kündigt … an"). Returns the particle's token index, 0 when none. */
static size_t clause_particle(fx *x, size_t i, size_t e)
{
    size_t lastw = 0, q;
    for (q = i + 1; q < e && q < i + 21; q++) {
        if (story__fx_clause_break_before(x, q))
            break;
        const story_token *t = &x->a->tokens[q];
        if (story_langpack_has(x->lp, "clause_coordinators", t->key) &&
            q + 1 < e && !story__fx_clause_break_before(x, q + 1) &&
            (x->a->tokens[q + 1].flags & STORY_TOKEN_LETTER) &&
            starts_lower(x, q + 1) &&
            !story_langpack_has(x->lp, "determiners",
                                x->a->tokens[q + 1].key) &&
            !story_langpack_has(x->lp, "function_words",
                                x->a->tokens[q + 1].key))
            break;
        if (t->flags & STORY_TOKEN_LETTER)
            lastw = q;
    }
    if (q == i + 21 && q < e && !story__fx_clause_break_before(x, q))
        return 0; /* clause end not seen */
    if (!lastw || !story_langpack_has(x->lp, "separable_particles",
                                      x->a->tokens[lastw].key))
        return 0;
    return lastw;
}

size_t story__fx_separable_particle(fx *x, size_t i, size_t e)
{
    if (x->cjk || i >= x->a->n_tokens ||
        !json_is_array(story_langpack_field(x->lp, "separable_particles")) ||
        !(x->a->tokens[i].flags & STORY_TOKEN_LETTER) || !starts_lower(x, i))
        return 0;
    return clause_particle(x, i, e);
}

/* Session 12 (fresh-user H4a): a lower-case word whose clause ends with
 * a separable particle is read with it ("schließt … aus" RULE_OUT, not
 * CLOSE); a one-word entry for the verb alone is no match then (the
 * particle verb is another verb: "schlug … vor" is no ATTACK). *blocked
 * = 1 in that case. A word that starts with a particle ("ausschließt")
 * is looked up the same way when nothing else matched (glued = 1). */
static const char *separable_verb(fx *x, fx_evstems *es, size_t i, size_t e,
                                  int glued, int *blocked)
{
    const story_token *t = &x->a->tokens[i];
    *blocked = 0;
    if (!es || !es->sep || x->cjk || x->tok_ent[i] >= 0 ||
        !(t->flags & STORY_TOKEN_LETTER) || !starts_lower(x, i) ||
        story_langpack_has(x->lp, "separable_particles", t->key))
        return NULL;
    if (glued) {
        size_t pl;
        char p[64];
        if (!token_particle_prefix(x, es, i, &pl) || pl >= sizeof p)
            return NULL;
        snprintf(p, sizeof p, "%.*s", (int)pl, t->key);
        return separable_lookup(x, es, t->key + pl, p);
    }
    /* a word that starts with a particle ("eingeführte") or an
     * attributive participle (after a determiner, a preposition of
     * "separable_attributive_after" or a number, before a capitalised
     * noun: "für inhaftierte Menschen … ein") is no finite verb */
    size_t pl;
    if (token_particle_prefix(x, es, i, &pl))
        return NULL;
    if (i > x->sent_tok[t->sentence] && i + 1 < e &&
        (x->a->tokens[i + 1].flags & STORY_TOKEN_CAPITAL) &&
        (story_langpack_has(x->lp, "determiners", x->a->tokens[i - 1].key) ||
         story_langpack_has(x->lp, "separable_attributive_after",
                            x->a->tokens[i - 1].key) ||
         (x->a->tokens[i - 1].flags & STORY_TOKEN_NUMBER)))
        return NULL;
    size_t q = clause_particle(x, i, e);
    if (!q)
        return NULL;
    const char *c = separable_lookup(x, es, t->key, x->a->tokens[q].key);
    if (!c)
        *blocked = 1;
    return c;
}

/* Compound whose head (a suffix of the token's stem, at least EV_HEAD_MIN
 * code points, after at least 3 code points of modifier) is an entry:
 * "Regierungsstillstand" -> "stillstand", "Mieterhöhungen" -> "erhöh". */
static const char *compound_match(fx *x, fx_evstems *es, size_t i)
{
    /* nouns only: a capitalised token (German writes nouns capitalised;
     * "ausschließlich", "vorausgesetzt" are not compounds of events) */
    UChar32 c0;
    size_t off = x->a->tokens[i].start;
    U8_NEXT((const uint8_t *)x->a->text, off, x->a->tokens[i].end, c0);
    if (c0 < 0 || !u_isupper(c0))
        return NULL;
    story_buf st = {0};
    const char *found = NULL;
    const char *w = token_stem_raw(x, i, &st);
    size_t ncp = cp_count(w);
    /* heads longer than EV_HEAD_MAX are never entries: start there, and
     * step one code point at a time (linear in the word; trying every
     * suffix of a 25,000-letter "word" was quadratic) */
    size_t skip = ncp > EV_HEAD_MAX + 3 ? ncp - EV_HEAD_MAX : 3;
    const char *h = w + cp_prefix(w, skip);
    for (; ncp >= skip + EV_HEAD_MIN; skip++) {
        json_t *v = json_object_get(es->heads, h);
        if (json_is_string(v)) {
            found = json_string_value(v);
            break;
        }
        for (h++; (*h & 0xC0) == 0x80; h++)
            ;
    }
    story_buf_free(&st);
    return found;
}

/* Longest "-" entry reach: a blocking entry starting up to this many
 * tokens before a word can cover it ("с помощью", "скорой помощи"). */
#define EV_BLOCK_BACK 4

/* 1 when token i lies inside a "-" entry that starts before it, in its
 * sentence ("с помощью" by means of, "скорой помощи" ambulance, zh
 * "可以接受" acceptable): an idiom or a noun phrase, not a predicate. */
static int blocked_before(fx *x, size_t i, size_t e)
{
    size_t b = x->sent_tok[x->a->tokens[i].sentence], m;
    for (size_t j = i; j > b && j + EV_BLOCK_BACK > i;) {
        j--;
        const char *c = story__fx_match(x, "event_lexicon", j, e, &m);
        if (c && strcmp(c, "-") == 0 && j + m > i)
            return 1;
    }
    return 0;
}

/* Pack "event_stem_check": D (cs, whose stemmer is a bare 5-letter
 * prefix: "připomněl" reminded ~ "připojilo" joined, "video" ~
 * "videokonference"): a one-word match through the stem alone stands
 * only when the token shares at least max(5, |w| - D) code points with
 * an entry w of the same concept and is at most 4 code points longer
 * than w (an inflectional ending, as in prefix_lookup). */
static int stem_word_ok(fx *x, const char *t, const char *concept)
{
    json_t *d = story_langpack_field(x->lp, "event_stem_check");
    if (!json_is_integer(d) || json_integer_value(d) < 0)
        return 1;
    json_t *lex = story_langpack_field(x->lp, "event_lexicon");
    if (story_langpack_lookup(x->lp, "event_lexicon", t))
        return 1; /* an exact form */
    size_t tl = cp_count(t), dd = (size_t)json_integer_value(d);
    const char *k;
    json_t *v;
    json_object_foreach(lex, k, v) {
        if (!json_is_string(v) || strcmp(json_string_value(v), concept) ||
            strchr(k, ' '))
            continue;
        /* pack entries are written folded (lower case, NFC) */
        size_t wl = cp_count(k);
        size_t need = wl > dd + 5 ? wl - dd : 5;
        if (tl <= wl + 4 && cp_common(t, k) >= need)
            return 1;
    }
    return 0;
}

static int stem_match_ok(fx *x, size_t i, const char *concept)
{
    return stem_word_ok(x, x->a->tokens[i].key, concept);
}

static const char *event_sense(fx *x, const char *pred, size_t b,
                               size_t e);
static const char *event_match_raw(fx *x, fx_evstems *es, size_t i,
                                   size_t e, size_t *n);

/* The concept in its sentence's sense ("event_senses"), so that the
 * quantity extractor counts the same event as the event facts ("не
 * приймав усі 12 законопроектів": passed, not hosted); "-": none. */
const char *story__fx_event_match(fx *x, fx_evstems *es, size_t i, size_t e,
                                  size_t *n)
{
    const char *c = event_match_raw(x, es, i, e, n);
    if (!c)
        return NULL;
    size_t s = x->a->tokens[i].sentence;
    c = event_sense(x, c, x->sent_tok[s], x->sent_tok[s + 1]);
    return strcmp(c, "-") == 0 ? NULL : c;
}

/* event_match_raw memoised per token for the last bound e asked (the
 * events pass asks each token twice with its sentence end, the quantity
 * and date passes once per number of the sentence): the answer depends
 * on the pack, the token's neighbours up to e and x->tok_ent, which no
 * pass after the entities changes. What the uncached call wrote to *n
 * (also when it found nothing) is written again. */
static const char *event_match_once(fx *x, fx_evstems *es, size_t i,
                                    size_t e, size_t *n);

static const char *event_match_raw(fx *x, fx_evstems *es, size_t i,
                                   size_t e, size_t *n)
{
    size_t nt = x->a->n_tokens;
    /* (an es whose indexes the cache does not keep would leave the memo
     * pointing into freed strings after its pass) */
    if (!es || !es->cached || i >= nt || e >= UINT32_MAX)
        return event_match_once(x, es, i, e, n);
    if (!x->ev_mr_e) {
        x->ev_mr_e = story__calloc(nt + 1, sizeof *x->ev_mr_e);
        x->ev_mr_c = story__calloc(nt + 1, sizeof *x->ev_mr_c);
        x->ev_mr_n = story__calloc(nt + 1, 1);
        if (!x->ev_mr_e || !x->ev_mr_c || !x->ev_mr_n) {
            story_free(x->ev_mr_e);
            story_free(x->ev_mr_c);
            story_free(x->ev_mr_n);
            x->ev_mr_e = NULL;
            x->ev_mr_c = NULL;
            x->ev_mr_n = NULL;
            return event_match_once(x, es, i, e, n);
        }
    }
    if (x->ev_mr_e[i] == (uint32_t)e + 1) {
#ifndef NDEBUG
        /* the memo answers as the call would (also across passes) */
        size_t m2 = (size_t)-1;
        FX_SAME(event_match_once(x, es, i, e, &m2), x->ev_mr_c[i]);
        FX_SAME(m2 == (size_t)-1 ? 0 : m2 + 1, (size_t)x->ev_mr_n[i]);
#endif
        if (x->ev_mr_n[i])
            *n = (size_t)x->ev_mr_n[i] - 1;
        return x->ev_mr_c[i];
    }
    size_t m = (size_t)-1;
    const char *c = event_match_once(x, es, i, e, &m);
    if (m != (size_t)-1)
        *n = m;
    if (m == (size_t)-1 || m < 254) {
        x->ev_mr_e[i] = (uint32_t)e + 1;
        x->ev_mr_c[i] = c;
        x->ev_mr_n[i] = m == (size_t)-1 ? 0 : (unsigned char)(m + 1);
    }
    return c;
}

static const char *event_match_once(fx *x, fx_evstems *es, size_t i,
                                    size_t e, size_t *n)
{
    if (i >= e || i >= x->a->n_tokens || blocked_before(x, i, e))
        return NULL;
    int sep_blocked = 0;
    const char *c = separable_verb(x, es, i, e, 0, &sep_blocked);
    if (c) {
        *n = 1;
        return strcmp(c, "-") == 0 ? NULL : c;
    }
    c = story__fx_match(x, "event_lexicon", i, e, n);
    if (sep_blocked && c && *n == 1)
        return NULL;
    if (!c && !sep_blocked &&
        (c = separable_verb(x, es, i, e, 1, &sep_blocked)) != NULL) {
        *n = 1;
        return strcmp(c, "-") == 0 ? NULL : c;
    }
    if (c && !x->cjk && hyphen_glued(x, i, i + *n - 1))
        return NULL;
    /* "-": a multi-word entry that blocks the event reading of its
     * first word ("drop off" patients is no DECREASE) */
    if (c && strcmp(c, "-") == 0)
        return NULL;
    if (c && *n == 1 && x->lex_stems && !stem_match_ok(x, i, c))
        return NULL;
    if (!c && x->tok_ent[i] < 0) {
        /* a verb negated by its prefix (cs "nenavštíví"): the event of
         * the rest, negated by story__fx_negated() */
        const char *rest = NULL;
        c = story__fx_prefix_negated(x, i, "event_lexicon", &rest);
        if (c && x->lex_stems && !stem_word_ok(x, rest, c))
            c = NULL;
        if (c) {
            *n = 1;
            return c;
        }
    }
    if (c || !es || !es->tok || x->tok_ent[i] >= 0)
        return c;
    if (!es->done[i]) {
        es->done[i] = 1;
        const story_token *t = &x->a->tokens[i];
        story_buf st = {0};
        if (!(t->flags & STORY_TOKEN_LETTER) ||
            (!x->cjk && hyphen_glued(x, i, i))) {
            /* no match */
        } else if (es->sep && (es->tok[i] = separable_match(x, es, i, e))) {
            /* found */
        } else if (es->heads &&
                   (es->tok[i] = compound_match(x, es, i))) {
            /* found */
        } else if (!es->map) {
            /* no stem index */
        } else if (es->prefix) {
            /* a word capitalised mid-sentence (a name's word, or a body
             * after a role: is "Samtaka") is no verb or event noun of a
             * language that writes its nouns in lower case */
            if ((t->flags & STORY_TOKEN_LETTER) &&
                !((t->flags & STORY_TOKEN_CAPITAL) &&
                  x->sent_tok[t->sentence] != i))
                es->tok[i] = prefix_lookup(es, t->key);
        } else if ((t->flags & STORY_TOKEN_LETTER) &&
            story__stem(x->ctx, x->lang, t->key, strlen(t->key), &st,
                        NULL) == 0 &&
            st.data && !st.oom) {
            json_t *v = json_object_get(es->map, st.data);
            es->tok[i] = json_is_string(v) ? json_string_value(v) : NULL;
        }
        story_buf_free(&st);
    }
    if (es->tok[i])
        *n = 1;
    return es->tok[i];
}

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

/* Pack "event_adjunct_prepositions": a place after one of these (past
 * determiners) is an adjunct ("In Washington, Johnson agreed"; "officials
 * in Kyiv said"), never the actor; other places can act ("Yesterday
 * Sweden signed", "La Suède a signé"). Packs without the list: a place
 * after the sentence start is an adjunct. */
static int place_adjunct(fx *x, size_t i)
{
    size_t b = x->sent_tok[x->a->tokens[i].sentence];
    json_t *preps = story_langpack_field(x->lp, "event_adjunct_prepositions");
    if (!json_is_array(preps))
        return i > b;
    size_t q = i;
    while (q > b) {
        q--;
        const char *w = x->a->tokens[q].key;
        if (story_langpack_has(x->lp, "event_adjunct_prepositions", w))
            return 1;
        if (!story_langpack_has(x->lp, "determiners", w))
            return 0;
    }
    return 0;
}

/* Token k is a word of at least 2 letters written in capitals only. */
static int caps_word(const story_article *a, size_t k)
{
    const story_token *t = &a->tokens[k];
    if (!(t->flags & STORY_TOKEN_LETTER) || (t->flags & STORY_TOKEN_NUMBER))
        return 0;
    size_t q = t->start, letters = 0;
    while (q < t->end) {
        UChar32 c;
        U8_NEXT(a->text, q, t->end, c);
        if (c < 0 || u_islower(c) || u_istitle(c))
            return 0;
        letters += u_isUUppercase(c) != 0;
    }
    return letters >= 2;
}

/* Token i is a word of a dateline (fresh-user 19 M6): one of the first
 * DATELINE_MAX_PARAGRAPH + 1 paragraphs opens with at most
 * DATELINE_MAX_WORDS words written in capitals, joined by spaces, that
 * are no name but of a place, followed by a comma, a dash or "(" ("KYIV,
 * March 4 -", "NEW YORK (AP) —", uk "КИЇВ, 4 березня -"); the dateline
 * runs to the first spaced dash within DATELINE_MAX_BYTES after them (the
 * date and an agency credit: "ODESA, 2 maja (PAP) -"), else it is those
 * words. The place and agency the story was filed from, never an event's
 * actor ("KYIV, March 4 - A missile strike killed 12" read KYIV KILL). */
#define DATELINE_MAX_WORDS 3
#define DATELINE_MAX_PARAGRAPH 2
#define DATELINE_MAX_BYTES 80
static int dateline_token(fx *x, size_t i)
{
    const story_article *a = x->a;
    size_t para = a->sentences[a->tokens[i].sentence].paragraph;
    if (x->cjk || para > DATELINE_MAX_PARAGRAPH || para >= a->n_paragraphs)
        return 0;
    size_t ps = a->paragraphs[para].start, pe = a->paragraphs[para].end;
    if (a->tokens[i].start < ps || a->tokens[i].start - ps > DATELINE_MAX_BYTES)
        return 0;
    size_t f = i; /* the paragraph's first token */
    while (f > 0 && a->tokens[f - 1].start >= ps)
        f--;
    size_t k = f;
    while (k < a->n_tokens && k < f + DATELINE_MAX_WORDS &&
           a->tokens[k].start < pe && caps_word(a, k) &&
           (k == f || story__fx_adjacent(x, k - 1, 0))) {
        long en = x->tok_ent[k];
        if (en >= 0 &&
            strcmp(((story_fact *)x->facts.data)[story__fx_entity_fact(x, en)]
                       .entity_kind,
                   "place") != 0)
            return 0;
        k++;
    }
    if (k == f)
        return 0;
    size_t q = a->tokens[k - 1].end;
    while (q < pe && a->text[q] == ' ')
        q++;
    if (q >= pe)
        return 0;
    const char *t = a->text;
    if (t[q] != ',' && t[q] != '(' && t[q] != '-' &&
        !(pe - q >= 3 && (memcmp(t + q, "\xe2\x80\x93", 3) == 0 ||
                          memcmp(t + q, "\xe2\x80\x94", 3) == 0)))
        return 0;
    /* the first spaced dash: " - ", " – ", " — " */
    size_t end = a->tokens[k - 1].end;
    for (size_t p = a->tokens[k - 1].end;
         p + 2 < pe && p < a->tokens[k - 1].end + DATELINE_MAX_BYTES; p++) {
        if (t[p] != ' ')
            continue;
        size_t dl = t[p + 1] == '-' ? 1
                    : (pe - p >= 5 &&
                       (memcmp(t + p + 1, "\xe2\x80\x93", 3) == 0 ||
                        memcmp(t + p + 1, "\xe2\x80\x94", 3) == 0))
                        ? 3
                        : 0;
        if (dl && p + 1 + dl < pe && t[p + 1 + dl] == ' ') {
            end = p;
            break;
        }
    }
    return a->tokens[i].end <= end;
}

static const char *participant_or_pronoun(fx *x, size_t i, size_t e,
                                          long *ei, int actor)
{
    size_t n;
    if (actor && dateline_token(x, i)) {
        *ei = -1;
        return NULL;
    }
    const char *p = story__fx_participant(x, i, ei);
    if (p && actor && *ei < 0 && !can_act(p) &&
        !story__fx_match(x, "roles", i, x->a->n_tokens, &n))
        p = NULL;
    if (p && actor && *ei >= 0 &&
        strcmp(((story_fact *)x->facts.data)[story__fx_entity_fact(x, *ei)]
                   .entity_kind,
               "place") == 0 &&
        place_adjunct(x, i)) {
        *ei = -1;
        p = NULL;
    }
    if (p)
        return p;
    if (story__fx_match(x, "pronouns", i, e, &n)) {
        long r = story__fx_entity_near(x, x->a->tokens[i].sentence, i, 0, 1);
        if (r >= 0) {
            *ei = r;
            story_fact *ef =
                &((story_fact *)x->facts.data)[story__fx_entity_fact(x, r)];
            return ef->key + strlen("entity|");
        }
    }
    /* a surname alone ("Lang, who is still alive"), capitalised, that is
     * the last word of exactly one person named before it: that person
     * (the entity extractor leaves some of these untagged at a sentence
     * start) */
    if (!x->cjk && (x->a->tokens[i].flags & STORY_TOKEN_CAPITAL) &&
        x->tok_ent[i] < 0) {
        const fx_ent *en = (const fx_ent *)x->ents.data;
        long found = -1;
        for (size_t q = 0; q < x->ents.len; q++) {
            const char *nm = en[q].name, *sp;
            /* people, and two-word names of unknown kind ("Mara Lind") */
            if (!nm || !en[q].kind ||
                (strcmp(en[q].kind, "person") != 0 &&
                 strcmp(en[q].kind, "other") != 0))
                continue;
            sp = strrchr(nm, ' ');
            if (!sp) /* one word: a name already found as an entity */
                continue;
            if (strcmp(en[q].kind, "other") == 0 && strchr(nm, ' ') != sp)
                continue;
            sp++;
            size_t tl = x->a->tokens[i].end - x->a->tokens[i].start;
            if (strlen(sp) != tl ||
                memcmp(sp, x->a->text + x->a->tokens[i].start, tl) != 0)
                continue;
            const story_fact *ff =
                &((const story_fact *)x->facts.data)[en[q].first_fact];
            if (ff->start >= x->a->tokens[i].start)
                continue;
            if (found >= 0)
                return NULL; /* two people of that name */
            found = (long)q;
        }
        if (found >= 0) {
            *ei = found;
            story_fact *ef =
                &((story_fact *)x->facts.data)[story__fx_entity_fact(x, found)];
            return ef->key + strlen("entity|");
        }
    }
    return NULL;
}

/* The token of the actor first_actor found last (actor_nation). */
static _Thread_local size_t actor_tok;

/* First actor-like participant in tokens [lo, hi). */
static const char *first_actor(fx *x, size_t lo, size_t hi, size_t e,
                               long *ei)
{
    const char *p = NULL;
    for (size_t q = lo; q < hi && !p; q++)
        if ((p = participant_or_pronoun(x, q, e, ei, 1)) != NULL)
            actor_tok = q;
    return p;
}

/* Actor of the predicate at tokens [k, k+n) of sentence tokens [b, e):
 * the subject of the predicate's own clause. Scanning back from the
 * predicate (at most FX_WINDOW tokens), the clause starts after a clause
 * break (punctuation, a "clause_coordinators" word) or a strong boundary:
 * a complementizer ("speech_complementizers": that, que, dass, что) or a
 * reporting verb ("officials confirmed that Norway did not sign": Norway,
 * not the officials). The actor is the first participant of that clause
 * (SVO: the subject comes first); when the clause has none, the first one
 * before it back to the last strong boundary ("Johnson, the president,
 * agreed"), or, for a complementizer right after a participant, that
 * participant ("the officials that signed": a relative clause).
 * Verb-second with an auxiliary ("event_v2_auxiliaries", de: "Die Wachen
 * haben drei Frauen festgenommen"): when the predicate closes its clause
 * after such an auxiliary, the subject is before the auxiliary, or right
 * after it when inverted ("Gestern haben die Wachen …"); the nouns
 * between the auxiliary and the predicate are objects. */
static const char *pick_actor(fx *x, size_t k, size_t n, size_t b, size_t e,
                              long *ei)
{
    size_t lo = k > b + FX_WINDOW ? k - FX_WINDOW : b, m;
    size_t cs = lo, strong = lo;
    int strong_cue = 0;
    *ei = -1;
    for (size_t q = k; q > lo; q--) {
        /* boundary between tokens q-1 and q, or token q-1 itself */
        if (story__fx_clause_break_before(x, q) ||
            story_langpack_has(x->lp, "clause_coordinators",
                               x->a->tokens[q - 1].key)) {
            if (cs == lo)
                cs = q;
            continue;
        }
        if (story_langpack_has(x->lp, "speech_complementizers",
                               x->a->tokens[q - 1].key) ||
            (q - 1 + 1 < k &&
             story__fx_match(x, "reporting_verbs", q - 1, k, &m))) {
            if (cs == lo)
                cs = q;
            strong = q;
            strong_cue = 1;
            break;
        }
    }
    /* verb second: auxiliary in the clause, predicate closing it */
    int closes = k + n >= e || story__fx_clause_break_before(x, k + n) ||
                 !(x->a->tokens[k + n].flags & STORY_TOKEN_LETTER);
    if (closes && json_is_array(story_langpack_field(
                      x->lp, "event_v2_auxiliaries"))) {
        for (size_t q = cs; q < k; q++) {
            if (!story_langpack_has(x->lp, "event_v2_auxiliaries",
                                    x->a->tokens[q].key))
                continue;
            /* a prepositional phrase in first position is an adverbial,
             * never the subject ("Im Rahmen der Expansion des
             * Unternehmens hat Brewster … eröffnet") */
            const char *w0 = x->a->tokens[cs].key;
            int pp_first = story_langpack_has(
                x->lp, "event_adjunct_prepositions", w0);
            const char *p = pp_first ? NULL : first_actor(x, cs, q, e, ei);
            /* inverted only after an adverbial first position, not a
             * noun phrase ("Die Wachen haben drei Frauen …": no actor);
             * the subject right after the auxiliary or its determiner */
            if (!p && q > cs &&
                (!story_langpack_has(x->lp, "determiners", w0) ||
                 pp_first)) {
                size_t r = q + 1;
                if (r < k && story_langpack_has(x->lp, "determiners",
                                                x->a->tokens[r].key))
                    r++;
                if (r < k)
                    p = first_actor(x, r, r + 1, e, ei);
            }
            return p;
        }
    }
    const char *p = first_actor(x, cs, k, e, ei);
    /* verb second without an auxiliary: after an adverbial first
     * position the finite verb comes before its subject ("Gestern
     * unterzeichnete Schweden das Abkommen"): the participant right after
     * the verb (or its determiner); a lower-case word in a pack with
     * capitalised nouns, i.e. a verb, not an event noun */
    if (!p && k > cs && !closes &&
        json_is_array(story_langpack_field(x->lp, "event_v2_auxiliaries")) &&
        json_is_true(story_langpack_field(x->lp, "capitalised_nouns")) &&
        !(x->a->tokens[k].flags & STORY_TOKEN_CAPITAL) &&
        (story_langpack_has(x->lp, "event_adjunct_prepositions",
                            x->a->tokens[cs].key) ||
         !story_langpack_has(x->lp, "determiners", x->a->tokens[cs].key))) {
        size_t r = k + n;
        if (r < e && story_langpack_has(x->lp, "determiners",
                                        x->a->tokens[r].key))
            r++;
        /* one lower-case adjective before the noun ("griffen russische
         * Truppen … an", session 20) */
        size_t r1 = r + 1;
        if (r1 < e && !(x->a->tokens[r].flags & STORY_TOKEN_CAPITAL) &&
            (x->a->tokens[r].flags & STORY_TOKEN_LETTER) &&
            (x->a->tokens[r1].flags & STORY_TOKEN_CAPITAL) &&
            story__fx_adjacent(x, r, 0))
            r1++;
        if (r < e && !story__fx_clause_break_before(x, r))
            p = first_actor(x, r, r1, e, ei);
    }
    if (!p && cs > strong)
        p = first_actor(x, strong, cs, e, ei);
    if (!p && strong_cue && strong >= b + 2 &&
        story_langpack_has(x->lp, "speech_complementizers",
                           x->a->tokens[strong - 1].key))
        p = first_actor(x, strong - 2, strong - 1, e, ei);
    return p;
}

/* Pack "event_senses": {"ATTACK": {"STRIKE_WORK": [cue, …]}}: an
 * ambiguous predicate ("strike") takes the other concept when a cue word
 * is in the sentence ("drivers … began a strike over pay"). The concept
 * "-" is no event: a study noun read as an investigation ("Recent
 * research shows", de "Untersuchungen zeigen", zh "调查显示"). */
static const char *event_sense(fx *x, const char *pred, size_t b, size_t e)
{
    json_t *alts = json_object_get(
        story_langpack_field(x->lp, "event_senses"), pred);
    const char *alt;
    json_t *cues;
    json_object_foreach(alts, alt, cues) {
        for (size_t k = b; k < e; k++) {
            /* a word of a name is no cue: "the General Staff said" does
             * not make an attack a labour strike (session 19,
             * fresh-user 19 M1) */
            if (x->tok_ent && x->tok_ent[k] >= 0)
                continue;
            /* ... nor a capitalised word inside the sentence in a
             * language that writes common nouns in lower case: a word
             * of a descriptive name that is no entity fact ("the General
             * Staff said", session 20) */
            if (k > b && !x->cjk &&
                (x->a->tokens[k].flags & STORY_TOKEN_CAPITAL) &&
                !json_is_true(
                    story_langpack_field(x->lp, "capitalised_nouns")))
                continue;
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

/* One sense per discourse (Gale, Church & Yarowsky 1992, "One sense per
 * discourse", HLT): an ambiguous event word that takes another sense in
 * one sentence of the article (a cue word there: "a strike of railway
 * workers") takes it in every sentence of it ("such strikes are rare"). Returns word stem -> sense for the article (owned). */
static json_t *discourse_senses(fx *x, fx_evstems *es)
{
    json_t *senses = story_langpack_field(x->lp, "event_senses");
    json_t *out = json_object();
    if (!json_is_object(senses) || !json_object_size(senses) || !out)
        return out;
    story_buf st = {0};
    for (size_t s = 0; s < x->a->n_sentences; s++) {
        size_t b = x->sent_tok[s], e = x->sent_tok[s + 1], n;
        for (size_t k = b; k < e; k++) {
            const char *pred = event_match_raw(x, es, k, e, &n);
            if (!pred)
                continue;
            const char *alt = json_object_get(senses, pred)
                                  ? event_sense(x, pred, b, e)
                                  : pred;
            /* "-" (no event here: "a survey shows") is not carried */
            if (alt != pred && n == 1 && strcmp(alt, "-") != 0)
                json_object_set_new(out, token_stem_raw(x, k, &st),
                                    json_string(alt));
            k += n - 1;
        }
    }
    story_buf_free(&st);
    return out;
}

/* Event words that are no event in their context:
 *  - a word inside a proper name, in scripts with case and packs without
 *    capitalised nouns: capitalised mid-sentence next to another
 *    capitalised word ("National Social Investment Office", "Google
 *    Flights");
 *  - a verb whose object is a web address ("visit example.org"): a
 *    pointer, not a journey.
 * Tokens [k, k+n) of sentence tokens [b, e). */
static int not_an_event(fx *x, size_t k, size_t n, size_t b, size_t e)
{
    const story_token *t = x->a->tokens;
    if (!x->cjk && k > b && (t[k].flags & STORY_TOKEN_CAPITAL) &&
        !json_is_true(story_langpack_field(x->lp, "capitalised_nouns")) &&
        ((t[k - 1].flags & STORY_TOKEN_CAPITAL && k - 1 > b &&
          !story__fx_clause_break_before(x, k)) ||
         (k + n < e && (t[k + n].flags & STORY_TOKEN_CAPITAL) &&
          !story__fx_clause_break_before(x, k + n))))
        return 1;
    if (k + n < e) {
        const char *w = x->a->text + t[k + n].start;
        size_t l = t[k + n].end - t[k + n].start;
        const char *dot = memchr(w, '.', l);
        if (dot && dot > w && dot + 1 < w + l)
            return 1;
    }
    return 0;
}

/* Polarity of a predicate named twice in sentence s: the event fact
 * `fi` of the first mention (token k0) and a later mention at token k.
 * In the same clause the two are one predication ("die 12 Abkommen nicht
 * einzeln verabschiedet": noun and verb), negated when either mention
 * is. In different clauses, one denied and one asserted, the sentence
 * does not deny the event as a whole ("CRs are not compatible with how
 * the Act requires us to pass the bills"): the fact is affirmed. */
/* *upto / *brk: how far after k0 the tokens were already checked for a
 * clause break, and whether one was found (kept per first mention, so
 * that every later mention scans only the new tokens: linear in a run-on
 * sentence, where a scan from k0 per mention was quadratic). */
static void dup_polarity(fx *x, size_t fi, size_t k0, size_t s, size_t k,
                         size_t *upto, int *brk)
{
    if (fi >= x->facts.len)
        return;
    story_fact *f = &((story_fact *)x->facts.data)[fi];
    if (f->type != STORY_FACT_EVENT)
        return;
    if (*upto < k0)
        *upto = k0;
    for (size_t q = *upto + 1; q <= k && !*brk; q++) {
        *brk = story__fx_clause_break_before(x, q);
        *upto = q;
    }
    int same_clause = !*brk;
    int neg = story__fx_negated(x, s, k);
    if (same_clause)
        f->negated = f->negated || neg;
    else if (f->negated != neg)
        f->negated = 0;
}

/* ---- whose event (session 20, fresh-user 19 H1) -------------------------
 * "Russian troops attacked Ukrainian positions" and "Ukrainian troops
 * attacked Russian positions" had one key and one slot (event|soldier|
 * ATTACK|…): the nationality words are entity facts of their country
 * (facts_entity.c) but no participants. An event's actor_nation is the
 * country of its actor: the actor itself when it is a place entity
 * ("Russia attacked"), else a country or nationality word right before the
 * actor noun ("Russian troops", "російські війська"), else, without an
 * actor, a nationality word right before the predicate noun ("a Russian
 * missile strike"); its object_nation a nationality word right after the
 * predicate ("attacked Ukrainian positions"), else the object when it is a
 * place entity. None in a passive clause (pack "passive_auxiliaries":
 * "Ukrainian positions were attacked by …" names the target first). */
#define NATION_BEFORE_TOKENS 3 /* "the Russian defence ministry" */
#define NATION_AFTER_TOKENS 3  /* "attacked the Ukrainian positions" */
#define NATION_NOUN_TOKENS 2   /* "a Russian missile strike"; not the
                                  subject of a passive "Ukrainian
                                  positions were attacked" */

/* Per token: the index of the place entity fact starting at it, or -1
 * (one pass over the facts; the caller frees). NULL on no memory. */
static long *place_tokens(fx *x)
{
    const story_article *a = x->a;
    long *tp = malloc((a->n_tokens + 1) * sizeof *tp);
    if (!tp)
        return NULL;
    for (size_t t = 0; t < a->n_tokens; t++)
        tp[t] = -1;
    const story_fact *fs = (const story_fact *)x->facts.data;
    for (size_t i = 0; i < x->facts.len; i++) {
        if (fs[i].type != STORY_FACT_ENTITY || !fs[i].entity_kind ||
            strcmp(fs[i].entity_kind, "place") != 0 || !fs[i].key)
            continue;
        size_t lo = 0, hi = a->n_tokens; /* first token starting >= */
        while (lo < hi) {
            size_t m = lo + (hi - lo) / 2;
            if (a->tokens[m].start < fs[i].start)
                lo = m + 1;
            else
                hi = m;
        }
        if (lo < a->n_tokens && a->tokens[lo].start == fs[i].start)
            tp[lo] = (long)i;
    }
    return tp;
}

/* The country key ("rs") of a place fact at a token of one clause: from
 * token pos - 1 back to lo (before), or from pos up to hi - 1 (after);
 * only a nationality word (no entity mention of its own) when
 * words_only. */
static const char *nation_tok(fx *x, const long *tp, size_t t,
                              int words_only)
{
    const story_fact *fs = (const story_fact *)x->facts.data;
    if (tp[t] >= 0 && (!words_only || x->tok_ent[t] < 0))
        return fs[tp[t]].key + strlen("entity|");
    return NULL;
}

static const char *nation_before(fx *x, const long *tp, size_t pos,
                                 size_t lo, int words_only)
{
    for (size_t t = pos; t-- > lo;) {
        if (story__fx_clause_break_before(x, t + 1))
            return NULL;
        const char *c = nation_tok(x, tp, t, words_only);
        if (c)
            return c;
    }
    return NULL;
}

static const char *nation_after(fx *x, const long *tp, size_t pos,
                                size_t hi, int words_only)
{
    for (size_t t = pos; t < hi; t++) {
        if (story__fx_clause_break_before(x, t))
            return NULL;
        const char *c = nation_tok(x, tp, t, words_only);
        if (c)
            return c;
    }
    return NULL;
}

/* The predicate at tokens k.. follows a passive auxiliary ("were
 * attacked", "was reportedly attacked", de "wurde … angegriffen" within
 * the clause's last 3 words). */
static int passive_at(fx *x, size_t k, size_t b)
{
    if (!json_is_array(story_langpack_field(x->lp, "passive_auxiliaries")))
        return 0;
    for (size_t q = k; q > b && q + 3 > k; q--) {
        if (story__fx_clause_break_before(x, q))
            return 0;
        if (story_langpack_has(x->lp, "passive_auxiliaries",
                               x->a->tokens[q - 1].key))
            return 1;
    }
    return 0;
}

static int events_sentence(fx *x, fx_evstems *es, json_t *disc, size_t s,
                           const long *tp)
{
    const story_article *a = x->a;
    size_t b = x->sent_tok[s], e = x->sent_tok[s + 1], n;
    const char *seen[16];
    size_t seen_tok[16], seen_fact[16], seen_upto[16], nseen = 0;
    int seen_brk[16];
    for (size_t k = b; k < e && !x->rc; k++) {
        if (x->tok_ent[k] >= 0)
            continue;
        const char *pred = event_match_raw(x, es, k, e, &n);
        /* a state that denies an event (pack "event_negated_states": en
         * "still alive", "alive and well" -> KILL, negated) */
        int denial = 0;
        if (!pred &&
            (pred = story__fx_match(x, "event_negated_states", k, e, &n)))
            denial = 1;
        if (!pred || not_an_event(x, k, n, b, e))
            continue;
        const char *sense = denial ? pred : event_sense(x, pred, b, e);
        if (!denial && sense == pred && n == 1 && json_object_size(disc)) {
            /* disc owns the string until story__fx_events returns */
            story_buf st = {0};
            json_t *d = json_object_get(disc, token_stem_raw(x, k, &st));
            story_buf_free(&st);
            if (json_is_string(d))
                sense = json_string_value(d);
        }
        pred = sense;
        if (strcmp(pred, "-") == 0) {
            /* a sense that is no event ("Recent research shows") */
            k += n - 1;
            continue;
        }
        int dup = 0;
        for (size_t q = 0; q < nseen && !dup; q++)
            if (strcmp(seen[q], pred) == 0) {
                dup = 1;
                dup_polarity(x, seen_fact[q], seen_tok[q], s, k,
                             &seen_upto[q], &seen_brk[q]);
            }
        if (dup) {
            k += n - 1;
            continue;
        }
        if (nseen < 16) {
            seen_tok[nseen] = k;
            seen_upto[nseen] = k;
            seen_brk[nseen] = 0;
            seen_fact[nseen] = x->facts.len;
            seen[nseen++] = pred;
        }
        long actor_e = -1, obj_e = -1;
        const char *actor = NULL, *obj = NULL;
        actor_tok = (size_t)-1;
        actor = pick_actor(x, k, n, b, e, &actor_e);
        size_t at = actor ? actor_tok : (size_t)-1;
        /* after a subject that follows its verb (verb second) */
        size_t o0 = at != (size_t)-1 && at >= k + n ? at + 1 : k + n;
        for (size_t q = o0; q < e && q < o0 + 4 && !obj; q++) {
            if (story__fx_clause_break_before(x, q))
                break;
            obj = participant_or_pronoun(x, q, e, &obj_e, 0);
            /* the subject after a verb-second verb is not its object */
            if (obj && obj_e >= 0 && obj_e == actor_e) {
                obj = NULL;
                obj_e = -1;
            }
        }
        const char *anat = NULL, *onat = NULL;
        if (tp && !passive_at(x, k, b)) {
            const story_fact *fs = (const story_fact *)x->facts.data;
            if (actor && actor_e >= 0 &&
                !strcmp(fs[story__fx_entity_fact(x, actor_e)].entity_kind,
                        "place"))
                anat = actor;
            else if (actor && actor_e < 0 && at != (size_t)-1) {
                /* before the actor noun, not before the predicate when
                 * the subject follows its verb */
                size_t lo = at > b + NATION_BEFORE_TOKENS
                                ? at - NATION_BEFORE_TOKENS
                                : b;
                if (at > k && lo < k + n)
                    lo = k + n;
                anat = nation_before(x, tp, at, lo, 0);
            }
            else if (!actor) /* "a Russian (missile) strike" */
                anat = nation_before(x, tp, k,
                                     k > b + NATION_NOUN_TOKENS
                                         ? k - NATION_NOUN_TOKENS
                                         : b,
                                     1);
            /* verb second (de) without a subject found: the words
             * after the verb may be its subject ("nahmen französische
             * Polizisten … fest") */
            int after_ok = actor || !json_is_array(story_langpack_field(
                                         x->lp, "event_v2_auxiliaries"));
            if (after_ok)
                onat = nation_after(x, tp, o0,
                                    o0 + NATION_AFTER_TOKENS < e
                                        ? o0 + NATION_AFTER_TOKENS
                                        : e,
                                    1);
            if (after_ok && !onat && obj && obj_e >= 0 &&
                !strcmp(fs[story__fx_entity_fact(x, obj_e)].entity_kind,
                        "place"))
                onat = obj;
        }
        story_fact f;
        memset(&f, 0, sizeof f);
        f.type = STORY_FACT_EVENT;
        /* for an event: the country of its actor (actor_nation) */
        f.nationality = story__fx_strdup(x, anat ? anat : "");
        f.sentence = s;
        f.start = a->tokens[k].start;
        f.end = a->tokens[k + n - 1].end;
        f.entity = actor_e >= 0 ? (long)story__fx_entity_fact(x, actor_e) : -1;
        f.predicate = story__fx_strdup(x, pred);
        f.object_key = story__fx_strdup(x, obj ? obj : "");
        /* the object is part of the key only when it is a named entity:
         * counted nouns after a verb ("cut 9 days", "send soldiers") are
         * phrased differently by every translation */
        /* key: the predicate only (see the file comment); slot: actor and
         * object (entity key or concept) too, for story_facts_check ("No
         * countries have signed up"): two events contradict only when
         * both name the same participants ("accidents in these cases" vs
         * "no accidents" do not) */
        f.key = story__fx_printf(x, "event||%s|", pred);
        f.slot = story__fx_printf(x, "event|%s|%s|%s", actor ? actor : "", pred,
                                  obj ? obj : "");
        f.negated = story__fx_negated(x, s, k) != denial;
        f.hedged = story__fx_hedged(x, s, k);
        json_t *o = json_object();
        json_object_set_new(o, "actor", actor ? json_string(actor)
                                              : json_null());
        json_object_set_new(o, "predicate", json_string(pred));
        json_object_set_new(o, "object", obj ? json_string(obj) : json_null());
        if (anat)
            json_object_set_new(o, "actor_nation", json_string(anat));
        if (onat)
            json_object_set_new(o, "object_nation", json_string(onat));
        f.value_json = story__fx_json(x, o);
        story__fx_push(x, &f);
        k += n - 1;
    }
    return x->rc;
}

int story__fx_events(fx *x)
{
    fx_evstems es;
    if (story__fx_evstems_init(x, &es))
        return x->rc;
    json_t *disc = discourse_senses(x, &es);
    long *tp = place_tokens(x); /* NULL: no nations, the events still */
    for (size_t s = 0; s < x->a->n_sentences && !x->rc; s++)
        events_sentence(x, &es, disc, s, tp);
    free(tp);
    json_decref(disc);
    story__fx_evstems_free(&es);
    return x->rc;
}
