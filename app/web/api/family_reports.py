"""API routes of the family-benefit and FA reports (app/services/reports/family_benefits.py,
fa.py): ``GET /api/reports/family-benefits`` and ``GET /api/reports/fa`` with the period as
``year`` and ``half`` (1 or 2; omitted: the whole year) or ``from`` and ``to`` (``YYYY-MM``),
and ``format`` json (default), xlsx or csv. The head of the centre and supervisors only (an
admin or a caseworker gets 403); bad parameters get 422 with the field errors."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify, request

from app.domain.messages import msg
from app.domain.messages.codes_fbr import FbrCode
from app.services.kernel.errors import ValidationFailed
from app.services.reports import fa, family_benefits
from app.services.reports.period_months import REPORT_ROLES, Period, read_period
from app.web.context import services
from app.web.security import api_actor, api_roles
from app.web.ui import family_report_tables as tables

FORMATS = ("json", "xlsx", "csv")


def _query() -> tuple[Period, str]:
    """The period and the format asked, every wrong field named at once."""
    errors: dict[str, str] = {}
    kind = request.args.get("format", "json")
    if kind not in FORMATS:
        errors["format"] = msg(FbrCode.REPORT_FORMAT)
    try:
        period = read_period(request.args)
    except ValidationFailed as refused:
        raise ValidationFailed(str(refused), {**refused.errors, **errors}) from None
    if errors:
        raise ValidationFailed(msg(FbrCode.REPORT_PERIOD_INVALID), errors)
    return period, kind


@api_roles(*sorted(REPORT_ROLES))
def family_benefit_report() -> Any:
    """Each family benefit and dodatek: number and amount per month of the period."""
    period, kind = _query()
    report = family_benefits.family_benefit_report(services(), api_actor(), period)
    if kind == "json":
        return jsonify(report.as_json())
    return tables.file_response(tables.family_table(report), kind, "swiadczenia-rodzinne", period)


@api_roles(*sorted(REPORT_ROLES))
def fa_report() -> Any:
    """FA paid and the debtor procedures per month of the period."""
    period, kind = _query()
    report = fa.fa_report(services(), api_actor(), period)
    if kind == "json":
        return jsonify(report.as_json())
    return tables.file_response(tables.fa_table(report), kind, "fundusz-alimentacyjny", period)


ROUTES = (("/reports/family-benefits", family_benefit_report),
          ("/reports/fa", fa_report))


def register(bp: Blueprint) -> None:
    """Add the routes to the API blueprint."""
    for rule, view in ROUTES:
        bp.add_url_rule(rule, endpoint=f"family_reports_{view.__name__}", view_func=view,
                        methods=["GET"])
