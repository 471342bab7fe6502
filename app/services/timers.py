"""Waking workflow instances whose timers are due (SpiffWorkflow has no scheduler)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from app.persistence.models import ProcessInstance

from . import audit
from .context import ServiceContext
from .definitions import definition_ref
from .instances import apply_snapshot, lock_instance


def due_instances(ctx: ServiceContext, now: datetime, limit: int = 500) -> list[int]:
    """Ids of running instances with a timer due at `now`."""
    with ctx.uow(readonly=True) as uow:
        return list(uow.session.scalars(
            select(ProcessInstance.id).where(
                ProcessInstance.status == "running", ProcessInstance.next_timer_at <= now
            ).order_by(ProcessInstance.next_timer_at).limit(limit)
        ))


def fire_instance_timers(ctx: ServiceContext, instance_id: int, now: datetime | None = None) -> bool:
    """Fire due timers of one instance in its own transaction; False if nothing was due."""
    now = now or ctx.now()
    with ctx.uow() as uow:
        instance = lock_instance(uow, instance_id)
        if instance.status != "running" or instance.next_timer_at is None or instance.next_timer_at > now:
            return False
        before = instance.next_timer_at
        snap = ctx.engine.fire_timers(definition_ref(uow, instance.definition_id), instance.state, now)
        apply_snapshot(uow, instance, snap)
        audit.record(uow, "timer.fired", None, instance.case_id, due=before.isoformat())
        uow.commit()
        return True


def fire_due_timers(ctx: ServiceContext, now: datetime | None = None) -> int:
    """Fire all due timers; return how many instances advanced."""
    now = now or ctx.now()
    return sum(fire_instance_timers(ctx, i, now) for i in due_instances(ctx, now))
