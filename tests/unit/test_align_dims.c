/*
 * Unit tests of the lexical document features behind the overall
 * similarity (src/align_dims.c) and of their use in story_align: term
 * cosine, headline found in the other article, lead cosine, the
 * cross-language projection through the de-en lexicon, and the ordering
 * of overall similarity (same story above different story). Articles
 * written for the tests.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"
#include "align_dims.h"
#include "support.h"

/* one story told by two outlets, and an unrelated story */
static const char *STORY_A =
    "Flood waters force evacuation of Harlow village\n\n"
    "Rising river water forced about 300 residents of Harlow to leave their "
    "homes on Sunday night. Firefighters used boats to reach families on "
    "the lower streets, and the school hall became a shelter.";
static const char *STORY_B =
    "Harlow residents evacuated as river floods village\n\n"
    "About 300 people left Harlow overnight after the river burst its "
    "banks. Boats carried families from flooded streets to a shelter in "
    "the school hall, firefighters said.";
static const char *OTHER =
    "Chess club celebrates fiftieth anniversary\n\n"
    "The Westbury chess club marked its fiftieth year with a tournament on "
    "Saturday. Forty players took part, and the oldest member, aged 91, "
    "won his first game of the day.";

static void test_lexical_identical(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    story_article *a = story_test_article(ctx, STORY_A, "en");
    story_article *b = story_test_article(ctx, STORY_A, "en");
    sd_lexical lx;
    assert_int_equal(story__sd_lexical_of(&lx, ctx, a, b), 0);
    assert_true(lx.body > 0.999);
    assert_true(lx.head_in > 0.999);
    assert_true(lx.head_long > 0.999);
    assert_true(lx.lead > 0.999);
    assert_true(lx.n_a > SD_HEAD && lx.n_a == lx.n_b);
    story_alignment *al = NULL;
    assert_int_equal(story_align(&al, ctx, a, NULL, b, NULL, NULL, NULL), 0);
    assert_true(al->sim_overall > 0.9);
    story_alignment_free(al);
    story_article_free(a);
    story_article_free(b);
    story_ctx_free(ctx);
}

static void test_lexical_same_vs_different(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    story_article *a = story_test_article(ctx, STORY_A, "en");
    story_article *b = story_test_article(ctx, STORY_B, "en");
    story_article *o = story_test_article(ctx, OTHER, "en");
    sd_lexical same, diff;
    assert_int_equal(story__sd_lexical_of(&same, ctx, a, b), 0);
    assert_int_equal(story__sd_lexical_of(&diff, ctx, a, o), 0);
    /* the headline terms (harlow, flood, evacuat-, village, river) recur
     * in the other outlet's text, not in the unrelated one */
    assert_true(same.head_in >= 0.5);
    assert_true(same.head_long >= 0.5);
    assert_true(diff.head_in < 0.2);
    assert_true(same.body > diff.body + 0.2);
    assert_true(same.lead > diff.lead + 0.2);
    assert_int_equal(same.lexicon, 0);
    story_alignment *as = NULL, *ad = NULL;
    assert_int_equal(story_align(&as, ctx, a, NULL, b, NULL, NULL, NULL), 0);
    assert_int_equal(story_align(&ad, ctx, a, NULL, o, NULL, NULL, NULL), 0);
    assert_true(as->sim_overall > ad->sim_overall + 0.2);
    assert_int_not_equal(as->relation, STORY_REL_DIFFERENT_STORY);
    assert_int_equal(ad->relation, STORY_REL_DIFFERENT_STORY);
    /* the explanation carries the lexical features */
    assert_non_null(strstr(as->similarity_json, "\"headline_in_other\""));
    assert_non_null(strstr(as->similarity_json, "\"lexical\""));
    story_alignment_free(as);
    story_alignment_free(ad);
    story_article_free(a);
    story_article_free(b);
    story_article_free(o);
    story_ctx_free(ctx);
}

