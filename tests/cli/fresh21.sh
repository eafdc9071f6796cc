#!/usr/bin/env bash
# Findings of fresh-user 21 fixed by the lead in session 21 (2026-12-02),
# with texts written here.
. "$(dirname "$0")/../support/cli.sh"

# H1: a changed time unit of a duration ("3 weeks" -> "3 months", "30 years
# ago" -> "30 days ago", "6 hours" -> "6 days") was `same`, exit 0: the
# quantity key leaves time units out
w t-a.txt "Repairs to the bridge will take 3 weeks, the city said." \
  "The bridge was built 30 years ago. The strike lasted 6 hours."
w t-b.txt "Repairs to the bridge will take 3 months, the city said." \
  "The bridge was built 30 days ago. The strike lasted 6 days."
run compare --format=text "$tmp/t-a.txt" "$tmp/t-b.txt"
if [ "$st" -eq 1 ] &&
   grep -q '^\[~\] changed quantity .*3 week → 3 month' "$tmp/out" &&
   grep -q '^\[~\] changed quantity .*"30 years" → "30 days"' "$tmp/out" &&
   grep -q '^\[~\] changed quantity .*6 hour → 6 day' "$tmp/out"; then
  ok "compare: a changed time unit is a changed quantity"
else fail "compare: a changed time unit is a changed quantity (status $st)"; fi
# the same durations in other words stay the same
w t-c.txt "Repairs to the bridge will take 3 weeks, the city said." \
  "The bridge was built 30 years ago. The strike lasted 6 hours."
run compare --format=text "$tmp/t-a.txt" "$tmp/t-c.txt"
if [ "$st" -eq 0 ]; then ok "compare: the same durations are the same"
else fail "compare: the same durations are the same (status $st)"; fi
# H2: the source of a claim replaced by another of the same class ("police
# said" -> "the mayor said": both attribution|OFFICIAL) was same, exit 0
w s-a.txt "The storm killed 12 people in the north, police said." \
  "Rescue teams were sent to the coast."
for p in "the mayor said" "a spokesman for the rebels said"; do
  sed "s/police said/$p/" "$tmp/s-a.txt" >"$tmp/s-b.txt"
  cmp_text "compare: police said -> $p is a changed attribution" 1 \
    '^\[~\] changed attribution .*"police said" → ' "$tmp/s-a.txt" "$tmp/s-b.txt"
done
# a source of the same concept is the same source
w s-c.txt "The storm killed 12 people in the north, a spokesman said." \
  "Rescue teams were sent to the coast."
sed "s/a spokesman said/a spokeswoman said/" "$tmp/s-c.txt" >"$tmp/s-d.txt"
run compare --format=text "$tmp/s-c.txt" "$tmp/s-d.txt"
if [ "$st" -eq 0 ]; then ok "compare: spokesman -> spokeswoman is the same source"
else fail "compare: spokesman -> spokeswoman is the same source (status $st)"; fi
# H2, short sentences: edited only at the attribution, a sentence of 10
# words scores below the near-copy threshold; "police said" -> "witnesses
# said" was two [?] lines, exit 0
sed "s/police said/witnesses said/" "$tmp/s-a.txt" >"$tmp/s-e.txt"
cmp_text "compare: police said -> witnesses said in a short sentence is changed" 1 \
  '^\[~\] changed attribution .*OFFICIAL SAY → WITNESS SAY' "$tmp/s-a.txt" "$tmp/s-e.txt"
# H8: a one-word name opening its sentence before an event verb was no
# entity, so "Fidesz won ..." -> "Jobbik won ..." was nothing, exit 0
w e-a.txt "Budget vote" "Fidesz won the vote in parliament on Monday." \
  "The opposition walked out of the chamber."
sed "s/Fidesz won/Jobbik won/" "$tmp/e-a.txt" >"$tmp/e-b.txt"
cmp_text "compare: Fidesz won -> Jobbik won is a changed entity" 1 \
  '^\[~\] changed entity .*Fidesz → Jobbik' "$tmp/e-a.txt" "$tmp/e-b.txt"
# a common word opening a sentence before an event verb stays no entity
w e-c.txt "Prices rose in March, and protesters attacked a bank."
run facts --lang=en "$tmp/e-c.txt"
if [ "$st" -eq 0 ] && ! grep -q 'entity|' "$tmp/out"; then
  ok "facts: 'Prices rose' is no entity"
else fail "facts: 'Prices rose' is no entity (status $st)"; fi
# M13: "the ministry confirmed" -> "claimed" / "said": the facts held the
# verbs CONFIRM and CLAIM, the diff said nothing, exit 0
w v-a.txt "The ministry confirmed that 14 soldiers were captured near the border on Monday."
for v in claimed said; do
  sed "s/confirmed/$v/" "$tmp/v-a.txt" >"$tmp/v-b.txt"
  cmp_text "compare: confirmed -> $v is a changed attribution" 1 \
    '^\[~\] changed attribution .*CONFIRM → ' "$tmp/v-a.txt" "$tmp/v-b.txt"
