/*
 * Stage 1, ingest: the public entry points (include/storydiff/ingest.h).
 * Reads a path, "-" (stdin), an http(s) URL or a page saved with --save,
 * decides the charset (charset.c), then extracts the article from plain
 * text (ingest_text.c) or HTML (html_extract.c, html_meta.c).
 * Also: the article builder and the boilerplate phrase list shared by the
 * ingest files. See docs/ingest.md.
 */
#include "internal.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <jansson.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include "ingest_int.h"

#define DEFAULT_MAX_BYTES ((size_t)64 << 20)

/* ---- article builder ---------------------------------------------------- */

void story__blocks_init(story_blocks *b)
{
    memset(b, 0, sizeof *b);
    story_vec_init(&b->paras, sizeof(story_paragraph));
}

void story__blocks_free(story_blocks *b)
{
    story_buf_free(&b->text);
    story_vec_free(&b->paras);
}

static int is_space_byte(unsigned char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
           c == '\v';
}

/* Length of a Unicode white-space character (incl. NBSP, U+2000..U+200A,
 * U+3000, U+202F, U+205F, U+FEFF) at s[i], or 0. */
static size_t space_len(const char *s, size_t len, size_t i)
{
    unsigned char c = (unsigned char)s[i];
    if (is_space_byte(c))
        return 1;
    if (c == 0xC2 && i + 1 < len && (unsigned char)s[i + 1] == 0xA0)
        return 2;
    if (c == 0xE2 && i + 2 < len) {
        unsigned char c1 = (unsigned char)s[i + 1], c2 = (unsigned char)s[i + 2];
        if (c1 == 0x80 && (c2 <= 0x8A || c2 == 0xAF))
            return 3;
        if (c1 == 0x81 && c2 == 0x9F)
            return 3;
    }
    if (c == 0xE3 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0x80)
        return 3;
    if (c == 0xEF && i + 2 < len && (unsigned char)s[i + 1] == 0xBB &&
        (unsigned char)s[i + 2] == 0xBF)
        return 3;
    return 0;
}

/* Trim Unicode white space on both ends of s[*start, *end). */
static void trim_range(const char *s, size_t *start, size_t *end)
{
    size_t a = *start, b = *end, n;
    while (a < b && (n = space_len(s, b, a)) > 0)
        a += n;
    while (b > a) {
        /* step back over one white-space character if there is one */
        size_t k;
        for (k = 1; k <= 3 && k <= b - a; k++)
            if (space_len(s, b, b - k) == k)
                break;
        if (k > 3 || k > b - a)
            break;
        b -= k;
    }
    *start = a;
    *end = b;
}

int story__blocks_add(story_blocks *b, const char *s, size_t len,
                      story_block_kind kind)
{
    size_t a = 0, e = len;
    trim_range(s, &a, &e);
    if (a >= e)
        return 0;
    if (b->paras.len > 0 && story_buf_append(&b->text, "\n\n", 2) != 0)
        return STORY_ENOMEM;
    story_paragraph p;
    memset(&p, 0, sizeof p);
    p.start = b->text.len;
    if (story_buf_append(&b->text, s + a, e - a) != 0)
        return STORY_ENOMEM;
    p.end = b->text.len;
    p.kind = kind;
    if (!story_vec_push(&b->paras, &p))
        return STORY_ENOMEM;
    return 0;
}

story_article *story__article_new(const char *name, const char *fmt)
{
    story_article *a = story__calloc(1, sizeof *a);
    if (!a)
        return NULL;
    a->source = story__strdup(name ? name : "");
    a->final_url = story__strdup("");
    a->lang = story__strdup("");
    a->title = story__strdup("");
    a->byline = story__strdup("");
    a->site_name = story__strdup("");
    a->canonical_url = story__strdup("");
    a->description = story__strdup("");
    a->charset = story__strdup("UTF-8");
    a->charset_note = story__strdup("");
    a->format = story__strdup(fmt ? fmt : "text");
    a->text = story__strdup("");
    a->first_replaced = -1;
    if (!a->source || !a->final_url || !a->lang || !a->title || !a->byline ||
        !a->site_name || !a->canonical_url || !a->description ||
        !a->charset || !a->charset_note || !a->format || !a->text) {
        story_article_free(a);
        return NULL;
    }
    return a;
}

