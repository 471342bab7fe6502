"""Replay of recent real cases on a candidate definition: which would now end differently.

The histories are read from the database (each case's start data and its completed user tasks,
`human_tasks.result` in order of id); the replay itself runs in memory in the workflow engine
(`workflow_engine.replay`): each case on the version it ran on and on the candidate, service results
canned. The report names cases by id only, never personal data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from app.domain import benefits
from app.domain.statuses import CaseKind, TaskStatus
from app.domain.views import OMIT_NONE, JsonView
from app.persistence.models import Application, Case, HumanTask, ProcessDefinition, ProcessInstance
from app.services.kernel.context import ServiceContext
from app.services.workflow.versions import ref
from app.workflow_engine import CompiledDefinition
from app.workflow_engine.budget import UNLIMITED, Budget
from app.workflow_engine.replay import CaseHistory, replay

CHANGE_PROCESS = "decision_change"
_PROCESS_ID = re.compile(r"<(?:[A-Za-z0-9_]+:)?process\b[^>]*?\bid=\"([^\"]+)\"")


def _processes(sources: Any) -> frozenset[str]:
    """The ids of the processes a definition's diagrams hold."""
    texts = sources.values() if isinstance(sources, dict) else ()
    return frozenset(m for text in texts if isinstance(text, str) for m in _PROCESS_ID.findall(text))


def _started(kind: str, benefit: str, processes: frozenset[str]) -> str | None:
    """The process a case started in: a change case's; else the one its benefit's entry names
    when its definition holds it (opening a case starts that one), else the main process."""
    if kind == CaseKind.CHANGE:
        return CHANGE_PROCESS
    entry = benefits.find(benefit)
    return entry.process if entry is not None and entry.process in processes else None


def recent_histories(ctx: ServiceContext, limit: int = 100) -> list[CaseHistory]:
    """The `limit` most recent cases with a workflow, oldest first, as replayable histories."""
    with ctx.uow(readonly=True) as uow:
        rows = uow.session.execute(
            select(ProcessInstance.id, ProcessInstance.case_id, ProcessInstance.definition_id,
                   ProcessInstance.created_at, ProcessDefinition.content_hash, Case.benefit,
                   Case.urgent, Case.kind, Case.opened_on, Application.received_on)
            .join(Case, Case.id == ProcessInstance.case_id)
            .join(ProcessDefinition, ProcessDefinition.id == ProcessInstance.definition_id)
            .outerjoin(Application, Application.case_id == Case.id)
            .order_by(ProcessInstance.id.desc()).limit(max(0, limit))
        ).all()
        instance_ids = [r.id for r in rows]
        held = {d: _processes(sources) for d, sources in uow.session.execute(
            select(ProcessDefinition.id, ProcessDefinition.sources)
            .where(ProcessDefinition.id.in_({r.definition_id for r in rows})))} if rows else {}
        steps: dict[int, list[dict[str, Any]]] = {i: [] for i in instance_ids}
        if instance_ids:
            for task in uow.session.execute(
                select(HumanTask.instance_id, HumanTask.name, HumanTask.action, HumanTask.result,
                       HumanTask.completed_at)
                .where(HumanTask.instance_id.in_(instance_ids), HumanTask.status == TaskStatus.COMPLETED)
                .order_by(HumanTask.id)
            ):
                steps[task.instance_id].append({
                    "task": task.name, "action": task.action, "data": dict(task.result or {}),
                    "at": _iso(task.completed_at)})
    histories = []
    for r in reversed(rows):
        received = r.received_on or r.opened_on
        histories.append(CaseHistory(
            case_id=r.case_id,
            start={"case_id": r.case_id, "benefit": r.benefit, "urgent": bool(r.urgent),
                   "application_date": received.isoformat()},
            steps=steps[r.id],
            process=_started(r.kind, r.benefit, held.get(r.definition_id, frozenset())),
            baseline=ref(ctx, r.definition_id, r.content_hash),
            started_at=_iso(r.created_at),
        ))
    return histories


def _iso(moment: Any) -> str | None:
    if moment is None:
        return None
    from datetime import UTC

    if moment.tzinfo is None:  # stored as naive UTC
        moment = moment.replace(tzinfo=UTC)
    return str(moment.isoformat())


@dataclass(frozen=True, eq=False)
class ReplayReport(JsonView):
    """Recent cases replayed on a candidate: how many, and those that now end differently (each
    with its case id, the outcomes before and after, and the differences, as the engine gives
    them); ``stopped`` is the budget problem when the replay stopped early."""

    total: int
    changed: int
    cases: tuple[dict[str, Any], ...]
    unchanged: tuple[int, ...]
    stopped: dict[str, Any] | None = field(default=None, metadata=OMIT_NONE)


def replay_recent(
    ctx: ServiceContext, candidate: CompiledDefinition, forms: dict[str, dict[str, Any]], limit: int = 100,
    budget: Budget = UNLIMITED,
) -> ReplayReport:
    """Replay the most recent cases on `candidate`; the cases that now end differently (as far
    as `budget` allows: the report says where it stopped)."""
    histories = recent_histories(ctx, limit)
    report = replay(ctx.engine, candidate, histories, forms, budget=budget)
    return ReplayReport(total=report["total"], changed=report["changed"],
                        cases=tuple(report["cases"]), unchanged=tuple(report["unchanged"]),
                        stopped=report.get("stopped"))
