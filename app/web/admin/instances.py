"""Administration of running cases' workflows: incidents, retry and moving cases to a newer version.

An admin sees no personal data here: case id and number, definition versions and BPMN elements.
"""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from app.domain.digits import parse_ascii_int
from app.services.definitions import deploy as definitions
from app.services.definitions import migration
from app.services.kernel.errors import ServiceError
from app.services.workflow import incidents
from app.web.context import services
from app.web.security import actor, page_roles
from app.web.ui.formatting import service_message
from app.web.ui.incidents import retry_and_report

from .blueprint import bp


def _int(name: str) -> int | None:
    return parse_ascii_int(request.values.get(name, "").strip())


def _page(
    result: migration.MigrationPlan | None = None, errors: dict[str, str] | None = None, status: int = 200
) -> Any:
    form = {"from_version": request.values.get("from_version", ""),
            "to_version": request.values.get("to_version", ""),
            "element_id": request.values.get("element_id", "")}
    return render_template(
        "admin/incidents.html", incidents=incidents.list_incidents(services(), actor()),
        versions=definitions.list_definitions(services()), form=form, result=result,
        errors=errors or {},
    ), status


@bp.get("/incidents")
@page_roles("admin")
def incidents_list() -> Any:
    """Cases the workflow cannot move on by itself, and the form to move cases to a version."""
    return _page()


@bp.post("/incidents/<int:instance_id>/retry")
@page_roles("admin")
def incident_retry(instance_id: int) -> Any:
    """Re-run the failed step of an incident."""
    retry_and_report(instance_id)
    return redirect(url_for("admin.incidents_list"))


@bp.post("/instances/migrate")
@page_roles("admin")
def instances_migrate() -> Any:
    """Dry run (default) or apply moving the selected cases to the target version."""
    dry_run = request.form.get("action") != "apply"
    errors: dict[str, str] = {}
    source, target = _int("from_version"), _int("to_version")
    if source is None:
        errors["from_version"] = _("Wybierz wersję, na której są sprawy.")
    if target is None:
        errors["to_version"] = _("Wybierz wersję docelową.")
    if errors:
        return _page(errors=errors, status=422)
    element = request.form.get("element_id", "").strip() or None
    try:
        result = migration.migrate_instances(services(), actor(), source, target, element, dry_run)
    except ServiceError as exc:
        fields = getattr(exc, "errors", None) or {}
        errors = {k: service_message(v) for k, v in fields.items()} or {
            "to_version": service_message(exc.message, exc.status)}
        return _page(errors=errors, status=exc.status)
    if not dry_run:
        moved = result.counts.get("migrated", 0)
        flash(_("Przeniesiono spraw: %(n)d.", n=moved), "success" if moved else "error")
    return _page(result=result)
