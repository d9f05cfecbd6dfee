"""Changes of a claim's strength that a small word edit does not show, read in two aligned
sentences (:mod:`.match_claims` finds the sentences and the small edits):

- a hedged verb stated as fact, or the reverse: "the details may have been stolen" →
  "hackers stole the details", "is thought to have begun" → "began" (the same verb, by its
  base form, with a hedge on one side only);
- a negation dropped or added around words both sentences share: "did not believe that
  card numbers had been accessed" → "card numbers were taken" (``reversed``);
- the scope of a superlative changed: "the third-fastest time" → "one of the fastest
  times", "the fastest time of the year" → "the fastest time ever".

Each rule gives token ranges of the two sentences (:class:`Shape`); the words are folded
tokens (:func:`~textlineage.text.normalise.tokenize`).
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache

from .vocab import SMALL_NUM, STOP, TENS_NUM


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


MODALS = _set("may might could")
"""Modal verbs that make what follows possible rather than stated."""
HEDGE_ADVERBS = _set(
    """reportedly allegedly apparently purportedly possibly probably perhaps likely
    usually normally typically"""
)
"""Adverbs that make a verb's claim possible, second-hand or only what is usual ("is
usually split" → "will be split" states what will happen)."""
CONDITIONS = _set("where wherever if when whenever")
CONDITION_ENDS = _set("possible practicable feasible practical")
"""A condition that makes a rule or a promise hold only as far as it can ("where
possible", "if practicable"): dropped, the claim is stated without reserve."""


def with_conditions(hedges: list[str], words: Sequence[str]) -> list[str]:
    """``hedges`` (found in ``words``) with the hedges of condition ``words`` hold ("where
    possible") put for the single words they close ("possible")."""
    pairs = itertools.pairwise(words)
    found = [f"{a} {b}" for a, b in pairs if a in CONDITIONS and b in CONDITION_ENDS]
    ends = {p.split()[1] for p in found}
    return [h for h in hedges if h not in ends] + found


HEDGE_VERBS = _set(
    """said believed thought reported alleged understood expected feared likely unlikely
    set due poised scheduled supposed planned"""
)
"""Verbs and adjectives that hedge after a form of "be" with "to" ("is thought to have
begun", "was likely to rise", "is expected to sign")."""
INTENT_VERBS = _set(
    """plan plans planned planning intend intends intended intending aim aims aimed aiming
    hope hopes hoped hoping expect expects expected expecting propose proposes proposed
    proposing seek seeks sought seeking promise promises promised
    pledge pledges pledged vow vows vowed threaten threatens threatened want wants wanted
    try tries tried trying"""
)
"""Verbs that say what someone means or hopes to do, with "to" ("plan to refloat the
ship"): the deed stated as done or certain ("will be refloated") is a stronger claim."""
EXPECT_OBJECT = _set("expect expects expected expecting")
"""Verbs that put a hedge on what their object is to do ("expects the line to carry"): the
deed stated as certain ("the line will carry") is a stronger claim."""
_MAX_RAISED = 4  # words of the object between such a verb and its "to"
CONSIDER = _set("consider considers considered considering weigh weighs weighed weighing")
"""Verbs that put an action in doubt with "whether to" or a gerund ("was considering
whether to seek leave to appeal", "would consider asking")."""
AUX = _set("have has had be been being is are was were will would shall do does did also still")
"""Auxiliaries (and the adverbs found among them) of a verb group."""
_DETERMINERS = _set("the a an this that these those its their his her our my your")
NEGATIONS = _set("not never cannot")
"""Words that negate a clause (and every "n't" contraction)."""
_ANY_NEGATION = NEGATIONS | _set(
    "no none nothing neither nor without denied deny denies prohibited banned forbidden barred"
)
"""Words that negate a clause, a prohibition among them ("parking is prohibited" says
"no parking")."""
_ORDINALS = _set("second third fourth fifth sixth seventh eighth ninth tenth")
_SCOPE_OPENERS = _set("of in on ever since this so yet")
_ABSOLUTE_SCOPE = _set("ever history record records all-time")
"""Words of a superlative's scope that leave nothing out ("ever", "on record")."""
_CLAUSE_ENDS = _set(
    """because since as while although though whereas when after before if unless until
    which who whom and or but so"""
)
_PREPOSITIONS = _set("to of in on for from at by with into onto over under about across")
_NEGATION_REACH = 4  # words after a negation within which the shared words must start
_NOT_SUPERLATIVES = _set(
    """interest forest test west rest protest request chest nest guest arrest honest modest
    harvest contest quest suggest invest manifest digest attest pest vest crest priest
    conquest unrest inquest behest earnest lest zest"""
)
_PERIPHRASTIC = _set("most least")
_POSSESSIVES = _set("its their his her our my your")
_SAME_SUPERLATIVE = {"biggest": "largest", "greatest": "largest"}
"""Superlatives of one sense, compared as one ("the biggest" / "the largest")."""
_MAX_GAP = 4  # words between a hedge and its verb ("may have been stolen")
COMMON_VERBS = _set(
    """ask bring call change come find follow get give help hold join keep know lead learn
    leave live look make move need put read run see share show sign speak stand start stop
    take tell think turn use watch write"""
)
"""Verbs the stop words hold (too common to read a name by) that a hedge still governs
("is expected to sign", "may need")."""

