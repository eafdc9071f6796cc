#!/usr/bin/env bash
# Session 14 (fresh-user 14): `--help` and `--version` whose output cannot
# be written (stdout on /dev/full) exit 2 with one line, as every other
# command does; they exited 0 with the text lost.
. "$(dirname "$0")/../support/cli.sh"
for args in "--help" "--version" "facts --help" "compare --version"; do
  # shellcheck disable=SC2086
  "$bin" $args >/dev/full 2>"$tmp/err"; st=$?
  if [ "$st" -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] &&
     grep -q "stdout: No space left on device" "$tmp/err"; then
    ok "$args > /dev/full: exit 2, one line"
  else fail "$args > /dev/full (status $st)"; fi
  # shellcheck disable=SC2086
  "$bin" $args >"$tmp/out" 2>"$tmp/err"; st=$?
  if [ "$st" -eq 0 ] && [ -s "$tmp/out" ] && [ ! -s "$tmp/err" ]; then
    ok "$args: exit 0"
  else fail "$args (status $st)"; fi
done
finish
