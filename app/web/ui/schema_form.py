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
``x-labels-en`` are used in English when present. An input schema of the services
(app/services/kernel/inputs) names its page texts in ``x-title`` and ``x-help``, Polish msgids
said through the catalogue (see :mod:`.schema_kinds`).

The parts: :mod:`.schema_kinds` (what a property is: widget, choices, label),
:mod:`.form_reading` (the submitted form read back, typed) and this module (the fields a page
renders); the pipeline's every step is importable from here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from flask_babel import gettext as _

from app.services.kernel import inputs
from app.web.ui.form_reading import ROW_MARKER, apply_row_action, convert, indices, raw_from_form
from app.web.ui.formatting import amount_input
from app.web.ui.labels import TABLES, label
from app.web.ui.schema_kinds import (
    join,
    kind_of,
    localized,
    normalise_path,
    nullable,
    options_of,
    properties_of,
    required_of,
)

# The pipeline's every step is named here, where the pages have always found it.
__all__ = ["ROW_MARKER", "Field", "apply_row_action", "build_fields", "convert", "field_labels",
           "field_names", "indices", "input_fields", "kind_of", "localized", "normalise_path",
           "raw_from_form", "unplaced_errors"]


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
    id_prefix: str = "f-"  # a page with two forms gives each its own

    @property
    def id(self) -> str:
        """The element id (names are unique within a form)."""
        return self.id_prefix + self.name


# --- raw/data -> fields ----------------------------------------------------------------------

def _display(value: Any, kind: str, as_typed: bool = False) -> Any:
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
    if kind == "money" and not as_typed and isinstance(value, str | int | float | Decimal):
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
    *,
    id_prefix: str = "f-",
    as_typed: bool = False,
) -> list[Field]:
    """Fields for a schema filled with values (typed data or raw input); errors by input name.

    ``choices`` turns a plain property into a select by its key (e.g. ``member_index`` -> the
    household's members), for values the page knows but the schema does not enumerate;
    ``notes`` puts a computed figure beside a field by its name (e.g. the computed amount);
    ``id_prefix`` starts every element id (a page with two forms gives each its own);
    ``as_typed``: the values are the strings typed, shown as they are (an amount not rewritten).
    A choice the page labels itself (``choices`` of an enum) keeps its widget.
    """
    values = values or {}
    errors = errors or {}
    choices = choices or {}
    required = required_of(schema)
    fields: list[Field] = []
    for key, prop in properties_of(schema):
        name = join(prefix, key)
        kind = kind_of(prop)
        value = values.get(key, prop.get("default", prop.get("const")))
        f = Field(
            name=name, kind=kind, label=localized(prop, "title", key.replace("_", " ").capitalize()),
            # A required field that may be null can be left empty: not marked as required.
            help=localized(prop, "description"), required=key in required and not nullable(prop),
            error=errors.get(name), attrs=_attrs(prop, kind), wide=bool(prop.get("x-wide")),
            note=(notes or {}).get(name, ""), id_prefix=id_prefix,
            benefits=tuple(prop["x-benefits"]) if isinstance(prop.get("x-benefits"), list) else None,
        )
        if key in choices and kind in ("integer", "number", "text"):
            f.kind, f.options, f.value = "select", choices[key], _display(value, "text")
        elif key in choices and kind in ("radio", "select", "checkboxes"):
            f.options = choices[key]
            f.value = _display(value if value is not None or kind != "checkboxes" else [], kind)
        elif kind == "object":
            f.children = build_fields(prop, value if isinstance(value, dict) else {}, errors, name,
                                      depth, choices, id_prefix=id_prefix, as_typed=as_typed)
        elif kind == "array":
            items = prop.get("items") or {}
            placeholder = f"__{depth}__"
            f.placeholder = placeholder
            f.layout = prop.get("x-layout") or ("cards" if _nested(items) else "table")
            f.item_label = localized(items, "title", _("Pozycja"))
            rows = value if isinstance(value, list) else []
            f.rows = [build_fields(items, row if isinstance(row, dict) else {}, errors,
                                   f"{name}[{i}]", depth + 1, choices, id_prefix=id_prefix,
                                   as_typed=as_typed) for i, row in enumerate(rows)]
            f.template = build_fields(items, {}, {}, f"{name}[{placeholder}]", depth + 1, choices,
                                      id_prefix=id_prefix, as_typed=as_typed)
            f.attrs["min_rows"] = prop.get("minItems", 0)
        elif kind in ("checkboxes",):
            f.options = [(str(v), lbl) for v, lbl in options_of(prop.get("items") or {}) or []]
            f.value = _display(value or [], kind)
        elif kind in ("radio", "select"):
            f.options = [(_display(v, "text"), lbl) for v, lbl in options_of(prop) or []]
            f.value = _display(value, kind)
        elif kind == "readonly":
            options = dict((str(v), lbl) for v, lbl in options_of(prop) or [])
            f.value = options.get(_display(value, "text"), _display(value, "text"))
        else:
            f.value = _display(value, kind, as_typed)
        fields.append(f)
    return fields


def _nested(items: dict[str, Any]) -> bool:
    """True if rows hold groups (objects/arrays/many fields): rendered as cards, not table rows."""
    props = properties_of(items)
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


def input_fields(name: str, values: dict[str, Any] | None = None,
                 errors: dict[str, str] | None = None, id_prefix: str = "f-",
                 labels: dict[str, str] | None = None) -> list[Field]:
    """The fields of the services' input schema ``name`` (``inputs.SCHEMAS``), for a template
    that renders one (``{% for f in input_fields('DecisionChangeRequest', ...) %}``): the values
    shown as typed, and a choice labelled from a label table by its property
    (``labels={'ground': 'change_ground'}``, see :data:`app.web.ui.labels.TABLES`)."""
    choices = {key: [(code, label(TABLES[table], code)) for code in
                     (inputs.SCHEMAS[name]["properties"][key].get("enum") or []) if code]
               for key, table in (labels or {}).items()}
    return build_fields(inputs.SCHEMAS[name], values, errors, choices=choices,
                        id_prefix=id_prefix, as_typed=True)

