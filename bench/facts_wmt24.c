/*
 * bench/run facts-wmt24: cross-language fact agreement on WMT24.
 *
 * Data: $STORYDIFF_CORPUS/articles/wmt24/<story>/{en,xx}.txt (17 stories,
 * translations cs de es hi is ja ru uk zh; human, faithful) and
 * de-refB.txt (a second, independent German translation).
 * Method: ingest + segment (language given) + story_facts_extract() for
 * en and each translation; per story and fact type, the SET of distinct
 * keys. recall = |keys(en) ∩ keys(xx)| / |keys(en)|, precision =
 * |keys(en) ∩ keys(xx)| / |keys(xx)|, micro-averaged over stories.
 * Entities (session 17): after the exact keys, a second pass over the
 * leftovers counts an English key and a translation key as one entity
 * when story_entity_keys_near() says so (one skeleton edit), both are
 * named in one paragraph (the paragraphs correspond 1-1) and each is the
 * only such candidate of the other: the test the diff's cross-language
 * pass pass_near_keys (src/diff.c) makes inside an aligned paragraph
 * pair of a translation, so that the benchmark counts no equivalence
 * the tool lacks.
 * Quotes (speaker + existence): one entry per quote, not a set; quotes
 * with the same speaker key match first, then an unresolved quote
 * ("quote|?") of either side matches a leftover quote of the other side
 * (see quote_matches()).
 * de vs de-refB: `changed` disagreements as the diff would report them:
 * inside each paragraph pair (the translations keep the paragraphs 1-1),
 * quantity/date facts with equal keys are matched first, then a leftover
 * fact of each side with the same slot and a different key is one
 * `changed`; summed over stories. facts_de_refB_<type>_agreement_ratio:
 * share of de keys (set per story) also in de-refB.
 * Figures:
 *   facts_<type>_<lang>_recall_ratio, facts_<type>_<lang>_precision_ratio
 *   facts_<type>_all_recall_ratio, facts_<type>_all_precision_ratio
 *   facts_<type>_en_count (distinct English keys per type, all stories)
 *   facts_de_refB_changed_count, facts_de_refB_<type>_agreement_ratio
 *   facts_de_refB_diff_changed_count, facts_de_refB_diff_contradicted_count:
 *   what storydiff itself reports (story_compare of de.txt and de-refB.txt,
 *   certain entries of any fact type): the diff's own alignment and its
 *   stricter rules for `changed` (docs/report.md), where the count above
 *   pairs any two leftover facts of one slot in a paragraph
 *   facts_event_participants_*: the same figures for events keyed by their
 *   slot (actor, predicate, named object) instead of the event key (the
 *   predicate concept alone): a stricter reading of "same key and values"
 *   facts_check_<lang>_contradictions_count,
 *   facts_check_wmt24_contradictions_count: story_facts_check() (what
 *   `storydiff check` reports) on each of the 170 faithful texts (en and
 *   the 9 translations of the 17 stories), summed per language and over
 *   all; a faithful article should contradict itself nearly never, so
 *   each of these is a false alarm unless the text itself is inconsistent
 * Verbose: FACTS_DUMP=<lang> prints the unmatched keys of that language on
 * stderr ("<story> missed <en key>", "<story> extra <xx key>", "<story>
 * near <en key> = <xx key>" for the leftover pairs; quotes with
 * the unmatched count and the existence matches), FACTS_DUMP=de-refB the
 * `changed` pairs (for curating the lexicons), FACTS_DUMP=check each
 * check contradiction with the two facts' text.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "benchsupport.h"
#include "storydiff/storydiff.h"

static const char *const langs[] = {"cs", "de", "es", "hi", "is",
                                    "ja", "ru", "uk", "zh"};
#define NLANG 9
#define NT STORY_FACT_NTYPES
/* one extra "type": events keyed by their slot (actor, predicate, object)
 * rather than by the predicate concept alone (the event key) */
