"""JSON Schema violations as coded field messages (see app/domain/messages.py).

jsonschema's own messages ("None is not of type 'string'") are for developers: they are English
and echo the value typed in. Each violation is mapped by its keyword to a code instead, on the
path of the field it concerns (a missing or unexpected property gets its own path).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from decimal import Decimal, InvalidOperation
from typing import Any

import re2
from jsonschema import Draft202012Validator, FormatChecker, ValidationError, validators
from referencing import Registry

from app.domain.messages import Code, Msg, msg
from app.services.kernel import formats
from app.workflow_engine import patterns

MAX_AMOUNT = Decimal("10000000000")  # as app.services.cases.opening accepts
_TYPES = {
    "string": Code.TEXT_EXPECTED, "integer": Code.INTEGER_EXPECTED, "number": Code.NUMBER_EXPECTED,
    "boolean": Code.BOOLEAN_EXPECTED, "array": Code.LIST_EXPECTED, "object": Code.OBJECT_EXPECTED,
}
_LIMITS = {
    "minimum": Code.MIN_VALUE, "maximum": Code.MAX_VALUE,
    "exclusiveMinimum": Code.GREATER_THAN, "exclusiveMaximum": Code.LESS_THAN,
    "minLength": Code.MIN_LENGTH, "maxLength": Code.MAX_LENGTH,
    "minItems": Code.MIN_ITEMS, "maxItems": Code.MAX_ITEMS,
}


def field_errors(errors: Iterable[ValidationError]) -> dict[str, str]:
    """Field path ("verified_incomes.0.net_income"; "data" for the whole) -> its first message."""
    out: dict[str, str] = {}
    for err in errors:
        path = ".".join(str(p) for p in err.absolute_path)
        named = _named_properties(err)
        if named is not None:
            code, names = named
            for name in names:
                out[".".join(filter(None, [path, name]))] = msg(code)
        else:
            out.setdefault(path or "data", humanize(err))
    return out


def _named_properties(err: ValidationError) -> tuple[Code, list[str]] | None:
    """Missing (required) or unexpected (additionalProperties) properties, by name."""
    instance, value = err.instance, err.validator_value
    if not isinstance(instance, dict):
        return None
    if err.validator == "required" and isinstance(value, list):
        return Code.REQUIRED, [str(p) for p in value if p not in instance]
    if err.validator == "dependentRequired" and isinstance(value, dict):
        return Code.REQUIRED, [str(p) for key, deps in value.items() if key in instance
                               for p in deps if p not in instance]
    if err.validator == "additionalProperties" and value is False and isinstance(err.schema, dict):
        known = err.schema.get("properties") or {}
        patterns = err.schema.get("patternProperties") or {}
        if not patterns:
            return Code.UNKNOWN_FIELD, [str(k) for k in instance if k not in known]
    return None


def humanize(err: ValidationError) -> Msg:
    """The coded message for one violation (never jsonschema's text)."""
    keyword, value = err.validator, err.validator_value
    if keyword == "type":
        if err.instance is None:  # a field left empty (forms send null), e.g. required by an if/then
            return msg(Code.REQUIRED)
        types = [value] if isinstance(value, str) else list(value)
        wanted = next((t for t in types if t != "null"), None)
        return msg(_TYPES.get(str(wanted), Code.INVALID_VALUE))
    if keyword == "enum" or (keyword in ("oneOf", "anyOf") and _consts(value)):
        allowed = value if keyword == "enum" else _consts(value)
        return msg(Code.CHOOSE_ONE, allowed=", ".join(map(str, allowed)))
    if keyword in ("minLength", "minItems") and value == 1:
        return msg(Code.NOT_EMPTY)
    if keyword in _LIMITS and isinstance(value, int | float):
        return msg(_LIMITS[keyword], limit=value if isinstance(value, int) else str(value))
    if keyword == "uniqueItems":
        return msg(Code.UNIQUE_ITEMS)
    if keyword == "format" and value in ("money", "decimal"):
        return _amount(err.instance)
    if keyword == "format" and value == "date":  # why, as every input says it (format or years)
        return formats.problem("date", err.instance) or msg(Code.DATE_FORMAT)
    if keyword == "format":
        return msg(Code.WRONG_FORMAT)
    if keyword == "pattern" and "\\d" in str(value) and "\\." in str(value):
        return _amount(err.instance)  # an amount pattern: digits, a dot, digits
    if keyword == "pattern":
        return msg(Code.WRONG_FORMAT)
    if keyword in ("required", "dependentRequired"):
        return msg(Code.REQUIRED)
    if keyword in ("additionalProperties", "unevaluatedProperties"):
        return msg(Code.UNKNOWN_FIELD)
    return msg(Code.INVALID_VALUE)


def _consts(alternatives: Any) -> list[Any]:
    """The values of a oneOf/anyOf made only of consts (an enum with labels), else []."""
    if isinstance(alternatives, list) and alternatives and all(
        isinstance(a, dict) and "const" in a for a in alternatives
    ):
        return [a["const"] for a in alternatives]
    return []


def _amount(instance: Any) -> Msg:
    """What is wrong with a value that should be an amount in złoty (a decimal string)."""
    try:
        amount = Decimal(str(instance).strip().replace(",", "."))
    except InvalidOperation:
        return msg(Code.AMOUNT_FORMAT)
    if not amount.is_finite():
        return msg(Code.AMOUNT_FORMAT)
    if amount < 0:
        return msg(Code.AMOUNT_NEGATIVE)
    if amount >= MAX_AMOUNT:  # before quantize, which fails on huge numbers
        return msg(Code.AMOUNT_TOO_LARGE)
    if amount != amount.quantize(Decimal("0.01")):
        return msg(Code.AMOUNT_DECIMALS)
    return msg(Code.WRONG_FORMAT)  # a valid amount written differently ("+5", "5.")


# --- the validator of task forms ---------------------------------------------------------------

_MONEY_DIGITS = re.compile(r"^[0-9]{1,10}(\.[0-9]{1,2})?$")
_FORMATS = FormatChecker()


_FORMATS.checks("regex", raises=re2.error)(lambda instance: patterns.pattern_refusal(instance) is None
                                           if isinstance(instance, str) else True)


@_FORMATS.checks("date")
def _strict_date(instance: object) -> bool:
    """The one strict ``date`` of every input (:mod:`app.services.kernel.formats`): a real
    "YYYY-MM-DD" day within its years (not "20250101" nor a week date, which
    date.fromisoformat reads). A task form is typed as an API body is: no "dd.mm.rrrr"."""
    return not isinstance(instance, str) or formats.problem("date", instance) is None


def _is_money_pattern(pattern: object) -> bool:
    return "\\d" in str(pattern) and "\\." in str(pattern)


def _pattern(validator: Any, pattern: str, instance: Any,
             schema: dict[str, Any]) -> Iterator[ValidationError]:
    """``pattern`` on RE2 (linear time), with ASCII digits and Numeric(12,2) bounds for amounts."""
    if not isinstance(instance, str):
        return
    if _is_money_pattern(pattern) and not _MONEY_DIGITS.match(instance):
        yield ValidationError(f"not an amount within Numeric(12, 2): {pattern}")
        return
    if not _matches(pattern, instance):
        yield ValidationError(f"does not match {pattern!r}")


def _matches(pattern: str, text: str) -> bool:
    """RE2 search; a pattern RE2 cannot run (deployed before the check) matches nothing."""
    try:
        return patterns.search(pattern, text)
    except re2.error:
        return False


def _pattern_properties(validator: Any, pattern_properties: dict[str, Any], instance: Any,
                        schema: dict[str, Any]) -> Iterator[ValidationError]:
    """``patternProperties`` with the property names matched on RE2."""
    if not validator.is_type(instance, "object"):
        return
    for pattern, subschema in pattern_properties.items():
        for key, value in instance.items():
            if _matches(pattern, key):
                yield from validator.descend(value, subschema, path=key, schema_path=pattern)


def _additional_properties(validator: Any, additional: Any, instance: Any,
                           schema: dict[str, Any]) -> Iterator[ValidationError]:
    """``additionalProperties``, where the names ``patternProperties`` covers are found on RE2.

    jsonschema's own keyword matches them with Python's re: it gets the schema with those names
    listed under ``properties`` instead, so it never sees a pattern.
    """
    if not validator.is_type(instance, "object"):
        return
    pattern_names = schema.get("patternProperties") or {}
    covered = {key for key in instance if any(_matches(p, key) for p in pattern_names)}
    plain = {**schema, "properties": {**(schema.get("properties") or {}), **dict.fromkeys(covered, True)},
             "patternProperties": {}}
    yield from _DRAFT_KEYWORDS["additionalProperties"](validator, additional, instance, plain)


_DRAFT_KEYWORDS = Draft202012Validator.VALIDATORS
_FormValidator = validators.extend(Draft202012Validator, {
    "pattern": _pattern, "patternProperties": _pattern_properties,
    "additionalProperties": _additional_properties,
})
# Schema resolution never touches the network: no retrieval of remote $refs.
_NO_RETRIEVAL = Registry()


def form_validator(schema: dict[str, Any]) -> Any:
    """A validator for a task form: strict dates, bounded amounts, no remote $ref, and patterns
    matched by RE2 (linear time; the deploy check refused any pattern RE2 cannot run)."""
    return _FormValidator(schema, format_checker=_FORMATS, registry=_NO_RETRIEVAL)
