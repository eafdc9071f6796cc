/*
 * Stage 4, facts: dates and quantities.
 *
 * Dates come from the text layer (story__dates_scan), plus the years the
 * number scanner reads outside a date mention ("by 2029", "2040年": iso
 * "2029"); key "date|<iso>" when resolved, else "date|rel:<relative>";
 * slot "date";
 * value {"iso", "relative", "time", "event"} where event is the predicate
 * concept of the sentence's first event word (the event it dates).
 *
 * Quantities come from story__numbers_scan (per paragraph). Numbers inside
 * a date mention, bare years (also a year whose counted noun does not
 * follow it directly: "der 2017 das Unternehmen gründete"), ordinals and
 * digit numbers glued to a name in an alphabetic script ("MS-22", "G7",
 * "А310"; not "N585 million", not spelled "four-in-ten") are skipped. The
 * counted thing is the nearest "counted_nouns" entry within 3 tokens after the
 * number (adjectives in between are skipped; a clause break stops the search),
 * else the unit from the number scanner (percent, USD, km …) takes precedence.
 * The event is an "event_lexicon" entry of the same sentence
 * (story__fx_event_match): the best-ranked concept (casualties, detentions,
 * troops/supplies sent, changes, then others: event_rank), nearest to the
 * number among those (on a tie the one after it: verb-final clauses). Key
 * "quantity|<unit>|<value>" (value "15", range "15-20"), slot
 * "quantity|<unit>", where unit is the number scanner's language-neutral unit
 * ("" for bare counts). The counted thing, event and qualifier are in the value
 * and in the fact's fields, not in the key: lexicon coverage differs per
 * language, so including them made the same sentence in en and its translation
 * disagree (WMT24 recall 0.62 with counted nouns in the key); the diff pairs
 * quantities inside aligned sentences, where value + unit identify them.
 * story_facts_check uses counted + event.
 */
#include "internal.h"

#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include <unicode/uchar.h>

#include "dates.h"
#include "facts_event.h"
#include "facts_internal.h"
#include "numbers.h"
#include "stem.h"

/* First token of sentence s starting at or after byte off (binary
 * search; tokens are in text order). */
static size_t token_at_or_after(const fx *x, size_t s, size_t off)
{
    size_t lo = x->sent_tok[s], hi = x->sent_tok[s + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (x->a->tokens[mid].start >= off)
            hi = mid;
        else
            lo = mid + 1;
    }
    return lo;
}

/* First token of sentence s ending after byte off. */
static size_t token_containing(const fx *x, size_t s, size_t off)
{
    size_t t = story__fx_token_after(x, off);
    if (t < x->sent_tok[s])
        return x->sent_tok[s];
    return t > x->sent_tok[s + 1] ? x->sent_tok[s + 1] : t;
}

/* Rank of an event concept as "the event a number counts": casualties
 * first, then detentions and displacements, troops and supplies sent,
 * sign-ups, then changes (rise/fall), then any other event. A sentence
 * often holds several event words ("a 9.4 per cent rise in sales"), and
 * translations order them differently, so the nearest word alone made the
 * same number count different events in en and its translation (and the
 * diff then could not pair a changed number). Concept ids, not words. */
static int event_rank(const char *c)
{
    static const char *const tiers[][4] = {
        {"KILL", "INJURE", NULL, NULL},
        {"ARREST", "EVACUATE", "IMPRISON", NULL},
        {"SEND_TROOPS", "DEPLOY", "SEND", "SIGN_UP"},
        {"INCREASE", "DECREASE", NULL, NULL},
    };
    for (size_t t = 0; t < sizeof tiers / sizeof tiers[0]; t++)
        for (size_t k = 0; k < 4 && tiers[t][k]; k++)
            if (strcmp(c, tiers[t][k]) == 0)
                return (int)t;
    return (int)(sizeof tiers / sizeof tiers[0]);
}

/* 1 when only spaces or a percent sign separate token k from token
 * k + 1: a noun may follow its number there ("three day strike"), not
 * across punctuation ("kills four, injures 23"). */
static int plain_gap(const fx *x, size_t k)
{
    const story_token *t = x->a->tokens;
    for (size_t p = t[k].end; p < t[k + 1].start; p++) {
        unsigned char c = (unsigned char)x->a->text[p];
        /* spaces, a percent sign, a no-break space (C2 A0) */
        if (c != ' ' && c != '%' && c != 0xC2 && c != 0xA0)
            return 0;
    }
    return 1;
}

/* Event word of sentence s for token i (the number; lead: the first token
 * of its phrase, a qualifier or currency sign before it, else i): the
 * event word right before lead, then an event after i in i's own
 * clause segment first (no punctuation clause break and no coordinator of
 * the pack's "clause_coordinators" between them: "15 people were injured
 * and 2,300 residents were evacuated" -> 2,300 EVACUATE), then the
 * best-ranked concept (event_rank), nearest to i among those (on a tie
 * the later one). */
