# Shared set-up of the shell tests in tests/cli/ (sourced, not run):
# $bin is the storydiff under test (STORYDIFF_BIN, set by ctest), $tmp a
# scratch directory removed on exit, ok/fail print one TAP-like line each
# and count failures in $fails, run ARGS... leaves the status in $st,
# stdout in $tmp/out and stderr in $tmp/err; finish prints the tally and
# sets the exit status.
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
