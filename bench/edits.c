/*
 * bench/run edits: planted edits in real translations (session 17,
 * fresh-user 16 M8). Does `storydiff compare` see one edit made in a
 * translation?
 *
 * Data: $STORYDIFF_CORPUS/articles/wmt24/<story>/{en,xx}.txt, xx one of
 * cs de es hi is ja ru uk zh (17 stories, 153 pairs), read in place. A is
 * en.txt, B the translation.
 *
 * Edits. From each translation B the bench makes edited copies B' with
 * exactly ONE edit each, one copy per edit type and pair where the type
 * applies. Every edit is generated from the tool's own facts of B
 * (story_facts_extract) and the language packs (locales/facts/<xx>.json)
 * or ICU's DateFormatSymbols; no string is written by hand. The candidate
 * of a type is drawn with a fixed seed (splitmix64 of BENCH_SEED, default
 * 17, the story, the language and the type):
 *   number    a quantity fact whose span holds an ASCII digit: its first
 *             digit d becomes d+1 (9 becomes 8).
 *   name      the span of a person, organisation or place entity fact is
 *             replaced by the surface form of an entity fact of the same
 *             kind from another story of the same language, whose key is
 *             no entity key of A or B and whose text occurs in neither.
 *   negation  a token of B that is a verbal negation word of the pack
 *             (`negation_particles`; when no sentence has one, or the
 *             pack has no such list: a one-token `negation_cues` cue) is
 *             deleted with one adjacent space, in a sentence holding a
 *             fact read as negated.
 *   hedge     a token that is a `hedge_evidential` cue of the pack (else a
 *             one-token `hedge_cues` cue) is deleted the same way, in a
 *             sentence holding a fact marked hedged.
 *   speaker   two quote facts of different sentences whose speakers are
 *             persons of different keys, each named in its quote's own
 *             sentence: the two name mentions trade places.
 *   date      a date fact whose span holds a weekday or month name of
 *             ICU's DateFormatSymbols for xx (wide, format or standalone,
 *             as written or capitalised): the name becomes the next
 *             weekday / month of the same set.
 *   drop      one sentence of a paragraph of two or more sentences (not
 *             the first sentence of the text) is deleted with the white
 *             space up to the next sentence.
 * Not made: "negation added" (where a negation goes and how it inflects
 * the verb differs per language: ja/hi conjugate it, cs prefixes it, de
 * puts it after the verb; no general rule from the packs).
 *
 * Judgement. The unedited pair (A, B) and each edited pair (A, B') are
 * compared in-process (story_compare_articles_take, languages given). An
 * entry of the edited diff is NEW when the unedited diff has no entry of
 * the same category, type, A fact key and sentence, and B fact key (as a
 * multiset). The edit's sentences are the B' sentences holding an edited
 * byte (for drop: none) and the A sentences linked to the edited B
 * sentences in the unedited alignment. An edit is
 *   certain     when a NEW certain entry other than `same` (changed,
 *               contradicted, added, omitted) has its B fact in an edited
 *               B' sentence or its A fact in one of those A sentences; or,
 *               at the sentence level, when one of those A sentences is
 *               in an `omitted` or `moved` link of the edited alignment
 *               and was not in the unedited one (counted apart as
 *               `_sentence_only`: `compare --strict` counts such a
 *               sentence, plain `compare` does not);
 *   unverified  else when such a NEW entry exists with certain = 0;
 *   missed      else.
 * NEW certain entries outside the edit's sentences are counted per type
 * (`_elsewhere_count`: edits that also moved something elsewhere).
 *
 * Figures, per type T (number name negation hedge speaker date drop) and
 * over all edits (T = all):
 *   edits_T_count, edits_T_certain_ratio, edits_T_unverified_ratio,
 *   edits_T_missed_ratio, edits_T_sentence_only_count,
 *   edits_T_elsewhere_count, and per language edits_T_<xx>_certain_ratio
 *   (# lines give the counts per language);
 *   edits_unedited_pairs_count, edits_unedited_certain_count (certain
 *   entries other than `same` on the 153 unedited pairs: translator errors
 *   and false alarms together, see scripts/compare-pairs) and
 *   edits_unedited_certain_<category>_count.
 * ARGS: optional language codes to run only those (the figures are then
 * for those languages). EDITS_DUMP=1 prints each edit (the sentence before
 * and after, the verdict and the entries that decided it) on stderr, for
 * checking by hand; EDITS_SAVE=DIR writes each edited copy to
 * DIR/<story>.<xx>.<type>.txt (for `storydiff compare` by hand).
 */
#define _POSIX_C_SOURCE 200809L
#include <ctype.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <unicode/uchar.h>
#include <unicode/udat.h>
#include <unicode/ustring.h>
#include <unicode/utf8.h>

#include "benchsupport.h"
#include "storydiff/storydiff.h"

#define NLANG 9
static const char *const langs[NLANG] = {"cs", "de", "es", "hi", "is",
                                         "ja", "ru", "uk", "zh"};
