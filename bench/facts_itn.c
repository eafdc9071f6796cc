/*
 * bench/run facts-itn: changed numbers in real revisions.
 *
 * Data: $STORYDIFF_CORPUS/itn_revisions/itn_blurb_revision_pairs.jsonl
 * (1,513 successive versions of one-sentence Wikipedia "In the news"
 * blurbs, 38 languages). Per pair: ingest + segment (language from the
 * record) + story_facts_extract() on `before` and on `after`.
 *
 * Independent reference (computed here, not by the library): the multiset
 * of digit-sequence values of each version (maximal runs of ASCII or other
 * Unicode decimal digits, the separators "," "." and U+00A0/U+202F/space
 * between digit groups removed; leading zeros dropped). A pair CHANGES a
 * number when some value leaves the multiset and another enters it (a
 * replacement); it is UNCHANGED when the multisets are equal; pairs that
 * only add or only drop numbers are counted apart (not scored).
 *
 * System: a pair yields a `changed` quantity when some slot of a quantity
 * or date fact has a key only in `before` and another key only in `after`
 * (same slot, different value: what the diff stage reports as changed).
 * Dates are included because years and days of the month are date facts
 * in storydiff's model, not quantities.
 *
 * Figures (also per language family: germanic, romance, slavic, cjk,
 * other):
 *   facts_itn_changed_recall_ratio        changed pairs detected / changed
 *   facts_itn_false_alarm_ratio           unchanged pairs flagged / unchanged
 *   facts_itn_changed_pairs_count, facts_itn_unchanged_pairs_count
 *   facts_itn_<family>_changed_recall_ratio, .._false_alarm_ratio
 * Set FACTS_DUMP=1 to print the misses and false alarms on stderr.
 */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "benchsupport.h"
#include "storydiff/storydiff.h"

#define NFAM 5
static const char *const fam_names[NFAM] = {"germanic", "romance", "slavic",
                                            "cjk", "other"};

static int family(const char *lang)
{
    static const char *const g[] = {"en", "de", "nl", "sv", "no", "nb",
                                    "nn", "da", "is", "af", "sco", NULL};
    static const char *const r[] = {"fr", "es", "it", "pt", "ro", "ca",
                                    "gl", "la", NULL};
    static const char *const s[] = {"ru", "uk", "pl", "cs", "sk", "be",
                                    "be-tarask", "bg", "sr", "hr", "sh",
                                    "sl", "mk", NULL};
    static const char *const c[] = {"zh", "zh-yue", "wuu", "ja", "ko", NULL};
    const char *const *l[4] = {g, r, s, c};
    for (int f = 0; f < 4; f++)
        for (int i = 0; l[f][i]; i++)
            if (strcmp(lang, l[f][i]) == 0)
                return f;
    return 4;
}

/* Digit-sequence values of s into a sorted JSON array of strings. */
static json_t *digit_values(const char *s)
{
    json_t *out = json_array();
    size_t n = strlen(s);
    int32_t i = 0;
    char buf[64];
    size_t bl = 0;
    int in = 0;
    while ((size_t)i < n) {
        int32_t prev = i;
        UChar32 c;
        U8_NEXT(s, i, (int32_t)n, c);
        int d = c >= 0 ? u_charDigitValue(c) : -1;
        if (d >= 0 && u_charType(c) == U_DECIMAL_DIGIT_NUMBER) {
            if (bl + 1 < sizeof buf && !(bl == 0 && d == 0))
                buf[bl++] = (char)('0' + d);
            in = 1;
            continue;
        }
        /* a group/decimal separator between digits continues the run */
        if (in && (c == ',' || c == '.' || c == 0xA0 || c == 0x202F ||
                   c == ' ') && (size_t)i < n) {
            int32_t j = i;
            UChar32 nx;
            U8_NEXT(s, j, (int32_t)n, nx);
            if (nx >= 0 && u_charType(nx) == U_DECIMAL_DIGIT_NUMBER &&
                c != ' ')
                continue;
        }
        (void)prev;
        if (in) {
            if (bl == 0)
                buf[bl++] = '0';
            buf[bl] = '\0';
            json_array_append_new(out, json_string(buf));
            bl = 0;
            in = 0;
        }
    }
    if (in) {
        if (bl == 0)
            buf[bl++] = '0';
        buf[bl] = '\0';
        json_array_append_new(out, json_string(buf));
    }
    return out;
}

/* multiset difference counts: *gone = values only in a, *came = only b */
static void mdiff(json_t *a, json_t *b, int *gone, int *came)
{
    json_t *cnt = json_object();
    size_t i;
    json_t *v;
    json_array_foreach(a, i, v) {
        json_t *c = json_object_get(cnt, json_string_value(v));
        json_object_set_new(cnt, json_string_value(v),
                            json_integer(c ? json_integer_value(c) + 1 : 1));
    }
    json_array_foreach(b, i, v) {
        json_t *c = json_object_get(cnt, json_string_value(v));
        json_object_set_new(cnt, json_string_value(v),
                            json_integer(c ? json_integer_value(c) - 1 : -1));
    }
    *gone = *came = 0;
    const char *k;
    json_object_foreach(cnt, k, v) {
        json_int_t x = json_integer_value(v);
        if (x > 0)
            *gone += (int)x;
        if (x < 0)
            *came += (int)-x;
    }
    json_decref(cnt);
}

