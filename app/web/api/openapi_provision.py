"""Help in kind and services in the OpenAPI document (app/web/api/provision_routes.py): the monthly
lists of meals and care services, their exports, and the care services' fee tables."""

from __future__ import annotations

from typing import Any

from .openapi_helpers import _id, _op, _post
from .openapi_requests import input_schemas
from .openapi_responses import BOOL, DATE, INT, MONEY, STR, array, nullable, obj

# A decimal written exactly (hours, per cent): not money, so not always two places.
_DECIMAL: dict[str, Any] = {"type": "string", "pattern": r"^-?\d+(\.\d+)?$"}
_MONTH = {"name": "month", "in": "query", "required": True,
          "schema": {"type": "string", "pattern": r"^(19|20|21)[0-9]{2}-(0[1-9]|1[0-2])$"},
          "description": "YYYY-MM"}
_KIND = {"name": "kind", "in": "path", "required": True,
         "schema": {"type": "string", "enum": ["meals", "services", "funerals"]}}
_FORMAT = {"name": "fmt", "in": "path", "required": True,
           "schema": {"type": "string", "enum": ["xlsx", "pdf"]}}
_BAND = obj({"up_to": nullable(_DECIMAL), "fee_percent": _DECIMAL})
_MEAL = obj({"case_id": INT, "case_number": STR, "name": STR, "decision_number": STR,
             "meals_per_day": INT, "days": INT, "meals": INT})
_SERVICE = obj({"case_id": INT, "case_number": STR, "name": STR, "decision_number": STR,
                "hours_per_week": _DECIMAL, "days": INT, "hours": _DECIMAL,
                "fee_percent": _DECIMAL, "fee_per_hour": MONEY, "fee": MONEY})
_FUNERAL = obj({"case_id": INT, "case_number": STR, "name": STR, "decision_number": STR,
                "funeral_on": DATE, "cost": MONEY})
FEE_TABLE = obj({"id": INT, "valid_from": DATE, "hourly_cost": MONEY, "resolution": STR,
                 "bands": array(_BAND), "version": INT, "used": BOOL})

SCHEMAS: dict[str, Any] = {
    **input_schemas("CareFeeTableRequest"),
    "CareFeeTable": FEE_TABLE,
    "CareFeeTables": array(FEE_TABLE),
    # meals: {month, providers: [{provider, rows, meals}], persons, meals};
    # services: {month, rows, hours, fees}; funerals: {month, providers: [{provider, rows,
    # cost}], funerals, cost}
    "ProvisionList": {"oneOf": [
        obj({"month": DATE, "providers": array(obj({"provider": STR, "rows": array(_MEAL),
                                                    "meals": INT})),
             "persons": INT, "meals": INT}),
        obj({"month": DATE, "rows": array(_SERVICE), "hours": _DECIMAL, "fees": MONEY}),
        obj({"month": DATE, "providers": array(obj({"provider": STR, "rows": array(_FUNERAL),
                                                    "cost": MONEY})),
             "funerals": INT, "cost": MONEY})]},
}
PATHS: dict[str, Any] = {
    "/api/provision/{kind}": {"get": _op(
        "The month's list of help in kind (meals per school or canteen, art. 48b u.p.s.) or of "
        "care services with hours and fees (art. 50), or of the funerals the gmina arranged per "
        "funeral home (art. 44): what is given, never a transfer to the party",
        "ProvisionList", params=[_KIND, _MONTH], errors=("404", "422"))},
    "/api/provision/{kind}/export/{fmt}": {"get": _op(
        "The month's list as XLSX or PDF", "ProvisionList", params=[_KIND, _FORMAT, _MONTH],
        errors=("404", "422"),
        media=("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
               "application/pdf"))},
    "/api/care-fee-tables": {
        "get": _op("The care services' fee tables of the rada gminy's resolution (art. 50 ust. 6 "
                   "u.p.s.), newest first", "CareFeeTables"),
        "post": _post("Add a fee table (admin): the bands checked by the domain, each band's "
                      "error under its path", "CareFeeTable", ok="201", body="CareFeeTableRequest"),
    },
    "/api/care-fee-tables/{table_id}": {"put": _op(
        "Edit a fee table (admin) from base_version: 409 when changed since, or when a decision "
        "has set a fee by it", "CareFeeTable", body="CareFeeTableRequest",
        params=[_id("table_id")], errors=("400", "404", "409", "413", "422"))},
}