/* German words meet their English translations through the lexicon. */
static void test_lexical_cross_language(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    story_article *de = story_test_article(
        ctx,
        "Hochwasser zwingt Dorf zur Evakuierung\n\n"
        "Das Wasser des Flusses stieg in der Nacht, und die Feuerwehr "
        "brachte Familien mit Booten in die Schule.",
        "de");
    story_article *en = story_test_article(
        ctx,
        "Flood forces village to evacuate\n\n"
        "The water of the river rose at night, and the fire brigade took "
        "families by boat to the school.",
        "en");
    sd_lexical lx;
    assert_int_equal(story__sd_lexical_of(&lx, ctx, de, en), 0);
    assert_int_equal(lx.lexicon, 1);
    assert_true(lx.head_in > 0.3);
    assert_true(lx.body > 0.2);
    story_article_free(de);
    story_article_free(en);
    story_ctx_free(ctx);
}

/* Arabic: the definite article is a prefix ("al-"); the stem, found
 * inside the word, is truncated instead, so "the government" meets
 * "government". */
static void test_lexical_arabic_article(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    story_article *a =
        story_test_article(ctx, "\u0627\u0644\u062d\u0643\u0648\u0645\u0629 "
                                "\u0627\u0644\u062c\u062f\u064a\u062f\u0629",
                           "ar");
    story_article *b = story_test_article(
        ctx, "\u062d\u0643\u0648\u0645\u0629 \u062c\u062f\u064a\u062f\u0629",
        "ar");
    sd_lexical lx;
    assert_int_equal(story__sd_lexical_of(&lx, ctx, a, b), 0);
    assert_int_equal(lx.n_a, 2);
    assert_true(lx.body > 0.99);
    story_article_free(a);
    story_article_free(b);
    story_ctx_free(ctx);
}

/* Arabic: the stemmer also writes alef with hamza as bare alef, so the
 * stem of "الأطفال" (the children) is not found inside the word; in a
 * script without case the stem is truncated all the same and meets
 * "أطفال" (children); before, the two kept their own first letters and
 * never met. */
static void test_lexical_arabic_hamza(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    story_article *a = story_test_article(
        ctx, "\u0627\u0644\u0623\u0637\u0641\u0627\u0644", "ar");
    story_article *b = story_test_article(
        ctx, "\u0623\u0637\u0641\u0627\u0644", "ar");
    sd_lexical lx;
    assert_int_equal(story__sd_lexical_of(&lx, ctx, a, b), 0);
    assert_int_equal(lx.n_a, 1);
    assert_int_equal(lx.n_b, 1);
    assert_true(lx.body > 0.99);
    story_article_free(a);
    story_article_free(b);
    story_ctx_free(ctx);
}

/* Turkish (locales/tr.json): stop words are no terms; before the pack
 * "bu", "ve", "için" counted as content words. */
static void test_lexical_turkish_stopwords(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    story_article *a = story_test_article(
        ctx, "Bu belediye i\u00e7in ve bu da \u00e7ok daha", "tr");
    story_article *b = story_test_article(
        ctx, "Bu ve bir i\u00e7in \u00e7ok daha kadar gibi", "tr");
    sd_lexical lx;
    assert_int_equal(story__sd_lexical_of(&lx, ctx, a, b), 0);
    assert_int_equal(lx.n_a, 1); /* belediye */
    assert_int_equal(lx.n_b, 0);
    assert_true(lx.body == 0);
    story_article_free(a);
    story_article_free(b);
    story_ctx_free(ctx);
}

/* Polish (hunspell pack): the lemma is truncated, so the genitive "dnia"
 * meets "dzień" and the plural "ręce" meets "ręka" (their first four
 * letters differ). */
static void test_lexical_polish_lemma(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    story_article *a = story_test_article(ctx, "Dzie\u0144 r\u0119ka", "pl");
    story_article *b = story_test_article(ctx, "Dnia r\u0119ce", "pl");
    sd_lexical lx;
    assert_int_equal(story__sd_lexical_of(&lx, ctx, a, b), 0);
    assert_int_equal(lx.n_a, 2);
    assert_true(lx.body > 0.99);
    story_article_free(a);
    story_article_free(b);
    story_ctx_free(ctx);
}

/* Entities and geography carry half of the overall similarity (all of it
 * for geography when neither side has place facts): two accounts of one
 * story that name no shared place still score as the same story. */
