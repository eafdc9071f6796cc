/*
 * storydiff: error codes, the error detail struct and the library's
 * allocator entry points.
 */
#ifndef STORYDIFF_ERROR_H
#define STORYDIFF_ERROR_H

#include <stddef.h>

#include "storydiff/export.h"

#ifdef __cplusplus
extern "C" {
#endif

/** Status codes returned by every fallible library function. 0 is success,
 *  failures are negative. Append only; values are never renumbered. */
typedef enum story_status {
    STORY_OK = 0,
    STORY_ENOMEM = -1,     /* allocation failed */
    STORY_EINVAL = -2,     /* bad argument or option */
    STORY_EIO = -3,        /* file or stdin could not be read */
    STORY_ENET = -4,       /* network failure (connect, timeout, TLS) */
    STORY_EHTTP = -5,      /* HTTP status >= 400, bad redirect, size cap */
    STORY_EENCODING = -6,  /* invalid UTF-8 / undecodable charset / binary */
    STORY_EPARSE = -7,     /* malformed input (HTML without text, JSON) */
    STORY_ELOCALE = -8,    /* language pack missing or invalid */
    STORY_EICU = -9,       /* ICU call failed */
    STORY_EINTERNAL = -10, /* a bug: invariant broken */
    STORY_EEMPTY = -11,    /* the input holds no article text */
    STORY_ETRANSLATE = -12 /* machine-translation backend failed */
} story_status;

/** Detail of a failure. Caller-owned (usually on the stack); functions fill
 *  it only when they fail and never allocate inside it. */
typedef struct story_error {
    story_status code;
    char source[256];  /* the input: path, "-", URL or locale file */
    long long offset;  /* byte offset in the input, -1 when not known */
    long line, column; /* 1-based line/column when known, else -1 */
    char message[512]; /* the cause, one line, no trailing newline */
} story_error;

/** Fixed English text for a status code. Never NULL, never to be freed. */
STORY_API const char *story_strerror(int status);

/** Release memory the library handed to the caller as `char *` (reports,
 *  rendered text). NULL is a no-op. Never use free() for such memory. */
STORY_API void story_free(void *p);

/** Version string "MAJOR.MINOR.PATCH" of the library. Static storage. */
STORY_API const char *story_version(void);

#ifdef __cplusplus
}
#endif
#endif
