#!/usr/bin/env bash
# Session 13 fixes of the fresh-user report of session 12 (helper "fix"),
# end to end. Inputs are written here; the real-data checks read the
# corpus in place and are skipped without it.
#  M4  two translations of one sentence in one language: an event that
#      only one side reads, or that the other words differently, is no
#      certain difference; a verb replaced in an edited copy still is.
#  L1  two outlets' texts in one language are no "translation".
. "$(dirname "$0")/../support/cli.sh"
corpus=${STORYDIFF_CORPUS:-${STORYDIFF_SOURCE_DIR:-.}/../shared/corpus}

# --- M4: events of two renderings of one sentence --------------------------
w m4a.txt "Die Stadtverwaltung genehmigte am Montag den Bau von zwei neuen Brücken über den Fluss, wie der Bürgermeister mitteilte." \
  "Der Bau soll im Frühjahr beginnen und drei Jahre dauern."
w m4b.txt "Die Stadtverwaltung gab am Montag grünes Licht für den Bau von zwei neuen Brücken über den Fluss, wie der Bürgermeister mitteilte." \
  "Der Bau soll im Frühjahr beginnen und drei Jahre dauern."
cmp_text "M4: an event only one side reads is unverified (exit 0)" 0 \
  '^\[\?\] unverified omitted event a:f[0-9]+: AGREE' "$tmp/m4a.txt" "$tmp/m4b.txt"
w m4c.txt "Am 12. März 2023 hat das Oberlandesgericht München die Klage der Firma Müller & Söhne gegen die Stadt Augsburg über 4,5 Millionen Euro abgewiesen." \
  "Die Stadt darf nun weiterbauen."
w m4d.txt "Das Oberlandesgericht München entschied am 12. März 2023, dass die Stadt Augsburg der Firma Müller & Söhne die geforderten 4,5 Millionen Euro nicht zahlen muss." \
  "Die Stadt darf nun weiterbauen."
cmp_text "M4: a sentence worded anew (score >= 0.8, few shared words) is not an edit" 0 \
  '^\[\?\] unverified omitted event a:f[0-9]+: OPPOSE' "$tmp/m4c.txt" "$tmp/m4d.txt"
w e1.txt "The city council approved the new bridge over the river on Monday, the mayor said." \
  "Work will start in the spring."
w e2.txt "The city council postponed the new bridge over the river on Monday, the mayor said." \
  "Work will start in the spring."
cmp_text "M4: a verb replaced by another event verb in a copy stays certain" 1 \
  '^\[-\] omitted event a:f[0-9]+: AGREE' "$tmp/e1.txt" "$tmp/e2.txt"
if grep -q '^\[+\] added event b:f[0-9]*: DELAY' "$tmp/out"; then
  ok "M4: ... and its replacement is a certain added event"
else fail "M4: ... and its replacement is a certain added event"; fi
w e3.txt "The city council approved the new bridge over the river and hired a builder on Monday, the mayor said."
w e4.txt "The city council hired a builder on Monday, the mayor said."
cmp_text "M4: an event cut out of a sentence stays certain" 1 \
  '^\[-\] omitted event a:f[0-9]+: AGREE' "$tmp/e3.txt" "$tmp/e4.txt"

# --- real data (read in place) ------------------------------------------------
W=$corpus/articles/wmt24
SE=$corpus/articles/semeval
if [ -f "$W/pa.52742/de-refB.txt" ]; then
  run compare --format=json "$W/pa.52742/de.txt" "$W/pa.52742/de-refB.txt"
  n=$(python3 -c 'import json,sys
r = json.load(open(sys.argv[1]))
print(sum(1 for d in r["diff"] if d["certain"] and d["type"] == "event" and d["category"] != "same"))' "$tmp/out")
  if [ "$n" = 0 ]; then ok "M4: pa.52742 de/de-refB, no certain event difference"
  else fail "M4: pa.52742 de/de-refB, $n certain event differences"; fi
  if grep -q '"kind": "translation"' "$tmp/out"; then
    ok "L1: de/de-refB stays a translation"
  else fail "L1: de/de-refB stays a translation"; fi
else echo "ok - corpus not found: real-data checks skipped"; fi
if [ -f "$W/newsweek.63908/de-refB.txt" ]; then
  cmp_text "M4: the real error 34 Trillionen / Billionen stays certain" 1 \
    '^\[~\] changed quantity .*Trillionen' "$W/newsweek.63908/de.txt" "$W/newsweek.63908/de-refB.txt"
fi
if [ -f "$SE/1484008055_1484109516/a.en.txt" ]; then
  for p in 1484008055_1484109516 1484010192_1484388693; do
    run compare --format=json "$SE/$p/a.en.txt" "$SE/$p/b.en.txt"
    if [ "$st" -eq 1 ] && ! grep -q '"kind": "translation"' "$tmp/out"; then
      ok "L1: SemEval $p (two outlets, en/en) is no translation"
    else fail "L1: SemEval $p (two outlets, en/en) is no translation"; fi
  done
fi
finish
