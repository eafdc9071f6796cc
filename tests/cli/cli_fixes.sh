#!/usr/bin/env bash
# Command-line fixes after a tester's report: short-option errors, "--",
# language tag checks, --translate / --save validated before any work,
# control characters from the articles kept off the terminal, the
# per-input encodings and their warning, error messages with the byte
# offset once and a charset hint. All inputs are written here.
. "$(dirname "$0")/../support/cli.sh"

# usage NAME EXPECTED-STDERR-LINE ARGS...: exit 2, exactly that one line
usage() {
  local name=$1 want=$2; shift 2
  run "$@"
  if [ "$st" -eq 2 ] && [ ! -s "$tmp/out" ] && [ "$(cat "$tmp/err")" = "$want" ]; then
    ok "$name"
  else fail "$name (status $st)"; echo "  want: $want"; fi
}

printf 'The mayor said on Monday that 15 people were hurt in the fire.\n' >"$tmp/a.txt"
printf 'The mayor said on Monday that 14 people were hurt in the fire.\n' >"$tmp/-x.txt"

# 1. short options: the option named, the same every run; "--"
for i in 1 2 3; do
  usage "unknown short option -f (run $i)" \
    "storydiff: unknown option '-f' (see 'storydiff --help')" compare -f json a b
done
usage "file-like word -weird.txt" \
  "storydiff: unknown option '-w' in '-weird.txt' (a file? put -- before it; see 'storydiff --help')" \
  compare -weird.txt x
(cd "$tmp" && "$bin" compare --format=json -- a.txt -x.txt >out 2>err); st=$?
if [ "$st" -eq 1 ] && grep -q '"schema"' "$tmp/out"; then ok "-- ends the options"
else fail "-- ends the options (status $st)"; fi
usage "too many inputs after --" \
  "storydiff: too many inputs: 'b' (see 'storydiff --help')" extract -- a b

# 4. language tags
usage "malformed --lang" \
  "storydiff: --lang: 'zz-Qqqq-99' is not a BCP 47 language tag" facts --lang=zz-Qqqq-99 "$tmp/a.txt"
usage "empty --lang-a" \
  "storydiff: --lang-a: '' is not a BCP 47 language tag" compare --lang-a= "$tmp/a.txt" "$tmp/-x.txt"
usage "malformed --lang-b" \
  "storydiff: --lang-b: 'en_' is not a BCP 47 language tag" compare --lang-b=en_ "$tmp/a.txt" "$tmp/-x.txt"
usage "well-formed tag of no known language (fresh-user test, session 7)" \
  "storydiff: --lang-a: 'klingon' names no known language (give a BCP 47 tag such as en, de, pt-BR)" compare --lang-a=klingon "$tmp/a.txt" "$tmp/-x.txt"
run compare --format=text --lang-a=tlh "$tmp/a.txt" "$tmp/-x.txt"
# (session 13, fresh-user L6: the English text also "reads as 'en'", the
# second line, as for a tag with a pack)
if [ "$st" -eq 1 ] && [ "$(head -1 "$tmp/err")" = "storydiff: --lang-a: no language pack for 'tlh'; using language-neutral rules" ] &&
   [ "$(sed -n 2p "$tmp/err")" = "storydiff: --lang-a tlh: $tmp/a.txt reads as 'en' (language identification); using language-neutral rules as asked" ] &&
   [ "$(wc -l <"$tmp/err")" -eq 2 ] &&
   [ -s "$tmp/out" ]; then ok "well-formed tag without a pack: one warning, continues"
else fail "well-formed tag without a pack (status $st)"; fi
run facts --lang=en-GB "$tmp/a.txt"
if [ "$st" -eq 0 ] && [ ! -s "$tmp/err" ]; then ok "en-GB falls back to en silently"
else fail "en-GB falls back to en (status $st)"; fi
# tags are case-insensitive and "_" is "-": the same facts as --lang=en
run facts --lang=en "$tmp/a.txt"; cp "$tmp/out" "$tmp/en.out"
for t in EN En_us EN-gb; do
  run facts --lang=$t "$tmp/a.txt"
  if [ "$st" -eq 0 ] && [ ! -s "$tmp/err" ] && cmp -s "$tmp/out" "$tmp/en.out"; then
    ok "--lang=$t is en"
  else fail "--lang=$t is en (status $st)"; fi
