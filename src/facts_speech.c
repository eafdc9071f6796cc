/*
 * Stage 4, facts: quotes (direct and indirect speech) and attributions.
 *
 * Direct quotes: per paragraph, the pairs of the pack's "quote_marks"
 * (“…”, "…", „…“, «…», »…«, 「…」, 『…』, ‘…’, ‚…‘); an opening mark must
 * follow a non-letter, a closing mark must not be followed by a letter
 * (so apostrophes are not quotes), and the content must hold at least 3
 * word tokens (shorter quoted words are scare quotes). The speaker is the
 * subject of the nearest reporting verb ("reporting_verbs") outside the
 * quote (subject_of), else the entity nearest to that verb (a pronoun
 * resolves to the latest person); without a reporting verb, an entity
 * right before or after the quote within 3 tokens.
 * Indirect speech: a reporting verb with a speaker (entity, pronoun or
 * role/group noun) within 5 tokens before it, else after it (inverted),
 * else marked by a subject marker (hi "ने"), else the latest person
 * (pro-drop packs), in a sentence without direct quote; it needs reported
 * content (has_complement: "Lavrov expressed opposition" is not speech).
 * Key = slot = "quote|<speaker>": entity skeleton, else the source class
 * of a role ("OFFICIAL"), else "?" (unresolved): a quote has no value
 * that can change except its polarity; the verb concept and content span
 * are in the value. Its negated and hedged flags are those of the claim
 * (push_quote: negation and hedge cues of the content, a negated or DENY
 * verb; docs/facts.md "Quotes and claims").
 *
 * Attributions: the pack's "attribution_cues" ("according to", "laut",
 * "за словами", "selon") followed within 5 tokens by a source (source_at;
 * within 2 for "attribution_cues_strict", and after a clause break only
 * for "attribution_cues_after_break": de ", so der Rat"),
 * reporting verbs of concept REPORT ("X reported", "it was reported
 * that"), and speech verbs whose subject is a role or group noun
 * ("officials said"). Key = slot = "attribution|<source>": an entity
 * skeleton, else a source class (OFFICIAL, EXPERT, MEDIA, DOCUMENT;
 * ANONYMOUS when no source is named). See docs/facts.md.
 */
#include "internal.h"

#include <string.h>

#include <unicode/uchar.h>

#include "facts_internal.h"
#include "lexicon.h"
#include "stem.h"

/* Tokens before a reporting verb searched for a topic/subject particle
 * (speech_topic_markers): a long Japanese sentence with its quote. */
#define SPEECH_TOPIC_SPAN 200

typedef struct qspan {
    size_t open, cstart, cend, close; /* bytes: mark start, content, end */
} qspan;

static int is_letter_at(const char *t, size_t len, size_t p)
{
    if (p >= len)
        return 0;
    size_t i = p;
    int32_t c = story__utf8_next(t, len, &i);
    if (c < 0)
        return 0;
    return u_isalnum(c) != 0;
}

static int letter_before(const char *t, size_t p)
{
    if (p == 0)
        return 0;
    size_t q = p - 1;
    while (q > 0 && ((unsigned char)t[q] & 0xC0) == 0x80)
        q--;
    return is_letter_at(t, p, q);
}

/* A quote, not a scare-quoted term: at least 3 word tokens that are not
 * determiners ("the new normal" and "la nueva normalidad" are terms,
 * "heightened winter pressure" a quote); in zh/ja, whose word segmenter
 * splits words into short pieces, at least 5 letters (Han, kana). */
static int long_enough(const fx *x, size_t s0, const qspan *q)
{
    const story_article *a = x->a;
    if (x->cjk) {
        size_t n = 0, p = q->cstart;
        while (p < q->cend) {
            int32_t c = story__utf8_next(a->text, q->cend, &p);
            if (c < 0)
                break;
            n += u_isalpha(c) != 0;
        }
        return n >= 5;
    }
    size_t n = 0;
    for (size_t i = x->sent_tok[s0]; i < a->n_tokens; i++) {
        const story_token *t = &a->tokens[i];
        if (t->start >= q->cend)
            break;
        if (t->start >= q->cstart &&
            !story_langpack_has(x->lp, "determiners", t->key))
            n++;
    }
    return n >= 3;
}

typedef struct qpair {
    const char *o, *c;
    size_t ol, cl;
} qpair;

static void find_quotes(fx *x, size_t ps, size_t pe, story_vec *out)
{
    const char *t = x->a->text;
    json_t *pairs = story_langpack_field(x->lp, "quote_marks");
    qpair qp[32];
    size_t nq = 0, idx;
    json_t *pr;
    unsigned char first[256] = {0};
    json_array_foreach(pairs, idx, pr) {
        const char *o = json_string_value(json_array_get(pr, 0));
        const char *c = json_string_value(json_array_get(pr, 1));
        if (!o || !c || !*o || !*c || nq == 32)
            continue;
        qp[nq].o = o;
        qp[nq].c = c;
        qp[nq].ol = strlen(o);
        qp[nq].cl = strlen(c);
        first[(unsigned char)o[0]] = 1;
        nq++;
    }
    size_t p = ps;
    while (p < pe) {
        if (!first[(unsigned char)t[p]]) {
            p++;
            continue;
        }
        /* every pair whose opening mark is here: the earliest closing
         * mark wins („…“ and „…” share the opener) */
        size_t best_open = p, best_ol = 0, best_cl = 0;
        size_t found = (size_t)-1;
        int any = 0;
        /* CJK corner brackets (U+300C-U+300F, bytes E3 80 ..) are never
         * apostrophes, and zh/ja text has no spaces (“…” right after a
         * Han character): no letter rules there */
        int lb = letter_before(t, p);
        {
            for (size_t qi = 0; qi < nq; qi++) {
                const char *o = qp[qi].o, *c = qp[qi].c;
                size_t ol = qp[qi].ol, cl = qp[qi].cl;
                int cjk = x->cjk || (unsigned char)o[0] == 0xE3;
                if (p + ol > pe || memcmp(t + p, o, ol) != 0 ||
                    (lb && !cjk))
                    continue;
                any = 1;
                /* a quote is at most 4000 bytes: bounds the search for
                 * a closing mark after a stray opener */
                size_t lim = found == (size_t)-1 ? pe : found;
                if (lim > p + 4000)
                    lim = p + 4000;
                for (size_t q = p + ol + 1; q + cl <= pe && q < lim; q++) {
                    if (memcmp(t + q, c, cl) == 0 &&
                        (cjk || !is_letter_at(t, pe, q + cl)) &&
                        !(t[q - 1] == ' ' && cl == 1)) {
                        found = q;
                        best_ol = ol;
                        best_cl = cl;
                        break;
                    }
                }
            }
        }
        if (!any || found == (size_t)-1) {
            p++;
            continue;
        }
        qspan qs = {best_open, best_open + best_ol, found, found + best_cl};
        story_vec_push(out, &qs);
        p = found + best_cl;
    }
}

static int inside(size_t off, const qspan *q)
{
    return off >= q->open && off < q->close;
}

/* 1 when byte off is inside quote q or inside any quote of `all` (the
 * quotes of the paragraph; either may be NULL): a name quoted in another
 * quote of the sentence ("«Таким образом, …», заявил X, — «…»") is
 * never the speaker. */
static int in_quote(size_t off, const qspan *q, const story_vec *all)
{
    if (q && inside(off, q))
        return 1;
    for (size_t i = 0; all && i < all->len; i++)
        if (inside(off, &((const qspan *)all->data)[i]))
            return 1;
    return 0;
}

/* Per-sentence indexes of story__fx_speech() (x->speech_ix), so that the
 * lookups by sentence of pronoun_speaker(), reported_speech() and
 * mention_start() take time independent of the number of facts: one
 * pass over all facts per pronoun, per sentence or per indirect quote
 * made long texts quadratic (8 MB of text: 9.4 s, 16 MB: 4x that).
 *   quote facts: a chain per sentence of the facts push_quote() adds
 *     (they are added only here, in sentence order per pass);
 *   entity facts: their indices grouped by sentence in fact order
 *     (story__fx_entities() adds them all before story__fx_speech() runs).
 * `early` counts quote facts that start before their sentence (a speaker
 * name reaching back across a sentence break); while it is not 0 the
 * quote lookup scans all facts as before, so results never change. */
typedef struct fx_speech_ix {
    size_t ns;         /* sentences */
    size_t *qhead;     /* per sentence: last node of its chain, or -1 */
    story_vec qnodes;  /* speech_qnode */
    size_t early;
    size_t *ent_first; /* ns + 1: offsets into ent_fact */
    size_t *ent_fact;  /* entity fact indices, by sentence, in fact order */
} fx_speech_ix;

typedef struct speech_qnode {
    size_t fact, next; /* next: earlier node of the sentence, or -1 */
} speech_qnode;

static void speech_ix_free(fx_speech_ix *ix)
{
    free(ix->qhead);
    story_vec_free(&ix->qnodes);
    free(ix->ent_first);
    free(ix->ent_fact);
    memset(ix, 0, sizeof *ix);
}

/* 0, or -1 with x->rc set on allocation failure. Indexes the entity
 * facts present now; quote facts are added by speech_ix_add_quote. */
static int speech_ix_build(fx_speech_ix *ix, fx *x)
{
    size_t ns = x->a->n_sentences, ne = 0;
    memset(ix, 0, sizeof *ix);
    ix->ns = ns;
    story_vec_init(&ix->qnodes, sizeof(speech_qnode));
    const story_fact *f = (const story_fact *)x->facts.data;
    for (size_t i = 0; i < x->facts.len; i++)
        if (f[i].type == STORY_FACT_ENTITY && f[i].sentence < ns)
            ne++;
    ix->qhead = story__malloc((ns + 1) * sizeof *ix->qhead);
    ix->ent_first = story__calloc(ns + 2, sizeof *ix->ent_first);
    ix->ent_fact = story__calloc(ne + 1, sizeof *ix->ent_fact);
    if (!ix->qhead || !ix->ent_first || !ix->ent_fact) {
        speech_ix_free(ix);
        x->rc = STORY_ENOMEM;
        return -1;
    }
    for (size_t s = 0; s <= ns; s++)
        ix->qhead[s] = (size_t)-1;
    /* counting sort by sentence, stable: ent_first[s + 1] counts first */
    for (size_t i = 0; i < x->facts.len; i++)
        if (f[i].type == STORY_FACT_ENTITY && f[i].sentence < ns)
            ix->ent_first[f[i].sentence + 1]++;
    for (size_t s = 0; s < ns; s++)
        ix->ent_first[s + 1] += ix->ent_first[s];
    for (size_t i = 0; i < x->facts.len; i++)
        if (f[i].type == STORY_FACT_ENTITY && f[i].sentence < ns)
            ix->ent_fact[ix->ent_first[f[i].sentence]++] = i;
    /* each ent_first[s] now holds the end of sentence s: shift back */
    for (size_t s = ns; s > 0; s--)
        ix->ent_first[s] = ix->ent_first[s - 1];
    ix->ent_first[0] = 0;
    return 0;
}

/* Records quote fact i (just pushed) in x->speech_ix, if any. */
static void speech_ix_add_quote(fx *x, size_t i)
{
    fx_speech_ix *ix = x->speech_ix;
    if (!ix || x->rc)
        return;
    const story_fact *f = &((const story_fact *)x->facts.data)[i];
    if (f->sentence >= ix->ns ||
        f->start < x->a->sentences[f->sentence].start) {
        ix->early++;
        return;
    }
    speech_qnode nd = {i, ix->qhead[f->sentence]};
    if (!story_vec_push(&ix->qnodes, &nd)) {
        x->rc = STORY_ENOMEM;
        return;
    }
    ix->qhead[f->sentence] = ix->qnodes.len - 1;
}

/* The quote fact starting latest before byte `at` among those of
 * sentence s and the 2 before it (the first pushed of equal starts), or
 * NULL. */
static const story_fact *latest_quote(fx *x, size_t s, size_t at)
{
    const story_fact *fs = (const story_fact *)x->facts.data;
    const story_fact *best = NULL;
    const fx_speech_ix *ix = x->speech_ix;
    if (!ix || ix->early) {
        for (size_t i = 0; i < x->facts.len; i++) {
            const story_fact *f = &fs[i];
            if (f->type != STORY_FACT_QUOTE || f->start >= at ||
                f->sentence + 2 < s || (best && f->start <= best->start))
                continue;
            best = f;
        }
        return best;
    }
    /* every indexed quote starts at or after its sentence's start, so
     * sentences starting at or after `at` hold none before it */
    for (size_t t = s >= 2 ? s - 2 : 0;
         t < ix->ns && x->a->sentences[t].start < at; t++)
        for (size_t nd = ix->qhead[t]; nd != (size_t)-1;) {
            const speech_qnode *q =
                &((const speech_qnode *)ix->qnodes.data)[nd];
            const story_fact *f = &fs[q->fact];
            if (f->start < at &&
                (!best || f->start > best->start ||
                 (f->start == best->start && f < best)))
                best = f;
            nd = q->next;
        }
    return best;
}

static int is_place(fx *x, long ei)
{
    story_fact *ef =
        &((story_fact *)x->facts.data)[story__fx_entity_fact(x, ei)];
    return strcmp(ef->entity_kind, "place") == 0;
}

static long np_head(fx *x, size_t k, size_t v);

/* Kind of entity ei ("person", "organisation", "place", "other"). */
static const char *ent_kind(fx *x, long ei)
{
    return ((story_fact *)x->facts.data)[story__fx_entity_fact(x, ei)]
        .entity_kind;
}

/* A pronoun of the pack at token k (before sentence end e) that can be a
 * subject: not a word that is also a determiner with a word after it in
 * its clause (es "la", "lo": "dijo la jefa de bomberos" is an article,
 * not "her"). The pronoun concept, else NULL. */
