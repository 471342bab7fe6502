"""The in-memory path driver shared by the rehearsal and the replay: a case run step by step in
the sandbox with canned form data and service results, timers fired by moving the clock on, and
what goes wrong turned into a :class:`Problem` naming the element (see :mod:`.rehearsal`)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

from SpiffWorkflow.bpmn import BpmnWorkflow
from SpiffWorkflow.bpmn.script_engine import PythonScriptEngine
from SpiffWorkflow.bpmn.specs.event_definitions.timer import TimerEventDefinition
from SpiffWorkflow.bpmn.specs.mixins.events.event_types import CatchingEvent
from SpiffWorkflow.specs.MultiChoice import MultiChoice
from SpiffWorkflow.spiff.specs.defaults import UserTask
from SpiffWorkflow.util.task import TaskState

from .budget import UNLIMITED, Budget, BudgetSpent
from .clock import WARSAW, engine_clock
from .errors import ScriptError
from .fixtures import DEFAULT_DAY, canned_form_data, canned_service_result
from .problems import Problem
from .sandbox import SandboxedScriptEngine
from .specs import PARAMS_KEY, DeferredServiceTask
from .timer_range import EARLIEST, LATEST, moment_problem

# The variables a case's end is judged by in a replay (with the end events and open tasks).
OUTCOME_VARIABLES = ("intake_outcome", "decision_outcome", "decision_kind", "approval",
                     "appeal_event", "appeal_action", "benefit_active", "next_process",
                     "sko_outcome")
MAX_STEPS = 150            # user tasks, service calls and timers of one path
MAX_ENGINE_TASKS = 5000    # engine tasks between two steps (a loop without a wait state)
MAX_ROUNDS = 50
MAX_CHAINED = 4            # chained processes (benefit reviews) followed per path


# ------------------------------------------------------------------------------ the driver
@dataclass
class _Failure:
    task: Any
    kind: str  # "execute" or "evaluate"
    source: str
    error: ScriptError


class _RecordingScriptEngine(SandboxedScriptEngine):
    """The engine's sandbox (same functions, same time limit) noting which task failed."""

    def __init__(self, sandbox: SandboxedScriptEngine):
        PythonScriptEngine.__init__(self, environment=sandbox.environment)
        self.failure: _Failure | None = None

    def evaluate(self, task, expression, external_context=None):
        try:
            return super().evaluate(task, expression, external_context)
        except ScriptError as exc:
            self.failure = _Failure(task, "evaluate", str(expression).strip(), exc)
            raise

    def execute(self, task, script, external_context=None):
        try:
            return super().execute(task, script, external_context)
        except ScriptError as exc:
            self.failure = _Failure(task, "execute", str(script).strip(), exc)
            raise


class _PathFailed(Exception):
    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem


def _spec_file(task) -> str:
    return getattr(task.workflow.spec, "file", None) or ""


def _task_problem(task, code: str, text: str, **params: Any) -> Problem:
    spec = task.task_spec
    element_id = getattr(spec, "bpmn_id", None) or spec.name
    name = getattr(spec, "bpmn_name", None) or None
    label = f"'{element_id}'" + (f" ({name})" if name else "")
    file = _spec_file(task)
    return Problem(file, element_id, code, f"{file}: {label}: {text}", name, params)


