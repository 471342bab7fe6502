"""The Celery application: configuration, beat schedule and the service context per process."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from celery import Celery
from celery.schedules import crontab
from celery.signals import worker_process_init, worker_ready

from app.config import load_config
from app.services.factory import build_context
from app.services.kernel import health
from app.services.kernel.context import ServiceContext
from app.services.kernel.publisher import CeleryPublisher, celery_settings

_ROOT = Path(__file__).resolve().parent.parent
CONFIG = load_config(Path(os.environ.get("POMOC_INSTANCE_PATH") or _ROOT / "instance"))

celery = Celery("pomoc", include=["tasks.jobs"])
celery.conf.update(celery_settings(CONFIG))
# The worker and beat retry a lost broker every 1–5 s, and never give up (Celery's default backs
# off to 30 s and stops after 100 attempts).
celery.conf.worker_consumer = "tasks.reconnect:QuickReconnectConsumer"
celery.conf.beat_scheduler = "tasks.reconnect:QuickReconnectScheduler"
celery.conf.broker_connection_max_retries = None
celery.conf.beat_schedule = {
    "fire-due-timers": {"task": "pomoc.fire_timers", "schedule": float(CONFIG["TIMER_TICK_SECONDS"])},
    "republish-stale-jobs": {"task": "pomoc.republish_stale_jobs",
                             "schedule": float(CONFIG["REPUBLISH_SWEEP_SECONDS"])},
    # GET /health calls the worker stale when this has not run for HEARTBEAT_STALE_SECONDS.
    "worker-heartbeat": {"task": "pomoc.heartbeat", "schedule": float(CONFIG["HEARTBEAT_SECONDS"])},
    # Daily, because the run is idempotent: a missed day is caught up the next morning.
    "monthly-payment-run": {"task": "pomoc.payment_run", "schedule": crontab(hour=6, minute=0)},
}

_ctx: ServiceContext | None = None


def ctx() -> ServiceContext:
    """The service context of this worker process (built lazily, after any fork)."""
    global _ctx
    if _ctx is None:
        _ctx = build_context(CONFIG, publisher=CeleryPublisher(CONFIG))
    return _ctx


@worker_process_init.connect
def _reset_after_fork(**_: Any) -> None:
    """Database connections must not be shared across forked pool processes."""
    global _ctx
    if _ctx is not None:
        _ctx.db.dispose()
    _ctx = None


@worker_ready.connect
def _first_heartbeat(**_: Any) -> None:
    """A worker that has just started is alive before beat's first heartbeat task reaches it."""
    health.record_heartbeat(ctx())
