#!/usr/bin/env bash
# Session 14 fixes of the fresh-user report of session 13 (helper "fix"),
# end to end. All inputs are written here (our own sentences).
#  M3  a negation added in a translation ("no nació", "fæddist ekki",
#      "नहीं हुआ था", "生まれたのではなく", "并非") is a contradiction of the
#      sentence pair (clause polarity across languages); an event negated
#      in a translation whose object one side did not read is certain; a
#      quote given to another speaker in a sentence the translation split
#      or joined is changed.
#  M2  a place replaced (Madrid -> Barcelona) in one language or in a
#      translation is one changed entity, not omitted + added.
#  L6  a number changed in a zh translation, its sentence pair scoring
#      below 0.5, is one changed quantity, not omitted + added.
#  L16 plain text: a single-line "Related: …" paragraph that is a full
#      sentence is kept (a link title without a final stop still goes).
#  L13 a text compared with itself is "identical", not "translation".
#  L9  --locales-dir without the textcat files: one error line.
. "$(dirname "$0")/../support/cli.sh"

# --- M3: clause polarity across languages ------------------------------------
w en.txt "The sculptor Marta Velasco opened a new exhibition in Lisbon on Friday." \
  "Velasco was born in Seville in 1971 and moved to Lisbon in 1995." \
  "The show runs until 14 March and includes 40 works."
w es.txt "La escultora Marta Velasco inauguró una nueva exposición en Lisboa el viernes." \
  "Velasco no nació en Sevilla en 1971 y se mudó a Lisboa en 1995." \
  "La muestra se puede ver hasta el 14 de marzo e incluye 40 obras."
w is.txt "Myndhöggvarinn Marta Velasco opnaði nýja sýningu í Lissabon á föstudag." \
  "Velasco fæddist ekki í Sevilla árið 1971 og flutti til Lissabon árið 1995." \
  "Sýningin stendur til 14. mars og á henni eru 40 verk."
w hi.txt "मूर्तिकार मार्ता वेलास्को ने शुक्रवार को लिस्बन में एक नई प्रदर्शनी खोली।" \
  "वेलास्को का जन्म 1971 में सेविल में नहीं हुआ था और वे 1995 में लिस्बन आ गईं।" \
  "यह प्रदर्शनी 14 मार्च तक चलेगी और इसमें 40 कृतियाँ हैं।"
w ja.txt "彫刻家マルタ・ベラスコは金曜日、リスボンで新しい展覧会を開いた。" \
  "ベラスコは1971年にセビリアで生まれたのではなく、1995年にリスボンに移った。" \
  "展覧会は3月14日まで開かれ、40点の作品が展示される。"
w zh.txt "雕塑家玛尔塔·贝拉斯科周五在里斯本举办了一个新展览。" \
  "贝拉斯科并非于1971年出生在塞维利亚，1995年移居里斯本。" \
  "展览持续到3月14日，共展出40件作品。"
sed -e 's/ no nació/ nació/' "$tmp/es.txt" >"$tmp/es0.txt"
sed -e 's/ ekki//' "$tmp/is.txt" >"$tmp/is0.txt"
sed -e 's/ नहीं//' "$tmp/hi.txt" >"$tmp/hi0.txt"
sed -e 's/生まれたのではなく/生まれ/' "$tmp/ja.txt" >"$tmp/ja0.txt"
sed -e 's/并非//' "$tmp/zh.txt" >"$tmp/zh0.txt"
for l in es is hi ja zh; do
  cmp_text "M3: en/$l negated birth year is a contradiction" 1 \
    '^\[!\] contradicted date .*1971 → negated' "$tmp/en.txt" "$tmp/$l.txt"
  cmp_text "M3: en/$l the other direction reads affirmed" 1 \
    '^\[!\] contradicted date .*1971 \(negated\) → affirmed' "$tmp/$l.txt" "$tmp/en.txt"
  run compare --format=text "$tmp/en.txt" "$tmp/${l}0.txt"
  if ! grep -q 'contradicted [a-z]' "$tmp/out"; then
    ok "M3: en/$l faithful translation has no contradiction"
  else fail "M3: en/$l faithful translation has no contradiction"; fi
