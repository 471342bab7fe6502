"""Payment lists: the run, the list, approval by a second supervisor, the three exports, and
marking payments paid or returned (and reissuing a returned one)."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from app.services import payments
from app.services.kernel import inputs
from app.services.kernel.errors import ServiceError, ValidationFailed
from app.web.context import services
from app.web.security import actor, page_roles
from app.web.ui.formatting import service_message, today

CASE_ROLES = ("caseworker", "supervisor")


def _back(list_id: int) -> Any:
    return redirect(url_for("pages.payment_list", list_id=list_id))


def _error(exc: ServiceError) -> None:
    """Flash a service error in Polish, with each field's (e.g. each payment's) problem."""
    flash(service_message(exc.message, exc.status), "error")
    if isinstance(exc, ValidationFailed):
        for text in exc.errors.values():
            flash(service_message(text), "error")


@page_roles(*CASE_ROLES)
def payment_lists() -> Any:
    """All payment lists, newest first; a supervisor can start the run for a month."""
    rows = payments.list_payment_lists(services(), actor())
    return render_template("pages/payments.html", lists=rows, default_month=today().strftime("%Y-%m"),
                           latest_month=_latest_month())


def _latest_month() -> str:
    """The latest month a run may pay (YYYY-MM), for the form's bound."""
    return f"{payments.latest_month(services()):%Y-%m}"


@page_roles("supervisor")
def payment_run() -> Any:
    """Run the monthly payment run for the chosen month (running twice adds nothing)."""
    raw = request.form.get("month", "")
    try:
        if len(raw) != 7:
            raise ValueError(raw)
        month = date.fromisoformat(f"{raw}-01")
    except ValueError:
        flash(_("Podaj miesiąc w formacie RRRR-MM."), "error")
        return redirect(url_for("pages.payment_lists"))
    try:
        result = payments.monthly_payment_run(services(), month, actor())
    except ValidationFailed as exc:
        # E.g. a month more than one month ahead: the page again with the reason, 422.
        flash(service_message(exc.message, exc.status), "error")
        rows = payments.list_payment_lists(services(), actor())
        return render_template("pages/payments.html", lists=rows, default_month=raw,
                               latest_month=_latest_month()), 422
    except ServiceError as exc:
        _error(exc)
        return redirect(url_for("pages.payment_lists"))
    if not result.created:
        flash(_("Brak nowych wypłat do ujęcia na liście za %(month)s.", month=raw), "info")
        return redirect(url_for("pages.payment_lists"))
    flash(_("Wypłaty dodane do listy za %(month)s: %(count)d.", count=result.created, month=raw),
          "success")
    if len(result.lists) > 1:
        flash(_("Wypłaty trafiły na listy kilku terminów wypłaty: %(count)d.",
                count=len(result.lists)), "info")
    return redirect(url_for("pages.payment_list", list_id=result.list_id))


@page_roles(*CASE_ROLES)
def payment_list(list_id: int) -> Any:
    """One payment list with its payments."""
    data = payments.payment_list(services(), actor(), list_id)
    return render_template("pages/payment_list.html", plist=data,
                           today=today().isoformat(), kinds=payments.KINDS)


@page_roles("supervisor")
def approve(list_id: int) -> Any:
    """Approve a draft list (not by the person who ran it: a clear message, 403)."""
    try:
        payments.approve_list(services(), actor(), list_id)
    except ServiceError as exc:
        _error(exc)
        if exc.status == 403:
            data = payments.payment_list(services(), actor(), list_id)
            return render_template("pages/payment_list.html", plist=data, today=today().isoformat(),
                                   kinds=payments.KINDS), 403
        return _back(list_id)
    flash(_("Lista wypłat została zatwierdzona."), "success")
    return _back(list_id)


@page_roles("supervisor")
def export(list_id: int, kind: str) -> Any:
    """Download an export of an approved list (the same file each time; audited)."""
    try:
        f = payments.export_list(services(), actor(), list_id, kind)
    except ServiceError as exc:
        _error(exc)
        return _back(list_id)
    return Response(f.content, mimetype=f.mimetype,
                    headers={"Content-Disposition": f"attachment; filename={f.filename}"})


@page_roles("supervisor")
def settle_list(list_id: int) -> Any:
    """Mark every unsettled payment of the list paid (or returned)."""
    try:
        body = inputs.validate("SettleRequest", _settle_form())  # a date input: ISO only
        done = payments.mark_list(services(), actor(), list_id, body["outcome"], body["on"],
                                  body.get("ref", ""))
        flash(_("Oznaczono wypłat: %(count)d.", count=done.marked), "success")
    except ServiceError as exc:
        _error(exc)
    return _back(list_id)


@page_roles("supervisor")
def settle_payment(list_id: int, payment_id: int) -> Any:
    """Mark one payment paid or returned."""
    try:
        body = inputs.validate("SettleRequest", _settle_form())  # a date input: ISO only
        payments.mark_payment(services(), actor(), payment_id, body["outcome"], body["on"],
                              body.get("ref", ""))
        flash(_("Zapisano rozliczenie wypłaty nr %(id)d.", id=payment_id), "success")
    except ServiceError as exc:
        _error(exc)
    return _back(list_id)


def _settle_form() -> dict[str, str]:
    """The settlement form's fields as typed (empty ones left out: the schema names them)."""
    return {k: request.form[k] for k in ("outcome", "on", "ref") if request.form.get(k, "").strip()}


@page_roles("supervisor")
def reissue(list_id: int, payment_id: int) -> Any:
    """Reissue a returned payment on the next list, by transfer to a corrected account or cash."""
    try:
        new = payments.reissue(services(), actor(), payment_id, request.form.get("method", ""),
                               request.form.get("account") or None)
    except ServiceError as exc:
        _error(exc)
        return _back(list_id)
    flash(_("Wypłatę wystawiono ponownie na liście nr %(id)d.", id=new.list_id), "success")
    return _back(new.list_id)
