/*
 * Stage 1, ingest: charset decision and conversion to UTF-8.
 *
 * Order (docs/ingest.md): the caller's --encoding; a byte order mark; the
 * HTTP Content-Type charset (or the --save sidecar's); for HTML the
 * <meta charset> / http-equiv / XML declaration in the first 8 KiB (the
 * WHATWG "prescan a byte stream" idea, HTML Living Standard 13.2.3.2); valid
 * UTF-8; ICU charset detection (ucsdet_detectAll, filtered and re-ranked
 * in detect_charset: no UTF-16/32 without a BOM, close candidates weighed
 * by CLDR exemplar characters). A BOM is checked before the HTTP
 * header as the WHATWG Encoding Standard's "decode" algorithm does. Labels
 * are mapped as the WHATWG Encoding Standard does for the common cases
 * (iso-8859-1 and us-ascii mean windows-1252, gb2312 means GBK). Conversion
 * uses ICU ucnv with the STOP callback, so an undecodable byte is an error
 * naming its offset, never silently replaced.
 *
 * Declared charsets that contradict the bytes ("the page lies"):
 *  - declared single-byte/legacy charset, bytes valid UTF-8 with at least
 *    one multi-byte sequence -> UTF-8 (decoding as declared would produce
 *    mojibake);
 *  - declared UTF-8, bytes not valid UTF-8 and without any valid multi-byte
 *    UTF-8 sequence -> ICU detection;
 *  - declared UTF-8, mostly valid UTF-8 with a few invalid bytes -> an
 *    error naming the first invalid byte offset.
 * After decoding, the text is refused when it holds NUL or too many other
 * C0 control characters (binary) or looks like mojibake (UTF-8 that was
 * decoded as windows-1252 and re-encoded).
 */
#include "internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <unicode/ucnv.h>
#include <unicode/uchar.h>
#include <unicode/ucsdet.h>
#include <unicode/uloc.h>
#include <unicode/ulocdata.h>
#include <unicode/uset.h>
#include <unicode/ustring.h>

#include "ingest_int.h"

static void copy_name(char *dst, const char *src, size_t n)
{
    size_t i = 0;
    for (; src[i] && i + 1 < n; i++)
        dst[i] = src[i];
    dst[i] = '\0';
}

int story__content_type_charset(const char *ct, char *buf, size_t bufsz)
{
    const char *p = ct;
    buf[0] = '\0';
    if (!ct)
        return 0;
    while ((p = strchr(p, ';')) != NULL) {
        p++;
        while (*p == ' ' || *p == '\t')
            p++;
        if (strncasecmp(p, "charset", 7) != 0)
            continue;
        p += 7;
        while (*p == ' ' || *p == '\t')
            p++;
        if (*p != '=')
            continue;
        p++;
        while (*p == ' ' || *p == '\t')
            p++;
        char q = 0;
        if (*p == '"' || *p == '\'')
            q = *p++;
        size_t n = 0;
        while (p[n] && n + 1 < bufsz && p[n] != q && p[n] != ';' &&
               p[n] != ' ' && p[n] != '\t')
            n++;
        memcpy(buf, p, n);
        buf[n] = '\0';
        return n > 0;
    }
    return 0;
}

/* WHATWG-style label mapping for the labels whose plain ICU meaning
 * differs from what browsers do. */
static void map_label(char *name, size_t n)
{
    static const char *const map[][2] = {
        {"iso-8859-1", "windows-1252"}, {"iso8859-1", "windows-1252"},
        {"latin1", "windows-1252"},     {"l1", "windows-1252"},
        {"us-ascii", "windows-1252"},   {"ascii", "windows-1252"},
        {"iso_8859-1", "windows-1252"}, {"cp819", "windows-1252"},
        {"gb2312", "GBK"},              {"gb_2312-80", "GBK"},
        {"x-gbk", "GBK"},               {"tis-620", "windows-874"},
        {"iso-8859-11", "windows-874"}, {"euc-kr", "windows-949"},
        {"ks_c_5601-1987", "windows-949"}, {"x-sjis", "Shift_JIS"},
        {"iso-8859-9", "windows-1254"}, {"utf8", "UTF-8"},
        {"unicode-1-1-utf-8", "UTF-8"}, {"x-user-defined", "windows-1252"},
    };
    for (size_t i = 0; i < sizeof map / sizeof map[0]; i++)
        if (strcasecmp(name, map[i][0]) == 0) {
            copy_name(name, map[i][1], n);
            return;
        }
}

static int is_utf8_name(const char *n)
{
    return strcasecmp(n, "utf-8") == 0 || strcasecmp(n, "utf8") == 0;
}

static int is_utf16_32_name(const char *n)
{
    return strncasecmp(n, "utf-16", 6) == 0 ||
           strncasecmp(n, "utf-32", 6) == 0 ||
           strncasecmp(n, "ucs-2", 5) == 0;
}

/* Count of valid multi-byte UTF-8 sequences in s (stops counting at 1
 * when `any` is set). */
static size_t utf8_multibyte_count(const char *s, size_t len, int any)
{
    size_t i = 0, n = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t j = i;
        int32_t cp = story__utf8_next(s, len, &j);
        if (cp >= 0x80) {
            n++;
            if (any)
                return n;
        }
        i = j > i ? j : i + 1;
    }
    return n;
}

/* ---- <meta> prescan -------------------------------------------------- */

static int ci_prefix(const char *s, const char *end, const char *w)
{
    size_t n = strlen(w);
    return (size_t)(end - s) >= n && strncasecmp(s, w, n) == 0;
}

/* Parse one attribute at *pp (inside a tag, before '>'). Returns 0 at the
 * end of the tag. */
static int next_attr(const char **pp, const char *end, const char **name,
                     size_t *nlen, const char **val, size_t *vlen)
{
    const char *p = *pp;
    while (p < end && (isspace((unsigned char)*p) || *p == '/'))
        p++;
    if (p >= end || *p == '>')
        return 0;
    *name = p;
    while (p < end && !isspace((unsigned char)*p) && *p != '=' && *p != '>' &&
           *p != '/')
        p++;
    *nlen = (size_t)(p - *name);
    while (p < end && isspace((unsigned char)*p))
        p++;
    *val = "";
    *vlen = 0;
    if (p < end && *p == '=') {
        p++;
        while (p < end && isspace((unsigned char)*p))
            p++;
        if (p < end && (*p == '"' || *p == '\'')) {
            char q = *p++;
            *val = p;
            while (p < end && *p != q)
                p++;
            *vlen = (size_t)(p - *val);
            if (p < end)
                p++;
        } else {
            *val = p;
            while (p < end && !isspace((unsigned char)*p) && *p != '>')
                p++;
            *vlen = (size_t)(p - *val);
        }
    }
    if (*nlen == 0)
        p++; /* stray character: skip */
    *pp = p;
    return 1;
}

