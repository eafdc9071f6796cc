#!/bin/bash
# Entities merged with other names of the same consonant skeleton
# (session 20, fresh-user 20 H1): "The United States imposed" = "The House
# of Representatives imposed" was `same`, exit 0. Our own sentences.
. "$(dirname "$0")/../support/cli.sh"

# ---- a country and a parliament: two concepts of one skeleton -----------
w us.en "New sanctions" \
  "The United States imposed new sanctions on Iran on Monday, officials said." \
  "The House of Representatives will vote on a further bill on Thursday."
w ho.en "New sanctions" \
  "The House of Representatives imposed new sanctions on Iran on Monday, officials said." \
  "The House of Representatives will vote on a further bill on Thursday."
cmp_text "en: United States -> House of Representatives" 1 \
  '\[~\] changed entity .*United States → House of Representatives' "$tmp/us.en" "$tmp/ho.en"
w us1.en "New sanctions" \
  "The United States imposed new sanctions on Iran on Monday, officials said."
w ho1.en "New sanctions" \
  "The House of Representatives imposed new sanctions on Iran on Monday, officials said."
cmp_text "en, one sentence: United States -> House of Representatives" 1 \
  '\[~\] changed entity .*United States → House of Representatives' "$tmp/us1.en" "$tmp/ho1.en"
w us.de "Neue Sanktionen" \
  "Die Vereinigten Staaten verhängten am Montag neue Sanktionen gegen den Iran, teilten Beamte mit." \
  "Das Repräsentantenhaus stimmt am Donnerstag über ein weiteres Gesetz ab."
w ho.de "Neue Sanktionen" \
  "Das Repräsentantenhaus verhängte am Montag neue Sanktionen gegen den Iran, teilten Beamte mit." \
  "Das Repräsentantenhaus stimmt am Donnerstag über ein weiteres Gesetz ab."
cmp_text "de: Vereinigte Staaten -> Repräsentantenhaus" 1 \
  '\[~\] changed entity .*Vereinigten Staaten → Repräsentantenhaus' "$tmp/us.de" "$tmp/ho.de"
w us.es "Nuevas sanciones" \
  "Estados Unidos impuso el lunes nuevas sanciones a Irán, según informaron funcionarios." \
  "La Cámara de Representantes votará el jueves otro proyecto de ley."
w ho.es "Nuevas sanciones" \
  "La Cámara de Representantes impuso el lunes nuevas sanciones a Irán, según informaron funcionarios." \
  "La Cámara de Representantes votará el jueves otro proyecto de ley."
cmp_text "es: Estados Unidos -> Cámara de Representantes" 1 \
  '\[~\] changed entity .*Estados Unidos → Cámara de Representantes' "$tmp/us.es" "$tmp/ho.es"
w us.uk "Нові санкції" \
  "Сполучені Штати в понеділок запровадили нові санкції проти Ірану, повідомили посадовці." \
  "Палата представників у четвер голосуватиме за ще один законопроєкт."
w ho.uk "Нові санкції" \
  "Палата представників у понеділок запровадила нові санкції проти Ірану, повідомили посадовці." \
  "Палата представників у четвер голосуватиме за ще один законопроєкт."
cmp_text "uk: Сполучені Штати -> Палата представників" 1 \
  '\[~\] changed entity .*Сполучені Штати → Палата представників' "$tmp/us.uk" "$tmp/ho.uk"
run facts --format=json "$tmp/us.en"
python3 - "$tmp/out" <<'PY' && ok "facts: the US keeps its own name" || fail "facts: US canonical"
import json, sys
d = json.load(open(sys.argv[1]))
ents = [f for f in d["facts"] if f["type"] == "entity"]
us = [f for f in ents if f["value"]["name"] == "United States"]
ho = [f for f in ents if f["value"]["name"] == "House of Representatives"]
assert us and ho, ents
assert us[0]["value"]["canonical"] == "United States", us
assert ho[0]["value"]["canonical"] == "House of Representatives", ho
PY

# ---- real aliases stay one entity ----------------------------------------
w us2.en "New sanctions" \
  "The US imposed new sanctions on Iran on Monday, officials said." \
  "The House of Representatives will vote on a further bill on Thursday."
cmp_text "en: United States = US" 0 'summary: .* 0 changed, 0 contradicted, 0 added, 0 omitted' \
  "$tmp/us.en" "$tmp/us2.en"
cmp_text "en vs es: United States = Estados Unidos" 0 \
  'summary: .* 0 changed, 0 contradicted, 0 added, 0 omitted' "$tmp/us.en" "$tmp/us.es"
cmp_text "en vs uk: United States = Сполучені Штати" 0 \
  'summary: .* 0 changed, 0 contradicted, 0 added, 0 omitted' "$tmp/us.en" "$tmp/us.uk"
w uk1.en "Trade" "The UK signed a trade deal with Japan on Monday."
w uk2.en "Trade" "The United Kingdom signed a trade deal with Japan on Monday."
cmp_text "en: UK = United Kingdom" 0 'summary: .* 0 changed' "$tmp/uk1.en" "$tmp/uk2.en"
w bi1.en "New measures" "Biden announced new measures on Friday, officials said."
w bi2.en "New measures" "Joe Biden announced new measures on Friday, officials said."
cmp_text "en: Biden = Joe Biden" 0 'summary: .* 0 changed' "$tmp/bi1.en" "$tmp/bi2.en"

# ---- a country and an unclassified name of its skeleton -------------------
w in.en "Rice exports" \
  "India banned rice exports on Monday, the trade ministry said." \
  "Manchester United fans protested in Leeds on Tuesday."
w mu.en "Rice exports" \
  "Manchester United banned rice exports on Monday, the trade ministry said." \
  "Manchester United fans protested in Leeds on Tuesday."
cmp_text "en: India -> Manchester United" 1 \
  '\[~\] changed entity .*India → Manchester United' "$tmp/in.en" "$tmp/mu.en"
run facts --format=json "$tmp/in.en"
python3 - "$tmp/out" <<'PY' && ok "facts: India is not Manchester United" || fail "facts: India canonical"
import json, sys
d = json.load(open(sys.argv[1]))
ents = [f for f in d["facts"] if f["type"] == "entity"]
ind = [f for f in ents if f["value"]["name"] == "India"]
mu = [f for f in ents if f["value"]["name"] == "Manchester United"]
assert ind and ind[0]["value"]["canonical"] == "India", ind
assert mu and mu[0]["value"]["kind"] != "place", mu
PY
w sp.en "New measures" "Spain announced new measures on Monday, officials said." \
  "Dario Sabino commented on Tuesday."
w sa.en "New measures" "Dario Sabino announced new measures on Monday, officials said." \
  "Dario Sabino commented on Tuesday."
cmp_text "en: Spain -> Dario Sabino" 1 '\[~\] changed entity .*Spain → Dario Sabino' \
  "$tmp/sp.en" "$tmp/sa.en"

# ---- Trump is not Donald Trump Jr ------------------------------------------
w tr1.en "New measures" "Trump announced new measures on Monday, officials said."
w tr2.en "New measures" "Donald Trump Jr announced new measures on Monday, officials said."
cmp_text "en: Trump -> Donald Trump Jr" 1 \
  '\[~\] changed entity .*Trump → Donald Trump Jr' "$tmp/tr1.en" "$tmp/tr2.en"
w tr3.en "New measures" "Donald Trump announced new measures on Monday, officials said."
cmp_text "en: Trump = Donald Trump" 0 'summary: .* 0 changed' "$tmp/tr1.en" "$tmp/tr3.en"
finish
