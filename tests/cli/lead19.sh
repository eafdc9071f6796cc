#!/usr/bin/env bash
# Findings fixed by the lead in session 19 (2026-12-02), with texts
# written here.
. "$(dirname "$0")/../support/cli.sh"

w v.txt "The council approved 12 new parks on Monday, the mayor said at the town hall."

# A changed surname in a same-language ru/uk/el rewrite was "same" (exit
# 0): the diff took every name without an ASCII lower-case letter for an
# acronym, and acronyms are not compared word by word, so Ковальчук /
# Ковальчик (one consonant-skeleton key) never differed. The Latin case
# (Kowalczuk / Kowalczyk) was a changed entity.
w ru-a.txt "Министр Анна Ковальчук заявила в понедельник, что мост закроют на ремонт." "Ремонт продлится три месяца."
w ru-b.txt "Министр Анна Ковальчик заявила в понедельник, что мост закроют на ремонт." "Ремонт продлится три месяца."
cmp_text "ru: a changed surname of one key is a changed entity" 1 \
  '^\[~\] changed entity .*Анна Ковальчук → Анна Ковальчик' "$tmp/ru-a.txt" "$tmp/ru-b.txt"
w uk-a.txt "Міністр Анна Ковальчук заявила в понеділок, що міст закриють на ремонт." "Ремонт триватиме три місяці."
w uk-b.txt "Міністр Анна Ковальчик заявила в понеділок, що міст закриють на ремонт." "Ремонт триватиме три місяці."
cmp_text "uk: a changed surname of one key is a changed entity" 1 \
  '^\[~\] changed entity .*Анна Ковальчук → Анна Ковальчик' "$tmp/uk-a.txt" "$tmp/uk-b.txt"
# ... while a case form of the same name stays the same
w ru-c.txt "Губернатор Олег Хмельницкий заявил, что мост закроют." "Ремонт продлится три месяца, сказал Хмельницкий."
w ru-d.txt "По словам губернатора Олега Хмельницкого, мост закроют." "Ремонт продлится три месяца, сообщил Хмельницкий."
"$bin" compare --format=text "$tmp/ru-c.txt" "$tmp/ru-d.txt" >"$tmp/out" 2>"$tmp/err"
if ! grep -q '^\[~\] changed entity' "$tmp/out"; then
  ok "ru: a name in another case is no changed entity"
else fail "ru: a name in another case is no changed entity"; fi

# fresh-user 18 L28: an RSS or Atom feed was read as a page ("no article
# text found in the HTML", or its item titles and links as the article)
printf '<?xml version="1.0" encoding="UTF-8"?>\n<!-- a feed -->\n<rss version="2.0"><channel><title>City news</title><item><title>Bridge closes</title><link>http://example.org/a</link><description>The bridge will close for three months.</description></item></channel></rss>\n' >"$tmp/feed.xml"
printf '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>City news</title><entry><title>Bridge closes</title></entry></feed>' >"$tmp/atom.xml"
run extract "$tmp/feed.xml"
if [ "$st" -eq 2 ] && [ ! -s "$tmp/out" ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] &&
   grep -q "feed.xml: byte 0: this is an RSS feed (root element <rss>), not an article" "$tmp/err"; then
  ok "extract: an RSS feed is one clear error, exit 2"
else fail "extract: an RSS feed (status $st)"; fi
run compare "$tmp/v.txt" "$tmp/atom.xml"
if [ "$st" -eq 2 ] && grep -q "atom.xml: byte 0: this is an Atom feed (root element <feed>)" "$tmp/err"; then
  ok "compare: an Atom feed is one clear error, exit 2"
else fail "compare: an Atom feed (status $st)"; fi

