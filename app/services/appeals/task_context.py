"""What the `handle_appeal` task shows: the appeal itself (when it was posted and received, how,
whether in time, the party's grounds as the appeal window recorded them) and the decision it
appeals. Read-only; registered with the workflow registry by
:mod:`app.services.appeals.registration`."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from app.domain.money import money_str
from app.domain.statuses import TaskStatus
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


def appeal_context(uow: UnitOfWork, ht: HumanTask) -> dict[str, Any]:
    """``{"appeal": {...}}`` for the task's case (JSON-safe; empty without an appeal)."""
    appeal = uow.session.scalars(
        select(Appeal).where(Appeal.case_id == ht.case_id).order_by(Appeal.id.desc())).first()
    if appeal is None:
        return {}
    decision = uow.session.get(Decision, appeal.decision_id)
    return {"appeal": {
        "posted_on": appeal.posted_on.isoformat(), "received_on": appeal.received_on.isoformat(),
        "channel": appeal.channel, "timely": appeal.timely, "deadline": appeal.deadline.isoformat(),
        "forward_due": appeal.forward_due.isoformat(), "grounds": _grounds(uow, ht.case_id),
        "decision": None if decision is None else {
            "number": decision.number, "kind": decision.kind,
            "amount": money_str(decision.amount),
            "issued_on": decision.issued_on.isoformat() if decision.issued_on else None,
            "delivered_on": decision.delivered_on.isoformat() if decision.delivered_on else None,
            "period_from": decision.period_from.isoformat() if decision.period_from else None,
            "period_to": decision.period_to.isoformat() if decision.period_to else None,
        },
    }}