static int meta_charset(const char *s, size_t len, char *out, size_t outsz)
{
    const char *p = s, *end = s + (len < 8192 ? len : 8192);
    out[0] = '\0';
    if (ci_prefix(p, end, "<?xml")) {
        const char *q = p, *qe = memchr(p, '>', (size_t)(end - p));
        if (qe) {
            for (; q + 8 < qe; q++)
                if (strncmp(q, "encoding", 8) == 0) {
                    q += 8;
                    while (q < qe && (*q == ' ' || *q == '='))
                        q++;
                    if (q < qe && (*q == '"' || *q == '\'')) {
                        char qc = *q++;
                        size_t n = 0;
                        while (q + n < qe && q[n] != qc && n + 1 < outsz)
                            n++;
                        memcpy(out, q, n);
                        out[n] = '\0';
                        if (n)
                            return 1;
                    }
                    break;
                }
        }
    }
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt)
            break;
        p = lt + 1;
        if (ci_prefix(p, end, "!--")) {
            const char *c = p + 3;
            while (c + 2 < end && !(c[0] == '-' && c[1] == '-' && c[2] == '>'))
                c++;
            p = c;
            continue;
        }
        if (!ci_prefix(p, end, "meta") || p + 4 >= end ||
            !(isspace((unsigned char)p[4]) || p[4] == '/'))
            continue;
        p += 4;
        const char *name, *val;
        size_t nlen, vlen;
        int http_equiv_ct = 0;
        char content_cs[64] = "";
        while (next_attr(&p, end, &name, &nlen, &val, &vlen)) {
            if (nlen == 7 && strncasecmp(name, "charset", 7) == 0 && vlen) {
                size_t n = vlen < outsz - 1 ? vlen : outsz - 1;
                memcpy(out, val, n);
                out[n] = '\0';
                /* trim */
                while (n && isspace((unsigned char)out[n - 1]))
                    out[--n] = '\0';
                if (n)
                    return 1;
            } else if (nlen == 10 && strncasecmp(name, "http-equiv", 10) == 0) {
                http_equiv_ct = vlen == 12 &&
                                strncasecmp(val, "content-type", 12) == 0;
            } else if (nlen == 7 && strncasecmp(name, "content", 7) == 0) {
                char tmp[256];
                size_t n = vlen < sizeof tmp - 1 ? vlen : sizeof tmp - 1;
                memcpy(tmp, val, n);
                tmp[n] = '\0';
                story__content_type_charset(tmp, content_cs,
                                            sizeof content_cs);
            }
        }
        if (http_equiv_ct && content_cs[0]) {
            copy_name(out, content_cs, outsz);
            return 1;
        }
    }
    return 0;
}

/* ---- conversion ------------------------------------------------------- */

static int convert(char **out, size_t *out_len, const char *name,
                   const char *data, size_t len, const char *cs,
                   const char *why, int lenient, story_error *err)
{
    UErrorCode e = U_ZERO_ERROR;
    UConverter *cv = ucnv_open(cs, &e);
    if (U_FAILURE(e) || !cv)
        return story__error(err, STORY_EENCODING, name, -1,
                            "unknown charset '%s' (%s)", cs, why);
    if (!lenient)
        ucnv_setToUCallBack(cv, UCNV_TO_U_CALLBACK_STOP, NULL, NULL, NULL,
                            &e);
    size_t ucap = len + 16;
    UChar *u = story__malloc(ucap * sizeof(UChar));
    if (!u) {
        ucnv_close(cv);
        return story__error(err, STORY_ENOMEM, name, -1, "out of memory");
    }
    UChar *t = u;
    const char *src = data;
    e = U_ZERO_ERROR;
    /* single-byte and multi-byte legacy charsets produce at most one UTF-16
     * unit per byte, but UTF-16/32 and escapes never more: ucap suffices
     * except for pathological converters; loop on overflow anyway. */
    for (;;) {
        ucnv_toUnicode(cv, &t, u + ucap, &src, data + len, NULL, 1, &e);
        if (e == U_BUFFER_OVERFLOW_ERROR) {
            size_t used = (size_t)(t - u);
            UChar *nu = story__realloc(u, ucap * 2 * sizeof(UChar));
            if (!nu) {
                free(u);
                ucnv_close(cv);
                return story__error(err, STORY_ENOMEM, name, -1,
                                    "out of memory");
            }
            u = nu;
            ucap *= 2;
            t = u + used;
            e = U_ZERO_ERROR;
            continue;
        }
        break;
    }
    if (U_FAILURE(e)) {
        char bad[8];
        int8_t blen = sizeof bad;
        UErrorCode e2 = U_ZERO_ERROR;
        ucnv_getInvalidChars(cv, bad, &blen, &e2);
        long long off = (long long)(src - data) - (U_SUCCESS(e2) ? blen : 0);
        free(u);
        ucnv_close(cv);
        return story__error(err, STORY_EENCODING, name, off,
                            "byte 0x%02X cannot be decoded as %s (%s)",
                            (unsigned)(unsigned char)data[off < 0 ? 0 : off],
                            cs, why);
    }
    ucnv_close(cv);
    int32_t ulen = (int32_t)(t - u), blen = 0;
    UErrorCode e3 = U_ZERO_ERROR;
    u_strToUTF8(NULL, 0, &blen, u, ulen, &e3);
    char *b = story__malloc((size_t)blen + 1);
    if (!b) {
        free(u);
        return story__error(err, STORY_ENOMEM, name, -1, "out of memory");
    }
    e3 = U_ZERO_ERROR;
    u_strToUTF8(b, blen + 1, &blen, u, ulen, &e3);
    free(u);
    if (U_FAILURE(e3)) {
        free(b);
        return story__error(err, STORY_EICU, name, -1,
                            "UTF-8 conversion failed: %s", u_errorName(e3));
    }
    b[blen] = '\0';
    *out = b;
    *out_len = (size_t)blen;
    return 0;
}

/* Refuse binary data: NUL anywhere (for HTML: in the first KiB or more
 * than 1 in 1000 bytes; the HTML standard turns a stray NUL into U+FFFD),
 * or more than 1 in 100 bytes being C0 controls other than TAB, LF, FF,
 * CR and ESC. */
/* "UTF-16LE" / "UTF-16BE" when the first 4 KiB look like text in that
 * encoding without a byte order mark (mostly Latin, Cyrillic or similar
 * text: at least 40 % of the bytes at one parity are NUL, at most 2 % at
 * the other), else NULL. Only a hint for the error message: the WHATWG
 * Encoding standard does not sniff UTF-16 either. */
static const char *utf16_without_bom(const char *s, size_t len)
{
    size_t n = len < 4096 ? len : 4096, z[2] = {0, 0};
    if (n < 16)
        return NULL;
    for (size_t i = 0; i < n; i++)
        z[i & 1] += s[i] == '\0';
    size_t half = n / 2;
    if (z[1] * 10 >= half * 4 && z[0] * 50 <= half)
        return "UTF-16LE";
    if (z[0] * 10 >= half * 4 && z[1] * 50 <= half)
        return "UTF-16BE";
    return NULL;
}

/* File signatures of documents that are not text ("magic numbers" of
 * the formats' specifications: ISO 32000-1 7.5.2 for PDF, PKWARE's
 * APPNOTE 4.3.7 for ZIP and so DOCX/ODT/EPUB, RFC 1952 for gzip, the
 * Compound File Binary Format for old Office files, and the PNG, JPEG
 * and GIF headers). */
