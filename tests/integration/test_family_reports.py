"""Issue 17 parts 4 and 6: the family-benefit and FA reports over a known set of cases, every
figure counted by hand here and named after the report's definitions (the sprawozdania
rzeczowo-finansowe: benefits PAID in the month, counted in the month paid; zasiłek rodzinny
one benefit per child; each dodatek its own line; FA one benefit per entitled person), their
reconciliation with the payment lists, and their reproducibility after later changes."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from app.persistence.models import Decision, EligibilityResult, Payment, PaymentList
from app.services import payments
from app.services.debtors import ledger, procedures
from app.services.kernel.context import Actor, ServiceContext
from app.services.kernel.errors import Forbidden
from app.services.reports.fa import fa_report
from app.services.reports.family_benefits import _Paid, _split, family_benefit_report, share
from app.services.reports.period_months import Period
from tests.drive import drive
from tests.integration.test_fa_debtor_process import actors, answers, request
from tests.payment_data import grant

pytestmark = [pytest.mark.timeout(240), pytest.mark.embedded]
H1 = Period(date(2026, 1, 1), date(2026, 6, 1))
ZP = Decimal("215.84")


def _with_calculation(ctx: ServiceContext, benefit: str, amount: str, period_from: date,
                      period_to: date | None, components: list[dict[str, Any]],
                      breakdown: list[dict[str, Any]], **kwargs: Any) -> int:
    """A granted decision whose calculation lists ``components`` and ``breakdown`` (as the
    eligibility operation stores them), with its schedule made from them."""
    _, decision_id = grant(ctx, benefit, amount, period_from, period_to, schedule=False, **kwargs)
    with ctx.uow() as uow:
        decision = uow.session.get(Decision, decision_id)
        assert decision is not None
        result = EligibilityResult(
            case_id=decision.case_id, benefit=benefit, on=period_from, eligible=True,
            amount=Decimal(amount), min_amount=Decimal(amount), max_amount=Decimal(amount),
            result={"benefit": benefit, "components": components, "breakdown": breakdown})
        uow.session.add(result)
        uow.session.flush()
        decision.eligibility = result
        decision.eligibility_id = result.id
        payments.make_schedule(uow, decision)
        uow.commit()
    return decision_id


def _part(code: str, amount: str, per: str = "month", article: str = "") -> dict[str, Any]:
    return {"code": code, "amount": amount, "per": per, "article": article}


def _child(i: int) -> dict[str, Any]:
    return {"member": i, "age": 7, "disabled": False, "amount_before_reduction": "124.00"}


def _lists(ctx: ServiceContext, status: str) -> list[tuple[int, date]]:
    with ctx.uow() as uow:
        return [(r.id, r.pay_date or r.month) for r in uow.session.scalars(
            select(PaymentList).where(PaymentList.status == status).order_by(PaymentList.id))]


def _at(ctx: ServiceContext, day: date) -> None:
    clock: Any = ctx.clock
    clock.set(datetime(day.year, day.month, day.day, 9, 0, tzinfo=UTC))


def seed(ctx: ServiceContext, supervisor: Actor) -> dict[str, int]:
    """The known cases, paid through the monthly runs of January-June 2026:

    * A: zasiłek rodzinny for 2 children, Jan-Mar: zasiłki 219.00 a month, dodatek samotne
      wychowywanie 193.00 a month (in the monthly amount, 412.00), dodatek rozpoczęcie roku
      szkolnego 100.00 once (with the first month: January pays 512.00);
    * B: zasiłek rodzinny for 3 children after złotówka za złotówkę, Feb-Mar: shares zasiłki
      95.00 and dodatek wielodzietność 95.00 less 50.00: 140.00 a month, shared 70.00 / 70.00;
    * C: zasiłek pielęgnacyjny 215.84 a month, Jan-Jun; the April payment is returned;
    * D: jednorazowa zapomoga (becikowe) 1000.00 on 5 March;
    * E: fundusz alimentacyjny for 2 entitled persons, 1000.00 a month, Jan-Jun (a third
      person's amount fell below the floor, so nothing is paid for her; filed in
      August for the period, so no month is deferred, art. 20 ust. 2 of the FA act);
    * F: zasiłek stały 500.00 a month, Jan-Jun: on the same lists, in neither report.

    The February list is settled on 2 March (its payments were paid in March)."""
    ids = {
        "A": _with_calculation(ctx, "zasilek_rodzinny", "412.00", date(2026, 1, 1),
                               date(2026, 3, 31), [
                                   _part("zasilek_rodzinny", "219.00"),
                                   _part("dodatek_samotne_wychowywanie", "193.00"),
                                   _part("dodatek_rozpoczecie_roku_szkolnego", "100.00", "once")],
                               [_child(1), _child(2)]),
        "B": _with_calculation(ctx, "zasilek_rodzinny", "140.00", date(2026, 2, 1),
                               date(2026, 3, 31), [
                                   _part("zasilek_rodzinny", "95.00"),
                                   _part("dodatek_rodzina_wielodzietna", "95.00"),
                                   _part("zlotowka_za_zlotowke", "-50.00")],
                               [_child(1), _child(2), _child(3)]),
        "C": grant(ctx, "zasilek_pielegnacyjny", str(ZP), date(2026, 1, 1), date(2026, 6, 30))[1],
        "D": grant(ctx, "jednorazowa_zapomoga", "1000.00", date(2026, 3, 5))[1],
        "E": _with_calculation(ctx, "fundusz_alimentacyjny", "1000.00", date(2026, 1, 1),
                               date(2026, 6, 30), [], [
                                   {"member": 1, "amount": "500.00"},
                                   {"member": 2, "amount": "500.00"},
                                   {"member": 3, "amount": "0.00"}],
                               received_on=date(2025, 8, 1)),
        "F": grant(ctx, "zasilek_staly", "500.00", date(2026, 1, 1), date(2026, 6, 30))[1],
    }
    for n in range(1, 7):
        month = date(2026, n, 1)
        _at(ctx, month)
        payments.monthly_payment_run(ctx, month)
        for list_id, _ in _lists(ctx, "draft"):
            payments.approve_list(ctx, supervisor, list_id)
        _at(ctx, date(2026, n, 25))
        if n == 4:  # the April payment of C is returned by the bank
            with ctx.uow() as uow:
                returned = uow.session.scalar(select(Payment.id).join(
                    PaymentList, PaymentList.id == Payment.payment_list_id).join(
                    Decision, Decision.case_id == Payment.case_id).where(
                    Decision.id == ids["C"], PaymentList.month == month))
            assert returned is not None
            payments.mark_payment(ctx, supervisor, returned, "returned", date(2026, 4, 10),
                                  "WB 4/2026")
        for list_id, pay_date in _lists(ctx, "approved"):
            if n == 2:
                continue  # February's list is settled by the statement of 2 March
            on = date(2026, 3, 2) if pay_date.month == 2 else pay_date
            payments.mark_list(ctx, supervisor, list_id, "paid", on, "WB")
    return ids


def _line(report: Any, month: int | None, line: str) -> tuple[int | None, Decimal | None]:
    rows = report.totals if month is None else report.rows
    found = [r for r in rows if r.line == line
             and (month is None or r.month == date(2026, month, 1))]
    assert len(found) == 1, (month, line)
    return found[0].count, found[0].amount


def test_the_family_benefit_report_counts_benefits_paid_in_the_month_by_hand(
        ctx: ServiceContext, supervisor: Actor) -> None:
    seed(ctx, supervisor)
    report = family_benefit_report(ctx, supervisor, H1)
    z = Decimal
    expected = {
        # January: A's first month (2 children; the once-a-year dodatek with it), C, nothing else.
        (1, "zasilek_rodzinny"): (2, z("219.00")),
        (1, "dodatek_samotne_wychowywanie"): (1, z("193.00")),
        (1, "dodatek_rozpoczecie_roku_szkolnego"): (1, z("100.00")),
        (1, "zasilek_pielegnacyjny"): (1, ZP),
        # February: its list was paid on 2 March, so nothing was paid in February.
        (2, "zasilek_rodzinny"): (0, z("0")),
        (2, "zasilek_pielegnacyjny"): (0, z("0")),
        # March: A's Feb and Mar (2 children each), B's Feb and Mar (3 children each, 70.00 of
        # each 140.00 for the zasiłki and 70.00 for the dodatek), C's Feb and Mar, becikowe.
        (3, "zasilek_rodzinny"): (2 * 2 + 2 * 3, z("438.00") + z("140.00")),
        (3, "dodatek_samotne_wychowywanie"): (2, z("386.00")),
        (3, "dodatek_rodzina_wielodzietna"): (2, z("140.00")),
        (3, "dodatek_rozpoczecie_roku_szkolnego"): (0, z("0")),
        (3, "zasilek_pielegnacyjny"): (2, 2 * ZP),
        (3, "jednorazowa_zapomoga"): (1, z("1000.00")),
        # April: C's payment was returned, so not paid; May and June: C only.
        (4, "zasilek_pielegnacyjny"): (0, z("0")),
        (5, "zasilek_pielegnacyjny"): (1, ZP),
        (6, "zasilek_pielegnacyjny"): (1, ZP),
        (6, "zasilek_rodzinny"): (0, z("0")),
        (6, "swiadczenie_pielegnacyjne"): (0, z("0")),
        (6, "specjalny_zasilek_opiekunczy"): (0, z("0")),
        (6, "swiadczenie_rodzicielskie"): (0, z("0")),
    }
    for (month, line), figures in expected.items():
        assert _line(report, month, line) == figures, (month, line)
    # The period's totals, and no FA or zasiłek stały in this report.
    assert _line(report, None, "zasilek_rodzinny") == (12, z("797.00"))
    assert _line(report, None, "zasilek_pielegnacyjny") == (5, 5 * ZP)
    assert _line(report, None, "dodatek_samotne_wychowywanie") == (3, z("579.00"))
    assert {r.line for r in report.rows} == {r.line for r in report.totals}
    assert "fundusz_alimentacyjny" not in {r.line for r in report.rows}
    assert len(report.rows) == 6 * 13
    # Reconciliation: the report's sum is the sum of the paid payments of these benefits on the
    # payment lists (A 512 + 412 + 412, B 140 + 140, C 5 x 215.84, becikowe 1000).
    with ctx.uow() as uow:
        listed = sum(uow.session.scalars(select(Payment.amount).join(
            Decision, Decision.case_id == Payment.case_id).where(
            Payment.status == "paid", Decision.benefit.in_((
                "zasilek_rodzinny", "zasilek_pielegnacyjny", "jednorazowa_zapomoga")))), z("0"))
    by_hand = z("1336.00") + z("280.00") + 5 * ZP + z("1000.00")
    rec = report.reconciliation
    assert listed == by_hand == rec.paid_amount == rec.report_amount and rec.matches
    assert rec.payments == 3 + 2 + 5 + 1
    assert sum((r.amount for r in report.rows), z("0")) == by_hand


def test_the_fa_report_counts_benefits_per_person_and_the_debtor_procedure_by_hand(
        ctx: ServiceContext, supervisor: Actor, caseworker: Actor) -> None:
    seed(ctx, supervisor)
    _at(ctx, date(2026, 3, 2))
    pid = procedures.open_procedure(ctx, caseworker, request())  # received 2 Feb 2026
    case_id = procedures.read_procedure(ctx, caseworker, pid).case_id
    drive(ctx, case_id, actors(caseworker, supervisor), data_for=answers())
    ledger.add_due(ctx, caseworker, pid, {"paid_on": "2026-02-10", "amount": "100.00"})
    ledger.add_due(ctx, caseworker, pid, {"paid_on": "2026-03-02", "amount": "50.00"})
    # Received on the day of the first due: no interest yet, so all principal; split 60/20/20.
    ledger.record_receipt(ctx, caseworker, pid, {"received_on": "2026-02-10", "amount": "60.00"})
    report = fa_report(ctx, supervisor, H1)
    z = Decimal
    # FA: 2 entitled persons a month; January paid in January, February and March in March.
    assert _line(report, 1, "fa_benefits") == (2, z("1000.00"))
    assert _line(report, 2, "fa_benefits") == (0, z("0"))
    assert _line(report, 3, "fa_benefits") == (4, z("2000.00"))
    assert _line(report, 6, "fa_benefits") == (2, z("1000.00"))
    assert _line(report, None, "fa_benefits") == (12, z("6000.00"))
    # The procedure: opened on the request of 2 Feb; the wywiad on 20 Feb, the information to
    # the bailiff 23 Feb, the evasion decision 25 Feb; finality, the licence motion, the BIG
    # report, the art. 209 KK notice, grounds ceased and the return motion on 2 March.
    assert _line(report, 2, "procedures_opened") == (1, None)
    assert _line(report, 3, "procedures_opened") == (0, None)
    for step, month in (("interview", 2), ("bailiff_info", 2), ("evasion_decision", 2),
                        ("evasion_final", 3), ("licence_motion", 3), ("big_report", 3),
                        ("prosecutor_notice", 3), ("grounds_ceased", 3),
                        ("licence_withdrawal", 3)):
        assert _line(report, month, f"step.{step}") == (1, None), step
        assert _line(report, None, f"step.{step}") == (1, None), step
    assert _line(report, None, "step.registration_obligation") == (0, None)
    # The ledger: dues of 100 (Feb) and 50 (Mar); 60 recovered in Feb: 36 state, 12 + 12.
    assert _line(report, 2, "dues") == (1, z("100.00"))
    assert _line(report, 3, "dues") == (1, z("50.00"))
    assert _line(report, 2, "receipts") == (1, z("60.00"))
    assert _line(report, 2, "receipts_state") == (None, z("36.00"))
    assert _line(report, 2, "receipts_creditor_gmina") == (None, z("12.00"))
    assert _line(report, 2, "receipts_debtor_gmina") == (None, z("12.00"))
    assert _line(report, 1, "dues_outstanding") == (None, z("0"))
    assert _line(report, 2, "dues_outstanding") == (None, z("40.00"))
    assert _line(report, 3, "dues_outstanding") == (None, z("90.00"))
    assert _line(report, None, "dues_outstanding") == (None, z("90.00"))
    rec = report.reconciliation
    assert rec.payments == 6 and rec.paid_amount == rec.report_amount == z("6000.00")


def test_a_closed_period_gives_the_same_figures_after_later_changes(
        ctx: ServiceContext, supervisor: Actor, caseworker: Actor) -> None:
    ids = seed(ctx, supervisor)
    _at(ctx, date(2026, 3, 2))
    pid = procedures.open_procedure(ctx, caseworker, request())
    ledger.add_due(ctx, caseworker, pid, {"paid_on": "2026-02-10", "amount": "100.00"})
    q1 = Period(date(2026, 1, 1), date(2026, 3, 1))
    before = family_benefit_report(ctx, supervisor, q1).as_json()
    fa_before = fa_report(ctx, supervisor, q1).as_json()
    # After the quarter: an appeal quashes A's decision and a correction changes its amount;
    # B's decision is changed; a new grant and July's payments; a receipt and a due in July.
    with ctx.uow() as uow:
        a = uow.session.get(Decision, ids["A"])
        b = uow.session.get(Decision, ids["B"])
        assert a is not None and b is not None
        a.status, a.amount, a.appeal_outcome = "quashed", Decimal("999.00"), "quashed"
        b.status = "changed"
        uow.commit()
    _with_calculation(ctx, "zasilek_rodzinny", "95.00", date(2026, 3, 1), date(2026, 7, 31),
                      [_part("zasilek_rodzinny", "95.00")], [_child(1)])
    _at(ctx, date(2026, 7, 1))
    payments.monthly_payment_run(ctx, date(2026, 7, 1))
    for list_id, _ in _lists(ctx, "draft"):
        payments.approve_list(ctx, supervisor, list_id)
    _at(ctx, date(2026, 7, 25))
    for list_id, pay_date in _lists(ctx, "approved"):
        payments.mark_list(ctx, supervisor, list_id, "paid", pay_date, "WB 7")
    ledger.add_due(ctx, caseworker, pid, {"paid_on": "2026-07-10", "amount": "20.00"})
    ledger.record_receipt(ctx, caseworker, pid, {"received_on": "2026-07-20", "amount": "10.00"})
    assert family_benefit_report(ctx, supervisor, q1).as_json() == before
    assert fa_report(ctx, supervisor, q1).as_json() == fa_before
    # The later months did change: July holds the new payments (the new grant's arrears).
    july = family_benefit_report(ctx, supervisor, Period(date(2026, 7, 1), date(2026, 7, 1)))
    assert july.reconciliation.payments > 0 and july.reconciliation.matches


def test_only_the_head_and_supervisors_read_the_reports(
        ctx: ServiceContext, caseworker: Actor, admin: Actor) -> None:
    for who in (caseworker, admin):
        with pytest.raises(Forbidden):
            family_benefit_report(ctx, who, H1)
        with pytest.raises(Forbidden):
            fa_report(ctx, who, H1)
    head = Actor(admin.id, frozenset({"head"}))
    assert family_benefit_report(ctx, head, H1).reconciliation.payments == 0


def test_a_payment_is_shared_between_its_parts_to_the_grosz() -> None:
    z = Decimal
    assert share(z("140.00"), [("a", z("95.00")), ("b", z("95.00"))]) == [
        ("a", z("70.00")), ("b", z("70.00"))]
    # A third each: the zasiłek line takes the grosz left by rounding.
    assert share(z("100.00"), [("a", z("1")), ("b", z("1")), ("c", z("1"))]) == [
        ("a", z("33.34")), ("b", z("33.33")), ("c", z("33.33"))]
    assert share(z("50.00"), [("a", z("0")), ("b", z("0"))]) == [("a", z("50.00")), ("b", z("0"))]


def test_a_payment_of_zasilek_rodzinny_is_split_as_its_schedule_made_it() -> None:
    z = Decimal
    result = {"components": [_part("zasilek_rodzinny", "219.00"),
                             _part("dodatek_samotne_wychowywanie", "193.00"),
                             _part("dodatek_rozpoczecie_roku_szkolnego", "100.00", "once")],
              "breakdown": [_child(1), _child(2)]}
    first = _Paid(z("512.00"), date(2026, 1, 9), date(2026, 1, 1), "zasilek_rodzinny",
                  date(2026, 1, 1), result)
    assert _split(first) == [("zasilek_rodzinny", 2, z("219.00")),
                             ("dodatek_samotne_wychowywanie", 1, z("193.00")),
                             ("dodatek_rozpoczecie_roku_szkolnego", 1, z("100.00"))]
    # A grant in part: the schedule adds no dodatek paid once, and the amount granted is shared
    # between the monthly parts (219 : 193 of 300.00).
    partial = _Paid(z("300.00"), date(2026, 1, 9), date(2026, 1, 1), "zasilek_rodzinny",
                    date(2026, 1, 1), result, full_grant=False)
    assert _split(partial) == [("zasilek_rodzinny", 2, z("159.47")),
                               ("dodatek_samotne_wychowywanie", 1, z("140.53"))]