done
sed "s/confirmed/announced/" "$tmp/v-a.txt" >"$tmp/v-c.txt"
run compare --format=text "$tmp/v-a.txt" "$tmp/v-c.txt"
if [ "$st" -eq 0 ]; then ok "compare: confirmed -> announced is no change"
else fail "compare: confirmed -> announced (status $st)"; fi
# L4: one command's --help named compare's formats and exit statuses
run facts --help
if [ "$st" -eq 0 ] && grep -q -- '--format=FMT *output: text (default), json' "$tmp/out" &&
   grep -q '^exit status: 0 done, 2 error' "$tmp/out" && ! grep -q 'side-by-side' "$tmp/out"; then
  ok "facts --help: its own formats and exit status"
else fail "facts --help: its own formats and exit status"; fi
run check --help
if grep -q '^exit status: 0 no contradiction, 1 contradictions found, 2 error' "$tmp/out"; then
  ok "check --help: its own exit status"
else fail "check --help: its own exit status"; fi
# L5: a known option given a value it does not take, or missing its value
run compare --symmetric=yes a.txt b.txt
if [ "$st" -eq 2 ] && grep -q "^storydiff: --symmetric takes no value, not 'yes'" "$tmp/err"; then
  ok "compare --symmetric=yes: takes no value"
else fail "compare --symmetric=yes (status $st)"; fi
run compare a.txt b.txt --width
if [ "$st" -eq 2 ] && grep -q "^storydiff: --width needs a value: --width=N" "$tmp/err"; then
  ok "compare --width: needs a value"
else fail "compare --width: needs a value (status $st)"; fi
# M2: a sentence edited only at the counted thing ("2,000 homes" ->
# "2,000 businesses") was an unverified change, exit 0
w c-a.txt "The storm left 2,000 homes without power on Monday, the utility said."
sed "s/2,000 homes/2,000 businesses/" "$tmp/c-a.txt" >"$tmp/c-b.txt"
cmp_text "compare: 2,000 homes -> 2,000 businesses is a certain change" 1 \
  '^\[~\] changed quantity .*2000 \(house\) → 2000 \(company\)' "$tmp/c-a.txt" "$tmp/c-b.txt"
# M14: common wire attributions were read as none: de "wie die Polizei
# mitteilte", "sagte ein Polizeisprecher", pl "podała policja", fr "a
# indiqué la police"
while IFS='|' read -r l t; do
  w m14.txt "$t"
  run facts --lang="$l" "$tmp/m14.txt"
  if [ "$st" -eq 0 ] && grep -q 'attribution|OFFICIAL' "$tmp/out"; then
    ok "facts $l: an attribution in '$t'"
  else fail "facts $l: an attribution in '$t'"; fi
done <<'EOT'
de|Der Sturm tötete zwölf Menschen, wie die Polizei mitteilte.
de|Der Sturm tötete zwölf Menschen, sagte ein Polizeisprecher.
pl|Burza zabiła dwanaście osób – podała policja.
fr|La tempête a tué douze personnes, a indiqué la police.
EOT
# M6: "3m barrels", "1.5m hectares" were 3 and 1.5 metres, so the same
# amounts written "3 million", "1.5 million" were omitted + added, exit 1
w g-a.txt "Last year the country exported 3m barrels of oil a day and 2m tonnes of grain, while 1.5m hectares of forest burned."
w g-b.txt "Last year the country exported 3 million barrels of oil a day and 2 million tonnes of grain, while 1.5 million hectares of forest burned."
run compare --format=text "$tmp/g-a.txt" "$tmp/g-b.txt"
if [ "$st" -eq 0 ] && ! grep -q '^\[[-+~]\]' "$tmp/out"; then
  ok "compare: 3m barrels, 1.5m hectares = 3 million barrels, 1.5 million hectares"
else fail "compare: 3m barrels, 1.5m hectares (status $st)"; fi
# a glued m before a length context stays metres
w g-c.txt "A 3m wall collapsed and the river rose 3m overnight."
run facts --lang=en --format=json "$tmp/g-c.txt"
if python3 -c 'import json,sys; q=[f["value"] for f in json.load(open(sys.argv[1]))["facts"] if f["type"]=="quantity"]; sys.exit(0 if q and all(v["number"]==3 and v["unit"]=="m" for v in q) else 1)' "$tmp/out"; then
  ok "facts: 'a 3m wall', 'rose 3m' stay metres"
