"""What the worklist and the task page read of a human task: frozen views (see app.domain.views)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from app.domain.views import JsonView
from app.persistence.models import HumanTask


@dataclass(frozen=True)
class TaskSummary(JsonView):
    """The worklist view of a human task (no personal data)."""

    id: int
    case_id: int
    case_number: str
    urgent: bool
    name: str
    title_pl: str
    title_en: str
    role: str
    form: str
    stage: str
    assignee_id: int | None
    due_on: date | None
    status: str
    version: int
    created_at: datetime


def task_summary(ht: HumanTask) -> TaskSummary:
    """The worklist view of a human task."""
    return TaskSummary(
        id=ht.id, case_id=ht.case_id, case_number=ht.case_number, urgent=ht.urgent, name=ht.name,
        title_pl=ht.title_pl, title_en=ht.title_en, role=ht.role, form=ht.form, stage=ht.process,
        assignee_id=ht.assignee_id, due_on=ht.due_on, status=ht.status, version=ht.version,
        created_at=ht.created_at)


@dataclass(frozen=True)
class TaskView(TaskSummary):
    """A task with its form's JSON Schema, its saved data or result, and what its person needs to
    see (``context``: the case in brief, eligibility, the draft and the form's ``initial``)."""

    schema: dict[str, Any]
    data: dict[str, Any] | None
    result: dict[str, Any] | None
    context: dict[str, Any]


@dataclass(frozen=True)
class TaskForm(JsonView):
    """What a submission needs of its task: who it is, its version and the form's schema (no
    case data, so a submit does not read the case file before the service has said yes)."""

    id: int
    case_id: int
    name: str
    title_pl: str
    title_en: str
    status: str
    version: int
    schema: dict[str, Any]


@dataclass(frozen=True)
class TaskCompletion(TaskSummary):
    """A completed task, and what the case offers next (so a client need not re-read the case)."""

    instance_version: int
    case_stage: str | None
    case_completed: bool
    next_tasks: tuple[TaskSummary, ...]
    jobs_delayed: int


@dataclass(frozen=True)
class NextStep(JsonView):
    """What follows on a case for one user after a task: their next task (assigned to them, or
    unassigned of their role), whether a background step (a job) is still running or failed,
    and the ready tasks that are someone else's."""

    case_id: int
    mine: TaskSummary | None
    running: bool
    failed: bool
    others: tuple[TaskSummary, ...]
