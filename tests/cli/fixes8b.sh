#!/usr/bin/env bash
# Session 8 FIXES-B (fresh-user findings M4, L7): faithful translations
# into languages without a pack (nl, pt-PT, sv) and Italian give no false
# difference: the currency noun "pond" / "libras" / "pund" is GBP through
# ICU's currency names, pt-PT "Dezassete" is 17 (ICU's pt_PT spellout
# rules), it "quarant'anni" is 40 years (an elided number word); a real
# change in such a translation is still reported.
. "$(dirname "$0")/../support/cli.sh"

w en.txt "The council released 8 million pounds for repairs after the flood in Ambleford." \
  "Seventeen people died in the flood, the worst in forty years, the mayor said."
w nl.txt "De gemeente gaf 8 miljoen pond vrij voor herstel na de overstroming in Ambleford." \
  "Zeventien mensen kwamen om bij de overstroming, de ergste in veertig jaar, zei de burgemeester."
w pt.txt "A câmara libertou 8 milhões de libras para reparações após a cheia em Ambleford." \
  "Dezassete pessoas morreram na cheia, a pior em quarenta anos, disse o presidente da câmara."
w sv.txt "Kommunen frigjorde 8 miljoner pund för reparationer efter översvämningen i Ambleford." \
  "Sjutton personer dog i översvämningen, den värsta på fyrtio år, sade borgmästaren."
w it.txt "Il comune ha stanziato 8 milioni di sterline per le riparazioni dopo l'alluvione di Ambleford." \
  "Diciassette persone sono morte nell'alluvione, la peggiore degli ultimi quarant'anni, ha detto il sindaco."

none="0 changed, 0 contradicted, 0 added, 0 omitted"
# (short texts: the language is given, identification is not tested here)
for l in nl pt sv it; do
  run compare --format=text --lang-b="$l" "$tmp/en.txt" "$tmp/$l.txt"
  if [ "$st" -eq 0 ] && grep -q "$none" "$tmp/out"; then
    ok "faithful $l translation: no certain difference, exit 0"
  else fail "faithful $l translation (status $st)"; fi
done
run facts --lang=nl "$tmp/nl.txt"
if grep -q 'quantity|GBP|8000000' "$tmp/out"; then ok "nl 8 miljoen pond = 8000000 GBP"
else fail "nl 8 miljoen pond"; fi
run facts --lang=pt "$tmp/pt.txt"
if grep -q 'quantity|GBP|8000000' "$tmp/out" && grep -Eq 'quantity\|[a-z]*\|?17"?' "$tmp/out"; then
  ok "pt 8 milhões de libras = 8000000 GBP, Dezassete = 17"
else fail "pt libras / Dezassete"; fi
run facts --lang=it "$tmp/it.txt"
if grep -q 'quantity||40.*"quarant'"'"'anni"' "$tmp/out"; then
  ok "it quarant'anni = 40 years"
else fail "it quarant'anni"; fi

# a real change in the translation is still a difference
sed 's/8 miljoen pond/8 miljoen euro/' "$tmp/nl.txt" >"$tmp/nl-eur.txt"
cmp_text "nl pond -> euro: changed, exit 1" 1 "8000000 GBP → 8000000 EUR" \
  "$tmp/en.txt" "$tmp/nl-eur.txt"
sed 's/Dezassete/Dezanove/' "$tmp/pt.txt" >"$tmp/pt19.txt"
run compare --format=text --lang-b=pt "$tmp/en.txt" "$tmp/pt19.txt"
if [ "$st" -eq 1 ] && grep -Eq "(omitted|changed) quantity.*: 17 " "$tmp/out" &&
   grep -q "19" "$tmp/out"; then
  ok "pt Dezassete -> Dezanove: 17 and 19 reported, exit 1"
else fail "pt Dezassete -> Dezanove (status $st)"; fi

# L7: fact ids index the side's whole fact set (the facts array, every
# mention); summary facts_a/facts_b count the units of the diff (an entity
# once per key), = the diff entries with a / b set, so ids can exceed them
w rep.a.txt "Mayor Lena Ostrova opened the Ambleford bridge on Monday." \
  "Ostrova said the Ambleford bridge cost 12 million euros. Ostrova thanked Ambleford."
w rep.b.txt "Mayor Lena Ostrova opened the Ambleford bridge on Monday." \
  "Ostrova said the Ambleford bridge cost 14 million euros. Ostrova thanked Ambleford."
run compare --format=json "$tmp/rep.a.txt" "$tmp/rep.b.txt"
if [ "$st" -eq 1 ] && python3 - "$tmp/out" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
s = r["summary"]
for side in "ab":
    ids = [int(f["id"].split(":f")[1]) for f in r["facts"] if f["side"] == side]
    assert ids == list(range(len(ids))), ids
    units = [d[side] for d in r["diff"] if d[side] is not None]
    assert len(units) == len(set(units)) == s["facts_" + side], (units, s)
    assert s["facts_" + side] < len(ids), (s, len(ids))
PY
then ok "fact ids index the facts array; facts_a/b = diff units (fewer)"
else fail "fact ids vs summary counts (status $st)"; fi

finish
