#!/usr/bin/env bash
# Session 16 (fresh-user 16 H0, L7): --strict counts sentence-level
# differences toward the exit status; TERM=dumb turns colour off; the
# side-by-side header says "1 paragraph", not "1 paragraphs".
. "$(dirname "$0")/../support/cli.sh"

w "a.txt" "Harbour reopens after storm" \
  "The harbour in Leith reopened on Monday after a week of repairs." \
  "Workers cleared the debris from the main pier. The ferries will run again soon."
w "b.txt" "Harbour reopens after storm" \
  "The harbour in Leith reopened on Monday after a week of repairs." \
  "Workers cleared the debris from the main pier."

# H0: a dropped sentence without a number or a name is shown, but only
# facts count toward status 1 (docs/cli.md); --strict counts it too.
run compare --format=text "$tmp/a.txt" "$tmp/b.txt"
if [ "$st" -eq 0 ] && grep -q '^\[-\] omitted sentence a:s3' "$tmp/out"; then
  ok "compare: a dropped sentence without facts is shown, exit 0"
else fail "compare: dropped sentence without facts (status $st)"; fi
run compare --strict --format=text "$tmp/a.txt" "$tmp/b.txt"
if [ "$st" -eq 1 ]; then ok "compare --strict: a dropped sentence gives exit 1"
else fail "compare --strict: dropped sentence (status $st, want 1)"; fi
run compare --strict --format=json "$tmp/b.txt" "$tmp/a.txt"
if [ "$st" -eq 1 ] && python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["summary"]; assert s["sentences_added"]==1, s' "$tmp/out"; then
  ok "compare --strict: an added sentence gives exit 1"
else fail "compare --strict: added sentence (status $st, want 1)"; fi
run compare --strict --format=text "$tmp/a.txt" "$tmp/a.txt"
if [ "$st" -eq 0 ]; then ok "compare --strict: the same text twice, exit 0"
else fail "compare --strict: same text (status $st, want 0)"; fi
# a moved paragraph
w "m.txt" "Harbour reopens after storm" \
  "Workers cleared the debris from the main pier. The ferries will run again soon." \
  "The harbour in Leith reopened on Monday after a week of repairs."
run compare --format=json "$tmp/a.txt" "$tmp/m.txt"
plain=$st
run compare --strict --format=json "$tmp/a.txt" "$tmp/m.txt"
if python3 -c 'import json,sys; s=json.load(open(sys.argv[1]))["summary"]; assert s["sentences_moved"]>0, s' "$tmp/out" &&
   [ "$plain" -eq 0 ] && [ "$st" -eq 1 ]; then
  ok "compare --strict: a moved paragraph gives exit 1 (0 without)"
else fail "compare --strict: moved paragraph (status $plain / $st)"; fi
run extract --strict "$tmp/a.txt"
if [ "$st" -eq 2 ] && grep -q "strict" "$tmp/err"; then
  ok "extract --strict is a usage error"
else fail "extract --strict (status $st)"; fi

# L7: TERM=dumb (terminfo: no escape sequences) means no colour on a
# terminal, as NO_COLOR does; --color=always still colours.
if command -v script >/dev/null; then
  TERM=dumb script -qec "'$bin' compare --format=side-by-side '$tmp/a.txt' '$tmp/b.txt'" /dev/null >"$tmp/tty" 2>&1
  if ! grep -q $'\x1b\[' "$tmp/tty" && grep -q 'Harbour' "$tmp/tty"; then
    ok "TERM=dumb: no escape sequences on a terminal"
  else fail "TERM=dumb still colours"; fi
  TERM=dumb script -qec "'$bin' compare --color=always --format=side-by-side '$tmp/a.txt' '$tmp/b.txt'" /dev/null >"$tmp/tty" 2>&1
  if grep -q $'\x1b\[' "$tmp/tty"; then ok "TERM=dumb --color=always colours"
  else fail "TERM=dumb --color=always: no colour"; fi
fi

# L7: singular in the header
w "one.txt" "The harbour in Leith reopened on Monday after a week of repairs."
run compare --format=side-by-side --width 120 "$tmp/one.txt" "$tmp/one.txt"
if grep -q '1 paragraph, 1 sentence,' "$tmp/out" && ! grep -q '1 paragraphs' "$tmp/out"; then
  ok "side-by-side header: 1 paragraph, 1 sentence"
else fail "side-by-side header plural"; fi
run compare --format=side-by-side --width 120 "$tmp/a.txt" "$tmp/b.txt"
if grep -q '3 paragraphs, 4 sentences,' "$tmp/out"; then ok "side-by-side header: plural"
else fail "side-by-side header: 3 paragraphs, 4 sentences"; fi

finish
