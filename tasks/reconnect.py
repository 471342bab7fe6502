"""The worker's consumer and beat's scheduler, reconnecting to a lost broker every 1–5 s.

Celery's own retry backs off 2, 4, 6 … up to 30 s between attempts, so after an outage the worker
or beat could sleep up to half a minute after the broker is back. Promised instead (docs/SECURITY.md
"Outages"): delayed jobs run within 30 s of the broker's return, which needs both back in seconds.
"""

from __future__ import annotations

import logging
from typing import Any

from celery.beat import PersistentScheduler
from celery.worker.consumer import Consumer

log = logging.getLogger(__name__)

RECONNECT = {"interval_start": 1, "interval_step": 1, "interval_max": 5}


class QuickReconnectConsumer(Consumer):  # type: ignore[misc]
    """The worker's consumer (set as `worker_consumer`)."""

    def ensure_connected(self, conn: Any) -> Any:
        ensure = conn.ensure_connection

        def quick(*args: Any, **kwargs: Any) -> Any:
            kwargs.update(RECONNECT)
            return ensure(*args, **kwargs)

        conn.ensure_connection = quick
        return super().ensure_connected(conn)


class QuickReconnectScheduler(PersistentScheduler):  # type: ignore[misc]
    """Beat's scheduler (set as `beat_scheduler`); keeps its schedule file like the default."""

    def _ensure_connected(self) -> Any:
        def errback(exc: BaseException, interval: float) -> None:
            log.error("beat: broker unreachable (%s); trying again in %s s", type(exc).__name__, interval)

        return self.connection.ensure_connection(
            errback, self.app.conf.broker_connection_max_retries, **RECONNECT)
