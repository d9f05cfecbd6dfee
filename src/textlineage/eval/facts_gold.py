"""Hand-annotated fact changes between a source and a derived text: the data model, the
loaders and the search for the annotated strings.

A *gold pair* is a source text, a derived text and the facts an annotator found changed,
added, dropped (and, optionally, kept) between them, each named by its surface text on
either side; *noise* is text that must not be reported (page furniture: bylines, ad
sizes, share counts, copyright lines); *optional* text may be reported or not without
effect (weekdays, relative dates and other borderline facts). The format is described in
``docs/eval.md``; the project's own set lives in ``tests/data/facts_gold``.

:func:`load_facts_gold` reads a folder of ``NN_gold.json`` files beside their
``NN_source.txt`` and ``NN_derived.txt``; :func:`load_seed_gold` reads the founding pair's
``gold.json`` (a different, older format, not exhaustive) into the same model;
:func:`locate` finds a surface string in a text on word boundaries, so that ``"30,000"``
is not found inside ``"130,000"``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..text.dates import MONTH_NAMES
from ..types import Span

__all__ = [
    "CATEGORIES",
    "SCORED",
    "SPLITS",
    "GoldFact",
    "GoldPair",
    "check_pair",
    "load_facts_gold",
    "load_seed_gold",
    "locate",
]

CATEGORIES: tuple[str, ...] = ("kept", "changed", "added", "dropped")
"""The four lists of a fact diff (``compare``'s JSON ``facts`` section)."""

SCORED: tuple[str, ...] = ("changed", "added", "dropped")
"""The categories scored for precision and recall; ``kept`` is a diagnostic."""

SPLITS: tuple[str, ...] = ("dev", "test")

_SIDES = {"changed": ("source", "derived"), "added": ("derived",), "dropped": ("source",)}
"""The sides each type must name (``kept`` needs one side at least)."""


@dataclass(frozen=True)
class GoldFact:
    """One annotated fact: its type (``changed``, ``added``, ``dropped`` or ``kept``), its
    kind, the change's label (for ``changed``), and its surface text on each side.

    A side holds one or more alternative surface strings; the fact occupies every
    word-bounded occurrence of each of them in that side's text. ``also`` lists other
    categories in which a report of this fact is accepted as right (a date made more
    specific may fairly be reported as ``added``; a spelling variant as ``kept``).
    """

    type: str
    kind: str
    source: tuple[str, ...] = ()
    derived: tuple[str, ...] = ()
    label: str = ""
    also: tuple[str, ...] = ()
    note: str = ""

    @property
    def accepts(self) -> tuple[str, ...]:
        """The categories a matching report may stand in."""
        return (self.type, *(c for c in self.also if c != self.type))

    def describe(self) -> str:
        """``'over 310' → '310'``, ``'Isfahan'``: the fact as a person reads it."""
        s = " / ".join(self.source)
        d = " / ".join(self.derived)
        if s and d:
            return f"{s!r} → {d!r}"
        return repr(s or d)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"type": self.type, "kind": self.kind}
        if self.label:
            out["label"] = self.label
        for side in ("source", "derived"):
            vals = getattr(self, side)
            if vals:
                out[side] = vals[0] if len(vals) == 1 else list(vals)
        if self.also:
            out["also"] = list(self.also)
        if self.note:
            out["note"] = self.note
        return out


@dataclass(frozen=True)
class GoldPair:
    """A source/derived pair with its annotation. ``exhaustive`` is false when the
    annotator listed only some of the changes (the founding pair): precision is then not
    measured, since an unlisted report may be right."""

    id: str
    split: str
    source_path: Path
    derived_path: Path
    facts: tuple[GoldFact, ...]
    noise: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    topic: str = ""
    about: str = ""
    exhaustive: bool = True

    @property
    def control(self) -> bool:
        """A no-change control: exhaustive, and nothing changed, added or dropped."""
        return self.exhaustive and not any(f.type in SCORED for f in self.facts)


def locate(text: str, surface: str) -> list[Span]:
    """Every occurrence of ``surface`` in ``text`` that is not part of a longer word or
    number (``"30,000"`` is not in ``"130,000"``, ``"Wit"`` is not in ``"Witt"``,
    ``"1,200"`` is not in ``"1,200,000"``)."""
    out: list[Span] = []
    if not surface:
        return out
    i = text.find(surface)
    while i >= 0:
        e = i + len(surface)
        if _bounded(text, i, e, surface):
            out.append((i, e))
        i = text.find(surface, i + 1)
    return out


def _bounded(text: str, s: int, e: int, surface: str) -> bool:
    """Whether ``text[s:e]`` (equal to ``surface``) stands on its own at both ends."""
    if surface[0].isalnum() and s > 0:
        prev = text[s - 1]
        if prev.isalnum() or prev == "_":
            return False
        if surface[0].isdigit() and prev in ",." and s >= 2 and text[s - 2].isdigit():
            return False
    if surface[-1].isalnum() and e < len(text):
        nxt = text[e]
        if nxt.isalnum() or nxt == "_":
            return False
        if surface[-1].isdigit() and nxt in ",." and e + 1 < len(text) and text[e + 1].isdigit():
            return False
    return True