done
# an idiom far from the fact ("need nothing other than to look" for "just
# need to look") is no negation of it: the negation word lies more than 8
# tokens before the fact
w id.en.txt "The sculptor Marta Velasco opened a new exhibition in Lisbon on Friday." \
  "Visitors just need to look at the long wall of the hall to see the 40 works." \
  "The show runs until 14 March."
w id.is.txt "Myndhöggvarinn Marta Velasco opnaði nýja sýningu í Lissabon á föstudag." \
  "Gestir þurfa ekki annað en að horfa á langa vegginn í salnum til að sjá þessi 40 verk." \
  "Sýningin stendur til 14. mars."
run compare --format=text "$tmp/id.en.txt" "$tmp/id.is.txt"
if ! grep -q 'contradicted [a-z]' "$tmp/out"; then
  ok "M3: a far negation idiom is no contradiction"
else fail "M3: a far negation idiom is no contradiction"; fi

# --- M3: an event negated in a translation, the object read on one side --
w ev.en.txt "The sculptor Marta Velasco opened a new exhibition in Lisbon on Friday." \
  "Transport ministers agreed a common position on the rail package before Christmas." \
  "The show runs until 14 March and includes 40 works."
w ev.es.txt "La escultora Marta Velasco inauguró una nueva exposición en Lisboa el viernes." \
  "Los ministros de transporte no han acordado una posición sobre el paquete ferroviario antes de Navidad." \
  "La muestra se puede ver hasta el 14 de marzo e incluye 40 obras."
cmp_text "M3: en/es event negated in the translation is certain" 1 \
  '^\[!\] contradicted event .*AGREE → negated' "$tmp/ev.en.txt" "$tmp/ev.es.txt"

# --- M3: a quote given to another speaker, sentences joined ------------------
w sp.en.txt "The brewers' association met in Brussels on Monday to discuss the new packaging rules." \
  "Its director Simon Hale spoke first, and the winemakers' secretary Laura Pinto spoke after him." \
  "Hale said: \"We want clear rules for every drink sold in the 27 member states.\" He also asked for a delay of 2 years." \
  "The vote is planned for 12 June."
w sp.es.txt "La asociación de cerveceros se reunió en Bruselas el lunes para debatir las nuevas normas de envasado." \
  "Su director Simon Hale habló primero, y la secretaria de los viticultores Laura Pinto habló después de él." \
  "Pinto dijo: \"Queremos normas claras para cada bebida vendida en los 27 estados miembros\", y pidió además un aplazamiento de 2 años." \
  "La votación está prevista para el 12 de junio."
sed -e 's/^Pinto dijo/Hale dijo/' "$tmp/sp.es.txt" >"$tmp/sp.es0.txt"
cmp_text "M3: en/es quote given to another speaker (2-1 link) is changed" 1 \
  '^\[~\] changed quote .*Simon Hale SAY → Laura Pinto SAY' "$tmp/sp.en.txt" "$tmp/sp.es.txt"
cmp_text "M3: en/es same speaker is no change" 0 \
  'summary: .* 0 changed' "$tmp/sp.en.txt" "$tmp/sp.es0.txt"

# --- M2: a place replaced ----------------------------------------------------
w pl.en.txt "The sculptor Marta Velasco opened a new exhibition in Lisbon on Friday." \
  "Velasco was born in Madrid in 1971 and moved to Lisbon in 1995." \
  "The show runs until 14 March and includes 40 works."
sed -e 's/born in Madrid/born in Barcelona/' "$tmp/pl.en.txt" >"$tmp/pl.en2.txt"
cmp_text "M2: en Madrid -> Barcelona is one changed entity" 1 \
  '^\[~\] changed entity .*Madrid → Barcelona' "$tmp/pl.en.txt" "$tmp/pl.en2.txt"
run compare --format=text "$tmp/pl.en.txt" "$tmp/pl.en2.txt"
if ! grep -Eq '^\[[-+]\] (omitted|added) entity' "$tmp/out"; then
  ok "M2: en place change is not omitted + added"
else fail "M2: en place change is not omitted + added"; fi
w pl.es.txt "La escultora Marta Velasco inauguró una nueva exposición en Lisboa el viernes." \
  "Velasco nació en Barcelona en 1971 y se mudó a Lisboa en 1995." \
  "La muestra se puede ver hasta el 14 de marzo e incluye 40 obras."
