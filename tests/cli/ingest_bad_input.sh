#!/usr/bin/env bash
# storydiff extract on bad input (issue 3): each case gives exit status 2,
# exactly one error line "storydiff: <input>: <cause>" on stderr, and
# nothing on stdout. Network cases run against tests/support/httpd.py,
# started here on 127.0.0.1 (never the internet). Inputs are generated
# here (the 50 MB page too; nothing is committed).
set -uo pipefail
bin=${STORYDIFF_BIN:?STORYDIFF_BIN not set}
src=${STORYDIFF_SOURCE_DIR:-$(cd "$(dirname "$0")/../.." && pwd)}
tmp=$(mktemp -d)
srv_pid=
cleanup() { [ -n "$srv_pid" ] && kill "$srv_pid" 2>/dev/null; rm -rf "$tmp"; }
trap cleanup EXIT
fails=0

# bad NAME NEEDLE ARGS...: exit 2, one stderr line naming the input and
# containing NEEDLE, empty stdout
bad() {
  local name=$1 needle=$2; shift 2
  "$bin" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
  local st=$? lines
  lines=$(wc -l <"$tmp/err")
  if [ "$st" -eq 2 ] && [ "$lines" -eq 1 ] && [ ! -s "$tmp/out" ] &&
     grep -q "^storydiff: " "$tmp/err" && grep -qi -- "$needle" "$tmp/err"; then
    echo "ok - $name"
  else
    echo "FAIL - $name (status $st, $lines error lines)"; cat "$tmp/err"
    fails=$((fails + 1))
  fi
}
good() { # good NAME ARGS...: exit 0 and some text
  local name=$1; shift
  "$bin" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
  local st=$?
  if [ "$st" -eq 0 ] && [ -s "$tmp/out" ]; then echo "ok - $name"
  else echo "FAIL - $name (status $st)"; cat "$tmp/err"; fails=$((fails + 1)); fi
}

: >"$tmp/empty.txt"
bad "empty file" "empty" extract "$tmp/empty.txt"
bad "empty file names the input" "$tmp/empty.txt" extract "$tmp/empty.txt"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' >"$tmp/image.png"
bad "binary file" "not text" extract "$tmp/image.png"
printf 'A plain line.\nAnother line with a bad byte \xff here.\n' >"$tmp/latin.txt"
bad "invalid UTF-8 names the offset" "byte" extract "$tmp/latin.txt"
printf '<!DOCTYPE html><html><body><article><p>The minister said on Friday that the talks would' >"$tmp/cut.html"
bad "truncated HTML" "truncated" extract "$tmp/cut.html"
printf '<html><head><title>Home</title></head><body><nav><a href="/">Home</a></nav></body></html>' >"$tmp/nav.html"
bad "HTML with no body text" "no article text" extract "$tmp/nav.html"
printf 'Caf\xc3\x83\xc2\xa9 cr\xc3\x83\xc2\xa8me, na\xc3\x83\xc2\xafve r\xc3\x83\xc2\xa9sum\xc3\x83\xc2\xa9.\n' >"$tmp/moji.txt"
bad "mojibake" "mojibake" extract "$tmp/moji.txt"
# UTF-16 without a byte order mark: refused, with the encoding to give
printf 'The mayor said on Monday that 15 people were hurt in the fire.\n' | iconv -t UTF-16LE >"$tmp/u16le.txt"
printf 'The mayor said on Monday that 15 people were hurt in the fire.\n' | iconv -t UTF-16BE >"$tmp/u16be.txt"
bad "UTF-16LE without BOM" "byte 1: not text: NUL byte; the bytes look like UTF-16LE without a byte order mark: give --encoding=UTF-16LE (compare: --encoding-a or --encoding-b, for this input only)" extract "$tmp/u16le.txt"
bad "UTF-16BE without BOM" "byte 0: .*--encoding=UTF-16BE" extract "$tmp/u16be.txt"
# declared UTF-8, bytes mostly windows-1252 mixed with real UTF-8
printf '<html><head><meta charset="utf-8"></head><body><p>Caf\xc3\xa9 \xe9t\xe9 \xe0 la \xe8re \xfcber \xf6l \xe4rger \xe9\xe9 \xe9\xe9 \xe9\xe9 \xe9\xe9 \xe9\xe9 \xe9\xe9 \xe9\xe9 \xe9\xe9 \xe9\xe9 \xe9\xe9 \xe9\xe9.</p></body></html>' >"$tmp/lie.html"
bad "declared charset lies" "UTF-8" extract "$tmp/lie.html"
python3 - "$tmp/deep.html" <<'P'
import sys
open(sys.argv[1], "w").write("<html><body>" + "<div>" * 10000 +
    "<p>The innermost paragraph.</p>" + "</div>" * 10000 + "</body></html>")
