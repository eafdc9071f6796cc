/*
 * The article object (include/storydiff/article.h): release.
 */
#include "internal.h"

#include <stdlib.h>

void story_article_free(story_article *a)
{
    if (!a)
        return;
    free(a->source);
    free(a->final_url);
    free(a->lang);
    free(a->title);
    free(a->byline);
    for (size_t i = 0; i < a->n_authors; i++)
        free(a->authors[i]);
    free(a->authors);
    free(a->published);
    free(a->modified);
    free(a->site_name);
    free(a->canonical_url);
    free(a->description);
    free(a->charset);
    free(a->charset_note);
    free(a->format);
    free(a->text);
    free(a->paragraphs);
    free(a->sentences);
    for (size_t i = 0; i < a->n_tokens; i++)
        free(a->tokens[i].key);
    free(a->tokens);
    free(a);
}
