"""Pages for undue benefits: the case's "Nienależnie pobrane świadczenia" and a person's balance.

Each form is turned into the same JSON body the API takes and handed to the same service, so
the page and the API refuse the same false facts; a refusal re-renders the page with the
message, the field errors and everything typed (never a 500, never lost input).
"""

from __future__ import annotations

import re
from typing import Any

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.domain.digits import parse_ascii_int
from app.services.kernel import inputs
from app.services.kernel.errors import ServiceError, ValidationFailed
from app.services.recovery import claims as recovery
from app.services.recovery import recovery_decisions
from app.web.context import services
from app.web.security import actor, page_roles
from app.web.ui import schema_form
from app.web.ui.formatting import service_message, today
from app.web.ui.schema_form import Field

CASE_ROLES = ("caseworker", "supervisor")
_DECISION_FIELDS = ("kind", "justification", "repay_by", "account", "amount", "count", "first_due")


@page_roles(*CASE_ROLES)
def record_final(decision_id: int) -> Any:
    """Record the day the recovery decision became final (the limitation runs from it)."""
    case_id = _small_int(request.form.get("case_id")) or 0
    try:
        recovery_decisions.record_final(services(), actor(), decision_id,
                                        {"final_on": request.form.get("final_on", "")}, page=True)
    except ServiceError as exc:
        if not case_id:
            raise
        return _render(case_id, exc.status, exc, target=f"final-{decision_id}")
    flash(_("Zapisano."), "success")
    return redirect(url_for("pages.case_recoveries", case_id=case_id) if case_id else url_for("pages.index"))


def _small_int(text: str | None) -> int | None:
    """A form's id as an int, or None for anything that is not a short run of ASCII digits."""
    text = (text or "").strip()
    return parse_ascii_int(text)


# The label of each field the recovery forms send, as the page shows it: the error summary names
# the field of each error ("Kwota nienależna (pozycja 1): ..."), never only the message.
FIELD_LABELS = {
    "payments": _l("Nienależna"), "payment": _l("Wypłata"), "payment_id": _l("Wypłata"),
    "amount": _l("Kwota"), "ground": _l("Podstawa"),
    "legal_ground": _l("Podstawa z ustawy (decyduje o odsetkach)"), "fact": _l("Ustalony fakt"),
    "found_on": _l("Data ustalenia"),
    "learned_on": _l("Data, w której strona dowiedziała się o obowiązku (puste = doręczenie decyzji)"),
    "notice_override": _l("Powód ustalenia mimo braku pouczenia w decyzji"),
    "kind": _l("Rodzaj decyzji"), "justification": _l("Uzasadnienie"),
    "repay_by": _l("Termin zwrotu"), "account": _l("Rachunek organu"),
    "count": _l("Liczba rat"), "first_due": _l("Termin pierwszej raty"), "instalments": _l("Raty"),
    "received_on": _l("Data wpływu"), "final_on": _l("Ostateczna od"), "body": _l("Formularz"),
}
_PATH_PART = re.compile(r"([A-Za-z_]+)(?:\[(\d+)\])?")


def field_label(path: str) -> str:
    """The label of an error's field path: "fact" -> "Ustalony fakt", "payments[0].amount" ->
    "Kwota nienależna (pozycja 1)"; a path the forms do not send -> "Formularz"."""
    parts = [m for m in (_PATH_PART.fullmatch(p) for p in path.split(".")) if m]
    if not parts:
        return str(FIELD_LABELS["body"])
    name, index = parts[-1][1], next((m[2] for m in parts if m[2] is not None), None)
    if parts[0][1] == "payments" and name == "amount":
        label = _("Kwota nienależna")
    else:
        label = str(FIELD_LABELS.get(name, FIELD_LABELS["body"]))
    return _("%(label)s (pozycja %(n)s)", label=label, n=int(index) + 1) if index is not None else label


# The forms of each undue benefit, rendered from their input schemas: the form's name, its
# schema and the values it opens with.
RECOVERY_FORMS: tuple[tuple[str, dict[str, Any], dict[str, Any]], ...] = (
    ("decision", inputs.SCHEMAS["RecoveryDecisionDraft"], {"kind": "recovery"}),
    ("repayment", inputs.SCHEMAS["RecoveryRepayment"], {}))
# The dates a form records of the past: never after today.
_PAST_DATES = ("received_on",)


def _forms(recovery_ids: list[int], target: str, errors: dict[str, str]) -> dict[str, list[Field]]:
    """The fields of each recovery's forms by form id (``decision-7``); the one submitted keeps
    what was typed and its errors."""
    out: dict[str, list[Field]] = {}
    for rid in recovery_ids:
        for name, schema, initial in RECOVERY_FORMS:
            key = f"{name}-{rid}"
            mine = key == target
            values = schema_form.raw_from_form(schema, request.form) if mine else initial
            fields = schema_form.build_fields(schema, values, errors if mine else {},
                                              id_prefix=f"{key}-")
            for f in fields:
                if f.name in _PAST_DATES:
                    f.attrs["max"] = today().isoformat()
            out[key] = fields
    return out


