"""Zasiłek stały, zasiłek okresowy and specjalny zasiłek celowy (u.p.s.)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain.eligibility import EligibilityResult, calculate
from app.domain.errors import InvalidInput

from .helpers import family, person

D = date
Z = Decimal("0.00")


def stały(on: date, income: str | int, **kw: object) -> EligibilityResult:
    kw.setdefault("unable_to_work", True)
    return calculate("zasilek_staly", on, [person(50, income, **kw)])


def keys(r: EligibilityResult) -> list[str]:
    return [s["key"] for s in r.explanation]


# --- zasiłek stały, person living alone ---


@pytest.mark.parametrize(
    ("on", "income", "amount"),
    [
        (D(2025, 3, 1), 0, "1229.00"),  # 130% x 1010 = 1313 -> capped at 1229
        (D(2025, 3, 1), 500, "813.00"),  # 1313 - 500
        (D(2025, 3, 1), "1009.99", "303.01"),
        (D(2025, 1, 1), 800, "513.00"),
        (D(2024, 12, 31), 0, "1000.00"),  # 130% x 776 = 1008.80 -> capped at 1000
        (D(2024, 1, 1), 0, "1000.00"),
        (D(2024, 1, 1), 700, "308.80"),  # 1008.80 - 700
        (D(2023, 12, 31), 0, "719.00"),  # 100% x 776 -> capped at 719
        (D(2023, 12, 31), 700, "76.00"),
        (D(2023, 12, 31), 770, "30.00"),  # 6 -> minimum 30 before 2024
        (D(2022, 1, 1), 0, "719.00"),
        (D(2022, 1, 1), 701, "75.00"),
        (D(2021, 12, 31), 0, "645.00"),  # 701 capped at 645
        (D(2021, 12, 31), 700, "30.00"),  # 1 -> minimum 30
    ],
)
def test_zasilek_staly_single(on: date, income: str | int, amount: str) -> None:
    r = stały(on, income)
    assert r.eligible
    assert r.amount == r.min_amount == r.max_amount == Decimal(amount)


@pytest.mark.parametrize(
    ("on", "income"),
    [(D(2025, 3, 1), 1010), (D(2024, 12, 31), 800), (D(2023, 12, 31), 776), (D(2021, 12, 31), 701)],
)
def test_zasilek_staly_single_income_not_below_criterion(on: date, income: int) -> None:
    r = stały(on, income)
    assert not r.eligible and r.amount == r.min_amount == r.max_amount == Z


def test_zasilek_staly_explains_cap_parameters_and_basis() -> None:
    r = stały(D(2025, 3, 1), 0)
    assert "zasilek_staly.cap" in keys(r)
    assert r.parameters["zasilek_staly.cap"]["valid_from"] == "2025-01-01"
    assert r.parameters["zasilek_staly.cap"]["value"] == "1229.00"
    assert r.parameters["zasilek_staly.amount_percentage"]["valid_from"] == "2024-01-01"
    assert "art. 37 ust. 1 u.p.s." in r.legal_basis
    assert "art. 37 ust. 2 pkt 1 u.p.s." in r.legal_basis
    assert keys(r)[-1] == "result"


def test_zasilek_staly_minimum_is_explained() -> None:
    r = stały(D(2023, 12, 31), 770)
    step = next(s for s in r.explanation if s["key"] == "zasilek_staly.minimum")
    assert step["result"] == "30.00"
    assert "art. 37 ust. 3 u.p.s." in r.legal_basis


# --- zasiłek stały, person in a family ---


def test_zasilek_staly_family() -> None:
    members = [person(70, 0), person(40, 1500), person(10)]
    r = calculate("zasilek_staly", D(2025, 3, 1), members)
    assert r.eligible and r.amount == Decimal("569.90")  # 1069.90 - 500.00
    assert any(k == "reading.zasilek_staly.cap" for k in keys(r))


def test_zasilek_staly_family_requires_low_own_income() -> None:
    r = calculate("zasilek_staly", D(2025, 3, 1), [person(70, 900), person(40), person(10)])
    assert not r.eligible  # per person 300 but own income 900 >= 823


def test_zasilek_staly_amount_is_computed_unrounded_and_rounded_up_for_the_applicant() -> None:
    # 200.01 / 2 = 100.005; 1069.90 - 100.005 = 969.895 -> 969.90 (the old code gave 969.89)
    r = calculate("zasilek_staly", D(2025, 3, 1), [person(70, 0), person(40, "200.01")])
    assert r.amount == Decimal("969.90")
    step = next(s for s in r.explanation if s["key"] == "zasilek_staly.difference")
    assert "rounded up to grosze" in step["text"] and "w górę" in step["text_pl"]
    # 1000 / 3 = 333.33...; 1069.90 - 333.333... = 736.5666... -> 736.57
    three = calculate("zasilek_staly", D(2025, 3, 1), [person(70, 0), person(40, 1000),
                                                        person(10)])
    assert three.amount == Decimal("736.57")


def test_zasilek_staly_income_per_person_is_compared_with_the_criterion_unrounded() -> None:
    # 1645.99 / 2 = 822.995, which is below 823 (the old code rounded it to 823.00 and refused)
    yes = calculate("zasilek_staly", D(2025, 3, 1), [person(70, 0), person(40, "1645.99")])
    assert yes.eligible and yes.amount == Decimal("246.91")  # 1069.90 - 822.995 = 246.905
    step = next(s for s in yes.explanation if s["key"] == "zasilek_staly.income_test")
    assert "READING" in step["text"] and "1645.99 < 823.00 x 2" in step["text"]
    assert "bez zaokrąglenia" in step["text_pl"]
    no = calculate("zasilek_staly", D(2025, 3, 1), [person(70, 0), person(40, "1646.00")])
    assert not no.eligible  # exactly 823 per person is not below 823


def test_zasilek_staly_family_before_2024_uses_100_percent() -> None:
    members = [person(70, 0), person(40, 600)]
    assert calculate("zasilek_staly", D(2023, 12, 31), members).amount == Decimal("300.00")
    assert calculate("zasilek_staly", D(2024, 1, 1), members).amount == Decimal("480.00")


# --- zasiłek stały: who qualifies ---


@pytest.mark.parametrize(
    "benefit", ["renta_socjalna", "swiadczenie_pielegnacyjne", "specjalny_zasilek_opiekunczy",
                "zasilek_dla_opiekuna"],
)
def test_zasilek_staly_exclusions(benefit: str) -> None:
    r = stały(D(2025, 3, 1), 0, other_benefits=[benefit])
    assert not r.eligible and "zasilek_staly.exclusion" in keys(r)
    assert "art. 37 ust. 5 u.p.s." in r.legal_basis


def test_other_benefits_do_not_exclude() -> None:
    assert stały(D(2025, 3, 1), 0, other_benefits=["zasilek_pielegnacyjny"]).eligible


def test_zasilek_staly_requires_an_adult() -> None:
    r = calculate("zasilek_staly", D(2025, 3, 1), [person(17, 0, unable_to_work=True)])
    assert not r.eligible and "zasilek_staly.adult" in keys(r)


@pytest.mark.parametrize(
    ("age", "sex", "eligible"),
    [(59, "F", False), (60, "F", True), (64, "M", False), (65, "M", True), (64, None, False),
     (65, None, True)],
)
def test_zasilek_staly_retirement_age_reading(age: int, sex: str | None, eligible: bool) -> None:
    r = calculate("zasilek_staly", D(2025, 3, 1), [person(age, 0, sex=sex)])
    assert r.eligible is eligible


def test_unknown_sex_reading_is_named() -> None:
    r = calculate("zasilek_staly", D(2025, 3, 1), [person(70, 0)])
    step = next(s for s in r.explanation if s["key"] == "zasilek_staly.unable_to_work")
    assert "READING" in step["text"] and step["inputs"]["retirement_age"] == 65


def test_unable_to_work_qualifies_at_any_adult_age() -> None:
    assert stały(D(2025, 3, 1), 0).eligible
    assert not calculate("zasilek_staly", D(2025, 3, 1), [person(30, 0)]).eligible


# --- zasiłek okresowy ---


def okresowy(on: date, members: list, **kw: object) -> EligibilityResult:  # type: ignore[type-arg]
    return calculate("zasilek_okresowy", on, members, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("income", "amount", "maximum"),
    [
        (600, "205.00", "410.00"),
        ("600.01", "205.00", "409.99"),  # 204.995 -> 205.00
        (975, "20.00", "35.00"),  # 17.50 -> minimum 20
        (990, "20.00", "20.00"),  # exactly 20
    ],
)
def test_zasilek_okresowy_single(income: str | int, amount: str, maximum: str) -> None:
    r = okresowy(D(2025, 3, 1), [person(40, income)])
    assert r.eligible
    assert r.amount == r.min_amount == Decimal(amount)
    assert r.max_amount == Decimal(maximum)


@pytest.mark.parametrize(("income", "difference"), [(1000, "10.00"), ("1009.99", "0.01")])
def test_art_38_ust_4_zasilek_okresowy_is_never_below_20_zl(income: str | int,
                                                             difference: str) -> None:
    # The 20 zł minimum is absolute: it applies even where the difference is smaller.
    r = okresowy(D(2025, 3, 1), [person(40, income)])
    assert r.eligible
    assert r.amount == r.min_amount == r.max_amount == Decimal("20.00")
    step = next(s for s in r.explanation if s["key"] == "zasilek_okresowy.minimum")
    assert step["inputs"]["maximum"] == difference and step["result"] == "20.00"
    assert "art. 38 ust. 4 u.p.s." in r.legal_basis
    assert "także wtedy, gdy różnica" in step["text_pl"]


def test_art_38_ust_4_minimum_applies_to_a_family_and_to_a_municipal_percentage() -> None:
    r = okresowy(D(2025, 3, 1), family("3290", 4), municipal_percentage=Decimal("70"))
    assert r.amount == r.min_amount == r.max_amount == Decimal("20.00")  # difference 2.00


def test_zasilek_okresowy_share_is_rounded_up_in_the_applicants_favour() -> None:
    # 70% of 410.03 = 287.021 -> 287.03 (half-up would give 287.02)
    r = okresowy(D(2025, 3, 1), [person(40, "599.97")], municipal_percentage=Decimal("70"))
    assert r.amount == Decimal("287.03") and r.max_amount == Decimal("410.03")


def test_zasilek_okresowy_family_uses_family_criterion() -> None:
    r = okresowy(D(2025, 3, 1), family("2000", 4))
    assert r.amount == Decimal("646.00") and r.max_amount == Decimal("1292.00")  # 3292 - 2000
    assert "zasilek_okresowy.family_criterion" in keys(r)


def test_zasilek_okresowy_not_below_criterion() -> None:
    assert not okresowy(D(2025, 3, 1), [person(40, 1010)]).eligible
    assert not okresowy(D(2025, 3, 1), family("2469", 3)).eligible


def test_zasilek_okresowy_criterion_change_2022() -> None:
    assert okresowy(D(2021, 12, 31), [person(40, 700)]).amount == Decimal("20.00")  # minimum
    assert okresowy(D(2022, 1, 1), [person(40, 700)]).amount == Decimal("38.00")


def test_zasilek_okresowy_municipal_percentage() -> None:
    r = okresowy(D(2025, 3, 1), [person(40, 600)], municipal_percentage=Decimal("70"))
    assert r.amount == Decimal("287.00") and r.max_amount == Decimal("410.00")
    assert "zasilek_okresowy.municipal_percentage" in keys(r)
    assert okresowy(D(2025, 3, 1), [person(40, 600)],
                    municipal_percentage="100").amount == Decimal("410.00")


@pytest.mark.parametrize("pct", [Decimal("49.99"), Decimal("101"), 70.0, "abc"])
def test_zasilek_okresowy_bad_municipal_percentage(pct: object) -> None:
    with pytest.raises(InvalidInput) as e:
        okresowy(D(2025, 3, 1), [person(40, 600)], municipal_percentage=pct)
    assert e.value.field == "municipal_percentage"


def test_zasilek_okresowy_single_cap_reading_is_named() -> None:
    r = okresowy(D(2025, 3, 1), [person(40, 0)])
    assert "reading.zasilek_okresowy.single_cap" in keys(r)
    assert r.max_amount == Decimal("1010.00")


# --- specjalny zasiłek celowy ---


def test_specjalny_zasilek_celowy_single() -> None:
    r = calculate("specjalny_zasilek_celowy", D(2025, 3, 1), [person(40, 1200)])
    assert r.eligible and r.amount == Z and r.min_amount == Z
    assert r.max_amount == Decimal("1010.00")
    assert "art. 41 pkt 1 u.p.s." in r.legal_basis
    assert "reading.specjalny_zasilek_celowy.justified" in keys(r)


def test_specjalny_zasilek_celowy_family_limit_is_family_criterion() -> None:
    r = calculate("specjalny_zasilek_celowy", D(2025, 3, 1), family("3000", 3))
    assert r.eligible and r.max_amount == Decimal("2469.00")


def test_specjalny_zasilek_celowy_needs_income_above_criterion() -> None:
    assert not calculate("specjalny_zasilek_celowy", D(2025, 3, 1), [person(40, 1010)]).eligible
    on_2024 = calculate("specjalny_zasilek_celowy", D(2024, 12, 31), [person(40, 900)])
    assert on_2024.eligible and on_2024.max_amount == Decimal("776.00")
    assert not calculate("specjalny_zasilek_celowy", D(2025, 1, 1), [person(40, 900)]).eligible
