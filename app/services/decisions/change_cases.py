"""Cases opened ex officio to change a running grant: what they change, and the old schedule they
replace (see :mod:`app.services.decisions.parameter_changes`). Kept apart so the task hooks and the job
handlers can use it without importing the service that opens such cases."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import or_, select

from app.domain.statuses import CaseKind, DecisionKind, DecisionStatus, ScheduleItemStatus
from app.domain.views import JsonView
from app.persistence.models import Case, Decision, DecisionEvent, PaymentScheduleItem
from app.services.kernel.context import UnitOfWork

GRANTING = (DecisionKind.GRANT, DecisionKind.PARTIAL)
# Decisions whose grant runs (or will run once final): not drafts, refusals or ones overturned.
RUNNING = (DecisionStatus.APPROVED, DecisionStatus.ISSUED, DecisionStatus.FINAL)


def replace_parent_schedule(uow: UnitOfWork, case: Case, period_from: date) -> int:
    """Cancel the changed grant's planned months from the change on; return how many.

    Called when a change case's schedule is made (those months are paid under the changing
    decision instead) and when a revocation is final (nothing is paid from its date). Months
    already on a payment list are left as they are; a suspended month (an appeal pending) is
    cancelled too.
    """
    if case.kind != CaseKind.CHANGE or case.parent_case_id is None:
        return 0
    # The grant as it runs now: the parent's months and those of earlier changes of it.
    siblings = select(Case.id).where(Case.parent_case_id == case.parent_case_id, Case.id != case.id)
    items = uow.session.scalars(select(PaymentScheduleItem).where(
        or_(PaymentScheduleItem.case_id == case.parent_case_id,
            PaymentScheduleItem.case_id.in_(siblings)),
        PaymentScheduleItem.status.in_((ScheduleItemStatus.PLANNED, ScheduleItemStatus.SUSPENDED)),
        PaymentScheduleItem.month >= period_from.replace(day=1),
    )).all()
    for item in items:
        item.status = ScheduleItemStatus.CANCELLED
    return len(items)


@dataclass(frozen=True, eq=False)
class ChangePurpose(JsonView):
    """Why a change case was opened: purpose, reason and the amount asked for (or None)."""

    purpose: str
    reason: str
    requested_amount: Decimal | None
    ground: str | None
    ground_text: str
    consent_on: str | None           # ISO, as the opening event recorded it
    parent_decision_id: int | None


@dataclass(frozen=True, eq=False)
class ChangeContext(JsonView):
    """What a change case changes: the decision, its period end and the change date, and why
    (the fields of :class:`ChangePurpose`, flat: the task form's context sends them so)."""

    parent_case_id: int
    parent_case_number: str | None
    decision_number: str | None
    issued_on: date | None
    amount: Decimal | None
    period_to: date | None
    effective_from: date | None
    decision_kind: str | None
    purpose: str
    reason: str
    requested_amount: Decimal | None
    ground: str | None
    ground_text: str
    consent_on: str | None
    parent_decision_id: int | None


def change_context(uow: UnitOfWork, case: Case) -> ChangeContext | None:
    """What a change case changes: the decision, its period end and the change date."""
    if case.kind != CaseKind.CHANGE or case.parent_case_id is None:
        return None
    purpose = change_purpose(uow, case)
    # The decision the change case was opened on (a self-corrected or quashed one no longer
    # runs, but it is the one the new decision names); else the parent's running grant.
    decision = uow.session.get(Decision, purpose.parent_decision_id) \
        if purpose.parent_decision_id else None
    if decision is None:
        decision = uow.session.scalars(
            select(Decision).where(Decision.case_id == case.parent_case_id,
                                   Decision.kind.in_(GRANTING), Decision.status.in_(RUNNING))
            .order_by(Decision.id.desc())).first()
    parent = uow.session.get(Case, case.parent_case_id)
    assert parent is not None
    return ChangeContext(
        parent_case_id=parent.id, parent_case_number=parent.number,
        decision_number=decision.number if decision else None,
        issued_on=decision.issued_on if decision else None,
        amount=decision.amount if decision else None,
        period_to=decision.period_to if decision else None,
        effective_from=case.effective_from,
        decision_kind=decision.kind if decision else None,
        **vars(purpose),
    )


def change_purpose(uow: UnitOfWork, change: Case) -> ChangePurpose:
    """Why a change case was opened: purpose, reason and the amount asked for (or None)."""
    for ev in uow.session.scalars(select(DecisionEvent).where(
            DecisionEvent.case_id == change.parent_case_id,
            DecisionEvent.kind.like("%_opened")).order_by(DecisionEvent.id.desc())):
        detail = ev.detail or {}
        if detail.get("change_case_id") == change.id:
            purpose = ev.kind.removesuffix("_opened")
            return ChangePurpose(
                purpose=purpose, reason=ev.reason, requested_amount=ev.amount,
                # Changes opened before grounds were recorded: a parameter change's ground
                # is its own; any other's is not known (printed as the reason given).
                ground=detail.get("ground") or (
                    "parameter_change" if purpose == "parameter_change" else None),
                ground_text=detail.get("ground_text") or "",
                consent_on=detail.get("consent_on"), parent_decision_id=ev.decision_id)
    return ChangePurpose(purpose="parameter_change", reason="", requested_amount=None,
                         ground="parameter_change", ground_text="", consent_on=None,
                         parent_decision_id=None)
