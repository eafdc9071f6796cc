#!/usr/bin/env bash
# Entity keys do not depend on the order of mentions (fresh-user M7 of
# session 10, with sentences written here): a one-word mention that names
# a later, longer entity (a plural/genitive "-s": "the Dunmarrans" …
# "West Dunmarran"; a middle word of a three-word name: "Ortega" … "Luis
# Ortega Vidal") gets the key of that entity whether it comes before or
# after it, so `compare` of an article and its copy with the paragraphs
# in another order reports no added or omitted entity.
. "$(dirname "$0")/../support/cli.sh"

p1='Depots in Fife and the Dunmarrans will take building waste from next spring, Ortega said on Tuesday.'
p2='The new plant opened on Monday near West Dunmarran, where Luis Ortega Vidal runs the family firm.'
p3='Both sites crush concrete and brick into aggregate for new roads.'
w a.txt "$p1" "$p2" "$p3"
w b.txt "$p2" "$p3" "$p1"

for f in a b; do
  run facts --lang=en "$tmp/$f.txt"
  cp "$tmp/out" "$tmp/$f.facts"
  k1=$(grep -F '"Dunmarrans"' "$tmp/$f.facts" | cut -f5)
  k2=$(grep -F '"West Dunmarran"' "$tmp/$f.facts" | cut -f5)
  if [ "$st" -eq 0 ] && [ -n "$k1" ] && [ "$k1" = "$k2" ]; then
    ok "$f: the Dunmarrans and West Dunmarran share one key ($k1)"
  else fail "$f: Dunmarrans '$k1' vs West Dunmarran '$k2'"; fi
  k1=$(grep -F '"Ortega"' "$tmp/$f.facts" | cut -f5)
  k2=$(grep -F '"Luis Ortega Vidal"' "$tmp/$f.facts" | cut -f5)
  if [ -n "$k1" ] && [ "$k1" = "$k2" ]; then
    ok "$f: Ortega and Luis Ortega Vidal share one key ($k1)"
  else fail "$f: Ortega '$k1' vs Luis Ortega Vidal '$k2'"; fi
done

run compare --format=text "$tmp/a.txt" "$tmp/b.txt"
if ! grep -Eq '^\[[+-]\] (added|omitted) entity' "$tmp/out" &&
   grep -q '0 added, 0 omitted' "$tmp/out"; then
  ok "compare of shuffled paragraphs: no entity added or omitted"
else fail "compare of shuffled paragraphs (status $st)"; fi

finish
