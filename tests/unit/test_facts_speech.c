/*
 * Unit tests of stage 4, facts: quote speakers, year ranges as dates,
 * and the event/speech vocabulary fixed in session 3 (issue 5), each with
 * sentences written for these tests.
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

/* Number of facts of type t with exactly this key. */
static size_t n_key(const run *r, story_fact_type t, const char *key)
{
    size_t n = 0;
    for (size_t i = 0; i < r->fs->n_facts; i++)
        n += r->fs->facts[i].type == t && strcmp(r->fs->facts[i].key, key) == 0;
    return n;
}

/* Number of facts of type t. */
static size_t n_type(const run *r, story_fact_type t)
{
    size_t n = 0;
    for (size_t i = 0; i < r->fs->n_facts; i++)
        n += r->fs->facts[i].type == t;
    return n;
}

/* Key of the entity fact whose surface text is `name`, or NULL. */
static const char *entity_key(const run *r, const char *name)
{
    size_t l = strlen(name);
    for (size_t i = 0; i < r->fs->n_facts; i++) {
        const story_fact *f = &r->fs->facts[i];
        if (f->type == STORY_FACT_ENTITY && f->end - f->start == l &&
            memcmp(r->a->text + f->start, name, l) == 0)
            return f->key;
    }
    return NULL;
}

/* Speaker key part of the quote fact of sentence s ("quote|<x>"), or NULL. */
static const char *quote_in(const run *r, size_t s)
{
    for (size_t i = 0; i < r->fs->n_facts; i++)
        if (r->fs->facts[i].type == STORY_FACT_QUOTE &&
            r->fs->facts[i].sentence == s)
            return r->fs->facts[i].key;
    return NULL;
}

/* "quote|" + the key part of entity `name` equals the quote of s. */
static void assert_speaker(const run *r, size_t s, const char *name)
{
    const char *ek = entity_key(r, name);
    const char *qk = quote_in(r, s);
    assert_non_null(ek);
    assert_non_null(qk);
    char want[256];
    snprintf(want, sizeof want, "quote|%s", ek + strlen("entity|"));
    assert_string_equal(qk, want);
}

/* A range of years is two date facts, however it is written; a range of
 * counts with group separators stays a quantity. */
static void test_year_ranges_are_dates(void **state)
{
    (void)state;
    run en = extract("The office existed from 1981-87 in the state. She was "
                     "an architect (1995-2005) and a director between 2011 "
                     "and 2019. From 1970 to 2022 the rate rose. Prices "
                     "went up by 1,950-2,000 in a month.",
                     "en");
    const char *years[] = {"date|1981", "date|1987", "date|1995", "date|2005",
                           "date|2011", "date|2019", "date|1970",
                           "date|2022"};
    for (size_t i = 0; i < sizeof years / sizeof years[0]; i++)
        assert_int_equal(n_key(&en, STORY_FACT_DATE, years[i]), 1);
    assert_int_equal(n_key(&en, STORY_FACT_DATE, "date|1950"), 0);
    assert_int_equal(n_key(&en, STORY_FACT_QUANTITY, "quantity||1950-2000"),
                     1);
    run de = extract("Das Amt bestand von 1981 bis 1987. Zwischen 2011 und "
                     "2019 war sie Direktorin.",
                     "de");
    assert_int_equal(n_key(&de, STORY_FACT_DATE, "date|1981"), 1);
    assert_int_equal(n_key(&de, STORY_FACT_DATE, "date|1987"), 1);
    assert_int_equal(n_key(&de, STORY_FACT_DATE, "date|2011"), 1);
    assert_int_equal(n_key(&de, STORY_FACT_DATE, "date|2019"), 1);
    run_free(&en);
    run_free(&de);
}

/* A sentence opening with a name whose appositive (roles, an "of"
 * place, a relative clause) runs up to the reporting verb: the name
 * speaks, not the organisation, place or relative inside the
 * appositive. */
static void test_quote_opening_name_speaks(void **state)
{
    (void)state;
    run r = extract(
        "Regulators approved the new funds on Monday.\n\n"
        "Robert J. Halloran, Co-founder, President, and CEO of Fair Banks, "
        "said the decision is \"a grave error that will hurt many savers "
        "across the country.\"\n\n"
        "Congressman Daniel Whitcombe of Ohio, one of the keenest critics "
        "of the plan, said a longer budget might be an easier way out.\n\n"
        "Peter Brandt, managing director, who founded the firm in 2010 with "
        "his father, Alex, said: \"We see strong demand for recycled "
        "material in the region.\"",
        "en");
    /* "Robert J. Halloran" is one name since the entity stage reads
     * the middle initial; before, "Halloran" alone */
    assert_speaker(&r, 1,
                   entity_key(&r, "Robert J. Halloran") ? "Robert J. Halloran"
                                                        : "Halloran");
    assert_speaker(&r, 2, "Daniel Whitcombe");
    assert_speaker(&r, 3, "Peter Brandt");
    run_free(&r);
}

/* A subject pronoun speaks for the latest named speaker, else for the
 * latest person, not for an organisation or a place named after them. */
static void test_quote_pronoun_speaker(void **state)
{
    (void)state;
    run r = extract(
        "Tom Ricketts, an analyst at Harwood Lansbury, said sales "
        "\"will slow down over the coming months.\"\n\n"
        "He added: \"The fourth quarter was the weakest of the year.\"\n\n"
        "Congressman Daniel Whitcombe of Ohio said the plan may work.\n\n"
        "However, he said the best path would be to pass every bill.",
        "en");
    assert_speaker(&r, 1, "Tom Ricketts");
    assert_speaker(&r, 3, "Daniel Whitcombe");
    run_free(&r);
}

/* A surname alone at the start of a sentence speaks for the person named
 * before (one-word names too). */
