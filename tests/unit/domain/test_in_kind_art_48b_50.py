"""Help in kind and services of the u.p.s.: meals (art. 48b, programme "Posiłek w szkole i w
domu" 2024-2028, 200% of the criterion) and care services (art. 50, the fee by the rada gminy's
resolution, art. 50 ust. 6)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain import benefits
from app.domain.benefits import forms
from app.domain.care_fees import FeeTable, fee_for, in_force, month_days, month_fee, month_hours, read_table
from app.domain.decision_rules import DecisionDraft, LegalRange, check_decision
from app.domain.eligibility import calculate
from app.domain.messages.codes_upsb import UpsbCode

from .helpers import family, person

D = date
Z = Decimal("0.00")


# --- art. 48b u.p.s.: the programme's 200% threshold, derived from the criterion ---


@pytest.mark.parametrize(("on", "income", "eligible"), [
    (D(2025, 3, 1), "2020.00", True),    # exactly 200% x 1010 zł
    (D(2025, 3, 1), "2020.01", False),   # one grosz above
    (D(2024, 12, 1), "1552.00", True),   # before the change: 200% x 776 zł
    (D(2024, 12, 1), "1552.01", False),
    (D(2025, 1, 1), "1552.01", True),    # across the change (1 Jan 2025) the new threshold
])
def test_art_48b_meal_single_threshold_200_percent(on: date, income: str, eligible: bool) -> None:
    r = calculate("posilek", on, [person(70, income)])
    assert r.eligible is eligible
    assert r.amount == Z and r.min_amount == Z and r.max_amount == Z
    test = next(s for s in r.explanation if s["key"] == "posilek.income_test")
    assert Decimal(test["inputs"]["threshold"]) == (2020 if on.year == 2025 else 1552)


@pytest.mark.parametrize(("total", "persons", "eligible"), [
    ("4938.00", 3, True),    # 1646 zł per person x 3, exactly at 200% x 823 zł
    ("4938.01", 3, False),   # 1646,0033... per person: above, compared unrounded
    ("3292.00", 2, True),
    ("3292.01", 2, False),
])
def test_art_48b_meal_family_threshold_per_person_unrounded(total: str, persons: int,
                                                              eligible: bool) -> None:
    assert calculate("posilek", D(2025, 9, 1), family(total, persons, (8,))).eligible is eligible


def test_art_48b_meal_family_threshold_before_2025_is_200_percent_of_600() -> None:
    assert calculate("posilek", D(2024, 9, 1), family("2400.00", 2)).eligible
    assert not calculate("posilek", D(2024, 9, 1), family("2400.01", 2)).eligible


def test_art_48b_threshold_is_the_programmes_parameter_across_its_changes() -> None:
    r = calculate("posilek", D(2025, 3, 1), [person(30, 0)])
    assert r.parameters["posilek.threshold_percentage"]["value"] == 200
    assert r.parameters["posilek.threshold_percentage"]["valid_from"] == "2024-01-01"
    # The 2019-2023 programme: 150% until its amendment, 200% from 2023 (776 zł single).
    assert calculate("posilek", D(2022, 12, 1), [person(30, "1164.00")]).eligible
    assert not calculate("posilek", D(2022, 12, 1), [person(30, "1164.01")]).eligible
    assert calculate("posilek", D(2023, 1, 1), [person(30, "1552.00")]).eligible
    assert not calculate("posilek", D(2023, 1, 1), [person(30, "1552.01")]).eligible


def test_art_48b_meal_is_help_in_kind_and_art_50_services_a_service() -> None:
    assert benefits.get("posilek").kind is benefits.Kind.IN_KIND
    assert benefits.get("uslugi_opiekuncze").kind is benefits.Kind.SERVICE
    # The draft form asks for the scope, never for an amount.
    assert {"amount", "amount_reason", "purpose", "hours_per_week"} <= \
        forms.left_out("posilek", "draft_decision")
    assert {"amount", "provider", "meals_per_day"} <= \
        forms.left_out("uslugi_opiekuncze", "draft_decision")
    assert {"provider", "meals_per_day", "hours_per_week"} <= \
        forms.left_out("zasilek_okresowy", "draft_decision")


def test_art_48b_art_50_a_grant_needs_no_amount_but_eligibility() -> None:
    legal = LegalRange(True, Z, Z, Z)
    draft = DecisionDraft(benefit="posilek", kind="grant", amount=None,
                          period_from=D(2025, 9, 1), period_to=D(2026, 6, 30))
    assert check_decision(draft, legal, D(2025, 9, 1)) == []
    refused = check_decision(draft, LegalRange(False, Z, Z, Z), D(2025, 9, 1))
    assert [v.code for v in refused] == ["not_eligible"]
    # A period is still required: meals are granted for a set period.
    open_ended = DecisionDraft(benefit="posilek", kind="grant", period_from=D(2025, 9, 1))
    assert "period_to" in {v.field for v in check_decision(open_ended, legal, D(2025, 9, 1))}


# --- art. 50 u.p.s.: services on need, the fee by the resolution's table ---


def test_art_50_services_are_granted_on_need_whatever_the_income() -> None:
    for income in ("0", "1010.00", "9999.00"):
        r = calculate("uslugi_opiekuncze", D(2025, 3, 1), [person(82, income)])
        assert r.eligible and r.amount == Z
    share = next(s for s in calculate("uslugi_opiekuncze", D(2025, 3, 1),
                                      [person(82, "1515.00")]).explanation
                 if s["key"] == "uslugi_opiekuncze.income_share")
    assert Decimal(share["result"]) == 150


JAN_2025 = D(2025, 1, 1)


def _table(on: date = JAN_2025, cost: str = "40.00") -> FeeTable:
    table, errors = read_table(on, cost, [
        {"up_to": "100", "fee_percent": "0"},
        {"up_to": "150", "fee_percent": "10"},
        {"up_to": "200", "fee_percent": "25"},
        {"up_to": "", "fee_percent": "100"},
    ], "Uchwała nr X/1/2024 Rady Gminy z 1 grudnia 2024 r.")
    assert table is not None, errors
    return table


@pytest.mark.parametrize(("total", "persons", "crit", "band", "per_hour"), [
    ("1010.00", 1, "1010", 1, "0.00"),     # exactly 100%: free
    ("1010.01", 1, "1010", 2, "4.00"),     # one grosz above: 10% of 40 zł
    ("1515.00", 1, "1010", 2, "4.00"),     # exactly 150%
    ("1515.01", 1, "1010", 3, "10.00"),
    ("2469.00", 3, "823", 1, "0.00"),      # 823 zł per person, exactly 100%
    ("2469.01", 3, "823", 2, "4.00"),      # 823,0033... per person: above, unrounded
    ("5000.00", 1, "1010", 4, "40.00"),    # above the last limit: the open band
])
def test_art_50_ust_6_fee_band_at_and_one_grosz_above_each_limit(
        total: str, persons: int, crit: str, band: int, per_hour: str) -> None:
    fee = fee_for(_table(), Decimal(total), persons, Decimal(crit))
    assert (fee.band, fee.fee_per_hour) == (band, Decimal(per_hour))


def test_art_50_ust_6_fee_per_hour_rounded_down_in_the_partys_favour() -> None:
    fee = fee_for(_table(cost="33.33"), Decimal("1100"), 1, Decimal("1010"))
    assert fee.fee_per_hour == Decimal("3.33")   # 10% x 33,33 = 3,333 -> 3,33


def test_art_50_ust_6_the_table_in_force_follows_the_resolution_dates() -> None:
    old, new = _table(D(2024, 1, 1), "35.00"), _table(D(2025, 1, 1), "40.00")
    assert in_force([old, new], D(2024, 12, 31)) is old
    assert in_force([old, new], D(2025, 1, 1)) is new
    assert in_force([old, new], D(2023, 12, 31)) is None
    # Across the change of the criterion (1 Jan 2025) the same income falls in another band.
    assert fee_for(old, Decimal("1000"), 1, Decimal("776")).band == 2     # 128,9%
    assert fee_for(new, Decimal("1000"), 1, Decimal("1010")).band == 1    # 99,0%


@pytest.mark.parametrize(("bands", "field", "code"), [
    ([], "bands", UpsbCode.FEE_TABLE_EMPTY),
    ([{"up_to": "100", "fee_percent": "0"}, {"up_to": "100", "fee_percent": "5"},
      {"up_to": "", "fee_percent": "9"}], "bands[1].up_to", UpsbCode.FEE_BAND_ORDER),
    ([{"up_to": "100", "fee_percent": "0"}, {"up_to": "150", "fee_percent": "10"}],
     "bands[1].up_to", UpsbCode.FEE_BAND_OPEN_END),
    ([{"up_to": "", "fee_percent": "0"}, {"up_to": "", "fee_percent": "10"}],
     "bands[0].up_to", UpsbCode.FEE_BAND_OPEN_END),
    ([{"up_to": "abc", "fee_percent": "0"}, {"up_to": "", "fee_percent": "10"}],
     "bands[0].up_to", UpsbCode.FEE_BAND_LIMIT),
    ([{"up_to": "100", "fee_percent": "101"}, {"up_to": "", "fee_percent": "10"}],
     "bands[0].fee_percent", UpsbCode.FEE_BAND_PERCENT),
])
def test_art_50_ust_6_fee_table_refused_with_a_coded_polish_error(
        bands: list[dict[str, str]], field: str, code: UpsbCode) -> None:
    table, errors = read_table(D(2025, 1, 1), "40,00", bands, "Uchwała nr 1")
    assert table is None
    assert errors[field].code is code


def test_art_50_ust_6_fee_table_needs_cost_and_resolution() -> None:
    _, errors = read_table(D(2025, 1, 1), "0", [{"up_to": "", "fee_percent": "0"}], " ")
    assert errors["hourly_cost"].code is UpsbCode.FEE_HOURLY_COST
    assert errors["resolution"].code is UpsbCode.FEE_RESOLUTION
    table, errors = read_table(D(2025, 1, 1), "38,50", [{"up_to": "", "fee_percent": "12,5"}],
                               "Uchwała nr 1")
    assert table is not None and table.hourly_cost == Decimal("38.50")
    assert table.bands[0].fee_percent == Decimal("12.5")


def test_art_50_monthly_hours_and_fee_on_working_days() -> None:
    # March 2025: 21 working days; 10 hours a week = 2 hours a working day -> 42 hours.
    days = month_days(D(2025, 3, 1), D(2025, 8, 31), D(2025, 3, 1))
    assert len(days) == 21
    hours = month_hours(Decimal("10"), len(days))
    assert hours == Decimal("42.00")
    assert month_fee(hours, Decimal("4.00")) == Decimal("168.00")
    # A period starting mid-month counts from its first day; 1 May 2025 is a holiday (a Thursday).
    assert len(month_days(D(2025, 5, 15), None, D(2025, 5, 1))) == 12
    assert len(month_days(D(2025, 5, 1), None, D(2025, 5, 1))) == 21
