/* Optional machine translation (see translate.h). */
#include "internal.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <curl/curl.h>
#include <jansson.h>

#include "translate.h"

#define APERTIUM_BIN "/usr/bin/apertium"
#define APERTIUM_MODES "/usr/share/apertium/modes"

void story__translate_free(char **t, size_t n)
{
    if (!t)
        return;
    for (size_t i = 0; i < n; i++)
        free(t[i]);
    free(t);
}

/* One sentence on one line: newlines and tabs become spaces. */
static char *sentence_line(const story_article *a, size_t s)
{
    size_t st = a->sentences[s].start, en = a->sentences[s].end;
    char *o = story__strndup(a->text + st, en - st);
    if (!o)
        return NULL;
    for (char *p = o; *p; p++)
        if (*p == '\n' || *p == '\r' || *p == '\t')
            *p = ' ';
    return o;
}

static const char *iso3(const char *l)
{
    static const char *m[][2] = {
        {"en", "eng"}, {"es", "spa"}, {"ca", "cat"}, {"fr", "fra"},
        {"pt", "por"}, {"it", "ita"}, {"de", "deu"}, {"ru", "rus"},
        {"uk", "ukr"}, {"is", "isl"}, {"eo", "epo"}, {"eu", "eus"},
        {"mk", "mkd"}, {"sh", "hbs"}, {"hr", "hbs"}, {"sr", "hbs"},
        {"pl", "pol"}, {"cs", "ces"}, {"gl", "glg"}, {"ro", "ron"}};
    for (size_t i = 0; i < sizeof m / sizeof m[0]; i++)
        if (strcmp(m[i][0], l) == 0)
            return m[i][1];
    return l;
}

int story__apertium_mode(const char *modes_dir, const char *from,
                         const char *to, char *buf, size_t cap)
{
    const char *cand[2][2] = {{iso3(from), iso3(to)}, {from, to}};
    for (int k = 0; k < 2; k++) {
        snprintf(buf, cap, "%s/%s-%s.mode", modes_dir, cand[k][0],
                 cand[k][1]);
        if (access(buf, R_OK) == 0) {
            snprintf(buf, cap, "%s-%s", cand[k][0], cand[k][1]);
            return 1;
        }
    }
    snprintf(buf, cap, "%s-%s", iso3(from), iso3(to));
    return 0;
}

/* The Debian package of the apertium pair from <-> to, from
 * locales/apertium.json "debian_packages" (a package installs both
 * directions; a 3-letter name first: apertium-eng-spa before the
 * transitional apertium-en-es), into buf; 1 if found, 0 if Debian has
 * none or the list cannot be read. */
static int debian_pair(const char *locales_dir, const char *from,
                       const char *to, char *buf, size_t cap)
{
    char path[4096];
    if (!locales_dir ||
        snprintf(path, sizeof path, "%s/apertium.json", locales_dir) >=
            (int)sizeof path)
        return 0;
    json_t *root = json_load_file(path, 0, NULL);
    json_t *list = json_object_get(root, "debian_packages");
    const char *codes[2][2] = {{iso3(from), iso3(to)}, {from, to}};
    int found = 0;
    for (int k = 0; k < 2 && !found; k++) {
        char ab[64], ba[64];
        snprintf(ab, sizeof ab, "apertium-%s-%s", codes[k][0], codes[k][1]);
        snprintf(ba, sizeof ba, "apertium-%s-%s", codes[k][1], codes[k][0]);
        size_t i;
        json_t *v;
        json_array_foreach(list, i, v) {
            const char *p = json_string_value(v);
            if (p && (strcmp(p, ab) == 0 || strcmp(p, ba) == 0)) {
                snprintf(buf, cap, "%s", p);
                found = 1;
                break;
            }
        }
    }
    json_decref(root);
    return found;
}

/* Wait for child pid; with timeout_ms > 0, kill its process group
 * (SIGKILL) when it runs longer and return -1. 0 when it ended (its
 * status in *status). */
