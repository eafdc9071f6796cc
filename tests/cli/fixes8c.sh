#!/usr/bin/env bash
# Session 8 FIXES-C (fresh-user findings H3, M5, L5, L1 on numbers):
# Polish/Russian/Ukrainian numerals in their case forms (dwunastu,
# pięciu, dwudziestu trzech, две, дві) are read, a compound of two case
# forms is one number; es/fr/it clock times written with words ("a las 4
# de la madrugada") are no quantities; a faithful translation then gives
# no difference while a real change is still reported.
. "$(dirname "$0")/../support/cli.sh"

# H3: Polish personal and oblique numerals
w en.txt "Twelve workers were injured in the blast at the Korvik plant." \
  "Five firefighters were taken to hospital." \
  "Twenty-three passengers were rescued from the ferry."
w pl.txt "Dwunastu pracowników zostało rannych w wybuchu w zakładzie Korvik." \
  "Pięciu strażaków trafiło do szpitala." \
  "Dwudziestu trzech pasażerów uratowano z promu."
w pl2.txt "Dwunastu pracowników zostało rannych w wybuchu w zakładzie Korvik." \
  "Sześciu strażaków trafiło do szpitala." \
  "Dwudziestu trzech pasażerów uratowano z promu."
run facts --lang=pl "$tmp/pl.txt"
if grep -q 'quantity||12' "$tmp/out" && grep -q 'quantity||5' "$tmp/out" &&
   grep -q 'quantity||23.*"Dwudziestu trzech' "$tmp/out" &&
   ! grep -q 'quantity||3	' "$tmp/out"; then
  ok "pl dwunastu = 12, pięciu = 5, dwudziestu trzech = 23 (one number)"
else fail "pl case forms"; fi
none="0 changed, 0 contradicted, 0 added, 0 omitted"
run compare --format=text --lang-b=pl "$tmp/en.txt" "$tmp/pl.txt"
if [ "$st" -eq 0 ] && grep -q "$none" "$tmp/out"; then
  ok "faithful pl translation with case-form numerals: exit 0"
else fail "faithful pl translation (status $st)"; fi
cmp_text "pl pięciu -> sześciu is a changed quantity" 1 '5 → 6' \
  "$tmp/pl.txt" "$tmp/pl2.txt"
w ru.txt "Две женщины погибли, двадцатью спасателями руководил мэр."
run facts --lang=ru "$tmp/ru.txt"
if grep -q 'quantity||2' "$tmp/out" && grep -q 'quantity||20' "$tmp/out"; then
  ok "ru две = 2, двадцатью = 20"
else fail "ru case forms"; fi
w uk.txt "Дві жінки загинули в аварії."
run facts --lang=uk "$tmp/uk.txt"
if grep -q 'quantity||2' "$tmp/out"; then ok "uk дві = 2"
else fail "uk дві"; fi

# M5: clock times written with words
w es.txt "El fuego comenzó hacia las 4 de la madrugada en el almacén." \
  "Los bomberos llegaron a las 11, y a las cinco de la tarde el fuego estaba apagado." \
  "Las 4 víctimas trabajaban en el turno de noche."
run facts --lang=es "$tmp/es.txt"
n=$(grep -c 'quantity|' "$tmp/out")
if [ "$n" -eq 1 ] && grep -q 'quantity||4.*víctimas' "$tmp/out"; then
  ok "es clock times (las 4 de la madrugada, a las 11, las cinco de la tarde) are no quantities; las 4 víctimas is"
else fail "es clock times ($n quantities)"; fi
w fr.txt "Le feu a commencé vers 4 heures du matin dans un entrepôt."
w it.txt "L'incendio è iniziato verso le 4 del mattino in un magazzino."
for l in fr it; do
  run facts --lang=$l "$tmp/$l.txt"
  if ! grep -q 'quantity|' "$tmp/out"; then ok "$l clock time is no quantity"
  else fail "$l clock time"; fi
done
w en4.txt "The fire started at around 4 a.m. in a warehouse owned by Trennick Logistics."
w es4.txt "El fuego comenzó hacia las 4 de la madrugada en una nave de Trennick Logistics."
run compare --format=text --lang-b=es "$tmp/en4.txt" "$tmp/es4.txt"
if [ "$st" -eq 0 ] && grep -q "$none" "$tmp/out"; then
  ok "en 4 a.m. vs es las 4 de la madrugada: no difference"
else fail "en/es clock (status $st)"; fi
# L5: a numeral of 400 digits is one invalid numeral, never cut into
# several 62-digit quantities
printf 'The debt reached %s dollars, officials said on Monday.\n' \
  "$(printf '9%.0s' $(seq 400))" >"$tmp/huge.txt"
run facts --lang=en "$tmp/huge.txt"
n=$(grep -c 'quantity|' "$tmp/out")
if [ "$st" -eq 0 ] && [ "$n" -eq 0 ]; then
  ok "400-digit numeral: no quantity (not six 1e+62)"
