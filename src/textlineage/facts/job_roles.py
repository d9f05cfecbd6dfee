"""A job said with "as" put for another: "employed as a transport planner" → "worked as a
transport manager".

:mod:`.roles` reads the role a text gives a name (before it or in an appositive). A job is
also said after "as" ("she worked as a nurse", "joined as chief engineer"), away from the
name. When both texts say one such job in sentences that say the same thing (they share
:data:`~.match_slots.MIN_SHARED` content words), ending in a role noun (a title, a job
noun, or an agent noun: "planner", "inspector", "economist"), and the two jobs differ,
that is the person's ``title`` changed.
"""

from __future__ import annotations

import regex

from ..text.normalise import fold
from ..types import Fact, FactLink
from .items import Result
from .match_slots import MIN_SHARED, terms_by_sentence
from .roles import JOB_NOUNS
from .vocab import name_vocab

_AS_RE = regex.compile(
    r"(?<![\p{L}])as[ \u00a0]+(?:(?:a|an|the|its|their|his|her)[ \u00a0]+)?"
    r"(?P<job>\p{Ll}[\p{Ll}-]+(?:[ \u00a0]+\p{Ll}[\p{Ll}-]+){0,2})"
)
""""as", an article, and up to three lower-case words: the job, cut after its role noun."""
_WORD_RE = regex.compile(r"\p{Ll}[\p{Ll}-]+")
_AGENT_ENDINGS = ("er", "or", "ist", "ian")
_NOT_NOUNS = frozenset(
    {"ever", "never", "other", "under", "after", "over", "rather", "either", "later", "number"}
)


def _role_noun(word: str) -> bool:
    if word in _NOT_NOUNS:
        return False
    if word in JOB_NOUNS or word in name_vocab("en").titles:
        return True
    return len(word) >= 5 and word.endswith(_AGENT_ENDINGS)  # not "for", "after" is listed


def _jobs(text: str, doc: int) -> list[Fact]:
    """The jobs said with "as" in ``text``, each cut after its last role noun."""
    out = []
    for m in _AS_RE.finditer(text):
        words = list(_WORD_RE.finditer(text, m.start("job"), m.end("job")))
        while words and not _role_noun(words[-1].group()):
            words.pop()
        if not words or words[-1].group().endswith("-"):
            continue
        start, end = words[0].start(), words[-1].end()
        if regex.match(r"[ \u00a0]+of\b", text[end : end + 4]):
            continue  # "as head of reptiles": a role :mod:`.roles` reads with its name
        t = text[start:end]
        out.append(Fact("person", t, (start, end), doc, " ".join(fold(t).split())))
    return out


def job_changes(texts: tuple[str, str], docs: tuple[int, int], res: Result) -> None:
    """Report a job said with "as" in both texts, in sentences saying the same thing, put
    for another, as a ``title`` change (see the module's rules)."""
    src, der = _jobs(texts[0], docs[0]), _jobs(texts[1], docs[1])
    if not src or not der:
        return
    sterms, dterms = terms_by_sentence(texts[0]), terms_by_sentence(texts[1])
    pairs = [
        (sf, df) for sf in src for df in der if len((sterms(sf) & dterms(df)).keys()) >= MIN_SHARED
    ]
    if len(pairs) != 1 or pairs[0][0].value == pairs[0][1].value:
        return
    sf, df = pairs[0]
    note = f"job '{sf.text}' → '{df.text}'"
    res.changed.append(FactLink("person", sf, df, note, "title", "", True))