static const struct {
    const char *magic;
    size_t len;
    const char *what;
} DOC_SIGNATURES[] = {
    {"%PDF-", 5, "a PDF document"},
    {"PK\x03\x04", 4, "a ZIP archive (DOCX, ODT, EPUB…)"},
    {"\x1f\x8b", 2, "gzip-compressed data"},
    {"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8,
     "an old Microsoft Office document"},
    {"\x89PNG", 4, "a PNG image"},
    {"\xff\xd8\xff", 3, "a JPEG image"},
    {"GIF8", 4, "a GIF image"},
};

static int check_binary(const char *name, const char *s, size_t len,
                        int raw, int is_html, story_error *err)
{
    if (raw)
        for (size_t k = 0; k < sizeof DOC_SIGNATURES / sizeof *DOC_SIGNATURES;
             k++)
            if (len >= DOC_SIGNATURES[k].len &&
                !memcmp(s, DOC_SIGNATURES[k].magic, DOC_SIGNATURES[k].len))
                return story__error(err, STORY_EENCODING, name, 0,
                                    "not text: %s; storydiff reads plain "
                                    "text and HTML (save the article as "
                                    "text first)",
                                    DOC_SIGNATURES[k].what);
    const char *nul = memchr(s, '\0', len);
    if (nul && is_html && nul - s >= 1024) {
        size_t n = 0;
        for (const char *p = nul; p; p = memchr(p + 1, '\0', len - (size_t)(p + 1 - s)))
            if (++n * 1000 > len || (size_t)(p + 1 - s) >= len)
                break;
        if (n * 1000 <= len)
            nul = NULL;
    }
    /* the position is err->offset for raw bytes (the CLI prints it);
     * after decoding it is a position in the decoded text, so it goes
     * into the message instead */
    if (nul && raw) {
        const char *u16 = utf16_without_bom(s, len);
        if (u16)
            return story__error(err, STORY_EENCODING, name,
                                (long long)(nul - s),
                                "not text: NUL byte; the bytes look like %s "
                                "without a byte order mark: give "
                                "--encoding=%s (compare: --encoding-a or "
                                "--encoding-b, for this input only)",
                                u16, u16);
        return story__error(err, STORY_EENCODING, name, (long long)(nul - s),
                            "not text: NUL byte (binary file?)");
    }
    if (nul)
        return story__error(err, STORY_EENCODING, name, -1,
                            "not text: NUL byte at decoded byte %lld "
                            "(binary file?)",
                            (long long)(nul - s));
    size_t ctl = 0, first = (size_t)-1;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x20 && c != 0 && c != '\t' && c != '\n' && c != '\r' && c != '\f' &&
            c != 0x1b) {
            if (first == (size_t)-1)
                first = i;
            ctl++;
        }
    }
    if (ctl > 8 && ctl * 100 > len && raw)
        return story__error(err, STORY_EENCODING, name, (long long)first,
                            "not text: %zu control bytes (binary file?), "
                            "this is the first",
                            ctl);
    if (ctl > 8 && ctl * 100 > len)
        return story__error(err, STORY_EENCODING, name, -1,
                            "not text: %zu control bytes (binary file?), the "
                            "first at decoded byte %zu",
                            ctl, first);
    return 0;
}

/* Replace NUL bytes by U+FFFD (HTML: a parse error, replaced). */
static int replace_nul(char **s, size_t *len)
{
    size_t n = 0;
    for (size_t i = 0; i < *len; i++)
        n += (*s)[i] == '\0';
    if (!n)
        return 0;
    char *o = story__malloc(*len + 2 * n + 1);
    if (!o)
        return STORY_ENOMEM;
    size_t k = 0;
    for (size_t i = 0; i < *len; i++) {
        if ((*s)[i] == '\0') {
            memcpy(o + k, "\xef\xbf\xbd", 3);
            k += 3;
        } else {
            o[k++] = (*s)[i];
        }
    }
    o[k] = '\0';
    free(*s);
    *s = o;
    *len = k;
    return 0;
}

static size_t utf8_invalid_count(const char *s, size_t len)
{
    size_t i = 0, n = 0;
    while (i < len) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        if (story__utf8_next(s, len, &i) < 0)
            n++;
    }
    return n;
}

/* Count of U+FFFD (EF BF BD) in s. */
static size_t count_fffd(const char *s, size_t len)
{
    size_t n = 0;
    for (size_t i = 0; i + 2 < len; i++)
        if ((unsigned char)s[i] == 0xEF && (unsigned char)s[i + 1] == 0xBF &&
            (unsigned char)s[i + 2] == 0xBD)
            n++;
    return n;
}

/* Count of invalid positions that are a lead byte followed by at least one
 * continuation byte: a multi-byte UTF-8 character cut short, not a byte of
 * a single-byte legacy charset (whose letters are followed by ASCII or by
 * other letters, rarely by a byte in 0x80-0xBF). */
static size_t utf8_truncated_count(const char *s, size_t len)
{
    const unsigned char *b = (const unsigned char *)s;
    size_t i = 0, n = 0;
    while (i < len) {
        if (b[i] < 0x80) {
            i++;
            continue;
        }
        size_t at = i;
        if (story__utf8_next(s, len, &i) < 0 && b[at] >= 0xC2 &&
            b[at] <= 0xF4 && at + 1 < len && (b[at + 1] & 0xC0) == 0x80)
            n++;
    }
    return n;
}

/* windows-1252 byte for code point cp, or -1. */
static int cp1252_byte(int32_t cp)
{
    static const int32_t hi[32] = {
        0x20AC, -1,     0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, -1,     0x017D, -1,
        -1,     0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, -1,     0x017E, 0x0178};
    if (cp < 0x80)
        return (int)cp;
    if (cp >= 0xA0 && cp <= 0xFF)
        return (int)cp;
    if (cp >= 0x80 && cp <= 0x9F)
        return (int)cp; /* C1 controls: latin-1 decoders keep them */
    for (int i = 0; i < 32; i++)
        if (hi[i] == cp)
            return 0x80 + i;
    return -1;
}

/* Mojibake: runs of non-ASCII characters that, mapped back to
 * windows-1252 bytes, form valid multi-byte UTF-8. Returns the byte offset
 * of the first such run when they dominate, else -1. */
static long long mojibake_at(const char *s, size_t len)
{
    size_t i = 0, runs = 0, bad_runs = 0;
    long long first = -1;
    unsigned char buf[64];
    while (i < len) {
        if ((unsigned char)s[i] < 0x80) {
            i++;
            continue;
        }
        size_t start = i, nb = 0;
        int ok = 1;
        while (i < len && (unsigned char)s[i] >= 0x80) {
            int32_t cp = story__utf8_next(s, len, &i);
            int b = cp < 0 ? -1 : cp1252_byte(cp);
            if (b < 0x80 || nb >= sizeof buf)
                ok = 0;
            else
                buf[nb++] = (unsigned char)b;
        }
        runs++;
        if (ok && nb >= 2 && story__utf8_invalid_at((char *)buf, nb) ==
                                 (size_t)-1) {
            bad_runs++;
            if (first < 0)
                first = (long long)start;
        }
    }
    if (bad_runs >= 3 && bad_runs * 2 >= runs)
        return first;
    return -1;
}

/* ---- detection: ICU's candidates, filtered and re-ranked -------------- */

