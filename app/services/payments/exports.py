"""Exports of an approved list: the Elixir-O bank file (transfers), the cash-desk list as PDF
(cash payments, with a signature column) and the whole list as XLSX (every text cell written as
text, never as a formula: :mod:`app.services.documents.spreadsheet`). The centre is named as the
office settings name it (the bank file's ordering party, the lists' heading). A list with no
transfer has no bank file: the export says so (``payments.list_no_transfers``), never an empty
file; a list with no cash payment has no cash-desk list (``payments.list_no_cash``).

Each export is made once and kept (``payment_exports``): exporting again returns the same bytes
and changes nothing; both are audited. The bank file is refused, before anything is written,
when any transfer's account is invalid, naming each such payment.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import UTC
from decimal import Decimal

from markupsafe import escape
from openpyxl import Workbook
from openpyxl.styles import Font
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from app.domain.messages import Code, msg
from app.domain.messages import export_wording as wording_pl
from app.domain.money import format_money, money_str
from app.domain.statuses import PaymentListStatus, PaymentStatus
from app.persistence.models import Payment, PaymentExport, PaymentList
from app.services.documents import wording
from app.services.documents.office import Office, office
from app.services.documents.pdf import content_hash, render_pdf
from app.services.documents.spreadsheet import append_row
from app.services.kernel import audit
from app.services.kernel.context import Actor, ServiceContext, UnitOfWork
from app.services.kernel.errors import Conflict, Forbidden, ValidationFailed

from . import elixir
from .lists import Row, get_list, rows

KINDS = {
    "elixir": ("application/octet-stream", "przelewy-{id}.pli"),
    "cash_pdf": ("application/pdf", "lista-wyplat-w-kasie-{id}.pdf"),
    "xlsx": ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
             "lista-wyplat-{id}.xlsx"),
}
EXPORTABLE = (PaymentListStatus.APPROVED,)
# Statuses of the payments of an exportable list (approved, then settled).
APPROVED_PAYMENTS = (PaymentStatus.APPROVED, PaymentStatus.PAID, PaymentStatus.RETURNED)


@dataclass(frozen=True)
class ExportFile:
    """An exported file."""

    kind: str
    filename: str
    mimetype: str
    content: bytes
    count: int
    total: Decimal


def _office(uow: UnitOfWork) -> Office:
    """The centre as the exports name it (the office settings: the one name of the centre)."""
    body = office(uow)
    if body is None:
        raise Conflict(msg(Code.OFFICE_MISSING))
    return body


def _elixir(uow: UnitOfWork, plist: PaymentList, payments: list[Row]) -> tuple[bytes, list[Row]]:
    config = uow.ctx.config
    transfers = [p for p in payments if p.method == "transfer"]
    if not transfers:
        # A cash-only list: no bank file, never an empty one.
        raise Conflict(msg(Code.PAYMENT_LIST_NO_TRANSFERS, list=plist.id))
    payer = elixir.nrb(str(config.get("CENTRE_ACCOUNT") or ""))
    if payer is None:
        raise Conflict(msg(Code.PAYMENT_CENTRE_ACCOUNT_MISSING))
    bad: dict[str, str] = {str(p.id): msg(Code.PAYMENT_ACCOUNT_INVALID, payment=p.id, case=p.case_number)
           for p in transfers if elixir.nrb(p.account) is None}
    if bad:
        raise ValidationFailed(msg(Code.PAYMENT_ACCOUNTS_INVALID, count=len(bad)), bad)
    centre = _office(uow)
    when = plist.pay_date or plist.month
    data = elixir.build(when, payer, centre.centre_name, centre.centre_address,
                        [elixir.Transfer(p.amount, elixir.nrb(p.account) or "", p.payee, p.address,
                                         p.title) for p in transfers],
                        str(config.get("ELIXIR_ENCODING", "cp1250")))
    return data, transfers


# The exports' wording is the catalogue's (app/domain/messages/export_wording.py), rendered in the
# document's language (Polish by default); the pages use app/web/ui/labels.py.
# Amounts stay numbers (a spreadsheet sums them) shown as "1 229,50 zł" (the spreadsheet's locale
# supplies the separators), dates as dd.mm.rrrr.
XLSX_MONEY = '#,##0.00\\ "zł"'
XLSX_DATE = "dd.mm.yyyy"
XLSX_STATUSES = wording_pl.STATUSES
CASH_DESK_COLUMNS = wording_pl.CASH_DESK_COLUMNS


def _xlsx(plist: PaymentList, payments: list[Row], centre: Office, lang: str = wording.DEFAULT) -> bytes:
    def t(msgid: str, **params: object) -> str:
        return wording.text(msgid, lang, **params)

    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = t(wording_pl.SHEET)
    ws.append([t(h) for h in (*wording_pl.XLSX_COLUMNS, *CASH_DESK_COLUMNS)])
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for n, p in enumerate(payments, 1):
        method = wording_pl.METHODS.get(p.method)
        status = XLSX_STATUSES.get(p.status)
        append_row(ws, [n, p.case_number, p.payee, p.title, t(method) if method else p.method,
                        p.account or "", p.due_on, p.amount,
                        t(status) if status else p.status, "", "", ""])
        ws.cell(row=n + 1, column=7).number_format = XLSX_DATE
        ws.cell(row=n + 1, column=8).number_format = XLSX_MONEY
    last = len(payments) + 2
    ws.cell(row=last, column=7, value=t(wording_pl.TOTAL, count=wording.payments(
        len(payments), lang))).font = Font(bold=True)
    total = ws.cell(row=last, column=8, value=sum((p.amount for p in payments), Decimal("0.00")))
    total.number_format, total.font = XLSX_MONEY, Font(bold=True)
    # Who pays: the centre and the body (gmina), as the office settings name them.
    append_row(ws, [])
    append_row(ws, ["", t(wording_pl.CENTRE), f"{centre.centre_name}, {centre.centre_address}"])
    append_row(ws, ["", t(wording_pl.BODY), centre.body_title])
    for col, width in zip("ABCDEFGHIJKL", (5, 16, 28, 44, 10, 30, 14, 12, 12, 24, 14, 24), strict=True):
        ws.column_dimensions[col].width = width
    # Fixed document times, so the same list always gives the same file.
    stamp = (plist.approved_at or plist.created_at).astimezone(UTC).replace(tzinfo=None)
    wb.properties.created = wb.properties.modified = stamp
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _cash_pdf(uow: UnitOfWork, plist: PaymentList, payments: list[Row],
              lang: str = wording.DEFAULT) -> tuple[bytes, list[Row]]:
    def t(msgid: str, **params: object) -> str:
        return str(escape(wording.text(msgid, lang, **params)))

    cash = [p for p in payments if p.method == "cash"]
    if not cash:
        # A transfer-only list: no cash-desk list, never one with an empty table.
        raise Conflict(msg(Code.PAYMENT_LIST_NO_CASH, list=plist.id))
    centre = _office(uow)
    when = (plist.pay_date or plist.month).strftime("%d.%m.%Y")
    body = "".join(
        f"<tr><td>{n}</td><td>{escape(p.case_number)}</td>"
        f"<td>{escape(p.payee)}<br><span class='small'>{escape(p.address)}</span></td>"
        f"<td>{escape(p.title)}</td>"
        f"<td class='num'>{format_money(p.amount)}</td><td></td><td></td><td></td></tr>"
        for n, p in enumerate(cash, 1))
    total = sum((p.amount for p in cash), Decimal("0.00"))
    heads = "".join(f"<th>{t(h)}</th>" for h in (*wording_pl.CASH_COLUMNS, *CASH_DESK_COLUMNS))
    html = (
        f"<!doctype html><html lang='{escape(lang)}'><head><meta charset='utf-8'></head><body>"
        f"<p class='centre'><strong>{escape(centre.centre_name)}</strong><br>"
        f"{escape(centre.centre_address)}<br>{escape(centre.body_title)}</p>"
        f"<h1>{t(wording_pl.CASH_TITLE, id=plist.id)}</h1>"
        f"<p>{t(wording_pl.CASH_DATE, date=when)}</p>"
        "<table><colgroup><col style='width:4%'><col style='width:11%'><col style='width:18%'>"
        "<col style='width:18%'><col style='width:10%'><col style='width:15%'>"
        "<col style='width:10%'><col style='width:14%'></colgroup>"
        f"<thead><tr>{heads}</tr></thead>"
        f"<tbody>{body}</tbody><tfoot><tr><th colspan='4'>"
        f"{t(wording_pl.TOTAL, count=wording.payments(len(cash), lang))}</th>"
        f"<th class='num'>{format_money(total)}</th><th colspan='3'></th></tr>"
        "</tfoot></table>"
        f"<p class='sign'>{t(wording_pl.PAID_BY)} ............................ "
        f"{t(wording_pl.CHECKED_BY)} ............................</p></body></html>")
    # Fixed columns: a long name or title wraps inside its own column, never past the page.
    css = ("table{width:100%;border-collapse:collapse;font-size:8.5pt;table-layout:fixed}"
           "td,th{border:1px solid #444;padding:3pt}tbody td{height:24pt}.small{font-size:7.5pt}"
           ".num{text-align:right}.sign{margin-top:24pt}@page{size:A4 landscape}")
    return render_pdf(html, css), cash


def _check_total(uow: UnitOfWork, plist: PaymentList) -> None:
    """Refuse a list whose payments are not all approved or do not add up to the total fixed at
    approval (a closed set: nothing was added or changed after it)."""
    summed, unapproved = uow.session.execute(
        select(func.coalesce(func.sum(Payment.amount), 0),
               func.count(Payment.id).filter(Payment.status.not_in(APPROVED_PAYMENTS)))
        .where(Payment.payment_list_id == plist.id)).one()
    if summed != plist.total or unapproved:
        raise Conflict(msg(Code.PAYMENT_LIST_TOTAL_MISMATCH, list=plist.id, total=money_str(plist.total),
                           payments=money_str(Decimal(summed)), unapproved=int(unapproved)))


def export_list(ctx: ServiceContext, actor: Actor, list_id: int, kind: str) -> ExportFile:
    """Export an approved list as ``kind`` (elixir, cash_pdf, xlsx); the same file every time."""
    if not actor.has("supervisor"):
        raise Forbidden(msg(Code.PAYMENT_EXPORT_ROLE))
    if kind not in KINDS:
        raise ValidationFailed(msg(Code.FORM_INVALID), {"kind": msg(Code.FORM_INVALID)})
    mimetype, name = KINDS[kind]
    with ctx.uow() as uow:
        plist = get_list(uow, list_id)
        if plist.status not in EXPORTABLE:
            raise Conflict(msg(Code.PAYMENT_LIST_NOT_APPROVED))
        _check_total(uow, plist)
        kept = uow.session.scalar(select(PaymentExport).where(
            PaymentExport.payment_list_id == list_id, PaymentExport.kind == kind))
        if kind == "elixir" and kept is not None and not kept.count:
            # An empty bank file kept by an earlier version is never handed out.
            raise Conflict(msg(Code.PAYMENT_LIST_NO_TRANSFERS, list=list_id))
        if kind == "cash_pdf" and kept is not None and not kept.count:
            # Likewise an empty cash-desk list.
            raise Conflict(msg(Code.PAYMENT_LIST_NO_CASH, list=list_id))
        if kept is None:
            payments = rows(uow, list_id)
            if kind == "elixir":
                data, included = _elixir(uow, plist, payments)
            elif kind == "cash_pdf":
                data, included = _cash_pdf(uow, plist, payments)
            else:
                data, included = _xlsx(plist, payments, _office(uow)), payments
            kept = PaymentExport(payment_list_id=list_id, kind=kind, content=data,
                                 sha256=content_hash(data), count=len(included),
                                 total=sum((p.amount for p in included), Decimal("0.00")),
                                 created_at=ctx.now(), created_by_id=actor.id)
            uow.session.add(kept)
            try:
                uow.session.flush()
            except IntegrityError:
                # A concurrent export of the same list and kind won: return its file.
                uow.session.rollback()
                return export_list(ctx, actor, list_id, kind)
        audit.record(uow, "payments.list_exported", actor.id, None, list_id=list_id, kind=kind,
                     sha256=kept.sha256, count=kept.count)
        uow.commit()
        return ExportFile(kind, name.format(id=list_id), mimetype, kept.content, kept.count,
                          kept.total)

