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

# fresh-user 20 L12: the password of a URL's userinfo was echoed in the
# report header, the JSON "source", error lines and the --save file name
# and sidecar; now "user:***@"
python3 "$src/tests/support/httpd.py" --lifetime 60 >"$tmp/port" &
srv_pid=$!
trap 'kill "$srv_pid" 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 50); do [ -s "$tmp/port" ] && break; sleep 0.1; done
port=$(head -1 "$tmp/port")
if [ -n "$port" ]; then
  u="http://reader:s3cretpw@127.0.0.1:$port"
  run compare --format=text "$u/page.html" "$u/page.html"
  if [ "$st" -eq 0 ] && grep -q "reader:\*\*\*@127.0.0.1" "$tmp/out" &&
     ! grep -q s3cretpw "$tmp/out" "$tmp/err"; then
    ok "compare: a URL's password is not shown in the report"
  else fail "compare: URL password shown (status $st)"; fi
  run compare --format=json "$u/page.html" "$u/page.html"
  if [ "$st" -eq 0 ] && ! grep -q s3cretpw "$tmp/out" && grep -q 'reader:\*\*\*@' "$tmp/out"; then
    ok "compare --format=json: no password in source"
  else fail "compare --format=json: URL password shown (status $st)"; fi
  run extract "$u/status/404"
  if [ "$st" -eq 2 ] && grep -q "reader:\*\*\*@127.0.0.1:$port/status/404: HTTP status 404" "$tmp/err" &&
     ! grep -q s3cretpw "$tmp/err"; then
    ok "extract: an HTTP error names the URL without its password"
  else fail "extract: HTTP error with URL password (status $st)"; fi
  mkdir -p "$tmp/saved"
  run extract --save="$tmp/saved" "$u/page.html"
  if [ "$st" -eq 0 ] && [ -n "$(ls "$tmp/saved")" ] &&
     ! ls "$tmp/saved" | grep -q s3cretpw && ! grep -rq s3cretpw "$tmp/saved"; then
    ok "extract --save: no password in the file names or the sidecar"
  else fail "extract --save: URL password saved (status $st)"; fi
else fail "test server did not start"; fi

finish
