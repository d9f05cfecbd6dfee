"""A fact diff grouped for people, shared by the text and the HTML report.

Changes come by significance: a changed number, date or name first, then a claim reversed
(or said of another thing), the changes of a claim's strength, replaced statements, the
changes of a date's precision, figures rounded under a qualifier that keeps them true
("£1.9 million" → "almost £2 million"), then reworded quotations and changed nouns
(:func:`change_groups`). Added and dropped facts come per kind, the kinds a fact-checker
looks at first leading (numbers, dates, people, quotations), each with how many of that
side's facts of the kind it is (:func:`kind_groups`); a kind whose facts all stand in
lists ("cities such as A, B, C") says so ("39 of 68 listed places dropped"), and the
reports show its facts collapsed. Names kept in another spelling are listed apart
(:func:`respelled`): the same fact, but a reader checks that it is.

Whole statements (``claim`` facts in added or dropped: a clause the other text does not
state) are not figures to tick off but sentences to read: :func:`statements` takes them
apart from the facts of the other kinds, and the reports list each in full with its line.
A statement replaced by another in its place (``restated``) has its own group of changes;
it, and any reworded quotation or claim whose two sides share few words
(:func:`reads_apart`), is shown as "A said … / B says …" rather than as a word diff.

The JSON keeps every fact: the grouping only orders and counts them.
"""

from __future__ import annotations

import difflib
import itertools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..types import Fact, FactLink, Span

__all__ = [
    "LABEL_NAMES",
    "ROUNDED",
    "STATEMENT_KIND",
    "TAGGED_GROUPS",
    "ChangeGroup",
    "KindGroup",
    "change_groups",
    "hidden_groups",
    "kind_groups",
    "plural",
    "reads_apart",
    "respelled",
    "shown_note",
    "shown_sides",
    "statements",
    "unsupported_note",
    "untagged",
]

LABEL_NAMES: dict[str, str] = {
    "value": "value",
    "strength": "strength",
    "specificity": "precision",
    "surname": "surname",
    "first_name": "first name",
    "middle_name": "middle name",
    "title": "title",
    "name": "name",
    "noun": "noun",
    "wording": "wording",
    "reversed": "reversed",
    "object": "object",
    "restated": "restated",
}
"""How each change label is written for people."""

_GROUPS: tuple[tuple[str, str, frozenset[str]], ...] = (
    (
        "facts",
        "numbers, dates and names",
        frozenset({"", "value", "surname", "first_name", "middle_name", "title", "name"}),
    ),
    ("reversed", "claims reversed or said of another thing", frozenset({"reversed", "object"})),
    ("strength", "strength of claims", frozenset({"strength"})),
    ("restated", "statements replaced", frozenset({"restated"})),
    ("specificity", "precision of dates and places", frozenset({"specificity"})),
    ("rounded", "figures rounded, still true", frozenset({"value"})),
    ("other", "wording and nouns", frozenset({"wording", "noun"})),
)
ROUNDED = "rounded"
"""The ``detail`` of a ``value`` change that rounds the source's figure under a qualifier
that keeps it true ("£1.9 million" → "almost £2 million"): listed after the changes that
make a claim say something else."""
TAGGED_GROUPS = frozenset({"facts", "reversed", "other"})
"""The change groups whose title does not say each change's label: the reports tag each."""
_LEADING_KINDS = ("number", "date", "person", "quote")
_PLURALS = {"person": "people", "entity": "other names", "organisation": "organisations"}
_LIST_GAP_RE = re.compile(r"[^.!?:\d]{0,40}")
_LIST_MARK_RE = re.compile(r"[,;•·▪‣◦*(\n]|\band\b|\bor\b")
_MIN_LISTED = 5
_SHOW_TOTAL_FROM = 5


def plural(kind: str) -> str:
    """The plural of a fact kind as a reader says it ("people", "other names")."""
    return _PLURALS.get(kind, kind + "s")


@dataclass(frozen=True)
class ChangeGroup:
    """Changes of one significance: ``key`` (``facts``, ``strength``, ``specificity``,
    ``other``), a ``title`` for people, the ``links`` in document order."""

    key: str
    title: str
    links: tuple[FactLink, ...]


STATEMENT_KIND = "claim"
"""The kind of a fact that is a whole statement when it stands in added or dropped."""


def statements(facts: Sequence[Fact]) -> tuple[list[Fact], list[Fact]]:
    """``facts`` (added or dropped) split into the facts proper and the whole statements
    (clauses the other text does not state), each in document order."""
    plain = [f for f in facts if f.kind != STATEMENT_KIND]
    said = sorted((f for f in facts if f.kind == STATEMENT_KIND), key=lambda f: f.span)
    return plain, said


_APART_SHARE = 0.5
_WORD_EDGE = ".,;:!?\"'“”‘’()[]"


