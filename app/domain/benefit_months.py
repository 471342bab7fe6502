"""Benefit months: the month a money benefit starts, and its amount month by month.

Money benefits are granted and paid per calendar month, and the legal parameters that decide
them follow the benefit months, never the filing date (DOMAIN.md, "Benefit months"):

* u.p.s. money benefits (zasiłek stały, zasiłek okresowy) run from the month in which the complete
  application was filed (art. 106 ust. 3 u.p.s.), or from a later month the applicant asks for;
  never from an earlier one. Each month is computed with the parameters in force in that month.
  READING: "in force in that month" is "in force on its first day", so a parameter changed in the
  middle of a month applies from the next month (every change so far falls on the 1st).
  Specjalny zasiłek celowy is a one-off benefit to which art. 106 ust. 3 does not apply; the
  functions treat it like the other u.p.s. benefits so that a service can ask uniformly.
* zasiłek rodzinny (period 1 Nov - 31 Oct) and FA (period 1 Oct - 30 Sep) are granted for a
  benefit period. An application filed before the period starts (most are filed in July-September)
  is for the next period when the applicant asks so: pass that period's first day as
  ``requested_from``. Each month is computed with the parameters of the benefit period containing
  it, looked up on the period's first day: an FA application filed in August 2024 for the period
  from 1 Oct 2024 gets the 1000 zł cap of that period, not the 500 zł in force in August.

A grant that runs across a parameter change (1 Jan 2025 for the u.p.s. criteria, 1 Oct 2024 for
the FA cap, 1 Oct 2026 for the FA criterion) changes amount from that month; the change needs a
changing decision (art. 106 ust. 5 u.p.s.). :func:`parameter_changes` lists those dates inside a
period and :func:`segments` gives the runs of months with one amount.

Ages and other facts that change during a grant are the caller's: pass ``members`` as a function
of the month (e.g. ages recomputed from birth dates) instead of a list.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from app.domain import benefits
from app.domain.eligibility import BENEFITS, EligibilityResult, calculate
from app.domain.errors import InvalidInput
from app.domain.income import Member
from app.domain.messages import Code, msg
from app.domain.money import money_str
from app.domain.parameters import (
    PARAMETERS,
    ParameterNotFound,
    ParameterTable,
    not_in_force,
    period_start,
    value,
)

__all__ = [
    "FAMILY_BENEFITS",
    "MAX_MONTHS",
    "MonthAmount",
    "Segment",
    "amounts_by_month",
    "benefit_period",
    "first_benefit_month",
    "month_start",
    "months_between",
    "parameter_changes",
    "parameters_on",
    "segments",
]

# Benefits granted for a yearly benefit period, with the parameter naming its first month
# (live views of the catalogue, app.domain.benefits).
FAMILY_BENEFITS: Mapping[str, str] = benefits.attribute(lambda b: b.period_start_parameter)
# The parameters each benefit's rule reads (by name prefix), for parameter_changes.
PARAMETER_PREFIXES: Mapping[str, tuple[str, ...]] = benefits.attribute(lambda b: b.parameters_read)
MAX_MONTHS = 240  # a sanity limit for one request (20 years)

MembersArg = Sequence[Member] | Callable[[date], Sequence[Member]]


def _benefit(benefit: Any) -> str:
    if benefit not in BENEFITS:
        raise InvalidInput("benefit", msg(Code.BENEFIT_CODE_UNKNOWN, benefit=str(benefit),
                                          allowed=", ".join(BENEFITS)))
    return str(benefit)


def _date(d: Any, field: str) -> date:
    if not isinstance(d, date) or isinstance(d, datetime):
        raise InvalidInput(field, msg(Code.CALENDAR_DATE))
    return d


def month_start(d: date) -> date:
    """The first day of the month of ``d``."""
    return d.replace(day=1)


def _next_month(d: date) -> date:
    return date(d.year + d.month // 12, d.month % 12 + 1, 1)


def months_between(period_from: date, period_to: date) -> list[date]:
    """The first days of the months from the month of ``period_from`` to that of ``period_to``."""
    period_from = _date(period_from, "period_from")
    period_to = _date(period_to, "period_to")
    if period_to < period_from:
        raise InvalidInput("period_to", msg(Code.PERIOD_END_BEFORE_START))
    result: list[date] = []
    m = month_start(period_from)
    while m <= period_to:
        result.append(m)
        if len(result) > MAX_MONTHS:
            raise InvalidInput("period_to", msg(Code.PERIOD_TOO_LONG, limit=MAX_MONTHS))
        m = _next_month(m)
    return result


def _lookup(name: str, on: date, table: ParameterTable | None) -> Any:
    try:
        return value(name, on, table).value
    except ParameterNotFound as e:
        raise InvalidInput("on", not_in_force(e)) from None


def first_benefit_month(
    benefit: str, received_on: date, requested_from: date | None = None
) -> date:
    """The first benefit month (its first day) of an application received on ``received_on``.

    Art. 106 ust. 3 u.p.s.: from the month in which the complete application was filed. A later
    ``requested_from`` (the month or period the applicant asks for, e.g. 1 Oct 2024 for an FA
    application filed in August 2024 for the period 2024/2025, or 1 Nov for zasiłek rodzinny)
    moves the start to that month; an earlier one does not move it before the month of filing.
    """
    _benefit(benefit)
    filed = month_start(_date(received_on, "received_on"))
    if requested_from is None:
        return filed
    return max(filed, month_start(_date(requested_from, "requested_from")))


def benefit_period(
    benefit: str, month: date, *, table: ParameterTable | None = None
) -> tuple[date, date] | None:
    """The benefit period (first and last day) that contains ``month``; None for u.p.s. benefits."""
    name = FAMILY_BENEFITS.get(_benefit(benefit))
    if name is None:
        return None
    month = _date(month, "month")
    start = period_start(month, _lookup(name, month, table))
    end = date(start.year + 1, start.month, 1) - timedelta(days=1)
    return start, end


def parameters_on(benefit: str, month: date, *, table: ParameterTable | None = None) -> date:
    """The day whose parameters decide ``month``: the period start, or the month's first day."""
    period = benefit_period(benefit, month, table=table)
    return period[0] if period is not None else month_start(_date(month, "month"))


