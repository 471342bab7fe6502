"""The reports in the OpenAPI document (app/web/api/reports.py): MRPiPS-03."""

from __future__ import annotations

from typing import Any

from app.domain import mrpips03

from .openapi_helpers import _op
from .openapi_responses import DATE, INT, MONEY, STR, array, nullable, obj

_TASK = {"type": "string", "enum": [mrpips03.ZLECONE, mrpips03.WLASNE]}
_ROW = obj({"benefit": {"type": "string", "enum": [r.key for r in mrpips03.ROWS]}, "label": STR,
            "task": _TASK, "level": INT, "persons": INT, "benefits": nullable(INT),
            "amount": nullable(MONEY), "families": INT, "persons_in_families": INT})
_REASON = obj({"reason": STR, "families": INT, "persons_in_families": INT})
_SOCIAL_WORK = obj({name: INT for name in (
    "families", "persons_in_families", "families_social_work_only", "persons_social_work_only",
    "contracts", "contract_persons", "contract_persons_in_families")})
# The query string: a year of four ASCII digits, a half of 1 or 2 (omitted: the year), a format.
_PARAMS = [
    {"name": "year", "in": "query", "required": True,
     "schema": {"type": "string", "pattern": "^(200[4-9]|20[1-9][0-9]|2[1-9][0-9]{2})$"},
     "description": "YYYY, from 2004 (u.p.s. in force) to this year"},
    {"name": "half", "in": "query", "required": False,
     "schema": {"type": "string", "enum": ["", "1", "2"]},
     "description": "omitted or empty: the whole year"},
    {"name": "format", "in": "query", "required": False,
     "schema": {"type": "string", "enum": ["json", "xlsx", "csv"], "default": "json"}},
]
SCHEMAS: dict[str, Any] = {
    "Mrpips03Report": obj({
        "year": INT, "half": nullable(INT), "start": DATE, "end": DATE, "rows": array(_ROW),
        "reasons": array(_REASON), "families_total": INT, "persons_in_families_total": INT,
        "social_work": _SOCIAL_WORK, "paid_total": MONEY}),
}
PATHS: dict[str, Any] = {
    "/api/reports/mrpips-03": {"get": _op(
        "MRPiPS-03 for a half-year or a year (head of the centre or supervisor): per form of help "
        "and task (zlecone, wlasne) the persons granted a benefit, the benefits and amounts paid, "
        "families and persons in them; the reasons for help (art. 7 u.p.s.) and social work; as "
        "JSON, or XLSX (the form's order) or CSV with format", "Mrpips03Report",
        params=_PARAMS, errors=("422",),
        media=("application/json",
               "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
               "text/csv"))},
}
