"""Running deferred service tasks (jobs): idempotent, keyed by (instance, task)."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from app.domain.messages import Code, msg
from app.domain.statuses import JobStatus
from app.domain.views import JsonView
from app.persistence.models import Case, Job
from app.services.kernel import audit
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import Conflict, Forbidden, NotFound
from app.services.kernel.redact import describe
from app.services.workflow.instances import RUN_JOB, apply_snapshot, lock_instance_of_job
from app.services.workflow.registry import REGISTRY
from app.services.workflow.versions import definition_ref
from app.workflow_engine import ScriptError, TaskNotReady

log = logging.getLogger(__name__)

def run_job(ctx: ServiceContext, job_id: int) -> str:
    """Run one job and advance its workflow; return 'done', 'already-done' or 'missing'.

    The handler's effects, the task completion and the job's 'done' mark commit together,
    so a worker killed mid-job leaves nothing behind and the redelivered message redoes it.
    """
    with ctx.uow() as uow:
        # One statement takes the instance's write lock (found through the job); the job row is
        # read after it, so a redelivered job sees the 'done' its first run committed.
        instance = lock_instance_of_job(uow, job_id)
        if instance is None:
            return "missing"
        job = uow.session.get(Job, job_id, populate_existing=True)
        assert job is not None
        if job.status == JobStatus.DONE:
            return "already-done"
        # Nearly every operation reads the case, and so does the snapshot when it opens a task:
        # held for the transaction, it is read once (the session keeps only live objects).
        uow.keep(uow.session.get(Case, job.case_id))
        handler = REGISTRY.handler(job.operation)
        if handler is None:
            raise RuntimeError(f"No handler for service operation {job.operation!r}")
        delay = float(ctx.config.get("JOB_TEST_DELAY") or 0)
        if delay:
            # Test hook only (POMOC_JOB_TEST_DELAY): widens the window for the SIGKILL test.
            time.sleep(delay)
        # The outcome's JSON: the variables the process receives and the job keeps.
        result = handler(uow, job).as_json()
        try:
            snap = ctx.engine.complete_service_task(
                definition_ref(uow, instance.definition_id), instance.state, job.spiff_task_id,
                result, ctx.now(),
            )
        except TaskNotReady:
            # The workflow moved on (e.g. cancelled by a boundary event): nothing to complete.
            snap = None
        job.status = JobStatus.DONE
        job.attempts += 1
        job.result = result
        job.error = None
        job.finished_at = ctx.now()
        if snap is not None:
            apply_snapshot(uow, instance, snap)
        audit.record(uow, "job.done", None, job.case_id, job_id=job.id, operation=job.operation)
        uow.commit()
        log.info("job %s (%s) done", job_id, job.operation)
        return "done"


MAX_ATTEMPTS = 8


def record_failure(ctx: ServiceContext, job_id: int, error: BaseException) -> int:
    """Note a failed attempt (no personal data in the message); return the attempt count.

    A script error will not go away by itself, nor an error marked ``permanent`` (a decision
    that cannot be issued until its data or the office configuration change), and neither will
    anything that failed MAX_ATTEMPTS times: such a job is marked failed and waits for a supervisor's retry.
    """
    with ctx.uow() as uow:
        job = uow.session.get(Job, job_id)
        if job is None or job.status == JobStatus.DONE:
            return 0
        job.attempts += 1
        final = isinstance(error, ScriptError) or bool(getattr(error, "permanent", False)) \
            or job.attempts >= MAX_ATTEMPTS
        job.status = JobStatus.FAILED if final else JobStatus.PENDING
        job.error = describe(error)[:2000]
        uow.commit()
        return job.attempts


def is_failed(ctx: ServiceContext, job_id: int) -> bool:
    """True when the job has been given up on (the worker stops retrying it)."""
    with ctx.uow(readonly=True) as uow:
        return uow.session.scalar(select(Job.status).where(Job.id == job_id)) == "failed"


@dataclass(frozen=True, eq=False)
class ProblemJob(JsonView):
    """A background job that failed or keeps failing (no personal data: the error is redacted)."""

    id: int
    case_id: int
    case_number: str
    operation: str
    status: str
    attempts: int
    error: str | None
    created_at: datetime


def problem_jobs(ctx: ServiceContext, actor: Actor, limit: int = 200) -> list[ProblemJob]:
    """Background jobs that failed or keep failing, for the supervisor (no personal data)."""
    if not actor.has("supervisor"):
        raise Forbidden(msg(Code.JOBS_ROLE))
    with ctx.uow(readonly=True) as uow:
        rows = uow.session.execute(
            select(Job, Case.number).join(Case, Case.id == Job.case_id)
            .where((Job.status == JobStatus.FAILED)
                   | ((Job.status == JobStatus.PENDING) & (Job.attempts > 0)))
            .order_by(Job.id.desc()).limit(limit)
        ).all()
        return [ProblemJob(id=j.id, case_id=j.case_id, case_number=number, operation=j.operation,
                           status=j.status, attempts=j.attempts, error=j.error,
                           created_at=j.created_at) for j, number in rows]


def retry_job(ctx: ServiceContext, actor: Actor, job_id: int) -> None:
    """Supervisor sends a failed job back to the worker (e.g. after a fixed definition)."""
    if not actor.has("supervisor"):
        raise Forbidden(msg(Code.JOB_RETRY_ROLE))
    with ctx.uow() as uow:
        job = uow.session.get(Job, job_id)
        if job is None:
            raise NotFound(msg(Code.JOB_NOT_FOUND, job_id=job_id))
        if job.status == JobStatus.DONE:
            raise Conflict(msg(Code.JOB_DONE))
        job.status = JobStatus.PENDING
        job.attempts = 0
        audit.record(uow, "job.retried", actor.id, job.case_id, job_id=job.id)
        uow.publish_after_commit(RUN_JOB, job.id)
        uow.commit()


def republish_stale(ctx: ServiceContext, older_than: timedelta | None = None) -> int:
    """Publish again jobs still pending a while after creation (a publish lost after commit,
    e.g. while the broker was down). Running a job twice is harmless, so a job that was only
    waiting in a busy queue costs one extra message at most."""
    if older_than is None:
        older_than = timedelta(seconds=int(ctx.config.get("REPUBLISH_AFTER_SECONDS", 20)))
    cutoff = ctx.now() - older_than
    with ctx.uow(readonly=True) as uow:
        ids = list(uow.session.scalars(
            # Only never-attempted jobs: those in retry are the worker's business.
            select(Job.id).where(Job.status == JobStatus.PENDING, Job.attempts == 0, Job.created_at < cutoff)
            .limit(500)
        ))
    for job_id in ids:
        ctx.publisher.publish(RUN_JOB, job_id)
    return len(ids)


def run_pending_inline(ctx: ServiceContext, max_rounds: int = 50) -> int:
    """Run every pending job in this process (CLI, benchmarks, unit tests); return the count."""
    done = 0
    for _ in range(max_rounds):
        with ctx.uow(readonly=True) as uow:
            ids = list(uow.session.scalars(
                select(Job.id).where(Job.status == JobStatus.PENDING).order_by(Job.id)))
        if not ids:
            break
        for job_id in ids:
            if run_job(ctx, job_id) == "done":
                done += 1
    return done
