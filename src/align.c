/*
 * Stage 5, align: sentence and paragraph alignment, relation detection and
 * the similarity dimensions (see include/storydiff/align.h, docs/align.md).
 *
 * Pipeline: features (similarity.c) -> paragraph and sentence alignment
 * (align_dp.c: banded monotone DP, then order-free matching of leftovers)
 * -> for cross-language pairs, a lexicon bootstrapped from the confident
 * sentence links (hunalign's second pass, Varga et al. 2005) and a second
 * alignment -> relation from coverage, monotonicity, link similarity and
 * fact overlap -> similarity dimensions with the facts behind them.
 */
#include "internal.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "align_dims.h"
#include "align_internal.h"
#include "dates.h"
#include "similarity.h"
#include "translate.h"

const char *story_relation_name(story_relation r)
{
    static const char *n[] = {"translation", "rewrite", "same-story",
                              "different-story", "identical"};
    return (unsigned)r < 5 ? n[r] : "unknown";
}

const char *story_link_kind_name(story_link_kind k)
{
    static const char *n[] = {"match", "moved", "omitted", "added"};
    return (unsigned)k < 4 ? n[k] : "unknown";
}

void story_alignment_free(story_alignment *al)
{
    if (!al)
        return;
    free(al->similarity_json);
    free(al->links);
    free(al->par_links);
    free(al);
}

static story_link *to_links(const sd_link *l, size_t n)
{
    story_link *o = story__calloc(n ? n : 1, sizeof *o);
    if (!o)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        o[i].a = l[i].a;
        o[i].n_a = l[i].na;
        o[i].b = l[i].b;
        o[i].n_b = l[i].nb;
        o[i].score = l[i].score < 0 ? 0 : l[i].score > 1 ? 1 : l[i].score;
        o[i].kind = (story_link_kind)l[i].kind;
    }
    return o;
}

/* ---- relation ---- */

#define PARA_PRIOR 0.6 /* sentence link bonus inside aligned paragraphs */
#define REL_SENT_COVER 0.85 /* translation judged on paragraphs: sentences too */
#define REL_MIN_SIM 0.1 /* least link similarity counted as coverage */
#define REL_MIN_OVERALL 0.32 /* translation and rewrite need this overall */
#define REL_REWRITE_COVER 0.6 /* rewrite below REL_SAME needs this coverage */
#define REL_SAME 0.38 /* rewrite at lower coverage from this anchor score */
#define REL_SAME_OVERALL 0.32 /* same story from this overall similarity */
#define REL_REWRITE_MIN 0.4 /* a rewrite covering less of one side's
                               sentences needs a shown overall >= 0.5 */
/* A translation within one language (two translations of one source)
 * also needs this mean sentence-link similarity: the 17 WMT24 de /
 * de-refB pairs have 0.617-0.763, the 30 SemEval en/en pairs of two
 * outlets at most 0.563 (two of them were "translation" at 0.330 and
 * 0.553; fresh-user 12 L1, session 13; fitted on these pairs). */
#define REL_SAME_LANG_TRANSLATION 0.6

typedef struct rel_stats {
    double cov_a, cov_b;   /* aligned share of characters */
    double moved_frac;     /* moved / aligned links */
    double one_one;        /* 1-1 share of aligned links */
    double mean_sim;       /* mean score of aligned links */
    size_t n_aligned;
} rel_stats;

static int evidenced_match(const sd_link *l)
{
    return l->na && l->nb && l->score >= REL_MIN_SIM &&
           l->kind == STORY_LINK_MATCH;
}

#define REL_GAP_RUN 3 /* longest run of unevidenced links bridged */

/* Walk from link k in direction dir (-1 / +1) over null links and in-order
 * links without evidence (at most REL_GAP_RUN of them); 1 when an
 * evidenced in-order link is reached, or the document edge where both
 * sides end (edge: the first/last link touches unit 0 / the last units). */
static int bridged(const sd_link *l, size_t n, size_t k, int dir, size_t na,
                   size_t nb)
{
    size_t run = 0, last = k;
    for (size_t i = k;;) {
        if (dir < 0 ? i == 0 : i + 1 >= n)
            break;
        i = dir < 0 ? i - 1 : i + 1;
        if (l[i].na == 0 || l[i].nb == 0)
            continue;
        if (evidenced_match(&l[i]))
            return 1;
        if (l[i].kind != STORY_LINK_MATCH || ++run >= REL_GAP_RUN)
            return 0;
        last = i;
    }
    /* reached the edge */
    if (dir < 0)
        return l[last].a == 0 && l[last].b == 0;
    return l[last].a + l[last].na == na && l[last].b + l[last].nb == nb;
}

/* Link k (moved) continues the run of an evidenced moved neighbour in
 * the link order (A order): the units right before or after it on both
 * sides. */
static int moved_run(const sd_link *l, size_t n, size_t k)
{
    for (int dir = -1; dir <= 1; dir += 2) {
        if ((dir < 0 && k == 0) || (dir > 0 && k + 1 >= n))
            continue;
        const sd_link *o = &l[dir < 0 ? k - 1 : k + 1];
        const sd_link *p = dir < 0 ? o : &l[k], *q = dir < 0 ? &l[k] : o;
        if (o->kind == STORY_LINK_MOVED && o->score >= REL_MIN_SIM &&
            p->a + p->na == q->a && p->b + p->nb == q->b)
            return 1;
    }
    return 0;
}

/* Link k is in order, without evidence, between evidenced in-order links
 * (or a document edge) within a short run; or moved, continuing an
 * evidenced moved run (a moved paragraph's sentence the lexicon misses). */
static int sandwiched(const sd_link *l, size_t n, size_t k, size_t na,
                      size_t nb)
{
    if (l[k].kind == STORY_LINK_MOVED)
        return moved_run(l, n, k);
    if (l[k].kind != STORY_LINK_MATCH)
        return 0;
    return bridged(l, n, k, -1, na, nb) && bridged(l, n, k, +1, na, nb);
}

