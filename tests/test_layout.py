"""The package's layout rules (issue 9): modules stay small and imports never go in circles.

Imports are read from the source with ``ast``, wherever they are: at module level, inside
functions (lazy imports) and under ``if TYPE_CHECKING:``. A circle through any of them is
a design knot even when Python can run it, so none is allowed unless listed below with
its reason.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx

SRC = Path(__file__).resolve().parents[1] / "src"
PACKAGE = SRC / "textlineage"
MAX_LINES = 600

# Modules allowed over MAX_LINES, each with the reason. Keep it short: split instead.
LONG_MODULES: dict[str, str] = {}

# Import circles allowed, as the sorted tuple of their modules, each with the reason.
ALLOWED_CYCLES: dict[tuple[str, ...], str] = {}


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(SRC).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _imported(module: str, node: ast.Import | ast.ImportFrom) -> list[str]:
    """The package's modules an import statement of ``module`` loads."""
    if isinstance(node, ast.Import):
        names = [a.name for a in node.names]
    else:
        if node.level:
            here = module.split(".")
            if MODULES[module].name != "__init__.py":
                here.pop()  # a module's relative imports start from its package
            base = here[: len(here) - (node.level - 1)]
            target = ".".join([*base, *([node.module] if node.module else [])])
        else:
            target = node.module or ""
        # `from pkg import name` loads pkg.name when that is a module, else pkg itself.
        names = [
            f"{target}.{a.name}" if f"{target}.{a.name}" in MODULES else target for a in node.names
        ]
    out = []
    for name in names:
        while name and name not in MODULES:
            name = name.rpartition(".")[0]
        if name and name != module:
            out.append(name)
    return out


def import_graph() -> nx.DiGraph:
    """Modules of the package and the imports between them, each edge with its line."""
    graph = nx.DiGraph()
    graph.add_nodes_from(MODULES)
    for module, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import | ast.ImportFrom):
                for target in _imported(module, node):
                    graph.add_edge(module, target, line=node.lineno)
    return graph


def test_no_module_is_over_the_line_limit() -> None:
    lines = {m: len(p.read_text(encoding="utf-8").splitlines()) for m, p in MODULES.items()}
    long = {m for m, n in lines.items() if n > MAX_LINES}
    assert long <= set(LONG_MODULES), {m: lines[m] for m in long - set(LONG_MODULES)}
    # An entry whose module shrank (or went) is stale: remove it.
    assert {m for m in LONG_MODULES if lines.get(m, 0) > MAX_LINES} == set(LONG_MODULES)


def test_no_import_cycles() -> None:
    graph = import_graph()
    cycles = {tuple(sorted(c)): c for c in nx.simple_cycles(graph)}
    unexpected = {" -> ".join([*c, c[0]]) for key, c in cycles.items() if key not in ALLOWED_CYCLES}
    assert not unexpected, unexpected
    assert set(ALLOWED_CYCLES) <= set(cycles), "stale entries in ALLOWED_CYCLES"


def test_the_graph_sees_every_kind_of_import() -> None:
    """The reader finds module-level, relative, function-level and TYPE_CHECKING imports
    (a regression here would let circles through unseen)."""
    graph = import_graph()
    assert graph.has_edge("textlineage.corpus.store", "textlineage.corpus.schema")  # top
    assert graph.has_edge("textlineage.cli", "textlineage.eval.pan")  # inside a function
    assert graph.has_edge("textlineage.report.search", "textlineage.corpus.index")  # typing
    assert graph.has_edge("textlineage.eval", "textlineage.eval.pairs")  # from .pairs
    assert graph.number_of_edges() > 200
