"""The layer rules, read from the import graph (every ``import`` in every module, also inside
functions): the package never imports streamlit or the shell; the readers do not write; the
pages reach the database only through the facade ``prestatie.dashboard``."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def imports(path: Path) -> set[str]:
    """Every module a file imports, dotted ('prestatie.opslag.store', 'streamlit')."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found.add(node.module)
            found |= {f"{node.module}.{a.name}" for a in node.names}
    return found


def modules(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def offenders(folder: str, forbidden: tuple[str, ...]) -> list[str]:
    return [
        f"{p.relative_to(ROOT)} imports {name}"
        for p in modules(folder)
        for name in sorted(imports(p))
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    ]


@pytest.mark.parametrize(
    ("folder", "forbidden"),
    [
        ("prestatie", ("streamlit", "views", "ui")),  # a functional core: no UI
        ("prestatie/referentie", ("prestatie.afspraken", "prestatie.inlezen", "prestatie.opslag",
                                  "prestatie.beoordeling", "prestatie.dashboard")),
        ("prestatie/inlezen", ("prestatie.opslag", "prestatie.dashboard")),  # reading never writes
        ("prestatie/beoordeling", ("prestatie.opslag", "prestatie.inlezen", "prestatie.dashboard")),
        ("prestatie/betaalbaarheid", ("prestatie.opslag", "prestatie.inlezen")),
        ("prestatie/duurzaamheid", ("prestatie.opslag", "prestatie.inlezen")),
        ("prestatie/voorraad", ("prestatie.opslag", "prestatie.inlezen")),
        ("prestatie/woningzoekenden", ("prestatie.opslag", "prestatie.inlezen")),
        ("prestatie/leefbaarheid", ("prestatie.opslag", "prestatie.inlezen")),
        # who may write is pure rules: no database, no reading of files, not the facade
        ("prestatie/toegang", ("prestatie.opslag", "prestatie.inlezen", "prestatie.dashboard",
                               "duckdb")),
        ("views", ("prestatie.opslag", "duckdb")),  # pages: through prestatie.dashboard only
        ("ui", ("prestatie.opslag",)),
    ],
)  # fmt: skip
def test_layer_rules(folder, forbidden):
    assert offenders(folder, forbidden) == []


def test_the_rules_see_a_violation(tmp_path, monkeypatch):
    """The graph finds an import inside a function too (so the rules above can fail)."""
    bad = tmp_path / "bad.py"
    bad.write_text("def f():\n    from prestatie.opslag import store\n    import streamlit\n")
    assert {"prestatie.opslag.store", "streamlit"} <= imports(bad)
