"""GET /health for load balancers and operators: unauthenticated, cheap, bounded, no secrets."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify

from app.domain.views import to_json
from app.services.kernel import health
from app.web.context import services

bp = Blueprint("health", __name__)


@bp.get("/health")
def health_check() -> Any:
    """200 when the database, the broker and the worker heartbeat are ok, else 503 (JSON)."""
    report = health.check(services())
    return jsonify(to_json(report)), 200 if report.status == "ok" else 503