/* The <html lang="..."> primary language subtag in the first 8 KiB of an
 * HTML page, lower-cased ("" when there is none). */
static void html_lang(const char *s, size_t len, char *out, size_t outsz)
{
    const char *p = s, *end = s + (len < 8192 ? len : 8192);
    out[0] = '\0';
    while (p < end) {
        const char *lt = memchr(p, '<', (size_t)(end - p));
        if (!lt)
            return;
        p = lt + 1;
        if (!ci_prefix(p, end, "html") || p + 4 >= end ||
            !isspace((unsigned char)p[4]))
            continue;
        p += 4;
        const char *name, *val;
        size_t nlen, vlen;
        while (next_attr(&p, end, &name, &nlen, &val, &vlen))
            if (nlen == 4 && strncasecmp(name, "lang", 4) == 0) {
                size_t n = 0;
                while (n < vlen && n + 1 < outsz && isalpha((unsigned char)val[n]))
                    n++;
                for (size_t i = 0; i < n; i++)
                    out[i] = (char)tolower((unsigned char)val[i]);
                out[n] = '\0';
                return;
            }
        return;
    }
}

/* One decoded candidate's letters: the distinct non-ASCII code points
 * other than punctuation that stand inside words (next to an ASCII letter
 * or another non-ASCII character), with their counts. */
#define EX_MAX 256
typedef struct {
    UChar32 cp[EX_MAX];
    size_t n[EX_MAX];
    size_t k, total;
} letter_tally;

static void tally_add(letter_tally *t, UChar32 c)
{
    c = u_tolower(c);
    t->total++;
    for (size_t i = 0; i < t->k; i++)
        if (t->cp[i] == c) {
            t->n[i]++;
            return;
        }
    if (t->k < EX_MAX) {
        t->cp[t->k] = c;
        t->n[t->k++] = 1;
    }
}

/* Decode up to 64 KiB of body as cs (tags are letters too, harmlessly: they
 * are ASCII) and tally the in-word non-ASCII characters. Returns -1 when
 * the bytes do not decode. */
static int tally_decoded(const char *body, size_t blen, const char *cs,
                         letter_tally *t)
{
    size_t n = blen < 65536 ? blen : 65536;
    UErrorCode e = U_ZERO_ERROR;
    UConverter *cv = ucnv_open(cs, &e);
    if (U_FAILURE(e))
        return -1;
    UChar *u = story__malloc((n + 1) * sizeof(UChar));
    if (!u) {
        ucnv_close(cv);
        return -1;
    }
    int32_t ul = ucnv_toUChars(cv, u, (int32_t)n + 1, body, (int32_t)n, &e);
    ucnv_close(cv);
    if (U_FAILURE(e)) {
        free(u);
        return -1;
    }
    memset(t, 0, sizeof *t);
    for (int32_t i = 0; i < ul; i++) {
        UChar32 c = u[i];
        if (c < 0x80 || U16_IS_SURROGATE(c))
            continue;
        UChar prev = i > 0 ? u[i - 1] : ' ', next = i + 1 < ul ? u[i + 1] : ' ';
        int inword = (prev < 0x80 ? isalpha(prev) : prev >= 0xA0) ||
                     (next < 0x80 ? isalpha(next) : next >= 0xA0);
        /* letters count; so does a symbol, a digit or a C1 control
         * inside a word (® ¹ ¾: ISO-8859-2 letters read as ISO-8859-1),
         * as a character no exemplar set holds; punctuation (’ » –),
         * spaces and format characters say little */
        int8_t ty = u_charType(c);
        int sym = ty == U_MATH_SYMBOL || ty == U_CURRENCY_SYMBOL ||
                  ty == U_MODIFIER_SYMBOL || ty == U_OTHER_SYMBOL ||
                  ty == U_OTHER_NUMBER || ty == U_CONTROL_CHAR;
        if (inword && (u_isalpha(c) || sym))
            tally_add(t, c);
    }
    free(u);
    return 0;
}

/* CLDR's standard exemplar characters (ulocdata_getExemplarSet, case
 * insensitive) of one language, or of every language of the ICU locales. */
typedef struct {
    USet **set;
    size_t n;
} exemplar_sets;

static void exemplars_free(exemplar_sets *x)
{
    for (size_t i = 0; i < x->n; i++)
        uset_close(x->set[i]);
    free(x->set);
    x->set = NULL;
    x->n = 0;
}

static USet *exemplar_set(const char *lang)
{
    UErrorCode e = U_ZERO_ERROR;
    ULocaleData *ld = ulocdata_open(lang, &e);
    if (U_FAILURE(e))
        return NULL;
    USet *set = ulocdata_getExemplarSet(ld, NULL, USET_CASE_INSENSITIVE,
                                        ULOCDATA_ES_STANDARD, &e);
    ulocdata_close(ld);
    if (U_FAILURE(e) && set) {
        uset_close(set);
        return NULL;
    }
    return set;
}

static void exemplars_load(exemplar_sets *x, const char *lang)
{
    int32_t nloc = uloc_countAvailable();
    x->n = 0;
    x->set = story__malloc((size_t)(nloc + 1) * sizeof *x->set);
    if (!x->set)
        return;
    if (lang && *lang) {
        USet *set = exemplar_set(lang);
        if (set)
            x->set[x->n++] = set;
        return;
    }
    char prev[12] = "";
    for (int32_t li = 0; li < nloc; li++) {
        char l[12];
        UErrorCode e = U_ZERO_ERROR;
        uloc_getLanguage(uloc_getAvailable(li), l, sizeof l, &e);
        if (U_FAILURE(e) || !l[0] || strcmp(l, prev) == 0)
            continue; /* the locales are sorted: same language */
        copy_name(prev, l, sizeof prev);
        USet *set = exemplar_set(l);
        if (set)
            x->set[x->n++] = set;
    }
}

/* The share (0..1) of t's characters that belong to the exemplar set of
 * the one language of x that holds most of them. */
static double exemplar_share(const letter_tally *t, const exemplar_sets *x)
{
    if (t->total == 0)
        return 1.0;
    double best = 0.0;
    for (size_t li = 0; li < x->n; li++) {
        size_t in = 0;
        for (size_t i = 0; i < t->k; i++)
            if (uset_contains(x->set[li], t->cp[i]))
                in += t->n[i];
        double sh = (double)in / (double)t->total;
        if (sh > best)
            best = sh;
    }
    return best;
}

/* ICU's charset detection (ucsdet_detectAll over the first MiB; tags
 * filtered out for HTML), choosing among its candidates:
 *  - never UTF-16 or UTF-32: without a byte order mark or a declaration
 *    the WHATWG encoding sniffing never yields them for HTML, and ICU
 *    ranks them at 10 for any ASCII-heavy text ("<html>" read as the
 *    UTF-16BE character U+3C68); for plain text they are kept only when
 *    the NUL pattern says so (utf16_without_bom);
 *  - never a name no converter opens (ICU's "IBM420_ltr" at 6 % for a
 *    short Czech page);
 *  - among the candidates close to the best (close_conf), the one
 *    whose decoded in-word letters belong most to one language's exemplar
 *    set (CLDR exemplar characters, ulocdata_getExemplarSet; the page's
 *    <html lang> when given, else the best-fitting language of all ICU
 *    locales), when it beats the first by more than 5 % of the letters:
 *    Icelandic windows-1252 that ICU ranks windows-1254 ('samşykkt') is
 *    read as windows-1252 ('samþykkt');
 *  - when ICU's best is weak (under DETECT_WEAK, a short page), the same
 *    contest also weighs the common single-byte charsets of FALLBACK, and
 *    the winner must have >= 90 % of its letters in one exemplar set, or
 *    there is no guess (a short Czech ISO-8859-2 page that ICU ranks
 *    IBM420_ltr, UTF-16 and ISO-8859-1 is read as ISO-8859-2).
 * Writes "" when ICU has no candidate. */
