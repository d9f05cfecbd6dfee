"""A quotation of several sentences of which the other text quotes one and reports the
rest in its own words ("We know this is disruptive. We are sorry, and we thank residents"
→ thanked residents and said it was "disruptive"): each sentence is then a fact of its
own. The sentence quoted is kept or trimmed; a sentence left out of the quote is reported
dropped, which is what a reader must check, though the text may still say it in reported
speech.

A sentence counts as reported when its content words (four letters or more, function
words aside, compared by their first five letters: "thank" / "thanked") come back, two
at least, in the paragraph of the other text that holds the quote, outside quote marks.
A quote merely cut short (the rest said nowhere near) stays one trimmed quote, unless
what it leaves out are sentences long enough to be statements of their own, which no
other quote gives again: each is then dropped.
"""

from __future__ import annotations

import regex

from ..text.normalise import tokenize
from ..types import Fact, FactLink, Span
from .vocab import STOP

_SENTENCE_END_RE = regex.compile(r"(?<=[.!?…])[\"'”’]?\s+(?=[\"'“‘]?\p{Lu})")
_PARAGRAPH_RE = regex.compile(r"\n\s*\n|\n")
_QUOTED_RE = regex.compile(r"\"[^\"\n]*\"|“[^“”]*”|«[^«»]*»|„[^„“”]*[“”]")
_STEM = 5  # letters compared
_MIN_WORD = 4  # letters a content word has
_MIN_SHARED = 2  # content words a reported sentence gives back


def _value(text: str) -> str:
    return " ".join(t.norm for t in tokenize(text))


def _stems(text: str) -> set[str]:
    return {
        t.norm[:_STEM]
        for t in tokenize(text)
        if len(t.norm) >= _MIN_WORD and t.norm not in STOP and not t.norm.isdigit()
    }


def sentences(quote: Fact) -> list[Fact]:
    """The sentences of a quote (its words without the quote marks), as quote facts."""
    s0 = quote.span[0] + 1
    inner = quote.text[1:-1]
    out: list[Fact] = []
    start = 0
    for m in [*_SENTENCE_END_RE.finditer(inner), None]:
        end = m.start() if m is not None else len(inner)
        piece = inner[start:end]
        lead = len(piece) - len(piece.lstrip())
        piece = piece.strip()
        if piece and _value(piece):
            a = s0 + start + lead
            out.append(Fact("quote", piece, (a, a + len(piece)), quote.doc, _value(piece)))
        if m is not None:
            start = m.end()
    return out


def _paragraph(text: str, span: tuple[int, int]) -> str:
    """The paragraph of ``text`` holding ``span``, without its quoted words."""
    a, b = 0, len(text)
    for m in _PARAGRAPH_RE.finditer(text):
        if m.end() <= span[0]:
            a = m.end()
        elif m.start() >= span[1]:
            b = m.start()
            break
    return _QUOTED_RE.sub(" ", text[a:b])


def _reported(sentence: Fact, context: set[str]) -> bool:
    return len(_stems(sentence.text) & context) >= _MIN_SHARED


_HEDGING_OPENERS = frozenset(
    {"think", "thinks", "believe", "believes", "feel", "feels", "hope", "hopes", "guess"}
    | {"suppose", "reckon", "may", "might", "could", "would", "perhaps", "maybe", "probably"}
    | {"possibly", "if"}
)
"""Words of a quote's opening that make what follows a belief, a hope or a possibility
("We think this is the best"): cut, they leave the claim standing bare."""


def _trims_opening(whole: str, part: str) -> bool:
    """Does the folded excerpt ``part`` end ``whole`` and leave out only function words
    before it ("this was" of "this was a very large fire")? Then nothing is lost; a
    hedging opening cut ("we think") is a change (:data:`_HEDGING_OPENERS`)."""
    if not f" {whole}".endswith(f" {part}"):
        return False
    cut = whole[: len(whole) - len(part)].split()
    return all(w in STOP and w not in _HEDGING_OPENERS for w in cut)


def _holding(parts: list[Fact], value: str) -> Fact | None:
    """The one sentence of ``parts`` that holds the folded excerpt ``value``, or None."""
    v = f" {value} "
    holding = [p for p in parts if v in f" {p.value} "]
    return holding[0] if len(holding) == 1 else None


