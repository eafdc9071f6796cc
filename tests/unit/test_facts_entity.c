/*
 * Unit tests of the entity facts (src/facts_entity.c) that concern keys
 * across languages: generic name words, defined common-noun acronyms,
 * codes, subdivisions. Sentences written for these tests.
 */
#define _POSIX_C_SOURCE 200809L
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "storydiff/storydiff.h"
#include "support.h"
#include "ctx_fixture.h"

/* Key of the first entity fact whose name contains `part`, or "". */
static const char *key_of(const run *r, const char *part)
{
    for (size_t i = 0; i < r->fs->n_facts; i++) {
        const story_fact *f = &r->fs->facts[i];
        if (f->type == STORY_FACT_ENTITY && f->name && strstr(f->name, part))
            return f->key;
    }
    return "";
}

static int has_key(const run *r, const char *key)
{
    for (size_t i = 0; i < r->fs->n_facts; i++) {
        const story_fact *f = &r->fs->facts[i];
        if (f->type == STORY_FACT_ENTITY && strcmp(f->key, key) == 0)
            return 1;
    }
    return 0;
}

/* "Tacoma International Airport" / "Международный аэропорт Такома" /
 * "Aeropuerto Internacional de Tacoma": the key is the proper part. */
static void test_generic_name_words(void **state)
{
    (void)state;
    run en = extract("Flights from Brandoval International Airport "
                     "resumed on Monday, a spokesman for Qantara Airlines "
                     "said.", "en");
    run ru = extract("Рейсы из международного аэропорта Брандовал "
                     "возобновились в понедельник, сообщил представитель "
                     "Qantara Airlines.", "ru");
    run es = extract("Los vuelos del Aeropuerto Internacional de Brandoval "
                     "se reanudaron el lunes, dijo un portavoz de Qantara "
                     "Airlines.", "es");
    const char *k = key_of(&en, "Brandoval");
    assert_true(k[0]);
    assert_true(has_key(&ru, k));
    assert_true(has_key(&es, k));
    const char *o = key_of(&en, "Qantara");
    assert_true(o[0]);
    assert_true(has_key(&ru, o));
    /* a name of generic words only is no entity */
    run g = extract("The Airlines said the Airport was closed.", "en");
    assert_string_equal(key_of(&g, "Airport"), "");
    run_free(&en);
    run_free(&ru);
    run_free(&es);
    run_free(&g);
}

/* Codes and amounts ("N585", "A320") and an acronym the article defines
 * by a lower-case phrase are no entities; an ISO 3166-2 subdivision
 * (iso-codes) has one key across scripts. */
static void test_codes_acronyms_subdivisions(void **state)
{
    (void)state;
    run c = extract("The board approved a new working group (NWG) and a "
                    "grant of N900 million. The NWG will meet in Vermont "
                    "next month.", "en");
    assert_string_equal(key_of(&c, "NWG"), "");
    assert_string_equal(key_of(&c, "N900"), "");
    const char *v = key_of(&c, "Vermont");
    assert_true(v[0]);
    run ru = extract("Рабочая группа соберётся в Вермонте в следующем "
                     "месяце.", "ru");
    run zh = extract("工作组下个月将在佛蒙特州开会。", "zh");
    assert_true(has_key(&ru, v));
    assert_true(has_key(&zh, v));
    /* a capitalised name before the parenthesis is a name */
    run o = extract("The Northern Water Guild (NWG) said on Monday it was "
                    "ready.", "en");
    assert_true(key_of(&o, "NWG")[0] || key_of(&o, "Guild")[0]);
    run_free(&c);
    run_free(&ru);
    run_free(&zh);
    run_free(&o);
}

/* A common-noun acronym after a name is no part of its key ("Solana
 * ETFs" = "Solana"); a US postal abbreviation is its state. */
static void test_acronym_heads_postal_codes(void **state)
{
    (void)state;
    run en = extract("Investors poured money into Solana ETFs last week, "
                     "a fund manager in Spokane, WA said.", "en");
    run de = extract("Anleger steckten letzte Woche Geld in Solana, sagte "
                     "ein Fondsmanager im Bundesstaat Washington.", "de");
    const char *k = key_of(&en, "Solana");
    assert_true(k[0]);
    assert_true(has_key(&de, k));
    const char *w = key_of(&en, "WA");
    assert_true(w[0]);
    assert_true(has_key(&de, w));
    run_free(&en);
    run_free(&de);
}

/* A common word after a role across a comma is no name ("the Social
 * Democrats, Free Democrats"); right after a title it is ("Senator
 * Price"). */
static void test_role_across_comma(void **state)
{
    (void)state;
    run en = extract("The coalition of the Social Democrats, Free Democrats "
                     "and Greens lost votes, Senator Price said.", "en");
    assert_string_equal(key_of(&en, "Free"), "");
    assert_true(key_of(&en, "Price")[0]);
    run_free(&en);
}

/* An ISO 4217 currency code is no organisation. */
static void test_currency_codes(void **state)
{
    (void)state;
    run de = extract("Der Kurs fiel auf 1,08 USD, sagte die Bundesbank.",
                     "de");
    assert_string_equal(key_of(&de, "USD"), "");
    run_free(&de);
}

/* German: a surname that looks like a compound noun stays in the name
 * after a first name ("Merrick Garland": Gar + land); after a known
 * surname a noun is the object ("dass Hallberg Schwierigkeiten hat"). */
static void test_german_surname_nouns(void **state)
{
    (void)state;
    run de = extract("Der Bericht nennt Ansgar Hallberg. Gestern sagte "
                     "Kevin Birkland, dass Hallberg Schwierigkeiten hat.",
                     "de");
    run en = extract("Kevin Birkland said so.", "en");
    const char *k = key_of(&en, "Birkland");
    assert_true(k[0]);
    assert_true(has_key(&de, k));
    assert_string_equal(key_of(&de, "Schwierigkeiten"), "");
    run_free(&de);
    run_free(&en);
}

/* Czech case endings of foreign names in -y ("Kennedyho", "Kennedym"). */
static void test_czech_foreign_endings(void **state)
{
    (void)state;
    run cs = extract("Podle Brandyho se schůzka nekonala. Se Zachary "
                     "Brandym mluvili včera.", "cs");
    run en = extract("Zachary Brandy said so.", "en");
    const char *k = key_of(&en, "Brandy");
    assert_true(k[0]);
    assert_true(has_key(&cs, k));
    run_free(&cs);
    run_free(&en);
}

/* ja: the word segmenter cuts a rare katakana name into one-letter pieces
 * ("ク" "レ" "メン"); the whole name is one entity with the English key.
 * en: a run of common words is a name in a person's context. */
static void test_katakana_pieces_and_common_word_names(void **state)
{
    (void)state;
    run ja = extract("タラス・クレメン氏は言語オンブズマンとして意見を話した。",
                     "ja");
    run en = extract("Taras Kremen said so.", "en");
    const char *k = key_of(&en, "Kremen");
    assert_true(k[0]);
    assert_true(has_key(&ja, k));
    assert_false(has_key(&ja, "entity|mn"));
    run_free(&ja);
    run_free(&en);
    run en2 = extract("The harbour was quiet. Perry Cooper, a spokesperson "
                      "for the harbour, said that the cranes were old.",
                      "en");
    assert_true(key_of(&en2, "Perry Cooper")[0]);
    run_free(&en2);
    /* uk: a sentence-initial surname in the nominative after the full
     * name in the genitive is the same person */
    run uk = extract("Позиція Майка Джонсона відома. Джонсон публічно "
                     "заявив, що він не підтримає резолюцію.",
                     "uk");
    const char *ku = key_of(&uk, "Джонсона");
    assert_true(ku[0]);
    size_t same = 0;
    for (size_t i = 0; i < uk.fs->n_facts; i++)
        if (uk.fs->facts[i].type == STORY_FACT_ENTITY &&
            strcmp(uk.fs->facts[i].key, ku) == 0)
            same++;
    assert_int_equal(same, 2);
    run_free(&uk);
    /* the first of two surnames alone is the person (ja, en) */
    run ja2 = extract("昨日、イグナチオ・サンチェス・リカルテ氏が会合に出席"
                      "した。「答えは来週出す」とサンチェス氏は記者に話した。",
                      "ja");
    const char *kj = key_of(&ja2, "イグナチオ");
    assert_true(kj[0]);
    assert_false(has_key(&ja2, "entity|snks"));
    run_free(&ja2);
    run en4 = extract("The group is led by Ignacio Brandes Marte. On Monday, "
                      "Brandes said that the market was different.",
                      "en");
    assert_false(has_key(&en4, "entity|brnds"));
    run_free(&en4);
}

/* A silent word-final "r" (non-rhotic English, ja/zh/hi transliteration
 * without it): "Cooper" / クーパー / 库珀 / Купер / कूपर share one key; a
 * final ル that writes an l stays ("McConnell" / マコーネル). */
static void test_silent_final_r(void **state)
{
    (void)state;
    run en = extract("Senator Harold Cooper met Mitch McConnell on Monday "
                     "to discuss the budget.", "en");
    run ja = extract("上院議員のハロルド・クーパー氏は月曜日にミッチ・"
                     "マコーネル氏と会った。", "ja");
    run zh = extract("参议员哈罗德·库珀周一会见了米奇·麦康奈尔。", "zh");
    run ru = extract("Сенатор Гарольд Купер встретился в понедельник с "
                     "Митчем Макконнеллом.", "ru");
    run hi = extract("सीनेटर हेरोल्ड कूपर ने सोमवार को बजट पर बात की।",
                     "hi");
    const char *k = key_of(&en, "Cooper");
    assert_true(k[0]);
    assert_string_equal(key_of(&ja, "クーパー"), k);
    assert_string_equal(key_of(&zh, "库珀"), k);
    assert_string_equal(key_of(&ru, "Купер"), k);
    assert_string_equal(key_of(&hi, "कूपर"), k);
    const char *m = key_of(&en, "McConnell");
    assert_true(m[0]);
    assert_string_equal(key_of(&ja, "マコーネル"), m);
    assert_string_equal(key_of(&ru, "Макконнелл"), m);
    run_free(&en);
    run_free(&ja);
    run_free(&zh);
    run_free(&ru);
    run_free(&hi);
}

/* Hindi writes a nasal before a consonant as anusvara or as a half
 * letter (रवांडा / रवान्डा): one place key, the English one. */
static void test_devanagari_half_nasal(void **state)
{
    (void)state;
    run hi = extract("रवान्डा ने सोमवार को कहा कि रवांडा की सरकार तैयार है।",
                     "hi");
    run en = extract("Officials said on Monday that Rwanda was ready.",
                     "en");
    const char *k = key_of(&en, "Rwanda");
    assert_true(k[0]);
    assert_string_equal(key_of(&hi, "रवान्डा"), k);
    assert_string_equal(key_of(&hi, "रवांडा"), k);
    run_free(&hi);
    run_free(&en);
}

/* "Dennis M. Kelleher" is one person keyed by the surname, in Latin and
 * Cyrillic; "Vs" in a title ends the name ("Mr Bates Vs The Post Office"
 * gives Bates, not "Bates Vs"). */