int story__article_take_blocks(story_article *a, story_blocks *b)
{
    char *t;
    if (b->text.oom)
        return STORY_ENOMEM;
    if (b->text.data) {
        t = story_buf_detach(&b->text);
    } else {
        t = story__strdup("");
    }
    if (!t)
        return STORY_ENOMEM;
    free(a->text);
    a->text = t;
    a->text_len = strlen(t);
    free(a->paragraphs);
    a->paragraphs = b->paras.data;
    a->n_paragraphs = b->paras.len;
    b->paras.data = NULL;
    b->paras.len = b->paras.cap = 0;
    return 0;
}

int story__set_field(char **field, const char *s, size_t len)
{
    story_buf b = {0};
    size_t i = 0, n;
    int pending = 0;
    if (story_buf_append(&b, "", 0) != 0)
        return STORY_ENOMEM;
    while (i < len) {
        n = space_len(s, len, i);
        if (n) {
            pending = b.len > 0;
            i += n;
            continue;
        }
        if (pending)
            story_buf_putc(&b, ' ');
        pending = 0;
        story_buf_putc(&b, s[i]);
        i++;
    }
    if (b.oom) {
        story_buf_free(&b);
        return STORY_ENOMEM;
    }
    free(*field);
    *field = story_buf_detach(&b);
    return *field ? 0 : STORY_ENOMEM;
}

/* ---- case folding and boilerplate phrases ---------------------------- */

int story__ingest_fold(story_buf *out, const char *s, size_t len)
{
    UErrorCode e = U_ZERO_ERROR;
    UChar stack[512], fstack[600];
    UChar *u = stack, *f = fstack;
    int32_t ulen = 0, flen;
    int rc = 0;
    if (len > 1u << 24)
        return STORY_EINVAL;
    u_strFromUTF8Lenient(u, 512, &ulen, s, (int32_t)len, &e);
    if (e == U_BUFFER_OVERFLOW_ERROR) {
        e = U_ZERO_ERROR;
        u = story__malloc(sizeof(UChar) * ((size_t)ulen + 1));
        if (!u)
            return STORY_ENOMEM;
        u_strFromUTF8Lenient(u, ulen + 1, &ulen, s, (int32_t)len, &e);
    }
    if (U_FAILURE(e)) {
        rc = STORY_EICU;
        goto done;
    }
    flen = u_strFoldCase(f, 600, u, ulen, U_FOLD_CASE_DEFAULT, &e);
    if (e == U_BUFFER_OVERFLOW_ERROR) {
        e = U_ZERO_ERROR;
        f = story__malloc(sizeof(UChar) * ((size_t)flen + 1));
        if (!f) {
            rc = STORY_ENOMEM;
            goto done;
        }
        flen = u_strFoldCase(f, flen + 1, u, ulen, U_FOLD_CASE_DEFAULT, &e);
    }
    if (U_FAILURE(e)) {
        rc = STORY_EICU;
        goto done;
    }
    {
        int32_t blen = 0;
        UErrorCode e2 = U_ZERO_ERROR;
        u_strToUTF8(NULL, 0, &blen, f, flen, &e2);
        if (story_buf_grow(out, (size_t)blen + 1) != 0) {
            rc = STORY_ENOMEM;
            goto done;
        }
        e2 = U_ZERO_ERROR;
        u_strToUTF8(out->data + out->len, blen + 1, &blen, f, flen, &e2);
        if (U_FAILURE(e2)) {
            rc = STORY_EICU;
            goto done;
        }
        out->len += (size_t)blen;
        out->data[out->len] = '\0';
    }
done:
    if (u != stack)
        free(u);
    if (f != fstack)
        free(f);
    return rc;
}

typedef struct ingest_res {
    story_vec lines;    /* char * (folded) */
    story_vec headings; /* char * (folded) */
    story_vec byline;   /* char * (folded) */
    story_vec published; /* char * (folded) */
    story_vec joiners;  /* char * (folded) */
} ingest_res;

static void ingest_res_free(void *p)
{
    ingest_res *r = p;
    if (!r)
        return;
    for (size_t i = 0; i < r->lines.len; i++)
        free(((char **)r->lines.data)[i]);
    for (size_t i = 0; i < r->headings.len; i++)
        free(((char **)r->headings.data)[i]);
    for (size_t i = 0; i < r->byline.len; i++)
        free(((char **)r->byline.data)[i]);
    for (size_t i = 0; i < r->published.len; i++)
        free(((char **)r->published.data)[i]);
    for (size_t i = 0; i < r->joiners.len; i++)
        free(((char **)r->joiners.data)[i]);
    story_vec_free(&r->joiners);
    story_vec_free(&r->published);
    story_vec_free(&r->byline);
    story_vec_free(&r->lines);
    story_vec_free(&r->headings);
    free(r);
}

