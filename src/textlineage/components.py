"""Connected components of an undirected graph given as pairs (one union-find for the
package: clusters of verified relations, lineage groups of a truth file)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import Any, Protocol, TypeVar


class _Orderable(Hashable, Protocol):
    def __lt__(self, other: Any, /) -> bool: ...


N = TypeVar("N", bound=_Orderable)


def components(pairs: Iterable[tuple[N, N]]) -> dict[N, N]:
    """Each node of ``pairs`` → the smallest node of its component (so the answer does
    not depend on the order of the pairs)."""
    parent: dict[N, N] = {}

    def find(x: N) -> N:
        root = parent.setdefault(x, x)
        while parent[root] != root:
            root = parent[root]
        while parent[x] != root:
            parent[x], x = root, parent[x]
        return root

    for a, b in pairs:
        ra, rb = find(a), find(b)
        if ra != rb:
            lo, hi = (ra, rb) if ra < rb else (rb, ra)
            parent[hi] = lo
    return {x: find(x) for x in parent}
