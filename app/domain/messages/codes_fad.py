"""The message codes of the FA debtor procedure (app/services/debtors; lane fad)."""

from __future__ import annotations

from app.domain.messages.codes import MessageCode


class FadCode(MessageCode):
    """What the debtor procedure refuses; the value is what API clients see as ``code``."""

    DEBTOR_ROLE = "debtor.role"
    DEBTOR_PROCEDURE_UNKNOWN = "debtor.procedure_unknown"
    DEBTOR_INVALID = "debtor.invalid"
    DEBTOR_FA_CASE_UNKNOWN = "debtor.fa_case_unknown"
    DEBTOR_DATE_FUTURE = "debtor.date_future"
    DEBTOR_DATE_BEFORE_REQUEST = "debtor.date_before_request"
    DEBTOR_RECEIPT_BEFORE_LAST = "debtor.receipt_before_last"
    DEBTOR_RECEIPT_ABOVE_OUTSTANDING = "debtor.receipt_above_outstanding"
    DEBTOR_NO_FA_CASE = "debtor.no_fa_case"
    DEBTOR_REGISTRATION_DAYS = "debtor.registration_days"
    DEBTOR_EVASION_EXCLUDED = "debtor.evasion_excluded"
    DEBTOR_FINAL_BEFORE_DECISION = "debtor.final_before_decision"
    DEBTOR_PAYMENTS_DISAGREE = "debtor.payments_disagree"
    DEBTOR_MONTH_PAID_INVALID = "debtor.month_paid_invalid"
