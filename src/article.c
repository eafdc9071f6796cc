/*
 * The article object (include/storydiff/article.h): release and copy.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

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

/* A copy of the n bytes at p (NULL when n is 0 or p is NULL, else NULL
 * only on allocation failure, which *oom records). */
static void *dup_bytes(const void *p, size_t n, int *oom)
{
    if (!p || !n)
        return NULL;
    void *q = story__malloc(n);
    if (!q)
        *oom = 1;
    else
        memcpy(q, p, n);
    return q;
}

/* A copy of the string s; NULL stays NULL. */
static char *dup_str(const char *s, int *oom)
{
    return s ? dup_bytes(s, strlen(s) + 1, oom) : NULL;
}

int story_article_dup(story_article **out, const story_article *a,
                      story_error *err)
{
    if (!out)
        return story__error(err, STORY_EINVAL, NULL, -1,
                            "story_article_dup: no output pointer");
    *out = NULL;
    if (!a)
        return story__error(err, STORY_EINVAL, NULL, -1,
                            "story_article_dup: no article");
    story_article *c = story__calloc(1, sizeof *c);
    if (!c)
        return story__error(err, STORY_ENOMEM, a->source, -1,
                            "out of memory");
    int oom = 0;
    *c = *a; /* counts and flags; every pointer is replaced below */
    c->source = dup_str(a->source, &oom);
    c->final_url = dup_str(a->final_url, &oom);
    c->lang = dup_str(a->lang, &oom);
    c->title = dup_str(a->title, &oom);
    c->byline = dup_str(a->byline, &oom);
    c->published = dup_str(a->published, &oom);
    c->modified = dup_str(a->modified, &oom);
    c->site_name = dup_str(a->site_name, &oom);
    c->canonical_url = dup_str(a->canonical_url, &oom);
    c->description = dup_str(a->description, &oom);
    c->charset = dup_str(a->charset, &oom);
    c->charset_note = dup_str(a->charset_note, &oom);
    c->format = dup_str(a->format, &oom);
    c->text = a->text ? dup_bytes(a->text, a->text_len + 1, &oom) : NULL;
    c->paragraphs = dup_bytes(a->paragraphs,
                              a->n_paragraphs * sizeof *a->paragraphs, &oom);
    c->sentences = dup_bytes(a->sentences,
                             a->n_sentences * sizeof *a->sentences, &oom);
    c->authors = NULL;
    c->tokens = NULL;
    c->n_authors = 0;
    c->n_tokens = 0;
    if (!oom && a->n_authors) {
        c->authors = story__calloc(a->n_authors, sizeof *c->authors);
        if (!c->authors)
            oom = 1;
        for (size_t i = 0; c->authors && i < a->n_authors; i++, c->n_authors++)
            c->authors[i] = dup_str(a->authors[i], &oom);
    }
    if (!oom && a->n_tokens) {
        c->tokens = dup_bytes(a->tokens, a->n_tokens * sizeof *a->tokens,
                              &oom);
        for (size_t i = 0; c->tokens && i < a->n_tokens; i++)
            c->tokens[i].key = NULL; /* until copied: freed safely */
        for (size_t i = 0; c->tokens && i < a->n_tokens; i++)
            c->tokens[i].key = dup_str(a->tokens[i].key, &oom);
        if (c->tokens)
            c->n_tokens = a->n_tokens;
    }
    if (oom) {
        story_article_free(c);
        return story__error(err, STORY_ENOMEM, a->source, -1,
                            "out of memory");
    }
    *out = c;
    return 0;
}
