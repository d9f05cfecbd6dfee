"""Plain-text report of a comparison, for the terminal.

The output is plain Unicode text without colour codes. Every piece of document content
(ids, excerpts, reasons, fact texts) is cleaned of control and bidi-override characters,
so a hostile document cannot move the cursor or recolour the terminal.
"""

from __future__ import annotations

import re
import textwrap
from collections import Counter
from collections.abc import Iterable, Sequence

from ..text.language import UNKNOWN, language_name
from ..types import PASSAGE_KINDS, Comparison, Fact, FactLink, Passage, Span
from .context import direction_note, in_sentence, line_of, new_sentences, word_diff
from .factgroups import (
    LABEL_NAMES,
    TAGGED_GROUPS,
    KindGroup,
    change_groups,
    describe,
    hidden_groups,
    kind_groups,
    reads_apart,
    respelled,
    shown_note,
    shown_sides,
    statements,
    unsupported_note,
    untagged,
)
from .glossary import KIND_LABELS, KIND_TERMS, TERMS

__all__ = ["clean", "cut", "excerpt", "render_text"]

_LETTERS = ("A", "B")


def _letter(doc: int) -> str:
    return _LETTERS[doc] if doc in (0, 1) else "?"


_VERDICT_LABELS = {
    "derived": "derived",
    "partially_derived": "partially derived",
    "independent": "independent",
}
_WS = re.compile(r"\s+")
# C0/C1 controls (whitespace is collapsed before this applies) and bidi controls.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_MAX_RANGES_SHOWN = 3


def _lettered(reason: str, docs: Sequence[object]) -> str:
    """``reason`` with the documents' ids written as their letters (the report's head
    names them)."""
    ids = [(clean(getattr(d, "id", "")), letter) for d, letter in zip(docs, _LETTERS, strict=False)]
    for ident, letter in sorted(ids, key=lambda x: -len(x[0])):
        if len(ident) >= 2:
            reason = re.sub(rf"(?<![\w/.-]){re.escape(ident)}(?![\w/.-])", letter, reason)
    return reason


def clean(s: str) -> str:
    """Collapse whitespace and neutralise characters a terminal would interpret."""
    return _UNSAFE.sub("\ufffd", _WS.sub(" ", s)).strip()


def cut(s: str, limit: int) -> str:
    """``s`` cut to at most ``limit`` characters, ending in "…" when cut."""
    limit = max(limit, 2)
    if len(s) <= limit:
        return s
    return s[: limit - 1].rstrip() + "…"


def _ranges(spans: Sequence[Span]) -> str:
    shown = [f"{s}–{e}" for s, e in spans[:_MAX_RANGES_SHOWN]]
    if len(spans) > _MAX_RANGES_SHOWN:
        shown.append(f"+{len(spans) - _MAX_RANGES_SHOWN} more")
    return ", ".join(shown) if shown else "–"


def excerpt(text: str, spans: Sequence[Span], limit: int) -> str:
    """The text of ``spans`` (joined by " … "), cleaned, in at most ``limit`` characters."""
    parts: list[str] = []
    total = 0
    for s, e in spans:
        # Read a little more than needed; the excerpt is cut after whitespace collapsing.
        piece = clean(text[max(s, 0) : max(s, 0) + min(max(e - s, 0), limit * 4)])
        if piece:
            parts.append(piece)
            total += len(piece)
        if total >= limit:
            break
    return cut(" … ".join(parts), limit)


def _pct(x: float) -> str:
    return f"{x * 100:.1f}%"


def _wrap_bullets(items: Iterable[str], width: int, indent: str, bullet: str) -> list[str]:
    lines: list[str] = []
    for item in items:
        lines.extend(
            textwrap.wrap(
                clean(item) or "(empty)",
                width=max(width, 20),
                initial_indent=indent + bullet,
                subsequent_indent=indent + " " * len(bullet),
                break_long_words=True,
                break_on_hyphens=False,
            )
        )
    return lines


def _kind_counts(kinds: Iterable[str]) -> str:
    counts = Counter(kinds)
    order = [k for k in PASSAGE_KINDS if k in counts] + sorted(
        k for k in counts if k not in PASSAGE_KINDS
    )
    return ", ".join(f"{clean(k)} {counts[k]}" for k in order)


def _fact_where(f: Fact) -> str:
    letter = _LETTERS[f.doc] if f.doc in (0, 1) else "?"
    return f"{letter} {f.span[0]}–{f.span[1]}"


