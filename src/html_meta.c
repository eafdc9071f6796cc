/*
 * Stage 1, ingest: HTML metadata.
 *
 * Sources, in order of trust (docs/ingest.md):
 *  - title: og:title, JSON-LD headline, the first <h1>, <title> — each
 *    minus a site-name suffix (" | Site", " - Site") when a segment of it is
 *    the site name, as trafilatura's title cleaning does;
 *  - authors: the first source with an acceptable name: JSON-LD
 *    author(s) (also {"@id"} references into the @graph), <meta
 *    name=author> (and parsely/sailthru/dc.creator/citation_author
 *    variants), then rel=author / itemprop=author / class "author"/
 *    "byline"/"contributor" elements; never the site itself;
 *  - published / modified: JSON-LD datePublished/dateModified, meta tags
 *    (article:published_time, og:…, itemprop, dc.date, pubdate, …), a
 *    <time datetime> marked as publication, a date in the URL
 *    (/yyyy/mm/dd/), then dates written in the byline or date elements,
 *    after a publication phrase ("Erschienen am", data file) or after the
 *    <h1>,
 *    parsed with ICU udat in the page language (and English); all
 *    normalised to ISO 8601 "YYYY-MM-DD" or "YYYY-MM-DDThh:mm:ss[±hh:mm|Z]".
 *    The order follows htmldate (Barbaresi 2020, JOSS 5(51) 2439):
 *    structured metadata first, then markup, then free text;
 *  - site_name: og:site_name, JSON-LD publisher.name, application-name;
 *  - canonical_url: <link rel=canonical>, og:url, JSON-LD url;
 *  - description: og:description, <meta name=description>, JSON-LD;
 *  - lang: <html lang>, Content-Language, og:locale, JSON-LD inLanguage
 *    (left "" otherwise: segmentation identifies the language of text).
 * JSON-LD is parsed with jansson; @graph and arrays are walked.
 */
#include "internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <jansson.h>
#include <libpsl.h>
#include <unicode/uchar.h>
#include <unicode/udat.h>
#include <unicode/ustring.h>

#include "dates.h"
#include "html_int.h"

/* An element with children whose text is visible (not script/style). */
static int visible_parent(const xmlNode *n)
{
    return n->type == XML_ELEMENT_NODE && n->children &&
           strcmp((const char *)n->name, "script") != 0 &&
           strcmp((const char *)n->name, "style") != 0;
}

void story__html_text(story_buf *out, xmlNode *top)
{
    xmlNode *n = top;
    int entering = 1, pending = 0;
    while (n) {
        if (entering) {
            if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
                for (const unsigned char *p = n->content; p && *p; p++) {
                    if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' ||
                        *p == '\f') {
                        pending = 1;
                        continue;
                    }
                    if (pending && out->len > 0)
                        story_buf_putc(out, ' ');
                    pending = 0;
                    story_buf_putc(out, (char)*p);
                }
            } else if (visible_parent(n)) {
                n = n->children;
                continue;
            } else if (n->type == XML_ELEMENT_NODE && n->name &&
                       strcmp((const char *)n->name, "br") == 0) {
                pending = 1;
            }
        }
        n = story__html_step(n, top, &entering);
        if (n && !entering && n->type == XML_ELEMENT_NODE)
            pending = 1; /* the end of an element separates words */
    }
}

/* ---- collected candidates ---------------------------------------------- */

typedef struct meta {
    story_buf og_title, ld_headline, h1, title_tag, tw_title;
    story_buf site, ld_site, app_name;
    story_buf desc_og, desc, desc_ld;
    story_buf canon, og_url, ld_url;
    story_buf lang_html, lang_meta, lang_og, lang_ld;
    story_buf ld_pub, ld_mod, meta_pub, meta_mod, time_pub, time_any;
    story_buf byline_date; /* unused (kept for the free list) */
    story_vec date_texts;  /* char *: texts of date-ish elements, in order */
    size_t strong[8];      /* indexes of date_texts printed by the article */
    int n_strong;
    xmlNode *h1_nodes[4];
    int n_h1_nodes;
    xmlNode *body;
    char heading_url_date[32]; /* /yyyy/mm/dd/ in a link of an h1/h2 */
    xmlNode *first_h2;
    story_buf region;      /* visible text from the <h1> on (2 KiB) */
    xmlNode *h1_node;
    story_vec ld_authors;  /* char *; "\x01<@id>" for a reference */
    story_vec ld_ids;      /* char *: "<@id>\x1f<name>" of JSON-LD nodes */
    story_vec meta_authors;
    story_vec el_authors;
    story_vec h1s; /* char *, the first 4 <h1> texts */
} meta;

static void strvec_free(story_vec *v)
{
    for (size_t i = 0; i < v->len; i++)
        free(((char **)v->data)[i]);
    story_vec_free(v);
}

static void set_once(story_buf *b, const char *s)
{
    if (b->len || !s)
        return;
    while (*s && isspace((unsigned char)*s))
        s++;
    if (*s)
        story_buf_puts(b, s);
}

static void push_str(story_vec *v, const char *s, size_t n)
{
    while (n && isspace((unsigned char)*s)) {
        s++;
        n--;
    }
    while (n && isspace((unsigned char)s[n - 1]))
        n--;
    if (!n || n > 200)
        return;
    for (size_t i = 0; i < v->len; i++) {
        const char *o = ((char **)v->data)[i];
        size_t ol = strlen(o);
        if ((ol == n && strncasecmp(o, s, n) == 0) ||
            (ol < n && strncasecmp(o, s, ol) == 0 && s[ol] == ' '))
            return; /* same, or the same name followed by more words */
    }
    char *d = story__strndup(s, n);
    if (d && !story_vec_push(v, &d))
        free(d);
}

/* ---- JSON-LD ------------------------------------------------------------- */

static int ld_type_is(json_t *o, const char *const *types)
{
    json_t *t = json_object_get(o, "@type");
    if (json_is_string(t)) {
        for (int i = 0; types[i]; i++)
            if (strcmp(json_string_value(t), types[i]) == 0)
                return 1;
    } else if (json_is_array(t)) {
        size_t k;
        json_t *x;
        json_array_foreach(t, k, x) if (json_is_string(x)) for (int i = 0;
                                                                 types[i]; i++)
            if (strcmp(json_string_value(x), types[i]) == 0)
                return 1;
    }
    return 0;
}

static const char *const article_types[] = {
    "NewsArticle", "Article", "BlogPosting", "ReportageNewsArticle",
    "AnalysisNewsArticle", "OpinionNewsArticle", "BackgroundNewsArticle",
    "LiveBlogPosting", "ScholarlyArticle", "TechArticle", "Report",
    "SocialMediaPosting", "WebPage", "ItemPage", "Blog", "Review", NULL};

static void ld_names(story_vec *v, json_t *a)
{
    if (json_is_string(a)) {
        const char *s = json_string_value(a);
        push_str(v, s, strlen(s));
    } else if (json_is_object(a)) {
        json_t *n = json_object_get(a, "name");
        json_t *id = json_object_get(a, "@id");
        if (json_is_string(n)) {
            const char *s = json_string_value(n);
            push_str(v, s, strlen(s));
        } else if (json_is_string(id) && strlen(json_string_value(id)) < 190) {
            char ref[200];
            snprintf(ref, sizeof ref, "\x01%s", json_string_value(id));
            push_str(v, ref, strlen(ref));
        }
    } else if (json_is_array(a)) {
        size_t k;
        json_t *x;
        json_array_foreach(a, k, x) ld_names(v, x);
    }
}

static void ld_object(meta *m, json_t *o, int depth)
{
    if (depth > 8)
        return;
    if (json_is_array(o)) {
        size_t k;
        json_t *x;
        json_array_foreach(o, k, x) ld_object(m, x, depth + 1);
        return;
    }
    if (!json_is_object(o))
        return;
    json_t *g = json_object_get(o, "@graph");
    if (g)
        ld_object(m, g, depth + 1);
    {
        json_t *id = json_object_get(o, "@id"), *nm = json_object_get(o, "name");
        if (json_is_string(id) && json_is_string(nm) && m->ld_ids.len < 64) {
            story_buf e = {0};
            story_buf_printf(&e, "%s\x1f%s", json_string_value(id),
                             json_string_value(nm));
            char *d = e.oom ? NULL : story_buf_detach(&e);
            if (d && !story_vec_push(&m->ld_ids, &d))
                free(d);
            story_buf_free(&e);
        }
    }
    int is_page = ld_type_is(o, (const char *const[]){"WebPage", "ItemPage",
                                                       NULL});
    if (ld_type_is(o, article_types)) {
        const char *h = json_string_value(json_object_get(o, "headline"));
        if (!h && !is_page)
            h = json_string_value(json_object_get(o, "name"));
        if (!is_page || !m->ld_headline.len)
            set_once(&m->ld_headline, h);
        const char *dp = json_string_value(json_object_get(o, "datePublished"));
        const char *dc = json_string_value(json_object_get(o, "dateCreated"));
        const char *dm = json_string_value(json_object_get(o, "dateModified"));
        if (!is_page || !m->ld_pub.len) {
            set_once(&m->ld_pub, dp ? dp : dc);
            set_once(&m->ld_mod, dm);
        }
        if (!is_page)
            ld_names(&m->ld_authors, json_object_get(o, "author"));
        if (!is_page && !json_object_get(o, "author"))
            ld_names(&m->ld_authors, json_object_get(o, "creator"));
        json_t *pub = json_object_get(o, "publisher");
        if (json_is_object(pub))
            set_once(&m->ld_site,
                     json_string_value(json_object_get(pub, "name")));
        set_once(&m->desc_ld,
                 json_string_value(json_object_get(o, "description")));
        set_once(&m->ld_url, json_string_value(json_object_get(o, "url")));
        json_t *il = json_object_get(o, "inLanguage");
        if (json_is_string(il))
            set_once(&m->lang_ld, json_string_value(il));
    } else if (ld_type_is(o, (const char *const[]){"WebSite", NULL})) {
        set_once(&m->ld_site, json_string_value(json_object_get(o, "name")));
    }
    json_t *me = json_object_get(o, "mainEntity");
    if (me)
        ld_object(m, me, depth + 1);
}

