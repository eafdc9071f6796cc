#!/usr/bin/env bash
# Session 15 fixes of the fresh-user report of session 14 (helper "fix"),
# end to end. All inputs are written here.
#  H1  a translation that negates the main claim ("The commission
#      authorized 12 new ferry routes" -> "did not authorize") is a certain
#      contradiction in every language: "authorize" is an AGREE event in
#      each pack, and
#      across languages the negation word right at the negated event is
#      the evidence when no actor is named.
#  H3  a speaker replaced in a Cyrillic translation ("Clara Voss" -> uk
#      "Ірина Бойко") is a certain change: Latin and Cyrillic names are
#      compared (every word clearly another).
#  L   --format given twice with two values is a usage error; "1e308" is
#      no quantity 1; ru "менее чем" is a qualifier; es "manifestó" reports.
. "$(dirname "$0")/../support/cli.sh"

# --- H1: the negated main claim across languages --------------------------
w en.txt "The city council met in the old town hall on Tuesday evening." \
  "The commission authorized 12 new ferry routes on Thursday." \
  "The mayor left the hall early after a short speech."
w ru.txt "Городской совет собрался в старой ратуше во вторник вечером." \
  "Комиссия не авторизовала 12 новых паромных маршрутов в четверг." \
  "Мэр рано покинул зал после короткой речи."
w uk.txt "Міська рада зібралася в старій ратуші у вівторок увечері." \
  "Комісія не авторизувала 12 нових поромних маршрутів у четвер." \
  "Мер рано залишив зал після короткої промови."
w es.txt "El concejo municipal se reunió en el viejo ayuntamiento el martes por la tarde." \
  "La comisión no autorizó 12 nuevas rutas de ferry el jueves." \
  "El alcalde dejó la sala temprano tras un breve discurso."
w fr.txt "Le conseil municipal s'est réuni dans l'ancien hôtel de ville mardi soir." \
  "La commission n'a pas autorisé 12 nouvelles lignes de ferry jeudi." \
  "Le maire a quitté la salle tôt après un court discours."
w pl.txt "Rada miejska zebrała się w starym ratuszu we wtorek wieczorem." \
  "Komisja nie autoryzowała 12 nowych tras promowych w czwartek." \
  "Burmistrz wcześnie opuścił salę po krótkim przemówieniu."
w de.txt "Der Stadtrat traf sich am Dienstagabend im alten Rathaus." \
  "Die Kommission genehmigte am Donnerstag 12 neue Fährlinien nicht." \
  "Der Bürgermeister verließ den Saal nach einer kurzen Rede früh."
w it.txt "Il consiglio comunale si è riunito nel vecchio municipio martedì sera." \
  "La commissione non ha autorizzato 12 nuove linee di traghetto giovedì." \
  "Il sindaco ha lasciato la sala presto dopo un breve discorso."
w cs.txt "Městská rada se sešla ve staré radnici v úterý večer." \
  "Komise neautorizovala 12 nových trajektových linek ve čtvrtek." \
  "Starosta opustil sál brzy po krátkém projevu."
for l in ru uk es fr pl de it cs; do
  cmp_text "H1: en/$l negated authorize is a certain contradiction (exit 1)" 1 \
    '^\[!\] contradicted event .*AGREE → negated' "$tmp/en.txt" "$tmp/$l.txt"
  # the same translation without the negation: no contradiction, exit 0
  sed -e 's/ не авториз/ авториз/; s/ no autorizó/ autorizó/; s/n.a pas autorisé/a autorisé/' \
    -e 's/ nie autoryz/ autoryz/; s/ Fährlinien nicht\./ Fährlinien./; s/ non ha autorizzato/ ha autorizzato/' \
    -e 's/neautorizovala/autorizovala/' "$tmp/$l.txt" >"$tmp/pos-$l.txt"
  cmp_text "H1: en/$l affirmed authorize is no contradiction (exit 0)" 0 \
    'summary: .* 0 contradicted' "$tmp/en.txt" "$tmp/pos-$l.txt"
done
# the other direction: the English side negated
w en-neg.txt "The city council met in the old town hall on Tuesday evening." \
  "The commission did not authorize 12 new ferry routes on Thursday." \
  "The mayor left the hall early after a short speech."
cmp_text "H1: en negated / es affirmed reads affirmed (exit 1)" 1 \
  '^\[!\] contradicted event .*AGREE \(negated\) → affirmed' \
  "$tmp/en-neg.txt" "$tmp/pos-es.txt"
