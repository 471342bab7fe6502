"""Service-layer benchmarks: the full lifecycle, state size and the 6-monthly update loop.

Every step is its own service call and so its own transaction, as in production: open_case,
worklist.complete for each ready task (canned data), and services.jobs.run_job for each job the
previous step published (called directly, as the Celery task would).
"""

from __future__ import annotations

import time
from datetime import timedelta
from typing import Any

from sqlalchemy import event, func, select

from app.domain.deadlines import today_in_warsaw
from app.persistence.models import HumanTask, Job, ProcessInstance
from app.services.case_file import view as case_view
from app.services.cases import opening as cases
from app.services.workflow import jobs, timers, worklist

from .common import BenchClock, RecordingPublisher, Timer, median, percentile
from .workload import application, form_data

MAX_STEPS_PER_CASE = 60
ENGINE_METHODS = ("start", "complete_user_task", "complete_service_task", "fire_timers")


class EngineClock:
    """Wraps the context's WorkflowEngine methods (on the instance) to add up time spent in them."""

    def __init__(self, engine: Any) -> None:
        self.engine, self.seconds = engine, 0.0
        for name in ENGINE_METHODS:
            setattr(engine, name, self._wrap(getattr(engine, name)))

    def _wrap(self, method: Any) -> Any:
        def timed(*args: Any, **kwargs: Any) -> Any:
            t0 = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - t0
        return timed

    def remove(self) -> None:
        """Restore the engine's own methods."""
        for name in ENGINE_METHODS:
            self.engine.__dict__.pop(name, None)


def ready_tasks(ctx: Any, case_id: int) -> list[tuple[int, str, str, int]]:
    """(id, name, role, version) of the case's ready tasks, oldest first (the worklist table)."""
    with ctx.uow(readonly=True) as uow:
        rows = uow.session.execute(
            select(HumanTask.id, HumanTask.name, HumanTask.role, HumanTask.version)
            .where(HumanTask.case_id == case_id, HumanTask.status == "ready").order_by(HumanTask.id)
        ).all()
    return [tuple(r) for r in rows]  # type: ignore[misc]


class SqlCounter:
    """Counts statements and their execute time (client side: round trip + driver) on an engine."""

    def __init__(self, engine: Any) -> None:
        self.engine, self.statements, self.seconds = engine, 0, 0.0
        self._started = 0.0
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)

    def _before(self, *args: Any) -> None:
        self._started = time.perf_counter()

    def _after(self, *args: Any) -> None:
        self.statements += 1
        self.seconds += time.perf_counter() - self._started

    def remove(self) -> None:
        event.remove(self.engine, "before_cursor_execute", self._before)
        event.remove(self.engine, "after_cursor_execute", self._after)


