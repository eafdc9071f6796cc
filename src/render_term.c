/*
 * Stage 7, side-by-side terminal view of a comparison.
 *
 * Layout (total `width` display columns):
 *   header   the two titles side by side, languages and counts, then the
 *            relation and the similarity dimensions on full-width lines;
 *   body     one row group per sentence link of the alignment: A's
 *            sentences left, B's right, a gutter between them (diff -y
 *            style): " | " aligned, " < " only in A (omitted), " > " only
 *            in B (added), " ^ " moved; a blank row between paragraphs;
 *   footer   the fact differences, one per line, and the summary counts.
 * Differing facts are highlighted in the sentence text: with colour by
 * ANSI SGR colours (changed yellow, added green, omitted red, contradicted
 * magenta), without colour by an ASCII marker before the fact ([~] [+]
 * [-] [!]) so that the view still reads on paper or through a pipe.
 *
 * Width: every code point counts per story_render__cp_width() (ICU's East
 * Asian Width property, UAX #11: W/F = 2; Mn/Me/Cf = 0), and lines wrap
 * only at extended grapheme cluster boundaries (ICU UBRK_CHARACTER,
 * UAX #29), preferring white space and the sides of wide characters, so
 * CJK text, emoji and combining marks never push the columns apart. An
 * emoji sequence (UTS #51: ZWJ sequences, skin tones, keycaps, flags)
 * counts 2 as a whole, as terminals draw it. A line holding right-to-left
 * text is a bidi isolate (FSI ... PDI, UAX #9; zero columns), so that a
 * bidi-aware terminal does not reorder the row around it (emit()).
 */
#include "internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>

#include "render_term.h"

#define GUTTER_WIDTH 3

int story_render__cp_width(int32_t c)
{
    if (c < 0)
        return 1;
    if (c == 0 || c < 0x20 || (c >= 0x7F && c < 0xA0))
        return 0;
    int8_t t = u_charType(c);
    if (t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK ||
        t == U_FORMAT_CHAR)
        return 0;
    if (c >= 0x1160 && c <= 0x11FF) /* Hangul jungseong/jongseong */
        return 0;
    int w = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    return (w == U_EA_WIDE || w == U_EA_FULLWIDTH) ? 2 : 1;
}

/* An emoji at s[*i] (UTS #51): a pictograph with emoji presentation or a
 * variation selector 16, a keycap ("1" U+FE0F U+20E3), a flag (two
 * regional indicators), with what follows it in one sequence (skin tone
 * modifiers, U+FE0F, tags, ZWJ and the next pictograph). Terminals draw
 * such a sequence as one wide glyph: 2 columns, returned with *i past the
 * sequence; 0 with *i unchanged when no emoji starts at *i. (Summing the
 * code points gave 8 columns for a family of four, 4 for a thumbs-up with
 * a skin tone, 1 for a keycap: fresh-user M4, session 10.) */
static int emoji_width(const char *s, size_t len, size_t *i)
{
    size_t j = *i;
    int32_t c = story__utf8_next(s, len, &j);
    if (c < 0)
        return 0;
    size_t k = j;
    int32_t next = k < len ? story__utf8_next(s, len, &k) : -1;
    int emoji;
    if (c >= 0x1F1E6 && c <= 0x1F1FF) { /* regional indicator: a flag */
        if (next >= 0x1F1E6 && next <= 0x1F1FF)
            j = k;
        *i = j;
        return 2;
    }
    if ((c >= '0' && c <= '9') || c == '#' || c == '*') {
        /* keycap: base, U+FE0F (optional), U+20E3 */
        size_t m = k;
        int32_t third = next == 0xFE0F && m < len ? story__utf8_next(s, len, &m)
                                                  : -1;
        if (next == 0x20E3)
            m = k;
        else if (third != 0x20E3)
            return 0;
        *i = m;
        return 2;
    }
    emoji = u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION) ||
            (next == 0xFE0F &&
             u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC));
    if (!emoji)
        return 0;
    for (;;) { /* the rest of the sequence */
        size_t m = j;
        int32_t d = m < len ? story__utf8_next(s, len, &m) : -1;
        if (d == 0xFE0F || d == 0x20E3 || (d >= 0x1F3FB && d <= 0x1F3FF) ||
            (d >= 0xE0020 && d <= 0xE007F)) {
            j = m;
            continue;
        }
        if (d == 0x200D && m < len) { /* ZWJ + the next pictograph */
            size_t m2 = m;
            int32_t e = story__utf8_next(s, len, &m2);
            if (u_hasBinaryProperty(e, UCHAR_EXTENDED_PICTOGRAPHIC)) {
                j = m2;
                continue;
            }
        }
        break;
    }
    *i = j;
    return 2;
}

