#!/usr/bin/env bash
# bench/run relation (issue 6): relation-detection accuracy.
#  - WMT pairs, expected translation: WMT24 en/xx (17 x 9) and WMT21/22
#    documents, unchanged;
#  - de.txt vs de-refB.txt (two human translations), expected translation;
#  - perturbed pairs (scripts/perturb.py --mode perturbed), expected rewrite;
#  - SemEval-2022 Task 8 pairs: Overall <= 1.5 expected same story
#    (same-story, rewrite or translation), >= 3.5 expected different-story.
# Figures: relation_<set>_accuracy_ratio (+ counts).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
ev="$STORY_BENCH_BUILD/bench_align_eval"
acc() { # label expected-relation manifest
  "$ev" "$3" --label "$1" --no-baseline >"$tmp/$1.out" 2>/dev/null
  awk -v l="$1" -v want="$2" '
    $1 == l"_pairs_count" {n = $3}
    $1 == l"_relation_"want"_count" {k = $3}
    END {printf "relation_%s_accuracy_ratio = %.4f\nrelation_%s_pairs_count = %d\n", l, n ? k / n : 0, l, n}' "$tmp/$1.out"
}
python3 "$root/scripts/perturb.py" --set wmt24 --mode none --out "$tmp/n24" 2>/dev/null
acc wmt24_translation translation "$tmp/n24/manifest.jsonl"
python3 "$root/scripts/perturb.py" --set wmt2x --mode none --out "$tmp/n2x" 2>/dev/null
acc wmt2x_translation translation "$tmp/n2x/manifest.jsonl"
python3 "$root/scripts/perturb.py" --set derefb --mode none --out "$tmp/drb" 2>/dev/null
acc de_refb_translation translation "$tmp/drb/manifest.jsonl"
python3 "$root/scripts/perturb.py" --set wmt24 --mode perturbed --out "$tmp/p24" 2>/dev/null
acc wmt24_perturbed_rewrite rewrite "$tmp/p24/manifest.jsonl"
python3 "$root/scripts/perturb.py" --set wmt2x --mode perturbed --out "$tmp/p2x" 2>/dev/null
acc wmt2x_perturbed_rewrite rewrite "$tmp/p2x/manifest.jsonl"
"$STORY_BENCH_BUILD/bench_semeval" | sed -n 's/^semeval_relation_/relation_semeval_/p'
# swapping A and B (fresh-user 13 H14): share of the 132 real pairs (102
# WMT24 en/xx, 30 SemEval) whose compare B A mirrors compare A B, and the
# largest and mean |overall(A,B) - overall(B,A)| (scripts/swap-check),
# by default (swap_*) and with compare --symmetric (swap_symmetric_*)
python3 "$root/scripts/swap-check" "$STORYDIFF_BIN" --corpus
python3 "$root/scripts/swap-check" "$STORYDIFF_BIN" --symmetric --corpus
