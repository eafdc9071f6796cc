#!/usr/bin/env bash
# Session 11 `check` fixes, end to end. All inputs are written here.
#  1  pairs of one clash (several sentences saying one thing, each against
#     one denial) are one line in words and one JSON object with "pairs";
#     two clashes stay two;
#  2  cs negates a reporting verb with the prefix "ne-" ("neuvedla": did
#     not state), so `check` finds the speaker's claim affirmed and denied.
. "$(dirname "$0")/../support/cli.sh"

# --- 1: one clash, one line ---------------------------------------------
w holt.txt "Former mayor Ann Holt dies at 81" \
  "Ann Holt, who served as mayor for twenty years, died on Sunday." \
  "Her family said she died peacefully at home." \
  "Holt, who is still alive, was seen at a charity dinner, according to friends."
run check "$tmp/holt.txt"
if [ "$st" -eq 1 ] && [ "$(grep -c '^f' "$tmp/out")" -eq 1 ] &&
   grep -Eq '^f[0-9]+ f[0-9]+ f[0-9]+ f[0-9]+: s0 "dies", s1 "died", s2 "died" \(affirmed\) vs s3 "still alive" \(denied\)' "$tmp/out" &&
   [ "$(grep -c '^    s[0-3]: "' "$tmp/out")" -eq 4 ]; then
  ok "check: three pairs of one clash are one line, four sentences"
else fail "check: three pairs of one clash are one line (status $st)"; fi
run check --format=json "$tmp/holt.txt"
if [ "$st" -eq 1 ] && python3 - "$tmp/out" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
cs = d["contradictions"]
assert len(cs) == 1, cs
c = cs[0]
assert len(c["pairs"]) == 3 and [c["a"], c["b"]] == c["pairs"][0]
assert c["sentence_a"] == 0 and c["sentence_b"] == 3
assert c["text"].startswith('s0 "dies", s1 "died", s2 "died" (affirmed)')
assert c["quote_b"].startswith("Holt, who is still alive")
EOF
then ok "check json: one object per clash, with its pairs"
else fail "check json: one object per clash (status $st)"; fi

w two.txt "Kestrel Foods will cut 300 jobs this year, the company said on Monday." \
  "The park council approved the new trail plan." \
  "The chief executive told staff in a letter that Kestrel Foods would cut 450 jobs this year." \
  "The park council did not approve the new trail plan."
run check "$tmp/two.txt"
if [ "$st" -eq 1 ] && [ "$(grep -c '^f' "$tmp/out")" -eq 2 ]; then
  ok "check: two clashes stay two lines"
else fail "check: two clashes stay two lines (status $st)"; fi
run check --format=json "$tmp/two.txt"
if python3 - "$tmp/out" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
cs = d["contradictions"]
assert len(cs) == 2 and not any("pairs" in c for c in cs)
EOF
then ok "check json: a one-pair clash has no pairs field"
else fail "check json: a one-pair clash has no pairs field"; fi

# --- 2: Czech negated reporting verb -------------------------------------
w fire.cs.txt "Policie uvedla, že požár je pod kontrolou." \
  "Vítr foukal celý den od moře." \
  "Policie neuvedla, že požár je pod kontrolou."
run check --lang=cs "$tmp/fire.cs.txt"
if [ "$st" -eq 1 ] &&
   grep -Eq '^f[0-9]+ f[0-9]+: s0 ".*" \(affirmed\) vs s2 ".*" \(denied\): one speaker' "$tmp/out"; then
  ok "cs: neuvedla denies the claim of uvedla"
else fail "cs: neuvedla denies the claim of uvedla (status $st)"; fi

finish