size_t story_render__width(const char *s, size_t len)
{
    size_t i = 0, w = 0;
    while (i < len) {
        if (s[i] == '\x1b' && i + 1 < len && s[i + 1] == '[') {
            i += 2;
            while (i < len && !((s[i] >= 'A' && s[i] <= 'Z') ||
                                (s[i] >= 'a' && s[i] <= 'z')))
                i++;
            if (i < len)
                i++;
            continue;
        }
        if ((unsigned char)s[i] >= 0x80 || (s[i] >= '0' && s[i] <= '9') ||
            s[i] == '#' || s[i] == '*') {
            int ew = emoji_width(s, len, &i);
            if (ew) {
                w += (size_t)ew;
                continue;
            }
        }
        int32_t c = story__utf8_next(s, len, &i);
        w += (size_t)story_render__cp_width(c);
    }
    return w;
}

const char *story_render__control_picture(int32_t c)
{
    /* U+2400 + c (CONTROL PICTURES block) for C0, U+2421 for DEL */
    static const char c0[32][4] = {
        "\u2400", "\u2401", "\u2402", "\u2403", "\u2404", "\u2405",
        "\u2406", "\u2407", "\u2408", "\u2409", "\u240A", "\u240B",
        "\u240C", "\u240D", "\u240E", "\u240F", "\u2410", "\u2411",
        "\u2412", "\u2413", "\u2414", "\u2415", "\u2416", "\u2417",
        "\u2418", "\u2419", "\u241A", "\u241B", "\u241C", "\u241D",
        "\u241E", "\u241F"};
    static const char c1[32][9] = {
        "<U+0080>", "<U+0081>", "<U+0082>", "<U+0083>", "<U+0084>",
        "<U+0085>", "<U+0086>", "<U+0087>", "<U+0088>", "<U+0089>",
        "<U+008A>", "<U+008B>", "<U+008C>", "<U+008D>", "<U+008E>",
        "<U+008F>", "<U+0090>", "<U+0091>", "<U+0092>", "<U+0093>",
        "<U+0094>", "<U+0095>", "<U+0096>", "<U+0097>", "<U+0098>",
        "<U+0099>", "<U+009A>", "<U+009B>", "<U+009C>", "<U+009D>",
        "<U+009E>", "<U+009F>"};
    if (c >= 0 && c < 0x20)
        return c0[c];
    if (c == 0x7F)
        return "\u2421";
    if (c >= 0x80 && c <= 0x9F)
        return c1[c - 0x80];
    return NULL;
}

void story_render__put_visible(story_buf *b, const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        size_t j = i;
        int32_t c = story__utf8_next(s, len, &j);
        const char *pic = NULL;
        if (c == '\n' || c == '\t' || c == '\r' || c == '\v' || c == '\f')
            pic = " ";
        else if (c >= 0)
            pic = story_render__control_picture(c);
        if (pic)
            story_buf_puts(b, pic);
        else if (c < 0) /* not UTF-8 (a file name): shown as \xHH */
            story_buf_printf(b, "\\x%02X", (unsigned char)s[i]);
        else
            story_buf_append(b, s + i, j - i);
        i = j > i ? j : i + 1;
    }
}

int story_render__category_style(int category)
{
    switch (category) {
    case STORY_DIFF_CHANGED: return STORY_STYLE_CHANGED;
    case STORY_DIFF_ADDED: return STORY_STYLE_ADDED;
    case STORY_DIFF_OMITTED: return STORY_STYLE_OMITTED;
    case STORY_DIFF_CONTRADICTED: return STORY_STYLE_CONTRADICTED;
    default: return STORY_STYLE_PLAIN;
    }
}

int story_render__entry_style(const story_diff_entry *e)
{
    int st = story_render__category_style((int)e->category);
    return st != STORY_STYLE_PLAIN && !e->certain ? STORY_STYLE_UNVERIFIED
                                                  : st;
}

const char *story_render__marker(int style)
{
    switch (style) {
    case STORY_STYLE_UNVERIFIED: return "[?]";
    case STORY_STYLE_CHANGED: return "[~]";
    case STORY_STYLE_ADDED: return "[+]";
    case STORY_STYLE_OMITTED: return "[-]";
    case STORY_STYLE_CONTRADICTED: return "[!]";
    default: return "";
    }
}

static const char *sgr(int style)
{
    switch (style) {
    case STORY_STYLE_CHANGED: return "\x1b[33m";
    case STORY_STYLE_ADDED: return "\x1b[32m";
    case STORY_STYLE_OMITTED: return "\x1b[31m";
    case STORY_STYLE_CONTRADICTED: return "\x1b[35m";
    case STORY_STYLE_BOLD: return "\x1b[1m";
    case STORY_STYLE_UNVERIFIED: return "\x1b[2m";
    default: return "\x1b[0m";
    }
}

