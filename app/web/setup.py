"""The factory's named steps: config, extensions, services, blueprints, errors, commands."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from flask import Flask, session
from flask_login import current_user

from app.config import load_config
from app.extensions import babel, csrf, login_manager
from app.services.context import ServiceContext
from app.services.factory import build_context


def configure_app(app: Flask, overrides: dict[str, Any] | None) -> None:
    """Run every set-up step in order."""
    cfg = load_config(Path(app.instance_path), overrides)
    app.config.update(cfg)
    register_services(app, overrides)
    register_extensions(app)
    register_blueprints(app)
    register_error_handlers(app)
    register_commands(app)
    logging.getLogger("pomoc").setLevel(logging.INFO)


def register_services(app: Flask, overrides: dict[str, Any] | None) -> None:
    """Build the service context once per process (tests may inject one)."""
    ctx = (overrides or {}).get("SERVICE_CONTEXT") or build_context(app.config)
    app.extensions["pomoc"] = ctx


def services(app: Flask | None = None) -> ServiceContext:
    """The current app's service context."""
    from flask import current_app

    return (app or current_app).extensions["pomoc"]  # type: ignore[no-any-return]


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

    @app.context_processor
    def _inject() -> dict[str, Any]:
        return {"lang": _select_locale()}


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


def register_error_handlers(app: Flask) -> None:
    """Map service errors to clear responses: JSON under /api, pages elsewhere."""
    from app.web.errors import register

    register(app)


def register_commands(app: Flask) -> None:
    """CLI commands: db-upgrade, deploy-workflows, seed-demo, payment-run, fire-timers."""
    from app.web.commands import register

    register(app)
