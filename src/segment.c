/*
 * Stage 3, segment (include/storydiff/segment.h): language per paragraph
 * and document, sentences and word tokens with byte offsets into the
 * article text.
 *
 * Sentences: ICU's sentence break iterator (UAX #29, "Unicode Text
 * Segmentation", sentence boundaries) with "<lang>@ss=standard" (CLDR
 * sentence-break suppressions; plain "<lang>" when the pack says
 * "icu_suppressions": false) over a UTF-8 UText per paragraph, so native
 * indexes are byte offsets. Each piece is trimmed of white space, then a
 * merge pass driven by the language pack joins a piece with the next when
 * the boundary follows
 *   - a title ("titles": Gen., Dr., ген.) : always;
 *   - an abbreviation ("abbreviations": U.S., z. B., ст.), a dotted
 *     initialism (D.C.), a single-letter initial (F.), or, for packs
 *     with "ordinal_dot_merge": true, a 1-2 digit ordinal (5.): unless the
 *     next word is capitalised and listed in "sentence_openers" ("... moved to the U.S.
 *     Where ..." keeps its split). A single initial also needs a
 *     capitalised next word;
 *   - a number abbreviation ("number_abbreviations": No., Nr., ст.) when
 *     the next word starts with a digit.
 * Multi-word abbreviations ("z. B.") also merge when ICU split inside them,
 * and a piece merges with the previous one when it starts with a
 * lower-case letter ("Never!" said ...) or closing punctuation, or, after
 * a closing quotation mark, with a listed "quote_continuations" prefix
 * (ja "と"), or when a quotation closed after '!' or '?' is followed by
 * an attribution (a name and a reporting verb of the facts pack). See
 * docs/text-layer.md.
 * Before merging, pieces are split where UAX #29 misses a boundary: a full
 * stop followed by a number-initial sentence ("... 2020. 46 ships took
 * part") or by a dialogue dash (split_extra()).
 *
 * Words: ICU's word break iterator (UAX #29 word boundaries; dictionary
 * based for Chinese, Japanese, Thai), skipping UBRK_WORD_NONE pieces
 * (spaces, punctuation).
 */
#include "internal.h"

#include "langid.h"
#include "locale.h"
#include "normalize.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/utext.h>

typedef struct span {
    size_t start, end;
} span;

/* ---------------------------------------------------------------- ICU */

static int get_brk(story_seg_brk **out, story_ctx *ctx, const char *lang,
                   int ss_standard, story_error *err)
{
    story_seg_state *s = NULL;
    int rc = story__seg_state(&s, ctx, err);
    if (rc)
        return rc;
    const char *l = (lang && *lang) ? lang : "root";
    for (size_t i = 0; i < s->n_brk; i++)
        if (strcmp(s->brk[i].lang, l) == 0 &&
            s->brk[i].ss_standard == ss_standard) {
            *out = &s->brk[i];
            return 0;
        }
    story_seg_brk *b;
    if (s->n_brk < STORY_SEG_MAX_BRK) {
        b = &s->brk[s->n_brk++];
    } else { /* full: recycle the last entry */
        b = &s->brk[STORY_SEG_MAX_BRK - 1];
        ubrk_close(b->sent);
        ubrk_close(b->word);
    }
    memset(b, 0, sizeof *b);
    snprintf(b->lang, sizeof b->lang, "%s", l);
    b->ss_standard = ss_standard;
    char loc[64];
    snprintf(loc, sizeof loc, "%s%s", l, ss_standard ? "@ss=standard" : "");
    UErrorCode e = U_ZERO_ERROR;
    b->sent = ubrk_open(UBRK_SENTENCE, loc, NULL, 0, &e);
    if (U_SUCCESS(e))
        b->word = ubrk_open(UBRK_WORD, l, NULL, 0, &e);
    if (U_FAILURE(e)) {
        if (b->sent)
            ubrk_close(b->sent);
        s->n_brk--;
        return story__error(err, STORY_EICU, NULL, -1,
                            "cannot open ICU break iterators for '%s': %s",
                            loc, u_errorName(e));
    }
    *out = b;
    return 0;
}

/* ------------------------------------------------------------ helpers */

static int is_space_cp(int32_t c)
{
    return u_isUWhiteSpace(c) || story__is_ignorable(c);
}

/* Code point before byte offset `at` (>= lo); sets *start. */
static int32_t prev_cp(const char *t, size_t lo, size_t at, size_t *start)
{
    size_t i = at;
    if (i <= lo) {
        *start = lo;
        return -1;
    }
    i--;
    while (i > lo && ((unsigned char)t[i] & 0xC0) == 0x80)
        i--;
    *start = i;
    size_t j = i;
    return story__utf8_next(t, at, &j);
}

static void trim(const char *t, span *sp)
{
    while (sp->start < sp->end) {
        size_t j = sp->start;
        int32_t c = story__utf8_next(t, sp->end, &j);
        if (!is_space_cp(c))
            break;
        sp->start = j;
    }
    while (sp->end > sp->start) {
        size_t st;
        int32_t c = prev_cp(t, sp->start, sp->end, &st);
        if (!is_space_cp(c))
            break;
        sp->end = st;
    }
}

/* Up to `max` white-space-delimited chunks at the end of [lo, hi): chunk
 * k (0 = last) is [cs[k], ce[k]). Returns the count. */
static int tail_chunks(const char *t, size_t lo, size_t hi, size_t *cs,
                       size_t *ce, int max)
{
    int n = 0;
    size_t at = hi;
    while (n < max && at > lo) {
        size_t st;
        /* skip spaces */
        while (at > lo) {
            int32_t c = prev_cp(t, lo, at, &st);
            if (!is_space_cp(c))
                break;
            at = st;
        }
        if (at <= lo)
            break;
        size_t end = at;
        while (at > lo) {
            int32_t c = prev_cp(t, lo, at, &st);
            if (is_space_cp(c))
                break;
            at = st;
        }
        cs[n] = at;
        ce[n] = end;
        n++;
    }
    return n;
}

/* Up to `max` chunks at the start of [lo, hi). */
static int head_chunks(const char *t, size_t lo, size_t hi, size_t *cs,
                       size_t *ce, int max)
{
    int n = 0;
    size_t at = lo;
    while (n < max && at < hi) {
        size_t j = at;
        while (at < hi) {
            j = at;
            int32_t c = story__utf8_next(t, hi, &j);
            if (!is_space_cp(c))
                break;
            at = j;
        }
        if (at >= hi)
            break;
        cs[n] = at;
        while (at < hi) {
            j = at;
            int32_t c = story__utf8_next(t, hi, &j);
            if (is_space_cp(c))
                break;
            at = j;
        }
        ce[n] = at;
        n++;
    }
    return n;
}

/* Closing punctuation that may follow a sentence terminal. */
static int is_close(int32_t c)
{
    switch (c) {
    case '"': case '\'': case ')': case ']': case 0x201D: case 0x2019:
    case 0x00BB: case 0x201C: case 0x203A: case 0x300D: case 0x300F:
        return 1;
    default:
        return 0;
    }
}

/* Skip leading opening punctuation (quotes, brackets) of [*s, e). */
static void skip_open_punct(const char *t, size_t *s, size_t e)
{
    while (*s < e) {
        size_t j = *s;
        int32_t c = story__utf8_next(t, e, &j);
        if (c < 0 || u_isalnum(c))
            break;
        *s = j;
    }
}

/* Fold [s, e) (NFKC case fold) into b, replacing b's content. */
static int fold_into(story_buf *b, const char *t, size_t s, size_t e,
                     story_error *err)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
    return story__normalize_key_buf(b, NULL, t + s, e - s, err);
}

/* Does [s, e) hold nothing but white space, quotation marks (UCD
 * Quotation_Mark) and closing punctuation, and at least one of them? */
static int only_closing_marks(const char *t, size_t s, size_t e)
{
    int marks = 0;
    size_t i = s;
    while (i < e) {
        int32_t c = story__utf8_next(t, e, &i);
        if (c > 0 && u_isUWhiteSpace(c))
            continue;
        if (c <= 0 || !(u_hasBinaryProperty(c, UCHAR_QUOTATION_MARK) ||
                        u_charType(c) == U_END_PUNCTUATION ||
                        u_charType(c) == U_FINAL_PUNCTUATION))
            return 0;
        marks++;
    }
    return marks > 0;
}

/* Letters-and-dots initialism with >= 2 chunks ("U.S.", "D.C.", "z.B.",
 * Hindi "एफ.ए.ए.", "बी.बी.सी."). A chunk is one letter with its combining
 * marks (vowel signs, viramas: general categories Mn/Mc); in a script
 * without case, where a letter's name is written as a syllable or two
 * ("एफ" = F, "डब्ल्यू" = W), up to four letters with their marks. */
