"""The monthly lists of meals and care services as files: XLSX (amounts and hours as numbers)
and PDF (headed with the centre, for the provider or the file), in the document's language
(Polish by default), every text cell of the XLSX through ``spreadsheet.append_row``."""

from __future__ import annotations

import io
from datetime import datetime
from decimal import Decimal

from markupsafe import escape
from openpyxl import Workbook
from openpyxl.styles import Font

from app.domain.messages import msg
from app.domain.messages import provision_wording as w
from app.domain.messages.codes_upsb import UpsbCode
from app.domain.money import format_money
from app.services.documents import wording
from app.services.documents.office import office
from app.services.documents.pdf import render_pdf
from app.services.documents.spreadsheet import append_row
from app.services.kernel import audit
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import ValidationFailed
from app.services.provision import lists
from app.services.provision.views import FuneralsList, MealsList, ProvisionFile, ServicesList

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
XLSX_MONEY = '#,##0.00\\ "zł"'
KINDS = ("xlsx", "pdf")


# kind -> (sheet, title, columns, note, money columns (1-based), file name)
LAYOUT = {
    "meals": (w.SHEET_MEALS, w.MEALS_TITLE, w.MEALS_COLUMNS, w.MEALS_NOTE, (), "posilki"),
    "services": (w.SHEET_SERVICES, w.SERVICES_TITLE, w.SERVICES_COLUMNS, w.SERVICES_NOTE,
                 (9, 10), "uslugi"),
    "funerals": (w.SHEET_FUNERALS, w.FUNERALS_TITLE, w.FUNERALS_COLUMNS, w.FUNERALS_NOTE, (6,),
                 "pogrzeby"),
}


def _kind(found: lists.AnyList) -> str:
    return "meals" if isinstance(found, MealsList) else \
        "services" if isinstance(found, ServicesList) else "funerals"


def _month(found: lists.AnyList) -> str:
    return found.month.strftime("%m.%Y")


def _hours(value: object) -> str:
    return format_money(value).removesuffix(" zł").removesuffix("\u00a0zł")  # type: ignore[arg-type]


def _table(found: lists.AnyList, lang: str) -> list[tuple[str, list[list[object]]]]:
    """(heading, rows) sections: one per provider for meals and funerals, one for services."""
    if isinstance(found, FuneralsList):
        return [(wording.text(w.FUNERALS_PROVIDER, lang, provider=p.provider),
                 [[n, r.case_number, r.name, r.decision_number, r.funeral_on.strftime("%d.%m.%Y"),
                   r.cost] for n, r in enumerate(p.rows, 1)] +
                 [["", wording.text(w.TOTAL, lang), "", "", "", p.cost]])
                for p in found.providers]
    if isinstance(found, MealsList):
        return [(wording.text(w.MEALS_PROVIDER, lang, provider=p.provider),
                 [[n, r.case_number, r.name, r.decision_number, r.meals_per_day, r.days, r.meals,
                   ""] for n, r in enumerate(p.rows, 1)] +
                 [["", wording.text(w.TOTAL, lang), "", "", "", "", p.meals, ""]])
                for p in found.providers]
    rows: list[list[object]] = [
        [n, r.case_number, r.name, r.decision_number, r.hours_per_week, r.days, r.hours,
         r.fee_percent, r.fee_per_hour, r.fee] for n, r in enumerate(found.rows, 1)]
    rows.append(["", wording.text(w.TOTAL, lang), "", "", "", "", found.hours, "", "", found.fees])
    return [("", rows)] if found.rows else []


def _xlsx(found: lists.AnyList, lang: str) -> bytes:
    sheet, title, heads, note, money, _name = LAYOUT[_kind(found)]
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = wording.text(sheet, lang)
    append_row(ws, [wording.text(title, lang, month=_month(found))])
    ws.cell(row=1, column=1).font = Font(bold=True)
    sections = _table(found, lang)
    for heading, rows in sections:
        if heading:
            append_row(ws, [heading])
        append_row(ws, [wording.text(h, lang) for h in heads])
        for cell in ws[ws.max_row]:
            cell.font = Font(bold=True)
        for row in rows:
            append_row(ws, row)
            for col in money:
                ws.cell(row=ws.max_row, column=col).number_format = XLSX_MONEY
    if not sections:
        append_row(ws, [wording.text(w.EMPTY, lang)])
    append_row(ws, [])
    append_row(ws, [wording.text(note, lang)])
    for letter, width in zip("ABCDEFGHIJ", (5, 16, 28, 18, 12, 10, 12, 14, 14, 14), strict=True):
        ws.column_dimensions[letter].width = width
    # Fixed document times, so the same month's list gives the same file.
    wb.properties.created = datetime(found.month.year, found.month.month, 1)
    wb.properties.modified = datetime(found.month.year, found.month.month, 1)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _cell(value: object) -> str:
    if isinstance(value, Decimal):
        return str(escape(_hours(value)))
    return str(escape(str(value)))


def _pdf(found: lists.AnyList, centre: str, lang: str) -> bytes:
    _sheet, title, columns, note_text, _money, _name = LAYOUT[_kind(found)]
    heads = "".join(f"<th>{escape(wording.text(h, lang))}</th>" for h in columns)
    parts = [f"<p class='centre'>{escape(centre)}</p>",
             f"<h1>{escape(wording.text(title, lang, month=_month(found)))}</h1>"]
    sections = _table(found, lang)
    for heading, rows in sections:
        if heading:
            parts.append(f"<h2>{escape(heading)}</h2>")
        body = "".join("<tr>" + "".join(f"<td>{_cell(v)}</td>" for v in row) + "</tr>"
                       for row in rows)
        parts.append(f"<table><thead><tr>{heads}</tr></thead><tbody>{body}</tbody></table>")
    if not sections:
        parts.append(f"<p>{escape(wording.text(w.EMPTY, lang))}</p>")
    note = wording.text(note_text, lang)
    parts.append(f"<p class='note'>{escape(note)}</p>")
    html = (f"<!doctype html><html lang='{escape(lang)}'><head><meta charset='utf-8'></head>"
            f"<body>{''.join(parts)}</body></html>")
    css = ("table{width:100%;border-collapse:collapse;font-size:8.5pt;table-layout:fixed}"
           "td,th{border:1px solid #444;padding:3pt}h2{font-size:11pt}.note{font-size:8pt}"
           "@page{size:A4 landscape}")
    return render_pdf(html, css)


def export(ctx: ServiceContext, actor: Actor, kind: str, month_text: str, fmt: str,
           lang: str = wording.DEFAULT) -> ProvisionFile:
    """The list of ``kind`` ("meals", "services" or "funerals") for the month as ``fmt`` ("xlsx", "pdf");
    case roles, audited."""
    lists.require_case_role(actor)
    if fmt not in KINDS:
        raise ValidationFailed(msg(UpsbCode.LIST_KIND), {"format": msg(UpsbCode.LIST_KIND)})
    month = lists.parse_month(month_text)
    found = lists.read_list(ctx, actor, kind, month)
    with ctx.uow() as uow:
        body = office(uow)
        centre = f"{body.centre_name}, {body.centre_address}" if body else ""
        audit.record(uow, "provision.list_exported", actor.id, kind=kind, format=fmt,
                     month=month.isoformat())
        uow.commit()
    name = f"{LAYOUT[kind][5]}-{month:%Y-%m}.{fmt}"
    if fmt == "xlsx":
        return ProvisionFile(fmt, name, XLSX, _xlsx(found, lang))
    return ProvisionFile(fmt, name, "application/pdf", _pdf(found, centre, lang))
