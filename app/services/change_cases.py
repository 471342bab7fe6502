"""Cases opened ex officio to change a running grant: what they change, and the old schedule they
replace (see :mod:`app.services.parameter_changes`). Kept apart so the task hooks and the job
handlers can use it without importing the service that opens such cases."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select

from app.persistence.models import Case, Decision, PaymentScheduleItem

from .context import UnitOfWork

GRANTING = ("grant", "partial")
# Decisions whose grant runs (or will run once final): not drafts, refusals or ones overturned.
RUNNING = ("approved", "issued", "final")


def replace_parent_schedule(uow: UnitOfWork, case: Case, period_from: date) -> int:
    """Cancel the changed grant's planned months from the change on; return how many.

    Called when a change case's schedule is made: those months are paid under the changing
    decision instead. Months already on a payment list are left as they are.
    """
    if case.kind != "change" or case.parent_case_id is None:
        return 0
    items = uow.session.scalars(select(PaymentScheduleItem).where(
        PaymentScheduleItem.case_id == case.parent_case_id,
        PaymentScheduleItem.status == "planned",
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
    }
