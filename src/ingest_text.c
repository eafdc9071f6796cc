/*
 * Stage 1, ingest: plain text.
 *
 * Paragraphs are runs of non-blank lines separated by one or more blank
 * lines (CRLF and lone CR count as line ends; the original characters are
 * kept, inner line breaks of a paragraph stay "\n"). Boilerplate left by
 * copy-and-paste or scrapers is removed, conservatively (docs/ingest.md):
 *  1. UI lines ("Skip to content" …; locales/ingest/boilerplate.json,
 *     list "lines") in the first and last paragraphs;
 *  2. a repeated headline: in the first 12 paragraphs, the first
 *     headline-like line (<= 30 words, no final sentence punctuation) that
 *     is repeated or near-repeated (Dice coefficient of folded word sets
 *     >= 0.5) by a later headline-like line becomes the title, and every
 *     headline-like line of that cluster is dropped from the body;
 *  3. a trailing "Read also" / "Latest" block: a line from the "headings"
 *     list followed only by short lines (link lists) ends the body; a
 *     single-line paragraph "Read also: …" is dropped anywhere, unless it
 *     is a full sentence (full_sentence).
 * Without a repeated headline, a first paragraph that is one headline-like
 * line is taken as the title AND kept in the body as a heading block, so
 * that paragraph i of a translation still faces paragraph i.
 */
#include "internal.h"

#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include "ingest_int.h"

#define HEAD_PARAS 12
#define TAIL_PARAS 8
#define HEADLINE_MAX_WORDS 30
#define HEADLINE_MAX_BYTES 300

typedef struct tline {
    size_t start, end; /* into the LF-normalised text */
    size_t para;
    int drop;
    int headline;      /* headline-like */
    size_t words;
    char **set;        /* folded unique words (head lines only) */
    size_t nset;
} tline;

typedef struct tpara {
    size_t first, n; /* lines */
} tpara;

static size_t count_words(const char *s, size_t a, size_t b)
{
    size_t n = 0;
    int in = 0;
    for (size_t i = a; i < b; i++) {
        unsigned char c = (unsigned char)s[i];
        int sp = c == ' ' || c == '\t';
        if (!sp && !in)
            n++;
        in = !sp;
    }
    return n;
}

/* Last significant character class: 1 when the line ends like a sentence
 * (. ! ? … ; : possibly followed by closing quotes/brackets). */
static int ends_sentence(const char *s, size_t a, size_t b)
{
    while (b > a) {
        unsigned char c = (unsigned char)s[b - 1];
        if (c == ' ' || c == '\t' || c == '"' || c == '\'' || c == ')' ||
            c == ']') {
            b--;
            continue;
        }
        /* closing quotes ” ’ » (UTF-8: E2 80 9D, E2 80 99, C2 BB) */
        if (b - a >= 3 && (unsigned char)s[b - 3] == 0xE2 &&
            (unsigned char)s[b - 2] == 0x80 &&
            ((unsigned char)s[b - 1] == 0x9D ||
             (unsigned char)s[b - 1] == 0x99)) {
            b -= 3;
            continue;
        }
        if (b - a >= 2 && (unsigned char)s[b - 2] == 0xC2 && c == 0xBB) {
            b -= 2;
            continue;
        }
        break;
    }
    if (b <= a)
        return 0;
    unsigned char c = (unsigned char)s[b - 1];
    if (c == '.' || c == '!' || c == '?' || c == ';' || c == ':')
        return 1;
    /* … U+2026, 。U+3002, ！U+FF01, ？U+FF1F, । U+0964 */
    if (b - a >= 3) {
        const unsigned char *t = (const unsigned char *)s + b - 3;
        if ((t[0] == 0xE2 && t[1] == 0x80 && t[2] == 0xA6) ||
            (t[0] == 0xE3 && t[1] == 0x80 && t[2] == 0x82) ||
            (t[0] == 0xEF && t[1] == 0xBC && (t[2] == 0x81 || t[2] == 0x9F)) ||
            (t[0] == 0xE0 && t[1] == 0xA5 && t[2] == 0xA4))
            return 1;
    }
    return 0;
}

