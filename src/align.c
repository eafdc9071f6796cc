/* Stage 5, align. TEMPORARY stub: replaced by the align module. */
#include "internal.h"
int story_align(story_alignment **out, story_ctx *ctx, const story_article *a,
                const story_factset *fa, const story_article *b,
                const story_factset *fb, const story_align_options *opts,
                story_error *err)
{
    (void)ctx; (void)a; (void)fa; (void)b; (void)fb; (void)opts; *out = NULL;
    return story__error(err, STORY_EINTERNAL, NULL, -1, "not implemented");
}
void story_alignment_free(story_alignment *al) { (void)al; }
const char *story_relation_name(story_relation r)
{
    static const char *n[] = {"translation", "rewrite", "same-story",
                              "different-story"};
    return (unsigned)r < 4 ? n[r] : "unknown";
}
const char *story_link_kind_name(story_link_kind k)
{
    static const char *n[] = {"match", "moved", "omitted", "added"};
    return (unsigned)k < 4 ? n[k] : "unknown";
}
