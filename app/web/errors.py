"""Error handlers: JSON with an actionable message under /api, friendly pages elsewhere.

API bodies keep ``error`` (the message) and, for validation, ``fields`` (path -> message); they
add ``code`` (every error has one: a service error's message code, or ``http.*`` for an HTTP error
the server raised itself), ``params`` and ``field_codes`` (path -> {code, params}). The API
answers in English unless the request prefers Polish (Accept-Language).
No exception text reaches a response: an unexpected error gets an ``error_id``, also logged.
"""

from __future__ import annotations

import logging
from typing import Any

from flask import Flask, jsonify, render_template, request
from flask_babel import force_locale
from werkzeug.exceptions import HTTPException

from app.domain.messages import Code, msg
from app.services.kernel.errors import ServiceError, ValidationFailed
from app.services.kernel.failures import new_error_id
from app.services.kernel.redact import describe
from app.web.messages import api_codes, api_language
from app.web.ui.formatting import service_message

log = logging.getLogger("pomoc.web")


def _wants_json() -> bool:
    return request.path.startswith("/api")


def api_body(exc: ServiceError) -> dict[str, Any]:
    """The JSON body of a service error, in the API's language."""
    with force_locale(api_language()):
        body: dict[str, Any] = {"error": service_message(exc.message), **api_codes(exc.message),
                                **exc.extra}
        if isinstance(exc, ValidationFailed):
            body["fields"] = {path: service_message(text) for path, text in exc.errors.items()}
            body["field_codes"] = exc.codes
    return body


# The code of an HTTP error raised by the server itself (no route, wrong method, malformed body).
_HTTP_CODES = {400: Code.HTTP_BAD_REQUEST, 401: Code.HTTP_UNAUTHORIZED, 403: Code.HTTP_FORBIDDEN,
               404: Code.HTTP_NOT_FOUND, 405: Code.HTTP_METHOD_NOT_ALLOWED,
               413: Code.HTTP_TOO_LARGE, 415: Code.HTTP_UNSUPPORTED_MEDIA_TYPE}


def http_codes(status: int | None) -> dict[str, Any]:
    """``code`` and ``params`` of an HTTP error's API body."""
    code = _HTTP_CODES.get(status or 0)
    if code is None:
        return {"code": str(Code.HTTP_ERROR), "params": {"status": status or 0}}
    return {"code": str(code), "params": {}}


def register(app: Flask) -> None:
    """Install the handlers."""

    @app.errorhandler(ServiceError)
    def _service_error(exc: ServiceError) -> Any:
        if _wants_json():
            return jsonify(api_body(exc)), exc.status
        fields = exc.errors if isinstance(exc, ValidationFailed) else None
        return render_template("error.html", status=exc.status, message=exc.message,
                               fields=fields), exc.status

    @app.errorhandler(HTTPException)
    def _http_error(exc: HTTPException) -> Any:
        # Keep the exception's own headers but its body's type: a 405 names the allowed methods
        # (`Allow`, RFC 9110), a 401 its challenge.
        headers = [(k, v) for k, v in exc.get_headers() if k.lower() != "content-type"]
        if _wants_json():
            body = {"error": exc.description or exc.name, **http_codes(exc.code)}
            return jsonify(body), exc.code, headers
        return (render_template("error.html", status=exc.code, message=exc.description), exc.code,
                headers)

    @app.errorhandler(RecursionError)
    def _too_deep(exc: RecursionError) -> Any:
        # Hostile nesting that slipped past the depth check: a clear 422, never a 500.
        message = msg(Code.INPUT_TOO_DEEP, limit=32)
        return _service_error(ValidationFailed(message, {"body": message}))

    @app.errorhandler(Exception)
    def _unexpected(exc: Exception) -> Any:
        # Log the type and where, never the message or request data (PESEL, names, incomes); the
        # error id ties the user's report to this line.
        error_id = new_error_id()
        log.error("unexpected error (error id %s) on %s %s: %s", error_id, request.method,
                  request.url_rule, describe(exc))
        message = msg(Code.UNEXPECTED_ERROR, error_id=error_id)
        if _wants_json():
            return jsonify(api_body(ServiceError(message, error_id=error_id))), 500
        return render_template("error.html", status=500, message=message), 500