static int load_list(story_vec *v, json_t *obj)
{
    const char *lang;
    json_t *arr;
    if (!json_is_object(obj))
        return 0;
    json_object_foreach(obj, lang, arr) {
        size_t i;
        json_t *it;
        (void)lang;
        if (!json_is_array(arr))
            continue;
        json_array_foreach(arr, i, it) {
            story_buf b = {0};
            const char *s = json_string_value(it);
            if (!s)
                continue;
            if (story__ingest_fold(&b, s, strlen(s)) != 0 || !b.data) {
                story_buf_free(&b);
                return STORY_ENOMEM;
            }
            char *d = story_buf_detach(&b);
            if (!story_vec_push(v, &d)) {
                free(d);
                return STORY_ENOMEM;
            }
        }
    }
    return 0;
}

static int ingest_res_load(story_ctx *ctx, story_error *err)
{
    if (!ctx || story__ctx_get(ctx, STORY_MOD_INGEST))
        return 0;
    ingest_res *r = story__calloc(1, sizeof *r);
    if (!r)
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    story_vec_init(&r->lines, sizeof(char *));
    story_vec_init(&r->headings, sizeof(char *));
    story_vec_init(&r->byline, sizeof(char *));
    story_vec_init(&r->published, sizeof(char *));
    story_vec_init(&r->joiners, sizeof(char *));
    story_buf path = {0};
    story_buf_printf(&path, "%s/ingest/boilerplate.json",
                     story_ctx_locales_dir(ctx));
    if (path.oom) {
        ingest_res_free(r);
        story_buf_free(&path);
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    }
    struct stat st;
    if (stat(path.data, &st) == 0) {
        json_error_t je;
        json_t *root = json_load_file(path.data, 0, &je);
        if (!root) {
            int rc = story__error(err, STORY_ELOCALE, path.data, je.position,
                                  "invalid JSON at line %d column %d: %s",
                                  je.line, je.column, je.text);
            if (err) {
                err->line = je.line;
                err->column = je.column;
            }
            ingest_res_free(r);
            story_buf_free(&path);
            return rc;
        }
        int rc = load_list(&r->lines, json_object_get(root, "lines"));
        if (rc == 0)
            rc = load_list(&r->headings, json_object_get(root, "headings"));
        if (rc == 0)
            rc = load_list(&r->byline, json_object_get(root, "byline"));
        if (rc == 0)
            rc = load_list(&r->published, json_object_get(root, "published"));
        if (rc == 0)
            rc = load_list(&r->joiners,
                           json_object_get(root, "byline_joiners"));
        json_decref(root);
        if (rc != 0) {
            ingest_res_free(r);
            story_buf_free(&path);
            return story__error(err, rc, NULL, -1, "out of memory");
        }
    }
    story_buf_free(&path);
    story__ctx_set(ctx, STORY_MOD_INGEST, r, ingest_res_free);
    return 0;
}

int story__ingest_phrase(story_ctx *ctx, const char *which, const char *key)
{
    size_t n = 0;
    const char *const *v = story__ingest_phrases(ctx, which, &n);
    for (size_t i = 0; i < n; i++)
        if (strcmp(v[i], key) == 0)
            return 1;
    return 0;
}

const char *const *story__ingest_phrases(story_ctx *ctx, const char *which,
                                         size_t *n)
{
    ingest_res *r = ctx ? story__ctx_get(ctx, STORY_MOD_INGEST) : NULL;
    *n = 0;
    if (!r)
        return NULL;
    story_vec *v = strcmp(which, "lines") == 0       ? &r->lines
                   : strcmp(which, "byline") == 0    ? &r->byline
                   : strcmp(which, "published") == 0 ? &r->published
                   : strcmp(which, "byline_joiners") == 0 ? &r->joiners
                                                     : &r->headings;
    *n = v->len;
    return (const char *const *)v->data;
}

/* ---- format detection ---------------------------------------------------- */

static int ct_is(const char *ct, const char *type)
{
    size_t n = strlen(type);
    while (ct && (*ct == ' ' || *ct == '\t'))
        ct++;
    return ct && strncasecmp(ct, type, n) == 0 &&
           (ct[n] == '\0' || ct[n] == ';' || ct[n] == ' ');
}

