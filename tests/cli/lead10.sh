#!/usr/bin/env bash
# Findings fixed by the lead in session 11 (2026-12-01), with texts written
# here: --translate=apertium without the language pair names what to do
# (fresh-user L4 of session 11: "no deu-eng pair installed" did not say
# that Debian has no such pair, nor which package installs one it has).
# The package list is locales/apertium.json (Debian 12).
# A month alone ("in March", a date fact since session 11) against another
# date of the same sentence pair (TEXT helper's note): the same month as a
# calendar date is the same fact; another month is changed; a relative
# word ("last week") has no common anchor, so no changed date.
. "$(dirname "$0")/../support/cli.sh"

plant() { w "$1" "Plant closes" "The factory in Dorran closed $2, the company said on its website." "It employed 300 workers."; }
plant m.a "in March"
plant m.b "last week"
plant m.c "on 12 March 2026"
plant m.d "on 12 May 2026"
cmp_text "month alone = a date in that month" 0 \
  'summary: .* 0 changed, 0 contradicted, 0 added, 0 omitted' "$tmp/m.a" "$tmp/m.c"
cmp_text "month alone -> a date in another month: changed" 1 \
  '\[~\] changed date .*--03 → 2026-05-12' "$tmp/m.a" "$tmp/m.d"
cmp_text "month alone -> last week: no changed date" 1 \
  'summary: .* 0 changed, 0 contradicted, 1 added, 1 omitted' "$tmp/m.a" "$tmp/m.b"

modes=/usr/share/apertium/modes
[ -x /usr/bin/apertium ] || { echo "ok - skipped: no /usr/bin/apertium"; finish; exit; }

w en.txt "The ferry left Port Lannow at dawn with 40 passengers on board." \
  "The harbour master said the crossing would take three hours."
w de.txt "Die Fähre verließ Port Lannow im Morgengrauen mit 40 Passagieren an Bord." \
  "Der Hafenmeister sagte, die Überfahrt werde drei Stunden dauern."
w is.txt "Ferjan fór frá Port Lannow í dögun með 40 farþega um borð." \
  "Hafnarstjórinn sagði að ferðin myndi taka þrjár klukkustundir."

if [ ! -e "$modes/deu-eng.mode" ]; then
  run compare --translate=apertium --lang-a=en --lang-b=de "$tmp/en.txt" "$tmp/de.txt"
  if [ "$st" -eq 2 ] && [ ! -s "$tmp/out" ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] &&
     grep -q "apertium has no deu-eng pair installed, and Debian 12 packages none for de and en: drop --translate, or give --translate=URL" "$tmp/err"; then
    ok "apertium de-en: Debian has no pair, one line saying so, exit 2"
  else fail "apertium de-en (status $st)"; fi
fi

if [ ! -e "$modes/isl-eng.mode" ]; then
  run compare --translate=apertium --lang-a=en --lang-b=is "$tmp/en.txt" "$tmp/is.txt"
  if [ "$st" -eq 2 ] && [ ! -s "$tmp/out" ] &&
     grep -q "apertium has no isl-eng pair installed (apt install apertium-isl-eng)" "$tmp/err"; then
    ok "apertium is-en: names the Debian package to install, exit 2"
  else fail "apertium is-en (status $st)"; fi
fi
finish
