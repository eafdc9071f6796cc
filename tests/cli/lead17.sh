#!/usr/bin/env bash
# Session 17 (fresh-user 16 M6): a day and month written with digits
# ("am 19.1.", uk "(10.01)") is a date, the same as the month written
# out; it was the quantity 19.1, a certain added quantity and an omitted
# date (exit 1) for a wording-only difference.
. "$(dirname "$0")/../support/cli.sh"

w "a.txt" "Der Minister kam am 19. Januar nach Bonn. Er sprach mit 40 Bauern."
w "b.txt" "Der Minister kam am 19.1. nach Bonn. Er sprach mit 40 Bauern."
w "c.txt" "Der Minister kam am 19.2. nach Bonn. Er sprach mit 40 Bauern."
run compare --format=text "$tmp/a.txt" "$tmp/b.txt"
if [ "$st" -eq 0 ] && ! grep -q '^\[' "$tmp/out"; then
  ok "compare: '19. Januar' = '19.1.', exit 0"
else fail "compare: '19. Januar' vs '19.1.' (status $st, want 0)"; cat "$tmp/out"; fi
run compare --format=text "$tmp/a.txt" "$tmp/c.txt"
if [ "$st" -eq 1 ] && grep -q '^\[~\] changed date.*--01-19.*--02-19' "$tmp/out"; then
  ok "compare: '19. Januar' vs '19.2.' is a changed date"
else fail "compare: '19. Januar' vs '19.2.' (status $st)"; cat "$tmp/out"; fi

# fresh-user 16 L6: a charset note names the label the page sent and the
# WHATWG encoding it maps to, and does not say "valid UTF-8" twice
printf '<html><head><meta charset="iso-8859-1"><title>Caf\xc3\xa9</title></head><body><article><h1>Caf\xc3\xa9</h1><p>The caf\xc3\xa9 in Leith reopened on Monday after a week of repairs.</p></article></body></html>' > "$tmp/l6.html"
run extract "$tmp/l6.html"
if [ "$st" -eq 0 ] && grep -q "charset 'iso-8859-1' (windows-1252 under the WHATWG Encoding Standard) declared by the page's <meta> but the bytes are valid UTF-8; read as UTF-8$" "$tmp/err"; then
  ok "extract: charset note names the sent label"
else fail "extract: charset note (status $st)"; cat "$tmp/err"; fi
# fresh-user 16 L8: --encoding with a single-byte charset on valid UTF-8
# says the bytes are UTF-8 (not "damaged"); UTF-16 on such bytes is an error
for k in 1 2 3 4 5 6; do printf 'Der Caf\xc3\xa9 in Leith \xc3\xb6ffnete am Montag wieder, nach einer Woche.\n'; done > "$tmp/l8.txt"
run extract --encoding=windows-1251 "$tmp/l8.txt"
if [ "$st" -eq 0 ] && grep -q 'but the bytes are valid UTF-8 (12 multi-byte sequences, no invalid byte)' "$tmp/err" && ! grep -q damaged "$tmp/err"; then
  ok "extract --encoding=windows-1251 on UTF-8: the note says so"
else fail "extract --encoding=windows-1251 on UTF-8 (status $st)"; cat "$tmp/err"; fi
run extract --encoding=utf-16 "$tmp/l8.txt"
if [ "$st" -eq 2 ] && [ "$(wc -l < "$tmp/err")" -eq 1 ] && grep -q "l8.txt: byte 0: --encoding utf-16 cannot hold: the 384 bytes hold no NUL byte and are valid UTF-8" "$tmp/err"; then
  ok "extract --encoding=utf-16 on UTF-8: exit 2, one error"
else fail "extract --encoding=utf-16 on UTF-8 (status $st)"; cat "$tmp/err"; fi
python3 -c 'import sys; open(sys.argv[1],"wb").write("Der Hafen öffnete am Montag wieder.\n".encode("utf-16-le"))' "$tmp/u16.txt"
run extract --encoding=utf-16le "$tmp/u16.txt"
if [ "$st" -eq 0 ] && grep -q 'Der Hafen' "$tmp/out"; then ok "extract --encoding=utf-16le on UTF-16: read"
else fail "extract --encoding=utf-16le on UTF-16 (status $st)"; fi

# fresh-user 16 M7: an addressee between the reporting verb and the
# inverted role + name ("a déclaré aux journalistes la directrice du
# port, X") no longer hides the speaker (quote|? before)
w fr.txt "« Nous rouvrirons le port avant vendredi », a déclaré aux journalistes la directrice du port, Anna Kowalska."
w es.txt "\"Volveremos a abrir el puerto antes del viernes\", dijo a los periodistas la directora del puerto, Anna Kowalska."
for l in fr es; do
  run facts "$tmp/$l.txt"
  if [ "$st" -eq 0 ] && grep -q '	quote	s0	.*quote|kvrsk	' "$tmp/out"; then
    ok "facts $l: speaker after an addressee and a role"
  else fail "facts $l: speaker after an addressee (status $st)"; cat "$tmp/out"; fi
done

# fresh-user 17 L3: "1 byte is not", not "1 bytes are not"
{ cat "$tmp/l8.txt" "$tmp/l8.txt"; printf 'x\xff y\n'; } > "$tmp/l3.txt"
run extract --encoding=windows-1251 "$tmp/l3.txt"
if [ "$st" -eq 0 ] && grep -q 'valid multi-byte UTF-8 and 1 byte is not: a damaged UTF-8 file?' "$tmp/err"; then
  ok "extract --encoding on UTF-8 with one bad byte: singular"
else fail "extract: one bad byte note (status $st)"; cat "$tmp/err"; fi

finish
