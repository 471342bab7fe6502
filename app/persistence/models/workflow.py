"""Process definitions, instances, the human-task mirror and background jobs."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, LargeBinary, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.domain.statuses import InstanceStatus, JobStatus, TaskStatus

from .base import Base, status_check, utcnow


class ProcessDefinition(Base):
    """An immutable deployed version of the BPMN diagrams and forms."""

    __tablename__ = "process_definitions"
    __table_args__ = (UniqueConstraint("key", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(60))
    version: Mapped[int]
    content_hash: Mapped[str] = mapped_column(String(64), index=True)
    # Large columns are deferred: instances only need the content hash on the hot path.
    sources: Mapped[dict[str, Any]] = mapped_column(JSON, deferred=True)
    forms: Mapped[dict[str, Any]] = mapped_column(JSON, deferred=True)
    user_tasks: Mapped[dict[str, Any]] = mapped_column(JSON, deferred=True)
    spec_blob: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)
    is_active: Mapped[bool] = mapped_column(default=True)
    deployed_at: Mapped[datetime] = mapped_column(default=utcnow)
    deployed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    comment: Mapped[str] = mapped_column(Text, default="")


class ProcessInstance(Base):
    """A running case workflow, pinned to the definition version it started on."""

    __tablename__ = "process_instances"
    __table_args__ = (Index("ix_process_instances_due", "status", "next_timer_at"),
                      status_check(InstanceStatus))

    id: Mapped[int] = mapped_column(primary_key=True)
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), unique=True)
    definition_id: Mapped[int] = mapped_column(ForeignKey("process_definitions.id"), index=True)
    state: Mapped[bytes] = mapped_column(LargeBinary)
    serializer_version: Mapped[str] = mapped_column(String(20))
    version: Mapped[int] = mapped_column(default=1)
    status: Mapped[str] = mapped_column(String(20), default=InstanceStatus.RUNNING)
    stage: Mapped[str | None] = mapped_column(String(40))
    next_timer_at: Mapped[datetime | None]
    data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    definition: Mapped[ProcessDefinition] = relationship()


class HumanTask(Base):
    """Mirror of a ready user task; the only table the worklist reads."""

    __tablename__ = "human_tasks"
    __table_args__ = (
        UniqueConstraint("instance_id", "spiff_task_id"),
        Index("ix_human_tasks_inbox", "status", "role", "assignee_id"),
        status_check(TaskStatus),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    instance_id: Mapped[int] = mapped_column(ForeignKey("process_instances.id", ondelete="CASCADE"))
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    # Copied from the case so the worklist never joins (no personal data here).
    case_number: Mapped[str] = mapped_column(String(30), default="")
    urgent: Mapped[bool] = mapped_column(default=False)
    spiff_task_id: Mapped[str] = mapped_column(String(36))
    name: Mapped[str] = mapped_column(String(100))
    title_pl: Mapped[str] = mapped_column(String(200))
    title_en: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    form: Mapped[str] = mapped_column(String(100))
    process: Mapped[str] = mapped_column(String(60))
    four_eyes_of: Mapped[str | None] = mapped_column(String(100))
    # The declared case action the task's form performs (the workflow registry's actions), so code
    # never depends on an element's id or name; None for tasks that record nothing.
    action: Mapped[str | None] = mapped_column(String(60))
    assignee_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    due_on: Mapped[date | None]
    status: Mapped[str] = mapped_column(String(20), default=TaskStatus.READY)
    version: Mapped[int] = mapped_column(default=1)
    form_data: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    completed_at: Mapped[datetime | None]
    completed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class Job(Base):
    """A deferred service task, run by a Celery worker; keyed by (instance, task)."""

    __tablename__ = "jobs"
    __table_args__ = (UniqueConstraint("instance_id", "spiff_task_id"), status_check(JobStatus))

    id: Mapped[int] = mapped_column(primary_key=True)
    instance_id: Mapped[int] = mapped_column(ForeignKey("process_instances.id", ondelete="CASCADE"))
    case_id: Mapped[int] = mapped_column(ForeignKey("cases.id", ondelete="CASCADE"), index=True)
    spiff_task_id: Mapped[str] = mapped_column(String(36))
    operation: Mapped[str] = mapped_column(String(60))
    params: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    status: Mapped[str] = mapped_column(String(20), default=JobStatus.PENDING, index=True)
    attempts: Mapped[int] = mapped_column(default=0)
    result: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
