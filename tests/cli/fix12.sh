#!/usr/bin/env bash
# Session 12 fixes of the fresh-user report of session 12 (helper "fix"),
# end to end. All inputs are written here.
#  H1  a negation no fact carries (the verb is in no event lexicon) is a
#      contradiction of the sentence pair: clause polarity in the diff.
#  M5  `check`: the words after a number name what it counts when no
#      lexicon noun does ("10 new schools" / "12 new schools").
#  M2  ja 4番目 (4th) is an ordinal, no quantity 4.
#  M6  a local UTF-16 HTML file with a BOM is HTML (sniffed after decoding).
#  L4  no quantity from an OSC escape; bidi overrides shown as <U+202E>.
#  L5  --help takes no further argument (like --version); L9 the --save
#      directory is checked before the fetch; L11 a --lang-a value that is
#      an existing file is named.
. "$(dirname "$0")/../support/cli.sh"

# --- H1: clause polarity ---------------------------------------------------
# (session 15: "authorize" is an AGREE event now, so its negation is an
# event contradiction, tests/cli/fix15.sh; these cases use "certify", a verb
# in no event lexicon, which only the clause-polarity rule reads)
w pos.txt "The regional board certified 14 grants on Thursday."
w neg.txt "The regional board did not certify 14 grants on Thursday."
cmp_text "H1: did not certify contradicts certified (exit 1)" 1 \
  '^\[!\] contradicted quantity .*14 → negated' "$tmp/pos.txt" "$tmp/neg.txt"
cmp_text "H1: the other direction reads affirmed" 1 \
  '^\[!\] contradicted quantity .*→ affirmed' "$tmp/neg.txt" "$tmp/pos.txt"
w conf.a.txt "The health office confirmed 31 new infections on Sunday."
w conf.b.txt "The health office didn't confirm 31 new infections on Sunday."
cmp_text "H1: didn't confirm contradicts confirmed" 1 \
  '^\[!\] contradicted ' "$tmp/conf.a.txt" "$tmp/conf.b.txt"
# a negation on both sides, and a noun-phrase cue ("without"), are no
# contradiction
w both.a.txt "The regional board never certified 14 grants on Thursday."
w both.b.txt "The regional board did not certify 14 grants on Thursday."
cmp_text "H1: negated on both sides is no contradiction" 0 \
  'summary: .* 0 contradicted' "$tmp/both.a.txt" "$tmp/both.b.txt"
w wo.a.txt "The regional board certified 14 grants on Thursday."
w wo.b.txt "The regional board certified 14 grants without any paperwork on Thursday."
cmp_text "H1: without is no clause negation" 0 \
  'summary: .* 0 contradicted' "$tmp/wo.a.txt" "$tmp/wo.b.txt"
# across languages (session 14, fresh-user 13 M3) the rule reads a sure
# link with one verbal negation word on one side, none on the other, near
# the fact: "не сертифицировал 14 грантов" contradicts "certified 14 grants"
w ctx.en.txt "The city council met in the old town hall on Tuesday evening." \
  "The regional board certified 14 grants on Thursday." \
  "The mayor left the hall early after a short speech."
w ctx.ru.txt "Городской совет собрался в старой ратуше во вторник вечером." \
  "Региональный совет не сертифицировал 14 грантов в четверг." \
  "Мэр рано покинул зал после короткой речи."
cmp_text "H1: en/ru is read for clause polarity (session 14)" 1 \
  '^\[!\] contradicted quantity .*14 → negated' "$tmp/ctx.en.txt" "$tmp/ctx.ru.txt"

# --- M5: check, the counted words after the number ------------------------
w sch.txt "The county approved 8 new clinics on Tuesday." \
  "In total, the county approved 9 new clinics that week."
chk "M5: 8 new clinics vs 9 new clinics is a clash" 1 \
  'two different counts of the same thing' "$tmp/sch.txt"
w lic.txt "The agency approved 30 licences in March." \
  "Overall the agency approved 35 licences that month."
chk "M5: 30 licences vs 35 licences (a determiner ends the noun phrase)" 1 \
  'two different counts' "$tmp/lic.txt"
w oth.txt "The county approved 8 new clinics on Tuesday." \
  "In total, the county approved 9 old clinics that week."