static void ld_parse(meta *m, const char *s)
{
    json_error_t je;
    json_t *j = json_loads(s, JSON_DECODE_ANY, &je);
    if (!j) {
        /* some pages put several objects or a trailing ';' */
        size_t n = strlen(s);
        while (n && (isspace((unsigned char)s[n - 1]) || s[n - 1] == ';'))
            n--;
        j = json_loadb(s, n, JSON_DECODE_ANY, &je);
    }
    if (!j)
        return;
    ld_object(m, j, 0);
    json_decref(j);
}

/* ---- meta tags ------------------------------------------------------------ */

static int key_in(const char *k, const char *const *list)
{
    for (int i = 0; list[i]; i++)
        if (strcasecmp(k, list[i]) == 0)
            return 1;
    return 0;
}

static const char *const pub_keys[] = {
    "article:published_time", "og:article:published_time",
    "article:published", "og:published_time", "datepublished",
    "pubdate", "publishdate", "publish-date", "publish_date",
    "publication_date", "date", "dc.date", "dc.date.issued",
    "dc.date.created", "dcterms.date", "dcterms.issued", "dcterms.created",
    "sailthru.date", "parsely-pub-date", "citation_publication_date",
    "citation_date", "article.published", "published-date",
    "article_date_original", "original-publish-date", "cxenseparse:recs:publishtime",
    "og:pubdate", "datecreated", "date.available", "pub_date", NULL};
static const char *const mod_keys[] = {
    "article:modified_time", "og:updated_time", "article:modified",
    "datemodified", "dcterms.modified", "last-modified", "lastmod",
    "og:article:modified_time", "article.updated", "dc.date.modified", NULL};
static const char *const author_keys[] = {
    "author", "article:author", "parsely-author", "sailthru.author",
    "dc.creator", "dcterms.creator", "citation_author", "byl",
    "og:article:author", "twitter:creator", "cxenseparse:author", NULL};

static int machine_date(const char *s, char *out, size_t outsz);

static int looks_like_url(const char *s)
{
    return strncmp(s, "http", 4) == 0 || s[0] == '/' || strchr(s, '@') ||
           strstr(s, "www.");
}

static void meta_tag(meta *m, xmlNode *n)
{
    const char *k = story__html_attr(n, "property");
    const char *c = story__html_attr(n, "content");
    if (!c)
        c = story__html_attr(n, "value");
    if (!k)
        k = story__html_attr(n, "name");
    if (!k)
        k = story__html_attr(n, "itemprop");
    const char *he = story__html_attr(n, "http-equiv");
    if (he && c && strcasecmp(he, "content-language") == 0)
        set_once(&m->lang_meta, c);
    if (!k || !c || !*c)
        return;
    if (!strcasecmp(k, "og:title"))
        set_once(&m->og_title, c);
    else if (!strcasecmp(k, "twitter:title"))
        set_once(&m->tw_title, c);
    else if (!strcasecmp(k, "og:site_name"))
        set_once(&m->site, c);
    else if (!strcasecmp(k, "application-name"))
        set_once(&m->app_name, c);
    else if (!strcasecmp(k, "og:description"))
        set_once(&m->desc_og, c);
    else if (!strcasecmp(k, "description"))
        set_once(&m->desc, c);
    else if (!strcasecmp(k, "og:url"))
        set_once(&m->og_url, c);
    else if (!strcasecmp(k, "og:locale") || !strcasecmp(k, "dc.language") ||
             !strcasecmp(k, "language") || !strcasecmp(k, "content-language"))
        set_once(&m->lang_og, c);
    else if (key_in(k, pub_keys)) {
        /* the first publication date that parses */
        char tmp[48];
        if (m->meta_pub.len && !machine_date(m->meta_pub.data, tmp, sizeof tmp))
            m->meta_pub.len = 0;
        set_once(&m->meta_pub, c);
    }
    else if (key_in(k, mod_keys))
        set_once(&m->meta_mod, c);
    else if (key_in(k, author_keys) && !looks_like_url(c))
        push_str(&m->meta_authors, c, strlen(c));
}

/* ---- dates ------------------------------------------------------------------ */

static int digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (!isdigit((unsigned char)s[i]))
            return 0;
    return 1;
}

static int valid_ymd(int y, int mo, int d)
{
    return y >= 1990 && y <= 2100 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31;
}

/* ISO-like "YYYY-MM-DD[Thh:mm[:ss][.fff][Z|±hh[:]mm]]" or "YYYY/MM/DD" or
 * "YYYYMMDD" at the start of s (after white space) -> out. */
static int iso_date(const char *s, char *out, size_t outsz)
{
    while (*s && isspace((unsigned char)*s))
        s++;
    int y, mo, d;
    const char *p;
    if (digits(s, 4) && (s[4] == '-' || s[4] == '/' || s[4] == '.') &&
        digits(s + 5, 2) && s[7] == s[4] && digits(s + 8, 2)) {
        y = atoi(s);
        mo = (s[5] - '0') * 10 + (s[6] - '0');
        d = (s[8] - '0') * 10 + (s[9] - '0');
        p = s + 10;
    } else if (digits(s, 4) && (s[4] == '-' || s[4] == '/') &&
               digits(s + 5, 1)) {
        /* unpadded "2022-5-5", "2022-05-6" (htmldate accepts them too) */
        const char *q = s + 5;
        y = atoi(s);
        mo = atoi(q);
        q += digits(q, 2) ? 2 : 1;
        if (*q != s[4] || !digits(q + 1, 1))
            return 0;
        d = atoi(q + 1);
        q += digits(q + 1, 2) ? 3 : 2;
        if (isdigit((unsigned char)*q))
            return 0;
        p = q;
    } else if (digits(s, 8) && !isdigit((unsigned char)s[8])) {
        y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
            (s[3] - '0');
        mo = (s[4] - '0') * 10 + (s[5] - '0');
        d = (s[6] - '0') * 10 + (s[7] - '0');
        p = s + 8;
    } else {
        return 0;
    }
    if (!valid_ymd(y, mo, d))
        return 0;
    int hh = -1, mi = 0, ss = 0;
    char tz[16] = "";
    if ((*p == 'T' || *p == ' ') && digits(p + 1, 2) && p[3] == ':' &&
        digits(p + 4, 2)) {
        hh = (p[1] - '0') * 10 + (p[2] - '0');
        mi = (p[4] - '0') * 10 + (p[5] - '0');
        p += 6;
        if (*p == ':' && digits(p + 1, 2)) {
            ss = (p[1] - '0') * 10 + (p[2] - '0');
            p += 3;
        }
        if (*p == '.' || *p == ',')
            for (p++; isdigit((unsigned char)*p); p++)
                ;
        if (*p == 'Z') {
            strcpy(tz, "Z");
        } else if ((*p == '+' || *p == '-') && digits(p + 1, 2)) {
            int th = (p[1] - '0') * 10 + (p[2] - '0'), tm = 0;
            const char *q = p + 3;
            if (*q == ':')
                q++;
            if (digits(q, 2))
                tm = (q[0] - '0') * 10 + (q[1] - '0');
            snprintf(tz, sizeof tz, "%c%02d:%02d", *p, (th % 24 + 24) % 24, (tm % 60 + 60) % 60);
        }
        if (hh > 23 || mi > 59 || ss > 60)
            hh = -1;
    }
    if (hh >= 0)
        snprintf(out, outsz, "%04d-%02d-%02dT%02d:%02d:%02d%s", y, mo, d, hh,
                 mi, ss, tz);
    else
        snprintf(out, outsz, "%04d-%02d-%02d", y, mo, d);
    return 1;
}

/* Parse free text with ICU date formats of `lang` (long, medium, short
 * and full styles, lenient), at every word start. */
