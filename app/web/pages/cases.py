"""Cases: the list, registering a new application, the case file and its decision documents."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from app.domain import benefits
from app.domain.digits import parse_ascii_int
from app.domain.statuses import CaseKind, CaseStatus
from app.services.case_file import view as case_view
from app.services.cases import opening as cases
from app.services.cases import register
from app.services.cases.register_views import ApplicationCheck
from app.services.debtors import procedures as debtor_procedures
from app.services.documents import document_store, letters
from app.services.kernel import inputs
from app.services.kernel.errors import ServiceError, ValidationFailed
from app.services.kernel.inputs.documents import MIN_DAYS
from app.web.context import services
from app.web.downloads import pdf_response
from app.web.security import actor, page_roles
from app.web.ui import schema_form
from app.web.ui.formatting import service_message, today

from .application_form import application_schema, left_out, sections

CASE_ROLES = ("caseworker", "supervisor")

# The decision document is a complete, autoescaped HTML page; it needs nothing but its own styles.
_DOCUMENT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"


@page_roles(*CASE_ROLES)
def case_list() -> Any:
    """Recent cases (GET), or cases found by PESEL, surname or case number (POST).

    The search is a POST so that a PESEL or a surname never lands in a URL, the browser's
    history or an access log.
    """
    status = request.values.get("status", "")
    status = status if status in (CaseStatus.OPEN, CaseStatus.CLOSED) else ""
    query = request.form.get("q", "").strip() if request.method == "POST" else ""
    if query:
        try:
            rows = register.search_cases(services(), actor(), query, status)
        except ValidationFailed as exc:
            return render_template("pages/cases.html", cases=[], q=query[:100], status=status,
                                   problem=service_message(exc.message)), 422
    else:
        rows = case_view.list_cases(services(), actor())
        if status:
            rows = [r for r in rows if r.status == status]
    return render_template("pages/cases.html", cases=rows, q=query, status=status,
                           searched=bool(query))


def _render_new(raw: dict[str, Any], errors: dict[str, str], status: int = 200,
                problem: str | None = None, check: ApplicationCheck | None = None,
                applicant_names: dict[str, str] | None = None) -> Any:
    fields = schema_form.build_fields(application_schema(), raw, errors)
    schema_form.show_for_benefit(fields, raw.get("benefit"))
    return render_template(
        "pages/case_new.html", f=sections(fields), fields=fields, errors=errors,
        general_errors=schema_form.unplaced_errors(fields, errors), problem=problem,
        labels=schema_form.field_labels(fields),
        max_date=today().isoformat(), check=check, names=applicant_names or {},
    ), status


def _names(payload: dict[str, Any]) -> dict[str, str]:
    """Each application path's declared name, for the register check panel."""
    people = [payload.get("applicant"), *(payload.get("members") or [])]
    names = {}
    for i, p in enumerate(people):
        if isinstance(p, dict):
            path = "applicant" if i == 0 else f"members[{i - 1}]"
            names[path] = f"{p.get('first_name', '')} {p.get('last_name', '')}".strip()
    return names


@page_roles(*CASE_ROLES)
def case_new() -> Any:
    """Register an application (wniosek) and start its case."""
    if request.method == "GET":
        return _render_new({"members": []}, {})
    schema = application_schema()
    raw = schema_form.raw_from_form(schema, request.form)
    action = request.form.get("_action", "")
    if action and schema_form.apply_row_action(raw, action):
        return _render_new(raw, {})
    payload, errors = schema_form.convert(schema, raw)
    payload = left_out(payload)
    payload.setdefault("members", [])
    if errors:
        # Also ask the service what else is wrong, so every error shows in one round trip.
        try:
            cases.validate_application(payload, today(), page=True)
        except ValidationFailed as exc:
            errors = {**{k: service_message(v) for k, v in exc.errors.items()}, **errors}
        return _render_new(raw, errors, 422, _("Wniosek zawiera błędy; popraw zaznaczone pola."))
    if request.form.get("_checked") != "1":
        # First submit: show what the register knows of these people before registering.
        try:
            check = cases.check_application(services(), actor(), payload, page=True)
        except ValidationFailed as exc:
            translated = {k: service_message(v) for k, v in exc.errors.items()}
            return _render_new(raw, translated, 422, service_message(exc.message))
        matches = any(p.matches for p in check.possible_matches)
        if check.differences or check.open_cases or check.household_changes or matches:
            return _render_new(raw, {}, 200, check=check, applicant_names=_names(payload))
    payload["register_update"] = request.form.get("register_update") == "1"
    try:
        case_id = cases.open_case(services(), actor(), payload, page=True)
    except ValidationFailed as exc:
        translated = {k: service_message(v) for k, v in exc.errors.items()}
        return _render_new(raw, translated, 422, service_message(exc.message))
    except ServiceError as exc:
        return _render_new(raw, {}, exc.status, service_message(exc.message))
    flash(_("Wniosek został zarejestrowany."), "success")
    return redirect(url_for("pages.case_detail", case_id=case_id))