static void test_middle_initial_and_breakers(void **state)
{
    (void)state;
    run en = extract("The lawyer Dennis M. Kelleher said the fund was a "
                     "mistake. Kelleher spoke in the morning.", "en");
    run ru = extract("Юрист Деннис М. Келлехер заявил, что фонд был "
                     "ошибкой.", "ru");
    const char *k = key_of(&en, "Kelleher");
    assert_true(k[0]);
    assert_non_null(strstr(key_of(&en, "Dennis"), k));
    assert_string_equal(key_of(&en, "Dennis"), k);
    assert_string_equal(key_of(&ru, "Деннис"), key_of(&ru, "Келлехер"));
    run tv = extract("Millions watched the drama Mr Bates Vs The Post Office "
                     "on television last week.", "en");
    assert_false(key_of(&tv, "Vs")[0]);
    assert_true(key_of(&tv, "Bates")[0]);
    run_free(&en);
    run_free(&ru);
    run_free(&tv);
}

/* "U.S." is the United States (same key as "US" and "United States");
 * "commander Europe," is part of a title, not a place; a common-noun
 * acronym at the end of a name is not part of it ("Zentro ETFs" names
 * Zentro); the Joint Chiefs of Staff is an organisation with one key in
 * English and Russian. */
static void test_dotted_places_titles_acronyms(void **state)
{
    (void)state;
    run en = extract("Officials in the U.S. said on Monday that the United "
                     "States would wait. Gen. Mara Velk, allied commander "
                     "Europe, met the Joint Chiefs of Staff. Investors "
                     "bought Zentro ETFs while Zentro itself fell.", "en");
    const char *us = key_of(&en, "U.S");
    assert_true(us[0]);
    assert_string_equal(key_of(&en, "United States"), us);
    assert_false(key_of(&en, "Europe")[0]);
    const char *z = key_of(&en, "Zentro");
    assert_true(z[0]);
    for (size_t i = 0; i < en.fs->n_facts; i++) {
        const story_fact *f = &en.fs->facts[i];
        if (f->type == STORY_FACT_ENTITY && f->name)
            assert_null(strstr(f->name, "ETF"));
    }
    run ru = extract("Генерал встретился с Объединённым комитетом "
                     "начальников штабов в понедельник.", "ru");
    const char *j = key_of(&en, "Joint Chiefs");
    assert_true(j[0]);
    assert_true(has_key(&ru, j));
    run_free(&en);
    run_free(&ru);
}

/* Hindi: a word before a postposition (का, के, को, में …) is a name when
 * it is no word of the Hindi dictionary (locales/wordlists/hi.txt), has
 * no native letter or ending (ष, -ता) and is no English loanword: the
 * transliterated "मैककोनेल" is McConnell; "परिवार" (family), "विफलता"
 * (failure) and "प्रोडक्ट्स" (products) are not names. */
static void test_hindi_names_before_postpositions(void **state)
{
    (void)state;
    run hi = extract("सोमवार को मैककोनेल के कार्यालय ने बयान जारी किया। "
                     "परिवार के लोगों ने प्रोडक्ट्स की कीमतों और विफलता की "
                     "बात की।", "hi");
    run en = extract("On Monday the office of Senator McConnell issued a "
                     "statement.", "en");
    const char *k = key_of(&en, "McConnell");
    assert_true(k[0]);
    assert_string_equal(key_of(&hi, "मैककोनेल"), k);
    assert_false(key_of(&hi, "परिवार")[0]);
    assert_false(key_of(&hi, "विफलता")[0]);
    assert_false(key_of(&hi, "प्रोडक्ट्स")[0]);
    run_free(&hi);
    run_free(&en);
}

/* Time-zone abbreviations and disease names written as acronyms are no
 * organisations ("09:00 KST", "COVID"); a word that is only a time zone
 * in lower case elsewhere stays ("West" in a name). */
static void test_time_zones_and_diseases(void **state)
{
    (void)state;
    run en = extract("The launch is planned for 09:00 KST on Friday, the "
                     "Korea Aerospace Research Institute said, after COVID "
                     "delays.", "en");
    assert_string_equal(key_of(&en, "KST"), "");
    assert_string_equal(key_of(&en, "COVID"), "");
    assert_true(key_of(&en, "Korea Aerospace")[0]);
    run_free(&en);
    run pst = extract("Dana Whitlow will speak at 10 a.m. PST, her office "
                      "said.", "en");
    assert_string_equal(key_of(&pst, "PST"), "");
    assert_true(key_of(&pst, "Whitlow")[0]);
    run_free(&pst);
}

/* English common words that FreeDict only writes capitalised in names
 * (Act, Legislature, Islamic, Taskforce): translations translate them,
 * so alone or in a run of common words they are no entity. */
static void test_english_common_word_names(void **state)
{
    (void)state;
    run en = extract("Lawmakers said the Legislature would vote on the "
                     "Clean Rivers Act before the Islamic new year, and the "
                     "Housing Taskforce agreed, Senator Ruth Okafor said.",
                     "en");
    assert_string_equal(key_of(&en, "Legislature"), "");
    assert_string_equal(key_of(&en, "Act"), "");
    assert_string_equal(key_of(&en, "Islamic"), "");
    assert_string_equal(key_of(&en, "Taskforce"), "");
    assert_true(key_of(&en, "Okafor")[0]);
    run_free(&en);
}

/* Skeleton spellings that differ only by script: a silent "e" before a
 * final s (Bates / Бейтс / 贝茨 / ベイツ / बेट्स), a nasal before a labial
 * (Edinburgh / Edimburgo), pinyin hua/huai for w in a long foreign name
 * (Whitebrook / 怀特布鲁克). */
static void test_skeleton_spellings(void **state)
{
    (void)state;
    run en = extract("Judge Alan Bates visited Edinburgh with Mark "
                     "Whitebrook on Tuesday.", "en");
    run ru = extract("Судья Алан Бейтс посетил Эдинбург вместе с Марком "
                     "Уайтбруком во вторник.", "ru");
    run zh = extract("法官艾伦·贝茨周二与马克·怀特布鲁克一起访问了爱丁堡。",
                     "zh");
    run ja = extract("アラン・ベイツ判事は火曜日にマーク・ホワイトブルック氏と"
                     "エディンバラを訪れた。", "ja");
    run es = extract("El juez Alan Bates visitó Edimburgo el martes con "
                     "Mark Whitebrook.", "es");
    const char *b = key_of(&en, "Bates");
    assert_true(b[0]);
    assert_string_equal(key_of(&ru, "Бейтс"), b);
    assert_string_equal(key_of(&zh, "贝茨"), b);
    assert_string_equal(key_of(&ja, "ベイツ"), b);
    const char *e = key_of(&en, "Edinburgh");
    assert_true(e[0]);
    assert_string_equal(key_of(&es, "Edimburgo"), e);
    const char *w = key_of(&en, "Whitebrook");
    assert_true(w[0]);
    assert_string_equal(key_of(&zh, "怀特布鲁克"), w);
    run_free(&en);
    run_free(&ru);
    run_free(&zh);
    run_free(&ja);
    run_free(&es);
}

/* A title-case headline run into the first paragraph keeps only the
 * names known from the text; a contraction is no part of a name. */
static void test_title_case_first_sentence(void **state)
{
    (void)state;
    run en = extract("Harbour Singer Jo Pellow Tests Positive For Flu. The "
                     "singer Jo Pellow has tested positive for flu, her band "
                     "said on Monday.\n\nThe fans said they Can't wait for "
                     "the tour.", "en");
    for (size_t i = 0; i < en.fs->n_facts; i++) {
        const story_fact *f = &en.fs->facts[i];
        if (f->type != STORY_FACT_ENTITY)
            continue;
        assert_null(strstr(f->name, "Tests"));
        assert_null(strstr(f->name, "Harbour"));
        assert_null(strstr(f->name, "Can"));
    }
    assert_true(key_of(&en, "Pellow")[0]);
    run_free(&en);
}

/* The plural of an acronym the article defines as a common noun is no
 * name either ("a \"stopgap bill\" (SB)" … "two SBs"); CBD (a central
 * business district) is a common-noun acronym. */
static void test_defined_acronym_plurals(void **state)
{
    (void)state;
    run en = extract("Mayor Lena Vask backed a \"stopgap bill\" (SB) for the "
                     "CBD. Councillors said two SBs were needed, Vask said.",
                     "en");
    assert_string_equal(key_of(&en, "SBs"), "");
    assert_string_equal(key_of(&en, "CBD"), "");
    assert_true(key_of(&en, "Vask")[0]);
    run_free(&en);
}

/* Session 19. A translation keeps the English acronym of a title it
 * spells out in its own words: after a pack role word (es "Contable
 * General (AG)") or after lower-case words of a non-Latin cased script
 * reaching back to a comma (uk "головному бухгалтеру (AG)"), it is no
 * organisation; an acronym after a capitalised name stays. */
static void test_translated_title_acronyms(void **state)
{
    (void)state;
    run uk = extract("Міністерка доручила Грейс Окафор, головному "
                     "бухгалтеру (AG) федерації, сплатити гроші. "
                     "Національне бюро розслідувань (NBI) відкрило справу.",
                     "uk");
    assert_false(has_key(&uk, "entity|ah"));
    assert_true(key_of(&uk, "Окафор")[0]);
    assert_true(key_of(&uk, "NBI")[0]);
    run_free(&uk);
    run es = extract("La ministra ordenó a Grace Okafor, Contable General "
                     "(AG) de la federación, pagar el dinero.",
                     "es");
    assert_false(has_key(&es, "entity|ah"));
    assert_true(key_of(&es, "Okafor")[0]);
    run_free(&es);
    /* English still compares the initials: "the chairman (AG)" is kept */
    run en = extract("She met Grace Okafor, the Accountant-General (AG) of "
                     "the federation. Later the chairman (NBI) spoke.",
                     "en");
    assert_false(has_key(&en, "entity|ah"));
    assert_true(key_of(&en, "NBI")[0]);
    run_free(&en);
}

/* Session 19. hi (no capitals): a Latin word without a capital letter (a
 * web address) is no name before a postposition, "iPhone" is; one
 * dictionary word after a title is no name ("प्रधान मंत्री कार्यालय", the
 * Prime Minister's office), a name after it is. */
static void test_hindi_lower_latin_and_office(void **state)
{
    (void)state;
    run hi = extract("अधिक जानकारी के लिए examplegallery.org पर जाएं। "
                     "iPhone पर मोहन की कला। नई योजना की समीक्षा प्रधान "
                     "मंत्री कार्यालय ने बुधवार को की। प्रधान मंत्री ऋषि सुनक ने "
                     "कहा।",
                     "hi");
    assert_false(key_of(&hi, "example")[0]);
    assert_true(key_of(&hi, "iPhone")[0]);
    assert_false(key_of(&hi, "कार्यालय")[0]);
    assert_true(key_of(&hi, "सुनक")[0]);
    run_free(&hi);
}

/* Session 7. A world form that starts inside a capitalised run ("Секретарь
 * Совета национальной безопасности …": the run stopped at the lower-case
 * words) is the world entity, keyed like the English name; New Year in an
 * inflected form; "Champs-Elysées" is one place. */
static void test_world_form_inside_run(void **state)
{
    (void)state;
    run ru = extract("Секретарь Совета национальной безопасности и обороны "
                     "Украины Иван Петров выступил с речью.", "ru");
    run en = extract("The Secretary of the National Security and Defense "
                     "Council of Ukraine, Ivan Petrov, gave a speech.", "en");
    const char *k = key_of(&en, "Council");
    assert_true(k[0]);
    assert_string_equal(key_of(&ru, "Совета"), k);
    assert_false(key_of(&ru, "Секретарь")[0]);
    run_free(&ru);
    run_free(&en);
    run cs = extract("Lékaři zavřeli ordinace mezi Vánocemi a Novým rokem.",
                     "cs");
    run en2 = extract("Doctors closed surgeries between Christmas and New "
                      "Year's Day on the Champs-Elysées.", "en");
    run ja = extract("町の病院は元旦に休み、クリスマスにも閉まった。", "ja");
    k = key_of(&en2, "New Year");
    assert_true(k[0]);
    assert_string_equal(key_of(&cs, "Novým"), k);
    assert_string_equal(key_of(&ja, "元旦"), k);
    assert_true(key_of(&en2, "Champs-Elysées")[0]);
    run_free(&cs);
    run_free(&en2);
    run_free(&ja);
}