static int wait_child(pid_t pid, int *status, long timeout_ms)
{
    struct timespec t0, now, nap = {0, 10 * 1000 * 1000};
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (;;) {
        pid_t r = waitpid(pid, status, timeout_ms > 0 ? WNOHANG : 0);
        if (r == pid)
            return 0;
        if (r < 0 && errno != EINTR)
            return 0; /* no such child: reported as a failed run */
        if (timeout_ms <= 0)
            continue;
        clock_gettime(CLOCK_MONOTONIC, &now);
        long ms = (long)(now.tv_sec - t0.tv_sec) * 1000 +
                  (now.tv_nsec - t0.tv_nsec) / 1000000;
        if (ms >= timeout_ms) {
            kill(-pid, SIGKILL);
            while (waitpid(pid, status, 0) < 0 && errno == EINTR)
                ;
            return -1;
        }
        nanosleep(&nap, NULL);
    }
}

static int apertium(char **out, const story_article *a, const char *from,
                    const char *to, const char *locales_dir,
                    long timeout_ms, story_error *err)
{
    if (access(APERTIUM_BIN, X_OK) != 0)
        return story__error(err, STORY_ETRANSLATE, "apertium", -1,
                            "%s not found: install Debian's apertium and a "
                            "language pair (apt install apertium "
                            "apertium-eng-spa) or drop --translate",
                            APERTIUM_BIN);
    if (strcmp(iso3(from), "rus") == 0 || strcmp(iso3(from), "ukr") == 0)
        if (strcmp(iso3(to), "rus") == 0 || strcmp(iso3(to), "ukr") == 0)
            return story__error(err, STORY_ETRANSLATE, "apertium", -1,
                                "the rus-ukr pair's tagger is broken in "
                                "Debian 12 (apertium-tagger aborts)");
    char pair[256];
    if (!story__apertium_mode(APERTIUM_MODES, from, to, pair, sizeof pair)) {
        char pkg[64];
        if (debian_pair(locales_dir, from, to, pkg, sizeof pkg))
            return story__error(err, STORY_ETRANSLATE, "apertium", -1,
                                "apertium has no %s pair installed "
                                "(apt install %s)",
                                pair, pkg);
        return story__error(err, STORY_ETRANSLATE, "apertium", -1,
                            "apertium has no %s pair installed, and Debian "
                            "12 packages none for %s and %s: drop "
                            "--translate, or give --translate=URL of a "
                            "LibreTranslate server",
                            pair, from, to);
    }
    char in[] = "/tmp/storydiff-mt-in-XXXXXX";
    char outp[] = "/tmp/storydiff-mt-out-XXXXXX";
    int fi = mkstemp(in);
    if (fi < 0)
        return story__error(err, STORY_ETRANSLATE, "apertium", -1,
                            "cannot create a temporary file: %s",
                            strerror(errno));
    int fo = mkstemp(outp);
    if (fo < 0) {
        close(fi);
        unlink(in);
        return story__error(err, STORY_ETRANSLATE, "apertium", -1,
                            "cannot create a temporary file: %s",
                            strerror(errno));
    }
    close(fo);
    int rc = 0;
    FILE *f = fdopen(fi, "w");
    if (!f) {
        close(fi);
        rc = story__error(err, STORY_ETRANSLATE, "apertium", -1,
                          "cannot write the temporary file");
        goto done;
    }
    for (size_t s = 0; s < a->n_sentences; s++) {
        char *l = sentence_line(a, s);
        if (!l) {
            fclose(f);
            rc = story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
            goto done;
        }
        fprintf(f, "%s\n", l);
        free(l);
    }
    fclose(f);
    char *argv[] = {"apertium", "-u", pair, in, outp, NULL};
    pid_t pid;
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, "/dev/null", O_WRONLY, 0);
    /* a fixed environment: the library does not read the caller's */
    char *envp[] = {"PATH=/usr/bin:/bin", "LC_ALL=C.UTF-8", NULL};
    /* its own process group, so that a timeout ends the whole pipeline
     * the apertium script starts */
    posix_spawnattr_t at;
    posix_spawnattr_init(&at);
    posix_spawnattr_setflags(&at, POSIX_SPAWN_SETPGROUP);
    posix_spawnattr_setpgroup(&at, 0);
    int sp = posix_spawn(&pid, APERTIUM_BIN, &fa, &at, argv, envp);
    posix_spawnattr_destroy(&at);
    posix_spawn_file_actions_destroy(&fa);
    if (sp != 0) {
        rc = story__error(err, STORY_ETRANSLATE, "apertium", -1,
                          "cannot start %s: %s", APERTIUM_BIN, strerror(sp));
        goto done;
    }
    int status = 0;
    if (wait_child(pid, &status, timeout_ms) != 0) {
        rc = story__error(err, STORY_ETRANSLATE, "apertium", -1,
                          "apertium %s gave no translation within %.3g s "
                          "(--timeout); stopped",
                          pair, (double)timeout_ms / 1000);
        goto done;
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        rc = story__error(err, STORY_ETRANSLATE, "apertium", -1,
                          "apertium %s failed (status %d)", pair, status);
        goto done;
    }
    FILE *r = fopen(outp, "r");
    if (!r) {
        rc = story__error(err, STORY_ETRANSLATE, "apertium", -1,
                          "no output from apertium %s", pair);
        goto done;
    }
    char *line = NULL;
    size_t cap = 0;
    ssize_t len;
    size_t s = 0;
    while (s < a->n_sentences && (len = getline(&line, &cap, r)) >= 0) {
        while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
            line[--len] = '\0';
        /* apertium marks unknown words with '*', generation errors '#' */
        for (char *p = line; *p; p++)
            if (*p == '*' || *p == '#')
                *p = ' ';
        out[s] = story__strdup(line);
        if (!out[s])
            break;
        s++;
    }
    free(line);
    fclose(r);
    if (s != a->n_sentences)
        rc = story__error(err, STORY_ETRANSLATE, "apertium", -1,
                          "apertium returned %zu lines for %zu sentences", s,
                          a->n_sentences);
