#!/bin/bash
# Diff findings of the fresh-user test 9 (session 10): the same paragraphs
# reordered gave false changes (M8), clock times, and bidi isolation in the
# side-by-side view (L7). The inputs are our own sentences.
. "$(dirname "$0")/../support/cli.sh"

# ---- 1. the same paragraphs reordered are only moved (fresh9 M8) ----------
# 44 short paragraphs, and the same in a fixed shuffle (Python's
# random.seed(1) order). Names that share an entity key (Australia and
# Austria are both entity|astr, Prague and Paraguay, Beijing and Boeing)
# come in the other order in B, and quotes whose speaker is read from the
# paragraph before ("he added", "the spokesman said") get another speaker.
# At session start: exit 1, "[~] changed entity Australia → Austria" and
# two certain changed quotes.
paras=(
  'Australia will send two research ships to the southern ocean next spring. The ships will map the sea floor near the ice shelf.'
  'Mayor Helen Carter opened the new library in Millbrook on Saturday. "Books belong to everyone," she said.'
  'Austria plans to extend its rail tunnel under the Alps by 12 kilometres. The work is expected to take five years.'
  'The river flooded 40 houses in the lower town after three days of rain. Firefighters pumped water out of the cellars.'
  'Coach Daniel Brooks praised his young team after the final. "They never gave up," he said.'
  '"We expect the first results within a year," he added.'
  'A fire destroyed a timber warehouse near the harbour on Tuesday night. Nobody was hurt, the fire service said.'
  'Canada signed a fishing agreement with Norway in Oslo. The agreement limits cod catches for three years.'
  'The city council approved a budget of 85 million dollars for new bus lanes. Work on the first lane starts in May.'
  'Professor Lina Moreau presented a study on urban heat. "Trees cool our streets by several degrees," she told reporters.'
  'Prague hosted a festival of puppet theatre for the tenth time. More than 200 puppeteers took part.'
  'Paraguay reported a record soybean harvest this year. Exports rose by 14 percent.'
  'The museum returned a bronze statue to its village of origin. The statue had been stolen in 1978.'
  'Minister Ravi Patel defended the new tax on plastic bags. "The money will pay for cleaner beaches," he said.'
  '"Prices will fall before winter," the spokesman said.'
  'A small earthquake shook the coastal town before dawn. Some windows cracked, but no buildings collapsed.'
  'Beijing opened a new airport terminal for domestic flights. The terminal can serve 30 million passengers a year.'
  'Boeing delivered its first aircraft of the year to a cargo airline. The plane left the factory in Seattle.'
  'The school board hired 25 new teachers for the autumn term. Most of them will teach mathematics.'
  'Chef Marco Bellini won a national cooking prize for his soup. "My grandmother taught me everything," he said.'
  'Volunteers cleaned two kilometres of beach on Sunday morning. They collected 300 kilograms of plastic.'
  'Slovenia opened a bridge across the Sava river. The bridge cost 40 million euros.'
  'Senator Paula Grant called for a review of water prices. "Families cannot pay more," she said in a speech.'
  'The zoo welcomed a baby giraffe after a long pregnancy. Visitors lined up to see the calf.'
  'Thailand expects 30 million tourists this year, officials said. Hotels in the south are already full.'
  'Toronto launched a program to plant 10,000 trees along its streets. The city will water them for two summers.'
  'A storm cut power to 15,000 homes in the valley overnight. Crews restored most lines by noon.'
  '"This is only the beginning," she added.'
  'Director Sofia Lind presented her new film at the festival. "It is a story about my mother," she said.'
  'The bakery on Elm Street closed after 60 years. Its owners retired to the coast.'
  'Syria and Jordan reopened a border crossing for trucks. Traffic resumed after two years.'
  'Luxembourg raised the minimum wage by three percent. The increase takes effect in January.'
  'Engineers tested a new flood barrier on the river. It held back water two metres high.'
  'Judge Alan Ward sentenced the driver to six months in prison. "Speed kills," he said in court.'
  'The library extended its opening hours on weekdays. Students asked for the change last year.'
  'Chicago hosted a marathon with 40,000 runners. A Kenyan runner won the men'\''s race.'
  '"The repairs will take months," the spokesman told reporters.'
  'Farmers protested against low milk prices in front of the parliament. They parked 50 tractors on the square.'
  'Captain Omar Haddad brought the ferry safely into port during the storm. "The crew did a great job," he said.'
  'The new stadium will seat 45,000 fans when it opens next year. Construction is on schedule.'
  'Romania bought two firefighting planes for the summer season. The planes arrived in Bucharest.'
  'A teenager found a gold coin in a field near the village. Experts say it is 700 years old.'
  'Dr. Nadia Okafor opened a clinic for rural patients. "Nobody should travel four hours to see a doctor," she said.'
  'The ferry line added a night service between the islands. Tickets cost 20 dollars.'
)
perm=(30 3 12 33 42 43 6 10 18 34 28 21 41 22 16 24 11 4 19 40 44 15 23 1 26 36 20 35 13 27 38 2 39 7 14 25 31 29 32 8 17 5 37 9)
printf '%s\n\n' "${paras[@]}" >"$tmp/sh.a"
for i in "${perm[@]}"; do printf '%s\n\n' "${paras[$((i - 1))]}"; done >"$tmp/sh.b"
cmp_text "shuffled paragraphs: exit 0" 0 'summary: .* 0 changed' \
  "$tmp/sh.a" "$tmp/sh.b"
