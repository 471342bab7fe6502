"""app.services.decisions.calculator and the symulator's form conversion, without a database or HTTP."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from werkzeug.datastructures import MultiDict

from app.domain.eligibility import BENEFITS
from app.domain.income import IncomeItem, Member
from app.services.decisions import calculator
from app.services.kernel.errors import ValidationFailed
from app.web.calculator import form


def test_parse_eligibility_request_builds_domain_values() -> None:
    benefit, on, members, pct = calculator.parse_eligibility_request({
        "on": "2025-03-01", "benefit": "zasilek_okresowy", "municipal_percentage": "70",
        "members": [
            {"age": 40, "unable_to_work": True, "net_income": "500.5", "sex": "F",
             "incomes": [{"kind": "pension", "amount": "100", "tax": "10", "one_off": False}],
             "other_benefits": ["renta_socjalna", "renta_socjalna"]},
            {"age": 9, "alimony_awarded": 300, "disabled": True},
        ],
    })
    assert (benefit, on, pct) == ("zasilek_okresowy", date(2025, 3, 1), Decimal("70"))
    first, second = members
    assert isinstance(first, Member) and first.sex == "F" and first.unable_to_work
    assert first.net_income == Decimal("500.5")
    assert first.incomes == [IncomeItem("pension", Decimal("100"), Decimal("10"))]
    assert first.other_benefits == ["renta_socjalna"]
    assert second.alimony_awarded == Decimal(300) and second.disabled
    assert second.net_income == Decimal("0.00") and second.incomes == []


def test_member_relation_school_and_certificate_are_parsed() -> None:
    _, _, members, _ = calculator.parse_eligibility_request({
        "on": "2025-03-01", "benefit": "zasilek_rodzinny",
        "members": [{"age": 40, "relation": "applicant"}, {"age": 30, "relation": "spouse"},
                    {"age": 22, "relation": "child", "in_school": True,
                     "disability_certificate": True}, {"age": 5, "relation": ""}]})
    assert [m.relation for m in members] == ["applicant", "spouse", "child", None]
    assert members[2].in_school and members[2].disability_certificate
    assert not members[1].in_school and not members[1].disability_certificate


def test_minus_zero_is_zero() -> None:
    _, _, members, _ = calculator.parse_eligibility_request(
        {"on": "2025-03-01", "benefit": "zasilek_staly", "members": [{"age": 40, "net_income": "-0.00"}]})
    assert str(members[0].net_income) == "0.00"


def test_all_problems_are_collected() -> None:
    with pytest.raises(ValidationFailed) as exc:
        calculator.parse_eligibility_request({"on": "2025-3-1", "members": [{"age": "x"}], "extra": 1})
    assert set(exc.value.errors) == {"on", "benefit", "members[0].age", "extra"}
    assert exc.value.status == 422


def test_domain_invalid_input_becomes_a_field_error() -> None:
    body = {"on": "2018-09-30", "benefit": "zasilek_staly", "members": [{"age": 70}]}
    with pytest.raises(ValidationFailed) as exc:
        calculator.eligibility(body)
    assert list(exc.value.errors) == ["on"]


def test_simulate_returns_every_benefit_in_order() -> None:
    result = calculator.simulate({"on": "2025-03-01", "members": [{"age": 70, "net_income": "0"}]})
    assert [r["benefit"] for r in result["results"]] == list(BENEFITS)
    assert result["results"][0]["amount"] == "1229.00"  # 70 years old: unable to work by age
    assert result["errors"] == {}


def test_simulate_shows_a_benefit_the_domain_refuses_as_an_error() -> None:
    # Farm hectares are accepted by u.p.s. benefits but not by zasiłek rodzinny (with a child).
    result = calculator.simulate({"on": "2025-03-01",
                                  "members": [{"age": 40, "farm_hectares": "3"}, {"age": 5}]})
    by_benefit = {r["benefit"]: r for r in result["results"]}
    assert by_benefit["zasilek_rodzinny"]["error"]["field"] == "members[0].farm_hectares"
    assert by_benefit["zasilek_okresowy"]["eligible"] is True
    assert "members[0].farm_hectares" in result["errors"]


def test_simulate_raises_when_nothing_can_be_computed() -> None:
    with pytest.raises(ValidationFailed) as exc:
        calculator.simulate({"on": "2025-03-01", "benefit": "zasilek_staly", "members": [{"age": 4}]})
    assert "benefit" in exc.value.errors  # the household form has no benefit field


def test_deadline_returns_the_domain_dict() -> None:
    result = calculator.deadline({"kind": "final", "start": "2025-10-28"})
    assert result["due"] == "2025-11-13" and result["kind"] == "final"


@pytest.mark.parametrize("days", [0, 366, -7])
def test_deadline_days_are_bounded(days: int) -> None:
    with pytest.raises(ValidationFailed) as exc:
        calculator.deadline({"kind": "supplement", "start": "2025-03-03", "days": days})
    assert "days" in exc.value.errors


def test_other_benefits_come_from_the_dated_parameter() -> None:
    # Issue 13: art. 37 ust. 5 u.p.s. also names the dodatek z tytułu samotnego wychowywania
    # dziecka i utraty prawa do zasiłku dla bezrobotnych.
    assert set(calculator.OTHER_BENEFITS) == {"renta_socjalna", "swiadczenie_pielegnacyjne",
                                              "specjalny_zasilek_opiekunczy", "zasilek_dla_opiekuna",
                                              "dodatek_samotne_wychowywanie_bezrobocie",
                                              # Issue 16's contract adds these two (art. 16 ust.
                                              # 6 and art. 17c u.ś.r. exclude with them).
                                              "dodatek_pielegnacyjny", "zasilek_macierzynski"}


# --- the symulator form (pure conversion) --------------------------------------------------------


def test_read_form_renumbers_rows_and_keeps_typed_text() -> None:
    raw = form.read_form(MultiDict([
        ("on", "2025-03-01"),
        ("members[0]._row", "1"), ("members[0].age", "40"), ("members[0].net_income", "1 234,50"),
        ("members[3]._row", "1"), ("members[3].age", "abc"), ("members[3].disabled", "on"),
        ("members[3].other_benefits", "renta_socjalna"), ("members[3].other_benefits", "bogus"),
        ("deadline.kind", "appeal"), ("deadline.start", "2025-03-03"), ("deadline.days", "10"),
    ]))
    assert [m["age"] for m in raw["members"]] == ["40", "abc"]
    assert raw["members"][1]["relation"] == "" and raw["members"][1]["in_school"] is False
    assert raw["members"][1]["disabled"] is True and raw["members"][0]["disabled"] is False
    assert raw["members"][1]["other_benefits"] == ["renta_socjalna"]
    body = form.household_body(raw)
    assert body["members"][0]["age"] == 40 and body["members"][0]["net_income"] == "1234.50"
    assert body["members"][1]["age"] == "abc"  # the service says why
    assert body["members"][0]["alimony_awarded"] is None and body["municipal_percentage"] is None
    assert body["members"][0]["relation"] is None and body["members"][0]["in_school"] is False
    assert form.deadline_body(raw) == {"kind": "appeal", "start": "2025-03-03", "urgent": False,
                                       "days": 10}


def test_form_sends_relation_school_and_certificate() -> None:
    raw = form.read_form(MultiDict([
        ("on", "2025-03-01"), ("members[0]._row", "1"), ("members[0].age", "40"),
        ("members[1]._row", "1"), ("members[1].age", "22"), ("members[1].relation", "child"),
        ("members[1].in_school", "on"), ("members[1].disability_certificate", "on"),
    ]))
    body = form.household_body(raw)
    assert body["members"][1] | {"relation": "child", "in_school": True,
                                 "disability_certificate": True} == body["members"][1]
    results = {r["benefit"]: r for r in calculator.simulate(body)["results"]}
    assert results["zasilek_rodzinny"]["amount"] == "135.00"


def test_row_actions() -> None:
    raw = form.initial(date(2025, 3, 1))
    assert form.apply_row_action(raw, "add:members") and len(raw["members"]) == 2
    assert form.apply_row_action(raw, "remove:members[0]") and len(raw["members"]) == 2
    assert form.apply_row_action(raw, "remove:members[1]") and len(raw["members"]) == 1
    assert not form.apply_row_action(raw, "calculate")
