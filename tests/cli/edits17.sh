#!/usr/bin/env bash
# Session 17 (helper "edits", fresh-user 16 H2): a name replaced in a
# translation by another name in another script ("Seville" -> uk
# "Мадриді", ru "Мадриде") is one certain changed entity, not an omitted
# and an added one in the unverified list; the faithful translations keep
# no difference. All inputs are written here (our own sentences).
. "$(dirname "$0")/../support/cli.sh"

w en.txt "The sculptor Marta Velasco opened a new exhibition in Lisbon on Friday." \
  "Velasco was born in Seville in 1971 and moved to Lisbon in 1995." \
  "The show runs until 14 March and includes 40 works."
w uk.txt "Скульпторка Марта Веласко в п'ятницю відкрила нову виставку в Лісабоні." \
  "Веласко народилася в Севільї 1971 року і переїхала до Лісабона 1995 року." \
  "Виставка триватиме до 14 березня і містить 40 робіт."
w ru.txt "Скульптор Марта Веласко в пятницу открыла новую выставку в Лиссабоне." \
  "Веласко родилась в Севилье в 1971 году и переехала в Лиссабон в 1995 году." \
  "Выставка продлится до 14 марта и включает 40 работ."
sed -e 's/в Севільї/в Мадриді/' "$tmp/uk.txt" >"$tmp/uk1.txt"
sed -e 's/в Севилье/в Мадриде/' "$tmp/ru.txt" >"$tmp/ru1.txt"
cmp_text "H2: en/uk place replaced in Cyrillic is a changed entity" 1 \
  '^\[~\] changed entity .*Seville → Мадриді' "$tmp/en.txt" "$tmp/uk1.txt"
cmp_text "H2: en/ru place replaced in Cyrillic is a changed entity" 1 \
  '^\[~\] changed entity .*Seville → Мадриде' "$tmp/en.txt" "$tmp/ru1.txt"
for l in uk ru; do
  run compare --format=text "$tmp/en.txt" "$tmp/$l.txt"
  if [ "$st" -eq 0 ] && ! grep -q 'changed entity' "$tmp/out"; then
    ok "H2: en/$l faithful translation has no changed entity"
  else fail "H2: en/$l faithful translation has no changed entity"; fi
done
# the new name read as the first name of the old one (a transliteration
# the B extractor cut: one word of the two names alike) is no rename
sed -e 's/Веласко народилася/Марта народилася/' "$tmp/uk.txt" >"$tmp/uk2.txt"
run compare --format=text "$tmp/en.txt" "$tmp/uk2.txt"
if ! grep -q 'changed entity' "$tmp/out"; then
  ok "H2: a name word kept is no changed entity"
else fail "H2: a name word kept is no changed entity"; fi
finish
