"""The head of the centre's reports: MRPiPS-03 for a half-year or a year, with its XLSX and CSV."""

from __future__ import annotations

from typing import Any

from flask import Response, render_template, request

from app.services.kernel.errors import ValidationFailed
from app.services.reports import mrpips03
from app.web.context import services
from app.web.security import actor, page_roles
from app.web.ui.formatting import today
from app.web.ui.labels import reason_label

REPORT_ROLES = ("head", "supervisor")


@page_roles(*REPORT_ROLES)
def report_mrpips03() -> Any:
    """MRPiPS-03 (?year=YYYY&half=1|2; half empty: the year). Defaults: the last closed half."""
    now = today()
    default_year, default_half = (now.year, "1") if now.month > 6 else (now.year - 1, "")
    year = request.args.get("year", str(default_year))
    half = request.args.get("half", default_half)
    errors: dict[str, Any] = {}
    try:
        report = mrpips03.compute(services(), actor(), year, half or None)
    except ValidationFailed as exc:
        errors = dict(exc.errors)
        report = None
    return render_template("pages/report_mrpips03.html", report=report, year=year, half=half,
                           errors=errors, reason_label=reason_label, years=range(now.year, now.year - 6, -1),
                           period_name=mrpips03.period_name(report) if report else ""
                           ), 422 if errors else 200


@page_roles(*REPORT_ROLES)
def report_mrpips03_export(fmt: str) -> Any:
    """MRPiPS-03 as XLSX (the form's order) or CSV."""
    content, mimetype, filename = mrpips03.export(
        services(), actor(), request.args.get("year"), request.args.get("half") or None, fmt)
    return Response(content, mimetype=mimetype,
                    headers={"Content-Disposition": f"attachment; filename={filename}"})
