#!/usr/bin/env bash
# Session 13 (fresh-user findings M7, L8, L10 and the ingest findings M1,
# M18, L12): file names that are not UTF-8 or hold control characters,
# and the inputs of extract.
. "$(dirname "$0")/../support/cli.sh"
w "a.txt" "The council approved 12 new parks in Lyon on Monday, the mayor said."
w "b.txt" "The council approved 14 new parks in Lyon on Monday, the mayor said."
latin1=$(printf 'caf\xe9.txt')
cp "$tmp/a.txt" "$tmp/$latin1"

# M7: a Latin-1 file name made every JSON report fail ("cannot build the
# JSON output"); its bytes that are not UTF-8 are now written as \xHH.
run compare --format=json "$tmp/$latin1" "$tmp/b.txt"
if [ "$st" -eq 1 ] && python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["articles"][0]["source"].endswith("caf\\xE9.txt"), r["articles"][0]["source"]' "$tmp/out"; then
  ok "compare --format=json: a Latin-1 file name, source with \\xE9"
else fail "compare --format=json: Latin-1 file name (status $st)"; fi
for cmd in facts check; do
  run "$cmd" --format=json "$tmp/$latin1"
  if [ "$st" -le 1 ] && python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["article"]["source"].endswith("caf\\xE9.txt")' "$tmp/out"; then
    ok "$cmd --format=json: a Latin-1 file name"
  else fail "$cmd --format=json: Latin-1 file name (status $st)"; fi
done
# the text view shows the byte as \xE9 too, so stdout stays UTF-8
run compare --format=text "$tmp/$latin1" "$tmp/b.txt"
if [ "$st" -eq 1 ] && grep -q 'caf\\xE9\.txt' "$tmp/out" && iconv -f UTF-8 -t UTF-8 "$tmp/out" >/dev/null; then
  ok "compare --format=text: the Latin-1 byte shown as \\xE9, output UTF-8"
else fail "compare --format=text: Latin-1 file name (status $st)"; fi

# L8: an error line naming a path with ESC and a stray byte wrote them raw
# to the terminal; they are shown as U+241B and \xFF.
bad=$(printf 'no\033[31mne\377.txt')
run compare "$tmp/$bad" "$tmp/b.txt"
if [ "$st" -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] &&
   ! grep -q $'\033' "$tmp/err" &&
   grep -qF "$(printf 'no\342\220\233[31mne\\xFF.txt')" "$tmp/err"; then
  ok "error line: control character and stray byte of a path made visible"
else fail "error line with ESC in the path (status $st)"; fi
nl=$(printf 'two\nlines.txt')
run facts "$tmp/$nl"
if [ "$st" -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ]; then
  ok "error line: a newline in a path keeps the message on one line"
else fail "error line with a newline in the path (status $st)"; fi
# M18: ISO-2022-JP (7-bit, escape sequences) was read as ASCII with escape
# bytes and identified as Czech; its escapes now name the charset.
python3 -c 'import sys; open(sys.argv[1],"wb").write("東京で新しい橋が開通した。\n\n市長は式典で話した。\n".encode("iso2022_jp"))' "$tmp/j.txt"
run extract --format=json "$tmp/j.txt"
if [ "$st" -eq 0 ] && python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); a=r.get("article",r); assert "東京で新しい橋" in a["text"], a["text"]; assert a["charset"]=="ISO-2022-JP", a["charset"]' "$tmp/out"; then
  ok "extract: ISO-2022-JP text decoded by its escape sequences"
else fail "extract: ISO-2022-JP (status $st)"; fi

# M1: a UTF-8 file with two stray bytes among many accented words was told
# "e.g. ISO-8859-1, ICU's best guess"; following that gave mojibake. It is
# now called damaged UTF-8, and a forced single-byte charset gets a note.
python3 -c '
import sys
t=("La comisión aprobó doce parques nuevos en León y Córdoba; la alcaldesa "
   "explicó que habrá más árboles, jardines públicos y áreas de juego. ")*4
b=t.encode("utf-8"); open(sys.argv[1],"wb").write(b[:90]+b"\xff\xfe"+b[90:])' "$tmp/es.txt"
run facts "$tmp/es.txt"
if [ "$st" -eq 2 ] && grep -q 'byte 90: .*damaged UTF-8' "$tmp/err" && ! grep -q 'ISO-8859' "$tmp/err"; then
  ok "facts: damaged UTF-8 is not steered to a legacy charset"