def _render(case_id: int, status: int = 200, exc: ServiceError | None = None,
            target: str = "") -> Any:
    data = recovery.case_recoveries(services(), actor(), case_id)
    fields = ({k: service_message(v) for k, v in exc.errors.items()}
              if isinstance(exc, ValidationFailed) else {})
    labels = {k: field_label(k) for k in fields}
    return render_template(
        "pages/recoveries.html", data=data, form=request.form if exc else {}, target=target,
        problem=service_message(exc.message, exc.status) if exc else None, fields=fields,
        labels=labels, forms=_forms([r.id for r in data.recoveries], target, fields),
        max_date=today().isoformat(),
    ), status


@page_roles(*CASE_ROLES)
def case_recoveries(case_id: int) -> Any:
    """The undue benefits of a case, their decisions and balance."""
    return _render(case_id)


def _finding_body(form: Any) -> dict[str, Any]:
    payments = []
    for key in form.getlist("payment"):
        pid = _small_int(key)
        pid = key if pid is None else pid
        payments.append({"payment_id": pid, "amount": form.get(f"amount_{key}", "")})
    body: dict[str, Any] = {"payments": payments, "fact": form.get("fact", "")}
    legal = form.get("legal_ground", "")
    if legal:
        # FA and family benefits: the act's ground (its kind follows from it).
        body["legal_ground"] = legal
    else:
        body["ground"] = form.get("ground", "")
    for name in ("found_on", "learned_on", "notice_override"):
        if form.get(name, "").strip():
            body[name] = form[name]
    return body


@page_roles(*CASE_ROLES)
def record_finding(case_id: int) -> Any:
    """Record the finding from the case's form."""
    try:
        recovery.record_finding(services(), actor(), case_id, _finding_body(request.form), page=True)
    except ServiceError as exc:
        return _render(case_id, exc.status, exc, target="finding")
    flash(_("Zapisano ustalenie nienależnie pobranego świadczenia."), "success")
    return redirect(url_for("pages.case_recoveries", case_id=case_id))


def _decision_body(form: Any) -> dict[str, Any]:
    body: dict[str, Any] = {k: form[k] for k in _DECISION_FIELDS if form.get(k, "").strip()}
    if "count" in body:
        count = _small_int(body["count"])
        body["count"] = body["count"] if count is None else count
    return body


@page_roles(*CASE_ROLES)
def draft_decision(recovery_id: int) -> Any:
    """Draft a decision on the debt."""
    case_id = _small_int(request.form.get("case_id")) or 0
    try:
        recovery_decisions.draft_decision(services(), actor(), recovery_id, _decision_body(request.form),
                                          page=True)
    except ServiceError as exc:
        if not case_id:
            raise
        return _render(case_id, exc.status, exc, target=f"decision-{recovery_id}")
    flash(_("Projekt decyzji przekazano do zatwierdzenia."), "success")
    return redirect(url_for("pages.case_recoveries", case_id=case_id) if case_id else url_for("pages.index"))


@page_roles("supervisor")
def approve_decision(decision_id: int) -> Any:
    """Approve and issue a drafted decision."""
    case_id = _small_int(request.form.get("case_id")) or 0
    try:
        result = recovery_decisions.approve_decision(services(), actor(), decision_id)
        flash(_("Wydano decyzję nr %(number)s.", number=result.number), "success")
    except ServiceError as exc:
        flash(service_message(exc.message, exc.status), "error")
        if case_id:
            return _render(case_id, exc.status, exc)
        raise
    return redirect(url_for("pages.case_recoveries", case_id=case_id) if case_id else url_for("pages.index"))


@page_roles(*CASE_ROLES)
def decision_pdf(decision_id: int) -> Any:
    """Download the issued decision (the stored PDF, its hash checked)."""
    data, sha, name = recovery_decisions.decision_pdf(services(), actor(), decision_id)
    return Response(data, mimetype="application/pdf", headers={
        "X-Content-SHA256": sha, "Content-Disposition": f'attachment; filename="{name}"'})


@page_roles(*CASE_ROLES)
def record_repayment(recovery_id: int) -> Any:
    """Record a repayment received."""
    form = request.form
    case_id = _small_int(form.get("case_id")) or 0
    body: dict[str, Any] = {"received_on": form.get("received_on", ""), "amount": form.get("amount", "")}
    if form.get("accept_overpayment"):
        body["accept_overpayment"] = True
    try:
        recovery.record_repayment(services(), actor(), recovery_id, body, page=True)
    except ServiceError as exc:
        if not case_id:
            raise
        return _render(case_id, exc.status, exc, target=f"repayment-{recovery_id}")
    flash(_("Zapisano wpłatę."), "success")
    return redirect(url_for("pages.case_recoveries", case_id=case_id) if case_id else url_for("pages.index"))


@page_roles(*CASE_ROLES)
def person_recoveries(person_id: int) -> Any:
    """A person's undue-benefit balance per case and in total."""
    data = recovery.person_balance(services(), actor(), person_id)
    return render_template("pages/person_recoveries.html", data=data)