static const char *sentence_event(fx *x, fx_evstems *es, size_t s, size_t i,
                                  size_t lead, size_t *at)
{
    size_t b = x->sent_tok[s], e = x->sent_tok[s + 1], n;
    const char *best = NULL;
    size_t bestd = (size_t)-1;
    int bestr = 1 << 20, bests = -1;
    /* within FX_WINDOW tokens: bounds the work in run-on sentences */
    if (i > b + FX_WINDOW)
        b = i - FX_WINDOW;
    if (e > i + FX_WINDOW)
        e = i + FX_WINDOW;
    /* segment number of each token of the window */
    unsigned seg[2 * FX_WINDOW + 2];
    int coord = story_langpack_field(x->lp, "clause_coordinators") != NULL;
    for (size_t k = b, sg = 0; k < e; k++) {
        if (k > b && (story__fx_clause_break_before(x, k) ||
                      (coord && story_langpack_has(x->lp, "clause_coordinators",
                                                   x->a->tokens[k].key))))
            sg++;
        seg[k - b] = (unsigned)sg;
    }
    /* the event word right before the number governs it as its object
     * ("kills four, injures 23": four KILL; "injuring 190"): nothing
     * between them, so no other event word can claim it; not when an
     * event noun follows the number (one word may come between, not a
     * clause break), which it then modifies (cs "se účastní třídenní
     * stávky": a three-day strike; "spustí 1% snížení": a 1% cut) */
    int noun_after = i + 1 < e && plain_gap(x, i) &&
                     (story__fx_event_match(x, es, i + 1, e, &n) ||
                      (i + 2 < e && plain_gap(x, i + 1) &&
                       story__fx_event_match(x, es, i + 2, e, &n)));
    for (size_t k = lead; !noun_after && k > b && k + 3 > lead; k--) {
        const char *c = story__fx_event_match(x, es, k - 1, e, &n);
        if (c && k - 1 + n == lead) {
            if (at)
                *at = k - 1;
            return c;
        }
    }
    for (size_t k = b; k < e; k++) {
        const char *c = story__fx_event_match(x, es, k, e, &n);
        if (!c)
            continue;
        /* own segment, best rank, then nearest; on a tie the later word
         * (verb-final clauses: "Angriffen wurden 15 Menschen verletzt",
         * "袭击造成15人受伤") */
        size_t d = k < i ? (i - k) : (k - i);
        int r = event_rank(c);
        /* the predicate after the quantity in its own segment: the
         * quantity is its subject or object there */
        int sm = k > i && i >= b && i < e && seg[k - b] == seg[i - b];
        if (sm > bests ||
            (sm == bests && (r < bestr || (r == bestr && d <= bestd)))) {
            bests = sm;
            bestr = r;
            bestd = d;
            best = c;
            if (at)
                *at = k;
        }
        k += n - 1;
    }
    return best;
}

/* The parts a date fact and a clock-time fact of dt share: type,
 * sentence, byte span, no entity, and the event of its sentence (into
 * f->event, "" when none; also returned, NULL when none); *o gets a new
 * value object with "event" set. */
static const char *date_fact_init(fx *x, fx_evstems *es, const story_date *dt,
                                  story_fact *f, json_t **o)
{
    size_t s = story__fx_sentence_at(x, dt->start);
    memset(f, 0, sizeof *f);
    f->type = STORY_FACT_DATE;
    f->sentence = s;
    f->start = dt->start;
    f->end = dt->end;
    f->entity = -1;
    size_t ti = token_containing(x, s, dt->start);
    const char *ev = sentence_event(x, es, s, ti, ti, NULL);
    f->event = story__fx_strdup(x, ev ? ev : "");
    *o = json_object();
    json_object_set_new(*o, "event", ev ? json_string(ev) : json_null());
    return ev;
}

/* One date fact for dt (resolved or relative). */
static void date_emit(fx *x, fx_evstems *es, const story_date *dt)
{
    story_fact f;
    json_t *o;
    date_fact_init(x, es, dt, &f, &o);
    if (dt->iso[0])
        f.key = story__fx_printf(x, "date|%s", dt->iso);
    else
        f.key = story__fx_printf(x, "date|rel:%s", dt->relative);
    f.slot = story__fx_strdup(x, "date");
    f.date_iso = story__fx_strdup(x, dt->iso);
    f.date_relative = story__fx_strdup(x, dt->relative);
    json_object_set_new(o, "iso",
                        dt->iso[0] ? json_string(dt->iso) : json_null());
    json_object_set_new(o, "relative", dt->relative[0]
                                           ? json_string(dt->relative)
                                           : json_null());
    json_object_set_new(o, "time",
                        dt->has_time ? json_string(dt->time) : json_null());
    if (dt->readings[0][0]) {
        for (int k = 0; k < 2; k++)
            memcpy(f.date_readings[k], dt->readings[k],
                   sizeof f.date_readings[k]);
        json_t *r = json_array();
        json_array_append_new(r, json_string(dt->readings[0]));
        json_array_append_new(r, json_string(dt->readings[1]));
        json_object_set_new(o, "readings", r);
    }
    f.value_json = story__fx_json(x, o);
    story__fx_push(x, &f);
}

/* An ambiguous slash date ("8/3/2025") of an article whose other slash
 * dates fix the order ("25/12/2025": day first; "12/25/2025": month
 * first, and not both) takes that reading: its key, ISO value and value
 * JSON become the full date and the readings are cleared. Facts from
 * index `first` on are this article's dates and quantities. */
static void resolve_slash_dates(fx *x, size_t first, int order)
{
    if (order != 1 && order != 2)
        return;
    for (size_t i = first; i < x->facts.len && x->rc == 0; i++) {
        story_fact *f = &((story_fact *)x->facts.data)[i];
        if (f->type != STORY_FACT_DATE || !f->date_readings[0][0])
            continue;
        const char *iso = f->date_readings[order - 1];
        char *key = story__fx_printf(x, "date|%s", iso);
        char *val = story__fx_strdup(x, iso);
        json_t *o = f->value_json ? json_loads(f->value_json, 0, NULL) : NULL;
        char *vj = NULL;
        if (o) {
            json_object_set_new(o, "iso", json_string(iso));
            json_object_del(o, "readings");
            vj = story__fx_json(x, o);
        }
        if (!key || !val || (o && !vj)) {
            free(key);
            free(val);
            free(vj);
            continue; /* x->rc is set */
        }
        free(f->key);
        f->key = key;
        free(f->date_iso);
        f->date_iso = val;
        if (vj) {
            free(f->value_json);
            f->value_json = vj;
        }
        memset(f->date_readings, 0, sizeof f->date_readings);
    }
}

/* One clock-time fact for a time said without a date in its sentence
 * ("The meeting starts at 16:30."): a date fact whose key is the time on
 * a 12-hour dial, "date|clock12:04:00" for 4:00 and 16:00 alike, and
 * whose slot is "date|time" (never paired with a calendar date). A
 * 12-hour clock written without its "p.m." word reads 8 for 20:00 (zh
 * "8点", ru "8 часов вечера"), so across languages 4 p.m. = 16:00 = 16 Uhr
 * = 16時 must be one key; the diff compares the 24-hour time of the value
 * ("time": "16:00") within one language, where "4 a.m." -> "4 p.m." is a
 * change. */
