"""The appeal before the SKO, recorded from the case file (art. 132–140 KPA).

An appeal that arrived after the decision was recorded final is forwarded here (art. 133: within
7 days, a deadline supervisors see) or, when timely, answered by the centre's own new decision
(art. 132: a re-examination case). An appeal the `handle_appeal` task forwarded is the same row;
its process then waits in the `sko_outcome` task, where the ruling is recorded instead
(:func:`sko_rulings.record_in_task`; the diagram routes on it, so a returned case goes back to a
new decision in the same case). The SKO's ruling (art. 138) leads where the KPA says:

- ``upheld``: the decision is final (on the ruling's day unless it was already); its payments run.
- ``changed`` (uchylenie i orzeczenie co do istoty): the SKO's ruling (kind, amount, period) is a
  decision of the case that replaces the centre's for payments.
- ``quashed_discontinued``: nothing is due; the decision's planned payments are cancelled.
- ``returned`` (art. 138 §2): the decision no longer pays, and the centre decides again in a
  re-examination case (draft, four-eyes approval, issue, delivery, appeal window, payment).
- ``inadmissible_late`` (art. 134): a late appeal whose deadline was not restored; the decision
  stays final. With the appeal, the SKO rules on restoring the deadline (art. 58–59 §2).
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any, cast

from app.domain.deadlines import today_in_warsaw
from app.domain.messages import Code, msg
from app.domain.statuses import DecisionStatus
from app.persistence.models import Appeal, Case, Decision, Job
from app.services.appeals.appeal import (
    appeal_dict,
    event,
    lock_appeal,
    self_correct,
    sko_cover_letter,
    task_ready,
)
from app.services.appeals.sko_rulings import Effects, record, stop_payments
from app.services.appeals.views import AppealView
from app.services.decisions.decision_changes import open_change_case
from app.services.decisions.decision_records import first_benefit_month
from app.services.kernel import audit
from app.services.kernel.context import Actor, ServiceContext, UnitOfWork
from app.services.kernel.errors import Conflict, Forbidden, ValidationFailed
from app.services.workflow.registry import REGISTRY


def _supervisor(actor: Actor) -> None:
    if not actor.has("supervisor"):
        raise Forbidden(msg(Code.SUPERVISOR_REQUIRED))


def _reexamine(uow: UnitOfWork, actor: Actor, appeal: Appeal, decision: Decision,
               label: str) -> None:
    """The centre decides again in a re-examination case (art. 138 § 2 KPA)."""
    parent = uow.session.get(Case, appeal.case_id)
    assert parent is not None
    start = decision.period_from or first_benefit_month(uow, parent.id)
    change = open_change_case(uow, actor, parent, start, "reexamination", decision,
                              f"{label}: uchylono decyzję i przekazano sprawę do ponownego "
                              "rozpatrzenia (art. 138 § 2 KPA).")
    appeal.follow_up_case_id = change.id


def _schedule(uow: UnitOfWork, case_id: int) -> None:
    """Make the payment schedule of the case's latest decision with the same operation the
    diagrams' payment step runs (idempotent per month)."""
    REGISTRY.operations["payment_schedule"].handler(uow, cast(Job, SimpleNamespace(case_id=case_id)))


def forward_appeal(ctx: ServiceContext, actor: Actor, appeal_id: int, data: Any) -> AppealView:
    """Forward an appeal recorded after finality to the SKO, or (a timely one) change the
    decision in a re-examination case instead (art. 132); supervisor only."""
    _supervisor(actor)
    data = data if isinstance(data, dict) else {}
    action = data.get("action")
    if action not in ("forward", "self_correct"):
        raise ValidationFailed(msg(Code.FORM_INVALID), {"action": msg(Code.CHOOSE_ONE)})
    with ctx.uow() as uow:
        appeal = lock_appeal(uow, appeal_id, data.get("version"))
        if task_ready(uow, appeal.case_id, "handle_appeal"):
            raise Conflict(msg(Code.APPEAL_HANDLED_IN_TASK))
        if appeal.forwarded_on or appeal.self_corrected_on:
            raise Conflict(msg(Code.APPEAL_ALREADY_HANDLED))
        today = today_in_warsaw(ctx.now())
        decision = uow.session.get(Decision, appeal.decision_id)
        assert decision is not None
        if action == "forward":
            appeal.forwarded_on = today
            sko_cover_letter(uow, appeal, actor.id)
            event(uow, actor, appeal.case_id, decision.id, "appeal_forwarded", today,
                  "Przekazano odwołanie do SKO (art. 133 KPA).", appeal_id=appeal.id)
        else:
            if not appeal.timely:
                raise Conflict(msg(Code.APPEAL_LATE_NO_SELF_CORRECTION))
            # Art. 132 § 1 KPA: only in full, and within the 7 days of art. 133.
            self_correct(uow, appeal, today, data, "action")
            stop_payments(uow, decision.id)
            decision.status = DecisionStatus.CHANGED
            parent = uow.session.get(Case, appeal.case_id)
            assert parent is not None
            start = decision.period_from or first_benefit_month(uow, parent.id)
            change = open_change_case(uow, actor, parent, start, "self_correction", decision,
                                      "Zmiana decyzji przez organ po odwołaniu (art. 132 KPA).")
            appeal.follow_up_case_id = change.id
        appeal.version += 1
        audit.record(uow, "appeal.handled", actor.id, appeal.case_id, appeal_id=appeal.id,
                     step=action)
        uow.commit()
        return appeal_dict(appeal)


def record_outcome(ctx: ServiceContext, actor: Actor, appeal_id: int, data: Any, *,
                   page: bool = False) -> AppealView:
    """Record the SKO's ruling on an appeal forwarded from the case file (after finality, or on a
    version whose process ended at forwarding) and apply it to the decision and payments."""
    _supervisor(actor)
    if not isinstance(data, dict):
        raise ValidationFailed(msg(Code.FORM_INVALID), {"": msg(Code.JSON_OBJECT_EXPECTED)})
    with ctx.uow() as uow:
        appeal = lock_appeal(uow, appeal_id, data.get("version"))
        if appeal.forwarded_on is None:
            raise Conflict(msg(Code.SKO_NOT_FORWARDED))
        if appeal.sko_outcome is not None:
            raise Conflict(msg(Code.SKO_ALREADY_RECORDED))
        if task_ready(uow, appeal.case_id, "sko_outcome"):
            raise Conflict(msg(Code.SKO_IN_TASK))
        record(uow, actor, appeal, data, Effects(_schedule, _reexamine), page=page)
        uow.commit()
        return appeal_dict(appeal)


