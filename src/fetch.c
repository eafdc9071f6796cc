/* Stage 1, ingest: URLs (temporary stub, being written). */
#include "internal.h"

#include <stdlib.h>
#include <strings.h>

#include "ingest_int.h"

int story__is_url(const char *src)
{
    return strncasecmp(src, "http://", 7) == 0 ||
           strncasecmp(src, "https://", 8) == 0;
}

int story__fetch(story_fetch_result *res, const char *url,
                 const story_ingest_options *opts, story_error *err)
{
    (void)opts;
    res->data = NULL;
    return story__error(err, STORY_ENET, url, -1, "URLs not implemented yet");
}

void story__fetch_result_free(story_fetch_result *res)
{
    free(res->data);
    res->data = NULL;
}

int story__fetch_save(const story_fetch_result *res, const char *url,
                      const char *dir, story_error *err)
{
    (void)res; (void)dir;
    return story__error(err, STORY_EIO, url, -1, "not implemented");
}