static void time_emit(fx *x, fx_evstems *es, const story_date *dt)
{
    int h = 0, m = 0;
    if (sscanf(dt->time, "%d:%d", &h, &m) != 2 || h < 0 || h > 23 || m < 0 ||
        m > 59)
        return;
    story_fact f;
    json_t *o;
    date_fact_init(x, es, dt, &f, &o);
    f.key = story__fx_printf(x, "date|clock12:%02d:%02d", h % 12, m);
    f.slot = story__fx_strdup(x, "date|time");
    f.date_iso = story__fx_strdup(x, "");
    f.date_relative = story__fx_strdup(x, "");
    json_object_set_new(o, "iso", json_null());
    json_object_set_new(o, "relative", json_null());
    json_object_set_new(o, "time", json_string(dt->time));
    f.value_json = story__fx_json(x, o);
    story__fx_push(x, &f);
}

/* A clock time said apart from its date ("at 4 p.m. on Friday", "on
 * Friday, March 6, with a concert from 7-9 p.m."; the scanner joins a
 * time only to the date right before it) is that date's time: the
 * nearest date of its sentence that has none takes it, or, in a sentence
 * without a date, the last date before it in its paragraph that has none
 * ("Der Markt öffnet am Freitag, 6. März. Das Konzert beginnt um 19
 * Uhr."); 1 when one did. A second time of a sentence whose
 * dates have theirs ("from 18:00 to 20:00") is left out, as before. */
static int time_to_date(fx *x, story_vec *dates, size_t t)
{
    story_date *all = dates->data, *tm = &all[t];
    size_t s = story__fx_sentence_at(x, tm->start), best = (size_t)-1, bd = 0;
    int any = 0;
    for (size_t d = 0; d < dates->len; d++) {
        story_date *dt = &all[d];
        if (d == t || !(dt->iso[0] || dt->relative[0]) ||
            story__fx_sentence_at(x, dt->start) != s)
            continue;
        any = 1;
        if (dt->has_time)
            continue;
        size_t dist = dt->start >= tm->end ? dt->start - tm->end
                      : tm->start >= dt->end ? tm->start - dt->end : 0;
        if (best == (size_t)-1 || dist < bd) {
            best = d;
            bd = dist;
        }
    }
    if (!any) {
        /* the last date before it in its paragraph */
        size_t par = s < x->a->n_sentences ? x->a->sentences[s].paragraph
                                           : (size_t)-1;
        for (size_t d = 0; d < dates->len; d++) {
            story_date *dt = &all[d];
            size_t ds = story__fx_sentence_at(x, dt->start);
            if (d == t || !(dt->iso[0] || dt->relative[0]) ||
                dt->start >= tm->start || ds >= x->a->n_sentences ||
                x->a->sentences[ds].paragraph != par)
                continue;
            if (best == (size_t)-1 || dt->start > all[best].start)
                best = d;
        }
        if (best != (size_t)-1 && all[best].has_time)
            best = (size_t)-1; /* that date has its time: a time of its own */
    }
    if (best != (size_t)-1) {
        all[best].has_time = 1;
        memcpy(all[best].time, tm->time, sizeof all[best].time);
        return 1;
    }
    return any;
}

static int dates_emit(fx *x, fx_evstems *es, story_vec *dates)
{
    /* times said without a date: to a date of their sentence, else a
     * clock-time fact of their own (they were dropped: "at 16:30" ->
     * "at 18:30" was no difference; fresh-user 9, session 10) */
    unsigned char *own = story__calloc(dates->len + 1, 1);
    if (!own)
        return x->rc = story__error(x->err, STORY_ENOMEM, NULL, -1,
                                    "out of memory");
    for (size_t d = 0; d < dates->len; d++) {
        story_date *dt = &((story_date *)dates->data)[d];
        if (!dt->iso[0] && !dt->relative[0] && dt->has_time && dt->time[0])
            own[d] = !time_to_date(x, dates, d);
    }
    for (size_t d = 0; d < dates->len && x->rc == 0; d++) {
        story_date *dt = &((story_date *)dates->data)[d];
        if (dt->iso[0] || dt->relative[0])
            date_emit(x, es, dt);
        else if (own[d])
            time_emit(x, es, dt);
    }
    free(own);
    return x->rc;
}

/* 1 when the numeral text[start, end) holds a character that is no digit:
 * a group separator ("2.100", "2 100", "2,100", "2'100") or a decimal
 * mark. A year is never written so (fresh-user 14: de "2.100 Stellen"
 * was the year 2100). */
static int numeral_grouped(const fx *x, size_t start, size_t end)
{
    const char *t = x->a->text;
    size_t i = start;
    while (i < end && end <= x->a->text_len) {
        int32_t c = story__utf8_next(t, end, &i);
        if (c < 0 || !u_isdigit(c))
            return 1;
    }
    return 0;
}

/* 1 when token k is a lower-case content word: letters, lower-case
 * first letter, no determiner, function word or stop word of the pack. */
static int lower_content_word(const fx *x, size_t k)
{
    const story_token *t = &x->a->tokens[k];
    if ((t->flags &
         (STORY_TOKEN_NUMBER | STORY_TOKEN_IDEO | STORY_TOKEN_CAPITAL)) ||
        !(t->flags & STORY_TOKEN_LETTER) || !t->key)
        return 0;
    size_t i = t->start;
    int32_t c = story__utf8_next(x->a->text, t->end, &i);
    return c >= 0 && u_islower(c) &&
           !story_langpack_has(x->lp, "determiners", t->key) &&
           !story_langpack_has(x->lp, "function_words", t->key) &&
           !story__is_stopword(x->ctx, x->lang, t->key);
}

/* 1 when text[a, b) holds only plain or no-break spaces (U+00A0: "1910
 * виписок" with a no-break space was no count; session 19) */
static int only_spaces(const char *text, size_t a, size_t b)
{
    for (size_t i = a; i < b; i++)
        if (text[i] != ' ' &&
            !((unsigned char)text[i] == 0xC2 && i + 1 < b &&
              (unsigned char)text[i + 1] == 0xA0 && ++i))
            return 0;
    return 1;
}

/* 1 when number n of sentence s directly follows a word of the pack's
 * "label_nouns" ("Chapter Seven", "Section 713", "статті 5"): a number
 * that names a part is a label, not a count, and is skipped like an
 * ordinal, which is how translations often write it ("сьомої глави",
 * 第七章; session 19, fresh-user 18 M13: a certain `[-] omitted 7` in four
 * languages). A changed label number is then not compared. */
