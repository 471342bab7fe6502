"""The factory's named steps: config, extensions, services, blueprints, errors, commands."""

from __future__ import annotations

import logging
import unicodedata
from pathlib import Path
from typing import Any

from flask import Flask, session
from flask_login import current_user
from werkzeug.routing import IntegerConverter, ValidationError

from app.config import load_config
from app.domain.digits import parse_ascii_int
from app.extensions import babel, csrf, login_manager
from app.services.factory import build_context
from app.services.kernel.context import ServiceContext, shared_transaction


def configure_app(app: Flask, overrides: dict[str, Any] | None) -> None:
    """Run every set-up step in order."""
    cfg = load_config(Path(app.instance_path), overrides)
    app.config.update(cfg)
    from app.web.json_numbers import WholeNumberJSON

    app.json = WholeNumberJSON(app)  # 683.0 is the integer 683 (see json_numbers)
    register_services(app, overrides)
    register_input_guards(app)
    register_extensions(app)
    register_blueprints(app)
    register_error_handlers(app)
    logging.getLogger("pomoc").setLevel(logging.INFO)


def register_services(app: Flask, overrides: dict[str, Any] | None) -> None:
    """Build the service context once per process (tests may inject one)."""
    ctx = (overrides or {}).get("SERVICE_CONTEXT") or build_context(app.config)
    app.extensions["pomoc"] = ctx
    if not ctx.db.is_sqlite:
        register_shared_transaction(app, ctx)


def register_shared_transaction(app: Flask, ctx: ServiceContext) -> None:
    """One transaction per request: the user's check and the page's reads and writes share it
    (see kernel.context.SharedTransaction); the request's end rolls back what was only read."""
    from flask import g

    @app.before_request
    def _open_shared() -> None:
        scope = shared_transaction(ctx.db)
        scope.__enter__()
        g.pomoc_shared = scope

    @app.teardown_request
    def _close_shared(exc: BaseException | None) -> None:
        scope = g.pop("pomoc_shared", None)
        if scope is not None:
            scope.__exit__(None, None, None)


class BoundedInt(IntegerConverter):
    """``<int:...>`` in every URL: 1..2**31-1 (PostgreSQL integer), else no match (404)."""

    def __init__(self, url_map: Any, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("min", 1)
        kwargs.setdefault("max", 2**31 - 1)
        super().__init__(url_map, *args, **kwargs)

    def to_python(self, value: str) -> Any:
        # ASCII digits only (werkzeug's \d also reads "٣" as 3), and no 5,000-digit conversions.
        if parse_ascii_int(value) is None:
            raise ValidationError()
        return super().to_python(value)


def _id_out_of_range(path: str) -> bool:
    """Whether a numeric path segment is an id no ``<int:...>`` accepts (0, or beyond 2**31-1)."""
    # Any digit-like segment ("²", "٣", "0", 11 digits) that is not an id in the database's range.
    return any(part and all(unicodedata.digit(ch, None) is not None for ch in part)
               and parse_ascii_int(part) in (None, 0) for part in path.split("/"))


def register_input_guards(app: Flask) -> None:
    """Bounded ids in URLs; size, depth and character checks on every JSON body and form."""
    from flask import request
    from werkzeug.exceptions import MethodNotAllowed, NotFound

    from app.domain.messages import Code, msg
    from app.services.kernel.errors import ValidationFailed
    from app.services.kernel.json_input import form_problems, json_problems

    app.url_map.converters["int"] = BoundedInt

    @app.before_request
    def _guard_input() -> None:
        # Werkzeug checks a rule's methods before its converters: where one path has a GET and a
        # POST rule, an out-of-range id would answer 405 (the other method "matched"). It names
        # nothing that exists, so it is a 404 like every other out-of-range id.
        if isinstance(request.routing_exception, MethodNotAllowed) and _id_out_of_range(request.path):
            request.routing_exception = NotFound()
        if request.method not in ("POST", "PUT", "PATCH"):
            return
        limit = int(app.config.get("REQUEST_MAX_BODY_BYTES", 1024 * 1024))
        size = request.content_length
        if size is not None and size > limit and "/definitions" not in request.path:
            too_large = msg(Code.BODY_TOO_LARGE, limit=limit)
            exc = ValidationFailed(too_large, {"body": too_large})
            exc.status = 413
            raise exc
        problems: dict[str, str]
        if request.is_json:
            try:
                data = request.get_json(silent=True)
            except RecursionError:
                data, problems = None, {"body": msg(Code.INPUT_TOO_DEEP, limit=32)}
            else:
                problems = json_problems(data) if data is not None else {}
        elif request.mimetype in ("application/x-www-form-urlencoded", "multipart/form-data"):
            problems = form_problems(request.form)
        else:
            return
        if problems:
            raise ValidationFailed(next(iter(problems.values())), problems)


def _select_locale() -> str:
    """Polish by default; English when the user or session asks for it."""
    lang = session.get("lang")
    if lang in ("pl", "en"):
        return str(lang)
    if getattr(current_user, "is_authenticated", False) and getattr(current_user, "locale", None):
        return str(current_user.locale)
    return "pl"


def register_extensions(app: Flask) -> None:
    """Bind Flask-Login, CSRF protection and Babel."""
    from app.web.security import register_login

    csrf.init_app(app)
    babel.init_app(app, locale_selector=_select_locale)
    login_manager.init_app(app)
    register_login(app)

    from app.web.ui.centre import centre_name

    @app.context_processor
    def _inject() -> dict[str, Any]:
        # centre_name is called by the header only: pages without it read nothing.
        return {"lang": _select_locale(), "centre_name": centre_name}


def register_blueprints(app: Flask) -> None:
    """Each blueprint is a package under app/web."""
    from app.web.api import bp as api_bp
    from app.web.auth import bp as auth_bp
    from app.web.pages import bp as pages_bp

    app.register_blueprint(auth_bp)
    app.register_blueprint(pages_bp)
    from app.web.admin import bp as admin_bp
    from app.web.calculator import bp as calc_bp

    app.register_blueprint(api_bp, url_prefix="/api")
    # The API authenticates with bearer tokens, not cookies, so CSRF tokens do not apply.
    csrf.exempt(api_bp)
    app.register_blueprint(admin_bp)
    app.register_blueprint(calc_bp)
    from app.web.health import bp as health_bp

    app.register_blueprint(health_bp)


def register_error_handlers(app: Flask) -> None:
    """Map service errors to clear responses: JSON under /api, pages elsewhere."""
    from app.web.errors import register

    register(app)

