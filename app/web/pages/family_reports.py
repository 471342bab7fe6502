"""Pages of the family-benefit and FA reports for the head of the centre (and supervisors):
a period picker (a year and its half, or any months from and to), the table of each month's
lines with the period's totals and the reconciliation with the payment lists, and the XLSX and
CSV downloads of the same table. A wrong period re-renders the page with the field errors."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import abort, render_template, request

from app.services.kernel.errors import ValidationFailed
from app.services.reports import fa, family_benefits
from app.services.reports.period_months import REPORT_ROLES, read_period
from app.web.context import services
from app.web.security import actor, page_roles
from app.web.ui import family_report_tables as tables
from app.web.ui.formatting import service_message, today

_PERIOD_KEYS = ("year", "half", "from", "to")


def _page(template: str, build: Callable[..., Any], label: Callable[[str], str]) -> Any:
    asked = {k: request.args.get(k, "") for k in _PERIOD_KEYS}
    if not any(asked.values()):
        # The half-year just closed (or this year's first half, until it closes).
        now = today()
        asked = ({"year": str(now.year - 1), "half": "2"} if now.month <= 6
                 else {"year": str(now.year), "half": "1"})
    fields: dict[str, str] = {}
    report = None
    try:
        period = read_period(asked)
        report = build(services(), actor(), period)
    except ValidationFailed as refused:
        fields = {k: service_message(v) for k, v in refused.errors.items()}
        status = 422
    else:
        status = 200
    query = {k: v for k, v in asked.items() if v}
    return render_template(template, report=report, asked=asked, fields=fields, query=query,
                           label=label), status


@page_roles(*sorted(REPORT_ROLES))
def family_benefits_page() -> Any:
    """The family-benefit report."""
    return _page("pages/family_benefit_report.html", family_benefits.family_benefit_report,
                 tables.fb_line_label)


@page_roles(*sorted(REPORT_ROLES))
def fa_page() -> Any:
    """The FA report."""
    return _page("pages/fa_report.html", fa.fa_report, tables.fa_line_label)


def _download(kind: str, build: Callable[..., Any], table: Callable[[Any], Any],
              stem: str) -> Any:
    if kind not in ("xlsx", "csv"):
        abort(404)
    try:
        period = read_period(request.args)
    except ValidationFailed:
        abort(422)
    return tables.file_response(table(build(services(), actor(), period)), kind, stem, period)


@page_roles(*sorted(REPORT_ROLES))
def family_benefits_export(kind: str) -> Any:
    """The family-benefit report as XLSX or CSV."""
    return _download(kind, family_benefits.family_benefit_report, tables.family_table,
                     "swiadczenia-rodzinne")


@page_roles(*sorted(REPORT_ROLES))
def fa_export(kind: str) -> Any:
    """The FA report as XLSX or CSV."""
    return _download(kind, fa.fa_report, tables.fa_table, "fundusz-alimentacyjny")


ROUTES = (
    ("/reports/family-benefits", "family_benefits_report", family_benefits_page),
    ("/reports/family-benefits/export/<kind>", "family_benefits_export", family_benefits_export),
    ("/reports/fa", "fa_report", fa_page),
    ("/reports/fa/export/<kind>", "fa_report_export", fa_export),
)
