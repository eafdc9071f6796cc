#!/usr/bin/env bash
# The README's "Using the library" recipe on an install into another
# prefix: `cmake --install BUILD --prefix DIR`, then docs/example.c built
# with `pkg-config --cflags --libs storydiff` (PKG_CONFIG_PATH=DIR/<libdir>/
# pkgconfig) and run with `pkg-config --variable=localesdir storydiff`
# (fresh-user 14: the installed storydiff.pc kept prefix=/usr/local, so the
# headers were not found). Skipped in sanitizer builds (the archive then
# needs the sanitizer runtime at link time).
. "$(dirname "$0")/../support/cli.sh"
build=$(dirname "$bin")
src=${STORYDIFF_SOURCE_DIR:?}
if grep -q "^STORY_SANITIZE:BOOL=ON" "$build/CMakeCache.txt" 2>/dev/null; then
  ok "pkg-config install recipe: skipped in a sanitizer build"; finish; exit 0
fi
if ! command -v pkg-config >/dev/null || ! command -v cc >/dev/null; then
  fail "pkg-config and cc are needed (scripts/install-deps installs them)"; finish
fi
cmake --install "$build" --prefix "$tmp/inst" >"$tmp/install.log" 2>&1 ||
  { cat "$tmp/install.log" >"$tmp/err"; fail "cmake --install --prefix"; finish; }
pc=$(find "$tmp/inst" -name storydiff.pc | head -1)
if [ -n "$pc" ] && grep -q '^prefix=${pcfiledir}/' "$pc"; then
  ok "storydiff.pc installed, prefix relative to the .pc file"
else fail "storydiff.pc: $(head -1 "$pc" 2>/dev/null)"; fi
export PKG_CONFIG_PATH=$(dirname "$pc")
loc=$(pkg-config --variable=localesdir storydiff)
if [ -f "$loc/en.json" ]; then ok "localesdir is the installed packs"
else fail "localesdir '$loc' has no en.json"; fi
# shellcheck disable=SC2046
if cc -std=c11 "$src/docs/example.c" $(pkg-config --cflags --libs storydiff) \
     -o "$tmp/example" >"$tmp/out" 2>"$tmp/err"; then
  ok "docs/example.c builds with pkg-config --cflags --libs"
else fail "cc docs/example.c with pkg-config"; finish; fi
w a.txt "The harbour board in Kessel Bay bought 7 tugboats on Friday."
w b.txt "The harbour board in Kessel Bay bought 9 tugboats on Friday."
"$tmp/example" "$loc" "$tmp/a.txt" "$tmp/b.txt" >"$tmp/out" 2>"$tmp/err"; st=$?
if [ "$st" -eq 1 ] && grep -q ": [0-9]* same, 1 changed" "$tmp/out"; then
  ok "the installed example compares two versions (exit 1, 1 changed)"
else fail "installed example (status $st)"; fi
finish
