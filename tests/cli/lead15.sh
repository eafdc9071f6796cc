#!/usr/bin/env bash
# Session 15 (fresh-user 15 H10, M6): a changed number in a plain-text
# headline printed twice, and a one-sentence version whose language the
# n-grams guess wrongly.
. "$(dirname "$0")/../support/cli.sh"

# H10: a headline printed twice (a common scrape shape) became the title
# and left the body; compare never saw it, so "15" -> "40" in it was
# "8 same", exit 0. Now the title is put back in front, as for HTML.
body="A bus left the road near the station on Tuesday morning, police said.

Eleven of the injured were taken to hospital, the ambulance service said."
w "h1.txt" "Bus crash in Leeds injures 15

Bus crash in Leeds injures 15

$body"
w "h2.txt" "Bus crash in Leeds injures 40

Bus crash in Leeds injures 40

$body"
run compare --format=text "$tmp/h1.txt" "$tmp/h2.txt"
if [ "$st" -eq 1 ] && grep -q 'changed quantity.*15 → 40' "$tmp/out"; then
  ok "compare: a changed number in a repeated plain-text headline is reported"
else fail "compare: repeated headline 15 -> 40 (status $st)"; fi
# the same headline once or twice is the same article; a headline that
# is already the first paragraph is not put in twice
w "h3.txt" "Bus crash in Leeds injures 15

$body"
run compare --format=json "$tmp/h1.txt" "$tmp/h3.txt"
if [ "$st" -eq 0 ] && python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); s=r["summary"]; assert s["changed"]+s["added"]+s["omitted"]==0, s; assert r["summary"]["sentences_added"]==0 and r["summary"]["sentences_omitted"]==0, s' "$tmp/out"; then
  ok "compare: headline printed twice vs once: no difference"
else fail "compare: headline twice vs once (status $st)"; fi

# M6: one English sentence read as Spanish by its n-grams, so "1,800" was
# 1.8: a certain omitted 1800 + added 1.8 against the English article.
# Its stop words do not confirm Spanish: the language is uncertain, and
# compare reads it in the other version's language.
w "long.txt" "Police said 1,800 homes lost power in the storm on Monday, and the city said repairs would take a week.

The mayor said crews from three counties were helping."
w "short.txt" "Police said 1,800 homes lost power."
run compare --format=json "$tmp/long.txt" "$tmp/short.txt"
if python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); b=r["articles"][1]; assert b["lang"]=="en" and b["lang_uncertain"], b; q=[f for f in r["facts"] if f["side"]=="b" and f["type"]=="quantity"]; assert [f["value"]["number"] for f in q]==[1800], q' "$tmp/out" &&
   grep -q "short.txt is too short to identify its language; reading it as 'en'" "$tmp/err"; then
  ok "compare: a short version is read in the other's language, 1,800 = 1800"
else fail "compare: short version language (status $st): $(head -c 300 "$tmp/err")"; fi
# facts alone: the guess is kept, and said to be a guess
run facts --format=json "$tmp/short.txt"
if [ "$st" -eq 0 ] && python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["article"]["lang_uncertain"] is True' "$tmp/out" &&
   grep -q "too short to identify its language surely" "$tmp/err"; then
  ok "facts: a short text whose stop words do not confirm the guess is uncertain"
else fail "facts: short text uncertain (status $st)"; fi
# a short text whose stop words confirm the n-grams stays certain
w "es.txt" "El gobierno aprobó la reforma de las pensiones en el pleno."
run facts --format=json "$tmp/es.txt"
if python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); a=r["article"]; assert a["lang"]=="es" and not a["lang_uncertain"], a' "$tmp/out" &&
   [ ! -s "$tmp/err" ]; then
  ok "facts: a short Spanish sentence with its stop words stays es, certain"
else fail "facts: short es sentence (status $st)"; fi
finish