_CHANGED_SHOWN = 12
_MIN_PER_KIND = 3


_REWORDED_KINDS = ("quote", "claim")
_SAID_MAX = 400  # characters of one side of a statement shown "A said … / B says …"
_FRAGMENT_WORDS = 6  # a side of fewer words is shown in its sentence
_NOTE_MAX = 240


def _said_lines(link: FactLink, texts: Sequence[str], width: int) -> list[str]:
    """The two sides of a replaced statement (or of a quotation reworded past a word
    diff's use), one under the other: "A l.5 said: …" and "B l.5 says: …". When either
    side is a few words of a clause ("possible along the"), both are shown in their
    sentence, the words in brackets: a fragment alone says nothing."""
    out = []
    fragment = any(len(f.text.split()) < _FRAGMENT_WORDS for f in (link.source, link.derived))
    for f, verb in ((link.source, "said"), (link.derived, "says")):
        text = texts[f.doc] if f.doc in (0, 1) else ""
        where = f"{_letter(f.doc)} l.{line_of(text, f.span[0])}" if text else _letter(f.doc)
        if fragment and text:
            out.append(_context_line(f"          {where} {verb}: ", text, f.span, width))
            continue
        out += _wrap_bullets(
            [f"{where} {verb}: {cut(clean(f.text), _SAID_MAX)}"], width, "          ", ""
        )
    return out


def _context_line(head: str, text: str, span: tuple[int, int], width: int) -> str:
    """``head`` and the sentence around ``span``, cut to fit ``width`` where it can (a
    long fact is shown whole)."""
    room = max(width - len(head), 30)
    while True:
        line = head + clean(in_sentence(text, span, room))
        if len(line) <= width or room <= 30:
            return line
        room = max(room - (len(line) - width), 30)


