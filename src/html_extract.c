/*
 * Stage 1, ingest: main-content extraction from HTML.
 *
 * The page is parsed with libxml2's HTML parser (RECOVER, NOERROR,
 * NOWARNING, NONET; the bytes are already UTF-8, so the page's own charset
 * declaration is ignored). The main content is chosen with the scoring of
 * Mozilla Readability (readability.js, Arc90 lineage): paragraph-like
 * elements give their ancestors a content score (1 + commas + text length /
 * 100, capped at 3; parent full, grandparent half, further ancestors a
 * third per level), elements start from a tag bias and a class/id weight
 * (+/-25 for "article/content/…" vs "comment/share/related/…"), the final
 * score is multiplied by (1 - link density), then the best candidate is
 * widened to its parent when the score keeps rising and to its siblings
 * above max(10, 0.2 x top score). The chosen subtree is cleaned the way
 * Readability's _cleanConditionally does (link-dense, list-heavy,
 * image-heavy or input-heavy blocks removed), with the extra pruning of
 * trafilatura (Barbaresi 2021, ACL demo): navigation, related-stories,
 * share bars, comment sections, "Read also" boxes, figures and captions
 * (unless keep_captions) go, and each output block must pass a link
 * density and boilerplate-phrase filter. If the result is short, the
 * extraction is retried with the unlikely-candidate stripping, the class
 * weights and the conditional cleaning turned off in turn, as Readability
 * does, and the longest result wins.
 *
 * Blocks are emitted in document order: p / div text runs (PARAGRAPH),
 * h2-h6 (HEADING), li (LIST_ITEM), blockquote (QUOTE); <br> is a line
 * break, two <br> in a row end the block, and so does one after a full
 * sentence of >= 40 bytes outside a <p>; a data table (is_data_table) gives one line per
 * row, its cells joined by " | ". Every tree walk is iterative, so
 * deeply nested pages cannot exhaust the stack.
 */
#include "internal.h"

#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "html_int.h"

/* ---- tags ---------------------------------------------------------------- */

enum {
    T_OTHER = 0, T_A, T_ADDRESS, T_ARTICLE, T_ASIDE, T_AUDIO, T_B,
    T_BLOCKQUOTE, T_BODY, T_BR, T_BUTTON, T_CANVAS, T_CENTER, T_CODE,
    T_DD, T_DETAILS, T_DIALOG, T_DIV, T_DL, T_DT, T_EMBED, T_FIELDSET,
    T_FIGCAPTION, T_FIGURE, T_FOOTER, T_FORM, T_H1, T_H2, T_H3, T_H4, T_H5,
    T_H6, T_HEAD, T_HEADER, T_HR, T_HTML, T_IFRAME, T_IMG, T_INPUT,
    T_LABEL, T_LI, T_MAIN, T_MATH, T_MENU, T_NAV, T_NOSCRIPT, T_OBJECT,
    T_OL, T_OPTION, T_P, T_PICTURE, T_PRE, T_SCRIPT, T_SECTION, T_SELECT,
    T_SOURCE, T_SPAN, T_STYLE, T_SUMMARY, T_SVG, T_TABLE, T_TBODY, T_TD,
    T_TEMPLATE, T_TEXTAREA, T_TFOOT, T_TH, T_THEAD, T_TITLE, T_TR, T_UL,
    T_VIDEO, T_LINK, T_META, T_CAPTION, T_TIME, T_SUP, T_RT, T_RP
};

static const struct {
    const char *name;
    int tag;
} tag_names[] = {
    {"a", T_A}, {"address", T_ADDRESS}, {"article", T_ARTICLE},
    {"aside", T_ASIDE}, {"audio", T_AUDIO}, {"b", T_B},
    {"blockquote", T_BLOCKQUOTE}, {"body", T_BODY}, {"br", T_BR},
    {"button", T_BUTTON}, {"canvas", T_CANVAS}, {"caption", T_CAPTION},
    {"center", T_CENTER}, {"code", T_CODE}, {"dd", T_DD},
    {"details", T_DETAILS}, {"dialog", T_DIALOG}, {"div", T_DIV},
    {"dl", T_DL}, {"dt", T_DT}, {"embed", T_EMBED}, {"fieldset", T_FIELDSET},
    {"figcaption", T_FIGCAPTION}, {"figure", T_FIGURE}, {"footer", T_FOOTER},
    {"form", T_FORM}, {"h1", T_H1}, {"h2", T_H2}, {"h3", T_H3}, {"h4", T_H4},
    {"h5", T_H5}, {"h6", T_H6}, {"head", T_HEAD}, {"header", T_HEADER},
    {"hr", T_HR}, {"html", T_HTML}, {"iframe", T_IFRAME}, {"img", T_IMG},
    {"input", T_INPUT}, {"label", T_LABEL}, {"li", T_LI}, {"link", T_LINK},
    {"main", T_MAIN}, {"math", T_MATH}, {"menu", T_MENU}, {"meta", T_META},
    {"nav", T_NAV}, {"noscript", T_NOSCRIPT}, {"object", T_OBJECT},
    {"ol", T_OL}, {"option", T_OPTION}, {"p", T_P}, {"picture", T_PICTURE},
    {"pre", T_PRE}, {"rp", T_RP}, {"rt", T_RT}, {"script", T_SCRIPT}, {"section", T_SECTION},
    {"select", T_SELECT}, {"source", T_SOURCE}, {"span", T_SPAN},
    {"style", T_STYLE}, {"summary", T_SUMMARY}, {"sup", T_SUP},
    {"svg", T_SVG}, {"table", T_TABLE}, {"tbody", T_TBODY}, {"td", T_TD},
    {"template", T_TEMPLATE}, {"textarea", T_TEXTAREA}, {"tfoot", T_TFOOT},
    {"th", T_TH}, {"thead", T_THEAD}, {"time", T_TIME}, {"title", T_TITLE},
    {"tr", T_TR}, {"ul", T_UL}, {"video", T_VIDEO},
};

static int tag_of(const xmlNode *n)
{
    const char *s = (const char *)n->name;
    size_t lo = 0, hi = sizeof tag_names / sizeof tag_names[0];
    if (!s)
        return T_OTHER;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(s, tag_names[mid].name);
        if (c == 0)
            return tag_names[mid].tag;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return T_OTHER;
}

static int is_block_tag(int t)
{
    switch (t) {
    case T_ADDRESS: case T_ARTICLE: case T_ASIDE: case T_BLOCKQUOTE:
    case T_BODY: case T_CENTER: case T_DD: case T_DETAILS: case T_DIALOG:
    case T_DIV: case T_DL: case T_DT: case T_FIELDSET: case T_FIGCAPTION:
    case T_FIGURE: case T_FOOTER: case T_FORM: case T_H1: case T_H2:
    case T_H3: case T_H4: case T_H5: case T_H6: case T_HEADER: case T_HR:
    case T_HTML: case T_LI: case T_MAIN: case T_MENU: case T_NAV: case T_OL:
    case T_P: case T_PRE: case T_SECTION: case T_SUMMARY: case T_TABLE:
    case T_TBODY: case T_TD: case T_TFOOT: case T_TH: case T_THEAD:
    case T_TR: case T_UL: case T_CAPTION:
        return 1;
    default:
        return 0;
    }
}

/* Never content. */
static int is_junk_tag(int t, int keep_captions)
{
    switch (t) {
    case T_SCRIPT: case T_STYLE: case T_NOSCRIPT: case T_TEMPLATE:
    case T_SVG: case T_MATH: case T_CANVAS: case T_IFRAME: case T_OBJECT:
    case T_EMBED: case T_VIDEO: case T_AUDIO: case T_SELECT:
    case T_BUTTON: case T_INPUT: case T_TEXTAREA: case T_OPTION:
    case T_NAV: case T_ASIDE: case T_FOOTER: case T_HEAD: case T_TITLE:
    case T_LINK: case T_META: case T_DIALOG: case T_MENU: case T_LABEL:
    case T_PICTURE: case T_SOURCE: case T_IMG:
    case T_RT: case T_RP: /* ruby annotations (furigana) */
        return 1;
    case T_FIGURE:
        return !keep_captions;
    default:
        return 0;
    }
}

/* Junk by its role in the page layout (not by content type). */
static int is_structural_junk(int t)
{
    return t == T_NAV || t == T_ASIDE || t == T_FOOTER || t == T_MENU ||
           t == T_DIALOG || t == T_LABEL;
}

/* ---- attributes ---------------------------------------------------------- */

xmlNode *story__html_step(xmlNode *n, const xmlNode *top, int *entering)
{
    if (n == top)
        return NULL;
    if (n->next) {
        *entering = 1;
        return n->next;
    }
    *entering = 0;
    return n->parent;
}

const char *story__html_attr(xmlNode *n, const char *name)
{
    /* libxml2's HTML parser lower-cases attribute names; compare the first
     * byte before the full case-insensitive comparison */
    for (xmlAttr *a = n->properties; a; a = a->next) {
        if (a->name && (a->name[0] | 0x20) == (name[0] | 0x20) &&
            strcasecmp((const char *)a->name, name) == 0) {
            if (a->children && a->children->type == XML_TEXT_NODE &&
                a->children->content)
                return (const char *)a->children->content;
            return "";
        }
    }
    return NULL;
}

