"""API routes of the FA debtor procedure (app/services/debtors): open, list and read a
procedure, its dues and receipts, and the open steps' deadlines. Case roles only; reads of a
procedure are audited."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, jsonify, request

from app.domain.messages import Code, msg
from app.domain.views import to_json
from app.services.debtors import ledger, procedures
from app.services.kernel.errors import ValidationFailed
from app.services.kernel.inputs.formats import Refused, read_date
from app.web.context import services
from app.web.security import api_actor, api_roles

CASE_ROLES = ("caseworker", "supervisor")


def _body() -> Any:
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise ValidationFailed(msg(Code.JSON_OBJECT_EXPECTED), {"body": msg(Code.JSON_OBJECT_EXPECTED)})
    return data


def _on() -> date | None:
    raw = request.args.get("on")
    if raw is None:
        return None
    try:
        return read_date(raw)
    except Refused as refused:
        message = msg(Code.REQUIRED) if not raw else refused.message
        raise ValidationFailed(msg(Code.REQUEST_INVALID), {"on": message}) from None


@api_roles(*CASE_ROLES)
def list_procedures() -> Any:
    """Every debtor procedure, newest first, with its next deadline."""
    return jsonify(to_json(procedures.list_procedures(services(), api_actor())))


@api_roles(*CASE_ROLES)
def open_procedure() -> Any:
    """Open a debtor procedure (linked to an FA case or standalone with the debtor's data)."""
    pid = procedures.open_procedure(services(), api_actor(), _body())
    return jsonify(to_json(procedures.read_procedure(services(), api_actor(), pid))), 201


@api_roles(*CASE_ROLES)
def read_procedure(procedure_id: int) -> Any:
    """The procedure: steps with their deadlines, the open step, the ledger on ``?on=``."""
    return jsonify(to_json(procedures.read_procedure(services(), api_actor(), procedure_id,
                                                     _on())))


@api_roles(*CASE_ROLES)
def add_due(procedure_id: int) -> Any:
    """Record FA paid to an entitled person."""
    due_id = ledger.add_due(services(), api_actor(), procedure_id, _body())
    return jsonify({"id": due_id, "procedure_id": procedure_id}), 201


@api_roles(*CASE_ROLES)
def import_dues(procedure_id: int) -> Any:
    """Take the linked FA case's paid payments as dues."""
    count = ledger.import_fa_dues(services(), api_actor(), procedure_id)
    return jsonify({"procedure_id": procedure_id, "imported": count})


@api_roles(*CASE_ROLES)
def record_receipt(procedure_id: int) -> Any:
    """Record an amount recovered from the debtor (applied and split per art. 27-28)."""
    receipt_id = ledger.record_receipt(services(), api_actor(), procedure_id, _body())
    view = procedures.read_procedure(services(), api_actor(), procedure_id)
    receipt = next(r for r in view.receipts if r.id == receipt_id)
    return jsonify(to_json(receipt)), 201


@api_roles(*CASE_ROLES)
def debtor_deadlines() -> Any:
    """The open steps of every debtor procedure with their statutory deadlines."""
    return jsonify(to_json(procedures.deadlines(services(), api_actor())))


ROUTES = (
    ("/debtors", list_procedures, ("GET",)),
    ("/debtors", open_procedure, ("POST",)),
    ("/debtors/<int:procedure_id>", read_procedure, ("GET",)),
    ("/debtors/<int:procedure_id>/dues", add_due, ("POST",)),
    ("/debtors/<int:procedure_id>/dues/import", import_dues, ("POST",)),
    ("/debtors/<int:procedure_id>/receipts", record_receipt, ("POST",)),
    ("/debtor-deadlines", debtor_deadlines, ("GET",)),
)


def register(bp: Blueprint) -> None:
    """Add the routes to the API blueprint."""
    for rule, view, methods in ROUTES:
        bp.add_url_rule(rule, endpoint=f"debtors_{view.__name__}", view_func=view,
                        methods=list(methods))