def _change_lines(
    link: FactLink, texts: Sequence[str], width: int, tagged: bool, unsupported: str
) -> list[str]:
    """One change: kind, the two texts (a quotation or a claim as a word diff, or one side
    under the other when they share few words), whether the source states the new value
    (``unsupported``: how to say it does not), its label (``tagged``: when the group's
    title does not say it) and what changed, less what the line shows already; then where
    each side stands, with its sentence."""
    src, der = clean(link.source.text), clean(link.derived.text)
    reworded = link.kind in _REWORDED_KINDS and len(src.split()) + len(der.split()) > 2
    apart = reworded and reads_apart(link)
    if reworded:
        line = f"      ~ {clean(link.kind)}"
    else:
        a, b = (clean(x) for x in shown_sides(link, texts))
        # a short side leaves its room to the other ("Ilsabeth Varga-Tenbrookes, Halvorn's
        # President" → "CEO Ilsabeth Varga-Tenbrookes" shows the title that changed)
        room = max(width - 10, 40)
        la = min(len(a), max(room // 2, room - len(b)))
        lb = max(room // 2, room - la)
        line = f"      ~ {clean(link.kind)}: {cut(a, la)} → {cut(b, lb)}"
    tag = LABEL_NAMES.get(link.label, clean(link.label)) if tagged else ""
    why = cut(clean(untagged(shown_note(link), tag)), _NOTE_MAX)
    if link.unsupported:
        line += f" ({unsupported})"
    if tag and why:
        line += f"  [{tag}] {why}"
    elif tag or why:
        line += f"  ({tag or why})"
    # the head wrapped to the width, its continuation under the change's texts
    out = textwrap.wrap(
        line,
        width=max(width, 40),
        initial_indent="",
        subsequent_indent=" " * 10,
        break_long_words=False,
        break_on_hyphens=False,
        drop_whitespace=True,
    )
    out[0] = line[: len(line) - len(line.lstrip())] + out[0].lstrip()
    if apart:
        return out + _said_lines(link, texts, width)
    places = []
    for f in (link.source, link.derived):
        text = texts[f.doc] if f.doc in (0, 1) else ""
        if not text:
            continue
        where = f"{_letter(f.doc)} l.{line_of(text, f.span[0])}"
        places.append(where)
        if not reworded:
            out.append(_context_line(f"          {where}: ", text, f.span, width))
    if reworded:
        # The edit itself, wrapped whole (a quotation's cut words are the finding), then
        # where the two sides stand: a few words of a clause ("installed slogans") in
        # their sentences, since they say nothing alone.
        out += _wrap_bullets([word_diff(src, der, 1200)], width, "          ", "")
        short = any(len(f.text.split()) < _FRAGMENT_WORDS for f in (link.source, link.derived))
        if short and len(places) == 2:
            for f, where in zip((link.source, link.derived), places, strict=True):
                out.append(_context_line(f"          {where}: ", texts[f.doc], f.span, width))
        elif places:
            out.append("          " + " · ".join(places))
    return out


def _statement_lines(
    said: Sequence[Fact], sign: str, verb: str, other: str, texts: Sequence[str], width: int
) -> list[str]:
    """The whole statements added or dropped, each in full with its line: a sentence to
    read, not a figure to tick off. One of a few words ("is punished severely") is shown
    in its sentence, the words in brackets: alone it says nothing."""
    if not said:
        return []
    noun = "statement" if len(said) == 1 else "statements"
    out = [
        f"  {len(said)} {noun} {verb} ({other} does not state {'it' if len(said) == 1 else 'them'})"
    ]
    for f in said:
        text = texts[f.doc] if f.doc in (0, 1) else ""
        where = f"{_letter(f.doc)} l.{line_of(text, f.span[0])}" if text else _letter(f.doc)
        if text and len(f.text.split()) < _FRAGMENT_WORDS:
            out.append(_context_line(f"    {sign} {where}: ", text, f.span, width))
            continue
        out += _wrap_bullets(
            [f"{where}: {cut(clean(f.text), _SAID_MAX)}"], width, "    ", f"{sign} "
        )
    return out


_NEW_SHOWN = 8


def _new_sentence_lines(c: Comparison, width: int) -> list[str]:
    """The derived text's sentences with no counterpart in the source (where additions
    the fact list may miss stand), when there is reuse at all; a sentence that holds a
    statement the fact changes list already is counted, not listed again."""
    fd = c.facts
    d = fd.derived_doc
    found, shown = new_sentences(c)
    if not found:
        return []
    text = c.documents[d].text
    other = _letter(fd.source_doc)
    noun = "sentence" if len(found) == 1 else "sentences"
    head = f"  new in {_letter(d)} (no counterpart in {other}): {len(found)} {noun}"
    held = len(found) - len(shown)
    if held:
        which = "" if len(found) == 1 else "each " if not shown else f"{held} of them "
        head += f", {which}holding a statement listed above"
    out = [head]
    for s, e in shown[:_NEW_SHOWN]:
        where = f"{_letter(d)} l.{line_of(text, s)}"
        out.append(f"    {where}: {cut(clean(text[s:e]), max(width - len(where) - 6, 20))}")
    if len(shown) > _NEW_SHOWN:
        out.append(f"    … and {len(shown) - _NEW_SHOWN} more")
    return out


def _fact_lines(c: Comparison, width: int, all_facts: bool) -> list[str]:
    """The fact changes, by significance (changed numbers, dates and names first, then
    strength, replaced statements, precision, wording), the names kept in another
    spelling, then the facts added and dropped (per kind, or each one with
    ``all_facts``), each side's whole statements after its facts, in full."""
    fd = c.facts
    out: list[str] = []
    text_width = max(width - 30, 20)
    texts = [d.text for d in c.documents]
    if fd.changed:
        out.append("  changed (most significant first)")
        left = len(fd.changed) if all_facts else _CHANGED_SHOWN
        unsupported = unsupported_note(c.verdict == "independent", _letter(fd.source_doc))
        changes = change_groups(fd.changed)
        for group in changes:
            if left <= 0:
                break
            out.append(f"    {group.title}")
            for link in group.links[:left]:
                out += _change_lines(link, texts, width, group.key in TAGGED_GROUPS, unsupported)
            left -= len(group.links)
        hidden, untold = hidden_groups(changes, len(fd.changed) if all_facts else _CHANGED_SHOWN)
        if hidden:
            # every change not shown is counted, and the groups left out whole named
            more = f"… and {hidden} more"
            if untold:
                more += f" (of them: {'; '.join(untold)})"
            out += textwrap.wrap(
                more + "; --all-facts lists every one",
                width=width,
                initial_indent="    ",
                subsequent_indent=" " * 6,
                break_on_hyphens=False,
            )
    variants = respelled(fd.kept)
    if variants:
        # one name written two ways in the other text is one entry: "A → B, C"
        spellings: dict[str, list[str]] = {}
        for k in variants:
            written = spellings.setdefault(clean(k.source.text), [])
            if clean(k.derived.text) not in written:
                written.append(clean(k.derived.text))
        shown = [f"{name} → {', '.join(ways)}" for name, ways in spellings.items()]
        out += textwrap.wrap(
            clean(f"kept in another spelling ({len(shown)}): " + "; ".join(shown)),
            width=width,
            initial_indent="  ",
            subsequent_indent=" " * 6,
            break_long_words=True,
            break_on_hyphens=False,
        )
    links = (*fd.kept, *fd.changed)
    for title, sign, facts, listed, side, other in (
        ("added", "+", fd.added, [k.derived for k in links], fd.derived_doc, fd.source_doc),
        ("dropped", "-", fd.dropped, [k.source for k in links], fd.source_doc, fd.derived_doc),
    ):
        plain, said = statements(facts)
        if all_facts and plain:
            out.append(f"  {title}")
            for f in plain:
                line = f" l.{line_of(texts[f.doc], f.span[0])}," if f.doc in (0, 1) else ""
                out.append(
                    f"    {sign} {clean(f.kind)}: {cut(clean(f.text), text_width)}"
                    f"  ({_fact_where(f).replace(' ', line + ' ', 1)})"
                )
        elif plain:
            where = "in" if title == "added" else "from"
            out.append(f"  {title} ({where} {_letter(side)}, by kind)")
            text = c.documents[side].text if side in (0, 1) else ""
            groups = kind_groups(plain, [*plain, *listed], text)
            out += _kind_summary(groups, sign, title, width, texts)
        out += _statement_lines(said, sign, title, _letter(other), texts, width)
    return out


_LISTED_IN_FULL = ("number", "date", "person", "quote")
_FULL_MAX = 12


_QUOTE_MAX = 240


def _kind_summary(
    groups: Sequence[KindGroup], sign: str, verb: str, width: int, texts: Sequence[str]
) -> list[str]:
    """One entry per kind. Numbers, dates and people are named in full (up to a dozen,
    wrapped): those are what a fact-checker checks; quotations one a line with their
    line number (a quotation is read, not ticked off). Other kinds, and facts that stand
    in a list, get one line, "- 39 of 68 listed places dropped: A; B; … and 34 more",
    naming as many as it holds (at least a few, in document order)."""
    lines: list[str] = []
    for g in groups:
        n = len(g.facts)
        head = f"    {sign} {clean(g.headline(verb))}: "
        if g.kind == "quote" and not g.listed:
            lines.append(head.rstrip())
            for f in g.facts[:_FULL_MAX]:
                text = texts[f.doc] if f.doc in (0, 1) else ""
                where = f"{_letter(f.doc)} l.{line_of(text, f.span[0])}" if text else "?"
                item = f"{where}: {cut(clean(f.text), _QUOTE_MAX) or '(empty)'}"
                lines += _wrap_bullets([item], width, " " * 8, "")
            if n > _FULL_MAX:
                lines.append(f"        … and {n - _FULL_MAX} more")
            continue
        if g.kind in _LISTED_IN_FULL and not g.listed:
            names = [cut(clean(f.text), 60) or "(empty)" for f in g.facts[:_FULL_MAX]]
            rest = f"; … and {n - _FULL_MAX} more" if n > _FULL_MAX else ""
            lines += textwrap.wrap(
                head + "; ".join(names) + rest,
                width=max(width, 40),
                subsequent_indent=" " * 8,
                break_long_words=True,
                break_on_hyphens=False,
            )
            continue
        names = []
        room = width - len(head)
        for k, f in enumerate(g.facts):
            name = cut(clean(f.text), 40) or "(empty)"
            left = n - k - 1
            more = f"; … and {left} more" if left else ""
            if k >= _MIN_PER_KIND and len("; ".join([*names, name])) + len(more) > room:
                break
            names.append(name)
        rest_n = n - len(names)
        tail = f"; … and {rest_n} more" if rest_n else ""
        lines += textwrap.wrap(
            head + "; ".join(names) + tail,
            width=max(width, 40),
            subsequent_indent=" " * 8,
            break_long_words=True,
            break_on_hyphens=False,
        )
    return lines


def _count(facts: Sequence[Fact]) -> str:
    """How many facts, and of them how many whole statements: "20 (1 statement)"."""
    said = len(statements(facts)[1])
    if not said:
        return str(len(facts))
    return f"{len(facts)} ({said} {'statement' if said == 1 else 'statements'})"


def _passage_size(p: Passage) -> int:
    return p.chars(0) + p.chars(1)


def render_text(
    c: Comparison,
    *,
    top: int = 8,
    width: int = 100,
    all_facts: bool = False,
    glossary: bool = True,
) -> str:
    """Render ``c`` as a readable plain-text summary.

    ``top`` limits how many passages are listed (largest first); ``width`` is the target
    line width used to wrap reasons and size excerpts. Changes come by significance
    (:mod:`.factgroups`), the first dozen shown; facts added and dropped are summarised
    per kind ("39 of 68 listed places dropped", the first few named); ``all_facts`` lists
    each change and each added and dropped fact with its position instead. ``glossary`` ends the report with what
    its passage kinds, coverage and confidence mean (:mod:`.glossary`).
    """
    width = max(width, 40)
    docs = c.documents
    out: list[str] = []
    heading = "textlineage report"
    out += [heading, "=" * len(heading)]

    id_width = min(max(len(clean(d.id)) for d in docs), width - 24)
    for letter, doc, lang in zip(_LETTERS, docs, c.languages, strict=True):
        named = "" if lang == UNKNOWN else f"  {language_name(lang)}"
        out.append(
            f"{letter}  {cut(clean(doc.id), id_width):<{id_width}}  {doc.chars:,} chars{named}"
        )
    out.append("")

    label = _VERDICT_LABELS.get(c.verdict, clean(c.verdict))
    out.append(f"Verdict   {label}")
    if c.source in (0, 1):
        src = c.source
        out.append(
            f"Source    {_LETTERS[src]} ({cut(clean(docs[src].id), width - 40)}),"
            f" confidence {c.confidence:.2f}"
        )
    else:
        out.append(f"Source    not established, confidence {c.confidence:.2f}")
    if c.reasons:
        out.append("Reasons")
        out += _wrap_bullets([_lettered(r, docs) for r in c.reasons], width, "  ", "• ")
    cov = "   ".join(f"{letter} {_pct(x)}" for letter, x in zip(_LETTERS, c.coverage, strict=False))
    cov_line = f"Coverage  {cov}"
    note = "   (share of each text inside reused passages)"
    out.append(cov_line + note if len(cov_line + note) <= width else cov_line)
    out.append("")

    fd = c.facts
    roles = f"source {_letter(fd.source_doc)} → derived {_letter(fd.derived_doc)}"
    if c.source not in (0, 1):
        roles = f"reference {_letter(fd.source_doc)} → {_letter(fd.derived_doc)}"
    out.append(f"Facts ({roles})")
    # How to read the facts (no reuse, or the direction uncertain) before any count.
    if direction_note(c):
        out += _wrap_bullets([direction_note(c)], width, "  ", "")
    out.append(
        f"  kept {len(fd.kept)} · changed {len(fd.changed)} · added {_count(fd.added)}"
        f" · dropped {_count(fd.dropped)}"
    )
    if fd.partial:
        lengths = [
            len(c.documents[d].text) if d in (0, 1) else 0 for d in (fd.source_doc, fd.derived_doc)
        ]
        out += _wrap_bullets([describe(fd.read, lengths)], width, "  ", "")
    out += _fact_lines(c, width, all_facts)
    out += _new_sentence_lines(c, width)
    out.append("")
    n = len(c.passages)
    if n:
        out.append(f"Passages  {n}: {_kind_counts(p.kind for p in c.passages)}")
    else:
        out.append("Passages  none")
    if n and top > 0:
        ranked = sorted(range(n), key=lambda i: (-_passage_size(c.passages[i]), i))
        shown = ranked[:top]
        out.append("Top passages (largest first)")
        excerpt_len = max(min(80, width - 12), 10)
        for rank, i in enumerate(shown, 1):
            p = c.passages[i]
            out.append(f"  {rank}. {clean(p.kind)}  score {p.score:.2f}")
            if p.reasons:
                out.append(f"     why: {cut(clean('; '.join(p.reasons)), max(width - 10, 20))}")
            for d, letter in enumerate(_LETTERS):
                spans = p.spans[d]
                out.append(f"     {letter} {_ranges(spans)}  ({p.chars(d):,} chars)")
                out.append(f'       "{excerpt(docs[d].text, spans, excerpt_len)}"')
        if n > len(shown):
            out.append(f"  … and {n - len(shown)} more")
    if glossary:
        out += ["", "Terms"]
        kinds = {p.kind for p in c.passages}
        terms = [(KIND_LABELS[k], KIND_TERMS[k]) for k in PASSAGE_KINDS if k in kinds]
        terms += list(TERMS.items())
        out += _wrap_bullets((f"{term}: {meaning}" for term, meaning in terms), width, "  ", "• ")
    return "\n".join(out).rstrip() + "\n"
