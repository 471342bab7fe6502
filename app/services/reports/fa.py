"""The FA report: fundusz alimentacyjny paid and the debtor procedures, per month of a period.

It follows the sprawozdanie rzeczowo-finansowe z realizacji zadań przewidzianych w ustawie o
pomocy osobom uprawnionym do alimentów (art. 31 ust. 4-5 of the act of 7 Sep 2007, Dz.U. 2026
poz. 79: expenditure on benefits, "liczba wypłaconych świadczeń", the debtors, the actions
taken against them), made by the organ właściwy wierzyciela and the organ właściwy dłużnika, as
far as Pomoc's records allow. Definitions (READINGS):

* **FA benefits** (part A of the form, "wypłacone świadczenia" and "liczba wypłaconych
  świadczeń"): the payments of FA marked ``paid``, in the month of their settlement day, as in
  the family-benefit report (:mod:`.family_benefits`); a benefit is one entitled person's
  month, so a payment counts as many benefits as the persons its decision's calculation pays
  (its ``breakdown``; one where none is named). The amounts add up to the paid FA payments.
* **Procedures** (the debtor's centre, art. 3-5): those whose creditor centre's request was
  received in the month (``request_received_on``); each step the centre recorded
  (``debtor_steps``: the wywiad alimentacyjny, the obligation to register as unemployed or as a
  job seeker, the evasion decision, the motion to suspend the driving licence, the report to a
  BIG, the art. 209 § 1 KK notice, ...) in the month of the day it was taken (``done_on``).
* **The debtors' ledger** (art. 27-28): FA paid entered as the debtors' dues (``paid_on``), the
  amounts recovered (``received_on``) with their art. 28 split as recorded on the day (the
  state budget, the creditor's gmina, the debtor's gmina; "kwoty zwrócone przez dłużników ...
  przekazane na dochody"), and the dues outstanding at the month's end (stan należności: dues
  paid by then less the principal recovered by then; the interest is not in it).

Reproducible: every record read is dated and never changed once written (payments as paid,
steps, dues and receipts are only ever added), so a closed period gives the same figures.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from app.domain.benefits import fundusz_alimentacyjny
from app.domain.fa_debtor import STEPS
from app.domain.money import ZERO
from app.domain.views import JsonView
from app.persistence.models import DebtorDue, DebtorProcedure, DebtorReceipt, DebtorStep
from app.services.kernel.context import Actor, ServiceContext
from app.services.reports.family_benefits import Reconciliation, children_paid, paid_payments
from app.services.reports.period_months import Period, require_reader

FA = fundusz_alimentacyjny.ENTRY.code
# The report's lines in order; ``count`` and/or ``amount`` apply to each (None where not).
BENEFITS_LINE = "fa_benefits"
OPENED = "procedures_opened"
STEP_LINES = tuple(f"step.{s.code}" for s in STEPS)
LEDGER_LINES = ("dues", "receipts", "receipts_state", "receipts_creditor_gmina",
                "receipts_debtor_gmina", "dues_outstanding")
LINES = (BENEFITS_LINE, OPENED, *STEP_LINES, *LEDGER_LINES)
_COUNTED = {BENEFITS_LINE, OPENED, *STEP_LINES, "dues", "receipts"}
_SUMMED = {BENEFITS_LINE, *LEDGER_LINES}
ARTICLES = {BENEFITS_LINE: fundusz_alimentacyjny.ENTRY.article,
            OPENED: "art. 3-4", "dues": "art. 27 ust. 1", "receipts": "art. 27-28",
            "receipts_state": "art. 28 ust. 1", "receipts_creditor_gmina": "art. 28 ust. 1",
            "receipts_debtor_gmina": "art. 28 ust. 1", "dues_outstanding": "art. 27 ust. 1",
            **{f"step.{s.code}": s.article for s in STEPS}}


@dataclass(frozen=True)
class FaLine(JsonView):
    """One line of one month (``month`` None: the whole period; for ``dues_outstanding`` the
    period's end). ``count`` or ``amount`` is None where the line has none."""

    month: date | None
    line: str
    article: str
    count: int | None
    amount: Decimal | None


@dataclass(frozen=True)
class FaReport(JsonView):
    """The report: every line of every month, the period's totals, and the FA payments'
    reconciliation with the payment lists."""

    period: Period
    rows: tuple[FaLine, ...]
    totals: tuple[FaLine, ...]
    reconciliation: Reconciliation


def _month(day: date) -> date:
    return day.replace(day=1)


def fa_report(ctx: ServiceContext, actor: Actor, period: Period) -> FaReport:
    """The FA report for ``period`` (head of the centre or a supervisor only)."""
    require_reader(actor)
    counts: dict[tuple[date, str], int] = defaultdict(int)
    amounts: dict[tuple[date, str], Decimal] = defaultdict(lambda: ZERO)
    payments = paid_payments(ctx, period, (FA,))
    for paid in payments:
        key = (_month(paid.settled_on), BENEFITS_LINE)
        counts[key] += children_paid(paid.result)
        amounts[key] += paid.amount
    with ctx.uow(readonly=True) as uow:
        s = uow.session
        for (day,) in s.execute(select(DebtorProcedure.request_received_on).where(
                DebtorProcedure.request_received_on.between(period.first, period.end))):
            counts[_month(day), OPENED] += 1
        for step, day in s.execute(select(DebtorStep.step, DebtorStep.done_on).where(
                DebtorStep.done_on.between(period.first, period.end))):
            counts[_month(day), f"step.{step}"] += 1
        dues = s.execute(select(DebtorDue.paid_on, DebtorDue.amount)
                         .where(DebtorDue.paid_on <= period.end)).all()
        receipts = s.execute(select(DebtorReceipt.received_on, DebtorReceipt.amount,
                                    DebtorReceipt.principal_part, DebtorReceipt.state_share,
                                    DebtorReceipt.creditor_gmina_share,
                                    DebtorReceipt.debtor_gmina_share)
                             .where(DebtorReceipt.received_on <= period.end)).all()
    for day, amount in dues:
        if day >= period.first:
            counts[_month(day), "dues"] += 1
            amounts[_month(day), "dues"] += amount
    for r in receipts:
        if r.received_on >= period.first:
            m = _month(r.received_on)
            counts[m, "receipts"] += 1
            for line, value in (("receipts", r.amount), ("receipts_state", r.state_share),
                                ("receipts_creditor_gmina", r.creditor_gmina_share),
                                ("receipts_debtor_gmina", r.debtor_gmina_share)):
                amounts[m, line] += value
    ends = {m: Period(m, m).end for m in period.months}
    for m, end in ends.items():
        amounts[m, "dues_outstanding"] = (
            sum((a for day, a in dues if day <= end), ZERO)
            - sum((r.principal_part for r in receipts if r.received_on <= end), ZERO))

    def make(month: date | None, code: str, count: int, amount: Decimal) -> FaLine:
        return FaLine(month, code, ARTICLES[code], count if code in _COUNTED else None,
                      amount if code in _SUMMED else None)

    rows = tuple(make(m, code, counts[m, code], amounts[m, code])
                 for m in period.months for code in LINES)
    totals = tuple(
        make(None, code, sum(counts[m, code] for m in period.months),
             amounts[period.last, code] if code == "dues_outstanding"
             else sum((amounts[m, code] for m in period.months), ZERO))
        for code in LINES)
    paid_amount = sum((p.amount for p in payments), ZERO)
    report_amount = sum((amounts[m, BENEFITS_LINE] for m in period.months), ZERO)
    return FaReport(period, rows, totals, Reconciliation(
        len(payments), paid_amount, report_amount, paid_amount == report_amount))
