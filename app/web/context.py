"""The service accessor every blueprint uses: the current app's service context.

It lives apart from :mod:`app.web.setup` so that the set-up imports the blueprints and no
blueprint imports the set-up."""

from __future__ import annotations

from flask import Flask, current_app

from app.services.kernel.context import ServiceContext


def services(app: Flask | None = None) -> ServiceContext:
    """The current app's service context."""
    return (app or current_app).extensions["pomoc"]  # type: ignore[no-any-return]
