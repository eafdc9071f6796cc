#!/usr/bin/env bash
# Session 13 fixes of the fresh-user report of session 12 (helper "fix"),
# end to end. Inputs are written here; the real-data checks read the
# corpus in place and are skipped without it.
#  M4  two translations of one sentence in one language: an event that
#      only one side reads, or that the other words differently, is no
#      certain difference; a verb replaced in an edited copy still is.
#  L1  two outlets' texts in one language are no "translation".
#  L6  --lang without a pack warns "reads as 'en'" too; ISO 639-2/3 codes.
#  L7  a long text without words "has too few words", not "is too short".
#  L8  the side-by-side footer names the diff units ("facts compared").
#  L12 a numeric option value with spaces is refused.
#  older: en "granted" is an event; a UTF-8 page with <meta charset=utf-16>.
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

# --- L6: --lang without a pack, ISO 639-2/3 codes ----------------------------
w en.txt "The storm pushed a wave onto the harbour wall on Monday, the mayor said, and the city closed two roads near the beach for the night."
for l in pt nl; do
  run facts --lang=$l "$tmp/en.txt"
  if [ "$st" -eq 0 ] && grep -q "^storydiff: --lang $l: .*en.txt reads as 'en' (language identification); using language-neutral rules as asked" "$tmp/err"; then
    ok "L6: --lang=$l on English warns that it reads as en"
  else fail "L6: --lang=$l on English warns that it reads as en"; fi
done
for c in eng:en ger:de deu:de ukr:uk fre:fr zho-TW:zh-TW; do
  run facts --lang="${c%%:*}" "$tmp/en.txt"
  if [ "$st" -eq 0 ] && ! grep -q "no language pack" "$tmp/err" &&
     { [ "${c#*:}" = en ] || grep -q "^storydiff: --lang ${c#*:}: " "$tmp/err"; }; then
    ok "L6: --lang=${c%%:*} is read as ${c#*:}"
  else fail "L6: --lang=${c%%:*} is read as ${c#*:}"; fi
done
run compare --format=json --lang-a=eng --lang-b=ger "$tmp/en.txt" "$tmp/en.txt"
if python3 -c 'import json,sys; a=json.load(open(sys.argv[1]))["articles"]; sys.exit(not (a[0]["lang"]=="en" and a[1]["lang"]=="de"))' "$tmp/out"; then
  ok "L6: compare --lang-a=eng --lang-b=ger gives en and de"
else fail "L6: compare --lang-a=eng --lang-b=ger gives en and de"; fi

# --- L7: numbers only -----------------------------------------------------------
python3 -c "print('\n'.join(str(i * 37) for i in range(1, 600)))" >"$tmp/nums.txt"
run facts "$tmp/nums.txt"
if [ "$st" -eq 0 ] && grep -q "nums.txt has too few words to identify its language" "$tmp/err" &&
   ! grep -q "too short" "$tmp/err"; then
  ok "L7: a long numbers-only file has too few words (exit 0)"
else fail "L7: a long numbers-only file has too few words (exit 0)"; fi
printf '12.\n' >"$tmp/tiny.txt"
run facts "$tmp/tiny.txt"
if grep -q "tiny.txt is too short to identify its language" "$tmp/err"; then
  ok "L7: a tiny file is still too short"
else fail "L7: a tiny file is still too short"; fi

# --- L8: the footer ---------------------------------------------------------------
run compare --format=side-by-side --color=never --width=100 "$tmp/en.txt" "$tmp/en.txt"
if grep -q "facts compared: [0-9]* of A, [0-9]* of B (repeats folded): " "$tmp/out" &&
   ! grep -q "facts: [0-9]* in A" "$tmp/out"; then
  ok "L8: the footer says facts compared"
else fail "L8: the footer says facts compared"; fi

# --- L12: spaces around numbers -----------------------------------------------------
for v in "--width= 80" "--width=80 " "--timeout= 5"; do
  run compare "$v" "$tmp/en.txt" "$tmp/en.txt"
  if [ "$st" -eq 2 ] && grep -q "not '" "$tmp/err"; then ok "L12: '$v' is refused (exit 2)"
  else fail "L12: '$v' is refused (exit 2)"; fi
done
run compare --width=80 --format=side-by-side "$tmp/en.txt" "$tmp/en.txt"
if [ "$st" -eq 0 ]; then ok "L12: --width=80 still works"
else fail "L12: --width=80 still works"; fi

# --- older: granted; <meta charset=utf-16> on a UTF-8 page ------------------------
w g1.txt "The court granted bail to the two men on Friday."
w g2.txt "The court refused bail to the two men on Friday."
cmp_text "granted is AGREE: granted / refused contradict" 1 \
  '^\[!\] contradicted event .*AGREE → OPPOSE "granted" → "refused"' "$tmp/g1.txt" "$tmp/g2.txt"
run facts "$tmp/g1.txt"
if grep -q 'AGREE.*"granted"' "$tmp/out"; then ok "granted is an AGREE event"
else fail "granted is an AGREE event"; fi
w tg.txt "Voters have long taken the mayor for granted, the survey found on Monday."
run facts "$tmp/tg.txt"
if ! grep -q 'event' "$tmp/out"; then ok "taken for granted is no event"
else fail "taken for granted is no event"; fi
printf '<html><head><meta charset="utf-16"><title>Harbour wall</title></head><body><p>The storm pushed a wave onto the harbour wall on Monday, the mayor said.</p></body></html>\n' >"$tmp/m16.html"
run extract "$tmp/m16.html"
if [ "$st" -eq 0 ] && grep -q "harbour wall on Monday" "$tmp/out" &&
   grep -q "charset 'utf-16' declared by the page's <meta> cannot hold .*read as UTF-8" "$tmp/err"; then
  ok "a UTF-8 page declaring utf-16 is read as UTF-8, with a note"
else fail "a UTF-8 page declaring utf-16 is read as UTF-8, with a note"; fi

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
