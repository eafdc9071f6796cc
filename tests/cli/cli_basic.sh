#!/usr/bin/env bash
# CLI contract of storydiff (docs/cli.md): exit statuses 0/1/2, the one-line
# error format "storydiff: <input>: [byte N: ]<cause>", --help/--version,
# usage errors with a hint, at most one "-" input, colour control.
# Inputs are short texts written here. Runs $STORYDIFF_BIN (set by ctest).
set -uo pipefail
bin=${STORYDIFF_BIN:?STORYDIFF_BIN not set}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
check() { # check NAME CONDITION...
  local name=$1; shift
  if "$@"; then echo "ok - $name"; else echo "FAIL - $name"; fails=$((fails + 1)); fi
}
run() { # run ARGS... -> $out $err $st
  "$bin" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
  st=$?
  out=$(cat "$tmp/out"); err=$(cat "$tmp/err")
}

cat >"$tmp/a.txt" <<'T'
Storm closes the coast road

A storm hit the coastal town of Marlow on Monday and injured 15 people, the mayor said.

The road to the harbour will stay closed for 3 weeks while engineers repair it.
T
cat >"$tmp/b.txt" <<'T'
Storm closes the coast road

A storm hit the coastal town of Marlow on Monday and injured 14 people, the mayor said.

The road to the harbour will stay closed for 3 weeks while engineers repair it.
T

# --help / --version
run --help
check "--help exits 0" test "$st" -eq 0
check "--help lists compare" grep -q "storydiff compare A B" "$tmp/out"
check "--help lists every option" bash -c "for o in format width color lang-a lang-b relation translate encoding timeout save locales-dir; do grep -q -- \"--\$o\" '$tmp/out' || exit 1; done"
run compare --help
check "compare --help exits 0" test "$st" -eq 0
check "compare --help shows --width" grep -q -- "--width" "$tmp/out"
run --version
check "--version exits 0" test "$st" -eq 0
check "--version format" grep -Eq '^storydiff [0-9]+\.[0-9]+\.[0-9]+$' "$tmp/out"

# exit status 0: nothing differs
run compare --format=text "$tmp/a.txt" "$tmp/a.txt"
check "same file exits 0 (got $st: $err)" test "$st" -eq 0
# exit status 1: a number differs
run compare --format=text "$tmp/a.txt" "$tmp/b.txt"
check "changed number exits 1 (got $st: $err)" test "$st" -eq 1
check "text format names the change" grep -q "15" "$tmp/out"

# JSON
run compare --format=json "$tmp/a.txt" "$tmp/b.txt"
check "json exits 1" test "$st" -eq 1
check "json has schema" grep -q '"schema": "storydiff.report/1"' "$tmp/out"
if command -v python3 >/dev/null; then
  check "json parses (python3)" python3 -c "import json,sys; json.load(open('$tmp/out'))"
  # Optional second opinion on the schema: python3-jsonschema when present.
  if python3 -c "import jsonschema" 2>/dev/null; then
    check "json validates against docs/report.schema.json (python3-jsonschema)" \
      python3 -c "import json,jsonschema; jsonschema.Draft202012Validator(json.load(open('${STORYDIFF_SOURCE_DIR:-.}/docs/report.schema.json'))).validate(json.load(open('$tmp/out')))"
  fi
fi

# side-by-side, width and colour
run compare --format=side-by-side --width 60 --color=never "$tmp/a.txt" "$tmp/b.txt"
check "side-by-side exits 1" test "$st" -eq 1
check "no escape codes with --color=never" bash -c "! grep -q $'\x1b' '$tmp/out'"
check "markers without colour" grep -qF "[~]" "$tmp/out"
check "lines fit --width 60" env LC_ALL=C.UTF-8 awk 'length($0) > 60 { bad = 1 } END { exit bad }' "$tmp/out"
run compare --format=side-by-side --color=always "$tmp/a.txt" "$tmp/b.txt"
check "--color=always colours" grep -q $'\x1b\[' "$tmp/out"
NO_COLOR=1 "$bin" compare --format=side-by-side "$tmp/a.txt" "$tmp/b.txt" >"$tmp/out" 2>/dev/null
check "NO_COLOR: no escape codes" bash -c "! grep -q $'\x1b' '$tmp/out'"
if command -v script >/dev/null; then
  # on a terminal: colour by default, none with NO_COLOR
  script -qec "'$bin' compare --format=side-by-side '$tmp/a.txt' '$tmp/b.txt'" /dev/null >"$tmp/tty" 2>&1
  check "colour on a terminal" grep -q $'\x1b\[3' "$tmp/tty"
  NO_COLOR=1 script -qec "'$bin' compare --format=side-by-side '$tmp/a.txt' '$tmp/b.txt'" /dev/null >"$tmp/tty" 2>&1
  check "NO_COLOR on a terminal" bash -c "! grep -q $'\x1b\[3' '$tmp/tty'"
