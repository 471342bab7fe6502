"""Inputs of the FA debtor procedure (app/services/debtors): opening a procedure with the
debtor's data, a due (FA paid to an entitled person) and a receipt recovered from the debtor.

What a schema cannot say stays with the service: a PESEL's check digits and birth date, dates
after today or before the creditor centre's request, the FA case linked, a receipt dated before
the last one or above what the debtor owes."""

from __future__ import annotations

from typing import Any

from app.services.kernel.inputs.node import SchemaNode

DATE: dict[str, Any] = {"type": "string", "format": "date"}
AMOUNT: dict[str, Any] = {"type": ["string", "integer"], "format": "money", "x-positive": True}
DB_ID: dict[str, Any] = {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}


def _text(length: int, kind: str = "line") -> SchemaNode:
    return {"type": "string", "maxLength": length, "x-text": kind, "x-nonblank": True}


SCHEMAS: dict[str, dict[str, Any]] = {
    "DebtorProcedureRequest": {
        "type": "object", "additionalProperties": False,
        "required": ["first_name", "last_name", "address", "creditor_gmina", "debtor_gmina",
                     "request_received_on"],
        "properties": {
            "first_name": _text(100, "name"), "last_name": _text(100, "name"),
            "pesel": {"type": "string", "maxLength": 11,
                      "description": "the debtor's PESEL (check digits checked by the server)",
                      "x-openapi": {"pattern": "^[0-9]{11}$"}},
            "birth_date": {**DATE, "description": "without a PESEL: with sex"},
            "sex": {"type": "string", "enum": ["F", "M"]},
            "address": _text(300),
            "creditor_gmina": {**_text(120), "description": "the gmina of the creditor's centre"},
            "debtor_gmina": {**_text(120), "description": "the gmina of the debtor's centre"},
            "request_received_on": {**DATE, "description": "the day the creditor centre's "
                                    "request (or the centre's own finding) was received; "
                                    "never in the future"},
            "fa_case_id": {**DB_ID, "description": "the FA case of the entitled persons, when "
                           "this centre holds it"},
        },
    },
    "DebtorDueRequest": {
        "type": "object", "additionalProperties": False, "required": ["paid_on", "amount"],
        "properties": {"paid_on": {**DATE, "description": "never in the future"},
                       "amount": AMOUNT},
    },
    "DebtorReceiptRequest": {
        "type": "object", "additionalProperties": False, "required": ["received_on", "amount"],
        "properties": {
            "received_on": {**DATE, "description": "never in the future, nor before the last "
                            "receipt recorded"},
            "amount": {**AMOUNT, "description": "at most what the debtor owes on the day"},
            "reference": {"type": "string", "maxLength": 100, "x-text": "line",
                          "description": "the bailiff's transfer or receipt reference"},
        },
    },
}
