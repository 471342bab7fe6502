"""Spreadsheet cells that hold data, never code: the one rule every XLSX writer applies.

A text that begins with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is what a
spreadsheet would read as a formula (``=HYPERLINK(...)``, ``=cmd|' /C calc'!A0``, ``+1+1``) when
the cell is typed or edited. Such a cell is written as a string with Excel's "quote prefix" (the
cell style that a typed leading apostrophe sets): it shows the text as it is, and stays text when
someone edits it. Nothing of the value is changed or lost.

Characters that XML 1.0 cannot hold (controls other than tab, line feed and carriage return;
refused at the edge since issue 19, but rows written before may have them) are shown as U+FFFD,
so an export never fails on one old value.
"""

from __future__ import annotations

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.worksheet.worksheet import Worksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
REPLACEMENT = "\ufffd"


def as_text(cell: object) -> None:
    """Make one cell safe: text that could be read as code is kept as quoted text."""
    value = getattr(cell, "value", None)
    if not isinstance(value, str):
        return
    clean = ILLEGAL_CHARACTERS_RE.sub(REPLACEMENT, value)
    if clean != value:
        cell.value = clean  # type: ignore[attr-defined]
    if clean.startswith(FORMULA_STARTS):
        cell.data_type = "s"  # type: ignore[attr-defined]  # a string, not a formula
        cell.quotePrefix = True  # type: ignore[attr-defined]


def append_row(ws: Worksheet, values: list[object]) -> None:
    """``ws.append(values)`` with every text cell made safe (see the module)."""
    safe = [ILLEGAL_CHARACTERS_RE.sub(REPLACEMENT, v) if isinstance(v, str) else v for v in values]
    ws.append(safe)
    for cell in ws[ws.max_row]:
        as_text(cell)