/* class + " " + id, lower-cased, into buf. */
static void class_id(xmlNode *n, char *buf, size_t sz)
{
    const char *c = story__html_attr(n, "class");
    const char *i = story__html_attr(n, "id");
    size_t k = 0;
    buf[0] = '\0';
    for (const char *s = c; s && *s && k + 2 < sz; s++)
        buf[k++] = (char)tolower((unsigned char)*s);
    if (i && *i && k + 2 < sz)
        buf[k++] = ' ';
    for (const char *s = i; s && *s && k + 1 < sz; s++)
        buf[k++] = (char)tolower((unsigned char)*s);
    buf[k] = '\0';
}

static int has_any(const char *s, const char *const *pats)
{
    for (; *pats; pats++)
        if (strstr(s, *pats))
            return 1;
    return 0;
}

/* Is `word` a whole token of s (tokens split on space, -, _)? */
static int has_token(const char *s, const char *word)
{
    size_t n = strlen(word);
    const char *p = s;
    while ((p = strstr(p, word)) != NULL) {
        int l = p == s || p[-1] == ' ' || p[-1] == '-' || p[-1] == '_';
        int r = p[n] == '\0' || p[n] == ' ' || p[n] == '-' || p[n] == '_';
        if (l && r)
            return 1;
        p += n;
    }
    return 0;
}

/* Readability's REGEXPS (readability.js), as substrings of class + id. */
static const char *const unlikely_pats[] = {
    "-ad-", "ai2html", "banner", "breadcrumb", "combx", "comment",
    "community", "cover-wrap", "disqus", "extra", "footer", "gdpr",
    "header", "legends", "menu", "related", "remark", "replies", "rss",
    "shoutbox", "sidebar", "skyscraper", "social", "sponsor",
    "supplemental", "ad-break", "agegate", "pagination", "pager", "popup",
    "yom-remote", "newsletter", "share", "sharing", "cookie", "consent",
    "recommend", "outbrain", "taboola", "teaser", "subscribe", "promo",
    "byline", "author-info", "authorinfo", "meta-info", "post-meta",
    "tags", "signup", "paywall", "toolbar", "nav", "widget", "more-from",
    "readmore", "read-more", "moreover", "trending", "most-popular",
    "mostpopular", "most-read", "mostread", "print-", "breaking-news-bar",
    "jump-link", "skip", "rating", "caption", "credit", "factbox",
    "infobox", "info-box", "autor", "author-box", "authorbox", "author-bio",
    "copyright", NULL};
static const char *const maybe_pats[] = {"and", "article", "body", "column",
                                         "content", "main", "shadow", NULL};
static const char *const negative_pats[] = {
    "hidden", "banner", "combx", "comment", "com-", "contact", "foot",
    "footnote", "gdpr", "masthead", "media", "meta", "outbrain", "promo",
    "related", "scroll", "share", "shoutbox", "sidebar", "skyscraper",
    "sponsor", "shopping", "tags", "tool", "widget", "caption", "credit",
    "byline", "newsletter", "teaser", "recommend", "social", NULL};
static const char *const positive_pats[] = {
    "article", "body", "content", "entry", "hentry", "h-entry", "main",
    "page", "pagination", "post", "text", "blog", "story", NULL};

/* ---- per-element data ---------------------------------------------------- */

#define F_JUNK 0x01u      /* junk tag, hidden, or inside one */
#define F_UNLIKELY 0x02u  /* unlikely candidate by class/id/role */
#define F_INIT 0x04u      /* readability score initialised */
#define F_CLEANED 0x08u   /* removed by conditional cleaning */
#define F_BLOCKKIDS 0x10u /* has block-level element children */
#define F_INLINK 0x20u    /* inside <a> */
#define F_CAPTION 0x40u   /* figcaption / caption-ish */

typedef struct hn {
    xmlNode *node;
    int parent; /* element index, -1 */
    int fig;    /* nearest <figure> ancestor's index, -1 */
    int tag;
    unsigned flags;
    int weight;          /* class weight */
    double score;
    size_t text;         /* non-space code points in subtree (visible) */
    size_t link;         /* of which inside <a> */
    size_t own_text;     /* direct text children */
    size_t commas;
    size_t n_p, n_img, n_li, n_input, n_embed, n_heading_text;
    size_t n_elem_kids;
    int unlikely_self;
    int other_story; /* an <article> beside the headline's own */
    int last; /* index of the last element of the subtree */
    /* class/id verdicts, computed once (they do not depend on the attempt):
     * bit 0 done, 1 negative, 2 positive, 3 caption, 4 unlikely, 5 hidden */
    unsigned cls;
    size_t raw_text, raw_ptext; /* before any flag: all text, text in <p> */
} hn;

typedef struct hdoc {
    hn *e;
    size_t n, cap;
    int body;
    int title_h1; /* the <h1> that matches the <title>, or -1 */
    int keep_captions;
} hdoc;

#define IDX(node) ((int)(intptr_t)(node)->_private - 1)

static size_t text_stats(const xmlChar *s, size_t *commas)
{
    size_t n = 0;
    for (const unsigned char *p = s; p && *p; p++) {
        unsigned char c = *p;
        if ((c & 0xC0) == 0x80)
            continue;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f')
            continue;
        if (c == ',')
            (*commas)++;
        else if (c == 0xEF && p[1] == 0xBC && p[2] == 0x8C) /* ， */
            (*commas)++;
        else if (c == 0xE3 && p[1] == 0x80 && p[2] == 0x81) /* 、 */
            (*commas)++;
        else if (c == 0xD8 && p[1] == 0x8C) /* ، */
            (*commas)++;
        n++;
    }
    return n;
}

static int hidden(xmlNode *n)
{
    const char *st = story__html_attr(n, "style");
    if (story__html_attr(n, "hidden"))
        return 1;
    const char *ah = story__html_attr(n, "aria-hidden");
    if (ah && strcmp(ah, "true") == 0)
        return 1;
    if (st) {
        char b[128];
        size_t k = 0;
        for (const char *p = st; *p && k + 1 < sizeof b; p++)
            if (*p != ' ')
                b[k++] = (char)tolower((unsigned char)*p);
        b[k] = '\0';
        if (strstr(b, "display:none") || strstr(b, "visibility:hidden"))
            return 1;
    }
    return 0;
}

static int role_unlikely(xmlNode *n)
{
    const char *r = story__html_attr(n, "role");
    if (!r)
        return 0;
    static const char *const roles[] = {
        "menu", "menubar", "complementary", "navigation", "alert",
        "alertdialog", "dialog", "banner", "contentinfo", "search", NULL};
    for (int i = 0; roles[i]; i++)
        if (strcasecmp(r, roles[i]) == 0)
            return 1;
    return 0;
}

/* Build the element array in document order (iterative pre-order). */
static int collect(hdoc *d, xmlNode *root)
{
    xmlNode *n = root;
    int parent = -1;
    while (n) {
        if (n->type == XML_ELEMENT_NODE) {
            if (d->n == d->cap) {
                size_t nc = d->cap ? d->cap * 2 : 1024;
                hn *ne = story__realloc(d->e, nc * sizeof *ne);
                if (!ne)
                    return STORY_ENOMEM;
                d->e = ne;
                d->cap = nc;
            }
            hn *h = &d->e[d->n];
            memset(h, 0, sizeof *h);
            h->node = n;
            h->parent = parent;
            h->fig = parent < 0 ? -1
                     : d->e[parent].tag == T_FIGURE ? parent
                                                    : d->e[parent].fig;
            h->tag = tag_of(n);
            n->_private = (void *)(intptr_t)(d->n + 1);
            if (h->tag == T_BODY && d->body < 0)
                d->body = (int)d->n;
            d->n++;
            if (n->children) {
                parent = (int)d->n - 1;
                n = n->children;
                continue;
            }
        }
        /* next: sibling, or climb */
        while (n && !n->next) {
            n = n->parent;
            if (!n || n == root->parent || (xmlNode *)n->doc == n) {
                n = NULL;
                break;
            }
            if (n->type == XML_ELEMENT_NODE)
                parent = d->e[IDX(n)].parent;
        }
        if (n)
            n = n->next;
    }
    return 0;
}

/* The class/id (and role, hidden) verdicts of one element, cached in
 * h->cls. */
