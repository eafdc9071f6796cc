#!/usr/bin/env bash
# Session 9 claims fixes of the fresh-user reports (fresh8, fresh8b), end to
# end. All inputs are written here.
#  1  cs negates a verb with the prefix "ne-" ("nenavštíví", "nepodepsal"),
#     read on verbs of the event lexicon only ("nebezpečí" stays a noun);
#  2  the evidential conditional of fr/es/it ("aurait démissionné",
#     "habría dimitido", "avrebbe rassegnato") is a hedge, also across
#     languages;
#  3  `check`: reported "would" is backshift, not a hedge; "had no plans"
#     vs "plans"; "died" vs "still alive"; es "no asistirá a la cumbre";
#     a headline count against the body after a sentence ending in a
#     capitalised word; a weekday that does not fit its full date;
#  4  `check` prints words and the two sentences, not fact keys; JSON adds
#     quote_a/quote_b, sentence_a/sentence_b and text;
#  5  paraphrased events ("walked out", "shut", "collided") are the same
#     events as "strike", "closes", "crashed".
. "$(dirname "$0")/../support/cli.sh"

# --- 1: Czech prefix negation ------------------------------------------
w visit.cs.txt "Návštěva premiéra" \
  "Premiér Tomas Weller navštíví místo neštěstí ve středu."
w visit-neg.cs.txt "Návštěva premiéra" \
  "Premiér Tomas Weller nenavštíví místo neštěstí ve středu."
run facts --lang=cs "$tmp/visit-neg.cs.txt"
if grep -Eq 'event\|\|TRAVEL\|.*negated.*"nenavštíví"' "$tmp/out"; then
  ok "cs: nenavštíví is a negated TRAVEL"
else fail "cs: nenavštíví is a negated TRAVEL"; fi
cmp_text "cs: navštíví -> nenavštíví is a contradiction" 1 \
  '^\[!\] contradicted event .*TRAVEL' "$tmp/visit.cs.txt" "$tmp/visit-neg.cs.txt"
w danger.cs.txt "Povodně" \
  "Nebezpečí povodní trvá a ministr smlouvu nepodepsal."
run facts --lang=cs "$tmp/danger.cs.txt"
if grep -Eq 'SIGN\|.*negated' "$tmp/out" && ! grep -q '"Nebezpečí"' "$tmp/out"; then
  ok "cs: nepodepsal negated, nebezpečí no event"
else fail "cs: nepodepsal negated, nebezpečí no event"; fi

# --- 2: evidential conditional ------------------------------------------
w port.en.txt "Port chief resigns" \
  "The head of the port authority, Karl Stein, resigned on Monday after a ferry ran aground."
w port.fr.txt "Le chef du port démissionne" \
  "Le directeur de l'autorité portuaire, Karl Stein, aurait démissionné lundi après l'échouement d'un ferry."
cmp_text "fr: aurait démissionné is a hedge added in translation" 1 \
  '^\[~\] changed event .*RESIGN.*hedged' "$tmp/port.en.txt" "$tmp/port.fr.txt"
w port.es.txt "El jefe del puerto dimite" \
  "El director de la autoridad portuaria, Karl Stein, habría dimitido el lunes tras encallar un ferry."
run facts --lang=es "$tmp/port.es.txt"
if grep -Eq 'RESIGN\|.*hedged' "$tmp/out"; then ok "es: habría dimitido is hedged"
else fail "es: habría dimitido is hedged"; fi

# --- 3: check ------------------------------------------------------------
w jobs.txt "Airline cuts jobs" \
  "Skyway Air will cut 900 jobs this year, the company said on Monday." \
  "The chief executive told staff in a letter that the airline would cut 1,400 jobs this year." \
  "The board said the company had no plans to sell its repair unit. The airline plans to sell its repair unit, the chief executive told investors."
