"""Typed results shared by every stage, with their stable JSON form.

Offsets are Python ``str`` indices (code points) into ``Document.text``, half-open
``[start, end)``. The JSON schema of a comparison is documented in ``docs/schema.md`` and
versioned by :data:`SCHEMA_VERSION`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

SCHEMA_VERSION = "1.1"

PASSAGE_KINDS: tuple[str, ...] = (
    "verbatim",
    "near_verbatim",
    "paraphrase",
    "compression",
    "translation",
)

Span = tuple[int, int]


@dataclass(frozen=True)
class Document:
    """A document as read: ``text`` is what every offset indexes."""

    id: str
    text: str
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def chars(self) -> int:
        return len(self.text)

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "text": self.text, "chars": self.chars, "meta": dict(self.meta)}


@dataclass(frozen=True)
class Passage:
    """One reused passage.

    ``spans[d]`` lists the ``(start, end)`` character ranges of the passage in document
    ``d`` (several ranges when one side merges text from several places, as in
    ``compression``). ``reasons`` say what makes it reuse rather than two texts on the
    same subject (copied wording, a run of passages in the same order).
    """

    kind: str
    score: float
    spans: tuple[tuple[Span, ...], tuple[Span, ...]]
    reasons: tuple[str, ...] = ()
    languages: tuple[str, str] | None = None
    """Each side's language, for a ``translation`` (ISO 639-1 codes)."""

    def chars(self, doc: int) -> int:
        return sum(e - s for s, e in self.spans[doc])

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "kind": self.kind,
            "score": round(self.score, 4),
            "spans": [[[s, e] for s, e in side] for side in self.spans],
            "reasons": list(self.reasons),
        }
        if self.languages is not None:
            out["languages"] = list(self.languages)
        return out


@dataclass(frozen=True)
class Fact:
    """A checkable item: a number, date, name, place, organisation, hashtag or quote."""

    kind: str
    text: str
    span: Span
    doc: int
    value: str = ""
    """Normalised value used for matching (``"30000"`` for ``"30,000"``)."""

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "doc": self.doc,
            "kind": self.kind,
            "text": self.text,
            "span": [self.span[0], self.span[1]],
        }
        if self.value:
            out["value"] = self.value
        return out


CHANGE_LABELS: dict[str, str] = {
    "value": "a number or date with another value (130,000 → 30,000; May 5 → May 6)",
    "strength": (
        "the same claim made stronger or weaker: a qualifier or hedge dropped or added, a "
        "vague quantity made specific, a superlative or quantifier changed"
    ),
    "specificity": "a date made more or less specific (June → June 18)",
    "surname": "a person's name with another surname (Helen Marsh → Helen March)",
    "first_name": "a person's name with another first name (Helen Marsh → Anna Marsh)",
    "middle_name": "a name with another token between the first and the last",
    "title": "the same person under another role (Senator → Governor; Sir dropped)",
    "name": "a name with another token (not a person's, or more than one token changed)",
    "noun": "a number counting something else (three students → three activists)",
    "wording": "a quotation whose words changed",
    "spelling": "a name written with other letters, not only other vowels (the same place?)",
    "reversed": (
        "a claim negated, or its negation dropped (did not find → found), or said with the "
        "opposite word (above the minimum → below the minimum)"
    ),
    "object": (
        "the same action done to a thing the source never names (installed slogans → "
        "installed posters)"
    ),
    "restated": (
        "a statement replaced by another in its place (the cause is being investigated → "
        "police are treating the fire as arson)"
    ),
}
"""The ``label`` of a changed :class:`FactLink`: what kind of change it is."""

KEPT_LABELS: dict[str, str] = {
    "spelling": "the same name spelled another way (Shustar / Shushtar)",
    "partial": "a name given in part (Raisi / Ebrahim Raisi)",
    "transliteration": "the same name written in another script",
    "noun": "the same count under another noun in one passage (37 municipalities / 37 towns)",
    "abbreviation": "an organisation's acronym (UN / United Nations)",
    "other_name": "another name of one country or region (Swiss / Switzerland)",
}
"""The ``label`` of a kept :class:`FactLink` whose two sides are written differently
(empty when they are written alike or the difference is only of form)."""

STRENGTH_DETAILS: dict[str, str] = {
    "qualifier_dropped": "a qualifier dropped (over 310 → 310; nearly half → half)",
    "qualifier_added": "a qualifier added (310 → over 310)",
    "qualifier_changed": "a qualifier with another meaning (over 300 → about 300)",
    "vague_to_specific": "a vague quantity made specific (thousands → 30,000)",
    "specific_to_vague": "a specific quantity made vague (30,000 → thousands)",
    "hedge_dropped": "a hedge dropped (may / reportedly / allegedly → none)",
    "hedge_added": "a hedge added",
    "degree": "a superlative or comparative changed (second-most → second)",
    "quantifier": "a quantifier changed (most → all; some → many)",
    "not_until": "an earliest time made a set time (not until 2029 → from 2029)",
    "stage_up": "a later stage of a case, prize, injury or result (arrested → charged)",
    "stage_down": "an earlier stage (convicted → charged; won → shortlisted)",
}
"""The ``detail`` of a change labelled ``strength``."""

SPECIFICITY_DETAILS: dict[str, str] = {
    "more_specific": "the derived date is more specific (June 2021 → June 18, 2021)",
    "less_specific": "the derived date is less specific (June 18, 2021 → June 2021)",
}
"""The ``detail`` of a change labelled ``specificity``."""