/* ---- cells: text with one style byte per text byte --------------------- */

typedef struct cell {
    story_buf text;
    story_buf style;
} cell;

/* Bytes are appended one at a time (styles are per byte), so a C1
 * control (UTF-8 C2 80..C2 9F) is recognised when its second byte comes:
 * a trailing C2 can only be the lead byte of an unfinished sequence. */
static void cell_put(cell *c, const char *s, size_t n, int style)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char ch = (unsigned char)s[i];
        const char *pic = NULL;
        if (ch == '\n' || ch == '\r' || ch == '\t' || ch == '\v' ||
            ch == '\f') {
            ch = ' ';
        } else if (ch < 0x20 || ch == 0x7F) {
            pic = story_render__control_picture(ch);
        } else if (ch >= 0x80 && ch <= 0x9F && c->text.len &&
                   (unsigned char)c->text.data[c->text.len - 1] == 0xC2) {
            c->text.len--; /* drop the lead byte */
            c->style.len--;
            c->text.data[c->text.len] = '\0';
            pic = story_render__control_picture(ch);
        }
        if (pic) {
            for (const char *p = pic; *p; p++) {
                story_buf_putc(&c->text, *p);
                story_buf_putc(&c->style, (char)style);
            }
            continue;
        }
        story_buf_putc(&c->text, (char)ch);
        story_buf_putc(&c->style, (char)style);
    }
}

static void cell_puts(cell *c, const char *s, int style)
{
    cell_put(c, s, strlen(s), style);
}

static void cell_reset(cell *c)
{
    c->text.len = 0;
    c->style.len = 0;
    if (c->text.data)
        c->text.data[0] = '\0';
}

static void cell_free(cell *c)
{
    story_buf_free(&c->text);
    story_buf_free(&c->style);
}

/* A wrapped line: bytes [start, end) of a cell. */
typedef struct span {
    size_t start, end;
} span;

typedef struct wrapper {
    UBreakIterator *bi;
    UText *ut;
    story_vec lines; /* span */
    int oom;
} wrapper;

static int is_space_cp(int32_t c)
{
    /* breaking spaces only: U+00A0, U+2007 and U+202F are no-break */
    return c == ' ' || c == 0x3000 || (c >= 0x2000 && c <= 0x200A &&
                                       c != 0x2007) ||
           c == 0x205F;
}

static void add_line(wrapper *w, size_t s, size_t e, const char *t)
{
    while (e > s && t[e - 1] == ' ')
        e--;
    span sp = {s, e};
    if (!story_vec_push(&w->lines, &sp))
        w->oom = 1;
}

/* 1 when no line may start with code point c: UAX #14 line-break classes
 * CL, CP, EX, IS, NS, CJ (。，、）」！？・ー small kana) and closing quotes
 * (general category Pf: ” »), the kinsoku shori of CJK typesetting
 * (JIS X 4051). */
static int no_break_before(int32_t c)
{
    int lb = u_getIntPropertyValue(c, UCHAR_LINE_BREAK);
    return lb == U_LB_CLOSE_PUNCTUATION || lb == U_LB_CLOSE_PARENTHESIS ||
           lb == U_LB_EXCLAMATION || lb == U_LB_INFIX_NUMERIC ||
           lb == U_LB_NONSTARTER || lb == U_LB_CONDITIONAL_JAPANESE_STARTER ||
           u_charType(c) == U_FINAL_PUNCTUATION;
}

/* 1 when no line may end with code point c: UAX #14 class OP (（「『【)
 * and opening quotes (general category Pi: “ «). */
static int no_break_after(int32_t c)
{
    return u_getIntPropertyValue(c, UCHAR_LINE_BREAK) ==
               U_LB_OPEN_PUNCTUATION ||
           u_charType(c) == U_INITIAL_PUNCTUATION;
}

/* Wrap `len` bytes into lines of at most `cols` display columns. Break
 * opportunities: after white space, before and after a wide grapheme,
 * except before a grapheme no line may start with and after one no line
 * may end with (no_break_before, no_break_after: 。 and ） never open a
 * line, （ and “ never close one; session 19, fresh-user 18 L9);
 * otherwise at any grapheme boundary when a single word does not fit. */