chk "reported would: 900 vs 1,400 jobs" 1 '"cut 900 jobs" vs s2 "cut 1,400 jobs"' "$tmp/jobs.txt"
chk "no plans to sell vs plans to sell" 1 '"sell" \(no plan\) vs s[0-9]+ "sell" \(planned\)' "$tmp/jobs.txt"
w alive.txt "Former judge Paul Ferro dies at 88" \
  "Paul Ferro, who sat on the bench for thirty years, died on Tuesday at the age of 88." \
  "Ferro, who is still alive, gave a talk at the library last week, according to neighbours."
chk "died vs still alive" 1 '"died" \(affirmed\) vs s2 "still alive" \(denied\)' "$tmp/alive.txt"
w summit.es.txt "La ministra asistirá a la cumbre" \
  "La ministra Clara Ibarra asistirá a la cumbre del agua en Lisboa la próxima semana, informó su oficina." \
  "Más tarde, un portavoz confirmó que Ibarra no asistirá a la cumbre de Lisboa."
chk "es: asistirá vs no asistirá a la cumbre" 1 '\(affirmed\) vs s2 .*\(denied\)' "$tmp/summit.es.txt"
w bus.txt "Coach crash kills 9, injures 4" \
  "A coach left the mountain road near Varn on Friday. Four passengers died and nine were injured, police said."
chk "headline count vs body after 'on Friday.'" 1 '"kills 9" vs s2 "Four passengers died"' "$tmp/bus.txt"
w storm.txt "Storm hits harbour" \
  "A storm hit the harbour on Sunday, 8 March 2025, sinking 40 boats."
chk "weekday that does not fit the date" 1 '2025-03-08 was a Saturday, not a Sunday' "$tmp/storm.txt"
w storm2.txt "Storm hits harbour" \
  "A storm hit the harbour on Saturday, 8 March 2025, sinking 40 boats." \
  "The ferry was alive with music on Friday. A survivor was found alive but died later in hospital."
run check "$tmp/storm2.txt"
if [ "$st" -eq 0 ]; then ok "no alarm: right weekday"; else fail "no alarm: right weekday"; fi

# --- 4: check output in words --------------------------------------------
run check "$tmp/jobs.txt"
if ! grep -Eq 'event\||quantity\||DECREASE|TRADE' "$tmp/out" &&
   grep -Eq '^    s1: "Skyway Air will cut 900 jobs' "$tmp/out"; then
  ok "check text: no keys, sentences quoted"
else fail "check text: no keys, sentences quoted"; fi
run check --format=json "$tmp/jobs.txt"
if python3 - "$tmp/out" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
c = d["contradictions"][0]
assert c["a"] and c["b"] and c["detail"]
assert c["sentence_a"] == 1 and c["sentence_b"] == 2
assert c["quote_a"].startswith("Skyway Air will cut 900 jobs")
assert "1,400 jobs" in c["text"]
EOF
then ok "check json: additive fields"; else fail "check json: additive fields"; fi

# --- 5: paraphrased events -----------------------------------------------
w para.a.txt "Nurses strike closes 12 clinics" \
  "About 900 nurses went on strike in Elmfield on Tuesday, closing 12 clinics." \
  "Two vans collided near the hospital gate."
w para.b.txt "12 clinics shut as nurses walk out" \
  "Roughly 900 nurses in Elmfield walked out on Tuesday, and 12 clinics were closed." \
  "Two vans crashed into each other near the hospital gate."
run compare --format=text "$tmp/para.a.txt" "$tmp/para.b.txt"
if ! grep -Eq '^\[[-+]\] (omitted|added) event' "$tmp/out"; then
  ok "walked out / shut / crashed are the same events"
else fail "walked out / shut / crashed are the same events"; fi
run facts "$tmp/para.b.txt"
w walk.txt "Talks" "The union walked out of the talks on Monday."
run facts "$tmp/walk.txt"
if ! grep -q 'STRIKE_WORK' "$tmp/out"; then ok "walked out of the talks is no strike"
else fail "walked out of the talks is no strike"; fi

finish