# ---------------------------------------------------------------------------------------
# The project's format


def _strings(value: Any, where: str, name: str) -> tuple[str, ...]:
    if value is None:
        return ()
    vals = [value] if isinstance(value, str) else value
    if not isinstance(vals, list) or not all(isinstance(v, str) and v.strip() for v in vals):
        raise InputError(where, f"'{name}' must be a non-empty string or a list of them")
    return tuple(vals)


def _fact(raw: Any, where: str) -> GoldFact:
    if not isinstance(raw, Mapping):
        raise InputError(where, "a fact must be a JSON object")
    typ = raw.get("type")
    if typ not in CATEGORIES:
        raise InputError(where, f"unknown type {typ!r} (expected {', '.join(CATEGORIES)})")
    kind = raw.get("kind")
    if not isinstance(kind, str) or not kind:
        raise InputError(where, "'kind' is required (number, date, person, place, ...)")
    src = _strings(raw.get("source"), where, "source")
    der = _strings(raw.get("derived"), where, "derived")
    need = _SIDES.get(typ, ())
    for side, vals in (("source", src), ("derived", der)):
        if side in need and not vals:
            raise InputError(where, f"a {typ} fact needs '{side}'")
    if not (src or der):
        raise InputError(where, "a fact needs 'source' or 'derived'")
    label = raw.get("label", "")
    if typ == "changed" and not label:
        raise InputError(where, "a changed fact needs a 'label' (rounding, surname, ...)")
    also = _strings(raw.get("also"), where, "also")
    bad = [a for a in also if a not in CATEGORIES]
    if bad:
        raise InputError(where, f"unknown category in 'also': {bad[0]!r}")
    return GoldFact(
        type=typ,
        kind=kind,
        source=src,
        derived=der,
        label=str(label),
        also=also,
        note=str(raw.get("note", "")),
    )


def _read_pair(path: Path, texts: Path | None = None) -> GoldPair:
    where = str(path)
    beside = path if texts is None else texts / path.name
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(where, f"cannot read: {exc}") from exc
    except json.JSONDecodeError as exc:
        raise InputError(where, f"not JSON: {exc}") from exc
    if not isinstance(raw, Mapping):
        raise InputError(where, "the file must hold one JSON object")
    pid = raw.get("pair")
    if not isinstance(pid, str) or not path.name.startswith(f"{pid}_"):
        raise InputError(where, f"'pair' must be the file name's prefix, got {pid!r}")
    split = raw.get("split")
    if split not in SPLITS:
        raise InputError(where, f"'split' must be dev or test, got {split!r}")
    facts = raw.get("facts", [])
    if not isinstance(facts, list):
        raise InputError(where, "'facts' must be a list")
    parsed = tuple(_fact(f, f"{where}: fact {i + 1}") for i, f in enumerate(facts))
    pair = GoldPair(
        id=pid,
        split=split,
        source_path=beside.with_name(f"{pid}_source.txt"),
        derived_path=beside.with_name(f"{pid}_derived.txt"),
        facts=parsed,
        noise=_strings(raw.get("noise", []), where, "noise"),
        optional=_strings(raw.get("optional", []), where, "optional"),
        topic=str(raw.get("topic", "")),
        about=str(raw.get("about", "")),
        exhaustive=bool(raw.get("exhaustive", True)),
    )
    for p in (pair.source_path, pair.derived_path):
        if not p.is_file():
            raise InputError(where, f"{p.name}: no such file")
    return pair


def load_facts_gold(
    directory: str | Path, split: str | None = None, texts: str | Path | None = None
) -> tuple[GoldPair, ...]:
    """The gold pairs of ``directory`` (``NN_gold.json`` with ``NN_source.txt`` and
    ``NN_derived.txt``), in pair order; only the ``split`` half when given. ``texts``: the
    folder of the texts when it is another (a second annotation of a set). Every
    annotated string is checked against the texts (:func:`check_pair`)."""
    root = Path(directory)
    if not root.is_dir():
        raise InputError(str(root), "no such folder (the fact gold set: tests/data/facts_gold)")
    paths = sorted(root.glob("*_gold.json"))
    if not paths:
        raise InputError(str(root), "no *_gold.json file in this folder")
    pairs = []
    for path in paths:
        pair = _read_pair(path, None if texts is None else Path(texts))
        problems = check_pair(pair, _text(pair.source_path), _text(pair.derived_path))
        if problems:
            raise InputError(str(path), problems[0])
        if split is None or pair.split == split:
            pairs.append(pair)
    return tuple(pairs)


def _text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read: {exc}") from exc