static void rel_stats_of(rel_stats *r, const sd_link *l, size_t n,
                         const sd_side *A, const sd_side *B)
{
    size_t ca = 0, cb = 0, ta = 0, tb = 0, moved = 0, oo = 0;
    double ss = 0;
    memset(r, 0, sizeof *r);
    for (size_t i = 0; i < A->n; i++)
        ta += A->u[i].chars;
    for (size_t j = 0; j < B->n; j++)
        tb += B->u[j].chars;
    for (size_t k = 0; k < n; k++) {
        if (l[k].na == 0 || l[k].nb == 0)
            continue;
        /* links without real evidence do not count, except an in-order
         * link between two evidenced in-order links: a sentence without
         * shared anchors or lexicon words (short, or a language pair with
         * a thin lexicon), in its place between two that are aligned,
         * covers its text (as the gap step of align_dp.c pairs it) */
        if (l[k].score < REL_MIN_SIM) {
            if (sandwiched(l, n, k, A->n, B->n)) {
                for (size_t i = l[k].a; i < l[k].a + l[k].na; i++)
                    ca += A->u[i].chars;
                for (size_t j = l[k].b; j < l[k].b + l[k].nb; j++)
                    cb += B->u[j].chars;
            }
            continue;
        }
        r->n_aligned++;
        for (size_t i = l[k].a; i < l[k].a + l[k].na; i++)
            ca += A->u[i].chars;
        for (size_t j = l[k].b; j < l[k].b + l[k].nb; j++)
            cb += B->u[j].chars;
        if (l[k].kind == STORY_LINK_MOVED)
            moved++;
        if (l[k].na == 1 && l[k].nb == 1)
            oo++;
        ss += l[k].score;
    }
    r->cov_a = ta ? (double)ca / ta : 0;
    r->cov_b = tb ? (double)cb / tb : 0;
    if (r->n_aligned) {
        r->moved_frac = (double)moved / r->n_aligned;
        /* add-one smoothing: in a two-link document one 2-1 link (a
         * headline the segmenter kept apart on one side only) is not a
         * 50% rate */
        r->one_one = (double)(oo + 1) / (double)(r->n_aligned + 1);
        r->mean_sim = ss / r->n_aligned;
    }
}

static double clamp01(double x) { return x < 0 ? 0 : x > 1 ? 1 : x; }

/* Both sides covered >= 85% of their characters, nothing moved, >= 60%
 * of the links 1-1, links clearly similar (mean >= 0.2) and, within one
 * language, not near-identical (mean < 0.8: that is an edit). */
static int translation_like(const rel_stats *s, int cross)
{
    return fmin(s->cov_a, s->cov_b) >= 0.85 && s->moved_frac == 0 &&
           s->one_one >= 0.6 && s->mean_sim >= 0.2 &&
           (cross || s->mean_sim < 0.8);
}

/* Covered like a translation, in any order: both sides >= 85%, >= 60%
 * of the links 1-1, links clearly similar. A translation whose
 * paragraphs were moved (a reordered translation, a rewrite by its
 * relation) is no less the same story. */
static int complete_any_order(const rel_stats *s)
{
    return fmin(s->cov_a, s->cov_b) >= 0.85 && s->one_one >= 0.6 &&
           s->mean_sim >= 0.2;
}

/* Relation rules (docs/align.md), on the links that carry evidence
 * (score >= REL_MIN_SIM) of the paragraph level (>= 3 aligned paragraphs)
 * or else the sentence level:
 *  translation: both sides covered >= 85% (characters), nothing moved,
 *    >= 60% of the links 1-1 (add-one smoothed), and the links clearly
 *    similar
 *    (mean >= 0.2); for a same-language pair, not near-identical (mean <
 *    0.8: that is an edit);
 *  rewrite: at least 40% of one side covered by >= 2 evidenced links;
 *    when less than REL_REWRITE_MIN of the other side's sentences is
 *    covered, also a shown overall >= 0.5 (a short account whose
 *    sentences each find a related one in a long article, in other
 *    words, is independent coverage of the story, not an edit of it);
 *    where the shown overall similarity says "not the same story"
 *    (< 0.5), the confidence is at most 0.5 + shown / 2: the alignment
 *    and the wording disagree (fresh-user finding M6);
 *  both need an anchor score >= REL_MIN_OVERALL (unrelated texts of
 *  one language always share a few words) and, where the lexical score
 *  gates (one language: across languages it measures the lexicon's
 *  coverage as much as the story), an overall similarity >=
 *  REL_SAME_OVERALL;
 *  same story: overall similarity >= REL_SAME_OVERALL; else different
 *  stories. */
