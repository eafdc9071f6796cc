/* Stage 4, facts. TEMPORARY stub: replaced by the facts module. */
#include "internal.h"
int story_facts_extract(story_factset **out, story_ctx *ctx,
                        const story_article *a, story_error *err)
{
    (void)ctx; (void)a; *out = NULL;
    return story__error(err, STORY_EINTERNAL, NULL, -1, "not implemented");
}
void story_factset_free(story_factset *fs) { (void)fs; }
const char *story_fact_type_name(story_fact_type t)
{
    static const char *n[] = {"quantity", "entity",  "quote",
                              "attribution", "date", "event"};
    return (unsigned)t < 6 ? n[t] : "unknown";
}
int story_facts_check(story_contradiction **out, size_t *n, story_ctx *ctx,
                      const story_article *a, const story_factset *fs,
                      story_error *err)
{
    (void)ctx; (void)a; (void)fs; *out = NULL; *n = 0;
    return story__error(err, STORY_EINTERNAL, NULL, -1, "not implemented");
}
void story_contradictions_free(story_contradiction *c, size_t n)
{
    (void)c; (void)n;
}
