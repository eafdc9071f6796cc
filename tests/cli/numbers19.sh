#!/usr/bin/env bash
# Quantities and dates misread in faithful translations (session 19,
# 2026-12-02, fresh-user 18 findings), with texts written here.
. "$(dirname "$0")/../support/cli.sh"

# nothing certain may differ between a faithful en text and its zh version
# (no [-] [+] [~] [!] line, exit 0)
cmp_same() {
  local name=$1
  "$bin" compare --format=text "$2" "$3" >"$tmp/out" 2>"$tmp/err" </dev/null
  local st=$?
  if [ "$st" -eq 0 ] && ! grep -Eq '^\[[-+~!]\]' "$tmp/out"; then ok "$name"
  else fail "$name (status $st, want 0 and no certain line)"; fi
}

# M19: typeset zh dates with spaces ("12 月 24 日") were the counts 12 and
# 24: three certain lines per date. M20: 英寸 (inch) and 厘米 (cm) were no
# units. L34: the full-width decimal point of ４．１２亿 split the number
# into 4 and 1,200,000,000. L27: km² and m³ were read as km and m.
w en.txt "The summit was held on 24 December in Geneva." \
  "Forecasters expect between 12 and 15 inches of snow (38 centimetres) in the valley." \
  "The bridge cost 412 million euros, the ministry said." \
  "The lake covers 40 square kilometres and holds 900 cubic metres of sludge."
w zh.txt "峰会于 12 月 24 日在日内瓦举行。" \
  "预报员预计山谷降雪12至15英寸（38厘米）。" \
  "该部表示，这座桥耗资４．１２亿欧元。" \
  "该湖面积 40 km²，有 900 m³ 的淤泥。"
cmp_same "en/zh: spaced dates, inches, cm, full-width decimal point, km², m³" \
  "$tmp/en.txt" "$tmp/zh.txt"
run facts "$tmp/zh.txt"
if grep -q 'date|--12-24' "$tmp/out" && ! grep -q 'quantity||24' "$tmp/out"
then ok "zh: '12 月 24 日' is one date, no count 24"
else fail "zh: '12 月 24 日'"; fi

# L27: the power is kept, so a km² that should be km is a difference (it
# was the same: both "40 km")
w de.txt "Der Uferweg des Sees ist 40 km² lang."
w en2.txt "The path along the lake is 40 kilometres long."
cmp_text "de: 40 km² against 40 kilometres is a difference" 1 \
  '^\[\+\] added quantity .*40 km2 "40 km²"' "$tmp/en2.txt" "$tmp/de.txt"

# M18: pl "dwa i pół miliona", uk "два з половиною мільйони" were 2 and
# 500,000 (pl) or 2 (uk) against "two and a half million". M12: in uk, pl,
# ru, cs a 4-digit count between a verb and a noun the counted-noun lexicon
# does not know was the year 1935 (these languages name a year with the
# word "year"); the uk text has a no-break space after the number.
nb=$'\xc2\xa0'
w en3.txt "The fund received two and a half million euros from the city." \
  "Last month the clinic postponed 1,935 operations, the director said."
w uk3.txt "Фонд отримав від міста два з половиною мільйони євро." \
  "Минулого місяця клініка відклала 1935${nb}операцій, повідомив директор."
w pl3.txt "Fundusz otrzymał od miasta dwa i pół miliona euro." \
  "W zeszłym miesiącu klinika przełożyła 1935 operacji, powiedział dyrektor."
cmp_same "uk: two and a half million, a count 1935 before an unknown noun" \
  "$tmp/en3.txt" "$tmp/uk3.txt"
cmp_same "pl: two and a half million, a count 1935 before an unknown noun" \
  "$tmp/en3.txt" "$tmp/pl3.txt"
# ... while a year with its year word stays a date
w uk4.txt "У 1935 році клініка відклала операції."
run facts "$tmp/uk4.txt"
if grep -q 'date|1935' "$tmp/out" && ! grep -q 'quantity||1935' "$tmp/out"
then ok "uk: '1935 році' is still a year"
else fail "uk: '1935 році'"; fi

# M13: "Chapter Seven, Section 713" and "Article 5" are labels; the uk
# and zh translations write ordinals (сьомою главою, 第七章, 第五条), which
# are no counts: the en numbers were certain omissions
w en5.txt "The court ruled under Chapter Seven, Section 713 of the trade law, the judge said." \
  "The firm may appeal under Article 5 of the treaty."
w uk5.txt "Суд ухвалив рішення згідно із сьомою главою, розділом 713 торговельного закону, сказав суддя." \
  "Фірма може оскаржити рішення згідно зі статтею 5 договору."
w zh5.txt "法官说，法院根据贸易法第七章第713节作出裁决。" "该公司可根据条约第五条提出上诉。"
cmp_same "uk: chapter and article numbers are labels" "$tmp/en5.txt" "$tmp/uk5.txt"
cmp_same "zh: chapter and article numbers are labels" "$tmp/en5.txt" "$tmp/zh5.txt"

# M32: uk typed with Latin i (U+0069) for Cyrillic і: the million and
# the month were lost (5 certain false lines); Latin a c e i o p x y in a
# Cyrillic word now read as their Cyrillic look-alikes
w en6.txt "The fund received 412 million euros over eight months, until 15 January."
printf '%s\n' "Фонд отримав 412 мільйонів євро за вісім місяців, до 15 січня." |
  sed 's/і/i/g' >"$tmp/uk6.txt"
cmp_same "uk with Latin i: the million and the date are read" "$tmp/en6.txt" "$tmp/uk6.txt"

finish
