/*
 * Lexical document features for the overall similarity: term cosine,
 * headline containment, lead cosine, shared term pairs (see align_dims.h).
 */
#include "internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>
#include <unicode/uchar.h>

#include "align_dims.h"
#include "lexicon.h"
#include "locale.h"
#include "normalize.h"
#include "stem.h"

/* One content term: its prefix hash and, across languages, the prefix
 * hashes of its translations (alt[0 .. nalt)). */
typedef struct term {
    uint64_t h;
    uint32_t alt_off, nalt;
    unsigned char longw; /* >= SD_PREFIX code points, or a number */
} term;

typedef struct side {
    term *t;
    size_t n;
    uint64_t *alt; /* translation hashes of all terms */
    size_t nalt, capalt;
    uint64_t *own;   /* sorted own hashes */
    uint64_t *reach; /* sorted own + translation hashes */
    size_t nreach;
} side;

/* FNV-1a 64 of the first SD_PREFIX code points of s (all of s when
 * whole); *cps receives the code points of s (up to SD_PREFIX + 1). */
static uint64_t prefix_hash(const char *s, size_t n, int whole, int *cps)
{
    size_t i = 0, end = n;
    int c = 0;
    while (i < n && c <= SD_PREFIX) {
        (void)story__utf8_next(s, n, &i);
        c++;
        if (c == SD_PREFIX && !whole)
            end = i;
    }
    *cps = c;
    uint64_t h = 1469598103934665603ull;
    for (size_t k = 0; k < end; k++) {
        h ^= (unsigned char)s[k];
        h *= 1099511628211ull;
    }
    return h ? h : 1;
}

static int cmp_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return a < b ? -1 : a > b;
}

static int push_alt(side *s, uint64_t h)
{
    if (s->nalt == s->capalt) {
        size_t nc = s->capalt ? 2 * s->capalt : 64;
        uint64_t *na = story__realloc(s->alt, nc * sizeof *na);
        if (!na)
            return -1;
        s->alt = na;
        s->capalt = nc;
    }
    s->alt[s->nalt++] = h;
    return 0;
}

/* Content terms of an article in text order, with translations through
 * lx (may be NULL). Returns 0 or -1 on allocation failure. */
