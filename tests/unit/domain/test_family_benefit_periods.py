"""Issue 13: zasiłek rodzinny (art. 24 ust. 1-2 u.ś.r.) and FA (art. 18 ust. 1 of the FA act) are
granted for a benefit period: the period of a grant ends, and inside the benefit period."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.domain.decision_rules import DecisionDraft, LegalRange, check_decision, lawful_draft

RODZINNY = LegalRange(True, Decimal("248"), Decimal("248"), Decimal("248"))
FIRST_ZR = date(2026, 12, 1)  # the case: from 1 December 2026, period to 31 Oct 2027
FIRST_FA = date(2026, 12, 1)  # FA: period 1 Oct 2026 - 30 Sep 2027


def grant(benefit: str, start: date | None, end: date | None) -> DecisionDraft:
    return DecisionDraft(benefit=benefit, kind="grant", amount=Decimal("248"), period_from=start,
                         period_to=end)


ARTICLE = {"zasilek_rodzinny": "art. 24 ust. 1–2 u.ś.r.",
           "fundusz_alimentacyjny": "art. 18 ust. 1 ustawy o pomocy osobom uprawnionym do "
                                    "alimentów"}


@pytest.mark.parametrize("benefit", ["zasilek_rodzinny", "fundusz_alimentacyjny"])
def test_art_24_ust_1_usr_and_art_18_fa_a_family_benefit_period_must_end(benefit: str) -> None:
    found = check_decision(grant(benefit, FIRST_ZR, None), RODZINNY, FIRST_ZR)
    assert [(v.code, v.field, v.article) for v in found] == [
        ("period_end_required", "period_to", ARTICLE[benefit])]
    last = "2027-10-31" if benefit == "zasilek_rodzinny" else "2027-09-30"
    assert found[0].params == {"period_end": last}
    assert last in found[0].message


@pytest.mark.parametrize(("benefit", "last"), [("zasilek_rodzinny", date(2027, 10, 31)),
                                               ("fundusz_alimentacyjny", date(2027, 9, 30))])
def test_art_24_ust_2_usr_and_art_18_fa_the_period_ends_inside_the_benefit_period(
        benefit: str, last: date) -> None:
    assert check_decision(grant(benefit, FIRST_ZR, last), RODZINNY, FIRST_ZR) == []
    # An earlier end (e.g. the child's 18th birthday within the period) is lawful.
    assert check_decision(grant(benefit, FIRST_ZR, date(2027, 3, 31)), RODZINNY, FIRST_ZR) == []
    found = check_decision(grant(benefit, FIRST_ZR, date(2028, 12, 31)), RODZINNY, FIRST_ZR)
    assert [(v.code, v.field, v.article) for v in found] == [
        ("period_beyond_benefit_period", "period_to", ARTICLE[benefit])]
    assert found[0].params == {"period_to": "2028-12-31", "period_end": last.isoformat()}


@pytest.mark.parametrize(("benefit", "last"), [("zasilek_rodzinny", "2027-10-31"),
                                               ("fundusz_alimentacyjny", "2027-09-30")])
def test_the_family_benefit_draft_opens_with_the_benefit_period(benefit: str, last: str) -> None:
    initial = lawful_draft(benefit, RODZINNY, FIRST_ZR, date(2026, 12, 7))
    assert (initial["period_from"], initial["period_to"]) == ("2026-12-01", last)
    filled = grant(benefit, date.fromisoformat(initial["period_from"]),
                   date.fromisoformat(initial["period_to"]))
    assert check_decision(filled, RODZINNY, FIRST_ZR) == []


@given(start=st.dates(min_value=date(2026, 11, 1), max_value=date(2030, 10, 31)),
       end=st.dates(min_value=date(2026, 11, 1), max_value=date(2031, 12, 31)))
def test_no_zasilek_rodzinny_period_crosses_31_october(start: date, end: date) -> None:
    found = {v.code for v in check_decision(grant("zasilek_rodzinny", start, end), RODZINNY,
                                            date(2026, 11, 1))}
    period_end = date(start.year + (start.month >= 11), 10, 31)
    assert ("period_beyond_benefit_period" in found) is (end > period_end)