/* Session 17 (entity-names). Icelandic and Czech write holidays and
 * bodies in lower case ("jól", "hæstiréttur", "nejvyšší soud"): a form of
 * locales/entities.json written in lower case matches lower-case text,
 * and keys as the English name does; a lower-case word that is no
 * listed form ("jólavörur") does not.
 * Ukrainian "Різдвом Христовим" is one Christmas, not a name
 * "Христовим" beside it. A Czech case form of a region (session 17:
 * "Nového Jižního Walesu") is listed. */
static void test_lower_case_world_forms(void **state)
{
    (void)state;
    run en = extract("The Supreme Court and the Senate met before Christmas "
                     "and again on New Year's Day.", "en");
    run is = extract("Málið fór fyrir hæstarétt fyrir jól. Þingmenn "
                     "öldungadeildarinnar funduðu eftir nýárs og jólavörur "
                     "seldust.", "is");
    run cs = extract("Poslanci čekali na rozhodnutí nejvyššího soudu. Mluvčí "
                     "vlády Nového Jižního Walesu mlčel.", "cs");
    run en3 = extract("The New South Wales government said nothing.", "en");
    run uk = extract("Депутати зібралися перед Різдвом Христовим.", "uk");
    const char *court = key_of(&en, "Supreme"), *xmas = key_of(&en, "Christ");
    const char *senate = key_of(&en, "Senate"), *ny = key_of(&en, "New Year");
    assert_true(court[0] && xmas[0] && senate[0] && ny[0]);
    assert_string_equal(key_of(&is, "hæstarétt"), court);
    assert_string_equal(key_of(&is, "jól"), xmas);
    assert_string_equal(key_of(&is, "öldungadeild"), senate);
    assert_string_equal(key_of(&is, "nýárs"), ny);
    assert_false(key_of(&is, "jólavörur")[0]);
    assert_string_equal(key_of(&cs, "nejvyššího"), court);
    assert_true(key_of(&en3, "Wales")[0]);
    assert_string_equal(key_of(&cs, "Walesu"), key_of(&en3, "Wales"));
    assert_string_equal(key_of(&uk, "Різдвом"), xmas);
    assert_string_equal(key_of(&uk, "Христовим"), xmas);
    run_free(&en);
    run_free(&is);
    run_free(&cs);
    run_free(&uk);
    run_free(&en3);
}

/* Session 17 (entity-names). A nationality word coordinated with another
 * that modifies a noun modifies it too: "the Czech and Belgian
 * ministers" names Czechia as the translations that write the country
 * do; ru/uk/cs coordinate adjectives in one case ending (the second need
 * not be listed), cs masculine animate plurals ("čeští") are listed.
 * Languages coordinated without a noun stay no place ("speaks Czech and
 * English,"). */
static void test_coordinated_nationalities(void **state)
{
    (void)state;
    run en = extract("The Czech and Belgian ministers signed the treaty.",
                     "en");
    run ru = extract("Чешские и словацкие министры подписали договор.", "ru");
    run uk = extract("І чеські, і словацькі міністри підписали договір.",
                     "uk");
    run cs = extract("Čeští i slovenští ministři podepsali smlouvu.", "cs");
    run en2 = extract("She speaks Czech and English, and reads Polish.",
                      "en");
    const char *cz = key_of(&en, "Czech");
    assert_true(cz[0]);
    assert_true(has_key(&ru, cz));
    assert_true(has_key(&uk, cz));
    assert_true(has_key(&cs, cz));
    assert_false(has_key(&en2, cz));
    run_free(&en);
    run_free(&ru);
    run_free(&uk);
    run_free(&cs);
    run_free(&en2);
}

/* Session 7. Japanese katakana: "ジュニア" (Jr) is no surname, ホワ is
 * "wh" (ホワイト = white). */
static void test_katakana_junior_and_wh(void **state)
{
    (void)state;
    run ja = extract("昨日の会見でケネス・ポライト・ジュニア氏は、"
                     "記者のホワイト氏に話した。", "ja");
    run en = extract("Assistant Attorney General Kenneth Polite Jr spoke to "
                     "the reporter Jane White.", "en");
    assert_true(key_of(&en, "Polite")[0]);
    assert_string_equal(key_of(&ja, "ポライト"), key_of(&en, "Polite"));
    assert_string_equal(key_of(&ja, "ホワイト"), key_of(&en, "White"));
    run_free(&ja);
    run_free(&en);
}

/* Session 7. Hindi English loanwords with a 4-consonant skeleton are no
 * names when the spelling is also close (हाउसिंग housing, अकाउंट
 * account); a name sharing only the skeleton stays (केंटकी Kentucky,
 * contact). */
static void test_hindi_loanwords_short_skeleton(void **state)
{
    (void)state;
    run hi = extract("सरकार ने हाउसिंग में निवेश किया और बैंक ने अकाउंट को "
                     "बंद किया। केंटकी में लोग खुश थे।", "hi");
    assert_false(key_of(&hi, "हाउसिंग")[0]);
    assert_false(key_of(&hi, "अकाउंट")[0]);
    assert_true(key_of(&hi, "केंटकी")[0]);
    run_free(&hi);
}

/* Session 7. A translation keeps an English acronym after a quoted term
 * in its own words ('„vorläufigen Haushalt“ (CR)', «…» (CR), 「…」(CR)):
 * a common-noun acronym, as the English "continuing resolution" (CR). */
static void test_translated_acronym_definition(void **state)
{
    (void)state;
    run de = extract("Der Sprecher lehnte einen „vorläufigen Haushalt“ (CR) "
                     "ab. Ein CR sei keine Lösung, sagte Olaf Brenner.", "de");
    run ru = extract("Спикер отверг «временную резолюцию» (CR). Новая CR не "
                     "нужна, сказал Олег Бреннер.", "ru");
    run ja = extract("議長は「暫定予算」(CR)に反対すると話した。", "ja");
    assert_false(key_of(&de, "CR")[0]);
    assert_false(key_of(&ru, "CR")[0]);
    assert_false(key_of(&ja, "CR")[0]);
    assert_true(key_of(&de, "Brenner")[0]);
    run_free(&de);
    run_free(&ru);
    run_free(&ja);
}

/* Session 7. ja: a katakana word before 紙 (newspaper), 誌 (magazine), 族
 * (people) is a name; ウィ is "wi" (ニューズウィーク = Newsweek). */
static void test_katakana_name_suffixes(void **state)
{
    (void)state;
    run ja = extract("ゾルタン氏はニューズウィーク誌とグラスタウン紙に語った。", "ja");
    run en = extract("Mr Zoltan told Newsweek and the Glasstown daily.", "en");
    assert_true(key_of(&en, "Newsweek")[0]);
    assert_string_equal(key_of(&ja, "ニューズウィーク"), key_of(&en, "Newsweek"));
    assert_string_equal(key_of(&ja, "グラスタウン"), key_of(&en, "Glasstown"));
    run_free(&ja);
    run_free(&en);
}

/* Session 7. hi: a two-word subject before ने with one word the
 * dictionary also lists (करी) is a name; titles मिस्टर, स्पीकर start one.
 * zh: a final 尔 is l (丹尼尔 = Daniel). */
static void test_hindi_two_word_subject_and_zh_final_er(void **state)
{
    (void)state;
    run hi = extract("बैठक के बाद, रोइसिन करी ने बयान दिया। उस दिन स्पीकर "
                     "केविन मैक्कार्थी भी वहाँ थे।", "hi");
    run en = extract("After the meeting, Roisin Currie gave a statement. "
                     "Speaker Kevin McCarthy was there that day too.", "en");
    assert_true(key_of(&en, "Currie")[0]);
    assert_string_equal(key_of(&hi, "करी"), key_of(&en, "Currie"));
    assert_string_equal(key_of(&hi, "मैक्कार्थी"), key_of(&en, "McCarthy"));
    run_free(&hi);
    run_free(&en);
    run zh = extract("发言人丹尼尔·罗森代尔先生表示同意。", "zh");
    run en2 = extract("The committee heard from Daniel Rosendale on Monday, "
                      "officials said.", "en");
    assert_true(key_of(&en2, "Rosendale")[0]);
    assert_string_equal(key_of(&zh, "罗森代尔"), key_of(&en2, "Rosendale"));
    run_free(&zh);
    run_free(&en2);
}

/* Session 7. The longest gazetteer or world form wins ("EU Council" is
 * the Council, "欧州議会" the Parliament, not "EU" / "欧州"), also after
 * a nationality word ("the European Parliament"). */
static void test_longest_world_form(void **state)
{
    (void)state;
    run en = extract("Ministers agreed an EU Council mandate before talks "
                     "with the European Parliament in March.", "en");
    run ja = extract("欧州議会は新しい予算案を可決した。", "ja");
    run zh = extract("欧洲议会支持这项提案。", "zh");
    const char *k = key_of(&en, "Parliament");
    assert_true(k[0]);
    assert_true(key_of(&en, "Council")[0]);
    run eu = extract("Ministers met in the EU on Monday.", "en");
    assert_true(key_of(&eu, "EU")[0]);
    assert_false(has_key(&en, key_of(&eu, "EU")));
    run_free(&eu);
    assert_string_equal(key_of(&ja, "欧州議会"), k);
    assert_string_equal(key_of(&zh, "欧洲议会"), k);
    run_free(&en);
    run_free(&ja);
    run_free(&zh);
}

/* Session 7. English: a name of glosses of the bilingual lexicon with a
 * generic or kind word is descriptive ("Main Street", "Green Jobs Fund":
 * translations translate them); a model number or a first name keeps a
 * name ("Airbus A350", "Olivia Green"). */
static void test_gloss_names(void **state)
{
    (void)state;
    run en = extract("The product was sold to Main Street savers, and the "
                     "Green Jobs Fund paid for it. Olivia Green flew on an "
                     "Airbus A350 to the meeting, officials said.", "en");
    assert_false(key_of(&en, "Main")[0]);
    assert_false(key_of(&en, "Jobs")[0]);
    assert_true(key_of(&en, "Olivia Green")[0]);
    assert_true(key_of(&en, "Airbus")[0]);
    run_free(&en);
}

/* Session 7. English writes every word of a name capitalised: "New year,
 * same …" is no New Year, "New Year's Day" is (function words may stay
 * lower case: "Alternative for Germany"); Lviv and Edinburgh in their
 * case forms. */
static void test_english_capitalised_world_forms(void **state)
{
    (void)state;
    run en = extract("New year, same old problems, the mayor said. Shops "
                     "close on New Year's Day. The Alternative for Germany "
                     "party met in Lviv.", "en");
    run uk = extract("Партія зібралася у Львові, а потім в Единбурзі.", "uk");
    run en2 = extract("The party met in Lviv and then in Edinburgh.", "en");
    assert_string_equal(key_of(&en, "New year"), "");
    assert_true(key_of(&en, "New Year's")[0]);
    assert_true(key_of(&en, "Alternative for Germany")[0]);
    assert_string_equal(key_of(&uk, "Львові"), key_of(&en2, "Lviv"));
    assert_string_equal(key_of(&uk, "Единбурзі"), key_of(&en2, "Edinburgh"));
    run_free(&en);
    run_free(&uk);
    run_free(&en2);
}

