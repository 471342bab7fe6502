"""The payments' service operation: the final decision's payment schedule. Registered with the
workflow registry by :mod:`app.services.payments.registration`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from types import MappingProxyType

from app.domain.deadlines import today_in_warsaw
from app.domain.decision_rules import ONE_OFF
from app.domain.messages import Code, msg
from app.domain.statuses import DecisionKind
from app.persistence.models import Case, Job
from app.services.decisions.change_cases import replace_parent_schedule
from app.services.decisions.job_operations import DecisionNotIssuable, drafted_decision
from app.services.kernel.context import UnitOfWork
from app.services.payments.schedule import ScheduleMade, make_schedule
from app.services.recovery import aid_claims
from app.services.workflow.registry import Operation


def payment_schedule(uow: UnitOfWork, job: Job) -> ScheduleMade:
    """The final decision's payment schedule (see :mod:`app.services.payments.schedule`): its
    months, or one payment of a one-off benefit on its date (idempotent per month)."""
    decision = drafted_decision(uow, job.case_id)
    if decision.kind != DecisionKind.REFUSAL and decision.period_from is not None \
            and decision.period_to is not None and decision.period_to < decision.period_from \
            and decision.benefit not in ONE_OFF:
        # A reversed period never yields a silently empty schedule.
        raise DecisionNotIssuable(msg(Code.DECISION_PERIOD_REVERSED, decision_id=decision.id))
    result = make_schedule(uow, decision)
    claim = aid_claims.record_claim(uow, decision, decision.issued_on or today_in_warsaw(uow.ctx.now()))
    if claim is not None:
        result = replace(result, claim_id=claim)
    case = uow.session.get(Case, decision.case_id)
    assert case is not None
    if decision.period_from is not None:
        # A changing decision replaces the changed grant's planned months from its start.
        result = replace(result, replaced=replace_parent_schedule(uow, case, decision.period_from))
    return result


OPERATIONS: Mapping[str, Operation] = MappingProxyType({
    "payment_schedule": Operation(
        payment_schedule, MappingProxyType({"case_id": "int", "benefit": "str", "amount": "str",
                                            "period_from": "str", "period_to": "str"}),
        frozenset({"case_id"}), doc="Makes the payment schedule of the final decision."),
})
