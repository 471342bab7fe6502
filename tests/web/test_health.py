"""GET /health: database, broker and worker heartbeat; 200 only when all three are ok, 503
otherwise; unauthenticated, JSON, no-store, nothing secret or personal, and bounded in time."""

from __future__ import annotations

import dataclasses
import json
import socket
import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

from app.config import ConfigError, load_config
from app.persistence.db import Database
from app.services.cases import opening as cases
from app.services.kernel import health
from app.services.kernel.context import Actor, ServiceContext
from tests.conftest import FakeClock
from tests.drive import sample_application

pytestmark = pytest.mark.embedded


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _ensure_broker(url: str) -> None:
    """The embedded broker's file exists once anything used it (a worker or a publish)."""
    if url.startswith("sqla+"):
        from kombu import Connection

        with Connection(url) as conn:
            conn.default_channel.queue_declare(queue="celery")  # creates the file and tables


def _app_with(ctx: ServiceContext, test_config: dict[str, Any], **changes: Any) -> Any:
    """An app whose service context differs from the session's (a fresh health cache)."""
    from app import create_app

    config = {**ctx.config, **changes.pop("config", {})}
    other = dataclasses.replace(ctx, config=config, cache={}, **changes)
    return create_app({**test_config, **config, "SERVICE_CONTEXT": other})


@pytest.fixture
def fresh(ctx: ServiceContext, test_config: dict[str, Any]) -> Iterator[ServiceContext]:
    """The session context with its broker reachable and no health answer to reuse."""
    _ensure_broker(test_config["CELERY_BROKER_URL"])
    ctx.cache.pop("health_last", None)
    yield ctx
    ctx.cache.pop("health_last", None)


def _get(app: Any) -> tuple[int, dict[str, Any], Any]:
    res = app.test_client().get("/health")
    return res.status_code, res.get_json(), res


def test_healthy_answers_200_without_signing_in_and_says_nothing_secret(
    fresh: ServiceContext, flask_app: Any, caseworker: Actor, test_config: dict[str, Any]
) -> None:
    cases.open_case(fresh, caseworker, sample_application())
    health.record_heartbeat(fresh)
    status, body, res = _get(flask_app)
    assert status == 200, body
    assert res.mimetype == "application/json"
    assert res.headers["Cache-Control"] == "no-store"
    assert body["status"] == "ok"
    checks = body["checks"]
    assert set(checks) == {"database", "broker", "worker"}
    assert checks["database"]["status"] == checks["broker"]["status"] == "ok"
    assert 0 <= checks["database"]["latency_ms"] < 1500
    assert 0 <= checks["broker"]["latency_ms"] < 1500
    assert checks["worker"] == {"status": "ok", "age_seconds": 0.0, "stale_after_seconds": 60}
    raw = res.get_data(as_text=True)
    for secret in ("75011501233", "Testowy", "postgres", "sqlite", "redis", "127.0.0.1",
                   test_config["SECRET_KEY"], "Traceback"):
        assert secret not in raw


def test_a_stale_or_missing_heartbeat_is_a_503(fresh: ServiceContext, flask_app: Any,
                                               clock: FakeClock) -> None:
    status, body, _ = _get(flask_app)
    assert status == 503
    assert body["checks"]["worker"] == {"status": "failed", "reason": "no heartbeat",
                                        "stale_after_seconds": 60}
    assert body["checks"]["database"]["status"] == body["checks"]["broker"]["status"] == "ok"

    health.record_heartbeat(fresh)
    clock.advance(seconds=59)
    fresh.cache.pop("health_last")
    status, body, _ = _get(flask_app)
    assert status == 200 and body["checks"]["worker"]["age_seconds"] == 59.0

    clock.advance(seconds=2)
    fresh.cache.pop("health_last")
    status, body, _ = _get(flask_app)
    assert status == 503
    assert body["status"] == "failed"
    assert body["checks"]["worker"] == {"status": "failed", "reason": "stale", "age_seconds": 61.0,
                                        "stale_after_seconds": 60}


