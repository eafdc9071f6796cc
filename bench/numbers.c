/*
 * bench numbers: cross-language number agreement on WMT24 news
 * (corpus wmt/wmt24_news/multiparallel_docs.json: 17 English stories, each
 * professionally translated into cs de es hi is ja ru uk zh; paragraph i of
 * every language says the same thing).
 *
 * For each paragraph, the multiset of numeric values story__numbers_scan
 * reads from the translation is compared with the one from the English
 * paragraph (a range contributes both ends; numbers inside an absolute
 * date mention found by story__dates_scan are left to the date comparison
 * on both sides). Two values are the same when they are equal within
 * 1e-6 relative, or, when both are measurements of one dimension written
 * in different units (150 feet / 45 metres, 18 months / 1.5 years; see
 * story__unit_si), when their base-unit values agree within the rounding
 * of a converted figure: 5 % for lengths, masses, areas, volumes and
 * speeds (a conversion rounded to two significant digits is off by at
 * most 5 %), 2 % for durations (a month is 28-31 days), 1 degree for
 * temperatures (°F -> °C rounded to whole degrees). Measurements in the
 * same unit must be equal: "10 miles" is not "10 km". With
 * BENCH_NUMBERS_RAW=1 only plain equality of the numbers counts (the
 * figures of the bench before unit conversion, for comparison).
 * Precision = matched / values in the translation, recall =
 * matched / values in English, per language and overall (micro-averaged).
 * Also the speed of numbers + dates scanning over all the text.
 *
 * Figures: numbers_precision_<lang>_ratio, numbers_recall_<lang>_ratio,
 * numbers_precision_ratio, numbers_recall_ratio, numbers_f1_ratio,
 * numbers_dates_throughput_mb_per_s.
 * Usage: bench/run numbers [-v LANG]   (-v prints the misses of LANG,
 * each value with its mention in brackets; with BENCH_NUMBERS_TEXT=1 in
 * the environment also both paragraphs)
 */
#include "benchsupport.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "dates.h"
#include "numbers.h"

#define MAXV 512

/* one value: the number, and its measurement dimension if any */
typedef struct {
    double v;
    double si;
    char unit[24];
    char dim[12];
} val;

static int raw_only;

/* Values of text (see the header); span[k] receives the mention of out[k]
 * as [start, end) bytes when span is not NULL (for -v). */
static size_t values(story_ctx *ctx, const char *lang, const char *text,
                     val *out, size_t (*span)[2])
{
    story_vec v;
    story_error err;
    story_vec_init(&v, sizeof(story_number));
    if (story__numbers_scan(ctx, lang, text, 0, strlen(text), &v, &err)) {
        fprintf(stderr, "numbers: %s\n", err.message);
        exit(1);
    }
    /* numbers inside date mentions are compared as dates, not here */
    story_vec d;
    story_vec_init(&d, sizeof(story_date));
    if (story__dates_scan(ctx, lang, text, 0, strlen(text), NULL, &d, &err)) {
        fprintf(stderr, "dates: %s\n", err.message);
        exit(1);
    }
    size_t n = 0;
    for (size_t i = 0; i < v.len && n + 2 < MAXV; i++) {
        story_number *x = (story_number *)v.data + i;
        int in_date = 0;
        for (size_t k = 0; k < d.len && !in_date; k++) {
            story_date *dt = (story_date *)d.data + k;
            in_date = dt->iso[0] && x->num_start >= dt->start &&
                      x->num_end <= dt->end;
        }
        if (in_date)
            continue;
        if (span) {
            span[n][0] = x->start;
            span[n][1] = x->end;
        }
        for (int hi = 0; hi <= (x->is_range ? 1 : 0); hi++) {
            if (span) {
                span[n][0] = x->start;
                span[n][1] = x->end;
            }
            val *o = &out[n++];
            o->v = hi ? x->value_hi : x->value;
            o->si = hi ? x->si_value_hi : x->si_value;
            snprintf(o->unit, sizeof o->unit, "%s", x->unit);
            snprintf(o->dim, sizeof o->dim, "%s", x->dimension);
        }
    }
    story_vec_free(&v);
    story_vec_free(&d);
    return n;
}

static int same(const val *x, const val *y)
{
    if (!raw_only && x->dim[0] && strcmp(x->dim, y->dim) == 0 &&
        strcmp(x->unit, y->unit) != 0) {
        /* one dimension, different units: compare converted values */
        double a = x->si, b = y->si, big = fmax(fabs(a), fabs(b));
        if (!strcmp(x->dim, "temperature"))
            return fabs(a - b) <= 1.0;
        if (!strcmp(x->dim, "duration"))
            return fabs(a - b) <= 0.02 * big;
        return fabs(a - b) <= 0.05 * big;
    }
    return fabs(x->v - y->v) <= 1e-6 * (fabs(x->v) + fabs(y->v)) + 1e-9;
}

/* Multiset intersection size; marks matched entries (used[]). */
static size_t intersect(const val *a, size_t na, const val *b,
                        size_t nb, int *used_a, int *used_b)
{
    size_t m = 0;
    memset(used_a, 0, na * sizeof *used_a);
    memset(used_b, 0, nb * sizeof *used_b);
    for (size_t i = 0; i < na; i++)
        for (size_t j = 0; j < nb; j++)
            if (!used_b[j] && same(&a[i], &b[j])) {
                used_a[i] = used_b[j] = 1;
                m++;
                break;
            }
    return m;
}