class Driver:
    """Drives cases through the service layer, timing each service call."""

    def __init__(self, ctx: Any, clock: BenchClock, publisher: RecordingPublisher,
                 by_role: dict[str, Any]) -> None:
        self.ctx, self.clock, self.publisher, self.by_role = ctx, clock, publisher, by_role
        self.timer = Timer.new()
        self.job_times: list[tuple[int, float]] = []
        self.complete_times: list[float] = []  # in order, for the step benchmark
        self.complete_engine: list[float] = []  # engine share of each complete
        self.engine_clock: EngineClock | None = None

    def run_jobs(self) -> int:
        """Run the jobs published since the last call, as the worker would."""
        n = 0
        for _ in range(10):
            ids = self.publisher.take()
            if not ids:
                return n
            for job_id in ids:
                t0 = time.perf_counter()
                jobs.run_job(self.ctx, job_id)
                self.job_times.append((job_id, time.perf_counter() - t0))
                n += 1
        return n

    def open(self, payload: dict[str, Any]) -> int:
        """open_case by the caseworker."""
        with self.timer.time("open_case"):
            return int(cases.open_case(self.ctx, self.by_role["caseworker"], payload))

    def step(self, case_id: int) -> str | None:
        """Run pending jobs, then complete the oldest ready task; None when nothing is ready."""
        self.run_jobs()
        with self.timer.time("driver: read worklist"):
            tasks = ready_tasks(self.ctx, case_id)
        if not tasks:
            return None
        task_id, name, role, version = tasks[0]
        data = form_data(name, today_in_warsaw(self.ctx.now()).isoformat())
        if name == "draft_decision":
            # The draft starts from what the form opens with: the computed amount, a lawful period.
            task = worklist.get_task(self.ctx, self.by_role[role], task_id)
            data.update(task.context.get("initial") or {})
        engine0 = self.engine_clock.seconds if self.engine_clock else 0.0
        t0 = time.perf_counter()
        worklist.complete(self.ctx, self.by_role[role], task_id, data, version)
        elapsed = time.perf_counter() - t0
        if self.engine_clock:
            self.complete_engine.append(self.engine_clock.seconds - engine0)
        self.timer.samples.setdefault(f"complete {name}", []).append(elapsed)
        self.timer.samples.setdefault("complete (all)", []).append(elapsed)
        self.complete_times.append(elapsed)
        return name

    def lifecycle(self, payload: dict[str, Any]) -> int:
        """One case from application to payment schedule (and the end of the workflow)."""
        case_id = self.open(payload)
        for _ in range(MAX_STEPS_PER_CASE):
            if self.step(case_id) is None:
                return case_id
        raise RuntimeError(f"case {case_id} did not settle in {MAX_STEPS_PER_CASE} steps")

    def job_stats(self) -> dict[str, list[float]]:
        """run_job wall times by operation."""
        ids = [j for j, _ in self.job_times]
        if not ids:
            return {}
        with self.ctx.uow(readonly=True) as uow:
            ops = dict(uow.session.execute(select(Job.id, Job.operation).where(Job.id.in_(ids))).all())
        out: dict[str, list[float]] = {}
        for job_id, seconds in self.job_times:
            out.setdefault(f"run_job {ops.get(job_id, '?')}", []).append(seconds)
            out.setdefault("run_job (all)", []).append(seconds)
        return out


def call_table(samples: dict[str, list[float]]) -> list[dict[str, Any]]:
    """Per-call latency rows (ms) sorted by total time."""
    rows = []
    for name, values in samples.items():
        rows.append({"call": name, "n": len(values), "p50_ms": median(values) * 1000,
                     "p95_ms": percentile(values, 95) * 1000, "total_s": sum(values)})
    return sorted(rows, key=lambda r: -r["total_s"])


def bench_service(ctx: Any, clock: BenchClock, publisher: RecordingPublisher, by_role: dict[str, Any],
                  *, seconds: float = 15.0, max_cases: int = 400, warmup: int = 3) -> dict[str, Any]:
    """Sequential full lifecycles (zasiłek okresowy: application to payment schedule)."""
    driver = Driver(ctx, clock, publisher, by_role)
    for _ in range(warmup):
        driver.lifecycle(application())
    driver = Driver(ctx, clock, publisher, by_role)
    case_ids: list[int] = []
    engine_clock = EngineClock(ctx.engine)
    sql = SqlCounter(ctx.db.engine)
    try:
        t0 = time.perf_counter()
        cpu0 = time.process_time()
        while len(case_ids) < max_cases and time.perf_counter() - t0 < seconds:
            case_ids.append(driver.lifecycle(application()))
        wall = time.perf_counter() - t0
        cpu = time.process_time() - cpu0
    finally:
        engine_clock.remove()
        sql.remove()
    # The audited case-file read (GET /api/cases/{id} calls it), outside the timed lifecycle.
    reads = []
    for case_id in case_ids[:50]:
        t1 = time.perf_counter()
        case_view.get_case(ctx, by_role["caseworker"], case_id)
        reads.append(time.perf_counter() - t1)
    with ctx.uow(readonly=True) as uow:
        sizes = uow.session.execute(
            select(func.avg(func.length(ProcessInstance.state)), func.max(func.length(ProcessInstance.state)),
                   func.count(ProcessInstance.id))
            .where(ProcessInstance.case_id.in_(case_ids), ProcessInstance.status == "completed")
        ).one()
    samples = {**driver.timer.samples, **driver.job_stats(), "case_view.get_case (not in lifecycle)": reads}
    in_services = sum(sum(samples.get(k, [])) for k in ("open_case", "complete (all)", "run_job (all)"))
    steps = sum(len(samples.get(k, [])) for k in ("open_case", "complete (all)", "run_job (all)"))
    return {
        "cases": len(case_ids),
        "seconds": wall,
        "cases_per_s": len(case_ids) / wall if wall else 0.0,
        "transactions_per_case": steps / max(1, len(case_ids)),
        "ms_per_case": wall / max(1, len(case_ids)) * 1000,
        "cpu_share_of_bench_process": cpu / wall if wall else 0.0,
        "engine_ms_per_case": engine_clock.seconds / max(1, len(case_ids)) * 1000,
        "sql_statements_per_case": sql.statements / max(1, len(case_ids)),
        "sql_ms_per_case": sql.seconds / max(1, len(case_ids)) * 1000,
        "service_ms_per_case": in_services / max(1, len(case_ids)) * 1000,
        "state_bytes_avg": float(sizes[0] or 0),
        "state_bytes_max": int(sizes[1] or 0),
        "completed_instances": int(sizes[2] or 0),
        "calls": call_table(samples),
    }


