#!/usr/bin/env python3
"""Writes the fuzz seed corpora in fuzz/seeds/<target>/ from the seed articles and hostile
snippets. Documents (and the two sides of a pair) are separated by a 0xFF byte."""
import hashlib
import itertools
import pathlib
import re
import shutil

HERE = pathlib.Path(__file__).resolve().parent
SEEDS = sorted((HERE.parent / "seeds").glob("*.txt"))
SEP = b"\xff"

HOSTILE = [
    "", " ", "\n", "\r", "\r\n\r\n", "a\rb\rc.", "\u2028", "Line one.\u2028Line two.\u2029Three.",
    '"', '""', "\u201c\u201d", "\u201cOpen quote never closes. And more.", "\u2018\u2019\u2019\u2018",
    '"He said "she said" they said."', "\u00abBonjour\u00bb, dit-il.",
    ".", "...", "\u2026", ". . . .", "a.b.c.d.e.f.", "U.S.A.", "Mr. " * 200, "Mr." * 300,
    "Dr. Mr. Mrs. Ms. Jr. Sr. St. No. v. Jan. Feb. Sept.",
    "1e309", "-1e309 dollars", "1,000,000,000,000,000,000,000", "$1,000,000,000,000,000,000,000 billion",
    "99999999999999999999999999999999999999 percent", "0.000000000000000000000001%",
    "18446744073709551616", "9" * 400, "1," * 200, "1." * 200, "-" * 300, "3.5.6.7%",
    "twenty-five thousand million billion trillion", "\u0663\u0664\u0665", "\u216b",
    "\u0627\u0644\u0639\u0631\u0628\u064a\u0629: \u0642\u0627\u0644 \u0627\u0644\u0631\u0626\u064a\u0633.",
    "\u05e2\u05d1\u05e8\u05d9\u05ea \u202eevil\u202c text.", "\u4e2d\u6587\u6587\u672c\u3002\u7b2c\u4e8c\u53e5\uff01",
    "\U0001F600\U0001F469\u200d\U0001F469\u200d\U0001F467 \U0001F1FA\U0001F1E6.", "e\u0301\u0301\u0301\u0301",
    "\u0301 starts with a combining mark.", "zero\u200bwidth\u200djoin\u200c.", "\ufeffBOM first.",
    "nul\0byte.\0\0", "\u0085next line", "\u0130stanbul \u00df \ufb01", "\t\t\tTabbed.\t",
    "Photo: AP\nBy Staff\nComments\nRead more\n#tag |  | ",
    "\u201cWe will not stop,\u201d he said. \u201cNever.\u201d",
    '"Quote" said. "Quote" said. "Quote" said.' * 20,
    "(((((((((( [[[[[ unbalanced", "))))]]]]",
]


def write(target: str, items):
    out = HERE / "seeds" / target
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    for data in items:
        name = hashlib.sha1(data).hexdigest()[:16]
        (out / name).write_bytes(data)


def main():
    texts = [p.read_bytes() for p in SEEDS]
    hostile = [h.encode() for h in HOSTILE] + [b"\xc3\x28 invalid \xa0\xa1 utf8 \xed\xa0\x80 surrogate"]
    singles = texts + hostile + [t[:600] + h for t in texts[:2] for h in hostile[::5]]
    write("clean", singles)
    write("segment", singles)

    sentences = [s.encode() for t in texts for s in re.split(r"(?<=[.!?\u201d])\s+", t.decode())[:12]]
    pairs = [a + SEP + b for a, b in zip(sentences, sentences[1:])]
    pairs += [a + SEP + a for a in sentences[:10]]
    pairs += [h + SEP + s for h, s in zip(hostile, sentences)]
    write("similarity", pairs)

    docs = [SEP.join(c) for c in itertools.combinations(texts, 2)]
    docs += [SEP.join(texts[:4]), texts[0] + SEP + texts[0]]
    docs += [t + SEP + h for t, h in zip(texts * 10, hostile)]
    docs += [SEP.join(hostile[k:k + 3]) for k in range(0, len(hostile), 3)]
    write("analyze", docs)


if __name__ == "__main__":
    main()
