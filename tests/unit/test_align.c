/*
 * Unit tests of the align module (src/align*.c, similarity.c, lexicon.c,
 * translate.c) on short articles written for the tests: coverage
 * invariants, omitted / added / moved paragraphs in a rewrite, a de-en
 * translation through the FreeDict lexicon, relation and similarity JSON,
 * argument errors, the lexicon itself, and machine translation through the
 * LibreTranslate stand-in (tests/support/mt_server.py on 127.0.0.1) and
 * apertium (optional: a clear error when it is not installed).
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "internal.h"
#include "align_internal.h"
#include "lexicon.h"
#include "similarity.h"
#include "stem.h"
#include "support.h"
#include "translate.h"

/* A feature space of nid word features for the feature-level tests:
 * weight 1, matchable on both sides, each projecting to itself (a
 * lexicon of identities). Free with word_space_free(). */
static void word_space(sd_space *sp, uint32_t nid)
{
    memset(sp, 0, sizeof *sp);
    sp->ids.n = nid;
    sp->kind = calloc(nid, 1);
    sp->wa = calloc(nid, sizeof *sp->wa);
    sp->wb = calloc(nid, sizeof *sp->wb);
    sp->match_a = calloc(nid, 1);
    sp->match_b = calloc(nid, 1);
    sp->known_b = calloc(nid, 1);
    sp->proj_off = calloc(nid + 1, sizeof *sp->proj_off);
    sp->proj = calloc(nid, sizeof *sp->proj);
    sp->stamp_a = calloc(nid, sizeof *sp->stamp_a);
    sp->stamp_b = calloc(nid, sizeof *sp->stamp_b);
    sp->stamp_hit = calloc(nid, sizeof *sp->stamp_hit);
    assert_true(sp->kind && sp->wa && sp->wb && sp->match_a &&
                sp->match_b && sp->known_b && sp->proj_off && sp->proj && sp->stamp_a &&
                sp->stamp_b && sp->stamp_hit);
    for (uint32_t id = 0; id < nid; id++) {
        sp->kind[id] = SD_WORD;
        sp->wa[id] = sp->wb[id] = 1.0f;
        sp->match_a[id] = sp->match_b[id] = sp->known_b[id] = 1;
        sp->proj_off[id] = id;
        sp->proj[id] = id;
    }
    sp->proj_off[nid] = nid;
    sp->nproj = nid;
}

static void word_space_free(sd_space *sp)
{
    story__sd_space_free_arrays(sp);
}


/* Paragraphs of a council story, written for these tests. */
static const char *P[] = {
    "Riverton council approves new bridge over the Mill River",
    "The city council of Riverton voted 7 to 2 on Tuesday to build a new "
    "bridge over the Mill River. Mayor Elena Marsh said construction would "
    "start in April.",
    "The bridge will cost 14 million dollars, according to the council's "
    "budget office. Half of the money comes from the state of Oregon.",
    "Local shop owners welcomed the decision. Tom Becker, who runs a bakery "
    "near the old crossing, said traffic had hurt his business for 3 years.",
    "Engineers from Halvorsen Partners will design the structure. The firm "
    "built the Cedar Falls footbridge in 2019.",
    "Opponents argued that the money should go to schools. Councillor Ruth "
    "Okafor said the vote ignored 1,200 signatures on a petition.",
    "The old crossing, built in 1958, will close in June. Buses will use a "
    "detour through Pine Street until the new bridge opens in 2027."};
#define NP (sizeof P / sizeof P[0])

static char *join(const char *const *p, const size_t *idx, size_t n)
{
    size_t len = 1;
    for (size_t i = 0; i < n; i++)
        len += strlen(p[idx[i]]) + 2;
    char *t = calloc(len, 1);
    for (size_t i = 0; i < n; i++) {
        if (i)
            strcat(t, "\n\n");
        strcat(t, p[idx[i]]);
    }
    return t;
}

/* Every sentence and paragraph of each side in exactly one link. */
static void check_cover(const story_alignment *al, const story_article *a,
                        const story_article *b)
{
    /* a rewrite the shown overall calls another story is uncertain */
    if (al->relation == STORY_REL_REWRITE && al->sim_overall < 0.5)
        assert_true(al->relation_confidence <=
                    0.5 + al->sim_overall / 2 + 1e-9);
    for (int par = 0; par < 2; par++) {
        size_t na = par ? a->n_paragraphs : a->n_sentences;
        size_t nb = par ? b->n_paragraphs : b->n_sentences;
        const story_link *l = par ? al->par_links : al->links;
        size_t n = par ? al->n_par_links : al->n_links;
        int *ca = calloc(na + 1, sizeof *ca), *cb = calloc(nb + 1, sizeof *cb);
        for (size_t k = 0; k < n; k++) {
            assert_true(l[k].score >= 0 && l[k].score <= 1);
            for (size_t i = 0; i < l[k].n_a; i++) {
                assert_true(l[k].a + i < na);
                ca[l[k].a + i]++;
            }
            for (size_t j = 0; j < l[k].n_b; j++) {
                assert_true(l[k].b + j < nb);
                cb[l[k].b + j]++;
            }
            if (l[k].n_b == 0)
                assert_int_equal(l[k].kind, STORY_LINK_OMITTED);
            if (l[k].n_a == 0)
                assert_int_equal(l[k].kind, STORY_LINK_ADDED);
        }
        for (size_t i = 0; i < na; i++)
            assert_int_equal(ca[i], 1);
        for (size_t j = 0; j < nb; j++)
            assert_int_equal(cb[j], 1);
        free(ca);
        free(cb);
    }
}

/* The paragraph link holding A paragraph i, or NULL. */
static const story_link *par_link_a(const story_alignment *al, size_t i)
{
    for (size_t k = 0; k < al->n_par_links; k++) {
        const story_link *l = &al->par_links[k];
        if (l->n_a && i >= l->a && i < l->a + l->n_a)
            return l;
    }
    return NULL;
}

static const story_link *par_link_b(const story_alignment *al, size_t j)
{
    for (size_t k = 0; k < al->n_par_links; k++) {
        const story_link *l = &al->par_links[k];
        if (l->n_b && j >= l->b && j < l->b + l->n_b)
            return l;
    }
    return NULL;
}

static void test_identical(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    size_t idx[NP];
    for (size_t i = 0; i < NP; i++)
        idx[i] = i;
    char *t = join(P, idx, NP);
    story_article *a = story_test_article(ctx, t, "en");
    story_article *b = story_test_article(ctx, t, "en");
    story_alignment *al = NULL;
    story_error e;
    assert_int_equal(story_align(&al, ctx, a, NULL, b, NULL, NULL, &e), 0);
    check_cover(al, a, b);
    for (size_t i = 0; i < NP; i++) {
        const story_link *l = par_link_a(al, i);
        assert_non_null(l);
        assert_int_equal(l->n_a, 1);
        assert_int_equal(l->n_b, 1);
        assert_int_equal(l->b, i);
        assert_int_equal(l->kind, STORY_LINK_MATCH);
    }
    assert_true(al->sim_overall > 0.8);
    /* a verbatim copy carries all of A in order: its own kind,
     * identical (session 14, fresh-user 13 L13; translation before, from
     * fresh-user finding L2; an edited copy is a rewrite,
     * test_identical_copy in test_align_dims.c) */
    assert_int_equal(al->relation, STORY_REL_IDENTICAL);
    story_alignment_free(al);
    story_article_free(a);
    story_article_free(b);
    free(t);
    story_ctx_free(ctx);
}

static void test_rewrite_moved_omitted_added(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    size_t ia[NP];
    for (size_t i = 0; i < NP; i++)
        ia[i] = i;
    char *ta = join(P, ia, NP);
    /* B: paragraph 3 omitted, paragraph 5 moved before 2, one added */
    static const char *extra[] = {
        "Weather forecasters expect heavy snow in the mountains of Alberta "
        "this weekend, with 40 centimetres possible near Banff."};
    size_t ib[] = {0, 1, 5, 2, 4, 6};
    char *tb0 = join(P, ib, 6);
    char *tb = calloc(strlen(tb0) + strlen(extra[0]) + 8, 1);
    /* insert the unrelated paragraph after B's fourth paragraph */
    const char *cut = tb0;
    for (int k = 0; k < 4; k++)
        cut = strstr(cut, "\n\n") + 2;
    strncat(tb, tb0, (size_t)(cut - tb0));
    strcat(tb, extra[0]);
    strcat(tb, "\n\n");
    strcat(tb, cut);
    story_article *a = story_test_article(ctx, ta, "en");
    story_article *b = story_test_article(ctx, tb, "en");
    assert_int_equal(a->n_paragraphs, NP);
    assert_int_equal(b->n_paragraphs, 7);
    story_alignment *al = NULL;
    story_error e;
    assert_int_equal(story_align(&al, ctx, a, NULL, b, NULL, NULL, &e), 0);
    check_cover(al, a, b);
    const story_link *l3 = par_link_a(al, 3);
    assert_non_null(l3);
    assert_int_equal(l3->kind, STORY_LINK_OMITTED);
    const story_link *l5 = par_link_a(al, 5);
    assert_non_null(l5);
    assert_int_equal(l5->n_b, 1);
    assert_int_equal(l5->b, 2);
    assert_int_equal(l5->kind, STORY_LINK_MOVED);
    const story_link *lx = par_link_b(al, 4); /* the inserted paragraph */
    assert_non_null(lx);
    assert_int_equal(lx->kind, STORY_LINK_ADDED);
    for (size_t i = 0; i < NP; i++)
        if (i != 3 && i != 5)
            assert_int_equal(par_link_a(al, i)->kind, STORY_LINK_MATCH);
    assert_int_not_equal(al->relation, STORY_REL_DIFFERENT_STORY);
    assert_int_not_equal(al->relation, STORY_REL_TRANSLATION);
    story_alignment_free(al);
    story_article_free(a);
    story_article_free(b);
    free(ta);
    free(tb0);
    free(tb);
    story_ctx_free(ctx);
}

/* A German rendering of the first paragraphs, written for the test. */
static const char *DE[] = {
    "Stadtrat von Riverton genehmigt neue Brücke über den Mill River",
    "Der Stadtrat von Riverton stimmte am Dienstag mit 7 zu 2 für den Bau "
    "einer neuen Brücke über den Mill River. Bürgermeisterin Elena Marsh "
    "sagte, der Bau beginne im April.",
    "Die Brücke wird nach Angaben des Haushaltsamts 14 Millionen Dollar "
    "kosten. Die Hälfte des Geldes kommt vom Staat Oregon.",
    "Örtliche Ladenbesitzer begrüßten die Entscheidung. Tom Becker, der "
    "eine Bäckerei nahe dem alten Übergang betreibt, sagte, der Verkehr "
    "habe seinem Geschäft 3 Jahre lang geschadet.",
    "Ingenieure von Halvorsen Partners werden das Bauwerk entwerfen. Die "
    "Firma baute 2019 die Fußgängerbrücke von Cedar Falls."};

static void test_translation_de_en(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    size_t idx[] = {0, 1, 2, 3, 4};
    char *ta = join(P, idx, 5), *tb = join(DE, idx, 5);
    story_article *a = story_test_article(ctx, ta, "en");
    story_article *b = story_test_article(ctx, tb, "de");
    story_alignment *al = NULL;
    story_error e;
    assert_int_equal(story_align(&al, ctx, a, NULL, b, NULL, NULL, &e), 0);
    check_cover(al, a, b);
    for (size_t i = 0; i < 5; i++) {
        const story_link *l = par_link_a(al, i);
        assert_int_equal(l->n_b, 1);
        assert_int_equal(l->b, i);
        assert_int_equal(l->kind, STORY_LINK_MATCH);
    }
    assert_int_equal(al->relation, STORY_REL_TRANSLATION);
    /* the similarity JSON names the lexicon and the shared entities */
    json_error_t je;
    json_t *j = json_loads(al->similarity_json, 0, &je);
    assert_non_null(j);
    assert_string_equal(json_string_value(json_object_get(
                            json_object_get(j, "narrative"), "lexicon")),
                        "freedict");
    assert_true(json_array_size(json_object_get(
                    json_object_get(j, "entities"), "shared")) >= 2);
    json_decref(j);
    story_alignment_free(al);
    story_article_free(a);
    story_article_free(b);
    free(ta);
    free(tb);
    story_ctx_free(ctx);
}

/* The first five paragraphs of P in Chinese, written for these tests
 * (en-zh has only a small lexicon: the lexical score is low). */
static const char *ZH[] = {
    "里弗顿市议会批准在米尔河上修建新桥",
    "里弗顿市议会周二以7比2投票决定在米尔河上修建一座新桥。市长埃琳娜·马什"
    "说，工程将于4月开工。",
    "据预算办公室称，这座桥将耗资1400万美元。一半资金来自俄勒冈州。",
    "当地店主对这一决定表示欢迎。在旧渡口附近经营面包店的汤姆·贝克尔说，"
    "3年来交通一直影响他的生意。",
    "哈尔沃森合伙公司的工程师将设计这座建筑。该公司曾于2019年建造了锡达福尔斯"
    "人行桥。"};

/* A translation with its paragraphs moved is a rewrite by its relation
 * but no less the same story: its overall similarity stays near the
 * in-order translation's (fresh-user finding M8: en-zh 1.00 -> 0.22). */