_IRREGULAR_VERBS = """arise arose arisen; be was were been is are am; bear bore borne;
beat beat beaten; become became; begin began begun; bite bit bitten; blow blew blown;
break broke broken; bring brought; build built; buy bought; catch caught; choose chose
chosen; come came; deal dealt; dig dug; do did done does; draw drew drawn; drive drove
driven; eat ate eaten; fall fell fallen; feel felt; fight fought; find found; flee fled;
fly flew flown; forbid forbade forbidden; forget forgot forgotten; forgive forgave
forgiven; freeze froze frozen; get got gotten; give gave given; go went gone goes; grow
grew grown; hang hung; have has had; hear heard; hide hid hidden; hold held; keep kept;
know knew known; lay laid; lead led; leave left; lend lent; lie lay lain; lose lost; make
made; mean meant; meet met; overtake overtook overtaken; pay paid; ride rode ridden; ring
rang rung; rise rose risen; run ran; say said; see saw seen; seek sought; sell sold; send
sent; shake shook shaken; shoot shot; show showed shown; sing sang sung; sink sank sunk;
sit sat; sleep slept; speak spoke spoken; spend spent; stand stood; steal stole stolen;
strike struck; swear swore sworn; swim swam swum; take took taken; teach taught; tear
tore torn; tell told; think thought; throw threw thrown; understand understood; wake woke
woken; wear wore worn; win won; withdraw withdrew withdrawn; write wrote written"""


def _irregular() -> dict[str, str]:
    out: dict[str, str] = {}
    for group in _IRREGULAR_VERBS.split(";"):
        forms = group.split()
        for f in forms:
            out.setdefault(f, forms[0])
    return out


_BASE = _irregular()


@lru_cache(maxsize=4096)
def verb_stem(word: str) -> str:
    """A form all the inflections of an English verb share ("stolen", "stole" → "steal";
    "arrested", "arrests" → "arrest"; "closing", "closed" → "clos"): for comparing verbs,
    not for showing."""
    if word in _BASE:
        return _BASE[word]
    w = word
    for suffix, repl in (
        ("ies", "y"),
        ("ied", "y"),
        ("ing", ""),
        ("ed", ""),
        ("es", ""),
        ("s", ""),
    ):
        if w.endswith(suffix) and len(w) - len(suffix) >= 3:
            w = w[: len(w) - len(suffix)] + repl
            break
    if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "aeiouls":
        w = w[:-1]  # stopped → stop
    return w[:-1] if len(w) > 3 and w.endswith("e") else w


@dataclass(frozen=True)
class Shape:
    """A change found in two sentences: token ranges (end exclusive) of each, its label
    and detail (:data:`~textlineage.types.STRENGTH_DETAILS`) and a note in words."""

    src: tuple[int, int]
    der: tuple[int, int]
    label: str
    detail: str
    note: str


def _negation(w: str) -> bool:
    return w in NEGATIONS or w.endswith("n't")


def _content(w: str) -> bool:
    return w.isalpha() and len(w) > 2 and w not in STOP and w not in AUX


