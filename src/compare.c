/*
 * The whole pipeline for a pair of inputs (include/storydiff/compare.h):
 * ingest -> segment (with the language hints) -> facts -> align -> diff.
 * Every error names the input it concerns: when a stage leaves the
 * error's source empty, the article's source is filled in.
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

void story_comparison_free(story_comparison *c)
{
    if (!c)
        return;
    story_diff_free(c->diff);
    story_alignment_free(c->alignment);
    story_factset_free(c->fa);
    story_factset_free(c->fb);
    story_article_free(c->a);
    story_article_free(c->b);
    free(c);
}

/* Name the input in err when the stage did not. */
static int blame(story_error *err, int rc, const story_article *art)
{
    if (err && !err->source[0] && art && art->source)
        snprintf(err->source, sizeof err->source, "%s", art->source);
    return rc;
}

/* Skip white space (ICU u_isUWhiteSpace) from s[*i] on; 1 when there was
 * some. *c = the next code point (-1: invalid, -2: none left). */
static int skip_space(const char *s, size_t len, size_t *i, int32_t *c)
{
    int any = 0;
    *c = -2;
    while (*i < len) {
        size_t k = *i;
        *c = story__utf8_next(s, len, &k);
        if (*c < 0 || !u_isUWhiteSpace(*c))
            break;
        any = 1;
        *i = k;
    }
    return any;
}

/* 1 when UTF-8 x[0, xl) and y[0, yl) are equal once every run of white
 * space (ICU u_isUWhiteSpace: no-break and ideographic spaces too) is one
 * space: a title is stored with plain spaces where its body paragraph may
 * hold U+00A0 ("30 %") or U+3000. */
static int same_but_spaces(const char *x, size_t xl, const char *y,
                           size_t yl)
{
    size_t i = 0, j = 0;
    for (;;) {
        int32_t cx, cy;
        int sx = skip_space(x, xl, &i, &cx), sy = skip_space(y, yl, &j, &cy);
        if (i >= xl || j >= yl)
            return i >= xl && j >= yl;
        if (sx != sy)
            return 0;
        story__utf8_next(x, xl, &i);
        story__utf8_next(y, yl, &j);
        if (cx != cy)
            return 0;
    }
}

/* An HTML page's headline is metadata (<title>, <h1>), not body text,
 * while a plain-text article keeps its first line as a heading paragraph
 * (ingest_text.c), except a headline printed twice, which ingest moves to
 * the title. So that a text and an HTML version compare alike and a
 * changed headline is reported, the headline becomes the first (heading)
 * paragraph of the text here, before segmentation, unless the text
 * already starts with it (white space aside). Plain text too since
 * session 15 (2026-12-01, fresh-user 15 H10: a changed number in a
 * repeated headline was never compared). Returns 0 or STORY_ENOMEM. */
static int headline_paragraph(story_article *a)
{
    if (!a->title)
        return 0;
    const char *t = a->title;
    size_t tl = strlen(t);
    while (tl && (t[0] == ' ' || t[0] == '\t')) {
        t++;
        tl--;
    }
    while (tl && (t[tl - 1] == ' ' || t[tl - 1] == '\t'))
        tl--;
    if (!tl || (a->n_paragraphs &&
                same_but_spaces(a->text + a->paragraphs[0].start,
                                a->paragraphs[0].end -
                                    a->paragraphs[0].start,
                                t, tl)))
        return 0;
    char *nt = story__malloc(tl + 2 + a->text_len + 1);
    story_paragraph *np =
        story__calloc(a->n_paragraphs + 1, sizeof *np);
    if (!nt || !np) {
        free(nt);
        free(np);
        return STORY_ENOMEM;
    }
    for (size_t i = 0; i < tl; i++) /* one line */
        nt[i] = t[i] == '\n' || t[i] == '\r' ? ' ' : t[i];
    memcpy(nt + tl, "\n\n", 2);
    memcpy(nt + tl + 2, a->text, a->text_len + 1);
    np[0].start = 0;
    np[0].end = tl;
    np[0].kind = STORY_BLOCK_HEADING;
    for (size_t i = 0; i < a->n_paragraphs; i++) {
        np[i + 1] = a->paragraphs[i];
        np[i + 1].start += tl + 2;
        np[i + 1].end += tl + 2;
    }
    free(a->text);
    free(a->paragraphs);
    a->text = nt;
    a->text_len += tl + 2;
    a->paragraphs = np;
    a->n_paragraphs++;
    return 0;
}