static int side_build(side *s, story_ctx *ctx, const story_article *a,
                      const story__lexicon *lx)
{
    memset(s, 0, sizeof *s);
    s->t = story__malloc((a->n_tokens + 1) * sizeof *s->t);
    if (!s->t)
        return -1;
    story_buf stem;
    memset(&stem, 0, sizeof stem);
    /* a dictionary stemmer (hunspell) gives lemmas, which are truncated
     * in place of the word: suppletive and vowel-alternating forms (Polish
     * "dzień" / "dnia", "ręka" / "ręce") meet at the lemma */
    int lemmas = 0;
    const story_langpack *lp = NULL;
    if (a->lang && a->lang[0] &&
        story_langpack_get(&lp, ctx, a->lang, NULL) == 0 && lp) {
        const char *sn =
            json_string_value(story_langpack_field(lp, "stemmer"));
        lemmas = sn && strncmp(sn, "hunspell:", 9) == 0;
    }
    int rc = 0;
    for (size_t i = 0; i < a->n_tokens && rc == 0; i++) {
        const story_token *tk = &a->tokens[i];
        const char *k = tk->key;
        if (!k || !k[0] ||
            !(tk->flags & (STORY_TOKEN_LETTER | STORY_TOKEN_IDEO |
                           STORY_TOKEN_NUMBER)))
            continue;
        size_t n = strlen(k);
        int num = (tk->flags & STORY_TOKEN_NUMBER) != 0;
        if (n < 2 && (unsigned char)k[0] < 0x80)
            continue;
        if (!num && a->lang && a->lang[0] &&
            story__is_stopword(ctx, a->lang, k))
            continue;
        term *t = &s->t[s->n++];
        int cps = 0;
        const char *hk = k;
        size_t hn = n;
        /* a stemmer that strips prefixes (the Arabic article and
         * conjunctions: "al-", "wa-") changes the first letters: then the
         * stem, found inside the word, is truncated instead of the word;
         * so is a lemma. In a script without letter case every word is
         * reduced to its stem: the Arabic stemmer also writes alef with
         * hamza as bare alef ("الأطفال" / "أطفال" -> "اطفال"), so its
         * stem is not always found inside the word; where letters have
         * case, a changed start is a folded diacritic (German "über" ->
         * "uber") and the word is kept. */
        if (!num && a->lang && a->lang[0]) {
            stem.len = 0;
            if (story__stem(ctx, a->lang, k, n, &stem, NULL) == 0 &&
                stem.data && stem.len >= 2) {
                size_t off = 0;
                UChar32 c0 = story__utf8_next(k, n, &off);
                int caseless = u_toupper(c0) == c0 && u_tolower(c0) == c0;
                if (lemmas || caseless ||
                    (stem.len < n && memcmp(stem.data, k, 2) != 0 &&
                     strstr(k + 1, stem.data))) {
                    hk = stem.data;
                    hn = stem.len;
                }
            }
        }
        t->h = prefix_hash(hk, hn, num, &cps);
        if (hk != k) /* long or not by the word, not by its stem */
            (void)prefix_hash(k, n, 1, &cps);
        t->longw = num || cps >= SD_PREFIX;
        t->alt_off = (uint32_t)s->nalt;
        t->nalt = 0;
        if (!lx || num)
            continue;
        const char *const *tr = NULL;
        size_t ntr = story__lexicon_lookup(lx, k, n, &tr);
        if (ntr == 0 && a->lang && a->lang[0]) {
            stem.len = 0;
            if (story__stem(ctx, a->lang, k, n, &stem, NULL) == 0 &&
                stem.data && stem.len > 0)
                ntr = story__lexicon_lookup(lx, stem.data, stem.len, &tr);
        }
        for (size_t q = 0; q < ntr && rc == 0; q++) {
            int c2;
            uint64_t h = prefix_hash(tr[q], strlen(tr[q]), 0, &c2);
            if (h != t->h) {
                rc = push_alt(s, h);
                t->nalt++;
            }
        }
    }
    story_buf_free(&stem);
    if (rc)
        return -1;
    s->own = story__malloc((s->n + 1) * sizeof *s->own);
    s->reach = story__malloc((s->n + s->nalt + 1) * sizeof *s->reach);
    if (!s->own || !s->reach)
        return -1;
    for (size_t i = 0; i < s->n; i++)
        s->own[i] = s->reach[i] = s->t[i].h;
    if (s->nalt)
        memcpy(s->reach + s->n, s->alt, s->nalt * sizeof *s->alt);
    s->nreach = s->n + s->nalt;
    qsort(s->own, s->n, sizeof *s->own, cmp_u64);
    qsort(s->reach, s->nreach, sizeof *s->reach, cmp_u64);
    return 0;
}

static void side_free(side *s)
{
    free(s->t);
    free(s->alt);
    free(s->own);
    free(s->reach);
}

/* Cosine of the sublinear tf vectors of two sorted hash arrays. */
static double cosine_sorted(const uint64_t *x, size_t nx, const uint64_t *y,
                            size_t ny)
{
    double dot = 0, sx = 0, sy = 0;
    size_t i = 0, j = 0;
    while (i < nx || j < ny) {
        uint64_t h = (j >= ny || (i < nx && x[i] <= y[j])) ? x[i] : y[j];
        size_t cx = 0, cy = 0;
        while (i < nx && x[i] == h) {
            cx++;
            i++;
        }
        while (j < ny && y[j] == h) {
            cy++;
            j++;
        }
        double wx = cx ? 1 + log((double)cx) : 0;
        double wy = cy ? 1 + log((double)cy) : 0;
        dot += wx * wy;
        sx += wx * wx;
        sy += wy * wy;
    }
    return (sx > 0 && sy > 0) ? dot / sqrt(sx * sy) : 0;
}

/* Hashes of the first m terms of x, with their translations when x
 * carries them; *n receives the count. */