#define DETECT_CLOSE 10
#define DETECT_WEAK 20
/* c is close to the best confidence top: within DETECT_CLOSE points or at
 * least half of it (ICU's figures for short pages are coarse: a Czech
 * page ranked ISO-8859-1 50, ISO-8859-2 33) */
static int close_conf(int32_t c, int32_t top)
{
    return c >= top - DETECT_CLOSE || 2 * c >= top;
}
static void detect_charset(const char *body, size_t blen, int is_html,
                           char *out, size_t n, int32_t *conf)
{
    UErrorCode e = U_ZERO_ERROR;
    out[0] = '\0';
    *conf = 0;
    UCharsetDetector *cd = ucsdet_open(&e);
    if (U_FAILURE(e))
        return;
    size_t k = blen > (1u << 20) ? (1u << 20) : blen;
    ucsdet_setText(cd, body, (int32_t)k, &e);
    ucsdet_enableInputFilter(cd, is_html ? 1 : 0);
    int32_t nm = 0;
    const UCharsetMatch **m = ucsdet_detectAll(cd, &nm, &e);
    if (U_FAILURE(e) || !m) {
        ucsdet_close(cd);
        return;
    }
    const char *u16 = is_html ? NULL : utf16_without_bom(body, blen);
    const char *names[16];
    int32_t confs[16];
    int nc = 0;
    for (int32_t i = 0; i < nm && nc < 8; i++) {
        UErrorCode e2 = U_ZERO_ERROR;
        const char *dn = ucsdet_getName(m[i], &e2);
        int32_t c = ucsdet_getConfidence(m[i], &e2);
        if (U_FAILURE(e2) || !dn || c <= 0)
            continue;
        if (is_utf16_32_name(dn) && !(u16 && strcasecmp(dn, u16) == 0))
            continue;
        if (!story_charset_known(dn))
            continue; /* IBM420_ltr and the like: no converter */
        names[nc] = dn;
        confs[nc++] = c;
    }
    /* a weak detection (a short page) also weighs the common single-byte
     * charsets ICU did not rank */
    static const char *const FALLBACK[] = {
        "windows-1252", "windows-1250", "ISO-8859-2", "windows-1251",
        "KOI8-R", "windows-1253", "windows-1254", "windows-1257"};
    int weak = nc == 0 || confs[0] < DETECT_WEAK;
    if (weak)
        for (size_t f = 0; f < sizeof FALLBACK / sizeof *FALLBACK && nc < 16;
             f++) {
            int dup = 0;
            for (int i = 0; i < nc; i++)
                dup |= strcasecmp(names[i], FALLBACK[f]) == 0;
            if (!dup) {
                names[nc] = FALLBACK[f];
                confs[nc++] = 0;
            }
        }
    int pick = nc > 0 && confs[0] > 0 ? 0 : -1;
    if (nc >= 2 && (weak || close_conf(confs[1], confs[0])) &&
        !is_utf8_name(names[0])) {
        char lang[16];
        html_lang(body, blen, lang, sizeof lang);
        letter_tally *t = story__malloc(sizeof *t);
        exemplar_sets x = {NULL, 0};
        if (t)
            exemplars_load(&x, lang);
        double best = -1.0;
        int first = 1;
        for (int i = 0; t && i < nc; i++) {
            if (!weak && !close_conf(confs[i], confs[0]))
                break;
            if (is_utf8_name(names[i]) || is_utf16_32_name(names[i]) ||
                tally_decoded(body, blen, names[i], t) != 0)
                continue;
            double sh = exemplar_share(t, &x);
            if (first || sh > best + 0.05) {
                /* the first decodable candidate, or a clearly better one */
                best = sh;
                pick = i;
                first = 0;
            }
        }
        /* a weak guess whose letters no language explains: none */
        if (weak && best < 0.9)
            pick = -1;
        exemplars_free(&x);
        free(t);
    }
    if (pick >= 0) {
        copy_name(out, names[pick], n);
        /* a fallback charset ICU did not rank gets the weak level */
        *conf = confs[pick] > 0 ? confs[pick] : DETECT_WEAK / 2;
    }
    ucsdet_close(cd);
}

/* A charset with characters of more than one byte (Shift_JIS, GB18030,
 * EUC-*, Big5), by its converter's maximum character size. */
static int multibyte_charset(const char *cs)
{
    UErrorCode e = U_ZERO_ERROR;
    UConverter *cv = ucnv_open(cs, &e);
    if (U_FAILURE(e) || !cv)
        return 0;
    int mb = ucnv_getMaxCharSize(cv) > 1;
    ucnv_close(cv);
    return mb;
}

/* ICU's best guess of the charset of bytes that are not UTF-8
 * (detect_charset); "" when it has none or guesses UTF-8. */
static void best_guess(const char *body, size_t blen, int is_html,
                       char *out, size_t n, int32_t *conf)
{
    detect_charset(body, blen, is_html, out, n, conf);
    if (is_utf8_name(out)) {
        out[0] = '\0';
        *conf = 0;
    }
}

/* What is wrong with the UTF-8 sequence at b[i] (i < n), in words. */
static const char *utf8_fault(const unsigned char *b, size_t n, size_t i)
{
    unsigned c = b[i];
    if (c >= 0x80 && c <= 0xBF)
        return "a continuation byte without a lead byte";
    if (c == 0xC0 || c == 0xC1 || c >= 0xF5)
        return c >= 0xF5 && c <= 0xF7 ? "a code point beyond U+10FFFF"
               : c >= 0xF8            ? "a byte that never occurs in UTF-8"
                                      : "an overlong encoding";
    size_t need = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
    if (i + 1 < n && (b[i + 1] & 0xC0) == 0x80) {
        unsigned d = b[i + 1];
        if ((c == 0xE0 && d < 0xA0) || (c == 0xF0 && d < 0x90))
            return "an overlong encoding";
        if (c == 0xED && d >= 0xA0)
            return "an encoded surrogate";
        if (c == 0xF4 && d >= 0x90)
            return "a code point beyond U+10FFFF";
    }
    size_t k = 1;
    while (k <= need && i + k < n && (b[i + k] & 0xC0) == 0x80)
        k++;
    if (i + k >= n && k <= need)
        return "a UTF-8 sequence cut short by the end of the input";
    return "a UTF-8 sequence cut short";
}