static const char *subject_pronoun(fx *x, size_t k, size_t e, size_t *n)
{
    const char *pc = story__fx_match(x, "pronouns", k, e, n);
    if (pc && story_langpack_has(x->lp, "determiners", x->a->tokens[k].key) &&
        k + 1 < e && !story__fx_clause_break_before(x, k + 1) &&
        (x->a->tokens[k + 1].flags & STORY_TOKEN_LETTER))
        return NULL;
    return pc;
}

/* The speaker a subject pronoun at token k refers to ("he said", "She
 * added:", "Er sagte"). News text reports one speaker after another, so
 *  1. the speaker of the latest quote before k in this sentence or the
 *     2 before it, when it is a named person-like entity (not an
 *     organisation or place): "Matt X, analyst at Y Z, said … He added:"
 *     is X, not the firm Y Z named after him;
 *  2. else the latest entity of kind person within 400 tokens before k:
 *     "A, secretary-general of B C, dismissed … He told D" is A;
 *  3. else story__fx_entity_near (the latest entity that is no organisation or
 *     place).
 * A plural pronoun (concept "group") goes to story__fx_entity_near directly.
 * Returns the entity index or -1. */
static long pronoun_speaker(fx *x, size_t k)
{
    const story_article *a = x->a;
    size_t s = a->tokens[k].sentence, n;
    size_t e = x->sent_tok[s + 1];
    const char *pc = story__fx_match(x, "pronouns", k, e, &n);
    if (!pc || strcmp(pc, "person") != 0)
        return story__fx_entity_near(x, s, k, 0, 1);
    /* a resumptive pronoun: the sentence opens with a person's name
     * phrase that ends at a clause break before k ("Matt X, who follows
     * the shares for Y, he said that …", hi "X, जो …, उन्होंने कहा") */
    {
        size_t b = x->sent_tok[s], p = b;
        while (p < k && p < b + 4 && x->tok_ent[p] < 0 &&
               (x->tok_role[p] ||
                story_langpack_has(x->lp, "determiners", a->tokens[p].key) ||
                story__fx_match(x, "roles", p, e, &n) ||
                story__fx_match(x, "titles", p, e, &n)))
            p++;
        long te = p < k ? x->tok_ent[p] : -1;
        if (te >= 0 && strcmp(ent_kind(x, te), "organisation") != 0 &&
            !is_place(x, te)) {
            size_t q = p + 1;
            while (q < k && x->tok_ent[q] == te)
                q++;
            if (q < k && story__fx_clause_break_before(x, q))
                return te;
        }
    }
    const story_fact *best = latest_quote(x, s, a->tokens[k].start);
    if (best && best->entity >= 0) {
        const story_fact *ef =
            &((const story_fact *)x->facts.data)[best->entity];
        size_t t = story__fx_token_after(x, ef->start);
        long ei = t < a->n_tokens ? x->tok_ent[t] : -1;
        if (ei >= 0 && strcmp(ent_kind(x, ei), "organisation") != 0 &&
            strcmp(ent_kind(x, ei), "place") != 0)
            return ei;
    }
    /* the subject of the sentence before (centering: the subject of the
     * previous utterance is the preferred antecedent; Grosz, Joshi &
     * Weinstein 1995, Computational Linguistics 21(2)): a person-like
     * entity among its first 4 tokens */
    if (s > 0) {
        size_t pb = x->sent_tok[s - 1], pe = x->sent_tok[s];
        for (size_t q = pb; q < pe && q < pb + 4; q++) {
            long te = x->tok_ent[q];
            if (te < 0)
                continue;
            if (strcmp(ent_kind(x, te), "organisation") != 0 &&
                strcmp(ent_kind(x, te), "place") != 0)
                return np_head(x, q, pe);
            break;
        }
    }
    for (size_t q = k; q-- > 0 && q + 400 > k;)
        if (x->tok_ent[q] >= 0 &&
            strcmp(ent_kind(x, x->tok_ent[q]), "person") == 0)
            return x->tok_ent[q];
    return story__fx_entity_near(x, s, k, 0, 1);
}

static long np_head(fx *x, size_t k, size_t v);
static const char *source_at(fx *x, size_t i, long *ei);
static long surname_ref(fx *x, size_t k);
static long surname_match(fx *x, size_t k, int before);

/* A generic organisation noun of the pack's "organisation_anaphors"
 * ("the company", "the firm", "das Unternehmen", "компания", ja 同社) at
 * token k, after a definite article where the pack lists them
 * ("organisation_anaphor_determiners"), refers to the organisation the story is about: of the
 * organisations (and names of unknown kind: a brand) named in the 400
 * tokens before it, the one with the most mentions there (ties: the
 * latest), not the index or partner named last
 * ("Greggs … the FTSE 250 firm … The business said"). That entity, else
 * -1. */
static long org_ref(fx *x, size_t k)
{
    size_t n;
    if (x->tok_ent[k] >= 0 ||
        !story__fx_match(x, "organisation_anaphors", k, x->a->n_tokens, &n))
        return -1;
    /* packs with articles: only a definite one ("the company"; "a
     * leading commercial bank" is another one) */
    if (story_langpack_field(x->lp, "organisation_anaphor_determiners") &&
        !(k > 0 && story_langpack_has(x->lp,
                                      "organisation_anaphor_determiners",
                                      x->a->tokens[k - 1].key)))
        return -1;
    long best = -1;
    size_t best_n = 0;
    for (size_t q = k; q-- > 0 && q + 400 > k;) {
        long te = x->tok_ent[q];
        if (te < 0 || (q > 0 && x->tok_ent[q - 1] == te) ||
            strcmp(ent_kind(x, te), "person") == 0 || is_place(x, te) ||
            te == best)
            continue;
        size_t c = 0; /* mentions of te in the window */
        for (size_t r = k; r-- > 0 && r + 400 > k;)
            c += x->tok_ent[r] == te && !(r > 0 && x->tok_ent[r - 1] == te);
        if (c > best_n) {
            best = te;
            best_n = c;
        }
    }
    return best;
}

/* The token d tokens before (dir 0) or after (dir 1) token v, inside
 * [b, e) and not inside the quote q (may be NULL): 1 with *k set, else
 * 0. */
static int near_token(const fx *x, size_t b, size_t e, size_t v, size_t d,
                      int dir, const qspan *q, const story_vec *all,
                      size_t *k)
{
    if (dir == 0) {
        if (v < b + d)
            return 0;
        *k = v - d;
    } else {
        *k = v + d;
        if (*k >= e)
            return 0;
    }
    return !in_quote(x->a->tokens[*k].start, q, all);
}

/* 1 when the token after q (before token v) is an addressee
 * postposition of the pack ("speech_addressee_postpositions": hi को in
 * "X ने Newsweek को बताया", ja に): the name ending at q is the one spoken
 * to, not the speaker. */
static int addressee_post(fx *x, size_t q, size_t v)
{
    return q + 1 < v &&
           story_langpack_has(x->lp, "speech_addressee_postpositions",
                              x->a->tokens[q + 1].key);
}

/* Session 18 (fresh-user 17 M1): 1 when the name at token k (sentence
 * tokens from b) is the one spoken to: right before its first token (at
 * most 2 determiners between) stands an addressee marker of the pack
 * ("speech_addressee_markers": es "a", zh 向, ru "изданию") or a verb
 * whose object is its addressee ("speech_addressee_verbs": en "told",
 * zh 告诉): "he told Newsweek", "马西向新闻周刊表示". */
static int addressee_at(fx *x, size_t k, size_t b)
{
    long ei = x->tok_ent[k];
    size_t j = k;
    while (ei >= 0 && j > b && x->tok_ent[j - 1] == ei)
        j--;
    for (int d = 0; d < 2 && j > b &&
                    story_langpack_has(x->lp, "determiners",
                                       x->a->tokens[j - 1].key);
         d++)
        j--;
    if (j <= b)
        return 0;
    const char *w = x->a->tokens[j - 1].key;
    return story_langpack_has(x->lp, "speech_addressee_markers", w) ||
           story_langpack_has(x->lp, "speech_addressee_verbs", w);
}

/* Speaker near token v, skipping tokens inside the quote q (may be
 * NULL). Returns entity index or -1. */
static long speaker_near(fx *x, size_t b, size_t e, size_t v, const qspan *q,
                         const story_vec *all, size_t maxd)
{
    size_t n;
    for (size_t d = 1; d <= maxd; d++) {
        for (int dir = 0; dir < 2; dir++) {
            size_t k;
            if (!near_token(x, b, e, v, d, dir, q, all, &k))
                continue;
            if (x->tok_ent[k] >= 0) {
                story_fact *ef = &(
                    (story_fact *)
                        x->facts.data)[story__fx_entity_fact(x, x->tok_ent[k])];
                if (strcmp(ef->entity_kind, "place") == 0)
                    continue;
                if (dir == 0 && addressee_post(x, k, v))
                    continue;
                /* "declaró a Newsweek el representante …", "he told
                 * Newsweek": an addressee is no speaker */
                if (addressee_at(x, k, b))
                    continue;
                if (dir == 1) {
                    /* inverted subject "– said the chair of the SEC
                     * Gary Gensler": the head of its name phrase */
                    return np_head(x, k, e);
                }
                return x->tok_ent[k];
            }
            /* "„…“, sagte Stein auf …", "„…“, so Lind.": a capitalised
             * word right after the verb that the entity stage left out
             * (de "Stein" is also a noun) is the speaker when it is the
             * surname of a person the article names */
            long sr;
            if (dir == 1 && d == 1 && (sr = surname_match(x, k, 0)) >= 0)
                return sr;
            if (subject_pronoun(x, k, e, &n))
                return pronoun_speaker(x, k);
            long tr = story__fx_title_ref(x, k);
            if (tr >= 0)
                return tr;
            if ((tr = org_ref(x, k)) >= 0)
                return tr;
        }
    }
    return -1;
}

/* The person a subject noun phrase starting with entity token k (before
 * token v) is about: names, roles, titles and nationalities run on to a
 * later name ("SEC Chair Gary Gensler", "New York Republican
 * Representative Mike Lawler") -> the last name of that run that is not a
 * place; else the entity at k. */
static long np_head(fx *x, size_t k, size_t v)
{
    long head = x->tok_ent[k];
    size_t e = x->sent_tok[x->a->tokens[k].sentence + 1], n;
    for (size_t i = k + 1; i < v && i < k + 12; i++) {
        /* an appositive after a comma is another phrase ("X, co-founder
         * of Y, said" is X) */
        if (story__fx_clause_break_before(x, i))
            break;
        if (x->tok_ent[i] >= 0) {
            /* an organisation right after a person's name, with no role
             * between, is another phrase: the outlet spoken to ("сказав
             * Массі Newsweek", dative; session 18, fresh-user 17 H1) */
            if (x->tok_ent[i] != head && head >= 0 &&
                x->tok_ent[i - 1] == head &&
                strcmp(ent_kind(x, head), "organisation") != 0 &&
                strcmp(ent_kind(x, head), "place") != 0 &&
                strcmp(ent_kind(x, x->tok_ent[i]), "organisation") == 0)
                break;
            if (x->tok_ent[i] != head && !is_place(x, x->tok_ent[i]))
                head = x->tok_ent[i];
            continue;
        }
        if (x->tok_role[i])
            continue;
        /* "представитель партии от Нью-Йорка Анна Вебер", "Abgeordneter
         * aus Bayern Max Kern": an origin connector before a place inside
         * the run (the head is never that place) */
        if (i + 1 < v && x->tok_ent[i + 1] >= 0 &&
            is_place(x, x->tok_ent[i + 1]) &&
            !story__fx_clause_break_before(x, i + 1) &&
            story_langpack_has(x->lp, "name_origin_connectors",
                               x->a->tokens[i].key))
            continue;
        /* "der Münchner Abgeordnete der Grünen Anna Weber": a
         * determiner after a role word opens the role's genitive */
        if (i + 1 < v && !story__fx_clause_break_before(x, i + 1) &&
            story_langpack_has(x->lp, "determiners", x->a->tokens[i].key) &&
            (x->tok_role[i - 1] || story__fx_match(x, "roles", i - 1, e, &n))) {
            /* ... of one word that is no name, before the holder's name
             * ("die New Yorker Senatorin der Demokraten Anna
             * Keller": session 18, fresh-user 17 H1) */
            if (i + 2 < v && x->tok_ent[i + 1] < 0 &&
                x->tok_ent[i + 2] >= 0 && !is_place(x, x->tok_ent[i + 2]) &&
                !story__fx_clause_break_before(x, i + 2))
                i++;
            continue;
        }
        if (story__fx_match(x, "roles", i, e, &n) ||
            story__fx_match(x, "titles", i, e, &n) ||
            story__fx_match(x, "nationalities", i, e, &n)) {
            i += n > 0 ? n - 1 : 0; /* zh/ja: 分析 师 */
            continue;
        }
        /* a possessive particle (pack "possessive_particles": zh 的, ja
         * の) links the firm to the role of the person named next
         * ("<firm>的股票分析师<name>表示"); in zh/ja a word right before a
         * role word modifies it (股票 分析师) */
        if (story_langpack_has(x->lp, "possessive_particles",
                               x->a->tokens[i].key) ||
            (x->cjk && i + 1 < v && !story__fx_clause_break_before(x, i + 1) &&
             story__fx_match(x, "roles", i + 1, e, &n)))
            continue;
        /* a role's organisation in the genitive before the holder's full
         * name ("Tajemník Rady národní bezpečnosti a obrany Ukrajiny
         * Oleksij Danilov řekl"): after a role word, lower-case words up
         * to a name of two or more words */
        if (k > 0 && x->tok_role[k - 1] && !x->cjk &&
            !(x->a->tokens[i].flags & STORY_TOKEN_CAPITAL)) {
            size_t j = i;
            while (j < v && j < k + 12 &&
                   !story__fx_clause_break_before(x, j) &&
                   (x->tok_ent[j] >= 0
                        ? is_place(x, x->tok_ent[j])
                        : !(x->a->tokens[j].flags & STORY_TOKEN_CAPITAL)))
                j++;
            if (j < v && j < k + 12 && !story__fx_clause_break_before(x, j) &&
                x->tok_ent[j] >= 0 && j + 1 < v &&
                x->tok_ent[j + 1] == x->tok_ent[j] &&
                strcmp(ent_kind(x, x->tok_ent[j]), "organisation") != 0) {
                head = x->tok_ent[j];
                i = j + 1;
                continue;
            }
        }
        break;
    }
    return head;
}


