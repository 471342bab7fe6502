"""Issue 14, part 5 (one strict date format): the dates a task form's hook reads go through
json_input.iso_date, so a week date ("2026-W10-1", which ``date.fromisoformat`` reads as
2 March 2026) or year 1 never becomes a fact of the case."""

from __future__ import annotations

from datetime import date

import pytest

from app.services.kernel.task_input import day as _day


@pytest.mark.embedded
@pytest.mark.parametrize("bad", ["2026-W10-1", "2026W101", "0001-01-01", "20260302", "", None, 20260302])
def test_task_hook_dates_refuse_week_dates_and_lenient_forms(bad: object) -> None:
    assert _day(bad) is None


@pytest.mark.embedded
def test_task_hook_dates_read_a_strict_iso_day() -> None:
    assert _day("2026-03-02") == date(2026, 3, 2)
