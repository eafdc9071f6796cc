/* Unit features and translation-aware similarity (see similarity.h). */
#include "internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>

#include "lexicon.h"
#include "normalize.h"
#include "numbers.h"
#include "similarity.h"
#include "stem.h"

#define SD_SMOOTH 2.0 /* added to the Dice denominator: short units with
                         one or two shared features stay uncertain */
#define SD_NAME_SIM 0.86 /* story_name_similarity threshold for a match */
#define SD_FUZZY_MAX 4000000.0 /* name pairs compared at most */

/* ---- per-side builder state ---- */
typedef struct unit_build {
    story_vec *f; /* per unit: vector of uint32 ids */
    size_t n;
} unit_build;

typedef struct builder {
    story_ctx *ctx;
    sd_pair *p;
    story_buf tmp, stem;
    sd_intern namecache; /* "lang|key" -> index into names */
    char **names;        /* name key per namecache id ("" when none) */
    size_t names_cap;
    size_t words[2], stemmed[2]; /* words of A's / B's language, and
                                    those changed by stemming */
    int oom;
} builder;

static void lang_primary(char out[16], const char *tag)
{
    size_t i = 0;
    if (tag)
        for (; tag[i] && tag[i] != '-' && tag[i] != '_' && i < 15; i++)
            out[i] = tag[i];
    out[i] = '\0';
}

static uint32_t space_id(builder *bd, const char *s, size_t n)
{
    int oom = 0;
    uint32_t id = story__sd_intern_id(&bd->p->sp.ids, s, n, 1, &oom);
    if (oom)
        bd->oom = 1;
    return id;
}

static void unit_add(builder *bd, unit_build *ub, size_t unit, uint32_t id)
{
    if (id == UINT32_MAX || unit >= ub->n)
        return;
    if (!story_vec_push(&ub->f[unit], &id))
        bd->oom = 1;
}

/* Digits of a number token's key in any script -> ASCII digit string
 * without leading zeros ("1,000" and "1.000" and "1000" -> "1000"). */
static int number_key(const char *key, char *out, size_t cap)
{
    size_t i = 0, n = strlen(key), o = 0;
    while (i < n) {
        int32_t c = story__utf8_next(key, n, &i);
        if (c < 0)
            continue;
        int d = u_charDigitValue(c);
        if (d < 0 || d > 9)
            continue;
        if (o == 0 && d == 0)
            continue;
        if (o + 1 < cap)
            out[o++] = (char)('0' + d);
    }
    if (o == 0 && cap > 1)
        out[o++] = '0';
    out[o] = '\0';
    return (int)o;
}

/* 1 when s[0, n) is 2+ katakana code points only (U+30A1-U+30FA, the
 * prolonged sound mark U+30FC, the middle dot U+30FB): in Japanese
 * news, foreign names are written so (バイデン = Biden), and their
 * transliteration meets the Latin name key. */
static int all_katakana(const char *s, size_t n)
{
    size_t i = 0, k = 0;
    while (i < n) {
        int32_t c = story__utf8_next(s, n, &i);
        if (c < 0x30A1 || c > 0x30FC)
            return 0;
        k++;
    }
    return k >= 2;
}

