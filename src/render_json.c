/*
 * Stage 7, JSON renderers (jansson): the comparison report
 * "storydiff.report/1" (docs/report.md, docs/report.schema.json), one
 * article (extract --format=json, "storydiff.article/1") and one article's
 * facts with optional contradictions (facts/check --format=json,
 * "storydiff.facts/1").
 *
 * Determinism: keys sorted (JSON_SORT_KEYS), 2-space indent, scores
 * rounded to 4 decimals and printed with 15 significant digits (so 0.87
 * prints as 0.87, not 0.87000000000000000), a trailing newline, no clock,
 * no paths other than the sources the user gave.
 */
#include "internal.h"

#include <jansson.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define DUMP_FLAGS (JSON_SORT_KEYS | JSON_INDENT(2) | JSON_REAL_PRECISION(15))

static double round4(double x)
{
    if (!isfinite(x))
        return 0;
    return round(x * 1e4) / 1e4;
}

/* A string value; NULL becomes "" (or null when null_ok). */
static json_t *str(const char *s, int null_ok)
{
    if (!s)
        return null_ok ? json_null() : json_string("");
    json_t *j = json_string(s);
    /* invalid UTF-8 cannot come from ingest (validated), but never crash */
    return j ? j : json_stringn_nocheck(s, strlen(s));
}

/* The input's name as given (path, "-" or URL). A file name need not be
 * UTF-8 (fresh-user M7, session 13: "café.txt" in Latin-1 made every JSON
 * report fail): each byte that is not UTF-8 is written as the four
 * characters "\xHH" (docs/report.md). */
static json_t *source_str(const char *s)
{
    if (!s)
        return json_string("");
    size_t n = strlen(s);
    if (story__utf8_invalid_at(s, n) == (size_t)-1)
        return json_stringn(s, n);
    story_buf b = {0};
    for (size_t i = 0; i < n;) {
        size_t j = i;
        if (story__utf8_next(s, n, &j) < 0)
            story_buf_printf(&b, "\\x%02X", (unsigned char)s[i]);
        else
            story_buf_append(&b, s + i, j - i);
        i = j > i ? j : i + 1;
    }
    json_t *v = b.oom ? NULL : json_stringn(b.data ? b.data : "", b.len);
    story_buf_free(&b);
    return v;
}

/* Set and check: jansson's *_set_new steals even on failure. */
static int set(json_t *o, const char *k, json_t *v)
{
    return v && json_object_set_new(o, k, v) == 0 ? 0 : -1;
}

static int push(json_t *a, json_t *v)
{
    return v && json_array_append_new(a, v) == 0 ? 0 : -1;
}

/* Append the item o to the array arr; `bad` says building o failed. On
 * any failure frees o (unless the array already took it) and arr, and
 * returns -1; else 0. */
static int push_item(json_t *arr, json_t *o, int bad)
{
    if (!bad && push(arr, o) == 0)
        return 0;
    if (bad)
        json_decref(o);
    json_decref(arr);
    return -1;
}

static const char *block_kind(story_block_kind k)
{
    switch (k) {
    case STORY_BLOCK_HEADING: return "heading";
    case STORY_BLOCK_LIST_ITEM: return "list-item";
    case STORY_BLOCK_QUOTE: return "quote";
    default: return "paragraph";
    }
}

static json_t *paragraphs_json(const story_article *a, int with_text)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < a->n_paragraphs; i++) {
        const story_paragraph *p = &a->paragraphs[i];
        json_t *o = json_object();
        int bad = !o || set(o, "start", json_integer((json_int_t)p->start)) ||
                  set(o, "end", json_integer((json_int_t)p->end)) ||
                  set(o, "lang", str(p->lang, 0)) ||
                  set(o, "kind", str(block_kind(p->kind), 0));
        if (!bad && with_text && p->end <= a->text_len && p->start <= p->end)
            bad = set(o, "text", json_stringn_nocheck(a->text + p->start,
                                                      p->end - p->start));
        if (push_item(arr, o, bad))
            return NULL;
    }
    return arr;
}