/* 1 when token k ends with a possessive suffix of the pack
 * ("possessive_suffixes": en "'s"): "Europe's" in "Europe's wine chiefs
 * said" modifies the noun after it. */
static int possessive(fx *x, size_t k)
{
    return story__fx_ends_with(x, "possessive_suffixes", k, 1);
}

/* Subject of reporting verb v: the first entity (or pronoun) of the
 * stretch before v that starts at the sentence start or right after a
 * quote ending before v, when it opens that stretch (within its first 4
 * tokens). "Russia has stated … and has vowed to "…"" -> Russia, not the
 * nearer NATO. -1 when there is none; *role is then the role or group
 * noun that opens the verb's clause as its subject, or NULL. */
static long subject_of(fx *x, size_t v, const qspan *q,
                       const story_vec *all, const char **role)
{
    const story_article *a = x->a;
    *role = NULL;
    size_t s = a->tokens[v].sentence;
    size_t b = x->sent_tok[s], e = x->sent_tok[s + 1], n;
    size_t from = b;
    if (q && q->close <= a->tokens[v].start)
        for (size_t k = b; k < v; k++)
            if (a->tokens[k].start >= q->close) {
                from = k;
                break;
            }
    /* the verb's own clause first: "As the EU debates …, one of the
     * association's chiefs says" -> the chiefs, not the EU; a clause
     * without a candidate ("…, and has vowed to") falls back to the
     * sentence start */
    size_t c = v;
    while (c > from + 1 && !story__fx_clause_break_before(x, c))
        c--;
    if (c > from + 1 && c + 12 >= v &&
        !(q && q->close > a->tokens[c].start && q->open < a->tokens[v].end))
        for (size_t k = c; k < v; k++) {
            long pe;
            if (in_quote(a->tokens[k].start, NULL, all))
                continue;
            /* "one of Europe's wine chiefs says": a possessive name
             * modifies the subject's head, it is not the subject */
            if (x->tok_ent[k] >= 0 && (possessive(x, k) ||
                                       addressee_at(x, k, b)))
                continue;
            if (x->tok_ent[k] >= 0) {
                if (is_place(x, x->tok_ent[k]) && k > c &&
                    !story_langpack_has(x->lp, "determiners",
                                        a->tokens[k - 1].key))
                    continue;
                return np_head(x, k, v);
            }
            if (subject_pronoun(x, k, e, &n))
                return pronoun_speaker(x, k);
            long tr = story__fx_title_ref(x, k);
            if (tr >= 0)
                return tr;
            if ((tr = org_ref(x, k)) >= 0)
                return tr;
            const char *src = source_at(x, k, &pe);
            if (src) {
                /* "…, an anonymous senior legal official from a bank
                 * commented": a role or group noun is the subject */
                if (pe < 0)
                    *role = src;
                return pe >= 0 ? pe : -1;
            }
        }
    for (size_t k = from; k < v && k < from + 4; k++) {
        if (in_quote(a->tokens[k].start, q, all))
            return -1;
        if (x->tok_ent[k] >= 0 && addressee_at(x, k, b))
            continue;
        if (x->tok_ent[k] >= 0) {
            /* "In Moscow, Putin said": a place after a preposition is an
             * adjunct, not the subject */
            if (k > from && is_place(x, x->tok_ent[k]) &&
                !story_langpack_has(x->lp, "determiners",
                                    a->tokens[k - 1].key))
                return -1;
            return np_head(x, k, v);
        }
        if (subject_pronoun(x, k, e, &n))
            return pronoun_speaker(x, k);
        long tr = story__fx_title_ref(x, k);
        if (tr >= 0)
            return tr;
        if ((tr = org_ref(x, k)) >= 0)
            return tr;
        /* "Currie said: …" with the surname alone at the sentence start */
        if (k == b && (tr = surname_ref(x, k)) >= 0)
            return tr;
        /* a first name the entity stage left out ("Matt" before
         * "Britzman": a common word in German) */
        if (k + 1 < v && x->tok_ent[k + 1] >= 0 &&
            story__fx_adjacent(x, k, 0) && !is_place(x, x->tok_ent[k + 1]))
            continue;
        /* roles, nationalities and determiners may precede the name */
        if (!x->tok_role[k] &&
            !story_langpack_has(x->lp, "determiners", a->tokens[k].key) &&
            !story_langpack_has(x->lp, "function_words", a->tokens[k].key))
            return -1;
    }
    return -1;
}

/* zh "说俄语" (speaks Russian), "说话" (talks): a reporting verb
 * followed directly by a word ending in one of the pack's
 * "speech_language_suffixes" (语 话 文) names a language or manner of
 * speaking, not reported content. */
static int speaks_language(fx *x, size_t k, size_t n)
{
    json_t *suf = story_langpack_field(x->lp, "speech_language_suffixes");
    if (!json_is_array(suf) || k + n >= x->a->n_tokens ||
        x->a->tokens[k + n].sentence != x->a->tokens[k].sentence)
        return 0;
    const char *w = x->a->tokens[k + n].key;
    size_t wl = strlen(w), i;
    json_t *v;
    json_array_foreach(suf, i, v) {
        const char *sv = json_string_value(v);
        size_t sl = sv ? strlen(sv) : 0;
        if (sl && wl >= sl && strcmp(w + wl - sl, sv) == 0)
            return 1;
    }
    return 0;
}

/* The reporting verb at token k (its concept, *n tokens), or NULL: a
 * phrase of the pack's "reporting_verbs", or (packs with
 * "negation_prefixes", cs) one such verb after a negating prefix,
 * "neřekl" (did not say), "nepotvrdila" (did not confirm), *n = 1;
 * verb_negated reads the prefix as the verb's negation (session 11). */
static const char *reporting_verb(fx *x, size_t k, size_t e, size_t *n)
{
    const char *c = story__fx_match(x, "reporting_verbs", k, e, n);
    if (!c &&
        (c = story__fx_prefix_negated(x, k, "reporting_verbs", NULL)) != NULL)
        *n = 1;
    return c;
}

/* Reporting verb nearest to the quote, outside it, in sentences s0..s1. */
static long verb_near(fx *x, size_t s0, size_t s1, const qspan *q,
                      const char **concept)
{
    size_t b = x->sent_tok[s0], e = x->sent_tok[s1 + 1], n;
    long best = -1;
    size_t bestd = (size_t)-1;
    size_t near = story__fx_token_after(
        x, q->open > 8 * FX_WINDOW ? q->open - 8 * FX_WINDOW : 0);
    if (near > b)
        b = near;
    for (size_t k = b; k < e; k++) {
        const story_token *t = &x->a->tokens[k];
        if (inside(t->start, q))
            continue;
        /* only FX_WINDOW tokens' worth of bytes (~8 per token) away */
        if (t->end + 8 * FX_WINDOW < q->open)
            continue;
        if (t->start > q->close + 8 * FX_WINDOW)
            break;
        const char *c = reporting_verb(x, k, e, &n);
        if (!c || speaks_language(x, k, n))
            continue;
        size_t d = t->start < q->open ? q->open - t->end : t->start - q->close;
        if (d < bestd) {
            bestd = d;
            best = (long)k;
            *concept = c;
        }
    }
    return best;
}

/* The last reporting verb of sentence s when s ends with a colon
 * ("Currie sagte:", "He added:"), its concept in *concept; else -1. */
static long colon_verb(fx *x, size_t s, const char **concept)
{
    const story_article *a = x->a;
    size_t b = x->sent_tok[s], e = x->sent_tok[s + 1], n;
    if (e == b)
        return -1;
    size_t p = a->tokens[e - 1].end, end = a->sentences[s].end;
    int colon = 0;
    for (; p < end; p++)
        if (a->text[p] == ':' ||
            (p + 3 <= end && memcmp(a->text + p, "\xEF\xBC\x9A", 3) == 0))
            colon = 1;
    if (!colon)
        return -1;
    long v = -1;
    for (size_t k = b; k < e; k++) {
        const char *c = reporting_verb(x, k, e, &n);
        if (c && !speaks_language(x, k, n)) {
            v = (long)k;
            *concept = c;
        }
    }
    return v;
}

static const char *ent_skel(fx *x, long ei)
{
    if (ei < 0)
        return "";
    story_fact *ef =
        &((story_fact *)x->facts.data)[story__fx_entity_fact(x, ei)];
    return ef->key + strlen("entity|");
}

/* First content token: the first token starting at or after byte cs. */
static size_t first_tok_at(fx *x, size_t cs)
{
    size_t t = story__fx_token_after(x, cs);
    while (t < x->a->n_tokens && x->a->tokens[t].start < cs)
        t++;
    return t;
}

/* 1 when token k holds a negation cue that negates a clause: a word or
 * phrase of the pack's "negation_cues" (*n tokens) that is no
 * preposition of "negation_nonclausal" ("without", "ohne", "sans", "без":
 * they negate a noun phrase, "without delay"), or a word starting with an
 * elided particle of "negation_elided" (fr "n'a"). */
static int clause_neg_cue(fx *x, size_t k, size_t e, size_t *n)
{
    const char *w = x->a->tokens[k].key;
    *n = 1;
    if (story__fx_match(x, "negation_cues", k, e, n))
        return !(*n == 1 &&
                 story_langpack_has(x->lp, "negation_nonclausal", w));
    *n = 1;
    return story__fx_elided_negation(x, k);
}

/* 1 when token i opens a new clause inside reported content: a clause
 * break (, ; : dash) before it, a sentence start, or a coordinator or
 * complementizer of the pack ("and", "but", "that", "dass", "что"). */
static int content_clause_start(fx *x, size_t i, size_t t0)
{
    const story_article *a = x->a;
    if (i == t0 || a->tokens[i].sentence != a->tokens[i - 1].sentence ||
        story__fx_clause_break_before(x, i))
        return 1;
    return story_langpack_has(x->lp, "clause_coordinators",
                              a->tokens[i].key) ||
           story_langpack_has(x->lp, "speech_complementizers",
                              a->tokens[i].key);
}

/* Polarity of the claim in content bytes [cs, ce): negated when one of
 * its words is a clausal negation cue (clause_neg_cue: "the bridge had
 * not been inspected", "никто ничего не знал"), except the phrases of
 * the pack's "negation_exceptions" ("not only", "nicht nur"). Any cue,
 * not an odd number of negated clauses: translations and rewrites split
 * and merge the clauses of a long quote ("X may not … Nor may Y …" and
 * "Neither X nor Y may …" say the same), so a parity would flip where
 * nothing changed; a negation added to a claim that already holds one is
 * not seen. */
static int content_negated(fx *x, size_t cs, size_t ce)
{
    const story_article *a = x->a;
    size_t t0 = first_tok_at(x, cs), n;
    for (size_t i = t0; i < a->n_tokens && a->tokens[i].end <= ce; i++) {
        size_t e = x->sent_tok[a->tokens[i].sentence + 1];
        /* "not only … but also", "nicht nur", "не только" assert */
        if (story__fx_match(x, "negation_exceptions", i, e, &n)) {
            i += n - 1;
            continue;
        }
        if (!clause_neg_cue(x, i, e, &n))
            continue;
        /* a postpositive cue (ja ない) negates the verb before it only at
         * the end of its clause; before a noun it modifies the noun
         * ("これまでにない速さ", unprecedented speed) */
        if (story_langpack_has(x->lp, "negation_postpositive",
                               a->tokens[i].key)) {
            size_t j = i + n, left = 0;
            while (j < a->n_tokens && a->tokens[j].end <= ce &&
                   a->tokens[j].sentence == a->tokens[i].sentence &&
                   !story__fx_clause_break_before(x, j) && left < 3) {
                left++;
                j++;
            }
            if (left >= 3)
                continue;
        }
        return 1;
    }
    return 0;
}

/* 1 when a clause break before token i opens a parenthetical of at
 * most 2 tokens closed by another break ("пожар, возможно, вызвал", "the
 * fire, probably, started"): it stays in the clause around it. */
static int parenthetical(fx *x, size_t i, size_t ce)
{
    const story_article *a = x->a;
    if (!story__fx_clause_break_before(x, i))
        return 0;
    for (size_t j = i + 1; j <= i + 2 && j < a->n_tokens &&
                           a->tokens[j].end <= ce;
         j++)
        if (story__fx_clause_break_before(x, j))
            return a->tokens[j].sentence == a->tokens[i].sentence;
    return 0;
}

/* Modality of the claim in content bytes [cs, ce): a hedge cue of the
 * pack ("hedge_cues": may, could, reportedly, soll, может) in its first
 * clause, the main claim ("a gas leak may have caused the blast"; a
 * hedge in a later clause qualifies that clause only). In indirect
 * speech (direct == 0) a modal of the pack's "hedge_backshift" is the
 * tense of reported speech, not a hedge: "said the deal would create
 * 3,000 jobs" reports "the deal will create" (backshift, sequence of
 * tenses; Quirk et al. 1985, A Comprehensive Grammar of the English
 * Language, 14.31). */
