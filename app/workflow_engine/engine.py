"""WorkflowEngine: the one facade the service layer uses to run BPMN cases.

Every call is stateless: it restores the instance from `state`, brings it up to `now` (due
timers fire first, so the result never depends on whether a timer tick ran in between), applies
one command, runs engine steps until only human work, deferred service calls or timers remain,
and returns a Snapshot with the new state.
"""

import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from uuid import UUID

from SpiffWorkflow.bpmn import BpmnWorkflow
from SpiffWorkflow.exceptions import SpiffWorkflowException
from SpiffWorkflow.spiff.specs.defaults import UserTask
from SpiffWorkflow.util.task import TaskState

from . import serialization
from .clock import engine_clock
from .compiler import parse_definition
from .errors import EngineError, TaskNotReady
from .model import CompiledDefinition, DefinitionRef, Snapshot
from .sandbox import SandboxedScriptEngine, describe_task
from .specs import PARAMS_KEY, SERIALIZER_VERSION, DeferredServiceTask
from .views import build_snapshot

# A BPMN loop without a wait state would otherwise spin forever inside a web request.
MAX_ENGINE_TASKS_PER_CALL = 5000
MAX_ENGINE_ROUNDS = 50


class _SpecCache:
    """Thread-safe LRU of restored (spec, subprocess_specs) by content hash."""

    def __init__(self, size: int):
        self.size = max(1, size)
        self._items: OrderedDict[str, tuple] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str) -> tuple | None:
        with self._lock:
            item = self._items.get(key)
            if item is not None:
                self._items.move_to_end(key)
            return item

    def put(self, key: str, item: tuple) -> None:
        with self._lock:
            self._items[key] = item
            self._items.move_to_end(key)
            while len(self._items) > self.size:
                self._items.popitem(last=False)


class _LiveWorkflows:
    """Thread-safe LRU of live workflows keyed by (content hash, the state bytes they saved).

    The next call on an instance usually passes back exactly the state this process returned,
    so the workflow object that produced it can be reused instead of decoding it. An entry is
    taken out while in use: a call that fails never returns it, so a half-mutated workflow can
    never be reused, and a state that was never committed simply never matches again.
    """

    def __init__(self, size: int):
        self.size = max(0, size)
        self._items: OrderedDict[tuple[str, bytes], BpmnWorkflow] = OrderedDict()
        self._lock = threading.Lock()

    def take(self, key: tuple[str, bytes]) -> BpmnWorkflow | None:
        with self._lock:
            return self._items.pop(key, None)

    def put(self, key: tuple[str, bytes], workflow: BpmnWorkflow) -> None:
        if not self.size:
            return
        with self._lock:
            self._items[key] = workflow
            while len(self._items) > self.size:
                self._items.popitem(last=False)