static int icu_date(const char *text, const char *lang, char *out,
                    size_t outsz)
{
    UChar u[256];
    int32_t ulen = 0;
    UErrorCode e = U_ZERO_ERROR;
    u_strFromUTF8Lenient(u, 255, &ulen, text, -1, &e);
    if (U_FAILURE(e) || ulen <= 0)
        return 0;
    if (ulen > 255)
        ulen = 255;
    static const UDateFormatStyle styles[] = {UDAT_LONG, UDAT_MEDIUM,
                                              UDAT_FULL, UDAT_SHORT};
    for (int si = 0; si < 4; si++) {
        e = U_ZERO_ERROR;
        UDateFormat *f = udat_open(UDAT_NONE, styles[si], lang, u"UTC", -1,
                                   NULL, 0, &e);
        if (U_FAILURE(e) || !f)
            continue;
        udat_setLenient(f, 0); /* lenient parsing accepts garbage */
        for (int32_t i = 0; i < ulen; i++) {
            if (i > 0 && u[i - 1] != ' ' && u[i - 1] != ',' && u[i - 1] != '(' &&
                u[i - 1] != '|')
                continue;
            int32_t pos = i;
            e = U_ZERO_ERROR;
            UDate dt = udat_parse(f, u, ulen, &pos, &e);
            if (U_FAILURE(e) || pos - i < 6)
                continue;
            /* back to Y-M-D */
            UCalendar *cal = ucal_open(u"UTC", -1, "", UCAL_GREGORIAN, &e);
            if (U_FAILURE(e))
                continue;
            ucal_setMillis(cal, dt, &e);
            int y = ucal_get(cal, UCAL_YEAR, &e);
            int mo = ucal_get(cal, UCAL_MONTH, &e) + 1;
            int d = ucal_get(cal, UCAL_DATE, &e);
            ucal_close(cal);
            if (U_SUCCESS(e) && valid_ymd(y, mo, d)) {
                snprintf(out, outsz, "%04d-%02d-%02d", y, mo, d);
                udat_close(f);
                return 1;
            }
        }
        udat_close(f);
    }
    return 0;
}

/* RFC 5322 section 3.3 date-time ("Sat, 19 Oct 2019 00:04:00 +0200"):
 * the month abbreviations are part of the protocol, not of a language.
 * The local date and time are kept with their offset. */
static int rfc822_date(const char *s, char *out, size_t outsz)
{
    static const char *const mon[] = {"jan", "feb", "mar", "apr", "may",
                                      "jun", "jul", "aug", "sep", "oct",
                                      "nov", "dec"};
    const char *p = s;
    while (*p && isspace((unsigned char)*p))
        p++;
    if (isalpha((unsigned char)p[0]) && isalpha((unsigned char)p[1]) &&
        isalpha((unsigned char)p[2]) && p[3] == ',')
        p += 4;
    while (*p == ' ')
        p++;
    if (!isdigit((unsigned char)*p))
        return 0;
    int d = atoi(p);
    while (isdigit((unsigned char)*p))
        p++;
    while (*p == ' ' || *p == '-')
        p++;
    int mo = 0;
    for (int i = 0; i < 12; i++)
        if (strncasecmp(p, mon[i], 3) == 0)
            mo = i + 1;
    if (!mo)
        return 0;
    while (isalpha((unsigned char)*p))
        p++;
    while (*p == ' ' || *p == '-')
        p++;
    if (!digits(p, 4))
        return 0;
    int y = atoi(p);
    p += 4;
    if (!valid_ymd(y, mo, d))
        return 0;
    int hh, mi, ss = 0;
    while (*p == ' ')
        p++;
    if (digits(p, 2) && p[2] == ':' && digits(p + 3, 2)) {
        hh = atoi(p);
        mi = atoi(p + 3);
        p += 5;
        if (*p == ':' && digits(p + 1, 2)) {
            ss = atoi(p + 1);
            p += 3;
        }
        while (*p == ' ')
            p++;
        char tz[16] = "";
        if ((*p == '+' || *p == '-') && digits(p + 1, 4))
            snprintf(tz, sizeof tz, "%c%.2s:%.2s", *p, p + 1, p + 3);
        else if (strncmp(p, "GMT", 3) == 0 || strncmp(p, "UTC", 3) == 0 ||
                 *p == 'Z')
            snprintf(tz, sizeof tz, "Z");
        if (hh < 24 && mi < 60 && ss <= 60) {
            snprintf(out, outsz, "%04d-%02d-%02dT%02d:%02d:%02d%s", y, mo, d,
                     hh, mi, ss, tz);
            return 1;
        }
    }
    snprintf(out, outsz, "%04d-%02d-%02d", y, mo, d);
    return 1;
}

/* Numeric day-month-year: "14.01.2022", "4.1.2022", "14/01/2022" (day
 * first unless month_first), "2022/01/14". The first match in s. */
static int numeric_date(const char *s, int month_first, char *out,
                        size_t outsz)
{
    for (const char *p = s; *p; p++) {
        if (!isdigit((unsigned char)*p) ||
            (p > s && (isdigit((unsigned char)p[-1]) || p[-1] == '.' ||
                       p[-1] == '/')))
            continue;
        const char *q = p;
        int a = 0, b = 0, y = 0, na = 0, nb = 0, ny = 0;
        while (isdigit((unsigned char)*q) && na < 3) {
            a = a * 10 + (*q++ - '0');
            na++;
        }
        char sep = *q;
        if ((sep != '.' && sep != '/') || na > 2)
            continue;
        q++;
        while (isdigit((unsigned char)*q) && nb < 3) {
            b = b * 10 + (*q++ - '0');
            nb++;
        }
        if (*q != sep || nb == 0 || nb > 2)
            continue;
        q++;
        while (isdigit((unsigned char)*q) && ny < 5) {
            y = y * 10 + (*q++ - '0');
            ny++;
        }
        if ((ny != 4 && !(ny == 2 && sep == '.')) ||
            isdigit((unsigned char)*q))
            continue;
        if (ny == 2)
            y += 2000; /* "2.11.22": two-digit years are this century */
        int d = a, mo = b;
        if (sep == '/' && (month_first || b > 12) && a <= 12) {
            d = b;
            mo = a;
        }
        if (valid_ymd(y, mo, d) && d <= 31) {
            snprintf(out, outsz, "%04d-%02d-%02d", y, mo, d);
            return 1;
        }
    }
    return 0;
}

/* Structured value (meta content, JSON-LD, datetime attribute). */
static int machine_date(const char *s, char *out, size_t outsz)
{
    if (!s || !*s)
        return 0;
    if (iso_date(s, out, outsz) || rfc822_date(s, out, outsz))
        return 1;
    /* machine-written numeric dates ("11/01/2023 12:43:42") are US-style */
    return numeric_date(s, 1, out, outsz);
}

/* Text written for readers: ISO, numeric (day first unless the page is
 * en-US), then month names via the dates module and ICU. */
static int any_date_icu(story_ctx *ctx, const char *s, const char *lang,
                        char *out, size_t outsz, int icu);

static int any_date(story_ctx *ctx, const char *s, const char *lang,
                    char *out, size_t outsz)
{
    return any_date_icu(ctx, s, lang, out, outsz, 1);
}

/* any_date; ICU date formats only with `icu` (they cost ~0.1 ms each) */
static int any_date_icu(story_ctx *ctx, const char *s, const char *lang,
                        char *out, size_t outsz, int icu)
{
    if (!s || !*s)
        return 0;
    if (iso_date(s, out, outsz) || rfc822_date(s, out, outsz))
        return 1;
    if (numeric_date(s, lang && strcmp(lang, "en-US") == 0, out, outsz))
        return 1;
    /* an ISO date inside the text */
    for (const char *p = s; *p; p++)
        if (isdigit((unsigned char)*p) && (p == s || !isdigit((unsigned char)p[-1])) &&
            iso_date(p, out, outsz))
            return 1;
    /* text dates: the dates module (language packs), then ICU formats */
    if (ctx) {
        story_vec v;
        story_error err;
        story_vec_init(&v, sizeof(story_date));
        /* the page language, else English and the other languages of
         * the packs with month names */
        const char *known[] = {lang && *lang ? lang : "en", "en", "de",
                               "fr", "es", "it", "pt", "nl", "pl", "cs",
                               "ru", "uk"};
        int nl = lang && *lang ? 2 : 12;
        for (int k = 0; k < nl; k++) {
            const char *langs[1] = {known[k]};
            v.len = 0;
            if (story__dates_scan(ctx, langs[0], s, 0, strlen(s), NULL, &v,
                                  &err) == 0)
                for (size_t i = 0; i < v.len; i++) {
                    const story_date *dd = &((story_date *)v.data)[i];
                    if (strlen(dd->iso) == 10 && !dd->relative[0]) {
                        snprintf(out, outsz, "%s", dd->iso);
                        story_vec_free(&v);
                        return 1;
                    }
                }
        }
        story_vec_free(&v);
    }
    if (!icu || strlen(s) > 200) /* ICU formats are tried at every word:
                                    short texts (bylines, date lines) only */
        return 0;
    if (lang && *lang && icu_date(s, lang, out, outsz))
        return 1;
    return icu_date(s, "en", out, outsz);
}

/* /2019/11/18/ or /2019-11-18 in a URL. */
static int url_date(const char *u, char *out, size_t outsz)
{
    for (const char *p = u; p && *p; p++) {
        if (*p != '/' || !digits(p + 1, 4))
            continue;
        const char *q = p + 5;
        if ((*q == '/' || *q == '-') && digits(q + 1, 2) && q[3] == *q &&
            digits(q + 4, 2) && !isdigit((unsigned char)q[6])) {
            int y = atoi(p + 1), mo = atoi(q + 1), d = atoi(q + 4);
            if (valid_ymd(y, mo, d)) {
                snprintf(out, outsz, "%04d-%02d-%02d", y, mo, d);
                return 1;
            }
        }
    }
    return 0;
}

/* Minutes since 1970-01-01 UTC of "YYYY-MM-DDThh:mm:ss[Z|±hh:mm]" (as
 * iso_date writes it), or -1. Days from the civil date with the
 * days-from-civil algorithm (H. Hinnant). */
