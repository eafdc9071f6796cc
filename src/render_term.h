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

/* Style codes used in the renderers' cells. */
enum {
    STORY_STYLE_PLAIN = 0,
    STORY_STYLE_CHANGED = 1,      /* yellow, marker [~] */
    STORY_STYLE_ADDED = 2,        /* green, marker [+] */
    STORY_STYLE_OMITTED = 3,      /* red, marker [-] */
    STORY_STYLE_CONTRADICTED = 4, /* magenta, marker [!] */
    STORY_STYLE_BOLD = 5
};

/* Style of a diff category (STORY_STYLE_PLAIN for "same"). */
int story_render__category_style(int category);

/* The ASCII marker of a style: "[~]", "[+]", "[-]", "[!]" or "". */
const char *story_render__marker(int style);

#endif