run check "$tmp/oth.txt"
if [ "$st" -eq 0 ]; then ok "M5: other words after the numbers are other things"
else fail "M5: other words after the numbers are other things"; fi
run facts "$tmp/lic.txt"
if grep -Eq 'quantity\|\|35	-	"35"$' "$tmp/out"; then
  ok "M5: 35 licences that month does not count months"
else fail "M5: 35 licences that month does not count months"; fi

# --- M2: ja ordinal suffix -------------------------------------------------
w ord.ja.txt "この町の人口は県内で4番目に多く、3人の市長がいた。"
run facts --lang=ja "$tmp/ord.ja.txt"
if ! grep -Eq 'quantity\|\|4	' "$tmp/out" && grep -Eq 'quantity\|\|3	' "$tmp/out"; then
  ok "M2: ja 4番目 is no quantity, 3人 is"
else fail "M2: ja 4番目 is no quantity, 3人 is"; fi

# --- M6: UTF-16 HTML with a BOM --------------------------------------------
page='<html><head><title>Harbour news</title></head><body><article><h1>Harbour news</h1><p>The harbour board approved 14 new cranes on Tuesday after a long debate.</p><p>Work on the first crane starts in May, the board said in a statement.</p></article></body></html>'
printf '\xff\xfe' >"$tmp/p16le.html"
printf '%s\n' "$page" | iconv -f UTF-8 -t UTF-16LE >>"$tmp/p16le.html"
printf '\xfe\xff' >"$tmp/p16be.html"
printf '%s\n' "$page" | iconv -f UTF-8 -t UTF-16BE >>"$tmp/p16be.html"
for e in le be; do
  run extract --format=json "$tmp/p16$e.html"
  if [ "$st" -eq 0 ] && grep -q '"format": "html"' "$tmp/out" &&
     ! grep -q '<html>' "$tmp/out"; then
    ok "M6: UTF-16$e page with a BOM is read as HTML"
  else fail "M6: UTF-16$e page with a BOM is read as HTML"; fi
done

# --- L4: terminal escapes and bidi controls -------------------------------
printf 'The port said 9 boats\033[32m were damaged\033]0;owned\007 on Friday.\n\n' >"$tmp/esc.txt"
printf 'The port said 9 boats were damaged on Friday.\n\n' >"$tmp/clean.txt"
cmp_text "L4: an OSC title sequence adds no quantity 0" 0 \
  'summary: .* 0 added' "$tmp/clean.txt" "$tmp/esc.txt"
printf 'The port said 9 \342\200\256boats were damaged on Friday.\n\n' >"$tmp/rlo.txt"
run facts "$tmp/rlo.txt"
if grep -qF '<U+202E>boats' "$tmp/out" && ! grep -q $'\u202e' "$tmp/out"; then
  ok "L4: facts text shows an RLO as <U+202E>"
else fail "L4: facts text shows an RLO as <U+202E>"; fi

# --- L5, L9, L11: option values ---------------------------------------------
run --help extra
if [ "$st" -eq 2 ] && grep -q "unexpected argument 'extra' after --help" "$tmp/err"; then
  ok "L5: --help extra is a usage error"
else fail "L5: --help extra is a usage error"; fi
run --help
if [ "$st" -eq 0 ]; then ok "L5: --help alone exits 0"; else fail "L5: --help alone exits 0"; fi
# an unreachable URL: with the directory checked first, the error names it
run extract http://127.0.0.1:1/page.html --save="$tmp/no-such-dir"
if [ "$st" -eq 2 ] && grep -q -- '--save: the directory does not exist' "$tmp/err"; then
  ok "L9: --save directory checked before the fetch"
else fail "L9: --save directory checked before the fetch"; fi
run compare --lang-a "$tmp/pos.txt" "$tmp/neg.txt"
if [ "$st" -eq 2 ] && grep -q -- "--lang-a wants a language tag such as en, not the file" "$tmp/err"; then
  ok "L11: --lang-a FILE is named as a forgotten value"
else fail "L11: --lang-a FILE is named as a forgotten value"; fi
run compare --format=text --lang-a en "$tmp/pos.txt" "$tmp/neg.txt"
if [ "$st" -eq 1 ]; then ok "L11: --lang-a en still works"
else fail "L11: --lang-a en still works"; fi

finish