static size_t count_cp(const char *s, size_t start, size_t end)
{
    size_t n = 0;
    for (size_t i = start; i < end; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

/* Name key of a token (cached). "" when none. */
static const char *name_of(builder *bd, const story_article *a,
                           const story_token *t, const char *lang)
{
    char k[160];
    size_t kl = strlen(t->key), ll = strlen(lang);
    if (kl + ll + 2 > sizeof k)
        return "";
    memcpy(k, lang, ll);
    k[ll] = '|';
    memcpy(k + ll + 1, t->key, kl + 1);
    int oom = 0;
    uint32_t id = story__sd_intern_id(&bd->namecache, k, strlen(k), 1, &oom);
    if (oom) {
        bd->oom = 1;
        return "";
    }
    if (id >= bd->names_cap) {
        size_t nc = bd->names_cap ? bd->names_cap * 2 : 256;
        while (nc <= id)
            nc *= 2;
        char **nn = story__realloc(bd->names, nc * sizeof *nn);
        if (!nn) {
            bd->oom = 1;
            return "";
        }
        memset(nn + bd->names_cap, 0, (nc - bd->names_cap) * sizeof *nn);
        bd->names = nn;
        bd->names_cap = nc;
    }
    if (!bd->names[id]) {
        char *nk = NULL;
        if (story_name_key(&nk, bd->ctx, a->text + t->start,
                           t->end - t->start, lang, NULL) == 0 &&
            nk && strlen(nk) >= 2) {
            bd->names[id] = story__strdup(nk);
        } else {
            bd->names[id] = story__strdup("");
        }
        story_free(nk);
        if (!bd->names[id]) {
            bd->oom = 1;
            return "";
        }
    }
    return bd->names[id];
}

/* Word feature id "w<lang>|<stem>" of a folded word, or UINT32_MAX for stop
 * words / too short. */
/* Bytes to skip before the word proper when a short elided article or
 * preposition is glued to it by an apostrophe (French l'état, d'empêcher,
 * qu'il, jusqu'au; Italian dell'anno, un'altra; Catalan l'any): at most
 * two letters, or ending in "qu" or "ll" (at most five letters), before
 * the apostrophe, and a letter after it. 0 when none. */
static size_t elision_skip(const char *w, size_t n)
{
    const char *q = memchr(w, '\'', n);
    if (!q || q == w)
        return 0;
    size_t p = (size_t)(q - w), i = 0, cps = 0;
    while (i < p) {
        int32_t c = story__utf8_next(w, p, &i);
        if (c < 0 || !u_isalpha(c))
            return 0;
        cps++;
    }
    size_t r = p + 1;
    if (r >= n)
        return 0;
    int32_t c = story__utf8_next(w, n, &r);
    if (c < 0 || !u_isalpha(c) || r >= n)
        return 0; /* a letter and at least one more after it */
    if (cps <= 2 ||
        (cps <= 5 && p >= 2 &&
         (memcmp(q - 2, "qu", 2) == 0 || memcmp(q - 2, "ll", 2) == 0)))
        return p + 1;
    return 0;
}

/* 1 when w[0, n) is a single code point that is no ideograph (a lone
 * letter, a kana left over by word segmentation): no content word. */
static int lone_letter(const char *w, size_t n)
{
    size_t i = 0;
    int32_t c = story__utf8_next(w, n, &i);
    return i >= n && !(c >= 0 && (u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC) ||
                                  (c >= 0xAC00 && c <= 0xD7A3)));
}

static uint32_t word_id(builder *bd, const char *lang, const char *w,
                        size_t n)
{
    size_t el = elision_skip(w, n);
    w += el;
    n -= el;
    if (n == 0 || lone_letter(w, n))
        return UINT32_MAX;
    char save[256];
    if (n >= sizeof save)
        n = sizeof save - 1;
    memcpy(save, w, n);
    save[n] = '\0';
    if (story__is_stopword(bd->ctx, lang, save))
        return UINT32_MAX;
    bd->stem.len = 0;
    const char *s = save;
    size_t sn = n;
    if (story__stem(bd->ctx, lang, save, n, &bd->stem, NULL) == 0 &&
        bd->stem.data && bd->stem.len > 0) {
        s = bd->stem.data;
        sn = bd->stem.len;
    }
    {
        int side = strcmp(lang, bd->p->lb) == 0;
        bd->words[side]++;
        if (sn != n || memcmp(s, save, n) != 0)
            bd->stemmed[side]++;
    }
    bd->tmp.len = 0;
    story_buf_printf(&bd->tmp, "w%s|", lang);
    story_buf_append(&bd->tmp, s, sn);
    if (bd->tmp.oom) {
        bd->oom = 1;
        return UINT32_MAX;
    }
    return space_id(bd, bd->tmp.data, bd->tmp.len);
}

/* Words of a plain (machine-translated) string into unit `u`. */
static void words_of_text(builder *bd, unit_build *ub, size_t u,
                          const char *lang, const char *text)
{
    char *key = NULL;
    if (story_normalize_key(&key, NULL, text, strlen(text), NULL) != 0 ||
        !key) {
        bd->oom = 1;
        return;
    }
    size_t n = strlen(key), i = 0;
    while (i < n) {
        size_t s = i;
        int32_t c = story__utf8_next(key, n, &i);
        if (c < 0 || !(u_isalnum(c) || c == '\''))
            continue;
        size_t e = i;
        while (e < n) {
            size_t k = e;
            int32_t d = story__utf8_next(key, n, &k);
            if (d < 0 || !(u_isalnum(d) || d == '\''))
                break;
            e = k;
        }
        i = e;
        if (u_isdigit(c)) {
            char num[64];
            char tmp[128];
            size_t l = e - s < sizeof tmp - 1 ? e - s : sizeof tmp - 1;
            memcpy(tmp, key + s, l);
            tmp[l] = '\0';
            number_key(tmp, num, sizeof num);
            bd->tmp.len = 0;
            story_buf_printf(&bd->tmp, "n|%s", num);
            unit_add(bd, ub, u, space_id(bd, bd->tmp.data, bd->tmp.len));
        } else {
            unit_add(bd, ub, u, word_id(bd, lang, key + s, e - s));
        }
    }
    story_free(key);
}

static int cmp_u32(const void *x, const void *y)
{
    uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
    return (a > b) - (a < b);
}

/* Finish a side: sort + dedupe each unit's ids into sd_unit arrays. */
static int side_finish(sd_side *s, unit_build *ub)
{
    s->n = ub->n;
    s->u = story__calloc(ub->n ? ub->n : 1, sizeof *s->u);
    if (!s->u)
        return -1;
    for (size_t i = 0; i < ub->n; i++) {
        uint32_t *d = ub->f[i].data;
        size_t n = ub->f[i].len;
        if (n)
            qsort(d, n, sizeof *d, cmp_u32);
        size_t w = 0;
        for (size_t k = 0; k < n; k++)
            if (w == 0 || d[k] != d[w - 1])
                d[w++] = d[k];
        s->u[i].f = story__malloc((w ? w : 1) * sizeof(uint32_t));
        if (!s->u[i].f)
            return -1;
        if (w)
            memcpy(s->u[i].f, d, w * sizeof *d);
        s->u[i].nf = w;
    }
    return 0;
}

static void ub_free(unit_build *ub)
{
    if (!ub->f)
        return;
    for (size_t i = 0; i < ub->n; i++)
        story_vec_free(&ub->f[i]);
    free(ub->f);
    ub->f = NULL;
}

static int ub_init(unit_build *ub, size_t n)
{
    ub->n = n;
    ub->f = story__calloc(n ? n : 1, sizeof *ub->f);
    if (!ub->f)
        return -1;
    for (size_t i = 0; i < n; i++)
        story_vec_init(&ub->f[i], sizeof(uint32_t));
    return 0;
}

/* Build one article's sentence units (and paragraph units from them). */
static void build_side(builder *bd, const story_article *a,
                       const story_factset *fs, const char *lang,
                       char *const *trans, sd_side *sent, sd_side *par,
                       size_t *chars)
{
    unit_build us = {0}, up = {0};
    if (ub_init(&us, a->n_sentences) != 0 ||
        ub_init(&up, a->n_paragraphs) != 0) {
        bd->oom = 1;
        goto done;
    }
    /* Is the script cased? (few capitalised letter tokens = no case) */
    size_t letters = 0, caps = 0;
    for (size_t i = 0; i < a->n_tokens; i++) {
        const story_token *t = &a->tokens[i];
        if (t->flags & STORY_TOKEN_LETTER) {
            letters++;
            if (t->flags & STORY_TOKEN_CAPITAL)
                caps++;
        }
    }
    int uncased = letters > 20 && caps * 50 < letters;
    /* A capitalised word at the start of a sentence is a name only when
     * the document also capitalises it inside a sentence ("Remote work
     * is ..." is no name; "Biden said ..." is when Biden recurs); ids of
     * keys seen capitalised after the first word, in a local table */
    sd_intern midcap;
    story__sd_intern_init(&midcap);
    unsigned char *initial = story__calloc(a->n_tokens + 1, 1);
    if (!initial)
        bd->oom = 1;
    for (size_t i = 0, prev_s = SIZE_MAX; i < a->n_tokens && initial; i++) {
        const story_token *t = &a->tokens[i];
        if (!(t->flags & STORY_TOKEN_LETTER) || !t->key)
            continue;
        if (t->sentence != prev_s) {
            initial[i] = 1;
            prev_s = t->sentence;
        } else if (t->flags & STORY_TOKEN_CAPITAL) {
            int oom = 0;
            story__sd_intern_id(&midcap, t->key, strlen(t->key), 1, &oom);
            if (oom)
                bd->oom = 1;
        }
    }
    for (size_t i = 0; i < a->n_tokens && !bd->oom; i++) {
        const story_token *t = &a->tokens[i];
        size_t s = t->sentence;
        if (s >= a->n_sentences || !t->key)
            continue;
        size_t kl = strlen(t->key);
        if (t->flags & STORY_TOKEN_NUMBER) {
            char num[64];
            number_key(t->key, num, sizeof num);
            bd->tmp.len = 0;
            story_buf_printf(&bd->tmp, "n|%s", num);
            unit_add(bd, &us, s, space_id(bd, bd->tmp.data, bd->tmp.len));
            continue;
        }
        if (!(t->flags & (STORY_TOKEN_LETTER | STORY_TOKEN_IDEO)))
            continue;
        if (!trans)
            unit_add(bd, &us, s, word_id(bd, lang, t->key, kl));
        /* cognates across languages: the first 4 letters of the Latin
         * transliteration of words of >= 4 letters (Simard, Foster &
         * Isabelle 1992, "Using cognates to align sentences in bilingual
         * corpora") */
        if (bd->p->cross && !(t->flags & STORY_TOKEN_IDEO) && kl >= 4 &&
            !story__is_stopword(bd->ctx, lang, t->key)) {
            const char *lk = name_of(bd, a, t, lang);
            if (strlen(lk) >= 4) {
                bd->tmp.len = 0;
                story_buf_printf(&bd->tmp, "c|%.4s", lk);
                unit_add(bd, &us, s,
                         space_id(bd, bd->tmp.data, bd->tmp.len));
            }
        }
        /* uncased scripts: every content word may be a name; not for
         * Han/kana words (their transliteration rarely meets a Latin
         * name, and story_name_key is costly on them) */
        int is_name =
            ((t->flags & STORY_TOKEN_CAPITAL) &&
             (!initial[i] || story__sd_intern_id(&midcap, t->key, kl, 0,
                                                 NULL) != UINT32_MAX)) ||
            (uncased && kl >= 3 &&
             (!(t->flags & STORY_TOKEN_IDEO) ||
              all_katakana(a->text + t->start, t->end - t->start)) &&
             !story__is_stopword(bd->ctx, lang, t->key));
        if (is_name && !story__is_stopword(bd->ctx, lang, t->key)) {
            const char *nk = name_of(bd, a, t, lang);
            if (nk[0]) {
                bd->tmp.len = 0;
                story_buf_printf(&bd->tmp, "p|%s", nk);
                unit_add(bd, &us, s,
                         space_id(bd, bd->tmp.data, bd->tmp.len));
            }
        }
    }
    story__sd_intern_free(&midcap);
    free(initial);
    /* numbers whose value is not their digit string: scaled ("1.8
     * billion", "18亿"), spelled out, CJK numerals ("三十") — the scanner
     * of src/numbers.h gives the value in any language, so the same
     * quantity meets across scripts */
    {
        story_vec nums;
        story_vec_init(&nums, sizeof(story_number));
        for (size_t s = 0; s < a->n_sentences && !bd->oom; s++) {
            nums.len = 0;
            if (story__numbers_scan(bd->ctx, lang, a->text,
                                    a->sentences[s].start,
                                    a->sentences[s].end, &nums, NULL) != 0)
                continue;
            const story_number *nb = nums.data;
            for (size_t q = 0; q < nums.len; q++) {
                double v = nb[q].value;
                if (!(v >= 10 && v < 1e15) || v != floor(v))
                    continue;
                char num[64], raw[160];
                size_t rl = nb[q].num_end - nb[q].num_start;
                if (rl >= sizeof raw)
                    continue;
                memcpy(raw, a->text + nb[q].num_start, rl);
                raw[rl] = '\0';
                number_key(raw, num, sizeof num);
                char vk[40];
                snprintf(vk, sizeof vk, "%.0f", v);
                if (strcmp(vk, num) == 0)
                    continue;
                bd->tmp.len = 0;
                story_buf_printf(&bd->tmp, "n|%s", vk);
                unit_add(bd, &us, s,
                         space_id(bd, bd->tmp.data, bd->tmp.len));
            }
        }
        story_vec_free(&nums);
    }
    if (trans)
        for (size_t s = 0; s < a->n_sentences && !bd->oom; s++)
            if (trans[s])
                words_of_text(bd, &us, s, lang, trans[s]);
    if (fs)
        for (size_t i = 0; i < fs->n_facts && !bd->oom; i++) {
            const story_fact *f = &fs->facts[i];
            if (!f->key || !f->key[0] || f->sentence >= a->n_sentences)
                continue;
            if (f->type == STORY_FACT_EVENT ||
                f->type == STORY_FACT_ATTRIBUTION)
                continue;
            bd->tmp.len = 0;
            story_buf_printf(&bd->tmp, "f|%s", f->key);
            unit_add(bd, &us, f->sentence,
                     space_id(bd, bd->tmp.data, bd->tmp.len));
        }
    /* paragraphs: union of their sentences */
    for (size_t s = 0; s < a->n_sentences && !bd->oom; s++) {
        size_t pi = a->sentences[s].paragraph;
        uint32_t *d = us.f[s].data;
        for (size_t k = 0; k < us.f[s].len; k++)
            unit_add(bd, &up, pi, d[k]);
    }
    if (bd->oom)
        goto done;
    if (side_finish(sent, &us) != 0 || side_finish(par, &up) != 0) {
        bd->oom = 1;
        goto done;
    }
    *chars = 0;
    for (size_t s = 0; s < a->n_sentences; s++) {
        sent->u[s].chars =
            count_cp(a->text, a->sentences[s].start, a->sentences[s].end);
        *chars += sent->u[s].chars;
    }
    for (size_t pi = 0; pi < a->n_paragraphs; pi++)
        par->u[pi].chars = count_cp(a->text, a->paragraphs[pi].start,
                                    a->paragraphs[pi].end);
done:
    ub_free(&us);
    ub_free(&up);
}

/* ---- the feature space ---- */

static int space_grow(sd_space *sp, size_t n)
{
    if (n <= sp->cap_ids)
        return 0;
    size_t nc = sp->cap_ids ? sp->cap_ids : 1024;
    while (nc < n)
        nc *= 2;
#define GROW(field, type)                                                  \
    do {                                                                   \
        type *np_ = story__realloc(sp->field, nc * sizeof(type));          \
        if (!np_)                                                          \
            return -1;                                                     \
        memset(np_ + sp->cap_ids, 0, (nc - sp->cap_ids) * sizeof(type));   \
        sp->field = np_;                                                   \
    } while (0)
    GROW(kind, uint8_t);
    GROW(wa, float);
    GROW(wb, float);
    GROW(match_a, uint8_t);
    GROW(match_b, uint8_t);
    GROW(known_b, uint8_t);
    GROW(stamp_a, uint32_t);
    GROW(stamp_b, uint32_t);
    GROW(stamp_hit, uint32_t);
#undef GROW
    uint32_t *po = story__realloc(sp->proj_off, (nc + 1) * sizeof *po);
    if (!po)
        return -1;
    sp->proj_off = po;
    sp->cap_ids = nc;
    return 0;
}

static void idf(float *w, const sd_side *s, size_t nids)
{
    uint32_t *df = story__calloc(nids ? nids : 1, sizeof *df);
    if (!df)
        return;
    for (size_t i = 0; i < s->n; i++)
        for (size_t k = 0; k < s->u[i].nf; k++)
            df[s->u[i].f[k]]++;
    double N = (double)s->n;
    for (size_t id = 0; id < nids; id++)
        w[id] = df[id] ? (float)log(1.0 + N / df[id]) : 0.0f;
    free(df);
}

/* projections: pairs (a id, b id) collected then turned into CSR */
typedef struct projv {
    story_vec v; /* uint64: a << 32 | b */
} projv;

static void proj_push(projv *pv, uint32_t a, uint32_t b, int *oom)
{
    uint64_t x = ((uint64_t)a << 32) | b;
    if (!story_vec_push(&pv->v, &x))
        *oom = 1;
}

static int cmp_u64(const void *x, const void *y)
{
    uint64_t a = *(const uint64_t *)x, b = *(const uint64_t *)y;
    return (a > b) - (a < b);
}

/* CSR from the pairs; then matchability flags. */
static int proj_finish(sd_pair *p, projv *pv)
{
    sd_space *sp = &p->sp;
    size_t nid = sp->ids.n;
    uint64_t *d = pv->v.data;
    size_t n = pv->v.len;
    if (n)
        qsort(d, n, sizeof *d, cmp_u64);
    size_t w = 0;
    for (size_t i = 0; i < n; i++)
        if (w == 0 || d[i] != d[w - 1])
            d[w++] = d[i];
    free(sp->proj);
    sp->proj = story__malloc((w ? w : 1) * sizeof *sp->proj);
    if (!sp->proj)
        return -1;
    size_t k = 0;
    for (size_t id = 0; id < nid; id++) {
        sp->proj_off[id] = (uint32_t)k;
        while (k < w && (d[k] >> 32) == id) {
            sp->proj[k] = (uint32_t)(d[k] & 0xffffffffu);
            k++;
        }
    }
    sp->proj_off[nid] = (uint32_t)k;
    sp->nproj = k;
    /* matchability over the documents (sentence units) */
    uint8_t *in_b = story__calloc(nid ? nid : 1, 1);
    if (!in_b)
        return -1;
    for (size_t i = 0; i < p->sb.n; i++)
        for (size_t j = 0; j < p->sb.u[i].nf; j++)
            in_b[p->sb.u[i].f[j]] = 1;
    memset(sp->match_a, 0, nid);
    memset(sp->match_b, 0, nid);
    for (size_t i = 0; i < p->sa.n; i++)
        for (size_t j = 0; j < p->sa.u[i].nf; j++) {
            uint32_t f = p->sa.u[i].f[j];
            for (uint32_t q = sp->proj_off[f]; q < sp->proj_off[f + 1]; q++)
                if (in_b[sp->proj[q]]) {
                    sp->match_a[f] = 1;
                    sp->match_b[sp->proj[q]] = 1;
                }
        }
    free(in_b);
    return 0;
}

/* B names sorted by (first letter, length, id) for fuzzy matching */
typedef struct name_ref {
    unsigned char first;
    uint32_t len, id;
} name_ref;

static int cmp_name(const void *x, const void *y)
{
    const name_ref *a = x, *b = y;
    if (a->first != b->first)
        return a->first < b->first ? -1 : 1;
    if (a->len != b->len)
        return a->len < b->len ? -1 : 1;
    return (a->id > b->id) - (a->id < b->id);
}

/* B words ("w<lang>|" ids present in B), sorted by their word, for the
 * inflection-tolerant match of lexicon translations (prefix_matches). */
typedef struct bword {
    const char *w; /* past the "w<lang>|" prefix, borrowed from the space */
    uint32_t id;
} bword;

static int cmp_bword(const void *x, const void *y)
{
    return strcmp(((const bword *)x)->w, ((const bword *)y)->w);
}

/* Code points of the common prefix of a and b, and their lengths. */
static size_t common_prefix_cp(const char *a, const char *b, size_t *la,
                               size_t *lb)
{
    size_t i = 0, n = 0, na = strlen(a), nb = strlen(b);
    int same = 1;
    while (same && i < na && i < nb) {
        size_t ia = i, ib = i;
        int32_t ca = story__utf8_next(a, na, &ia);
        int32_t cb = story__utf8_next(b, nb, &ib);
        if (ca != cb || ia != ib) {
            same = 0;
            break;
        }
        i = ia;
        n++;
    }
    *la = count_cp(a, 0, na);
    *lb = count_cp(b, 0, nb);
    return n;
}

/* Projections of a lexicon translation `t` (stemmed, in B's language) onto
 * inflected B words: B words sharing with t a prefix of >= PREFIX_MIN
 * code points covering >= PREFIX_SHARE of the shorter word ("banki" ->
 * "bankann", "bankanum": lemmas of a lexicon against the inflected words
 * of a language without a stemmer). */
#define PREFIX_MIN 4
#define PREFIX_SHARE 0.75
static void prefix_matches(projv *pv, uint32_t a_id, const bword *bw,
                           size_t nbw, const char *t, int *oom)
{
    /* the first PREFIX_MIN code points of t as the search key */
    size_t tn = strlen(t), i = 0, k = 0;
    while (i < tn && k < PREFIX_MIN) {
        if (story__utf8_next(t, tn, &i) < 0)
            return;
        k++;
    }
    if (k < PREFIX_MIN)
        return;
    size_t kl = i, lo = 0, hi = nbw;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (strncmp(bw[mid].w, t, kl) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t q = lo; q < nbw && strncmp(bw[q].w, t, kl) == 0; q++) {
        size_t la, lb;
        size_t c = common_prefix_cp(t, bw[q].w, &la, &lb);
        size_t sh = la < lb ? la : lb;
        if (c >= PREFIX_MIN && (double)c >= PREFIX_SHARE * (double)sh)
            proj_push(pv, a_id, bw[q].id, oom);
    }
}

/* Projections of one lexicon translation ts (a lemma of B's language) of
 * the A feature a_id: the B word of its stem, else (B's language without
 * a stemmer) the B words sharing a prefix with it (prefix_matches). */
static void project_translation(builder *bd, projv *pv, uint32_t a_id,
                                const char *ts, size_t tn,
                                const uint8_t *in_b, int prefix,
                                const story_vec *bwords, int *oom)
{
    sd_pair *p = bd->p;
    bd->stem.len = 0;
    if (story__stem(bd->ctx, p->lb, ts, tn, &bd->stem, NULL) == 0 &&
        bd->stem.data && bd->stem.len) {
        ts = bd->stem.data;
        tn = bd->stem.len;
    }
    bd->tmp.len = 0;
    story_buf_printf(&bd->tmp, "w%s|", p->lb);
    story_buf_append(&bd->tmp, ts, tn);
    if (bd->tmp.oom) {
        *oom = 1;
        return;
    }
    uint32_t t =
        story__sd_intern_id(&p->sp.ids, bd->tmp.data, bd->tmp.len, 0, NULL);
    if (t != UINT32_MAX && in_b[t])
        proj_push(pv, a_id, t, oom);
    else if (prefix)
        prefix_matches(pv, a_id, bwords->data, bwords->len,
                       bd->tmp.data + strlen(p->lb) + 2, oom);
}

/* Session 7: an A word of ideographs only (>= 3 code points) missing from
 * the lexicon, a Japanese or Chinese compound the word segmenter kept
 * whole (自然災害, 製造業者), is cut greedily from its start into the
 * longest lexicon headwords of >= 2 code points (forward maximum
 * matching, the classic dictionary method of Chinese word segmentation,
 * e.g. Wong & Chan 1996, COLING), skipping a code point where none
 * starts, and projects to their translations. Perturbed ja-en sentences
 * (the odd manifest lines) 0.9426 -> 0.9456; 126 words in the 114 ja-en
 * documents. */
static void decompound(builder *bd, projv *pv, const story__lexicon *lx,
                       uint32_t a_id, const char *w, size_t wn,
                       const uint8_t *in_b, int prefix,
                       const story_vec *bwords, int *oom)
{
    size_t off[65], n = 0, i = 0;
    while (i < wn && n < 64) {
        off[n++] = i;
        int32_t c = story__utf8_next(w, wn, &i);
        if (c < 0 || !u_hasBinaryProperty(c, UCHAR_IDEOGRAPHIC))
            return;
    }
    if (i < wn || n < 3)
        return;
    off[n] = wn;
    size_t k = 0;
    while (k + 1 < n && !*oom) {
        size_t best = 0, bnt = 0;
        const char *const *btr = NULL;
        for (size_t e = n; e >= k + 2; e--) {
            if (e - k == n)
                continue; /* the whole word was looked up already */
            const char *const *tr = NULL;
            size_t nt =
                story__lexicon_lookup(lx, w + off[k], off[e] - off[k], &tr);
            if (nt) {
                best = e;
                bnt = nt;
                btr = tr;
                break;
            }
        }
        if (!best) {
            k++;
            continue;
        }
        for (size_t q = 0; q < bnt; q++)
            project_translation(bd, pv, a_id, btr[q], strlen(btr[q]), in_b,
                                prefix, bwords, oom);
        k = best;
    }
}

/* known_b of every B feature (session 18): whether some A feature could
 * reach it at all. Anchors (numbers, names, facts, cognates) and every
 * feature of a same-language pair could; a word of a cross-language pair
 * only when the lexicon of B's language towards A's has it (as a
 * headword or a headword's stem; the nearest headword by spelling for a
 * language without a stemmer, as A's words are looked up). A pair
 * without a lexicon knows its anchors only: its unreached words say
 * nothing about A. */
static void known_words(builder *bd, const uint8_t *in_b, int have_lx)
{
    sd_pair *p = bd->p;
    sd_space *sp = &p->sp;
    sp->cross = p->cross;
    size_t nid = sp->ids.n;
    const story__lexicon *lr = NULL;
    if (p->cross && have_lx) {
        story_error e;
        if (story__lexicon_get(&lr, bd->ctx, p->lb, p->la, &e) != 0)
            lr = NULL;
    }
    int near_b = bd->stemmed[1] * 20 < bd->words[1];
    for (size_t id = 0; id < nid; id++) {
        if (!in_b[id])
            continue;
        if (!p->cross || sp->kind[id] != SD_WORD) {
            sp->known_b[id] = 1;
            continue;
        }
        const char *s = sp->ids.str[id];
        const char *bar = strchr(s, '|');
        if (!lr || !bar)
            continue;
        const char *const *tr = NULL;
        size_t wn = strlen(bar + 1);
        size_t nt = story__lexicon_lookup(lr, bar + 1, wn, &tr);
        if (nt == 0 && near_b)
            nt = story__lexicon_lookup_near(lr, bar + 1, wn, PREFIX_MIN,
                                            PREFIX_SHARE, &tr);
        sp->known_b[id] = nt > 0;
    }
}

static int build_projections(builder *bd, projv *pv)
{
    sd_pair *p = bd->p;
    sd_space *sp = &p->sp;
    size_t nid = sp->ids.n;
    int oom = 0;
    uint8_t *in_a = story__calloc(nid ? nid : 1, 1);
    uint8_t *in_b = story__calloc(nid ? nid : 1, 1);
    if (!in_a || !in_b) {
        free(in_a);
        free(in_b);
        return -1;
    }
    for (size_t i = 0; i < p->sa.n; i++)
        for (size_t j = 0; j < p->sa.u[i].nf; j++)
            in_a[p->sa.u[i].f[j]] = 1;
    for (size_t i = 0; i < p->sb.n; i++)
        for (size_t j = 0; j < p->sb.u[i].nf; j++)
            in_b[p->sb.u[i].f[j]] = 1;
    const story__lexicon *lx = NULL;
    if (p->cross) {
        story_error e;
        if (story__lexicon_get(&lx, bd->ctx, p->la, p->lb, &e) != 0)
            lx = NULL; /* a broken lexicon file only loses a signal */
        p->lexicon = lx != NULL;
    }
    /* B names, bucketed by first letter, for fuzzy matching */
    story_vec bnames;
    story_vec_init(&bnames, sizeof(name_ref));
    size_t n_anames = 0;
    for (size_t id = 0; id < nid; id++) {
        const char *s = sp->ids.str[id];
        if (s[0] == 'p' && s[1] == '|') {
            name_ref r = {(unsigned char)s[2], (uint32_t)strlen(s + 2),
                          (uint32_t)id};
            if (in_b[id] && !story_vec_push(&bnames, &r))
                oom = 1;
            if (in_a[id])
                n_anames++;
        }
    }
    /* sort B names by (first letter, length): each A name is compared only
     * with the names of its first letter and a length within 30% */
    if (bnames.len)
        qsort(bnames.data, bnames.len, sizeof(name_ref), cmp_name);
    int fuzzy = (double)n_anames * (double)bnames.len <= SD_FUZZY_MAX * 26;
    /* B words of B's language, sorted (prefix_matches), when B's
     * language has no stemmer (stemming changed < 5% of its words) */
    story_vec bwords;
    story_vec_init(&bwords, sizeof(bword));
    int prefix = lx && bd->stemmed[1] * 20 < bd->words[1];
    int near_a = lx && bd->stemmed[0] * 20 < bd->words[0];
    if (prefix) {
        char pre[24];
        snprintf(pre, sizeof pre, "w%s|", p->lb);
        size_t pl = strlen(pre);
        for (size_t id = 0; id < nid; id++) {
            const char *s = sp->ids.str[id];
            if (in_b[id] && strncmp(s, pre, pl) == 0) {
                bword x = {s + pl, (uint32_t)id};
                if (!story_vec_push(&bwords, &x))
                    oom = 1;
            }
        }
        if (bwords.len)
            qsort(bwords.data, bwords.len, sizeof(bword), cmp_bword);
    }
    for (size_t id = 0; id < nid && !oom; id++) {
        if (!in_a[id])
            continue;
        const char *s = sp->ids.str[id];
        proj_push(pv, (uint32_t)id, (uint32_t)id, &oom);
        if (s[0] == 'p' && s[1] == '|' && fuzzy) {
            name_ref *bn = bnames.data;
            size_t sl = strlen(s + 2);
            unsigned char f0 = (unsigned char)s[2];
            /* first entry with the same first letter and length >= 0.7 */
            size_t lo = 0, hi = bnames.len;
            while (lo < hi) {
                size_t mid = (lo + hi) / 2;
                if (bn[mid].first < f0 ||
                    (bn[mid].first == f0 && bn[mid].len * 10 < sl * 7))
                    lo = mid + 1;
                else
                    hi = mid;
            }
            for (size_t k = lo; k < bnames.len; k++) {
                if (bn[k].first != f0 || bn[k].len * 10 > sl * 13)
                    break;
                if (bn[k].id == id)
                    continue;
                const char *t = sp->ids.str[bn[k].id];
                if (story_name_similarity(s + 2, t + 2) >= SD_NAME_SIM)
                    proj_push(pv, (uint32_t)id, bn[k].id, &oom);
            }
        } else if (s[0] == 'w' && p->cross) {
            const char *bar = strchr(s, '|');
            if (!bar)
                continue;
            const char *w = bar + 1;
            size_t wn = strlen(w);
            /* identical string in B's language (names, loan words) */
            bd->tmp.len = 0;
            story_buf_printf(&bd->tmp, "w%s|%s", p->lb, w);
            uint32_t same = story__sd_intern_id(&sp->ids, bd->tmp.data,
                                                bd->tmp.len, 0, NULL);
            if (same != UINT32_MAX)
                proj_push(pv, (uint32_t)id, same, &oom);
            if (!lx)
                continue;
            const char *const *tr = NULL;
            size_t nt = story__lexicon_lookup(lx, w, wn, &tr);
            if (nt == 0 && near_a)
                nt = story__lexicon_lookup_near(lx, w, wn, PREFIX_MIN,
                                                PREFIX_SHARE, &tr);
            if (nt == 0)
                decompound(bd, pv, lx, (uint32_t)id, w, wn, in_b, prefix,
                           &bwords, &oom);
            for (size_t k = 0; k < nt; k++)
                project_translation(bd, pv, (uint32_t)id, tr[k],
                                    strlen(tr[k]), in_b, prefix, &bwords,
                                    &oom);
        }
    }
    known_words(bd, in_b, lx != NULL);
    story_vec_free(&bnames);
    story_vec_free(&bwords);
    free(in_a);
    free(in_b);
    if (oom)
        return -1;
    return proj_finish(p, pv);
}

int story__sd_pair_build(sd_pair *p, story_ctx *ctx, const story_article *a,
                         const story_factset *fa, const story_article *b,
                         const story_factset *fb, char *const *b_trans,
                         story_error *err)
{
    memset(p, 0, sizeof *p);
    story__sd_intern_init(&p->sp.ids);
    lang_primary(p->la, a->lang);
    lang_primary(p->lb, b->lang);
    p->cross = strcmp(p->la, p->lb) != 0;
    builder bd = {0};
    bd.ctx = ctx;
    bd.p = p;
    story__sd_intern_init(&bd.namecache);
    int rc = 0;
    build_side(&bd, a, fa, p->la, NULL, &p->sa, &p->pa, &p->chars_a);
    /* with a translation, B's words are in A's language */
    build_side(&bd, b, fb, b_trans ? p->la : p->lb, b_trans, &p->sb, &p->pb,
               &p->chars_b);
    if (b_trans) {
        memcpy(p->lb, p->la, sizeof p->lb);
        p->cross = 0;
    }
    if (bd.oom || space_grow(&p->sp, p->sp.ids.n + 1) != 0) {
        rc = story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
        goto done;
    }
    for (size_t id = 0; id < p->sp.ids.n; id++) {
        const char *s = p->sp.ids.str[id];
        p->sp.kind[id] = s[0] == 'c'   ? SD_COGNATE
                         : s[0] == 'n' ? SD_NUMBER
                         : s[0] == 'p' ? SD_NAME
                         : s[0] == 'f' ? SD_FACT
                                       : SD_WORD;
    }
    idf(p->sp.wa, &p->sa, p->sp.ids.n);
    idf(p->sp.wb, &p->sb, p->sp.ids.n);
    for (size_t id = 0; id < p->sp.ids.n; id++) {
        float boost = p->sp.kind[id] == SD_COGNATE ? 0.5f
                      : p->sp.kind[id] == SD_NUMBER ? 1.5f
                      : p->sp.kind[id] == SD_NAME ? 1.2f
                      : p->sp.kind[id] == SD_FACT ? 2.0f
                                                  : 1.0f;
        p->sp.wa[id] *= boost;
        p->sp.wb[id] *= boost;
    }
    {
        projv pv;
        story_vec_init(&pv.v, sizeof(uint64_t));
        int r = build_projections(&bd, &pv);
        story_vec_free(&pv.v);
        if (r != 0)
            rc = story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    }
done:
    for (size_t i = 0; i < bd.names_cap; i++)
        free(bd.names[i]);
    free(bd.names);
    story__sd_intern_free(&bd.namecache);
    story_buf_free(&bd.tmp);
    story_buf_free(&bd.stem);
    return rc;
}

int story__sd_pair_bootstrap(sd_pair *p, const sd_link *links, size_t n,
                             double min_score, int par)
{
    const sd_side *SA = par ? &p->pa : &p->sa, *SB = par ? &p->pb : &p->sb;
    if (!p->cross)
        return 0;
    sd_space *sp = &p->sp;
    sd_map64 co = {0}, na = {0}, nb = {0};
    size_t used = 0;
    int oom = 0;
    for (size_t l = 0; l < n && !oom; l++) {
        const sd_link *k = &links[l];
        if (k->na == 0 || k->nb == 0 || k->score < min_score ||
            k->kind != STORY_LINK_MATCH)
            continue;
        used++;
        sp->tick++;
        /* collect distinct B words of the run */
        for (size_t j = k->b; j < k->b + k->nb; j++)
            for (size_t q = 0; q < SB->u[j].nf; q++) {
                uint32_t g = SB->u[j].f[q];
                if (sp->kind[g] != SD_WORD || sp->stamp_b[g] == sp->tick)
                    continue;
                sp->stamp_b[g] = sp->tick;
                if (!story__sd_map64_add(&nb, g, 1))
                    oom = 1;
            }
        for (size_t i = k->a; i < k->a + k->na; i++)
            for (size_t q = 0; q < SA->u[i].nf; q++) {
                uint32_t f = SA->u[i].f[q];
                if (sp->kind[f] != SD_WORD || sp->stamp_a[f] == sp->tick)
                    continue;
                sp->stamp_a[f] = sp->tick;
                if (!story__sd_map64_add(&na, f, 1))
                    oom = 1;
                for (size_t j = k->b; j < k->b + k->nb; j++)
                    for (size_t r = 0; r < SB->u[j].nf; r++) {
                        uint32_t g = SB->u[j].f[r];
                        if (sp->kind[g] != SD_WORD)
                            continue;
                        if (!story__sd_map64_add(&co, ((uint64_t)f << 32) | g,
                                                 1))
                            oom = 1;
                    }
            }
    }
    int added = 0;
    if (!oom && used >= 4) {
        projv pv;
        story_vec_init(&pv.v, sizeof(uint64_t));
        /* existing projections */
        for (size_t id = 0; id < sp->ids.n; id++)
            for (uint32_t q = sp->proj_off[id]; q < sp->proj_off[id + 1]; q++)
                proj_push(&pv, (uint32_t)id, sp->proj[q], &oom);
        for (size_t s = 0; s < co.cap && !oom; s++) {
            uint32_t c = co.val[s];
            if (c < 2)
                continue;
            uint32_t f = (uint32_t)(co.key[s] >> 32);
            uint32_t g = (uint32_t)(co.key[s] & 0xffffffffu);
            uint32_t nf = story__sd_map64_add(&na, f, 0);
            uint32_t ng = story__sd_map64_add(&nb, g, 0);
            double dice = 2.0 * c / (double)(nf + ng);
            if (dice >= 0.5 && c * 4 >= nf) {
                proj_push(&pv, f, g, &oom);
                added++;
            }
        }
        if (!oom && proj_finish(p, &pv) != 0)
            oom = 1;
        story_vec_free(&pv.v);
    }
    story__sd_map64_free(&co);
    story__sd_map64_free(&na);
    story__sd_map64_free(&nb);
    if (oom)
        return STORY_ENOMEM;
    p->n_boot += (size_t)added;
    return added;
}

static void side_free(sd_side *s)
{
    if (!s->u)
        return;
    for (size_t i = 0; i < s->n; i++)
        free(s->u[i].f);
    free(s->u);
    s->u = NULL;
}

void story__sd_pair_free(sd_pair *p)
{
    side_free(&p->sa);
    side_free(&p->sb);
    side_free(&p->pa);
    side_free(&p->pb);
    story__sd_intern_free(&p->sp.ids);
    story__sd_space_free_arrays(&p->sp);
    memset(p, 0, sizeof *p);
}

void story__sd_space_free_arrays(sd_space *sp)
{
    free(sp->kind);
    free(sp->wa);
    free(sp->wb);
    free(sp->match_a);
    free(sp->match_b);
    free(sp->known_b);
    free(sp->proj_off);
    free(sp->proj);
    free(sp->stamp_a);
    free(sp->stamp_b);
    free(sp->stamp_hit);
    sp->kind = NULL;
    sp->wa = sp->wb = NULL;
    sp->match_a = sp->match_b = sp->known_b = NULL;
    sp->proj_off = sp->proj = NULL;
    sp->stamp_a = sp->stamp_b = sp->stamp_hit = NULL;
}

/* Weighted feature masses of the A run [a, a+na) and B run [b, b+nb):
 * t[0] = A's matchable weight, t[1] = B's, t[2] = A weight with a
 * projection in the B run, t[3] = B weight reached from the A run. */
static void sd_tally(sd_space *sp, const sd_side *A, size_t a, size_t na,
                     const sd_side *B, size_t b, size_t nb, double t[4])
{
    double totA = 0, totB = 0, mA = 0, mB = 0;
    uint32_t tick = ++sp->tick;
    sp->n_eval++;
    for (size_t j = b; j < b + nb; j++) {
        const sd_unit *u = &B->u[j];
        for (size_t k = 0; k < u->nf; k++) {
            uint32_t g = u->f[k];
            if (sp->stamp_b[g] == tick)
                continue;
            sp->stamp_b[g] = tick;
            if (sp->match_b[g] || (sp->kind[g] != SD_WORD &&
                                   sp->kind[g] != SD_COGNATE))
                totB += sp->wb[g];
        }
    }
    for (size_t i = a; i < a + na; i++) {
        const sd_unit *u = &A->u[i];
        for (size_t k = 0; k < u->nf; k++) {
            uint32_t f = u->f[k];
            if (sp->stamp_a[f] == tick ||
                (!sp->match_a[f] &&
                 (sp->kind[f] == SD_WORD || sp->kind[f] == SD_COGNATE)))
                continue;
            sp->stamp_a[f] = tick;
            totA += sp->wa[f];
            if (sd_proj_hits(sp, f, tick, &mB))
                mA += sp->wa[f];
        }
    }
    t[0] = totA;
    t[1] = totB;
    t[2] = mA;
    t[3] = mB;
}

double story__sd_sim(sd_space *sp, const sd_side *A, size_t a, size_t na,
                     const sd_side *B, size_t b, size_t nb)
{
    double t[4];
    sd_tally(sp, A, a, na, B, b, nb, t);
    double totA = t[0], totB = t[1], mA = t[2], mB = t[3];
    double den = totA + totB + SD_SMOOTH;
    double s = (mA + mB) / den;
    return s > 1.0 ? 1.0 : s;
}

double story__sd_cover(sd_space *sp, const sd_side *A, size_t a, size_t na,
                       const sd_side *B, size_t b, size_t nb, int side,
                       double *mass)
{
    double t[4];
    sd_tally(sp, A, a, na, B, b, nb, t);
    double totA = t[0], totB = t[1], mA = t[2], mB = t[3];
    double tot = side ? totB : totA, m = side ? mB : mA;
    if (mass)
        *mass = tot;
    return tot > 0 ? (m / tot > 1.0 ? 1.0 : m / tot) : 0.0;
}
