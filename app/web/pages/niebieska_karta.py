"""Pages of the Niebieska Karta procedure: the procedures a user may see, starting one with
form A from a person's register entry, and a procedure's page (its steps, meetings, forms, plan,
closing, and the head's assignment of the group).

Least privilege is the service's (:mod:`app.services.niebieska_karta`): only the people assigned
and the head of the centre read a procedure (403 for anyone else, an admin included), every read
is audited. Each form is the service's input schema with Polish titles, re-rendered with its
errors (422) or the conflict explained (409) when refused.
"""

from __future__ import annotations

from typing import Any

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from app.domain.messages.codes_nk import NkCode
from app.domain.niebieska_karta import REGULATION
from app.services.kernel.errors import Conflict, ServiceError
from app.services.niebieska_karta import procedures, records
from app.services.social_work import records as social_work
from app.web.context import services
from app.web.security import actor, page_roles
from app.web.ui.formatting import service_message, today

from . import niebieska_karta_forms as forms
from .social_work import _form, _read, _translated, _version

# Who may reach the pages at all; the service decides per procedure.
NK_ROLES = ("caseworker", "supervisor", "head")
_INVALID = "Formularz zawiera błędy; popraw zaznaczone pola."


def _labels() -> dict[str, dict[str, str]]:
    return {"step": forms.step_labels(), "event": forms.event_labels(),
            "ground": forms.ground_labels(), "form": forms.form_labels(),
            "violence": forms.violence_labels()}


def may_see_any(who: Any) -> bool:
    """Whether the menu shows the Niebieska Karta link to this user."""
    return procedures.may_see_any(services(), who)


@page_roles(*NK_ROLES)
def procedure_list() -> Any:
    """The procedures the user is assigned to (all of them for the head)."""
    return render_template("pages/niebieska_karta_list.html",
                           rows=procedures.list_procedures(services(), actor()),
                           labels=_labels())


@page_roles("caseworker")
def procedure_new(person_id: int) -> Any:
    """Form A for a person of the register (the person affected); the person suspected is
    chosen from the people who shared a household with them."""
    family = social_work.family_of(services(), actor(), person_id)
    lead, others = family[0], [(m.person_id, m.name) for m in family[1:]]
    schema = forms.start_schema(others)
    page = {"lead": lead, "regulation": REGULATION, "labels": _labels()}
    if request.method == "GET":
        return render_template("pages/niebieska_karta_new.html", form=_form(
            schema, {"affected_present": True, "started_on": today().isoformat()}), **page)
    raw, payload, errors = _read(schema)
    status, problem = 422, _(_INVALID)
    if not errors:
        try:
            saved = procedures.start(services(), actor(), {"affected_id": person_id, **payload},
                                     page=True)
            flash(_("Wszczęto procedurę „Niebieskie Karty”."), "success")
            return redirect(url_for("pages.nk_detail", procedure_id=saved.id))
        except ServiceError as exc:
            errors, status, problem = _translated(exc), exc.status, service_message(exc.message)
    return render_template("pages/niebieska_karta_new.html", form=_form(schema, raw, errors),
                           problem=problem, **page), status


def _render(procedure_id: int, target: str = "", raw: dict[str, Any] | None = None,
            errors: dict[str, str] | None = None, problem: str | None = None,
            conflict: bool = False, status: int = 200) -> Any:
    view = procedures.read(services(), actor(), procedure_id)
    day = today().isoformat()
    starting = {"handover": {"handed_on": day}, "meeting": {"met_on": day},
                "form": {"on": day, "form": "B"}, "plan": {"on": day},
                "closing": {"closed_on": day}}

    def form(key: str, schema: dict[str, Any]) -> dict[str, Any]:
        mine = key == target
        return _form(schema, raw if mine else starting.get(key, {}), errors if mine else None, key)

    member = None
    if view.can_assign:
        member = form("member", forms.member_schema(
            procedures.candidates(services(), actor())))
    return render_template(
        "pages/niebieska_karta.html", proc=view, target=target, problem=problem,
        conflict=conflict, labels=_labels(), regulation=REGULATION,
        handover=form("handover", forms.handover_schema()),
        meeting=form("meeting", forms.meeting_schema()),
        record_form=form("form", forms.form_schema()), plan=form("plan", forms.plan_schema()),
        closing=form("closing", forms.closing_schema()), member=member,
        is_member=any(m.user_id == actor().id for m in view.members)), status


