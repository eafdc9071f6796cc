#!/usr/bin/env bash
# Session 18 (helper "speakers"): who said it, fresh-user 17 H1, H2 (side
# bug), H3 and M1, rebuilt from sentences written here.
#  H1  a surname opening a reporting clause ("Massie said …", "Масси
#      заявил, что …") names the speaker: never the previous sentence's
#      person; a speaker changed in one language is reported.
#  M1  the addressee of "told" / "сказав X Newsweek" / "向新闻周刊表示" is
#      no speaker.
#  H3  a hedge cue ("reportedly") dropped from a near copy is reported
#      whether or not a fact carries it; across languages at least [?].
#  H2  ", the regional minister Anna Keller said on Tuesday." keeps the
#      claim before the comma in the quote.
. "$(dirname "$0")/../support/cli.sh"

# facts FILE LANG: the facts of FILE as text in $tmp/out
facts() { run facts --lang="$2" "$tmp/$1"; }
has() { # NAME REGEX: a line of $tmp/out
  if grep -Eq "$2" "$tmp/out"; then ok "$1"; else fail "$1"; fi
}
hasnt() {
  if grep -Eq "$2" "$tmp/out"; then fail "$1"; else ok "$1"; fi
}

# --- H1: the speaker named in the reporting clause ------------------------
w h1.en.txt "Mike Lawler spoke about the budget in New York." \
  "Massie said it is worth waiting for a better deal."
facts h1.en.txt en
has "H1 en: 'Massie said' is a quote of Massie" $'^f[0-9]+\tquote\ts1\t.*quote\\|ms\t'
w h1.fr.txt "Mike Lawler a parlé du budget à New York." \
  "Massie a déclaré que le vote devait attendre un meilleur accord."
facts h1.fr.txt fr
has "H1 fr: 'Massie a déclaré' is a quote of Massie" $'\tquote\\|ms\t'
w h1.ru.txt "Майк Лоулер говорил о бюджете в Нью-Йорке." \
  "Масси заявил, что стоит подождать лучшей сделки."
facts h1.ru.txt ru
hasnt "H1 ru: Massie's words are not Lawler's" $'\tquote\\|r\t'
w h1.es.txt "Mike Lawler habló del presupuesto en Nueva York." \
  "Massie dijo que vale la pena esperar un mejor acuerdo."
facts h1.es.txt es
hasnt "H1 es: Massie's words are not Lawler's" $'\tquote\\|r\t'
# the surname of a person named later in the text
w h1b.ru.txt "Майк Лоулер говорил о бюджете в Нью-Йорке." \
  "Масси заявил, что стоит подождать лучшей сделки." \
  "Томас Масси представляет Кентукки с 2012 года."
facts h1b.ru.txt ru
has "H1 ru: the surname of a person named later speaks" $'^f[0-9]+\tquote\ts1\t.*quote\\|ms\t'
# the speaker changed in one language: A Lawler, B Massie (named later)
w h1c.ru.txt "Майк Лоулер говорил о бюджете в Нью-Йорке." \
  "Лоулер заявил, что стоит подождать лучшей сделки." \
  "Томас Масси представляет Кентукки с 2012 года."
cmp_text "H1 ru: a changed speaker is reported (exit 1)" 1 \
  '^\[~\] changed quote .*Лоулер SAY → .*Масси SAY' "$tmp/h1c.ru.txt" "$tmp/h1b.ru.txt"
# an adverb opening a pro-drop clause still speaks for the person before
w h1d.ru.txt "Майк Лоулер говорил о бюджете в Нью-Йорке." \
  "Позже заявил, что стоит подождать лучшей сделки."
facts h1d.ru.txt ru
has "H1 ru: 'Позже заявил' is still Lawler's" $'\tquote\\|r\t'