else fail "facts: damaged UTF-8 hint (status $st)"; fi
run facts --encoding ISO-8859-1 "$tmp/es.txt"
if [ "$st" -eq 0 ] && grep -q 'note: read as ISO-8859-1 as --encoding asks, but [0-9]* of its byte sequences are valid multi-byte UTF-8' "$tmp/err"; then
  ok "facts --encoding ISO-8859-1 on damaged UTF-8: a note"
else fail "facts --encoding on damaged UTF-8 (status $st)"; fi
# L12: extract --format=json gave "lang": "" for the article and each
# paragraph; L10: extract '' said "no input given".
w "de.txt" "Der Stadtrat hat am Montag zwölf neue Parks in Leipzig genehmigt, sagte die Bürgermeisterin." \
  "Die Arbeiten sollen im nächsten Frühjahr beginnen und drei Jahre dauern."
run extract --format=json "$tmp/de.txt"
if [ "$st" -eq 0 ] && python3 -c 'import json,sys; a=json.load(open(sys.argv[1]))["article"]; assert a["lang"]=="de", a["lang"]; assert [p["lang"] for p in a["paragraphs"]]==["de","de"]' "$tmp/out"; then
  ok "extract --format=json: the identified language of the article and paragraphs"
else fail "extract --format=json: lang (status $st)"; fi
run extract ''
if [ "$st" -eq 2 ] && [ "$(cat "$tmp/err")" = "storydiff: '': an empty path names no file" ]; then
  ok "extract '': the empty path named"
else fail "extract '' (status $st)"; fi
# M20: extract --save of a URL whose page changed between two fetches
# overwrote the first snapshot; the file name now holds the body's hash too,
# so both versions stay and can be compared.
src=$(cd "$(dirname "$0")/../.." && pwd)
python3 "$src/tests/support/httpd.py" --lifetime 60 >"$tmp/port" &
srv_pid=$!
trap 'kill "$srv_pid" 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 50); do [ -s "$tmp/port" ] && break; sleep 0.1; done
port=$(head -1 "$tmp/port")
mkdir "$tmp/snap"
if [ -n "$port" ]; then
  run extract --save="$tmp/snap" "http://127.0.0.1:$port/edition"; st1=$st
  run extract --save="$tmp/snap" "http://127.0.0.1:$port/edition"; st2=$st
  set -- "$tmp"/snap/*.html
  if [ "$st1" -eq 0 ] && [ "$st2" -eq 0 ] && [ "$#" -eq 2 ] &&
     [ "$(ls "$tmp"/snap/*.storydiff.json | wc -l)" -eq 2 ]; then
    ok "extract --save: two versions of a page are two snapshots"
    cmp_text "extract --save: the two snapshots compare as a changed number" 1 '^\[~\] changed quantity .*(12 → 13|13 → 12)' "$1" "$2"
  else fail "extract --save: two versions (status $st1/$st2, $# pages)"; fi
else fail "test server did not start"; fi
# M11: a byline holding its date after " · " lost its author; "A and B"
# was one author. Parts are split only when each looks like a name.
page() { # page FILE BYLINE-HTML
  printf '<html><head><title>Parks plan approved</title></head><body><article><h1>Parks plan approved</h1><div class="byline">%s</div><p>The council approved twelve new parks on Monday, the mayor said at a meeting in the town hall.</p><p>Work on the first three parks will begin in the spring and take two years, according to the plan.</p></article></body></html>\n' "$2" >"$tmp/$1"
}
authors() { python3 -c 'import json,sys; print("|".join(json.load(open(sys.argv[1]))["article"]["authors"]))' "$tmp/out"; }
page by1.html 'By <a href="/a/1">Mara Quist</a> · <time datetime="2024-01-15">15 January 2024</time>'
page by2.html 'By Mara Quist and Tobias Lindqvist'
page by3.html 'Von Mara Quist und Tobias Lindqvist'
page by4.html 'By Quist, Mara'
for c in "by1.html|Mara Quist" "by2.html|Mara Quist|Tobias Lindqvist" \
         "by3.html|Mara Quist|Tobias Lindqvist" "by4.html|Quist, Mara"; do
  f=${c%%|*}; want=${c#*|}
  run extract --format=json "$tmp/$f"
  got=$(authors)
  if [ "$st" -eq 0 ] && [ "$got" = "$want" ]; then ok "extract authors of $f: $want"
  else fail "extract authors of $f: got '$got', want '$want'"; fi
done
finish
