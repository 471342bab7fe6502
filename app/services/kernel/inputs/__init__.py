"""The input dialect: one JSON Schema (draft 2020-12) per input, and one function that checks a
body against it and returns typed values (see docs/ARCHITECTURE.md, "One input dialect").

Each module here holds the schemas of one sub-domain's inputs, registered by name in
``SCHEMAS``; money and dates use the two formats of :mod:`.formats`. :func:`validate` raises
``ValidationFailed`` (422) with every field error, coded, under its path; the OpenAPI document
references the same schemas (:func:`openapi_schemas`).
"""

from __future__ import annotations

from typing import Any

from app.domain.messages import Msg
from app.services.kernel.inputs import recovery
from app.services.kernel.inputs.check import check, fail
from app.services.kernel.inputs.export import openapi

SCHEMAS: dict[str, dict[str, Any]] = {**recovery.SCHEMAS}


def validate(name: str, body: Any, *, page: bool = False,
             extra: dict[str, Msg] | None = None) -> dict[str, Any]:
    """``body`` checked against the input schema ``name``: its values typed (Decimal, date, clean
    text), or ValidationFailed with every field error (and ``extra``, the caller's own rule
    checks already made) under its path. ``page``: the body was typed on a page (a Polish
    comma in amounts, dd.mm.rrrr dates)."""
    typed, errors = check(SCHEMAS[name], body, page=page)
    errors = {**(extra or {}), **errors}
    if errors:
        raise fail(errors)
    return dict(typed)


def openapi_schemas() -> dict[str, dict[str, Any]]:
    """Every input schema as the OpenAPI document declares it (formats spelled as patterns)."""
    return {name: openapi(schema) for name, schema in SCHEMAS.items()}
