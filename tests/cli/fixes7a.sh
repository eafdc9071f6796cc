#!/usr/bin/env bash
# Session 7 fixes (helper A) of the fresh-user report, end to end:
#  M2  `check` finds antonymous events stated of one thing ("approved" /
#      "rejected" the same bill), a denial worded as the same claim ("did
#      not approve the plan" with no named actor), a speaker's claim and
#      its negation ("is safe" / "is not safe"), German "ums Leben" counts;
#      no alarm when the claims differ in a date, an actor or a speaker;
#  M8  `compare`: "rejected" -> "did not approve" agree (no contradiction),
#      "approved" -> "rejected" is contradicted; two amounts with units
#      changed in one sentence ("$1.5 million ... 12%" -> "$15 million ...
#      21%") are two changed quantities, not omitted + added;
#  L1  "fell into the river" is no DECREASE, "the main support" (a beam) no
#      SUPPORT, fr "un arrêté" (a decree) no ARREST, while "prices fell",
#      "supported the plan", "a été arrêté" stay events; "closing two
#      roads" is CLOSE (not "the closing price"), de "bewilligte" AGREE; dropping
#      "according to police" is one omitted attribution, not also an
#      omitted quote of the whole sentence.
# All inputs are written here.
. "$(dirname "$0")/../support/cli.sh"


# --- M2: check ----------------------------------------------------------
w senate.txt "Harbour vote" \
  "The Senate approved the harbour bill on Tuesday, a senator told reporters." \
  "Dock workers had lobbied for the measure all spring." \
  "Later, the Senate rejected the harbour bill on Tuesday, according to the minutes."
chk "approved / rejected the same bill: antonyms" 1 \
  '^f[0-9]+ f[0-9]+: s1 "approved" vs s3 "rejected": opposite actions' "$tmp/senate.txt"
w board.txt "Library plan" \
  "The town board approved the library extension on Friday." \
  "Parents waited in the hall while the board met." \
  "The town board did not approve the library extension on Friday."
chk "approved / did not approve, no named actor" 1 \
  '^f[0-9]+ f[0-9]+: s1 "approved" \(affirmed\) vs s3 "approve" \(denied\)' \
  "$tmp/board.txt"
w pier.txt "Pier inspection" \
  "The old pier is stable, inspectors said." \
  "Inspectors said the old pier is not stable."
chk "a speaker's claim and its negation" 1 \
  '\(affirmed\) vs s2 .*\(denied\): one speaker.s claim affirmed and denied' "$tmp/pier.txt"
w mine.de.txt "Unglück in einer Grube" \
  "Bei einem Unglück in einer Grube in Kellbach kamen am Montag 5 Arbeiter ums Leben, teilte die Polizei mit." \
  "Die Grube war seit Jahren umstritten." \
  "Später hieß es, bei dem Unglück seien 9 Arbeiter ums Leben gekommen."
chk "de: 5 vs 9 workers died (ums Leben)" 1 '^f[0-9]+ f[0-9]+: s1 "5 Arbeiter ums Leben" vs s3 "9 Arbeiter ums Leben": two different counts' \
  "$tmp/mine.de.txt"
w clean.txt "Library plan" \
  "The town board approved the library extension in March." \
  "The town board rejected the library extension in June." \
  "The finance committee approved the school budget. The town board rejected the school budget." \
  "The old pier is stable, inspectors said. Residents said the old pier is not stable."
run check "$tmp/clean.txt"
if [ "$st" -eq 0 ] && [ ! -s "$tmp/out" ]; then
  ok "different dates, actors or speakers: no contradiction"
else fail "clean text (status $st)"; fi

# --- M8: compare --------------------------------------------------------
w va.txt "Council vote" \
  "The city council rejected the parking plan on Monday, a spokesman said." \
  "The council approved the tram proposal."
w vb.txt "Council vote" \
  "The city council did not approve the parking plan on Monday, a spokesman said." \
  "The council rejected the tram proposal."
cmp_text "rejected -> did not approve agree; approved -> rejected is contradicted" 1 \
  '^\[!\] contradicted event a:f[0-9]+ b:f[0-9]+: AGREE → OPPOSE' "$tmp/va.txt" "$tmp/vb.txt"
