"""Publishing jobs to Celery by task name, so the app never imports the tasks package."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from celery import Celery


# A dict: Celery's own configuration mapping.
def celery_settings(config: Mapping[str, Any]) -> dict[str, Any]:
    """Celery settings shared by the publisher (web) and the worker.

    A dict: it is Celery's own configuration mapping.
    """
    url = config["CELERY_BROKER_URL"]
    transport_options: dict[str, Any] = {}
    if url.startswith(("redis://", "rediss://")):
        transport_options = {
            # Unacknowledged messages come back after this many seconds if a worker dies.
            "visibility_timeout": int(config["CELERY_VISIBILITY_TIMEOUT"]),
            # Sweep for abandoned messages every 5 s (kombu's default is ~100 s).
            "unacked_restore_interval": 5,
            "unacked_restore_throttle": 1,
            # A Redis that is down, or hangs without closing the connection, must not hold a
            # request: connecting gets 1 s and any command 2 s (kombu's default is forever).
            "socket_connect_timeout": 1,
            "socket_timeout": 2,
        }
    return {
        "broker_url": url,
        "broker_connection_retry_on_startup": True,
        "broker_connection_timeout": 2,
        # A publish tries twice, 0.2 s apart, then gives up: the committed job waits as a pending
        # row for the republish sweep. A request never waits on the broker for long.
        "task_publish_retry_policy": {"max_retries": 1, "interval_start": 0.2, "interval_step": 0.2,
                                      "interval_max": 0.2},
        "broker_transport_options": transport_options,
        "task_ignore_result": True,
        "task_acks_late": True,
        "task_reject_on_worker_lost": True,
        "worker_prefetch_multiplier": 1,
        "task_serializer": "json",
        "accept_content": ["json"],
        "timezone": "Europe/Warsaw",
        "enable_utc": True,
    }


class CeleryPublisher:
    """A Celery client that sends tasks by name."""

    def __init__(self, config: Mapping[str, Any]) -> None:
        self.celery = Celery("pomoc-publisher", set_as_current=False)
        self.celery.conf.update(celery_settings(config))

    def publish(self, name: str, *args: Any, countdown: float | None = None) -> None:
        """Send the task by name (after the producing transaction committed)."""
        self.celery.send_task(name, args=list(args), countdown=countdown)
