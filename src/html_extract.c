/* Stage 1, ingest: HTML (temporary stub, being written). */
#include "internal.h"

#include <string.h>
#include <strings.h>

#include "ingest_int.h"

int story__looks_like_html(const char *s, size_t len)
{
    size_t n = len < 4096 ? len : 4096;
    for (size_t i = 0; i + 5 < n; i++)
        if (s[i] == '<' && (strncasecmp(s + i, "<html", 5) == 0 ||
                            strncasecmp(s + i, "<!doctype html", 14 < n - i ? 14 : n - i) == 0 ||
                            strncasecmp(s + i, "<head", 5) == 0 ||
                            strncasecmp(s + i, "<body", 5) == 0))
            return 1;
    return 0;
}

int story__ingest_html(story_article *a, story_ctx *ctx, const char *s,
                       size_t len, int keep_captions, story_error *err)
{
    (void)ctx; (void)s; (void)len; (void)keep_captions;
    return story__error(err, STORY_EINTERNAL, a->source, -1,
                        "HTML extraction not implemented yet");
}
