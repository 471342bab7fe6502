"""The layering rule, checked rather than remembered: web → services → domain; only the engine
adapter imports SpiffWorkflow; the app never imports the Celery tasks package."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def imports_of(package: str) -> dict[str, set[str]]:
    """Module path -> top-level names it imports (absolute, and relative resolved to app.*)."""
    found: dict[str, set[str]] = {}
    for path in (ROOT / package).rglob("*.py"):
        if "migrations" in path.parts:
            continue
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names.update(a.name for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
        found[str(path.relative_to(ROOT))] = names
    return found


def offenders(package: str, forbidden: tuple[str, ...]) -> list[str]:
    return sorted(
        f"{mod}: {name}"
        for mod, names in imports_of(package).items()
        for name in names
        if any(name == f or name.startswith(f + ".") for f in forbidden)
    )


def test_only_the_adapter_imports_spiffworkflow() -> None:
    bad = [o for o in offenders("app", ("SpiffWorkflow",)) if not o.startswith("app/workflow_engine/")]
    assert bad == []


@pytest.mark.parametrize("package", ["app"])
def test_app_never_imports_tasks(package: str) -> None:
    assert offenders(package, ("tasks",)) == []


def test_services_do_not_import_web_or_flask() -> None:
    assert offenders("app/services", ("app.web", "flask", "flask_login", "flask_wtf")) == []


def test_persistence_is_below_services() -> None:
    assert offenders("app/persistence", ("app.services", "app.web", "flask")) == []


def test_domain_is_pure() -> None:
    assert offenders("app/domain", ("app.services", "app.web", "app.persistence", "flask",
                                    "sqlalchemy", "SpiffWorkflow", "celery")) == []


def test_tasks_are_thin_and_call_services() -> None:
    assert offenders("tasks", ("app.web", "app.persistence.models", "SpiffWorkflow")) == []
