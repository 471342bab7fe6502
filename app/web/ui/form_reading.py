"""Read a submitted form back along its JSON Schema: what the user typed (:func:`raw_from_form`),
rows added or removed without JavaScript (:func:`apply_row_action`), and the typed data a service
takes (:func:`convert`), with the errors in the user's language. Money is read by the one money
parser, other numbers by :func:`app.services.kernel.formats.read_number`.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from app.domain.messages import Code
from app.domain.money import MoneyRefused, parse_money
from app.services.kernel.formats import Refused, read_number
from app.web.ui.schema_kinds import join, kind_of, nullable, options_of, properties_of, required_of, type_of

ROW_MARKER = "_row"


# --- form -> raw ------------------------------------------------------------------------------

def indices(form: MultiDict[str, str], name: str) -> list[int]:
    """The row indices submitted for an array input, in order."""
    pattern = re.compile(re.escape(name) + r"\[([0-9]{1,4})\]")  # no 5,000-digit int()
    return sorted({int(m[1]) for key in form for m in [pattern.match(key)] if m})


def raw_from_form(schema: dict[str, Any], form: MultiDict[str, str], prefix: str = "") -> dict[str, Any]:
    """What the user typed, shaped like the schema (strings, booleans, lists)."""
    out: dict[str, Any] = {}
    for key, prop in properties_of(schema):
        name = join(prefix, key)
        kind = kind_of(prop)
        if kind == "readonly":
            continue
        if kind == "object":
            out[key] = raw_from_form(prop, form, name)
        elif kind == "array":
            out[key] = [raw_from_form(prop.get("items") or {}, form, f"{name}[{i}]")
                        for i in indices(form, name)]
        elif kind == "checkboxes":
            out[key] = form.getlist(name)
        elif kind == "checkbox":
            out[key] = name in form
        else:
            out[key] = form.get(name, "")
    return out


def apply_row_action(raw: dict[str, Any], action: str) -> bool:
    """Add or remove a repeatable row without JavaScript (``add:members``, ``remove:members[2]``).

    Returns True when the action was one of these (the page is then re-rendered, not submitted).
    """
    verb, _sep, target = action.partition(":")
    if verb not in ("add", "remove") or not target:
        return False
    if len(target) > 200 or re.search(r"[0-9]{5,}", target):
        return True  # a hostile index: re-render, never int() it
    parts = re.findall(r"([^.\[\]]+)(?:\[([0-9]+)\])?", target)
    node: Any = raw
    for i, (key, index) in enumerate(parts):
        last = i == len(parts) - 1
        if not isinstance(node, dict) or key not in node:
            return True
        if last and verb == "add" and not index:
            if isinstance(node[key], list):
                node[key].append({})
            return True
        if last and verb == "remove" and index:
            rows = node[key]
            if isinstance(rows, list) and int(index) < len(rows):
                rows.pop(int(index))
            return True
        node = node[key]
        if index:
            if not isinstance(node, list) or int(index) >= len(node):
                return True
            node = node[int(index)]
    return True


# --- raw -> typed data -----------------------------------------------------------------------

def _blank(raw: Any) -> bool:
    if isinstance(raw, dict):
        return all(_blank(v) for v in raw.values())
    if isinstance(raw, list):
        return not raw
    if isinstance(raw, bool):
        return not raw
    return raw is None or str(raw).strip() == ""


_MONEY_TYPED_MAX = Decimal("999999999999999.9999999999")  # 15 digits, 10 places: refused before the schema


def _convert_scalar(prop: dict[str, Any], kind: str, raw: Any, path: str, errors: dict[str, str]) -> Any:
    text = "" if raw is None else str(raw)
    if kind in ("text", "email", "date"):
        return text.strip()
    if kind == "textarea":
        return text.rstrip()
    if kind == "money":
        cleaned = text.replace("\u00a0", "").replace(" ", "").replace(",", ".").strip()
        try:
            parse_money(text, comma=True, places=10, maximum=_MONEY_TYPED_MAX)
        except MoneyRefused as refused:
            if refused.code is not Code.AMOUNT_NEGATIVE:
                errors[path] = _("Podaj kwotę, np. 1234,56.")
                return cleaned
            # A negative amount: the form's schema says why (its minimum).
        return float(cleaned) if type_of(prop) == "number" else cleaned
    if kind in ("integer", "number"):  # read as every input reads a plain number (formats)
        try:
            value = read_number(text, page=True, whole=kind == "integer")
        except Refused as refused:
            errors[path] = refused.message
            return text
        return int(value) if value == value.to_integral_value() else float(value)
    if kind in ("radio", "select"):
        for value, _label in options_of(prop) or []:
            if str(value) == text:
                return value
        errors[path] = _("Wybierz jedną z możliwości.")
        return text
    return text


def convert(
    schema: dict[str, Any], raw: dict[str, Any], prefix: str = "", errors: dict[str, str] | None = None
) -> tuple[dict[str, Any], dict[str, str]]:
    """Typed data for the service; empty optional fields are omitted, checkboxes are booleans."""
    errors = {} if errors is None else errors
    out: dict[str, Any] = {}
    required = required_of(schema)
    for key, prop in properties_of(schema):
        name = join(prefix, key)
        kind = kind_of(prop)
        if kind == "readonly" or key not in raw:
            continue
        value = raw[key]
        if kind == "object":
            sub, _errs = convert(prop, value or {}, name, errors)
            if sub or key in required:
                out[key] = sub
        elif kind == "array":
            rows = []
            for i, row in enumerate(value or []):
                if _blank({k: v for k, v in row.items() if k != ROW_MARKER}):
                    continue
                sub, _errs = convert(prop.get("items") or {}, row, f"{name}[{i}]", errors)
                rows.append(sub)
            if rows or key in required:
                out[key] = rows
        elif kind == "checkboxes":
            allowed = {str(v): v for v, _label in options_of(prop.get("items") or {}) or []}
            chosen = [allowed[v] for v in value if v in allowed]
            if chosen or key in required:
                out[key] = chosen
        elif kind == "lines":
            lines = [ln.strip() for ln in str(value).splitlines() if ln.strip()]
            if lines or key in required:
                out[key] = lines
        elif kind == "checkbox":
            out[key] = bool(value)
        elif _blank(value):
            # Empty optional fields are left out; a required field that may be null says so.
            if key in required and nullable(prop):
                out[key] = None
            elif key in required:
                errors[name] = _("To pole jest wymagane.")
        else:
            out[key] = _convert_scalar(prop, kind, value, name, errors)
    return out, errors
