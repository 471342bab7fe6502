"""Every explanation step has a Polish text (``text_pl``), with amounts written the Polish way."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from app.domain.deadlines import KINDS, due_date
from app.domain.eligibility import BENEFITS, calculate
from app.domain.income import Member, household_income
from app.domain.parameters import ENTRIES, build_table
from app.domain.polish import date_pl, number, persons, plural, years, zl

from .helpers import item, person

D = date
ON = D(2025, 3, 1)

# Households that between them take every branch of every rule (checked by the key test below).
HOUSEHOLDS: dict[str, list[Member]] = {
    "single, unable to work, 500": [person(40, 500, unable_to_work=True)],
    "single man of 70, no income (cap)": [person(70, 0, sex="M")],
    "minor with renta socjalna, sex unknown": [person(17, 0, other_benefits=["renta_socjalna"])],
    "woman of 60 with a child": [person(60, 500, sex="F"), person(3)],
    "family, income above every criterion": [person(40, 9000), person(10), person(8)],
    "family with a disabled child": [person(35, 1500), person(7, disabled=True), person(12)],
    "family just above the zasiłek rodzinny threshold": [person(35, "2030"), person(4),
                                                         person(10)],
    "family far above the threshold (nothing left)": [person(35, 2200), person(4), person(10)],
    "alimony: child entitled, income above the FA criterion": [
        person(35, "3700"), person(10, alimony_awarded=Decimal(600))],
    "family with a spouse, a student, an adult child with a certificate and one without": [
        person(45, "1500.50", relation="applicant"), person(44, relation="spouse"),
        person(19, relation="child", in_school=True), person(18, relation="child"),
        person(22, relation="child", in_school=True, disability_certificate=True),
        person(21, relation="child", in_school=True), person(30, relation="child")],
    "alimony: disabled adult, paid alimony, income items": [
        Member(age=30, disabled=True, alimony_awarded=Decimal(700), alimony_paid=Decimal(100),
               incomes=[item("employment", "2000", tax="100", contributions="300"),
                        item("800_plus", "800"), item("other", "10", costs="20")])],
}
# Zasiłek stały before 2024: 100% of the criterion, minimum 30 zł (776 - 760 = 16 -> 30).
EXTRA = [("zasilek_staly", D(2023, 6, 1), [person(40, 760, unable_to_work=True)], None, None),
         ("zasilek_okresowy", ON, [person(40, 1000)], None, None),  # 20 zł above the difference
         ("zasilek_staly", ON, [person(70, 0), person(40, 1000), person(10)], None, None),
         ("zasilek_okresowy", ON, [person(40, 500)], Decimal("70"), None),
         ("zasilek_okresowy", ON, [person(40, 500)], None,
          build_table([*ENTRIES, ("zasilek_okresowy.single_cap", D(2025, 1, 1),
                                  Decimal("100.00"), "test")]))]
# Starts that make each deadline end on a Saturday, Sunday or holiday, or not.
DEADLINE_STARTS = (D(2025, 10, 28), D(2025, 3, 3), D(2025, 11, 29), D(2025, 12, 13),
                   D(2026, 1, 31))

# A number with a decimal point (English notation), which a Polish text must not contain.
ENGLISH_DECIMAL = re.compile(r"\d\.\d")
# Whatever stands before "zł" must be an amount with a decimal comma and grosze: "1 313,00 zł".
NUMBER_BEFORE_ZL = re.compile(r"(-?[\d\u00a0.,]*\d) zł$")
POLISH_AMOUNT = re.compile(r"^-?\d{1,3}(\u00a0\d{3})*,\d{2}$|^-?\d{4},\d{2}$")


def _explanations() -> Iterator[tuple[str, list[dict[str, Any]]]]:
    for label, members in HOUSEHOLDS.items():
        for benefit in BENEFITS:
            yield f"{benefit} / {label}", calculate(benefit, ON, members).explanation
    for benefit, on, members, pct, table in EXTRA:
        result = calculate(benefit, on, members, municipal_percentage=pct, table=table)
        yield f"{benefit} / {on}", result.explanation
    farm = [Member(age=50, farm_hectares=Decimal("2.5"),
                   incomes=[item("other", "30000", one_off=True), item("other", "100",
                                                                        one_off=True)]),
            Member(age=20, farm_hectares=Decimal("0.5"))]
    yield "household income with a farm", household_income(farm, ON).explanation
    for kind in KINDS:
        for start in DEADLINE_STARTS:
            yield f"{kind} / {start}", due_date(kind, start).explanation
    yield "urgent interview", due_date("interview", ON, urgent=True).explanation
    yield "supplement in 10 days", due_date("supplement", ON, days=10).explanation


EXPLANATIONS = list(_explanations())


def _check_polish(text: str, where: str) -> None:
    assert not ENGLISH_DECIMAL.search(text), f"{where}: decimal point in {text!r}"
    for word in re.finditer(r"\S+ zł(?!\w)", text):
        start = max(0, word.start() - 12)  # an amount grouped with no-break spaces
        amount = NUMBER_BEFORE_ZL.search(text[start:word.end()])
        assert amount and POLISH_AMOUNT.match(amount[1]), f"{where}: {word[0]!r} in {text!r}"


@pytest.mark.parametrize(("label", "steps"), EXPLANATIONS, ids=[e[0] for e in EXPLANATIONS])
def test_every_step_has_a_polish_text_with_decimal_commas(
    label: str, steps: list[dict[str, Any]]
) -> None:
    assert steps
    for step in steps:
        where = f"{label}: {step['key']}"
        assert step["text"] and isinstance(step["text_pl"], str) and step["text_pl"].strip(), where
        assert step["text_pl"] != step["text"], where
        _check_polish(step["text_pl"], where)
        if step["key"].startswith("reading."):
            assert step["text_pl"].startswith("Przyjęta wykładnia: "), where
        for row in _income_rows(step):
            assert len(row["notes_pl"]) == len(row["notes"]), where
            for note in row["notes_pl"]:
                _check_polish(note, where)


def _income_rows(step: dict[str, Any]) -> list[dict[str, Any]]:
    return list(step["inputs"].get("items", [])) if step["key"] == "member_income" else []


def test_the_households_reach_every_step_of_every_rule() -> None:
    keys = {step["key"] for _, steps in EXPLANATIONS for step in steps}
    rules = {
        "member_income", "household_income", "income_per_person", "farm_income",
        "reading.usr_income", "result",
        "zasilek_staly.unable_to_work", "zasilek_staly.exclusion", "zasilek_staly.adult",
        "zasilek_staly.income_test", "zasilek_staly.difference", "zasilek_staly.cap",
        "reading.zasilek_staly.cap", "zasilek_staly.minimum", "zasilek_staly.amount",
        "zasilek_okresowy.family_criterion", "zasilek_okresowy.income_test",
        "zasilek_okresowy.municipal_percentage", "reading.zasilek_okresowy.single_cap",
        "zasilek_okresowy.cap", "zasilek_okresowy.amount", "zasilek_okresowy.minimum",
        "specjalny_zasilek_celowy.family_criterion", "specjalny_zasilek_celowy.income_test",
        "reading.specjalny_zasilek_celowy.justified",
        "zasilek_rodzinny.period", "reading.zasilek_rodzinny.age_bands",
        "reading.zasilek_rodzinny.children", "zasilek_rodzinny.no_child", "zasilek_rodzinny.child",
        "zasilek_rodzinny.full_amount", "zasilek_rodzinny.income_test",
        "zasilek_rodzinny.reduction", "zasilek_rodzinny.minimum",
        "fundusz_alimentacyjny.period", "reading.fundusz_alimentacyjny.entitled",
        "fundusz_alimentacyjny.no_entitled", "fundusz_alimentacyjny.income_test",
        "fundusz_alimentacyjny.per_person",
        "interview.count", "decision.count", "decision.shift", "decision_complex.count",
        "decision_complex.shift", "supplement.count", "supplement.shift",
        "deemed_delivery.count", "reading.deemed_delivery", "appeal.count", "appeal.shift",
        "final.day_after",
    }
    assert rules - keys == set()


def test_polish_text_of_zasilek_staly_for_a_person_living_alone() -> None:
    steps = {s["key"]: s["text_pl"] for s in EXPLANATIONS[0][1]}
    assert steps["income_per_person"] == (
        "Dochód osoby samotnie gospodarującej = 500,00 zł / 1 = 500,00 zł (dochód ustalony na "
        "podstawie art. 8 ust. 3 u.p.s.).")
    assert "= 813,00 zł" in steps["zasilek_staly.difference"]
    assert steps["result"] == ("Zasiłek stały: warunki przyznania są spełnione; proponowana kwota "
                               "813,00 zł miesięcznie.")


def test_polish_text_of_a_deadline_moved_off_a_holiday() -> None:
    steps = {s["key"]: s["text_pl"] for s in due_date("appeal", D(2025, 10, 28)).explanation}
    assert steps["appeal.shift"].startswith(
        "Koniec terminu (11 listopada 2025 r.) przypada na dzień ustawowo wolny od pracy")
    assert steps["appeal.shift"].endswith("tj. 12 listopada 2025 r.")


@pytest.mark.parametrize(
    ("value", "text"),
    [(Decimal("0"), "0,00 zł"), (Decimal("300"), "300,00 zł"), (Decimal("1313.5"), "1\u00a0313,50 zł"),
     (Decimal("12345.67"), "12\u00a0345,67 zł"), (Decimal("1234567"), "1\u00a0234\u00a0567,00 zł"),
     (Decimal("-5.25"), "-5,25 zł"), (7, "7,00 zł")],
)
def test_zl(value: Decimal, text: str) -> None:
    assert zl(value) == text


def test_numbers_dates_and_plurals() -> None:
    assert number(Decimal("2.5")) == "2,5" and number(130) == "130"
    assert date_pl(D(2026, 11, 26)) == "26 listopada 2026 r."
    assert date_pl(D(2025, 1, 1)) == "1 stycznia 2025 r."
    assert [persons(n) for n in (1, 2, 5, 12, 22, 25)] == [
        "1 osoba", "2 osoby", "5 osób", "12 osób", "22 osoby", "25 osób"]
    assert [years(n) for n in (1, 4, 18, 24, 65)] == ["1 rok", "4 lata", "18 lat", "24 lata",
                                                      "65 lat"]
    assert plural(14, "dzień", "dni", "dni") == "dni"
