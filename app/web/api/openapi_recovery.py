"""The undue-benefit part of the OpenAPI document (app/web/api/recovery.py): schemas and paths."""

from __future__ import annotations

from typing import Any

from .openapi_helpers import _id, _op, _post
from .openapi_requests import DATE, input_schemas

# --- undue benefits (app/web/api/recovery.py) ---------------------------------------------------
_ON = {"name": "on", "in": "query", "required": False,
       "schema": DATE,
       "description": "the day of the balance (default today; never in the future)"}
# The request bodies are the input schemas the services check (app/services/kernel/inputs).
SCHEMAS: dict[str, Any] = input_schemas("RecoveryFinding", "RecoveryDecisionDraft",
                                        "RecoveryDecisionFinalRequest", "RecoveryRepayment")
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
