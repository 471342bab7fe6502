"""Lane b16, issue 16 part 2: świadczenie rodzicielskie (art. 17c u.ś.r.) for an incomplete month:
the amount divided by all the calendar days of the month, times the days it is due, rounded up
to 10 groszy; a whole month is the whole amount. The boundaries: a period from the 1st or from
the 2nd, to the month's last day or the day before, February of a leap year, and the weeks of
art. 17c ust. 6 by the number of children born (which set the last day)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain.birth_benefits import incomplete_month_amount
from app.domain.eligibility import calculate
from app.domain.income import Member

from .helpers import person

D = Decimal
K = D("1000.00")


@pytest.mark.parametrize(("month", "start", "end", "expected"), [
    (date(2026, 1, 1), date(2026, 1, 1), date(2026, 12, 31), "1000.00"),   # whole month
    (date(2026, 1, 1), date(2026, 1, 2), date(2026, 12, 31), "967.80"),    # 30/31 = 967.741.. up
    (date(2026, 1, 1), date(2026, 1, 31), date(2026, 12, 31), "32.30"),    # 1/31 = 32.258.. up
    (date(2026, 12, 1), date(2026, 1, 1), date(2026, 12, 31), "1000.00"),  # to the last day
    (date(2026, 12, 1), date(2026, 1, 1), date(2026, 12, 30), "967.80"),   # one day short
    (date(2026, 4, 1), date(2026, 4, 16), None, "500.00"),                 # 15/30 exact
    (date(2028, 2, 1), date(2028, 2, 2), None, "965.60"),                  # 28/29 = 965.517.. up
    (date(2027, 2, 1), date(2027, 2, 2), None, "964.30"),                  # 27/28 = 964.285.. up
    (date(2026, 6, 1), date(2026, 6, 10), date(2026, 6, 19), "333.40"),    # 10/30 = 333.33.. up
    (date(2026, 7, 1), date(2026, 1, 1), date(2026, 6, 30), "0.00"),       # outside the period
])
def test_art_17c_an_incomplete_month_is_paid_by_days_rounded_up_to_10_groszy(
        month: date, start: date, end: date | None, expected: str) -> None:
    assert incomplete_month_amount(K, month, start, end) == D(expected)


def _born(on: date, children: int = 1) -> list[Member]:
    return [person(30, 0, relation="applicant", sex="F", applied_on=on),
            *(person(0, relation="child", born_on=on) for _ in range(children))]


@pytest.mark.parametrize(("born", "children", "last", "first_month", "last_month"), [
    # Born on the 1st: the first month is whole; 52 weeks end on 30 Dec 2026 (30/31).
    (date(2026, 1, 1), 1, date(2026, 12, 30), "1000.00", "967.80"),
    # Born on the 2nd: 30 of 31 days; the 52 weeks end on 31 Dec 2026, a whole month.
    (date(2026, 1, 2), 1, date(2026, 12, 31), "967.80", "1000.00"),
    # Twins born on 15 Jan 2026: 65 weeks, until 14 Apr 2027 (14/30 = 466.66.. up).
    (date(2026, 1, 15), 2, date(2027, 4, 14), "548.40", "466.70"),
])
def test_art_17c_ust_6_and_the_incomplete_first_and_last_months_of_the_weeks(
        born: date, children: int, last: date, first_month: str, last_month: str) -> None:
    r = calculate("swiadczenie_rodzicielskie", born, _born(born, children))
    assert r.eligible and r.amount == K, "the amount shown is the whole month's"
    assert r.breakdown[0]["until"] == last
    step = next(s for s in r.explanation
                if s["key"] == "swiadczenie_rodzicielskie.incomplete_months")
    assert step["inputs"]["first_month"] == first_month
    assert step["inputs"]["last_month"] == last_month
    assert "10 groszy w górę" in str(step["text_pl"])
