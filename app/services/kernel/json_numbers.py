"""Whole numbers in JSON request bodies, however they are spelled (read by the web layer's parser).

JSON has one number type (RFC 8259 section 6) and JSON Schema calls a number with a zero
fraction an integer: ``2``, ``2.0`` and ``2e0`` are the same value, and the OpenAPI document's
``"type": "integer"`` admits all three. A client library that writes every number as a float
(``"user_id": 683.0``) sent a valid request the handlers refused ("Give user_id."), since Python
parses ``683.0`` as a float. So a whole-valued literal with a fraction or an exponent is read as
a :class:`WholeFloat`: an ``int`` to every integer field, still recognisably spelled as a float
to the money parsers, which keep refusing JSON numbers for amounts (money is a decimal string,
so that no grosz is lost). A real fraction (``10.5``) stays a float and is refused where an
integer is wanted. Only magnitudes up to 2**53 (what a float spells exactly) are converted:
``1e400`` stays a float, and no literal ever builds a huge integer.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

EXACT = 2**53


class WholeFloat(int):
    """An integer that arrived spelled as a float (``683.0``, ``2e3``)."""


def whole_number(literal: str) -> float | int:
    """A JSON number literal with a fraction or exponent: a WholeFloat if its value is whole."""
    try:
        value = Decimal(literal)
    except InvalidOperation:  # pragma: no cover - the JSON scanner only passes numbers
        return float(literal)
    if value.is_finite() and abs(value) <= EXACT and value == value.to_integral_value():
        return WholeFloat(int(value))
    return float(literal)
