/*
 * bench names: precision and recall of the fuzzy name matcher
 * (story_name_key + story_name_similarity >= STORY_NAME_MATCH) on name
 * pairs from the WMT24 news translations, bench/data/names_pairs.tsv
 * (English name, language, the form in that language's translation;
 * hand-checked, see the file's header).
 *
 * Positives: every listed pair. Negatives: every listed form against every
 * other English name of the list (a form of "Biden" must not match
 * "Boeing"). Per language: recall = positives matched / positives,
 * precision = true matches / all matches (positives + negatives).
 * zh, ja and hi are reported like the others but also pooled separately
 * (non-Latin scripts that transliteration bridges worst).
 * Also the key speed: story_name_key calls per second.
 *
 * Paragraph check (automatic, corpus wmt/wmt24_news/multiparallel_docs.json):
 * for every English name of the list that occurs in an English paragraph,
 * is some word of the aligned translated paragraph matched to it
 * (names_paragraph_found_<lang>_ratio), and how many words of translated
 * paragraphs match a listed English name absent from the English paragraph
 * (names_paragraph_spurious_per_paragraph). Words are runs of letters of
 * one script, capitalised where the script has case (as named entities
 * are); Han and hiragana runs are skipped (no word boundaries), so zh is
 * not in this check.
 *
 * Figures: names_precision_<lang>_ratio, names_recall_<lang>_ratio,
 * names_precision_ratio / names_recall_ratio (cs de es is ru uk),
 * names_precision_cjk_hi_ratio / names_recall_cjk_hi_ratio (zh ja hi),
 * names_paragraph_found_<lang>_ratio, names_paragraph_spurious_per_paragraph,
 * names_key_per_s.
 * Usage: bench/run names [-v]   (-v prints the misses and false matches)
 */
#include "benchsupport.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include "internal.h"
#include "names.h"

#define MAXP 4096

typedef struct pair {
    char en[256], lang[256], form[256];
    char *ken, *kform;
} pair;

static char *key(story_ctx *ctx, const char *s, const char *lang)
{
    char *k = NULL;
    story_error err;
    if (story_name_key(&k, ctx, s, strlen(s), lang, &err)) {
        fprintf(stderr, "names: key of '%s': %s\n", s, err.message);
        exit(1);
    }
    return k;
}

/* Words of a paragraph: runs of letters of one script (katakana with its
 * prolonged sound mark), without Han and hiragana runs. */
static size_t words(const char *t, size_t *ws, size_t *we, size_t max)
{
    size_t n = 0, i = 0, len = strlen(t);
    while (i < len && n < max) {
        size_t s0 = i;
        int32_t c = story__utf8_next(t, len, &i);
        if (c < 0 || !(u_isalpha(c) || c == 0x30FC))
            continue;
        UErrorCode e = U_ZERO_ERROR;
        UScriptCode sc = uscript_getScript(c, &e);
        size_t e0 = i;
        while (e0 < len) {
            size_t k = e0;
            int32_t d = story__utf8_next(t, len, &k);
            e = U_ZERO_ERROR;
            UScriptCode sd = uscript_getScript(d, &e);
            int8_t ty = d >= 0 ? u_charType(d) : 0;
            if (d >= 0 &&
                (u_isalpha(d) || d == 0x30FC || ty == U_NON_SPACING_MARK ||
                 ty == U_COMBINING_SPACING_MARK) &&
                (sd == sc || sd == USCRIPT_INHERITED || d == 0x30FC))
                e0 = k;
            else
                break;
        }
        i = e0;
        if (sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA || e0 - s0 < 2)
            continue;
        /* names are capitalised where the script has case */
        if ((u_isupper(c) || u_islower(c)) && !u_isupper(c))
            continue;
        ws[n] = s0;
        we[n++] = e0;
    }
    return n;
}

