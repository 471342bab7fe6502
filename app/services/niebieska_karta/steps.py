"""The ``niebieska_karta`` process: starting it and completing its steps on the procedure's own
row, and the actions its user tasks declare.

A procedure is not a case, so its process never gets a ``process_instance`` or ``human_task``
row: nothing of it reaches the worklist, the case lists or the search, and no one sees it but
the people assigned and the head of the centre. The state lives on ``nk_procedures`` with the
definition version it started on, and the open step (its task id and deadline) is mirrored
there after every engine call. The actions are registered so the deploy contract check holds
the diagram's forms to the fields this module passes; their hooks refuse to run from the
worklist, which never holds such a task."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from types import MappingProxyType
from typing import Any

from app.domain.messages import msg
from app.domain.messages.codes_nk import NkCode
from app.persistence.models import HumanTask, NkProcedure, ProcessInstance
from app.services.kernel.context import Actor, UnitOfWork
from app.services.kernel.errors import Conflict
from app.services.workflow.registry import Action, fields
from app.services.workflow.versions import active_definition, definition_ref
from app.workflow_engine.model import Snapshot

PROCESS = "niebieska_karta"
HANDOVER, MEETING, CLOSING = "nk_handover", "nk_group_meeting", "nk_closing"


def _refuse(uow: UnitOfWork, actor: Actor, inst: ProcessInstance, ht: HumanTask,
            data: dict[str, Any]) -> None:
    """A step of the procedure is completed on its own page, never from the worklist."""
    raise Conflict(msg(NkCode.NOT_ASSIGNED))


ACTIONS: Mapping[str, Action] = MappingProxyType({
    HANDOVER: Action(_refuse, fields(handed_on="string"), frozenset({"handed_on"}),
                     doc="Form A handed to the chair of the interdisciplinary team (recorded "
                         "by services/niebieska_karta, never from the worklist)."),
    MEETING: Action(_refuse, fields(met_on="string", decision="string",
                                    next_meeting_on="string"),
                    frozenset({"met_on", "decision"}),
                    doc="A meeting of the diagnostic and support group: meet again or close."),
    CLOSING: Action(_refuse, fields(closed_on="string", ground="string",
                                    plan_realised="boolean"),
                    frozenset({"closed_on", "ground"}),
                    doc="The procedure closed: violence ended and plan carried out, or no "
                        "grounds."),
})


def _mirror(proc: NkProcedure, snap: Snapshot) -> None:
    """Keep the state and the open step (one at a time in this process) on the row."""
    proc.state, proc.serializer_version = snap.state, snap.serializer_version
    task = snap.user_tasks[0] if snap.user_tasks else None
    proc.open_step = task.name if task else None
    proc.open_task_id = task.task_id if task else None
    proc.open_due = date.fromisoformat(task.due_on[:10]) if task and task.due_on else None


def start(uow: UnitOfWork, proc: NkProcedure) -> None:
    """Start the process on the active definition for a procedure just written (form A)."""
    definition = active_definition(uow)
    proc.definition_id = definition.id
    snap = uow.ctx.engine.start(
        definition_ref(uow, definition.id),
        {"started_on": proc.started_on.isoformat(), "handover_due": proc.handover_due.isoformat()},
        uow.ctx.now(), process_id=PROCESS)
    _mirror(proc, snap)


def complete(uow: UnitOfWork, proc: NkProcedure, step: str, data: dict[str, Any]) -> None:
    """Complete the open step ``step`` with ``data`` (the routing fields and the next
    deadline only; free text stays in the procedure's tables)."""
    if proc.open_step != step or proc.open_task_id is None:
        raise Conflict(msg(NkCode.STEP_NOT_OPEN, step=proc.open_step or "—"))
    snap = uow.ctx.engine.complete_user_task(
        definition_ref(uow, proc.definition_id), proc.state, proc.open_task_id, data,
        uow.ctx.now())
    _mirror(proc, snap)