# fresh-user 18 L25: figure captions are dropped as boilerplate and the
# command line had no way to keep them (the library has keep_captions)
cat >"$tmp/cap.html" <<'HTML'
<html><body><article><p>The mayor said the bridge will close for three months of repairs on Monday.</p>
<figure><img src="x.jpg"><figcaption>Workers on the bridge, 12 May 2024.</figcaption></figure>
<p>Traffic will move to the old ferry line during the work, officials said.</p></article></body></html>
HTML
run extract "$tmp/cap.html"; st1=$st; grep -c . "$tmp/out" >"$tmp/n1"
run extract --captions "$tmp/cap.html"
if [ "$st1" -eq 0 ] && [ "$(cat "$tmp/n1")" -eq 2 ] && [ "$st" -eq 0 ] &&
   grep -qx "Workers on the bridge, 12 May 2024." "$tmp/out"; then
  ok "extract --captions keeps a figure caption (dropped without it)"
else fail "extract --captions (status $st1/$st)"; fi
run facts --captions "$tmp/cap.html"
if [ "$st" -eq 0 ] && grep -q '2024-05-12' "$tmp/out"; then
  ok "facts --captions: the caption's date is a fact"
else fail "facts --captions (status $st)"; fi

# fresh-user 18 L9: the side-by-side view broke a CJK line before 。 or ）
# and after （ or “ (kinsoku shori, UAX #14 classes CL/CP/EX/NS and OP);
# at every width no cell line may start with closing or end with opening
# punctuation, and no line is wider than the view
w cjk.txt "据报道，该公司在欧洲投资了4.12亿欧元。工人们在周一开始修建新的工厂，预计明年完工。市长说：“这是一个好消息。”" \
  "第二段有更多的内容（包括数字12和日期）。" \
  "日本の首相は「新しい計画（2025年）を発表する」と述べた。東京では、多くの人々がニュースを見ていました！本当ですか？はい、そうです。"
for wd in 20 24 27 31 40 53 64 80; do
  "$bin" compare --width=$wd --color=never --format=side-by-side "$tmp/cjk.txt" "$tmp/cjk.txt" >"$tmp/sbs$wd.txt" 2>/dev/null
done
if python3 - "$tmp" <<'PY'
import sys, unicodedata
bad = []
for wd in (20, 24, 27, 31, 40, 53, 64, 80):
    for line in open(f"{sys.argv[1]}/sbs{wd}.txt", encoding="utf-8"):
        line = line.rstrip("\n")
        width = sum(2 if unicodedata.east_asian_width(c) in "WF" else
                    0 if unicodedata.combining(c) else 1 for c in line)
        if width > wd:
            bad.append((wd, "wide", line))
        if " | " not in line:
            continue
        for cell in line.split(" | "):
            c = cell.strip()
            if c and (c[0] in "。，、）」！？”』" or c[-1] in "（「“『"):
                bad.append((wd, cell))
if bad:
    print(bad[:5])
    sys.exit(1)
PY
then ok "side-by-side: no CJK line starts with 。/） or ends with （/“, widths 20-80"
else fail "side-by-side: CJK line breaking"; fi

# fresh-user 18 L7: --timeout did not bound the translation server (a
# stand-in answering after 20 s with --timeout=3 was waited for, 23 s).
# Now it limits each translation request: the stand-in's /slow answers
# after 8 s; with --timeout=1 the comparison stops with one line, exit 2.
src=$(cd "$(dirname "$0")/../.." && pwd)
python3 "$src/tests/support/mt_server.py" --timeout 30 >"$tmp/mtport" &
mt_pid=$!
trap 'kill "$mt_pid" 2>/dev/null; rm -rf "$tmp"' EXIT
for _ in $(seq 50); do [ -s "$tmp/mtport" ] && break; sleep 0.1; done
mtport=$(sed -n 's/^PORT //p' "$tmp/mtport")
w es.txt "El alcalde abrió el nuevo puente sobre el río."
w en.txt "The mayor opened the new bridge over the river."
if [ -n "$mtport" ]; then
  t0=$(date +%s)
  run compare --timeout=1 --lang-a=en --lang-b=es --translate="http://127.0.0.1:$mtport/slow" "$tmp/en.txt" "$tmp/es.txt"
  t1=$(date +%s)
  if [ "$st" -eq 2 ] && [ "$((t1 - t0))" -lt 7 ] && [ "$(wc -l <"$tmp/err")" -eq 1 ] &&
     grep -q "translation request failed: no answer within 1 s (--timeout)" "$tmp/err"; then
    ok "--timeout bounds the translation request ($((t1 - t0)) s)"
  else fail "--timeout and --translate (status $st, $((t1 - t0)) s)"; fi