done:
    unlink(in);
    unlink(outp);
    return rc;
}

static size_t curl_sink(char *p, size_t sz, size_t n, void *ud)
{
    story_buf *b = ud;
    if (b->len + sz * n > (size_t)64 << 20)
        return 0; /* size cap: 64 MiB */
    return story_buf_append(b, p, sz * n) == 0 ? sz * n : 0;
}

static int http(char **out, const char *base, const story_article *a,
                const char *from, const char *to, long timeout_ms,
                story_error *err)
{
    long tto = timeout_ms > 0 ? timeout_ms : 120000;
    long cto = tto < 10000 ? tto : 10000;
    json_t *req = json_object(), *q = json_array();
    for (size_t s = 0; s < a->n_sentences; s++) {
        char *l = sentence_line(a, s);
        json_array_append_new(q, json_string(l ? l : ""));
        free(l);
    }
    json_object_set_new(req, "q", q);
    json_object_set_new(req, "source", json_string(from));
    json_object_set_new(req, "target", json_string(to));
    json_object_set_new(req, "format", json_string("text"));
    char *body = json_dumps(req, JSON_COMPACT);
    json_decref(req);
    story_buf url = {0}, resp = {0};
    size_t bl = strlen(base);
    story_buf_puts(&url, base);
    if (!(bl >= 10 && strcmp(base + bl - 10, "/translate") == 0)) {
        if (bl && base[bl - 1] != '/')
            story_buf_putc(&url, '/');
        story_buf_puts(&url, "translate");
    }
    int rc = 0;
    CURL *c = curl_easy_init();
    if (!body || url.oom || !c) {
        rc = story__error(err, STORY_ENOMEM, base, -1, "out of memory");
        goto done;
    }
    struct curl_slist *h =
        curl_slist_append(NULL, "Content-Type: application/json");
    curl_easy_setopt(c, CURLOPT_URL, url.data);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, h);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, curl_sink);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &resp);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, cto);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, tto);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    CURLcode cr = curl_easy_perform(c);
    long code = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
    curl_slist_free_all(h);
    if (cr != CURLE_OK) {
        if (cr == CURLE_OPERATION_TIMEDOUT)
            rc = story__error(err, STORY_ETRANSLATE, url.data, -1,
                              "translation request failed: no answer "
                              "within %.3g s (--timeout)",
                              (double)tto / 1000);
        else
            rc = story__error(err, STORY_ETRANSLATE, url.data, -1,
                              "translation request failed: %s",
                              curl_easy_strerror(cr));
        goto done;
    }
    if (code >= 400) {
        rc = story__error(err, STORY_ETRANSLATE, url.data, -1,
                          "translation server answered HTTP %ld", code);
        goto done;
    }
    json_error_t je;
    json_t *r = json_loadb(resp.data ? resp.data : "", resp.len, 0, &je);
    json_t *tt = r ? json_object_get(r, "translatedText") : NULL;
    if (!tt || (a->n_sentences && (!json_is_array(tt) ||
                                   json_array_size(tt) != a->n_sentences))) {
        rc = story__error(err, STORY_ETRANSLATE, url.data,
                          r ? -1 : (long long)je.position,
                          "translation server reply is not {\"translatedText\": "
                          "[%zu strings]}",
                          a->n_sentences);
        json_decref(r);
        goto done;
    }
    for (size_t s = 0; s < a->n_sentences; s++) {
        const char *v = json_string_value(json_array_get(tt, s));
        out[s] = story__strdup(v ? v : "");
        if (!out[s]) {
            rc = story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
            break;
        }
    }
    json_decref(r);
