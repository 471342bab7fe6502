"""The FA debtor's side (ustawa z dnia 7 września 2007 r. o pomocy osobom uprawnionym do
alimentów, art. 3-5 and 27-28; consolidated text Dz.U. 2026 poz. 79): the steps the debtor's
centre (organ właściwy dłużnika) takes and their deadlines, the art. 5 ust. 3a exclusion, the
debtor's dues (FA paid plus statutory interest) and the split of what is recovered.

Pure rules: dated parameters (``fa.debtor.*`` in :mod:`app.domain.parameters`), no database.

Readings (each named where the act is silent, each a parameter the centre can change):

* **Wywiad alimentacyjny and oświadczenie majątkowe** (art. 3-4): the debtor's centre acts on
  the creditor centre's request (wniosek o podjęcie działań wobec dłużnika), which the creditor's
  centre sends within 30 days of its FA decision. READING: the act names no period for the
  wywiad itself; Pomoc gives the debtor's centre the same 30 days from receiving the request
  (``fa.debtor.interview_days``), KPA-counted (art. 57 § 4: off a Sunday or holiday).
* **Registration** (art. 5 ust. 2 pkt 1): the debtor is obliged to register with the powiat
  labour office (starosta) as unemployed, or as a job seeker where he cannot be registered as
  unemployed, within a period the centre sets, at most 30 days
  (``fa.debtor.registration_max_days``); the centre also informs the office of the need to
  activate him (pkt 2).
* **Evasion** (art. 5 ust. 3): where the debtor prevents the wywiad, refuses the oświadczenie,
  does not register in time or refuses suitable work without good cause, the centre opens the
  proceedings to find that he evades maintenance and decides within the KPA month (art. 35).
  No such decision is issued where in each of the last 6 months the debtor paid at least 50 %
  of the alimony currently due (art. 5 ust. 3a; :func:`evasion_excluded`).
* **After the decision is final** (art. 5 ust. 3b-5, to be confirmed against Dz.U. 2026
  poz. 79): the motion to the starosta to suspend (zatrzymanie) the driving licence, the report
  to an economic information bureau (BIG) and the notice to the prosecutor of the offence of
  art. 209 § 1 KK. READING: the act names no period; Pomoc gives each 30 days from finality
  (``fa.debtor.motion_days``, ``fa.debtor.big_days``, ``fa.debtor.prosecutor_days``).
  When the grounds cease, the centre asks the starosta to return the licence; READING: within
  14 days of learning of it (``fa.debtor.withdrawal_days``).
* **Dues** (art. 27 ust. 1): the debtor owes the FA paid to the entitled persons with the
  statutory interest. READING: odsetki ustawowe za opóźnienie (art. 481 § 2 k.c., the table of
  :mod:`recovery_rates`), from the day each benefit was paid (``fa.debtor.interest_from``:
  ``payment_day``) up to, not including, the day of the receipt, ACT/365. A receipt pays the
  interest first, then the oldest principal (art. 451 § 1 k.c. by analogy, as undue benefits).
* **Split** (art. 28 ust. 1-2): what is recovered goes 60 % to the state budget and 40 % to the
  gminas: 20 % to the creditor's gmina and 20 % to the debtor's; where both are one gmina it
  keeps the 40 %. READING: each share is rounded half-up to grosze and the state's takes the
  remainder, so the shares always add up to the receipt.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from app.domain import deadlines
from app.domain.money import HUNDRED, ZERO, round_money
from app.domain.parameters import ParameterTable
from app.domain.parameters import value as param_value
from app.domain.recovery import interest
from app.domain.views import JsonView


@dataclass(frozen=True)
class Step:
    """A step of the debtor procedure: its code, its article and the parameter of its term."""

    code: str
    article: str
    parameter: str | None
    # What the term runs from (the start of the term, shown with it).
    runs_from: str


# The steps in order; the BPMN diagram names them in its due-date scripts.
STEPS: tuple[Step, ...] = (
    Step("interview", "art. 3-4", "fa.debtor.interview_days", "request_received"),
    Step("bailiff_info", "art. 5 ust. 1", None, "interview"),
    Step("registration_obligation", "art. 5 ust. 2", None, "interview"),
    Step("registration", "art. 5 ust. 2 pkt 1", "fa.debtor.registration_max_days",
         "obligation_served"),
    Step("evasion_decision", "art. 5 ust. 3 (art. 35 KPA)", "kpa.decision_months",
         "proceedings_opened"),
    Step("evasion_final", "art. 5 ust. 3b", None, "decision_delivered"),
    Step("licence_motion", "art. 5 ust. 3b", "fa.debtor.motion_days", "decision_final"),
    Step("big_report", "art. 5 ust. 4", "fa.debtor.big_days", "decision_final"),
    Step("prosecutor_notice", "art. 5 ust. 4 (art. 209 § 1 KK)", "fa.debtor.prosecutor_days",
         "decision_final"),
    Step("grounds_ceased", "art. 5 ust. 5", None, "decision_final"),
    Step("licence_withdrawal", "art. 5 ust. 5", "fa.debtor.withdrawal_days", "grounds_ceased"),
)
BY_CODE = {s.code: s for s in STEPS}


def _param(name: str, on: date, table: ParameterTable | None) -> object:
    return param_value(name, on, table).value


def step_due(step: str, start: date, days: int | None = None,
             table: ParameterTable | None = None) -> date:
    """The last day of a step that runs from ``start``.

    ``registration`` takes the period the centre set (``days``), at most the act's 30 days;
    ``evasion_decision`` is the KPA month; the others their parameter's days, KPA-counted.
    """
    found = BY_CODE[step]
    if step == "evasion_decision":
        months = _param("kpa.decision_months", start, table)
        assert isinstance(months, int)
        return deadlines.add_months_kpa(start, months)
    if found.parameter is None:
        raise ValueError(f"the step {step!r} has no statutory term")
    limit = _param(found.parameter, start, table)
    assert isinstance(limit, int)
    if step == "registration":
        if days is None:
            days = limit
        if not 1 <= int(days) <= limit:
            raise ValueError(f"the registration period is 1 to {limit} days (art. 5 ust. 2 pkt 1)")
        limit = int(days)
    return deadlines.kpa_period_end(start, limit)


# --- art. 5 ust. 3a ------------------------------------------------------------------------


@dataclass(frozen=True)
class MonthPaid:
    """What the debtor paid in a month against the alimony currently due in it."""

    month: date
    due: Decimal
    paid: Decimal


def evasion_excluded(months: Sequence[MonthPaid], on: date,
                     table: ParameterTable | None = None) -> bool:
    """True when no evasion decision may be issued: in each of the last N (6) months before
    ``on`` the debtor paid at least P (50) % of the alimony due (art. 5 ust. 3a). A month
    missing from ``months`` counts as nothing paid."""
    count = _param("fa.debtor.evasion_months", on, table)
    share = _param("fa.debtor.evasion_paid_percent", on, table)
    assert isinstance(count, int) and isinstance(share, Decimal)
    by_month = {m.month.replace(day=1): m for m in months}
    first = on.replace(day=1)
    for back in range(1, count + 1):
        index = first.month - 1 - back
        month = date(first.year + index // 12, index % 12 + 1, 1)
        found = by_month.get(month)
        if found is None or found.due <= 0:
            return False
        if found.paid * HUNDRED < found.due * share:
            return False
    return True


# --- art. 28: the split of a receipt ---------------------------------------------------------


@dataclass(frozen=True)
class Split(JsonView):
    """One receipt's shares: the state budget, the creditor's gmina and the debtor's gmina."""

    state: Decimal
    creditor_gmina: Decimal
    debtor_gmina: Decimal

    @property
    def total(self) -> Decimal:
        return self.state + self.creditor_gmina + self.debtor_gmina


