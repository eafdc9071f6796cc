/* Stage 1, ingest. TEMPORARY stub: replaced by the ingest module. */
#include "internal.h"
int story_ingest(story_article **out, story_ctx *ctx, const char *src,
                 const story_ingest_options *opts, story_error *err)
{
    (void)ctx; (void)opts; *out = NULL;
    return story__error(err, STORY_EINTERNAL, src, -1, "not implemented");
}
int story_ingest_memory(story_article **out, story_ctx *ctx, const char *name,
                        const char *data, size_t len, const char *ct,
                        const story_ingest_options *opts, story_error *err)
{
    (void)ctx; (void)data; (void)len; (void)ct; (void)opts; *out = NULL;
    return story__error(err, STORY_EINTERNAL, name, -1, "not implemented");
}