static void test_quote_sentence_initial_surname(void **state)
{
    (void)state;
    run en = extract("Chief executive Anna Lindqvist told reporters the "
                     "chain will open more shops.\n\n"
                     "Lindqvist said: \"Wherever people cannot reach one of "
                     "our shops easily, we want to be there.\"",
                     "en");
    assert_speaker(&en, 1, "Anna Lindqvist");
    run de = extract("Der Ombudsmann sprach am Montag mit Kremen in Kiew.\n\n"
                     "Kremen bestätigte überdies, dass ein Fahrer eine Strafe "
                     "zahlen musste.",
                     "de");
    const char *ek = entity_key(&de, "Kremen");
    if (ek) /* the one-word name is an entity mid-sentence */
        assert_speaker(&de, 1, "Kremen");
    assert_true(n_type(&de, STORY_FACT_QUOTE) >= (ek ? 1u : 0u));
    run_free(&en);
    run_free(&de);
}

/* An inverted subject after the verb is the head of its name phrase
 * ("- said the chair of the SEC Gary Gensler"), not the organisation
 * before it nor an addressee ("declaró a Reuters el ministro …"); a
 * name "of/aus/z <place>" is the name, not the place. */
static void test_quote_inverted_and_origin(void **state)
{
    (void)state;
    run uk = extract("«Ми не схвалили цей продукт і не підтримуємо його», – "
                     "заявив очільник SEC Гері Генслер журналістам.",
                     "uk");
    assert_speaker(&uk, 0, "Гері Генслер");
    run cs = extract("„Nikdy jsme tento produkt neschválili ani "
                     "nepodporovali,“ uvedl předseda SEC Gary Gensler.",
                     "cs");
    assert_speaker(&cs, 0, "Gary Gensler");
    run es = extract("\"Un año nuevo y el mismo comportamiento de siempre\", "
                     "declaró a Reuters el diputado Pablo Serrano.",
                     "es");
    assert_speaker(&es, 0, "Pablo Serrano");
    run de = extract("Der Abgeordnete Thomas Keller aus Bayern, einer der "
                     "lautesten Kritiker der Partei, sagte, der Plan sei "
                     "zu teuer.",
                     "de");
    assert_speaker(&de, 0, "Thomas Keller");
    run_free(&uk);
    run_free(&cs);
    run_free(&es);
    run_free(&de);
}

/* Number of event facts with predicate concept c ("event||C|"). */
static size_t n_event(const run *r, const char *c)
{
    char k[64];
    snprintf(k, sizeof k, "event||%s|", c);
    return n_key(r, STORY_FACT_EVENT, k);
}

/* Event words that are no event: a phrasal or compound reading blocked
 * by a "-" entry ("drop off" patients, "travel sites", "trade
 * association"), a word inside a proper name ("National Savings
 * Investment Office"), a verb pointing to a web address; the plain
 * readings stay events. */
static void test_event_non_events(void **state)
{
    (void)state;
    run r = extract("Buses cannot drop off children on time.\n\n"
                    "The chain will look at travel sites and stations.\n\n"
                    "The trade association wrote to ministers.\n\n"
                    "Money moved from the National Savings Investment Office "
                    "to a private account.\n\n"
                    "For details, visit examplegallery.org today.",
                    "en");
    assert_int_equal(n_event(&r, "DECREASE"), 0);
    assert_int_equal(n_event(&r, "TRAVEL"), 0);
    assert_int_equal(n_event(&r, "TRADE"), 0);
    assert_int_equal(n_event(&r, "INVEST"), 0);
    run_free(&r);
    run p = extract("Prices will drop next year. The minister will visit "
                    "Paris. The two countries trade grain. The firm plans "
                    "a large investment in the region.",
                    "en");
    assert_int_equal(n_event(&p, "DECREASE"), 1);
    assert_int_equal(n_event(&p, "TRAVEL"), 1);
    assert_int_equal(n_event(&p, "TRADE"), 1);
    assert_int_equal(n_event(&p, "INVEST"), 1);
    run_free(&p);
}

/* General news verbs added in session 3 map to the same concept in
 * several languages. */