static int has_word(const char *text, const char *w)
{
    size_t l = strlen(w);
    for (const char *p = strstr(text, w); p; p = strstr(p + 1, w)) {
        int before = p == text || !((p[-1] >= 'A' && p[-1] <= 'Z') ||
                                    (p[-1] >= 'a' && p[-1] <= 'z'));
        char a = p[l];
        int after = !((a >= 'A' && a <= 'Z') || (a >= 'a' && a <= 'z'));
        if (before && after)
            return 1;
    }
    return 0;
}

static void paragraph_check(story_ctx *ctx, const char **names, char **nkeys,
                            size_t nn)
{
    char *path = bench_corpus_path("wmt/wmt24_news/multiparallel_docs.json");
    json_t *docs = json_load_file(path, 0, NULL);
    free(path);
    if (!docs) {
        fprintf(stderr, "names: cannot read multiparallel_docs.json\n");
        exit(2);
    }
    static const char *const langs[] = {"cs", "de", "es", "is", "ru",
                                        "uk", "hi", "ja"};
    enum { NL = 8, MAXW = 4096 };
    static size_t ws[MAXW], we[MAXW];
    static char *wk[MAXW];
    size_t found[NL] = {0}, total[NL] = {0}, spurious = 0, paras = 0, i;
    json_t *doc;
    json_array_foreach(docs, i, doc) {
        json_t *text = json_object_get(doc, "text");
        json_t *en = json_object_get(text, "en");
        for (int l = 0; l < NL; l++) {
            json_t *tr = json_object_get(text, langs[l]);
            if (json_array_size(tr) != json_array_size(en))
                continue;
            for (size_t p = 0; p < json_array_size(en); p++) {
                const char *se = json_string_value(json_array_get(en, p));
                const char *st = json_string_value(json_array_get(tr, p));
                size_t nw = words(st, ws, we, MAXW);
                for (size_t w = 0; w < nw; w++) {
                    char buf[256];
                    snprintf(buf, sizeof buf, "%.*s", (int)(we[w] - ws[w]),
                             st + ws[w]);
                    wk[w] = key(ctx, buf, langs[l]);
                }
                paras++;
                for (size_t k = 0; k < nn; k++) {
                    int present = has_word(se, names[k]);
                    int hit = 0;
                    for (size_t w = 0; w < nw && !hit; w++)
                        hit = story_name_similarity(nkeys[k], wk[w]) >=
                              STORY_NAME_MATCH;
                    if (present) {
                        total[l]++;
                        found[l] += hit;
                    } else if (hit) {
                        spurious++;
                        if (getenv("STORY_BENCH_VERBOSE"))
                            for (size_t w = 0; w < nw; w++)
                                if (story_name_similarity(nkeys[k], wk[w]) >=
                                    STORY_NAME_MATCH)
                                    printf("spurious %s %s ~ %.*s\n",
                                           langs[l], names[k],
                                           (int)(we[w] - ws[w]), st + ws[w]);
                    }
                }
                for (size_t w = 0; w < nw; w++)
                    story_free(wk[w]);
            }
        }
    }
    json_decref(docs);
    char name[96];
    for (int l = 0; l < NL; l++) {
        snprintf(name, sizeof name, "names_paragraph_found_%s_ratio",
                 langs[l]);
        bench_figure(name, total[l] ? (double)found[l] / total[l] : 1);
    }
    bench_figure("names_paragraph_spurious_per_paragraph",
                 paras ? (double)spurious / paras : 0);
}

