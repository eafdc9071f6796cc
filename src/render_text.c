/*
 * Stage 7, plain-text list of the differences (compare --format=text):
 * a two-line header (the inputs, the relation and similarity), one line
 * per fact that is not "same" ("changed quantity a:f3 b:f5: 15 -> 14 ..."),
 * one line per omitted / added / moved sentence with its text, and the
 * summary counts. Meant for grep, diff and review by eye; colour only when
 * asked for (the marker of the category is coloured).
 */
#include "internal.h"

#include <stdio.h>
#include <string.h>

#include "render_term.h"

static void put_sentence_text(story_buf *b, const story_article *art,
                              size_t first, size_t n)
{
    for (size_t k = 0; k < n && first + k < art->n_sentences; k++) {
        const story_sentence *s = &art->sentences[first + k];
        if (k)
            story_buf_putc(b, ' ');
        if (s->start < s->end && s->start < art->text_len)
            story_render__put_visible(b, art->text + s->start,
                                      (s->end < art->text_len ? s->end
                                                              : art->text_len) -
                                          s->start);
    }
}

/* Text from the articles (titles, sources, details quoting the text) is
 * written with its control characters made visible (render_term.h). */
static void visible(story_buf *b, const char *s)
{
    if (s)
        story_render__put_visible(b, s, strlen(s));
}

static void header_line(story_buf *b, const char *side,
                        const story_article *a)
{
    story_buf_printf(b, "%s: ", side);
    visible(b, a->source);
    story_buf_printf(b, " (%s) ", a->lang && *a->lang ? a->lang : "und");
    visible(b, a->title);
    story_buf_putc(b, '\n');
}

static void put_ids(story_buf *b, const char *side, size_t first, size_t n)
{
    if (n == 1)
        story_buf_printf(b, "%s:s%zu", side, first);
    else
        story_buf_printf(b, "%s:s%zu-%zu", side, first, first + n - 1);
}

static void marker(story_buf *b, int style, int color)
{
    static const char *sgr[] = {"",         "\x1b[33m", "\x1b[32m",
                                "\x1b[31m", "\x1b[35m", "\x1b[1m",
                                "\x1b[2m"};
    if (color && style > 0 && style < 7)
        story_buf_printf(b, "%s%s\x1b[0m", sgr[style],
                         story_render__marker(style));
    else
        story_buf_puts(b, story_render__marker(style));
}

int story_render_text(char **out, const story_comparison *c,
                      const story_render_options *opts, story_error *err)
{
    story_render_options def = STORY_RENDER_OPTIONS_INIT;
    story_buf b = {0};
    if (out)
        *out = NULL;
    if (!out || !c || !c->a || !c->b)
        return story__error(err, STORY_EINVAL, NULL, -1,
                            "story_render_text: missing argument");
    if (opts && story__opts_version(opts->version,
                                    STORY_RENDER_OPTIONS_VERSION,
                                    "story_render_text", err))
        return STORY_EINVAL;
    if (!opts)
        opts = &def;
    int color = opts->color;

    header_line(&b, "A", c->a);
    header_line(&b, "B", c->b);
    const story_alignment *al = c->alignment;
    if (al)
        story_buf_printf(&b,
                         "relation: %s (confidence %.2f); similarity %.2f "
                         "(entities %.2f, geography %.2f, time %.2f, "
                         "narrative %.2f)\n",
                         story_relation_name(al->relation),
                         al->relation_confidence, al->sim_overall,
                         al->sim_entities, al->sim_geography, al->sim_time,
                         al->sim_narrative);
    const story_diff *d = c->diff;
    /* certain differences first, then the unverified ones ([?]) */
    for (size_t k = 0; d && k < 2 * d->n_entries; k++) {
        const story_diff_entry *e = &d->entries[k % d->n_entries];
        int st = story_render__entry_style(e);
        if (st == STORY_STYLE_PLAIN ||
            (st == STORY_STYLE_UNVERIFIED) != (k >= d->n_entries))
            continue;
        marker(&b, st, color);
        story_buf_printf(&b, " %s%s %s",
                         st == STORY_STYLE_UNVERIFIED ? "unverified " : "",
                         story_diff_category_name(e->category),
                         story_fact_type_name(e->type));
        if (e->a >= 0)
            story_buf_printf(&b, " a:f%ld", e->a);
        if (e->b >= 0)
            story_buf_printf(&b, " b:f%ld", e->b);
        story_buf_puts(&b, ": ");
        visible(&b, e->detail);
        story_buf_putc(&b, '\n');
    }
    for (size_t i = 0; al && i < al->n_links; i++) {
        const story_link *l = &al->links[i];
        if (l->kind == STORY_LINK_OMITTED && l->n_a) {
            marker(&b, STORY_STYLE_OMITTED, color);
            story_buf_puts(&b, " omitted sentence ");
            put_ids(&b, "a", l->a, l->n_a);
            story_buf_puts(&b, ": ");
            put_sentence_text(&b, c->a, l->a, l->n_a);
            story_buf_putc(&b, '\n');
        } else if (l->kind == STORY_LINK_ADDED && l->n_b) {
            marker(&b, STORY_STYLE_ADDED, color);
            story_buf_puts(&b, " added sentence ");
            put_ids(&b, "b", l->b, l->n_b);
            story_buf_puts(&b, ": ");
            put_sentence_text(&b, c->b, l->b, l->n_b);
            story_buf_putc(&b, '\n');
        } else if (l->kind == STORY_LINK_MOVED) {
            story_buf_puts(&b, "[^] moved sentence ");
            put_ids(&b, "a", l->a, l->n_a);
            story_buf_puts(&b, " -> ");
            put_ids(&b, "b", l->b, l->n_b);
            story_buf_puts(&b, ": ");
            put_sentence_text(&b, c->a, l->a, l->n_a);
            story_buf_putc(&b, '\n');
        }
    }
    if (d) {
        const story_diff_summary *s = &d->summary;
        story_buf_printf(&b,
                         "summary: facts %zu/%zu, %zu same, %zu changed, %zu "
                         "contradicted, %zu added, %zu omitted, %zu "
                         "unverified; sentences "
                         "%zu matched, %zu moved, %zu added, %zu omitted\n",
                         s->facts_a, s->facts_b, s->same, s->changed,
                         s->contradicted, s->added, s->omitted, s->unverified,
                         s->sentences_matched, s->sentences_moved,
                         s->sentences_added, s->sentences_omitted);
    }
    *out = story_buf_detach(&b);
    if (!*out)
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    return 0;
}
