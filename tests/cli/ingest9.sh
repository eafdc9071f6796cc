#!/usr/bin/env bash
# Ingest, session 10 (fresh-user findings H1, M3, M6, L6): charset detection
# of HTML pages without a declaration, a lying <meta> over Shift_JIS, data
# tables and <br><br>. Inputs are written here (own sentences), encoded with
# python3.
. "$(dirname "$0")/../support/cli.sh"

# enc FILE CHARSET: HTML from stdin (UTF-8) written to $tmp/FILE in CHARSET
enc() { python3 -c 'import sys; sys.stdout.buffer.write(sys.stdin.read().encode(sys.argv[1]))' "$2" >"$tmp/$1"; }
# ext NAME FILE WANT-REGEX [ARGS]: extract FILE, exit 0 and a line matching
ext() {
  local name=$1 f=$2 re=$3; shift 3
  run extract "$tmp/$f" "$@"
  if [ "$st" -eq 0 ] && grep -Eq "$re" "$tmp/out"; then ok "$name"
  else fail "$name (status $st)"; fi
}

# H1: Czech ISO-8859-2 / windows-1250 without <meta>, starting with <html>:
# ICU ranks UTF-16BE first (it read '<h' as U+3C68); never UTF-16 without a
# byte order mark or a declaration
cz='<html><body><p>Žluťoučký kůň úpěl ďábelské ódy, řekl šéf Dvořák v pondělí.</p></body></html>'
printf '%s\n' "$cz" | enc cz.l2.html iso-8859-2
printf '%s\n' "$cz" | enc cz.1250.html windows-1250
printf '%s' "$cz" | enc cz.odd.html iso-8859-2   # odd byte count
ext "H1 ISO-8859-2 page not read as UTF-16" cz.l2.html 'Žluťoučký kůň úpěl'
ext "H1 windows-1250 page not read as UTF-16" cz.1250.html 'Žluťoučký kůň úpěl'
ext "H1 odd byte count: no UTF-16BE error" cz.odd.html 'řekl šéf Dvořák'
# a short page ICU ranks IBM420_ltr / UTF-16 / ISO-8859-1: the single-byte
# charset whose letters one language's exemplar set explains
printf '<html><body><p>Příliš žluťoučký kůň úpěl ďábelské ódy.</p></body></html>\n' | enc cz.short.html iso-8859-2
ext "H1 short Czech page read as ISO-8859-2" cz.short.html 'Příliš žluťoučký'
# one chance-valid UTF-8 sequence ("déšť" = E9 B9 BB) among seven invalid
# bytes is not "UTF-8 with a few invalid bytes" (was seven U+FFFD)
printf '<html><body><p>Žena řekla, že déšť přišel v úterý.</p></body></html>\n' | enc cz.chance.html iso-8859-2
ext "H1 chance-valid UTF-8 sequence: read as ISO-8859-2" cz.chance.html 'Žena řekla, že déšť'
run extract --format=json "$tmp/cz.l2.html"
grep -q '"charset": *"ISO-8859-2"' "$tmp/out" && ok "H1 charset named ISO-8859-2" || fail "H1 charset named"
# UTF-16 with a byte order mark still decodes
printf '\xfe\xff' >"$tmp/u16.html"; printf '%s\n' "$cz" | enc u16body utf-16-be; cat "$tmp/u16body" >>"$tmp/u16.html"
ext "UTF-16BE with a BOM still read" u16.html 'Žluťoučký'

# M3: Icelandic windows-1252 that ICU ranks ISO-8859-9 (ð -> ğ, þ -> ş)
cat >"$tmp/is.src" <<'TXT'
<!doctype html><html><head><title>Veður</title></head><body>
<p>Við höfðum séð það áður að veðrið yrði slæmt. Það varð síðan ljóst að ferðin myndi tefjast um þrjá daga.</p>
<p>Fólkið beið eftir því að vegurinn yrði opnaður. Þeir sem höfðu farið yfir heiðina sögðu að þar væri ófært.</p>
<p>Lögreglan sagði að þrír bílar hefðu orðið fastir og að fjórtán manns hefðu þurft aðstoð. Enginn slasaðist.</p>
<p>Veðurstofan segir að það muni lægja á miðvikudag en að þá taki við nýtt óveður úr norðri.</p>
</body></html>
TXT
enc is.html windows-1252 <"$tmp/is.src"
ext "M3 Icelandic windows-1252 keeps ð and þ" is.html 'Við höfðum séð það'
run extract "$tmp/is.html"
grep -q 'ğ\|ş' "$tmp/out" && fail "M3 no Turkish letters" || ok "M3 no Turkish letters"

