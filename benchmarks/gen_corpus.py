"""Seeded synthetic news corpus with planted reuse at known places.

Run by hand::

    .venv/bin/python benchmarks/gen_corpus.py --docs 10000 --out /tmp/corpus [--seed 1] [--sites 200]

Writes into ``--out``:

* ``docs.jsonl``: one document a line: ``id``, ``site``, ``date``, ``url``, ``title``, ``text``.
  The text is the site's header line, the body paragraphs and the site's footer paragraph,
  separated by blank lines.
* ``truth.jsonl``: one planted relation a line: ``source``, ``derived``, ``kind``,
  ``source_site``, ``derived_site``, ``source_date``, ``derived_date``, ``chars`` (reused
  characters of the source, boilerplate excluded) and, where the reused region is one
  stretch, ``source_span``/``derived_span`` (``[start, end)`` offsets into the two texts).
  Kinds: ``verbatim``, ``light``, ``heavy`` (with ``obfuscation``), ``partial``, ``chain``
  (A→B and B→C, with ``op`` = ``light``/``partial``) and ``chain_transitive`` (A→C of a
  chain, with ``via`` = B). Always ``derived_date > source_date``, and different sites.
* ``siblings.jsonl``: the same format, kind ``sibling``: two documents derived from one
  original (up to ``max_fanout`` copy each) share text; ``via`` names the original, the
  earlier one is ``source`` (the dates may be equal), ``chars`` is the shared source text.
* ``boilerplate.json``: per site (host name) its ``name``, ``header`` and ``footer``.
* ``provenance.jsonl``: one document a line: ``id`` and ``pieces``, the PAN text it was made
  from, in the order of the document: ``pan_file`` (relative to the PAN directory, e.g.
  ``src/source-document00001.txt``), ``start``/``end`` (``[start, end)`` offsets into that
  file's text; consecutive sentences of one file are merged), ``case`` when the piece is one
  side of a PAN obfuscation case (``susp/<file>#<offset>``: the source passage or the
  obfuscated passage) and ``epoch`` when the text went through a later epoch's word
  permutation (pieces of different epochs share no content words). Light edits and the
  obfuscation of ``heavy`` pairs do not change a piece's range.
* ``stats.json``: seed, size and counts per document role and per relation kind.

Prose comes from the PAN 2013 text-alignment training corpus in ``../shared/data`` (read,
never copied into the repository). The ``heavy`` relations use PAN's own obfuscated passages
(random, translation-chain and summary obfuscation): the source document is built around the
PAN source passage with its surrounding text, the derived document around the obfuscated
passage with unrelated prose.

The supply of real prose is finite: about 2.2 million words once web furniture, passages
that PAN annotates as plagiarism and duplicated passages (any shared word 8-gram) are removed,
and the text around the obfuscation cases is set aside for them. So that no two unrelated
documents share text, every sentence is used at most once per *epoch*. The first epoch uses
the prose as it is: contiguous chunks of one PAN document (a document too short for the
chunk is continued with the next one). Later epochs shuffle blocks of two to five sentences
and replace every word outside the 100 most frequent by another word of similar frequency
and the same ending (a fresh permutation per epoch; digits are permuted too), which keeps the
word statistics and sentence shapes but yields new, meaningless text. PAN cases are reused
the same way, source and obfuscated passage through the same permutation. ``stats.json``
says how many epochs were used: about 4,500 documents use up one, so a 100,000-document
corpus is mostly remapped prose.

Deterministic (same arguments, byte-identical output), streaming, and memory-bounded: only a
ring of recent originals is kept for planting reuse.
"""

from __future__ import annotations

import argparse
import datetime as dt
import itertools
import json
import math
import re
import string
import sys
import time
from bisect import bisect_left
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from random import Random
from typing import Any

import numpy as np

PAN_DIR = Path(__file__).resolve().parents[2] / "shared" / "data" / "pan13-train"

KINDS = ("verbatim", "light", "heavy", "partial", "chain", "chain_transitive", "sibling")
DEFAULT_PROPORTIONS = {
    "verbatim": 0.08,
    "light": 0.07,
    "heavy": 0.05,
    "partial": 0.06,
    "chain": 0.04,
}

FIRST_DAY = dt.date(2020, 1, 1).toordinal()
LAST_DAY = dt.date(2024, 12, 31).toordinal()
MAX_LAG = 30
# originals end early enough that a two-hop chain still ends in 2024
LAST_ORIGINAL_DAY = LAST_DAY - 2 * MAX_LAG - 1

CONTEXT_CHARS = 1800  # reserved around each PAN source passage for its heavy source document
SHINGLE = 8  # tokens; the granularity at which duplicated PAN prose is removed
FIXED_WORDS = 100  # the most frequent words are never remapped
BAND = 48  # later epochs permute words within bands of this many frequency ranks

_OBFUSCATION_DIRS = (
    ("02-no-obfuscation", None),
    ("03-random-obfuscation", "random"),
    ("04-translation-obfuscation", "translation"),
    ("05-summary-obfuscation", "summary"),
)

