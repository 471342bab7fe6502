"""The head of the centre's dashboard (pulpit kierownika): figures of a period as charts, each with
its numbers in a table (the page works without JavaScript: tables only), and the cases behind a
figure for case roles. Who sees what is decided in app/services/reports/dashboard.py."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import render_template, request, url_for
from flask_babel import format_date
from flask_babel import gettext as _

from app.domain import benefits
from app.services.kernel.errors import ValidationFailed
from app.services.reports import dashboard
from app.web.context import services
from app.web.security import actor, page_roles
from app.web.ui.formatting import service_message
from app.web.ui.labels import code_label, reason_options

VIEW_ROLES = ("head", "supervisor")
FILTER_NAMES = ("from", "to", "benefit", "caseworker")


def _raw() -> dict[str, str]:
    return {name: request.args.get(name, "").strip()[:40] for name in FILTER_NAMES}


def _errors(exc: ValidationFailed) -> dict[str, str]:
    return {field: service_message(message) for field, message in exc.errors.items()}


def _month_label(key: str) -> str:
    return format_date(date(int(key[:4]), int(key[5:]), 1), "LLL yyyy")


def _series_names() -> dict[str, str]:
    return {"opened": _("Sprawy wszczęte"), "granted": _("Przyznania"), "refused": _("Odmowy"),
            "payments": _("Wypłaty"), "amount": _("Kwota wypłat")}


def chart_data(board: dashboard.Dashboard) -> dict[str, Any]:
    """What the charts draw (the same numbers as the tables), labelled in the page's language."""
    def split(rows: tuple[dashboard.FigureRow, ...], label: Any) -> dict[str, Any]:
        return {"labels": [label(r.key) for r in rows],
                **{f: [getattr(r, f) for r in rows] for f in ("opened", "granted", "refused",
                                                               "payments")},
                "amount": [str(r.amount) for r in rows]}
    return {"series": _series_names(),
            "month": split(board.by_month, _month_label),
            "benefit": split(board.by_benefit, lambda k: code_label(k, "benefit")),
            "reason": split(board.by_reason, lambda k: code_label(k, "reason"))}


def _drill(query: dict[str, str]) -> Any:
    """The link of a figure to the cases behind it (the filters, the figure, a month or reason)."""
    def link(figure: str, **narrower: str) -> str:
        args: dict[str, Any] = {**query, "figure": figure, **narrower}
        return url_for("pages.dashboard_cases", **args)
    return link


def _back(filters: dashboard.Filters) -> str:
    args: dict[str, Any] = filters.query()
    return url_for("pages.dashboard", **args)


def _choices() -> dict[str, Any]:
    return {"benefit_choices": [(code, code_label(code, "benefit")) for code in benefits.CODES],
            "caseworker_choices": dashboard.caseworkers(services())}


@page_roles(*VIEW_ROLES)
def dashboard_page() -> Any:
    """The figures of the period the filters give (the last twelve months by default)."""
    raw = _raw()
    try:
        filters = dashboard.read_filters(services(), raw)
    except ValidationFailed as exc:
        return render_template("pages/dashboard.html", board=None, raw=raw, errors=_errors(exc),
                               problem=service_message(exc.message), **_choices()), 422
    board = dashboard.figures(services(), actor(), filters)
    shown = {**filters.query(), "benefit": filters.benefit or "",
             "caseworker": "" if filters.caseworker_id is None else str(filters.caseworker_id)}
    return render_template("pages/dashboard.html", board=board, raw=shown, errors={},
                           drill=_drill(filters.query()) if board.drilldown else None,
                           charts=chart_data(board),
                           series=_series_names(), month_label=_month_label,
                           benefit_label=lambda k: code_label(k, "benefit"),
                           reason_label=lambda k: code_label(k, "reason"), **_choices())


@page_roles(*VIEW_ROLES)
def dashboard_cases() -> Any:
    """The cases behind one figure (case roles only: the head without one is refused 403)."""
    who = actor()
    dashboard.require_drill_down(who)
    raw = _raw()
    figure = request.args.get("figure", "")
    month, reason = request.args.get("month") or None, request.args.get("reason") or None
    try:
        filters = dashboard.read_filters(services(), raw)
        found = dashboard.cases_behind(services(), who, filters, figure, month=month, reason=reason)
    except ValidationFailed as exc:
        return render_template("pages/dashboard_cases.html", found=None, errors=_errors(exc),
                               problem=service_message(exc.message), raw=raw), 422
    return render_template("pages/dashboard_cases.html", found=found, errors={}, raw=raw,
                           series=_series_names(), back=_back(filters),
                           month_label=_month_label, reasons=dict(reason_options()))


ROUTES = (
    ("/dashboard", "dashboard", dashboard_page, ("GET",)),
    ("/dashboard/cases", "dashboard_cases", dashboard_cases, ("GET",)),
)