static void decide_relation(story_alignment *al, const rel_stats *ss,
                            const rel_stats *ps, int cross, double anc,
                            int lexical_ok, double shown)
{
    /* articles of several paragraphs are judged on their paragraphs
     * (sentence splits differ between languages and sentences carry less
     * evidence); one-paragraph texts on their sentences */
    const rel_stats *s = ps->n_aligned >= 3 ? ps : ss;
    double cmin = fmin(s->cov_a, s->cov_b);
    double cmax = fmax(fmax(s->cov_a, s->cov_b), fmax(ss->cov_a, ss->cov_b));
    /* where the lexical score means something (one language, or a
     * lexicon), a translation or rewrite must also pass it: names and
     * numbers alone let different stories of one outlet or topic pass;
     * across languages with a lexicon, the lexical score also vouches
     * (de-fr: few shared names and numbers, many lexicon words) */
    if (cross && lexical_ok && al->sim_overall > anc)
        anc = al->sim_overall;
    int related = anc >= REL_MIN_OVERALL &&
                  (cross || !lexical_ok ||
                   al->sim_overall >= REL_SAME_OVERALL);
    /* a translation on either level: paragraph breaks are not always
     * translated one to one, while a complete, in-order, 1-1 sentence
     * alignment is a translation however the paragraphs were cut */
    /* judged on paragraphs, a translation also covers its sentences:
     * every paragraph of a rewrite that cut a sentence here and there
     * is still aligned, while a fifth of its sentences are not */
    /* one language: sentence for sentence as close as two translations
     * of one source (REL_SAME_LANG_TRANSLATION) */
    int close = cross || ss->mean_sim >= REL_SAME_LANG_TRANSLATION;
    if (related && close &&
        ((translation_like(s, cross) &&
          (s == ss || fmin(ss->cov_a, ss->cov_b) >= REL_SENT_COVER)) ||
         (s != ss && translation_like(ss, cross)))) {
        double ct = translation_like(s, cross)
                        ? cmin
                        : fmin(ss->cov_a, ss->cov_b);
        al->relation = STORY_REL_TRANSLATION;
        al->relation_confidence = clamp01(0.5 + (ct - 0.85) * 3.3);
        /* a translation into another language is as similar as its
         * anchors and alignment say, however thin the lexicon */
        if (cross && anc > al->sim_overall)
            al->sim_overall = anc;
    } else if (related && s->n_aligned >= 2 && s->mean_sim >= 0.2 &&
               (cmax >= REL_REWRITE_COVER ||
                (cmax >= 0.4 && anc >= REL_SAME)) &&
               !(fmin(ss->cov_a, ss->cov_b) < REL_REWRITE_MIN &&
                 shown < 0.5)) {
        al->relation = STORY_REL_REWRITE;
        al->relation_confidence = clamp01(0.5 + (cmax - 0.4));
        /* a translation with its passages moved: as similar as its
         * anchors say, as the translation above (fresh-user finding M8:
         * shuffled paragraphs took en-zh 1.00 -> 0.22) */
        if (cross && anc > al->sim_overall && complete_any_order(s) &&
            complete_any_order(ss))
            al->sim_overall = anc;
    } else if (al->sim_overall >= REL_SAME_OVERALL) {
        al->relation = STORY_REL_SAME_STORY;
        al->relation_confidence =
            clamp01(0.5 + (al->sim_overall - REL_SAME_OVERALL));
    } else {
        al->relation = STORY_REL_DIFFERENT_STORY;
        al->relation_confidence =
            clamp01(0.5 + (REL_SAME_OVERALL - al->sim_overall));
    }
}

/* A verbatim copy: both articles have the same sentences, byte for
 * byte, each linked 1-1 in order to its twin (fresh-user finding L2). Such
 * a pair is a translation in the relation's sense (B carries all of A,
 * sentence for sentence, in order, nothing edited), not the "rewrite"
 * that the near-identical rule of translation_like() gives an edited
 * copy. */
static int verbatim_copy(const sd_link *l, size_t n, const story_article *a,
                         const story_article *b)
{
    if (n == 0 || n != a->n_sentences || n != b->n_sentences)
        return 0;
    for (size_t k = 0; k < n; k++) {
        if (l[k].kind != STORY_LINK_MATCH || l[k].na != 1 || l[k].nb != 1 ||
            l[k].a != k || l[k].b != k)
            return 0;
        const story_sentence *x = &a->sentences[k], *y = &b->sentences[k];
        if (x->end - x->start != y->end - y->start ||
            memcmp(a->text + x->start, b->text + y->start,
                   x->end - x->start) != 0)
            return 0;
    }
    return 1;
}

/* ---- similarity dimensions ---- */

/* overall = SIM_W_LEXICAL * lexical + (1 - SIM_W_LEXICAL) * anchor score;
 * lexical = weighted terms / headline / lead (sum 1) */
#define SIM_W_TERMS 0.2
#define SIM_W_HEADLINE 0.55
#define SIM_W_LEAD 0.25
#define SIM_W_LEXICAL 0.8

/* A set of keys with fuzzy (name) matching, for one dimension. */
typedef struct keyset {
    story_vec k; /* char* (borrowed or owned: see owned) */
} keyset;

static void keyset_add(keyset *s, const char *k)
{
    char **d = s->k.data;
    for (size_t i = 0; i < s->k.len; i++)
        if (strcmp(d[i], k) == 0)
            return;
    story_vec_push(&s->k, &k);
}

/* Dice of two key sets (fuzzy: story_name_similarity >= 0.86 when fuzzy);
 * fills a JSON object {"score", "shared", "only_a", "only_b"}. */
static double keyset_dice(const keyset *x, const keyset *y, int fuzzy,
                          json_t *obj, double empty_score)
{
    char **a = x->k.data, **b = y->k.data;
    size_t na = x->k.len, nb = y->k.len, ma = 0;
    unsigned char *hb = story__calloc(nb + 1, 1);
    json_t *sh = json_array(), *oa = json_array(), *ob = json_array();
    /* fuzzy matching is quadratic: only for sets of news-article size */
    if ((double)na * (double)nb > 250000.0)
        fuzzy = 0;
    for (size_t i = 0; i < na; i++) {
        int hit = 0;
        for (size_t j = 0; j < nb; j++) {
            const char *p = a[i], *q = b[j];
            int eq = strcmp(p, q) == 0;
            if (!eq && fuzzy && p[0] == q[0])
                eq = story_name_similarity(p, q) >= 0.86;
            if (eq) {
                if (!hit)
                    json_array_append_new(sh, json_string(p));
                hit = 1;
                if (hb)
                    hb[j] = 1;
            }
        }
        if (hit)
            ma++;
        else
            json_array_append_new(oa, json_string(a[i]));
    }
    size_t mb = 0;
    for (size_t j = 0; j < nb; j++) {
        if (hb && hb[j])
            mb++;
        else
            json_array_append_new(ob, json_string(b[j]));
    }
    free(hb);
    double sc = (na + nb) ? (double)(ma + mb) / (double)(na + nb) : empty_score;
    if (obj) {
        json_object_set_new(obj, "score", json_real(sc));
        json_object_set_new(obj, "shared", sh);
        json_object_set_new(obj, "only_a", oa);
        json_object_set_new(obj, "only_b", ob);
    } else {
        json_decref(sh);
        json_decref(oa);
        json_decref(ob);
    }
    return sc;
}

typedef struct pdate {
    int y, m, d; /* 0 = unknown */
} pdate;