#define NTX (NT + 1)
#define EVENT_SLOTS NT
/* keys_of()'s element after the types: entity key -> its paragraphs */
#define ENTITY_PARS NTX

/* story_facts_check() over the faithful texts: contradictions found
 * inside one article (a faithful news article should have nearly none),
 * per language index (NLANG: en); with FACTS_DUMP=check each printed */
static double check_n[NLANG + 1];
static int check_dump;

static void check_one(const story_article *a, const story_factset *fs,
                      story_ctx *ctx, const char *path, int li)
{
    story_contradiction *c = NULL;
    size_t n = 0;
    story_error err;
    if (story_facts_check(&c, &n, ctx, a, fs, &err)) {
        fprintf(stderr, "facts-wmt24: %s: check: %s\n", path, err.message);
        return;
    }
    check_n[li] += (double)n;
    for (size_t i = 0; check_dump && i < n; i++) {
        const story_fact *f = &fs->facts[c[i].fact_a];
        const story_fact *g = &fs->facts[c[i].fact_b];
        fprintf(stderr, "%s\tcheck\t%s \"%.*s\" / \"%.*s\"\n", path,
                c[i].detail, (int)(f->end - f->start), a->text + f->start,
                (int)(g->end - g->start), a->text + g->start);
    }
    story_contradictions_free(c, n);
}

/* type -> {key: slot}; li >= 0: also count story_facts_check() results
 * of that language index; keep != NULL: the article is kept there (the
 * caller frees it), else freed */
static json_t *keys_of(story_ctx *ctx, const char *path, const char *lang,
                       int li, story_article **keep)
{
    story_error err;
    story_article *a = NULL;
    story_factset *fs = NULL;
    story_ingest_options io = STORY_INGEST_OPTIONS_INIT;
    io.format = "text";
    if (story_ingest(&a, ctx, path, &io, &err) ||
        story_segment(ctx, a, lang, &err) ||
        story_facts_extract(&fs, ctx, a, &err)) {
        fprintf(stderr, "facts-wmt24: %s: %s\n", path, err.message);
        story_article_free(a);
        return NULL;
    }
    if (li >= 0)
        check_one(a, fs, ctx, path, li);
    json_t *o = json_array();
    for (int t = 0; t < NTX + 1; t++)
        json_array_append_new(o, json_object());
    for (size_t i = 0; i < fs->n_facts; i++) {
        const story_fact *f = &fs->facts[i];
        json_t *m = json_array_get(o, (size_t)f->type);
        if (f->type == STORY_FACT_ENTITY && f->sentence < a->n_sentences) {
            /* the paragraphs of each entity key (ENTITY_PARS) */
            json_t *pm = json_array_get(o, ENTITY_PARS);
            json_t *ps = json_object_get(pm, f->key);
            if (!ps) {
                ps = json_array();
                json_object_set_new(pm, f->key, ps);
            }
            json_array_append_new(
                ps,
                json_integer((json_int_t)a->sentences[f->sentence].paragraph));
        }
        if (f->type == STORY_FACT_QUOTE) {
            /* quotes: a multiset (one entry per quote) */
            json_t *c = json_object_get(m, f->key);
            json_object_set_new(m, f->key,
                                json_integer(c ? json_integer_value(c) + 1
                                               : 1));
        } else {
            json_object_set_new(m, f->key, json_string(f->slot));
        }
        if (f->type == STORY_FACT_EVENT)
            json_object_set_new(json_array_get(o, EVENT_SLOTS), f->slot,
                                json_string(f->slot));
    }
    story_factset_free(fs);
    if (keep)
        *keep = a;
    else
        story_article_free(a);
    return o;
}

