"""``compare`` timed on documents of hostile shapes, each against its own first half.

Run by hand:  .venv/bin/python benchmarks/bench_compare_hostile.py [--only NAME]

Documents are untrusted. A shape that makes one stage quadratic stalls a service for
minutes. The shapes: a FAQ of 1,300 questions, a table of 4,000 rows, 600 KB on one line,
a header line holding a run of 30,000 spaces, and 2,000 lines in capitals. Each is made
from a fixed seed. It is compared with its first half plus one sentence, once, in a fresh
process of its own after a warm-up on a small article (so that neither a first use nor
another shape's caches are timed); the seconds are printed beside the size.
``bench_regex_hostile.py`` times the module-level patterns alone.

Measured on 2 December 2026 (2 cores, shared; one run each, ``--only`` the shape, against
the code before and after): the space run took 10.6 s before the bar and dot splitters
were anchored at the start of a run of white space, and 0.9 s after. The FAQ took 55 s
before a fragment's word-level seeds were counted once, not once per passage, and 23 s
after.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor

from textlineage.compare import compare
from textlineage.types import Document

_WORDS = [
    "council",
    "budget",
    "school",
    "road",
    "harbour",
    "river",
    "market",
    "library",
    "park",
    "station",
    "hospital",
    "water",
    "price",
    "rent",
    "bus",
    "train",
]


def _prose(rng: random.Random, n: int) -> str:
    return " ".join(
        rng.choice(_WORDS).capitalize() if i % 9 == 0 else rng.choice(_WORDS) for i in range(n)
    )


def _faq(rng: random.Random) -> str:
    return "\n\n".join(
        f"Q. Can I {rng.choice(_WORDS)} the {rng.choice(_WORDS)} on {rng.randint(1, 28)} May?\n"
        f"A. Yes, {_prose(rng, 20)}."
        for _ in range(1300)
    )


def _table(rng: random.Random) -> str:
    return "\n".join(
        f"{rng.choice(_WORDS).title()} | {rng.randint(1, 99999):,} | {rng.randint(1, 100)}% | "
        f"{rng.randint(1, 28)} June 2031"
        for _ in range(4000)
    )


def _one_line(rng: random.Random) -> str:
    return " ".join(_prose(rng, 30) + f" {rng.randint(1, 9999)} people." for _ in range(3000))


def _spaces(rng: random.Random) -> str:
    return "Report " + " " * 30000 + "Page 1 of 3\n\n" + _prose(rng, 300)


def _capitals(rng: random.Random) -> str:
    return "\n".join(_prose(rng, 12).upper() for _ in range(2000))


SHAPES: dict[str, Callable[[random.Random], str]] = {
    "faq": _faq,
    "table": _table,
    "one-line": _one_line,
    "spaces": _spaces,
    "capitals": _capitals,
}


def _time_shape(name: str) -> tuple[int, float, str]:
    """Compare one shape with its first half in this (fresh) process, after a warm-up on
    a small article; the size, the seconds and the facts' counts."""
    warm = "The council met on Tuesday and agreed a budget of 4 million pounds. " * 20
    compare(Document("w1", warm), Document("w2", warm[: len(warm) // 2]))
    text = SHAPES[name](random.Random(0))
    half = text[: len(text) // 2] + "\n\nThe council said 40 people attended on Tuesday."
    t0 = time.perf_counter()
    c = compare(Document("a", text), Document("b", half))
    seconds = time.perf_counter() - t0
    facts = c.facts
    found = "" if facts is None else f"  added {len(facts.added)} dropped {len(facts.dropped)}"
    return len(text), seconds, found


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", help="run this shape only", choices=sorted(SHAPES))
    args = ap.parse_args()
    spawn = multiprocessing.get_context("spawn")
    for name in SHAPES:
        if args.only and name != args.only:
            continue
        # each shape in a fresh process: nothing another shape cached is reused
        with ProcessPoolExecutor(max_workers=1, mp_context=spawn) as pool:
            size, seconds, found = pool.submit(_time_shape, name).result()
        print(f"{name:10} {size:8,} chars  {seconds:7.2f} s{found}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
