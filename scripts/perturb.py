#!/usr/bin/env python3
"""perturb.py: make changed versions B' of real translation pairs, with the
gold alignment updated, for the alignment benchmarks (bench/align-*).

Reads the corpus in place ($STORYDIFF_CORPUS, default ../shared/corpus)
and writes plain-text articles (paragraphs separated by blank lines) plus a
manifest to --out (a temporary directory; never the repository).

Sets (--set):
  wmt24   paragraph level: articles/wmt24/<doc>/{en,xx}.txt, 17 stories x 9
          languages, gold paragraph i <-> i.
  wmt2x   sentence level: wmt/wmt2{1,2}_news/*.src-ref.xml, gold <seg id>
          i <-> i; <p> elements give the paragraphs (segments of one <p>
          are joined by a space). First reference only.
  derefb  wmt24 de.txt vs de-refB.txt (two human translations), unchanged.

Modes (--mode):
  none       B unchanged.
  changed    issue 2: two units of B deleted, one moved.
  perturbed  issue 6: 20% of units deleted, two units of another story (same
             language) inserted, one unit moved, two adjacent pairs merged.

Each manifest line (JSON): {"id", "level", "lang_a", "lang_b", "a", "b",
"units_a": [[start, end], ...], "units_b": [...], "gold": [{"a": [...],
"b": [...], "kind": "match|moved|omitted|added"}]}; spans are byte offsets
into the written files. Fixed seed (--seed, default 6): the same output
every run. Python standard library only.
"""
import argparse
import glob
import json
import os
import random
import sys
import xml.etree.ElementTree as ET

ENDS = set(".!?;:\u2026\u3002\uff01\uff1f\u0964\"'\u201d\u2019\u00bb)")
LANGS24 = ["cs", "de", "es", "hi", "is", "ja", "ru", "uk", "zh"]


def corpus():
    here = os.path.dirname(os.path.abspath(__file__))
    return os.environ.get("STORYDIFF_CORPUS",
                          os.path.join(here, "..", "..", "shared", "corpus"))


def read_paras(path):
    with open(path, encoding="utf-8") as f:
        txt = f.read().replace("\r\n", "\n")
    return [p.strip() for p in txt.split("\n\n") if p.strip()]


def wmt24_pairs(root):
    base = os.path.join(root, "articles", "wmt24")
    docs = sorted(d for d in os.listdir(base)
                  if os.path.isdir(os.path.join(base, d)))
    out = []
    for lang in LANGS24:
        for d in docs:
            a = os.path.join(base, d, "en.txt")
            b = os.path.join(base, d, lang + ".txt")
            if os.path.exists(a) and os.path.exists(b):
                pa, pb = read_paras(a), read_paras(b)
                if len(pa) != len(pb):
                    continue
                # unit = paragraph; paragraph group = itself
                out.append(("wmt24.%s.en-%s" % (d, lang), "en", lang,
                            [(u, i) for i, u in enumerate(pa)],
                            [(u, i) for i, u in enumerate(pb)]))
    return out


def derefb_pairs(root):
    base = os.path.join(root, "articles", "wmt24")
    out = []
    for d in sorted(os.listdir(base)):
        a = os.path.join(base, d, "de.txt")
        b = os.path.join(base, d, "de-refB.txt")
        if os.path.exists(a) and os.path.exists(b):
            pa, pb = read_paras(a), read_paras(b)
            if len(pa) == len(pb):
                out.append(("derefb.%s" % d, "de", "de",
                            [(u, i) for i, u in enumerate(pa)],
                            [(u, i) for i, u in enumerate(pb)]))
    return out


def segs_of(elem):
    """[(text, paragraph index)] in seg id order."""
    out = []
    for pi, p in enumerate(elem.findall("p")):
        for s in p.findall("seg"):
            out.append(((s.text or "").strip(), pi))
    return out


def wmt2x_pairs(root):
    out = []
    files = sorted(glob.glob(os.path.join(root, "wmt", "wmt2[12]_news",
                                          "*.src-ref.xml")))
    for fn in files:
        tag = os.path.basename(fn).split(".")[0].replace("_news", "")
        pair = os.path.basename(fn).split(".")[1]
        la, lb = pair.split("-")
        for doc in ET.parse(fn).getroot().iter("doc"):
            src = doc.find("src")
            refs = doc.findall("ref")
            if src is None or not refs:
                continue
            a, b = segs_of(src), segs_of(refs[0])
            if len(a) != len(b) or len(a) < 3 or any(not t for t, _ in a + b):
                continue
            out.append(("%s.%s.%s" % (tag, pair, doc.get("id")), la, lb, a, b))
    return out


def write_article(path, units):
    """units: [(text, group)] in order; consecutive units of one group form
    a paragraph (joined by a space). Returns spans of units (bytes)."""
    spans = []
    buf = b""
    prev = None
    prev_text = ""
    for text, grp in units:
        t = text.encode("utf-8")
        if prev is None:
            pass
        elif grp == prev and prev_text.rstrip()[-1:] in ENDS:
            buf += b" "
        else:
            # a unit without final punctuation (a headline) ends its
            # paragraph: joined, it would run into the next sentence
            buf += b"\n\n"
        prev_text = text
        spans.append([len(buf), len(buf) + len(t)])
        buf += t
        prev = grp
    buf += b"\n"
    with open(path, "wb") as f:
        f.write(buf)
    return spans


