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
from datetime import datetime
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from app.persistence.models import Heartbeat
from app.services.kernel.context import ServiceContext
from app.services.kernel.redact import describe

log = logging.getLogger(__name__)

WORKER = "worker"
REUSE_SECONDS = 1.0
_LOCK = threading.Lock()


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


def check(ctx: ServiceContext) -> dict[str, Any]:
    """{"status": "ok"|"failed", "checks": {database, broker, worker}} (reused for 1 s)."""
    with _LOCK:
        last = ctx.cache.get("health_last")
        if last is not None and time.monotonic() - last[0] < REUSE_SECONDS:
            return dict(last[1])
        report = _run_checks(ctx)
        ctx.cache["health_last"] = (time.monotonic(), report)
        return dict(report)


def _run_checks(ctx: ServiceContext) -> dict[str, Any]:
    timeout = float(ctx.config.get("HEALTH_TIMEOUT_SECONDS", 1.5))
    url = str(ctx.config.get("CELERY_BROKER_URL") or "")
    started = time.monotonic()
    pending = {"database": _start(ctx, "database", lambda: _database(ctx, timeout)),
               "broker": _start(ctx, "broker", lambda: _broker(url, timeout))}
    results: dict[str, dict[str, Any]] = {}
    values: dict[str, Any] = {}
    for name, future in pending.items():
        try:
            values[name] = future.result(timeout=max(0.0, started + timeout - time.monotonic()))
        except FutureTimeout:
            results[name] = {"status": "failed", "reason": "timeout",
                             "latency_ms": round(timeout * 1000)}
        except Exception as exc:  # noqa: BLE001 - any failure is "unreachable"; the log says why
            log.warning("health: %s unreachable: %s", name, describe(exc))
            results[name] = {"status": "failed", "reason": "unreachable",
                             "latency_ms": _ms(time.monotonic() - started)}
        else:
            results[name] = {"status": "ok", "latency_ms": _ms(values[name]["latency"])}
    results["worker"] = _worker(ctx, results["database"]["status"] == "ok",
                                values.get("database", {}).get("beat_at"))
    healthy = all(r["status"] == "ok" for r in results.values())
    return {"status": "ok" if healthy else "failed", "checks": results}


def _ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def _start(ctx: ServiceContext, name: str, fn: Callable[[], dict[str, Any]]) -> Future[dict[str, Any]]:
    """Run fn in a daemon thread, unless the previous run of this check is still going."""
    inflight: dict[str, Future[dict[str, Any]]] = ctx.cache.setdefault("health_inflight", {})
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


def _database(ctx: ServiceContext, timeout: float) -> dict[str, Any]:
    """One round trip that also reads the worker's heartbeat."""
    started = time.monotonic()
    with ctx.uow(readonly=True) as uow:
        if not ctx.db.is_sqlite:
            uow.session.execute(text(f"SET LOCAL statement_timeout = {int(timeout * 1000)}"))
        beat_at = uow.session.scalar(select(Heartbeat.beat_at).where(Heartbeat.name == WORKER))
    return {"latency": time.monotonic() - started, "beat_at": beat_at}


def _broker(url: str, timeout: float) -> dict[str, Any]:
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
    return {"latency": time.monotonic() - started}


def _worker(ctx: ServiceContext, database_ok: bool, beat_at: datetime | None) -> dict[str, Any]:
    stale_after = int(ctx.config.get("HEARTBEAT_STALE_SECONDS", 60))
    if not database_ok:
        return {"status": "failed", "reason": "database unreachable", "stale_after_seconds": stale_after}
    if beat_at is None:
        return {"status": "failed", "reason": "no heartbeat", "stale_after_seconds": stale_after}
    age = max(0.0, (ctx.now() - beat_at).total_seconds())
    result: dict[str, Any] = {"status": "ok" if age <= stale_after else "failed",
                              "age_seconds": round(age, 1), "stale_after_seconds": stale_after}
    if age > stale_after:
        result["reason"] = "stale"
    return result