static void test_reordered_translation_similar(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    size_t idx[] = {0, 1, 2, 3, 4}, shuf[] = {0, 3, 1, 4, 2};
    char *ta = join(P, idx, 5), *tb = join(ZH, idx, 5),
         *ts = join(ZH, shuf, 5);
    story_article *a = story_test_article(ctx, ta, "en");
    story_article *b = story_test_article(ctx, tb, "zh");
    story_article *c = story_test_article(ctx, ts, "zh");
    story_alignment *al = NULL, *as = NULL;
    story_error e;
    assert_int_equal(story_align(&al, ctx, a, NULL, b, NULL, NULL, &e), 0);
    assert_int_equal(story_align(&as, ctx, a, NULL, c, NULL, NULL, &e), 0);
    check_cover(as, a, c);
    assert_int_equal(al->relation, STORY_REL_TRANSLATION);
    assert_int_not_equal(as->relation, STORY_REL_TRANSLATION);
    print_message("reordered translation: %s overall %.3f (in order %.3f)\n", story_relation_name(as->relation),
                  as->sim_overall, al->sim_overall);
    assert_true(as->sim_overall >= al->sim_overall - 0.1);
    story_alignment_free(al);
    story_alignment_free(as);
    story_article_free(a);
    story_article_free(b);
    story_article_free(c);
    free(ta);
    free(tb);
    free(ts);
    story_ctx_free(ctx);
}

/* The German version with a sentence cut from three of its paragraphs:
 * every paragraph is still aligned, but a third of the English sentences
 * are not: a rewrite, not a translation (REL_SENT_COVER in align.c). */
static void test_cut_sentences_rewrite(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    static const char *DE_CUT[] = {
        "Stadtrat von Riverton genehmigt neue Brücke über den Mill River",
        "Der Stadtrat von Riverton stimmte am Dienstag mit 7 zu 2 für den "
        "Bau einer neuen Brücke über den Mill River.",
        "Die Brücke wird nach Angaben des Haushaltsamts 14 Millionen Dollar "
        "kosten.",
        "Tom Becker, der eine Bäckerei nahe dem alten Übergang betreibt, "
        "sagte, der Verkehr habe seinem Geschäft 3 Jahre lang geschadet.",
        "Ingenieure von Halvorsen Partners werden das Bauwerk entwerfen. Die "
        "Firma baute 2019 die Fußgängerbrücke von Cedar Falls."};
    size_t idx[] = {0, 1, 2, 3, 4};
    char *ta = join(P, idx, 5), *tb = join(DE_CUT, idx, 5);
    story_article *a = story_test_article(ctx, ta, "en");
    story_article *b = story_test_article(ctx, tb, "de");
    story_alignment *al = NULL;
    story_error e;
    assert_int_equal(story_align(&al, ctx, a, NULL, b, NULL, NULL, &e), 0);
    check_cover(al, a, b);
    for (size_t i = 0; i < 5; i++)
        assert_int_equal(par_link_a(al, i)->b, i);
    assert_int_equal(al->relation, STORY_REL_REWRITE);
    story_alignment_free(al);
    story_article_free(a);
    story_article_free(b);
    free(ta);
    free(tb);
    story_ctx_free(ctx);
}

/* The lexicons built from the other FreeDict packages: a news word in each
 * (ja, cs, zh from JMdict's Han-only words, ru through the German pivot,
 * de-fr through the reverse file). */
static void test_more_lexicons(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    static const struct {
        const char *from, *to, *word, *want;
    } cases[] = {{"ja", "en", "政府", "government"},
                 {"en", "ja", "government", "政府"},
                 {"zh", "en", "医院", "hospital"},
                 /* JMdict writes 選挙, 検査, 発表 (shinjitai): their
                  * simplified forms come through KANJIDIC/Unihan variants;
                  * 経済 and 被害 also keep their English senses, which
                  * follow part-of-speech lines in JMdict's entries */
                 {"zh", "en", "选举", "election"},
                 {"zh", "en", "检查", "inspection"},
                 {"zh", "en", "经济", "economy"},
                 {"ja", "en", "被害", "damage"},
                 /* numbered JMdict senses keep their glosses (地元: "1.
                  * home area ... 2. local"); a short English phrase
                  * gives its head word ("this year" -> year) */
                 {"ja", "en", "地元", "local"},
                 {"ja", "en", "開幕", "opening"},
                 {"ja", "en", "今年", "year"},
                 {"cs", "en", "válka", "war"},
                 {"ru", "en", "война", "war"},
                 {"fr", "de", "guerre", "krieg"}};
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        const story__lexicon *lx = NULL;
        story_error e;
        assert_int_equal(story__lexicon_get(&lx, ctx, cases[c].from,
                                            cases[c].to, &e),
                         0);
        assert_non_null(lx);
        const char *const *tr;
        size_t n = story__lexicon_lookup(lx, cases[c].word,
                                         strlen(cases[c].word), &tr);
        int found = 0;
        for (size_t i = 0; i < n; i++)
            found |= strcmp(tr[i], cases[c].want) == 0;
        if (!found)
            fprintf(stderr, "missing %s -> %s\n", cases[c].word,
                    cases[c].want);
        assert_true(found);
    }
    story_ctx_free(ctx);
}

/* is-en also holds the lemma pairs of Apertium's Icelandic-English
 * dictionary (apertium-isl-eng, session 14): news words FreeDict's isl-eng
 * lacks, an Icelandic place name as itself, FreeDict's own pairs, and the
 * inflected forms of the headwords (Icelandic has no stemmer). */
static void test_apertium_lexicon(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    static const struct {
        const char *word, *want;
    } cases[] = {{"útgöngubann", "curfew"},
                 {"öldungadeild", "senate"},
                 {"fóstureyðing", "abortion"},
                 {"atvinnulaus", "unemployed"},
                 {"keflavík", "keflavík"},
                 {"þjóðaratkvæðagreiðsla", "referendum"},
                 /* inflected forms from Apertium's Icelandic analyser
                  * carry their lemma's translations */
                 {"ríkisstjórnarinnar", "government"},
                 {"sjúkrahúsinu", "hospital"}};
    const story__lexicon *lx = NULL;
    story_error e;
    assert_int_equal(story__lexicon_get(&lx, ctx, "is", "en", &e), 0);
    assert_non_null(lx);
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        const char *const *tr;
        size_t n = story__lexicon_lookup(lx, cases[c].word,
                                         strlen(cases[c].word), &tr);
        int found = 0;
        for (size_t i = 0; i < n; i++)
            found |= strcmp(tr[i], cases[c].want) == 0;
        if (!found)
            fprintf(stderr, "missing %s -> %s\n", cases[c].word,
                    cases[c].want);
        assert_true(found);
    }
    story_ctx_free(ctx);
}

/* 1 when the pair's feature space has the id string s. */
static int has_feature(sd_pair *p, const char *s)
{
    return story__sd_intern_id(&p->sp.ids, s, strlen(s), 0, NULL) != UINT32_MAX;
}

/* A capitalised word opening a sentence is a name only when the text also
 * capitalises it inside a sentence (a bug: "Remote work is ..." made
 * "remote" a name anchor, which kept two short translations apart). */
static void test_initial_capital_not_name(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    const char *ta = "Remote work will probably grow more popular. Many firms "
                     "tried it this year. Marsh said the office stays open. "
                     "Mayor Marsh spoke on Monday.";
    const char *tb = "Fjarvinna verður algengari. Mörg fyrirtæki reyndu hana "
                     "í ár.";
    story_article *a = story_test_article(ctx, ta, "en");
    story_article *b = story_test_article(ctx, tb, "is");
    sd_pair p;
    story_error e;
    assert_int_equal(story__sd_pair_build(&p, ctx, a, NULL, b, NULL, NULL, &e),
                     0);
    assert_false(has_feature(&p, "p|remote"));
    assert_false(has_feature(&p, "p|many"));
    assert_true(has_feature(&p, "p|marsh"));
    assert_false(has_feature(&p, "p|fjarvinna"));
    story__sd_pair_free(&p);
    story_article_free(a);
    story_article_free(b);
    story_ctx_free(ctx);
}

/* The sentence link holding A sentence i, or NULL. */
static const story_link *link_a(const story_alignment *al, size_t i)
{
    for (size_t k = 0; k < al->n_links; k++) {
        const story_link *l = &al->links[k];
        if (l->n_a && i >= l->a && i < l->a + l->n_a)
            return l;
    }
    return NULL;
}

/* A sentence moved into the place of a deleted one that shares a few of
 * its words: the monotone DP links the deleted sentence there; the moved
 * sentence, far more similar, takes the link over (steal in align_dp.c)
 * and the deleted one is omitted. */
/* A paragraph moved to the top of an otherwise identical article: its
 * paragraph link is moved, and so are the links of its sentences
 * (fresh-user finding M1: the report said "0 moved"). */
static void test_moved_paragraph_sentences(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    const char *p[] = {
        "The council of Riverton met on Tuesday evening in the town hall.",
        "Mayor Elena Marsh opened the meeting with a short speech about "
        "the flood. She thanked the volunteers of the fire brigade.",
        "Tom Becker spoke for the shop owners of the old town. He asked "
        "for a new bridge over the river.",
        "The bridge will cost 14 million dollars, the budget office said. "
        "The vote ends a debate of three years."};
    char ta[1024], tb[1024];
    snprintf(ta, sizeof ta, "%s\n\n%s\n\n%s\n\n%s", p[0], p[1], p[2], p[3]);
    snprintf(tb, sizeof tb, "%s\n\n%s\n\n%s\n\n%s", p[0], p[3], p[1], p[2]);
    story_article *a = story_test_article(ctx, ta, "en");
    story_article *b = story_test_article(ctx, tb, "en");
    story_alignment *al = NULL;
    story_error e;
    assert_int_equal(story_align(&al, ctx, a, NULL, b, NULL, NULL, &e), 0);
    check_cover(al, a, b);
    size_t moved_par = 0;
    for (size_t k = 0; k < al->n_par_links; k++)
        moved_par += al->par_links[k].kind == STORY_LINK_MOVED;
    assert_true(moved_par >= 1);
    /* every sentence of a moved paragraph link is in a moved link */
    for (size_t k = 0; k < al->n_par_links; k++) {
        const story_link *pl = &al->par_links[k];
        if (pl->kind != STORY_LINK_MOVED)
            continue;
        for (size_t s = 0; s < a->n_sentences; s++) {
            if (a->sentences[s].paragraph < pl->a ||
                a->sentences[s].paragraph >= pl->a + pl->n_a)
                continue;
            const story_link *sl = link_a(al, s);
            assert_non_null(sl);
            assert_int_equal(sl->kind, STORY_LINK_MOVED);
        }
    }
    story_alignment_free(al);
    story_article_free(a);
    story_article_free(b);
    story_ctx_free(ctx);
}

/* Session 8 (fresh-user finding M3): paragraphs 6-7 of eight moved ahead
 * of paragraphs 2-5. exact_moves linked each moved paragraph to its twin
 * and labelled the pair "match" as each other's aligned neighbours: the
 * report said "0 moved". The smaller side of the swap (two paragraphs,
 * not four) is the moved one, at both levels, and every other link is an
 * in-order match. */
static void test_moved_block(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    const char *p[] = {
        "Storm floods the valley town of Hollin.",
        "Heavy rain fell on Hollin for three days. The river rose by four "
        "metres on Sunday.",
        "About 600 homes near the old mill were flooded.",
        "Rescue boats took 85 people from their roofs, the fire service "
        "said.",
        "The railway line to Dunmere stays closed until Friday.",
        "Mayor Ines Varga asked the government for 12 million euros of "
        "help. She called the flood the worst since 1962.",
        "Farmers lost most of the barley harvest. Insurers expect claims "
        "of about 40 million euros.",
        "Forecasters expect more rain at the weekend."};
    char ta[2048], tb[2048];
    snprintf(ta, sizeof ta, "%s\n\n%s\n\n%s\n\n%s\n\n%s\n\n%s\n\n%s\n\n%s",
             p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7]);
    snprintf(tb, sizeof tb, "%s\n\n%s\n\n%s\n\n%s\n\n%s\n\n%s\n\n%s\n\n%s",
             p[0], p[5], p[6], p[1], p[2], p[3], p[4], p[7]);
    story_article *a = story_test_article(ctx, ta, "en");
    story_article *b = story_test_article(ctx, tb, "en");
    story_alignment *al = NULL;
    story_error e;
    assert_int_equal(story_align(&al, ctx, a, NULL, b, NULL, NULL, &e), 0);
    check_cover(al, a, b);
    for (size_t k = 0; k < al->n_par_links; k++) {
        const story_link *l = &al->par_links[k];
        assert_int_equal(l->n_a, 1);
        assert_int_equal(l->n_b, 1);
        assert_int_equal(l->kind, l->a == 5 || l->a == 6 ? STORY_LINK_MOVED
                                                         : STORY_LINK_MATCH);
    }
    size_t moved = 0;
    for (size_t s = 0; s < a->n_sentences; s++) {
        const story_link *l = link_a(al, s);
        assert_non_null(l);
        size_t par = a->sentences[s].paragraph;
        assert_int_equal(l->kind, par == 5 || par == 6 ? STORY_LINK_MOVED
                                                       : STORY_LINK_MATCH);
        moved += l->kind == STORY_LINK_MOVED;
    }
    assert_int_equal(moved, 4);
    story_alignment_free(al);
    story_article_free(a);
    story_article_free(b);
    story_ctx_free(ctx);
}

/* Session 8: a link is moved only when it is out of order with the links
 * around it (story__sd_order_labels), not because a pass or its paragraph said
 * so: in ja-en, in-order sentences of a paragraph link judged moved were
 * shown moved. Links given wrong labels come out labelled by their order
 * alone; a 2-unit block before a 4-unit block is the moved one; a tie (a
 * swap of two equal units) keeps the pass's in-order link. */
