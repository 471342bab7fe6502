"""Art. 23 of the FA act (and art. 30 u.ś.r. read alike): the kind of interest, the day it runs
from, the grounds it is charged on, the limitation periods, and the NBP rate table 2025-2026."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from app.domain import recovery as rules
from app.domain import recovery_law as law
from app.domain.money import round_money
from app.domain.parameters import value as param_value
from app.domain.recovery_rates import RECOVERY_PARAMETERS

D = Decimal


def test_art_23_fa_interest_is_statutory_late_payment_interest() -> None:
    # Art. 23 ust. 1a: odsetki ustawowe za opóźnienie = NBP reference 5,75% + 5,5 pp (art. 481
    # § 2 k.c.) = 11,25% in January 2024, not 9,25% (reference + 3,5 pp, art. 359 § 2 k.c.).
    assert param_value("recovery.statutory_interest", date(2024, 1, 1),
                       RECOVERY_PARAMETERS).value == D("11.25")
    got = rules.interest(D("1000.00"), date(2024, 1, 1), date(2024, 2, 1))
    assert got == D("1000.00") * D("0.1125") * 31 / 365
    assert round_money(got) == D("9.55")


def test_art_23_ust_7_fa_interest_runs_from_the_first_day_of_the_month_after_payment() -> None:
    items = [rules.Item(1, date(2025, 1, 10), D("1000.00"))]
    bal = rules.balance(items, [], date(2025, 3, 1), True, act="fa")
    assert bal.interest == round_money(rules.interest(D("1000.00"), date(2025, 2, 1), date(2025, 3, 1)))
    assert rules.interest_start(date(2025, 1, 10), act="fa") == date(2025, 2, 1)
    assert rules.interest_start(date(2025, 12, 31), act="fa") == date(2026, 1, 1)
    # Paid on 10 January, nothing accrues in January.
    assert rules.balance(items, [], date(2025, 2, 1), True, act="fa").interest == D("0.00")


def test_art_23_ust_1a_interest_only_on_the_grounds_the_act_names() -> None:
    on = date(2026, 1, 1)
    charged = {g.code for g in law.grounds_of("fa") if rules.bears_interest(
        "fundusz_alimentacyjny", on, legal_ground=g.code)}
    assert charged == {"fa_2_7_a", "fa_2_7_b", "fa_2_7_d", "fa_2_7_f", "fa_2_7_g"}
    assert not rules.bears_interest("fundusz_alimentacyjny", on, legal_ground="fa_2_7_c")
    assert not rules.bears_interest("fundusz_alimentacyjny", on, legal_ground="fa_2_7_e")
    assert law.default_ground("fa", "unreported_change").code == "fa_2_7_a"  # type: ignore[union-attr]
    assert law.default_ground("usr", "false_information").code == "usr_30_2_2"  # type: ignore[union-attr]
    assert law.grounds_of("ups") == ()
    assert all("art. 2 pkt 7 lit." in g.article for g in law.grounds_of("fa"))


def test_art_23_ust_4_no_decision_on_a_benefit_paid_more_than_10_years_before() -> None:
    assert not law.decision_barred("fa", date(2016, 1, 10), date(2026, 1, 10))
    assert law.decision_barred("fa", date(2016, 1, 10), date(2026, 1, 11))
    assert law.decision_barred("usr", date(2015, 6, 1), date(2026, 1, 11))
    assert not law.decision_barred("ups", date(2000, 1, 1), date(2026, 1, 11))


def test_art_23_ust_2_3_claim_lapses_3_years_after_finality_and_restarts_on_interruption() -> None:
    assert law.barred_from("fa", date(2027, 1, 10), []) == date(2030, 1, 11)
    # A deferral on 5 May 2028 restarts the period from 6 May 2028.
    assert law.barred_from("fa", date(2027, 1, 10), [date(2028, 5, 5)]) == date(2031, 5, 7)
    # An event before finality does not interrupt.
    assert law.barred_from("fa", date(2027, 1, 10), [date(2026, 12, 1)]) == date(2030, 1, 11)
    assert law.barred_from("ups", date(2027, 1, 10), []) is None


def test_nbp_reference_rate_changes_of_2025_and_2026_are_in_the_table() -> None:
    refs = {r.valid_from: r.value for r in RECOVERY_PARAMETERS["recovery.nbp_reference_rate"]}
    assert {day: refs[day] for day in refs if day.year >= 2025} == {
        date(2025, 5, 8): D("5.25"), date(2025, 7, 3): D("5.00"), date(2025, 9, 4): D("4.75"),
        date(2025, 10, 9): D("4.50"), date(2025, 11, 6): D("4.25"), date(2025, 12, 4): D("4.00"),
        date(2026, 3, 5): D("3.75")}
    late = RECOVERY_PARAMETERS["recovery.statutory_interest"]
    assert all(r.value == refs[r.valid_from] + D("5.5") and r.source for r in late)
    assert param_value("recovery.statutory_interest", date(2026, 12, 1),
                       RECOVERY_PARAMETERS).value == D("9.25")
