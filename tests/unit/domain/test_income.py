"""Household income (art. 8 u.p.s.): deductions, exclusions, one-off income, farms, rounding."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest

from app.domain.errors import InvalidInput
from app.domain.income import EXCLUDED_KINDS, IncomeItem, Member, household_income

from .helpers import item, person

ON = date(2025, 3, 1)


def steps(result: object, key: str) -> list[dict[str, object]]:
    return [s for s in result.explanation if s["key"] == key]  # type: ignore[attr-defined]


def test_deductions_of_tax_and_contributions() -> None:
    m = Member(age=40, incomes=[item("salary", "3000", tax=Decimal("200"),
                                     contributions=Decimal("500"))])
    r = household_income([m], ON)
    assert r.total == Decimal("2300.00")
    assert r.per_person == Decimal("2300.00")
    assert r.persons == 1


def test_art_8_ust_3_costs_of_earning_are_not_deducted() -> None:
    # Art. 8 ust. 3 u.p.s. deducts only PIT, social and health contributions and alimony paid.
    m = Member(age=40, incomes=[item("salary", "3000", tax=Decimal("200"),
                                     contributions=Decimal("500"), costs=Decimal("100"))])
    r = household_income([m], ON)
    assert r.total == Decimal("2300.00")
    row = steps(r, "member_income")[0]["inputs"]["items"][0]  # type: ignore[index]
    assert row["deductions"] == "700.00" and row["costs_not_deducted"] == "100.00"
    assert row["counted"] == "2300.00"


def test_art_8_ust_3_ignored_costs_are_named_in_the_explanation() -> None:
    m = Member(age=40, incomes=[item("business", "1000", costs=Decimal("250.50"))])
    r = household_income([m], ON)
    assert r.total == Decimal("1000.00")
    row = steps(r, "member_income")[0]["inputs"]["items"][0]  # type: ignore[index]
    assert any("costs of earning (250.50) are not deducted" in n for n in row["notes"])
    assert any("kosztów uzyskania przychodu (250,50 zł) nie odlicza się" in n
               for n in row["notes_pl"])
    quiet = household_income([Member(age=40, incomes=[item("business", "1000")])], ON)
    assert steps(quiet, "member_income")[0]["inputs"]["items"][0]["notes"] == []  # type: ignore[index]


def test_art_3_pkt_1_usr_deducts_the_costs_of_earning() -> None:
    """Family benefits and FA count taxed income less costs of earning (art. 3 pkt 1 lit. a
    u.ś.r.), unlike the u.p.s. (art. 8 ust. 3)."""
    m = Member(age=40, incomes=[item("salary", "3000", tax=Decimal("200"),
                                     costs=Decimal("100"))])
    r = household_income([m], ON, regime="usr")
    assert r.total == Decimal("2700.00")
    row = steps(r, "member_income")[0]["inputs"]["items"][0]  # type: ignore[index]
    assert any("art. 3 pkt 1 lit. a u.ś.r." in n for n in row["notes"])
    assert any("odliczono koszty uzyskania przychodu" in n for n in row["notes_pl"])
    assert household_income([m], ON).total == Decimal("2800.00")  # u.p.s.: not deducted


@pytest.mark.parametrize("kind", sorted(EXCLUDED_KINDS))
def test_excluded_kinds_are_not_income(kind: str) -> None:
    m = Member(age=40, net_income=Decimal("100"), incomes=[item(kind, "800")])
    r = household_income([m], ON)
    assert r.total == Decimal("100.00")
    assert "art. 8 ust. 4 u.p.s." in r.legal_basis
    row = steps(r, "member_income")[0]["inputs"]["items"][0]  # type: ignore[index]
    assert row["counted"] == "0.00" and row["notes"]


def test_documented_excluded_kinds() -> None:
    assert set(EXCLUDED_KINDS) == {"800_plus", "one_off_benefit", "zasilek_celowy", "in_kind"}


def test_unknown_kinds_count_as_income() -> None:
    r = household_income([Member(age=40, incomes=[item("rent_from_flat", "450.50")])], ON)
    assert r.total == Decimal("450.50")


def test_deductions_above_the_amount_count_as_zero_not_a_loss() -> None:
    m = Member(age=40, net_income=Decimal("300"),
               incomes=[item("business", "100", tax=Decimal("50"), contributions=Decimal("350"))])
    r = household_income([m], ON)
    assert r.total == Decimal("300.00")
    row = steps(r, "member_income")[0]["inputs"]["items"][0]  # type: ignore[index]
    assert "READING" in row["notes"][0]


def test_alimony_paid_is_deducted_from_the_household_total() -> None:
    payer = person(40, 500, alimony_paid=Decimal("800"))
    other = person(38, 2000)
    r = household_income([payer, other], ON)
    assert r.total == Decimal("1700.00")
    assert r.member_incomes == (Decimal("0.00"), Decimal("2000.00"))
    assert "READING" in steps(r, "household_income")[0]["text"]  # type: ignore[operator]


def test_household_income_never_negative() -> None:
    r = household_income([person(40, 100, alimony_paid=Decimal("900"))], ON)
    assert r.total == Decimal("0.00") and r.per_person == Decimal("0.00")


def test_one_off_income_above_five_criteria_is_spread_over_12_months_single() -> None:
    # 5 x 1010 = 5050 for a person living alone in 2025
    above = household_income([Member(age=40, incomes=[item("sale", "6000", one_off=True)])], ON)
    assert above.total == Decimal("500.00")
    at = household_income([Member(age=40, incomes=[item("sale", "5050", one_off=True)])], ON)
    assert at.total == Decimal("5050.00")
    assert "art. 8 ust. 11 u.p.s." in above.legal_basis
    assert above.parameters["ups.one_off_multiplier"]["value"] == 5


def test_one_off_threshold_in_a_family_uses_the_per_person_criterion() -> None:
    # 5 x 823 = 4115; 4200 / 12 = 350.00
    m = Member(age=40, incomes=[item("inheritance", "4200", one_off=True)])
    r = household_income([m, person(10)], ON)
    assert r.total == Decimal("350.00")
    assert r.per_person == Decimal("175.00")


def test_one_off_spread_is_rounded_down_in_the_applicants_favour() -> None:
    r = household_income([Member(age=40, incomes=[item("sale", "5051", one_off=True)])], ON)
    assert r.total == Decimal("420.91")  # 420.9166..., never rounded up against the applicant


def test_one_off_threshold_follows_the_criterion_change() -> None:
    m = [Member(age=40, incomes=[item("sale", "4000", one_off=True)])]
    assert household_income(m, date(2024, 12, 31)).total == Decimal("333.33")  # 4000 > 3880
    assert household_income(m, date(2025, 1, 1)).total == Decimal("4000.00")  # 4000 <= 5050


@pytest.mark.parametrize(
    ("on", "hectares", "expected"),
    [
        (date(2025, 1, 1), "2.5", "1147.50"),
        (date(2024, 12, 31), "2.5", "862.50"),
        (date(2025, 1, 1), "1.2345", "566.63"),  # 566.6355 rounded down (applicant's favour)
        (date(2025, 1, 1), "0.99", "0.00"),  # under 1 ha przeliczeniowy
        (date(2021, 12, 31), "1", "308.00"),
    ],
)
def test_farm_income_per_hectare(on: date, hectares: str, expected: str) -> None:
    r = household_income([Member(age=50, farm_hectares=Decimal(hectares))], on)
    assert r.total == Decimal(expected)


def test_income_per_person_is_shown_rounded_but_compared_unrounded() -> None:
    r = household_income([person(40, "200.01"), person(10)], ON)
    assert r.per_person == Decimal("100.01")  # 100.005 -> half-up, for display only
    assert r.per_person_exact == Decimal("100.005")
    r3 = household_income([person(40, 1000), person(10), person(8)], ON)
    assert r3.per_person == Decimal("333.33")
    step = steps(r3, "income_per_person")[0]
    assert step["result"] == "333.33" and step["inputs"] == {"total": "1000.00", "persons": 3}
    assert "not rounded before it is compared" in step["text"]  # type: ignore[operator]


def test_income_per_person_is_compared_unrounded() -> None:
    r = household_income([person(40, "1645.99"), person(10)], ON)  # 822.995 per person
    assert r.per_person == Decimal("823.00")  # shown rounded
    assert r.per_person_below(Decimal("823.00"))  # but 822.995 is below 823
    assert not r.per_person_below(Decimal("822.99"))
    assert r.per_person_not_above(Decimal("822.995")) and not r.per_person_not_above(
        Decimal("822.99"))


def test_usr_regime_refuses_hectares_and_does_not_spread() -> None:
    with pytest.raises(InvalidInput) as e:
        household_income([Member(age=50, farm_hectares=Decimal(3))], ON, regime="usr")
    assert e.value.field == "members[0].farm_hectares"
    r = household_income([Member(age=40, incomes=[item("sale", "6000", one_off=True)])], ON,
                         regime="usr")
    assert r.total == Decimal("6000.00")
    assert steps(r, "reading.usr_income")


def test_unknown_regime() -> None:
    with pytest.raises(InvalidInput) as e:
        household_income([person()], ON, regime="xyz")
    assert e.value.field == "regime"


def test_inputs_are_rounded_to_grosze_on_entry() -> None:
    r = household_income([person(40, "100.005")], ON)
    assert r.total == Decimal("100.01")


@pytest.mark.parametrize(
    ("members", "field"),
    [
        ([], "members"),
        ("nope", "members"),
        ([Member(age=40, net_income=Decimal("-1"))], "members[0].net_income"),
        ([Member(age=40), Member(age=-1)], "members[1].age"),
        ([Member(age=True)], "members[0].age"),
        ([Member(age=151)], "members[0].age"),
        ([Member(age=40, net_income=1.5)], "members[0].net_income"),  # type: ignore[arg-type]
        ([Member(age=40, net_income="abc")], "members[0].net_income"),  # type: ignore[arg-type]
        ([Member(age=40, incomes=[item("x", "10", tax=Decimal("-1"))])],
         "members[0].incomes[0].tax"),
        ([Member(age=40, incomes=[item("", "10")])], "members[0].incomes[0].kind"),
        ([Member(age=40, incomes=["salary"])], "members[0].incomes[0]"),  # type: ignore[list-item]
        ([Member(age=40, alimony_paid=Decimal("-5"))], "members[0].alimony_paid"),
        ([Member(age=40, farm_hectares=Decimal("-1"))], "members[0].farm_hectares"),
        ([Member(age=40, sex="X")], "members[0].sex"),
        ([Member(age=40, unable_to_work="yes")], "members[0].unable_to_work"),  # type: ignore[arg-type]
        ([Member(age=40), Member(age=5, relation="cousin")], "members[1].relation"),
        ([Member(age=40, in_school=1)], "members[0].in_school"),  # type: ignore[arg-type]
        ([Member(age=40, disability_certificate="yes")],  # type: ignore[arg-type]
         "members[0].disability_certificate"),
        ([{"age": 40}], "members[0]"),
    ],
)
def test_bad_input_names_the_field(members: object, field: str) -> None:
    with pytest.raises(InvalidInput) as e:
        household_income(members, ON)  # type: ignore[arg-type]
    assert e.value.field == field
    assert e.value.message.endswith(".")
    assert isinstance(e.value, ValueError)


def test_unknown_relation_is_a_coded_message() -> None:
    with pytest.raises(InvalidInput) as e:
        household_income([person(), Member(age=5, relation="cousin")], ON)
    assert e.value.code == "relation_unknown" and "applicant, spouse" in e.value.message


def test_date_must_be_a_date() -> None:
    with pytest.raises(InvalidInput) as e:
        household_income([person()], datetime(2025, 3, 1, 12))
    assert e.value.field == "on"


def test_members_are_not_mutated() -> None:
    m = Member(age=40, net_income=Decimal("100.005"), incomes=[IncomeItem("a", Decimal("1"))])
    household_income([m], ON)
    assert m.net_income == Decimal("100.005")