/* Session 7. zh/ja: a gazetteer first name followed by a middle dot is
 * the first part of the name, not an entity of its own ("唐纳德·特朗普",
 * "ドナルド・トランプ" are keyed Trump only). */
static void test_cjk_first_name_before_dot(void **state)
{
    (void)state;
    run zh = extract("在美国，唐纳德·特朗普试图提出新的主张。", "zh");
    run ja = extract("ドナルド・トランプ氏は昨日、東京で演説した。", "ja");
    run en = extract("In the US, Donald Trump made a new claim.", "en");
    const char *k = key_of(&en, "Trump");
    assert_true(k[0]);
    assert_string_equal(key_of(&zh, "特朗普"), k);
    assert_string_equal(key_of(&ja, "トランプ"), k);
    assert_string_equal(key_of(&zh, "唐纳德"), k);
    assert_string_equal(key_of(&ja, "ドナルド"), k);
    /* a bullet as the middle dot ("里希•苏纳克") */
    run zh2 = extract("里希•苏纳克推翻了这项法律。", "zh");
    run en2 = extract("Rishi Sunak overturned the law, officials said.", "en");
    assert_true(key_of(&en2, "Sunak")[0]);
    assert_string_equal(key_of(&zh2, "里希"), key_of(&en2, "Sunak"));
    run_free(&zh2);
    run_free(&en2);
    run_free(&zh);
    run_free(&ja);
    run_free(&en);
}

/* Session 7. es: a capitalised word with a derivational noun ending of
 * the pack ("noun_suffixes": -ción, -ciones) is a common noun, not a
 * name ("Regulación", "Subvenciones"); a name stays ("Olga Méndez"). */
static void test_spanish_noun_suffixes(void **state)
{
    (void)state;
    run es = extract("Regulación de los mercados: Olga Méndez habló de las "
                     "nuevas Subvenciones del gobierno.", "es");
    assert_string_equal(key_of(&es, "Regulación"), "");
    assert_string_equal(key_of(&es, "Subvenciones"), "");
    assert_true(key_of(&es, "Méndez")[0]);
    run_free(&es);
}

/* Session 7. An English name kept as written in a translation follows
 * the English rule for nationality modifiers ("Scottish Enterprise" is
 * dropped in English and in the German text alike). */
static void test_english_nationality_kept_in_translation(void **state)
{
    (void)state;
    run en = extract("The plan was funded by Scottish Enterprise last year, "
                     "Olga Brenner said.", "en");
    run de = extract("Der Plan wurde letztes Jahr von Scottish Enterprise "
                     "finanziert, sagte Olga Brenner.", "de");
    assert_string_equal(key_of(&en, "Enterprise"), "");
    assert_string_equal(key_of(&de, "Enterprise"), "");
    assert_string_equal(key_of(&de, "Brenner"), key_of(&en, "Brenner"));
    run_free(&en);
    run_free(&de);
}

/* Session 7. A word alone at the start of a quoted sentence is like a
 * sentence start ("«Таким образом", "«Якщо є"); a quoted name alone
 * stays ("“Zorvakmob”"). */
static void test_quote_initial_words(void **state)
{
    (void)state;
    run ru = extract("Олег Бреннер заявил: «Таким образом, мы поддерживаем "
                     "план».", "ru");
    run uk = extract("Ольга Бреннер сказала: «Якщо є місце, ми підемо».",
                     "uk");
    run de = extract("The protesters, a “Zorvakmob” as critics call it, "
                     "blocked roads, Olaf Brenner said.", "en");
    assert_string_equal(key_of(&ru, "Таким"), "");
    assert_string_equal(key_of(&uk, "Якщо"), "");
    assert_true(key_of(&ru, "Бреннер")[0]);
    assert_true(key_of(&de, "Zorvakmob")[0]);
    run_free(&ru);
    run_free(&uk);
    run_free(&de);
}

/* Session 8. Hindi common words are no names: words of Apertium's Hindi
 * dictionary (locales/wordlists/hi.txt: अध्यादेश "ordinance", लेनदेन
 * "transactions"), and a world form folded without its vowel signs needs
 * the same first vowel (जुर्माना "fine" is no जर्मनी Germany, लेनदेन no
 * लंदन London; वॉशिंगटन = वाशिंगटन stays). */
static void test_hindi_dictionary_and_first_vowel(void **state)
{
    (void)state;
    run hi = extract("अदालत ने कंपनी पर भारी जुर्माना लगाया और बैंक के "
                     "लेनदेन पर नज़र रखी। संसद में अध्यादेश पर बहस हुई। "
                     "जर्मनी और वाशिंगटन के अधिकारी वॉशिंगटन में मिले।", "hi");
    run en = extract("Officials from Germany met in Washington.", "en");
    assert_false(key_of(&hi, "जुर्माना")[0]);
    assert_false(key_of(&hi, "लेनदेन")[0]);
    assert_false(key_of(&hi, "अध्यादेश")[0]);
    assert_true(key_of(&en, "Germany")[0]);
    assert_string_equal(key_of(&hi, "जर्मनी"), key_of(&en, "Germany"));
    assert_string_equal(key_of(&hi, "वाशिंगटन"), key_of(&en, "Washington"));
    assert_string_equal(key_of(&hi, "वॉशिंगटन"), key_of(&en, "Washington"));
    run_free(&hi);
    run_free(&en);
}

/* Session 8. A ja/zh lone consonant keeps its vowel before a syllable
 * starting with h (ホワイトハウス, 怀特豪斯: t + h is no "th"), and German
 * tsch / English tch are Cyrillic ч (Dietsch = Дитч). */
static void test_kana_pinyin_h_and_tsch(void **state)
{
    (void)state;
    run en = extract("Senator Ellen Whitehouse thanked the photographer "
                     "Lena Dietsch on Friday.", "en");
    run ja = extract("エレン・ホワイトハウス議員は金曜日に写真家に感謝した。",
                     "ja");
    run zh = extract("参议员埃伦·怀特豪斯周五感谢了摄影师。", "zh");
    run ru = extract("В пятницу сенатор поблагодарила фотографа Лену "
                     "Дитч.", "ru");
    const char *w = key_of(&en, "Whitehouse");
    assert_true(w[0]);
    assert_string_equal(key_of(&ja, "ホワイトハウス"), w);
    assert_string_equal(key_of(&zh, "怀特豪斯"), w);
    const char *d = key_of(&en, "Dietsch");
    assert_true(d[0]);
    assert_string_equal(key_of(&ru, "Дитч"), d);
    run_free(&en);
    run_free(&ja);
    run_free(&zh);
    run_free(&ru);
}

/* Session 8. d = t in the skeleton (zh 蒂 "di" transcribes ti); news media
 * of entities.json have one key in every script (Newsweek / 新闻周刊 /
 * ニューズウィーク / न्यूज़वीक), the US SEC is 美国证监会 in Chinese news. */
static void test_d_t_and_media_names(void **state)
{
    (void)state;
    run en = extract("Mark Tivani told Newsweek that the SEC would "
                     "decide.", "en");
    run zh = extract("马克·蒂瓦尼对新闻周刊表示，美国证监会将作出决定。", "zh");
    run ja = extract("マーク・ティヴァーニ氏はニューズウィークに語った。", "ja");
    run hi = extract("मार्क तिवानी ने न्यूज़वीक को बताया कि फैसला होगा।", "hi");
    const char *t = key_of(&en, "Tivani");
    assert_true(t[0]);
    assert_string_equal(key_of(&zh, "蒂瓦尼"), t);
    const char *n = key_of(&en, "Newsweek");
    assert_true(n[0]);
    assert_string_equal(key_of(&zh, "新闻周刊"), n);
    assert_string_equal(key_of(&ja, "ニューズウィーク"), n);
    assert_string_equal(key_of(&hi, "न्यूज़वीक"), n);
    const char *s = key_of(&en, "SEC");
    assert_true(s[0]);
    assert_string_equal(key_of(&zh, "证监会"), s);
    run_free(&en);
    run_free(&zh);
    run_free(&ja);
    run_free(&hi);
}

/* Session 8. Icelandic party members are roles, as English "Republicans"
 * (no entity), and the inflected party names are the party. */
static void test_icelandic_party_members(void **state)
{
    (void)state;
    run is = extract("Repúblikanar og Demókratar deildu í gær. Formaður "
                     "Repúblikanaflokksins ræddi við Olaf Brenner.", "is");
    run en = extract("The chair of the Republican Party spoke to Olaf "
                     "Brenner.", "en");
    assert_string_equal(key_of(&is, "Repúblikanar"), "");
    assert_string_equal(key_of(&is, "Demókratar"), "");
    const char *p = key_of(&en, "Republican Party");
    assert_true(p[0]);
    assert_string_equal(key_of(&is, "Repúblikanaflokksins"), p);
    run_free(&is);
    run_free(&en);
}

/* Session 8. zh: a Latin middle initial between middle dots, spaces
 * around the dots allowed, is inside the name ("罗伯特 ·J· 马里诺" is
 * Marino, as "Robert J. Marino"). */
static void test_zh_dotted_initial(void **state)
{
    (void)state;
    run en = extract("The fund was led by Robert J. Marino, its founder.",
                     "en");
    run zh = extract("该基金由创始人罗伯特 ·J· 马里诺领导。", "zh");
    run zh2 = extract("该基金由创始人罗伯特·J·马里诺领导。", "zh");
    const char *m = key_of(&en, "Marino");
    assert_true(m[0]);
    assert_string_equal(key_of(&zh, "马里诺"), m);
    assert_string_equal(key_of(&zh2, "马里诺"), m);
    run_free(&en);
    run_free(&zh);
    run_free(&zh2);
}

/* Session 8. ja: a generic last piece of a katakana name (ブラザーズ
 * Brothers, ギャラリー Gallery: entities.json generic_name_words "ja") is
 * no part of its key, as the English generic word; alone it is no name. */
static void test_katakana_generic_piece(void **state)
{
    (void)state;
    run en = extract("The Hadley Brothers opened a shop in Leeds.", "en");
    run ja = extract("ハドリー・ブラザーズはリーズに店を開いた。"
                     "ブラザーズは好調だ。", "ja");
    const char *m = key_of(&en, "Hadley");
    assert_true(m[0]);
    assert_string_equal(key_of(&ja, "ハドリー"), m);
    for (size_t i = 0; i < ja.fs->n_facts; i++) {
        const story_fact *f = &ja.fs->facts[i];
        if (f->type == STORY_FACT_ENTITY && f->name)
            assert_string_not_equal(f->name, "ブラザーズ");
    }
    run_free(&en);
    run_free(&ja);
}

/* Session 8. A sentence-initial function word whose trunk is a world form
 * ("Wie" / "Wien", "wie" written in lower case elsewhere) is no place;
 * "Wien" is. */
static void test_sentence_initial_world_trunk(void **state)
{
    (void)state;
    run de = extract("Wie die Zeitung berichtet, reiste der Minister nach "
                     "Wien. Er sagt nicht, wie lange er bleibt.", "de");
    int wie = 0;
    for (size_t i = 0; i < de.fs->n_facts; i++) {
        const story_fact *f = &de.fs->facts[i];
        if (f->type == STORY_FACT_ENTITY && f->name &&
            strcmp(f->name, "Wie") == 0)
            wie = 1;
    }
    assert_false(wie);
    assert_true(key_of(&de, "Wien")[0]);
    run_free(&de);
}

