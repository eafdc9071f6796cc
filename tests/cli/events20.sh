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

# --- H1: who attacked whom -------------------------------------------------
# Within one language an event told with the actor and target swapped, or
# with another country's forces, is a certain changed event (exit 1);
# across languages an unverified one (exit 0); a faithful translation has
# no such line.
w a.en.txt "Clash on the river" \
  "American troops attacked Russian positions near the river on Sunday, the army said." \
  "The fighting lasted four hours."
w b.en.txt "Clash on the river" \
  "Russian troops attacked American positions near the river on Sunday, the army said." \
  "The fighting lasted four hours."
w a.uk.txt "Бій на річці" \
  "Американські війська атакували російські позиції біля річки в неділю, повідомила армія." \
  "Бої тривали чотири години."
w a.ru.txt "Бой на реке" \
  "Американские войска атаковали российские позиции у реки в воскресенье, сообщила армия." \
  "Бои продолжались четыре часа."
w a.pl.txt "Starcie nad rzeką" \
  "Amerykańskie wojska zaatakowały rosyjskie pozycje nad rzeką w niedzielę, poinformowała armia." \
  "Walki trwały cztery godziny."
w a.de.txt "Gefecht am Fluss" \
  "Amerikanische Truppen griffen am Sonntag russische Stellungen am Fluss an, teilte die Armee mit." \
  "Die Kämpfe dauerten vier Stunden."
sed 's/Американські/ВОРОГ/; s/російські/американські/; s/ВОРОГ/Російські/' "$tmp/a.uk.txt" > "$tmp/b.uk.txt"
sed 's/Американские/ВРАГ/; s/российские/американские/; s/ВРАГ/Российские/' "$tmp/a.ru.txt" > "$tmp/b.ru.txt"
sed 's/Amerykańskie/WROG/; s/rosyjskie/amerykańskie/; s/WROG/Rosyjskie/' "$tmp/a.pl.txt" > "$tmp/b.pl.txt"
sed 's/Amerikanische/FEIND/; s/russische/amerikanische/; s/FEIND/Russische/' "$tmp/a.de.txt" > "$tmp/b.de.txt"
# cmp_lang NAME WANT-STATUS WANT-REGEX LANG-A LANG-B A B: cmp_text with the
# languages given (short Russian texts are identified as Ukrainian)
cmp_lang() {
  local name=$1 want=$2 re=$3
  "$bin" compare --format=text --lang-a="$4" --lang-b="$5" "$6" "$7" \
    >"$tmp/out" 2>"$tmp/err" </dev/null
  local st=$?
  if [ "$st" -eq "$want" ] && grep -Eq "$re" "$tmp/out"; then ok "$name"
  else fail "$name (status $st, want $want)"; fi
}
for l in en uk ru pl de; do
  cmp_lang "H1 $l: actor and target swapped: certain changed event (exit 1)" 1 \
    '^\[~\] changed event .*ATTACK \(by [^,]*, on [^)]*\) → ATTACK \(by ' \
    $l $l "$tmp/a.$l.txt" "$tmp/b.$l.txt"
done
for l in uk ru pl de; do
  cmp_lang "H1 en-$l: the faithful translation: exit 0" 0 \
    '^summary:' en $l "$tmp/a.en.txt" "$tmp/a.$l.txt"
  if grep -q 'ATTACK (by' "$tmp/out"; then
    fail "H1 en-$l: no 'ATTACK (by' line on the faithful translation"
  else ok "H1 en-$l: no 'ATTACK (by' line on the faithful translation"; fi
  cmp_lang "H1 en-$l: swapped across languages: [?] changed event (exit 0)" 0 \
    '^\[\?\] unverified changed event .*ATTACK \(by ' \
    en $l "$tmp/a.en.txt" "$tmp/b.$l.txt"
done
# a missile strike of another country; a meeting is no directed event
w c.en.txt "Depot hit" "A Russian missile strike hit the fuel depot on Sunday, officials said."
sed 's/Russian/Ukrainian/' "$tmp/c.en.txt" > "$tmp/d.en.txt"
cmp_text "H1 en: another country's strike: changed event (exit 1)" 1 \
  '^\[~\] changed event .*ATTACK \(by Russia\) → ATTACK \(by Ukraine\)' \
  "$tmp/c.en.txt" "$tmp/d.en.txt"
w m1.en.txt "Talks" "American diplomats met Russian diplomats in Vienna on Sunday."
w m2.en.txt "Talks" "Russian diplomats met American diplomats in Vienna on Sunday."
run compare --format=text "$tmp/m1.en.txt" "$tmp/m2.en.txt"
if grep -q 'MEET (by' "$tmp/out"; then fail "H1 en: a meeting told the other way is no changed event"
else ok "H1 en: a meeting told the other way is no changed event"; fi

# --- M6: the dateline is no actor --------------------------------------------
w dl.en.txt "Harbour attack" \
  "ODESA, May 2 - A drone attack on the port killed three sailors, the navy said."
run facts --format=json "$tmp/dl.en.txt"
if grep -q '"actor": *"ds"' "$tmp/out" || ! grep -q '"predicate": *"KILL"' "$tmp/out"; then
  fail "M6 en: KILL has no dateline actor"
else ok "M6 en: KILL has no dateline actor"; fi

finish
