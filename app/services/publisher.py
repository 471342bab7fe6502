"""Publishing jobs to Celery by task name, so the app never imports the tasks package."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from celery import Celery


def celery_settings(config: Mapping[str, Any]) -> dict[str, Any]:
    """Celery settings shared by the publisher (web) and the worker."""
    return {
        "broker_url": config["CELERY_BROKER_URL"],
        "broker_connection_retry_on_startup": True,
        # Unacknowledged messages come back after this many seconds if a worker dies.
        "broker_transport_options": {"visibility_timeout": int(config["CELERY_VISIBILITY_TIMEOUT"])},
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
