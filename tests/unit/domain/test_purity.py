"""app.domain stays pure: only the standard library and pure-function data libraries
(python-stdnum, holidays, anyascii for folding names to search keys)."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

import app.domain

DOMAIN = Path(app.domain.__file__).parent
ALLOWED_THIRD_PARTY = {"stdnum", "holidays", "anyascii"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", sorted(DOMAIN.glob("*.py")), ids=lambda p: p.name)
def test_domain_imports_nothing_from_outer_layers(path: Path) -> None:
    for name in _imports(path):
        top = name.split(".")[0]
        if top == "app":
            assert name.startswith("app.domain"), f"{path.name} imports {name}"
        else:
            assert top in sys.stdlib_module_names or top in ALLOWED_THIRD_PARTY or top == \
                "__future__", f"{path.name} imports {name}"
