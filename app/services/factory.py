"""Build the service context from configuration (used by the web app, the worker and the CLI)."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any

from app.persistence.db import Database
from app.services.kernel.context import JobPublisher, NullPublisher, ServiceContext
from app.services.kernel.publisher import CeleryPublisher
from app.services.registration import register_all
from app.services.workflow.script_functions import script_functions
from app.workflow_engine import WorkflowEngine


def quiet_engine_logs() -> None:
    """SpiffWorkflow logs every task state change at INFO, and task data at DEBUG: keep its
    loggers at WARNING so workflow data never reaches the logs."""
    for name in ("spiff", "spiff.task", "spiff.workflow"):
        logging.getLogger(name).setLevel(logging.WARNING)


def build_context(config: Mapping[str, Any], publisher: JobPublisher | None = None) -> ServiceContext:
    """A ready ServiceContext: database, engine with the sandboxed domain functions, publisher."""
    quiet_engine_logs()
    register_all()  # every sub-domain's case actions and service operations
    db = Database(config["DATABASE_URL"])
    engine = WorkflowEngine(script_functions(), script_time_limit=float(config["SCRIPT_TIME_LIMIT"]))
    if publisher is None:
        publisher = CeleryPublisher(config) if config.get("CELERY_BROKER_URL") else NullPublisher()
    return ServiceContext(db=db, engine=engine, publisher=publisher, config=config)