WORDING_DETAILS: dict[str, str] = {
    "trimmed": "a quotation cut short: words of the source's quote left out",
    "extended": "a quotation given words the source's quote does not have",
}
"""The ``detail`` of a change labelled ``wording`` (none: words replaced)."""


@dataclass(frozen=True)
class FactLink:
    """A fact found on both sides (``kept``) or found changed (``changed``).

    ``label`` says what kind of change (:data:`CHANGE_LABELS`) or, on a kept link, how
    the two sides differ in writing (:data:`KEPT_LABELS`); ``detail`` refines a
    ``strength``, ``specificity`` or ``wording`` label (:data:`STRENGTH_DETAILS`,
    :data:`SPECIFICITY_DETAILS`, :data:`WORDING_DETAILS`). ``unsupported``: the derived side states something the
    source does not (a new value, a more specific date or quantity), as opposed to a
    change that only claims less or words it otherwise. ``note`` says it in words.
    """

    kind: str
    source: Fact
    derived: Fact
    note: str = ""
    label: str = ""
    detail: str = ""
    unsupported: bool = False

    def to_json(self, changed: bool = False) -> dict[str, Any]:
        out = self.derived.to_json()
        out["kind"] = self.kind
        if changed:
            out["text"] = f"{self.source.text} → {self.derived.text}"
            out["from"] = self.source.to_json()
            out["to"] = self.derived.to_json()
        else:
            out["source"] = self.source.to_json()
        if self.note:
            out["note"] = self.note
        if self.label:
            out["label"] = self.label
        if self.detail:
            out["detail"] = self.detail
        if self.unsupported:
            out["unsupported"] = True
        return out


@dataclass(frozen=True)
class FactDiff:
    """Facts of the source document compared with facts of the derived one.

    ``source_doc``/``derived_doc`` say which document plays which role (when no source is
    established the first document is taken as the reference). Each fact is reported
    once: in ``kept`` or ``changed`` (as a link), ``added`` or ``dropped``.
    """

    source_doc: int
    derived_doc: int
    kept: tuple[FactLink, ...] = ()
    changed: tuple[FactLink, ...] = ()
    added: tuple[Fact, ...] = ()
    dropped: tuple[Fact, ...] = ()
    read: tuple[tuple[Span, ...] | None, tuple[Span, ...] | None] = (None, None)
    """Per role (source, derived): the character ranges whose facts were read, or None when
    the text was read whole. A long text is read only around its reused passages
    (:mod:`textlineage.facts.scope`)."""

    @property
    def partial(self) -> bool:
        """Was either text read only in part?"""
        return any(r is not None for r in self.read)

    def unsupported(self) -> tuple[Fact, ...]:
        """The derived facts the source does not support: the added ones and the derived
        sides of the changes marked ``unsupported``, in document order."""
        out = [*self.added, *(c.derived for c in self.changed if c.unsupported)]
        return tuple(sorted(out, key=lambda f: (f.span, f.kind)))

    def to_json(self) -> dict[str, Any]:
        return {
            "source_doc": self.source_doc,
            "derived_doc": self.derived_doc,
            "kept": [k.to_json() for k in self.kept],
            "changed": [c.to_json(changed=True) for c in self.changed],
            "added": [a.to_json() for a in self.added],
            "dropped": [d.to_json() for d in self.dropped],
            **({"read": self._read_json()} if self.partial else {}),
        }

    def _read_json(self) -> dict[str, Any]:
        return {
            role: None if spans is None else [[s, e] for s, e in spans]
            for role, spans in zip(("source", "derived"), self.read, strict=True)
        }


@dataclass(frozen=True)
class Comparison:
    """The result of comparing two documents."""

    documents: tuple[Document, Document]
    verdict: str
    source: int | None
    confidence: float
    reasons: tuple[str, ...]
    coverage: tuple[float, float]
    passages: tuple[Passage, ...]
    facts: FactDiff
    timings: dict[str, float] = field(default_factory=dict)
    languages: tuple[str, str] = ("und", "und")
    """Each document's language (ISO 639-1; ``"und"`` when it could not be told)."""
    dates: tuple[tuple[str, str], tuple[str, str]] = (("", ""), ("", ""))
    """Each document's publication date as the direction evidence read it (``yyyy-mm-dd``,
    or ``yyyy-mm`` for a month; ``""`` when undated) and its source (``metadata``,
    ``html-meta``, ``url``, ``dateline`` or ``text``: :mod:`textlineage.text.pubdate`)."""
    sentence_pairs: tuple[tuple[Span, Span], ...] = ()
    """Sentences of the two documents (a character range in each) that the alignment
    matched one to one and no passage holds: too little to count as reuse, but where a
    rewrite in another genre says the same things, so the fact diff reads them side by side
    as it reads passages. Not part of the JSON."""

    def to_json(self, include_text: bool = True) -> dict[str, Any]:
        docs = []
        for d, lang, (day, source) in zip(self.documents, self.languages, self.dates, strict=True):
            j = d.to_json()
            if not include_text:
                j.pop("text")
            j["language"] = lang
            j["date"] = day
            j["date_source"] = source
            docs.append(j)
        return {
            "schema": "textlineage.compare",
            "schema_version": SCHEMA_VERSION,
            "documents": docs,
            "verdict": self.verdict,
            "source": self.source,
            "confidence": round(self.confidence, 4),
            "reasons": list(self.reasons),
            "coverage": [round(c, 4) for c in self.coverage],
            "passages": [p.to_json() for p in self.passages],
            "facts": self.facts.to_json(),
            "timings_ms": {k: round(v * 1000, 1) for k, v in self.timings.items()},
        }