static void test_order_labels(void **state)
{
    (void)state;
    sd_unit ua[9], ub[9];
    memset(ua, 0, sizeof ua);
    memset(ub, 0, sizeof ub);
    for (size_t i = 0; i < 9; i++)
        ua[i].chars = ub[i].chars = 50;
    sd_side A = {ua, 9}, B = {ub, 9};
    /* in order, every link labelled moved (as by its paragraph) */
    sd_link l1[8];
    for (size_t i = 0; i < 8; i++) {
        sd_link k = {i, 1, i, 1, 0.9, STORY_LINK_MOVED};
        l1[i] = k;
    }
    assert_int_equal(story__sd_order_labels(l1, 8, &A, &B), 0);
    for (size_t i = 0; i < 8; i++)
        assert_int_equal(l1[i].kind, STORY_LINK_MATCH);
    /* B = 0 5 6 1 2 3 4 7, then an omitted and an added unit:
     * A 5, 6 are moved, whatever their labels said */
    static const size_t pos[8] = {0, 3, 4, 5, 6, 1, 2, 7};
    sd_link l2[10];
    for (size_t i = 0; i < 8; i++) {
        sd_link k = {i, 1, pos[i], 1, 0.9, STORY_LINK_MATCH};
        l2[i] = k;
    }
    sd_link om = {8, 1, 8, 0, 0, STORY_LINK_OMITTED};
    sd_link ad = {9, 0, 8, 1, 0, STORY_LINK_ADDED};
    l2[8] = om;
    l2[9] = ad;
    l2[1].kind = STORY_LINK_MOVED;
    assert_int_equal(story__sd_order_labels(l2, 10, &A, &B), 0);
    for (size_t i = 0; i < 8; i++)
        assert_int_equal(l2[i].kind, i == 5 || i == 6 ? STORY_LINK_MOVED
                                                      : STORY_LINK_MATCH);
    assert_int_equal(l2[8].kind, STORY_LINK_OMITTED);
    assert_int_equal(l2[9].kind, STORY_LINK_ADDED);
    /* a swap of two equal units: the pass's match stays in order */
    sd_link l3[2] = {{0, 1, 1, 1, 0.9, STORY_LINK_MOVED},
                     {1, 1, 0, 1, 0.9, STORY_LINK_MATCH}};
    assert_int_equal(story__sd_order_labels(l3, 2, &A, &B), 0);
    assert_int_equal(l3[0].kind, STORY_LINK_MOVED);
    assert_int_equal(l3[1].kind, STORY_LINK_MATCH);
}

static void test_moved_into_deleted_place(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    const char *ta =
        "The council of Riverton met on Tuesday evening. Mayor Elena Marsh "
        "opened the meeting with a short speech. The council then discussed "
        "the budget of the bridge with the mayor for an hour. Tom Becker "
        "spoke for the shop owners of the old town. The bridge will cost 14 "
        "million dollars, the budget office of the council said. The vote "
        "ends a debate of three years.";
    const char *tb =
        "The council of Riverton met on Tuesday evening. Mayor Elena Marsh "
        "opened the meeting with a short speech. The bridge will cost 14 "
        "million dollars, the budget office of the council said. Tom "
        "Becker spoke for the shop owners of the old town. The vote ends a "
        "debate of three years.";
    story_article *a = story_test_article(ctx, ta, "en");
    story_article *b = story_test_article(ctx, tb, "en");
    assert_int_equal(a->n_sentences, 6);
    assert_int_equal(b->n_sentences, 5);
    story_alignment *al = NULL;
    story_error e;
    assert_int_equal(story_align(&al, ctx, a, NULL, b, NULL, NULL, &e), 0);
    check_cover(al, a, b);
    const story_link *l2 = link_a(al, 2), *l4 = link_a(al, 4);
    assert_non_null(l2);
    assert_non_null(l4);
    assert_int_equal(l2->kind, STORY_LINK_OMITTED);
    assert_int_equal(l4->n_b, 1);
    assert_int_equal(l4->b, 2);
    assert_int_equal(link_a(al, 3)->b, 3);
    /* links stay in A order, each added unit after its B predecessor */
    for (size_t k = 1; k < al->n_links; k++)
        if (al->links[k].n_a && al->links[k - 1].n_a)
            assert_true(al->links[k].a > al->links[k - 1].a);
    story_alignment_free(al);
    story_article_free(a);
    story_article_free(b);
    story_ctx_free(ctx);
}

/* The two headlines (first sentences) stay linked: a deleted sentence
 * further down that repeats B's reworded headline more closely does not
 * take the headline link over (steal in align_dp.c; HEAD_BONUS). */
static void test_headlines_linked(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    const char *ta =
        "Storm closes Harbor Road in Linden\n\n"
        "Workers cleared fallen trees from the park on Monday morning. The "
        "city expects the road to reopen by Friday, a spokesman said. "
        "Schools in the district will open two hours late on Tuesday. "
        "Police shut the Linden road after the flood, the police chief "
        "told reporters.";
    const char *tb =
        "Police shut Linden road after flood\n\n"
        "Workers cleared fallen trees from the park on Monday morning. The "
        "city expects the road to reopen by Friday, a spokesman said. "
        "Schools in the district will open two hours late on Tuesday.";
    story_article *a = story_test_article(ctx, ta, "en");
    story_article *b = story_test_article(ctx, tb, "en");
    assert_int_equal(a->n_sentences, 5);
    assert_int_equal(b->n_sentences, 4);
    story_alignment *al = NULL;
    story_error e;
    assert_int_equal(story_align(&al, ctx, a, NULL, b, NULL, NULL, &e), 0);
    check_cover(al, a, b);
    const story_link *l0 = link_a(al, 0), *l4 = link_a(al, 4);
    assert_non_null(l0);
    assert_non_null(l4);
    assert_int_equal(l0->n_a, 1);
    assert_int_equal(l0->n_b, 1);
    assert_int_equal(l0->b, 0);
    assert_int_equal(l4->kind, STORY_LINK_OMITTED);
    story_alignment_free(al);
    story_article_free(a);
    story_article_free(b);
    story_ctx_free(ctx);
}

/* French elided articles (l', d', qu') are cut from the word they are
 * glued to, and a lone letter ("à") is no content word. */
static void test_elision(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    const char *ta = "Le maire a visité l'hôpital à Lyon avant d'annoncer "
                     "qu'il restera ouvert.";
    const char *tb = "The mayor visited the hospital in Lyon before he "
                     "announced that it would stay open.";
    story_article *a = story_test_article(ctx, ta, "fr");
    story_article *b = story_test_article(ctx, tb, "en");
    sd_pair p;
    story_error e;
    assert_int_equal(story__sd_pair_build(&p, ctx, a, NULL, b, NULL, NULL, &e),
                     0);
    story_buf st = {0};
    assert_int_equal(story__stem(ctx, "fr", "hôpital", strlen("hôpital"),
                                 &st, NULL),
                     0);
    char want[64];
    snprintf(want, sizeof want, "wfr|%.*s", (int)st.len, st.data);
    assert_true(has_feature(&p, want));
    for (size_t id = 0; id < p.sp.ids.n; id++) {
        const char *f = p.sp.ids.str[id];
        assert_null(strstr(f, "wfr|l'"));
        assert_null(strstr(f, "wfr|d'"));
        assert_null(strstr(f, "wfr|qu'"));
    }
    assert_false(has_feature(&p, "wfr|à"));
    story_buf_free(&st);
    story__sd_pair_free(&p);
    story_article_free(a);
    story_article_free(b);
    story_ctx_free(ctx);
}

/* Lexicon translations are lemmas; in a language without a stemmer
 * (Croatian) the inflected word of the text is met by its prefix
 * ("hospital" -> "bolnica" reaches "bolnicu"), and an inflected source
 * word finds its headword by spelling (story__lexicon_lookup_near). */
static void test_inflected_lexicon_match(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    const char *ta = "The minister visited the hospital on Monday.";
    const char *tb = "Ministar je u ponedjeljak posjetio bolnicu.";
    story_article *a = story_test_article(ctx, ta, "en");
    story_article *b = story_test_article(ctx, tb, "hr");
    sd_pair p;
    story_error e;
    assert_int_equal(story__sd_pair_build(&p, ctx, a, NULL, b, NULL, NULL, &e),
                     0);
    story_buf st = {0};
    assert_int_equal(story__stem(ctx, "en", "hospital", 8, &st, NULL), 0);
    char fa[64];
    snprintf(fa, sizeof fa, "wen|%.*s", (int)st.len, st.data);
    uint32_t ida = story__sd_intern_id(&p.sp.ids, fa, strlen(fa), 0, NULL);
    uint32_t idb = story__sd_intern_id(&p.sp.ids, "whr|bolnicu", 11, 0, NULL);
    assert_int_not_equal(ida, UINT32_MAX);
    assert_int_not_equal(idb, UINT32_MAX);
    int found = 0;
    for (uint32_t q = p.sp.proj_off[ida]; q < p.sp.proj_off[ida + 1]; q++)
        found |= p.sp.proj[q] == idb;
    assert_true(found);
    story_buf_free(&st);
    story__sd_pair_free(&p);
    /* nearest headword by spelling */
    const story__lexicon *lx = NULL;
    assert_int_equal(story__lexicon_get(&lx, ctx, "hr", "en", &e), 0);
    assert_non_null(lx);
    const char *const *tr;
    size_t n = story__lexicon_lookup_near(lx, "bolnici", 8, 4, 0.75, &tr);
    found = 0;
    for (size_t i = 0; i < n; i++)
        found |= strcmp(tr[i], "hospital") == 0;
    assert_true(found);
    assert_int_equal(story__lexicon_lookup_near(lx, "bol", 3, 4, 0.75, &tr),
                     0);
    assert_int_equal(story__lexicon_lookup_near(lx, "qxzvw", 5, 4, 0.75,
                                                &tr),
                     0);
    story_article_free(a);
    story_article_free(b);
    story_ctx_free(ctx);
}

/* Two paragraphs merged into one in a translation: the merged B paragraph
 * links both A paragraphs (absorbed because B's coverage grows by about
 * the added paragraph's share), the others stay 1-1. */
static void test_merged_translation(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    size_t idx[] = {0, 1, 2, 3, 4};
    char *ta = join(P, idx, 5);
    size_t lb = 16;
    for (size_t i = 0; i < 5; i++)
        lb += strlen(DE[i]) + 2;
    char *tb = calloc(lb, 1);
    snprintf(tb, lb, "%s\n\n%s %s\n\n%s\n\n%s", DE[0], DE[1], DE[2], DE[3],
             DE[4]);
    story_article *a = story_test_article(ctx, ta, "en");
    story_article *b = story_test_article(ctx, tb, "de");
    assert_int_equal(b->n_paragraphs, 4);
    story_alignment *al = NULL;
    story_error e;
    assert_int_equal(story_align(&al, ctx, a, NULL, b, NULL, NULL, &e), 0);
    check_cover(al, a, b);
    const story_link *l1 = par_link_a(al, 1);
    assert_non_null(l1);
    assert_int_equal(l1->a, 1);
    assert_int_equal(l1->n_a, 2);
    assert_int_equal(l1->b, 1);
    assert_int_equal(l1->n_b, 1);
    assert_int_equal(par_link_a(al, 3)->b, 2);
    assert_int_equal(par_link_a(al, 4)->b, 3);
    story_alignment_free(al);
    story_article_free(a);
    story_article_free(b);
    free(ta);
    free(tb);
    story_ctx_free(ctx);
}

static void test_different_story(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    static const char *Q[] = {
        "Storm closes schools across northern Manitoba",
        "Heavy snow closed 48 schools in northern Manitoba on Friday. "
        "Premier Wab Kinew asked drivers to stay home.",
        "Hydro crews restored power to 9,000 homes near Thompson by the "
        "evening, the utility said."};
    size_t i3[] = {0, 1, 2}, i7[NP];
    for (size_t i = 0; i < NP; i++)
        i7[i] = i;
    char *ta = join(P, i7, NP), *tb = join(Q, i3, 3);
    story_article *a = story_test_article(ctx, ta, "en");
    story_article *b = story_test_article(ctx, tb, "en");
    story_alignment *al = NULL;
    story_error e;
    assert_int_equal(story_align(&al, ctx, a, NULL, b, NULL, NULL, &e), 0);
    check_cover(al, a, b);
    assert_int_equal(al->relation, STORY_REL_DIFFERENT_STORY);
    assert_true(al->sim_overall < 0.42);
    double dims[] = {al->sim_overall, al->sim_entities, al->sim_geography,
                     al->sim_time, al->sim_narrative};
    for (size_t k = 0; k < 5; k++)
        assert_true(dims[k] >= 0 && dims[k] <= 1);
    story_alignment_free(al);
    story_article_free(a);
    story_article_free(b);
    free(ta);
    free(tb);
    story_ctx_free(ctx);
}

static void test_errors(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    story_article *a = story_test_article(ctx, P[1], "en");
    story_alignment *al = (story_alignment *)1;
    story_error e;
    assert_int_equal(story_align(&al, ctx, a, NULL, NULL, NULL, NULL, &e),
                     STORY_EINVAL);
    assert_null(al);
    story_align_options o = STORY_ALIGN_OPTIONS_INIT;
    o.relation = 9;
    assert_int_equal(story_align(&al, ctx, a, NULL, a, NULL, &o, &e),
                     STORY_EINVAL);
    o.relation = -1;
    o.translate = "carrier-pigeon";
    story_article *b = story_test_article(ctx, P[2], "de");
    assert_int_equal(story_align(&al, ctx, a, NULL, b, NULL, &o, &e),
                     STORY_EINVAL);
    assert_non_null(strstr(e.message, "backend"));
    assert_string_equal(story_relation_name(STORY_REL_SAME_STORY),
                        "same-story");
    assert_string_equal(story_link_kind_name(STORY_LINK_MOVED), "moved");
    story_alignment_free(NULL);
    story_article_free(a);
    story_article_free(b);
    story_ctx_free(ctx);
}