static int label_number(const fx *x, const story_number *n, size_t s)
{
    if (n->unit[0] || n->is_range || n->qualifier[0])
        return 0;
    size_t nt = token_containing(x, s, n->num_start);
    if (nt <= x->sent_tok[s] || nt >= x->sent_tok[s + 1] ||
        x->a->tokens[nt].start != n->num_start)
        return 0;
    const story_token *t = &x->a->tokens[nt - 1];
    if (!t->key || t->end >= n->num_start)
        return 0;
    /* an abbreviated label with its full stop: "No. 5", "Nr. 3", pl
     * "art. 293" (listed with the stop; session 20, fresh-user 19 M9:
     * "No. 5 Georgia" was a negated 5) */
    if (x->a->text[t->end] == '.' &&
        only_spaces(x->a->text, t->end + 1, n->num_start) &&
        t->end + 1 < n->num_start) {
        char k[64];
        int kl = snprintf(k, sizeof k, "%s.", t->key);
        return kl > 0 && (size_t)kl < sizeof k &&
               story_langpack_has(x->lp, "label_nouns", k);
    }
    if (!only_spaces(x->a->text, t->end, n->num_start))
        return 0;
    if (story_langpack_has(x->lp, "label_nouns", t->key))
        return 1;
    /* an elided article in the token: fr "l'article 5", it "l'articolo" */
    const char *ap = strrchr(t->key, '\'');
    const char *ap2 = strstr(t->key, "\xE2\x80\x99"); /* U+2019 */
    if (ap2 && (!ap || ap2 > ap))
        ap = ap2 + 2;
    return ap && ap[1] && story_langpack_has(x->lp, "label_nouns", ap + 1);
}

/* 1 when a 4-digit number with an approximating qualifier is followed
 * directly by a lower-case content word: "some 2000 bakeries", "около
 * 1200 пекарен" count bakeries, whatever the counted-noun lexicon knows
 * (fresh-user 15 M7: both were the years 2000 and 1200, and a faithful ru
 * translation of "about 1,200 companies" gave a certain omitted quantity).
 * A year takes no such qualifier before a noun; "around 2000 the firm"
 * (a determiner), "до 2030 года" (up_to, and the counted noun "year") and
 * uncased scripts keep the year reading. In packs with "capitalised_nouns"
 * (de) the word may be capitalised.
 * Also, without a qualifier, a number below 1900 between two such
 * words, right after a lower-case content word (a verb: "employs 1500
 * staff" was the year 1500; session 16, fresh-user 15 M7 rest): an old
 * year follows a preposition, a determiner or a name ("in 1500", "the
 * 1815 treaty"). Recent years keep the year reading ("reported fiscal
 * 2023 results", "won 2019 elections"). */
static int qualified_count(const fx *x, const story_number *n, size_t ti,
                           size_t e)
{
    if (strcmp(n->qualifier, "up_to") == 0 || ti >= e)
        return 0;
    if (!n->qualifier[0]) {
        /* "reported fiscal 2023 results": a year; but not in packs with
         * "year_nouns" (uk ru pl cs), whose years take the word "year"
         * after or before them ("1910 року", "v roce 2023"): "…
         * затримала 1910 виписок" (delayed 1910 discharges) counts
         * (session 19, fresh-user 18 M12: it was the year 1910, a
         * certain omission against "1,910") */
        int yn = json_is_array(story_langpack_field(x->lp, "year_nouns"));
        if (n->value >= 1900 && !yn)
            return 0;
        size_t nt = token_containing(x, story__fx_sentence_at(x, n->num_start),
                                     n->num_start);
        if (nt == 0 || nt >= x->a->n_tokens ||
            x->a->tokens[nt].start != n->num_start ||
            x->a->tokens[nt - 1].sentence != x->a->tokens[nt].sentence ||
            !lower_content_word(x, nt - 1) ||
            (yn && story_langpack_has(x->lp, "year_nouns",
                                      x->a->tokens[nt - 1].key)))
            return 0;
        if (!only_spaces(x->a->text, x->a->tokens[nt - 1].end,
                         n->num_start))
            return 0;
    }
    const story_token *t = &x->a->tokens[ti];
    /* de capitalises every noun ("rund 1800 Bäckereien") */
    int caps = json_is_true(story_langpack_field(x->lp, "capitalised_nouns"));
    if ((t->flags & (STORY_TOKEN_NUMBER | STORY_TOKEN_IDEO)) ||
        ((t->flags & STORY_TOKEN_CAPITAL) && !caps) ||
        !(t->flags & STORY_TOKEN_LETTER) || !t->key || t->start < n->num_end)
        return 0;
    if (!only_spaces(x->a->text, n->num_end, t->start))
        return 0; /* only a space between: "2000, bakeries" is no count */
    size_t i = t->start;
    int32_t c = story__utf8_next(x->a->text, t->end, &i);
    if (c < 0 || !(u_islower(c) || (caps && u_isupper(c))))
        return 0;
    return !story_langpack_has(x->lp, "determiners", t->key) &&
           !story_langpack_has(x->lp, "function_words", t->key) &&
           !story__is_stopword(x->ctx, x->lang, t->key);
}

/* A year read by the number scanner ("by 2029", "2040年") is a date fact
 * with the ISO 8601 year as its value. */
static void year_emit(fx *x, fx_evstems *es, const story_number *n)
{
    story_date dt;
    memset(&dt, 0, sizeof dt);
    dt.start = n->num_start;
    dt.end = n->num_end;
    snprintf(dt.iso, sizeof dt.iso, "%04ld", (long)n->value);
    date_emit(x, es, &dt);
}

/* A range of two years without unit or scale ("2000-2019", "between
 * 2011 and 2019", "1981-87": the upper bound takes the century of the
 * lower one) becomes two date facts; 0 when n is no such range. A noun
 * right after the range other than "year" (counted_follows) makes it a
 * count ("2000-3000 people"). */
