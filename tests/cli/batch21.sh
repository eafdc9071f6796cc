#!/usr/bin/env bash
# storydiff batch LIST (session 21, 2026-12-02; fresh-user 20 M14, L7: a
# research batch had to loop over `compare` in the shell, one process and
# one load of the language packs per pair, and compare A B C stopped at
# the first version that failed). Texts written here.
. "$(dirname "$0")/../support/cli.sh"

w a.txt "The storm injured 15 people in Lindau on Monday, the police said."
w b.txt "The storm injured 14 people in Lindau on Monday, the police said."
w c.txt "The storm injured 15 people in Lindau on Monday, the police said."
printf '# a comment, then a blank line\n\n%s\t%s\n%s\t%s\r\n' \
  "$tmp/a.txt" "$tmp/b.txt" "$tmp/a.txt" "$tmp/c.txt" >"$tmp/ok.tsv"

# two good pairs: one report each, in list order; 1 as one pair differs
run batch --format=json "$tmp/ok.tsv"
if [ "$st" -eq 1 ] && python3 - "$tmp/out" "$tmp" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
t = sys.argv[2]
assert [r["schema"] for r in d] == ["storydiff.report/1"] * 2
assert [r["articles"][1]["source"] for r in d] == [t + "/b.txt", t + "/c.txt"]
ch = [e for e in d[0]["diff"] if e["category"] == "changed"]
assert ch and not [e for e in d[1]["diff"] if e["category"] != "same"]
PY
then ok "batch --format=json: one report per pair, in order, exit 1"
else fail "batch --format=json: one report per pair, in order (status $st)"; fi

# the same list as text: the two reports, the first with the change
run batch --format=text "$tmp/ok.tsv"
if [ "$st" -eq 1 ] && [ "$(grep -c '^A: ' "$tmp/out")" -eq 2 ] &&
   grep -q '^\[~\] changed quantity .*15 → 14' "$tmp/out"; then
  ok "batch --format=text: two reports"
else fail "batch --format=text: two reports (status $st)"; fi

# only the same pair: exit 0; the list from stdin
printf '%s\t%s\n' "$tmp/a.txt" "$tmp/c.txt" |
  "$bin" batch --format=json - >"$tmp/out" 2>"$tmp/err"
st=$?
if [ "$st" -eq 0 ] && python3 -c 'import json,sys; assert len(json.load(open(sys.argv[1]))) == 1' "$tmp/out"; then
  ok "batch -: the list from stdin, no difference, exit 0"
else fail "batch -: the list from stdin (status $st)"; fi

# failing pairs do not stop the run: each named by its line, a summary,
# exit 2, the good pairs still reported
printf '%s\t%s\n%s\n%s\t%s\n%s\t-\n%s\t%s\t%s\n' \
  "$tmp/a.txt" "$tmp/missing.txt" "$tmp/a.txt" "$tmp/a.txt" "$tmp/b.txt" \
  "$tmp/a.txt" "$tmp/a.txt" "$tmp/b.txt" "$tmp/c.txt" >"$tmp/bad.tsv"
run batch --format=json "$tmp/bad.tsv"
if [ "$st" -eq 2 ] &&
   grep -q "^storydiff: $tmp/bad.tsv:1: $tmp/missing.txt: " "$tmp/err" &&
   grep -q "^storydiff: $tmp/bad.tsv:2: no tab between A and B" "$tmp/err" &&
   grep -q "^storydiff: $tmp/bad.tsv:4: '-' (stdin) cannot be" "$tmp/err" &&
   grep -q "^storydiff: $tmp/bad.tsv:5: more than one tab" "$tmp/err" &&
   grep -q "^storydiff: $tmp/bad.tsv: 4 of 5 pairs failed (lines 1, 2, 4, 5); the other 1 were compared" "$tmp/err" &&
   python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert len(d) == 1 and d[0]["articles"][1]["source"].endswith("/b.txt")' "$tmp/out"; then
  ok "batch: failing pairs named by line, the others compared, exit 2"
else fail "batch: failing pairs (status $st)"; cat "$tmp/err"; fi

# a list with no pair, a missing list, a directory: one error, exit 2
printf '# nothing\n\n' >"$tmp/empty.tsv"
for l in "$tmp/empty.tsv" "$tmp/nolist.tsv" "$tmp"; do
  run batch "$l"
  if [ "$st" -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] &&
     grep -q "^storydiff: $l: " "$tmp/err" && [ ! -s "$tmp/out" -o "$l" = "$tmp/empty.tsv" ]; then
    ok "batch $(basename "$l"): one error line, exit 2"
  else fail "batch $(basename "$l"): one error line (status $st)"; fi
done

# compare's options apply; extract's do not
run batch --save="$tmp" "$tmp/ok.tsv"
if [ "$st" -eq 2 ] && grep -q "'--save' does not apply to 'batch'" "$tmp/err"; then
  ok "batch --save: usage error"
else fail "batch --save: usage error (status $st)"; fi
run batch --strict --lang-a=en --lang-b=en --format=text "$tmp/ok.tsv"
if [ "$st" -eq 1 ]; then ok "batch takes compare's options"
else fail "batch takes compare's options (status $st)"; fi
finish
