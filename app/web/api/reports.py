"""API routes of the reports (app/services/reports/): MRPiPS-03 as JSON, XLSX or CSV."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, request

from app.services.reports import mrpips03
from app.web.context import services
from app.web.security import api_actor, api_roles

# The service checks the roles again (head or supervisor; its coded 403 names them).
REPORT_ROLES = ("head", "supervisor")


@api_roles(*REPORT_ROLES)
def mrpips_03() -> Any:
    """MRPiPS-03 for ``?year=YYYY`` and ``?half=1|2`` (omitted: the whole year); ``?format=``
    json (the default), xlsx (the form's order) or csv."""
    fmt = request.args.get("format", "json")
    year, half = request.args.get("year"), request.args.get("half")
    if fmt == "json":
        return jsonify(mrpips03.compute(services(), api_actor(), year, half).as_json())
    content, mimetype, filename = mrpips03.export(services(), api_actor(), year, half, fmt)
    return Response(content, mimetype=mimetype,
                    headers={"Content-Disposition": f"attachment; filename={filename}"})


ROUTES = (
    ("/reports/mrpips-03", mrpips_03, ("GET",)),
)


def register(bp: Blueprint) -> None:
    """Add the routes to the API blueprint."""
    for rule, view, methods in ROUTES:
        bp.add_url_rule(rule, endpoint=f"reports_{view.__name__}", view_func=view,
                        methods=list(methods))