static int is_dotted_initialism(const char *t, size_t s, size_t e)
{
    int chunks = 0, letters = 0, cased = 0;
    size_t i = s;
    while (i < e) {
        int32_t c = story__utf8_next(t, e, &i);
        if (c == '.') {
            if (letters == 0 || (cased && letters > 1) || letters > 4)
                return 0;
            chunks++;
            letters = cased = 0;
            continue;
        }
        int8_t gc = c < 0 ? 0 : (int8_t)u_charType(c);
        if (letters > 0 && (gc == U_NON_SPACING_MARK ||
                            gc == U_COMBINING_SPACING_MARK))
            continue;
        if (c < 0 || !u_isalpha(c))
            return 0;
        if (u_isupper(c) || u_islower(c) || u_istitle(c))
            cased = 1;
        letters++;
    }
    return chunks >= 2 && letters == 0;
}

/* One upper-case letter and a dot ("F."). */
static int is_single_initial(const char *t, size_t s, size_t e)
{
    size_t i = s;
    int32_t c = story__utf8_next(t, e, &i);
    return c > 0 && u_isupper(c) && i + 1 == e && t[i] == '.';
}

/* 1-2 digits and a dot ("5."). */
static int is_ordinal(const char *t, size_t s, size_t e)
{
    size_t n = e - s;
    if (n < 2 || n > 3 || t[e - 1] != '.')
        return 0;
    for (size_t i = s; i < e - 1; i++)
        if (t[i] < '0' || t[i] > '9')
            return 0;
    return 1;
}

/* Four digits and a dot ("2018."): a year in the ordinal-dot
 * languages. */
static int is_year_dot(const char *t, size_t s, size_t e)
{
    if (e - s != 5 || t[e - 1] != '.')
        return 0;
    for (size_t i = s; i < e - 1; i++)
        if (t[i] < '0' || t[i] > '9')
            return 0;
    return 1;
}

/* A canonical Roman numeral from II to XXXIX and a dot ("XVI."): a
 * regnal number ("LLC." is not one). */
static int is_roman_ordinal(const char *t, size_t s, size_t e)
{
    static const char *const ones[] = {"",  "I",  "II",  "III", "IV",
                                       "V", "VI", "VII", "VIII", "IX"};
    size_t n = e - s;
    if (n < 3 || n > 8 || t[e - 1] != '.')
        return 0;
    for (size_t i = s; i < e - 1; i++) /* every numeral is made of these */
        if (t[i] != 'I' && t[i] != 'V' && t[i] != 'X')
            return 0;
    for (int v = 2; v < 40; v++) {
        char r[16];
        snprintf(r, sizeof r, "%.*s%s", v / 10, "XXX", ones[v % 10]);
        if (strlen(r) == n - 1 && memcmp(r, t + s, n - 1) == 0)
            return 1;
    }
    return 0;
}

/* A word ending in '!' that mixes cases after a lower-case letter
 * ("oOh!", "WoW!"): a brand name, not an exclamation. */
static int is_mixed_case_bang(const char *t, size_t s, size_t e)
{
    if (e - s < 3 || t[e - 1] != '!')
        return 0;
    int lower = 0, mixed = 0;
    for (size_t i = s; i < e - 1;) {
        int32_t c = story__utf8_next(t, e - 1, &i);
        if (c < 0 || !u_isalpha(c))
            return 0;
        if (u_isULowercase(c))
            lower = 1;
        else if (lower && u_isUUppercase(c))
            mixed = 1;
    }
    return mixed;
}

/* The piece [s, e) has no letter and at most 3 digits: a list marker
 * ("1.", "2)") or an omission mark ("[...]"). */
static int is_marker_piece(const char *t, size_t s, size_t e)
{
    int digits = 0;
    for (size_t i = s; i < e;) {
        int32_t c = story__utf8_next(t, e, &i);
        if (c > 0 && u_isalpha(c))
            return 0;
        if (c > 0 && u_isdigit(c) && ++digits > 3)
            return 0;
    }
    return 1;
}

/* Closing bracket of opener o; 0 if none. */
static int32_t closer_of(int32_t o)
{
    switch (o) {
    case '(': return ')';
    case '[': return ']';
    case 0xFF08: return 0xFF09; /* fullwidth parentheses */
    case 0x300C: return 0x300D; /* 「」 */
    case 0x300E: return 0x300F; /* 『』 */
    default: return 0; /* quotation marks: a quotation often holds
                          several short sentences ("„Er muss frei. Sofort“") */
    }
}

/* How near the next piece's start a bracket left open in cur must close
 * for the boundary to lie inside a short parenthetical ("(WoW! Korea)",
 * "(e. Glee)", "「…Ｃｈｕ！ 第１部」"), in code points. */
#define SHORT_PAREN_CPS 12

/* The brackets and ASCII quotation marks left open in [cs, to): the
 * scan state of inside_short_paren, kept between the calls for one
 * sentence being built piece by piece (cs fixed, the end growing), so
 * that each byte is scanned once. Rescanning the whole sentence per
 * piece was quadratic: 900 KB of "A. A. A. …" (initials, merged into
 * one sentence) ran for over 17 minutes (session 20, fresh-user 20 L8). */
typedef struct paren_scan {
    const char *t;
    size_t cs, to; /* scanned t[cs, to); to == 0: nothing yet */
    int32_t stack[8];
    int depth, straight;
    size_t qopen;
} paren_scan;

/* Does [cs, ce) leave a bracket (or an odd ASCII '"') open that closes
 * within SHORT_PAREN_CPS code points of ns (before ne)? ps carries the
 * scan of a prefix of [cs, ce) from the previous call, if any. */
static int inside_short_paren(paren_scan *ps, const char *t, size_t cs,
                              size_t ce, size_t ns, size_t ne)
{
    if (ps->t != t || ps->cs != cs || ps->to == 0 || ps->to > ce) {
        memset(ps, 0, sizeof *ps);
        ps->t = t;
        ps->cs = cs;
        ps->to = cs;
    }
    int32_t *stack = ps->stack;
    for (size_t i = ps->to; i < ce;) {
        int32_t c = story__utf8_next(t, ce, &i);
        if (c == '"') {
            ps->straight ^= 1; /* ASCII quotes open and close alike */
            ps->qopen = i;
        } else if (closer_of(c)) {
            if (ps->depth < 8)
                stack[ps->depth] = closer_of(c);
            ps->depth++;
        } else if (ps->depth > 0 && ps->depth <= 8 &&
                   c == stack[ps->depth - 1]) {
            ps->depth--;
        }
        ps->to = i;
    }
    int depth = ps->depth, straight = ps->straight;
    size_t qopen = ps->qopen;
    if (depth <= 0 && straight) {
        /* an ASCII quotation: only a short title ending in '!' or '?'
         * ("Gojitere Chu! Part 1"); quotations often hold several short
         * sentences ("We won. Really.") */
        int qn = 0;
        for (size_t i = qopen; i < ce && qn <= 2 * SHORT_PAREN_CPS;) {
            story__utf8_next(t, ce, &i);
            qn++;
        }
        size_t lb = ce;
        while (lb > qopen && (t[lb - 1] == ' '))
            lb--;
        if (qn > 2 * SHORT_PAREN_CPS || lb == qopen ||
            (t[lb - 1] != '!' && t[lb - 1] != '?'))
            return 0;
    }
    if (depth > 8 || (depth <= 0 && !straight))
        return 0;
    int32_t want = depth > 0 ? stack[depth - 1] : '"';
    int n = 0;
    for (size_t i = ns; i < ne && n++ < SHORT_PAREN_CPS;) {
        int32_t c = story__utf8_next(t, ne, &i);
        if (c == want)
            return 1;
        if (c == '!' || c == '?' || c == 0x3002 || c == 0xFF01 ||
            c == 0xFF1F)
            return 0; /* another sentence end before it closes */
    }
    return 0;
}

typedef struct merge_ctx {
    const story_langpack *lp;
    int ordinal_dot;
    int wrapped; /* plain text hard-wrapped: a single newline is a space */
    story_buf key;
    story_buf cand;
    paren_scan paren; /* inside_short_paren's scan of the current piece */
} merge_ctx;

/* The first word of [s, e) (opening punctuation skipped): capitalised?
 * and is its folded form a listed sentence opener? */
static int next_word_info(merge_ctx *m, const char *t, size_t s, size_t e,
                          int *capital, int *opener, story_error *err)
{
    *capital = 0;
    *opener = 0;
    skip_open_punct(t, &s, e);
    size_t w = s;
    while (w < e) {
        size_t j = w;
        int32_t c = story__utf8_next(t, e, &j);
        if (c < 0 || !(u_isalnum(c) || u_getCombiningClass(c) ||
                       u_charType(c) == U_NON_SPACING_MARK || c == 0xAD))
            break;
        w = j;
    }
    if (w == s)
        return 0;
    size_t j = s;
    int32_t c0 = story__utf8_next(t, e, &j);
    *capital = u_isupper(c0) || u_istitle(c0);
    int rc = fold_into(&m->key, t, s, w, err);
    if (rc)
        return rc;
    *opener = story_langpack_has(m->lp, "sentence_openers", m->key.data);
    return 0;
}