static uint64_t *lead_terms(const side *x, size_t m, size_t *n)
{
    size_t k = x->n < m ? x->n : m, cnt = k;
    for (size_t i = 0; i < k; i++)
        cnt += x->t[i].nalt;
    uint64_t *v = story__malloc((cnt + 1) * sizeof *v);
    *n = 0;
    if (!v)
        return NULL;
    for (size_t i = 0; i < k; i++) {
        v[(*n)++] = x->t[i].h;
        for (uint32_t q = 0; q < x->t[i].nalt; q++)
            v[(*n)++] = x->alt[x->t[i].alt_off + q];
    }
    qsort(v, *n, sizeof *v, cmp_u64);
    return v;
}

/* Cosine over the first m terms of each side. */
static double lead_cosine(const side *x, const side *y, size_t m, int *oom)
{
    size_t nx = 0, ny = 0;
    uint64_t *a = lead_terms(x, m, &nx), *b = lead_terms(y, m, &ny);
    double c = 0;
    if (!a || !b)
        *oom = 1;
    else
        c = cosine_sorted(a, nx, b, ny);
    free(a);
    free(b);
    return c;
}

static int in_sorted(uint64_t h, const uint64_t *v, size_t n)
{
    return bsearch(&h, v, n, sizeof *v, cmp_u64) != NULL;
}

/* A term of x is found in y when it or one of its translations is among
 * y's terms, or when it is among the translations of y's terms (only one
 * side carries translations). */
static int term_found(const side *x, const term *t, const side *y)
{
    if (in_sorted(t->h, y->reach, y->nreach))
        return 1;
    for (uint32_t q = 0; q < t->nalt; q++)
        if (in_sorted(x->alt[t->alt_off + q], y->own, y->n))
            return 1;
    return 0;
}

/* Share of x's first `h` terms (long ones only when longw) found in y. */
static double head_share(const side *x, const side *y, size_t h, int longw)
{
    size_t seen = 0, hit = 0;
    for (size_t i = 0; i < x->n && seen < h; i++) {
        if (longw && !x->t[i].longw)
            continue;
        seen++;
        hit += term_found(x, &x->t[i], y);
    }
    return seen ? (double)hit / (double)seen : 0;
}

static int mark_runs(const side *x, const side *y, unsigned char *cx);

/* head_share over long terms within one language, where consecutive
 * headline terms inside one passage shared word for word (mark_runs)
 * count as one unit, as in collapsed_cosine: a template prefix of one
 * outlet's headlines ("<agency>: <region>: ...") is one piece of
 * evidence, and a copied headline is still found whole. Returns -1 on
 * allocation failure. */
static double head_share_collapsed(const side *x, const side *y, size_t h)
{
    unsigned char *cx = story__malloc(x->n + 1);
    if (!cx || mark_runs(x, y, cx)) {
        free(cx);
        return -1;
    }
    size_t seen = 0, units = 0, hit = 0, prev = SIZE_MAX;
    for (size_t i = 0; i < x->n && seen < h; i++) {
        if (!x->t[i].longw)
            continue;
        seen++;
        int same_run = 0;
        if (cx[i] && prev != SIZE_MAX) {
            same_run = 1;
            for (size_t j = prev; j <= i; j++)
                same_run = same_run && cx[j];
        }
        prev = i;
        if (same_run)
            continue;
        units++;
        hit += term_found(x, &x->t[i], y);
    }
    free(cx);
    return units ? (double)hit / (double)units : 0;
}

/* Dice of the sets of adjacent term pairs (own hashes). */
static double bigram_dice(const side *x, const side *y, int *oom)
{
    size_t nx = x->n > 1 ? x->n - 1 : 0, ny = y->n > 1 ? y->n - 1 : 0;
    if (!nx || !ny)
        return 0;
    uint64_t *a = story__malloc(nx * sizeof *a);
    uint64_t *b = story__malloc(ny * sizeof *b);
    double d = 0;
    if (!a || !b) {
        *oom = 1;
    } else {
        for (size_t i = 0; i < nx; i++)
            a[i] = x->t[i].h * 31u + x->t[i + 1].h;
        for (size_t j = 0; j < ny; j++)
            b[j] = y->t[j].h * 31u + y->t[j + 1].h;
        qsort(a, nx, sizeof *a, cmp_u64);
        qsort(b, ny, sizeof *b, cmp_u64);
        size_t ua = 0, ub = 0, sh = 0, i = 0, j = 0;
        for (size_t k = 0; k < nx; k++)
            ua += k == 0 || a[k] != a[k - 1];
        for (size_t k = 0; k < ny; k++)
            ub += k == 0 || b[k] != b[k - 1];
        while (i < nx && j < ny) {
            if (a[i] < b[j]) {
                i++;
            } else if (b[j] < a[i]) {
                j++;
            } else {
                sh++;
                uint64_t v = a[i];
                while (i < nx && a[i] == v)
                    i++;
                while (j < ny && b[j] == v)
                    j++;
            }
        }
        d = (ua + ub) ? 2.0 * (double)sh / (double)(ua + ub) : 0;
    }
    free(a);
    free(b);
    return d;
}