static void test_lexicon(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    const story__lexicon *lx = NULL;
    story_error e;
    assert_int_equal(story__lexicon_get(&lx, ctx, "de", "en", &e), 0);
    assert_non_null(lx);
    assert_true(story__lexicon_size(lx) >= 30000);
    assert_true(story__lexicon_size(lx) <= 50000);
    const char *const *tr;
    size_t n = story__lexicon_lookup(lx, "krieg", 5, &tr);
    int found = 0;
    for (size_t i = 0; i < n; i++)
        found |= strcmp(tr[i], "war") == 0;
    assert_true(found);
    const story__lexicon *rx = NULL;
    assert_int_equal(story__lexicon_get(&rx, ctx, "en", "de", &e), 0);
    assert_non_null(rx);
    n = story__lexicon_lookup(rx, "war", 3, &tr);
    found = 0;
    for (size_t i = 0; i < n; i++)
        found |= strcmp(tr[i], "krieg") == 0;
    assert_true(found);
    /* a pair without a lexicon: none, no error; cached */
    const story__lexicon *none = (const story__lexicon *)1;
    assert_int_equal(story__lexicon_get(&none, ctx, "xx", "yy", &e), 0);
    assert_null(none);
    assert_int_equal(story__lexicon_get(&lx, ctx, "de", "en", &e), 0);
    assert_non_null(lx);
    story_ctx_free(ctx);
}

static const char *ES[] = {
    "El alcalde abrió el nuevo puente sobre el río.",
    "La lluvia fuerte cerró las escuelas durante tres días.",
    "El museo recibió 5000 visitantes ayer.",
    "La policía investiga el robo del banco."};
static const char *EN[] = {
    "The mayor opened the new bridge over the river.",
    "Heavy rain closed the schools for three days.",
    "The museum received 5000 visitors yesterday.",
    "The police investigates the bank theft."};

static void test_translate_http(void **state)
{
    (void)state;
    const char *src = getenv("STORYDIFF_SOURCE_DIR");
    if (!src)
        skip();
    char cmd[1024];
    snprintf(cmd, sizeof cmd,
             "python3 %s/tests/support/mt_server.py --timeout 30", src);
    FILE *srv = popen(cmd, "r");
    assert_non_null(srv);
    int port = 0;
    assert_int_equal(fscanf(srv, "PORT %d", &port), 1);
    assert_true(port > 0);
    char url[64];
    snprintf(url, sizeof url, "http://127.0.0.1:%d", port);
    story_ctx *ctx = story_test_ctx();
    /* one sentence per paragraph, B in a different order */
    size_t ia[] = {0, 1, 2, 3}, ib[] = {0, 2, 1, 3};
    char *ta = join(EN, ia, 4), *tb = join(ES, ib, 4);
    story_article *a = story_test_article(ctx, ta, "en");
    story_article *b = story_test_article(ctx, tb, "es");
    story_error e;
    char **tr = NULL;
    assert_int_equal(story__translate_sentences(&tr, ctx, url, b, "es", "en",
                                                0, &e),
                     0);
    assert_non_null(strstr(tr[0], "mayor"));
    story__translate_free(tr, b->n_sentences);
    story_align_options o = STORY_ALIGN_OPTIONS_INIT;
    o.translate = url;
    story_alignment *al = NULL;
    assert_int_equal(story_align(&al, ctx, a, NULL, b, NULL, &o, &e), 0);
    check_cover(al, a, b);
    /* A1 <-> B2 and A2 <-> B1: one of them is a moved link */
    const story_link *l1 = par_link_a(al, 1), *l2 = par_link_a(al, 2);
    assert_int_equal(l1->n_b, 1);
    assert_int_equal(l2->n_b, 1);
    assert_int_equal(l1->b, 2);
    assert_int_equal(l2->b, 1);
    assert_true(l1->kind == STORY_LINK_MOVED || l2->kind == STORY_LINK_MOVED);
    story_alignment_free(al);
    /* stop the server; the same URL then fails with a clear error */
    snprintf(cmd, sizeof cmd,
             "python3 -c \"import urllib.request as u; "
             "u.urlopen(u.Request('%s/shutdown', data=b''))\"",
             url);
    assert_int_equal(system(cmd), 0);
    pclose(srv);
    al = NULL;
    assert_int_equal(story_align(&al, ctx, a, NULL, b, NULL, &o, &e),
                     STORY_ETRANSLATE);
    assert_null(al);
    assert_non_null(strstr(e.message, "translation"));
    story_article_free(a);
    story_article_free(b);
    free(ta);
    free(tb);
    story_ctx_free(ctx);
}

static void test_translate_apertium(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    size_t i[] = {0, 1};
    char *ta = join(EN, i, 2), *tb = join(ES, i, 2);
    story_article *a = story_test_article(ctx, ta, "en");
    story_article *b = story_test_article(ctx, tb, "es");
    story_align_options o = STORY_ALIGN_OPTIONS_INIT;
    o.translate = "apertium";
    story_alignment *al = NULL;
    story_error e;
    char mode[256];
    int have = access("/usr/bin/apertium", X_OK) == 0 &&
               story__apertium_mode("/usr/share/apertium/modes", "es", "en",
                                    mode, sizeof mode);
    int rc = story_align(&al, ctx, a, NULL, b, NULL, &o, &e);
    if (have) {
        assert_int_equal(rc, 0);
        check_cover(al, a, b);
        assert_int_equal(par_link_a(al, 1)->b, 1);
    } else {
        /* optional: a clear error naming the missing piece */
        assert_int_equal(rc, STORY_ETRANSLATE);
        assert_non_null(strstr(e.message, "apertium"));
    }
    story_alignment_free(al);
    /* rus-ukr is known broken in Debian 12 */
    char **tr = NULL;
    story_article *u = story_test_article(ctx, "Тест.", "uk");
    rc = story__translate_sentences(&tr, ctx, "apertium", u, "uk", "ru", 0,
                                    &e);
    assert_int_equal(rc, STORY_ETRANSLATE);
    story_article_free(u);
    story_article_free(a);
    story_article_free(b);
    free(ta);
    free(tb);
    story_ctx_free(ctx);
}

/* Near-linear work on a large unrelated pair (no timing): a generated
 * pair of n units per side over a shared vocabulary, aligned at the
 * sentence level with the order-free pass, must take fewer than
 * LINEAR_C * n unit-pair similarity evaluations (an all-pairs order-free
 * pass over the leftovers alone takes about n * n). */
/* Verbatim moves are found however long the documents (M9): 1,200
 * template paragraphs (a unique report sentence and a repeated one),
 * shuffled, far beyond the all-pairs order-free scoring (MOVED_FULL).
 * No sentence with an identical twin on the other side is left omitted
 * or added. */
static void test_verbatim_moves_long(void **state)
{
    (void)state;
    enum { NPAR = 1200 };
    story_ctx *ctx = story_test_ctx();
    char **par = calloc(NPAR, sizeof *par);
    size_t *ia = calloc(NPAR, sizeof *ia), *ib = calloc(NPAR, sizeof *ib);
    assert_true(par && ia && ib);
    for (size_t i = 0; i < NPAR; i++) {
        par[i] = malloc(128);
        snprintf(par[i], 128,
                 "On day %zu the panel in Lakeside%zu counted %zu parcels, "
                 "staff said. The count went on.",
                 i, i % 40, (i * 7) % 1000);
        ia[i] = ib[i] = i;
    }
    uint32_t x = 2463534242u;
    for (size_t i = NPAR - 1; i > 1; i--) { /* the headline-like first
                                               paragraph stays first */
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        size_t j = 1 + x % i;
        size_t t = ib[i];
        ib[i] = ib[j];
        ib[j] = t;
    }
    char *ta = join((const char *const *)par, ia, NPAR);
    char *tb = join((const char *const *)par, ib, NPAR);
    story_article *a = story_test_article(ctx, ta, "en");
    story_article *b = story_test_article(ctx, tb, "en");
    story_alignment *al = NULL;
    story_error e;
    assert_int_equal(story_align(&al, ctx, a, NULL, b, NULL, NULL, &e), 0);
    check_cover(al, a, b);
    size_t left = 0, moved = 0;
    for (size_t k = 0; k < al->n_links; k++) {
        left += al->links[k].kind == STORY_LINK_OMITTED ||
                al->links[k].kind == STORY_LINK_ADDED;
        moved += al->links[k].kind == STORY_LINK_MOVED;
    }
    print_message("verbatim_moves_long: %zu links, %zu moved, %zu "
                  "omitted/added\n", al->n_links, moved, left);
    assert_int_equal(left, 0);
    assert_true(moved > NPAR / 2);
    story_alignment_free(al);
    story_article_free(a);
    story_article_free(b);
    for (size_t i = 0; i < NPAR; i++)
        free(par[i]);
    free(par);
    free(ia);
    free(ib);
    free(ta);
    free(tb);
    story_ctx_free(ctx);
}

#define GEN_N 1500
#define GEN_F 6
#define LINEAR_C 300
static uint32_t gen_next(uint32_t *x)
{
    *x = *x * 1664525u + 1013904223u;
    return *x >> 8;
}

static void gen_side(sd_side *s, size_t n, uint32_t nid, uint32_t seed)
{
    s->n = n;
    s->u = calloc(n, sizeof *s->u);
    assert_non_null(s->u);
    for (size_t i = 0; i < n; i++) {
        uint32_t *f = calloc(GEN_F, sizeof *f);
        assert_non_null(f);
        size_t nf = 0;
        while (nf < GEN_F) {
            uint32_t id = gen_next(&seed) % nid, k = 0;
            while (k < nf && f[k] < id)
                k++;
            if (k < nf && f[k] == id)
                continue;
            memmove(f + k + 1, f + k, (nf - k) * sizeof *f);
            f[k] = id;
            nf++;
        }
        s->u[i].f = f;
        s->u[i].nf = nf;
        s->u[i].chars = 60 + gen_next(&seed) % 80;
    }
}

static void test_linear_work(void **state)
{
    (void)state;
    const uint32_t nid = GEN_N; /* shared vocabulary: a few hits per unit */
    sd_space sp;
    word_space(&sp, nid);
    for (uint32_t id = 0; id < nid; id++) {
        sp.kind[id] = id % 5 ? SD_WORD : SD_NAME;
        sp.wa[id] = sp.wb[id] = 1.0f + (float)(id % 7) / 2.0f;
    }
    sd_side A, B;
    gen_side(&A, GEN_N, nid, 12345u);
    gen_side(&B, GEN_N, nid, 67890u);
    sd_link *l = NULL;
    size_t nl = 0;
    assert_int_equal(story__sd_align_units(&l, &nl, &sp, &A, &B, 1.0, 1, NULL),
                     0);
    /* every unit is covered exactly once */
    size_t ca = 0, cb = 0, moved = 0;
    for (size_t k = 0; k < nl; k++) {
        ca += l[k].na;
        cb += l[k].nb;
        moved += l[k].kind == STORY_LINK_MOVED;
    }
    assert_int_equal(ca, GEN_N);
    assert_int_equal(cb, GEN_N);
    print_message("linear_work: %zu links, %zu moved, %llu evaluations "
                  "(%.1f per unit)\n",
                  nl, moved, (unsigned long long)sp.n_eval,
                  (double)sp.n_eval / GEN_N);
    assert_true(sp.n_eval < (uint64_t)LINEAR_C * GEN_N);
    free(l);
    for (size_t i = 0; i < GEN_N; i++) {
        free(A.u[i].f);
        free(B.u[i].f);
    }
    free(A.u);
    free(B.u);
    word_space_free(&sp);
}

/* Session 7 (split_parts): a deleted sentence that shares two words with
 * its neighbour's translation rode along in a 2-1 link because the joined
 * lengths fit (the length term pays per unit) although it lowered the
 * link's similarity. Feature-level units written for the test: a1 is
 * translated by b1 (b1 twice as long), a2 is deleted and shares 2 of its 4
 * features with b1. Sentence level: a1-b1 and a2 omitted when b1's length
 * fits a1 alone; when it fits a1 + a2, the 2-1 link stays (a real merge,
 * session 7); paragraph level (no SD_SENTENCES): the 2-1 link stays
 * (translations merge paragraphs). */
static void set_unit(sd_unit *u, const uint32_t *f, size_t nf, size_t chars)
{
    u->f = malloc(nf * sizeof *u->f);
    memcpy(u->f, f, nf * sizeof *u->f);
    u->nf = nf;
    u->chars = chars;
}

