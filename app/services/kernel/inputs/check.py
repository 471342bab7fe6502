"""Validate a body against a named input schema and return its typed values.

One pass reports every problem: structure (JSON Schema draft 2020-12, through the coded
messages of :mod:`app.services.kernel.schema_errors`), then the formats (``money`` -> Decimal,
``date`` -> date, see :mod:`app.services.kernel.formats`) and the text hygiene of each string
(:func:`app.services.kernel.json_input.text_problem`, NFC, stripped). Errors are keyed by the
field's path as the services always wrote it (``payments[0].amount``); a property may name the
code its every error is said with (``x-code``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker, ValidationError

from app.domain.messages import Code, Msg, code_of, msg
from app.services.kernel import formats
from app.services.kernel.errors import ValidationFailed
from app.services.kernel.json_input import FieldErrors, decimal_field, text_problem
from app.services.kernel.schema_errors import humanize

MESSAGE = msg(Code.REQUEST_INVALID)
FORMATS = ("money", "date")


def _checker(page: bool) -> FormatChecker:
    """The formats, asserted: ``money`` and ``date`` as typed through an API or on a page."""
    checker = FormatChecker(formats=())
    for fmt in FORMATS:
        checker.checks(fmt)(lambda instance, fmt=fmt: instance is None  # null is the type's to allow
                            or formats.problem(fmt, instance, page=page) is None)
    return checker


_CHECKERS = {False: _checker(False), True: _checker(True)}


def path_of(parts: Iterable[Any]) -> str:
    """``["payments", 0, "amount"]`` -> ``payments[0].amount``."""
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _message(err: ValidationError, page: bool) -> tuple[str, Msg]:
    """The path and coded message of one structural violation."""
    parts = list(err.absolute_path)
    schema = err.schema if isinstance(err.schema, dict) else {}
    if "x-code" in schema:
        return path_of(parts), msg(code_of(schema["x-code"]))
    if err.validator in schema.get("x-codes", {}):
        return path_of(parts), msg(code_of(schema["x-codes"][err.validator]),
                                   **_params(schema, err.validator_value))
    if "enum" in schema:  # a code of the wrong type is still a choice to make
        return path_of(parts), msg(Code.CHOOSE_ONE, allowed=", ".join(map(str, schema["enum"])))
    if schema.get("format") in FORMATS and err.instance is not None:
        found = formats.problem(schema["format"], err.instance, page=page)
        if found is not None:
            return path_of(parts), found
    return path_of(parts), humanize(err)


def _params(schema: dict[str, Any], value: Any) -> dict[str, str | int]:
    """The parameters an ``x-codes`` message may name: the choices, the keyword's limit."""
    params: dict[str, str | int] = {"allowed": ", ".join(map(str, schema.get("x-allowed", [])))}
    if isinstance(value, int) and not isinstance(value, bool):
        params["limit"] = value
    return params


def _decimal(spec: dict[str, Any], value: Any, path: str, errors: dict[str, Msg]) -> Decimal | None:
    """A decimal that is not money (``x-decimal``: a percentage, hectares), read by the money
    parser with its own places, maximum and words (json_input.decimal_field)."""
    found = FieldErrors()
    number = decimal_field(value, path, found, places=spec["places"], maximum=Decimal(spec["maximum"]),
                           what=spec["what"], example=spec["example"])
    for key, message in found.items():
        errors.setdefault(key, message)  # type: ignore[arg-type]  # a coded Msg
    return number


def _errors(validator: Any, body: Any, page: bool) -> dict[str, Msg]:
    out: dict[str, Msg] = {}
    for err in sorted(validator.iter_errors(body), key=lambda e: list(map(str, e.absolute_path))):
        if err.validator == "required" and isinstance(err.instance, dict):
            code = Code(err.schema.get("x-code", Code.REQUIRED)) if isinstance(err.schema, dict) \
                else Code.REQUIRED
            for name in err.validator_value:
                if name not in err.instance:
                    out.setdefault(path_of([*err.absolute_path, name]), msg(code))
            continue
        if err.validator == "additionalProperties" and isinstance(err.instance, dict):
            known = (err.schema.get("properties") or {}) if isinstance(err.schema, dict) else {}
            for key in err.instance:
                if key not in known:
                    out.setdefault(path_of([*err.absolute_path, str(key)]), msg(Code.UNKNOWN_FIELD))
            continue
        path, message = _message(err, page)
        out.setdefault(path or "body", message)
    return out