def check_pair(pair: GoldPair, source_text: str, derived_text: str) -> list[str]:
    """What is wrong with an annotation against its texts (empty when nothing): a surface
    string found nowhere on its side, a noise or optional string found in neither text,
    noise overlapping an annotated fact."""
    texts = {"source": source_text, "derived": derived_text}
    problems = []
    fact_spans: dict[str, list[Span]] = {"source": [], "derived": []}
    for i, f in enumerate(pair.facts, 1):
        for side in ("source", "derived"):
            for s in getattr(f, side):
                found = locate(texts[side], s)
                if not found:
                    problems.append(f"fact {i}: {side} string {s!r} is not in the {side} text")
                fact_spans[side].extend(found)
    for name, strings in (("noise", pair.noise), ("optional", pair.optional)):
        for s in strings:
            where = {side: locate(t, s) for side, t in texts.items()}
            if not any(where.values()):
                problems.append(f"{name} string {s!r} is in neither text")
            if name == "noise":
                for side, spans in where.items():
                    if any(_overlaps(a, b) for a in spans for b in fact_spans[side]):
                        problems.append(f"noise string {s!r} overlaps an annotated fact")
    return problems


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


# ---------------------------------------------------------------------------------------
# The founding pair's gold (../shared/seeds/gold.json)

_MONTHS = frozenset(n.lower() for forms in MONTH_NAMES["en"].names for n in forms)


def _guess_kind(surface: str, source_text: str) -> str:
    """A kind for a seed fact, which the seed's format does not give: a month and a
    number make a date, a digit a number, text that stands between quotation marks in
    the source a quote, a capital letter an entity, anything else a claim."""
    words = re.findall(r"\w+", surface.lower())
    if any(w in _MONTHS for w in words) and any(w.isdigit() for w in words):
        return "date"
    if any(ch.isdigit() for ch in surface) or "thousands" in words:
        return "number"
    for s, e in locate(source_text, surface):
        before, after = source_text[max(0, s - 1) : s], source_text[e : e + 1]
        if before in "\"“‘'" and before and after in "\"”’',." and after:
            return "quote"
    if surface[:1].isupper():
        return "entity"
    return "claim"


def load_seed_gold(seeds_dir: str | Path) -> GoldPair:
    """The founding pair (``gold.json`` and its two texts in ``seeds_dir``) as a gold pair.

    Its ``facts`` give ``added_in_derived``, ``dropped_from_source``, ``changed``,
    ``entity_variants`` (names spelled two ways: a ``changed`` fact labelled
    ``spelling``, also right as ``kept``) and ``cities_listed_in_derived`` (``kept``);
    ``noise_in_source`` is noise. An added or dropped fact is also right when reported as
    ``changed``. A fact whose surface lies inside a changed fact's surface on the same
    side is the same fact and is folded into it (the gold names ``30,000`` as added and
    ``thousands → 30,000`` as changed: one fact, to be reported once). The annotation is
    not exhaustive (only some of the dropped places are named), so precision is not
    measured on it.
    """
    root = Path(seeds_dir)
    path = root / "gold.json"
    if not path.is_file():
        raise InputError(str(path), "no such file (the founding pair's gold, in ../shared/seeds)")
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        src_path, der_path = root / raw["source"], root / raw["derived"]
        facts = raw["facts"]
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise InputError(str(path), f"not the seed gold format: {exc}") from exc
    src_text, der_text = _text(src_path), _text(der_path)

    changed = [
        GoldFact("changed", _guess_kind(c["source"], src_text), (c["source"],), (c["derived"],), "")
        for c in facts.get("changed", [])
    ]
    changed += [
        GoldFact("changed", "place", (v["source"],), (v["derived"],), "spelling", ("kept",))
        for v in facts.get("entity_variants", [])
    ]
    others = [
        GoldFact("added", _guess_kind(a["fact"], src_text), derived=(a["fact"],), also=("changed",),
                 note=a.get("note", ""))
        for a in facts.get("added_in_derived", [])
    ]  # fmt: skip
    others += [
        GoldFact("dropped", _guess_kind(d["fact"], src_text), source=(d["fact"],),
                 also=("changed",), note=d.get("note", ""))
        for d in facts.get("dropped_from_source", [])
    ]  # fmt: skip
    others += [
        GoldFact("kept", "place", derived=(c,), also=("changed",))
        for c in facts.get("cities_listed_in_derived", [])
    ]
    kept_others = [f for f in others if not _inside_changed(f, changed, src_text, der_text)]
    pair = GoldPair(
        id="seed",
        split="seed",
        source_path=src_path,
        derived_path=der_path,
        facts=tuple(changed + kept_others),
        noise=tuple(raw.get("noise_in_source", [])),
        topic="founding pair",
        about=str(raw.get("about", "")),
        exhaustive=False,
    )
    problems = check_pair(pair, src_text, der_text)
    if problems:
        raise InputError(str(path), problems[0])
    return pair


def _inside_changed(
    fact: GoldFact, changed: Iterable[GoldFact], src_text: str, der_text: str
) -> bool:
    """Whether every occurrence of ``fact`` lies inside an occurrence of a changed fact's
    surface on the same side."""
    texts = {"source": src_text, "derived": der_text}
    for side in ("source", "derived"):
        mine = [sp for s in getattr(fact, side) for sp in locate(texts[side], s)]
        if not mine:
            continue
        theirs = [sp for c in changed for s in getattr(c, side) for sp in locate(texts[side], s)]
        if all(any(t[0] <= m[0] and m[1] <= t[1] for t in theirs) for m in mine):
            return True
    return False