static void class_verdicts(const hdoc *d, hn *h)
{
    char ci[512];
    unsigned v = 1u;
    class_id(h->node, ci, sizeof ci);
    if (hidden(h->node))
        v |= 32u;
    if (ci[0]) {
        if (has_any(ci, negative_pats))
            v |= 2u;
        if (has_any(ci, positive_pats))
            v |= 4u;
        if (!d->keep_captions &&
            (strstr(ci, "caption") || strstr(ci, "credit") ||
             strstr(ci, "copyright") || strstr(ci, "annotation") ||
             strstr(ci, "bildunterschrift") || strstr(ci, "legende")) &&
            h->tag != T_BODY && h->tag != T_ARTICLE && h->tag != T_MAIN)
            v |= 8u;
    }
    if (h->tag != T_BODY && h->tag != T_HTML && h->tag != T_ARTICLE &&
        h->tag != T_MAIN && h->tag != T_A) {
        int un = role_unlikely(h->node);
        if (!un && ci[0] && has_any(ci, unlikely_pats) &&
            !has_any(ci, maybe_pats))
            un = 1;
        /* whole-word markers that do not depend on "maybe" words */
        if (!un && ci[0] &&
            (has_token(ci, "comments") || has_token(ci, "related") ||
             has_token(ci, "share") || has_token(ci, "social") ||
             has_token(ci, "sidebar") || has_token(ci, "newsletter") ||
             strstr(ci, "comment-") || strstr(ci, "related-") ||
             strstr(ci, "share-") || strstr(ci, "social-")))
            un = 1;
        if (h->tag == T_HEADER)
            un = 1;
        if (un)
            v |= 16u;
        /* comment threads, share bars, related lists: stripped even when
         * a short article makes the extraction retry */
        if (ci[0] && !has_any(ci, maybe_pats) &&
            (has_token(ci, "comments") || has_token(ci, "comment") ||
             strstr(ci, "comment-list") || strstr(ci, "commentlist") ||
             has_token(ci, "disqus") || has_token(ci, "respond") ||
             has_token(ci, "related") || has_token(ci, "share") ||
             has_token(ci, "social")))
            v |= 64u;
        /* a short advertisement slot (class or id token "ad", "ads",
         * "advert…"; readability only knows "-ad-"; a long element so
         * named is a page layout wrapper): never body text,
         * even inside <article> (fresh-user finding M6: "ADVERTISEMENT:
         * Win 10,000 euros today!" became an added sentence and facts) */
        if (ci[0] && h->raw_text < 200 &&
            (has_token(ci, "ad") || has_token(ci, "ads") ||
             has_token(ci, "advert") || has_token(ci, "advertisement") ||
             strstr(ci, "advert-") || strstr(ci, "ad-slot") ||
             strstr(ci, "ad-container")))
            v |= 16u | 64u;
        /* a byline or dateline ("By Jane Doe, 12 May 2025"): short, read
         * by html_meta.c as the article's authors and date, never body
         * text, even when a short article makes the extraction retry
         * without the unlikely-candidate rule */
        if (ci[0] && h->raw_text < 160 &&
            (strstr(ci, "byline") || strstr(ci, "dateline")))
            v |= 64u;
        /* a sign-up, subscription, paywall or most-read box: short,
         * never article text, even inside <article> and when a short
         * article makes the extraction retry (fresh-user finding,
         * session 9: a newsletter box inside a short <article> came out
         * as body text; session 21, fresh-user 21 M12: a paywall's
         * "Subscribe now for just €1" was compared as "5 million euros
         * -> €1") */
        if (ci[0] && h->raw_text < 400 && !has_any(ci, maybe_pats) &&
            (has_token(ci, "newsletter") || has_token(ci, "signup") ||
             strstr(ci, "sign-up") || has_token(ci, "subscribe") ||
             has_token(ci, "subscription") || strstr(ci, "paywall") ||
             strstr(ci, "regwall") || strstr(ci, "piano-") ||
             has_token(ci, "premium-wall") || strstr(ci, "most-read") ||
             strstr(ci, "mostread") || strstr(ci, "most-popular") ||
             strstr(ci, "mostpopular") || has_token(ci, "trending") ||
             has_token(ci, "outbrain") || has_token(ci, "taboola")))
            v |= 64u;
    }
    h->cls = v;
}

/* Flags and text statistics. `strip_unlikely`: mark unlikely candidates. */
static void analyse(hdoc *d, int strip_unlikely, int weight_classes)
{
    for (size_t i = 0; i < d->n; i++) {
        hn *h = &d->e[i];
        unsigned pf = h->parent >= 0 ? d->e[h->parent].flags : 0;
        h->flags = pf & (F_JUNK | F_UNLIKELY | F_INLINK | F_CAPTION);
        h->score = 0;
        h->text = h->link = h->own_text = h->commas = 0;
        h->n_p = h->n_img = h->n_li = h->n_input = h->n_embed = 0;
        h->n_heading_text = 0;
        h->n_elem_kids = 0;
        /* libxml2's HTML4 recovery sometimes nests the whole article in a
         * menu item or a <nav>: a container holding most of the page's
         * paragraph text is never junk or unlikely */
        int swallowed = h->raw_ptext > 1000 &&
                        h->raw_ptext * 2 > d->e[d->body].raw_ptext;
        if (!(h->cls & 1u))
            class_verdicts(d, h);
        if ((is_junk_tag(h->tag, d->keep_captions) && !(swallowed &&
             is_structural_junk(h->tag))) || (h->cls & 32u))
            h->flags |= F_JUNK;
        if (h->tag == T_A)
            h->flags |= F_INLINK;
        if (h->tag == T_FIGCAPTION || h->tag == T_CAPTION)
            h->flags |= F_CAPTION;
        h->weight = 0;
        if (weight_classes) {
            if (h->cls & 2u)
                h->weight -= 25;
            if (h->cls & 4u)
                h->weight += 25;
        }
        if (h->cls & 8u)
            h->flags |= F_CAPTION;
        h->unlikely_self = (h->cls & 16u) && !swallowed;
        if ((h->unlikely_self && strip_unlikely) ||
            (((h->cls & 64u) || h->other_story) && !swallowed))
            h->flags |= F_UNLIKELY;
        if (h->parent >= 0)
            d->e[h->parent].n_elem_kids++;
    }
    /* text: direct children */
    for (size_t i = 0; i < d->n; i++) {
        hn *h = &d->e[i];
        if (h->flags & (F_JUNK | F_UNLIKELY))
            continue;
        for (xmlNode *c = h->node->children; c; c = c->next) {
            if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
                size_t cm = 0;
                size_t t = text_stats(c->content, &cm);
                h->own_text += t;
                h->commas += cm;
            } else if (c->type == XML_ELEMENT_NODE) {
                int ct = d->e[IDX(c)].tag;
                if (is_block_tag(ct))
                    h->flags |= F_BLOCKKIDS;
            }
        }
        h->text += h->own_text;
        if (h->flags & F_INLINK)
            h->link += h->own_text;
    }
    /* bottom-up accumulation */
    for (size_t i = 0; i < d->n; i++)
        d->e[i].last = (int)i;
    for (size_t i = d->n; i-- > 0;) {
        hn *h = &d->e[i];
        if (h->parent >= 0 && d->e[h->parent].last < h->last)
            d->e[h->parent].last = h->last;
        if (h->tag == T_P)
            h->n_p++;
        else if (h->tag == T_IMG)
            h->n_img++;
        else if (h->tag == T_LI)
            h->n_li++;
        else if (h->tag == T_INPUT || h->tag == T_SELECT ||
                 h->tag == T_TEXTAREA || h->tag == T_BUTTON)
            h->n_input++;
        else if (h->tag == T_EMBED || h->tag == T_OBJECT ||
                 h->tag == T_IFRAME || h->tag == T_VIDEO)
            h->n_embed++;
        if (h->tag >= T_H1 && h->tag <= T_H6)
            h->n_heading_text = h->text;
        if (h->parent < 0)
            continue;
        hn *p = &d->e[h->parent];
        p->n_img += h->n_img;
        p->n_embed += h->n_embed;
        p->n_input += h->n_input;
        if (h->flags & (F_JUNK | F_UNLIKELY))
            continue;
        p->text += h->text;
        p->link += h->link;
        p->commas += h->commas;
        p->n_p += h->n_p;
        p->n_li += h->n_li;
        p->n_heading_text += h->n_heading_text;
    }
}

/* ---- readability scoring ------------------------------------------------ */

static double tag_bias(int t)
{
    switch (t) {
    case T_DIV: return 5;
    case T_PRE: case T_TD: case T_BLOCKQUOTE: return 3;
    case T_ADDRESS: case T_OL: case T_UL: case T_DL: case T_DD: case T_DT:
    case T_LI: case T_FORM: return -3;
    case T_H1: case T_H2: case T_H3: case T_H4: case T_H5: case T_H6:
    case T_TH: return -5;
    default: return 0;
    }
}

static void init_node(hn *h)
{
    if (h->flags & F_INIT)
        return;
    h->flags |= F_INIT;
    h->score = tag_bias(h->tag) + h->weight;
}

static int dead(const hn *h)
{
    return (h->flags & (F_JUNK | F_UNLIKELY | F_CLEANED)) != 0;
}

static double link_density(const hn *h)
{
    return h->text ? (double)h->link / (double)h->text : 0.0;
}

