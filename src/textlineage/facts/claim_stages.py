"""A claim moved along a scale of stages: a suspect "arrested" said to be "charged" or
"convicted", a book "shortlisted" for a prize said to have "won" it, a patient "in a stable
condition" said to be "critical", results "in line with expectations" said to "beat" them,
advice ("recommends that the owners repair") said to be an order ("has ordered the owners
to repair").

These are the changes a rewrite makes most often to a story of a court, a prize, an
injury or a company's results, and a fact-checker's first question. Each scale lists its
stages in order; two aligned sentences whose clauses name stages of one scale at different
steps, about the same thing, have changed the claim. "About the same thing": for the
stages of a case or a prize, the two clauses share a content word besides the stage (the
offence, the prize); for a condition or an injury, both clauses say "condition" or
"injury" (their other words are the story's), and for results, both name what was
expected ("expectations", "forecasts", "guidance"). Moving up a scale makes the claim
stronger; moving down, weaker.

The words are the lower-cased tokens of the sentences; numbers, dates and quotations
(blocked) are facts of their own and are neither stages nor reported here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .claim_modals import _window
from .claim_rules import Shape, verb_stem


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _steps(spec: str) -> dict[str, int]:
    """``"a b; c"`` → ``{"a": 1, "b": 1, "c": 2}``: stages in order, ``;`` between steps."""
    return {w: n for n, part in enumerate(spec.split(";"), 1) for w in part.split()}


@dataclass(frozen=True)
class Scale:
    """Stages of one kind, in order, and what two clauses must share to be about one
    thing: ``objects`` (a word of them on each side) or, when empty, a content word."""

    name: str
    steps: Mapping[str, int]
    objects: frozenset[str] = frozenset()
    step_names: tuple[str, ...] = ()


SCALES: tuple[Scale, ...] = (
    Scale(
        "case",
        _steps(
            "suspicion suspected questioned detained arrested; charged indicted prosecuted"
            "; convicted guilty sentenced jailed imprisoned"
        ),
        step_names=("suspected or arrested", "charged", "convicted"),
    ),
    Scale(
        "prize",
        _steps("longlisted longlist; shortlisted shortlist nominated finalist; won winner wins"),
        step_names=("longlisted", "shortlisted", "won"),
    ),
    Scale(
        "harm",
        _steps("minor stable; serious severe; critical life-threatening life-changing; fatal"),
        _words("condition injury injuries injured hurt wounds wounded"),
        ("minor or stable", "serious", "critical", "fatal"),
    ),
    Scale(
        "directive",
        _steps(
            "suggest suggests suggested advise advises advised recommend recommends"
            " recommended urge urges urged; told tells ordered orders instructed instructs"
            " required requires directed"
        ),
        step_names=("advised", "told"),
    ),
    Scale(
        "results",
        _steps("below short miss missed; line; ahead above beat beats exceed exceeded"),
        _words("expectations expectation forecast forecasts guidance consensus estimates"),
        ("below expectations", "in line with them", "above them"),
    ),
)

_NOT_CONTENT = _words(
    "the and but for with from into over under about after before during than that this "
    "these those there their them they its his her she who which what when where while "
    "also not are was were been being has have had does did would will could should may "
    "said says told"
)


def _content(w: str) -> bool:
    return w.isalpha() and len(w) >= 4 and w not in _NOT_CONTENT


def _marks(
    words: Sequence[str], blocked: Sequence[bool], scale: Scale
) -> list[tuple[int, int, str]]:
    """(index, step, word) of each stage word of a sentence."""
    out = []
    for i, w in enumerate(words):
        step = scale.steps.get(w)
        if step is None and i + 1 < len(words):  # "life-changing": two tokens
            w = f"{w}-{words[i + 1]}"
            step = scale.steps.get(w)
        if step is None or blocked[i]:
            continue
        if w == "line" and not (i and words[i - 1] == "in" and i + 1 < len(words)):
            continue  # "in line with": the only "line" read
        out.append((i, step, w))
    return out


def _about(words: Sequence[str], lo: int, hi: int, scale: Scale) -> set[str]:
    """What a clause's words are about: the scale's own things (any of its object words:
    "condition" and "injuries" are one patient's), or its content stems."""
    span = words[lo:hi]
    if scale.objects:
        return {scale.name} if not scale.objects.isdisjoint(span) else set()
    return {verb_stem(w) for w in span if _content(w) and w not in scale.steps}


def _names_blocked(blocked: Sequence[bool], lower: Sequence[bool]) -> list[bool]:
    return [x or (k > 0 and not low) for k, (x, low) in enumerate(zip(blocked, lower, strict=True))]


def stage_shapes(
    a: Sequence[str],
    b: Sequence[str],
    clauses: tuple[Sequence[int], Sequence[int]],
    blocked: tuple[Sequence[bool], Sequence[bool]],
    lower: tuple[Sequence[bool], Sequence[bool]] | None = None,
) -> list[Shape]:
    """Clauses of two aligned sentences (``a`` source, ``b`` derived) naming stages of one
    scale at different steps, about the same thing: a change of strength, one per clause.
    A claim's words stop at a ``blocked`` word (a number, a date, a quotation, a name);
    what a clause is about is read from all its words (the prize is a name). ``lower``:
    whether each word is written in lower case; a capitalised one after the first is a
    name, which blocks a claim too."""
    if lower is not None:
        blocked = (_names_blocked(blocked[0], lower[0]), _names_blocked(blocked[1], lower[1]))
    out: list[Shape] = []
    used: tuple[set[int], set[int]] = (set(), set())
    free = ([False] * len(a), [False] * len(b))  # what a clause is about: all its words
    for scale in SCALES:
        ma, mb = _marks(a, blocked[0], scale), _marks(b, blocked[1], scale)
        if not ma or not mb:
            continue
        steps_a, steps_b = {s for _, s, _ in ma}, {s for _, s, _ in mb}
        for i, si, wi in ma:
            if clauses[0][i] in used[0] or si in steps_b:
                continue
            wa = _window(a, clauses[0], blocked[0], i)
            about = _about(a, *_window(a, clauses[0], free[0], i), scale)
            if not about:
                continue
            for j, sj, wj in mb:
                if clauses[1][j] in used[1] or sj in steps_a:
                    continue
                wb = _window(b, clauses[1], blocked[1], j)
                if not about & _about(b, *_window(b, clauses[1], free[1], j), scale):
                    continue
                names = scale.step_names
                note = f"'{wi}' → '{wj}'"
                if names:
                    note += f": {names[si - 1]} made {names[sj - 1]}"
                detail = "stage_up" if sj > si else "stage_down"
                out.append(Shape(wa, wb, "strength", detail, note))
                used[0].add(clauses[0][i])
                used[1].add(clauses[1][j])
                break
    return out


_SUSPICION = (("on", "suspicion", "of"), ("suspected", "of"), ("accused", "of"), ("alleged",))
"""Phrases that make what follows a suspicion ("arrested on suspicion of arson")."""
_SUSPICION_WORDS = frozenset(w for p in _SUSPICION for w in p if w not in ("on", "of"))
_SUSPICION_REACH = 10  # words after the phrase that say what is suspected
_SUSPICION_ENDS = _words(
    "before after when while during until and but because since where who whom which that"
)
"""Words that end what is suspected ("what she was accused of before her hearing")."""
_MIN_RUN = 2  # words in a row the other sentence must state of it


def _suspicions(
    words: Sequence[str], clause: Sequence[int], blocked: Sequence[bool]
) -> list[tuple[int, int, int]]:
    """(phrase start, what is suspected: start, end) of each suspicion of a sentence,
    inside its clause."""
    out = []
    for i in range(len(words)):
        for phrase in _SUSPICION:
            if tuple(words[i : i + len(phrase)]) != phrase:
                continue
            lo = hi = i + len(phrase)
            while (
                hi < len(words)
                and hi - lo < _SUSPICION_REACH
                and not blocked[hi]
                and clause[hi] == clause[i]
                and words[hi] not in _SUSPICION_ENDS
            ):
                hi += 1
            if hi > lo:
                out.append((i, lo, hi))
            break
    return out


def _stated_run(x: Sequence[str], lo: int, hi: int, y: Sequence[str]) -> tuple[int, int] | None:
    """Where ``y`` states :data:`_MIN_RUN` or more content words of ``x[lo:hi]`` in a row
    (the first such run), or None."""
    for i in range(lo, hi - _MIN_RUN + 1):
        first = x[i : i + _MIN_RUN]
        if not all(_content(w) for w in first):
            continue
        for j in range(len(y) - _MIN_RUN + 1):
            if list(y[j : j + _MIN_RUN]) == list(first):
                return j, j + _MIN_RUN
    return None


def suspicion_shapes(
    a: Sequence[str],
    b: Sequence[str],
    clauses: tuple[Sequence[int], Sequence[int]],
    blocked: tuple[Sequence[bool], Sequence[bool]],
) -> list[Shape]:
    """A suspicion in one sentence ("arrested on suspicion of causing injury by dangerous
    driving") that the other states as a fact ("arrested for dangerous driving"): two
    content words of what is suspected, in a row, in a clause of the other sentence with
    no suspicion in it. A hedge dropped (or added)."""
    out: list[Shape] = []
    for (x, y, cx, cy, bx), dropped in (
        ((a, b, clauses[0], clauses[1], blocked[0]), True),
        ((b, a, clauses[1], clauses[0], blocked[1]), False),
    ):
        for start, lo, hi in _suspicions(x, cx, bx):
            run = _stated_run(x, lo, hi, y)
            if run is None:
                continue
            clause = [m for m in range(len(y)) if cy[m] == cy[run[0]]]
            if any(y[m] in _SUSPICION_WORDS for m in clause):
                continue
            hedged = (start, hi)
            # the stated words, with the preposition that ties them to the verb ("for")
            tie = run[0] > clause[0] and y[run[0] - 1] in ("for", "with", "of")
            plain = (run[0] - 1 if tie else run[0], run[1])
            phrase = " ".join(x[start:lo])
            if dropped:
                note = f"hedge '{phrase}' dropped"
                out.append(Shape(hedged, plain, "strength", "hedge_dropped", note))
            else:
                note = f"hedge '{phrase}' added"
                out.append(Shape(plain, hedged, "strength", "hedge_added", note))
    return out
