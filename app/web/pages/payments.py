"""Payment lists: the monthly run, the list, supervisor approval and the bank export."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from app.services import payments
from app.services.errors import ServiceError
from app.web.security import actor, page_roles
from app.web.setup import services

from .formatting import service_message, today

CASE_ROLES = ("caseworker", "supervisor")


@page_roles(*CASE_ROLES)
def payment_lists() -> Any:
    """All payment lists, newest first; a supervisor can start the run for a month."""
    rows = payments.list_payment_lists(services(), actor())
    return render_template("pages/payments.html", lists=rows, default_month=today().strftime("%Y-%m"))


@page_roles("supervisor")
def payment_run() -> Any:
    """Run the monthly payment run for the chosen month (running twice adds nothing)."""
    raw = request.form.get("month", "")
    try:
        month = date.fromisoformat(f"{raw}-01")
    except ValueError:
        flash(_("Podaj miesiąc w formacie RRRR-MM."), "error")
        return redirect(url_for("pages.payment_lists"))
    try:
        result = payments.monthly_payment_run(services(), month, actor())
    except ServiceError as exc:
        flash(service_message(exc.message, exc.status), "error")
        return redirect(url_for("pages.payment_lists"))
    if not result.get("created"):
        flash(_("Brak nowych wypłat do ujęcia na liście za %(month)s.", month=raw), "info")
        return redirect(url_for("pages.payment_lists"))
    flash(_("Wypłaty dodane do listy za %(month)s: %(count)d.", count=result["created"], month=raw),
          "success")
    return redirect(url_for("pages.payment_list", list_id=result["list_id"]))


@page_roles(*CASE_ROLES)
def payment_list(list_id: int) -> Any:
    """One payment list with its payments."""
    data = payments.payment_list(services(), actor(), list_id)
    return render_template("pages/payment_list.html", plist=data)


@page_roles("supervisor")
def approve(list_id: int) -> Any:
    """Approve a draft list."""
    try:
        payments.approve_list(services(), actor(), list_id)
        flash(_("Lista wypłat została zatwierdzona."), "success")
    except ServiceError as exc:
        flash(service_message(exc.message, exc.status), "error")
    return redirect(url_for("pages.payment_list", list_id=list_id))


@page_roles("supervisor")
def export_csv(list_id: int) -> Any:
    """Download the bank file of an approved list (a POST: it marks the list exported)."""
    try:
        text = payments.export_list_csv(services(), actor(), list_id)
    except ServiceError as exc:
        flash(service_message(exc.message, exc.status), "error")
        return redirect(url_for("pages.payment_list", list_id=list_id))
    return Response(
        text, mimetype="text/csv",
        headers={"Content-Disposition": f"attachment; filename=lista-wyplat-{list_id}.csv"},
    )