static void wrap(wrapper *w, const char *t, size_t len, size_t cols)
{
    UErrorCode e = U_ZERO_ERROR;
    w->lines.len = 0;
    if (cols < 1)
        cols = 1;
    w->ut = utext_openUTF8(w->ut, t, (int64_t)len, &e);
    if (U_SUCCESS(e))
        ubrk_setUText(w->bi, w->ut, &e);
    if (U_FAILURE(e)) {
        /* cannot happen on valid UTF-8; degrade to one line */
        add_line(w, 0, len, t);
        return;
    }
    size_t line = 0, width = 0;       /* current line start and width */
    size_t brk = (size_t)-1, brk_w = 0; /* last break: pos, width before */
    size_t pbrk = (size_t)-1, pbrk_w = 0; /* the break before that one */
    int prev_nba = 0; /* the previous grapheme may not end a line */
    int32_t p = ubrk_first(w->bi);
    /* skip leading spaces */
    while (line < len && t[line] == ' ')
        line++;
    for (int32_t q = ubrk_next(w->bi); q != UBRK_DONE;
         p = q, q = ubrk_next(w->bi)) {
        size_t gs = (size_t)p, ge = (size_t)q;
        if (gs < line)
            continue;
        size_t i = gs, gw = story_render__width(t + gs, ge - gs);
        int32_t first = story__utf8_next(t, ge, &i);
        int space = is_space_cp(first);
        /* wide: the East Asian Width of the base character, not the
         * cluster's sum (a Devanagari cluster with a spacing vowel sign
         * takes two columns yet is inside a word: fresh-user finding,
         * session 9, "मौत" was cut "मौ|त") */
        int wide = story_render__cp_width(first) >= 2 ||
                   (gw >= 2 && u_hasBinaryProperty(
                                   first, UCHAR_EXTENDED_PICTOGRAPHIC));
        if (space && gs == line) { /* no leading space on a line */
            line = ge;
            continue;
        }
        int nbb = !space && (prev_nba || no_break_before(first));
        int nba = !space && no_break_after(first);
        if (nbb && brk == gs) { /* the break just before: not here */
            brk = pbrk;
            brk_w = pbrk_w;
            pbrk = (size_t)-1;
        }
        if (wide && gs > line && !nbb && brk != gs) {
            pbrk = brk;
            pbrk_w = brk_w;
            brk = gs;
            brk_w = width;
        }
        if (!space && width + gw > cols && gs > line) {
            if (brk != (size_t)-1 && brk > line) {
                add_line(w, line, brk, t);
                line = brk;
                width -= brk_w;
            } else {
                add_line(w, line, gs, t);
                line = gs;
                width = 0;
            }
            while (line < gs && t[line] == ' ') {
                line++;
                width = width ? width - 1 : 0;
            }
            brk = pbrk = (size_t)-1;
            brk_w = pbrk_w = 0;
        }
        width += gw;
        if ((space || wide) && !nba) {
            pbrk = brk;
            pbrk_w = brk_w;
            brk = ge;
            brk_w = width;
        }
        prev_nba = nba;
    }
    if (line < len || w->lines.len == 0)
        add_line(w, line < len ? line : len, len, t);
}

/* ---- output ------------------------------------------------------------ */

typedef struct render {
    story_buf out;
    int color;
    size_t width, colw;
    wrapper wr, wr2;
    story_vec left, right; /* copies of the wrapped lines of a row */
} render;

/* Length (3) of an explicit bidi formatting character at t[i] (UAX #9:
 * LRE, RLE, PDF, LRO, RLO U+202A..U+202E; LRI, RLI, FSI, PDI
 * U+2066..U+2069), else 0. */
static size_t bidi_control_at(const char *t, size_t i, size_t e)
{
    const unsigned char *u = (const unsigned char *)t + i;
    if (i + 3 > e || u[0] != 0xE2)
        return 0;
    return (u[1] == 0x80 && u[2] >= 0xAA && u[2] <= 0xAE) ||
                   (u[1] == 0x81 && u[2] >= 0xA6 && u[2] <= 0xA9)
               ? 3
               : 0;
}

/* 1 when bytes [s, e) hold a strong right-to-left character (bidi class
 * R or AL: Arabic, Hebrew, Syriac, Thaana, N'Ko …) or an explicit bidi
 * formatting character: then the line is a bidi isolate of its own. */
static int needs_isolate(const char *t, size_t s, size_t e)
{
    for (size_t i = s; i < e;) {
        if ((unsigned char)t[i] < 0x80) {
            i++;
            continue;
        }
        if (bidi_control_at(t, i, e))
            return 1;
        int32_t c = story__utf8_next(t, e, &i);
        if (c < 0)
            continue;
        UCharDirection d = u_charDirection(c);
        if (d == U_RIGHT_TO_LEFT || d == U_RIGHT_TO_LEFT_ARABIC)
            return 1;
    }
    return 0;
}