/* Hash of the SD_RUN terms of x starting at i. */
static uint64_t run_hash(const side *x, size_t i)
{
    uint64_t g = 1469598103934665603ull;
    for (size_t k = 0; k < SD_RUN; k++) {
        g ^= x->t[i + k].h;
        g *= 1099511628211ull;
    }
    return g ? g : 1;
}

/* Mark in cx the terms of x that lie inside a run of SD_RUN consecutive
 * terms which also occurs in y. Returns 0 or -1 on allocation failure. */
static int mark_runs(const side *x, const side *y, unsigned char *cx)
{
    memset(cx, 0, x->n + 1);
    if (x->n < SD_RUN || y->n < SD_RUN)
        return 0;
    size_t ny = y->n - SD_RUN + 1;
    uint64_t *g = story__malloc(ny * sizeof *g);
    if (!g)
        return -1;
    for (size_t j = 0; j < ny; j++)
        g[j] = run_hash(y, j);
    qsort(g, ny, sizeof *g, cmp_u64);
    for (size_t i = 0; i + SD_RUN <= x->n; i++)
        if (in_sorted(run_hash(x, i), g, ny))
            memset(cx + i, 1, SD_RUN);
    free(g);
    return 0;
}

/* The first m terms of x, sorted, with every maximal run of marked terms
 * (cx) replaced by one hash of the whole run; *n receives the count. */
static uint64_t *collapsed_terms(const side *x, const unsigned char *cx,
                                 size_t m, size_t *n)
{
    size_t k = x->n < m ? x->n : m;
    uint64_t *v = story__malloc((k + 1) * sizeof *v);
    *n = 0;
    if (!v)
        return NULL;
    for (size_t i = 0; i < k;) {
        if (!cx[i]) {
            v[(*n)++] = x->t[i++].h;
            continue;
        }
        uint64_t g = 14695981039346656037ull;
        while (i < k && cx[i]) {
            g ^= x->t[i++].h;
            g *= 1099511628211ull;
        }
        v[(*n)++] = g ? g : 1;
    }
    qsort(v, *n, sizeof *v, cmp_u64);
    return v;
}

/* Cosine over the first m terms of each side of one language, a passage
 * shared word for word (runs of >= SD_RUN terms found in both) counting
 * as one term: a copied passage is one piece of evidence, not one per
 * word. Scraped pages of one outlet share templates (consent notices,
 * press-office headers and footers, tag lists) word for word, while two
 * accounts of one story share words but rarely long verbatim runs;
 * identical texts still score 1. */
static double collapsed_cosine(const side *x, const side *y, size_t m,
                               int *oom)
{
    unsigned char *cx = story__malloc(x->n + 1);
    unsigned char *cy = story__malloc(y->n + 1);
    uint64_t *a = NULL, *b = NULL;
    size_t na = 0, nb = 0;
    double c = 0;
    if (!cx || !cy || mark_runs(x, y, cx) || mark_runs(y, x, cy) ||
        !(a = collapsed_terms(x, cx, m, &na)) ||
        !(b = collapsed_terms(y, cy, m, &nb)))
        *oom = 1;
    else
        c = cosine_sorted(a, na, b, nb);
    free(cx);
    free(cy);
    free(a);
    free(b);
    return c;
}

/* Term cosine across languages: the side with translations counts each
 * term with its translations. */
static double cross_cosine(const side *x, const side *y)
{
    if (x->nalt)
        return cosine_sorted(x->reach, x->nreach, y->own, y->n);
    return cosine_sorted(x->own, x->n, y->reach, y->nreach);
}

