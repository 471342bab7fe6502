"""Pages of social work (praca socjalna): the records, a family's record (its plan of help,
visits and notes, goals and kontrakty socjalne) and the forms that change it.

Each form is the service's input schema with Polish titles (:mod:`.social_work_forms`), read with
``schema_form`` and handed to the same service as the API's, with ``page=True`` (dd.mm.rrrr dates);
a refusal re-renders the page with the Polish errors beside their fields and what was typed kept,
a change made on an older version is a 409 with the conflict explained (never a 500).
"""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from app.domain.digits import parse_ascii_int
from app.domain.social_work import REGULATION
from app.services.cases import register
from app.services.kernel.errors import Conflict, ServiceError, ValidationFailed
from app.services.social_work import contracts, records
from app.web.context import services
from app.web.security import actor, page_roles
from app.web.ui import schema_form
from app.web.ui.formatting import service_message, today

from . import social_work_forms as forms

CASE_ROLES = ("caseworker", "supervisor")


def _form(schema: dict[str, Any], raw: dict[str, Any] | None = None,
          errors: dict[str, str] | None = None, prefix: str = "") -> dict[str, Any]:
    """A form's fields; ``prefix`` keeps the names (and ids) of the record page's several forms
    apart (``entry.text``, ``goal.text``)."""
    fields = schema_form.build_fields(schema, raw or {}, errors or {}, prefix)
    return {"fields": fields, "labels": schema_form.field_labels(fields), "errors": errors or {},
            "general": schema_form.unplaced_errors(fields, errors or {})}


def _read(schema: dict[str, Any], prefix: str = "") -> tuple[dict[str, Any], dict[str, Any], dict[str, str]]:
    """What the form sent: raw (kept for a re-render), typed payload, the form's own errors."""
    raw = schema_form.raw_from_form(schema, request.form, prefix)
    payload, errors = schema_form.convert(schema, raw, prefix)
    return raw, payload, errors


def _translated(exc: ServiceError, prefix: str = "") -> dict[str, str]:
    """A refusal's field errors in the interface language, under the page's input names."""
    if not isinstance(exc, ValidationFailed):
        return {}
    return {schema_form.join(prefix, k): service_message(v) for k, v in exc.errors.items()}


def _version() -> int | None:
    return parse_ascii_int((request.form.get("version") or "").strip())


@page_roles(*CASE_ROLES)
def record_list() -> Any:
    """Every family's record of social work (newest first)."""
    return render_template("pages/social_work_list.html",
                           rows=records.list_records(services(), actor()))


def _person_choices(person_id: int) -> tuple[Any, list[tuple[int, str]], list[tuple[int, str]]]:
    family = records.family_of(services(), actor(), person_id)
    person = register.get_person(services(), actor(), person_id)
    cases = [(c.id, f"{c.number} ({c.opened_on.strftime('%d.%m.%Y')})") for c in person.cases]
    return family[0], [(m.person_id, m.name) for m in family[1:]], cases


@page_roles(*CASE_ROLES)
def record_new(person_id: int) -> Any:
    """Open a family's record for a person of the register (with or without a benefit case)."""
    lead, others, cases = _person_choices(person_id)
    schema = forms.record_schema(others, cases)
    if request.method == "GET":
        return render_template("pages/social_work_new.html", lead=lead, form=_form(schema))
    raw, payload, errors = _read(schema)
    status, problem = 422, _("Formularz zawiera błędy; popraw zaznaczone pola.")
    if not errors:
        try:
            saved = records.open_record(services(), actor(), {"person_id": person_id, **payload},
                                        page=True)
            flash(_("Założono akta pracy socjalnej."), "success")
            return redirect(url_for("pages.social_work_record", record_id=saved.id))
        except ServiceError as exc:
            errors, status, problem = _translated(exc), exc.status, service_message(exc.message)
    return render_template("pages/social_work_new.html", lead=lead, form=_form(schema, raw, errors),
                           problem=problem), status


def _render(record_id: int, target: str = "", raw: dict[str, Any] | None = None,
            errors: dict[str, str] | None = None, problem: str | None = None,
            conflict: bool = False, status: int = 200) -> Any:
    view = records.get_record(services(), actor(), record_id)

    def form(key: str, schema: dict[str, Any]) -> dict[str, Any]:
        mine = key == target
        values = raw if mine else ({"help_plan": view.help_plan} if key == "plan" else
                                   {"on": today().isoformat(), "kind": "visit"} if key == "entry" else {})
        return _form(schema, values, errors if mine else None, key.replace("-", ""))

    return render_template(
        "pages/social_work.html", record=view, target=target, problem=problem, conflict=conflict,
        plan=form("plan", forms.plan_schema()), entry=form("entry", forms.entry_schema()),
        goal=form("goal", forms.goal_schema()),
        reviews={c.id: form(f"review-{c.id}", forms.review_schema()) for c in view.contracts},
        outcomes={c.id: form(f"outcome-{c.id}", forms.outcome_schema()) for c in view.contracts},
        labels={"entry": forms.entry_labels(), "goal": forms.goal_labels(),
                "contract": forms.contract_labels(), "part": forms.form_part_labels()},
        max_date=today().isoformat()), status


@page_roles(*CASE_ROLES)
def record(record_id: int) -> Any:
    """A family's record: the read is audited by the service."""
    return _render(record_id)


