#!/usr/bin/env bash
# docs/example.c (the README's library example, built as story_example
# against the public headers only): it runs, prints the facts of A and the
# summary of A vs B, exits like the tool (0 same, 1 differences, 2 error
# with one line naming the input).
. "$(dirname "$0")/../support/cli.sh"
ex=${STORYDIFF_EXAMPLE:?STORYDIFF_EXAMPLE not set}
loc=${STORYDIFF_LOCALES:?}

w a.txt "The council in Port Lannow approved 12 new ferries on Monday, the mayor said." \
  "The ferries will cost 40 million euros."
w b.txt "The council in Port Lannow approved 15 new ferries on Monday, the mayor said." \
  "The ferries will cost 40 million euros."
"$ex" "$loc" "$tmp/a.txt" "$tmp/b.txt" >"$tmp/out" 2>"$tmp/err"; st=$?
if [ "$st" -eq 1 ] && grep -q "a.txt (en): 2 sentences, [0-9]* facts" "$tmp/out" &&
   grep -q "quantity" "$tmp/out" && grep -q ": [0-9]* same, 1 changed" "$tmp/out" &&
   grep -q "JSON report: [0-9]* bytes" "$tmp/out"; then
  ok "example: facts, a changed number, exit 1"
else fail "example A B (status $st): $(cat "$tmp/out" "$tmp/err")"; fi
"$ex" "$loc" "$tmp/a.txt" "$tmp/a.txt" >"$tmp/out" 2>"$tmp/err"; st=$?
if [ "$st" -eq 0 ] && grep -q "0 changed, 0 contradicted, 0 added, 0 omitted" "$tmp/out"; then
  ok "example: the same text, exit 0"
else fail "example A A (status $st)"; fi
"$ex" "$loc" "$tmp/missing.txt" "$tmp/a.txt" >"$tmp/out" 2>"$tmp/err"; st=$?
if [ "$st" -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] && grep -q "missing.txt" "$tmp/err"; then
  ok "example: a missing file, exit 2, one line"
else fail "example missing (status $st)"; fi
finish