def perturb(rng, a_units, b_units, mode, donors):
    """Returns (B' units [(text, group)], gold links)."""
    n = len(b_units)
    # B' as a list of items: (list of original indices, text, group)
    items = [([i], t, g) for i, (t, g) in enumerate(b_units)]
    deleted, moved, inserted = set(), None, []
    if mode == "none":
        pass
    else:
        if mode == "changed":
            k = 2 if n >= 6 else 1
        else:
            k = max(1, int(round(0.2 * n)))
        # keep the first unit (headline) so that the story stays recognisable
        cand = list(range(1, n))
        deleted = set(rng.sample(cand, min(k, len(cand) - 2)))
        items = [it for it in items if it[0][0] not in deleted]
        if mode == "perturbed":
            # merge two adjacent pairs (originally adjacent, both kept)
            for _ in range(2):
                # never the headline (unit 0): headlines are not merged
                opts = [x for x in range(len(items) - 1)
                        if len(items[x][0]) == 1 and items[x][0][0] != 0 and len(items[x + 1][0]) == 1
                        and items[x + 1][0][0] == items[x][0][0] + 1]
                if not opts:
                    break
                x = rng.choice(opts)
                m = (items[x][0] + items[x + 1][0],
                     items[x][1] + " " + items[x + 1][1], items[x][2])
                items[x:x + 2] = [m]
        # move one single unit at least two places away
        singles = [x for x in range(1, len(items)) if len(items[x][0]) == 1]
        if singles and len(items) >= 5:
            x = rng.choice(singles)
            it = items.pop(x)
            dests = [d for d in range(1, len(items) + 1) if abs(d - x) >= 2]
            d = rng.choice(dests)
            items.insert(d, (it[0], it[1], ("moved", it[0][0])))
            moved = it[0][0]
        if mode == "perturbed":
            for k2 in range(2):
                t = rng.choice(donors)
                d = rng.randint(1, len(items))
                items.insert(d, ([], t, ("ins", k2)))
    # gold
    gold = []
    pos_of = {}
    for bi, it in enumerate(items):
        if not it[0]:
            gold.append({"a": [], "b": [bi], "kind": "added"})
        for o in it[0]:
            pos_of[o] = bi
    done = set()
    for i in range(len(a_units)):
        if i in deleted:
            gold.append({"a": [i], "b": [], "kind": "omitted"})
            continue
        bi = pos_of.get(i)
        if bi is None or bi in done:
            continue
        done.add(bi)
        gold.append({"a": list(items[bi][0]), "b": [bi],
                     "kind": "moved" if items[bi][0] == [moved] else "match"})
    return [(t, g) for _, t, g in items], gold


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", choices=["wmt24", "wmt2x", "derefb"],
                    required=True)
    ap.add_argument("--mode", choices=["none", "changed", "perturbed"],
                    default="perturbed")
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=6)
    ap.add_argument("--max-docs", type=int, default=0,
                    help="per language pair (0 = all)")
    a = ap.parse_args()
    root = corpus()
    if not os.path.isdir(root):
        print("perturb.py: corpus %s missing (set STORYDIFF_CORPUS)" % root,
              file=sys.stderr)
        return 2
    if a.set == "wmt24":
        pairs, level = wmt24_pairs(root), "paragraph"
    elif a.set == "derefb":
        pairs, level = derefb_pairs(root), "paragraph"
    else:
        pairs, level = wmt2x_pairs(root), "sentence"
    if a.max_docs:
        seen, kept = {}, []
        for p in pairs:
            key = (p[1], p[2], p[0].split(".")[0])
            seen[key] = seen.get(key, 0) + 1
            if seen[key] <= a.max_docs:
                kept.append(p)
        pairs = kept
    os.makedirs(a.out, exist_ok=True)
    rng = random.Random(a.seed)
    man = open(os.path.join(a.out, "manifest.jsonl"), "w", encoding="utf-8")
    for k, (pid, la, lb, au, bu) in enumerate(pairs):
        # donors: units of other stories in B's language
        donors = []
        for pid2, la2, lb2, _, bu2 in pairs:
            if lb2 == lb and pid2 != pid and len(donors) < 400:
                donors.extend(t for t, _ in bu2[1:] if len(t) > 40)
        if not donors:
            donors = ["-"]
        bu2, gold = perturb(rng, au, bu, a.mode, donors)
        fa = os.path.join(a.out, "%05d.a.txt" % k)
        fb = os.path.join(a.out, "%05d.b.txt" % k)
        sa = write_article(fa, au)
        sb = write_article(fb, bu2)
        man.write(json.dumps({"id": pid, "level": level, "lang_a": la,
                              "lang_b": lb, "a": fa, "b": fb,
                              "units_a": sa, "units_b": sb,
                              "gold": gold}, ensure_ascii=False) + "\n")
    man.close()
    print("perturb.py: %d pairs -> %s" % (len(pairs), a.out),
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
