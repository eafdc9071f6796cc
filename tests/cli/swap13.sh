#!/usr/bin/env bash
# Session 13 (helper "sym", fresh-user 13 H14): with --symmetric, compare
# A B and compare B A mirror each other: verdict counts with added <-> omitted, the same
# relation kind and overall similarity, the same certain flags
# (scripts/swap-check). All inputs are written here. The first pair (a
# sentence merge of B beside an added sentence) gave sentences_added 0 one
# way and sentences_omitted 1 the other on the session-start tree.
. "$(dirname "$0")/../support/cli.sh"
chk_swap() { # NAME A B
  python3 "$(dirname "$0")/../../scripts/swap-check" "$bin" --symmetric "$tmp/$2" \
    "$tmp/$3" >"$tmp/out" 2>"$tmp/err"
  if [ $? -eq 0 ]; then ok "$1"; else fail "$1"; fi
}

w long.txt "Harbor City council votes to expand the tram network" \
  "The Harbor City council voted on Tuesday to extend the tram network by 12 kilometres. The vote was 31 to 9. Mayor Elena Ruiz said the work would start in March 2027." \
  "The new line will link the port district with the university. It will cost 340 million euros. That is more than the city spends on schools in a year." \
  "Opposition leader Tomas Berg criticised the plan. He said the city should first repair its bridges. Residents can comment on the plans until the end of May."
w short.txt "Harbor City votes for a longer tram network" \
  "On Tuesday, by 31 votes to 9, the Harbor City council agreed to extend the tram network by 12 kilometres, and work will start in March 2027, the mayor said." \
  "A new line is to link the port district and the university at a cost of 340 million euros, the transport office said." \
  "Tomas Berg, leader of the opposition, said the bridges should be repaired first. Shop owners in the port district welcomed the plan. Comments on the plans are open until the end of May."
chk_swap "merge beside an added sentence: the swap mirrors" long.txt short.txt

# the mirror itself, read from the two reports
run compare --symmetric --format=json "$tmp/long.txt" "$tmp/short.txt"
cp "$tmp/out" "$tmp/fw.json"
run compare --symmetric --format=json "$tmp/short.txt" "$tmp/long.txt"
cp "$tmp/out" "$tmp/bw.json"
if python3 - "$tmp/fw.json" "$tmp/bw.json" <<'PY'
import json, sys
f, b = (json.load(open(p)) for p in sys.argv[1:3])
F, B = f['summary'], b['summary']
assert F['sentences_added'] == B['sentences_omitted'], (F, B)
assert F['sentences_omitted'] == B['sentences_added'], (F, B)
assert F['added'] == B['omitted'] and F['omitted'] == B['added'], (F, B)
assert f['relation']['kind'] == b['relation']['kind']
assert abs(f['similarity']['overall'] - b['similarity']['overall']) < 1e-3
# every B-only sentence one way is an A-only sentence the other way
fa = sorted(tuple(l['b']) for l in f['alignment'] if l['kind'] == 'added')
bo = sorted(tuple(l['a']) for l in b['alignment'] if l['kind'] == 'omitted')
assert fa == bo, (fa, bo)
PY
then ok "json: counts, relation, overall and added sentences mirror"
else fail "json: counts, relation, overall and added sentences mirror"; fi

# a second, unrelated pair of one story
w tram.a.txt "Tram line approved" \
  "The council of Harbor City approved a tram line of 12 kilometres on Tuesday. Mayor Elena Ruiz welcomed the vote." \
  "Work is due to begin in March 2027."
w tram.b.txt "Harbor City backs its tram plan" \
  "Mayor Elena Ruiz welcomed Tuesday's vote. The line will be 12 kilometres long and cost 340 million euros." \
  "Critics said the bridges come first. Work begins in March 2027."
chk_swap "a short rewrite: the swap mirrors" tram.a.txt tram.b.txt
# a range on one side and its two ends on the other (the diff's
# pass_range_ends): 7 same one way, 6 the other before each second end
# had its own entry
w range.ends.txt "Rents rise in Harbor City" \
  "Rents in the port district rose by 6 per cent and 15 per cent over two years, the housing office said on Monday." \
  "The council plans 400 new flats."
w range.txt "Rents rise in Harbor City" \
  "Rents in the port district rose by 6-15 per cent over two years, the housing office said on Monday." \
  "The council plans 400 new flats."
chk_swap "a range and its two ends: the swap mirrors" range.ends.txt range.txt
finish