static long long utc_minutes(const char *s)
{
    if (strlen(s) < 19 || s[10] != 'T')
        return -1;
    int y = atoi(s), mo = atoi(s + 5), d = atoi(s + 8);
    int hh = atoi(s + 11), mi = atoi(s + 14);
    y -= mo <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (mo + (mo > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    long long days = era * 146097 + doe - 719468;
    long long t = days * 1440 + hh * 60 + mi;
    const char *z = s + 19;
    if ((*z == '+' || *z == '-') && strlen(z) >= 6) {
        long long off = atoi(z + 1) * 60 + atoi(z + 4);
        t += *z == '+' ? -off : off;
    }
    return t;
}

/* ---- title ---------------------------------------------------------------- */

static const char *const title_seps[] = {" | ", " - ", " – ", " — ", " :: ",
                                         " » ", " · ", " // ", " ~ ", " › ",
                                         " : ", " • ", NULL};

static int ci_contains(const char *hay, size_t hn, const char *needle)
{
    size_t nn = strlen(needle);
    if (!nn || nn > hn)
        return 0;
    for (size_t i = 0; i + nn <= hn; i++)
        if (strncasecmp(hay + i, needle, nn) == 0)
            return 1;
    return 0;
}

static size_t count_words(const char *s)
{
    size_t n = 0;
    int in = 0;
    for (; *s; s++) {
        int sp = isspace((unsigned char)*s);
        if (!sp && !in)
            n++;
        in = !sp;
    }
    return n;
}

/* Share of the words of h (>= 2 bytes, compared case-insensitively) that
 * occur in d is at least a half. */
int story__html_similar_title(const char *h, const char *d)
{
    size_t words = 0, hit = 0;
    const char *p = h;
    while (*p) {
        while (*p && (isspace((unsigned char)*p) || ispunct((unsigned char)*p)))
            p++;
        size_t l = 0;
        while (p[l] && !isspace((unsigned char)p[l]) &&
               !ispunct((unsigned char)p[l]))
            l++;
        if (l >= 2) {
            words++;
            for (const char *q = d; *q; q++)
                if (strncasecmp(q, p, l) == 0) {
                    hit++;
                    break;
                }
        }
        p += l;
    }
    return words > 0 && hit * 2 >= words;
}

/* Remove a site-name segment from the start or end of a title. With
 * `aggressive`, any last segment of <= 4 words goes when the rest is
 * longer. */
static void clean_title(story_buf *t, const char *site, const char *h1,
                        int aggressive)
{
    for (int pass = 0; pass < 2; pass++) {
        const char *best = NULL;
        size_t bl = 0;
        for (int i = 0; title_seps[i]; i++) {
            const char *p = t->data, *q;
            while (p && (q = strstr(p, title_seps[i])) != NULL) {
                if (!best || q > best) {
                    best = q;
                    bl = strlen(title_seps[i]);
                }
                p = q + 1;
            }
        }
        if (!best)
            return;
        size_t head = (size_t)(best - t->data);
        const char *tail = best + bl;
        size_t tl = strlen(tail);
        int drop_tail = 0, drop_head = 0;
        if (site && *site && (ci_contains(tail, tl, site) ||
                              (tl >= 3 && ci_contains(site, strlen(site), tail))))
            drop_tail = 1;
        else if (site && *site && ci_contains(t->data, head, site) &&
                 head < tl)
            drop_head = 1;
        else if (h1 && *h1 && strncasecmp(t->data, h1, head) == 0 &&
                 strlen(h1) == head)
            drop_tail = 1;
        else if (aggressive) {
            size_t words = 1, hwords = 1;
            for (const char *c = tail; *c; c++)
                words += *c == ' ';
            for (size_t c = 0; c < head; c++)
                hwords += t->data[c] == ' ';
            if (words <= 4 && head > tl)
                drop_tail = 1;
            else if (hwords <= 4 && tl > head + head / 3 && pass == 0 &&
                     strncmp(best, " | ", 3) == 0)
                drop_head = 1; /* "Site Name | A longer headline" */
        }
        if (drop_tail) {
            t->len = head;
            t->data[head] = '\0';
        } else if (drop_head) {
            memmove(t->data, tail, tl + 1);
            t->len = tl;
        } else {
            return;
        }
    }
}

/* ---- authors ------------------------------------------------------------- */

/* Strip "By " / "Von " / … (locales/ingest/boilerplate.json "byline")
 * and trailing dates / "|" parts from a byline text. */
void story__ingest_clean_byline(story_ctx *ctx, story_buf *b)
{
    /* no-break spaces ("Par&nbsp;Name") are spaces here */
    for (char *p; b->len && (p = strstr(b->data, "\xc2\xa0")) != NULL;) {
        *p = ' ';
        memmove(p + 1, p + 2, strlen(p + 2) + 1);
        b->len--;
    }
    /* cut at separators that usually start a date or role */
    /* (" · ", " • ": "By Jane Roe · 15 January 2024" lost its author,
     * fresh-user M11, session 13) */
    static const char *const cuts[] = {" | ", "\n", " — ", " – ", " - ",
                                       " \xc2\xb7 ", " \xe2\x80\xa2 ",
                                       " / ", "  ", " on ", " am ",
                                       "Updated", "Published", "Posted",
                                       " at ", NULL};
    for (int i = 0; cuts[i]; i++) {
        char *p = strstr(b->data, cuts[i]);
        if (p && p > b->data) {
            *p = '\0';
            b->len = (size_t)(p - b->data);
        }
    }
    /* "By", "Post author By", "Erstellt von": byline phrases (folded,
     * locales/ingest/boilerplate.json "byline") at the start, repeatedly */
    for (int round = 0; round < 3; round++) {
        size_t best = 0, i = 0;
        for (int w = 0; w < 3 && i < b->len; w++) {
            while (i < b->len && !isspace((unsigned char)b->data[i]) &&
                   b->data[i] != ':')
                i++;
            story_buf k = {0};
            if (i <= 40 && story__ingest_fold(&k, b->data, i) == 0 && k.data &&
                story__ingest_phrase(ctx, "byline", k.data))
                best = i;
            story_buf_free(&k);
            if (i < b->len && b->data[i] == ':')
                break;
            while (i < b->len && isspace((unsigned char)b->data[i]))
                i++;
        }
        if (!best)
            break;
        while (best < b->len && (isspace((unsigned char)b->data[best]) ||
                                 b->data[best] == ':'))
            best++;
        memmove(b->data, b->data + best, b->len - best + 1);
        b->len -= best;
    }
    /* " @handle", quotes around the whole byline */
    {
        char *at = strstr(b->data, " @");
        if (at) {
            *at = '\0';
            b->len = (size_t)(at - b->data);
        }
        while (b->len >= 2 && (b->data[0] == '\'' || b->data[0] == '"') &&
               b->data[b->len - 1] == b->data[0]) {
            memmove(b->data, b->data + 1, b->len - 2);
            b->len -= 2;
            b->data[b->len] = '\0';
        }
    }
    /* trailing ", 12 May 2025" / ", May 12, 2025" / ", 14:30": comma
     * parts holding a digit are the byline's date or time, not a name */
    for (;;) {
        char *c = NULL;
        for (char *p = b->data; p && (p = strstr(p, ", ")) != NULL; p++)
            c = p;
        if (!c || c == b->data || !strpbrk(c, "0123456789"))
            break;
        *c = '\0';
        b->len = (size_t)(c - b->data);
    }
    while (b->len && (isspace((unsigned char)b->data[b->len - 1]) ||
                      b->data[b->len - 1] == ',' || b->data[b->len - 1] == '|'))
        b->data[--b->len] = '\0';
    size_t lead = 0; /* leading white space */
    while (lead < b->len && isspace((unsigned char)b->data[lead]))
        lead++;
    if (lead) {
        memmove(b->data, b->data + lead, b->len - lead + 1);
        b->len -= lead;
    }
}

/* 1 when s[0, n) has the shape of a personal name: 2-4 words, the first
 * and the last capitalised (ICU u_isupper/u_istitle), any between them
 * capitalised or a particle of at most 3 bytes (van, de, da). A byline
 * from HTML is split into names only when every part has this shape:
 * "Luana Patriolino, Raphael Felice" is two authors, but "Harm, Robert"
 * (surname first), "Heiko Sauer is a Professor" ("a" is a Czech joiner)
 * and "Hecho en Bolivia" ("en" a Dutch one) stay whole, since the page's
 * language is not known when its metadata is read (session 13). */
static int name_shape(const char *s, size_t n)
{
    size_t words = 0;
    for (size_t i = 0; i < n;) {
        while (i < n && s[i] == ' ')
            i++;
        if (i >= n)
            break;
        size_t w0 = i, j = i;
        while (i < n && s[i] != ' ')
            i++;
        int32_t c = story__utf8_next(s, i, &j);
        int cap = c > 0 && (u_isupper(c) || u_istitle(c));
        int last = i >= n || s[i] == ' ' ? 1 : 0;
        for (size_t k = i; k < n && last; k++)
            if (s[k] != ' ')
                last = 0;
        if (!cap && (words == 0 || last || i - w0 > 3))
            return 0;
        words++;
    }
    return words >= 2 && words <= 4;
}

static int author_ok(const char *s, size_t n)
{
    if (n < 2 || n > 80)
        return 0;
    if (memchr(s, '/', n) || memchr(s, '@', n) || memchr(s, '*', n) ||
        memchr(s, ':', n) || memchr(s, '(', n))
        return 0;
    size_t words = 1, digit = 0;
    for (size_t i = 0; i < n; i++) {
        words += s[i] == ' ';
        digit += isdigit((unsigned char)s[i]) != 0;
    }
    return words <= 8 && digit == 0;
}

/* ---- walk ------------------------------------------------------------------ */

static int ci_find(const char *hay, const char *needle)
{
    size_t n = strlen(needle);
    int c0 = tolower((unsigned char)needle[0]);
    for (const char *p = hay; *p; p++)
        if (tolower((unsigned char)*p) == c0 && strncasecmp(p, needle, n) == 0)
            return 1;
    return 0;
}

static int cls_has(xmlNode *n, const char *word)
{
    const char *c = story__html_attr(n, "class");
    const char *i = story__html_attr(n, "id");
    return (c && ci_find(c, word)) ||
           (i && ci_find(i, word));
}

static int has_class_word(xmlNode *n, const char *w)
{
    const char *c = story__html_attr(n, "class");
    size_t wl = strlen(w);
    for (const char *p = c; p && *p;) {
        while (*p == ' ')
            p++;
        size_t l = strcspn(p, " ");
        if (l == wl && strncasecmp(p, w, wl) == 0)
            return 1;
        p += l;
    }
    return 0;
}

/* Visible text following node `from` in document order (its own text
 * included), at most max bytes; scripts and styles skipped. */
static void text_after(story_buf *out, xmlNode *from, size_t max)
{
    xmlNode *n = from;
    int entering = 1;
    while (n && out->len < max) {
        if (entering && (n->type == XML_TEXT_NODE)) {
            if (out->len)
                story_buf_putc(out, ' ');
            for (const unsigned char *p = n->content; p && *p &&
                                                      out->len < max;
                 p++)
                story_buf_putc(out, isspace(*p) ? ' ' : (char)*p);
        }
        if (entering && visible_parent(n)) {
            n = n->children;
            continue;
        }
        n = story__html_step(n, NULL, &entering);
        if (n && !entering && n->type != XML_ELEMENT_NODE)
            break; /* left the root element */
    }
}

/* A date written right after a publication phrase ("Published on",
 * "Erschienen am": locales/ingest/boilerplate.json "published") anywhere in
 * the visible text of the page: htmldate's free-text markers (Barbaresi
 * 2020). The earliest such phrase followed by a date wins. */
static int phrase_date(story_ctx *ctx, xmlNode *body, const char *lang,
                       char *out, size_t outsz)
{
    size_t np = 0;
    const char *const *ph = story__ingest_phrases(ctx, "published", &np);
    if (!np || !body || !body->children)
        return 0;
    story_buf t = {0}, f = {0};
    int found = 0, tries = 0;
    text_after(&t, body->children, 1u << 18);
    if (!t.len || story__ingest_fold(&f, t.data, t.len) != 0 || !f.data)
        goto done;
    for (const char *p = f.data; *p && !found; p++) {
        if (p > f.data && (isalnum((unsigned char)p[-1]) ||
                           (unsigned char)p[-1] >= 0x80))
            continue;
        for (size_t i = 0; i < np && !found; i++) {
            size_t l = strlen(ph[i]);
            if (strncmp(p, ph[i], l) != 0)
                continue;
            const char *q = p + l;
            if (*q != ' ' && *q != ':' && (unsigned char)*q != 0xC2)
                continue;
            while (*q == ' ' || *q == ':' || *q == '-' || *q == ',' ||
                   ((unsigned char)*q == 0xC2 && (unsigned char)q[1] == 0xA0))
                q += (unsigned char)*q == 0xC2 ? 2 : 1;
            char win[48];
            snprintf(win, sizeof win, "%s", q);
            /* the date starts the window and has a digit early on (day or
             * year); at most 8 attempts, without ICU formats (costly) */
            int digit = 0;
            for (int k = 0; k < 16 && win[k]; k++)
                digit |= isdigit((unsigned char)win[k]) != 0;
            if (!digit || tries >= 8 ||
                (!isalnum((unsigned char)win[0]) &&
                 (unsigned char)win[0] < 0x80))
                continue;
            tries++;
            found = any_date_icu(ctx, win, lang, out, outsz, 0);
        }
    }
done:
    story_buf_free(&t);
    story_buf_free(&f);
    return found;
}

/* Inside a comment section, a form, a label or a sidebar widget? */
static int in_comments(xmlNode *n)
{
    for (xmlNode *a = n; a && a->type == XML_ELEMENT_NODE; a = a->parent) {
        const char *nm = (const char *)a->name;
        if (strcmp(nm, "form") == 0 || strcmp(nm, "label") == 0)
            return 1;
        if (strcmp(nm, "body") == 0 || strcmp(nm, "html") == 0 ||
            strcmp(nm, "article") == 0 || strcmp(nm, "main") == 0)
            continue;
        if (cls_has(a, "comment") || cls_has(a, "respond") ||
            cls_has(a, "widget") || cls_has(a, "related"))
            return 1;
    }
    return 0;
}

static int is_name(xmlNode *n, const char *name)
{
    return n->name && strcmp((const char *)n->name, name) == 0;
}

static void text_of(story_buf *b, xmlNode *n)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
    story__html_text(b, n);
}

static void push_date_strong(meta *m, const char *s);
static int url_date(const char *u, char *out, size_t outsz);

/* A permalink with a date in the path inside a heading (blog lists:
 * <h2><a href="/blog/2020/01/13/…">). */
static int heading_link_date(meta *m, xmlNode *h)
{
    for (xmlNode *c = h->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, "a"))
            continue;
        const char *href = story__html_attr(c, "href");
        char iso[32];
        if (href && url_date(href, iso, sizeof iso)) {
            snprintf(m->heading_url_date, sizeof m->heading_url_date, "%s",
                     iso);
            return 1;
        }
    }
    return 0;
}

