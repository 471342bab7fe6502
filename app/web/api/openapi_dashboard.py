"""The dashboard's part of the OpenAPI document (app/web/api/dashboard.py)."""

from __future__ import annotations

from typing import Any

from app.domain import benefits
from app.domain.reasons import REASONS

from .openapi_helpers import _op
from .openapi_responses import DATE, INT, MONEY, STR, array, nullable, obj

# A month YYYY-MM in 1900-2199 (the years every date of the API may have). An empty value is the
# parameter left out (the page's form sends "" for "all" and for the default period).
_MONTH = {"type": "string", "pattern": "^((19[0-9]{2}|2[01][0-9]{2})-(0[1-9]|1[0-2]))?$"}
_FILTERS = [
    {"name": "from", "in": "query", "required": False, "schema": _MONTH,
     "description": "the first month (YYYY-MM); default: eleven months before `to`"},
    {"name": "to", "in": "query", "required": False, "schema": _MONTH,
     "description": "the last month (YYYY-MM); default: this month; at most 36 months in all"},
    {"name": "benefit", "in": "query", "required": False,
     "schema": {"type": "string", "enum": ["", *benefits.CODES]},
     "description": "a benefit code of the catalogue"},
    {"name": "caseworker", "in": "query", "required": False,
     "schema": {"type": "string", "pattern": "^([0-9]{1,9})?$"},
     "description": "a caseworker's user id (the case's caseworker)"},
]
_ROW = obj({"key": STR, "opened": INT, "granted": INT, "refused": INT, "payments": INT,
            "amount": MONEY})
_FILTERS_OUT = obj({"start": DATE, "end": DATE, "benefit": nullable(STR),
                    "caseworker_id": nullable(INT)})
SCHEMAS: dict[str, Any] = {
    "Dashboard": obj({"filters": _FILTERS_OUT, "total": _ROW, "by_month": array(_ROW),
                      "by_benefit": array(_ROW), "by_reason": array(_ROW),
                      "drilldown": {"type": "boolean"}}),
    "DashboardCases": obj({
        "figure": STR, "filters": _FILTERS_OUT, "month": nullable(STR), "reason": nullable(STR),
        "more": {"type": "boolean"},
        "cases": array(obj({"id": INT, "number": STR, "benefit": STR, "status": STR,
                            "stage": nullable(STR), "outcome": nullable(STR), "opened_on": DATE,
                            "applicant": STR}))}),
}
PATHS: dict[str, Any] = {
    "/api/dashboard": {"get": _op(
        "The head of the centre's dashboard for a period (head or supervisor): cases opened on "
        "an application, decisions granting (in full or in part) and refusing by their day of "
        "issue, payments paid and their amount by their day of payment; totals, by month, by "
        "benefit and by reason (art. 7 u.p.s.). Aggregates only, no personal data",
        "Dashboard", params=_FILTERS, errors=("422",))},
    "/api/dashboard/cases": {"get": _op(
        "The cases behind one figure of the dashboard (figure opened|granted|refused|paid, "
        "optionally one month of the period and one reason); personal data: a case role only "
        "(the head without one is refused 403); the read is audited",
        "DashboardCases", params=[
            {"name": "figure", "in": "query", "required": True,
             "schema": {"type": "string", "enum": ["opened", "granted", "refused", "paid"]}},
            {"name": "month", "in": "query", "required": False, "schema": _MONTH},
            {"name": "reason", "in": "query", "required": False,
             "schema": {"type": "string", "enum": ["", *REASONS]}},
            *_FILTERS], errors=("422",))},
}
