#!/usr/bin/env bash
# Session 20 (helper "events"): who did what to whom (fresh-user 19 H1, M6)
# and the mirror of a compare under --symmetric (bench relation), on
# sentences written here.
. "$(dirname "$0")/../support/cli.sh"

# --- --symmetric: compare B A mirrors compare A B ----------------------------
# negated_quote is one-directional (A negated, B affirmed): without
# --symmetric A is the original; with it neither is, so the rule is off and
# both directions give the same [?] line (exit 0).
w sen.txt "Museum board on the new wing" \
  "The city museum opened a new wing on Friday." \
  "Curator Anna Weller said the grant did not mean that the museum would charge lower prices." \
  "The wing cost 40 million euros."
w sru.txt "Совет музея о новом крыле" \
  "Городской музей открыл новое крыло в пятницу." \
  "Куратор Анна Веллер сказала, что грант означает, что музей будет брать более низкие цены." \
  "Крыло стоило 40 миллионов евро."
cmp_text "A negated, B affirmed: a certain contradiction by default (exit 1)" 1 \
  '^\[!\] contradicted quote .*Anna Weller SAY \(claim negated\) → affirmed' \
  "$tmp/sen.txt" "$tmp/sru.txt"
for o in "$tmp/sen.txt $tmp/sru.txt" "$tmp/sru.txt $tmp/sen.txt"; do
  # shellcheck disable=SC2086
  run compare --symmetric --format=text $o
  if [ "$st" -eq 0 ] && grep -q '^\[?\] unverified contradicted quote' "$tmp/out" &&
    grep -q ' 0 contradicted, .* 1 unverified' "$tmp/out"; then
    ok "--symmetric: one [?] contradiction, exit 0 ($(basename ${o%% *}) first)"
  else fail "--symmetric: one [?] contradiction, exit 0 ($(basename ${o%% *}) first)"; fi
done

finish