static json_t *sentences_json(const story_article *a)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < a->n_sentences; i++) {
        const story_sentence *s = &a->sentences[i];
        json_t *o = json_object();
        int bad = !o || set(o, "id", json_integer((json_int_t)i)) ||
                  set(o, "paragraph", json_integer((json_int_t)s->paragraph)) ||
                  set(o, "start", json_integer((json_int_t)s->start)) ||
                  set(o, "end", json_integer((json_int_t)s->end));
        if (push_item(arr, o, bad))
            return NULL;
    }
    return arr;
}

/* The article object of the report (side "a"/"b") or of extract (side
 * NULL: more metadata, paragraph text). */
static json_t *article_obj(const story_article *a, const char *side)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    int bad = set(o, "source", source_str(a->source)) ||
              set(o, "lang", str(a->lang, 0)) ||
              set(o, "title", str(a->title, 0)) ||
              set(o, "byline", str(a->byline, 0)) ||
              set(o, "published", str(a->published, 1)) ||
              set(o, "text", json_stringn_nocheck(a->text ? a->text : "",
                                                  a->text ? a->text_len : 0)) ||
              set(o, "paragraphs", paragraphs_json(a, side == NULL));
    if (!bad && side)
        bad = set(o, "side", json_string(side)) ||
              set(o, "lang_uncertain", json_boolean(a->lang_uncertain)) ||
              set(o, "lang_pack", json_boolean(!a->lang_no_pack)) ||
              set(o, "sentences", sentences_json(a));
    if (!bad && !side) {
        json_t *au = json_array();
        for (size_t i = 0; au && i < a->n_authors; i++)
            if (push(au, str(a->authors[i], 0))) {
                json_decref(au);
                au = NULL;
            }
        bad = set(o, "authors", au) ||
              set(o, "modified", str(a->modified, 1)) ||
              set(o, "site_name", str(a->site_name, 0)) ||
              set(o, "canonical_url", str(a->canonical_url, 0)) ||
              set(o, "final_url", str(a->final_url, 0)) ||
              set(o, "description", str(a->description, 0)) ||
              set(o, "charset", str(a->charset, 0)) ||
              set(o, "format", str(a->format, 0));
    }
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* The fact's "value": its value_json when it parses to an object, else an
 * object built from the typed fields. */
static json_t *fact_value(const story_fact *f)
{
    if (f->value_json && *f->value_json) {
        json_t *v = json_loads(f->value_json, JSON_DECODE_ANY, NULL);
        if (v && json_is_object(v))
            return v;
        json_decref(v);
    }
    json_t *o = json_object();
    if (!o)
        return NULL;
    int bad = 0;
    switch (f->type) {
    case STORY_FACT_QUANTITY:
        bad = set(o, "number", json_real(f->number)) ||
              set(o, "counted", str(f->counted, 0)) ||
              set(o, "event", str(f->event, 0)) ||
              set(o, "unit", str(f->unit, 0)) ||
              set(o, "qualifier", f->qualifier && *f->qualifier
                                      ? json_string(f->qualifier)
                                      : json_null());
        if (!bad && f->number_hi != f->number)
            bad = set(o, "number_hi", json_real(f->number_hi));
        break;
    case STORY_FACT_ENTITY:
        bad = set(o, "kind", str(f->entity_kind, 0)) ||
              set(o, "name", str(f->name, 0));
        break;
    case STORY_FACT_DATE:
        bad = set(o, "iso", str(f->date_iso, 0)) ||
              set(o, "relative", str(f->date_relative, 0));
        /* an ambiguous slash date: both readings (day first, month
         * first); iso is then the year */
        if (!bad && f->date_readings[0][0]) {
            json_t *r = json_pack("[ss]", f->date_readings[0],
                                  f->date_readings[1]);
            bad = set(o, "readings", r);
        }
        break;
    default:
        break;
    }
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

/* One fact; id "a:f12" (prefix = "a:"/"b:") or "f12" (prefix ""). */
static json_t *fact_obj(const story_fact *f, size_t i, const char *side)
{
    char id[48];
    snprintf(id, sizeof id, "%s%sf%zu", side ? side : "", side ? ":" : "", i);
    json_t *o = json_object();
    if (!o)
        return NULL;
    int bad = set(o, "id", json_string(id)) ||
              set(o, "type", str(story_fact_type_name(f->type), 0)) ||
              set(o, "key", str(f->key, 0)) ||
              set(o, "slot", str(f->slot, 0)) ||
              set(o, "sentence", json_integer((json_int_t)f->sentence)) ||
              set(o, "start", json_integer((json_int_t)f->start)) ||
              set(o, "end", json_integer((json_int_t)f->end)) ||
              set(o, "negated", json_boolean(f->negated)) ||
              set(o, "hedged", json_boolean(f->hedged)) ||
              set(o, "value", fact_value(f));
    if (!bad && side)
        bad = set(o, "side", json_string(side));
    if (bad) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *run(size_t from, size_t n)
{
    json_t *a = json_array();
    for (size_t k = 0; a && k < n; k++)
        if (push(a, json_integer((json_int_t)(from + k)))) {
            json_decref(a);
            return NULL;
        }
    return a;
}

static json_t *links_json(const story_link *l, size_t n)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < n; i++) {
        json_t *o = json_object();
        int bad = !o || set(o, "a", run(l[i].a, l[i].n_a)) ||
                  set(o, "b", run(l[i].b, l[i].n_b)) ||
                  set(o, "score", json_real(round4(l[i].score))) ||
                  set(o, "kind", str(story_link_kind_name(l[i].kind), 0));
        if (push_item(arr, o, bad))
            return NULL;
    }
    return arr;
}