def state_bytes(ctx: Any, case_id: int) -> int:
    """Size of the case's serialized workflow state."""
    with ctx.uow(readonly=True) as uow:
        return int(uow.session.scalar(
            select(func.length(ProcessInstance.state)).where(ProcessInstance.case_id == case_id)) or 0)


def updates_case(driver: Driver, clock: BenchClock,
                 human_steps: int) -> tuple[list[float], list[float], list[int], list[str]]:
    """A zasiłek stały case driven through `human_steps` human tasks, firing the 6-monthly timer.

    Returns the wall time of each worklist.complete, the engine's part of it, the state size
    after it and the task names.
    """
    names: list[str] = []
    ctx = driver.ctx
    driver.complete_times = []
    driver.complete_engine = []
    sizes: list[int] = []
    case_id = driver.open(application("zasilek_staly"))
    fired = 0
    while len(driver.complete_times) < human_steps:
        name = driver.step(case_id)
        if name is not None:
            names.append(name)
            sizes.append(state_bytes(ctx, case_id))
            continue
        with ctx.uow(readonly=True) as uow:
            next_at = uow.session.scalar(
                select(ProcessInstance.next_timer_at).where(ProcessInstance.case_id == case_id))
        if next_at is None or fired > human_steps * 2:
            raise RuntimeError(f"case {case_id} stopped after {len(driver.complete_times)} tasks")
        clock.set(next_at + timedelta(seconds=1))
        timers.fire_due_timers(ctx)
        fired += 1
    n = human_steps
    return driver.complete_times[:n], driver.complete_engine[:n], sizes[:n], names[:n]


def bench_late_step(ctx: Any, clock: BenchClock, publisher: RecordingPublisher, by_role: dict[str, Any],
                    *, repeats: int = 5, human_steps: int = 40, seconds: float = 60.0) -> dict[str, Any]:
    """Time of the 40th human task ÷ the 2nd, medians over `repeats` cases."""
    start = clock.now
    per_step: list[list[float]] = []
    engine: list[list[float]] = []
    sizes: list[list[int]] = []
    names: list[str] = []
    t0 = time.perf_counter()
    engine_clock = EngineClock(ctx.engine)
    try:
        for _ in range(repeats):
            clock.set(start)
            driver = Driver(ctx, clock, publisher, by_role)
            driver.engine_clock = engine_clock
            times, engine_times, size, names = updates_case(driver, clock, human_steps)
            per_step.append(times)
            engine.append(engine_times)
            sizes.append(size)
            if time.perf_counter() - t0 > seconds:
                break
    finally:
        engine_clock.remove()
        clock.set(start)
    med = [median(run[i] for run in per_step) for i in range(human_steps)]
    med_engine = [median(run[i] for run in engine) for i in range(human_steps)]
    med_sizes = [median(run[i] for run in sizes) for i in range(human_steps)]
    early, late = med[1], med[human_steps - 1]
    # Like for like: the first interview update against the last one.
    first_update = names.index("interview_update") if "interview_update" in names else 1
    shown = sorted({0, 1, first_update, 9, 19, 29, human_steps - 1})
    return {
        "repeats": len(per_step),
        "early_task": names[1],
        "late_task": names[human_steps - 1],
        "early_ms": early * 1000,
        "late_ms": late * 1000,
        "ratio": late / early if early else float("nan"),
        "first_update_step": first_update + 1,
        "update_ratio": late / med[first_update] if med[first_update] else float("nan"),
        "steps": [{"step": i + 1, "task": names[i], "complete_ms": med[i] * 1000,
                   "engine_ms": med_engine[i] * 1000, "state_bytes": int(med_sizes[i])}
                  for i in shown if i < human_steps],
    }