static void add_score(hdoc *d, int start, double cs)
{
    int a = start;
    for (int level = 0; a >= 0 && level < 5; level++) {
        hn *h = &d->e[a];
        if (h->tag == T_HTML || h->parent < 0)
            break;
        init_node(h);
        double div = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
        h->score += cs / div;
        a = h->parent;
    }
}

static double content_score(size_t len, size_t commas)
{
    double chars = (double)len * 1.15;
    return 2.0 + (double)commas +
           (chars / 100.0 > 3 ? 3 : (double)(int)(chars / 100.0));
}

/* Loose text of a container, split into runs at block children and at two
 * <br> in a row (readability's _replaceBrs and div-to-p wrapping): each
 * run of >= 22 characters scores like a <p> child of the container.
 * Returns the number of runs scored. */
static int score_runs(hdoc *d, int idx)
{
    size_t run = 0, commas = 0;
    int brs = 0, scored = 0, any_br_break = 0;
    xmlNode *c = d->e[idx].node->children;
    for (;; c = c->next) {
        int brk = 0;
        if (!c) {
            brk = 1;
        } else if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            size_t cm = 0, t = text_stats(c->content, &cm);
            if (t) {
                run += t;
                commas += cm;
                brs = 0;
            }
        } else if (c->type == XML_ELEMENT_NODE) {
            hn *k = &d->e[IDX(c)];
            if (k->tag == T_BR) {
                if (++brs >= 2) {
                    brk = 1;
                    any_br_break = 1;
                }
            } else if (is_block_tag(k->tag)) {
                brk = 1;
            } else if (!dead(k)) {
                run += k->text;
                commas += k->commas;
                brs = 0;
            }
        }
        if (brk) {
            if (run >= 22) {
                add_score(d, idx, content_score(run, commas));
                scored++;
            }
            run = commas = 0;
            brs = 0;
        }
        if (!c)
            break;
    }
    (void)any_br_break;
    return scored;
}

static int has_br_pair(const hn *h)
{
    int brs = 0;
    for (xmlNode *c = h->node->children; c; c = c->next) {
        if (c->type == XML_ELEMENT_NODE && c->name && c->name[0] == 'b' &&
            c->name[1] == 'r' && !c->name[2]) {
            if (++brs >= 2)
                return 1;
        } else if (c->type == XML_TEXT_NODE) {
            size_t cm = 0;
            if (text_stats(c->content, &cm) > 0)
                brs = 0;
        } else if (c->type == XML_ELEMENT_NODE) {
            brs = 0;
        }
    }
    return 0;
}

static void score_all(hdoc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        hn *h = &d->e[i];
        if (dead(h) || h->parent < 0)
            continue;
        int container = h->tag == T_DIV || h->tag == T_SECTION ||
                        h->tag == T_ARTICLE || h->tag == T_CENTER ||
                        h->tag == T_MAIN || h->tag == T_BODY ||
                        h->tag == T_OTHER || h->tag == T_TD;
        int leaf = container && !(h->flags & F_BLOCKKIDS) &&
                   h->tag != T_BODY && h->tag != T_MAIN && h->tag != T_OTHER;
        if (container && h->own_text >= 22 &&
            ((h->flags & F_BLOCKKIDS) || has_br_pair(h))) {
            /* loose text runs: each scores as a <p> of the container */
            score_runs(d, (int)i);
            continue;
        }
        int scored = h->tag == T_P || h->tag == T_PRE || h->tag == T_TD ||
                     (h->tag >= T_H2 && h->tag <= T_H6) ||
                     (leaf && h->tag != T_TD);
        if (scored) {
            size_t len = h->text;
            if (len < 22 || (h->tag == T_TD && len < 80))
                continue; /* table cells: only text-like cells count */
            add_score(d, h->parent, content_score(len, h->commas));
        }
    }
}

static int is_ancestor(const hdoc *d, int anc, int x)
{
    for (int a = x; a >= 0; a = d->e[a].parent)
        if (a == anc)
            return 1;
    return 0;
}

static int element_children(const hdoc *d, int idx, int *only)
{
    int n = 0;
    for (xmlNode *c = d->e[idx].node->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) {
            n++;
            *only = IDX(c);
        } else if (c->type == XML_TEXT_NODE) {
            size_t cm = 0;
            if (text_stats(c->content, &cm) > 0)
                n += 100; /* text beside the child: not an only child */
        }
    return n;
}

#define N_TOP 5

/* Choose the top candidate; returns its index (or body). */
static int top_candidate(hdoc *d)
{
    int top[N_TOP];
    double ts[N_TOP];
    int nt = 0;
    for (size_t i = 0; i < d->n; i++) {
        hn *h = &d->e[i];
        if (!(h->flags & F_INIT) || dead(h))
            continue;
        h->score *= 1.0 - link_density(h);
        double s = h->score;
        int pos = nt;
        while (pos > 0 && ts[pos - 1] < s)
            pos--;
        if (pos < N_TOP) {
            int last = nt < N_TOP ? nt : N_TOP - 1;
            for (int k = last; k > pos; k--) {
                top[k] = top[k - 1];
                ts[k] = ts[k - 1];
            }
            top[pos] = (int)i;
            ts[pos] = s;
            if (nt < N_TOP)
                nt++;
        }
    }
    if (nt == 0)
        return d->body;
    int best = top[0];
    /* the headline: prefer a candidate next to the <h1> that matches the
     * page <title> when the best one is elsewhere (another story, a
     * teaser list) and the nearer one is not much weaker */
    if (d->title_h1 >= 0 && nt > 1) {
        int near_best = -1;
        for (int k = 0; k < nt; k++) {
            int c = top[k], lvl = 0, found = 0;
            for (int a = c; a >= 0 && lvl <= 3; a = d->e[a].parent, lvl++)
                if (is_ancestor(d, a, d->title_h1)) {
                    found = 1;
                    break;
                }
            if (found) {
                near_best = k;
                break;
            }
        }
        if (near_best > 0 && ts[near_best] >= 0.5 * ts[0])
            best = top[near_best];
    }
    /* several close candidates under one ancestor: take that ancestor */
    {
        int alts[N_TOP], na = 0;
        for (int k = 1; k < nt; k++)
            if (ts[k] / ts[0] >= 0.75)
                alts[na++] = top[k];
        if (na >= 3) {
            for (int p = d->e[best].parent; p >= 0 && p != d->body;
                 p = d->e[p].parent) {
                int c = 0;
                for (int k = 0; k < na; k++)
                    c += is_ancestor(d, p, alts[k]);
                if (c >= 3) {
                    best = p;
                    break;
                }
            }
        }
    }
    /* the headline's own <article> (trafilatura looks for <article>
     * first, Barbaresi 2021): when the best candidate contains the
     * <article> that holds the title <h1>, that article has paragraphs of
     * its own (>= 3 <p>, >= 500 code points of <p> text) and holds at
     * least half of the candidate's <p> text, the rest of the candidate
     * is text outside paragraphs around the story (a page with thousands
     * of loose text blocks after </article> scored higher than the story;
     * session 17, fresh-user 16 M5), so the article is the candidate and
     * is not widened to its ancestors. */
    int own_article = 0;
    if (d->title_h1 >= 0) {
        int art = -1;
        for (int a = d->e[d->title_h1].parent; a >= 0; a = d->e[a].parent)
            if (d->e[a].tag == T_ARTICLE) {
                art = a;
                break;
            }
        if (art >= 0 && art != best && is_ancestor(d, best, art) &&
            d->e[art].n_p >= 3 && d->e[art].raw_ptext >= 500 &&
            d->e[art].raw_ptext * 2 >= d->e[best].raw_ptext) {
            best = art;
            own_article = 1;
        }
    }
    init_node(&d->e[best]);
    /* walk up while the score keeps rising */
    if (!own_article) {
        double last = d->e[best].score, thr = last / 3.0;
        for (int p = d->e[best].parent; p >= 0 && p != d->body;
             p = d->e[p].parent) {
            if (!(d->e[p].flags & F_INIT))
                continue;
            double ps = d->e[p].score;
            if (ps < thr)
                break;
            if (ps > last) {
                best = p;
                break;
            }
            last = ps;
        }
    }
    /* only child: use the parent, so siblings are considered */
    for (;;) {
        int par = d->e[best].parent, only = -1;
        if (par < 0 || par == d->body || d->e[par].tag == T_HTML)
            break;
        if (element_children(d, par, &only) != 1)
            break;
        best = par;
        init_node(&d->e[best]);
    }
    return best;
}

/* ---- conditional cleaning (readability _cleanConditionally) ----------- */

static int is_list(const hn *h)
{
    if (h->tag == T_UL || h->tag == T_OL)
        return 1;
    return 0;
}

static void remove_counts(hdoc *d, int idx, int root)
{
    hn *h = &d->e[idx];
    for (int a = h->parent; a >= 0; a = d->e[a].parent) {
        hn *p = &d->e[a];
        p->text -= h->text < p->text ? h->text : p->text;
        p->link -= h->link < p->link ? h->link : p->link;
        p->commas -= h->commas < p->commas ? h->commas : p->commas;
        p->n_p -= h->n_p < p->n_p ? h->n_p : p->n_p;
        p->n_li -= h->n_li < p->n_li ? h->n_li : p->n_li;
        if (a == root)
            break;
    }
}