@page_roles(*NK_ROLES)
def detail(procedure_id: int) -> Any:
    """A procedure's page: the read is audited by the service (403 when not assigned)."""
    return _render(procedure_id)


def _submit(procedure_id: int, target: str, schema: dict[str, Any], call: Any, done: str,
            shape: Any = None) -> Any:
    raw, payload, errors = _read(schema, target)
    if errors:
        return _render(procedure_id, target, raw, errors, _(_INVALID), status=422)
    try:
        call({**(shape(payload) if shape else payload), "version": _version()})
    except ServiceError as exc:
        if getattr(exc.message, "code", None) == NkCode.NOT_ASSIGNED:
            abort(403)
        return _render(procedure_id, target, raw, _translated(exc, target),
                       service_message(exc.message), conflict=isinstance(exc, Conflict),
                       status=exc.status)
    flash(done, "success")
    return redirect(url_for("pages.nk_detail", procedure_id=procedure_id) + f"#{target}")


def _attendees(payload: dict[str, Any]) -> dict[str, Any]:
    lines = [line.strip() for line in str(payload.get("attendees") or "").splitlines()]
    return {**payload, "attendees": [line for line in lines if line]}


@page_roles(*NK_ROLES)
def hand_over(procedure_id: int) -> Any:
    """Form A handed to the team's chair."""
    return _submit(procedure_id, "handover", forms.handover_schema(), lambda p: records.hand_over(
        services(), actor(), procedure_id, p, page=True), _("Zapisano przekazanie formularza A."))


@page_roles(*NK_ROLES)
def meeting(procedure_id: int) -> Any:
    """A meeting of the group."""
    return _submit(procedure_id, "meeting", forms.meeting_schema(),
                   lambda p: records.record_meeting(services(), actor(), procedure_id, p,
                                                    page=True),
                   _("Zapisano posiedzenie grupy."), shape=_attendees)


@page_roles(*NK_ROLES)
def record_form(procedure_id: int) -> Any:
    """Form B, C or D."""
    return _submit(procedure_id, "form", forms.form_schema(), lambda p: records.record_form(
        services(), actor(), procedure_id, p, page=True), _("Zapisano formularz."))


@page_roles(*NK_ROLES)
def plan(procedure_id: int) -> Any:
    """The plan of help."""
    return _submit(procedure_id, "plan", forms.plan_schema(), lambda p: records.record_plan(
        services(), actor(), procedure_id, p, page=True), _("Zapisano plan pomocy."))


@page_roles(*NK_ROLES)
def close(procedure_id: int) -> Any:
    """Close the procedure."""
    return _submit(procedure_id, "closing", forms.closing_schema(), lambda p: records.close(
        services(), actor(), procedure_id, p, page=True), _("Procedura została zakończona."))


@page_roles("head")
def assign(procedure_id: int) -> Any:
    """The head assigns a member of the group."""
    schema = forms.member_schema(procedures.candidates(services(), actor()))
    return _submit(procedure_id, "member", schema, lambda p: procedures.assign_member(
        services(), actor(), procedure_id, p, page=True), _("Przypisano członka grupy."))


# (rule, endpoint, view, methods): added to the pages blueprint by its package.
ROUTES = (
    ("/niebieska-karta", "nk_list", procedure_list, ("GET",)),
    ("/persons/<int:person_id>/niebieska-karta/new", "nk_new", procedure_new, ("GET", "POST")),
    ("/niebieska-karta/<int:procedure_id>", "nk_detail", detail, ("GET",)),
    ("/niebieska-karta/<int:procedure_id>/handover", "nk_handover", hand_over, ("POST",)),
    ("/niebieska-karta/<int:procedure_id>/meetings", "nk_meeting", meeting, ("POST",)),
    ("/niebieska-karta/<int:procedure_id>/forms", "nk_form", record_form, ("POST",)),
    ("/niebieska-karta/<int:procedure_id>/plan", "nk_plan", plan, ("POST",)),
    ("/niebieska-karta/<int:procedure_id>/close", "nk_close", close, ("POST",)),
    ("/niebieska-karta/<int:procedure_id>/members", "nk_member", assign, ("POST",)),
)
