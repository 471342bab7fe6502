"""The calculator: POST /api/eligibility, POST /api/deadlines and the /symulator page.

Thin views: parse -> authorise -> call app.services.decisions.calculator -> render. Nothing is stored.
The two API routes use bearer tokens and are exempt from CSRF; the page form is CSRF-protected.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, jsonify, render_template, request

from app.domain.deadlines import Deadline
from app.extensions import csrf
from app.services.decisions import calculator
from app.services.kernel.errors import ValidationFailed
from app.web.security import api_roles, page_roles
from app.web.ui.formatting import today

from . import form

bp = Blueprint("calculator", __name__)
ROLES = ("caseworker", "supervisor")


@bp.post("/api/eligibility")
@csrf.exempt
@api_roles(*ROLES)
def api_eligibility() -> Any:
    """Eligibility, amounts and explanation of one benefit for a household (422 on bad input)."""
    return jsonify(calculator.eligibility(request.get_json(silent=True)).to_dict())


@bp.post("/api/deadlines")
@csrf.exempt
@api_roles(*ROLES)
def api_deadlines() -> Any:
    """A legal deadline (KPA, interview) with its explanation (422 on bad input)."""
    return jsonify(calculator.deadline(request.get_json(silent=True)).as_json())


def _render(raw: dict[str, Any], *, simulation: calculator.Simulation | None = None,
            household_errors: dict[str, str] | None = None,
            deadline: Deadline | None = None,
            deadline_errors: dict[str, str] | None = None, status: int = 200) -> Any:
    household_errors = household_errors or {}
    deadline_errors = deadline_errors or {}
    return render_template(
        "calculator/simulator.html",
        f=form.fields(raw, household_errors, deadline_errors),
        simulation=simulation,
        household_errors=household_errors,
        household_labels=form.error_labels(household_errors),
        deadline=deadline,
        deadline_errors=deadline_errors,
        deadline_labels=form.error_labels(deadline_errors),
        deadline_labels_by_kind=form.DEADLINE_LABELS,
        start_hints=form.DEADLINE_START_HINTS,
        placeholder=form.PLACEHOLDER,
        max_members=calculator.MAX_MEMBERS,
        field_label=form.field_label,
        message=form.message,
    ), status


@bp.route("/symulator", methods=["GET", "POST"])
@page_roles(*ROLES)
def simulator() -> Any:
    """The symulator: a household -> every benefit side by side; and a deadline calculator."""
    if request.method == "GET":
        return _render(form.initial(today()))
    raw = form.read_form(request.form)
    if not raw["members"]:
        raw["members"].append(form.empty_member())
    action = request.form.get("_action", "calculate")
    if form.apply_row_action(raw, action):
        return _render(raw)
    if action == "deadline":
        try:
            result = calculator.deadline(form.deadline_body(raw))
        except ValidationFailed as exc:
            errors = form.messages(form.deadline_errors(exc.errors))
            return _render(raw, deadline_errors=errors, status=422)
        return _render(raw, deadline=result)
    try:
        simulation = calculator.simulate(form.household_body(raw))
    except ValidationFailed as exc:
        return _render(raw, household_errors=form.messages(exc.errors), status=422)
    return _render(raw, simulation=simulation,
                   household_errors=form.messages(simulation.errors))
