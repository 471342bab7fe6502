"""Zasiłek rodzinny and fundusz alimentacyjny, with złotówka za złotówkę."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from app.domain.eligibility import EligibilityResult, calculate
from app.domain.errors import InvalidInput
from app.domain.income import Member
from app.domain.parameters import ENTRIES, build_table

from .helpers import person

D = date
ON = D(2025, 3, 1)
Z = Decimal("0.00")


def rodzinny(total: str, ages: tuple[int, ...] = (3, 10), on: date = ON,
             **kw: object) -> EligibilityResult:
    members = [person(35, total)] + [person(a) for a in ages]
    return calculate("zasilek_rodzinny", on, members, **kw)  # type: ignore[arg-type]


def keys(r: EligibilityResult) -> list[str]:
    return [s["key"] for s in r.explanation]


# --- zasiłek rodzinny ---


@pytest.mark.parametrize(
    ("total", "amount"),
    [
        ("1800", "219.00"),  # 600 per person <= 674: 95 + 124
        ("2022.00", "219.00"),  # exactly 674 per person: not above the threshold
        ("2022.01", "218.99"),  # 674.0033 is above 674 (compared unrounded); excess 0.01
        ("2022.02", "218.98"),  # excess 2022.02 - 2022 = 0.02
        ("2100", "141.00"),  # excess 78
        ("2220", "21.00"),
        ("2221", "20.00"),  # exactly the 20 zł floor is paid
    ],
)
def test_zasilek_rodzinny_amount_and_zlotowka_za_zlotowke(total: str, amount: str) -> None:
    r = rodzinny(total)
    assert r.eligible and r.amount == r.min_amount == r.max_amount == Decimal(amount)


def test_zasilek_rodzinny_nothing_below_20() -> None:
    r = rodzinny("2222")  # 219 - 200 = 19
    assert not r.eligible and r.amount == Z
    assert "zasilek_rodzinny.minimum" in keys(r)
    assert "art. 5 ust. 3c u.ś.r." in r.legal_basis


def test_zasilek_rodzinny_reduction_is_explained() -> None:
    r = rodzinny("2100")
    step = next(s for s in r.explanation if s["key"] == "zasilek_rodzinny.reduction")
    assert step["inputs"] == {"full": "219.00", "excess": "78.00"} and step["result"] == "141.00"
    assert "READING" in step["text"]


def test_zasilek_rodzinny_disabled_child_threshold() -> None:
    members = [person(35, 2100), person(3, disabled=True), person(10)]
    r = calculate("zasilek_rodzinny", ON, members)
    assert r.amount == Decimal("219.00")  # 700 <= 764
    assert "zasilek_rodzinny.threshold_disabled_child" in r.parameters


@pytest.mark.parametrize(
    ("age", "amount"),
    [(0, "95.00"), (4, "95.00"), (5, "124.00"), (17, "124.00"), (18, "135.00"), (23, "135.00")],
)
def test_zasilek_rodzinny_age_bands(age: int, amount: str) -> None:
    # Completed years 0-4 / 5-17 / 18-23 (DOMAIN.md, corrected); over 18 the child is in school
    # and, from 21, has a moderate or severe disability certificate.
    members = [person(35, 0), person(age, in_school=True, disability_certificate=True)]
    r = calculate("zasilek_rodzinny", ON, members)
    assert r.amount == Decimal(amount)
    assert r.breakdown == [{"member": 1, "age": age, "disabled": True,
                            "amount_before_reduction": Decimal(amount)}]


def test_zasilek_rodzinny_children_reading() -> None:
    assert not rodzinny("0", (24,)).eligible  # too old
    assert not rodzinny("0", ()).eligible  # nobody is a child
    spouse = [person(35, 0), person(22, child=False), person(2)]
    assert calculate("zasilek_rodzinny", ON, spouse).amount == Decimal("95.00")
    student = [person(20, 0, child=True, in_school=True)]  # an osoba ucząca się
    assert calculate("zasilek_rodzinny", ON, student).amount == Decimal("135.00")
    r = rodzinny("0")
    assert "reading.zasilek_rodzinny.children" in keys(r)
    assert "reading.zasilek_rodzinny.age_bands" in keys(r)


def test_member_new_fields_have_safe_defaults() -> None:
    m = Member(age=10)
    assert m.relation is None and m.in_school is False and m.disability_certificate is False
    assert rodzinny("0", (10,)).amount == Decimal("124.00")  # inferred child, as before


@pytest.mark.parametrize("relation", ["spouse", "partner", "applicant", "parent"])
def test_art_6_ust_1_a_spouse_is_never_a_child(relation: str) -> None:
    # A 22-year-old spouse in school with a certificate, even marked as a child, is not a child.
    members = [person(25, 0, relation="applicant"),
               person(22, relation=relation, child=True, in_school=True,
                      disability_certificate=True),
               person(2, relation="child")]
    r = calculate("zasilek_rodzinny", ON, members)
    assert r.amount == Decimal("95.00")
    assert [b["member"] for b in r.breakdown] == [2]
    step = next(s for s in r.explanation
                if s["key"] == "zasilek_rodzinny.child" and s["inputs"]["member"] == 1)
    assert step["result"] is False and "never a child" in step["text"]
    assert "nigdy nie jest dzieckiem" in step["text_pl"]


def test_art_6_ust_1_the_applicant_is_never_a_child() -> None:
    alone = [person(20, 0, relation="applicant", child=True, in_school=True)]
    assert not calculate("zasilek_rodzinny", ON, alone).eligible


@pytest.mark.parametrize(
    ("age", "in_school", "certificate", "amount"),
    [
        (17, False, False, "124.00"),  # until 18 without conditions
        (18, False, False, None),  # from 18 only while in school
        (18, True, False, "135.00"),
        (20, True, False, "135.00"),
        (21, True, False, None),  # from 21 school alone is not enough
        (21, False, True, None),  # nor a certificate alone
        (21, True, True, "135.00"),
        (23, True, True, "135.00"),
        (24, True, True, None),  # never from 24
    ],
)
def test_art_6_ust_1_age_school_and_disability_conditions(
    age: int, in_school: bool, certificate: bool, amount: str | None
) -> None:
    members = [person(45, 0), person(age, relation="child", in_school=in_school,
                                     disability_certificate=certificate)]
    r = calculate("zasilek_rodzinny", ON, members)
    assert r.eligible is (amount is not None)
    assert r.amount == (Decimal(amount) if amount else Z)


def test_art_6_ust_1_disabled_alone_does_not_extend_past_21() -> None:
    # ``disabled`` (any disability certificate) raises the threshold; it does not replace the
    # moderate or severe certificate that keeps zasiłek rodzinny until 24.
    members = [person(45, 0), person(22, relation="child", in_school=True, disabled=True)]
    assert not calculate("zasilek_rodzinny", ON, members).eligible


def test_art_6_ust_1_conditions_are_explained_per_child() -> None:
    members = [person(45, 0), person(19, relation="child", in_school=True),
               person(22, relation="child", in_school=True), person(7, relation="child")]
    r = calculate("zasilek_rodzinny", ON, members)
    assert r.amount == Decimal("259.00")  # 135 + 124
    steps = {s["inputs"]["member"]: s for s in r.explanation
             if s["key"] == "zasilek_rodzinny.child"}
    assert set(steps) == {1, 2, 3}
    assert steps[1]["result"] is True and "art. 6 ust. 1 pkt 2 u.ś.r." in steps[1]["legal_basis"]
    assert "only while in school, until 21; in school" in steps[1]["text"]
    assert "uczy się" in steps[1]["text_pl"] and "135,00 zł" in steps[1]["text_pl"]
    assert steps[2]["result"] is False and "art. 6 ust. 1 pkt 3 u.ś.r." in steps[2]["legal_basis"]
    assert "without such a certificate" in steps[2]["text"]
    assert "nie ma takiego orzeczenia" in steps[2]["text_pl"]
    assert steps[3]["result"] is True and "until 18" in steps[3]["text"]
    reading = next(s for s in r.explanation if s["key"] == "reading.zasilek_rodzinny.children")
    assert "checked by the caseworker" not in reading["text"]
    assert "art. 6 ust. 1 u.ś.r." in reading["text"]


def test_disability_certificate_selects_the_disabled_child_threshold() -> None:
    members = [person(35, 2100), person(3, disability_certificate=True), person(10)]
    r = calculate("zasilek_rodzinny", ON, members)
    assert r.amount == Decimal("219.00")  # 700 <= 764
    assert "zasilek_rodzinny.threshold_disabled_child" in r.parameters


def test_zasilek_rodzinny_income_per_person_is_compared_unrounded() -> None:
    r = rodzinny("2022.01")  # 674.0033... per person: above 674, shown as 674.00
    step = next(s for s in r.explanation if s["key"] == "zasilek_rodzinny.income_test")
    assert step["result"] is False and step["inputs"]["income_per_person"] == "674.00"
    assert "READING" in step["text"] and "2022.01 > 674.00 x 3" in step["text"]


def test_zasilek_rodzinny_refuses_hectares() -> None:
    members = [Member(age=35, farm_hectares=Decimal(5)), person(3)]
    with pytest.raises(InvalidInput) as e:
        calculate("zasilek_rodzinny", ON, members)
    assert e.value.field == "members[0].farm_hectares"


def test_zasilek_rodzinny_parameters_come_from_the_period_start() -> None:
    r = rodzinny("0", on=D(2025, 10, 31))
    period = next(s for s in r.explanation if s["key"] == "zasilek_rodzinny.period")
    assert period["result"] == "2024-11-01"
    r = rodzinny("0", on=D(2025, 11, 1))
    period = next(s for s in r.explanation if s["key"] == "zasilek_rodzinny.period")
    assert period["result"] == "2025-11-01"


def test_zasilek_rodzinny_table_starts_with_the_2016_period() -> None:
    with pytest.raises(InvalidInput) as e:
        rodzinny("0", on=D(2016, 10, 31))  # period 2015/2016: not in the table
    assert e.value.field == "on" and "2016-11-01" in e.value.message
    assert rodzinny("0", on=D(2016, 11, 1)).amount == Decimal("219.00")


# A what-if table: new amounts from the 2025/2026 period, and a threshold changed mid-period.
WHAT_IF = build_table([
    *ENTRIES,
    ("zasilek_rodzinny.age_bands", D(2025, 11, 1),
     ((4, Decimal("100.00")), (17, Decimal("130.00")), (23, Decimal("140.00"))), "test"),
    ("zasilek_rodzinny.threshold", D(2026, 1, 15), Decimal("900.00"), "test"),
])


def test_amounts_change_on_the_first_of_november() -> None:
    assert rodzinny("0", on=D(2025, 10, 31), table=WHAT_IF).amount == Decimal("219.00")
    assert rodzinny("0", on=D(2025, 11, 1), table=WHAT_IF).amount == Decimal("230.00")


def test_a_mid_period_change_applies_from_the_next_period() -> None:
    # 2400 / 3 = 800 per person: above 674, below the hypothetical 900.
    assert not rodzinny("2400", on=D(2026, 2, 1), table=WHAT_IF).eligible
    assert rodzinny("2400", on=D(2026, 11, 1), table=WHAT_IF).amount == Decimal("230.00")


# --- fundusz alimentacyjny ---


def fa(per_person_total: str, on: date = ON, awarded: str = "1200") -> EligibilityResult:
    members = [person(35, per_person_total), person(10, alimony_awarded=Decimal(awarded))]
    return calculate("fundusz_alimentacyjny", on, members)


@pytest.mark.parametrize(
    ("total", "on", "amount"),
    [
        ("2000", ON, "1000.00"),  # 1000 per person <= 1209; min(1200, 1000)
        ("2000", D(2024, 9, 30), "500.00"),  # cap 500 before 1 Oct 2024
        ("2000", D(2024, 10, 1), "1000.00"),
        ("2600", ON, "909.00"),  # 1300 per person: 91 over 1209
        ("2000", D(2023, 9, 30), "400.00"),  # criterion 900: 100 over
        ("2000", D(2023, 10, 1), "500.00"),  # criterion 1209
        ("3218", D(2024, 9, 30), "100.00"),  # 1609: 400 over, 100 left = the floor
        ("2419", ON, "999.50"),  # 1209.50 per person: 0.50 over
    ],
)
def test_fundusz_alimentacyjny(total: str, on: date, amount: str) -> None:
    r = fa(total, on)
    assert r.eligible and r.amount == r.min_amount == r.max_amount == Decimal(amount)


def test_fa_nothing_below_100_after_reduction() -> None:
    r = fa("3220", D(2024, 9, 30))  # 1610: 500 - 401 = 99
    assert not r.eligible and r.amount == Z
    assert r.breakdown[0]["amount"] == Z
    assert any("ust. 2a" in b for b in r.legal_basis)


def test_fa_floor_applies_only_to_reduced_amounts() -> None:
    assert fa("0", awarded="50").amount == Decimal("50.00")


def test_fa_amount_is_not_rounded_against_the_applicant() -> None:
    # 2418.01 / 2 = 1209.005: 0.005 over; 1000 - 0.005 = 999.995 -> 1000.00 (rounded up, in the
    # applicant's favour; the old code rounded income per person first and paid 999.99)
    r = fa("2418.01")
    assert r.amount == Decimal("1000.00")
    step = next(s for s in r.explanation if s["key"] == "fundusz_alimentacyjny.income_test")
    assert step["result"] is False and "2418.01 > 1209.00 x 2" in step["text"]
    # 2420.01 / 2 = 1210.005: 1000 - 1.005 = 998.995 -> 999.00
    assert fa("2420.01").amount == Decimal("999.00")


def test_fa_several_entitled_people_and_breakdown() -> None:
    members = [person(35, 0), person(10, alimony_awarded=Decimal(300)),
               person(15, alimony_awarded=Decimal(1800)), person(5)]
    r = calculate("fundusz_alimentacyjny", ON, members)
    assert r.amount == Decimal("1300.00")
    assert [(b["member"], b["amount"]) for b in r.breakdown] == [
        (1, Decimal("300.00")), (2, Decimal("1000.00"))]


def test_fa_entitled_reading() -> None:
    assert not fa("0", awarded="0").eligible
    old = [person(35, 0), person(25, alimony_awarded=Decimal(500))]
    assert not calculate("fundusz_alimentacyjny", ON, old).eligible
    # Art. 9 ust. 1 FA act: for life only with a certificate of a severe degree (issue 13).
    severe = [person(35, 0), person(30, alimony_awarded=Decimal(500),
                                    severe_disability_certificate=True)]
    assert calculate("fundusz_alimentacyjny", ON, severe).amount == Decimal("500.00")
    student = [person(24, 0, alimony_awarded=Decimal(700), in_school=True)]
    assert calculate("fundusz_alimentacyjny", ON, student).amount == Decimal("700.00")


def test_fa_art_2_pkt_11_over_18_only_while_in_school_and_under_25() -> None:
    """Art. 9 ust. 1 FA act: until 18; until 25 in school; at any age only with a certificate of
    a severe degree (issue 13: not any disabled person)."""
    def entitled(age: int, **kw: Any) -> bool:
        members = [person(45, 0), person(age, alimony_awarded=Decimal(500), **kw)]
        return calculate("fundusz_alimentacyjny", ON, members).eligible

    assert entitled(17)
    assert not entitled(18)
    assert entitled(18, in_school=True) and entitled(24, in_school=True)
    assert not entitled(25, in_school=True)
    assert entitled(30, severe_disability_certificate=True)


def test_fa_parameters_come_from_the_period_start() -> None:
    r = fa("2000", D(2025, 9, 30))
    assert r.parameters["fa.cap"]["valid_from"] == "2024-10-01"
    period = next(s for s in r.explanation if s["key"] == "fundusz_alimentacyjny.period")
    assert period["result"] == "2024-10-01"
