#!/usr/bin/env bash
# Findings fixed by the lead in session 10 (2026-12-01), with pages written
# here: an HTML page's declared charset that the bytes overrule is never
# dropped silently (fresh-user L5 of session 9):
#  - <meta charset="utf-8"> over single-byte (Latin-1) letters: detected as
#    before, now with a note on stderr naming the declaration and the byte;
#  - <meta charset="utf-8"> over a UTF-8 character cut short ("E2 82 ",
#    no complete multi-byte sequence in the page): decoded as declared,
#    one U+FFFD and the replacement warning (it was read as windows-1252:
#    mojibake "â‚" without a word);
#  - an unknown label (<meta charset="klingon-8">): ignored as the WHATWG
#    Encoding standard says, with a note.
. "$(dirname "$0")/../support/cli.sh"

page() { printf '<html><head><meta charset="%s"></head><body><article><p>%s</p></article></body></html>\n' "$1" "$2"; }

page utf-8 "$(printf 'The ferry left Port Lannow at dawn with 40 passengers and an \xe9t\xe9 crew.')" >"$tmp/latin1.html"
run extract "$tmp/latin1.html"
if [ "$st" -eq 0 ] && grep -q "été crew" "$tmp/out" &&
   grep -q "note: charset 'utf-8' declared by the page's <meta>, but the bytes are not UTF-8 (byte [0-9]* is not valid UTF-8); read as windows-1252\|note: charset 'utf-8' declared by the page's <meta>, but the bytes are not UTF-8 (byte [0-9]* is not valid UTF-8); read as ISO-8859-1" "$tmp/err" &&
   [ "$(wc -l <"$tmp/err")" -eq 1 ]; then
  ok "html: utf-8 declared over Latin-1 bytes: detected, with one note"
else fail "html: utf-8 declared over Latin-1 bytes (status $st): $(cat "$tmp/err")"; fi

page utf-8 "$(printf 'Fire in Kelton \xe2\x82 destroyed 3 homes on Monday.')" >"$tmp/cut.html"
run extract "$tmp/cut.html"
if [ "$st" -eq 0 ] && grep -q "Kelton � destroyed" "$tmp/out" &&
   grep -q "byte [0-9]*: 1 invalid byte sequence replaced by U+FFFD" "$tmp/err" &&
   ! grep -q "â" "$tmp/out"; then
  ok "html: a UTF-8 character cut short is one U+FFFD, with a warning"
else fail "html: UTF-8 character cut short (status $st): $(cat "$tmp/out" "$tmp/err")"; fi

page klingon-8 "Six people died in Dravnik on Monday." >"$tmp/klingon.html"
run extract "$tmp/klingon.html"
if [ "$st" -eq 0 ] && grep -q "Six people died" "$tmp/out" &&
   grep -q "note: charset 'klingon-8' declared by the page's <meta> is a label no converter knows: ignored; read as UTF-8" "$tmp/err"; then
  ok "html: an unknown charset label is ignored with a note"
else fail "html: unknown charset label (status $st): $(cat "$tmp/err")"; fi

# a page whose declaration holds: no note
page utf-8 "The ferry left Port Lannow at dawn with 40 passengers." >"$tmp/good.html"
run extract "$tmp/good.html"
if [ "$st" -eq 0 ] && [ ! -s "$tmp/err" ]; then ok "html: a true declaration: no note"
else fail "html: true declaration gave stderr: $(cat "$tmp/err")"; fi

# compare A B C ...: each version against A (the brief's "two (or many)
# versions"), held until all succeed; JSON is an array of reports
w a.txt "The council in Port Lannow approved 12 new ferries on Monday, the mayor said." \
  "The ferries will cost 40 million euros."
w b.txt "The council in Port Lannow approved 12 new ferries on Monday, the mayor said." \
  "The ferries will cost 40 million euros."
w c.txt "The council in Port Lannow approved 15 new ferries on Monday, the mayor said." \
  "The ferries will cost 40 million euros."