def _failure_problem(failure: _Failure, scenario: str) -> Problem:
    task, error = failure.task, str(failure.error)
    detail = error.rsplit(": ", 1)[-1] if "time limit" in error else error.split(": ", 1)[-1]
    spec = task.task_spec
    if "time limit" in error:
        code, what = "script_timeout", "script" if failure.kind == "execute" else "expression"
        return _task_problem(task, code, f"{what} ran past the time limit on the path "
                             f"'{scenario}' ({detail})", scenario=scenario)
    if failure.kind == "execute" and "memory limit exceeded: " in error:
        detail = error.rsplit("memory limit exceeded: ", 1)[-1]
        return _task_problem(task, "script_error", f"script went over the memory limit on the path "
                             f"'{scenario}' ({detail})", scenario=scenario, reason="memory",
                             detail=detail)
    if failure.kind == "execute":
        code, what = "script_error", "script failed"
    elif isinstance(spec, MultiChoice):
        code, what = "condition_error", f"condition {failure.source!r} failed"
    elif isinstance(spec, CatchingEvent):
        code, what = "timer_error", f"timer expression {failure.source!r} failed"
    else:
        code, what = "expression_error", f"expression {failure.source!r} failed"
    return _task_problem(task, code, f"{what} on the path '{scenario}': {_bare(error)}",
                         scenario=scenario, expression=failure.source)


def _bare(error: str) -> str:
    """The sandbox's reason without the task description the script engine put in front."""
    for marker in ("script failed: ", "': "):
        if marker in error:
            error = error.split(marker, 1)[-1]
    return error


@dataclass
class _Outcome:
    completed: bool
    ends: list[str]
    waiting_at: list[str]
    variables: dict[str, Any]
    diverged_at: int | None = None
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {"completed": self.completed, "ends": self.ends, "waiting_at": self.waiting_at,
                "variables": self.variables, "diverged_at": self.diverged_at, "error": self.error}

    def key(self) -> tuple:
        return (self.completed, tuple(self.ends), tuple(self.waiting_at),
                json.dumps(self.variables, sort_keys=True, default=str), self.error)


