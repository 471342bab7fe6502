"""The admin blueprint, apart from its routes so that the route modules import it, not the package."""

from __future__ import annotations

from flask import Blueprint

bp = Blueprint("admin", __name__, url_prefix="/admin")
