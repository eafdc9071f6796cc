/*
 * storydiff stage 1, ingest: read an input (file path, "-" for stdin, an
 * http(s) URL, or a page saved with --save), decode its charset to UTF-8 and
 * extract the article (title, byline, dates, language, paragraphs) with the
 * boilerplate removed.
 */
#ifndef STORYDIFF_INGEST_H
#define STORYDIFF_INGEST_H

#include <stddef.h>

#include "storydiff/article.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Options for ingest. Initialise with STORY_INGEST_OPTIONS_INIT. Strings
 *  are borrowed for the duration of the call. A `version` newer than
 *  this library's (a program built with a later header) is STORY_EINVAL;
 *  0 reads as 1. */
typedef struct story_ingest_options {
    unsigned version;
    const char *encoding;   /* force this charset (ICU converter name);
                               NULL = detect */
    const char *save_dir;   /* for URLs: keep fetched bytes + JSON sidecar
                               here; NULL = don't */
    long connect_timeout_ms; /* URL connect timeout; 0 = default 10000 */
    long timeout_ms;         /* URL total timeout; 0 = default 30000 */
    size_t max_bytes;        /* input size cap in bytes (after HTTP
                                decompression); 0 = default 64 MiB */
    int keep_captions;       /* keep figure captions / image credits */
    const char *format;      /* "text", "html" or NULL = detect */
} story_ingest_options;

#define STORY_INGEST_OPTIONS_VERSION 1
#define STORY_INGEST_OPTIONS_INIT                                            \
    {STORY_INGEST_OPTIONS_VERSION, NULL, NULL, 0, 0, 0, 0, NULL}

/** Read and extract the article at `src` (path, "-", http(s) URL, or the
 *  path of a page saved by --save). On success returns 0 and *out is the
 *  caller's (story_article_free()); sentences/tokens are not yet filled
 *  (see story_segment()). On failure *out is NULL, err (may be NULL) names
 *  the input, the byte offset when known and the cause, and the return is
 *  one of STORY_EIO, STORY_ENET, STORY_EHTTP, STORY_EENCODING, STORY_EPARSE,
 *  STORY_EEMPTY, STORY_EINVAL, STORY_ENOMEM.
 *  Sizes are bytes; spans in the article are bytes into its UTF-8 text.
 *  Methods and sources (docs/ingest.md): charset sniffing after the WHATWG
 *  Encoding Standard and HTML prescan, ICU ucsdet/ucnv; main content by
 *  Mozilla Readability's scoring with trafilatura-style block filters
 *  (Barbaresi 2021); dates in htmldate's order (Barbaresi 2020), ICU udat;
 *  SHA-256 per FIPS 180-4. `opts` may be NULL (defaults). */
STORY_API int story_ingest(story_article **out, story_ctx *ctx,
                           const char *src, const story_ingest_options *opts,
                           story_error *err);

/** Like story_ingest() on bytes already in memory. `name` is used as the
 *  article's source and in error messages; `content_type` is an HTTP
 *  Content-Type value or NULL. `data` is only read during the call. */
STORY_API int story_ingest_memory(story_article **out, story_ctx *ctx,
                                  const char *name, const char *data,
                                  size_t len, const char *content_type,
                                  const story_ingest_options *opts,
                                  story_error *err);

/** 1 when `name` is a charset label ICU's converters know (IANA/MIME
 *  names and ICU aliases: "windows-1251", "latin1", "Shift_JIS"), else 0;
 *  NULL or "" give 0. Allocates nothing the caller frees; no error
 *  return. Used to reject a bad --encoding before any input is read.
 *  Source: ICU ucnv_open(). */
STORY_API int story_charset_known(const char *name);

#ifdef __cplusplus
}
#endif
#endif
