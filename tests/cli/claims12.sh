#!/usr/bin/env bash
# Session 12 claims fixes of the fresh-user report of session 11, end to
# end. All inputs are written here.
#  H4b  a German place name that is a common noun only as a compound's
#       head (Stock + Holm) is a place after "in": a changed meeting place
#       is reported;
#  9    de "soll … <participle> haben/sein" is a two-part evidential: a
#       hedge added in translation ("resigned" -> "soll … zurückgetreten
#       sein") is a changed event, as with "angeblich".
. "$(dirname "$0")/../support/cli.sh"

# --- H4b: German place after a preposition ------------------------------
w meet.a.de.txt "Außenminister treffen sich" \
  "Das Treffen der Außenminister findet am Freitag in Helsinki statt."
w meet.b.de.txt "Außenminister treffen sich" \
  "Das Treffen der Außenminister findet am Freitag in Stockholm statt."
run facts --lang=de "$tmp/meet.b.de.txt"
if grep -Eq '^f[0-9]+	entity	.*"Stockholm"' "$tmp/out"; then
  ok "de: in Stockholm is an entity"
else fail "de: in Stockholm is an entity"; fi
cmp_text "de: Helsinki -> Stockholm is reported" 1 \
  '^\[\+\] added entity .*Stockholm \(place\)' "$tmp/meet.a.de.txt" "$tmp/meet.b.de.txt"
w cake.de.txt "Bäckerei" \
  "Die Bäckerei backt Pasteten in Blätterteig und verkauft sie in Gewerbegebieten."
run facts --lang=de "$tmp/cake.de.txt"
if ! grep -q 'entity' "$tmp/out"; then
  ok "de: common compounds after in stay common nouns"
else fail "de: common compounds after in stay common nouns"; fi

# --- 9: de "soll ... haben/sein" evidential --------------------------------
w port.en.txt "Port chief resigns" \
  "The head of the port authority, Karl Stein, resigned on Monday after a ferry ran aground."
w port.de.txt "Hafenchef tritt zurück" \
  "Der Leiter der Hafenbehörde, Karl Stein, soll am Montag zurückgetreten sein, nachdem eine Fähre auf Grund gelaufen war."
cmp_text "de: soll … zurückgetreten sein is a hedge added in translation" 1 \
  '^\[~\] changed event .*RESIGN.*hedged' "$tmp/port.en.txt" "$tmp/port.de.txt"

finish
