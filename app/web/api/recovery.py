"""API routes for undue benefits (findings, decisions, repayments, balances)."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, Response, jsonify, request

from app.domain.messages import Code, msg
from app.domain.views import to_json
from app.services.kernel.errors import ValidationFailed
from app.services.kernel.formats import Refused, read_date
from app.services.recovery import claims as recovery
from app.services.recovery import recovery_decisions
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
    try:  # strict YYYY-MM-DD within the year range; "" refused
        return read_date(raw)
    except Refused as refused:
        message = msg(Code.REQUIRED) if not raw else refused.message
        raise ValidationFailed(msg(Code.REQUEST_INVALID), {"on": message}) from None


@api_roles(*CASE_ROLES)
def case_recoveries(case_id: int) -> Any:
    """Undue benefits found in a case, with balances on ``?on=`` (default today)."""
    return jsonify(to_json(recovery.case_recoveries(services(), api_actor(), case_id, _on())))


@api_roles(*CASE_ROLES)
def record_finding(case_id: int) -> Any:
    """Record the finding of undue payments in a case."""
    return jsonify(to_json(recovery.record_finding(services(), api_actor(), case_id, _body()))), 201


@api_roles(*CASE_ROLES)
def draft_decision(recovery_id: int) -> Any:
    """Draft a recovery, write-off, deferral or instalments decision."""
    drafted = recovery_decisions.draft_decision(services(), api_actor(), recovery_id, _body())
    return jsonify(to_json(drafted)), 201


@api_roles("supervisor")
def approve_decision(decision_id: int) -> Any:
    """Approve and issue a drafted decision (a supervisor other than the drafter)."""
    return jsonify(to_json(recovery_decisions.approve_decision(services(), api_actor(), decision_id)))


@api_roles(*CASE_ROLES)
def record_final(decision_id: int) -> Any:
    """Record the day the recovery decision became final (the limitation runs from it)."""
    return jsonify(to_json(recovery_decisions.record_final(services(), api_actor(), decision_id, _body())))


@api_roles(*CASE_ROLES)
def decision_pdf(decision_id: int) -> Any:
    """The issued decision's PDF; its SHA-256 in the X-Content-SHA256 header."""
    data, sha, name = recovery_decisions.decision_pdf(services(), api_actor(), decision_id)
    return Response(data, mimetype="application/pdf", headers={
        "X-Content-SHA256": sha, "Content-Disposition": f'attachment; filename="{name}"'})


@api_roles(*CASE_ROLES)
def record_repayment(recovery_id: int) -> Any:
    """Record a repayment received."""
    return jsonify(to_json(recovery.record_repayment(services(), api_actor(), recovery_id, _body()))), 201


@api_roles(*CASE_ROLES)
def person_balance(person_id: int) -> Any:
    """A person's undue-benefit balance per case and in total."""
    return jsonify(to_json(recovery.person_balance(services(), api_actor(), person_id, _on())))


ROUTES = (
    ("/cases/<int:case_id>/recoveries", case_recoveries, ("GET",)),
    ("/cases/<int:case_id>/recoveries", record_finding, ("POST",)),
    ("/recoveries/<int:recovery_id>/decisions", draft_decision, ("POST",)),
    ("/recovery-decisions/<int:decision_id>/approve", approve_decision, ("POST",)),
    ("/recovery-decisions/<int:decision_id>/final", record_final, ("POST",)),
    ("/recovery-decisions/<int:decision_id>/pdf", decision_pdf, ("GET",)),
    ("/recoveries/<int:recovery_id>/repayments", record_repayment, ("POST",)),
    ("/persons/<int:person_id>/recovery-balance", person_balance, ("GET",)),
)


def register(bp: Blueprint) -> None:
    """Add the routes to the API blueprint."""
    for rule, view, methods in ROUTES:
        bp.add_url_rule(rule, endpoint=f"recovery_{view.__name__}", view_func=view,
                        methods=list(methods))