def split_receipt(amount: Decimal, on: date, same_gmina: bool,
                  table: ParameterTable | None = None) -> Split:
    """Art. 28 ust. 1-2: the state budget's, the creditor gmina's and the debtor gmina's parts
    of ``amount`` recovered on ``on``. Where the debtor lives in the creditor's gmina, that gmina
    is both and its part is the two gmina shares together (shown as the creditor's)."""
    creditor_pct = _param("fa.debtor.share_creditor_gmina", on, table)
    debtor_pct = _param("fa.debtor.share_debtor_gmina", on, table)
    assert isinstance(creditor_pct, Decimal) and isinstance(debtor_pct, Decimal)
    if same_gmina:
        creditor = round_money(amount * (creditor_pct + debtor_pct) / HUNDRED)
        debtor = ZERO
    else:
        creditor = round_money(amount * creditor_pct / HUNDRED)
        debtor = round_money(amount * debtor_pct / HUNDRED)
    return Split(state=amount - creditor - debtor, creditor_gmina=creditor, debtor_gmina=debtor)


# --- art. 27: the debtor's dues ------------------------------------------------------------


@dataclass(frozen=True)
class Due:
    """FA paid to an entitled person: the day it was paid and the amount."""

    key: int
    paid_on: date
    amount: Decimal


