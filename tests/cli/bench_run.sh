#!/usr/bin/env bash
# bench/run: an unknown benchmark name is refused at once, with the list of
# names and exit status 2, before any build (the fresh-user test waited
# minutes for a build, then read "unknown benchmark"); no name prints the
# usage and the list. No benchmark is run here.
. "$(dirname "$0")/../support/cli.sh"
runner=$(dirname "$0")/../../bench/run
STORY_BENCH_BUILD="$tmp/never-built" bash "$runner" no-such-bench >"$tmp/out" 2>"$tmp/err"; st=$?
if [ "$st" -eq 2 ] && [ ! -e "$tmp/never-built" ] &&
   grep -q "^bench/run: unknown benchmark 'no-such-bench'; one of: .*facts-wmt24" "$tmp/err"; then
  ok "unknown name: exit 2 before any build"
else fail "unknown name (status $st)"; fi
bash "$runner" >"$tmp/out" 2>"$tmp/err"; st=$?
if [ "$st" -eq 2 ] && grep -q "^NAME: .*align-perturbed" "$tmp/out"; then
  ok "no name: usage and the list"
else fail "no name (status $st)"; fi
finish
