/*
 * bench/run trafilatura: extraction and metadata on the trafilatura
 * evaluation sample (issue 3).
 *
 * Data: $STORYDIFF_CORPUS/trafilatura_eval_sample/ (180 multilingual pages
 * html/<file>.gz and gold.json {file: {with, without, title, author,
 * date, …}}), read in place. The pages are given without a Content-Type,
 * so the charset is decided from the page itself (BOM, <meta>, UTF-8
 * validity, ICU detection).
 * Figures:
 *   with_kept_ratio     share of `with` snippets found in the extracted
 *                       text (white space collapsed on both sides), as in
 *                       trafilatura's tests/comparison.py;
 *   without_kept_ratio  share of `without` snippets (boilerplate) wrongly
 *                       present in the text;
 *   title_accuracy_ratio, author_accuracy_ratio, date_accuracy_ratio:
 *                       exact match after white-space collapsing and ICU
 *                       case folding (authors joined with "; "; an empty gold
 *                       author must give no author; date = the first 10
 *                       characters of `published`);
 *   date_published_or_modified_ratio: the gold date equals `published` or
 *                       `modified` (the gold often gives the update date);
 *   pages_count, failed_pages_count, throughput_mb_per_s (this set).
 * '#' lines: the pages with mismatches (-v for all, otherwise at most 10
 * per kind).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include "benchsupport.h"
#include "storydiff/storydiff.h"

/* Collapse white space (ASCII and NBSP) to one space, trim; malloc'd. */
static char *norm(const char *s, int fold)
{
    size_t n = strlen(s);
    char *o = malloc(n + 1);
    size_t k = 0;
    int sp = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        int ws = isspace(c);
        if (c == 0xC2 && (unsigned char)s[i + 1] == 0xA0) {
            ws = 1;
            i++;
        }
        if (ws) {
            sp = k > 0;
            continue;
        }
        if (sp)
            o[k++] = ' ';
        sp = 0;
        o[k++] = fold ? (char)tolower(c) : (char)c;
    }
    o[k] = '\0';
    return o;
}

static int contains(const char *hay, const char *snippet)
{
    char *s = norm(snippet, 0);
    int r = *s && strstr(hay, s) != NULL;
    free(s);
    return r;
}

/* ICU full case folding of a UTF-8 string, malloc'd. */
static char *fold(const char *s)
{
    UErrorCode e = U_ZERO_ERROR;
    int32_t n = 0;
    size_t len = strlen(s);
    UChar *u = malloc((len + 1) * sizeof(UChar)),
          *f = malloc((2 * len + 2) * sizeof(UChar));
    u_strFromUTF8Lenient(u, (int32_t)len + 1, &n, s, (int32_t)len, &e);
    int32_t fl = u_strFoldCase(f, (int32_t)(2 * len + 2), u, n,
                               U_FOLD_CASE_DEFAULT, &e);
    char *o = malloc(4 * len + 8);
    int32_t ol = 0;
    u_strToUTF8(o, (int32_t)(4 * len + 8), &ol, f, fl, &e);
    if (U_FAILURE(e))
        snprintf(o, 4 * len + 8, "%s", s);
    free(u);
    free(f);
    return o;
}

static int same(const char *a, const char *b)
{
    char *fa = fold(a ? a : ""), *fb = fold(b ? b : "");
    char *x = norm(fa, 1), *y = norm(fb, 1);
    free(fa);
    free(fb);
    int r = strcmp(x, y) == 0;
    free(x);
    free(y);
    return r;
}

