"""The fee for care services (art. 50 ust. 6 u.p.s.) and the monthly plan of meals and services.

The rada gminy sets the fee by resolution: a table by the income of the person living alone, or
per person in the family, as a percentage of the criterion of art. 8 ust. 1, each band with the
fee as a percentage of the cost of one hour of services (e.g. up to 100% free; above 100% up to
150%: 10%; …; above 300%: 100%). A band covers incomes **up to and including** its limit (the
resolutions say "do 100%"), so at exactly the limit the band applies and one grosz above it the
next does; incomes are compared unrounded (``total x 100 <= limit x criterion x persons``). The
last band has no limit. The table is dated (``valid_from``): a resolution that changes it is a
new table from the day it takes effect, and a decision takes the table in force on its first day.

Readings, named here and in the decision's wording:

* the fee for one hour is the percentage of the hourly cost, rounded **down** to grosze (in the
  party's favour, as amounts are rounded in the party's favour elsewhere);
* services are given on working days (Monday to Friday, public holidays excepted); the hours
  planned for a month are the weekly hours x the working days of the period in that month / 5,
  rounded half up to hundredths of an hour; the monthly fee is those hours x the fee for an hour,
  rounded down to grosze. The centre settles the hours actually given;
* meals are planned on each working day of the period in the month (the days a school or a
  canteen serves them), times the meals a day.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Any

from app.domain.deadlines import is_working_day
from app.domain.messages import Msg, msg
from app.domain.messages.codes_upsb import UpsbCode
from app.domain.money import GROSZ, HUNDRED, ZERO
from app.domain.views import JsonView

HOURS = Decimal("0.01")
MAX_HOURS_PER_WEEK = Decimal("84")   # 12 hours a day, 7 days a week: a bound on typing errors
MAX_MEALS_PER_DAY = 3
WORKING_DAYS_A_WEEK = 5


@dataclass(frozen=True)
class FeeBand(JsonView):
    """Incomes up to ``up_to`` % of the criterion (None: every higher income) pay ``fee_percent``
    % of the cost of an hour."""

    up_to: Decimal | None
    fee_percent: Decimal


@dataclass(frozen=True)
class FeeTable(JsonView):
    """One table of the rada gminy's resolution, in force from ``valid_from``."""

    valid_from: date
    hourly_cost: Decimal
    bands: tuple[FeeBand, ...]
    resolution: str = ""


@dataclass(frozen=True)
class Fee(JsonView):
    """The fee decided with a service: the band, its percentage and the fee for one hour."""

    band: int                 # 1-based, as the table on the page numbers it
    up_to: Decimal | None
    fee_percent: Decimal
    hourly_cost: Decimal
    fee_per_hour: Decimal
    table_from: date


def _decimal(raw: Any) -> Decimal | None:
    """A number typed on a page or sent as JSON ("150", "12,5", 150), or None when not one."""
    if isinstance(raw, bool) or raw is None:
        return None
    text = str(raw).strip().replace(",", ".").replace("\u00a0", "").replace(" ", "")
    if not text:
        return None
    try:
        value = Decimal(text)
    except ArithmeticError:
        return None
    if not value.is_finite() or value.as_tuple().exponent < -2:  # type: ignore[operator]
        return None
    return value


def read_table(valid_from: date, hourly_cost: Any, bands: Sequence[Mapping[str, Any]],
               resolution: Any) -> tuple[FeeTable | None, dict[str, Msg]]:
    """The table typed by an admin, checked: (the table, or None, and every error by field).

    ``bands`` is a list of ``{"up_to": "150" or "" (the last band), "fee_percent": "10"}``.
    """
    errors: dict[str, Msg] = {}
    cost = _decimal(hourly_cost)
    if cost is None or cost <= 0 or cost >= Decimal("100000"):
        errors["hourly_cost"] = msg(UpsbCode.FEE_HOURLY_COST)
    text = str(resolution or "").strip()
    if not text or len(text) > 300:
        errors["resolution"] = msg(UpsbCode.FEE_RESOLUTION)
    if not bands:
        errors["bands"] = msg(UpsbCode.FEE_TABLE_EMPTY)
    read: list[FeeBand] = []
    previous: Decimal | None = None
    for i, band in enumerate(bands):
        n = i + 1
        last = i == len(bands) - 1
        raw_limit = band.get("up_to")
        limit = _decimal(raw_limit)
        blank = raw_limit is None or str(raw_limit).strip() == ""
        if last != blank:
            errors[f"bands[{i}].up_to"] = msg(UpsbCode.FEE_BAND_OPEN_END)
        elif not blank and (limit is None or limit <= 0 or limit >= Decimal("100000")):
            errors[f"bands[{i}].up_to"] = msg(UpsbCode.FEE_BAND_LIMIT, band=n)
        elif limit is not None and previous is not None and limit <= previous:
            errors[f"bands[{i}].up_to"] = msg(UpsbCode.FEE_BAND_ORDER, band=n,
                                               previous=str(previous))
        fee = _decimal(band.get("fee_percent"))
        if fee is None or not ZERO <= fee <= HUNDRED:
            errors[f"bands[{i}].fee_percent"] = msg(UpsbCode.FEE_BAND_PERCENT, band=n)
        if limit is not None:
            previous = limit
        read.append(FeeBand(None if blank else limit, fee if fee is not None else ZERO))
    if errors or cost is None:
        return None, errors
    return FeeTable(valid_from, cost.quantize(GROSZ), tuple(read), text), {}


def in_force(tables: Iterable[FeeTable], on: date) -> FeeTable | None:
    """The table in force on ``on`` (the latest one from that day or before), or None."""
    found = [t for t in tables if t.valid_from <= on]
    return max(found, key=lambda t: t.valid_from) if found else None


def fee_for(table: FeeTable, total: Decimal, persons: int, criterion: Decimal) -> Fee:
    """The fee of a household whose income is ``total`` shared by ``persons`` (1: a person living
    alone) against ``criterion`` (single, or per person): the first band whose limit the income
    per person does not exceed, compared unrounded."""
    chosen = len(table.bands) - 1
    for i, band in enumerate(table.bands):
        if band.up_to is not None and total * HUNDRED <= band.up_to * criterion * persons:
            chosen = i
            break
    band = table.bands[chosen]
    per_hour = (table.hourly_cost * band.fee_percent / HUNDRED).quantize(GROSZ,
                                                                         rounding=ROUND_FLOOR)
    return Fee(chosen + 1, band.up_to, band.fee_percent, table.hourly_cost, per_hour,
               table.valid_from)


def month_days(period_from: date, period_to: date | None, month: date) -> list[date]:
    """The working days of ``month`` within the period (an open period runs on)."""
    first = month.replace(day=1)
    nxt = (first + timedelta(days=32)).replace(day=1)
    start = max(first, period_from)
    end = min(nxt - timedelta(days=1), period_to) if period_to else nxt - timedelta(days=1)
    out, day = [], start
    while day <= end:
        if is_working_day(day):
            out.append(day)
        day += timedelta(days=1)
    return out


def month_hours(hours_per_week: Decimal, days: int) -> Decimal:
    """The hours planned for a month of ``days`` working days."""
    return (hours_per_week * days / WORKING_DAYS_A_WEEK).quantize(HOURS, rounding=ROUND_HALF_UP)


def month_fee(hours: Decimal, fee_per_hour: Decimal) -> Decimal:
    """The fee for ``hours`` at ``fee_per_hour``, rounded down to grosze (the party's favour)."""
    return (hours * fee_per_hour).quantize(GROSZ, rounding=ROUND_FLOOR)
