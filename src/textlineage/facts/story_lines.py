"""Added facts on a line that is no sentence: page furniture, not the story.

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

Only added facts: a source's short lines (a signature block, a spec list, a results table)
hold facts that a derived text may drop or change, and those lines are what the other
checks read.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import islice

import regex

from ..types import Fact
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
    held = {f.span for f in res.added}
    held.update(k.derived.span for k in (*res.kept, *res.changed))
    out: list[Fact] = []
    for f in res.added:
        if not off_story(derived_text, f.span[0], start, sep):
            out.append(f)
            continue
        again = next(
            (
                it.fact
                for it in der
                if it.fact.value
                and it.fact.value == f.value
                and it.fact.kind == f.kind
                and it.fact.span not in held
                and not off_story(derived_text, it.fact.span[0], start, sep)
            ),
            None,
        )
        if again is not None:
            held.add(again.span)
            out.append(again)
    res.added[:] = out
