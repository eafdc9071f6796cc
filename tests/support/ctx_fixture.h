/*
 * The fixture the unit suites share: one storydiff context
 * for the whole test program (cmocka group setup/teardown), and fact runs
 * over sentences written in the tests (story_test_facts: ingest, segment,
 * extract). Include after cmocka.h and support.h, once per test program.
 */
#ifndef STORY_TEST_CTX_FIXTURE_H
#define STORY_TEST_CTX_FIXTURE_H

#include "support.h"

static story_ctx *ctx;

/* cmocka group setup: the context of every test; -1 when it cannot be
 * made (locales missing). */
static inline int setup(void **state)
{
    (void)state;
    ctx = story_test_ctx();
    return ctx ? 0 : -1;
}

/* cmocka group teardown: frees the context. */
static inline int teardown(void **state)
{
    (void)state;
    story_ctx_free(ctx);
    return 0;
}

typedef story_test_run run;

/* The facts of `text` read as language `lang` (the caller frees the run
 * with run_free). */
static inline run extract(const char *text, const char *lang)
{
    return story_test_facts(ctx, text, lang);
}

static inline void run_free(run *r) { story_test_run_free(r); }

#endif