if grep -q 'contradicted quote' "$tmp/out" || ! grep -q ' 1 contradicted' "$tmp/out"; then
  fail "rejected -> did not approve reported as a contradiction"
else ok "rejected -> did not approve: the same claim"; fi
w ma.txt "Repairs" "The town will spend \$2.5 million on roads, up 14% from last year." \
  "Work starts in May."
w mb.txt "Repairs" "The town will spend \$25 million on roads, up 41% from last year." \
  "Work starts in May."
cmp_text "two amounts changed in one sentence: changed" 1 \
  '^\[~\] changed quantity a:f[0-9]+ b:f[0-9]+: 2500000 USD → 25000000 USD' "$tmp/ma.txt" "$tmp/mb.txt"
if grep -q '^\[~\] changed quantity .*14 percent → 41 percent' "$tmp/out" &&
   ! grep -Eq '^\[[-+]\] (omitted|added) quantity' "$tmp/out"; then
  ok "percent changed too, nothing omitted or added"
else fail "percent 14 -> 41"; fi
# --- L1: event labels ---------------------------------------------------
# evt NAME WANT(0 absent, 1 present) REGEX FILE: an event line of `facts`
evt() {
  local name=$1 want=$2 re=$3
  "$bin" facts "$4" >"$tmp/out" 2>"$tmp/err" </dev/null
  local st=$? got=0
  grep -Eq "$re" "$tmp/out" && got=1
  if [ "$st" -eq 0 ] && [ "$got" -eq "$want" ]; then ok "$name"
  else fail "$name (status $st, found $got, want $want)"; fi
}
w fall.txt "Truck crash" "A truck fell into the canal near the lock on Sunday." \
  "Fuel prices fell sharply last month."
evt "fell into the canal: no DECREASE there" 0 'event	s1	[0-9-]+	event\|\|DECREASE\|' "$tmp/fall.txt"
evt "prices fell: DECREASE" 1 'event	s2	[0-9-]+	event\|\|DECREASE\|' "$tmp/fall.txt"
w beam.txt "Roof check" "Rust may have weakened the main support of the roof." \
  "The mayor supported the repair plan."
evt "the main support (a beam): no SUPPORT" 0 'event	s1	[0-9-]+	event\|\|SUPPORT\|' "$tmp/beam.txt"
evt "supported the plan: SUPPORT" 1 'event	s2	[0-9-]+	event\|\|SUPPORT\|' "$tmp/beam.txt"
w decree.fr.txt "Les ponts fermés" \
  "Le préfet a signé un arrêté fermant deux ponts de la ville." \
  "Un homme a été arrêté par la police près du port."
evt "fr un arrêté (decree): no ARREST" 0 'event	s1	[0-9-]+	event\|\|ARREST\|' "$tmp/decree.fr.txt"
evt "fr a été arrêté: ARREST" 1 'event	s2	[0-9-]+	event\|\|ARREST\|' "$tmp/decree.fr.txt"
w close.txt "Road works" "The mayor signed an order closing two roads near the harbour." \
  "Shares rose before the closing price was set."
evt "an order closing two roads: CLOSE" 1 'event	s1	[0-9-]+	event\|\|CLOSE\|' "$tmp/close.txt"
evt "the closing price: no CLOSE" 0 'event	s2	[0-9-]+	event\|\|CLOSE\|' "$tmp/close.txt"
w grant.de.txt "Geld für die Brücke" "Der Stadtrat bewilligte am Mittwoch zwei Millionen Euro für die Brücke."
evt "de bewilligte: AGREE" 1 'event	s1	[0-9-]+	event\|\|AGREE\|' "$tmp/grant.de.txt"
w src_a.txt "Flood in the valley" \
  "Three houses were flooded when the river rose on Monday, according to police." \
  "Roads stayed closed until the evening."
w src_b.txt "Flood in the valley" \
  "Three houses were flooded when the river rose on Monday." \
  "Roads stayed closed until the evening."
cmp_text "according to police dropped: an omitted attribution" 1 \
  '^\[-\] omitted attribution a:f[0-9]+: attribution "according to police"' "$tmp/src_a.txt" "$tmp/src_b.txt"
if grep -q 'omitted quote' "$tmp/out"; then fail "the lead sentence is also an omitted quote"
else ok "no omitted quote of the whole sentence"; fi
finish
