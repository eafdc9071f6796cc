/*
 * Unit tests of stage 4, facts (session 5, claims): the polarity and
 * modality of what quotes claim (negation and hedge cues inside the
 * reported content, denial verbs, English backshift "would"), sources of
 * attributions written as lower-case nouns (ministry, council,
 * investigators, witnesses), the RELEASE event, and Japanese negation
 * after the verb. Every sentence is written for these tests.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "storydiff/storydiff.h"
#include "support.h"
#include "ctx_fixture.h"

/* The first fact of type t in sentence s, or NULL. */
static const story_fact *fact_in(const run *r, story_fact_type t, size_t s)
{
    for (size_t i = 0; i < r->fs->n_facts; i++)
        if (r->fs->facts[i].type == t && r->fs->facts[i].sentence == s)
            return &r->fs->facts[i];
    return NULL;
}

/* Quote of sentence s exists and has these flags. */
static void assert_quote(const run *r, size_t s, int negated, int hedged)
{
    const story_fact *f = fact_in(r, STORY_FACT_QUOTE, s);
    assert_non_null(f);
    assert_int_equal(f->negated, negated);
    assert_int_equal(f->hedged, hedged);
}

/* Number of facts of type t with exactly this key. */
static size_t n_key(const run *r, story_fact_type t, const char *key)
{
    size_t n = 0;
    for (size_t i = 0; i < r->fs->n_facts; i++)
        n += r->fs->facts[i].type == t &&
             strcmp(r->fs->facts[i].key, key) == 0;
    return n;
}

/* A negation inside the reported content negates the quote (the claim),
 * in every language with negation cues; a preposition "without" does
 * not; several cues of one clause (negative concord) are one negation. */
