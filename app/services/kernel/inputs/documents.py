"""Inputs of letters (app/services/documents/letters.py): each kind's facts, and the request
that names the kind with its facts. What depends on today or on the case (a new date after
today, an appeal dated after the decision) is the letters' own rule check."""

from __future__ import annotations

from typing import Any

from app.services.kernel.inputs.node import SchemaNode
from app.services.kernel.json_input import LONG_TEXT

MIN_DAYS, MAX_DAYS = 7, 60
TEXT: dict[str, Any] = {"type": "string", "maxLength": LONG_TEXT, "x-nonblank": True}
# A number of days: a JSON integer, or the digits a form sends.
DAYS: dict[str, Any] = {"type": "integer", "minimum": MIN_DAYS, "maximum": MAX_DAYS, "x-digits": True}
DATE: dict[str, Any] = {"type": "string", "format": "date"}


def _facts(required: list[str], **properties: dict[str, Any]) -> SchemaNode:
    return {"type": "object", "required": required, "properties": properties}


LETTER_FACTS: dict[str, SchemaNode] = {
    "supplement_call": _facts(["items", "days"], items=TEXT, days=DAYS),
    "evidence_notice": _facts(["unmet", "days"], unmet=TEXT, days=DAYS),
    "delay_notice": _facts(["reason", "new_date"], reason=TEXT,
                           new_date={**DATE, "description": "after today, within a year"}),
    "sko_forward": _facts(["appeal_filed_on", "appeal_received_on"],
                          appeal_filed_on={**DATE, "description": "not after today"},
                          appeal_received_on={**DATE, "description": "not after today"},
                          enclosures={"type": "string", "maxLength": LONG_TEXT}),
}

SCHEMAS: dict[str, dict[str, Any]] = {
    **{f"LetterFacts_{kind}": dict(facts) for kind, facts in LETTER_FACTS.items()},
    "LetterRequest": {
        "type": "object", "required": ["kind", "facts"],
        "properties": {
            "kind": {"type": "string", "enum": list(LETTER_FACTS)},
            "facts": {"type": "object", "description": "the letter's fields; days 7 to "
                      "60, dates YYYY-MM-DD (new_date after today, the appeal's dates "
                      "not after it)"},
        },
        "allOf": [{"if": {"required": ["kind"], "properties": {"kind": {"const": kind}}},
                   "then": {"properties": {"facts": facts}}}
                  for kind, facts in LETTER_FACTS.items()],
    },
}


# --- the office: the issuing body and its signers' authorisations (documents/office.py) ------

# The body's title, by code (documents.office.BODIES holds its nominative and genitive).
BODY_CODES = ("wojt", "burmistrz", "prezydent")
AUTHORISATION_ACTS = ("ups", "usr", "fa")


def _line(limit: int, *, required: bool = True) -> SchemaNode:
    """One line of text (no line breaks), at most ``limit`` characters."""
    return {"type": "string", "maxLength": limit, "x-text": "line",
            **({"x-nonblank": True} if required else {})}


SCHEMAS["OfficeSettings"] = {
    "type": "object", "additionalProperties": False,
    "required": ["gmina", "body", "centre_name", "centre_name_genitive", "centre_address",
                 "centre_city", "sko_name", "sko_seat", "payment_method"],
    "properties": {
        "gmina": _line(200), "body": {"type": "string", "enum": list(BODY_CODES)},
        "centre_name": _line(300), "centre_name_genitive": _line(300),
        "centre_address": _line(300), "centre_city": _line(100),
        "sko_name": _line(300), "sko_seat": _line(300),
        "payment_method": _line(1000), "payment_day": _line(1000, required=False)},
}
SCHEMAS["SignerAuthorisation"] = {
    "type": "object", "additionalProperties": False,
    "required": ["username", "act", "position", "number", "issued_on"],
    "properties": {
        "username": _line(100), "act": {"type": "string", "enum": list(AUTHORISATION_ACTS)},
        "position": _line(200), "number": _line(100), "issued_on": DATE, "valid_until": DATE},
}