static void test_split_riding_part(void **state)
{
    (void)state;
    const uint32_t nid = 100;
    sd_space sp;
    word_space(&sp, nid);
    static const uint32_t a0[] = {0, 1, 2, 3},
                          a1[] = {10, 11, 12, 13, 50, 51, 52, 53},
                          a2[] = {10, 11, 60, 61},
                          a3[] = {20, 21, 22, 23, 70, 71, 72, 73},
                          b0[] = {0, 1, 2, 3, 80, 81},
                          b1[] = {10, 11, 12, 13, 90, 91, 92, 93},
                          b2[] = {20, 21, 22, 23, 95, 96, 97, 98};
    sd_unit ua[4], ub[3];
    set_unit(&ua[0], a0, 4, 40);
    set_unit(&ua[1], a1, 8, 100);
    set_unit(&ua[2], a2, 4, 100);
    set_unit(&ua[3], a3, 8, 100);
    set_unit(&ub[0], b0, 6, 40);
    set_unit(&ub[1], b1, 8, 200);
    set_unit(&ub[2], b2, 8, 100);
    sd_side A = {ua, 4}, B = {ub, 3};
    /* round 0/1: b1 as long as a1 + a2 (a merge: the lengths keep the
     * 2-1 link at both levels); round 2/3: b1 about as long as a1 alone
     * (a2 rode along: split off at the sentence level) */
    for (int round = 0; round < 4; round++) {
        int sent = round & 1;
        if (round == 2)
            ub[1].chars = 110;
        sd_link *l = NULL;
        size_t nl = 0;
        assert_int_equal(
            story__sd_align_units(&l, &nl, &sp, &A, &B, 1.0,
                                  SD_REORDER | (sent ? SD_SENTENCES : 0), NULL),
            0);
        int a1b1 = 0, a2_omitted = 0, a12b1 = 0;
        for (size_t k = 0; k < nl; k++) {
            if (l[k].a == 1 && l[k].na == 1 && l[k].b == 1 && l[k].nb == 1)
                a1b1 = 1;
            if (l[k].a == 2 && l[k].na == 1 && l[k].nb == 0)
                a2_omitted = l[k].kind == STORY_LINK_OMITTED;
            if (l[k].a == 1 && l[k].na == 2 && l[k].b == 1 && l[k].nb == 1)
                a12b1 = 1;
        }
        if (round < 2) {
            assert_true(a12b1);
        } else if (sent) {
            assert_true(a1b1);
            assert_true(a2_omitted);
        }
        free(l);
    }
    for (size_t i = 0; i < 4; i++)
        free(ua[i].f);
    for (size_t j = 0; j < 3; j++)
        free(ub[j].f);
    word_space_free(&sp);
}

/* Session 8 (absorb): a merged passage translated shorter than its parts.
 * b1 holds all of a1 and most of a2 (a2's content is in b1, and b1's
 * coverage grows when a2 joins) but is much shorter than a1 + a2 (a
 * condensed translation: the joined length term is below absorb's usual
 * floor, though better than a1's alone). Feature-level units written for
 * the test: a1 + a2 linked to b1, nothing omitted. */
static void fill_ids(uint32_t *f, uint32_t from, uint32_t n)
{
    for (uint32_t k = 0; k < n; k++)
        f[k] = from + k;
}

static void test_condensed_merge(void **state)
{
    (void)state;
    const uint32_t nid = 200;
    sd_space sp;
    word_space(&sp, nid);
    /* units of 20+ features: the pair's typical link similarity is near
     * 1, so the DP weighs similarity, not length */
    uint32_t a0[20], a1[20], a2[10], a3[20], a4[20], b0[20], b1[32],
        b2[20], b3[24];
    fill_ids(a0, 0, 20);
    fill_ids(b0, 0, 20);
    fill_ids(a1, 100, 20);
    fill_ids(b1, 100, 20);
    fill_ids(b1 + 20, 140, 6);  /* most of a2 */
    fill_ids(b1 + 26, 170, 6);  /* b1's own words */
    fill_ids(a2, 140, 6);
    fill_ids(a2 + 6, 150, 4);   /* also in b3: a2's background */
    fill_ids(a3, 20, 20);
    fill_ids(b2, 20, 20);
    fill_ids(a4, 40, 20);
    fill_ids(b3, 40, 20);
    fill_ids(b3 + 20, 150, 4);
    sd_unit ua[5], ub[4];
    set_unit(&ua[0], a0, 20, 40);
    set_unit(&ua[1], a1, 20, 70);
    set_unit(&ua[2], a2, 10, 80);
    set_unit(&ua[3], a3, 20, 80);
    set_unit(&ua[4], a4, 20, 80);
    set_unit(&ub[0], b0, 20, 40);
    set_unit(&ub[1], b1, 32, 115);
    set_unit(&ub[2], b2, 20, 80);
    set_unit(&ub[3], b3, 24, 80);
    sd_side A = {ua, 5}, B = {ub, 4};
    sd_link *l = NULL;
    size_t nl = 0;
    assert_int_equal(story__sd_align_units(&l, &nl, &sp, &A, &B, 1.0,
                                           SD_REORDER | SD_SENTENCES, NULL),
                     0);
    int merged = 0, omitted = 0;
    for (size_t k = 0; k < nl; k++) {
        if (l[k].a == 1 && l[k].na == 2 && l[k].b == 1 && l[k].nb == 1 &&
            l[k].kind == STORY_LINK_MATCH)
            merged = 1;
        if (l[k].kind == STORY_LINK_OMITTED)
            omitted++;
    }
    assert_true(merged);
    assert_int_equal(omitted, 0);
    free(l);
    for (size_t i = 0; i < 5; i++)
        free(ua[i].f);
    for (size_t j = 0; j < 4; j++)
        free(ub[j].f);
    word_space_free(&sp);
}

/* Session 13: absorb joins an omitted A sentence to its neighbour's link
 * only when the joined run is at least as similar as the link was. a2
 * repeats names of a1 (ids 100-105, which b1 holds) and says something
 * else (ids 150-153, found elsewhere in B): its content is "contained"
 * in b1 at 0.6 and the joined lengths fit b1 better than a1 alone, but
 * joining it lowers the link's similarity. A deleted sentence, not a
 * merge part: it stays omitted and a1 - b1 stays 1-1. */
static void test_absorb_no_loss(void **state)
{
    (void)state;
    const uint32_t nid = 200;
    sd_space sp;
    word_space(&sp, nid);
    uint32_t a0[20], a1[20], a2[10], a3[20], a4[20], b0[20], b1[26],
        b2[20], b3[24];
    fill_ids(a0, 0, 20);
    fill_ids(b0, 0, 20);
    fill_ids(a1, 100, 20);
    fill_ids(b1, 100, 20);
    fill_ids(b1 + 20, 170, 6); /* b1's own words */
    fill_ids(a2, 100, 6);      /* names of a1 repeated */
    fill_ids(a2 + 6, 150, 4);  /* and words of b3 */
    fill_ids(a3, 20, 20);
    fill_ids(b2, 20, 20);
    fill_ids(a4, 40, 20);
    fill_ids(b3, 40, 20);
    fill_ids(b3 + 20, 150, 4);
    sd_unit ua[5], ub[4];
    set_unit(&ua[0], a0, 20, 40);
    set_unit(&ua[1], a1, 20, 70);
    set_unit(&ua[2], a2, 10, 45);
    set_unit(&ua[3], a3, 20, 80);
    set_unit(&ua[4], a4, 20, 80);
    set_unit(&ub[0], b0, 20, 40);
    set_unit(&ub[1], b1, 26, 115);
    set_unit(&ub[2], b2, 20, 80);
    set_unit(&ub[3], b3, 24, 84);
    sd_side A = {ua, 5}, B = {ub, 4};
    for (int sent = 0; sent < 2; sent++) {
        sd_link *l = NULL;
        size_t nl = 0;
        assert_int_equal(
            story__sd_align_units(&l, &nl, &sp, &A, &B, 1.0,
                                  SD_REORDER | (sent ? SD_SENTENCES : 0), NULL),
            0);
        int a1b1 = 0, a12b1 = 0, a2om = 0;
        for (size_t k = 0; k < nl; k++) {
            if (l[k].a == 1 && l[k].na == 1 && l[k].b == 1 &&
                l[k].nb == 1 && l[k].kind == STORY_LINK_MATCH)
                a1b1 = 1;
            if (l[k].a == 1 && l[k].na == 2 && l[k].b == 1 && l[k].nb == 1)
                a12b1 = 1;
            if (l[k].a == 2 && l[k].na == 1 && l[k].nb == 0 &&
                l[k].kind == STORY_LINK_OMITTED)
                a2om = 1;
        }
        /* paragraph passes keep the containment rule alone */
        assert_int_equal(a12b1, !sent);
        assert_int_equal(a1b1, sent);
        assert_int_equal(a2om, sent);
        free(l);
    }
    for (size_t i = 0; i < 5; i++)
        free(ua[i].f);
    for (size_t j = 0; j < 4; j++)
        free(ub[j].f);
    word_space_free(&sp);
}

/* Session 7: a Japanese compound the lexicon lacks (野生植物, "wild
 * plants"; 野生動物 until session 17) projects through its longest
 * headwords (野生 + 植物). */
static int projects_to(sd_pair *p, const char *fa, story_ctx *ctx,
                       const char *lang, const char *word)
{
    story_buf st = {0};
    assert_int_equal(story__stem(ctx, lang, word, strlen(word), &st, NULL),
                     0);
    char fb[64];
    snprintf(fb, sizeof fb, "w%s|%.*s", lang, (int)st.len, st.data);
    story_buf_free(&st);
    uint32_t ida = story__sd_intern_id(&p->sp.ids, fa, strlen(fa), 0, NULL);
    uint32_t idb = story__sd_intern_id(&p->sp.ids, fb, strlen(fb), 0, NULL);
    assert_int_not_equal(ida, UINT32_MAX);
    assert_int_not_equal(idb, UINT32_MAX);
    int found = 0;
    for (uint32_t q = p->sp.proj_off[ida]; q < p->sp.proj_off[ida + 1]; q++)
        found |= p->sp.proj[q] == idb;
    return found;
}

static void test_decompound(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    /* a compound absent from ja-en.tsv (野生動物 "wildlife" is a
     * headword since the lexicon keeps all of JMdict's words, session
     * 17) */
    const char *ta = "山の野生植物が町で見つかった。";
    const char *tb = "Wild plants from the mountains were found in the town.";
    story_article *a = story_test_article(ctx, ta, "ja");
    story_article *b = story_test_article(ctx, tb, "en");
    const story__lexicon *lx = NULL;
    story_error e;
    assert_int_equal(story__lexicon_get(&lx, ctx, "ja", "en", &e), 0);
    assert_non_null(lx);
    const char *const *tr;
    const char *cw = "野生植物";
    assert_int_equal(story__lexicon_lookup(lx, cw, strlen(cw), &tr), 0);
    sd_pair p;
    assert_int_equal(story__sd_pair_build(&p, ctx, a, NULL, b, NULL, NULL, &e),
                     0);
    assert_true(projects_to(&p, "wja|野生植物", ctx, "en", "plants"));
    assert_true(projects_to(&p, "wja|野生植物", ctx, "en", "wild"));
    story__sd_pair_free(&p);
    story_article_free(a);
    story_article_free(b);
    story_ctx_free(ctx);
}

/* Session of 2026-12-01: Chinese words JMdict lacks (啤酒 beer, 城市 city)
 * come from ICU's CJK dictionary glossed by their characters' Unihan
 * kDefinition (scripts/build-lexicon): an English word reaches the
 * Chinese word in both lookup directions and in a sentence pair. Sentences
 * written for the test. */
static void test_unihan_backoff(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    story_error e;
    const story__lexicon *zx = NULL, *ex = NULL;
    assert_int_equal(story__lexicon_get(&zx, ctx, "zh", "en", &e), 0);
    assert_int_equal(story__lexicon_get(&ex, ctx, "en", "zh", &e), 0);
    assert_non_null(zx);
    assert_non_null(ex);
    /* the JMdict words stay, the added ones are a few thousand more */
    assert_true(story__lexicon_size(zx) > 40000);
    assert_true(story__lexicon_size(zx) < 45000);
    static const struct {
        const char *zh, *en;
    } cases[] = {{"啤酒", "beer"}, {"城市", "city"}};
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        const char *const *tr;
        size_t n = story__lexicon_lookup(zx, cases[c].zh,
                                         strlen(cases[c].zh), &tr);
        int found = 0;
        for (size_t i = 0; i < n; i++)
            found |= strcmp(tr[i], cases[c].en) == 0;
        assert_true(found);
        n = story__lexicon_lookup(ex, cases[c].en, strlen(cases[c].en), &tr);
        found = 0;
        for (size_t i = 0; i < n; i++)
            found |= strcmp(tr[i], cases[c].zh) == 0;
        assert_true(found);
    }
    story_article *a =
        story_test_article(ctx, "The city sold more beer this summer.", "en");
    story_article *b =
        story_test_article(ctx, "今年夏天这个城市卖出了更多啤酒。", "zh");
    sd_pair p;
    assert_int_equal(story__sd_pair_build(&p, ctx, a, NULL, b, NULL, NULL, &e),
                     0);
    assert_true(projects_to(&p, "wen|beer", ctx, "zh", "啤酒"));
    assert_true(projects_to(&p, "wen|citi", ctx, "zh", "城市"));
    story__sd_pair_free(&p);
    story_article_free(a);
    story_article_free(b);
    story_ctx_free(ctx);
}

/* Session 7: a moved link between an omitted A unit and an added B unit
 * in link order no longer hides the gap: a2 and b1 (a translation without
 * lexical evidence, same length, between aligned neighbours) are linked
 * although a1's moved link stands between them. Feature-level units
 * written for the test. */