done:
    if (c)
        curl_easy_cleanup(c);
    free(body);
    story_buf_free(&url);
    story_buf_free(&resp);
    return rc;
}

static void primary(char out[16], const char *tag)
{
    size_t i = 0;
    if (tag)
        for (; tag[i] && tag[i] != '-' && tag[i] != '_' && i < 15; i++)
            out[i] = tag[i];
    out[i] = '\0';
}

int story__translate_sentences(char ***out, story_ctx *ctx,
                               const char *backend, const story_article *a,
                               const char *from, const char *to,
                               long timeout_ms, story_error *err)
{
    *out = NULL;
    char f[16], t[16];
    primary(f, from);
    primary(t, to);
    if (!backend || !*backend)
        return story__error(err, STORY_EINVAL, NULL, -1,
                            "empty translation backend");
    if (!f[0] || !t[0])
        return story__error(err, STORY_ETRANSLATE, backend, -1,
                            "the languages of both articles must be known "
                            "to translate (give --lang-a/--lang-b)");
    int is_http = strncmp(backend, "http://", 7) == 0 ||
                  strncmp(backend, "https://", 8) == 0;
    if (!is_http && strcmp(backend, "apertium") != 0)
        return story__error(err, STORY_EINVAL, backend, -1,
                            "unknown translation backend (use apertium or "
                            "an http(s) URL)");
    char **o = story__calloc(a->n_sentences + 1, sizeof *o);
    if (!o)
        return story__error(err, STORY_ENOMEM, NULL, -1, "out of memory");
    int rc = 0;
    if (strcmp(f, t) == 0) {
        for (size_t s = 0; s < a->n_sentences && rc == 0; s++)
            if (!(o[s] = sentence_line(a, s)))
                rc = story__error(err, STORY_ENOMEM, NULL, -1,
                                  "out of memory");
    } else if (is_http) {
        rc = http(o, backend, a, f, t, timeout_ms, err);
    } else {
        rc = apertium(o, a, f, t, ctx ? ctx->locales_dir : NULL, timeout_ms,
                      err);
    }
    if (rc != 0) {
        story__translate_free(o, a->n_sentences);
        return rc;
    }
    *out = o;
    return 0;
}