/* The counts remove_counts() takes off a node's ancestors, gathered per
 * node so that clean_conditionally() passes them up one level at a time
 * (linear) instead of walking up to root per removed node (quadratic on
 * deeply nested pages with little text: 16,000 nested <div> took 8.7 s).
 * Saturating subtraction of several amounts in a row equals saturating
 * subtraction of their sum, so the counts come out the same. */
typedef struct pending_counts {
    size_t text, link, commas, n_p, n_li;
} pending_counts;

static void pending_apply(hn *p, const pending_counts *c)
{
    p->text -= c->text < p->text ? c->text : p->text;
    p->link -= c->link < p->link ? c->link : p->link;
    p->commas -= c->commas < p->commas ? c->commas : p->commas;
    p->n_p -= c->n_p < p->n_p ? c->n_p : p->n_p;
    p->n_li -= c->n_li < p->n_li ? c->n_li : p->n_li;
}

static void clean_conditionally(hdoc *d, int root, int weight_classes)
{
    size_t first = (size_t)root, last = (size_t)d->e[root].last;
    /* pend[i - first]: removed descendants' counts not yet taken off node
     * i (NULL on allocation failure: remove_counts per node, as before) */
    pending_counts *pend = story__calloc(last - first + 1, sizeof *pend);
    for (size_t i = last; i > first; i--) {
        hn *h = &d->e[i];
        pending_counts *pc = pend ? &pend[i - first] : NULL;
        if (pc) {
            /* children come after their parent in pre-order, so all of
             * node i's removed descendants have been passed up to it */
            pending_apply(h, pc);
            pending_counts *pp = &pend[(size_t)h->parent - first];
            pp->text += pc->text;
            pp->link += pc->link;
            pp->commas += pc->commas;
            pp->n_p += pc->n_p;
            pp->n_li += pc->n_li;
        }
        if (dead(h))
            continue;
        int t = h->tag;
        if (!(t == T_FORM || t == T_FIELDSET || t == T_TABLE || t == T_UL ||
              t == T_OL || t == T_DIV || t == T_SECTION || t == T_DL ||
              t == T_HEADER))
            continue;
        int weight = weight_classes ? h->weight : 0;
        int rm = 0;
        if (weight + (h->flags & F_INIT ? h->score : 0) < 0) {
            rm = 1;
        } else if (h->commas < 10) {
            double p = (double)h->n_p;
            double img = (double)h->n_img;
            double li = (double)h->n_li - 100.0;
            double input = (double)h->n_input;
            double hd = h->text ? (double)h->n_heading_text / (double)h->text
                                : 0.0;
            double ld = link_density(h);
            double len = (double)h->text * 1.15;
            int list = is_list(h);
            /* a <figure> between the node and root: ancestors below root
             * come after it in pre-order (O(1), was a walk up per node,
             * quadratic on deeply nested pages) */
            int fig = h->fig > root;
            rm = (img > 1 && p / img < 0.5 && !fig) || (!list && li > p) ||
                 (input > (double)(int)(p / 3)) ||
                 (!list && hd < 0.9 && len < 25 && (img == 0 || img > 2) &&
                  !fig) ||
                 (!list && weight < 25 && ld > 0.2) ||
                 (weight >= 25 && ld > 0.5) ||
                 (h->n_embed == 1 && len < 75) || h->n_embed > 1;
            /* lists: link lists go, text lists stay */
            if (list && ld > 0.5)
                rm = 1;
        }
        if (rm) {
            h->flags |= F_CLEANED;
            if (pc) {
                pending_counts *pp = &pend[(size_t)h->parent - first];
                pp->text += h->text;
                pp->link += h->link;
                pp->commas += h->commas;
                pp->n_p += h->n_p;
                pp->n_li += h->n_li;
            } else {
                remove_counts(d, (int)i, root);
            }
        }
    }
    if (pend) {
        pending_apply(&d->e[root], &pend[0]);
        free(pend);
    }
}

/* ---- block output ---------------------------------------------------- */

typedef struct oblock {
    char *text;
    size_t len;
    story_block_kind kind;
    size_t chars, link, time;
} oblock;

typedef struct emitter {
    story_buf cur;
    size_t chars, link, time;
    int in_heading, in_li, in_quote, in_pre, in_link, in_time;
    int pending_space;
    xmlNode *dtable; /* the data table being emitted (rows as lines) */
    int cell;        /* cells emitted in the current row of dtable */
    story_vec blocks; /* oblock */
    int oom;
} emitter;

static void em_flush(emitter *em)
{
    while (em->cur.len > 0 && (em->cur.data[em->cur.len - 1] == ' ' ||
                               em->cur.data[em->cur.len - 1] == '\n'))
        em->cur.data[--em->cur.len] = '\0';
    em->pending_space = 0;
    if (em->cur.len == 0 || em->chars == 0) {
        em->cur.len = 0;
        em->chars = em->link = em->time = 0;
        return;
    }
    oblock b;
    b.text = story__strndup(em->cur.data, em->cur.len);
    b.len = em->cur.len;
    b.kind = em->in_heading ? STORY_BLOCK_HEADING
             : em->in_li    ? STORY_BLOCK_LIST_ITEM
             : em->in_quote ? STORY_BLOCK_QUOTE
                            : STORY_BLOCK_PARAGRAPH;
    b.chars = em->chars;
    b.link = em->link;
    b.time = em->time;
    if (!b.text || !story_vec_push(&em->blocks, &b)) {
        free(b.text);
        em->oom = 1;
    }
    em->cur.len = 0;
    em->chars = em->link = em->time = 0;
}

static void em_text(emitter *em, const unsigned char *s)
{
    for (const unsigned char *p = s; p && *p; p++) {
        unsigned char c = *p;
        if (!em->in_pre && (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
                            c == '\f')) {
            em->pending_space = 1;
            continue;
        }
        if (c == '\r')
            continue;
        if (em->pending_space && em->cur.len > 0 &&
            em->cur.data[em->cur.len - 1] != '\n' &&
            em->cur.data[em->cur.len - 1] != ' ')
            story_buf_putc(&em->cur, ' ');
        em->pending_space = 0;
        story_buf_putc(&em->cur, (char)c);
        if ((c & 0xC0) != 0x80 && c != ' ' && c != '\n' && c != '\t') {
            em->chars++;
            if (em->in_link)
                em->link++;
            if (em->in_time)
                em->time++;
        }
    }
    if (em->cur.oom)
        em->oom = 1;
}

static void em_counters(emitter *em, int tag, int delta)
{
    if (tag >= T_H2 && tag <= T_H6)
        em->in_heading += delta;
    else if (tag == T_LI || tag == T_DT || tag == T_DD)
        em->in_li += delta;
    else if (tag == T_BLOCKQUOTE)
        em->in_quote += delta;
    else if (tag == T_PRE)
        em->in_pre += delta;
    else if (tag == T_A)
        em->in_link += delta;
    else if (tag == T_TIME)
        em->in_time += delta;
}

/* A footnote or reference marker (session 18, fresh-user 18 M24: the
 * digits of "said.<sup>1</sup>" and "Reuters<sup>[2]</sup>" became
 * numbers of the sentence, certain false omissions against a copy without
 * them): a <sup> whose text is 1-3 digits, optionally in brackets, or
 * only * and daggers. Digits right after a letter or digit stay when they
 * are an exponent: "km<sup>2</sup>", "m<sup>3</sup>" (2 or 3 after a
 * letter), "10<sup>6</sup>" (any after a digit). */
static int footnote_mark(const hn *h)
{
    if (h->tag != T_SUP || h->text == 0 || h->text > 8 || !h->node)
        return 0;
    xmlChar *c = xmlNodeGetContent(h->node);
    if (!c)
        return 0;
    const char *t = (const char *)c;
    while (*t == ' ')
        t++;
    size_t n = strlen(t);
    int open = *t == '[';
    while (n && t[n - 1] == ' ')
        n--;
    size_t digits = 0, marks = 0, i = (size_t)open;
    for (; i < n && isdigit((unsigned char)t[i]); i++)
        digits++;
    int close = open && i < n && t[i] == ']';
    i += (size_t)close;
    for (; !digits && !open && i < n; i++) {
        if (t[i] == '*')
            marks++;
        else if (n - i >= 3 && (!memcmp(t + i, "\xe2\x80\xa0", 3) ||
                                !memcmp(t + i, "\xe2\x80\xa1", 3))) {
            marks++;
            i += 2;
        } else
            break;
    }
    int mark = i == n && ((digits >= 1 && digits <= 3 && open == close) ||
                          (marks && !digits && !open));
    if (mark && digits && !open) {
        /* an exponent: the text right before ends in a letter or digit */
        const xmlNode *pv = h->node->prev;
        const xmlChar *pc = pv && pv->type == XML_TEXT_NODE ? pv->content
                                                            : NULL;
        size_t pl = pc ? strlen((const char *)pc) : 0;
        unsigned char last = pl ? pc[pl - 1] : ' ';
        if (isdigit(last) ||
            ((isalpha(last) || last >= 0x80) && digits == 1 &&
             (t[0] == '2' || t[0] == '3')))
            mark = 0;
    }
    xmlFree(c);
    return mark;
}