/* quantity/date facts as [paragraph, key, slot] rows; *npara paragraphs */
static json_t *para_facts(story_ctx *ctx, const char *path, size_t *npara)
{
    story_error err;
    story_article *a = NULL;
    story_factset *fs = NULL;
    story_ingest_options io = STORY_INGEST_OPTIONS_INIT;
    io.format = "text";
    *npara = 0;
    if (story_ingest(&a, ctx, path, &io, &err) ||
        story_segment(ctx, a, "de", &err) ||
        story_facts_extract(&fs, ctx, a, &err)) {
        story_article_free(a);
        return NULL;
    }
    json_t *rows = json_array();
    for (size_t i = 0; i < fs->n_facts; i++) {
        const story_fact *f = &fs->facts[i];
        if (f->type != STORY_FACT_QUANTITY && f->type != STORY_FACT_DATE)
            continue;
        json_array_append_new(
            rows, json_pack("[I,s,s]",
                            (json_int_t)a->sentences[f->sentence].paragraph,
                            f->key, f->slot));
    }
    *npara = a->n_paragraphs;
    story_factset_free(fs);
    story_article_free(a);
    return rows;
}

/* Diff-like count of `changed` quantity/date pairs between two versions
 * whose paragraphs correspond 1-1 (the WMT24 gold): inside each paragraph
 * pair, equal keys are matched first, then a leftover fact of A and one of
 * B with the same slot make one `changed`. Paragraph counts that differ:
 * the whole article is one unit. */
static int changed_pairs(json_t *ra, size_t pa, json_t *rb, size_t pb,
                         const char *story, int dump)
{
    int whole = pa != pb;
    size_t units = whole ? 1 : pa;
    int changed = 0;
    for (size_t u = 0; u < units; u++) {
        json_t *la = json_array(), *lb = json_array();
        size_t i;
        json_t *r;
        json_array_foreach(ra, i, r) if (whole ||
                                         (size_t)json_integer_value(
                                             json_array_get(r, 0)) == u)
            json_array_append(la, r);
        json_array_foreach(rb, i, r) if (whole ||
                                         (size_t)json_integer_value(
                                             json_array_get(r, 0)) == u)
            json_array_append(lb, r);
        /* remove equal keys */
        for (size_t x = 0; x < json_array_size(la); x++) {
            const char *k = json_string_value(
                json_array_get(json_array_get(la, x), 1));
            for (size_t y = 0; y < json_array_size(lb); y++)
                if (strcmp(k, json_string_value(json_array_get(
                                  json_array_get(lb, y), 1))) == 0) {
                    json_array_remove(la, x);
                    json_array_remove(lb, y);
                    x--;
                    break;
                }
        }
        for (size_t x = 0; x < json_array_size(la); x++) {
            const char *sl = json_string_value(
                json_array_get(json_array_get(la, x), 2));
            for (size_t y = 0; y < json_array_size(lb); y++)
                if (strcmp(sl, json_string_value(json_array_get(
                                   json_array_get(lb, y), 2))) == 0) {
                    if (dump)
                        fprintf(stderr, "%s\tchanged\t%s -> %s\n", story,
                                json_string_value(json_array_get(
                                    json_array_get(la, x), 1)),
                                json_string_value(json_array_get(
                                    json_array_get(lb, y), 1)));
                    json_array_remove(lb, y);
                    changed++;
                    break;
                }
        }
        json_decref(la);
        json_decref(lb);
    }
    return changed;
}

/* The real diff between de.txt and de-refB.txt (story_compare, both read
 * as German): certain `changed` and `contradicted` entries of any fact
 * type, added to *changed / *contra; with dump, each printed. */
