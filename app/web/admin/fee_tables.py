"""Administration of the care services' fee tables (art. 50 ust. 6 u.p.s.): each dated table of
the rada gminy's resolution, its income bands against the criterion and the fee as a share of
the cost of an hour. A table used by a decision is not edited: a changed resolution is a new
table from its date. An edit made from an older version is refused (409), as other admin edits."""

from __future__ import annotations

from typing import Any

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from app.domain.digits import parse_ascii_int
from app.domain.messages import msg
from app.domain.messages.codes_upsb import UpsbCode
from app.services.kernel.errors import Conflict, NotFound, ValidationFailed
from app.services.kernel.inputs.formats import Refused, read_date
from app.services.provision import fee_tables
from app.web.context import services
from app.web.security import actor, page_roles

from .blueprint import bp

BAND_ROWS = 8


def _form_values() -> tuple[dict[str, Any], dict[str, Any], dict[str, str]]:
    """The typed form as the service takes it, and the raw values to show again."""
    raw = {k: request.form.get(k, "")[:301] for k in ("valid_from", "hourly_cost", "resolution")}
    bands, shown = [], []
    for i in range(BAND_ROWS):
        up_to = request.form.get(f"band_up_to_{i}", "").strip()[:20]
        fee = request.form.get(f"band_fee_{i}", "").strip()[:20]
        shown.append({"up_to": up_to, "fee_percent": fee})
        if up_to or fee:
            bands.append({"up_to": up_to, "fee_percent": fee})
    values: dict[str, Any] = {**raw, "bands": bands}
    errors: dict[str, str] = {}
    try:
        values["valid_from"] = read_date(raw["valid_from"], page=True)
    except Refused as refused:
        errors["valid_from"] = refused.message
    return values, {**raw, "bands": shown}, errors


def _band_errors(errors: dict[str, str], values: dict[str, Any],
                 shown: dict[str, Any]) -> dict[str, str]:
    """The service's ``bands[i].x`` errors under the form row that was typed there."""
    rows = [i for i, b in enumerate(shown["bands"]) if b["up_to"] or b["fee_percent"]]
    out = {}
    for key, text in errors.items():
        if key.startswith("bands[") and "]." in key:
            index = int(key[6:key.index("]")])
            field = key.split(".", 1)[1]
            row = rows[index] if index < len(rows) else index
            out[f"band_{'up_to' if field == 'up_to' else 'fee'}_{row}"] = text
        else:
            out[key] = text
    return out


def _page(template_values: dict[str, Any] | None = None, errors: dict[str, str] | None = None,
          editing: Any = None, status: int = 200) -> Any:
    tables = fee_tables.list_tables(services(), actor())
    if template_values is None:
        base = editing or (tables[0] if tables else None)
        template_values = {"valid_from": editing.valid_from.isoformat() if editing else "",
                           "hourly_cost": str(base.hourly_cost).replace(".", ",") if base else "",
                           "resolution": base.resolution if base else "",
                           "bands": [{"up_to": "" if b.up_to is None else str(b.up_to),
                                      "fee_percent": str(b.fee_percent)}
                                     for b in (base.bands if base else ())]}
    bands = list(template_values["bands"]) + [{"up_to": "", "fee_percent": ""}] * BAND_ROWS
    return render_template("admin/fee_tables.html", tables=tables, values=template_values,
                           bands=bands[:BAND_ROWS], errors=errors or {}, editing=editing), status


@bp.get("/fee-tables")
@page_roles("admin")
def fee_tables_page() -> Any:
    """The fee tables, and a form for a new one (filled from the newest)."""
    return _page()


def _save(table_id: int | None, editing: Any) -> Any:
    values, shown, errors = _form_values()
    base = parse_ascii_int(request.form.get("base_version", "")) if table_id else None
    try:
        fee_tables.save_table(services(), actor(), values, table_id, base)
    except ValidationFailed as exc:
        found = {**dict(exc.errors), **errors}
        return _page(shown, _band_errors(found, values, shown), editing, 422)
    except Conflict as exc:
        return _page(shown, {"form": exc.message}, editing, 409)
    flash(_("Tabela odpłatności została zapisana."), "success")
    return redirect(url_for("admin.fee_tables_page"))


@bp.post("/fee-tables")
@page_roles("admin")
def fee_table_add() -> Any:
    """Save a new table."""
    return _save(None, None)


def _table(table_id: int) -> Any:
    found = next((t for t in fee_tables.list_tables(services(), actor()) if t.id == table_id),
                 None)
    if found is None:
        raise NotFound(msg(UpsbCode.FEE_TABLE_NOT_FOUND))
    return found


@bp.get("/fee-tables/<int:table_id>")
@page_roles("admin")
def fee_table_edit(table_id: int) -> Any:
    """The form of one table, to edit (only while no decision used it)."""
    return _page(editing=_table(table_id))


@bp.post("/fee-tables/<int:table_id>")
@page_roles("admin")
def fee_table_save(table_id: int) -> Any:
    """Save an edited table from the version the form was opened at."""
    return _save(table_id, _table(table_id))
