"""Publishing to a dead or hung Redis gives up within about two seconds, so a request that
committed answers promptly (its job waits as a pending row for the republish sweep)."""

from __future__ import annotations

import socket
import time

import pytest
from kombu.exceptions import OperationalError

from app.services.kernel.publisher import CeleryPublisher


def _publisher(port: int) -> CeleryPublisher:
    return CeleryPublisher({"CELERY_BROKER_URL": f"redis://127.0.0.1:{port}/0",
                            "CELERY_VISIBILITY_TIMEOUT": 8})


def test_a_stopped_redis_fails_a_publish_within_a_second() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    publisher = _publisher(port)
    for _ in range(2):
        started = time.monotonic()
        with pytest.raises(OperationalError):
            publisher.publish("pomoc.run_job", 1)
        assert time.monotonic() - started < 1.5


def test_a_hung_redis_fails_a_publish_within_three_seconds() -> None:
    # Accepts connections and never answers (a frozen server, a half-open connection).
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(16)
        publisher = _publisher(server.getsockname()[1])
        started = time.monotonic()
        with pytest.raises(OperationalError):
            publisher.publish("pomoc.run_job", 1)
        assert time.monotonic() - started < 3.5
