"""Issue 16 (lane usrf): the dodatki to zasiłek rodzinny (art. 9-15 u.ś.r.), pooled with the
zasiłek in złotówka za złotówkę (art. 5 ust. 3-3c), and the ``components`` of the answer."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest

from app.domain.eligibility import calculate
from app.domain.income import Member

from .helpers import person

ON = date(2025, 3, 1)  # benefit period 2024/2025: threshold 674 zł (764 with a disabled child)
D = Decimal


def fam(income: str | int = 0, *children: Member, **applicant: Any) -> list[Member]:
    return [person(35, income, relation="applicant", **applicant), *children]


def child(age: int = 10, **kw: Any) -> Member:
    return person(age, relation="child", **kw)


def parts(r: Any) -> dict[str, tuple[Decimal, str]]:
    return {c["code"]: (c["amount"], c["per"]) for c in r.components}


def test_no_dodatek_condition_gives_the_zasilek_alone_as_before() -> None:
    r = calculate("zasilek_rodzinny", ON, fam(0, child(10, in_school=True), child(3, disabled=True),
                                              child(12)))
    assert r.amount == D("343.00")  # 124 + 95 + 124
    assert parts(r) == {"zasilek_rodzinny": (D("343.00"), "month")}
    assert not any(k.startswith("zasilek_rodzinny.dodatek") for k in r.parameters)


# --- art. 11a: samotne wychowywanie -----------------------------------------------------------

@pytest.mark.parametrize("reason", ["deceased", "unknown", "alimony_dismissed"])
def test_art_11a_single_parent_on_each_ground_193_per_child(reason: str) -> None:
    r = calculate("zasilek_rodzinny", ON, fam(0, child(10), single_parent_reason=reason))
    assert r.amount == D("317.00")  # 124 + 193
    assert parts(r)["dodatek_samotne_wychowywanie"] == (D("193.00"), "month")
    assert "art. 11a u.ś.r." in r.legal_basis


def test_art_11a_ust_2_at_most_386_for_all_children() -> None:
    r = calculate("zasilek_rodzinny", ON, fam(0, child(10), child(11), child(12),
                                              single_parent_reason="unknown"))
    assert parts(r)["dodatek_samotne_wychowywanie"][0] == D("386.00")
    assert r.amount == D("758.00")  # 3 x 124 + 386


def test_art_11a_ust_3_a_child_with_a_certificate_273_at_most_546() -> None:
    one = calculate("zasilek_rodzinny", ON, fam(0, child(10, disabled=True),
                                                single_parent_reason="deceased"))
    assert parts(one)["dodatek_samotne_wychowywanie"][0] == D("273.00")
    three = calculate("zasilek_rodzinny", ON, fam(0, *(child(a, disabled=True) for a in (8, 9, 10)),
                                                  single_parent_reason="deceased"))
    assert parts(three)["dodatek_samotne_wychowywanie"][0] == D("546.00")


def test_art_11a_not_with_a_spouse_in_the_family() -> None:
    r = calculate("zasilek_rodzinny", ON, fam(0, person(36, relation="spouse"), child(10),
                                              single_parent_reason="deceased"))
    assert r.amount == D("124.00") and "dodatek_samotne_wychowywanie" not in parts(r)


# --- art. 12a: rodzina wielodzietna -----------------------------------------------------------

@pytest.mark.parametrize(("n", "dodatek"), [(2, None), (3, "95.00"), (4, "190.00")])
def test_art_12a_for_the_third_and_each_next_entitled_child(n: int, dodatek: str | None) -> None:
    r = calculate("zasilek_rodzinny", ON, fam(0, *(child(10 + i) for i in range(n)),
                                              dodatki=("dodatek_rodzina_wielodzietna",)))
    got = parts(r).get("dodatek_rodzina_wielodzietna")
    assert (got[0] if got else None) == (D(dodatek) if dodatek else None)
    assert r.amount == D(124 * n) + (D(dodatek) if dodatek else 0)


def test_art_12a_counts_only_children_entitled_to_zasilek_rodzinny() -> None:
    r = calculate("zasilek_rodzinny", ON, fam(0, child(10), child(11), child(19),
                                              dodatki=("dodatek_rodzina_wielodzietna",)))
    assert "dodatek_rodzina_wielodzietna" not in parts(r)  # the 19-year-old is not in school


# --- art. 13: kształcenie i rehabilitacja -----------------------------------------------------

def test_art_13_90_under_5_and_110_from_5() -> None:
    asked = ("dodatek_ksztalcenie_rehabilitacja",)
    small = calculate("zasilek_rodzinny", ON, fam(0, child(4, disabled=True), dodatki=asked))
    big = calculate("zasilek_rodzinny", ON, fam(0, child(5, disabled=True), dodatki=asked))
    assert parts(small)["dodatek_ksztalcenie_rehabilitacja"] == (D("90.00"), "month")
    assert parts(big)["dodatek_ksztalcenie_rehabilitacja"] == (D("110.00"), "month")
    assert small.amount == D("185.00") and big.amount == D("234.00")


def test_art_13_ust_1_pkt_2_from_16_only_with_a_moderate_or_severe_degree() -> None:
    asked = ("dodatek_ksztalcenie_rehabilitacja",)
    child_cert = calculate("zasilek_rodzinny", ON, fam(0, child(16, disabled=True), dodatki=asked))
    degree = calculate("zasilek_rodzinny", ON, fam(0, child(16, disability_degree="umiarkowany"),
                                                   dodatki=asked))
    assert "dodatek_ksztalcenie_rehabilitacja" not in parts(child_cert)
    assert parts(degree)["dodatek_ksztalcenie_rehabilitacja"][0] == D("110.00")


# --- art. 14 and 15: the school year, school away from home -----------------------------------

def test_art_14_100_once_a_year_per_pupil_not_in_the_monthly_amount() -> None:
    r = calculate("zasilek_rodzinny", ON, fam(0, child(10, in_school=True), child(3),
                                              dodatki=("dodatek_rozpoczecie_roku_szkolnego",)))
    assert parts(r)["dodatek_rozpoczecie_roku_szkolnego"] == (D("100.00"), "year")
    assert r.amount == D("219.00")


@pytest.mark.parametrize(("away", "yearly"), [("living", "1130.00"), ("commuting", "690.00")])
def test_art_15_113_living_or_69_commuting_for_10_months(away: str, yearly: str) -> None:
    r = calculate("zasilek_rodzinny", ON, fam(0, child(16, in_school=True, school_away=away)))
    assert parts(r)["dodatek_nauka_poza_miejscem_zamieszkania"] == (D(yearly), "year")
    assert r.amount == D("124.00")


# --- art. 10 and 9 --------------------------------------------------------------------------

def test_art_10_400_a_month_on_urlop_wychowawczy_not_with_zasilek_macierzynski() -> None:
    on_leave = calculate("zasilek_rodzinny", ON, fam(0, child(1), parental_leave=True))
    assert parts(on_leave)["dodatek_opieka_urlop_wychowawczy"] == (D("400.00"), "month")
    assert on_leave.amount == D("495.00")
    maternity = calculate("zasilek_rodzinny", ON, fam(0, child(1), parental_leave=True,
                                                      other_benefits=["zasilek_macierzynski"]))
    assert maternity.amount == D("95.00")


BORN = date(2025, 1, 15)


@pytest.mark.parametrize(("filed", "granted"), [(date(2026, 1, 14), True),
                                                (date(2026, 1, 15), False)])
def test_art_9_ust_2_applied_for_before_the_first_birthday(filed: date, granted: bool) -> None:
    r = calculate("zasilek_rodzinny", date(2025, 12, 1),
                  fam(0, child(0, born_on=BORN, prenatal_care=True), applied_on=filed))
    assert ("dodatek_urodzenie_dziecka" in parts(r)) is granted
    if granted:
        assert parts(r)["dodatek_urodzenie_dziecka"] == (D("1000.00"), "once")
        assert r.amount == D("95.00")  # a once-paid dodatek is not in the monthly amount


def test_art_9_ust_5_prenatal_care_or_a_guardian() -> None:
    asked = ("dodatek_urodzenie_dziecka",)
    none = calculate("zasilek_rodzinny", ON, fam(0, child(0, born_on=BORN), dodatki=asked))
    guardian = calculate("zasilek_rodzinny", ON, fam(0, child(0, born_on=BORN,
                                                           care_since=date(2025, 2, 1))))
    assert "dodatek_urodzenie_dziecka" not in parts(none)
    assert parts(guardian)["dodatek_urodzenie_dziecka"][0] == D("1000.00")


# --- art. 5 ust. 3-3c: złotówka za złotówkę over the zasiłek and the dodatki ------------------

def test_art_5_ust_3_at_the_threshold_in_full_one_grosz_above_pooled_and_reduced() -> None:
    # Two persons: 674 x 2 = 1348.
    at = calculate("zasilek_rodzinny", ON, fam("1348.00", child(10), single_parent_reason="unknown"))
    above = calculate("zasilek_rodzinny", ON, fam("1348.01", child(10),
                                                  single_parent_reason="unknown"))
    assert at.amount == D("317.00")
    assert above.eligible and above.amount == D("316.99")
    assert parts(above)["zlotowka_za_zlotowke"] == (D("-0.01"), "month")
    assert sum(c["amount"] for c in above.components) == above.amount


def test_art_5_ust_3b_yearly_dodatki_divided_by_12_in_the_pool() -> None:
    asked = ("dodatek_rozpoczecie_roku_szkolnego",)
    above = calculate("zasilek_rodzinny", ON, fam("1348.01", child(10, in_school=True),
                                                  dodatki=asked))
    # 124 + 100 / 12 (8.34, rounded up) - 0.01
    assert above.amount == D("132.33")
    assert parts(above)["dodatek_rozpoczecie_roku_szkolnego"] == (D("8.34"), "month")
    assert "art. 5 ust. 3b u.ś.r." in above.legal_basis


def test_art_5_ust_3c_nothing_below_20_zl_after_the_pool() -> None:
    # Pool 124 + 193 = 317; an excess of 297 leaves exactly 20, 297.01 leaves less.
    at = calculate("zasilek_rodzinny", ON, fam("1645.00", child(10), single_parent_reason="unknown"))
    below = calculate("zasilek_rodzinny", ON, fam("1645.01", child(10),
                                                  single_parent_reason="unknown"))
    assert at.eligible and at.amount == D("20.00")
    assert not below.eligible


# --- across a parameter change (1 Nov 2018) ---------------------------------------------------

@pytest.mark.parametrize(("on", "samotne", "wielodzietna"), [
    (date(2018, 10, 1), "370.00", "90.00"),   # period 2017/2018: 185 x 2 (cap 370)
    (date(2018, 11, 1), "386.00", "95.00"),   # period 2018/2019: 193 x 2 (cap 386)
])
def test_art_11a_and_12a_amounts_across_the_change_of_1_november_2018(
        on: date, samotne: str, wielodzietna: str) -> None:
    r = calculate("zasilek_rodzinny", on, fam(0, child(8), child(9), child(10),
                                              single_parent_reason="deceased",
                                              dodatki=("dodatek_rodzina_wielodzietna",)))
    assert parts(r)["dodatek_samotne_wychowywanie"][0] == D(samotne)
    assert parts(r)["dodatek_rodzina_wielodzietna"][0] == D(wielodzietna)


def test_the_dodatki_are_explained_in_polish() -> None:
    r = calculate("zasilek_rodzinny", ON, fam(0, child(10), single_parent_reason="deceased"))
    text = " ".join(s["text_pl"] for s in r.explanation)
    assert "samotnego wychowywania dziecka" in text and "193,00 zł" in text
    assert r.to_dict()["components"][1] == {"code": "dodatek_samotne_wychowywanie",
                                           "amount": "193.00", "per": "month",
                                           "article": "art. 11a u.ś.r."}


def test_art_9_14_paid_with_the_first_month_and_art_15_in_the_months_of_the_school_year() -> None:
    from app.domain.dodatki import paid_with_month

    r = calculate("zasilek_rodzinny", ON, fam(0, child(16, in_school=True, school_away="living"),
                                              dodatki=("dodatek_rozpoczecie_roku_szkolnego",)))
    parts_json = r.to_dict()["components"]
    first = date(2025, 3, 1)
    assert paid_with_month(parts_json, first, first) == D("213.00")  # 100 + 113
    assert paid_with_month(parts_json, date(2025, 4, 1), first) == D("113.00")
    assert paid_with_month(parts_json, date(2025, 7, 1), first) == D("0")  # July: no school
    reduced = calculate("zasilek_rodzinny", ON, fam("1348.01", child(10, in_school=True),
                                                    dodatki=("dodatek_rozpoczecie_roku_szkolnego",)))
    assert paid_with_month(reduced.to_dict()["components"], first, first) == D("0")


@pytest.mark.parametrize(("field", "value"), [("dodatki", ("dodatek_na_lody",)),
                                              ("school_away", "boat"), ("born_on", "2025-01-01"),
                                              ("prenatal_care", "tak")])
def test_the_member_fields_of_the_dodatki_are_checked(field: str, value: Any) -> None:
    from app.domain.errors import InvalidInput

    with pytest.raises(InvalidInput) as err:
        calculate("zasilek_rodzinny", ON, fam(0, child(10, **{field: value})))
    assert err.value.field == f"members[1].{field}"
