"""The benefit's part of a task form: which fields of a form apply to a benefit, and what they
are called for it.

A task form (``workflows/forms/*.json``) is written once for every benefit. A benefit's
*fragment* of it is a JSON Schema fragment ``{"properties": {name: False | {...}}}`` per form
name: a property set to ``False`` does not apply to the benefit (it is not shown, not required
and not kept), a mapping is merged over the property (its title, its description). The fragment
is the kind's (below), then what the entry's flags imply (an amount fixed by law needs no reason
for another amount), then the entry's own ``form_fragment``, each over the one before.

:func:`shape` applies it to a form's schema; the page renders the shaped schema and the service
validates against the same one, so what the page shows and what the service accepts agree.
"""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from app.domain.benefits.catalogue import Benefit, Kind, entries, find

DRAFT = "draft_decision"

# What each kind of benefit leaves out of, or calls differently in, the decision draft.
KIND_FRAGMENTS: Mapping[Kind, Mapping[str, Mapping[str, Any]]] = {
    Kind.MONTHLY: {DRAFT: {"properties": {
        "purpose": False,
        "amount": {"title": {"pl": "Kwota miesięczna (zł)", "en": "Monthly amount (PLN)"}},
        "period_from": {"title": {"pl": "Okres od", "en": "Period from"}},
        "period_to": {"title": {"pl": "Okres do (puste: na czas nieokreślony)",
                                "en": "Period to (empty: indefinitely)"}},
    }}},
    Kind.ONE_OFF: {DRAFT: {"properties": {
        "period_to": False,
        "amount": {"title": {"pl": "Kwota jednorazowa (zł)", "en": "One-off amount (PLN)"}},
        "period_from": {"title": {"pl": "Data wypłaty", "en": "Payment date"}},
        "purpose": {"title": {"pl": "Cel zasiłku", "en": "Purpose of the benefit"}},
    }}},
    # Help in kind (a meal) and a service: no money is granted, so no amount; the scope instead.
    Kind.IN_KIND: {DRAFT: {"properties": {
        "amount": False, "amount_reason": False, "purpose": False,
        "period_from": {"title": {"pl": "Okres od", "en": "Period from"}},
        "period_to": {"title": {"pl": "Okres do", "en": "Period to"}},
    }}},
    Kind.SERVICE: {DRAFT: {"properties": {
        "amount": False, "amount_reason": False, "purpose": False,
        "period_from": {"title": {"pl": "Okres od", "en": "Period from"}},
        "period_to": {"title": {"pl": "Okres do", "en": "Period to"}},
    }}},
}

# Fields of the draft form that only some kinds have (the scope of help in kind or a service):
# left out of every other kind's form.
KIND_FIELDS: Mapping[str, frozenset[Kind]] = {
    "provider": frozenset({Kind.IN_KIND}),
    "meals_per_day": frozenset({Kind.IN_KIND}),
    "hours_per_week": frozenset({Kind.SERVICE}),
}

# An amount fixed by law (no discretion) is never "other than computed": no reason for it.
_FIXED_AMOUNT: Mapping[str, Mapping[str, Any]] = {DRAFT: {"properties": {"amount_reason": False}}}
# A benefit never granted on condition of its return: no return, no repayment terms.
_NOT_RETURNABLE: Mapping[str, Mapping[str, Any]] = {DRAFT: {"properties": {
    "return_kind": False, "return_amount": False, "return_instalments": False,
    "return_first_due": False,
}}}
# A benefit always granted for a set period: its end date is not optional.
_END_REQUIRED: Mapping[str, Mapping[str, Any]] = {DRAFT: {"properties": {
    "period_to": {"title": {"pl": "Okres do (wymagane: świadczenie na czas określony)",
                            "en": "Period to (required: granted for a set period)"}},
}}}


def _merge(into: dict[str, Any], fragment: Mapping[str, Any]) -> None:
    """Merge a fragment's properties over ``into`` (form name -> {"properties": ...})."""
    for form, part in fragment.items():
        props = into.setdefault(form, {}).setdefault("properties", {})
        for name, prop in (part.get("properties") or {}).items():
            if prop is False or props.get(name) is False:
                props[name] = prop if prop is False else dict(prop)
            else:
                props[name] = {**props.get(name, {}), **prop}


def fragment(entry: Benefit, form: str) -> Mapping[str, Any]:
    """The benefit's fragment of ``form`` ({"properties": ...}; empty when it changes nothing)."""
    merged: dict[str, Any] = {}
    _merge(merged, {DRAFT: {"properties": {
        name: False for name, kinds in KIND_FIELDS.items() if entry.kind not in kinds}}})
    _merge(merged, KIND_FRAGMENTS.get(entry.kind, {}))
    if not entry.amount_discretion:
        _merge(merged, _FIXED_AMOUNT)
    if entry.end_required:
        _merge(merged, _END_REQUIRED)
    if not entry.returnable:
        _merge(merged, _NOT_RETURNABLE)
    _merge(merged, entry.form_fragment)
    return merged.get(form, {})


def shaped(form: str) -> bool:
    """True when some benefit's fragment touches ``form`` (else it is the same for all)."""
    return any(fragment(entry, form) for entry in entries())


def left_out(benefit: str | None, form: str) -> frozenset[str]:
    """The fields of ``form`` that do not apply to ``benefit``."""
    entry = find(benefit)
    if entry is None:
        return frozenset()
    props = fragment(entry, form).get("properties") or {}
    return frozenset(name for name, prop in props.items() if prop is False)


def _drop(node: Any, names: frozenset[str]) -> Any:
    """The schema node without the named properties anywhere (conditions included)."""
    if isinstance(node, list):
        return [_drop(x, names) for x in node]
    if not isinstance(node, dict):
        return node
    out: dict[str, Any] = {}
    for key, value in node.items():
        if key == "properties" and isinstance(value, dict):
            out[key] = {k: _drop(v, names) for k, v in value.items() if k not in names}
        elif key == "required" and isinstance(value, list):
            out[key] = [k for k in value if k not in names]
        else:
            out[key] = _drop(value, names)
    return out


def shape(schema: Mapping[str, Any], benefit: str | None, form: str) -> dict[str, Any]:
    """``schema`` (a task form's JSON Schema) as it applies to ``benefit``: the fields that do
    not apply removed (from its properties and from every ``required``), the others retitled.
    The form itself is never changed (a copy is returned)."""
    entry = find(benefit)
    part = fragment(entry, form) if entry is not None else {}
    props = part.get("properties") or {}
    if not props:
        return copy.deepcopy(dict(schema))
    shaped: dict[str, Any] = _drop(copy.deepcopy(dict(schema)), left_out(benefit, form))
    own = shaped.get("properties") or {}
    for name, prop in props.items():
        if prop is not False and name in own:
            own[name] = {**own[name], **prop}
    return shaped


def keep_applying(data: dict[str, Any], benefit: str | None, form: str) -> dict[str, Any]:
    """``data`` without the fields of ``form`` that do not apply to ``benefit`` (in place)."""
    for name in left_out(benefit, form):
        data.pop(name, None)
    return data
