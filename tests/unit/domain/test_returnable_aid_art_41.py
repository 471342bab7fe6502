"""Lane b16, issue 16 part 1: art. 41 pkt 2 u.p.s. names three forms of aid granted, above the
income criterion and in an especially justified case, "pod warunkiem zwrotu części lub całości
kwoty zasiłku lub wydatków na pomoc rzeczową": zasiłek okresowy, zasiłek celowy and pomoc
rzeczowa. Zasiłek celowy is tested in test_purpose_aid.py; here zasiłek okresowy (art. 38 with
art. 41 pkt 2): at the criterion, 1 grosz above it, across the criterion change of 1 Jan 2025,
the decision rules of its return and the whole aid a monthly grant returns."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain.decision_rules import DecisionDraft, LegalRange, check_decision
from app.domain.eligibility import EligibilityResult, calculate
from app.domain.returnable_aid import granted_total, returned_amount

from .helpers import family, person

D = date
TWENTY = Decimal("20.00")


def okresowy(on: date, income: str, persons: int = 1) -> EligibilityResult:
    members = [person(40, income)] if persons == 1 else family(income, persons)
    return calculate("zasilek_okresowy", on, members)


def step(r: EligibilityResult, key: str) -> dict[str, object]:
    return next(s for s in r.explanation if s["key"] == key)


@pytest.mark.parametrize(("on", "income", "persons"), [
    (D(2025, 3, 1), "1010.01", 1),     # a person living alone, 2025 criterion 1010 zł
    (D(2025, 3, 1), "1646.01", 2),     # a family of two: 823 x 2
    (D(2024, 12, 1), "776.01", 1),     # before the change of 1 Jan 2025: 776 zł
    (D(2024, 12, 1), "1200.01", 2),    # 600 x 2
])
def test_art_41_pkt_2_zasilek_okresowy_one_grosz_above_the_criterion_only_on_condition_of_return(
        on: date, income: str, persons: int) -> None:
    r = okresowy(on, income, persons)
    assert r.eligible, "art. 41 pkt 2 allows it in an especially justified case"
    assert step(r, "zasilek_okresowy.income_test")["result"] is False, "art. 38 itself is not met"
    assert r.range is not None
    assert r.to_dict()["range"] == {
        "min": "20.00", "max": None, "per": "month", "set_by": "centre",
        "returnable": "required", "basis": ["art. 41 pkt 2 u.p.s.", "art. 38 ust. 4 u.p.s."]}
    # The art. 38 ust. 4 floor is what is proposed; the centre sets the amount of the need.
    assert (r.amount, r.min_amount, r.max_amount) == (TWENTY, TWENTY, TWENTY)
    reading = step(r, "reading.zasilek_okresowy.returnable")
    assert "art. 41 pkt 2 u.p.s." in reading["legal_basis"]
    assert "pod warunkiem zwrotu" in str(reading["text_pl"])


@pytest.mark.parametrize(("on", "income", "persons"), [
    (D(2025, 3, 1), "1010.00", 1),
    (D(2025, 3, 1), "1646.00", 2),
    (D(2024, 12, 1), "776.00", 1),
])
def test_art_38_ust_1_and_art_41_income_exactly_at_the_criterion_is_neither_below_nor_above(
        on: date, income: str, persons: int) -> None:
    """Art. 38 ust. 1 asks an income *below* the criterion, art. 41 one *exceeding* it: at the
    criterion itself neither applies (the reading of _zasilek_okresowy_returnable)."""
    r = okresowy(on, income, persons)
    assert not r.eligible and r.range is None


@pytest.mark.parametrize(("on", "income"), [(D(2025, 3, 1), "1009.99"), (D(2024, 12, 1), "775.99")])
def test_art_38_one_grosz_below_the_criterion_is_the_ordinary_zasilek_without_return(
        on: date, income: str) -> None:
    r = okresowy(on, income)
    assert r.eligible and r.range is None
    assert r.amount == TWENTY, "50% of 0.01 zł is below the 20 zł floor of art. 38 ust. 4"


def test_art_41_pkt_2_across_the_criterion_change_of_1_january_2025() -> None:
    """900 zł: above the 776 zł criterion in December 2024 (returnable), below the 1010 zł one
    from January 2025 (the ordinary zasiłek okresowy, no return)."""
    before, after = okresowy(D(2024, 12, 1), "900.00"), okresowy(D(2025, 1, 1), "900.00")
    assert before.range is not None and before.range.returnable == "required"
    assert after.eligible and after.range is None and after.amount == Decimal("55.00")


def grant(**kw: object) -> DecisionDraft:
    values: dict[str, object] = {
        "benefit": "zasilek_okresowy", "kind": "grant", "amount": Decimal("300.00"),
        "period_from": D(2026, 3, 1), "period_to": D(2026, 5, 31)}
    values.update(kw)
    return DecisionDraft(**values)  # type: ignore[arg-type]


RETURNABLE = LegalRange(True, TWENTY, TWENTY, TWENTY, unbounded=True, returnable="required")


def codes(d: DecisionDraft) -> list[str]:
    return [v.code for v in check_decision(d, RETURNABLE, D(2026, 3, 1))]


def test_art_41_pkt_2_zasilek_okresowy_above_the_criterion_needs_a_return() -> None:
    assert codes(grant()) == ["return_required"]


def test_art_41_pkt_2_a_lawful_returnable_zasilek_okresowy_with_its_terms() -> None:
    assert codes(grant(return_kind="full", return_instalments=6,
                       return_first_due=D(2026, 6, 15))) == []
    # Any amount of the need above the floor: the act names no upper bound.
    assert codes(grant(amount=Decimal("2500.00"), return_kind="full", return_instalments=6,
                       return_first_due=D(2026, 6, 15))) == []


def test_art_38_ust_4_the_returnable_zasilek_okresowy_keeps_the_20_zl_floor() -> None:
    terms = {"return_kind": "full", "return_instalments": 2, "return_first_due": D(2026, 6, 1)}
    assert codes(grant(amount=Decimal("19.99"), **terms)) == ["amount_below_minimum"]
    assert codes(grant(amount=Decimal("20.00"), **terms)) == []


def test_art_41_pkt_2_a_part_returned_stays_below_the_whole_aid_of_the_period() -> None:
    """Three months of 300 zł grant 900 zł: a part of 899.99 zł is a part, 900 zł is not (it is
    the whole, "w całości"); one month's 300 zł does not bound the part."""
    terms = {"return_kind": "part", "return_instalments": 3, "return_first_due": D(2026, 6, 1)}
    assert codes(grant(return_amount=Decimal("450.00"), **terms)) == []
    assert codes(grant(return_amount=Decimal("899.99"), **terms)) == []
    assert codes(grant(return_amount=Decimal("900.00"), **terms)) == ["return_amount_out_of_range"]


def test_art_41_pkt_2_the_whole_aid_of_a_monthly_grant_is_its_months_times_the_amount() -> None:
    assert granted_total("zasilek_okresowy", Decimal("300.00"), D(2026, 3, 1),
                         D(2026, 5, 31)) == Decimal("900.00")
    assert granted_total("zasilek_okresowy", Decimal("300.00"), D(2026, 11, 1),
                         D(2027, 2, 28)) == Decimal("1200.00")
    # A one-off zasiłek celowy is its amount, whatever the period fields say.
    assert granted_total("zasilek_celowy", Decimal("450.00"), D(2026, 3, 1),
                         D(2026, 5, 31)) == Decimal("450.00")
    total = granted_total("zasilek_okresowy", Decimal("300.00"), D(2026, 3, 1), D(2026, 5, 31))
    assert returned_amount("full", total, None) == Decimal("900.00")