int main(int argc, char **argv)
{
    int verbose = argc > 1 && !strcmp(argv[1], "-v");
    /* the list sits beside this file: bench/data/names_pairs.tsv */
    char path[4096];
    bench_data_path(path, sizeof path, __FILE__, "names_pairs.tsv");
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "names: cannot open %s\n", path);
        return 2;
    }
    static pair p[MAXP];
    size_t n = 0;
    char line[256];
    while (fgets(line, sizeof line, f) && n < MAXP) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        line[strcspn(line, "\n")] = '\0';
        char *t1 = strchr(line, '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : 0;
        if (!t1 || !t2)
            continue;
        *t1 = *t2 = '\0';
        snprintf(p[n].en, sizeof p[n].en, "%s", line);
        snprintf(p[n].lang, sizeof p[n].lang, "%s", t1 + 1);
        snprintf(p[n].form, sizeof p[n].form, "%s", t2 + 1);
        n++;
    }
    fclose(f);
    story_ctx *ctx = bench_ctx();
    double t0 = bench_now(1);
    for (size_t i = 0; i < n; i++) {
        p[i].ken = key(ctx, p[i].en, "en");
        p[i].kform = key(ctx, p[i].form, p[i].lang);
    }
    double dt = bench_now(1) - t0;

    /* distinct English names */
    static const char *names[MAXP];
    static char *nkeys[MAXP];
    size_t nn = 0;
    for (size_t i = 0; i < n; i++) {
        size_t k;
        for (k = 0; k < nn && strcmp(names[k], p[i].en); k++)
            ;
        if (k == nn) {
            names[nn] = p[i].en;
            nkeys[nn++] = p[i].ken;
        }
    }
    static const char *const langs[] = {"cs", "de", "es", "is", "ru",
                                        "uk", "hi", "ja", "zh"};
    enum { NL = 9 };
    size_t tp[NL] = {0}, fn[NL] = {0}, fp[NL] = {0};
    for (size_t i = 0; i < n; i++) {
        int l;
        for (l = 0; l < NL && strcmp(langs[l], p[i].lang); l++)
            ;
        if (l == NL)
            continue;
        double s = story_name_similarity(p[i].ken, p[i].kform);
        if (s >= STORY_NAME_MATCH) {
            tp[l]++;
        } else {
            fn[l]++;
            if (verbose)
                printf("miss  %s %-14s %-24s %s / %s %.2f\n", p[i].lang,
                       p[i].en, p[i].form, p[i].ken, p[i].kform, s);
        }
        for (size_t k = 0; k < nn; k++) {
            if (!strcmp(names[k], p[i].en))
                continue;
            double s2 = story_name_similarity(nkeys[k], p[i].kform);
            if (s2 >= STORY_NAME_MATCH) {
                fp[l]++;
                if (verbose)
                    printf("false %s %-14s %-24s %s / %s %.2f\n", p[i].lang,
                           names[k], p[i].form, nkeys[k], p[i].kform, s2);
            }
        }
    }
    paragraph_check(ctx, names, nkeys, nn);
    char name[96];
    size_t T[2] = {0}, FN[2] = {0}, FP[2] = {0};
    for (int l = 0; l < NL; l++) {
        snprintf(name, sizeof name, "names_precision_%s_ratio", langs[l]);
        bench_figure(name, tp[l] + fp[l] ? (double)tp[l] / (tp[l] + fp[l])
                                         : 1.0);
        snprintf(name, sizeof name, "names_recall_%s_ratio", langs[l]);
        bench_figure(name, tp[l] + fn[l] ? (double)tp[l] / (tp[l] + fn[l])
                                         : 1.0);
        int g = l >= 6;
        T[g] += tp[l];
        FN[g] += fn[l];
        FP[g] += fp[l];
    }
    bench_figure("names_precision_ratio",
                 T[0] + FP[0] ? (double)T[0] / (T[0] + FP[0]) : 1);
    bench_figure("names_recall_ratio",
                 T[0] + FN[0] ? (double)T[0] / (T[0] + FN[0]) : 1);
    bench_figure("names_precision_cjk_hi_ratio",
                 T[1] + FP[1] ? (double)T[1] / (T[1] + FP[1]) : 1);
    bench_figure("names_recall_cjk_hi_ratio",
                 T[1] + FN[1] ? (double)T[1] / (T[1] + FN[1]) : 1);
    bench_count("names_pairs_count", (double)n);
    bench_count("names_key_per_s", dt > 0 ? 2.0 * n / dt : 0);
    for (size_t i = 0; i < n; i++) {
        story_free(p[i].ken);
        story_free(p[i].kform);
    }
    story_ctx_free(ctx);
    return 0;
}
