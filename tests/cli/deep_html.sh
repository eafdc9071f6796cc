#!/usr/bin/env bash
# Ingest, session 12 (fresh-user finding M1): a page of deeply nested
# elements with almost no text. The conditional clean-up of the HTML
# extraction walked up to the candidate root for every removed element,
# time quadratic in the depth: 100,000 nested <div>s around one word took
# over 120 s (Release). It must finish (no time is asserted: a depth that
# took minutes is run as a normal test) and keep its text. Pages are
# written here.
. "$(dirname "$0")/../support/cli.sh"

# nest FILE N INNER [PRE POST]: N nested <div>s around INNER
nest() {
  python3 -c 'import sys; n=int(sys.argv[2]); open(sys.argv[1],"w").write(sys.argv[4]+"<div>"*n+sys.argv[3]+"</div>"*n+sys.argv[5])' \
    "$tmp/$1" "$2" "$3" "${4:-}" "${5:-}"
}

nest deep.html 100000 x
run extract "$tmp/deep.html"
[ "$st" -eq 0 ] && [ "$(cat "$tmp/out")" = "x" ] && ok "M1 100,000 nested divs around one word: exit 0, the word" \
  || fail "M1 100,000 nested divs (status $st: $(head -c 200 "$tmp/err"))"

nest deepb.html 100000 x '<html><body>' '</body></html>'
run extract "$tmp/deepb.html"
[ "$st" -eq 0 ] && [ "$(cat "$tmp/out")" = "x" ] && ok "M1 the same inside <html><body>" \
  || fail "M1 nested divs inside body (status $st)"

s='The town council approved a new budget for the library on Tuesday.'
nest deeps.html 100000 "<p>$s</p><p>The library will open on Sundays from March, the mayor said.</p>"
run extract "$tmp/deeps.html"
[ "$st" -eq 0 ] && grep -qF "$s" "$tmp/out" && grep -qF "open on Sundays" "$tmp/out" \
  && ok "M1 100,000 nested divs around two paragraphs: both kept" \
  || fail "M1 nested paragraphs (status $st)"

# link-heavy nested blocks beside the text are removed, and their counts
# taken off every ancestor: the article text stays, the links go
links=$(python3 -c 'print("".join("<div>"*50+"<a href=\"/a%d\">Other story number %d</a>"%(i,i)+"</div>"*50 for i in range(200)))')
nest deepl.html 2000 "<article><p>$s</p><p>The library will open on Sundays from March, the mayor said.</p></article>$links"
run extract "$tmp/deepl.html"
[ "$st" -eq 0 ] && grep -qF "$s" "$tmp/out" && ! grep -q "Other story number" "$tmp/out" \
  && ok "M1 nested link blocks beside the text removed, the text kept" \
  || fail "M1 nested link blocks (status $st: $(head -c 300 "$tmp/out"))"

finish
