"""Issue 16 (lane usrf): jednorazowa zapomoga z tytułu urodzenia się dziecka (art. 15b u.ś.r.)
and świadczenie rodzicielskie (art. 17c u.ś.r.)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from app.domain.eligibility import calculate
from app.domain.income import Member
from app.domain.parameters import ENTRIES, build_table

from .helpers import person

D = Decimal
BORN = date(2025, 1, 15)


def fam(income: str | int = 0, *children: Member, **applicant: Any) -> list[Member]:
    return [person(30, income, relation="applicant", sex="F", **applicant), *children]


def baby(**kw: Any) -> Member:
    return person(0, relation="child", born_on=kw.pop("born_on", BORN), **kw)


# --- art. 15b: becikowe -----------------------------------------------------------------------

@pytest.mark.parametrize(("filed", "eligible"), [(date(2026, 1, 15), True),
                                                 (date(2026, 1, 16), False)])
def test_art_15b_ust_3_within_12_months_of_the_birth(filed: date, eligible: bool) -> None:
    r = calculate("jednorazowa_zapomoga", filed,
                  fam(0, baby(prenatal_care=True), applied_on=filed))
    assert r.eligible is eligible
    assert r.amount == (D("1000.00") if eligible else D("0"))


@pytest.mark.parametrize(("income", "eligible"), [("3844.00", True), ("3844.01", False)])
def test_art_15b_ust_2_income_per_person_at_most_1922(income: str, eligible: bool) -> None:
    # Two persons: 1922 x 2 = 3844.
    r = calculate("jednorazowa_zapomoga", date(2025, 3, 1), fam(income, baby(prenatal_care=True)))
    assert r.eligible is eligible
    if eligible:
        assert r.components == [{"code": "jednorazowa_zapomoga", "amount": D("1000.00"),
                                 "per": "once", "article": "art. 15b ust. 1 u.ś.r."}]


def test_art_15b_ust_1_1000_per_child_born() -> None:
    r = calculate("jednorazowa_zapomoga", date(2025, 3, 1),
                  fam(0, baby(prenatal_care=True), baby(prenatal_care=True)))
    assert r.amount == D("2000.00") and len(r.breakdown) == 2


def test_art_15b_ust_5_6_prenatal_care_unless_a_guardian_or_adopting_parent() -> None:
    on = date(2025, 6, 1)
    none = calculate("jednorazowa_zapomoga", on, fam(0, baby()))
    adopted = calculate("jednorazowa_zapomoga", on,
                        fam(0, person(3, relation="child", born_on=date(2022, 1, 1),
                                      care_since=date(2025, 5, 1))))
    assert not none.eligible
    assert adopted.eligible and adopted.amount == D("1000.00")
    assert "10. tygodnia ciąży" in " ".join(s["text_pl"] for s in none.explanation)


def test_art_15b_amount_across_a_parameter_change() -> None:
    table = build_table([*ENTRIES, ("jednorazowa_zapomoga.amount", date(2026, 1, 1),
                                    D("1500.00"), "a test's change")])
    before = calculate("jednorazowa_zapomoga", date(2025, 12, 31),
                       fam(0, baby(prenatal_care=True)), table=table)
    after = calculate("jednorazowa_zapomoga", date(2026, 1, 1),
                      fam(0, baby(prenatal_care=True)), table=table)
    assert (before.amount, after.amount) == (D("1000.00"), D("1500.00"))


# --- art. 17c: świadczenie rodzicielskie ------------------------------------------------------

@pytest.mark.parametrize(("children", "weeks"), [(1, 52), (2, 65), (3, 67), (4, 69), (5, 71),
                                                 (6, 71)])
def test_art_17c_ust_6_weeks_by_the_children_born_at_one_birth(children: int, weeks: int) -> None:
    r = calculate("swiadczenie_rodzicielskie", date(2025, 2, 1),
                  fam(0, *(baby() for _ in range(children))))
    assert r.eligible and r.amount == D("1000.00")
    assert r.breakdown[0]["weeks"] == weeks
    assert r.breakdown[0]["until"] == date.fromordinal(BORN.toordinal() + 7 * weeks - 1)


def test_art_17c_no_income_test_and_an_older_sibling_does_not_count() -> None:
    r = calculate("swiadczenie_rodzicielskie", date(2025, 2, 1),
                  fam("99999.00", person(4, relation="child", born_on=date(2020, 5, 5)), baby()))
    assert r.eligible and r.breakdown[0]["weeks"] == 52
    assert r.components == [{"code": "swiadczenie_rodzicielskie", "amount": D("1000.00"),
                             "per": "month", "article": "art. 17c ust. 3 u.ś.r."}]


@pytest.mark.parametrize("who", ["applicant", "spouse"])
def test_art_17c_ust_5_not_with_zasilek_macierzynski_of_either_parent(who: str) -> None:
    spouse = person(31, relation="spouse",
                    other_benefits=["zasilek_macierzynski"] if who == "spouse" else [])
    members = fam(0, spouse, baby(),
                  other_benefits=["zasilek_macierzynski"] if who == "applicant" else [])
    assert not calculate("swiadczenie_rodzicielskie", date(2025, 2, 1), members).eligible


@pytest.mark.parametrize(("filed", "eligible"), [(date(2026, 1, 13), True),
                                                 (date(2026, 1, 14), False)])
def test_art_17c_ust_6_not_after_the_52_weeks(filed: date, eligible: bool) -> None:
    r = calculate("swiadczenie_rodzicielskie", filed, fam(0, baby(), applied_on=filed))
    assert r.eligible is eligible


def test_art_17c_amount_across_a_parameter_change() -> None:
    table = build_table([*ENTRIES, ("swiadczenie_rodzicielskie.amount", date(2025, 6, 1),
                                    D("1200.00"), "a test's change")])
    before = calculate("swiadczenie_rodzicielskie", date(2025, 5, 1), fam(0, baby()), table=table)
    after = calculate("swiadczenie_rodzicielskie", date(2025, 6, 1), fam(0, baby()), table=table)
    assert (before.amount, after.amount) == (D("1000.00"), D("1200.00"))
