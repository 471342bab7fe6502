"""Replay of recorded histories of real cases (their completed user tasks with the data submitted)
on a candidate definition and on a baseline: the cases that now end differently."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .budget import UNLIMITED, Budget, BudgetSpent
from .fixtures import DEFAULT_DAY
from .model import CompiledDefinition, DefinitionRef
from .rehearsal import budget_problem, decode
from .rehearsal_driver import MAX_STEPS, _morning, _Outcome, _PathFailed, _Run, task_keys


# ------------------------------------------------------------------------------ replay
@dataclass
class CaseHistory:
    """A past case: how it started and its completed user tasks in order, with their data.

    `steps` are dicts {"task": element id, "action": declared action or None, "data": submitted
    data, "at": ISO time or None} (a step matches a ready task by id or by action);
    `baseline` is the definition the case ran on (compared with the candidate).
    """

    case_id: int
    start: dict[str, Any]
    steps: list[dict[str, Any]]
    process: str | None = None
    baseline: DefinitionRef | None = None
    started_at: str | None = None


def _replay_one(specs: tuple, sandbox, forms: Mapping[str, dict], history: CaseHistory,
                time_budget: Budget = UNLIMITED) -> _Outcome:
    application = str(history.start.get("application_date") or DEFAULT_DAY)
    started = datetime.fromisoformat(history.started_at) if history.started_at else _morning(application)
    label = f"case {history.case_id}"
    try:
        run = _Run(specs, sandbox, forms, history.start, history.process, started, label, time_budget)
    except _PathFailed as failed:
        return _Outcome(False, [], [], {}, 0, failed.problem.code)
    index, budget = 0, MAX_STEPS + 2 * len(history.steps)
    try:
        while index < len(history.steps) and budget > 0:
            budget -= 1
            if run.is_completed():
                if run.follow_chain():
                    continue
                break
            step = history.steps[index]
            at = step.get("at")
            if at:
                run.move_clock(datetime.fromisoformat(at))
            wanted = {step["task"], step.get("action")} - {None}
            task = next((t for t in run.ready_user_tasks() if wanted & set(task_keys(t))), None)
            if task is not None:
                run.complete_user_task(task, dict(step.get("data") or {}))
                index += 1
            elif (service := run.started_service()) is not None:
                run.complete_service(service)
            elif not run.fire_next_timer():
                break
        while budget > 0 and not run.ready_user_tasks():
            budget -= 1  # settle: services the last step started, and chained processes
            if run.is_completed():
                if not run.follow_chain():
                    break
            elif (service := run.started_service()) is not None:
                run.complete_service(service)
            else:
                break
    except _PathFailed as failed:
        return run.outcome(index, failed.problem.code)
    return run.outcome(index if index < len(history.steps) else None)


def replay(
    engine,
    candidate: CompiledDefinition,
    histories: Sequence[CaseHistory],
    forms: Mapping[str, dict] | None = None,
    baseline_forms: Callable[[CaseHistory], Mapping[str, dict]] | None = None,
    budget: Budget = UNLIMITED,
) -> dict[str, Any]:
    """Re-run each history on the candidate and on its baseline; list the cases that now end
    differently (another end event, open task, outcome variable, or a failure).

    When `budget` is spent the replay stops; the report then says how far it got (``stopped``:
    the ``check_budget`` problem), and lists what it compared until then."""
    candidate_specs = decode(candidate)
    sandbox = engine.script_engine
    cases: list[dict[str, Any]] = []
    stopped = None
    for history in histories:
        try:
            budget.check()
            after = _replay_one(candidate_specs, sandbox, forms or {}, history, budget)
            before = None
            if history.baseline is not None:
                before_specs = engine._specs(history.baseline)  # noqa: SLF001 - same package, cached
                before_forms = baseline_forms(history) if baseline_forms else (forms or {})
                before = _replay_one(before_specs, sandbox, before_forms, history, budget)
        except BudgetSpent:
            stopped = budget_problem(budget, len(cases), len(histories), "recent cases replayed")
            break
        changed = before is not None and before.key() != after.key()
        cases.append({"case_id": history.case_id, "changed": changed,
                      "before": before.as_dict() if before else None, "after": after.as_dict(),
                      "differences": _differences(before, after) if changed and before else []})
    report: dict[str, Any] = {"total": len(cases), "changed": sum(c["changed"] for c in cases),
              "cases": [c for c in cases if c["changed"]], "unchanged": [c["case_id"] for c in cases
                                                                        if not c["changed"]]}
    if stopped is not None:
        report["stopped"] = stopped.as_dict()
    return report


def _differences(before: _Outcome, after: _Outcome) -> list[str]:
    out = []
    if before.completed != after.completed:
        out.append("completed" if after.completed else "no longer completes")
    if before.ends != after.ends:
        out.append(f"ends at {', '.join(after.ends) or 'no end event'} instead of "
                   f"{', '.join(before.ends) or 'no end event'}")
    if before.waiting_at != after.waiting_at:
        out.append(f"waits at {', '.join(after.waiting_at) or 'nothing'} instead of "
                   f"{', '.join(before.waiting_at) or 'nothing'}")
    for key in sorted(set(before.variables) | set(after.variables)):
        if before.variables.get(key) != after.variables.get(key):
            out.append(f"{key}: {before.variables.get(key)!r} -> {after.variables.get(key)!r}")
    if before.error != after.error:
        out.append(f"fails with {after.error}" if after.error else "no longer fails")
    return out
