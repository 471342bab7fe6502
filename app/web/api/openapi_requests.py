"""Request-side pieces of the OpenAPI document (app/web/api/openapi.py): what the server accepts.

A request the document declares valid must be one the server takes (schemathesis'
`positive_data_acceptance`, tests/fuzz/test_api_fuzz.py). So the shared shapes here say what the
parsers of app/services check: dates are real days in the years 1900-2199 (json_input.MIN_YEAR,
MAX_YEAR), digits are ASCII digits (a JSON Schema `\\d` admits any script's digits, the parsers
do not), amounts fit Numeric(12, 2), and no string holds a character the edge refuses in every
JSON body (json_input.json_problems: NUL, and whatever else that gate refuses). What no JSON
Schema can say (a PESEL's or an NRB's check digits, a date after today, a BPMN that does not
compile, a state of the case) is answered with a documented 422 that the fuzz run names per
operation.

`harden(document)` adds the text rule to every request body: each free string gets the pattern
and each open object admits only such JSON in the keys it does not name.
"""

from __future__ import annotations

import unicodedata
from typing import Any

from app.services.cases.register import plain_text
from app.services.kernel import inputs
from app.services.kernel.inputs.export import DATE, DAY, MONEY, POSITIVE_MONEY, YEAR
from app.services.kernel.inputs.export import MONTH as MONTH_OF_YEAR
from app.services.kernel.json_input import json_problems

_YEAR, _MONTH, _DAY = YEAR, MONTH_OF_YEAR, DAY
MONTH: dict[str, Any] = {"type": "string", "pattern": f"^{_YEAR}-{_MONTH}$"}
__all__ = ["DATE", "MONEY", "POSITIVE_MONEY"]


def _code_points() -> list[str]:
    """Candidates for a refusal at the edge: control, format and separator characters."""
    wanted = {"Cc", "Cf", "Zl", "Zp"}
    planes = [*range(0x20000), *range(0xE0000, 0xE1000)]  # where every such character lives
    return [chr(c) for c in planes if unicodedata.category(chr(c)) in wanted]


def _class(chars: list[str]) -> str:
    """A regex character class body of `chars` as literal characters and ranges."""
    parts: list[str] = []
    codes = sorted(ord(c) for c in chars)
    i = 0
    while i < len(codes):
        j = i
        while j + 1 < len(codes) and codes[j + 1] == codes[j] + 1:
            j += 1
        parts.append(chr(codes[i]) if i == j else f"{chr(codes[i])}-{chr(codes[j])}")
        i = j + 1
    return "".join(parts)


_CANDIDATES = _code_points()  # about 230 characters, found in ~30 ms once per process


# What the edge refuses in any string value / any key of a JSON body, asked of the gate itself,
# so the document follows the server when the gate changes.
REFUSED_CHARS = [c for c in _CANDIDATES if json_problems(f"a{c}a")]
REFUSED = _class(REFUSED_CHARS)
REFUSED_IN_KEYS = _class([c for c in _CANDIDATES if json_problems({f"a{c}a": 0})])
TEXT: dict[str, Any] = {"type": "string", "pattern": f"^[^{REFUSED}]*$"} if REFUSED else \
    {"type": "string"}
KEY: dict[str, Any] = {"pattern": f"^[^{REFUSED_IN_KEYS}]*$"} if REFUSED_IN_KEYS else {}
# Python's str.strip() also strips U+001C-U+001F, which ECMA's \s does not name.
_BLANK = "\\s\x1c-\x1f"


def nonblank(max_length: int, refused: str = REFUSED) -> dict[str, Any]:
    """A text with a character that is not blank (the server strips and requires one)."""
    keep = f"[^{refused}]*"
    return {"type": "string", "maxLength": max_length,
            "pattern": f"^{keep}[^{_BLANK}{refused}]{keep}$"}


# A search refuses control characters too (register.plain_text), asked of the search itself.
SEARCH_REFUSED = _class([c for c in _CANDIDATES if c in REFUSED_CHARS or not plain_text(c)])


JSON_REF = {"$ref": "#/components/schemas/Json"}
JSON: dict[str, Any] = {
    "description": "Any JSON whose strings hold no character the API refuses",
    "anyOf": [TEXT, {"type": ["number", "boolean", "null"]},
              {"type": "array", "items": JSON_REF},
              {"type": "object", "propertyNames": KEY, "additionalProperties": JSON_REF}]}


def _harden(node: Any) -> None:
    """Add the text rule to a request schema, in place (see the module docstring)."""
    if isinstance(node, list):
        for item in node:
            _harden(item)
        return
    if not isinstance(node, dict) or "$ref" in node:
        return
    types = node.get("type")
    types = types if isinstance(types, list) else [types]
    if "string" in types and not {"enum", "const", "pattern"} & node.keys() and REFUSED:
        node["pattern"] = TEXT["pattern"]
    if "object" in types:
        if KEY:
            node.setdefault("propertyNames", KEY)
        if node.get("additionalProperties") in (None, True):
            node["additionalProperties"] = JSON_REF
    for key in ("properties", "$defs"):
        for child in node.get(key, {}).values():
            _harden(child)
    for key in ("items", "additionalProperties", "anyOf", "oneOf", "allOf", "then", "else"):
        if key in node and node[key] is not JSON_REF:
            _harden(node[key])


def _nonblank_texts(node: Any) -> Any:
    """An input schema's ``x-nonblank`` texts spelled as :func:`nonblank` patterns."""
    if isinstance(node, list):
        return [_nonblank_texts(item) for item in node]
    if not isinstance(node, dict):
        return node
    out = {key: _nonblank_texts(value) for key, value in node.items() if key != "x-nonblank"}
    if node.get("x-nonblank"):
        out.update(nonblank(int(node.get("maxLength", 100_000))))
    return out


def input_schemas(*names: str) -> dict[str, Any]:
    """The request bodies ``names`` from the one input dialect (app/services/kernel/inputs)."""
    every = inputs.openapi_schemas()
    return {name: _nonblank_texts(every[name]) for name in names}


def harden(document: dict[str, Any], request_schemas: list[str]) -> None:
    """The text rule on every request body and query parameter of `document`."""
    schemas = document["components"]["schemas"]
    schemas["Json"] = JSON
    for name in request_schemas:
        _harden(schemas[name])
    for item in document["paths"].values():
        for op in item.values():
            for param in op.get("parameters", []):
                _harden(param["schema"])
