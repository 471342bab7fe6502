"""Inputs of help in kind and services (app/services/provision): the care services' fee table of
the rada gminy's resolution (art. 50 ust. 6 u.p.s.).

The schema says the body's shape (the four fields, a list of at most 20 bands, each a limit and a
share); what it cannot say stays with the domain (app.domain.care_fees.read_table: limits rising,
the last band open-ended, shares 0–100 %, with Polish errors per band)."""

from __future__ import annotations

from typing import Any

from app.domain.messages import Code

MAX_BANDS = 20
# A number typed as text or a whole number (a limit or a share in per cent); read by the domain.
_NUMBER: dict[str, Any] = {"type": ["string", "integer"], "maxLength": 12,
                           "x-codes": {"type": str(Code.NUMBER_EXPECTED)},
                           "x-openapi": {"type": "string", "pattern": r"^[0-9]{1,5}([.,][0-9]{1,2})?$"}}

SCHEMAS: dict[str, dict[str, Any]] = {
    "CareFeeTableRequest": {
        "type": "object", "additionalProperties": False,
        "required": ["valid_from", "hourly_cost", "resolution", "bands"],
        "properties": {
            "valid_from": {"type": "string", "format": "date",
                           "description": "the day the resolution's table applies from"},
            "hourly_cost": {"type": ["string", "integer"], "format": "money",
                            "description": "the cost of an hour of services (zł)"},
            "resolution": {"type": "string", "maxLength": 300, "x-text": "line",
                           "x-nonblank": True,
                           "description": "the rada gminy's resolution (number and date)"},
            "base_version": {"type": "integer", "minimum": 1, "maximum": 2**31 - 1,
                             "description": "the version read (an edit only; 409 when changed)"},
            "bands": {
                "type": "array", "minItems": 1, "maxItems": MAX_BANDS,
                "description": "income as a percentage of the criterion up to which a share of "
                               "the hour's cost is paid; the last band has no limit",
                "items": {
                    "type": "object", "additionalProperties": False, "required": ["fee_percent"],
                    "properties": {
                        "up_to": {**_NUMBER, "type": ["string", "integer", "null"],
                                  "x-openapi": {**_NUMBER["x-openapi"], "nullable": True}},
                        "fee_percent": _NUMBER}}},
        }},
}
