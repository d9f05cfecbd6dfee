"""A claim's modality changed with its verb: what a source says may happen stated as what
will happen, in other words ("Travel could be very difficult" → "The storm will make
travel impossible"; "Power outages are possible" → "Widespread power outages expected";
"some businesses might not survive" → "businesses will close").

:func:`~.claim_rules.hedge_shapes` finds a hedge dropped from a verb the other sentence
states in the same form; a rewrite that strengthens a claim often changes the verb too. So
here a clause is read for its modality alone, on a three-step scale: possible ("may",
"might", "could", "possible", "perhaps"), expected ("likely", "expected", "probably"),
certain ("will", "certain", "set to"); and a clause of one sentence is paired with the
clause of its aligned sentence that names the same things (two content words both hold,
by their stems). A pair whose modality differs by a step or more, with no marker of the same
step in the other's clause, is a change of strength (a sentence listing several warnings
holds several modalities, one a clause). The sentences given are the ones the fact
diff aligned (the best-matching sentence of a passage); the words are lower-cased tokens.
"""

from __future__ import annotations

from collections.abc import Sequence

from .claim_rules import AUX, Shape, counts_differ, verb_stem


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


POSSIBLE = _words("may might could possible possibly perhaps maybe potential")
"""Words that make a clause only possible."""
EXPECTED = _words("likely expected expects expect probably probable")
"""Words that make a clause what is expected."""
CERTAIN = _words("will certain definitely")
"""Words that make a clause certain ("will" as a modal: not before a noun)."""
MODAL_WORDS = POSSIBLE | EXPECTED | CERTAIN
"""All the words of the scale."""
_STEPS = {**{w: 1 for w in POSSIBLE}, **{w: 2 for w in EXPECTED}, **{w: 3 for w in CERTAIN}}
_NAMES = {1: "possible", 2: "expected", 3: "certain"}
_NOT_CONTENT = _words(
    "the and but for with from into over under about after before during than that this these those there their them they its his her she who which what when where while how also not are was were been being has have had does did would shall should can must our your you any all each every some such only very just even still then more most less much many few one said says say told according"
)
_MIN_SHARED_LEN = 4  # letters a shared content word needs to tie two clauses
_MIN_SHARED = 2  # content words two clauses must share to say the same thing
_BOUNDARIES = _words("and but or while whereas which who where when because")
"""Words that open another clause: a claim's words stop before them."""
_REACH = 8  # words of a clause around its modal word that are read and reported


def _content(w: str) -> bool:
    return (
        w.isalpha()
        and len(w) >= _MIN_SHARED_LEN
        and w not in _NOT_CONTENT
        and w not in AUX
        and w not in _STEPS
    )


_NOT_MODAL_AFTER = _words(
    "the a an his her their its free good ill than as if where wherever whenever best un"
)
"""Words after which a modality word is no modality: "the will of", "than expected", "as
soon as possible", "where possible", "the best possible"."""


def _markers(words: Sequence[str]) -> list[tuple[int, int]]:
    """(index, step) of each modality word of a sentence."""
    out = []
    for i, w in enumerate(words):
        step = _STEPS.get(w)
        if step is None or (i > 0 and words[i - 1] in _NOT_MODAL_AFTER):
            continue
        out.append((i, step))
    return out


def _window(
    words: Sequence[str], clause: Sequence[int], blocked: Sequence[bool], i: int
) -> tuple[int, int]:
    """The words of ``i``'s clause within :data:`_REACH` of it (end exclusive), up to a
    blocked word (a number, a date or a quotation: facts of their own)."""

    def joins(k: int) -> bool:
        return clause[k] == clause[i] and not blocked[k] and words[k] not in _BOUNDARIES

    lo = i
    while lo > 0 and i - lo < _REACH and joins(lo - 1):
        lo -= 1
    hi = i + 1
    while hi < len(words) and hi - i < _REACH and joins(hi):
        hi += 1
    return lo, hi


def _clause_stems(words: Sequence[str], clause: Sequence[int], i: int) -> set[str]:
    """The content stems of ``i``'s clause within :data:`_REACH` of it, numbers, dates and
    quotations included (what the clause is about)."""
    no = [False] * len(words)
    return _stems(words, *_window(words, clause, no, i))


def _stems(words: Sequence[str], lo: int, hi: int) -> set[str]:
    return {verb_stem(w) for w in words[lo:hi] if _content(w)}


def _closeness(words: Sequence[str], i: int, stems: set[str]) -> float:
    """How close to the modal word at ``i`` the words of ``stems`` stand (the sum of
    1 / (1 + distance) of their nearest occurrence): of two modal words of a sentence, the
    one next to what the clauses share is the one that says it."""
    near: dict[str, int] = {}
    for k, w in enumerate(words):
        st = verb_stem(w)
        if st in stems:
            near[st] = min(near.get(st, len(words)), abs(k - i))
    return sum(1 / (1 + d) for d in near.values())


def _clause_steps(marks: list[tuple[int, int]], clause: Sequence[int]) -> dict[int, set[int]]:
    """The steps of modality each clause of a sentence holds (by clause number)."""
    out: dict[int, set[int]] = {c: set() for c in clause}
    for i, step in marks:
        out[clause[i]].add(step)
    return out


def modal_shapes(
    a: Sequence[str],
    b: Sequence[str],
    clauses: tuple[Sequence[int], Sequence[int]],
    blocked: tuple[Sequence[bool], Sequence[bool]],
    min_steps: int = 1,
) -> list[Shape]:
    """Clauses of two aligned sentences (``a`` source, ``b`` derived: their words, each
    word's clause number, and whether it belongs to a number, a date or a quotation) that
    say the same thing with another modality: a step up is a hedge dropped, a step down a
    hedge added. One change per clause at most; a claim's words stop at a blocked word.
    ``min_steps``: how far apart on the scale two modalities must be to count."""
    out: list[Shape] = []
    used: set[int] = set()  # the source's clauses said: one change each
    wins: set[tuple[int, int]] = set()  # the derived claims said: one change each
    ma, mb = _markers(a), _markers(b)
    steps_a, steps_b = _clause_steps(ma, clauses[0]), _clause_steps(mb, clauses[1])
    for i, si in ma:
        if blocked[0][i] or clauses[0][i] in used:
            continue
        wa = _window(a, clauses[0], blocked[0], i)
        stems_a = _clause_stems(a, clauses[0], i)
        if not stems_a:
            continue
        best: tuple[float, int, int, tuple[int, int]] | None = None
        for j, sj in mb:
            if blocked[1][j] or _window(b, clauses[1], blocked[1], j) in wins:
                continue
            if si in steps_b[clauses[1][j]] or sj in steps_a[clauses[0][i]]:
                continue  # (the same modality in the other clause: not changed)
            if abs(sj - si) < min_steps or counts_differ(a, i, b, j):
                continue  # (subjects of two counts: two claims)
            wb = _window(b, clauses[1], blocked[1], j)
            common = stems_a & _clause_stems(b, clauses[1], j)
            if len(common) < _MIN_SHARED:
                continue
            shared = _closeness(b, j, common)
            if best is None or shared > best[0]:
                best = shared, j, sj, wb
        if best is None:
            continue
        _, j, sj, wb = best
        detail = "hedge_dropped" if sj > si else "hedge_added"
        note = f"'{a[i]}' → '{b[j]}': {_NAMES[si]} made {_NAMES[sj]}"
        out.append(Shape(wa, wb, "strength", detail, note))
        used.add(clauses[0][i])
        wins.add(wb)
    return out
