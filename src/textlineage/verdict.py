"""Verdict and direction: is one document derived from the other, and which is the source?

Direction evidence is scored as log-odds that document 0 is the source (positive) or
document 1 is (negative), from features computed the same way for both documents, so
swapping the arguments flips the sign and nothing else:

- **publication dates**: earlier wins, weighted by where each date came from
  (:data:`DATE_WEIGHTS`; the sources are those of :mod:`textlineage.text.pubdate`);
- **attribution**: a reused passage introduced by "… wrote:", "according to X,", "said in
  a statement" in one document marks the other as the origin (:data:`_ATTRIBUTION_RE`);
- **compression**: reused text is usually shortened, rarely padded, so the side whose
  aligned passages are longer is more likely the source;
- **detail**: facts inside aligned passages that only one side has: the source usually holds
  detail its derivative drops;
- **coverage asymmetry**: a document made mostly of reused text while the other is not is
  more likely the derivative (weak: a press release copied whole into an article breaks it).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import regex

from .text.pubdate import PublicationDate, publication_date
from .types import Document, Span


@dataclass(frozen=True)
class VerdictConfig:
    min_reused_chars: int = 120
    """Below this many reused characters on either side, the pair is independent."""
    derived_coverage: float = 0.5
    """A document with at least this share reused is derived from the other."""
    min_direction_confidence: float = 0.6
    """Name a source only when at least this sure."""


@dataclass(frozen=True)
class Evidence:
    weight: float
    """Log-odds that document 0 is the source; negative favours document 1."""
    reason: str


_ATTRIBUTION_RE = regex.compile(
    r"(?P<verb>\b(?:wrote|writes|reported|reports|published|publishes|quoted|according\s+to"
    r"|in\s+a\s+(?:statement|report|post|blog\s+post|press\s+release|newsletter))\b)"
    r"(?P<gap>[^.!?\n]{0,60}?)(?P<punct>[:,\u2014\-]?)(?P<space>\s*)"
    r"[\"'\u201c\u2018\u00ab]?\s*$",
    regex.IGNORECASE,
)
"""A phrase that presents what follows as another publication's text ("… wrote:",
"according to the NCRI,", "said in a statement"). Verbs of speech alone ("said", "told")
are not: a news report quotes and reports speech everywhere, and its rewrite moves the
attribution ("Organisers said 47,912 runners …" → "… 47,000 runners, organisers said"), so
they tell nothing of which text came first."""

ATTRIBUTED_MIN_CHARS = 120
"""A passage shorter than this is a quoted phrase, not a text taken from elsewhere."""


DATE_WEIGHTS: Mapping[str, float] = {
    "metadata": 3.0,
    "html-meta": 2.5,
    "url": 2.0,
    "dateline": 1.5,
    "text": 0.5,
}
"""Log-odds that the earlier-dated document is the source, by the source of a date. Two
dates weigh as much as the weaker of them. A user's date (``metadata``) and the page's
markup (``html-meta``, set by its publishing system, sometimes a modification time) are
strong; a URL path is set by the site but often holds only a month, and a page may be
filed under a later path; a dateline may be the day of the event rather than of the text;
another date near the top of the text (``text``) is as often the day of the event as of
the report, so it barely counts."""

ONE_DATED_WEIGHT = 0.1
"""When only one document is dated, its date weighs this share of :data:`DATE_WEIGHTS`
(an undated document is slightly more likely the copy, which often drops its date)."""


def document_date(doc: Document) -> PublicationDate | None:
    """The document's publication date and its source
    (:func:`~textlineage.text.pubdate.publication_date` of its metadata and text)."""
    return publication_date(doc.meta, doc.text)


def _date_evidence(names: Sequence[str], docs: tuple[Document, Document]) -> list[Evidence]:
    d0, d1 = document_date(docs[0]), document_date(docs[1])
    if d0 is not None and d1 is not None:
        order = d0.order(d1)
        if order == 0:
            return []
        first, (early, late) = (0, (d0, d1)) if order < 0 else (1, (d1, d0))
        w = min(DATE_WEIGHTS[d0.source], DATE_WEIGHTS[d1.source])
        reason = (
            f"{names[first]} is dated earlier ({early.isoformat()} by {early.source} vs "
            f"{late.isoformat()} by {late.source})"
        )
        return [Evidence(w if first == 0 else -w, reason)]
    if d0 is None and d1 is None:
        return []
    dated, d = (0, d0) if d0 is not None else (1, d1)
    assert d is not None
    w = ONE_DATED_WEIGHT * DATE_WEIGHTS[d.source]
    reason = f"only {names[dated]} carries a publication date ({d.isoformat()} by {d.source})"
    return [Evidence(w if dated == 0 else -w, reason)]


def _attributed(doc: Document, spans: Sequence[Span]) -> bool:
    """Does an attribution phrase introduce one of the reused ``spans`` of ``doc``? The
    phrase must stand in the span's paragraph (or end with a colon before it), and
    "according to" must name someone before the span (when the span starts with the
    name, the name is part of the reused text, not a pointer to another)."""
    for s, e in spans:
        if e - s < ATTRIBUTED_MIN_CHARS:
            continue
        before = doc.text[max(0, s - 90) : s]
        m = _ATTRIBUTION_RE.search(before)
        if m is None:
            continue
        if "\n" in m.group("space") and m.group("punct") != ":":
            continue
        if m.group("verb").lower().startswith("according") and len(m.group("gap").strip()) < 2:
            continue
        return True
    return False


def direction_evidence(
    docs: tuple[Document, Document],
    spans: tuple[Sequence[Span], Sequence[Span]],
    aligned_chars: tuple[int, int],
    coverage: tuple[float, float],
    unique_facts: tuple[int, int],
    *,
    translated: bool = False,
) -> list[Evidence]:
    """Direction evidence for a pair (see the module's description). ``translated``: most
    reused text is translated, so lengths in characters of the two sides are not compared
    (languages differ in how many characters they take to say the same)."""
    ev: list[Evidence] = []
    names = [docs[0].id, docs[1].id]
    ev.extend(_date_evidence(names, docs))
    att = (_attributed(docs[0], spans[0]), _attributed(docs[1], spans[1]))
    if att[0] != att[1]:
        quoting = 0 if att[0] else 1
        ev.append(
            Evidence(
                -2.0 if quoting == 0 else 2.0,
                f"{names[quoting]} introduces reused text with an attribution phrase",
            )
        )
    a0, a1 = aligned_chars
    if a0 > 0 and a1 > 0 and not translated:
        ratio = a0 / a1
        if abs(math.log(ratio)) > math.log(1.15):
            longer = 0 if ratio > 1 else 1
            w = min(2.0, 1.2 * abs(math.log(ratio)))
            ev.append(
                Evidence(
                    w if longer == 0 else -w,
                    f"reused text is {max(ratio, 1 / ratio):.1f}x longer in {names[longer]}"
                    " (derivatives usually condense)",
                )
            )
    u0, u1 = unique_facts
    if abs(u0 - u1) >= 3 and max(u0, u1) >= 2 * min(u0, u1):
        more = 0 if u0 > u1 else 1
        w = min(1.0, 0.1 * abs(u0 - u1))
        ev.append(
            Evidence(
                w if more == 0 else -w,
                f"{names[more]} holds {max(u0, u1)} facts in the reused passages that the other "
                f"lacks ({min(u0, u1)} the other way)",
            )
        )
    c0, c1 = coverage
    if max(c0, c1) >= 0.5 and abs(c0 - c1) >= 0.25:
        mostly = 0 if c0 > c1 else 1
        ev.append(
            Evidence(
                -0.3 if mostly == 0 else 0.3,
                f"{names[mostly]} is {max(c0, c1):.0%} reused text, the other {min(c0, c1):.0%}",
            )
        )
    return ev


def decide(
    coverage: tuple[float, float],
    aligned_chars: tuple[int, int],
    evidence: Sequence[Evidence],
    cfg: VerdictConfig,
) -> tuple[str, int | None, float, list[str]]:
    """Verdict, source index, confidence and reasons."""
    if min(aligned_chars) < cfg.min_reused_chars:
        return (
            "independent",
            None,
            1.0 - min(1.0, min(aligned_chars) / cfg.min_reused_chars) * 0.5,
            [f"no reused passage of {cfg.min_reused_chars} characters or more was found"],
        )
    score = sum(e.weight for e in evidence)
    p0 = 1.0 / (1.0 + math.exp(-score))
    conf = max(p0, 1.0 - p0)
    source: int | None = (0 if p0 > 0.5 else 1) if conf >= cfg.min_direction_confidence else None
    reasons = [e.reason for e in sorted(evidence, key=lambda e: -abs(e.weight))]
    derived_cov = coverage[1 - source] if source is not None else max(coverage)
    verdict = "derived" if derived_cov >= cfg.derived_coverage else "partially_derived"
    reasons.insert(
        0,
        f"{derived_cov:.0%} of the {'derived' if source is not None else 'more reused'} document "
        f"is reused text ({'most' if verdict == 'derived' else 'part'} of it)",
    )
    if source is None:
        reasons.append("direction evidence is too weak to name a source")
    return verdict, source, conf, reasons
