"""What a diagram's code and forms may not hold, as plain reasons (the compiler turns each into a
`Problem` of its task): code the sandbox refuses or that calls an unknown function
(:func:`code_problem`), and a form schema that could hurt the server (:func:`unsafe_schema_parts`:
a remote ``$ref``, a pattern RE2 cannot run). The linter asks the same of a script before any
deploy.
"""

import ast
from typing import Any

from .errors import ScriptError
from .patterns import pattern_refusal
from .sandbox import compile_script


def _unknown_calls(source: str, mode: str, allowed: set[str]) -> list[str]:
    tree = ast.parse(source, mode=mode)
    local = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
    local |= {n.id for n in ast.walk(tree) if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
    called = {
        n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)
    }
    return sorted(called - allowed - local)


def code_problem(source: str, mode: str, allowed: set[str] | None) -> tuple[str, dict[str, Any]] | None:
    """Why the sandbox would refuse `source` (message, params), or None if it is acceptable.

    With `allowed` None only the compilation is checked, not the names of called functions.
    """
    text = source.strip() if mode == "eval" else source
    try:
        compile_script(text, mode)
    except ScriptError as exc:
        return f"is refused by the sandbox: {exc}", {"reason": "refused"}
    unknown = _unknown_calls(text, mode, allowed) if allowed is not None else []
    if unknown:
        return f"calls unknown function(s) {', '.join(unknown)}", {"unknown_functions": unknown}
    return None


def unsafe_schema_parts(schema: Any) -> list[tuple[str, dict[str, Any]]]:
    """Why a form schema could hurt the server, as (message, params): a remote $ref (validation
    never fetches), or a ``pattern`` / ``patternProperties`` key that RE2 cannot run or that is
    too long (patterns run on RE2, in linear time: see patterns.py)."""
    out: list[tuple[str, dict[str, Any]]] = []
    keys_seen: set[str] = set()
    stack = [schema]
    while stack:
        node = stack.pop()
        if isinstance(node, list):
            stack.extend(node)
            continue
        if not isinstance(node, dict):
            continue
        for key, value in node.items():
            if key in ("$ref", "$dynamicRef") and isinstance(value, str) and not value.startswith("#"):
                out.append((f"{key} '{value[:80]}' is not local (remote references are refused)", {}))
            patterns = [value] if key == "pattern" else (
                list(value) if key == "patternProperties" and isinstance(value, dict) else [])
            for pattern in patterns:
                refusal = pattern_refusal(pattern) if isinstance(pattern, str) else None
                if refusal:
                    reason, detail = refusal
                    out.append((f"pattern '{pattern[:80]}' cannot be used: {detail} (patterns run "
                                "on RE2: no back-references or lookaround)",
                                {"reason": reason, "pattern": pattern[:80], "detail": detail}))
            if isinstance(value, dict | list):
                stack.append(value)
            keys_seen.add(key)
    if {"patternProperties", "unevaluatedProperties"} <= keys_seen:
        # jsonschema evaluates patternProperties for unevaluatedProperties with Python's re.
        out.append(("unevaluatedProperties cannot be combined with patternProperties", {}))
    return out
