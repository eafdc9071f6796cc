#!/bin/bash
# False certain lines on real same-story pairs (session 20, fresh-user 19
# H6, M7, M9, L1): the inputs are our own sentences.
. "$(dirname "$0")/../support/cli.sh"

# ---- M7: a title on one side only is no changed entity ---------------------
w t.a "Flood defences to be rebuilt" \
  "Interior Minister Clara Voss said the river walls at Marnton would be rebuilt by June."
w t.b "Flood defences to be rebuilt" \
  "Clara Voss said the river walls at Marnton would be rebuilt by June."
cmp_text "a title left out is no changed entity" 0 'summary: .* 0 changed' \
  "$tmp/t.a" "$tmp/t.b"
# a title changed is still a change (fresh-user M3)
w t.c "Flood defences to be rebuilt" \
  "Justice Minister Clara Voss said the river walls at Marnton would be rebuilt by June."
cmp_text "a title changed is a changed entity" 1 \
  '\[~\] changed entity .*Clara Voss' "$tmp/t.a" "$tmp/t.c"

# ---- M7/L1: "the General Staff" is no title of the name before it ----------
w g.a "Shelling in the north" \
  "On Friday, soldiers shelled farms near Korvala, the General Staff said."
run facts --format=json "$tmp/g.a"
python3 - "$tmp/out" <<'PY' && ok "General Staff: no role, no 'Staff', an attack" || fail "General Staff"
import json, sys
d = json.load(open(sys.argv[1]))
ents = [f for f in d["facts"] if f["type"] == "entity"]
k = [f for f in ents if f["value"]["name"] == "Korvala"]
assert k and k[0]["value"]["roles"] == [] and k[0]["value"]["kind"] != "person", k
assert not [f for f in ents if f["value"]["name"] == "Staff"], ents
PY
w g.b "Shelling in the north" \
  "The General Staff said soldiers shelled farms near Korvala on Friday."
cmp_text "General Staff paraphrase: no change" 0 'summary: .* 0 changed' \
  "$tmp/g.a" "$tmp/g.b"
w g.c "Attack in the north" \
  "Soldiers attacked a village near Korvala, the General Staff said."
run facts "$tmp/g.c"
grep -q 'ATTACK' "$tmp/out" && ! grep -q 'STRIKE_WORK' "$tmp/out" &&
  ok "an attack quoted from the General Staff stays an attack" ||
  fail "General Staff makes a labour strike"

# ---- M9: Indian numbering, "Rs" is no name, "No. 5" is a label -------------
w n.a "Canal works" \
  "The state paid Rs 3 crore to the canal builders and Rs 25 lakh to the village of Amberpur."
run facts "$tmp/n.a"
grep -q 'quantity|INR|30000000' "$tmp/out" && grep -q 'quantity|INR|2500000' "$tmp/out" &&
  ok "crore and lakh multiply" || fail "crore/lakh"
grep -q 'entity|rs' "$tmp/out" && fail "Rs read as a name" || ok "Rs is no name"
w n.b "Canal works" \
  "The state paid Rs 25 lakh to the canal builders and Rs 25 lakh to the village of Amberpur."
cmp_text "Rs 3 crore -> Rs 25 lakh is a changed amount" 1 \
  '\[~\] changed quantity .*30000000|\[~\] changed quantity .*3 crore' "$tmp/n.a" "$tmp/n.b"
w r.a "Weekend football" "No. 4 Carrow beat No. 9 Holmby 28-17 on Saturday."
run facts "$tmp/r.a"
grep -q 'negated' "$tmp/out" && fail "No. 4 read as a negation" || ok "No. 4 is no negation"
grep -Eq 'quantity\|\|(4|9)\b' "$tmp/out" && fail "No. 4 read as a count" || ok "No. 4 is a label"
w r.b "Umowa" "Zgodnie z art. 12 ust. 3 ustawy 40 gmin dostanie pieniądze."
run facts "$tmp/r.b"
grep -q 'quantity||40' "$tmp/out" && ! grep -Eq 'quantity\|\|(12|3)\b' "$tmp/out" &&
  ok "pl art. / ust. numbers are labels" || fail "pl art. / ust."