/* ---- public API ---------------------------------------------------------- */

int story_ingest_memory(story_article **out, story_ctx *ctx, const char *name,
                        const char *data, size_t len, const char *content_type,
                        const story_ingest_options *opts, story_error *err)
{
    story_ingest_options dflt = STORY_INGEST_OPTIONS_INIT;
    char cs[64] = "", http_cs[64] = "", note[384] = "";
    size_t n_rep = 0;
    long long first_rep = -1;
    char *utf8 = NULL;
    size_t ulen = 0;
    int rc, is_html;
    story_article *a = NULL;

    if (!out)
        return story__error(err, STORY_EINVAL, name, -1, "no output pointer");
    *out = NULL;
    if (!name)
        name = "(memory)";
    if (!data && len > 0)
        return story__error(err, STORY_EINVAL, name, -1, "no input bytes");
    if (opts && (rc = story__opts_version(opts->version,
                                          STORY_INGEST_OPTIONS_VERSION,
                                          "story_ingest_memory", err)))
        return rc;
    if (!opts)
        opts = &dflt;
    size_t cap = opts->max_bytes ? opts->max_bytes : DEFAULT_MAX_BYTES;
    if (len > cap)
        return story__error(err, STORY_EINVAL, name, (long long)cap,
                            "input is %zu bytes, over the size cap of %zu "
                            "bytes",
                            len, cap);
    if (opts->format && strcmp(opts->format, "text") != 0 &&
        strcmp(opts->format, "html") != 0)
        return story__error(err, STORY_EINVAL, name, -1,
                            "unknown input format '%s' (text or html)",
                            opts->format);
    if (len == 0)
        return story__error(err, STORY_EEMPTY, name, 0, "empty input");
    rc = ingest_res_load(ctx, err);
    if (rc != 0)
        return rc;

    if (opts->format)
        is_html = strcmp(opts->format, "html") == 0;
    else if (content_type && (ct_is(content_type, "text/html") ||
                              ct_is(content_type, "application/xhtml+xml")))
        is_html = 1;
    else if (content_type && ct_is(content_type, "text/plain"))
        is_html = 0;
    else
        is_html = story__looks_like_html(data, len);
    /* a UTF-16 file with a BOM: its tags are not ASCII bytes, so the
     * format is sniffed again after decoding (below; session 12,
     * fresh-user M6: a local UTF-16 page was read as text) */
    int sniff_decoded = !opts->format && !content_type && !is_html &&
                        len >= 2 &&
                        (((unsigned char)data[0] == 0xFF &&
                          (unsigned char)data[1] == 0xFE) ||
                         ((unsigned char)data[0] == 0xFE &&
                          (unsigned char)data[1] == 0xFF));

    if (content_type)
        story__content_type_charset(content_type, http_cs, sizeof http_cs);
    rc = story__charset_decode(&utf8, &ulen, cs, name, data, len,
                               opts->encoding, http_cs[0] ? http_cs : NULL,
                               is_html, &n_rep, &first_rep, note,
                               sizeof note, err);
    if (rc != 0)
        return rc;
    if (sniff_decoded)
        is_html = story__looks_like_html(utf8, ulen);

    const char *feed = story__looks_like_feed(utf8, ulen);
    if (feed) {
        free(utf8);
        return story__error(err, STORY_EPARSE, name, 0,
                            "this is %s feed (root element <%s>), not an "
                            "article: give the page of one of its items "
                            "(the feed's <link> addresses)",
                            strcmp(feed, "feed") == 0 ? "an Atom" : "an RSS",
                            feed);
    }
    a = story__article_new(name, is_html ? "html" : "text");
    if (!a) {
        free(utf8);
        return story__error(err, STORY_ENOMEM, name, -1, "out of memory");
    }
    if (story__set_field(&a->charset, cs, strlen(cs)) != 0) {
        rc = story__error(err, STORY_ENOMEM, name, -1, "out of memory");
        goto fail;
    }
    a->n_replaced = n_rep;
    if (story__set_field(&a->charset_note, note, strlen(note)) != 0) {
        rc = story__error(err, STORY_ENOMEM, name, -1, "out of memory");
        goto fail;
    }
    a->first_replaced = first_rep;
    if (is_html)
        rc = story__ingest_html(a, ctx, utf8, ulen, opts->keep_captions, err);
    else
        rc = story__ingest_text(a, ctx, utf8, ulen, err);
    if (rc != 0)
        goto fail;
    if (a->n_paragraphs == 0) {
        rc = story__error(err, STORY_EEMPTY, name, -1,
                          is_html ? "no article text found in the HTML"
                                  : "no text (only white space)");
        goto fail;
    }
    free(utf8);
    *out = a;
    return 0;
fail:
    free(utf8);
    story_article_free(a);
    return rc;
}