static void push_date(meta *m, const char *s)
{
    int digit = 0;
    for (const char *c = s; *c && !digit; c++)
        digit = isdigit((unsigned char)*c);
    if (digit && m->date_texts.len < 8)
        push_str(&m->date_texts, s, strlen(s));
}

/* A date printed by the article itself (<time>, byline, itemprop). */
static void push_date_strong(meta *m, const char *s)
{
    size_t before = m->date_texts.len;
    push_date(m, s);
    if (m->date_texts.len > before && m->n_strong < 8)
        m->strong[m->n_strong++] = m->date_texts.len - 1;
}

/* A date element of a teaser (a link to a story, with its date) counts
 * only when the teaser is the page's own story: a short ancestor (up to 4
 * levels, <= 300 bytes of text) and the page title (<h1>, else og:title,
 * else <title>) share at least half of each other's words. */
static int self_teaser(meta *m, xmlNode *n)
{
    const story_buf *title = m->h1.len         ? &m->h1
                             : m->og_title.len ? &m->og_title
                                               : &m->title_tag;
    if (!title->len)
        return 0;
    story_buf t = {0};
    int r = 0;
    xmlNode *a = n->parent;
    for (int k = 0; k < 4 && a && a->type == XML_ELEMENT_NODE && !r;
         k++, a = a->parent) {
        text_of(&t, a);
        if (t.len > 300)
            break;
        r = t.data && story__html_similar_title(title->data, t.data) &&
            story__html_similar_title(t.data, title->data);
    }
    story_buf_free(&t);
    return r;
}

/* An <h1> hidden from sight (screen-reader only) or holding the logo:
 * not the headline. */
static int hidden_or_logo(xmlNode *n)
{
    static const char *const words[] = {"hidden", "sr-only", "visually-hidden",
                                        "visuallyhidden", "aural",
                                        "screen-reader-text", "logo", NULL};
    for (int i = 0; words[i]; i++)
        if (has_class_word(n, words[i]))
            return 1;
    return story__html_attr(n, "hidden") != NULL;
}