static int skip_element(const hdoc *d, const hn *h)
{
    if (dead(h))
        return 1;
    if (footnote_mark(h))
        return 1;
    if ((h->flags & F_CAPTION) && !d->keep_captions)
        return 1;
    if (h->tag == T_H1)
        return 1;
    return 0;
}

/* A data table (session 10, fresh-user M6): no nested table, at least two
 * rows of two or more cells, at most a quarter of the rows with one cell,
 * and every cell short (<= 200 visible characters) with no block element
 * or line break inside (a cell holding paragraphs is layout). Its rows are
 * emitted one line each, the cells joined with " | " (header rows too);
 * any other table is emitted cell by cell as before. */
static int is_data_table(const hdoc *d, int t)
{
    int rows = 0, multi = 0, single = 0, cells = 0;
    int row = -1;
    for (int i = t + 1; i <= d->e[t].last && i < (int)d->n; i++) {
        const hn *h = &d->e[i];
        if (h->tag == T_TABLE)
            return 0;
        if (h->tag == T_TR) {
            if (row >= 0) {
                multi += cells >= 2;
                single += cells == 1;
            }
            row = i;
            rows++;
            cells = 0;
        } else if (h->tag == T_TD || h->tag == T_TH) {
            if (row < 0 || h->parent != row || h->text > 200)
                return 0;
            cells++;
        } else if (row >= 0 && h->tag != T_THEAD && h->tag != T_TBODY &&
                   h->tag != T_TFOOT && h->tag != T_CAPTION &&
                   (is_block_tag(h->tag) || h->tag == T_BR)) {
            return 0;
        }
    }
    if (row >= 0) {
        multi += cells >= 2;
        single += cells == 1;
    }
    return rows >= 2 && multi >= 2 && single * 4 <= rows;
}

/* Text before the line end ends a sentence: '.', '!', '?', U+2026, and
 * closing quotes or brackets after them, and the line holds at least
 * `min` bytes since the last line break. */
static int line_ends_sentence(const story_buf *b, size_t min)
{
    size_t n = b->len;
    while (n > 0 && (b->data[n - 1] == ' ' || b->data[n - 1] == '\n'))
        n--;
    size_t end = n;
    while (n > 0) {
        unsigned char c = (unsigned char)b->data[n - 1];
        if (c == '"' || c == '\'' || c == ')') {
            n--;
        } else if (n >= 3 && (unsigned char)b->data[n - 3] == 0xE2 &&
                   (unsigned char)b->data[n - 2] == 0x80 &&
                   (c == 0x9D || c == 0x99 || c == 0x9C)) {
            n -= 3; /* ” ’ “ */
        } else if (n >= 2 && (unsigned char)b->data[n - 2] == 0xC2 &&
                   c == 0xBB) {
            n -= 2; /* » */
        } else {
            break;
        }
    }
    if (n == 0)
        return 0;
    unsigned char c = (unsigned char)b->data[n - 1];
    int fin = c == '.' || c == '!' || c == '?' ||
              (n >= 3 && (unsigned char)b->data[n - 3] == 0xE2 &&
               (unsigned char)b->data[n - 2] == 0x80 && c == 0xA6);
    if (!fin)
        return 0;
    size_t start = end;
    while (start > 0 && b->data[start - 1] != '\n')
        start--;
    return end - start >= min;
}

/* Emit the subtree of element `root` in document order. */
static void emit(hdoc *d, emitter *em, int root)
{
    xmlNode *top = d->e[root].node, *n = top;
    int entering = 1;
    while (n) {
        if (entering) {
            int descend = 0;
            if (n->type == XML_ELEMENT_NODE) {
                hn *h = &d->e[IDX(n)];
                if (!skip_element(d, h)) {
                    if (h->tag == T_BR && em->dtable) {
                        em->pending_space = 1;
                    } else if (h->tag == T_BR) {
                        /* two <br> in a row end the block; so does one
                         * after a full sentence of >= 40 bytes in loose
                         * text (not inside a <p>: a page that separates
                         * its paragraphs by one <br>, fresh-user L6);
                         * else a line break */
                        int in_p = h->parent >= 0 &&
                                   d->e[h->parent].tag == T_P;
                        if (em->cur.len > 0 &&
                            (em->cur.data[em->cur.len - 1] == '\n' ||
                             (!in_p && line_ends_sentence(&em->cur, 40))))
                            em_flush(em);
                        else if (em->cur.len > 0) {
                            story_buf_putc(&em->cur, '\n');
                            em->pending_space = 0;
                        }
                    } else if (em->dtable &&
                               (h->tag == T_TD || h->tag == T_TH)) {
                        /* a cell of a data table row: joined by " | " */
                        if (em->cell++ > 0) {
                            story_buf_puts(&em->cur, " | ");
                            em->pending_space = 0;
                        }
                        em_counters(em, h->tag, 1);
                        descend = n->children != NULL;
                        if (!descend)
                            em_counters(em, h->tag, -1);
                    } else {
                        if (h->tag == T_TABLE && !em->dtable &&
                            is_data_table(d, IDX(n)))
                            em->dtable = n;
                        if (em->dtable && h->tag == T_TR)
                            em->cell = 0;
                        if (is_block_tag(h->tag))
                            em_flush(em);
                        em_counters(em, h->tag, 1);
                        descend = n->children != NULL;
                        if (!descend) {
                            if (is_block_tag(h->tag))
                                em_flush(em);
                            em_counters(em, h->tag, -1);
                        }
                    }
                }
            } else if (n->type == XML_TEXT_NODE ||
                       n->type == XML_CDATA_SECTION_NODE) {
                em_text(em, n->content);
            }
            if (descend) {
                n = n->children;
                continue;
            }
        } else if (n->type == XML_ELEMENT_NODE) {
            hn *h = &d->e[IDX(n)];
            if (is_block_tag(h->tag) &&
                !(em->dtable && (h->tag == T_TD || h->tag == T_TH)))
                em_flush(em);
            if (n == em->dtable)
                em->dtable = NULL;
            em_counters(em, h->tag, -1);
        }
        n = story__html_step(n, top, &entering);
    }
    em_flush(em);
    em->dtable = NULL;
}

static void blocks_clear(story_vec *v)
{
    for (size_t i = 0; i < v->len; i++)
        free(((oblock *)v->data)[i].text);
    v->len = 0;
}

/* Folded key of a short block (<= 100 bytes) for phrase lookup; cut at
 * ':' when prefix != 0. */
static int block_phrase(story_ctx *ctx, const char *which, const oblock *b,
                        int prefix)
{
    size_t n = b->len;
    if (prefix) {
        const char *c = memchr(b->text, ':', b->len);
        if (!c)
            return 0;
        n = (size_t)(c - b->text);
    }
    while (n > 0 && (b->text[n - 1] == ':' || b->text[n - 1] == ' ' ||
                     b->text[n - 1] == '.' || b->text[n - 1] == '-'))
        n--;
    if (n == 0 || n > 100)
        return 0;
    story_buf k = {0};
    int hit = 0;
    if (story__ingest_fold(&k, b->text, n) == 0 && k.data)
        hit = story__ingest_phrase(ctx, which, k.data);
    story_buf_free(&k);
    return hit;
}

/* A block that is only a numeric date/time ("20.01.2022, 14:05"). */
static int date_only(const oblock *b)
{
    size_t digits = 0;
    if (b->len > 30)
        return 0;
    for (size_t i = 0; i < b->len; i++) {
        char c = b->text[i];
        if (c >= '0' && c <= '9')
            digits++;
        else if (!(c == '.' || c == '/' || c == '-' || c == ':' || c == ',' ||
                   c == ' '))
            return 0;
    }
    return digits >= 6;
}

/* Block-level filters (trafilatura-style): link-dense blocks, UI lines,
 * "Read also" lines and related-links tails. Marks dropped blocks by
 * freeing their text. */