def _typed(schema: dict[str, Any], value: Any, parts: list[Any], page: bool,
           errors: dict[str, Msg]) -> Any:
    """``value`` (valid against ``schema``) with money as Decimal, dates as date and every text
    in NFC without surrounding blanks; a text its kind refuses, or a blank one marked
    ``x-nonblank``, is an error."""
    fmt = schema.get("format")
    if "x-decimal" in schema and value is not None:
        return _decimal(schema["x-decimal"], value, path_of(parts), errors)
    if fmt in FORMATS and value is not None:
        try:
            return formats.READERS[fmt](value, page=page)
        except formats.Refused as refused:
            errors.setdefault(path_of(parts), refused.message)
            return None
    if isinstance(value, dict):
        props = schema.get("properties") or {}
        return {k: _typed(props.get(k) or {}, v, [*parts, k], page, errors) for k, v in value.items()}
    if isinstance(value, list):
        items = schema.get("items") or {}
        return [_typed(items, v, [*parts, i], page, errors) for i, v in enumerate(value)]
    if isinstance(value, str) and "enum" not in schema and "const" not in schema:
        text = unicodedata.normalize("NFC", value).strip()
        found = text_problem(text, schema.get("x-text", "multiline"))
        if not text and schema.get("x-nonblank"):
            errors.setdefault(path_of(parts), msg(Code.REQUIRED))
        elif found is not None:
            errors.setdefault(path_of(parts), found)
        return text
    return value


_DIGITS = re.compile(r"^[0-9]{1,9}$")


def _digits(schema: dict[str, Any], value: Any) -> Any:
    """``value`` with the digit strings of ``x-digits`` integers read as integers (a form's
    number of days arrives as text)."""
    if schema.get("x-digits") and isinstance(value, str) and _DIGITS.match(value.strip()):
        return int(value.strip())
    if isinstance(value, dict):
        props = schema.get("properties") or {}
        return {k: _digits(props.get(k) or {}, v) for k, v in value.items()}
    if isinstance(value, list):
        return [_digits(schema.get("items") or {}, v) for v in value]
    return value


def validator_for(schema: dict[str, Any], page: bool) -> Draft202012Validator:
    """A validator of ``schema`` with the page's or the API's formats. A registered schema's
    validator is kept (:func:`app.services.kernel.inputs.read`): it resolves its ``$ref`` and
    keywords once, not on every request."""
    return Draft202012Validator(schema, format_checker=_CHECKERS[page])


def check(schema: dict[str, Any], body: Any, *, page: bool = False,
          validator: Draft202012Validator | None = None) -> tuple[Any, dict[str, Msg]]:
    """Every field error (none when the body is valid), and the typed body without the
    top-level fields that have one (so a service can still check the rest against the case).
    ``validator``: the schema's own, when the caller keeps one (:func:`validator_for`)."""
    if validator is None:
        validator = validator_for(schema, page)
    body = _digits(schema, body)
    errors = _errors(validator, body, page)
    typed = _typed(schema, body, [], page, errors)  # safe on any JSON; adds what it finds
    if not isinstance(typed, dict):
        return {}, errors
    wrong = {re.split(r"[.\[]", path, maxsplit=1)[0] for path in errors}
    return {k: v for k, v in typed.items() if k not in wrong}, errors


def fail(errors: Mapping[str, str], message: Msg = MESSAGE) -> ValidationFailed:
    """The 422 with every field error."""
    return ValidationFailed(message, dict(errors))