class _Run:
    """One case in memory on decoded specs, with the sandboxed script engine."""

    def __init__(self, specs: tuple, sandbox: SandboxedScriptEngine, forms: Mapping[str, dict],
                 start: dict, process: str | None, now: datetime, label: str,
                 budget: Budget = UNLIMITED):
        self.spec, self.subprocess_specs = specs
        self.budget = budget
        self.script_engine = _RecordingScriptEngine(sandbox)
        self.forms = forms
        self.now = now
        self.label = label
        self.ends: list[str] = []
        self.last: Any = None
        self.completed_counts: Counter[str] = Counter()
        spec = self.spec if process in (None, self.spec.name) else self.subprocess_specs.get(process)
        if spec is None:
            raise _PathFailed(Problem("", None, "stuck_path",
                                      f"process '{process}' is not in the candidate (path '{label}')",
                                      params={"scenario": label, "process": process,
                                              "reason": "process_missing"}))
        self.chained = 0
        self.workflow = self._new(spec, start)

    # -------------------------------------------------------------- engine
    def _new(self, spec, data: dict) -> BpmnWorkflow:
        workflow = BpmnWorkflow(spec, self.subprocess_specs, script_engine=self.script_engine)
        workflow.task_tree.data.update(json.loads(json.dumps(data)))
        self.workflow = workflow
        self._guarded(self._advance)
        return workflow

    def _did_complete(self, task) -> None:
        spec = task.task_spec
        bpmn_id = getattr(spec, "bpmn_id", None)
        if bpmn_id is None:
            return
        self.last = task
        self.completed_counts[bpmn_id] += 1
        if type(spec).__name__ == "EndEvent" and task.workflow is self.workflow:
            self.ends.append(bpmn_id)

    def _advance(self) -> None:
        count = 0

        def guard(task) -> None:
            nonlocal count
            count += 1
            self.budget.check()
            if count > MAX_ENGINE_TASKS:
                raise _PathFailed(_task_problem(
                    task, "stuck_path", f"more than {MAX_ENGINE_TASKS} engine steps without a user "
                    f"task or timer on the path '{self.label}' (a loop without a wait state?)",
                    scenario=self.label, reason="step_budget"))

        for _ in range(MAX_ROUNDS):
            self.workflow.refresh_timers()
            self.workflow.do_engine_steps(will_complete_task=guard, did_complete_task=self._did_complete)
            if self.workflow.get_next_task(state=TaskState.READY, manual=False) is None:
                return

    def _guarded(self, action: Callable[[], None]) -> None:
        self.script_engine.failure = None
        with engine_clock(self.now):
            try:
                action()
            except (_PathFailed, BudgetSpent):
                raise
            except Exception as exc:  # noqa: BLE001 - every failure becomes a Problem
                failure = self.script_engine.failure
                if failure is not None:
                    raise _PathFailed(_failure_problem(failure, self.label)) from exc
                task = getattr(exc, "task", None)
                text = str(exc).split("\n", 1)[0]
                if task is not None and isinstance(task.task_spec, MultiChoice):
                    raise _PathFailed(_task_problem(task, "condition_error",
                                                    f"{text} on the path '{self.label}'",
                                                    scenario=self.label)) from exc
                if task is not None:
                    raise _PathFailed(_task_problem(task, "rehearsal_error",
                                                    f"{text} on the path '{self.label}'",
                                                    scenario=self.label)) from exc
                raise _PathFailed(Problem(self.spec.file or "", None, "rehearsal_error",
                                          f"{text} on the path '{self.label}'",
                                          params={"scenario": self.label})) from exc

    # -------------------------------------------------------------- queries
    def ready_user_tasks(self) -> list:
        return list(self.workflow.get_tasks(state=TaskState.READY, spec_class=UserTask))

    def started_service(self):
        return self.workflow.get_next_task(state=TaskState.STARTED, spec_class=DeferredServiceTask)

    def next_timer(self) -> datetime | None:
        values = []
        for task in self.workflow.event_manager.tasks.values():
            definition = getattr(task.task_spec, "event_definition", None)
            if not isinstance(definition, TimerEventDefinition):
                continue
            value = definition.details(task).value
            if not isinstance(value, str):
                continue
            try:
                moment = datetime.fromisoformat(value)
            except ValueError:
                continue
            out_of_range = moment_problem(moment)
            if out_of_range is not None:  # one second later would overflow the clock
                raise _PathFailed(_task_problem(
                    task, "timer_error", f"timer gave a moment out of range on the path "
                    f"'{self.label}': {out_of_range}", scenario=self.label, reason="out_of_range",
                    value=value, earliest=EARLIEST.isoformat(), latest=LATEST.isoformat()))
            values.append(moment)
        return min(values) if values else None

    def is_completed(self) -> bool:
        return self.workflow.is_completed()

    # -------------------------------------------------------------- commands
    def follow_chain(self) -> bool:
        """Start the process a completed one names in `next_process`; False if none follows."""
        data = self.workflow.data
        process = data.get("next_process")
        if not process or self.chained >= MAX_CHAINED or process not in self.subprocess_specs:
            return False
        carried = {k: data[k] for k in data.get("carry") or [] if k in data}
        self.chained += 1
        self._new(self.subprocess_specs[process], carried)
        return True

    def complete_user_task(self, task, data: dict) -> None:
        def run() -> None:
            task.data.update(json.loads(json.dumps(self._workflow_fields(task, data))))
            task.run()
            self._did_complete(task)
            self._advance()
        self._guarded(run)

    def complete_service(self, task) -> None:
        spec = task.task_spec

        def run() -> None:
            try:
                result = canned_service_result(spec.operation_name, task.internal_data.get(PARAMS_KEY))
            except KeyError:
                result = {}
            variable = spec.explicit_result_variable
            if variable:
                task.data[variable] = result
            else:
                task.data.update(result)
            task.internal_data.pop(PARAMS_KEY, None)
            task.complete()
            self._did_complete(task)
            self._advance()
        self._guarded(run)

    def fire_next_timer(self) -> bool:
        due = self.next_timer()
        if due is None:
            return False
        self.now = max(self.now, due + timedelta(seconds=1))
        self._guarded(self._advance)
        return True

    def move_clock(self, to: datetime) -> None:
        """Move the clock to `to`, firing every timer due before it."""
        if to > self.now:
            self.now = to
            self._guarded(self._advance)

    def form_of(self, task) -> dict:
        return self.forms.get(_properties(task).get("form") or "", {}) or {}

    def _workflow_fields(self, task, data: dict) -> dict:
        """What the service layer copies into the workflow (no free text, no lists)."""
        props = self.form_of(task).get("properties") or {}
        return {k: v for k, v in data.items()
                if props.get(k, {}).get("x-widget") != "textarea" and props.get(k, {}).get("type") != "array"}

    def stuck(self) -> Problem:
        waiting = [t for t in self.workflow.get_tasks(state=TaskState.WAITING)
                   if getattr(t.task_spec, "bpmn_id", None)]
        task = waiting[-1] if waiting else self.last
        text = (f"the path '{self.label}' stops here: no user task, service call or timer is left "
                "and the process has not reached an end event")
        if task is None:
            return Problem(self.spec.file or "", None, "stuck_path", text,
                           params={"scenario": self.label, "reason": "no_work_left"})
        return _task_problem(task, "stuck_path", text, scenario=self.label, reason="no_work_left")

    def outcome(self, diverged_at: int | None = None, error: str | None = None) -> _Outcome:
        last = self.last.data if self.last is not None else {}
        data = self.workflow.data if self.is_completed() else last
        variables = {k: data[k] for k in OUTCOME_VARIABLES if k in data}
        waiting = sorted({t.task_spec.bpmn_id for t in self.ready_user_tasks()})
        return _Outcome(self.is_completed(), list(self.ends), waiting, variables, diverged_at, error)