class WorkflowEngine:
    """Compile definitions and run instances; the only code that touches SpiffWorkflow objects."""

    def __init__(
        self,
        script_functions: Mapping[str, Callable],
        *,
        script_time_limit: float = 1.0,
        cache_size: int = 32,
        live_cache_size: int = 256,
    ):
        self.script_engine = SandboxedScriptEngine(script_functions, script_time_limit)
        self.function_names = frozenset(self.script_engine.environment.functions)
        self._cache = _SpecCache(cache_size)
        self._live = _LiveWorkflows(live_cache_size)

    # ------------------------------------------------------------------ definitions
    def compile(
        self,
        sources: Mapping[str, bytes | str],
        main_process: str = "benefit_case",
        forms: Mapping[str, dict] | None = None,
    ) -> CompiledDefinition:
        """Parse, validate and serialize a definition once; raises DefinitionError.

        The spec blob holds `main_process`, the processes it calls and every other executable
        process in `sources` (which `start(..., process_id=...)` can start); all are validated.
        """
        parsed = parse_definition(sources, main_process, forms, self.function_names)
        blob = serialization.encode_specs(parsed.spec, parsed.subprocess_specs)
        # Cache what a later load would restore, which also proves the blob round-trips.
        self._cache.put(parsed.content_hash, serialization.decode_specs(blob))
        return CompiledDefinition(main_process, parsed.content_hash, blob, parsed.user_tasks)

    def _specs(self, definition: DefinitionRef) -> tuple:
        specs = self._cache.get(definition.content_hash)
        if specs is None:
            specs = serialization.decode_specs(definition.load_spec())
            self._cache.put(definition.content_hash, specs)
        return specs

    # ------------------------------------------------------------------ commands
    def start(
        self, definition: DefinitionRef, data: dict, now: datetime, process_id: str | None = None
    ) -> Snapshot:
        """Start an instance with the given start data (case_id, benefit, urgent, application_date).

        `process_id` names the process to start: by default the definition's main process, or
        any other executable process of the definition, e.g. the one a finished instance named
        to follow it (chained processes: the caller replaces the finished state by this one).
        """
        spec, subprocess_specs = self._specs(definition)
        if process_id is not None and process_id != spec.name:
            if process_id not in subprocess_specs:
                known = ", ".join(sorted({spec.name, *subprocess_specs}))
                raise EngineError(f"process '{process_id}' is not in this definition (processes: {known})")
            spec = subprocess_specs[process_id]
        start_data = self._checked_data(data)
        with engine_clock(now), _translated_errors():
            workflow = BpmnWorkflow(spec, subprocess_specs, script_engine=self.script_engine)
            workflow.task_tree.data.update(start_data)
            self._advance(workflow)
            snapshot = self._snapshot(workflow)
        self._live.put((definition.content_hash, snapshot.state), workflow)
        return snapshot

    def complete_user_task(
        self, definition: DefinitionRef, state: bytes, task_id: str, data: dict, now: datetime
    ) -> Snapshot:
        """Merge the (validated) form data into the READY user task's data and complete it."""
        form_data = self._checked_data(data)

        def command(workflow: BpmnWorkflow) -> None:
            task = _find_task(workflow, task_id, TaskState.READY, UserTask)
            task.data.update(form_data)
            task.run()

        return self._call(definition, state, now, command)

    def complete_service_task(
        self, definition: DefinitionRef, state: bytes, task_id: str, result: dict, now: datetime
    ) -> Snapshot:
        """Store a deferred service task's result and complete it.

        With a resultVariable in the BPMN the result is stored under that name; without one its
        keys are merged into the task data.  Raises TaskNotReady when the task is no longer
        STARTED, so a redelivered job is harmless.
        """
        result_data = _json_copy(result)

        def command(workflow: BpmnWorkflow) -> None:
            task = _find_task(workflow, task_id, TaskState.STARTED, DeferredServiceTask)
            variable = task.task_spec.explicit_result_variable
            if variable:
                task.data[variable] = result_data
            elif isinstance(result_data, dict):
                task.data.update(result_data)
            else:
                raise EngineError(f"{describe_task(task)}: a result without resultVariable must be a dict")
            task.internal_data.pop(PARAMS_KEY, None)
            task.complete()

        return self._call(definition, state, now, command)

    def fire_timers(self, definition: DefinitionRef, state: bytes, now: datetime) -> Snapshot:
        """Fire every timer due strictly before `now` and run the engine steps that follow."""
        return self._call(definition, state, now, None)

    def load_workflow_data(self, definition: DefinitionRef, state: bytes, now: datetime) -> dict:
        """The merged variables of the active tasks (what Snapshot.data holds), without advancing."""
        spec, subprocess_specs = self._specs(definition)
        with engine_clock(now), _translated_errors():
            workflow = self._restore(state, spec, subprocess_specs)
            return build_snapshot(workflow, b"", SERIALIZER_VERSION).data

    # ------------------------------------------------------------------ internals
    def _checked_data(self, data: dict) -> dict:
        copied = _json_copy(data)
        if not isinstance(copied, dict):
            raise EngineError("data must be a JSON object")
        clash = self.function_names & copied.keys()
        if clash:
            raise EngineError(f"data key(s) {sorted(clash)} would shadow script functions")
        return copied

    def _restore(self, state: bytes, spec, subprocess_specs) -> BpmnWorkflow:
        return serialization.decode_state(state, spec, subprocess_specs, self.script_engine)

    def _call(self, definition, state, now, command) -> Snapshot:
        spec, subprocess_specs = self._specs(definition)
        with engine_clock(now), _translated_errors():
            workflow = self._live.take((definition.content_hash, state))
            if workflow is None:
                workflow = self._restore(state, spec, subprocess_specs)
            self._advance(workflow, settled=True)
            if command is not None:
                command(workflow)
                self._advance(workflow)
            snapshot = self._snapshot(workflow)
        self._live.put((definition.content_hash, snapshot.state), workflow)
        return snapshot

    @staticmethod
    def _advance(workflow: BpmnWorkflow, settled: bool = False) -> None:
        """Refresh timers and run engine tasks until nothing automatic is left to run.

        A restored state is `settled` (it was saved after advancing), so only a timer that
        fires now can make work; a fired timer leaves the event manager.
        """
        if settled:
            waiting = set(workflow.event_manager.tasks)
            workflow.refresh_timers()
            if waiting.issubset(workflow.event_manager.tasks):
                return
        count = 0

        def guard(task) -> None:
            nonlocal count
            count += 1
            if count > MAX_ENGINE_TASKS_PER_CALL:
                raise EngineError(
                    f"more than {MAX_ENGINE_TASKS_PER_CALL} engine tasks in one call; "
                    f"last {describe_task(task)} (a loop without a user task or timer?)"
                )

        for _ in range(MAX_ENGINE_ROUNDS):
            workflow.refresh_timers()
            workflow.do_engine_steps(will_complete_task=guard)
            if workflow.get_next_task(state=TaskState.READY, manual=False) is None:
                return
        raise EngineError(f"workflow did not settle after {MAX_ENGINE_ROUNDS} rounds of engine steps")

    @staticmethod
    def _snapshot(workflow: BpmnWorkflow) -> Snapshot:
        _prune_finished_subprocesses(workflow)
        return build_snapshot(workflow, serialization.encode_state(workflow), SERIALIZER_VERSION)