@page_roles(*CASE_ROLES)
def case_detail(case_id: int) -> Any:
    """The case file (the read is audited by the service)."""
    case = case_view.get_case(services(), actor(), case_id)
    # A debtor case (FA, art. 3-5) links to its procedure's page (one more read, only there).
    debtor_procedure = (debtor_procedures.procedure_of_case(services(), actor(), case_id)
                        if case.kind == CaseKind.DEBTOR else None)
    # An FA case (the entitled persons') offers to open the debtor procedure linked to it.
    fa_case = case.kind != CaseKind.DEBTOR and benefits.act_of(case.benefit) == "fa"
    # A Niebieska Karta procedure in the family: a bare notice, never its content.
    return render_template("pages/case.html", case=case, debtor_procedure=debtor_procedure,
                           fa_case=fa_case, nk_in_family=case.nk_in_family)


@page_roles(*CASE_ROLES)
def confirm_register(case_id: int, person_id: int) -> Any:
    """Apply what the case declared about one person to the register (caseworker confirmed)."""
    version = request.form.get("version", "")
    try:
        register.confirm_case_changes(services(), actor(), case_id, person_id,
                                      parse_ascii_int(version))
        flash(_("Dane w kartotece zostały zaktualizowane."), "success")
    except ServiceError as exc:
        flash(service_message(exc.message), "error")
    return redirect(url_for("pages.case_detail", case_id=case_id) + "#kartoteka")


@page_roles(*CASE_ROLES)
def person_detail(person_id: int) -> Any:
    """A register entry: current data, its change history and the person's cases (audited)."""
    person = register.get_person(services(), actor(), person_id)
    return render_template("pages/person.html", person=person)


@page_roles(*CASE_ROLES)
def decision_document(case_id: int, decision_id: int) -> Any:
    """The decision as issued: the stored, printable document."""
    html = case_view.decision_document(services(), actor(), case_id, decision_id)
    return Response(html, mimetype="text/html", headers={"Content-Security-Policy": _DOCUMENT_CSP})


@page_roles(*CASE_ROLES)
def document_download(case_id: int, document_id: int) -> Any:
    """An issued document (PDF) of the case, as stored; audited by the service."""
    content, name = document_store.download(services(), actor(), case_id, document_id)
    return pdf_response(content, name)


def _letter_schema(kind: str) -> dict[str, Any]:
    """The facts of a kind of letter: its input schema, which the page renders."""
    return inputs.SCHEMAS[f"LetterFacts_{kind}"]


def _letter_form(case_id: int, kind: str, values: dict[str, Any], errors: Mapping[str, str],
                 status: int = 200, problem: str | None = None) -> Any:
    fields = schema_form.build_fields(_letter_schema(kind), values, dict(errors)) if kind else []
    return render_template(
        "pages/letter_new.html", case_id=case_id, kind=kind, kinds=document_store.TITLES,
        letters=letters.LETTERS, fields=fields, problem=problem,
        kind_error=service_message(errors["kind"]) if "kind" in errors else None), status


@page_roles(*CASE_ROLES)
def letter_new(case_id: int) -> Any:
    """Pick a letter, fill its few fields, and issue it as a PDF document of the case."""
    kind = request.values.get("kind", "")
    kind = kind if kind in letters.LETTERS else ""
    if request.method == "GET" or not kind:
        # A term in days starts at the least the law allows.
        days = {"days": str(MIN_DAYS)} if kind and "days" in _letter_schema(kind)["properties"] else {}
        return _letter_form(case_id, kind, days, {})
    values = {k: str(v)[:4001]
              for k, v in schema_form.raw_from_form(_letter_schema(kind), request.form).items()}
    try:
        doc = letters.issue_letter(services(), actor(), case_id, kind, values, page=True)
    except ValidationFailed as exc:
        return _letter_form(case_id, kind, values, exc.errors, 422, service_message(exc.message))
    flash(_("Pismo zostało wystawione: %(title)s.", title=doc.title), "success")
    return redirect(url_for("pages.case_detail", case_id=case_id) + "#dokumenty")
