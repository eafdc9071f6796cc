#!/usr/bin/env bash
# Session 19 (helper "noise", fresh-user 18 M2, L3, L4): fewer [?] lines
# on a faithful translation, the real changes still shown. All inputs are
# written here (our own sentences).
#  - a name transliterated into Cyrillic (Kowalczyk / Ковальчик: entity
#    keys two skeleton edits apart) is one entity, and its quote one quote
#    (pass_translit_names); a name replaced by another stays listed;
#  - an event only one lexicon reads in a 1-1 sentence pair (en "will
#    open" is no event, uk "відкриє" is OPEN) is no [?] line
#    (fold_lexicon_events); a dropped sentence is still a certain line;
#  - a changed amount told twice with the same two values is one line
#    (fold_repeated_changes, fresh-user 18 L14);
#  - pl "Rząd zaprzeczył" / uk "Уряд заперечив" (the government denied)
#    is the government's denial, not the previous sentence's speaker's
#    (attribution_sources: rząd, уряд).
. "$(dirname "$0")/../support/cli.sh"

w en.txt "The city of Lublin will open a new tram line on Monday." \
  "Engineer Olena Kowalczyk said the line had cost 90 million zloty." \
  "Mayor Piotr Zielinski said the line was ready. The government denied that the project was late."
w uk.txt "Місто Люблін відкриє нову трамвайну лінію в понеділок." \
  "Інженерка Олена Ковальчик сказала, що лінія коштувала 90 мільйонів злотих." \
  "Мер Пьотр Зелінський сказав, що лінія готова. Уряд заперечив, що проєкт запізнюється."
w pl.txt "Miasto Lublin otworzy w poniedziałek nową linię tramwajową." \
  "Inżynier Olena Kowalczyk powiedziała, że linia kosztowała 90 milionów złotych." \
  "Prezydent miasta Piotr Zieliński powiedział, że linia jest gotowa. Rząd zaprzeczył, że projekt jest opóźniony."

run compare --format=text --lang-a en --lang-b uk "$tmp/en.txt" "$tmp/uk.txt"
if [ "$st" -eq 0 ] && grep -q '^relation: translation' "$tmp/out" &&
  ! grep -q 'Kowalczyk\|Ковальчик' "$tmp/out"; then
  ok "translit: Kowalczyk / Ковальчик and her quote are paired"
else fail "translit: Kowalczyk / Ковальчик and her quote are paired"; fi
if ! grep -q 'event' "$tmp/out"; then
  ok "lexicon: an event only the uk lexicon reads is no [?] line"
else fail "lexicon: an event only the uk lexicon reads is no [?] line"; fi
if ! grep -q 'Зелінський DENY\|Зелінський.*заперечив' "$tmp/out"; then
  ok "speaker: uk 'Уряд заперечив' is not the mayor's denial"
else fail "speaker: uk 'Уряд заперечив' is not the mayor's denial"; fi

run compare --format=text --lang-a en --lang-b pl "$tmp/en.txt" "$tmp/pl.txt"
if [ "$st" -eq 0 ] && ! grep -q '^\[' "$tmp/out"; then
  ok "pl: a faithful translation gives no difference line"
else fail "pl: a faithful translation gives no difference line"; fi
run facts --lang pl "$tmp/pl.txt"
if grep -q 'quote|OFFICIAL.*Rząd zaprzeczył' "$tmp/out" &&
  ! grep -q 'quote|srnsk.*zaprzeczył' "$tmp/out"; then
  ok "speaker: pl 'Rząd zaprzeczył' is the government's (OFFICIAL)"
else fail "speaker: pl 'Rząd zaprzeczył' is the government's (OFFICIAL)"; fi

# the engineer replaced by another person: still two lines
sed -e 's/Олена Ковальчик/Олена Шевчук/' "$tmp/uk.txt" >"$tmp/uk1.txt"
run compare --format=text --lang-a en --lang-b uk "$tmp/en.txt" "$tmp/uk1.txt"
if grep -q 'omitted entity.*Kowalczyk' "$tmp/out" &&
  grep -q 'added entity.*Шевчук' "$tmp/out"; then
  ok "translit: another name is still omitted and added"
else fail "translit: another name is still omitted and added"; fi

# L14: "585 million" (no currency) told twice, both read as euros in uk
w en5.txt "The fund paid 585 million to the builder in March." \
  "The 585 million came from a bank loan, the fund said."
w uk5.txt "Фонд заплатив будівельнику 585 мільйонів євро в березні." \
  "Ці 585 мільйонів євро надійшли з банківського кредиту, повідомив фонд."
run compare --format=text --lang-a en --lang-b uk "$tmp/en5.txt" "$tmp/uk5.txt"
if [ "$(grep -c '^\[~\] changed quantity.*585000000 EUR' "$tmp/out")" -eq 1 ]; then
  ok "L14: the same changed amount told twice is one line"
else fail "L14: the same changed amount told twice is one line"; fi
finish
