#!/usr/bin/env bash
# A text in a language without a language pack (Dutch, written here): it is
# identified as itself, the CLI says once that it has no pack, and its
# numbers and dates are read with ICU's locale data ("4 miljoen euro" is
# 4,000,000 EUR, "vijftien" 15, "12 mei 2025" a date), so a faithful
# translation shows no difference.
. "$(dirname "$0")/../support/cli.sh"

printf 'Repairs to the bridge will cost 4 million euros, the council said on Tuesday 12 May 2025. Fifteen people were injured when the bridge collapsed.\n\nThe mayor said the bridge would be safe again after the repairs.\n' >"$tmp/en.txt"
printf 'De reparaties aan de brug kosten 4 miljoen euro, zei de gemeente op dinsdag 12 mei 2025. Vijftien mensen raakten gewond toen de brug instortte.\n\nDe burgemeester zei dat de brug na de reparaties weer veilig is.\n' >"$tmp/nl.txt"
sed 's/4 miljoen/5 miljoen/' "$tmp/nl.txt" >"$tmp/nl5.txt"

run facts --format=json "$tmp/nl.txt"
if [ "$st" -eq 0 ] && grep -q '"lang": *"nl"' "$tmp/out" &&
   [ "$(cat "$tmp/err")" = "storydiff: $tmp/nl.txt reads as 'nl' (language identification), which has no language pack; using language-neutral rules (digits, names, ICU number data) for it" ]; then
  ok "Dutch identified as nl, one warning"
else fail "Dutch identified as nl (status $st)"; fi
if grep -q '"key": *"quantity|EUR|4000000"' "$tmp/out" && grep -q '"key": *"quantity||15"' "$tmp/out"; then
  ok "4 miljoen euro = 4000000 EUR, vijftien = 15"
else fail "Dutch numbers from ICU data"; fi
if grep -q '"key": *"date|2025-05-12"' "$tmp/out" && ! grep -q '"key": *"quantity||12"' "$tmp/out"; then
  ok "12 mei 2025 is a date, not the number 12"
else fail "Dutch date from ICU data"; fi

run compare --format=text "$tmp/en.txt" "$tmp/nl.txt"
if [ "$st" -eq 0 ] && grep -q "0 changed, 0 contradicted, 0 added, 0 omitted" "$tmp/out"; then
  ok "faithful Dutch translation: no certain difference, exit 0"
else fail "faithful Dutch translation (status $st)"; fi
run compare --format=text "$tmp/en.txt" "$tmp/nl5.txt"
if [ "$st" -eq 1 ] && grep -q "4000000 EUR" "$tmp/out" && grep -q "5000000 EUR" "$tmp/out"; then
  ok "4 -> 5 miljoen: a difference with both values, exit 1"
else fail "4 -> 5 miljoen (status $st)"; fi

run facts "$tmp/en.txt"
if [ "$st" -eq 0 ] && [ ! -s "$tmp/err" ]; then ok "English: no warning"
else fail "English: no warning (status $st)"; fi

finish
