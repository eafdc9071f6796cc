#!/usr/bin/env bash
# Quote speakers, session 8 (SPEECH-2), with texts written here:
#  - de „…“, sagte X auf …" / „…“, so X.": X is a surname the entity
#    stage leaves out (a noun too), the speaker is the person the article
#    names (before or after);
#  - a quote given to another named person in a translation (de, fr) is a
#    changed quote (exit 1); the faithful translations stay exit 0.
. "$(dirname "$0")/../support/cli.sh"

w en.txt "Museum director quits after theft" \
  "The director of the Velmar city museum, Otto Brenner, quit on Tuesday after a painting was stolen." \
  "\"I bear the responsibility for the loss of this painting,\" Brenner said at a meeting with staff." \
  "Council member Eva Hahn said the city would pay for new alarms. \"The public deserves better,\" Hahn said." \
  "The insurer will pay 4 million euros for the painting."
w de.txt "Museumsdirektor tritt nach Diebstahl zurück" \
  "Der Direktor des Stadtmuseums von Velmar, Otto Brenner, ist am Dienstag zurückgetreten, nachdem ein Gemälde gestohlen worden war." \
  "„Ich trage die Verantwortung für den Verlust dieses Gemäldes“, sagte Brenner bei einem Treffen mit den Mitarbeitern." \
  "Stadträtin Eva Hahn sagte, die Stadt werde neue Alarmanlagen bezahlen. „Die Öffentlichkeit verdient Besseres“, sagte Hahn." \
  "Die Versicherung zahlt 4 Millionen Euro für das Gemälde."
sed 's/, sagte Brenner bei/, sagte Hahn bei/' "$tmp/de.txt" >"$tmp/de.swap.txt"
sed 's/, sagte Brenner bei einem Treffen mit den Mitarbeitern\./, so Brenner./' \
  "$tmp/de.txt" >"$tmp/de.so.txt"
w fr.txt "Le directeur du musée démissionne après un vol" \
  "Le directeur du musée municipal de Velmar, Otto Brenner, a démissionné mardi après le vol d'un tableau." \
  "« Je porte la responsabilité de la perte de ce tableau », a déclaré Brenner lors d'une réunion avec le personnel." \
  "La conseillère Eva Hahn a déclaré que la ville paierait de nouvelles alarmes. « Le public mérite mieux », a déclaré Hahn." \
  "L'assureur paiera 4 millions d'euros pour le tableau."
sed 's/a déclaré Brenner lors/a déclaré Hahn lors/' "$tmp/fr.txt" >"$tmp/fr.swap.txt"

# facts NAME FILE REGEX: a line of `facts FILE` matches
facts_has() {
  run facts "$2"
  if [ "$st" -eq 0 ] && grep -Eq "$3" "$tmp/out"; then ok "$1"
  else fail "$1 (status $st)"; fi
}
facts_has "de „…“, sagte Brenner bei …: speaker Brenner" "$tmp/de.txt" \
  '	quote	s2	.*quote\|brn	'
facts_has "de „…“, so Brenner.: speaker Brenner" "$tmp/de.so.txt" \
  '	quote	s2	.*quote\|brn	'
facts_has "de „…“, sagte Hahn bei …, Hahn named later: speaker Hahn" \
  "$tmp/de.swap.txt" '	quote	s2	.*quote\|hn	'

cmp_text "de faithful translation: no changed quote" 0 \
  'summary: .* 0 changed, 0 contradicted' "$tmp/en.txt" "$tmp/de.txt"
cmp_text "de quote given to Hahn: changed quote" 1 \
  '^\[~\] changed quote .*Otto Brenner SAY → Eva Hahn SAY' \
  "$tmp/en.txt" "$tmp/de.swap.txt"
cmp_text "fr faithful translation: no changed quote" 0 \
  'summary: .* 0 changed, 0 contradicted' "$tmp/en.txt" "$tmp/fr.txt"
cmp_text "fr quote given to Hahn (a name of kind other): changed quote" 1 \
  '^\[~\] changed quote .*Otto Brenner SAY → Hahn SAY' \
  "$tmp/en.txt" "$tmp/fr.swap.txt"
# -- inverted subject "VERB ROLE … NAME" after a quote (fresh8 M6) -----------
w pl.txt "Most zamknięty" \
  "Most w Velmarze zamknięto w poniedziałek po ulewnych deszczach." \
  "„Most został sprawdzony w maju i był w dobrym stanie” – powiedziała minister transportu Helena Korr."
w es.txt "Puente cerrado" \
  "El puente de Velmar se cerró el lunes tras las lluvias." \
  "«El puente fue revisado en mayo y estaba en buen estado», dijo la ministra de Transportes, Helena Korr."
facts_has "pl „…” – powiedziała minister transportu Helena Korr: speaker Korr" \
  "$tmp/pl.txt" '	quote	s2	.*quote\|kr	'
facts_has "es «…», dijo la ministra de Transportes, Helena Korr: speaker Korr" \
  "$tmp/es.txt" '	quote	s2	.*quote\|kr	'
finish
