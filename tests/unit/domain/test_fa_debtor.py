"""Issue 16 part 3: the FA debtor's side as pure rules (app/domain/fa_debtor.py), named after the
articles of the act of 7 Sep 2007 o pomocy osobom uprawnionym do alimentów: the steps' terms
(art. 3-5, with art. 35 and 57 § 4 KPA), the art. 5 ust. 3a exclusion at its threshold, the
debtor's dues with statutory interest (art. 27 ust. 1) and the split of a receipt (art. 28)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from app.domain import fa_debtor
from app.domain.fa_debtor import Due, MonthPaid, Receipt
from app.domain.parameters import ENTRIES, build_table

D = date
Z = Decimal


# --- the terms of the steps -----------------------------------------------------------------


def test_art_3_4_the_wywiad_is_due_30_days_from_the_request() -> None:
    assert fa_debtor.step_due("interview", D(2026, 2, 2)) == D(2026, 3, 4)


def test_art_3_4_a_term_ending_on_a_sunday_moves_to_the_next_working_day() -> None:
    # 30 Jan + 30 days = Sunday 1 Mar 2026 (art. 57 § 4 KPA): Monday 2 Mar.
    assert fa_debtor.step_due("interview", D(2026, 1, 30)) == D(2026, 3, 2)


def test_art_5_ust_2_pkt_1_the_registration_term_is_at_most_30_days() -> None:
    assert fa_debtor.step_due("registration", D(2026, 2, 23), 30) == D(2026, 3, 25)
    assert fa_debtor.step_due("registration", D(2026, 2, 23), 7) == D(2026, 3, 2)
    assert fa_debtor.step_due("registration", D(2026, 2, 23)) == D(2026, 3, 25)  # the maximum
    for days in (0, 31):
        with pytest.raises(ValueError):
            fa_debtor.step_due("registration", D(2026, 2, 23), days)


def test_art_5_ust_3_the_evasion_decision_is_due_within_the_kpa_month() -> None:
    assert fa_debtor.step_due("evasion_decision", D(2026, 1, 31)) == D(2026, 2, 28)


def test_art_5_the_steps_after_finality_and_the_withdrawal() -> None:
    for step in ("licence_motion", "big_report", "prosecutor_notice"):
        assert fa_debtor.step_due(step, D(2026, 3, 2)) == D(2026, 4, 1), step
    assert fa_debtor.step_due("licence_withdrawal", D(2026, 3, 2)) == D(2026, 3, 16)
    with pytest.raises(ValueError):
        fa_debtor.step_due("bailiff_info", D(2026, 3, 2))  # no statutory term


def test_art_5_ust_2_pkt_1_across_a_parameter_change() -> None:
    table = build_table([*ENTRIES, ("fa.debtor.registration_max_days", D(2027, 1, 1), 21,
                                    "what if the act shortened the period")])
    assert fa_debtor.step_due("registration", D(2026, 12, 31), 30, table) == D(2027, 2, 1)
    with pytest.raises(ValueError):
        fa_debtor.step_due("registration", D(2027, 1, 1), 30, table)
    assert fa_debtor.step_due("registration", D(2027, 1, 1), None, table) == D(2027, 1, 22)


# --- art. 5 ust. 3a -------------------------------------------------------------------------


def _months(paid: list[str], due: str = "800.00") -> list[MonthPaid]:
    return [MonthPaid(D(2026, m, 1), Z(due), Z(p)) for m, p in zip(range(1, 7), paid, strict=True)]


def test_art_5_ust_3a_exactly_half_each_month_excludes_the_decision() -> None:
    assert fa_debtor.evasion_excluded(_months(["400.00"] * 6), D(2026, 7, 15))


def test_art_5_ust_3a_one_grosz_below_half_in_one_month_does_not() -> None:
    assert not fa_debtor.evasion_excluded(_months(["400.00"] * 5 + ["399.99"]), D(2026, 7, 15))


def test_art_5_ust_3a_a_month_without_a_record_counts_as_nothing_paid() -> None:
    assert not fa_debtor.evasion_excluded(_months(["800.00"] * 6)[1:], D(2026, 7, 15))
    # The last 6 months before the month of the decision: January's record is not needed in
    # August.
    assert fa_debtor.evasion_excluded(
        [*_months(["800.00"] * 6)[1:], MonthPaid(D(2026, 7, 1), Z("800"), Z("800"))],
        D(2026, 8, 3))


# --- art. 28: the split of a receipt ----------------------------------------------------------


def test_art_28_two_gminas_60_20_20() -> None:
    split = fa_debtor.split_receipt(Z("100.00"), D(2026, 3, 2), same_gmina=False)
    assert (split.state, split.creditor_gmina, split.debtor_gmina) == (Z("60.00"), Z("20.00"),
                                                                      Z("20.00"))


def test_art_28_ust_1_one_gmina_keeps_the_40_percent() -> None:
    split = fa_debtor.split_receipt(Z("100.00"), D(2026, 3, 2), same_gmina=True)
    assert (split.state, split.creditor_gmina, split.debtor_gmina) == (Z("60.00"), Z("40.00"),
                                                                      Z("0.00"))


def test_art_28_the_grosze_add_up_the_state_takes_the_remainder() -> None:
    for amount in ("33.33", "0.05", "0.01", "1234.57"):
        split = fa_debtor.split_receipt(Z(amount), D(2026, 3, 2), same_gmina=False)
        assert split.total == Z(amount), amount
    split = fa_debtor.split_receipt(Z("33.33"), D(2026, 3, 2), same_gmina=False)
    assert (split.state, split.creditor_gmina, split.debtor_gmina) == (Z("19.99"), Z("6.67"),
                                                                      Z("6.67"))


def test_art_28_across_a_parameter_change() -> None:
    table = build_table([*ENTRIES,
                         ("fa.debtor.share_creditor_gmina", D(2027, 1, 1), Z("30"), "what if"),
                         ("fa.debtor.share_debtor_gmina", D(2027, 1, 1), Z("10"), "what if")])
    before = fa_debtor.split_receipt(Z("100.00"), D(2026, 12, 31), False, table)
    after = fa_debtor.split_receipt(Z("100.00"), D(2027, 1, 1), False, table)
    assert (before.creditor_gmina, before.debtor_gmina) == (Z("20.00"), Z("20.00"))
    assert (after.state, after.creditor_gmina, after.debtor_gmina) == (Z("60.00"), Z("30.00"),
                                                                      Z("10.00"))


# --- art. 27 ust. 1: the dues with statutory interest ----------------------------------------


def test_art_27_interest_runs_from_the_payment_across_a_rate_change() -> None:
    # 1000 zł paid 1 Jan 2026: 9,5 % (reference 4,00 % + 5,5) for 63 days to 5 Mar, then
    # 9,25 % for 5 days: 16,3973 + 1,2671 = 17,66 zł on 10 Mar.
    dues = fa_debtor.dues([Due(1, D(2026, 1, 1), Z("1000.00"))], [], D(2026, 3, 10))
    assert dues.interest == Z("17.66")
    assert dues.outstanding == Z("1017.66")


def test_art_27_a_receipt_pays_interest_first_then_the_oldest_principal() -> None:
    items = [Due(1, D(2026, 1, 1), Z("1000.00")), Due(2, D(2026, 2, 1), Z("500.00"))]
    dues = fa_debtor.dues(items, [Receipt(1, D(2026, 3, 10), Z("100.00"))], D(2026, 3, 10))
    (applied,) = dues.applied
    assert applied.interest + applied.principal == Z("100.00") and applied.overpaid == Z("0")
    # Interest accrued on both items to 10 Mar is paid first.
    assert applied.interest == dues.interest
    assert dues.outstanding_principal == Z("1500.00") - applied.principal
    assert dues.outstanding_interest == Z("0.00")


def test_art_27_dues_paid_after_the_day_do_not_count_yet() -> None:
    items = [Due(1, D(2026, 3, 1), Z("500.00")), Due(2, D(2026, 4, 1), Z("500.00"))]
    assert fa_debtor.dues(items, [], D(2026, 3, 1)).outstanding == Z("500.00")


def test_art_27_more_than_owed_is_an_overpayment() -> None:
    dues = fa_debtor.dues([Due(1, D(2026, 3, 1), Z("500.00"))],
                          [Receipt(1, D(2026, 3, 1), Z("600.00"))], D(2026, 3, 1))
    assert dues.overpaid == Z("100.00") and dues.outstanding == Z("0.00")