def _hedged_verbs(words: Sequence[str]) -> list[tuple[int, int, str]]:
    """The hedged verbs of a sentence: (where the hedge starts, the verb's index, the
    hedge's words): "may have been stolen", "is thought to have begun", "reportedly
    arrested"."""
    out: list[tuple[int, int, str]] = []
    n = len(words)
    for i, w in enumerate(words):
        start, j = i, -1
        nxt = words[i + 1] if i + 1 < n else ""
        if w in MODALS or (w in HEDGE_ADVERBS and nxt != "to"):
            j = i + 1
        elif w in HEDGE_VERBS and nxt == "to" and i > 0 and words[i - 1] in AUX:
            start, j = i - 1, i + 2
        elif w in INTENT_VERBS and nxt == "to":
            start, j = _aux_start(words, i), i + 2
        elif w in EXPECT_OBJECT and (to := _object_to(words, i)):
            start, j = _aux_start(words, i), to + 1  # "expects the line to carry"
        elif w in CONSIDER and nxt == "whether" and i + 2 < n and words[i + 2] == "to":
            start, j = _aux_start(words, i), i + 3
        elif w in CONSIDER and nxt.endswith("ing") and len(nxt) > 5:
            start, j = _aux_start(words, i), i + 1
        if j < 0:
            continue
        k = j
        while k < n and k - j < _MAX_GAP and words[k] in AUX:
            k += 1
        if k < n and (_content(words[k]) or words[k] in COMMON_VERBS) and not _negation(words[k]):
            out.append((start, k, " ".join(words[start:j])))
    return out


def _object_to(words: Sequence[str], i: int) -> int:
    """The "to" after the object of the verb at ``i`` ("expects the new line to"), a few
    words on at most; 0 for none."""
    for m in range(i + 1, min(len(words) - 1, i + 2 + _MAX_RAISED)):
        w = words[m]
        if w == "to":
            return m if m > i + 1 else 0
        if not w.isalpha() or w in AUX or w in _CLAUSE_ENDS or w == "that" or _negation(w):
            return 0
    return 0


def _scope_verbs(words: Sequence[str], k: int) -> list[int]:
    """The hedged verb at ``k`` and the verb of a "to" clause right after it ("seek leave
    to appeal": "seek", then "appeal"), which a rewrite may state instead."""
    out = [k]
    for m in range(k + 1, min(len(words) - 1, k + 4)):
        if words[m] == "to" and _content(words[m + 1]):
            out.append(m + 1)
            break
        if words[m] in _CLAUSE_ENDS:
            break
    return out


def _hedged_before(words: Sequence[str], k: int) -> bool:
    """Is the word at ``k`` hedged, or negated, by a word at most a few words before?"""
    lo = max(0, k - _MAX_GAP - 2)
    for m in range(lo, k):
        w = words[m]
        if w in MODALS or w in HEDGE_ADVERBS or _negation(w):
            return True
        if w == "should" and m == _aux_start(words, k) - 1:
            return True  # "should be lifted": what is expected, not what is stated
        if (w in HEDGE_VERBS or w in INTENT_VERBS) and words[m + 1] == "to":
            return True  # "said to", not "said a mediator would be appointed"
    return False


def _permission(x: Sequence[str], k: int, y: Sequence[str], m: int) -> bool:
    """Is "may" right before the verb at ``k`` a permission the other sentence gives with
    "can" right before the same verb ("guests may bring a friend" / "you can bring a
    friend")? Not "may be able to" ("may be able to assist" / "can assist": a hedge dropped)."""
    return k > 0 and m > 0 and x[k - 1] == "may" and y[m - 1] == "can"


_SUBJECT_NOUNS = 2  # words of a subject between its count and its verb group
_COUNT_WORDS = {**SMALL_NUM, **TENS_NUM}
_NOT_SUBJECT = _set("after before until since at by on in from to for with of")
"""Words before a number that make it no subject's count ("after 9", "by 2030")."""


def _count_before(words: Sequence[str], k: int) -> float | None:
    """The count of the subject right before the verb group at ``k`` ("3,150 runners
    are expected", "four runners will"), or None."""
    j, n = k - 1, 0
    while j >= 0 and n < _SUBJECT_NOUNS and _content(words[j]) and words[j] not in _COUNT_WORDS:
        j, n = j - 1, n + 1
    if j < 0 or n == 0 or (j > 0 and words[j - 1] in _NOT_SUBJECT):
        return None
    w = words[j]
    if w in _COUNT_WORDS:
        return float(_COUNT_WORDS[w])
    digits = w.replace(",", "")
    return float(digits) if digits.isdigit() else None