def test_an_answer_is_reused_for_a_second(fresh: ServiceContext, flask_app: Any) -> None:
    status, _, _ = _get(flask_app)
    assert status == 503, "no heartbeat yet"
    health.record_heartbeat(fresh)
    status, _, _ = _get(flask_app)
    assert status == 503, "the answer of a moment ago is reused (polling is cheap)"
    time.sleep(health.REUSE_SECONDS)
    status, _, _ = _get(flask_app)
    assert status == 200


def test_the_broker_down_is_a_503(fresh: ServiceContext, test_config: dict[str, Any]) -> None:
    health.record_heartbeat(fresh)
    for url in (f"redis://127.0.0.1:{_closed_port()}/0",
                "sqla+sqlite:////nonexistent-pomoc-dir/celery-broker.db"):
        app = _app_with(fresh, test_config, config={"CELERY_BROKER_URL": url})
        started = time.monotonic()
        status, body, res = _get(app)
        assert time.monotonic() - started < 2.5
        assert status == 503, url
        assert body["status"] == "failed"
        assert body["checks"]["broker"]["status"] == "failed"
        assert body["checks"]["broker"]["reason"] == "unreachable"
        assert body["checks"]["database"]["status"] == body["checks"]["worker"]["status"] == "ok"
        raw = res.get_data(as_text=True)
        assert "nonexistent" not in raw and "redis" not in raw and "Traceback" not in raw


def test_the_database_down_is_a_503(fresh: ServiceContext, test_config: dict[str, Any]) -> None:
    health.record_heartbeat(fresh)
    for url in (f"postgresql+psycopg://postgres@127.0.0.1:{_closed_port()}/pomoc",
                "sqlite:////nonexistent-pomoc-dir/pomoc.db"):
        app = _app_with(fresh, test_config, db=Database(url))
        started = time.monotonic()
        status, body, res = _get(app)
        assert time.monotonic() - started < 2.5
        assert status == 503, url
        checks = body["checks"]
        assert checks["database"]["status"] == "failed"
        assert checks["database"]["reason"] == "unreachable"
        assert checks["worker"] == {"status": "failed", "reason": "database unreachable",
                                    "stale_after_seconds": 60}
        assert checks["broker"]["status"] == "ok"
        raw = res.get_data(as_text=True)
        assert "nonexistent" not in raw and "psycopg" not in raw and "Traceback" not in raw


def test_a_hung_broker_cannot_hang_the_check_or_pile_up_threads(
    fresh: ServiceContext, test_config: dict[str, Any]
) -> None:
    # A "Redis" that accepts connections and never answers.
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    port = server.getsockname()[1]
    try:
        app = _app_with(fresh, test_config, config={"CELERY_BROKER_URL": f"redis://127.0.0.1:{port}/0",
                                                    "HEALTH_TIMEOUT_SECONDS": 1.0})
        started = time.monotonic()
        status, body, _ = _get(app)
        assert time.monotonic() - started < 2.0, "bounded by HEALTH_TIMEOUT_SECONDS"
        assert status == 503
        assert body["checks"]["broker"]["status"] == "failed"
        assert body["checks"]["broker"]["reason"] in ("timeout", "unreachable")
        for _ in range(5):
            time.sleep(health.REUSE_SECONDS / 4)
            assert _get(app)[0] == 503
        running = [t for t in threading.enumerate() if t.name == "health-broker"]
        assert len(running) <= 1, "a check still running is waited on, never started twice"
    finally:
        server.close()


def test_health_settings_are_validated(tmp_path: Any) -> None:
    with pytest.raises(ConfigError, match="HEARTBEAT_SECONDS"):
        load_config(tmp_path, {"HEARTBEAT_SECONDS": 90, "HEARTBEAT_STALE_SECONDS": 60})
    with pytest.raises(ConfigError, match="HEALTH_TIMEOUT_SECONDS"):
        load_config(tmp_path, {"HEALTH_TIMEOUT_SECONDS": 60})
    assert json.dumps(load_config(tmp_path)["HEALTH_TIMEOUT_SECONDS"]) == "1.5"