/* Session 9. A capitalised common word between two role words is the
 * portfolio of a compound title, no person: "Deputy Interior Minister
 * Clara Voss" is Clara Voss with the roles minister and deputy. */
static void test_portfolio_between_roles(void **state)
{
    (void)state;
    run en = extract("Deputy Interior Minister Clara Voss said the plan "
                     "was ready. Interior Minister Clara Voss left early.",
                     "en");
    int interior = 0, deputy = 0;
    for (size_t i = 0; i < en.fs->n_facts; i++) {
        const story_fact *f = &en.fs->facts[i];
        if (f->type != STORY_FACT_ENTITY || !f->name)
            continue;
        if (strstr(f->name, "Interior"))
            interior = 1;
        for (size_t r = 0; strstr(f->name, "Voss") && r < f->n_roles; r++)
            if (strcmp(f->roles[r], "deputy") == 0)
                deputy = 1;
    }
    assert_false(interior);
    assert_true(deputy);
    assert_true(key_of(&en, "Voss")[0]);
    run_free(&en);
}

/* English common words kept in Latin script inside a Chinese or Japanese
 * text follow the English rule ("Open Water" is descriptive in both);
 * a Latin name stays a name. */
static void test_latin_common_words_in_cjk(void **state)
{
    (void)state;
    run en = extract("Prices rose in March, according to data from Open "
                     "Water and Brandoval Capital.", "en");
    run zh = extract("根据Open Water和Brandoval Capital的数据，三月份价格上涨。",
                     "zh");
    run ja = extract("Open WaterとBrandoval Capitalのデータによると、三月に価格が"
                     "上がった。", "ja");
    assert_string_equal(key_of(&en, "Water"), "");
    assert_string_equal(key_of(&zh, "Water"), "");
    assert_string_equal(key_of(&ja, "Water"), "");
    const char *k = key_of(&en, "Brandoval");
    assert_true(k[0]);
    assert_true(has_key(&zh, k));
    run_free(&en);
    run_free(&zh);
    run_free(&ja);
}

/* A currency that English writes in lower case and other languages
 * capitalise (entities.json "common_nouns": bitcoin) is no entity in any
 * language, inflected or not. */
static void test_capitalised_common_nouns(void **state)
{
    (void)state;
    run en = extract("The price of bitcoin rose. Investors bought Bitcoin "
                     "on Monday.", "en");
    run cs = extract("Cena Bitcoinu v pondělí vzrostla. Investoři koupili "
                     "Bitcoin.", "cs");
    run de = extract("Anleger kauften am Montag Bitcoins, sagte Anna "
                     "Brenner.", "de");
    run hi = extract("निवेशकों ने सोमवार को बिटकॉइन में पैसा लगाया।", "hi");
    assert_string_equal(key_of(&en, "itcoin"), "");
    assert_string_equal(key_of(&cs, "Bitcoin"), "");
    assert_string_equal(key_of(&de, "itcoin"), "");
    assert_true(key_of(&de, "Brenner")[0]);
    assert_string_equal(key_of(&hi, "बिटकॉइन"), "");
    run_free(&en);
    run_free(&cs);
    run_free(&de);
    run_free(&hi);
}

/* An English role word before a common word kept in Latin script in a
 * translation is read as the English text reads it (a title before a
 * name, keyed by the last word), so both versions agree; the Soviet
 * Union has one key in every language (entities.json). */
static void test_english_role_run_and_soviet_union(void **state)
{
    (void)state;
    run en = extract("Sites such as Expert Harbor collect the data. The "
                     "band toured the Soviet Union in 1988.", "en");
    run ru = extract("Такие сайты, как Expert Harbor, собирают данные. "
                     "Группа гастролировала по СССР в 1988 году.", "ru");
    run es = extract("Sitios como Expert Harbor recopilan los datos. La "
                     "banda recorrió la Unión Soviética en 1988.", "es");
    const char *k = key_of(&en, "Harbor");
    assert_true(k[0]);
    assert_true(has_key(&ru, k));
    assert_true(has_key(&es, k));
    const char *su = key_of(&en, "Soviet");
    assert_true(su[0]);
    assert_true(has_key(&ru, su));
    assert_true(has_key(&es, su));
    run_free(&en);
    run_free(&ru);
    run_free(&es);
}

/* Czech adds -ová to a foreign woman's surname that ends in a vowel
 * (Obiora -> Obioraová, Obioraové): removed after a vowel only, so a
 * Czech surname keeps it as English writes it (Kvitová / Kvitova). */
static void test_czech_ova_after_vowel(void **state)
{
    (void)state;
    run en = extract("Finance minister Adaeze Obiora said the budget was "
                     "late. Petra Kvitova won the final.", "en");
    run cs = extract("Ministryně financí Adaeze Obioraová uvedla, že se "
                     "rozpočet zpozdil. Podle Obioraové je to vážné. Petra "
                     "Kvitová vyhrála finále.", "cs");
    const char *k = key_of(&en, "Obiora");
    assert_true(k[0]);
    assert_string_equal(key_of(&cs, "Obioraová"), k);
    assert_string_equal(key_of(&cs, "Obioraové"), k);
    assert_string_equal(key_of(&cs, "Kvitová"), key_of(&en, "Kvitova"));
    run_free(&en);
    run_free(&cs);
}

/* Session 10: German common nouns from FreeDict with Latin plurals
 * ("Zentren", "Praxen", "Konten") are no names; a first name ending in a
 * vowel + s is no genitive ("Thomas Brenner": Brenner is also a noun);
 * Spanish capitalised common words found in the Apertium word list
 * (locales/wordlists/es.txt) are no names, a real name stays. */
static void test_dictionary_common_words(void **state)
{
    (void)state;
    run de = extract("Die Stadt plant zwei neue Einkaufszentren und mehrere "
                     "Praxen. Die Firma legte mehrere Millionen Euro auf "
                     "neue Konten. Der Abgeordnete Thomas Brenner aus Bayern "
                     "sagte, der Plan sei zu teuer.", "de");
    assert_string_equal(key_of(&de, "zentren"), "");
    assert_string_equal(key_of(&de, "Praxen"), "");
    assert_string_equal(key_of(&de, "Millionen"), "");
    assert_string_equal(key_of(&de, "Konten"), "");
    assert_true(key_of(&de, "Thomas Brenner")[0]);
    run es = extract("La agencia presentó un informe sobre los Empleos "
                     "Públicos y los Grupos Vulnerables, dijo Lucía "
                     "Ferrandis en Valdemora.", "es");
    assert_string_equal(key_of(&es, "Empleos"), "");
    assert_string_equal(key_of(&es, "Grupos"), "");
    assert_true(key_of(&es, "Ferrandis")[0]);
    run_free(&de);
    run_free(&es);
}

/* Kind of an entity fact of name `name` (first match), or "". */
static const char *kind_of(const run *r, const char *name)
{
    for (size_t i = 0; i < r->fs->n_facts; i++) {
        const story_fact *f = &r->fs->facts[i];
        if (f->type == STORY_FACT_ENTITY && f->name &&
            strcmp(f->name, name) == 0)
            return f->entity_kind ? f->entity_kind : "";
    }
    return "";
}

/* Session 10: one kind per entity across its mentions (a word in
 * capitals in a dateline is no acronym when the article also writes it
 * in lower case); company words make organisations; "Councillor" is a
 * role; a genitive -s on a name whose bare form the article also writes
 * has the bare form's key (is "Mikes Johnsons", de "Rishi Sunaks"). */
static void test_entity_kinds_and_genitives(void **state)
{
    (void)state;
    run en = extract("Storm floods Varnholt harbour\n\nVARNHOLT - A storm "
                     "flooded the harbour of Varnholt on Monday. Workers "
                     "of Pellwick Logistics left early. The mayor of the "
                     "Varnholt Council said roads were closed. Councillor "
                     "Ines Brodt said the town would help.", "en");
    assert_string_equal(kind_of(&en, "VARNHOLT"), kind_of(&en, "Varnholt"));
    assert_string_equal(kind_of(&en, "Pellwick Logistics"), "organisation");
    assert_true(key_of(&en, "Ines Brodt")[0]);
    assert_string_equal(key_of(&en, "Councillor"), "");
    run is = extract("Frumvarp Mikes Johnsons var samþykkt í gær. Johnson "
                     "sagði að það væri gott.", "is");
    assert_string_equal(key_of(&is, "Johnsons"), key_of(&is, "Johnson"));
    run de = extract("Das Gesetz Rishi Sunaks wurde gestern beschlossen. "
                     "Am Abend sprach Sunak im Parlament.", "de");
    assert_string_equal(key_of(&de, "Sunaks"), key_of(&de, "Sunak"));
    /* cs soft adjectives alone (-ího, -ních) are no names */
    run cs = extract("Včera vyšla zpráva Centrálního úřadu a odboru "
                     "Sociálních věcí, řekl Petr Dvořák.", "cs");
    assert_string_equal(key_of(&cs, "Centrálního"), "");
    assert_string_equal(key_of(&cs, "Sociálních"), "");
    assert_true(key_of(&cs, "Dvořák")[0]);
    run_free(&en);
    run_free(&is);
    run_free(&de);
    run_free(&cs);
}

/* Session 11: keys do not depend on the order of mentions (fresh-user
 * M7): a one-word mention before the longer name it stands for (plural
 * or genitive "-s", a middle word of a three-word name) gets that name's
 * key, as it does after it; a German noun after a surname ends the name
 * in either order. */
static void test_order_independent_keys(void **state)
{
    (void)state;
    const char *p1 = "Depots in Fife and the Dunmarrans will take building "
                     "waste from next spring, Ortega said on Tuesday.";
    const char *p2 = "The new plant opened on Monday near West Dunmarran, "
                     "where Luis Ortega Vidal runs the family firm.";
    char ab[512], ba[512];
    snprintf(ab, sizeof ab, "%s\n\n%s", p1, p2);
    snprintf(ba, sizeof ba, "%s\n\n%s", p2, p1);
    run a = extract(ab, "en");
    run b = extract(ba, "en");
    const char *k = key_of(&a, "West Dunmarran");
    assert_true(k[0]);
    assert_string_equal(key_of(&a, "Dunmarrans"), k);
    assert_string_equal(key_of(&b, "Dunmarrans"), k);
    assert_string_equal(key_of(&b, "West Dunmarran"), k);
    const char *o = key_of(&a, "Luis Ortega Vidal");
    assert_true(o[0]);
    assert_string_equal(key_of(&a, "Ortega"), o);
    assert_string_equal(key_of(&b, "Luis Ortega Vidal"), o);
    /* one entity: every mention points at the earliest one */
    long ent = -1;
    for (size_t i = 0; i < a.fs->n_facts; i++) {
        const story_fact *f = &a.fs->facts[i];
        if (f->type != STORY_FACT_ENTITY || strcmp(f->key, k) != 0)
            continue;
        if (ent < 0)
            ent = (long)i;
        assert_int_equal(f->entity, ent);
    }
    run_free(&a);
    run_free(&b);
    /* German: a noun after a surname ends the name whether the full name
     * comes before or after ("Kowalczyk Schwierigkeiten" is no name) */
    const char *g1 = "Der Plan bringt Kowalczyk Schwierigkeiten mit dem Rat.";
    const char *g2 = "Der Sprecher Adam Kowalczyk und der Rat trafen sich am "
                     "Montag.";
    snprintf(ab, sizeof ab, "%s\n\n%s", g1, g2);
    run d = extract(ab, "de");
    assert_string_equal(key_of(&d, "Schwierigkeiten"), "");
    assert_string_equal(key_of(&d, "Kowalczyk"),
                        key_of(&d, "Adam Kowalczyk"));
    run_free(&d);
}