else fail "400-digit numeral ($n quantities)"; fi
w big.txt "The company was valued at 12,500,000,000 dollars on Friday."
run facts --lang=en "$tmp/big.txt"
if grep -q 'quantity|USD|12500000000' "$tmp/out"; then ok "long but valid numeral still read"
else fail "12,500,000,000 dollars"; fi
# L1: a tight descending pair of small integers is a score, one quantity
# kept in its order, not a lone "1"
w sc.txt "Carrow City beat Holmby 3-1 on Saturday."
run facts --lang=en "$tmp/sc.txt"
if grep -q 'quantity||3-1' "$tmp/out" && [ "$(grep -c 'quantity|' "$tmp/out")" -eq 1 ]; then
  ok "score 3-1 is one quantity 3-1"
else fail "score 3-1"; fi
w sc2.txt "Carrow City beat Holmby 1-3 on Saturday."
run compare --format=text "$tmp/sc.txt" "$tmp/sc2.txt"
if [ "$st" -eq 1 ]; then ok "score 3-1 -> 1-3 is reported (exit 1)"
else fail "score swap (status $st)"; fi
# M5: a plain 4-digit number before "in <month>" is a count, not a year
w yr.en.txt "Waiting lists grew to 1,910 in November; there were 1,730 in April, the health board said."
w yr.is.txt "Biðlistar lengdust í 1910 í nóvember, úr 1730 í apríl, sagði heilbrigðisstofnunin."
run facts --lang=is "$tmp/yr.is.txt"
if grep -q 'quantity||1730' "$tmp/out" && ! grep -q 'date|1730' "$tmp/out"; then
  ok "is 1730 í apríl is a count"
else fail "is 1730 í apríl"; fi
w yr2.txt "The bridge was built in 1730 and rebuilt in April 1850."
run facts --lang=en "$tmp/yr2.txt"
if grep -q 'date|1730' "$tmp/out" && grep -q 'date|1850' "$tmp/out"; then
  ok "years 1730 and April 1850 stay years"
else fail "years"; fi
# H2 (session 8b): "N and a half <scale>" is (N + 0.5) x scale
w hf.txt "The council will spend one and a half million pounds, and two and a half thousand homes will be rebuilt."
run facts --lang=en "$tmp/hf.txt"
if grep -q 'quantity|GBP|1500000' "$tmp/out" && grep -q 'quantity||2500' "$tmp/out" &&
   ! grep -q 'quantity||500' "$tmp/out"; then
  ok "one and a half million = 1500000, two and a half thousand = 2500"
else fail "and a half"; fi
w hf2.txt "The council will spend 1.5 million pounds, and 2,500 homes will be rebuilt."
run compare --format=text "$tmp/hf2.txt" "$tmp/hf.txt"
if [ "$st" -eq 0 ]; then ok "1.5 million = one and a half million (exit 0)"
else fail "1.5 million vs one and a half million (status $st)"; fi
# M4 (session 8b): a slash fraction is one value; 24/7 and 9/11 count nothing
w sl.txt "The clinic is open 24/7 and about 2/3 of the nurses joined the 9/11 memorial walk."
run facts --lang=en "$tmp/sl.txt"
if grep -q 'quantity||0.666' "$tmp/out" && [ "$(grep -c 'quantity|' "$tmp/out")" -eq 1 ]; then
  ok "2/3 is one fraction; 24/7 and 9/11 are no counts"
else fail "slash fractions"; fi
# M1 (session 8b): es/fr/it clock times are no quantities; "de la mañana"
# after an hour is the morning, not tomorrow
w ck.en.txt "The ferry left at 4 p.m. on Friday with 30 cars and returned at 9 a.m. on Sunday."
w ck.es.txt "El ferri salió a las 4 el viernes con 30 coches y volvió a las 9 de la mañana del domingo."
w ck.fr.txt "Le ferry est parti à 16 heures vendredi avec 30 voitures et est revenu à 9 heures dimanche."
w ck.it.txt "Il traghetto è partito alle 16 di venerdì con 30 auto ed è tornato alle 9 di domenica."
for l in es fr it; do
  run facts --lang=$l "$tmp/ck.$l.txt"
  if [ "$(grep -c 'quantity|' "$tmp/out")" -eq 1 ] && grep -q 'quantity||30' "$tmp/out" &&
     ! grep -q 'tomorrow' "$tmp/out"; then
    ok "$l clock times are no quantities"
  else fail "$l clock times"; fi
  run compare --format=text "$tmp/ck.en.txt" "$tmp/ck.$l.txt"
  if [ "$st" -eq 0 ]; then ok "en vs $l clock times: exit 0"
  else fail "en vs $l clock times (status $st)"; fi
done
finish