/* Emit bytes [s, e) of a cell with styles; returns display columns. A
 * line holding right-to-left text is wrapped in FIRST STRONG ISOLATE
 * U+2068 ... POP DIRECTIONAL ISOLATE U+2069 (UAX #9, Unicode 6.3), so a
 * bidi-aware terminal orders it on its own and neither mirrors the row
 * nor moves the gutter and the other column (an Arabic left cell:
 * fresh-user 9 L7); inside it, the text's own explicit bidi controls
 * (embeddings, overrides, isolates, possibly unbalanced) are left out,
 * so none leaks past the cell. FSI and PDI are format characters
 * (general category Cf): zero columns, like the controls left out, so
 * the columns stay exact. */
static size_t emit(render *r, const cell *c, size_t s, size_t e)
{
    int cur = STORY_STYLE_PLAIN;
    int iso = needs_isolate(c->text.data, s, e);
    if (iso)
        story_buf_puts(&r->out, "\xE2\x81\xA8"); /* U+2068 FSI */
    for (size_t i = s; i < e; i++) {
        size_t bc = iso ? bidi_control_at(c->text.data, i, e) : 0;
        if (bc) {
            i += bc - 1;
            continue;
        }
        int st = (unsigned char)c->style.data[i];
        if (r->color && st != cur) {
            if (cur != STORY_STYLE_PLAIN)
                story_buf_puts(&r->out, "\x1b[0m");
            if (st != STORY_STYLE_PLAIN)
                story_buf_puts(&r->out, sgr(st));
            cur = st;
        }
        story_buf_putc(&r->out, c->text.data[i]);
    }
    if (r->color && cur != STORY_STYLE_PLAIN)
        story_buf_puts(&r->out, "\x1b[0m");
    if (iso)
        story_buf_puts(&r->out, "\xE2\x81\xA9"); /* U+2069 PDI */
    return story_render__width(c->text.data + s, e - s);
}

static void pad(render *r, size_t n)
{
    for (size_t i = 0; i < n; i++)
        story_buf_putc(&r->out, ' ');
}

static int copy_lines(story_vec *dst, const story_vec *src)
{
    dst->len = 0;
    for (size_t i = 0; i < src->len; i++)
        if (!story_vec_push(dst, (const span *)src->data + i))
            return -1;
    return 0;
}

/* One row group: left and right cells wrapped to the column width. */
static void row(render *r, cell *l, cell *rt, const char *gutter)
{
    size_t nl = 0, nr = 0;
    if (l->text.len) {
        wrap(&r->wr, l->text.data, l->text.len, r->colw);
        if (copy_lines(&r->left, &r->wr.lines))
            r->out.oom = 1;
        nl = r->left.len;
    }
    if (rt->text.len) {
        wrap(&r->wr, rt->text.data, rt->text.len, r->colw);
        if (copy_lines(&r->right, &r->wr.lines))
            r->out.oom = 1;
        nr = r->right.len;
    }
    size_t n = nl > nr ? nl : nr;
    for (size_t i = 0; i < n; i++) {
        size_t w = 0;
        if (i < nl) {
            const span *sp = (const span *)r->left.data + i;
            w = emit(r, l, sp->start, sp->end);
        }
        if (i < nr) {
            pad(r, w < r->colw ? r->colw - w : 0);
            story_buf_puts(&r->out, gutter);
            const span *sp = (const span *)r->right.data + i;
            emit(r, rt, sp->start, sp->end);
        } else {
            pad(r, w < r->colw ? r->colw - w : 0);
            /* the gutter without its trailing blank */
            story_buf_append(&r->out, gutter, strlen(gutter) - 1);
            while (r->out.len && r->out.data[r->out.len - 1] == ' ')
                r->out.len--;
            r->out.data[r->out.len] = '\0';
        }
        story_buf_putc(&r->out, '\n');
    }
}

/* A full-width paragraph, wrapped, continuation lines indented. */
static void full(render *r, cell *c, size_t indent)
{
    if (!c->text.len) {
        story_buf_putc(&r->out, '\n');
        return;
    }
    wrap(&r->wr2, c->text.data, c->text.len, r->width);
    size_t first_end = ((const span *)r->wr2.lines.data)[0].end;
    emit(r, c, ((const span *)r->wr2.lines.data)[0].start, first_end);
    story_buf_putc(&r->out, '\n');
    if (r->wr2.lines.len > 1 && indent < r->width / 2) {
        /* rewrap the rest narrower, behind the indent */
        size_t rest = first_end;
        while (rest < c->text.len && c->text.data[rest] == ' ')
            rest++;
        wrap(&r->wr2, c->text.data + rest, c->text.len - rest,
             r->width - indent);
        for (size_t i = 0; i < r->wr2.lines.len; i++) {
            const span *sp = (const span *)r->wr2.lines.data + i;
            pad(r, indent);
            emit(r, c, rest + sp->start, rest + sp->end);
            story_buf_putc(&r->out, '\n');
        }
    } else {
        for (size_t i = 1; i < r->wr2.lines.len; i++) {
            const span *sp = (const span *)r->wr2.lines.data + i;
            emit(r, c, sp->start, sp->end);
            story_buf_putc(&r->out, '\n');
        }
    }
}

