"""The message codes of the u.p.s. aid with no formula (issue 16, lane upsa): the decision rules
of aid granted on condition of its return (art. 41 pkt 2, art. 40 ust. 3 u.p.s.)."""

from __future__ import annotations

from app.domain.messages.codes import MessageCode


class UpsaCode(MessageCode):
    """Codes of the rules on returnable aid; texts in :mod:`app.domain.messages.upsa`."""

    RULE_RETURN_REQUIRED = "rule.return_required"
    RULE_RETURN_NOT_ALLOWED = "rule.return_not_allowed"
    RULE_RETURN_AMOUNT_OUT_OF_RANGE = "rule.return_amount_out_of_range"
    RULE_RETURN_TERMS_REQUIRED = "rule.return_terms_required"
    RULE_RETURN_DUE_BEFORE_PAYMENT = "rule.return_due_before_payment"
    RULE_AMOUNT_BELOW_MINIMUM = "rule.amount_below_minimum"