/* The ISO-2022 charset whose designation escape sequences a 7-bit text
 * holds (RFC 1468 ISO-2022-JP: ESC $ @, ESC $ B, ESC $ ( D; RFC 1557
 * ISO-2022-KR: ESC $ ) C; RFC 1922 ISO-2022-CN: ESC $ ) A, ESC $ ) G,
 * ESC $ * H), or NULL when a byte is 0x80 or more or no such escape
 * occurs. Such text is valid UTF-8 (ASCII), so without this check a
 * Japanese ISO-2022-JP file was read as ASCII with escape bytes and
 * identified as Czech (fresh-user M18, session 13). */
static const char *iso2022_charset(const char *s, size_t n)
{
    const char *cs = NULL;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80)
            return NULL;
        if (c != 0x1B || i + 2 >= n || s[i + 1] != '$')
            continue;
        char d = s[i + 2], e = i + 3 < n ? s[i + 3] : '\0';
        if (d == '@' || d == 'B' || (d == '(' && e == 'D'))
            cs = cs ? cs : "ISO-2022-JP";
        else if (d == ')' && e == 'C')
            cs = cs ? cs : "ISO-2022-KR";
        else if ((d == ')' && (e == 'A' || e == 'G')) || (d == '*' && e == 'H'))
            cs = cs ? cs : "ISO-2022-CN";
    }
    return cs;
}

/* ICU's charset detection is "confident" enough to be named in the hint:
 * a legacy-looking text (few valid UTF-8 sequences) at 20% or more; a
 * mostly valid UTF-8 text (damaged, far more likely than a legacy
 * charset) at 50% or more, the level at which plain text is decoded by
 * detection. An English UTF-8 file with a truncated last character was
 * told "e.g. windows-1251" (fresh-user L4). */
#define HINT_CONF_LEGACY 20
#define HINT_CONF_DAMAGED 50

/* The error for text that is not UTF-8 and whose charset detection is not
 * confident: the offset is the first invalid byte (err->offset, not in
 * the message); the hint names ICU's best guess when it is confident
 * (see HINT_CONF_*), else the fault at that byte. */
static int legacy_hint(story_error *err, const char *name, long long off,
                       const char *fault, int damaged, const char *guess,
                       int conf)
{
    if (guess && *guess &&
        conf >= (damaged ? HINT_CONF_DAMAGED : HINT_CONF_LEGACY))
        return story__error(err, STORY_EENCODING, name, off,
                            "not valid UTF-8; if it is in a legacy "
                            "encoding, give it with --encoding (e.g. %s, "
                            "ICU's best guess at %d%% confidence)",
                            guess, conf);
    if (damaged)
        return story__error(err, STORY_EENCODING, name, off,
                            "not valid UTF-8 (%s) among valid UTF-8 text: "
                            "a damaged UTF-8 file? (if it is in a legacy "
                            "encoding, give it with --encoding=NAME)",
                            fault);
    return story__error(err, STORY_EENCODING, name, off,
                        "not valid UTF-8 (%s); if it is in a legacy "
                        "encoding, give it with --encoding=NAME (ICU's "
                        "charset detection is not sure which)",
                        fault);
}

