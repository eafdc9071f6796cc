/*
 * Shared by the benchmark programs: corpus and locales lookup, file
 * reading, a monotonic clock and figure printing ("name = value").
 */
#ifndef STORY_BENCHSUPPORT_H
#define STORY_BENCHSUPPORT_H

#include <stddef.h>

#include "storydiff/storydiff.h"

/* $STORYDIFF_CORPUS or <source>/../shared/corpus; exits 2 with a message
 * when it does not exist. Static storage. */
const char *bench_corpus(void);
/* corpus/rel, malloc'd. */
char *bench_corpus_path(const char *rel);
/* Path of bench/data/<name> beside the bench source `src` (pass
 * __FILE__) into out[size]. */
void bench_data_path(char *out, size_t size, const char *src,
                     const char *name);
/* A context over $STORYDIFF_LOCALES or <source>/locales; exits 2 on error. */
story_ctx *bench_ctx(void);
/* Whole file, malloc'd and NUL-terminated, or NULL. */
char *bench_read_file(const char *path, size_t *len);
/* Whole gzip file (zlib), malloc'd and NUL-terminated, or NULL. */
char *bench_read_gz(const char *path, size_t *len);
/* Seconds from a monotonic clock (CPU time of this process when
 * cpu != 0). */
double bench_now(int cpu);
/* Print one figure line: "name = value" with %.4f (or %.0f for integral
 * counts when integral != 0). */
void bench_figure(const char *name, double value);
void bench_count(const char *name, double value);

#endif
