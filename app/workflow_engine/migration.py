"""Where a running instance stands, and moving it to another definition version.

Read-only inspection (`current_elements`) names the BPMN elements an instance is at: its ready
or started tasks, the events it waits for, and a "dead end" (a finished task the diagram gave no
way out of, so nothing can ever follow it). `migrate` restores a state with the spec it was
saved with, diffs that spec against the target's (SpiffWorkflow's SpecDiff, per process) and
moves it with `migrate_workflow`; `resume` runs the engine steps of a restored state again.
None of them touches the database: they return plain data or a Snapshot.
"""

from __future__ import annotations

from dataclasses import dataclass

from SpiffWorkflow.bpmn import BpmnWorkflow
from SpiffWorkflow.bpmn.util.diff import diff_workflow, migrate_workflow
from SpiffWorkflow.util.task import TaskState

from . import serialization
from .clock import engine_clock
from .engine import WorkflowEngine, _translated_errors
from .errors import EngineError
from .model import DefinitionRef, Snapshot
from .specs import REGISTRY

_AT = TaskState.READY | TaskState.STARTED | TaskState.WAITING | TaskState.ERROR


class MigrationRefused(EngineError):
    """The instance cannot be moved to the target version; the message says why."""


@dataclass(frozen=True)
class ElementView:
    """A BPMN element an instance is at (ids and names from the diagram, never case data).

    `kind`: "ready" (a task waiting to be done or run), "started" (e.g. a deferred service call),
    "waiting" (an event), "error" (a task the engine marked failed) or "dead_end".
    """

    element_id: str
    name: str
    kind: str
    process: str
    task_id: str = ""  # the engine's id of this task in this instance (kept when it is moved)


@dataclass(frozen=True)
class ElementFate:
    """What moving an instance does to one element it is at (a task, a timer, an event).

    `fate`: "kept" (it is there after the move), "moved" (it ends and the case goes on to `to`),
    "completed" (it ends and nothing of this instance follows it), "cancelled" (the target drops
    it) or "new" (the target version puts the case there)."""

    element: ElementView
    fate: str
    to: tuple[ElementView, ...] = ()


def _bpmn_id(task) -> str | None:
    return getattr(task.task_spec, "bpmn_id", None)


def _view(task, kind: str) -> ElementView:
    spec = task.task_spec
    return ElementView(str(spec.bpmn_id), str(getattr(spec, "bpmn_name", None) or spec.bpmn_id),
                       kind, task.workflow.spec.name, str(task.id))


def _dead_ends(workflow) -> list:
    """Finished tasks of an unfinished process that the diagram leads nowhere from.

    A subprocess whose every task finished at a dead end counts as completed to SpiffWorkflow,
    yet never reaches its end, so the task that called it stays started: it is searched too
    (finished subprocesses are pruned from the state). End events always lead on to the
    process's internal end, so they are never dead ends.
    """
    found = []
    for sub in [workflow, *workflow.subprocesses.values()]:
        if sub is workflow and sub.is_completed():
            continue
        for task in sub.get_tasks(state=TaskState.COMPLETED, skip_subprocesses=True):
            if not task.children and not task.task_spec.outputs and _bpmn_id(task) is not None:
                found.append(task)
    return found


def _elements(workflow) -> list[ElementView]:
    views: list[ElementView] = []
    for task in workflow.get_tasks_iterator(state=_AT):
        if _bpmn_id(task) is None or task.id in workflow.subprocesses:
            continue  # internal control tasks, and call activities (their insides are listed)
        if task.has_state(TaskState.ERROR):
            views.append(_view(task, "error"))
        elif task.has_state(TaskState.READY):
            views.append(_view(task, "ready"))
        elif task.has_state(TaskState.STARTED):
            views.append(_view(task, "started"))
        else:
            views.append(_view(task, "waiting"))
    views.extend(_view(task, "dead_end") for task in _dead_ends(workflow))
    return views


def current_elements(engine: WorkflowEngine, definition: DefinitionRef, state: bytes) -> list[ElementView]:
    """The elements a stored instance is at, without advancing it (read-only)."""
    spec, subprocess_specs = engine._specs(definition)
    with _translated_errors():
        workflow = engine._restore(state, spec, subprocess_specs)
        return _elements(workflow)


def resume(engine: WorkflowEngine, definition: DefinitionRef, state: bytes, now) -> Snapshot:
    """Restore a state and run its engine steps again (a retry after a failure)."""
    spec, subprocess_specs = engine._specs(definition)
    with engine_clock(now), _translated_errors():
        workflow = engine._restore(state, spec, subprocess_specs)
        engine._advance(workflow)
        return engine._snapshot(workflow)


@dataclass
class Migration:
    """What moving one instance did (or would do): where it was, and the result."""

    elements: list[ElementView]
    snapshot: Snapshot
    target_elements: list[ElementView]
    fates: list[ElementFate]


