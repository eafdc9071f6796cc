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

finish