/* Round every real inside o (objects and arrays, recursively) with
 * round4(): the explanation comes from the alignment as JSON text, whose
 * reals were printed in full (0.07273; docs/report.md promises 4
 * decimals). */
static void round_reals(json_t *o)
{
    const char *k;
    json_t *v;
    size_t i;
    if (json_is_object(o)) {
        json_object_foreach(o, k, v)
        {
            if (json_is_real(v))
                json_real_set(v, round4(json_real_value(v)));
            else
                round_reals(v);
        }
    } else if (json_is_array(o)) {
        json_array_foreach(o, i, v)
        {
            if (json_is_real(v))
                json_real_set(v, round4(json_real_value(v)));
            else
                round_reals(v);
        }
    }
}

static json_t *similarity_json(const story_alignment *al)
{
    json_t *o = json_object();
    if (!o)
        return NULL;
    json_t *ex = NULL;
    if (al->similarity_json && *al->similarity_json)
        ex = json_loads(al->similarity_json, 0, NULL);
    if (!ex || !json_is_object(ex)) {
        json_decref(ex);
        ex = json_object();
    }
    round_reals(ex);
    if (set(o, "overall", json_real(round4(al->sim_overall))) ||
        set(o, "entities", json_real(round4(al->sim_entities))) ||
        set(o, "geography", json_real(round4(al->sim_geography))) ||
        set(o, "time", json_real(round4(al->sim_time))) ||
        set(o, "narrative", json_real(round4(al->sim_narrative))) ||
        set(o, "explanation", ex)) {
        json_decref(o);
        return NULL;
    }
    return o;
}

static json_t *fact_ref(long i, const char *side)
{
    if (i < 0)
        return json_null();
    char id[48];
    snprintf(id, sizeof id, "%s:f%ld", side, i);
    return json_string(id);
}

static json_t *diff_json(const story_diff *d)
{
    json_t *arr = json_array();
    for (size_t i = 0; arr && i < d->n_entries; i++) {
        const story_diff_entry *e = &d->entries[i];
        json_t *o = json_object();
        int bad =
            !o ||
            set(o, "category", str(story_diff_category_name(e->category), 0)) ||
            set(o, "type", str(story_fact_type_name(e->type), 0)) ||
            set(o, "a", fact_ref(e->a, "a")) ||
            set(o, "b", fact_ref(e->b, "b")) ||
            set(o, "detail", str(e->detail, 0)) ||
            set(o, "certain", json_boolean(e->certain));
        if (push_item(arr, o, bad))
            return NULL;
    }
    return arr;
}

static json_t *summary_json(const story_diff_summary *s)
{
    json_t *o = json_object();
#define N(k) set(o, #k, json_integer((json_int_t)s->k))
    if (!o || N(facts_a) || N(facts_b) || N(same) || N(changed) ||
        N(contradicted) || N(added) || N(omitted) || N(sentences_matched) ||
        N(sentences_moved) || N(sentences_added) || N(sentences_omitted) ||
        N(unverified)) {
        json_decref(o);
        return NULL;
    }
#undef N
    return o;
}

