/*
 * Stage 1, ingest: private interfaces shared by the ingest files
 * (ingest.c, ingest_text.c, charset.c, html_extract.c, html_meta.c,
 * fetch.c, ingest_sha256.c). Not installed.
 */
#ifndef STORY_INGEST_INT_H
#define STORY_INGEST_INT_H

#include "internal.h"

/* ---- article builder ---------------------------------------------------- */

/* Accumulates the body blocks of an article: text joined with "\n\n", one
 * story_paragraph per block. Zero-initialise, then story__blocks_init(). */
typedef struct story_blocks {
    story_buf text;
    story_vec paras; /* story_paragraph */
} story_blocks;

void story__blocks_init(story_blocks *b);
void story__blocks_free(story_blocks *b);
/* Append s[0, len) as one block of `kind`; leading/trailing white space is
 * trimmed and an all-white block is skipped. 0 or STORY_ENOMEM. */
int story__blocks_add(story_blocks *b, const char *s, size_t len,
                      story_block_kind kind);

/* A new article with every string field "" (published/modified NULL),
 * source = name, format = fmt. NULL on allocation failure. */
story_article *story__article_new(const char *name, const char *fmt);
/* Move the blocks into the article (text, paragraphs). 0 or ENOMEM. */
int story__article_take_blocks(story_article *a, story_blocks *b);
/* Replace a string field: frees *field, stores a copy of s[0, len) with
 * surrounding white space trimmed and inner runs of white space collapsed
 * to one space. 0 or ENOMEM. */
int story__set_field(char **field, const char *s, size_t len);

/* ---- resources (STORY_MOD_INGEST slot) -------------------------------- */

/* Boilerplate phrases from locales/ingest/boilerplate.json, folded. 1 when
 * the folded `key` (a whole line, trailing ':' and white space removed) is
 * in list `which` ("lines": UI lines such as skip links; "headings":
 * headings that open a related-links block or an info box; "byline":
 * leading words of a byline such as "By", "Von"). */
int story__ingest_phrase(story_ctx *ctx, const char *which, const char *key);
/* The folded phrases of list `which` (the lists above, "published":
 * words that introduce a publication date, and "byline_joiners": words
 * that join two author names, "and", "und"); *n receives the count. The
 * array belongs to the ctx (valid while it lives); NULL when not loaded. */
const char *const *story__ingest_phrases(story_ctx *ctx, const char *which,
                                         size_t *n);

/* Clean a byline text in place (html_meta.c): byline phrases ("By",
 * "Von") at the start, trailing dates, " | " parts, "@handle" and
 * enclosing quotes are removed. */
void story__ingest_clean_byline(story_ctx *ctx, story_buf *b);

/* The names of a cleaned byline s[0, n) (bytes): cut after a comma and
 * around "&" or a "byline_joiners" word (locales/ingest/boilerplate.json:
 * "and", "und", "et" …), so "Jane Roe and John Smith" gives two. Writes
 * at most `max` (start, end) byte spans, spaces and commas trimmed, into
 * spans; returns their count, or STORY_ENOMEM. Used for plain-text and
 * HTML bylines alike (ingest_text.c, html_meta.c). */
int story__ingest_author_spans(story_ctx *ctx, const char *s, size_t n,
                               size_t (*spans)[2], size_t max);

/* Case-fold s[0, len) (ICU full case folding) into out (appended). */
int story__ingest_fold(story_buf *out, const char *s, size_t len);

/* ---- plain text ---------------------------------------------------------- */

/* Build the article from UTF-8 text (already validated, NUL-free). */
int story__ingest_text(story_article *a, story_ctx *ctx, const char *s,
                       size_t len, story_error *err);

/* ---- charsets ------------------------------------------------------------ */

