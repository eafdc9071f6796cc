/*
 * End to end: the side-by-side view of real translation pairs (WMT24
 * euronews-en.43091: en against zh, ja, hi, uk, read in place) keeps its
 * columns at every width: on every body row the gutter starts at the same
 * display column (East Asian Wide = 2, combining marks = 0), no line is
 * wider than --width, and --color=never output has no escape codes.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "render_term.h"
#include "support.h"

static void check(const char *out, size_t width)
{
    size_t colw = (width - 3) / 2;
    int in_body = 0, rows = 0;
    const char *p = out;
    while (*p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        assert_true(story_render__width(p, n) <= width);
        if (n >= 3 && !strncmp(p, "===", 3)) {
            in_body = !in_body;
        } else if (in_body && n > 0) {
            /* the gutter: " | ", " < ", " > ", " ^ " at display column
             * colw (a row may end right after "<" with nothing on the
             * right) */
            size_t i = 0, w = 0;
            while (i < n && w < colw) {
                size_t j = i + 1;
                while (j < n && ((unsigned char)p[j] & 0xC0) == 0x80)
                    j++;
                w += story_render__width(p + i, j - i);
                i = j;
            }
            assert_int_equal(w, colw);
            assert_true(i + 1 < n);
            assert_true(p[i] == ' ');
            assert_non_null(strchr("|<>^", p[i + 1]));
            rows++;
        }
        if (!nl)
            break;
        p = nl + 1;
    }
    assert_true(rows > 10);
}

static void test_columns(void **state)
{
    (void)state;
    static const char *langs[] = {"zh", "ja", "hi", "uk"};
    static const int widths[] = {60, 101, 160};
    char *dir = story_test_corpus_path("articles/wmt24/euronews-en.43091");
    if (!dir)
        skip();
    for (size_t l = 0; l < sizeof langs / sizeof *langs; l++)
        for (size_t w = 0; w < sizeof widths / sizeof *widths; w++) {
            char args[8192], *out = NULL, *err = NULL;
            snprintf(args, sizeof args,
                     "compare --format=side-by-side --color=never "
                     "--width %d '%s/en.txt' '%s/%s.txt'",
                     widths[w], dir, dir, langs[l]);
            int st = story_test_run_cli(args, &out, &err);
            if (st != 0 && st != 1)
                print_error("%s: exit %d: %s\n", langs[l], st,
                            err ? err : "");
            assert_true(st == 0 || st == 1);
            assert_null(strchr(out, '\x1b'));
            check(out, (size_t)widths[w]);
            free(out);
            free(err);
        }
    free(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_columns),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
