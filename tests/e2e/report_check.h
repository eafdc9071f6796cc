/*
 * End-to-end test helpers (header-only, static): a validator for the subset
 * of JSON Schema draft 2020-12 that docs/report.schema.json uses, and the
 * structural invariants of a storydiff.report/1 document that a schema
 * cannot express (every sentence and paragraph in exactly one link, spans
 * inside the text, fact references resolve).
 *
 * Supported keywords: $ref (local "#/$defs/NAME"), type (string or array),
 * const, enum, properties, required, additionalProperties (false or a
 * schema), items, minItems, maxItems, minimum, maximum, pattern (POSIX
 * ERE, enough for the patterns used). Annotations ($schema, $id, title,
 * description, $defs) are ignored. Any other keyword fails validation, so
 * the schema cannot silently use more than is checked.
 */
#ifndef STORY_E2E_REPORT_CHECK_H
#define STORY_E2E_REPORT_CHECK_H

#include <jansson.h>
#include <math.h>
#include <regex.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static inline int sc_type_ok(const json_t *v, const char *t)
{
    if (!strcmp(t, "object"))
        return json_is_object(v);
    if (!strcmp(t, "array"))
        return json_is_array(v);
    if (!strcmp(t, "string"))
        return json_is_string(v);
    if (!strcmp(t, "integer"))
        return json_is_integer(v) ||
               (json_is_real(v) &&
                json_real_value(v) == floor(json_real_value(v)));
    if (!strcmp(t, "number"))
        return json_is_number(v);
    if (!strcmp(t, "boolean"))
        return json_is_boolean(v);
    if (!strcmp(t, "null"))
        return json_is_null(v);
    return 0;
}

static inline int sc_fail(char *err, size_t n, const char *path, const char *why)
{
    snprintf(err, n, "%s: %s", path[0] ? path : "/", why);
    return -1;
}

