"""What the `handle_appeal` task shows: the appeal itself (when it was posted and received, how,
whether in time, the party's grounds as the appeal window recorded them) and the decision it
appeals. Read-only; registered with the workflow registry by
:mod:`app.services.appeals.registration`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from app.domain.statuses import TaskStatus
from app.domain.views import JsonView
from app.persistence.models import Appeal, Decision, HumanTask
from app.services.kernel.context import UnitOfWork

GROUNDS = "appeal_grounds"   # the appeal window's field for the party's grounds and demand


def _grounds(uow: UnitOfWork, case_id: int) -> str:
    """The party's grounds as recorded with the appeal (the latest appeal window's result)."""
    result = uow.session.scalars(
        select(HumanTask.result).where(
            HumanTask.case_id == case_id, HumanTask.action == "appeal_window",
            HumanTask.status == TaskStatus.COMPLETED).order_by(HumanTask.id.desc())).first()
    text = (result or {}).get(GROUNDS) if isinstance(result, dict) else None
    return text.strip() if isinstance(text, str) else ""


@dataclass(frozen=True, eq=False)
class AppealedDecision(JsonView):
    """The decision an appeal is against, as the appeal step shows it."""

    number: str | None
    kind: str
    amount: Decimal
    issued_on: date | None
    delivered_on: date | None
    period_from: date | None
    period_to: date | None


@dataclass(frozen=True, eq=False)
class AppealBrief(JsonView):
    """The appeal on the `handle_appeal` step: when and how it came, whether in time, the
    party's grounds, and the decision appealed."""

    posted_on: date
    received_on: date
    channel: str
    timely: bool
    deadline: date
    forward_due: date
    grounds: str
    decision: AppealedDecision | None


def appeal_context(uow: UnitOfWork, ht: HumanTask) -> AppealBrief | None:
    """The latest appeal of the task's case (None without one)."""
    appeal = uow.session.scalars(
        select(Appeal).where(Appeal.case_id == ht.case_id).order_by(Appeal.id.desc())).first()
    if appeal is None:
        return None
    decision = uow.session.get(Decision, appeal.decision_id)
    return AppealBrief(
        posted_on=appeal.posted_on, received_on=appeal.received_on, channel=appeal.channel,
        timely=appeal.timely, deadline=appeal.deadline, forward_due=appeal.forward_due,
        grounds=_grounds(uow, ht.case_id),
        decision=None if decision is None else AppealedDecision(
            number=decision.number, kind=decision.kind, amount=decision.amount,
            issued_on=decision.issued_on, delivered_on=decision.delivered_on,
            period_from=decision.period_from, period_to=decision.period_to))