static int content_hedged(fx *x, size_t cs, size_t ce, int direct)
{
    const story_article *a = x->a;
    size_t t0 = first_tok_at(x, cs), n;
    int cap_nouns =
        json_is_true(story_langpack_field(x->lp, "capitalised_nouns"));
    for (size_t i = t0; i < a->n_tokens && a->tokens[i].end <= ce; i++) {
        if (i > t0 && content_clause_start(x, i, t0) &&
            !story_langpack_has(x->lp, "speech_complementizers",
                                a->tokens[i].key) &&
            !parenthetical(x, i, ce))
            break;
        size_t e = x->sent_tok[a->tokens[i].sentence + 1];
        /* a capitalised cue inside a sentence is a name ("in May"),
         * except in packs that capitalise nouns (de "Bereitschaft") */
        if ((a->tokens[i].flags & STORY_TOKEN_CAPITAL) &&
            i > x->sent_tok[a->tokens[i].sentence] && !cap_nouns)
            continue;
        if (story__fx_match(x, "hedge_cues", i, e, &n) &&
            !(direct == 0 && n == 1 &&
              story_langpack_has(x->lp, "hedge_backshift", a->tokens[i].key)))
            return 1;
    }
    return 0;
}

/* Negation of the reporting verb itself ("did not say", "hat nicht
 * gesagt", cs "neřekl": a prefix of "negation_prefixes"): a clausal cue at most 3 tokens before verb token v in its
 * clause, or, in packs with "negation_after" (de, is), a negation
 * particle at most 3 tokens after it; never a cue inside the content
 * [cs, ce) (that one negates the claim, content_negated). */
static int verb_negated(fx *x, size_t v, size_t cs, size_t ce)
{
    const story_article *a = x->a;
    size_t s = a->tokens[v].sentence, b = x->sent_tok[s];
    size_t e = x->sent_tok[s + 1], n;
    /* the verb's own prefix: cs "neřekl" */
    if (!story__fx_match(x, "reporting_verbs", v, e, &n) &&
        story__fx_prefix_negated(x, v, "reporting_verbs", NULL))
        return 1;
    for (size_t k = v; k > b && k + 3 >= v; k--) {
        if (story__fx_clause_break_before(x, k))
            break;
        size_t q = k - 1;
        if (a->tokens[q].start >= cs && a->tokens[q].end <= ce)
            continue;
        if (clause_neg_cue(x, q, e, &n) && q + n <= v)
            return 1;
    }
    if (json_is_true(story_langpack_field(x->lp, "negation_after")))
        for (size_t k = v + 1; k < e && k <= v + 3; k++) {
            if (story__fx_clause_break_before(x, k))
                break;
            if (a->tokens[k].start >= cs && a->tokens[k].end <= ce)
                continue;
            if (story_langpack_has(x->lp, "negation_particles",
                                   a->tokens[k].key))
                return 1;
        }
    return 0;
}

/* Push a quote. vtok: the reporting verb's token, or (size_t)-1 (an
 * "according to" cue, reported speech without a verb). Its flags are
 * those of the claim, so that a diff sees "said the bridge was safe" ->
 * "said the bridge was not safe" as a contradicted quote:
 *   negated = verb negated (verb_negated) XOR content negated
 *             (content_negated) XOR the verb is a denial (concept DENY:
 *             "denied the bridge was safe" claims it was not);
 *   hedged  = the verb is hedged (story__fx_hedged) OR the content's main
 *             clause is (content_hedged: "may have caused"). */
static void push_quote(fx *x, size_t s, size_t start, size_t end,
                       size_t cs, size_t ce, long ei, const char *role,
                       const char *verb, int direct, size_t vtok)
{
    story_fact f;
    memset(&f, 0, sizeof f);
    int neg = content_negated(x, cs, ce);
    int hedge = content_hedged(x, cs, ce, direct);
    if (vtok != (size_t)-1) {
        neg ^= verb_negated(x, vtok, cs, ce);
        hedge |= story__fx_hedged(x, x->a->tokens[vtok].sentence, vtok);
    }
    if (verb && strcmp(verb, "DENY") == 0)
        neg ^= 1;
    f.type = STORY_FACT_QUOTE;
    f.sentence = s;
    f.start = start;
    f.end = end;
    f.content_start = cs;
    f.content_end = ce;
    f.direct = direct;
    f.negated = neg;
    f.hedged = hedge;
    f.entity = ei >= 0 ? (long)story__fx_entity_fact(x, ei) : -1;
    /* speaker: entity key, else the source class of a role or group
     * noun, as for attributions ("a spokesman", "ministers" -> OFFICIAL;
     * the concept itself when it has no class), else "?" (unresolved;
     * matched by existence) */
    const char *cls = ei < 0 && role
                          ? story_langpack_map(x->lp, "attribution_classes",
                                               role)
                          : NULL;
    const char *spk = ei >= 0 ? ent_skel(x, ei)
                      : cls   ? cls
                      : role  ? role
                              : "?";
    f.key = story__fx_printf(x, "quote|%s", spk);
    f.slot = story__fx_strdup(x, f.key);
    f.verb = story__fx_strdup(x, verb ? verb : "");
    json_t *o = json_object();
    json_object_set_new(o, "speaker", ei >= 0 || role ? json_string(spk)
                                                      : json_null());
    json_object_set_new(o, "verb", verb ? json_string(verb) : json_null());
    json_object_set_new(o, "direct", json_boolean(direct));
    json_object_set_new(o, "content_start", json_integer((json_int_t)cs));
    json_object_set_new(o, "content_end", json_integer((json_int_t)ce));
    f.value_json = story__fx_json(x, o);
    size_t i = story__fx_push(x, &f);
    if (i != (size_t)-1)
        speech_ix_add_quote(x, i);
}

static void push_attr(fx *x, size_t s, size_t start, size_t end,
                      const char *source, long ei, const char *verb)
{
    story_fact f;
    memset(&f, 0, sizeof f);
    f.type = STORY_FACT_ATTRIBUTION;
    f.sentence = s;
    f.start = start;
    f.end = end;
    f.entity = ei >= 0 ? (long)story__fx_entity_fact(x, ei) : -1;
    /* key: the entity, else the source class of a role concept
     * ("attribution_classes": spokesperson -> OFFICIAL, analyst -> EXPERT),
     * else ANONYMOUS (no source named) */
    const char *cls = NULL;
    if (ei < 0 && source && source[0])
        cls = story_langpack_map(x->lp, "attribution_classes", source);
    const char *kp = ei >= 0 ? source
                     : cls ? cls
                     : source && source[0] ? source
                                           : "ANONYMOUS";
    f.key = story__fx_printf(x, "attribution|%s", kp);
    f.slot = story__fx_strdup(x, f.key);
    f.verb = story__fx_strdup(x, verb ? verb : "");
    const story_sentence *se = &x->a->sentences[s];
    f.content_start = se->start;
    f.content_end = se->end;
    json_t *o = json_object();
    json_object_set_new(o, "source", source && source[0]
                                         ? json_string(source)
                                         : json_null());
    json_object_set_new(o, "class", json_string(ei >= 0 ? "ENTITY" : kp));
    json_object_set_new(o, "verb", verb ? json_string(verb) : json_null());
    f.value_json = story__fx_json(x, o);
    story__fx_push(x, &f);
}

/* A possible source at token i: a source noun of the pack's
 * "attribution_sources" (word -> class: "sources" -> ANONYMOUS, "media" ->
 * MEDIA, "figures" -> DOCUMENT), an entity (its key part), a role concept
 * ("spokesperson", "official", "analyst") or the group noun "officials";
 * other counted nouns ("years", "aircraft") are not sources. */
static const char *source_at(fx *x, size_t i, long *ei)
{
    *ei = -1;
    if (x->tok_ent[i] < 0) {
        const char *cls = story_langpack_map(x->lp, "attribution_sources",
                                             x->a->tokens[i].key);
        if (cls)
            return cls;
        /* a compound whose head is a source noun of 5 letters or more
         * (de "Verteidigungsministerium", "Polizeibehörden"), in packs
         * with "attribution_source_compounds" (session 19, fresh-user 19
         * H2) */
        if (json_is_true(story_langpack_field(
                x->lp, "attribution_source_compounds"))) {
            const char *w = x->a->tokens[i].key, *key;
            size_t wl = strlen(w);
            json_t *v;
            json_object_foreach(
                story_langpack_field(x->lp, "attribution_sources"), key, v) {
                size_t kl = strlen(key);
                if (kl >= 5 && wl >= kl + 3 &&
                    strcmp(w + wl - kl, key) == 0 && json_is_string(v))
                    return json_string_value(v);
            }
        }
        /* zh/ja: the word segmenter splits some source nouns (工程师 ->
         * 工程 | 师, 科学家): the entry over several tokens, exact forms */
        size_t n = 0;
        if (x->cjk &&
            (cls = story__fx_match(x, "attribution_sources", i, x->a->n_tokens,
                                   &n)) != NULL &&
            n > 1)
            return cls;
    }
    const char *p = story__fx_participant(x, i, ei);
    if (!p || *ei >= 0)
        return p;
    size_t n;
    const char *role = story__fx_match(x, "roles", i, x->a->n_tokens, &n);
    /* a title before a name ("Mr Habeck") is that person */
    if (role && i + n < x->a->n_tokens && x->tok_ent[i + n] >= 0 &&
        x->a->tokens[i + n].sentence == x->a->tokens[i].sentence) {
        *ei = x->tok_ent[i + n];
        return ent_skel(x, *ei);
    }
    if (role)
        return role;
    return strcmp(p, "official") == 0 ? p : NULL;
}

/* The noun phrase of a source after an attribution cue at token i (sentence
 * end e): determiners, then 1-4 letter words, neither numbers nor stop or
 * function words, nor a word of an entity (an entity is a source
 * of its own, found by source_at), ended by a clause break or the
 * sentence end (", according to the fire service."), not by another word
 * ("according to the plan drawn up", "according to the office of the
 * commissioner": the translations name such a source in other words, and
 * the WMT24 attribution agreement fell with them); returns the token index
 * after the phrase, else 0. */
static size_t any_source_phrase(fx *x, size_t i, size_t e)
{
    const story_article *a = x->a;
    size_t q = i, words = 0;
    while (q < e && q < i + 3 &&
           story_langpack_has(x->lp, "determiners", a->tokens[q].key))
        q++;
    for (; q < e && words < 4; q++, words++) {
        const story_token *t = &a->tokens[q];
        if ((words > 0 || q > i) && story__fx_clause_break_before(x, q))
            break;
        if (!(t->flags & STORY_TOKEN_LETTER) ||
            (t->flags & STORY_TOKEN_NUMBER) || x->tok_ent[q] >= 0 ||
            story_langpack_has(x->lp, "stopwords", t->key) ||
            story_langpack_has(x->lp, "function_words", t->key))
            break;
    }
    if (words == 0)
        return 0;
    if (q < e && !story__fx_clause_break_before(x, q))
        return 0;
    return q;
}

/* 1 when source src (a role concept or a source class) names people
 * who speak: its class (pack "attribution_classes") or itself is
 * OFFICIAL or EXPERT, not DOCUMENT, MEDIA or ANONYMOUS. */
static int speaker_class(fx *x, const char *src)
{
    const char *cls = story_langpack_map(x->lp, "attribution_classes", src);
    if (!cls)
        cls = src;
    return strcmp(cls, "OFFICIAL") == 0 || strcmp(cls, "EXPERT") == 0;
}

/* A role or group-noun speaker ("a spokesperson said", "officials
 * said") within maxd tokens of reporting verb v, outside quote q: its
 * concept, else NULL. */
static const char *role_near(fx *x, size_t b, size_t e, size_t v,
                             const qspan *q, const story_vec *all,
                             size_t maxd)
{
    long pe;
    for (size_t d = 1; d <= maxd; d++)
        for (int dir = 0; dir < 2; dir++) {
            size_t k;
            if (!near_token(x, b, e, v, d, dir, q, all, &k))
                continue;
            /* "wrote to MEPs and government negotiators": the
             * addressee phrase after a marker holds no speaker */
            int addressee = 0;
            for (size_t j = v + 1; dir == 1 && j < k && !addressee; j++)
                addressee = story_langpack_has(
                    x->lp, "speech_addressee_markers", x->a->tokens[j].key);
            if (addressee)
                continue;
            const char *src = source_at(x, k, &pe);
            if (src && pe < 0)
                return src;
        }
    return NULL;
}

/* The latest person-like entity (not an organisation or place) mentioned
 * before token k, within 400 tokens; -1 when none. */
static long latest_person(fx *x, size_t k)
{
    for (size_t q = k; q-- > 0 && q + 400 > k;) {
        if (x->tok_ent[q] < 0)
            continue;
        story_fact *ef =
            &((story_fact *)
                  x->facts.data)[story__fx_entity_fact(x, x->tok_ent[q])];
        if (strcmp(ef->entity_kind, "organisation") != 0 &&
            strcmp(ef->entity_kind, "place") != 0)
            return x->tok_ent[q];
    }
    return -1;
}

/* 1 when reporting verb k opens its clause: at most one token (an adverb:
 * "Dodala avšak", "Добавил также") between the clause start (sentence
 * start or clause break) and the verb. */
static int verb_opens_clause(const fx *x, size_t k, size_t b)
{
    size_t c = k;
    while (c > b && !story__fx_clause_break_before(x, c))
        c--;
    return k - c <= 1;
}

/* Inverted subject "VERB [det] ROLE … NAME" after a quote ("„…” –
 * powiedziała minister transportu Helena Korr", "dijo la ministra de
 * Transportes, Helena Korr"): after the reporting verb v (and at most 2
 * determiners) a role word; then, within 8 tokens, the name of two or
 * more tokens (not a place) that ends the sentence, reached across at
 * most one comma that the name directly follows. (A name followed by
 * more, "so die Chefin der Behörde, Anna Weber, in einer Mitteilung",
 * is left to the rules below: taking it there made the diff pair two
 * different quotes of that speaker, one negated, as contradicted.) The entity, or -1 (the 1-token "Transportes"
 * is the ministry's name, not the holder's). */
