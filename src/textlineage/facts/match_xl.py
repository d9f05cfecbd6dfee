"""Matching across languages: names through their sound skeletons, and numbers that
changed in translation paired by where they stand.

A text in Persian or Arabic has no capitals to find names by, and German capitalises
every noun; so names are looked for rather than extracted there: each name found on one
side is searched in the other text by skeleton (:mod:`.translit`), whole or by its last
token. A name nobody matched is reported as added or dropped only when its own side's
extraction can be trusted (:data:`NAME_LANGUAGES`): a German "Regierung" left over is a
noun, not a dropped name.

Numbers whose value has no counterpart are paired by sentence: a translation keeps its
sentences (more than the order of words inside them), so an unmatched number of a derived
sentence and one of the source sentence it translates are the same statement with a
changed value ("130.000 personas" → "30,000 people").
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from ..text.normalise import fold
from ..text.segment import split_sentences
from ..types import Fact, FactLink
from .forms import collapse
from .items import Group, Item, Result
from .match_names import match_names, unmatched_sources
from .translit import Found, TokenIndex

NAME_LANGUAGES = frozenset({"en", "und", "es", "fr", "ru"})
"""Languages whose extracted names are names: capitals mark names, and little else."""


def diff_names_across(
    S: list[Group],
    D: list[Group],
    source_text: str,
    derived_text: str,
    langs: tuple[str, str],
    docs: tuple[int, int],
    res: Result,
) -> None:
    """Match the names of two texts in different languages or scripts."""
    ls, ld = langs
    used, unmatched_d = match_names(S, D, res)
    source = _Side(source_text, ls, docs[0], S, True)
    derived = _Side(derived_text, ld, docs[1], D, False)
    left_d = _search(unmatched_d, derived, source, used, res)
    found_d: set[int] = set()
    derived.groups = left_d
    left_s = _search(unmatched_sources(S, D, used), source, derived, found_d, res)
    res.added.extend(
        g.first.fact for g in left_d if id(g) not in found_d and _reportable(g.first, ld)
    )
    res.dropped.extend(g.first.fact for g in left_s if _reportable(g.first, ls))


@dataclass
class _Side:
    """One document of the pair: its text, language, number and name groups."""

    text: str
    lang: str
    doc: int
    groups: list[Group]
    is_source: bool
    index: TokenIndex | None = None

    def tokens(self) -> TokenIndex:
        if self.index is None:
            self.index = TokenIndex(self.text, self.lang)
        return self.index


def _search(
    names: list[Group], own: _Side, other: _Side, matched: set[int], res: Result
) -> list[Group]:
    """Look each name of ``own`` up in the ``other`` text; a group of the other side at
    the place found counts as ``matched``. Returns the names not found. A name of a
    language whose extraction is doubtful (German nouns) must match exactly."""
    left: list[Group] = []
    for g in names:
        it = g.first
        found = other.tokens().find(
            it.toks,
            own.lang,
            person=it.fact.kind == "person",
            acronym=it.fact.text.isupper() and len(it.toks) == 1,
            near=it.fact.span[0] / max(1, len(own.text)),
            approximate=own.lang in NAME_LANGUAGES,
        )
        if found is None:
            left.append(g)
            continue
        there = _found_fact(other.text, found.start, found.end, it.fact.kind, other.doc)
        for o in other.groups:
            if any(_overlap(x.fact.span, (found.start, found.end)) for x in o.items):
                matched.add(id(o))
        sf, df = (it.fact, there) if own.is_source else (there, it.fact)
        note, label = _note(there, it, found)
        res.kept.append(FactLink(it.fact.kind, sf, df, note, label))
    return left


def _reportable(it: Item, lang: str) -> bool:
    """May an unmatched name be reported? Only from a language whose capitals mark names,
    and not a lone word of unknown kind or one seen only opening sentences: across
    languages these are mostly common words ("Inflation", "Iranian")."""
    if lang not in NAME_LANGUAGES or it.weak:
        return False
    return it.fact.kind != "entity" or len(it.toks) > 1


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _found_fact(text: str, start: int, end: int, kind: str, doc: int) -> Fact:
    t = text[start:end]
    return Fact(kind, t, (start, end), doc, collapse(fold(t)))


def _note(found: Fact, name: Item, where: Found) -> tuple[str, str]:
    """How the found text writes the name: a note and the kept link's label."""
    letters = "".join(c for c in unicodedata.normalize("NFKD", fold(found.text)) if c.isalnum())
    if letters == name.letters:
        how, label = "", ""
    elif where.partial:
        how, label = "partial name", "partial"
    elif name.fact.text[:1].isascii() == found.text[:1].isascii():
        how, label = "spelling variant", "spelling"
    else:
        how, label = "transliteration", "transliteration"
    if not where.exact:
        how += ", approximate" if how else "approximately"
    return (f"{how} ('{found.text}' / '{name.fact.text}')" if how else ""), label