else fail "translation stand-in did not start"; fi

# fresh-user 19 H2: a ministry's denial against its confirmation was not
# read in uk/ru/pl/de (exit 0): the packs listed only masculine and
# feminine past forms (заперечив, not the neuter заперечило of
# "міністерство"), the subject scan stopped at the place inside "Ministry
# of Defence of Russia", pl "zaprzeczyło, jakoby" lacked its
# complementizer, and de "Verteidigungsministerium" is a compound of the
# source noun "Ministerium". Each pair is now a contradicted quote, exit 1
# (uk/ru/pl also need the nominative "ministry" of 4e2553a's sources).
h2() { # lang deny-sentence confirm-sentence
  w "h2-$1-a.txt" "$2"
  w "h2-$1-b.txt" "$3"
  "$bin" compare --format=text --lang-a="$1" --lang-b="$1" "$tmp/h2-$1-a.txt" "$tmp/h2-$1-b.txt" >"$tmp/out" 2>"$tmp/err"
  local st=$?
  if [ "$st" -eq 1 ] && grep -q '^\[!\] contradicted quote .*DENY (claim negated) → CONFIRM' "$tmp/out"; then
    ok "$1: a ministry's denial vs its confirmation is contradicted"
  else fail "$1: ministry denial vs confirmation (status $st)"; fi
}
h2 uk "Міністерство оборони Росії заперечило удари по житлових будинках у місті." \
      "Міністерство оборони Росії підтвердило удари по житлових будинках у місті."
h2 ru "Министерство обороны России отрицало удары по жилым домам в городе." \
      "Министерство обороны России подтвердило удары по жилым домам в городе."
h2 pl "Rosyjskie ministerstwo obrony zaprzeczyło, jakoby atakowało budynki mieszkalne w mieście." \
      "Rosyjskie ministerstwo obrony potwierdziło, że atakowało budynki mieszkalne w mieście."
h2 de "Das russische Verteidigungsministerium bestritt, Wohnhäuser in der Stadt angegriffen zu haben." \
      "Das russische Verteidigungsministerium bestätigte, Wohnhäuser in der Stadt angegriffen zu haben."

# fresh-user 19 M1: "the General Staff said" made every attack in the
# article a labour strike (STRIKE_WORK: "staff" is a sense cue of the
# pack); a word of a name is no cue, a staff walkout still is
w gs.txt "Attack on the port" "A missile attack on the port killed 12 people, the General Staff said."
run facts "$tmp/gs.txt"
if [ "$st" -eq 0 ] && [ "$(grep -c 'event||ATTACK|' "$tmp/out")" -eq 2 ] &&
   ! grep -q STRIKE_WORK "$tmp/out"; then
  ok "an attack reported by the General Staff is an attack"
else fail "General Staff attack (status $st)"; fi
w ws.txt "Hospital staff began a strike over pay on Monday."
run facts "$tmp/ws.txt"
if [ "$st" -eq 0 ] && grep -q 'event||STRIKE_WORK|' "$tmp/out"; then
  ok "a strike of hospital staff is still a labour strike"
else fail "staff strike (status $st)"; fi

# fresh-user 19 L2: a Polish or German quotation opened with „ and closed
# with a plain " (common in web copy) was no quote
w plq.txt "„To był celowy atak na cywilów\" - powiedział Marek Nowak dziennikarzom."
run facts --lang pl "$tmp/plq.txt"
if [ "$st" -eq 0 ] && grep -q 'quote|nvk' "$tmp/out"; then
  ok "pl: „…\" is a quote with its speaker"
else fail "pl: „…\" quote (status $st)"; fi

finish