static long role_name_after(fx *x, size_t v, size_t e)
{
    const story_article *a = x->a;
    size_t n = 0, k;
    if (!reporting_verb(x, v, e, &n) || !n)
        return -1;
    k = v + n;
    /* an addressee between the verb and the role: fr "a déclaré aux
     * journalistes la directrice du port, X" (session 17, fresh-user 16
     * M7; es "dijo a los periodistas la directora"): the pack's marker,
     * a determiner, at most 2 words, then a determiner */
    if (k < e && !story__fx_clause_break_before(x, k) &&
        story_langpack_has(x->lp, "speech_addressee_markers",
                           a->tokens[k].key)) {
        size_t j = k + 1, j0;
        if (j < e && !story__fx_clause_break_before(x, j) &&
            story_langpack_has(x->lp, "determiners", a->tokens[j].key))
            j++;
        j0 = j;
        /* the words spoken to may be a name ("declaró a Newsweek el
         * congresista …": session 18) */
        while (j < e && j < j0 + 2 && !story__fx_clause_break_before(x, j) &&
               !x->tok_role[j] &&
               !story_langpack_has(x->lp, "determiners", a->tokens[j].key))
            j++;
        if (j > j0 && j < e && !story__fx_clause_break_before(x, j) &&
            story_langpack_has(x->lp, "determiners", a->tokens[j].key))
            k = j;
    }
    for (int d = 0; d < 2 && k < e && !story__fx_clause_break_before(x, k) &&
                    story_langpack_has(x->lp, "determiners", a->tokens[k].key);
         d++)
        k++;
    if (k >= e || story__fx_clause_break_before(x, k))
        return -1;
    if (!x->tok_role[k] && !story__fx_match(x, "roles", k, e, &n))
        return -1;
    long best = -1;
    int breaks = 0;
    for (size_t j = k + 1; j < e && j < k + 9; j++) {
        if (story__fx_clause_break_before(x, j)) {
            if (++breaks > 1 || x->tok_ent[j] < 0)
                break;
        }
        long en = x->tok_ent[j];
        if (en < 0 || (j > k + 1 && x->tok_ent[j - 1] == en))
            continue;
        size_t r = j;
        while (r + 1 < e && x->tok_ent[r + 1] == en)
            r++;
        if (r > j && !is_place(x, en) && r + 1 >= e)
            best = en;
        j = r;
    }
    return best;
}

/* 1 when bytes [from, to) of t hold no letter or digit (white space,
 * punctuation, dashes only). */
static int no_alnum(const char *t, size_t from, size_t to)
{
    for (size_t p = from; p < to;) {
        if (is_letter_at(t, to, p))
            return 0;
        p++;
        while (p < to && ((unsigned char)t[p] & 0xC0) == 0x80)
            p++;
    }
    return 1;
}

/* The speaker of the latest quote of the paragraph before, carried into
 * a paragraph that is nothing but a quote (direct_quotes). */
typedef struct quote_carry {
    size_t paragraph; /* of the latest quote pushed, (size_t)-1 none */
    size_t sentence;  /* the sentence that quote ends in */
    int last;         /* that sentence is its paragraph's last */
    long ei;          /* its speaker: entity, or -1 */
    const char *role; /* or role/group noun concept, or NULL */
    const char *verb; /* its reporting verb concept, or NULL */
} quote_carry;

/* Does quote q (sentences s0..s1 of paragraph p), which has no speaker
 * and no reporting verb of its own, go on with the words of the latest
 * quote before it (carry)? The news convention of a follow-on quote
 * paragraph: a paragraph that is only a quote, right after a paragraph
 * whose last sentence holds an attributed quote ('"We will not sign,"
 * Senator X said.' then '"We have had months."'). Session 16 (fresh-user
 * 16 M3: the second quote of a speaker had speaker null).
 * Not (tried, session 16): a sentence that is only a quote right after
 * an attributed quote's sentence in the same paragraph. Its speakers were
 * right in English, but bench facts-wmt24's quote agreement fell .9092 ->
 * .8659: an unresolved English quote matches any leftover quote of the
 * translation by existence, so resolving it exposed translation quotes
 * whose own speaker is wrong (an addressee such as "Newsweek", a role
 * class) that it had covered; docs/facts.md. */
static int follows_on(const fx *x, const quote_carry *carry, size_t p,
                      size_t s0, const qspan *q)
{
    const story_article *a = x->a;
    if (carry->paragraph == (size_t)-1 || (carry->ei < 0 && !carry->role) ||
        s0 == 0 || carry->sentence != s0 - 1)
        return 0;
    return carry->paragraph + 1 == p && carry->last &&
           no_alnum(a->text, a->paragraphs[p].start, q->open) &&
           no_alnum(a->text, q->close, a->paragraphs[p].end);
}

/* Direct quotes, one paragraph after another; a quote paragraph without
 * a speaker of its own that follows on an attributed quote (follows_on)
 * takes that quote's speaker and verb concept. */
static void direct_quotes(fx *x, story_vec *quoted_sent)
{
    const story_article *a = x->a;
    story_vec qv;
    quote_carry carry = {(size_t)-1, 0, 0, -1, NULL, NULL};
    story_vec_init(&qv, sizeof(qspan));
    for (size_t p = 0; p < a->n_paragraphs && !x->rc; p++) {
        qv.len = 0;
        find_quotes(x, a->paragraphs[p].start, a->paragraphs[p].end, &qv);
        for (size_t i = 0; i < qv.len; i++) {
            qspan *q = &((qspan *)qv.data)[i];
            size_t s0 = story__fx_sentence_at(x, q->open);
            size_t s1 =
                story__fx_sentence_at(x, q->close > 0 ? q->close - 1 : 0);
            if (!long_enough(x, s0, q))
                continue;
            const char *verb = NULL, *srole = NULL;
            long v = verb_near(x, s0, s1, q, &verb);
            long ei = -1;
            size_t b = x->sent_tok[s0], e = x->sent_tok[s1 + 1];
            /* "Currie sagte:" ending the sentence (or paragraph) before
             * the quote introduces it */
            if (v < 0 && s0 > 0 && q->open <= a->sentences[s0].start + 4 &&
                (v = colon_verb(x, s0 - 1, &verb)) >= 0) {
                b = x->sent_tok[s0 - 1];
                story_vec_push(quoted_sent, &(size_t){s0 - 1});
            }
            if (v >= 0)
                ei = subject_of(x, (size_t)v, q, &qv, &srole);
            if (v >= 0 && ei < 0 && !srole &&
                x->a->tokens[v].start >= q->close)
                ei = role_name_after(x, (size_t)v, e);
            /* a role noun right next to the verb is its subject ("one of
             * Europe's association chiefs says"), not a name further
             * away */
            const char *role = ei < 0 ? srole : NULL;
            if (v >= 0 && ei < 0 && !role)
                role = role_near(x, b, e, (size_t)v, q, &qv, 1);
            if (v >= 0 && ei < 0 && !role)
                ei = speaker_near(x, b, e, (size_t)v, q, &qv, 6);
            if (ei < 0) {
                /* entity right before the opening or after the closing */
                /* first token ending after the opening mark, first token
                 * starting at/after the closing mark */
                size_t before = story__fx_token_after(x, q->open);
                size_t after = story__fx_token_after(x, q->close);
                while (after < e && a->tokens[after].start < q->close)
                    after++;
                if (before < b)
                    before = b;
                if (after > e)
                    after = e;
                /* zh/ja: the word segmenter splits names and organisations
                 * into several tokens ("「…」と米証券取引委員会(SEC)は") */
                size_t win = x->cjk ? 9 : 3;
                for (size_t k = after; k < e && k < after + win && ei < 0;
                     k++)
                    if (x->tok_ent[k] >= 0 && !is_place(x, x->tok_ent[k]) &&
                        !addressee_at(x, k, b))
                        ei = x->tok_ent[k];
                for (size_t k = before; k-- > b && k + 3 >= before && ei < 0;)
                    if (x->tok_ent[k] >= 0 && !is_place(x, x->tok_ent[k]) &&
                        !addressee_at(x, k, b))
                        ei = x->tok_ent[k];
                /* a subject pronoun right before a quoted fragment
                 * ("…, dass sie „derzeit nicht plane“") */
                size_t pn;
                for (size_t k = before; k-- > b && k + 2 >= before && ei < 0;)
                    if (!in_quote(a->tokens[k].start, q, &qv) &&
                        subject_pronoun(x, k, e, &pn))
                        ei = pronoun_speaker(x, k);
            }
            /* pro-drop ("„…“, dodala."): the latest person before */
            if (ei < 0 && v >= 0 &&
                json_is_true(story_langpack_field(x->lp, "pro_drop")) &&
                verb_opens_clause(x, (size_t)v, b))
                ei = latest_person(x, story__fx_token_after(x, q->open));
            if (ei < 0 && v >= 0 && !role)
                role = role_near(x, b, e, (size_t)v, q, &qv, 4);
            if (ei < 0 && !role && v < 0 &&
                follows_on(x, &carry, p, s0, q)) {
                ei = carry.ei;
                role = carry.role;
                verb = carry.verb;
            }
            push_quote(x, s0, q->open, q->close, q->cstart, q->cend, ei, role,
                       verb, 1, v >= 0 ? (size_t)v : (size_t)-1);
            carry.paragraph = p;
            carry.sentence = s1;
            carry.last = s1 + 1 >= a->n_sentences ||
                         a->sentences[s1 + 1].paragraph != p;
            carry.ei = ei;
            carry.role = role;
            carry.verb = verb;
            for (size_t s = s0; s <= s1; s++)
                story_vec_push(quoted_sent, &s);
        }
    }
    story_vec_free(&qv);
}

/* The folded keys of tokens [k, k+n) joined by spaces, in x->tmp
 * (valid until the next use of x->tmp). */
static const char *tokens_key(fx *x, size_t k, size_t n)
{
    x->tmp.len = 0;
    for (size_t i = k; i < k + n; i++) {
        if (i > k)
            story_buf_append(&x->tmp, " ", 1);
        story_buf_append(&x->tmp, x->a->tokens[i].key,
                         strlen(x->a->tokens[i].key));
    }
    return x->tmp.data ? x->tmp.data : "";
}

/* 1 when the gap before token i (after token i-1) holds a colon. */
static int colon_before(const fx *x, size_t i)
{
    const story_article *a = x->a;
    if (i == 0)
        return 0;
    for (size_t p = a->tokens[i - 1].end; p < a->tokens[i].start; p++)
        if (a->text[p] == ':' ||
            (p + 3 <= a->tokens[i].start &&
             memcmp(a->text + p, "\xEF\xBC\x9A", 3) == 0)) /* U+FF1A */
            return 1;
    return 0;
}

/* A bare complement clause (no complementizer) opening at token i,
 * before sentence end e: "denied [the dam was safe]", "has stated [it
 * will not accept]". Token i opens the clause (a word or number that is
 * no finite verb cue and no addressee marker: "told to", "stated to
 * reporters"), and a word of the pack's "finite_verb_cues" (en is, was,
 * will, would, has …) follows within 4 tokens, in the same clause (no
 * clause break, coordinator or complementizer before it): a finite verb
 * with its own subject, which a noun object ("denied the allegations",
 * "rejected the plan and left") lacks. */
static int bare_clause(fx *x, size_t i, size_t e)
{
    const story_article *a = x->a;
    if (!(a->tokens[i].flags & (STORY_TOKEN_LETTER | STORY_TOKEN_NUMBER)) ||
        story__fx_clause_break_before(x, i) ||
        story_langpack_has(x->lp, "finite_verb_cues", a->tokens[i].key) ||
        story_langpack_has(x->lp, "speech_addressee_markers",
                           a->tokens[i].key) ||
        story_langpack_has(x->lp, "speech_complementizers", a->tokens[i].key))
        return 0;
    for (size_t j = i + 1; j < e && j <= i + 4; j++) {
        const char *w = a->tokens[j].key;
        if (story__fx_clause_break_before(x, j) ||
            story_langpack_has(x->lp, "clause_coordinators", w) ||
            story_langpack_has(x->lp, "speech_complementizers", w))
            return 0;
        if (story_langpack_has(x->lp, "finite_verb_cues", w))
            return 1;
    }
    return 0;
}

/* Indirect speech needs reported content, not a noun object ("Lavrov
 * expressed opposition", "rejected applications"): in packs with
 * "speech_complementizers", reporting verb k (n tokens; subject token sk;
 * sentence tokens [b, e)) qualifies when
 *  - a complementizer ("that", "dass", "что", "que") follows within 6
 *    tokens, in its clause or right after a comma ("told Euronews that",
 *    "sagte gegenüber Euronews, dass"),
 *  - a colon follows within 6 tokens ("äußerte sich gegenüber X: „…“"),
 *  - in packs with "speech_comma_clause" (German: "sagte, sie könnten",
 *    "sagte jedoch, der …"), a comma follows within 3 tokens,
 *  - the content comes first: a clause break at most 3 tokens before the
 *    verb, at least 3 tokens into the sentence, and the verb ends its
 *    clause or its subject (token sk) follows it (", he said.", ", said
 *    Smith, head of …"), or
 *  - the verb is in "reporting_bare_verbs" and has words or numbers
 *    after it ("McConnell has said Congress will", "Police said 12
 *    people died"), or
 *  - the verb is in "reporting_clause_verbs" and a bare complement
 *    clause follows it (bare_clause: "Officials denied the dam was
 *    safe", "Russia has stated it will not accept").
 * Packs without the list (verb-final languages) accept every verb. */