static inline int sc_validate(const json_t *v, const json_t *s, const json_t *root,
                       const char *path, char *err, size_t n)
{
    const char *k;
    json_t *kw;
    char sub[512];
    if (!json_is_object(s))
        return sc_fail(err, n, path, "schema is not an object");
    json_object_foreach((json_t *)s, k, kw)
    {
        if (!strcmp(k, "$schema") || !strcmp(k, "$id") ||
            !strcmp(k, "title") || !strcmp(k, "description") ||
            !strcmp(k, "$defs"))
            continue;
        if (!strcmp(k, "$ref")) {
            const char *ref = json_string_value(kw);
            if (!ref || strncmp(ref, "#/$defs/", 8))
                return sc_fail(err, n, path, "unsupported $ref");
            json_t *d = json_object_get(json_object_get(root, "$defs"),
                                        ref + 8);
            if (!d)
                return sc_fail(err, n, path, "unresolved $ref");
            if (sc_validate(v, d, root, path, err, n))
                return -1;
        } else if (!strcmp(k, "type")) {
            int ok = 0;
            if (json_is_string(kw))
                ok = sc_type_ok(v, json_string_value(kw));
            else {
                size_t i;
                json_t *t;
                json_array_foreach(kw, i, t) ok |=
                    sc_type_ok(v, json_string_value(t));
            }
            if (!ok)
                return sc_fail(err, n, path, "wrong type");
        } else if (!strcmp(k, "const")) {
            if (!json_equal((json_t *)v, kw))
                return sc_fail(err, n, path, "not the const value");
        } else if (!strcmp(k, "enum")) {
            int ok = 0;
            size_t i;
            json_t *e;
            json_array_foreach(kw, i, e) ok |= json_equal((json_t *)v, e);
            if (!ok)
                return sc_fail(err, n, path, "not one of the enum values");
        } else if (!strcmp(k, "required")) {
            size_t i;
            json_t *r;
            if (json_is_object(v))
                json_array_foreach(kw, i, r) if (!json_object_get(
                    v, json_string_value(r))) return sc_fail(err, n, path,
                                                             json_string_value(
                                                                 r));
        } else if (!strcmp(k, "properties")) {
            const char *pk;
            json_t *ps;
            if (json_is_object(v))
                json_object_foreach(kw, pk, ps)
                {
                    json_t *pv = json_object_get(v, pk);
                    snprintf(sub, sizeof sub, "%s/%s", path, pk);
                    if (pv && sc_validate(pv, ps, root, sub, err, n))
                        return -1;
                }
        } else if (!strcmp(k, "additionalProperties")) {
            const char *pk;
            json_t *pv;
            json_t *props = json_object_get(s, "properties");
            if (json_is_object(v))
                json_object_foreach((json_t *)v, pk, pv)
                {
                    if (props && json_object_get(props, pk))
                        continue;
                    snprintf(sub, sizeof sub, "%s/%s", path, pk);
                    if (json_is_false(kw))
                        return sc_fail(err, n, sub, "property not allowed");
                    if (json_is_object(kw) &&
                        sc_validate(pv, kw, root, sub, err, n))
                        return -1;
                }
        } else if (!strcmp(k, "items")) {
            size_t i;
            json_t *it;
            if (json_is_array(v))
                json_array_foreach((json_t *)v, i, it)
                {
                    snprintf(sub, sizeof sub, "%s/%zu", path, i);
                    if (sc_validate(it, kw, root, sub, err, n))
                        return -1;
                }
        } else if (!strcmp(k, "minItems")) {
            if (json_is_array(v) &&
                json_array_size(v) < (size_t)json_integer_value(kw))
                return sc_fail(err, n, path, "too few items");
        } else if (!strcmp(k, "maxItems")) {
            if (json_is_array(v) &&
                json_array_size(v) > (size_t)json_integer_value(kw))
                return sc_fail(err, n, path, "too many items");
        } else if (!strcmp(k, "minimum")) {
            if (json_is_number(v) &&
                json_number_value(v) < json_number_value(kw))
                return sc_fail(err, n, path, "below minimum");
        } else if (!strcmp(k, "maximum")) {
            if (json_is_number(v) &&
                json_number_value(v) > json_number_value(kw))
                return sc_fail(err, n, path, "above maximum");
        } else if (!strcmp(k, "pattern")) {
            if (json_is_string(v)) {
                regex_t re;
                if (regcomp(&re, json_string_value(kw),
                            REG_EXTENDED | REG_NOSUB))
                    return sc_fail(err, n, path, "bad pattern");
                int m = regexec(&re, json_string_value(v), 0, NULL, 0);
                regfree(&re);
                if (m)
                    return sc_fail(err, n, path, "pattern mismatch");
            }
        } else {
            snprintf(sub, sizeof sub, "unsupported keyword %s", k);
            return sc_fail(err, n, path, sub);
        }
    }
    return 0;
}

/* Every index 0..n-1 of side `side` ("a"/"b") appears exactly once over the
 * links' arrays. */
static inline int sc_cover(const json_t *links, const char *side, size_t n,
                    char *err, size_t en, const char *what)
{
    unsigned *seen = calloc(n ? n : 1, sizeof *seen);
    size_t i, k;
    json_t *l, *x;
    int rc = 0;
    json_array_foreach((json_t *)links, i, l)
    {
        json_array_foreach(json_object_get(l, side), k, x)
        {
            json_int_t v = json_integer_value(x);
            if (v < 0 || (size_t)v >= n) {
                snprintf(err, en, "%s: %s index %lld out of range", what,
                         side, (long long)v);
                rc = -1;
            } else
                seen[v]++;
        }
    }
    for (i = 0; i < n && !rc; i++)
        if (seen[i] != 1) {
            snprintf(err, en, "%s: %s unit %zu appears %u times", what, side,
                     i, seen[i]);
            rc = -1;
        }
    free(seen);
    return rc;
}