def reads_apart(link: FactLink) -> bool:
    """Whether a reworded quotation or claim reads better as its two sides one under the
    other than as a word diff: a statement replaced by another, or two texts whose
    shared words (in order) are under half of the shorter one's words; a word diff of
    those is mostly cuts and additions."""
    if link.label == "restated":
        return True
    a = [w.strip(_WORD_EDGE).lower() for w in link.source.text.split()]
    b = [w.strip(_WORD_EDGE).lower() for w in link.derived.text.split()]
    if not a or not b:
        return False
    matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
    shared = sum(block.size for block in matcher.get_matching_blocks())
    return shared < _APART_SHARE * min(len(a), len(b))


def _group_of(link: FactLink, known: frozenset[str]) -> str:
    if link.label == "value" and link.detail == ROUNDED:
        return "rounded"
    if link.label not in known:
        return "facts"
    return next(key for key, _, labels in _GROUPS if link.label in labels)


def change_groups(changed: Sequence[FactLink]) -> list[ChangeGroup]:
    """The changes by significance (see the module docstring), empty groups left out: a
    changed number, date or name first, then a claim reversed or said of another thing,
    the changes of strength, replaced statements, the precision of dates, figures rounded
    under a qualifier that keeps them true, wording. A label the groups do not know goes
    with the first."""
    known = frozenset().union(*(labels for _, _, labels in _GROUPS))
    keys = [_group_of(c, known) for c in changed]
    out = []
    for key, title, _labels in _GROUPS:
        links = tuple(c for c, k in zip(changed, keys, strict=True) if k == key)
        if links:
            out.append(ChangeGroup(key, title, links))
    return out


def hidden_groups(groups: Sequence[ChangeGroup], shown: int) -> tuple[int, list[str]]:
    """How many changes of ``groups`` fall after the first ``shown``, and the titles of
    the groups left out whole, with their counts ("wording and nouns 1")."""
    total = sum(len(g.links) for g in groups)
    left, titles = shown, []
    for g in groups:
        if left <= 0:
            titles.append(f"{g.title} {len(g.links)}")
        left -= len(g.links)
    return max(total - shown, 0), titles


def respelled(kept: Sequence[FactLink]) -> list[FactLink]:
    """The kept names written another way on the derived side (spelling variant or
    transliteration), people's names first: a person's name misspelled is what a
    fact-checker must correct."""
    found = [k for k in kept if k.label in ("spelling", "transliteration")]
    return sorted(found, key=lambda k: k.kind != "person")


@dataclass(frozen=True)
class KindGroup:
    """The added (or dropped) facts of one kind: ``total`` is how many facts of the kind
    that side has in the diff (each position once), or, when ``listed``, how many of them
    stand in lists, as every one of ``facts`` does."""

    kind: str
    facts: tuple[Fact, ...]
    total: int
    listed: bool

    def headline(self, verb: str) -> str:
        """The group's line: "2 people dropped"; from :data:`_SHOW_TOTAL_FROM` facts, and
        for facts that stand in lists, out of how many: "12 of 15 numbers dropped", "39 of
        68 listed places dropped"."""
        n = len(self.facts)
        if self.listed:
            return f"{n} of {self.total} listed {plural(self.kind)} {verb}"
        if n >= _SHOW_TOTAL_FROM:
            return f"{n} of {self.total} {plural(self.kind)} {verb}"
        return f"{n} {plural(self.kind) if n > 1 else self.kind} {verb}"


def _in_lists(facts: Sequence[Fact], text: str) -> set[tuple[int, int]]:
    """The spans of ``facts`` (one kind, one side) that stand in a list: next to another
    of them with only a separator between (a comma, "and", a bullet, a line break, a few
    words without a full stop or a number: a name the diff did not report twice)."""
    spans = sorted({f.span for f in facts})
    out: set[tuple[int, int]] = set()
    for a, b in itertools.pairwise(spans):
        gap = text[a[1] : b[0]] if a[1] <= b[0] <= len(text) else "."
        if _LIST_GAP_RE.fullmatch(gap) and _LIST_MARK_RE.search(gap):
            out.update((a, b))
    return out


def kind_groups(facts: Sequence[Fact], side: Sequence[Fact], text: str) -> list[KindGroup]:
    """``facts`` (added or dropped) per kind, numbers, dates, people and quotations
    first, then by how many; ``side``: every fact of that side in the diff (kept,
    changed and these), ``text`` that side's document."""
    by_kind: dict[str, list[Fact]] = {}
    for f in facts:
        by_kind.setdefault(f.kind, []).append(f)
    totals = Counter(kind for kind, _ in {(f.kind, f.span) for f in side})
    out = []
    for kind, items in by_kind.items():
        total, listed = totals[kind], False
        if len(items) >= _MIN_LISTED:
            members = _in_lists([f for f in side if f.kind == kind], text)
            if all(f.span in members for f in items):
                total, listed = len(members), True
        if kind == "number":
            # Exact figures before vague amounts ("over 120,000" before "millions of").
            items.sort(key=lambda f: not any(ch.isdigit() for ch in f.text))
        out.append(KindGroup(kind, tuple(items), total, listed))

    def order(g: KindGroup) -> tuple[int, int, str]:
        lead = _LEADING_KINDS.index(g.kind) if g.kind in _LEADING_KINDS else len(_LEADING_KINDS)
        return lead, -len(g.facts), g.kind

    return sorted(out, key=order)