/* The placeholder of the "facts" array in the root object, replaced by
 * the streamed array in dump_with_facts(). */
#define FACTS_MARK "\x01storydiff-facts\x01"
/* as dumped at depth 1 (after its key: article text cannot hold a raw
 * newline, so this cannot match inside a string) */
#define FACTS_MARK_JSON "\n  \"facts\": \"\\u0001storydiff-facts\\u0001\""
#define FACTS_KEY_JSON "\n  \"facts\": "

/* Appends the facts of fs (side "a"/"b" or NULL) to b as elements of a
 * JSON array at depth 1 of an indented dump (elements at 4 spaces), each
 * object built, dumped and freed in turn: a 4 MB article has some 115,000
 * facts, whose jansson tree took more memory than the whole pipeline
 * (facts --format=json: 671 MB peak). *n counts the elements so far. */
static int facts_stream(story_buf *b, const story_factset *fs,
                        const char *side, size_t *n)
{
    for (size_t i = 0; fs && i < fs->n_facts; i++) {
        json_t *o = fact_obj(&fs->facts[i], i, side);
        char *t = o ? json_dumps(o, DUMP_FLAGS) : NULL;
        json_decref(o);
        if (!t)
            return -1;
        story_buf_append(b, *n ? ",\n    " : "[\n    ", *n ? 6 : 6);
        for (const char *p = t; *p;) {
            const char *nl = strchr(p, '\n');
            size_t k = nl ? (size_t)(nl - p) + 1 : strlen(p);
            story_buf_append(b, p, k);
            if (nl)
                story_buf_append(b, "    ", 4);
            p += k;
        }
        free(t);
        (*n)++;
        if (b->oom)
            return -1;
    }
    return 0;
}

/* dump() of a root whose "facts" member is the FACTS_MARK string: the
 * facts of fa then fb are streamed in its place (the same bytes as a
 * dump of the whole tree). */
static int dump_with_facts(char **out, json_t *root, const story_factset *fa,
                           const char *side_a, const story_factset *fb,
                           const char *side_b, story_error *err)
{
    char *s = root ? json_dumps(root, DUMP_FLAGS) : NULL;
    json_decref(root);
    if (!s)
        return story__error(err, STORY_ENOMEM, NULL, -1,
                            "cannot build the JSON output");
    char *m = strstr(s, FACTS_MARK_JSON);
    size_t n = 0;
    if (!m) {
        free(s);
        return story__error(err, STORY_EINTERNAL, NULL, -1,
                            "JSON output: facts placeholder not found");
    }
    /* the dump before the placeholder (the article and its text) stays
     * where it is and the output grows from it: no second copy of it
     * (jansson allocates with malloc, as story_buf does) */
    char *tail = story__strdup(m + strlen(FACTS_MARK_JSON));
    size_t size = strlen(s) + 1;
    story_buf b = {.data = s, .len = (size_t)(m - s), .cap = size};
    *m = '\0';
    if (!tail) {
        story_buf_free(&b);
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    }
    story_buf_append(&b, FACTS_KEY_JSON, strlen(FACTS_KEY_JSON));
    if (facts_stream(&b, fa, side_a, &n) ||
        facts_stream(&b, fb, side_b, &n)) {
        free(tail);
        story_buf_free(&b);
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    }
    story_buf_append(&b, n ? "\n  ]" : "[]", n ? 4 : 2);
    story_buf_append(&b, tail, strlen(tail));
    story_buf_append(&b, "\n", 1);
    free(tail);
    if (b.oom || !b.data) {
        story_buf_free(&b);
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    }
    *out = b.data; /* story_buf data is malloc'd: story_free() frees it */
    return 0;
}

/* Dump with the trailing newline; takes (decrefs) root. */
static int dump(char **out, json_t *root, story_error *err)
{
    char *s = root ? json_dumps(root, DUMP_FLAGS) : NULL;
    json_decref(root);
    if (!s)
        return story__error(err, STORY_ENOMEM, NULL, -1,
                            "cannot build the JSON output");
    size_t n = strlen(s);
    char *r = story__malloc(n + 2);
    if (!r) {
        free(s);
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    }
    memcpy(r, s, n);
    r[n] = '\n';
    r[n + 1] = '\0';
    free(s);
    *out = r;
    return 0;
}

