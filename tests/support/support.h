/*
 * Test support shared by the unit and end-to-end suites: a context over the
 * source tree's locales, the real-data corpus (STORYDIFF_CORPUS, default
 * ../shared/corpus from the source tree), and running the storydiff tool.
 * Include after <cmocka.h>.
 */
#ifndef STORY_TEST_SUPPORT_H
#define STORY_TEST_SUPPORT_H

#include <stddef.h>

#include "storydiff/storydiff.h"

/* A new context over $STORYDIFF_LOCALES (set by ctest). Fails the test on
 * error. Free with story_ctx_free(). */
story_ctx *story_test_ctx(void);

/* The corpus directory, or NULL when it is missing. When it is missing
 * and CI=true, prints why and exits 1 (tests that need real data fail
 * loudly under CI); otherwise the caller should skip(). Static storage. */
const char *story_test_corpus(void);

/* corpus + "/" + rel, malloc'd (free()), or NULL when the corpus is
 * missing (see story_test_corpus). */
char *story_test_corpus_path(const char *rel);

/* Read a whole file (malloc'd, NUL-terminated, *len bytes) or NULL. */
char *story_test_read_file(const char *path, size_t *len);

/* Run the storydiff tool ($STORYDIFF_BIN) with the given arguments through
 * /bin/sh (args is a shell fragment, already quoted). Captures stdout and
 * stderr (malloc'd, may be NULL if not wanted); returns the exit status,
 * or -1 if it could not run. */
int story_test_run_cli(const char *args, char **out, char **err);

/* Ingest + segment a UTF-8 string as a plain-text article named `name`
 * with the given language ("" = identify). Fails the test on error. */
story_article *story_test_article(story_ctx *ctx, const char *text,
                                  const char *lang);

/* An article and its facts, for the fact tests. */
typedef struct story_test_run {
    story_article *a;
    story_factset *fs;
} story_test_run;

/* story_test_article() + story_facts_extract(). Fails the test on error.
 * Free with story_test_run_free(). */
story_test_run story_test_facts(story_ctx *ctx, const char *text,
                                const char *lang);
void story_test_run_free(story_test_run *r);

/* Calls fn(lang, input, user) for the input (the text before " => ") of
 * every line of the number and date spec files, tests/spec/numbers.<lang>.txt
 * and dates.<lang>.txt under $STORYDIFF_SOURCE_DIR ('#' lines skipped).
 * Returns the sum of fn's results (its failures); *inputs counts the
 * inputs. Fails the test when the directory or a file cannot be read. */
int story_test_spec_inputs(int (*fn)(const char *lang, const char *text,
                                     void *user),
                           void *user, int *inputs);

#endif
