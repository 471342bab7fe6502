"""Turn a restored workflow into the plain Snapshot the service layer persists and mirrors."""

from datetime import UTC, datetime

from SpiffWorkflow.bpmn.specs.event_definitions.timer import (
    CycleTimerEventDefinition,
    TimerEventDefinition,
)
from SpiffWorkflow.bpmn.specs.mixins.subworkflow_task import CallActivity
from SpiffWorkflow.spiff.specs.defaults import UserTask
from SpiffWorkflow.util.task import TaskState

from .errors import ScriptError
from .model import ServiceCall, Snapshot, UserTaskView
from .sandbox import describe_task
from .specs import PARAMS_KEY, DeferredServiceTask
from .timer_range import moment_problem

_ACTIVE = TaskState.READY | TaskState.STARTED | TaskState.WAITING


def build_snapshot(workflow, state: bytes, serializer_version: str) -> Snapshot:
    """Collect human tasks, deferred service calls, the next timer, data and stage."""
    user_tasks: list[UserTaskView] = []
    service_calls: list[ServiceCall] = []
    layers: list[tuple[int, dict]] = []
    stage, stage_depth = None, -1
    for task in workflow.get_tasks_iterator(state=_ACTIVE):
        spec = task.task_spec
        depth = task.workflow.depth
        layers.append((depth, task.data))
        if task.state == TaskState.READY and isinstance(spec, UserTask):
            user_tasks.append(_user_task_view(task))
        elif task.state == TaskState.STARTED and isinstance(spec, DeferredServiceTask):
            service_calls.append(
                ServiceCall(str(task.id), spec.operation_name, dict(task.internal_data.get(PARAMS_KEY, {})))
            )
        elif task.state == TaskState.STARTED:
            continue  # a running subprocess task; its children decide the stage
        process, process_depth = _stage_of(task.workflow)
        if process_depth > stage_depth:
            stage, stage_depth = process, process_depth
    completed = workflow.is_completed()
    if completed:
        data, stage = dict(workflow.data), None
    else:
        data = {}
        for _, layer in sorted(layers, key=lambda item: item[0]):
            data.update(layer)
    return Snapshot(
        state=state,
        serializer_version=serializer_version,
        user_tasks=user_tasks,
        service_calls=service_calls,
        next_timer_at=next_timer_at(workflow),
        completed=completed,
        data=data,
        stage=stage,
    )


def _user_task_view(task) -> UserTaskView:
    spec = task.task_spec
    props = getattr(spec, "extensions", {}).get("properties") or {}
    due_variable = props.get("due")
    due_on = task.data.get(due_variable) if due_variable else None
    return UserTaskView(
        task_id=str(task.id),
        name=spec.bpmn_id,
        title_pl=props.get("title_pl", spec.bpmn_name or spec.bpmn_id),
        title_en=props.get("title_en", spec.bpmn_name or spec.bpmn_id),
        lane=spec.lane,
        form=props.get("form", ""),
        process=task.workflow.spec.name,
        data=task.data,
        due_on=due_on if isinstance(due_on, str) else None,
        four_eyes_of=props.get("four_eyes_of") or None,
        action=props.get("action", ""),
    )


def _stage_of(workflow) -> tuple[str, int]:
    """The innermost process started by a call activity (embedded subprocesses roll up)."""
    current = workflow
    while current.parent_task_id is not None:
        parent_task = current.top_workflow.get_task_from_id(current.parent_task_id)
        if isinstance(parent_task.task_spec, CallActivity):
            return current.spec.name, current.depth
        current = parent_task.workflow
    return current.spec.name, 0


def next_timer_at(workflow) -> datetime | None:
    """Earliest pending timer as an aware UTC datetime; refuses values without an offset."""
    earliest = None
    for task in workflow.event_manager.tasks.values():
        definition = task.task_spec.event_definition
        if not isinstance(definition, TimerEventDefinition):
            continue
        value = definition.details(task).value
        if isinstance(definition, CycleTimerEventDefinition) and isinstance(value, dict):
            continue  # an exhausted cycle has no next time
        if not isinstance(value, str):
            continue
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None:
            raise ScriptError(
                f"{describe_task(task)}: timer expression {definition.expression!r} gave {value!r}; "
                "it must be an ISO 8601 datetime with an explicit offset (use timer_at)"
            )
        out_of_range = moment_problem(moment)
        if out_of_range is not None:
            raise ScriptError(f"{describe_task(task)}: timer expression {definition.expression!r} "
                              f"gave a moment out of range: {out_of_range}")
        moment = moment.astimezone(UTC)
        if earliest is None or moment < earliest:
            earliest = moment
    return earliest
