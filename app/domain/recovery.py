"""Undue benefits: the debt, its statutory interest, receipts, write-offs, instalments.

Pure rules (no database): the services feed in the undue payments (``Item``) and what happened
to the debt (``Event``), and get a :class:`Balance` on a date.

Readings, each chosen where the acts give no rule and stated here so the centre can change them:

* Interest (family benefits and FA only, see ``recovery.interest_acts``, and only on the grounds
  the act charges it on, see :mod:`recovery_law`) is *odsetki ustawowe za opóźnienie* (NBP
  reference rate + 5.5 pp, art. 481 § 2 k.c.; art. 23 ust. 1a of the FA act). It runs on each
  undue payment's unpaid principal from the day the act sets (FA: the 1st day of the month
  after the payment, art. 23 ust. 7; family benefits: ``recovery.interest_from``) up to, not
  including, the day it is repaid, at the rate in force on each day, ACT/365 (every year counts
  365 days, as the Ministry of Finance's calculators do). Exact Decimals; rounded half-up to
  grosze only when shown or paid.
* A receipt (repayment or deduction) pays the interest due first and then principal, oldest
  payment first (art. 451 § 1 k.c. applied by analogy); what exceeds the whole debt is an
  overpayment, recorded as such and never a negative balance.
* A write-off of an amount reduces principal, oldest first, then interest; a full write-off
  (``Event.full``) clears all that is owed on its date. Interest keeps running through a
  deferral or instalments (they change when the debt is due, not how much it is).
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_FLOOR, Decimal

from app.domain import benefits
from app.domain.money import GROSZ, HUNDRED, ZERO, round_money
from app.domain.parameters import ParameterTable
from app.domain.parameters import value as param_value
from app.domain.recovery_law import BY_CODE
from app.domain.recovery_rates import RECOVERY_PARAMETERS

# The generic kinds of ground (art. 6 pkt 16 u.p.s.); FA and family benefits also record the
# act's own ground (recovery_law.GROUNDS), whose kind may be "other".
GROUNDS = ("false_information", "unreported_change")
DAYS_IN_YEAR = Decimal(365)


def act_of(benefit: str) -> str:
    """Which act a benefit is recovered under (the act decides interest and the legal basis):
    'usr', 'fa' or 'ups' (every social assistance benefit), from its catalogue entry."""
    return benefits.act_of(benefit)


def _param(name: str, on: date, table: ParameterTable | None) -> object:
    return param_value(name, on, table or RECOVERY_PARAMETERS).value


def bears_interest(benefit: str, on: date, table: ParameterTable | None = None,
                   legal_ground: str | None = None) -> bool:
    """True when an undue benefit of this kind, on this statutory ground (when recorded), is
    repaid with interest (art. 23 ust. 1a FA act: not on lit. c and e)."""
    acts = _param("recovery.interest_acts", on, table)
    assert isinstance(acts, tuple)
    ground = BY_CODE.get(legal_ground or "")
    return act_of(benefit) in acts and (ground is None or ground.interest)


def interest_start(paid_on: date, table: ParameterTable | None = None, act: str = "usr") -> date:
    """The first day interest runs on a payment made on ``paid_on`` (FA: art. 23 ust. 7)."""
    name = "recovery.interest_from_fa" if act == "fa" else "recovery.interest_from"
    if _param(name, paid_on, table) == "next_month":
        last = calendar.monthrange(paid_on.year, paid_on.month)[1]
        return paid_on.replace(day=last) + timedelta(days=1)
    return paid_on


def interest(amount: Decimal, start: date, end: date, table: ParameterTable | None = None) -> Decimal:
    """Exact statutory interest on ``amount`` for the days ``start`` <= day < ``end``.

    The period is cut where the rate changes; each part is amount x rate x days / 365.
    """
    if end <= start or amount <= 0:
        return Decimal(0)
    rows = (table or RECOVERY_PARAMETERS)["recovery.statutory_interest"]
    total = Decimal(0)
    day = start
    while day < end:
        rate = param_value("recovery.statutory_interest", day, table or RECOVERY_PARAMETERS)
        nxt = next((r.valid_from for r in rows if r.valid_from > day), None)
        part_end = min(end, nxt) if nxt else end
        total += amount * Decimal(rate.value) / HUNDRED * (part_end - day).days / DAYS_IN_YEAR
        day = part_end
    return total


@dataclass(frozen=True)
class Item:
    """One undue payment: when it was paid and how much of it is undue."""

    key: int
    paid_on: date
    amount: Decimal


@dataclass(frozen=True)
class Event:
    """Something that changed the debt on a date: 'deduction', 'repayment' or 'write_off'."""

    on: date
    kind: str
    amount: Decimal
    full: bool = False


@dataclass
class Balance:
    """The debt on a date; every figure in grosze."""

    principal: Decimal = ZERO
    interest: Decimal = ZERO
    deducted: Decimal = ZERO
    repaid: Decimal = ZERO
    written_off: Decimal = ZERO
    overpaid: Decimal = ZERO
    outstanding_principal: Decimal = ZERO
    outstanding_interest: Decimal = ZERO
    details: list[str] = field(default_factory=list)

    @property
    def outstanding(self) -> Decimal:
        """Principal and interest still owed."""
        return self.outstanding_principal + self.outstanding_interest

    def add(self, other: Balance) -> Balance:
        """The sum of two balances (a person's total over cases)."""
        names = ("principal", "interest", "deducted", "repaid", "written_off", "overpaid",
                 "outstanding_principal", "outstanding_interest")
        return Balance(**{n: getattr(self, n) + getattr(other, n) for n in names})

    def as_dict(self) -> dict[str, str]:
        """JSON-safe figures ("123.45")."""
        names = ("principal", "interest", "deducted", "repaid", "written_off", "overpaid",
                 "outstanding_principal", "outstanding_interest", "outstanding")
        return {n: f"{getattr(self, n):.2f}" for n in names}


class _Ledger:
    """Running state of one debt while events are replayed in date order."""

    def __init__(self, items: Sequence[Item], with_interest: bool, table: ParameterTable | None,
                 act: str = "usr"):
        self.items = sorted(items, key=lambda i: (i.paid_on, i.key))
        self.left = {i.key: i.amount for i in self.items}
        self.since = {i.key: interest_start(i.paid_on, table, act) for i in self.items}
        self.with_interest = with_interest
        self.table = table
        self.accrued = Decimal(0)  # exact interest accrued so far
        self.interest_settled = ZERO  # interest paid or written off, in grosze

    def accrue(self, to: date) -> None:
        if not self.with_interest:
            return
        for item in self.items:
            if self.since[item.key] < to:
                self.accrued += interest(self.left[item.key], self.since[item.key], to, self.table)
                self.since[item.key] = to

    def open_interest(self) -> Decimal:
        return max(ZERO, round_money(self.accrued) - self.interest_settled)

    def principal_left(self) -> Decimal:
        return sum(self.left.values(), ZERO)

    def reduce_principal(self, amount: Decimal) -> Decimal:
        """Take up to ``amount`` off principal, oldest first; return what was taken."""
        taken = ZERO
        for item in self.items:
            part = min(self.left[item.key], amount - taken)
            self.left[item.key] -= part
            taken += part
        return taken


def balance(items: Iterable[Item], events: Iterable[Event], on: date, with_interest: bool,
            table: ParameterTable | None = None, act: str = "usr") -> Balance:
    """The debt of undue ``items`` on ``on`` after the ``events`` up to that day."""
    items = list(items)
    ledger = _Ledger(items, with_interest, table, act)
    out = Balance(principal=sum((i.amount for i in items), ZERO))
    written_interest = ZERO
    for event in sorted((e for e in events if e.on <= on), key=lambda e: e.on):
        ledger.accrue(event.on)
        if event.kind == "write_off":
            amount = ledger.principal_left() + ledger.open_interest() if event.full else event.amount
            taken = ledger.reduce_principal(amount)
            interest_part = min(ledger.open_interest(), amount - taken)
            ledger.interest_settled += interest_part
            written_interest += interest_part
            out.written_off += taken + interest_part
            continue
        if event.kind == "deduction":
            out.deducted += event.amount
        else:
            out.repaid += event.amount
        interest_part = min(ledger.open_interest(), event.amount)
        ledger.interest_settled += interest_part
        taken = ledger.reduce_principal(event.amount - interest_part)
        out.overpaid += event.amount - interest_part - taken
    ledger.accrue(on)
    out.interest = round_money(ledger.accrued)
    out.outstanding_principal = ledger.principal_left()
    out.outstanding_interest = ledger.open_interest()
    return out


def deduction(payment: Decimal, owed: Decimal, limit_percent: Decimal) -> Decimal:
    """How much to deduct from a current ``payment``: within the limit, never above what is owed,
    never making the payment negative (rounded down to grosze)."""
    if payment <= 0 or owed <= 0:
        return ZERO
    cap = (payment * limit_percent / HUNDRED).quantize(GROSZ, rounding=ROUND_FLOOR)
    return max(ZERO, min(cap, owed, payment))


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later, clamped to the month's last day (31 Jan + 1 = 28/29 Feb)."""
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def split_instalments(total: Decimal, count: int, first_due: date) -> list[tuple[date, Decimal]]:
    """``count`` monthly instalments from ``first_due`` summing exactly to ``total``: equal parts
    rounded down to grosze, the last one taking the remainder."""
    if count < 1 or total <= 0:
        raise ValueError("an instalment plan needs a positive total and at least one instalment")
    part = (total / count).quantize(GROSZ, rounding=ROUND_FLOOR)
    if part <= 0:
        raise ValueError("instalments would be below one grosz")
    amounts = [part] * (count - 1) + [total - part * (count - 1)]
    return [(add_months(first_due, n), amounts[n]) for n in range(count)]