def _prune_finished_subprocesses(workflow: BpmnWorkflow) -> None:
    """Drop task trees of subprocesses whose calling task has finished.

    The engine never reads them again (their data was copied to the calling task), so keeping
    them only makes every later load slower and the state larger; the case history lives in the
    database.  A late duplicate service job for a task in such a tree gets TaskNotReady.
    """
    finished = [
        task_id
        for task_id, subprocess in workflow.subprocesses.items()
        if subprocess.completed and workflow.get_task_from_id(task_id).has_state(TaskState.FINISHED_MASK)
    ]
    for task_id in finished:
        del workflow.subprocesses[task_id]


def _json_copy(data: object) -> dict:
    """Copy caller data through JSON: proves it is JSON-safe and detaches it from the caller."""
    try:
        return json.loads(json.dumps(data, allow_nan=False))
    except (TypeError, ValueError) as exc:
        raise EngineError(f"data must be JSON-safe: {exc}") from exc


def _find_task(workflow: BpmnWorkflow, task_id: str, state: int, spec_class: type):
    try:
        task = workflow.get_task_from_id(UUID(str(task_id)))
    except (ValueError, SpiffWorkflowException):
        task = None
    if task is None:
        raise TaskNotReady(f"task {task_id} does not exist in this workflow")
    if not isinstance(task.task_spec, spec_class) or task.state != state:
        raise TaskNotReady(
            f"task {task_id} ({task.task_spec.name}) is {TaskState.get_name(task.state)}, "
            f"expected a {TaskState.get_name(state)} {spec_class.__name__}"
        )
    return task


@contextmanager
def _translated_errors() -> Iterator[None]:
    """Only EngineError subclasses leave the adapter."""
    try:
        yield
    except EngineError:
        raise
    except SpiffWorkflowException as exc:
        raise EngineError(f"workflow error: {exc}") from exc
    except Exception as exc:
        raise EngineError(f"workflow engine failure: {type(exc).__name__}: {exc}") from exc