/* 1 when the hunspell dictionary d (/usr/share/hunspell/<d>.dic) is
 * installed. A missing one changes the entity results of its language
 * (the pack's "common_word_dictionary"), so it is said on stderr, and
 * under CI=true (scripts/install-deps installs it) it fails the test. */
static int have_dictionary(const char *d)
{
    char path[256];
    snprintf(path, sizeof path, "/usr/share/hunspell/%s.dic", d);
    if (access(path, R_OK) == 0)
        return 1;
    fprintf(stderr,
            "test_facts_entity: %s missing (scripts/install-deps): the "
            "entity rules of its language run without their common-word "
            "dictionary, the test of it is skipped\n",
            path);
    const char *ci = getenv("CI");
    if (ci && strcmp(ci, "true") == 0)
        fail_msg("%s missing under CI", path);
    return 0;
}

/* Session 11: the hunspell dictionaries of uk and is (pack field
 * "common_word_dictionary") tell common words written capitalised in
 * institution names from names ("Департаменту", "Græna" are common
 * words; is "Anna" is a name though the lexicon has "anna", manage; a
 * lemma ending as surnames do is no evidence: "Лавровим"); a word the
 * world index knows keeps its run ("Південної Каліфорнії").
 * German "Ihnen" (formal "you") is a pronoun, no name. */
static void test_hunspell_common_words(void **state)
{
    (void)state;
    if (have_dictionary("uk_UA")) {
        run uk = extract("Звіт Департаменту освіти та рішення Комісії "
                         "обговорили у Варнгольті, сказав Олег Марченко з "
                         "Південної Каліфорнії. Посол зустрівся з Лавровим.",
                         "uk");
        assert_string_equal(key_of(&uk, "Департаменту"), "");
        assert_string_equal(key_of(&uk, "Комісії"), "");
        assert_true(key_of(&uk, "Марченко")[0]);
        assert_true(key_of(&uk, "Каліфорнії")[0]);
        /* лавровий is an adjective, but -ий ends surnames' lemmas too */
        assert_true(key_of(&uk, "Лавровим")[0]);
        run_free(&uk);
    }
    if (have_dictionary("is_IS")) {
        run is = extract("Fulltrúar Græna flokksins og Konunglega félagsins "
                         "hittust í Varnholti í gær, sagði Anna Brekkan.",
                         "is");
        assert_string_equal(key_of(&is, "Græna"), "");
        assert_string_equal(key_of(&is, "Konunglega"), "");
        assert_true(key_of(&is, "Anna Brekkan")[0]);
        run_free(&is);
    }
    run de = extract("Wir danken Ihnen für die Geduld, sagte Anna Berger "
                     "in Varnholt.", "de");
    assert_string_equal(key_of(&de, "Ihnen"), "");
    assert_true(key_of(&de, "Anna Berger")[0]);
    run_free(&de);
}

/* Session 12: ru reads the hunspell dictionary ru_RU (Debian hunspell-ru)
 * too: capitalised common words ("Палаты", "Директиве", "Криминальном",
 * adjectives whose lemma ends -ый) are no names; a lemma ending as
 * surnames do ("Лавровым": лавровый, -ов) and words the dictionary
 * writes capitalised stay names. */
static void test_russian_hunspell_common_words(void **state)
{
    (void)state;
    if (!have_dictionary("ru_RU"))
        return;
    run ru = extract("Решение Палаты и новой Директиве обсудили в "
                     "Криминальном отделе Варнгольта, сказал Олег "
                     "Марченко. Посол встретился с Лавровым и Абрамовичем.",
                     "ru");
    assert_string_equal(key_of(&ru, "Палаты"), "");
    assert_string_equal(key_of(&ru, "Директиве"), "");
    assert_string_equal(key_of(&ru, "Криминальном"), "");
    assert_true(key_of(&ru, "Марченко")[0]);
    assert_true(key_of(&ru, "Лавровым")[0]);
    assert_true(key_of(&ru, "Абрамович")[0]);
    run_free(&ru);
}

/* Session 11: a case ending comes off a name of four letters too (cs
 * "Alexem" is Alex, as "Ivanem" is Ivan). */
static void test_short_name_case_endings(void **state)
{
    (void)state;
    run en = extract("The firm was founded by Borek Malina and his son "
                     "Alex in Varnholt.", "en");
    run cs = extract("Firmu v Varnholtu založil Borek Malina se synem "
                     "Alexem.", "cs");
    const char *k = key_of(&en, "Alex");
    assert_true(k[0]);
    assert_string_equal(key_of(&cs, "Alexem"), k);
    run_free(&en);
    run_free(&cs);
}

static size_t count_key(const run *r, const char *key)
{
    size_t n = 0;
    for (size_t i = 0; i < r->fs->n_facts; i++)
        n += r->fs->facts[i].type == STORY_FACT_ENTITY &&
             strcmp(r->fs->facts[i].key, key) == 0;
    return n;
}

/* Session 13: a nationality word before a noun is the place entity of
 * its country in every language (en "Italian", ru "итальянское", de
 * "spanische"), keyed like the country's name; alone ("in English",
 * "Spanish and English") it is the language or the people, no place. */
static void test_nationality_names_country(void **state)
{
    (void)state;
    run en = extract("Talks in Italy ended on Monday. The Italian "
                     "government met Spanish officials in Brelmont.", "en");
    run ru = extract("Итальянское правительство встретилось с испанскими "
                     "чиновниками в Брелмонте.", "ru");
    run de = extract("Die italienische Regierung traf spanische Beamte in "
                     "Brelmont.", "de");
    run es = extract("El gobierno de Italia se reunió con funcionarios "
                     "españoles en Brelmont.", "es");
    /* the facts of "Italian", "Spanish" are named "Italy", "Spain" */
    const char *it = key_of(&en, "Italy");
    const char *sp = key_of(&en, "Spain");
    assert_true(it[0]);
    assert_true(sp[0]);
    assert_int_equal(count_key(&en, it), 2);
    assert_true(has_key(&ru, it));
    assert_true(has_key(&ru, sp));
    assert_true(has_key(&de, it));
    assert_true(has_key(&de, sp));
    /* named as German names the country: "spanische" is "Spanien" */
    int named = 0;
    for (size_t i = 0; i < de.fs->n_facts; i++)
        if (de.fs->facts[i].type == STORY_FACT_ENTITY &&
            strcmp(de.fs->facts[i].key, sp) == 0)
            named = de.fs->facts[i].name &&
                    strcmp(de.fs->facts[i].name, "Spanien") == 0;
    assert_true(named);
    assert_true(has_key(&es, it));
    assert_true(has_key(&es, sp));
    run lang = extract("She spoke in English on Monday, then in Spanish and "
                       "French.", "en");
    assert_string_equal(key_of(&lang, "England"), "");
    assert_string_equal(key_of(&lang, "Spain"), "");
    /* cs: an inflected adjective by its stem, not the language noun of
     * the same stem */
    run cs = extract("Ministr se setkal se španělskými úředníky. Mluvil "
                     "španělštinou celý večer.", "cs");
    assert_int_equal(count_key(&cs, sp), 1);
    run_free(&cs);
    run_free(&en);
    run_free(&ru);
    run_free(&de);
    run_free(&es);
    run_free(&lang);
}

/* Session 13: German text, an English name whose words are English
 * common words ("Mike", "Johnson": FreeDict has mike, johnson) after a
 * verb, an apposition comma or a genitive noun is a name when its last
 * word is capitalised on its own elsewhere, as in English. */
static void test_german_english_word_names(void **state)
{
    (void)state;
    static const char *const de[] = {
        "Am Montag traf Mike Johnson die Demokraten in Bonn. Danach "
        "sprach Johnson mit der Presse.",
        "Der Sprecher des Hauses, Mike Johnson, traf die Demokraten. "
        "Danach sprach Johnson mit der Presse.",
        "Das Treffen des Sprechers Mike Johnson mit den Demokraten war "
        "kurz. Danach sprach Johnson mit der Presse."};
    run en = extract("On Monday Mike Johnson met the Democrats. After "
                     "that Johnson spoke to the press.", "en");
    const char *k = key_of(&en, "Mike Johnson");
    assert_true(k[0]);
    for (size_t i = 0; i < sizeof de / sizeof de[0]; i++) {
        run r = extract(de[i], "de");
        assert_string_equal(key_of(&r, "Mike Johnson"), k);
        run_free(&r);
    }
    run_free(&en);
}

/* Session 13: an acronym in parentheses after a role title it
 * abbreviates ("Accountant-General (AG)", "Chief Medical Officer
 * (CMO)") is no entity; the person named is. */
static void test_role_abbreviation(void **state)
{
    (void)state;
    run r = extract("She told Ada Brewin, the Accountant-General (AG) of "
                    "the federation, to pay. The AG said no. Later the "
                    "Chief Medical Officer (CMO) called Ken Dorsey.", "en");
    assert_true(key_of(&r, "Brewin")[0]);
    assert_true(key_of(&r, "Dorsey")[0]);
    assert_string_equal(key_of(&r, "AG"), "");
    assert_string_equal(key_of(&r, "CMO"), "");
    /* an organisation's acronym after its name stays */
    run o = extract("The Brelmont Transit Authority (BTA) said on Monday "
                    "that the BTA would hire.", "en");
    assert_true(key_of(&o, "BTA")[0]);
    run_free(&r);
    run_free(&o);
}

/* Session 13: an outlet credit at the start of a story ("(KBTV) The
 * parade …", "BRELMONT, Calif. (WNXT) — …") is no entity; the outlet
 * named in the body is. */
static void test_outlet_credit(void **state)
{
    (void)state;
    run a = extract("Parade photos\n\n(KBTV) The parade drew crowds in "
                    "Brelmont on Monday.", "en");
    assert_string_equal(key_of(&a, "KBTV"), "");
    assert_true(key_of(&a, "Brelmont")[0]);
    run b = extract("Parade photos BRELMONT, Calif. (WNXT) — The parade "
                    "drew crowds on Monday, WNXT reported.", "en");
    const char *w = key_of(&b, "WNXT");
    assert_true(w[0]);
    size_t n = 0;
    for (size_t i = 0; i < b.fs->n_facts; i++)
        n += b.fs->facts[i].type == STORY_FACT_ENTITY &&
             strcmp(b.fs->facts[i].key, w) == 0;
    assert_int_equal(n, 1);
    /* a parenthesised acronym later in the text stays */
    run c = extract("Officials met on Monday. The agency (BTA) said on "
                    "Tuesday it would hire.", "en");
    assert_true(key_of(&c, "BTA")[0]);
    run_free(&a);
    run_free(&b);
    run_free(&c);
}

/* Session 14: in scripts without capitals a given name and the surname
 * after it, both in the names gazetteer, are one name keyed by the
 * surname ("डोनाल्ड ट्रंप" is Trump, not a "Donald" beside him). */
static void test_uncased_given_name_and_surname(void **state)
{
    (void)state;
    run en = extract("Donald Trump and Rishi Sunak spoke about trade on "
                     "Monday in Geneva.", "en");
    run hi = extract("सोमवार को जिनेवा में डोनाल्ड ट्रंप और ऋषि सुनक ने "
                     "व्यापार पर बात की।", "hi");
    const char *trump = key_of(&en, "Trump"), *sunak = key_of(&en, "Sunak");
    assert_true(trump[0] && sunak[0]);
    assert_string_equal(key_of(&hi, "डोनाल्ड"), trump);
    assert_string_equal(key_of(&hi, "ऋषि"), sunak);
    /* no entity of the given name alone */
    for (size_t i = 0; i < hi.fs->n_facts; i++) {
        const story_fact *f = &hi.fs->facts[i];
        if (f->type == STORY_FACT_ENTITY)
            assert_true(strcmp(f->key, trump) == 0 ||
                        strcmp(f->key, sunak) == 0 ||
                        !strstr(f->name, "डोनाल्ड"));
    }
    run_free(&en);
    run_free(&hi);
}

