"""Passage grouping: seeds linked into connected groups of units."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from textlineage.align.passages import _components

edges = st.lists(st.tuples(st.integers(0, 12), st.integers(0, 12)), max_size=40)


@given(edges)
def test_components_are_the_connected_components(pairs: list[tuple[int, int]]) -> None:
    # Units of the first document are i, of the second ~j: the same graph as a bipartite
    # one with the second document's units after the first's.
    got = _components([(i, ~j) for i, j in pairs])
    if not pairs:
        assert got == []
        return
    graph = sparse.coo_matrix(
        (np.ones(len(pairs)), ([i for i, _ in pairs], [13 + j for _, j in pairs])), shape=(26, 26)
    )
    _, label = connected_components(graph, directed=False)
    want = [int(label[i]) for i, _ in pairs]
    # The same partition of the edges: the labels correspond one to one.
    assert len(set(got)) == len(set(want)) == len(set(zip(got, want, strict=True)))
