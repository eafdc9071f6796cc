/* Stage 6, diff. TEMPORARY stub: replaced by the diff module. */
#include "internal.h"
int story_diff_facts(story_diff **out, story_ctx *ctx, const story_article *a,
                     const story_factset *fa, const story_article *b,
                     const story_factset *fb, const story_alignment *al,
                     story_error *err)
{
    (void)ctx; (void)a; (void)fa; (void)b; (void)fb; (void)al; *out = NULL;
    return story__error(err, STORY_EINTERNAL, NULL, -1, "not implemented");
}
void story_diff_free(story_diff *d) { (void)d; }
const char *story_diff_category_name(story_diff_category c)
{
    static const char *n[] = {"same", "changed", "contradicted", "added",
                              "omitted"};
    return (unsigned)c < 5 ? n[c] : "unknown";
}
int story_diff_has_differences(const story_diff *d) { (void)d; return 0; }
