/*
 * Private helpers of the terminal renderers (render_term.c,
 * render_text.c), visible to the unit tests.
 */
#ifndef STORY_RENDER_TERM_H
#define STORY_RENDER_TERM_H

#include <stddef.h>
#include <stdint.h>

/* Display columns of one code point: 2 for East Asian Wide/Fullwidth
 * (ICU UCHAR_EAST_ASIAN_WIDTH W/F), 0 for non-spacing and enclosing marks,
 * format characters (Mn/Me/Cf), controls and Hangul medial/final jamo, 1
 * otherwise (ambiguous width counts 1). */
int story_render__cp_width(int32_t c);

/* Display columns of `len` bytes of UTF-8 (sum over code points; invalid
 * bytes count 1). ANSI escape sequences (ESC [ ... letter) count 0. */
size_t story_render__width(const char *s, size_t len);

/* The visible stand-in for a control character, so that text from an
 * article can never drive the terminal: C0 U+0000..U+001F -> the Control
 * Pictures U+2400..U+241F (ESC -> U+241B), DEL -> U+2421, C1
 * U+0080..U+009F -> "<U+009B>" (ASCII; no pictures exist for C1); NULL
 * for any other code point. Static string, not to be freed. Tab, newline
 * and the other white-space controls are the caller's choice. */
const char *story_render__control_picture(int32_t c);

/* Append `len` bytes of UTF-8 to `b` with every control character shown
 * by story_render__control_picture(), tab, CR, LF, VT and FF as a space,
 * and each byte that is not UTF-8 (only a file name can hold one) as the
 * four ASCII characters "\xHH". */
struct story_buf;
void story_render__put_visible(struct story_buf *b, const char *s,
                               size_t len);

/* Style codes used in the renderers' cells. */
enum {
    STORY_STYLE_PLAIN = 0,
    STORY_STYLE_CHANGED = 1,      /* yellow, marker [~] */
    STORY_STYLE_ADDED = 2,        /* green, marker [+] */
    STORY_STYLE_OMITTED = 3,      /* red, marker [-] */
    STORY_STYLE_CONTRADICTED = 4, /* magenta, marker [!] */
    STORY_STYLE_BOLD = 5,
    STORY_STYLE_UNVERIFIED = 6    /* dim, marker [?] */
};

/* Style of a diff category (STORY_STYLE_PLAIN for "same"). */
int story_render__category_style(int category);

/* Style of a diff entry: its category's, or STORY_STYLE_UNVERIFIED for an
 * uncertain (certain == 0) difference. */
struct story_diff_entry;
int story_render__entry_style(const struct story_diff_entry *e);

/* The ASCII marker of a style: "[~]", "[+]", "[-]", "[!]", "[?]" or "". */
const char *story_render__marker(int style);

#endif