static void diff_changed(story_ctx *ctx, const char *pa, const char *pb,
                         const char *story, int dump, double *changed,
                         double *contra)
{
    story_compare_options co = STORY_COMPARE_OPTIONS_INIT;
    story_comparison *c = NULL;
    story_error err;
    co.ingest.format = "text";
    co.lang_a = co.lang_b = "de";
    if (story_compare(&c, ctx, pa, pb, &co, &err)) {
        fprintf(stderr, "facts-wmt24: %s: %s\n", story, err.message);
        return;
    }
    for (size_t i = 0; i < c->diff->n_entries; i++) {
        const story_diff_entry *e = &c->diff->entries[i];
        if (!e->certain || (e->category != STORY_DIFF_CHANGED &&
                            e->category != STORY_DIFF_CONTRADICTED))
            continue;
        *(e->category == STORY_DIFF_CHANGED ? changed : contra) += 1;
        if (dump)
            fprintf(stderr, "%s\tdiff-%s\t%s\n", story,
                    story_diff_category_name(e->category), e->detail);
    }
    story_comparison_free(c);
}

/* Quotes: speaker + existence. Per story, quotes are counted per key
 * ("quote|<speaker>"); same-speaker quotes match first (min of the two
 * counts), then an unresolved quote ("quote|?") of either side matches a
 * leftover quote of the other side by existence. Returns the matches;
 * *ne, *nx: quotes of each side. */
static double quote_matches(json_t *ke, json_t *kx, double *ne, double *nx,
                            const char *story, int dump)
{
    const char *k;
    json_t *v;
    double m = 0, le = 0, lx = 0, ue = 0, ux = 0;
    *ne = *nx = 0;
    json_object_foreach(ke, k, v) {
        double ce = (double)json_integer_value(v);
        json_t *vx = json_object_get(kx, k);
        double cx = vx ? (double)json_integer_value(vx) : 0;
        *ne += ce;
        if (strcmp(k, "quote|?") == 0) {
            ue = ce;
            continue;
        }
        double mm = ce < cx ? ce : cx;
        m += mm;
        le += ce - mm;
        if (dump && ce > mm)
            fprintf(stderr, "%s\tmissed\t%s (%g)\n", story, k, ce - mm);
    }
    json_object_foreach(kx, k, v) {
        double cx = (double)json_integer_value(v);
        json_t *ve = json_object_get(ke, k);
        double ce = ve ? (double)json_integer_value(ve) : 0;
        *nx += cx;
        if (strcmp(k, "quote|?") == 0) {
            ux = cx;
            continue;
        }
        double mm = ce < cx ? ce : cx;
        lx += cx - mm;
        if (dump && cx > mm)
            fprintf(stderr, "%s\textra\t%s (%g)\n", story, k, cx - mm);
    }
    /* unresolved of en vs leftovers of xx, then the reverse */
    double a = ue < lx + ux ? ue : lx + ux;
    m += a;
    double ux_left = ux - (a > lx ? a - lx : 0);
    double b = ux_left < le ? ux_left : le;
    m += b;
    if (dump)
        fprintf(stderr, "%s\tquote\tunresolved en %g xx %g, by existence %g\n",
                story, ue, ux, a + b);
    return m;
}

/* 1 when key x (paragraphs px) and key y (py) share a paragraph index:
 * the WMT24 translations keep the paragraphs 1-1. */
static int share_par(json_t *px, json_t *py)
{
    for (size_t i = 0; i < json_array_size(px); i++)
        for (size_t j = 0; j < json_array_size(py); j++)
            if (json_integer_value(json_array_get(px, i)) ==
                json_integer_value(json_array_get(py, j)))
                return 1;
    return 0;
}

/* The second pass over the entity leftovers, as the diff's cross-language
 * pass pass_near_keys (src/diff.c) does it: an English key and a
 * translation key that matched nothing, near by story_entity_keys_near()
 * and named in one paragraph, each the only such candidate of the other,
 * are one entity. Returns the pairs; marks the paired keys in the
 * objects used_e / used_x; with dump, prints them ("near"). */
