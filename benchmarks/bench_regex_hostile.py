"""Every module-level pattern of the text-reading packages, timed on hostile text.

    .venv/bin/python benchmarks/bench_regex_hostile.py [--short 4000] [--long 16000]
        [--cap 2.0] [--budget 0.25] [--only NAME] [--all]

Documents are untrusted, so a pattern that backtracks on a long run of spaces or of one
token is a denial of service waiting for the caller's guard to be edited away. This
imports every module under ``textlineage.facts``, ``textlineage.text`` and
``textlineage.ingest``, collects each compiled pattern (``re`` or ``regex``) held at
module level (also inside a module-level tuple, list, set or dict), and runs ``search``,
``finditer`` and ``fullmatch`` on runs of one token at two lengths. A pattern is printed
when a run takes longer than ``--budget`` seconds at the long length, or grows more than
6x for 4x the length while taking at least 20 ms. Each run is made in a worker process
that is killed after ``--cap`` seconds, so the pass finishes; a killed run shows as
``>cap``. ``--only`` keeps the patterns whose name holds NAME; ``--all`` prints every
run of them, not only the slow ones.
"""

from __future__ import annotations

import argparse
import importlib
import multiprocessing
import pkgutil
import re
import time
from collections.abc import Iterator
from multiprocessing.connection import Connection
from typing import Any

import regex

PACKAGES = ("textlineage.facts", "textlineage.text", "textlineage.ingest")
TOKENS = (" ", "Ab ", "Ab-", "A.", "A", "1", "1,", ". ", "\n", "★", "Ab 1, ", "ab ", "A ", "-")
METHODS = ("search", "finditer", "fullmatch")
GROWTH = 6.0  # for 4x the length; a linear pattern stays near 4
FLOOR = 0.02  # seconds: growth below this is noise

_PATTERN_TYPES = (re.Pattern, regex.Pattern)


def _modules() -> Iterator[Any]:
    for name in PACKAGES:
        package = importlib.import_module(name)
        yield package
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
            yield importlib.import_module(f"{name}.{info.name}")


def _held(value: Any) -> Iterator[tuple[str, Any]]:
    if isinstance(value, _PATTERN_TYPES):
        yield "", value
    elif isinstance(value, (tuple, list, set, frozenset)):
        for i, item in enumerate(value):
            if isinstance(item, _PATTERN_TYPES):
                yield f"[{i}]", item
    elif isinstance(value, dict):
        for key, item in value.items():
            if isinstance(item, _PATTERN_TYPES):
                yield f"[{key!r}]", item


def collect() -> dict[str, Any]:
    """Each pattern once, named by the first module (in name order) that holds it."""
    seen: set[int] = set()
    found: dict[str, Any] = {}
    for module in _modules():
        for attr, value in sorted(vars(module).items()):
            for suffix, pattern in _held(value):
                if id(pattern) in seen or not isinstance(pattern.pattern, str):
                    continue
                seen.add(id(pattern))
                short = module.__name__.removeprefix("textlineage.")
                found[f"{short}.{attr}{suffix}"] = pattern
    return found


def hostile(token: str, length: int) -> str:
    return (token * (length // len(token) + 1))[:length]


def _run_once(pattern: Any, method: str, text: str) -> float:
    started = time.perf_counter()
    if method == "search":
        pattern.search(text)
    elif method == "finditer":
        for _ in pattern.finditer(text):
            pass
    else:
        pattern.fullmatch(text)
    return time.perf_counter() - started


def _worker(conn: Connection, patterns: dict[str, Any]) -> None:
    while True:
        job = conn.recv()
        if job is None:
            return
        name, method, token, length = job
        text = hostile(token, length)
        best = _run_once(patterns[name], method, text)
        for _ in range(2 if best < 0.1 else 0):  # short times: the best of three
            best = min(best, _run_once(patterns[name], method, text))
        conn.send(best)


class Runner:
    """Runs one timing at a time in a forked worker, killed when it passes the cap."""

    def __init__(self, patterns: dict[str, Any], cap: float) -> None:
        self.patterns = patterns
        self.cap = cap
        self.ctx = multiprocessing.get_context("fork")
        self._start()

    def _start(self) -> None:
        self.conn, child = self.ctx.Pipe()
        self.proc = self.ctx.Process(target=_worker, args=(child, self.patterns), daemon=True)
        self.proc.start()

    def time(self, name: str, method: str, token: str, length: int) -> float | None:
        self.conn.send((name, method, token, length))
        if self.conn.poll(self.cap):
            return float(self.conn.recv())
        self.proc.kill()
        self.proc.join()
        self._start()
        return None

    def close(self) -> None:
        self.conn.send(None)
        self.proc.join(timeout=5)


def _fmt(t: float | None, cap: float) -> str:
    return f">{cap:.1f}s" if t is None else f"{t * 1000:.1f}ms"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--short", type=int, default=4000)
    ap.add_argument("--long", type=int, default=16000)
    ap.add_argument("--cap", type=float, default=2.0, help="seconds a run may take")
    ap.add_argument("--budget", type=float, default=0.25, help="seconds at the long length")
    ap.add_argument("--only", default="", help="patterns whose name holds this")
    ap.add_argument("--all", action="store_true", help="print every run, not the slow ones")
    args = ap.parse_args()
    patterns = {k: v for k, v in collect().items() if args.only in k}
    growth_for_4x = GROWTH * (args.long / args.short) / 4
    runner = Runner(patterns, args.cap)
    started = time.perf_counter()
    slow: set[str] = set()
    print(f"{'pattern':<52} {'method':<9} {'token':<8} {'short':>9} {'long':>9} {'growth':>7}")
    try:
        for name in patterns:
            for method in METHODS:
                for token in TOKENS:
                    short = runner.time(name, method, token, args.short)
                    long = None if short is None else runner.time(name, method, token, args.long)
                    flagged = (
                        long is None
                        or long > args.budget
                        or (long >= FLOOR and long > growth_for_4x * max(short or 0.0, 1e-6))
                    )
                    if flagged:
                        slow.add(name)
                    if flagged or args.all:
                        growth = "-" if long is None or not short else f"{long / short:.1f}x"
                        print(
                            f"{name:<52} {method:<9} {token!r:<8} {_fmt(short, args.cap):>9} "
                            f"{_fmt(long, args.cap):>9} {growth:>7}",
                            flush=True,
                        )
    finally:
        runner.close()
    print(
        f"\n{len(patterns)} patterns, {len(slow)} slow on some run "
        f"({args.short:,} and {args.long:,} characters; {time.perf_counter() - started:.0f} s)"
    )
    for name in sorted(slow):
        print(f"  {name}: {patterns[name].pattern[:100]!r}")


if __name__ == "__main__":
    main()