/* Session 14: a nationality word or country name that names a language
 * ("in the Spanish language", ja "スペイン語", zh "西班牙语", ru "на
 * испанском языке", uk "іспанську та німецьку мови") is no mention of
 * the country; before a noun of people or things it still is. */
static void test_language_names_no_place(void **state)
{
    (void)state;
    run ref = extract("The painter moved to Spain in May.", "en");
    const char *spain = key_of(&ref, "Spain");
    assert_true(spain[0]);
    static const char *const lang_only[][2] = {
        {"ja", "画家は作品にスペイン語の題名をつけた。"},
        {"zh", "画家用西班牙语给作品命名。"},
        {"ru", "Художник называет картины на испанском языке."},
        {"ru", "Картины подписаны смесью испанского и немецкого."},
        {"uk", "Художник поєднує іспанську та німецьку мови."},
        {"de", "Der Maler benennt seine Bilder in spanischer Sprache."},
    };
    for (size_t t = 0; t < sizeof lang_only / sizeof *lang_only; t++) {
        run r = extract(lang_only[t][1], lang_only[t][0]);
        if (has_key(&r, spain))
            fail_msg("%s: a language name as Spain: %s", lang_only[t][0],
                     lang_only[t][1]);
        run_free(&r);
    }
    static const char *const country[][2] = {
        {"ja", "画家はスペインに住んでいる。"},
        {"zh", "画家住在西班牙。"},
        {"ru", "Художник встретился с испанскими чиновниками."},
    };
    for (size_t t = 0; t < sizeof country / sizeof *country; t++) {
        run r = extract(country[t][1], country[t][0]);
        if (!has_key(&r, spain))
            fail_msg("%s: Spain not found: %s", country[t][0],
                     country[t][1]);
        run_free(&r);
    }
    run_free(&ref);
}

/* Session 14 (hi): the English "of" of a transliterated name (ऑफ, pack
 * list "name_connectors") neither starts a name nor stands right before
 * one ("हाउस ऑफ कॉमन्स ने": no name "ऑफ कॉमन्स"), and a plural oblique
 * noun is no name after a title either ("अध्यक्ष, चाय उत्पादकों की"). */
static void test_hindi_connectors_and_plurals(void **state)
{
    (void)state;
    static const char *const none[][2] = {
        {"हाउस ऑफ कॉमन्स ने सोमवार को प्रस्ताव पारित किया।", "कॉमन्स"},
        {"संस्था के डायरेक्टर ऑफ कम्युनिकेशंस ने सोमवार को कहा कि योजना "
         "सफल रही।", "कम्युनिकेशंस"},
        {"संघ के अध्यक्ष, चाय उत्पादकों की मांगों पर बोले।", "चाय"},
    };
    for (size_t t = 0; t < sizeof none / sizeof *none; t++) {
        run r = extract(none[t][0], "hi");
        if (key_of(&r, none[t][1])[0])
            fail_msg("a name \"%s\" in: %s", none[t][1], none[t][0]);
        run_free(&r);
    }
    /* a name after a title and before a postposition stays */
    run ok = extract("राष्ट्रपति जो बाइडेन ने सोमवार को कहा कि योजना सफल "
                     "रही।", "hi");
    assert_true(key_of(&ok, "बाइडेन")[0]);
    run_free(&ok);
}

/* Session 15 (hi, pack "name_dictionary": en_US): a word of no Hindi
 * dictionary that transliterates an English proper name of the hunspell
 * list is a name without a role or marker ("नॉटिंघम और"), keyed as the
 * English name, and so is a listed given name with the next word of no
 * dictionary; such a name listed after a place is a place; English
 * common words ("कंप्यूटर") and Hindi words are not names; Spanish and
 * English texts are untouched (no such pack field). */
static void test_uncased_english_names(void **state)
{
    (void)state;
    if (!have_dictionary("en_US"))
        return;
    run en = extract("It rained in Nottingham and Colchester on Monday.",
                     "en");
    run hi = extract("कल नॉटिंघम और कोलचेस्टर दोनों भीगे।", "hi");
    assert_true(key_of(&en, "Nottingham")[0]);
    assert_string_equal(key_of(&hi, "नॉटिंघम"), key_of(&en, "Nottingham"));
    assert_string_equal(key_of(&hi, "कोलचेस्टर"),
                        key_of(&en, "Colchester"));
    /* a listed given name before a surname no list has: one person,
     * keyed on the surname */
    run en2 = extract("Yesterday Gertrude Blarfumber and Dorothy Blarfumber "
                      "came.", "en");
    run hi2 = extract("कल डोरोथी ब्लारफ़ुम्बर और सब लोग आए।", "hi");
    assert_true(key_of(&en2, "Blarfumber")[0]);
    assert_string_equal(key_of(&hi2, "ब्लारफ़ुम्बर"),
                        key_of(&en2, "Blarfumber"));
    run_free(&en2);
    run_free(&hi2);
    /* such a name listed after a place is a place (no speaker) */
    run hi3 = extract("उसने कहा कि लंदन, नॉटिंघम और दिल्ली सुंदर शहर हैं।",
                      "hi");
    int place = 0;
    for (size_t k = 0; k < hi3.fs->n_facts; k++) {
        const story_fact *f = &hi3.fs->facts[k];
        if (f->type == STORY_FACT_ENTITY && f->name &&
            strstr(f->name, "नॉटिंघम"))
            place = f->entity_kind && strcmp(f->entity_kind, "place") == 0;
    }
    assert_true(place);
    run_free(&hi3);
    run es = extract("Llovió en Nottingham y Colchester el lunes.", "es");
    assert_string_equal(key_of(&es, "Nottingham"), key_of(&en, "Nottingham"));
    static const char *const none[][2] = {
        {"कल कंप्यूटर और मोबाइल सस्ते हुए।", "कंप्यूटर"},
        {"कल कंप्यूटर और मोबाइल सस्ते हुए।", "मोबाइल"},
        {"लोग कल सुरक्षा और व्यवस्था पर बोले।", "सुरक्षा"},
        {"लोग कल सुरक्षा और व्यवस्था पर बोले।", "व्यवस्था"},
    };
    for (size_t t = 0; t < sizeof none / sizeof *none; t++) {
        run r = extract(none[t][0], "hi");
        if (key_of(&r, none[t][1])[0])
            fail_msg("a name \"%s\" in: %s", none[t][1], none[t][0]);
        run_free(&r);
    }
    run_free(&en);
    run_free(&hi);
    run_free(&es);
}

/* Session 16 (zh): an organisation touching a member's role ("国会议员",
 * a member of congress) is the role, no mention of the body; the body
 * alone still is one. */
static void test_member_compound(void **state)
{
    (void)state;
    run a = extract("几位国会议员昨天投票反对这项法案。", "zh");
    run b = extract("国会昨天通过了这项法案。", "zh");
    assert_false(key_of(&a, "国会")[0]);
    assert_true(key_of(&b, "国会")[0]);
    run_free(&a);
    run_free(&b);
}

/* Session 16 (ja): a middle dot after a word in Han characters lists
 * items ("修理・リサイクル"), it joins no name; between katakana pieces
 * it still does. */
static void test_katakana_list_dot(void **state)
{
    (void)state;
    run a = extract("会社は修理・リサイクル・サービスを始めた。",
                    "ja");
    run b = extract("昨日、ジョン・スミスが東京に来た。", "ja");
    assert_false(key_of(&a, "リサイクル")[0]);
    assert_false(key_of(&a, "リサイクル・サービス")[0]);
    assert_true(key_of(&b, "スミス")[0]);
    run_free(&a);
    run_free(&b);
}

/* Session 16 (zh): 思 (Kenneth 肯尼思) and 堡 (-burg) are transliteration
 * characters: a dotted name with 思 is one name. */
static void test_zh_translit_si(void **state)
{
    (void)state;
    run a = extract("他说肯尼思·马丁昨天修订了政策。", "zh");
    assert_true(key_of(&a, "肯尼思·马丁")[0]);
    assert_string_equal(key_of(&a, "肯尼思·马丁"), key_of(&a, "马丁"));
    run_free(&a);
}

/* Session 17 (ja): a horizontal bar (U+2015) typed for the long-vowel
 * mark ー inside a katakana name joins its pieces and is read as ー: the
 * name is whole and keyed as if written with ー (it was cut at the bar,
 * "ジョン・ロ" keyed on ロ). */
static void test_katakana_bar_for_long_vowel(void **state)
{
    (void)state;
    run a = extract("昨日、ジョン・ロ\u2015ガンが大阪で講演した。", "ja");
    run b = extract("昨日、ジョン・ローガンが大阪で講演した。", "ja");
    assert_true(key_of(&b, "ローガン")[0]);
    assert_true(key_of(&a, "ロ\u2015ガン")[0]);
    assert_string_equal(key_of(&a, "ジョン"), key_of(&b, "ジョン"));
    run_free(&a);
    run_free(&b);
}

/* Session 18, mention recovery: story_entity_key_written() finds the key
 * of an entity of one article as a run of words of the other article's
 * paragraph, whether or not its extractor made the run an entity; a run
 * holds no stopword, its Han/kana tokens are katakana or zh
 * transliteration characters, its tokens of a cased script capitals. */
static void test_entity_key_written(void **state)
{
    (void)state;
    run en = extract("On Tuesday Dana Kelleway said the bridge would open. "
                     "Residents of Livingstone and Grayscale staff came.",
                     "en");
    const char *kel = key_of(&en, "Kelleway");
    const char *liv = key_of(&en, "Livingstone");
    assert_true(kel[0] && liv[0]);
    /* hi: the surname after a word of the sentence, no title or marker */
    run hi = extract("पुल मंगलवार को खुलेगा, केलेवे के अनुसार।", "hi");
    assert_int_equal(story_entity_key_written(ctx, hi.a, 0, kel), 1);
    assert_int_equal(story_entity_key_written(ctx, hi.a, 0, liv), 0);
    assert_int_equal(story_entity_key_written(ctx, hi.a, 1, kel), 0);
    /* zh and ja transliterations */
    run zh = extract("昨天利文斯顿的居民来了。", "zh");
    assert_int_equal(story_entity_key_written(ctx, zh.a, 0, liv), 1);
    run ja = extract("昨日、リビングストンの住民が来た。", "ja");
    assert_int_equal(story_entity_key_written(ctx, ja.a, 0, liv), 1);
    /* katakana; in a cased script only with a capital */
    const char *gs = key_of(&en, "Grayscale");
    assert_true(gs[0]);
    run ja2 = extract("グレースケールの社員が来た。", "ja");
    assert_int_equal(story_entity_key_written(ctx, ja2.a, 0, gs), 1);
    run lo = extract("The image was grayscale, said Ms Grey.", "en");
    assert_int_equal(story_entity_key_written(ctx, lo.a, 0, gs), 0);
    run_free(&lo);
    /* a stopword is no part of a run: hi "के बारे" is no "kbr" */
    run hi2 = extract("नीति के बारे में बहस हुई।", "hi");
    assert_int_equal(story_entity_key_written(ctx, hi2.a, 0, "entity|kbr"),
                     0);
    /* a key of one consonant, or of another type: never */
    assert_int_equal(story_entity_key_written(ctx, hi.a, 0, "entity|k"), 0);
    assert_int_equal(story_entity_key_written(ctx, hi.a, 0, "quote|klv"), 0);
    assert_int_equal(story_entity_key_written(NULL, hi.a, 0, kel),
                     STORY_EINVAL);
    run_free(&en);
    run_free(&hi);
    run_free(&zh);
    run_free(&ja);
    run_free(&ja2);
    run_free(&hi2);
}

