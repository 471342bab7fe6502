"""Pomoc: case management for Polish social welfare centres."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from flask import Flask


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Application factory: configuration is injected, then each concern registers itself."""
    from app.web.setup import configure_app

    app = Flask(
        __name__,
        instance_relative_config=True,
        instance_path=_instance_path(config),
        static_folder="web/static",
        template_folder="web/templates",
    )
    configure_app(app, config)
    _register_commands(app)
    return app


def _register_commands(app: Flask) -> None:
    """The `flask` commands (app/cli/): db-upgrade, deploy-workflows, seed-demo, payment-run,
    fire-timers, and the issuing body and signers' authorisations. The CLI sits above the web
    floor, so the factory (above both) registers it, not web/setup.py."""
    from app.cli.commands import register
    from app.cli.office_commands import register as register_office

    register(app)
    register_office(app)


def _instance_path(config: dict[str, Any] | None) -> str | None:
    if config and config.get("INSTANCE_PATH"):
        return str(Path(config["INSTANCE_PATH"]).resolve())
    env = os.environ.get("POMOC_INSTANCE_PATH")
    return str(Path(env).resolve()) if env else None