static void walk(meta *m, story_ctx *ctx, xmlNode *root)
{
    story_buf t = {0};
    xmlNode *n = root;
    int byline_seen = 0;
    (void)ctx;
    const char *lang = story__html_attr(root, "lang");
    if (!lang)
        lang = story__html_attr(root, "xml:lang");
    set_once(&m->lang_html, lang);
    while (n) {
        int descend = 1;
        if (n->type == XML_ELEMENT_NODE) {
            if (is_name(n, "meta")) {
                meta_tag(m, n);
            } else if (is_name(n, "title") && !m->title_tag.len) {
                text_of(&t, n);
                set_once(&m->title_tag, t.data);
                descend = 0;
            } else if (is_name(n, "link")) {
                const char *rel = story__html_attr(n, "rel");
                const char *href = story__html_attr(n, "href");
                if (rel && href && strcasecmp(rel, "canonical") == 0)
                    set_once(&m->canon, href);
            } else if (is_name(n, "script")) {
                const char *ty = story__html_attr(n, "type");
                const xmlChar *body = n->children ? n->children->content
                                                  : NULL;
                int ld = ty && ci_find(ty, "ld+json");
                if (!ld && body && (!ty || ci_find(ty, "javascript"))) {
                    /* JSON-LD in an untyped <script> */
                    const char *b = (const char *)body;
                    while (isspace((unsigned char)*b))
                        b++;
                    ld = (*b == '{' || *b == '[') &&
                         strncmp(b + 1, "\"@context\"", 10) == 0;
                    if (!ld && *b == '{') {
                        const char *c = b + 1;
                        while (isspace((unsigned char)*c))
                            c++;
                        ld = strncmp(c, "\"@context\"", 10) == 0;
                    }
                }
                if (ld && n->children) {
                    text_of(&t, n->children);
                    if (!t.data || !t.len) {
                        /* story__html_text skips scripts: read raw */
                    }
                    const xmlChar *c = n->children->content;
                    if (c)
                        ld_parse(m, (const char *)c);
                }
                descend = 0;
            } else if (is_name(n, "body")) {
                m->body = n;
            } else if (is_name(n, "style") || is_name(n, "noscript")) {
                descend = 0;
            } else if ((is_name(n, "h1") || is_name(n, "h2")) &&
                       !m->heading_url_date[0] && heading_link_date(m, n)) {
                /* recorded; fall through to the h1 handling below */
            }
            if (is_name(n, "h2") && !m->first_h2)
                m->first_h2 = n;
            if (is_name(n, "h1") && m->h1s.len < 4 && !hidden_or_logo(n)) {
                text_of(&t, n);
                if (t.len)
                    push_str(&m->h1s, t.data, t.len);
                if (t.len && m->n_h1_nodes < 4)
                    m->h1_nodes[m->n_h1_nodes++] = n;
                if (!m->h1.len) {
                    set_once(&m->h1, t.data);
                    if (m->h1.len)
                        m->h1_node = n;
                }
            } else if (is_name(n, "time")) {
                const char *dt = story__html_attr(n, "datetime");
                const char *ip = story__html_attr(n, "itemprop");
                if (dt) {
                    if ((ip && ci_find(ip, "datePublished")) ||
                        story__html_attr(n, "pubdate") || cls_has(n, "publish"))
                        set_once(&m->time_pub, dt);
                    else
                        set_once(&m->time_any, dt);
                }
                text_of(&t, n);
                if (t.len >= 6 && t.len < 120 && !in_comments(n))
                    push_date_strong(m, t.data);
            }
            const char *ip = story__html_attr(n, "itemprop");
            if (ip && !is_name(n, "meta")) {
                const char *c = story__html_attr(n, "content");
                if (!c)
                    c = story__html_attr(n, "datetime");
                if (ci_find(ip, "datePublished")) {
                    if (c)
                        set_once(&m->meta_pub, c);
                    else {
                        text_of(&t, n);
                        push_date_strong(m, t.data);
                    }
                } else if (ci_find(ip, "dateModified") && c) {
                    set_once(&m->meta_mod, c);
                } else if (strcasecmp(ip, "author") == 0 ||
                           strcasecmp(ip, "creator") == 0) {
                    text_of(&t, n);
                    if (c && !looks_like_url(c))
                        push_str(&m->el_authors, c, strlen(c));
                    else if (t.len && t.len < 120) {
                        story__ingest_clean_byline(ctx, &t);
                        if (author_ok(t.data, t.len))
                            push_str(&m->el_authors, t.data, t.len);
                    }
                }
            }
            if (!is_name(n, "meta") && !is_name(n, "script") &&
                !is_name(n, "body") && !is_name(n, "html") &&
                !is_name(n, "link")) {
                const char *rel = story__html_attr(n, "rel");
                int authorish = (rel && strcasecmp(rel, "author") == 0) ||
                                cls_has(n, "byline") || cls_has(n, "author") ||
                                cls_has(n, "contributor");
                if (authorish && m->el_authors.len < 4 && byline_seen < 8 &&
                    (in_comments(n) ||
                     (cls_has(n, "teaser") && !self_teaser(m, n))))
                    authorish = 0; /* comments, forms, other stories */
                if (authorish && m->el_authors.len < 4 && byline_seen < 8) {
                    text_of(&t, n);
                    if (t.len && t.len < 120) {
                        byline_seen++;
                        for (const char *c = t.data; *c; c++)
                            if (isdigit((unsigned char)*c)) {
                                push_date_strong(m, t.data);
                                break;
                            }
                        story__ingest_clean_byline(ctx, &t);
                        if (author_ok(t.data, t.len))
                            push_str(&m->el_authors, t.data, t.len);
                        descend = 0;
                    }
                } else if (m->date_texts.len < 8 && !cls_has(n, "weather") &&
                           (cls_has(n, "date") || cls_has(n, "publish") ||
                            cls_has(n, "publica") ||
                            cls_has(n, "posted") || cls_has(n, "dateline") ||
                            cls_has(n, "timestamp") ||
                            cls_has(n, "submitted") || cls_has(n, "meta") ||
                            has_class_word(n, "time")) &&
                           (!cls_has(n, "teaser") || self_teaser(m, n))) {
                    text_of(&t, n);
                    if (t.len >= 6 && t.len < 120 && !in_comments(n))
                        push_date(m, t.data);
                }
            }
            if (descend && n->children) {
                n = n->children;
                continue;
            }
        }
        while (n && !n->next) {
            n = n->parent;
            if (n == root || !n || n->type == XML_DOCUMENT_NODE ||
                n->type == XML_HTML_DOCUMENT_NODE) {
                n = NULL;
                break;
            }
        }
        if (n)
            n = n->next;
    }
    story_buf_free(&t);
}

static void norm_lang(char *out, size_t outsz, const char *in)
{
    size_t k = 0;
    out[0] = '\0';
    if (!in)
        return;
    while (*in && isspace((unsigned char)*in))
        in++;
    for (; *in && k + 1 < outsz && k < 15; in++) {
        char c = *in;
        if (c == '_')
            c = '-';
        if (!(isalnum((unsigned char)c) || c == '-'))
            break;
        out[k++] = c;
    }
    out[k] = '\0';
    /* primary subtag lower case, region upper case */
    int part = 0;
    for (size_t i = 0; i < k; i++) {
        if (out[i] == '-') {
            part++;
            continue;
        }
        out[i] = part == 0 ? (char)tolower((unsigned char)out[i])
                           : (part == 1 && k - i <= 2)
                                 ? (char)toupper((unsigned char)out[i])
                                 : out[i];
    }
    size_t primary = strcspn(out, "-");
    if (primary < 2 || primary > 3)
        out[0] = '\0';
}

static int set_buf(char **field, const story_buf *b)
{
    return story__set_field(field, b->data ? b->data : "", b->len);
}

static void decode_entities(story_buf *b)
{
    /* JSON-LD and meta values sometimes carry double-escaped entities */
    static const struct {
        const char *e, *r;
    } ents[] = {{"&amp;", "&"},  {"&quot;", "\""}, {"&#39;", "'"},
                {"&#039;", "'"}, {"&apos;", "'"},  {"&lt;", "<"},
                {"&gt;", ">"},   {"&#8217;", "\xe2\x80\x99"},
                {"&#8211;", "\xe2\x80\x93"}, {"&#8220;", "\xe2\x80\x9c"},
                {"&#8221;", "\xe2\x80\x9d"}, {"&nbsp;", " "}};
    if (!b->data || !strchr(b->data, '&'))
        return;
    for (size_t k = 0; k < sizeof ents / sizeof ents[0]; k++) {
        char *p;
        size_t el = strlen(ents[k].e), rl = strlen(ents[k].r);
        while ((p = strstr(b->data, ents[k].e)) != NULL) {
            memmove(p + rl, p + el, strlen(p + el) + 1);
            memcpy(p, ents[k].r, rl);
            b->len -= el - rl;
        }
    }
}

/* d ends h at a word boundary after a shorter kicker:
 * "Energiewende Oberland: Klimavorreiter Oberland?" and
 * "Klimavorreiter Oberland?" (d >= 2 words, the kicker at most 1.5 times
 * as long). */
static int kicker_suffix(const char *h, const char *d)
{
    while (*d == ' ')
        d++;
    size_t hl = strlen(h), dl = strlen(d);
    while (dl && d[dl - 1] == ' ')
        dl--;
    while (hl && h[hl - 1] == ' ')
        hl--;
    if (dl == 0 || dl >= hl || count_words(d) < 2 || hl - dl > dl + dl / 2)
        return 0;
    const char *tail = h + hl - dl;
    if (strncasecmp(tail, d, dl) != 0)
        return 0;
    unsigned char before = (unsigned char)tail[-1];
    return before == ' ' || before == ':' || before == '|' ||
           before == 0xA0;
}

/* "23.01.2022 - Headline", "1. Februar 2022 Headline": a date (ending in
 * a four-digit year within the first 24 bytes) before a headline of >= 3
 * words is dropped from the title. */
static void strip_leading_date(story_ctx *ctx, story_buf *t, const char *lang)
{
    if (!t->len || !isdigit((unsigned char)t->data[0]))
        return;
    for (size_t i = 1; i + 4 <= t->len && i < 24; i++) {
        if (!digits(t->data + i, 4) || isdigit((unsigned char)t->data[i - 1]) ||
            isdigit((unsigned char)t->data[i + 4]))
            continue;
        size_t e = i + 4;
        char pre[32], iso[48];
        snprintf(pre, sizeof pre, "%.*s", (int)e, t->data);
        if (!any_date(ctx, pre, lang, iso, sizeof iso))
            return;
        while (e < t->len && (t->data[e] == ' ' || t->data[e] == '-' ||
                              t->data[e] == '|' || t->data[e] == ':' ||
                              t->data[e] == ',' ||
                              strncmp(t->data + e, "\xe2\x80\x93", 3) == 0))
            e += (unsigned char)t->data[e] >= 0x80 ? 3 : 1;
        if (count_words(t->data + e) < 3)
            return;
        memmove(t->data, t->data + e, t->len - e + 1);
        t->len -= e;
        return;
    }
}