/* Session 16 (hi): a text word is a word of the Hindi dictionary when a
 * dictionary word has its letters and the class of each vowel sign (long
 * and short alike, a final e as a, a final i as a after 4 letters: the
 * inflection), no longer
 * when only its consonants match one: a surname whose consonants spell a
 * Hindi word is a name, an inflected or otherwise spelt word is none. */
static void test_hindi_dictionary_vowels(void **state)
{
    (void)state;
    run en = extract("On Monday Mark Borenico said the plan was ready.", "en");
    run hi = extract("सोमवार को मार्क बोरेनिको ने बयान दिया।", "hi");
    assert_true(key_of(&en, "Borenico")[0]);
    assert_string_equal(key_of(&hi, "बोरेनिको"), key_of(&en, "Borenico"));
    run_free(&en);
    run_free(&hi);
    static const char *const none[][2] = {
        {"कल खुलासे के बाद लोग नाराज़ थे।", "खुलासे"},
        {"उस दिन पैसा दांव पर लगा था।", "दांव"},
        {"सरकार को अपनी नीति बदलनी पड़ेगी।", "बदलनी"},
    };
    for (size_t t = 0; t < sizeof none / sizeof *none; t++) {
        run r = extract(none[t][0], "hi");
        if (key_of(&r, none[t][1])[0])
            fail_msg("a name \"%s\" in: %s", none[t][1], none[t][0]);
        run_free(&r);
    }
}

/* Session 14 (zh): after a title a run of more than 3 characters is a
 * name only when it is made of transliteration characters or of pieces
 * joined by a middle dot; common words after a title are no name. */
static void test_chinese_long_runs_after_titles(void **state)
{
    (void)state;
    run a = extract("他说总统应当立即采取行动。", "zh");
    run b = extract("部长希望能够尽快解决问题。", "zh");
    for (size_t i = 0; i < a.fs->n_facts; i++)
        assert_int_not_equal(a.fs->facts[i].type, STORY_FACT_ENTITY);
    for (size_t i = 0; i < b.fs->n_facts; i++)
        assert_int_not_equal(b.fs->facts[i].type, STORY_FACT_ENTITY);
    run en = extract("Speaker Mike Johnson and President Biden spoke on "
                     "Monday.", "en");
    run c = extract("议长迈克·约翰逊周一发表讲话。总统拜登周二发表讲话。", "zh");
    assert_true(key_of(&en, "Johnson")[0] && key_of(&en, "Biden")[0]);
    assert_string_equal(key_of(&c, "约翰逊"), key_of(&en, "Johnson"));
    assert_string_equal(key_of(&c, "拜登"), key_of(&en, "Biden"));
    run_free(&a);
    run_free(&b);
    run_free(&en);
    run_free(&c);
}

/* Session 18: is writes compounds as one word and is_IS lists few: a
 * capitalised word the dictionary does not know that splits into two of
 * its lower-case words (the first with a linking "s" or not) is a common
 * noun ("Áfrýjunardómstóli", "Ríkisskrifstofu", "Leigjendaverndar"); a
 * name the dictionary writes capitalised stays a name though it splits
 * too (Reykjavík: reykja|vík, Akureyri: akur|eyri). */
static void test_icelandic_common_compounds(void **state)
{
    (void)state;
    if (!have_dictionary("is_IS"))
        skip();
    run is = extract("Málið fór fyrir Áfrýjunardómstól í fyrra. Anna Brekkan "
                     "vann hjá Ríkisskrifstofu í Reykjavík og flutti svo "
                     "til Akureyrar. Hún talaði um Leigjendavernd.",
                     "is");
    assert_string_equal(key_of(&is, "Áfrýjunardómstól"), "");
    assert_string_equal(key_of(&is, "Ríkisskrifstofu"), "");
    assert_string_equal(key_of(&is, "Leigjendavernd"), "");
    assert_true(key_of(&is, "Anna Brekkan")[0]);
    assert_true(key_of(&is, "Reykjavík")[0]);
    assert_true(key_of(&is, "Akureyrar")[0]);
    run_free(&is);
}

/* Session 18: a country's name right after a currency word names the
 * currency ("дол. США" for "$"), no place the text is about; the same
 * name elsewhere stays a place. */
static void test_country_after_currency(void **state)
{
    (void)state;
    run uk = extract("Ремонт коштуватиме 40 млн дол. США, а депутати "
                     "обговорять його завтра.", "uk");
    assert_false(has_key(&uk, "entity|as"));
    run_free(&uk);
    run uk2 = extract("Ремонт коштуватиме 40 млн дол. США, сказав посол "
                      "США Джон Сміт.", "uk");
    assert_true(has_key(&uk2, "entity|as"));
    run_free(&uk2);
    run ru = extract("Ремонт обойдётся в 40 млн долл. США, сообщил Иван "
                     "Петров.", "ru");
    assert_false(has_key(&ru, "entity|as"));
    assert_true(key_of(&ru, "Иван Петров")[0]);
    run_free(&ru);
}

/* Session 18: is/ru/uk put a role's body in the genitive without a
 * connector; after a role word, English common words kept as written
 * (two or more) or one word the hunspell dictionary knows in lower case
 * only are that body, no name ("директор Управления"); a name after a
 * role stays ("сенатор
 * Прайс", "Senator Price"). The body word is no event either (is
 * "Samtaka" was read as MEET through the 4-letter prefix lookup). */
static void test_role_body_genitive(void **state)
{
    (void)state;
    if (have_dictionary("uk_UA")) {
        run uk = extract("Дана Коваль, генеральний директор Better Markets, "
                         "заявила це. Сенатор Прайс мовчав.", "uk");
        assert_string_equal(key_of(&uk, "Better Markets"), "");
        assert_true(key_of(&uk, "Прайс")[0]);
        run_free(&uk);
    }
    if (have_dictionary("ru_RU")) {
        run ru = extract("Иван Петров, директор Управления, ушёл вчера.",
                         "ru");
        assert_string_equal(key_of(&ru, "Управления"), "");
        assert_true(key_of(&ru, "Иван Петров")[0]);
        run_free(&ru);
    }
    if (have_dictionary("is_IS")) {
        run is = extract("Anna Brekkan, framkvæmdastjóri Samtaka verslunar "
                         "og þjónustu, sagði það.", "is");
        assert_string_equal(key_of(&is, "Samtaka"), "");
        assert_true(key_of(&is, "Anna Brekkan")[0]);
        for (size_t i = 0; i < is.fs->n_facts; i++)
            assert_false(is.fs->facts[i].type == STORY_FACT_EVENT &&
                         strstr(is.fs->facts[i].key, "MEET"));
        run_free(&is);
    }
    run en = extract("Senator Price spoke on Monday.", "en");
    assert_true(key_of(&en, "Price")[0]);
    run_free(&en);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_generic_name_words),
        cmocka_unit_test(test_codes_acronyms_subdivisions),
        cmocka_unit_test(test_acronym_heads_postal_codes),
        cmocka_unit_test(test_role_across_comma),
        cmocka_unit_test(test_currency_codes),
        cmocka_unit_test(test_german_surname_nouns),
        cmocka_unit_test(test_czech_foreign_endings),
        cmocka_unit_test(test_katakana_pieces_and_common_word_names),
        cmocka_unit_test(test_silent_final_r),
        cmocka_unit_test(test_devanagari_half_nasal),
        cmocka_unit_test(test_middle_initial_and_breakers),
        cmocka_unit_test(test_dotted_places_titles_acronyms),
        cmocka_unit_test(test_hindi_names_before_postpositions),
        cmocka_unit_test(test_time_zones_and_diseases),
        cmocka_unit_test(test_english_common_word_names),
        cmocka_unit_test(test_skeleton_spellings),
        cmocka_unit_test(test_title_case_first_sentence),
        cmocka_unit_test(test_defined_acronym_plurals),
        cmocka_unit_test(test_world_form_inside_run),
        cmocka_unit_test(test_katakana_junior_and_wh),
        cmocka_unit_test(test_hindi_loanwords_short_skeleton),
        cmocka_unit_test(test_translated_acronym_definition),
        cmocka_unit_test(test_katakana_name_suffixes),
        cmocka_unit_test(test_hindi_two_word_subject_and_zh_final_er),
        cmocka_unit_test(test_longest_world_form),
        cmocka_unit_test(test_gloss_names),
        cmocka_unit_test(test_english_capitalised_world_forms),
        cmocka_unit_test(test_cjk_first_name_before_dot),
        cmocka_unit_test(test_spanish_noun_suffixes),
        cmocka_unit_test(test_english_nationality_kept_in_translation),
        cmocka_unit_test(test_quote_initial_words),
        cmocka_unit_test(test_hindi_dictionary_and_first_vowel),
        cmocka_unit_test(test_kana_pinyin_h_and_tsch),
        cmocka_unit_test(test_d_t_and_media_names),
        cmocka_unit_test(test_icelandic_party_members),
        cmocka_unit_test(test_zh_dotted_initial),
        cmocka_unit_test(test_katakana_generic_piece),
        cmocka_unit_test(test_sentence_initial_world_trunk),
        cmocka_unit_test(test_portfolio_between_roles),
        cmocka_unit_test(test_latin_common_words_in_cjk),
        cmocka_unit_test(test_capitalised_common_nouns),
        cmocka_unit_test(test_english_role_run_and_soviet_union),
        cmocka_unit_test(test_czech_ova_after_vowel),
        cmocka_unit_test(test_dictionary_common_words),
        cmocka_unit_test(test_entity_kinds_and_genitives),
        cmocka_unit_test(test_order_independent_keys),
        cmocka_unit_test(test_hunspell_common_words),
        cmocka_unit_test(test_short_name_case_endings),
        cmocka_unit_test(test_russian_hunspell_common_words),
        cmocka_unit_test(test_nationality_names_country),
        cmocka_unit_test(test_german_english_word_names),
        cmocka_unit_test(test_role_abbreviation),
        cmocka_unit_test(test_outlet_credit),
        cmocka_unit_test(test_uncased_given_name_and_surname),
        cmocka_unit_test(test_language_names_no_place),
        cmocka_unit_test(test_hindi_connectors_and_plurals),
        cmocka_unit_test(test_chinese_long_runs_after_titles),
        cmocka_unit_test(test_uncased_english_names),
        cmocka_unit_test(test_hindi_dictionary_vowels),
        cmocka_unit_test(test_member_compound),
        cmocka_unit_test(test_katakana_list_dot),
        cmocka_unit_test(test_zh_translit_si),
        cmocka_unit_test(test_katakana_bar_for_long_vowel),
        cmocka_unit_test(test_lower_case_world_forms),
        cmocka_unit_test(test_coordinated_nationalities),
        cmocka_unit_test(test_icelandic_common_compounds),
        cmocka_unit_test(test_country_after_currency),
        cmocka_unit_test(test_role_body_genitive),
        cmocka_unit_test(test_entity_key_written),
        cmocka_unit_test(test_translated_title_acronyms),
        cmocka_unit_test(test_hindi_lower_latin_and_office),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
