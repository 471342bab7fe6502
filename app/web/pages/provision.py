"""The monthly lists of help in kind and services: meals per school or canteen, and care
services with hours and fees (art. 48b, art. 50 u.p.s.), with their XLSX and PDF exports."""

from __future__ import annotations

from typing import Any

from flask import Response, render_template, request

from app.services.kernel.errors import ValidationFailed
from app.services.provision import exports, lists
from app.web.context import services
from app.web.security import actor, page_roles
from app.web.ui.formatting import today

CASE_ROLES = ("caseworker", "supervisor")


@page_roles(*CASE_ROLES)
def provision_lists() -> Any:
    """The month's list of meals or of care services (?kind=meals|services&month=YYYY-MM)."""
    kind = request.args.get("kind", "meals")
    kind = kind if kind in lists.KINDS else "meals"
    raw = request.args.get("month") or today().strftime("%Y-%m")
    errors: dict[str, str] = {}
    try:
        month = lists.parse_month(raw)
    except ValidationFailed as exc:
        errors, month = dict(exc.errors), lists.parse_month(today().strftime("%Y-%m"))
    found = lists.read_list(services(), actor(), kind, month)
    return render_template("pages/provision.html", kind=kind, month=f"{month:%Y-%m}",
                           found=found, errors=errors), 422 if errors else 200


@page_roles(*CASE_ROLES)
def provision_export(kind: str, fmt: str) -> Any:
    """The month's list as XLSX or PDF."""
    f = exports.export(services(), actor(), kind, request.args.get("month", ""), fmt)
    return Response(f.content, mimetype=f.mimetype,
                    headers={"Content-Disposition": f"attachment; filename={f.filename}"})