fi

# stdin
run compare --format=text - "$tmp/a.txt"
check "stdin (empty) is an error, exit 2" test "$st" -eq 2
"$bin" compare --format=text - "$tmp/b.txt" <"$tmp/a.txt" >/dev/null 2>"$tmp/err"
st=$?
check "one - input works (got $st: $(cat "$tmp/err"))" test "$st" -eq 1
run compare - -
check "two - refused, exit 2" test "$st" -eq 2
check "two - message" grep -q "^storydiff: .*at most one input may be '-'" "$tmp/err"
check "two - message is one line" test "$(wc -l <"$tmp/err")" -eq 1

# errors: one line, names the input
run compare "$tmp/missing.txt" "$tmp/a.txt"
check "missing file exits 2" test "$st" -eq 2
check "missing file: one line naming it" bash -c "test \$(wc -l <'$tmp/err') -eq 1 && grep -q '^storydiff: $tmp/missing.txt: ' '$tmp/err'"
printf 'Valid start of text.\n\nThen a bad byte \xff here.\n' >"$tmp/bad.txt"
run compare --encoding=UTF-8 "$tmp/bad.txt" "$tmp/a.txt"
check "invalid UTF-8 (--encoding=UTF-8) exits 2" test "$st" -eq 2
check "invalid UTF-8: names file and byte offset ($err)" grep -Eq "^storydiff: $tmp/bad.txt: byte [0-9]+: " "$tmp/err"
printf 'text\0binary' >"$tmp/nul.txt"
run compare "$tmp/a.txt" "$tmp/nul.txt"
check "binary input exits 2" test "$st" -eq 2
check "binary input: one line naming file and byte ($err)" grep -Eq "^storydiff: $tmp/nul.txt: byte [0-9]+: " "$tmp/err"
run extract "$tmp/missing.txt"
check "extract missing exits 2" test "$st" -eq 2

# usage errors: exit 2, one line with a hint
for args in "" "frobnicate" "compare" "compare $tmp/a.txt" "compare --bogus $tmp/a.txt $tmp/b.txt" \
            "compare --format=xml $tmp/a.txt $tmp/b.txt" "compare --width=abc $tmp/a.txt $tmp/b.txt" \
            "compare --color=sometimes $tmp/a.txt $tmp/b.txt" "facts $tmp/a.txt $tmp/b.txt" \
            "extract --width 80 $tmp/a.txt" "compare --relation=maybe $tmp/a.txt $tmp/b.txt"; do
  # shellcheck disable=SC2086
  run $args
  check "usage error '$args' exits 2" test "$st" -eq 2
  check "usage error '$args': one line with a hint" bash -c "test \$(wc -l <'$tmp/err') -eq 1 && grep -q 'storydiff --help\|storydiff [a-z]* --help' '$tmp/err'"
done

# extract and facts
run extract "$tmp/a.txt"
check "extract exits 0" test "$st" -eq 0
check "extract prints the text" grep -q "coastal town" "$tmp/out"
run extract --format=json "$tmp/a.txt"
check "extract json" grep -q '"schema": "storydiff.article/1"' "$tmp/out"
run facts --format=json "$tmp/a.txt"
check "facts json exits 0 ($err)" test "$st" -eq 0
check "facts json schema" grep -q '"schema": "storydiff.facts/1"' "$tmp/out"
run facts "$tmp/a.txt"
check "facts text exits 0" test "$st" -eq 0

# locales
run compare --locales-dir "$tmp/nowhere" "$tmp/a.txt" "$tmp/b.txt"
check "bad --locales-dir exits 2" test "$st" -eq 2
check "bad --locales-dir: one line" test "$(wc -l <"$tmp/err")" -eq 1

echo "$fails failure(s)"
test "$fails" -eq 0
