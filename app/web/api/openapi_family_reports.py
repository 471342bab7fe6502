"""The family-benefit and FA reports' part of the OpenAPI document
(app/web/api/family_reports.py)."""

from __future__ import annotations

from typing import Any

from .openapi_helpers import _op
from .openapi_requests import DATE
from .openapi_responses import BOOL, INT, MONEY, STR, array, nullable, obj

_MONTH = "^(20|21)[0-9]{2}-(0[1-9]|1[0-2])$"
_XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_PARAMS = [
    {"name": "year", "in": "query", "required": False,
     "schema": {"type": "string", "pattern": "^(20|21)[0-9]{2}$"},
     "description": "the year (with `half`); or give `from` and `to` instead"},
    {"name": "half", "in": "query", "required": False, "schema": {"enum": ["1", "2"]},
     "description": "1: January-June, 2: July-December; omitted: the whole year"},
    {"name": "from", "in": "query", "required": False,
     "schema": {"type": "string", "pattern": _MONTH},
     "description": "the first month, YYYY-MM (with `to`; at most 24 months)"},
    {"name": "to", "in": "query", "required": False,
     "schema": {"type": "string", "pattern": _MONTH},
     "description": "the last month, YYYY-MM"},
    {"name": "format", "in": "query", "required": False,
     "schema": {"enum": ["json", "xlsx", "csv"]},
     "description": "json (default), or the table as an XLSX or CSV download"},
]
_PERIOD = obj({"first": DATE, "last": DATE})
_RECONCILIATION = obj({"payments": INT, "paid_amount": MONEY, "report_amount": MONEY,
                       "matches": BOOL})
_FB_LINE = obj({"month": nullable(DATE), "line": STR, "benefit": STR, "article": STR,
                "count": INT, "amount": MONEY})
_FA_LINE = obj({"month": nullable(DATE), "line": STR, "article": STR, "count": nullable(INT),
                "amount": nullable(MONEY)})
SCHEMAS: dict[str, Any] = {
    "FamilyBenefitReport": obj({"period": _PERIOD, "rows": array(_FB_LINE),
                                "totals": array(_FB_LINE), "reconciliation": _RECONCILIATION}),
    "FaReport": obj({"period": _PERIOD, "rows": array(_FA_LINE), "totals": array(_FA_LINE),
                     "reconciliation": _RECONCILIATION}),
}
_MEDIA = ("application/json", _XLSX, "text/csv")
PATHS: dict[str, Any] = {
    "/api/reports/family-benefits": {"get": _op(
        "The family-benefit report (u.ś.r.): the number and amount of zasiłek rodzinny, each "
        "dodatek and each other family benefit per month of the period, paid payments counted "
        "in the month paid; the head of the centre or a supervisor", "FamilyBenefitReport",
        params=_PARAMS, errors=("422",), media=_MEDIA)},
    "/api/reports/fa": {"get": _op(
        "The FA report: FA benefits paid, the debtor procedures opened, the steps taken and "
        "the debtors' ledger (dues, recovered, the art. 28 split, outstanding) per month of the "
        "period; the head of the centre or a supervisor", "FaReport", params=_PARAMS,
        errors=("422",), media=_MEDIA)},
}
