"""Benefit months: parameters follow the months of the benefit, not the filing date."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from app.domain.benefit_months import (
    amounts_by_month,
    benefit_period,
    first_benefit_month,
    months_between,
    parameter_changes,
    parameters_on,
    segments,
)
from app.domain.eligibility import BENEFITS, calculate
from app.domain.errors import InvalidInput
from app.domain.income import Member
from app.domain.parameters import ENTRIES, build_table

from .helpers import person

D = date


def fa_household(total: str = "2000", awarded: str = "1200") -> list[Member]:
    return [person(35, total), person(10, alimony_awarded=Decimal(awarded))]


# --- art. 106 ust. 3 u.p.s.: the first benefit month ---


@pytest.mark.parametrize("benefit", ["zasilek_staly", "zasilek_okresowy"])
def test_art_106_ust_3_benefit_runs_from_the_month_the_application_was_filed(
    benefit: str,
) -> None:
    assert first_benefit_month(benefit, D(2024, 12, 30)) == D(2024, 12, 1)
    # A later month asked for moves the start; an earlier one never does.
    assert first_benefit_month(benefit, D(2024, 12, 30), D(2025, 2, 14)) == D(2025, 2, 1)
    assert first_benefit_month(benefit, D(2024, 12, 30), D(2024, 6, 1)) == D(2024, 12, 1)


def test_family_benefit_filed_before_the_period_is_for_the_period_asked_for() -> None:
    assert first_benefit_month("fundusz_alimentacyjny", D(2024, 8, 20),
                               D(2024, 10, 1)) == D(2024, 10, 1)
    assert first_benefit_month("zasilek_rodzinny", D(2025, 9, 3),
                               D(2025, 11, 1)) == D(2025, 11, 1)
    assert first_benefit_month("zasilek_rodzinny", D(2025, 12, 3),
                               D(2025, 11, 1)) == D(2025, 12, 1)


def test_fa_application_filed_in_august_2024_for_the_period_from_october_gets_the_1000_cap() -> None:
    start = first_benefit_month("fundusz_alimentacyjny", D(2024, 8, 20), D(2024, 10, 1))
    assert parameters_on("fundusz_alimentacyjny", start) == D(2024, 10, 1)
    months = amounts_by_month("fundusz_alimentacyjny", fa_household(), start, D(2025, 9, 30))
    assert len(months) == 12
    assert {m.amount for m in months} == {Decimal("1000.00")}
    assert months[0].result.parameters["fa.cap"]["valid_from"] == "2024-10-01"
    # The filing date itself would have given the 500 zł cap of the period 2023/2024.
    assert calculate("fundusz_alimentacyjny", D(2024, 8, 20), fa_household()).amount == \
        Decimal("500.00")


# --- parameters per benefit month ---


def test_zasilek_staly_across_1_january_2025_changes_amount_from_that_month() -> None:
    members = [person(70, 500, unable_to_work=True)]
    runs = segments("zasilek_staly", members, D(2024, 7, 1), D(2025, 6, 30))
    assert [(s.start, s.end, s.months, s.amount) for s in runs] == [
        (D(2024, 7, 1), D(2024, 12, 31), 6, Decimal("508.80")),  # 130% x 776 - 500
        (D(2025, 1, 1), D(2025, 6, 30), 6, Decimal("813.00")),  # 130% x 1010 - 500
    ]
    assert runs[1].result.parameters["ups.criterion_single"]["value"] == "1010.00"
    json.dumps([s.to_dict() for s in runs])


def test_fa_across_the_new_criterion_of_1_october_2026() -> None:
    # 1300 per person: 91 over 1209 until the period 2026/2027, within 1665 from 1 Oct 2026.
    runs = segments("fundusz_alimentacyjny", fa_household("2600"), D(2026, 3, 1),
                    D(2027, 2, 28))
    assert [(s.start, s.amount) for s in runs] == [
        (D(2026, 3, 1), Decimal("909.00")), (D(2026, 10, 1), Decimal("1000.00"))]


def test_family_benefit_months_use_the_parameters_of_their_benefit_period() -> None:
    table = build_table([*ENTRIES, ("zasilek_rodzinny.threshold", D(2026, 1, 15),
                                    Decimal("900.00"), "test")])
    members = [person(35, "2400"), person(3), person(10)]  # 800 per person
    months = amounts_by_month("zasilek_rodzinny", members, D(2025, 11, 1), D(2026, 12, 31),
                              table=table)
    by_month = {m.month: m for m in months}
    assert by_month[D(2026, 2, 1)].parameters_on == D(2025, 11, 1)
    assert not by_month[D(2026, 10, 1)].eligible  # 674 for the whole period 2025/2026
    assert by_month[D(2026, 11, 1)].amount == Decimal("219.00")  # 900 from the next period
    assert parameter_changes("zasilek_rodzinny", D(2025, 11, 1), D(2026, 12, 31),
                             table=table) == [D(2026, 11, 1)]


@pytest.mark.parametrize(
    ("benefit", "period_from", "period_to", "changes"),
    [
        ("zasilek_staly", D(2024, 7, 1), D(2025, 6, 30), [D(2025, 1, 1)]),
        ("zasilek_staly", D(2023, 7, 1), D(2025, 6, 30), [D(2024, 1, 1), D(2025, 1, 1)]),
        ("zasilek_okresowy", D(2024, 11, 1), D(2025, 4, 30), [D(2025, 1, 1)]),
        ("specjalny_zasilek_celowy", D(2025, 2, 1), D(2025, 12, 31), []),
        ("fundusz_alimentacyjny", D(2024, 6, 1), D(2025, 5, 31), [D(2024, 10, 1)]),
        ("fundusz_alimentacyjny", D(2026, 3, 1), D(2027, 2, 28), [D(2026, 10, 1)]),
        ("fundusz_alimentacyjny", D(2024, 10, 1), D(2025, 9, 30), []),
        ("zasilek_rodzinny", D(2024, 11, 1), D(2026, 10, 31), []),
    ],
)
def test_parameter_changes_lists_the_change_dates_inside_a_period(
    benefit: str, period_from: date, period_to: date, changes: list[date]
) -> None:
    assert parameter_changes(benefit, period_from, period_to) == changes


def test_members_may_change_from_month_to_month() -> None:
    # A child turning 5 in March 2026: the band changes from 95 to 124 zł.
    def household(month: date) -> list[Member]:
        return [person(35, 0), person(5 if month >= D(2026, 3, 1) else 4)]

    runs = segments("zasilek_rodzinny", household, D(2025, 11, 1), D(2026, 10, 31))
    assert [(s.start, s.months, s.amount) for s in runs] == [
        (D(2025, 11, 1), 4, Decimal("95.00")), (D(2026, 3, 1), 8, Decimal("124.00"))]


def test_benefit_period_and_months() -> None:
    assert benefit_period("fundusz_alimentacyjny", D(2025, 3, 1)) == (D(2024, 10, 1),
                                                                      D(2025, 9, 30))
    assert benefit_period("zasilek_rodzinny", D(2025, 11, 1)) == (D(2025, 11, 1),
                                                                  D(2026, 10, 31))
    assert benefit_period("zasilek_staly", D(2025, 3, 1)) is None
    assert parameters_on("zasilek_okresowy", D(2025, 3, 17)) == D(2025, 3, 1)
    assert months_between(D(2024, 11, 15), D(2025, 2, 1)) == [
        D(2024, 11, 1), D(2024, 12, 1), D(2025, 1, 1), D(2025, 2, 1)]


@pytest.mark.parametrize("benefit", BENEFITS)
def test_every_benefit_can_be_computed_by_month(benefit: str) -> None:
    members = [person(70, 500, unable_to_work=True, alimony_awarded=Decimal(300)),
               person(10, alimony_awarded=Decimal(400))]
    months = amounts_by_month(benefit, members, D(2025, 1, 1), D(2025, 3, 31))
    assert [m.month for m in months] == [D(2025, 1, 1), D(2025, 2, 1), D(2025, 3, 1)]
    json.dumps([m.to_dict() for m in months])


@pytest.mark.parametrize(
    ("call", "field"),
    [
        (lambda: first_benefit_month("zasilek_nieznany", D(2025, 1, 1)), "benefit"),
        (lambda: first_benefit_month("zasilek_staly", "2025-01-01"), "received_on"),
        (lambda: months_between(D(2025, 3, 1), D(2025, 2, 1)), "period_to"),
        (lambda: months_between(D(2000, 1, 1), D(2030, 1, 1)), "period_to"),
        (lambda: parameter_changes("fundusz_alimentacyjny", D(2000, 1, 1), D(2001, 1, 1)), "on"),
    ],
)
def test_bad_input_names_the_field(call: object, field: str) -> None:
    with pytest.raises(InvalidInput) as e:
        call()  # type: ignore[operator]
    assert e.value.field == field