done

# 5. options validated before any work
usage "--translate=bogus" \
  "storydiff: --translate wants apertium or an http(s):// URL, not 'bogus' (see 'storydiff --help')" \
  compare --translate=bogus "$tmp/a.txt" "$tmp/-x.txt"
usage "--save with a local file" \
  "storydiff: --save: only URLs are fetched and saved" extract --save="$tmp" "$tmp/a.txt"

# 5. byte offset printed once; the charset hint
printf 'Good text\0 and more.\n' >"$tmp/nul.txt"
run extract "$tmp/nul.txt"
if [ "$st" -eq 2 ] && [ "$(grep -o 'byte [0-9]\|offset' "$tmp/err" | wc -l)" -eq 1 ] &&
   grep -q "^storydiff: $tmp/nul.txt: byte 9: not text: NUL" "$tmp/err"; then ok "NUL: offset once"
else fail "NUL: offset once (status $st)"; fi
python3 -c "
import sys
t = ('\u041c\u0456\u0441\u044c\u043a\u0430 \u0440\u0430\u0434\u0430 \u0443 \u043f\u043e\u043d\u0435\u0434\u0456\u043b\u043e\u043a '
     '\u0443\u0445\u0432\u0430\u043b\u0438\u043b\u0430 \u043d\u043e\u0432\u0438\u0439 \u0431\u044e\u0434\u0436\u0435\u0442. ') * 4
open(sys.argv[1], 'wb').write(t.encode('cp1251'))" "$tmp/uk.txt"
run extract "$tmp/uk.txt"
if [ "$st" -eq 2 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] &&
   grep -q "^storydiff: $tmp/uk.txt: byte [0-9]*: not valid UTF-8; if it is in a legacy encoding, give it with --encoding (e.g. " "$tmp/err" &&
   [ "$(grep -o 'byte [0-9]\|offset' "$tmp/err" | wc -l)" -eq 1 ]; then ok "windows-1251 text: hint to --encoding"
else fail "windows-1251 text: hint (status $st)"; fi
run extract --encoding=windows-1251 "$tmp/uk.txt"
if [ "$st" -eq 0 ] && grep -q "$(printf '\xd0\x9c\xd1\x96\xd1\x81\xd1\x8c\xd0\xba\xd0\xb0')" "$tmp/out"; then ok "windows-1251 with --encoding"
else fail "windows-1251 with --encoding (status $st)"; fi

# 3. per-input encodings, and the warning for --encoding on UTF-8
printf 'Le maire a dit lundi que 15 personnes ont \xe9t\xe9 bless\xe9es \xe0 Paris.\n' >"$tmp/l1.txt"
printf 'Le maire a dit lundi que 14 personnes ont \xc3\xa9t\xc3\xa9 bless\xc3\xa9es \xc3\xa0 Paris.\n' >"$tmp/u8.txt"
run compare --format=json --encoding-a=ISO-8859-1 "$tmp/l1.txt" "$tmp/u8.txt"
if [ "$st" -eq 1 ] && [ ! -s "$tmp/err" ] &&
   [ "$(grep -c "$(printf 'bless\xc3\xa9es')" "$tmp/out")" -ge 2 ] &&
   ! grep -q "$(printf '\xc3\x83')" "$tmp/out"; then ok "--encoding-a decodes A only"
else fail "--encoding-a decodes A only (status $st)"; fi
run compare --format=json --encoding=ISO-8859-1 --encoding-b=UTF-8 "$tmp/l1.txt" "$tmp/u8.txt"
if [ "$st" -eq 1 ] && [ ! -s "$tmp/err" ] && ! grep -q "$(printf '\xc3\x83')" "$tmp/out"; then
  ok "--encoding-b overrides --encoding for B"
else fail "--encoding-b overrides --encoding (status $st)"; fi
run compare --format=json --encoding=ISO-8859-1 "$tmp/l1.txt" "$tmp/u8.txt"
if [ "$st" -eq 1 ] && [ "$(cat "$tmp/err")" = "storydiff: $tmp/u8.txt: valid UTF-8 decoded as ISO-8859-1 because of --encoding; use --encoding-a/--encoding-b" ]; then
  ok "--encoding on a UTF-8 file: one warning"
