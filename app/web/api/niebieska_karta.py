"""API routes of the Niebieska Karta procedure: start it with form A, read it (audited; the
people assigned and the head of the centre only), record its steps, assign the group, and the
bare flag a benefit case of the same family shows."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify, request

from app.domain.messages import Code, msg
from app.domain.views import to_json
from app.services.kernel.errors import ValidationFailed
from app.services.niebieska_karta import procedures, records
from app.web.context import services
from app.web.security import api_actor, api_roles

# The first gate only: each procedure's readers are the service's to decide.
NK_ROLES = ("caseworker", "supervisor", "head")


def _body() -> Any:
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise ValidationFailed(msg(Code.JSON_OBJECT_EXPECTED), {"body": msg(Code.JSON_OBJECT_EXPECTED)})
    return data


@api_roles(*NK_ROLES)
def list_procedures() -> Any:
    """The procedures the caller is assigned to (every one for the head)."""
    return jsonify(to_json(procedures.list_procedures(services(), api_actor())))


@api_roles("caseworker")
def start() -> Any:
    """Start a procedure with form A."""
    return jsonify(to_json(procedures.start(services(), api_actor(), _body()))), 201


@api_roles(*NK_ROLES)
def get_procedure(procedure_id: int) -> Any:
    """A whole procedure (the read is audited)."""
    return jsonify(to_json(procedures.read(services(), api_actor(), procedure_id)))


@api_roles(*NK_ROLES)
def hand_over(procedure_id: int) -> Any:
    """Form A handed to the chair of the interdisciplinary team."""
    return jsonify(to_json(records.hand_over(services(), api_actor(), procedure_id, _body())))


@api_roles(*NK_ROLES)
def meeting(procedure_id: int) -> Any:
    """A meeting of the diagnostic and support group."""
    return jsonify(to_json(records.record_meeting(services(), api_actor(), procedure_id,
                                                  _body()))), 201


@api_roles(*NK_ROLES)
def record_form(procedure_id: int) -> Any:
    """Form B, C or D."""
    return jsonify(to_json(records.record_form(services(), api_actor(), procedure_id,
                                               _body()))), 201


@api_roles(*NK_ROLES)
def plan(procedure_id: int) -> Any:
    """The individual plan of help."""
    return jsonify(to_json(records.record_plan(services(), api_actor(), procedure_id,
                                               _body()))), 201


@api_roles(*NK_ROLES)
def close(procedure_id: int) -> Any:
    """Close the procedure on its ground."""
    return jsonify(to_json(records.close(services(), api_actor(), procedure_id, _body())))


@api_roles("head")
def assign(procedure_id: int) -> Any:
    """The head assigns a member of the group."""
    return jsonify(to_json(procedures.assign_member(services(), api_actor(), procedure_id,
                                                    _body())))


@api_roles("caseworker", "supervisor")
def family_flag(case_id: int) -> Any:
    """Whether a procedure runs in this case's family: a bare flag, never its content."""
    return jsonify({"case_id": case_id, "procedure_in_family": procedures.runs_in_family(
        services(), api_actor(), case_id)})


ROUTES = (
    ("/niebieska-karta", list_procedures, ("GET",)),
    ("/niebieska-karta", start, ("POST",)),
    ("/niebieska-karta/<int:procedure_id>", get_procedure, ("GET",)),
    ("/niebieska-karta/<int:procedure_id>/handover", hand_over, ("POST",)),
    ("/niebieska-karta/<int:procedure_id>/meetings", meeting, ("POST",)),
    ("/niebieska-karta/<int:procedure_id>/forms", record_form, ("POST",)),
    ("/niebieska-karta/<int:procedure_id>/plan", plan, ("POST",)),
    ("/niebieska-karta/<int:procedure_id>/close", close, ("POST",)),
    ("/niebieska-karta/<int:procedure_id>/members", assign, ("POST",)),
    ("/cases/<int:case_id>/niebieska-karta", family_flag, ("GET",)),
)


def register(bp: Blueprint) -> None:
    """Add the routes to the API blueprint."""
    for rule, view, methods in ROUTES:
        bp.add_url_rule(rule, endpoint=f"nk_{view.__name__}", view_func=view,
                        methods=list(methods))
