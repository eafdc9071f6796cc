#!/usr/bin/env python3
"""Complete "common_nouns" of locales/facts/de.json from FreeDict deu-eng.

src/facts_entity.c (common_noun) reads the list: in German every noun is
capitalised, so a capitalised word that is a common noun (directly, with a
plural/case ending removed, with a Latin plural -en for -um/-us/-o/-is/-a,
or as the head of a compound) does not start a name. This script adds every
noun headword of Debian's dict-freedict-deu-eng
(/usr/share/dictd/freedict-deu-eng.dict.dz: a headword tagged <fem|masc|neut,
n> whose first English translation is written in lower case, so proper nouns
such as countries stay out) that the list does not cover yet by those rules
("Million", "Zentrum", "Praxis", "Insolvenz", "Angelegenheit"); the entries
already there are kept. Only the "common_nouns" line of the pack is
rewritten; the other keys stay byte for byte.
Run from the repository root:  python3 locales/tools/common_nouns_de.py
Python 3 standard library only.
"""
import gzip
import json
import re

DICT = "/usr/share/dictd/freedict-deu-eng.dict.dz"
PACK = "locales/facts/de.json"
ENDINGS = ["", "n", "en", "e", "er", "s", "es", "ern", "nen"]


def freedict_nouns():
    text = gzip.open(DICT).read().decode("utf-8", "replace")
    nouns = {}
    pat = (r"^(\S+) (?:/[^/\n]*/ )?(?:\([^)\n]*\) )?"
           r"<(?:fem|masc|neut)[^>\n]*\bn\b[^>\n]*>\n(\S[^\n]*)")
    for m in re.finditer(pat, text, re.M):
        w, tr = m.group(1), m.group(2)
        if w[:1].isupper():
            k = w.lower()
            nouns[k] = nouns.get(k, False) or tr[:1].islower()
    return sorted(k for k, ok in nouns.items() if ok)


def covered(k, nouns):
    """common_noun_1() of src/facts_entity.c without the Latin plural"""
    kb = k.encode()
    for e in ENDINGS:
        eb = e.encode()
        if len(kb) < len(eb) + 3 or not kb.endswith(eb):
            continue
        w = kb[:len(kb) - len(eb)]
        if len(w) < 4 and w.decode("utf-8", "ignore") in nouns:
            return True
        for p in range(0, len(w) - 3):
            if 0x80 <= w[p] < 0xC0 or 0 < p < 3:
                continue
            if w[p:].decode("utf-8", "ignore") in nouns:
                return True
    return False


def main():
    with open(PACK, encoding="utf-8") as f:
        lines = f.read().split("\n")
    at = [i for i, l in enumerate(lines)
          if l.startswith(' "common_nouns": [')]
    if len(at) != 1:
        raise SystemExit("common_nouns: expected one line")
    line = lines[at[0]]
    comma = line.endswith(",")
    cur = set(json.loads("{" + line.rstrip(",") + "}")["common_nouns"])
    add = [w for w in freedict_nouns()
           if w.isalpha() and len(w) >= 3 and not covered(w, cur)]
    new = sorted(cur | set(add))
    lines[at[0]] = (' "common_nouns": ' + json.dumps(new, ensure_ascii=False)
                    + ("," if comma else ""))
    with open(PACK, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    json.load(open(PACK, encoding="utf-8"))
    print(f"{PACK}: common_nouns {len(cur)} -> {len(new)}")


if __name__ == "__main__":
    main()