UNSUPPORTED_NOTE = "not in the source"
"""Said of a change whose new value the source states nowhere (a number, a date, a name or
words a fact-checker cannot trace back to it)."""


def unsupported_note(independent: bool, source_letter: str) -> str:
    """:data:`UNSUPPORTED_NOTE`, or, on a pair judged independent (no text is the source),
    "not in A": the reference text named by its letter."""
    return f"not in {source_letter}" if independent else UNSUPPORTED_NOTE


_QUOTED_PAIR = re.compile(r"\s*\('([^']*)' → '([^']*)'\)")
_LEADING_PAIR = re.compile(r"^'([^']*)' → '([^']*)':\s*")
_PAIR_SEGMENT = re.compile(r"^(?:[a-z]+ )?'?(.*?)'? → '?(.*?)'?$")
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_SPACES = re.compile(r"\s+")


def _same(a: str, b: str) -> bool:
    return _SPACES.sub(" ", a).strip().casefold() == _SPACES.sub(" ", b).strip().casefold()


def _figures(s: str) -> list[str]:
    return _DIGITS.findall(s.replace(",", ""))


def _restates(a: str, b: str, link: FactLink) -> bool:
    """Whether "a → b" in a note only repeats the change's two texts: the same words, or
    the same figures written as digits ("value 10-16 → 10-20" of "10 to 16 inches → 10 to
    20 inches")."""
    src, der = link.source.text, link.derived.text
    if _same(a, src) and _same(b, der):
        return True
    fa, fb = _figures(a), _figures(b)
    return bool(fa and fb) and fa == _figures(src) and fb == _figures(der)


def shown_note(link: FactLink) -> str:
    """``link``'s note without what its line shows already: the reports print the change
    as "source text → derived text", so a note's "('June' → 'June 18')", its "'South St.
    Louis' → 'St. Louis': …" and a part "value 45 → 50" that repeat those two texts are
    left out, leaving what the change is ("date made more specific"); "" when nothing
    else is said. A replaced statement's note only repeats its group's title."""
    if link.label == "restated":
        return ""
    note = link.note

    def drop(m: re.Match[str]) -> str:
        return "" if _restates(m.group(1), m.group(2), link) else m.group()

    note = _LEADING_PAIR.sub(drop, _QUOTED_PAIR.sub(drop, note))
    kept = []
    for part in note.split("; "):
        m = _PAIR_SEGMENT.match(part.strip())
        if m and part.count(" → ") == 1 and _restates(m.group(1), m.group(2), link):
            continue
        kept.append(part)
    return "; ".join(p for p in kept if p.strip()).strip()


def untagged(note: str, tag: str) -> str:
    """``note`` without the label it opens with when the report shows that label beside
    it: "[surname] 'Marsh' → 'March'", not "[surname] surname 'Marsh' → 'March'"."""
    if tag and note.casefold().startswith(tag.casefold() + " "):
        return note[len(tag) + 1 :].lstrip()
    return note


_NOTE_WORDS = re.compile(r"'([^']{1,40})'")


def shown_sides(link: FactLink, texts: Sequence[str]) -> tuple[str, str]:
    """The two texts a change line shows, "source → derived". When the two facts read the
    same (a qualifier stands just outside one of them: "about [$18 million]" → "$18
    million"), a side is shown with the word its note names that stands right before or
    after it in its text ("about $18 million" → "$18 million"): a change whose two sides
    read alike shows nothing."""
    src, der = link.source.text, link.derived.text
    if not _same(src, der):
        return src, der
    words = [w for w in _NOTE_WORDS.findall(link.note) if not _same(w, src)]
    out = []
    for f in (link.source, link.derived):
        text = texts[f.doc] if f.doc in (0, 1) else ""
        shown = f.text
        s, e = f.span
        if text and 0 <= s <= e <= len(text):
            before, after = text[max(s - 60, 0) : s], text[e : e + 60]
            for w in words:
                m = re.search(rf"(?<!\w){re.escape(w)}\s+$", before, re.I)
                if m:
                    shown = before[m.start() :] + shown
                    break
                m = re.match(rf"\s+{re.escape(w)}(?!\w)", after, re.I)
                if m:
                    shown += m.group()
                    break
        out.append(shown)
    return out[0], out[1]


def describe(read: Sequence[tuple[Span, ...] | None], lengths: Sequence[int]) -> str:
    """One line for the reports when a text was read only in part ("" when both were read
    whole): how much of which text, and why."""
    parts = []
    for role, spans, n in zip(("source", "derived text"), read, lengths, strict=True):
        if spans is None:
            continue
        got = sum(e - s for s, e in spans)
        parts.append(f"{got:,} of the {role}'s {n:,} characters")
    if not parts:
        return ""
    return (
        "Facts read only around the reused passages (the text is long): "
        + " and ".join(parts)
        + "."
    )
