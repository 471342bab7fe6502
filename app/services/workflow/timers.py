"""Waking workflow instances whose timers are due (SpiffWorkflow has no scheduler)."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import select

from app.domain.statuses import InstanceStatus
from app.persistence.models import ProcessInstance
from app.services.kernel import audit
from app.services.kernel.context import ServiceContext
from app.services.kernel.failures import new_error_id, redacted_chain
from app.services.workflow.instances import apply_snapshot, lock_instance
from app.services.workflow.versions import definition_ref
from app.workflow_engine import EngineError

log = logging.getLogger("pomoc.timers")


def due_instances(ctx: ServiceContext, now: datetime, limit: int = 500) -> list[int]:
    """Ids of running instances with a timer due at `now`."""
    with ctx.uow(readonly=True) as uow:
        return list(uow.session.scalars(
            select(ProcessInstance.id).where(
                ProcessInstance.status == InstanceStatus.RUNNING, ProcessInstance.next_timer_at <= now
            ).order_by(ProcessInstance.next_timer_at).limit(limit)
        ))


def fire_instance_timers(ctx: ServiceContext, instance_id: int, now: datetime | None = None) -> bool:
    """Fire due timers of one instance in its own transaction; False if nothing was due."""
    now = now or ctx.now()
    with ctx.uow() as uow:
        instance = lock_instance(uow, instance_id)
        if instance.status != InstanceStatus.RUNNING or instance.next_timer_at is None \
                or instance.next_timer_at > now:
            return False
        before = instance.next_timer_at
        snap = ctx.engine.fire_timers(definition_ref(uow, instance.definition_id), instance.state, now)
        apply_snapshot(uow, instance, snap)
        audit.record(uow, "timer.fired", None, instance.case_id, due=before.isoformat())
        uow.commit()
        return True


def fire_due_timers(ctx: ServiceContext, now: datetime | None = None) -> int:
    """Fire all due timers; return how many instances advanced.

    An instance whose engine call fails does not stop the tick: it is marked as an incident
    (status "error", the failure in `error` without personal data, logged with an error id) and
    left alone until a retry (services.incidents) or a migration moves it on.
    """
    now = now or ctx.now()
    advanced = 0
    for instance_id in due_instances(ctx, now):
        try:
            advanced += fire_instance_timers(ctx, instance_id, now)
        except EngineError as exc:
            _mark_failed(ctx, instance_id, exc)
    return advanced


def _mark_failed(ctx: ServiceContext, instance_id: int, exc: EngineError) -> None:
    error_id = new_error_id()
    detail = redacted_chain(exc)
    log.error("timer failed (error id %s) on instance %s: %s", error_id, instance_id, detail)
    with ctx.uow() as uow:
        instance = lock_instance(uow, instance_id)
        instance.status = InstanceStatus.ERROR
        instance.error = f"{detail} (error id {error_id})"
        audit.record(uow, "timer.failed", None, instance.case_id, error_id=error_id)
        uow.commit()