static double near_pairs(json_t *ke, json_t *kx, json_t *pe, json_t *px,
                         json_t *used_e, json_t *used_x, const char *story,
                         int dump)
{
    const char *k, *k2, *k3;
    json_t *v, *v2, *v3;
    double m = 0;
    json_object_foreach(ke, k, v) {
        if (json_object_get(kx, k))
            continue;
        const char *only = NULL;
        int n = 0;
        json_object_foreach(kx, k2, v2) {
            if (json_object_get(ke, k2) || json_object_get(used_x, k2) ||
                !story_entity_keys_near(k, k2) ||
                !share_par(json_object_get(pe, k), json_object_get(px, k2)))
                continue;
            only = k2;
            n++;
        }
        if (n != 1)
            continue;
        json_object_foreach(ke, k3, v3) {
            if (strcmp(k3, k) == 0 || json_object_get(kx, k3) ||
                json_object_get(used_e, k3) ||
                !story_entity_keys_near(k3, only) ||
                !share_par(json_object_get(pe, k3), json_object_get(px, only)))
                continue;
            n++;
        }
        if (n != 1)
            continue;
        json_object_set_new(used_e, k, json_true());
        json_object_set_new(used_x, only, json_true());
        m += 1;
        if (dump)
            fprintf(stderr, "%s\tnear\t%s = %s\n", story, k, only);
    }
    return m;
}

/* Mention recovery, as the diff's pass_written (src/diff.c): a key of
 * side ks (paragraphs pk) left over by the exact and near passes, that
 * the other side's article o writes in a paragraph of the same index as
 * one naming it (story_entity_key_written; the WMT24 translations keep
 * the paragraphs 1-1), is present there. Returns how many; marks them in
 * used; with dump prints them ("written", after what they were). */