# --- M1: the addressee is no speaker ---------------------------------------
w m1.uk.txt "«Ми будемо довго чекати на угоду щодо бюджету», – сказав Массі Newsweek."
facts m1.uk.txt uk
has "M1 uk: 'сказав Массі Newsweek' is Massie's quote" $'\tquote\\|ms\t'
hasnt "M1 uk: not Newsweek's" $'\tquote\\|nsvk\t'
w m1.en.txt "\"We will wait a long time for a budget deal,\" he told Newsweek."
facts m1.en.txt en
hasnt "M1 en: 'he told Newsweek' is not Newsweek's quote" $'\tquote\\|nsvk\t'
w m1.zh.txt "“我们将长期等待预算协议，”马西对《新闻周刊》表示：“所以我们会等。”"
facts m1.zh.txt zh
hasnt "M1 zh: '对《新闻周刊》表示' is not Newsweek's quote" $'\tquote\\|nsvk\t'
w m1.de.txt "„Die Brücke bleibt bis zum Frühjahr gesperrt“, sagte die New Yorker Senatorin der Demokraten Anna Keller dem Sender."
facts m1.de.txt de
has "M1 de: the holder after 'Senatorin der Demokraten' speaks" $'\tquote\\|kr\t'

# --- H2 side bug: the claim before ", the minister X said" ----------------
w h2.en.txt "The old bridge is safe for heavy trucks, the regional minister Anna Keller said on Tuesday."
facts h2.en.txt en
has "H2 en: the quote spans the claim" $'\tquote\ts0\t0-'
w h2.es.txt "El puente viejo es seguro para camiones pesados, dijo la ministra regional Anna Keller el martes."
facts h2.es.txt es
has "H2 es: 'dijo la ministra regional Anna Keller' is Keller's" $'\tquote\\|kr\t'

# --- H3: a hedge cue no fact carries ---------------------------------------
w h3.en.txt "Storm hits the coast" \
  "A strong storm reached the coast of Maine on Saturday night, with winds of more than 100 kilometres per hour." \
  "The old bridge near Kingsport reportedly collapsed early on Sunday. Rescue teams searched the river for hours." \
  "The governor, Janet Mills, visited the town on Monday and promised help for the families."
sed 's/ reportedly collapsed/ collapsed/' "$tmp/h3.en.txt" >"$tmp/h3b.en.txt"
cmp_text "H3 en: 'reportedly' dropped is a certain change (exit 1)" 1 \
  '^\[~\] changed .*\(hedged\) → ' "$tmp/h3.en.txt" "$tmp/h3b.en.txt"
cmp_text "H3 en: the unedited copy is identical (exit 0)" 0 \
  'summary: .* 0 changed' "$tmp/h3.en.txt" "$tmp/h3.en.txt"
for v in "sank" "caught fire" "was hacked"; do
  sed "s/reportedly collapsed/reportedly $v/" "$tmp/h3.en.txt" >"$tmp/h3v.en.txt"
  sed "s/reportedly collapsed/$v/" "$tmp/h3.en.txt" >"$tmp/h3w.en.txt"
  cmp_text "H3 en: 'reportedly $v' dropped is reported" 1 \
    '^\[~\] changed .*\(hedged\) → ' "$tmp/h3v.en.txt" "$tmp/h3w.en.txt"
done
w h3.es.txt "Una tormenta azota la costa" \
  "Una fuerte tormenta llegó a la costa de Maine el sábado por la noche, con vientos de más de 100 kilómetros por hora." \
  "El viejo puente cerca de Kingsport supuestamente se derrumbó temprano el domingo. Los equipos de rescate buscaron en el río durante horas." \
  "La gobernadora, Janet Mills, visitó la ciudad el lunes y prometió ayuda para las familias."
sed 's/ supuestamente se derrumbó/ se derrumbó/' "$tmp/h3.es.txt" >"$tmp/h3b.es.txt"
cmp_text "H3 es: 'supuestamente' dropped is a certain change" 1 \
  '^\[~\] changed .*\(hedged\) → ' "$tmp/h3.es.txt" "$tmp/h3b.es.txt"
cmp_text "H3 en/es: the hedge dropped in the translation is at least [?]" 0 \
  '^\[\?\] unverified changed .*\(hedged\) → ' "$tmp/h3.en.txt" "$tmp/h3b.es.txt"
run compare --format=text "$tmp/h3.en.txt" "$tmp/h3.es.txt"
hasnt "H3 en/es: the faithful translation has no hedge entry" '\(hedged\)'

finish