static void test_gap_across_moved(void **state)
{
    (void)state;
    const uint32_t nid = 100;
    sd_space sp;
    word_space(&sp, nid);
    for (uint32_t id = 0; id < nid; id++) {
        sp.match_a[id] = sp.match_b[id] = id < 40;
    }
    static const uint32_t a0[] = {0, 1, 2, 3}, a1[] = {10, 11, 12, 13, 14},
                          a2[] = {40, 41}, a3[] = {20, 21, 22, 23, 24},
                          a4[] = {30, 31, 32, 33},
                          b0[] = {0, 1, 2, 3}, b1[] = {50, 51},
                          b2[] = {20, 21, 22, 23, 24}, b3[] = {30, 31, 32, 33},
                          b4[] = {10, 11, 12, 13, 14};
    sd_unit ua[5], ub[5];
    set_unit(&ua[0], a0, 4, 40);
    set_unit(&ua[1], a1, 5, 100);
    set_unit(&ua[2], a2, 2, 80);
    set_unit(&ua[3], a3, 5, 100);
    set_unit(&ua[4], a4, 4, 90);
    set_unit(&ub[0], b0, 4, 40);
    set_unit(&ub[1], b1, 2, 80);
    set_unit(&ub[2], b2, 5, 100);
    set_unit(&ub[3], b3, 4, 90);
    set_unit(&ub[4], b4, 5, 100);
    sd_side A = {ua, 5}, B = {ub, 5};
    sd_link *l = NULL;
    size_t nl = 0;
    assert_int_equal(story__sd_align_units(&l, &nl, &sp, &A, &B, 1.0,
                                           SD_REORDER | SD_SENTENCES, NULL),
                     0);
    int a1_moved = 0, a2b1 = 0;
    for (size_t k = 0; k < nl; k++) {
        if (l[k].a == 1 && l[k].na == 1 && l[k].b == 4 && l[k].nb == 1)
            a1_moved = l[k].kind == STORY_LINK_MOVED;
        if (l[k].a == 2 && l[k].na == 1 && l[k].b == 1 && l[k].nb == 1)
            a2b1 = l[k].kind == STORY_LINK_MATCH;
    }
    assert_true(a1_moved);
    assert_true(a2b1);
    free(l);
    for (size_t i = 0; i < 5; i++) {
        free(ua[i].f);
        free(ub[i].f);
    }
    word_space_free(&sp);
}

/* Session 7 (swap_neighbours): a deleted unit a1 whose length fits b1
 * took the link from its neighbour a2, b1's translation (more shared
 * features; a2 and b1 are each other's best match), because the length
 * term paid more than the lexical gain. Feature-level units written for
 * the test: a2-b1 linked, a1 omitted. */
static void test_swap_neighbour(void **state)
{
    (void)state;
    const uint32_t nid = 100;
    sd_space sp;
    word_space(&sp, nid);
    static const uint32_t a0[] = {0, 1, 2, 3}, a1[] = {10, 11, 60, 61},
                          a2[] = {10, 11, 12, 63, 64, 65},
                          a3[] = {20, 21, 22, 23, 24, 25},
                          b0[] = {0, 1, 2, 3, 80, 81},
                          b1[] = {10, 11, 12, 90, 91, 92, 93, 94},
                          b2[] = {20, 21, 22, 95, 96, 97};
    sd_unit ua[4], ub[3];
    set_unit(&ua[0], a0, 4, 40);
    set_unit(&ua[1], a1, 4, 100);
    set_unit(&ua[2], a2, 6, 141);
    set_unit(&ua[3], a3, 6, 100);
    set_unit(&ub[0], b0, 6, 40);
    set_unit(&ub[1], b1, 8, 100);
    set_unit(&ub[2], b2, 6, 100);
    sd_side A = {ua, 4}, B = {ub, 3};
    sd_link *l = NULL;
    size_t nl = 0;
    assert_int_equal(story__sd_align_units(&l, &nl, &sp, &A, &B, 1.0,
                                           SD_REORDER | SD_SENTENCES, NULL),
                     0);
    int a2b1 = 0, a1_omitted = 0;
    size_t last_a = 0;
    for (size_t k = 0; k < nl; k++) {
        if (l[k].a == 2 && l[k].na == 1 && l[k].b == 1 && l[k].nb == 1)
            a2b1 = l[k].kind == STORY_LINK_MATCH;
        if (l[k].a == 1 && l[k].na == 1 && l[k].nb == 0)
            a1_omitted = l[k].kind == STORY_LINK_OMITTED;
        if (l[k].na) { /* links stay in A order */
            assert_true(l[k].a >= last_a);
            last_a = l[k].a;
        }
    }
    assert_true(a2b1);
    assert_true(a1_omitted);
    free(l);
    for (size_t i = 0; i < 4; i++)
        free(ua[i].f);
    for (size_t j = 0; j < 3; j++)
        free(ub[j].f);
    word_space_free(&sp);
}

/* Session 7: a deleted unit and an inserted one facing each other
 * between aligned neighbours, sharing nothing although each has a word
 * with a counterpart elsewhere, were linked on lengths that only roughly
 * agree (b1 1.35 x a1); now the lengths must agree closely. (A pair that
 * cannot show evidence at all keeps the loose rule: align_dims
 * test_relation_unevidenced_sentence.) Feature-level units written for
 * the test. */
static void test_gap_lengths_without_evidence(void **state)
{
    (void)state;
    const uint32_t nid = 100;
    sd_space sp;
    word_space(&sp, nid);
    for (uint32_t id = 0; id < nid; id++) {
        sp.match_a[id] = sp.match_b[id] = id < 40;
    }
    /* a1 and b1 each hold one word found elsewhere in the other text
     * (30, 31): they could show evidence, and share none */
    static const uint32_t a0[] = {0, 1, 2, 3, 31}, a1[] = {30, 40, 41, 42},
                          a2[] = {20, 21, 22, 23, 24},
                          b0[] = {0, 1, 2, 3, 30}, b1[] = {31, 50, 51, 52},
                          b2[] = {20, 21, 22, 23, 24};
    for (int close = 0; close < 2; close++) {
        sd_unit ua[3], ub[3];
        set_unit(&ua[0], a0, 5, 40);
        set_unit(&ua[1], a1, 4, 100);
        set_unit(&ua[2], a2, 5, 100);
        set_unit(&ub[0], b0, 5, 40);
        set_unit(&ub[1], b1, 4, close ? 105 : 135);
        set_unit(&ub[2], b2, 5, 100);
        sd_side A = {ua, 3}, B = {ub, 3};
        sd_link *l = NULL;
        size_t nl = 0;
        assert_int_equal(story__sd_align_units(&l, &nl, &sp, &A, &B, 1.0,
                                               SD_REORDER | SD_SENTENCES, NULL),
                         0);
        int a1b1 = 0;
        for (size_t k = 0; k < nl; k++)
            if (l[k].a == 1 && l[k].na == 1 && l[k].b == 1 && l[k].nb == 1)
                a1b1 = 1;
        /* lengths within a few percent: still a translation by Gale and
         * Church's length model; 1.35 x: a deletion plus an insertion */
        assert_int_equal(a1b1, close);
        free(l);
        for (size_t i = 0; i < 3; i++) {
            free(ua[i].f);
            free(ub[i].f);
        }
    }
    word_space_free(&sp);
}

/* Session 10 (foreign_moved): a deleted A unit (a3) and a B unit of
 * another story inserted elsewhere (b1) share two words, enough for the
 * order-free pass to link them as moved; but 8 of b1's 10 words have no
 * counterpart anywhere in A, while B's other units are reached whole.
 * Such a B unit is foreign to A: a3 stays omitted and b1 added. In the
 * control run b1 is a3 moved there and translated, with two words the
 * lexicon misses (6 of its 8 words reached): the moved link stays.
 * Feature-level units written for the test. */
static void test_foreign_moved(void **state)
{
    (void)state;
    const uint32_t nid = 100;
    static const uint32_t a0[] = {0, 1, 2, 3, 4, 5},
                          a1[] = {10, 11, 12, 13, 14, 15},
                          a2[] = {20, 21, 22, 23, 24, 25},
                          a3[] = {50, 51, 70, 71, 72, 73},
                          a4[] = {30, 31, 32, 33, 34, 35},
                          a5[] = {40, 41, 42, 43, 44, 45},
                          b1[] = {50, 51, 80, 81, 82, 83, 84, 85, 86, 87},
                          b1t[] = {50, 51, 70, 71, 72, 73, 80, 81};
    const uint32_t *af[] = {a0, a1, a2, a3, a4, a5};
    for (int moved = 0; moved < 2; moved++) {
        sd_space sp;
        word_space(&sp, nid);
        /* a3's own words have no counterpart in B (in the control run
         * they are in b1), b1's other words none in A */
        for (uint32_t id = 70; id < 74; id++)
            sp.match_a[id] = sp.match_b[id] = (uint8_t)moved;
        for (uint32_t id = 80; id < 88; id++)
            sp.match_b[id] = 0;
        const uint32_t *bf[] = {a0, moved ? b1t : b1, a1, a2, a4, a5};
        size_t nb1 = moved ? 8 : 10;
        sd_unit ua[6], ub[6];
        for (size_t i = 0; i < 6; i++)
            set_unit(&ua[i], af[i], 6, 100);
        for (size_t j = 0; j < 6; j++)
            set_unit(&ub[j], bf[j], j == 1 ? nb1 : 6, j == 1 ? 140 : 100);
        sd_side A = {ua, 6}, B = {ub, 6};
        sd_link *l = NULL;
        size_t nl = 0;
        assert_int_equal(story__sd_align_units(&l, &nl, &sp, &A, &B, 1.0,
                                               SD_REORDER | SD_SENTENCES, NULL),
                         0);
        int a3b1 = 0, a3_omitted = 0, b1_added = 0;
        for (size_t k = 0; k < nl; k++) {
            if (l[k].na == 1 && l[k].a == 3 && l[k].nb == 1 && l[k].b == 1)
                a3b1 = l[k].kind == STORY_LINK_MOVED;
            if (l[k].na == 1 && l[k].a == 3 && l[k].nb == 0)
                a3_omitted = 1;
            if (l[k].na == 0 && l[k].nb == 1 && l[k].b == 1)
                b1_added = 1;
        }
        assert_int_equal(a3b1, moved);
        assert_int_equal(a3_omitted, !moved);
        assert_int_equal(b1_added, !moved);
        free(l);
        for (size_t i = 0; i < 6; i++) {
            free(ua[i].f);
            free(ub[i].f);
        }
        word_space_free(&sp);
    }
}


/* Of links l[0..nl): *linked = A unit a and B unit b share a 1-1 link of
 * kind `kind`; *a_omitted = a is alone (1-0); *b_added = b is alone (0-1). */
static void one_to_one(const sd_link *l, size_t nl, size_t a, size_t b,
                       story_link_kind kind, int *linked, int *a_omitted,
                       int *b_added)
{
    *linked = *a_omitted = *b_added = 0;
    for (size_t k = 0; k < nl; k++) {
        if (l[k].na == 1 && l[k].a == a && l[k].nb == 1 && l[k].b == b)
            *linked = l[k].kind == (int)kind;
        if (l[k].na == 1 && l[k].a == a && l[k].nb == 0)
            *a_omitted = 1;
        if (l[k].na == 0 && l[k].nb == 1 && l[k].b == b)
            *b_added = 1;
    }
}

/* Frees the features of units ua[0..n) and ub[0..n) and the word space. */
static void units_free(sd_unit *ua, sd_unit *ub, size_t n, sd_space *sp)
{
    for (size_t i = 0; i < n; i++) {
        free(ua[i].f);
        free(ub[i].f);
    }
    word_space_free(sp);
}

/* Session 16 (moved_len_conflict): A's third sentence was deleted and B
 * ends with a sentence on the same topic sharing four of its six words
 * (the similarity alone makes an order-free "moved" pair). Of the same
 * length it is moved (control); four times as long, far beyond the
 * length spread of a translation, and sharing no number or name, the two
 * stay omitted and added; the same long sentence sharing a name (an
 * anchor) is moved again. Feature-level units written for the test. */
static void test_moved_length_conflict(void **state)
{
    (void)state;
    const uint32_t nid = 100;
    static const uint32_t a0[] = {0, 1, 2, 3, 4, 5},
                          a1[] = {10, 11, 12, 13, 14, 15},
                          a2[] = {20, 21, 22, 23, 24, 25},
                          a3[] = {30, 31, 32, 33, 34, 35},
                          a4[] = {40, 41, 42, 43, 44, 45},
                          a5[] = {50, 51, 52, 53, 54, 55},
                          b5[] = {20, 21, 22, 23, 90, 91};
    const uint32_t *af[] = {a0, a1, a2, a3, a4, a5};
    const uint32_t *bf[] = {a0, a1, a3, a4, a5, b5};
    /* run 0: same length; 1: four times as long; 2: as long, a name
     * shared */
    for (int run = 0; run < 3; run++) {
        sd_space sp;
        word_space(&sp, nid);
        if (run == 2)
            sp.kind[20] = SD_NAME;
        sd_unit ua[6], ub[6];
        for (size_t i = 0; i < 6; i++) {
            set_unit(&ua[i], af[i], 6, 100);
            set_unit(&ub[i], bf[i], 6, i == 5 && run ? 400 : 100);
        }
        sd_side A = {ua, 6}, B = {ub, 6};
        sd_link *l = NULL;
        size_t nl = 0;
        assert_int_equal(story__sd_align_units(&l, &nl, &sp, &A, &B, 1.0,
                                               SD_REORDER | SD_SENTENCES, NULL),
                         0);
        int a2b5, a2_omitted, b5_added;
        one_to_one(l, nl, 2, 5, STORY_LINK_MOVED, &a2b5, &a2_omitted,
                   &b5_added);
        assert_int_equal(a2b5, run != 1);
        assert_int_equal(a2_omitted, run == 1);
        assert_int_equal(b5_added, run == 1);
        free(l);
        units_free(ua, ub, 6, &sp);
    }
}

/* Session 15 (foreign_moved, paragraph passes): A's third paragraph
 * was deleted and a paragraph of another story stands in its place in B,
 * sharing one of its words (a place name, say) and the length. The gap
 * steps link the two in order; in a paragraph pass the B paragraph,
 * whose other words nothing in A reaches, is undone: a2 omitted, b2
 * added. A sentence pass keeps such an in-order link (there a gap pair
 * between aligned neighbours is more often a translation the lexicon
 * misses; session 17's foreign_inorder needs a similarity below 0.2
 * level, and the one shared word gives more here), and so does a
 * paragraph pass where the link is similar enough to stand as an
 * order-free link (half of b2's words reached would do; here three words
 * shared). Feature-level units written for the test. */
