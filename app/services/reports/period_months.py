"""The period a monthly report covers, read from its query: ``year`` with ``half`` (1 or 2;
omitted: the whole year), as the MRPiPS-03 report takes it, or ``from`` and ``to`` as
``YYYY-MM`` (any run of whole months, at most :data:`MAX_MONTHS`). Used by the family-benefit
and FA reports (``family_benefits.py``, ``fa.py``); every refusal is a coded field error."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from app.domain.messages import msg
from app.domain.messages.codes_fbr import FbrCode
from app.domain.payment_dates import add_months
from app.domain.views import JsonView
from app.services.kernel.context import Actor
from app.services.kernel.errors import Forbidden, ValidationFailed

MIN_YEAR, MAX_YEAR = 2000, 2199
MAX_MONTHS = 24
# Who reads the reports: the head of the centre and supervisors (never an admin alone, never a
# caseworker: the reports are the centre's figures, not a case role's work).
REPORT_ROLES = frozenset({"head", "supervisor"})
_YEAR = re.compile(r"[0-9]{4}")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")


@dataclass(frozen=True)
class Period(JsonView):
    """Whole months from ``first`` (its first day) to ``last`` (the first day of the last)."""

    first: date
    last: date

    @property
    def months(self) -> tuple[date, ...]:
        out, m = [], self.first
        while m <= self.last:
            out.append(m)
            m = add_months(m, 1)
        return tuple(out)

    @property
    def end(self) -> date:
        """The last day of the period."""
        return add_months(self.last, 1) - timedelta(days=1)


def require_reader(actor: Actor) -> None:
    """Refuse anyone but the head of the centre or a supervisor (403)."""
    if not actor.roles & REPORT_ROLES:
        raise Forbidden(msg(FbrCode.REPORT_ROLE))


def _year(raw: str, errors: dict[str, str]) -> int | None:
    if _YEAR.fullmatch(raw) and MIN_YEAR <= int(raw) <= MAX_YEAR:
        return int(raw)
    errors["year"] = msg(FbrCode.REPORT_YEAR, min=MIN_YEAR, max=MAX_YEAR)
    return None


def _month(name: str, raw: str, errors: dict[str, str]) -> date | None:
    found = _MONTH.fullmatch(raw)
    if found and MIN_YEAR <= int(found[1]) <= MAX_YEAR and 1 <= int(found[2]) <= 12:
        return date(int(found[1]), int(found[2]), 1)
    errors[name] = msg(FbrCode.REPORT_MONTH)
    return None


def read_period(args: Mapping[str, str]) -> Period:
    """The period the query names, or a 422 naming each field that is wrong."""
    errors: dict[str, str] = {}
    given = {k: (args.get(k) or "").strip() for k in ("year", "half", "from", "to")}
    by_year = bool(given["year"] or given["half"])
    by_months = bool(given["from"] or given["to"])
    if by_year and by_months:
        for key in ("year", "from"):
            errors[key] = msg(FbrCode.REPORT_PERIOD_MIXED)
        raise ValidationFailed(msg(FbrCode.REPORT_PERIOD_INVALID), errors)
    if by_months:
        first = _month("from", given["from"], errors)
        last = _month("to", given["to"], errors)
        if first and last:
            if last < first:
                errors["to"] = msg(FbrCode.REPORT_PERIOD_ORDER)
            elif len(Period(first, last).months) > MAX_MONTHS:
                errors["to"] = msg(FbrCode.REPORT_PERIOD_TOO_LONG, months=MAX_MONTHS)
        if errors or first is None or last is None:
            raise ValidationFailed(msg(FbrCode.REPORT_PERIOD_INVALID), errors)
        return Period(first, last)
    if not given["year"]:
        errors["year"] = msg(FbrCode.REPORT_PERIOD_MISSING)
    year = _year(given["year"], errors) if given["year"] else None
    half = given["half"]
    if half not in ("", "1", "2"):
        errors["half"] = msg(FbrCode.REPORT_HALF)
    if errors or year is None:
        raise ValidationFailed(msg(FbrCode.REPORT_PERIOD_INVALID), errors)
    if half == "1":
        return Period(date(year, 1, 1), date(year, 6, 1))
    if half == "2":
        return Period(date(year, 7, 1), date(year, 12, 1))
    return Period(date(year, 1, 1), date(year, 12, 1))