run compare --format=text "$tmp/a.txt" "$tmp/b.txt" "$tmp/c.txt"
if [ "$st" -eq 1 ] && [ "$(grep -c '^A: ' "$tmp/out")" -eq 2 ] &&
   grep -q "^B: .*b.txt" "$tmp/out" && grep -q "^B: .*c.txt" "$tmp/out" &&
   grep -q "12 .*→ 15\|12 → 15" "$tmp/out" && [ "$(grep -c '^summary:' "$tmp/out")" -eq 2 ]; then
  ok "compare A B C: two text reports, the change in C found, exit 1"
else fail "compare A B C text (status $st)"; fi
run compare --format=text "$tmp/a.txt" "$tmp/b.txt" "$tmp/b.txt"
if [ "$st" -eq 0 ]; then ok "compare A B B: no version differs, exit 0"
else fail "compare A B B (status $st)"; fi
run compare --format=json "$tmp/a.txt" "$tmp/b.txt" "$tmp/c.txt"
if [ "$st" -eq 1 ] && python3 - "$tmp/out" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert isinstance(d, list) and len(d) == 2, d
assert all(r["schema"] == "storydiff.report/1" for r in d)
assert d[0]["summary"]["changed"] == 0 and d[1]["summary"]["changed"] >= 1
PY
then ok "compare --format=json A B C: an array of two reports"
else fail "compare --format=json A B C (status $st)"; fi
run compare --format=json "$tmp/a.txt" "$tmp/b.txt"
if [ "$st" -eq 0 ] && python3 -c 'import json,sys; assert isinstance(json.load(open(sys.argv[1])), dict)' "$tmp/out"; then
  ok "compare --format=json A B: still one object"
else fail "compare json A B (status $st)"; fi
# an error in a later version: exit 2, one line, nothing on stdout
run compare --format=text "$tmp/a.txt" "$tmp/b.txt" "$tmp/missing.txt"
if [ "$st" -eq 2 ] && [ ! -s "$tmp/out" ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] &&
   grep -q "missing.txt" "$tmp/err"; then ok "compare A B missing: exit 2, stdout empty"
else fail "compare A B missing (status $st)"; fi
# A from stdin with several versions: read once, used for every version
# (session 18: was refused, A being read once per comparison)
"$bin" compare --format=text - "$tmp/b.txt" "$tmp/c.txt" <"$tmp/a.txt" >"$tmp/out" 2>"$tmp/err"; st=$?
"$bin" compare --format=text "$tmp/a.txt" "$tmp/b.txt" "$tmp/c.txt" >"$tmp/out2" 2>/dev/null
if [ "$st" -eq 1 ] && [ "$(grep -c '^summary:' "$tmp/out")" -eq 2 ] &&
   [ "$(grep -v '^A:' "$tmp/out" | md5sum)" = "$(grep -v '^A:' "$tmp/out2" | md5sum)" ]; then
  ok "compare - B C: A from stdin for both versions, as from the file"
else fail "compare - B C (status $st)"; fi
"$bin" compare --format=text "$tmp/a.txt" "$tmp/b.txt" - <"$tmp/c.txt" >"$tmp/out" 2>"$tmp/err"; st=$?
if [ "$st" -eq 1 ] && [ "$(grep -c '^summary:' "$tmp/out")" -eq 2 ]; then ok "compare A B -: stdin as a later version"
else fail "compare A B - (status $st)"; fi

# facts text output: always seven tab-separated fields, flags "-" when none
# (fresh-user L2: the flags field was missing or split in two)
w fl.txt "The council did not approve 12 ferries on Monday, and might add 4 more." \
  "Officials reportedly did not sign the deal."
run facts "$tmp/fl.txt"
if [ "$st" -eq 0 ] && [ "$(awk -F'\t' 'NF != 7' "$tmp/out" | wc -l)" -eq 0 ] &&
   awk -F'\t' '$6 == "-"' "$tmp/out" | grep -q . &&
   awk -F'\t' '$6 == "negated"' "$tmp/out" | grep -q .; then
  ok "facts: seven fields per line, flags '-' when none"
else fail "facts text fields (status $st): $(cat "$tmp/out")"; fi

# check --format=json: "contradictions" is [] when there is none
# (fresh-user L1: the key was missing)
run check --format=json "$tmp/a.txt"
if [ "$st" -eq 0 ] && python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["contradictions"] == []' "$tmp/out"; then
  ok "check --format=json: an empty contradictions list"
else fail "check json empty (status $st)"; fi

finish