static void test_foreign_paragraph(void **state)
{
    (void)state;
    const uint32_t nid = 100;
    static const uint32_t a0[] = {0, 1, 2, 3, 4, 5},
                          a1[] = {10, 11, 12, 13, 14, 15},
                          a2[] = {20, 21, 22, 23, 24, 25},
                          a3[] = {30, 31, 32, 33, 34, 35},
                          a4[] = {40, 41, 42, 43, 44, 45},
                          b2[] = {20, 80, 81, 82, 83, 84, 85},
                          b2s[] = {20, 21, 22, 80, 81, 82, 83, 84, 85};
    const uint32_t *af[] = {a0, a1, a2, a3, a4};
    /* case 0: paragraphs; 1: sentences; 2: paragraphs, three shared */
    for (int c = 0; c < 3; c++) {
        sd_space sp;
        word_space(&sp, nid);
        for (uint32_t id = 80; id < 86; id++)
            sp.match_b[id] = 0;
        const uint32_t *bf[] = {a0, a1, c == 2 ? b2s : b2, a3, a4};
        sd_unit ua[5], ub[5];
        for (size_t i = 0; i < 5; i++) {
            set_unit(&ua[i], af[i], 6, 100);
            set_unit(&ub[i], bf[i], i != 2 ? 6 : c == 2 ? 9 : 7, 100);
        }
        sd_side A = {ua, 5}, B = {ub, 5};
        sd_link *l = NULL;
        size_t nl = 0;
        int fl = SD_REORDER | (c == 1 ? SD_SENTENCES : SD_PARAGRAPHS);
        assert_int_equal(
            story__sd_align_units(&l, &nl, &sp, &A, &B, 1.0, fl, NULL), 0);
        int a2b2, a2_omitted, b2_added;
        one_to_one(l, nl, 2, 2, STORY_LINK_MATCH, &a2b2, &a2_omitted,
                   &b2_added);
        assert_int_equal(a2b2, c != 0);
        assert_int_equal(a2_omitted, c == 0);
        assert_int_equal(b2_added, c == 0);
        free(l);
        units_free(ua, ub, 5, &sp);
    }
}

/* Session 9 (len_term): the lengths of short sentences vary more. The
 * last pair is a short sentence and its translation ("Stay tuned!" for a
 * Japanese sentence of 8 code points, at a document ratio of 3: 11 code
 * points where 24 are expected) sharing a little evidence. At SIGMA alone
 * its length term is -2 and the pair stays omitted + added; with the
 * widening for short sentences it is linked in a sentence pass (a
 * paragraph pass keeps the plain SIGMA). Feature-level units written for
 * the test. */
static void test_short_sentence_lengths(void **state)
{
    (void)state;
    const uint32_t nid = 100;
    sd_space sp;
    word_space(&sp, nid);
    static const uint32_t a0[] = {0, 1, 2, 3, 4, 5},
                          a1[] = {10, 11, 12, 13, 14, 15},
                          a2[] = {20, 21, 22, 23, 24, 25},
                          a3[] = {30, 31, 40, 41, 42},
                          b0[] = {0, 1, 2, 3, 4, 5},
                          b1[] = {10, 11, 12, 13, 14, 15},
                          b2[] = {20, 21, 22, 23, 24, 25},
                          b3[] = {30, 31, 50, 51, 52};
    for (int sent = 0; sent < 2; sent++) {
        sd_unit ua[4], ub[4];
        set_unit(&ua[0], a0, 6, 40);
        set_unit(&ua[1], a1, 6, 100);
        set_unit(&ua[2], a2, 6, 100);
        set_unit(&ua[3], a3, 5, 8);
        set_unit(&ub[0], b0, 6, 120);
        set_unit(&ub[1], b1, 6, 300);
        set_unit(&ub[2], b2, 6, 300);
        set_unit(&ub[3], b3, 5, 11);
        sd_side A = {ua, 4}, B = {ub, 4};
        sd_link *l = NULL;
        size_t nl = 0;
        assert_int_equal(
            story__sd_align_units(&l, &nl, &sp, &A, &B, 3.0,
                                  SD_REORDER | (sent ? SD_SENTENCES : 0), NULL),
            0);
        int a3b3 = 0;
        for (size_t k = 0; k < nl; k++)
            if (l[k].a == 3 && l[k].na == 1 && l[k].b == 3 && l[k].nb == 1)
                a3b3 = l[k].kind == STORY_LINK_MATCH;
        assert_int_equal(a3b3, sent);
        free(l);
        for (size_t i = 0; i < 4; i++) {
            free(ua[i].f);
            free(ub[i].f);
        }
    }
    word_space_free(&sp);
}

/* Session 12 (LEN_RUN21): a deleted A sentence a2 next to a1, whose
 * translation b1 came out 20% longer than a1 (length term 0.6). a2 shares
 * one word of b1 (contained enough for a run's part, too little for
 * absorb), and a1 + a2 fit b1's length exactly. Paying the length reward
 * per unit (1.5 x for a 2-1 link) bought the 2-1 link; in sentence passes
 * a 2-1 link earns it for 0.5 unit, so a1 - b1 is linked 1-1 and a2 is
 * omitted. Paragraph passes keep the per-unit reward (paragraph F1 fell
 * 0.979 -> 0.967 with the rule there), and so do 1-2 links (the same
 * units with the sides swapped: a translator's split sentence stays one
 * link). Feature-level units written for the test (ratio 1, two of eight
 * words shared by each translated pair). */
static void test_length_reward_runs(void **state)
{
    (void)state;
    const uint32_t nid = 200;
    sd_space sp;
    word_space(&sp, nid);
    static const uint32_t a0[] = {0, 1, 100, 101, 102, 103, 104, 105},
                          a1[] = {10, 11, 106, 107, 108, 109, 110, 111},
                          a2[] = {14, 60, 61, 62, 63, 64, 65, 66},
                          a3[] = {20, 21, 112, 113, 114, 115, 116, 117},
                          a4[] = {30, 31, 140, 141, 142, 143, 144, 145},
                          b0[] = {0, 1, 120, 121, 122, 123, 124, 125},
                          b1[] = {10, 11, 14, 126, 127, 128, 129, 130, 131},
                          b2[] = {20, 21, 132, 133, 134, 135, 136, 137},
                          b3[] = {30, 31, 150, 151, 152, 153, 154, 155};
    for (int sent = 0; sent < 2; sent++) {
        sd_unit ua[5], ub[4];
        set_unit(&ua[0], a0, 8, 60);
        set_unit(&ua[1], a1, 8, 100);
        set_unit(&ua[2], a2, 8, 20);
        set_unit(&ua[3], a3, 8, 100);
        set_unit(&ua[4], a4, 8, 100);
        set_unit(&ub[0], b0, 8, 60);
        set_unit(&ub[1], b1, 9, 120);
        set_unit(&ub[2], b2, 8, 100);
        set_unit(&ub[3], b3, 8, 100);
        sd_side A = {ua, 5}, B = {ub, 4};
        sd_link *l = NULL;
        size_t nl = 0;
        /* swapped: a1 - b1 + b2 is a 1-2 link in both passes */
        assert_int_equal(
            story__sd_align_units(&l, &nl, &sp, &B, &A, 1.0,
                                  SD_REORDER | (sent ? SD_SENTENCES : 0), NULL),
            0);
        int b1a12 = 0;
        for (size_t k = 0; k < nl; k++)
            if (l[k].a == 1 && l[k].na == 1 && l[k].b == 1 &&
                l[k].nb == 2 && l[k].kind == STORY_LINK_MATCH)
                b1a12 = 1;
        assert_true(b1a12);
        free(l);
        l = NULL;
        assert_int_equal(
            story__sd_align_units(&l, &nl, &sp, &A, &B, 1.0,
                                  SD_REORDER | (sent ? SD_SENTENCES : 0), NULL),
            0);
        int a1b1 = 0, a12b1 = 0, a2om = 0, a3b2 = 0;
        for (size_t k = 0; k < nl; k++) {
            const sd_link *x = &l[k];
            if (x->a == 1 && x->na == 1 && x->b == 1 && x->nb == 1 &&
                x->kind == STORY_LINK_MATCH)
                a1b1 = 1;
            if (x->a == 1 && x->na == 2 && x->b == 1 && x->nb == 1)
                a12b1 = 1;
            if (x->a == 2 && x->na == 1 && x->nb == 0 &&
                x->kind == STORY_LINK_OMITTED)
                a2om = 1;
            if (x->a == 3 && x->na == 1 && x->b == 2 && x->nb == 1 &&
                x->kind == STORY_LINK_MATCH)
                a3b2 = 1;
        }
        assert_int_equal(a1b1, sent);
        assert_int_equal(a2om, sent);
        assert_int_equal(a12b1, !sent);
        assert_true(a3b2);
        free(l);
        for (size_t i = 0; i < 5; i++)
            free(ua[i].f);
        for (size_t i = 0; i < 4; i++)
            free(ub[i].f);
    }
    word_space_free(&sp);
}

/* Session 11 (coherent_gaps): between two aligned neighbours, a1 and b1
 * share nothing and their lengths differ by 1.4 x (length term 0.3:
 * below the length-only gap rules), so the earlier passes leave a1
 * omitted and b1 added. When b1 shares half of its words with B's
 * aligned units (names and terms of B's story that A's lexicon does not
 * reach: a translation the lexicon misses), the pair is linked; when its words are found nowhere
 * else in B (a passage of another story inserted there), the two stay
 * apart. Feature-level units written for the test. */
static void test_coherent_gap(void **state)
{
    (void)state;
    const uint32_t nid = 100;
    /* a1 and b1 each hold one word found elsewhere in the other text
     * (30, 31): they could show evidence, and share none */
    static const uint32_t a0[] = {0, 1, 2, 3, 4, 5, 31},
                          a1[] = {30, 60, 61, 62},
                          a2[] = {20, 21, 22, 23, 24, 25},
                          b0[] = {0, 1, 2, 3, 4, 5, 30, 90},
                          b1c[] = {31, 90, 91, 70},
                          b1f[] = {31, 80, 81, 70},
                          b2[] = {20, 21, 22, 23, 24, 25, 91};
    for (int coherent = 0; coherent < 2; coherent++) {
        sd_space sp;
        word_space(&sp, nid);
        for (uint32_t id = 60; id < nid; id++)
            sp.match_a[id] = sp.match_b[id] = 0;
        sd_unit ua[3], ub[3];
        set_unit(&ua[0], a0, 7, 100);
        set_unit(&ua[1], a1, 4, 100);
        set_unit(&ua[2], a2, 6, 100);
        set_unit(&ub[0], b0, 8, 100);
        set_unit(&ub[1], coherent ? b1c : b1f, 4, 141);
        set_unit(&ub[2], b2, 7, 100);
        sd_side A = {ua, 3}, B = {ub, 3};
        sd_link *l = NULL;
        size_t nl = 0;
        assert_int_equal(story__sd_align_units(&l, &nl, &sp, &A, &B, 1.0,
                                               SD_REORDER | SD_SENTENCES, NULL),
                         0);
        int a1b1 = 0, a1_omitted = 0;
        for (size_t k = 0; k < nl; k++) {
            if (l[k].a == 1 && l[k].na == 1 && l[k].b == 1 && l[k].nb == 1)
                a1b1 = l[k].kind == STORY_LINK_MATCH;
            if (l[k].a == 1 && l[k].na == 1 && l[k].nb == 0)
                a1_omitted = 1;
        }
        assert_int_equal(a1b1, coherent);
        assert_int_equal(a1_omitted, !coherent);
        free(l);
        for (size_t i = 0; i < 3; i++) {
            free(ua[i].f);
            free(ub[i].f);
        }
        word_space_free(&sp);
    }
}

/* Session 17 (foreign_inorder): a gap pair without lexical evidence that
 * the gap steps link on lengths alone (a1-b1: neither has a feature with a
 * counterpart in the other text but a1's word 5, so they cannot be
 * "unrelated", and a1 could show evidence: session 17's guard) is undone
 * when the B unit's weight lies in features found nowhere in A and B's
 * aligned sentences share none of them (an inserted passage of another
 * story facing a deleted sentence); the same B unit whose words recur in
 * its aligned neighbours (B's own story, a translation the lexicon
 * misses) keeps its link. */
