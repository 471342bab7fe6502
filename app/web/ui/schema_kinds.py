"""What a JSON Schema property is on a page: its widget (:func:`kind_of`), its choices, its
label in the interface language, and the order of an object's properties. Shared by the form's
rendering (:mod:`.schema_form`) and its reading (:mod:`.form_reading`).

Labels: ``title`` and ``description`` are the page's (Polish, ``x-title-en`` and
``x-description-en`` in English); an input schema of the services, whose ``title`` and
``description`` document the API, names the page's texts in ``x-title`` and ``x-help``: Polish
msgids said through the catalogue (marked ``N_`` where they are written), and the labels of
its choices in ``x-titles`` (``x-labels`` are a page's own labels, already in its language).
"""

from __future__ import annotations

import re
from typing import Any

from flask_babel import gettext as _

from app.web.ui.labels import lang

_DECIMAL_PATTERN = re.compile(r"\\d|\[0-9\]")
# The page's own text of a services' input schema, by the key it stands for (a Polish msgid).
_PAGE_TEXT = {"title": "x-title", "description": "x-help"}


def said(text: str) -> str:
    """A Polish msgid in the interface language (an empty text stays empty)."""
    return _(text) if text else text


def join(prefix: str, key: str) -> str:
    """The input name of a property under a prefix."""
    return f"{prefix}.{key}" if prefix else key


def normalise_path(path: str) -> str:
    """Turn a JSON-Schema error path (``incomes.0.amount``) into an input name (``incomes[0].amount``)."""
    return re.sub(r"\.(\d+)(?=\.|$)", r"[\1]", path)


def type_of(prop: dict[str, Any]) -> str | None:
    t = prop.get("type")
    if isinstance(t, list):
        t = next((x for x in t if x != "null"), None)
    if t is None and "properties" in prop:
        return "object"
    if t is None and "enum" in prop:
        values = prop["enum"]
        return "string" if all(isinstance(v, str) for v in values) else None
    return t


def localized(prop: dict[str, Any], key: str, default: str = "") -> str:
    """``title``/``description`` in the current language (a services' schema's ``x-title`` or
    ``x-help`` through the catalogue)."""
    own = prop.get(_PAGE_TEXT.get(key, ""))
    if isinstance(own, str) and own:
        return said(own)
    if "x-title" in prop:  # a services' schema: its description documents the API, not the page
        return default
    value = prop.get(key)
    if lang() == "en":
        value = prop.get(f"x-{key}-en", value)
    if isinstance(value, dict):
        value = value.get(lang()) or value.get("pl") or next(iter(value.values()), "")
    return str(value) if value not in (None, "") else default


def options_of(prop: dict[str, Any]) -> list[tuple[Any, str]] | None:
    """(value, label) pairs of an enum or a oneOf of consts, or None."""
    if "enum" in prop:
        values = [v for v in prop["enum"] if v is not None]
        msgids = prop.get("x-titles")  # a services' schema: Polish msgids, said by the catalogue
        if isinstance(msgids, dict):
            return [(v, said(str(msgids[str(v)])) if str(v) in msgids else str(v)) for v in values]
        labels = prop.get("x-labels-en") if lang() == "en" and "x-labels-en" in prop else prop.get("x-labels")
        if isinstance(labels, dict):
            return [(v, str(labels.get(str(v), v))) for v in values]
        if isinstance(labels, list) and len(labels) == len(prop["enum"]):
            pairs = dict(zip(map(str, prop["enum"]), labels, strict=True))
            return [(v, str(pairs[str(v)])) for v in values]
        return [(v, str(v)) for v in values]
    alternatives = prop.get("oneOf") or prop.get("anyOf")
    if isinstance(alternatives, list) and alternatives and all(
        isinstance(a, dict) and "const" in a for a in alternatives
    ):
        return [(a["const"], localized(a, "title", str(a["const"]))) for a in alternatives]
    return None


def is_money(prop: dict[str, Any]) -> bool:
    """Amounts are decimal strings: an explicit widget/format, or a digits-dot-digits pattern."""
    if prop.get("x-widget") == "money" or prop.get("format") in ("money", "decimal"):
        return True
    pattern = str(prop.get("pattern", ""))
    return "\\." in pattern and bool(_DECIMAL_PATTERN.search(pattern))


def nullable(prop: dict[str, Any]) -> bool:
    t = prop.get("type")
    return isinstance(t, list) and "null" in t


def kind_of(prop: dict[str, Any]) -> str:
    """The widget a property is rendered with."""
    if prop.get("readOnly") or "const" in prop:
        return "readonly"
    t = type_of(prop)
    widget = prop.get("x-widget")
    if t == "object":
        return "object"
    if t == "array":
        items = prop.get("items") or {}
        if options_of(items):
            return "checkboxes"
        if type_of(items) == "object":
            return "array"
        return "lines"
    if t == "boolean":
        return "checkbox"
    options = options_of(prop)
    if options is not None:
        if widget in ("radio", "select"):
            return str(widget)
        return "radio" if len(options) <= 4 else "select"
    if t == "integer":
        return "integer"
    if t == "number":
        return "money" if is_money(prop) else "number"
    if t == "string" or t is None:
        if widget in ("integer", "number", "text"):  # a number typed as text; a long line
            return str(widget)
        if prop.get("format") == "date":
            return "date"
        if widget == "textarea" or ((prop.get("maxLength") or 0) > 300
                                    and prop.get("x-text") != "line"):  # one line: never a textarea
            return "textarea"
        if is_money(prop):
            return "money"
        if prop.get("format") == "email":
            return "email"
        return "text"
    return "text"


def properties_of(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    props = schema.get("properties") or {}
    order = schema.get("x-order") or list(props)
    return [(k, props[k]) for k in order if k in props and isinstance(props[k], dict)]


def required_of(schema: dict[str, Any]) -> set[str]:
    return set(schema.get("required") or [])
