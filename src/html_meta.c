/* Stage 1, ingest: HTML metadata (being written). */
#include "internal.h"

#include <string.h>

#include "html_int.h"

void story__html_text(story_buf *out, xmlNode *top)
{
    xmlNode *n = top;
    int entering = 1, pending = 0;
    while (n) {
        if (entering) {
            if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
                for (const unsigned char *p = n->content; p && *p; p++) {
                    if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
                        *p == '\f') {
                        pending = 1;
                        continue;
                    }
                    if (pending && out->len > 0)
                        story_buf_putc(out, ' ');
                    pending = 0;
                    story_buf_putc(out, (char)*p);
                }
            } else if (n->type == XML_ELEMENT_NODE && n->children &&
                       strcmp((const char *)n->name, "script") != 0 &&
                       strcmp((const char *)n->name, "style") != 0) {
                if (n->name[0] == 'b' && n->name[1] == 'r' && !n->name[2])
                    pending = 1;
                n = n->children;
                continue;
            }
        }
        if (n == top)
            break;
        if (n->next) {
            n = n->next;
            entering = 1;
        } else {
            n = n->parent;
            entering = 0;
            if (n && n->type == XML_ELEMENT_NODE)
                pending = 1;
        }
    }
}

int story__html_meta(story_article *a, story_ctx *ctx, htmlDocPtr doc,
                     xmlNode *body_root, story_error *err)
{
    (void)a; (void)ctx; (void)doc; (void)body_root; (void)err;
    return 0;
}