static void test_dims_carry_overall(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    story_article *a = story_test_article(ctx, STORY_A, "en");
    story_article *b = story_test_article(ctx, STORY_B, "en");
    story_alignment *al = NULL;
    assert_int_equal(story_align(&al, ctx, a, NULL, b, NULL, NULL, NULL), 0);
    assert_true(al->sim_overall > 0.3);
    assert_true(fabs(al->sim_geography - al->sim_overall) < 1e-9);
    assert_true(al->sim_entities >= 0.5 * al->sim_overall - 1e-9);
    assert_true(al->sim_entities <= 0.5 + 0.5 * al->sim_overall + 1e-9);
    story_alignment_free(al);
    story_article_free(a);
    story_article_free(b);
    story_ctx_free(ctx);
}

/* Two different stories of one outlet under the same consent notice: the
 * notice, shared word for word, counts as one term per copied run, so the
 * pair scores below the two accounts of one story (before, the notice's
 * thirty shared words put the template pair above them). */
static void test_lexical_shared_template(void **state)
{
    (void)state;
    static const char *NOTICE =
        "\n\nWe use cookies and similar technologies on our website to "
        "improve your experience, measure the audience of our pages and "
        "show advertising that matches your interests. By continuing to "
        "browse our website you accept the storage of cookies on your "
        "device, which you may refuse in the privacy settings.";
    story_ctx *ctx = story_test_ctx();
    char ta[1024], tb[1024];
    snprintf(ta, sizeof ta, "%s%s", STORY_A, NOTICE);
    snprintf(tb, sizeof tb, "%s%s", OTHER, NOTICE);
    story_article *a = story_test_article(ctx, ta, "en");
    story_article *o = story_test_article(ctx, tb, "en");
    story_article *sa = story_test_article(ctx, STORY_A, "en");
    story_article *sb = story_test_article(ctx, STORY_B, "en");
    sd_lexical tmpl, same;
    assert_int_equal(story__sd_lexical_of(&tmpl, ctx, a, o), 0);
    assert_int_equal(story__sd_lexical_of(&same, ctx, sa, sb), 0);
    assert_true(tmpl.body < same.body);
    assert_true(tmpl.body < 0.3);
    /* the same texts with the notice still meet fully */
    sd_lexical ident;
    assert_int_equal(story__sd_lexical_of(&ident, ctx, a, a), 0);
    assert_true(ident.body > 0.999 && ident.lead > 0.999);
    story_article_free(a);
    story_article_free(o);
    story_article_free(sa);
    story_article_free(sb);
    story_ctx_free(ctx);
}

/* Two reports of one press office: the headlines share a template prefix
 * of four long terms, word for word, and nothing else. The prefix is one
 * unit of the headline share (before, four of six headline terms were
 * "found" and the pair looked like one story). */
static void test_lexical_template_headline(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    story_article *a = story_test_article(
        ctx,
        "Westbury Harbour Police Bulletin: bicycles stolen overnight\n\n"
        "Thieves took three bicycles from a locked shed on Mill Lane. "
        "Officers ask witnesses to call the station.",
        "en");
    story_article *b = story_test_article(
        ctx,
        "Westbury Harbour Police Bulletin: kitchen blaze damages bakery\n\n"
        "A kitchen fire damaged a bakery on Quay Street early on Monday. "
        "Nobody was hurt, firefighters said.",
        "en");
    sd_lexical lx;
    assert_int_equal(story__sd_lexical_of(&lx, ctx, a, b), 0);
    assert_true(lx.head_long < 0.4);
    story_article_free(a);
    story_article_free(b);
    story_ctx_free(ctx);
}

static void test_lexical_empty(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    story_article *a = story_test_article(ctx, "The.", "en");
    story_article *b = story_test_article(ctx, STORY_B, "en");
    sd_lexical lx;
    assert_int_equal(story__sd_lexical_of(&lx, ctx, a, b), 0);
    assert_true(lx.body == 0 && lx.head_in == 0 && lx.lead == 0);
    story_article_free(a);
    story_article_free(b);
    story_ctx_free(ctx);
}

/* A translation with a sentence that shares nothing checkable (no name,
 * number or lexicon word: en-uk has no lexicon) between two aligned ones:
 * that sentence still covers its text, so the pair is a translation, not a
 * rewrite (the relation used to drop it from the coverage). */