static int has_complement(fx *x, size_t k, size_t n, size_t sk, size_t b,
                          size_t e)
{
    const story_article *a = x->a;
    json_t *cl = story_langpack_field(x->lp, "speech_complementizers");
    if (!json_is_array(cl) || json_array_size(cl) == 0)
        return 1;
    int comma_clause =
        json_is_true(story_langpack_field(x->lp, "speech_comma_clause"));
    size_t after = k + n;
    for (size_t i = after; i < e && i < after + 8; i++) {
        int comp = story_langpack_has(x->lp, "speech_complementizers",
                                      a->tokens[i].key);
        if (comp || colon_before(x, i))
            return 1;
        if (story__fx_clause_break_before(x, i)) {
            if (comma_clause && i <= after + 4)
                return 1;
            if (i > after)
                break;
        }
    }
    /* content first: ", he said." / ", said Smith." -- a clause break at
     * most 3 tokens before the verb, and the verb either ends its clause
     * or has its subject after it */
    int ends = after >= e || story__fx_clause_break_before(x, after) || sk > k;
    /* the break may also open the subject's noun phrase, up to 3 tokens
     * before its head (", the foreign ministry said.") */
    size_t lo = k >= 2 ? k - 2 : 0;
    if (sk < k && sk >= 3 && sk - 3 < lo)
        lo = sk - 3;
    for (size_t j = k; ends && j > b + 3 && j >= lo; j--)
        if (story__fx_clause_break_before(x, j))
            return 1;
    /* "Police said 12 people died": a number opens the clause too */
    if (after < e &&
        (a->tokens[after].flags & (STORY_TOKEN_LETTER | STORY_TOKEN_NUMBER)) &&
        story_langpack_has(x->lp, "reporting_bare_verbs",
                           tokens_key(x, k, n)))
        return 1;
    if (after < e &&
        story_langpack_has(x->lp, "reporting_clause_verbs",
                           tokens_key(x, k, n)) &&
        bare_clause(x, after, e))
        return 1;
    /* a verb of "reporting_object_verbs" (confirm, deny) asserts or
     * denies its noun object: "The company denied the layoffs" claims
     * there are none. The object must open right after the verb, in its
     * clause */
    if (after < e && !story__fx_clause_break_before(x, after) &&
        (a->tokens[after].flags & (STORY_TOKEN_LETTER | STORY_TOKEN_NUMBER)) &&
        !story_langpack_has(x->lp, "speech_addressee_markers",
                            a->tokens[after].key) &&
        story_langpack_has(x->lp, "reporting_object_verbs",
                           tokens_key(x, k, n)))
        return 1;
    return 0;
}

/* A capitalised token that was not taken as a name (a sentence-initial
 * single word: "Gensler fügte hinzu, dass") but is the last word of the
 * name of a person named before (not an organisation or place), or that
 * whole name when it is one word ("Kremen" named mid-sentence before):
 * that entity, else -1. */
static long surname_ref(fx *x, size_t k)
{
    return surname_match(x, k, 1);
}

/* surname_ref; with before 0 the person may also be named later in the
 * article ("„…“, sagte Lind auf einer Pressekonferenz." before "Ana
 * Lind sagte, …"). */
static long surname_match(fx *x, size_t k, int before)
{
    const story_token *t = &x->a->tokens[k];
    if (!(t->flags & STORY_TOKEN_CAPITAL) || x->tok_ent[k] >= 0)
        return -1;
    size_t tl = t->end - t->start;
    for (size_t i = 0; i < x->ents.len; i++) {
        const fx_ent *en = &((const fx_ent *)x->ents.data)[i];
        if (!en->name || strcmp(en->kind, "organisation") == 0 ||
            strcmp(en->kind, "place") == 0)
            continue;
        const char *sp = strrchr(en->name, ' ');
        const char *lw = sp ? sp + 1 : en->name;
        if (strlen(lw) == tl &&
            memcmp(lw, x->a->text + t->start, tl) == 0 &&
            x->facts.len > en->first_fact &&
            (!before ||
             ((story_fact *)x->facts.data)[en->first_fact].start < t->start))
            return (long)i;
    }
    return -1;
}

/* Subject of reporting verb k (sentence tokens from b) that follows a
 * clause break, when the sentence opens with a name phrase (after
 * roles, titles and determiners) that ends at a clause break: "Dennis
 * K. Name, co-founder, president and CEO of X, said", "Congressman A B
 * of Kentucky, one of the party's hawks, said", "A B, managing
 * director, who founded the firm with his father, C, said". The name
 * phrase holds only names and name connectors ("of"); its head is the
 * last name that is not a place (np_head). At most 30 tokens between
 * the name and the verb. The entity (*sk its token), or -1; a place is
 * no such subject. */
static long opener_subject(fx *x, size_t k, size_t b, size_t *sk)
{
    const story_article *a = x->a;
    size_t e = x->sent_tok[a->tokens[k].sentence + 1], n;
    size_t p = b;
    while (p < k && p < b + 4 && x->tok_ent[p] < 0 &&
           (x->tok_role[p] ||
            story_langpack_has(x->lp, "determiners", a->tokens[p].key) ||
            story__fx_match(x, "roles", p, e, &n) ||
            story__fx_match(x, "titles", p, e, &n)))
        p++;
    if (p >= k || k > p + 30 || x->tok_ent[p] < 0 ||
        is_place(x, x->tok_ent[p]))
        return -1;
    size_t q = p + 1;
    while (q < k && !story__fx_clause_break_before(x, q)) {
        /* "aus Bayern" with a place the entity stage did not take */
        if (x->tok_ent[q] < 0 && q + 1 < k &&
            (a->tokens[q + 1].flags & STORY_TOKEN_CAPITAL) &&
            !story__fx_clause_break_before(x, q + 1) &&
            story_langpack_has(x->lp, "name_origin_connectors",
                               a->tokens[q].key)) {
            q += 2;
            continue;
        }
        if (x->tok_ent[q] < 0 &&
            !story_langpack_has(x->lp, "name_connectors", a->tokens[q].key) &&
            !story_langpack_has(x->lp, "name_origin_connectors",
                                a->tokens[q].key))
            return -1;
        q++;
    }
    long head = np_head(x, p, k);
    if (head < 0 || is_place(x, head))
        return -1;
    *sk = p;
    for (size_t i = p; i < q; i++)
        if (x->tok_ent[i] == head)
            *sk = i;
    return head;
}

/* Appositive subject of reporting verb k (sentence tokens from b):
 * "Mitch McConnell, the Senate leader, said that" -- the verb follows a
 * clause break, and a name (not a place) ends right before the clause
 * break opening the 2-8 tokens before it. The entity (*sk its token), or
 * -1. */
static long appositive(fx *x, size_t k, size_t b, size_t *sk)
{
    if (k <= b + 2 || !story__fx_clause_break_before(x, k))
        return -1;
    long op = opener_subject(x, k, b, sk);
    if (op >= 0)
        return op;
    for (size_t c = k - 1; c > b && c + 9 > k; c--) {
        if (!story__fx_clause_break_before(x, c))
            continue;
        long ap = x->tok_ent[c - 1];
        if (ap < 0 || is_place(x, ap))
            return -1;
        *sk = c - 1;
        return ap;
    }
    return -1;
}

/* A role noun at token q (the subject of a reporting verb) in apposition
 * to a person named right before it: the role phrase opens after a clause
 * break at most 4 tokens before q, and the token before that break
 * belongs to an entity that is no organisation or place ("Taras X, the
 * country's language ombudsman said"); a source noun of the pack
 * ("attribution_sources": police, officials) is never in apposition.
 * That entity, else -1. */
static long role_apposition(fx *x, size_t q, size_t b)
{
    /* a group or source noun of the pack ("police", "officials", "the
     * council") names no person: "… in Lindau, police said" */
    if (story_langpack_map(x->lp, "attribution_sources",
                           x->a->tokens[q].key))
        return -1;
    size_t c = q;
    while (c > b && q - c < 4 && !story__fx_clause_break_before(x, c))
        c--;
    if (c <= b || !story__fx_clause_break_before(x, c))
        return -1;
    long te = x->tok_ent[c - 1];
    if (te < 0 || is_place(x, te) ||
        strcmp(ent_kind(x, te), "organisation") == 0)
        return -1;
    for (size_t k = c; k < q; k++)
        if (x->tok_ent[k] >= 0)
            return -1;
    return te;
}

/* 1 when token q lies in a date or quantity fact ("Вчера заявил": yesterday). */
static int in_date(fx *x, size_t q)
{
    const story_token *t = &x->a->tokens[q];
    /* facts are in stage order, not sorted: one pass (this runs only
     * for a capitalised word opening a pro-drop reporting clause) */
    for (size_t i = 0; i < x->facts.len; i++) {
        const story_fact *f = &((const story_fact *)x->facts.data)[i];
        if ((f->type == STORY_FACT_DATE || f->type == STORY_FACT_QUANTITY) &&
            f->sentence == t->sentence && f->start <= t->start &&
            f->end >= t->end)
            return 1;
    }
    return 0;
}

/* 1 when token q is a word of the language: a headword of its lexicon
 * (locales/lexicon/<lang>-en.tsv) as written ("Později", "Также",
 * "Luego": adverbs do not inflect; a surname is no headword); 0 when it
 * is none; -1 without a lexicon (uk, pl, it: nothing can be told). */
static int lexicon_word(fx *x, size_t q)
{
    const story__lexicon *lx = NULL;
    const char *const *tr;
    const char *k = x->a->tokens[q].key;
    if (strcmp(x->lang, "en") == 0 ||
        story__lexicon_get(&lx, x->ctx, x->lang, "en", NULL) != 0 || !lx)
        return -1;
    return story__lexicon_lookup(lx, k, strlen(k), &tr) > 0;
}

/* 1 when token q (before reporting verb k) is a capitalised word that no
 * extractor took and that names nobody else: not an entity, no date, no word of
 * the pack's stop/function/pronoun/determiner lists, no source, role or
 * title noun, not written in lower case elsewhere in the article. */
static int unnamed_subject(fx *x, size_t q, size_t k)
{
    const story_token *t = &x->a->tokens[q];
    size_t n, e = x->sent_tok[t->sentence + 1];
    long pe;
    (void)k;
    return x->tok_ent[q] < 0 && !x->tok_role[q] &&
           (t->flags & STORY_TOKEN_LETTER) &&
           (t->flags & STORY_TOKEN_CAPITAL) &&
           !(t->flags & STORY_TOKEN_NUMBER) &&
           !story_langpack_has(x->lp, "stopwords", t->key) &&
           !story_langpack_has(x->lp, "function_words", t->key) &&
           !story_langpack_has(x->lp, "determiners", t->key) &&
           !story__fx_match(x, "pronouns", q, e, &n) &&
           !story__fx_match(x, "roles", q, e, &n) &&
           !story__fx_match(x, "titles", q, e, &n) &&
           !source_at(x, q, &pe) &&
           !json_object_get(x->lower_seen, t->key) && !in_date(x, q);
}

/* Speaker of reporting verb k (n tokens, sentence tokens [b, e)) when no
 * subject precedes it:
 *  - inverted subject after a verb that follows a clause break ("…, sagte
 *    der Abgeordnete X", "…, said Smith", "…, — заявил Лавров"): an entity,
 *    pronoun or role/group noun within 5 tokens after the verb;
 *  - a subject marker of the pack ("speech_subject_markers", hi "ने"):
 *    within 5 tokens before the verb, the entity right before it, else
 *    an anonymous speaker (*anon = 1: "?");
 *  - packs with "pro_drop" (the subject pronoun is omitted: cs "Dodala,
 *    že", ru "Добавил, что", es "Añadió que"): a verb opening its clause
 *    speaks for the latest person mentioned before.
 * Returns the entity index or -1 (*src: role concept, *sk: subject
 * token). */