static void rule(render *r, char ch)
{
    for (size_t i = 0; i < r->width; i++)
        story_buf_putc(&r->out, ch);
    story_buf_putc(&r->out, '\n');
}

/* Highlight maps of one article: style per text byte and the style of
 * the marker to insert before a byte (fact starts). */
typedef struct marks {
    unsigned char *hl, *mk;
} marks;

static int marks_build(marks *m, const story_comparison *c, int side_b)
{
    const story_article *art = side_b ? c->b : c->a;
    const story_factset *fs = side_b ? c->fb : c->fa;
    m->hl = story__calloc(art->text_len + 1, 1);
    m->mk = story__calloc(art->text_len + 1, 1);
    if (!m->hl || !m->mk)
        return -1;
    /* per byte, the span length of the fact that painted it: a certain
     * difference is never hidden by an unverified one, and a fact inside
     * a wider one of the same certainty ("Fifteen people" changed inside
     * an unverified quote of the whole sentence) keeps its own style */
    size_t *painted = story__calloc(art->text_len + 1, sizeof *painted);
    if (!painted)
        return -1;
    for (size_t i = 0; c->diff && fs && i < c->diff->n_entries; i++) {
        const story_diff_entry *e = &c->diff->entries[i];
        long fi = side_b ? e->b : e->a;
        int st = story_render__entry_style(e);
        if (fi < 0 || (size_t)fi >= fs->n_facts || st == STORY_STYLE_PLAIN)
            continue;
        const story_fact *f = &fs->facts[fi];
        if (f->start >= f->end || f->end > art->text_len)
            continue;
        size_t len = f->end - f->start;
        int sure = st != STORY_STYLE_UNVERIFIED;
        for (size_t k = f->start; k < f->end; k++) {
            int old = m->hl[k];
            int old_sure = old != STORY_STYLE_PLAIN &&
                           old != STORY_STYLE_UNVERIFIED;
            if (old != STORY_STYLE_PLAIN &&
                (old_sure > sure || (old_sure == sure && painted[k] < len)))
                continue;
            m->hl[k] = (unsigned char)st;
            painted[k] = len;
            if (k == f->start)
                m->mk[k] = (unsigned char)st;
        }
    }
    free(painted);
    return 0;
}

static void marks_free(marks *m)
{
    free(m->hl);
    free(m->mk);
}

/* Append sentences [from, from+n) of an article to a cell. */
static void put_sentences(cell *c, const story_article *art, const marks *m,
                          size_t from, size_t n, int color)
{
    for (size_t k = 0; k < n && from + k < art->n_sentences; k++) {
        const story_sentence *s = &art->sentences[from + k];
        if (k)
            cell_puts(c, " ", STORY_STYLE_PLAIN);
        for (size_t i = s->start; i < s->end && i < art->text_len;) {
            if (!color && m->mk[i])
                cell_puts(c, story_render__marker(m->mk[i]), m->mk[i]);
            /* copy one UTF-8 sequence at a time (styles are per byte) */
            size_t j = i;
            story__utf8_next(art->text, art->text_len, &j);
            if (j > s->end)
                j = s->end;
            for (size_t b = i; b < j; b++)
                cell_put(c, art->text + b, 1, m->hl[b]);
            i = j;
        }
    }
}

static size_t link_paragraph(const story_article *art, size_t first,
                             size_t n)
{
    if (!n || first >= art->n_sentences)
        return (size_t)-1;
    return art->sentences[first].paragraph;
}

/* The last two components of a path ("euronews-en.43091/uk.txt"): enough
 * to tell the inputs apart without a column-wide directory; URLs whole. */
static const char *short_source(const char *src)
{
    if (!src)
        return "";
    if (strstr(src, "://"))
        return src;
    const char *last = strrchr(src, '/');
    if (!last)
        return src;
    const char *p = last;
    while (p > src && p[-1] != '/')
        p--;
    return p;
}