static void test_relation_unevidenced_sentence(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    story_article *en = story_test_article(
        ctx,
        "Mayor Olena Petrenko opened the Dnipro bridge on 12 May 2024. "
        "The bridge cost 40 million hryvnias, Petrenko said. "
        "Everybody in the crowded square was cheerful and sang loudly "
        "together for a long while. "
        "Petrenko thanked 300 workers and 12 engineers. "
        "Buses will cross the Dnipro bridge from 20 May 2024.",
        "en");
    story_article *uk = story_test_article(
        ctx,
        "Мер Олена Петренко відкрила міст через Дніпро 12 травня 2024 "
        "року. Міст коштував 40 мільйонів гривень, сказала Петренко. "
        "Усі на переповненій площі раділи й довго голосно співали "
        "разом. "
        "Петренко подякувала 300 робітникам і 12 інженерам. "
        "Автобуси поїдуть мостом через Дніпро з 20 травня 2024 року.",
        "uk");
    story_alignment *al = NULL;
    assert_int_equal(story_align(&al, ctx, en, NULL, uk, NULL, NULL, NULL),
                     0);
    assert_int_equal(al->n_links, 5);
    size_t weak = 0;
    for (size_t k = 0; k < al->n_links; k++) {
        assert_int_equal(al->links[k].kind, STORY_LINK_MATCH);
        weak += al->links[k].score < 0.1;
    }
    assert_true(weak >= 1); /* the case under test is present */
    assert_int_equal(al->relation, STORY_REL_TRANSLATION);
    story_alignment_free(al);
    story_article_free(en);
    story_article_free(uk);
    story_ctx_free(ctx);
}

/* Time: dates two days apart are the same period, five years apart not. */
static void test_time_dates(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    const char *fmt =
        "Harbour festival opens in Kestrel Bay\n\n"
        "The harbour festival of Kestrel Bay opened on %s with a parade "
        "of 40 boats. Organisers expect 20,000 visitors over the weekend.";
    const char *when[] = {"12 March 2024", "14 March 2024",
                          "12 March 2019"};
    story_article *art[3];
    story_factset *fs[3];
    for (int i = 0; i < 3; i++) {
        char t[512];
        snprintf(t, sizeof t, fmt, when[i]);
        art[i] = story_test_article(ctx, t, "en");
        assert_int_equal(story_facts_extract(&fs[i], ctx, art[i], NULL), 0);
    }
    story_alignment *near = NULL, *far = NULL;
    assert_int_equal(story_align(&near, ctx, art[0], fs[0], art[1], fs[1],
                                 NULL, NULL),
                     0);
    assert_int_equal(
        story_align(&far, ctx, art[0], fs[0], art[2], fs[2], NULL, NULL), 0);
    assert_true(near->sim_time > far->sim_time + 0.2);
    assert_non_null(strstr(near->similarity_json, "\"dates\""));
    story_alignment_free(near);
    story_alignment_free(far);
    for (int i = 0; i < 3; i++) {
        story_factset_free(fs[i]);
        story_article_free(art[i]);
    }
    story_ctx_free(ctx);
}

/* Fresh-user finding L2: an article compared with itself showed time
 * 0.87 (a year given alone, "in 2021", scored 0.5 against itself) and the
 * relation "rewrite". A verbatim copy is every dimension 1 and a
 * translation in the relation's sense (B carries all of A, in order);
 * the same text with one number edited stays a rewrite. */
