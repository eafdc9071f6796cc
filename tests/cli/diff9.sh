#!/bin/bash
# Diff findings of the fresh-user tests 8 and 8b (session 9): numbers
# swapped inside one sentence, scores, counts of two events swapped, a
# sentence merged into a distant one, and edits planted in translations.
# The inputs are our own sentences.
. "$(dirname "$0")/../support/cli.sh"

# ---- 1. numbers swapped inside one sentence (fresh8 H1) -------------------
w sw.a "Prices and results" \
  "Bread prices rose from 40 cents to 60 cents in a year, the statistics office said on Friday." \
  "Carrow City beat Holmby 3-1 on Saturday." \
  "The bill passed by 212 votes to 198 in parliament."
w sw.b "Prices and results" \
  "Bread prices rose from 60 cents to 40 cents in a year, the statistics office said on Friday." \
  "Carrow City beat Holmby 3-1 on Saturday." \
  "The bill passed by 212 votes to 198 in parliament."
w sw.d "Prices and results" \
  "Bread prices rose from 40 cents to 60 cents in a year, the statistics office said on Friday." \
  "Carrow City beat Holmby 3-1 on Saturday." \
  "The bill passed by 198 votes to 212 in parliament."
cmp_text "from 40 to 60 -> from 60 to 40 is a change" 1 \
  '\[~\] changed quantity .*40 → 60 .*"from 40 cents to 60" → "from 60 cents to 40"' \
  "$tmp/sw.a" "$tmp/sw.b"
grep -q '60 → 40' "$tmp/out" && ok "the other value too" || fail "60 -> 40 missing"
cmp_text "212 votes to 198 -> 198 votes to 212" 1 \
  '\[~\] changed quantity .*212 → 198' "$tmp/sw.a" "$tmp/sw.d"
w v.a "Council rejects new stadium plan" \
  "The city council voted 7 to 4 on Tuesday against a plan for a new football stadium in Carrow."
w v.b "Council rejects new stadium plan" \
  "The city council voted 4 to 7 on Tuesday against a plan for a new football stadium in Carrow."
cmp_text "voted 7 to 4 -> 4 to 7" 1 '\[~\] changed quantity .*7 → 4' \
  "$tmp/v.a" "$tmp/v.b"
# the same values in the same roles, the sentence reworded: no change
w sw.e "Prices and results" \
  "In a year, bread prices rose from 40 cents to 60 cents, the statistics office said on Friday." \
  "Carrow City beat Holmby 3-1 on Saturday." \
  "The bill passed by 212 votes to 198 in parliament."
cmp_text "the same roles reworded: no change" 0 'summary: .* 0 changed' \
  "$tmp/sw.a" "$tmp/sw.e"

# ---- 2. scores and swapped counts of two events (fresh8b L1) --------------
w s.a "Kelton wins the derby" \
  "Kelton beat Oranby 2-1 on Saturday in front of 18,000 fans."
w s.b "Kelton wins the derby" \
  "Kelton beat Oranby 1-2 on Saturday in front of 18,000 fans."
w s.c "Kelton wins the derby" \
  "Kelton beat Oranby 2-0 on Saturday in front of 18,000 fans."
cmp_text "score 2-1 -> 2-0 is one change" 1 '\[~\] changed quantity .*2-1 → 2-0' \
  "$tmp/s.a" "$tmp/s.c"
grep -q '\[[-+]\]' "$tmp/out" && fail "score: omitted/added left" || ok "score: no omitted/added"
cmp_text "score 2-1 -> 1-2 is one change" 1 '\[~\] changed quantity .*2-1 → 1-2' \
  "$tmp/s.a" "$tmp/s.b"
w k.a "Bus crash on coast road kills 5, injures 12" \
  "A bus carrying tourists left the coast road near Kelton on Sunday. Five passengers died and twelve were injured, police said."
w k.b "Bus crash on coast road kills 12, injures 5" \
  "A bus carrying tourists left the coast road near Kelton on Sunday. Five passengers died and twelve were injured, police said."
w k.c "Bus crash on coast road kills 5, injures 12" \
  "A bus carrying tourists left the coast road near Kelton on Sunday. Twelve passengers died and five were injured, police said."
cmp_text "kills 5, injures 12 -> kills 12, injures 5" 1 \
  '\[~\] changed quantity .*5 → 12 \(KILL\)' "$tmp/k.a" "$tmp/k.b"
grep -q '12 → 5 (INJURE)' "$tmp/out" && ok "headline: injured changed too" || fail "12 -> 5 INJURE missing"
grep -q '\[[-+]\]' "$tmp/out" && fail "headline swap: omitted/added left" || ok "headline swap: no omitted/added"
cmp_text "five died, twelve injured -> swapped" 1 \
  '\[~\] changed quantity .*5 → 12 \(person, KILL\)' "$tmp/k.a" "$tmp/k.c"

# ---- 3. a sentence merged into a distant sentence (fresh8 M1) -------------
w m.a "Chemical fire at Bellmoor port forces evacuation of residents" \
  "BELLMOOR — A fire broke out at a chemical warehouse in the port of Bellmoor early on Tuesday, forcing the evacuation of 2,300 residents." \
  "Two workers were taken to hospital with burns. A third worker is still missing." \
  "Mayor Daniel Ostrow ordered all schools in the district to stay closed on Wednesday." \
  "The port was hit by a similar fire in 2019, when an inquiry found that sprinklers did not work." \
  "Police have opened an investigation into the cause of the fire."
w m.b "Chemical fire at Bellmoor port forces evacuation of residents" \
  "Police have opened an investigation into what caused the fire, which broke out at a chemical warehouse in the port of Bellmoor early on Tuesday and forced 2,300 residents from their homes." \
  "Two workers were taken to hospital with burns. A third worker is still missing." \
  "Mayor Daniel Ostrow ordered all schools in the district to stay closed on Wednesday."
sed 's/2,300 residents from/2,800 residents from/' "$tmp/m.b" >"$tmp/m.c"
cmp_text "merged last sentence: its investigation is in B's lead" 1 \
  'omitted event .*INVESTIGATE "inquiry"' "$tmp/m.a" "$tmp/m.b"
grep -q 'INVESTIGATE "investigation"' "$tmp/out" && fail "investigation still omitted" || ok "investigation not omitted"
cmp_text "merged sentence: 2,300 -> 2,800 is one change" 1 \
  '\[~\] changed quantity .*2300 → 2800' "$tmp/m.a" "$tmp/m.c"
grep -q '\[+\] added quantity' "$tmp/out" && fail "2800 still added" || ok "2800 not added"
# a fact told twice in A and dropped once stays omitted
w m.d "Chemical fire at Bellmoor port forces evacuation of residents" \
  "BELLMOOR — A fire broke out at a chemical warehouse in the port of Bellmoor early on Tuesday, forcing the evacuation of 2,300 residents." \
  "Two workers were taken to hospital with burns. A third worker is still missing." \
  "Officials said later that 2,300 residents had been moved out of the port district."
w m.e "Chemical fire at Bellmoor port forces evacuation of residents" \
  "BELLMOOR — A fire broke out at a chemical warehouse in the port of Bellmoor early on Tuesday, forcing the evacuation of 2,300 residents." \
  "Two workers were taken to hospital with burns. A third worker is still missing."
cmp_text "a repeated fact dropped once stays omitted" 1 \
  '\[-\] omitted quantity .*2300' "$tmp/m.d" "$tmp/m.e"

finish
