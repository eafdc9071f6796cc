/*
 * Stage 1, ingest: private interface between the HTML extractor
 * (html_extract.c) and the HTML metadata reader (html_meta.c).
 */
#ifndef STORY_HTML_INT_H
#define STORY_HTML_INT_H

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include "ingest_int.h"

/* Fill title, byline/authors, published/modified, site_name,
 * canonical_url, description and lang of `a` from the document's <head>,
 * JSON-LD, <h1>, <time> and byline elements. `body_root` is the element
 * chosen as the article body (may be NULL); dates and bylines near it are
 * preferred. 0 or STORY_ENOMEM. */
int story__html_meta(story_article *a, story_ctx *ctx, htmlDocPtr doc,
                     xmlNode *body_root, story_error *err);

/* Concatenated text of a subtree (white space collapsed), appended to out.
 * Skips script/style. Iterative (safe on deep trees). */
void story__html_text(story_buf *out, xmlNode *n);

/* 1 when at least half of the words of h (>= 2 bytes, ASCII case-
 * insensitive) occur in d. */
int story__html_similar_title(const char *h, const char *d);

/* One step of an iterative enter/leave walk (no recursion: safe on deep
 * trees): from n, the next sibling (*entering = 1) or else the parent
 * (*entering = 0, the caller leaves that element); NULL when n is `top`
 * (the walk of top's subtree is over). With top NULL the walk goes on up
 * to the document node. The caller descends into children itself. */
xmlNode *story__html_step(xmlNode *n, const xmlNode *top, int *entering);

/* Case-insensitive attribute value (borrowed from libxml2, may be NULL). */
const char *story__html_attr(xmlNode *n, const char *name);

#endif
