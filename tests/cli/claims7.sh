#!/usr/bin/env bash
# Session 7b claims fixes of the fresh-user report (fresh7), end to end:
#  M1  "according to <any noun phrase>" ending its clause is an attribution
#      (class OTHER): dropping "according to the county rescue brigade" is
#      one omitted attribution (exit 1);
#  M5  `check` finds "approved a fund ... / Days later the board rejected the
#      fund" (same subject and object) and a person's claim against a
#      report's finding ("is fit to sail" / "a survey found that ... is not
#      fit to sail"); no alarm for other months, other subjects or people
#      who disagree;
#  L4  "were said to have evacuated", "is thought to have", "is believed
#      to" hedge the event;
#  L1  "A tree fell on a car" is no DECREASE, de "Stürme treffen die Küste"
#      no MEET, fr "un décret" no DECLARE, while "prices fell" stays.
# All inputs are written here.
. "$(dirname "$0")/../support/cli.sh"

# facts NAME REGEX FILE [LANG]: a line of `facts` matches (or, with NAME
# starting with "no ", does not)
facts() {
  local name=$1 re=$2 f=$3 lang=${4:-}
  if [ -n "$lang" ]; then run facts --lang="$lang" "$f"; else run facts "$f"; fi
  if [ "${name#no }" != "$name" ]; then
    if grep -Eq "$re" "$tmp/out"; then fail "$name"; else ok "$name"; fi
  else
    if grep -Eq "$re" "$tmp/out"; then ok "$name"; else fail "$name"; fi
  fi
}

# --- M1: any noun phrase after "according to" ---------------------------
w src_a.txt "Barn fire near Welford" \
  "Two barns burned down near Welford overnight, according to the county rescue brigade." \
  "Nobody was hurt and the cattle were moved to a neighbouring farm."
w src_b.txt "Barn fire near Welford" \
  "Two barns burned down near Welford overnight." \
  "Nobody was hurt and the cattle were moved to a neighbouring farm."
facts "according to the county rescue brigade: attribution OTHER" \
  'attribution\|OTHER.*"according to the county rescue brigade"' "$tmp/src_a.txt"
run compare --format=text "$tmp/src_a.txt" "$tmp/src_b.txt"
if [ "$st" -eq 1 ] && grep -Eq '^\[-\] omitted attribution .*county rescue brigade' "$tmp/out"; then
  ok "dropping it is an omitted attribution"
else fail "dropping the rescue brigade (status $st)"; fi

# --- M5: check ----------------------------------------------------------
w fund.txt "Flood barrier" \
  "The county board approved a 5 million euro flood barrier on Monday." \
  "Three weeks later the board rejected the flood barrier."
chk "approved a barrier / weeks later rejected the barrier" 1 \
  's1 "approved" vs s2 "rejected": opposite actions on the same thing' "$tmp/fund.txt"
w ferry.txt "Ferry inspection" \
  "The old ferry is fit to sail, engineers said." \
  "A later survey found that the old ferry is not fit to sail."
chk "engineers vs a survey's finding" 1 \
  '\(affirmed\) vs s2 .*\(denied\): a claim and a report.s finding that denies it' "$tmp/ferry.txt"
w clean.txt "Flood barrier" \
  "The county board approved the flood barrier in May." \
  "The county board rejected the flood barrier in October." \
  "The state agency rejected the river bridge. The county board approved the river bridge in May." \
  "The old ferry is fit to sail, engineers said. Residents said the old ferry is not fit to sail."
run check "$tmp/clean.txt"
if [ "$st" -eq 0 ] && [ ! -s "$tmp/out" ]; then
  ok "other months, subjects or speakers: no contradiction"
else fail "clean text (status $st)"; fi

# --- L4: hedges ---------------------------------------------------------
w hedge.txt "Flood rescue" \
  "Rescue teams were said to have evacuated 300 residents." \
  "The storm is thought to have destroyed the old jetty." \
  "The mayor is believed to support the new barrier."
run facts "$tmp/hedge.txt"
if [ "$(grep -Ec 'event.*(EVACUATE|DESTROY|SUPPORT).*hedged' "$tmp/out")" -eq 3 ]; then
  ok "said to have / thought to have / believed to: hedged"
else fail "hedges"; fi

# --- L1: event labels ---------------------------------------------------
w fell.txt "Storm damage" \
  "A tree fell on a parked car in the storm." \
  "Prices fell by 3 percent in May."
run facts "$tmp/fell.txt"
if [ "$(grep -c 'DECREASE' "$tmp/out")" -eq 1 ] && grep -q 'event.*s2.*DECREASE' "$tmp/out"; then
  ok "prices fell: DECREASE, the tree: none"
else fail "fell"; fi
w storm.de.txt "Sturm" "Schwere Stürme treffen am Montag die Küste."
facts "no MEET for storms that hit (de treffen)" 'MEET' "$tmp/storm.de.txt" de
w decret.fr.txt "Décret" "Le gouverneur a signé un décret pour la reconstruction."
facts "no DECLARE for fr un décret" 'DECLARE' "$tmp/decret.fr.txt" fr
finish
