"""Undue benefits, pure rules: statutory interest across rate changes, the debt ledger,
deductions within the limit and instalments that add up exactly."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain import recovery as rules
from app.domain.money import round_money
from app.domain.parameters import build_table
from app.domain.recovery_rates import RECOVERY_ENTRIES, RECOVERY_PARAMETERS

D = Decimal


def test_rate_table_is_dated_and_cites_sources() -> None:
    rows = RECOVERY_PARAMETERS["recovery.statutory_interest"]
    assert [r.valid_from for r in rows] == sorted(r.valid_from for r in rows)
    assert all(r.source for r in rows)
    # Odsetki ustawowe za opóźnienie (art. 23 ust. 1a FA act; art. 481 § 2 k.c.: reference +
    # 5.5 pp): 11.25% from 5 Oct 2023, 10.75% from 8 May 2025, 10% from 9 Oct to 5 Nov 2025.
    by_day = {r.valid_from: r for r in rows}
    assert by_day[date(2023, 10, 5)].value == D("11.25")
    assert by_day[date(2025, 5, 8)].value == D("10.75")
    assert by_day[date(2025, 10, 9)].value == D("10.00")
    assert by_day[date(2025, 10, 9)].valid_to == date(2025, 11, 5)


def test_interest_within_one_rate() -> None:
    # 1000 zł for 31 days at 11.25%: 1000 * 0.1125 * 31 / 365 = 9.554...
    got = rules.interest(D("1000.00"), date(2024, 1, 1), date(2024, 2, 1))
    assert round_money(got) == D("9.55")


def test_interest_crosses_a_rate_change() -> None:
    # 1 May - 1 Jun 2025: 7 days at 11.25% (to 7 May) and 24 days at 10.75% (from 8 May).
    got = rules.interest(D("1000.00"), date(2025, 5, 1), date(2025, 6, 1))
    expected = D("1000") * (D("0.1125") * 7 + D("0.1075") * 24) / 365
    assert got == expected
    assert round_money(got) == D("9.23")
    # Different from either rate alone: the change is honoured.
    assert round_money(got) not in (D("9.55"), D("9.13"))


def test_interest_nothing_for_empty_or_backwards_periods() -> None:
    assert rules.interest(D("100"), date(2025, 5, 1), date(2025, 5, 1)) == 0
    assert rules.interest(D("100"), date(2025, 5, 2), date(2025, 5, 1)) == 0
    assert rules.interest(D("0"), date(2025, 1, 1), date(2025, 5, 1)) == 0


def test_interest_with_a_table_of_ones_own() -> None:
    table = build_table([("recovery.statutory_interest", date(2020, 1, 1), D("10"), "test"),
                         ("recovery.statutory_interest", date(2020, 7, 1), D("20"), "test")])
    got = rules.interest(D("365"), date(2020, 6, 30), date(2020, 7, 2), table)
    assert got == D("365") * (D("0.10") + D("0.20")) / 365


def test_which_benefits_bear_interest() -> None:
    on = date(2026, 1, 1)
    assert rules.bears_interest("zasilek_rodzinny", on)
    assert rules.bears_interest("fundusz_alimentacyjny", on)
    assert not rules.bears_interest("zasilek_staly", on)
    assert not rules.bears_interest("zasilek_okresowy", on)


def test_interest_may_start_next_month_by_parameter() -> None:
    entries = [e for e in RECOVERY_ENTRIES if e[0] != "recovery.interest_from"]
    table = build_table([*entries, ("recovery.interest_from", date(2008, 10, 1), "next_month", "t")])
    assert rules.interest_start(date(2025, 1, 10), table) == date(2025, 2, 1)
    assert rules.interest_start(date(2025, 12, 31), table) == date(2026, 1, 1)
    assert rules.interest_start(date(2025, 1, 10)) == date(2025, 1, 10)


ITEMS = [rules.Item(1, date(2025, 1, 10), D("500.00")), rules.Item(2, date(2025, 2, 10), D("500.00"))]


def test_balance_without_interest() -> None:
    events = [rules.Event(date(2025, 3, 1), "repayment", D("200.00")),
              rules.Event(date(2025, 4, 1), "deduction", D("100.00")),
              rules.Event(date(2025, 5, 1), "write_off", D("50.00"))]
    b = rules.balance(ITEMS, events, date(2025, 6, 1), with_interest=False)
    assert (b.principal, b.repaid, b.deducted, b.written_off) == (D("1000.00"), D("200.00"),
                                                                 D("100.00"), D("50.00"))
    assert b.interest == 0 and b.outstanding == D("650.00") and b.overpaid == 0


def test_events_after_the_date_do_not_count() -> None:
    events = [rules.Event(date(2025, 7, 1), "repayment", D("200.00"))]
    b = rules.balance(ITEMS, events, date(2025, 6, 1), with_interest=False)
    assert b.repaid == 0 and b.outstanding == D("1000.00")


def test_interest_accrues_per_payment_from_its_day() -> None:
    b = rules.balance(ITEMS, [], date(2025, 6, 1), with_interest=True)
    expected = (rules.interest(D("500"), date(2025, 1, 10), date(2025, 6, 1))
                + rules.interest(D("500"), date(2025, 2, 10), date(2025, 6, 1)))
    assert b.interest == round_money(expected)
    assert b.outstanding == D("1000.00") + round_money(expected)


def test_receipt_pays_interest_first_then_oldest_principal() -> None:
    on = date(2025, 6, 1)
    accrued = round_money(rules.interest(D("500"), date(2025, 1, 10), on)
                          + rules.interest(D("500"), date(2025, 2, 10), on))
    b = rules.balance(ITEMS, [rules.Event(on, "repayment", D("300.00"))], on, with_interest=True)
    assert b.outstanding_interest == 0
    assert b.outstanding_principal == D("1000.00") - (D("300.00") - accrued)


def test_overpayment_is_kept_apart_and_balance_never_negative() -> None:
    b = rules.balance(ITEMS, [rules.Event(date(2025, 3, 1), "repayment", D("1200.00"))],
                      date(2025, 6, 1), with_interest=False)
    assert b.overpaid == D("200.00") and b.outstanding == 0


def test_full_write_off_clears_principal_and_interest() -> None:
    on = date(2025, 6, 1)
    b = rules.balance(ITEMS, [rules.Event(on, "write_off", D("0"), full=True)], date(2025, 9, 1),
                      with_interest=True)
    assert b.outstanding == 0
    assert b.written_off == D("1000.00") + round_money(
        rules.interest(D("500"), date(2025, 1, 10), on) + rules.interest(D("500"), date(2025, 2, 10), on))


def test_partial_write_off_stops_interest_on_what_was_written_off() -> None:
    on = date(2025, 6, 1)
    b = rules.balance(ITEMS, [rules.Event(on, "write_off", D("500.00"))], date(2025, 7, 1),
                      with_interest=True)
    assert b.outstanding_principal == D("500.00")
    # The oldest payment went first: from 1 June only the second earns interest.
    later = rules.interest(D("500"), on, date(2025, 7, 1))
    before = rules.interest(D("500"), date(2025, 1, 10), on) + rules.interest(
        D("500"), date(2025, 2, 10), on)
    assert b.interest == round_money(before + later)


@pytest.mark.parametrize(("payment", "owed", "limit", "expected"), [
    (D("600.00"), D("1000.00"), D("100"), D("600.00")),   # the whole payment, never more
    (D("600.00"), D("150.00"), D("100"), D("150.00")),    # never more than owed
    (D("600.00"), D("1000.00"), D("30"), D("180.00")),    # within a percentage limit
    (D("100.01"), D("1000.00"), D("30"), D("30.00")),     # rounded down to grosze
    (D("0.00"), D("1000.00"), D("100"), D("0.00")),
    (D("600.00"), D("0.00"), D("100"), D("0.00")),
])
def test_deduction_limits(payment: Decimal, owed: Decimal, limit: Decimal, expected: Decimal) -> None:
    got = rules.deduction(payment, owed, limit)
    assert got == expected
    assert payment - got >= 0


def test_instalments_add_up_exactly() -> None:
    plan = rules.split_instalments(D("1000.00"), 3, date(2026, 1, 31))
    assert [d for d, _ in plan] == [date(2026, 1, 31), date(2026, 2, 28), date(2026, 3, 31)]
    assert [a for _, a in plan] == [D("333.33"), D("333.33"), D("333.34")]
    assert sum(a for _, a in plan) == D("1000.00")


@pytest.mark.parametrize("count", [1, 7, 12, 13, 120])
def test_instalments_always_sum_to_the_total(count: int) -> None:
    total = D("1234.57")
    plan = rules.split_instalments(total, count, date(2026, 1, 15))
    assert len(plan) == count and sum(a for _, a in plan) == total and all(a > 0 for _, a in plan)


def test_instalments_refuse_nonsense() -> None:
    with pytest.raises(ValueError):
        rules.split_instalments(D("0.00"), 3, date(2026, 1, 1))
    with pytest.raises(ValueError):
        rules.split_instalments(D("0.02"), 3, date(2026, 1, 1))
    with pytest.raises(ValueError):
        rules.split_instalments(D("10.00"), 0, date(2026, 1, 1))


def test_act_of_benefit() -> None:
    assert rules.act_of("zasilek_rodzinny") == "usr"
    assert rules.act_of("fundusz_alimentacyjny") == "fa"
    assert rules.act_of("zasilek_okresowy") == "ups"