static void free_set(tline *l)
{
    for (size_t i = 0; i < l->nset; i++)
        free(l->set[i]);
    free(l->set);
    l->set = NULL;
    l->nset = 0;
}

/* Fold the line and collect its unique words (letters/digits; any byte
 * >= 0x80 counts as a letter). */
static int make_set(tline *l, const char *s)
{
    story_buf f = {0};
    int rc = story__ingest_fold(&f, s + l->start, l->end - l->start);
    if (rc != 0 || !f.data) {
        story_buf_free(&f);
        return rc ? rc : 0;
    }
    size_t i = 0;
    while (i < f.len) {
        while (i < f.len) {
            unsigned char c = (unsigned char)f.data[i];
            if (c >= 0x80 || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'))
                break;
            i++;
        }
        size_t a = i;
        while (i < f.len) {
            unsigned char c = (unsigned char)f.data[i];
            if (!(c >= 0x80 || (c >= '0' && c <= '9') ||
                  (c >= 'a' && c <= 'z')))
                break;
            i++;
        }
        if (i == a)
            continue;
        int dup = 0;
        for (size_t k = 0; k < l->nset && !dup; k++)
            dup = strlen(l->set[k]) == i - a &&
                  memcmp(l->set[k], f.data + a, i - a) == 0;
        if (dup)
            continue;
        char **ns = story__realloc(l->set, (l->nset + 1) * sizeof *ns);
        if (!ns) {
            story_buf_free(&f);
            return STORY_ENOMEM;
        }
        l->set = ns;
        l->set[l->nset] = story__strndup(f.data + a, i - a);
        if (!l->set[l->nset]) {
            story_buf_free(&f);
            return STORY_ENOMEM;
        }
        l->nset++;
    }
    story_buf_free(&f);
    return 0;
}

static double dice(const tline *x, const tline *y)
{
    if (x->nset == 0 || y->nset == 0)
        return 0.0;
    size_t common = 0;
    for (size_t i = 0; i < x->nset; i++)
        for (size_t j = 0; j < y->nset; j++)
            if (strcmp(x->set[i], y->set[j]) == 0) {
                common++;
                break;
            }
    return 2.0 * (double)common / (double)(x->nset + y->nset);
}

static int near_dup(const tline *x, const tline *y)
{
    if (x->nset < 2 || y->nset < 2) /* one-word lines: exact only */
        return x->nset == y->nset && x->nset == 1 &&
               strcmp(x->set[0], y->set[0]) == 0;
    return dice(x, y) >= 0.5;
}

/* Folded line minus trailing ':' / white space / dashes, for phrase
 * lookup. `prefix_only`: cut at the first ':' (for "Read also: …"). */
static int phrase_key(story_buf *out, const char *s, size_t a, size_t b,
                      int prefix_only)
{
    if (prefix_only) {
        const char *colon = memchr(s + a, ':', b - a);
        if (!colon)
            return 1;
        b = (size_t)(colon - s);
    }
    while (b > a && (s[b - 1] == ':' || s[b - 1] == ' ' || s[b - 1] == '\t' ||
                     s[b - 1] == '-' || s[b - 1] == '.'))
        b--;
    while (a < b && (s[a] == ' ' || s[a] == '\t'))
        a++;
    if (b <= a || b - a > 80)
        return 1;
    out->len = 0;
    return story__ingest_fold(out, s + a, b - a);
}

/* 1 when line l reads as a sentence of the article, not a link title: at
 * least FULL_SENTENCE_WORDS words ending in "." or "!" ("Related: the
 * council also approved 7 new parks."; a linked headline has no final
 * stop; session 14, fresh-user 13 L16). */
#define FULL_SENTENCE_WORDS 6
static int full_sentence(const char *s, const tline *l)
{
    size_t e = l->end;
    while (e > l->start && (s[e - 1] == ' ' || s[e - 1] == '\t'))
        e--;
    return l->words >= FULL_SENTENCE_WORDS && e > l->start &&
           (s[e - 1] == '.' || s[e - 1] == '!');
}

static int line_is_phrase(story_ctx *ctx, const char *which, const char *s,
                          const tline *l, int prefix_only)
{
    story_buf k = {0};
    int hit = 0;
    if (phrase_key(&k, s, l->start, l->end, prefix_only) == 0 && k.data)
        hit = story__ingest_phrase(ctx, which, k.data);
    story_buf_free(&k);
    return hit;
}

/* One word of a byline line: 1 when it starts with an upper-case letter
 * (a name part), 0 otherwise; -1 when it holds a digit (not a byline). */
static int name_word(const char *s, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (s[i] >= '0' && s[i] <= '9')
            return -1;
    size_t i = a;
    int32_t c = story__utf8_next(s, b, &i);
    return c > 0 && (u_isupper(c) || u_istitle(c));
}

/* Add one author name s[a, b) (trimmed) to the article. 0 or ENOMEM. */
static int add_author(story_article *a, const char *s, size_t from,
                      size_t to)
{
    while (from < to && (s[from] == ' ' || s[from] == ','))
        from++;
    while (to > from && (s[to - 1] == ' ' || s[to - 1] == ','))
        to--;
    if (to <= from)
        return 0;
    char *d = story__strndup(s + from, to - from);
    char **na = d ? story__realloc(a->authors,
                                   (a->n_authors + 1) * sizeof *na)
                  : NULL;
    if (!na) {
        free(d);
        return STORY_ENOMEM;
    }
    a->authors = na;
    a->authors[a->n_authors++] = d;
    return 0;
}

/* 1 when s[0, n), case-folded, is in boilerplate list `which`, 0 when
 * not, STORY_ENOMEM. */
static int folded_is(story_ctx *ctx, const char *which, const char *s,
                     size_t n)
{
    story_buf k = {0};
    int rc = story__ingest_fold(&k, s, n);
    int hit = rc == 0 && k.data && story__ingest_phrase(ctx, which, k.data);
    story_buf_free(&k);
    return rc ? STORY_ENOMEM : hit;
}

/* 1 when the word s[0, n) joins two author names ("&", a
 * "byline_joiners" word such as "and"), 0 when not, STORY_ENOMEM. */
static int is_joiner(story_ctx *ctx, const char *s, size_t n)
{
    if (n == 1 && s[0] == '&')
        return 1;
    return folded_is(ctx, "byline_joiners", s, n);
}

int story__ingest_author_spans(story_ctx *ctx, const char *s, size_t n,
                               size_t (*spans)[2], size_t max)
{
    size_t k = 0, from = 0;
    for (size_t j = 0; j <= n;) {
        size_t w0 = j;
        while (j < n && s[j] != ' ')
            j++;
        int cut = j == n;
        int sep = 0;
        if (!cut && j > w0 && s[j - 1] == ',') {
            sep = 2; /* cut after the comma */
        } else if (!cut) {
            int joiner = is_joiner(ctx, s + w0, j - w0);
            if (joiner < 0)
                return joiner;
            if (joiner)
                sep = 1; /* the joiner itself is no name */
        }
        if (cut || sep) {
            size_t a = from, b = sep == 1 ? w0 : j;
            while (a < b && (s[a] == ' ' || s[a] == ','))
                a++;
            while (b > a && (s[b - 1] == ' ' || s[b - 1] == ','))
                b--;
            if (b > a && k < max) {
                spans[k][0] = a;
                spans[k][1] = b;
                k++;
            }
            from = j;
        }
        if (cut)
            break;
        j++;
    }
    return (int)k;
}

/* A byline line of plain text ("By Jane Miller", "Von Hans Müller und Eva
 * Roth"): 2-12 words, no sentence end, no digit, a byline phrase
 * (locales/ingest/boilerplate.json "byline") as its first 1-3 words, then
 * only names: capitalised words, short lower-case particles (van, de) and
 * "byline_joiners" between names of at most 4 words each. On a match the
 * names become a->byline and a->authors and 1 is returned; 0 when the line
 * is no byline; a negative status on ENOMEM. */
static int text_byline(story_ctx *ctx, story_article *a, const char *s,
                       const tline *l)
{
    if (l->words < 2 || l->words > 12 || ends_sentence(s, l->start, l->end))
        return 0;
    /* the byline phrase: the longest prefix of 1-3 words in the list */
    size_t i = l->start, best = 0;
    for (int w = 0; w < 3 && i < l->end; w++) {
        while (i < l->end && s[i] != ' ' && s[i] != '\t' && s[i] != ':')
            i++;
        int hit = folded_is(ctx, "byline", s + l->start, i - l->start);
        if (hit < 0)
            return hit;
        if (hit)
            best = i;
        if (i < l->end && s[i] == ':')
            break;
        while (i < l->end && (s[i] == ' ' || s[i] == '\t'))
            i++;
    }
    if (!best)
        return 0;
    while (best < l->end && (s[best] == ' ' || s[best] == '\t' ||
                             s[best] == ':'))
        best++;
    /* the rest: names, each of 1-4 words, joined by ',', '&' or a joiner */
    size_t names = 0, run = 0;
    for (size_t j = best; j < l->end;) {
        while (j < l->end && (s[j] == ' ' || s[j] == '\t'))
            j++;
        size_t w0 = j;
        while (j < l->end && s[j] != ' ' && s[j] != '\t')
            j++;
        if (j == w0)
            break;
        size_t w1 = j;
        int comma = s[w1 - 1] == ',';
        if (comma)
            w1--;
        int joiner = is_joiner(ctx, s + w0, w1 - w0);
        if (joiner < 0)
            return joiner;
        if (joiner) {
            if (run == 0)
                return 0;
            run = 0;
            continue;
        }
        int nw = name_word(s, w0, w1);
        if (nw < 0 || (nw == 0 && (run == 0 || w1 - w0 > 3)))
            return 0;
        if (run == 0)
            names++;
        if (++run > 4)
            return 0;
        if (comma)
            run = 0;
    }
    if (names == 0 || run == 0)
        return 0;
    /* the cleaned names, split into authors */
    story_buf b = {0};
    story_buf_append(&b, s + best, l->end - best);
    if (b.oom)
        return STORY_ENOMEM;
    story__ingest_clean_byline(ctx, &b);
    int rc = story__set_field(&a->byline, b.data, b.len);
    size_t spans[16][2];
    int k = rc ? 0 : story__ingest_author_spans(ctx, b.data, b.len, spans, 16);
    if (k < 0)
        rc = k;
    for (int si = 0; rc == 0 && si < k; si++)
        rc = add_author(a, b.data, spans[si][0], spans[si][1]);
    story_buf_free(&b);
    return rc == 0 ? 1 : rc;
}

int story__ingest_text(story_article *a, story_ctx *ctx, const char *s,
                       size_t len, story_error *err)
{
    story_buf t = {0};
    story_vec lines, paras;
    story_blocks blocks;
    int rc = 0;
    size_t title_line = (size_t)-1;
    int title_in_body = 0;

    story_vec_init(&lines, sizeof(tline));
    story_vec_init(&paras, sizeof(tpara));
    story__blocks_init(&blocks);

    /* 1. line ends: CRLF and CR -> LF */
    if (story_buf_grow(&t, len + 1) != 0)
        goto oom;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\r') {
            story_buf_putc(&t, '\n');
            if (i + 1 < len && s[i + 1] == '\n')
                i++;
        } else {
            story_buf_putc(&t, s[i]);
        }
    }
    if (t.oom)
        goto oom;

    /* 2. lines and paragraphs */
    {
        size_t i = 0;
        int in_para = 0;
        while (i <= t.len) {
            size_t e = i;
            while (e < t.len && t.data[e] != '\n')
                e++;
            size_t ta = i, tb = e;
            while (ta < tb && (t.data[ta] == ' ' || t.data[ta] == '\t' ||
                               t.data[ta] == '\f' || t.data[ta] == '\v'))
                ta++;
            while (tb > ta && (t.data[tb - 1] == ' ' || t.data[tb - 1] == '\t' ||
                               t.data[tb - 1] == '\f' || t.data[tb - 1] == '\v'))
                tb--;
            if (tb > ta) {
                if (!in_para) {
                    tpara p = {lines.len, 0};
                    if (!story_vec_push(&paras, &p))
                        goto oom;
                    in_para = 1;
                }
                tline l;
                memset(&l, 0, sizeof l);
                l.start = i; /* keep leading indentation inside paragraphs */
                l.end = tb;
                l.para = paras.len - 1;
                l.words = count_words(t.data, ta, tb);
                l.headline = l.words > 0 && l.words <= HEADLINE_MAX_WORDS &&
                             tb - ta <= HEADLINE_MAX_BYTES &&
                             !ends_sentence(t.data, ta, tb);
                if (!story_vec_push(&lines, &l))
                    goto oom;
                ((tpara *)paras.data)[paras.len - 1].n++;
            } else {
                in_para = 0;
            }
            if (e >= t.len)
                break;
            i = e + 1;
        }
    }
    tline *L = lines.data;
    tpara *P = paras.data;
    size_t np = paras.len;
    if (np == 0)
        goto build;
    /* in a hard-wrapped text (story__text_hard_wrapped) a folded line is
     * no headline: a line whose next line in the paragraph starts in lower
     * case continues into it, and a line after one that ends no sentence
     * continues that one (session 14, fresh-user 14 H5: in a text
     * hard-wrapped at 72 columns two folded lines that shared half their
     * words were taken as a repeated headline: one became the title and
     * left the body) */
    int folded = story__text_hard_wrapped(t.data, t.len);
    for (size_t i = 0; folded && i + 1 < lines.len; i++) {
        if (L[i + 1].para != L[i].para)
            continue;
        size_t k = L[i + 1].start;
        while (k < L[i + 1].end && (t.data[k] == ' ' || t.data[k] == '\t'))
            k++;
        UChar32 c = 0;
        if (k < L[i + 1].end)
            U8_NEXT(t.data, k, L[i + 1].end, c);
        if (c > 0 && u_islower(c))
            L[i].headline = 0;
        if (!ends_sentence(t.data, L[i].start, L[i].end))
            L[i + 1].headline = 0;
    }

    /* word sets for the head lines */
    size_t head_end_line = np > HEAD_PARAS ? P[HEAD_PARAS].first : lines.len;
    for (size_t i = 0; i < head_end_line; i++)
        if (L[i].headline && (rc = make_set(&L[i], t.data)) != 0)
            goto fail;

    /* 3. UI lines in the first and last paragraphs */
    for (size_t p = 0; p < np; p++) {
        if (p >= 6 && p + 6 < np)
            continue;
        for (size_t k = 0; k < P[p].n; k++) {
            tline *l = &L[P[p].first + k];
            if (l->words <= 8 && line_is_phrase(ctx, "lines", t.data, l, 0))
                l->drop = 1;
        }
    }

    /* 3b. a byline line after the first line, among the first paragraphs
     * ("By Jane Miller"): its names are the byline and the authors, and
     * the line leaves the body, as an HTML byline element does */
    if (a->n_authors == 0) {
        size_t first_kept = 0;
        while (first_kept < lines.len && L[first_kept].drop)
            first_kept++;
        for (size_t i = first_kept + 1; i < head_end_line; i++) {
            if (L[i].drop)
                continue;
            int r = text_byline(ctx, a, t.data, &L[i]);
            if (r < 0)
                goto oom;
            if (r == 1) {
                L[i].drop = 4;
                break;
            }
        }
    }

    /* 4. repeated headline */
    for (size_t i = 0; i < head_end_line && title_line == (size_t)-1; i++) {
        if (!L[i].headline || L[i].drop || L[i].nset == 0)
            continue;
        for (size_t j = i + 1; j < head_end_line; j++)
            if (L[j].headline && !L[j].drop && near_dup(&L[i], &L[j])) {
                title_line = i;
                break;
            }
    }
    if (title_line != (size_t)-1) {
        L[title_line].drop = 2;
        int changed = 1;
        while (changed) {
            changed = 0;
            for (size_t j = 0; j < head_end_line; j++) {
                if (!L[j].headline || L[j].drop)
                    continue;
                for (size_t k = 0; k < head_end_line; k++)
                    if (L[k].drop == 2 && near_dup(&L[j], &L[k])) {
                        L[j].drop = 2;
                        changed = 1;
                        break;
                    }
            }
        }
    } else {
        /* first paragraph: one headline-like line -> title, kept */
        for (size_t p = 0; p < np; p++) {
            size_t k;
            for (k = 0; k < P[p].n && L[P[p].first + k].drop; k++)
                ;
            if (k == P[p].n)
                continue;
            if (P[p].n - k == 1 && L[P[p].first + k].headline && np > 1) {
                title_line = P[p].first + k;
                title_in_body = 1;
            }
            break;
        }
    }

    /* 5. trailing "Read also" / "Latest" block; inline "Read also: …" */
    for (size_t p = 1; p < np; p++) {
        tline *first = &L[P[p].first];
        if (first->drop || first->words > 6)
            continue;
        if (!line_is_phrase(ctx, "headings", t.data, first, 0))
            continue;
        /* everything after must be short lines (a list of links) */
        int short_only = 1;
        for (size_t i = P[p].first + 1; i < lines.len && short_only; i++)
            if (L[i].words > 40)
                short_only = 0;
        if (!short_only)
            continue;
        for (size_t i = P[p].first; i < lines.len; i++)
            if (!L[i].drop)
                L[i].drop = 3;
        break;
    }
    for (size_t p = 0; p < np; p++) {
        tline *first = &L[P[p].first];
        if (P[p].n != 1 || first->drop || first->words > 40)
            continue;
        if (memchr(t.data + first->start, ':', first->end - first->start) &&
            line_is_phrase(ctx, "headings", t.data, first, 1) &&
            !full_sentence(t.data, first))
            first->drop = 3;
    }

    /* Never drop everything: if nothing would remain, keep the text. */
    {
        size_t kept = 0;
        for (size_t i = 0; i < lines.len; i++)
            kept += !L[i].drop;
        if (kept == 0)
            for (size_t i = 0; i < lines.len; i++)
                L[i].drop = 0;
    }

