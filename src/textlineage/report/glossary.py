"""What the words of a report mean: passage kinds, verdicts, coverage and confidence.

One wording for every report (text and HTML) and the README's glossary, kept beside the
code that decides them: the kinds are named by :func:`textlineage.align.passages.label`
(tokens compared after case folding; "agree in order" is twice the longest common
subsequence of the two sides' words over their total), the verdict, confidence and
coverage by :mod:`textlineage.verdict` and :func:`textlineage.align.passages.coverage`.
"""

from __future__ import annotations

__all__ = ["FACT_TERMS", "KIND_LABELS", "KIND_TERMS", "TERMS", "VERDICT_TERMS"]

KIND_LABELS: dict[str, str] = {
    "verbatim": "verbatim",
    "near_verbatim": "near-verbatim",
    "paraphrase": "paraphrase",
    "compression": "compression",
    "translation": "translation",
}
"""How each passage kind is written for people."""

KIND_TERMS: dict[str, str] = {
    "verbatim": (
        "copied word for word: the same words in the same order (letter case and "
        "punctuation aside); also a run of identical words found inside a reworded passage"
    ),
    "near_verbatim": (
        "copied with edits: at least 70% of the words of the two sides agree, in order "
        "(a few words changed, added or cut)"
    ),
    "paraphrase": (
        "the same content reworded: under 70% of the words agree, but the sentences match "
        "closely and show signs of reuse, such as a run of matches in the same order in "
        "both texts (the passage's reasons say which)"
    ),
    "compression": (
        "a reworded passage that condenses: two or more sentences of the source became "
        "fewer, shorter ones (at most 80% of the source's length)"
    ),
    "translation": (
        "the same content in another language: sentences matched across the two "
        "languages by a multilingual model"
    ),
}
"""What each passage kind means."""

VERDICT_TERMS: dict[str, str] = {
    "derived": "at least half of the derived document is reused text",
    "partially_derived": (
        "some reused passages (120 characters or more on each side), less than half of "
        "the derived document"
    ),
    "independent": "no reused passage of 120 characters or more",
}
"""What each verdict means."""

FACT_TERMS: dict[str, str] = {
    "changed": (
        "a fact of the source that the derived text states otherwise (another number, "
        "date, name or strength of claim); both sides are marked"
    ),
    "added": "a fact of the derived text that the source does not state",
    "dropped": "a fact of the source that the derived text leaves out",
    "kept": "a fact that both texts state alike; both sides are marked",
}
"""What each status of the fact diff means."""

TERMS: dict[str, str] = {
    "coverage": (
        "the share of each document's characters inside reused passages (overlapping "
        "passages counted once); it measures how much is shared, not who copied whom"
    ),
    "confidence": (
        "how sure the direction is, from 0.5 (no evidence either way) to 1, weighing "
        "publication dates, attribution phrases, which side is longer, which holds the "
        "facts the other lacks, and which is more reused; a source is named from 0.60. "
        "For an independent pair it is how sure it is that nothing was reused"
    ),
}
"""Coverage and confidence, as the reports show them."""
