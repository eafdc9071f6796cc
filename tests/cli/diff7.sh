#!/usr/bin/env bash
# Diff findings of the session-7 fresh-user test, with texts written here:
#  - values swapped between two aligned sentences (12 dead in one town, 3
#    in the other -> 3 and 12; dates; a shifted pair 204/203 -> 205/204)
#    are changed facts (exit 1), not matched across the sentences;
#  - the unchanged article and a faithful German translation stay exit 0.
. "$(dirname "$0")/../support/cli.sh"

cat >"$tmp/a.txt" <<'T'
Floods reach two villages

In Brenmoor, 14 people drowned when the river broke its banks on Sunday.

In Caldwick, 5 people drowned after the dam gave way.
T
cat >"$tmp/b.txt" <<'T'
Floods reach two villages

In Brenmoor, 5 people drowned when the river broke its banks on Sunday.

In Caldwick, 14 people drowned after the dam gave way.
T
cat >"$tmp/de.txt" <<'T'
Hochwasser erreicht zwei Dörfer

In Brenmoor ertranken am Sonntag 14 Menschen, als der Fluss über die Ufer trat.

In Caldwick ertranken 5 Menschen, nachdem der Damm gebrochen war.
T
cat >"$tmp/de-swap.txt" <<'T'
Hochwasser erreicht zwei Dörfer

In Brenmoor ertranken am Sonntag 5 Menschen, als der Fluss über die Ufer trat.

In Caldwick ertranken 14 Menschen, nachdem der Damm gebrochen war.
T
run compare "$tmp/a.txt" "$tmp/b.txt"
if [ "$st" -eq 1 ] && grep -q '^\[~\] changed quantity.*14 → 5' "$tmp/out" &&
   grep -q '^\[~\] changed quantity.*5 → 14' "$tmp/out"; then
  ok "swapped death tolls of two aligned sentences: two changed quantities"
else fail "swapped death tolls (status $st)"; fi
run compare "$tmp/a.txt" "$tmp/de-swap.txt"
if [ "$st" -eq 1 ] && grep -q '2 changed' "$tmp/out"; then
  ok "swapped tolls in a German translation: two changed quantities"
else fail "swapped tolls across languages (status $st)"; fi
for t in a de; do
  run compare "$tmp/a.txt" "$tmp/$t.txt"
  if [ "$st" -eq 0 ] && grep -q '0 changed, 0 contradicted' "$tmp/out"; then
    ok "unchanged/faithful ($t): exit 0"
  else fail "unchanged/faithful $t (status $st)"; fi
done

cat >"$tmp/d1.txt" <<'T'
Two juries decide in one week

The jury in Brenmoor cleared the driver on June 2, 2025.

The jury in Caldwick convicted the builder on June 6, 2025.
T
sed 's/June 2,/June X,/; s/June 6,/June 2,/; s/June X,/June 6,/' "$tmp/d1.txt" >"$tmp/d2.txt"
run compare "$tmp/d1.txt" "$tmp/d2.txt"
if [ "$st" -eq 1 ] && grep -q '2 changed' "$tmp/out"; then
  ok "swapped dates of two aligned sentences: two changed dates"
else fail "swapped dates (status $st)"; fi

cat >"$tmp/n1.txt" <<'T'
Fire forces evacuations

Firefighters said 318 residents left Brenmoor overnight.

Officials said 317 residents left Caldwick by morning.

The cause of the fire is not known.
T
sed 's/318 residents/319 residents/; s/317 residents/318 residents/' "$tmp/n1.txt" >"$tmp/n2.txt"
run compare "$tmp/n1.txt" "$tmp/n2.txt"
if [ "$st" -eq 1 ] && grep -q '2 changed' "$tmp/out" &&
   grep -q '318 → 319' "$tmp/out" && grep -q '317 → 318' "$tmp/out"; then
  ok "values shifted between sentences (318/317 -> 319/318): both changed"
else fail "shifted values (status $st)"; fi

# similar names in one language: Hale -> Hall (folded alike), a place of
# unknown kind Kessington-like -> a real-looking one; spelling variants
# and a compound's short form stay one name
cat >"$tmp/p1.txt" <<'T'
Bridge closed in Dunstreath

The mayor of Dunstreath, Ellen Hale, closed the old bridge on Monday after engineers found cracks.

Ellen Hale said repairs would take two months.
T
sed 's/Ellen Hale/Ellen Hall/g' "$tmp/p1.txt" >"$tmp/p2.txt"
sed 's/Dunstreath/Dunsreath/g' "$tmp/p1.txt" >"$tmp/p3.txt"
run compare "$tmp/p1.txt" "$tmp/p2.txt"
if [ "$st" -eq 1 ] && grep -q 'changed entity.*Ellen Hale → Ellen Hall' "$tmp/out"; then
  ok "Hale -> Hall: a changed person"
else fail "Hale -> Hall (status $st)"; fi
run compare "$tmp/p1.txt" "$tmp/p3.txt"
if [ "$st" -eq 1 ] && grep -q 'changed entity.*Dunstreath → Dunsreath' "$tmp/out"; then
  ok "Dunstreath -> Dunsreath: a changed place"
else fail "Dunstreath -> Dunsreath (status $st)"; fi
run compare "$tmp/p1.txt" "$tmp/p1.txt"
if [ "$st" -eq 0 ]; then ok "the same text: exit 0"; else fail "same text (status $st)"; fi

# a speaker's title changed, the claim kept: the entity's role changed,
# the quote is the same
cat >"$tmp/t1.txt" <<'T'
Harbour wall to be rebuilt

"The harbour wall has failed us twice this winter," said Transport Minister Ruth Calder. "Work starts in April."
T
sed 's/Transport Minister/Defence Minister/' "$tmp/t1.txt" >"$tmp/t2.txt"
run compare "$tmp/t1.txt" "$tmp/t2.txt"
if [ "$st" -eq 1 ] && grep -q 'changed entity.*Ruth Calder \[' "$tmp/out" &&
   ! grep -q 'changed quote' "$tmp/out"; then
  ok "title changed: a changed entity role, not a changed quote"
else fail "title changed (status $st)"; fi

# an edit made in a translation: the negated act of a named actor in a
# well aligned 1-1 sentence pair is a certain contradiction; the faithful
# translation stays exit 0
cat >"$tmp/e.txt" <<'T'
Mayor closes the old ferry

The city council met on Monday to discuss the ferry.

Paul Renard signed an order closing the old ferry.

The council will meet again in May.
T
cat >"$tmp/f.txt" <<'T'
Le maire ferme l'ancien bac

Le conseil municipal s'est réuni lundi pour discuter du bac.

Paul Renard a signé un arrêté fermant l'ancien bac.

Le conseil se réunira de nouveau en mai.
T
sed 's/a signé/n'"'"'a pas signé/' "$tmp/f.txt" >"$tmp/f-neg.txt"
run compare "$tmp/e.txt" "$tmp/f.txt"
if [ "$st" -eq 0 ] && ! grep -q '^\[!\]' "$tmp/out"; then
  ok "faithful French translation: exit 0"
else fail "faithful French translation (status $st)"; fi
run compare "$tmp/e.txt" "$tmp/f-neg.txt"
if [ "$st" -eq 1 ] && grep -q '^\[!\] contradicted event.*Paul Renard SIGN → negated' "$tmp/out"; then
  ok "signed -> n'a pas signé in a translation: a certain contradiction"
else fail "negation edited in a translation (status $st)"; fi

finish