static void filter_blocks(story_ctx *ctx, story_vec *v)
{
    oblock *b = v->data;
    for (size_t i = 0; i < v->len; i++) {
        int drop = 0;
        if (!b[i].text)
            continue;
        double ld = b[i].chars ? (double)b[i].link / (double)b[i].chars : 0;
        if (ld > 0.5 && b[i].chars < 400)
            drop = 1;
        else if ((b[i].time * 2 > b[i].chars && b[i].chars < 80) ||
                 date_only(&b[i]))
            drop = 1; /* a date line ("Published: <time>", "20.01.2022") */
        else if (b[i].chars < 400 && strncmp(b[i].text, "Warning: ", 9) == 0 &&
                 strstr(b[i].text, " on line "))
            drop = 1; /* a PHP warning printed into the page */
        else if (b[i].chars < 60 && block_phrase(ctx, "lines", &b[i], 0))
            drop = 1;
        else if (b[i].chars < 250 && block_phrase(ctx, "headings", &b[i], 1))
            drop = 1;
        else if (b[i].chars < 40 && block_phrase(ctx, "headings", &b[i], 0)) {
            /* a "Related"/"Read more" heading: drop it and the short or
             * link-dense blocks that follow */
            drop = 1;
            size_t j = i + 1;
            while (j < v->len) {
                double l2 = b[j].chars ? (double)b[j].link / (double)b[j].chars
                                       : 0;
                if (b[j].kind == STORY_BLOCK_LIST_ITEM || l2 > 0.3 ||
                    b[j].chars < 50) {
                    free(b[j].text);
                    b[j].text = NULL;
                    j++;
                } else {
                    break;
                }
            }
        }
        if (drop) {
            free(b[i].text);
            b[i].text = NULL;
        }
    }
}

static size_t blocks_chars(const story_vec *v)
{
    size_t n = 0;
    for (size_t i = 0; i < v->len; i++)
        if (((oblock *)v->data)[i].text)
            n += ((oblock *)v->data)[i].chars;
    return n;
}

/* ---- driver ------------------------------------------------------------- */

int story__looks_like_html(const char *s, size_t len)
{
    size_t n = len < 4096 ? len : 4096;
    static const char *const tags[] = {"<html", "<!doctype html", "<head",
                                       "<body", "<meta", "<title", "<p>",
                                       "<div", "<article", NULL};
    size_t i = 0;
    /* skip BOM and white space */
    if (n >= 3 && (unsigned char)s[0] == 0xEF)
        i = 3;
    while (i < n && isspace((unsigned char)s[i]))
        i++;
    if (i < n && s[i] != '<')
        return 0;
    for (; i < n; i++) {
        if (s[i] != '<')
            continue;
        for (int k = 0; tags[k]; k++) {
            size_t tl = strlen(tags[k]);
            if (i + tl <= len && strncasecmp(s + i, tags[k], tl) == 0)
                return 1;
        }
    }
    return 0;
}

const char *story__looks_like_feed(const char *s, size_t len)
{
    static const char *const roots[] = {"rss", "feed", "rdf:RDF", NULL};
    size_t n = len < 4096 ? len : 4096, i = 0;
    if (n >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB &&
        (unsigned char)s[2] == 0xBF)
        i = 3;
    for (;;) {
        while (i < n && isspace((unsigned char)s[i]))
            i++;
        if (i + 1 >= n || s[i] != '<')
            return NULL;
        const char *end = NULL;
        if (s[i + 1] == '?')
            end = "?>";
        else if (i + 3 < n && strncmp(s + i, "<!--", 4) == 0)
            end = "-->";
        else if (s[i + 1] == '!')
            end = ">";
        if (!end)
            break;
        size_t el = strlen(end), j = i + 2;
        while (j + el <= n && strncmp(s + j, end, el) != 0)
            j++;
        if (j + el > n)
            return NULL;
        i = j + el;
    }
    for (int k = 0; roots[k]; k++) {
        size_t rl = strlen(roots[k]);
        if (i + 1 + rl < n && strncmp(s + i + 1, roots[k], rl) == 0 &&
            (isspace((unsigned char)s[i + 1 + rl]) || s[i + 1 + rl] == '>'))
            return roots[k];
    }
    return NULL;
}

/* Truncated HTML: the bytes end inside a tag, comment or script, or the
 * page opened <html>/<body> but ends in the middle of text without
 * </body> or </html>. Returns the offset where the truncation is noticed
 * (the end), or -1. Real pages that merely omit the closing tags but end
 * after a complete tag are accepted (the HTML standard makes those end
 * tags optional). */
static long long truncated_at(const char *s, size_t len)
{
    size_t e = len;
    while (e > 0 && isspace((unsigned char)s[e - 1]))
        e--;
    if (e == 0)
        return -1;
    /* inside a tag or comment: a '<' after the last '>' */
    const char *gt = NULL, *lt = NULL;
    for (size_t i = e; i-- > 0;) {
        if (!gt && s[i] == '>')
            gt = s + i;
        if (!lt && s[i] == '<')
            lt = s + i;
        if (gt && lt)
            break;
        if (e - i > 65536)
            break;
    }
    if (lt && (!gt || lt > gt) && e - (size_t)(lt - s) < 4096 &&
        (isalpha((unsigned char)lt[1]) || lt[1] == '/' || lt[1] == '!'))
        return (long long)len;
    int open = 0;
    size_t n = len < 65536 ? len : 65536;
    for (size_t i = 0; i + 5 <= n; i++)
        if (s[i] == '<' && (strncasecmp(s + i, "<html", 5) == 0 ||
                            strncasecmp(s + i, "<body", 5) == 0)) {
            open = 1;
            break;
        }
    if (!open)
        return -1;
    size_t from = len > 65536 ? len - 65536 : 0;
    for (size_t i = len; i-- > from;)
        if (s[i] == '<' && i + 6 <= len &&
            (strncasecmp(s + i, "</html", 6) == 0 ||
             strncasecmp(s + i, "</body", 6) == 0))
            return -1;
    /* unterminated <script> / <style> / comment at the end */
    for (size_t i = len; i-- > from;) {
        if (s[i] != '<')
            continue;
        if (strncasecmp(s + i, "</script", 8) == 0 ||
            strncasecmp(s + i, "</style", 7) == 0)
            break;
        if (strncasecmp(s + i, "<script", 7) == 0 ||
            strncasecmp(s + i, "<style", 6) == 0)
            return (long long)len;
    }
    return s[e - 1] == '>' ? -1 : (long long)len;
}

/* Text per element before any decision (script/style excluded), and the
 * part of it inside <p>. */
static void raw_counts(hdoc *d)
{
    for (size_t i = 0; i < d->n; i++) {
        hn *h = &d->e[i];
        h->raw_text = h->raw_ptext = 0;
        if (h->tag == T_SCRIPT || h->tag == T_STYLE || h->tag == T_NOSCRIPT ||
            h->tag == T_TEMPLATE)
            continue;
        for (xmlNode *c = h->node->children; c; c = c->next)
            if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
                size_t cm = 0;
                h->raw_text += text_stats(c->content, &cm);
            }
    }
    for (size_t i = d->n; i-- > 0;) {
        hn *h = &d->e[i];
        if (h->tag == T_P && h->raw_ptext == 0)
            h->raw_ptext = h->raw_text;
        if (h->parent >= 0) {
            hn *p = &d->e[h->parent];
            if (h->tag == T_SCRIPT || h->tag == T_STYLE ||
                h->tag == T_NOSCRIPT || h->tag == T_TEMPLATE)
                continue;
            p->raw_text += h->raw_text;
            p->raw_ptext += h->raw_ptext;
        }
    }
}

/* The standfirst / lead paragraph: an element after the headline <h1>
 * and before the content, outside it, marked lead/intro/teaser/summary/…
 * by class or id (news CMS conventions: "lead", "standfirst", "chapo",
 * "bajada", "sommario", "deck"), with enough text and few links. Its
 * subtree is made emittable (an unlikely ancestor such as a header does
 * not hide it). Returns its index or -1. */
static int find_lead(hdoc *d, const story_vec *roots)
{
    static const char *const pats[] = {
        "lead", "intro", "teaser", "summary", "standfirst", "excerpt",
        "deck", "sommario", "bajada", "chapo", "chapeau", "abstract",
        "description", "strapline", "subtitle", "subheadline", "dek", NULL};
    if (d->title_h1 < 0 || roots->len == 0)
        return -1;
    int first = ((int *)roots->data)[0], inside = 0;
    for (size_t k = 0; k < roots->len; k++)
        if (is_ancestor(d, ((int *)roots->data)[k], d->title_h1))
            inside = 1;
    if (!inside && first <= d->title_h1)
        return -1;
    int end = inside ? d->title_h1 + 60 : first;
    char ci[512];
    for (int i = d->title_h1 + 1; i < end && i < (int)d->n &&
                                  i < d->title_h1 + 60;
         i++) {
        hn *h = &d->e[i];
        if (h->flags & F_JUNK)
            continue;
        if (h->tag == T_H1)
            break;
        if (h->other_story)
            break; /* another story's teaser: past this one's lead */
        /* inside the content, only a lead that the cleaning hid */
        if (inside && !(h->flags & (F_UNLIKELY | F_CLEANED)))
            continue;
        class_id(h->node, ci, sizeof ci);
        if (!ci[0] || !has_any(ci, pats) || has_any(ci, (const char *const[]){
                                                   "related", "comment",
                                                   "share", "nav", NULL}))
            continue;
        if (h->raw_text < 50 || h->raw_text > 1500)
            continue;
        if (link_density(h) > 0.3)
            continue;
        return i;
    }
    return -1;
}

/* Emit the lead's subtree even though an ancestor or the cleaning marked
 * it; its flags are restored afterwards. */