grep -Eq '^\[(~|!|\+|-)\] (changed|contradicted|added|omitted) ' "$tmp/out" &&
  fail "shuffled paragraphs: a certain difference" ||
  ok "shuffled paragraphs: no certain difference"
grep -q '^\[\^\] moved sentence' "$tmp/out" && ok "shuffled paragraphs: moved" ||
  fail "shuffled paragraphs: no moved sentence"
# the key is shared, but a real rename is still one: only Australia in A,
# only Austria in B
w au.a "Ships for the south" \
  "Australia will send two research ships to the southern ocean next spring." \
  "The ships will map the sea floor near the ice shelf."
w au.b "Ships for the south" \
  "Austria will send two research ships to the southern ocean next spring." \
  "The ships will map the sea floor near the ice shelf."
cmp_text "Australia -> Austria alone is changed" 1 \
  '\[~\] changed entity .*Australia → Austria' "$tmp/au.a" "$tmp/au.b"

# ---- 2. a changed clock time is a changed fact ----------------------------
# "at 16:30" alone was dropped (a time without a date), and a date's time
# was never compared: each pair compared as exit 0. A time without a date
# in its sentence is a fact of its own; "4 p.m. on Friday" is Friday's.
w tm.a "Council votes on the bridge" \
  "The council meeting starts at 16:30 in the town hall." \
  "The vote was held at 4 p.m. on Friday." \
  "The first train crossed the bridge on March 3, 2025 at 9:15."
sed 's/16:30/18:30/' "$tmp/tm.a" >"$tmp/tm.b"
cmp_text "at 16:30 -> at 18:30 is changed" 1 \
  '\[~\] changed date .*16:30 → 18:30' "$tmp/tm.a" "$tmp/tm.b"
sed 's/4 p\.m\./6 p.m./' "$tmp/tm.a" >"$tmp/tm.c"
cmp_text "4 p.m. on Friday -> 6 p.m. on Friday is changed" 1 \
  '\[~\] changed date .*friday 16:00 → friday 18:00 .*"The vote was held at 6 p\.m\. on Friday\."' \
  "$tmp/tm.a" "$tmp/tm.c"
sed 's/4 p\.m\./4 a.m./' "$tmp/tm.a" >"$tmp/tm.d"
cmp_text "4 p.m. -> 4 a.m. is changed (one language)" 1 \
  '\[~\] changed date .*friday 16:00 → friday 04:00' "$tmp/tm.a" "$tmp/tm.d"
sed 's/at 9:15/at 11:15/' "$tmp/tm.a" >"$tmp/tm.e"
cmp_text "a date's time 9:15 -> 11:15 is changed" 1 \
  '\[~\] changed date .*2025-03-03 09:15 → 2025-03-03 11:15' "$tmp/tm.a" "$tmp/tm.e"
sed 's/at 4 p\.m\. on Friday/on Friday at 16:00/' "$tmp/tm.a" >"$tmp/tm.f"
cmp_text "4 p.m. on Friday = on Friday at 16:00" 0 'summary: .* 0 changed' \
  "$tmp/tm.a" "$tmp/tm.f"
# across languages a 12-hour clock may lack its "p.m." word (zh 下午4点
# reads 4): 4 p.m. = 16 Uhr = 下午4点, no difference
w tm.en "The vote was held at 4 p.m. on Friday."
w tm.de "Die Abstimmung fand am Freitag um 16 Uhr statt."
w tm.zh "投票于周五下午4点举行。"
cmp_text "4 p.m. = 16 Uhr" 0 'summary: .* 0 changed, 0 contradicted, 0 added, 0 omitted, 0 unverified' \
  "$tmp/tm.en" "$tmp/tm.de"
