#!/usr/bin/env bash
# Session 13 (fresh-user findings M7, L8, L10 and the ingest findings M1,
# M18, L12): file names that are not UTF-8 or hold control characters,
# and the inputs of extract.
. "$(dirname "$0")/../support/cli.sh"
w "a.txt" "The council approved 12 new parks in Lyon on Monday, the mayor said."
w "b.txt" "The council approved 14 new parks in Lyon on Monday, the mayor said."
latin1=$(printf 'caf\xe9.txt')
cp "$tmp/a.txt" "$tmp/$latin1"

# M7: a Latin-1 file name made every JSON report fail ("cannot build the
# JSON output"); its bytes that are not UTF-8 are now written as \xHH.
run compare --format=json "$tmp/$latin1" "$tmp/b.txt"
if [ "$st" -eq 1 ] && python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["articles"][0]["source"].endswith("caf\\xE9.txt"), r["articles"][0]["source"]' "$tmp/out"; then
  ok "compare --format=json: a Latin-1 file name, source with \\xE9"
else fail "compare --format=json: Latin-1 file name (status $st)"; fi
for cmd in facts check; do
  run "$cmd" --format=json "$tmp/$latin1"
  if [ "$st" -le 1 ] && python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["article"]["source"].endswith("caf\\xE9.txt")' "$tmp/out"; then
    ok "$cmd --format=json: a Latin-1 file name"
  else fail "$cmd --format=json: Latin-1 file name (status $st)"; fi
done
# the text view shows the byte as \xE9 too, so stdout stays UTF-8
run compare --format=text "$tmp/$latin1" "$tmp/b.txt"
if [ "$st" -eq 1 ] && grep -q 'caf\\xE9\.txt' "$tmp/out" && iconv -f UTF-8 -t UTF-8 "$tmp/out" >/dev/null; then
  ok "compare --format=text: the Latin-1 byte shown as \\xE9, output UTF-8"
else fail "compare --format=text: Latin-1 file name (status $st)"; fi

# L8: an error line naming a path with ESC and a stray byte wrote them raw
# to the terminal; they are shown as U+241B and \xFF.
bad=$(printf 'no\033[31mne\377.txt')
run compare "$tmp/$bad" "$tmp/b.txt"
if [ "$st" -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] &&
   ! grep -q $'\033' "$tmp/err" &&
   grep -qF "$(printf 'no\342\220\233[31mne\\xFF.txt')" "$tmp/err"; then
  ok "error line: control character and stray byte of a path made visible"
else fail "error line with ESC in the path (status $st)"; fi
nl=$(printf 'two\nlines.txt')
run facts "$tmp/$nl"
if [ "$st" -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ]; then
  ok "error line: a newline in a path keeps the message on one line"
else fail "error line with a newline in the path (status $st)"; fi
finish