static void emit_lead(hdoc *d, emitter *em, int lead)
{
    int last = d->e[lead].last;
    unsigned *saved = story__malloc(sizeof(unsigned) *
                                    (size_t)(last - lead + 1));
    if (!saved)
        return;
    for (int j = lead; j <= last; j++) {
        saved[j - lead] = d->e[j].flags;
        d->e[j].flags &= ~(F_UNLIKELY | F_CLEANED);
    }
    emit(d, em, lead);
    for (int j = lead; j <= last; j++)
        d->e[j].flags = saved[j - lead];
    free(saved);
}

static void find_title_h1(hdoc *d)
{
    story_buf title = {0}, h = {0};
    for (size_t i = 0; i < d->n; i++)
        if (d->e[i].tag == T_TITLE) {
            story__html_text(&title, d->e[i].node);
            break;
        }
    if (title.len)
        for (size_t i = 0; i < d->n; i++) {
            if (d->e[i].tag != T_H1)
                continue;
            h.len = 0;
            story__html_text(&h, d->e[i].node);
            if (h.len && story__html_similar_title(h.data, title.data)) {
                d->title_h1 = (int)i;
                break;
            }
        }
    story_buf_free(&title);
    story_buf_free(&h);
}

/* Other stories: when the headline <h1> sits in an <article> that holds
 * paragraph text, every other <article> outside it with less text and a
 * heading of its own, or nested in another <article> (a box of related
 * posts), is another story's teaser ("Most read", "Also in the news"),
 * never this article's text, whatever the attempt (fresh-user finding,
 * session 9: two teaser <article>s after a short story came out as its
 * text). A top-level <article> without a heading may be the rest of this
 * story, split around an advertisement: it stays (the re-test's finding:
 * without these conditions such a second half was lost). */
static void mark_other_stories(hdoc *d)
{
    if (d->title_h1 < 0)
        return;
    int own = -1;
    for (int a = d->e[d->title_h1].parent; a >= 0; a = d->e[a].parent)
        if (d->e[a].tag == T_ARTICLE) {
            own = a;
            break;
        }
    if (own < 0 || d->e[own].raw_ptext < 200)
        return;
    for (size_t i = 0; i < d->n; i++) {
        hn *h = &d->e[i];
        if (h->tag != T_ARTICLE || (int)i == own ||
            is_ancestor(d, (int)i, own) || is_ancestor(d, own, (int)i) ||
            h->raw_text >= d->e[own].raw_ptext)
            continue;
        /* inside another <article> (a related-posts box of cards) */
        for (int a = h->parent; a >= 0 && !h->other_story; a = d->e[a].parent)
            if (d->e[a].tag == T_ARTICLE && !is_ancestor(d, a, own))
                h->other_story = 1;
        /* a heading of its own; descendants follow in document order */
        for (size_t j = i + 1; j < d->n && !h->other_story &&
                               is_ancestor(d, (int)i, (int)j);
             j++)
            if (d->e[j].tag >= T_H1 && d->e[j].tag <= T_H6)
                h->other_story = 1;
    }
}

static void select_roots(hdoc *d, int top, story_vec *roots)
{
    int par = d->e[top].parent;
    if (top == d->body || par < 0 || d->e[top].tag == T_HTML) {
        story_vec_push(roots, &top);
        return;
    }
    double ts = d->e[top].score;
    double thr = ts * 0.2 > 10 ? ts * 0.2 : 10;
    const char *tc = story__html_attr(d->e[top].node, "class");
    for (xmlNode *c = d->e[par].node->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        int ci = IDX(c);
        hn *h = &d->e[ci];
        int take = 0;
        if (ci == top) {
            take = 1;
        } else if (!dead(h)) {
            const char *cc = story__html_attr(c, "class");
            double bonus = tc && *tc && cc && strcmp(tc, cc) == 0 ? ts * 0.2
                                                                  : 0;
            if ((h->flags & F_INIT) && h->score + bonus >= thr) {
                take = 1;
            } else if (h->tag == T_P) {
                double ld = link_density(h), clen = (double)h->text * 1.15;
                if (clen > 80 && ld < 0.25)
                    take = 1;
                else if (clen > 0 && clen < 80 && ld == 0) {
                    story_buf t = {0};
                    story__html_text(&t, c);
                    take = t.len > 0 && t.data[t.len - 1] == '.';
                    story_buf_free(&t);
                }
            }
        }
        if (take)
            story_vec_push(roots, &ci);
    }
}

int story__ingest_html(story_article *a, story_ctx *ctx, const char *s,
                       size_t len, int keep_captions, story_error *err)
{
    long long tr = truncated_at(s, len);
    if (tr >= 0)
        return story__error(err, STORY_EPARSE, a->source, tr,
                            "truncated HTML: the page ends here without "
                            "</body> or </html>");
    if (len > INT32_MAX)
        return story__error(err, STORY_EINVAL, a->source, -1,
                            "HTML larger than 2 GiB");
    htmlParserCtxtPtr pc = htmlNewParserCtxt();
    if (!pc)
        return story__error(err, STORY_ENOMEM, a->source, -1,
                            "out of memory");
    htmlDocPtr doc = htmlCtxtReadMemory(
        pc, s, (int)len, NULL, "UTF-8",
        HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
            HTML_PARSE_NONET | HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT |
            XML_PARSE_HUGE);
    {
        /* without XML_PARSE_HUGE libxml2 stops at 256 nested elements;
         * with it 2.9.14 has no HTML depth limit. Should a version still
         * stop, refuse rather than return a partial page */
        xmlErrorPtr pe = xmlCtxtGetLastError(pc);
        if (pe && pe->message && strstr(pe->message, "Excessive depth")) {
            htmlFreeParserCtxt(pc);
            if (doc)
                xmlFreeDoc(doc);
            return story__error(err, STORY_EPARSE, a->source, -1,
                                "elements nested too deeply (the HTML "
                                "parser's limit): the page cannot "
                                "be read");
        }
    }
    htmlFreeParserCtxt(pc);
    if (!doc)
        return story__error(err, STORY_EPARSE, a->source, -1,
                            "the HTML parser could not read the page");
    xmlNode *root = xmlDocGetRootElement(doc);
    hdoc d;
    memset(&d, 0, sizeof d);
    d.body = -1;
    d.title_h1 = -1;
    d.keep_captions = keep_captions;
    story_vec roots, best;
    story_vec_init(&roots, sizeof(int));
    emitter em;
    memset(&em, 0, sizeof em);
    story_vec_init(&em.blocks, sizeof(oblock));
    story_vec_init(&best, sizeof(oblock));
    story_blocks blocks;
    story__blocks_init(&blocks);
    int rc = 0, best_top = -1;

    if (!root) {
        rc = story__error(err, STORY_EEMPTY, a->source, -1,
                          "the HTML has no elements");
        goto done;
    }
    if (collect(&d, root) != 0)
        goto oom;
    if (d.body < 0)
        d.body = 0;
    find_title_h1(&d);
    raw_counts(&d);
    mark_other_stories(&d);

    for (int attempt = 0; attempt < 4; attempt++) {
        int strip = attempt < 1, weigh = attempt < 2, clean = attempt < 3;
        analyse(&d, strip, weigh);
        score_all(&d);
        int top = top_candidate(&d);
        roots.len = 0;
        select_roots(&d, top, &roots);
        if (clean)
            for (size_t k = 0; k < roots.len; k++)
                clean_conditionally(&d, ((int *)roots.data)[k], weigh);
        blocks_clear(&em.blocks);
        int lead = find_lead(&d, &roots);
        if (lead >= 0)
            emit_lead(&d, &em, lead);
        for (size_t k = 0; k < roots.len; k++)
            emit(&d, &em, ((int *)roots.data)[k]);
        if (em.oom || em.cur.oom)
            goto oom;
        filter_blocks(ctx, &em.blocks);
        size_t got = blocks_chars(&em.blocks);
        if (got > blocks_chars(&best) || best_top < 0) {
            story_vec tmp = best;
            best = em.blocks;
            em.blocks = tmp;
            best_top = top;
        }
        if (got >= 420)
            break;
    }
    for (size_t i = 0; i < best.len; i++) {
        oblock *b = &((oblock *)best.data)[i];
        if (b->text && story__blocks_add(&blocks, b->text, b->len, b->kind))
            goto oom;
    }
    rc = story__html_meta(a, ctx, doc,
                          best_top >= 0 ? d.e[best_top].node : NULL, err);
    if (rc != 0)
        goto done;
    if (story__article_take_blocks(a, &blocks) != 0)
        goto oom;
    goto done;
oom:
    rc = story__error(err, STORY_ENOMEM, a->source, -1, "out of memory");
done:
    blocks_clear(&em.blocks);
    blocks_clear(&best);
    story_vec_free(&em.blocks);
    story_vec_free(&best);
    story_buf_free(&em.cur);
    story_vec_free(&roots);
    story__blocks_free(&blocks);
    free(d.e);
    xmlFreeDoc(doc);
    return rc;
}
