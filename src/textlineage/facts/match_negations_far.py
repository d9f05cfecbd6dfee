"""A claim negated or hedged in one text and stated in the other, between sentences the
alignment may not have paired: "Neither of them needed hospital treatment" → "Both were
taken to hospital"; "the figures are likely to be revised" → "the numbers will be
revised".

:func:`~.claim_rules.negation_shapes` reads two aligned sentences and asks for two content
words in a row after the negation; a rewrite into another genre keeps one word of the
claim and rewords the rest, in a sentence of its own. So here any two sentences are read,
tied by a word each text uses in that one sentence only (its stem: "hospital", "revise"),
which stands a few words after a negation (or a hedge: "may", "likely", "reportedly") in
one and in a clause with none in the other. The word must be written in lower case in both
(a name is a fact of its own), and may not belong to a number, a date or a quotation; a
negation's tying word may not be a passive verb (its sense drifts: "treated as
suspicious" / "treated for smoke").
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from ..text.normalise import tokenize
from ..text.segment import split_sentences
from .claim_rules import (
    _ANY_NEGATION,
    _BASE,
    AUX,
    HEDGE_ADVERBS,
    HEDGE_VERBS,
    MODALS,
    NEGATING_DETERMINERS,
    NEGATIONS,
    Shape,
    _aux_start,
    verb_stem,
)
from .claim_rules import _content as _rule_content
from .furniture import furniture_spans
from .items import Result
from .match_claims import _MAX_TOKENS, _clauses, _links, _overlaps, _Side, _side, add_links

Span = tuple[int, int]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


REACH = 6
"""Words after a negation within which the tying word must stand."""
_MIN_LETTERS = 4  # a tying word's letters: shorter words are too common to tie sentences
_NEGATING = NEGATIONS | NEGATING_DETERMINERS
_LEAD = 3  # words before the tying word reported on the stated side ("taken to hospital")


def _negating(w: str) -> bool:
    return w in _NEGATING or w.endswith("n't")


_DENIALS = _words(
    "nobody zero refused refuses refuse rejected rejects reject declined declines decline "
    "failed fails fail ruled rules yet blocked blocks prevented prevents stopped stops "
    "banned bans barred bars halted"
)
"""Words that deny or prevent in other ways ("ruled out", "refused to", "has yet to",
"zero", "landslides blocked the roads")."""
_BOUNDS = _words(
    "and but or because since although though while whereas which who whom whose that "
    "when where after before unless until if"
)
"""Words that open another clause: what a negation denies stops before them."""
_FIRST = 2
"""The tying word must be one of the first content words after the negation (what is
denied: "did not need to go to hospital"), not an adjunct further on ("on windy nights")."""


def _negated(w: str) -> bool:
    return w in _ANY_NEGATION or w in _DENIALS or w in NEGATING_DETERMINERS or w.endswith("n't")


def _tying(side: _Side, k: int) -> str | None:
    """The stem of word ``k`` when it can tie two sentences: a content word in lower case,
    outside the facts the sentence's numbers, dates and quotations take."""
    w = side.words[k]
    t = side.tokens[k]
    if len(w) < _MIN_LETTERS or not _rule_content(w) or not side.text[t.start].islower():
        return None
    if any(s <= t.start and t.end <= e for s, e in side.taken):
        return None
    return verb_stem(w)


def _sides(text: str, doc: int, read: Sequence[Span] | None, taken: list[Span]) -> list[_Side]:
    spans = set(read or ((0, len(text)),))
    furniture = furniture_spans(text)  # an ad's small print states nothing of the story's
    out = []
    for x in split_sentences(text):
        toks = tokenize(text, x.start, x.end)
        if not 0 < len(toks) <= _MAX_TOKENS or not _overlaps((x.start, x.end), spans):
            continue
        if any(s <= toks[0].start and toks[-1].end <= e for s, e in furniture):
            continue
        if text[x.start : x.end].rstrip().endswith("?"):
            continue  # a question states nothing
        out.append(_side(text, doc, toks, taken))
    return out


def _once(sides: Sequence[_Side]) -> dict[str, tuple[int, int]]:
    """The tying stems a text uses in one sentence only, once there: where they stand."""
    seen: Counter[str] = Counter()
    where: dict[str, tuple[int, int]] = {}
    for n, side in enumerate(sides):
        for k in range(len(side.words)):
            stem = _tying(side, k)
            if stem is not None:
                seen[stem] += 1
                where[stem] = (n, k)
    return {s: where[s] for s, c in seen.items() if c == 1}


_PREPOSITIONS = _words("to of in on for from at by with into onto across towards")
_ARTICLES = _words("the a an its their his her our")


def _verb_like(w: str) -> bool:
    return w in AUX or w in _BASE or w.endswith(("ed", "en", "ing"))


def _after_a_noun(words: Sequence[str], m: int) -> bool:
    """Does word ``m`` stand in a phrase that qualifies a noun ("roads to the mountain
    villages"), not what a verb states ("taken to hospital")?"""
    k = m - 1
    while k >= 0 and m - k <= 3 and words[k] in _ARTICLES:
        k -= 1
    if k <= 0 or words[k] not in _PREPOSITIONS:
        return False
    return not _verb_like(words[k - 1])


def _verb_negated(words: Sequence[str], i: int, k: int) -> bool:
    """Is the tying word ``k`` a verb right after its negation ``i`` ("cannot renew")?"""
    return k == i + 1 and (words[i] in NEGATIONS or words[i].endswith("n't"))


def _as_noun(words: Sequence[str], m: int) -> bool:
    """Does word ``m`` follow an article or a number, as a noun does ("the upgrade")?"""
    return m > 0 and (words[m - 1] in _ARTICLES or not words[m - 1].isalpha())


