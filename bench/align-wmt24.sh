#!/usr/bin/env bash
# bench/run align-wmt24 (issue 2): paragraph alignment of the 17 WMT24
# stories x 9 languages (articles/wmt24/<doc>/{en,xx}.txt, gold paragraph
# i <-> i), unchanged and changed (B' = two paragraphs deleted, one moved,
# fixed seed, scripts/perturb.py --mode changed). Prints, per language and
# overall, link precision/recall/F1, omitted-paragraph precision/recall and
# moved recall, with a Gale-Church length-only aligner (gc_*) beside.
# Figures: unchanged_*, changed_* (see bench/align_eval.c).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for mode in none changed; do
  python3 "$root/scripts/perturb.py" --set wmt24 --mode $mode --out "$tmp/$mode" 2>/dev/null
  label=$([ $mode = none ] && echo unchanged || echo changed)
  "$STORY_BENCH_BUILD/bench_align_eval" "$tmp/$mode/manifest.jsonl" --label "$label"
done