static void header(render *r, const story_comparison *c, cell *l, cell *rt)
{
    const story_article *arts[2] = {c->a, c->b};
    cell *cells[2] = {l, rt};
    for (int k = 0; k < 2; k++) {
        cell_reset(cells[k]);
        cell_puts(cells[k], k ? "B: " : "A: ", STORY_STYLE_BOLD);
        cell_puts(cells[k],
                  arts[k]->title && *arts[k]->title ? arts[k]->title
                                                    : "(untitled)",
                  STORY_STYLE_BOLD);
    }
    row(r, l, rt, " | ");
    for (int k = 0; k < 2; k++) {
        char tmp[160];
        const story_article *a = arts[k];
        cell_reset(cells[k]);
        snprintf(tmp, sizeof tmp, "%s, %zu paragraph%s, %zu sentence%s, ",
                 a->lang && *a->lang ? a->lang : "und", a->n_paragraphs,
                 a->n_paragraphs == 1 ? "" : "s", a->n_sentences,
                 a->n_sentences == 1 ? "" : "s");
        cell_puts(cells[k], tmp, STORY_STYLE_PLAIN);
        cell_puts(cells[k], short_source(a->source), STORY_STYLE_PLAIN);
    }
    row(r, l, rt, " | ");
    const story_alignment *al = c->alignment;
    if (al) {
        char tmp[320];
        cell_reset(l);
        snprintf(tmp, sizeof tmp,
                 "relation: %s (confidence %.2f)   similarity %.2f "
                 "(entities %.2f, geography %.2f, time %.2f, narrative "
                 "%.2f)",
                 story_relation_name(al->relation), al->relation_confidence,
                 al->sim_overall, al->sim_entities, al->sim_geography,
                 al->sim_time, al->sim_narrative);
        cell_puts(l, tmp, STORY_STYLE_PLAIN);
        full(r, l, 4);
    }
    cell_reset(l);
    cell_puts(l,
              "gutter: | aligned  < only in A  > only in B  ^ moved;  "
              "facts: ",
              STORY_STYLE_PLAIN);
    if (r->color) {
        cell_puts(l, "changed", STORY_STYLE_CHANGED);
        cell_puts(l, " ", STORY_STYLE_PLAIN);
        cell_puts(l, "added", STORY_STYLE_ADDED);
        cell_puts(l, " ", STORY_STYLE_PLAIN);
        cell_puts(l, "omitted", STORY_STYLE_OMITTED);
        cell_puts(l, " ", STORY_STYLE_PLAIN);
        cell_puts(l, "contradicted", STORY_STYLE_CONTRADICTED);
        cell_puts(l, " ", STORY_STYLE_PLAIN);
        cell_puts(l, "unverified", STORY_STYLE_UNVERIFIED);
    } else {
        cell_puts(l,
                  "[~] changed  [+] added  [-] omitted  [!] contradicted  "
                  "[?] unverified",
                  STORY_STYLE_PLAIN);
    }
    full(r, l, 4);
    rule(r, '=');
}

static void body(render *r, const story_comparison *c, cell *l, cell *rt,
                 const marks *ma, const marks *mb)
{
    const story_alignment *al = c->alignment;
    size_t pa = (size_t)-1, pb = (size_t)-1;
    for (size_t i = 0; al && i < al->n_links; i++) {
        const story_link *k = &al->links[i];
        size_t qa = link_paragraph(c->a, k->a, k->n_a);
        size_t qb = link_paragraph(c->b, k->b, k->n_b);
        if (i > 0 && ((qa != (size_t)-1 && pa != (size_t)-1 && qa != pa) ||
                      (qb != (size_t)-1 && pb != (size_t)-1 && qb != pb)))
            story_buf_putc(&r->out, '\n');
        if (qa != (size_t)-1)
            pa = qa;
        if (qb != (size_t)-1)
            pb = qb;
        cell_reset(l);
        cell_reset(rt);
        const char *g = " | ";
        switch (k->kind) {
        case STORY_LINK_OMITTED: g = " < "; break;
        case STORY_LINK_ADDED: g = " > "; break;
        case STORY_LINK_MOVED: g = " ^ "; break;
        default: break;
        }
        if (k->n_a)
            put_sentences(l, c->a, ma, k->a, k->n_a, r->color);
        if (k->n_b)
            put_sentences(rt, c->b, mb, k->b, k->n_b, r->color);
        row(r, l, rt, g);
    }
}

