#!/usr/bin/env bash
# bench/run align-perturbed (issue 6): alignment of perturbed real
# translation pairs. scripts/perturb.py (fixed seed, corpus read in place,
# output in a temp dir) makes B' with 20% of units deleted, two units of
# another story inserted, one moved and two adjacent pairs merged, gold
# updated. Paragraph level on WMT24 (17 stories x 9 languages) and sentence
# level on WMT21/WMT22 news documents (<seg id> i <-> i, first reference).
# Prints strict link P/R/F1 per language pair and overall, omitted and added
# precision/recall, moved recall, with a Gale-Church (1993) length-only
# aligner (gc_*) beside, and the unperturbed sanity F1.
# Gold links whose units the text holds as one sentence (a unit without a
# terminal, e.g. a heading ending in ':', written on one line with the
# next) are scored as one link (bench_align_eval: "gold at the
# granularity of the text"; <L>_gold_links_merged_count says how many;
# ALIGN_EVAL_STRICT_UNITS=1 scores the raw units).
# Figures: par_*, sent_*, par_unperturbed_*, sent_unperturbed_*.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
ev="$STORY_BENCH_BUILD/bench_align_eval"
python3 "$root/scripts/perturb.py" --set wmt24 --mode perturbed --out "$tmp/p24" 2>/dev/null
"$ev" "$tmp/p24/manifest.jsonl" --label par
python3 "$root/scripts/perturb.py" --set wmt2x --mode perturbed --out "$tmp/p2x" 2>/dev/null
"$ev" "$tmp/p2x/manifest.jsonl" --label sent
python3 "$root/scripts/perturb.py" --set wmt24 --mode none --out "$tmp/n24" 2>/dev/null
"$ev" "$tmp/n24/manifest.jsonl" --label par_unperturbed --no-baseline | grep -E '_link_f1_ratio|relation'
python3 "$root/scripts/perturb.py" --set wmt2x --mode none --out "$tmp/n2x" 2>/dev/null
"$ev" "$tmp/n2x/manifest.jsonl" --label sent_unperturbed --no-baseline | grep -E '_link_f1_ratio|relation'
