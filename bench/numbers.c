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
 * numbers_precision_ratio, numbers_recall_ratio, numbers_f1_ratio (the
 * raw figures, the main ones), numbers_dates_throughput_mb_per_s.
 *
 * Adjudicated figures: the human translations are not error-free (dropped
 * sentences, 1974 -> 1975, billion -> million, figures repeated or added).
 * bench/data/numbers_reference_errors.tsv holds a verdict on EVERY value
 * the raw comparison leaves unmatched (columns story, lang, side en|xx,
 * value as -v prints it, verdict, reason): "reference" (the translation
 * really does not carry the value: the reference's error or choice),
 * "scanner" (the value is in the text and storydiff misreads, misses or
 * invents it), "ambiguous" (both readings defensible). One line judges one
 * value; repeated values need repeated lines. numbers_<lang>_adjudicated_
 * precision_ratio / _recall_ratio (lang also "all", micro-averaged)
 * remove only the "reference" values from the denominators (matched /
 * (values - reference ones)); scanner and ambiguous misses stay errors.
 * numbers_<lang>_reference_errors_count counts the removed values (both
 * sides). numbers_unjudged_misses_count (misses with no verdict) and
 * numbers_stale_verdicts_count (verdicts matching no miss) must be 0: when
 * the scanner changes, re-judge the new misses (each is printed on stderr).
 * Usage: bench/run numbers [-v LANG]   (-v prints the misses of LANG,
 * each value with its mention in brackets and its verdict in braces; with BENCH_NUMBERS_TEXT=1 in
 * the environment also both paragraphs and all values of both sides)
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

/* One line of bench/data/numbers_reference_errors.tsv: the verdict on a
 * value left unmatched (see the header comment). */
typedef struct {
    char story[96];
    char lang[8];
    int side_en; /* 1: value only in English, 0: only in the translation */
    char value[32]; /* as -v prints it, %g */
    char verdict[16]; /* reference, scanner, ambiguous */
    int used;
} verdict;

#define MAXJ 1024
static verdict judged[MAXJ];
static size_t njudged;

/* Reads the verdict table beside this file; exits on a malformed line
 * (naming the file and line). A missing file leaves the table empty. */
static void load_verdicts(void)
{
    char path[4096];
    bench_data_path(path, sizeof path, __FILE__, "numbers_reference_errors.tsv");
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "numbers: cannot open %s; adjudicated figures "
                        "equal the raw ones\n", path);
        return;
    }
    char line[1024];
    int ln = 0;
    while (fgets(line, sizeof line, f)) {
        ln++;
        if (line[0] == '#' || line[0] == '\n')
            continue;
        char *field[6];
        int nf = 0;
        line[strcspn(line, "\r\n")] = '\0';
        for (char *t = line; t && nf < 6;) {
            field[nf++] = t;
            t = strchr(t, '\t');
            if (t)
                *t++ = '\0';
        }
        if (nf < 6 || njudged == MAXJ ||
            (strcmp(field[2], "en") && strcmp(field[2], "xx")) ||
            (strcmp(field[4], "reference") && strcmp(field[4], "scanner") &&
             strcmp(field[4], "ambiguous"))) {
            fprintf(stderr, "numbers: %s:%d: expected story, lang, side "
                            "(en|xx), value, verdict "
                            "(reference|scanner|ambiguous), reason\n",
                    path, ln);
            exit(2);
        }
        verdict *j = &judged[njudged++];
        snprintf(j->story, sizeof j->story, "%.*s",
                 (int)sizeof j->story - 1, field[0]);
        snprintf(j->lang, sizeof j->lang, "%.*s",
                 (int)sizeof j->lang - 1, field[1]);
        j->side_en = !strcmp(field[2], "en");
        snprintf(j->value, sizeof j->value, "%.*s",
                 (int)sizeof j->value - 1, field[3]);
        snprintf(j->verdict, sizeof j->verdict, "%.*s",
                 (int)sizeof j->verdict - 1, field[4]);
        j->used = 0;
    }
    fclose(f);
}

/* The verdict of an unmatched value (each table line judges one value:
 * repeated values need repeated lines), or NULL when none is recorded. */
