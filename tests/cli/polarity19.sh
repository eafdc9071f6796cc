#!/usr/bin/env bash
# Session 19 (helper "polarity"): hedges and negations across languages,
# fresh-user 18 M30, L17 (a faithful hedge not read as one, so the faithful
# translation already got the certain "hedge dropped" line) rebuilt from
# sentences written here.
. "$(dirname "$0")/../support/cli.sh"

en_hedge() {
  w en.txt "Spillway under review" \
    "The governor reportedly ordered an investigation of the spillway on Thursday. The reservoir may have to stay closed for three weeks, inspectors said."
}
en_hedge

# --- M30 / L17: a hedge opening the sentence, set off by a comma ----------
# zh 据报道，… and es "Al parecer, …": the faithful translation keeps the
# hedge (exit 0, no changed event), the one without it is reported.
w zh-keep.txt "溢洪道接受审查" "据报道，州长周四下令调查溢洪道。检查人员说，水库可能需要关闭三周。"
w zh-drop.txt "溢洪道接受审查" "州长周四下令调查溢洪道。检查人员说，水库可能需要关闭三周。"
w es-keep.txt "El aliviadero, en revisión" \
  "Al parecer, el gobernador ordenó el jueves una investigación del aliviadero. El embalse podría tener que permanecer cerrado tres semanas, dijeron los inspectores."
w es-drop.txt "El aliviadero, en revisión" \
  "El gobernador ordenó el jueves una investigación del aliviadero. El embalse podría tener que permanecer cerrado tres semanas, dijeron los inspectores."
w de-keep.txt "Überlauf wird geprüft" \
  "Der Gouverneur ordnete am Donnerstag Berichten zufolge eine Untersuchung des Überlaufs an. Der Stausee muss möglicherweise drei Wochen geschlossen bleiben, sagten Inspekteure."
w de-drop.txt "Überlauf wird geprüft" \
  "Der Gouverneur ordnete am Donnerstag eine Untersuchung des Überlaufs an. Der Stausee muss möglicherweise drei Wochen geschlossen bleiben, sagten Inspekteure."
for l in zh es de; do
  cmp_text "M30 $l: the faithful hedge is no difference (exit 0)" 0 \
    '^summary:' "$tmp/en.txt" "$tmp/$l-keep.txt"
  if grep -q 'INVESTIGATE (hedged) → INVESTIGATE' "$tmp/out"; then
    fail "M30 $l: no 'hedge dropped' line on the faithful text"
  else ok "M30 $l: no 'hedge dropped' line on the faithful text"; fi
  cmp_text "M30 $l: the dropped hedge is reported (exit 1)" 1 \
    '^\[~\] changed event .*INVESTIGATE \(hedged\) → INVESTIGATE' \
    "$tmp/en.txt" "$tmp/$l-drop.txt"
done
# the facts: 据传 / "According to reports," hedge the clause after the comma
w zh2.txt "据传，州长下令调查溢洪道。"
run facts --lang=zh "$tmp/zh2.txt"
if grep -Eq $'\tevent\t.*INVESTIGATE.*hedged' "$tmp/out"; then
  ok "L17 zh: 据传， hedges the order"; else fail "L17 zh: 据传， hedges the order"; fi
w en2.txt "According to reports, the governor ordered an investigation of the spillway."
run facts --lang=en "$tmp/en2.txt"
if grep -Eq $'\tevent\t.*INVESTIGATE.*hedged' "$tmp/out"; then
  ok "en: 'According to reports,' hedges the order"
else fail "en: 'According to reports,' hedges the order"; fi

# --- H1 (fresh-user 16), M23: a negation deleted in a translation ----------
# A 1-1 sentence pair of score >= 0.8, one verbal particle inside the
# negated quote of A, no negation word in B, the other facts matched.
w nen.txt "Port authority on the new terminal" \
  "The port authority opened a new terminal on Monday." \
  "Director Helen Marsh said the approval of the terminal did not mean that the port would accept larger ships." \
  "The terminal cost 80 million euros."
w nru.txt "Портовое управление о новом терминале" \
  "Портовое управление открыло новый терминал в понедельник." \
  "Директор Хелен Марш сказала, что одобрение терминала не означает, что порт будет принимать более крупные суда." \
  "Терминал стоил 80 миллионов евро."
sed 's/ не означает/ означает/' "$tmp/nru.txt" > "$tmp/nru-edit.txt"
w nes.txt "La autoridad portuaria y la nueva terminal" \
  "La autoridad portuaria abrió una nueva terminal el lunes." \
  "La directora Helen Marsh dijo que la aprobación de la terminal no significaba que el puerto fuera a aceptar barcos más grandes." \
  "La terminal costó 80 millones de euros."
sed 's/ no significaba/ significaba/' "$tmp/nes.txt" > "$tmp/nes-edit.txt"
for l in ru es; do
  cmp_text "H1 $l: the faithful negation is no difference (exit 0)" 0 \
    '^summary:' "$tmp/nen.txt" "$tmp/n$l.txt"
  cmp_text "H1 $l: the deleted negation is a certain contradiction (exit 1)" 1 \
    '^\[!\] contradicted quote .*Helen Marsh SAY \(claim negated\) → affirmed' \
    "$tmp/nen.txt" "$tmp/n$l-edit.txt"
done
# a negation only the translation holds stays unverified (translations add
# negation words idiomatically): A affirmed, B negated
sed 's/did not mean/meant/' "$tmp/nen.txt" > "$tmp/nen-aff.txt"
cmp_text "H1 ru: a negation added in the translation is not certain (exit 0)" 0 \
  '^summary:' "$tmp/nen-aff.txt" "$tmp/nru.txt"

finish
