/* Stage 3, segment. TEMPORARY stub: replaced by the text-layer module. */
#include "internal.h"
int story_segment(story_ctx *ctx, story_article *a, const char *hint,
                  story_error *err)
{
    (void)ctx; (void)a; (void)hint;
    return story__error(err, STORY_EINTERNAL, NULL, -1, "not implemented");
}
int story_langid(story_ctx *ctx, const char *t, size_t len, char *out,
                 size_t n, story_error *err)
{
    (void)ctx; (void)t; (void)len; (void)out; (void)n;
    return story__error(err, STORY_EINTERNAL, NULL, -1, "not implemented");
}
int story_name_key(char **out, story_ctx *ctx, const char *name, size_t len,
                   const char *lang, story_error *err)
{
    (void)ctx; (void)name; (void)len; (void)lang; *out = NULL;
    return story__error(err, STORY_EINTERNAL, NULL, -1, "not implemented");
}
double story_name_similarity(const char *a, const char *b)
{
    (void)a; (void)b;
    return 0;
}
