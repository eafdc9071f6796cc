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

finish
