"""The invariants of a lawful decision (app.domain.decision_rules)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st

from app.domain.decision_rules import (
    DecisionDraft,
    LegalRange,
    check_decision,
    lawful_draft,
    lawful_period,
)

FIRST = date(2026, 11, 1)
OKRESOWY = LegalRange(eligible=True, amount=Decimal("148.97"), min_amount=Decimal("148.97"),
                      max_amount=Decimal("297.94"))
STALY = LegalRange(eligible=True, amount=Decimal("716.60"), min_amount=Decimal("716.60"),
                   max_amount=Decimal("716.60"))
NOT_ELIGIBLE = LegalRange(eligible=False, amount=Decimal("0"), min_amount=Decimal("0"),
                          max_amount=Decimal("0"))


def draft(**kw: object) -> DecisionDraft:
    values: dict[str, object] = {
        "benefit": "zasilek_okresowy", "kind": "grant", "amount": Decimal("148.97"),
        "period_from": FIRST, "period_to": date(2027, 1, 31),
    }
    values.update(kw)
    return DecisionDraft(**values)  # type: ignore[arg-type]


def codes(d: DecisionDraft, legal: LegalRange | None = OKRESOWY) -> list[str]:
    return [v.code for v in check_decision(d, legal, FIRST)]


def test_the_computed_amount_for_a_lawful_period_passes() -> None:
    assert codes(draft()) == []


def test_the_illegal_draft_of_the_issue_breaks_amount_and_period() -> None:
    found = check_decision(draft(amount=Decimal("500"), period_from=date(2027, 2, 1),
                                 period_to=date(2026, 12, 1)), OKRESOWY, FIRST)
    assert [v.code for v in found] == ["amount_out_of_range", "period_reversed"]
    amount = found[0]
    assert amount.field == "amount" and amount.article == "art. 38 ust. 2–4 u.p.s."
    assert amount.params == {"amount": "500.00", "min": "148.97", "max": "297.94",
                             "computed": "148.97"}
    assert "500.00 zł is outside the legal range 148.97–297.94 zł" in amount.text
    assert amount.text.endswith("(art. 38 ust. 2–4 u.p.s.).")
    assert found[1].field == "period_to" and found[1].article == "art. 107 § 1 pkt 5 KPA"


def test_a_grant_when_not_eligible_is_refused() -> None:
    assert codes(draft(amount=Decimal("10")), NOT_ELIGIBLE) == ["not_eligible"]
    assert codes(draft(kind="refusal", justification="Dochód przekracza kryterium."),
                 NOT_ELIGIBLE) == []


def test_no_eligibility_no_grant() -> None:
    assert codes(draft(), None) == ["eligibility_missing"]


def test_amount_must_be_above_zero() -> None:
    assert codes(draft(amount=None)) == ["amount_required"]
    assert codes(draft(amount=Decimal("0"))) == ["amount_required"]


def test_discretionary_amount_needs_a_written_reason() -> None:
    assert codes(draft(amount=Decimal("200.00"))) == ["amount_reason_required"]
    assert codes(draft(amount=Decimal("200.00"), amount_reason="Koszty leczenia.")) == []
    # The maximum is lawful too, with a reason.
    assert codes(draft(amount=Decimal("297.94"), amount_reason="Brak innych dochodów.")) == []


def test_a_fixed_amount_leaves_no_discretion() -> None:
    staly = draft(benefit="zasilek_staly", amount=Decimal("700.00"), period_to=None,
                  amount_reason="Uznanie.")
    assert codes(staly, STALY) == ["amount_out_of_range"]
    assert codes(draft(benefit="zasilek_staly", amount=Decimal("716.60"), period_to=None),
                 STALY) == []


def test_refusal_and_partial_need_a_justification() -> None:
    assert codes(draft(kind="refusal")) == ["justification_required"]
    assert codes(draft(kind="partial")) == ["justification_required"]
    assert codes(draft(kind="partial", justification="W części.")) == []
    refusal = check_decision(draft(kind="refusal"), OKRESOWY, FIRST)[0]
    assert refusal.article == "art. 107 § 1 pkt 6 i § 4 KPA"


def test_period_starts_no_earlier_than_the_first_benefit_month() -> None:
    found = check_decision(draft(period_from=date(2026, 10, 1)), OKRESOWY, FIRST)
    assert [v.code for v in found] == ["period_before_first_month"]
    assert found[0].article == "art. 106 ust. 3 u.p.s."
    assert found[0].params == {"period_from": "2026-10-01", "first_month": "2026-11-01"}
    # The first benefit month is the caller's: another month moves the rule with it.
    assert check_decision(draft(period_from=date(2026, 10, 1)), OKRESOWY, date(2026, 10, 1)) == []
    assert codes(draft(period_from=None)) == ["period_start_required"]


def test_family_benefits_cite_their_own_act() -> None:
    legal = LegalRange(True, Decimal("95"), Decimal("95"), Decimal("95"))
    found = check_decision(draft(benefit="zasilek_rodzinny", amount=Decimal("95"),
                                 period_from=date(2026, 10, 1)), legal, FIRST)
    # Issue 13: the draft's end (31 Jan 2027) also lies past the benefit period of its start
    # (to 31 Oct 2026), which art. 24 ust. 1-2 u.ś.r. forbids.
    assert [(v.code, v.article) for v in found] == [
        ("period_before_first_month", "art. 24 ust. 2 u.ś.r."),
        ("period_beyond_benefit_period", "art. 24 ust. 1–2 u.ś.r.")]


def test_zasilek_okresowy_has_an_end_date() -> None:
    found = check_decision(draft(period_to=None), OKRESOWY, FIRST)
    assert [(v.code, v.article) for v in found] == [("period_end_required", "art. 38 ust. 5 u.p.s.")]
    assert codes(draft(benefit="zasilek_staly", amount=Decimal("716.60"), period_to=None),
                 STALY) == [], "zasiłek stały may run without an end date"


def test_one_off_benefit_has_a_purpose_and_no_period() -> None:
    legal = LegalRange(True, Decimal("0"), Decimal("0"), Decimal("1010.00"))
    one_off = draft(benefit="specjalny_zasilek_celowy", amount=Decimal("400"),
                    amount_reason="Zakup opału.", period_from=date(2026, 11, 20), period_to=None)
    assert codes(one_off, legal) == ["purpose_required"]
    ok = draft(benefit="specjalny_zasilek_celowy", amount=Decimal("400"), purpose="Opał na zimę.",
               amount_reason="Zakup opału.", period_from=date(2026, 11, 20), period_to=None)
    assert codes(ok, legal) == []
    ranged = draft(benefit="specjalny_zasilek_celowy", amount=Decimal("400"), purpose="Opał.",
                   amount_reason="Opał.", period_from=date(2026, 11, 1),
                   period_to=date(2027, 2, 28))
    assert codes(ranged, legal) == ["one_off_has_period"]
    assert codes(draft(benefit="specjalny_zasilek_celowy", amount=Decimal("400"), purpose="Opał.",
                       amount_reason="Opał.", period_from=None, period_to=None),
                 legal) == ["payment_date_required"]


def test_violations_are_json_safe_with_code_and_params() -> None:
    v = check_decision(draft(amount=Decimal("500")), OKRESOWY, FIRST)[0]
    assert v.as_dict() == {
        "code": "amount_out_of_range", "field": "amount", "article": "art. 38 ust. 2–4 u.p.s.",
        "message": v.text, "params": v.params,
    }


def test_the_draft_opens_lawful() -> None:
    assert lawful_period("zasilek_okresowy", FIRST, date(2026, 11, 20)) == \
        (FIRST, date(2027, 1, 31))
    assert lawful_period("zasilek_staly", FIRST, date(2026, 11, 20)) == (FIRST, None)
    assert lawful_period("specjalny_zasilek_celowy", FIRST, date(2026, 11, 20)) == \
        (date(2026, 11, 20), None)
    initial = lawful_draft("zasilek_okresowy", OKRESOWY, FIRST, date(2026, 11, 20))
    assert initial == {"decision_kind": "grant", "amount": "148.97",
                       "period_from": "2026-11-01", "period_to": "2027-01-31"}
    filled = draft(amount=Decimal(initial["amount"]),
                   period_from=date.fromisoformat(initial["period_from"]),
                   period_to=date.fromisoformat(initial["period_to"]))
    assert check_decision(filled, OKRESOWY, FIRST) == [], "the default is lawful"
    assert lawful_draft("zasilek_okresowy", NOT_ELIGIBLE, FIRST, FIRST)["decision_kind"] == "refusal"


money = st.decimals(min_value=Decimal("0"), max_value=Decimal("5000"), places=2)


@given(low=money, width=money, amount=money, eligible=st.booleans())
def test_no_draft_outside_the_legal_range_passes(low: Decimal, width: Decimal, amount: Decimal,
                                                 eligible: bool) -> None:
    legal = LegalRange(eligible, low, low, low + width)
    found = codes(draft(amount=amount, amount_reason="Uzasadnienie."), legal)
    inside = eligible and amount > 0 and low <= amount <= low + width
    amount_codes = {"amount_out_of_range", "not_eligible", "amount_required"}
    assert bool(amount_codes & set(found)) is not inside
    if inside:
        assert found == []


@given(start=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)),
       end=st.dates(min_value=date(2020, 1, 1), max_value=date(2030, 12, 31)))
def test_no_period_before_the_first_month_or_reversed_passes(start: date, end: date) -> None:
    found = codes(draft(period_from=start, period_to=end))
    assert ("period_before_first_month" in found) is (start < FIRST)
    assert ("period_reversed" in found) is (end < start)
