"""Issue 14, part 5: every service error is a Code with parameters. No raise site in the services
or the web layer passes English text (a string literal or an f-string) to an error class, and the
regex tables that translated English back to Polish are gone (pages render the catalogue)."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ERRORS = {"ServiceError", "NotFound", "Forbidden", "Conflict", "ValidationFailed", "RuleViolated",
          "DocumentCorrupted", "DecisionNotIssuable", "Unauthorized", "TooManyAttempts"}


def _text(node: ast.expr | None) -> bool:
    return isinstance(node, ast.JoinedStr) or (isinstance(node, ast.Constant)
                                               and isinstance(node.value, str))


def _sentence(node: ast.expr) -> bool:
    """A field error written as words; a machine key ("too_large", f"schema:{where}") is not."""
    parts = node.values if isinstance(node, ast.JoinedStr) else [node]
    return _text(node) and any(isinstance(p, ast.Constant) and " " in str(p.value) for p in parts)


def plain_text_raises(*folders: str) -> list[str]:
    """file:line of every raise of a service error whose message (or field error) is text."""
    found = []
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if not (isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call)):
                    continue
                func = node.exc.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                if name not in ERRORS or not node.exc.args:
                    continue
                fields = node.exc.args[1] if len(node.exc.args) > 1 else None
                words = isinstance(fields, ast.Dict) and any(_sentence(v) for v in fields.values)
                if _text(node.exc.args[0]) or words:
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return found


def test_no_service_or_api_error_is_raised_with_english_text() -> None:
    assert plain_text_raises("app/services", "app/web") == []


def test_the_english_to_polish_regex_tables_are_gone() -> None:
    for module in ("app/web/ui/formatting.py", "app/web/calculator/form.py"):
        source = (ROOT / module).read_text(encoding="utf-8")
        for name in ("_EXACT", "_PATTERNS", "_RULES", "def translate"):
            assert name not in source, (module, name)
