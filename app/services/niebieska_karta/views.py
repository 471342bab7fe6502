"""What the Niebieska Karta procedure's reads return (frozen views, JSON by ``as_json``)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from app.domain.views import JsonView


@dataclass(frozen=True)
class MemberView(JsonView):
    """A person assigned to the procedure."""

    user_id: int
    name: str
    starter: bool


@dataclass(frozen=True)
class EventView(JsonView):
    """A dated event: hand-over, meeting (attendees), form B/C/D, plan, closing."""

    id: int
    kind: str
    on: date
    text: str
    detail: dict[str, Any]
    by_id: int
    by_name: str


@dataclass(frozen=True)
class OpenStepView(JsonView):
    """The step of the process now open, with its deadline."""

    step: str
    due_on: date | None
    overdue: bool


@dataclass(frozen=True)
class ProcedureView(JsonView):
    """A whole procedure, for the people assigned to it and the head of the centre."""

    id: int
    number: str
    status: str
    started_on: date
    started_by_id: int
    started_by_name: str
    affected_id: int
    affected_name: str
    suspect_id: int
    suspect_name: str
    violence_kinds: tuple[str, ...]
    facts: str
    children_present: bool
    affected_present: bool
    absence_reason: str
    handover_due: date
    handed_on: date | None
    handed_in_time: bool | None
    closing_ground: str | None
    closed_on: date | None
    open_step: OpenStepView | None
    members: tuple[MemberView, ...]
    events: tuple[EventView, ...]
    version: int
    can_assign: bool = field(default=False)


@dataclass(frozen=True)
class ProcedureRow(JsonView):
    """A procedure in the list (the reader's own, or every one for the head)."""

    id: int
    number: str
    status: str
    started_on: date
    affected_name: str
    open_step: str | None
    due_on: date | None


@dataclass(frozen=True)
class NkDeadline(JsonView):
    """An open step with its deadline, for *Terminy* (no names: the procedure's number only)."""

    procedure_id: int
    number: str
    step: str
    due_on: date | None


@dataclass(frozen=True)
class Saved(JsonView):
    """What a change returns: the procedure and its new version."""

    id: int
    version: int
    status: str
    open_step: str | None
