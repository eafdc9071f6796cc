/*
 * Optional machine translation of an article's sentences for the aligner
 * (private): Debian's apertium (one subprocess per document, one sentence
 * per line) or a LibreTranslate-compatible HTTP API (POST <base>/translate
 * with {"q": [...], "source", "target", "format": "text"}, via libcurl).
 */
#ifndef STORY_TRANSLATE_H
#define STORY_TRANSLATE_H

#include "internal.h"

/* Translate every sentence of segmented article `a` from language `from`
 * into `to` (BCP 47 primary tags). backend: "apertium" or an http(s) base
 * URL. timeout_ms > 0 limits the whole HTTP request (connecting: at most
 * 10 s, or timeout_ms when smaller) or the apertium process (killed with
 * its process group when over); 0 = 120 s for HTTP, no limit for
 * apertium. On success *out is an array of a->n_sentences strings (UTF-8,
 * story__malloc'd; free with story__translate_free). Errors:
 * STORY_ETRANSLATE (apertium missing, pair not installed, process failed,
 * HTTP/JSON error; err names the backend and the cause), STORY_EINVAL,
 * STORY_ENOMEM. */
int story__translate_sentences(char ***out, story_ctx *ctx,
                               const char *backend, const story_article *a,
                               const char *from, const char *to,
                               long timeout_ms, story_error *err);

void story__translate_free(char **t, size_t n);

/* Path of the apertium mode file for from -> to ("es" -> "spa-eng"...),
 * written into buf; returns 1 if that pair is installed, else 0.
 * `modes_dir` is normally /usr/share/apertium/modes. */
int story__apertium_mode(const char *modes_dir, const char *from,
                         const char *to, char *buf, size_t cap);

#endif