P
"$bin" extract "$tmp/deep.html" >"$tmp/out" 2>"$tmp/err"; st=$?
if [ "$st" -eq 0 ] && [ "$(cat "$tmp/out")" = "The innermost paragraph." ] && [ ! -s "$tmp/err" ]; then
  echo "ok - nested 10000 levels: read in full"
else echo "FAIL - nested 10000 levels (status $st)"; cat "$tmp/err"; fails=$((fails + 1)); fi
python3 - "$tmp/big.html" <<'P'
import sys
with open(sys.argv[1], "w") as f:
    f.write("<html><body><div class='content'>")
    para = "<p>A generated paragraph of a very long page, with commas, and enough words to be body text.</p>\n"
    for _ in range(50 * 1000 * 1000 // len(para)):
        f.write(para)
    f.write("</div></body></html>")
P
good "50 MB page" extract "$tmp/big.html"
bad "unknown encoding" "charset" extract --encoding=no-such-charset "$tmp/nav.html"
bad "missing file" "No such file" extract "$tmp/does-not-exist.txt"
bad "file:// URL" "http" extract "file:///etc/passwd"
# stdin
if printf 'The harbour reopened on Monday.\n\nShips returned at dawn.\n' |
   "$bin" extract - >"$tmp/out" 2>"$tmp/err" && grep -q "Ships returned" "$tmp/out"; then
  echo "ok - stdin"; else echo "FAIL - stdin"; fails=$((fails + 1)); fi
if ! : | "$bin" extract - >"$tmp/out" 2>"$tmp/err" && grep -q "^storydiff: -: " "$tmp/err"; then
  echo "ok - empty stdin names -"; else echo "FAIL - empty stdin"; cat "$tmp/err"; fails=$((fails + 1)); fi

# network: loopback server
python3 "$src/tests/support/httpd.py" --lifetime 120 >"$tmp/port" &
srv_pid=$!
for _ in $(seq 50); do [ -s "$tmp/port" ] && break; sleep 0.1; done
port=$(head -1 "$tmp/port")
if [ -z "$port" ]; then echo "FAIL - test server did not start"; exit 1; fi
u="http://127.0.0.1:$port"
good "URL" extract "$u/page.html"
bad "404" "404" extract "$u/status/404"
bad "500" "500" extract "$u/status/500"
bad "redirect loop" "redirect" extract "$u/loop"
bad "redirect to file://" "protocol" extract "$u/tofile"
bad "redirect to ftp://" "protocol" extract "$u/toftp"
bad "timeout" "timed out" extract --timeout=1 "$u/slow"
bad "endless body" "size cap" extract "$u/endless"
bad "Content-Length over the cap" "size cap" extract "$u/biglength"
good "--save" extract --save "$tmp" "$u/page.html"
bad "--save to a missing directory" "does not exist" extract --save "$tmp/nodir" "$u/page.html"
saved=$(ls "$tmp"/*.html.storydiff.json 2>/dev/null | grep 127.0.0.1 | head -1)
if [ -n "$saved" ]; then good "saved page offline" extract "${saved%.storydiff.json}"
else echo "FAIL - --save wrote no sidecar"; fails=$((fails + 1)); fi

if [ "$fails" -ne 0 ]; then echo "$fails failure(s)"; exit 1; fi
echo "all passed"