static long late_subject(fx *x, size_t k, size_t n, size_t b, size_t e,
                         const char **src, size_t *sk, int *anon)
{
    const story_article *a = x->a;
    size_t m;
    /* not across a comma or complementizer right after the verb
     * ("…, uvedl, že celoroční CR": CR is in the content) */
    if (k > b && story__fx_clause_break_before(x, k) &&
        !(k + n < e && story__fx_clause_break_before(x, k + n)))
        for (size_t q = k + n; q < e && q < k + n + 5; q++) {
            if (q > k + n && story__fx_clause_break_before(x, q))
                break;
            if (story_langpack_has(x->lp, "speech_complementizers",
                                   a->tokens[q].key))
                break;
            if (x->tok_ent[q] >= 0) {
                if (story_langpack_has(x->lp, "speech_addressee_markers",
                                       a->tokens[q - 1].key))
                    continue; /* "…, sagte er gegenüber Euronews" */
                *sk = q;
                return np_head(x, q, e);
            }
            if (subject_pronoun(x, q, e, &m)) {
                *sk = q;
                return pronoun_speaker(x, q);
            }
            long pe;
            const char *r = source_at(x, q, &pe);
            if (r) {
                *sk = q;
                if (pe >= 0)
                    return pe; /* "…, warned Mr Habeck" */
                /* the role's holder named right after it ("sagte der
                 * Kongressabgeordnete Matt Rosendale"; a first name the
                 * entity stage left out may come between) */
                for (size_t h = q + 1; h < e && h < q + 4; h++) {
                    if (story__fx_clause_break_before(x, h))
                        break;
                    if (x->tok_ent[h] >= 0) {
                        if (is_place(x, x->tok_ent[h]))
                            break;
                        *sk = h;
                        return np_head(x, h, e);
                    }
                    /* an adjective of the role may come between ("dijo
                     * la ministra regional Anna Keller"), no function
                     * word ("a los periodistas") */
                    if (!(a->tokens[h].flags & STORY_TOKEN_CAPITAL) &&
                        (!(a->tokens[h].flags & STORY_TOKEN_LETTER) ||
                         story_langpack_has(x->lp, "stopwords",
                                            a->tokens[h].key) ||
                         story_langpack_has(x->lp, "function_words",
                                            a->tokens[h].key) ||
                         story_langpack_has(x->lp, "determiners",
                                            a->tokens[h].key) ||
                         story_langpack_has(x->lp, "speech_addressee_markers",
                                            a->tokens[h].key) ||
                         story_langpack_has(x->lp, "speech_complementizers",
                                            a->tokens[h].key)))
                        break;
                }
                *src = r;
                return -1;
            }
        }
    for (size_t q = k; q > b && q + 6 > k; q--) {
        if (q < k && story__fx_clause_break_before(x, q + 1))
            break;
        if (!story_langpack_has(x->lp, "speech_subject_markers",
                                a->tokens[q - 1].key))
            continue;
        *sk = q - 1;
        if (q - 1 > b && x->tok_ent[q - 2] >= 0) {
            *sk = q - 2;
            return x->tok_ent[q - 2];
        }
        *anon = 1;
        return -1;
    }
    /* verb-final packs with a topic/subject particle ("speech_topic_
     * markers", ja "は"/"が": "ミッチ・マコーネル氏は … と述べた"): the
     * entity right before the first such particle of the sentence (a
     * title such as "氏" may come between), when it is no place; only
     * packs that have the markers, and at most SPEECH_TOPIC_SPAN tokens
     * back (a scan from the sentence start per verb was quadratic in a
     * run-on sentence) */
    size_t tq = k > b + 1 + SPEECH_TOPIC_SPAN ? k - SPEECH_TOPIC_SPAN : b + 1;
    if (!story_langpack_field(x->lp, "speech_topic_markers"))
        tq = k;
    for (size_t q = tq; q < k; q++) {
        if (!story_langpack_has(x->lp, "speech_topic_markers",
                                a->tokens[q].key))
            continue;
        for (size_t d = 1; d <= 3 && q >= b + d; d++) {
            long te = x->tok_ent[q - d];
            if (te >= 0 && !is_place(x, te)) {
                *sk = q - d;
                return te;
            }
        }
        break;
    }
    if (json_is_true(story_langpack_field(x->lp, "pro_drop")) &&
        verb_opens_clause(x, k, b)) {
        /* session 18 (fresh-user 17 H1): a capitalised word opening the
         * sentence right before the verb names the speaker even when the
         * entity stage did not take it ("Масси заявил, что": the
         * lexicon reads a common word in it): the surname of a person
         * the article names, before or after ("Томас Масси" later in the
         * text); else, when the language's lexicon does not know the
         * word (an adverb, "Позже заявил", is a headword), the previous
         * sentence's person is not guessed: an unresolved speaker ("?") */
        if (k == b + 1 && unnamed_subject(x, b, k)) {
            long sr = surname_match(x, b, 0);
            if (sr >= 0) {
                *sk = b;
                return sr;
            }
            if (lexicon_word(x, b) == 0) {
                *sk = b;
                *anon = 1;
                return -1;
            }
        }
        long p = latest_person(x, k);
        if (p >= 0)
            *sk = k;
        return p;
    }
    return -1;
}

/* Reported speech without a reporting verb (de Konjunktiv I: "Die
 * Gespräche seien gescheitert. Man werde weiter verhandeln."): a
 * sentence s without quote whose words include a marker of the pack's
 * "reported_speech_markers" (sei, seien, könne, müsse … — not after
 * "ich", where habe/werde are indicative) continues the speech of the
 * latest quote in the 2 sentences before it: an indirect quote with
 * that quote's speaker and verb concept SAY. Nothing without such a
 * quote (a subjunctive alone may be a wish or a condition). */
static void reported_speech(fx *x, size_t s)
{
    const story_article *a = x->a;
    json_t *mk = story_langpack_field(x->lp, "reported_speech_markers");
    if (!json_is_array(mk) || json_array_size(mk) == 0)
        return;
    size_t b = x->sent_tok[s], e = x->sent_tok[s + 1], m = e;
    for (size_t k = b; k < e && m == e; k++)
        if (story_langpack_has(x->lp, "reported_speech_markers",
                               a->tokens[k].key) &&
            !(k > b && strcmp(a->tokens[k - 1].key, "ich") == 0))
            m = k;
    if (m == e)
        return;
    const story_fact *last = latest_quote(x, s, a->sentences[s].start);
    if (!last || last->entity < 0)
        return;
    const story_fact *ef = &((const story_fact *)x->facts.data)[last->entity];
    size_t t = story__fx_token_after(x, ef->start);
    long ei = t < a->n_tokens ? x->tok_ent[t] : -1;
    if (ei < 0)
        return;
    push_quote(x, s, a->sentences[s].start, a->sentences[s].end,
               a->sentences[s].start, a->sentences[s].end, ei, NULL, "SAY",
               0, (size_t)-1);
}

/* The direct quotes of an article, for the lookups of
 * indirect_and_attribution() in time independent of the number of facts
 * (one pass over all facts per sentence made long texts quadratic):
 * their fact indices sorted by start byte, the running maximum of their
 * end bytes in that order, and per sentence whether a direct quote
 * covers it (from quoted_sent) and the first opening byte of the direct
 * quotes of that sentence ((size_t)-1: none). Direct quotes are all
 * pushed before indirect_and_attribution() runs and it adds none. */
typedef struct dq_span {
    size_t start, end, sentence, fact;
} dq_span;

typedef struct direct_index {
    dq_span *by_start; /* sorted by start, then fact index */
    size_t *max_end;   /* max end of by_start[0..i] */
    size_t n;
    unsigned char *quoted; /* per sentence */
    size_t *qopen;         /* per sentence */
} direct_index;

static int dq_cmp(const void *pa, const void *pb)
{
    const dq_span *a = pa, *b = pb;
    if (a->start != b->start)
        return a->start < b->start ? -1 : 1;
    return a->fact < b->fact ? -1 : a->fact > b->fact;
}

static void direct_index_free(direct_index *d)
{
    free(d->by_start);
    free(d->max_end);
    free(d->quoted);
    free(d->qopen);
}

/* 0, or -1 with x->rc set on allocation failure. */
static int direct_index_build(direct_index *d, fx *x,
                              const story_vec *quoted_sent)
{
    size_t ns = x->a->n_sentences;
    memset(d, 0, sizeof *d);
    d->by_start = story__calloc(x->facts.len + 1, sizeof *d->by_start);
    d->max_end = story__calloc(x->facts.len + 1, sizeof *d->max_end);
    d->quoted = story__calloc(ns + 1, 1);
    d->qopen = story__calloc(ns + 1, sizeof *d->qopen);
    if (!d->by_start || !d->max_end || !d->quoted || !d->qopen) {
        direct_index_free(d);
        memset(d, 0, sizeof *d);
        x->rc = STORY_ENOMEM;
        return -1;
    }
    for (size_t s = 0; s < ns; s++)
        d->qopen[s] = (size_t)-1;
    for (size_t i = 0; i < quoted_sent->len; i++) {
        size_t s = ((const size_t *)quoted_sent->data)[i];
        if (s < ns)
            d->quoted[s] = 1;
    }
    const story_fact *f = (const story_fact *)x->facts.data;
    for (size_t i = 0; i < x->facts.len; i++) {
        if (f[i].type != STORY_FACT_QUOTE || !f[i].direct)
            continue;
        d->by_start[d->n++] =
            (dq_span){f[i].start, f[i].end, f[i].sentence, i};
        if (f[i].sentence < ns && f[i].start < d->qopen[f[i].sentence])
            d->qopen[f[i].sentence] = f[i].start;
    }
    qsort(d->by_start, d->n, sizeof *d->by_start, dq_cmp);
    for (size_t k = 0; k < d->n; k++) {
        size_t e = d->by_start[k].end;
        d->max_end[k] = k && d->max_end[k - 1] > e ? d->max_end[k - 1] : e;
    }
    return 0;
}

/* 1 when byte off lies inside a direct quote fact of sentence s or
 * before: the quotes starting at or before off, from the last one back
 * while an earlier one may still reach past off. */
static int in_direct_quote(const direct_index *d, size_t s, size_t off)
{
    size_t lo = 0, hi = d->n; /* first index whose start > off */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (d->by_start[mid].start <= off)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = lo; k-- > 0 && d->max_end[k] > off;)
        if (d->by_start[k].sentence <= s && off < d->by_start[k].end)
            return 1;
    return 0;
}

/* The start of the entity mention of sentence s that holds byte off, or
 * off: a quote's span starts at its speaker's whole name, not inside it
 * (zh "安娜·凯勒表示": the subject token is 勒, the name starts at 安娜). */
static size_t mention_start(const fx *x, size_t s, size_t off)
{
    const fx_speech_ix *ix = x->speech_ix;
    const story_fact *fs = (const story_fact *)x->facts.data;
    if (ix) {
        for (size_t j = s < ix->ns ? ix->ent_first[s] : 0;
             s < ix->ns && j < ix->ent_first[s + 1]; j++) {
            const story_fact *f = &fs[ix->ent_fact[j]];
            if (f->start < off && off < f->end)
                return f->start;
        }
        return off;
    }
    for (size_t i = 0; i < x->facts.len; i++) {
        const story_fact *f = &fs[i];
        if (f->type == STORY_FACT_ENTITY && f->sentence == s &&
            f->start < off && off < f->end)
            return f->start;
    }
    return off;
}

/* Token i has the Snowball stem (story__stem) of an organisation word of
 * the pack's "entity_kinds" (which lists nominative forms: ru
 * "агентству" is агентство), or its stem continues one of 4 or more code
 * points by at most 2 (prefix stemmers: cs "úřadu" is úřad). Asked only
 * after an attribution cue, so the entries are stemmed on each call. */
static int organisation_stem(fx *x, size_t i)
{
    json_t *kinds = story_langpack_field(x->lp, "entity_kinds");
    if (!json_is_object(kinds))
        return 0;
    const char *k = x->a->tokens[i].key;
    story_buf ts = {0}, es = {0};
    int hit = 0;
    if (story__stem(x->ctx, x->lang, k, strlen(k), &ts, NULL) == 0 &&
        ts.data && !ts.oom && ts.len >= 3) {
        const char *w;
        json_t *v;
        json_object_foreach(kinds, w, v)
        {
            if (hit || !json_is_string(v) ||
                strcmp(json_string_value(v), "organisation") != 0 ||
                strchr(w, ' '))
                continue;
            es.len = 0;
            if (story__stem(x->ctx, x->lang, w, strlen(w), &es, NULL) ||
                !es.data || es.oom || es.len > ts.len ||
                memcmp(es.data, ts.data, es.len) != 0)
                continue;
            /* the same stem, or (prefix stemmers, cs "úřadu" / "úřad")
             * a stem of 4 or more code points and an ending of at most 2
             * after it */
            size_t ecp = 0, rest = 0;
            for (size_t q = 0; q < es.len; q++)
                ecp += ((unsigned char)es.data[q] & 0xC0) != 0x80;
            for (size_t q = es.len; q < ts.len; q++)
                rest += ((unsigned char)ts.data[q] & 0xC0) != 0x80;
            hit = rest == 0 || (ecp >= 4 && rest <= 2);
        }
    }
    story_buf_free(&ts);
    story_buf_free(&es);
    return hit;
}