# -- numbers paired by sentence ------------------------------------------------------


def pair_numbers_by_sentence(
    source_text: str,
    derived_text: str,
    src: Sequence[Item],
    der: Sequence[Item],
    res: Result,
) -> None:
    """Pair the added and dropped numbers of sentences that translate each other, as
    changed values.

    A derived sentence translates the source sentences its matched facts come from (or,
    with none matched, those between the neighbours' sources). When it holds as many
    unmatched numbers as those source sentences (percentages and other numbers counted
    apart), they pair in order: each pair leaves ``added`` and ``dropped`` for
    ``changed`` (label ``value``, marked unsupported: the new value has no support in the
    source).
    """
    s_starts = [x.start for x in split_sentences(source_text)]
    d_starts = [x.start for x in split_sentences(derived_text)]
    if not s_starts or not d_starts:
        return

    def sent(starts: list[int], pos: int) -> int:
        return max(0, bisect.bisect_right(starts, pos) - 1)

    pairs = sorted(
        {
            (sent(d_starts, k.derived.span[0]), sent(s_starts, k.source.span[0]))
            for k in (*res.kept, *res.changed)
            if k.kind != "quote"  # a quote spans sentences
        }
    )
    linked: dict[int, set[int]] = {}
    for dj, sj in _in_order(pairs):
        linked.setdefault(dj, set()).add(sj)
    by_sent: dict[int, list[Fact]] = {}
    for f in res.added:
        if f.kind == "number":
            by_sent.setdefault(sent(d_starts, f.span[0]), []).append(f)
    left_s = [f for f in res.dropped if f.kind == "number"]
    items = {id(it.fact): it for it in (*src, *der)}
    for j, dfs in sorted(by_sent.items()):
        cands = _source_sentences(j, linked, len(s_starts))
        sfs = [f for f in left_s if sent(s_starts, f.span[0]) in cands]
        for percent in (True, False):
            ds = [f for f in dfs if _is_percent(items.get(id(f))) == percent]
            ss = [f for f in sfs if _is_percent(items.get(id(f))) == percent]
            if not ds or len(ds) != len(ss):
                continue  # not one for one: no telling which became which
            for sf, df in zip(sorted(ss, key=_start), sorted(ds, key=_start), strict=True):
                si, di = items.get(id(sf)), items.get(id(df))
                if si is None or di is None or (si.cur and di.cur and si.cur != di.cur):
                    continue
                note = f"value {sf.value} → {df.value}"
                res.changed.append(FactLink("number", sf, df, note, "value", "", True))
                res.added.remove(df)
                res.dropped.remove(sf)
                left_s.remove(sf)


def _source_sentences(j: int, linked: dict[int, set[int]], n_source: int) -> set[int]:
    """The source sentences derived sentence ``j`` translates."""
    before = [max(v) for k, v in linked.items() if k < j]
    after = [min(v) for k, v in linked.items() if k > j]
    lo = max(before) if before else -1
    hi = min(after) if after else n_source
    # Source sentences no other derived sentence claims, between the neighbours' ones: a
    # translation may join two sentences into one.
    between = set(range(lo + 1, hi))
    if j in linked:
        return linked[j] | between
    return between or {x for x in (lo, hi) if 0 <= x < n_source}


def _in_order(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest chain of (derived, source) sentence pairs, sorted, whose source
    sentences never go back: a name matched to its first mention far away is left out."""
    if not pairs:
        return []
    best = [1] * len(pairs)
    prev = [-1] * len(pairs)
    for i, (_, si) in enumerate(pairs):
        for k in range(i):
            if pairs[k][1] <= si and best[k] + 1 > best[i]:
                best[i], prev[i] = best[k] + 1, k
    i = max(range(len(pairs)), key=lambda x: (best[x], -x))
    out = []
    while i != -1:
        out.append(pairs[i])
        i = prev[i]
    return out[::-1]


def _start(f: Fact) -> int:
    return f.span[0]


def _is_percent(it: Item | None) -> bool:
    return it is not None and it.unit == "%"
