#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "support.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

story_ctx *story_test_ctx(void)
{
    const char *dir = getenv("STORYDIFF_LOCALES");
    story_ctx_options o = STORY_CTX_OPTIONS_INIT;
    story_error err;
    story_ctx *ctx = NULL;
    o.locales_dir = dir ? dir : "locales";
    if (story_ctx_new(&ctx, &o, &err) != 0) {
        print_error("story_ctx_new: %s: %s\n", err.source, err.message);
        fail();
    }
    return ctx;
}

const char *story_test_corpus(void)
{
    static char path[4096];
    struct stat st;
    const char *env = getenv("STORYDIFF_CORPUS");
    const char *src = getenv("STORYDIFF_SOURCE_DIR");
    if (env && *env)
        snprintf(path, sizeof path, "%s", env);
    else
        snprintf(path, sizeof path, "%s/../shared/corpus", src ? src : ".");
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
        return path;
    const char *ci = getenv("CI");
    if (ci && strcmp(ci, "true") == 0) {
        fprintf(stderr,
                "real-data corpus not found at %s (set STORYDIFF_CORPUS); "
                "required under CI\n",
                path);
        exit(1);
    }
    fprintf(stderr, "corpus not found at %s: skipping\n", path);
    return NULL;
}

char *story_test_corpus_path(const char *rel)
{
    const char *c = story_test_corpus();
    if (!c)
        return NULL;
    size_t n = strlen(c) + strlen(rel) + 2;
    char *p = malloc(n);
    if (p)
        snprintf(p, n, "%s/%s", c, rel);
    return p;
}

char *story_test_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap);
    size_t k;
    while (buf && (k = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += k;
        if (cap - n - 1 == 0) {
            char *nb = realloc(buf, cap * 2);
            if (!nb) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(f);
    if (!buf)
        return NULL;
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

int story_test_run_cli(const char *args, char **out, char **err)
{
    const char *bin = getenv("STORYDIFF_BIN");
    char tmpl_o[] = "/tmp/storydiff-test-outXXXXXX";
    char tmpl_e[] = "/tmp/storydiff-test-errXXXXXX";
    int fo = mkstemp(tmpl_o), fe = mkstemp(tmpl_e);
    if (fo < 0 || fe < 0 || !bin)
        return -1;
    close(fo);
    close(fe);
    size_t n = strlen(bin) + strlen(args) + 2 * sizeof tmpl_o + 32;
    char *cmd = malloc(n);
    snprintf(cmd, n, "'%s' %s >%s 2>%s </dev/null", bin, args, tmpl_o,
             tmpl_e);
    int st = system(cmd);
    free(cmd);
    if (out)
        *out = story_test_read_file(tmpl_o, NULL);
    if (err)
        *err = story_test_read_file(tmpl_e, NULL);
    unlink(tmpl_o);
    unlink(tmpl_e);
    if (st == -1 || !WIFEXITED(st))
        return -1;
    return WEXITSTATUS(st);
}

story_article *story_test_article(story_ctx *ctx, const char *text,
                                  const char *lang)
{
    story_article *a = NULL;
    story_error err;
    story_ingest_options io = STORY_INGEST_OPTIONS_INIT;
    io.format = "text";
    if (story_ingest_memory(&a, ctx, "test", text, strlen(text), NULL, &io,
                            &err) != 0) {
        print_error("ingest: %s\n", err.message);
        fail();
    }
    if (story_segment(ctx, a, lang, &err) != 0) {
        print_error("segment: %s\n", err.message);
        story_article_free(a);
        fail();
    }
    return a;
}

story_test_run story_test_facts(story_ctx *ctx, const char *text,
                                const char *lang)
{
    story_test_run r = {story_test_article(ctx, text, lang), NULL};
    story_error err;
    if (story_facts_extract(&r.fs, ctx, r.a, &err))
        fail_msg("story_facts_extract: %s", err.message);
    return r;
}

void story_test_run_free(story_test_run *r)
{
    story_factset_free(r->fs);
    story_article_free(r->a);
}

int story_test_spec_inputs(int (*fn)(const char *lang, const char *text,
                                     void *user),
                           void *user, int *inputs)
{
    const char *src = getenv("STORYDIFF_SOURCE_DIR");
    assert_non_null(src);
    char dir[4096];
    snprintf(dir, sizeof dir, "%s/tests/spec", src);
    DIR *d = opendir(dir);
    assert_non_null(d);
    struct dirent *de;
    int failures = 0;
    *inputs = 0;
    while ((de = readdir(d))) {
        const char *nm = de->d_name;
        size_t l = strlen(nm);
        if ((strncmp(nm, "numbers.", 8) && strncmp(nm, "dates.", 6)) ||
            l < 5 || strcmp(nm + l - 4, ".txt"))
            continue;
        const char *dot = strchr(nm, '.');
        char lang[16];
        snprintf(lang, sizeof lang, "%.*s",
                 (int)(l - 4 - (size_t)(dot + 1 - nm)), dot + 1);
        char path[4400];
        snprintf(path, sizeof path, "%.4096s/%.255s", dir, nm);
        FILE *f = fopen(path, "r");
        assert_non_null(f);
        char line[4096];
        while (fgets(line, sizeof line, f)) {
            char *arrow = strstr(line, " => ");
            if (line[0] == '#' || !arrow)
                continue;
            *arrow = '\0';
            failures += fn(lang, line, user);
            (*inputs)++;
        }
        fclose(f);
    }
    closedir(d);
    return failures;
}
