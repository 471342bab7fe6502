"""Inputs of letters (app/services/documents/letters.py): each kind's facts, and the request
that names the kind with its facts. What depends on today or on the case (a new date after
today, an appeal dated after the decision) is the letters' own rule check."""

from __future__ import annotations

from typing import Any

from app.services.kernel.json_input import LONG_TEXT

MIN_DAYS, MAX_DAYS = 7, 60
TEXT: dict[str, Any] = {"type": "string", "maxLength": LONG_TEXT, "x-nonblank": True}
# A number of days: a JSON integer, or the digits a form sends.
DAYS: dict[str, Any] = {"type": "integer", "minimum": MIN_DAYS, "maximum": MAX_DAYS, "x-digits": True}
DATE: dict[str, Any] = {"type": "string", "format": "date"}


def _facts(required: list[str], **properties: dict[str, Any]) -> dict[str, Any]:
    return {"type": "object", "required": required, "properties": properties}


LETTER_FACTS: dict[str, dict[str, Any]] = {
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
    **{f"LetterFacts_{kind}": facts for kind, facts in LETTER_FACTS.items()},
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
