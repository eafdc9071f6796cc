#!/usr/bin/env bash
# Session 16 fixes of the fresh-user report of session 15 (helper "fix"),
# end to end. All inputs are written here.
#  M11 spelling variants of one name are the same entity (Kyiv / Kiev:
#      vowels only; Gaddafi / Qaddafi: g/k/q of a transliteration), also
#      as a quote's speaker; Hale / Hall and Kogan / Hogan stay changed.
#  H15 "1.5m people" (m glued to the number before a counted noun) is
#      1.5 million; "a 1.5m wall", "jumped 2.3m" stay metres.
#  M8  an entity one side extracted and the other side writes verbatim
#      (in quotation marks here) is no certain omission.
#  M7  "employs 1500 staff" (a number below 1900 after a verb, before a
#      noun) is a count, not the year 1500; "fiscal 2023 results" a year.
#  L17 "the 2023/24 season" = "the 2023-24 season" (two years).
#  L20 two 18-digit amounts sharing their first 10 digits differ.
#  M6  es "Unas 1,800 casas" (a decimal of three places before a counted
#      noun) is 1800 houses; "1,5 millones", "2,5 soldados", "1,800 euros"
#      keep their reading.
#  fresh-user 14: uk "у 1959-2022 роки" (a range of years + the word
#      "years") is two years, not a quantity.
#  L12 "The EU approved" -> "The AU approved" is a changed organisation
#      (both keyed entity|a); US -> USA stays the same.
. "$(dirname "$0")/../support/cli.sh"

# --- M11: spelling variants ------------------------------------------------
w kyiv.txt "Trade plan approved" "Officials in Kyiv approved the new trade plan on Monday."
w kiev.txt "Trade plan approved" "Officials in Kiev approved the new trade plan on Monday."
cmp_text "M11: Kyiv -> Kiev is the same place (exit 0)" 0 \
  '^summary: .* 0 changed' "$tmp/kyiv.txt" "$tmp/kiev.txt"
w g.txt "Leader spoke" \
  "Muammar Gaddafi said the new oil deal was \"a great day for our people\" on Monday."
w q.txt "Leader spoke" \
  "Muammar Qaddafi said the new oil deal was \"a great day for our people\" on Monday."
cmp_text "M11: Gaddafi -> Qaddafi, speaker too, is the same (exit 0)" 0 \
  '^summary: .* 0 changed' "$tmp/g.txt" "$tmp/q.txt"
for pair in "Hale Hall" "Kogan Hogan"; do
  set -- $pair
  w x1.txt "Talks" "Minister Tom $1 met the union leaders in Leeds on Monday."
  w x2.txt "Talks" "Minister Tom $2 met the union leaders in Leeds on Monday."
  cmp_text "M11: Tom $1 -> Tom $2 stays a changed person (exit 1)" 1 \
    "^\[~\] changed entity .*Tom $1 → Tom $2" "$tmp/x1.txt" "$tmp/x2.txt"
done

# --- H15: "m" = million before a counted noun ------------------------------
w m1.txt "Power cut" "About 1.5m people lost power on Monday."
w m2.txt "Power cut" "About 1.5 million people lost power on Monday."
cmp_text "H15: 1.5m people = 1.5 million people (exit 0)" 0 \
  '^summary: .* 0 added, 0 omitted' "$tmp/m1.txt" "$tmp/m2.txt"
qkeys() { # FILE: the quantity keys of `facts --lang en FILE`, one a line
  "$bin" facts --format=json --lang en "$1" 2>/dev/null |
    grep -o '"key": "quantity|[^"]*"'
}
for s in "Firms sold 4m cars last year.|quantity||4000000" \
  "Workers built a 1.5m wall around the site.|quantity|m|1.5" \
  "A 2m tank stood in the yard.|quantity|m|2" \
  "He jumped 2.3m in Rome on Sunday.|quantity|m|2.3"; do
  w s.txt "${s%%|*}"
  if qkeys "$tmp/s.txt" | grep -qx "\"key\": \"${s#*|}\""; then
    ok "H15: '${s%%|*}' gives ${s#*|}"
  else
    fail "H15: '${s%%|*}' gives $(qkeys "$tmp/s.txt" | tr '\n' ' '), want ${s#*|}"
  fi
done

# --- M8: a name the other side writes verbatim -----------------------------
w t1.txt "Neue Bilder" \
  "Die Galerie Tierra del Sol zeigt ab Montag neue Bilder von Vicente Siso." \
  "Der Eintritt ist frei, sagte die Leiterin."
