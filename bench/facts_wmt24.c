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
 * de vs de-refB: `changed` disagreements = slots present in both versions
 * whose key sets differ (same slot, different key), summed over stories.
 * Figures:
 *   facts_<type>_<lang>_recall_ratio, facts_<type>_<lang>_precision_ratio
 *   facts_<type>_all_recall_ratio, facts_<type>_all_precision_ratio
 *   facts_<type>_en_count (distinct English keys per type, all stories)
 *   facts_de_refB_changed_count, facts_de_refB_<type>_agreement_ratio
 * Set FACTS_DUMP=<lang> to print the unmatched keys of that language on
 * stderr (for curating the lexicons).
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

/* type -> {key: slot} */
static json_t *keys_of(story_ctx *ctx, const char *path, const char *lang)
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
    json_t *o = json_array();
    for (int t = 0; t < NT; t++)
        json_array_append_new(o, json_object());
    for (size_t i = 0; i < fs->n_facts; i++) {
        const story_fact *f = &fs->facts[i];
        json_object_set_new(json_array_get(o, (size_t)f->type), f->key,
                            json_string(f->slot));
    }
    story_factset_free(fs);
    story_article_free(a);
    return o;
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

    double en_n[NT] = {0}, inter[NLANG][NT] = {{0}}, xx_n[NLANG][NT] = {{0}},
           en_l[NLANG][NT] = {{0}};
    double changed = 0, agree[NT] = {0}, agree_n[NT] = {0};
    char path[4096];
    for (size_t s = 0; s < ns; s++) {
        snprintf(path, sizeof path, "%s/%s/en.txt", dir, stories[s]);
        json_t *en = keys_of(ctx, path, "en");
        if (!en)
            continue;
        for (int t = 0; t < NT; t++)
            en_n[t] += (double)json_object_size(json_array_get(en, (size_t)t));
        for (int l = 0; l < NLANG; l++) {
            snprintf(path, sizeof path, "%s/%s/%s.txt", dir, stories[s],
                     langs[l]);
            json_t *xx = keys_of(ctx, path, langs[l]);
            if (!xx)
                continue;
            for (int t = 0; t < NT; t++) {
                json_t *ke = json_array_get(en, (size_t)t);
                json_t *kx = json_array_get(xx, (size_t)t);
                const char *k;
                json_t *v;
                en_l[l][t] += (double)json_object_size(ke);
                xx_n[l][t] += (double)json_object_size(kx);
                json_object_foreach(ke, k, v) {
                    if (json_object_get(kx, k))
                        inter[l][t] += 1;
                    else if (dump && strcmp(dump, langs[l]) == 0)
                        fprintf(stderr, "%s\tmissed\t%s\n", stories[s], k);
                }
                if (dump && strcmp(dump, langs[l]) == 0)
                    json_object_foreach(kx, k, v) if (!json_object_get(ke, k))
                        fprintf(stderr, "%s\textra\t%s\n", stories[s], k);
            }
            json_decref(xx);
        }
        /* de vs de-refB */
        snprintf(path, sizeof path, "%s/%s/de.txt", dir, stories[s]);
        json_t *da = keys_of(ctx, path, "de");
        snprintf(path, sizeof path, "%s/%s/de-refB.txt", dir, stories[s]);
        json_t *db = keys_of(ctx, path, "de");
        if (da && db) {
            for (int t = 0; t < NT; t++) {
                json_t *ka = json_array_get(da, (size_t)t);
                json_t *kb = json_array_get(db, (size_t)t);
                const char *k;
                json_t *v;
                /* slots whose key sets differ, present on both sides */
                json_t *slots = json_object();
                json_object_foreach(ka, k, v) {
                    json_object_set_new(slots, json_string_value(v),
                                        json_integer(1));
                    agree_n[t] += 1;
                    if (json_object_get(kb, k))
                        agree[t] += 1;
                }
                json_object_foreach(kb, k, v) {
                    json_t *have = json_object_get(slots,
                                                   json_string_value(v));
                    if (have)
                        json_object_set_new(slots, json_string_value(v),
                                            json_integer(3));
                }
                json_object_foreach(slots, k, v) {
                    if (json_integer_value(v) != 3)
                        continue;
                    /* both have the slot: compare key sets */
                    int differ = 0;
                    const char *k2;
                    json_t *v2;
                    json_object_foreach(ka, k2, v2) if (
                        strcmp(json_string_value(v2), k) == 0 &&
                        !json_object_get(kb, k2)) differ = 1;
                    json_object_foreach(kb, k2, v2) if (
                        strcmp(json_string_value(v2), k) == 0 &&
                        !json_object_get(ka, k2)) differ = 1;
                    if (differ && t != STORY_FACT_EVENT &&
                        t != STORY_FACT_ENTITY && t != STORY_FACT_QUOTE &&
                        t != STORY_FACT_ATTRIBUTION) {
                        changed += 1;
                        if (dump && strcmp(dump, "de-refB") == 0)
                            fprintf(stderr, "%s\tchanged\t%s\n", stories[s],
                                    k);
                    }
                }
                json_decref(slots);
            }
        }
        json_decref(da);
        json_decref(db);
        json_decref(en);
    }
    char name[128];
    for (int t = 0; t < NT; t++) {
        const char *tn = story_fact_type_name((story_fact_type)t);
        double ti = 0, te = 0, tx = 0;
        for (int l = 0; l < NLANG; l++) {
            snprintf(name, sizeof name, "facts_%s_%s_recall_ratio", tn,
                     langs[l]);
            bench_figure(name, en_l[l][t] ? inter[l][t] / en_l[l][t] : 0);
            snprintf(name, sizeof name, "facts_%s_%s_precision_ratio", tn,
                     langs[l]);
            bench_figure(name, xx_n[l][t] ? inter[l][t] / xx_n[l][t] : 0);
            ti += inter[l][t];
            te += en_l[l][t];
            tx += xx_n[l][t];
        }
        snprintf(name, sizeof name, "facts_%s_all_recall_ratio", tn);
        bench_figure(name, te ? ti / te : 0);
        snprintf(name, sizeof name, "facts_%s_all_precision_ratio", tn);
        bench_figure(name, tx ? ti / tx : 0);
        snprintf(name, sizeof name, "facts_%s_en_count", tn);
        bench_count(name, en_n[t]);
        snprintf(name, sizeof name, "facts_de_refB_%s_agreement_ratio", tn);
        bench_figure(name, agree_n[t] ? agree[t] / agree_n[t] : 0);
    }
    bench_count("facts_de_refB_changed_count", changed);
    for (size_t s = 0; s < ns; s++)
        free(stories[s]);
    free(dir);
    story_ctx_free(ctx);
    return 0;
}
