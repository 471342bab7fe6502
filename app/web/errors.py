"""Error handlers: JSON with an actionable message under /api, friendly pages elsewhere."""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from app.services.errors import ServiceError, ValidationFailed
from app.services.redact import describe

log = logging.getLogger("pomoc.web")


def _wants_json() -> bool:
    return request.path.startswith("/api")


def register(app: Flask) -> None:
    """Install the handlers."""

    @app.errorhandler(ServiceError)
    def _service_error(exc: ServiceError) -> Any:
        body: dict[str, Any] = {"error": exc.message, **exc.extra}
        if isinstance(exc, ValidationFailed):
            body["fields"] = exc.errors
        if _wants_json():
            return jsonify(body), exc.status
        return render_template("error.html", status=exc.status, message=exc.message,
                               fields=body.get("fields")), exc.status

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException) -> Any:
        if _wants_json():
            return jsonify({"error": exc.description or exc.name}), exc.code
        return render_template("error.html", status=exc.code, message=exc.description), exc.code

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> Any:
        # Log the type and where, never the message or request data (PESEL, names, incomes).
        log.error("unexpected error on %s %s: %s", request.method, request.url_rule, describe(exc))
        msg = "An unexpected error occurred; nothing was saved. Please try again or report it."
        if _wants_json():
            return jsonify({"error": msg}), 500
        return render_template("error.html", status=500, message=msg), 500
