"""Facts on a line that is no sentence: page furniture, not the story.

A page scraped from the web holds, beside the story, lines a crawler keeps: menu items,
section labels, bylines, captions' credits, counters, prompts, related headlines. The
rules of :mod:`.furniture` know many such kinds by their words; new pages bring new kinds.
What all of them share is their shape: a line of a few words that does not end as a
sentence does. A fact the derived text adds is told in a sentence of the story; so an added
fact whose line is short (under :data:`SHORT` words) and ends with no sentence mark is not
reported (:func:`drop_added_off_story`).

After the story has begun, a line under :data:`LONG` words that ends with no sentence
mark is no sentence either (a related headline, a caption's credit, a prompt); before it,
such a line may be the headline, which can tell a fact of its own. A figure added on a line
that is no sentence and told again in the story is reported where the story tells it.

A text wrapped by hand (lines broken inside sentences: a line of prose that runs on into a
line opening in lower case, at least :data:`WRAPS` times) is read by paragraphs, blocks of
lines between blank lines, not by lines.

A source's short lines are read more narrowly (:func:`drop_dropped_off_story`): a fact
sheet's label with its value ("Cause: unknown"), an item of a list, a salutation and a
name after the story began (a signature) hold facts a derived text may drop; a fact
dropped on any other line under :data:`SHORT` words with no sentence mark (a masthead, a
menu, a byline, a section label) is not reported.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from itertools import islice

import regex

from ..types import Fact, Span
from .items import Item, Result

SHORT = 8
"""A line under this many words that ends with no sentence mark is no sentence."""
LONG = 16
"""A line of at least this many words is prose, whatever its end; below, a line that ends
with no sentence mark after the story has begun (a related headline, a caption's credit,
a prompt) is no sentence either. Before the story begins it may be the headline, which
may tell a fact of its own."""

WRAPS = 3
"""How many lines running on into a line opening in lower case make a text wrapped."""

_WORD_RE = regex.compile(r"[\p{L}\p{N}][\p{L}\p{M}\p{N}'’\-.,]*+")
_END_RE = regex.compile(r"[.!?:;…\"”’»)\]]\s*+$")
_RUN_ON_RE = regex.compile(r"[\p{L}\p{N},]\n[ \t]*+\p{Ll}")


def _line(text: str, pos: int, sep: str) -> str:
    a = text.rfind(sep, 0, pos)
    a = 0 if a < 0 else a + len(sep)
    b = text.find(sep, pos)
    return text[a : b if b >= 0 else len(text)].strip()


def _separator(text: str) -> str:
    """``"\n\n"`` for a text wrapped by hand, else ``"\n"``."""
    runs = sum(1 for _ in islice(_RUN_ON_RE.finditer(text), WRAPS))
    return "\n\n" if runs >= WRAPS else "\n"


def story_start(text: str, sep: str = "\n") -> int:
    """Where the story begins: the first line (``sep`` ends a line) of prose
    (:data:`LONG` words or more, or :data:`SHORT` or more ending with a sentence mark);
    the text's end if none."""
    pos = 0
    for line in text.split(sep):
        n = len(_WORD_RE.findall(line))
        if n >= LONG or (n >= SHORT and _END_RE.search(line.strip())):
            return pos
        pos += len(line) + len(sep)
    return len(text)


def off_story(text: str, pos: int, start: int, sep: str = "\n") -> bool:
    """Is the line (``sep`` ends a line) holding ``pos`` no sentence: under
    :data:`SHORT` words with no sentence mark at its end, or under :data:`LONG` words and
    after the story's ``start``?"""
    line = _line(text, pos, sep)
    if not line or _END_RE.search(line):
        return False
    n = len(_WORD_RE.findall(line))
    return n < SHORT or (n < LONG and pos > start)


def drop_added_off_story(res: Result, derived_text: str, der: Sequence[Item]) -> None:
    """Forget the added facts that stand on a short line that is no sentence; one the
    story tells again (a headline's figure: another mention of its kind and value on a
    line of the story, held by no report) is reported there."""
    if not res.added:
        return
    sep = _separator(derived_text)
    start = story_start(derived_text, sep)
    held = {k.derived.span for k in (*res.kept, *res.changed)}
    res.added[:] = _moved(
        res.added, der, held, lambda pos: off_story(derived_text, pos, start, sep)
    )


_LISTED_RE = regex.compile(r"[-•*–·]|\(?(?:\G|(?<!\d))\d++[.)]\s|(?i:dear)\b")


def _source_off(text: str, f: Fact, start: int, sep: str) -> bool:
    """Is a dropped fact on a source line under :data:`SHORT` words, with no sentence
    mark at its end, that is neither a label with its value ("Cause: unknown"), an item of
    a list, a salutation, nor a person's name after the story began (a signature)?"""
    line = _line(text, f.span[0], sep)
    if not line or _END_RE.search(line) or ":" in line[:-1] or _LISTED_RE.match(line):
        return False
    if f.kind == "person" and f.span[0] > start:
        return False
    return len(_WORD_RE.findall(line)) < SHORT


def drop_dropped_off_story(res: Result, source_text: str, src: Sequence[Item]) -> None:
    """Forget the dropped facts that stand on a short source line that is no sentence
    (:func:`_source_off`: a masthead, a menu, a byline, a label); one the story tells
    again is reported there."""
    if not res.dropped:
        return
    sep = _separator(source_text)
    start = story_start(source_text, sep)
    held = {k.source.span for k in (*res.kept, *res.changed)}
    res.dropped[:] = _moved(
        res.dropped,
        src,
        held,
        lambda pos: off_story(source_text, pos, start, sep),
        lambda f: _source_off(source_text, f, start, sep),
    )


def _moved(
    facts: Sequence[Fact],
    items: Sequence[Item],
    held: set[Span],
    off: Callable[[int], bool],
    drop: Callable[[Fact], bool] | None = None,
) -> list[Fact]:
    """``facts`` without those ``drop`` (by default: ``off`` at the fact's start) says
    stand off the story, each replaced by another mention of its kind and value that
    stands on the story and that nothing holds, if there is one."""
    held = held | {f.span for f in facts}
    out: list[Fact] = []
    for f in facts:
        if not (drop(f) if drop is not None else off(f.span[0])):
            out.append(f)
            continue
        again = next(
            (
                it.fact
                for it in items
                if it.fact.value
                and it.fact.value == f.value
                and it.fact.kind == f.kind
                and it.fact.span not in held
                and not off(it.fact.span[0])
            ),
            None,
        )
        if again is not None:
            held.add(again.span)
            out.append(again)
    return out
