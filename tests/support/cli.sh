# Shared set-up of the shell tests in tests/cli/ (sourced, not run):
# $bin is the storydiff under test (STORYDIFF_BIN, set by ctest), $tmp a
# scratch directory removed on exit, ok/fail print one TAP-like line each
# and count failures in $fails, run ARGS... leaves the status in $st,
# stdout in $tmp/out and stderr in $tmp/err; finish prints the tally and
# sets the exit status; w, chk and cmp_text write inputs and check `check` and
# `compare` results (cmp_text is not named cmp: cli_fixes.sh calls cmp(1)).
set -uo pipefail
bin=$(realpath "${STORYDIFF_BIN:?STORYDIFF_BIN not set}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
ok() { echo "ok - $1"; }
fail() {
  echo "FAIL - $1"
  cat "$tmp/out" "$tmp/err" 2>/dev/null | head -20
  fails=$((fails + 1))
}
run() { "$bin" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null; st=$?; }
finish() {
  [ "$fails" -eq 0 ] && echo "all passed" || { echo "$fails failed"; exit 1; }
}

# w FILE PARAGRAPH...: write the paragraphs to $tmp/FILE, a blank line
# after each
w() { local f=$1; shift; printf '%s\n\n' "$@" >"$tmp/$f"; }
# chk NAME WANT-STATUS WANT-REGEX FILE: `check` FILE, its status and a line
chk() {
  local name=$1 want=$2 re=$3
  "$bin" check "$4" >"$tmp/out" 2>"$tmp/err" </dev/null
  local st=$?
  if [ "$st" -eq "$want" ] && grep -Eq "$re" "$tmp/out"; then ok "$name"
  else fail "$name (status $st, want $want)"; fi
}
# cmp_text NAME WANT-STATUS WANT-REGEX A B: compare --format=text, its status
# and a line
cmp_text() {
  local name=$1 want=$2 re=$3
  "$bin" compare --format=text "$4" "$5" >"$tmp/out" 2>"$tmp/err" </dev/null
  local st=$?
  if [ "$st" -eq "$want" ] && grep -Eq "$re" "$tmp/out"; then ok "$name"
  else fail "$name (status $st, want $want)"; fi
}