def counts_differ(x: Sequence[str], start: int, y: Sequence[str], m: int) -> bool:
    """Do the verb group opening at ``start`` (a hedged verb's) and the verb at ``m`` (of
    the other sentence) have subjects of two different counts ("about 3,150 runners are expected to finish"
    / "four runners will finish in fancy dress")? Then they are two claims."""
    a, b = _count_before(x, _aux_start(x, start)), _count_before(y, _aux_start(y, m))
    return a is not None and b is not None and a != b


def _aux_start(words: Sequence[str], k: int) -> int:
    """Where the verb group ending at ``k`` starts ("were taken": at "were")."""
    while k > 0 and words[k - 1] in AUX:
        k -= 1
    return k


def hedge_shapes(a: Sequence[str], b: Sequence[str]) -> list[Shape]:
    """A verb hedged in one sentence and stated in the other (its base form the same, not
    used as a noun after a determiner)."""
    out: list[Shape] = []
    for (x, y), dropped in (((a, b), True), ((b, a), False)):
        for start, k0, hedge in _hedged_verbs(x):
            found = None
            for k in _scope_verbs(x, k0):
                stem = verb_stem(x[k])
                for m, w in enumerate(y):
                    if not w.isalpha() or verb_stem(w) != stem or _hedged_before(y, m):
                        continue
                    if m > 0 and (y[m - 1] in _DETERMINERS or y[m - 1] in _PREPOSITIONS):
                        continue  # a noun, or an infinitive: nothing stated
                    if _permission(x, k, y, m) or counts_differ(x, start, y, m):
                        continue
                    found = k, m
                    break
                if found is not None:
                    break
            if found is not None:
                k, m = found
                hedged, plain = (start, k + 1), (_aux_start(y, m), m + 1)
                if dropped:
                    note = f"hedge '{hedge}' dropped"
                    out.append(Shape(hedged, plain, "strength", "hedge_dropped", note))
                else:
                    note = f"hedge '{hedge}' added"
                    out.append(Shape(plain, hedged, "strength", "hedge_added", note))
    return out


def negation_shapes(
    a: Sequence[str], b: Sequence[str], clauses: tuple[Sequence[int], Sequence[int]]
) -> list[Shape]:
    """A clause negated in one sentence whose words (two content words in a row at
    least) the other states with no negation in its clause. ``clauses``: the clause
    number of each token of ``a`` and of ``b``."""
    out: list[Shape] = []
    for (x, y, cx, cy), dropped in (
        ((a, b, *clauses), True),
        ((b, a, clauses[1], clauses[0]), False),
    ):
        for i, w in enumerate(x):
            if not _negation(w):
                continue
            end = i + 1
            while end < len(x) and cx[end] == cx[i] and x[end] not in _CLAUSE_ENDS:
                end += 1
            run = _shared_run(x[i + 1 : end], y)
            if run is None or run[0] >= _NEGATION_REACH:
                continue
            xs, xe, ys = i + 1 + run[0], i + 1 + run[1], run[2]
            if ys > 0 and y[ys - 1] in _PREPOSITIONS:
                continue  # "roads to remote areas": not what the clause states
            clause = [m for m in range(len(y)) if cy[m] == cy[ys]]
            if any(y[m] in _ANY_NEGATION or _negation(y[m]) for m in clause):
                continue
            neg = (_aux_start(x, i), end)
            pos = (ys, max(m for m in clause) + 1)
            phrase = " ".join(x[xs:xe])
            if dropped:
                out.append(Shape(neg, pos, "reversed", "", f"negation dropped ('{phrase}')"))
            else:
                out.append(Shape(pos, neg, "reversed", "", f"negation added ('{phrase}')"))
    return out


NEGATING_DETERMINERS = _set("no neither none nobody nothing")
"""Words that negate a clause through what it is about ("no cases have been confirmed")."""