int story__sd_lexical_of(sd_lexical *out, story_ctx *ctx,
                         const story_article *a, const story_article *b)
{
    memset(out, 0, sizeof *out);
    const story__lexicon *lab = NULL, *lba = NULL;
    const char *la = a->lang ? a->lang : "", *lb = b->lang ? b->lang : "";
    if (la[0] && lb[0] && strncmp(la, lb, 2) != 0) {
        char pa[3] = {la[0], la[1], 0}, pb[3] = {lb[0], lb[1], 0};
        if (story__lexicon_get(&lab, ctx, pa, pb, NULL) != 0)
            lab = NULL;
        /* one direction only: translations on both sides add more chance
         * matches between prefixes than evidence */
        if (!lab && story__lexicon_get(&lba, ctx, pb, pa, NULL) != 0)
            lba = NULL;
    }
    side x, y;
    int oom = side_build(&x, ctx, a, lab) != 0;
    oom = side_build(&y, ctx, b, lba) != 0 || oom;
    if (!oom) {
        out->lexicon = lab || lba;
        out->body = out->lexicon ? cross_cosine(&x, &y)
                                 : collapsed_cosine(&x, &y, SIZE_MAX, &oom);
        out->head_in = (head_share(&x, &y, SD_HEAD, 0) +
                        head_share(&y, &x, SD_HEAD, 0)) /
                       2;
        if (out->lexicon) {
            out->head_long = (head_share(&x, &y, SD_HEAD_LONG, 1) +
                              head_share(&y, &x, SD_HEAD_LONG, 1)) /
                             2;
        } else {
            double ha = head_share_collapsed(&x, &y, SD_HEAD_LONG);
            double hb = head_share_collapsed(&y, &x, SD_HEAD_LONG);
            if (ha < 0 || hb < 0)
                oom = 1;
            else
                out->head_long = (ha + hb) / 2;
        }
        out->lead = out->lexicon ? lead_cosine(&x, &y, SD_LEAD, &oom)
                                 : collapsed_cosine(&x, &y, SD_LEAD, &oom);
        out->bigram = bigram_dice(&x, &y, &oom);
        out->n_a = x.n;
        out->n_b = y.n;
        if (!oom && (story__sd_page_share(&out->page_a, ctx, a) != 0 ||
                     story__sd_page_share(&out->page_b, ctx, b) != 0))
            oom = 1;
        out->not_article = out->page_a >= SD_PAGE_SHARE ||
                           out->page_b >= SD_PAGE_SHARE;
    }
    side_free(&x);
    side_free(&y);
    if (oom) {
        memset(out, 0, sizeof *out);
        return STORY_ENOMEM;
    }
    return 0;
}

/* ---- pages that are not articles ---- */

/* The phrases of locales/similarity/not_article.json, each as its words
 * framed by single spaces (" nie jestem robotem "). */
typedef struct page_cues {
    char **w;
    size_t n;
} page_cues;

static void page_cues_free(void *p)
{
    page_cues *c = p;
    if (!c)
        return;
    for (size_t i = 0; i < c->n; i++)
        free(c->w[i]);
    free(c->w);
    free(c);
}

/* Append the words of s[0, n) to b: letters, digits and marks kept, any
 * run of other characters one space. */
static void append_words(story_buf *b, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        UChar32 c = story__utf8_next(s, n, &i);
        if (u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK)) {
            char u[4];
            (void)story_buf_append(b, u, story__utf8_put(u, c));
        } else if (b->len && b->data[b->len - 1] != ' ') {
            (void)story_buf_putc(b, ' ');
        }
    }
    if (b->len && b->data[b->len - 1] != ' ')
        (void)story_buf_putc(b, ' ');
}

/* Load the phrase list once per context; NULL (no phrases) when the file
 * is missing or unreadable, or on allocation failure (*oom set). */
