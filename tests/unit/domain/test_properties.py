"""Property tests: amounts are sane, capped, floored and monotone in income."""

from __future__ import annotations

import json
from datetime import date, timedelta
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import benefits
from app.domain.deadlines import add_months_kpa, add_working_days, is_working_day, kpa_period_end
from app.domain.eligibility import BENEFITS, calculate
from app.domain.errors import InvalidInput
from app.domain.identifiers import parse_pesel
from app.domain.income import household_income
from app.domain.money import round_money
from app.domain.parameters import PARAMETERS, value

from .helpers import make_pesel, person

SETTINGS = settings(max_examples=200, deadline=None)
DATES = st.dates(date(2022, 1, 1), date(2026, 12, 31))
MONEY = st.integers(0, 600_000).map(lambda g: Decimal(g).scaleb(-2))  # 0.00 .. 6000.00
DELTA = st.integers(1, 50_000).map(lambda g: Decimal(g).scaleb(-2))


@st.composite
def households(draw: st.DrawFn) -> list:  # type: ignore[type-arg]
    """An applicant (adult, unable to work) and up to 4 more members of any age."""
    size = draw(st.integers(1, 5))
    applicant = person(draw(st.integers(18, 90)), draw(MONEY), unable_to_work=True,
                       alimony_awarded=draw(st.sampled_from([Decimal(0), Decimal(400)])))
    others = [
        person(draw(st.integers(0, 40)), draw(MONEY),
               alimony_awarded=draw(st.sampled_from([Decimal(0), Decimal("350.50"),
                                                     Decimal(1500)])),
               disabled=draw(st.booleans()))
        for _ in range(size - 1)
    ]
    return [applicant, *others]


def with_more_income(members: list, extra: Decimal) -> list:  # type: ignore[type-arg]
    first = members[0]
    return [person(first.age, first.net_income + extra, unable_to_work=True,
                   alimony_awarded=first.alimony_awarded), *members[1:]]


def _quantized(d: Decimal) -> bool:
    return d.as_tuple().exponent == -2


@SETTINGS
def _before_its_law(benefit: str, on: date, members: list) -> bool:  # type: ignore[type-arg]
    """True when ``on`` is before the benefit's own parameters are all in force (świadczenie
    pielęgnacyjne on the rules of 2024): then the calculation is refused, never guessed."""
    prefix = benefits.get(benefit).parameter_prefix + "."
    starts = [rows[0].valid_from for name, rows in PARAMETERS.items() if name.startswith(prefix)]
    if not starts or on >= max(starts):
        return False
    with pytest.raises(InvalidInput):
        calculate(benefit, on, members)
    return True


@given(st.sampled_from(BENEFITS), DATES, households())
def test_amounts_are_sane(benefit: str, on: date, members: list) -> None:  # type: ignore[type-arg]
    if _before_its_law(benefit, on, members):
        return
    r = calculate(benefit, on, members)
    for amount in (r.amount, r.min_amount, r.max_amount):
        assert amount >= 0 and _quantized(amount)
    assert r.min_amount <= r.amount <= r.max_amount
    if not r.eligible:
        assert r.amount == 0 and r.max_amount == 0
    json.dumps(r.to_dict())


@SETTINGS
@given(DATES, households())
def test_zasilek_staly_between_minimum_and_cap(on: date, members: list) -> None:  # type: ignore[type-arg]
    r = calculate("zasilek_staly", on, members)
    if r.eligible:
        assert r.amount <= value("zasilek_staly.cap", on).value
        assert r.amount >= value("zasilek_staly.minimum", on).value


@SETTINGS
@given(DATES, households())
def test_zasilek_okresowy_between_floor_and_difference(on: date, members: list) -> None:  # type: ignore[type-arg]
    r = calculate("zasilek_okresowy", on, members)
    if r.eligible:
        floor = value("zasilek_okresowy.minimum", on).value
        assert floor <= r.min_amount == r.amount <= r.max_amount
        assert r.max_amount >= floor


@SETTINGS
@given(DATES, households())
def test_family_benefit_floors(on: date, members: list) -> None:  # type: ignore[type-arg]
    zr = calculate("zasilek_rodzinny", on, members)
    if zr.eligible:
        assert zr.amount >= value("zasilek_rodzinny.min_after_reduction", on).value
        assert zr.amount <= sum(b["amount_before_reduction"] for b in zr.breakdown)
    fa = calculate("fundusz_alimentacyjny", on, members)
    for b in fa.breakdown:
        assert b["amount"] == 0 or b["amount"] == b["amount_before_reduction"] or \
            b["amount"] >= Decimal(100)
        assert b["amount"] <= b["cap"]


@SETTINGS
@given(st.sampled_from(BENEFITS), DATES, households(), DELTA)
def test_amount_never_increases_with_income(
    benefit: str, on: date, members: list, extra: Decimal  # type: ignore[type-arg]
) -> None:
    if _before_its_law(benefit, on, members):
        return
    low = calculate(benefit, on, members)
    high = calculate(benefit, on, with_more_income(members, extra))
    assert high.amount <= low.amount
    if benefit == "zasilek_okresowy":
        assert high.max_amount <= low.max_amount


@SETTINGS
@given(DATES, households())
def test_income_per_person_is_the_rounded_quotient(on: date, members: list) -> None:  # type: ignore[type-arg]
    r = household_income(members, on)
    assert r.per_person == round_money(r.total / r.persons)
    assert r.total == sum((m.net_income for m in members), Decimal(0))


@SETTINGS
@given(st.dates(date(2024, 1, 1), date(2027, 12, 31)), st.integers(1, 40))
def test_kpa_period_end_is_the_first_working_day_on_or_after(start: date, days: int) -> None:
    end = kpa_period_end(start, days)
    assert is_working_day(end)
    d = start + timedelta(days=days)
    assert d <= end
    while d < end:
        assert not is_working_day(d)
        d += timedelta(days=1)


@SETTINGS
@given(st.dates(date(2024, 1, 1), date(2027, 12, 31)), st.integers(0, 30))
def test_add_working_days_counts_exactly_n(start: date, n: int) -> None:
    end = add_working_days(start, n)
    counted = sum(1 for i in range(1, (end - start).days + 1)
                  if is_working_day(start + timedelta(days=i)))
    assert counted == n


@SETTINGS
@given(st.dates(date(2000, 1, 1), date(2090, 12, 31)), st.integers(0, 36))
def test_add_months_kpa_keeps_the_day_or_takes_the_last(start: date, months: int) -> None:
    end = add_months_kpa(start, months)
    assert (end.year * 12 + end.month) - (start.year * 12 + start.month) == months
    if end.day != start.day:
        assert end.day < start.day and (end + timedelta(days=1)).day == 1


@SETTINGS
@given(st.dates(date(1800, 1, 1), date(2299, 12, 31)), st.integers(0, 999),
       st.sampled_from(["F", "M"]))
def test_generated_pesels_round_trip(birth: date, serial: int, sex: str) -> None:
    info = parse_pesel(make_pesel(birth.year, birth.month, birth.day, serial, sex))
    assert info.birth_date == birth and info.sex == sex
