"""API routes of social work: a family's record, visits and notes, goals, kontrakty socjalne,
their reviews and outcome, and the social work given in a period (read by MRPiPS-03)."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, jsonify, request

from app.domain.digits import parse_ascii_int
from app.domain.messages import Code, msg
from app.domain.views import to_json
from app.services.kernel.errors import ValidationFailed
from app.services.kernel.inputs.formats import Refused, read_date
from app.services.social_work import contracts, period, records
from app.web.context import services
from app.web.security import api_actor, api_roles

CASE_ROLES = ("caseworker", "supervisor")


def _body() -> Any:
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        raise ValidationFailed(msg(Code.JSON_OBJECT_EXPECTED), {"body": msg(Code.JSON_OBJECT_EXPECTED)})
    return data


def _day(name: str) -> date:
    raw = request.args.get(name)
    try:
        return read_date(raw or "")
    except Refused as refused:
        message = msg(Code.REQUIRED) if not raw else refused.message
        raise ValidationFailed(msg(Code.REQUEST_INVALID), {name: message}) from None


@api_roles(*CASE_ROLES)
def list_records() -> Any:
    """The records (of one person's families with ``?person_id=``)."""
    raw = request.args.get("person_id")
    person_id = None
    if raw is not None:
        person_id = parse_ascii_int(raw)
        if person_id is None:
            raise ValidationFailed(msg(Code.REQUEST_INVALID), {"person_id": msg(Code.INTEGER_EXPECTED)})
    return jsonify(to_json(records.list_records(services(), api_actor(), person_id)))


@api_roles(*CASE_ROLES)
def open_record() -> Any:
    """Open a family's record."""
    return jsonify(to_json(records.open_record(services(), api_actor(), _body()))), 201


@api_roles(*CASE_ROLES)
def get_record(record_id: int) -> Any:
    """A family's whole record (the read is audited)."""
    return jsonify(to_json(records.get_record(services(), api_actor(), record_id)))


@api_roles(*CASE_ROLES)
def update_record(record_id: int) -> Any:
    """Change the plan of help or close the record (with its version as read)."""
    return jsonify(to_json(records.update_record(services(), api_actor(), record_id, _body())))


@api_roles(*CASE_ROLES)
def add_entry(record_id: int) -> Any:
    """Record a visit or a note."""
    return jsonify(to_json(records.add_entry(services(), api_actor(), record_id, _body()))), 201


@api_roles(*CASE_ROLES)
def add_goal(record_id: int) -> Any:
    """Set a goal."""
    return jsonify(to_json(records.add_goal(services(), api_actor(), record_id, _body()))), 201


@api_roles(*CASE_ROLES)
def update_goal(record_id: int, goal_id: int) -> Any:
    """A goal achieved, dropped or open again (with the record's version as read)."""
    return jsonify(to_json(records.update_goal(services(), api_actor(), record_id, goal_id, _body())))


@api_roles(*CASE_ROLES)
def record_contract(record_id: int) -> Any:
    """A kontrakt socjalny concluded, or the person's refusal to conclude one."""
    return jsonify(to_json(contracts.record_contract(services(), api_actor(), record_id, _body()))), 201


@api_roles(*CASE_ROLES)
def review_stage(contract_id: int) -> Any:
    """A stage's review (with the contract's version as read)."""
    return jsonify(to_json(contracts.review_stage(services(), api_actor(), contract_id, _body())))


@api_roles(*CASE_ROLES)
def record_outcome(contract_id: int) -> Any:
    """A contract's outcome: fulfilled, broken or ended."""
    return jsonify(to_json(contracts.record_outcome(services(), api_actor(), contract_id, _body())))


@api_roles(*CASE_ROLES)
def given() -> Any:
    """Social work given from ``?start=`` to ``?end=`` (families, persons, contracts)."""
    return jsonify(to_json(period.given_in_period(services(), api_actor(), _day("start"), _day("end"))))


ROUTES = (
    ("/social-work", list_records, ("GET",)),
    ("/social-work", open_record, ("POST",)),
    ("/social-work/given", given, ("GET",)),
    ("/social-work/<int:record_id>", get_record, ("GET",)),
    ("/social-work/<int:record_id>/update", update_record, ("POST",)),
    ("/social-work/<int:record_id>/entries", add_entry, ("POST",)),
    ("/social-work/<int:record_id>/goals", add_goal, ("POST",)),
    ("/social-work/<int:record_id>/goals/<int:goal_id>", update_goal, ("POST",)),
    ("/social-work/<int:record_id>/contracts", record_contract, ("POST",)),
    ("/social-contracts/<int:contract_id>/review", review_stage, ("POST",)),
    ("/social-contracts/<int:contract_id>/outcome", record_outcome, ("POST",)),
)


def register(bp: Blueprint) -> None:
    """Add the routes to the API blueprint."""
    for rule, view, methods in ROUTES:
        bp.add_url_rule(rule, endpoint=f"social_work_{view.__name__}", view_func=view,
                        methods=list(methods))
