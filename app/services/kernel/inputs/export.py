"""An input schema as the OpenAPI document declares it: what the server accepts through the API.

The two formats become patterns a client (and schemathesis) can generate from: ``date`` is a
"YYYY-MM-DD" in the years MIN_YEAR-MAX_YEAR, ``money`` an ASCII decimal string within
Numeric(12, 2) (positive where ``x-positive`` says zero is refused). The schema's own vendor
keywords (``x-code``, ``x-text``, ``x-positive``) stay with the server; ``x-openapi`` holds
what only the document says (a pattern the server checks with its own message), and
``x-nonblank`` is left for the document to spell with the characters the edge refuses.
"""

from __future__ import annotations

from typing import Any

from app.services.kernel.formats import MAX_YEAR, MIN_YEAR

assert (MIN_YEAR, MAX_YEAR) == (1900, 2199), "the year pattern below spells 1900-2199"
YEAR = "(19[0-9]{2}|2[01][0-9]{2})"
MONTH = "(0[1-9]|1[0-2])"
DAY = "(0[1-9]|[12][0-9]|3[01])"
DATE: dict[str, Any] = {"type": "string", "format": "date", "pattern": f"^{YEAR}-{MONTH}-{DAY}$"}
# At most 9,999,999,999.99 (Numeric(12, 2)); ASCII digits; one or two decimals.
MONEY: dict[str, Any] = {"type": "string", "pattern": r"^[0-9]{1,10}(\.[0-9]{1,2})?$",
                         "example": "1200.00"}
POSITIVE_MONEY: dict[str, Any] = {
    "type": "string", "example": "120.00",
    "pattern": r"^([1-9][0-9]{0,9}(\.[0-9]{1,2})?|0\.(0[1-9]|[1-9][0-9]?))$"}
_VENDOR = ("x-code", "x-codes", "x-allowed", "x-decimal", "x-text", "x-positive", "x-openapi",
           "x-digits", "x-title", "x-help", "x-widget", "x-titles", "x-order",
           "x-placeholder")


def openapi(node: Any) -> Any:
    """A deep copy of ``node`` with the formats spelled out and the vendor keywords dropped."""
    if isinstance(node, list):
        return [openapi(item) for item in node]
    if not isinstance(node, dict):
        return node
    fmt = node.get("format")
    base: dict[str, Any] = {}
    if fmt == "date":
        base = DATE
    elif fmt == "money":
        base = POSITIVE_MONEY if node.get("x-positive") else MONEY
    out = {key: openapi(value) for key, value in node.items()
           if key not in _VENDOR and not (base and key in ("type", "format"))}
    return {**base, **out, **node.get("x-openapi", {})}
