"""Issue 16 part 1 (lane upsa): zasiłek celowy (art. 39 u.p.s.), aid on condition of return
(art. 41 pkt 2), art. 40 aid and sprawienie pogrzebu (art. 44, art. 96 ust. 3): no formula,
the eligibility answer gives the range the law allows and never an error."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from app.domain.decision_rules import DecisionDraft, LegalRange, check_decision
from app.domain.eligibility import EligibilityResult, calculate
from app.domain.returnable_aid import repayment_plan, returned_amount

from .helpers import family, person

D = date
Z = Decimal("0.00")


def celowy(on: date, income: str, persons: int = 1) -> EligibilityResult:
    members = [person(40, income)] if persons == 1 else family(income, persons)
    return calculate("zasilek_celowy", on, members)


def step(r: EligibilityResult, key: str) -> dict[str, object]:
    return next(s for s in r.explanation if s["key"] == key)


# --- art. 39 ust. 1 with art. 8 ust. 1: the criterion, exactly at and 1 grosz above ---


@pytest.mark.parametrize(("on", "income", "persons"), [
    (D(2025, 3, 1), "1010.00", 1),     # a person living alone, 2025 criterion
    (D(2025, 3, 1), "1646.00", 2),     # a family: 823 x 2
    (D(2024, 12, 1), "776.00", 1),     # before the change of 1 Jan 2025
    (D(2024, 12, 1), "1200.00", 2),    # 600 x 2
])
def test_art_39_ust_1_income_exactly_at_the_criterion_qualifies_without_return(
        on: date, income: str, persons: int) -> None:
    r = celowy(on, income, persons)
    assert r.eligible and r.amount == Z and r.range is not None
    d = r.to_dict()
    assert d["range"] == {"min": None, "max": None, "per": "once", "set_by": "centre",
                          "returnable": "no", "basis": ["art. 39 ust. 1 u.p.s."]}
    assert step(r, "zasilek_celowy.income_test")["result"] is True
    assert json.loads(json.dumps(d)) == d


@pytest.mark.parametrize(("on", "income", "persons"), [
    (D(2025, 3, 1), "1010.01", 1),
    (D(2025, 3, 1), "1646.01", 2),
    (D(2024, 12, 1), "776.01", 1),
])
def test_art_41_pkt_2_one_grosz_above_the_criterion_only_on_condition_of_return(
        on: date, income: str, persons: int) -> None:
    r = celowy(on, income, persons)
    assert r.eligible, "art. 41 pkt 2 still allows it; the answer is never an error"
    assert r.range is not None and r.range.returnable == "required"
    assert r.range.basis == ("art. 41 pkt 2 u.p.s.",)
    assert step(r, "zasilek_celowy.income_test")["result"] is False
    assert "reading.zasilek_celowy.returnable" in [s["key"] for s in r.explanation]


def test_art_39_across_the_criterion_change_of_1_january_2025() -> None:
    # 900 zł alone: above 776 zł in December 2024, within 1010 zł from January 2025.
    before, after = celowy(D(2024, 12, 31), "900.00"), celowy(D(2025, 1, 1), "900.00")
    assert before.range is not None and before.range.returnable == "required"
    assert after.range is not None and after.range.returnable == "no"
    assert before.parameters["ups.criterion_single"]["value"] == "776.00"
    assert after.parameters["ups.criterion_single"]["value"] == "1010.00"
    assert after.parameters["zasilek_celowy.criterion_percentage"]["value"] == 100


def test_art_39_ust_2_the_purposes_include_health_expenses() -> None:
    r = celowy(D(2026, 2, 1), "500.00")
    purpose = step(r, "zasilek_celowy.purpose")
    assert "leków i leczenia" in str(purpose["text_pl"])
    assert purpose["legal_basis"] == ["art. 39 ust. 1 u.p.s.", "art. 39 ust. 2 u.p.s."]
    result = step(r, "result")
    assert "miesięcznie" not in str(result["text_pl"]), "a one-off has no monthly amount"
    assert "nie określa jej górnej granicy" in str(result["text_pl"])


def test_art_39_a_grant_of_any_amount_above_zero_keeps_the_law_and_names_its_purpose() -> None:
    legal = LegalRange(eligible=True, amount=Z, min_amount=Z, max_amount=Z, unbounded=True)
    ok = DecisionDraft("zasilek_celowy", "grant", Decimal("3500.00"), D(2026, 3, 2),
                       purpose="opał na zimę")
    assert check_decision(ok, legal, D(2026, 3, 1)) == []
    zero = DecisionDraft("zasilek_celowy", "grant", Z, D(2026, 3, 2), purpose="opał")
    assert [v.code for v in check_decision(zero, legal, D(2026, 3, 1))] == ["amount_required"]
    blank = DecisionDraft("zasilek_celowy", "grant", Decimal("10.00"), D(2026, 3, 2))
    assert [v.code for v in check_decision(blank, legal, D(2026, 3, 1))] == ["purpose_required"]


# --- art. 40: regardless of income, possibly not returned ---


@pytest.mark.parametrize("on", [D(2024, 12, 31), D(2025, 1, 1), D(2026, 6, 1)])
@pytest.mark.parametrize("income", ["0.00", "1010.01", "25000.00"])
def test_art_40_ust_3_granted_regardless_of_income_and_may_not_be_returned(
        on: date, income: str) -> None:
    r = calculate("zasilek_celowy_zdarzenie_losowe", on, [person(40, income)])
    assert r.eligible and r.range is not None
    assert r.range.returnable == "may" and r.range.high is None
    assert "ups.criterion_single" not in r.parameters, "income is not tested"
    assert r.legal_basis[:3] == ["art. 40 ust. 1 u.p.s.", "art. 40 ust. 2 u.p.s.",
                                 "art. 40 ust. 3 u.p.s."]


# --- art. 44 and art. 96 ust. 3: the funeral, its costs returned ---


@pytest.mark.parametrize(("on", "allowance"), [
    (D(2025, 12, 31), "4000.00"), (D(2026, 1, 1), "7000.00")])
def test_art_44_the_funeral_is_a_service_its_costs_returned_under_art_96_ust_3(
        on: date, allowance: str) -> None:
    r = calculate("sprawienie_pogrzebu", on, [person(40, "3000.00")])
    assert r.eligible and r.range is not None and r.range.returnable == "estate"
    assert r.parameters["sprawienie_pogrzebu.zus_funeral_allowance"]["value"] == allowance
    assert r.legal_basis == ["art. 44 u.p.s.", "art. 96 ust. 3 u.p.s."]


def test_the_other_benefits_answer_without_a_range() -> None:
    r = calculate("zasilek_okresowy", D(2025, 3, 1), [person(40, "500.00")])
    assert r.range is None and "range" not in r.to_dict()


# --- art. 41 pkt 2 and art. 40 ust. 3: the return and its terms ---


def _grant(benefit: str = "zasilek_celowy", **kw: object) -> DecisionDraft:
    values: dict[str, object] = {"benefit": benefit, "kind": "grant", "amount": Decimal("900.00"),
                                 "period_from": D(2026, 3, 2), "purpose": "Opał."}
    values.update(kw)
    return DecisionDraft(**values)  # type: ignore[arg-type]


def _range(returnable: str) -> LegalRange:
    return LegalRange(True, Z, Z, Z, unbounded=True, returnable=returnable)


def codes(draft: DecisionDraft, returnable: str) -> list[str]:
    return [v.code for v in check_decision(draft, _range(returnable), D(2026, 3, 1))]


def test_art_41_pkt_2_above_the_criterion_a_grant_names_its_return_and_terms() -> None:
    assert codes(_grant(), "required") == ["return_required"]
    terms = {"return_instalments": 3, "return_first_due": D(2026, 4, 15)}
    assert codes(_grant(return_kind="full", **terms), "required") == []
    assert codes(_grant(return_kind="part", return_amount=Decimal("600.00"), **terms),
                 "required") == []
    # A part is above zero and below the aid; the whole is "full".
    assert codes(_grant(return_kind="part", return_amount=Decimal("900.00"), **terms),
                 "required") == ["return_amount_out_of_range"]
    assert codes(_grant(return_kind="full"), "required") == ["return_terms_required"]
    assert codes(_grant(return_kind="full", return_instalments=2,
                        return_first_due=D(2026, 3, 1)), "required") == ["return_due_before_payment"]


def test_art_40_ust_3_the_return_is_the_centres_choice_and_art_39_aid_has_none() -> None:
    terms = {"return_kind": "full", "return_instalments": 2, "return_first_due": D(2026, 5, 1)}
    event = "zasilek_celowy_zdarzenie_losowe"
    assert codes(_grant(event), "may") == []
    assert codes(_grant(event, **terms), "may") == []
    assert codes(_grant(**terms), "no") == ["return_not_allowed"]
    assert codes(_grant("sprawienie_pogrzebu", **terms), "estate") == ["return_not_allowed"]


def test_the_repayment_plan_splits_the_return_into_monthly_instalments() -> None:
    assert returned_amount("part", Decimal("900.00"), Decimal("600.00")) == Decimal("600.00")
    assert returned_amount("full", Decimal("900.00"), None) == Decimal("900.00")
    assert returned_amount("none", Decimal("900.00"), Decimal("600.00")) == Z
    plan = repayment_plan(Decimal("100.00"), 3, D(2026, 4, 15))
    assert [d for d, _ in plan] == [D(2026, 4, 15), D(2026, 5, 15), D(2026, 6, 15)]
    assert sum(a for _, a in plan) == Decimal("100.00")
