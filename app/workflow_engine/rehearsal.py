"""Rehearsal and replay of a candidate definition in memory, before it is deployed.

`rehearse` runs each scripted path (every benefit on the happy path, and the main alternative
branches) the way tests/workflows drive a case: canned form data (`fixtures.canned_form_data`,
or values made from the form's schema for a task the fixtures do not know), deferred service
tasks completed with `fixtures.canned_service_result`, timers fired by moving the clock on.
Scripts and conditions run in the sandbox with the engine's own functions and time limit. What
goes wrong becomes a `Problem` naming the element:

- ``condition_error``: a gateway condition failed (e.g. a variable that is never set) or no
  branch matched;
- ``script_error`` / ``script_timeout``: a script (or pre/post-script) raised or ran too long
  (``script_error`` with reason ``memory``: it went over the sandbox's memory bound);
- ``timer_error`` / ``expression_error``: a timer expression or service parameter failed;
- ``stuck_path``: the case stops with nothing to do (no user task, service call or timer, not
  completed), or exceeds the step budget (a loop);
- ``rehearsal_error``: any other engine failure.

`replay` re-runs recorded histories of real cases (their completed user tasks with the data
submitted) on a candidate and on a baseline, and reports the cases that now end differently.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any

from SpiffWorkflow.bpmn import BpmnWorkflow
from SpiffWorkflow.bpmn.script_engine import PythonScriptEngine
from SpiffWorkflow.bpmn.specs.event_definitions.timer import TimerEventDefinition
from SpiffWorkflow.bpmn.specs.mixins.events.event_types import CatchingEvent
from SpiffWorkflow.specs.MultiChoice import MultiChoice
from SpiffWorkflow.spiff.specs.defaults import UserTask
from SpiffWorkflow.util.task import TaskState

from app.domain import benefits

from . import serialization
from .budget import UNLIMITED, Budget, BudgetSpent
from .clock import WARSAW, engine_clock
from .errors import ScriptError
from .fixtures import DEFAULT_DAY, canned_form_data, canned_service_result
from .model import CompiledDefinition, DefinitionRef
from .problems import Problem
from .sandbox import SandboxedScriptEngine
from .specs import PARAMS_KEY, DeferredServiceTask
from .timer_range import EARLIEST, LATEST, moment_problem

# Every benefit of the catalogue; the scripted paths below run on two of them, picked by what
# they are: an open-ended monthly u.p.s. benefit, and one always granted for a set period.
BENEFITS = benefits.CODES
_OPEN_ENDED = benefits.codes_where(lambda b: b.kind is benefits.Kind.MONTHLY and not b.end_required
                                   and b.period_start_parameter is None)[0]
_FIXED_TERM = benefits.codes_where(lambda b: b.end_required)[0]
# The variables a case's end is judged by in a replay (with the end events and open tasks).
OUTCOME_VARIABLES = ("intake_outcome", "decision_outcome", "decision_kind", "approval",
                     "appeal_event", "appeal_action", "benefit_active", "next_process",
                     "sko_outcome")
MAX_STEPS = 150            # user tasks, service calls and timers of one path
MAX_ENGINE_TASKS = 5000    # engine tasks between two steps (a loop without a wait state)
MAX_ROUNDS = 50
MAX_CHAINED = 4            # chained processes (benefit reviews) followed per path


@dataclass(frozen=True)
class Scenario:
    """One scripted path: start data, and answers by user task name.

    An answer is a dict merged into the canned data, or a list of dicts used in turn (the last
    repeating). Tasks in `wait` are left open while a timer can still fire (deadlines pass).
    """

    name: str
    benefit: str = _OPEN_ENDED
    answers: Mapping[str, Any] = field(default_factory=dict)
    wait: frozenset[str] = frozenset()
    process: str | None = None


_ENDING_REVIEW = {"interview_update": [{}, {"continue_benefit": False}]}


def _answers(**answers: Any) -> dict[str, Any]:
    return {**_ENDING_REVIEW, **answers}


SCENARIOS: tuple[Scenario, ...] = (
    *(Scenario(f"{benefit}: complete application granted", benefit, _answers()) for benefit in BENEFITS),
    Scenario("incomplete application supplemented", _FIXED_TERM, _answers(
        completeness_check=[{"complete": False, "missing_items": "Zaświadczenie."}, {}])),
    Scenario("supplement not filed in time", _FIXED_TERM, _answers(
        completeness_check={"complete": False, "missing_items": "Zaświadczenie."}),
        wait=frozenset({"record_supplement"})),
    Scenario("draft returned by the approver", _FIXED_TERM, _answers(
        approve_decision=[{"approval": "return", "approval_comment": "Popraw kwotę."}, {}])),
    Scenario("appeal forwarded to SKO", _FIXED_TERM, _answers(
        appeal_window={"appeal_event": "appeal_filed"})),
    Scenario("appeal: the decision is changed", _FIXED_TERM, _answers(
        appeal_window=[{"appeal_event": "appeal_filed"}, {}],
        handle_appeal=[{"appeal_action": "change_decision"}, {}])),
    Scenario("appeal period lapses", _FIXED_TERM, _answers(), wait=frozenset({"appeal_window"})),
    Scenario("refusal", _FIXED_TERM, _answers(
        draft_decision={"decision_kind": "refusal", "amount": None, "period_from": None})),
    Scenario("deadlines pass before the interview", _OPEN_ENDED, _answers(),
             wait=frozenset({"conduct_interview"})),
    Scenario("change of a running grant", _FIXED_TERM, _answers(), process="decision_change"),
    Scenario("refusal: the party's time to comment lapses", _FIXED_TERM, _answers(
        draft_decision={"decision_kind": "refusal", "amount": None, "period_from": None}),
        wait=frozenset({"party_comments"})),
    Scenario("the SKO returns the case for re-examination", _FIXED_TERM, _answers(
        appeal_window=[{"appeal_event": "appeal_filed"}, {}],
        record_sko_outcome={"sko_outcome": "returned"})),
    Scenario("the SKO quashes and discontinues", _FIXED_TERM, _answers(
        appeal_window={"appeal_event": "appeal_filed"},
        record_sko_outcome={"sko_outcome": "quashed_discontinued"})),
    Scenario("the SKO rules on the merits", _OPEN_ENDED, _answers(
        appeal_window={"appeal_event": "appeal_filed"},
        record_sko_outcome={"sko_outcome": "changed", "sko_kind": "partial",
                            "sko_amount": "300.00", "sko_period_from": DEFAULT_DAY})),
    Scenario("revocation of a running grant", _FIXED_TERM, _answers(
        draft_decision={"decision_kind": "refusal", "amount": None, "period_from": None}),
        process="decision_change"),
)


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
    return {"case_id": 1, "benefit": benefit, "urgent": False, "application_date": application_date}


def _morning(day: str) -> datetime:
    return datetime.combine(date.fromisoformat(day), time(9), WARSAW)


# ------------------------------------------------------------------------------ rehearsal
def decode(compiled: CompiledDefinition) -> tuple:
    """(spec, other process specs) of a compiled definition."""
    return serialization.decode_specs(compiled.spec_blob)


def budget_problem(budget: Budget, done: int, total: int, what: str = "paths rehearsed") -> Problem:
    """The coded problem of a deploy check stopped by its time budget (the deploy is refused)."""
    seconds = f"{budget.seconds:g}"
    return Problem("", None, "check_budget",
                   f"the deploy check stopped when its time budget of {seconds} s was spent: "
                   f"{done} of {total} {what}; simplify the scripts or split the definition",
                   params={"seconds": seconds, "done": done, "total": total})


def rehearse(
    engine,
    compiled: CompiledDefinition,
    forms: Mapping[str, dict] | None = None,
    scenarios: Sequence[Scenario] = SCENARIOS,
    budget: Budget = UNLIMITED,
) -> list[Problem]:
    """Run every scripted path of a compiled candidate; one Problem per failing path.

    Stops at the first script that runs past its time limit (every later path through it would
    spend the limit again: ``while True: pass`` took 21 paths x 1 s) and when `budget` is spent
    (then a ``check_budget`` problem refuses the deploy).
    """
    specs = decode(compiled)
    problems: list[Problem] = []
    chosen = [s for s in scenarios if s.process is None or s.process == specs[0].name
              or s.process in specs[1]]  # a process the candidate lacks: nothing to rehearse
    for done, scenario in enumerate(chosen):
        try:
            budget.check()
            problem = _rehearse_one(engine, specs, forms or {}, scenario, budget)
        except BudgetSpent:
            problems.append(budget_problem(budget, done, len(chosen)))
            break
        if problem is not None and not any(
                (p.file, p.element_id, p.code) == (problem.file, problem.element_id, problem.code)
                for p in problems):
            problems.append(problem)
        if problem is not None and problem.code == "script_timeout":
            break
    return problems


def _rehearse_one(engine, specs: tuple, forms: Mapping[str, dict], scenario: Scenario,
                  budget: Budget = UNLIMITED) -> Problem | None:
    seen: Counter[str] = Counter()
    try:
        run = _Run(specs, engine.script_engine, forms, _start(scenario.benefit), scenario.process,
                   _morning(DEFAULT_DAY), scenario.name, budget)
        for _ in range(MAX_STEPS):
            budget.check()
            if run.is_completed():
                if run.follow_chain():
                    continue
                return None
            tasks = run.ready_user_tasks()
            chosen = [t for t in tasks if scenario.wait.isdisjoint(task_keys(t))]
            if not chosen and tasks and run.next_timer() is None:
                chosen = tasks  # nothing left to wait for: the waited task is done now
            if chosen:
                task = chosen[0]
                keys = task_keys(task)
                name = next((k for k in keys if k in scenario.answers), keys[-1])
                answer = scenario.answers.get(name, {})
                if isinstance(answer, list):
                    answer = answer[min(seen[name], len(answer) - 1)] if answer else {}
                seen[name] += 1
                run.complete_user_task(task, _submission(run, task, dict(answer)))
            elif (service := run.started_service()) is not None:
                run.complete_service(service)
            elif not run.fire_next_timer():
                return run.stuck()
        return _task_problem(
            run.last, "stuck_path", f"the path '{scenario.name}' takes more than {MAX_STEPS} steps "
            "(a loop?)", scenario=scenario.name, reason="step_budget") if run.last is not None else None
    except _PathFailed as failed:
        return failed.problem


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
