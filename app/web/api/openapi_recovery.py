"""The undue-benefit part of the OpenAPI document (app/web/api/recovery.py): schemas and paths."""

from __future__ import annotations

from typing import Any

from app.domain.recovery_law import GROUNDS as LEGAL_GROUNDS
from app.services.kernel.json_input import LONG_TEXT

from .openapi_helpers import _DB_ID, _id, _op, _post
from .openapi_requests import DATE, MONEY, NRB, POSITIVE_MONEY, nonblank

_MONEY = MONEY
# --- undue benefits (app/web/api/recovery.py) ---------------------------------------------------
_ON = {"name": "on", "in": "query", "required": False,
       "schema": DATE,
       "description": "the day of the balance (default today; never in the future)"}
_DATE = DATE
SCHEMAS: dict[str, Any] = {
    "RecoveryFinding": {
        "type": "object", "required": ["payments", "fact"], "additionalProperties": False,
        "properties": {
            "payments": {"type": "array", "minItems": 1, "maxItems": 240, "items": {
                "type": "object", "required": ["payment_id", "amount"], "additionalProperties": False,
                "properties": {"payment_id": _DB_ID, "amount": POSITIVE_MONEY}}},
            "ground": {"type": "string", "enum": ["false_information", "unreported_change"]},
            "legal_ground": {"type": "string", "enum": [g.code for g in LEGAL_GROUNDS],
                             "description": "FA and family benefits: the act's ground (art. 2 "
                             "pkt 7 lit. a-g FA act; art. 30 ust. 2 u.ś.r.); decides interest "
                             "(art. 23 ust. 1a). Default: the ground's own letter"},
            "fact": nonblank(LONG_TEXT),
            "found_on": _DATE,
            "learned_on": {**_DATE, "description": "when the party learned of the duty to report "
                                                   "changes (default: delivery of the decision "
                                                   "with the art. 109 notice)"},
            "notice_override": {"type": "string", "maxLength": 4000,
                                "description": "reason to record the finding "
                                "although no decision carries the notice"},
        },
    },
    "RecoveryDecisionDraft": {
        "type": "object", "required": ["kind", "justification"], "additionalProperties": False,
        "properties": {
            "kind": {"type": "string", "enum": ["recovery", "write_off", "deferral", "instalments"]},
            "justification": nonblank(LONG_TEXT),
            "repay_by": {**_DATE, "description": "recovery and deferral: the deadline"},
            "account": {**NRB, "description": "recovery: the centre's account (NRB/IBAN)"},
            "amount": {**POSITIVE_MONEY, "description": "write_off: part written off (omit for all)"},
            "instalments": {"type": "array", "items": {
                "type": "object", "required": ["due_on", "amount"], "additionalProperties": False,
                "properties": {"due_on": _DATE, "amount": POSITIVE_MONEY}}},
            "count": {"type": "integer", "minimum": 1, "maximum": 120},
            "first_due": _DATE,
        },
    },
    "RecoveryDecisionFinalRequest": {
        "type": "object", "required": ["final_on"], "additionalProperties": False,
        "properties": {"final_on": _DATE},
    },
    "RecoveryRepayment": {
        "type": "object", "required": ["received_on", "amount"], "additionalProperties": False,
        "properties": {"received_on": _DATE, "amount": POSITIVE_MONEY,
                       "accept_overpayment": {"type": "boolean"}},
    },
}
PATHS: dict[str, Any] = {
    "/api/cases/{case_id}/recoveries": {
        "get": _op("Undue benefits found in a case: findings, decisions, instalments, repayments "
                   "and balances (principal, interest, deducted, repaid, written off, "
                   "outstanding); read audited", "CaseRecoveries", params=[_id("case_id"), _ON],
                   errors=("404", "422")),
        "post": _post("Record undue payments of the case (amount <= paid, each payment once, "
                      "paid payments of this case only; art. 109 notice required for an "
                      "unreported change unless notice_override)", "RecoveryRecorded", ok="201",
                      body="RecoveryFinding", params=[_id("case_id")], errors=("404", "409")),
    },
    "/api/recoveries/{recovery_id}/decisions": {"post": _post(
        "Draft a decision on the debt (recovery, write_off, deferral, instalments)",
        "RecoveryDecisionDrafted", ok="201", body="RecoveryDecisionDraft",
        params=[_id("recovery_id")], errors=("404", "409"))},
    "/api/recovery-decisions/{decision_id}/approve": {"post": _post(
        "Approve, number and issue a drafted decision: a supervisor other than the drafter "
        "(403 otherwise); stores its PDF and SHA-256", "RecoveryDecisionIssued",
        params=[_id("decision_id")], errors=("404", "409"))},
    "/api/recovery-decisions/{decision_id}/final": {"post": _post(
        "Record the day the recovery decision became final: the 3-year limitation runs from it "
        "(art. 23 ust. 2 FA act; art. 30 u.ś.r.)", "RecoveryDecisionFinal",
        body="RecoveryDecisionFinalRequest", params=[_id("decision_id")],
        errors=("404", "409"))},
    "/api/recovery-decisions/{decision_id}/pdf": {"get": _op(
        "The issued decision as PDF (X-Content-SHA256 header)", "", params=[_id("decision_id")],
        errors=("404", "409"), media="application/pdf")},
    "/api/recoveries/{recovery_id}/repayments": {"post": _post(
        "Record a repayment received (an overpayment is refused unless accept_overpayment)",
        "RecoveryRepaid", ok="201", body="RecoveryRepayment", params=[_id("recovery_id")],
        errors=("404",))},
    "/api/persons/{person_id}/recovery-balance": {"get": _op(
        "A person's undue-benefit balance per case and in total; read audited",
        "PersonRecoveryBalance", params=[_id("person_id"), _ON], errors=("404", "422"))},
}