static void test_foreign_inorder(void **state)
{
    (void)state;
    const uint32_t nid = 100;
    static const uint32_t a0[] = {0, 1, 2, 3, 4, 5},
                          a1[] = {5, 60, 61, 62},
                          a2[] = {20, 21, 22, 23, 24, 25},
                          b0f[] = {0, 1, 2, 3, 4, 5},
                          b0c[] = {0, 1, 2, 3, 4, 5, 80, 81, 82, 83, 84},
                          b1[] = {80, 81, 82, 83, 84, 85, 86, 87, 88, 89},
                          b2f[] = {20, 21, 22, 23, 24, 25},
                          b2c[] = {20, 21, 22, 23, 24, 25, 85, 86, 87, 88,
                                   89};
    for (int coherent = 0; coherent < 2; coherent++) {
        sd_space sp;
        word_space(&sp, nid);
        for (uint32_t id = 60; id < nid; id++)
            sp.match_a[id] = sp.match_b[id] = 0;
        sd_unit ua[3], ub[3];
        set_unit(&ua[0], a0, 6, 100);
        set_unit(&ua[1], a1, 4, 100);
        set_unit(&ua[2], a2, 6, 100);
        set_unit(&ub[0], coherent ? b0c : b0f, coherent ? 11 : 6, 100);
        set_unit(&ub[1], b1, 10, 100);
        set_unit(&ub[2], coherent ? b2c : b2f, coherent ? 11 : 6, 100);
        sd_side A = {ua, 3}, B = {ub, 3};
        sd_link *l = NULL;
        size_t nl = 0;
        assert_int_equal(story__sd_align_units(&l, &nl, &sp, &A, &B, 1.0,
                                               SD_REORDER | SD_SENTENCES, NULL),
                         0);
        int a0b0 = 0, a1b1 = 0, a2b2 = 0, a1_omitted = 0, b1_added = 0;
        for (size_t k = 0; k < nl; k++) {
            int one = l[k].na == 1 && l[k].nb == 1 &&
                      l[k].kind == STORY_LINK_MATCH;
            a0b0 |= one && l[k].a == 0 && l[k].b == 0;
            a1b1 |= one && l[k].a == 1 && l[k].b == 1;
            a2b2 |= one && l[k].a == 2 && l[k].b == 2;
            a1_omitted |= l[k].a == 1 && l[k].na == 1 && l[k].nb == 0;
            b1_added |= l[k].b == 1 && l[k].nb == 1 && l[k].na == 0;
        }
        assert_true(a0b0);
        assert_true(a2b2);
        assert_int_equal(a1b1, coherent);
        assert_int_equal(a1_omitted, !coherent);
        assert_int_equal(b1_added, !coherent);
        free(l);
        for (size_t i = 0; i < 3; i++) {
            free(ua[i].f);
            free(ub[i].f);
        }
        word_space_free(&sp);
    }
}

/* Session 18: foreign_inorder counts a B unit's unreached weight only
 * in features A could reach at all (known_b). The same three sentences as
 * test_foreign_inorder (an A sentence sharing nothing with a B sentence
 * of ten words found nowhere in A, linked in order on lengths): when a
 * lexicon knows those ten words, the link is undone; when it does not
 * (a pair without a lexicon, where a faithful translation is linked on
 * lengths alone and every B word is unreached), the link stays. */
static void test_foreign_inorder_known(void **state)
{
    (void)state;
    const uint32_t nid = 100;
    static const uint32_t a0[] = {0, 1, 2, 3, 4, 5},
                          a1[] = {5, 60, 61, 62},
                          a2[] = {20, 21, 22, 23, 24, 25},
                          b0[] = {0, 1, 2, 3, 4, 5},
                          b1[] = {80, 81, 82, 83, 84, 85, 86, 87, 88, 89},
                          b2[] = {20, 21, 22, 23, 24, 25};
    for (int known = 0; known < 2; known++) {
        sd_space sp;
        word_space(&sp, nid);
        for (uint32_t id = 60; id < nid; id++)
            sp.match_a[id] = sp.match_b[id] = 0;
        for (uint32_t id = 80; id < 90; id++)
            sp.known_b[id] = (uint8_t)known;
        sd_unit ua[3], ub[3];
        set_unit(&ua[0], a0, 6, 100);
        set_unit(&ua[1], a1, 4, 100);
        set_unit(&ua[2], a2, 6, 100);
        set_unit(&ub[0], b0, 6, 100);
        set_unit(&ub[1], b1, 10, 100);
        set_unit(&ub[2], b2, 6, 100);
        sd_side A = {ua, 3}, B = {ub, 3};
        sd_link *l = NULL;
        size_t nl = 0;
        assert_int_equal(story__sd_align_units(&l, &nl, &sp, &A, &B, 1.0,
                                               SD_REORDER | SD_SENTENCES, NULL),
                         0);
        int a1b1 = 0, a1_omitted = 0;
        for (size_t k = 0; k < nl; k++) {
            a1b1 |= l[k].na == 1 && l[k].nb == 1 && l[k].a == 1 &&
                    l[k].b == 1 && l[k].kind == STORY_LINK_MATCH;
            a1_omitted |= l[k].a == 1 && l[k].na == 1 && l[k].nb == 0;
        }
        assert_int_equal(a1b1, !known);
        assert_int_equal(a1_omitted, known);
        free(l);
        for (size_t i = 0; i < 3; i++) {
            free(ua[i].f);
            free(ub[i].f);
        }
        word_space_free(&sp);
    }
}

/* Session 19: foreign_inorder's second tier. A deleted A sentence a1
 * linked in order to an inserted B sentence b1 on a word the two happen
 * to share (similarity between 0.2 and 0.6 x level, above the first
 * tier's bound) is undone when a1 matches another B unit better (b2,
 * four shared words, taken by a2), b1 holds ten words found nowhere
 * in A and shares nothing with B's aligned text. The link stays when b1
 * repeats words of its aligned neighbours (variant 1) or when b1 is a1's
 * best partner (variant 2: b2 without a1's words), and in a same-language
 * pair (variant 3: two translations of one text). */
static void test_foreign_inorder_elsewhere(void **state)
{
    (void)state;
    const uint32_t nid = 100;
    static const uint32_t a0[] = {0, 1, 2, 3, 4, 5},
                          a1[] = {40, 41, 42, 43, 44, 60},
                          a2[] = {20, 21, 22, 23, 24, 25},
                          a3[] = {30, 31, 32, 33, 34, 35},
                          b0[] = {0, 1, 2, 3, 4, 5},
                          b1[] = {40, 80, 81, 82, 83, 84, 85, 86, 87, 88,
                                  89},
                          b1c[] = {40, 80, 81, 82, 83, 84, 85, 86, 87, 88,
                                   89, 0, 1, 30, 31},
                          b2[] = {20, 21, 22, 23, 24, 25, 41, 42, 43, 44},
                          b3[] = {30, 31, 32, 33, 34, 35};
    for (int variant = 0; variant < 4; variant++) {
        sd_space sp;
        word_space(&sp, nid);
        sp.cross = variant != 3;
        sp.match_a[60] = 0;
        for (uint32_t id = 80; id < 90; id++)
            sp.match_b[id] = 0;
        sd_unit ua[4], ub[4];
        set_unit(&ua[0], a0, 6, 100);
        set_unit(&ua[1], a1, 6, 100);
        set_unit(&ua[2], a2, 6, 100);
        set_unit(&ua[3], a3, 6, 100);
        set_unit(&ub[0], b0, 6, 100);
        if (variant == 1)
            set_unit(&ub[1], b1c, 15, 100);
        else
            set_unit(&ub[1], b1, 11, 100);
        set_unit(&ub[2], b2, variant == 2 ? 6 : 10, 100);
        set_unit(&ub[3], b3, 6, 100);
        sd_side A = {ua, 4}, B = {ub, 4};
        sd_link *l = NULL;
        size_t nl = 0;
        assert_int_equal(story__sd_align_units(&l, &nl, &sp, &A, &B, 1.0,
                                               SD_REORDER | SD_SENTENCES, NULL),
                         0);
        int a1b1 = 0, a2b2 = 0, a1_omitted = 0, b1_added = 0;
        for (size_t k = 0; k < nl; k++) {
            int one = l[k].na == 1 && l[k].nb == 1 &&
                      l[k].kind == STORY_LINK_MATCH;
            a1b1 |= one && l[k].a == 1 && l[k].b == 1;
            a2b2 |= one && l[k].a == 2 && l[k].b == 2;
            a1_omitted |= l[k].a == 1 && l[k].na == 1 && l[k].nb == 0;
            b1_added |= l[k].b == 1 && l[k].nb == 1 && l[k].na == 0;
        }
        assert_true(a2b2);
        assert_int_equal(a1b1, variant != 0);
        assert_int_equal(a1_omitted, variant == 0);
        assert_int_equal(b1_added, variant == 0);
        free(l);
        for (size_t i = 0; i < 4; i++) {
            free(ua[i].f);
            free(ub[i].f);
        }
        word_space_free(&sp);
    }
}

/* known_b of a pair's B features (session 18): an en-de pair knows a
 * German word of the de-en lexicon and not an invented one, and its
 * numbers and names; an en-uk pair (no lexicon) knows no Ukrainian word
 * but still its numbers; a same-language pair knows everything. */
static int known_feature(sd_pair *p, const char *s)
{
    uint32_t id = story__sd_intern_id(&p->sp.ids, s, strlen(s), 0, NULL);
    assert_true(id != UINT32_MAX);
    return p->sp.known_b[id];
}

static void test_known_features(void **state)
{
    (void)state;
    story_ctx *ctx = story_test_ctx();
    const char *ta = "The council will build a bridge for 14 million dollars.";
    const char *tb_de = "Der Rat baut eine Brücke für 14 Millionen Dollar. "
                        "Die plimverkung bleibt.";
    const char *tb_uk = "Рада збудує міст за 14 мільйонів доларів.";
    const char *tb_en = "The council builds a bridge for 14 million.";
    story_article *a = story_test_article(ctx, ta, "en");
    story_article *bde = story_test_article(ctx, tb_de, "de");
    story_article *buk = story_test_article(ctx, tb_uk, "uk");
    story_article *ben = story_test_article(ctx, tb_en, "en");
    sd_pair p;
    story_error e;
    story_buf st = {0};
    char want[96];
    /* en-de */
    assert_int_equal(story__sd_pair_build(&p, ctx, a, NULL, bde, NULL, NULL, &e),
                     0);
    assert_int_equal(story__stem(ctx, "de", "brücke", strlen("brücke"), &st,
                                 NULL),
                     0);
    snprintf(want, sizeof want, "wde|%.*s", (int)st.len, st.data);
    assert_true(known_feature(&p, want));
    st.len = 0;
    assert_int_equal(story__stem(ctx, "de", "plimverkung",
                                 strlen("plimverkung"), &st, NULL),
                     0);
    snprintf(want, sizeof want, "wde|%.*s", (int)st.len, st.data);
    assert_false(known_feature(&p, want));
    int numbers = 0;
    for (size_t id = 0; id < p.sp.ids.n; id++)
        if (p.sp.kind[id] == SD_NUMBER) {
            numbers++;
            assert_true(p.sp.known_b[id]);
        }
    assert_true(numbers > 0);
    story__sd_pair_free(&p);
    /* en-uk: no lexicon */
    assert_int_equal(story__sd_pair_build(&p, ctx, a, NULL, buk, NULL, NULL, &e),
                     0);
    int uk_words = 0;
    numbers = 0;
    for (size_t id = 0; id < p.sp.ids.n; id++) {
        const char *f = p.sp.ids.str[id];
        if (strncmp(f, "wuk|", 4) == 0) {
            uk_words++;
            assert_false(p.sp.known_b[id]);
        }
        if (p.sp.kind[id] == SD_NUMBER) {
            numbers++;
            assert_true(p.sp.known_b[id]);
        }
    }
    assert_true(uk_words >= 3);
    assert_true(numbers > 0);
    story__sd_pair_free(&p);
    /* en-en */
    assert_int_equal(story__sd_pair_build(&p, ctx, a, NULL, ben, NULL, NULL, &e),
                     0);
    size_t nb = 0;
    for (size_t i = 0; i < p.sb.n; i++)
        for (size_t j = 0; j < p.sb.u[i].nf; j++, nb++)
            assert_true(p.sp.known_b[p.sb.u[i].f[j]]);
    assert_true(nb >= 4);
    story__sd_pair_free(&p);
    story_buf_free(&st);
    story_article_free(a);
    story_article_free(bde);
    story_article_free(buk);
    story_article_free(ben);
    story_ctx_free(ctx);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_identical),
        cmocka_unit_test(test_rewrite_moved_omitted_added),
        cmocka_unit_test(test_translation_de_en),
        cmocka_unit_test(test_different_story),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_lexicon),
        cmocka_unit_test(test_more_lexicons),
        cmocka_unit_test(test_apertium_lexicon),
        cmocka_unit_test(test_initial_capital_not_name),
        cmocka_unit_test(test_merged_translation),
        cmocka_unit_test(test_moved_paragraph_sentences),
        cmocka_unit_test(test_moved_into_deleted_place),
        cmocka_unit_test(test_headlines_linked),
        cmocka_unit_test(test_cut_sentences_rewrite),
        cmocka_unit_test(test_elision),
        cmocka_unit_test(test_inflected_lexicon_match),
        cmocka_unit_test(test_translate_http),
        cmocka_unit_test(test_translate_apertium),
        cmocka_unit_test(test_linear_work),
        cmocka_unit_test(test_verbatim_moves_long),
        cmocka_unit_test(test_reordered_translation_similar),
        cmocka_unit_test(test_split_riding_part),
        cmocka_unit_test(test_condensed_merge),
        cmocka_unit_test(test_decompound),
        cmocka_unit_test(test_unihan_backoff),
        cmocka_unit_test(test_gap_across_moved),
        cmocka_unit_test(test_swap_neighbour),
        cmocka_unit_test(test_gap_lengths_without_evidence),
        cmocka_unit_test(test_coherent_gap),
        cmocka_unit_test(test_foreign_inorder),
        cmocka_unit_test(test_foreign_inorder_known),
        cmocka_unit_test(test_foreign_inorder_elsewhere),
        cmocka_unit_test(test_known_features),
        cmocka_unit_test(test_short_sentence_lengths),
        cmocka_unit_test(test_length_reward_runs),
        cmocka_unit_test(test_absorb_no_loss),
        cmocka_unit_test(test_foreign_moved),
        cmocka_unit_test(test_moved_length_conflict),
        cmocka_unit_test(test_foreign_paragraph),
        cmocka_unit_test(test_moved_block),
        cmocka_unit_test(test_order_labels),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