static void test_identical_copy(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    const char *fmt =
        "Ferry service returns to Kestrel Bay\n\n"
        "The ferry between Kestrel Bay and Orrin Island resumed on 3 June "
        "2024 after a two-year pause. The old vessel was withdrawn in 2021 "
        "when its engine failed.\n\n"
        "The operator said %s passengers booked seats in the first week. "
        "Mayor Ada Lindqvist called the return a relief for island "
        "families.";
    char ta[600], tb[600];
    snprintf(ta, sizeof ta, fmt, "1,200");
    snprintf(tb, sizeof tb, fmt, "1,800");
    story_article *a = story_test_article(ctx, ta, "en");
    story_article *a2 = story_test_article(ctx, ta, "en");
    story_article *b = story_test_article(ctx, tb, "en");
    story_factset *fa = NULL, *fa2 = NULL, *fb = NULL;
    assert_int_equal(story_facts_extract(&fa, ctx, a, NULL), 0);
    assert_int_equal(story_facts_extract(&fa2, ctx, a2, NULL), 0);
    assert_int_equal(story_facts_extract(&fb, ctx, b, NULL), 0);
    story_alignment *same = NULL, *edit = NULL;
    assert_int_equal(
        story_align(&same, ctx, a, fa, a2, fa2, NULL, NULL), 0);
    assert_int_equal(story_align(&edit, ctx, a, fa, b, fb, NULL, NULL), 0);
    assert_int_equal(same->relation, STORY_REL_IDENTICAL);
    assert_string_equal(story_relation_name(same->relation), "identical");
    assert_true(same->relation_confidence > 0.999);
    assert_true(same->sim_overall > 0.99);
    assert_true(same->sim_entities > 0.99);
    assert_true(same->sim_geography > 0.99);
    assert_true(same->sim_time > 0.99);
    assert_true(same->sim_narrative > 0.99);
    assert_non_null(strstr(same->similarity_json, "\"verbatim_copy\":true"));
    assert_int_equal(edit->relation, STORY_REL_REWRITE);
    assert_non_null(strstr(edit->similarity_json, "\"verbatim_copy\":false"));
    story_alignment_free(same);
    story_alignment_free(edit);
    story_factset_free(fa);
    story_factset_free(fa2);
    story_factset_free(fb);
    story_article_free(a);
    story_article_free(a2);
    story_article_free(b);
    story_ctx_free(ctx);
}

/* A captcha page and a consent wall (written for the test) are not
 * articles: most of their sentences hold a not_article.json phrase; an
 * article that asks once to subscribe is still an article. */
static const char *BLOCK_PAGE =
    "We are sorry, but we have seen too many requests from your IP "
    "address.\n\nPlease confirm that you are not a robot.\n\n"
    "Your IP address: 192.0.2.7";
static const char *CONSENT_WALL =
    "Wir verwenden Cookies, um unsere Website zu verbessern.\n\n"
    "Mit Ihrer Einwilligung speichern wir Daten in Ihrem Browser.\n\n"
    "Mehr dazu in unserer Datenschutzerklärung.";

static void test_page_share(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    story_article *blk = story_test_article(ctx, BLOCK_PAGE, "en");
    story_article *con = story_test_article(ctx, CONSENT_WALL, "de");
    story_article *art = story_test_article(
        ctx,
        "Flood waters force evacuation of Harlow village\n\n"
        "Rising river water forced about 300 residents of Harlow to leave "
        "their homes on Sunday night. Firefighters used boats to reach "
        "families on the lower streets. The school hall became a shelter. "
        "Subscribe to our newsletter for local news.",
        "en");
    double sh = -1;
    assert_int_equal(story__sd_page_share(&sh, ctx, blk), 0);
    assert_true(sh >= SD_PAGE_SHARE);
    assert_int_equal(story__sd_page_share(&sh, ctx, con), 0);
    assert_true(sh >= SD_PAGE_SHARE);
    assert_int_equal(story__sd_page_share(&sh, ctx, art), 0);
    assert_true(sh > 0 && sh < SD_PAGE_SHARE);
    /* an article ABOUT cookies and browsers is an article: bare topic
     * words are no cue, only the phrases of the pages themselves */
    story_article *topic = story_test_article(
        ctx,
        "Regulator fines retailer over tracking cookies\n\n"
        "The data regulator fined an online retailer for placing tracking "
        "cookies without asking. Cookies are small files that a browser "
        "keeps for a website. The retailer said its cookies only counted "
        "visits. Browser makers plan to block such cookies next year.",
        "en");
    assert_int_equal(story__sd_page_share(&sh, ctx, topic), 0);
    assert_true(sh < SD_PAGE_SHARE);
    story_article_free(topic);
    sd_lexical lx;
    assert_int_equal(story__sd_lexical_of(&lx, ctx, art, blk), 0);
    assert_true(lx.not_article);
    assert_int_equal(story__sd_lexical_of(&lx, ctx, art, art), 0);
    assert_false(lx.not_article);
    story_article_free(blk);
    story_article_free(con);
    story_article_free(art);
    story_ctx_free(ctx);
}