def _submit(record_id: int, target: str, schema: dict[str, Any], call: Any, done: str) -> Any:
    """Read the form, call the service, and redirect, or re-render with the errors (or the
    conflict) and the input kept."""
    prefix = target.replace("-", "")
    raw, payload, errors = _read(schema, prefix)
    if errors:
        return _render(record_id, target, raw, errors,
                       _("Formularz zawiera błędy; popraw zaznaczone pola."), status=422)
    try:
        call(payload)
    except ServiceError as exc:
        return _render(record_id, target, raw, _translated(exc, prefix), service_message(exc.message),
                       conflict=isinstance(exc, Conflict), status=exc.status)
    flash(done, "success")
    anchor = "contracts" if target.startswith(("review", "outcome")) else target
    return redirect(url_for("pages.social_work_record", record_id=record_id) + f"#{anchor}")


@page_roles(*CASE_ROLES)
def update_plan(record_id: int) -> Any:
    """Change the plan of help (with the version as read)."""
    return _submit(record_id, "plan", forms.plan_schema(), lambda p: records.update_record(
        services(), actor(), record_id, {**p, "version": _version()}, page=True),
        _("Zapisano plan pomocy."))


@page_roles(*CASE_ROLES)
def add_entry(record_id: int) -> Any:
    """Record a visit or a note."""
    return _submit(record_id, "entry", forms.entry_schema(), lambda p: records.add_entry(
        services(), actor(), record_id, p, page=True), _("Zapisano wpis."))


@page_roles(*CASE_ROLES)
def add_goal(record_id: int) -> Any:
    """Set a goal."""
    return _submit(record_id, "goal", forms.goal_schema(), lambda p: records.add_goal(
        services(), actor(), record_id, p, page=True), _("Dodano cel."))


@page_roles(*CASE_ROLES)
def update_goal(record_id: int, goal_id: int) -> Any:
    """Mark a goal achieved or dropped (with the version as read)."""
    try:
        records.update_goal(services(), actor(), record_id, goal_id,
                            {"version": _version(), "status": request.form.get("status", "")},
                            page=True)
    except ServiceError as exc:
        return _render(record_id, "goals", problem=service_message(exc.message),
                       conflict=isinstance(exc, Conflict), status=exc.status)
    flash(_("Zapisano cel."), "success")
    return redirect(url_for("pages.social_work_record", record_id=record_id) + "#goals")


@page_roles(*CASE_ROLES)
def review_stage(record_id: int, contract_id: int) -> Any:
    """Record a stage's review."""
    stage = parse_ascii_int((request.form.get("stage_id") or "").strip())
    return _submit(record_id, f"review-{contract_id}", forms.review_schema(),
                   lambda p: contracts.review_stage(services(), actor(), contract_id, {
                       **p, "version": _version(), "stage_id": stage}, page=True),
                   _("Zapisano przegląd etapu."))


@page_roles(*CASE_ROLES)
def contract_outcome(record_id: int, contract_id: int) -> Any:
    """Record a contract's outcome."""
    return _submit(record_id, f"outcome-{contract_id}", forms.outcome_schema(),
                   lambda p: contracts.record_outcome(services(), actor(), contract_id, {
                       **p, "version": _version()}, page=True),
                   _("Zapisano wynik kontraktu."))


@page_roles(*CASE_ROLES)
def contract_new(record_id: int) -> Any:
    """A kontrakt socjalny (or the person's refusal to conclude one) on the regulation's form."""
    view = records.get_record(services(), actor(), record_id)
    schema = forms.contract_schema([(m.person_id, m.name) for m in view.members])
    page = {"record": view, "regulation": REGULATION, "max_date": today().isoformat()}
    if request.method == "GET":
        start = {"status": "signed", "form_part": "A", "person_id": view.person_id,
                 "concluded_on": today().isoformat(), "stages": [{}]}
        return render_template("pages/social_contract_new.html", form=_form(schema, start), **page)
    raw = schema_form.raw_from_form(schema, request.form)
    action = request.form.get("_action", "")
    if action and schema_form.apply_row_action(raw, action):
        return render_template("pages/social_contract_new.html", form=_form(schema, raw), **page)
    payload, errors = schema_form.convert(schema, raw)
    status, problem = 422, _("Formularz zawiera błędy; popraw zaznaczone pola.")
    if not errors:
        try:
            contracts.record_contract(services(), actor(), record_id, payload, page=True)
            flash(_("Zapisano kontrakt socjalny.") if payload.get("status") == "signed"
                  else _("Zapisano odmowę zawarcia kontraktu socjalnego."), "success")
            return redirect(url_for("pages.social_work_record", record_id=record_id) + "#contracts")
        except ServiceError as exc:
            errors, status, problem = _translated(exc), exc.status, service_message(exc.message)
    return render_template("pages/social_contract_new.html", form=_form(schema, raw, errors),
                           problem=problem, **page), status


# (rule, endpoint, view, methods): added to the pages blueprint by its package.
ROUTES = (
    ("/social-work", "social_work_list", record_list, ("GET",)),
    ("/persons/<int:person_id>/social-work/new", "social_work_new", record_new, ("GET", "POST")),
    ("/social-work/<int:record_id>", "social_work_record", record, ("GET",)),
    ("/social-work/<int:record_id>/plan", "social_work_plan", update_plan, ("POST",)),
    ("/social-work/<int:record_id>/entries", "social_work_entries", add_entry, ("POST",)),
    ("/social-work/<int:record_id>/goals", "social_work_goals", add_goal, ("POST",)),
    ("/social-work/<int:record_id>/goals/<int:goal_id>", "social_work_goal", update_goal, ("POST",)),
    ("/social-work/<int:record_id>/contracts/new", "social_contract_new", contract_new, ("GET", "POST")),
    ("/social-work/<int:record_id>/contracts/<int:contract_id>/review", "social_contract_review",
     review_stage, ("POST",)),
    ("/social-work/<int:record_id>/contracts/<int:contract_id>/outcome", "social_contract_outcome",
     contract_outcome, ("POST",)),
)
