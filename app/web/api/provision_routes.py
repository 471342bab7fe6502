"""API of help in kind and services: the monthly lists of meals and care services (and their
exports), and the care services' fee tables of the rada gminy's resolution (admin edits)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, request

from app.domain.messages import Code, msg
from app.services.kernel.errors import ValidationFailed
from app.services.kernel.inputs.formats import Refused, read_date
from app.services.provision import exports, fee_tables, lists
from app.web.context import services
from app.web.security import api_actor, api_roles

CASE_ROLES = ("caseworker", "supervisor")


def provision_list(kind: str) -> Any:
    """The month's list (?month=YYYY-MM): meals per provider, or services with hours and fees."""
    month = lists.parse_month(request.args.get("month"))
    return jsonify(lists.read_list(services(), api_actor(), kind, month).as_json())


def provision_export(kind: str, fmt: str) -> Any:
    """The month's list as xlsx or pdf (?month=YYYY-MM)."""
    f = exports.export(services(), api_actor(), kind, request.args.get("month", ""), fmt)
    return Response(f.content, mimetype=f.mimetype,
                    headers={"Content-Disposition": f"attachment; filename={f.filename}"})


def fee_table_list() -> Any:
    """The care services' fee tables, newest first."""
    return jsonify([t.as_json() for t in fee_tables.list_tables(services(), api_actor())])


def _values() -> tuple[dict[str, Any], Any]:
    body = request.get_json(silent=True)
    if not isinstance(body, dict):
        raise ValidationFailed(msg(Code.BODY_NOT_JSON_OBJECT),
                               {"body": msg(Code.JSON_OBJECT_EXPECTED)})
    values = dict(body)
    try:
        values["valid_from"] = read_date(str(body.get("valid_from", "")), page=False)
    except Refused as refused:
        raise ValidationFailed(refused.message, {"valid_from": refused.message}) from None
    if not isinstance(values.get("bands"), list) or not all(
            isinstance(b, dict) for b in values["bands"]):
        values["bands"] = []
    return values, body.get("base_version")


def fee_table_add() -> Any:
    """Add a table {valid_from, hourly_cost, resolution, bands: [{up_to, fee_percent}]}."""
    values, _ = _values()
    return jsonify(fee_tables.save_table(services(), api_actor(), values).as_json()), 201


def fee_table_edit(table_id: int) -> Any:
    """Edit a table from {base_version, ...}: a stale version is a 409."""
    values, base = _values()
    version = base if isinstance(base, int) and not isinstance(base, bool) else None
    return jsonify(fee_tables.save_table(services(), api_actor(), values, table_id,
                                         version).as_json())


ROUTES = (
    ("/provision/<kind>", provision_list, "GET", CASE_ROLES),
    ("/provision/<kind>/export/<fmt>", provision_export, "GET", CASE_ROLES),
    ("/care-fee-tables", fee_table_list, "GET", ("admin", *CASE_ROLES)),
    ("/care-fee-tables", fee_table_add, "POST", ("admin",)),
    ("/care-fee-tables/<int:table_id>", fee_table_edit, "PUT", ("admin",)),
)


def register(bp: Blueprint) -> None:
    """Add the provision endpoints to the API blueprint."""
    for rule, view, method, roles in ROUTES:
        bp.add_url_rule(rule, view.__name__, api_roles(*roles)(view), methods=[method])