/* The name of the JSON-LD node whose "@id" is id (Yoast-style graphs give
 * "author": {"@id": "…#author"} and the Person elsewhere), or NULL. */
static const char *ld_person(meta *m, const char *id)
{
    size_t il = strlen(id);
    for (size_t i = 0; i < m->ld_ids.len; i++) {
        const char *e = ((char **)m->ld_ids.data)[i];
        if (strncmp(e, id, il) == 0 && e[il] == '\x1f')
            return e + il + 1;
    }
    return NULL;
}

/* The label before the public suffix of a URL's host ("elcolumbiano" for
 * https://www.elcolumbiano.com/…, "bbc" for https://www.bbc.co.uk/…) into
 * label; "" if none (no host, an IP address, a bare public suffix).  The
 * public suffix comes from the Public Suffix List compiled into libpsl
 * (psl_builtin); until session 15 it was the last dot of the host, which gave
 * "co" for bbc.co.uk. */
static void url_host_label(char *label, size_t sz, const char *url)
{
    label[0] = '\0';
    const char *p = url ? strstr(url, "://") : NULL;
    if (!p)
        return;
    p += 3;
    size_t auth = strcspn(p, "/?#"), at = strcspn(p, "@");
    if (at < auth)
        p += at + 1; /* user:password@host */
    size_t hl = strcspn(p, "/:?#[");
    char host[256];
    if (hl == 0 || hl >= sizeof host || strspn(p, "0123456789.") >= hl)
        return; /* none, too long for a DNS name, or an IPv4 address */
    for (size_t i = 0; i < hl; i++)
        host[i] = (char)tolower((unsigned char)p[i]);
    host[hl] = '\0';
    const psl_ctx_t *psl = psl_builtin();
    const char *reg = psl ? psl_registrable_domain(psl, host) : NULL;
    if (!reg)
        return;
    size_t l = strcspn(reg, ".");
    if (l >= sz)
        l = sz - 1;
    memcpy(label, reg, l);
    label[l] = '\0';
}

/* s folded to ASCII letters and digits only (accents and punctuation
 * dropped, lower case) into out. */
static void alnum_key(char *out, size_t outsz, const char *s)
{
    size_t k = 0;
    for (; *s && k + 1 < outsz; s++) {
        unsigned char c = (unsigned char)*s;
        if (isalnum(c))
            out[k++] = (char)tolower(c);
        else if (c == 0xC3 && s[1]) {
            /* Latin-1 supplement letters: keep the base letter */
            static const char base[] = "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
            unsigned char d = (unsigned char)s[1];
            if (d >= 0x80 && d <= 0xBF) {
                char b = base[(d - 0x80) & 31];
                if (b != '/')
                    out[k++] = b;
                s++;
            }
        }
    }
    out[k] = '\0';
}

/* An author that is the site itself: equal to, or contained in, the site
 * name, or the host label of the page URL ("El Colombiano" for
 * elcolumbiano.com). */
static int is_site_name(const char *au, const char *site, const char *host)
{
    if (site && *site &&
        (strcasecmp(au, site) == 0 || ci_find(site, au) || ci_find(au, site)))
        return 1;
    char ka[128], kh[64];
    alnum_key(ka, sizeof ka, au);
    alnum_key(kh, sizeof kh, host ? host : "");
    if (strlen(kh) < 3)
        return 0;
    /* the site's name written out ("La República"), or its domain as an
     * author ("katholisch.at") */
    return strcmp(ka, kh) == 0 ||
           (strchr(au, '.') && strncmp(ka, kh, strlen(kh)) == 0);
}

/* "Rob Picheta, CNN" -> "Rob Picheta": comma-separated parts naming the
 * site are dropped. */
static void drop_site_parts(story_buf *b, const char *site, const char *host)
{
    char *c;
    while (b->len && (c = strrchr(b->data, ',')) != NULL) {
        const char *tail = c + 1;
        while (*tail == ' ')
            tail++;
        if (!*tail || !is_site_name(tail, site, host))
            break;
        *c = '\0';
        b->len = (size_t)(c - b->data);
    }
}

/* s (case-folded) is a phrase of list `which`. */
static int folded_phrase(story_ctx *ctx, const char *which, const char *s)
{
    story_buf k = {0};
    int r = story__ingest_fold(&k, s, strlen(s)) == 0 && k.data &&
            story__ingest_phrase(ctx, which, k.data);
    story_buf_free(&k);
    return r;
}

/* "Olivier Minot Olivier Minot" (a name printed twice) -> once. */
static void undouble(story_buf *b)
{
    if (b->len < 5 || b->len % 2 == 0)
        return;
    size_t h = b->len / 2;
    if (b->data[h] == ' ' && strncmp(b->data, b->data + h + 1, h) == 0) {
        b->data[h] = '\0';
        b->len = h;
    }
}

