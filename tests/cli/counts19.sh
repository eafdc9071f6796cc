#!/usr/bin/env bash
# Session 19 (helper "counts"): fresh-user 19 H5 (one number counting other
# things: "11 civilians" -> "11 soldiers" in one sentence pair was same,
# exit 0), rebuilt from sentences written here.
. "$(dirname "$0")/../support/cli.sh"

w en-civ.txt "Shelling near Dovrenko" \
  "Artillery fire killed 11 civilians near Dovrenko on Friday, the regional governor said."
w en-sol.txt "Shelling near Dovrenko" \
  "Artillery fire killed 11 soldiers near Dovrenko on Friday, the regional governor said."
w en-ppl.txt "Shelling near Dovrenko" \
  "Artillery fire killed 11 people near Dovrenko on Friday, the regional governor said."
w en-kid.txt "Shelling near Dovrenko" \
  "Artillery fire killed 11 children near Dovrenko on Friday, the regional governor said."
w pl-civ.txt "Ostrzał pod Dowrenkiem" \
  "Ostrzał artyleryjski zabił 11 cywilów pod Dowrenkiem w piątek, powiedział gubernator regionu."
w pl-sol.txt "Ostrzał pod Dowrenkiem" \
  "Ostrzał artyleryjski zabił 11 żołnierzy pod Dowrenkiem w piątek, powiedział gubernator regionu."

# --- H5 within one language -------------------------------------------------
cmp_text "H5 en: civilians -> soldiers is a certain change (exit 1)" 1 \
  '^\[~\] changed quantity .*11 \(civilian, KILL\) → 11 \(soldier, KILL\)' \
  "$tmp/en-civ.txt" "$tmp/en-sol.txt"
cmp_text "H5 pl: cywilów -> żołnierzy is a certain change (exit 1)" 1 \
  '^\[~\] changed quantity .*\(civilian, KILL\) → 11 \(soldier, KILL\)' \
  "$tmp/pl-civ.txt" "$tmp/pl-sol.txt"
cmp_text "H5 en: people -> children is an unverified change (exit 0)" 0 \
  '^\[\?\] unverified changed quantity .*\(person, KILL\) → 11 \(child, KILL\)' \
  "$tmp/en-ppl.txt" "$tmp/en-kid.txt"
cmp_text "H5 en: the same text is same (exit 0)" 0 \
  '^summary: .* 0 changed' "$tmp/en-civ.txt" "$tmp/en-civ.txt"
# --- H5 across languages: only disjoint concepts, unverified ----------------
cmp_text "H5 en/pl: civilians -> żołnierzy unverified changed" 0 \
  '^\[\?\] unverified changed quantity .*\(civilian, KILL\) → 11 \(soldier, KILL\)' \
  "$tmp/en-civ.txt" "$tmp/pl-sol.txt"
cmp_text "H5 en/pl: the faithful translation has no quantity line" 0 \
  '^summary:' "$tmp/en-civ.txt" "$tmp/pl-civ.txt"
if grep -q 'quantity' "$tmp/out"; then
  fail "H5 en/pl: no quantity line on the faithful translation"
else ok "H5 en/pl: no quantity line on the faithful translation"; fi

finish