static void test_event_vocabulary_session3(void **state)
{
    (void)state;
    static const struct {
        const char *lang, *text, *concept;
    } cases[] = {
        {"en", "The council will eliminate the fee.", "CANCEL"},
        {"en", "The senators endorsed the plan.", "SUPPORT"},
        {"en", "The group announced 30 closures.", "CLOSE"},
        {"de", "Die Frist wurde verlängert.", "EXTEND"},
        {"de", "Die Preise sind stark gestiegen.", "INCREASE"},
        {"ru", "Парламент решил отложить голосование.", "DELAY"},
        {"uk", "Уряд ухвалив новий закон.", "AGREE"},
        {"cs", "Vláda chce snížit daně.", "DECREASE"},
        {"es", "El gobierno quiere prohibir la venta.", "BAN"},
        {"zh", "政府决定推迟选举。", "DELAY"},
        {"ja", "政府は計画を延期した。", "DELAY"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        run r = extract(cases[i].text, cases[i].lang);
        if (n_event(&r, cases[i].concept) != 1)
            fail_msg("%s: %s: no %s event", cases[i].lang, cases[i].text,
                     cases[i].concept);
        run_free(&r);
    }
}

/* An intended or hedged event contradicts nothing ("plans to raise" vs
 * "does not plan to raise"); a postpositive negation (hi "बिना",
 * without) negates the word before it, not the predicate after it. */
static void test_check_hedged_and_postpositive(void **state)
{
    (void)state;
    run r = extract("Northbake plans to raise its profits this year.\n\n"
                    "Northbake does not plan to raise prices next year.",
                    "en");
    story_contradiction *c = NULL;
    size_t n = 0;
    story_error err;
    assert_int_equal(story_facts_check(&c, &n, ctx, r.a, r.fs, &err), 0);
    assert_int_equal(n, 0);
    story_contradictions_free(c, n);
    run_free(&r);
    run h = extract("हमारी योजना दाम बढ़ाए बिना दस शाखाएँ खोलने की है।",
                    "hi");
    for (size_t i = 0; i < h.fs->n_facts; i++)
        if (h.fs->facts[i].type == STORY_FACT_EVENT &&
            strcmp(h.fs->facts[i].key, "event||OPEN|") == 0)
            assert_false(h.fs->facts[i].negated);
    assert_int_equal(n_event(&h, "OPEN"), 1);
    run_free(&h);
}

/* de Konjunktiv I continues the latest speaker's speech without a
 * reporting verb ("Die Gespräche seien gescheitert."); zh 说 before a
 * language name is "speak", not "say". */
static void test_quote_reported_speech_and_speak(void **state)
{
    (void)state;
    run de = extract("Der Minister Karl Brenner sagte am Montag, die Lage "
                     "sei ernst.\n\nDie Gespräche seien gescheitert.\n\n"
                     "Ich habe das Haus gekauft.",
                     "de");
    assert_non_null(quote_in(&de, 0));
    assert_non_null(quote_in(&de, 1));
    assert_string_equal(quote_in(&de, 0), quote_in(&de, 1));
    assert_null(quote_in(&de, 2));
    run_free(&de);
    run zh = extract("他平时在家只说俄语。", "zh");
    assert_int_equal(n_type(&zh, STORY_FACT_QUOTE), 0);
    run_free(&zh);
    run zh2 = extract("部长表示，新法律将于明年生效。", "zh");
    assert_int_equal(n_type(&zh2, STORY_FACT_QUOTE), 1);
    run_free(&zh2);
}

/* An inverted subject is never searched across the comma or
 * complementizer right after the verb (the content's first name is no
 * speaker); a pronoun prefers the subject of the sentence before. */
static void test_quote_content_name_and_centering(void **state)
{
    (void)state;
    run cs = extract("Kongresman Petr Novák z Brna, jeden z hlasitých "
                     "kritiků strany, uvedl, že celoroční CR je nejlepší "
                     "cesta.",
                     "cs");
    assert_speaker(&cs, 0, entity_key(&cs, "Petr Novák") ? "Petr Novák"
                                                      : "Kongresman Petr Novák");
    run_free(&cs);
    run en = extract("Ignacio Ruiz Marte, secretary-general of Comite "
                     "Europeen des Vins, dismissed the concerns of the "
                     "brewers.\n\nHe told reporters that the two markets "
                     "are very different.",
                     "en");
    assert_speaker(&en, 1, "Ignacio Ruiz Marte");
    run_free(&en);
}

/* Session 4: a pronoun goes to the full name, not to the one-word village
 * named after it; a run of common words in a person's context is a name
 * ("Perry Cooper, a media representative"; not "the Language Ombudsman
 * said"); a first name the entity stage missed does not hand the quote to
 * the firm in the appositive. */
static void test_quote_full_names_and_contexts(void **state)
{
    (void)state;
    run de = extract("Ein Projekt half Dalia Moravec, der Vorsteherin des "
                     "Dorfes Ostrava, ihre Meinung zu ändern.\n\nSie "
                     "sagte gegenüber einer Zeitung, sie habe \u201edas "
                     "alles hinter sich gelassen\u201c.",
                     "de");
    assert_speaker(&de, 1, "Dalia Moravec");
    run_free(&de);
    run en = extract("The harbour was busy all week. Perry Cooper, a media "
                     "representative for the harbour board, said in an "
                     "email that delays have many causes.",
                     "en");
    assert_non_null(entity_key(&en, "Perry Cooper"));
    assert_speaker(&en, 1, "Perry Cooper");
    run_free(&en);
    run om = extract("The new rules were debated. The Language Ombudsman "
                     "said that the rules were fair.",
                     "en");
    assert_null(entity_key(&om, "Language Ombudsman"));
    run_free(&om);
    run de2 = extract("Matt Kowalczyk, Analyst bei Brandt Lindqvist, sagte, "
                      "dass die Firma ein gutes Jahr hatte.",
                      "de");
    const char *qk = quote_in(&de2, 0);
    assert_non_null(qk);
    assert_true(strstr(qk, "rndkvst") == NULL);
    run_free(&de2);
    /* zh: "<firm>的<role><name>表示" is the named person, not the firm */
    run zh = extract("Brandt Lindqvist的股票分析师马克·韦伯表示，该公司今年"
                     "\u201c取得了真正的进步\u201d。",
                     "zh");
    qk = quote_in(&zh, 0);
    assert_non_null(qk);
    assert_true(strstr(qk, "rndkvst") == NULL);
    assert_speaker(&zh, 0, "马克·韦伯");
    run_free(&zh);
    /* cs: role + organisation in the genitive + the holder's full name */
    run cs = extract("Předseda Rady pro dopravu a stavebnictví Slovenska "
                     "Jozef Brandys řekl, že \u201esilnice musí být "
                     "opraveny do zimy\u201c.",
                     "cs");
    assert_speaker(&cs, 0, "Jozef Brandys");
    run_free(&cs);
    /* de: inverted subject "sagte der <role> <first name> <surname>" */
    run de3 = extract("Die Haushaltsregeln verlangen zwölf getrennte Gesetze "
                      "für den Staat, sagte der Kongressabgeordnete Matt "
                      "Rosendale aus Montana der Zeitung.",
                      "de");
    assert_speaker(&de3, 0, "Rosendale");
    run_free(&de3);
    /* a holiday (entities.json kind "other") is no antecedent of "he" */
    run en3 = extract("Sales in the shops rose before Christmas.\n\nHe said that the "
                      "shops had a good year.",
                      "en");
    const char *k3 = quote_in(&en3, 1);
    assert_true(k3 == NULL || strstr(k3, "krstms") == NULL);
    run_free(&en3);
}

/* Session 4: a bare complement clause without "that" after a reporting
 * verb is speech when a finite verb follows ("denied the dam was safe",
 * "has stated it will"), a noun object is not ("denied the
 * allegations"); a number may open the clause ("Police said 12 people
 * died"); a country opening its clause speaks for its government; the
 * "insists/maintains" verbs of several languages. Session 5: "denied the
 * allegations" denies its object (a negated quote). */
static void test_quote_bare_clause(void **state)
{
    (void)state;
    run en = extract("Officials denied the bridge was unsafe.\n\n"
                     "Norway has stated it will not send any ships.\n\n"
                     "Police said 14 people died in the blaze.\n\n"
                     "The mayor denied the allegations.\n\n"
                     "The governor rejected the plan and left the room.\n\n"
                     "Moscow maintains that the treaty is still valid.",
                     "en");
    assert_string_equal(quote_in(&en, 0), "quote|OFFICIAL");
    assert_speaker(&en, 1, "Norway");
    assert_string_equal(quote_in(&en, 2), "quote|OFFICIAL");
    /* officials, police and (session 5) the mayor's denial */
    assert_int_equal(n_key(&en, STORY_FACT_ATTRIBUTION,
                           "attribution|OFFICIAL"),
                     3);
    /* session 5: a denial of a noun object is a negated claim
     * ("reporting_object_verbs"), a rejected plan is no claim */
    assert_string_equal(quote_in(&en, 3), "quote|OFFICIAL");
    for (size_t i = 0; i < en.fs->n_facts; i++)
        if (en.fs->facts[i].type == STORY_FACT_QUOTE &&
            en.fs->facts[i].sentence == 3)
            assert_int_equal(en.fs->facts[i].negated, 1);
    assert_null(quote_in(&en, 4));
    assert_speaker(&en, 5, "Moscow");
    run ru = extract("Москва настаивает, что договор по-прежнему действует.",
                     "ru");
    assert_non_null(quote_in(&ru, 0));
    run uk = extract("Київ наголошує, що договір і далі чинний.", "uk");
    assert_non_null(quote_in(&uk, 0));
    run es = extract("Rusia sostiene que el tratado sigue vigente.", "es");
    assert_non_null(quote_in(&es, 0));
    run_free(&en);
    run_free(&ru);
    run_free(&uk);
    run_free(&es);
}

/* Session 4: a name inside another quote of the sentence is no speaker
 * ("«…», заявил X, — «Любой …»": "Любой" opens a quote); the addressee
 * phrase after "to" holds no speaker ("wrote to MEPs and government
 * negotiators"); a resumptive pronoun speaks for the name opening its
 * sentence; the role's party and origin place run on to the holder's
 * name ("представитель партии от Нью-Йорка Анна Вебер"); "the
 * company" / "das Unternehmen" / "компания" speak for the organisation
 * the story is about, not for the index named last. */
static void test_quote_speaker_session4(void **state)
{
    (void)state;
    run ru = extract("«Мы поддерживаем этот план, но считаем, что нужны "
                     "равные правила», заявил Петр Соколов, — «Любой другой "
                     "подход вредит пивоварам».\n\n"
                     "«Мы будем голосовать за каждый закон отдельно», - "
                     "заявил Reuters представитель Демократической "
                     "партии от Нью-Йорка Анна Вебер.",
                     "ru");
    const char *sk = entity_key(&ru, "Петр Соколов");
    assert_non_null(sk);
    char want[128];
    snprintf(want, sizeof want, "quote|%s", sk + strlen("entity|"));
    for (size_t i = 0; i < ru.fs->n_facts; i++)
        if (ru.fs->facts[i].type == STORY_FACT_QUOTE &&
            ru.fs->facts[i].sentence == 0)
            assert_string_equal(ru.fs->facts[i].key, want);
    assert_speaker(&ru, 1, "Анна Вебер");
    run en = extract(
        "\"Our position is very clear,\" the association wrote to MEPs and "
        "government negotiators.\n\n"
        "Matt Palmer, who follows the shares for Arden Capital, he said the "
        "chain had a strong year.\n\n"
        "Northwind Foods opened 40 shops in March. Northwind Foods sells "
        "bread across the country. Prices rose at the FTSE 250 firm.\n\n"
        "The business also said that orders kept growing.",
        "en");
    assert_string_equal(quote_in(&en, 0), "quote|?");
    assert_speaker(&en, 1, "Matt Palmer");
    assert_speaker(&en, 5, "Northwind Foods");
    /* an indefinite "a leading bank" is another organisation */
    run ia = extract("Northwind Foods opened 40 shops in March. Northwind "
                     "Foods sells bread across the country.\n\n"
                     "An official from a leading bank said the chain will "
                     "grow.",
                     "en");
    const char *iq = quote_in(&ia, 2);
    assert_non_null(iq);
    assert_string_not_equal(iq, "quote|vds");
    assert_string_not_equal(iq, quote_in(&en, 5));
    run_free(&ia);
    run de = extract("Der Konzern Siemens Energy eröffnete im März 40 "
                     "Werke. Siemens Energy verkauft Turbinen.\n\n"
                     "Das Unternehmen sagte außerdem, dass die Nachfrage "
                     "stark bleibe.",
                     "de");
    assert_speaker(&de, 2, "Siemens Energy");
    run_free(&ru);
    run_free(&en);
    run_free(&de);
}

/* Session 4: an attribution cue needs a source ("podle návrhu",
 * "según el tipo", "according to our count" are none); "according to
 * <a named speaker or an official>" is also that speaker's indirect
 * quote, as "X said" is ("laut Greggs" ~ "Greggs said"). */
static void test_attribution_needs_source(void **state)
{
    (void)state;
    run cs = extract("Zákon měl podle stejného návrhu platit od ledna.", "cs");
    assert_int_equal(n_type(&cs, STORY_FACT_ATTRIBUTION), 0);
    run es = extract("Los precios varían según el tipo de avión.", "es");
    assert_int_equal(n_type(&es, STORY_FACT_ATTRIBUTION), 0);
    run en = extract("According to Vladimir Putin, the talks will resume "
                     "next week.\n\n"
                     "According to officials, the bridge will reopen.",
                     "en");
    assert_speaker(&en, 0, "Vladimir Putin");
    assert_int_equal(n_type(&en, STORY_FACT_ATTRIBUTION), 2);
    assert_string_equal(quote_in(&en, 1), "quote|OFFICIAL");
    /* a REPORT verb without a source is impersonal ("it was reported
     * that") or none ("can report on conditions"); a noun of its stem
     * ("información") is no verb */
    run rp = extract("An oversight office can report on conditions that "
                     "they have seen.\n\n"
                     "It was reported that the bridge had collapsed.",
                     "en");
    assert_int_equal(n_type(&rp, STORY_FACT_ATTRIBUTION), 1);
    assert_int_equal(n_key(&rp, STORY_FACT_ATTRIBUTION,
                           "attribution|ANONYMOUS"),
                     1);
    run_free(&rp);
    run ri = extract("La oficina publicó información que muestra el "
                     "problema.",
                     "es");
    assert_int_equal(n_type(&ri, STORY_FACT_ATTRIBUTION), 0);
    run_free(&ri);
    /* hi: the noun रिपोर्ट (report) alone is no REPORT verb */
    run hi = extract("यह रिपोर्ट बहुत लंबी है और इसमें कई तथ्य हैं।", "hi");
    assert_int_equal(n_type(&hi, STORY_FACT_ATTRIBUTION), 0);
    run_free(&hi);
    run de = extract("Laut Wladimir Putin werden die Gespräche nächste Woche "
                     "fortgesetzt.",
                     "de");
    assert_speaker(&de, 0, "Wladimir Putin");
    run_free(&cs);
    run_free(&es);
    run_free(&en);
    run_free(&de);
}

/* Session 4: DECLARE (declare war / a state of emergency / independence;
 * de ausrufen, ru объявить войну) is an event concept, so "did not
 * declare war" is a negated event; "willingness to", "ability to"
 * (ru "готовность") hedge the event after them. */
static void test_event_declare_and_hedges(void **state)
{
    (void)state;
    run en = extract("The country did not declare war on its neighbour.\n\n"
                     "Germany expressed its willingness to participate in "
                     "the mission.\n\n"
                     "The minister's ability to travel abroad is restricted.",
                     "en");
    int seen = 0;
    for (size_t i = 0; i < en.fs->n_facts; i++) {
        const story_fact *f = &en.fs->facts[i];
        if (f->type != STORY_FACT_EVENT)
            continue;
        if (strcmp(f->key, "event||DECLARE|") == 0) {
            assert_true(f->negated);
            seen |= 1;
        }
        if (strcmp(f->key, "event||PARTICIPATE|") == 0) {
            assert_true(f->hedged);
            seen |= 2;
        }
        if (strcmp(f->key, "event||TRAVEL|") == 0) {
            assert_true(f->hedged);
            seen |= 4;
        }
    }
    assert_int_equal(seen, 7);
    run ru = extract("Страна не объявила войну соседу. Германия выразила "
                     "готовность участвовать в миссии.",
                     "ru");
    assert_int_equal(n_event(&ru, "DECLARE"), 1);
    for (size_t i = 0; i < ru.fs->n_facts; i++)
        if (ru.fs->facts[i].type == STORY_FACT_EVENT &&
            strcmp(ru.fs->facts[i].key, "event||PARTICIPATE|") == 0)
            assert_true(ru.fs->facts[i].hedged);
    run de = extract("Das Land hat den Notstand nicht ausgerufen.", "de");
    assert_int_equal(n_event(&de, "DECLARE"), 1);
    run_free(&en);
    run_free(&ru);
    run_free(&de);
}

/* Session 4: a sentence with a direct quote holds one more speech act
 * before it when that has a reporting verb of its own ("has stated it
 * will not … and has vowed to "…""): two quotes of one speaker. */
static void test_quote_speech_act_before_direct_quote(void **state)
{
    (void)state;
    run en = extract("Norway has stated it will not send ships and has vowed "
                     "to \"defend its waters firmly and calmly\" in the "
                     "north.",
                     "en");
    run ru = extract("Россия заявила, что не примет иностранные войска, и "
                     "пообещала «защищать свои интересы жёстко и "
                     "решительно».",
                     "ru");
    const run *rs[2] = {&en, &ru};
    for (int r = 0; r < 2; r++) {
        size_t direct = 0, indirect = 0;
        const char *k0 = NULL;
        for (size_t i = 0; i < rs[r]->fs->n_facts; i++) {
            const story_fact *f = &rs[r]->fs->facts[i];
            if (f->type != STORY_FACT_QUOTE)
                continue;
            direct += f->direct != 0;
            indirect += f->direct == 0;
            if (k0)
                assert_string_equal(f->key, k0);
            k0 = f->key;
            assert_string_not_equal(f->key, "quote|?");
        }
        assert_int_equal(direct, 1);
        assert_int_equal(indirect, 1);
    }
    run_free(&en);
    run_free(&ru);
}

/* Session 6 (fresh-user M2): a quote's span starts at its speaker's
 * whole name, never inside it (zh "凯勒" was cut to "勒表示…"). */
static void test_quote_span_starts_at_name(void **state)
{
    (void)state;
    struct {
        const char *lang, *text, *name;
    } cases[] = {
        {"zh", "市长安娜\xc2\xb7凯勒表示，码头维修后可以安全开放。",
         "安娜\xc2\xb7凯勒"},
        {"en", "Mayor Ruth Okafor said the harbour wall is safe after repairs.",
         "Ruth Okafor"},
    };
    for (size_t c = 0; c < sizeof cases / sizeof cases[0]; c++) {
        run r = extract(cases[c].text, cases[c].lang);
        const story_fact *q = NULL;
        for (size_t i = 0; i < r.fs->n_facts && !q; i++)
            if (r.fs->facts[i].type == STORY_FACT_QUOTE)
                q = &r.fs->facts[i];
        assert_non_null(q);
        const char *name = strstr(cases[c].text, cases[c].name);
        assert_non_null(name);
        assert_int_equal(q->start, (size_t)(name - cases[c].text));
        run_free(&r);
    }
}

/* Session 7 (fresh-user M1): any noun phrase after "according to" (pack
 * "attribution_cues_any_source") is a source, class OTHER, so dropping it
 * is seen; a phrase that runs on into the clause ("according to the plan
 * drawn up", "according to the office of …") or a number is none. */
static void test_attribution_any_noun_phrase(void **state)
{
    (void)state;
    run en = extract("The road to the valley was closed, according to the "
                     "county fire service.\n\n"
                     "Two barns burned down overnight, according to the "
                     "coastal rescue brigade.\n\n"
                     "The ferry sails at noon according to the plan drawn "
                     "up in May.\n\n"
                     "Prices rose according to 2024 levels.",
                     "en");
    assert_int_equal(n_key(&en, STORY_FACT_ATTRIBUTION, "attribution|OTHER"),
                     2);
    assert_int_equal(n_type(&en, STORY_FACT_ATTRIBUTION), 2);
    run_free(&en);
    run de = extract("Die Straße zum Hafen bleibt gesperrt, laut der "
                     "örtlichen Bergwacht.",
                     "de");
    assert_int_equal(n_key(&de, STORY_FACT_ATTRIBUTION, "attribution|OTHER"),
                     1);
    run_free(&de);
    /* "according to the office of the commissioner": the phrase must
     * end its clause */
    run of = extract("According to the office of the harbour master, the "
                     "pier stays shut.",
                     "en");
    assert_int_equal(n_key(&of, STORY_FACT_ATTRIBUTION, "attribution|OTHER"),
                     0);
    run_free(&of);
}

/* Czech negates a reporting verb by its prefix: "neuvedla" (did not
 * state), "nepotvrdil" (did not confirm) report a denied claim, "nepopřel" (did
 * not deny) an affirmed one; a word that only starts with "ne" is no
 * verb ("Nedávno", recently; before session 11 no quote was read at all). */
static void test_cs_prefix_negated_verb(void **state)
{
    (void)state;
    run r = extract("Policie uvedla, že požár je pod kontrolou.\n\n"
                    "Nedávno policie neuvedla, že požár je pod "
                    "kontrolou.\n\n"
                    "Mluvčí nemocnice nepotvrdil, že zemřeli tři "
                    "pacienti.\n\n"
                    "Starosta nepopřel, že sklad shořel.",
                    "cs");
    int seen[4] = {0, 0, 0, 0}, neg[4] = {0, 0, 0, 0};
    for (size_t i = 0; i < r.fs->n_facts; i++) {
        const story_fact *f = &r.fs->facts[i];
        if (f->type != STORY_FACT_QUOTE || f->sentence > 3)
            continue;
        seen[f->sentence] = 1;
        neg[f->sentence] = f->negated;
    }
    assert_true(seen[0] && seen[1] && seen[2] && seen[3]);
    assert_false(neg[0]);
    assert_true(neg[1]);
    assert_true(neg[2]);
    assert_false(neg[3]); /* did not deny: the claim stands */
    run_free(&r);

    /* and `check` reads the first two as one speaker's claim affirmed and
     * denied */
    r = extract("Policie uvedla, že požár je pod kontrolou.\n\n"
                "Vítr foukal celý den od moře.\n\n"
                "Policie neuvedla, že požár je pod kontrolou.",
                "cs");
    story_contradiction *cs = NULL;
    size_t n = 0;
    story_error err;
    assert_int_equal(story_facts_check(&cs, &n, ctx, r.a, r.fs, &err), 0);
    assert_int_equal(n, 1);
    assert_int_equal(r.fs->facts[cs[0].fact_a].type, STORY_FACT_QUOTE);
    story_contradictions_free(cs, n);
    run_free(&r);
}

/* Session 12: after an attribution cue, a capitalised word that is no
 * entity is a body named in common words (the entity rules leave such
 * names out: translations translate them): an attribution of class OTHER
 * and an unresolved quote (quote|?), in ru, uk and cs, when an
 * organisation word of "entity_kinds" (agency, service, office, in any
 * case form) is among its first words; a lower-case noun after the cue
 * ("согласно закону", pursuant to a law) and a named law ("Закону о
 * выборах") are no source. */
static void test_cue_before_named_body(void **state)
{
    (void)state;
    run ru = extract("Согласно Федеральному агентству лесного хозяйства, "
                     "пожар в тайге потушили за два дня.\n\n"
                     "Согласно закону, выборы пройдут весной.\n\n"
                     "Согласно Закону о выборах, голосование длится два "
                     "дня.",
                     "ru");
    assert_int_equal(n_key(&ru, STORY_FACT_QUOTE, "quote|?"), 1);
    assert_string_equal(quote_in(&ru, 0), "quote|?");
    assert_null(quote_in(&ru, 1));
    assert_null(quote_in(&ru, 2));
    assert_int_equal(n_key(&ru, STORY_FACT_ATTRIBUTION, "attribution|OTHER"),
                     1);
    run_free(&ru);
    run uk = extract("За даними Державної служби надзвичайних ситуацій, "
                     "рятувальники працювали всю ніч.",
                     "uk");
    assert_string_equal(quote_in(&uk, 0), "quote|?");
    run_free(&uk);
    run cs = extract("Podle Státního úřadu pro jadernou bezpečnost je "
                     "elektrárna v pořádku.\n\n"
                     "Podle návrhu se daně nezmění.",
                     "cs");
    assert_string_equal(quote_in(&cs, 0), "quote|?");
    assert_null(quote_in(&cs, 1));
    run_free(&cs);
}

/* Session 16 (fresh-user 16 M3): a paragraph that is only a quote, right
 * after a paragraph whose last sentence holds an attributed quote, goes
 * on with that speaker's words; a quote paragraph after a paragraph that
 * names someone else last, or with text of its own, or not right after,
 * keeps no speaker. */
static void test_quote_follow_on_paragraph(void **state)
{
    (void)state;
    run en = extract(
        "\"We will not sign this budget,\" Senator Maria Lopez of Ohio "
        "told reporters.\n\n"
        "\"We have had months to fix it and nothing changed.\"\n\n"
        "\"The people of Ohio deserve better than this.\"\n\n"
        "The vote is expected on Friday.\n\n"
        "\"Nobody here wants another shutdown this winter.\"",
        "en");
    assert_speaker(&en, 0, "Maria Lopez");
    assert_speaker(&en, 1, "Maria Lopez");
    assert_speaker(&en, 2, "Maria Lopez"); /* a chain of them */
    /* after a paragraph without a quote: unresolved */
    assert_string_equal(quote_in(&en, 4), "quote|?");
    run_free(&en);

    run en2 = extract(
        "\"We will not sign this budget,\" Senator Maria Lopez said. Her "
        "colleague Tom Reed disagreed.\n\n"
        "\"We have had months to fix it and nothing changed.\"",
        "en");
    /* the quote is not in the last sentence of the paragraph before */
    assert_string_equal(quote_in(&en2, 2), "quote|?");
    run_free(&en2);

    run de = extract(
        "\u201eWir werden diesen Haushalt nicht unterschreiben\u201c, sagte "
        "die Senatorin Maria Lopez am Montag.\n\n"
        "\u201eWir hatten Monate Zeit, und nichts hat sich ge\u00e4ndert.\u201c",
        "de");
    assert_speaker(&de, 0, "Maria Lopez");
    assert_speaker(&de, 1, "Maria Lopez");
    run_free(&de);

    run uk = extract(
        "\u00ab\u041c\u0438 \u043d\u0435 \u043f\u0456\u0434\u043f\u0438\u0448\u0435\u043c\u043e "
        "\u0446\u0435\u0439 \u0431\u044e\u0434\u0436\u0435\u0442\u00bb, \u2014 "
        "\u0441\u043a\u0430\u0437\u0430\u043b\u0430 \u0441\u0435\u043d\u0430\u0442\u043e\u0440\u043a\u0430 "
        "\u041c\u0430\u0440\u0456\u044f \u041b\u043e\u043f\u0435\u0441.\n\n"
        "\u00ab\u0423 \u043d\u0430\u0441 \u0431\u0443\u043b\u0438 \u043c\u0456\u0441\u044f\u0446\u0456, "
        "\u0430\u043b\u0435 \u043d\u0456\u0447\u043e\u0433\u043e \u043d\u0435 "
        "\u0437\u043c\u0456\u043d\u0438\u043b\u043e\u0441\u044f.\u00bb",
        "uk");
    const char *k0 = quote_in(&uk, 0), *k1 = quote_in(&uk, 1);
    assert_non_null(k0);
    assert_non_null(k1);
    assert_string_not_equal(k0, "quote|?");
    assert_string_equal(k0, k1);
    run_free(&uk);
}

/* Session 18 (fresh-user 17 H1, M1, H2): the speaker named in the
 * reporting clause, never the previous sentence's person; the addressee of
 * "told" is no speaker; the claim before ", the minister X said" is in the
 * quote. */
static void test_speaker_named_in_clause(void **state)
{
    (void)state;
    /* a surname never seen before, opening "X said" (no pro-drop) */
    run en = extract("Mike Lawler spoke about the budget in New York. Massie "
                     "said it is worth waiting for a better deal.",
                     "en");
    assert_speaker(&en, 1, "Massie");
    run_free(&en);
    run de = extract("Mike Lawler sprach in New York \u00fcber den Haushalt. "
                     "Massie sagte, man solle auf einen besseren Deal warten.",
                     "de");
    assert_speaker(&de, 1, "Massie");
    run_free(&de);
    /* "Dann sagte er": an inverted verb, no name opens the clause */
    run de2 = extract("Die Br\u00fccke ist seit Montag gesperrt. Dann sagte "
                      "er, sie sei sicher.",
                      "de");
    assert_null(entity_key(&de2, "Dann"));
    run_free(&de2);
    /* pro-drop languages: the capitalised word is no lexicon headword,
     * so the speaker is unresolved, not Lawler */
    run ru = extract("\u041c\u0430\u0439\u043a \u041b\u043e\u0443\u043b"
                     "\u0435\u0440 \u0433\u043e\u0432\u043e\u0440\u0438"
                     "\u043b \u043e \u0431\u044e\u0434\u0436\u0435\u0442"
                     "\u0435. \u041c\u0430\u0441\u0441\u0438 \u0437\u0430"
                     "\u044f\u0432\u0438\u043b, \u0447\u0442\u043e "
                     "\u0441\u0442\u043e\u0438\u0442 \u043f\u043e\u0434"
                     "\u043e\u0436\u0434\u0430\u0442\u044c.",
                     "ru");
    assert_string_equal(quote_in(&ru, 1), "quote|?");
    run_free(&ru);
    run es = extract("Mike Lawler habl\u00f3 del presupuesto en Nueva York. "
                     "Massie dijo que vale la pena esperar un mejor acuerdo.",
                     "es");
    assert_string_equal(quote_in(&es, 1), "quote|?");
    run_free(&es);
    /* ... the surname of a person named later in the article speaks */
    run cs = extract("Mike Lawler mluvil o rozpo\u010dtu. Massie dodal, \u017ee "
                     "je t\u0159eba po\u010dkat. Thomas Massie zastupuje "
                     "Kentucky.",
                     "cs");
    assert_speaker(&cs, 1, "Thomas Massie");
    run_free(&cs);
    /* ... and an adverb, a headword of the lexicon, opens a clause whose
     * subject is the person before ("Pozd\u011bji dodal") */
    run cs2 = extract("Mike Lawler mluvil o rozpo\u010dtu. Pozd\u011bji "
                      "dodal, \u017ee je t\u0159eba po\u010dkat.",
                      "cs");
    assert_speaker(&cs2, 1, "Mike Lawler");
    run_free(&cs2);
    /* M1: "he told Newsweek": Newsweek is spoken to */
    run en2 = extract("\"We will wait a long time for a budget deal,\" he "
                      "told Newsweek.",
                      "en");
    assert_string_equal(quote_in(&en2, 0), "quote|?");
    run_free(&en2);
    /* M1: uk "сказав Массі Newsweek": two names, the second one the outlet */
    run uk = extract("\u00ab\u041c\u0438 \u0431\u0443\u0434\u0435\u043c"
                     "\u043e \u0434\u043e\u0432\u0433\u043e \u0447\u0435"
                     "\u043a\u0430\u0442\u0438 \u043d\u0430 \u0443\u0433"
                     "\u043e\u0434\u0443\u00bb, \u2013 \u0441\u043a\u0430"
                     "\u0437\u0430\u0432 \u041c\u0430\u0441\u0441\u0456 "
                     "Newsweek.",
                     "uk");
    assert_speaker(&uk, 0, "\u041c\u0430\u0441\u0441\u0456");
    assert_non_null(entity_key(&uk, "Newsweek"));
    run_free(&uk);
    /* M1: zh "对《新闻周刊》表示" (said to Newsweek) */
    run zh = extract("\u201c\u6211\u4eec\u5c06\u957f\u671f\u7b49\u5f85"
                     "\u9884\u7b97\u534f\u8bae\uff0c\u201d\u9a6c\u897f"
                     "\u5bf9\u300a\u65b0\u95fb\u5468\u520a\u300b\u8868"
                     "\u793a\u3002",
                     "zh");
    const char *zk = quote_in(&zh, 0);
    assert_non_null(zk);
    assert_string_not_equal(zk, "quote|nsvk");
    run_free(&zh);
    /* de: "die New Yorker Senatorin der Demokraten Anna Keller" */
    run de3 = extract("\u201eDie Br\u00fccke bleibt bis zum Fr\u00fchjahr "
                      "gesperrt\u201c, sagte die New Yorker Senatorin der "
                      "Demokraten Anna Keller dem Sender.",
                      "de");
    assert_speaker(&de3, 0, "Anna Keller");
    run_free(&de3);
    /* H2: the claim before ", the regional minister X said" */
    run en3 = extract("The old bridge is safe for heavy trucks, the regional "
                      "minister Anna Keller said on Tuesday.",
                      "en");
    assert_speaker(&en3, 0, "Anna Keller");
    for (size_t i = 0; i < en3.fs->n_facts; i++)
        if (en3.fs->facts[i].type == STORY_FACT_QUOTE)
            assert_int_equal(en3.fs->facts[i].start, 0);
    run_free(&en3);
    /* es: an adjective between the role and the name ("la ministra
     * regional Anna Keller") */
    run es2 = extract("El puente viejo es seguro para camiones pesados, dijo "
                      "la ministra regional Anna Keller el martes.",
                      "es");
    assert_speaker(&es2, 0, "Anna Keller");
    run_free(&es2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_year_ranges_are_dates),
        cmocka_unit_test(test_quote_opening_name_speaks),
        cmocka_unit_test(test_quote_pronoun_speaker),
        cmocka_unit_test(test_quote_sentence_initial_surname),
        cmocka_unit_test(test_quote_inverted_and_origin),
        cmocka_unit_test(test_event_non_events),
        cmocka_unit_test(test_event_vocabulary_session3),
        cmocka_unit_test(test_check_hedged_and_postpositive),
        cmocka_unit_test(test_quote_reported_speech_and_speak),
        cmocka_unit_test(test_quote_content_name_and_centering),
        cmocka_unit_test(test_quote_full_names_and_contexts),
        cmocka_unit_test(test_quote_bare_clause),
        cmocka_unit_test(test_quote_speaker_session4),
        cmocka_unit_test(test_attribution_needs_source),
        cmocka_unit_test(test_event_declare_and_hedges),
        cmocka_unit_test(test_quote_speech_act_before_direct_quote),
        cmocka_unit_test(test_quote_span_starts_at_name),
        cmocka_unit_test(test_attribution_any_noun_phrase),
        cmocka_unit_test(test_cs_prefix_negated_verb),
        cmocka_unit_test(test_cue_before_named_body),
        cmocka_unit_test(test_quote_follow_on_paragraph),
        cmocka_unit_test(test_speaker_named_in_clause),
    };
    return cmocka_run_group_tests_name("facts_speech", tests, setup,
                                       teardown);
}
