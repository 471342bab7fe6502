"""Advancing workflow instances: one writer per instance, and the human-task / job mirrors."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import select, update

from app.domain.messages import Code, Msg, msg
from app.domain.statuses import CaseStatus, InstanceStatus, TaskStatus
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


def _locked(uow: UnitOfWork, condition: Any, missing: Msg) -> ProcessInstance:
    """The instance row matching `condition`, locked for this transaction and read fresh."""
    stmt = select(ProcessInstance).where(condition)
    if not uow.ctx.db.is_sqlite:
        stmt = stmt.with_for_update()
    instance = uow.session.scalars(stmt.execution_options(populate_existing=True)).one_or_none()
    if instance is None:
        raise NotFound(missing)
    return instance


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

    if (snap.data.get("decision_final") and not previous.get("decision_final")) or (
            snap.data.get("delivered_on") != previous.get("delivered_on")):
        REGISTRY.sync_from_workflow(uow, instance.case_id, snap.data)
    _case: list[Case] = []

    def case_row() -> Case:
        # Loaded only when something needs it; no autoflush of the pending state write.
        if not _case:
            with session.no_autoflush:
                row = session.get(Case, instance.case_id)
            assert row is not None
            _case.append(row)
        return _case[0]

    if stage_changed or snap.completed:
        case_row().stage = "closed" if snap.completed else snap.stage
    if snap.completed:
        case_row().status = CaseStatus.CLOSED
        case_row().outcome = _outcome(snap.data)

    # One read of the instance's tasks: the open ones to mirror against, and the last answers
    # given to each task (to prefill a task that comes round again, e.g. a returned draft).
    open_rows: dict[str, HumanTask] = {}
    last_result: dict[str, dict[str, Any]] = {}
    for ht in session.scalars(
        select(HumanTask).where(HumanTask.instance_id == instance.id,
                                HumanTask.status.in_((TaskStatus.READY, TaskStatus.COMPLETED)))
        .order_by(HumanTask.id)
    ):
        if ht.status == TaskStatus.READY:
            open_rows[ht.spiff_task_id] = ht
        elif ht.result:
            last_result[ht.name] = ht.result
    ready_rows: list[HumanTask] = []
    ready = set()
    for ut in snap.user_tasks:
        ready.add(ut.task_id)
        if ut.task_id in open_rows:
            ready_rows.append(open_rows[ut.task_id])
            continue
        role = ut.lane.lower()
        case = case_row()
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
        known = set(
            session.scalars(select(Job.spiff_task_id).where(Job.instance_id == instance.id))
        )
        for call in snap.service_calls:
            if call.task_id in known:
                continue
            job = Job(
                instance_id=instance.id,
                case_id=instance.case_id,
                spiff_task_id=call.task_id,
                operation=call.operation,
                params=_json_safe(call.params),
                created_at=uow.ctx.now(),
            )
            session.add(job)
            session.flush()
            uow.publish_after_commit(RUN_JOB, job.id)
    return ready_rows


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
