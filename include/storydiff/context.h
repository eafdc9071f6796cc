/*
 * storydiff: the library context. One context holds the language packs,
 * ICU transliterators, stemmers and other resources, each loaded lazily on
 * first use and then kept read-only. A context is not thread-safe: use one
 * per thread. Contexts are independent: threads may each run the whole
 * pipeline on their own context at the same time (the library keeps no
 * mutable process-wide state; tests/unit/test_threads.c).
 */
#ifndef STORYDIFF_CONTEXT_H
#define STORYDIFF_CONTEXT_H

#include "storydiff/error.h"

#ifdef __cplusplus
extern "C" {
#endif

typedef struct story_ctx story_ctx;

/** Options for story_ctx_new(). Initialise with STORY_CTX_OPTIONS_INIT.
 *  A `version` newer than this library's (a program built with a later
 *  header) is STORY_EINVAL; 0 reads as 1. */
typedef struct story_ctx_options {
    unsigned version;        /* STORY_CTX_OPTIONS_VERSION */
    const char *locales_dir; /* directory of language packs (locales/);
                                copied, required */
} story_ctx_options;

#define STORY_CTX_OPTIONS_VERSION 1
#define STORY_CTX_OPTIONS_INIT {STORY_CTX_OPTIONS_VERSION, NULL}

/** Create a context. Nothing is loaded yet: language packs and ICU data are
 *  opened on first use. The library never reads the environment (libcurl,
 *  for URLs, honours http_proxy, https_proxy and no_proxy); the caller
 *  resolves the locales directory.
 *  On success returns 0 and *out is the caller's, released with
 *  story_ctx_free(). On failure returns STORY_EINVAL (`out` NULL; no
 *  locales_dir; it does not exist or is not a directory; opts->version
 *  newer than STORY_CTX_OPTIONS_VERSION) or STORY_ENOMEM, *out is NULL (when
 *  `out` is not) and err (may be NULL) is filled. */
STORY_API int story_ctx_new(story_ctx **out, const story_ctx_options *opts,
                            story_error *err);

/** Free a context and everything it loaded. NULL is a no-op. Objects created
 *  with the context (articles, fact sets …) must be freed first. */
STORY_API void story_ctx_free(story_ctx *ctx);

/** The locales directory the context was created with. Borrowed; lives as
 *  long as ctx. NULL for a NULL ctx. */
STORY_API const char *story_ctx_locales_dir(const story_ctx *ctx);

#ifdef __cplusplus
}
#endif
#endif
