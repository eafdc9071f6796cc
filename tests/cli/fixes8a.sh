#!/usr/bin/env bash
# Fresh-user findings of session 7, fixed in session 8 (FIXES-A), with
# texts written here:
#  - slash dates with both numbers <= 12 ("8/3/2025") keep both readings
#    (day first, month first): an edit of the day is a changed date
#    (exit 1); the same day written with a month name matches one reading;
#    a slash date with a number above 12 in the article fixes the order;
#  - edits made in a translation are certain under strict evidence: "did
#    not sign" in zh and de "kein" (a 1-1 sentence pair in an in-order run,
#    the affirmed side holding no negation word), a quote given to another
#    named speaker (fr), "angeblich" added (de, an evidential hedge); the
#    faithful translations stay exit 0;
#  - hi "X ने Newsweek को बताया": the addressee before को is no speaker.
#  - a number right after an event word is counted by that word: the
#    headline "kills four, injures 23" counts four KILL (was INJURE);
#  - a quote's negation is its claim's: shown as "(claim negated)".
. "$(dirname "$0")/../support/cli.sh"

# -- slash dates ------------------------------------------------------------
w d1.txt "Bridge reopens" \
  "The bridge over the Tarn reopened on 8/3/2025 after repairs." \
  "Engineers said the work cost less than planned."
w d2.txt "Bridge reopens" \
  "The bridge over the Tarn reopened on 9/3/2025 after repairs." \
  "Engineers said the work cost less than planned."
w d3.txt "Bridge reopens" \
  "The bridge over the Tarn reopened on 8 March 2025 after repairs." \
  "Engineers said the work cost less than planned."
w d4.txt "Bridge reopens" \
  "The bridge over the Tarn reopened on 3/8/2025 after repairs." \
  "Engineers said the work cost less than planned."
cmp_text "slash date 8/3/2025 -> 9/3/2025 is a changed date" 1 \
  '^\[~\] changed date .*2025-03-08 or 2025-08-03 → 2025-03-09 or 2025-09-03' \
  "$tmp/d1.txt" "$tmp/d2.txt"
cmp_text "8/3/2025 and 8 March 2025: one reading agrees" 0 \
  'summary: .* 0 changed' "$tmp/d1.txt" "$tmp/d3.txt"
cmp_text "3/8/2025 and 8 March 2025: the month-first reading agrees" 0 \
  'summary: .* 0 changed' "$tmp/d4.txt" "$tmp/d3.txt"
cmp_text "8/3/2025 and 3/8/2025 share a reading (no order known)" 0 \
  'summary: .* 0 changed' "$tmp/d1.txt" "$tmp/d4.txt"
run facts --format=json "$tmp/d1.txt"
if [ "$st" -eq 0 ] && python3 -c '
import json, sys
d = [f for f in json.load(open(sys.argv[1]))["facts"] if f["type"] == "date"]
sys.exit(0 if d[0]["value"]["readings"] == ["2025-03-08", "2025-08-03"]
         and d[0]["value"]["iso"] == "2025" else 1)' "$tmp/out"
then ok "JSON: an ambiguous slash date has both readings"
else fail "JSON: an ambiguous slash date has both readings"; fi
# 25/12/2024 fixes day first in one article, 12/25/2024 month first in
# the other: 8/3/2025 is then 8 March in one, August 3 in the other
w o1.txt "Bridge reopens" \
  "The bridge over the Tarn closed on 25/12/2024 after a flood." \
  "It reopened on 8/3/2025 after repairs."
w o2.txt "Bridge reopens" \
  "The bridge over the Tarn closed on 12/25/2024 after a flood." \
  "It reopened on 8/3/2025 after repairs."
w o3.txt "Bridge reopens" \
  "The bridge over the Tarn closed on 25 December 2024 after a flood." \
  "It reopened on 8 March 2025 after repairs."
