"""Reading a decision's life: its appeals and the facts recorded on it, for the case file, and the
appeals the centre must still forward to the SKO, for the supervisor's deadlines."""

from __future__ import annotations

from sqlalchemy import select

from app.domain.messages import Code, msg
from app.domain.statuses import DecisionStatus, TaskStatus
from app.persistence.models import Appeal, Case, DecisionEvent, HumanTask
from app.services.appeals.appeal import appeal_dict, task_ready
from app.services.appeals.views import DecisionLife, LifeEvent, PendingAppeal
from app.services.decisions.decision_changes import running_grant
from app.services.decisions.decision_records import latest_decision
from app.services.kernel.context import Actor, ServiceContext, UnitOfWork
from app.services.kernel.errors import Forbidden


def life_of(uow: UnitOfWork, case: Case) -> DecisionLife:
    """Appeals (with dates, timeliness and the SKO's ruling), events, and what may be done now."""
    s = uow.session
    appeals = [appeal_dict(a) for a in s.scalars(
        select(Appeal).where(Appeal.case_id == case.id).order_by(Appeal.id))]
    events = [LifeEvent.of(e) for e in s.scalars(select(DecisionEvent).where(DecisionEvent.case_id == case.id)
                         .order_by(DecisionEvent.on, DecisionEvent.id))]
    grant = running_grant(uow, case.id)
    window_open = s.scalar(select(HumanTask.id).where(
        HumanTask.case_id == case.id, HumanTask.action == "appeal_window",
        HumanTask.status == TaskStatus.READY).limit(1)) is not None
    sko_task = s.scalar(select(HumanTask.id).where(
        HumanTask.case_id == case.id, HumanTask.action == "sko_outcome",
        HumanTask.status == TaskStatus.READY).limit(1))
    latest = s.scalars(select(Appeal).where(Appeal.case_id == case.id)
                       .order_by(Appeal.id.desc())).first()
    decision = latest_decision(uow, case.id)
    return DecisionLife(
        appeals=tuple(appeals),
        events=tuple(events),
        # An appeal after finality is recorded here; inside the window, in the task. So is one
        # a process of an earlier version forwarded without recording it (status "appealed").
        can_record_appeal=bool(decision and not window_open and (
            decision.status == DecisionStatus.FINAL
            or (decision.status == DecisionStatus.APPEALED and not appeals)))
        and not task_ready(uow, case.id, "handle_appeal"),
        handle_task=task_ready(uow, case.id, "handle_appeal"),
        can_change=bool(grant and grant.period_from
                        and grant.status in (DecisionStatus.ISSUED, DecisionStatus.FINAL)),
        grant_period_from=grant.period_from if grant and grant.period_from else None,
        awaiting_sko=bool(latest and latest.forwarded_on and latest.sko_outcome is None),
        # The process waits for the ruling in its own task (recorded there, not here).
        sko_task_id=sko_task,
    )


def pending_forwarding(ctx: ServiceContext, actor: Actor) -> list[PendingAppeal]:
    """Appeals not yet forwarded to the SKO nor answered by the centre (art. 133 KPA: 7 days),
    earliest deadline first, and those awaiting the SKO's ruling."""
    if not actor.has("supervisor"):
        raise Forbidden(msg(Code.SUPERVISOR_REQUIRED))
    with ctx.uow(readonly=True) as uow:
        rows = uow.session.execute(
            select(Appeal, Case.number).join(Case, Case.id == Appeal.case_id).where(
                Appeal.sko_outcome.is_(None), Appeal.self_corrected_on.is_(None),
                # Those the process's own task forwards are on the task list already.
                ~select(HumanTask.id).where(
                    HumanTask.case_id == Appeal.case_id, HumanTask.action == "handle_appeal",
                    HumanTask.status == TaskStatus.READY).exists())
            .order_by(Appeal.forward_due).limit(500)).all()
        return [PendingAppeal.with_case(a, number) for a, number in rows]