def none_shapes(
    a: Sequence[str], b: Sequence[str], clauses: tuple[Sequence[int], Sequence[int]]
) -> list[Shape]:
    """A clause that says there is none of something ("no cases have been confirmed")
    where the other sentence states it with no negation in its clause ("health workers
    have confirmed cholera cases"): the thing negated (the content word after the
    negating word) and another content word of the clause, by their stems, in any order.
    ``clauses``: the clause number of each token of ``a`` and of ``b``."""
    out: list[Shape] = []
    for (x, y, cx, cy), dropped in (
        ((a, b, *clauses), True),
        ((b, a, clauses[1], clauses[0]), False),
    ):
        for i, w in enumerate(x):
            if w not in NEGATING_DETERMINERS or i + 1 >= len(x) or not _content(x[i + 1]):
                continue
            end = i + 1
            while end < len(x) and cx[end] == cx[i] and x[end] not in _CLAUSE_ENDS:
                end += 1
            thing = verb_stem(x[i + 1])
            stems = {verb_stem(v) for v in x[i + 1 : end] if _content(v)}
            best: tuple[int, int] | None = None
            for c in sorted(set(cy)):
                clause = [m for m in range(len(y)) if cy[m] == c]
                words = [y[m] for m in clause]
                found = {verb_stem(v) for v in words if _content(v)} & stems
                if thing not in found or len(found) < 2:
                    continue
                if any(v in _ANY_NEGATION or _negation(v) for v in words):
                    continue
                if best is None or len(found) > best[0]:
                    best = len(found), c
            if best is None:
                continue
            # each side from its first to its last shared word (the negating word first)
            shared = {verb_stem(v) for v in y if _content(v)} & stems
            at_y = [m for m in range(len(y)) if cy[m] == best[1] and verb_stem(y[m]) in shared]
            at_x = [k for k in range(i + 1, end) if verb_stem(x[k]) in shared]
            neg, pos = (i, max(at_x) + 1), (min(at_y), max(at_y) + 1)
            if dropped:
                out.append(Shape(neg, pos, "reversed", "", f"negation dropped ('{w} {x[i + 1]}')"))
            else:
                out.append(Shape(pos, neg, "reversed", "", f"negation added ('{w} {x[i + 1]}')"))
    return out


def _shared_run(x: Sequence[str], y: Sequence[str]) -> tuple[int, int, int, int] | None:
    """The longest run of words ``x`` and ``y`` share, if it holds two content words."""
    m = SequenceMatcher(None, list(x), list(y), autojunk=False).find_longest_match()
    if sum(_content(w) for w in x[m.a : m.a + m.size]) < 2:
        return None
    return m.a, m.a + m.size, m.b, m.b + m.size


@dataclass(frozen=True)
class _Superlative:
    word: str
    start: int
    end: int
    rank: str
    scope: tuple[str, ...]


def _superlatives(words: Sequence[str], clause: Sequence[int]) -> list[_Superlative]:
    """The superlatives of a sentence with their rank ("third", "one of") and scope ("of
    the year", "ever", "in history"), which ends with its clause (``clause``: the clause
    number of each word)."""
    out = []
    n = len(words)
    for i, w in enumerate(words):
        # "the most significant": a superlative of two words, the adjective's the word
        two = w in _PERIPHRASTIC and i + 1 < n and words[i + 1].isalpha() and _content(words[i + 1])
        if not two and (
            not (w.endswith("est") and len(w) > 5 and w.isalpha()) or w in _NOT_SUPERLATIVES
        ):
            continue
        start, rank = i, ""
        if i > 0 and words[i - 1] in _ORDINALS:
            start, rank = i - 1, words[i - 1]
        if start > 0 and words[start - 1] == "the":
            start -= 1
            if start >= 2 and words[start - 2 : start] == ["one", "of"]:
                start, rank = start - 2, "one of"
        elif start > 0 and words[start - 1] in _POSSESSIVES:
            start -= 1  # an owner's superlative: "its largest yield", "their best year"
        elif start == i:
            continue  # "-est" with neither "the" nor a rank before it: no superlative
        if two:
            w = f"{w} {words[i + 1]}"
            i += 1
        k = i + 1
        while (
            k < n and k - i <= 2 and clause[k] == clause[i] and _content(words[k])
            and words[k] not in _SCOPE_OPENERS
        ):  # fmt: skip
            k += 1  # the noun ("time", "marathon times")
        scope: list[str] = []
        if k < n and words[k] in _SCOPE_OPENERS and clause[k] == clause[i]:
            e = k + 1
            while (
                e < n and e - k < 4 and clause[e] == clause[i] and words[e].isalpha()
                and words[e] not in _SCOPE_OPENERS
            ):  # fmt: skip
                e += 1
            scope = list(words[k:e]) if words[k] != "ever" else ["ever"]
            if e < n and clause[e] == clause[i] and not words[e].isalpha():
                scope = []  # "since 2008", "in the past 15 years": a span not compared
        out.append(_Superlative(w, start, k + len(scope), rank, tuple(scope)))
    return out