/* A quotation that ends with '!' or '?' inside its closing marks, then an
 * attribution: capitalised words (a name) and a lower-case reporting verb
 * of the pack's "reporting_verbs" that ends the clause ("...in the
 * water!'" Hammel added." but not "...end?" Officials said nothing."). */
static int quote_attribution(int *merge, merge_ctx *m, const char *t,
                             span cur, span next, story_error *err)
{
    size_t at = cur.end, st;
    int closes = 0;
    int32_t c;
    while ((c = prev_cp(t, cur.start, at, &st)) > 0 && is_close(c)) {
        closes++;
        at = st;
    }
    if (!closes || (c != '!' && c != '?' && c != 0xFF01 && c != 0xFF1F))
        return 0;
    json_t *av = story_langpack_field(m->lp, "attribution_verbs");
    if (json_is_array(av)) {
        /* zh "“…？” 他继续说。": a short next piece (at most 12 code
         * points) that ends with a listed verb and a full stop */
        size_t e = next.end, st2, n = 0;
        for (size_t i = next.start; i < next.end && n <= 12; n++)
            story__utf8_next(t, next.end, &i);
        int32_t l = prev_cp(t, next.start, e, &st2);
        if (n > 12 || (l != 0x3002 && l != '.'))
            return 0;
        e = st2;
        size_t k;
        json_t *v;
        json_array_foreach(av, k, v) {
            const char *w = json_string_value(v);
            size_t wl = w ? strlen(w) : 0;
            if (wl && e - next.start > wl &&
                memcmp(t + e - wl, w, wl) == 0) {
                *merge = 1;
                return 0;
            }
        }
        return 0;
    }
    size_t hs[4], he[4];
    int nh = head_chunks(t, next.start, next.end, hs, he, 4);
    for (int k = 0; k < nh; k++) {
        size_t j = hs[k];
        int32_t c0 = story__utf8_next(t, he[k], &j);
        if (c0 < 0 || !u_isalpha(c0))
            return 0;
        if (u_isupper(c0) || u_istitle(c0))
            continue; /* part of the name */
        if (k == 0)
            return 0;
        size_t e = he[k];
        if (e == hs[k] || (t[e - 1] != '.' && t[e - 1] != ','))
            return 0; /* the attribution ends at the verb: "Hammel added." */
        e--;
        int rc = fold_into(&m->key, t, hs[k], e, err);
        if (rc)
            return rc;
        *merge = story_langpack_has(m->lp, "reporting_verbs", m->key.data);
        return 0;
    }
    return 0;
}

static int is_dash(int32_t c)
{
    return c == '-' || c == 0x2013 || c == 0x2014 || c == 0x2015;
}

/* Decide whether the boundary between cur and next is to be removed. */
static int should_merge(int *merge, merge_ctx *m, const char *t, span cur,
                        span next, story_error *err)
{
    size_t ts[3], te[3], hs[2], he[2];
    int rc;
    *merge = 0;
    if (cur.end <= cur.start)
        return 0;
    {
        /* a list marker or omission mark alone ("1." "[...]") belongs
         * to the sentence that follows it */
        if (is_marker_piece(t, cur.start, cur.end)) {
            *merge = 1;
            return 0;
        }
        size_t q0 = next.start, st0;
        int32_t n0 = story__utf8_next(t, next.end, &q0);
        int32_t l0 = prev_cp(t, cur.start, cur.end, &st0);
        /* a dash and a lower-case word continue the sentence: an
         * attribution after a quotation ("дуэт?" - написал он") or an
         * aside ("half her life! - has been ...") */
        if (is_dash(n0) && q0 < next.end) {
            int32_t sp2 = story__utf8_next(t, next.end, &q0);
            int32_t l = q0 < next.end ? story__utf8_next(t, next.end, &q0)
                                      : -1;
            if (u_isUWhiteSpace(sp2) && l > 0 && u_isULowercase(l)) {
                *merge = 1;
                return 0;
            }
        }
        /* no space after a '.' ("O.J.シンプソン") or between digits after
         * an Armenian full stop used as a colon ("01։23") */
        if ((l0 == '.' && cur.end == next.start && n0 > 0 &&
             u_isalpha(n0)) ||
            (l0 == 0x0589 && n0 > 0 && u_isdigit(n0))) {
            *merge = 1;
            return 0;
        }
        /* inside a short parenthetical or quotation */
        if (inside_short_paren(&m->paren, t, cur.start, cur.end,
                               next.start, next.end)) {
            *merge = 1;
            return 0;
        }
        /* a piece that starts with a lower-case letter continues the
         * sentence (UAX #29 breaks after '!' or '?' before any letter:
         * "Never!" said the minister.) */
        size_t q = next.start;
        skip_open_punct(t, &q, next.end);
        size_t j = q;
        int32_t c = story__utf8_next(t, next.end, &j);
        if (q == next.start && c > 0 && u_isULowercase(c)) {
            *merge = 1;
            return 0;
        }
        /* a piece that starts with closing punctuation ("！ ！ 」と")
         * belongs to the previous sentence */
        j = next.start;
        c = story__utf8_next(t, next.end, &j);
        if (c > 0 && (u_charType(c) == U_END_PUNCTUATION ||
                      u_charType(c) == U_FINAL_PUNCTUATION)) {
            *merge = 1;
            return 0;
        }
        /* so does a piece of nothing but quotation marks and closing
         * punctuation: the closing straight quotation mark of French
         * typography, set apart by a space at the end of a paragraph
         * ("… perdue. "" gave a sentence '"') */
        if (only_closing_marks(t, next.start, next.end)) {
            *merge = 1;
            return 0;
        }
        /* a quotation closed after its terminal and followed by a
         * continuation listed in the pack ("」と語った") */
        size_t st;
        int32_t last = prev_cp(t, cur.start, cur.end, &st);
        int ellipsis = last == 0x2026 ||
                       (last == '.' && cur.end - cur.start >= 3 &&
                        memcmp(t + cur.end - 3, "...", 3) == 0);
        if (ellipsis) {
            /* a range written with an ellipsis ("+15°C... +17°C") */
            size_t nq = next.start;
            int32_t c1 = story__utf8_next(t, next.end, &nq);
            int32_t c2 = nq < next.end ? story__utf8_next(t, next.end, &nq)
                                       : -1;
            size_t cs1[1], ce1[1];
            int digit = 0;
            if (tail_chunks(t, cur.start, cur.end, cs1, ce1, 1) == 1)
                for (size_t i = cs1[0]; i < ce1[0] && !digit;) {
                    int32_t d = story__utf8_next(t, ce1[0], &i);
                    digit = d > 0 && u_isdigit(d);
                }
            if (digit && ((c1 > 0 && u_isdigit(c1)) ||
                          ((c1 == '+' || c1 == 0x2212 || c1 == '-') &&
                           c2 > 0 && u_isdigit(c2)))) {
                *merge = 1;
                return 0;
            }
        }
        json_t *qc = story_langpack_field(m->lp, "quote_continuations");
        if (json_is_array(qc) && (is_close(last) || last == 0x300D ||
                                  last == 0x300F || ellipsis)) {
            size_t k;
            json_t *e;
            json_array_foreach(qc, k, e) {
                const char *w = json_string_value(e);
                size_t wl = w ? strlen(w) : 0;
                if (wl && next.end - next.start >= wl &&
                    memcmp(t + next.start, w, wl) == 0) {
                    *merge = 1;
                    return 0;
                }
            }
        }
    }
    if ((rc = quote_attribution(merge, m, t, cur, next, err)) || *merge)
        return rc;
    char endc = t[cur.end - 1];
    if (endc != '.' && endc != '!')
        return 0; /* "!" for listed names such as "Yahoo!" */
    int nt = tail_chunks(t, cur.start, cur.end, ts, te, 3);
    int nh = head_chunks(t, next.start, next.end, hs, he, 2);
    if (nt == 0)
        return 0;
    /* hr "U travnju 2018. SAD …": a piece that is only a date adverbial
     * (a word of the pack's "year_dot_openers", at most one more word, a
     * year with its ordinal dot) has no verb: not a sentence */
    if (endc == '.' && is_year_dot(t, ts[0], te[0])) {
        size_t c4s[4], c4e[4];
        int n4 = tail_chunks(t, cur.start, cur.end, c4s, c4e, 4);
        if (n4 >= 2 && n4 <= 3) {
            size_t a = c4s[n4 - 1];
            skip_open_punct(t, &a, c4e[n4 - 1]);
            if ((rc = fold_into(&m->key, t, a, c4e[n4 - 1], err)))
                return rc;
            if (story_langpack_has(m->lp, "year_dot_openers",
                                   m->key.data)) {
                *merge = 1;
                return 0;
            }
        }
    }
    size_t c1s = ts[0];
    skip_open_punct(t, &c1s, te[0]);
    int capital, opener;
    if ((rc = next_word_info(m, t, next.start, next.end, &capital, &opener,
                             err)))
        return rc;
    int opener_split = capital && opener; /* "… U.S. Where …" */
    if (endc == '!' && is_mixed_case_bang(t, c1s, te[0])) {
        *merge = !opener_split;
        return 0;
    }

    /* listed abbreviations/titles: last k chunks of cur + first j of next */
    for (int k = 1; k <= nt; k++) {
        for (int j = 0; j <= nh && k + j <= 3; j++) {
            m->cand.len = 0;
            size_t s0 = ts[k - 1];
            if (k == 1)
                s0 = c1s;
            else
                skip_open_punct(t, &s0, te[k - 1]);
            story_buf_append(&m->cand, "", 0);
            for (int q = k - 1; q >= 0; q--) {
                size_t a = q == k - 1 ? s0 : ts[q];
                if (q != k - 1)
                    story_buf_putc(&m->cand, ' ');
                if ((rc = fold_into(&m->key, t, a, te[q], err)))
                    return rc;
                story_buf_puts(&m->cand, m->key.data);
            }
            for (int q = 0; q < j; q++) {
                story_buf_putc(&m->cand, ' ');
                if ((rc = fold_into(&m->key, t, hs[q], he[q], err)))
                    return rc;
                story_buf_puts(&m->cand, m->key.data);
            }
            if (m->cand.oom)
                return story__error(err, STORY_ENOMEM, NULL, -1,
                                    "out of memory");
            const char *c = m->cand.data;
            if (j > 0) { /* ICU split inside a multi-word abbreviation */
                if (story_langpack_has(m->lp, "abbreviations", c) ||
                    story_langpack_has(m->lp, "titles", c)) {
                    *merge = 1;
                    return 0;
                }
                continue;
            }
            if (story_langpack_has(m->lp, "titles", c)) {
                *merge = 1;
                return 0;
            }
            if (story_langpack_has(m->lp, "abbreviations", c)) {
                *merge = !opener_split;
                return 0;
            }
        }
    }
    if (endc != '.')
        return 0;
    if ((rc = fold_into(&m->key, t, c1s, te[0], err)))
        return rc;
    if (story_langpack_has(m->lp, "number_abbreviations", m->key.data)) {
        size_t q = next.start;
        skip_open_punct(t, &q, next.end);
        size_t j = q;
        int32_t c = story__utf8_next(t, next.end, &j);
        if (c >= 0 && u_isdigit(c)) {
            *merge = 1;
            return 0;
        } /* else "d." may still be an initial ("D. Russell") */
    }
    if (is_dotted_initialism(t, c1s, te[0])) {
        *merge = !opener_split;
        return 0;
    }
    if (is_single_initial(t, c1s, te[0])) {
        /* "N. I. Pirogov": another initial follows (even "I.") */
        *merge = capital && (!opener || (nh > 0 && is_single_initial(
                                             t, hs[0], he[0])));
        return 0;
    }
    /* a regnal number after a name ("Carl XVI. Gustaf") */
    if (nt >= 2 && is_roman_ordinal(t, c1s, te[0]) && capital && !opener) {
        size_t j = ts[1];
        int32_t c = story__utf8_next(t, te[1], &j);
        if (c > 0 && (u_isupper(c) || u_istitle(c))) {
            *merge = 1;
            return 0;
        }
    }
    if (m->ordinal_dot && is_ordinal(t, c1s, te[0]))
        *merge = !opener_split;
    return 0;
}

