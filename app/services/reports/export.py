"""One table, two files: a report's rows as XLSX (in the form's order) and as CSV.

Every report builds a :class:`ReportTable` (its columns in order, and rows of plain values) and
hands it here; the cells are made safe the way every export of Pomoc makes them
(``documents.spreadsheet``: a text that a spreadsheet would read as a formula stays text).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font

from app.services.documents.spreadsheet import FORMULA_STARTS, append_row

Cell = str | int | Decimal | date | None


@dataclass(frozen=True)
class ReportTable:
    """A report as a table: a title, its columns (key, heading) in order, and rows of cells."""

    title: str
    columns: tuple[tuple[str, str], ...]
    rows: tuple[dict[str, Cell], ...]
    notes: tuple[str, ...] = field(default=())

    def values(self, row: dict[str, Cell]) -> list[Cell]:
        return [row.get(key) for key, _ in self.columns]


def to_xlsx(table: ReportTable) -> bytes:
    """The table as one worksheet: the title, the headings in bold, the rows, then any notes."""
    wb = Workbook()
    ws = wb.active
    ws.title = table.title[:31] or "report"
    append_row(ws, [table.title])
    ws.cell(row=1, column=1).font = Font(bold=True)
    append_row(ws, [heading for _, heading in table.columns])
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    for row in table.rows:
        append_row(ws, list(table.values(row)))
    for note in table.notes:
        append_row(ws, [note])
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    text = str(value)
    # The same rule as the XLSX cells: a text a spreadsheet would run as a formula is quoted.
    if isinstance(value, str) and text.startswith(FORMULA_STARTS):
        return "'" + text
    return text


def to_csv(table: ReportTable) -> str:
    """The table as CSV (comma-separated, the headings first; money as exact decimal text)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([heading for _, heading in table.columns])
    for row in table.rows:
        writer.writerow([_csv_cell(v) for v in table.values(row)])
    return out.getvalue()
