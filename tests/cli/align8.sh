#!/usr/bin/env bash
# Moved passages as a user sees them (align, session 9). Fresh-user
# finding M3: two paragraphs moved ahead of four gave "0 moved", no `^`
# in the gutter and every JSON link "match" (exact_moves labelled the
# moved pair match as each other's aligned neighbours). Now the two
# moved paragraphs (the smaller side of the swap) and only they are
# moved, at both levels; a single moved paragraph and an unchanged copy
# keep their labels. Every moved sentence link is out of order with the
# in-order links (a link is not moved for its paragraph's label).
. "$(dirname "$0")/../support/cli.sh"
p1="Storm floods the valley town of Hollin"
p2="Heavy rain fell on Hollin for three days. The river rose by four metres on Sunday."
p3="About 600 homes near the old mill were flooded."
p4="Rescue boats took 85 people from their roofs, the fire service said."
p5="The railway line to Dunmere stays closed until Friday."
p6="Mayor Ines Varga asked the government for 12 million euros of help. She called the flood the worst since 1962."
p7="Farmers lost most of the barley harvest. Insurers expect claims of about 40 million euros."
p8="Forecasters expect more rain at the weekend, and the army has sent 200 soldiers to build dams."
w a.txt "$p1" "$p2" "$p3" "$p4" "$p5" "$p6" "$p7" "$p8"
w block.txt "$p1" "$p6" "$p7" "$p2" "$p3" "$p4" "$p5" "$p8"
w one.txt "$p1" "$p2" "$p3" "$p5" "$p6" "$p4" "$p7" "$p8"
w same.txt "$p1" "$p2" "$p3" "$p4" "$p5" "$p6" "$p7" "$p8"

# moved: the A sentence indices of moved sentence links, comma-separated;
# order_ok: 1 when the match links increase on both sides and every
# moved link breaks that order
js() {
  python3 - "$tmp/out" "$1" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
lv = d["alignment"] if sys.argv[2] == "s" else d["paragraph_alignment"]
lk = [l for l in lv if l["a"] and l["b"]]
mv = [l for l in lk if l["kind"] == "moved"]
ma = sorted((l for l in lk if l["kind"] == "match"), key=lambda l: l["a"][0])
inc = all(x["b"][-1] < y["b"][0] for x, y in zip(ma, ma[1:]))
def fits(l):
    bef = [m for m in ma if m["a"][-1] < l["a"][0]]
    aft = [m for m in ma if m["a"][0] > l["a"][-1]]
    lo = bef[-1]["b"][-1] if bef else -1
    hi = aft[0]["b"][0] if aft else 10**9
    return lo < l["b"][0] and l["b"][-1] < hi
print(",".join(str(l["a"][0]) for l in mv), int(inc and not any(fits(l) for l in mv)))
PY
}
run compare --format=json "$tmp/a.txt" "$tmp/block.txt"
[ "$(js s)" = "6,7,8,9 1" ] && ok "block of two moved ahead of four: its 4 sentences moved" ||
  fail "block sentences: $(js s)"
[ "$(js p)" = "5,6 1" ] && ok "block: paragraphs 5 and 6 moved" || fail "block paragraphs: $(js p)"
cmp_text "block: text report counts and gutter" 0 'sentences 7 matched, 4 moved' "$tmp/a.txt" "$tmp/block.txt"
if grep -q '^\[\^\] moved sentence a:s6 -> b:s1' "$tmp/out"; then ok "block: ^ line"
else fail "block: ^ line"; fi
run compare --format=json "$tmp/a.txt" "$tmp/one.txt"
[ "$(js p)" = "3 1" ] && ok "one paragraph moved" || fail "one paragraph: $(js p)"
run compare --format=json "$tmp/a.txt" "$tmp/same.txt"
[ "$(js s)" = " 1" ] && ok "copy: nothing moved" || fail "copy: $(js s)"
finish