def _absolute(scope: Sequence[str]) -> bool | tuple[str, ...]:
    """True for a scope that leaves nothing out, else the scope's words."""
    return True if _ABSOLUTE_SCOPE.intersection(scope) else tuple(scope)


def superlative_shapes(
    a: Sequence[str], b: Sequence[str], clauses: tuple[Sequence[int], Sequence[int]]
) -> list[Shape]:
    """The same superlative with another rank or scope in the two sentences (two scopes
    that leave nothing out, "ever" and "on record", are one)."""
    out: list[Shape] = []
    bs = _superlatives(b, clauses[1])
    for sa in _superlatives(a, clauses[0]):
        for sb in bs:
            if _SAME_SUPERLATIVE.get(sb.word, sb.word) != _SAME_SUPERLATIVE.get(sa.word, sa.word):
                continue
            if sa.rank == sb.rank and (
                not (sa.scope and sb.scope) or _absolute(sa.scope) == _absolute(sb.scope)
            ):
                continue
            if sa.rank != sb.rank:
                note = f"superlative ranked '{sa.rank or 'first'}' → '{sb.rank or 'first'}'"
            else:
                note = f"superlative '{' '.join(sa.scope)}' → '{' '.join(sb.scope)}'"
            out.append(Shape((sa.start, sa.end), (sb.start, sb.end), "strength", "degree", note))
            break
    return out


_SAYING = _set("say tell call add name ask describ warn report confirm announc claim")
"""Stems of verbs whose object is what is said, not a thing."""
_OBJECT_ENDS = _set(
    """of in on at to from by for with into onto over under about across through after
    before during against between among and or but that which who whom whose as than"""
)
_MAX_OBJECT = 2  # words of an object noun phrase after its determiner


def _past_verb(w: str) -> bool:
    """A past form of a verb: regular ("installed") or irregular ("stole", "built")."""
    return (w.endswith("ed") and len(w) > 4) or _BASE.get(w, w) != w


def _objects(words: Sequence[str], lower: Sequence[bool]) -> list[tuple[int, int, str, str]]:
    """The things past verbs act on: (the verb's index, the end of its object, the verb's
    stem, the object's head), the object being a short run of lower-case words right
    after the verb (after a determiner) that ends before a preposition or punctuation."""
    out = []
    for i, w in enumerate(words[:-1]):
        if not w.isalpha() or w in AUX or not _past_verb(w) or verb_stem(w) in _SAYING:
            continue
        if i and (words[i - 1] in _DETERMINERS or _past_verb(words[i - 1])):
            continue  # an adjective: "the injured", "received unexpected calls"
        j = i + 1
        while j < len(words) and words[j] in _DETERMINERS:
            j += 1
        k = j
        while (
            k < len(words) and k - j < _MAX_OBJECT and _content(words[k])
            and words[k] not in _OBJECT_ENDS and lower[k]
        ):  # fmt: skip
            k += 1
        if k > j and words[k - 1].endswith(("ing", "ed")):
            continue  # a participle, not a thing
        if k > j and (k == len(words) or not words[k].isalpha() or words[k] in _OBJECT_ENDS):
            out.append((i, k, verb_stem(w), words[k - 1]))
    return out


def object_shapes(
    a: Sequence[str],
    b: Sequence[str],
    lower: tuple[Sequence[bool], Sequence[bool]],
    stems: tuple[frozenset[str], frozenset[str]],
) -> list[Shape]:
    """The same past verb acting on another thing, a thing the source never names, while
    the derived text still names the source's thing elsewhere ("installed slogans" →
    "installed posters", the derived text speaking of slogans too): a thing added, not a
    word replaced by its synonym ("a smaller move" → "a smaller step"). What the derived
    sentence says was done to it, the source does not state. ``lower``: whether each word
    of ``a`` and of ``b`` is written in lower case; ``stems``: the stems of every word of
    the source and of the derived text."""
    out: list[Shape] = []
    objs = _objects(a, lower[0])
    for i, k, stem, head in _objects(b, lower[1]):
        if verb_stem(head) in stems[0]:
            continue
        for si, sk, s_stem, s_head in objs:
            if (
                s_stem == stem
                and verb_stem(s_head) != verb_stem(head)
                and verb_stem(s_head) in stems[1]
                and s_head not in b[i:k]
            ):
                note = f"'{s_head}' → '{head}' (the source never names it)"
                out.append(Shape((si, sk), (i, k), "object", "", note))
                break
    return out