cmp_text "4 p.m. = 下午4点" 0 'summary: .* 0 changed, 0 contradicted, 0 added, 0 omitted, 0 unverified' \
  "$tmp/tm.en" "$tmp/tm.zh"

# a time in the sentence after its date is that date's: no fact of its own
# (de tells the party hours in a sentence of their own)
w ex.en "Gallery opens new show" \
  "The new exhibition at the Harbour Gallery opens on Saturday, and its welcome party runs from 6-8 p.m." \
  "It shows 40 paintings by local artists."
w ex.de "Galerie eröffnet neue Ausstellung" \
  "Die neue Ausstellung in der Hafengalerie wird am Samstag eröffnet. Der Empfang findet zwischen 18 und 20 Uhr statt." \
  "Sie zeigt 40 Gemälde lokaler Künstler."
cmp_text "6-8 p.m. = a sentence of its own with 20 Uhr" 0 \
  'summary: .* 0 changed, 0 contradicted, 0 added, 0 omitted, 0 unverified' \
  "$tmp/ex.en" "$tmp/ex.de"
sed 's/6-8 p\.m\./6-9 p.m./' "$tmp/ex.en" >"$tmp/ex.en9"
cmp_text "6-8 p.m. -> 6-9 p.m. is changed" 1 \
  '\[~\] changed date .*saturday 20:00 → saturday 21:00' "$tmp/ex.en" "$tmp/ex.en9"

# ---- 3. bidi isolation in the side-by-side view (fresh9 L7) ---------------
# an Arabic cell had no isolation: a bidi-aware terminal may reorder the
# whole row (gutter and English column included). Each line holding
# right-to-left text is now FSI ... PDI (U+2068 ... U+2069), zero columns,
# and the gutter stays at one display column; an unbalanced override
# (U+202E) of the text is left out of the view.
w bd.ar "حريق في مستودع كبير بمدينة كيلبورت" \
  "اندلع حريق مساء يوم الاثنين في مستودع كبير، وأصيب خمسة عشر شخصا بجروح طفيفة." \
  "وقال الدفاع المدني إن النيران أخمدت بعد ثلاث ساعات."
w bd.en "Large warehouse fire in Kellport" \
  "A fire broke out in a large warehouse on Monday evening, and fifteen people were slightly injured." \
  $'Civil defence said the flames were put out after three hours \u202eby crews.'
cat >"$tmp/bidi.py" <<'EOF'
import re, sys, unicodedata
def cols(s):
    return sum(0 if unicodedata.category(c) in ('Mn', 'Me', 'Cf') else
               2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)
width = int(sys.argv[2]); colw = (width - 3) // 2
lines = [re.sub(r'\x1b\[[0-9;]*m', '', l) for l in
         open(sys.argv[1], encoding='utf-8').read().split('\n')]
bad = rows = isolated = 0
for l in lines:
    if '\u202e' in l:
        bad += 1                       # the override is left out
    if any(unicodedata.bidirectional(c) in ('R', 'AL') for c in l):
        isolated += 1
        if l.count('\u2068') == 0 or l.count('\u2068') != l.count('\u2069'):
            bad += 1                   # isolated, balanced
rule = [i for i, l in enumerate(lines) if l == '=' * width]
for l in lines[rule[0] + 1:rule[1]] if len(rule) > 1 else []:
    if not l:
        continue
    rows += 1
    p = max((p for p in range(len(l) + 1) if cols(l[:p]) == colw), default=None)
    if p is None or l[p:p + 2] not in (' |', ' <', ' >', ' ^'):
        bad += 1                       # the gutter moved
sys.exit(1 if bad or rows == 0 or isolated == 0 else 0)
EOF
for width in 40 60 83; do
  "$bin" compare --format=side-by-side --color=never --width=$width \
    "$tmp/bd.ar" "$tmp/bd.en" >"$tmp/out" 2>"$tmp/err"
  if python3 "$tmp/bidi.py" "$tmp/out" "$width"; then
    ok "bidi: isolated right-to-left lines, exact columns (width $width)"
  else fail "bidi: isolation or columns (width $width)"; fi
done
"$bin" compare --format=side-by-side --color=always --width=60 \
  "$tmp/bd.ar" "$tmp/bd.en" >"$tmp/out" 2>"$tmp/err"
python3 "$tmp/bidi.py" "$tmp/out" 60 &&
  ok "bidi: isolated with colour too" || fail "bidi: isolated with colour"

finish
