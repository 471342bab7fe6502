"""The range a timer may name: dates in the years 1900-2199, durations of at most 100 years.

A timer of ``9999-12-31T23:59:59+00:00`` is valid ISO 8601, but one second later no longer is a
``datetime``: the rehearsal's clock (``due + 1 s``) raised OverflowError and the deploy check
answered 500. No benefit case waits for a date past 2199 (the last year the application's
dates accept) and no deadline of the KPA or the benefit acts is a century long, so a literal
outside this range is a lint error (``timer_out_of_range``) and a computed one is refused
where it is read (the rehearsal, ``views.next_timer_at``).
"""

from __future__ import annotations

import ast
import re
from datetime import date, datetime

EARLIEST = date(1900, 1, 1)
LATEST = date(2199, 12, 31)
MAX_DURATION_DAYS = 100 * 366
_DURATION = re.compile(
    r"^P(?:(?P<years>[0-9]+(?:[.,][0-9]+)?)Y)?(?:(?P<months>[0-9]+(?:[.,][0-9]+)?)M)?"
    r"(?:(?P<weeks>[0-9]+(?:[.,][0-9]+)?)W)?(?:(?P<days>[0-9]+(?:[.,][0-9]+)?)D)?"
    r"(?:T(?:(?P<hours>[0-9]+(?:[.,][0-9]+)?)H)?(?:(?P<minutes>[0-9]+(?:[.,][0-9]+)?)M)?"
    r"(?:(?P<seconds>[0-9]+(?:[.,][0-9]+)?)S)?)?$", re.IGNORECASE)
_DAYS_PER = {"years": 366, "months": 31, "weeks": 7, "days": 1, "hours": 1 / 24,
             "minutes": 1 / 1440, "seconds": 1 / 86400}


def moment_problem(moment: datetime) -> str | None:
    """Why a timer's moment is out of range, or None."""
    day = moment.date()  # the local date: astimezone() itself overflows near year 1 or 9999
    if not EARLIEST <= day <= LATEST:
        return f"{moment.isoformat()} is outside {EARLIEST.isoformat()} .. {LATEST.isoformat()}"
    return None


def duration_problem(text: str) -> str | None:
    """Why an ISO 8601 duration is too long, or None (also None for what is not a duration)."""
    match = _DURATION.match(text.strip())
    if match is None:
        return None
    days = 0.0
    for unit, value in match.groupdict().items():
        if value:
            if len(value) > 12:
                return f"duration {text!r} is longer than {MAX_DURATION_DAYS // 366} years"
            days += float(value.replace(",", ".")) * _DAYS_PER[unit]
    if days > MAX_DURATION_DAYS:
        return f"duration {text!r} is longer than {MAX_DURATION_DAYS // 366} years"
    return None


def _value_problem(part: str) -> str | None:
    part = part.strip()
    if part[:1].upper() == "P":
        return duration_problem(part)
    if not re.match(r"^[0-9+-]", part):
        return None
    try:
        moment = datetime.fromisoformat(part)
    except ValueError:
        # Years beyond 9999 or before 1 cannot even be read: out of range by definition.
        return f"{part!r} is not a date between {EARLIEST.isoformat()} and {LATEST.isoformat()}" \
            if re.match(r"^[+-]?[0-9]{5,}", part) else None
    return moment_problem(moment)


def value_problem(kind: str, value: str) -> str | None:
    """Why a timer's evaluated value (timeDate, timeDuration or timeCycle) is out of range."""
    if kind == "timeCycle":
        for part in value.strip().split("/")[1:] or [value]:
            problem = _value_problem(part)
            if problem is not None:
                return problem
        return None
    return _value_problem(value)


def timer_literal_problem(kind: str, expression: str) -> str | None:
    """For a timer expression that is a string literal: why its value is out of range, or None."""
    try:
        value = ast.literal_eval(expression)
    except (ValueError, SyntaxError, TypeError, MemoryError, RecursionError):
        return None  # computed: checked where it is evaluated
    return value_problem(kind, value) if isinstance(value, str) else None