/* "YYYY", "YYYY-MM", "YYYY-MM-DD" (a time part is ignored), "--MM-DD",
 * "--MM"; 0 when not a date. */
static int parse_date(const char *s, pdate *o)
{
    memset(o, 0, sizeof *o);
    if (s[0] == '-' && s[1] == '-') {
        if (sscanf(s + 2, "%2d-%2d", &o->m, &o->d) < 1)
            return 0;
    } else if (sscanf(s, "%4d-%2d-%2d", &o->y, &o->m, &o->d) < 1) {
        return 0;
    }
    if (o->m < 0 || o->m > 12 || o->d < 0 || o->d > 31)
        return 0;
    return o->y || o->m;
}

/* Similarity of two dates: exp(-days / 7) when both have a month (a
 * missing year taken from the other, a missing day as the 15th); 1 for
 * the same year given alone on both sides, 0.5 for the same year only on
 * one side, 0 for different years; 0.3 when nothing compares. */
static double date_sim(const pdate *x, const pdate *y)
{
    if (x->y && y->y && x->y != y->y && !(x->m && y->m))
        return 0;
    if (x->m && y->m) {
        long yx = x->y ? x->y : (y->y ? y->y : 2000);
        long yy = y->y ? y->y : yx;
        long dd = labs(story__days_from_civil(yx, x->m, x->d ? x->d : 15) -
                       story__days_from_civil(yy, y->m, y->d ? y->d : 15));
        return exp(-(double)dd / 7.0);
    }
    /* the same year at the same precision ("2023" and "2023") is the
     * same date; a year against a date within it, half */
    if (x->y && y->y)
        return (!x->m && !y->m) ? 1.0 : 0.5;
    return 0.3;
}

/* Mean over both sides of each date's best similarity on the other side;
 * -1 when a side has no date. */
static double dates_score(const keyset *x, const keyset *y,
                          const char *pub_a, const char *pub_b)
{
    pdate *A = story__calloc(x->k.len + 2, sizeof *A);
    pdate *B = story__calloc(y->k.len + 2, sizeof *B);
    size_t na = 0, nb = 0;
    double r = -1;
    if (A && B) {
        char **ka = x->k.data, **kb = y->k.data;
        for (size_t i = 0; i < x->k.len; i++)
            na += parse_date(ka[i], &A[na]);
        for (size_t j = 0; j < y->k.len; j++)
            nb += parse_date(kb[j], &B[nb]);
        /* publication dates are dates of the story too */
        if (pub_a && pub_b) {
            na += parse_date(pub_a, &A[na]);
            nb += parse_date(pub_b, &B[nb]);
        }
    }
    if (na && nb) {
        double s1 = 0, s2 = 0;
        for (size_t i = 0; i < na; i++) {
            double best = 0;
            for (size_t j = 0; j < nb; j++)
                best = fmax(best, date_sim(&A[i], &B[j]));
            s1 += best;
        }
        for (size_t j = 0; j < nb; j++) {
            double best = 0;
            for (size_t i = 0; i < na; i++)
                best = fmax(best, date_sim(&A[i], &B[j]));
            s2 += best;
        }
        r = (s1 / na + s2 / nb) / 2;
    }
    free(A);
    free(B);
    return r;
}

/* Collect the keys of one side for the dimensions. Strings point into the
 * space (feature strings past their "x|" prefix) or the fact set. */
static void collect_dims(const sd_pair *p, const sd_side *S,
                         const story_factset *fs, keyset *ent, keyset *geo,
                         keyset *tim)
{
    int have_ent = 0, have_geo = 0, have_time = 0;
    if (fs)
        for (size_t i = 0; i < fs->n_facts; i++) {
            const story_fact *f = &fs->facts[i];
            if (f->type == STORY_FACT_ENTITY && f->key && f->key[0]) {
                const char *k = f->key;
                const char *bar = strrchr(k, '|');
                k = bar ? bar + 1 : k;
                if (!*k)
                    continue;
                have_ent = 1;
                keyset_add(ent, k);
                if (f->entity_kind && strcmp(f->entity_kind, "place") == 0) {
                    have_geo = 1;
                    keyset_add(geo, k);
                }
            } else if (f->type == STORY_FACT_DATE && f->date_iso &&
                       f->date_iso[0]) {
                have_time = 1;
                keyset_add(tim, f->date_iso);
            }
        }
    for (size_t u = 0; u < S->n; u++)
        for (size_t k = 0; k < S->u[u].nf; k++) {
            const char *s = p->sp.ids.str[S->u[u].f[k]];
            if (!have_ent && s[0] == 'p' && s[1] == '|')
                keyset_add(ent, s + 2);
            if (!have_time && s[0] == 'n' && s[1] == '|' &&
                strlen(s + 2) == 4) {
                int y = atoi(s + 2);
                if (y >= 1900 && y <= 2100)
                    keyset_add(tim, s + 2);
            }
        }
    (void)have_geo;
}

/* Document-level weighted Dice of the features of the kinds in mask. For
 * cross-language pairs, B words are discounted by the share of A's word
 * mass that the lexicons can translate (what could match at all). */
