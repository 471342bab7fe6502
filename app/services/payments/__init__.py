"""Payments: schedules, the monthly run, payment lists with four-eyes approval, exports (the
Elixir-O bank file, the cash-desk PDF, XLSX) and settlement (paid, returned, reissued).

Modules: :mod:`.schedule` (which months, dates and amounts), :mod:`.run` (the batched,
idempotent run), :mod:`.lists` (reading and approving lists), :mod:`.exports` and
:mod:`.elixir` (files), :mod:`.settle` (paid / returned / reissue).
"""

from __future__ import annotations

from .exports import KINDS, ExportFile, export_list
from .lists import approve_list, list_payment_lists, payment_list
from .run import apply_deductions, check_month, count_due, latest_month, monthly_payment_run
from .schedule import extend_open_ended, make_schedule, payment_day
from .settle import mark_list, mark_payment, reissue

__all__ = [
    "KINDS", "ExportFile", "apply_deductions", "approve_list", "check_month", "count_due",
    "export_list", "latest_month",
    "extend_open_ended", "list_payment_lists", "make_schedule", "mark_list", "mark_payment",
    "monthly_payment_run", "payment_day", "payment_list", "reissue",
]