static void indirect_and_attribution(fx *x, const story_vec *quoted_sent)
{
    const story_article *a = x->a;
    int cap_nouns =
        json_is_true(story_langpack_field(x->lp, "capitalised_nouns"));
    direct_index dq;
    if (direct_index_build(&dq, x, quoted_sent))
        return;
    for (size_t s = 0; s < a->n_sentences && !x->rc; s++) {
        size_t b = x->sent_tok[s], e = x->sent_tok[s + 1], n;
        int done_indirect = dq.quoted[s];
        /* a sentence with a direct quote may hold one more speech act
         * before it, with a reporting verb of its own: "Russia has
         * stated it will not accept X and has vowed to "…"" (the quote
         * takes the verb next to it, "vowed"); only in packs with
         * "speech_complementizers" (verb-final zh/ja/hi accept every
         * verb); qopen: the first direct quote's opening byte */
        size_t qopen = done_indirect ? dq.qopen[s] : (size_t)-1;
        int pre_quote = 0; /* the extra speech act was taken */
        /* the source token after an attribution cue: a reporting verb
         * right after it is the same speech act (zh "据警方称", "据议会
         * 表示": according to the police, said), one attribution */
        size_t cue_src = (size_t)-1;
        for (size_t k = b; k < e; k++) {
            const char *cue = story__fx_match(x, "attribution_cues", k, e, &n);
            if (cue) {
                long ei = -1;
                const char *src = NULL;
                size_t start = a->tokens[k].start;
                size_t end = a->tokens[k + n - 1].end;
                /* "per cent", "per year": a strict cue counts only with a
                 * source right after it ("per the FAA") */
                int strict = story_langpack_has(
                    x->lp, "attribution_cues_strict", tokens_key(x, k, n));
                /* a cue of "attribution_cues_after_break" counts only
                 * right after a clause break inside its sentence: de
                 * "…, so der Regionalrat" (says the council), not "So
                 * wurde …" (thus) */
                if (story_langpack_has(x->lp, "attribution_cues_after_break",
                                       tokens_key(x, k, n)) &&
                    (k == b || !story__fx_clause_break_before(x, k))) {
                    k += n - 1;
                    continue;
                }
                /* a cue that ends its clause is another word ("Rufe
                 * wurden laut,": loud) */
                int open =
                    k + n < e && !story__fx_clause_break_before(x, k + n);
                for (size_t q = k + n; open && q < e &&
                                       q < k + n + (strict ? 2 : 5);
                     q++) {
                    if (q > k + n && story__fx_clause_break_before(x, q))
                        break;
                    if ((src = source_at(x, q, &ei))) {
                        end = a->tokens[q].end;
                        cue_src = q;
                        break;
                    }
                }
                /* postpositions ("Experten zufolge", "関係者によると",
                 * "X के अनुसार"): the source before the cue */
                for (size_t d = 1; !src && !strict && d <= 3 && k >= b + d;
                     d++) {
                    if (story__fx_clause_break_before(x, k - d + 1))
                        break;
                    if ((src = source_at(x, k - d, &ei)))
                        start = a->tokens[k - d].start;
                }
                /* a cue of "attribution_cues_any_source" ("according
                 * to", "laut", "по словам") names a source with any noun
                 * phrase after it: "according to the regional emergency
                 * service" is a source of class OTHER */
                size_t np_end = 0;
                if (!src && !strict && open &&
                    story_langpack_has(x->lp, "attribution_cues_any_source",
                                       tokens_key(x, k, n)) &&
                    (np_end = any_source_phrase(x, k + n, e)) > 0) {
                    end = a->tokens[np_end - 1].end;
                    push_attr(x, s, start, end, "OTHER", -1, NULL);
                }
                /* a capitalised word right after the cue (determiners
                 * skipped) that is no entity: a body named in common
                 * words, which the entity rules leave out since
                 * translations translate such names ("согласно
                 * Федеральному агентству …", cs "podle Státního úřadu
                 * …"): a named source, not "согласно закону". Its
                 * speaker stays unresolved (quote|?, matched by
                 * existence). Not where every noun is capitalised (de),
                 * nor in scripts without capitals. */
                int named_body = 0;
                if (!src && !np_end && !strict && open && !cap_nouns) {
                    size_t q = k + n;
                    while (q < e && q < k + n + 3 &&
                           story_langpack_has(x->lp, "determiners",
                                              a->tokens[q].key))
                        q++;
                    const story_token *tq = q < e ? &a->tokens[q] : NULL;
                    named_body =
                        tq && (tq->flags & STORY_TOKEN_LETTER) &&
                        (tq->flags & STORY_TOKEN_CAPITAL) &&
                        !(tq->flags & STORY_TOKEN_NUMBER) &&
                        x->tok_ent[q] < 0 &&
                        (q == k + n || !story__fx_clause_break_before(x, q));
                    /* ... with an organisation word of the pack's
                     * "entity_kinds" among its first 4 words (agency,
                     * office, service): a body that speaks, not a named
                     * law or plan ("согласно Закону о выборах") */
                    int org = 0;
                    for (size_t w = q; named_body && !org && w < e &&
                                       w < q + 4;
                         w++) {
                        size_t m = 0;
                        if (w > q && story__fx_clause_break_before(x, w))
                            break;
                        const char *kc =
                            story__fx_match(x, "entity_kinds", w, e, &m);
                        org = (kc && strcmp(kc, "organisation") == 0) ||
                              organisation_stem(x, w);
                    }
                    named_body = named_body && org;
                    if (named_body) {
                        end = tq->end;
                        push_attr(x, s, start, end, "OTHER", -1, NULL);
                    }
                }
                /* no source, no attribution: "podle návrhu", "según el
                 * tipo", "согласно закону" (pursuant to a law, by type) */
                if (src)
                    push_attr(x, s, start, end, src, ei, NULL);
                if (named_body && !done_indirect) {
                    size_t ce = a->sentences[s].end;
                    push_quote(x, s, a->sentences[s].start, ce,
                               a->sentences[s].start, ce, -1, NULL, "SAY",
                               0, (size_t)-1);
                    done_indirect = 1;
                }
                /* "according to <a person, organisation, official or
                 * expert>" reports what that speaker said, as "X said"
                 * does: also an indirect quote of that speaker, so
                 * "laut Greggs" and "Greggs said" agree */
                if (src && !done_indirect &&
                    (ei >= 0 ? !is_place(x, ei) : speaker_class(x, src))) {
                    size_t ce = a->sentences[s].end;
                    push_quote(x, s, a->sentences[s].start, ce,
                               a->sentences[s].start, ce, ei,
                               ei >= 0 ? NULL : src, "SAY", 0,
                               (size_t)-1);
                    done_indirect = 1;
                }
                k += n - 1;
                continue;
            }
            const char *verb = reporting_verb(x, k, e, &n);
            if (!verb || speaks_language(x, k, n))
                continue;
            /* a participle matched by its stem modifies a noun ("Политики,
             * считающие, что …": politicians who believe), pack
             * "reporting_participle_endings" */
            if (n == 1 &&
                !story_langpack_map(x->lp, "reporting_verbs",
                                    a->tokens[k].key) &&
                story__fx_ends_with(x, "reporting_participle_endings", k, 2))
                continue;
            /* a REPORT verb matched by its stem only is mostly a noun of
             * that stem (es "información", "informes" ~ "informó") */
            if (strcmp(verb, "REPORT") == 0 && n == 1 &&
                !story_langpack_map(x->lp, "reporting_verbs",
                                    a->tokens[k].key))
                continue;
            size_t n_verb = n;
            /* after a determiner it is a noun ("the report", "a warning",
             * "der Bericht"), and so is a capitalised word inside a German
             * sentence ("in einem Bericht") */
            if (k > b && (story_langpack_has(x->lp, "determiners",
                                             a->tokens[k - 1].key) ||
                          (cap_nouns &&
                           (a->tokens[k].flags & STORY_TOKEN_CAPITAL)))) {
                k += n_verb - 1;
                continue;
            }
            /* subject: entity, pronoun or role/group noun before the verb */
            long ei = -1;
            const char *src = NULL;
            size_t sk = k;
            ei = appositive(x, k, b, &sk);
            for (size_t d = 1; ei < 0 && d <= 5 && k >= b + d; d++) {
                size_t q = k - d;
                if (story__fx_clause_break_before(x, q + 1) && d > 1)
                    break;
                /* the words of a direct quote before the verb are no
                 * subject ("…,“ řekl.") */
                if (done_indirect &&
                    in_direct_quote(&dq, s, a->tokens[q].start))
                    break;
                /* "X ने Newsweek को बताया": a name marked as the addressee
                 * by a postposition (pack "speech_addressee_postpositions",
                 * hi को) is no subject */
                if (x->tok_ent[q] >= 0 && addressee_post(x, q, k))
                    continue;
                if (x->tok_ent[q] >= 0) {
                    /* "Thomas Massie of Kentucky said": the head of the
                     * name phrase ending here, not the place after "of" */
                    size_t p = q;
                    while (
                        p > b && !story__fx_clause_break_before(x, p) &&
                        (x->tok_ent[p - 1] >= 0 ||
                         (p - 1 > b && x->tok_ent[p - 2] >= 0 &&
                          !story__fx_clause_break_before(x, p - 1) &&
                          (story_langpack_has(x->lp, "name_connectors",
                                              a->tokens[p - 1].key) ||
                           story_langpack_has(x->lp, "name_origin_connectors",
                                              a->tokens[p - 1].key)))))
                        p--;
                    ei = np_head(x, p, q + 1);
                    /* a country opening its clause speaks for its
                     * government ("Russia has stated it will not",
                     * "The US said"); after a preposition a place is an
                     * adjunct ("in Moscow, …") */
                    if (ei >= 0 && is_place(x, ei) &&
                        !(p == b || story__fx_clause_break_before(x, p) ||
                          story_langpack_has(x->lp, "determiners",
                                             a->tokens[p - 1].key))) {
                        ei = speaker_near(x, b, e, q + 1, NULL, NULL, 1);
                        /* no speaker next to it: the place modifies the
                         * subject's head noun further back ("Міністерство
                         * оборони Росії заперечило": the ministry of
                         * defence of Russia denied; session 19,
                         * fresh-user 19 H2) */
                        if (ei < 0) {
                            d = (size_t)(k - p);
                            continue;
                        }
                    }
                    sk = q;
                    break;
                }
                if (subject_pronoun(x, q, e, &n)) {
                    ei = speaker_near(x, b, e, q + 1, NULL, NULL, 1);
                    sk = q;
                    break;
                }
                if ((ei = org_ref(x, q)) >= 0) {
                    sk = q; /* "The company also said it …" */
                    break;
                }
                long pe;
                if ((src = source_at(x, q, &pe))) {
                    sk = q;
                    /* "Taras X, the country's language ombudsman said":
                     * the role is in apposition to the name before it */
                    long ap = pe < 0 ? role_apposition(x, q, b) : -1;
                    if (ap >= 0) {
                        ei = ap;
                        src = NULL;
                    }
                    break;
                }
                if (q == b && (ei = surname_ref(x, q)) >= 0) {
                    sk = q;
                    break;
                }
            }
            int anon = 0; /* a speaker without a resolvable name */
            if (ei < 0 && !src)
                ei = late_subject(x, k, n_verb, b, e, &src, &sk, &anon);
            /* a speech verb with a speaker needs reported content; a
             * REPORT verb without a source too ("it was reported that",
             * "…, it was reported.", not "reports of delays") */
            int report = strcmp(verb, "REPORT") == 0;
            if (((!report && (ei >= 0 || src || anon)) ||
                 (report && ei < 0 && !src)) &&
                !has_complement(x, k, n_verb, sk, b, e)) {
                k += n_verb - 1;
                continue;
            }
            /* a REPORT verb without a source is impersonal ("it was
             * reported that"); in packs with "passive_auxiliaries" (en)
             * one comes right before it, so "can report on conditions"
             * and "to report that" report nothing */
            if (report && ei < 0 && !src &&
                story_langpack_field(x->lp, "passive_auxiliaries") &&
                !(k > b && story_langpack_has(x->lp, "passive_auxiliaries",
                                              a->tokens[k - 1].key)) &&
                !(k + n_verb < e &&
                  story_langpack_has(x->lp, "passive_auxiliaries",
                                     a->tokens[k + n_verb].key)) &&
                !(k + 1 < e && x->tok_ent[k + 1] >= 0)) {
                k += n_verb - 1;
                continue;
            }
            if ((strcmp(verb, "REPORT") == 0 || (ei < 0 && src)) &&
                !(sk == cue_src && sk + 1 == k)) {
                if (ei < 0 && !src && k + 1 < e && x->tok_ent[k + 1] >= 0)
                    ei = x->tok_ent[k + 1]; /* "reported Reuters" */
                push_attr(x, s, a->tokens[sk < k ? sk : k].start,
                          a->tokens[sk > k ? sk : k].end,
                          ei >= 0 ? ent_skel(x, ei) : src ? src : "", ei,
                          verb);
            }
            int before_quote = 0;
            if (done_indirect && !pre_quote && qopen != (size_t)-1 &&
                json_array_size(story_langpack_field(
                    x->lp, "speech_complementizers")) > 0 &&
                a->tokens[k + n_verb - 1].end < qopen && (ei >= 0 || src)) {
                /* another reporting verb between this one and the quote */
                size_t m;
                for (size_t j = k + n_verb; j < e && !before_quote &&
                                            a->tokens[j].end <= qopen;
                     j++)
                    before_quote = reporting_verb(x, j, e, &m) !=
                                   NULL;
            }
            if (before_quote) {
                /* content: from after the verb to the other verb's
                 * clause, the quote keeps its own sentence */
                push_quote(x, s, a->tokens[sk < k ? sk : k].start, qopen,
                           a->tokens[k + n_verb - 1].end, qopen, ei,
                           ei >= 0 ? NULL : src, verb, 0, k);
                pre_quote = 1;
            }
            if (!done_indirect && (ei >= 0 || src || anon) &&
                strcmp(verb, "REPORT") != 0) {
                size_t first = sk < k ? sk : k;
                size_t fs = mention_start(x, s, a->tokens[first].start);
                size_t cs = k + 1 < e ? a->tokens[k + 1].start
                                      : a->tokens[k].end;
                size_t ce = a->sentences[s].end;
                /* content first ("The plan will fail, he said."): the
                 * content is the sentence up to the speaker's clause */
                /* the clause break may open the subject's noun phrase
                 * (", the foreign ministry said"): up to 3 tokens back */
                /* ... and its name and role words come first (", the
                 * regional minister Anna Keller said": session 18,
                 * fresh-user 17 H2) */
                size_t np = first;
                /* ... when the verb ends its clause within 4 tokens
                 * ("said on Tuesday."; not "However, …, Senate Leader X
                 * has said Congress will need to …") */
                size_t vend = k + n_verb;
                while (vend < e && vend <= k + n_verb + 4 &&
                       !story__fx_clause_break_before(x, vend))
                    vend++;
                while (vend <= k + n_verb + 4 && np > b &&
                       !story__fx_clause_break_before(x, np) &&
                       ((x->tok_ent[first] >= 0 &&
                         x->tok_ent[np - 1] == x->tok_ent[first]) ||
                        x->tok_role[np - 1]))
                    np--;
                size_t open = np;
                while (open > b && open + 3 > np &&
                       !story__fx_clause_break_before(x, open))
                    open--;
                if (open >= b + 3 && story__fx_clause_break_before(x, open)) {
                    fs = a->sentences[s].start;
                    cs = a->sentences[s].start;
                    ce = a->tokens[open - 1].end;
                }
                push_quote(x, s, fs, a->sentences[s].end, cs, ce, ei,
                           ei >= 0 ? NULL : src,
                           verb, 0, k);
                done_indirect = 1;
            }
            /* a verb of several tokens ("a déclaré", "teilte mit") is one
             * speech act: its later tokens are no verb of their own */
            k += n_verb - 1;
        }
        if (!done_indirect)
            reported_speech(x, s);
    }
    direct_index_free(&dq);
}

int story__fx_speech(fx *x)
{
    story_vec quoted;
    story_vec_init(&quoted, sizeof(size_t));
    fx_speech_ix ix;
    if (speech_ix_build(&ix, x))
        return x->rc;
    x->speech_ix = &ix;
    direct_quotes(x, &quoted);
    if (!x->rc)
        indirect_and_attribution(x, &quoted);
    x->speech_ix = NULL;
    speech_ix_free(&ix);
    story_vec_free(&quoted);
    return x->rc;
}
