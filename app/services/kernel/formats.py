"""The two formats of every input schema, ``money`` and ``date``, and the reading of a plain
number typed on a page (a form's whole number, hectares).

This module lies below both the input schemas (:mod:`app.services.kernel.inputs`) and the task
forms' validator (:mod:`app.services.kernel.schema_errors`): both assert these formats, so a date
means one thing in every input.

``money`` is a decimal string (or a whole JSON number) read by :func:`app.domain.money.parse_money`,
the one money parser, into a ``Decimal``; on pages a Polish comma ("200,50") and a space-grouped
amount ("1 229,50") are read too. ``date`` is a strict "YYYY-MM-DD", a real calendar day within
MIN_YEAR-MAX_YEAR (no "20260101", no week date "2026-W10-1", which ``date.fromisoformat`` reads);
on pages a Polish "dd.mm.rrrr" is read too. Each reader either returns the typed value or says
what is wrong with a coded message (never echoing the value, which may be personal data).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal
from typing import Any

from app.domain.messages import Code, Msg, msg
from app.domain.money import MoneyRefused, parse_money
from app.services.kernel.json_input import MAX_YEAR, MIN_YEAR
from app.services.kernel.json_numbers import WholeFloat

__all__ = ["MAX_YEAR", "MIN_YEAR", "Refused", "read_date", "read_money", "read_number"]
API_EXAMPLE, PAGE_EXAMPLE = "1234.56", "1234,56"
_ISO = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")
_POLISH = re.compile(r"^([0-9]{2})\.([0-9]{2})\.([0-9]{4})$")  # dd.mm.rrrr, as dates are printed


class Refused(ValueError):
    """A value its format refuses; ``message`` says why (coded)."""

    def __init__(self, message: Msg) -> None:
        super().__init__(message.code.value)
        self.message = message


def read_money(raw: Any, *, page: bool = False) -> Decimal:
    """An amount in złoty from a decimal string or a whole JSON number, or :class:`Refused`."""
    example = PAGE_EXAMPLE if page else API_EXAMPLE
    if isinstance(raw, float | WholeFloat):  # 500.0 is a float to money, however whole
        raise Refused(msg(Code.AMOUNT_NOT_FLOAT, example=example))
    try:
        return parse_money(raw, comma=page)
    except MoneyRefused as refused:
        if refused.code is Code.AMOUNT_FORMAT:
            raise Refused(msg(Code.AMOUNT_DECIMAL_STRING, example=example)) from None
        raise Refused(msg(refused.code)) from None


def read_date(raw: Any, *, page: bool = False) -> date:
    """A real calendar day as "YYYY-MM-DD" (on pages also "dd.mm.rrrr"), or :class:`Refused`."""
    text = raw.strip() if isinstance(raw, str) else None
    found = _ISO.match(text) if text is not None else None
    if found is not None:
        year, month, day = (int(g) for g in found.groups())
    elif page and text is not None and (polish := _POLISH.match(text)) is not None:
        day, month, year = (int(g) for g in polish.groups())
    else:
        raise Refused(msg(Code.DATE_FORMAT))
    try:
        parsed = date(year, month, day)
    except ValueError:
        raise Refused(msg(Code.DATE_FORMAT)) from None
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        raise Refused(msg(Code.DATE_RANGE, earliest=f"{MIN_YEAR}-01-01", latest=f"{MAX_YEAR}-12-31"))
    return parsed


_PLAIN_NUMBER = re.compile(r"^[+-]?[0-9]{1,15}(?:\.[0-9]{0,10})?$")


def read_number(raw: Any, *, page: bool = False, whole: bool = False) -> Decimal:
    """A plain number that is not money (a count of days, hectares), or :class:`Refused`: at most
    15 digits and 10 places, no exponent, "_" or non-ASCII digits (a long text is refused by its
    length before any reading); on pages a Polish comma and space-grouped digits are read too.
    ``whole``: only a whole number (``2`` or ``2,0``)."""
    refused = Refused(msg(Code.INTEGER_EXPECTED if whole else Code.NUMBER_EXPECTED))
    if isinstance(raw, bool) or not isinstance(raw, str | int):
        raise refused
    text = str(raw).strip()
    if page:
        text = text.replace("\u00a0", "").replace(" ", "").replace(",", ".")
    if len(text) > 40 or not _PLAIN_NUMBER.match(text):
        raise refused
    value = Decimal(text)  # the pattern admits only what Decimal reads, finite
    if whole and value != value.to_integral_value():
        raise refused
    return value


READERS = {"money": read_money, "date": read_date}


def problem(fmt: str, raw: Any, *, page: bool = False) -> Msg | None:
    """Why ``raw`` is not a value of the format ``fmt`` (money or date), or None."""
    try:
        READERS[fmt](raw, page=page)
    except Refused as refused:
        return refused.message
    return None
