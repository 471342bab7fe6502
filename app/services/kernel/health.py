"""Health of the database, the broker and the worker heartbeat (GET /health).

Cheap and bounded, because a load balancer calls it without signing in:
- each dependency check runs in a daemon thread and gets HEALTH_TIMEOUT_SECONDS (1.5 s); a
  check still running from an earlier call is waited on again, never started twice, so a dead
  dependency cannot pile up threads or connections;
- an answer is reused for REUSE_SECONDS, so polling hard costs one check a second per process;
- the answer holds only ok/failed, a latency or an age, and a reason from a fixed vocabulary:
  no URL, host name, exception text, stack trace or personal data (details go to the log).

The worker heartbeat is real: beat sends `pomoc.heartbeat` every HEARTBEAT_SECONDS and the
worker that runs it stores the time in `heartbeats`. A fresh heartbeat therefore proves that
beat, the broker and a worker (with its database connection) all work; it is stale after
HEARTBEAT_STALE_SECONDS.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from contextlib import closing, suppress
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from app.domain.views import OMIT_NONE
from app.persistence.models import Heartbeat
from app.services.kernel.context import ServiceContext
from app.services.kernel.redact import describe

log = logging.getLogger(__name__)

WORKER = "worker"
REUSE_SECONDS = 1.0
_LOCK = threading.Lock()


@dataclass(frozen=True)
class Check:
    """One dependency: ok or failed, with a latency or an age and a reason from a fixed vocabulary
    (the JSON leaves out what does not apply)."""

    status: str
    reason: str | None = field(default=None, metadata=OMIT_NONE)
    latency_ms: float | None = field(default=None, metadata=OMIT_NONE)
    age_seconds: float | None = field(default=None, metadata=OMIT_NONE)
    stale_after_seconds: int | None = field(default=None, metadata=OMIT_NONE)


@dataclass(frozen=True)
class HealthReport:
    """ok when every check is ok; the checks by name (database, broker, worker)."""

    status: str
    checks: dict[str, Check]


@dataclass(frozen=True)
class _Probe:
    """A dependency reached: how long it took, and the worker's heartbeat read on the way."""

    latency: float
    beat_at: datetime | None = None


def record_heartbeat(ctx: ServiceContext, name: str = WORKER) -> datetime:
    """Store that `name` is alive now (an upsert that works on PostgreSQL and SQLite)."""
    now = ctx.now()
    with ctx.uow() as uow:
        row = uow.session.get(Heartbeat, name)
        if row is None:
            uow.session.add(Heartbeat(name=name, beat_at=now))
        elif row.beat_at < now:
            row.beat_at = now
        # Another worker inserting the row at the same moment leaves a heartbeat there too.
        with suppress(IntegrityError):
            uow.commit()
    return now


def check(ctx: ServiceContext) -> HealthReport:
    """{"status": "ok"|"failed", "checks": {database, broker, worker}} (reused for 1 s)."""
    with _LOCK:
        last = ctx.cache.get("health_last")
        if last is not None and time.monotonic() - last[0] < REUSE_SECONDS:
            report: HealthReport = last[1]
            return report
        report = _run_checks(ctx)
        ctx.cache["health_last"] = (time.monotonic(), report)
        return report


def _run_checks(ctx: ServiceContext) -> HealthReport:
    timeout = float(ctx.config.get("HEALTH_TIMEOUT_SECONDS", 1.5))
    url = str(ctx.config.get("CELERY_BROKER_URL") or "")
    started = time.monotonic()
    pending = {"database": _start(ctx, "database", lambda: _database(ctx, timeout)),
               "broker": _start(ctx, "broker", lambda: _broker(url, timeout))}
    results: dict[str, Check] = {}
    values: dict[str, _Probe] = {}
    for name, future in pending.items():
        try:
            values[name] = future.result(timeout=max(0.0, started + timeout - time.monotonic()))
        except FutureTimeout:
            results[name] = Check("failed", reason="timeout", latency_ms=round(timeout * 1000))
        except Exception as exc:  # noqa: BLE001 - any failure is "unreachable"; the log says why
            log.warning("health: %s unreachable: %s", name, describe(exc))
            results[name] = Check("failed", reason="unreachable",
                                  latency_ms=_ms(time.monotonic() - started))
        else:
            results[name] = Check("ok", latency_ms=_ms(values[name].latency))
    database = values.get("database")
    results["worker"] = _worker(ctx, results["database"].status == "ok",
                                database.beat_at if database else None)
    healthy = all(r.status == "ok" for r in results.values())
    return HealthReport(status="ok" if healthy else "failed", checks=results)


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def _start(ctx: ServiceContext, name: str, fn: Callable[[], _Probe]) -> Future[_Probe]:
    """Run fn in a daemon thread, unless the previous run of this check is still going."""
    inflight: dict[str, Future[_Probe]] = ctx.cache.setdefault("health_inflight", {})
    future = inflight.get(name)
    if future is not None and not future.done():
        return future
    future = Future()

    def run() -> None:
        try:
            future.set_result(fn())
        except BaseException as exc:  # noqa: BLE001 - handed to the waiting request
            future.set_exception(exc)

    threading.Thread(target=run, name=f"health-{name}", daemon=True).start()
    inflight[name] = future
    return future


def _database(ctx: ServiceContext, timeout: float) -> _Probe:
    """One round trip that also reads the worker's heartbeat."""
    started = time.monotonic()
    with ctx.uow(readonly=True) as uow:
        if not ctx.db.is_sqlite:
            uow.session.execute(text(f"SET LOCAL statement_timeout = {int(timeout * 1000)}"))
        beat_at = uow.session.scalar(select(Heartbeat.beat_at).where(Heartbeat.name == WORKER))
    return _Probe(latency=time.monotonic() - started, beat_at=beat_at)


def _broker(url: str, timeout: float) -> _Probe:
    """Reach the broker: PING Redis, or open the embedded SQLite broker read-only."""
    started = time.monotonic()
    if url.startswith(("redis://", "rediss://")):
        import redis

        client = redis.Redis.from_url(url, socket_connect_timeout=timeout, socket_timeout=timeout)
        try:
            client.ping()
        finally:
            client.close()
    elif url.startswith("sqla+sqlite"):
        path = make_url(url[len("sqla+"):]).database or ""
        # Read-only: a missing broker file is a failure, not a new empty database.
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=timeout)) as conn:
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    else:
        from kombu import Connection

        with Connection(url, connect_timeout=timeout) as conn:
            conn.ensure_connection(max_retries=1, timeout=timeout)
    return _Probe(latency=time.monotonic() - started)


def _worker(ctx: ServiceContext, database_ok: bool, beat_at: datetime | None) -> Check:
    stale_after = int(ctx.config.get("HEARTBEAT_STALE_SECONDS", 60))
    if not database_ok:
        return Check("failed", reason="database unreachable", stale_after_seconds=stale_after)
    if beat_at is None:
        return Check("failed", reason="no heartbeat", stale_after_seconds=stale_after)
    age = max(0.0, (ctx.now() - beat_at).total_seconds())
    return Check("ok" if age <= stale_after else "failed", reason="stale" if age > stale_after else None,
                 age_seconds=round(age, 1), stale_after_seconds=stale_after)
