#!/usr/bin/env bash
# Session 6 fixes of a fresh-user report, end to end through the CLI:
#  H5  a negation added to a sentence whose only fact is its attribution
#      ("selon le conseil", "за даними ради", "据议会称") is contradicted;
#      zh modal negation written as one word (不能) negates the claim;
#  M6  an HTML byline element is the article's byline, not body text;
#  L2a "12.05.2025" in English text is a date (dots: day first);
#  L2b "3 metres" -> "3 feet" is one changed quantity;
#  M1  the same claim given to another named speaker is a changed quote.
# All inputs are written here.
. "$(dirname "$0")/../support/cli.sh"


# --- H5: negation in a sentence with no event ---------------------------
w() { printf '%s\n\n%s\n\n%s\n' "$2" "$3" "$4" >"$tmp/$1"; }
w fr_a.txt "Travaux sur le quai" \
  "Le quai avait été nettoyé en juin, selon le conseil municipal." \
  "Les travaux dureront deux semaines."
w fr_b.txt "Travaux sur le quai" \
  "Le quai n'avait pas été nettoyé en juin, selon le conseil municipal." \
  "Les travaux dureront deux semaines."
cmp_text "fr: n'avait pas ... selon le conseil is contradicted" 1 '^\[!\] contradicted quote' \
  "$tmp/fr_a.txt" "$tmp/fr_b.txt"
w uk_a.txt "Роботи на набережній" \
  "Набережну чистили в червні, за даними міської ради." \
  "Роботи триватимуть два тижні."
w uk_b.txt "Роботи на набережній" \
  "Набережну не чистили в червні, за даними міської ради." \
  "Роботи триватимуть два тижні."
cmp_text "uk: не чистили ... за даними ради is contradicted" 1 '^\[!\] contradicted quote' \
  "$tmp/uk_a.txt" "$tmp/uk_b.txt"
w zh_a.txt "码头工程" "据市议会称，这个码头六月份可以通行。" "工程将持续两周。"
w zh_b.txt "码头工程" "据市议会称，这个码头六月份不能通行。" "工程将持续两周。"
cmp_text "zh: 可以 -> 不能 is contradicted" 1 '^\[!\] contradicted quote' \
  "$tmp/zh_a.txt" "$tmp/zh_b.txt"
cmp_text "zh: the same text is the same" 0 'summary: .* 0 contradicted' \
  "$tmp/zh_a.txt" "$tmp/zh_a.txt"

# --- M6: HTML byline ----------------------------------------------------
cat >"$tmp/quay.txt" <<'EOF'
Quay reopens after repairs

The harbour quay reopened on Monday after six weeks of repairs, the port authority said.

Workers replaced 40 metres of the old stone wall and the lighting along the water.
EOF
cat >"$tmp/quay.html" <<'EOF'
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>Quay reopens after repairs | Harbour News</title></head>
<body><article>
<h1>Quay reopens after repairs</h1>
<p class="byline">By Mara Quist, 14 May 2024</p>
<p>The harbour quay reopened on Monday after six weeks of repairs, the port authority said.</p>
<p>Workers replaced 40 metres of the old stone wall and the lighting along the water.</p>
</article></body></html>
EOF
"$bin" extract --format=json "$tmp/quay.html" >"$tmp/out" 2>"$tmp/err"
if grep -q '"byline": "Mara Quist"' "$tmp/out" && grep -q '"published": "2024-05-14"' "$tmp/out" &&
   ! grep -q 'By Mara' "$tmp/out"; then ok "HTML byline element is the byline, not body"
else fail "HTML byline element is the byline, not body"; fi
cmp_text "text vs HTML with a byline: no difference" 0 'summary: .* 0 added, 0 omitted' \
  "$tmp/quay.txt" "$tmp/quay.html"

# --- L2a: 12.05.2025 in English ------------------------------------------
printf 'Quay reopens\n\nThe quay reopened on 14 May 2024, the port said.\n' >"$tmp/d1.txt"
printf 'Quay reopens\n\nThe quay reopened on 14.05.2024, the port said.\n' >"$tmp/d2.txt"
cmp_text "en: 14.05.2024 is 14 May 2024" 0 'summary: .* 0 added, 0 omitted' \
  "$tmp/d1.txt" "$tmp/d2.txt"

# --- L2b: same number, other unit of one dimension -------------------------
printf 'Quay reopens\n\nThe water rose 3 metres in the night, the port said.\n' >"$tmp/u1.txt"
printf 'Quay reopens\n\nThe water rose 3 feet in the night, the port said.\n' >"$tmp/u2.txt"
cmp_text "3 metres -> 3 feet is changed" 1 '^\[~\] changed quantity .*3 m → 3 ft' \
  "$tmp/u1.txt" "$tmp/u2.txt"

# --- M1: the same claim, another named speaker -----------------------------
printf 'Quay reopens\n\nMayor Ruth Okafor said the harbour wall is safe after the repairs.\n\nTraffic was light.\n' >"$tmp/s1.txt"
printf 'Quay reopens\n\nDeputy mayor Ines Brandt said the harbour wall is safe after the repairs.\n\nTraffic was light.\n' >"$tmp/s2.txt"
cmp_text "speaker renamed: changed quote" 1 '^\[~\] changed quote .*Ruth Okafor SAY → Ines Brandt SAY' \
  "$tmp/s1.txt" "$tmp/s2.txt"

echo "$fails failure(s)"
[ "$fails" -eq 0 ]
