"""Issue 16, part 2: the care benefits of u.ś.r. (lane usrc), named after their articles.

The applicant (members[0]) is the carer; the person cared for is a member with the disability
fields. Thresholds are tested exactly at and 1 grosz above; amounts across a parameter change."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain.benefit_months import amounts_by_month, parameter_changes
from app.domain.eligibility import calculate
from app.domain.income import IncomeItem, Member

from .helpers import person

ZP = "zasilek_pielegnacyjny"
SP = "swiadczenie_pielegnacyjne"
SZO = "specjalny_zasilek_opiekunczy"
ON = date(2026, 3, 1)


def _keys(r: object) -> list[str]:
    return [s["key"] for s in r.explanation]  # type: ignore[attr-defined]


# --- zasiłek pielęgnacyjny (art. 16) ---------------------------------------------------------

def test_art_16_ust_2_pkt_1_a_disabled_child_under_16() -> None:
    r = calculate(ZP, ON, [person(38), Member(age=15, disability_degree="child")])
    assert r.eligible and r.amount == Decimal("215.84")
    assert r.breakdown == [{"member": 1, "amount": Decimal("215.84"), "ground": "child",
                            "article": "art. 16 ust. 2 pkt 1 u.ś.r."}]
    assert "art. 16 ust. 2 pkt 1 u.ś.r." in r.legal_basis


def test_art_16_ust_2_pkt_2_over_16_only_with_a_znaczny_degree() -> None:
    assert calculate(ZP, ON, [person(45), Member(age=16, disability_degree="znaczny")]).eligible
    # At 16 the child's certificate no longer counts (art. 16 ust. 2 pkt 1: under 16).
    assert not calculate(ZP, ON, [person(45), Member(age=16, disability_degree="child")]).eligible
    assert not calculate(ZP, ON, [person(45), Member(age=30, disability_degree="lekki")]).eligible
    # Without a degree, a certificate of a severe degree is znaczny.
    r = calculate(ZP, ON, [person(45), Member(age=30, severe_disability_certificate=True)])
    assert r.eligible and r.breakdown[0]["ground"] == "znaczny"


def test_art_16_ust_2_pkt_3_umiarkowany_that_arose_before_21_at_the_threshold() -> None:
    def onset(age: int | None) -> bool:
        return calculate(ZP, ON, [person(45), Member(age=40, disability_degree="umiarkowany",
                                                     disability_onset_age=age)]).eligible
    assert onset(20)             # arose before the 21st birthday
    assert not onset(21)         # at 21: "do ukończenia 21 roku życia" is over
    assert not onset(None)       # an unknown onset does not show the ground


def test_art_16_ust_2_pkt_4_aged_75_the_applicant_for_themself() -> None:
    assert calculate(ZP, ON, [person(75)]).eligible
    r = calculate(ZP, ON, [person(74)])
    assert not r.eligible and "zasilek_pielegnacyjny.ground" in _keys(r)


def test_art_16_ust_6_not_with_a_dodatek_pielegnacyjny() -> None:
    r = calculate(ZP, ON, [person(80, other_benefits=["dodatek_pielegnacyjny"])])
    assert not r.eligible
    step = next(s for s in r.explanation if s["key"] == "zasilek_pielegnacyjny.exclusion")
    assert "dodatku pielęgnacyjnego" in step["text_pl"]


def test_art_16_no_income_test_and_each_entitled_person() -> None:
    rich = person(45, 100000)
    r = calculate(ZP, ON, [rich, Member(age=5, disability_degree="child"),
                           Member(age=17, disability_degree="znaczny")])
    assert r.eligible and r.amount == Decimal("431.68")
    assert [row["member"] for row in r.breakdown] == [1, 2]
    assert "income_per_person" not in _keys(r)


def test_art_16_ust_3_amount_is_a_dated_parameter() -> None:
    r = calculate(ZP, date(2023, 1, 1), [person(80)])
    assert r.parameters["zasilek_pielegnacyjny.amount"]["value"] == "215.84"


# --- świadczenie pielęgnacyjne (art. 17, since 1 Jan 2024) ---------------------------------

def test_art_17_ust_1_a_child_under_18_with_a_znaczny_degree_work_allowed() -> None:
    carer = person(40, 9000, relation="applicant")  # works: allowed since 2024
    r = calculate(SP, ON, [carer, Member(age=17, disability_degree="znaczny", relation="child")])
    assert r.eligible and r.amount == Decimal("3386.00")
    assert r.breakdown == [{"member": 1, "ground": "znaczny", "article": "art. 17 ust. 1 u.ś.r."}]


def test_art_17_ust_1_the_age_limit_18() -> None:
    r = calculate(SP, ON, [person(40), Member(age=18, disability_degree="znaczny")])
    assert not r.eligible


def test_art_17_ust_1_the_childs_certificate_needs_the_indications_of_pkt_7_and_8() -> None:
    assert calculate(SP, ON, [person(40), Member(age=6, disability_degree="child",
                                                 constant_care=True)]).eligible
    assert not calculate(SP, ON, [person(40), Member(age=6, disability_degree="child")]).eligible


def test_art_17_ust_3_the_calendar_years_amount_2024_2025_2026() -> None:
    household = [person(40), Member(age=10, disability_degree="znaczny")]
    assert calculate(SP, date(2024, 12, 1), household).amount == Decimal("2988.00")
    assert calculate(SP, date(2025, 1, 1), household).amount == Decimal("3287.00")
    assert calculate(SP, date(2025, 12, 1), household).amount == Decimal("3287.00")
    assert calculate(SP, date(2026, 1, 1), household).amount == Decimal("3386.00")


def test_art_17_ust_3a_raised_by_100_percent_for_the_second_person() -> None:
    r = calculate(SP, ON, [person(40), Member(age=10, disability_degree="znaczny"),
                           Member(age=4, disability_degree="child", constant_care=True)])
    assert r.eligible and r.amount == Decimal("6772.00")
    assert "art. 17 ust. 3a u.ś.r." in r.legal_basis


def test_art_17_ust_5_another_carers_benefit_excludes() -> None:
    r = calculate(SP, ON, [person(40), Member(age=10, disability_degree="znaczny"),
                           person(42, relation="spouse", other_benefits=[SZO])])
    assert not r.eligible and "care.other_carer" in _keys(r)
    r = calculate(SP, ON, [person(40, other_benefits=["zasilek_dla_opiekuna"]),
                           Member(age=10, disability_degree="znaczny")])
    assert not r.eligible and "care.concurrent" in _keys(r)
    # The carer's own pension no longer excludes it (since 2024).
    r = calculate(SP, ON, [person(40, other_benefits=["renta_socjalna"]),
                           Member(age=10, disability_degree="znaczny")])
    assert r.eligible


# --- specjalny zasiłek opiekuńczy (art. 16a) -----------------------------------------------

def _szo(total_income: str, **carer: object) -> object:
    return calculate(SZO, ON, [
        person(45, total_income, gave_up_work=True, **carer),
        Member(age=70, disability_degree="znaczny", relation="parent")])


def test_art_16a_ust_2_criterion_764_exactly_at_and_1_grosz_above() -> None:
    at = _szo("1528.00")          # 764,00 zł per person in a family of two
    assert at.eligible and at.amount == Decimal("620.00")  # type: ignore[attr-defined]
    above = _szo("1528.02")       # 764,01 zł per person
    assert not above.eligible and above.amount == 0  # type: ignore[attr-defined]
    odd = _szo("1528.01")         # 764,005 zł per person: above, compared unrounded
    assert not odd.eligible  # type: ignore[attr-defined]


def test_art_16a_ust_3_no_zlotowka_za_zlotowke() -> None:
    # Just above the criterion nothing is paid; just at it, the full 620 zł.
    assert _szo("1000").amount == Decimal("620.00")  # type: ignore[attr-defined]
    assert _szo("1529").amount == 0  # type: ignore[attr-defined]


def test_art_16a_ust_1_the_carer_must_give_up_work() -> None:
    r = calculate(SZO, ON, [person(45, 0), Member(age=70, disability_degree="znaczny")])
    assert not r.eligible and "specjalny_zasilek_opiekunczy.work" in _keys(r)


def test_art_16a_ust_1_a_child_with_the_care_indications_and_a_partner_owes_no_alimony() -> None:
    child = Member(age=8, disability_degree="child", constant_care=True, relation="child")
    assert calculate(SZO, ON, [person(35, gave_up_work=True), child]).eligible
    partner = Member(age=50, disability_degree="znaczny", relation="partner")
    assert not calculate(SZO, ON, [person(35, gave_up_work=True), partner]).eligible


def test_art_16a_ust_5_a_pension_or_another_carers_benefit_excludes() -> None:
    pension = calculate(SZO, ON, [
        Member(age=60, gave_up_work=True, incomes=[IncomeItem("pension", Decimal("500"))]),
        Member(age=85, disability_degree="znaczny", relation="parent")])
    assert not pension.eligible and "specjalny_zasilek_opiekunczy.pension" in _keys(pension)
    concurrent = _szo("0", other_benefits=[SP])
    assert not concurrent.eligible  # type: ignore[attr-defined]


# --- zasiłek stały (art. 37 ust. 5 u.p.s.) reads the carer's benefits of the catalogue -----

@pytest.mark.parametrize("code", [SP, SZO])
def test_art_37_ust_5_ups_the_catalogues_carer_benefits_exclude_zasilek_staly(code: str) -> None:
    r = calculate("zasilek_staly", date(2025, 3, 1),
                  [person(50, 0, unable_to_work=True, other_benefits=[code])])
    assert not r.eligible
    step = next(s for s in r.explanation if s["key"] == "zasilek_staly.exclusion")
    assert ("świadczenia pielęgnacyjnego" if code == SP else "specjalnego zasiłku opiekuńczego") \
        in step["text_pl"]


def test_art_17_ust_3_a_grant_across_new_year_is_recomputed_from_january() -> None:
    # The calendar year's amount changes on 1 January: a grant running from November 2025 is
    # changed from January 2026 (a changing decision), month by month 3287 -> 3386 zł.
    household = [person(40), Member(age=10, disability_degree="znaczny")]
    assert parameter_changes(SP, date(2025, 11, 1), date(2026, 2, 28)) == [date(2026, 1, 1)]
    months = amounts_by_month(SP, household, date(2025, 11, 1), date(2026, 2, 28))
    assert [m.amount for m in months] == [Decimal("3287.00"), Decimal("3287.00"),
                                          Decimal("3386.00"), Decimal("3386.00")]
    # Zasiłek pielęgnacyjny and SZO have had no change since November 2019.
    assert parameter_changes(ZP, date(2025, 11, 1), date(2026, 2, 28)) == []
