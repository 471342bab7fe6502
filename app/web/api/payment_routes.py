"""Payment endpoints of the API: the run, lists, four-eyes approval, exports, settlement."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from flask import Blueprint, Response, jsonify, request

from app.domain.messages import Code, msg
from app.domain.views import to_json
from app.services import payments
from app.services.kernel import inputs
from app.services.kernel.errors import ValidationFailed
from app.services.kernel.formats import MAX_YEAR, MIN_YEAR
from app.web.context import services
from app.web.security import api_actor, api_roles

CASE_ROLES = ("caseworker", "supervisor")


def _body() -> dict[str, Any]:
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise ValidationFailed(
            msg(Code.BODY_NOT_JSON_OBJECT),
            {"body": msg(Code.JSON_OBJECT_EXPECTED)})
    return data


def parse_month(raw: Any) -> date:
    """YYYY-MM as the first day of the month, or a 422 naming the field."""
    try:
        if not isinstance(raw, str) or not re.fullmatch(r"[0-9]{4}-[0-9]{2}", raw):
            raise ValueError(raw)
        month = date.fromisoformat(f"{raw}-01")
    except ValueError:
        raise ValidationFailed(msg(Code.FORM_INVALID),
                               {"month": msg(Code.PAYMENT_MONTH_INVALID)}) from None
    if not MIN_YEAR <= month.year <= MAX_YEAR:  # year 1 is a typo, not a payment run
        bounds = msg(Code.DATE_RANGE, earliest=f"{MIN_YEAR}-01", latest=f"{MAX_YEAR}-12")
        raise ValidationFailed(bounds, {"month": bounds})
    return month


def payment_run() -> Any:
    """Run the monthly payment run for {month: YYYY-MM} (idempotent)."""
    month = parse_month(_body().get("month"))
    return jsonify(to_json(payments.monthly_payment_run(services(), month, api_actor())))


def payment_lists() -> Any:
    """All payment lists."""
    return jsonify(to_json(payments.list_payment_lists(services(), api_actor())))


def payment_list(list_id: int) -> Any:
    """One payment list with its payments."""
    return jsonify(to_json(payments.payment_list(services(), api_actor(), list_id)))


def approve_list(list_id: int) -> Any:
    """A second supervisor approves a payment list (403 for the one who ran it)."""
    payments.approve_list(services(), api_actor(), list_id)
    return jsonify(to_json(payments.payment_list(services(), api_actor(), list_id)))


def export_list(list_id: int, kind: str) -> Any:
    """An export of an approved list: elixir (bank file), cash_pdf or xlsx (the same file again)."""
    f = payments.export_list(services(), api_actor(), list_id, kind)
    return Response(f.content, mimetype=f.mimetype,
                    headers={"Content-Disposition": f"attachment; filename={f.filename}"})


def settle_payment(payment_id: int) -> Any:
    """Mark a payment {outcome: paid|returned, on: YYYY-MM-DD, ref}."""
    body = inputs.validate("SettleRequest", _body())
    return jsonify(to_json(payments.mark_payment(services(), api_actor(), payment_id,
                                                  body["outcome"], body["on"], body.get("ref", ""))))


def settle_list(list_id: int) -> Any:
    """Mark every unsettled payment of a list {outcome, on, ref}."""
    body = inputs.validate("SettleRequest", _body())
    return jsonify(to_json(payments.mark_list(services(), api_actor(), list_id,
                                               body["outcome"], body["on"], body.get("ref", ""))))


def reissue_payment(payment_id: int) -> Any:
    """Reissue a returned payment {method: transfer|cash, account}."""
    body = inputs.validate("ReissueRequest", _body())
    return jsonify(to_json(payments.reissue(services(), api_actor(), payment_id, body["method"],
                                             body.get("account") or None))), 201


ROUTES = (
    ("/payments/run", payment_run, "POST", ("supervisor",)),
    ("/payment-lists", payment_lists, "GET", CASE_ROLES),
    ("/payment-lists/<int:list_id>", payment_list, "GET", CASE_ROLES),
    ("/payment-lists/<int:list_id>/approve", approve_list, "POST", ("supervisor",)),
    ("/payment-lists/<int:list_id>/export/<kind>", export_list, "GET", ("supervisor",)),
    ("/payment-lists/<int:list_id>/settle", settle_list, "POST", ("supervisor",)),
    ("/payments/<int:payment_id>/settle", settle_payment, "POST", ("supervisor",)),
    ("/payments/<int:payment_id>/reissue", reissue_payment, "POST", ("supervisor",)),
)


def register(bp: Blueprint) -> None:
    """Add the payment endpoints to the API blueprint."""
    for rule, view, method, roles in ROUTES:
        bp.add_url_rule(rule, view.__name__, api_roles(*roles)(view), methods=[method])
