"""Administration of the issuing body and the signers' authorisations (staff data only)."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from app.services.documents import office
from app.services.kernel import inputs
from app.services.kernel.errors import ServiceError, ValidationFailed
from app.services.kernel.formats import Refused, read_date
from app.web.context import services
from app.web.security import actor, page_roles
from app.web.ui import schema_form
from app.web.ui.centre import forget
from app.web.ui.formatting import service_message
from app.web.ui.schema_kinds import options_of

from .blueprint import bp

# Both forms of the page are their input schemas, rendered (the page texts are the schemas').
OFFICE = inputs.SCHEMAS["OfficeSettings"]
AUTHORISATION = inputs.SCHEMAS["SignerAuthorisation"]
# The element ids of both forms start so (the names of their fields differ).
ID_PREFIX = "o-"


def _page(values: dict[str, str] | None = None, errors: dict[str, str] | None = None,
          auth_values: dict[str, str] | None = None, auth_errors: dict[str, str] | None = None,
          status: int = 200) -> Any:
    if values is None:
        with services().uow(readonly=True) as uow:
            body = office.office(uow)
        values = {f: getattr(body, f) for f in office.OFFICE_FIELDS} if body else {}
    return render_template(
        "admin/office.html", errors=errors or {}, auth_errors=auth_errors or {},
        fields=schema_form.build_fields(OFFICE, values, errors, id_prefix=ID_PREFIX),
        auth_fields=schema_form.build_fields(AUTHORISATION, auth_values, auth_errors,
                                             id_prefix=ID_PREFIX),
        acts=dict(options_of(AUTHORISATION["properties"]["act"]) or []),
        authorisations=office.list_authorisations(services(), actor())), status


@bp.get("/office")
@page_roles("admin")
def office_page() -> Any:
    """The issuing body as documents print it, and who may sign decisions under which act."""
    return _page()


@bp.post("/office")
@page_roles("admin")
def office_save() -> Any:
    """Save the issuing body."""
    values = {k: str(v)[:1001] for k, v in schema_form.raw_from_form(OFFICE, request.form).items()}
    try:
        office.set_office(services(), actor(), values)
    except ValidationFailed as exc:
        return _page(values, exc.errors, status=422)
    forget()
    flash(_("Dane organu zostały zapisane."), "success")
    return redirect(url_for("admin.office_page"))


@bp.post("/authorisations")
@page_roles("admin")
def authorisation_add() -> Any:
    """Record a signer's authorisation."""
    values = {k: str(v).strip()[:201]
              for k, v in schema_form.raw_from_form(AUTHORISATION, request.form).items()}
    typed, errors = inputs.read("SignerAuthorisation", {k: v for k, v in values.items() if v},
                                page=True)
    if not errors:
        try:
            office.authorise(services(), actor(), typed["username"], typed["act"],
                             typed["position"], typed["number"], typed["issued_on"],
                             typed.get("valid_until"))
        except ValidationFailed as exc:
            errors = dict(exc.errors)
        except ServiceError as exc:
            errors = {"username": exc.message}
    if errors:
        return _page(auth_values=values, auth_errors=errors, status=422)
    flash(_("Upoważnienie zostało zapisane."), "success")
    return redirect(url_for("admin.office_page"))


@bp.post("/authorisations/<int:authorisation_id>/revoke")
@page_roles("admin")
def authorisation_revoke(authorisation_id: int) -> Any:
    """Revoke an authorisation from a date (decisions issued before keep it)."""
    try:
        on = read_date(request.form.get("on", ""), page=True)
    except Refused as refused:
        flash(service_message(refused.message), "error")
    else:
        try:
            office.revoke(services(), actor(), authorisation_id, on)
            flash(_("Upoważnienie zostało cofnięte."), "success")
        except ServiceError as exc:
            flash(service_message(exc.message), "error")
    return redirect(url_for("admin.office_page"))
