"""Incidents: running cases the workflow cannot move on by itself, and retrying them.

An instance is an incident when
- its status is "error", or one of its background jobs failed for good ("job_failed": a handler
  or the engine steps after it raised, e.g. a script error);
- its timer is overdue: the timer tick could not fire it ("timer_overdue");
- or it is running with no ready human task, no pending job and no waiting timer ("stuck"),
  e.g. a diagram that leads nowhere after a step.

Each incident names the case (id and number, no personal data), the definition version and the
BPMN element it is at, read from the workflow state by the engine adapter. A retry re-runs the
failed step (the job, the timer or the engine steps) and clears the incident when it succeeds;
a retry that fails again keeps the incident, with the new error as its message.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import exists, or_, select

from app.domain.messages import Code, msg
from app.domain.statuses import InstanceStatus, JobStatus, TaskStatus
from app.domain.views import JsonView
from app.persistence.models import Case, HumanTask, Job, ProcessDefinition, ProcessInstance
from app.services.kernel import audit
from app.services.kernel.context import Actor, ServiceContext, UnitOfWork
from app.services.kernel.errors import Conflict, Forbidden, NotFound, ServiceError
from app.services.kernel.redact import describe
from app.services.workflow import jobs, timers
from app.services.workflow.instances import apply_snapshot, lock_instance
from app.services.workflow.versions import definition_ref
from app.workflow_engine import EngineError, current_elements, resume

log = logging.getLogger(__name__)

# A timer this long past due has not fired because firing it fails (the tick runs every minute).
TIMER_GRACE = timedelta(minutes=15)
ROLES = ("supervisor", "admin")


def _authorise(actor: Actor) -> None:
    if not any(actor.has(role) for role in ROLES):
        raise Forbidden(msg(Code.INCIDENT_ROLE))


def _open_statuses() -> tuple[str, ...]:
    return (InstanceStatus.RUNNING, InstanceStatus.ERROR)


def _candidates(uow: UnitOfWork, instance_id: int | None = None, limit: int = 200) -> list[Any]:
    """Rows (instance, case number, definition version) that meet an incident condition."""
    now = uow.ctx.now()
    ready = exists().where(HumanTask.instance_id == ProcessInstance.id, HumanTask.status == TaskStatus.READY)
    pending = exists().where(Job.instance_id == ProcessInstance.id, Job.status == JobStatus.PENDING)
    failed = exists().where(Job.instance_id == ProcessInstance.id, Job.status == JobStatus.FAILED)
    stmt = (
        select(ProcessInstance, Case.number, ProcessDefinition.version)
        .join(Case, Case.id == ProcessInstance.case_id)
        .join(ProcessDefinition, ProcessDefinition.id == ProcessInstance.definition_id)
        .where(ProcessInstance.status.in_(_open_statuses()))
        .where(or_(
            ProcessInstance.status == InstanceStatus.ERROR,
            failed,
            ProcessInstance.next_timer_at < now - TIMER_GRACE,
            ~ready & ~pending & ProcessInstance.next_timer_at.is_(None),
        ))
        .order_by(ProcessInstance.id)
        .limit(limit)
    )
    if instance_id is not None:
        stmt = stmt.where(ProcessInstance.id == instance_id)
    return list(uow.session.execute(stmt).all())


@dataclass(frozen=True, eq=False)
class IncidentElement(JsonView):
    """A BPMN element the instance is at."""

    element_id: str
    name: str | None
    kind: str
    process: str


@dataclass(frozen=True, eq=False)
class Incident(JsonView):
    """One incident: ids, codes, element and message; no personal data (times ISO strings)."""

    instance_id: int
    case_id: int
    case_number: str
    definition_id: int
    definition_version: int
    status: str
    stage: str | None
    reason: str
    message: str
    detail: str | None
    element_id: str | None
    element_name: str | None
    elements: tuple[IncidentElement, ...]
    job_id: int | None
    next_timer_at: str | None
    updated_at: str | None


@dataclass(frozen=True, eq=False)
class RetryOutcome(JsonView):
    """What a retry did: whether the incident is gone, and the incident left if not."""

    instance_id: int
    resolved: bool
    incident: Incident | None


def _describe(uow: UnitOfWork, instance: ProcessInstance, number: str, version: int) -> Incident:
    """One incident as plain data: ids, codes, element and message; no personal data."""
    session = uow.session
    failed_job = session.scalars(
        select(Job).where(Job.instance_id == instance.id, Job.status == JobStatus.FAILED).order_by(Job.id)
    ).first()
    now = uow.ctx.now()
    detail = instance.error
    if instance.status == InstanceStatus.ERROR:
        reason = "engine_error"
        message = "The workflow engine failed on this case."
    elif failed_job is not None:
        reason = "job_failed"
        detail = detail or failed_job.error
        message = f"The background step '{failed_job.operation}' failed and was stopped."
    elif instance.next_timer_at is not None and instance.next_timer_at < now - TIMER_GRACE:
        reason = "timer_overdue"
        message = f"A timer due at {instance.next_timer_at.isoformat()} could not fire."
    else:
        reason = "stuck"
        message = "No task, background step or timer follows where the case stands."
    try:
        elements = [
            IncidentElement(element_id=e.element_id, name=e.name, kind=e.kind, process=e.process)
            for e in current_elements(uow.ctx.engine, definition_ref(uow, instance.definition_id),
                                      instance.state)
        ]
    except EngineError as exc:
        elements = []
        detail = detail or describe(exc)
    # The element to show: what went wrong first, then what the case waits at.
    order = {"error": 0, "dead_end": 1, "started": 2, "ready": 3, "waiting": 4}
    where = sorted(elements, key=lambda e: order.get(e.kind, 9))
    first = where[0] if where else None
    if reason == "stuck":
        message = (f"The case is stuck at '{first.element_id}': no task, background step or timer "
                   "follows it." if first else
                   "The case is stuck: no task, background step or timer is waiting.")
    return Incident(
        instance_id=instance.id,
        case_id=instance.case_id,
        case_number=number,
        definition_id=instance.definition_id,
        definition_version=version,
        status=instance.status,
        stage=instance.stage,
        reason=reason,
        message=message,
        detail=detail,
        element_id=first.element_id if first else None,
        element_name=first.name if first else None,
        elements=tuple(elements),
        job_id=failed_job.id if failed_job is not None else None,
        next_timer_at=instance.next_timer_at.isoformat() if instance.next_timer_at else None,
        updated_at=instance.updated_at.isoformat() if instance.updated_at else None,
    )


def list_incidents(ctx: ServiceContext, actor: Actor, limit: int = 200) -> list[Incident]:
    """Running cases the workflow cannot move on by itself (supervisor or admin)."""
    _authorise(actor)
    with ctx.uow(readonly=True) as uow:
        return [_describe(uow, i, number, version) for i, number, version in _candidates(uow, limit=limit)]


def incident_of(ctx: ServiceContext, actor: Actor, instance_id: int) -> Incident | None:
    """The incident of one instance, or None if it has none; NotFound if no such instance."""
    _authorise(actor)
    with ctx.uow(readonly=True) as uow:
        return _incident(uow, instance_id)


def _incident(uow: UnitOfWork, instance_id: int) -> Incident | None:
    if uow.session.get(ProcessInstance, instance_id) is None:
        raise NotFound(msg(Code.INSTANCE_NOT_FOUND, instance_id=instance_id))
    rows = _candidates(uow, instance_id)
    return _describe(uow, *rows[0]) if rows else None


def retry(ctx: ServiceContext, actor: Actor, instance_id: int) -> RetryOutcome:
    """Re-run what failed and report whether the incident is gone.

    A failed job is run again now (its handler and the engine steps after it), an overdue timer
    is fired, and otherwise the engine steps are run again from the stored state (e.g. after the
    case was moved to a fixed version). Returns {instance_id, resolved, incident}.
    """
    _authorise(actor)
    incident = incident_of(ctx, actor, instance_id)
    if incident is None:
        raise Conflict(msg(Code.NO_INCIDENT))
    error: str | None = None
    if incident.reason == "job_failed":
        error = _rerun_jobs(ctx, instance_id)
    elif incident.reason == "timer_overdue":
        try:
            timers.fire_instance_timers(ctx, instance_id)
        except Exception as exc:  # noqa: BLE001 - kept as the incident's message
            error = describe(exc)
    else:
        error = _resume(ctx, instance_id)
    with ctx.uow() as uow:
        instance = lock_instance(uow, instance_id)
        instance.error = error[:2000] if error else None
        audit.record(uow, "incident.retried", actor.id, instance.case_id, instance_id=instance_id,
                     reason=incident.reason, element=incident.element_id, ok=error is None)
        uow.commit()
    if error:
        log.warning("incident retry failed on instance %s: %s", instance_id, error)
    after = incident_of(ctx, actor, instance_id)
    return RetryOutcome(instance_id=instance_id, resolved=after is None, incident=after)


def _rerun_jobs(ctx: ServiceContext, instance_id: int) -> str | None:
    """Run each failed job of the instance now; the first error, or None."""
    with ctx.uow() as uow:
        job_ids = list(uow.session.scalars(
            select(Job.id).where(Job.instance_id == instance_id, Job.status == JobStatus.FAILED)
            .order_by(Job.id)
        ))
        for job in uow.session.scalars(select(Job).where(Job.id.in_(job_ids))):
            job.status = JobStatus.PENDING
        uow.commit()
    for job_id in job_ids:
        try:
            jobs.run_job(ctx, job_id)
        except Exception as exc:  # noqa: BLE001 - recorded on the job and kept as the message
            message = describe(exc)
            with ctx.uow() as uow:
                row = uow.session.get(Job, job_id)
                if row is not None and row.status != JobStatus.DONE:
                    row.status = JobStatus.FAILED
                    row.attempts += 1
                    row.error = message[:2000]
                uow.commit()
            return message
    return None


def _resume(ctx: ServiceContext, instance_id: int) -> str | None:
    """Run the engine steps of the stored state again, under the instance's lock."""
    try:
        with ctx.uow() as uow:
            instance = lock_instance(uow, instance_id)
            snap = resume(ctx.engine, definition_ref(uow, instance.definition_id), instance.state, ctx.now())
            apply_snapshot(uow, instance, snap)
            uow.commit()
    except (EngineError, ServiceError) as exc:
        return describe(exc)
    return None