/* Where the charset decision came from. */
typedef enum story_charset_origin {
    STORY_CS_OPTION = 0, /* opts->encoding */
    STORY_CS_HTTP,       /* HTTP Content-Type (or the --save sidecar) */
    STORY_CS_BOM,
    STORY_CS_META,       /* <meta charset> / http-equiv */
    STORY_CS_UTF8,       /* valid UTF-8 */
    STORY_CS_DETECTED    /* ICU ucsdet */
} story_charset_origin;

/* Decide the charset of data[0, len) and convert it to UTF-8 (NUL-
 * terminated, *out caller's, free()), per the order: option, HTTP header
 * charset (`http_charset`, may be NULL), BOM, HTML meta (when is_html),
 * valid UTF-8, ICU charset detection. `charset_out` receives the name used
 * (>= 64 bytes). `*n_replaced` (may be NULL) receives the number of input
 * byte sequences replaced by U+FFFD (HTML only: invalid UTF-8 sequences
 * in a mostly valid UTF-8 page, stray NUL bytes, as the WHATWG decoder
 * does) and `*first_replaced` the input byte offset of the first, or -1.
 * `note` (may be NULL; note_sz bytes, >= 256 to hold it whole) receives ""
 * or one sentence naming a declared charset (HTTP or <meta>) that was not
 * used and why: an unknown label, UTF-8 declared over bytes that are not
 * UTF-8 (then detected), a legacy charset declared over valid UTF-8.
 * Errors name `name`: STORY_EENCODING (NUL byte / binary,
 * invalid UTF-8 with the byte offset, unknown converter, undecodable
 * bytes), STORY_ENOMEM, STORY_EICU. */
int story__charset_decode(char **out, size_t *out_len, char *charset_out,
                          const char *name, const char *data, size_t len,
                          const char *forced, const char *http_charset,
                          int is_html, size_t *n_replaced,
                          long long *first_replaced, char *note,
                          size_t note_sz, story_error *err);

/* The charset parameter of a Content-Type value into buf (>= 64 bytes);
 * 1 found, 0 not. */
int story__content_type_charset(const char *ct, char *buf, size_t bufsz);

/* ---- HTML ---------------------------------------------------------------- */

/* 1 when the bytes look like HTML (a tag such as <html, <!doctype html,
 * <head, <body, <p, <div near the start). */
int story__looks_like_html(const char *s, size_t len);

/* The root element's name when the bytes are an RSS or Atom feed rather
 * than a page ("rss", "feed", "rdf:RDF": the first element after an
 * optional BOM, white space, XML declaration, processing instructions,
 * comments and DOCTYPE), else NULL. Reads at most the first 4096 bytes.
 * (session 19, fresh-user 18 L28: a feed was "no article text found in
 * the HTML") */
const char *story__looks_like_feed(const char *s, size_t len);

/* Extract article + metadata from UTF-8 HTML. */
int story__ingest_html(story_article *a, story_ctx *ctx, const char *s,
                       size_t len, int keep_captions, story_error *err);

/* ---- URLs ---------------------------------------------------------------- */

typedef struct story_fetch_result {
    char *data;
    size_t len;
    char *final_url;
    char *content_type; /* "" when absent */
    long status;
} story_fetch_result;

/* 1 when src starts with http:// or https:// (case-insensitive). */
int story__is_url(const char *src);
/* GET `url` with libcurl under the policy in docs/ingest.md. */
int story__fetch(story_fetch_result *res, const char *url,
                 const story_ingest_options *opts, story_error *err);
void story__fetch_result_free(story_fetch_result *res);
/* Write res->data and a JSON sidecar into dir (see docs/ingest.md). */
int story__fetch_save(const story_fetch_result *res, const char *url,
                      const char *dir, story_error *err);

/* ---- SHA-256 (FIPS 180-4, GLib's GChecksum) ----------------------------- */

/* Lower-case hex digest of data[0, len) into hex (65 bytes, NUL-terminated;
 * ingest_sha256.c). Never fails (GLib aborts on memory exhaustion). */
void story__sha256_hex(const void *data, size_t len, char hex[65]);

#endif