int main(int argc, char **argv)
{
    int verbose = argc > 1 && strcmp(argv[1], "-v") == 0;
    story_ctx *ctx = bench_ctx();
    char *gpath = bench_corpus_path("trafilatura_eval_sample/gold.json");
    json_error_t je;
    json_t *gold = json_load_file(gpath, 0, &je);
    if (!gold) {
        fprintf(stderr, "bench trafilatura: %s: %s\n", gpath, je.text);
        return 2;
    }
    long with_n = 0, with_k = 0, wo_n = 0, wo_k = 0;
    int pages = 0, failed = 0, title_ok = 0, author_ok = 0, date_ok = 0;
    int date_any_ok = 0;
    int shown_t = 0, shown_a = 0, shown_d = 0, shown_w = 0;
    double secs = 0, bytes = 0;
    const char *key;
    json_t *g;
    json_object_foreach(gold, key, g) {
        char rel[600];
        snprintf(rel, sizeof rel, "trafilatura_eval_sample/html/%s.gz", key);
        char *path = bench_corpus_path(rel);
        size_t len = 0;
        char *html = bench_read_gz(path, &len);
        free(path);
        if (!html) {
            fprintf(stderr, "bench trafilatura: cannot read %s\n", rel);
            return 2;
        }
        pages++;
        story_article *a = NULL;
        story_ingest_options io = STORY_INGEST_OPTIONS_INIT;
        story_error err;
        io.format = "html";
        double t0 = bench_now(1);
        int rc = story_ingest_memory(&a, ctx, key, html, len, NULL, &io, &err);
        secs += bench_now(1) - t0;
        bytes += (double)len;
        if (rc != 0) {
            failed++;
            printf("# failed %s: %s\n", key, err.message);
        }
        char *text = norm(a ? a->text : "", 0);
        size_t k;
        json_t *s;
        json_array_foreach(json_object_get(g, "with"), k, s) {
            with_n++;
            if (contains(text, json_string_value(s)))
                with_k++;
            else if (verbose || shown_w < 10) {
                shown_w++;
                printf("# with missing %s: %.60s\n", key, json_string_value(s));
            }
        }
        json_array_foreach(json_object_get(g, "without"), k, s) {
            wo_n++;
            if (contains(text, json_string_value(s))) {
                wo_k++;
                if (verbose || shown_w < 10) {
                    shown_w++;
                    printf("# without kept %s: %.60s\n", key,
                           json_string_value(s));
                }
            }
        }
        free(text);
        const char *gt = json_string_value(json_object_get(g, "title"));
        const char *ga = json_string_value(json_object_get(g, "author"));
        const char *gd = json_string_value(json_object_get(g, "date"));
        const char *title = a ? a->title : "";
        if (same(gt, title))
            title_ok++;
        else if (verbose || shown_t++ < 10)
            printf("# title %s: got [%s] want [%s]\n", key, title, gt ? gt : "");
        char authors[1024] = "";
        for (size_t i = 0; a && i < a->n_authors; i++) {
            size_t l = strlen(authors);
            snprintf(authors + l, sizeof authors - l, "%s%s", i ? "; " : "",
                     a->authors[i]);
        }
        if (same(ga, authors))
            author_ok++;
        else if (verbose || shown_a++ < 10)
            printf("# author %s: got [%s] want [%s]\n", key, authors,
                   ga ? ga : "");
        char date[16] = "";
        if (a && a->published)
            snprintf(date, sizeof date, "%.10s", a->published);
        char mdate[16] = "";
        if (a && a->modified)
            snprintf(mdate, sizeof mdate, "%.10s", a->modified);
        if (gd && (strcmp(gd, date) == 0 || strcmp(gd, mdate) == 0))
            date_any_ok++;
        if (gd && strcmp(gd, date) == 0)
            date_ok++;
        else if (verbose || shown_d++ < 10)
            printf("# date %s: got [%s] want [%s]\n", key, date, gd ? gd : "");
        story_article_free(a);
        free(html);
    }
    bench_figure("with_kept_ratio", with_n ? (double)with_k / (double)with_n : 0);
    bench_figure("without_kept_ratio", wo_n ? (double)wo_k / (double)wo_n : 0);
    bench_figure("title_accuracy_ratio", pages ? (double)title_ok / pages : 0);
    bench_figure("author_accuracy_ratio", pages ? (double)author_ok / pages : 0);
    bench_figure("date_accuracy_ratio", pages ? (double)date_ok / pages : 0);
    bench_figure("date_published_or_modified_ratio",
                 pages ? (double)date_any_ok / pages : 0);
    bench_count("pages_count", pages);
    bench_count("failed_pages_count", failed);
    bench_figure("throughput_mb_per_s", secs > 0 ? bytes / 1e6 / secs : 0);
    json_decref(gold);
    free(gpath);
    story_ctx_free(ctx);
    return 0;
}
