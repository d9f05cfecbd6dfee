"""A nationality ("the Danish cellist") is not a country a place of no known country lies
in: a retelling that leaves the nationality out and names a town elsewhere has not made
the place more specific (facts.places)."""

from __future__ import annotations

from textlineage import Document, compare

SOURCE = """\
The Fenwold Chamber Players have announced their spring series, the first under their \
new artistic director, who took up the post in January.

The series opens at the Corn Exchange with a new string quartet by the composer Ros \
Ellery and ends with a return visit by the Danish cellist Mette Holm, who will play the \
Elgar Concerto.
"""

DERIVED = """\
The Fenwold Chamber Players have announced their spring series, the first under their \
new artistic director, who took up the post in January.

The series opens at the Corn Exchange with a new string quartet by Brackwater-born \
composer Ros Ellery and ends with a return visit by cellist Mette Holm, who will play the \
Elgar Concerto.
"""


def test_a_nationality_is_not_paired_with_a_town() -> None:
    fd = compare(Document("a", SOURCE), Document("b", DERIVED)).facts
    assert not [c for c in fd.changed if c.source.text == "Danish"], fd.changed