w t2.txt "Neue Bilder" \
  "Die Galerie „Tierra del Sol“ zeigt ab Montag neue Bilder von Vicente Siso." \
  "Der Eintritt ist frei, sagte die Leiterin."
cmp_text "M8: an entity B writes in quotation marks is no certain omission" 1 \
  '^\[\?\] unverified omitted entity .*Tierra' "$tmp/t1.txt" "$tmp/t2.txt"
if grep -q '^\[-\] omitted entity' "$tmp/out"; then
  fail "M8: Tierra still a certain omitted entity"
else ok "M8: no certain omitted entity"; fi

# --- M7: a count after a verb ------------------------------------------------
for s in "The firm employs 1500 staff across the country.|quantity||1500" \
  "The bank reported fiscal 2023 results on Monday.|date|2023" \
  "The treaty of 1815 ended the war.|date|1815"; do
  w s.txt "${s%%|*}"
  if "$bin" facts --format=json --lang en "$tmp/s.txt" 2>/dev/null |
    grep -q "\"key\": \"${s#*|}\""; then
    ok "M7: '${s%%|*}' gives ${s#*|}"
  else fail "M7: '${s%%|*}' lacks ${s#*|}"; fi
done

# --- L17: a season written with a slash ------------------------------------
w s1.txt "Season" "The club finished third in the 2023/24 season."
w s2.txt "Season" "The club finished third in the 2023-24 season."
cmp_text "L17: 2023/24 season = 2023-24 season (exit 0)" 0 \
  '^summary: .* 0 changed, 0 contradicted, 0 added, 0 omitted' \
  "$tmp/s1.txt" "$tmp/s2.txt"

# --- L20: 18-digit amounts ---------------------------------------------------
w d1.txt "Fund" "The fund holds \$123,456,789,012,345,678 in bonds."
w d2.txt "Fund" "The fund holds \$123,456,789,012,999,999 in bonds."
cmp_text "L20: two 18-digit amounts are a changed quantity (exit 1)" 1 \
  '^\[~\] changed quantity' "$tmp/d1.txt" "$tmp/d2.txt"

# --- M6: "1,800" before a counted noun in a decimal-comma pack ---------------
for s in "Unas 1,800 casas quedaron sin luz en Monterrey.|quantity||1800" \
  "Unas 1,5 millones de personas votaron ayer.|quantity||1500000" \
  "Unos 2,5 soldados por patrulla salieron ayer.|quantity||2.5" \
  "El precio subió 1,800 euros ayer.|quantity|EUR|1.8"; do
  w s.txt "${s%%|*}"
  if "$bin" facts --format=json --lang es "$tmp/s.txt" 2>/dev/null |
    grep -q "\"key\": \"${s#*|}\""; then
    ok "M6: '${s%%|*}' gives ${s#*|}"
  else fail "M6: '${s%%|*}' lacks ${s#*|}"; fi
done

# --- fresh-user 14: a range of years followed by "years" ---------------------
w y.txt "Місто" "У 1959-2022 роки місто зросло вдвічі."
keys=$("$bin" facts --format=json --lang uk "$tmp/y.txt" 2>/dev/null | grep -o '"key": "[a-z]*|[^"]*"' | tr '\n' ' ')
case "$keys" in
  *'"date|1959"'*'"date|2022"'*) case "$keys" in
      *'quantity||1959'*) fail "uk 1959-2022 роки: still a quantity ($keys)" ;;
      *) ok "uk 1959-2022 роки: the years 1959 and 2022" ;; esac ;;
  *) fail "uk 1959-2022 роки: no dates 1959, 2022 ($keys)" ;;
esac

# --- L12: two acronyms of one key --------------------------------------------
w e1.txt "Vote" "The EU approved the new trade rules on Monday."
w e2.txt "Vote" "The AU approved the new trade rules on Monday."
cmp_text "L12: EU -> AU is a changed entity (exit 1)" 1 \
  '^\[~\] changed entity .*EU → AU' "$tmp/e1.txt" "$tmp/e2.txt"
w e3.txt "Vote" "The US approved the new trade rules on Monday."
w e4.txt "Vote" "The USA approved the new trade rules on Monday."
cmp_text "L12: US -> USA stays the same (exit 0)" 0 '^summary' \
  "$tmp/e3.txt" "$tmp/e4.txt"

finish