/* UAX #29 keeps "... Biogas. 2012 began ..." (a lower-case word follows
 * the number) and "... injured. - We ..." (a dash is SContinue) in one
 * sentence. Split [s, e) after a '.', '!' or '?' that follows a letter or
 * closing punctuation (closing punctuation may follow it) when white space
 * and then a digit, or a dash, white space and a letter follow. The merge
 * pass later rejoins listed abbreviations ("Nr. 5", "Jan. 5"). Pushes the
 * pieces to out. */
static int split_extra(story_vec *out, const char *t, span sp)
{
    size_t i = sp.start, piece = sp.start;
    int32_t prev = -1;
    while (i < sp.end) {
        size_t at = i;
        int32_t c = story__utf8_next(t, sp.end, &i);
        if ((c == '.' || c == '!' || c == '?') && prev > 0 &&
            (u_isalpha(prev) || is_close(prev))) {
            size_t j = i, end;
            int32_t d = -1;
            while (j < sp.end) { /* closing punctuation */
                size_t k = j;
                d = story__utf8_next(t, sp.end, &k);
                if (!is_close(d))
                    break;
                j = k;
            }
            end = j;
            int spaces = 0;
            while (j < sp.end) {
                size_t k = j;
                d = story__utf8_next(t, sp.end, &k);
                if (!u_isUWhiteSpace(d))
                    break;
                spaces++;
                j = k;
            }
            int split = 0;
            if (spaces && j < sp.end) {
                size_t k = j;
                d = story__utf8_next(t, sp.end, &k);
                if (d > 0 && u_isdigit(d)) {
                    split = 1;
                } else if (is_dash(d) && k < sp.end) {
                    int32_t sp2 = story__utf8_next(t, sp.end, &k);
                    if (k < sp.end && u_isUWhiteSpace(sp2)) {
                        int32_t l = story__utf8_next(t, sp.end, &k);
                        split = l > 0 && u_isalpha(l) && !u_isULowercase(l);
                    }
                }
            }
            if (split) {
                span a = {piece, end};
                if (!story_vec_push(out, &a))
                    return -1;
                piece = j;
                i = j;
                prev = -1;
                continue;
            }
        }
        (void)at;
        prev = c;
    }
    span a = {piece, sp.end};
    return story_vec_push(out, &a) ? 0 : -1;
}

/* Opening mark that a closing quotation mark or bracket c pairs with in
 * a run-in headline (2 for ASCII '"', counted by parity); 0 if c closes
 * nothing. */
static int32_t runin_opener(int32_t c)
{
    switch (c) {
    case '\'': return 0x2018;  /* 'x' : opened by a '\'' after a space */
    case 0x201D: return 0x201C; /* "x" (en), also opened by U+201E */
    case 0x2019: return 0x2018; /* 'x' (en), also opened by U+201A */
    case 0x201C: return 0x201E; /* „x“ (de, is, hr) */
    case 0x00BB: return 0x00AB; /* «x» */
    case 0x203A: return 0x2039;
    case 0x300D: return 0x300C; /* 「x」 */
    case 0x300F: return 0x300E;
    case ')': return '(';
    default: return 0;
    }
}

#define RUNIN_HEAD_WORDS 3 /* a headline: at least 3 words ... */
#define RUNIN_HEAD_CPS 6   /* ... or 6 code points without spaces (zh, ja) */

/* A run-in headline: news text often carries its headline and its first
 * sentence on one line ("Minister quits over 'lost files' The minister
 * resigned on Monday."). Such a headline ends with a closing quotation
 * mark (or bracket) and no terminal, so UAX #29 sees no boundary. In the
 * first piece of a paragraph, end a sentence after a closing quotation
 * mark whose opening mark lies in the same piece, when white space and a
 * letter that is not lower case follow (a case-less script counts), the
 * head holds at least RUNIN_HEAD_WORDS words (RUNIN_HEAD_CPS code points
 * if it has no space) and the rest at least two words or RUNIN_HEAD_CPS
 * code points. A bracket counts only when its content starts with a
 * lower-case letter or a symbol ("(opinion)", not the acronym in
 * "(WHO) Director-General"). Returns the end of the headline, or 0. */
