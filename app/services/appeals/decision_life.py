"""Reading a decision's life: its appeals and the facts recorded on it, for the case file, and the
appeals the centre must still forward to the SKO, for the supervisor's deadlines."""

from __future__ import annotations

from sqlalchemy import select

from app.domain.messages import Code, msg
from app.domain.statuses import DecisionStatus, TaskStatus
from app.persistence.models import Appeal, Case, Decision, DecisionEvent, HumanTask
from app.services.appeals.appeal import appeal_dict
from app.services.appeals.views import DecisionLife, LifeEvent, PendingAppeal
from app.services.decisions.change_cases import GRANTING, RUNNING
from app.services.kernel.context import Actor, ServiceContext, UnitOfWork
from app.services.kernel.errors import Forbidden


def life_of(uow: UnitOfWork, case: Case) -> DecisionLife:
    """Appeals (with dates, timeliness and the SKO's ruling), events, and what may be done now."""
    s = uow.session
    appeal_rows = list(s.scalars(
        select(Appeal).where(Appeal.case_id == case.id).order_by(Appeal.id)))
    appeals = [appeal_dict(a) for a in appeal_rows]
    events = [LifeEvent.of(e) for e in s.scalars(select(DecisionEvent).where(DecisionEvent.case_id == case.id)
                         .order_by(DecisionEvent.on, DecisionEvent.id))]
    # The case's decisions, newest first, read once: the latest, and the running grant among
    # them (the rule of decision_changes.running_grant).
    decisions = list(s.scalars(
        select(Decision).where(Decision.case_id == case.id).order_by(Decision.id.desc())))
    grant = next((d for d in decisions if d.kind in GRANTING and d.status in RUNNING), None)
    decision = decisions[0] if decisions else None
    # The ready tasks this reading depends on, in one statement (the first of each action).
    ready: dict[str, int] = {}
    for action, task_id in s.execute(select(HumanTask.action, HumanTask.id).where(
            HumanTask.case_id == case.id, HumanTask.status == TaskStatus.READY,
            HumanTask.action.in_(("appeal_window", "sko_outcome", "handle_appeal")))
            .order_by(HumanTask.id)):
        ready.setdefault(action or "", task_id)
    window_open = "appeal_window" in ready
    sko_task = ready.get("sko_outcome")
    handle_ready = "handle_appeal" in ready
    latest = appeal_rows[-1] if appeal_rows else None
    return DecisionLife(
        appeals=tuple(appeals),
        events=tuple(events),
        # An appeal after finality is recorded here; inside the window, in the task. So is one
        # a process of an earlier version forwarded without recording it (status "appealed").
        can_record_appeal=bool(decision and not window_open and (
            decision.status == DecisionStatus.FINAL
            or (decision.status == DecisionStatus.APPEALED and not appeals)))
        and not handle_ready,
        handle_task=handle_ready,
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
