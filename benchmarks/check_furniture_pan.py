"""Which lines of PAN texts the page-furniture rules mark (a check of the rules on prose).

    .venv/bin/python benchmarks/check_furniture_pan.py [--texts 800]

PAN 2013 texts are essays and web prose with little page furniture, so every line the
rules mark here has to be read: a story sentence among them is a rule that is too wide.
Reads the first half of ``--texts`` from the source documents and the other half from the
suspicious ones (sorted by name), and prints each marked span with its document, then
the number of spans and of documents with any.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from textlineage.facts.furniture import furniture_spans

REPO = Path(__file__).resolve().parents[1]
PAN = REPO.parent / "shared" / "data" / "pan13-train"


def _files(n: int) -> list[Path]:
    half = n // 2
    src = sorted((PAN / "src").glob("*.txt"))[:half]
    susp = sorted((PAN / "susp").glob("*.txt"))[: n - half]
    return src + susp


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--texts", type=int, default=800)
    args = ap.parse_args()
    spans = docs = 0
    for path in _files(args.texts):
        text = path.read_text(encoding="utf-8", errors="replace")
        found = furniture_spans(text, "en")
        docs += bool(found)
        for s, e in found:
            spans += 1
            print(f"{path.parent.name}/{path.name}\t{text[s:e][:160]!r}")
    print(f"{spans} spans marked in {docs} of {args.texts} texts")


if __name__ == "__main__":
    main()
