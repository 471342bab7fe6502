"""Inputs of undue benefits (app/services/recovery): the finding, a decision on the debt, the day
it became final and a repayment."""

from __future__ import annotations

from typing import Any

from app.domain.messages import N_, Code
from app.domain.recovery import GROUNDS
from app.domain.recovery_law import GROUNDS as LEGAL_GROUNDS
from app.domain.statuses import RecoveryDecisionKind
from app.services.kernel.inputs.node import SchemaNode
from app.services.kernel.json_input import LONG_TEXT

MAX_PAYMENTS = 240
MAX_INSTALMENTS = 120
DB_ID: dict[str, Any] = {"type": "integer", "minimum": 1, "maximum": 2**31 - 1}
DATE: dict[str, Any] = {"type": "string", "format": "date"}
AMOUNT: dict[str, Any] = {"type": ["string", "integer"], "format": "money", "x-positive": True}


def long_text(description: str = "") -> SchemaNode:
    """A required free text: not blank, at most LONG_TEXT characters."""
    return {"type": "string", "maxLength": LONG_TEXT, "x-nonblank": True,
            **({"description": description} if description else {})}


SCHEMAS: dict[str, dict[str, Any]] = {
    "RecoveryFinding": {
        "type": "object", "required": ["payments", "fact"], "additionalProperties": False,
        "properties": {
            "payments": {"type": "array", "minItems": 1, "maxItems": MAX_PAYMENTS, "items": {
                "type": "object", "required": ["payment_id", "amount"], "additionalProperties": False,
                "properties": {"payment_id": DB_ID, "amount": AMOUNT}}},
            "ground": {"type": "string", "enum": list(GROUNDS),
                       "description": "required unless legal_ground is given"},
            "legal_ground": {"type": "string", "enum": [g.code for g in LEGAL_GROUNDS],
                             "description": "FA and family benefits: the act's ground (art. 2 "
                             "pkt 7 lit. a-g FA act; art. 30 ust. 2 u.ś.r.); decides interest "
                             "(art. 23 ust. 1a). Default: the ground's own letter"},
            "fact": long_text(),
            "found_on": {**DATE, "description": "default today; never in the future"},
            "learned_on": {**DATE, "description": "when the party learned of the duty to report "
                                                  "changes (default: delivery of the decision "
                                                  "with the art. 109 notice)"},
            "notice_override": {"type": "string", "maxLength": LONG_TEXT,
                                "description": "reason to record the finding "
                                "although no decision carries the notice"},
        },
    },
    "RecoveryDecisionDraft": {
        "type": "object", "required": ["kind", "justification"], "additionalProperties": False,
        # The page's fields (the instalments it asks as a count and a first due date).
        "x-order": ["kind", "justification", "repay_by", "account", "amount", "count", "first_due"],
        "properties": {
            "kind": {"type": "string", "enum": [str(k) for k in RecoveryDecisionKind],
                     "x-code": str(Code.RECOVERY_KIND_UNKNOWN), "x-title": N_("Rodzaj"),
                     "x-widget": "select", "x-titles": {
                         "recovery": N_("zwrot nienależnie pobranego świadczenia"),
                         "write_off": N_("umorzenie"), "deferral": N_("odroczenie terminu"),
                         "instalments": N_("rozłożenie na raty")}},
            "justification": {**long_text(), "x-title": N_("Uzasadnienie")},
            "repay_by": {**DATE, "description": "recovery and deferral: the deadline",
                         "x-title": N_("Termin zwrotu")},
            "account": {"type": "string", "maxLength": 64, "x-title": N_("Rachunek organu"),
                        "description": "recovery: the centre's account (NRB/IBAN)",
                        "x-openapi": {"pattern": "^(PL)?[0-9]{26}$",
                                      "description": "recovery: the centre's account: 26-digit "
                                      "NRB (or PL IBAN); its check digits are checked by the "
                                      "server (422)"}},
            "amount": {**AMOUNT, "description": "write_off: part written off (omit for all)",
                       "x-title": N_("Kwota umorzenia (puste = całość)")},
            "instalments": {"type": "array", "maxItems": MAX_INSTALMENTS, "items": {
                "type": "object", "required": ["due_on", "amount"], "additionalProperties": False,
                "properties": {"due_on": DATE, "amount": AMOUNT}}},
            "count": {"type": "integer", "minimum": 1, "maximum": MAX_INSTALMENTS,
                      "x-title": N_("Liczba rat")},
            "first_due": {**DATE, "x-title": N_("Termin pierwszej raty")},
        },
    },
    "RecoveryDecisionFinalRequest": {
        "type": "object", "required": ["final_on"], "additionalProperties": False,
        "properties": {"final_on": DATE},
    },
    "RecoveryRepayment": {
        "type": "object", "required": ["received_on", "amount"], "additionalProperties": False,
        "properties": {"received_on": {**DATE, "x-title": N_("Data wpływu")},
                       "amount": {**AMOUNT, "x-title": N_("Kwota")},
                       "accept_overpayment": {"type": "boolean", "x-title": N_("Zapisz nadpłatę")}},
    },
}
