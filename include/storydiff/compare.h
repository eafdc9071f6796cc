/*
 * storydiff: the whole pipeline for a pair of inputs, and the renderers
 * (stage 7): side-by-side terminal view, plain text, JSON report
 * "storydiff.report/1" (docs/report.schema.json).
 */
#ifndef STORYDIFF_COMPARE_H
#define STORYDIFF_COMPARE_H

#include <stddef.h>

#include "storydiff/diff.h"
#include "storydiff/ingest.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Options for story_compare(). Initialise with STORY_COMPARE_OPTIONS_INIT;
 *  strings are borrowed for the call. A `version` newer than
 *  this library's (a program built with a later header) is STORY_EINVAL;
 *  0 reads as 1. */
typedef struct story_compare_options {
    unsigned version;
    story_ingest_options ingest;
    story_align_options align;
    const char *lang_a; /* NULL = identify */
    const char *lang_b;
    /* charset of A / of B (ICU converter name); NULL = ingest.encoding,
     * which applies to both inputs (NULL there too = detect) */
    const char *encoding_a;
    const char *encoding_b;
} story_compare_options;

#define STORY_COMPARE_OPTIONS_VERSION 1
#define STORY_COMPARE_OPTIONS_INIT                                           \
    {STORY_COMPARE_OPTIONS_VERSION, STORY_INGEST_OPTIONS_INIT,               \
     STORY_ALIGN_OPTIONS_INIT, NULL, NULL, NULL, NULL}

/** Everything one comparison produced; all owned by the comparison. */
typedef struct story_comparison {
    story_article *a, *b;
    story_factset *fa, *fb;
    story_alignment *alignment;
    story_diff *diff;
} story_comparison;

/** Run ingest, segment, facts, align and diff on two inputs (path, "-",
 *  URL, saved page; at most one may be "-"). Input A is read with
 *  opts->ingest, its encoding replaced by opts->encoding_a when that is
 *  non-NULL; B likewise with encoding_b. On success returns 0 and *out
 *  is the caller's (story_comparison_free()). On failure returns a
 *  negative story_status (those of story_ingest(), story_segment(),
 *  story_facts_extract(), story_align(), story_diff_facts(); STORY_EINVAL
 *  for a NULL out, ctx or source), *out is NULL and err names the failing
 *  input. Thread safety: one ctx per thread (context.h); calls on
 *  different contexts may run at the same time. */
STORY_API int story_compare(story_comparison **out, story_ctx *ctx,
                            const char *src_a, const char *src_b,
                            const story_compare_options *opts,
                            story_error *err);

/** The same on two already ingested articles, which the comparison takes
 *  over: on success and on failure both are owned (and on failure freed)
 *  by the callee. a and b must be two distinct articles (to compare an
 *  input with itself, ingest it twice): a == b is STORY_EINVAL, the
 *  article freed once. On failure *out is NULL. */
STORY_API int story_compare_articles_take(story_comparison **out,
                                          story_ctx *ctx, story_article *a,
                                          story_article *b,
                                          const story_compare_options *opts,
                                          story_error *err);

/** Free a comparison. NULL is a no-op. */
STORY_API void story_comparison_free(story_comparison *c);

/** Options of the renderers. Initialise with STORY_RENDER_OPTIONS_INIT.
 *  A `version` newer than this library's (a program built with a later
 *  header) is STORY_EINVAL; 0 reads as 1. */
typedef struct story_render_options {
    unsigned version;
    int width; /* terminal columns for side-by-side; 0 = 100; at most
                  10000 (a larger width is read as 10000) */
    int color; /* 1 = ANSI colour, 0 = none */
} story_render_options;

#define STORY_RENDER_OPTIONS_VERSION 1
#define STORY_RENDER_OPTIONS_INIT {STORY_RENDER_OPTIONS_VERSION, 100, 0}

/** The JSON report "storydiff.report/1", keys sorted, 2-space indent,
 *  trailing newline, deterministic. *out is freed with story_free().
 *  Renderers (this and the two below) return 0, or STORY_ENOMEM,
 *  STORY_EINVAL (NULL argument) or STORY_EINTERNAL (jansson could not
 *  serialise), with *out NULL. */
STORY_API int story_report_json(char **out, const story_comparison *c,
                                story_error *err);

/** Side-by-side view: two columns of `width` display columns in total
 *  (East Asian Wide/Fullwidth count 2, combining marks 0), aligned
 *  sentences on one row, added/omitted opposite a blank, differing facts
 *  highlighted. *out is freed with story_free(). */
STORY_API int story_render_side_by_side(char **out,
                                        const story_comparison *c,
                                        const story_render_options *opts,
                                        story_error *err);

/** Plain text list of the differences (one line per diff entry and per
 *  added/omitted sentence). *out is freed with story_free(). */
STORY_API int story_render_text(char **out, const story_comparison *c,
                                const story_render_options *opts,
                                story_error *err);

/** JSON of one article (extract --format=json): title, authors, dates,
 *  language, site, paragraphs with kind. *out: story_free(). */
STORY_API int story_article_json(char **out, const story_article *a,
                                 story_error *err);

/** JSON of one article's facts (facts --format=json), and with
 *  contradictions if `cs` is non-NULL (check): "contradictions" holds
 *  one object per clash (story_contradiction_clashes()) with its first
 *  pair's "a", "b", "detail", the shortened sentences "quote_a",
 *  "quote_b" (story_fact_excerpt()), their numbers "sentence_a",
 *  "sentence_b", the clash in words "text" (story_contradiction_text())
 *  and, for a clash of several pairs, "pairs" (docs/cli.md). `cs` must
 *  come from story_facts_check() on this article and fact set.
 *  *out: story_free(). Errors as the renderers above, and STORY_EINVAL
 *  when a contradiction names no fact of fs. */
STORY_API int story_facts_json(char **out, const story_article *a,
                               const story_factset *fs,
                               const story_contradiction *cs, size_t n_cs,
                               story_error *err);

#ifdef __cplusplus
}
#endif
#endif
