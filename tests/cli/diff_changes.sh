#!/usr/bin/env bash
# Fact diff and check after a tester's report (session 5): a number changed
# in a translation or in a near copy is `changed` with both values, a
# renamed speaker is a changed entity with its quotes, `check` finds a
# headline count that the body contradicts and a signing its own article
# denies, and the text format shows where a contradicted quote differs.
# All inputs are written here.
. "$(dirname "$0")/../support/cli.sh"

# changed TYPE A B VALUE-A VALUE-B NAME: the JSON report of A vs B holds a
# certain `changed` entry of TYPE whose detail names both values
changed() {
  local type=$1 a=$2 b=$3 va=$4 vb=$5 name=$6
  "$bin" compare --format=json "$a" "$b" >"$tmp/out" 2>"$tmp/err"
  if python3 - "$tmp/out" "$type" "$va" "$vb" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
t, va, vb = sys.argv[2:5]
hits = [e for e in d["diff"] if e["category"] == "changed" and
        e["type"] == t and e["certain"] and va in e["detail"] and
        vb in e["detail"]]
sys.exit(0 if hits else 1)
EOF
  then ok "$name"; else fail "$name"; fi
}

cat >"$tmp/en.txt" <<'EOF'
Storm floods harbour town of Kellport

Heavy rain flooded the harbour town of Kellport on 3 May 2024, forcing 800 residents to leave their homes, the coastguard said.

The regional government pledged €6 million in emergency aid.
EOF
cat >"$tmp/de.txt" <<'EOF'
Sturm überflutet die Hafenstadt Kellport

Starker Regen hat die Hafenstadt Kellport am 3. Mai 2024 überflutet und 800 Einwohner gezwungen, ihre Häuser zu verlassen, teilte die Küstenwache mit.

Die Regionalregierung sagte 7 Millionen Euro Soforthilfe zu.
EOF
cat >"$tmp/fr.txt" <<'EOF'
Une tempête inonde la ville portuaire de Kellport

De fortes pluies ont inondé la ville portuaire de Kellport le 3 mai 2024, forçant 800 habitants à quitter leur domicile, a indiqué la garde côtière.

Le gouvernement régional a promis 7 millions d'euros d'aide d'urgence.
EOF
# 1. a number changed in a translation
changed quantity "$tmp/en.txt" "$tmp/de.txt" 6000000 7000000 "en -> de: 6 million -> 7 Millionen is changed"
changed quantity "$tmp/en.txt" "$tmp/fr.txt" 6000000 7000000 "en -> fr: 6 million -> 7 millions is changed"

# 2. a near copy: the body's count changes while the headline keeps its own
cat >"$tmp/a.txt" <<'EOF'
Ferry fire injures 22 off Kellport

A fire broke out on a passenger ferry off Kellport on Sunday, injuring 22 people, harbour police said.

Harbour master Lena Brandt said the ferry had passed its safety check in April. "We will learn what happened," she told reporters.

The ferry company apologised for the delay.
EOF
sed 's/injuring 22 people/injuring 21 people/' "$tmp/a.txt" >"$tmp/b.txt"
changed quantity "$tmp/a.txt" "$tmp/b.txt" 22 21 "same language: body 22 -> 21 is changed though the headline keeps 22"

# 3. a renamed speaker: the entity and her quotes are changed
sed 's/Lena Brandt/Marta Olsen/' "$tmp/a.txt" >"$tmp/r.txt"
changed entity "$tmp/a.txt" "$tmp/r.txt" "Lena Brandt" "Marta Olsen" "renamed speaker is a changed entity"
"$bin" compare --format=json "$tmp/a.txt" "$tmp/r.txt" >"$tmp/out" 2>&1
if python3 - "$tmp/out" <<'EOF'
import json, sys
d = json.load(open(sys.argv[1]))
q = [e for e in d["diff"] if e["type"] == "quote" and "Brandt" in e["detail"]]
s = d["summary"]
sys.exit(0 if q and all(e["category"] == "changed" for e in q) and
         s["added"] + s["omitted"] + s["unverified"] == 0 else 1)
EOF
then ok "renamed speaker: her quotes are changed, nothing added or omitted"
else fail "renamed speaker: her quotes are changed, nothing added or omitted"; fi

# 4. check: the headline's count against the body's, inside one article
"$bin" check "$tmp/b.txt" >"$tmp/out" 2>&1; st=$?
if [ "$st" -eq 1 ] && grep -qF '"injures 22" vs s1 "injuring 21 people"' "$tmp/out"; then
  ok "check: headline 'injures 22' vs body '21 people'"
else fail "check: headline 'injures 22' vs body '21 people' (status $st)"; fi
"$bin" check "$tmp/a.txt" >"$tmp/out" 2>&1; st=$?
if [ "$st" -eq 0 ] && [ ! -s "$tmp/out" ]; then ok "check: consistent article is quiet"
else fail "check: consistent article is quiet (status $st)"; fi

# 5. check: an actor's signing denied in reported speech
cat >"$tmp/c.txt" <<'EOF'
Treaty talks

Portugal signed the fisheries treaty with Chile on Monday.

Two days later the ministry said that Portugal did not sign the fisheries treaty with Chile.
EOF
"$bin" check "$tmp/c.txt" >"$tmp/out" 2>&1; st=$?
if [ "$st" -eq 1 ] && grep -qF '"signed" (affirmed) vs s2 "sign" (denied)' "$tmp/out"; then
  ok "check: signed vs did not sign (actor in the reported clause)"
else fail "check: signed vs did not sign (status $st)"; fi

# 6. text format: a contradicted long quote shows where the two differ
sed 's/harbour police said\./harbour police denied./' "$tmp/a.txt" >"$tmp/d.txt"
"$bin" compare --format=text "$tmp/a.txt" "$tmp/d.txt" >"$tmp/out" 2>&1
if grep -q '^\[!\] contradicted quote.*police said\..*police denied\.' "$tmp/out"; then
  ok "text: contradicted quote detail shows the differing words"
else fail "text: contradicted quote detail shows the differing words"; fi

# 7. a changed source in a near copy: quote and attribution changed
sed 's/harbour police said/local residents said/' "$tmp/a.txt" >"$tmp/s.txt"
"$bin" compare --format=text "$tmp/a.txt" "$tmp/s.txt" >"$tmp/out" 2>&1
if grep -q '^\[~\] changed quote.*OFFICIAL SAY → WITNESS SAY' "$tmp/out" &&
   grep -q '^\[~\] changed attribution' "$tmp/out" &&
   ! grep -q '^\[[-+?]\]' "$tmp/out"; then
  ok "source changed: police -> residents is a changed quote and attribution"
else fail "source changed: police -> residents is a changed quote and attribution"; fi

# 8. a negated event whose word is the same on both sides: the detail shows
# the sentences
printf 'Ferry fire\n\nThe skipper was released on bail on Monday.\n' >"$tmp/e1.txt"
printf 'Ferry fire\n\nThe skipper was not released on bail on Monday.\n' >"$tmp/e2.txt"
"$bin" compare --format=text "$tmp/e1.txt" "$tmp/e2.txt" >"$tmp/out" 2>&1
if grep -q '^\[!\] contradicted event.*was released on bail.*was not released on bail' "$tmp/out"; then
  ok "contradicted event detail shows the sentences"
else fail "contradicted event detail shows the sentences"; fi

finish
