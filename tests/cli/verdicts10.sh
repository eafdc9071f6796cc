#!/bin/bash
# Verdict precision, fresh-user test 10 (session 11): contradicted quotes
# of two different claims (H1), changed weekdays of unrelated events (H2),
# a value repeated on one side (M2), a direction flipped (M6) and names
# replaced in a translation (H4). The inputs in data/verdicts10/ are the
# fresh user's minimal repros (their own sentences); the rest are ours.
. "$(dirname "$0")/../support/cli.sh"
d="$(dirname "$0")/data/verdicts10"

# ---- H1: two different quotes, one negated, are no contradiction ----------
cmp_text "two unrelated quotes: no contradiction" 1 \
  'summary: .* 0 contradicted' "$d/q.a.txt" "$d/q.b.txt"
grep -q '\[!\]' "$tmp/out" && fail "a contradiction left" || ok "no [!]"
# the same claim negated is still one
w n.a "Mayor rules out new tax" \
  "The city will raise the harbour tax next year, Mayor Lena Brandt said on Monday." \
  "\"We will rebuild the old bridge before the winter,\" Brandt told reporters."
w n.b "Mayor rules out new tax" \
  "The city will raise the harbour tax next year, Mayor Lena Brandt said on Monday." \
  "\"We will not rebuild the old bridge before the winter,\" Brandt told reporters."
cmp_text "the same quote negated is contradicted" 1 \
  '\[!\] contradicted quote .*Brandt' "$tmp/n.a" "$tmp/n.b"
# two different claims of one speaker in aligned sentences, one negated
w c.b "Mayor rules out new tax" \
  "The city will raise the harbour tax next year, Mayor Lena Brandt said on Monday." \
  "\"Nobody in this town has to fear the cold season,\" Brandt told reporters."
run compare --format=text "$tmp/n.a" "$tmp/c.b"
grep -q '\[!\]' "$tmp/out" && fail "another claim of one speaker contradicted" ||
  ok "another claim of one speaker: no contradiction"

# events of two outlets: "nobody injured" here, "five injured" there
w v.a "Riot in Northgate prison" \
  "A riot broke out in Northgate prison on Sunday, the prison service said." \
  "No guards were injured, officials said."
w v.b "Riot in Northgate prison" \
  "Inmates set fire to mattresses in Northgate prison on Sunday afternoon." \
  "Five other prisoners were injured and taken to hospital, the agency said."
run compare --format=text "$tmp/v.a" "$tmp/v.b"
grep -q '\[!\]' "$tmp/out" && fail "events of two outlets contradicted" ||
  ok "events of two outlets: no contradiction"
# the same sentence edited is still a contradiction
sed 's/No guards were injured/Two guards were injured/' "$tmp/v.a" >"$tmp/v.c"
cmp_text "the same sentence negated: contradicted event" 1 \
  '\[!\] contradicted event .*INJURE' "$tmp/v.a" "$tmp/v.c"

# ---- H2: weekdays of unrelated events are no changed date -----------------
cmp_text "weekdays of two events: omitted and added" 1 \
  '\[-\] omitted date .*wednesday' "$d/wd.a.txt" "$d/wd.b.txt"
grep -q 'changed date' "$tmp/out" && fail "changed date left" ||
  ok "no changed date"
grep -q '\[+\] added date .*tuesday' "$tmp/out" && ok "tuesday added" ||
  fail "tuesday not added"
# the same event on another day is still a change
w e.a "Storm hits coast" \
  "The storm reached the coast on Monday, the weather service said." \
  "The mayor visited the flooded streets on Wednesday."
w e.b "Storm hits coast" \
  "The storm reached the coast on Monday, the weather service said." \
  "The mayor visited the flooded streets on Thursday."
cmp_text "one event, another weekday: changed" 1 \
  '\[~\] changed date .*wednesday → thursday' "$tmp/e.a" "$tmp/e.b"

# ---- M2: a value told more often on one side is stated by both ------------
cmp_text "2020 three times in B, once in A: not added" 1 \
  'summary: ' "$d/rep.a.txt" "$d/rep.b.txt"
grep -q 'added date .*2020' "$tmp/out" && fail "2020 added" ||
  ok "2020 not added"
w r.a "Flood leaves 14 injured" \
  "A flood in Dravnik left 14 people injured on Monday, police said." \
  "The 14 injured were taken to hospital."
w r.b "Flood leaves 14 injured" \
  "A flood in Dravnik left 14 people injured on Monday, police said." \
  "The injured were taken to hospital."
cmp_text "14 twice in A, once in B: not omitted" 0 \
  'summary: .* 0 omitted' "$tmp/r.a" "$tmp/r.b"

# ---- M6: "fell 8 percent" -> "rose 8 percent" is one direction ------------
w p.a "Shares of Nordline" \
  "The ferry operator Nordline cancelled 20 crossings on Tuesday." \
  "The company's shares fell 8 percent in Helsinki trading."
sed 's/shares fell 8/shares rose 8/' "$tmp/p.a" >"$tmp/p.b"
cmp_text "fell -> rose: one contradicted direction" 1 \
  '\[!\] contradicted event .*DECREASE → INCREASE' "$tmp/p.a" "$tmp/p.b"
grep -Eq '\[[-+]\] (omitted|added) event' "$tmp/out" &&
  fail "omitted/added event left" || ok "no omitted/added event"

# ---- H4: a name replaced in a Latin-script translation ---------------------
w t.en "Ferry fire near Tallinn" \
  "A fire broke out on a ferry near Tallinn on Tuesday, injuring 14 passengers, police said." \
  "The interior minister, Lauri Laanemets, said the government would review the safety rules." \
  "\"We will not allow this to happen again,\" Laanemets said in a statement."
w t.de "Fährbrand vor Tallinn" \
  "Auf einer Fähre vor Tallinn brach am Dienstag ein Feuer aus, 14 Passagiere wurden verletzt, teilte die Polizei mit." \
  "Innenminister Lauri Laanemets sagte, die Regierung werde die Sicherheitsregeln überprüfen." \
  "\"Wir werden nicht zulassen, dass so etwas noch einmal passiert\", sagte Laanemets in einer Erklärung."
sed 's/Lauri Laanemets/Kristen Michal/; s/sagte Laanemets/sagte Michal/' \
  "$tmp/t.de" >"$tmp/t.de2"
cmp_text "de faithful: no difference" 0 'summary: .* 0 changed' \
  "$tmp/t.en" "$tmp/t.de"
cmp_text "de minister renamed: changed entity" 1 \
  '\[~\] changed entity .*Lauri Laanemets → Kristen Michal' \
  "$tmp/t.en" "$tmp/t.de2"
grep -q '\[~\] changed quote .*Laanemets SAY → Kristen Michal SAY' "$tmp/out" &&
  ok "the quote's speaker changed with it" || fail "quote not changed"
# an inflected name (pl "Laanemetsa") is the same person, not a rename
w t.pl "Pożar promu koło Tallina" \
  "Na promie koło Tallina wybuchł we wtorek pożar, rannych zostało 14 pasażerów, podała policja." \
  "Minister spraw wewnętrznych Lauri Laanemets powiedział, że rząd przejrzy przepisy." \
  "\"Nie pozwolimy, aby to się powtórzyło\" – powiedział Laanemets w oświadczeniu."
cmp_text "pl faithful: no changed entity" 0 'summary: ' "$tmp/t.en" "$tmp/t.pl"
grep -q 'changed entity' "$tmp/out" && fail "changed entity on pl" ||
  ok "pl: no changed entity"

finish
