"""Issue 13: zasiłek rodzinny threshold (art. 5 ust. 2 u.ś.r.), szkoła vs szkoła wyższa (art. 6
ust. 1 pkt 2-3 u.ś.r.) and who is entitled to FA (art. 9 ust. 1 of the FA act)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from app.domain.eligibility import calculate
from app.domain.legal_acts import act_text, cite

from .helpers import person

ON = date(2025, 3, 1)


def family(per_person: int, **older: Any) -> list[Any]:
    """Parents, a 19-year-old (``older``) and a child of 10, with ``per_person`` zł each."""
    total = per_person * 4
    return [person(45, total, relation="applicant"), person(44, relation="spouse"),
            person(19, relation="child", **older), person(10, relation="child")]


@pytest.mark.parametrize("per_person", [700, 750])
def test_art_5_ust_2_any_child_with_certificate_raises_threshold(per_person: int) -> None:
    # The 19-year-old is not in school, so not entitled; the certificate still raises the
    # threshold to 764 zł: 2800 (or 3000) <= 764 x 4 = 3056, so the child of 10 gets 124 zł.
    r = calculate("zasilek_rodzinny", ON, family(per_person, disability_certificate=True))
    assert r.eligible and r.amount == Decimal("124.00")
    assert "zasilek_rodzinny.threshold_disabled_child" in r.parameters
    assert [b["member"] for b in r.breakdown] == [3]


@pytest.mark.parametrize("fact", ["disabled", "severe_disability_certificate"])
def test_art_5_ust_2_orzeczenie_o_niepelnosprawnosci_of_a_child_not_entitled_counts(
        fact: str) -> None:
    r = calculate("zasilek_rodzinny", ON, family(700, **{fact: True}))
    assert r.amount == Decimal("124.00")


def test_art_5_ust_2_without_certificate_the_674_threshold_applies() -> None:
    r = calculate("zasilek_rodzinny", ON, family(700))
    assert r.amount == Decimal("20.00")  # 124 - (2800 - 674 x 4)
    assert not calculate("zasilek_rodzinny", ON, family(750)).eligible


def test_art_5_ust_2_an_adult_who_is_not_a_child_does_not_raise_it() -> None:
    members = family(700)
    members[1] = person(44, relation="spouse", disability_certificate=True)
    assert calculate("zasilek_rodzinny", ON, members).amount == Decimal("20.00")


def _child(age: int, **kw: Any) -> Any:
    return calculate("zasilek_rodzinny", ON, [person(45, 0), person(age, relation="child", **kw)])


def test_art_6_ust_1_pkt_2_szkola_wyzsza_does_not_keep_zasilek_rodzinny_to_21() -> None:
    assert _child(19, in_school=True).amount == Decimal("135.00")
    r = _child(19, in_higher_school=True)
    assert not r.eligible
    step = next(s for s in r.explanation if s["key"] == "zasilek_rodzinny.child")
    assert "art. 6 ust. 1 pkt 2 u.ś.r." in step["legal_basis"]
    assert "szkole wyższej" in step["text_pl"]


@pytest.mark.parametrize(("kw", "amount"), [
    ({"in_higher_school": True, "disability_certificate": True}, "135.00"),
    ({"in_school": True, "disability_certificate": True}, "135.00"),
    ({"in_higher_school": True, "severe_disability_certificate": True}, "135.00"),
    ({"in_higher_school": True}, None),
])
def test_art_6_ust_1_pkt_3_szkola_or_szkola_wyzsza_with_certificate_to_24(
        kw: dict[str, bool], amount: str | None) -> None:
    r = _child(22, **kw)
    assert r.eligible is (amount is not None)
    if amount:
        assert r.amount == Decimal(amount)


def _fa(age: int, **kw: Any) -> Any:
    members = [person(45, 0), person(age, alimony_awarded=Decimal(800), **kw)]
    return calculate("fundusz_alimentacyjny", ON, members)


def test_art_9_ust_1_fa_for_life_only_with_znaczny_stopien_certificate() -> None:
    # A 27-year-old recorded as disabled, or with a moderate certificate, gets no FA.
    assert not _fa(27, disabled=True).eligible
    assert not _fa(27, disabled=True, disability_certificate=True).eligible
    assert _fa(27, severe_disability_certificate=True).amount == Decimal("800.00")
    r = _fa(27, disabled=True)
    reading = next(s for s in r.explanation if s["key"] == "reading.fundusz_alimentacyjny.entitled")
    assert "art. 9 ust. 1" in " ".join(reading["legal_basis"])
    assert "znacznym stopniu" in reading["text_pl"]


@pytest.mark.parametrize(("age", "kw", "entitled"), [
    (17, {}, True), (18, {}, False), (19, {"disabled": True}, False),
    (24, {"in_school": True}, True), (24, {"in_higher_school": True}, True),
    (25, {"in_higher_school": True}, False), (60, {"severe_disability_certificate": True}, True),
])
def test_art_9_ust_1_fa_age_school_and_severe_certificate(
        age: int, kw: dict[str, bool], entitled: bool) -> None:
    assert _fa(age, **kw).eligible is entitled


def test_fa_act_cited_with_its_consolidated_text_dz_u_2026_poz_79() -> None:
    assert cite("fa", date(2026, 3, 1)) == (
        "ustawy z dnia 7 września 2007 r. o pomocy osobom uprawnionym do alimentów "
        "(Dz.U. z 2026 r. poz. 79 ze zm.)")
    assert "obwieszczenie" in act_text("fa", date(2026, 3, 1)).source
    # Before the obwieszczenie of 21 Jan 2026 was published, the act is cited by its title.
    assert cite("fa", date(2025, 6, 1)).endswith("uprawnionym do alimentów")