static int year_range_emit(fx *x, fx_evstems *es, const story_number *n,
                           int counted_follows)
{
    /* the unit "year" after a range of recent years names those years
     * (uk "у 1959-2022 роки" was a quantity 1959-2022 years; fresh-user
     * 14, session 16); "1000-2000 years" stays a duration */
    int in_years = strcmp(n->unit, "year") == 0 && n->value >= 1800;
    if (!n->is_range || (n->unit[0] && !in_years) || n->spelled ||
        n->is_percent || n->is_fraction || n->qualifier[0] || counted_follows)
        return 0;
    /* the lower year written as 4 plain digits ("1,950-2,000" is a
     * count) */
    const unsigned char *t = (const unsigned char *)x->a->text + n->num_start;
    size_t len = n->num_end - n->num_start;
    for (size_t i = 0; i < 4; i++)
        if (len < 4 || t[i] < '0' || t[i] > '9')
            return 0;
    if (len > 5 && (t[4] == ',' || t[4] == '.' || t[4] == ' ') &&
        t[5] >= '0' && t[5] <= '9')
        return 0;
    double lo = n->value, hi = n->value_hi;
    if (lo != (double)(long)lo || hi != (double)(long)hi || lo < 1000 ||
        lo > 2100)
        return 0;
    if (hi >= 0 && hi < 100) /* "1981-87" */
        hi += (double)((long)lo / 100 * 100);
    if (hi <= lo || hi > 2100 || hi - lo > 200)
        return 0;
    story_date dt;
    memset(&dt, 0, sizeof dt);
    dt.start = n->num_start;
    dt.end = n->num_end;
    snprintf(dt.iso, sizeof dt.iso, "%04ld", (long)lo);
    date_emit(x, es, &dt);
    snprintf(dt.iso, sizeof dt.iso, "%04ld", (long)hi);
    date_emit(x, es, &dt);
    return 1;
}

/* Is the code point ending right before byte p an alphabetic letter
 * (Latin, Greek, Cyrillic …: Cyrillic А in "А310")? Not scripts written
 * without spaces (CJK, below U+0900 only): 同社は2023年. */
static int letter_before(const char *t, size_t p)
{
    if (p == 0)
        return 0;
    size_t b = p - 1;
    while (b > 0 && ((unsigned char)t[b] & 0xC0) == 0x80 && p - b < 4)
        b--;
    size_t i = b;
    int32_t c = story__utf8_next(t, p, &i);
    return c >= 0 && c < 0x900 && i == p && u_isalpha(c);
}

/* Number glued to letters: "MS-22", "G7", "COVID-19", "А310". Not when a
 * scale word or unit follows ("N585 million" is an amount), nor for
 * spelled numbers ("four-in-ten"). */
/* Is the number a parameter of an ANSI/ECMA-48 control sequence ("ESC [
 * 31 m", CSI "0;31m")? Parameters are digits and ';' after ESC '[' or
 * the C1 CSI (U+009B); they are terminal colours, not measurements. */
static int csi_before(const unsigned char *t, size_t p)
{
    while (p > 0 && ((t[p - 1] >= '0' && t[p - 1] <= '9') || t[p - 1] == ';'))
        p--;
    return (p >= 2 && t[p - 1] == '[' && t[p - 2] == 0x1B) ||
           (p >= 2 && t[p - 1] == 0x9B && t[p - 2] == 0xC2);
}

/* Is byte p inside an OSC string (ESC ']' or the C1 OSC U+009D, up to
 * BEL, ESC or a C1 ST; "ESC ] 0;title BEL" sets a terminal title)?
 * Looked for at most 256 bytes back, not across a line break
 * (session 12, fresh-user L4: the "0" of "ESC ] 0;…" was a quantity). */
static int osc_before(const unsigned char *t, size_t p)
{
    for (size_t k = p, n = 0; k > 0 && n < 256; k--, n++) {
        unsigned char c = t[k - 1];
        if (c == 0x07 || c == '\n' || (c == 0x9C && k >= 2 && t[k - 2] == 0xC2))
            return 0;
        if (c == ']' && k >= 2 && t[k - 2] == 0x1B)
            return 1;
        if (c == 0x9D && k >= 2 && t[k - 2] == 0xC2)
            return 1;
        if (c == 0x1B)
            return 0;
    }
    return 0;
}

static int in_control_sequence(const fx *x, const story_number *n)
{
    const unsigned char *t = (const unsigned char *)x->a->text;
    return csi_before(t, n->num_start) || osc_before(t, n->num_start);
}

/* Does a control sequence end right before byte p (its final byte, e.g.
 * the 'm' of "ESC [ 0 m")? Then the number after it is not glued to a
 * letter. */
static int control_sequence_ends(const fx *x, size_t p)
{
    const unsigned char *t = (const unsigned char *)x->a->text;
    return p > 0 && t[p - 1] >= 0x40 && t[p - 1] <= 0x7E &&
           csi_before(t, p - 1);
}

/* The character at byte p (< len) is a lower-case letter. */
static int letter_lower_at(const char *t, size_t p, size_t len)
{
    size_t i = p;
    int32_t c = story__utf8_next(t, len, &i);
    return c >= 0 && u_islower(c);
}

static int glued(const fx *x, const story_number *n)
{
    const char *t = x->a->text;
    size_t p = n->num_start;
    if (n->spelled)
        return 0;
    if (p > 0 && n->end <= n->num_end && !control_sequence_ends(x, p)) {
        if (letter_before(t, p))
            return 1;
        unsigned char c = (unsigned char)t[p - 1];
        if ((c == '-' || c == '/') && p > 1 && letter_before(t, p - 1))
            return 1;
    }
    size_t e = n->num_end;
    if (e < x->a->text_len) {
        unsigned char c = (unsigned char)t[e];
        if (c == '-' && e + 1 < x->a->text_len) {
            unsigned char d = (unsigned char)t[e + 1];
            /* not a capitalised noun after the hyphen in packs with
             * "capitalised_nouns" (de "1-Prozent-Kürzung", "5-Jahres-
             * Plan": the number of a compound, session 12 M3c), only a
             * code ("5-A", "3-D") */
            int noun = d >= 'A' && d <= 'Z' && e + 2 < x->a->text_len &&
                       letter_lower_at(t, e + 2, x->a->text_len) &&
                       json_is_true(story_langpack_field(
                           x->lp, "capitalised_nouns"));
            if (((d >= 'A' && d <= 'Z') && !noun) || (d >= '0' && d <= '9'))
                return 1;
        }
    }
    return 0;
}