static int runin_headline_end(size_t *out, merge_ctx *m, const char *t,
                              span sp, story_error *err)
{
    *out = 0;
    size_t i = sp.start;
    int words = 0, in_word = 0, ncp = 0, straight = 0, spaced = 0;
    int cjk = 0, kana = 0, long_words = 0, long_caps = 0, wcp = 0, wcap = 0;
    int open_sq = 0, open_dq = 0, open_low9 = 0, open_sq9 = 0,
        open_guil = 0, open_sguil = 0, open_cjk = 0, open_cjk2 = 0;
    int32_t prev = -1;
    size_t paren_content = (size_t)-1, quote_content = sp.start;
    while (i < sp.end) {
        size_t at = i;
        int32_t c = story__utf8_next(t, sp.end, &i);
        if (c < 0)
            return 0;
        ncp++;
        /* ASCII without ICU calls (the same answers: story__ascii_props) */
        unsigned ap = c < 0x80 ? story__ascii_props(c) : 0;
        int space = c < 0x80 ? (ap & STORY_ASCII_SPACE) != 0
                             : u_isUWhiteSpace(c);
        if (space) {
            if (in_word && wcp >= 4) { /* title case: "Unite For Medals" */
                long_words++;
                long_caps += wcap;
            }
            in_word = 0;
            spaced = 1;
        } else if (!in_word) {
            in_word = 1;
            words++;
            wcp = 0;
            wcap = c < 0x80 ? (ap & STORY_ASCII_UPPER) != 0
                            : u_isupper(c) || u_istitle(c);
        }
        if (!space &&
            (c < 0x80 ? (ap & STORY_ASCII_ALPHA) != 0 : u_isalpha(c))) {
            wcp++;
            if (!wcap && wcp == 1)
                wcap = c < 0x80 ? (ap & STORY_ASCII_UPPER) != 0
                                : u_isupper(c) || u_istitle(c);
        }
        /* Chinese, written without spaces between words, where a space
         * after a quotation is a layout break; not Japanese (kana), whose
         * headlines run on into a subheading ("…「…」 …") */
        if (c >= 0x3040 && c <= 0x30FF)
            kana = 1;
        else if (c >= 0x80 && u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC))
            cjk = 1; /* (no ASCII character is ideographic) */
        int opens = 0;
        switch (c) {
        case '"': straight++; opens = straight & 1; break;
        case '\'': if (prev < 0 || u_isUWhiteSpace(prev)) opens = open_sq = 1; break;
        case 0x201C: opens = !open_low9; open_dq = 1; break;
        case 0x2018: open_sq = opens = 1; break;
        case 0x201E: open_low9 = opens = 1; break;
        case 0x201A: open_sq9 = opens = 1; break;
        case 0x00AB: open_guil = opens = 1; break;
        case 0x2039: open_sguil = opens = 1; break;
        case 0x300C: open_cjk = opens = 1; break;
        case 0x300E: open_cjk2 = opens = 1; break;
        case '(': paren_content = i; opens = 1; break;
        default: break;
        }
        if (opens && c != '(')
            quote_content = i;
        int32_t o = runin_opener(c);
        if ((c != '"' || opens) && (!o || opens))
            goto next;
        if (prev < 0 || u_isUWhiteSpace(prev) || prev == '.' ||
            prev == '!' || prev == '?' || prev == 0x3002 || prev == ',' ||
            prev == 0xFF0C || prev == 0x3001)
            goto next; /* a mark after a space opens; after a terminal,
                          UAX #29 decides; after a comma the sentence
                          goes on */
        int closed;
        switch (c) {
        case '"': closed = 1; break; /* even count */
        case '\'': closed = open_sq; break;
        case 0x201D: closed = open_dq || open_low9; break;
        case 0x2019: closed = open_sq || open_sq9; break;
        case 0x201C: closed = open_low9; break;
        case 0x00BB: closed = open_guil; break;
        case 0x203A: closed = open_sguil; break;
        case 0x300D: closed = open_cjk; break;
        case 0x300F: closed = open_cjk2; break;
        case ')': {
            closed = 0;
            if (paren_content == (size_t)-1)
                break;
            size_t q = paren_content;
            int32_t f = story__utf8_next(t, sp.end, &q);
            closed = f > 0 && (u_isULowercase(f) ||
                               (!u_isalnum(f) && !u_isUWhiteSpace(f)));
            break;
        }
        default: closed = 0;
        }
        if (kana)
            cjk = 0;
        if (!closed || (words < RUNIN_HEAD_WORDS &&
                        (!cjk || ncp < RUNIN_HEAD_CPS)))
            goto next;
        {
            size_t end = i, j = i;
            int gap = 0;
            int32_t d = -1;
            while (j < sp.end) {
                size_t k = j;
                d = story__utf8_next(t, sp.end, &k);
                if (!u_isUWhiteSpace(d))
                    break;
                gap = 1;
                j = k;
            }
            if (!gap || j >= sp.end || d <= 0 || !u_isalpha(d) ||
                u_isULowercase(d))
                goto next;
            /* a case-less letter tells a new sentence only in the
             * ideographic scripts, whose headlines are counted in code
             * points above; in Devanagari or Arabic the quotation goes
             * on in its sentence (hi '"…" को मानता है।': 'considers
             * "…"') */
            if (!u_isupper(d) && !u_istitle(d) &&
                !u_hasBinaryProperty(d, UCHAR_IDEOGRAPHIC) &&
                !(d >= 0x3040 && d <= 0x30FF) &&
                !(d >= 0xAC00 && d <= 0xD7AF))
                goto next;
            /* the rest: two words, or RUNIN_HEAD_CPS code points */
            int rw = 0, rin = 0, rcp = 0;
            for (size_t k = j; k < sp.end && rw < 2;) {
                int32_t r = story__utf8_next(t, sp.end, &k);
                rcp++;
                if (u_isUWhiteSpace(r))
                    rin = 0;
                else if (!rin) {
                    rin = 1;
                    rw++;
                }
            }
            if (rw < 2 && rcp < RUNIN_HEAD_CPS)
                goto next;
            /* a quotation of one word is often a name or a modifier of
             * the capitalised noun that follows ("the „rote“ Zone",
             * "forward of "Washington" Alexander Ovechkin"): then the
             * next word must be a listed sentence opener */
            /* in a title-case headline every word is capitalised: the
             * capital after the mark tells nothing either */
            int title = long_words >= 3 && long_caps == long_words;
            int multi = !title && (c == ')' || (cjk && !spaced)), qw = 0,
                qin = 0;
            for (size_t k = quote_content; k < at && !multi;) {
                int32_t r = story__utf8_next(t, at, &k);
                if (u_isUWhiteSpace(r))
                    qin = 0;
                else if (!qin) {
                    qin = 1;
                    multi = ++qw >= 2 && !title;
                }
            }
            if (!multi) {
                int capital, opener, rc;
                if ((rc = next_word_info(m, t, j, sp.end, &capital, &opener,
                                         err)))
                    return rc;
                if (!opener)
                    goto next;
            }
            *out = end;
            return 0;
        }
    next:
        prev = c;
    }
    return 0;
}

/* ------------------------------------------------------------- tokens */

static int token_key(char **out, story_buf *b, const char *t, size_t s,
                     size_t e, story_error *err)
{
    int ascii = 1;
    for (size_t i = s; i < e && ascii; i++) {
        unsigned char c = (unsigned char)t[i];
        ascii = c < 0x80 && c != '`';
    }
    if (ascii) {
        *out = story__strndup(t + s, e - s);
        if (!*out)
            return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
        for (char *p = *out; *p; p++)
            if (*p >= 'A' && *p <= 'Z')
                *p = (char)(*p - 'A' + 'a');
        return 0;
    }
    int rc = fold_into(b, t, s, e, err);
    if (rc)
        return rc;
    *out = story__strndup(b->data, b->len);
    if (!*out)
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    return 0;
}

static unsigned token_flags(const char *t, size_t s, size_t e, int32_t status)
{
    unsigned f = 0;
    int first = 1;
    if (status >= UBRK_WORD_KANA && status < UBRK_WORD_IDEO_LIMIT)
        f |= STORY_TOKEN_IDEO;
    for (size_t i = s; i < e;) {
        int32_t c = story__utf8_next(t, e, &i);
        if (c < 0)
            continue;
        if (c < 0x80) {
            /* ASCII: what the ICU calls below give (digits 0-9, letters
             * A-Z a-z of script Latin, capitals A-Z, nothing ignorable) */
            if (c >= '0' && c <= '9')
                f |= STORY_TOKEN_NUMBER;
            else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
                f |= STORY_TOKEN_LETTER;
            if (first) {
                if (c >= 'A' && c <= 'Z')
                    f |= STORY_TOKEN_CAPITAL;
                first = 0;
            }
            continue;
        }
        if (u_isdigit(c))
            f |= STORY_TOKEN_NUMBER;
        if (u_isalpha(c)) {
            f |= STORY_TOKEN_LETTER;
            if (!(f & STORY_TOKEN_IDEO)) {
                UErrorCode ue = U_ZERO_ERROR;
                UScriptCode sc = uscript_getScript(c, &ue);
                if (sc == USCRIPT_HAN || sc == USCRIPT_HIRAGANA ||
                    sc == USCRIPT_KATAKANA)
                    f |= STORY_TOKEN_IDEO;
            }
        }
        if (first && !story__is_ignorable(c)) {
            if (u_isupper(c) || u_istitle(c))
                f |= STORY_TOKEN_CAPITAL;
            first = 0;
        }
    }
    return f;
}

