"""Cases opened ex officio to change a running grant: what they change, and the old schedule they
replace (see :mod:`app.services.parameter_changes`). Kept apart so the task hooks and the job
handlers can use it without importing the service that opens such cases."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import or_, select

from app.persistence.models import Case, Decision, DecisionEvent, PaymentScheduleItem

from .context import UnitOfWork

GRANTING = ("grant", "partial")
# Decisions whose grant runs (or will run once final): not drafts, refusals or ones overturned.
RUNNING = ("approved", "issued", "final")


def replace_parent_schedule(uow: UnitOfWork, case: Case, period_from: date) -> int:
    """Cancel the changed grant's planned months from the change on; return how many.

    Called when a change case's schedule is made (those months are paid under the changing
    decision instead) and when a revocation is final (nothing is paid from its date). Months
    already on a payment list are left as they are; a suspended month (an appeal pending) is
    cancelled too.
    """
    if case.kind != "change" or case.parent_case_id is None:
        return 0
    # The grant as it runs now: the parent's months and those of earlier changes of it.
    siblings = select(Case.id).where(Case.parent_case_id == case.parent_case_id, Case.id != case.id)
    items = uow.session.scalars(select(PaymentScheduleItem).where(
        or_(PaymentScheduleItem.case_id == case.parent_case_id,
            PaymentScheduleItem.case_id.in_(siblings)),
        PaymentScheduleItem.status.in_(("planned", "suspended")),
        PaymentScheduleItem.month >= period_from.replace(day=1),
    )).all()
    for item in items:
        item.status = "cancelled"
    return len(items)


def change_context(uow: UnitOfWork, case: Case) -> dict[str, Any] | None:
    """What a change case changes: the decision, its period end and the change date."""
    if case.kind != "change" or case.parent_case_id is None:
        return None
    decision = uow.session.scalars(
        select(Decision).where(Decision.case_id == case.parent_case_id, Decision.kind.in_(GRANTING),
                               Decision.status.in_(RUNNING)).order_by(Decision.id.desc())
    ).first()
    parent = uow.session.get(Case, case.parent_case_id)
    assert parent is not None
    return {
        "parent_case_id": parent.id, "parent_case_number": parent.number,
        "decision_number": decision.number if decision else None,
        "issued_on": decision.issued_on.isoformat() if decision and decision.issued_on else None,
        "amount": f"{decision.amount:.2f}" if decision else None,
        "period_to": decision.period_to.isoformat() if decision and decision.period_to else None,
        "effective_from": case.effective_from.isoformat() if case.effective_from else None,
        **change_purpose(uow, case),
    }


def change_purpose(uow: UnitOfWork, change: Case) -> dict[str, Any]:
    """Why a change case was opened: purpose, reason and the amount asked for (or None)."""
    for ev in uow.session.scalars(select(DecisionEvent).where(
            DecisionEvent.case_id == change.parent_case_id,
            DecisionEvent.kind.like("%_opened")).order_by(DecisionEvent.id.desc())):
        if (ev.detail or {}).get("change_case_id") == change.id:
            return {"purpose": ev.kind.removesuffix("_opened"), "reason": ev.reason,
                    "requested_amount": f"{ev.amount:.2f}" if ev.amount is not None else None}
    return {"purpose": "parameter_change", "reason": "", "requested_amount": None}