def _signature(benefit: str, on: date, table: ParameterTable | None) -> tuple[Any, ...]:
    """Which entry of each parameter of the benefit is in force on ``on``."""
    rows = PARAMETERS if table is None else table
    prefixes = PARAMETER_PREFIXES[benefit]
    sig: list[tuple[str, date | None]] = []
    for name in sorted(rows):
        if name.startswith(prefixes):
            try:
                sig.append((name, value(name, on, table).valid_from))
            except ParameterNotFound:
                sig.append((name, None))
    return tuple(sig)


def parameter_changes(
    benefit: str, period_from: date, period_to: date, *, table: ParameterTable | None = None
) -> list[date]:
    """The first days of the months after the first one in which the benefit's parameters change.

    These are the dates from which a grant over ``period_from``..``period_to`` must be recomputed
    (and, where the amount changes, changed by decision, art. 106 ust. 5 u.p.s.): e.g.
    [2025-01-01] for a zasiłek stały granted from July 2024 to June 2025, and [2026-10-01] for an
    FA grant running across the new FA criterion.
    """
    _benefit(benefit)
    months = months_between(period_from, period_to)
    changes: list[date] = []
    previous = _signature(benefit, parameters_on(benefit, months[0], table=table), table)
    for m in months[1:]:
        current = _signature(benefit, parameters_on(benefit, m, table=table), table)
        if current != previous:
            changes.append(m)
        previous = current
    return changes


@dataclass(frozen=True)
class MonthAmount:
    """One benefit month: the day whose parameters apply and the full calculation for it."""

    month: date
    parameters_on: date
    result: EligibilityResult

    @property
    def eligible(self) -> bool:
        return self.result.eligible

    @property
    def amount(self) -> Decimal:
        return self.result.amount

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe: the month, the parameter date and the result's to_dict()."""
        return {"month": self.month.isoformat(), "parameters_on": self.parameters_on.isoformat(),
                "result": self.result.to_dict()}


@dataclass(frozen=True)
class Segment:
    """A run of consecutive benefit months with the same eligibility and amounts."""

    start: date
    end: date
    months: int
    eligible: bool
    amount: Decimal
    min_amount: Decimal
    max_amount: Decimal
    result: EligibilityResult

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe: dates ISO, money as '123.45', the first month's result in full."""
        return {"start": self.start.isoformat(), "end": self.end.isoformat(),
                "months": self.months, "eligible": self.eligible,
                "amount": money_str(self.amount), "min_amount": money_str(self.min_amount),
                "max_amount": money_str(self.max_amount), "result": self.result.to_dict()}


def amounts_by_month(
    benefit: str,
    members: MembersArg,
    period_from: date,
    period_to: date,
    *,
    municipal_percentage: Decimal | None = None,
    table: ParameterTable | None = None,
) -> list[MonthAmount]:
    """The calculation of every benefit month from ``period_from`` to ``period_to`` (inclusive).

    Each month is computed by :func:`app.domain.eligibility.calculate` on the month's first day,
    so with the parameters in force in that month (u.p.s.) or of the benefit period containing it
    (zasiłek rodzinny, FA). ``members`` is the household, or a function of the month returning it.
    """
    _benefit(benefit)
    result: list[MonthAmount] = []
    for m in months_between(period_from, period_to):
        household = list(members(m) if callable(members) else members)
        result.append(MonthAmount(m, parameters_on(benefit, m, table=table),
                                  calculate(benefit, m, household,
                                            municipal_percentage=municipal_percentage,
                                            table=table)))
    return result


def segments(
    benefit: str,
    members: MembersArg,
    period_from: date,
    period_to: date,
    *,
    municipal_percentage: Decimal | None = None,
    table: ParameterTable | None = None,
) -> list[Segment]:
    """The benefit months grouped into runs of equal eligibility and amounts, in order.

    A new segment starts wherever the amount (or eligibility, or the allowed range) changes, e.g.
    on 1 Jan 2025 for a zasiłek stały; a parameter change that leaves the amount as it was does
    not split a segment (see :func:`parameter_changes` for those dates).
    """
    runs: list[list[MonthAmount]] = []
    for month in amounts_by_month(benefit, members, period_from, period_to,
                                  municipal_percentage=municipal_percentage, table=table):
        r = month.result
        key = (r.eligible, r.amount, r.min_amount, r.max_amount)
        if runs:
            last = runs[-1][-1].result
            if (last.eligible, last.amount, last.min_amount, last.max_amount) == key:
                runs[-1].append(month)
                continue
        runs.append([month])
    return [
        Segment(start=run[0].month, end=_next_month(run[-1].month) - timedelta(days=1),
                months=len(run), eligible=run[0].result.eligible, amount=run[0].result.amount,
                min_amount=run[0].result.min_amount, max_amount=run[0].result.max_amount,
                result=run[0].result)
        for run in runs
    ]