def _properties(task) -> dict:
    return dict(getattr(task.task_spec, "extensions", {}).get("properties") or {})


def task_keys(task) -> list[str]:
    """The names a user task is known by, most specific first: its declared action, its form,
    its element id (a diagram may rename elements; the action and form keep their meaning)."""
    props = _properties(task)
    keys = [props.get("action"), props.get("form"), task.task_spec.bpmn_id]
    return [k for k in dict.fromkeys(keys) if k]


def _day(on: datetime) -> str:
    return on.astimezone(WARSAW).date().isoformat()


def schema_data(schema: Mapping[str, Any], today: str) -> dict[str, Any]:
    """A plausible submission of a form the fixtures do not know: defaults, first enum values,
    today for dates, true for booleans, zero for numbers."""
    data: dict[str, Any] = {}
    for name, prop in (schema.get("properties") or {}).items():
        if not isinstance(prop, dict):
            continue
        kind = prop.get("type")
        kind = next((k for k in kind if k != "null"), None) if isinstance(kind, list) else kind
        if "default" in prop:
            data[name] = prop["default"]
        elif prop.get("enum"):
            data[name] = prop["enum"][0]
        elif kind == "boolean":
            data[name] = True
        elif kind in ("integer", "number"):
            data[name] = prop.get("minimum", 0)
        elif kind == "string":
            data[name] = today if prop.get("format") == "date" else ""
        elif kind == "array":
            data[name] = []
        elif kind == "object":
            data[name] = {}
    return data


def _submission(run: _Run, task, answer: dict) -> dict:
    today = _day(run.now)
    for key in task_keys(task):
        try:
            return canned_form_data(key, today, **answer)
        except KeyError:
            continue
    return {**schema_data(run.form_of(task), today), **answer}


def _start(benefit: str, application_date: str = DEFAULT_DAY) -> dict:
    # request_received_on: the FA debtor procedure starts from the creditor centre's request.
    return {"case_id": 1, "benefit": benefit, "urgent": False, "application_date": application_date,
            "request_received_on": application_date}


def _morning(day: str) -> datetime:
    return datetime.combine(date.fromisoformat(day), time(9), WARSAW)