# a negation three tokens before the event ("так и не смогла в четверг
# авторизовать", failed to authorize) governs it too
w far.ru.txt "Городской совет собрался в старой ратуше во вторник вечером." \
  "Комиссия так и не смогла в четверг авторизовать 12 новых паромных маршрутов." \
  "Мэр рано покинул зал после короткой речи."
cmp_text "H1: failed to authorize (3 tokens apart) is a certain contradiction" 1 \
  '^\[!\] contradicted event .*AGREE → negated' "$tmp/en.txt" "$tmp/far.ru.txt"

# --- H3: a speaker replaced in a Cyrillic translation ----------------------
w sp.en.txt "Budget plan" \
  "The finance minister, Clara Voss, said on Monday that the new budget would cut taxes for families." \
  "\"We will not raise fuel prices this year,\" Voss told reporters."
w sp.uk.txt "План бюджету" \
  "Міністерка фінансів Ірина Бойко заявила в понеділок, що новий бюджет знизить податки для сімей." \
  "«Ми не підвищуватимемо ціни на пальне цього року», – сказала Бойко журналістам."
w sp.ru.txt "План бюджета" \
  "Министр финансов Ирина Бойко заявила в понедельник, что новый бюджет снизит налоги для семей." \
  "«Мы не будем повышать цены на топливо в этом году», — сказала Бойко журналистам."
w same.uk.txt "План бюджету" \
  "Міністерка фінансів Клара Фосс заявила в понеділок, що новий бюджет знизить податки для сімей." \
  "«Ми не підвищуватимемо ціни на пальне цього року», – сказала Фосс журналістам."
for l in uk ru; do
  cmp_text "H3: en/$l replaced speaker is a certain changed entity (exit 1)" 1 \
    '^\[~\] changed entity .*Clara Voss → [ИІ]рина Бойко' "$tmp/sp.en.txt" "$tmp/sp.$l.txt"
  cmp_text "H3: en/$l the speaker's quote changes with the name" 1 \
    '^\[~\] changed quote .*Clara Voss SAY \(claim negated\) → [ИІ]рина Бойко SAY' \
    "$tmp/sp.en.txt" "$tmp/sp.$l.txt"
done
cmp_text "H3: a transliterated speaker (Клара Фосс) is the same (exit 0)" 0 \
  'summary: .* 0 changed' "$tmp/sp.en.txt" "$tmp/same.uk.txt"

# --- L: a value option given twice ------------------------------------------
run compare --format=json --format=text "$tmp/sp.en.txt" "$tmp/same.uk.txt"
if [ "$st" -eq 2 ] && grep -q -- "--format given twice ('json' and 'text')" "$tmp/err" &&
  [ ! -s "$tmp/out" ]; then ok "L: --format twice with two values is a usage error"
else fail "L: --format twice with two values is a usage error"; fi
run compare --format=text --format=text "$tmp/sp.en.txt" "$tmp/same.uk.txt"
if [ "$st" -eq 0 ]; then ok "L: the same value twice is accepted"
else fail "L: the same value twice is accepted"; fi

# --- L: scientific notation is no count -------------------------------------
w sci.txt "The lab said 1e308 people and 2.5E-3 tonnes were listed, and 4 people left."
run facts --lang=en "$tmp/sci.txt"
if ! grep -Eq 'quantity\|[^|]*\|(1|2\.5)	' "$tmp/out" &&
  grep -Eq 'quantity\|\|4	' "$tmp/out"; then ok "L: 1e308 and 2.5E-3 are no quantities, 4 is"
else fail "L: 1e308 and 2.5E-3 are no quantities, 4 is"; fi

# --- L: ru "менее чем" ------------------------------------------------------
w q.ru.txt "Цена упала до менее чем 45 000 долларов за месяц."
run facts --format=json --lang=ru "$tmp/q.ru.txt"
if grep -q '"qualifier": *"less_than"' "$tmp/out"; then ok "L: ru менее чем is less_than"
else fail "L: ru менее чем is less_than"; fi

# --- L: es "manifestó" ------------------------------------------------------
w q.es.txt "La ministra Ana Ruiz manifestó que la nueva ley bajará los impuestos."
run facts --lang=es "$tmp/q.es.txt"
if grep -Eq 'quote\|rs	' "$tmp/out"; then ok "L: es manifestó reports a quote of Ana Ruiz"
else fail "L: es manifestó reports a quote of Ana Ruiz"; fi

finish
