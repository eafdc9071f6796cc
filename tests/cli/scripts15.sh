#!/usr/bin/env bash
# Session 15: scripts/install-deps took any argument silently (now
# --lexicon or nothing: another argument exits 2 before apt runs), and
# scripts/build-lexicon --pair ru-en alone crashed when --out held no
# de-en.tsv (its pivot); it now reads the committed one.
. "$(dirname "$0")/../support/cli.sh"
src=${STORYDIFF_SOURCE_DIR:?}
bash "$src/scripts/install-deps" --bogus >"$tmp/out" 2>"$tmp/err"; st=$?
if [ "$st" -eq 2 ] && grep -q "unknown argument '--bogus'" "$tmp/err"; then
  ok "install-deps: an unknown argument exits 2 with one line"
else fail "install-deps --bogus (status $st)"; fi
if [ -e /usr/share/dictd/freedict-deu-rus.index ] &&
   [ -e /usr/share/dictd/freedict-eng-rus.index ]; then
  python3 "$src/scripts/build-lexicon" --pair ru-en --out "$tmp" \
    >"$tmp/out" 2>"$tmp/err"; st=$?
  if [ "$st" -eq 0 ] && [ -s "$tmp/ru-en.tsv" ] &&
     cmp -s "$tmp/ru-en.tsv" "$src/locales/lexicon/ru-en.tsv"; then
    ok "build-lexicon --pair ru-en into an empty --out: the committed file again"
  else fail "build-lexicon --pair ru-en (status $st): $(tail -1 "$tmp/err")"; fi
else
  ok "build-lexicon ru-en: FreeDict eng-rus/deu-rus not installed (scripts/install-deps --lexicon), not run"
fi
finish
