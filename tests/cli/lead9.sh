#!/usr/bin/env bash
# Findings fixed by the lead in session 10 (2026-12-01), with pages written
# here: an HTML page's declared charset that the bytes overrule is never
# dropped silently (fresh-user L5 of session 9):
#  - <meta charset="utf-8"> over single-byte (Latin-1) letters: detected as
#    before, now with a note on stderr naming the declaration and the byte;
#  - <meta charset="utf-8"> over a UTF-8 character cut short ("E2 82 ",
#    no complete multi-byte sequence in the page): decoded as declared,
#    one U+FFFD and the replacement warning (it was read as windows-1252:
#    mojibake "â‚" without a word);
#  - an unknown label (<meta charset="klingon-8">): ignored as the WHATWG
#    Encoding standard says, with a note.
. "$(dirname "$0")/../support/cli.sh"

page() { printf '<html><head><meta charset="%s"></head><body><article><p>%s</p></article></body></html>\n' "$1" "$2"; }

page utf-8 "$(printf 'The ferry left Port Lannow at dawn with 40 passengers and an \xe9t\xe9 crew.')" >"$tmp/latin1.html"
run extract "$tmp/latin1.html"
if [ "$st" -eq 0 ] && grep -q "été crew" "$tmp/out" &&
   grep -q "note: charset 'utf-8' declared by the page's <meta>, but the bytes are not UTF-8 (byte [0-9]* is not valid UTF-8); read as windows-1252\|note: charset 'utf-8' declared by the page's <meta>, but the bytes are not UTF-8 (byte [0-9]* is not valid UTF-8); read as ISO-8859-1" "$tmp/err" &&
   [ "$(wc -l <"$tmp/err")" -eq 1 ]; then
  ok "html: utf-8 declared over Latin-1 bytes: detected, with one note"
else fail "html: utf-8 declared over Latin-1 bytes (status $st): $(cat "$tmp/err")"; fi

page utf-8 "$(printf 'Fire in Kelton \xe2\x82 destroyed 3 homes on Monday.')" >"$tmp/cut.html"
run extract "$tmp/cut.html"
if [ "$st" -eq 0 ] && grep -q "Kelton � destroyed" "$tmp/out" &&
   grep -q "byte [0-9]*: 1 invalid byte sequence replaced by U+FFFD" "$tmp/err" &&
   ! grep -q "â" "$tmp/out"; then
  ok "html: a UTF-8 character cut short is one U+FFFD, with a warning"
else fail "html: UTF-8 character cut short (status $st): $(cat "$tmp/out" "$tmp/err")"; fi

page klingon-8 "Six people died in Dravnik on Monday." >"$tmp/klingon.html"
run extract "$tmp/klingon.html"
if [ "$st" -eq 0 ] && grep -q "Six people died" "$tmp/out" &&
   grep -q "note: charset 'klingon-8' declared by the page's <meta> is a label no converter knows: ignored; read as UTF-8" "$tmp/err"; then
  ok "html: an unknown charset label is ignored with a note"
else fail "html: unknown charset label (status $st): $(cat "$tmp/err")"; fi

# a page whose declaration holds: no note
page utf-8 "The ferry left Port Lannow at dawn with 40 passengers." >"$tmp/good.html"
run extract "$tmp/good.html"
if [ "$st" -eq 0 ] && [ ! -s "$tmp/err" ]; then ok "html: a true declaration: no note"
else fail "html: true declaration gave stderr: $(cat "$tmp/err")"; fi

finish