@dataclass(frozen=True)
class Receipt:
    """An amount recovered from the debtor on a day."""

    key: int
    on: date
    amount: Decimal


@dataclass(frozen=True)
class Applied(JsonView):
    """How one receipt was applied: interest first, then principal; the rest is overpaid."""

    key: int
    interest: Decimal
    principal: Decimal
    overpaid: Decimal


@dataclass(frozen=True)
class Dues(JsonView):
    """The debtor's dues on a day, in grosze."""

    on: date
    principal: Decimal
    interest: Decimal
    recovered: Decimal
    overpaid: Decimal
    outstanding_principal: Decimal
    outstanding_interest: Decimal
    outstanding: Decimal
    applied: tuple[Applied, ...]


def interest_start(paid_on: date, table: ParameterTable | None = None) -> date:
    """The first day interest runs on FA paid on ``paid_on`` (``fa.debtor.interest_from``)."""
    if _param("fa.debtor.interest_from", paid_on, table) == "next_month":
        nxt = paid_on.replace(day=28) + timedelta(days=4)
        return nxt.replace(day=1)
    return paid_on


def dues(items: Iterable[Due], receipts: Iterable[Receipt], on: date,
         table: ParameterTable | None = None) -> Dues:
    """The debtor's dues on ``on``: the FA paid by then, the statutory interest accrued (art. 27
    ust. 1) and the receipts up to that day applied interest first, then oldest principal."""
    items = sorted((i for i in items if i.paid_on <= on), key=lambda i: (i.paid_on, i.key))
    left = {i.key: i.amount for i in items}
    since = {i.key: interest_start(i.paid_on, table) for i in items}
    accrued = Decimal(0)
    settled = ZERO
    applied: list[Applied] = []

    def accrue(to: date) -> None:
        nonlocal accrued
        for item in items:
            if since[item.key] < to:
                accrued += interest(left[item.key], since[item.key], to)
                since[item.key] = to

    recovered = overpaid = ZERO
    for receipt in sorted((r for r in receipts if r.on <= on), key=lambda r: (r.on, r.key)):
        accrue(receipt.on)
        open_interest = max(ZERO, round_money(accrued) - settled)
        to_interest = min(open_interest, receipt.amount)
        settled += to_interest
        rest = receipt.amount - to_interest
        taken = ZERO
        for item in items:
            if item.paid_on > receipt.on:
                continue
            part = min(left[item.key], rest - taken)
            left[item.key] -= part
            taken += part
        extra = rest - taken
        recovered += receipt.amount
        overpaid += extra
        applied.append(Applied(receipt.key, to_interest, taken, extra))
    accrue(on)
    principal_left = sum(left.values(), ZERO)
    interest_left = max(ZERO, round_money(accrued) - settled)
    return Dues(on=on, principal=sum((i.amount for i in items), ZERO),
                interest=round_money(accrued), recovered=recovered, overpaid=overpaid,
                outstanding_principal=principal_left, outstanding_interest=interest_left,
                outstanding=principal_left + interest_left, applied=tuple(applied))
