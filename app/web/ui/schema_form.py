"""Render a JSON Schema as an HTML form, and turn the submitted strings back into typed data.

Input names are the service's error paths (``members[1].pesel``), so an error lands next to its
field without any mapping. The pipeline on submit is::

    raw = raw_from_form(schema, request.form)     # nested strings/booleans: what the user typed
    data, errors = convert(schema, raw)           # typed data, or errors in the user's language
    fields = build_fields(schema, raw, errors)    # re-render with the input kept

Supported: string (``format: date``, ``x-widget: textarea``, money), enum/oneOf-const (select or
radio, labels from ``x-labels``), boolean (checkbox), integer, number, nested objects, arrays of
enums (checkboxes), arrays of objects (repeatable rows) and arrays of plain strings (one per line).
Localised texts: ``title``/``description`` are Polish; ``x-title-en``, ``x-description-en`` and
``x-labels-en`` are used in English when present.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from flask_babel import gettext as _
from werkzeug.datastructures import MultiDict

from app.domain.messages import Code
from app.domain.money import MoneyRefused, parse_money
from app.web.ui.formatting import amount_input
from app.web.ui.labels import lang

ROW_MARKER = "_row"
_DECIMAL_PATTERN = re.compile(r"\\d|\[0-9\]")


@dataclass
class Field:
    """One input (or group) of a rendered form."""

    name: str
    kind: str
    label: str
    help: str = ""
    required: bool = False
    value: Any = ""
    options: list[tuple[str, str]] = field(default_factory=list)
    error: str | None = None
    children: list[Field] = field(default_factory=list)
    rows: list[list[Field]] = field(default_factory=list)
    template: list[Field] = field(default_factory=list)
    placeholder: str = ""
    layout: str = "table"
    attrs: dict[str, Any] = field(default_factory=dict)
    item_label: str = ""
    wide: bool = False
    note: str = ""        # a figure computed for this field, shown beside it (the page's)
    benefits: tuple[str, ...] | None = None  # x-benefits: it applies to these (None: to all)
    hidden: bool = False  # another benefit is chosen (show_for_benefit; pomoc.js live)

    @property
    def id(self) -> str:
        """The element id (names are unique within a form)."""
        return "f-" + self.name


def join(prefix: str, key: str) -> str:
    """The input name of a property under a prefix."""
    return f"{prefix}.{key}" if prefix else key


def normalise_path(path: str) -> str:
    """Turn a JSON-Schema error path (``incomes.0.amount``) into an input name (``incomes[0].amount``)."""
    return re.sub(r"\.(\d+)(?=\.|$)", r"[\1]", path)


def _type(prop: dict[str, Any]) -> str | None:
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
    """``title``/``description`` in the current language."""
    value = prop.get(key)
    if lang() == "en":
        value = prop.get(f"x-{key}-en", value)
    if isinstance(value, dict):
        value = value.get(lang()) or value.get("pl") or next(iter(value.values()), "")
    return str(value) if value not in (None, "") else default


def _enum(prop: dict[str, Any]) -> list[tuple[Any, str]] | None:
    """(value, label) pairs of an enum or a oneOf of consts, or None."""
    if "enum" in prop:
        labels = prop.get("x-labels-en") if lang() == "en" and "x-labels-en" in prop else prop.get("x-labels")
        values = [v for v in prop["enum"] if v is not None]
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


def _is_money(prop: dict[str, Any]) -> bool:
    """Amounts are decimal strings: an explicit widget/format, or a digits-dot-digits pattern."""
    if prop.get("x-widget") == "money" or prop.get("format") in ("money", "decimal"):
        return True
    pattern = str(prop.get("pattern", ""))
    return "\\." in pattern and bool(_DECIMAL_PATTERN.search(pattern))


def _nullable(prop: dict[str, Any]) -> bool:
    t = prop.get("type")
    return isinstance(t, list) and "null" in t


def kind_of(prop: dict[str, Any]) -> str:
    """The widget a property is rendered with."""
    if prop.get("readOnly") or "const" in prop:
        return "readonly"
    t = _type(prop)
    widget = prop.get("x-widget")
    if t == "object":
        return "object"
    if t == "array":
        items = prop.get("items") or {}
        if _enum(items):
            return "checkboxes"
        if _type(items) == "object":
            return "array"
        return "lines"
    if t == "boolean":
        return "checkbox"
    options = _enum(prop)
    if options is not None:
        if widget in ("radio", "select"):
            return str(widget)
        return "radio" if len(options) <= 4 else "select"
    if t == "integer":
        return "integer"
    if t == "number":
        return "money" if _is_money(prop) else "number"
    if t == "string" or t is None:
        if prop.get("format") == "date":
            return "date"
        if widget == "textarea" or (prop.get("maxLength") or 0) > 300:
            return "textarea"
        if _is_money(prop):
            return "money"
        if prop.get("format") == "email":
            return "email"
        return "text"
    return "text"


def _properties(schema: dict[str, Any]) -> list[tuple[str, dict[str, Any]]]:
    props = schema.get("properties") or {}
    order = schema.get("x-order") or list(props)
    return [(k, props[k]) for k in order if k in props and isinstance(props[k], dict)]


def _required(schema: dict[str, Any]) -> set[str]:
    return set(schema.get("required") or [])


# --- form -> raw ------------------------------------------------------------------------------

def indices(form: MultiDict[str, str], name: str) -> list[int]:
    """The row indices submitted for an array input, in order."""
    pattern = re.compile(re.escape(name) + r"\[([0-9]{1,4})\]")  # no 5,000-digit int()
    return sorted({int(m[1]) for key in form for m in [pattern.match(key)] if m})


def raw_from_form(schema: dict[str, Any], form: MultiDict[str, str], prefix: str = "") -> dict[str, Any]:
    """What the user typed, shaped like the schema (strings, booleans, lists)."""
    out: dict[str, Any] = {}
    for key, prop in _properties(schema):
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
_PLAIN_NUMBER = re.compile(r"^[+-]?[0-9]{1,15}(?:\.[0-9]{0,10})?$")


def _number(text: str) -> Decimal | None:
    """A plain decimal (no exponent, "_" or huge digit strings: refused by length first)."""
    cleaned = text.replace("\u00a0", "").replace(" ", "").replace(",", ".").strip()
    if len(cleaned) > 40 or not _PLAIN_NUMBER.match(cleaned):
        return None
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


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
        return float(cleaned) if _type(prop) == "number" else cleaned
    if kind == "integer":
        value = _number(text)
        if value is None or value != value.to_integral_value():
            errors[path] = _("Podaj liczbę całkowitą.")
            return text
        return int(value)
    if kind == "number":
        value = _number(text)
        if value is None:
            errors[path] = _("Podaj liczbę.")
            return text
        return int(value) if value == value.to_integral_value() else float(value)
    if kind in ("radio", "select"):
        for value, _label in _enum(prop) or []:
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
    required = _required(schema)
    for key, prop in _properties(schema):
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
            allowed = {str(v): v for v, _label in _enum(prop.get("items") or {}) or []}
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
            if key in required and _nullable(prop):
                out[key] = None
            elif key in required:
                errors[name] = _("To pole jest wymagane.")
        else:
            out[key] = _convert_scalar(prop, kind, value, name, errors)
    return out, errors


# --- raw/data -> fields ----------------------------------------------------------------------

def _display(value: Any, kind: str) -> Any:
    if kind == "checkbox":
        return bool(value)
    if kind in ("checkboxes",):
        return [str(v) for v in value] if isinstance(value, list) else []
    if kind == "lines":
        return "\n".join(map(str, value)) if isinstance(value, list) else str(value or "")
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if kind == "money" and isinstance(value, str | int | float | Decimal):
        return amount_input(value)  # "354,75" on a Polish page: the one money formatter
    return str(value)


def _attrs(prop: dict[str, Any], kind: str) -> dict[str, Any]:
    attrs: dict[str, Any] = {}
    for src, dst in (("minimum", "min"), ("maximum", "max"), ("maxLength", "maxlength"),
                     ("minLength", "minlength")):
        if src in prop:
            attrs[dst] = prop[src]
    if kind == "number":
        attrs["step"] = "any"
    if kind in ("money",):
        attrs["inputmode"] = "decimal"
    if kind == "integer":
        attrs["inputmode"] = "numeric"
    if "x-placeholder" in prop:
        attrs["placeholder"] = prop["x-placeholder"]
    if "x-autocomplete" in prop:
        attrs["autocomplete"] = prop["x-autocomplete"]
    return attrs


def build_fields(
    schema: dict[str, Any],
    values: dict[str, Any] | None,
    errors: dict[str, str] | None = None,
    prefix: str = "",
    depth: int = 0,
    choices: dict[str, list[tuple[str, str]]] | None = None,
    notes: dict[str, str] | None = None,
) -> list[Field]:
    """Fields for a schema filled with values (typed data or raw input); errors by input name.

    ``choices`` turns a plain property into a select by its key (e.g. ``member_index`` -> the
    household's members), for values the page knows but the schema does not enumerate;
    ``notes`` puts a computed figure beside a field by its name (e.g. the computed amount).
    """
    values = values or {}
    errors = errors or {}
    choices = choices or {}
    required = _required(schema)
    fields: list[Field] = []
    for key, prop in _properties(schema):
        name = join(prefix, key)
        kind = kind_of(prop)
        value = values.get(key, prop.get("default", prop.get("const")))
        f = Field(
            name=name, kind=kind, label=localized(prop, "title", key.replace("_", " ").capitalize()),
            # A required field that may be null can be left empty: not marked as required.
            help=localized(prop, "description"), required=key in required and not _nullable(prop),
            error=errors.get(name), attrs=_attrs(prop, kind), wide=bool(prop.get("x-wide")),
            note=(notes or {}).get(name, ""),
            benefits=tuple(prop["x-benefits"]) if isinstance(prop.get("x-benefits"), list) else None,
        )
        if key in choices and kind in ("integer", "number", "text"):
            f.kind, f.options, f.value = "select", choices[key], _display(value, "text")
        elif kind == "object":
            f.children = build_fields(prop, value if isinstance(value, dict) else {}, errors, name,
                                      depth, choices)
        elif kind == "array":
            items = prop.get("items") or {}
            placeholder = f"__{depth}__"
            f.placeholder = placeholder
            f.layout = prop.get("x-layout") or ("cards" if _nested(items) else "table")
            f.item_label = localized(items, "title", _("Pozycja"))
            rows = value if isinstance(value, list) else []
            f.rows = [build_fields(items, row if isinstance(row, dict) else {}, errors,
                                   f"{name}[{i}]", depth + 1, choices) for i, row in enumerate(rows)]
            f.template = build_fields(items, {}, {}, f"{name}[{placeholder}]", depth + 1, choices)
            f.attrs["min_rows"] = prop.get("minItems", 0)
        elif kind in ("checkboxes",):
            f.options = [(str(v), lbl) for v, lbl in _enum(prop.get("items") or {}) or []]
            f.value = _display(value or [], kind)
        elif kind in ("radio", "select"):
            f.options = [(_display(v, "text"), lbl) for v, lbl in _enum(prop) or []]
            f.value = _display(value, kind)
        elif kind == "readonly":
            options = dict((str(v), lbl) for v, lbl in _enum(prop) or [])
            f.value = options.get(_display(value, "text"), _display(value, "text"))
        else:
            f.value = _display(value, kind)
        fields.append(f)
    return fields


def _nested(items: dict[str, Any]) -> bool:
    """True if rows hold groups (objects/arrays/many fields): rendered as cards, not table rows."""
    props = _properties(items)
    return len(props) > 7 or any(kind_of(p) in ("object", "array", "checkboxes", "textarea", "lines")
                                 for _k, p in props)


def show_for_benefit(fields: list[Field], benefit: object) -> None:
    """Hide the fields (rows and templates too) that do not apply to the chosen ``benefit``."""
    for f in fields:
        f.hidden = bool(benefit) and f.benefits is not None and benefit not in f.benefits
        for part in (f.children, f.template, *f.rows):
            show_for_benefit(part, benefit)


def field_names(fields: list[Field]) -> set[str]:
    """Every input name in a field tree (to find errors that belong to no field)."""
    names: set[str] = set()
    for f in fields:
        names.add(f.name)
        names |= field_names(f.children)
        for row in f.rows:
            names |= field_names(row)
    return names


def unplaced_errors(fields: list[Field], errors: dict[str, str]) -> dict[str, str]:
    """Errors whose path names no rendered input (shown in the summary at the top)."""
    names = field_names(fields)
    return {k: v for k, v in errors.items() if k not in names}


def field_labels(fields: list[Field], parent: str = "") -> dict[str, str]:
    """Input name -> a readable label with its group and row number (for the error summary)."""
    out: dict[str, str] = {}
    for f in fields:
        here = f"{parent} › {f.label}" if parent else f.label
        out[f.name] = here
        out.update(field_labels(f.children, here))
        for i, row in enumerate(f.rows):
            out.update(field_labels(row, f"{f.item_label} {i + 1}" if f.layout == "cards"
                                    else f"{here} {i + 1}"))
    return out