int story_report_json(char **out, const story_comparison *c,
                      story_error *err)
{
    if (out)
        *out = NULL;
    if (!out || !c || !c->a || !c->b || !c->alignment || !c->diff)
        return story__error(err, STORY_EINVAL, NULL, -1,
                            "story_report_json: incomplete comparison");
    const story_alignment *al = c->alignment;
    json_t *root = json_object(), *tool = json_object(), *rel = json_object(),
           *arts = json_array(), *facts = json_string(FACTS_MARK);
    int bad = !root || !tool || !rel || !arts || !facts;
    if (!bad)
        bad = set(tool, "name", json_string("storydiff")) ||
              set(tool, "version", json_string(story_version())) ||
              set(rel, "kind", str(story_relation_name(al->relation), 0)) ||
              set(rel, "confidence",
                  json_real(round4(al->relation_confidence))) ||
              push(arts, article_obj(c->a, "a")) ||
              push(arts, article_obj(c->b, "b"));
    if (bad) {
        json_decref(root);
        json_decref(tool);
        json_decref(rel);
        json_decref(arts);
        json_decref(facts);
        return story__error(err, STORY_ENOMEM, NULL, -1,
                            "cannot build the JSON report");
    }
    bad = set(root, "schema", json_string("storydiff.report/1")) ||
          set(root, "tool", tool) || set(root, "relation", rel) ||
          set(root, "similarity", similarity_json(al)) ||
          set(root, "articles", arts) || set(root, "facts", facts) ||
          set(root, "alignment", links_json(al->links, al->n_links)) ||
          set(root, "paragraph_alignment",
              links_json(al->par_links, al->n_par_links)) ||
          set(root, "diff", diff_json(c->diff)) ||
          set(root, "summary", summary_json(&c->diff->summary));
    if (bad) {
        json_decref(root);
        return story__error(err, STORY_ENOMEM, NULL, -1,
                            "cannot build the JSON report");
    }
    return dump_with_facts(out, root, c->fa, "a", c->fb, "b", err);
}

int story_article_json(char **out, const story_article *a, story_error *err)
{
    if (out)
        *out = NULL;
    if (!out || !a)
        return story__error(err, STORY_EINVAL, NULL, -1,
                            "story_article_json: missing argument");
    json_t *root = json_object(), *art = article_obj(a, NULL);
    if (!root || !art || set(root, "schema",
                             json_string("storydiff.article/1")) ||
        set(root, "article", art)) {
        json_decref(root);
        return story__error(err, STORY_ENOMEM, NULL, -1,
                            "cannot build the JSON output");
    }
    return dump(out, root, err);
}

/* A UTF-8 string the library composed (NULL: none); NULL on failure. */
static json_t *take_str(char *s)
{
    json_t *j = s ? json_stringn_nocheck(s, strlen(s)) : NULL;
    story_free(s);
    return j;
}

/* check's "contradictions": one object per clash
 * (story_contradiction_clashes()): its first pair's fact ids "a", "b"
 * and "detail", the two facts' shortened sentences "quote_a", "quote_b"
 * (story_fact_excerpt()) and numbers "sentence_a", "sentence_b", the
 * clash in words "text" (story_contradiction_text()) and, when the clash
 * holds more than one pair, all of them as "pairs" ([["f1", "f10"],
 * ...]). Returns 0 or a story_status with err filled. */
