#!/usr/bin/env bash
# Session 12 claims fixes of the fresh-user report of session 11, end to
# end. All inputs are written here.
#  H4b  a German place name that is a common noun only as a compound's
#       head (Stock + Holm) is a place after "in": a changed meeting place
#       is reported;
#  M3a  a model, index or version number ("Boeing 737 MAX 9", "FTSE 250",
#       "Windows 11") is marked "name": true and counts nothing;
#  M3c  a number in a German hyphen compound ("1-Prozent-Kürzung",
#       "5-Jahres-Plan") is a quantity;
#  M1   pl "Komisja Europejska" / "Komisji Europejskiej" are one entity
#       (pl inflection endings -a, -iej … in entities.json);
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
# one changed entity since session 14 (fresh-user 13 M2: the only
# unmatched name of the pair on each side, one of kind other)
cmp_text "de: Helsinki -> Stockholm is reported" 1 \
  '^\[~\] changed entity .*Helsinki → Stockholm' "$tmp/meet.a.de.txt" "$tmp/meet.b.de.txt"
w cake.de.txt "Bäckerei" \
  "Die Bäckerei backt Pasteten in Blätterteig und verkauft sie in Gewerbegebieten."
run facts --lang=de "$tmp/cake.de.txt"
if ! grep -q 'entity' "$tmp/out"; then
  ok "de: common compounds after in stay common nouns"
else fail "de: common compounds after in stay common nouns"; fi

# --- M3a: model numbers ----------------------------------------------------
w jets.en.txt "Jets grounded" \
  "The carrier grounded 40 Boeing 737 MAX 9 jets on Friday. The FTSE 250 rose 2 percent while Microsoft updated Windows 11."
run facts --format=json --lang=en "$tmp/jets.en.txt"
if python3 - "$tmp/out" <<'PY'
import json, sys
q = [f for f in json.load(open(sys.argv[1]))["facts"] if f["type"] == "quantity"]
names = sorted(f["value"]["number"] for f in q if f["value"].get("name"))
counts = sorted(f["value"]["number"] for f in q if not f["value"].get("name"))
assert names == [9, 11, 250, 737], names
assert counts == [2, 40], counts
assert all(f["value"]["counted"] is None for f in q if f["value"].get("name"))
PY
then ok "en: 737, 9, 250, 11 are parts of names, 40 and 2 percent counts"
else fail "en: 737, 9, 250, 11 are parts of names, 40 and 2 percent counts"; fi
w cases.de.txt "Behörde" \
  "Die Aufsicht hat im Mai die Behörde EPA 94 Fälle abschließen lassen."
run facts --format=json --lang=de "$tmp/cases.de.txt"
if grep -q '"quantity||94"' "$tmp/out" && ! grep -q '"name": *true' "$tmp/out"; then
  ok "de: EPA 94 Fälle is a count"
else fail "de: EPA 94 Fälle is a count"; fi

# --- M3c: a number inside a German hyphen compound -------------------------
w cut.de.txt "Haushalt" \
  "Die Regierung will eine 1-Prozent-Kürzung und einen 5-Jahres-Plan."
run facts --lang=de "$tmp/cut.de.txt"
if grep -q 'quantity|percent|1' "$tmp/out" && grep -q 'quantity||5' "$tmp/out"; then
  ok "de: 1-Prozent-Kürzung and 5-Jahres-Plan give their numbers"
else fail "de: 1-Prozent-Kürzung and 5-Jahres-Plan give their numbers"; fi

# --- M1: an inflected organisation name is one entity ----------------------
w kom.pl.txt "Komisja" \
  "Komisja Europejska przedstawiła plan. Rzecznik Komisji Europejskiej potwierdził to we wtorek."
run facts --lang=pl "$tmp/kom.pl.txt"
if [ "$(grep -c 'entity|akmsn' "$tmp/out")" -eq 2 ]; then
  ok "pl: Komisja Europejska = Komisji Europejskiej"
else fail "pl: Komisja Europejska = Komisji Europejskiej"; fi

# --- 9: de "soll ... haben/sein" evidential --------------------------------
w port.en.txt "Port chief resigns" \
  "The head of the port authority, Karl Stein, resigned on Monday after a ferry ran aground."
w port.de.txt "Hafenchef tritt zurück" \
  "Der Leiter der Hafenbehörde, Karl Stein, soll am Montag zurückgetreten sein, nachdem eine Fähre auf Grund gelaufen war."
cmp_text "de: soll … zurückgetreten sein is a hedge added in translation" 1 \
  '^\[~\] changed event .*RESIGN.*hedged' "$tmp/port.en.txt" "$tmp/port.de.txt"

finish
