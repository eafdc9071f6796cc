#!/usr/bin/env bash
# Session 11 TEXT (fresh-user findings of session 10): a month alone is a
# date fact ("in June" -> "in July" is a changed date, H5), "a decade" =
# "ten years" (M3), ru "в ноябре 1910 человек" is 1,910 people in November
# (M3), a sentence glued to the next one by a full stop without a space
# is split ("worden.Niemand", M4), Austrian "Jänner" is January (L5).
# Sentences written for this test.
. "$(dirname "$0")/../support/cli.sh"

# H5: month-only dates
w m.a.txt "The minister said the law would take effect in June."
w m.b.txt "The minister said the law would take effect in July."
w m.c.txt "The council expects a decision by June."
w m.d.txt "The council expects a decision by July."
cmp_text "in June -> in July: changed date" 1 'changed date.*--06 → --07' \
  "$tmp/m.a.txt" "$tmp/m.b.txt"
cmp_text "by June -> by July: changed date" 1 'changed date.*--06 → --07' \
  "$tmp/m.c.txt" "$tmp/m.d.txt"
cmp_text "in June -> in June: same" 0 '1 same|[0-9] same' \
  "$tmp/m.a.txt" "$tmp/m.a.txt"
w m.de.txt "Der Minister sagte, das Gesetz trete im Juni in Kraft."
run compare --format=text "$tmp/m.a.txt" "$tmp/m.de.txt"
if [ "$st" -eq 0 ] && ! grep -q 'date' "$tmp/out"; then
  ok "en in June = de im Juni (no date difference)"
else fail "en in June vs de im Juni (status $st)"; fi
w may.txt "Voters may change their minds, the minister said."
run facts --lang=en "$tmp/may.txt"
if ! grep -q 'date|' "$tmp/out"; then ok "the modal 'may' is no date"
else fail "modal may read as a date"; fi

# M3: "a decade" and "ten years"
w d.a.txt "After a decade of inaction, the council acted."
w d.b.txt "After ten years of inaction, the council acted."
cmp_text "a decade = ten years" 0 '0 added, 0 omitted' \
  "$tmp/d.a.txt" "$tmp/d.b.txt"

# M3: a count after a month is no year
w ru.txt "В ноябре 1910 человек ждали помощи в больницах."
run facts --lang=ru "$tmp/ru.txt"
if grep -q 'quantity||1910' "$tmp/out" && grep -q 'date|rel:--11' "$tmp/out" &&
   ! grep -q 'date|1910-11' "$tmp/out"; then
  ok "ru в ноябре 1910 человек: 1910 people in November"
else fail "ru в ноябре 1910 человек"; fi

# M4: a full stop without a space between two sentences
w g.txt "Das Haus war evakuiert worden.Niemand wurde verletzt."
run facts --lang=de --format=json "$tmp/g.txt"
if [ "$(grep -c '"paragraph"' "$tmp/out")" -eq 2 ]; then
  ok "worden.Niemand: two sentences"
else fail "glued sentences not split"; fi
w url.txt "Read the report at example.com or www.bbc.co.uk today."
run facts --lang=en --format=json "$tmp/url.txt"
if [ "$(grep -c '"paragraph"' "$tmp/out")" -eq 1 ]; then
  ok "domain names stay inside their sentence"
else fail "a domain name split a sentence"; fi

# L5: Austrian January
w at.txt "Die Wahl fand am 25. Jänner 2020 statt."
run facts --lang=de "$tmp/at.txt"
if grep -q 'date|2020-01-25' "$tmp/out"; then ok "25. Jänner 2020 = 2020-01-25"
else fail "Jänner"; fi
finish
