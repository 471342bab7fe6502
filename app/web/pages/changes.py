"""Legal parameter changes: the running grants they affect, and changing decisions drafted for
them (a supervisor chooses; each becomes a case that a caseworker drafts and a supervisor signs)."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from app.domain.digits import parse_ascii_int
from app.services.decisions import parameter_changes
from app.services.kernel.errors import ServiceError
from app.web.context import services
from app.web.security import actor, page_roles
from app.web.ui.formatting import service_message


@page_roles("supervisor")
def changes() -> Any:
    """Running grants whose amount changes with a legal parameter change."""
    grants = parameter_changes.affected_grants(services(), actor())
    return render_template("pages/changes.html", grants=grants)


@page_roles("supervisor")
def draft_changes() -> Any:
    """Open a change case for each ticked grant."""
    chosen = []
    for value in request.form.getlist("grant")[:500]:
        case_id, _sep, day = value.partition("@")
        chosen.append({"case_id": case_id if parse_ascii_int(case_id) else "x",
                       "effective_from": day})
    if not chosen:
        flash(_("Zaznacz co najmniej jedną decyzję."), "error")
        return redirect(url_for("pages.changes"))
    try:
        opened = parameter_changes.draft_changes(services(), actor(), chosen)
    except ServiceError as exc:
        flash(service_message(exc.message), "error")
        return redirect(url_for("pages.changes"))
    flash(_("Wszczęto sprawy zmiany decyzji (liczba: %(num)d); projekty przygotują pracownicy "
            "socjalni, a zatwierdzi kierownik.", num=len(opened)), "success")
    return redirect(url_for("pages.changes"))
