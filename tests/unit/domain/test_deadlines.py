"""KPA deadlines and working days around real Polish holidays."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from app.domain.deadlines import (
    WARSAW,
    add_months_kpa,
    add_working_days,
    appeal_deadline,
    decision_due,
    deemed_delivery,
    due_date,
    final_on,
    interview_due,
    is_public_holiday,
    is_working_day,
    kpa_period_end,
    supplement_due,
    today_in_warsaw,
    warsaw_end_of_day,
)
from app.domain.errors import InvalidInput

D = date


@pytest.mark.parametrize(
    ("d", "working"),
    [
        (D(2025, 11, 11), False),  # Independence Day
        (D(2025, 11, 12), True),
        (D(2026, 4, 6), False),  # Easter Monday
        (D(2025, 12, 24), False),  # Christmas Eve, a holiday since 2025
        (D(2025, 12, 25), False),
        (D(2025, 12, 26), False),
        (D(2025, 3, 15), False),  # a plain Saturday
        (D(2025, 3, 16), False),  # a plain Sunday
        (D(2025, 3, 17), True),
    ],
)
def test_is_working_day(d: date, working: bool) -> None:
    assert is_working_day(d) is working


def test_sunday_is_not_listed_by_holidays_but_is_not_a_working_day() -> None:
    assert not is_public_holiday(D(2025, 3, 16))
    assert not is_working_day(D(2025, 3, 16))


@pytest.mark.parametrize(
    ("start", "days", "end"),
    [
        (D(2025, 10, 28), 14, D(2025, 11, 12)),  # ends on 11 Nov
        (D(2026, 3, 23), 14, D(2026, 4, 7)),  # ends on Easter Monday
        (D(2025, 12, 11), 14, D(2025, 12, 29)),  # 25 Dec, 26 Dec, Sat, Sun
        (D(2025, 12, 10), 14, D(2025, 12, 29)),  # 24 Dec
        (D(2025, 3, 1), 14, D(2025, 3, 17)),  # a plain Saturday
        (D(2025, 3, 2), 14, D(2025, 3, 17)),  # a plain Sunday
        (D(2025, 3, 3), 14, D(2025, 3, 17)),  # a Monday
        (D(2025, 3, 3), 1, D(2025, 3, 4)),
    ],
)
def test_kpa_period_end(start: date, days: int, end: date) -> None:
    assert kpa_period_end(start, days) == end


def test_appeal_deadline_and_final_on() -> None:
    assert appeal_deadline(D(2026, 3, 23)) == D(2026, 4, 7)
    assert final_on(D(2026, 3, 23)) == D(2026, 4, 8)
    assert appeal_deadline(D(2025, 3, 3)) == D(2025, 3, 17)
    assert final_on(D(2025, 3, 3)) == D(2025, 3, 18)


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (D(2025, 1, 31), 1, D(2025, 2, 28)),
        (D(2024, 1, 31), 1, D(2024, 2, 29)),
        (D(2025, 3, 31), 1, D(2025, 4, 30)),
        (D(2025, 1, 15), 1, D(2025, 2, 15)),
        (D(2025, 12, 31), 2, D(2026, 2, 28)),
        (D(2025, 11, 30), 2, D(2026, 1, 30)),
        (D(2025, 5, 10), 12, D(2026, 5, 10)),
        (D(2025, 5, 10), 0, D(2025, 5, 10)),
    ],
)
def test_add_months_kpa(start: date, months: int, end: date) -> None:
    assert add_months_kpa(start, months) == end


@pytest.mark.parametrize(
    ("filed", "complex_", "due"),
    [
        (D(2025, 1, 31), False, D(2025, 2, 28)),  # Friday
        (D(2025, 10, 11), False, D(2025, 11, 12)),  # 11 Nov holiday
        (D(2025, 3, 15), False, D(2025, 4, 15)),
        (D(2026, 2, 6), True, D(2026, 4, 7)),  # 6 Apr 2026 Easter Monday
        (D(2025, 10, 25), True, D(2025, 12, 29)),  # 25 Dec
        (D(2025, 4, 30), False, D(2025, 5, 30)),  # a Friday
        (D(2025, 3, 31), True, D(2025, 6, 2)),  # 31 May 2025 is a Saturday
    ],
)
def test_decision_due(filed: date, complex_: bool, due: date) -> None:
    assert decision_due(filed, complex_) == due


def test_interview_due_counts_working_days_over_christmas() -> None:
    assert interview_due(D(2025, 12, 22)) == D(2026, 1, 16)
    assert interview_due(D(2025, 12, 22), urgent=True) == D(2025, 12, 29)
    assert interview_due(D(2025, 3, 14), urgent=True) == D(2025, 3, 18)  # Friday -> Mon, Tue


def test_add_working_days() -> None:
    assert add_working_days(D(2025, 3, 14), 0) == D(2025, 3, 14)
    assert add_working_days(D(2025, 3, 14), 1) == D(2025, 3, 17)
    assert add_working_days(D(2025, 11, 10), 1) == D(2025, 11, 12)
    with pytest.raises(InvalidInput):
        add_working_days(D(2025, 3, 14), -1)


def test_supplement_due() -> None:
    assert supplement_due(D(2025, 11, 4)) == D(2025, 11, 12)  # 11 Nov -> 12 Nov
    assert supplement_due(D(2025, 3, 3), days=14) == D(2025, 3, 17)
    with pytest.raises(InvalidInput) as e:
        supplement_due(D(2025, 3, 3), days=6)
    assert e.value.field == "days" and "at least 7 days" in e.value.message


def test_deemed_delivery_is_not_moved_reading() -> None:
    assert deemed_delivery(D(2025, 11, 3)) == D(2025, 11, 17)
    assert deemed_delivery(D(2025, 3, 1)) == D(2025, 3, 15)  # a Saturday, not moved
    assert deemed_delivery(D(2025, 10, 28)) == D(2025, 11, 11)  # a holiday, not moved
    dl = due_date("deemed_delivery", D(2025, 3, 1))
    assert any(s["key"] == "reading.deemed_delivery" for s in dl.explanation)
    # the appeal period then runs from the deemed delivery
    assert appeal_deadline(D(2025, 3, 15)) == D(2025, 3, 31)


def test_due_date_returns_explanation_and_basis() -> None:
    dl = due_date("appeal", D(2026, 3, 23))
    assert dl.due == D(2026, 4, 7)
    assert [s["key"] for s in dl.explanation] == ["appeal.count", "appeal.shift"]
    assert "art. 129 § 2 KPA" in dl.legal_basis and "art. 57 § 4 KPA" in dl.legal_basis
    assert dl.parameters["kpa.appeal_days"]["value"] == 14
    assert dl.to_dict()["due"] == "2026-04-07"
    dd = due_date("decision", D(2025, 1, 31))
    assert "art. 57 § 3 KPA" in dd.legal_basis and "art. 35 § 3 KPA" in dd.legal_basis
    assert due_date("decision_complex", D(2025, 1, 31)).due == D(2025, 3, 31)
    assert due_date("interview", D(2025, 12, 22), urgent=True).due == D(2025, 12, 29)
    assert due_date("supplement", D(2025, 3, 3), days=10).due == D(2025, 3, 13)
    assert due_date("final", D(2025, 3, 3)).due == D(2025, 3, 18)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"kind": "nope", "start": D(2025, 3, 3)}, "kind"),
        ({"kind": "appeal", "start": datetime(2025, 3, 3, 10)}, "start"),
        ({"kind": "appeal", "start": D(2025, 3, 3), "days": 10}, "days"),
        ({"kind": "appeal", "start": D(2025, 3, 3), "urgent": True}, "urgent"),
        ({"kind": "appeal", "start": D(2010, 3, 3)}, "start"),
        ({"kind": "supplement", "start": D(2025, 3, 3), "days": 7.5}, "days"),
    ],
)
def test_due_date_invalid(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(InvalidInput) as e:
        due_date(**kwargs)  # type: ignore[arg-type]
    assert e.value.field == field


def test_warsaw_end_of_day_across_dst_changes() -> None:
    spring = warsaw_end_of_day(D(2025, 3, 29))
    assert spring == datetime(2025, 3, 30, 0, 0, tzinfo=WARSAW)
    assert spring.utcoffset() == timedelta(hours=1)
    autumn = warsaw_end_of_day(D(2025, 10, 25))
    assert autumn.utcoffset() == timedelta(hours=2)
    assert autumn.astimezone(UTC) == datetime(2025, 10, 25, 22, 0, tzinfo=UTC)


def test_today_in_warsaw() -> None:
    assert today_in_warsaw(datetime(2025, 3, 29, 23, 30, tzinfo=UTC)) == D(2025, 3, 30)
    assert today_in_warsaw(datetime(2025, 7, 1, 21, 59, tzinfo=UTC)) == D(2025, 7, 1)
    assert today_in_warsaw(datetime(2025, 7, 1, 22, 0, tzinfo=UTC)) == D(2025, 7, 2)
    with pytest.raises(InvalidInput):
        today_in_warsaw(datetime(2025, 7, 1, 12))


def test_warning_comes_a_week_before_on_a_working_day() -> None:
    from datetime import date as _date

    from app.domain.deadlines import WARSAW, warning_at
    from app.domain.errors import InvalidInput

    at = warning_at(_date(2026, 4, 2), 7)
    assert at.isoformat() == "2026-03-26T08:00:00+01:00" and at.tzinfo == WARSAW
    # 2026-04-13 minus 7 days is Easter Monday 2026-04-06: moved back over the weekend to
    # Friday 3 April (Good Friday is a working day in Poland).
    assert warning_at(_date(2026, 4, 13), 7).date() == _date(2026, 4, 3)
    with pytest.raises(InvalidInput):
        warning_at(_date(2026, 4, 2), 0)
