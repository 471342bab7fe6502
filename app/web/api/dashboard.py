"""API routes of the head of the centre's dashboard: the figures of a period, and the cases behind
one figure (case roles only). Bad filters are 422 with each field's coded error."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify, request

from app.services.reports import dashboard
from app.web.context import services
from app.web.security import api_actor, api_roles

VIEW_ROLES = ("head", "supervisor")


def _filters() -> dashboard.Filters:
    return dashboard.read_filters(services(), {name: request.args.get(name) for name in (
        "from", "to", "benefit", "caseworker")})


@api_roles(*VIEW_ROLES)
def figures() -> Any:
    """The dashboard's figures (totals, by month, by benefit, by reason); no personal data."""
    return jsonify(dashboard.figures(services(), api_actor(), _filters()).as_json())


@api_roles(*VIEW_ROLES)
def cases_behind() -> Any:
    """The cases behind one figure (personal data: case roles only; the read is audited)."""
    actor = api_actor()
    dashboard.require_drill_down(actor)  # 403 before the filters are read (the head alone)
    filters = _filters()
    return jsonify(dashboard.cases_behind(
        services(), actor, filters, request.args.get("figure", ""),
        month=request.args.get("month") or None, reason=request.args.get("reason") or None).as_json())


ROUTES = (
    ("/dashboard", figures, ("GET",)),
    ("/dashboard/cases", cases_behind, ("GET",)),
)


def register(bp: Blueprint) -> None:
    """Add the routes to the API blueprint."""
    for rule, view, methods in ROUTES:
        bp.add_url_rule(rule, endpoint=f"dashboard_{view.__name__}", view_func=view,
                        methods=list(methods))
