"""Tasks: run a workflow job, fire timers, the payment run, republish lost jobs."""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from app.domain.deadlines import today_in_warsaw
from app.domain.views import to_json
from app.services import payments
from app.services.kernel import health
from app.services.kernel.redact import describe
from app.services.workflow import jobs, timers

from .worker import celery, ctx

log = logging.getLogger(__name__)


@celery.task(name="pomoc.run_job", bind=True, max_retries=8, acks_late=True,
             soft_time_limit=240, time_limit=300)
def run_job(self: Any, job_id: int) -> str:
    """Run one deferred service task; retried with backoff, idempotent by job id."""
    try:
        return jobs.run_job(ctx(), job_id)
    except Exception as exc:
        attempts = jobs.record_failure(ctx(), job_id, exc)
        summary = describe(exc)
    # Raised outside the except block so Celery's log shows no chained original message.
    log.warning("job %s failed (attempt %s): %s", job_id, attempts, summary)
    if jobs.is_failed(ctx(), job_id):
        # Given up on: a supervisor sees it and can retry it once the cause is fixed.
        raise JobFailed(summary)
    raise self.retry(exc=JobFailed(summary), countdown=min(300, 2 ** max(attempts, 1)))


class JobFailed(Exception):
    """A job attempt failed; the message is free of personal data."""


@celery.task(name="pomoc.fire_timers", ignore_result=True)
def fire_timers() -> int:
    """Wake instances whose timers are due."""
    return timers.fire_due_timers(ctx())


@celery.task(name="pomoc.republish_stale_jobs", ignore_result=True)
def republish_stale_jobs() -> int:
    """Recover jobs whose publish was lost after commit."""
    return jobs.republish_stale(ctx())


@celery.task(name="pomoc.heartbeat", ignore_result=True, expires=60)
def heartbeat() -> str:
    """Record that a worker runs what beat sends (read by GET /health)."""
    return health.record_heartbeat(ctx()).isoformat()


@celery.task(name="pomoc.payment_run", ignore_result=True, acks_late=True,
             soft_time_limit=1500, time_limit=1800)
def payment_run(month: str | None = None) -> dict[str, Any]:
    """The monthly payment run (idempotent; a killed run is redelivered and completes the
    batches it had not committed)."""
    c = ctx()
    on = date.fromisoformat(f"{month}-01") if month else today_in_warsaw(c.now())
    return to_json(payments.monthly_payment_run(c, on))