int story_compare_articles_take(story_comparison **out, story_ctx *ctx,
                                story_article *a, story_article *b,
                                const story_compare_options *opts,
                                story_error *err)
{
    story_compare_options defaults = STORY_COMPARE_OPTIONS_INIT;
    story_comparison *c = NULL;
    int rc;

    if (!opts)
        opts = &defaults;
    if (!out || !ctx || !a || !b || a == b) {
        story_article_free(a);
        if (b != a)
            story_article_free(b);
        if (out)
            *out = NULL;
        return story__error(err, STORY_EINVAL, NULL, -1,
                            a && a == b ? "story_compare_articles_take: a "
                                          "and b are one article (ingest "
                                          "it twice to compare it with "
                                          "itself)"
                                        : "story_compare_articles_take: "
                                          "missing argument");
    }
    *out = NULL;
    if ((rc = story__opts_version(opts->version, STORY_COMPARE_OPTIONS_VERSION,
                                  "story_compare_articles_take", err))) {
        story_article_free(a);
        story_article_free(b);
        return rc;
    }
    c = story__calloc(1, sizeof *c);
    if (!c) {
        story_article_free(a);
        story_article_free(b);
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    }
    c->a = a;
    c->b = b;

    if (err)
        err->source[0] = '\0';
    if (headline_paragraph(a) || headline_paragraph(b)) {
        story_comparison_free(c);
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    }
    rc = story_segment(ctx, a, opts->lang_a, err);
    if (rc)
        goto fail_a;
    rc = story_segment(ctx, b, opts->lang_b, err);
    if (rc)
        goto fail_b;
    rc = story_facts_extract(&c->fa, ctx, a, err);
    if (rc)
        goto fail_a;
    rc = story_facts_extract(&c->fb, ctx, b, err);
    if (rc)
        goto fail_b;
    /* the fetch limit bounds the translation requests too (session 19,
     * fresh-user 18 L7) */
    rc = story__align_timed(&c->alignment, ctx, a, c->fa, b, c->fb,
                            &opts->align, opts->ingest.timeout_ms, err);
    if (rc)
        goto fail_a;
    rc = story_diff_facts(&c->diff, ctx, a, c->fa, b, c->fb, c->alignment,
                          err);
    if (rc)
        goto fail_a;
    *out = c;
    return 0;

fail_b:
    blame(err, rc, b);
    story_comparison_free(c);
    return rc;
fail_a:
    blame(err, rc, a);
    story_comparison_free(c);
    return rc;
}

int story_compare(story_comparison **out, story_ctx *ctx, const char *src_a,
                  const char *src_b, const story_compare_options *opts,
                  story_error *err)
{
    story_compare_options defaults = STORY_COMPARE_OPTIONS_INIT;
    story_article *a = NULL, *b = NULL;
    int rc;

    if (!opts)
        opts = &defaults;
    if (out)
        *out = NULL;
    if (!out || !ctx || !src_a || !src_b)
        return story__error(err, STORY_EINVAL, NULL, -1,
                            "story_compare: missing argument");
    if ((rc = story__opts_version(opts->version, STORY_COMPARE_OPTIONS_VERSION,
                                  "story_compare", err)))
        return rc;
    if (strcmp(src_a, "-") == 0 && strcmp(src_b, "-") == 0)
        return story__error(err, STORY_EINVAL, "-", -1,
                            "at most one input may be \"-\" (stdin)");
    story_ingest_options ia = opts->ingest, ib = opts->ingest;
    if (opts->encoding_a)
        ia.encoding = opts->encoding_a;
    if (opts->encoding_b)
        ib.encoding = opts->encoding_b;
    rc = story_ingest(&a, ctx, src_a, &ia, err);
    if (rc) {
        if (err && !err->source[0])
            snprintf(err->source, sizeof err->source, "%s", src_a);
        return rc;
    }
    rc = story_ingest(&b, ctx, src_b, &ib, err);
    if (rc) {
        if (err && !err->source[0])
            snprintf(err->source, sizeof err->source, "%s", src_b);
        story_article_free(a);
        return rc;
    }
    return story_compare_articles_take(out, ctx, a, b, opts, err);
}