/* The unit as it enters the key: time units and points are dropped (the
 * number packs disagree on whether "years"/"days" are units or counted
 * nouns, and translations move them), currencies, percent and measures
 * stay; "times" too (165 times = 165-mal = 165krát = 165 раз: only some
 * packs list the multiplier word as a unit). Concept ids, not words. */
static const char *key_unit(const char *u)
{
    static const char *const drop[] = {"year", "month", "week", "day",
                                       "hour", "minute", "second",
                                       "year_of_age", "point", "time",
                                       "times"};
    for (size_t i = 0; i < sizeof drop / sizeof drop[0]; i++)
        if (strcmp(u, drop[i]) == 0)
            return "";
    return u;
}

/* Session 12 (fresh-user M3a): the number is part of a name, a model,
 * index or version number ("Boeing 737", "737 MAX 9", "FTSE 250",
 * "Windows 11"): a plain integer without unit right after a word it
 * touches (one space) in its sentence, not its first word, that is
 * part of an entity mention, an acronym of 2+ capitals ("MAX"), or, in
 * scripts with capitals and packs without "capitalised_nouns", a
 * capitalised word. Not after a pack "counted_nouns" entry ("Jahr 5"),
 * nor after an entity when a counted noun follows the number, unless a
 * number comes before that entity word ("737 MAX 9 jets"). */
static int name_number(fx *x, const story_number *n, size_t s, size_t nt,
                       const char *counted)
{
    const story_article *a = x->a;
    if (n->unit[0] || n->is_range || n->spelled || n->qualifier[0] ||
        n->value != (double)(long)n->value || nt >= a->n_tokens ||
        nt <= x->sent_tok[s] || nt >= x->sent_tok[s + 1])
        return 0;
    size_t k = nt - 1;
    const story_token *t = &a->tokens[k];
    if (t->end + 1 != n->num_start || a->text[t->end] != ' ' ||
        !(t->flags & STORY_TOKEN_LETTER) || (t->flags & STORY_TOKEN_NUMBER))
        return 0;
    size_t m;
    if (story__fx_match(x, "counted_nouns", k, nt, &m))
        return 0;
    /* an entity before a count of a counted noun is its subject or
     * place ("EPA 94 zivile Fälle", "In Germany 5 people") */
    if (x->tok_ent[k] >= 0)
        return !counted || (k > x->sent_tok[s] &&
                            (a->tokens[k - 1].flags & STORY_TOKEN_NUMBER));
    if (x->cjk || !(t->flags & STORY_TOKEN_CAPITAL) || k == x->sent_tok[s])
        return 0;
    size_t caps = 0, len = 0;
    for (size_t o = t->start; o < t->end;) {
        int32_t c = story__utf8_next(a->text, t->end, &o);
        len++;
        if (c >= 0 && u_isupper(c))
            caps++;
    }
    if (caps >= 2 && caps == len)
        return 1;
    return !json_is_true(story_langpack_field(x->lp, "capitalised_nouns"));
}

/* 1 when number n of sentence s is written with a glued "m" ("1.5m")
 * whose next token ci is the counted noun, and no determiner of the pack
 * stands right before the number: million_m's reading of "m". */
static int million_m(const fx *x, const story_number *n, size_t s, size_t ci)
{
    const char *t = x->a->text;
    if (strcmp(n->unit, "m") != 0 || n->end != n->num_end + 1 ||
        n->num_end >= x->a->text_len || t[n->num_end] != 'm' ||
        ci != token_at_or_after(x, s, n->end))
        return 0;
    size_t nt = token_containing(x, s, n->num_start);
    return !(
        nt > x->sent_tok[s] && x->a->tokens[nt - 1].key &&
        story_langpack_has(x->lp, "determiners", x->a->tokens[nt - 1].key));
}

/* The unit concept of the word right after a glued "m" ("1.5m hectares",
 * "2m tonnes"): a unit of the pack that is not a length, when that word
 * follows the number after one space; else NULL. With it the "m" is
 * million and the word its unit, as "2 million tonnes" reads (million_m
 * took "tonnes" for a counted noun; session 21, fresh-user 21 M6:
 * "1.5m hectares" was 1.5 metres, "2m tonnes" another fact than "2
 * million tonnes"). */
static const char *million_m_unit(const fx *x, const story_number *n,
                                  size_t s)
{
    const char *t = x->a->text;
    if (strcmp(n->unit, "m") != 0 || n->end != n->num_end + 1 ||
        n->num_end >= x->a->text_len || t[n->num_end] != 'm' ||
        n->end + 1 >= x->a->text_len || t[n->end] != ' ')
        return NULL;
    size_t ut = token_at_or_after(x, s, n->end);
    if (ut >= x->sent_tok[s + 1] || x->a->tokens[ut].start != n->end + 1 ||
        !x->a->tokens[ut].key)
        return NULL;
    const char *u = story_langpack_map(x->lp, "units", x->a->tokens[ut].key);
    if (!u || !*u || !strcmp(u, "m") || !strcmp(u, "km") ||
        !strcmp(u, "cm") || !strcmp(u, "mm") || !strcmp(u, "ft") ||
        !strcmp(u, "mi") || !strcmp(u, "in") || !strcmp(u, "yd"))
        return NULL;
    size_t nt = token_containing(x, s, n->num_start);
    if (nt > x->sent_tok[s] && x->a->tokens[nt - 1].key &&
        story_langpack_has(x->lp, "determiners", x->a->tokens[nt - 1].key))
        return NULL;
    return u;
}

/* 1 when number n is written as 1-3 digits, one "," or ".", exactly 3
 * digits, and was read as a decimal (no unit, range, scale or
 * qualifier-free fraction): "1,800" in a decimal-comma pack. */
static int decimal_of_three(const fx *x, const story_number *n)
{
    const char *t = x->a->text;
    size_t a = n->num_start, b = n->num_end, k = a;
    if (n->unit[0] || n->is_range || n->is_fraction || n->spelled ||
        n->value == floor(n->value) || b - a < 5 || b - a > 7)
        return 0;
    while (k < b && isdigit((unsigned char)t[k]))
        k++;
    if (k == a || k - a > 3 || (t[k] != ',' && t[k] != '.') || b - k != 4)
        return 0;
    for (size_t i = k + 1; i < b; i++)
        if (!isdigit((unsigned char)t[i]))
            return 0;
    return 1;
}