static double doc_dice(sd_pair *p, unsigned mask)
{
    sd_space *sp = &p->sp;
    uint32_t tick = ++sp->tick;
    double totA = 0, totB = 0, mA = 0, mB = 0, wordA = 0, transA = 0;
    for (size_t j = 0; j < p->sb.n; j++)
        for (size_t k = 0; k < p->sb.u[j].nf; k++)
            sp->stamp_b[p->sb.u[j].f[k]] = tick;
    for (size_t i = 0; i < p->sa.n; i++)
        for (size_t k = 0; k < p->sa.u[i].nf; k++) {
            uint32_t f = p->sa.u[i].f[k];
            if (sp->stamp_a[f] == tick || !(mask & (1u << sp->kind[f])))
                continue;
            sp->stamp_a[f] = tick;
            uint32_t np = sp->proj_off[f + 1] - sp->proj_off[f];
            int word = sp->kind[f] == SD_WORD;
            if (word) {
                wordA += sp->wa[f];
                if (np > 1 || !p->cross)
                    transA += sp->wa[f];
            }
            if (word && p->cross && np <= 1 && !sp->match_a[f])
                continue; /* untranslatable: no evidence either way */
            totA += sp->wa[f];
            if (sd_proj_hits(sp, f, tick, &mB))
                mA += sp->wa[f];
        }
    double share = (p->cross && wordA > 0) ? transA / wordA : 1.0;
    tick = ++sp->tick;
    for (size_t j = 0; j < p->sb.n; j++)
        for (size_t k = 0; k < p->sb.u[j].nf; k++) {
            uint32_t g = p->sb.u[j].f[k];
            if (sp->stamp_b[g] == tick || !(mask & (1u << sp->kind[g])))
                continue;
            sp->stamp_b[g] = tick;
            double w = sp->wb[g];
            if (sp->kind[g] == SD_WORD && p->cross && !sp->match_b[g])
                w *= share;
            totB += w;
        }
    double den = totA + totB;
    return den > 0 ? clamp01((mA + mB) / den) : 0;
}

static int dims(story_alignment *al, story_ctx *ctx, sd_pair *p,
                const story_article *a,
                const story_factset *fa, const story_article *b,
                const story_factset *fb, const rel_stats *ps,
                double *anchor_score, int *lexical_used, double *shown_out,
                int *not_article, int copy)
{
    keyset ea, eb, ga, gb, ta, tb;
    keyset *all[] = {&ea, &eb, &ga, &gb, &ta, &tb};
    for (int i = 0; i < 6; i++)
        story_vec_init(&all[i]->k, sizeof(char *));
    collect_dims(p, &p->sa, fa, &ea, &ga, &ta);
    collect_dims(p, &p->sb, fb, &eb, &gb, &tb);
    json_t *root = json_object();
    json_t *je = json_object(), *jg = json_object(), *jt = json_object(),
           *jn = json_object();
    double ent = keyset_dice(&ea, &eb, 1, je, 0);
    double geo = (ga.k.len || gb.k.len) ? keyset_dice(&ga, &gb, 1, jg, 0)
                                        : keyset_dice(&ea, &eb, 1, jg, 0);
    if (!(ga.k.len || gb.k.len))
        json_object_set_new(
            jg, "note",
            json_string("no place facts: overall similarity used"));
    (void)keyset_dice(&ta, &tb, 0, jt, 0.5); /* the lists */
    int have_pub = a->published && b->published &&
                   strlen(a->published) >= 10 && strlen(b->published) >= 10;
    if (have_pub)
        json_object_set_new(
            jt, "published_same_day",
            json_boolean(strncmp(a->published, b->published, 10) == 0));
    double dsc = dates_score(&ta, &tb, have_pub ? a->published : NULL,
                             have_pub ? b->published : NULL);
    sd_lexical lx;
    if (story__sd_lexical_of(&lx, ctx, a, b) != 0) {
        json_decref(root);
        json_decref(je);
        json_decref(jg);
        json_decref(jt);
        json_decref(jn);
        for (int i = 0; i < 6; i++)
            story_vec_free(&all[i]->k);
        return STORY_ENOMEM;
    }
    double words = doc_dice(p, 1u << SD_WORD);
    double anchors = doc_dice(p, (1u << SD_NUMBER) | (1u << SD_NAME) |
                                     (1u << SD_FACT));
    double cov = (ps->cov_a + ps->cov_b) / 2;
    double narr = clamp01(0.5 * words + 0.3 * cov * ps->mean_sim * 2 +
                          0.2 * anchors);
    json_object_set_new(jn, "content_words", json_real(words));
    json_object_set_new(jn, "anchors", json_real(anchors));
    json_object_set_new(jn, "aligned_share", json_real(cov));
    json_object_set_new(jn, "term_cosine", json_real(lx.body));
    json_object_set_new(jn, "headline_in_other", json_real(lx.head_in));
    json_object_set_new(jn, "headline_long_in_other",
                        json_real(lx.head_long));
    json_object_set_new(jn, "lead_cosine", json_real(lx.lead));
    json_object_set_new(jn, "shared_term_pairs", json_real(lx.bigram));
    json_object_set_new(jn, "lexicon",
                        json_string(p->lexicon ? "freedict" : "none"));
    json_object_set_new(jn, "bootstrapped_pairs",
                        json_integer((json_int_t)p->n_boot));
    /* the anchor score: shared anchors (names, numbers, facts), entities,
     * aligned share, and content words only within one language (across
     * languages their Dice depends on the lexicon's coverage, not on the
     * story); it gates translation and rewrite (decide_relation) */
    double wording = p->cross ? sqrt(anchors) : sqrt(words);
    double s_anchor = clamp01(0.4 * sqrt(anchors) + 0.2 * ent + 0.1 * cov +
                              0.3 * wording);
    /* the lexical score: headline terms found in the other article, term
     * cosine, lead cosine (align_dims.h); weights fitted by least squares
     * on the SemEval-2022 Task 8 pairs and checked by 2-fold validation
     * (docs/align.md section 4). Across languages without a lexicon the
     * terms meet only through names, numbers and loan words: there the
     * anchor score alone. */
    double lexical = clamp01(SIM_W_TERMS * lx.body +
                             SIM_W_HEADLINE * lx.head_long +
                             SIM_W_LEAD * lx.lead);
    int lexical_ok = !p->cross || lx.lexicon;
    al->sim_overall =
        lexical_ok ? clamp01(SIM_W_LEXICAL * lexical +
                             (1 - SIM_W_LEXICAL) * s_anchor)
                   : s_anchor;
    /* the dimensions below mix in the overall similarity as shown
     * (calibrated, or neutral for a scraping failure: align_dims.h) */
    double shown =
        story__sd_overall_shown(&lx, s_anchor, lexical_ok, al->sim_overall);
    *shown_out = shown;
    *not_article = lx.not_article;
    /* narrative: the same telling shows in the same headline terms and
     * wording (the lexical features, through the shown overall); the
     * aligned passages and shared anchors add the rest */
    if (lexical_ok)
        narr = clamp01(SIM_W_LEXICAL * shown + (1 - SIM_W_LEXICAL) * narr);
    al->sim_narrative = narr;
    json_object_set_new(jn, "score", json_real(narr));
    /* entities and geography: the Dice of the entity (place) keys, with
     * the overall similarity carrying half, as for time below: entity
     * sets are small and noisy, and two accounts of one story share their
     * people and places; without place facts on either side, geography
     * is the overall similarity alone (docs/align.md section 4) */
    int have_geo = ga.k.len || gb.k.len;
    al->sim_entities = clamp01(0.5 * ent + 0.5 * shown);
    al->sim_geography = clamp01(have_geo ? 0.5 * geo + 0.5 * shown : shown);
    json_object_set_new(je, "dice", json_real(ent));
    json_object_set_new(je, "score", json_real(al->sim_entities));
    json_object_set_new(jg, "dice", json_real(geo));
    json_object_set_new(jg, "score", json_real(al->sim_geography));
    /* time: the dates of both sides compared by distance (and the
     * publication dates when known); the same story is of the same
     * period, so the overall similarity carries half (all of it when a
     * side has no date) */
    double tim = dsc >= 0 ? 0.5 * dsc + 0.5 * shown : shown;
    al->sim_time = clamp01(tim);
    json_object_set_new(jt, "score", json_real(al->sim_time));
    json_object_set_new(jt, "dates", dsc >= 0 ? json_real(dsc) : json_null());
    *anchor_score = s_anchor;
    *lexical_used = lexical_ok;
    json_t *jo = json_object();
    json_object_set_new(jo, "lexical",
                        lexical_ok ? json_real(lexical) : json_null());
    json_object_set_new(jo, "anchor_score", json_real(s_anchor));
    json_object_set_new(jo, "raw", json_real(al->sim_overall));
    json_object_set_new(jo, "not_article", json_boolean(lx.not_article));
    json_object_set_new(jo, "verbatim_copy", json_boolean(copy));
    json_object_set_new(root, "overall", jo);
    json_object_set_new(root, "entities", je);
    json_object_set_new(root, "geography", jg);
    json_object_set_new(root, "time", jt);
    json_object_set_new(root, "narrative", jn);
    char *txt = json_dumps(root, JSON_COMPACT | JSON_REAL_PRECISION(4));
    json_decref(root);
    for (int i = 0; i < 6; i++)
        story_vec_free(&all[i]->k);
    if (!txt)
        return STORY_ENOMEM;
    al->similarity_json = story__strdup(txt);
    free(txt);
    return al->similarity_json ? 0 : STORY_ENOMEM;
}

