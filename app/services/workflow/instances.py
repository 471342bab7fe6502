"""Advancing workflow instances: one writer per instance, and the human-task / job mirrors."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm.util import identity_key

from app.domain.messages import Code, Msg, msg
from app.domain.statuses import CaseStatus, InstanceStatus, JobStatus, TaskStatus
from app.persistence.models import Case, HumanTask, Job, ProcessInstance
from app.services.kernel.context import UnitOfWork
from app.services.kernel.errors import NotFound
from app.services.workflow.chaining import follow_chain
from app.services.workflow.registry import REGISTRY
from app.services.workflow.versions import forms_of
from app.workflow_engine import Snapshot

RUN_JOB = "pomoc.run_job"

# Workflow data keys mirrored onto the instance row for display (small, no personal data).
_MIRRORED_KEYS = (
    "intake_outcome", "decision_kind", "decision_outcome", "decision_final", "final_on",
    "interview_due", "decision_due", "supplement_due", "appeal_deadline", "benefit", "urgent",
    "application_date", "outcome", "delivered_on",
)


def lock_instance(uow: UnitOfWork, instance_id: int) -> ProcessInstance:
    """Take the per-instance write lock and return the fresh row.

    PostgreSQL: SELECT ... FOR UPDATE. SQLite: the transaction began IMMEDIATE, which already
    holds the database write lock, so a plain SELECT is enough.
    """
    return _locked(uow, ProcessInstance.id == instance_id,
                   msg(Code.INSTANCE_NOT_FOUND, instance_id=instance_id))


def lock_instance_of_task(uow: UnitOfWork, task_id: int) -> ProcessInstance:
    """Lock the instance that owns a human task, in one statement; NotFound if no such task."""
    owner = select(HumanTask.instance_id).where(HumanTask.id == task_id).scalar_subquery()
    return _locked(uow, ProcessInstance.id == owner, msg(Code.TASK_NOT_FOUND, task_id=task_id))


def lock_instance_of_job(uow: UnitOfWork, job_id: int) -> ProcessInstance | None:
    """Lock the instance that owns a job, in one statement; None if there is no such job."""
    owner = select(Job.instance_id).where(Job.id == job_id).scalar_subquery()
    return _locked_or_none(uow, ProcessInstance.id == owner)


def _locked(uow: UnitOfWork, condition: Any, missing: Msg) -> ProcessInstance:
    """The instance row matching `condition`, locked for this transaction and read fresh."""
    instance = _locked_or_none(uow, condition)
    if instance is None:
        raise NotFound(missing)
    return instance


def _locked_or_none(uow: UnitOfWork, condition: Any) -> ProcessInstance | None:
    # Only the instance row is locked and joined nothing: PostgreSQL re-reads a row it waited
    # for, but not the other rows of a join, so whatever else the caller needs it reads after.
    stmt = select(ProcessInstance).where(condition)
    if not uow.ctx.db.is_sqlite:
        stmt = stmt.with_for_update()
    return uow.session.scalars(stmt.execution_options(populate_existing=True)).one_or_none()


def _form_fields(uow: UnitOfWork, definition_id: int, form: str) -> set[str]:
    schema = forms_of(uow, definition_id).get(form) or {}
    return set((schema.get("properties") or {}).keys())


def apply_snapshot(uow: UnitOfWork, instance: ProcessInstance, snap: Snapshot) -> list[HumanTask]:
    """Store the new state and mirror ready user tasks and pending service calls; return the
    instance's ready human tasks.

    A completed workflow that names a `next_process` is followed by that process in the same
    instance (services.chaining); its snapshot is stored instead, so the case stays open.
    """
    snap = follow_chain(uow, instance, snap)
    session = uow.session
    previous = instance.data or {}
    instance.state = snap.state
    instance.serializer_version = snap.serializer_version
    instance.version += 1
    instance.next_timer_at = snap.next_timer_at
    instance.status = InstanceStatus.COMPLETED if snap.completed else InstanceStatus.RUNNING
    instance.error = None  # the engine advanced: any earlier failure is over
    stage_changed = instance.stage != snap.stage
    instance.stage = snap.stage
    instance.data = {k: snap.data[k] for k in _MIRRORED_KEYS if k in snap.data}

    # A new instance (not yet inserted) is inserted with its first state, not updated after,
    # and it has no tasks to read.
    fresh = instance.id is None
    if fresh:
        session.flush()
    if (snap.data.get("decision_final") and not previous.get("decision_final")) or (
            snap.data.get("delivered_on") != previous.get("delivered_on")):
        REGISTRY.sync_from_workflow(uow, instance.case_id, snap.data)
    # One read of the instance's tasks: the open ones to mirror against, and the last answers
    # given to each task (to prefill a task that comes round again, e.g. a returned draft).
    open_rows: dict[str, HumanTask] = {}
    last_result: dict[str, dict[str, Any]] = {}
    for ht in () if fresh else session.scalars(
        select(HumanTask).where(HumanTask.instance_id == instance.id,
                                HumanTask.status.in_((TaskStatus.READY, TaskStatus.COMPLETED)))
        .order_by(HumanTask.id)
    ):
        if ht.status == TaskStatus.READY:
            open_rows[ht.spiff_task_id] = ht
        elif ht.result:
            last_result[ht.name] = ht.result
    new_tasks = [ut for ut in snap.user_tasks if ut.task_id not in open_rows]
    # The case row is read only when a new task copies its number, urgency and caseworker, or
    # when the transaction holds it already; a change of stage alone is one UPDATE.
    held = session.identity_map.get(identity_key(Case, instance.case_id))
    case: Case | None = held if isinstance(held, Case) else None
    if case is None and new_tasks:
        with session.no_autoflush:  # no autoflush of the pending state write
            case = session.get(Case, instance.case_id)
        assert case is not None
    changes: dict[str, Any] = {}
    if stage_changed or snap.completed:
        changes["stage"] = "closed" if snap.completed else snap.stage
    if snap.completed:
        changes.update(status=CaseStatus.CLOSED, outcome=_outcome(snap.data))
    if changes and case is not None:
        for name, value in changes.items():
            setattr(case, name, value)
    elif changes:
        session.execute(update(Case).where(Case.id == instance.case_id).values(**changes),
                        execution_options={"synchronize_session": False})

    ready_rows: list[HumanTask] = []
    ready = set()
    for ut in snap.user_tasks:
        ready.add(ut.task_id)
        if ut.task_id in open_rows:
            ready_rows.append(open_rows[ut.task_id])
            continue
        assert case is not None
        role = ut.lane.lower()
        fields = _form_fields(uow, instance.definition_id, ut.form)
        prefill = {k: v for k, v in ut.data.items() if k in fields}
        prefill.update({k: v for k, v in last_result.get(ut.name, {}).items() if k in fields})
        row = HumanTask(
            instance_id=instance.id,
            case_id=instance.case_id,
            case_number=case.number,
            urgent=case.urgent,
            spiff_task_id=ut.task_id,
            name=ut.name,
            title_pl=ut.title_pl,
            title_en=ut.title_en,
            role=role,
            form=ut.form,
            process=ut.process,
            four_eyes_of=ut.four_eyes_of,
            action=REGISTRY.action_of(ut.action, ut.form),
            # Caseworker tasks go to the case's own social worker; supervisor tasks to the team.
            assignee_id=case.caseworker_id if role == "caseworker" else None,
            due_on=date.fromisoformat(ut.due_on) if ut.due_on else None,
            form_data=_json_safe(prefill),
            created_at=uow.ctx.now(),
        )
        session.add(row)
        ready_rows.append(row)
    for task_id, row in open_rows.items():
        if task_id not in ready:
            # Interrupted by a boundary event or cancelled by the engine.
            row.status = TaskStatus.CANCELLED
            row.version += 1

    if snap.service_calls:
        _add_jobs(uow, instance, snap)
    return ready_rows


def _add_jobs(uow: UnitOfWork, instance: ProcessInstance, snap: Snapshot) -> None:
    """One job per pending service call, published after commit: one INSERT for all of them.

    A call that already has its job (the unique instance and task pair; a call stays pending
    over several steps) is skipped by the database, and only new jobs come back to publish."""
    insert = sqlite_insert if uow.ctx.db.is_sqlite else pg_insert
    now = uow.ctx.now()
    rows = [{"instance_id": instance.id, "case_id": instance.case_id,
             "spiff_task_id": call.task_id, "operation": call.operation,
             "params": _json_safe(call.params), "status": JobStatus.PENDING, "attempts": 0,
             "created_at": now} for call in snap.service_calls]
    stmt = insert(Job).values(rows).on_conflict_do_nothing(
        index_elements=[Job.instance_id, Job.spiff_task_id]).returning(Job.id)
    for job_id in sorted(uow.session.execute(stmt).scalars()):
        uow.publish_after_commit(RUN_JOB, job_id)


def cancel_open_tasks(uow: UnitOfWork, instance_id: int) -> None:
    """Mark every ready human task of an instance cancelled."""
    uow.session.execute(
        update(HumanTask)
        .where(HumanTask.instance_id == instance_id, HumanTask.status == TaskStatus.READY)
        .values(status=TaskStatus.CANCELLED, version=HumanTask.version + 1)
    )


def _outcome(data: dict[str, Any]) -> str:
    """A short outcome code for a finished case."""
    if data.get("intake_outcome") and data["intake_outcome"] != "complete":
        return str(data["intake_outcome"])
    return str(data.get("outcome") or data.get("decision_outcome") or data.get("decision_kind") or "done")


def _json_safe(value: Any) -> Any:
    """Make workflow data storable as JSON (dates to ISO strings, others to str)."""
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value)
