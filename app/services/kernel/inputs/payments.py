"""Inputs of settlement (app/services/payments/settle.py): marking a payment or a whole list
paid or returned, and reissuing a returned payment."""

from __future__ import annotations

from typing import Any

from app.domain.messages import Code

SCHEMAS: dict[str, dict[str, Any]] = {
    "SettleRequest": {
        "type": "object", "required": ["outcome", "on"],
        "properties": {
            "outcome": {"type": "string", "enum": ["paid", "returned"],
                        "x-code": str(Code.PAYMENT_OUTCOME_INVALID)},
            "on": {"type": "string", "format": "date",
                   "description": "the statement's or receipt's day: not before the list's "
                   "approval, not in the future (422)"},
            "ref": {"type": "string", "maxLength": 100, "description":
                    "the statement or receipt number: needed to settle (422), "
                    "not to repeat the same marking"}}},
    "ReissueRequest": {
        "type": "object", "required": ["method"],
        "allOf": [{"if": {"required": ["method"], "properties": {"method": {"const": "transfer"}}},
                   "then": {"required": ["account"]}}],
        "properties": {
            "method": {"type": "string", "enum": ["transfer", "cash"]},
            "account": {"type": "string", "maxLength": 64,
                        "description": "NRB (26 digits) for a transfer",
                        "x-openapi": {"pattern": "^(PL)?[0-9]{26}$",
                                      "description": "NRB (26 digits) for a transfer; its check "
                                      "digits are checked by the server (422)"}}}},
}
