#!/usr/bin/env bash
# Session 15 (fresh-user 14 L): the static library defined 48 global
# symbols outside the story_ namespace (fx_json, fx_match, sd_sim, ...).
# Hidden visibility does not apply to a static link, so an application
# with its own fx_json failed to link. Every global symbol the archive
# defines starts with story_ (public) or story__ (internal).
. "$(dirname "$0")/../support/cli.sh"
lib=${STORYDIFF_LIB:?STORYDIFF_LIB not set}
if ! command -v nm >/dev/null; then fail "nm (binutils) not found"; finish; fi
nm -g --defined-only "$lib" 2>/dev/null | awk 'NF==3{print $3}' | sort -u >"$tmp/syms"
n=$(wc -l <"$tmp/syms")
grep -v '^story_' "$tmp/syms" >"$tmp/bad"
if [ "$n" -gt 100 ] && [ ! -s "$tmp/bad" ]; then
  ok "all $n global symbols of $(basename "$lib") start with story_"
else fail "global symbols outside story_: $(head -5 "$tmp/bad" | tr '\n' ' ') (of $n)"; fi
finish