int story__html_meta(story_article *a, story_ctx *ctx, htmlDocPtr doc,
                     xmlNode *body_root, story_error *err)
{
    meta m;
    memset(&m, 0, sizeof m);
    story_vec_init(&m.ld_authors, sizeof(char *));
    story_vec_init(&m.ld_ids, sizeof(char *));
    story_vec_init(&m.meta_authors, sizeof(char *));
    story_vec_init(&m.el_authors, sizeof(char *));
    story_vec_init(&m.h1s, sizeof(char *));
    story_vec_init(&m.date_texts, sizeof(char *));
    (void)body_root;
    xmlNode *root = xmlDocGetRootElement(doc);
    int rc = 0;
    if (root)
        walk(&m, ctx, root);

    /* language */
    char lang[16];
    norm_lang(lang, sizeof lang, m.lang_html.data);
    if (!lang[0])
        norm_lang(lang, sizeof lang, m.lang_meta.data);
    if (!lang[0])
        norm_lang(lang, sizeof lang, m.lang_og.data);
    if (!lang[0])
        norm_lang(lang, sizeof lang, m.lang_ld.data);

    /* site name */
    story_buf *site = m.site.len ? &m.site : m.ld_site.len ? &m.ld_site
                                                          : &m.app_name;
    decode_entities(site);

    /* title: the visible headline (<h1>) when it matches one of the
     * declared titles (og:title, JSON-LD, <title>) — those are often
     * rewritten for search engines and social media — else the declared
     * titles in that order, minus a site-name segment */
    story_buf title = {0}, decl[4] = {{0}, {0}, {0}, {0}};
    story_buf *srcs[4] = {&m.og_title, &m.ld_headline, &m.title_tag,
                          &m.tw_title};
    for (size_t i = 0; i < 4; i++)
        if (srcs[i]->len) {
            story_buf_append(&decl[i], srcs[i]->data, srcs[i]->len);
            decode_entities(&decl[i]);
            clean_title(&decl[i], site->data, m.h1.data, 1);
        }
    for (size_t k = 0; k < m.h1s.len && !title.len; k++) {
        const char *h = ((char **)m.h1s.data)[k];
        for (size_t i = 0; i < 4; i++)
            if (decl[i].len && story__html_similar_title(h, decl[i].data)) {
                story_buf_puts(&title, h);
                break;
            }
    }
    for (size_t i = 0; i < 4 && !title.len; i++)
        if (decl[i].len)
            story_buf_append(&title, decl[i].data, decl[i].len);
    if (!title.len && m.h1.len)
        story_buf_append(&title, m.h1.data, m.h1.len);
    /* a declared title of one or two words is usually the site or the
     * section ("News"): a longer <h1> is the headline */
    int short_h1 = m.h1.len && story__html_similar_title(m.h1.data,
                                                          title.data ? title.data : "");
    for (size_t k = 0; k < m.h1s.len && title.len && !short_h1 &&
                       count_words(title.data) <= 2;
         k++) {
        const char *h = ((char **)m.h1s.data)[k];
        if (count_words(h) >= 3) {
            title.len = 0;
            story_buf_puts(&title, h);
        }
    }
    /* an <h1> that is a kicker (overline, section) followed by a declared
     * title (cleaned or as written): the declared title */
    for (size_t i = 0; i < 8 && m.h1.len; i++) {
        const char *d = i < 4 ? decl[i].data : srcs[i - 4]->data;
        if (d && kicker_suffix(m.h1.data, d)) {
            title.len = 0;
            story_buf_puts(&title, d);
            break;
        }
    }
    for (size_t i = 0; i < 4; i++)
        story_buf_free(&decl[i]);
    strip_leading_date(ctx, &title, lang);
    /* soft hyphens (U+00AD) are invisible hyphenation hints */
    for (char *p; title.len && (p = strstr(title.data, "\xc2\xad")) != NULL;) {
        memmove(p, p + 2, strlen(p + 2) + 1);
        title.len -= 2;
    }

    /* authors: the first source (JSON-LD, meta tags, byline elements) that
     * gives at least one acceptable name */
    story_buf byline = {0};
    story_vec *srcv[] = {&m.ld_authors, &m.meta_authors, &m.el_authors};
    char host[64];
    url_host_label(host, sizeof host, m.canon.len ? m.canon.data
                                                  : m.og_url.data);
    for (size_t s_i = 0; s_i < 3 && a->n_authors == 0; s_i++) {
        story_vec *av = srcv[s_i];
        for (size_t i = 0; i < av->len; i++) {
            story_buf one = {0};
            const char *raw = ((char **)av->data)[i];
            if (raw[0] == '\x01')
                raw = ld_person(&m, raw + 1); /* {"@id": …} reference */
            if (!raw)
                continue;
            story_buf_puts(&one, raw);
            decode_entities(&one);
            story__ingest_clean_byline(ctx, &one);
            drop_site_parts(&one, site->data, host);
            undouble(&one);
            /* "Jane Roe and John Smith" is two authors (fresh-user M11,
             * session 13: it was one) */
            size_t spans[16][2];
            int ns = author_ok(one.data, one.len)
                         ? story__ingest_author_spans(ctx, one.data, one.len,
                                                      spans, 16)
                         : 0;
            if (ns < 0) {
                story_buf_free(&one);
                rc = ns;
                goto out;
            }
            for (int si = 0; ns > 1 && si < ns; si++)
                if (!name_shape(one.data + spans[si][0],
                                spans[si][1] - spans[si][0])) {
                    ns = 1; /* not names all: the byline stays whole */
                    spans[0][0] = 0;
                    spans[0][1] = one.len;
                }
            for (int si = 0; si < ns; si++) {
                size_t nl = spans[si][1] - spans[si][0];
                char *d = story__strndup(one.data + spans[si][0], nl);
                if (!d) {
                    story_buf_free(&one);
                    rc = STORY_ENOMEM;
                    goto out;
                }
                int dup = 0;
                for (size_t k = 0; k < a->n_authors && !dup; k++)
                    dup = strcasecmp(a->authors[k], d) == 0;
                if (dup || !author_ok(d, nl) ||
                    folded_phrase(ctx, "published", d) ||
                    folded_phrase(ctx, "byline", d) ||
                    is_site_name(d, site->data, host)) {
                    free(d);
                    continue;
                }
                if (byline.len)
                    story_buf_puts(&byline, ", ");
                story_buf_append(&byline, d, nl);
                char **na = story__realloc(a->authors,
                                           (a->n_authors + 1) * sizeof *na);
                if (!na) {
                    free(d);
                    story_buf_free(&one);
                    rc = STORY_ENOMEM;
                    goto out;
                }
                a->authors = na;
                a->authors[a->n_authors++] = d;
            }
            story_buf_free(&one);
        }
    }

    /* dates: structured first; a visible date wins over a UTC timestamp
     * that falls on the neighbouring day (the page's local date) */
    char iso[48] = "", vis[48] = "";
    const char *url = m.canon.len ? m.canon.data : m.og_url.data;
    const story_buf *pubs[] = {&m.meta_pub, &m.ld_pub, &m.time_pub};
    int have = 0, have_vis = 0;
    for (size_t i = 0; i < 3 && !have; i++)
        if (pubs[i]->len && machine_date(pubs[i]->data, iso, sizeof iso))
            have = 1;
    {
        /* the first date printed by the article (<time>, byline) wins
         * over a date from any date-ish element */
        char weak[48] = "", tmp[48];
        for (size_t i = 0; i < m.date_texts.len && !have_vis; i++) {
            int strong = 0;
            for (int k = 0; k < m.n_strong; k++)
                strong |= m.strong[k] == i;
            if (!strong && weak[0])
                continue;
            if (!any_date(ctx, ((char **)m.date_texts.data)[i], lang, tmp,
                          sizeof tmp))
                continue;
            if (strong) {
                snprintf(vis, sizeof vis, "%s", tmp);
                have_vis = 1;
            } else {
                snprintf(weak, sizeof weak, "%s", tmp);
            }
        }
        if (!have_vis && weak[0]) {
            snprintf(vis, sizeof vis, "%s", weak);
            have_vis = 1;
        }
    }
    /* an explicit "Published on <date>" before the first date after the
     * headline (which may be an update date) */
    if (!have && !have_vis &&
        phrase_date(ctx, m.body, lang, vis, sizeof vis))
        have_vis = 1;
    for (int k = 0; k < m.n_h1_nodes && !have_vis; k++) {
        m.region.len = 0;
        text_after(&m.region, m.h1_nodes[k], 3000);
        if (m.region.len && numeric_date(m.region.data,
                                         strcmp(lang, "en-US") == 0, vis,
                                         sizeof vis))
            have_vis = 1;
        else if (m.region.len &&
                 any_date(ctx, m.region.data, lang, vis, sizeof vis))
            have_vis = 1;
    }
    if (!have_vis && m.n_h1_nodes == 0 && m.body && m.body->children) {
        /* no <h1>: a numeric date after the first <h2>, else early in the
         * page */
        m.region.len = 0;
        text_after(&m.region, m.first_h2 ? m.first_h2 : m.body->children,
                   3000);
        if (m.region.len && numeric_date(m.region.data,
                                         strcmp(lang, "en-US") == 0, vis,
                                         sizeof vis))
            have_vis = 1;
    }
    if (have && strlen(iso) > 10 &&
        (iso[strlen(iso) - 1] == 'Z' || strstr(iso + 10, "+00:00"))) {
        /* A UTC timestamp: the page's own (local) date is the date printed
         * on it when that is the neighbouring day, else the date of a
         * same-instant timestamp with a local offset. */
        char a_day[32], b_day[32];
        long long diff = 0;
        if (have_vis) {
            snprintf(a_day, sizeof a_day, "%.10sT00:00:00", iso);
            snprintf(b_day, sizeof b_day, "%.10sT00:00:00", vis);
            diff = utc_minutes(a_day) - utc_minutes(b_day);
        }
        if (have_vis && (diff == 1440 || diff == -1440)) {
            snprintf(iso, sizeof iso, "%s", vis);
        } else if (!have_vis) {
            const story_buf *locs[] = {&m.time_pub, &m.time_any, &m.meta_pub,
                                       &m.ld_pub};
            char loc[48];
            long long t_utc = utc_minutes(iso);
            for (size_t i = 0; i < 4; i++)
                if (locs[i]->len &&
                    machine_date(locs[i]->data, loc, sizeof loc) &&
                    strlen(loc) > 19 && loc[strlen(loc) - 1] != 'Z' &&
                    !strstr(loc + 10, "+00:00") && t_utc >= 0 &&
                    llabs(utc_minutes(loc) - t_utc) <= 5) {
                    snprintf(iso, sizeof iso, "%.10s", loc);
                    break;
                }
        }
    }
    if (!have && url && url_date(url, iso, sizeof iso))
        have = 1;
    if (!have && m.heading_url_date[0]) {
        snprintf(iso, sizeof iso, "%s", m.heading_url_date);
        have = 1;
    }
    if (!have && have_vis) {
        snprintf(iso, sizeof iso, "%s", vis);
        have = 1;
    }
    if (!have && m.time_any.len &&
        machine_date(m.time_any.data, iso, sizeof iso))
        have = 1;
    if (!have && m.title_tag.len &&
        numeric_date(m.title_tag.data, 0, iso, sizeof iso))
        have = 1;
    if (have) {
        free(a->published);
        a->published = story__strdup(iso);
        if (!a->published) {
            rc = STORY_ENOMEM;
            goto out;
        }
    }
    const story_buf *mods[] = {&m.ld_mod, &m.meta_mod};
    for (size_t i = 0; i < 2; i++)
        if (mods[i]->len && machine_date(mods[i]->data, iso, sizeof iso)) {
            free(a->modified);
            a->modified = story__strdup(iso);
            if (!a->modified) {
                rc = STORY_ENOMEM;
                goto out;
            }
            break;
        }

    story_buf *desc = m.desc_og.len ? &m.desc_og : m.desc.len ? &m.desc
                                                             : &m.desc_ld;
    decode_entities(desc);
    story_buf *canon = m.canon.len ? &m.canon : m.og_url.len ? &m.og_url
                                                            : &m.ld_url;
    if (set_buf(&a->title, &title) || set_buf(&a->byline, &byline) ||
        set_buf(&a->site_name, site) || set_buf(&a->description, desc) ||
        set_buf(&a->canonical_url, canon) ||
        story__set_field(&a->lang, lang, strlen(lang)))
        rc = STORY_ENOMEM;
out:
    story_buf_free(&title);
    story_buf_free(&byline);
    {
        story_buf *all[] = {&m.og_title, &m.ld_headline, &m.h1, &m.title_tag,
                            &m.tw_title, &m.site, &m.ld_site, &m.app_name,
                            &m.desc_og, &m.desc, &m.desc_ld, &m.canon,
                            &m.og_url, &m.ld_url, &m.lang_html, &m.lang_meta,
                            &m.lang_og, &m.lang_ld, &m.ld_pub, &m.ld_mod,
                            &m.meta_pub, &m.meta_mod, &m.time_pub,
                            &m.time_any, &m.byline_date, &m.region};
        for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
            story_buf_free(all[i]);
    }
    strvec_free(&m.ld_authors);
    strvec_free(&m.ld_ids);
    strvec_free(&m.meta_authors);
    strvec_free(&m.el_authors);
    strvec_free(&m.h1s);
    strvec_free(&m.date_texts);
    if (rc)
        return story__error(err, rc, a->source, -1, "out of memory");
    return 0;
}