static const char *judge(const char *story, const char *lang, int side_en,
                         double v)
{
    char value[32];
    snprintf(value, sizeof value, "%g", v);
    for (size_t k = 0; k < njudged; k++) {
        verdict *j = &judged[k];
        if (!j->used && j->side_en == side_en && !strcmp(j->lang, lang) &&
            !strcmp(j->story, story) && !strcmp(j->value, value)) {
            j->used = 1;
            return j->verdict;
        }
    }
    return NULL;
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
    /* unmatched values judged "reference" (translation side, English
     * side) and unmatched values without any verdict */
    size_t rt[NL] = {0}, re[NL] = {0}, unjudged = 0;
    load_verdicts();
    static val a[MAXV], b[MAXV];
    raw_only = getenv("BENCH_NUMBERS_RAW") != NULL;
    size_t sa[MAXV][2], sb[MAXV][2];
    int ua[MAXV], ub[MAXV];
    static const char *ja[MAXV], *jb[MAXV]; /* verdicts of the misses */
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
                const char *story =
                    json_string_value(json_object_get(doc, "doc_id"));
                for (int side = 0; side < 2; side++) {
                    size_t nv = side ? na : nb;
                    for (size_t k = 0; k < nv; k++) {
                        if (side ? ua[k] : ub[k])
                            continue;
                        const char *j = judge(story ? story : "", langs[l],
                                              side, side ? a[k].v : b[k].v);
                        (side ? ja : jb)[k] = j ? j : "no verdict";
                        if (!j) {
                            unjudged++;
                            fprintf(stderr, "numbers: no verdict for %s %s "
                                            "%s %g\n", story, langs[l],
                                    side ? "en" : "xx",
                                    side ? a[k].v : b[k].v);
                        } else if (!strcmp(j, "reference")) {
                            (side ? re : rt)[l]++;
                        }
                    }
                }
                if (verbose && !strcmp(verbose, langs[l]) && (m < na || m < nb)) {
                    printf("--- %s para %zu\n  en only:",
                           json_string_value(json_object_get(doc, "doc_id")),
                           p);
                    for (size_t k = 0; k < na; k++)
                        if (!ua[k])
                            printf(" %g [%.*s]{%s}", a[k].v,
                                   (int)(sa[k][1] - sa[k][0]), se + sa[k][0],
                                   ja[k]);
                    printf("\n  %s only:", langs[l]);
                    for (size_t k = 0; k < nb; k++)
                        if (!ub[k])
                            printf(" %g [%.*s]{%s}", b[k].v,
                                   (int)(sb[k][1] - sb[k][0]), st + sb[k][0],
                                   jb[k]);
                    printf("\n");
                    if (getenv("BENCH_NUMBERS_TEXT")) {
                        printf("  EN: %s\n  %s: %s\n", se, langs[l], st);
                        printf("  en all:");
                        for (size_t k = 0; k < na; k++)
                            printf(" %g [%.*s]", a[k].v,
                                   (int)(sa[k][1] - sa[k][0]), se + sa[k][0]);
                        printf("\n  %s all:", langs[l]);
                        for (size_t k = 0; k < nb; k++)
                            printf(" %g [%.*s]", b[k].v,
                                   (int)(sb[k][1] - sb[k][0]), st + sb[k][0]);
                        printf("\n");
                    }
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

    /* adjudicated: the unmatched values judged "reference" (a translator's
     * error or choice) leave the denominators; scanner and ambiguous
     * misses stay errors */
    size_t RT = 0, RE = 0;
    for (int l = 0; l <= NL; l++) {
        const char *lk = l < NL ? langs[l] : "all";
        size_t t = l < NL ? tp[l] : TP, x = l < NL ? nt[l] - rt[l] : NT - RT,
               e = l < NL ? ne[l] - re[l] : NE - RE;
        snprintf(name, sizeof name, "numbers_%s_adjudicated_precision_ratio",
                 lk);
        bench_figure(name, x ? (double)t / (double)x : 1.0);
        snprintf(name, sizeof name, "numbers_%s_adjudicated_recall_ratio", lk);
        bench_figure(name, e ? (double)t / (double)e : 1.0);
        snprintf(name, sizeof name, "numbers_%s_reference_errors_count", lk);
        bench_count(name, l < NL ? (double)(rt[l] + re[l]) : (double)(RT + RE));
        if (l < NL) {
            RT += rt[l];
            RE += re[l];
        }
    }
    size_t stale = 0;
    for (size_t k = 0; k < njudged; k++)
        if (!judged[k].used) {
            stale++;
            fprintf(stderr, "numbers: verdict matches no unmatched value: "
                            "%s %s %s %s\n", judged[k].story, judged[k].lang,
                    judged[k].side_en ? "en" : "xx", judged[k].value);
        }
    bench_count("numbers_unjudged_misses_count", (double)unjudged);
    bench_count("numbers_stale_verdicts_count", (double)stale);

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
