"""Pages of the FA debtor procedure: the list, opening one (linked to an FA case or standalone
with the debtor's data), a procedure's steps and deadlines, and its ledger (dues, receipts).

Each form becomes the JSON body the API takes and goes to the same service, so the page and the
API refuse the same facts; a refusal re-renders the page with the message, the field errors and
what was typed."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.domain.digits import parse_ascii_int
from app.services.debtors import ledger, procedures
from app.services.kernel.errors import ServiceError, ValidationFailed
from app.web.context import services
from app.web.security import actor, page_roles
from app.web.ui.formatting import service_message, today

CASE_ROLES = ("caseworker", "supervisor")
_OPEN_FIELDS = ("first_name", "last_name", "pesel", "birth_date", "sex", "address",
                "creditor_gmina", "debtor_gmina", "request_received_on")
FIELD_LABELS = {
    "first_name": _l("Imię"), "last_name": _l("Nazwisko"), "pesel": _l("PESEL"),
    "birth_date": _l("Data urodzenia"), "sex": _l("Płeć"), "address": _l("Adres dłużnika"),
    "creditor_gmina": _l("Gmina wierzyciela"), "debtor_gmina": _l("Gmina dłużnika"),
    "request_received_on": _l("Data wpływu wniosku organu właściwego wierzyciela"),
    "fa_case_id": _l("Sprawa funduszu alimentacyjnego"), "paid_on": _l("Data wypłaty"),
    "amount": _l("Kwota"), "received_on": _l("Data wpływu"), "reference": _l("Dowód wpłaty"),
    "body": _l("Formularz"),
}


def _errors(exc: ServiceError | None) -> tuple[dict[str, str], dict[str, str]]:
    fields = ({k: service_message(v) for k, v in exc.errors.items()}
              if isinstance(exc, ValidationFailed) else {})
    return fields, {k: str(FIELD_LABELS.get(k.split(".")[0], FIELD_LABELS["body"])) for k in fields}


@page_roles(*CASE_ROLES)
def debtor_list() -> Any:
    """Every debtor procedure with its next deadline."""
    return render_template("pages/debtors.html",
                           rows=procedures.list_procedures(services(), actor()))


def _open_body(form: Any) -> dict[str, Any]:
    """The API's body from the form; the FA case is typed by its number (POM/2026/00042)."""
    body: dict[str, Any] = {k: form[k] for k in _OPEN_FIELDS if form.get(k, "").strip()}
    typed = form.get("fa_case_number", "").strip()
    if typed:
        found = procedures.case_reference(services(), actor(), number=typed)
        # An unknown number goes on as an id no case has: refused as not an FA case.
        body["fa_case_id"] = found[0] if found else 2**31 - 1
    return body


@page_roles(*CASE_ROLES)
def debtor_new() -> Any:
    """Open a debtor procedure: the debtor's data, both gminas, the request's date."""
    linked = parse_ascii_int(request.args.get("fa_case_id", "").strip())
    found = procedures.case_reference(services(), actor(), case_id=linked) if linked else None
    form: Any = request.form if request.method == "POST" else {
        "fa_case_number": found[1] if found else "", "request_received_on": today().isoformat()}
    if request.method == "POST":
        try:
            pid = procedures.open_procedure(services(), actor(), _open_body(request.form), page=True)
        except ServiceError as exc:
            fields, labels = _errors(exc)
            if "fa_case_id" in fields:  # the page's field is the case number
                fields["fa_case_number"] = fields.pop("fa_case_id")
                labels["fa_case_number"] = labels.pop("fa_case_id")
            return render_template("pages/debtor_new.html", form=form, fields=fields,
                                   labels=labels, problem=service_message(exc.message, exc.status),
                                   max_date=today().isoformat()), exc.status
        flash(_("Wszczęto postępowanie wobec dłużnika alimentacyjnego."), "success")
        return redirect(url_for("pages.debtor_detail", procedure_id=pid))
    return render_template("pages/debtor_new.html", form=form, fields={}, labels={},
                           problem=None, max_date=today().isoformat())


def _render(procedure_id: int, status: int = 200, exc: ServiceError | None = None,
            target: str = "") -> Any:
    view = procedures.read_procedure(services(), actor(), procedure_id)
    fields, labels = _errors(exc)
    return render_template(
        "pages/debtor.html", p=view, form=request.form if exc else {}, target=target,
        problem=service_message(exc.message, exc.status) if exc else None, fields=fields,
        labels=labels, max_date=today().isoformat()), status


@page_roles(*CASE_ROLES)
def debtor_detail(procedure_id: int) -> Any:
    """A procedure: the debtor, its steps with their deadlines, the ledger."""
    return _render(procedure_id)


@page_roles(*CASE_ROLES)
def add_due(procedure_id: int) -> Any:
    """Record FA paid to an entitled person."""
    body = {k: request.form.get(k, "") for k in ("paid_on", "amount")}
    try:
        ledger.add_due(services(), actor(), procedure_id, body, page=True)
    except ServiceError as exc:
        return _render(procedure_id, exc.status, exc, target="due")
    flash(_("Zapisano należność."), "success")
    return redirect(url_for("pages.debtor_detail", procedure_id=procedure_id) + "#naleznosci")


@page_roles(*CASE_ROLES)
def import_dues(procedure_id: int) -> Any:
    """Take the linked FA case's paid payments as dues."""
    try:
        count = ledger.import_fa_dues(services(), actor(), procedure_id)
    except ServiceError as exc:
        return _render(procedure_id, exc.status, exc, target="due")
    flash(_("Przeniesiono wypłaty ze sprawy funduszu alimentacyjnego: %(n)s.", n=count), "success")
    return redirect(url_for("pages.debtor_detail", procedure_id=procedure_id) + "#naleznosci")


@page_roles(*CASE_ROLES)
def record_receipt(procedure_id: int) -> Any:
    """Record an amount recovered from the debtor."""
    body = {k: request.form.get(k, "") for k in ("received_on", "amount")}
    if request.form.get("reference", "").strip():
        body["reference"] = request.form["reference"]
    try:
        ledger.record_receipt(services(), actor(), procedure_id, body, page=True)
    except ServiceError as exc:
        return _render(procedure_id, exc.status, exc, target="receipt")
    flash(_("Zapisano wpłatę i jej podział (art. 28)."), "success")
    return redirect(url_for("pages.debtor_detail", procedure_id=procedure_id) + "#wplaty")