static const page_cues *cues_get(story_ctx *ctx, int *oom)
{
    page_cues *c = story__ctx_get(ctx, STORY_MOD_ALIGN);
    if (c)
        return c;
    c = story__calloc(1, sizeof *c);
    if (!c) {
        *oom = 1;
        return NULL;
    }
    const char *dir = story_ctx_locales_dir(ctx);
    story_buf path, w;
    memset(&path, 0, sizeof path);
    memset(&w, 0, sizeof w);
    (void)story_buf_printf(&path, "%s/similarity/not_article.json",
                           dir ? dir : ".");
    json_t *root = path.oom ? NULL : json_load_file(path.data, 0, NULL);
    story_buf_free(&path);
    json_t *langs = json_object_get(root, "cues"), *list;
    const char *lang;
    json_object_foreach(langs, lang, list)
    {
        size_t k;
        json_t *v;
        json_array_foreach(list, k, v)
        {
            const char *t = json_string_value(v);
            if (!t)
                continue;
            story_buf key;
            memset(&key, 0, sizeof key);
            w.len = 0;
            (void)story_buf_putc(&w, ' ');
            if (story__normalize_key_buf(&key, NULL, t, strlen(t), NULL) ==
                    0 &&
                key.data)
                append_words(&w, key.data, key.len);
            story_buf_free(&key);
            if (w.oom) {
                *oom = 1;
                break;
            }
            if (w.len < 3)
                continue;
            char **nw = story__realloc(c->w, (c->n + 1) * sizeof *nw);
            char *d = story__malloc(w.len + 1);
            if (nw)
                c->w = nw;
            if (!nw || !d) {
                free(d);
                *oom = 1;
                break;
            }
            memcpy(d, w.data, w.len);
            d[w.len] = '\0';
            c->w[c->n++] = d;
        }
    }
    json_decref(root);
    story_buf_free(&w);
    if (*oom) {
        page_cues_free(c);
        return NULL;
    }
    story__ctx_set(ctx, STORY_MOD_ALIGN, c, page_cues_free);
    return c;
}

int story__sd_page_share(double *share, story_ctx *ctx, const story_article *a)
{
    *share = 0;
    int oom = 0;
    const page_cues *c = cues_get(ctx, &oom);
    if (oom)
        return STORY_ENOMEM;
    if (!c || !c->n || !a->n_sentences)
        return 0;
    story_buf s;
    memset(&s, 0, sizeof s);
    size_t hits = 0, sent = 0, t = 0;
    for (size_t k = 0; k < a->n_sentences; k++) {
        s.len = 0;
        (void)story_buf_putc(&s, ' ');
        int words = 0;
        for (; t < a->n_tokens && a->tokens[t].sentence <= k; t++) {
            const story_token *tk = &a->tokens[t];
            if (tk->sentence < k || !tk->key ||
                !(tk->flags & (STORY_TOKEN_LETTER | STORY_TOKEN_IDEO |
                               STORY_TOKEN_NUMBER)))
                continue;
            append_words(&s, tk->key, strlen(tk->key));
            words = 1;
        }
        (void)story_buf_putc(&s, '\0');
        if (s.oom) {
            story_buf_free(&s);
            return STORY_ENOMEM;
        }
        if (!words)
            continue;
        sent++;
        for (size_t i = 0; i < c->n; i++)
            if (strstr(s.data, c->w[i])) {
                hits++;
                break;
            }
    }
    story_buf_free(&s);
    *share = sent ? (double)hits / (double)sent : 0;
    return 0;
}

double story__sd_calibrate(double raw, int not_article)
{
    double v = 1.0 / (1.0 + exp(-(raw - SD_CAL_CENTER) / SD_CAL_SCALE));
    return not_article && v > SD_NEUTRAL ? SD_NEUTRAL : v;
}

double story__sd_overall_shown(const sd_lexical *lx, double anchor,
                               int lexical_ok, double raw)
{
    if (!lexical_ok)
        return story__sd_calibrate(raw, lx->not_article);
    double x = SD_SHOWN_W_TERMS * lx->body +
               SD_SHOWN_W_HEADLINE * lx->head_long +
               SD_SHOWN_W_LEAD * lx->lead + SD_SHOWN_W_ANCHOR * anchor;
    double v = 1.0 / (1.0 + exp(-(x - SD_SHOWN_CENTER) / SD_SHOWN_SCALE));
    return lx->not_article && v > SD_NEUTRAL ? SD_NEUTRAL : v;
}