/* ---------------------------------------------------------- paragraphs */

/* Ingest normally fills paragraphs; if it did not, split on blank lines. */
static int ensure_paragraphs(story_article *a, story_error *err)
{
    if (a->n_paragraphs > 0 || a->text_len == 0)
        return 0;
    story_vec v;
    story_vec_init(&v, sizeof(story_paragraph));
    const char *t = a->text;
    size_t i = 0, n = a->text_len;
    while (i < n) {
        size_t s = i;
        const char *p = NULL;
        for (size_t k = i; k + 1 < n; k++)
            if (t[k] == '\n' && t[k + 1] == '\n') {
                p = t + k;
                break;
            }
        size_t e = p ? (size_t)(p - t) : n;
        span sp = {s, e};
        trim(t, &sp);
        if (sp.end > sp.start) {
            story_paragraph para;
            memset(&para, 0, sizeof para);
            para.start = sp.start;
            para.end = sp.end;
            para.kind = STORY_BLOCK_PARAGRAPH;
            if (!story_vec_push(&v, &para)) {
                story_vec_free(&v);
                return story__error(err, STORY_ENOMEM, NULL, -1,
                                    "out of memory");
            }
        }
        i = p ? e + 2 : n;
    }
    a->paragraphs = v.data;
    a->n_paragraphs = v.len;
    return 0;
}

static int same_family(const char *x, const char *y)
{
    static const char *const latin[] = {"en", "de", "fr", "es", "it",
                                        "pl", "cs", "is", NULL};
    int lx = 0, ly = 0;
    for (int i = 0; latin[i]; i++) {
        lx |= strcmp(x, latin[i]) == 0;
        ly |= strcmp(y, latin[i]) == 0;
    }
    if (lx && ly)
        return 1;
    int cx = !strcmp(x, "uk") || !strcmp(x, "ru");
    int cy = !strcmp(y, "uk") || !strcmp(y, "ru");
    return cx && cy;
}

/* Is the text too short to identify its language: fewer than
 * STORY_LANGID_MIN_WORDS words or STORY_LANGID_MIN_LETTERS letters, and
 * no paragraph decided by its script alone (how == 0: Han, Kana, Arabic,
 * Devanagari …, or uk/ru letters)? "Hello." reads as Italian by n-grams. */
static int too_few(const story_article *a, size_t min_words,
                   size_t min_letters, size_t min_lower);
static int too_short(const story_article *a, const int *how)
{
    for (size_t i = 0; i < a->n_paragraphs; i++)
        if (a->paragraphs[i].lang[0] && how[i] == 0)
            return 0;
    return too_few(a, STORY_LANGID_MIN_WORDS, STORY_LANGID_MIN_LETTERS, 0);
}

/* 1 when the text has fewer than min_words words, min_letters letters or
 * min_lower words that start with a lower-case letter; the scan stops as
 * soon as all three are reached, so a long article costs a few words. */
static int too_few(const story_article *a, size_t min_words,
                   size_t min_letters, size_t min_lower)
{
    size_t words = 0, letters = 0, lower = 0;
    int in_word = 0;
    for (size_t i = 0; i < a->text_len;) {
        if (words >= min_words && letters >= min_letters && lower >= min_lower)
            return 0;
        int32_t c = story__utf8_next(a->text, a->text_len, &i);
        int l = c >= 0 && u_isalpha(c);
        letters += (size_t)l;
        words += (size_t)(l && !in_word);
        lower += (size_t)(l && !in_word && u_islower(c));
        in_word = l || (in_word && (c == '\'' || c == 0x2019 || c == '-'));
    }
    return !(words >= min_words && letters >= min_letters &&
             lower >= min_lower);
}

/* Is a short Latin-script text's n-gram guess unconfirmed: every
 * paragraph read by exttextcat among the Latin-script languages (how ==
 * 1), fewer than STORY_LANGID_CONFIRM_WORDS lower-case words in the whole
 * text, and not one of them a stop word of `lang`? "Police said 1,800
 * homes lost power." is Spanish to the n-grams (fresh-user 15 M6,
 * session 15), and Spanish reads "1,800" as 1.8; "Die Abstimmung fand am
 * Freitag um 16 Uhr statt." has four lower-case words, two of them German
 * stop words, and stays German. */
#define STORY_LANGID_CONFIRM_WORDS 8
static int short_unconfirmed(story_ctx *ctx, const story_article *a,
                             const int *how, const char *lang)
{
    if (!*lang)
        return 0;
    for (size_t i = 0; i < a->n_paragraphs; i++)
        if (a->paragraphs[i].lang[0] && how[i] != 1)
            return 0;
    /* count cheaply first: the stop-word test normalises every word */
    if (!too_few(a, 0, 0, STORY_LANGID_CONFIRM_WORDS))
        return 0;
    return story__langid_stopword_hits(ctx, lang, a->text, a->text_len,
                                       NULL) == 0;
}

/* Paragraph languages and the document language (majority by bytes). */
static int identify(story_ctx *ctx, story_article *a, const char *hint,
                    story_error *err)
{
    char doc[16] = "";
    const char *fallback = "und";
    a->lang_uncertain = 0;
    if (hint && hint[0] == '?') {
        if (hint[1])
            fallback = hint + 1;
        hint = NULL;
    }
    if (hint && *hint && story_lang_check(ctx, hint) == STORY_EINVAL)
        /* a malformed tag was taken as the language as it stood
         * ("zz-Qqqq-99", fresh-user L5 of session 10) */
        return story__error(err, STORY_EINVAL, a->source, -1,
                            "language '%s' is not a BCP 47 language tag",
                            hint);
    if (hint && *hint) {
        snprintf(doc, sizeof doc, "%s", hint);
        for (size_t i = 0; i < a->n_paragraphs; i++)
            snprintf(a->paragraphs[i].lang, sizeof a->paragraphs[i].lang,
                     "%s", doc);
    } else {
        int *how = story__calloc(a->n_paragraphs + 1, sizeof *how);
        if (!how)
            return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
        /* a paragraph in the language n-grams found for an earlier one
         * is confirmed by its stop words, without running exttextcat
         * again (story__langid_confirm) */
        char known[16] = "";
        for (size_t i = 0; i < a->n_paragraphs; i++) {
            story_paragraph *p = &a->paragraphs[i];
            const char *pt = a->text + p->start;
            size_t pl = p->end - p->start;
            if (*known && story__langid_confirm(ctx, known, pt, pl)) {
                snprintf(p->lang, sizeof p->lang, "%s", known);
                how[i] = 1;
                continue;
            }
            int rc = story__langid_detail(ctx, pt, pl, p->lang,
                                          sizeof p->lang, &how[i], err);
            if (rc) {
                free(how);
                return rc;
            }
            if (how[i] == 1 && *p->lang)
                snprintf(known, sizeof known, "%s", p->lang);
        }
        /* majority by bytes: one sum per distinct language (a few), so
         * a long article stays linear in its paragraphs; ties go to the
         * language seen first */
        size_t *sum = story__calloc(a->n_paragraphs + 1, sizeof *sum);
        size_t *first = story__calloc(a->n_paragraphs + 1, sizeof *first);
        size_t n_lang = 0, best = 0;
        if (!sum || !first) {
            free(sum);
            free(first);
            free(how);
            return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
        }
        for (size_t i = 0; i < a->n_paragraphs; i++) {
            const char *l = a->paragraphs[i].lang;
            if (!*l)
                continue;
            size_t j = 0;
            while (j < n_lang && strcmp(a->paragraphs[first[j]].lang, l) != 0)
                j++;
            if (j == n_lang)
                first[n_lang++] = i;
            sum[j] += a->paragraphs[i].end - a->paragraphs[i].start;
        }
        for (size_t j = 0; j < n_lang; j++)
            if (sum[j] > best) {
                best = sum[j];
                snprintf(doc, sizeof doc, "%s", a->paragraphs[first[j]].lang);
            }
        free(sum);
        free(first);
        /* a document in a language without a pack whose paragraphs each
         * pass for a supported one (Portuguese as Spanish): relabel the
         * paragraphs of the document's language (langid step 4) */
        char other[16];
        int orc = *doc ? story__langid_unpacked(ctx, doc, a->text,
                                                a->text_len, other,
                                                sizeof other)
                       : 0;
        if (orc) {
            free(how);
            return story__error(err, orc, NULL, -1, "out of memory");
        }
        if (*doc && *other) {
            for (size_t i = 0; i < a->n_paragraphs; i++)
                if (strcmp(a->paragraphs[i].lang, doc) == 0)
                    snprintf(a->paragraphs[i].lang,
                             sizeof a->paragraphs[i].lang, "%s", other);
            snprintf(doc, sizeof doc, "%s", other);
        }
        /* n-gram guesses on short paragraphs (headings, captions) are
         * unreliable: take the document's language of the same script,
         * unless the paragraph's stop words confirm its own */
        for (size_t i = 0; i < a->n_paragraphs; i++) {
            story_paragraph *p = &a->paragraphs[i];
            if (!*p->lang ||
                (how[i] && p->end - p->start < 100 && *doc &&
                 strcmp(p->lang, doc) != 0 && same_family(p->lang, doc) &&
                 !story__langid_confirm(ctx, p->lang, a->text + p->start,
                                        p->end - p->start)))
                snprintf(p->lang, sizeof p->lang, "%s", doc);
        }
        int guess = 0;
        if (a->n_paragraphs && (too_short(a, how) ||
                                (guess = short_unconfirmed(ctx, a, how,
                                                           doc)) != 0)) {
            /* no random guess: the fallback, documented; a short text
             * whose stop words do not confirm the n-grams keeps their
             * guess unless a fallback was given ("?en": the other
             * document of a comparison) */
            a->lang_uncertain = 1;
            if (!guess || strcmp(fallback, "und") != 0) {
                snprintf(doc, sizeof doc, "%s", fallback);
                for (size_t i = 0; i < a->n_paragraphs; i++)
                    snprintf(a->paragraphs[i].lang,
                             sizeof a->paragraphs[i].lang, "%s", doc);
            }
        }
        free(how);
    }
    a->lang_no_pack = !*doc || story_lang_check(ctx, doc) != 1;
    char *l = story__strdup(doc);
    if (!l)
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    free(a->lang);
    a->lang = l;
    return 0;
}