def migrate(
    engine: WorkflowEngine, source: DefinitionRef, target: DefinitionRef, state: bytes, now
) -> Migration:
    """Move a state saved on `source` to the specs of `target` and run its engine steps.

    Refused (MigrationRefused) when an element the instance is at, or has passed, does not
    exist in the target, when a process it is in is not in the target, or when the moved state
    would not restore on the target. The caller stores `snapshot.state` only if it wants the
    move; nothing else changes.
    """
    old_spec, old_subprocess_specs = engine._specs(source)
    new_spec, new_subprocess_specs = engine._specs(target)
    with engine_clock(now), _translated_errors():
        workflow = engine._restore(state, old_spec, old_subprocess_specs)
        elements = _elements(workflow)
        top_spec = _target_spec(workflow.spec.name, new_spec, new_subprocess_specs)
        dead_ends = {task.id for task in _dead_ends(workflow)}
        try:
            top_diff, sub_diffs = diff_workflow(REGISTRY, workflow, top_spec, new_subprocess_specs)
        except (KeyError, AttributeError) as exc:
            raise MigrationRefused(f"the versions cannot be compared ({type(exc).__name__}: {exc})") from exc
        _check_diffs(workflow, elements, top_diff, sub_diffs,
                     {**new_subprocess_specs, top_spec.name: top_spec})
        migrate_workflow(top_diff, workflow, top_spec)
        for sub_id, sub in workflow.subprocesses.items():
            migrate_workflow(sub_diffs[sub_id], sub, new_subprocess_specs[sub.spec.name])
        workflow.subprocess_specs = new_subprocess_specs
        _reconnect(workflow, dead_ends)
        snapshot = engine._snapshot(workflow)
        # The moved state must load on the target exactly as every later call will load it.
        try:
            restored = serialization.decode_state(snapshot.state, new_spec, new_subprocess_specs,
                                                  engine.script_engine)
        except Exception as exc:  # noqa: BLE001 - any failure means the move is not safe
            raise MigrationRefused(
                f"the moved state does not load on the target version ({type(exc).__name__})"
            ) from exc
        engine._advance(restored)
        snapshot = engine._snapshot(restored)
        after = _elements(restored)
        return Migration(elements, snapshot, after, _fates(elements, restored, after))


def _fates(before: list[ElementView], moved: BpmnWorkflow, after: list[ElementView]) -> list[ElementFate]:
    """Each element before the move, and what became of it; then each element new after it.

    Tasks keep their engine id through a move, so an element is followed by its id: still open
    (kept), finished with open successors (moved to them), finished alone (completed), or
    cancelled or gone (cancelled)."""
    tasks = {str(t.id): t for t in moved.get_tasks_iterator()}
    for sub in moved.subprocesses.values():
        tasks.update({str(t.id): t for t in sub.get_tasks_iterator()})
    open_after = {e.task_id: e for e in after}
    fates: list[ElementFate] = []
    for e in before:
        if e.task_id in open_after:
            fates.append(ElementFate(open_after[e.task_id], "kept"))
            continue
        task = tasks.get(e.task_id)
        if task is None or task.has_state(TaskState.CANCELLED):
            fates.append(ElementFate(e, "cancelled"))
            continue
        following, todo = [], list(task.children)
        while todo:
            child = todo.pop(0)
            if str(child.id) in open_after:
                following.append(open_after[str(child.id)])
            else:
                todo.extend(child.children)
        fates.append(ElementFate(e, "moved" if following else "completed", tuple(following)))
    seen = {e.task_id for e in before} | {t.task_id for f in fates for t in f.to}
    fates.extend(ElementFate(e, "new") for e in after if e.task_id not in seen)
    return fates


def _target_spec(process: str, new_spec, new_subprocess_specs: dict):
    if process == new_spec.name:
        return new_spec
    if process in new_subprocess_specs:
        return new_subprocess_specs[process]
    raise MigrationRefused(f"process '{process}' does not exist in the target version")


def _check_diffs(
    workflow: BpmnWorkflow, elements: list[ElementView], top_diff, sub_diffs: dict, target_specs: dict
) -> None:
    """Refuse when SpecDiff found elements of this instance that the target does not have."""
    current = {e.element_id for e in elements}
    # SpecDiff may align a renamed element by its place in the flow; an instance is only moved
    # to a task the target has under the same id, so what it is at keeps its meaning.
    absent = sorted({
        e.element_id for e in elements
        if e.element_id not in getattr(target_specs.get(e.process), "task_specs", {})
    })
    if absent:
        raise MigrationRefused(f"the current task {', '.join(absent)} does not exist in the target version")
    missing_processes = sorted(
        {sub.spec.name for sub_id, sub in workflow.subprocesses.items() if sub_diffs.get(sub_id) is None}
    )
    if missing_processes:
        raise MigrationRefused(
            f"process(es) {', '.join(missing_processes)} the instance is in do not exist in the "
            "target version"
        )
    removed = [t for diff in [top_diff, *sub_diffs.values()] for t in diff.removed]
    removed_ids = sorted({str(_bpmn_id(t) or t.task_spec.name) for t in removed})
    at = sorted(current & set(removed_ids))
    if at:
        raise MigrationRefused(
            f"the current task {', '.join(at)} does not exist in the target version"
        )
    if removed_ids:
        raise MigrationRefused(
            f"element(s) {', '.join(removed_ids)} of this instance do not exist in the target version"
        )


def _reconnect(workflow: BpmnWorkflow, dead_ends: set) -> None:
    """Let a dead end go on where the target gives it a way out (without running it again)."""
    for sub in [workflow, *workflow.subprocesses.values()]:
        for task in list(sub.get_tasks(state=TaskState.COMPLETED, skip_subprocesses=True)):
            if task.id in dead_ends and not task.children and task.task_spec.outputs:
                task._sync_children(task.task_spec.outputs, TaskState.FUTURE)
                for child in task.children:
                    # As Task.reset_branch does: predict what follows, then let it become ready.
                    child.task_spec._predict(child, mask=TaskState.PREDICTED_MASK | TaskState.FUTURE)
                    child.task_spec._update(child)