static void test_claim_negation(void **state)
{
    (void)state;
    run en = extract("Mayor Ruth Okafor said the tunnel was safe.\n\n"
                     "Mayor Ruth Okafor said the tunnel was not safe.\n\n"
                     "The minister said the talks ended without an "
                     "agreement.\n\n"
                     "The minister said the ferry had been checked and "
                     "was not late.",
                     "en");
    assert_quote(&en, 0, 0, 0);
    assert_quote(&en, 1, 1, 0);
    assert_quote(&en, 2, 0, 0);
    assert_quote(&en, 3, 1, 0);
    run_free(&en);
    struct {
        const char *lang, *pos, *neg;
    } cases[] = {
        {"de", "Die Ministerin sagte, der Tunnel sei sicher.",
         "Die Ministerin sagte, der Tunnel sei nicht sicher."},
        {"fr", "La ministre a déclaré que le tunnel était sûr.",
         "La ministre a déclaré que le tunnel n'était pas sûr."},
        {"es", "La ministra dijo que el túnel era seguro.",
         "La ministra dijo que el túnel no era seguro."},
        {"uk", "Міністр заявив, що тунель безпечний.",
         "Міністр заявив, що тунель не безпечний."},
        {"ru", "Министр заявил, что тоннель безопасен.",
         "Министр заявил, что никто ничего не знал о тоннеле."},
        {"pl", "Minister powiedział, że tunel jest bezpieczny.",
         "Minister powiedział, że tunel nie jest bezpieczny."},
        {"zh", "部长表示，隧道是安全的。", "部长表示，隧道并不安全。"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        run p = extract(cases[i].pos, cases[i].lang);
        run n = extract(cases[i].neg, cases[i].lang);
        assert_quote(&p, 0, 0, 0);
        assert_quote(&n, 0, 1, 0);
        run_free(&p);
        run_free(&n);
    }
    /* "without" / "ohne" / "sans" / "без" negate a noun phrase only */
    run de = extract("Die Ministerin sagte, die Gespräche seien ohne "
                     "Einigung zu Ende gegangen.",
                     "de");
    assert_quote(&de, 0, 0, 0);
    run_free(&de);
    run pl = extract("Minister powiedział, że rozmowy zakończyły się bez "
                     "porozumienia.",
                     "pl");
    assert_quote(&pl, 0, 0, 0);
    run_free(&pl);
}

/* A denial verb denies what it reports, a confirmation asserts it, with
 * a clause or a noun object ("reporting_object_verbs"). */
static void test_claim_denial(void **state)
{
    (void)state;
    run en = extract("The company confirmed the merger.\n\n"
                     "The company denied the merger.\n\n"
                     "Officials denied that the ferry was late.",
                     "en");
    assert_quote(&en, 0, 0, 0);
    assert_quote(&en, 1, 1, 0);
    assert_quote(&en, 2, 1, 0);
    run_free(&en);
    run de = extract("Der Konzern bestätigte die Fusion.\n\n"
                     "Der Konzern bestritt die Fusion.",
                     "de");
    assert_quote(&de, 0, 0, 0);
    assert_quote(&de, 1, 1, 0);
    run_free(&de);
    run es = extract("La ministra confirmó que el puerto cerrará.\n\n"
                     "La ministra negó que el puerto cerrará.",
                     "es");
    assert_quote(&es, 0, 0, 0);
    assert_quote(&es, 1, 1, 0);
    run_free(&es);
}

/* A hedge in the claim's main clause hedges the quote ("may have
 * caused"); English "would" after a past reporting verb is the tense of
 * reported speech, not a hedge, but hedges a direct quote. */
static void test_claim_hedge(void **state)
{
    (void)state;
    run en = extract("Investigators said a faulty valve may have caused "
                     "the fire.\n\n"
                     "Investigators said a faulty valve caused the fire.\n\n"
                     "The premier said the plant would create 400 jobs.\n\n"
                     "\"The plant would create 400 jobs,\" the premier "
                     "said.",
                     "en");
    assert_quote(&en, 0, 0, 1);
    assert_quote(&en, 1, 0, 0);
    assert_quote(&en, 2, 0, 0);
    assert_quote(&en, 3, 0, 1);
    run_free(&en);
    run de = extract("Die Ermittler sagten, ein defektes Ventil könnte den "
                     "Brand verursacht haben.\n\n"
                     "Die Ermittler sagten, ein defektes Ventil habe den "
                     "Brand verursacht.",
                     "de");
    assert_quote(&de, 0, 0, 1);
    assert_quote(&de, 1, 0, 0);
    run_free(&de);
    run ru = extract("Следователи заявили, что пожар, возможно, вызвал "
                     "неисправный клапан.\n\n"
                     "Следователи заявили, что пожар вызвал неисправный "
                     "клапан.",
                     "ru");
    assert_quote(&ru, 0, 0, 1);
    assert_quote(&ru, 1, 0, 0);
    run_free(&ru);
}

/* Lower-case sources are attributions: a ministry or council after a
 * comma (content first), "according to the … council", investigators,
 * witnesses (class WITNESS, so police -> witness is a changed source). */
static void test_attribution_sources(void **state)
{
    (void)state;
    run en = extract("The ferry sank near the pier on Friday, the transport "
                     "ministry said.\n\n"
                     "Repairs will cost 2 million euros, according to the "
                     "district council.\n\n"
                     "Investigators said the hull was cracked.\n\n"
                     "A witness claimed the captain had left early.",
                     "en");
    const story_fact *f = fact_in(&en, STORY_FACT_ATTRIBUTION, 0);
    assert_non_null(f);
    assert_string_equal(f->key, "attribution|OFFICIAL");
    /* the content of the ministry's quote is the clause before it */
    const story_fact *q = fact_in(&en, STORY_FACT_QUOTE, 0);
    assert_non_null(q);
    assert_int_equal(q->content_start, en.a->sentences[0].start);
    f = fact_in(&en, STORY_FACT_ATTRIBUTION, 1);
    assert_non_null(f);
    assert_string_equal(f->key, "attribution|OFFICIAL");
    f = fact_in(&en, STORY_FACT_ATTRIBUTION, 2);
    assert_non_null(f);
    assert_string_equal(f->key, "attribution|OFFICIAL");
    f = fact_in(&en, STORY_FACT_ATTRIBUTION, 3);
    assert_non_null(f);
    assert_string_equal(f->key, "attribution|WITNESS");
    run_free(&en);
    run de = extract("Die Ermittler sagten, der Rumpf sei gerissen.\n\n"
                     "Zeugen sagten, der Kapitän sei früh gegangen.",
                     "de");
    assert_int_equal(n_key(&de, STORY_FACT_ATTRIBUTION,
                           "attribution|OFFICIAL"), 1);
    assert_int_equal(n_key(&de, STORY_FACT_ATTRIBUTION,
                           "attribution|WITNESS"), 1);
    run_free(&de);
    run es = extract("Los testigos dijeron que el capitán se fue temprano.",
                     "es");
    assert_int_equal(n_key(&es, STORY_FACT_ATTRIBUTION,
                           "attribution|WITNESS"), 1);
    run_free(&es);
    /* a role in apposition to a name is that person, no attribution;
     * "in May" is a month, no hedge */
    run ap = extract("The flats were checked in May, Maria Lindqvist, the "
                     "city housing ombudsman said.",
                     "en");
    assert_null(fact_in(&ap, STORY_FACT_ATTRIBUTION, 0));
    q = fact_in(&ap, STORY_FACT_QUOTE, 0);
    assert_non_null(q);
    assert_true(q->entity >= 0);
    assert_int_equal(q->hedged, 0);
    run_free(&ap);
    /* a reporting verb of two tokens is one attribution */
    run fr = extract("La ministre a dit que le ferry était en retard.", "fr");
    size_t na = 0;
    for (size_t i = 0; i < fr.fs->n_facts; i++)
        na += fr.fs->facts[i].type == STORY_FACT_ATTRIBUTION;
    assert_true(na <= 1);
    run_free(&fr);
}

/* RELEASE: a prisoner released or not; a report released is no
 * release of a person (sense PUBLISH). */
static void test_release_event(void **state)
{
    (void)state;
    run en = extract("The journalist was released on Monday.\n\n"
                     "The journalist was not released on Monday.",
                     "en");
    const story_fact *f = fact_in(&en, STORY_FACT_EVENT, 0);
    assert_non_null(f);
    assert_string_equal(f->predicate, "RELEASE");
    assert_int_equal(f->negated, 0);
    f = fact_in(&en, STORY_FACT_EVENT, 1);
    assert_non_null(f);
    assert_string_equal(f->predicate, "RELEASE");
    assert_int_equal(f->negated, 1);
    run_free(&en);
    run pub = extract("The agency released a report on the harbour.", "en");
    f = fact_in(&pub, STORY_FACT_EVENT, 0);
    assert_true(f == NULL || strcmp(f->predicate, "RELEASE") != 0);
    run_free(&pub);
    struct {
        const char *lang, *pos, *neg;
    } cases[] = {
        {"de", "Der Journalist wurde freigelassen.",
         "Der Journalist wurde nicht freigelassen."},
        {"es", "El periodista fue liberado.", "El periodista no fue liberado."},
        {"zh", "记者已经获释。", "记者没有获释。"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        run p = extract(cases[i].pos, cases[i].lang);
        run n = extract(cases[i].neg, cases[i].lang);
        f = fact_in(&p, STORY_FACT_EVENT, 0);
        assert_non_null(f);
        assert_string_equal(f->predicate, "RELEASE");
        assert_int_equal(f->negated, 0);
        f = fact_in(&n, STORY_FACT_EVENT, 0);
        assert_non_null(f);
        assert_int_equal(f->negated, 1);
        run_free(&p);
        run_free(&n);
    }
}

/* Japanese negates after the verb ("上昇しない", pack
 * "negation_postpositive"); a negative word before it modifies a noun
 * ("これまでにない速さ": unprecedented speed). */
static void test_ja_negation_after_verb(void **state)
{
    (void)state;
    run ja = extract("物価はこれまでにない速さで上昇した。\n\n"
                     "物価は来月も上昇しない。",
                     "ja");
    const story_fact *f = fact_in(&ja, STORY_FACT_EVENT, 0);
    assert_non_null(f);
    assert_int_equal(f->negated, 0);
    f = fact_in(&ja, STORY_FACT_EVENT, 1);
    assert_non_null(f);
    assert_int_equal(f->negated, 1);
    run_free(&ja);
    /* the same in a quote's claim: only a cue ending its clause */
    run jq = extract("部長は「水位はこれまでにない速さで上昇した」と述べた。\n\n"
                     "部長は「橋は点検されていない」と述べた。",
                     "ja");
    assert_quote(&jq, 0, 0, 0);
    assert_quote(&jq, 1, 1, 0);
    run_free(&jq);
}

/* Speakers (L6): an inverted subject after "dijo" is no clitic pronoun
 * ("la" is an article there); a role noun right before the verb is the
 * subject, not a possessive name inside its phrase or a name opening the
 * sentence. */
static void test_speakers_session5(void **state)
{
    (void)state;
    run es = extract("La presa cedió en Villaverde.\n\n"
                     "«El río subió más rápido que nunca», dijo la jefa de "
                     "bomberos Marta Ibarra.",
                     "es");
    const story_fact *q = fact_in(&es, STORY_FACT_QUOTE, 1);
    assert_non_null(q);
    assert_true(q->entity >= 0);
    assert_non_null(strstr(es.fs->facts[q->entity].name, "Ibarra"));
    /* "than ever" is no negation */
    assert_int_equal(q->negated, 0);
    run_free(&es);
    run en = extract("As the EU drafts new rules, cider makers complain, but "
                     "one of Europe's wine chiefs says they should \"stop "
                     "complaining so loudly.\"\n\n"
                     "\"The rules are fair to everyone,\" Tomas Varga said. "
                     "\"Nobody asked for special treatment.\"",
                     "en");
    q = fact_in(&en, STORY_FACT_QUOTE, 0);
    assert_non_null(q);
    assert_string_equal(q->key, "quote|OFFICIAL");
    const story_fact *q1 = NULL, *q2 = NULL;
    for (size_t i = 0; i < en.fs->n_facts; i++)
        if (en.fs->facts[i].type == STORY_FACT_QUOTE &&
            en.fs->facts[i].sentence >= 1) {
            if (!q1)
                q1 = &en.fs->facts[i];
            else if (!q2)
                q2 = &en.fs->facts[i];
        }
    assert_non_null(q1);
    assert_non_null(q2);
    assert_true(q1->entity >= 0);
    /* the second quote claims a negation */
    assert_int_equal(q2->negated, 1);
    run_free(&en);
}

/* Attribution precision: a participle is no speech act (ru "Политики,
 * считающие, что …"), a REPORT infinitive without a source and a passive
 * auxiliary reports nothing (de "über Zustände berichten"), the words of
 * a direct quote before "řekl" are no source; a role noun opening the
 * clause of a direct quote's verb speaks it. */
static void test_attribution_precision(void **state)
{
    (void)state;
    run ru = extract("Политики, считающие, что могут отменить решение суда, "
                     "ошибаются.",
                     "ru");
    assert_null(fact_in(&ru, STORY_FACT_ATTRIBUTION, 0));
    run_free(&ru);
    run de = extract("Die Kommission kann Gefängnisse besuchen und über "
                     "Zustände berichten, die sie selbst gesehen hat.",
                     "de");
    assert_null(fact_in(&de, STORY_FACT_ATTRIBUTION, 0));
    run_free(&de);
    run de2 = extract("Es wurde berichtet, dass die Fähre gesunken ist.", "de");
    assert_non_null(fact_in(&de2, STORY_FACT_ATTRIBUTION, 0));
    run_free(&de2);
    run cs = extract("„Na tento úkol potřebuje úřad podporu ministrů,“ řekl. "
                     "„Bez peněz to nepůjde.“",
                     "cs");
    assert_null(fact_in(&cs, STORY_FACT_ATTRIBUTION, 0));
    run_free(&cs);
    run en = extract("In an interview, an anonymous senior official from a "
                     "regional bank commented, \"There are several open "
                     "questions here.\"",
                     "en");
    const story_fact *q = fact_in(&en, STORY_FACT_QUOTE, 0);
    assert_non_null(q);
    assert_string_equal(q->key, "quote|OFFICIAL");
    run_free(&en);
}

/* "…in Lindau, police said" (fresh-user test): a place or other name
 * before the comma is no person the source noun is in apposition to; the
 * source is police. A role noun after a person's name still is that
 * person. */
static void test_source_after_place(void **state)
{
    (void)state;
    run r = extract("Storm in the valley\n\n"
                    "A footbridge collapsed over the river in Lindau, "
                    "police said.\n\n"
                    "Two roads were closed near Bregenz, officials said.\n\n"
                    "Schools stay shut, Taras Kremin, the country's "
                    "education ombudsman said.", "en");
    assert_int_equal(n_key(&r, STORY_FACT_ATTRIBUTION, "attribution|OFFICIAL"),
                     2);
    const story_fact *q1 = fact_in(&r, STORY_FACT_QUOTE, 1);
    const story_fact *q2 = fact_in(&r, STORY_FACT_QUOTE, 2);
    const story_fact *q3 = fact_in(&r, STORY_FACT_QUOTE, 3);
    assert_non_null(q1);
    assert_non_null(q2);
    assert_non_null(q3);
    assert_string_equal(q1->key, "quote|OFFICIAL");
    assert_string_equal(q2->key, "quote|OFFICIAL");
    assert_true(q3->entity >= 0);
    run_free(&r);
}

/* Professions that speak for a finding (engineers, doctors, firefighters)
 * are sources (fresh-user test: "Engineers said heavy rain may have
 * caused the collapse" gave no fact, so removing its hedge went unseen). */
static void test_profession_sources(void **state)
{
    (void)state;
    run en = extract("Tunnel closed\n\n"
                     "Engineers said water may have weakened the wall.\n\n"
                     "Firefighters said the blaze was under control.", "en");
    assert_int_equal(n_key(&en, STORY_FACT_ATTRIBUTION, "attribution|EXPERT"), 1);
    assert_int_equal(n_key(&en, STORY_FACT_ATTRIBUTION, "attribution|OFFICIAL"), 1);
    assert_quote(&en, 1, 0, 1);
    run_free(&en);
    run de = extract("Tunnel gesperrt\n\n"
                     "Ingenieure sagten, Wasser habe die Wand geschw\xc3\xa4" "cht.\n\n"
                     "Die Feuerwehr sagte, der Brand sei unter Kontrolle.", "de");
    assert_int_equal(n_key(&de, STORY_FACT_ATTRIBUTION, "attribution|EXPERT"), 1);
    assert_int_equal(n_key(&de, STORY_FACT_ATTRIBUTION, "attribution|OFFICIAL"), 1);
    run_free(&de);
}

/* Session 6 (fresh-user H5): a negation added to a sentence whose only
 * fact is its attribution ("according to the council" in fr, uk, ru,
 * zh; de ", so der Stadtrat") negates the claim: the council is a source
 * in every pack, de "so" after a comma is a cue, and the
 * zh modal negations written as one word by the segmenter (不能, 未能)
 * are negation cues. */
static void test_council_claim_negation(void **state)
{
    (void)state;
    struct {
        const char *lang, *pos, *neg;
    } cases[] = {
        {"en", "The tunnel had been cleaned in June, according to the city council.",
         "The tunnel had not been cleaned in June, according to the city council."},
        {"fr", "Le tunnel avait \xc3\xa9t\xc3\xa9 nettoy\xc3\xa9 en juin, selon le conseil municipal.",
         "Le tunnel n'avait pas \xc3\xa9t\xc3\xa9 nettoy\xc3\xa9 en juin, selon le conseil municipal."},
        {"uk", "Тунель чистили в червні, за даними міської ради.",
         "Тунель не чистили в червні, за даними міської ради."},
        {"ru", "Тоннель чистили в июне, по данным городского совета.",
         "Тоннель не чистили в июне, по данным городского совета."},
        {"zh", "据市议会称，这条隧道六月份可以通行。",
         "据市议会称，这条隧道六月份不能通行。"},
        {"de", "Der Tunnel war im Juni gereinigt worden, so der Stadtrat.",
         "Der Tunnel war im Juni nicht gereinigt worden, so der Stadtrat."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        run p = extract(cases[i].pos, cases[i].lang);
        run n = extract(cases[i].neg, cases[i].lang);
        assert_int_equal(n_key(&p, STORY_FACT_ATTRIBUTION, "attribution|OFFICIAL"), 1);
        assert_quote(&p, 0, 0, 0);
        assert_quote(&n, 0, 1, 0);
        run_free(&p);
        run_free(&n);
    }
    /* de "so" is an attribution cue only after a clause break: "So
     * wurde der Tunnel …" (thus) attributes nothing */
    run de = extract("So wurde der Tunnel im Juni von der Polizei gereinigt.",
                     "de");
    assert_int_equal(n_key(&de, STORY_FACT_ATTRIBUTION, "attribution|OFFICIAL"), 0);
    run_free(&de);
    /* a word starting with the character 不 is no cue by itself: 不断
     * (continuously) asserts */
    run zh = extract("部长表示，隧道不断改善。", "zh");
    assert_quote(&zh, 0, 0, 0);
    run_free(&zh);
}

/* Session 6 (fresh-user L1, zh): professions split by the word
 * segmenter (工程师 = 工程 | 师) are sources; 将 (will) is the future, not a
 * hedge, as English "will" is none. */
static void test_zh_professions_and_future(void **state)
{
    (void)state;
    run zh = extract("码头工程\n\n工程师表示，暴雨可能损坏了码头。\n\n"
                     "议会称，维修费用将达300万欧元。", "zh");
    assert_int_equal(n_key(&zh, STORY_FACT_ATTRIBUTION, "attribution|EXPERT"), 1);
    assert_quote(&zh, 1, 0, 1);
    const story_fact *q = fact_in(&zh, STORY_FACT_QUANTITY, 2);
    assert_non_null(q);
    assert_int_equal(q->hedged, 0);
    run_free(&zh);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_claim_negation),
        cmocka_unit_test(test_claim_denial),
        cmocka_unit_test(test_claim_hedge),
        cmocka_unit_test(test_attribution_sources),
        cmocka_unit_test(test_release_event),
        cmocka_unit_test(test_ja_negation_after_verb),
        cmocka_unit_test(test_speakers_session5),
        cmocka_unit_test(test_attribution_precision),
        cmocka_unit_test(test_source_after_place),
        cmocka_unit_test(test_profession_sources),
        cmocka_unit_test(test_council_claim_negation),
        cmocka_unit_test(test_zh_professions_and_future),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