enum { E_NUMBER, E_NAME, E_NEG, E_HEDGE, E_SPEAKER, E_DATE, E_DROP, NTYPE };
static const char *const tnames[NTYPE] = {"number",  "name", "negation",
                                          "hedge",   "speaker", "date",
                                          "drop"};
enum { V_CERTAIN, V_UNVERIFIED, V_MISSED };

/* one loaded translation */
typedef struct {
    char story[300];
    int lang;
    story_article *a;
    story_factset *fs;
} doc;

/* an edit: up to two replaced byte ranges of B's text (ascending) */
typedef struct {
    int n;
    size_t s[2], e[2];
    char *rep[2];
    long dropped; /* drop: the sentence deleted, else -1 */
} edit;

static uint64_t seed_base = 17;

static uint64_t splitmix(uint64_t *x)
{
    uint64_t z = (*x += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}

static uint64_t rng_for(const char *story, int lang, int type)
{
    uint64_t h = seed_base * 1000003u + (uint64_t)lang * 31u + (uint64_t)type;
    for (const char *p = story; *p; p++)
        h = h * 131u + (unsigned char)*p;
    splitmix(&h);
    return h;
}

static size_t pick(uint64_t *r, size_t n) { return (size_t)(splitmix(r) % n); }

static char *dupn(const char *s, size_t n)
{
    char *d = malloc(n + 1);
    memcpy(d, s, n);
    d[n] = '\0';
    return d;
}

static char *apply(const char *text, size_t len, const edit *ed,
                   size_t *out_len)
{
    size_t cap = len + 1;
    for (int i = 0; i < ed->n; i++)
        cap += strlen(ed->rep[i]);
    char *o = malloc(cap);
    size_t at = 0, pos = 0;
    for (int i = 0; i < ed->n; i++) {
        memcpy(o + at, text + pos, ed->s[i] - pos);
        at += ed->s[i] - pos;
        size_t rl = strlen(ed->rep[i]);
        memcpy(o + at, ed->rep[i], rl);
        at += rl;
        pos = ed->e[i];
    }
    memcpy(o + at, text + pos, len - pos);
    at += len - pos;
    o[at] = '\0';
    *out_len = at;
    return o;
}

static void edit_free(edit *ed)
{
    for (int i = 0; i < ed->n; i++)
        free(ed->rep[i]);
    ed->n = 0;
}

static json_t *packs[NLANG];

static json_t *pack_list(int lang, const char *name)
{
    json_t *v = json_object_get(packs[lang], name);
    return json_is_array(v) ? v : NULL;
}

/* 1 when `cue` (one token, lower case) is in the pack list */
static int in_list(json_t *list, const char *key)
{
    size_t i;
    json_t *v;
    json_array_foreach(list, i, v) {
        const char *c = json_string_value(v);
        if (c && strcmp(c, key) == 0)
            return 1;
    }
    return 0;
}

/* 1 when sentence s holds a fact marked hedged (flag 1) or negated
 * (flag 2) */
static int sentence_has_fact(const doc *d, size_t s, int flag)
{
    for (size_t i = 0; i < d->fs->n_facts; i++)
        if (d->fs->facts[i].sentence == s &&
            ((flag == 1 && d->fs->facts[i].hedged) ||
             (flag == 2 && d->fs->facts[i].negated)))
            return 1;
    return 0;
}

/* delete token t with one adjacent space */
static void delete_token(const doc *d, size_t t, edit *ed)
{
    const char *x = d->a->text;
    size_t s = d->a->tokens[t].start, e = d->a->tokens[t].end;
    if (e < d->a->text_len && x[e] == ' ')
        e++;
    else if (s > 0 && x[s - 1] == ' ')
        s--;
    ed->n = 1;
    ed->s[0] = s;
    ed->e[0] = e;
    ed->rep[0] = dupn("", 0);
}

/* a token whose key is in list1 (else list2), in a sentence holding a
 * fact marked hedged (flag 1) or negated (flag 2) */
static int gen_cue(const doc *d, json_t *list1, json_t *list2, int flag,
                   uint64_t *r, edit *ed)
{
    json_t *lists[2] = {list1, list2};
    for (int l = 0; l < 2; l++) {
        if (!lists[l])
            continue;
        size_t n = 0, *c = malloc(sizeof *c * (d->a->n_tokens + 1));
        for (size_t t = 0; t < d->a->n_tokens; t++)
            if (in_list(lists[l], d->a->tokens[t].key) &&
                sentence_has_fact(d, d->a->tokens[t].sentence, flag))
                c[n++] = t;
        if (n) {
            delete_token(d, c[pick(r, n)], ed);
            free(c);
            return 1;
        }
        free(c);
    }
    return 0;
}

static int gen_number(const doc *d, uint64_t *r, edit *ed)
{
    size_t n = 0, *c = malloc(sizeof *c * (d->fs->n_facts + 1));
    for (size_t i = 0; i < d->fs->n_facts; i++) {
        const story_fact *f = &d->fs->facts[i];
        if (f->type != STORY_FACT_QUANTITY)
            continue;
        for (size_t k = f->start; k < f->end; k++)
            if (isdigit((unsigned char)d->a->text[k])) {
                c[n++] = k;
                break;
            }
    }
    if (!n) {
        free(c);
        return 0;
    }
    size_t k = c[pick(r, n)];
    free(c);
    int dg = d->a->text[k] - '0';
    char rep[2] = {(char)('0' + (dg == 9 ? 8 : dg + 1)), '\0'};
    ed->n = 1;
    ed->s[0] = k;
    ed->e[0] = k + 1;
    ed->rep[0] = dupn(rep, 1);
    return 1;
}

static int named_kind(const story_fact *f)
{
    return f->type == STORY_FACT_ENTITY &&
           (strcmp(f->entity_kind, "person") == 0 ||
            strcmp(f->entity_kind, "organisation") == 0 ||
            strcmp(f->entity_kind, "place") == 0);
}

static int has_entity_key(const story_factset *fs, const char *key)
{
    for (size_t i = 0; i < fs->n_facts; i++)
        if (fs->facts[i].type == STORY_FACT_ENTITY &&
            strcmp(fs->facts[i].key, key) == 0)
            return 1;
    return 0;
}

static int gen_name(const doc *d, const story_factset *fa,
                    const story_article *aa, doc *docs, size_t nd,
                    uint64_t *r, edit *ed)
{
    size_t n = 0, *c = malloc(sizeof *c * (d->fs->n_facts + 1));
    for (size_t i = 0; i < d->fs->n_facts; i++)
        if (named_kind(&d->fs->facts[i]))
            c[n++] = i;
    if (!n) {
        free(c);
        return 0;
    }
    const story_fact *f = &d->fs->facts[c[pick(r, n)]];
    free(c);
    /* the replacements: same kind, another story, same language */
    size_t cap = 64, m = 0;
    char **cand = malloc(sizeof *cand * cap);
    for (size_t j = 0; j < nd; j++) {
        if (docs[j].lang != d->lang || strcmp(docs[j].story, d->story) == 0)
            continue;
        for (size_t i = 0; i < docs[j].fs->n_facts; i++) {
            const story_fact *g = &docs[j].fs->facts[i];
            if (!named_kind(g) || strcmp(g->entity_kind, f->entity_kind))
                continue;
            if (has_entity_key(d->fs, g->key) || has_entity_key(fa, g->key))
                continue;
            char *s = dupn(docs[j].a->text + g->start, g->end - g->start);
            if (strstr(d->a->text, s) || strstr(aa->text, s)) {
                free(s);
                continue;
            }
            if (m == cap)
                cand = realloc(cand, sizeof *cand * (cap *= 2));
            cand[m++] = s;
        }
    }
    if (!m) {
        free(cand);
        return 0;
    }
    size_t k = pick(r, m);
    ed->n = 1;
    ed->s[0] = f->start;
    ed->e[0] = f->end;
    ed->rep[0] = cand[k];
    for (size_t i = 0; i < m; i++)
        if (i != k)
            free(cand[i]);
    free(cand);
    return 1;
}

/* the mention of entity key `key` in sentence s, -1 if none */
static long mention_in(const story_factset *fs, const char *key, size_t s)
{
    for (size_t i = 0; i < fs->n_facts; i++)
        if (fs->facts[i].type == STORY_FACT_ENTITY &&
            fs->facts[i].sentence == s && strcmp(fs->facts[i].key, key) == 0)
            return (long)i;
    return -1;
}

static int gen_speaker(const doc *d, uint64_t *r, edit *ed)
{
    const story_factset *fs = d->fs;
    size_t n = 0, *c = malloc(sizeof *c * (fs->n_facts + 1));
    for (size_t i = 0; i < fs->n_facts; i++) {
        const story_fact *q = &fs->facts[i];
        if (q->type != STORY_FACT_QUOTE || q->entity < 0 ||
            strcmp(fs->facts[q->entity].entity_kind, "person") != 0)
            continue;
        if (mention_in(fs, fs->facts[q->entity].key, q->sentence) >= 0)
            c[n++] = i;
    }
    /* pairs (i, j): different sentences, different speaker keys, neither
     * speaker named in the other's sentence */
    size_t np = 0, *pi = malloc(sizeof *pi * (n * n + 1)),
           *pj = malloc(sizeof *pj * (n * n + 1));
    for (size_t x = 0; x < n; x++)
        for (size_t y = x + 1; y < n; y++) {
            const story_fact *q1 = &fs->facts[c[x]], *q2 = &fs->facts[c[y]];
            const char *k1 = fs->facts[q1->entity].key,
                       *k2 = fs->facts[q2->entity].key;
            if (q1->sentence == q2->sentence || strcmp(k1, k2) == 0 ||
                mention_in(fs, k1, q2->sentence) >= 0 ||
                mention_in(fs, k2, q1->sentence) >= 0)
                continue;
            pi[np] = c[x];
            pj[np++] = c[y];
        }
    int ok = 0;
    if (np) {
        size_t k = pick(r, np);
        const story_fact *q1 = &fs->facts[pi[k]], *q2 = &fs->facts[pj[k]];
        const story_fact *m1 =
            &fs->facts[mention_in(fs, fs->facts[q1->entity].key,
                                  q1->sentence)];
        const story_fact *m2 =
            &fs->facts[mention_in(fs, fs->facts[q2->entity].key,
                                  q2->sentence)];
        ed->n = 2;
        ed->s[0] = m1->start;
        ed->e[0] = m1->end;
        ed->rep[0] = dupn(d->a->text + m2->start, m2->end - m2->start);
        ed->s[1] = m2->start;
        ed->e[1] = m2->end;
        ed->rep[1] = dupn(d->a->text + m1->start, m1->end - m1->start);
        ok = 1;
    }
    free(c);
    free(pi);
    free(pj);
    return ok;
}

/* ICU weekday (1..7) and month (0..11) names of a locale, 4 sets */
typedef struct {
    char *name[4][13];
    int count[4];
} dsyms;

static void load_syms(dsyms *ds, const char *loc)
{
    static const UDateFormatSymbolType t[4] = {
        UDAT_WEEKDAYS, UDAT_STANDALONE_WEEKDAYS, UDAT_MONTHS,
        UDAT_STANDALONE_MONTHS};
    memset(ds, 0, sizeof *ds);
    UErrorCode st = U_ZERO_ERROR;
    UDateFormat *f = udat_open(UDAT_DEFAULT, UDAT_DEFAULT, loc, NULL, 0,
                               NULL, 0, &st);
    if (U_FAILURE(st))
        return;
    for (int s = 0; s < 4; s++) {
        int32_t n = udat_countSymbols(f, t[s]);
        for (int32_t i = 0; i < n && i < 13; i++) {
            UChar u[64];
            char b[256];
            UErrorCode e2 = U_ZERO_ERROR;
            int32_t ul = udat_getSymbols(f, t[s], i, u, 64, &e2);
            int32_t bl = 0;
            if (U_FAILURE(e2))
                continue;
            e2 = U_ZERO_ERROR;
            u_strToUTF8(b, sizeof b, &bl, u, ul, &e2);
            if (U_FAILURE(e2) || bl == 0)
                continue;
            ds->name[s][i] = dupn(b, (size_t)bl);
        }
        ds->count[s] = n < 13 ? n : 13;
    }
    udat_close(f);
}

/* s capitalised (first code point upper-cased), malloc'd */
static char *capital(const char *s)
{
    size_t n = strlen(s);
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(s, i, (int32_t)n, c);
    char *o = malloc(n + 8);
    int32_t at = 0;
    UBool err = 0;
    U8_APPEND(o, at, (int32_t)n + 8, u_toupper(c), err);
    if (err) {
        at = 0;
        i = 0;
    }
    memcpy(o + at, s + i, n - (size_t)i);
    o[at + (int32_t)(n - (size_t)i)] = '\0';
    return o;
}

static int wordch(const char *x, size_t len, size_t at, int before)
{
    UChar32 c;
    if (before) {
        if (at == 0)
            return 0;
        int32_t i = (int32_t)at;
        U8_PREV(x, 0, i, c);
    } else {
        if (at >= len)
            return 0;
        int32_t i = (int32_t)at;
        U8_NEXT(x, i, (int32_t)len, c);
    }
    return c >= 0 && (u_isalnum(c) || u_hasBinaryProperty(c, UCHAR_ALPHABETIC));
}

static int gen_date(const doc *d, const dsyms *ds, uint64_t *r, edit *ed)
{
    const char *x = d->a->text;
    size_t len = d->a->text_len;
    size_t cap = 16, n = 0;
    edit *c = malloc(sizeof *c * cap);
    for (size_t i = 0; i < d->fs->n_facts; i++) {
        const story_fact *f = &d->fs->facts[i];
        if (f->type != STORY_FACT_DATE)
            continue;
        /* the longest name inside the span, at word boundaries */
        size_t bs = 0, be = 0;
        char *best = NULL;
        for (int s = 0; s < 4; s++)
            for (int k = 0; k < ds->count[s]; k++) {
                if (!ds->name[s][k])
                    continue;
                int nk = ds->count[s] == 8 ? (k == 7 ? 1 : k + 1)
                                           : (k + 1) % ds->count[s];
                if (!ds->name[s][nk])
                    continue;
                for (int cap_v = 0; cap_v < 2; cap_v++) {
                    char *w = cap_v ? capital(ds->name[s][k])
                                    : dupn(ds->name[s][k],
                                           strlen(ds->name[s][k]));
                    size_t wl = strlen(w);
                    for (size_t p = f->start; p + wl <= f->end; p++) {
                        if (memcmp(x + p, w, wl) != 0 ||
                            (int)wl <= (int)(be - bs))
                            continue;
                        /* word boundaries, except in scripts without
                         * spaces (Han, kana: any place) */
                        int32_t q = (int32_t)p;
                        UChar32 c0;
                        U8_NEXT(x, q, (int32_t)len, c0);
                        int ideo = u_hasBinaryProperty(c0, UCHAR_IDEOGRAPHIC);
                        if (!ideo && (wordch(x, len, p, 1) ||
                                      wordch(x, len, p + wl, 0)))
                            continue;
                        bs = p;
                        be = p + wl;
                        free(best);
                        best = cap_v ? capital(ds->name[s][nk])
                                     : dupn(ds->name[s][nk],
                                            strlen(ds->name[s][nk]));
                    }
                    free(w);
                }
            }
        if (best) {
            if (n == cap)
                c = realloc(c, sizeof *c * (cap *= 2));
            c[n].n = 1;
            c[n].s[0] = bs;
            c[n].e[0] = be;
            c[n].rep[0] = best;
            c[n].dropped = -1;
            n++;
        }
    }
    int ok = 0;
    if (n) {
        size_t k = pick(r, n);
        *ed = c[k];
        for (size_t i = 0; i < n; i++)
            if (i != k)
                edit_free(&c[i]);
        ok = 1;
    }
    free(c);
    return ok;
}

static int gen_drop(const doc *d, uint64_t *r, edit *ed)
{
    const story_article *a = d->a;
    size_t n = 0, *c = malloc(sizeof *c * (a->n_sentences + 1));
    for (size_t s = 1; s < a->n_sentences; s++) {
        size_t p = a->sentences[s].paragraph;
        int others = (s > 0 && a->sentences[s - 1].paragraph == p) ||
                     (s + 1 < a->n_sentences &&
                      a->sentences[s + 1].paragraph == p);
        if (others)
            c[n++] = s;
    }
    if (!n) {
        free(c);
        return 0;
    }
    size_t s = c[pick(r, n)];
    free(c);
    size_t p = a->sentences[s].paragraph;
    size_t st = a->sentences[s].start, en = a->sentences[s].end;
    if (s + 1 < a->n_sentences && a->sentences[s + 1].paragraph == p)
        en = a->sentences[s + 1].start;
    else
        st = a->sentences[s - 1].end;
    ed->n = 1;
    ed->s[0] = st;
    ed->e[0] = en;
    ed->rep[0] = dupn("", 0);
    ed->dropped = (long)s;
    return 1;
}

static story_comparison *run_compare(story_ctx *ctx, const char *ta,
                                     size_t la, const char *tb, size_t lb,
                                     const char *lang)
{
    story_error err;
    story_article *a = NULL, *b = NULL;
    story_ingest_options io = STORY_INGEST_OPTIONS_INIT;
    io.format = "text";
    if (story_ingest_memory(&a, ctx, "en.txt", ta, la, NULL, &io, &err))
        return NULL;
    if (story_ingest_memory(&b, ctx, "xx.txt", tb, lb, NULL, &io, &err)) {
        story_article_free(a);
        return NULL;
    }
    story_compare_options co = STORY_COMPARE_OPTIONS_INIT;
    co.lang_a = "en";
    co.lang_b = lang;
    story_comparison *c = NULL;
    if (story_compare_articles_take(&c, ctx, a, b, &co, &err)) {
        fprintf(stderr, "edits: compare failed: %s\n", err.message);
        return NULL;
    }
    return c;
}

static void entry_key(const story_comparison *c, const story_diff_entry *e,
                      char *out, size_t size)
{
    const char *ka = e->a >= 0 ? c->fa->facts[e->a].key : "";
    const char *kb = e->b >= 0 ? c->fb->facts[e->b].key : "";
    long sa = e->a >= 0 ? (long)c->fa->facts[e->a].sentence : -1;
    snprintf(out, size, "%d|%d|%s@%ld|%s", (int)e->category, (int)e->type,
             ka, sa, kb);
}

/* A sentences linked (any link holding B sentence in [bs, be]) */
static void a_of_b(const story_alignment *al, const size_t *bsent, int nb,
                   unsigned char *amark, size_t na)
{
    for (size_t i = 0; i < al->n_links; i++) {
        const story_link *l = &al->links[i];
        if (l->n_a == 0 || l->n_b == 0)
            continue;
        for (int k = 0; k < nb; k++)
            if (bsent[k] >= l->b && bsent[k] < l->b + l->n_b)
                for (size_t j = l->a; j < l->a + l->n_a && j < na; j++)
                    amark[j] = 1;
    }
}

/* A sentences in omitted or moved links */
static void a_lost(const story_alignment *al, unsigned char *lost, size_t na)
{
    for (size_t i = 0; i < al->n_links; i++) {
        const story_link *l = &al->links[i];
        if (l->kind != STORY_LINK_OMITTED && l->kind != STORY_LINK_MOVED)
            continue;
        for (size_t j = l->a; j < l->a + l->n_a && j < na; j++)
            lost[j] = 1;
    }
}

static size_t sentence_at(const story_article *a, size_t off)
{
    for (size_t s = 0; s < a->n_sentences; s++)
        if (off < a->sentences[s].end ||
            (s + 1 < a->n_sentences && off < a->sentences[s + 1].start))
            return s;
    return a->n_sentences ? a->n_sentences - 1 : 0;
}

static void print_sentence(const char *tag, const story_article *a,
                           size_t s)
{
    if (s >= a->n_sentences)
        return;
    fprintf(stderr, "  %s s%zu: %.*s\n", tag, s,
            (int)(a->sentences[s].end - a->sentences[s].start),
            a->text + a->sentences[s].start);
}

int main(int argc, char **argv)
{
    story_ctx *ctx = bench_ctx();
    const char *sv = getenv("BENCH_SEED");
    if (sv && *sv)
        seed_base = strtoull(sv, NULL, 10);
    int dump = getenv("EDITS_DUMP") != NULL;
    int use[NLANG];
    for (int l = 0; l < NLANG; l++) {
        use[l] = argc < 2;
        for (int i = 1; i < argc; i++)
            if (strcmp(argv[i], langs[l]) == 0)
                use[l] = 1;
    }
    const char *ld = getenv("STORYDIFF_LOCALES");
    char lpath[4096];
    dsyms syms[NLANG];
    for (int l = 0; l < NLANG; l++) {
        char rel[64];
        snprintf(rel, sizeof rel, "../../locales/facts/%s.json", langs[l]);
        if (ld)
            snprintf(lpath, sizeof lpath, "%s/facts/%s.json", ld, langs[l]);
        else
            bench_data_path(lpath, sizeof lpath, __FILE__, rel);
        json_error_t je;
        packs[l] = json_load_file(lpath, 0, &je);
        if (!packs[l]) {
            fprintf(stderr, "edits: %s: %s\n", lpath, je.text);
            return 2;
        }
        load_syms(&syms[l], langs[l]);
    }
    char *wdir = bench_corpus_path("articles/wmt24");
    struct dirent **ents = NULL;
    int nst = scandir(wdir, &ents, NULL, alphasort);
    if (nst < 0) {
        fprintf(stderr, "edits: %s: cannot read\n", wdir);
        return 2;
    }
    /* pass 1: every translation and every English text, with facts */
    size_t nd = 0;
    doc *docs = calloc((size_t)nst * NLANG + 1, sizeof *docs);
    doc *ens = calloc((size_t)nst + 1, sizeof *ens);
    char **entext = calloc((size_t)nst + 1, sizeof *entext);
    size_t *enlen = calloc((size_t)nst + 1, sizeof *enlen);
    story_ingest_options io = STORY_INGEST_OPTIONS_INIT;
    io.format = "text";
    for (int s = 0; s < nst; s++) {
        const char *st = ents[s]->d_name;
        if (st[0] == '.')
            continue;
        char p[8192];
        snprintf(p, sizeof p, "%s/%s/en.txt", wdir, st);
        entext[s] = bench_read_file(p, &enlen[s]);
        if (!entext[s])
            continue;
        story_error err;
        if (story_ingest_memory(&ens[s].a, ctx, "en.txt", entext[s],
                                enlen[s], NULL, &io, &err) ||
            story_segment(ctx, ens[s].a, "en", &err) ||
            story_facts_extract(&ens[s].fs, ctx, ens[s].a, &err)) {
            fprintf(stderr, "edits: %s: %s\n", p, err.message);
            return 2;
        }
        for (int l = 0; l < NLANG; l++) {
            snprintf(p, sizeof p, "%s/%s/%s.txt", wdir, st, langs[l]);
            size_t len;
            char *t = bench_read_file(p, &len);
            if (!t)
                continue;
            doc *d = &docs[nd];
            snprintf(d->story, sizeof d->story, "%s", st);
            d->lang = l;
            if (story_ingest_memory(&d->a, ctx, "xx.txt", t, len, NULL, &io,
                                    &err) ||
                story_segment(ctx, d->a, langs[l], &err) ||
                story_facts_extract(&d->fs, ctx, d->a, &err)) {
                fprintf(stderr, "edits: %s: %s\n", p, err.message);
                free(t);
                return 2;
            }
            free(t);
            nd++;
        }
    }
    /* pass 2: per pair, the unedited diff and one edit per type */
    double cnt[NTYPE + 1][NLANG + 1][3] = {{{0}}};
    double sent_only[NTYPE + 1] = {0}, elsewhere[NTYPE + 1] = {0};
    double un_pairs = 0, un_cat[5] = {0};
    for (size_t di = 0; di < nd; di++) {
        doc *d = &docs[di];
        if (!use[d->lang])
            continue;
        int si = -1;
        for (int s = 0; s < nst; s++)
            if (strcmp(ents[s]->d_name, d->story) == 0)
                si = s;
        const char *lg = langs[d->lang];
        story_comparison *base =
            run_compare(ctx, entext[si], enlen[si], d->a->text,
                        d->a->text_len, lg);
        if (!base)
            continue;
        if (base->b->text_len != d->a->text_len ||
            memcmp(base->b->text, d->a->text, d->a->text_len) != 0)
            fprintf(stderr, "edits: %s %s: text changed on re-ingest\n",
                    d->story, lg);
        un_pairs++;
        json_t *bkeys = json_object();
        for (size_t i = 0; i < base->diff->n_entries; i++) {
            const story_diff_entry *e = &base->diff->entries[i];
            if (e->certain && e->category != STORY_DIFF_SAME) {
                un_cat[e->category]++;
                if (dump)
                    fprintf(stderr, "UNEDITED %s %s: %s %s: %s\n",
                            d->story, lg,
                            story_diff_category_name(e->category),
                            story_fact_type_name(e->type),
                            e->detail ? e->detail : "");
            }
            char k[2048];
            entry_key(base, e, k, sizeof k);
            json_t *v = json_object_get(bkeys, k);
            json_object_set_new(bkeys, k,
                                json_integer(v ? json_integer_value(v) + 1
                                               : 1));
        }
        size_t na = base->a->n_sentences;
        unsigned char *lost0 = calloc(na + 1, 1);
        a_lost(base->alignment, lost0, na);
        for (int t = 0; t < NTYPE; t++) {
            uint64_t r = rng_for(d->story, d->lang, t);
            edit ed = {0};
            ed.dropped = -1;
            int ok = 0;
            switch (t) {
            case E_NUMBER: ok = gen_number(d, &r, &ed); break;
            case E_NAME:
                ok = gen_name(d, ens[si].fs, ens[si].a, docs, nd, &r, &ed);
                break;
            case E_NEG: {
                ok = gen_cue(d, pack_list(d->lang, "negation_particles"),
                             pack_list(d->lang, "negation_cues"), 2, &r, &ed);
                break;
            }
            case E_HEDGE:
                ok = gen_cue(d, pack_list(d->lang, "hedge_evidential"),
                             pack_list(d->lang, "hedge_cues"), 1, &r, &ed);
                break;
            case E_SPEAKER: ok = gen_speaker(d, &r, &ed); break;
            case E_DATE: ok = gen_date(d, &syms[d->lang], &r, &ed); break;
            case E_DROP: ok = gen_drop(d, &r, &ed); break;
            }
            if (!ok)
                continue;
            size_t elen;
            char *et = apply(d->a->text, d->a->text_len, &ed, &elen);
            const char *save = getenv("EDITS_SAVE");
            if (save && *save) {
                char sp[4096];
                snprintf(sp, sizeof sp, "%s/%s.%s.%s.txt", save, d->story,
                         lg, tnames[t]);
                FILE *o = fopen(sp, "w");
                if (o) {
                    fwrite(et, 1, elen, o);
                    fclose(o);
                }
            }
            story_comparison *c =
                run_compare(ctx, entext[si], enlen[si], et, elen, lg);
            free(et);
            if (!c) {
                edit_free(&ed);
                continue;
            }
            /* the edited B sentences (in B') and the original ones (in B) */
            size_t bsent0[2], bsent1[2];
            int nb = 0;
            long shift = 0;
            for (int i = 0; i < ed.n; i++) {
                bsent0[nb] = sentence_at(d->a, ed.s[i]);
                bsent1[nb] =
                    t == E_DROP
                        ? (size_t)-1
                        : sentence_at(c->b, (size_t)((long)ed.s[i] + shift));
                shift += (long)strlen(ed.rep[i]) - (long)(ed.e[i] - ed.s[i]);
                nb++;
            }
            if (t == E_DROP) /* the dropped sentence itself */
                bsent0[0] = (size_t)ed.dropped;
            unsigned char *amark = calloc(na + 1, 1);
            a_of_b(base->alignment, bsent0, nb, amark, na);
            unsigned char *lost1 = calloc(na + 1, 1);
            a_lost(c->alignment, lost1, na);
            int v = V_MISSED, sentence_level = 0, other = 0;
            for (int pass = 0; pass < 1 + dump; pass++) {
            if (pass == 1) {
                static const char *const vn[3] = {"certain", "unverified",
                                                  "missed"};
                for (size_t j = 0; j < na; j++)
                    if (v != V_CERTAIN && amark[j] && lost1[j] && !lost0[j])
                        sentence_level = 1;
                fprintf(stderr, "EDIT %s %s %s: %s%s%s\n", d->story, lg,
                        tnames[t],
                        vn[sentence_level ? V_CERTAIN : v],
                        sentence_level ? " (sentence)" : "",
                        other ? " +elsewhere" : "");
                for (int q = 0; q < nb; q++) {
                    print_sentence("before", d->a, bsent0[q]);
                    if (t != E_DROP)
                        print_sentence("after ", c->b, bsent1[q]);
                }
                sentence_level = 0;
            }
            json_t *seen = json_object();
            for (size_t i = 0; i < c->diff->n_entries; i++) {
                const story_diff_entry *e = &c->diff->entries[i];
                char k[2048];
                entry_key(c, e, k, sizeof k);
                json_t *bv = json_object_get(bkeys, k);
                json_t *sv2 = json_object_get(seen, k);
                json_int_t used = sv2 ? json_integer_value(sv2) : 0;
                json_object_set_new(seen, k, json_integer(used + 1));
                if (bv && used < json_integer_value(bv))
                    continue; /* as in the unedited diff */
                if (e->category == STORY_DIFF_SAME)
                    continue;
                int at = 0;
                if (e->b >= 0)
                    for (int q = 0; q < nb; q++)
                        if (c->fb->facts[e->b].sentence == bsent1[q])
                            at = 1;
                if (e->a >= 0 && c->fa->facts[e->a].sentence < na &&
                    amark[c->fa->facts[e->a].sentence])
                    at = 1;
                if (pass == 0) {
                    if (at && e->certain)
                        v = V_CERTAIN;
                    else if (at && v == V_MISSED)
                        v = V_UNVERIFIED;
                    else if (!at && e->certain)
                        other = 1;
                } else if (at || e->certain)
                    fprintf(stderr, "    %s%s %s %s: %s\n",
                            at ? "" : "(elsewhere) ",
                            e->certain ? "certain" : "[?]",
                            story_diff_category_name(e->category),
                            story_fact_type_name(e->type),
                            e->detail ? e->detail : "");
            }
            json_decref(seen);
            }
            if (v != V_CERTAIN)
                for (size_t j = 0; j < na; j++)
                    if (amark[j] && lost1[j] && !lost0[j]) {
                        v = V_CERTAIN;
                        sentence_level = 1;
                    }
            cnt[t][d->lang][v]++;
            cnt[t][NLANG][v]++;
            cnt[NTYPE][d->lang][v]++;
            cnt[NTYPE][NLANG][v]++;
            sent_only[t] += sentence_level;
            sent_only[NTYPE] += sentence_level;
            elsewhere[t] += other;
            elsewhere[NTYPE] += other;
            free(amark);
            free(lost1);
            story_comparison_free(c);
            edit_free(&ed);
        }
        free(lost0);
        json_decref(bkeys);
        story_comparison_free(base);
    }
    char name[160];
    for (int t = 0; t <= NTYPE; t++) {
        const char *tn = t < NTYPE ? tnames[t] : "all";
        double *all = cnt[t][NLANG];
        double n = all[0] + all[1] + all[2];
        snprintf(name, sizeof name, "edits_%s_count", tn);
        bench_count(name, n);
        static const char *const vn[3] = {"certain", "unverified", "missed"};
        for (int v = 0; v < 3; v++) {
            snprintf(name, sizeof name, "edits_%s_%s_ratio", tn, vn[v]);
            bench_figure(name, n ? all[v] / n : 0);
        }
        snprintf(name, sizeof name, "edits_%s_sentence_only_count", tn);
        bench_count(name, sent_only[t]);
        snprintf(name, sizeof name, "edits_%s_elsewhere_count", tn);
        bench_count(name, elsewhere[t]);
        printf("# %s per language certain/unverified/missed:", tn);
        for (int l = 0; l < NLANG; l++)
            if (use[l])
                printf(" %s %.0f/%.0f/%.0f", langs[l], cnt[t][l][0],
                       cnt[t][l][1], cnt[t][l][2]);
        printf("\n");
        for (int l = 0; l < NLANG; l++) {
            double m = cnt[t][l][0] + cnt[t][l][1] + cnt[t][l][2];
            if (!use[l] || !m)
                continue;
            snprintf(name, sizeof name, "edits_%s_%s_certain_ratio", tn,
                     langs[l]);
            bench_figure(name, cnt[t][l][0] / m);
        }
    }
    bench_count("edits_unedited_pairs_count", un_pairs);
    bench_count("edits_unedited_certain_count",
                un_cat[1] + un_cat[2] + un_cat[3] + un_cat[4]);
    for (int k = 1; k < 5; k++) {
        snprintf(name, sizeof name, "edits_unedited_certain_%s_count",
                 story_diff_category_name((story_diff_category)k));
        bench_count(name, un_cat[k]);
    }
    for (size_t i = 0; i < nd; i++) {
        story_factset_free(docs[i].fs);
        story_article_free(docs[i].a);
    }
    for (int s = 0; s < nst; s++) {
        story_factset_free(ens[s].fs);
        story_article_free(ens[s].a);
        free(entext[s]);
        free(ents[s]);
    }
    for (int l = 0; l < NLANG; l++) {
        json_decref(packs[l]);
        for (int s = 0; s < 4; s++)
            for (int k = 0; k < 13; k++)
                free(syms[l].name[s][k]);
    }
    free(ents);
    free(docs);
    free(ens);
    free(entext);
    free(enlen);
    free(wdir);
    story_ctx_free(ctx);
    return 0;
}