def sentence_of(sf: Fact, value: str) -> Fact | None:
    """The sentence of the quote ``sf`` (of two sentences at least) holding the excerpt
    ``value``, or None."""
    parts = sentences(sf)
    return _holding(parts, value) if len(parts) >= 2 else None


def split_excerpt(
    sf: Fact, df: Fact, other_text: str, others: tuple[str, ...] = ()
) -> tuple[FactLink, list[Fact]] | None:
    """The link of the sentence of the source quote ``sf`` that the derived quote ``df``
    is an excerpt of, and the other sentences as dropped, when one of them at least is
    reported in the paragraph of ``other_text`` (the derived text) around ``df``, or is
    quoted in another excerpt of ``others`` (each sentence then stands on its own, and the
    sentences quoted in ``others`` are left to them); else None."""
    parts = sentences(sf)
    if len(parts) < 2:
        return None
    head = _holding(parts, df.value)
    if head is None:
        return None
    elsewhere = {id(h) for v in others if (h := _holding(parts, v)) is not None and h is not head}
    rest = [p for p in parts if p is not head and id(p) not in elsewhere]
    context = _stems(_paragraph(other_text, df.span))
    if (
        not elsewhere
        and not any(_reported(p, context) for p in rest)
        and not _statements_left_out(rest, df, other_text)
    ):
        return None
    return sentence_link(head, df, other_text), rest


def sentence_link(head: Fact, df: Fact, other_text: str) -> FactLink:
    """The link of one sentence ``head`` of a source quote and the derived quote ``df``
    of ``other_text`` that is an excerpt of it: kept when it gives the sentence whole (or
    leaves out only function words opening it, or the rest is told around it), else the
    sentence cut short, a change of ``wording``."""
    if head.value == df.value or _trims_opening(head.value, df.value):
        return FactLink("quote", head, df, "one sentence of a longer quote")
    if _told_around(head, df, other_text):
        return FactLink("quote", head, df, "one sentence of a longer quote, the rest told")
    cut = head.value.count(" ") - df.value.count(" ")
    n = head.value.count(" ") + 1
    note = f"quote cut short ({cut} of {n} words left out)"
    return FactLink("quote", head, df, note, "wording", "trimmed")


_STATEMENT_WORDS = 8
"""Words a sentence left out of a quote needs to be a statement of its own."""


def _statements_left_out(rest: list[Fact], df: Fact, other_text: str) -> bool:
    """Are the sentences ``rest`` of a quote, which the quote ``df`` of ``other_text``
    leaves out, statements of their own (:data:`_STATEMENT_WORDS` words each at least)
    that no other quote of ``other_text`` gives again? A long sentence left out is a
    claim lost, not a quote trimmed ("We could only save ourselves" is a trim)."""
    if not all(p.value.count(" ") + 1 >= _STATEMENT_WORDS for p in rest):
        return False
    quoted: set[str] = set()
    for m in _QUOTED_RE.finditer(other_text):
        if not (m.start() <= df.span[0] < m.end()):
            quoted |= _stems(m.group())
    return not any(len(_stems(p.text) & quoted) >= _MIN_SHARED_ANYWHERE for p in rest)


_DERIVED_SENTENCE_RE = regex.compile(r"[^.!?\n]+")
_MIN_SHARED_ANYWHERE = 3  # ... when no quote points to the paragraph


def split_dropped(sf: Fact, other_text: str) -> list[Fact] | None:
    """The sentences of the source quote ``sf``, which the derived text does not quote,
    when one of them is reported there: a sentence of ``other_text`` outside quote marks
    gives back three of its content words at least; else None (one quote dropped)."""
    parts = sentences(sf)
    if len(parts) < 2:
        return None
    plain = _QUOTED_RE.sub(".", other_text)
    said = [_stems(m.group()) for m in _DERIVED_SENTENCE_RE.finditer(plain)]
    for p in parts:
        mine = _stems(p.text)
        if any(len(mine & s) >= _MIN_SHARED_ANYWHERE for s in said):
            return parts
    return None


def reported_in(sentence: Fact, other_text: str, within: tuple[int, int]) -> Span | None:
    """The sentence of ``other_text`` inside ``within``, outside quote marks, that gives
    back most of the quote ``sentence``'s content words (more than half, three at least),
    or None."""
    mine = _stems(sentence.text)
    best: tuple[int, Span] | None = None
    plain = _QUOTED_RE.sub(lambda m: "." * len(m.group()), other_text[within[0] : within[1]])
    for m in _DERIVED_SENTENCE_RE.finditer(plain):
        n = len(mine & _stems(m.group()))
        if n >= _MIN_SHARED_ANYWHERE and 2 * n > len(mine) and (best is None or n > best[0]):
            best = n, (within[0] + m.start(), within[0] + m.end())
    return None if best is None else best[1]