def _passive(side: _Side, k: int) -> bool:
    """A verb in a passive or a perfect ("is being treated"): its sense drifts between
    sentences ("treated as suspicious" / "treated for smoke")."""
    return side.words[k].endswith("ed") or (k > 0 and side.words[k - 1] in AUX)


def _hedging(w: str) -> bool:
    return w in MODALS or w in HEDGE_ADVERBS or w in _HEDGES


def _hedged(w: str) -> bool:
    return _hedging(w) or w in HEDGE_VERBS or w in _CERTAINTY_OPEN


_HEDGES = _words(
    "suggest suggests suggested likely unlikely possible possibly suspected alleged presumed"
)
"""Words that make a claim possible, besides the modal verbs and hedging adverbs."""
_ABILITY = _words("only barely hardly just")
"""Words after "could" that make it what someone was able to do."""
_CERTAINTY_OPEN = _words("would should if unless whether")
"""Words that leave a clause open: a hedged claim is not stated by it ("would be added")."""


def _shapes(
    neg: _Side,
    plain: _Side,
    k: int,
    m: int,
    word: str,
    marker: Callable[[str], bool] = _negating,
    denies: Callable[[str], bool] = _negated,
) -> tuple[tuple[int, int], tuple[int, int], str] | None:
    """The negated span of ``neg`` (from its verb group to the tying word ``k``) and the
    stated span of ``plain`` (a few words up to ``m``), when a negation stands within
    :data:`REACH` words before ``k`` in its clause and ``m``'s clause has none (or, with
    ``marker`` and ``denies`` for hedges: a hedge before ``k``, none in ``m``'s clause)."""
    cn, cp = _clauses(neg), _clauses(plain)
    i = next((j for j in range(k - 1, max(-1, k - REACH - 1), -1) if marker(neg.words[j])), None)
    if i is None or any(cn[j] != cn[k] or neg.words[j] in _BOUNDS for j in range(i, k + 1)):
        return None
    if sum(1 for j in range(i + 1, k) if _rule_content(neg.words[j])) >= _FIRST:
        return None
    if i > 0 and neg.words[i - 1] == "or":
        return None  # "with or without": both
    if i + 1 < len(neg.words) and neg.words[i + 1] in _ABILITY:
        return None  # "could only parry it": what was done, not what may be
    clause = [j for j in range(len(plain.words)) if cp[j] == cp[m]]
    if any(denies(plain.words[j]) or _negated(plain.words[j]) for j in clause):
        return None
    can = any(plain.words[j] == "can" for j in clause)
    if can and neg.words[i] == "may" and "able" not in neg.words[i:k]:
        return None  # a permission put another way: "may bring" / "can bring"
    if _after_a_noun(plain.words, m) or (
        _verb_negated(neg.words, i, k) and _as_noun(plain.words, m)
    ):
        return None  # (the negated verb a noun there: "cannot renew" / "the 2.0 renewal")
    lo = max(clause[0], m - _LEAD)
    while lo < m and lo > 0 and not plain.text[plain.tokens[lo].start].islower():
        lo += 1  # a name is a fact of its own
    what = "negation" if marker is _negating else "hedge"
    note = f"{what} {{}} ('{neg.words[i]} … {word}')"
    return (_aux_start(neg.words, i), k + 1), (lo, m + 1), note


def diff_far_negations(
    texts: tuple[str, str],
    docs: tuple[int, int],
    taken: Sequence[list[Span]],
    res: Result,
    read: tuple[Sequence[Span] | None, Sequence[Span] | None],
) -> None:
    """Add to ``res`` the claims negated or hedged in one text and stated in the other,
    tied by a word each text uses once (spans already claimed left alone). ``taken``: each
    text's spans of numbers, dates and quotations. :func:`.match_modals_far.diff_far_modals`
    calls it when some passage was aligned at all."""
    sides = [_sides(texts[n], docs[n], read[n], taken[n]) for n in (0, 1)]
    once = [_once(sides[0]), _once(sides[1])]
    claimed = (
        {c.source.span for c in res.changed if c.source.doc == docs[0]},
        {c.derived.span for c in res.changed if c.derived.doc == docs[1]},
    )
    for stem in sorted(once[0].keys() & once[1].keys()):
        (na, ka), (nb, kb) = once[0][stem], once[1][stem]
        src, der = sides[0][na], sides[1][nb]
        shape = None
        if not _passive(src, ka) and not _passive(der, kb):
            shape = _shape(src, der, ka, kb, "reversed", _negating, _negated)
        if shape is None:
            shape = _shape(src, der, ka, kb, "strength", _hedging, _hedged)
        if shape is not None:
            add_links(res, _links(src, der, [shape]), claimed)


def _shape(
    src: _Side,
    der: _Side,
    ka: int,
    kb: int,
    label: str,
    marker: Callable[[str], bool],
    denies: Callable[[str], bool],
) -> Shape | None:
    """The change tied by words ``ka`` and ``kb``: the marker dropped from the source's
    claim, or added to the derived one's."""
    found = _shapes(src, der, ka, kb, src.words[ka], marker, denies)
    if found is not None:
        s, d, note = found
        detail = "hedge_dropped" if label == "strength" else ""
        return Shape(s, d, label, detail, note.format("dropped"))
    found = _shapes(der, src, kb, ka, der.words[kb], marker, denies)
    if found is None:
        return None
    d, s, note = found
    detail = "hedge_added" if label == "strength" else ""
    return Shape(s, d, label, detail, note.format("added"))