else fail "facts: 'a 3m wall', 'rose 3m' stay metres"; fi
# M12: a paywall box of a short article was read as article text (the
# extraction retries without the unlikely-class rule when the text is
# short), so "Subscribe now for just €1" became a changed amount
cat >"$tmp/pw.html" <<'HTML'
<html><head><title>Bridge closed after flood | Example Times</title></head><body>
<article><h1>Bridge closed after flood</h1>
<p>The old bridge over the river was closed on Tuesday after the flood, the city said.</p>
<div class="paywall"><p>This story is for subscribers only. Subscribe now for just €1 for the first 3 months.</p><p>Already a subscriber? Log in.</p></div>
</article></body></html>
HTML
run extract "$tmp/pw.html"
if [ "$st" -eq 0 ] && grep -q 'bridge over the river' "$tmp/out" &&
   ! grep -qi 'subscri' "$tmp/out"; then
  ok "extract: a paywall box is no article text"
else fail "extract: a paywall box is no article text (status $st)"; fi
# L9: a large amount was shown as 3.4e+19 in the report's details
w tr-a.txt "Die Schulden erreichten 34 Trillionen Dollar, sagte der Minister."
w tr-b.txt "Die Schulden erreichten 35 Trillionen Dollar, sagte der Minister."
cmp_text "compare: 34 Trillionen Dollar shown in digits" 1 \
  '34000000000000000000 USD → 35000000000000000000 USD' "$tmp/tr-a.txt" "$tmp/tr-b.txt"
# H11: phrases that negate nothing gave certain contradictions: "No fewer
# than 40" vs "At least 40", "Nobody doubts that ...", "not only ... but
# also" (en, pl, ru), "Not least"
while IFS='|' read -r l a b; do
  w h11-a.txt "$a"
  w h11-b.txt "$b"
  run compare --format=text --lang-a="$l" --lang-b="$l" "$tmp/h11-a.txt" "$tmp/h11-b.txt"
  if [ "$st" -eq 0 ] && ! grep -q '^\[!\]' "$tmp/out"; then
    ok "compare $l: no contradiction in '$a'"
  else fail "compare $l: '$a' (status $st)"; fi
done <<'EOT'
en|No fewer than 40 people were injured, police said.|At least 40 people were injured, police said.
en|Nobody doubts that the army attacked the town, the envoy said.|Everyone agrees that the army attacked the town, the envoy said.
en|The talks were not only long but also productive, the envoy said.|The talks were long and productive, the envoy said.
en|Not least, the deal will cut prices, the minister said.|Importantly, the deal will cut prices, the minister said.
pl|Rozmowy były nie tylko długie, ale też owocne, powiedział wysłannik.|Rozmowy były długie i owocne, powiedział wysłannik.
ru|Переговоры были не только долгими, но и продуктивными, сказал посланник.|Переговоры были долгими и продуктивными, сказал посланник.
EOT
# a real negation is still one
w h11-c.txt "The army did not attack the town, the envoy said."
w h11-d.txt "The army attacked the town, the envoy said."
cmp_text "compare: did not attack -> attacked is still a contradiction" 1 \
  '^\[!\] contradicted event' "$tmp/h11-c.txt" "$tmp/h11-d.txt"
w h11-e.txt "Nobody doubts that the army attacked the town, the envoy said." \
  "The army attacked the town at dawn, witnesses said."
run check "$tmp/h11-e.txt"
if [ "$st" -eq 0 ]; then ok "check: 'Nobody doubts that the army attacked' is no denial"
else fail "check: 'Nobody doubts that the army attacked' (status $st)"; fi
# scripts/demo passed --format=side-by-side and the arguments after it, so
# the README's `scripts/demo --format=json` failed: "--format given twice".
# A stand-in cmake and storydiff (no build here) show what demo runs.
src=${STORYDIFF_SOURCE_DIR:?}
mkdir -p "$tmp/fake/bin" "$tmp/fake/build"
printf '#!/bin/sh\nexit 0\n' >"$tmp/fake/bin/cmake"
printf '#!/bin/sh\necho "$@"\n' >"$tmp/fake/build/storydiff"
chmod +x "$tmp/fake/bin/cmake" "$tmp/fake/build/storydiff"
for args in "--format=json" "" "--width 120"; do
  # shellcheck disable=SC2086
  PATH="$tmp/fake/bin:$PATH" STORY_BUILD_DIR="$tmp/fake/build" \
    bash "$src/scripts/demo" $args >"$tmp/out" 2>"$tmp/err"; st=$?
  n=$(grep -o -- '--format' "$tmp/out" | wc -l)
  if [ "$st" -eq 0 ] && [ "$n" -eq 1 ] &&
     { [ -n "$args" ] && [ "${args#--format}" != "$args" ] || grep -q -- '--format=side-by-side' "$tmp/out"; }; then
    ok "demo ${args:-(no arguments)}: one --format"
  else fail "demo ${args:-(no arguments)}: one --format (status $st, $n)"; cat "$tmp/err"; fi
done
finish