int story__charset_decode(char **out, size_t *out_len, char *charset_out,
                          const char *name, const char *data, size_t len,
                          const char *forced, const char *http_charset,
                          int is_html, size_t *n_replaced,
                          long long *first_replaced, char *note,
                          size_t note_sz, story_error *err)
{
    char cs[64] = "";
    char declared[64] = ""; /* a declaration the bytes overruled */
    const char *overruled = NULL; /* why it was overruled */
    long long overruled_at = -1;
    const char *decl_why = ""; /* who declared it */
    const char *why = "";
    story_charset_origin origin = STORY_CS_UTF8;
    size_t skip = 0;
    int lenient = 0;
    int rescued = 0; /* a declared UTF-8 overruled by a confident guess */
    const unsigned char *u = (const unsigned char *)data;
    *out = NULL;

    if (forced && *forced) {
        copy_name(cs, forced, sizeof cs);
        origin = STORY_CS_OPTION;
        why = "given encoding";
    } else if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
        copy_name(cs, "UTF-8", sizeof cs);
        skip = 3;
        origin = STORY_CS_BOM;
        why = "byte order mark";
    } else if (len >= 4 && ((u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 &&
                             u[3] == 0) ||
                            (u[0] == 0 && u[1] == 0 && u[2] == 0xFE &&
                             u[3] == 0xFF))) {
        /* UTF-32 byte order marks (Unicode 15, section 23.8), checked
         * before UTF-16's, whose little-endian mark FF FE they begin
         * with. The WHATWG Encoding standard knows no UTF-32, but a text
         * file saved as UTF-32 is text (fresh-user 20 L2: it was refused
         * as binary at its first NUL byte). */
        copy_name(cs, u[0] == 0xFF ? "UTF-32LE" : "UTF-32BE", sizeof cs);
        skip = 4;
        origin = STORY_CS_BOM;
        why = "byte order mark";
    } else if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
                            (u[0] == 0xFE && u[1] == 0xFF))) {
        copy_name(cs, u[0] == 0xFF ? "UTF-16LE" : "UTF-16BE", sizeof cs);
        skip = 2;
        origin = STORY_CS_BOM;
        why = "byte order mark";
    } else if (http_charset && *http_charset) {
        copy_name(cs, http_charset, sizeof cs);
        origin = STORY_CS_HTTP;
        why = "declared by the HTTP Content-Type";
    } else if (is_html && meta_charset(data, len, cs, sizeof cs)) {
        origin = STORY_CS_META;
        why = "declared by the page's <meta>";
    }

    const char *body = data + skip;
    size_t blen = len - skip;

    if (!is_utf16_32_name(cs)) {
        int rc = check_binary(name, body, blen, 1, is_html, err);
        if (rc != 0)
            return rc;
    }
    char label[64]; /* the declared label before the WHATWG mapping */
    copy_name(label, cs, sizeof label);
    if (cs[0] && origin != STORY_CS_OPTION)
        map_label(cs, sizeof cs);
    if ((origin == STORY_CS_HTTP || origin == STORY_CS_META) &&
        !story_charset_known(cs)) {
        /* a label no converter knows is ignored, as the WHATWG Encoding
         * standard's "get an encoding" does (failure -> next step of the
         * sniffing algorithm): fall through to UTF-8 validation and
         * detection below */
        copy_name(declared, cs, sizeof declared);
        decl_why = why;
        overruled = "is a label no converter knows: ignored";
        cs[0] = '\0';
        origin = STORY_CS_DETECTED;
    }
    if (origin == STORY_CS_META && is_utf16_32_name(cs)) {
        /* the <meta> was found in ASCII-compatible bytes, which UTF-16
         * and UTF-32 text is not: the HTML standard's prescan reads a
         * <meta> that declares UTF-16 as UTF-8 (a UTF-8 page declaring
         * utf-16 failed at its first byte; session 13). Without a BOM,
         * the bytes decide, as for an unknown label */
        copy_name(declared, cs, sizeof declared);
        decl_why = why;
        overruled = "cannot hold for a page whose <meta> reads as ASCII: "
                    "ignored";
        cs[0] = '\0';
        origin = STORY_CS_DETECTED;
    }

    size_t bad = story__utf8_invalid_at(body, blen);
    if (origin == STORY_CS_HTTP || origin == STORY_CS_META) {
        if (is_utf8_name(cs)) {
            if (bad != (size_t)-1) {
                size_t nbad = is_html ? utf8_invalid_count(body, blen) : 0;
                if (is_html && nbad * 10000 <= blen + 80000 &&
                    utf8_multibyte_count(body, blen, 1) > 0) {
                    /* a few stray bytes in a UTF-8 page: replaced by
                     * U+FFFD as the WHATWG decoder does */
                    lenient = 1;
                } else if (utf8_multibyte_count(body, blen, 1) > 0) {
                    /* some chance-valid UTF-8 pairs, as a Shift_JIS or
                     * GB18030 page holds: when ICU is confident of a
                     * multi-byte legacy charset and invalid sequences
                     * outnumber the valid ones, the declaration lies
                     * (read as detected, with a note); else (real UTF-8
                     * mixed with single-byte legacy text) the error names
                     * ICU's guess as the undeclared case does
                     * (fresh-user M3) */
                    char guess[64] = "";
                    int32_t gconf = 0;
                    best_guess(body, blen, is_html, guess, sizeof guess,
                               &gconf);
                    if (guess[0] && gconf >= HINT_CONF_DAMAGED &&
                        multibyte_charset(guess) &&
                        utf8_invalid_count(body, blen) >
                            utf8_multibyte_count(body, blen, 0)) {
                        copy_name(declared, cs, sizeof declared);
                        decl_why = why;
                        overruled = "but the bytes are not UTF-8";
                        overruled_at = (long long)(bad + skip);
                        copy_name(cs, guess, sizeof cs);
                        map_label(cs, sizeof cs);
                        origin = STORY_CS_DETECTED;
                        why = "detected by ICU";
                        rescued = 1;
                    } else if (guess[0] && gconf >= HINT_CONF_LEGACY)
                        return story__error(
                            err, STORY_EENCODING, name,
                            (long long)(bad + skip),
                            "invalid UTF-8 (charset UTF-8 %s); if it is in "
                            "a legacy encoding, give it with --encoding "
                            "(e.g. %s, ICU's best guess at %d%% "
                            "confidence)",
                            why, guess, (int)gconf);
                    else
                        return story__error(
                            err, STORY_EENCODING, name,
                            (long long)(bad + skip),
                            "invalid UTF-8 (charset UTF-8 %s)", why);
                } else if (utf8_truncated_count(body, blen) * 2 >=
                         utf8_invalid_count(body, blen)) {
                    /* no complete multi-byte sequence, but lead bytes
                     * followed by continuation bytes (a character cut
                     * short): damaged UTF-8, decoded as declared with
                     * U+FFFD (bad.utf8.html: "E2 82 " read as windows-1252
                     * was mojibake, fresh-user L5) */
                    lenient = 1;
                } else {
                    /* the declaration lies: detect, and say so */
                    copy_name(declared, cs, sizeof declared);
                    decl_why = why;
                    overruled = "but the bytes are not UTF-8";
                    overruled_at = (long long)(bad + skip);
                    cs[0] = '\0';
                    origin = STORY_CS_DETECTED;
                }
            }
        } else if (!is_utf16_32_name(cs) && bad == (size_t)-1 &&
                   utf8_multibyte_count(body, blen, 1) > 0) {
            /* declared legacy charset, bytes are UTF-8: trust the bytes */
            copy_name(declared, cs, sizeof declared);
            decl_why = why;
            overruled = "but the bytes are valid UTF-8";
            copy_name(cs, "UTF-8", sizeof cs);
            origin = STORY_CS_UTF8;
            why = "bytes are valid UTF-8, declared charset contradicted";
        }
    }
    if (!cs[0]) {
        const char *iso2022 =
            bad == (size_t)-1 ? iso2022_charset(body, blen) : NULL;
        if (iso2022) {
            copy_name(cs, iso2022, sizeof cs);
            origin = STORY_CS_DETECTED;
            why = "ISO-2022 escape sequences";
        } else if (bad == (size_t)-1) {
            copy_name(cs, "UTF-8", sizeof cs);
            origin = STORY_CS_UTF8;
            why = "valid UTF-8";
        } else if (is_html && utf8_multibyte_count(body, blen, 1) > 0 &&
                   utf8_invalid_count(body, blen) * 10000 <= blen + 80000 &&
                   2 * utf8_multibyte_count(body, blen, 0) >=
                       utf8_invalid_count(body, blen)) {
            /* (session 10: at least half as many valid multi-byte
             * sequences as invalid ones; a short ISO-8859-2 page with one
             * chance-valid sequence, "déšť" = E9 B9 BB, and seven invalid
             * bytes was read as UTF-8 with seven U+FFFD) */
            copy_name(cs, "UTF-8", sizeof cs);
            origin = STORY_CS_UTF8;
            why = "UTF-8 with a few invalid bytes replaced by U+FFFD";
            lenient = 1;
        } else if (utf8_multibyte_count(body, blen, 1) > 0 &&
                   utf8_invalid_count(body, blen) <
                       utf8_multibyte_count(body, blen, 0)) {
            /* mostly valid multi-byte UTF-8 with some invalid bytes: a
             * damaged UTF-8 file, not decoded by guess, but ICU's best
             * guess is named in the hint. (A legacy multi-byte text such
             * as GB18030 holds chance-valid UTF-8 pairs too, but far more
             * invalid ones: it goes to detection below.) */
            char guess[64] = "";
            int32_t gconf = 0;
            /* ten valid multi-byte sequences or more per invalid byte:
             * surely damaged UTF-8, and naming a legacy charset (ICU said
             * ISO-8859-1 at 92% for a Spanish UTF-8 file with two stray
             * bytes) led to mojibake (fresh-user M1, session 13) */
            if (utf8_multibyte_count(body, blen, 0) <
                10 * utf8_invalid_count(body, blen))
                best_guess(body, blen, is_html, guess, sizeof guess, &gconf);
            return legacy_hint(err, name, (long long)(bad + skip),
                               utf8_fault((const unsigned char *)body, blen,
                                          bad),
                               1, guess, (int)gconf);
        } else {
            int32_t conf = 0;
            char cand[64] = "";
            detect_charset(body, blen, is_html, cand, sizeof cand, &conf);
            size_t high = 0;
            for (size_t i = 0; i < blen && high < 8; i++)
                high += (unsigned char)body[i] >= 0x80;
            /* plain text: only a confident detection over enough non-ASCII
             * bytes; a stray byte in an ASCII file stays an error */
            int enough = is_html ? conf >= 5 : (conf >= 50 && high >= 8);
            if (cand[0] && enough && !is_utf8_name(cand)) {
                copy_name(cs, cand, sizeof cs);
                map_label(cs, sizeof cs);
            }
            if (!cs[0]) {
                return legacy_hint(err, name, (long long)(bad + skip),
                                   utf8_fault((const unsigned char *)body,
                                              blen, bad),
                                   /* valid UTF-8 sequences hardly occur
                                    * by chance in legacy text */
                                   utf8_multibyte_count(body, blen, 0) > 0 &&
                                       utf8_invalid_count(body, blen) <=
                                           2 * utf8_multibyte_count(body,
                                                                    blen, 0),
                                   cand[0] && !is_utf8_name(cand) ? cand : "",
                                   (int)conf);
            }
            origin = STORY_CS_DETECTED;
            why = "detected by ICU";
        }
    }

    int rc;
    size_t nrep = 0;
    long long first = -1;
    if (is_utf8_name(cs) && lenient) {
        first = bad != (size_t)-1 ? (long long)(bad + skip) : -1;
        rc = convert(out, out_len, name, body, blen, "UTF-8", why, 1, err);
        if (rc != 0)
            return rc;
        /* the replacements the converter made (one U+FFFD per maximal
         * ill-formed subsequence, Unicode 15 §3.9 / WHATWG), not counting
         * U+FFFD characters the input already held */
        size_t before = count_fffd(body, blen), after = count_fffd(*out,
                                                                  *out_len);
        nrep = after > before ? after - before : 0;
        copy_name(cs, "UTF-8", sizeof cs);
    } else if (is_utf8_name(cs)) {
        if (bad != (size_t)-1)
            return story__error(err, STORY_EENCODING, name,
                                (long long)(bad + skip),
                                "invalid UTF-8 (%s)", why);
        char *c = story__strndup(body, blen);
        if (!c)
            return story__error(err, STORY_ENOMEM, name, -1, "out of memory");
        *out = c;
        *out_len = blen;
        copy_name(cs, "UTF-8", sizeof cs);
    } else {
        /* --encoding=UTF-16 / UTF-32 on bytes that hold no NUL byte and
         * are valid UTF-8: text in those encodings has NUL bytes (Latin,
         * Cyrillic …) or fails UTF-8 validation (long CJK text), so the
         * option is wrong, and decoding gave Han-character garbage that
         * was then compared (fresh-user 16 L8) */
        if (origin == STORY_CS_OPTION && is_utf16_32_name(cs) &&
            blen >= 16 && bad == (size_t)-1 && !memchr(body, 0, blen))
            return story__error(err, STORY_EENCODING, name, 0,
                                "--encoding %s cannot hold: the %zu bytes "
                                "hold no NUL byte and are valid UTF-8 "
                                "(drop --encoding, or give the file's "
                                "charset)",
                                cs, blen);
        rc = convert(out, out_len, name, body, blen, cs, why, 0, err);
        if (rc != 0 && rescued)
            /* the guess does not decode either: the declaration's error */
            return story__error(err, STORY_EENCODING, name,
                                overruled_at,
                                "invalid UTF-8 (charset UTF-8 %s); not %s "
                                "either (ICU's best guess); give the "
                                "charset with --encoding",
                                decl_why, cs);
        if (rc != 0) {
            if (err && err->offset >= 0)
                err->offset += (long long)skip;
            return rc;
        }
        rc = check_binary(name, *out, *out_len, 0, is_html, err);
        if (rc != 0) {
            free(*out);
            *out = NULL;
            return rc;
        }
    }
    if (is_html && !is_utf16_32_name(cs)) {
        /* stray NULs (check_binary let them through): in a single- or
         * multi-byte charset a NUL byte decodes to U+0000, so the first
         * input offset is the first NUL byte of the body */
        const char *z = memchr(body, '\0', blen);
        if (z) {
            long long at = (long long)(z - body) + (long long)skip;
            if (first < 0 || at < first)
                first = at;
            for (const char *q = z; q < body + blen; q++)
                nrep += *q == '\0';
        }
    }
    if (is_html && replace_nul(out, out_len) != 0) {
        free(*out);
        *out = NULL;
        return story__error(err, STORY_ENOMEM, name, -1, "out of memory");
    }
    if (origin != STORY_CS_OPTION) {
        long long mb = mojibake_at(*out, *out_len);
        if (mb >= 0) {
            free(*out);
            *out = NULL;
            if (origin == STORY_CS_UTF8)
                return story__error(err, STORY_EENCODING, name, mb,
                                    "text looks like mojibake (UTF-8 that "
                                    "was decoded as windows-1252 and "
                                    "re-encoded), first here; give "
                                    "--encoding or fix the file");
            return story__error(err, STORY_EENCODING, name, -1,
                                "text looks like mojibake (UTF-8 that was "
                                "decoded as windows-1252 and re-encoded), "
                                "first at decoded byte %lld; give --encoding "
                                "or fix the file",
                                mb);
        }
    }
    copy_name(charset_out, cs, 64);
    if (note && note_sz) {
        note[0] = '\0';
        /* the label as sent, and the encoding the WHATWG Encoding
         * Standard maps it to when that differs ("iso-8859-1" is read as
         * windows-1252; fresh-user 16 L6: the note named only the
         * latter, a charset the server never sent) */
        char dname[200];
        if (label[0] && strcasecmp(label, declared) != 0)
            snprintf(dname, sizeof dname,
                     "'%s' (%s under the WHATWG Encoding Standard)",
                     label, declared);
        else
            snprintf(dname, sizeof dname, "'%s'", declared);
        /* "read as UTF-8 (bytes are valid UTF-8)" after "but the bytes
         * are valid UTF-8" said it twice */
        int said = origin == STORY_CS_UTF8;
        if (overruled && overruled_at >= 0)
            snprintf(note, note_sz,
                     "charset %s %s, %s (byte %lld is not valid UTF-8); "
                     "read as %s (%s)",
                     dname, decl_why, overruled, overruled_at, cs, why);
        else if (overruled)
            snprintf(note, note_sz, "charset %s %s %s; read as %s%s%s%s",
                     dname, decl_why, overruled, cs, said ? "" : " (",
                     said ? "" : why, said ? "" : ")");
        else if (origin == STORY_CS_OPTION && !is_utf8_name(cs) &&
                 !multibyte_charset(cs) && !is_utf16_32_name(cs) &&
                 utf8_multibyte_count(body, blen, 0) >=
                     10 * utf8_invalid_count(body, blen) + 10)
            /* the user's --encoding wins, but a single-byte charset on
             * text that is mostly valid multi-byte UTF-8 gives mojibake
             * ("ó" as "Ã³"): say so (fresh-user M1, session 13) */
        {
            size_t nmb = utf8_multibyte_count(body, blen, 0),
                   nbad = utf8_invalid_count(body, blen);
            if (nbad == 0) /* fresh-user 16 L8: not damaged, UTF-8 */
                snprintf(note, note_sz,
                         "read as %s as --encoding asks, but the bytes are "
                         "valid UTF-8 (%zu multi-byte sequences, no invalid "
                         "byte): the text is likely mojibake; without "
                         "--encoding it is read as UTF-8",
                         cs, nmb);
            else
                snprintf(note, note_sz,
                         "read as %s as --encoding asks, but %zu of its "
                         "byte sequences are valid multi-byte UTF-8 and %zu "
                         "%s not: a damaged UTF-8 file? (the text "
                         "may be mojibake)",
                         cs, nmb, nbad, nbad == 1 ? "byte is" : "bytes are");
        }
    }
    if (n_replaced)
        *n_replaced = nrep;
    if (first_replaced)
        *first_replaced = first;
    return 0;
}

int story_charset_known(const char *name)
{
    if (!name || !*name)
        return 0;
    UErrorCode e = U_ZERO_ERROR;
    UConverter *cv = ucnv_open(name, &e);
    if (cv)
        ucnv_close(cv);
    return U_SUCCESS(e) && cv != NULL;
}
