#!/usr/bin/env bash
# Session 17 (fresh-user 16 M6): a day and month written with digits
# ("am 19.1.", uk "(10.01)") is a date, the same as the month written
# out; it was the quantity 19.1, a certain added quantity and an omitted
# date (exit 1) for a wording-only difference.
. "$(dirname "$0")/../support/cli.sh"

w "a.txt" "Der Minister kam am 19. Januar nach Bonn. Er sprach mit 40 Bauern."
w "b.txt" "Der Minister kam am 19.1. nach Bonn. Er sprach mit 40 Bauern."
w "c.txt" "Der Minister kam am 19.2. nach Bonn. Er sprach mit 40 Bauern."
run compare --format=text "$tmp/a.txt" "$tmp/b.txt"
if [ "$st" -eq 0 ] && ! grep -q '^\[' "$tmp/out"; then
  ok "compare: '19. Januar' = '19.1.', exit 0"
else fail "compare: '19. Januar' vs '19.1.' (status $st, want 0)"; cat "$tmp/out"; fi
run compare --format=text "$tmp/a.txt" "$tmp/c.txt"
if [ "$st" -eq 1 ] && grep -q '^\[~\] changed date.*--01-19.*--02-19' "$tmp/out"; then
  ok "compare: '19. Januar' vs '19.2.' is a changed date"
else fail "compare: '19. Januar' vs '19.2.' (status $st)"; cat "$tmp/out"; fi

finish