/* Two copies of one block page are the same text but no evidence that
 * the articles behind them tell one story: the shown overall is neutral,
 * and the report says why. */
static void test_overall_not_article(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    story_article *a = story_test_article(ctx, BLOCK_PAGE, "en");
    story_article *b = story_test_article(ctx, BLOCK_PAGE, "en");
    story_alignment *al = NULL;
    assert_int_equal(story_align(&al, ctx, a, NULL, b, NULL, NULL, NULL), 0);
    assert_true(fabs(al->sim_overall - SD_NEUTRAL) < 1e-9);
    assert_non_null(strstr(al->similarity_json, "\"not_article\":true"));
    story_alignment_free(al);
    story_article_free(a);
    story_article_free(b);
    story_ctx_free(ctx);
}

/* The calibration of a raw score is a logistic: increasing, 0.5 at the
 * centre, within (0, 1), at most neutral for a scraping failure. The
 * shown overall rises with each lexical feature and the anchor score,
 * and falls back to the raw score's calibration where the lexical score
 * is not used. */
static void test_overall_calibration(void **state)
{
    (void)state;
    double prev = -1;
    for (int i = 0; i <= 20; i++) {
        double v = story__sd_calibrate(i / 20.0, 0);
        assert_true(v > prev && v > 0 && v < 1);
        prev = v;
    }
    assert_true(fabs(story__sd_calibrate(SD_CAL_CENTER, 0) - 0.5) < 1e-12);
    assert_true(story__sd_calibrate(1.0, 0) > 0.99);
    assert_true(story__sd_calibrate(0.0, 0) < 0.03);
    assert_true(fabs(story__sd_calibrate(0.9, 1) - SD_NEUTRAL) < 1e-12);
    assert_true(story__sd_calibrate(0.05, 1) < SD_NEUTRAL);
    assert_true(fabs(story__sd_calibrate(0.05, 1) -
                     story__sd_calibrate(0.05, 0)) < 1e-12);
    sd_lexical lx;
    memset(&lx, 0, sizeof lx);
    double base = story__sd_overall_shown(&lx, 0.2, 1, 0);
    assert_true(base > 0 && base < 0.5);
    double *feat[] = {&lx.body, &lx.head_long, &lx.lead};
    for (int k = 0; k < 3; k++) {
        *feat[k] = 0.5;
        assert_true(story__sd_overall_shown(&lx, 0.2, 1, 0) > base);
        *feat[k] = 0;
    }
    assert_true(story__sd_overall_shown(&lx, 0.6, 1, 0) > base);
    lx.body = lx.head_long = lx.lead = 1;
    assert_true(story__sd_overall_shown(&lx, 1, 1, 0) > 0.99);
    lx.not_article = 1;
    assert_true(fabs(story__sd_overall_shown(&lx, 1, 1, 0) - SD_NEUTRAL) <
                1e-12);
    lx.not_article = 0;
    /* without the lexical score: the raw score alone */
    assert_true(fabs(story__sd_overall_shown(&lx, 1, 0, 0.3) -
                     story__sd_calibrate(0.3, 0)) < 1e-12);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lexical_identical),
        cmocka_unit_test(test_lexical_same_vs_different),
        cmocka_unit_test(test_lexical_cross_language),
        cmocka_unit_test(test_lexical_arabic_article),
        cmocka_unit_test(test_lexical_arabic_hamza),
        cmocka_unit_test(test_lexical_turkish_stopwords),
        cmocka_unit_test(test_lexical_polish_lemma),
        cmocka_unit_test(test_dims_carry_overall),
        cmocka_unit_test(test_lexical_shared_template),
        cmocka_unit_test(test_lexical_template_headline),
        cmocka_unit_test(test_lexical_empty),
        cmocka_unit_test(test_relation_unevidenced_sentence),
        cmocka_unit_test(test_time_dates),
        cmocka_unit_test(test_identical_copy),
        cmocka_unit_test(test_page_share),
        cmocka_unit_test(test_overall_not_article),
        cmocka_unit_test(test_overall_calibration),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
