"""Small builders shared by the domain tests."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from app.domain.income import IncomeItem, Member

PESEL_WEIGHTS = (1, 3, 7, 9, 1, 3, 7, 9, 1, 3)


def pesel_check_digit(first10: str) -> str:
    """The PESEL check digit, computed independently of python-stdnum."""
    total = sum(w * int(c) for w, c in zip(PESEL_WEIGHTS, first10, strict=True))
    return str((10 - total % 10) % 10)


def make_pesel(year: int, month: int, day: int, serial: int = 123, sex: str = "F") -> str:
    """Build a valid PESEL for a birth date (1800-2299) and sex."""
    offset = {18: 80, 19: 0, 20: 20, 21: 40, 22: 60}[year // 100]
    sex_digit = 0 if sex == "F" else 1
    first10 = f"{year % 100:02d}{month + offset:02d}{day:02d}{serial:03d}{sex_digit}"
    return first10 + pesel_check_digit(first10)


def person(age: int = 40, income: str | int | Decimal = 0, **kw: Any) -> Member:
    """A member with a net income."""
    return Member(age=age, net_income=Decimal(income), **kw)


def family(total: str, persons: int, ages: tuple[int, ...] = ()) -> list[Member]:
    """A household whose applicant (age 40) has all of ``total``; others have the given ages."""
    others = list(ages) + [40] * (persons - 1 - len(ages))
    return [person(40, total)] + [person(a) for a in others]


def item(kind: str, amount: str, **kw: object) -> IncomeItem:
    """An income item with Decimal amounts."""
    return IncomeItem(kind=kind, amount=Decimal(amount), **kw)  # type: ignore[arg-type]
