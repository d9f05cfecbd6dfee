"""Each fact reported once: a derived name that a whole-name link keeps is not kept again
by a partial one.

Name matching links each name of the derived text to a name of the source, by its whole
text or, failing that, by a part ("Milford Community Hall" / "Milford"). When the source
says the name both ways, both links can reach the same derived name, and the reader sees
it kept twice; the partial link goes. Other links to one name stay (an organisation kept
by its name and by its acronym tells the reader the two are one), and so does a person's
fuller name linked to the given name the derived text says it by ("Rita dos Anjos" /
"Rita"): it tells the reader who the short name is.
"""

from __future__ import annotations

from .items import Result


def one_link_per_span(res: Result) -> None:
    """Drop a partial kept link (not a person's) whose derived name another link keeps."""
    whole = {(k.derived.doc, k.derived.span) for k in res.kept if k.label != "partial"}
    res.kept[:] = [
        k
        for k in res.kept
        if k.label != "partial"
        or k.kind == "person"
        or (k.derived.doc, k.derived.span) not in whole
    ]
