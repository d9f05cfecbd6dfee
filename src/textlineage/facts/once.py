"""Each fact reported once: a span of the derived text that two kept links reach keeps one.

Name matching links each name of the derived text to a name of the source, by its whole
text or, failing that, by a part ("Milford Community Hall" / "Milford"). When the source
says the name both ways, both links can reach the same derived name, and the reader sees
it kept twice. The link by the whole text is the one kept; failing that, the first. A
person's fuller name linked to the given name the derived text says it by ("Rita dos
Anjos" / "Rita") stays beside the given name's own link: it tells the reader who the short
name is.
"""

from __future__ import annotations

from .items import Result


def one_link_per_span(res: Result) -> None:
    """Keep one kept link per derived span: the one matching the name as it is, if any."""
    best: dict[tuple[int, tuple[int, int]], int] = {}
    for n, k in enumerate(res.kept):
        if k.label == "partial" and k.kind == "person":
            continue
        key = (k.derived.doc, k.derived.span)
        m = best.get(key)
        if m is None or (res.kept[m].label == "partial" and k.label != "partial"):
            best[key] = n
    keep = set(best.values())
    res.kept[:] = [
        k
        for n, k in enumerate(res.kept)
        if n in keep or (k.label == "partial" and k.kind == "person")
    ]