/* ------------------------------------------------------------ segment */

/* Line lengths of a hard-wrapped plain text: its longest line has at
 * most WRAP_MAX_COLUMNS code points, and at least WRAP_LONG_SHARE of the
 * lines that end in a single newline (not a paragraph's last line) are
 * at least WRAP_FILL of that long, over at least WRAP_MIN_LINES lines. */
#define WRAP_MAX_COLUMNS 100
#define WRAP_FILL 0.6
#define WRAP_LONG_SHARE 0.8
#define WRAP_MIN_LINES 3

/* 1 when the text of a plain-text article is hard-wrapped (an agency wire
 * or mail body folded at a fixed width): then a single newline inside a
 * paragraph is only where the line was folded, not a sentence break.
 * UAX #29 (rule SB4) breaks after every line separator, so without this
 * "Mayor\nAnna Keller said" would be two sentences. A headline on its
 * own line above its body ("Title\nBody ...") is a short line, so such
 * texts are not taken as wrapped. */
int story__text_hard_wrapped(const char *t, size_t n)
{
    size_t longest = 0, inner = 0, long_inner = 0;
    /* two passes: the longest line, then the inner lines' fill */
    for (int pass = 0; pass < 2; pass++) {
        size_t i = 0;
        while (i < n) {
            size_t e = i, cps = 0;
            while (e < n && t[e] != '\n') {
                cps += ((unsigned char)t[e] & 0xC0) != 0x80;
                e++;
            }
            if (pass == 0) {
                if (cps > longest)
                    longest = cps;
            } else if (e + 1 < n && t[e + 1] != '\n' && cps > 0) {
                /* a line folded into the next one of its paragraph */
                inner++;
                long_inner += (double)cps >= WRAP_FILL * (double)longest;
            }
            i = e + 1;
        }
        if (pass == 0 && (longest == 0 || longest > WRAP_MAX_COLUMNS))
            return 0;
    }
    return inner >= WRAP_MIN_LINES &&
           (double)long_inner >= WRAP_LONG_SHARE * (double)inner;
}

static int hard_wrapped(const story_article *a)
{
    if (!a->format || strcmp(a->format, "text") != 0)
        return 0;
    return story__text_hard_wrapped(a->text, a->text_len);
}

/* A full stop with no space after it between two sentences, which
 * UAX #29 and the merge pass keep together ("… evakuiert worden.Niemand
 * wurde …", "… de Europa Press.así …"): the end of the first glued
 * boundary in (from, cur.end), the byte right after its '.', or 0.
 * Conditions: the word before the '.' has at least three letters, ends in
 * a lower-case letter and follows no '.', '@', '/', '-', '_', ':', '='
 * or digit (domain names, e-mail addresses, URLs: "example.com",
 * "bbc.co.uk", "www.vhs-bad-schwartau.de"); with the
 * '.' it is no listed abbreviation or title ("St.Petersburg"); the word
 * after it is a run of letters ending at white space or punctuation other
 * than '.', '@', '/', '-' and is capitalised with a lower-case second
 * letter and at least three letters ("Niemand", not "COVID" or the
 * "Ru" of "Gazeta.Ru") or a listed sentence opener of the
 * pack ("así", "he"). Initials and initialisms ("z.B.", "U.S.") have
 * one-letter words; decimals have digits: neither is split. */
static int glued_boundary(size_t *out, merge_ctx *m, const char *t,
                          span cur, size_t from, story_error *err)
{
    *out = 0;
    for (size_t k = from; k + 2 < cur.end; k++) {
        if (t[k] != '.' || k < cur.start + 2)
            continue;
        size_t st;
        int32_t pc = prev_cp(t, cur.start, k, &st);
        if (pc <= 0 || !u_isULowercase(pc))
            continue;
        /* the word before */
        size_t ws = k;
        int letters = 0;
        int32_t before = -1;
        while (ws > cur.start) {
            int32_t c = prev_cp(t, cur.start, ws, &st);
            if (!u_isalpha(c) && u_charType(c) != U_NON_SPACING_MARK) {
                before = c;
                break;
            }
            ws = st;
            letters++;
        }
        if (letters < 3 || before == '.' || before == '@' || before == '/' ||
            before == '-' || before == '_' || before == ':' ||
            before == '=' || (before > 0 && u_isdigit(before)))
            continue;
        /* the word after */
        size_t we = k + 1, j = we;
        int32_t c0 = story__utf8_next(t, cur.end, &j), c1 = -1, after = -1;
        if (c0 <= 0 || !u_isalpha(c0))
            continue;
        we = j;
        int n = 1;
        while (we < cur.end) {
            size_t q = we;
            int32_t c = story__utf8_next(t, cur.end, &q);
            if (!u_isalpha(c) && u_charType(c) != U_NON_SPACING_MARK) {
                after = c;
                break;
            }
            if (n++ == 1)
                c1 = c;
            we = q;
        }
        if (after == '.' || after == '@' || after == '/' || after == '-' ||
            (after > 0 && u_isdigit(after)))
            continue;
        int rc;
        if ((rc = fold_into(&m->key, t, ws, k + 1, err)))
            return rc;
        if (story_langpack_has(m->lp, "abbreviations", m->key.data) ||
            story_langpack_has(m->lp, "titles", m->key.data))
            continue;
        int split = (u_isupper(c0) || u_istitle(c0)) && c1 > 0 &&
                    u_isULowercase(c1) && n >= 3; /* not "Gazeta.Ru" */
        if (!split) {
            if ((rc = fold_into(&m->key, t, k + 1, we, err)))
                return rc;
            split = story_langpack_has(m->lp, "sentence_openers",
                                       m->key.data);
        }
        if (split) {
            *out = k + 1;
            return 0;
        }
    }
    return 0;
}