int main(int argc, char **argv)
{
    const char *verbose = argc > 2 && !strcmp(argv[1], "-v") ? argv[2] : NULL;
    char *path = bench_corpus_path("wmt/wmt24_news/multiparallel_docs.json");
    json_error_t je;
    json_t *docs = json_load_file(path, 0, &je);
    if (!docs) {
        fprintf(stderr, "numbers: %s: %s\n", path, je.text);
        return 2;
    }
    story_ctx *ctx = bench_ctx();
    static const char *const langs[] = {"cs", "de", "es", "hi", "is",
                                        "ja", "ru", "uk", "zh"};
    enum { NL = 9 };
    size_t tp[NL] = {0}, nt[NL] = {0}, ne[NL] = {0};
    static val a[MAXV], b[MAXV];
    raw_only = getenv("BENCH_NUMBERS_RAW") != NULL;
    size_t sa[MAXV][2], sb[MAXV][2];
    int ua[MAXV], ub[MAXV];
    size_t i;
    json_t *doc;
    json_array_foreach(docs, i, doc) {
        json_t *text = json_object_get(doc, "text");
        json_t *en = json_object_get(text, "en");
        for (int l = 0; l < NL; l++) {
            json_t *tr = json_object_get(text, langs[l]);
            if (!tr || json_array_size(tr) != json_array_size(en))
                continue;
            for (size_t p = 0; p < json_array_size(en); p++) {
                const char *se = json_string_value(json_array_get(en, p));
                const char *st = json_string_value(json_array_get(tr, p));
                if (!se || !st)
                    continue;
                size_t na = values(ctx, "en", se, a, sa);
                size_t nb = values(ctx, langs[l], st, b, sb);
                size_t m = intersect(a, na, b, nb, ua, ub);
                tp[l] += m;
                ne[l] += na;
                nt[l] += nb;
                if (verbose && !strcmp(verbose, langs[l]) && (m < na || m < nb)) {
                    printf("--- %s para %zu\n  en only:",
                           json_string_value(json_object_get(doc, "doc_id")),
                           p);
                    for (size_t k = 0; k < na; k++)
                        if (!ua[k])
                            printf(" %g [%.*s]", a[k].v,
                                   (int)(sa[k][1] - sa[k][0]), se + sa[k][0]);
                    printf("\n  %s only:", langs[l]);
                    for (size_t k = 0; k < nb; k++)
                        if (!ub[k])
                            printf(" %g [%.*s]", b[k].v,
                                   (int)(sb[k][1] - sb[k][0]), st + sb[k][0]);
                    printf("\n");
                    if (getenv("BENCH_NUMBERS_TEXT"))
                        printf("  EN: %s\n  %s: %s\n", se, langs[l], st);
                }
            }
        }
    }
    size_t TP = 0, NT = 0, NE = 0;
    char name[96];
    for (int l = 0; l < NL; l++) {
        snprintf(name, sizeof name, "numbers_precision_%s_ratio", langs[l]);
        bench_figure(name, nt[l] ? (double)tp[l] / (double)nt[l] : 1.0);
        snprintf(name, sizeof name, "numbers_recall_%s_ratio", langs[l]);
        bench_figure(name, ne[l] ? (double)tp[l] / (double)ne[l] : 1.0);
        TP += tp[l];
        NT += nt[l];
        NE += ne[l];
    }
    double P = NT ? (double)TP / (double)NT : 1, R = NE ? (double)TP / NE : 1;
    bench_figure("numbers_precision_ratio", P);
    bench_figure("numbers_recall_ratio", R);
    bench_figure("numbers_f1_ratio", P + R > 0 ? 2 * P * R / (P + R) : 0);
    bench_count("numbers_english_values_count", (double)NE);

    /* speed: numbers + dates over every paragraph of every language,
     * repeated to run long enough to time */
    size_t bytes = 0;
    double t0 = bench_now(1);
    int rounds = 0;
    do {
        json_array_foreach(docs, i, doc) {
            json_t *text = json_object_get(doc, "text");
            const char *lk;
            json_t *paras;
            json_object_foreach(text, lk, paras) {
                size_t p;
                json_t *s;
                json_array_foreach(paras, p, s) {
                    const char *t = json_string_value(s);
                    size_t len = strlen(t);
                    story_vec v, d;
                    story_vec_init(&v, sizeof(story_number));
                    story_vec_init(&d, sizeof(story_date));
                    story__numbers_scan(ctx, lk, t, 0, len, &v, NULL);
                    story__dates_scan(ctx, lk, t, 0, len, "2024-06-01", &d,
                                      NULL);
                    story_vec_free(&v);
                    story_vec_free(&d);
                    bytes += len;
                }
            }
        }
        rounds++;
    } while (bench_now(1) - t0 < 2.0 && rounds < 50);
    double dt = bench_now(1) - t0;
    bench_figure("numbers_dates_throughput_mb_per_s",
                 dt > 0 ? (double)bytes / dt / 1e6 : 0);
    story_ctx_free(ctx);
    json_decref(docs);
    free(path);
    return 0;
}