static int quantities_emit(fx *x, fx_evstems *es, story_vec *nums,
                           const story_vec *dates)
{
    size_t dfrom = 0;
    const story_date *dv = (const story_date *)dates->data;
    /* sorted by start and by end (no mention inside a longer one), as the
     * date scanner emits them; otherwise every date is checked */
    int dates_sorted = 1;
    for (size_t d = 1; d < dates->len && dates_sorted; d++)
        dates_sorted = dv[d].start >= dv[d - 1].start &&
                       dv[d].end >= dv[d - 1].end;
    for (size_t q = 0; q < nums->len; q++) {
        const story_number *n = &((story_number *)nums->data)[q];
        size_t s = story__fx_sentence_at(x, n->num_start);
        size_t e = x->sent_tok[s + 1];
        /* dates and numbers come in text order: the dates that end before
         * this number are skipped once (linear, not numbers x dates) */
        if (q > 0 && n->num_start < n[-1].num_start)
            dfrom = 0; /* numbers out of order: start over */
        while (dates_sorted && dfrom < dates->len &&
               dv[dfrom].end <= n->num_start)
            dfrom++;
        int in_date = 0;
        for (size_t d = dfrom; d < dates->len && !in_date; d++) {
            if (dates_sorted && dv[d].start >= n->num_end)
                break;
            if (n->num_start < dv[d].end && n->num_end > dv[d].start)
                in_date = 1;
        }
        if (in_date || n->is_ordinal || glued(x, n) ||
            in_control_sequence(x, n) || label_number(x, n, s))
            continue;
        /* counted noun after the number */
        size_t ti = token_at_or_after(x, s, n->num_end), m;
        const char *counted = NULL;
        size_t ci = ti;
        for (size_t k = ti; k < e && k < ti + 3; k++) {
            if (k > x->sent_tok[s] && story__fx_clause_break_before(x, k))
                break;
            if (x->a->tokens[k].flags & STORY_TOKEN_NUMBER)
                break;
            /* a determiner after a content word starts another noun
             * phrase: "12 funds that day" counts funds, not days
             * (session 12, fresh-user M5); "10 of the people" goes on */
            if (k > ti && x->a->tokens[k].key && x->a->tokens[k - 1].key &&
                story_langpack_has(x->lp, "determiners",
                                   x->a->tokens[k].key) &&
                !story_langpack_has(x->lp, "determiners",
                                    x->a->tokens[k - 1].key) &&
                !story_langpack_has(x->lp, "function_words",
                                    x->a->tokens[k - 1].key) &&
                !story__is_stopword(x->ctx, x->lang,
                                    x->a->tokens[k - 1].key))
                break;
            if ((counted = story__fx_match(x, "counted_nouns", k, e, &m))) {
                ci = k;
                break;
            }
        }
        /* a range of years ("between 2000 and 2019", "from 1981-87",
         * "(1995-2005)") is two dates, as the translations that write
         * "from 2000 to 2019" with two numbers give them */
        if (year_range_emit(x, es, n, counted && ci == ti &&
                                          strcmp(counted, "year") != 0))
            continue;
        /* a year ("in 2022", "2022 году") is a date, not a count */
        /* (in packs with "year_nouns" also when a counted noun
         * comes later: "1910 виписок пацієнтів") */
        int qcount =
            (!counted ||
             (ci > ti && strcmp(counted, "year") != 0 &&
              json_is_array(story_langpack_field(x->lp, "year_nouns")))) &&
            qualified_count(x, n, ti, e);
        if (n->is_year && !n->unit[0] && !qcount &&
            (!counted || strcmp(counted, "year") == 0 || ci > ti)) {
            /* "der 2017 das Unternehmen gründete": the noun does not
             * follow the year directly */
            if (!n->is_range && n->value >= 1000 && n->value <= 2100 &&
                n->value == (double)(long)n->value)
                year_emit(x, es, n);
            continue;
        }
        /* a bare integer 1900-2100 without unit or counted noun reads as
         * a year even when the scanner did not flag it ("wird 2024
         * zwischen 140 und 160 Filialen eröffnen") */
        if (!n->unit[0] && !counted && !qcount && !n->is_range &&
            !n->spelled && n->value >= 1900 && n->value <= 2100 &&
            n->value == (double)(long)n->value &&
            !numeral_grouped(x, n->num_start, n->num_end)) {
            year_emit(x, es, n);
            continue;
        }
        if (strcmp(n->unit, "year") == 0 && !n->is_range &&
            n->value >= 1000 && n->value <= 2100 &&
            n->value == (double)(long)n->value &&
            !numeral_grouped(x, n->num_start, n->num_end)) {
            year_emit(x, es, n);
            continue;
        }
        /* a spelled "one" is an article in most translations */
        if (n->spelled && n->value == 1 && !n->unit[0])
            continue;
        /* "1.5m people", "2.3m fans": an "m" glued to the number right
         * before a counted noun (a countable thing of the pack's
         * counted_nouns, not a length context) is million, as UK agency
         * style writes it; after a determiner ("a 1.5m tank") it stays
         * metres, as "a 1.5m wall" (wall no counted noun) does (session
         * 16, fresh-user 15 H15) */
        story_number mn;
        const char *mu = million_m_unit(x, n, s);
        if (mu || (counted && million_m(x, n, s, ci))) {
            mn = *n;
            mn.value *= 1e6;
            mn.value_hi *= 1e6;
            mn.si_value = mn.value;
            mn.si_value_hi = mn.value_hi;
            mn.unit[0] = '\0';
            mn.dimension[0] = '\0';
            if (mu) {
                /* "1.5m hectares": the unit word is the unit now, its
                 * span part of the quantity's */
                snprintf(mn.unit, sizeof mn.unit, "%s", mu);
                size_t ut = token_at_or_after(x, s, n->end);
                mn.end = x->a->tokens[ut].end;
            }
            n = &mn;
        }
        /* "1,800 casas" in es (decimal comma), "1.800 homes" in en: a
         * number read as a decimal of exactly three places right before a
         * counted noun counts whole things, so the separator groups
         * (es-MX and es-US write 1,800; session 16, fresh-user 15 M6
         * rest: it was 1.8) */
        if (counted && ci == token_at_or_after(x, s, n->end) &&
            decimal_of_three(x, n)) {
            mn = *n;
            mn.value = mn.value_hi = mn.si_value = mn.si_value_hi =
                round(n->value * 1000);
            n = &mn;
        }
        /* "a 54-year-old man": the counted "year" hyphened to a pack
         * "age_adjectives" word ("old") is an age, as "54 years old"
         * (unit year_of_age), not a count of years (session 20,
         * fresh-user 19 H6: de "seit 30 Jahren" paired with en
         * "54-year-old" as 30 -> 54 years) */
        if (counted && strcmp(counted, "year") == 0 && !n->unit[0] &&
            ci + 1 < e && story__fx_adjacent(x, ci, 1) &&
            !story__fx_adjacent(x, ci, 0) && x->a->tokens[ci + 1].key &&
            story_langpack_has(x->lp, "age_adjectives",
                               x->a->tokens[ci + 1].key)) {
            if (n != &mn) {
                mn = *n;
                n = &mn;
            }
            snprintf(mn.unit, sizeof mn.unit, "%s", "year_of_age");
        }
        /* a unit from the number itself ($, %, km) wins over a noun */
        if (n->unit[0])
            counted = NULL;
        const char *thing = key_unit(n->unit);
        size_t nt = token_containing(x, s, n->num_start);
        /* a model, index or version number counts nothing ("40 Boeing
         * 737 MAX 9 jets" counts 40 jets, not 737 or 9): value "name":
         * true, no counted noun; the key stays value and unit, as the
         * translations that do not see the name (a headline, zh/ja)
         * write it */
        int in_name = name_number(x, n, s, nt, counted);
        if (in_name)
            counted = NULL;
        /* the phrase's first token: "killed at least 12 people and
         * injured 30" counts 12 KILL; the qualifier hid "killed" from the
         * number, and the event after it took the count (session 20,
         * fresh-user 20 H6: updated death tolls read as injured) */
        size_t lt = n->start < n->num_start ? token_containing(x, s, n->start)
                                            : nt;
        if (lt > nt || lt >= x->a->n_tokens ||
            x->a->tokens[lt].start < n->start)
            lt = nt;
        const char *ev = sentence_event(x, es, s, nt, lt, NULL);
        char v1[48], v2[48], val[100];
        story__fx_fmt_num(v1, sizeof v1, n->value);
        if (n->is_range && n->value_hi != n->value) {
            story__fx_fmt_num(v2, sizeof v2, n->value_hi);
            snprintf(val, sizeof val, "%s-%s", v1, v2);
        } else {
            snprintf(val, sizeof val, "%s", v1);
        }
        story_fact f;
        memset(&f, 0, sizeof f);
        f.type = STORY_FACT_QUANTITY;
        f.sentence = s;
        f.start = n->start;
        f.end = counted && ci < e && x->a->tokens[ci].end > n->end
                    ? x->a->tokens[ci].end
                    : n->end;
        f.entity = -1;
        f.key = story__fx_printf(x, "quantity|%s|%s", thing, val);
        f.slot = story__fx_printf(x, "quantity|%s", thing);
        f.number = n->value;
        f.number_hi = n->is_range ? n->value_hi : n->value;
        f.unit = story__fx_strdup(x, n->unit);
        f.counted = story__fx_strdup(x, counted ? counted : "");
        f.event = story__fx_strdup(x, ev ? ev : "");
        f.qualifier = story__fx_strdup(x, n->qualifier);
        f.negated = nt < e && story__fx_negated(x, s, nt);
        f.hedged = nt < e && story__fx_hedged(x, s, nt);
        json_t *o = json_object();
        json_object_set_new(o, "number", story__fx_jnum(n->value));
        json_object_set_new(o, "number_hi",
                            n->is_range ? story__fx_jnum(n->value_hi)
                                        : json_null());
        json_object_set_new(o, "counted",
                            counted ? json_string(counted) : json_null());
        json_object_set_new(o, "unit",
                            n->unit[0] ? json_string(n->unit) : json_null());
        json_object_set_new(o, "event", ev ? json_string(ev) : json_null());
        json_object_set_new(o, "qualifier", n->qualifier[0]
                                                ? json_string(n->qualifier)
                                                : json_null());
        json_object_set_new(o, "percent", json_boolean(n->is_percent));
        if (in_name)
            json_object_set_new(o, "name", json_true());
        f.value_json = story__fx_json(x, o);
        story__fx_push(x, &f);
    }
    return x->rc;
}