# ---- H6: photo credits are no names or speakers ----------------------------
w p.a "Most zamknięty" \
  "Zdjęcie Most nad rzeką /Anna Nowak /Foto News Rada Miasta ogłosiła w piątek, że most zostanie zamknięty."
run facts "$tmp/p.a"
grep -Eq 'entity.*"(Anna Nowak|Foto News.*|Zdjęcie.*)"' "$tmp/out" &&
  fail "photo credit read as a name" || ok "photo credit is no name"
grep -q '"Rada Miasta"' "$tmp/out" && ok "the subject after the credit is its own name" ||
  fail "subject after the credit"

# ---- H6: a headline glued to the lead: its negation is no claim of the lead --
w h.a "Harbour plan approved. Court statement The court will hear appeals against the harbour plan once the council publishes the final vote in the town gazette."
w h.b "Harbour plan approved. Court says harbour plan cannot be appealed yet The court will hear appeals against the harbour plan once the council publishes the final vote in the town gazette."
cmp_text "a glued headline's negation contradicts nothing" 0 \
  'summary: .* 0 contradicted' "$tmp/h.a" "$tmp/h.b"
w h.c "Harbour plan approved. The court will hear appeals against the harbour plan once the council publishes the final vote in the town gazette."
w h.d "Harbour plan approved. The court will not hear appeals against the harbour plan once the council publishes the final vote in the town gazette."
run compare --format=text "$tmp/h.c" "$tmp/h.d"
[ "$st" -eq 1 ] && ok "a negation put into the shared wording still counts" ||
  fail "negation edit lost (status $st)"

# ---- L1: a coach's title is a role, not part of the name --------------------
w c.a "Cup final" "Coach Dana Whitlow said the team would travel to Carrow on Friday."
run facts --format=json "$tmp/c.a"
python3 - "$tmp/out" <<'PY' && ok "Coach is a role" || fail "Coach in the name"
import json, sys
d = json.load(open(sys.argv[1]))
e = [f["value"] for f in d["facts"] if f["type"] == "entity" and f["value"]["kind"] == "person"]
assert e and e[0]["name"] == "Dana Whitlow" and e[0]["roles"] == ["coach"], e
PY

# ---- H6: a "renamed" acronym that the other side writes too is not sure ---
w i.a "Forest officer held in bribery case" \
  "MARNTON: Police on Monday arrested a senior State Forest Service (SFS) officer, the deputy inspector general (DIG) of the western unit, in a bribery case."
w i.b "Forest officer held in bribery case" \
  "MARNTON: Police on Monday arrested the DIG of the western unit of the forest department in a bribery case."
cmp_text "SFS -> DIG, DIG written on both sides: unverified" 0 \
  '\[\?\] unverified changed entity .*SFS → DIG' "$tmp/i.a" "$tmp/i.b"
w i.c "Forest officer held in bribery case" \
  "MARNTON: Police on Monday arrested a senior State Forest Service (SFS) officer in a bribery case."
w i.d "Forest officer held in bribery case" \
  "MARNTON: Police on Monday arrested a senior State Revenue Board (SRB) officer in a bribery case."
cmp_text "SFS -> SRB, each written on one side: changed" 1 \
  '\[~\] changed entity .*SFS → SRB' "$tmp/i.c" "$tmp/i.d"

# ---- H6: "54-year-old" is an age, as "54 years old", no count of years ---
w y.a "Mayor resigns" "The 61-year-old mayor of Carrow resigned on Monday."
run facts --format=json "$tmp/y.a"
python3 - "$tmp/out" <<'PY' && ok "N-year-old is an age" || fail "N-year-old"
import json, sys
d = json.load(open(sys.argv[1]))
q = [f["value"] for f in d["facts"] if f["type"] == "quantity"]
assert q and q[0]["number"] == 61 and q[0]["unit"] == "year_of_age", q
PY
w y.b "Mayor resigns" "The mayor of Carrow, who led the town for 25 years, resigned on Monday."
cmp_text "an age and a count of years are no changed value" 1 \
  'summary: .* 0 changed' "$tmp/y.a" "$tmp/y.b"

finish