def split_joined(df: Fact, source_quotes: list[Fact]) -> list[FactLink] | None:
    """The links of the sentences of the derived quote ``df`` when each holds a different
    quote of ``source_quotes`` (two quotes of the source run together as one, one of
    them given more words): a sentence the same as its source quote is kept, one with
    more words an ``extended`` change; else None."""
    parts = sentences(df)
    if len(parts) < 2:
        return None
    links: list[FactLink] = []
    taken: set[int] = set()
    for p in parts:
        pv = f" {p.value} "
        found = [i for i, q in enumerate(source_quotes) if i not in taken and f" {q.value} " in pv]
        if not found:
            return None
        i = max(found, key=lambda k: len(source_quotes[k].value))
        taken.add(i)
        q = source_quotes[i]
        if q.value == p.value:
            links.append(FactLink("quote", q, p, "quotes run together"))
        else:
            added = p.value.count(" ") - q.value.count(" ")
            note = f"quote given more words ({added} added)"
            links.append(FactLink("quote", q, p, note, "wording", "extended", True))
    return links


_SENTENCE_BOUND_RE = regex.compile(r"[.!?](?=\s)|\n")


def with_reported_rest(sf: Fact, df: Fact, other_text: str) -> Fact:
    """The derived side of the quote ``sf`` trimmed to ``df``: ``df`` widened over the
    words of its sentence in ``other_text`` that report the rest of the quote (two of
    its content words left out come back there, outside quote marks: customers had been
    asking for the Arctic "for years"); ``df`` itself when the rest is said nowhere near."""
    rest = _stems(sf.text) - _stems(df.text)
    a, b = _sentence_around(df, other_text)
    plain = _QUOTED_RE.sub(lambda m: " " * len(m.group()), other_text[a:b])
    hits = [
        (a + t.start, a + t.end)
        for t in tokenize(plain)
        if len(t.norm) >= _MIN_WORD and t.norm not in STOP and t.norm[:_STEM] in rest
    ]
    if len({_value(other_text[s:e])[:_STEM] for s, e in hits}) < _MIN_SHARED:
        return df
    s = min(hits[0][0], df.span[0])
    e = max(hits[-1][1], df.span[1])
    return Fact(df.kind, other_text[s:e], (s, e), df.doc, df.value)


def _told_around(head: Fact, df: Fact, other_text: str) -> bool:
    """Do all the content words that the excerpt ``df`` leaves out of the sentence
    ``head`` come back around it, in its sentence of ``other_text`` outside quote marks
    (Ann's plan "is the best we have seen" / "Ann's plan is the best we have seen")? The
    sentence is then said whole, partly in reported speech."""
    cut = _stems(head.text) - _stems(df.text)
    if not cut:
        return False
    a, b = _sentence_around(df, other_text)
    return cut <= _stems(_QUOTED_RE.sub(" ", other_text[a:b]))


def _sentence_around(df: Fact, other_text: str) -> tuple[int, int]:
    """The start and end of the sentence of ``other_text`` that holds ``df``."""
    a, b = 0, len(other_text)
    for m in _SENTENCE_BOUND_RE.finditer(other_text):
        if m.end() <= df.span[0]:
            a = m.end()
        elif m.start() >= df.span[1]:
            b = m.start()
            break
    return a, b


def _content_words(value: str) -> list[str]:
    return [w for w in value.split() if w not in STOP]


def loose_excerpt(whole: str, part: str) -> bool:
    """Is the folded quote ``part`` a run of ``whole``'s words with some function words
    left out ("workforce, suppliers and shipping routes" of "Ohio has the workforce, the
    suppliers and the shipping routes we need"): its content words, two at least, a run of
    ``whole``'s, and no word of its own?"""
    cp, cw = _content_words(part), _content_words(whole)
    if len(cp) < _MIN_SHARED or not set(part.split()) <= set(whole.split()):
        return False
    n = len(cp)
    return any(cw[i : i + n] == cp for i in range(len(cw) - n + 1))