static double len_ratio(const sd_pair *p)
{
    return p->chars_a ? (double)(p->chars_b ? p->chars_b : 1) / p->chars_a
                      : 1.0;
}

/* One alignment of a to b (story_align runs it in both directions). */
static int align_once(story_alignment **out, story_ctx *ctx,
                      const story_article *a, const story_factset *fa,
                      const story_article *b, const story_factset *fb,
                      const story_align_options *opts, long timeout_ms,
                      story_error *err)
{
    if (out)
        *out = NULL;
    if (!out || !ctx || !a || !b)
        return story__error(err, STORY_EINVAL, NULL, -1,
                            "story_align: NULL argument");
    if (opts && story__opts_version(opts->version, STORY_ALIGN_OPTIONS_VERSION,
                                    "story_align", err))
        return STORY_EINVAL;
    if ((a->n_paragraphs && !a->sentences) ||
        (b->n_paragraphs && !b->sentences))
        return story__error(err, STORY_EINVAL,
                            !a->sentences ? a->source : b->source, -1,
                            "article is not segmented (story_segment first)");
    story_align_options defo = STORY_ALIGN_OPTIONS_INIT;
    if (!opts)
        opts = &defo;
    if (opts->relation < -1 || opts->relation > STORY_REL_DIFFERENT_STORY)
        return story__error(err, STORY_EINVAL, NULL, -1,
                            "invalid relation option %d", opts->relation);
    char **trans = NULL;
    int rc = 0;
    if (opts->translate && opts->translate[0]) {
        rc = story__translate_sentences(&trans, ctx, opts->translate, b,
                                        b->lang, a->lang, timeout_ms, err);
        if (rc != 0)
            return rc;
    }
    sd_pair p;
    rc = story__sd_pair_build(&p, ctx, a, fa, b, fb, trans, err);
    story__translate_free(trans, b->n_sentences);
    story_alignment *al = NULL;
    sd_link *sl = NULL, *pl = NULL;
    size_t nsl = 0, npl = 0;
    if (rc != 0)
        goto done;
    al = story__calloc(1, sizeof *al);
    if (!al)
        goto oom;
    double ratio = len_ratio(&p);
    int reorder = opts->relation != STORY_REL_TRANSLATION;
    int single = a->n_paragraphs <= 1 && b->n_paragraphs <= 1;
    /* parts are split off only in the final sentence pass: the first
     * pass feeds the bootstrapped lexicon, which learns more from the
     * multi-unit links (paragraphs en-is 0.960 -> 0.943 otherwise) */
    if (story__sd_align_units(&sl, &nsl, &p.sp, &p.sa, &p.sb, ratio,
                              reorder | (single ? SD_SENTENCES : 0), NULL) != 0)
        goto oom;
    if (p.cross) {
        /* the lexicon learned from the first pass (paragraph co-occurrence
         * was tried too: too coarse for short articles) */
        if (story__sd_pair_bootstrap(&p, sl, nsl, 0.25, 0) < 0)
            goto oom;
    }
    if (story__sd_align_units(&pl, &npl, &p.sp, &p.pa, &p.pb, ratio,
                              reorder | SD_PARAGRAPHS, NULL) != 0)
        goto oom;
    /* second sentence pass, favouring sentences of aligned paragraphs */
    if (!single) {
        size_t *ga = story__malloc((a->n_sentences + 1) * sizeof *ga);
        size_t *gb = story__malloc((b->n_sentences + 1) * sizeof *gb);
        size_t *pa = story__malloc((a->n_paragraphs + 1) * sizeof *pa);
        size_t *pb = story__malloc((b->n_paragraphs + 1) * sizeof *pb);
        int ok = ga && gb && pa && pb;
        if (ok) {
            for (size_t i = 0; i < a->n_paragraphs; i++)
                pa[i] = SIZE_MAX;
            for (size_t j = 0; j < b->n_paragraphs; j++)
                pb[j] = SIZE_MAX;
            for (size_t k = 0; k < npl; k++) {
                if (!pl[k].na || !pl[k].nb)
                    continue;
                for (size_t i = pl[k].a; i < pl[k].a + pl[k].na; i++)
                    pa[i] = k;
                for (size_t j = pl[k].b; j < pl[k].b + pl[k].nb; j++)
                    pb[j] = k;
            }
            for (size_t i = 0; i < a->n_sentences; i++)
                ga[i] = pa[a->sentences[i].paragraph];
            for (size_t j = 0; j < b->n_sentences; j++)
                gb[j] = pb[b->sentences[j].paragraph];
            sd_prior pr = {ga, gb, PARA_PRIOR};
            free(sl);
            sl = NULL;
            ok = story__sd_align_units(&sl, &nsl, &p.sp, &p.sa, &p.sb, ratio,
                                       reorder | SD_SENTENCES, &pr) == 0;
        }
        free(ga);
        free(gb);
        free(pa);
        free(pb);
        if (!ok)
            goto oom;
    }
    rel_stats ss, ps;
    rel_stats_of(&ss, sl, nsl, &p.sa, &p.sb);
    rel_stats_of(&ps, pl, npl, &p.pa, &p.pb);
    double s_anchor = 0, shown = 0;
    int lexical_ok = 0, not_article = 0;
    int copy = !p.cross && verbatim_copy(sl, nsl, a, b);
    rc = dims(al, ctx, &p, a, fa, b, fb, &ps, &s_anchor, &lexical_ok,
              &shown, &not_article, copy);
    if (rc != 0)
        goto oom;
    double raw = al->sim_overall;
    decide_relation(al, &ss, &ps, p.cross, s_anchor, lexical_ok, shown);
    /* a verbatim copy is its own kind (session 14, fresh-user 13 L13:
     * "translation" read as another language; session 8 L2: "rewrite"
     * read as edited) */
    if (copy) {
        al->relation = STORY_REL_IDENTICAL;
        al->relation_confidence = 1.0;
    }
    /* the relation rules read the raw overall; the report shows it
     * calibrated (align_dims.h), raised with the raw score when a
     * translation across languages raised that to its anchor score */
    if (al->sim_overall > raw)
        shown = fmax(shown, story__sd_calibrate(al->sim_overall, not_article));
    al->sim_overall = shown;
    /* a rewrite whose shown overall says "not the same story": the
     * alignment and the wording disagree, the label is uncertain
     * (fresh-user finding M6) */
    if (al->relation == STORY_REL_REWRITE && shown < 0.5)
        al->relation_confidence =
            fmin(al->relation_confidence, 0.5 + shown / 2);
    if (opts->relation >= 0) {
        al->relation = (story_relation)opts->relation;
        al->relation_confidence = 1.0;
    }
    /* the labels users see: a link is moved when it is out of order with
     * the links around it on its own level (story__sd_order_labels), not by its
     * paragraph's label (session 9: in-order sentences of a paragraph
     * link judged moved were shown moved); run after the relation is
     * decided, which reads the passes' own labels */
    if (story__sd_order_labels(pl, npl, &p.pa, &p.pb) != 0 ||
        story__sd_order_labels(sl, nsl, &p.sa, &p.sb) != 0)
        goto oom;
    al->links = to_links(sl, nsl);
    al->par_links = to_links(pl, npl);
    if (!al->links || !al->par_links)
        goto oom;
    al->n_links = nsl;
    al->n_par_links = npl;
    *out = al;
    al = NULL;
    goto done;
oom:
    rc = story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
done:
    free(sl);
    free(pl);
    story_alignment_free(al);
    story__sd_pair_free(&p);
    return rc;
}

