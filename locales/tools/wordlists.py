#!/usr/bin/env python3
"""Regenerate locales/wordlists/<lang>.txt: the words of a language's
dictionaries from Debian (one word per line, NFKC, as token keys), for
languages whose bilingual lexicon has no headwords in the language's own
script. Used by src/facts_entity.c: in scripts without capitals (hi) a word
of the dictionary is no transliterated foreign name ("बात", "परिवार" are
words; "मैककोनेल", "केंटकी" are not).

Sources (Debian packages; data licences in /usr/share/doc/<package>/copyright):
    hi: hunspell-hi, /usr/share/hunspell/hi_IN.dic (janabhaaratii, GPL-2+):
        the .dic stems without their affix flags;
        apertium-hin, /usr/share/apertium/apertium-hin/apertium-hin.hin.dix
        (Apertium's Hindi morphological dictionary, GPL-3): the lemmas of
        its entries of every part of speech except proper nouns (np),
        one-word lemmas only, zero-width joiners removed.
    es: apertium-eng-spa (GPL-2+; its .dix sources are not packaged, only
        the compiled transducers, read with lt-proc of lttoolbox): the
        Spanish nouns and adjectives that its English-Spanish dictionary
        (eng-spa.autobil.bin) gives for the English pack's "common_words"
        (locales/facts/en.json; as <n><sg>, <n><pl> and <adj>), lower-case
        one-word lemmas only, with the singular and plural, masculine and
        feminine forms that its Spanish generator (eng-spa.autogen.bin)
        makes of them ("empleo", "empleos"; "público", "públicas"). The
        es-en lexicon (FreeDict) has too few headwords to tell capitalised
        common words ("Empleos Públicos") from names.
Run from the repository root:  python3 locales/tools/wordlists.py
Python 3 standard library only.
"""
import json
import re
import subprocess
import unicodedata

HUNSPELL = {"hi": ("/usr/share/hunspell/hi_IN.dic", "hunspell-hi", "GPL-2+")}
APERTIUM = {"hi": ("/usr/share/apertium/apertium-hin/apertium-hin.hin.dix",
                   "apertium-hin", "GPL-3")}


def hunspell_words(path):
    words = set()
    with open(path, encoding="utf-8") as f:
        for i, line in enumerate(f):
            line = line.strip()
            if i == 0 and line.isdigit():
                continue  # word count
            w = line.split("/", 1)[0].strip()
            if w and not w.startswith("#"):
                words.add(unicodedata.normalize("NFKC", w))
    return words


def apertium_words(path):
    """Lemmas of the .dix main sections whose paradigm is not a proper
    noun's (paradigm names end in __<part of speech>)."""
    with open(path, encoding="utf-8") as f:
        dix = f.read()
    words = set()
    body = dix[dix.find("<section"):]
    for lm, entry in re.findall(r'<e\b[^>]*\blm="([^"]*)"[^>]*>(.*?)</e>',
                                body, re.S):
        par = re.search(r'<par n="[^"]*__([a-z_]+)"', entry)
        if not par or par.group(1).startswith("np"):
            continue
        w = unicodedata.normalize("NFKC", lm).replace("\u200c", "")
        w = w.replace("\u200d", "").strip()
        if w and " " not in w:
            words.add(w)
    return words


APERTIUM_BIDIX = {"es": ("/usr/share/apertium/apertium-eng-spa/",
                          "eng-spa", "apertium-eng-spa", "GPL-2")}


def lt_proc(flag, fst, lines):
    return subprocess.run(["lt-proc", flag, fst], input="\n".join(lines) + "\n",
                          capture_output=True, text=True,
                          check=True).stdout.split("\n")


def apertium_bidix_words(base, pair):
    """Target-language nouns and adjectives for the English common words,
    with their generated number and gender forms."""
    with open("locales/facts/en.json", encoding="utf-8") as f:
        en = [w for w in json.load(f)["common_words"]
              if w.isascii() and w.isalpha()]
    bil = f"{base}{pair}.autobil.bin"
    lemmas = {}
    for tag in ("<n><sg>", "<n><pl>", "<adj>"):
        out = " ".join(lt_proc("-b", bil, [f"^{w}{tag}$" for w in en]))
        for r in re.findall(r"\^([^$]*)\$", out):
            for p in r.split("/")[1:]:
                m = re.match(r"([^<@#]+)<([a-z]+)>(.*)", p)
                if not m:
                    continue
                lem, pos, rest = m.groups()
                if pos not in ("n", "adj") or not lem.isalpha() or \
                        lem[:1].isupper():
                    continue
                lemmas.setdefault((lem, pos), set()).add(rest)
    reqs = []
    for (lem, pos), tags in sorted(lemmas.items()):
        genders = {"m", "f", "mf"}
        if pos == "n":
            genders = {m.group(1) if m else "m"
                       for m in (re.search(r"<(mf|m|f)>", t) for t in tags)}
        for g in sorted(genders):
            for num in ("sg", "pl"):
                reqs.append(f"^{lem}<{pos}><{g}><{num}>$")
    words = {lem for lem, _ in lemmas}
    for r in lt_proc("-g", f"{base}{pair}.autogen.bin", reqs):
        r = r.strip()
        if r and not r.startswith("#") and "<" not in r and " " not in r:
            words.add(r)
    return {unicodedata.normalize("NFKC", w).lower() for w in words
            if w.isalpha() and len(w) >= 3}


def main():
    for lang in sorted(set(HUNSPELL) | set(APERTIUM) | set(APERTIUM_BIDIX)):
        words = set()
        srcs = []
        if lang in APERTIUM_BIDIX:
            base, pair, pkg, lic = APERTIUM_BIDIX[lang]
            words |= apertium_bidix_words(base, pair)
            srcs.append(f"{pkg} ({base}{pair}.autobil.bin, autogen.bin; "
                        f"{lic})")
        if lang in HUNSPELL:
            path, pkg, lic = HUNSPELL[lang]
            words |= hunspell_words(path)
            srcs.append(f"{pkg} ({path}; {lic})")
        if lang in APERTIUM:
            path, pkg, lic = APERTIUM[lang]
            words |= apertium_words(path)
            srcs.append(f"{pkg} ({path}; {lic})")
        out = f"locales/wordlists/{lang}.txt"
        with open(out, "w", encoding="utf-8") as f:
            f.write(f"# words of {lang}, from Debian {' and '.join(srcs)}, "
                    "generated by locales/tools/wordlists.py\n")
            for w in sorted(words):
                f.write(w + "\n")
        print(out, len(words))


if __name__ == "__main__":
    main()