_LINE = re.compile(r"[^\r\n]+")
_SENT_END = re.compile(  # not after titles and initials ("Dr. Wilson", "J. Smith")
    r"[.!?](?<!\bDr\.)(?<!\bMr\.)(?<!\bMrs\.)(?<!\bMs\.)(?<!\bSt\.)(?<!\bJr\.)(?<!\bvs\.)"
    r"(?<!\bNo\.)(?<!\b[A-Z]\.)[\"”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])"
)
# a line break inside a sentence (the next line goes on in lower case) is not a break
_SOFT_BREAK = re.compile(r"\r?\n(?=[a-z])")
_HARD_END = frozenset('.!?:;"”’) \t\r\n')
_TOKEN = re.compile(r"[a-z0-9]+")
_WORD_SPLIT = re.compile(r"([A-Za-z]+)")
_JUNK = (  # lines of web-page furniture rather than prose
    "http:", "https:", "www.", "@", "©", "&amp;", "&gt;", "&lt;", "&nbsp;", "copyright",
    "all rights reserved", "click here", "subscribe", "newsletter", "sign up", "comment",
    "posted by", "posted on", "posted in",
)  # fmt: skip
_JUNK_RE = re.compile("|".join(map(re.escape, _JUNK)))
_DROP_LETTERS = str.maketrans("", "", string.ascii_letters + " ")
_DOCREF = re.compile(r'<document[^>]*reference="([^"]+)"')
_FEATURE = re.compile(r"<feature[^>]*>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
_DIGITS = re.compile(r"\d+")


# --- PAN material -------------------------------------------------------------------------

# Where a sentence came from: PAN file (relative to the PAN directory), [start, end) in its
# text (whitespace trimmed), and how far only whitespace follows (for merging neighbours).
_Src = tuple[str, int, int, int]
# A sentence of a generated document: its _Src, the PAN case id (or None) and the epoch;
# None for text that is not from PAN (intros, outros).
_Piece = tuple[str, int, int, int, str | None, int]
_WS = re.compile(r"\s*")


def _src(name: str, text: str, a: int, b: int) -> _Src:
    s = text[a:b]
    a += len(s) - len(s.lstrip())
    b -= len(s) - len(s.rstrip())
    return (name, a, b, _WS.match(text, b).end())  # type: ignore[union-attr]


@dataclass(frozen=True)
class _Case:
    """One PAN obfuscation case, cut to sentence context."""

    pre: tuple[str, ...]  # sentences before the source passage (same PAN document)
    passage: str  # the PAN source passage, whitespace collapsed
    post: tuple[str, ...]
    obfuscated: str  # the PAN suspicious passage, whitespace collapsed
    obfuscation: str  # random | translation | summary
    # provenance: of the pre and post sentences, the source and the suspicious passage
    pre_src: tuple[_Src, ...] = ()
    passage_src: _Src | None = None
    post_src: tuple[_Src, ...] = ()
    obfuscated_src: _Src | None = None
    id: str = ""  # "susp/<suspicious document>#<offset>"


@dataclass
class _Material:
    units: list[str]  # deduplicated sentences, whitespace collapsed
    words: list[int]  # word count per unit
    segments: list[tuple[int, int]]  # [start, end) unit ranges of contiguous source prose
    cases: list[_Case]
    vocab: list[str]  # lowercase alphabetic words, most frequent first
    has_digit: list[bool]  # per unit
    bands: _Bands  # the vocabulary as later epochs remap it
    unit_src: list[_Src]  # per unit: where in PAN it comes from


def _read(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as f:
        return f.read()


def _soften(text: str) -> str:
    """Line breaks inside sentences become spaces (offsets unchanged)."""

    def soft(m: re.Match[str]) -> str:
        s = m.start()
        return m.group() if s == 0 or text[s - 1] in _HARD_END else " " * len(m.group())

    return _SOFT_BREAK.sub(soft, text)


def _unit_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans (lines split at sentence ends) inside text[start:end]."""
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text, start, end):
        base, s = line.start(), line.group()
        prev = 0
        for m in _SENT_END.finditer(s):
            spans.append((base + prev, base + m.end()))
            prev = m.end()
        if prev < len(s):
            spans.append((base + prev, base + len(s)))
    return spans


def _clean(text: str) -> str | None:
    """Whitespace-collapsed sentence, or None when it does not look like running prose."""
    s = " ".join(text.split())
    n = s.count(" ") + 1
    if n < 5 or n > 150:
        return None
    if _JUNK_RE.search(s.lower()):
        return None
    if len(s.translate(_DROP_LETTERS)) > 0.3 * (len(s) - n + 1):  # digits, symbols, ...
        return None
    return s


def _parse_cases(pan: Path) -> tuple[dict[str, list[tuple[int, int]]], list[dict[str, Any]]]:
    """Plagiarism regions per suspicious document, and the cases (``label`` None: not
    obfuscated)."""
    regions: dict[str, list[tuple[int, int]]] = {}
    cases: list[dict[str, Any]] = []
    for sub, label in _OBFUSCATION_DIRS:
        folder = pan / sub
        if not folder.is_dir():
            continue
        for xml in sorted(folder.glob("*.xml")):
            t = xml.read_text(encoding="utf-8")
            ref = _DOCREF.search(t)
            if ref is None:
                continue
            for feat in _FEATURE.findall(t):
                a = dict(_ATTR.findall(feat))
                if a.get("name") != "plagiarism":
                    continue
                off, n = int(a["this_offset"]), int(a["this_length"])
                regions.setdefault(ref.group(1), []).append((off, off + n))
                cases.append(
                    {
                        "susp": ref.group(1),
                        "off": off,
                        "len": n,
                        "src": a["source_reference"],
                        "src_off": int(a["source_offset"]),
                        "src_len": int(a["source_length"]),
                        "label": label,
                    }
                )
    return regions, cases


def pan_links(pan_dir: str | Path = PAN_DIR) -> dict[str, list[tuple[int, int, str, int, int]]]:
    """PAN's plagiarism annotations (all obfuscations, verbatim ones too) per suspicious
    file: ``(start, end, source file, source start, source end)``, files named as in
    ``provenance.jsonl`` (``susp/...``, ``src/...``)."""
    out: dict[str, list[tuple[int, int, str, int, int]]] = {}
    for c in _parse_cases(Path(pan_dir))[1]:
        out.setdefault(f"susp/{c['susp']}", []).append(
            (
                c["off"],
                c["off"] + c["len"],
                f"src/{c['src']}",
                c["src_off"],
                c["src_off"] + c["src_len"],
            )
        )
    return out


def _overlaps(a: int, b: int, intervals: list[tuple[int, int]]) -> bool:
    return any(a < e and s < b for s, e in intervals)


def _dedup(segments: list[list[str]]) -> tuple[list[list[bool]], Counter[str]]:
    """Keep-flags per unit: a unit is dropped when one of the word 8-grams starting in it,
    or its whole text, already occurred in an earlier unit (segments in the given order).
    Also the token counts (of all units)."""
    word_id: defaultdict[str, int] = defaultdict(itertools.count().__next__)
    get_id = word_id.__getitem__
    ids: list[int] = []
    unit_len: list[int] = []
    seg_len: list[int] = []
    seen: set[str] = set()
    bad_list: list[bool] = []
    for seg in segments:
        n0 = len(ids)
        for unit in seg:
            toks = _TOKEN.findall(unit.lower())
            ids.extend(map(get_id, toks))
            unit_len.append(len(toks))
            bad_list.append(unit in seen)
            seen.add(unit)
        seg_len.append(len(ids) - n0)
    bad = np.array(bad_list, dtype=bool)
    flat = np.array(ids, dtype=np.uint64)
    n = len(flat) - SHINGLE + 1
    if n > 0:
        unit_of = np.repeat(np.arange(len(unit_len)), unit_len)
        seg_end = np.repeat(np.cumsum(seg_len), seg_len)
        h = np.zeros(n, dtype=np.uint64)
        mult = np.uint64(0x100000001B3)
        for k in range(SHINGLE):
            h = h * mult + flat[k : k + n] + np.uint64(1)
        pos = np.arange(n)
        pos = pos[pos + SHINGLE <= seg_end[:n]]  # shingles stay inside their segment
        order = np.argsort(h[pos], kind="stable")
        pos = pos[order]  # grouped by hash, first occurrence first
        hs = h[pos]
        starts = np.ones(len(hs), dtype=bool)
        starts[1:] = hs[1:] != hs[:-1]
        first = pos[np.maximum.accumulate(np.where(starts, np.arange(len(hs)), 0))]
        dup = unit_of[first] != unit_of[pos]
        bad[np.unique(unit_of[pos[dup]])] = True
    keep: list[list[bool]] = []
    u = 0
    for seg in segments:
        keep.append([not b for b in bad[u : u + len(seg)].tolist()])
        u += len(seg)
    freq = np.bincount(flat.astype(np.int64), minlength=len(word_id)).tolist()
    return keep, Counter(dict(zip(word_id, freq, strict=True)))


@lru_cache(maxsize=2)
def _load(pan_dir: str, susp_prose: bool = False) -> _Material:
    pan = Path(pan_dir)
    src_dir, susp_dir = pan / "src", pan / "susp"
    if not src_dir.is_dir():
        raise FileNotFoundError(f"PAN source documents not found: {src_dir}")
    regions, raw_cases = _parse_cases(pan)
    by_src: dict[str, list[dict[str, Any]]] = {}
    for c in raw_cases:
        if c["label"] is not None:
            by_src.setdefault(c["src"], []).append(c)

    case_segments: list[list[str]] = []
    case_srcs: list[list[_Src]] = []
    case_meta: list[tuple[dict[str, Any], int]] = []  # raw case, index of passage in segment
    supply: list[list[str]] = []
    supply_srcs: list[list[_Src]] = []

    def add_supply(name: str, text: str, spans: list[tuple[int, int]]) -> None:
        seg: list[str] = []
        srcs: list[_Src] = []
        for a, b in spans:
            s = _clean(text[a:b])
            if s is not None:
                seg.append(s)
                srcs.append(_src(name, text, a, b))
        if seg:
            supply.append(seg)
            supply_srcs.append(srcs)

    for path in sorted(src_dir.glob("*.txt")):
        name = f"src/{path.name}"
        text = _soften(_read(path))
        spans = _unit_spans(text, 0, len(text))
        kept: list[dict[str, Any]] = []
        last = -1
        for c in sorted(by_src.get(path.name, []), key=lambda c: (c["src_off"], c["src_len"])):
            if c["src_off"] >= last and c["src_len"] > 0:
                kept.append(c)
                last = c["src_off"] + c["src_len"]
        passages = [(c["src_off"], c["src_off"] + c["src_len"]) for c in kept]
        windows = [(a - CONTEXT_CHARS, b + CONTEXT_CHARS) for a, b in passages]
        run: list[tuple[int, int]] = []
        for a, b in spans:  # supply: maximal runs of sentences outside every window
            if _overlaps(a, b, windows):
                if run:
                    add_supply(name, text, run)
                run = []
            else:
                run.append((a, b))
        if run:
            add_supply(name, text, run)
        for c, (pa, pb) in zip(kept, passages, strict=True):
            pre = [
                (s, _src(name, text, a, b))
                for a, b in spans
                if b <= pa and a >= pa - CONTEXT_CHARS and not _overlaps(a, b, passages)
                for s in [_clean(text[a:b])]
                if s is not None
            ]
            post = [
                (s, _src(name, text, a, b))
                for a, b in spans
                if a >= pb and b <= pb + CONTEXT_CHARS and not _overlaps(a, b, passages)
                for s in [_clean(text[a:b])]
                if s is not None
            ]
            passage = " ".join(text[pa:pb].split())
            case_segments.append([*(s for s, _ in pre), passage, *(s for s, _ in post)])
            case_srcs.append([*(x for _, x in pre), (name, pa, pb, pb), *(x for _, x in post)])
            case_meta.append((c, len(pre)))

    blockers: list[list[str]] = []  # the PAN-annotated suspicious passages: never prose
    susp_passages: dict[str, dict[tuple[int, int], str]] = {}
    if susp_dir.is_dir():
        for path in sorted(susp_dir.glob("*.txt")):
            text = _soften(_read(path))
            found = {(a, b): " ".join(text[a:b].split()) for a, b in regions.get(path.name, [])}
            susp_passages[path.name] = found
            blockers.append(list(found.values()))
            pos = 0
            for a, b in [*sorted(regions.get(path.name, [])), (len(text), len(text))]:
                if susp_prose and a > pos:
                    add_supply(f"susp/{path.name}", text, _unit_spans(text, pos, a))
                pos = max(pos, b)

    keep, counts = _dedup(case_segments + blockers + supply)
    cases: list[_Case] = []
    for (c, pi), seg, srcs, flags in zip(case_meta, case_segments, case_srcs, keep, strict=False):
        if not flags[pi] or seg[pi].count(" ") < 25:
            continue
        obf = susp_passages.get(c["susp"], {}).get((c["off"], c["off"] + c["len"]), "")
        if obf.count(" ") < 20:
            continue
        pre = tuple(s for s, k in zip(seg[:pi], flags[:pi], strict=True) if k)
        post = tuple(s for s, k in zip(seg[pi + 1 :], flags[pi + 1 :], strict=True) if k)
        pre_src = tuple(x for x, k in zip(srcs[:pi], flags[:pi], strict=True) if k)
        post_src = tuple(x for x, k in zip(srcs[pi + 1 :], flags[pi + 1 :], strict=True) if k)
        susp, end = f"susp/{c['susp']}", c["off"] + c["len"]
        cases.append(
            _Case(
                pre,
                seg[pi],
                post,
                obf,
                c["label"],
                pre_src,
                srcs[pi],
                post_src,
                (susp, c["off"], end, end),
                f"{susp}#{c['off']}",
            )
        )

    units: list[str] = []
    unit_src: list[_Src] = []
    segments: list[tuple[int, int]] = []
    for seg, srcs, flags in zip(
        supply, supply_srcs, keep[len(case_segments) + len(blockers) :], strict=True
    ):
        start = len(units)
        units.extend(s for s, k in zip(seg, flags, strict=True) if k)
        unit_src.extend(x for x, k in zip(srcs, flags, strict=True) if k)
        if len(units) > start:
            segments.append((start, len(units)))
    words = [s.count(" ") + 1 for s in units]

    for c in cases:
        counts.update(_TOKEN.findall(c.obfuscated.lower()))
    vocab = sorted(
        (w for w in counts if w.isalpha() and w.isascii()), key=lambda w: (-counts[w], w)
    )
    has_digit = [any(c.isdigit() for c in s) for s in units]
    return _Material(units, words, segments, cases, vocab, has_digit, _Bands.of(vocab), unit_src)


_SUFFIXES = ("ing", "ed", "ly", "tion", "ment", "ness", "ity", "ous", "ive", "al", "er", "est", "s")


class _Mapper:
    """Epoch e > 0: every word outside the most frequent ones replaced by another word of
    similar frequency and the same ending ("-ing", "-ly", "-s", ...): a permutation within
    bands of the frequency ranking, capitalisation kept; digits permuted too."""

    def __init__(self, bands: _Bands, rng: Random) -> None:
        perm: list[int] = []
        for a, b in bands.ranges:
            idx = list(range(a, b))
            rng.shuffle(idx)
            perm.extend(idx)
        table: dict[str, str] = {}
        for forms in (bands.lower, bands.title, bands.upper):
            table.update(zip(forms, [forms[i] for i in perm], strict=True))
        self.table = table
        digits = list("0123456789")
        rng.shuffle(digits)
        self.digits = str.maketrans("0123456789", "".join(digits))

    def words(self, text: str) -> str:
        parts = _WORD_SPLIT.split(text)
        get = self.table.get
        return "".join(map(get, parts, parts))

    def __call__(self, text: str) -> str:
        return self.words(text).translate(self.digits)


@dataclass
class _Bands:
    """The remappable words grouped by ending, in frequency order, cut into bands."""

    lower: list[str]
    title: list[str]
    upper: list[str]
    ranges: list[tuple[int, int]]

    @classmethod
    def of(cls, vocab: list[str]) -> _Bands:
        classes: dict[str, list[str]] = {}
        for w in vocab[FIXED_WORDS:]:
            if len(w) > 2:  # keep the "s", "t", "ll" of clitics
                suffix = next((x for x in _SUFFIXES if w.endswith(x)), "")
                classes.setdefault(suffix, []).append(w)
        lower: list[str] = []
        ranges: list[tuple[int, int]] = []
        for words in classes.values():
            for start in range(0, len(words), BAND):
                band = words[start : start + BAND]
                ranges.append((len(lower), len(lower) + len(band)))
                lower.extend(band)
        return cls(lower, [w.capitalize() for w in lower], [w.upper() for w in lower], ranges)


# --- sites and boilerplate ----------------------------------------------------------------

_ADJ = (
    "Daily", "Evening", "Morning", "Weekly", "Metro", "County", "Valley", "Coastal",
    "Northern", "Southern", "Capital", "Harbor", "Prairie", "Lakeside", "Riverside",
    "Highland", "Midland", "Union", "Liberty", "Pioneer", "Frontier", "Summit",
    "Independent", "Citizen",
)  # fmt: skip
_NOUN = (
    "Courier", "Herald", "Gazette", "Tribune", "Post", "Chronicle", "Ledger", "Observer",
    "Sentinel", "Times", "Dispatch", "Record", "Journal", "Examiner", "Beacon", "Star",
    "Bulletin", "Register", "Monitor", "Reporter", "Press", "Standard", "Review", "Mirror",
)  # fmt: skip
_PLACE = (
    "Ashford", "Brookfield", "Cedarville", "Dunmore", "Eastwick", "Fairhaven", "Glenwood",
    "Hartwell", "Ironbridge", "Juniper Falls", "Kingsport", "Lindale", "Maplewood",
    "Northgate", "Oakridge", "Pinecrest", "Queensbury", "Redmond Hills", "Stonebridge",
    "Thornton", "Upton", "Vale City", "Westbury", "Yarrow", "Zephyr Bay",
)  # fmt: skip
_SURNAME = (
    "Harlow", "Mercer", "Whitcombe", "Ostrander", "Pell", "Danforth", "Castell", "Rowan",
    "Kessler", "Lindqvist", "Abernathy", "Quill", "Tarrant", "Voss",
)  # fmt: skip
_PUBLISHER = ("Media Group", "Publishing", "Press Holdings", "News Company", "Media")
_TOPICS = (
    "local news", "politics", "business", "sport", "weather", "culture",
    "the day's top stories", "community events", "opinion", "investigations",
    "health", "science", "schools", "property",
)  # fmt: skip
_SECTIONS = ("News", "Business", "Sport", "Opinion", "Culture", "Weather", "Obituaries", "Contact")
_TAGLINES = (
    "News and views from {place}",
    "{place}'s trusted source for local news since {year}",
    "Independent reporting for {place} and beyond",
    "Breaking news, sport and weather for {place}",
    "Serving {place} since {year}",
    "The voice of {place}",
)
_FOOTER_SENTENCES = (
    "Subscribe to the {short} newsletter for {topics} delivered to your inbox every {period}.",
    "Get {topics} from {short} straight to your inbox: sign up for our free {period} briefing.",
    "© {year2} {publisher}. All rights reserved.",
    "Have a news tip? Contact the {short} newsroom at tips@{host}.",
    "{short} is published by {publisher}, {place}.",
    "Follow {short} on social media for live updates on {topics}.",
    "Comments are moderated and may take a moment to appear.",
    "Support local journalism: become a member of {short} today.",
)
_PERIODS = ("morning", "weekday", "week", "evening", "weekend")

_INTROS = (
    "This article was originally published by {src} and is republished here with permission.",
    "The following report first appeared in {src}.",
    "{dst} is sharing this story from our partners at {src}.",
    "Here is the full report, as published earlier this week.",
    "Editor's note: this story is reproduced in full.",
)
_OUTROS = (
    "This story has been republished from {src}.",
    "Reporting by {src} staff; additional editing by {dst}.",
    "Have thoughts on this story? Write to the editors at {dst}.",
    "More coverage of this story will follow as details emerge.",
)
_COMMON = (
    "also", "now", "still", "just", "very", "only", "even", "then", "really", "already",
    "again", "often", "later", "reportedly", "currently", "largely",
)  # fmt: skip


@dataclass
class _Sites:
    hosts: list[str]
    names: list[str]
    headers: list[str]
    footers: list[str]
    cum: list[float]  # cumulative Zipf-like weights
    favourites: list[list[int]]  # the sites each site likes to copy from
    fans: list[list[int]]  # the sites that like to copy from each site
    ring_cap: int = 16

    def draw(self, rng: Random, exclude: tuple[int, ...] = ()) -> int:
        total = self.cum[-1]
        for _ in range(64):
            s = bisect_left(self.cum, rng.random() * total)
            s = min(s, len(self.cum) - 1)
            if s not in exclude:
                return s
        return next(s for s in range(len(self.cum)) if s not in exclude)


def _make_sites(n: int, rng: Random) -> _Sites:
    combos = list(itertools.product(range(len(_ADJ)), range(len(_NOUN)), range(len(_PLACE))))
    rng.shuffle(combos)
    hosts, names, headers, footers = [], [], [], []
    for k in range(n):
        a, b, p = combos[k % len(combos)]
        adj, noun, place = _ADJ[a], _NOUN[b], _PLACE[p]
        host = f"{adj}-{noun}-{k + 1}.example".lower()
        short = f"{adj} {noun}"
        name = f"The {short}" + (f" ({k + 1})" if k >= len(combos) else "")
        year = rng.randint(1870, 2012)
        tagline = rng.choice(_TAGLINES).format(place=place, year=year)
        header = f"{name} | {tagline}"
        if rng.random() < 0.5:
            header += " | " + " · ".join(["Home", *rng.sample(_SECTIONS, rng.randint(3, 6))])
        fill = {
            "short": short,
            "host": host,
            "place": place,
            "year2": "2020–2024",
            "publisher": f"{rng.choice(_SURNAME)} {rng.choice(_PUBLISHER)}",
            "topics": _join(rng.sample(_TOPICS, rng.randint(2, 3))),
            "period": rng.choice(_PERIODS),
        }
        sentences = rng.sample(_FOOTER_SENTENCES, rng.randint(2, 4))
        if not any("{short}" in s for s in sentences):
            sentences[0] = _FOOTER_SENTENCES[0]
        footers.append(" ".join(s.format(**fill) for s in sentences))
        hosts.append(host)
        names.append(name)
        headers.append(header)
    ranks = list(range(n))
    rng.shuffle(ranks)  # size rank unrelated to the number in the host name
    weights = [1.0 / (r + 1) ** 0.9 for r in ranks]
    cum = list(itertools.accumulate(weights))
    sites = _Sites(hosts, names, headers, footers, cum, [], [[] for _ in range(n)])
    for s in range(n):
        favs: list[int] = []
        if n > 1:
            for _ in range(rng.randint(1, 3)):
                f = sites.draw(rng, exclude=(s, *favs))
                favs.append(f)
                sites.fans[f].append(s)
        sites.favourites.append(favs)
    return sites


def _join(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


# --- prose streams ------------------------------------------------------------------------


class _Supply:
    """Unique prose: each sentence once per epoch (see the module docstring)."""

    def __init__(self, mat: _Material, seed: int, mapper: Any) -> None:
        self.mat, self.seed, self.mapper = mat, seed, mapper
        self.epoch = -1
        self._items: list[tuple[int, int]] = []
        self._i = 0
        self._pos = 0
        self._map: _Mapper | None = None
        if not mat.units:
            raise ValueError("no usable prose in the PAN data")
        self._next_epoch()

    def _next_epoch(self) -> None:
        self.epoch += 1
        rng = Random(f"{self.seed}:supply:{self.epoch}")
        if self.epoch == 0:
            items = list(self.mat.segments)
        else:
            items = []
            for a, b in self.mat.segments:
                while a < b:
                    n = rng.randint(2, 5)
                    items.append((a, min(b, a + n)))
                    a += n
        rng.shuffle(items)
        self._items, self._i, self._pos = items, 0, items[0][0]
        self._map = self.mapper(self.epoch) if self.epoch else None

    def take(self, target: int, minimum: int) -> tuple[list[str], list[_Piece | None]]:
        """Sentences worth about ``target`` words, and their provenance; in epoch 0 a chunk
        stops at the end of its PAN document once it has ``minimum`` words."""
        out: list[str] = []
        prov: list[_Piece | None] = []
        n = 0
        units, words, srcs = self.mat.units, self.mat.words, self.mat.unit_src
        while n < target:
            if self._i >= len(self._items):
                self._next_epoch()
            b = self._items[self._i][1]
            if self._pos >= b:
                self._i += 1
                if self._i < len(self._items):
                    self._pos = self._items[self._i][0]
                if self.epoch == 0 and n >= minimum:
                    break
                continue
            s = units[self._pos]
            if self._map is not None:
                s = self._map(s) if self.mat.has_digit[self._pos] else self._map.words(s)
            out.append(s)
            prov.append((*srcs[self._pos], None, self.epoch))
            n += words[self._pos]
            self._pos += 1
        return out, prov


class _CaseStream:
    def __init__(self, mat: _Material, seed: int, mapper: Any) -> None:
        self.cases, self.seed, self.mapper = mat.cases, seed, mapper
        self.epoch = -1
        self._order: list[int] = []
        self._i = 0

    def next(self) -> tuple[_Case, _Mapper | None]:
        if self._i >= len(self._order):
            self.epoch += 1
            self._order = list(range(len(self.cases)))
            Random(f"{self.seed}:cases:{self.epoch}").shuffle(self._order)
            self._i = 0
        case = self.cases[self._order[self._i]]
        self._i += 1
        return case, (self.mapper(self.epoch) if self.epoch else None)


# --- documents ----------------------------------------------------------------------------


@dataclass
class _Doc:
    """A generated document, as far as reuse planting needs it."""

    id: str
    site: int
    day: int
    title: str
    paras: list[list[str]]  # body paragraphs as sentences
    body_start: int  # offset of the body in the text
    para_starts: list[int]  # offsets of the paragraphs in the text
    uses: int = 0
    locked: bool = False
    derived: list[tuple[str, int, int, frozenset[int]]] = field(default_factory=list)
    extra: Any = None
    prov: list[list[_Piece | None]] = field(default_factory=list)  # parallel to paras

    def para_text(self, i: int) -> str:
        return " ".join(self.paras[i])

    def span(self, i: int, j: int) -> list[int]:
        """Text offsets of paragraphs i..j-1."""
        return [self.para_starts[i], self.para_starts[j - 1] + len(self.para_text(j - 1))]


def _group(units: list[str], rng: Random, lo: int, hi: int) -> list[list[str]]:
    """Re-paragraph sentences into lo..hi paragraphs of random sizes."""
    total = sum(s.count(" ") + 1 for s in units)
    n = min(len(units), max(lo, min(hi, round(total / rng.uniform(45, 100)))))
    if n <= 1:
        return [list(units)]
    cuts = sorted(rng.sample(range(1, len(units)), n - 1))
    return [list(units[a:b]) for a, b in zip([0, *cuts], [*cuts, len(units)], strict=True)]


def _split_like(flat: list[_Piece | None], paras: list[list[str]]) -> list[list[_Piece | None]]:
    """The provenance of sentences, cut into paragraphs as ``paras``."""
    out: list[list[_Piece | None]] = []
    i = 0
    for p in paras:
        out.append(flat[i : i + len(p)])
        i += len(p)
    return out


def _pieces(prov: list[list[_Piece | None]]) -> list[dict[str, Any]]:
    """provenance.jsonl's pieces: sentences of one PAN file (same case, same epoch) that
    follow each other there with only whitespace between them are merged."""
    out: list[dict[str, Any]] = []
    last: list[Any] | None = None
    merged: list[list[Any]] = []
    for para in prov:
        for p in para:
            if p is None:
                continue
            name, a, b, reach, case, epoch = p
            if (
                last is not None
                and last[0] == name
                and last[4] == case
                and last[5] == epoch
                and last[1] <= a <= last[3]
            ):
                last[2] = max(last[2], b)
                last[3] = max(last[3], reach)
            else:
                last = [name, a, b, reach, case, epoch]
                merged.append(last)
    for name, a, b, _, case, epoch in merged:
        rec: dict[str, Any] = {"pan_file": name, "start": a, "end": b}
        if case is not None:
            rec["case"] = case
        if epoch:
            rec["epoch"] = epoch
        out.append(rec)
    return out


def _title_from(paras: list[list[str]], rng: Random, headline: bool) -> str:
    sentences = [s for p in paras for s in p]
    if headline:
        long = [s for s in sentences if s.count(" ") >= 6] or sentences
        words = rng.choice(long).split()[: rng.randint(6, 9)]
    else:
        words = " ".join(sentences[:2]).split()[:8]
    title = " ".join(words).rstrip(",;:.!?-—")
    return title[:1].upper() + title[1:]


def _slug(title: str) -> str:
    words = _TOKEN.findall(title.lower())[:6]
    return "-".join(words) or "story"


def _edit_sentence(s: str, rng: Random, rate: float) -> str:
    toks = s.split(" ")
    out: list[str] = []
    i = 0
    while i < len(toks):
        t = toks[i]
        if rng.random() >= rate:
            out.append(t)
            i += 1
            continue
        if any(c.isdigit() for c in t):
            n = 0
            while n == 0:
                n = rng.choice((-3, -2, -1, 1, 2, 5, 10))
            out.append(_DIGITS.sub(lambda m, n=n: str(max(0, int(m.group()) + n)), t, count=1))
            i += 1
            continue
        r = rng.random()
        if r < 0.35 and len(toks) > 4:  # delete
            i += 1
        elif r < 0.65:  # insert a common word
            out.append(rng.choice(_COMMON))
            out.append(t)
            i += 1
        elif i + 1 < len(toks) and t.isalpha() and toks[i + 1].isalpha():  # swap neighbours
            out.append(toks[i + 1])
            out.append(t)
            i += 2
        else:
            out.append(t)
            i += 1
    if not out:
        return s
    if s[:1].isupper() and not out[0][:1].isupper():
        out[0] = out[0][:1].upper() + out[0][1:]
    if s[-1:] in ".!?" and out[-1][-1:] not in ".!?":
        out[-1] += s[-1]
    return " ".join(out)


def _light_edit(
    paras: list[list[str]], rng: Random, prov: list[list[_Piece | None]]
) -> tuple[list[list[str]], int, frozenset[int], list[list[_Piece | None]]]:
    """Sentence drops and swaps, word deletions/insertions/swaps and number changes
    (5-15% of the words). Returns the paragraphs, the reused source characters, the
    indices of the source paragraphs that survive and the new paragraphs' provenance."""
    rate = rng.uniform(0.05, 0.15) * 0.8  # sentence drops add the rest
    out: list[list[str]] = []
    out_prov: list[list[_Piece | None]] = []
    kept_chars = 0
    kept: list[int] = []
    for pi, sents in enumerate(paras):
        new = []
        new_prov = []
        for s, pv in zip(sents, prov[pi], strict=True):
            if len(sents) > 1 and rng.random() < 0.05:
                continue
            kept_chars += len(s) + 1
            new.append(_edit_sentence(s, rng, rate))
            new_prov.append(pv)
        if len(new) > 2 and rng.random() < 0.2:
            j = rng.randrange(len(new) - 1)
            new[j], new[j + 1] = new[j + 1], new[j]
            new_prov[j], new_prov[j + 1] = new_prov[j + 1], new_prov[j]
        if new:
            out.append(new)
            out_prov.append(new_prov)
            kept.append(pi)
    return out, max(0, kept_chars - 1), frozenset(kept), out_prov


# --- the generator ------------------------------------------------------------------------


class _Generator:
    def __init__(
        self,
        n_docs: int,
        out_dir: Path,
        seed: int,
        n_sites: int,
        proportions: dict[str, float],
        max_fanout: int,
        pan_dir: Path,
        susp_prose: bool = False,
        one_copy_per_site: bool = False,
    ) -> None:
        self.n = n_docs
        self.one_copy_per_site = one_copy_per_site
        self.out = out_dir
        self.seed = seed
        self.max_fanout = max_fanout
        self.mat = _load(str(pan_dir), susp_prose)
        self.rng = Random(f"{seed}:main")
        self.sites = _make_sites(n_sites, Random(f"{seed}:sites"))
        self.sites.ring_cap = max(2, min(16, 60000 // max(1, n_sites)))
        self._mappers: dict[int, _Mapper] = {}
        self.supply = _Supply(self.mat, seed, self._mapper)
        self.cases = _CaseStream(self.mat, seed, self._mapper)
        self.width = max(6, len(str(n_docs - 1)))
        # ids: an affine permutation of the generation order, so ids do not reveal it
        self._a = _coprime(n_docs)
        self._b = Random(f"{seed}:ids").randrange(n_docs)
        self.ring: list[_Doc] = []  # recent originals, all sites
        self.ring_size = 4096
        self._ring_pos = 0
        self.site_ring: list[deque[_Doc]] = [
            deque(maxlen=self.sites.ring_cap) for _ in range(n_sites)
        ]
        self.pending_heavy: deque[_Doc] = deque()
        self.pending_chain: deque[_Doc] = deque()
        self.index = 0
        self.roles: Counter[str] = Counter()
        self.relations: Counter[str] = Counter()
        self.proportions = proportions
        self.site_docs = [0] * n_sites

    def _mapper(self, epoch: int) -> _Mapper:
        m = self._mappers.get(epoch)
        if m is None:
            if len(self._mappers) >= 3:
                del self._mappers[min(self._mappers)]
            m = self._mappers[epoch] = _Mapper(self.mat.bands, Random(f"{self.seed}:map:{epoch}"))
        return m

    # -- writing

    def _emit(
        self,
        site: int,
        day: int,
        paras: list[list[str]],
        title: str,
        role: str,
        prov: list[list[_Piece | None]],
    ) -> _Doc:
        num = (self._a * self.index + self._b) % self.n
        self.index += 1
        doc_id = f"d{num:0{self.width}d}"
        header, footer = self.sites.headers[site], self.sites.footers[site]
        texts = [" ".join(p) for p in paras]
        starts = []
        pos = len(header) + 2
        for t in texts:
            starts.append(pos)
            pos += len(t) + 2
        text = header + "\n\n" + "\n\n".join(texts) + "\n\n" + footer
        date = dt.date.fromordinal(day)
        record = {
            "id": doc_id,
            "site": self.sites.hosts[site],
            "date": date.isoformat(),
            "url": f"https://{self.sites.hosts[site]}/{date.year:04d}/{date.month:02d}/{_slug(title)}-{num}",
            "title": title,
            "text": text,
        }
        self.docs_f.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.prov_f.write(json.dumps({"id": doc_id, "pieces": _pieces(prov)}) + "\n")
        self.roles[role] += 1
        self.site_docs[site] += 1
        return _Doc(doc_id, site, day, title, paras, len(header) + 2, starts, prov=prov)

    def _relation(self, kind: str, src: _Doc, der: _Doc, chars: int, **extra: Any) -> None:
        rec = {
            "source": src.id,
            "derived": der.id,
            "kind": kind,
            "source_site": self.sites.hosts[src.site],
            "derived_site": self.sites.hosts[der.site],
            "source_date": dt.date.fromordinal(src.day).isoformat(),
            "derived_date": dt.date.fromordinal(der.day).isoformat(),
            "chars": chars,
            **extra,
        }
        out = self.sibling_f if kind == "sibling" else self.truth_f
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        self.relations[kind] += 1

    # -- helpers

    def _lag(self) -> int:
        return min(MAX_LAG, 1 + int(self.rng.expovariate(1 / 3.5)))

    def _original_day(self) -> int:
        span = LAST_ORIGINAL_DAY - FIRST_DAY
        day = FIRST_DAY + int(span * self.index / max(1, self.n)) + self.rng.randint(-20, 20)
        return max(FIRST_DAY, min(LAST_ORIGINAL_DAY, day))

    def _remember(self, doc: _Doc) -> None:
        if len(self.ring) < self.ring_size:
            self.ring.append(doc)
        else:
            self.ring[self._ring_pos] = doc
            self._ring_pos = (self._ring_pos + 1) % self.ring_size
        self.site_ring[doc.site].append(doc)

    def _pick(self, site: int, fresh: bool = False) -> _Doc | None:
        """A recent original for ``site`` to copy, preferably from a favourite site."""
        rng = self.rng

        def ok(d: _Doc) -> bool:
            return (
                not d.locked
                and d.site != site
                and (d.uses == 0 if fresh else d.uses < self.max_fanout)
                and not (self.one_copy_per_site and any(x[1] == site for x in d.derived))
            )

        favs = self.sites.favourites[site]
        if favs and rng.random() < 0.8:
            for f in rng.sample(favs, len(favs)):
                cands = [d for d in self.site_ring[f] if ok(d)]
                if cands:
                    return rng.choice(cands)
        if self.ring:
            for _ in range(16):
                d = self.ring[rng.randrange(len(self.ring))]
                if ok(d):
                    return d
            cands = [d for d in self.ring if ok(d)]
            if cands:
                return rng.choice(cands)
        return None

    def _fan_site(self, src_site: int, exclude: tuple[int, ...]) -> int:
        fans = [s for s in self.sites.fans[src_site] if s not in exclude]
        if fans and self.rng.random() < 0.8:
            return self.rng.choice(fans)
        return self.sites.draw(self.rng, exclude=exclude)

    def _prose(self, lo: int, hi: int) -> tuple[list[str], list[_Piece | None]]:
        target = self.rng.randint(lo, hi)
        return self.supply.take(target, min(target, lo))

    def _siblings(self, src: _Doc, der: _Doc, used: frozenset[int]) -> None:
        for pid, psite, pday, pused in src.derived:
            shared = sorted(used & pused)
            if not shared:
                continue
            chars = sum(len(src.para_text(i)) for i in shared) + 2 * (len(shared) - 1)
            prior = _Doc(pid, psite, pday, "", [], 0, [])
            first, second = (der, prior) if der.day < pday else (prior, der)
            self._relation("sibling", first, second, chars, via=src.id)
        src.derived.append((der.id, der.site, der.day, used))
        src.uses += 1

    # -- document kinds

    def original(self) -> None:
        site = self.sites.draw(self.rng)
        units, prov = self._prose(300, 900)
        paras = _group(units, self.rng, 3, 12)
        doc = self._emit(
            site,
            self._original_day(),
            paras,
            _title_from(paras, self.rng, False),
            "original",
            _split_like(prov, paras),
        )
        self._remember(doc)

    def verbatim(self, src: _Doc, site: int) -> None:
        rng = self.rng
        names = {"src": self.sites.names[src.site], "dst": self.sites.names[site]}
        intro = [[rng.choice(_INTROS).format(**names)]] if rng.random() < 0.4 else []
        outro = [[rng.choice(_OUTROS).format(**names)]] if rng.random() < 0.3 else []
        paras = [*intro, *src.paras, *outro]
        prov = [*([None] for _ in intro), *src.prov, *([None] for _ in outro)]
        title = src.title if rng.random() < 0.5 else _title_from(src.paras, rng, True)
        doc = self._emit(site, src.day + self._lag(), paras, title, "verbatim", prov)
        n = len(src.paras)
        chars = len("\n\n".join(src.para_text(i) for i in range(n)))
        k = len(intro)
        self._relation(
            "verbatim", src, doc, chars, source_span=src.span(0, n), derived_span=doc.span(k, k + n)
        )
        self._siblings(src, doc, frozenset(range(n)))

    def light(self, src: _Doc, site: int, day: int, kind: str, role: str) -> _Doc:
        paras, chars, kept, prov = _light_edit(src.paras, self.rng, src.prov)
        title = src.title if self.rng.random() < 0.3 else _title_from(paras, self.rng, True)
        doc = self._emit(site, day, paras, title, role, prov)
        extra: dict[str, Any] = {"op": "light"} if kind == "chain" else {}
        n = len(src.paras)
        self._relation(
            kind,
            src,
            doc,
            chars,
            source_span=src.span(0, n),
            derived_span=doc.span(0, len(paras)),
            **extra,
        )
        doc.extra = (chars, kept)
        return doc

    def partial(self, src: _Doc, site: int, day: int, kind: str, role: str) -> _Doc:
        rng = self.rng
        n = len(src.paras)
        k = min(rng.choices((1, 2, 3), weights=(5, 3, 2))[0], max(1, n - 1))
        i = rng.randrange(n - k + 1)
        units, uprov = self._prose(200, 700)
        prose = _group(units, rng, 2, 9)
        pprov = _split_like(uprov, prose)
        j = rng.randint(0, len(prose))
        block = [list(p) for p in src.paras[i : i + k]]
        paras = prose[:j] + block + prose[j:]
        prov = pprov[:j] + [list(p) for p in src.prov[i : i + k]] + pprov[j:]
        doc = self._emit(site, day, paras, _title_from(paras, rng, True), role, prov)
        chars = len("\n\n".join(src.para_text(x) for x in range(i, i + k)))
        extra: dict[str, Any] = {"op": "partial"} if kind == "chain" else {}
        self._relation(
            kind,
            src,
            doc,
            chars,
            source_span=src.span(i, i + k),
            derived_span=doc.span(j, j + k),
            **extra,
        )
        doc.extra = (chars, frozenset(range(i, i + k)))
        return doc

    def heavy_source(self) -> None:
        rng = self.rng
        case, mapper = self.cases.next()
        epoch = self.cases.epoch

        def m(s: str) -> str:
            return mapper(s) if mapper else s

        def piece(x: _Src | None, case_id: str | None = None) -> _Piece:
            assert x is not None
            return (*x, case_id, epoch)

        passage = m(case.passage)
        pw = passage.count(" ") + 1
        target = max(rng.randint(300, 900), pw + 60)
        context = target - pw
        before = int(context * rng.uniform(0.2, 0.8))
        pre: list[str] = []
        pre_prov: list[_Piece | None] = []
        n = 0
        for s, x in zip(reversed(case.pre), reversed(case.pre_src), strict=True):
            if n >= before:
                break
            pre.insert(0, m(s))
            pre_prov.insert(0, piece(x))
            n += s.count(" ") + 1
        post: list[str] = []
        post_prov: list[_Piece | None] = []
        for s, x in zip(case.post, case.post_src, strict=True):
            if n >= context:
                break
            post.append(m(s))
            post_prov.append(piece(x))
            n += s.count(" ") + 1
        units = [*pre, passage, *post]
        prov = [*pre_prov, piece(case.passage_src, case.id), *post_prov]
        if n + pw < 250:  # a short PAN document: continue with unrelated prose
            more, more_prov = self.supply.take(300 - n - pw, 300 - n - pw)
            units += more
            prov += more_prov
        paras = _group(units, rng, 3, 12)
        day = self._original_day()
        site = self.sites.draw(rng)
        doc = self._emit(
            site,
            day,
            paras,
            _title_from(paras, rng, False),
            "heavy_source",
            _split_like(prov, paras),
        )
        doc.extra = (case, mapper, _locate(doc, len(pre)), len(passage), epoch)
        self.pending_heavy.append(doc)

    def heavy_derived(self) -> None:
        rng = self.rng
        src = self.pending_heavy.popleft()
        case, mapper, src_start, src_len, epoch = src.extra
        obf = mapper(case.obfuscated) if mapper else case.obfuscated
        units, prov = self._prose(200, 700)
        at = rng.randint(0, len(units))
        units.insert(at, obf)
        assert case.obfuscated_src is not None
        prov.insert(at, (*case.obfuscated_src, case.id, epoch))
        paras = _group(units, rng, 3, 12)
        site = self._fan_site(src.site, (src.site,))
        doc = self._emit(
            site,
            src.day + self._lag(),
            paras,
            _title_from(paras, rng, True),
            "heavy",
            _split_like(prov, paras),
        )
        start = _locate(doc, at)
        self._relation(
            "heavy",
            src,
            doc,
            src_len,
            source_span=[src_start, src_start + src_len],
            derived_span=[start, start + len(obf)],
            obfuscation=case.obfuscation,
        )

    def chain_b(self) -> bool:
        site = self.sites.draw(self.rng)
        a = self._pick(site, fresh=True)
        if a is None:
            return False
        a.locked = True  # A's only descendants are the chain's
        b = self.light(a, site, a.day + self._lag(), "chain", "chain")
        b.extra = (a, *b.extra)
        self.pending_chain.append(b)
        return True

    def chain_c(self) -> None:
        b = self.pending_chain.popleft()
        a, ab_chars, _ = b.extra
        site = self._fan_site(b.site, (b.site, a.site))
        day = b.day + self._lag()
        if self.rng.random() < 0.5:
            c = self.light(b, site, day, "chain", "chain")
        else:
            c = self.partial(b, site, day, "chain", "chain")
        bc_chars = c.extra[0]
        self._relation("chain_transitive", a, c, min(ab_chars, bc_chars), via=b.id)

    def derived(self, kind: str) -> bool:
        site = self.sites.draw(self.rng)
        src = self._pick(site)
        if src is None:
            return False
        if kind == "verbatim":
            self.verbatim(src, site)
        else:
            day = src.day + self._lag()
            if kind == "light":
                doc = self.light(src, site, day, "light", "light")
            else:
                doc = self.partial(src, site, day, "partial", "partial")
            self._siblings(src, doc, doc.extra[1])
        return True

    # -- the run

    def schedule(self) -> tuple[list[int], dict[str, int]]:
        n = self.n
        p = self.proportions
        want = {k: int(p[k] * n + 0.5) for k in ("verbatim", "light", "partial")}
        want["heavy"] = int(p["heavy"] * n + 0.5) if self.mat.cases else 0
        want["chain"] = int(p["chain"] * n / 2 + 0.5)  # chains: two derived documents each
        slots = {
            1: want["verbatim"],
            2: want["light"],
            3: want["partial"],
            4: 2 * want["heavy"],
            5: 2 * want["chain"],
        }
        while sum(slots.values()) > n:
            big = max(slots, key=lambda s: slots[s])
            slots[big] -= 2 if big in (4, 5) else 1
        n_orig = n - sum(slots.values())
        warm = min(n_orig, max(20, n // 100))
        rest = [0] * (n_orig - warm)
        for kind, count in slots.items():
            rest += [kind] * count
        Random(f"{self.seed}:schedule").shuffle(rest)
        return [0] * warm + rest, want

    def run(self) -> dict[str, Any]:
        plan, want = self.schedule()
        self.out.mkdir(parents=True, exist_ok=True)
        hs_left, cb_left = want["heavy"], want["chain"]
        downgraded = 0
        with (
            open(self.out / "docs.jsonl", "w", encoding="utf-8", newline="\n") as self.docs_f,
            open(self.out / "truth.jsonl", "w", encoding="utf-8", newline="\n") as self.truth_f,
            open(
                self.out / "siblings.jsonl", "w", encoding="utf-8", newline="\n"
            ) as self.sibling_f,
            open(self.out / "provenance.jsonl", "w", encoding="utf-8", newline="\n") as self.prov_f,
        ):
            for slot in plan:
                if slot == 0:
                    self.original()
                elif slot == 4:
                    q = len(self.pending_heavy)
                    if q and (hs_left == 0 or self.rng.random() < q / (q + 1.5)):
                        self.heavy_derived()
                    else:
                        hs_left -= 1
                        self.heavy_source()
                elif slot == 5:
                    q = len(self.pending_chain)
                    if q and (cb_left == 0 or self.rng.random() < q / (q + 1.5)):
                        self.chain_c()
                    elif cb_left > 0:
                        cb_left -= 1  # a failed chain leaves its C slot to an original
                        if not self.chain_b():
                            self.original()
                            downgraded += 1
                    else:
                        self.original()
                        downgraded += 1
                elif not self.derived(("verbatim", "light", "partial")[slot - 1]):
                    self.original()
                    downgraded += 1
        # chains whose B could not be made leave C slots unused; they were filled above
        with open(self.out / "boilerplate.json", "w", encoding="utf-8", newline="\n") as f:
            bp = {
                h: {"name": nm, "header": hd, "footer": ft}
                for h, nm, hd, ft in zip(
                    self.sites.hosts,
                    self.sites.names,
                    self.sites.headers,
                    self.sites.footers,
                    strict=True,
                )
            }
            json.dump(bp, f, ensure_ascii=False, indent=1)
            f.write("\n")
        stats = {
            "n_docs": self.n,
            "seed": self.seed,
            "sites": len(self.sites.hosts),
            "sites_used": sum(1 for c in self.site_docs if c),
            "proportions": self.proportions,
            "max_fanout": self.max_fanout,
            "docs": dict(sorted(self.roles.items())),
            "relations": {k: self.relations.get(k, 0) for k in KINDS},
            "downgraded_to_original": downgraded,
            "supply_epochs": self.supply.epoch + 1,
            "heavy_epochs": self.cases.epoch + 1,
            "pan_cases": len(self.mat.cases),
            "pan_units": len(self.mat.units),
            "pan_words": sum(self.mat.words),
        }
        with open(self.out / "stats.json", "w", encoding="utf-8", newline="\n") as f:
            json.dump(stats, f, indent=1)
            f.write("\n")
        return stats


def _locate(doc: _Doc, unit: int) -> int:
    """Text offset of the unit-th sentence of the body."""
    for pi, p in enumerate(doc.paras):
        if unit < len(p):
            return doc.para_starts[pi] + sum(len(s) + 1 for s in p[:unit])
        unit -= len(p)
    raise IndexError(unit)


def _coprime(n: int) -> int:
    a = max(1, int(n * 0.6180339887)) | 1
    while math.gcd(a, n) != 1:
        a += 2 if n % 2 == 0 else 1
    return a


# --- API ----------------------------------------------------------------------------------


def generate(
    n_docs: int,
    out_dir: str | Path,
    seed: int = 1,
    sites: int = 200,
    *,
    p_verbatim: float = DEFAULT_PROPORTIONS["verbatim"],
    p_light: float = DEFAULT_PROPORTIONS["light"],
    p_heavy: float = DEFAULT_PROPORTIONS["heavy"],
    p_partial: float = DEFAULT_PROPORTIONS["partial"],
    p_chain: float = DEFAULT_PROPORTIONS["chain"],
    max_fanout: int = 3,
    pan_dir: str | Path | None = None,
    susp_prose: bool = False,
    one_copy_per_site: bool = False,
) -> dict[str, Any]:
    """Write the corpus into ``out_dir`` and return its statistics (also in stats.json).

    ``p_*`` are fractions of the documents that are derived in each way (``p_chain``: the B
    and C documents of chains; ``p_heavy``: the derived documents, whose sources are extra
    originals); the rest are originals. ``max_fanout`` caps how many documents copy one
    original. ``susp_prose`` also draws prose from the unannotated text of PAN's suspicious
    documents: more supply, but that text holds reuse PAN does not annotate (reworded and
    translated passages of other documents), which then counts against precision.
    ``one_copy_per_site``: a site never copies one original twice (by default it may, and
    two verbatim copies on one site can then be the same text, word for word)."""
    if n_docs < 1:
        raise ValueError("n_docs must be positive")
    if sites < 2:
        raise ValueError("need at least two sites")
    props = {
        "verbatim": p_verbatim,
        "light": p_light,
        "heavy": p_heavy,
        "partial": p_partial,
        "chain": p_chain,
    }
    if any(v < 0 for v in props.values()) or sum(props.values()) + p_heavy > 0.9:
        raise ValueError("proportions must be >= 0 and leave at least 10% originals")
    gen = _Generator(
        n_docs,
        Path(out_dir),
        seed,
        sites,
        props,
        max(1, max_fanout),
        Path(pan_dir) if pan_dir is not None else PAN_DIR,
        susp_prose,
        one_copy_per_site,
    )
    return gen.run()


def load_truth(path: str | Path, kinds: tuple[str, ...] | None = None) -> list[dict[str, Any]]:
    """The relations of a truth.jsonl or siblings.jsonl (a directory: its truth.jsonl),
    optionally only those of the given kinds."""
    p = Path(path)
    if p.is_dir():
        p = p / "truth.jsonl"
    out = []
    with open(p, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rec = json.loads(line)
                if kinds is None or rec["kind"] in kinds:
                    out.append(rec)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--docs", type=int, required=True, help="number of documents")
    ap.add_argument("--out", required=True, help="output directory")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--sites", type=int, default=200)
    ap.add_argument("--format", choices=["jsonl"], default="jsonl")
    for k, v in DEFAULT_PROPORTIONS.items():
        ap.add_argument(f"--p-{k}", type=float, default=v, help=f"fraction of {k} documents")
    ap.add_argument("--max-fanout", type=int, default=3, help="documents copying one original")
    ap.add_argument("--pan-dir", default=str(PAN_DIR))
    ap.add_argument(
        "--susp-prose",
        action="store_true",
        help="also use the unannotated text of PAN's suspicious documents as prose "
        "(it holds unannotated reuse; precision is then a lower bound)",
    )
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    stats = generate(
        args.docs,
        args.out,
        seed=args.seed,
        sites=args.sites,
        p_verbatim=args.p_verbatim,
        p_light=args.p_light,
        p_heavy=args.p_heavy,
        p_partial=args.p_partial,
        p_chain=args.p_chain,
        max_fanout=args.max_fanout,
        pan_dir=args.pan_dir,
        susp_prose=args.susp_prose,
    )
    print(json.dumps(stats["docs"]), file=sys.stderr)
    print(json.dumps(stats["relations"]), file=sys.stderr)
    print(
        f"{args.docs} documents in {time.perf_counter() - t0:.1f} s "
        f"({stats['supply_epochs']} prose epochs) -> {args.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