/* ---- direction (fresh-user 13 H14) ----
 * The passes are not symmetric: the DP's length rewards, the order-free
 * matching of leftovers, the bootstrapped lexicon and several similarity
 * features read A and B differently, so compare(A, B) and compare(B, A)
 * gave different links, relation and overall similarity (9 of 132 real
 * pairs had different fact counts). With opts->symmetric (the CLI's
 * --symmetric) story_align runs both directions,
 * keeps the run whose sentence links carry more evidence (a symmetric
 * criterion: each run is scored on its own links, so both calls see the
 * same two candidates with the same scores) and mirrors it when it was the
 * B-to-A run. A tie takes the run that starts from the article ordered
 * first by article_order(). */

/* Total order of two articles: language, then text bytes. 0 only for the
 * same language and text, whose two runs are one. */
static int article_order(const story_article *a, const story_article *b)
{
    int c = strcmp(a->lang ? a->lang : "", b->lang ? b->lang : "");
    if (c)
        return c < 0 ? -1 : 1;
    size_t n = a->text_len < b->text_len ? a->text_len : b->text_len;
    c = n ? memcmp(a->text, b->text, n) : 0;
    if (c)
        return c < 0 ? -1 : 1;
    return a->text_len < b->text_len ? -1 : a->text_len > b->text_len;
}

static size_t sent_bytes(const story_article *x, size_t i, size_t n)
{
    size_t c = 0;
    for (size_t k = i; k < i + n && k < x->n_sentences; k++)
        c += x->sentences[k].end - x->sentences[k].start;
    return c;
}

/* Evidence of a run: link similarity times the bytes it joins, summed
 * over the sentence links (paragraph links as the smaller second term). */
