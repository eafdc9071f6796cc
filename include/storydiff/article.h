/*
 * storydiff: the article, as produced by ingest (stage 1) and completed by
 * segment (stage 3).
 *
 * Offsets: every span is [start, end) in BYTES into `text`, the article's
 * extracted UTF-8 text (the same string the JSON report carries), so a
 * reader can slice it directly. Normalised keys never appear as spans.
 *
 * The structs are transparent for reading. Callers must not modify them;
 * every pointer inside is owned by the article and freed by
 * story_article_free().
 */
#ifndef STORYDIFF_ARTICLE_H
#define STORYDIFF_ARTICLE_H

#include <stddef.h>

#include "storydiff/context.h"
#include "storydiff/error.h"

#ifdef __cplusplus
extern "C" {
#endif

/** What a block of the article body is. */
typedef enum story_block_kind {
    STORY_BLOCK_PARAGRAPH = 0,
    STORY_BLOCK_HEADING = 1,
    STORY_BLOCK_LIST_ITEM = 2,
    STORY_BLOCK_QUOTE = 3 /* <blockquote> */
} story_block_kind;

/** A paragraph (block) of `text`: [start, end) in bytes, without the
 *  separating blank line. `lang` is a BCP 47 tag ("" until segmented). */
typedef struct story_paragraph {
    size_t start, end;
    story_block_kind kind;
    char lang[16];
} story_paragraph;

/** A sentence: [start, end) in bytes into `text` (leading/trailing white
 *  space excluded); `paragraph` indexes article->paragraphs. */
typedef struct story_sentence {
    size_t start, end;
    size_t paragraph;
} story_sentence;

/** A word token (UAX #29 word segment that is not punctuation/space):
 *  [start, end) in bytes into `text`; `sentence` indexes sentences; `key`
 *  is the match key (NFKC case-folded, quotes/dashes unified, soft hyphen
 *  and zero-width characters removed), NUL-terminated, owned by the
 *  article. `flags` is a bit set of STORY_TOKEN_*. */
typedef struct story_token {
    size_t start, end;
    size_t sentence;
    char *key;
    unsigned flags;
} story_token;

#define STORY_TOKEN_NUMBER 0x1u  /* contains a digit of any script */
#define STORY_TOKEN_CAPITAL 0x2u /* starts with an upper/title-case letter */
#define STORY_TOKEN_IDEO 0x4u    /* ideographic / kana (dictionary-segmented) */
#define STORY_TOKEN_LETTER 0x8u  /* contains a letter */

/** An article. Fields that are unknown are "" (never NULL) except
 *  `published`/`modified`, which are NULL when unknown. */
typedef struct story_article {
    char *source;        /* what the user gave: path, "-", URL */
    char *final_url;     /* URL after redirects, "" for files */
    char *lang;          /* document language, BCP 47, "" if unknown */
    char *title;         /* headline */
    char *byline;        /* authors as printed, "" if none */
    char **authors;      /* author names, n_authors entries */
    size_t n_authors;
    char *published;     /* ISO 8601 date or date-time, NULL if unknown */
    char *modified;      /* ISO 8601, NULL if unknown */
    char *site_name;     /* "" if unknown */
    char *canonical_url; /* "" if unknown */
    char *description;   /* "" if unknown */
    char *charset;       /* the charset the input was decoded from */
    char *format;        /* "text" or "html" */
    size_t n_replaced;   /* input byte sequences the decoder replaced by
                            U+FFFD (HTML only: invalid UTF-8 sequences in
                            a mostly valid UTF-8 page, stray NUL bytes, as
                            the WHATWG Encoding standard's decoder does;
                            plain text refuses them); 0 when none */
    long long first_replaced; /* input byte offset of the first, -1 if none */
    char *charset_note;  /* "" or one sentence naming a charset the input
                            declared (HTTP Content-Type or <meta>) that was
                            not used, and why: a label no converter knows
                            (ignored, as the WHATWG Encoding standard
                            does), UTF-8 declared over bytes that are not
                            UTF-8 (the charset was detected instead), a
                            legacy charset declared over valid UTF-8 */

    char *text; /* the extracted body text, UTF-8, NFC not enforced:
                   the original characters are kept. Paragraphs are
                   separated by "\n\n". NUL-terminated. */
    size_t text_len; /* bytes, without the terminating NUL */

    story_paragraph *paragraphs;
    size_t n_paragraphs;

    /* filled by story_segment(); NULL/0 before */
    story_sentence *sentences;
    size_t n_sentences;
    story_token *tokens;
    size_t n_tokens;

    /* filled by story_segment() (language identification); 0 before */
    int lang_uncertain; /* 1 when no language was given and the text was
                           too short to identify it (fewer than
                           STORY_LANGID_MIN_WORDS words or
                           STORY_LANGID_MIN_LETTERS letters, in a script
                           shared by several languages): `lang` is then the
                           fallback of a "?xx" lang_hint, else "und"
                           (BCP 47 "undetermined", read with the
                           language-neutral rules) */
    int lang_no_pack;   /* 1 when `lang` has no language pack: the
                           article was read with the language-neutral
                           rules (digits, names, ICU/CLDR number and date
                           data) */
} story_article;

/* The shortest text story_segment() identifies the language of (words,
 * letters), see story_article.lang_uncertain. */
#define STORY_LANGID_MIN_WORDS 3
#define STORY_LANGID_MIN_LETTERS 16

/** Free an article and everything it owns. NULL is a no-op. */
STORY_API void story_article_free(story_article *a);

/** Deep copy of an article, ingested or also segmented: every string,
 *  paragraph, sentence and token is copied (spans stay byte offsets into
 *  the copy's own `text`). For comparing one input read once with several
 *  versions: story_compare_articles_take() consumes its articles, so the
 *  caller keeps the original and passes a copy per comparison (the CLI
 *  fetches a URL given as A, or reads A from stdin, once; session 18).
 *  On success returns 0 and *out is the caller's (story_article_free()).
 *  On failure *out is NULL and the return is STORY_EINVAL (NULL out or
 *  a) or STORY_ENOMEM, with err (may be NULL) filled. */
STORY_API int story_article_dup(story_article **out, const story_article *a,
                                story_error *err);

#ifdef __cplusplus
}
#endif
#endif
