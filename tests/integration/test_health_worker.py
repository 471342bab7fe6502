"""The worker heartbeat GET /health reads is written by a real worker running the beat task."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select

from app.persistence.models import Heartbeat
from app.services.kernel.context import ServiceContext
from tests.conftest import FakeClock
from tests.integration.conftest import wait_for

pytestmark = [pytest.mark.integration, pytest.mark.embedded]


def _beat_at(ctx: ServiceContext) -> datetime | None:
    with ctx.uow(readonly=True) as uow:
        return uow.session.scalar(select(Heartbeat.beat_at).where(Heartbeat.name == "worker"))


def test_a_real_worker_keeps_the_heartbeat_that_health_reads(
    live_ctx: ServiceContext, flask_app: Any, clock: FakeClock
) -> None:
    clock.set(datetime.now(UTC))  # the worker writes on the real clock
    live_ctx.cache.pop("health_last", None)
    assert _beat_at(live_ctx) is None
    res = flask_app.test_client().get("/health")
    assert res.status_code == 503
    assert res.get_json()["checks"]["worker"]["reason"] == "no heartbeat"

    # What beat sends every HEARTBEAT_SECONDS, run by the real worker process.
    live_ctx.publisher.publish("pomoc.heartbeat")
    beat_at = wait_for(lambda: _beat_at(live_ctx), timeout=30)
    assert abs((beat_at - datetime.now(UTC)).total_seconds()) < 30
    live_ctx.cache.pop("health_last", None)
    res = flask_app.test_client().get("/health")
    assert res.status_code == 200, res.get_json()
    assert res.get_json()["checks"]["worker"]["status"] == "ok"

    # No heartbeat for longer than HEARTBEAT_STALE_SECONDS (60): the worker is reported stale.
    clock.set(beat_at)
    clock.advance(seconds=61)
    live_ctx.cache.pop("health_last", None)
    res = flask_app.test_client().get("/health")
    assert res.status_code == 503
    assert res.get_json()["checks"]["worker"] == {
        "status": "failed", "reason": "stale", "age_seconds": 61.0, "stale_after_seconds": 60}
    live_ctx.cache.pop("health_last", None)
