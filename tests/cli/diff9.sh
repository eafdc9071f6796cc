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

# counted things that traded values, across languages
w c.en "Storm hits the coast" \
  "The storm injured 5 people and damaged 12 cars on Sunday, police said." \
  "Power was cut in the town of Kelton for six hours."
w c.de "Sturm trifft die Küste" \
  "Der Sturm verletzte am Sonntag 12 Menschen und beschädigte 5 Autos, teilte die Polizei mit." \
  "In der Stadt Kelton fiel für sechs Stunden der Strom aus."
w c.de0 "Sturm trifft die Küste" \
  "Der Sturm verletzte am Sonntag 5 Menschen und beschädigte 12 Autos, teilte die Polizei mit." \
  "In der Stadt Kelton fiel für sechs Stunden der Strom aus."
cmp_text "de: 5 people, 12 cars -> 12 people, 5 cars" 1 \
  '\[~\] changed quantity .*5 → 12 \(person' "$tmp/c.en" "$tmp/c.de"
cmp_text "de faithful: no change" 0 'summary: .* 0 changed' "$tmp/c.en" "$tmp/c.de0"

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

# ---- 4. edits planted in translations (fresh8 H2) -------------------------
w t.en "Bridge collapse in Dravnik kills 6" \
  "Six people were killed when a road bridge collapsed in the town of Dravnik on Monday, October 6, 2025." \
  "About 40 cars were on the bridge at the time. Rescuers pulled 23 people from the river." \
  "\"The bridge was inspected last year and it was declared safe,\" said transport minister Helena Korr." \
  "The prime minister, Tomas Weller, will visit the site on Wednesday."
pl() { w "$1" "Zawalenie mostu w Dravniku: 6 ofiar" \
  "Sześć osób zginęło, gdy w poniedziałek, 6 października 2025 roku, zawalił się most drogowy w miejscowości Dravnik." \
  "W chwili katastrofy na moście znajdowało się około 40 samochodów. Ratownicy wyciągnęli z rzeki 23 osoby." \
  "„Most został skontrolowany w zeszłym roku i uznano go za bezpieczny” – powiedziała minister transportu Helena $2." \
  "Premier Tomas Weller $3 miejsce katastrofy w środę."; }
pl t.pl Korr odwiedzi
pl t.pl.name Marek odwiedzi
pl t.pl.neg Korr "nie odwiedzi"
cmp_text "pl faithful: no difference" 0 'summary: .* 0 changed, 0 contradicted' "$tmp/t.en" "$tmp/t.pl"
cmp_text "pl: Korr -> Marek is a changed entity" 1 \
  '\[~\] changed entity .*Helena Korr → Helena Marek' "$tmp/t.en" "$tmp/t.pl.name"
grep -q '\[~\] changed quote .*Helena Korr SAY → Helena Marek SAY' "$tmp/out" && ok "pl: the quote's speaker changed with it" || fail "pl: quote speaker"
cmp_text "pl: 'nie odwiedzi' contradicts 'will visit'" 1 \
  '\[!\] contradicted event .*TRAVEL → negated' "$tmp/t.en" "$tmp/t.pl.neg"
it() { w "$1" "Crollo di un ponte a Dravnik: 6 morti" \
  "Sei persone sono morte quando un ponte stradale è crollato nella città di Dravnik lunedì 6 ottobre 2025." \
  "Al momento del crollo sul ponte c'erano circa 40 auto. I soccorritori hanno estratto 23 persone dal fiume." \
  "«Il ponte è stato ispezionato l'anno scorso ed era stato dichiarato sicuro», ha detto la ministra dei trasporti Helena Korr." \
  "Il primo ministro, Tomas Weller, $2 il luogo mercoledì."; }
it t.it visiterà
it t.it.neg "non visiterà"
cmp_text "it faithful: no difference" 0 'summary: .* 0 changed, 0 contradicted' "$tmp/t.en" "$tmp/t.it"
cmp_text "it: 'non visiterà' contradicts 'will visit'" 1 \
  '\[!\] contradicted event .*TRAVEL → negated' "$tmp/t.en" "$tmp/t.it.neg"
cs() { w "$1" "Zřícení mostu v Dravniku si vyžádalo 6 obětí" \
  "Šest lidí zahynulo, když se v pondělí 6. října 2025 zřítil silniční most ve městě Dravnik." \
  "Na mostě bylo v té době asi 40 aut. Záchranáři vytáhli z řeky 23 lidí." \
  "„Most byl loni zkontrolován a byl prohlášen za bezpečný,“ řekla ministryně dopravy Helena Korr." \
  "Premiér Tomas Weller $2 místo ve středu."; }
cs t.cs navštíví
cs t.cs.neg nenavštíví
cmp_text "cs faithful: no difference" 0 'summary: .* 0 changed, 0 contradicted' "$tmp/t.en" "$tmp/t.cs"
cmp_text "cs: 'nenavštíví' contradicts 'will visit'" 1 \
  '\[!\] contradicted event .*TRAVEL → negated' "$tmp/t.en" "$tmp/t.cs.neg"
ja() { w "$1" "ドラヴニクで橋が崩落、6人死亡" \
  "2025年10月6日月曜日、ドラヴニクの町で道路橋が崩落し、6人が死亡した。" \
  "当時、橋の上には約40台の車があった。救助隊は川から23人を救出した。" \
  "「橋は昨年点検を受け、安全だと判断されていた」と、ヘレナ・$2運輸相は述べた。" \
  "トマス・ウェラー首相は水曜日に現場を訪れる予定だ。"; }
ja t.ja コル
ja t.ja.name マレク
cmp_text "ja faithful: no difference (Weller / ウェラー is no rename)" 0 \
  'summary: .* 0 changed, 0 contradicted' "$tmp/t.en" "$tmp/t.ja"
cmp_text "ja: Korr -> マレク is a changed entity" 1 \
  '\[~\] changed entity .*Helena Korr → ヘレナ・マレク' "$tmp/t.en" "$tmp/t.ja.name"
hi() { w "$1" "द्राव्निक में पुल ढहने से 6 लोगों की मौत" \
  "सोमवार, 6 अक्टूबर 2025 को द्राव्निक शहर में एक सड़क पुल ढह जाने से छह लोगों की मौत हो गई।" \
  "उस समय पुल पर लगभग 40 कारें थीं। बचावकर्मियों ने नदी से 23 लोगों को निकाला।" \
  "परिवहन मंत्री हेलेना कोर ने कहा, \"पुल का पिछले साल निरीक्षण किया गया था और उसे सुरक्षित घोषित किया गया था।\"" \
  "प्रधानमंत्री तोमास वेलर $2 को घटनास्थल का दौरा करेंगे।"; }
hi t.hi बुधवार
hi t.hi.day शुक्रवार
cmp_text "hi faithful: no difference" 0 'summary: .* 0 changed, 0 contradicted' "$tmp/t.en" "$tmp/t.hi"
cmp_text "hi: Wednesday -> Friday is a changed date" 1 \
  '\[~\] changed date .*wednesday → friday' "$tmp/t.en" "$tmp/t.hi.day"

finish
