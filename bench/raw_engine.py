"""Baseline for the benchmark's raw_cases_per_s: the same BPMN driven by SpiffWorkflow alone.

No serialization and no sandbox: scripts run in Spiff's default PythonScriptEngine with
TaskDataEnvironment (plain eval/exec) and the whitelisted functions as its globals.  Two pieces
of the adapter are still used because the diagrams need them: PomocBpmnParser (service tasks
are deferred, so they are completed here with canned results) and the engine clock (timers are
driven by moving `now` forward instead of waiting).
"""

from collections.abc import Callable, Mapping
from datetime import date, datetime, time, timedelta
from pathlib import Path

from SpiffWorkflow.bpmn import BpmnWorkflow
from SpiffWorkflow.bpmn.script_engine import PythonScriptEngine, TaskDataEnvironment
from SpiffWorkflow.spiff.specs.defaults import UserTask
from SpiffWorkflow.util.task import TaskState

from app.workflow_engine.clock import WARSAW, engine_clock
from app.workflow_engine.clock import today as clock_today
from app.workflow_engine.compiler import other_process_specs
from app.workflow_engine.fixtures import (
    DEFAULT_DAY,
    canned_form_data,
    canned_service_result,
    start_data,
    stub_script_functions,
)
from app.workflow_engine.specs import DeferredServiceTask, PomocBpmnParser

WORKFLOWS_DIR = Path(__file__).resolve().parents[1] / "workflows"


def load_raw_specs(directory: Path = WORKFLOWS_DIR, main_process: str = "benefit_case") -> tuple:
    """Parse the diagrams once: (spec, other process specs) for `run_raw_case`."""
    parser = PomocBpmnParser()
    parser.add_bpmn_files(sorted(str(p) for p in Path(directory).glob("*.bpmn")))
    return parser.get_spec(main_process), other_process_specs(parser, main_process)


def run_raw_case(
    specs: tuple | None = None,
    script_functions: Mapping[str, Callable] | None = None,
    *,
    benefit: str = "zasilek_staly",
    updates: int = 3,
    application_date: str = DEFAULT_DAY,
) -> dict[str, int]:
    """Run one complete case in memory with canned form data; returns step counts.

    The path is: complete application, interview on the application day, grant approved at
    once, delivered, appeal waived, payment schedule, then for zasiłek stały `updates`
    six-monthly interview updates (the last one ends the benefit).  Each update is its own
    `benefit_review` workflow, started when the previous workflow completes naming it in
    `next_process` with the variables in `carry` (as services.chaining does).
    """
    spec, subprocess_specs = specs or load_raw_specs()
    functions = dict(script_functions or stub_script_functions())
    functions.setdefault("today", clock_today)
    script_engine = PythonScriptEngine(environment=TaskDataEnvironment(functions))
    now = datetime.combine(date.fromisoformat(application_date), time(9), WARSAW)
    counts = {"user_tasks": 0, "service_calls": 0, "timers": 0, "chained": 0}
    done_updates = 0

    with engine_clock(now):
        workflow = BpmnWorkflow(spec, subprocess_specs, script_engine=script_engine)
        workflow.task_tree.data.update(start_data(benefit=benefit, application_date=application_date))
        workflow.do_engine_steps()

    while True:
        if workflow.is_completed():
            process = workflow.data.get("next_process")
            if not process:
                break
            carried = {k: workflow.data[k] for k in workflow.data.get("carry") or [] if k in workflow.data}
            with engine_clock(now):
                workflow = BpmnWorkflow(subprocess_specs[process], subprocess_specs,
                                        script_engine=script_engine)
                workflow.task_tree.data.update(carried)
                workflow.do_engine_steps()
            counts["chained"] += 1
            continue
        with engine_clock(now):
            user_task = workflow.get_next_task(state=TaskState.READY, spec_class=UserTask)
            if user_task is not None:
                name = user_task.task_spec.bpmn_id
                extra = {}
                if name == "interview_update":
                    done_updates += 1
                    extra["continue_benefit"] = done_updates < updates
                user_task.data.update(canned_form_data(name, now.date().isoformat(), **extra))
                user_task.run()
                counts["user_tasks"] += 1
            elif (service := _started_service_task(workflow)) is not None:
                spec_ = service.task_spec
                service.data[spec_.result_variable] = canned_service_result(spec_.operation_name)
                service.complete()
                counts["service_calls"] += 1
            else:
                now = _next_timer(workflow) + timedelta(seconds=1)
                counts["timers"] += 1
                with engine_clock(now):
                    workflow.refresh_timers()
            workflow.do_engine_steps()
    counts["steps"] = counts["user_tasks"] + counts["service_calls"] + counts["timers"]
    return counts


def _started_service_task(workflow: BpmnWorkflow):
    return workflow.get_next_task(state=TaskState.STARTED, spec_class=DeferredServiceTask)


def _next_timer(workflow: BpmnWorkflow) -> datetime:
    values = [e.value for e in workflow.waiting_events() if isinstance(e.value, str)]
    if not values:
        raise RuntimeError("raw case is stuck: no user task, service call or timer")
    return min(datetime.fromisoformat(v) for v in values)