static double align_evidence(const story_alignment *al,
                             const story_article *a, const story_article *b)
{
    double s = 0, p = 0;
    for (size_t k = 0; k < al->n_links; k++) {
        const story_link *l = &al->links[k];
        if (l->n_a && l->n_b)
            s += l->score * (double)(sent_bytes(a, l->a, l->n_a) +
                                     sent_bytes(b, l->b, l->n_b));
    }
    for (size_t k = 0; k < al->n_par_links; k++)
        if (al->par_links[k].n_a && al->par_links[k].n_b)
            p += al->par_links[k].score;
    return s + 1e-3 * p;
}

/* Sort key of a mirrored link: links with A units by their first A unit;
 * B-only (added) links right after the link that precedes them in B
 * (align.h), or first when none does. */
typedef struct mir_key {
    size_t a;
    int rank;
    size_t b;
    story_link l;
} mir_key;

static int mir_cmp(const void *x, const void *y)
{
    const mir_key *p = x, *q = y;
    if (p->a != q->a)
        return p->a < q->a ? -1 : 1;
    if (p->rank != q->rank)
        return p->rank < q->rank ? -1 : 1;
    if (p->b != q->b)
        return p->b < q->b ? -1 : 1;
    return 0;
}

/* Swap the sides of n links in place and put them in the order of
 * align.h. Returns 0 or -1 (out of memory). */
static int mirror_links(story_link *l, size_t n)
{
    if (!n)
        return 0;
    mir_key *k = story__malloc(n * sizeof *k);
    if (!k)
        return -1;
    for (size_t i = 0; i < n; i++) {
        story_link m = l[i];
        m.a = l[i].b;
        m.n_a = l[i].n_b;
        m.b = l[i].a;
        m.n_b = l[i].n_a;
        if (m.kind == STORY_LINK_ADDED)
            m.kind = STORY_LINK_OMITTED;
        else if (m.kind == STORY_LINK_OMITTED)
            m.kind = STORY_LINK_ADDED;
        k[i].l = m;
        k[i].b = m.b;
    }
    for (size_t i = 0; i < n; i++) {
        if (k[i].l.n_a) {
            k[i].a = k[i].l.a;
            k[i].rank = 1;
            continue;
        }
        /* the link with A units ending last in B before this one */
        size_t best = SIZE_MAX;
        for (size_t j = 0; j < n; j++)
            if (k[j].l.n_a && k[j].l.n_b && k[j].l.b < k[i].l.b &&
                (best == SIZE_MAX || k[j].l.b > k[best].l.b))
                best = j;
        k[i].a = best == SIZE_MAX ? 0 : k[best].l.a;
        k[i].rank = best == SIZE_MAX ? 0 : 2;
    }
    qsort(k, n, sizeof *k, mir_cmp);
    for (size_t i = 0; i < n; i++)
        l[i] = k[i].l;
    free(k);
    return 0;
}

/* Swap "only_a" and "only_b" in every object of the explanation. */
static void mirror_json(json_t *j)
{
    if (json_is_array(j)) {
        for (size_t i = 0; i < json_array_size(j); i++)
            mirror_json(json_array_get(j, i));
        return;
    }
    if (!json_is_object(j))
        return;
    json_t *oa = json_object_get(j, "only_a"), *ob = json_object_get(j,
                                                                     "only_b");
    json_incref(oa);
    json_incref(ob);
    json_object_del(j, "only_a");
    json_object_del(j, "only_b");
    if (ob)
        json_object_set_new(j, "only_a", ob);
    if (oa)
        json_object_set_new(j, "only_b", oa);
    const char *key;
    json_t *v;
    json_object_foreach(j, key, v) mirror_json(v);
}

static int mirror_alignment(story_alignment *al)
{
    if (mirror_links(al->links, al->n_links) != 0 ||
        mirror_links(al->par_links, al->n_par_links) != 0)
        return -1;
    if (!al->similarity_json)
        return 0;
    json_t *j = json_loads(al->similarity_json, 0, NULL);
    if (!j)
        return 0;
    mirror_json(j);
    char *txt = json_dumps(j, JSON_COMPACT | JSON_REAL_PRECISION(4));
    json_decref(j);
    if (!txt)
        return -1;
    char *c = story__strdup(txt);
    free(txt);
    if (!c)
        return -1;
    free(al->similarity_json);
    al->similarity_json = c;
    return 0;
}

int story_align(story_alignment **out, story_ctx *ctx, const story_article *a,
                const story_factset *fa, const story_article *b,
                const story_factset *fb, const story_align_options *opts,
                story_error *err)
{
    return story__align_timed(out, ctx, a, fa, b, fb, opts, 0, err);
}

int story__align_timed(story_alignment **out, story_ctx *ctx,
                       const story_article *a, const story_factset *fa,
                       const story_article *b, const story_factset *fb,
                       const story_align_options *opts, long timeout_ms,
                       story_error *err)
{
    story_alignment *fw = NULL, *bw = NULL;
    int rc = align_once(out, ctx, a, fa, b, fb, opts, timeout_ms, err);
    /* a machine translation (of B into A's language) fixes the
     * direction; the same text in one language has one run */
    if (rc != 0 || !opts || !opts->symmetric ||
        (opts->translate && opts->translate[0]))
        return rc;
    fw = *out;
    fw->symmetric = 1;
    int ord = article_order(a, b);
    if (ord == 0)
        return 0;
    rc = align_once(&bw, ctx, b, fb, a, fa, opts, timeout_ms, err);
    if (rc != 0) {
        story_alignment_free(*out);
        *out = NULL;
        return rc;
    }
    double qf = align_evidence(fw, a, b), qb = align_evidence(bw, b, a);
    double tol = 1e-9 * fmax(1.0, fmax(qf, qb));
    int use_bw = fabs(qf - qb) <= tol ? ord > 0 : qb > qf;
    if (!use_bw) {
        story_alignment_free(bw);
        return 0;
    }
    story_alignment_free(fw);
    *out = NULL;
    if (mirror_alignment(bw) != 0) {
        story_alignment_free(bw);
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    }
    bw->symmetric = 1;
    *out = bw;
    return 0;
}