static double written(story_ctx *ctx, json_t *ks, json_t *ko, json_t *pk,
                      const story_article *o, json_t *used,
                      const char *story, const char *what, int dump)
{
    const char *k;
    json_t *v;
    double m = 0;
    if (!o)
        return 0;
    json_object_foreach(ks, k, v) {
        if (json_object_get(ko, k) || json_object_get(used, k))
            continue;
        json_t *ps = json_object_get(pk, k);
        int found = 0;
        for (size_t i = 0; i < json_array_size(ps) && found <= 0; i++)
            found = story_entity_key_written(
                ctx, o, (size_t)json_integer_value(json_array_get(ps, i)), k);
        if (found <= 0)
            continue;
        json_object_set_new(used, k, json_true());
        m += 1;
        if (dump)
            fprintf(stderr, "%s\twritten\t%s %s\n", story, what, k);
    }
    return m;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

int main(void)
{
    story_ctx *ctx = bench_ctx();
    char *dir = bench_corpus_path("articles/wmt24");
    const char *dump = getenv("FACTS_DUMP");
    check_dump = dump && strcmp(dump, "check") == 0;
    DIR *d = opendir(dir);
    if (!d) {
        fprintf(stderr, "facts-wmt24: %s: cannot open\n", dir);
        return 2;
    }
    char *stories[64];
    size_t ns = 0;
    struct dirent *de;
    while ((de = readdir(d)) && ns < 64)
        if (de->d_name[0] != '.')
            stories[ns++] = strdup(de->d_name);
    closedir(d);
    qsort(stories, ns, sizeof *stories, cmp_str);

    double en_n[NTX] = {0}, inter[NLANG][NTX] = {{0}},
           xx_n[NLANG][NTX] = {{0}}, en_l[NLANG][NTX] = {{0}};
    /* entity keys of one side left over but written in the other
     * (written()): recall / precision only */
    double rec_e[NLANG] = {0}, rec_x[NLANG] = {0};
    /* entity keys paired by near_pairs (one skeleton edit): with rec_*,
     * what the keys alone do not match (the *_keys_only figures) */
    double near_n[NLANG] = {0};
    double changed = 0, agree[NTX] = {0}, agree_n[NTX] = {0};
    double diff_ch = 0, diff_contra = 0;
    char path[4096];
    for (size_t s = 0; s < ns; s++) {
        snprintf(path, sizeof path, "%s/%s/en.txt", dir, stories[s]);
        story_article *ea = NULL;
        json_t *en = keys_of(ctx, path, "en", NLANG, &ea);
        if (!en)
            continue;
        for (int t = 0; t < NTX; t++) {
            json_t *ke = json_array_get(en, (size_t)t);
            if (t == STORY_FACT_QUOTE) {
                const char *k;
                json_t *v;
                json_object_foreach(ke, k, v) en_n[t] +=
                    (double)json_integer_value(v);
            } else {
                en_n[t] += (double)json_object_size(ke);
            }
        }
        for (int l = 0; l < NLANG; l++) {
            snprintf(path, sizeof path, "%s/%s/%s.txt", dir, stories[s],
                     langs[l]);
            story_article *xa = NULL;
            json_t *xx = keys_of(ctx, path, langs[l], l, &xa);
            if (!xx)
                continue;
            for (int t = 0; t < NTX; t++) {
                json_t *ke = json_array_get(en, (size_t)t);
                json_t *kx = json_array_get(xx, (size_t)t);
                const char *k;
                json_t *v;
                if (t == STORY_FACT_QUOTE) {
                    double ne, nx;
                    inter[l][t] += quote_matches(
                        ke, kx, &ne, &nx, stories[s],
                        dump && strcmp(dump, langs[l]) == 0);
                    en_l[l][t] += ne;
                    xx_n[l][t] += nx;
                    continue;
                }
                en_l[l][t] += (double)json_object_size(ke);
                xx_n[l][t] += (double)json_object_size(kx);
                int dl = dump && strcmp(dump, langs[l]) == 0;
                json_t *used_e = json_object(), *used_x = json_object();
                if (t == STORY_FACT_ENTITY) {
                    double np =
                        near_pairs(ke, kx, json_array_get(en, ENTITY_PARS),
                                   json_array_get(xx, ENTITY_PARS), used_e,
                                   used_x, stories[s], dl);
                    inter[l][t] += np;
                    near_n[l] += np;
                }
                if (t == STORY_FACT_ENTITY) {
                    rec_e[l] += written(ctx, ke, kx, json_array_get(en, ENTITY_PARS),
                                        xa, used_e, stories[s], "missed", dl);
                    rec_x[l] += written(ctx, kx, ke, json_array_get(xx, ENTITY_PARS),
                                        ea, used_x, stories[s], "extra", dl);
                }
                json_object_foreach(ke, k, v) {
                    if (json_object_get(kx, k))
                        inter[l][t] += 1;
                    else if (dl && !json_object_get(used_e, k))
                        fprintf(stderr, "%s\tmissed\t%s\n", stories[s], k);
                }
                json_object_foreach(kx, k, v) {
                    if (dl && !json_object_get(ke, k) &&
                        !json_object_get(used_x, k))
                        fprintf(stderr, "%s\textra\t%s\n", stories[s], k);
                }
                json_decref(used_e);
                json_decref(used_x);
            }
            json_decref(xx);
            story_article_free(xa);
        }
        story_article_free(ea);
        /* de vs de-refB */
        snprintf(path, sizeof path, "%s/%s/de.txt", dir, stories[s]);
        json_t *da = keys_of(ctx, path, "de", -1, NULL);
        snprintf(path, sizeof path, "%s/%s/de-refB.txt", dir, stories[s]);
        json_t *db = keys_of(ctx, path, "de", -1, NULL);
        if (da && db) {
            for (int t = 0; t < NTX; t++) {
                json_t *ka = json_array_get(da, (size_t)t);
                json_t *kb = json_array_get(db, (size_t)t);
                const char *k;
                json_t *v;
                json_object_foreach(ka, k, v) {
                    agree_n[t] += 1;
                    if (json_object_get(kb, k))
                        agree[t] += 1;
                }
            }
        }
        json_decref(da);
        json_decref(db);
        size_t npa, npb;
        snprintf(path, sizeof path, "%s/%s/de.txt", dir, stories[s]);
        json_t *pa = para_facts(ctx, path, &npa);
        snprintf(path, sizeof path, "%s/%s/de-refB.txt", dir, stories[s]);
        json_t *pb = para_facts(ctx, path, &npb);
        if (pa && pb)
            changed += changed_pairs(pa, npa, pb, npb, stories[s],
                                     dump && strcmp(dump, "de-refB") == 0);
        json_decref(pa);
        json_decref(pb);
        {
            char pa2[4096];
            snprintf(pa2, sizeof pa2, "%s/%s/de.txt", dir, stories[s]);
            snprintf(path, sizeof path, "%s/%s/de-refB.txt", dir, stories[s]);
            diff_changed(ctx, pa2, path, stories[s],
                         dump && strcmp(dump, "de-refB") == 0, &diff_ch,
                         &diff_contra);
        }
        json_decref(en);
    }
    char name[128];
    for (int t = 0; t < NTX; t++) {
        const char *tn = t == EVENT_SLOTS
                             ? "event_participants"
                             : story_fact_type_name((story_fact_type)t);
        double ti = 0, te = 0, tx = 0, tre = 0, trx = 0, tnear = 0;
        for (int l = 0; l < NLANG; l++) {
            snprintf(name, sizeof name, "facts_%s_%s_recall_ratio", tn,
                     langs[l]);
            double re = t == STORY_FACT_ENTITY ? rec_e[l] : 0,
                   rx = t == STORY_FACT_ENTITY ? rec_x[l] : 0;
            bench_figure(name,
                         en_l[l][t] ? (inter[l][t] + re) / en_l[l][t] : 0);
            snprintf(name, sizeof name, "facts_%s_%s_precision_ratio", tn,
                     langs[l]);
            bench_figure(name,
                         xx_n[l][t] ? (inter[l][t] + rx) / xx_n[l][t] : 0);
            ti += inter[l][t];
            tnear += t == STORY_FACT_ENTITY ? near_n[l] : 0;
            tre += re;
            trx += rx;
            te += en_l[l][t];
            tx += xx_n[l][t];
        }
        snprintf(name, sizeof name, "facts_%s_all_recall_ratio", tn);
        bench_figure(name, te ? (ti + tre) / te : 0);
        snprintf(name, sizeof name, "facts_%s_all_precision_ratio", tn);
        bench_figure(name, tx ? (ti + trx) / tx : 0);
        if (t == STORY_FACT_ENTITY) {
            /* the extractors' own agreement: equal keys only, without
             * the diff's near-key and mention-recovery passes */
            bench_figure("facts_entity_all_keys_only_recall_ratio",
                         te ? (ti - tnear) / te : 0);
            bench_figure("facts_entity_all_keys_only_precision_ratio",
                         tx ? (ti - tnear) / tx : 0);
        }
        snprintf(name, sizeof name, "facts_%s_en_count", tn);
        bench_count(name, en_n[t]);
        snprintf(name, sizeof name, "facts_de_refB_%s_agreement_ratio", tn);
        bench_figure(name, agree_n[t] ? agree[t] / agree_n[t] : 0);
    }
    bench_count("facts_de_refB_changed_count", changed);
    bench_count("facts_de_refB_diff_changed_count", diff_ch);
    bench_count("facts_de_refB_diff_contradicted_count", diff_contra);
    double check_all = 0;
    for (int l = 0; l <= NLANG; l++) {
        snprintf(name, sizeof name, "facts_check_%s_contradictions_count",
                 l == NLANG ? "en" : langs[l]);
        bench_count(name, check_n[l]);
        check_all += check_n[l];
    }
    bench_count("facts_check_wmt24_contradictions_count", check_all);
    for (size_t s = 0; s < ns; s++)
        free(stories[s]);
    free(dir);
    story_ctx_free(ctx);
    return 0;
}