run facts "$tmp/o1.txt"
if [ "$st" -eq 0 ] && grep -q 'date|2025-03-08' "$tmp/out"; then
  ok "a day-first slash date (25/12) fixes the order of the article"
else fail "a day-first slash date (25/12) fixes the order of the article"; fi
cmp_text "orders fixed differently: 8/3/2025 is a changed date" 1 \
  '^\[~\] changed date .*2025-03-08 → 2025-08-03' "$tmp/o1.txt" "$tmp/o2.txt"
cmp_text "order fixed day first = the written-out dates" 0 \
  'summary: .* 0 changed' "$tmp/o1.txt" "$tmp/o3.txt"

cat >"$tmp/s.en.txt" <<'T'
Floods in Kessington leave 17 dead, 340 homeless

KESSINGTON — Seventeen people have died and about 340 have lost their homes after the River Arden burst its banks on Saturday, March 8, 2025, according to the regional emergency service.

Water levels rose by 2.5 metres in six hours. Rescue teams evacuated 1,200 residents from the old town overnight.

"This is the worst flood in forty years," said Interior Minister Clara Voss. "We will rebuild every house that was lost."

Governor Martin Hale declared a state of emergency on Sunday. He signed a decree releasing 8 million pounds for repairs.

Officials said a dam upstream had not failed. The weather office expects more rain on Tuesday.
T
cat >"$tmp/tr.de.txt" <<'T'
Hochwasser in Kessington: 17 Tote, 340 Obdachlose

KESSINGTON — Siebzehn Menschen sind gestorben und etwa 340 haben ihr Zuhause verloren, nachdem der Fluss Arden am Samstag, dem 8. März 2025, über die Ufer getreten war, wie der regionale Rettungsdienst mitteilte.

Der Wasserstand stieg in sechs Stunden um 2,5 Meter. Rettungsteams brachten über Nacht 1.200 Bewohner aus der Altstadt in Sicherheit.

„Das ist das schlimmste Hochwasser seit vierzig Jahren“, sagte Innenministerin Clara Voss. „Wir werden jedes verlorene Haus wieder aufbauen.“

Gouverneur Martin Hale rief am Sonntag den Notstand aus. Er unterzeichnete ein Dekret, das 8 Millionen Pfund für Reparaturen freigibt.

Beamte sagten, ein Staudamm flussaufwärts habe nicht versagt. Der Wetterdienst erwartet am Dienstag weiteren Regen.
T
cat >"$tmp/tr.fr.txt" <<'T'
Inondations à Kessington : 17 morts, 340 sans-abri

KESSINGTON — Dix-sept personnes sont mortes et environ 340 ont perdu leur logement après le débordement de la rivière Arden le samedi 8 mars 2025, selon le service régional des urgences.

Le niveau de l'eau a monté de 2,5 mètres en six heures. Les secours ont évacué 1 200 habitants de la vieille ville pendant la nuit.

« C'est la pire inondation depuis quarante ans », a déclaré la ministre de l'Intérieur Clara Voss. « Nous reconstruirons chaque maison perdue. »

Le gouverneur Martin Hale a déclaré l'état d'urgence dimanche. Il a signé un décret débloquant 8 millions de livres pour les réparations.

Selon les responsables, un barrage en amont n'a pas cédé. Le service météorologique prévoit de nouvelles pluies mardi.
T
cat >"$tmp/tr.zh.txt" <<'T'
凯辛顿洪水致17人死亡、340人无家可归

凯辛顿电——据地区紧急救援部门称，2025年3月8日星期六，阿登河决堤，造成十七人死亡，约340人失去家园。

水位在六小时内上涨了2.5米。救援队连夜从老城区疏散了1200名居民。

"这是四十年来最严重的洪水，"内政部长克拉拉·福斯说。"我们将重建每一栋被毁的房屋。"

州长马丁·黑尔周日宣布进入紧急状态。他签署了一项法令，拨款800万英镑用于修复。