# M3 (second part): a <meta> that says utf-8 over Shift_JIS bytes is read
# as ICU detects it when it is confident, with a note (was exit 2, no hint)
printf '<!doctype html><html><head><meta charset="utf-8"><title>火事</title></head><body><p>大阪の倉庫で月曜日の夜に火事があり、十五人がけがをしました。</p><p>消防によると、三人が病院に運ばれました。火事の原因は調べられています。</p><p>市の担当者は、倉庫の周りの道路を火曜日まで閉鎖すると話しました。</p></body></html>\n' | enc ja.lie.html shift_jis
run extract "$tmp/ja.lie.html"
if [ "$st" -eq 0 ] && grep -q '大阪の倉庫' "$tmp/out" && grep -q "note: charset 'utf-8'.*read as Shift_JIS" "$tmp/err"; then
  ok "M3 utf-8 <meta> over Shift_JIS: read as Shift_JIS with a note"
else fail "M3 utf-8 <meta> over Shift_JIS (status $st)"; fi

# M6: a data table: one line per row, cells joined by " | ", the header row
# kept; a layout table (one cell per row, cells holding paragraphs) as before
cat >"$tmp/table.html" <<'HTML'
<!doctype html><html><head><meta charset="utf-8"><title>Storm damage in the valley</title></head><body><h1>Storm damage in the valley</h1>
<p>A storm hit the valley on Tuesday night and damaged roofs in four villages, the county office said on Wednesday.</p>
<p>Repair crews were sent to the worst hit places and schools stayed closed for the day, the office added.</p>
<table><tr><th>Village</th><th>Houses</th><th>Closed roads</th></tr><tr><td>Lindale</td><td>14</td><td>2</td></tr><tr><td>Brookfield</td><td>6</td><td></td></tr></table>
<p>The county asked residents to report fallen trees by telephone and to keep away from power lines.</p></body></html>
HTML
ext "M6 data table row is one line" table.html '^Lindale \| 14 \| 2$'
ext "M6 header row kept as a row" table.html '^Village \| Houses \| Closed roads$'
ext "M6 empty cell keeps its column" table.html '^Brookfield \| 6 \| $|^Brookfield \| 6 \|$'
run extract "$tmp/table.html"
grep -qx '14' "$tmp/out" && fail "M6 no bare cell paragraph" || ok "M6 no bare cell paragraph"
cat >"$tmp/layout.html" <<'HTML'
<!doctype html><html><head><meta charset="utf-8"><title>Storm damage in the valley</title></head><body><table>
<tr><td><p>A storm hit the valley on Tuesday night and damaged roofs in four villages, the county office said on Wednesday.</p><p>Repair crews were sent to the worst hit places and schools stayed closed for the day, the office added.</p></td><td><p>The county asked residents to report fallen trees by telephone and to keep away from power lines.</p></td></tr>
<tr><td><p>Fourteen houses in Lindale lost part of their roofs, and two roads there were closed until the evening.</p></td><td><p>Six houses were damaged in Brookfield, where a barn also collapsed during the night.</p></td></tr>
</table></body></html>
HTML
run extract "$tmp/layout.html"
if [ "$st" -eq 0 ] && ! grep -q ' | ' "$tmp/out" && grep -q '^Repair crews were sent' "$tmp/out"; then ok "M6 layout table: paragraphs as before"
else fail "M6 layout table (status $st)"; fi

# L6: <br><br> and one <br> after a full sentence separate paragraphs; a
# short line (an address) stays a line break inside its paragraph
cat >"$tmp/br.html" <<'HTML'
<!doctype html><html><head><meta charset="utf-8"><title>Storm damage</title></head><body><div class="story">
A storm hit the valley on Tuesday night and damaged roofs in four villages, the county office said.<br>
Repair crews were sent to the worst hit places and schools stayed closed for the day.<br><br>
The county asked residents to report fallen trees by telephone and to keep away from power lines.<br>
County office<br>12 Main Street<br>
</div></body></html>
HTML
run extract "$tmp/br.html"
n=$(grep -c . "$tmp/out")
if [ "$st" -eq 0 ] && grep -q '^Repair crews were sent' "$tmp/out" && grep -q '^The county asked' "$tmp/out" &&
   grep -q '^County office$' "$tmp/out" && grep -q '^12 Main Street$' "$tmp/out"; then ok "L6 <br> paragraphs ($n lines)"
else fail "L6 <br> paragraphs (status $st)"; fi
run extract --format=json "$tmp/br.html"
python3 -c '
import json,sys
a=json.load(open(sys.argv[1]))
print(len(a["article"]["paragraphs"]))' "$tmp/out" >"$tmp/np" 2>/dev/null
[ "$(cat "$tmp/np")" = "4" ] && ok "L6 four paragraphs (three sentences, the address with its line break)" || { cat "$tmp/np"; fail "L6 paragraph count"; }

finish