else fail "--encoding on a UTF-8 file: warning (status $st)"; fi
# an unknown charset name: one line naming the option, before any input is read
usage "unknown --encoding" \
  "storydiff: --encoding: unknown charset 'klingon-9' (an ICU converter name such as windows-1251)" \
  compare --encoding=klingon-9 "$tmp/l1.txt" "$tmp/u8.txt"
usage "unknown --encoding-b" \
  "storydiff: --encoding-b: unknown charset 'latin-99' (an ICU converter name such as windows-1251)" \
  compare --encoding-b=latin-99 "$tmp/l1.txt" "$tmp/u8.txt"

# 2. control characters never reach the terminal; JSON keeps them
printf 'The mayor said on Monday that \033[31m15 people\033[0m were hurt \302\2332J in the fire.\n' >"$tmp/esc.txt"
printf 'Rain is expected in the north of the country next week.\n' >"$tmp/rain.txt"
e=$(printf '\033')
for fmt in side-by-side text; do
  for color in never always; do
    run compare --format=$fmt --color=$color --width=80 "$tmp/esc.txt" "$tmp/rain.txt"
    # our own SGR colours may appear (also right before the highlighted
    # "15"), the article's ESC [31m / ESC [0m and its C1 CSI (C2 9B) may
    # not; they show as U+241B and <U+009B>
    if [ "$st" -le 1 ] && ! grep -q "$(printf '\302\233')" "$tmp/out" &&
       ! grep -q "$e\[31m15 people\|$e\[0m were" "$tmp/out" &&
       grep -q "$(printf '\342\220\233')\[" "$tmp/out" &&
       grep -q '<U+009B>' "$tmp/out"; then ok "$fmt, colour $color: controls made visible"
    else fail "$fmt, colour $color: controls made visible (status $st)"; fi
  done
done
run compare --format=side-by-side --color=never --width=60 "$tmp/esc.txt" "$tmp/a.txt"
if ! grep -q "$(printf '\033')" "$tmp/out"; then ok "no ESC at all without colour"
else fail "no ESC at all without colour"; fi
run compare --format=json "$tmp/esc.txt" "$tmp/a.txt"
if grep -q 'said on Monday that \\u001[bB]\[31m15 people' "$tmp/out"; then ok "JSON keeps the text exact"
else fail "JSON keeps the text exact"; fi

run facts "$tmp/esc.txt"
if [ "$st" -eq 0 ] && ! grep -q "$e\|$(printf '\302\233')" "$tmp/out" &&
   grep -q "$(printf '\342\220\233')\[31m15" "$tmp/out"; then ok "facts text: controls made visible"
else fail "facts text: controls made visible (status $st)"; fi
run extract "$tmp/esc.txt"
if [ "$st" -eq 0 ] && cmp -s "$tmp/out" "$tmp/esc.txt"; then ok "extract into a pipe: exact text"
else fail "extract into a pipe: exact text (status $st)"; fi
if command -v script >/dev/null 2>&1; then
  script -qc "'$bin' extract '$tmp/esc.txt'" /dev/null >"$tmp/out" 2>&1 </dev/null
  if ! grep -q "$e\[31m15" "$tmp/out" && grep -q "$(printf '\342\220\233')\[31m15" "$tmp/out"; then
    ok "extract on a terminal: controls made visible"
  else fail "extract on a terminal: controls made visible"; fi
fi

# 3. a forced --lang that language identification contradicts: one warning,
#    the given language is still used; no warning when they agree
printf 'The mayor of the city said on Monday that fifteen people were hurt when a fire broke out in an old warehouse near the river, and that the police were still looking for the cause.\n' >"$tmp/en.txt"
run facts --lang de "$tmp/en.txt"
if [ "$st" -eq 0 ] && [ "$(cat "$tmp/err")" = "storydiff: --lang de: $tmp/en.txt reads as 'en' (language identification); using de rules as asked" ]; then
  ok "--lang contradicted: one warning"
