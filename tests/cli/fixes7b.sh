#!/usr/bin/env bash
# Fresh-user findings of session 6, fixed in session 7 (FIXES-B), with
# texts written here:
#  - translations in languages without a pack (pt, nl, sv) of an English
#    story: clock times (7.40 uur, kl. 7.40, 7h40), pt "12 de maio de 2025",
#    "duas", "5 milhões de euros", "terça-feira" give no difference (exit 0);
#  - the JSON article says whether its language has a pack (lang_pack) and
#    whether it was too short to identify (lang_uncertain);
#  - a one-word text ("Hello.") is not silently guessed as Italian: it is
#    read in the other document's language, with a note on stderr;
#  - invalid UTF-8 in an English file gets no "windows-1251" hint.
. "$(dirname "$0")/../support/cli.sh"

printf 'Storm closes two bridges in Delmont\n\nTwo bridges in Delmont were closed on Tuesday, May 12, 2025, at 7:40 a.m. after a storm, the police said.\n\nThe council approved 5 million euros in emergency aid. Work will take 30 days.\n' >"$tmp/en.txt"
printf 'Tempestade fecha duas pontes em Delmont\n\nDuas pontes em Delmont foram fechadas na ter\303\247a-feira, 12 de maio de 2025, \303\240s 7h40, depois de uma tempestade, disse a pol\303\255cia.\n\nA c\303\242mara aprovou 5 milh\303\265es de euros em ajuda de emerg\303\252ncia. As obras podem ter 30 dias de dura\303\247\303\243o.\n' >"$tmp/pt.txt"
printf 'Storm sluit twee bruggen in Delmont\n\nTwee bruggen in Delmont werden op dinsdag 12 mei 2025 om 7.40 uur gesloten na een storm, zei de politie.\n\nDe gemeente keurde 5 miljoen euro noodhulp goed. Het werk duurt 30 dagen.\n' >"$tmp/nl.txt"
printf 'Storm st\303\244nger tv\303\245 broar i Delmont\n\nTv\303\245 broar i Delmont st\303\244ngdes tisdagen den 12 maj 2025 kl. 7.40 efter en storm, sade polisen.\n\nKommunen beviljade 5 miljoner euro i n\303\266dhj\303\244lp. Arbetet tar 30 dagar.\n' >"$tmp/sv.txt"

# (no --lang: the short Swedish text was identified as French before)
for l in pt nl sv; do
  run compare --format=text "$tmp/en.txt" "$tmp/$l.txt"
  if [ "$st" -eq 0 ] && grep -q "0 changed, 0 contradicted, 0 added, 0 omitted" "$tmp/out" &&
     ! grep -q '^\[[-+~]\] .*quantity.*"7' "$tmp/out"; then
    ok "faithful $l translation (no pack, identified): exit 0, the clock time is no quantity"
  else fail "faithful $l translation (status $st)"; cat "$tmp/out" >&2; fi
done
run facts --format=json "$tmp/pt.txt"
if grep -q '"key": *"date|2025-05-12"' "$tmp/out" && ! grep -q '"key": *"quantity||12"' "$tmp/out" &&
   grep -q '"key": *"quantity|EUR|5000000"' "$tmp/out" && grep -q '"key": *"quantity||2"' "$tmp/out" &&
   ! grep -q 'rel:tuesday' "$tmp/out"; then
  ok "pt: 12 de maio de 2025 a date, 5 milhões de euros EUR, duas = 2, 'ter' no weekday"
else fail "pt numbers and dates"; fi

# lang_pack in the JSON article (it was only a stderr warning)
run compare --format=json "$tmp/en.txt" "$tmp/nl.txt"
if python3 - "$tmp/out" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
a, b = d["articles"]
assert a["lang"] == "en" and a["lang_pack"] is True and a["lang_uncertain"] is False
assert b["lang"] == "nl" and b["lang_pack"] is False and b["lang_uncertain"] is False
EOF
then ok "JSON: lang_pack false for nl, true for en"
else fail "JSON lang_pack"; fi

# a one-word text: uncertain, read in the other document's language
printf 'Hello.\n' >"$tmp/tiny.txt"
run compare --format=json "$tmp/tiny.txt" "$tmp/en.txt"
if [ "$st" -le 1 ] && grep -q "tiny.txt is too short to identify its language; reading it as 'en', the language of" "$tmp/err" &&
   python3 - "$tmp/out" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
a, b = d["articles"]
assert a["lang"] == "en" and a["lang_uncertain"] is True
assert b["lang_uncertain"] is False
EOF
then ok "Hello.: lang_uncertain, read as en (the other's language), stderr note"
else fail "Hello. vs English (status $st)"; cat "$tmp/err" >&2; fi
run facts --format=json "$tmp/tiny.txt"
if [ "$st" -eq 0 ] && grep -q '"lang": *"und"' "$tmp/out" && grep -q '"lang_uncertain": *true' "$tmp/out" &&
   grep -q "too short to identify its language; reading it with language-neutral rules as 'und'" "$tmp/err"; then
  ok "Hello. alone: und, uncertain"
else fail "Hello. alone (status $st)"; fi
run facts --lang en --format=json "$tmp/tiny.txt"
if [ "$st" -eq 0 ] && grep -q '"lang": *"en"' "$tmp/out" && grep -q '"lang_uncertain": *false' "$tmp/out" &&
   ! grep -q "too short" "$tmp/err"; then
  ok "Hello. with --lang en: as given"
else fail "Hello. with --lang en (status $st)"; fi

# invalid UTF-8 in an English file: the fault, no legacy charset
{ cat "$tmp/en.txt"; printf 'The end \342\200\224 \342\202'; } >"$tmp/trunc.txt"
run facts "$tmp/trunc.txt"
if [ "$st" -eq 2 ] && grep -q "cut short by the end of the input" "$tmp/err" &&
   ! grep -q "windows-\|e\.g\." "$tmp/err" && [ "$(wc -l <"$tmp/err")" -eq 1 ]; then
  ok "truncated UTF-8: named, no legacy charset suggested"
else fail "truncated UTF-8 (status $st)"; cat "$tmp/err" >&2; fi

finish