/* Structural invariants of a report (after schema validation). */
static inline int sc_invariants(const json_t *r, char *err, size_t n)
{
    const json_t *arts = json_object_get(r, "articles");
    const char *sides[2] = {"a", "b"};
    size_t n_facts[2] = {0, 0};
    for (int s = 0; s < 2; s++) {
        const json_t *a = json_array_get(arts, (size_t)s);
        if (strcmp(json_string_value(json_object_get(a, "side")), sides[s]))
            return snprintf(err, n, "article %d has the wrong side", s), -1;
        size_t tl = strlen(json_string_value(json_object_get(a, "text")));
        const json_t *ps = json_object_get(a, "paragraphs"),
                     *ss = json_object_get(a, "sentences");
        size_t i;
        json_t *x;
        json_array_foreach((json_t *)ps, i, x)
        {
            json_int_t st = json_integer_value(json_object_get(x, "start")),
                       en = json_integer_value(json_object_get(x, "end"));
            if (st > en || (size_t)en > tl)
                return snprintf(err, n, "%s paragraph %zu: bad span",
                                sides[s], i),
                       -1;
        }
        json_array_foreach((json_t *)ss, i, x)
        {
            json_int_t st = json_integer_value(json_object_get(x, "start")),
                       en = json_integer_value(json_object_get(x, "end"));
            if (st > en || (size_t)en > tl ||
                json_integer_value(json_object_get(x, "id")) != (json_int_t)i ||
                (size_t)json_integer_value(json_object_get(x, "paragraph")) >=
                    json_array_size(ps))
                return snprintf(err, n, "%s sentence %zu: bad", sides[s], i),
                       -1;
        }
        if (sc_cover(json_object_get(r, "alignment"), sides[s],
                     json_array_size(ss), err, n, "alignment") ||
            sc_cover(json_object_get(r, "paragraph_alignment"), sides[s],
                     json_array_size(ps), err, n, "paragraph_alignment"))
            return -1;
        json_array_foreach(json_object_get(r, "facts"), i, x)
        {
            if (strcmp(json_string_value(json_object_get(x, "side")),
                       sides[s]))
                continue;
            json_int_t st = json_integer_value(json_object_get(x, "start")),
                       en = json_integer_value(json_object_get(x, "end"));
            if (st > en || (size_t)en > tl ||
                (size_t)json_integer_value(json_object_get(x, "sentence")) >=
                    json_array_size(ss))
                return snprintf(err, n, "fact %s: bad span or sentence",
                                json_string_value(json_object_get(x, "id"))),
                       -1;
            n_facts[s]++;
        }
    }
    size_t i;
    json_t *d;
    json_array_foreach(json_object_get(r, "diff"), i, d)
    {
        for (int s = 0; s < 2; s++) {
            const char *id = json_string_value(json_object_get(d, sides[s]));
            if (id && (size_t)atol(id + 3) >= n_facts[s])
                return snprintf(err, n, "diff %zu: %s does not resolve", i,
                                id),
                       -1;
        }
    }
    return 0;
}

/* Load docs/report.schema.json from the source tree. */
static inline json_t *sc_load_schema(void)
{
    const char *src = getenv("STORYDIFF_SOURCE_DIR");
    char path[4096];
    snprintf(path, sizeof path, "%s/docs/report.schema.json",
             src ? src : ".");
    json_error_t je;
    json_t *s = json_load_file(path, JSON_REJECT_DUPLICATES, &je);
    if (!s)
        fprintf(stderr, "%s:%d:%d: %s\n", path, je.line, je.column, je.text);
    return s;
}

/* Parse and check one report; returns 0 or -1 with err filled. */
static inline int sc_check_report(const char *text, const json_t *schema, char *err,
                           size_t n)
{
    json_error_t je;
    size_t len = strlen(text);
    if (len == 0 || text[len - 1] != '\n')
        return snprintf(err, n, "no trailing newline"), -1;
    json_t *r = json_loads(text, JSON_REJECT_DUPLICATES, &je);
    if (!r)
        return snprintf(err, n, "JSON parse error %d:%d: %s", je.line,
                        je.column, je.text),
               -1;
    int rc = sc_validate(r, schema, schema, "", err, n);
    if (!rc)
        rc = sc_invariants(r, err, n);
    json_decref(r);
    return rc;
}

#endif