static int contradictions_json(json_t **out, const story_article *a,
                               const story_factset *fs,
                               const story_contradiction *cs, size_t n,
                               story_error *err)
{
    size_t *first = NULL;
    *out = NULL;
    int rc = story_contradiction_clashes(&first, fs, cs, n, err);
    if (rc)
        return rc;
    json_t *arr = json_array();
    int bad = !arr;
    for (size_t i = 0; !bad && i < n; i++) {
        if (first[i] != i)
            continue;
        char ia[32], ib[32], *qa = NULL, *qb = NULL, *text = NULL;
        snprintf(ia, sizeof ia, "f%zu", cs[i].fact_a);
        snprintf(ib, sizeof ib, "f%zu", cs[i].fact_b);
        rc = story_fact_excerpt(&qa, a, fs, cs[i].fact_a, err);
        if (!rc)
            rc = story_fact_excerpt(&qb, a, fs, cs[i].fact_b, err);
        if (!rc)
            rc = story_contradiction_text(&text, a, fs, cs, n, i, err);
        if (rc) {
            story_free(qa);
            story_free(qb);
            json_decref(arr);
            free(first);
            return rc;
        }
        json_t *o = json_object(), *pairs = NULL;
        size_t np = 0;
        for (size_t j = i; j < n; j++)
            np += first[j] == i;
        if (np > 1) {
            pairs = json_array();
            for (size_t j = i; pairs && j < n; j++) {
                if (first[j] != i)
                    continue;
                char pa[32], pb[32];
                snprintf(pa, sizeof pa, "f%zu", cs[j].fact_a);
                snprintf(pb, sizeof pb, "f%zu", cs[j].fact_b);
                json_t *p = json_array();
                if (!p || push(p, json_string(pa)) ||
                    push(p, json_string(pb))) {
                    json_decref(p);
                    json_decref(pairs);
                    pairs = NULL;
                } else if (push(pairs, p)) { /* p taken even then */
                    json_decref(pairs);
                    pairs = NULL;
                }
            }
        }
        /* set() steals its value even on failure: no short circuit */
        bad = !o;
        bad |= set(o, "a", json_string(ia));
        bad |= set(o, "b", json_string(ib));
        bad |= set(o, "detail", str(cs[i].detail, 0));
        if (np > 1)
            bad |= set(o, "pairs", pairs);
        bad |= set(o, "quote_a", take_str(qa));
        bad |= set(o, "quote_b", take_str(qb));
        bad |= set(o, "sentence_a",
                   json_integer((json_int_t)fs->facts[cs[i].fact_a]
                                    .sentence));
        bad |= set(o, "sentence_b",
                   json_integer((json_int_t)fs->facts[cs[i].fact_b]
                                    .sentence));
        bad |= set(o, "text", take_str(text));
        if (bad)
            json_decref(o);
        else
            bad = push(arr, o);
    }
    free(first);
    if (bad) {
        json_decref(arr);
        return story__error(err, STORY_ENOMEM, NULL, -1,
                            "cannot build the JSON output");
    }
    *out = arr;
    return 0;
}

int story_facts_json(char **out, const story_article *a,
                     const story_factset *fs, const story_contradiction *cs,
                     size_t n_cs, story_error *err)
{
    if (out)
        *out = NULL;
    if (!out || !a)
        return story__error(err, STORY_EINVAL, NULL, -1,
                            "story_facts_json: missing argument");
    json_t *root = json_object(), *art = json_object(),
           *facts = json_string(FACTS_MARK);
    int bad = !root || !art || !facts;
    if (!bad)
        bad = set(art, "source", source_str(a->source)) ||
              set(art, "lang", str(a->lang, 0)) ||
              set(art, "lang_uncertain", json_boolean(a->lang_uncertain)) ||
              set(art, "lang_pack", json_boolean(!a->lang_no_pack)) ||
              set(art, "title", str(a->title, 0)) ||
              set(art, "text", json_stringn_nocheck(a->text ? a->text : "",
                                                    a->text ? a->text_len
                                                            : 0)) ||
              set(art, "sentences", sentences_json(a));
    if (bad) {
        json_decref(root);
        json_decref(art);
        json_decref(facts);
        return story__error(err, STORY_ENOMEM, NULL, -1,
                            "cannot build the JSON output");
    }
    bad = set(root, "schema", json_string("storydiff.facts/1")) ||
          set(root, "article", art) || set(root, "facts", facts);
    if (!bad && cs) {
        json_t *arr = NULL;
        int rc = contradictions_json(&arr, a, fs, cs, n_cs, err);
        if (rc) {
            json_decref(root);
            return rc;
        }
        bad = set(root, "contradictions", arr);
    }
    if (bad) {
        json_decref(root);
        return story__error(err, STORY_ENOMEM, NULL, -1,
                            "cannot build the JSON output");
    }
    return dump_with_facts(out, root, fs, NULL, NULL, NULL, err);
}
