"""Chained processes ("continue as new"): a finished workflow may name the process that follows it.

A BPMN process that must go on for years (the 6-monthly review of a zasiłek stały) is not a loop:
SpiffWorkflow keeps every iteration's tasks in the state, so each step of an old case would cost
more than one of a young case.  Instead the process ends, and says in its data what follows:

- `next_process`: the id of an executable process of the same definition version, or None;
- `carry`: the names of the variables the next process receives (nothing else is carried).

`apply_snapshot` then starts that process in the SAME `process_instances` row and stores the new
state instead of the finished one, so the case stays open and its state stays small.  The history
is already in `human_tasks`, `interviews` and `audit_events`.  Routing stays in BPMN: this module
only follows what the diagram says.
"""

from __future__ import annotations

from typing import Any

from app.domain.messages import Code, msg
from app.persistence.models import ProcessInstance
from app.services.kernel import audit
from app.services.kernel.context import UnitOfWork
from app.services.kernel.errors import ServiceError
from app.services.workflow.versions import definition_ref
from app.workflow_engine import EngineError, Snapshot

NEXT_PROCESS = "next_process"
CARRY = "carry"
# A chain that keeps starting processes which finish at once has no wait state: a BPMN error.
MAX_CHAINED_STARTS = 3


# A dict: workflow data handed to the engine, keyed by the diagram's variables.
def _carried(data: dict[str, Any], process: str) -> dict[str, Any]:
    """The variables a finished process hands the next one (workflow data: a dict by nature)."""
    keys = data.get(CARRY) or []
    if not isinstance(keys, list) or not all(isinstance(k, str) for k in keys):
        raise ServiceError(msg(Code.CHAIN_CARRY_INVALID, process=process))
    return {key: data[key] for key in keys if key in data}


def next_snapshot(uow: UnitOfWork, instance: ProcessInstance, snap: Snapshot) -> Snapshot | None:
    """The snapshot of the process that follows a completed one, or None if none follows.

    The process named by `next_process` is started on the instance's own definition version with
    only the `carry` variables, at the service clock's now.
    """
    if not snap.completed:
        return None
    process = snap.data.get(NEXT_PROCESS)
    if not process:
        return None
    if not isinstance(process, str):
        raise ServiceError(msg(Code.CHAIN_NEXT_INVALID))
    data = _carried(snap.data, process)
    try:
        chained = uow.ctx.engine.start(
            definition_ref(uow, instance.definition_id), data, uow.ctx.now(), process_id=process
        )
    except EngineError as exc:
        raise ServiceError(msg(Code.CHAIN_START_FAILED, error=str(exc))) from exc
    audit.record(uow, "workflow.chained", None, instance.case_id, process=process)
    return chained


def follow_chain(uow: UnitOfWork, instance: ProcessInstance, snap: Snapshot) -> Snapshot:
    """`snap`, or the snapshot of the last process started after it (at most a few in a row)."""
    for _ in range(MAX_CHAINED_STARTS):
        chained = next_snapshot(uow, instance, snap)
        if chained is None:
            return snap
        snap = chained
    if snap.completed and snap.data.get(NEXT_PROCESS):
        raise ServiceError(
            msg(Code.CHAIN_TOO_LONG, limit=MAX_CHAINED_STARTS)
        )
    return snap
