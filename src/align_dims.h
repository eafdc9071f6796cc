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
    double page_a, page_b; /* share of each side's sentences that hold a
                              not-an-article phrase (story__sd_page_share) */
    int not_article; /* a side is a scraping failure (share >=
                        SD_PAGE_SHARE): the pair is not evidence */
} sd_lexical;

/* Fill *out from two segmented articles. Returns 0, or STORY_ENOMEM
 * (then *out is zero). Linear in the tokens plus an n log n sort. */
int story__sd_lexical_of(sd_lexical *out, story_ctx *ctx,
                         const story_article *a, const story_article *b);

/* ---- the overall similarity as shown (docs/align.md section 4) ----
 *
 * The raw overall similarity (a weighted sum of the lexical features and
 * the anchor score, src/align.c) orders pairs well but is not linear in
 * the human judgment: pairs below about 0.2 are all different stories,
 * pairs above about 0.55 all the same story, and the judgment changes
 * between. The shown overall is a logistic of a weighted sum of the same
 * features, as Platt scaling turns a classifier score into a probability
 * (J. Platt 1999, "Probabilistic outputs for support vector machines"):
 * 1 / (1 + exp(-(x - SD_SHOWN_CENTER) / SD_SHOWN_SCALE)) with x =
 * SD_SHOWN_W_TERMS term cosine + SD_SHOWN_W_HEADLINE headline +
 * SD_SHOWN_W_LEAD lead + SD_SHOWN_W_ANCHOR anchor score; the weights
 * fitted by least squares and centre and scale by a grid on the
 * SemEval-2022 Task 8 pairs, the same procedure checked by 2-fold
 * validation in bench/semeval.c. Where the lexical score is not used
 * (across languages without a lexicon) the raw score (the anchor score)
 * goes through the logistic with SD_CAL_CENTER and SD_CAL_SCALE (read
 * off the binned human scores against the raw score). The relation rules
 * keep the raw score. */
#define SD_SHOWN_W_TERMS 0.29
#define SD_SHOWN_W_HEADLINE 0.38
#define SD_SHOWN_W_LEAD 0.26
#define SD_SHOWN_W_ANCHOR 0.07
#define SD_SHOWN_CENTER 0.29
#define SD_SHOWN_SCALE 0.085
#define SD_CAL_CENTER 0.33
#define SD_CAL_SCALE 0.08
/* A text at least this share of whose sentences hold a phrase of
 * locales/similarity/not_article.json (captcha, consent wall, paywall,
 * log-in prompt) is a scraping failure, not an article. */
#define SD_PAGE_SHARE 0.5
/* The highest shown overall of a pair with a scraping failure: what two
 * failure pages share (one site's captcha page) is no evidence that the
 * articles behind them tell one story, so the score may not claim more
 * than a neutral one: about the mean shown overall of all pairs (0.43 on
 * SemEval-2022 Task 8). A low score stays: a failure page beside an
 * article shares nothing with it, as most different stories. */
#define SD_NEUTRAL 0.4

/* Share in [0, 1] of the sentences of a that hold a phrase of
 * locales/similarity/not_article.json (whole words of the token keys);
 * 0 when the file is missing or a has no sentence. The list is loaded
 * once per context (STORY_MOD_ALIGN slot). *share is 0 on STORY_ENOMEM. */
int story__sd_page_share(double *share, story_ctx *ctx, const story_article *a);

/* The logistic of a raw overall similarity (SD_CAL_CENTER,
 * SD_CAL_SCALE), in (0, 1); at most SD_NEUTRAL when not_article. */
double story__sd_calibrate(double raw, int not_article);

/* The shown overall similarity in (0, 1): from the lexical features of
 * lx and the anchor score where lexical_ok (the lexical score is used:
 * one language, or a lexicon), else story__sd_calibrate(raw); at most
 * SD_NEUTRAL when lx->not_article. */
double story__sd_overall_shown(const sd_lexical *lx, double anchor,
                               int lexical_ok, double raw);

#endif