/* key -> slot of quantity/date facts (multiset via counts "key#n") */
static json_t *qkeys(story_ctx *ctx, const char *text, const char *lang)
{
    story_error err;
    story_article *a = NULL;
    story_factset *fs = NULL;
    story_ingest_options io = STORY_INGEST_OPTIONS_INIT;
    io.format = "text";
    json_t *o = json_object();
    if (story_ingest_memory(&a, ctx, "itn", text, strlen(text), NULL, &io,
                            &err) ||
        story_segment(ctx, a, lang, &err) ||
        story_facts_extract(&fs, ctx, a, &err)) {
        story_article_free(a);
        return o;
    }
    for (size_t i = 0; i < fs->n_facts; i++) {
        const story_fact *f = &fs->facts[i];
        if (f->type != STORY_FACT_QUANTITY && f->type != STORY_FACT_DATE)
            continue;
        char k[512];
        for (int n = 0;; n++) {
            snprintf(k, sizeof k, "%s#%d", f->key, n);
            if (!json_object_get(o, k))
                break;
        }
        json_object_set_new(o, k, json_string(f->slot));
    }
    story_factset_free(fs);
    story_article_free(a);
    return o;
}

static int sys_changed(json_t *kb, json_t *ka)
{
    const char *k;
    json_t *v;
    json_object_foreach(kb, k, v) {
        if (json_object_get(ka, k))
            continue;
        const char *slot = json_string_value(v);
        const char *k2;
        json_t *v2;
        json_object_foreach(ka, k2, v2) if (!json_object_get(kb, k2) &&
                                            strcmp(json_string_value(v2),
                                                   slot) == 0) return 1;
    }
    return 0;
}

int main(void)
{
    story_ctx *ctx = bench_ctx();
    char *path = bench_corpus_path(
        "itn_revisions/itn_blurb_revision_pairs.jsonl");
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "facts-itn: %s: cannot open\n", path);
        return 2;
    }
    const char *dump = getenv("FACTS_DUMP");
    double ch[NFAM] = {0}, ch_hit[NFAM] = {0}, un[NFAM] = {0},
           un_fa[NFAM] = {0}, other = 0;
    char *line = NULL;
    size_t cap = 0;
    while (getline(&line, &cap, f) > 0) {
        json_error_t je;
        json_t *r = json_loads(line, 0, &je);
        if (!r)
            continue;
        const char *lang = json_string_value(json_object_get(r, "lang"));
        const char *bt = json_string_value(json_object_get(r, "before"));
        const char *at = json_string_value(json_object_get(r, "after"));
        if (!lang || !bt || !at) {
            json_decref(r);
            continue;
        }
        int fam = family(lang);
        json_t *db = digit_values(bt), *da = digit_values(at);
        int gone, came;
        mdiff(db, da, &gone, &came);
        json_t *kb = qkeys(ctx, bt, lang), *ka = qkeys(ctx, at, lang);
        int sys = sys_changed(kb, ka);
        if (gone == 0 && came == 0) {
            un[fam] += 1;
            if (sys) {
                un_fa[fam] += 1;
                if (dump)
                    fprintf(stderr, "FALSE ALARM [%s]\n  %s\n  %s\n", lang,
                            bt, at);
            }
        } else if (gone > 0 && came > 0) {
            ch[fam] += 1;
            if (sys)
                ch_hit[fam] += 1;
            else if (dump)
                fprintf(stderr, "MISS [%s]\n  %s\n  %s\n", lang, bt, at);
        } else {
            other += 1;
        }
        json_decref(db);
        json_decref(da);
        json_decref(kb);
        json_decref(ka);
        json_decref(r);
    }
    free(line);
    fclose(f);
    double tc = 0, th = 0, tu = 0, tf = 0;
    char name[128];
    for (int i = 0; i < NFAM; i++) {
        snprintf(name, sizeof name, "facts_itn_%s_changed_recall_ratio",
                 fam_names[i]);
        bench_figure(name, ch[i] ? ch_hit[i] / ch[i] : 0);
        snprintf(name, sizeof name, "facts_itn_%s_false_alarm_ratio",
                 fam_names[i]);
        bench_figure(name, un[i] ? un_fa[i] / un[i] : 0);
        snprintf(name, sizeof name, "facts_itn_%s_changed_pairs_count",
                 fam_names[i]);
        bench_count(name, ch[i]);
        tc += ch[i];
        th += ch_hit[i];
        tu += un[i];
        tf += un_fa[i];
    }
    bench_figure("facts_itn_changed_recall_ratio", tc ? th / tc : 0);
    bench_figure("facts_itn_false_alarm_ratio", tu ? tf / tu : 0);
    bench_count("facts_itn_changed_pairs_count", tc);
    bench_count("facts_itn_unchanged_pairs_count", tu);
    bench_count("facts_itn_add_or_drop_only_pairs_count", other);
    free(path);
    story_ctx_free(ctx);
    return 0;
}
