#!/usr/bin/env bash
# Findings fixed by the lead in session 20 (2026-12-02), with texts
# written here.
. "$(dirname "$0")/../support/cli.sh"
src=${STORYDIFF_SOURCE_DIR:?}

# fresh-user 20 H6: "killed at least 1,300 people and injured more than
# 6,000" counted the death toll as injured (the qualifier hid the verb
# before the number; the event after it took the count), so an updated
# toll was paired killed against injured.
w k-a.txt "The earthquake killed at least 1,300 people and injured more than 6,000 others, officials said."
w k-b.txt "The earthquake killed at least 2,100 people and injured more than 6,000 others, officials said."
run facts --format=json --lang=en "$tmp/k-a.txt"
if python3 - "$tmp/out" <<'PY'
import json, sys
q = {f["value"]["number"]: f["value"]["event"]
     for f in json.load(open(sys.argv[1]))["facts"] if f["type"] == "quantity"}
sys.exit(0 if q.get(1300) == "KILL" and q.get(6000) == "INJURE" else 1)
PY
then ok "facts: 'killed at least 1,300' counts 1,300 KILL"
else fail "facts: 'killed at least 1,300' counts 1,300 KILL"; fi
cmp_text "compare: an updated death toll is a changed KILL count" 1 \
  '^\[~\] changed quantity .*at least 1300 → at least 2100 \(person, KILL\)' \
  "$tmp/k-a.txt" "$tmp/k-b.txt"

# fresh-user 20 M13: an invisible character inside a number (a zero-width
# space, a soft hyphen from a web page: shown as 14 and 2,300) split it
# into two numbers, certain false changes against the clean text
w z-a.txt "The floods killed 14 people and forced 2,300 residents from their homes."
printf 'The floods killed 1\342\200\2134 people and forced 2,\302\255300 residents from their homes.\n\n' >"$tmp/z-b.txt"
printf 'The floods killed 1\342\201\2404 people and forced 2\357\273\277,300 residents from their homes.\n\n' >"$tmp/z-c.txt"
for f in z-b.txt z-c.txt; do
  run compare --format=text "$tmp/z-a.txt" "$tmp/$f"
  if [ "$st" -eq 0 ] && ! grep -q '^\[[-+~!]\]' "$tmp/out"; then
    ok "compare: invisible characters inside numbers ($f) change nothing"
  else fail "compare: invisible characters inside numbers ($f), status $st"; fi
done

# fresh-user 20 L14: scripts/compare-pairs --help printed mkdir's help
# (the option was taken as OUTDIR)
bash "$src/scripts/compare-pairs" --help >"$tmp/out" 2>"$tmp/err"; st=$?
if [ "$st" -eq 0 ] && grep -q '^usage: scripts/compare-pairs OUTDIR' "$tmp/out" &&
   ! grep -qi mkdir "$tmp/out" && [ ! -e ./--help ]; then
  ok "compare-pairs --help prints its usage"
else fail "compare-pairs --help (status $st)"; fi
bash "$src/scripts/compare-pairs" --bogus >"$tmp/out" 2>"$tmp/err"; st=$?
if [ "$st" -eq 2 ] && grep -q "unknown option '--bogus'" "$tmp/err" && [ ! -e ./--bogus ]; then
  ok "compare-pairs: an unknown option exits 2"
else fail "compare-pairs --bogus (status $st)"; fi

finish
