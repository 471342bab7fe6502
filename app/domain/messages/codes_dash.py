"""The message codes of the head of the centre's dashboard (app/services/reports/dashboard.py):
who may see it and its drill-down, and its filters; the texts are in :mod:`.dash`."""

from __future__ import annotations

from app.domain.messages.codes import MessageCode


class DashCode(MessageCode):
    """The dashboard's codes; the value is what API clients see as ``code``."""

    ROLE = "dashboard.role"
    DRILLDOWN_ROLE = "dashboard.drilldown_role"
    FILTERS_INVALID = "dashboard.filters_invalid"
    MONTH_FORMAT = "dashboard.month_format"
    MONTH_RANGE = "dashboard.month_range"
    MONTH_ORDER = "dashboard.month_order"
    PERIOD_TOO_LONG = "dashboard.period_too_long"
    BENEFIT_UNKNOWN = "dashboard.benefit_unknown"
    CASEWORKER_UNKNOWN = "dashboard.caseworker_unknown"
    REASON_UNKNOWN = "dashboard.reason_unknown"
    FIGURE_UNKNOWN = "dashboard.figure_unknown"