static int segment_paragraph(story_ctx *ctx, story_article *a, size_t pi,
                             story_vec *sents, story_vec *toks,
                             story_vec *raw, merge_ctx *m, story_error *err)
{
    story_paragraph *p = &a->paragraphs[pi];
    const char *t = a->text;
    size_t base = p->start, plen = p->end - p->start;
    story_seg_brk *b;
    const story_langpack *lp;
    int rc = story_langpack_get(&lp, ctx, p->lang, err);
    if (rc)
        return rc;
    /* "icu_suppressions": false turns off CLDR's @ss=standard for packs
     * whose list misfires (de in ICU 72 suppresses every break after a
     * word ending in "er.") */
    int ss = !json_is_false(story_langpack_field(lp, "icu_suppressions"));
    if ((rc = get_brk(&b, ctx, p->lang, ss, err)))
        return rc;
    m->lp = lp;
    m->ordinal_dot =
        json_is_true(story_langpack_field(lp, "ordinal_dot_merge"));

    UErrorCode e = U_ZERO_ERROR;
    const char *src = t + base;
    if (m->wrapped && memchr(src, '\n', plen)) {
        /* the folds of a hard-wrapped paragraph become spaces in the
         * article's text itself (same byte length, so every offset stays
         * the same): every later stage reads one line. Session 14
         * (fresh-user 14 H5): only the sentence breaker read a copy, so a
         * quotation folded over two lines was paired from a closing mark
         * to the next opening one, and "more than" at a line end lost its
         * number (6 certain false differences against the same article
         * unfolded) */
        for (size_t k = 0; k < plen; k++)
            if (a->text[base + k] == '\n')
                a->text[base + k] = ' ';
    }
    UText *ut = utext_openUTF8(NULL, src, (int64_t)plen, &e);
    if (U_FAILURE(e))
        return story__error(err, STORY_EICU, a->source, (long long)base,
                            "cannot open UText: %s", u_errorName(e));
    ubrk_setUText(b->sent, ut, &e);
    if (U_FAILURE(e)) {
        utext_close(ut);
        return story__error(err, STORY_EICU, a->source, (long long)base,
                            "sentence break: %s", u_errorName(e));
    }
    raw->len = 0;
    int32_t s = ubrk_first(b->sent);
    size_t carry = (size_t)-1; /* opening punctuation moved forward */
    for (int32_t x = ubrk_next(b->sent); x != UBRK_DONE;
         s = x, x = ubrk_next(b->sent)) {
        span sp = {base + (size_t)s, base + (size_t)x};
        if (carry != (size_t)-1)
            sp.start = carry;
        carry = (size_t)-1;
        trim(t, &sp);
        /* UAX #29 counts opening brackets as Close, so "述べた。「" ends
         * with the quotation's opening bracket: give it to the next
         * sentence */
        if (x != (int32_t)plen) {
            size_t op = sp.end, st;
            while (op > sp.start) {
                int32_t c = prev_cp(t, sp.start, op, &st);
                if (u_charType(c) != U_START_PUNCTUATION)
                    break;
                op = st;
            }
            if (op < sp.end && op > sp.start) {
                carry = op;
                sp.end = op;
                trim(t, &sp);
            }
        }
        /* a closing quotation mark detached by a space ("… gagner. "
         * Mais …") ends the previous sentence */
        if (raw->len > 0 && sp.end > sp.start) {
            span *pv = &((span *)raw->data)[raw->len - 1];
            size_t j = sp.start, st;
            int32_t q = story__utf8_next(t, sp.end, &j);
            int32_t last = prev_cp(t, pv->start, pv->end, &st);
            size_t k = j;
            int32_t after = j < sp.end ? story__utf8_next(t, sp.end, &k) : -1;
            /* an ASCII '"' closes only a sentence that holds an odd
             * number of them */
            size_t nquotes = 0, lastq = (size_t)-1;
            for (size_t qi = pv->start; qi < pv->end; qi++)
                if (t[qi] == '"') {
                    nquotes++;
                    lastq = qi;
                }
            /* ... and when that sentence's quotation opened without a
             * space after the mark (French spacing '" Le' opens one) */
            int closing = q == '"' ? (int)(nquotes & 1) &&
                                         lastq + 1 < pv->end &&
                                         !u_isUWhiteSpace(t[lastq + 1]) :
                          (q != '\'' && q != 0x201C && is_close(q));
            if (closing && after > 0 && u_isUWhiteSpace(after) &&
                (last == '.' || last == '!' || last == '?')) {
                pv->end = j;
                sp.start = j;
                trim(t, &sp);
            }
        }
        if (sp.end > sp.start && split_extra(raw, t, sp))
            goto oom;
    }
    size_t first_sent = sents->len;
    span *r = raw->data;
    for (size_t i = 0; i < raw->len;) {
        span cur = r[i++];
        while (i < raw->len) {
            int merge;
            if ((rc = should_merge(&merge, m, t, cur, r[i], err)))
                goto fail;
            if (!merge)
                break;
            cur.end = r[i++].end;
        }
        if (sents->len == first_sent) { /* a run-in headline */
            size_t he;
            if ((rc = runin_headline_end(&he, m, t, cur, err)))
                goto fail;
            if (he) {
                story_sentence hs = {cur.start, he, pi};
                if (!story_vec_push(sents, &hs))
                    goto oom;
                cur.start = he;
                trim(t, &cur);
            }
        }
        /* glued sentences ("worden.Niemand") */
        for (size_t gb; cur.end > cur.start;) {
            if ((rc = glued_boundary(&gb, m, t, cur, cur.start, err)))
                goto fail;
            if (!gb)
                break;
            story_sentence gs = {cur.start, gb, pi};
            if (!story_vec_push(sents, &gs))
                goto oom;
            cur.start = gb;
        }
        story_sentence se = {cur.start, cur.end, pi};
        if (!story_vec_push(sents, &se))
            goto oom;
    }

    ubrk_setUText(b->word, ut, &e);
    if (U_FAILURE(e)) {
        rc = story__error(err, STORY_EICU, a->source, (long long)base,
                          "word break: %s", u_errorName(e));
        goto fail;
    }
    size_t si = first_sent;
    story_sentence *sv = sents->data;
    s = ubrk_first(b->word);
    for (int32_t x = ubrk_next(b->word); x != UBRK_DONE;
         s = x, x = ubrk_next(b->word)) {
        int32_t status = ubrk_getRuleStatus(b->word);
        if (status >= UBRK_WORD_NONE && status < UBRK_WORD_NONE_LIMIT)
            continue;
        story_token tk;
        tk.start = base + (size_t)s;
        tk.end = base + (size_t)x;
        while (si + 1 < sents->len && sv[si].end <= tk.start)
            si++;
        /* a word that runs across a glued sentence boundary
         * ("worden.Niemand", one word for UAX #29) is cut at the '.':
         * its first part ends this sentence */
        if (si + 1 < sents->len && sv[si].end > tk.start &&
            sv[si].end < tk.end && sv[si + 1].start == sv[si].end &&
            t[sv[si].end - 1] == '.') {
            story_token t1;
            t1.start = tk.start;
            t1.end = sv[si].end - 1;
            t1.sentence = si;
            t1.flags = token_flags(t, t1.start, t1.end, status);
            if ((rc = token_key(&t1.key, &m->cand, t, t1.start, t1.end,
                                err)))
                goto fail;
            if (!story_vec_push(toks, &t1)) {
                free(t1.key);
                goto oom;
            }
            tk.start = sv[si].end;
            si++;
        }
        tk.sentence = si < sents->len ? si : 0;
        tk.flags = token_flags(t, tk.start, tk.end, status);
        if ((rc = token_key(&tk.key, &m->cand, t, tk.start, tk.end, err)))
            goto fail;
        if (!story_vec_push(toks, &tk)) {
            free(tk.key);
            goto oom;
        }
    }
    utext_close(ut);
    return 0;
oom:
    rc = story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
fail:
    utext_close(ut);
    return rc;
}

int story_segment(story_ctx *ctx, story_article *a, const char *lang_hint,
                  story_error *err)
{
    if (!ctx || !a)
        return story__error(err, STORY_EINVAL, NULL, -1,
                            "story_segment: NULL context or article");
    if (!a->text && a->text_len)
        return story__error(err, STORY_EINVAL, a->source, -1,
                            "article has no text");
    /* re-segmenting: drop the previous result */
    free(a->sentences);
    a->sentences = NULL;
    a->n_sentences = 0;
    for (size_t i = 0; i < a->n_tokens; i++)
        free(a->tokens[i].key);
    free(a->tokens);
    a->tokens = NULL;
    a->n_tokens = 0;

    int rc = ensure_paragraphs(a, err);
    if (rc)
        return rc;
    for (size_t i = 0; i < a->n_paragraphs; i++)
        if (a->paragraphs[i].end < a->paragraphs[i].start ||
            a->paragraphs[i].end > a->text_len)
            return story__error(err, STORY_EINVAL, a->source,
                                (long long)a->paragraphs[i].start,
                                "paragraph %zu lies outside the text", i);
    if ((rc = identify(ctx, a, lang_hint, err)))
        return rc;

    story_vec sents, toks, raw;
    story_vec_init(&sents, sizeof(story_sentence));
    story_vec_init(&toks, sizeof(story_token));
    story_vec_init(&raw, sizeof(span));
    merge_ctx m;
    memset(&m, 0, sizeof m);
    m.wrapped = hard_wrapped(a);
    for (size_t i = 0; i < a->n_paragraphs && !rc; i++)
        rc = segment_paragraph(ctx, a, i, &sents, &toks, &raw, &m, err);
    story_buf_free(&m.key);
    story_buf_free(&m.cand);
    story_vec_free(&raw);
    if (rc) {
        story_token *tv = toks.data;
        for (size_t i = 0; i < toks.len; i++)
            free(tv[i].key);
        story_vec_free(&toks);
        story_vec_free(&sents);
        return rc;
    }
    a->sentences = sents.data;
    a->n_sentences = sents.len;
    a->tokens = toks.data;
    a->n_tokens = toks.len;
    return 0;
}
