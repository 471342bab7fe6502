"""The family-benefit and FA reports as tables (app/services/reports/export.ReportTable) in the
user's language, for the pages and the API's XLSX and CSV alike; and the files' responses."""

from __future__ import annotations

from datetime import date

from flask import Response
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.domain.views import to_json
from app.services.reports import fa as fa_report
from app.services.reports import family_benefits as fb
from app.services.reports.export import Cell, ReportTable, to_csv, to_xlsx
from app.services.reports.period_months import Period
from app.web.ui.labels import BENEFITS, DEBTOR_STEPS, DODATKI

FA_LINES = {
    fa_report.BENEFITS_LINE: _l("Wypłacone świadczenia z funduszu alimentacyjnego"),
    fa_report.OPENED: _l("Postępowania wobec dłużników wszczęte (wnioski organu wierzyciela)"),
    "dues": _l("Należności dłużników z tytułu wypłaconych świadczeń (zapisane)"),
    "receipts": _l("Kwoty zwrócone przez dłużników"),
    "receipts_state": _l("– przekazane na dochody budżetu państwa"),
    "receipts_creditor_gmina": _l("– przekazane na dochody własne gminy wierzyciela"),
    "receipts_debtor_gmina": _l("– przekazane na dochody własne gminy dłużnika"),
    "dues_outstanding": _l("Stan należności na koniec miesiąca (bez odsetek)"),
}


def fb_line_label(line: str) -> str:
    """A family-benefit report line's name: the benefit's, or the dodatek's."""
    if line in DODATKI:
        return "– " + str(DODATKI[line])
    return str(BENEFITS[line])


def fa_line_label(line: str) -> str:
    """An FA report line's name (a step of the procedure by its own label)."""
    if line.startswith("step."):
        return _("Działanie: %(step)s", step=DEBTOR_STEPS.get(line[5:], line[5:]))
    return str(FA_LINES[line])


def period_label(period: Period) -> str:
    return f"{period.first:%Y-%m} – {period.last:%Y-%m}"


def _month_cell(month: date | None) -> str:
    return f"{month:%Y-%m}" if month else _("razem")


def _columns() -> tuple[tuple[str, str], ...]:
    return (("month", _("Miesiąc")), ("line", _("Świadczenie / pozycja")),
            ("article", _("Podstawa prawna")), ("count", _("Liczba")),
            ("amount", _("Kwota (zł)")))


def family_table(report: fb.FamilyBenefitReport) -> ReportTable:
    rows: list[dict[str, Cell]] = [
        {"month": _month_cell(r.month), "line": fb_line_label(r.line), "article": r.article,
         "count": r.count, "amount": r.amount} for r in (*report.rows, *report.totals)]
    rec = report.reconciliation
    return ReportTable(
        title=_("Świadczenia rodzinne %(period)s", period=period_label(report.period)),
        columns=_columns(), rows=tuple(rows),
        notes=(_("Liczba świadczeń: świadczenia wypłacone w miesiącu (według dnia wypłaty); "
                 "zasiłek rodzinny liczony na każde dziecko, dodatek na każdą wypłatę, "
                 "w której jest."),
               _("Zgodność z listami wypłat: %(count)s wypłat na kwotę %(amount)s zł.",
                 count=rec.payments, amount=to_json(rec.paid_amount))))


def fa_table(report: fa_report.FaReport) -> ReportTable:
    rows: list[dict[str, Cell]] = [
        {"month": _month_cell(r.month), "line": fa_line_label(r.line), "article": r.article,
         "count": r.count, "amount": r.amount} for r in (*report.rows, *report.totals)]
    rec = report.reconciliation
    return ReportTable(
        title=_("Fundusz alimentacyjny %(period)s", period=period_label(report.period)),
        columns=_columns(), rows=tuple(rows),
        notes=(_("Liczba wypłaconych świadczeń: świadczenia wypłacone w miesiącu (według dnia "
                 "wypłaty), jedno na każdą osobę uprawnioną."),
               _("Zgodność z listami wypłat: %(count)s wypłat na kwotę %(amount)s zł.",
                 count=rec.payments, amount=to_json(rec.paid_amount))))


def file_response(table: ReportTable, kind: str, stem: str, period: Period) -> Response:
    """The table as an XLSX or CSV download, named after the report and its period."""
    name = f"{stem}-{period.first:%Y-%m}-{period.last:%Y-%m}.{kind}"
    if kind == "xlsx":
        content = to_xlsx(table)
        mimetype = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    else:
        content = to_csv(table).encode("utf-8-sig")
        mimetype = "text/csv; charset=utf-8"
    return Response(content, mimetype=mimetype, headers={
        "Content-Disposition": f'attachment; filename="{name}"',
        "Content-Length": str(len(content))})