官员表示，上游的一座水坝没有决堤。气象部门预计周二还会有降雨。
T

# -- edits made in a translation ----------------------------------------------
for l in de fr zh; do
  cmp_text "faithful $l translation: no certain difference" 0 \
    '^summary: .* 0 changed, 0 contradicted, 0 added, 0 omitted' \
    "$tmp/s.en.txt" "$tmp/tr.$l.txt"
done
sed 's/他签署了一项法令/他没有签署法令/' "$tmp/tr.zh.txt" >"$tmp/neg.zh.txt"
cmp_text "zh 'did not sign' in a translation: certain contradiction" 1 \
  '^\[!\] contradicted event .*Martin Hale SIGN' "$tmp/s.en.txt" "$tmp/neg.zh.txt"
sed 's/Er unterzeichnete ein Dekret/Er unterzeichnete kein Dekret/' \
  "$tmp/tr.de.txt" >"$tmp/kein.de.txt"
cmp_text "de 'unterzeichnete kein' in a translation: certain contradiction" 1 \
  '^\[!\] contradicted event .*Martin Hale SIGN' "$tmp/s.en.txt" "$tmp/kein.de.txt"
sed 's/Rettungsteams brachten über Nacht/Rettungsteams brachten angeblich über Nacht/' \
  "$tmp/tr.de.txt" >"$tmp/hedge.de.txt"
cmp_text "de 'angeblich' added in a translation: a changed (hedged) fact" 1 \
  '^\[~\] changed quantity .*1200 → 1200 \(hedged\)' "$tmp/s.en.txt" "$tmp/hedge.de.txt"
sed "s/a déclaré la ministre de l'Intérieur Clara Voss/a déclaré le gouverneur Martin Hale/" \
  "$tmp/tr.fr.txt" >"$tmp/qswap.fr.txt"
cmp_text "fr quote given to another named speaker: a changed quote" 1 \
  '^\[~\] changed quote .*Clara Voss SAY → Martin Hale SAY' \
  "$tmp/s.en.txt" "$tmp/qswap.fr.txt"

# -- Hindi addressee ------------------------------------------------------------
w hi.txt "बाँध की जाँच" \
  "प्रवक्ता राहुल शर्मा ने न्यूज़वीक को बताया कि बाँध पूरी तरह सुरक्षित है।"
run facts --lang=hi "$tmp/hi.txt"
if [ "$st" -eq 0 ] && grep -q 'quote|srm' "$tmp/out" && ! grep -q 'quote|nsvk' "$tmp/out"
then ok "hi: the name before को is the addressee, the speaker is before ने"
else fail "hi: the name before को is the addressee, the speaker is before ने"; fi

# -- event of a count ----------------------------------------------------------
w ev.txt "Bridge collapse in Harwick kills four, injures 23" \
  "Four people were killed and 23 were injured when the bridge fell."
run facts --format=json "$tmp/ev.txt"
if [ "$st" -eq 0 ] && python3 -c '
import json, sys
q = [f["value"] for f in json.load(open(sys.argv[1]))["facts"]
     if f["type"] == "quantity" and f["sentence"] == 0]
sys.exit(0 if [(v["number"], v["event"]) for v in q] == [(4, "KILL"), (23, "INJURE")]
         else 1)' "$tmp/out"
then ok "headline 'kills four, injures 23': four KILL, 23 INJURE"
else fail "headline 'kills four, injures 23': four KILL, 23 INJURE"; fi

# -- a quote's negated claim ---------------------------------------------------
w q1.txt "Flood" "\"We have never seen water this high in the valley,\" said mayor Anna Keller."
w q2.txt "Flood" "\"We have often seen water this high in the valley,\" said mayor Anna Keller."
cmp_text "a negated claim is labelled as such" 1 \
  '^\[!\] contradicted quote .*Anna Keller SAY \(claim negated\) → ' "$tmp/q1.txt" "$tmp/q2.txt"

finish