else fail "--lang contradicted: one warning (status $st)"; fi
run facts --lang en-GB "$tmp/en.txt"
if [ "$st" -eq 0 ] && [ ! -s "$tmp/err" ]; then ok "--lang agreeing: no warning"
else fail "--lang agreeing: no warning (status $st)"; fi
run compare --format=json --lang-b fr "$tmp/en.txt" "$tmp/en.txt"
if [ "$st" -le 1 ] && [ "$(cat "$tmp/err")" = "storydiff: --lang-b fr: $tmp/en.txt reads as 'en' (language identification); using fr rules as asked" ]; then
  ok "--lang-b contradicted: one warning"
else fail "--lang-b contradicted: one warning (status $st)"; fi

# 4. a fact span longer than 200 bytes is cut at a UTF-8 boundary and marked
python3 -c "print('The mayor said: \"' + 'Ünïcödé words keep coming back here again ' * 8 + '\" on Monday.')" >"$tmp/longq.txt"
run facts "$tmp/longq.txt"
if [ "$st" -eq 0 ] && grep -q "$(printf '\342\200\246')\"$" "$tmp/out" &&
   python3 -c "import sys; open(sys.argv[1], encoding='utf-8').read()" "$tmp/out"; then
  ok "facts text: long span cut at a character, with an ellipsis"
else fail "facts text: long span cut (status $st)"; fi

# 5. second tester's report: an option whose value is optional read as an
#    input gets a hint; a too large --timeout says the range; plain-text
#    extract prints the title once; repaired bytes in HTML are announced
usage "--color WHEN written with a space" \
  "storydiff: 'always' after --color was read as an input: write --color=always (see 'storydiff --help')" \
  compare --color always "$tmp/a.txt" "$tmp/-x.txt"
usage "--format without '=' swallowing an input: the bad value named" \
  "storydiff: --format wants side-by-side, json or text, not '$tmp/a.txt' (see 'storydiff --help')" \
  compare --format "$tmp/a.txt" "$tmp/-x.txt"
usage "--timeout too large" \
  "storydiff: --timeout wants seconds, more than 0 and at most 86400 (one day), not '99999999999' (see 'storydiff --help')" \
  extract --timeout=99999999999 "$tmp/a.txt"
printf 'Bridge reopens after repairs\n\nThe bridge over the river reopened on Friday after six weeks of repairs.\n' >"$tmp/t.txt"
run extract "$tmp/t.txt"
if [ "$st" -eq 0 ] && [ "$(grep -c 'Bridge reopens' "$tmp/out")" -eq 1 ]; then ok "extract: plain-text title printed once"
else fail "extract: plain-text title printed once (status $st)"; cat "$tmp/out"; fi
{ printf '<html><head><meta charset="utf-8"></head><body><article>'
  for i in 1 2 3 4 5 6; do printf '<p>The council approved the caf\303\251 licence on Monday after a long debate about noise.</p>'; done
  printf '<p>A stray \377 byte here.</p></article></body></html>'; } >"$tmp/stray.html"
off=$(python3 -c "import sys; print(open(sys.argv[1],'rb').read().index(b'\xff'))" "$tmp/stray.html")
run extract "$tmp/stray.html"
if [ "$st" -eq 0 ] && [ "$(cat "$tmp/err")" = "storydiff: $tmp/stray.html: byte $off: 1 invalid byte sequence replaced by U+FFFD (first here), as browsers do; give --encoding if the page is not UTF-8" ]; then
  ok "HTML with a stray byte: repaired, one warning with the offset"
else fail "HTML with a stray byte: one warning (status $st)"; fi

# documents that are not text are named, not reported as invalid UTF-8
# (fresh-user test, session 7: a PDF gave "byte 10: not valid UTF-8")
printf '%%PDF-1.4\n%%\342\343\317\323\n1 0 obj\n' >"$tmp/doc.pdf"
usage "a PDF named as such" \
  "storydiff: $tmp/doc.pdf: byte 0: not text: a PDF document; storydiff reads plain text and HTML (save the article as text first)" facts "$tmp/doc.pdf"
printf 'PK\003\004\024\000\006\000' >"$tmp/doc.docx"
usage "a DOCX (ZIP) named as such" \
  "storydiff: $tmp/doc.docx: byte 0: not text: a ZIP archive (DOCX, ODT, EPUB…); storydiff reads plain text and HTML (save the article as text first)" compare "$tmp/a.txt" "$tmp/doc.docx"
usage "--version takes no argument" \
  "storydiff: unexpected argument 'extra' after --version (see 'storydiff --help')" --version extra

finish
