"""The input dialect: one JSON Schema (draft 2020-12) per input, and one function that checks a
body against it and returns typed values (see docs/ARCHITECTURE.md, "One input dialect").

Each module here holds the schemas of one sub-domain's inputs, registered by name in
``SCHEMAS``; money and dates use the two formats of :mod:`.formats`. :func:`validate` raises
``ValidationFailed`` (422) with every field error, coded, under its path; the OpenAPI document
references the same schemas (:func:`openapi_schemas`).
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from typing import Any

from jsonschema import Draft202012Validator

from app.domain.messages import Code, msg
from app.services.kernel.errors import ValidationFailed
from app.services.kernel.inputs import (
    calculator,
    cases,
    debtors,
    decisions,
    documents,
    niebieska_karta,
    payments,
    provision,
    recovery,
    social_work,
)
from app.services.kernel.inputs.check import MESSAGE, check, fail, validator_for
from app.services.kernel.inputs.export import openapi

SCHEMAS: dict[str, dict[str, Any]] = {
    **recovery.SCHEMAS, **decisions.SCHEMAS, **documents.SCHEMAS, **payments.SCHEMAS,
    **calculator.SCHEMAS, **cases.SCHEMAS, **debtors.SCHEMAS, **social_work.SCHEMAS,
    **provision.SCHEMAS, **niebieska_karta.SCHEMAS}


@functools.cache
def _validator(name: str, page: bool) -> Draft202012Validator:
    """The validator of a registered input schema, built once per process (the schemas are
    constants of the code: a new schema comes with a new process)."""
    return validator_for(SCHEMAS[name], page)


def read(name: str, body: Any, *, page: bool = False) -> tuple[dict[str, Any], dict[str, str]]:
    """``body`` checked against the input schema ``name``: its valid fields typed (Decimal,
    date, clean text) and every field error, coded, under its path; nothing is raised, so the
    caller can add its own rule checks of the valid fields and report them all at once.
    ``page``: the body was typed on a page (a Polish comma in amounts, dd.mm.rrrr dates)."""
    typed, errors = check(SCHEMAS[name], body, page=page, validator=_validator(name, page))
    return typed, dict[str, str](errors)  # each a coded Msg


def validate(name: str, body: Any, *, page: bool = False) -> Mapping[str, Any]:
    """:func:`read`, raising ValidationFailed (422) with every field error when there is one.

    The typed values, read-only: their names and types are those the registered schema
    ``SCHEMAS[name]`` declares (money a Decimal, a date a date), which is what callers read."""
    typed, errors = read(name, body, page=page)
    if errors:
        raise refusal(errors, page=page)
    return typed


def refusal(errors: dict[str, Any], *, page: bool = False) -> ValidationFailed:
    """The 422 of a body with these field errors (a form's wording on a page)."""
    return fail(errors, msg(Code.FORM_INVALID) if page else MESSAGE)


def openapi_schemas() -> dict[str, dict[str, Any]]:
    """Every input schema as the OpenAPI document declares it (formats spelled as patterns)."""
    return {name: openapi(schema) for name, schema in SCHEMAS.items()}
