/*
 * bench helper (header only): a minimal reader for the WMT21/WMT22 news
 * XML test sets (<doc id=…><src lang=…><p><seg id=…>text</seg>…</p></src>
 * <ref lang=… translator=…>…</ref></doc>), enough for the benchmark files
 * in ../shared/corpus/wmt (no CDATA, no comments inside docs). Entities
 * &amp; &lt; &gt; &quot; &apos; and numeric references are decoded.
 */
#ifndef STORY_BENCH_WMTXML_H
#define STORY_BENCH_WMTXML_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One side of one document: its language and segments in order. */
typedef struct wmt_side {
    char doc_id[128];
    char lang[16];
    char who[16]; /* "src" or the translator id */
    char **segs;
    size_t n_segs;
} wmt_side;

static size_t wmt_put_utf8(char *o, unsigned long cp)
{
    if (cp < 0x80) { o[0] = (char)cp; return 1; }
    if (cp < 0x800) { o[0] = (char)(0xC0 | (cp >> 6)); o[1] = (char)(0x80 | (cp & 0x3F)); return 2; }
    if (cp < 0x10000) { o[0] = (char)(0xE0 | (cp >> 12)); o[1] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[2] = (char)(0x80 | (cp & 0x3F)); return 3; }
    o[0] = (char)(0xF0 | (cp >> 18)); o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F)); o[3] = (char)(0x80 | (cp & 0x3F));
    return 4;
}

/* Decode [s, e) into a malloc'd string. */
static char *wmt_decode(const char *s, const char *e)
{
    char *o = malloc((size_t)(e - s) + 1), *p = o;
    while (s < e) {
        if (*s == '&') {
            const char *semi = memchr(s, ';', (size_t)(e - s));
            if (semi && semi - s < 12) {
                if (!strncmp(s, "&amp;", 5)) *p++ = '&';
                else if (!strncmp(s, "&lt;", 4)) *p++ = '<';
                else if (!strncmp(s, "&gt;", 4)) *p++ = '>';
                else if (!strncmp(s, "&quot;", 6)) *p++ = '"';
                else if (!strncmp(s, "&apos;", 6)) *p++ = '\'';
                else if (s[1] == '#') {
                    unsigned long cp = s[2] == 'x' ? strtoul(s + 3, NULL, 16)
                                                   : strtoul(s + 2, NULL, 10);
                    p += wmt_put_utf8(p, cp);
                } else {
                    memcpy(p, s, (size_t)(semi - s + 1));
                    p += semi - s + 1;
                }
                s = semi + 1;
                continue;
            }
        }
        *p++ = *s++;
    }
    *p = '\0';
    return o;
}

static void wmt_attr(const char *tag, const char *tag_end, const char *name,
                     char *out, size_t n)
{
    char pat[32];
    snprintf(pat, sizeof pat, " %s=\"", name);
    out[0] = '\0';
    const char *a = strstr(tag, pat);
    if (!a || a > tag_end)
        return;
    a += strlen(pat);
    const char *q = strchr(a, '"');
    if (!q)
        return;
    size_t k = (size_t)(q - a) < n - 1 ? (size_t)(q - a) : n - 1;
    memcpy(out, a, k);
    out[k] = '\0';
}

/* Parse the whole file into sides (*n_out of them). */
static wmt_side *wmt_parse(const char *x, size_t *n_out)
{
    size_t cap = 64, n = 0;
    wmt_side *v = malloc(cap * sizeof *v);
    char doc[128] = "";
    const char *p = x;
    wmt_side *cur = NULL;
    size_t seg_cap = 0;
    while ((p = strchr(p, '<'))) {
        const char *gt = strchr(p, '>');
        if (!gt)
            break;
        if (!strncmp(p, "<doc ", 5)) {
            wmt_attr(p, gt, "id", doc, sizeof doc);
        } else if (!strncmp(p, "<src ", 5) || !strncmp(p, "<ref ", 5)) {
            if (n == cap)
                v = realloc(v, (cap *= 2) * sizeof *v);
            cur = &v[n++];
            memset(cur, 0, sizeof *cur);
            snprintf(cur->doc_id, sizeof cur->doc_id, "%s", doc);
            wmt_attr(p, gt, "lang", cur->lang, sizeof cur->lang);
            if (p[1] == 's')
                snprintf(cur->who, sizeof cur->who, "src");
            else
                wmt_attr(p, gt, "translator", cur->who, sizeof cur->who);
            seg_cap = 0;
        } else if (!strncmp(p, "</src>", 6) || !strncmp(p, "</ref>", 6)) {
            cur = NULL;
        } else if (!strncmp(p, "<seg", 4) && cur) {
            const char *end = strstr(gt, "</seg>");
            if (!end)
                break;
            if (cur->n_segs == seg_cap) {
                seg_cap = seg_cap ? 2 * seg_cap : 32;
                cur->segs = realloc(cur->segs, seg_cap * sizeof(char *));
            }
            cur->segs[cur->n_segs++] = wmt_decode(gt + 1, end);
            p = end + 6;
            continue;
        }
        p = gt + 1;
    }
    *n_out = n;
    return v;
}

static void wmt_free(wmt_side *v, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        for (size_t k = 0; k < v[i].n_segs; k++)
            free(v[i].segs[k]);
        free(v[i].segs);
    }
    free(v);
}

#endif