/* Read all of f into a malloc'd buffer, at most cap bytes. */
static int read_stream(char **out, size_t *out_len, FILE *f, const char *name,
                       size_t cap, story_error *err)
{
    story_buf b = {0};
    char chunk[65536];
    size_t n;
    *out = NULL;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b.len + n > cap) {
            story_buf_free(&b);
            return story__error(err, STORY_EIO, name, (long long)cap,
                                "input is larger than the size cap of %zu "
                                "bytes",
                                cap);
        }
        if (story_buf_append(&b, chunk, n) != 0) {
            story_buf_free(&b);
            return story__error(err, STORY_ENOMEM, name, -1,
                                "out of memory");
        }
    }
    if (ferror(f)) {
        int e = errno;
        story_buf_free(&b);
        return story__error(err, STORY_EIO, name, -1, "read error: %s",
                            strerror(e));
    }
    if (!b.data && story_buf_append(&b, "", 0) != 0)
        return story__error(err, STORY_ENOMEM, name, -1, "out of memory");
    *out_len = b.len;
    *out = story_buf_detach(&b);
    return 0;
}

static int read_path(char **out, size_t *out_len, const char *path,
                     size_t cap, story_error *err)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        int e = errno;
        return story__error(err, STORY_EIO, path, -1, "%s", strerror(e));
    }
    if (S_ISDIR(st.st_mode))
        return story__error(err, STORY_EIO, path, -1, "is a directory");
    if (S_ISREG(st.st_mode) && (size_t)st.st_size > cap)
        return story__error(err, STORY_EIO, path, (long long)cap,
                            "file is %lld bytes, over the size cap of %zu "
                            "bytes",
                            (long long)st.st_size, cap);
    FILE *f = fopen(path, "rb");
    if (!f) {
        int e = errno;
        return story__error(err, STORY_EIO, path, -1, "%s", strerror(e));
    }
    int rc = read_stream(out, out_len, f, path, cap, err);
    fclose(f);
    return rc;
}

static int ends_with(const char *s, const char *suffix)
{
    size_t a = strlen(s), b = strlen(suffix);
    return a >= b && strcmp(s + a - b, suffix) == 0;
}

#define SIDECAR_SUFFIX ".storydiff.json"

/* A page saved with --save: `path` is the body or its sidecar. Fills the
 * body path, content type and final URL from the sidecar. 1 = sidecar
 * found and used, 0 = none, < 0 error. */
static int load_sidecar(const char *path, story_buf *body_path,
                        story_buf *ctype, story_buf *final_url,
                        story_buf *sha, story_error *err)
{
    story_buf side = {0};
    struct stat st;
    int is_side = ends_with(path, SIDECAR_SUFFIX);
    if (is_side)
        story_buf_puts(&side, path);
    else
        story_buf_printf(&side, "%s%s", path, SIDECAR_SUFFIX);
    if (side.oom) {
        story_buf_free(&side);
        return story__error(err, STORY_ENOMEM, path, -1, "out of memory");
    }
    if (stat(side.data, &st) != 0 || !S_ISREG(st.st_mode)) {
        story_buf_free(&side);
        return 0;
    }
    json_error_t je;
    json_t *j = json_load_file(side.data, 0, &je);
    if (!j || !json_is_object(j)) {
        int rc = story__error(err, STORY_EPARSE, side.data,
                              j ? -1 : je.position,
                              "invalid --save sidecar: %s",
                              j ? "not a JSON object" : je.text);
        json_decref(j);
        story_buf_free(&side);
        return rc;
    }
    const char *file = json_string_value(json_object_get(j, "file"));
    const char *ct = json_string_value(json_object_get(j, "content_type"));
    const char *fu = json_string_value(json_object_get(j, "final_url"));
    const char *sh = json_string_value(json_object_get(j, "sha256"));
    if (is_side) {
        if (!file || !*file || strchr(file, '/')) {
            int rc = story__error(err, STORY_EPARSE, side.data, -1,
                                  "sidecar has no valid \"file\" field");
            json_decref(j);
            story_buf_free(&side);
            return rc;
        }
        const char *slash = strrchr(path, '/');
        if (slash)
            story_buf_append(body_path, path, (size_t)(slash - path + 1));
        story_buf_puts(body_path, file);
    } else {
        story_buf_puts(body_path, path);
    }
    story_buf_puts(ctype, ct ? ct : "");
    story_buf_puts(final_url, fu ? fu : "");
    story_buf_puts(sha, sh ? sh : "");
    json_decref(j);
    story_buf_free(&side);
    if (body_path->oom || ctype->oom || final_url->oom || sha->oom)
        return story__error(err, STORY_ENOMEM, path, -1, "out of memory");
    return 1;
}