int story__fx_dates_quantities(fx *x)
{
    story_vec dates, nums;
    story_vec_init(&dates, sizeof(story_date));
    story_vec_init(&nums, sizeof(story_number));
    fx_evstems es;
    int rc = story__fx_evstems_init(x, &es);
    const story_article *a = x->a;
    size_t first = x->facts.len;
    int orders = 0; /* bit 1: a slash date day first, bit 2: month first */
    /* one scan per paragraph (a date or range never spans paragraphs);
     * each mention goes to the sentence holding its start */
    for (size_t p = 0; p < a->n_paragraphs && !rc && a->n_sentences; p++) {
        dates.len = 0;
        nums.len = 0;
        rc = story__dates_scan(x->ctx, x->lang, a->text,
                               a->paragraphs[p].start, a->paragraphs[p].end,
                               a->published, &dates, x->err);
        for (size_t d = 0; !rc && d < dates.len; d++)
            orders |= ((story_date *)dates.data)[d].slash_order;
        if (!rc)
            rc = story__numbers_scan(x->ctx, x->lang, a->text,
                                     a->paragraphs[p].start,
                                     a->paragraphs[p].end, &nums, x->err);
        if (!rc)
            rc = dates_emit(x, &es, &dates);
        if (!rc)
            rc = quantities_emit(x, &es, &nums, &dates);
    }
    if (!rc)
        resolve_slash_dates(x, first, orders);
    story_vec_free(&dates);
    story_vec_free(&nums);
    story__fx_evstems_free(&es);
    return rc ? rc : x->rc;
}
