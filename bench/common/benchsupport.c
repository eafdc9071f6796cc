#define _POSIX_C_SOURCE 200809L
#include "benchsupport.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <zlib.h>

#ifndef STORY_SOURCE_DIR
#define STORY_SOURCE_DIR "."
#endif

const char *bench_corpus(void)
{
    static char path[4096];
    struct stat st;
    const char *env = getenv("STORYDIFF_CORPUS");
    if (env && *env)
        snprintf(path, sizeof path, "%s", env);
    else
        snprintf(path, sizeof path, "%s/../shared/corpus", STORY_SOURCE_DIR);
    if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, "bench: corpus not found at %s (set STORYDIFF_CORPUS)\n",
                path);
        exit(2);
    }
    return path;
}

char *bench_corpus_path(const char *rel)
{
    const char *c = bench_corpus();
    size_t n = strlen(c) + strlen(rel) + 2;
    char *p = malloc(n);
    if (!p)
        exit(2);
    snprintf(p, n, "%s/%s", c, rel);
    return p;
}

story_ctx *bench_ctx(void)
{
    static char path[4096];
    const char *env = getenv("STORYDIFF_LOCALES");
    if (env && *env)
        snprintf(path, sizeof path, "%s", env);
    else
        snprintf(path, sizeof path, "%s/locales", STORY_SOURCE_DIR);
    story_ctx_options o = STORY_CTX_OPTIONS_INIT;
    o.locales_dir = path;
    story_ctx *ctx = NULL;
    story_error err;
    if (story_ctx_new(&ctx, &o, &err) != 0) {
        fprintf(stderr, "bench: %s: %s\n", err.source, err.message);
        exit(2);
    }
    return ctx;
}

char *bench_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0, k;
    char *buf = malloc(cap);
    while (buf && (k = fread(buf + n, 1, cap - n - 1, f)) > 0) {
        n += k;
        if (n + 1 == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb) {
                free(buf);
                buf = NULL;
            }
            buf = nb;
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

char *bench_read_gz(const char *path, size_t *len)
{
    gzFile g = gzopen(path, "rb");
    if (!g)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    int k;
    char *buf = malloc(cap);
    while (buf && (k = gzread(g, buf + n, (unsigned)(cap - n - 1))) > 0) {
        n += (size_t)k;
        if (n + 1 == cap) {
            char *nb = realloc(buf, cap *= 2);
            if (!nb)
                free(buf);
            buf = nb;
        }
    }
    gzclose(g);
    if (!buf)
        return NULL;
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

double bench_now(int cpu)
{
    struct timespec ts;
    clock_gettime(cpu ? CLOCK_PROCESS_CPUTIME_ID : CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void bench_figure(const char *name, double value)
{
    printf("%s = %.4f\n", name, value);
}

void bench_count(const char *name, double value)
{
    printf("%s = %.0f\n", name, value);
}

void bench_data_path(char *out, size_t size, const char *src,
                     const char *name)
{
    snprintf(out, size, "%s", src);
    char *slash = strrchr(out, '/');
    size_t off = slash ? (size_t)(slash + 1 - out) : 0;
    snprintf(out + off, size - off, "data/%s", name);
}