static void footer(render *r, const story_comparison *c, cell *l)
{
    const story_diff *d = c->diff;
    char tmp[400];
    rule(r, '=');
    if (!d)
        return;
    const story_diff_summary *s = &d->summary;
    cell_reset(l);
    snprintf(tmp, sizeof tmp,
             /* the units of the diff, not the `facts` lines (session
              * 13, fresh-user L8: "42 in A" read as A's fact count while
              * `facts` printed 54; docs/report.md, facts_a) */
             "facts compared: %zu of A, %zu of B (repeats folded): %zu "
             "same, %zu changed, "
             "%zu contradicted, %zu added, %zu omitted, %zu unverified",
             s->facts_a, s->facts_b, s->same, s->changed, s->contradicted,
             s->added, s->omitted, s->unverified);
    cell_puts(l, tmp, STORY_STYLE_BOLD);
    full(r, l, 4);
    /* certain differences first, then the unverified ones */
    for (int pass = 0; pass < 2; pass++) {
        int heading = 0;
        for (size_t i = 0; i < d->n_entries; i++) {
            const story_diff_entry *e = &d->entries[i];
            int st = story_render__entry_style(e);
            if (st == STORY_STYLE_PLAIN ||
                (st == STORY_STYLE_UNVERIFIED) != (pass == 1))
                continue;
            if (pass == 1 && !heading) {
                cell_reset(l);
                cell_puts(l,
                          "unverified (facts worded differently inside "
                          "aligned sentences; not counted as differences):",
                          STORY_STYLE_PLAIN);
                full(r, l, 4);
                heading = 1;
            }
            cell_reset(l);
            cell_puts(l, story_render__marker(st), st);
            snprintf(tmp, sizeof tmp, " %s %s: ",
                     story_diff_category_name(e->category),
                     story_fact_type_name(e->type));
            cell_puts(l, tmp, r->color ? st : STORY_STYLE_PLAIN);
            cell_puts(l, e->detail ? e->detail : "", STORY_STYLE_PLAIN);
            full(r, l, 4);
        }
    }
    cell_reset(l);
    snprintf(tmp, sizeof tmp,
             "sentences: %zu matched, %zu moved, %zu added, %zu omitted",
             s->sentences_matched, s->sentences_moved, s->sentences_added,
             s->sentences_omitted);
    cell_puts(l, tmp, STORY_STYLE_BOLD);
    full(r, l, 4);
}

/* the widest view: the CLI's --width bound (docs/cli.md) */
#define RENDER_MAX_WIDTH 10000

int story_render_side_by_side(char **out, const story_comparison *c,
                              const story_render_options *opts,
                              story_error *err)
{
    story_render_options def = STORY_RENDER_OPTIONS_INIT;
    render r;
    cell l, rt;
    marks ma = {NULL, NULL}, mb = {NULL, NULL};
    UErrorCode e = U_ZERO_ERROR;
    int rc = 0;

    if (out)
        *out = NULL;
    if (!out || !c || !c->a || !c->b)
        return story__error(err, STORY_EINVAL, NULL, -1,
                            "story_render_side_by_side: missing argument");
    if (opts && story__opts_version(opts->version,
                                    STORY_RENDER_OPTIONS_VERSION,
                                    "story_render_side_by_side", err))
        return STORY_EINVAL;
    if (!opts)
        opts = &def;
    memset(&r, 0, sizeof r);
    memset(&l, 0, sizeof l);
    memset(&rt, 0, sizeof rt);
    r.color = opts->color;
    r.width = opts->width > 0 ? (size_t)opts->width : 100;
    if (r.width > RENDER_MAX_WIDTH) /* fresh-user 14: INT_MAX gave 16 GB */
        r.width = RENDER_MAX_WIDTH;
    if (r.width < 2 * 8 + GUTTER_WIDTH)
        r.width = 2 * 8 + GUTTER_WIDTH;
    r.colw = (r.width - GUTTER_WIDTH) / 2;
    story_vec_init(&r.wr.lines, sizeof(span));
    story_vec_init(&r.wr2.lines, sizeof(span));
    story_vec_init(&r.left, sizeof(span));
    story_vec_init(&r.right, sizeof(span));
    r.wr.bi = ubrk_open(UBRK_CHARACTER, "", NULL, 0, &e);
    if (U_SUCCESS(e))
        r.wr2.bi = ubrk_open(UBRK_CHARACTER, "", NULL, 0, &e);
    if (U_FAILURE(e)) {
        rc = story__error(err, STORY_EICU, NULL, -1,
                          "cannot open the grapheme break iterator: %s",
                          u_errorName(e));
        goto done;
    }
    if (marks_build(&ma, c, 0) || marks_build(&mb, c, 1)) {
        rc = story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
        goto done;
    }
    header(&r, c, &l, &rt);
    body(&r, c, &l, &rt, &ma, &mb);
    footer(&r, c, &l);
    if (r.out.oom || l.text.oom || rt.text.oom || l.style.oom ||
        rt.style.oom || r.wr.oom || r.wr2.oom) {
        rc = story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
        goto done;
    }
    *out = story_buf_detach(&r.out);
    if (!*out)
        rc = story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");

done:
    marks_free(&ma);
    marks_free(&mb);
    cell_free(&l);
    cell_free(&rt);
    story_buf_free(&r.out);
    story_vec_free(&r.wr.lines);
    story_vec_free(&r.wr2.lines);
    story_vec_free(&r.left);
    story_vec_free(&r.right);
    if (r.wr.ut)
        utext_close(r.wr.ut);
    if (r.wr2.ut)
        utext_close(r.wr2.ut);
    if (r.wr.bi)
        ubrk_close(r.wr.bi);
    if (r.wr2.bi)
        ubrk_close(r.wr2.bi);
    return rc;
}
