/*
 * Lexical document features for the overall similarity (private to the
 * align module; see docs/align.md section 4).
 *
 * Terms are the content tokens of an article (stop words of the language
 * pack removed) reduced to their first SD_PREFIX code points of the
 * NFKC case-folded key: truncation is a crude but language-independent
 * stemmer that serves inflected and compounding languages alike
 * (J. Savoy 2006, "Light stemming approaches for the French, Portuguese,
 * German and Hungarian languages"; P. McNamee, J. Mayfield 2004,
 * "Character n-gram tokenization for European language text retrieval",
 * Information Retrieval 7: 4-grams and truncation beat rule stemmers in
 * several languages). Numbers keep their full key. Where the Snowball
 * stemmer strips a prefix (Arabic "al-", "wa-": the stem is found inside
 * the word, not at its start), the stem is truncated instead; so is the
 * lemma of a dictionary stemmer (hunspell: pl, uk). Across languages with
 * a bilingual lexicon (lexicon.h), each term also stands for the prefixes
 * of its translations.
 */
#ifndef STORY_ALIGN_DIMS_H
#define STORY_ALIGN_DIMS_H

#include "internal.h"

#include "storydiff/article.h"

#define SD_PREFIX 4 /* code points kept of each term */
#define SD_HEAD 8   /* content terms forming the headline */
#define SD_HEAD_LONG 6 /* long content terms forming the headline */
#define SD_LEAD 60  /* content terms forming the lead */
#define SD_RUN 4    /* terms of a verbatim run counted as one term */

typedef struct sd_lexical {
    double body;    /* cosine of sublinear term frequencies (1 + ln tf) */
    double head_in; /* mean over both sides of the share of the first
                       SD_HEAD terms (the headline) found anywhere in the
                       other article */
    double head_long; /* the same over the first SD_HEAD_LONG terms of >=
                         SD_PREFIX code points (numbers included) */
    double lead;    /* cosine over the first SD_LEAD terms of each side */
    double bigram;  /* Dice of the sets of adjacent term pairs */
    int lexicon;    /* a bilingual lexicon projected the terms */
    size_t n_a, n_b; /* content terms of each side */
} sd_lexical;

/* Fill *out from two segmented articles. Returns 0, or STORY_ENOMEM
 * (then *out is zero). Linear in the tokens plus an n log n sort. */
int sd_lexical_of(sd_lexical *out, story_ctx *ctx, const story_article *a,
                  const story_article *b);

#endif
