"""Re-running an incident's failed step from a page, shared by Terminy and the admin's instances."""

from __future__ import annotations

from flask import flash
from flask_babel import gettext as _

from app.services.kernel.errors import ServiceError
from app.services.workflow import incidents
from app.web.context import services
from app.web.security import actor
from app.web.ui.formatting import service_message


def retry_and_report(instance_id: int) -> None:
    """Re-run an incident's failed step and flash what came of it (Terminy and the admin page)."""
    try:
        outcome = incidents.retry(services(), actor(), instance_id)
        if outcome.resolved:
            flash(_("Krok został ponowiony; sprawa toczy się dalej."), "success")
        else:
            detail = (outcome.incident.detail if outcome.incident else None) or ""
            flash(_("Ponowienie nie usunęło problemu. %(detail)s", detail=detail), "error")
    except ServiceError as exc:
        flash(service_message(exc.message, exc.status), "error")