build:
    /* 6. blocks */
    {
        story_buf pb = {0};
        for (size_t p = 0; p < paras.len; p++) {
            tpara *pp = &((tpara *)paras.data)[p];
            pb.len = 0;
            int any = 0;
            for (size_t k = 0; k < pp->n; k++) {
                tline *l = &((tline *)lines.data)[pp->first + k];
                if (l->drop)
                    continue;
                if (any)
                    story_buf_putc(&pb, '\n');
                story_buf_append(&pb, t.data + l->start, l->end - l->start);
                any = 1;
            }
            if (pb.oom) {
                story_buf_free(&pb);
                goto oom;
            }
            if (!any)
                continue;
            story_block_kind kind = STORY_BLOCK_PARAGRAPH;
            if (title_in_body && pp->first == title_line)
                kind = STORY_BLOCK_HEADING;
            if (story__blocks_add(&blocks, pb.data, pb.len, kind) != 0) {
                story_buf_free(&pb);
                goto oom;
            }
        }
        story_buf_free(&pb);
    }
    if (title_line != (size_t)-1) {
        tline *l = &((tline *)lines.data)[title_line];
        if (story__set_field(&a->title, t.data + l->start,
                             l->end - l->start) != 0)
            goto oom;
    }
    if (story__article_take_blocks(a, &blocks) != 0)
        goto oom;
    rc = 0;
    goto done;
oom:
    rc = story__error(err, STORY_ENOMEM, a->source, -1, "out of memory");
    goto done;
fail:
    rc = story__error(err, rc, a->source, -1, "text analysis failed (%s)",
                      story_strerror(rc));
done:
    for (size_t i = 0; i < lines.len; i++)
        free_set(&((tline *)lines.data)[i]);
    story_vec_free(&lines);
    story_vec_free(&paras);
    story__blocks_free(&blocks);
    story_buf_free(&t);
    return rc;
}
