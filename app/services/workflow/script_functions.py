"""The whitelisted functions BPMN scripts may call: thin wrappers over app.domain.deadlines, and
what the benefit catalogue says of a benefit (``interview_review``)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from app.domain import benefits, deadlines, fa_debtor


def _iso(d: date) -> str:
    return d.isoformat()


def _d(value: str) -> date:
    return date.fromisoformat(str(value)[:10])


def interview_review(benefit: str) -> bool:
    """Whether a grant of ``benefit`` is followed by the interview update every 6 months (the
    catalogue's ``Benefit.interview_review``: never a one-off grant); False for an unknown code."""
    entry = benefits.find(benefit)
    return entry is not None and entry.interview_review


def script_functions() -> dict[str, Callable[..., Any]]:
    """Name -> function (the date functions take and return ISO date strings)."""
    return {
        "interview_due_date": lambda learned_on, urgent=False: _iso(
            deadlines.interview_due(_d(learned_on), bool(urgent))),
        "decision_due_date": lambda filed_on, complex=False: _iso(
            deadlines.decision_due(_d(filed_on), bool(complex))),
        "supplement_due_date": lambda served_on, days=7: _iso(
            deadlines.supplement_due(_d(served_on), int(days))),
        "deemed_delivery_date": lambda first_notice_on: _iso(
            deadlines.deemed_delivery(_d(first_notice_on))),
        "appeal_deadline_date": lambda delivered_on: _iso(
            deadlines.appeal_deadline(_d(delivered_on))),
        "final_on_date": lambda delivered_on: _iso(deadlines.final_on(_d(delivered_on))),
        "add_months_date": lambda on, months: _iso(deadlines.add_months_kpa(_d(on), int(months))),
        # The FA debtor procedure's steps (art. 3-5 of the act of 7 Sep 2007, domain/fa_debtor).
        "fa_debtor_due_date": lambda step, start, days=None: _iso(fa_debtor.step_due(
            str(step), _d(start), None if days is None else int(days))),
        "timer_at": lambda on: deadlines.warsaw_end_of_day(_d(on)).isoformat(),
        "warning_at": lambda due, days_before=7: deadlines.warning_at(
            _d(due), int(days_before)).isoformat(),
        "interview_review": interview_review,
    }
