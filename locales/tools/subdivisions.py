#!/usr/bin/env python3
"""Regenerate the "subdivisions" block of locales/entities.json from the
Debian package iso-codes (ISO 3166-2 names and their gettext translations,
/usr/share/iso-codes/json/iso_3166-2.json, /usr/share/locale/*/LC_MESSAGES/
iso_3166-2.mo).

Kept: the first-level subdivisions of countries whose ISO names are English
(US states and DC, Canadian provinces and territories, Australian states,
Indian states), so that an English article's "Kentucky" and its
translation's "Кентукки" / "肯塔基州" get one concept key. Forms per
storydiff language: the translation when it differs from the English name;
Chinese also without a final 州/省 ("肯塔基"). Concept id: the English name,
lower case (as for ICU region names). Also "currency_codes": the ISO 4217
codes (iso_4217.json), which are no organisations ("USD", "NGN"). Run from the repository root:
    python3 locales/tools/subdivisions.py
Python 3 standard library only.
"""
import gettext
import json
import re
import sys

ISO = "/usr/share/iso-codes/json/iso_3166-2.json"
ISO4217 = "/usr/share/iso-codes/json/iso_4217.json"
COUNTRIES = ("US", "CA", "AU", "IN")
TYPES = {"State", "District", "Province", "Territory", "Union territory",
         "Outlying area"}
LANGS = {"de": "de", "fr": "fr", "es": "es", "it": "it", "pl": "pl",
         "cs": "cs", "uk": "uk", "ru": "ru", "ar": "ar", "zh": "zh_CN",
         "ja": "ja", "hi": "hi", "is": "is", "tr": "tr", "hr": "hr"}
PATH = "locales/entities.json"
US_CODE_STOP = {"IN", "OR", "ME", "OK", "HI", "AL", "CO", "DE", "PA", "MA",
                "LA", "ID", "OH", "MS", "MD", "MO", "MT", "NE", "SC", "AS",
                "GU", "MP", "VI", "UM", "CA", "GA", "AR", "VA", "MI", "SD",
                "CT", "AK", "PR", "NH"}


def main():
    subs = json.load(open(ISO, encoding="utf-8"))["3166-2"]
    tr = {}
    for lang, loc in LANGS.items():
        try:
            tr[lang] = gettext.translation(
                "iso_3166-2", localedir="/usr/share/locale", languages=[loc])
        except OSError:
            tr[lang] = None
    lines = []
    for s in subs:
        cc = s["code"].split("-")[0]
        if cc not in COUNTRIES or s["type"] not in TYPES or "parent" in s:
            continue
        en = s["name"]
        if not re.fullmatch(r"[A-Za-z .'&-]+", en):
            continue
        # "District of Columbia": "district" is a generic name word
        # (entities.json "generic_name_words"); the key is "Columbia"
        if en.startswith("District of "):
            continue
        ent = {"kind": "place", "en": [en]}
        # US postal abbreviations = ISO 3166-2 subdivision codes ("WA"),
        # except those that are English words or other common
        # abbreviations (IN, OR, ME, PA = Press Association, LA = Los
        # Angeles, CO = company, MP, MI, CT, AK, PR ...)
        sub = s["code"].split("-")[1]
        if cc == "US" and sub not in US_CODE_STOP:
            ent["en"].append(sub)
        for lang, t in tr.items():
            if t is None:
                continue
            forms = []
            local = t.gettext(en)
            if local != en:
                forms.append(local)
            if lang == "zh" and len(local) > 2 and local[-1] in "州省":
                forms.append(local[:-1])
            if forms:
                ent[lang] = forms
        cid = en.lower()
        lines.append("  %s: %s" % (json.dumps(cid, ensure_ascii=False),
                                   json.dumps(ent, ensure_ascii=False)))
    block = ' "subdivisions": {\n' + ",\n".join(lines) + "\n },\n"
    text = open(PATH, encoding="utf-8").read()
    if '"subdivisions": {' in text:
        text = re.sub(r' "subdivisions": \{\n.*?\n \},\n', lambda m: block,
                      text, count=1, flags=re.S)
    else:
        text = text.replace(' "entities": {\n', block + ' "entities": {\n', 1)
    # ISO 4217 currency codes: "USD", "NGN" are no organisations
    cur = json.load(open(ISO4217, encoding="utf-8"))["4217"]
    codes = sorted({c["alpha_3"].lower() for c in cur})
    cline = ' "currency_codes": ' + json.dumps(codes) + ",\n"
    if '"currency_codes": ' in text:
        text = re.sub(r' "currency_codes": .*\n', lambda m: cline, text,
                      count=1)
    else:
        text = text.replace(' "subdivisions": {\n',
                            cline + ' "subdivisions": {\n', 1)
    json.loads(text)
    open(PATH, "w", encoding="utf-8").write(text)
    print("%d subdivisions" % len(lines), file=sys.stderr)


if __name__ == "__main__":
    main()