int story_ingest(story_article **out, story_ctx *ctx, const char *src,
                 const story_ingest_options *opts, story_error *err)
{
    story_ingest_options dflt = STORY_INGEST_OPTIONS_INIT;
    char *data = NULL;
    size_t len = 0;
    int rc;

    if (!out)
        return story__error(err, STORY_EINVAL, src, -1, "no output pointer");
    *out = NULL;
    if (!src)
        return story__error(err, STORY_EINVAL, NULL, -1, "no input given");
    if (!*src) /* an input was given: the empty path (fresh-user L10) */
        return story__error(err, STORY_EINVAL, "''", -1,
                            "an empty path names no file");
    if (opts && (rc = story__opts_version(opts->version,
                                          STORY_INGEST_OPTIONS_VERSION,
                                          "story_ingest", err)))
        return rc;
    if (!opts)
        opts = &dflt;
    size_t cap = opts->max_bytes ? opts->max_bytes : DEFAULT_MAX_BYTES;

    if (story__is_url(src)) {
        story_fetch_result res;
        rc = story__fetch(&res, src, opts, err);
        if (rc != 0)
            return rc;
        if (opts->save_dir) {
            rc = story__fetch_save(&res, src, opts->save_dir, err);
            if (rc != 0) {
                story__fetch_result_free(&res);
                return rc;
            }
        }
        /* the article and its reports show the URL without a password */
        char shown[4096], fshown[4096];
        const char *name = story__redact_url(src, shown, sizeof shown);
        const char *furl =
            story__redact_url(res.final_url, fshown, sizeof fshown);
        rc = story_ingest_memory(out, ctx, name, res.data, res.len,
                                 res.content_type[0] ? res.content_type : NULL,
                                 opts, err);
        if (rc == 0 && story__set_field(&(*out)->final_url, furl,
                                        strlen(furl)) != 0) {
            story_article_free(*out);
            *out = NULL;
            rc = story__error(err, STORY_ENOMEM, src, -1, "out of memory");
        }
        story__fetch_result_free(&res);
        return rc;
    }
    if (strncasecmp(src, "file:", 5) == 0 || strncasecmp(src, "ftp:", 4) == 0)
        return story__error(err, STORY_EINVAL, src, -1,
                            "only http and https URLs are supported");

    if (strcmp(src, "-") == 0) {
        rc = read_stream(&data, &len, stdin, "-", cap, err);
        if (rc != 0)
            return rc;
        rc = story_ingest_memory(out, ctx, src, data, len, NULL, opts, err);
        free(data);
        return rc;
    }

    story_buf body = {0}, ct = {0}, furl = {0}, sha = {0};
    rc = load_sidecar(src, &body, &ct, &furl, &sha, err);
    if (rc < 0)
        goto done;
    int saved = rc == 1;
    rc = read_path(&data, &len, saved ? body.data : src, cap, err);
    if (rc != 0)
        goto done;
    if (saved && sha.len == 64) {
        char hex[65];
        story__sha256_hex(data, len, hex);
        if (strcmp(hex, sha.data) != 0) {
            rc = story__error(err, STORY_EPARSE, src, -1,
                              "saved page does not match the SHA-256 in its "
                              "sidecar (file changed since it was fetched)");
            goto done;
        }
    }
    rc = story_ingest_memory(out, ctx, src, data, len,
                             saved && ct.len ? ct.data : NULL, opts, err);
    if (rc == 0 && saved && furl.len &&
        story__set_field(&(*out)->final_url, furl.data, furl.len) != 0) {
        story_article_free(*out);
        *out = NULL;
        rc = story__error(err, STORY_ENOMEM, src, -1, "out of memory");
    }
done:
    free(data);
    story_buf_free(&body);
    story_buf_free(&ct);
    story_buf_free(&furl);
    story_buf_free(&sha);
    return rc;
}
