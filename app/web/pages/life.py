"""A decision's life from the case file: an appeal that arrived after finality, forwarding it to
the SKO, the SKO's ruling, and opening a change or revocation. Each form posts here; a refused
submission re-renders the case file with the message, the fields marked and the input kept."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from app.domain.digits import parse_ascii_int
from app.services.appeals import appeal as appeals
from app.services.appeals import sko
from app.services.case_file import view as case_view
from app.services.decisions import decision_changes
from app.services.kernel.errors import ServiceError, ValidationFailed
from app.web.context import services
from app.web.security import actor, page_roles
from app.web.ui.formatting import service_message

CASE_ROLES = ("caseworker", "supervisor")
_TEXT_LIMIT = 4100


def _form(*names: str) -> dict[str, Any]:
    """The named fields as submitted (trimmed to a sane length; empty ones left out)."""
    data: dict[str, Any] = {}
    for name in names:
        value = request.form.get(name, "")[:_TEXT_LIMIT]
        if value != "":
            data[name] = value
    return data


def _refused(case_id: int, exc: ServiceError, form_name: str, values: dict[str, Any]) -> Any:
    """The case file again, with what was wrong (and the input kept), at the service's status."""
    errors = {k: service_message(v) for k, v in exc.errors.items()} \
        if isinstance(exc, ValidationFailed) else {}
    case = case_view.get_case(services(), actor(), case_id)
    return render_template("pages/case.html", case=case, life_problem=service_message(exc.message),
                           life_form=form_name, life_errors=errors, life_values=values), exc.status


def _back(case_id: int) -> Any:
    return redirect(url_for("pages.case_detail", case_id=case_id) + "#zycie-decyzji")


@page_roles(*CASE_ROLES)
def record_appeal(case_id: int) -> Any:
    """Record an appeal that arrived after the decision was recorded final."""
    data = _form("channel", "posted_on", "received_on", "cause_ceased_on")
    data["restoration_requested"] = request.form.get("restoration_requested") in ("1", "on")
    try:
        appeal = appeals.record_appeal(services(), actor(), case_id, data, page=True)
    except ServiceError as exc:
        return _refused(case_id, exc, "appeal", data)
    if appeal.timely:
        flash(_("Odwołanie nadano w terminie: decyzja nie stała się ostateczna."), "success")
    else:
        flash(_("Odwołanie nadano po terminie (art. 134 KPA); przekaż je do SKO."), "warning")
    return _back(case_id)


def _appeal_case(appeal_id: int) -> int:
    return parse_ascii_int(request.form.get("case_id", "")) or 0


@page_roles("supervisor")
def forward_appeal(appeal_id: int) -> Any:
    """Forward an appeal to the SKO, or change the decision in a re-examination case."""
    case_id = _appeal_case(appeal_id)
    data = _form("action", "version", "demand", "demand_amount", "demand_from", "demand_to")
    data["grants_in_full"] = request.form.get("grants_in_full") == "1"
    try:
        sko.forward_appeal(services(), actor(), appeal_id, data)
    except ServiceError as exc:
        if not case_id:
            raise
        return _refused(case_id, exc, f"forward-{appeal_id}", data)
    flash(_("Zapisano."), "success")
    return _back(case_id) if case_id else redirect(url_for("pages.deadlines"))


@page_roles("supervisor")
def sko_outcome(appeal_id: int) -> Any:
    """Record the SKO's ruling and apply it to the decision and its payments."""
    case_id = _appeal_case(appeal_id)
    data = _form("sko_outcome", "sko_ruling_on", "sko_reference", "restoration_ruling",
                 "sko_kind", "sko_amount", "sko_period_from", "sko_period_to", "version")
    try:
        sko.record_outcome(services(), actor(), appeal_id, data, page=True)
    except ServiceError as exc:
        if not case_id:
            raise
        return _refused(case_id, exc, f"sko-{appeal_id}", data)
    flash(_("Zapisano rozstrzygnięcie SKO."), "success")
    return _back(case_id)


@page_roles(*CASE_ROLES)
def request_change(case_id: int) -> Any:
    """Open a change or revocation of the case's issued grant from a date, with a reason."""
    data = _form("kind", "effective_from", "reason", "amount", "ground", "ground_text",
                 "party_consent_on")
    try:
        change_id = decision_changes.request_change(services(), actor(), case_id, data, page=True)
    except ServiceError as exc:
        return _refused(case_id, exc, "change", data)
    flash(_("Wszczęto sprawę z urzędu; projekt decyzji przygotuje pracownik, zatwierdzi kierownik."),
          "success")
    return redirect(url_for("pages.case_detail", case_id=change_id))