w pl.is.txt "Myndhöggvarinn Marta Velasco opnaði nýja sýningu í Lissabon á föstudag." \
  "Velasco fæddist í Barselóna árið 1971 og flutti til Lissabon árið 1995." \
  "Sýningin stendur til 14. mars og á henni eru 40 verk."
for l in es is; do
  cmp_text "M2: en/$l Madrid -> Barcelona is a changed entity" 1 \
    '^\[~\] changed entity .*Madrid → Bar(ce|se)l[oó]na' "$tmp/pl.en.txt" "$tmp/pl.$l.txt"
done
sed -e 's/Barcelona/Madrid/' "$tmp/pl.es.txt" >"$tmp/pl.es0.txt"
run compare --format=text "$tmp/pl.en.txt" "$tmp/pl.es0.txt"
if ! grep -q '^\[~\] changed entity' "$tmp/out"; then
  ok "M2: en/es the same place is no change"
else fail "M2: en/es the same place is no change"; fi

# --- L6: a house number changed in a zh translation -------------------------
w ad.en.txt "The sculptor Marta Velasco opened a new exhibition in Lisbon on Friday." \
  "Her new studio, bought in 2019, is at 2518 Harbour Road in the north of the city." \
  "The show runs until 14 March and includes 40 works."
w ad.zh.txt "雕塑家玛尔塔·贝拉斯科周五在里斯本举办了一个新展览。" \
  "她的新工作室于2019年购入，位于城北的海港路2581号。" \
  "展览持续到3月14日，共展出40件作品。"
cmp_text "L6: en/zh 2518 -> 2581 in a low-scoring in-order pair is changed" 1 \
  '^\[~\] changed quantity .*2518 → 2581' "$tmp/ad.en.txt" "$tmp/ad.zh.txt"

# --- L16: a "Related:" paragraph that is a full sentence is kept -----------
w rel.txt "Harbour board backs new ferry line" \
  "The harbour board approved a new ferry line to the island on Monday after a short debate." \
  "Related: the board also agreed to repair 9 old piers before the summer." \
  "Read also: Storm closes two roads near the harbour" \
  "Work on the first pier starts in May, a spokeswoman said."
run extract "$tmp/rel.txt"
if [ "$st" -eq 0 ] && grep -q '^Related: the board also agreed to repair 9 old piers' "$tmp/out" &&
   ! grep -q 'Read also' "$tmp/out"; then
  ok "L16: a full-sentence Related: paragraph is kept, a link title is not"
else fail "L16: a full-sentence Related: paragraph is kept, a link title is not"; fi
run facts "$tmp/rel.txt"
if grep -Eq 'quantity\|\|9	' "$tmp/out"; then
  ok "L16: its quantity 9 is a fact"
else fail "L16: its quantity 9 is a fact"; fi

# --- L13: a file compared with itself is "identical" -------------------------
run compare --format=json "$tmp/pl.en.txt" "$tmp/pl.en.txt"
if [ "$st" -eq 0 ] && grep -q '"kind": "identical"' "$tmp/out"; then
  ok "L13: a text compared with itself is identical (JSON)"
else fail "L13: a text compared with itself is identical (JSON)"; fi
run compare --format=text "$tmp/pl.en.txt" "$tmp/pl.en.txt"
if grep -q '^relation: identical (confidence 1.00)' "$tmp/out"; then
  ok "L13: ... and in the text view"
else fail "L13: ... and in the text view"; fi
run compare --format=json "$tmp/pl.en.txt" "$tmp/pl.en2.txt"
if grep -q '"kind": "rewrite"' "$tmp/out"; then
  ok "L13: one name changed is a rewrite"
else fail "L13: one name changed is a rewrite"; fi

# --- L9: --locales-dir without the textcat files ---------------------------
mkdir -p "$tmp/nopacks"
run compare "$tmp/pl.en.txt" "$tmp/pl.es.txt" --locales-dir="$tmp/nopacks"
if [ "$st" -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] &&
   grep -q 'textcat.conf: cannot read the language-identification configuration: No such file or directory (is .* a language-pack directory?)' "$tmp/err" &&
   ! grep -q 'Failed to open' "$tmp/err"; then
  ok "L9: a directory without textcat.conf gives one error line"
else fail "L9: a directory without textcat.conf gives one error line"; fi

finish
