#!/usr/bin/env bash
# A plain text hard-wrapped at 72 columns (wire copy, mail) against the same
# text with one line per paragraph: the same facts, exit 0 (session 14,
# fresh-user 14 H5: a quotation folded over two lines was paired from a
# closing mark to the next opening one, "more than" at a line end lost its
# number, and two folded lines that shared half their words were taken as
# a repeated headline, one of them dropped from the body).
. "$(dirname "$0")/../support/cli.sh"
w one.txt "Harbour Board Buys New Tugboats for Kessel Bay" \
  "The harbour board of Kessel Bay approved the purchase of seven tugboats on Tuesday, a decision welcomed by the pilots and criticised by the local fishing cooperative." \
  "\"While we approved the purchase of the tugboats today, we did not approve any new dredging of the bay,\" board chair Anna Keller said in a statement. \"Fishermen should remain confident that the harbour will stay open to them.\"" \
  "Keller also said that the approval of the tugboats did not mean the board would approve a larger container terminal on the northern shore of the bay." \
  "The tugboats will cost more than \$45,000 each, according to the board's published budget for the coming year."
w wrapped.txt "Harbour Board Buys New Tugboats for Kessel Bay" \
  "The harbour board of Kessel Bay approved the purchase of seven tugboats
on Tuesday, a decision welcomed by the pilots and criticised by the
local fishing cooperative." \
  "\"While we approved the purchase of the tugboats today, we did not
approve any new dredging of the bay,\" board chair Anna Keller said in a
statement. \"Fishermen should remain confident that the harbour will stay
open to them.\"" \
  "Keller also said that the approval of the tugboats did not mean the
board would approve a larger container terminal on the northern shore of
the bay." \
  "The tugboats will cost more than
\$45,000 each, according to the board's published budget for the coming
year."
run compare --format=text "$tmp/one.txt" "$tmp/wrapped.txt"
if [ "$st" -eq 0 ] && grep -q "0 changed, 0 contradicted, 0 added, 0 omitted, 0 unverified; sentences 6 matched" "$tmp/out"; then
  ok "wrapped vs unwrapped: the same facts and sentences, exit 0"
else fail "wrapped vs unwrapped (status $st)"; fi
run facts "$tmp/wrapped.txt"
if grep -q $'\tquote|kr\tnegated\t"\"While we approved' "$tmp/out" &&
   grep -q $'\tquantity|USD|45000\t-\t"more than \\$45,000"' "$tmp/out" &&
   ! grep -q 'board chair Anna Keller said in a statement. "' "$tmp/out"; then
  ok "wrapped: the folded quotation has its speaker, 'more than' its number"
else fail "wrapped: facts"; fi
run extract --format=json "$tmp/wrapped.txt"
if grep -q '"title": "Harbour Board Buys New Tugboats for Kessel Bay"' "$tmp/out" &&
   grep -q "While we approved the purchase" "$tmp/out"; then
  ok "wrapped: the title is the headline and no folded line left the body"
else fail "wrapped: extract title/body"; fi
finish
